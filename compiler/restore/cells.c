/* cells.c — a table a converter wrote one cell per paragraph or column by column (pdftotext's default mode, mammoth), rebuilt as TAB-separated rows. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * pdftotext without -layout writes a table cell after cell, each cell a block
 * of its own lines between blank lines; mammoth writes each paragraph of a
 * cell as a Markdown paragraph.  The rows are gone, but a careful reader sees
 * them again: a header of short cells opened by "TT" or "STT", then groups
 * each opened by the next row number (1, 2, 3 …, or a form's items, 1.,
 * 1.1., 1.2., 2.) holding as many cells as the header has after its first,
 * or a group's row, its number and its name alone, the next number right
 * after them.  Such a run is written back as the
 * project's own TAB-separated rows, each row on the line of its first cell.
 *
 * Only that evidence is taken.  A header cell over two paragraphs ("Trách
 * nhiệm" / "thực hiện") is one cell when the second starts in lower case or
 * with "("; a body row with more paragraphs than cells has them joined where
 * the resulting cells begin as the same column's cells begin in the rows
 * that needed no joining ("Lãnh đạo" / "Sở Y tế" under "Lãnh đạo Sở …"),
 * and only when one joining is better than every other.  Anything else ends
 * the table before the row, and a run with no row left stays as it was:
 * paragraphs, nothing lost.
 *
 * pdftotext also writes a table column by column, when each column is a text
 * block of its own: "STT" over the row numbers, then each column's header
 * over its cells.  Such blocks are rebuilt when every one splits into its
 * header and as many cells as there are numbers.  When a label column and
 * a figure column came out as one block, their lines alternating (a figure
 * centred in its row), the lines are parted again by what they are: figures
 * apart, labels apart (see interleaved_at).  Tables whose cells of several
 * rows come out interleaved (pdftotext on dense tables) are not.
 *
 * Dense tables often come out with the header's cells among the first rows'
 * (and again after each page break), then clean: the number, the label,
 * the values, each a paragraph.  A reader takes the rows that read so: from
 * a number k on, each row a number one more than the last, a label and as
 * many values as the first row had, three rows at least, and the rows of a
 * label and as many values after them ("Chỉ số chung").  The header cannot
 * be told from what it is mixed with, so the rows become a pipe table
 * without header rows and the rest stays paragraphs.  A row under a page's
 * repeated header is read when its figures, among the header's fragments,
 * are exactly as many as a row has.  Runs numbered on from one another are
 * pieces of one table; one with fewer values a row than another lost a
 * column elsewhere (a column block pdftotext wrote apart) and stays as it
 * was.  A header printed again over the next row's cells after a page break
 * is taken out and written back as a repeated header row, and narrow
 * tables printed column by column may have their first header cells apart.
 */

#define MAX_UNITS 4096       /* paragraphs looked at from one header on */
#define MIN_COLS 3           /* "TT" and one column is a numbered list as often as a table */
#define MAX_COLS 12
#define MAX_EXTRA 3          /* paragraphs a row may hold beyond its cells */
#define MAX_HEAD_BYTES 120   /* a header cell is a short title (some 60 to 90 letters) */
#define MAX_COLUMN_ROWS 40   /* rows of a table printed column by column */
#define MAX_COLUMN_LINE 60   /* characters: a line of a column's block is narrower than the page's text */
#define MAX_VALUE 24         /* characters of a value cell of a numbered row */
#define MIN_RUN 3            /* numbered rows of one shape that make a table without its header */
#define MAX_RUN_ROWS 512     /* rows of one such table */
#define MAX_GAP 12           /* rows between two runs of one table that could not be read */
#define MAX_MIXED 24         /* paragraphs of a row among a header's fragments */
#define MAX_MIXED_LINES 64   /* and their lines */
#define MAX_TAIL 4           /* rows of a label and values after the numbered ones ("Tổng cộng") */

/* One paragraph: input lines [first, last], not blank, of one page. */
typedef struct unit {
	size_t first, last;
} unit;

/* The text of a line without spaces and the emphasis a Markdown converter put around it. */
static void bare(const rs_line *l, const char **s, size_t *n)
{
	rs_trim(l, s, n);
	while (*n && ((*s)[0] == '*' || (*s)[0] == '_'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == '*' || (*s)[*n - 1] == '_' || (*s)[*n - 1] == ' '))
		(*n)--;
}

/* The bare text of a paragraph of one line; 0 when it has more lines. */
static int one_line(const rs_ctx *cx, const unit *u, const char **s, size_t *n)
{
	if (u->first != u->last)
		return 0;
	bare(&cx->v[u->first], s, n);
	return 1;
}

/* A header's first cell: the row-number column. */
static int is_number_head(const rs_line *l)
{
	const char *s;
	size_t n;
	bare(l, &s, &n);
	return n && rs_number_head(s, n) == n;
}

/* The levels of the row number a one-line paragraph reads (rs_number_levels); 0 for none. */
static int row_key(const rs_ctx *cx, const unit *u, long *v)
{
	const char *s;
	size_t n;
	return one_line(cx, u, &s, &n) ? rs_number_levels(s, n, v) : 0;
}

/* The row number a one-line paragraph reads ("7", "7."), or 0. */
static long row_number(const rs_ctx *cx, const unit *u)
{
	long v[RS_MAX_LEVELS];
	return row_key(cx, u, v) == 1 ? v[0] : 0;
}

/* Paragraph b's row number comes right after paragraph a's (rs_levels_follow). */
static int key_follows(const rs_ctx *cx, const unit *a, const unit *b)
{
	long x[RS_MAX_LEVELS], y[RS_MAX_LEVELS];
	int n = row_key(cx, a, x), m = row_key(cx, b, y);
	return rs_levels_follow(x, n, y, m);
}

/* The first code point of a paragraph's text. */
static uint32_t first_cp(const rs_ctx *cx, const unit *u)
{
	const char *s;
	size_t n;
	bare(&cx->v[u->first], &s, &n);
	uint32_t cp = 0;
	if (n)
		bc_utf8_decode(s, n, &cp);
	return cp;
}

/* A paragraph that goes on with the one before it: it starts in lower case
 * or with "(", and is not a point of a list ("b) Tổ chức …"). */
static int continues(const rs_ctx *cx, const unit *u)
{
	const char *s;
	size_t n;
	bare(&cx->v[u->first], &s, &n);
	uint32_t cp = 0;
	size_t k = n ? (size_t)bc_utf8_decode(s, n, &cp) : 0;
	if (k < n && s[k] == ')')
		return 0;
	return cp == '(' || bc_cp_is_lower(cp);
}

/* A header cell: one short line, not a sentence, not a number. */
static int head_like(const rs_ctx *cx, const unit *u)
{
	size_t bytes = 0;
	for (size_t i = u->first; i <= u->last; i++)
		if (!cx->v[i].dropped)
			bytes += cx->v[i].len + 1;
	if (bytes > MAX_HEAD_BYTES)
		return 0;
	const char *s;
	size_t n;
	bare(&cx->v[u->last], &s, &n);
	if (!n || s[n - 1] == '.' || s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == ',')
		return 0;
	uint32_t cp = first_cp(cx, u);
	return cp == '(' || bc_cp_is_letter(cp);
}

/* ---- the column each cell's beginning points to ---- */

/* The first word of a paragraph, "#" for any number: what the cells of a column share. */
static void first_word(const rs_ctx *cx, const unit *u, const char **w, size_t *wn)
{
	const char *s;
	size_t n;
	bare(&cx->v[u->first], &s, &n);
	size_t e = 0;
	while (e < n && s[e] != ' ')
		e++;
	if (n && s[0] >= '0' && s[0] <= '9') {
		*w = "#";
		*wn = 1;
		return;
	}
	*w = s;
	*wn = e;
}

/* Per column, the first words of its cells in the rows that needed no joining. */
typedef struct profile {
	const unit *rows[64];    /* first cell of each reference row */
	size_t nrows;
} profile;

/* How well cells starting at u[starts[0..nc)] fit the columns: 2 a cell whose first word
 * begins a cell of the same column elsewhere; 1 a joining whose second part continues. */
static int score(const rs_ctx *cx, const profile *pf, const unit *u, const size_t *starts, size_t nc, size_t m)
{
	int sc = 0;
	for (size_t c = 0; c < nc; c++) {
		const char *w;
		size_t wn;
		first_word(cx, &u[starts[c]], &w, &wn);
		for (size_t r = 0; r < pf->nrows; r++) {
			const char *x;
			size_t xn;
			first_word(cx, &pf->rows[r][c], &x, &xn);
			if (xn == wn && memcmp(x, w, wn) == 0) {
				sc += 2;
				break;
			}
		}
		size_t end = c + 1 < nc ? starts[c + 1] : m;
		for (size_t k = starts[c] + 1; k < end; k++) {
			uint32_t cp = first_cp(cx, &u[k]);
			if (continues(cx, &u[k]))
				sc += 1;
			else if (cp >= '0' && cp <= '9')
				sc -= 2;   /* a number is a cell of its own */
		}
	}
	return sc;
}

/* The best way to make nc cells of m paragraphs u[0..m): the cells' first
 * paragraphs in starts[]; -1 when two ways are equally good. */
typedef struct split_arg {
	const rs_ctx *cx;
	const profile *pf;
	const unit *u;
	size_t nc, m;
} split_arg;

static int score_of(void *arg, const size_t *starts)
{
	const split_arg *a = arg;
	return score(a->cx, a->pf, a->u, starts, a->nc, a->m);
}

static int best_split(const rs_ctx *cx, const profile *pf, const unit *u, size_t m, size_t nc, size_t *starts, int *best_score)
{
	split_arg a = { cx, pf, u, nc, m };
	int best;
	size_t ties = rs_best_split(nc, m, score_of, &a, starts, &best);
	*best_score = best;
	if (ties)
		return -1;
	/* a joining needs its evidence: every cell begins as its column's cells
	 * do, or every paragraph joined goes on with the one before */
	if (best >= 2 * (int)nc)
		return 0;
	for (size_t c = 0; c < nc; c++) {
		size_t end = c + 1 < nc ? starts[c + 1] : m;
		for (size_t k = starts[c] + 1; k < end; k++)
			if (!continues(cx, &u[k]))
				return -1;
	}
	return 0;
}

/* A paragraph that prints a header cell again (a page's repeated header): no row goes past it. */
static int repeats_head(const rs_ctx *cx, const unit *u, const unit *head, const size_t *hstart, size_t nc)
{
	const char *s, *h;
	size_t n, hn;
	if (!one_line(cx, u, &s, &n))
		return 0;
	for (size_t c = 0; c < nc; c++) {
		bare(&cx->v[head[hstart[c]].first], &h, &hn);
		if (hn == n && memcmp(h, s, n) == 0)
			return 1;
	}
	return 0;
}

/* The lines of paragraphs u[0 .. n) out of the text: their words stand in the rows written for them. */
static void move_units(rs_ctx *cx, const unit *u, size_t n)
{
	for (size_t j = 0; j < n; j++)
		for (size_t i = u[j].first; i <= u[j].last; i++)
			if (!cx->v[i].dropped)
				rs_move(cx, i, BC_RESTORE_CELLS);
}

/* ---- writing the rows ---- */

/* One row: the cells u[starts[c]] … joined, TAB-separated (or, pipe, as a
 * pipe table's row: "| a | b |"); written after line `after`, on its first
 * cell's line (each later part jumps to its own). */
static void write_row_as(rs_ctx *cx, size_t after, const unit *u, const size_t *starts, size_t nc, size_t m, int pipe)
{
	rs_row rt = RS_ROW_INIT;
	if (pipe)
		rs_row_str(&rt, "| ");
	for (size_t c = 0; c < nc; c++) {
		if (c)
			rs_row_str(&rt, pipe ? " | " : "\t");
		size_t end = c + 1 < nc ? starts[c + 1] : m;
		for (size_t k = starts[c]; k < end; k++)
			rs_row_lines(cx, u[k].first, u[k].last, &rt);
	}
	if (pipe)
		rs_row_str(&rt, " |");
	rs_row_place(cx, after, &rt);
}

