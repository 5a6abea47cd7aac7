/* check.c — the draft checker: one walk over the report, dispatching each node to the rule sets of rules_*.c, in the manner of mandoc's validators. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "rules.h"

/* Every rule set, run in this order on each node. */
static const bc_rule_set *const rule_sets[] = {
	&bc_rules_header, &bc_rules_numbering, &bc_rules_notes, &bc_rules_tables, &bc_rules_refs, &bc_rules_text,
	&bc_rules_decision, &bc_rules_party,
};
#define NSETS (sizeof rule_sets / sizeof rule_sets[0])

/* ------------------------------------------------------------ block text */

static void spans_push(bc_block_text *t, size_t off, size_t len, const bc_node *n)
{
	if (t->nspans == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->spans = bc_xrealloc(t->spans, t->cap * sizeof *t->spans);
	}
	t->spans[t->nspans++] = (bc_text_span){ off, len, n };
}

static void gather(bc_block_text *t, const bc_node *n)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		switch (c->type) {
		case BC_NODE_TEXT:
			spans_push(t, t->buf.len, c->as.text.literal.len, c);
			bc_buf_put(&t->buf, c->as.text.literal.s, c->as.text.literal.len);
			break;
		case BC_NODE_LINEBREAK:
			spans_push(t, t->buf.len, 1, NULL);
			bc_buf_putc(&t->buf, ' ');
			break;
		case BC_NODE_NOTEREF:
			/* a mark, not words: one control byte, so that "và¹." has no space before its stop */
			spans_push(t, t->buf.len, 1, NULL);
			bc_buf_putc(&t->buf, '\x01');
			break;
		default:
			if (bc_node_is_inline(c))
				gather(t, c);
			break;
		}
	}
}

void bc_text_gather(bc_block_text *t, const bc_node *block)
{
	t->block = block;
	bc_buf_clear(&t->buf);
	t->nspans = 0;
	gather(t, block);
	bc_buf_cstr(&t->buf);
}

void bc_text_free(bc_block_text *t)
{
	bc_buf_free(&t->buf);
	free(t->spans);
	memset(t, 0, sizeof *t);
}

