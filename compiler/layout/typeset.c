/* typeset.c — turns the report model into units for the pager: header block, title, body, tables, closing, appendices. */
#include "../util/sort.h"
#include "typeset.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

#define SINGLE 1.15            /* single line spacing of a Times-like face, per pt of size */
#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.0
#define KEEP_ITEMS_CELLS 4096  /* tables up to this many cells keep their items from grid_build to setting */

typedef struct ts {
	const bc_document *doc;
	const bc_template *tpl;
	const bc_metrics *m;
	bc_pager pager;
	bc_arena strings;          /* generated text: labels, upper case, note marks */
	double x0, width;          /* the text area of the current orientation */
	double port_x0, port_w, land_x0, land_w;
	int landscape;             /* the text area is a landscape page's */
	int table_id, appendix;
	bc_typeset_stats *stats;
	int page_start;            /* next unit starts a page */
	int page_landscape, page_restart;
	const bc_node **placed;    /* footnotes already set, each once */
	size_t nplaced, capplaced;
	int in_note;               /* setting a footnote: its own refs are not followed */
	int inline_only;           /* add_inlines skips block children (set as blocks of their own) */
} ts;

/* ---- small helpers -------------------------------------------------------- */

static char *ts_strdup(ts *t, const char *s, size_t len)
{
	return bc_arena_strndup(&t->strings, s, len);
}

static const char *upper_copy(ts *t, const char *s, size_t len)
{
	bc_buf b = BC_BUF_INIT;
	size_t i = 0;
	while (i < len) {
		uint32_t cp = bc_utf8_next(s, len, &i);
		char enc[4];
		int n = bc_utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)cp), enc);
		bc_buf_put(&b, enc, (size_t)n);
	}
	const char *r = ts_strdup(t, b.s ? b.s : "", b.len);
	bc_buf_free(&b);
	return r;
}

static double line_height(const ts *t, double size, double spacing) { return size * SINGLE * spacing; }

static double baseline_in(const ts *t, double lh, double size)
{
	double a = t->m->ascent * size, d = t->m->descent * size;
	return (lh - (a + d)) / 2 + a;
}

static void plain(const bc_node *n, bc_buf *b)
{
	bc_buf_clear(b);
	bc_node_plain_text(n, b);
}

static int starts_with_trimmed(const char *s, const char *prefix)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(prefix);
	while (n > 0 && prefix[n - 1] == ' ')
		n--;
	return n > 0 && strncmp(s, prefix, n) == 0;
}

/* "I. ", "1.1. ", "a) ", "(1) ", "*) " for a label kind. */
static const char *label_prefix(ts *t, bc_label_kind kind, bc_str label)
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
	default: snprintf(tmp, sizeof tmp, "%.80s%s ", l, dot ? "" : "."); break;
	}
	return ts_strdup(t, tmp, strlen(tmp));
}

/* ---- inline content to items ------------------------------------------ */

typedef struct istyle {
	bc_face face;
	double size, rise;
	int underline, upper;
} istyle;

static void add_text(ts *t, bc_items *it, const char *s, size_t len, const istyle *st)
{
	if (st->upper)
		s = upper_copy(t, s, len), len = strlen(s);
	bc_items_text(it, t->m, s, len, st->face, st->size, st->rise, st->underline);
}

static void add_inlines(ts *t, bc_items *it, const bc_node *n, istyle st)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		istyle s2 = st;
		switch (c->type) {
		case BC_NODE_TEXT:
			add_text(t, it, c->as.text.literal.s, c->as.text.literal.len, &st);
			break;
		case BC_NODE_STRONG: s2.face |= BC_FACE_BOLD; add_inlines(t, it, c, s2); break;
		case BC_NODE_EMPH: s2.face |= BC_FACE_ITALIC; add_inlines(t, it, c, s2); break;
		case BC_NODE_UNDERLINE: s2.underline = 1; add_inlines(t, it, c, s2); break;
		case BC_NODE_SUP:
			s2.size = st.size * 0.65;
			s2.rise = st.rise + st.size * 0.35;
			add_inlines(t, it, c, s2);
			break;
		case BC_NODE_NOTEREF: {
			char mark[24];
			snprintf(mark, sizeof mark, "%d", c->as.noteref.id);
			s2.size = st.size * 0.65;
			s2.rise = st.rise + st.size * 0.35;
			s2.upper = 0;
			/* attached to the word before it: no glue */
			while (it->n > 0 && it->v[it->n - 1].type == BC_ITEM_GLUE && c->prev && c->prev->type == BC_NODE_TEXT &&
			       c->prev->as.text.literal.len > 0 &&
			       c->prev->as.text.literal.s[c->prev->as.text.literal.len - 1] != ' ')
				it->n--;
			const char *ms = ts_strdup(t, mark, strlen(mark));
			size_t before = it->n;
			bc_items_text(it, t->m, ms, strlen(ms), s2.face, s2.size, s2.rise, 0);
			if (it->n > before)
				it->v[before].ref = c->as.noteref.note;
			break;
		}
		case BC_NODE_LINEBREAK:
			bc_items_break(it);
			break;
		default:
			if (bc_node_is_leaf(c))
				break;
			if (!bc_node_is_inline(c)) {
				/* a block inside inline content (a list under an item's
				 * text): set by the caller, or on lines of its own here */
				if (t->inline_only)
					break;
				bc_items_break(it);
			}
			add_inlines(t, it, c, s2);
			break;
		}
	}
}

/* ---- lines --------------------------------------------------------------- */

typedef struct lines {
	size_t *breaks;
	size_t n;
} lines;

static lines break_items(ts *t, bc_items *it, double width, bc_just just)
{
	lines L = { NULL, 0 };
	bc_items_fit_words(it, t->m, width);
	L.n = bc_break_lines(it, width, just, &L.breaks);
	return L;
}

/* Sets items into a column: lines appended to ops from *y downwards; returns the widest line. */
static double set_column(ts *t, bc_items *it, double x, double w, double *y, bc_just just, double lh, double size,
                         bc_oplist *ops)
{
	if (it->n == 0)
		return 0;
	bc_items_finish(it);
	lines L = break_items(t, it, w, just);
	double widest = 0;
	size_t from = 0;
	for (size_t i = 0; i < L.n; i++) {
		bc_line_set ls = bc_set_line(it, from, L.breaks[i], x, w, *y + baseline_in(t, lh, size), just,
		                             i + 1 == L.n, ops);
		if (ls.natural > widest)
			widest = ls.natural;
		*y += lh;
		from = L.breaks[i] + 1;
	}
	free(L.breaks);
	return widest;
}

static void add_rule(bc_oplist *ops, double x1, double x2, double y, double lw)
{
	bc_op r = { .kind = BC_OP_RULE, .size = (float)lw, .x = (float)x1, .y = (float)y, .x2 = (float)x2, .y2 = (float)y };
	bc_oplist_add(ops, &r);
}

/* Hands a unit to the pager, carrying a pending page start. */
static void push(ts *t, bc_unit *u)
{
	if (t->page_start) {
		u->new_page = 1;
		u->landscape = (unsigned)t->page_landscape;
		u->restart = (unsigned)t->page_restart;
		t->page_start = 0;
	}
	if (t->appendix)
		u->appendix = t->appendix;
	bc_pager_add(&t->pager, u);
}

/* ---- footnotes ------------------------------------------------------------- */

static int note_placed(ts *t, const bc_node *note)
{
	for (size_t i = 0; i < t->nplaced; i++)
		if (t->placed[i] == note)
			return 1;
	if (t->nplaced == t->capplaced) {
		t->capplaced = t->capplaced ? t->capplaced * 2 : 32;
		t->placed = bc_xrealloc(t->placed, t->capplaced * sizeof *t->placed);
	}
	t->placed[t->nplaced++] = note;
	return 0;
}

/* The blocks of a note: each paragraph or item on a new line, items with their bullet. */
static void note_blocks(ts *t, bc_items *it, const bc_node *n, const istyle *st, int *first)
{
	if (n->first && bc_node_is_inline(n->first)) {
		if (!*first)
			bc_items_break(it);
		*first = 0;
		if (n->type == BC_NODE_ITEM && n->as.item.bullet) {
			char tmp[3] = { n->as.item.bullet, ' ', 0 };
			add_text(t, it, ts_strdup(t, tmp, 2), 2, st);
		}
		add_inlines(t, it, n, *st);
		return;
	}
	for (const bc_node *c = n->first; c; c = c->next)
		if (!bc_node_is_inline(c))
			note_blocks(t, it, c, st, first);
}

