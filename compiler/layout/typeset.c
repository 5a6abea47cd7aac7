/* typeset.c — turns the report model into units for the pager: the document in order, and the helpers every part uses (inline content to items, lines, footnotes). */
#include "typeset_private.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

/* ---- small helpers -------------------------------------------------------- */

char *ts_strdup(ts *t, const char *s, size_t len)
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

void ts_plain(const bc_node *n, bc_buf *b)
{
	bc_buf_clear(b);
	bc_node_plain_text(n, b);
}

int ts_starts_with(const char *s, const char *prefix)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(prefix);
	while (n > 0 && prefix[n - 1] == ' ')
		n--;
	return n > 0 && strncmp(s, prefix, n) == 0;
}

/* ---- inline content to items ------------------------------------------ */

void ts_add_text(ts *t, bc_items *it, const char *s, size_t len, const istyle *st)
{
	if (st->upper)
		s = upper_copy(t, s, len), len = strlen(s);
	bc_items_text(it, t->m, s, len, st->face, st->size, st->rise, st->underline);
}

/* The words of a TEXT node, or of a DATE that is not a real date (31/02/2026),
 * which is set as the text it is; NULL for other nodes. */
static const bc_str *words_of(const bc_node *c)
{
	if (c->type == BC_NODE_TEXT)
		return &c->as.text.literal;
	if (c->type == BC_NODE_DATE && c->as.date.invalid && c->first && c->first == c->last &&
	    c->first->type == BC_NODE_TEXT)
		return &c->first->as.text.literal;
	return NULL;
}

/* The parser splits a text only to mark the dates in it: an invalid date and
 * the text around it are set as one text, as words the parser had left whole.
 * From c (an invalid DATE, or the TEXT before one) through each invalid DATE
 * and the TEXT that goes on after it in the source (not after an escape):
 * returns the run's last node and its words in b, or NULL when c starts none. */
static const bc_node *invalid_date_run(const bc_node *c, bc_buf *b)
{
	const bc_node *d = c->type == BC_NODE_TEXT ? c->next : c;
	if (!d || d->type != BC_NODE_DATE || !words_of(d))
		return NULL;
	bc_buf_clear(b);
	const bc_node *last = c;
	if (c != d)
		bc_buf_put(b, c->as.text.literal.s, c->as.text.literal.len);
	while (d && d->type == BC_NODE_DATE && words_of(d)) {
		const bc_str *w = words_of(d);
		bc_buf_put(b, w->s, w->len);
		last = d;
		const bc_node *x = d->next;
		if (!x || x->type != BC_NODE_TEXT ||
		    (x->pos.line == d->pos.line && x->pos.col != d->pos.col + bc_utf8_count(w->s, w->len)))
			break;
		bc_buf_put(b, x->as.text.literal.s, x->as.text.literal.len);
		last = x;
		d = x->next;
	}
	return last;
}

