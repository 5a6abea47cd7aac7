/* diag.c — the table of diagnostic codes and the list the stages report into; the printers are in print.c. */
#include "../util/sort.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"

static const struct {
	const char *id;
	bc_level level;
	const char *text;   /* Vietnamese; the English column is the catalogue's (po/diag2po.c) */
} table[BC_DIAG_COUNT] = {
#define BC_DIAG(code, id, level, vi, en) [BC_##code] = { id, BC_LEVEL_##level, vi },
#include "diag_codes.def"
#undef BC_DIAG
};

void bc_diags_init(bc_diags *d) { memset(d, 0, sizeof *d); }

void bc_diags_free(bc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].arg);
	free(d->v);
	memset(d, 0, sizeof *d);
}

void bc_diag_vadd(bc_diags *d, bc_diag_code code, bc_pos pos, const char *argfmt, va_list ap)
{
	bc_level level = table[code].level;
	d->count[level]++;
	/* errors have their own share of the limit: ten thousand repeated notes (a justified PDF's
	 * double spaces) never crowd out the error that stops the run */
	int grave = level >= BC_LEVEL_ERROR;
	size_t limit = d->limit ? d->limit : 10000;
	if (d->stored[grave] >= limit) {
		if (grave)
			d->dropped_errors++;
		else
			d->dropped++;
		return;
	}
	d->stored[grave]++;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = bc_xrealloc(d->v, d->cap * sizeof *d->v);
	}
	bc_diag *g = &d->v[d->n];
	g->code = code;
	g->pos = pos;
	g->arg = NULL;
	g->seq = d->n;
	if (argfmt) {
		bc_buf b = BC_BUF_INIT;
		char tmp[512];
		vsnprintf(tmp, sizeof tmp, argfmt, ap);
		bc_buf_puts(&b, tmp);
		g->arg = b.s;
	}
	d->n++;
}

void bc_diag_add(bc_diags *d, bc_diag_code code, bc_pos pos, const char *argfmt, ...)
{
	va_list ap;
	va_start(ap, argfmt);
	bc_diag_vadd(d, code, pos, argfmt, ap);
	va_end(ap);
}

bc_level bc_diag_level(bc_diag_code code) { return table[code].level; }
const char *bc_diag_id(bc_diag_code code) { return table[code].id; }
/* in its code's context: two codes with one Vietnamese text may still differ in English */
const char *bc_diag_text(bc_diag_code code, bc_lang lang) { return bc_trc(lang, table[code].id, table[code].text); }

static int by_position(const void *a, const void *b)
{
	const bc_diag *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void bc_diags_sort(bc_diags *d)
{
	if (d->n > 1)
		bc_sort(d->v, d->n, sizeof *d->v, by_position);
}

int bc_diags_worst(const bc_diags *d)
{
	for (int l = BC_LEVEL_COUNT - 1; l >= 0; l--)
		if (d->count[l])
			return l;
	return -1;
}
