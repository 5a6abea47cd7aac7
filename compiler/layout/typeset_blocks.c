/* typeset_blocks.c — sections and their headings, paragraphs, lists and items, a decision's preamble lines, rules. */
#include "typeset_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

/* "I. ", "1.1. ", "a) ", "(1) ", "*) " for a label kind. */
static const char *label_prefix(ts *t, bc_label_kind kind, bc_str label, char delim)
{
	if (kind == BC_LABEL_NONE || (!label.len && kind != BC_LABEL_STAR))
		return NULL;
	char tmp[96];
	const char *l = label.s ? label.s : "";
	int dot = label.len > 0 && l[label.len - 1] == '.';
	switch (kind) {
	case BC_LABEL_LETTER: snprintf(tmp, sizeof tmp, "%.80s) ", l); break;
	case BC_LABEL_PAREN: snprintf(tmp, sizeof tmp, "(%.80s) ", l); break;
	case BC_LABEL_STAR: snprintf(tmp, sizeof tmp, "*) "); break;
	case BC_LABEL_ARTICLE: snprintf(tmp, sizeof tmp, "Điều %.80s%s ", l, dot ? "" : "."); break;
	default:
		/* the author's mark when the model kept one ("I-", "2/"), else the dot; a
		 * Roman heading of the Party's format takes its hyphen, "I-" (HD 05-HD/VPTW,
		 * as the guides themselves write theirs: "I- HƯỚNG DẪN CHUNG") */
		if (!delim && kind == BC_LABEL_ROMAN && t->tpl->family == BC_FAMILY_PARTY && !dot)
			delim = '-';
		if (delim)
			snprintf(tmp, sizeof tmp, "%.80s%c ", l, delim);
		else
			snprintf(tmp, sizeof tmp, "%.80s%s ", l, dot ? "" : ".");
		break;
	}
	return ts_strdup(t, tmp, strlen(tmp));
}

typedef struct pstyle {
	bc_face face;
	double size;
	bc_just just;
	double indent;       /* first line, points */
	double gap;          /* space above the paragraph */
	int upper;
	int keep_all;        /* a heading: keep every line with the next */
	int outline_level;
	double spacing;      /* line spacing multiple */
	int prefix_differs;  /* the label is set in prefix_face ("Điều 3." bold before plain text) */
	bc_face prefix_face;
	size_t outline_max;  /* bytes of text the bookmark keeps after the label, cut at a word; 0: all */
} pstyle;

/* A paragraph in the body: one unit per line, widows and orphans kept. */
static void set_paragraph(ts *t, const bc_node *block, const char *prefix, const pstyle *ps)
{
	bc_items it = { 0 };
	if (ps->indent > 0) {
		bc_item ind = { .type = BC_ITEM_BOX, .width = ps->indent, .size = (float)ps->size };
		bc_items_add(&it, &ind);
	}
	istyle st = { ps->face, ps->size, 0, 0, ps->upper };
	if (prefix) {
		istyle pst = st;
		if (ps->prefix_differs)
			pst.face = ps->prefix_face;
		ts_add_text(t, &it, prefix, strlen(prefix), &pst);
	}
	if (block)
		ts_add_inlines(t, &it, block, st);
	int has_box = 0;
	for (size_t i = 0; i < it.n; i++)
		if (it.v[i].type == BC_ITEM_BOX && it.v[i].len > 0)
			has_box = 1;
	if (!has_box) {
		bc_items_free(&it);
		return;
	}
	bc_items_finish(&it);
	lines L = ts_break_items(t, &it, t->width, ps->just);
	double lh = ts_line_height(t, ps->size, ps->spacing);
	size_t from = 0;
	for (size_t i = 0; i < L.n; i++) {
		bc_unit *u = bc_unit_new(lh);
		int last = i + 1 == L.n;
		bc_line_set ls = bc_set_line(&it, from, L.breaks[i], t->x0, t->width, ts_baseline_in(t, lh, ps->size), ps->just,
		                             last, &u->ops);
		ts_notes_for(t, &it, from, L.breaks[i] + 1, u);
		if (ps->just == BC_JUST_FULL && !last && ls.ratio > t->stats->worst_ratio)
			t->stats->worst_ratio = ls.ratio;
		if (i == 0) {
			u->gap = ps->gap;
			if (ps->outline_level > 0 && block) {
				bc_buf b = BC_BUF_INIT;
				if (prefix)
					bc_buf_puts(&b, prefix);
				size_t start = b.len;
				bc_node_plain_text(block, &b);
				if (ps->outline_max && b.len - start > ps->outline_max) {
					size_t cut = start + ps->outline_max;
					while (cut > start && b.s[cut] != ' ')
						cut--;
					b.len = cut > start ? cut : start + ps->outline_max;
					while (b.len > start && ((unsigned char)b.s[b.len] & 0xC0) == 0x80)
						b.len--;
					b.s[b.len] = '\0';
					bc_buf_puts(&b, " …");
				}
				u->outline = bc_xstrdup(bc_buf_cstr(&b));
				u->outline_level = ps->outline_level;
				bc_buf_free(&b);
			}
		}
		/* no lone first or last line at a page break */
		u->keep_next = !last && (ps->keep_all || i == 0 || i + 2 == L.n);
		if (ps->keep_all && last)
			u->keep_next = 1;
		ts_push(t, u);
		from = L.breaks[i] + 1;
	}
	free(L.breaks);
	bc_items_free(&it);
}