void ts_add_inlines(ts *t, bc_items *it, const bc_node *n, istyle st)
{
	bc_buf run = BC_BUF_INIT;
	for (const bc_node *c = n->first; c; c = c->next) {
		istyle s2 = st;
		const bc_node *last = invalid_date_run(c, &run);
		if (last) {
			ts_add_text(t, it, ts_strdup(t, run.s, run.len), run.len, &st);
			c = last;
			continue;
		}
		switch (c->type) {
		case BC_NODE_TEXT:
			ts_add_text(t, it, c->as.text.literal.s, c->as.text.literal.len, &st);
			break;
		case BC_NODE_STRONG: s2.face |= BC_FACE_BOLD; ts_add_inlines(t, it, c, s2); break;
		case BC_NODE_EMPH: s2.face |= BC_FACE_ITALIC; ts_add_inlines(t, it, c, s2); break;
		case BC_NODE_UNDERLINE: s2.underline = 1; ts_add_inlines(t, it, c, s2); break;
		case BC_NODE_SUP:
			s2.size = st.size * 0.65;
			s2.rise = st.rise + st.size * 0.35;
			ts_add_inlines(t, it, c, s2);
			break;
		case BC_NODE_NOTEREF: {
			char mark[24];
			snprintf(mark, sizeof mark, "%d", c->as.noteref.id);
			s2.size = st.size * 0.65;
			s2.rise = st.rise + st.size * 0.35;
			s2.upper = 0;
			/* attached to the word before it: no glue */
			const bc_str *w = c->prev ? words_of(c->prev) : NULL;
			while (it->n > 0 && it->v[it->n - 1].type == BC_ITEM_GLUE && w && w->len > 0 && w->s[w->len - 1] != ' ')
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
			ts_add_inlines(t, it, c, s2);
			break;
		}
	}
	bc_buf_free(&run);
}

/* ---- lines --------------------------------------------------------------- */

lines ts_break_items(ts *t, bc_items *it, double width, bc_just just)
{
	lines L = { NULL, 0 };
	bc_items_fit_words(it, t->m, width);
	L.n = bc_break_lines(it, width, just, &L.breaks);
	return L;
}

/* ---- recording a unit's lines ---------------------------------------------- */

void ts_rec_begin(ts *t, trecorder *r, bc_unit *u)
{
	memset(r, 0, sizeof *r);
	r->u = u;
	r->last[0] = r->last[1] = -1;
	r->col_from[0] = r->col_from[1] = u->ops.n;
	t->rec = r;
}

void ts_rec_col(ts *t, int col)
{
	trecorder *r = t->rec;
	r->col = col;
	/* a column's ops are added in one run: those before it belong to no record */
	if (r->last[col] < 0)
		r->col_from[col] = r->u->ops.n;
}

/* A new record in the current column, from where its last one ended. */
static trec *rec_new(trecorder *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = bc_xrealloc(r->v, r->cap * sizeof *r->v);
	}
	trec *e = &r->v[r->n];
	*e = (trec){ .col = r->col, .from = r->col_from[r->col], .to = r->u->ops.n, .top = r->col_y[r->col],
	             .bottom = r->col_y[r->col] };
	r->last[r->col] = (int)r->n++;
	return e;
}

static int refs_note(const bc_items *it, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < it->n; i++)
		if (it->v[i].ref)
			return 1;
	return 0;
}

/* A line just set (items [from, to), its foot at `bottom`): a record of its own. */
static void rec_line(ts *t, const bc_items *it, size_t from, size_t to, double bottom)
{
	trecorder *r = t->rec;
	trec *e = rec_new(r);
	e->bottom = bottom > e->top ? bottom : e->top;
	if (refs_note(it, from, to)) {
		e->notes = bc_unit_new(0);
		ts_notes_for(t, it, from, to, e->notes);
	}
	r->col_y[r->col] = e->bottom;
	r->col_from[r->col] = e->to;
}

void ts_rec_extend(ts *t, double bottom)
{
	trecorder *r = t->rec;
	trec *e = r->last[r->col] >= 0 ? &r->v[r->last[r->col]] : rec_new(r);
	e->to = r->u->ops.n;
	if (bottom > e->bottom)
		e->bottom = bottom;
	r->col_y[r->col] = e->bottom;
	r->col_from[r->col] = e->to;
}

void ts_rec_glue(ts *t)
{
	trecorder *r = t->rec;
	if (r->last[r->col] >= 0)
		r->v[r->last[r->col]].glue = 1;
}

/* Moves the footnote lines a record references to unit u. */
static void rec_notes_to(trec *e, bc_unit *u)
{
	if (!e->notes)
		return;
	for (size_t i = 0; i < e->notes->nnotes; i++)
		bc_unit_add_note(u, e->notes->notes[i]);
	e->notes->nnotes = 0;
	bc_unit_free(e->notes);
	e->notes = NULL;
}

/* Copies a record's ops into u, moved up by dy. */
static void rec_copy(const bc_unit *src, const trec *e, double dy, bc_unit *u)
{
	for (size_t i = e->from; i < e->to; i++) {
		bc_op o = src->ops.v[i];
		o.y -= (float)dy;
		if (o.kind == BC_OP_RULE)
			o.y2 -= (float)dy;
		bc_oplist_add(&u->ops, &o);
	}
}

/* The first of u's marks goes to the first unit cut from it. */
static void take_marks(bc_unit *from, bc_unit *to)
{
	to->gap = from->gap;
	to->outline = from->outline;
	to->outline_level = from->outline_level;
	from->outline = NULL;
}