static void write_row(rs_ctx *cx, size_t after, const unit *u, const size_t *starts, size_t nc, size_t m)
{
	write_row_as(cx, after, u, starts, nc, m, 0);
}

/* ---- finding the tables ---- */

/* Line l is "TT", "STT", "Số TT" (or under emphasis marks): most lines are not looked at further. */
static int head_line(const rs_line *l)
{
	if (l->dropped || l->len > 24 || !l->len)
		return 0;
	size_t k = 0;
	while (k < l->len && l->s[k] == ' ')
		k++;
	return k < l->len && strchr("TS*_", l->s[k]) && is_number_head(l);
}

/* The paragraphs from line i on, at most max; a blank line, a dropped line
 * or a new page ends one, and a header's first cell starts one (pdftotext
 * puts it right under the sentence before the table). */
static size_t collect(const rs_ctx *cx, size_t i, unit *u, size_t max)
{
	size_t n = 0;
	while (i < cx->n && n < max) {
		if (cx->v[i].dropped || rs_blank(&cx->v[i])) {
			i++;
			continue;
		}
		size_t e = i;
		while (e + 1 < cx->n && !cx->v[e + 1].dropped && !rs_blank(&cx->v[e + 1]) && cx->v[e + 1].page == cx->v[i].page &&
		       !head_line(&cx->v[e + 1]))
			e++;
		u[n++] = (unit){ i, e };
		i = e + 1;
	}
	return n;
}

/* The header opening at paragraph u[0]: its cells' first paragraphs in
 * hstart, each cell one paragraph or more, up to the paragraph "1" (at *h);
 * the number of cells, 0 when the paragraphs are no header. */
static size_t read_head(const rs_ctx *cx, const unit *u, size_t nu, size_t *hstart, size_t *h)
{
	size_t nc = 0, k = 0;
	for (; k < nu && row_number(cx, &u[k]) != 1; k++) {
		if (!head_like(cx, &u[k]))
			return 0;
		if (k > 0 && continues(cx, &u[k]))
			continue;
		if (nc == MAX_COLS)
			return 0;
		hstart[nc++] = k;
	}
	*h = k;
	return k == nu || nc < MIN_COLS ? 0 : nc;
}

/* The header a page break prints again, its cells among the next row's
 * paragraphs: taken out of the paragraphs the rows are read from, written
 * back as a row of its own before the row at `at`. */
typedef struct repeat {
	size_t at;               /* the filtered paragraph the row after it starts at */
	unit cell[MAX_COLS];     /* each header cell's lines, as printed again */
} repeat;

#define MAX_REPEATS 16

/* Line i's bare text is line j's. */
static int same_line(const rs_ctx *cx, size_t i, size_t j)
{
	const char *a, *b;
	size_t an, bn;
	bare(&cx->v[i], &a, &an);
	bare(&cx->v[j], &b, &bn);
	return an == bn && memcmp(a, b, an) == 0;
}