/* The lines of one footnote, in the note size, its mark raised before the text. */
static void note_lines(ts *t, const bc_node *note, bc_unit *owner, void (*sink)(ts *, bc_unit *, bc_unit *))
{
	double size = t->tpl->note_size;
	double lh = line_height(t, size, 1.0);
	bc_items it = { 0 };
	bc_item ind = { .type = BC_ITEM_BOX, .width = t->tpl->indent_cm * 10 * BC_MM, .size = (float)size };
	bc_items_add(&it, &ind);
	char mark[24];
	snprintf(mark, sizeof mark, "%d", note->as.note.id);
	const char *ms = ts_strdup(t, mark, strlen(mark));
	bc_items_text(&it, t->m, ms, strlen(ms), BC_FACE_REGULAR, size * 0.65, size * 0.35, 0);
	istyle st = { BC_FACE_REGULAR, size, 0, 0, 0 };
	add_text(t, &it, " ", 1, &st);
	t->in_note++;
	int first = 1, io = t->inline_only;
	t->inline_only = 0;   /* a note is set whole, whatever references it */
	note_blocks(t, &it, note, &st, &first);
	t->inline_only = io;
	t->in_note--;
	bc_items_finish(&it);
	lines L = break_items(t, &it, t->width, BC_JUST_FULL);
	size_t from = 0;
	for (size_t i = 0; i < L.n; i++) {
		bc_unit *u = bc_unit_new(lh);
		bc_set_line(&it, from, L.breaks[i], t->x0, t->width, baseline_in(t, lh, size), BC_JUST_FULL, i + 1 == L.n,
		            &u->ops);
		u->note_first = i == 0;
		sink(t, owner, u);
		from = L.breaks[i] + 1;
	}
	free(L.breaks);
	bc_items_free(&it);
}

static void attach_note(ts *t, bc_unit *owner, bc_unit *line) { (void)t; bc_unit_add_note(owner, line); }

/* Footnotes referenced by items[from..to) go with unit u. */
static void notes_for(ts *t, const bc_items *it, size_t from, size_t to, bc_unit *u)
{
	if (t->in_note)
		return;
	for (size_t i = from; i < to && i < it->n; i++) {
		const bc_node *note = it->v[i].ref;
		if (note && !note_placed(t, note))
			note_lines(t, note, u, attach_note);
	}
}

static void push(ts *t, bc_unit *u);
static void push_note(ts *t, bc_unit *owner, bc_unit *line)
{
	(void)owner;
	line->gap = 0;
	push(t, line);
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
		add_text(t, &it, prefix, strlen(prefix), &pst);
	}
	if (block)
		add_inlines(t, &it, block, st);
	int has_box = 0;
	for (size_t i = 0; i < it.n; i++)
		if (it.v[i].type == BC_ITEM_BOX && it.v[i].len > 0)
			has_box = 1;
	if (!has_box) {
		bc_items_free(&it);
		return;
	}
	bc_items_finish(&it);
	lines L = break_items(t, &it, t->width, ps->just);
	double lh = line_height(t, ps->size, ps->spacing);
	size_t from = 0;
	for (size_t i = 0; i < L.n; i++) {
		bc_unit *u = bc_unit_new(lh);
		int last = i + 1 == L.n;
		bc_line_set ls = bc_set_line(&it, from, L.breaks[i], t->x0, t->width, baseline_in(t, lh, ps->size), ps->just,
		                             last, &u->ops);
		notes_for(t, &it, from, L.breaks[i] + 1, u);
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
		push(t, u);
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

/* ---- header block ---------------------------------------------------------- */

static const bc_node *meta_line(const ts *t, bc_role role)
{
	if (!t->doc->meta)
		return NULL;
	for (const bc_node *n = t->doc->meta->first; n; n = n->next)
		if (n->type == BC_NODE_LINE && n->as.line.role == role)
			return n;
	return NULL;
}

/* One line node (or fallback text) centred in a column. */
static double column_line(ts *t, const bc_node *n, const char *fallback, double x, double w, double *y, bc_face face,
                          double size, int upper, bc_oplist *ops)
{
	bc_items it = { 0 };
	istyle st = { face, size, 0, 0, upper };
	if (n)
		add_inlines(t, &it, n, st);
	else if (fallback)
		add_text(t, &it, fallback, strlen(fallback), &st);
	double widest = set_column(t, &it, x, w, y, BC_JUST_CENTER, line_height(t, size, 1.0), size, ops);
	bc_items_free(&it);
	return widest;
}

/* "Kính gửi:" as the decree draws it (NĐ 30/2020, Phụ lục I, ô 9a), 14 pt
 * upright: one addressee on the label's line; several each on a line of
 * its own under the label, with a dash, the dashes in line under the colon.
 * The block is centred when it fits. */
static void set_addressees(ts *t)
{
	const char *label = NULL;
	size_t label_len = 0;
	const char **who = NULL;
	size_t n = 0, cap = 0;
	bc_buf b = BC_BUF_INIT;
	if (t->doc->meta)
		for (const bc_node *a = t->doc->meta->first; a; a = a->next) {
			if (a->type != BC_NODE_LINE || a->as.line.role != BC_ROLE_ADDRESSEE)
				continue;
			plain(a, &b);
			const char *s = bc_buf_cstr(&b);
			while (*s == ' ' || *s == '-' || *s == '+')
				s++;
			if (!label) {
				const char *colon = strchr(s, ':');
				/* "Kính gửi:" in any case: the label ends at its colon */
				if (colon && colon - s <= 16) {
					label = ts_strdup(t, s, (size_t)(colon - s + 1));
					label_len = (size_t)(colon - s + 1);
					s = colon + 1;
					while (*s == ' ')
						s++;
				}
			}
			if (!*s)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				who = bc_xrealloc(who, cap * sizeof *who);
			}
			who[n++] = ts_strdup(t, s, strlen(s));
		}
	bc_buf_free(&b);
	if (!label && !n) {
		free(who);
		return;
	}
	if (!label)
		label = "Kính gửi:", label_len = strlen(label);
	double size = t->tpl->addressee_size, lh = line_height(t, size, 1.0);
	double sp = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, " ", 1);
	double lw = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, label, label_len);
	double colon = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, ":", 1);
	const char *dash = n > 1 ? "- " : "";
	double widest = 0;
	for (size_t i = 0; i < n; i++) {
		double w = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, dash, strlen(dash)) +
		           t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, who[i], strlen(who[i]));
		if (w > widest)
			widest = w;
	}
	/* where the addressees start, from the label's left end */
	double off = n > 1 ? lw - colon : lw + sp;
	double block = off + widest > lw ? off + widest : lw;
	double bx = block <= t->width ? t->x0 + (t->width - block) / 2 : t->x0 + t->tpl->indent_cm * 10 * BC_MM;
	double ax = bx + off, aw = t->x0 + t->width - ax;
	bc_unit *u = bc_unit_new(0);
	u->gap = 12;
	bc_op op = { .kind = BC_OP_TEXT, .face = BC_FACE_REGULAR, .size = (float)size, .x = (float)bx,
	             .y = (float)baseline_in(t, lh, size), .s = label, .len = label_len };
	bc_oplist_add(&u->ops, &op);
	double y = n > 1 ? lh : 0;
	for (size_t i = 0; i < n; i++) {
		bc_items it = { 0 };
		istyle st = { BC_FACE_REGULAR, size, 0, 0, 0 };
		if (*dash)
			add_text(t, &it, dash, strlen(dash), &st);
		add_text(t, &it, who[i], strlen(who[i]), &st);
		set_column(t, &it, ax, aw, &y, BC_JUST_LEFT, lh, size, &u->ops);
		bc_items_free(&it);
	}
	u->h = y > lh ? y : lh;
	push(t, u);
	free(who);
}