void ts_rec_push(ts *t, int chain)
{
	trecorder *r = t->rec;
	bc_unit *u = r->u;
	t->rec = NULL;
	const bc_pager_geometry *geo = t->landscape ? &t->pager.landscape : &t->pager.portrait;
	double room = geo->height - geo->top - geo->bottom;
	if (u->h <= room + 0.01 || r->n == 0) {
		for (size_t i = 0; i < r->n; i++)
			rec_notes_to(&r->v[i], u);
		ts_push(t, u);
		free(r->v);
		return;
	}
	if (chain) {
		/* a unit per record, kept together: the pager breaks the chain where
		 * it overflows a page, as it breaks a long paragraph */
		for (size_t i = 0; i < r->n; i++) {
			trec *e = &r->v[i];
			double bottom = i + 1 == r->n && u->h > e->bottom ? u->h : e->bottom;
			bc_unit *p = bc_unit_new(bottom - e->top);
			if (i == 0)
				take_marks(u, p);
			rec_copy(u, e, e->top, p);
			rec_notes_to(e, p);
			p->keep_next = i + 1 < r->n ? 1 : u->keep_next;
			ts_push(t, p);
		}
	} else {
		/* pieces a page tall, each column going on from where it stopped */
		size_t *idx[2], cnt[2] = { 0, 0 }, next[2] = { 0, 0 };
		for (int c = 0; c < 2; c++)
			idx[c] = bc_xmalloc(r->n * sizeof *idx[c]);
		for (size_t i = 0; i < r->n; i++)
			idx[r->v[i].col & 1][cnt[r->v[i].col & 1]++] = i;
		for (int first = 1;; first = 0) {
			bc_unit *p = bc_unit_new(0);
			int any = 0;
			for (int c = 0; c < 2; c++) {
				if (next[c] >= cnt[c])
					continue;
				double off = r->v[idx[c][next[c]]].top;
				size_t k = next[c];
				int took = 0;
				while (k < cnt[c]) {
					size_t end = k;   /* a run of glued records goes whole */
					while (end + 1 < cnt[c] && r->v[idx[c][end]].glue)
						end++;
					if (took && r->v[idx[c][end]].bottom - off > room + 0.01)
						break;
					for (size_t m = k; m <= end; m++) {
						trec *e = &r->v[idx[c][m]];
						rec_copy(u, e, off, p);
						rec_notes_to(e, p);
						if (e->bottom - off > p->h)
							p->h = e->bottom - off;
					}
					took = 1;
					k = end + 1;
				}
				next[c] = k;
				any |= took;
			}
			if (!any) {
				bc_unit_free(p);
				break;
			}
			if (first)
				take_marks(u, p);
			ts_push(t, p);
		}
		free(idx[0]);
		free(idx[1]);
	}
	free(r->v);
	bc_unit_free(u);
}

/* Sets items into a column: lines appended to ops from *y downwards; returns the widest line. */
double ts_set_column(ts *t, bc_items *it, double x, double w, double *y, bc_just just, double lh, double size,
                         bc_oplist *ops)
{
	if (it->n == 0)
		return 0;
	bc_items_finish(it);
	lines L = ts_break_items(t, it, w, just);
	double widest = 0;
	size_t from = 0;
	for (size_t i = 0; i < L.n; i++) {
		bc_line_set ls = bc_set_line(it, from, L.breaks[i], x, w, *y + ts_baseline_in(t, lh, size), just,
		                             i + 1 == L.n, ops);
		if (ls.natural > widest)
			widest = ls.natural;
		*y += lh;
		if (t->rec && ops == &t->rec->u->ops)
			rec_line(t, it, from, L.breaks[i] + 1, *y);
		else if (t->note_to)
			ts_notes_for(t, it, from, L.breaks[i] + 1, t->note_to);
		from = L.breaks[i] + 1;
	}
	free(L.breaks);
	return widest;
}

void ts_add_rule(bc_oplist *ops, double x1, double x2, double y, double lw)
{
	bc_op r = { .kind = BC_OP_RULE, .size = (float)lw, .x = (float)x1, .y = (float)y, .x2 = (float)x2, .y2 = (float)y };
	bc_oplist_add(ops, &r);
}

/* Hands a unit to the pager, carrying a pending page start. */
void ts_push(ts *t, bc_unit *u)
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

/* One line node (or fallback text) centred in a column. */
double ts_column_line(ts *t, const bc_node *n, const char *fallback, double x, double w, double *y, bc_face face,
                          double size, int upper, bc_oplist *ops)
{
	bc_items it = { 0 };
	istyle st = { face, size, 0, 0, upper };
	if (n)
		ts_add_inlines(t, &it, n, st);
	else if (fallback)
		ts_add_text(t, &it, fallback, strlen(fallback), &st);
	double widest = ts_set_column(t, &it, x, w, y, BC_JUST_CENTER, ts_line_height(t, size, 1.0), size, ops);
	bc_items_free(&it);
	return widest;
}

