/* pager.c — page breaking: units fill a page, kept chains move together, table headers repeat. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

bc_unit *bc_unit_new(double h)
{
	bc_unit *u = bc_xcalloc(1, sizeof *u);
	u->h = h;
	return u;
}

#define NOTE_SEP 10.0   /* the short rule above the footnotes and its space */

void bc_unit_add_note(bc_unit *u, bc_unit *note_line)
{
	if ((u->nnotes & (u->nnotes - 1)) == 0)   /* grows at powers of two */
		u->notes = bc_xrealloc(u->notes, (u->nnotes ? u->nnotes * 2 : 1) * sizeof *u->notes);
	u->notes[u->nnotes++] = note_line;
}

void bc_unit_free(bc_unit *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->nnotes; i++)
		bc_unit_free(u->notes[i]);
	free(u->notes);
	bc_oplist_free(&u->ops);
	free(u->outline);
	free(u);
}

static bc_unit *unit_copy(const bc_unit *u)
{
	bc_unit *c = bc_unit_new(u->h);
	*c = *u;
	c->outline = NULL;
	c->outline_level = 0;
	c->new_page = 0;
	c->ops.v = NULL;
	c->ops.n = c->ops.cap = 0;
	c->notes = NULL;
	c->nnotes = 0;
	for (size_t i = 0; i < u->ops.n; i++)
		bc_oplist_add(&c->ops, &u->ops.v[i]);
	return c;
}

void bc_pager_init(bc_pager *p, const bc_pager_geometry *portrait, bc_page_fn emit, void *ctx)
{
	memset(p, 0, sizeof *p);
	p->portrait = *portrait;
	p->landscape.width = portrait->height;
	p->landscape.height = portrait->width;
	p->landscape.top = portrait->top;
	p->landscape.bottom = portrait->bottom;
	p->emit = emit;
	p->ctx = ctx;
}

static const bc_pager_geometry *geom(const bc_pager *p)
{
	return p->in_landscape ? &p->landscape : &p->portrait;
}

static double avail(const bc_pager *p)
{
	const bc_pager_geometry *g = geom(p);
	return g->height - g->top - g->bottom;
}

static void q_insert(bc_pager *p, size_t at, bc_unit *u)
{
	if (p->qn == p->qcap) {
		p->qcap = p->qcap ? p->qcap * 2 : 64;
		p->q = bc_xrealloc(p->q, p->qcap * sizeof *p->q);
	}
	memmove(p->q + at + 1, p->q + at, (p->qn - at) * sizeof *p->q);
	p->q[at] = u;
	p->qn++;
}

static void carry_add(bc_pager *p, bc_unit *u)
{
	if (p->carryn == p->carrycap) {
		p->carrycap = p->carrycap ? p->carrycap * 2 : 16;
		p->carry = bc_xrealloc(p->carry, p->carrycap * sizeof *p->carry);
	}
	p->carry[p->carryn++] = u;
}

static double carry_height(const bc_pager *p)
{
	double h = 0;
	for (size_t i = 0; i < p->carryn; i++)
		h += p->carry[i]->h;
	return h;
}

/* Emits q[0..k) as one page, with the footnotes they reference (and those
 * carried over) at the bottom, and drops those units.  k may be 0 only to
 * set carried footnotes alone. */
