/* linebreak.c — inline items, total-fit (Knuth–Plass) line breaking and setting lines word by word. */
#include "layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

#define FILL_STRETCH 1e6

void bc_oplist_add(bc_oplist *l, const bc_op *op)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = bc_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *op;
}

void bc_oplist_free(bc_oplist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void bc_items_add(bc_items *l, const bc_item *it)
{
	if (l->n == l->cap) {
		/* small first: every table cell has its own list, and 64 items (5 KB) for a one-word
		 * cell made a 100 000-row table take 1.5 GB */
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = bc_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *it;
}

void bc_items_free(bc_items *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Spaces that separate words; the no-break space stays inside a word. */
static int is_break_space(uint32_t cp)
{
	return cp != 0xA0 && (bc_cp_is_space(cp) || cp == 0x2002 || cp == 0x2003 || cp == 0x2009);
}

void bc_items_text(bc_items *l, const bc_metrics *m, const char *s, size_t len, bc_face face, double size, double rise,
                   int underline)
{
	double sw = m->measure(m->ctx, face, size, " ", 1);
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		int k = bc_utf8_decode(s + i, len - i, &cp);
		if (is_break_space(cp) || cp < 0x20) {
			size_t j = i + (size_t)k;
			while (j < len) {
				int k2 = bc_utf8_decode(s + j, len - j, &cp);
				if (!(is_break_space(cp) || cp < 0x20))
					break;
				j += (size_t)k2;
			}
			/* one glue for a run of spaces, none at the start of a paragraph */
			if (l->n > 0 && l->v[l->n - 1].type != BC_ITEM_GLUE) {
				bc_item g = { .type = BC_ITEM_GLUE, .face = (uint8_t)face, .size = (float)size,
				              .width = sw, .stretch = sw * 0.5, .shrink = sw / 3.0, .s = " ", .len = 1 };
				bc_items_add(l, &g);
			}
			i = j;
			continue;
		}
		size_t j = i + (size_t)k;
		double units = m->advance ? m->advance(m->ctx, face, cp) : 0;
		while (j < len) {
			int k2 = 1;
			cp = (unsigned char)s[j];
			if (cp >= 0x80)
				k2 = bc_utf8_decode(s + j, len - j, &cp);
			/* below U+0080 the breaking spaces and the controls are exactly the codes up to ' ' */
			if (cp < 0x80 ? cp <= 0x20 : is_break_space(cp))
				break;
			if (m->advance)
				units += m->advance(m->ctx, face, cp);
			j += (size_t)k2;
		}
		bc_item b = { .type = BC_ITEM_BOX, .face = (uint8_t)face, .size = (float)size, .rise = (float)rise,
		              .underline = (uint8_t)(underline != 0), .s = s + i, .len = j - i };
		b.width = m->advance ? units * size / 1000.0 : m->measure(m->ctx, face, size, b.s, b.len);
		bc_items_add(l, &b);
		i = j;
	}
}

static void drop_trailing_glue(bc_items *l)
{
	while (l->n > 0 && l->v[l->n - 1].type == BC_ITEM_GLUE)
		l->n--;
}

void bc_items_break(bc_items *l)
{
	drop_trailing_glue(l);
	bc_item g = { .type = BC_ITEM_GLUE, .stretch = FILL_STRETCH };
	bc_item p = { .type = BC_ITEM_PENALTY, .penalty = BC_PENALTY_FORCE };
	bc_items_add(l, &g);
	bc_items_add(l, &p);
}

void bc_items_finish(bc_items *l)
{
	if (l->n > 0 && l->v[l->n - 1].type == BC_ITEM_PENALTY && l->v[l->n - 1].penalty <= BC_PENALTY_FORCE)
		return;
	bc_items_break(l);
}

/* Cuts one box into pieces no wider than `width`, at code point boundaries. */
static void split_box(bc_items *out, const bc_item *b, const bc_metrics *m, double width)
{
	size_t start = 0, i = 0;
	double w = 0;
	while (i < b->len) {
		uint32_t cp;
		int k = bc_utf8_decode(b->s + i, b->len - i, &cp);
		double cw = m->measure(m->ctx, b->face, b->size, b->s + i, (size_t)k);
		if (w + cw > width && i > start) {
			bc_item piece = *b;
			piece.s = b->s + start;
			piece.len = i - start;
			piece.width = w;
			bc_items_add(out, &piece);
			bc_item p = { .type = BC_ITEM_PENALTY, .penalty = 50 };
			bc_items_add(out, &p);
			start = i;
			w = 0;
		}
		w += cw;
		i += (size_t)k;
	}
	bc_item piece = *b;
	piece.s = b->s + start;
	piece.len = b->len - start;
	piece.width = w;
	bc_items_add(out, &piece);
}

void bc_items_fit_words(bc_items *l, const bc_metrics *m, double width)
{
	if (width <= 1)
		return;
	int need = 0;
	for (size_t i = 0; i < l->n && !need;) {
		double w = 0;
		size_t j = i;
		while (j < l->n && l->v[j].type == BC_ITEM_BOX)
			w += l->v[j++].width;
		if (w > width)
			need = 1;
		i = j > i ? j : i + 1;
	}
	if (!need)
		return;
	bc_items out = { 0 };
	for (size_t i = 0; i < l->n;) {
		if (l->v[i].type != BC_ITEM_BOX) {
			bc_items_add(&out, &l->v[i++]);
			continue;
		}
		size_t j = i;
		double w = 0;
		while (j < l->n && l->v[j].type == BC_ITEM_BOX)
			w += l->v[j++].width;
		for (size_t k = i; k < j; k++) {
			if (w > width && k > i) {
				bc_item p = { .type = BC_ITEM_PENALTY, .penalty = 50 };
				bc_items_add(&out, &p);
			}
			if (l->v[k].width > width * 0.98 && l->v[k].len > 0)
				split_box(&out, &l->v[k], m, width * 0.98);
			else
				bc_items_add(&out, &l->v[k]);
		}
		i = j;
	}
	bc_items_free(l);
	*l = out;
}

/* ---- total fit ---------------------------------------------------------- */

typedef struct lb_node {
	size_t pos;        /* the break item; SIZE_MAX for the paragraph's start */
	size_t start;      /* first item of the line after this break */
	double total;      /* demerits so far */
	long prev;         /* previous node, -1 at the start */
	int fit;           /* fitness class of the line ending here */
} lb_node;

static int is_forced(const bc_item *it) { return it->type == BC_ITEM_PENALTY && it->penalty <= BC_PENALTY_FORCE; }

static size_t line_start(const bc_items *l, size_t after)
{
	size_t i = after;
	while (i < l->n && l->v[i].type != BC_ITEM_BOX && !is_forced(&l->v[i]))
		i++;
	return i;
}

/* Item i is a box of a dash alone ("-", "–"), between glue and a word on
 * each side: the spaced hyphen of a pair, "kinh tế - xã hội". */
static int is_joining_dash(const bc_items *l, size_t i)
{
	if (i < 2 || i + 2 >= l->n)
		return 0;
	const bc_item *d = &l->v[i];
	if (d->type != BC_ITEM_BOX || !d->s || !((d->len == 1 && d->s[0] == '-') || (d->len == 3 && memcmp(d->s, "\xE2\x80\x93", 3) == 0)))
		return 0;
	return l->v[i - 1].type == BC_ITEM_GLUE && l->v[i - 2].type == BC_ITEM_BOX && l->v[i + 1].type == BC_ITEM_GLUE &&
	       l->v[i + 2].type == BC_ITEM_BOX;
}

/* A legal breakpoint: glue after a box, or a penalty that is not forbidding.
 * With `pairs`, not the space before or after a pair's spaced hyphen: a line
 * never ends with "kinh tế -" nor begins with "- xã hội" (one notion). */
static int is_breakpoint(const bc_items *l, size_t i, int pairs)
{
	const bc_item *it = &l->v[i];
	if (it->type == BC_ITEM_GLUE)
		return i > 0 && l->v[i - 1].type == BC_ITEM_BOX &&
		       !(pairs && (is_joining_dash(l, i - 1) || is_joining_dash(l, i + 1)));
	return it->type == BC_ITEM_PENALTY && it->penalty < BC_PENALTY_NEVER;
}

static double badness_of(double r)
{
	if (r < -1)
		return INFINITY;
	double a = fabs(r);
	if (a <= 4.64)
		return 100.0 * a * a * a;
	return 10000.0 + (a - 4.64) * 1000.0;   /* beyond TeX's cap, still worse the looser */
}

static int fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1.0)
		return 2;
	return 3;
}