/* ---- footnotes ------------------------------------------------------------- */

/* A set of pointers by open addressing: every note of the document is asked
 * about at least once (the unreferenced ones after the text), which a list
 * searched would make quadratic in the notes.  Gives 1 when p was in the
 * set; with `add`, p is in it afterwards. */
static int pset_find(pset *ps, const void *p, int add)
{
	if (add && 2 * (ps->n + 1) > ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 64;
		const void **v = bc_xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < ps->cap; i++)
			if (ps->v[i]) {
				size_t h = ((uintptr_t)ps->v[i] >> 4) * 2654435761u & (cap - 1);
				while (v[h])
					h = (h + 1) & (cap - 1);
				v[h] = ps->v[i];
			}
		free(ps->v);
		ps->v = v;
		ps->cap = cap;
	}
	if (!ps->cap)
		return 0;
	size_t h = ((uintptr_t)p >> 4) * 2654435761u & (ps->cap - 1);
	for (; ps->v[h]; h = (h + 1) & (ps->cap - 1))
		if (ps->v[h] == p)
			return 1;
	if (add) {
		ps->v[h] = p;
		ps->n++;
	}
	return 0;
}

/* Whether a note is set already; marks it set. */
static int note_placed(ts *t, const bc_node *note) { return pset_find(&t->placed, note, 1); }

/* The blocks of a note: each paragraph or item on a new line, items with their bullet. */
static void note_blocks(ts *t, bc_items *it, const bc_node *n, const istyle *st, int *first)
{
	if (n->first && bc_node_is_inline(n->first)) {
		if (!*first)
			bc_items_break(it);
		*first = 0;
		if (n->type == BC_NODE_ITEM && n->as.item.bullet) {
			char tmp[3] = { n->as.item.bullet, ' ', 0 };
			ts_add_text(t, it, ts_strdup(t, tmp, 2), 2, st);
		}
		ts_add_inlines(t, it, n, *st);
		return;
	}
	for (const bc_node *c = n->first; c; c = c->next)
		if (!bc_node_is_inline(c))
			note_blocks(t, it, c, st, first);
}

/* The lines of one footnote, in the note size, its mark raised before the
 * text; then those of the notes it references that are not set yet, and of
 * the notes these reference, with the same owner: at the foot of the page
 * of the reference that led to them.  A worklist, not recursion: a chain of
 * notes may be as long as the document. */
static void note_lines(ts *t, const bc_node *note, bc_unit *owner, void (*sink)(ts *, bc_unit *, bc_unit *))
{
	const bc_node **work = bc_xmalloc(16 * sizeof *work);
	size_t nwork = 0, capwork = 16;
	work[nwork++] = note;
	for (size_t w = 0; w < nwork; w++) {
		note = work[w];
		double size = t->tpl->note_size;
		double lh = ts_line_height(t, size, 1.0);
		bc_items it = { 0 };
		bc_item ind = { .type = BC_ITEM_BOX, .width = t->tpl->indent_cm * 10 * BC_MM, .size = (float)size };
		bc_items_add(&it, &ind);
		char mark[24];
		snprintf(mark, sizeof mark, "%d", note->as.note.id);
		const char *ms = ts_strdup(t, mark, strlen(mark));
		bc_items_text(&it, t->m, ms, strlen(ms), BC_FACE_REGULAR, size * 0.65, size * 0.35, 0);
		istyle st = { BC_FACE_REGULAR, size, 0, 0, 0 };
		ts_add_text(t, &it, " ", 1, &st);
		t->in_note++;
		int first = 1, io = t->inline_only;
		t->inline_only = 0;   /* a note is set whole, whatever references it */
		note_blocks(t, &it, note, &st, &first);
		t->inline_only = io;
		t->in_note--;
		bc_items_finish(&it);
		lines L = ts_break_items(t, &it, t->width, BC_JUST_FULL);
		size_t from = 0;
		for (size_t i = 0; i < L.n; i++) {
			bc_unit *u = bc_unit_new(lh);
			bc_set_line(&it, from, L.breaks[i], t->x0, t->width, ts_baseline_in(t, lh, size), BC_JUST_FULL,
			            i + 1 == L.n, &u->ops);
			u->note_first = i == 0;
			sink(t, owner, u);
			from = L.breaks[i] + 1;
		}
		free(L.breaks);
		for (size_t i = 0; i < it.n; i++)
			if (it.v[i].ref && !note_placed(t, it.v[i].ref)) {
				if (nwork == capwork) {
					capwork *= 2;
					work = bc_xrealloc(work, capwork * sizeof *work);
				}
				work[nwork++] = it.v[i].ref;
			}
		bc_items_free(&it);
	}
	free(work);
}

