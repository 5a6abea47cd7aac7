/* spacecols.c — a table pdftotext -layout wrote with its columns as runs of spaces, rebuilt as rows. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * pdftotext -layout keeps a table's columns where they stood on the page:
 * each row a line whose cells are parted by runs of two spaces or more, the
 * gaps at the same columns from row to row (a right-aligned figure ends
 * where the figure above it ends), a long name going on alone on the next
 * line in its own column, and the header over several lines above the
 * rows, its cells wrapped.  Today's reader sees the table again:
 *
 *  - a line's parts are its runs of text between gaps of two spaces or
 *    more; a row number (1 to 3 digits, or up to four of I, V, X) opening the
 *    first part, a single space after it, is a part of its own;
 *  - the rows: from a line of three parts or more on, lines each of whose
 *    parts overlaps exactly one column (a character's tolerance) — the
 *    columns are the union of the rows' parts, growing as rows are read,
 *    a part that falls in no column opening a new one; a line with fewer
 *    than half the columns filled and nothing in the first goes on with the
 *    row above (a wrapped cell), and so does, under a numbered row, a line
 *    of words alone (no number, no figure) however many cells it fills;
 *    at most six such lines a row;
 *  - at least two rows of three parts, three columns at least, and evidence
 *    of a table: half the rows opened by a row number, or a column whose
 *    cells are figures in half the rows;
 *  - the header: the lines right above the first row, up to a blank line
 *    (eight at most; a line of one part that falls in no column at its top,
 *    "Đơn vị tính: tấn", is not the header's).  When every part of it falls
 *    in exactly one column, no two of one line in the same, it is written as
 *    the table's first TAB-separated row, each column's parts joined top to
 *    bottom.  When a header line has two parts in one column, the columns
 *    the rows make are fewer than the table's (cells parted by a single
 *    space): the lines stay text (restore-space-table-kept).  Otherwise (a
 *    header cell over two columns, "Thực hiện 6 tháng" over "Năm 2025 Năm
 *    2026") the header is left as paragraphs and the rows become a pipe
 *    table without header rows (restore-space-table-headless).
 *
 * Only in a PDF's text, or a one-page text pdftotext ended with its form
 * feed (rs_ctx.ff_end).  Not rebuilt: a table whose first row has neither a
 * number nor a figure, and one whose cells are parted by single spaces
 * throughout (no rows of three parts).
 *
 * Justified prose has single spaces; the header's two columns and the
 * signature beside the recipients make lines of two parts: neither is a
 * table.  Every part of a rebuilt row keeps its input position.  Work is
 * linear: a line is parted at most a bounded number of times.
 */

#define MAX_PARTS 16
#define MAX_COLS 16
#define MAX_WRAP 6           /* lines a row's cells may go on over */
#define MAX_HEAD 8           /* lines of a header */
#define MAX_ROWS 512
#define TOL 1                /* characters a part may stand off its column */

typedef struct part {
	size_t b, e;             /* bytes of the line */
	uint32_t cs, ce;         /* characters, from 0, ce past the last */
} part;