static void set_header(ts *t)
{
	const bc_template *tp = t->tpl;
	double lw = tp->left_width * BC_MM;
	double xl = t->x0, xr = t->x0 + lw, wr = t->width - lw;
	bc_unit *u = bc_unit_new(0);
	double yl = 0, yr = 0;

	/* left: issuer lines, the rule under the issuing body, number, summary, urgency */
	const bc_node *last_issuer = NULL;
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line.role == BC_ROLE_ISSUER)
				last_issuer = n;
	double issuer_w = 0;
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next) {
			if (n->type != BC_NODE_LINE || n->as.line.role != BC_ROLE_ISSUER)
				continue;
			int bold = n == last_issuer;
			double w = column_line(t, n, NULL, xl, lw, &yl, bold ? BC_FACE_BOLD : BC_FACE_REGULAR, tp->issuer_size, 1, &u->ops);
			if (bold)
				issuer_w = w;
		}
	if (last_issuer) {
		double rl = issuer_w * tp->issuer_rule;
		yl += 3.5;
		add_rule(&u->ops, xl + (lw - rl) / 2, xl + (lw + rl) / 2, yl, 0.6);
		yl += 6;
	}
	const bc_node *num = meta_line(t, BC_ROLE_NUMBER);
	if (num) {
		yl += 2;
		column_line(t, num, NULL, xl, lw, &yl, BC_FACE_REGULAR, tp->number_size, 0, &u->ops);
	}
	const bc_node *sum = meta_line(t, BC_ROLE_SUMMARY);
	if (sum)
		column_line(t, sum, NULL, xl, lw, &yl, BC_FACE_REGULAR, tp->summary_size, 0, &u->ops);
	const bc_node *urg = meta_line(t, BC_ROLE_URGENCY);
	if (urg) {
		yl += 6;
		double y0 = yl;
		size_t first = u->ops.n;
		double w = column_line(t, urg, NULL, xl, lw, &yl, BC_FACE_BOLD, tp->urgency_size, 1, &u->ops);
		(void)first;
		bc_op box = { .kind = BC_OP_BOX, .size = 0.8f, .x = (float)(xl + (lw - w) / 2 - 4), .y = (float)(y0 - 1),
		              .x2 = (float)(w + 8), .y2 = (float)(yl - y0 + 2) };
		bc_oplist_add(&u->ops, &box);
	}

	/* right: motto, slogan with its rule, place and date */
	column_line(t, meta_line(t, BC_ROLE_MOTTO), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", xr, wr, &yr, BC_FACE_BOLD, tp->motto_size, 1,
	            &u->ops);
	double sw = column_line(t, meta_line(t, BC_ROLE_SLOGAN), "Độc lập - Tự do - Hạnh phúc", xr, wr, &yr, BC_FACE_BOLD,
	                        tp->slogan_size, 0, &u->ops);
	yr += 3;
	add_rule(&u->ops, xr + (wr - sw) / 2, xr + (wr + sw) / 2, yr, 0.6);
	yr += 10;
	const bc_node *dl = meta_line(t, BC_ROLE_DATELINE);
	if (dl)
		column_line(t, dl, NULL, xr, wr, &yr, BC_FACE_ITALIC, tp->dateline_size, 0, &u->ops);
	u->h = yl > yr ? yl : yr;
	push(t, u);

	set_addressees(t);

	/* type of document and title, with a short rule under the title */
	const bc_node *dt = meta_line(t, BC_ROLE_DOCTYPE);
	bc_unit *tu = bc_unit_new(0);
	tu->gap = 14;
	double y = 0;
	if (dt)
		column_line(t, dt, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->doctype_size, 1, &tu->ops);
	bc_items it = { 0 };
	istyle st = { BC_FACE_BOLD, tp->title_size, 0, 0, 0 };
	bc_buf b = BC_BUF_INIT;
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line.role == BC_ROLE_TITLE) {
				if (it.n > 0 && it.v[it.n - 1].type == BC_ITEM_BOX)
					add_text(t, &it, " ", 1, &st);
				add_inlines(t, &it, n, st);
				bc_node_plain_text(n, &b);
				bc_buf_putc(&b, ' ');
			}
	double tw = 0;
	if (it.n > 0)
		tw = set_column(t, &it, t->x0 + t->width * 0.05, t->width * 0.9, &y, BC_JUST_CENTER,
		                line_height(t, tp->title_size, 1.0), tp->title_size, &tu->ops);
	bc_items_free(&it);
	if (tw > 0 || dt) {
		double rl = (tw > 0 ? tw : t->width / 3) * tp->title_rule;
		if (rl < 40)
			rl = 40;
		y += 3.5;
		add_rule(&tu->ops, t->x0 + (t->width - rl) / 2, t->x0 + (t->width + rl) / 2, y, 0.6);
		y += 8;
		tu->h = y;
		push(t, tu);
	} else {
		bc_unit_free(tu);
	}
	bc_buf_free(&b);
}

/* ---- tables ------------------------------------------------------------------ */

typedef struct tcell {
	const bc_node *node;
	int row, col, colspan, rowspan;
	bc_face face;
	bc_just just;
	bc_items items;        /* while its rows are being set (cell_items) */
	int empty;             /* no text */
	double minw, maxw;     /* widest word, whole text, padding included */
	lines L;
	double h;              /* needed height */
	int *lrow;             /* row-spanning cells: the row each line is drawn in */
	double *ly;            /* and its top within that row */
} tcell;

typedef struct tgrid {
	tcell *cells;
	size_t ncells;
	int rows, cols;
	int *row_kind;         /* bc_row_kind of each row */
	int head_rows;
	double *colw;
	double *rowh;
	int *owner;            /* rows x cols: index of the cell covering it, -1 none */
} tgrid;

static void grid_free(tgrid *g)
{
	for (size_t i = 0; i < g->ncells; i++) {
		bc_items_free(&g->cells[i].items);
		free(g->cells[i].L.breaks);
		free(g->cells[i].lrow);
		free(g->cells[i].ly);
	}
	free(g->cells);
	free(g->row_kind);
	free(g->colw);
	free(g->rowh);
	free(g->owner);
}

/* A header row printed again after a page break is left out when its words
 * are the header's (the pager repeats the header on each page); reworded
 * ("TT" for "STT", a typo), it is set where it stands, as a header row, so
 * that no word of the source is lost. */
static int is_shown_row(const bc_node *r) { return r->type == BC_NODE_ROW && r->as.row.repeat != BC_REPEAT_SAME; }

/* The header row a reworded repeat reprints: the parser repeats header rows
 * in order, so the n-th of a run of repeated rows is the n-th header row. */
static const bc_node *repeated_head_row(const bc_node *table, const bc_node *r)
{
	const bc_node *thead = table->first && table->first->type == BC_NODE_THEAD ? table->first : NULL;
	int rows = 0, level = 0;
	for (const bc_node *h = thead ? thead->first : NULL; h; h = h->next)
		rows++;
	if (!rows)
		return NULL;
	for (const bc_node *p = r->prev; p && p->type == BC_NODE_ROW && p->as.row.repeat != BC_REPEAT_NONE; p = p->prev)
		level++;
	level %= rows;
	const bc_node *h = thead->first;
	while (level-- > 0)
		h = h->next;
	return h;
}

/* The columns a cell of a reworded repeat covers: those of the header cell
 * starting in its column, when the cells it would cover are empty, so that
 * the repeat is ruled as the header is; else one. */
static int repeat_colspan(const bc_node *head_row, const bc_node *cell)
{
	if (!head_row)
		return 1;
	for (const bc_node *h = head_row->first; h; h = h->next) {
		if (h->type != BC_NODE_CELL || h->as.cell.col != cell->as.cell.col)
			continue;
		int span = h->as.cell.colspan > 1 ? h->as.cell.colspan : 1;
		const bc_node *c = cell->next;
		for (int k = 1; k < span; k++, c = c->next)
			if (!c || c->type != BC_NODE_CELL || c->first)
				return 1;
		return span;
	}
	return 1;
}

