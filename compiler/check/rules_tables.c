/* rules_tables.c — table rows: cell counts against the header, a row one cell short, values shifted by a column, group rows whose stated count "(07 nhiệm vụ)" differs from the rows under them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"
#include "rules.h"

typedef struct tables_state {
	bc_block_text bt;
} tables_state;

static void *begin(bc_check_ctx *cx) { return bc_xcalloc(1, sizeof(tables_state)); }

static void end(bc_check_ctx *cx, void *st)
{
	tables_state *s = st;
	bc_text_free(&s->bt);
	free(s);
}

enum { C_EMPTY, C_NUM, C_TEXT, C_DASH };

static int cell_class(tables_state *s, const bc_node *c)
{
	if (c->as.cell.value.len)
		return C_NUM;
	bc_text_gather(&s->bt, c);
	const char *t = s->bt.buf.s ? s->bt.buf.s : "";
	size_t n = s->bt.buf.len;
	while (n && (*t == ' ' || *t == '\t'))
		t++, n--;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (!n)
		return C_EMPTY;
	if ((n == 1 && strchr("-x+*", t[0])) || (n == 3 && (!memcmp(t, "–", 3) || !memcmp(t, "…", 3))))
		return C_DASH;
	return C_TEXT;
}

/* Label rank of a first cell: "A" 1, "A.I" 2, "IV" 11, "IV.2" 12, "5" 21, "5.1" 22, "(3)" 61; -1 none, 0 a bullet. */
static int rank_of(const char *t, size_t n)
{
	while (n && (*t == ' ' || *t == '\t'))
		t++, n--;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '.'))
		n--;
	if (!n)
		return -1;
	if (n >= 3 && t[0] == '(' && t[n - 1] == ')' && bc_arabic_value(t + 1, n - 2))
		return 61;
	int tier = -1, parts = 0;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && t[j] != '.')
			j++;
		int ct;
		if (bc_arabic_value(t + i, j - i))
			ct = 2;
		else if (j - i <= 6 && bc_roman_value(t + i, j - i) && t[i] >= 'A' && t[i] <= 'Z')
			ct = (j - i == 1 && parts == 0 && t[i] != 'I' && t[i] != 'V' && t[i] != 'X') ? 0 : 1;
		else if (j - i == 1 && t[i] >= 'A' && t[i] <= 'Z')
			ct = 0;
		else
			return -1;
		if (parts == 0)
			tier = ct;
		parts++;
		i = j + 1;
	}
	return tier * 10 + parts;
}

/* "(07 nhiệm vụ)", "(31 dự án)": the count a group row states, or -1. */
static int stated_count(const char *t, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (t[i] != '(' || t[i + 1] < '0' || t[i + 1] > '9')
			continue;
		size_t j = i + 1;
		int v = 0;
		while (j < n && t[j] >= '0' && t[j] <= '9' && v < 100000)
			v = v * 10 + (t[j++] - '0');
		if (j >= n || t[j] != ' ')
			continue;
		size_t k = j + 1, words = 0;
		int letters = 1;
		while (k < n && t[k] != ')') {
			if ((t[k] >= '0' && t[k] <= '9') || t[k] == '/' || t[k] == '%' || t[k] == ',' || t[k] == '-')
				letters = 0;
			if (t[k] == ' ')
				words++;
			k++;
		}
		if (k < n && letters && words <= 3 && k > j + 1)
			return v;
	}
	return -1;
}

/* What on_table keeps of a body row for its passes over the table: forty
 * bytes, since a table may have a hundred thousand rows (the class of each of
 * the first 64 cells in two bits). */
typedef struct rowinfo {
	const bc_node *row;
	int rank, count;
	int ncells;
	char short_by_one;        /* the line writes one field fewer than the header's columns */
	uint8_t cls[16];          /* C_EMPTY, C_NUM, C_TEXT or C_DASH of cell k: bits 2(k%4) of cls[k/4] */
} rowinfo;