/* Paragraph y begins with the lines of header cell hc (one paragraph): how many, or 0. */
static size_t begins_with(const rs_ctx *cx, const unit *y, const unit *hc)
{
	size_t n = hc->last - hc->first + 1;
	if (y->last - y->first + 1 < n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (cx->v[y->first + k].dropped || !same_line(cx, y->first + k, hc->first + k))
			return 0;
	return n;
}

/* The paragraphs u[h..nu) with the header a page break repeats taken out:
 * at a page's first paragraph repeating the header's first cell, every
 * other cell printed again at the start of one of the next paragraphs of
 * that page, once, and a row's number after the first; each header cell
 * one paragraph.  Writes the kept paragraphs (a paragraph that began with a
 * cell keeps its other lines) to fu with their index in u in orig, and the
 * repeats to reps; returns the paragraphs kept. */
static size_t take_repeats(const rs_ctx *cx, const unit *u, size_t nu, const size_t *hstart, size_t nc, size_t h,
                           unit *fu, size_t *orig, repeat *reps, size_t *nrep)
{
	size_t nf = 0;
	*nrep = 0;
	for (size_t c = 0; c < nc; c++)
		if ((c + 1 < nc ? hstart[c + 1] : h) != hstart[c] + 1)
			nc = 0;   /* a header cell over two paragraphs: not looked for */
	for (size_t x = 0; x < nu;) {
		repeat rp;
		size_t take[MAX_COLS], win = x + 2 * nc + MAX_EXTRA, c = 1, kept = 0;
		take[0] = (size_t)-1;
		if (x > h && nc && *nrep < MAX_REPEATS && cx->v[u[x].first].page != cx->v[u[x - 1].last].page &&
		    begins_with(cx, &u[x], &u[hstart[0]]) == u[x].last - u[x].first + 1) {
			take[0] = x;
			rp.cell[0] = u[x];
			for (; c < nc; c++) {
				size_t y = x + 1, n = 0;
				for (; y < nu && y < win && cx->v[u[y].first].page == cx->v[u[x].first].page; y++) {
					int taken = 0;
					for (size_t d = 1; d < c; d++)
						taken |= take[d] == y;
					if (!taken && (n = begins_with(cx, &u[y], &u[hstart[c]])))
						break;
				}
				if (!n)
					break;
				take[c] = y;
				rp.cell[c] = (unit){ u[y].first, u[y].first + n - 1 };
			}
		}
		if (c < nc || x <= h || !nc || *nrep >= MAX_REPEATS || take[0] != x) {
			fu[nf] = u[x];
			orig[nf++] = x++;
			continue;
		}
		/* the repeat found: the paragraphs from x on, without its lines */
		size_t hi = x;
		for (size_t d = 0; d < nc; d++)
			if (take[d] > hi)
				hi = take[d];
		size_t first = nf;
		for (size_t y = x; y <= hi; y++) {
			unit left = u[y];
			for (size_t d = 0; d < nc; d++)
				if (take[d] == y)
					left.first = rp.cell[d].last + 1;
			if (left.first <= left.last) {
				fu[nf] = left;
				orig[nf++] = y;
				kept++;
			}
		}
		if (!kept || row_number(cx, &fu[first]) <= 0) {
			/* no row's number after it: not taken out */
			nf = first;
			fu[nf] = u[x];
			orig[nf++] = x++;
			continue;
		}
		rp.at = first;
		reps[(*nrep)++] = rp;
		x = hi + 1;
	}
	return nf;
}

/* A table whose header opens at paragraph u[0]: written back when it has a
 * row; returns the paragraphs it used (0: none). */
static int value_cell(const rs_ctx *cx, const unit *u);

static size_t table_rows(rs_ctx *cx, unit *u, size_t nu, const repeat *reps, size_t nrep)
{
	size_t hstart[MAX_COLS], h;
	size_t nc = read_head(cx, u, nu, hstart, &h);
	if (!nc)
		return 0;
	/* the rows: each from its number to the next, nc - 1 cells after the number */
	size_t rstart[256], rlen[256], nr = 0;
	unsigned char group[256];
	size_t at = h;
	size_t end = nu;         /* no row reaches a repeated header */
	while (at < nu && nr < 256 && (at == h ? row_number(cx, &u[at]) == 1 : 1)) {
		size_t lim = at + nc + MAX_EXTRA;
		for (size_t j = at + 1; j <= lim && j < end; j++)
			if (repeats_head(cx, &u[j], u, hstart, nc))
				end = j;
		size_t q = at + nc;
		while (q < end && q <= lim && !key_follows(cx, &u[at], &u[q]))
			q++;
		group[nr] = 0;
		/* a group's row, its number and its name ("2." "Kiểm tra, xử lý
		 * VBQPPL"), its other cells empty: the next number right after */
		if (!(q < end && q <= lim) && at + 2 < end && key_follows(cx, &u[at], &u[at + 2]) && !value_cell(cx, &u[at + 1]) &&
		    row_key(cx, &u[at], (long[RS_MAX_LEVELS]){ 0 }) > 0)
			q = at + 2, group[nr] = 1;
		rstart[nr] = at;
		rlen[nr] = q < end && q <= lim ? q - at : 0;   /* 0: the last row, its end not known */
		nr++;
		if (!rlen[nr - 1])
			break;
		at = q;
	}
	if (!nr)
		return 0;
	/* the rows that needed no joining show how each column's cells begin */
	profile pf;
	pf.nrows = 0;
	for (size_t r = 0; r < nr; r++)
		if (rlen[r] == nc && pf.nrows < sizeof pf.rows / sizeof pf.rows[0])
			pf.rows[pf.nrows++] = &u[rstart[r] + 1];
	/* each row's cells: its paragraphs after the number, joined where they fit best */
	size_t starts[256][MAX_COLS];
	size_t ncells = nc - 1, used = 0, rows = 0;
	for (size_t r = 0; r < nr; r++) {
		const unit *cu = &u[rstart[r] + 1];
		size_t m = rlen[r] ? rlen[r] - 1 : 0;
		int sc;
		if (group[r]) {
			starts[r][0] = 0;
			for (size_t c = 1; c < ncells; c++)
				starts[r][c] = 1;
		} else if (m) {
			if (m == ncells) {
				for (size_t c = 0; c < ncells; c++)
					starts[r][c] = c;
			} else if (best_split(cx, &pf, cu, m, ncells, starts[r], &sc) < 0) {
				break;
			}
		} else {
			/* the last row: as few paragraphs as fit best, none beyond the text's */
			size_t avail = end - rstart[r] - 1, best_m = 0;
			int best = -1000;
			for (size_t mm = ncells; mm <= ncells + MAX_EXTRA && mm <= avail; mm++) {
				size_t st[MAX_COLS];
				if (best_split(cx, &pf, cu, mm, ncells, st, &sc) < 0)
					continue;
				/* one paragraph more must begin a column's cell better, or go
				 * on with the one before it (lower case, "(") */
				if (sc > best || !best_m) {
					best = sc;
					best_m = mm;
					memcpy(starts[r], st, sizeof st);
				}
			}
			/* with rows to compare, the cells must begin as theirs do, all but one */
			if (!best_m || (pf.nrows && best < 2 * ((int)ncells - 1)))
				break;
			m = best_m;
		}
		used = rstart[r] + 1 + m;
		rows++;
		rlen[r] = m + 1;
	}
	if (!rows)
		return 0;
	/* written back: the rows follow the run's last line, and every line of the run moves into them */
	size_t last = u[used - 1].last;
	rs_add_line(cx, last, "", 0, (uint32_t)(u[0].first + 1), 1);
	size_t hs[MAX_COLS];
	for (size_t c = 0; c < nc; c++)
		hs[c] = hstart[c];
	write_row(cx, last, u, hs, nc, h);
	for (size_t r = 0; r < rows; r++) {
		size_t st[MAX_COLS];
		/* the header printed again before this row */
		for (size_t x = 0; x < nrep; x++)
			if (reps[x].at == rstart[r]) {
				for (size_t c = 0; c < nc; c++)
					st[c] = c;
				write_row(cx, last, reps[x].cell, st, nc, nc);
				move_units(cx, reps[x].cell, nc);
			}
		st[0] = 0;
		for (size_t c = 0; c < ncells; c++)
			st[c + 1] = starts[r][c] + 1;
		write_row(cx, last, &u[rstart[r]], st, nc, rlen[r]);
	}
	move_units(cx, u, used);
	cx->out->count[BC_RESTORE_CELLS]++;
	return used;
}

/* table_rows over the paragraphs without the header a page break repeats;
 * returns the paragraphs of u used. */
static size_t table_at(rs_ctx *cx, unit *u, size_t nu)
{
	size_t hstart[MAX_COLS], h;
	size_t nc = read_head(cx, u, nu, hstart, &h);
	if (!nc)
		return 0;
	unit *fu = bc_xmalloc(nu * sizeof *fu);
	size_t *orig = bc_xmalloc(nu * sizeof *orig), nrep;
	repeat *reps = bc_xmalloc(MAX_REPEATS * sizeof *reps);
	size_t nf = take_repeats(cx, u, nu, hstart, nc, h, fu, orig, reps, &nrep);
	size_t used = table_rows(cx, fu, nf, reps, nrep);
	used = used ? orig[used - 1] + 1 : 0;
	free(fu);
	free(orig);
	free(reps);
	return used;
}

/* ---- column by column ---- */

/* Line i goes on with the cell of the line before it, in a column's block:
 * it starts in lower case or with "(", or the line before left a "(" open. */
static int goes_on(const rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	bare(&cx->v[i], &s, &n);
	uint32_t cp = 0;
	if (n)
		bc_utf8_decode(s, n, &cp);
	if (cp == '(' || bc_cp_is_lower(cp))
		return 1;
	int open = 0;
	const rs_line *p = &cx->v[i - 1];
	for (size_t k = 0; k < p->len; k++)
		open += p->s[k] == '(' ? 1 : p->s[k] == ')' ? -1 : 0;
	return open > 0;
}

/* A column's block b split into its header and n cells (seg[0..n], each a
 * run of its lines); 0 when it does not split so, or reads as text. */
static int column_block_as(const rs_ctx *cx, const unit *b, size_t n, unit *seg, size_t head)
{
	size_t k = 0;
	for (size_t i = b->first; i <= b->last; i++) {
		if (bc_utf8_count(cx->v[i].s, cx->v[i].len) > MAX_COLUMN_LINE)
			return 0;   /* a line of text across the page, not of a column */
		if (i > b->first && goes_on(cx, i)) {
			seg[k - 1].last = i;
			continue;
		}
		if (k == n + head)
			return 0;
		seg[k++] = (unit){ i, i };
	}
	return k == n + head && (!head || head_like(cx, &seg[0]));
}

/* Line i holds a figure alone ("5.138,6", "75,0"). */
static int figure_alone_at(const rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	bare(&cx->v[i], &s, &n);
	return n && !memchr(s, ' ', n) && rs_figure_token(s, n);
}

/* Line i holds a year alone ("2025"): a title's line ("Năm" / "2025"), no value. */
static int year_alone_at(const rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	bare(&cx->v[i], &s, &n);
	return bc_is_year(s, n);
}

static int column_block(const rs_ctx *cx, const unit *b, size_t n, unit *seg)
{
	if (column_block_as(cx, b, n, seg, 1))
		return 1;
	/* a figures' column whose title's next line opens with a figure
	 * ("Lũy kế" / "10 tháng", "Năm" / "2025" over "5.138,6" …): its last
	 * n lines figures alone, one a cell, the two or three lines above them
	 * the title, its first no figure and the others no figure alone but a
	 * year ("60" there is a row's value: a total's row under the others) */
	size_t lines = b->last - b->first + 1;
	if (lines < n + 2 || lines > n + 3)
		return 0;
	size_t h = lines - n;
	for (size_t i = b->first; i <= b->last; i++)
		if ((i >= b->first + h && !figure_alone_at(cx, i)) ||
		    (i < b->first + h && figure_alone_at(cx, i) && (i == b->first || !year_alone_at(cx, i))) ||
		    bc_utf8_count(cx->v[i].s, cx->v[i].len) > MAX_COLUMN_LINE)
			return 0;
	seg[0] = (unit){ b->first, b->first + h - 1 };
	for (size_t r = 0; r < n; r++)
		seg[r + 1] = (unit){ b->first + h + r, b->first + h + r };
	return head_like(cx, &seg[0]);
}

/* A block of two columns of figures or more that pdftotext wrote as one,
 * their values interleaved row by row under their titles on one line
 * ("Năm 2026 Tăng (%)" / "271,5" / "2,5" / "412,0" / "8,9" …), a caption
 * over them allowed ("Đơn vị tính: tỷ đồng", which stays where it is): the
 * k columns' cells into seg[c * (n + 1) + r] (r from 1), and their titles'
 * bytes of line *title into tb[c], te[c], where k is the figures' count
 * over n and the titles, parted before each word opened by a capital, are
 * exactly k.  Returns k, 0 when the block does not read so. */
static size_t interleaved_figures(const rs_ctx *cx, const unit *b, size_t n, unit *seg, size_t room, size_t *title,
                                  size_t *tb, size_t *te)
{
	size_t i = b->first;
	const char *s;
	size_t len;
	/* the caption above the titles */
	while (i <= b->last) {
		bare(&cx->v[i], &s, &len);
		if (!(bc_starts(s, len, "Đơn vị tính") || bc_starts(s, len, "ĐVT") || bc_starts(s, len, "(Đơn vị")))
			break;
		i++;
	}
	if (i >= b->last || figure_alone_at(cx, i))
		return 0;
	*title = i++;
	size_t figs = b->last - i + 1;
	if (n < 2 || figs % n || figs / n < 2 || figs / n > room)
		return 0;
	for (size_t j = i; j <= b->last; j++)
		if (!figure_alone_at(cx, j))
			return 0;
	size_t k = figs / n;
	/* the titles: the title line parted before each word opened by a capital */
	bare(&cx->v[*title], &s, &len);
	size_t starts[MAX_COLS], nt = 0;
	for (size_t a = 0; a < len;) {
		size_t e = a;
		while (e < len && s[e] != ' ')
			e++;
		uint32_t cp = 0;
		bc_utf8_decode(s + a, e - a, &cp);
		if (a == 0 || bc_cp_is_upper(cp)) {
			if (nt == k)
				return 0;
			starts[nt++] = a;
		}
		a = e;
		while (a < len && s[a] == ' ')
			a++;
	}
	if (nt != k)
		return 0;
	size_t off = (size_t)(s - cx->v[*title].s);
	for (size_t c = 0; c < k; c++) {
		size_t e = c + 1 < k ? starts[c + 1] : len;
		while (e > starts[c] && s[e - 1] == ' ')
			e--;
		tb[c] = off + starts[c];
		te[c] = off + e;
		for (size_t r = 0; r < n; r++)
			seg[c * (n + 1) + r + 1] = (unit){ i + r * k + c, i + r * k + c };
	}
	return k;
}

/* Whether the lines first + 1 .. first + n number a table's rows: counting
 * on as places do, or in groups, each under a letter or a Roman number in
 * order ("A" 1 2 3 "B" 1 2 … "C": a budget's), its rows from 1 again. */
static int numbers_column(const rs_ctx *cx, size_t first_line, size_t n)
{
	long first = 0, prev = 0;
	size_t base = 1;          /* the line the current run of numbers starts at */
	int gkind = 0, gval = 0, numbers = 0;
	for (size_t r = 1; r <= n; r++) {
		unit one = { first_line + r, first_line + r };
		const char *s;
		size_t len;
		int kind = 0, g = one_line(cx, &one, &s, &len) ? rs_group_label(s, len, &kind) : 0;
		if (g && (gkind ? kind == gkind && g == gval + 1 : g == 1 && r == 1)) {
			gkind = kind, gval = g;
			base = r + 1;
			continue;
		}
		long v = row_number(cx, &one);
		if (r == base)
			first = v;
		/* under a group the numbers start again, or run on ("I" 1 2 3 "II" 4 5) */
		if (v <= 0 || (gkind && r == base && v != 1 && v != prev + 1) || (r > base && v != prev && v != first + (long)(r - base)))
			return 0;
		prev = v;
		numbers++;
	}
	return numbers > 0;
}

/* pdftotext's blocks of a table printed column by column: "TT" over its row
 * numbers in one block, then a block a column, its header over its n cells.
 * The numbers count on from any one (a table going on from the page before)
 * as places do: each the one before plus one, or the same for a tie and
 * then the place it stands at (9, 10, 11, 11, 13).  Returns the blocks used
 * (0: none).  A total's row under them makes every column one cell
 * longer. */
static size_t columns_at(rs_ctx *cx, unit *u, size_t nu)
{
	size_t n = u[0].last - u[0].first;
	if (n < 2 || n > MAX_COLUMN_ROWS || !numbers_column(cx, u[0].first, n))
		return 0;
	/* seg[c * S + r]: column c's header (r = 0) and cells (r = 1 … n), and
	 * its cell in a total's row under the numbered ones (r = n + 1:
	 * "Tổng cộng", no number), when it has one */
	enum { S = MAX_COLUMN_ROWS + 2 };
	unit seg[(MAX_COLS - 1) * S];
	/* the total's row: "Tổng cộng" last in the first block makes every
	 * column one cell longer; or it stands last in any column's block, and
	 * a figure last in a later one (its sum), the other columns' cells of
	 * that row empty */
	int all_total = nu > 1 && u[1].first > u[0].last && cx->v[u[1].first].page == cx->v[u[0].first].page &&
	                !column_block(cx, &u[1], n, seg) && column_block(cx, &u[1], n + 1, seg) &&
	                rs_total_label(&cx->v[seg[n + 1].first]);
	size_t rows = all_total ? n + 1 : n;
	int has_total[MAX_COLS] = { 0 }, total_label = all_total;
	size_t nc = 0, blocks = 0, title = 0, first_split = SIZE_MAX, tb[MAX_COLS], te[MAX_COLS];
	while (blocks + 1 < nu && nc < MAX_COLS - 1 && u[blocks + 1].first > u[blocks].last &&
	       cx->v[u[blocks + 1].first].page == cx->v[u[0].first].page) {
		unit *sg = &seg[nc * S];
		if (column_block(cx, &u[blocks + 1], rows, sg)) {
			has_total[nc] = all_total;
			nc++;
		} else if (!all_total && column_block(cx, &u[blocks + 1], n + 1, sg) &&
		           (rs_total_label(&cx->v[sg[n + 1].first]) ||
		            (total_label && sg[n + 1].first == sg[n + 1].last && figure_alone_at(cx, sg[n + 1].first)))) {
			total_label |= rs_total_label(&cx->v[sg[n + 1].first]);
			has_total[nc] = 1;
			nc++;
		} else {
			/* or two columns of figures or more as one block, interleaved: the last */
			size_t k = interleaved_figures(cx, &u[blocks + 1], rows, sg, MAX_COLS - 1 - nc, &title, tb, te);
			if (!k)
				break;
			/* (its cells laid at the stride of rows + 1: spread to this one's) */
			for (size_t c = k; c-- > 0;) {
				for (size_t r = rows; r >= 1; r--)
					seg[(nc + c) * S + r] = sg[c * (rows + 1) + r];
				has_total[nc + c] = all_total;
			}
			first_split = nc;
			for (size_t c = nc; c < nc + k; c++)
				seg[c * S] = (unit){ title, title };
			nc += k;
			blocks++;
			break;
		}
		blocks++;
	}
	if (nc + 1 < MIN_COLS)
		return 0;
	/* a total's row without its sum is no row: the blocks read so end the columns */
	int total = all_total;
	if (!all_total && total_label) {
		int sums = 0;
		for (size_t c = 0; c < nc; c++)
			sums |= has_total[c] && figure_alone_at(cx, seg[c * S + n + 1].first);
		if (!sums)
			return 0;
		total = 1;
	}
	size_t last = u[blocks].last, starts[MAX_COLS];
	unit row[MAX_COLS];
	for (size_t c = 0; c <= nc; c++)
		starts[c] = c;
	rs_add_line(cx, last, "", 0, (uint32_t)(u[0].first + 1), 1);
	for (size_t r = 0; r <= n + (size_t)total; r++) {
		/* the total's row has no number: an empty cell */
		row[0] = r <= n ? (unit){ u[0].first + r, u[0].first + r } : (unit){ 1, 0 };
		for (size_t c = 0; c < nc; c++)
			row[c + 1] = r <= n || has_total[c] ? seg[c * S + r] : (unit){ 1, 0 };
		if (r == 0 && first_split != SIZE_MAX) {
			/* the header: the interleaved columns' titles are parts of one line */
			rs_row rt = RS_ROW_INIT;
			for (size_t c = 0; c <= nc; c++) {
				if (c)
					rs_row_str(&rt, "\t");
				if (c >= first_split + 1)
					rs_row_span(cx, title, tb[c - 1 - first_split], te[c - 1 - first_split], &rt);
				else
					rs_row_lines(cx, row[c].first, row[c].last, &rt);
			}
			rs_row_place(cx, last, &rt);
			continue;
		}
		write_row(cx, last, row, starts, nc + 1, nc + 1);
	}
	if (first_split == SIZE_MAX) {
		move_units(cx, u, blocks + 1);
	} else {
		/* the interleaved block's caption stays, right before the rows */
		move_units(cx, u, blocks);
		for (size_t i = title; i <= u[blocks].last; i++)
			if (!cx->v[i].dropped)
				rs_move(cx, i, BC_RESTORE_CELLS);
	}
	cx->out->count[BC_RESTORE_CELLS]++;
	return blocks + 1;
}

/* Writes a table read column by column whose header's first cell is u[0]
 * and whose row numbers are the n lines from line `nums` on: its columns'
 * headers and cells in seg[c * (n + 1) + r] (r = 0 the header), after the
 * last of the paragraphs u[0 .. used), which are taken out.  Returns used. */
static size_t write_columns(rs_ctx *cx, unit *u, size_t used, size_t nums, const unit *seg, size_t nc, size_t n)
{
	size_t last = u[used - 1].last, starts[MAX_COLS];
	unit row[MAX_COLS];
	for (size_t c = 0; c <= nc; c++)
		starts[c] = c;
	rs_add_line(cx, last, "", 0, (uint32_t)(u[0].first + 1), 1);
	for (size_t r = 0; r <= n; r++) {
		row[0] = r ? (unit){ nums + r - 1, nums + r - 1 } : u[0];
		for (size_t c = 0; c < nc; c++)
			row[c + 1] = seg[c * (n + 1) + r];
		write_row(cx, last, row, starts, nc + 1, nc + 1);
	}
	move_units(cx, u, used);
	cx->out->count[BC_RESTORE_CELLS]++;
	return used;
}

/* pdfminer's boxes of a table printed column by column, the row numbers
 * before the header's cells: "TT" alone, a block of the row numbers 1 … n,
 * then the header's other cells each a paragraph (of up to three lines),
 * then a block of n cells a column, in the titles' order, as many blocks
 * as titles; or, after the numbers, each column's title (a paragraph) then
 * its block of n cells.  Returns the paragraphs used (0: none). */
static size_t numbers_first_at(rs_ctx *cx, unit *u, size_t nu)
{
	if (nu < 2 || u[1].first == u[1].last)
		return 0;
	size_t n = u[1].last - u[1].first + 1;
	if (n < 2 || n > MAX_COLUMN_ROWS)
		return 0;
	for (size_t r = 0; r < n; r++) {
		unit one = { u[1].first + r, u[1].first + r };
		if (row_number(cx, &one) != (long)r + 1)
			return 0;
	}
	uint32_t page = cx->v[u[0].first].page;
	size_t h = 2;
	while (h < nu && h - 2 < MAX_COLS - 1 && u[h].last - u[h].first < 3 && head_like(cx, &u[h]) && row_number(cx, &u[h]) == 0 &&
	       cx->v[u[h].first].page == page) {
		/* a title is no column's block: it does not split into n cells */
		unit probe[MAX_COLUMN_ROWS + 1];
		if (u[h].last - u[h].first + 1 >= n && column_block_as(cx, &u[h], n, probe, 0))
			break;
		h++;
	}
	size_t hc = h - 2;
	unit seg[(MAX_COLS - 1) * (MAX_COLUMN_ROWS + 1)];
	if (hc == 1) {
		/* or each column's title a box of its own right over its cells'
		 * ("Nguồn vốn" / its cells / "Kinh phí (triệu đồng)" / its cells …) */
		size_t nc = 0, j = 2;
		while (j + 1 < nu && nc < MAX_COLS - 1 && u[j].last - u[j].first < 3 && head_like(cx, &u[j]) &&
		       row_number(cx, &u[j]) == 0 && cx->v[u[j].first].page == page && cx->v[u[j + 1].first].page == page &&
		       column_block_as(cx, &u[j + 1], n, &seg[nc * (n + 1)] + 1, 0)) {
			seg[nc * (n + 1)] = u[j];
			nc++;
			j += 2;
		}
		return nc + 1 < MIN_COLS ? 0 : write_columns(cx, u, j, u[1].first, seg, nc, n);
	}
	if (hc + 1 < MIN_COLS || h + hc > nu)
		return 0;
	for (size_t c = 0; c < hc; c++) {
		unit *sg = &seg[c * (n + 1)];
		if (cx->v[u[h + c].first].page != page || !column_block_as(cx, &u[h + c], n, sg + 1, 0))
			return 0;
		sg[0] = u[2 + c];
	}
	return write_columns(cx, u, h + hc, u[1].first, seg, hc, n);
}

/* pdftotext's blocks of a narrow table printed column by column with its
 * header apart: "TT" and some of the header's cells each a paragraph, a
 * block of the row numbers 1 … n, then a block a column: first one of n
 * cells for each of those header cells, in order, then blocks of their own
 * header over n cells.  Returns the paragraphs used (0: none). */
static size_t split_columns_at(rs_ctx *cx, unit *u, size_t nu)
{
	size_t h = 1;
	while (h < nu && h <= MAX_COLS && u[h].first == u[h].last && head_like(cx, &u[h]) && row_number(cx, &u[h]) == 0)
		h++;
	size_t hc = h - 1;       /* header cells printed apart */
	if (!hc || h >= nu || u[h].first == u[h].last)
		return 0;
	size_t n = u[h].last - u[h].first + 1;
	if (n < 2 || n > MAX_COLUMN_ROWS)
		return 0;
	for (size_t r = 0; r < n; r++) {
		unit one = { u[h].first + r, u[h].first + r };
		if (row_number(cx, &one) != (long)r + 1)
			return 0;
	}
	uint32_t page = cx->v[u[0].first].page;
	for (size_t j = 1; j <= h; j++)
		if (cx->v[u[j].first].page != page)
			return 0;
	/* seg[c * (n + 1) + r]: column c's header (r = 0, none for the first hc) and cells */
	unit seg[(MAX_COLS - 1) * (MAX_COLUMN_ROWS + 1)];
	size_t nc = 0;
	while (h + 1 + nc < nu && nc < MAX_COLS - 1 && cx->v[u[h + 1 + nc].first].page == page) {
		unit *sg = &seg[nc * (n + 1)];
		if (nc < hc) {
			if (!column_block_as(cx, &u[h + 1 + nc], n, sg + 1, 0))
				break;
			sg[0] = u[1 + nc];
		} else if (!column_block(cx, &u[h + 1 + nc], n, sg)) {
			break;
		}
		nc++;
	}
	if (nc < hc || nc + 1 < MIN_COLS)
		return 0;
	return write_columns(cx, u, h + 1 + nc, u[h].first, seg, nc, n);
}

/* ---- two columns interleaved line by line ---- */

/*
 * A table of a label column and a figure column printed column by column,
 * where pdftotext took both columns into one block: a figure centred in its
 * row stands between its label's lines, so the block's lines, sorted top to
 * bottom, alternate between the columns ("Đăng ký biện pháp …", "8.368/8.654",
 * "đất, tài sản …", "(96,7%)").  A reader parts them again by what each line
 * is: a figure line (digits and their marks alone) belongs to the figures, a
 * "(…%)" under a figure goes on with it; any other line belongs to the
 * labels, a line starting in lower case or with "(", or closing a "(" the
 * label left open, going on with it.  The header's two cells are the label
 * lines standing wholly before the first figure or after the last; which
 * names the figures shows when it writes their shape and the other does not:
 * as many "/" parts ("Số lượng …/Tổng số …" over "8.368/8.654"), or a "%"
 * ("Tỷ lệ (%)" over "96,5%").  After a page break the header
 * is printed again, "TT" and the next numbers apart; a label cut by the
 * break ("(mã TTHC:" / "1.011443)") goes on over it.  The table is rebuilt
 * when the numbers, the labels and the figures are as many, the label column
 * written before the figures (as such tables are printed); else nothing
 * changes.
 */

#define MAX_CELL_LINES 16    /* lines of one cell of an interleaved column */
#define MAX_WEAVE_PAGES 4    /* pages one such table spans */

/* A cell whose lines another column's interleave: its lines in order. */
typedef struct lcell {
	size_t line[MAX_CELL_LINES];
	size_t n;
	int open;                /* "(" its lines leave open */
} lcell;

/* A page's header printed again: "TT" and the two cells (n = 0: not seen). */
typedef struct wrepeat {
	size_t before;           /* the row it stands over */
	lcell tt, cell[2];
} wrepeat;

typedef struct weave {
	lcell tt, num[MAX_COLUMN_ROWS];
	size_t nnum;
	lcell text[MAX_COLUMN_ROWS + 2], fig[MAX_COLUMN_ROWS];
	size_t ntext, nfig;
	lcell head[2];           /* the header's cells as read (after page 1) */
	int heads;               /* head[] found, taken out of text[] */
	wrepeat rep[MAX_WEAVE_PAGES];
	size_t nrep;
} weave;

static int lcell_add(const rs_ctx *cx, lcell *c, size_t i)
{
	if (c->n == MAX_CELL_LINES)
		return 0;
	c->line[c->n++] = i;
	for (size_t k = 0; k < cx->v[i].len; k++)
		c->open += cx->v[i].s[k] == '(' ? 1 : cx->v[i].s[k] == ')' ? -1 : 0;
	return 1;
}

/* Line i holds a figure and its marks alone ("8.368/8.654", "(96,7%)", "12"). */
static int figure_text(const rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n, digits = 0;
	bare(&cx->v[i], &s, &n);
	if (!n || bc_utf8_count(s, n) > MAX_VALUE)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (!strchr("0123456789,.%/()+- ", s[k]))
			return 0;
		digits += s[k] >= '0' && s[k] <= '9';
	}
	return digits > 0;
}