/* Reads the table's rows into a grid of cells with their text as items. */
static void grid_build(ts *t, const bc_node *table, tgrid *g, double size)
{
	memset(g, 0, sizeof *g);
	int rows = 0, maxcells = 0;
	for (const bc_node *sec = table->first; sec; sec = sec->next)
		for (const bc_node *r = sec->first; r; r = r->next)
			if (is_shown_row(r)) {
				rows++;
				int c = 0;
				for (const bc_node *cell = r->first; cell; cell = cell->next)
					c++;
				maxcells += c;
			}
	g->rows = rows;
	g->cells = bc_xcalloc((size_t)(maxcells ? maxcells : 1), sizeof *g->cells);
	g->row_kind = bc_xcalloc((size_t)(rows ? rows : 1), sizeof *g->row_kind);
	/* column positions with row spans: busy[c] rows still covered from above */
	int cap = table->as.table.cols > 0 ? table->as.table.cols : 1;
	int *busy = bc_xcalloc((size_t)cap, sizeof *busy);
	int cols = 0, ri = 0;
	bc_items scratch = { 0 };
	for (const bc_node *sec = table->first; sec; sec = sec->next)
		for (const bc_node *r = sec->first; r; r = r->next) {
			if (!is_shown_row(r))
				continue;
			int head = sec->type == BC_NODE_THEAD || r->as.row.kind == BC_ROW_HEAD;
			g->row_kind[ri] = head ? BC_ROW_HEAD : (int)r->as.row.kind;
			/* the header proper: the head rows at the top, not a reworded repeat
			 * (which is set once, where it stands, and not on every page) */
			if (head && ri == g->head_rows && r->as.row.repeat == BC_REPEAT_NONE)
				g->head_rows++;
			const bc_node *head_row = r->as.row.repeat == BC_REPEAT_REWORDED ? repeated_head_row(table, r) : NULL;
			int c = 0, covered = 0;   /* cells a reworded repeat's span has taken in */
			for (const bc_node *cell = r->first; cell; cell = cell->next) {
				if (cell->type != BC_NODE_CELL)
					continue;
				if (covered > 0) {
					covered--;
					continue;
				}
				while (c < cap && busy[c] > 0)
					c++;
				int span = cell->as.cell.colspan > 0 ? cell->as.cell.colspan : 1;
				if (head_row) {
					span = repeat_colspan(head_row, cell);
					covered = span - 1;
				}
				int rspan = cell->as.cell.rowspan > 0 ? cell->as.cell.rowspan : 1;
				if (rspan > rows - ri)
					rspan = rows - ri;
				if (c + span > cap) {
					int ncap = (c + span) * 2;
					busy = bc_xrealloc(busy, (size_t)ncap * sizeof *busy);
					memset(busy + cap, 0, (size_t)(ncap - cap) * sizeof *busy);
					cap = ncap;
				}
				tcell *tc = &g->cells[g->ncells++];
				tc->node = cell;
				tc->row = ri;
				tc->col = c;
				tc->colspan = span;
				tc->rowspan = rspan;
				tc->face = (head || r->as.row.kind == BC_ROW_GROUP) ? BC_FACE_BOLD : BC_FACE_REGULAR;
				if (head)
					tc->just = BC_JUST_CENTER;
				else if (cell->as.cell.value.len > 0 || cell->as.cell.align == BC_ALIGN_RIGHT)
					tc->just = BC_JUST_RIGHT;
				else if (cell->as.cell.align == BC_ALIGN_CENTER)
					tc->just = BC_JUST_CENTER;
				else
					tc->just = BC_JUST_LEFT;
				/* widths: the widest word and the whole text; a long table's items are
				 * made again row by row when it is set (rows_layout), so that it does
				 * not hold every cell's items at once */
				istyle st = { tc->face, size, 0, 0, 0 };
				scratch.n = 0;
				add_inlines(t, &scratch, cell, st);
				tc->empty = scratch.n == 0;
				double word = 0, total = 0, w = 0;
				for (size_t i = 0; i < scratch.n; i++) {
					const bc_item *it = &scratch.v[i];
					if (it->type == BC_ITEM_BOX) {
						w += it->width;
						total += it->width;
					} else {
						if (w > word)
							word = w;
						w = 0;
						if (it->type == BC_ITEM_GLUE)
							total += it->width;
					}
				}
				if (w > word)
					word = w;
				tc->minw = word + 2 * CELL_PAD_X;
				tc->maxw = total + 2 * CELL_PAD_X;
				if (maxcells <= KEEP_ITEMS_CELLS) {
					tc->items = scratch;
					scratch = (bc_items){ 0 };
				}
				for (int k = 0; k < span; k++)
					busy[c + k] = rspan;
				c += span;
				if (c > cols)
					cols = c;
			}
			for (int k = 0; k < cap; k++)
				if (busy[k] > 0)
					busy[k]--;
			ri++;
		}
	free(busy);
	bc_items_free(&scratch);
	if (cols < 1)
		cols = 1;
	g->cols = cols;
	g->colw = bc_xcalloc((size_t)cols, sizeof *g->colw);
	g->rowh = bc_xcalloc((size_t)(rows ? rows : 1), sizeof *g->rowh);
	g->owner = bc_xmalloc((size_t)(rows ? rows : 1) * (size_t)cols * sizeof *g->owner);
	for (size_t i = 0; i < (size_t)(rows ? rows : 1) * (size_t)cols; i++)
		g->owner[i] = -1;
	for (size_t i = 0; i < g->ncells; i++) {
		tcell *tc = &g->cells[i];
		for (int r = tc->row; r < tc->row + tc->rowspan && r < rows; r++)
			for (int c = tc->col; c < tc->col + tc->colspan && c < cols; c++)
				g->owner[(size_t)r * (size_t)cols + (size_t)c] = (int)i;
	}
	/* an ordinal column ("STT", "TT") is centred, as offices set it */
	int ordinal = 0;
	bc_buf b = BC_BUF_INIT;
	for (size_t i = 0; i < g->ncells && g->cells[i].row < g->head_rows; i++)
		if (g->cells[i].col == 0) {
			plain(g->cells[i].node, &b);
			const char *h = bc_buf_cstr(&b);
			ordinal = !strcmp(h, "STT") || !strcmp(h, "TT") || !strcmp(h, "Stt") || !strcmp(h, "Số TT") ||
			          !strcmp(h, "Số thứ tự");
		}
	bc_buf_free(&b);
	for (size_t i = 0; ordinal && i < g->ncells; i++)
		if (g->cells[i].col == 0 && g->cells[i].colspan == 1 && g->cells[i].row >= g->head_rows)
			g->cells[i].just = BC_JUST_CENTER;
}

/* The narrowest the table can be: every column as wide as its longest word. */
static double grid_min_width(const tgrid *g, double *minw, double *maxw)
{
	for (int c = 0; c < g->cols; c++)
		minw[c] = maxw[c] = 2 * CELL_PAD_X + 4;
	for (size_t i = 0; i < g->ncells; i++) {
		const tcell *tc = &g->cells[i];
		if (tc->colspan != 1)
			continue;
		if (tc->minw > minw[tc->col])
			minw[tc->col] = tc->minw;
		/* a column's need is its body's text: a long header (or a reworded
		 * repeat of it) wraps instead */
		if (g->row_kind[tc->row] != BC_ROW_HEAD && tc->maxw > maxw[tc->col])
			maxw[tc->col] = tc->maxw;
	}
	double s = 0;
	for (int c = 0; c < g->cols; c++) {
		if (maxw[c] < minw[c])
			maxw[c] = minw[c];
		s += minw[c];
	}
	return s;
}

/* Column widths from content: each at least its longest word, the rest shared by need. */
static void grid_widths(tgrid *g, double W)
{
	double *minw = bc_xmalloc((size_t)g->cols * sizeof *minw), *maxw = bc_xmalloc((size_t)g->cols * sizeof *maxw);
	double smin = grid_min_width(g, minw, maxw), smax = 0;
	for (int c = 0; c < g->cols; c++)
		smax += maxw[c];
	/* between the narrowest and the natural width: first every column gets
	 * its need up to an equal share of the spare room (a short column is set
	 * on one line), then what is left goes by the need still unmet (the long
	 * texts); sharing all by need starved the short columns */
	double spare = W - smin, *extra = bc_xcalloc((size_t)g->cols, sizeof *extra);
	if (smax > W && spare >= 0) {
		double fair = spare / g->cols, used = 0, unmet = 0;
		for (int c = 0; c < g->cols; c++) {
			extra[c] = fmin(maxw[c] - minw[c], fair);
			used += extra[c];
			unmet += maxw[c] - minw[c] - extra[c];
		}
		for (int c = 0; c < g->cols && unmet > 0; c++)
			extra[c] += (spare - used) * ((maxw[c] - minw[c] - extra[c]) / unmet);
	}
	for (int c = 0; c < g->cols; c++) {
		if (smax <= W)
			g->colw[c] = maxw[c] + (W - smax) * (maxw[c] / smax);
		else if (spare >= 0)
			g->colw[c] = minw[c] + extra[c];
		else
			g->colw[c] = minw[c] * (W / smin);   /* words will be cut to fit */
	}
	free(extra);
	free(minw);
	free(maxw);
}