static void emit_page(bc_pager *p, size_t k)
{
	if (k == 0 && p->carryn == 0)
		return;
	if (k > 0 && p->q[0]->new_page) {
		p->in_landscape = p->q[0]->landscape;
		if (p->q[0]->restart) {
			p->number = 0;
			p->appendix = p->q[0]->appendix;
		}
	}
	const bc_pager_geometry *g = geom(p);
	p->number++;
	/* the footnote lines in order: carried first, then this page's */
	size_t nl = p->carryn;
	for (size_t i = 0; i < k; i++)
		nl += p->q[i]->nnotes;
	bc_unit **lines = bc_xmalloc((nl ? nl : 1) * sizeof *lines);
	size_t li = 0;
	for (size_t i = 0; i < p->carryn; i++)
		lines[li++] = p->carry[i];
	p->carryn = 0;
	for (size_t i = 0; i < k; i++) {
		for (size_t j = 0; j < p->q[i]->nnotes; j++)
			lines[li++] = p->q[i]->notes[j];
		p->q[i]->nnotes = 0;
	}
	bc_unit **units = bc_xmalloc((k + nl + 1) * sizeof *units);
	double *ys = bc_xmalloc((k + nl + 1) * sizeof *ys);
	double y = g->top;
	for (size_t i = 0; i < k; i++) {
		if (i > 0)
			y += p->q[i]->gap;
		units[i] = p->q[i];
		ys[i] = y;
		y += p->q[i]->h;
	}
	double bottom = g->height - g->bottom;
	double room = bottom - y - NOTE_SEP;
	size_t placed = 0;
	double nh = 0;
	while (placed < nl && (nh + lines[placed]->h <= room + 0.01 || (k == 0 && placed == 0))) {
		nh += lines[placed]->h;
		placed++;
	}
	for (size_t i = placed; i < nl; i++)
		carry_add(p, lines[i]);
	bc_page page = { g->width, g->height, p->in_landscape, p->number, p->pages, p->appendix, units, ys, k + placed, 0 };
	if (placed > 0) {
		double ny = bottom - nh;
		page.notes_top = ny - NOTE_SEP / 2;
		for (size_t i = 0; i < placed; i++) {
			units[k + i] = lines[i];
			ys[k + i] = ny;
			ny += lines[i]->h;
		}
	}
	if (!p->failed && p->emit(p->ctx, &page) != 0)
		p->failed = 1;
	p->pages++;
	free(ys);
	int last_table = k > 0 ? p->q[k - 1]->table : 0;
	for (size_t i = 0; i < k + placed; i++)
		bc_unit_free(units[i]);
	free(units);
	free(lines);
	memmove(p->q, p->q + k, (p->qn - k) * sizeof *p->q);
	p->qn -= k;
	/* a table going on: its header rows first — unless the page opens with
	 * the whole header reprinted in other words by the source, which then
	 * stands in for it instead of a second header (a partial reprint does not:
	 * the header's cells spanning its rows would be cut) */
	if (p->qn > 0 && last_table > 0 && p->q[0]->table == last_table && !p->q[0]->table_head &&
	    p->head_table == last_table && !p->q[0]->new_page) {
		size_t reprints = 0;
		while (reprints < p->qn && reprints < p->headn && p->q[reprints]->table == last_table &&
		       p->q[reprints]->table_reprint)
			reprints++;
		for (size_t i = 0; reprints < p->headn && i < p->headn; i++)
			q_insert(p, i, unit_copy(p->head[i]));
	}
}

/* Whether the chain of kept units from q[j] is taller than a page, when
 * moving it to the next page would not keep it whole: 1 taller, 0 not,
 * -1 not known yet (the chain goes on past the units queued). */
static int chain_over_page(const bc_pager *p, size_t j)
{
	double h = 0, room = avail(p);
	for (size_t i = j; i < p->qn; i++) {
		h += (i > j ? p->q[i]->gap : 0) + p->q[i]->h;
		if (h > room + 0.01)
			return 1;
		if (!p->q[i]->keep_next)
			return 0;
	}
	return -1;
}

#define BREAK_WAIT ((size_t)-1)

/* Where to end the page when q[k] does not fit: after the last unit before k
 * that allows a break, but never a page of repeated table headers alone.
 * A kept chain taller than a page (a title of 3 000 words) is broken where
 * it overflows, after filling this page; BREAK_WAIT when that is not known
 * until more units come. */