static int cls_of(const rowinfo *x, int k) { return (x->cls[k / 4] >> (2 * (k % 4))) & 3; }
static void cls_set(rowinfo *x, int k, int c)
{
	int at = 2 * (k % 4);
	x->cls[k / 4] = (uint8_t)((x->cls[k / 4] & ~(3 << at)) | (c & 3) << at);
}

static void on_table(bc_check_ctx *cx, void *st, const bc_node *n)
{
	tables_state *s = st;
	int cols = n->as.table.cols;
	const bc_node *tbody = NULL;
	for (const bc_node *c = n->first; c; c = c->next)
		if (c->type == BC_NODE_TBODY)
			tbody = c;
	if (!tbody || cols < 2)
		return;
	size_t nrows = 0;
	for (const bc_node *r = tbody->first; r; r = r->next)
		nrows++;
	rowinfo *ri = bc_xcalloc(nrows ? nrows : 1, sizeof *ri);
	int num[64] = { 0 }, txt[64] = { 0 }, covered[64] = { 0 };
	int numbered_rows = 0, last_filled = 0;   /* numbered body rows, full or one short; those with a last cell */
	size_t m = 0;
	for (const bc_node *r = tbody->first; r; r = r->next) {
		if (r->type != BC_NODE_ROW || r->as.row.kind == BC_ROW_HEAD || r->as.row.repeat)
			continue;
		rowinfo *x = &ri[m++];
		x->row = r;
		x->rank = -1;
		x->count = -1;
		int width = 0;
		bc_cell_view view;
		for (uint32_t ci = 0; ci < r->as.row.ncells; ci++) {
			const bc_node *c = bc_cell_node(&r->as.row.cells[ci], r, &view);
			int span = c->as.cell.colspan > 0 ? c->as.cell.colspan : 1;
			int col = c->as.cell.col;
			if (col + span > width)
				width = col + span;
			if (col < 64)
				cls_set(x, col, cell_class(s, c));
			bc_text_gather(&s->bt, c);
			if (col == 0)
				x->rank = rank_of(s->bt.buf.s ? s->bt.buf.s : "", s->bt.buf.len);
			if (x->count < 0 && col <= 2)
				x->count = stated_count(s->bt.buf.s ? s->bt.buf.s : "", s->bt.buf.len);
		}
		for (int k = 0; k < 64; k++)
			if (covered[k] > 0 && k + 1 > width)
				width = k + 1;
		for (int k = 0; k < 64; k++)
			if (covered[k] > 0)
				covered[k]--;
		for (uint32_t ci = 0; ci < r->as.row.ncells; ci++) {
			const bc_cell *c = &r->as.row.cells[ci];
			if (c->rowspan > 1)
				for (int k = c->col; k < c->col + (c->colspan > 0 ? c->colspan : 1) && k < 64; k++)
					covered[k] = (int)c->rowspan - 1;
		}
		x->ncells = width;
		if (x->count >= 0 && r->as.row.kind != BC_ROW_GROUP)
			for (int k = 2; k < width && k < 64; k++)
				if (cls_of(x, k) == C_NUM || cls_of(x, k) == C_TEXT) {
					x->count = -1;   /* a row of data that happens to say "(2 dự án)" */
					break;
				}
		if (r->as.row.kind == BC_ROW_BODY && x->count < 0) {
			for (int k = 0; k < width && k < 64; k++) {
				num[k] += cls_of(x, k) == C_NUM;
				txt[k] += cls_of(x, k) == C_TEXT;
			}
		}
		/* the builder pads short rows: the parser kept how many cells the line wrote
		 * (a row a fragment was merged into no longer has those cells) */
		int written = r->as.row.fragment_merged ? 0 : r->as.row.written;
		int fields = r->as.row.fields;
		/* more cells than columns; or fewer in a numbered row of figures */
		int figures = 0;
		for (int k = 0; k < width && k < 64; k++)
			figures += cls_of(x, k) == C_NUM;
		if (r->as.row.kind == BC_ROW_BODY && written > 0 &&
		    (written > cols || (fields < cols && cls_of(x, 0) == C_NUM && figures >= 3)))
			bc_diag_add(cx->diags, BC_W_ROW_CELLS, r->pos, "%d ≠ %d", written > cols ? written : fields, cols);
		else if (r->as.row.kind == BC_ROW_BODY && x->count < 0 && x->rank > 0 && written >= 2 && fields == cols - 1)
			x->short_by_one = 1, numbered_rows++;
		else if (r->as.row.kind == BC_ROW_BODY && x->count < 0 && x->rank > 0 && width == cols && cols <= 64) {
			numbered_rows++;
			last_filled += cls_of(x, cols - 1) != C_EMPTY;
		}
	}
	/* a column holds numbers when nearly all its filled cells are numbers */
	int isnum[64];
	for (int k = 0; k < 64; k++)
		isnum[k] = k > 0 && num[k] >= 3 && txt[k] * 4 <= num[k];
	for (size_t i = 0; i < m; i++) {
		rowinfo *x = &ri[i];
		if (x->row->as.row.kind != BC_ROW_BODY || x->count >= 0 || x->ncells != cols || cols > 64)
			continue;
		int bad = 0;
		for (int k = 1; k < cols; k++)
			bad += isnum[k] && cls_of(x, k) == C_TEXT;
		if (!bad)
			continue;
		/* read one column to the left or right, does the row fit? */
		for (int d = -1; d <= 1; d += 2) {
			int fit = 0, miss = 0;
			for (int k = 1; k < cols; k++) {
				int from = k - d;
				if (from < 1 || from >= cols)
					continue;
				if (isnum[k] && cls_of(x, from) == C_TEXT)
					miss++;
				if (isnum[k] && cls_of(x, from) == C_NUM)
					fit++;
			}
			if (!miss && fit >= bad && (cls_of(x, cols - 1) == C_EMPTY || cls_of(x, 1) == C_EMPTY)) {
				bc_diag_add(cx->diags, BC_W_ROW_SHIFTED, x->row->pos, NULL);
				x->short_by_one = 0;   /* said already, in other words */
				break;
			}
		}
	}
	/* A numbered row ("1", "II", "A" in its first cell) whose line writes one
	 * field fewer than the header has columns (a tab or a "|" short), not
	 * found shifted above: when most numbered rows fill the last column,
	 * a value went missing.  When the last column is mostly empty (a "Ghi chú"
	 * column) the writer only left out an empty cell at the end, which no
	 * editor shows; a row without a number ("Tổng cộng") may leave columns out. */
	for (size_t i = 0; i < m; i++)
		if (ri[i].short_by_one && last_filled * 2 > numbered_rows)
			bc_diag_add(cx->diags, BC_W_ROW_SHORT, ri[i].row->pos, "%d ≠ %d", ri[i].row->as.row.fields, cols);
	/* the rows a group row counts: up to the next label of its rank or above, not themselves groups, not bullets */
	for (size_t i = 0; i < m; i++) {
		rowinfo *g = &ri[i];
		if (g->count < 0)
			continue;
		size_t stop = i + 1;
		int leaf = -1;
		for (; stop < m; stop++) {
			rowinfo *x = &ri[stop];
			if (g->rank >= 0 && x->rank >= 0 && x->rank <= g->rank)
				break;
			if (g->rank < 0 && x->count >= 0 && x->rank < 0)
				break;
			if (x->count < 0 && x->rank > leaf)
				leaf = x->rank;
		}
		int under = 0;
		for (size_t j = i + 1; j < stop; j++)
			under += ri[j].count < 0 && ri[j].rank == leaf && leaf >= 0;
		if (under != g->count && (under || g->rank >= 0))
			bc_diag_add(cx->diags, BC_W_GROUP_COUNT, g->row->pos, "%d ≠ %d", g->count, under);
	}
	free(ri);
}

const bc_rule_set bc_rules_tables = {
	.name = "tables",
	.begin = begin,
	.on_node = { [BC_NODE_TABLE] = on_table },
	.end = end,
};