static double span_width(const tgrid *g, const tcell *tc)
{
	double w = 0;
	for (int c = tc->col; c < tc->col + tc->colspan && c < g->cols; c++)
		w += g->colw[c];
	return w;
}

static double col_x(const tgrid *g, double x0, int col)
{
	double x = x0;
	for (int c = 0; c < col && c < g->cols; c++)
		x += g->colw[c];
	return x;
}

/* The first cell of row r: grid_build appends cells row by row, so a binary search finds it.
 * (Scanning every cell for every row made long tables quadratic: 20 000 rows took 11 s.) */
static size_t row_first_cell(const tgrid *g, int r)
{
	size_t lo = 0, hi = g->ncells;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->cells[mid].row < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Draws rows [r] lines [l0, l1) of every cell starting in row r, and the borders of row r. */
static void table_row_unit(ts *t, tgrid *g, int r, size_t l0, size_t l1, int first_part, int last_part, double h,
                           double lh, double size, bc_unit *u)
{
	double x0 = t->x0;
	if (g->row_kind[r] == BC_ROW_GROUP) {
		bc_op f = { .kind = BC_OP_FILL, .gray = 0.9f, .x = (float)x0, .y = 0, .x2 = (float)span_width(g, &(tcell){ .col = 0, .colspan = g->cols }),
		            .y2 = (float)h };
		bc_oplist_add(&u->ops, &f);
	}
	for (size_t i = row_first_cell(g, r); i < g->ncells && g->cells[i].row == r; i++) {
		tcell *tc = &g->cells[i];
		double cx = col_x(g, x0, tc->col) + CELL_PAD_X, cw = span_width(g, tc) - 2 * CELL_PAD_X;
		double y = first_part ? CELL_PAD_Y : 0;
		size_t a = l0, b = l1 < tc->L.n ? l1 : tc->L.n;
		if (g->row_kind[r] == BC_ROW_HEAD && tc->L.n > 0 && tc->rowspan == 1) {
			double need = (double)tc->L.n * lh + 2 * CELL_PAD_Y;
			if (h > need)
				y += (h - need) / 2;   /* header text centred vertically */
		}
		if (tc->lrow)
			continue;   /* a row-spanning cell: its lines by rows, below */
		if (a >= b)
			continue;   /* this part of a split row is past the cell's text */
		size_t from = a > 0 ? tc->L.breaks[a - 1] + 1 : 0;
		for (size_t k = a; k < b; k++) {
			bc_set_line(&tc->items, from, tc->L.breaks[k], cx, cw, y + baseline_in(t, lh, size), tc->just,
			            k + 1 == tc->L.n, &u->ops);
			y += lh;
			from = tc->L.breaks[k] + 1;
		}
	}
	/* the lines of row-spanning cells that fall in this row */
	for (int c = 0; c < g->cols; c++) {
		int o = g->owner[(size_t)r * (size_t)g->cols + (size_t)c];
		if (o < 0 || g->cells[o].col != c || !g->cells[o].lrow)
			continue;
		tcell *tc = &g->cells[o];
		double cx = col_x(g, x0, tc->col) + CELL_PAD_X, cw = span_width(g, tc) - 2 * CELL_PAD_X;
		size_t from = 0;
		for (size_t k = 0; k < tc->L.n; k++) {
			double y = tc->ly[k];
			int draw = tc->lrow[k] == r;
			if (draw && !(first_part && last_part)) {
				/* a row split in parts: the line's place among the row's lines */
				size_t j = (size_t)lround((tc->ly[k] - CELL_PAD_Y) / lh);
				draw = j >= l0 && j < l1;
				y = (first_part ? CELL_PAD_Y : 0) + (double)(j - l0) * lh;
			}
			if (draw)
				bc_set_line(&tc->items, from, tc->L.breaks[k], cx, cw, y + baseline_in(t, lh, size), tc->just,
				            k + 1 == tc->L.n, &u->ops);
			from = tc->L.breaks[k] + 1;
		}
	}
	/* borders */
	double lw = 0.5;
	for (int c = 0; c <= g->cols; c++) {
		int here = c < g->cols ? g->owner[(size_t)r * (size_t)g->cols + (size_t)c] : -2;
		int left = c > 0 ? g->owner[(size_t)r * (size_t)g->cols + (size_t)(c - 1)] : -3;
		if (c == 0 || c == g->cols || here != left || here < 0) {
			double x = col_x(g, x0, c);
			bc_op v = { .kind = BC_OP_RULE, .size = (float)lw, .x = (float)x, .y = 0, .x2 = (float)x, .y2 = (float)h };
			bc_oplist_add(&u->ops, &v);
		}
	}
	for (int c = 0; c < g->cols; c++) {
		int o = g->owner[(size_t)r * (size_t)g->cols + (size_t)c];
		double xa = col_x(g, x0, c), xb = xa + g->colw[c];
		int starts = o < 0 || g->cells[o].row == r;
		int ends = o < 0 || g->cells[o].row + g->cells[o].rowspan - 1 == r;
		if (starts || !first_part)
			add_rule(&u->ops, xa, xb, 0, lw);
		if (ends || !last_part)
			add_rule(&u->ops, xa, xb, h, lw);
	}
}

/* The narrowest the table can be with its words scaled by `scale` (see grid_min_width). */
static double grid_min_width_scaled(const tgrid *g, double scale)
{
	double *minw = bc_xmalloc((size_t)g->cols * sizeof *minw), s = 0;
	for (int c = 0; c < g->cols; c++)
		minw[c] = 2 * CELL_PAD_X + 4;
	for (size_t i = 0; i < g->ncells; i++) {
		const tcell *tc = &g->cells[i];
		double w = (tc->minw - 2 * CELL_PAD_X) * scale + 2 * CELL_PAD_X;
		if (tc->colspan == 1 && w > minw[tc->col])
			minw[tc->col] = w;
	}
	for (int c = 0; c < g->cols; c++)
		s += minw[c];
	free(minw);
	return s;
}

/*
 * Makes the items and lines of the cells starting in rows [r0, e) and the
 * heights of those rows, where e is the first row no row span crosses into;
 * returns e.
 */
static int rows_layout(ts *t, tgrid *g, int r0, double size, double lh)
{
	size_t first = row_first_cell(g, r0), end = first;
	int e = r0 + 1;
	for (; end < g->ncells && g->cells[end].row < e; end++)
		if (g->cells[end].row + g->cells[end].rowspan > e)
			e = g->cells[end].row + g->cells[end].rowspan;
	for (size_t i = first; i < end; i++) {
		tcell *tc = &g->cells[i];
		double cw = span_width(g, tc) - 2 * CELL_PAD_X;
		if (cw < 4)
			cw = 4;
		if (tc->empty) {
			tc->h = 2 * CELL_PAD_Y + lh;
			continue;
		}
		if (tc->items.n == 0) {   /* not kept by grid_build */
			istyle st = { tc->face, size, 0, 0, 0 };
			add_inlines(t, &tc->items, tc->node, st);
		}
		bc_items_finish(&tc->items);
		tc->L = break_items(t, &tc->items, cw, tc->just);
		tc->h = (double)tc->L.n * lh + 2 * CELL_PAD_Y;
	}
	for (size_t i = first; i < end; i++)
		if (g->cells[i].rowspan == 1 && g->cells[i].h > g->rowh[g->cells[i].row])
			g->rowh[g->cells[i].row] = g->cells[i].h;
	for (size_t i = first; i < end; i++) {
		tcell *tc = &g->cells[i];
		if (tc->rowspan <= 1)
			continue;
		/* each line goes in the row it fits in, never across a row's foot:
		 * a page break between the spanned rows then cuts between lines, and
		 * the text continues in the row on the next page */
		int last = tc->row + tc->rowspan - 1, r = tc->row;
		double y = CELL_PAD_Y;
		tc->lrow = bc_xmalloc((tc->L.n ? tc->L.n : 1) * sizeof *tc->lrow);
		tc->ly = bc_xmalloc((tc->L.n ? tc->L.n : 1) * sizeof *tc->ly);
		for (size_t k = 0; k < tc->L.n; k++) {
			while (r < last && y + lh > g->rowh[r] + 0.01) {
				r++;
				y = CELL_PAD_Y;
			}
			if (r == last && y + lh + CELL_PAD_Y > g->rowh[r])
				g->rowh[r] = y + lh + CELL_PAD_Y;
			tc->lrow[k] = r;
			tc->ly[k] = y;
			y += lh;
		}
	}
	return e;
}

/* Frees the items and lines of the cells starting in rows [r0, r1): their units are made. */
static void rows_free(tgrid *g, int r0, int r1)
{
	for (size_t i = row_first_cell(g, r0); i < g->ncells && g->cells[i].row < r1; i++) {
		tcell *tc = &g->cells[i];
		bc_items_free(&tc->items);
		free(tc->L.breaks);
		free(tc->lrow);
		free(tc->ly);
		tc->L.breaks = NULL;
		tc->lrow = NULL;
		tc->ly = NULL;
	}
}

/* Sets a table.  `built`, when not NULL, is its grid built already at the
 * template's size (by needs_landscape): it is used and freed here. */
static void set_table(ts *t, const bc_node *table, tgrid *built)
{
	tgrid g;
	double size = t->tpl->table_size;
	if (built) {
		g = *built;
		free(built);
	} else {
		grid_build(t, table, &g, size);
	}
	if (g.ncells == 0) {
		grid_free(&g);
		return;
	}
	/* a table whose words cannot fit side by side (with some room left for
	 * its text columns) is set smaller, down to 8 pt, before words are cut;
	 * words scale with the size, so the grid is built again once, at the size found */
	double size0 = size;
	while (size > 8 && grid_min_width_scaled(&g, size / size0) > t->width * 0.85)
		size -= 0.5;
	if (size != size0) {
		grid_free(&g);
		grid_build(t, table, &g, size);
	}
	t->stats->tables++;
	int id = ++t->table_id;
	grid_widths(&g, t->width);
	double lh = line_height(t, size, 1.0);
	for (int r = 0; r < g.rows; r++)
		g.rowh[r] = lh + 2 * CELL_PAD_Y;
	/* rows are set in blocks that row spans hold together (one row, mostly),
	 * their cells' items made and freed block by block */
	int done = 0;   /* rows [0, done) have their cells' lines and heights */
	while (done < g.head_rows)
		done = rows_layout(t, &g, done, size, lh);
	/* room for one part of a row: a page less the repeated header */
	double head_h = 0;
	for (int r = 0; r < g.head_rows; r++)
		head_h += g.rowh[r];
	const bc_pager_geometry *geo = t->landscape ? &t->pager.landscape : &t->pager.portrait;
	double page_room = geo->height - geo->top - geo->bottom;
	if (head_h > page_room / 2)
		head_h = 0;   /* an absurd header is not repeated */
	double max_part = page_room - head_h - 2;
	int parts_lines = (int)floor((max_part - 2 * CELL_PAD_Y) / lh);
	if (parts_lines < 1)
		parts_lines = 1;

	int freed = 0;   /* rows [0, freed) have their cells' items and lines freed */
	for (int r = 0; r < g.rows; r++) {
		if (r >= done) {
			rows_free(&g, freed, done);
			freed = done;
			done = rows_layout(t, &g, r, size, lh);
		}
		int head = r < g.head_rows;
		int in_span = 0;   /* a row span reaching below: keep the rows together */
		for (int c = 0; c < g.cols; c++) {
			int o = g.owner[(size_t)r * (size_t)g.cols + (size_t)c];
			if (o >= 0 && g.cells[o].row + g.cells[o].rowspan - 1 > r)
				in_span = 1;
		}
		if (g.rowh[r] <= max_part || head) {
			bc_unit *u = bc_unit_new(g.rowh[r]);
			table_row_unit(t, &g, r, 0, SIZE_MAX, 1, 1, g.rowh[r], lh, size, u);
			u->table = id;
			u->table_head = (unsigned)(head && head_h > 0);
			/* a header row, the header or a reworded repeat of it, never ends a page */
			u->keep_next = (unsigned)(g.row_kind[r] == BC_ROW_HEAD || in_span || g.row_kind[r] == BC_ROW_GROUP);
			for (size_t i = row_first_cell(&g, r); i < g.ncells && g.cells[i].row == r; i++)
				notes_for(t, &g.cells[i].items, 0, g.cells[i].items.n, u);
			if (r == 0)
				u->gap = t->tpl->para_space;
			push(t, u);
			continue;
		}
		/* a row taller than a page: its lines in parts */
		size_t most = 0;
		for (size_t i = row_first_cell(&g, r); i < g.ncells && g.cells[i].row == r; i++)
			if (!g.cells[i].lrow && g.cells[i].L.n > most)
				most = g.cells[i].L.n;
		/* and the lines row-spanning cells put in this row */
		for (int c = 0; c < g.cols; c++) {
			int o = g.owner[(size_t)r * (size_t)g.cols + (size_t)c];
			if (o < 0 || g.cells[o].col != c || !g.cells[o].lrow)
				continue;
			for (size_t k = 0; k < g.cells[o].L.n; k++)
				if (g.cells[o].lrow[k] == r) {
					size_t j = (size_t)lround((g.cells[o].ly[k] - CELL_PAD_Y) / lh) + 1;
					if (j > most)
						most = j;
				}
		}
		for (size_t l0 = 0; l0 < most; l0 += (size_t)parts_lines) {
			size_t l1 = l0 + (size_t)parts_lines;
			int first = l0 == 0, last = l1 >= most;
			double h = (double)((last ? most : l1) - l0) * lh + (first ? CELL_PAD_Y : 0) + (last ? CELL_PAD_Y : 0);
			bc_unit *u = bc_unit_new(h);
			table_row_unit(t, &g, r, l0, l1, first, last, h, lh, size, u);
			u->table = id;
			if (r == 0 && first)
				u->gap = t->tpl->para_space;
			if (first)
				for (size_t i = row_first_cell(&g, r); i < g.ncells && g.cells[i].row == r; i++)
					notes_for(t, &g.cells[i].items, 0, g.cells[i].items.n, u);
			push(t, u);
		}
	}
	grid_free(&g);
}

/* ---- blocks ------------------------------------------------------------------- */

static void set_blocks(ts *t, const bc_node *parent);

static void set_heading(ts *t, const bc_node *section, const bc_node *heading)
{
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
		ps.outline_level = 1 + (t->appendix ? 1 : 0);
		set_paragraph(t, heading, label_prefix(t, BC_LABEL_ARTICLE, section->as.section.label), &ps);
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
	plain(heading, &b);
	const char *prefix = label_prefix(t, section->as.section.kind, section->as.section.label);
	if (prefix && starts_with_trimmed(bc_buf_cstr(&b), prefix))
		prefix = NULL;
	bc_buf_free(&b);
	set_paragraph(t, heading, prefix, &ps);
}

static void set_block(ts *t, const bc_node *n)
{
	bc_buf b = BC_BUF_INIT;
	switch (n->type) {
	case BC_NODE_SECTION: {
		const bc_node *c = n->first;
		if (n->as.section.kind == BC_LABEL_ARTICLE && n->as.section.run_in && c && c->type == BC_NODE_HEADING &&
		    !c->first && c->next && c->next->type == BC_NODE_PARAGRAPH) {
			/* "Điều 3. Quyết định này có hiệu lực …": the bold label runs into the text */
			pstyle ps = body_style(t);
			ps.prefix_differs = 1;
			ps.prefix_face = BC_FACE_BOLD;
			ps.outline_max = 60;   /* the bookmark: the label and the first words of the text */
			ps.size = t->tpl->article_size;
			ps.outline_level = 1 + (t->appendix ? 1 : 0);
			set_paragraph(t, c->next, label_prefix(t, BC_LABEL_ARTICLE, n->as.section.label), &ps);
			c = c->next->next;
		} else if (c && c->type == BC_NODE_HEADING) {
			set_heading(t, n, c);
			c = c->next;
		}
		for (; c; c = c->next)
			set_block(t, c);
		break;
	}
	case BC_NODE_HEADING: {
		pstyle ps = body_style(t);
		ps.face = BC_FACE_BOLD;
		ps.keep_all = 1;
		set_paragraph(t, n, NULL, &ps);
		break;
	}
	case BC_NODE_PARAGRAPH: {
		pstyle ps = body_style(t);
		plain(n, &b);
		const char *prefix = label_prefix(t, n->as.para.kind, n->as.para.label);
		if (prefix && starts_with_trimmed(bc_buf_cstr(&b), prefix))
			prefix = NULL;
		set_paragraph(t, n, prefix, &ps);
		break;
	}
	case BC_NODE_LIST:
		for (const bc_node *c = n->first; c; c = c->next)
			set_block(t, c);
		break;
	case BC_NODE_ITEM: {
		pstyle ps = body_style(t);
		plain(n, &b);
		const char *prefix = NULL;
		if (n->as.item.kind != BC_LABEL_NONE)
			prefix = label_prefix(t, n->as.item.kind, n->as.item.label);
		else if (n->as.item.bullet) {
			char tmp[3] = { n->as.item.bullet, ' ', 0 };
			prefix = ts_strdup(t, tmp, 2);
		}
		if (prefix && starts_with_trimmed(bc_buf_cstr(&b), prefix))
			prefix = NULL;
		/* an item's own text is its paragraph; blocks inside it (paragraphs,
		 * a nested list after its text) follow as blocks of their own */
		int blocks = n->first && !bc_node_is_inline(n->first);
		if (blocks) {
			for (const bc_node *c = n->first; c; c = c->next)
				set_block(t, c);
		} else {
			t->inline_only++;
			set_paragraph(t, n, prefix, &ps);
			t->inline_only--;
			for (const bc_node *c = n->first; c; c = c->next)
				if (!bc_node_is_inline(c))
					set_block(t, c);
		}
		break;
	}
	case BC_NODE_TABLE:
		set_table(t, n, NULL);
		break;
	case BC_NODE_LINE: {
		pstyle ps = body_style(t);
		ps.indent = 0;
		switch (n->as.line.role) {
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
			ps.size = n->as.line.role == BC_ROLE_COMPETENCE ? t->tpl->competence_size : t->tpl->enacting_size;
			break;
		case BC_ROLE_BASIS:
			ps.face = BC_FACE_ITALIC;
			ps.indent = t->tpl->indent_cm * 10 * BC_MM;
			ps.size = t->tpl->basis_size;
			ps.gap = 3;
			break;
		default:
			break;
		}
		set_paragraph(t, n, NULL, &ps);
		break;
	}
	case BC_NODE_RULE: {
		bc_unit *u = bc_unit_new(8);
		u->gap = 4;
		add_rule(&u->ops, t->x0 + t->width * 0.4, t->x0 + t->width * 0.6, 4, 0.6);
		push(t, u);
		break;
	}
	case BC_NODE_NOTES:
	case BC_NODE_NOTE:
		break;   /* footnotes go with their references */
	default:
		if (!bc_node_is_inline(n) && !bc_node_is_leaf(n))
			set_blocks(t, n);
		break;
	}
	bc_buf_free(&b);
}

static void set_blocks(ts *t, const bc_node *parent)
{
	for (const bc_node *c = parent->first; c; c = c->next)
		set_block(t, c);
}

/* ---- closing ------------------------------------------------------------------- */

static void set_closing(ts *t)
{
	const bc_node *cl = t->doc->closing;
	if (!cl)
		return;
	const bc_template *tp = t->tpl;
	const bc_node *recipients = NULL, *signature = NULL;
	for (const bc_node *c = cl->first; c; c = c->next) {
		if (c->type == BC_NODE_RECIPIENTS)
			recipients = c;
		else if (c->type == BC_NODE_SIGNATURE)
			signature = c;
		else
			set_block(t, c);
	}
	if (!recipients && !signature)
		return;
	double wl = t->width * 0.45, xr = t->x0 + wl, wr = t->width - wl;
	/* the closing words ("Yêu cầu ... thực hiện./.") go over the page with
	 * the signature; the last pushed unit is still queued in the pager */
	if (t->pager.qn > 0)
		t->pager.q[t->pager.qn - 1]->keep_next = 1;
	/* right column: authority, position, room to sign, name; kept in one unit */
	bc_unit *u = bc_unit_new(0);
	u->gap = 12;
	double yr = 0;
	if (signature) {
		const bc_node *signer = NULL;
		for (const bc_node *c = signature->first; c; c = c->next) {
			if (c->type != BC_NODE_LINE)
				continue;
			if (c->as.line.role == BC_ROLE_SIGNER) {
				signer = c;
				continue;
			}
			column_line(t, c, NULL, xr, wr, &yr, BC_FACE_BOLD, tp->sign_size, 1, &u->ops);
		}
		yr += tp->sign_space * BC_MM;
		if (signer)
			column_line(t, signer, NULL, xr, wr, &yr, BC_FACE_BOLD, tp->sign_size, 0, &u->ops);
	}
	/* left column: "Nơi nhận:" and the list, as far as it goes beside the signature */
	double yl = 0;
	int pushed = 0;
	if (recipients) {
		const bc_node *label = NULL;
		for (const bc_node *c = recipients->first; c; c = c->next)
			if (c->type == BC_NODE_LINE && c->as.line.role == BC_ROLE_RECIPIENTS_LABEL)
				label = c;
		bc_items it = { 0 };
		istyle st = { BC_FACE_BOLD_ITALIC, tp->recip_label_size, 0, 0, 0 };
		if (label)
			add_inlines(t, &it, label, st);
		else
			add_text(t, &it, "Nơi nhận:", strlen("Nơi nhận:"), &st);
		set_column(t, &it, t->x0, wl, &yl, BC_JUST_LEFT, line_height(t, tp->recip_label_size, 1.0),
		           tp->recip_label_size, &u->ops);
		bc_items_free(&it);
		double lh = line_height(t, tp->recip_size, 1.0);
		bc_buf b = BC_BUF_INIT;
		for (const bc_node *c = recipients->first; c; c = c->next) {
			if (c == label)
				continue;
			bc_items li = { 0 };
			istyle s2 = { BC_FACE_REGULAR, tp->recip_size, 0, 0, 0 };
			plain(c, &b);
			if (c->type == BC_NODE_ITEM && c->as.item.bullet) {
				char tmp[3] = { c->as.item.bullet, ' ', 0 };
				if (!starts_with_trimmed(bc_buf_cstr(&b), tmp))
					add_text(t, &li, ts_strdup(t, tmp, 2), 2, &s2);
			}
			add_inlines(t, &li, c, s2);
			/* past the signature's height, the list goes on in units of its own */
			if (!pushed && yl + lh > yr + 0.01) {
				u->h = yl > yr ? yl : yr;
				push(t, u);
				pushed = 1;
			}
			if (pushed) {
				bc_unit *lu = bc_unit_new(0);
				double y = 0;
				set_column(t, &li, t->x0, wl, &y, BC_JUST_LEFT, lh, tp->recip_size, &lu->ops);
				lu->h = y;
				push(t, lu);
			} else {
				set_column(t, &li, t->x0, wl, &yl, BC_JUST_LEFT, lh, tp->recip_size, &u->ops);
			}
			bc_items_free(&li);
		}
		bc_buf_free(&b);
	}
	if (!pushed) {
		u->h = yl > yr ? yl : yr;
		push(t, u);
	}
}

/* ---- appendices ------------------------------------------------------------------ */

/*
 * Whether the tables of n need a landscape page: one too wide for the
 * portrait text area even with every column at its longest word, or of nine
 * columns or more.  Measuring a table builds its grid: the grid of the
 * first table that is a child of n itself is handed back in *first (with
 * the table in *first_table) for set_table, so that it is not built twice;
 * the others are freed (first NULL: none is kept).
 */
static int needs_landscape(ts *t, const bc_node *n, tgrid **first, const bc_node **first_table)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_TABLE) {
			tgrid *g = bc_xmalloc(sizeof *g);
			grid_build(t, c, g, t->tpl->table_size);
			double *a = bc_xmalloc((size_t)g->cols * sizeof *a), *b = bc_xmalloc((size_t)g->cols * sizeof *b);
			double w = grid_min_width(g, a, b);
			int cols = g->cols;
			free(a);
			free(b);
			if (first && !*first) {
				*first = g;
				*first_table = c;
			} else {
				grid_free(g);
				free(g);
			}
			if (w > t->port_w || cols >= 9)
				return 1;
		} else if (!bc_node_is_inline(c) && !bc_node_is_leaf(c) && needs_landscape(t, c, NULL, NULL)) {
			return 1;
		}
	}
	return 0;
}