static size_t choose_break(const bc_pager *p, size_t k, int final)
{
	size_t heads = 0;
	while (heads < p->qn && p->q[heads]->table_head)
		heads++;
	size_t min_k = heads + 1;
	for (size_t j = k; j >= min_k && j > 0; j--) {
		const bc_unit *before = p->q[j - 1];
		if (!before->keep_next && !(p->q[j]->table_head && before->table_head)) {
			if (j == k)
				return j;
			int over = chain_over_page(p, j);
			if (over < 0 && !final)
				return BREAK_WAIT;
			return over > 0 ? k : j;
		}
	}
	size_t r = k > min_k ? k : min_k;   /* a chain longer than a page: break where it overflows */
	return r < p->qn ? r : p->qn;
}

/* Sets full pages from the queue while it holds more than a page. */
static void flush(bc_pager *p, int final)
{
	for (;;) {
		if (p->qn == 0) {
			while (final && p->carryn > 0)
				emit_page(p, 0);   /* footnotes longer than the text they follow */
			return;
		}
		/* a unit asking for a new page ends the page before it */
		size_t np = 0;
		for (size_t i = 1; i < p->qn; i++)
			if (p->q[i]->new_page) {
				np = i;
				break;
			}
		double room = avail(p);
		if (p->q[0]->new_page) {
			/* the geometry of the page to come */
			double h = p->q[0]->landscape ? p->landscape.height - p->landscape.top - p->landscape.bottom
			                               : p->portrait.height - p->portrait.top - p->portrait.bottom;
			room = h;
		}
		/* Footnotes are set in order, so a note can start on this page only
		 * if everything before it ends here: the carried lines and every
		 * earlier note in full.  Only the last note may run on to the next
		 * page.  Without new notes, carried lines take up to half the page. */
		double ch = carry_height(p);
		double full = 0, open = 0, open_first = 0;
		int fresh = 0;
		double y = 0;
		size_t over = p->qn;
		size_t lim = np ? np : p->qn;
		for (size_t i = 0; i < lim; i++) {
			y += (i > 0 ? p->q[i]->gap : 0) + p->q[i]->h;
			for (size_t j = 0; j < p->q[i]->nnotes; j++) {
				const bc_unit *nl = p->q[i]->notes[j];
				if (nl->note_first) {
					full += open;
					open = 0;
					open_first = nl->h;
					fresh = 1;
				}
				open += nl->h;
			}
			double notes = fresh ? NOTE_SEP + ch + full + open_first
			                     : ch > 0 ? NOTE_SEP + (ch < room / 2 ? ch : room / 2) : 0;
			if (y + notes > room + 0.01) {
				over = i;
				break;
			}
		}
		if (over < lim) {
			size_t k = choose_break(p, over, final);
			if (k == BREAK_WAIT)
				return;   /* called again with the next unit */
			emit_page(p, k);
			continue;
		}
		if (np) {
			emit_page(p, np);
			continue;
		}
		if (final) {
			emit_page(p, p->qn);
			while (p->carryn > 0)
				emit_page(p, 0);   /* footnotes longer than the text they follow */
		}
		return;
	}
}

void bc_pager_add(bc_pager *p, bc_unit *u)
{
	if (u->table_head) {
		if (p->head_table != u->table) {
			for (size_t i = 0; i < p->headn; i++)
				bc_unit_free(p->head[i]);
			p->headn = 0;
			p->head_table = u->table;
		}
		if (p->headn == p->headcap) {
			p->headcap = p->headcap ? p->headcap * 2 : 4;
			p->head = bc_xrealloc(p->head, p->headcap * sizeof *p->head);
		}
		p->head[p->headn++] = unit_copy(u);
	}
	q_insert(p, p->qn, u);
	flush(p, 0);
}

int bc_pager_finish(bc_pager *p)
{
	flush(p, 1);
	return p->failed ? -1 : p->pages;
}

void bc_pager_free(bc_pager *p)
{
	for (size_t i = 0; i < p->qn; i++)
		bc_unit_free(p->q[i]);
	free(p->q);
	for (size_t i = 0; i < p->headn; i++)
		bc_unit_free(p->head[i]);
	free(p->head);
	for (size_t i = 0; i < p->carryn; i++)
		bc_unit_free(p->carry[i]);
	free(p->carry);
	memset(p, 0, sizeof *p);
}