/* One pass; returns the best final node or -1 if no path within tolerance. */
static long lb_pass(const bc_items *l, double width, bc_just just, double tolerance, int pairs,
                    const double *sw, const double *sy, const double *sz, lb_node **nodes_out, size_t *nn_out)
{
	size_t ncap = 64, nn = 0;
	lb_node *nodes = bc_xmalloc(ncap * sizeof *nodes);
	size_t acap = 16, an = 0;
	long *active = bc_xmalloc(acap * sizeof *active);
	nodes[nn++] = (lb_node){ SIZE_MAX, line_start(l, 0), 0, -1, 1 };
	active[an++] = 0;
	long final = -1;
	double slack_scale = width * 0.35;

	for (size_t b = 0; b < l->n && an > 0; b++) {
		if (!is_breakpoint(l, b, pairs))
			continue;
		const bc_item *it = &l->v[b];
		int forced = is_forced(it);
		double best[4] = { INFINITY, INFINITY, INFINITY, INFINITY };
		long bestprev[4] = { -1, -1, -1, -1 };
		long rescue = -1;
		size_t keep = 0;
		for (size_t ai = 0; ai < an; ai++) {
			lb_node *a = &nodes[active[ai]];
			size_t s = a->start;
			if (s > b) {   /* the line would be empty */
				active[keep++] = active[ai];
				continue;
			}
			double L = sw[b] - sw[s] + (it->type == BC_ITEM_PENALTY ? it->width : 0);
			double Y = sy[b] - sy[s], Z = sz[b] - sz[s];
			int fill = Y >= FILL_STRETCH * 0.5;
			double r;
			if (just == BC_JUST_FULL) {
				if (L < width)
					r = Y > 0 ? (width - L) / Y : (width - L > 0.5 ? 1e6 : 0);
				else if (L > width)
					r = Z > 0 ? (width - L) / Z : -1e6;
				else
					r = 0;
				if (fill && L <= width)
					r = 0;
			} else {
				if (L > width)
					r = Z > 0 && (L - width) <= Z ? (width - L) / Z : -1e6;
				else
					r = (fill && just != BC_JUST_CENTER) ? 0 : (width - L) / slack_scale;
			}
			int deactivate = r < -1 || forced;
			if (r < -1) {
				if (keep == 0 && ai + 1 == an && rescue < 0)
					rescue = active[ai];
			} else {
				double bad = badness_of(r);
				if (bad <= tolerance) {
					double d = 10 + bad;
					d = d * d;
					if (it->type == BC_ITEM_PENALTY) {
						if (it->penalty >= 0)
							d += it->penalty * it->penalty;
						else if (!forced)
							d -= it->penalty * it->penalty;
					}
					int c = fitness(r);
					if (abs(c - a->fit) > 1)
						d += 10000;
					double t = a->total + d;
					if (t < best[c]) {
						best[c] = t;
						bestprev[c] = active[ai];
					}
				}
			}
			if (!deactivate)
				active[keep++] = active[ai];
		}
		an = keep;
		int added = 0;
		for (int c = 0; c < 4; c++) {
			if (bestprev[c] < 0)
				continue;
			if (nn == ncap) {
				ncap *= 2;
				nodes = bc_xrealloc(nodes, ncap * sizeof *nodes);
			}
			nodes[nn] = (lb_node){ b, line_start(l, b + 1), best[c], bestprev[c], c };
			if (an == acap) {
				acap *= 2;
				active = bc_xrealloc(active, acap * sizeof *active);
			}
			active[an++] = (long)nn;
			nn++;
			added = 1;
		}
		/* nothing fits: an overfull line rather than no paragraph */
		if (!added && an == 0 && rescue >= 0 && tolerance == INFINITY) {
			if (nn == ncap) {
				ncap *= 2;
				nodes = bc_xrealloc(nodes, ncap * sizeof *nodes);
			}
			nodes[nn] = (lb_node){ b, line_start(l, b + 1), nodes[rescue].total + 1e8, rescue, 1 };
			active[an++] = (long)nn;
			nn++;
			added = 1;
		}
		if (forced) {
			/* every path goes through a forced break: only its nodes stay active */
			if (b + 1 >= l->n || line_start(l, b + 1) >= l->n) {
				double bt = INFINITY;
				for (size_t ai = 0; ai < an; ai++)
					if (nodes[active[ai]].pos == b && nodes[active[ai]].total < bt) {
						bt = nodes[active[ai]].total;
						final = active[ai];
					}
				break;
			}
		}
	}
	free(active);
	*nodes_out = nodes;
	*nn_out = nn;
	return final;
}