/* Line i closes more "(" than it opens. */
static int closes_paren(const rs_ctx *cx, size_t i)
{
	int d = 0;
	for (size_t k = 0; k < cx->v[i].len; k++)
		d += cx->v[i].s[k] == ')' ? 1 : cx->v[i].s[k] == '(' ? -1 : 0;
	return d > 0;
}

/* The "/" parts of a cell's text, or of its first line (first). */
static size_t slash_parts(const rs_ctx *cx, const lcell *c, int first)
{
	size_t parts = 1;
	for (size_t k = 0; k < (first ? 1 : c->n); k++)
		for (size_t b = 0; b < cx->v[c->line[k]].len; b++)
			parts += cx->v[c->line[k]].s[b] == '/';
	return parts;
}

/* A line of the cell holds a '%'. */
static int has_percent(const rs_ctx *cx, const lcell *c)
{
	for (size_t k = 0; k < c->n; k++)
		if (memchr(cx->v[c->line[k]].s, '%', cx->v[c->line[k]].len))
			return 1;
	return 0;
}

/* The header's cells of page 1: the label cells wholly before the first
 * figure line or after the last, two of them, each a header's short title
 * (a letter or "(" first, no sentence's end); taken out of the labels.  0 when they are not so. */
static int weave_heads(const rs_ctx *cx, weave *w)
{
	if (w->heads)
		return 1;
	if (!w->nfig)
		return 0;
	size_t ff = w->fig[0].line[0], lf = w->fig[w->nfig - 1].line[w->fig[w->nfig - 1].n - 1], at[2], nh = 0;
	for (size_t t = 0; t < w->ntext; t++) {
		const lcell *c = &w->text[t];
		if (c->line[c->n - 1] > ff && c->line[0] < lf)
			continue;
		size_t bytes = 0;
		for (size_t k = 0; k < c->n; k++)
			bytes += cx->v[c->line[k]].len + 1;
		const char *s;
		size_t n;
		bare(&cx->v[c->line[c->n - 1]], &s, &n);
		unit first = { c->line[0], c->line[0] };
		uint32_t cp = first_cp(cx, &first);
		if (nh == 2 || bytes > MAX_HEAD_BYTES || !n || strchr(".;:,", s[n - 1]) || !(cp == '(' || bc_cp_is_letter(cp)))
			return 0;
		at[nh++] = t;
	}
	if (nh != 2)
		return 0;
	w->head[0] = w->text[at[0]];
	w->head[1] = w->text[at[1]];
	size_t k = 0;
	for (size_t t = 0; t < w->ntext; t++)
		if (t != at[0] && t != at[1])
			w->text[k++] = w->text[t];
	for (size_t t = k; t < w->ntext; t++)
		w->text[t] = (lcell){ { 0 }, 0, 0 };
	w->ntext = k;
	w->heads = 1;
	return 1;
}