static void set_appendix(ts *t, const bc_node *ap)
{
	const bc_template *tp = t->tpl;
	t->appendix++;
	t->stats->appendices++;
	tgrid *first = NULL;
	const bc_node *first_table = NULL;
	int land = needs_landscape(t, ap, &first, &first_table);
	t->page_start = 1;
	t->page_landscape = land;
	t->page_restart = 1;
	t->landscape = land;
	if (land) {
		t->x0 = t->land_x0;
		t->width = t->land_w;
	} else {
		t->x0 = t->port_x0;
		t->width = t->port_w;
	}
	bc_unit *u = bc_unit_new(0);
	double y = 0;
	bc_buf b = BC_BUF_INIT;
	const bc_node *c = ap->first;
	for (; c && c->type == BC_NODE_LINE; c = c->next) {
		switch (c->as.line.role) {
		case BC_ROLE_APPX_LABEL:
			column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->appx_label_size, 0, &u->ops);
			if (!u->outline) {
				bc_node_plain_text(c, &b);
				u->outline = bc_xstrdup(bc_buf_cstr(&b));
				u->outline_level = 1;
			}
			break;
		case BC_ROLE_APPX_TITLE:
			column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->appx_title_size, 1, &u->ops);
			break;
		case BC_ROLE_APPX_ATTACH:
			column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_ITALIC, tp->body_size, 0, &u->ops);
			break;
		default:
			column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_REGULAR, tp->body_size, 0, &u->ops);
			break;
		}
	}
	if (!u->outline) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "Phụ lục %.40s", ap->as.appendix.label.s ? ap->as.appendix.label.s : "");
		u->outline = bc_xstrdup(tmp);
		u->outline_level = 1;
	}
	bc_buf_free(&b);
	u->h = y + 6;
	u->keep_next = 1;
	push(t, u);
	for (; c; c = c->next) {
		if (c == first_table) {
			set_table(t, c, first);
			first = NULL;
		} else {
			set_block(t, c);
		}
	}
}