size_t bc_break_lines(const bc_items *l, double width, bc_just just, size_t **breaks)
{
	*breaks = NULL;
	if (l->n == 0)
		return 0;
	/* Everything on one line when it fits and the only penalty is the final forced
	 * break: every line of another choice costs at least what this one line costs
	 * (its demerits are (10 + 0)^2, a fill line's badness being 0, or, centred, the
	 * badness of the most slack, which a shorter line only increases), so the total
	 * fit would find this.  Most table cells and headings are such lines. */
	if (is_forced(&l->v[l->n - 1])) {
		size_t s = line_start(l, 0), last = l->n - 1;
		double tot = 0, at_s = 0;
		int one = 1;
		for (size_t i = 0; i < last && one; i++) {
			const bc_item *it = &l->v[i];
			if (i == s)
				at_s = tot;
			if (it->type == BC_ITEM_PENALTY)
				one = 0;
			else
				tot += it->width;   /* as the prefix sums below, in the same order */
		}
		if (one && s < last && tot - at_s <= width) {
			*breaks = bc_xmalloc(sizeof **breaks);
			(*breaks)[0] = last;
			return 1;
		}
	}
	double *sw = bc_xmalloc((l->n + 1) * sizeof *sw);
	double *sy = bc_xmalloc((l->n + 1) * sizeof *sy);
	double *sz = bc_xmalloc((l->n + 1) * sizeof *sz);
	sw[0] = sy[0] = sz[0] = 0;
	for (size_t i = 0; i < l->n; i++) {
		const bc_item *it = &l->v[i];
		int counts = it->type == BC_ITEM_BOX || it->type == BC_ITEM_GLUE;
		sw[i + 1] = sw[i] + (counts ? it->width : 0);
		sy[i + 1] = sy[i] + (it->type == BC_ITEM_GLUE ? it->stretch : 0);
		sz[i + 1] = sz[i] + (it->type == BC_ITEM_GLUE ? it->shrink : 0);
	}
	lb_node *nodes = NULL;
	size_t nn = 0;
	long final = lb_pass(l, width, just, 200, 1, sw, sy, sz, &nodes, &nn);
	if (final < 0) {
		free(nodes);
		final = lb_pass(l, width, just, INFINITY, 1, sw, sy, sz, &nodes, &nn);
	}
	/* a pair kept whole only where it fits: in a column narrower than
	 * "01/2026 - 12/2026" a line overfull (a rescued node's 1e8) is worse
	 * than the break at the hyphen */
	if (final >= 0 && nodes[final].total >= 1e8) {
		free(nodes);
		final = lb_pass(l, width, just, 200, 0, sw, sy, sz, &nodes, &nn);
		if (final < 0) {
			free(nodes);
			final = lb_pass(l, width, just, INFINITY, 0, sw, sy, sz, &nodes, &nn);
		}
	}
	size_t count = 0;
	if (final >= 0) {
		for (long k = final; k > 0; k = nodes[k].prev)
			count++;
		*breaks = bc_xmalloc((count ? count : 1) * sizeof **breaks);
		size_t i = count;
		for (long k = final; k > 0; k = nodes[k].prev)
			(*breaks)[--i] = nodes[k].pos;
	} else {
		/* cannot happen with a final forced break; one line as a last resort */
		*breaks = bc_xmalloc(sizeof **breaks);
		(*breaks)[0] = l->n;
		count = 1;
	}
	free(nodes);
	free(sw);
	free(sy);
	free(sz);
	return count;
}