static pstyle body_style(const ts *t)
{
	pstyle ps = { .face = BC_FACE_REGULAR, .size = t->tpl->body_size, .just = BC_JUST_FULL,
	              .indent = t->tpl->indent_cm * 10 * BC_MM, .gap = t->tpl->para_space,
	              .spacing = t->tpl->line_spacing };
	return ps;
}

/* ---- blocks ------------------------------------------------------------------- */

/* The chapters (Chương) and their sections (Mục) a node stands in: the depth
 * its bookmark goes below them. */
static int legal_depth(const bc_node *n)
{
	int d = 0;
	for (const bc_node *p = n->parent; p; p = p->parent)
		if (p->type == BC_NODE_SECTION && bc_label_is_division(p->as.section.kind))
			d++;
	return d;
}

/* "Chương I" and its title under it, each a line of its own, bold and
 * centred, the title in capitals (NĐ 30, Phụ lục I: the chapters of a
 * regulation); "Mục 1" the same, one level down; a report's "Phần thứ
 * nhất" the same, its word in the label's case ("PHẦN THỨ NHẤT"). */
static void set_chapter_heading(ts *t, const bc_node *section, const bc_node *heading)
{
	pstyle ps = body_style(t);
	ps.keep_all = 1;
	ps.indent = 0;
	ps.face = BC_FACE_BOLD;
	ps.just = BC_JUST_CENTER;
	ps.size = t->tpl->article_size;
	ps.gap = t->tpl->para_space + 6;
	char tmp[96];
	bc_str l = section->as.section.label;
	bc_label_kind k = section->as.section.kind;
	int small = l.len && bc_utf8_capitals(l.s, l.len) < 0;   /* "thứ nhất", not "THỨ NHẤT" or "II" */
	snprintf(tmp, sizeof tmp, "%s %.*s",
	         k == BC_LABEL_CHAPTER ? "Chương" : k == BC_LABEL_SUBCHAPTER ? "Mục" : small ? "Phần" : "PHẦN",
	         (int)(l.len > 80 ? 80 : l.len), l.s ? l.s : "");
	int has_title = heading && heading->first;
	if (!has_title)
		ps.outline_level = legal_depth(section) + 1 + (t->appendix ? 1 : 0);
	set_paragraph(t, has_title ? NULL : heading, ts_strdup(t, tmp, strlen(tmp)), &ps);
	if (!has_title)
		return;
	ps.gap = 0;
	ps.upper = 1;
	ps.outline_level = legal_depth(section) + 1 + (t->appendix ? 1 : 0);
	set_paragraph(t, heading, NULL, &ps);
}