static int line_blank(const bc_check_ctx *cx, uint32_t line)
{
	if (line < 1 || line > cx->nlines)
		return 0;
	for (const char *p = cx->doc->text + cx->line_off[line]; *p && *p != '\n'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/* Walks the source from a TEXT node's start alongside its literal; a space of
 * the literal may be a line end of the source (wrapped or page-split lines). */
bc_pos bc_text_pos(const bc_check_ctx *cx, const bc_block_text *t, size_t off)
{
	size_t lo = 0, hi = t->nspans;
	if (!hi)
		return t->block->pos;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (t->spans[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	const bc_text_span *sp = &t->spans[lo];
	const bc_node *n = sp->node;
	if (!n) {
		/* a line break: the next text's position is as good a place as any */
		for (size_t k = lo + 1; k < t->nspans; k++)
			if (t->spans[k].node)
				return t->spans[k].node->pos;
		return t->block->pos;
	}
	bc_pos pos = n->pos;
	size_t rel = off > sp->off ? off - sp->off : 0;
	if (rel > sp->len)
		rel = sp->len;
	if (pos.line < 1 || pos.line > cx->nlines || !cx->doc->text)
		return pos;
	const char *src = cx->doc->text, *lit = n->as.text.literal.s;
	size_t end = cx->doc->text_len;
	size_t s = cx->line_off[pos.line];
	for (uint32_t c = 1; c < pos.col && s < end && src[s] != '\n'; c++) {
		uint32_t cp;
		s += (size_t)bc_utf8_decode(src + s, end - s, &cp);
	}
	uint32_t joined = t->block->type == BC_NODE_PARAGRAPH ? t->block->as.para.joined_at : 0;
	size_t i = 0;
	while (i < rel && s < end) {
		unsigned char lc = (unsigned char)lit[i], sc = (unsigned char)src[s];
		/* a space of the text where the source line ends, after spaces of
		 * its own or none ("về \ntổng"): the join, not a space to match */
		size_t q = s;
		if (lc == ' ' || lc == '\n')
			while (q < end && (src[q] == ' ' || src[q] == '\t' || src[q] == '\r'))
				q++;
		int at_join = (lc == ' ' || lc == '\n') && q < end && src[q] == '\n';
		if (lc == sc && sc != '\n' && !at_join) {
			size_t l = 1;   /* an ASCII byte that agrees is its whole character */
			if (sc >= 0x80) {
				uint32_t cp;
				l = (size_t)bc_utf8_decode(src + s, end - s, &cp);
				if (i + l > sp->len || memcmp(lit + i, src + s, l) != 0)
					break;
			}
			i += l;
			s += l;
			pos.col++;
			continue;
		}
		if (sc == '\\' && s + 1 < end && (unsigned char)src[s + 1] == lc) {
			s++;
			pos.col++;
			continue;
		}
		if (at_join) {
			uint32_t line = pos.line + 1;
			while (line <= cx->nlines && line_blank(cx, line))
				line++;
			if (joined > pos.line && line < joined && line <= cx->nlines &&
			    (unsigned char)src[cx->line_off[line]] != (i + 1 < rel ? (unsigned char)lit[i + 1] : 0))
				line = joined;
			if (line > cx->nlines)
				break;
			pos.line = line;
			pos.col = 1;
			s = cx->line_off[line];
			while (s < end && (src[s] == ' ' || src[s] == '\t')) {
				s++;
				pos.col++;
			}
			i++;
			continue;
		}
		break;   /* the source says something else: stay at the last sure place */
	}
	return pos;
}

/* ------------------------------------------------------------ the walk */

static int is_text_block(bc_node_type t)
{
	return t == BC_NODE_HEADING || t == BC_NODE_PARAGRAPH || t == BC_NODE_ITEM || t == BC_NODE_CELL ||
	       t == BC_NODE_LINE;
}

void bc_check(const bc_document *doc, bc_diags *diags)
{
	bc_check_ctx cx;
	memset(&cx, 0, sizeof cx);
	cx.doc = doc;
	cx.diags = diags;
	/* one index of line starts, for exact positions inside text */
	cx.nlines = 0;
	const char *text = doc->text, *end = doc->text + doc->text_len, *nl;
	for (const char *p = text; p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
		cx.nlines++;
	cx.nlines++;
	cx.line_off = bc_xmalloc((cx.nlines + 2) * sizeof *cx.line_off);
	cx.line_off[0] = 0;
	cx.line_off[1] = 0;
	size_t l = 1;
	for (const char *p = text; p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
		cx.line_off[++l] = (uint32_t)(nl - text + 1);

	void *state[NSETS];
	for (size_t k = 0; k < NSETS; k++)
		state[k] = rule_sets[k]->begin ? rule_sets[k]->begin(&cx) : NULL;

	bc_block_text bt;
	memset(&bt, 0, sizeof bt);
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		const bc_node *n = it.cur;
		if (ev == BC_EV_EXIT) {
			if (n->type == BC_NODE_APPENDIX)
				cx.appendix = NULL;
			else if (n->type == BC_NODE_BODY)
				cx.in_body = 0;
			continue;
		}
		if (n->type == BC_NODE_TEXT)
			continue;
		if (n->type == BC_NODE_APPENDIX)
			cx.appendix = n;
		else if (n->type == BC_NODE_BODY)
			cx.in_body = 1;
		for (size_t k = 0; k < NSETS; k++)
			if (rule_sets[k]->on_node[n->type])
				rule_sets[k]->on_node[n->type](&cx, state[k], n);
		if (is_text_block(n->type)) {
			bc_text_gather(&bt, n);
			for (size_t k = 0; k < NSETS; k++)
				if (rule_sets[k]->on_text)
					rule_sets[k]->on_text(&cx, state[k], &bt);
		}
	}
	for (size_t k = 0; k < NSETS; k++)
		if (rule_sets[k]->end)
			rule_sets[k]->end(&cx, state[k]);
	bc_text_free(&bt);
	free(cx.line_off);
}
