/* decision.c — the body of a decision or resolution (quyết định, nghị quyết): preamble, articles, clauses, points. */
#include "parse_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

int bp_is_decision(const bc_document *doc)
{
	const bc_node *dt = doc->idx.doctype;
	return dt && (dt->as.line.doctype == BC_DOC_QUYET_DINH || dt->as.line.doctype == BC_DOC_NGHI_QUYET);
}

static int line_pat(bc_pattern_id id, const bc_line *l, size_t *ov)
{
	return bc_pattern_match(id, l->s + l->core, l->core_len, ov, 8) > 0;
}

/* The last code point of a line's core. */
static uint32_t line_last_cp(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len;
	while (n && (s[n - 1] == '*' || s[n - 1] == ' '))
		n--;
	return n ? bc_utf8_prev(s, &n) : 0;
}

static int can_hold_basis(const bc_line *l)
{
	return l->kind != BC_LK_BLANK && l->kind != BC_LK_TAB_ROW && l->kind != BC_LK_PIPE_ROW &&
	       l->kind != BC_LK_PIPE_RULE && l->kind != BC_LK_NOTE && l->kind != BC_LK_RULE &&
	       l->kind != BC_LK_BULLET && l->kind != BC_LK_META_FENCE;
}

/* Marks the lines of a decision's body (from line index i): the issuing
 * authority in capitals, the basis lines, the enacting line, then the
 * articles "Điều N." with their clauses "1." and points "a)". */
void bp_mark_decision(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	size_t ov[16], n = L->n, enact = n;
	p->dk = bc_xcalloc(n + 1, 1);
	for (size_t k = i; k < n; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_APPENDIX || l->kind == BC_LK_RECIPIENTS || l->kind == BC_LK_AUTHORITY)
			break;
		if ((l->kind == BC_LK_TEXT || l->kind == BC_LK_DOCTYPE) && line_pat(BC_PAT_ENACTING, l, ov)) {
			enact = k;
			break;
		}
	}
	int has_enact = enact < n;
	size_t k = i;
	while (k < n && L->v[k].kind == BC_LK_BLANK)
		k++;
	/* the authority: lines in capitals before the first basis, blank lines between them allowed */
	for (size_t m = k; m < enact; m++) {
		if (L->v[m].kind == BC_LK_BLANK)
			continue;
		if (L->v[m].kind != BC_LK_TEXT || !L->v[m].upper || line_pat(BC_PAT_BASIS, &L->v[m], ov))
			break;
		p->dk[m] = DK_COMPETENCE;
		k = m + 1;
	}
	/* the basis lines: each starts with a basis word, or (before an enacting line) is a block of its own */
	int open = 0;   /* the last basis may go on on this line */
	for (; k < enact; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_BLANK) {
			open = 0;
			continue;
		}
		if (!can_hold_basis(l)) {
			if (!has_enact)
				break;
			open = 0;
			continue;
		}
		uint32_t end = k > i ? line_last_cp(&L->v[k - 1]) : 0;
		if (line_pat(BC_PAT_BASIS, l, ov)) {
			p->dk[k] = DK_BASIS;
		} else if (open && end != ';' && end != '.') {
			p->dk[k] = DK_BASIS_CONT;
		} else if (has_enact) {
			p->dk[k] = DK_BASIS;
		} else {
			break;
		}
		open = 1;
	}
	if (has_enact) {
		p->dk[enact] = DK_ENACTING;
		k = enact + 1;
	}
	/* the articles, in the body and in appendices (a regulation issued with the decision) */
	int in_article = 0;
	for (; k < n; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_RECIPIENTS || l->kind == BC_LK_AUTHORITY || l->kind == BC_LK_APPENDIX) {
			in_article = 0;
			continue;
		}
		if (l->kind == BC_LK_LABEL && in_article) {
			if (l->label_kind == BC_LABEL_ARABIC)
				p->dk[k] = DK_CLAUSE;
			else if (l->label_kind == BC_LABEL_LETTER)
				p->dk[k] = DK_POINT;
			continue;
		}
		if (l->kind != BC_LK_TEXT || !line_pat(BC_PAT_ARTICLE, l, ov))
			continue;
		/* "... quy định tại\nĐiều 5. ..." : a line wrapped in mid-sentence is no article */
		if (k > 0 && L->v[k - 1].kind == BC_LK_TEXT && p->dk[k - 1] != DK_ARTICLE && L->v[k - 1].nchars >= 50) {
			uint32_t end = line_last_cp(&L->v[k - 1]);
			if (end == ',' || bc_cp_is_lower(end))
				continue;
		}
		p->dk[k] = DK_ARTICLE;
		in_article = 1;
	}
}

/* A block of a decision's marked line at *i: the one-line blocks and basis
 * lines are done (NULL, *i past them); an article is returned to go on. */
