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

void bc_unit_free(bc_unit *u)
{
	if (!u)
		return;
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

/* Emits q[0..k) as one page and drops those units. */
static void emit_page(bc_pager *p, size_t k)
{
	if (k == 0)
		return;
	if (p->q[0]->new_page) {
		p->in_landscape = p->q[0]->landscape;
		if (p->q[0]->restart) {
			p->number = 0;
			p->appendix = p->q[0]->appendix;
		}
	}
	const bc_pager_geometry *g = geom(p);
	p->number++;
	bc_page page = { g->width, g->height, p->in_landscape, p->number, p->pages, p->appendix, p->q, NULL, k };
	page.y = bc_xmalloc(k * sizeof *page.y);
	double y = g->top;
	for (size_t i = 0; i < k; i++) {
		if (i > 0)
			y += p->q[i]->gap;
		page.y[i] = y;
		y += p->q[i]->h;
	}
	if (!p->failed && p->emit(p->ctx, &page) != 0)
		p->failed = 1;
	p->pages++;
	free(page.y);
	int last_table = p->q[k - 1]->table;
	for (size_t i = 0; i < k; i++)
		bc_unit_free(p->q[i]);
	memmove(p->q, p->q + k, (p->qn - k) * sizeof *p->q);
	p->qn -= k;
	/* a table going on: its header rows first */
	if (p->qn > 0 && last_table > 0 && p->q[0]->table == last_table && !p->q[0]->table_head &&
	    p->head_table == last_table && !p->q[0]->new_page) {
		for (size_t i = 0; i < p->headn; i++)
			q_insert(p, i, unit_copy(p->head[i]));
	}
}

/* Where to end the page when q[k] does not fit: after the last unit before k
 * that allows a break, but never a page of repeated table headers alone. */
static size_t choose_break(const bc_pager *p, size_t k)
{
	size_t heads = 0;
	while (heads < p->qn && p->q[heads]->table_head)
		heads++;
	size_t min_k = heads + 1;
	for (size_t j = k; j >= min_k && j > 0; j--) {
		const bc_unit *before = p->q[j - 1];
		if (!before->keep_next && !(p->q[j]->table_head && before->table_head))
			return j;
	}
	size_t r = k > min_k ? k : min_k;   /* a chain longer than a page: break where it overflows */
	return r < p->qn ? r : p->qn;
}

/* Sets full pages from the queue while it holds more than a page. */
static void flush(bc_pager *p, int final)
{
	for (;;) {
		if (p->qn == 0)
			return;
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
		double y = 0;
		size_t over = p->qn;
		size_t lim = np ? np : p->qn;
		for (size_t i = 0; i < lim; i++) {
			y += (i > 0 ? p->q[i]->gap : 0) + p->q[i]->h;
			if (y > room + 0.01) {
				over = i;
				break;
			}
		}
		if (over < lim) {
			emit_page(p, choose_break(p, over));
			continue;
		}
		if (np) {
			emit_page(p, np);
			continue;
		}
		if (final)
			emit_page(p, p->qn);
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
	memset(p, 0, sizeof *p);
}