/* The numbers, labels and figures read are as many, and every header printed again is whole (or not printed). */
static int weave_even(const rs_ctx *cx, const weave *w)
{
	weave tmp;
	const weave *x = w;
	if (!w->heads) {
		tmp = *w;
		if (!weave_heads(cx, &tmp))
			return 0;
		x = &tmp;
	}
	for (size_t r = 0; r < x->nrep; r++) {
		size_t seen = !!x->rep[r].tt.n + !!x->rep[r].cell[0].n + !!x->rep[r].cell[1].n;
		if (seen != 0 && seen != 3)
			return 0;
	}
	return x->nnum >= 2 && x->ntext == x->nnum && x->nfig == x->nnum;
}

/* Line i and those after it in paragraph b are header cell h's lines: how many, or 0. */
static size_t repeats_cell(const rs_ctx *cx, const unit *b, size_t i, const lcell *h)
{
	if (i + h->n - 1 > b->last)
		return 0;
	for (size_t k = 0; k < h->n; k++)
		if (!same_line(cx, i + k, h->line[k]))
			return 0;
	return h->n;
}

/* Every line of paragraph b reads the next row number (after a "TT" at its top). */
static int numbers_only(const rs_ctx *cx, const unit *b, long next)
{
	for (size_t i = b->first; i <= b->last; i++) {
		unit one = { i, i };
		if (i == b->first && is_number_head(&cx->v[i]))
			continue;
		if (row_number(cx, &one) != next++)
			return 0;
	}
	return 1;
}

/* Reads the paragraphs u[0 .. nu) into w, u[0] "TT" over its numbers or
 * alone (its numbers in the next paragraphs); returns how many paragraphs
 * make a whole table (0: none). */
static size_t weave_read(const rs_ctx *cx, const unit *u, size_t nu, weave *w)
{
	memset(w, 0, sizeof *w);
	size_t best = 0;
	long first = 0;
	w->tt.line[w->tt.n++] = u[0].first;
	for (size_t i = u[0].first + 1; i <= u[0].last; i++) {
		unit one = { i, i };
		long v = row_number(cx, &one);
		if (i == u[0].first + 1)
			first = v;
		if (v <= 0 || v != first + (long)w->nnum || w->nnum == MAX_COLUMN_ROWS)
			return 0;
		w->num[w->nnum++].line[0] = i;
		w->num[w->nnum - 1].n = 1;
	}
	/* "TT" alone: the numbers follow in paragraphs of their own */
	if (!w->nnum && nu > 1) {
		unit one = { u[1].first, u[1].first };
		first = row_number(cx, &one);
		if (first <= 0)
			return 0;
	}
	uint32_t page = cx->v[u[0].first].page;
	int body = 0;            /* a label or figure seen on this page */
	for (size_t p = 1; p < nu; p++) {
		const unit *b = &u[p];
		if (cx->v[b->first].page != page) {
			/* a new page: the header printed again, then the next numbers */
			if (cx->v[b->first].page != page + 1 || w->nrep == MAX_WEAVE_PAGES || !weave_heads(cx, w))
				break;
			page = cx->v[b->first].page;
			memset(&w->rep[w->nrep], 0, sizeof w->rep[w->nrep]);
			w->rep[w->nrep++].before = w->nnum;
			body = 0;
		}
		wrepeat *rp = w->nrep ? &w->rep[w->nrep - 1] : NULL;
		if (!body && numbers_only(cx, b, first + (long)w->nnum)) {
			for (size_t i = b->first; i <= b->last; i++) {
				int tt = i == b->first && is_number_head(&cx->v[i]);
				if (tt ? !rp || rp->tt.n != 0 : w->nnum == MAX_COLUMN_ROWS)
					goto done;
				lcell *c = tt ? &rp->tt : &w->num[w->nnum++];
				c->line[c->n++] = i;
			}
			continue;
		}
		for (size_t i = b->first; i <= b->last; i++) {
			if (bc_utf8_count(cx->v[i].s, cx->v[i].len) > MAX_COLUMN_LINE)
				goto done;   /* a line of text across the page */
			size_t got = 0;
			for (size_t h = 0; rp && h < 2 && !got; h++)
				if (!rp->cell[h].n && (got = repeats_cell(cx, b, i, &w->head[h])))
					for (size_t k = 0; k < got; k++)
						lcell_add(cx, &rp->cell[h], i + k);
			if (got) {
				i += got - 1;
				continue;
			}
			if (!body && rp && !rp->tt.n && is_number_head(&cx->v[i])) {
				lcell_add(cx, &rp->tt, i);
				continue;
			}
			body = 1;
			lcell *t = w->ntext ? &w->text[w->ntext - 1] : NULL;
			uint32_t cp = 0;
			const char *s;
			size_t n;
			bare(&cx->v[i], &s, &n);
			if (n)
				bc_utf8_decode(s, n, &cp);
			int ok;
			if (t && t->open > 0 && closes_paren(cx, i)) {
				ok = lcell_add(cx, t, i);   /* a label's "(" closed, over a page break too */
			} else if (figure_text(cx, i)) {
				if (cp == '(' && w->nfig)
					ok = lcell_add(cx, &w->fig[w->nfig - 1], i);
				else
					ok = w->nfig < MAX_COLUMN_ROWS && lcell_add(cx, &w->fig[w->nfig++], i);
			} else if (t && (cp == '(' || bc_cp_is_lower(cp))) {
				ok = lcell_add(cx, t, i);
			} else {
				ok = w->ntext < MAX_COLUMN_ROWS + 2 && lcell_add(cx, &w->text[w->ntext++], i);
			}
			if (!ok)
				goto done;
		}
		if (weave_even(cx, w))
			best = p + 1;
	}
done:
	return best;
}

/* Which header cell names the figures: the one that writes the figures'
 * own shape when the other does not, as many "/" parts as each figure's
 * first line ("Số lượng …/Tổng số …" over "8.368/8.654") or a "%" when every
 * figure has one ("Tỷ lệ (%)" over "96,7%"); -1 when nothing tells, or the
 * two disagree. */
static int figures_head(const rs_ctx *cx, const weave *w)
{
	int by_slash = -1, by_percent = -1;
	size_t parts = slash_parts(cx, &w->fig[0], 1);
	int all_percent = 1;
	for (size_t r = 0; r < w->nfig; r++) {
		if (slash_parts(cx, &w->fig[r], 1) != parts)
			parts = 0;
		all_percent &= has_percent(cx, &w->fig[r]);
	}
	int s0 = slash_parts(cx, &w->head[0], 0) == parts, s1 = slash_parts(cx, &w->head[1], 0) == parts;
	if (parts >= 2 && s0 != s1)
		by_slash = s0 ? 0 : 1;
	int p0 = has_percent(cx, &w->head[0]), p1 = has_percent(cx, &w->head[1]);
	if (all_percent && p0 != p1)
		by_percent = p0 ? 0 : 1;
	if (by_slash >= 0 && by_percent >= 0 && by_slash != by_percent)
		return -1;
	return by_slash >= 0 ? by_slash : by_percent;
}

/* Every label's line that another goes on from was wrapped: it nearly fills
 * the column (three fifths of its widest line at least).  A short line gone
 * on from by a lower-case one is a cell of a third column ("hồ sơ" under
 * "Đơn vị tính") taken for a label's end: the columns are not two. */
static int labels_wrapped(const rs_ctx *cx, const weave *w)
{
	size_t widest = 0;
	for (size_t t = 0; t < w->ntext; t++)
		for (size_t k = 0; k < w->text[t].n; k++) {
			size_t i = w->text[t].line[k], n = bc_utf8_count(cx->v[i].s, cx->v[i].len);
			widest = n > widest ? n : widest;
		}
	for (size_t t = 0; t < w->ntext; t++)
		for (size_t k = 0; k + 1 < w->text[t].n; k++) {
			size_t i = w->text[t].line[k];
			if (5 * bc_utf8_count(cx->v[i].s, cx->v[i].len) < 3 * widest)
				return 0;
		}
	return 1;
}

static void write_lrow(rs_ctx *cx, size_t after, const lcell *const *cells, size_t nc)
{
	rs_row rt = RS_ROW_INIT;
	for (size_t c = 0; c < nc; c++) {
		if (c)
			rs_row_str(&rt, "\t");
		for (size_t k = 0; k < cells[c]->n; k++)
			rs_row_lines(cx, cells[c]->line[k], cells[c]->line[k], &rt);
	}
	rs_row_add(cx, after, &rt, 0, 0);
}

/* The table from u[0], "TT" over its numbers or before them, when its label
 * and figure columns come out interleaved; returns the paragraphs used (0: none). */
static size_t interleaved_at(rs_ctx *cx, unit *u, size_t nu)
{
	weave *w = bc_xmalloc(sizeof *w);
	size_t used = weave_read(cx, u, nu, w);
	if (used)
		used = weave_read(cx, u, used, w);   /* read again up to the end found */
	if (!used || !weave_heads(cx, w))
		goto none;
	int fh = figures_head(cx, w);
	if (fh < 0 || !labels_wrapped(cx, w))
		goto none;
	size_t hf = (size_t)fh, ht = 1 - hf;
	size_t last = u[used - 1].last;
	rs_add_line(cx, last, "", 0, (uint32_t)(u[0].first + 1), 1);
	const lcell *row[3] = { &w->tt, &w->head[ht], &w->head[hf] };
	write_lrow(cx, last, row, 3);
	for (size_t r = 0; r < w->nnum; r++) {
		for (size_t x = 0; x < w->nrep; x++)
			if (w->rep[x].before == r && w->rep[x].tt.n) {
				const lcell *rr[3] = { &w->rep[x].tt, &w->rep[x].cell[ht], &w->rep[x].cell[hf] };
				write_lrow(cx, last, rr, 3);
			}
		const lcell *br[3] = { &w->num[r], &w->text[r], &w->fig[r] };
		write_lrow(cx, last, br, 3);
	}
	move_units(cx, u, used);
	cx->out->count[BC_RESTORE_CELLS]++;
	free(w);
	return used;
none:
	free(w);
	return 0;
}

/* ---- numbered rows under a header pdftotext interleaved ---- */

/* A value cell: a paragraph of one short line, a figure ("6,78", "81,82%",
 * "7,37/10") or a word in capitals ("TỐT", "KHÁ"), without a pipe. */