/* ---- the document ----------------------------------------------------------------- */

static int cmp_ptr(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	return x < y ? -1 : x > y;
}

void bc_typeset_geometry(const bc_template *tpl, bc_pager_geometry *g)
{
	g->width = tpl->page_w * BC_MM;
	g->height = tpl->page_h * BC_MM;
	g->top = tpl->m_top * BC_MM;
	g->bottom = tpl->m_bottom * BC_MM;
}

int bc_typeset_is_draft(const bc_document *doc)
{
	if (doc->idx.draft)
		return 1;
	if (doc->meta)
		for (const bc_node *n = doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line.role == BC_ROLE_DRAFT)
				return 1;
	return 0;
}

int bc_typeset(const bc_document *doc, const bc_template *tpl, const bc_metrics *m, bc_page_fn emit, void *emit_ctx,
               bc_typeset_stats *stats)
{
	ts t;
	memset(&t, 0, sizeof t);
	memset(stats, 0, sizeof *stats);
	t.doc = doc;
	t.tpl = tpl;
	t.m = m;
	t.stats = stats;
	bc_arena_init(&t.strings);
	bc_pager_geometry g;
	bc_typeset_geometry(tpl, &g);
	bc_pager_init(&t.pager, &g, emit, emit_ctx);
	t.port_x0 = tpl->m_left * BC_MM;
	t.port_w = (tpl->page_w - tpl->m_left - tpl->m_right) * BC_MM;
	/* a landscape page is turned a quarter anticlockwise to be bound: its
	 * top lies along the binding (the left margin), its left edge at the
	 * foot of the sheet (the bottom margin) */
	t.land_x0 = tpl->m_bottom * BC_MM;
	t.land_w = (tpl->page_h - tpl->m_top - tpl->m_bottom) * BC_MM;
	t.pager.landscape.top = tpl->m_left * BC_MM;
	t.pager.landscape.bottom = tpl->m_right * BC_MM;
	t.x0 = t.port_x0;
	t.width = t.port_w;

	set_header(&t);
	if (doc->body)
		set_blocks(&t, doc->body);
	/* footnotes nothing refers to are not lost: they follow the text */
	size_t nref = 0, capref = 0;
	const void **refs = NULL;
	bc_iter iter;
	bc_iter_init(&iter, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&iter)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && iter.cur->type == BC_NODE_NOTEREF && iter.cur->as.noteref.note) {
			if (nref == capref) {
				capref = capref ? capref * 2 : 64;
				refs = bc_xrealloc(refs, capref * sizeof *refs);
			}
			refs[nref++] = iter.cur->as.noteref.note;
		}
	if (nref)
		bc_sort(refs, nref, sizeof *refs, cmp_ptr);
	bc_iter_init(&iter, doc->root);
	while ((ev = bc_iter_next(&iter)) != BC_EV_DONE) {
		const void *key = iter.cur;
		if (ev == BC_EV_ENTER && iter.cur->type == BC_NODE_NOTE &&
		    !(nref && bsearch(&key, refs, nref, sizeof *refs, cmp_ptr)) && !note_placed(&t, iter.cur))
			note_lines(&t, iter.cur, NULL, push_note);
	}
	free(refs);
	set_closing(&t);
	for (const bc_node *n = doc->root ? doc->root->first : NULL; n; n = n->next)
		if (n->type == BC_NODE_APPENDIX)
			set_appendix(&t, n);
	int pages = bc_pager_finish(&t.pager);
	stats->pages = pages;
	bc_pager_free(&t.pager);
	bc_arena_free(&t.strings);
	free(t.placed);
	return pages < 0 ? -1 : 0;
}

