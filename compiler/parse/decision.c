/* decision.c — the body of a decision or resolution (quyết định, nghị quyết): blocks and sections of its preamble, articles, clauses, points. */
#include "parse_int.h"

#include "../model/vocab.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

/* The lexer reads the lines of such a body in their context
 * (bc_lines_mark_decision: BC_LK_COMPETENCE ... BC_LK_POINT); this file
 * makes them blocks, then sections. */

int bp_is_decision(const bc_document *doc)
{
	const bc_node *dt = doc->idx.doctype;
	return dt && bc_doctype_has_articles(dt->as.line->doctype);
}

/* A block of a decision's preamble line or article at *i: the one-line
 * blocks and basis lines are done (NULL, *i past them); an article is
 * returned, for the lines that go on it. */
blk *bp_decision_blk(parser *p, size_t *i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[*i];
	switch (l->kind) {
	case BC_LK_COMPETENCE:
		bp_line_blk(p, B_COMPETENCE, (*i)++);
		return NULL;
	case BC_LK_ENACTING:
		bp_line_blk(p, B_ENACTING, (*i)++);
		return NULL;
	case BC_LK_BASIS: case BC_LK_BASIS_CONT: {
		blk *b = bp_new_blk(p, B_BASIS, *i);
		bp_add_line_text(b, l, l->core, 1);
		(*i)++;
		while (*i < L->n && L->v[*i].kind == BC_LK_BASIS_CONT) {
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
		b->label_line = l;
		bp_add_line_text(b, l, l->core, 0);
		return b;
	}
	}
}

/* A line of the preamble: the issuing authority, a basis, the enacting words. */
void bp_add_preamble_line(parser *p, builder *bd, blk *b)
{
	bp_end_list(bd);
	bc_node *n = bp_line_node(p, b->kind == B_COMPETENCE ? BC_ROLE_COMPETENCE :
	                          b->kind == B_BASIS ? BC_ROLE_BASIS : BC_ROLE_ENACTING, b);
	bc_node_append(bp_container(bd), n);
	if (b->kind == B_ENACTING && !p->doc->idx.enacting)
		p->doc->idx.enacting = n;
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

/* "Chương I" or "Mục 1" at line i, and its title: the rest of the line, and
 * the lines in capitals right under it (one blank line before them allowed),
 * "QUY ĐỊNH CHUNG".  Returns the line after them. */
size_t bp_chapter_blk(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	blk *b = bp_new_blk(p, B_CHAPTER, i);
	b->label_line = l;
	/* the whole line, label too, so that no word is lost wherever the block ends up */
	bp_add_line_text(b, l, l->core, 0);
	size_t k = i + 1;
	if (k < L->n && L->v[k].kind == BC_LK_BLANK && l->rest >= l->core + l->core_len)
		k++;
	size_t start = k;
	while (k < L->n && k - start < 3 && L->v[k].kind == BC_LK_TEXT && (L->v[k].upper || L->v[k].ocr_caps)) {
		bp_add_line_text(b, &L->v[k], L->v[k].core, 0);
		b->last = k++;
	}
	bp_fix_breaks(b);
	return k > start ? k : i + 1;
}

/* A chapter opens at the top of the body or appendix, a section of a chapter
 * (Mục) in the open chapter; the articles after them go in them. */
void bp_add_chapter(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	bp_end_list(bd);
	if (l->label_kind == BC_LABEL_CHAPTER || l->label_kind == BC_LABEL_PART)
		bd->nsect = 0;   /* a chapter, a report's part: at the top of the body or appendix */
	else
		while (bd->nsect && bd->sect[bd->nsect - 1]->as.section.kind != BC_LABEL_CHAPTER)
			bd->nsect--;
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(l->label_kind);
	s->as.section.kind = l->label_kind;
	s->as.section.label = bp_label_str(p, l);
	bc_node *h = bc_node_new(p->doc, BC_NODE_HEADING, s->pos);
	if (l->label_value)
		h->as.heading.label_read = bp_dup(p, l->s + l->core, l->label + l->label_len - l->core);
	/* the title: the text after the label, then the lines under it */
	blk title = *b;
	bc_seg *segs = bc_xmalloc((b->nseg ? b->nseg : 1) * sizeof *segs);
	memcpy(segs, b->segs, b->nseg * sizeof *segs);
	title.segs = segs;
	size_t skip = l->rest - l->core;
	if (title.nseg && segs[0].len > skip) {
		segs[0].s += skip;
		segs[0].len -= skip;
		segs[0].pos = bc_line_pos(l, l->rest);
	} else if (title.nseg) {
		title.segs++;
		title.nseg--;
	}
	if (title.nseg)
		bp_fill_inline(p, h, &title);
	else
		h->end_line = h->pos.line;
	free(segs);
	bc_node_append(s, h);
	bc_node_append(bp_container(bd), s);
	bd->sect[bd->nsect++] = s;
}

/* An article: a section of its own at the top of the body or appendix, or
 * in the open chapter or its section. */
void bp_add_article(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	bp_end_list(bd);
	while (bd->nsect && bd->sect[bd->nsect - 1]->as.section.kind != BC_LABEL_CHAPTER &&
	       bd->sect[bd->nsect - 1]->as.section.kind != BC_LABEL_SUBCHAPTER)
		bd->nsect--;
	bc_node *s = bc_node_new(p->doc, BC_NODE_ARTICLE, bc_line_pos(l, l->core));
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
	bc_node *s = bc_node_new(p->doc, k == BC_LABEL_ARABIC ? BC_NODE_CLAUSE : BC_NODE_POINT, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(k);
	s->as.section.kind = k;
	s->as.section.label = bp_label_str(p, l);
	bc_node_append(s, bp_make_para(p, b));
	bc_node_append(bp_container(bd), s);
	if (bd->nsect < BC_LABEL_KIND_COUNT)
		bd->sect[bd->nsect++] = s;
}