blk *bp_decision_blk(parser *p, size_t *i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[*i];
	switch (p->dk[*i]) {
	case DK_COMPETENCE:
		bp_line_blk(p, B_COMPETENCE, (*i)++);
		return NULL;
	case DK_ENACTING:
		bp_line_blk(p, B_ENACTING, (*i)++);
		return NULL;
	case DK_BASIS: case DK_BASIS_CONT: {
		blk *b = bp_new_blk(p, B_BASIS, *i);
		bp_add_line_text(b, l, l->core, 1);
		(*i)++;
		while (*i < L->n && p->dk[*i] == DK_BASIS_CONT) {
			bp_add_line_text(b, &L->v[*i], L->v[*i].core, 1);
			b->last = *i;
			b->hard_wrapped = 1;
			(*i)++;
		}
		bp_fix_breaks(b);
		return NULL;
	}
	default: {
		/* the whole line, label too, so that no word is lost wherever the block ends up */
		blk *b = bp_new_blk(p, B_ARTICLE, *i);
		size_t ov[16];
		b->label_line = l;
		if (line_pat(BC_PAT_ARTICLE, l, ov)) {
			bc_line *ml = &L->v[*i];
			ml->label = ml->core + ov[2];
			ml->label_len = ov[3] - ov[2];
			ml->rest = ml->core + ov[1];
		}
		bp_add_line_text(b, l, l->core, 0);
		return b;
	}
	}
}
/* "Điều 2. Nhiệm vụ của Ban Chỉ đạo": a title when the label's line is one
 * line of no more than 200 characters not ending as a sentence or clause does. */
static int article_has_title(const blk *b, size_t skip)
{
	if (b->first != b->last || b->nseg != 1 || b->segs[0].len <= skip)
		return 0;
	uint32_t cp = bp_last_cp(b);
	if (cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ',')
		return 0;
	return bc_utf8_count(b->segs[0].s + skip, b->segs[0].len - skip) <= 200;
}

/* An article: a section of its own at the top of the body or appendix. */
void bp_add_article(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	bp_end_list(bd);
	bd->nsect = 0;
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(BC_LABEL_ARTICLE);
	s->as.section.kind = BC_LABEL_ARTICLE;
	s->as.section.label = bp_label_str(p, l);
	bc_node_append(bp_container(bd), s);
	bd->sect[bd->nsect++] = s;
	/* the block's text starts with the label: what follows it is the title or the text */
	size_t skip = l->rest > l->core ? l->rest - l->core : 0;
	blk rest = *b;
	bc_seg *segs = bc_xmalloc((b->nseg ? b->nseg : 1) * sizeof *segs);
	memcpy(segs, b->segs, b->nseg * sizeof *segs);
	rest.segs = segs;
	if (rest.nseg && segs[0].len >= skip) {
		segs[0].s += skip;
		segs[0].len -= skip;
		segs[0].pos = bc_line_pos(l, l->core + skip);
		if (!segs[0].len) {
			memmove(segs, segs + 1, (rest.nseg - 1) * sizeof *segs);
			rest.nseg--;
		}
	}
	bc_node *h = bc_node_new(p->doc, BC_NODE_HEADING, s->pos);
	if (rest.nseg && article_has_title(b, skip)) {
		bp_fill_inline(p, h, &rest);
		bc_node_append(s, h);
	} else {
		bc_node_append(s, h);
		if (rest.nseg) {
			/* "Điều 3. Quyết định này có hiệu lực...": the text runs on after the label */
			rest.kind = B_PARA;
			s->as.section.run_in = 1;
			bc_node_append(s, bp_make_para(p, &rest));
		}
	}
	free(segs);
}

/* A clause "1." (in an article) or a point "a)" (in a clause or an article):
 * a section without heading whose first child is its labelled paragraph. */
void bp_add_clause(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	bc_label_kind k = b->kind == B_CLAUSE ? BC_LABEL_ARABIC : BC_LABEL_LETTER;
	int article_open = 0;
	for (int i = 0; i < bd->nsect; i++)
		article_open |= bd->sect[i]->as.section.kind == BC_LABEL_ARTICLE;
	if (!article_open) {
		/* no article to hold it (a heading closed it): a numbered paragraph as anywhere else */
		b->kind = B_NUMPARA;
		bp_add_body_block(p, bd, b);
		return;
	}
	bp_end_list(bd);
	while (bd->nsect) {
		bc_label_kind top = bd->sect[bd->nsect - 1]->as.section.kind;
		if (top == BC_LABEL_ARTICLE || (k == BC_LABEL_LETTER && top == BC_LABEL_ARABIC))
			break;
		bd->nsect--;
	}
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(k);
	s->as.section.kind = k;
	s->as.section.label = bp_label_str(p, l);
	bc_node_append(s, bp_make_para(p, b));
	bc_node_append(bp_container(bd), s);
	if (bd->nsect < BC_LABEL_KIND_COUNT)
		bd->sect[bd->nsect++] = s;
}