void bc_typeset_furniture(const bc_page *page, const bc_template *tpl, const bc_metrics *m, int draft,
                          char number_text[16], bc_oplist *out)
{
	double left = tpl->m_left * BC_MM, right = page->width - tpl->m_right * BC_MM;
	double top = tpl->m_top * BC_MM;
	if (page->landscape) {   /* turned: see bc_typeset */
		left = tpl->m_bottom * BC_MM;
		right = page->width - tpl->m_top * BC_MM;
		top = tpl->m_left * BC_MM;
	}
	if (page->number >= 2) {
		snprintf(number_text, 16, "%d", page->number);
		size_t len = strlen(number_text);
		double size = tpl->pageno_size;
		double w = m->measure(m->ctx, BC_FACE_REGULAR, size, number_text, len);
		double cap = m->ascent * size * 0.75;
		bc_op op = { .kind = BC_OP_TEXT, .face = BC_FACE_REGULAR, .size = (float)size, .x = (float)((left + right - w) / 2),
		             .y = (float)(top / 2 + cap / 2), .s = number_text, .len = len };
		bc_oplist_add(out, &op);
	}
	if (page->notes_top > 0) {
		bc_op r = { .kind = BC_OP_RULE, .size = 0.5f, .x = (float)left, .y = (float)page->notes_top,
		            .x2 = (float)(left + (right - left) / 4), .y2 = (float)page->notes_top };
		bc_oplist_add(out, &r);
	}
	if (draft) {
		const char *s = tpl->draft_text[0] ? tpl->draft_text : "DỰ THẢO";
		size_t len = strlen(s);
		double size = tpl->draft_size;
		double w = m->measure(m->ctx, BC_FACE_BOLD, size, s, len);
		double bx = right - w - 8, by = top / 2 - size * 0.75;
		bc_op box = { .kind = BC_OP_BOX, .size = 1.0f, .x = (float)bx, .y = (float)by, .x2 = (float)(w + 8),
		              .y2 = (float)(size * 1.5) };
		bc_op txt = { .kind = BC_OP_TEXT, .face = BC_FACE_BOLD, .size = (float)size, .x = (float)(bx + 4),
		              .y = (float)(by + size * 1.5 / 2 + m->ascent * size * 0.7 / 2), .s = s, .len = len };
		bc_oplist_add(out, &box);
		bc_oplist_add(out, &txt);
	}
}