/* The parts of line l; -1 when it cannot be a table's line (a TAB, a `|`, too many parts). */
static int parts_of(const rs_line *l, part *p, int allow_pipe)
{
	int n = 0;
	size_t i = 0;
	uint32_t c = 0;
	while (i < l->len) {
		unsigned char ch = (unsigned char)l->s[i];
		if (ch == '\t' || ch == '\r' || ch == '\f' || (!allow_pipe && ch == '|'))
			return -1;
		if (ch == ' ') {
			i++, c++;
			continue;
		}
		if (n == MAX_PARTS)
			return -1;
		p[n].b = i;
		p[n].cs = c;
		size_t last = i;
		uint32_t lastc = c;
		while (i < l->len) {
			unsigned char d = (unsigned char)l->s[i];
			if (d == '\t' || d == '\r' || d == '\f' || (!allow_pipe && d == '|'))
				return -1;
			if (d == ' ' && (i + 1 >= l->len || l->s[i + 1] == ' '))
				break;
			if (d != ' ')
				last = i, lastc = c;
			i++;
			c += (d & 0xC0) != 0x80;
		}
		/* the end: past the last character's bytes */
		size_t e = last + 1;
		while (e < l->len && ((unsigned char)l->s[e] & 0xC0) == 0x80)
			e++;
		p[n].e = e;
		p[n].ce = lastc + 1;
		n++;
	}
	/* a row number opening the first part, a single space after it */
	if (n >= 2 && n < MAX_PARTS) {
		const char *s = l->s + p[0].b;
		size_t len = p[0].e - p[0].b, k = 0;
		while (k < len && k < 4 && ((s[k] >= '0' && s[k] <= '9') || s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
			k++;
		int digits = k && s[0] >= '0' && s[0] <= '9';
		int ok = k && k < len && s[k] == ' ' && k + 1 < len;
		for (size_t j = 0; ok && j < k; j++)
			if (digits != (s[j] >= '0' && s[j] <= '9'))
				ok = 0;
		if (ok && digits && k > 3)
			ok = 0;
		if (ok) {
			memmove(p + 2, p + 1, (size_t)(n - 1) * sizeof *p);
			p[1].b = p[0].b + k + 1;
			p[1].e = p[0].e;
			p[1].cs = p[0].cs + (uint32_t)k + 1;
			p[1].ce = p[0].ce;
			p[0].e = p[0].b + k;
			p[0].ce = p[0].cs + (uint32_t)k;
			n++;
		}
	}
	return n;
}

typedef struct span {
	uint32_t cs, ce;
} span;

/* The column part p falls in: its index, -1 for none, -2 for more than one. */
static int column_of(const span *col, int nc, const part *p)
{
	int at = -1;
	for (int k = 0; k < nc; k++)
		if (p->cs < col[k].ce + TOL && p->ce + TOL > col[k].cs) {
			if (at >= 0)
				return -2;
			at = k;
		}
	return at;
}

/* Opens a column for p among the others (kept in order); -1 when there is no room. */
static int open_column(span *col, int *nc, const part *p)
{
	if (*nc == MAX_COLS)
		return -1;
	int k = 0;
	while (k < *nc && col[k].cs < p->cs)
		k++;
	memmove(col + k + 1, col + k, (size_t)(*nc - k) * sizeof *col);
	col[k] = (span){ p->cs, p->ce };
	(*nc)++;
	return k;
}

static int row_number(const rs_line *l, const part *p)
{
	const char *s = l->s + p->b;
	size_t len = p->e - p->b;
	if (len < 1 || len > 4)
		return 0;
	int digits = s[0] >= '0' && s[0] <= '9';
	for (size_t k = 0; k < len; k++)
		if (digits ? !(s[k] >= '0' && s[k] <= '9') : !(s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
			return 0;
	return !digits || len <= 3;
}

/* A figure: digits with . , % ( ) - only. */
static int figure(const rs_line *l, const part *p)
{
	int d = 0;
	for (size_t k = p->b; k < p->e; k++) {
		char ch = l->s[k];
		if (ch >= '0' && ch <= '9')
			d = 1;
		else if (!strchr(".,%()-+", ch))
			return 0;
	}
	return d;
}

static int usable(const rs_line *l) { return !l->dropped && !l->repl && !l->nadds; }

/* Appends part p of input line i to the row, where it stands in the input. */
static void row_part(rs_row *r, const rs_line *l, size_t i, const part *p)
{
	if (r->b.len && r->b.s[r->b.len - 1] != '\t' && r->b.s[r->b.len - 1] != ' ')
		rs_row_byte(r, ' ');
	r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
	r->jumps[r->njumps++] = (bc_restore_shift){ 0, r->col, p->cs + 1, (uint32_t)(i + 1) };
	for (size_t k = p->b; k < p->e; k++)
		rs_row_byte(r, l->s[k]);
}

/* Lines [first, last] as one row, each part in its column's cell. */
static void write_row(rs_ctx *cx, size_t after, size_t first, size_t last, const span *col, int nc, int pipe)
{
	rs_row r = RS_ROW_INIT;
	if (pipe)
		rs_row_str(&r, "| ");
	for (int c = 0; c < nc; c++) {
		if (c)
			rs_row_str(&r, pipe ? " | " : "\t");
		for (size_t i = first; i <= last; i++) {
			part p[MAX_PARTS];
			int n = parts_of(&cx->v[i], p, 0);
			for (int k = 0; k < n; k++)
				if (column_of(col, nc, &p[k]) == c)
					row_part(&r, &cx->v[i], i, &p[k]);
		}
	}
	if (pipe)
		rs_row_str(&r, " |");
	rs_row_add(cx, after, &r, pipe && r.njumps ? r.jumps[0].to_line : 0, pipe && r.njumps ? r.jumps[0].shift : 0);
}

/* Tries a table whose first row is line i; returns the line after it, or i + 1 when there is none. */
static size_t table_at(rs_ctx *cx, size_t i)
{
	part p[MAX_PARTS];
	int n = parts_of(&cx->v[i], p, 0);
	if (n < 3)
		return i + 1;
	/* the first row opens with its number or holds a figure: a header's line does neither */
	int opens = row_number(&cx->v[i], &p[0]);
	for (int k = 1; k < n; k++)
		opens |= figure(&cx->v[i], &p[k]);
	if (!opens)
		return i + 1;
	span col[MAX_COLS];
	int nc = 0;
	for (int k = 0; k < n && k < MAX_COLS; k++)
		col[nc++] = (span){ p[k].cs, p[k].ce };
	size_t rows[MAX_ROWS], nr = 0, wide = 0, end = i;
	uint32_t page = cx->v[i].page;
	rows[nr++] = i;
	wide++;
	part first_part = p[0];   /* the first part of the last row taken */
	size_t wrap = 0;
	for (size_t j = i + 1; j < cx->n && nr < MAX_ROWS; j++) {
		const rs_line *l = &cx->v[j];
		if (!usable(l) || l->page != page || rs_blank(l))
			break;
		int m = parts_of(l, p, 0);
		if (m < 1)
			break;
		int at[MAX_PARTS], bad = 0, in_first = 0;
		for (int k = 0; k < m; k++) {
			at[k] = column_of(col, nc, &p[k]);
			bad |= at[k] == -2;
			in_first |= at[k] == 0;
		}
		if (bad)
			break;
		/* under a numbered row, a line of words alone (no number, no figure)
		 * in the row's own columns is its cells going on, however many */
		int goes_on = !in_first && wrap < MAX_WRAP && row_number(&cx->v[rows[nr - 1]], &first_part);
		for (int k = 0; k < m && goes_on; k++)
			goes_on = at[k] > 0 && !figure(l, &p[k]);
		if (!goes_on && m >= 2 && (2 * m >= nc || in_first)) {
			/* a row: its parts in distinct columns, new ones opened */
			span save[MAX_COLS];
			int snc = nc, ok = 1;
			memcpy(save, col, sizeof col);
			for (int k = 0; k < m && ok; k++)
				if (at[k] == -1)
					ok = open_column(col, &nc, &p[k]) >= 0;
			for (int k = 0; k < m && ok; k++) {
				int c = column_of(col, nc, &p[k]);
				if (c < 0)
					ok = 0;
				for (int q = 0; q < k && ok; q++)
					if (column_of(col, nc, &p[q]) == c)
						ok = 0;
			}
			if (ok)
				for (int k = 0; k < m; k++) {
					int c = column_of(col, nc, &p[k]);
					if (p[k].cs < col[c].cs)
						col[c].cs = p[k].cs;
					if (p[k].ce > col[c].ce)
						col[c].ce = p[k].ce;
				}
			/* the columns grown must stay apart */
			for (int c = 1; c < nc && ok; c++)
				if (col[c].cs < col[c - 1].ce + 1)
					ok = 0;
			if (!ok) {
				memcpy(col, save, sizeof col);
				nc = snc;
				break;
			}
			rows[nr++] = j;
			first_part = p[0];
			wide += m >= 3;
			wrap = 0;
			end = j;
			continue;
		}
		/* a wrapped cell going on with the row above */
		int none = 0;
		for (int k = 0; k < m; k++)
			none |= at[k] < 0;
		if (none || in_first || ++wrap > MAX_WRAP)
			break;
		end = j;
	}
	if (wide < 2 || nc < 3 || nc > MAX_COLS)
		return i + 1;
	/* every line's parts, each in one column of the columns found, none two in one */
	size_t numbered = 0, figs[MAX_COLS] = { 0 };
	for (size_t j = i; j <= end; j++) {
		int m = parts_of(&cx->v[j], p, 0);
		int seen[MAX_COLS] = { 0 };
		for (int k = 0; k < m; k++) {
			int c = column_of(col, nc, &p[k]);
			if (c < 0 || seen[c])
				return end + 1;
			seen[c] = 1;
		}
	}
	for (size_t r = 0; r < nr; r++) {
		int m = parts_of(&cx->v[rows[r]], p, 0);
		numbered += column_of(col, nc, &p[0]) == 0 && row_number(&cx->v[rows[r]], &p[0]);
		for (int k = 0; k < m; k++)
			if (figure(&cx->v[rows[r]], &p[k]))
				figs[column_of(col, nc, &p[k])]++;
	}
	int evidence = 2 * numbered >= nr;
	for (int c = 1; c < nc; c++)
		evidence |= 2 * figs[c] >= nr && figs[c] >= 2;
	if (!evidence)
		return end + 1;
	/* the header: the lines above, up to a blank line */
	size_t h0 = i;
	while (h0 > 0 && i - h0 < MAX_HEAD && usable(&cx->v[h0 - 1]) && !rs_blank(&cx->v[h0 - 1]) && cx->v[h0 - 1].page == page)
		h0--;
	/* a line of one part in no column at its top is not the header's */
	while (h0 < i) {
		int m = parts_of(&cx->v[h0], p, 1);
		if (m == 1 && column_of(col, nc, &p[0]) < 0) {
			h0++;
			continue;
		}
		break;
	}
	int header = h0 < i, merged = 0;
	for (size_t j = h0; j < i; j++) {
		int m = parts_of(&cx->v[j], p, 0);
		int seen[MAX_COLS] = { 0 };
		if (m < 1) {
			header = 0;
			continue;
		}
		for (int k = 0; k < m; k++) {
			int c = column_of(col, nc, &p[k]);
			if (c < 0) {
				header = 0;
				continue;
			}
			if (seen[c])
				merged = 1, header = 0;
			seen[c] = 1;
		}
	}
	if (merged) {
		/* the rows' columns are fewer than the header's: cells parted by a single space */
		bc_diag_add(cx->diags, BC_N_RESTORE_SPACE_TABLE_KEPT, (bc_pos){ (uint32_t)(i + 1), 1 }, "%zu", nr);
		/* nor is the rest of its block a table of its own: it stays text up to a blank line */
		size_t j = end + 1;
		while (j < cx->n && !rs_blank(&cx->v[j]) && cx->v[j].page == page)
			j++;
		return j;
	}
	/* written back after the last line: a blank line, the header row or a rule, the rows */
	size_t first = header ? h0 : i;
	rs_add_line(cx, end, "", 0, (uint32_t)(first + 1), 1);
	if (header) {
		write_row(cx, end, h0, i - 1, col, nc, 0);
	} else {
		char rule[4 * MAX_COLS + 2];
		size_t rl = 0;
		for (int c = 0; c < nc; c++)
			memcpy(rule + rl, "|---", 4), rl += 4;
		rule[rl++] = '|';
		rs_add_line(cx, end, rule, rl, (uint32_t)(i + 1), 1);
		if (h0 < i)
			bc_diag_add(cx->diags, BC_N_RESTORE_SPACE_TABLE_HEADLESS, (bc_pos){ (uint32_t)(h0 + 1), 1 }, "%zu", i - h0);
	}
	for (size_t r = 0; r < nr; r++) {
		size_t last = r + 1 < nr ? rows[r + 1] - 1 : end;
		write_row(cx, end, rows[r], last, col, nc, !header);
	}
	for (size_t j = first; j <= end; j++)
		rs_move(cx, j, BC_RESTORE_SPACE_TABLE);
	cx->out->count[BC_RESTORE_SPACE_TABLE]++;
	return end + 1;
}

void rs_spacecols(rs_ctx *cx)
{
	/* a PDF's text, or a one-page text pdftotext ended with its form feed (not detected as a PDF's) */
	if (cx->shape != BC_SHAPE_PDF && !(cx->shape == BC_SHAPE_TYPED && !cx->forced && cx->ff_end))
		return;
	for (size_t i = 0; i < cx->n;) {
		if (!usable(&cx->v[i]) || rs_blank(&cx->v[i])) {
			i++;
			continue;
		}
		i = table_at(cx, i);
	}
}