static void attach_note(ts *t, bc_unit *owner, bc_unit *line) { (void)t; bc_unit_add_note(owner, line); }

/* Footnotes referenced by items[from..to) go with unit u. */
void ts_notes_for(ts *t, const bc_items *it, size_t from, size_t to, bc_unit *u)
{
	if (t->in_note)
		return;
	for (size_t i = from; i < to && i < it->n; i++) {
		const bc_node *note = it->v[i].ref;
		if (note && !note_placed(t, note))
			note_lines(t, note, u, attach_note);
	}
}

static void push_note(ts *t, bc_unit *owner, bc_unit *line)
{
	(void)owner;
	line->gap = 0;
	ts_push(t, line);
}

/* ---- the document ----------------------------------------------------------------- */

typedef struct notelist {
	const bc_node **v;
	size_t n, cap;
} notelist;

/* The notes referenced under root (outside: not from inside its notes),
 * each added to `reached` and, when new there, to `work`. */
static void refs_from(const bc_node *root, int outside, pset *reached, notelist *work)
{
	bc_iter iter;
	bc_event ev;
	int in_note = 0;
	bc_iter_init(&iter, (bc_node *)root);
	while ((ev = bc_iter_next(&iter)) != BC_EV_DONE) {
		const bc_node *n = iter.cur;
		if (outside && n->type == BC_NODE_NOTE)
			in_note += ev == BC_EV_ENTER ? 1 : -1;
		if (ev != BC_EV_ENTER || in_note || n->type != BC_NODE_NOTEREF || !n->as.noteref.note ||
		    pset_find(reached, n->as.noteref.note, 1))
			continue;
		if (work->n == work->cap) {
			work->cap = work->cap ? work->cap * 2 : 64;
			work->v = bc_xrealloc(work->v, work->cap * sizeof *work->v);
		}
		work->v[work->n++] = n->as.noteref.note;
	}
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
			if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_DRAFT)
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

	/* an appendix sent as a file of its own is its appendix's pages alone:
	 * no header or closing of a document of its own, made up as blanks */
	int alone = bc_kind_of(bc_document_type(doc))->flags & BC_KIND_APPENDIX;
	if (!alone)
		ts_set_header(&t);
	if (doc->body)
		ts_set_blocks(&t, doc->body);
	/* footnotes nothing outside the notes leads to are not lost: they follow
	 * the text.  A note goes with the reference that leads to it, directly or
	 * through the notes between (note_lines); one that only notes refer to,
	 * none of them reached from outside the notes (its own text, a cycle),
	 * has no such reference. */
	pset reached = { 0 };
	notelist work = { 0 };
	refs_from(doc->root, 1, &reached, &work);
	for (size_t w = 0; w < work.n; w++)
		refs_from(work.v[w], 0, &reached, &work);
	free(work.v);
	bc_iter iter;
	bc_event ev;
	bc_iter_init(&iter, doc->root);
	while ((ev = bc_iter_next(&iter)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && iter.cur->type == BC_NODE_NOTE && !pset_find(&reached, iter.cur, 0) &&
		    !note_placed(&t, iter.cur))
			note_lines(&t, iter.cur, NULL, push_note);
	free(reached.v);
	if (!alone)
		ts_set_closing(&t);
	for (const bc_node *n = doc->root ? doc->root->first : NULL; n; n = n->next)
		if (n->type == BC_NODE_APPENDIX)
			ts_set_appendix(&t, n);
	/* and a note whose every reference stands where the page prints none
	 * (a header part the source repeats, set once): last, rather than lost */
	bc_iter_init(&iter, doc->root);
	while ((ev = bc_iter_next(&iter)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && iter.cur->type == BC_NODE_NOTE && !note_placed(&t, iter.cur))
			note_lines(&t, iter.cur, NULL, push_note);
	int pages = bc_pager_finish(&t.pager);
	stats->pages = pages;
	bc_pager_free(&t.pager);
	bc_arena_free(&t.strings);
	free(t.placed.v);
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
	/* the Party's draft mark is a line of the header, under the number (typeset_header.c) */
	if (draft && tpl->family != BC_FAMILY_PARTY) {
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