static int value_cell(const rs_ctx *cx, const unit *u)
{
	const char *s;
	size_t n;
	if (!one_line(cx, u, &s, &n))
		return 0;
	if (!n || bc_utf8_count(s, n) > MAX_VALUE)
		return 0;
	if ((s[0] >= '0' && s[0] <= '9') || ((s[0] == '-' || s[0] == '+') && n > 1 && s[1] >= '0' && s[1] <= '9')) {
		for (size_t k = 0; k < n; k++)
			if (!strchr("0123456789,.%/+- ", s[k]))
				return 0;
		return 1;
	}
	int letters = 0;
	for (size_t k = 0; k < n;) {
		uint32_t cp = 0;
		int w = bc_utf8_decode(s + k, n - k, &cp);
		if (w <= 0)
			return 0;
		if (cp != ' ' && (!bc_cp_is_letter(cp) || bc_cp_is_lower(cp)))
			return 0;
		letters += cp != ' ';
		k += (size_t)w;
	}
	return letters > 0 && !is_number_head(&cx->v[u->first]);
}

/* No line of paragraph u holds a '|' (a pipe table's row would split there). */
static int no_pipe(const rs_ctx *cx, const unit *u)
{
	for (size_t i = u->first; i <= u->last; i++)
		if (!cx->v[i].dropped && memchr(cx->v[i].s, '|', cx->v[i].len))
			return 0;
	return 1;
}

static int goes_on(const rs_ctx *cx, size_t i);

/* A row's label: a paragraph that is no value and starts with a letter or
 * "(", each later line going on with the one before (lower case, "(": not
 * the labels of several rows in one block). */
static int label_cell(const rs_ctx *cx, const unit *u)
{
	uint32_t cp = first_cp(cx, u);
	if (value_cell(cx, u) || !(bc_cp_is_letter(cp) || cp == '(') || !no_pipe(cx, u))
		return 0;
	for (size_t i = u->first + 1; i <= u->last; i++)
		if (!goes_on(cx, i))
			return 0;
	return 1;
}

/* The row numbered k at u[at]: its number, its label (a paragraph, and those
 * going on with it) and the values after it, up to `lim` paragraphs of one
 * page.  *lab: the first value's paragraph; returns the values counted
 * greedily (the next row's number among them), or -1 when u[at] opens no row. */
static long row_at(const rs_ctx *cx, const unit *u, size_t nu, size_t at, long k, size_t *lab)
{
	if (at + 1 >= nu || row_number(cx, &u[at]) != k || !label_cell(cx, &u[at + 1]))
		return -1;
	uint32_t page = cx->v[u[at].first].page;
	size_t l = at + 2;
	while (l < nu && l < at + 2 + MAX_EXTRA && cx->v[u[l].first].page == page && continues(cx, &u[l]) && label_cell(cx, &u[l]))
		l++;
	size_t v = l;
	while (v < nu && v - l <= MAX_COLS && cx->v[u[v].first].page == page && value_cell(cx, &u[v]))
		v++;
	*lab = l;
	return (long)(v - l);
}

/* A table pdftotext wrote row after row but with its header's cells among
 * its first rows (dense tables, a header repeated after a page break): from
 * the row numbered at u[0] on, rows each of a number, a label and the same
 * number of values, numbered on by one, MIN_RUN rows at least; then rows of
 * a label and as many values ("Tổng cộng", "Chỉ số chung").  The header
 * cannot be told from the rows it is mixed with: the rows are written back
 * as a pipe table without header rows, the header's paragraphs stay as
 * they are.  Returns the paragraphs used (0: none). */
typedef struct run {
	size_t j, used;          /* its paragraphs: u[j .. j + used) */
	long first, last;        /* its first and last row numbers */
	size_t nv;               /* values a row */
	int keep;
} run;

/* Line i, in a row's paragraphs, as a header prints it: short, no figure,
 * starting with a letter or "(", not a sentence's end. */
static int head_fragment(const rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	bare(&cx->v[i], &s, &n);
	if (!n || n > MAX_HEAD_BYTES || strchr(".;:,", s[n - 1]))
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((s[k] >= '0' && s[k] <= '9') || s[k] == '|')
			return 0;
	uint32_t cp = 0;
	bc_utf8_decode(s, n, &cp);
	return cp == '(' || bc_cp_is_letter(cp);
}

/* Line i a figure ("74,00", "71,46%") standing alone on its line. */
static int figure_line(const rs_ctx *cx, size_t i)
{
	unit one = { i, i };
	uint32_t cp = first_cp(cx, &one);
	return value_cell(cx, &one) && !bc_cp_is_letter(cp);
}

/* The row numbered k whose label ends before u[l], its values among a
 * repeated header's fragments (the first row under a page's header, or the
 * last over it, pdftotext printing both in one stream): up to the paragraph
 * reading k + 1 with a label after it, every line a figure or a header's
 * fragment, exactly nv figures, one page break at most.  The figures, in
 * the order read, go to vals[]; returns the paragraph of k + 1, or 0. */
static size_t mixed_row(const rs_ctx *cx, const unit *u, size_t nu, size_t at, size_t l, long k, size_t nv, unit *vals)
{
	uint32_t page = cx->v[u[at].first].page;
	size_t got = 0, heads = 0, lines = 0;
	for (size_t p = l; p < nu && p < l + MAX_MIXED; p++) {
		if (cx->v[u[p].first].page > page + 1)
			return 0;
		if (got == nv && heads && row_number(cx, &u[p]) == k + 1 && p + 1 < nu && label_cell(cx, &u[p + 1]))
			return p;
		if (u[p].first == u[p].last && value_cell(cx, &u[p])) {
			if (got == nv)
				return 0;
			vals[got++] = u[p];
			continue;
		}
		for (size_t i = u[p].first; i <= u[p].last; i++) {
			if (++lines > MAX_MIXED_LINES)
				return 0;
			if (figure_line(cx, i)) {
				if (got == nv)
					return 0;
				vals[got++] = (unit){ i, i };
			} else if (head_fragment(cx, i)) {
				heads++;
			} else {
				return 0;
			}
		}
	}
	return 0;
}

/* u[p] reads a number and a label follows it: a row's start, not a value. */
static int opens_row(const rs_ctx *cx, const unit *u, size_t nu, size_t p)
{
	return row_number(cx, &u[p]) > 0 && p + 1 < nu && label_cell(cx, &u[p + 1]);
}

/* What a value looks like: a word in capitals 3, a figure with "/" 2, with "%" 1, any other 0. */
static int value_kind(const rs_ctx *cx, const unit *v)
{
	const char *s;
	size_t n;
	bare(&cx->v[v->first], &s, &n);
	if (n && !(s[0] >= '0' && s[0] <= '9') && s[0] != '-' && s[0] != '+')
		return 3;
	return memchr(s, '/', n) ? 2 : memchr(s, '%', n) ? 1 : 0;
}

/* One row read: its number's paragraph, its label's paragraphs [lab0, lab1),
 * its values vals[v0 .. v0 + nv) (paragraphs, or lines among a header's). */
typedef struct nrow {
	size_t num, lab0, lab1, v0;
} nrow;

static size_t numbered_at(rs_ctx *cx, unit *u, size_t nu, run *rn, int write)
{
	long k = row_number(cx, &u[0]);
	size_t lab;
	long m = row_at(cx, u, nu, 0, k, &lab);
	/* the values of a row that goes on: the next number closes them */
	if (m < 3 || row_number(cx, &u[lab + (size_t)m - 1]) != k + 1)
		return 0;
	size_t nv = (size_t)m - 1;
	if (nv + 2 > MAX_COLS)
		return 0;
	size_t nc = nv + 2, cap = MAX_RUN_ROWS + MAX_TAIL;
	nrow *rows = bc_xmalloc(cap * sizeof *rows);
	unit *vals = bc_xmalloc(cap * nv * sizeof *vals);
	size_t nr = 0, at = 0, used = 0, ntail = 0;
	int kind[MAX_COLS];      /* each column's value_kind in the clean rows, -1 when they differ */
	for (;;) {
		m = row_at(cx, u, nu, at, k, &lab);
		if (m < 0 || nr == MAX_RUN_ROWS)
			break;
		size_t labstart = at + 1;
		unit *rv = &vals[nr * nv];
		rows[nr] = (nrow){ at, labstart, lab, nr * nv };
		if (m == (long)nv + 1 && row_number(cx, &u[lab + nv]) == k + 1) {
			/* a clean row, and the next one's number */
			memcpy(rv, &u[lab], nv * sizeof *rv);
			for (size_t x = 0; x < nv; x++) {
				int vk = value_kind(cx, &rv[x]);
				kind[x] = !nr || kind[x] == vk ? vk : -1;
			}
			nr++;
			used = at = lab + nv;
			k++;
			continue;
		}
		size_t next = nr ? mixed_row(cx, u, nu, at, lab, k, nv, rv) : 0;
		/* the figures taken in the order read: each as its column's look in
		 * the clean rows ("%" under "%"), or the row is not read */
		for (size_t x = 0; next && x < nv; x++)
			if (kind[x] >= 0 && value_kind(cx, &rv[x]) != kind[x])
				next = 0;
		if (next) {
			nr++;
			used = at = next;
			k++;
			continue;
		}
		if (m == (long)nv && !opens_row(cx, u, nu, lab + nv - 1)) {
			/* the last row (not one short of a value, the next row's number its last) */
			memcpy(rv, &u[lab], nv * sizeof *rv);
			nr++;
			used = lab + nv;
		}
		break;
	}
	if (nr < MIN_RUN)
		goto none;
	/* a row that went on with no row after it read: its values end before the number */
	at = used;
	/* rows of a label and as many values, closed by a paragraph that is none */
	uint32_t page = cx->v[u[at - 1].first].page;
	while (ntail < MAX_TAIL && at + 1 + nv <= nu && row_number(cx, &u[at]) == 0 &&
	       label_cell(cx, &u[at]) && head_like(cx, &u[at]) && cx->v[u[at].first].page == page) {
		size_t v = at + 1;
		while (v < at + 1 + nv && cx->v[u[v].first].page == page && value_cell(cx, &u[v]))
			v++;
		if (v < at + 1 + nv || (v < nu && cx->v[u[v].first].page == page && value_cell(cx, &u[v])) || opens_row(cx, u, nu, v - 1))
			break;
		rows[nr] = (nrow){ (size_t)-1, at, at + 1, nr * nv };
		memcpy(&vals[nr * nv], &u[at + 1], nv * sizeof *vals);
		nr++;
		at = v;
		ntail++;
	}
	for (size_t j = 0; j < at; j++)
		if (!no_pipe(cx, &u[j]))
			goto none;
	rn->used = at;
	rn->first = row_number(cx, &u[0]);
	rn->last = row_number(cx, &u[rows[nr - ntail - 1].num]);
	rn->nv = nv;
	if (!write)
		goto done;
	/* written back: a blank line, the rule of a table without header rows, the rows */
	size_t last = u[at - 1].last;
	rs_add_line(cx, last, "", 0, (uint32_t)(u[0].first + 1), 1);
	rs_add_pipe_rule(cx, last, nc, (uint32_t)(u[0].first + 1));
	for (size_t r = 0; r < nr; r++) {
		/* the row's paragraphs: number (or none), label, values */
		unit cu[1 + MAX_EXTRA + 1 + MAX_COLS];
		size_t st[MAX_COLS], n = 0, c = 0;
		st[c++] = 0;
		if (rows[r].num != (size_t)-1)
			cu[n++] = u[rows[r].num];
		st[c++] = n;
		for (size_t j = rows[r].lab0; j < rows[r].lab1; j++)
			cu[n++] = u[j];
		for (size_t x = 0; x < nv; x++) {
			st[c++] = n;
			cu[n++] = vals[rows[r].v0 + x];
		}
		write_row_as(cx, last, cu, st, nc, n, 1);
		for (size_t j = 0; j < n; j++)
			for (size_t i = cu[j].first; i <= cu[j].last; i++)
				if (!cx->v[i].dropped)
					rs_move(cx, i, BC_RESTORE_ROWS);
	}
	cx->out->count[BC_RESTORE_ROWS]++;
done:
	free(rows);
	free(vals);
	return at;
none:
	free(rows);
	free(vals);
	return 0;
}


