/* rules_decision.c — the body of a decision or resolution (quyết định, nghị quyết): the enacting line, the basis lines' punctuation, articles numbered 1, 2, 3… and not empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "rules.h"

static int is_article(const bc_node *n)
{
	return n->type == BC_NODE_ARTICLE;
}

static int is_role(const bc_node *n, bc_role role)
{
	return n->type == BC_NODE_LINE && n->as.line->role == role;
}

/* The last character of a line's words that is not a space or a footnote mark; 0 for none. */
static uint32_t last_char(const bc_node *n, char *shown, size_t cap)
{
	bc_block_text t;
	memset(&t, 0, sizeof t);
	bc_text_gather(&t, n);
	const char *s = t.buf.s ? t.buf.s : "";
	size_t e = t.buf.len;
	while (e && (s[e - 1] == ' ' || s[e - 1] == '\x01'))
		e--;
	uint32_t cp = 0;
	shown[0] = 0;
	if (e) {
		size_t k = e;
		cp = bc_utf8_prev(s, &k);
		snprintf(shown, cap, "“%.*s”", (int)(e - k), s + k);
	}
	bc_text_free(&t);
	return cp;
}

/* Each basis ends with ";", the last one (before the enacting line) with "."
 * as the model of Nghị định 30/2020/NĐ-CP, Phụ lục I writes it; ";" is
 * accepted on the last too, as many decisions write it. */
static void check_basis(bc_check_ctx *cx, const bc_node *body)
{
	const bc_node *last = NULL;
	for (const bc_node *c = body->first; c; c = c->next)
		if (is_role(c, BC_ROLE_BASIS))
			last = c;
	for (const bc_node *c = body->first; c; c = c->next) {
		if (!is_role(c, BC_ROLE_BASIS))
			continue;
		char shown[16];
		uint32_t cp = last_char(c, shown, sizeof shown);
		int ok = c == last ? (cp == '.' || cp == ';') : cp == ';';
		if (!ok)
			bc_diag_add(cx->diags, BC_W_BASIS_PUNCT, c->pos, "%s", shown[0] ? shown : "∅");
	}
}

static int is_chapter(const bc_node *n)
{
	return n->type == BC_NODE_SECTION &&
	       (n->as.section.kind == BC_LABEL_CHAPTER || n->as.section.kind == BC_LABEL_SUBCHAPTER);
}

/* Articles 1, 2, 3… in one container (the body, or an appendix holding a
 * regulation), counted on through its chapters (Chương, Mục). */
static int check_articles_in(bc_check_ctx *cx, const bc_node *parent, int *prevp)
{
	int count = 0, prev = *prevp;
	for (const bc_node *c = parent->first; c; c = c->next) {
		if (is_chapter(c)) {
			*prevp = prev;
			count += check_articles_in(cx, c, prevp);
			prev = *prevp;
			continue;
		}
		if (!is_article(c))
			continue;
		count++;
		bc_str l = c->as.section.label;
		int v = bc_arabic_value(l.s ? l.s : "", l.len);
		if (v != prev + 1) {
			if (prev)
				bc_diag_add(cx->diags, BC_W_ARTICLE_NUMBER, c->pos, "Điều %d → Điều %.*s", prev, (int)l.len, l.s);
			else
				bc_diag_add(cx->diags, BC_W_ARTICLE_NUMBER, c->pos, "Điều %.*s", (int)l.len, l.s);
		}
		prev = v;
		/* content: anything after the title */
		const bc_node *h = c->first;
		if (h && h->type == BC_NODE_HEADING)
			h = h->next;
		if (!h)
			bc_diag_add(cx->diags, BC_W_ARTICLE_EMPTY, c->pos, "Điều %.*s", (int)l.len, l.s);
	}
	*prevp = prev;
	return count;
}

static int check_articles(bc_check_ctx *cx, const bc_node *parent)
{
	int prev = 0;
	return check_articles_in(cx, parent, &prev);
}

static void end(bc_check_ctx *cx, void *st)
{
	(void)st;
	const bc_document *doc = cx->doc;
	bc_doctype t = bc_document_type(doc);
	if (!bc_doctype_has_articles(t) || !doc->body)
		return;
	bc_pos at = doc->idx.doctype ? doc->idx.doctype->pos : doc->body->pos;
	check_basis(cx, doc->body);
	int articles = check_articles(cx, doc->body);
	for (const bc_node *a = doc->root->first; a; a = a->next)
		if (a->type == BC_NODE_APPENDIX)
			check_articles(cx, a);
	/* a nghị định or thông tư enacts in a sentence ("Chính phủ ban hành Nghị định …") */
	if (!doc->idx.enacting && (t == BC_DOC_QUYET_DINH || t == BC_DOC_NGHI_QUYET))
		bc_diag_add(cx->diags, BC_W_ENACTING_NONE, at, NULL);
	if (!articles)
		bc_diag_add(cx->diags, BC_W_ARTICLE_NONE, at, NULL);
}

const bc_rule_set bc_rules_decision = {
	.name = "decision",
	.end = end,
};
