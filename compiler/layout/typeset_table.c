/* typeset_table.c — tables: cells on a grid, column widths from content, rows set as units, rows taller than a page in parts. */
#include "typeset_private.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

#define CELL_PAD_X 5.4   /* Word's default cell margin, 0.19 cm: extractors then part the cells of a row */
#define CELL_PAD_Y 2.0
#define KEEP_ITEMS_CELLS 4096  /* tables up to this many cells keep their items from grid_build to setting */

/* ---- tables ------------------------------------------------------------------ */

typedef struct tcell {
	const bc_cell *cell;   /* the model's cell, of row `in` */
	const bc_node *in;
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

/* The header row a reworded repeat prints again, as the parser found it (row.repeat_of). */
static const bc_node *repeated_head_row(const bc_node *table, const bc_node *r)
{
	const bc_node *thead = table->first && table->first->type == BC_NODE_THEAD ? table->first : NULL;
	const bc_node *h = thead ? thead->first : NULL;
	for (int k = 1; h && k < r->as.row.repeat_of; k++)
		h = h->next;
	return r->as.row.repeat_of > 0 ? h : NULL;
}

/* A grid cell's model cell as a node (ts_add_inlines, ts_plain read nodes), in v. */
static const bc_node *tc_node(const tcell *tc, bc_cell_view *v) { return bc_cell_node(tc->cell, tc->in, v); }

static int cell_is_empty(const bc_cell *c)
{
	return (c->flags & BC_CELL_CONTENT) ? c->u.content->first == NULL : c->len == 0;
}

/* The columns a cell (number i of row r) of a reworded repeat covers: those
 * of the header cell starting in its column, when the cells it would cover
 * are empty, so that the repeat is ruled as the header is; else one. */
static int repeat_colspan(const bc_node *head_row, const bc_node *r, uint32_t i)
{
	if (!head_row)
		return 1;
	const bc_cell *cell = &r->as.row.cells[i];
	for (uint32_t j = 0; j < head_row->as.row.ncells; j++) {
		const bc_cell *h = &head_row->as.row.cells[j];
		if (h->col != cell->col)
			continue;
		int span = h->colspan > 1 ? h->colspan : 1;
		for (int k = 1; k < span; k++)
			if (i + (uint32_t)k >= r->as.row.ncells || !cell_is_empty(&r->as.row.cells[i + (uint32_t)k]))
				return 1;
		return span;
	}
	return 1;
}

/* A cell's face and alignment: a header's (or a reworded repeat's) bold and
 * centred, a group heading's and a total's bold; the alignment the parser
 * gave the cell (a pipe rule's, or numbers' right) wins over the number's. */
static void cell_style(tcell *tc, int head, int bold)
{
	const bc_cell *cell = tc->cell;
	tc->face = (head || bold) ? BC_FACE_BOLD : BC_FACE_REGULAR;
	if (head)
		tc->just = BC_JUST_CENTER;
	else if (cell->align == BC_ALIGN_CENTER)
		tc->just = BC_JUST_CENTER;
	else if (cell->align == BC_ALIGN_LEFT)
		tc->just = BC_JUST_LEFT;
	else if ((cell->flags & BC_CELL_NUMBER) || cell->align == BC_ALIGN_RIGHT)
		tc->just = BC_JUST_RIGHT;
	else
		tc->just = BC_JUST_LEFT;
}

/* A cell's widths: the widest word and the whole text, padding included.
 * The items are made in *scratch; `keep` gives them to the cell, else a long
 * table's items are made again row by row when it is set (rows_layout), so
 * that it does not hold every cell's items at once. */
static void cell_measure(ts *t, tcell *tc, double size, bc_items *scratch, int keep)
{
	istyle st = { tc->face, size, 0, 0, 0 };
	scratch->n = 0;
	bc_cell_view view;
	ts_add_inlines(t, scratch, tc_node(tc, &view), st);
	tc->empty = scratch->n == 0;
	double word = 0, total = 0, w = 0;
	for (size_t i = 0; i < scratch->n; i++) {
		const bc_item *it = &scratch->v[i];
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
	if (keep) {
		tc->items = *scratch;
		*scratch = (bc_items){ 0 };
	}
}

/* Which cell covers each place of the grid, for borders and row spans. */
static void grid_owners(tgrid *g)
{
	size_t places = (size_t)(g->rows ? g->rows : 1) * (size_t)g->cols;
	g->owner = bc_xmalloc(places * sizeof *g->owner);
	for (size_t i = 0; i < places; i++)
		g->owner[i] = -1;
	for (size_t i = 0; i < g->ncells; i++) {
		tcell *tc = &g->cells[i];
		for (int r = tc->row; r < tc->row + tc->rowspan && r < g->rows; r++)
			for (int c = tc->col; c < tc->col + tc->colspan && c < g->cols; c++)
				g->owner[(size_t)r * (size_t)g->cols + (size_t)c] = (int)i;
	}
}

/* An ordinal column ("STT", "TT") is centred, as offices set it. */
static void center_ordinal(tgrid *g)
{
	int ordinal = 0;
	bc_buf b = BC_BUF_INIT;
	bc_cell_view view;
	for (size_t i = 0; i < g->ncells && g->cells[i].row < g->head_rows; i++)
		if (g->cells[i].col == 0) {
			ts_plain(tc_node(&g->cells[i], &view), &b);
			const char *h = bc_buf_cstr(&b);
			ordinal = !strcmp(h, "STT") || !strcmp(h, "TT") || !strcmp(h, "Stt") || !strcmp(h, "Số TT") ||
			          !strcmp(h, "Số thứ tự");
		}
	bc_buf_free(&b);
	for (size_t i = 0; ordinal && i < g->ncells; i++)
		if (g->cells[i].col == 0 && g->cells[i].colspan == 1 && g->cells[i].row >= g->head_rows)
			g->cells[i].just = BC_JUST_CENTER;
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
				maxcells += (int)r->as.row.ncells;
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
			for (uint32_t ci = 0; ci < r->as.row.ncells; ci++) {
				const bc_cell *cell = &r->as.row.cells[ci];
				if (covered > 0) {
					covered--;
					continue;
				}
				while (c < cap && busy[c] > 0)
					c++;
				int span = cell->colspan > 0 ? cell->colspan : 1;
				if (head_row) {
					span = repeat_colspan(head_row, r, ci);
					covered = span - 1;
				}
				int rspan = cell->rowspan > 0 ? (int)cell->rowspan : 1;
				if (rspan > rows - ri)
					rspan = rows - ri;
				if (c + span > cap) {
					int ncap = (c + span) * 2;
					busy = bc_xrealloc(busy, (size_t)ncap * sizeof *busy);
					memset(busy + cap, 0, (size_t)(ncap - cap) * sizeof *busy);
					cap = ncap;
				}
				tcell *tc = &g->cells[g->ncells++];
				*tc = (tcell){ .cell = cell, .in = r, .row = ri, .col = c, .colspan = span, .rowspan = rspan };
				cell_style(tc, head, r->as.row.kind == BC_ROW_GROUP || r->as.row.kind == BC_ROW_TOTAL);
				cell_measure(t, tc, size, &scratch, maxcells <= KEEP_ITEMS_CELLS);
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
	grid_owners(g);
	center_ordinal(g);
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

/* Columns of figures: every body cell with text in it holds a number (the
 * parser's value), header cells aside.  Their need (maxw) is the widest
 * number and their header set on two lines at most: "Tổng mức đầu tư
 * (triệu đồng)" must not run over five lines in a column as narrow as
 * "12.500" while a text column wraps anyway. */
static void numeric_needs(const tgrid *g, const double *minw, double *maxw, unsigned char *num)
{
	double *head = bc_xcalloc((size_t)g->cols, sizeof *head);
	memset(num, 0, (size_t)g->cols);
	unsigned char *text = bc_xcalloc((size_t)g->cols, 1);
	for (size_t i = 0; i < g->ncells; i++) {
		const tcell *tc = &g->cells[i];
		if (tc->colspan != 1 || tc->col >= g->cols)
			continue;
		if (g->row_kind[tc->row] == BC_ROW_HEAD) {
			double w = (tc->maxw - 2 * CELL_PAD_X) / 2 + 2 * CELL_PAD_X;
			if (w > head[tc->col])
				head[tc->col] = w;
		} else if (!tc->empty && g->row_kind[tc->row] != BC_ROW_GROUP) {
			if (tc->cell->flags & BC_CELL_NUMBER)
				num[tc->col] = 1;
			else
				text[tc->col] = 1;
		}
	}
	for (int c = 0; c < g->cols; c++) {
		if (text[c])
			num[c] = 0;
		if (num[c] && head[c] > maxw[c])
			maxw[c] = head[c] > minw[c] ? head[c] : minw[c];
	}
	free(text);
	free(head);
}

/*
 * The spare room of a table too wide for the page shared so that the table
 * is as short as can be, as a clerk drags Word's column borders: the long
 * texts ("Nhiệm vụ") widest, a column of dates or short names no wider
 * than its cells.  The columns of figures get their need first, whole (a
 * figure does not wrap); then the short texts whole (a column whose text
 * fits in half as much again as an equal share of the width W); then the
 * rest goes, a little at a time, to the column whose widening shortens the
 * table most, a row's height being the
 * lines of its tallest cell (each cell's lines taken as its text's width
 * over the column's, unrounded: the measure is smooth, so that each step
 * has a best column).  Measured on the first rows, a table's first pages
 * (MEASURE_ROWS), so that a long table costs no more.  Returns 0 when the
 * table has no text column to widen.
 */
#define MEASURE_ROWS 200
#define WIDTH_STEPS 120

static double table_height(const tgrid *g, const double *w, const double *text, const double *word, int rows)
{
	double h = 0;
	for (int r = 0; r < rows; r++) {
		double most = 1;
		for (int c = 0; c < g->cols; c++) {
			size_t at = (size_t)r * (size_t)g->cols + (size_t)c;
			/* a line ends short of the column by part of a word, on
			 * average a third of its widest: more lines in a narrow column */
			double t = text[at], in = w[c] - 2 * CELL_PAD_X, eff = in - word[at] / 3;
			if (eff < in / 3)
				eff = in / 3;
			if (t > 0 && eff > 0 && t / eff > most)
				most = t / eff;
		}
		h += most;
	}
	return h;
}

/* The part of the figures' columns' need (their natural width over their
 * narrowest) the spare room gives them, whole when it can; *need (when
 * asked) that need. */
static double figures_share(const tgrid *g, const double *minw, const double *maxw, const unsigned char *num, double spare,
                            double *need)
{
	double n = 0;
	for (int c = 0; c < g->cols; c++)
		if (num[c])
			n += maxw[c] - minw[c];
	if (need)
		*need = n;
	return n > 0 ? fmin(1, spare / n) : 0;
}

static int shortest_widths(const tgrid *g, const double *minw, const double *maxw, const unsigned char *num, double W,
                           double spare, double *extra)
{
	int rows = g->rows < MEASURE_ROWS ? g->rows : MEASURE_ROWS, cols = g->cols, texts = 0;
	for (int c = 0; c < cols; c++)
		texts += !num[c] && maxw[c] > minw[c];
	if (rows < 1 || texts == 0)
		return 0;
	/* each cell's text on one line, by row and column */
	double *text = bc_xcalloc((size_t)rows * (size_t)cols, sizeof *text);
	double *word = bc_xcalloc((size_t)rows * (size_t)cols, sizeof *word);
	for (size_t i = 0; i < g->ncells; i++) {
		const tcell *tc = &g->cells[i];
		if (tc->row < rows && tc->colspan == 1 && tc->col < cols && !tc->empty) {
			text[(size_t)tc->row * (size_t)cols + (size_t)tc->col] = tc->maxw - 2 * CELL_PAD_X;
			word[(size_t)tc->row * (size_t)cols + (size_t)tc->col] = tc->minw - 2 * CELL_PAD_X;
		}
	}
	double *w = bc_xmalloc((size_t)cols * sizeof *w);
	for (int c = 0; c < cols; c++)
		w[c] = minw[c];
	/* the figures' columns first, as far as the room goes */
	double share = figures_share(g, minw, maxw, num, spare, NULL), left = spare;
	for (int c = 0; c < cols; c++)
		if (num[c]) {
			w[c] += (maxw[c] - minw[c]) * share;
			left -= (maxw[c] - minw[c]) * share;
		}
	/* short texts whole, as the first share did: a date or a unit is not
	 * broken while a long text wraps anyway ("Tháng 02/2027") */
	double fair = W / cols;
	for (int c = 0; c < cols; c++)
		if (!num[c] && maxw[c] <= 1.5 * fair && maxw[c] - w[c] <= left) {
			left -= maxw[c] - w[c];
			w[c] = maxw[c];
		}
	double step = left / WIDTH_STEPS;
	for (int k = 0; k < WIDTH_STEPS && step > 0; k++) {
		double now = table_height(g, w, text, word, rows), gain = 0;
		int best = -1;
		for (int c = 0; c < cols; c++) {
			if (num[c] || w[c] + step > maxw[c] + step / 2)
				continue;
			w[c] += step;
			double d = now - table_height(g, w, text, word, rows);
			w[c] -= step;
			/* ties to the column furthest from its need */
			if (best < 0 || d > gain + 1e-9 || (fabs(d - gain) <= 1e-9 && maxw[c] - w[c] > maxw[best] - w[best]))
				gain = d, best = c;
		}
		if (best < 0)
			break;
		w[best] += step;
	}
	/* what no text column can use goes by need, as before */
	double used = 0, unmet = 0;
	for (int c = 0; c < cols; c++) {
		if (w[c] > maxw[c])
			w[c] = maxw[c];
		used += w[c] - minw[c];
		unmet += maxw[c] - w[c];
	}
	for (int c = 0; c < cols; c++) {
		extra[c] = w[c] - minw[c];
		if (unmet > 0)
			extra[c] += (spare - used) * ((maxw[c] - w[c]) / unmet);
	}
	free(w);
	free(text);
	free(word);
	return 1;
}

/* Column widths from content: each at least its longest word, the rest shared by need. */
static void grid_widths(tgrid *g, double W)
{
	double *minw = bc_xmalloc((size_t)g->cols * sizeof *minw), *maxw = bc_xmalloc((size_t)g->cols * sizeof *maxw);
	double smin = grid_min_width(g, minw, maxw), smax = 0;
	unsigned char *num = bc_xmalloc((size_t)g->cols ? (size_t)g->cols : 1);
	numeric_needs(g, minw, maxw, num);
	for (int c = 0; c < g->cols; c++)
		smax += maxw[c];
	/* between the narrowest and the natural width: the table as short as can
	 * be (shortest_widths); without a text column to widen, every column gets
	 * its need up to an equal share of the spare room (a short column is set
	 * on one line), then what is left goes by the need still unmet; sharing
	 * all by need starved the short columns */
	double spare = W - smin, *extra = bc_xcalloc((size_t)g->cols, sizeof *extra);
	if (smax > W && spare >= 0 && !shortest_widths(g, minw, maxw, num, W, spare, extra)) {
		/* columns of figures first, whole: the text columns give the room */
		double numneed;
		double numshare = figures_share(g, minw, maxw, num, spare, &numneed);
		int ntext = 0;
		for (int c = 0; c < g->cols; c++)
			ntext += !num[c];
		double fair = (spare - numneed * numshare) / (ntext ? ntext : 1), used = 0, unmet = 0;
		for (int c = 0; c < g->cols; c++) {
			extra[c] = num[c] ? (maxw[c] - minw[c]) * numshare : fmin(maxw[c] - minw[c], fair);
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
	free(num);
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
			bc_set_line(&tc->items, from, tc->L.breaks[k], cx, cw, y + ts_baseline_in(t, lh, size), tc->just,
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
				bc_set_line(&tc->items, from, tc->L.breaks[k], cx, cw, y + ts_baseline_in(t, lh, size), tc->just,
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
			ts_add_rule(&u->ops, xa, xb, 0, lw);
		if (ends || !last_part)
			ts_add_rule(&u->ops, xa, xb, h, lw);
	}
}

tgrid *ts_table_measure(ts *t, const bc_node *table, double *min_width, int *cols)
{
	tgrid *g = bc_xmalloc(sizeof *g);
	grid_build(t, table, g, t->tpl->table_size);
	double *a = bc_xmalloc((size_t)g->cols * sizeof *a), *b = bc_xmalloc((size_t)g->cols * sizeof *b);
	*min_width = grid_min_width(g, a, b);
	*cols = g->cols;
	free(a);
	free(b);
	return g;
}

void ts_grid_free(tgrid *g)
{
	if (g) {
		grid_free(g);
		free(g);
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

/* Whether tc is a header cell spanning header rows that are set whole on one
 * page, the rows above it, its rows and its lines together under half a page
 * (ts_set_table repeats such a header and keeps its rows together): its lines
 * are then centred in the rows it spans.  A taller header may be cut between
 * its rows, or a row set in parts (set_row_in_parts), which need each line
 * inside one row.  Asked once per cell, before any row grows for it. */
static int head_span(const ts *t, const tgrid *g, const tcell *tc)
{
	if (tc->rowspan <= 1 || tc->row + tc->rowspan > g->head_rows || tc->L.n == 0)
		return 0;
	const bc_pager_geometry *geo = t->landscape ? &t->pager.landscape : &t->pager.portrait;
	double h = tc->h;
	for (int r = 0; r < tc->row + tc->rowspan; r++)
		h += g->rowh[r];
	return h <= (geo->height - geo->top - geo->bottom) / 2;
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
		/* a column as wide as its longest word plus padding gives that word
		 * back its width only up to rounding: a hair more keeps it whole */
		double cw = span_width(g, tc) - 2 * CELL_PAD_X + 0.01;
		if (cw < 4)
			cw = 4;
		if (tc->empty) {
			tc->h = 2 * CELL_PAD_Y + lh;
			continue;
		}
		if (tc->items.n == 0) {   /* not kept by grid_build */
			istyle st = { tc->face, size, 0, 0, 0 };
			bc_cell_view view;
			ts_add_inlines(t, &tc->items, tc_node(tc, &view), st);
		}
		bc_items_finish(&tc->items);
		tc->L = ts_break_items(t, &tc->items, cw, tc->just);
		tc->h = (double)tc->L.n * lh + 2 * CELL_PAD_Y;
	}
	for (size_t i = first; i < end; i++)
		if (g->cells[i].rowspan == 1 && g->cells[i].h > g->rowh[g->cells[i].row])
			g->rowh[g->cells[i].row] = g->cells[i].h;
	/* a header cell spanning header rows: the rows grow to hold its lines
	 * first (each a line apart, not cut at the rows' feet), for every such
	 * cell before any is centred in them */
	char *centred = bc_xcalloc(end - first + 1, 1);
	for (size_t i = first; i < end; i++)
		centred[i - first] = (char)head_span(t, g, &g->cells[i]);
	for (size_t i = first; i < end; i++)
		if (centred[i - first]) {
			tcell *tc = &g->cells[i];
			int last = tc->row + tc->rowspan - 1;
			double need = (double)tc->L.n * lh + 2 * CELL_PAD_Y, h = 0;
			for (int r = tc->row; r <= last; r++)
				h += g->rowh[r];
			if (need > h)
				g->rowh[last] += need - h;
		}
	for (size_t i = first; i < end; i++) {
		tcell *tc = &g->cells[i];
		if (tc->rowspan <= 1)
			continue;
		int last = tc->row + tc->rowspan - 1, r = tc->row;
		double y = CELL_PAD_Y;
		tc->lrow = bc_xmalloc((tc->L.n ? tc->L.n : 1) * sizeof *tc->lrow);
		tc->ly = bc_xmalloc((tc->L.n ? tc->L.n : 1) * sizeof *tc->ly);
		if (centred[i - first]) {
			/* centred in the rows it spans, its lines evenly spaced: each
			 * drawn with the row its top falls in, reaching into the next
			 * (header rows stay together on a page) */
			double h = 0;
			for (int q = tc->row; q <= last; q++)
				h += g->rowh[q];
			y = (h - (double)tc->L.n * lh) / 2;
			for (size_t k = 0; k < tc->L.n; k++, y += lh) {
				while (r < last && y + 0.01 >= g->rowh[r]) {
					y -= g->rowh[r];
					r++;
				}
				tc->lrow[k] = r;
				tc->ly[k] = y;
			}
			continue;
		}
		/* each line goes in the row it fits in, never across a row's foot:
		 * a page break between the spanned rows then cuts between lines, and
		 * the text continues in the row on the next page */
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
	free(centred);
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

/* Row r of table `id`, taller than a page: its lines in parts of at most
 * parts_lines, each a unit of its own, so that the pager can break between them. */
static void set_row_in_parts(ts *t, tgrid *g, int r, int id, double size, double lh, int parts_lines)
{
	size_t most = 0;
	for (size_t i = row_first_cell(g, r); i < g->ncells && g->cells[i].row == r; i++)
		if (!g->cells[i].lrow && g->cells[i].L.n > most)
			most = g->cells[i].L.n;
	/* and the lines row-spanning cells put in this row */
	for (int c = 0; c < g->cols; c++) {
		int o = g->owner[(size_t)r * (size_t)g->cols + (size_t)c];
		if (o < 0 || g->cells[o].col != c || !g->cells[o].lrow)
			continue;
		for (size_t k = 0; k < g->cells[o].L.n; k++)
			if (g->cells[o].lrow[k] == r) {
				size_t j = (size_t)lround((g->cells[o].ly[k] - CELL_PAD_Y) / lh) + 1;
				if (j > most)
					most = j;
			}
	}
	for (size_t l0 = 0; l0 < most; l0 += (size_t)parts_lines) {
		size_t l1 = l0 + (size_t)parts_lines;
		int first = l0 == 0, last = l1 >= most;
		double h = (double)((last ? most : l1) - l0) * lh + (first ? CELL_PAD_Y : 0) + (last ? CELL_PAD_Y : 0);
		bc_unit *u = bc_unit_new(h);
		table_row_unit(t, g, r, l0, l1, first, last, h, lh, size, u);
		u->table = id;
		if (r == 0 && first)
			u->gap = t->tpl->para_space;
		/* footnotes go with the part that holds their reference: the foot of its page */
		for (size_t i = row_first_cell(g, r); i < g->ncells && g->cells[i].row == r; i++) {
			tcell *tc = &g->cells[i];
			if (tc->lrow || tc->L.n == 0) {
				if (first)
					ts_notes_for(t, &tc->items, 0, tc->items.n, u);
				continue;
			}
			size_t a = l0, b = l1 < tc->L.n ? l1 : tc->L.n;
			if (a < b)
				ts_notes_for(t, &tc->items, a > 0 ? tc->L.breaks[a - 1] + 1 : 0, tc->L.breaks[b - 1] + 1, u);
		}
		ts_push(t, u);
	}
}

/* Sets a table, from the grid ts_table_measure built for it when `built` is given (freed here). */
void ts_set_table(ts *t, const bc_node *table, tgrid *built)
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
	double lh = ts_line_height(t, size, 1.0);
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
	int records = 0; /* body rows set that are not group headings */
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
		/* a row taller than a page is set in parts, a header row too (it is
		 * then not repeated: head_h is 0 for a header over half a page) */
		if (g.rowh[r] <= max_part) {
			bc_unit *u = bc_unit_new(g.rowh[r]);
			table_row_unit(t, &g, r, 0, SIZE_MAX, 1, 1, g.rowh[r], lh, size, u);
			u->table = id;
			u->table_head = (unsigned)(head && head_h > 0);
			u->table_reprint = (unsigned)(!head && g.row_kind[r] == BC_ROW_HEAD);
			/* a header row, the header or a reworded repeat of it, never ends a page */
			u->keep_next = (unsigned)(g.row_kind[r] == BC_ROW_HEAD || in_span || g.row_kind[r] == BC_ROW_GROUP);
			/* nor does the first body row: a table starts a page's foot with
			 * two rows under its header, or on the next page (Word's keep with next) */
			if (!head && g.row_kind[r] != BC_ROW_HEAD && g.row_kind[r] != BC_ROW_GROUP && records++ == 0 && r + 1 < g.rows)
				u->keep_next = 1;
			for (size_t i = row_first_cell(&g, r); i < g.ncells && g.cells[i].row == r; i++)
				ts_notes_for(t, &g.cells[i].items, 0, g.cells[i].items.n, u);
			if (r == 0)
				u->gap = t->tpl->para_space;
			ts_push(t, u);
			continue;
		}
		set_row_in_parts(t, &g, r, id, size, lh, parts_lines);   /* a row taller than a page */
	}
	grid_free(&g);
}