/* ---- rows numbered with their labels, the values' columns in blocks after them ---- */

/*
 * pdftotext (and pdfminer) write a long ranking table's columns as blocks of
 * their own when the number and the name stand close: one block of
 * "21 UBND xã Tân Hải" lines, the rows numbered on as places are, then a
 * block for each column of values, as many lines as the rows, each line
 * the same count of figures (two columns printed close come out on one
 * line: "60,49 81,74%").  The header's cells come out scrambled above
 * ("Điểm Điểm tự chuẩn đánh tối đa giá"): the rows are written as a pipe
 * table without header rows, the header's lines stay text, and a note says
 * so.  Only on the evidence of the counts: every block exactly as many
 * lines as the rows, every line of it figures alone.
 */

#define LC_MIN_ROWS 3
#define LC_MAX_FIGURES 4     /* figures on one line of a values' block */

/* "21 UBND xã Tân Hải": a number of up to four digits, a space, then a letter
 * or "("; its number in *v and where the label starts in *lab.  0 when not. */
static int numbered_label(const rs_line *l, long *v, size_t *lab)
{
	if (l->dropped || bc_utf8_count(l->s, l->len) > MAX_COLUMN_LINE || memchr(l->s, '\t', l->len) || memchr(l->s, '|', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	size_t d = 0;
	*v = 0;
	while (d < n && d < 5 && s[d] >= '0' && s[d] <= '9')
		*v = *v * 10 + (s[d++] - '0');
	if (!d || d > 4 || *v <= 0 || d + 1 >= n || s[d] != ' ')
		return 0;
	uint32_t cp = 0;
	bc_utf8_decode(s + d + 1, n - d - 1, &cp);
	if (!(bc_cp_is_letter(cp) || cp == '('))
		return 0;
	*lab = (size_t)(s - l->s) + d + 1;
	return 1;
}

/* The figures alone on line l ("74,00", "60,49 81,74%"): their count (at most
 * LC_MAX_FIGURES), their bytes in fb/fe; 0 when the line holds anything else. */
static size_t line_figures(const rs_line *l, size_t *fb, size_t *fe)
{
	if (l->dropped || memchr(l->s, '|', l->len))
		return 0;
	size_t nf = 0, i = 0;
	while (i < l->len) {
		while (i < l->len && l->s[i] == ' ')
			i++;
		if (i == l->len)
			break;
		size_t j = i;
		while (j < l->len && l->s[j] != ' ')
			j++;
		if (!rs_figure_token(l->s + i, j - i) || nf == LC_MAX_FIGURES)
			return 0;
		fb[nf] = i, fe[nf++] = j;
		i = j;
	}
	return nf;
}

/* Paragraph u's lines are the rows' numbered labels, the numbers counting on
 * as places do (each the one before plus one, or the same for a tie and then
 * the place it stands at): how many rows, 0 when not (or fewer than LC_MIN_ROWS). */
static size_t numbered_labels(const rs_ctx *cx, const unit *u)
{
	size_t n = u->last - u->first + 1;
	if (n < LC_MIN_ROWS)
		return 0;
	long first = 0, prev = 0, v;
	size_t lab;
	for (size_t r = 0; r < n; r++) {
		if (!numbered_label(&cx->v[u->first + r], &v, &lab))
			return 0;
		if (r == 0)
			first = v;
		else if (v != prev && v != first + (long)r)
			return 0;
		prev = v;
	}
	return n;
}

/* A table without header rows of nc columns, written after line `last`: a
 * blank line and its rule, standing at the labels' first line. */
static void headless_open(rs_ctx *cx, const unit *labels, size_t last, size_t nc)
{
	rs_add_line(cx, last, "", 0, (uint32_t)(labels->first + 1), 1);
	rs_add_pipe_rule(cx, last, nc, (uint32_t)(labels->first + 1));
}

/* The note that the header stays text, and the table counted. */
static void headless_done(rs_ctx *cx, const unit *labels)
{
	bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_HEADLESS, (bc_pos){ (uint32_t)(labels->first + 1), 1 }, NULL);
	cx->out->count[BC_RESTORE_CELLS]++;
}

/* A row's first cells, from its label line li ("21 UBND xã Tân Hải"): "| 21 | UBND xã Tân Hải". */
static void label_row_open(const rs_ctx *cx, size_t li, rs_row *rt)
{
	const rs_line *l = &cx->v[li];
	long v;
	size_t lab;
	numbered_label(l, &v, &lab);
	const char *s;
	size_t len;
	rs_trim(l, &s, &len);
	size_t b = (size_t)(s - l->s);
	rs_row_str(rt, "| ");
	rs_row_span(cx, li, b, lab - 1, rt);
	rs_row_str(rt, " | ");
	rs_row_span(cx, li, lab, b + len, rt);
}

/* A value's cell: bytes [b, e) of line vi. */
static void label_row_value(const rs_ctx *cx, size_t vi, size_t b, size_t e, rs_row *rt)
{
	rs_row_str(rt, " | ");
	rs_row_span(cx, vi, b, e, rt);
}

/* The row closed and written after line `last`, where its number stands. */
static void label_row_write(rs_ctx *cx, size_t last, rs_row *rt)
{
	rs_row_str(rt, " |");
	rs_row_add(cx, last, rt, rt->jumps[0].to_line, rt->jumps[0].shift);
}

/* The table whose numbered labels are paragraph u[0]: returns the paragraphs used (0: none). */
static size_t labelled_columns_at(rs_ctx *cx, const unit *u, size_t nu)
{
	size_t n = numbered_labels(cx, &u[0]);
	if (!n)
		return 0;
	/* the values' blocks: each exactly n lines, each line as many figures as the block's first */
	size_t nb = 0, nv = 0, fb[LC_MAX_FIGURES], fe[LC_MAX_FIGURES];
	while (nb + 1 < nu && u[nb + 1].last - u[nb + 1].first + 1 == n && cx->v[u[nb + 1].first].page == cx->v[u[0].first].page) {
		size_t m = line_figures(&cx->v[u[nb + 1].first], fb, fe);
		int ok = m > 0 && nv + m + 2 <= MAX_COLS;
		for (size_t i = u[nb + 1].first + 1; i <= u[nb + 1].last && ok; i++)
			ok = line_figures(&cx->v[i], fb, fe) == m;
		if (!ok)
			break;
		nv += m;
		nb++;
	}
	if (!nb || nv + 2 < MIN_COLS)
		return 0;
	size_t last = u[nb].last;
	headless_open(cx, &u[0], last, nv + 2);
	for (size_t r = 0; r < n; r++) {
		rs_row rt = RS_ROW_INIT;
		label_row_open(cx, u[0].first + r, &rt);
		for (size_t k = 1; k <= nb; k++) {
			size_t vi = u[k].first + r;
			size_t m = line_figures(&cx->v[vi], fb, fe);
			for (size_t f = 0; f < m; f++)
				label_row_value(cx, vi, fb[f], fe[f], &rt);
		}
		label_row_write(cx, last, &rt);
	}
	move_units(cx, u, nb + 1);
	headless_done(cx, &u[0]);
	return nb + 1;
}

/*
 * pdftotext's default mode may write a small table of figures so: the
 * block of its numbered labels ("1 Thu ngân sách …"), or a block of the row
 * numbers alone ("1" / "2" / "3") and one of the labels, a total's last
 * ("Lúa" / "Ngô" / "Rau màu các loại" / "Tổng cộng"); then blocks holding
 * the header's pieces and, at their ends, figures on lines of their own, n
 * rows × m columns in reading order ("7.944,5" / "4.210,6" / "53,0" /
 * "18.650,0" …), one block or more, a block of the header's pieces alone
 * between them.  Row after row or column after column cannot be told from
 * the order alone; the figures tell it: a column's figures are alike (as
 * many digits before the comma), and the reading whose columns are far more
 * alike is taken, row after row only (the order pdftotext reads cells in);
 * or the total's row is the sum of the rows above in one reading and not in
 * the other.  When neither tells, the lines stay text.  The header's pieces
 * stay text and a note says so.
 */

/* A figure's value as offices write it: "." between thousands, "," before
 * the decimals ("7.944,5", "5.200", "53,0", "81,74%"); *dec its decimals.
 * 0 when it is not such a figure. */
static int figure_value(const char *s, size_t n, double *v, int *dec)
{
	double x = 0, scale = 0;
	int digits = 0;
	*dec = 0;
	while (n && (s[n - 1] == '%'))
		n--;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (scale > 0) {
				x += (c - '0') * scale;
				scale /= 10;
				(*dec)++;
			} else {
				x = x * 10 + (c - '0');
			}
			digits++;
		} else if (c == ',' && scale == 0) {
			scale = 0.1;
		} else if (c != '.' || scale > 0) {
			return 0;
		}
	}
	*v = x;
	return digits > 0;
}

/* Digits before the decimal comma of a figure line ("18.650,0": 5). */
static size_t int_digits(const rs_line *l)
{
	size_t d = 0;
	for (size_t i = 0; i < l->len && l->s[i] != ','; i++)
		d += l->s[i] >= '0' && l->s[i] <= '9';
	return d;
}

/* How unlike a column's figures are, summed over the columns, when the
 * n × m figure lines from line f are read row after row (rows 1) or column
 * after column (rows 0): each column's widest less its narrowest. */
static size_t spread(const rs_ctx *cx, size_t f, size_t n, size_t m, int rows)
{
	size_t sum = 0;
	for (size_t c = 0; c < m; c++) {
		size_t lo = SIZE_MAX, hi = 0;
		for (size_t r = 0; r < n; r++) {
			size_t d = int_digits(&cx->v[f + (rows ? r * m + c : c * n + r)]);
			lo = d < lo ? d : lo;
			hi = d > hi ? d : hi;
		}
		sum += hi - lo;
	}
	return sum;
}

/* Whether, the n × m figure lines from line f read row after row (rows 1)
 * or column after column, the last row is the sum of the rows above in half
 * the columns or more (a total's row; a column of rates is no sum). */
static int sums_agree(const rs_ctx *cx, size_t f, size_t n, size_t m, int rows)
{
	size_t agree = 0, fb[LC_MAX_FIGURES], fe[LC_MAX_FIGURES];
	for (size_t c = 0; c < m; c++) {
		double sum = 0, v = 0, total = 0;
		int maxdec = 0, dec = 0, ok = 1;
		for (size_t r = 0; r < n && ok; r++) {
			const rs_line *l = &cx->v[f + (rows ? r * m + c : c * n + r)];
			ok = line_figures(l, fb, fe) == 1 && figure_value(l->s + fb[0], fe[0] - fb[0], &v, &dec);
			maxdec = dec > maxdec ? dec : maxdec;
			if (r + 1 < n)
				sum += v;
			else
				total = v;
		}
		double tol = 0.5 * (double)n;
		for (int d = 0; d < maxdec; d++)
			tol /= 10;
		agree += ok && total > 0 && sum - total <= tol + 1e-9 && total - sum <= tol + 1e-9;
	}
	return agree && 2 * agree >= m;
}

/* How the n × m figure lines from line f are read: 1 row after row, 0
 * column after column, -1 when the figures do not tell (total: the last
 * row is a total's). */