static void set_heading(ts *t, const bc_node *section, const bc_node *heading)
{
	if (bc_label_is_division(section->as.section.kind)) {
		set_chapter_heading(t, section, heading);
		return;
	}
	int level = section->as.section.level > 0 ? section->as.section.level : bc_label_level(section->as.section.kind);
	if (level < 1)
		level = 2;
	pstyle ps = body_style(t);
	ps.keep_all = 1;
	ps.gap = t->tpl->para_space + (level == 1 ? 6 : 0);
	if (section->as.section.kind == BC_LABEL_ARTICLE) {
		/* "Điều 2. Nhiệm vụ của Ban Chỉ đạo": bold, upright, lower case, at the indent (NĐ 30) */
		ps.face = BC_FACE_BOLD;
		ps.size = t->tpl->article_size;
		ps.gap = t->tpl->para_space;
		ps.outline_level = 1 + legal_depth(section) + (t->appendix ? 1 : 0);
		set_paragraph(t, heading, label_prefix(t, BC_LABEL_ARTICLE, section->as.section.label, 0), &ps);
		return;
	}
	switch (level) {
	case 1: ps.face = BC_FACE_BOLD; ps.upper = 1; ps.size = t->tpl->h1_size; break;
	case 2: ps.face = BC_FACE_BOLD; ps.size = t->tpl->h2_size; break;
	case 3: ps.face = BC_FACE_BOLD_ITALIC; ps.size = t->tpl->h3_size; break;
	default: ps.face = BC_FACE_ITALIC; ps.size = t->tpl->h3_size; break;
	}
	ps.outline_level = level <= 3 ? level + (t->appendix ? 1 : 0) : 0;
	bc_buf b = BC_BUF_INIT;
	ts_plain(heading, &b);
	const char *prefix = label_prefix(t, section->as.section.kind, section->as.section.label, section->as.section.delim);
	if (prefix && ts_starts_with(bc_buf_cstr(&b), prefix))
		prefix = NULL;
	bc_buf_free(&b);
	set_paragraph(t, heading, prefix, &ps);
}

/* A section: its heading (or an article's label run into its first
 * paragraph), then its blocks and sub-sections. */
static void set_section(ts *t, const bc_node *n)
{
	const bc_node *c = n->first;
	if (n->as.section.run_in && c && c->type == BC_NODE_HEADING &&
	    !c->first && c->next && c->next->type == BC_NODE_PARAGRAPH) {
		/* "Điều 3. Quyết định này có hiệu lực …", "I. Thời gian: 08 giờ …":
		 * the bold label runs into the text */
		int article = n->as.section.kind == BC_LABEL_ARTICLE;
		int level = n->as.section.level > 0 ? n->as.section.level : 2;
		pstyle ps = body_style(t);
		ps.prefix_differs = 1;
		ps.prefix_face = BC_FACE_BOLD;
		ps.outline_max = 60;   /* the bookmark: the label and the first words of the text */
		if (article) {
			ps.size = t->tpl->article_size;
			ps.outline_level = 1 + legal_depth(n) + (t->appendix ? 1 : 0);
		} else {
			ps.gap = t->tpl->para_space + (level == 1 ? 6 : 0);
			ps.outline_level = level <= 3 ? level + (t->appendix ? 1 : 0) : 0;
		}
		set_paragraph(t, c->next, label_prefix(t, n->as.section.kind, n->as.section.label, n->as.section.delim), &ps);
		c = c->next->next;
	} else if (c && c->type == BC_NODE_HEADING) {
		set_heading(t, n, c);
		c = c->next;
	}
	for (; c; c = c->next)
		ts_set_block(t, c);
}

/* The role of the LINE right before n among its siblings; -1 when none is. */
static int role_before(const bc_node *n)
{
	return n->prev && n->prev->type == BC_NODE_LINE ? (int)n->prev->as.line->role : -1;
}

/* A line with a role in the body: a table's unit ("Đơn vị tính: %"), or a decision's
 * preamble (NĐ 30): competence, bases, enacting words. */
static void set_role_line(ts *t, const bc_node *n)
{
	pstyle ps = body_style(t);
	ps.indent = 0;
	switch (n->as.line->role) {
	case BC_ROLE_UNIT:
		ps.face = BC_FACE_ITALIC;
		ps.just = BC_JUST_RIGHT;
		ps.keep_all = 1;
		break;
	/* a decision's preamble (NĐ 30): the competence and "QUYẾT ĐỊNH:" bold
	 * upper case centred, kept with what follows; each basis italic */
	case BC_ROLE_COMPETENCE:
	case BC_ROLE_ENACTING:
		ps.face = BC_FACE_BOLD;
		ps.upper = 1;
		ps.just = BC_JUST_CENTER;
		ps.keep_all = 1;
		ps.gap = t->tpl->para_space + 6;
		/* the competence's lines are one block ("HỘI ĐỒNG NHÂN DÂN XÃ …" /
		 * "KHÓA II, KỲ HỌP THỨ BA"): no gap inside it */
		if (n->as.line->role == BC_ROLE_COMPETENCE && role_before(n) == BC_ROLE_COMPETENCE)
			ps.gap = 0;
		ps.size = n->as.line->role == BC_ROLE_COMPETENCE ? t->tpl->competence_size : t->tpl->enacting_size;
		break;
	case BC_ROLE_BASIS:
		ps.face = BC_FACE_ITALIC;
		ps.indent = t->tpl->indent_cm * 10 * BC_MM;
		ps.size = t->tpl->basis_size;
		/* the first basis stands apart from the competence's block above it */
		ps.gap = role_before(n) == BC_ROLE_COMPETENCE ? t->tpl->para_space + 6 : 3;
		break;
	default:
		break;
	}
	set_paragraph(t, n, NULL, &ps);
}