/* ---- setting one line ---------------------------------------------------- */

static int same_style(const bc_item *a, const bc_item *b)
{
	return a->face == b->face && a->size == b->size && a->rise == b->rise && a->underline == b->underline;
}

static void emit_run(bc_oplist *out, const bc_item *first, const char *s, size_t len, double x, double y, double w)
{
	bc_op op = { .kind = BC_OP_TEXT, .face = first->face, .size = first->size, .x = (float)x,
	             .y = (float)(y - first->rise), .s = s, .len = len };
	bc_oplist_add(out, &op);
	if (first->underline) {
		double uy = y + first->size * 0.12;
		bc_op r = { .kind = BC_OP_RULE, .size = first->size * 0.05f, .x = (float)x, .y = (float)uy,
		            .x2 = (float)(x + w), .y2 = (float)uy };
		bc_oplist_add(out, &r);
	}
}

bc_line_set bc_set_line(const bc_items *l, size_t from, size_t to, double x0, double width, double y,
                        bc_just just, int last, bc_oplist *out)
{
	bc_line_set res = { 0, 0, 0 };
	/* a line ended by a forced break is set like a paragraph's last line, not stretched */
	if (to < l->n && l->v[to].type == BC_ITEM_PENALTY && l->v[to].penalty <= BC_PENALTY_FORCE)
		last = 1;
	if (to > l->n)
		to = l->n;
	while (from < to && l->v[from].type != BC_ITEM_BOX)
		from++;
	while (to > from && l->v[to - 1].type != BC_ITEM_BOX)
		to--;
	double L = 0, Y = 0, Z = 0;
	for (size_t i = from; i < to; i++) {
		const bc_item *it = &l->v[i];
		if (it->type == BC_ITEM_BOX) {
			L += it->width;
			if (it->size > res.max_size)
				res.max_size = it->size;
		} else if (it->type == BC_ITEM_GLUE && it->stretch < FILL_STRETCH * 0.5) {
			L += it->width;
			Y += it->stretch;
			Z += it->shrink;
		}
	}
	res.natural = L;
	double r = 0;
	if (just == BC_JUST_FULL && !last) {
		if (L < width && Y > 0)
			r = (width - L) / Y;
		else if (L > width && Z > 0)
			r = (width - L) / Z;
		if (r < -1)
			r = -1;
	}
	res.ratio = r;
	/* any line too long for its measure (centred, ragged, a last line) shrinks
	 * its spaces as the breaker allowed, rather than running past the margins */
	if (r == 0 && L > width && Z > 0)
		r = (width - L) / Z < -1 ? -1 : (width - L) / Z;
	double x = x0;
	double used = L + (r > 0 ? r * Y : r * Z);
	if (just == BC_JUST_CENTER)
		x = x0 + (width - used) / 2;
	else if (just == BC_JUST_RIGHT)
		x = x0 + width - used;

	/* runs: contiguous text in one style; across a plain space only when glue keeps its natural width */
	size_t i = from;
	while (i < to) {
		const bc_item *it = &l->v[i];
		if (it->type != BC_ITEM_BOX) {
			if (it->type == BC_ITEM_GLUE && it->stretch < FILL_STRETCH * 0.5)
				x += it->width + (r > 0 ? r * it->stretch : r * it->shrink);
			i++;
			continue;
		}
		const char *s = it->s;
		size_t len = it->len;
		double w = it->width;
		size_t j = i + 1;
		while (j < to) {
			const bc_item *nx = &l->v[j];
			if (nx->type == BC_ITEM_BOX && same_style(it, nx) && s && nx->s == s + len) {
				len += nx->len;
				w += nx->width;
				j++;
				continue;
			}
			if (r == 0 && s && nx->type == BC_ITEM_GLUE && j + 1 < to && nx->s && nx->len == 1 &&
			    l->v[j + 1].type == BC_ITEM_BOX && same_style(it, &l->v[j + 1]) &&
			    l->v[j + 1].s == s + len + 1 && s[len] == ' ' && nx->size == it->size && nx->face == it->face) {
				len += 1 + l->v[j + 1].len;
				w += nx->width + l->v[j + 1].width;
				j += 2;
				continue;
			}
			break;
		}
		if (len > 0 && s)
			emit_run(out, it, s, len, x, y, w);
		x += w;
		i = j;
	}
	return res;
}