static int figures_order(const rs_ctx *cx, size_t f, size_t n, size_t m, int total)
{
	size_t by_rows = spread(cx, f, n, m, 1), by_cols = spread(cx, f, n, m, 0);
	if (by_cols >= 2 && 3 * by_rows < by_cols)
		return 1;
	if (total) {
		int r = sums_agree(cx, f, n, m, 1), c = sums_agree(cx, f, n, m, 0);
		if (r != c)
			return r;
	}
	return -1;
}

/* "Tổng cộng", "TỔNG SỐ", "Cộng": a total's label (restore_int.h). */
int rs_total_label(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	static const char *const words[] = { "Tổng", "TỔNG", "Cộng", "CỘNG" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t w = strlen(words[i]);
		if (bc_starts(s, n, words[i]) && (n == w || s[w] == ' '))
			return 1;
	}
	return 0;
}

/* Paragraph u[0] is the row numbers alone, 1 to k ("1" / "2" / "3"), under
 * the header's "TT" or not, and u[1] the rows' labels, k of them or k + 1
 * with a total's last, none of them a figure, under a header's cell of one
 * line ("Nội dung") or not: the rows (*n), the numbered ones (*k), and the
 * lines of u[0] and u[1] where the numbers and the labels start (*nf, *lf;
 * the header's cells above them stay text).  0 when not. */
static int numbers_then_labels(const rs_ctx *cx, const unit *u, size_t nu, size_t *k, size_t *n, size_t *nf,
                               size_t *lf)
{
	if (nu < 3 || cx->v[u[1].first].page != cx->v[u[0].first].page)
		return 0;
	size_t n0 = u[0].first + (head_line(&cx->v[u[0].first]) ? 1 : 0);
	if (n0 > u[0].last)
		return 0;
	size_t kk = u[0].last - n0 + 1;
	if (kk < LC_MIN_ROWS)
		return 0;
	for (size_t r = 0; r < kk; r++) {
		const rs_line *l = &cx->v[n0 + r];
		const char *s;
		size_t len;
		rs_trim(l, &s, &len);
		char num[8];
		int w = snprintf(num, sizeof num, "%zu", r + 1);
		if (l->dropped || len != (size_t)w || memcmp(s, num, len) != 0)
			return 0;
	}
	size_t lines = u[1].last - u[1].first + 1, fb[LC_MAX_FIGURES], fe[LC_MAX_FIGURES];
	for (size_t r = 0; r < lines; r++) {
		const rs_line *l = &cx->v[u[1].first + r];
		if (l->dropped || line_figures(l, fb, fe) || bc_utf8_count(l->s, l->len) > MAX_COLUMN_LINE ||
		    memchr(l->s, '|', l->len) || memchr(l->s, '\t', l->len))
			return 0;
	}
	int total = rs_total_label(&cx->v[u[1].last]);
	/* the labels: k, or k + 1 ending with a total's; one line more is the header's cell over them */
	size_t nn = total ? kk + 1 : kk;
	if (lines != nn && lines != nn + 1)
		return 0;
	*k = kk, *n = nn, *nf = n0, *lf = u[1].first + (lines - nn);
	return 1;
}

/* A block's last lines that are figures alone, one a line ("(1)", a
 * header's column number, is none): how many. */
static size_t trailing_figures(const rs_ctx *cx, const unit *u)
{
	size_t nf = 0, fb[LC_MAX_FIGURES], fe[LC_MAX_FIGURES];
	while (nf < u->last - u->first + 1 && line_figures(&cx->v[u->last - nf], fb, fe) == 1 &&
	       cx->v[u->last - nf].s[fb[0]] != '(')
		nf++;
	return nf;
}

#define LF_MAX_RUNS 4   /* blocks of figures of one table */
#define LF_MAX_PIECES 2 /* blocks of the header's pieces alone between them */

static size_t labelled_figures_at(rs_ctx *cx, const unit *u, size_t nu)
{
	size_t n = numbered_labels(cx, &u[0]), k = n, lab = 0, nf = u[0].first, lf = u[0].first;
	if (!n) {
		if (!numbers_then_labels(cx, u, nu, &k, &n, &nf, &lf))
			return 0;
		lab = 1;
	}
	int total = n > k;
	/* the blocks of figures after the labels, on their page */
	struct { size_t f0, m; int rows; } run[LF_MAX_RUNS];
	size_t nr = 0, cols = 0, j = lab + 1, pieces = 0, end = lab;
	for (; j < nu && nr < LF_MAX_RUNS && cx->v[u[j].first].page == cx->v[u[0].first].page; j++) {
		size_t nf = trailing_figures(cx, &u[j]), m = nf / n;
		if (m >= 1) {
			size_t f0 = u[j].last + 1 - n * m;
			int rows = m == 1 ? 1 : figures_order(cx, f0, n, m, total);
			if (rows < 0)
				return 0;
			run[nr].f0 = f0, run[nr].m = m, run[nr].rows = rows;
			nr++;
			cols += m;
			end = j;
			pieces = 0;
			continue;
		}
		/* a block of the header's pieces, short, before more figures */
		if (nf || u[j].last - u[j].first >= 4 || ++pieces > LF_MAX_PIECES)
			break;
	}
	/* one block of one column is the labelled_columns_at's or nobody's */
	if (!nr || (nr == 1 && run[0].m < 2) || cols + 2 > MAX_COLS)
		return 0;
	size_t last = u[end].last, fb[LC_MAX_FIGURES], fe[LC_MAX_FIGURES];
	headless_open(cx, &u[0], last, cols + 2);
	for (size_t r = 0; r < n; r++) {
		rs_row rt = RS_ROW_INIT;
		if (lab == 0) {
			label_row_open(cx, u[0].first + r, &rt);
		} else {
			/* the number's cell (none on the total's row), then the label's */
			rs_row_str(&rt, "| ");
			if (r < k) {
				const char *s;
				size_t len;
				rs_trim(&cx->v[nf + r], &s, &len);
				size_t b = (size_t)(s - cx->v[nf + r].s);
				rs_row_span(cx, nf + r, b, b + len, &rt);
			}
			rs_row_str(&rt, " | ");
			const rs_line *l = &cx->v[lf + r];
			const char *s;
			size_t len;
			rs_trim(l, &s, &len);
			size_t b = (size_t)(s - l->s);
			rs_row_span(cx, lf + r, b, b + len, &rt);
		}
		for (size_t x = 0; x < nr; x++)
			for (size_t c = 0; c < run[x].m; c++) {
				size_t vi = run[x].f0 + (run[x].rows ? r * run[x].m + c : c * n + r);
				line_figures(&cx->v[vi], fb, fe);
				label_row_value(cx, vi, fb[0], fe[0], &rt);
			}
		label_row_write(cx, last, &rt);
	}
	/* the labels and the figures; the header's pieces above the figures stay */
	unit used[2 + LF_MAX_RUNS];
	size_t nused = 0;
	if (lab == 0) {
		used[nused++] = u[0];
	} else {
		/* the numbers and the labels, not the header's cells over them */
		used[nused++] = (unit){ nf, u[0].last };
		used[nused++] = (unit){ lf, u[1].last };
	}
	for (size_t x = 0; x < nr; x++) {
		size_t f0 = run[x].f0, fl = f0 + n * run[x].m - 1;
		used[nused++] = (unit){ f0, fl };
	}
	move_units(cx, used, nused);
	headless_done(cx, &u[0]);
	return end + 1;
}

void rs_cells(rs_ctx *cx)
{
	size_t i = 0;
	while (i < cx->n && !head_line(&cx->v[i]))
		i++;
	if (i == cx->n)
		return;
	/* the paragraphs from the first header cell on, once: a table rebuilt
	 * moves only lines of paragraphs already passed */
	size_t cap = 256, nu = 0;
	unit *u = bc_xmalloc(cap * sizeof *u);
	for (;;) {
		size_t got = collect(cx, i, u + nu, cap - nu);
		nu += got;
		if (nu < cap)
			break;
		i = u[nu - 1].last + 1;
		cap *= 2;
		u = bc_xrealloc(u, cap * sizeof *u);
	}
	for (size_t j = 0; j < nu; j++) {
		/* a header's first cell alone on its line (in a PDF's text, over the row numbers) */
		if (!head_line(&cx->v[u[j].first]))
			continue;
		size_t left = nu - j < MAX_UNITS ? nu - j : MAX_UNITS, used = 0, hs[MAX_COLS], h;
		if (u[j].first != u[j].last) {
			/* "TT" over the row numbers: the table column by column */
			if (cx->shape == BC_SHAPE_PDF)
				used = columns_at(cx, &u[j], left);
			/* or its label and figure columns interleaved */
			if (cx->shape == BC_SHAPE_PDF && !used)
				used = interleaved_at(cx, &u[j], left);
		} else if (read_head(cx, &u[j], left < 2 * MAX_COLS + 2 ? left : 2 * MAX_COLS + 2, hs, &h)) {
			used = table_at(cx, &u[j], left);
		} else if (cx->shape == BC_SHAPE_PDF) {
			/* "TT" and header cells apart, then the columns' blocks */
			used = split_columns_at(cx, &u[j], left);
			/* or "TT", its numbers, then the header's cells, then the columns' blocks (pdfminer) */
			if (!used)
				used = numbers_first_at(cx, &u[j], left);
			/* or "TT", its numbers apart, then the two columns interleaved */
			if (!used)
				used = interleaved_at(cx, &u[j], left);
		}
		if (used)
			j += used - 1;
	}
	/* a PDF's rows numbered with their labels, the values' columns in blocks after them */
	if (cx->shape == BC_SHAPE_PDF)
		for (size_t j = 0; j < nu; j++)
			if (!cx->v[u[j].first].dropped) {
				size_t left = nu - j < MAX_UNITS ? nu - j : MAX_UNITS;
				size_t used = labelled_columns_at(cx, &u[j], left);
				if (!used)
					used = labelled_figures_at(cx, &u[j], left);
				if (used)
					j += used - 1;
			}
	/* then rows numbered on under a header that did not come out whole:
	 * found first, then written when complete */
	run *rn = NULL;
	size_t nrn = 0;
	/* stop[j]: the first paragraph from j on that a table rebuilt above took */
	size_t *stop = bc_xmalloc((nu + 1) * sizeof *stop);
	stop[nu] = nu;
	for (size_t j = nu; j-- > 0;)
		stop[j] = cx->v[u[j].first].dropped ? j : stop[j + 1];
	for (size_t j = 0; j < nu; j++) {
		if (cx->v[u[j].first].dropped || row_number(cx, &u[j]) <= 0)
			continue;
		size_t left = stop[j] - j < MAX_UNITS ? stop[j] - j : MAX_UNITS;
		run r = { j, 0, 0, 0, 0, 1 };
		if (numbered_at(cx, &u[j], left, &r, 0)) {
			rn = bc_xgrow(rn, nrn, sizeof *rn);
			rn[nrn++] = r;
			j += r.used - 1;
		}
	}
	/* runs numbered on from one another (a table over pages, rows between
	 * them not read) are one table: a run with fewer values a row than
	 * another of them lost some of its cells elsewhere, and stays as it is */
	for (size_t a = 0, b; a < nrn; a = b) {
		size_t most = rn[a].nv;
		for (b = a + 1; b < nrn && rn[b].first > rn[b - 1].last && rn[b].first <= rn[b - 1].last + MAX_GAP; b++)
			if (rn[b].nv > most)
				most = rn[b].nv;
		for (size_t x = a; x < b; x++)
			rn[x].keep = rn[x].nv == most;
	}
	for (size_t x = 0; x < nrn; x++)
		if (rn[x].keep) {
			size_t j = rn[x].j, left = stop[j] - j < MAX_UNITS ? stop[j] - j : MAX_UNITS;
			numbered_at(cx, &u[j], left, &rn[x], 1);
		}
	free(stop);
	free(rn);
	free(u);
}