void ts_set_block(ts *t, const bc_node *n)
{
	bc_buf b = BC_BUF_INIT;
	switch (n->type) {
	case BC_NODE_SECTION:
	case BC_NODE_ARTICLE:
	case BC_NODE_CLAUSE:
	case BC_NODE_POINT:
		set_section(t, n);
		break;
	case BC_NODE_HEADING: {
		pstyle ps = body_style(t);
		ps.face = BC_FACE_BOLD;
		ps.keep_all = 1;
		set_paragraph(t, n, NULL, &ps);
		break;
	}
	case BC_NODE_PARAGRAPH: {
		pstyle ps = body_style(t);
		ts_plain(n, &b);
		const char *prefix = label_prefix(t, n->as.para.kind, n->as.para.label, n->as.para.delim);
		if (prefix && ts_starts_with(bc_buf_cstr(&b), prefix))
			prefix = NULL;
		set_paragraph(t, n, prefix, &ps);
		break;
	}
	case BC_NODE_LIST:
		for (const bc_node *c = n->first; c; c = c->next)
			ts_set_block(t, c);
		break;
	case BC_NODE_ITEM: {
		pstyle ps = body_style(t);
		ts_plain(n, &b);
		const char *prefix = NULL;
		if (n->as.item.kind != BC_LABEL_NONE)
			prefix = label_prefix(t, n->as.item.kind, n->as.item.label, 0);
		else if (n->as.item.bullet) {
			char tmp[3] = { n->as.item.bullet, ' ', 0 };
			prefix = ts_strdup(t, tmp, 2);
		}
		if (prefix && ts_starts_with(bc_buf_cstr(&b), prefix))
			prefix = NULL;
		/* an item's own text is its paragraph; blocks inside it (paragraphs,
		 * a nested list after its text) follow as blocks of their own */
		if (n->first && !bc_item_has_text(n)) {   /* an item that begins with a block has no text part */
			for (const bc_node *c = n->first; c; c = c->next)
				ts_set_block(t, c);
		} else {
			t->inline_only++;
			set_paragraph(t, n, prefix, &ps);
			t->inline_only--;
			for (const bc_node *c = bc_item_next_block(n->first); c; c = bc_item_next_block(c->next))
				ts_set_block(t, c);
		}
		break;
	}
	case BC_NODE_TABLE:
		ts_set_table(t, n, NULL);
		break;
	case BC_NODE_LINE:
		set_role_line(t, n);
		break;
	case BC_NODE_RULE: {
		bc_unit *u = bc_unit_new(8);
		u->gap = 4;
		ts_add_rule(&u->ops, t->x0 + t->width * 0.4, t->x0 + t->width * 0.6, 4, 0.6);
		/* a rule does not cut a kept chain: under an appendix's title (kept
		 * with its table) it goes with both; the last unit is still queued */
		if (t->pager.qn > 0 && t->pager.q[t->pager.qn - 1]->keep_next && !t->page_start)
			u->keep_next = 1;
		ts_push(t, u);
		break;
	}
	case BC_NODE_NOTES:
	case BC_NODE_NOTE:
		break;   /* footnotes go with their references */
	default:
		if (!bc_node_is_inline(n) && !bc_node_is_leaf(n))
			ts_set_blocks(t, n);
		break;
	}
	bc_buf_free(&b);
}

void ts_set_blocks(ts *t, const bc_node *parent)
{
	for (const bc_node *c = parent->first; c; c = c->next)
		ts_set_block(t, c);
}
