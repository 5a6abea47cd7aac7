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
 *    more; a row number opening the first part, a single space after it
 *    (1 to 3 digits, up to four of I, V, X, or an item's number of two
 *    levels or more, "2.2.1."), is a part of its own;
 *  - a row number: those, a dot after them allowed, or an item's number
 *    "1.", "3.3.1." (groups of 1 to 3 digits, then of 1 or 2, dotted);
 *  - the rows: from a line of three parts or more on, lines each of whose
 *    parts overlaps exactly one column (a character's tolerance) — the
 *    columns are the union of the rows' parts, growing as rows are read,
 *    a part that falls in no column opening a new one; a line with fewer
 *    than half the columns filled and nothing in the first goes on with the
 *    row above (a wrapped cell), and so does, under a numbered row, a line
 *    of words alone (no number, no figure) however many cells it fills;
 *    at most six such lines a row;
 *  - a cell that fills its column is followed by a single space before the
 *    next column's ("… bình quân/năm %", "… thành phố Tháng 6/2025"), set
 *    as far left as that space lets it: a part is cut after a word when its
 *    next column is empty on the line, a cell after that one filled, the
 *    part reaches as far as its column's cells do on the lines whose next
 *    column is filled apart, and exactly one cut leaves a head ending before
 *    the next column starts and a tail of a shape (its words' kinds: a
 *    figure or a date, a word in capitals, one in lower case, a mark) that
 *    column's cells standing apart have; the tail is that column's cell
 *    (spill_cut).  Judged as the rows are read by the rows read, then again
 *    by all; the shapes of a table's cells on the page before count too
 *    when its header is printed again right over the first row (its titles
 *    as many as that table's columns, its words the same);
 *  - the row numbers' column and the names' may touch (a name a single
 *    space after its right-aligned number, "  1 Tốc độ …" over " 1.1 Khu
 *    vực …");
 *  - two columns under one title of the header above the rows, under no
 *    other, no line filling both (figures right-aligned, words left-aligned
 *    in one column: "15,5-16" and "7.944,5" under "Mục tiêu năm 2026"), are
 *    one: as the rows are read when a part stands over both, and after, when
 *    the titles are then as many as the columns;
 *  - at least two rows of three parts, three columns at least, and evidence
 *    of a table: half the rows opened by a row number, or a column whose
 *    cells are figures in half the rows;
 *  - cells centred on their row's line (a numbered line with a column empty
 *    that the line under it fills, or a bracket a cell leaves open that the
 *    cell of the next row closes): every numbered line a row's number, the
 *    lines between two numbers cut between the rows as a careful reader
 *    cuts them (centre_rows); when no cut is the only best, the rows cannot
 *    be cut from one another with certainty and the lines stay text up to a
 *    blank line (restore-space-table-centred), or, when that is seen only
 *    in the lines above the rows and every row is one line, the rows stand
 *    without those lines (no header);
 *  - a blank line between rows, the rows numbered on after it, does not end
 *    them (rows_go_on);
 *  - above the first row, numbered lines whose parts fall in the columns, the
 *    lines under them going on in theirs, are rows too (a group's row,
 *    "1. Dịch vụ công", its other cells empty, has too few parts to open one);
 *  - the header: the lines above the rows, up to a blank line (eight at
 *    most; a line of one part that falls in no column at its top, "Đơn vị
 *    tính: tấn", is not the header's; none when a numbered line is among
 *    them; nor a heading's line at its top, "1. Mục tiêu, chỉ tiêu").  Read
 *    by its own columns first (stacked_header): the parts that
 *    overlap from line to line are one title's lines, a part over two parts
 *    of one line below it a group's title over their columns; when the
 *    titles are as many as the columns, or more by columns to the right of
 *    the rows' that no row fills ("Ghi chú"), each column between its
 *    neighbours' titles, they are written as one TAB-separated header row,
 *    or two under groups' titles (the group's over its first column, empty
 *    cells after it).  Otherwise, when every part of it falls in exactly
 *    one column, no two of one line in the same, one header row, each
 *    column's parts joined top to bottom.  When a header line has two
 *    parts in one column, the columns the rows make are fewer than the
 *    table's (cells parted by a single space: "… có hạt Tấn", "2.768,0 Đạt
 *    tiến độ"): when the header's titles (stacked_header, no group) are
 *    more than the rows' columns, the rows are read again with the titles
 *    as the columns, a row's run of three or more under two titles cut
 *    between its words (cut_part: a figure alone on its side first, else a
 *    cell starting where its title does), and kept when every row of data
 *    has a cell in a column so cut, starting within three characters of
 *    the others' (cuts_agree), and the titles are its header; else the
 *    lines stay text (restore-space-table-kept).  Otherwise ("Năm 2025 Năm
 *    2026", two titles parted by a single space, under "Thực hiện 6
 *    tháng") the header is left as paragraphs and the rows become a pipe
 *    table without header rows (restore-space-table-headless).
 *
 * Only in a PDF's text, or a one-page text pdftotext ended with its form
 * feed (rs_ctx.ff_end).  Not rebuilt: a table whose first row has neither a
 * number nor a figure, one whose cells are parted by single spaces
 * throughout (no rows of three parts), and one whose header's titles,
 * parted by single spaces, are fewer than its columns.
 *
 * Justified prose has single spaces; the header's two columns and the
 * signature beside the recipients make lines of two parts: neither is a
 * table.  Every part of a rebuilt row keeps its input position.  Work is
 * linear: a line is parted at most a bounded number of times, a part cut
 * by trying every cut of at most MAX_WORDS words into at most MAX_CUT
 * cells (253 ways).
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
	int col1;                /* a spilled cell (spill_cut): its column + 1, wherever it stands; 0 otherwise */
	int after_figure;        /* words split from the figure before them (split_figure_word) */
} part;

/* A row's number: 1 to 3 digits, up to four of I, V, X (a dot may follow),
 * or an item's number of a form's rows, "1.", "2.1", "3.3.1.": a group of 1
 * to 3 digits, then up to three of 1 or 2 digits, parted by dots.  "1.200"
 * is a figure (a dot parts thousands), not a number. */
static int number_str(const char *s, size_t len)
{
	if (len && s[len - 1] == '.')
		len--;
	if (len < 1 || len > 11)
		return 0;
	if (!(s[0] >= '0' && s[0] <= '9')) {
		for (size_t k = 0; k < len; k++)
			if (!(s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
				return 0;
		return len <= 4;
	}
	size_t k = 0, group = 0;
	for (;;) {
		size_t d = 0;
		while (k < len && s[k] >= '0' && s[k] <= '9')
			k++, d++;
		if (d < 1 || d > (group ? 2u : 3u))
			return 0;
		group++;
		if (k == len)
			return group <= 4;
		if (s[k] != '.')
			return 0;
		k++;
	}
}

/* A row number opening p[0], a single space after it: a plain one ("12",
 * "IV"), or an item's of two levels or more ("2.2.1."), made a part of its
 * own; not "2." alone, which opens numbered prose as often as a row. */
static void split_number(const rs_line *l, part *p, int *np)
{
	int n = *np;
	if (n >= MAX_PARTS)
		return;
	const char *s = l->s + p[0].b;
	size_t len = p[0].e - p[0].b, k = 0;
	while (k < len && s[k] != ' ')
		k++;
	/* or the number column's title, "TT Nội dung công việc": a header's line */
	int title = k < len && k + 1 < len && ((k == 2 && memcmp(s, "TT", 2) == 0) || (k == 3 && (memcmp(s, "STT", 3) == 0 || memcmp(s, "Stt", 3) == 0)));
	int ok = k < len && k + 1 < len && (number_str(s, k) || title);
	int inner_dot = 0;
	for (size_t j = 0; ok && j + 1 < k; j++)
		inner_dot |= s[j] == '.';
	if (!ok || (memchr(s, '.', k) && !inner_dot))
		return;
	memmove(p + 2, p + 1, (size_t)(n - 1) * sizeof *p);
	p[1].b = p[0].b + k + 1;
	p[1].e = p[0].e;
	p[1].cs = p[0].cs + (uint32_t)k + 1;
	p[1].ce = p[0].ce;
	p[1].col1 = p[1].after_figure = 0;
	p[0].e = p[0].b + k;
	p[0].ce = p[0].cs + (uint32_t)k;
	*np = n + 1;
}

/* A token of figures: digits with . , % ( ) - + only, a digit among them. */
static int figure_token(const char *s, size_t n)
{
	int d = 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] >= '0' && s[k] <= '9')
			d = 1;
		else if (!strchr(".,%()-+", s[k]))
			return 0;
	}
	return d;
}

/* Part k of line l's n parts opening with a figure, a single space, then a
 * word opening with a capital ("4.860 HĐND và": a right-aligned value and
 * the next column's cell, Word's cell margins a space apart) split in two:
 * no cell holds a value before a capitalised word; a count before a word in
 * small letters ("15 ngày") stays one cell.  Not the line's first part (a
 * row's number and its name: split_number).  Returns the parts' count. */
static int split_figure_word(const rs_line *l, part *p, int n, int k)
{
	const char *s = l->s + p[k].b;
	size_t len = p[k].e - p[k].b, z = 0;
	while (z < len && s[z] != ' ')
		z++;
	if (z == len || z + 1 >= len || s[z + 1] == ' ' || !figure_token(s, z))
		return n;
	uint32_t cp = 0;
	bc_utf8_decode(s + z + 1, len - z - 1, &cp);
	if (!bc_cp_is_upper(cp))
		return n;
	memmove(p + k + 2, p + k + 1, (size_t)(n - k - 1) * sizeof *p);
	part whole = p[k];
	/* the figure is ASCII: a byte a character */
	p[k] = (part){ whole.b, whole.b + z, whole.cs, whole.cs + (uint32_t)z, 0, 0 };
	p[k + 1] = (part){ whole.b + z + 1, whole.e, whole.cs + (uint32_t)z + 1, whole.ce, 0, 1 };
	return n + 1;
}

/* Parts made of figures alone parted by single spaces ("13,951 93,004%":
 * two columns of figures that pdftotext set one space apart) split into a
 * part a figure, on a line of two parts or more: no cell holds two figures
 * side by side.  Returns the parts' count (as many as fit in MAX_PARTS). */
static int split_figures(const rs_line *l, part *p, int n)
{
	/* only on a line pdftotext -layout parted in columns: figures alone on a
	 * line, single-spaced, are a block of another extraction's */
	for (int k = 0; k < n && n >= 2; k++) {
		const char *s = l->s + p[k].b;
		size_t len = p[k].e - p[k].b;
		const char *sp = memchr(s, ' ', len);
		if (!sp)
			continue;
		int all = 1, tokens = 0;
		for (size_t a = 0; a < len && all;) {
			size_t z = a;
			while (z < len && s[z] != ' ')
				z++;
			all = figure_token(s + a, z - a);
			/* a plain figure or two after a value is a note's mark set
			 * raised ("60,195 29"), not a column's value */
			if (a && z - a <= 2 && s[a] >= '0' && s[a] <= '9' && (z - a == 1 || (s[a + 1] >= '0' && s[a + 1] <= '9')))
				all = 0;
			tokens++;
			a = z + 1;
		}
		if (!all && k > 0 && n < MAX_PARTS)
			n = split_figure_word(l, p, n, k);
		if (!all || n + tokens - 1 > MAX_PARTS)
			continue;
		/* the figures are ASCII: a byte a character */
		memmove(p + k + tokens, p + k + 1, (size_t)(n - k - 1) * sizeof *p);
		part whole = p[k];
		size_t a = 0;
		for (int t = 0; t < tokens; t++) {
			size_t z = a;
			while (z < len && s[z] != ' ')
				z++;
			p[k + t] = (part){ whole.b + a, whole.b + z, whole.cs + (uint32_t)a, whole.cs + (uint32_t)z, 0, 0 };
			a = z + 1;
		}
		n += tokens - 1;
		k += tokens - 1;
	}
	return n;
}

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
		p[n].col1 = 0;
		p[n].after_figure = 0;
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
	if (n >= 2)
		split_number(l, p, &n);
	return split_figures(l, p, n);
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

/* The column of part p; with `cut` (the columns a header's titles gave,
 * grown by the rows' parts, which pdftotext moves by a character or two
 * from line to line, so that the columns may overlap a little), the one it
 * overlaps most, when one does. */
static int column_in(const span *col, int nc, const span *cut, const part *p)
{
	if (!cut)
		return column_of(col, nc, p);
	int at = -1;
	uint32_t most = 0;
	for (int k = 0; k < nc; k++) {
		uint32_t a = p->cs > col[k].cs ? p->cs : col[k].cs, b = p->ce < col[k].ce ? p->ce : col[k].ce;
		uint32_t ov = b > a ? b - a : 0;
		if (ov > most)
			most = ov, at = k;
		else if (ov && ov == most)
			at = -2;
	}
	return most ? at : column_of(col, nc, p);
}

static int row_number(const rs_line *l, const part *p) { return number_str(l->s + p->b, p->e - p->b); }

/* A figure: digits with . , % ( ) - only. */
static int figure(const rs_line *l, const part *p) { return figure_token(l->s + p->b, p->e - p->b); }

/* A year alone (19xx, 20xx): a date's end wrapped in its cell ("Tháng 8 năm" / "2027"), no value. */
static int year_part(const rs_line *l, const part *p) { return bc_is_year(l->s + p->b, p->e - p->b); }

/* A caption, "label: words": a colon inside, words after it (a title has none). */
static int caption(const rs_line *l, const part *p)
{
	const char *c = memchr(l->s + p->b, ':', p->e - p->b);
	return c && c > l->s + p->b && c + 2 < l->s + p->e && c[1] == ' ';
}

/* A heading's line, "1. Mục tiêu, chỉ tiêu": an item's number and its dot, then words (a title has no number). */
static int heading_line(const rs_line *l, const part *p)
{
	const char *s = l->s + p->b, *sp = memchr(s, ' ', p->e - p->b);
	/* or an article's, a chapter's, a part's label ("Điều 2. Tổ chức thực hiện") */
	static const char *const labels[] = { "Điều ", "Chương ", "CHƯƠNG ", "Mục ", "Phần ", "PHẦN " };
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t w = strlen(labels[k]);
		if (p->e - p->b > w + 1 && memcmp(s, labels[k], w) == 0 &&
		    ((s[w] >= '0' && s[w] <= '9') || s[w] == 'I' || s[w] == 'V' || s[w] == 'X' ||
		     (k >= 4 && p->e - p->b > w + 4 && (memcmp(s + w, "thứ", 4) == 0 || memcmp(s + w, "THỨ", 4) == 0))))
			return 1;
	}
	return sp && sp > s + 1 && sp[-1] == '.' && number_str(s, (size_t)(sp - s));
}

static int usable(const rs_line *l) { return !l->dropped && !l->repl && !l->nadds; }

#define MAX_WORDS 24         /* words of a part that may be cut into cells */
#define MAX_CUT 3            /* cells a part may be cut into (a name, its unit, a figure) */

/* Characters of [cs, ce) within column c. */
static uint32_t overlap_of(uint32_t cs, uint32_t ce, const span *c)
{
	uint32_t a = cs > c->cs ? cs : c->cs, b = ce < c->ce ? ce : c->ce;
	return b > a ? b - a : 0;
}

/* A part's words to be cut into the cells of columns first, first + 1, …: */
typedef struct cutting {
	const rs_line *l;
	const part *w;           /* its words (parted by single spaces) */
	size_t nw;
	const span *title;       /* the columns' titles */
	int nc, first, k;        /* k cells */
} cutting;

/* Cell j of a cut holds figures alone. */
static int figures_only(const cutting *x, const size_t *starts, int j)
{
	size_t a = starts[j], b = j + 1 < x->k ? starts[j + 1] : x->nw;
	for (size_t w = a; w < b; w++)
		if (!figure(x->l, &x->w[w]))
			return 0;
	return 1;
}

/* A cut of the words into k cells, judged by the titles alone (where they
 * are; the rows' parts stand a character or two off from line to line, and
 * the columns they grow would judge a row by the rows read before it): each
 * cell under its own column's title, under no other's by more than a
 * character, a cell between words starting where its title does (two
 * characters either way: a unit under "Đơn vị tính"); then a cut between a
 * figure and words first, the figures alone on their side (a figure has a
 * cell of its own), then the cuts furthest right (a cell's words start
 * under its column's title or after it, so the words a cell could give its
 * right-hand neighbour are its own). */
static int cut_score(void *arg, const size_t *starts)
{
	const cutting *x = arg;
	int score = 0;
	for (int j = 0; j < x->k; j++) {
		size_t a = starts[j], b = j + 1 < x->k ? starts[j + 1] : x->nw;
		uint32_t cs = x->w[a].cs, ce = x->w[b - 1].ce;
		for (int c = 0; c < x->nc; c++)
			if (c == x->first + j ? !overlap_of(cs, ce, &x->title[c]) : overlap_of(cs, ce, &x->title[c]) > TOL)
				return -100000;
		if (j) {
			/* between words, the cell starts where its column does (two
			 * characters either way): a name's last word reaching under
			 * the next title is not that column's cell */
			int fig = figure(x->l, &x->w[a - 1]) != figure(x->l, &x->w[a]) &&
			          (figures_only(x, starts, j - 1) || figures_only(x, starts, j));
			uint32_t at = x->title[x->first + j].cs;
			if (!fig && (cs + 2 < at || cs > at + 2))
				return -100000;
			score += fig ? 1000 : 0;
			score += (int)cs;
		}
	}
	return score;
}

/* Part p of line l, under two columns' titles or more (two cells pdftotext
 * parted by a single space: a name and its unit, a figure and a note), cut
 * into one part a column at the best cut of its words (cut_score), when
 * there is one best.  Returns the parts written to out (1: left whole). */
static int cut_part(const rs_line *l, const part *p, const span *title, int nc, part *out, int room)
{
	int first = -1, last = -1;
	for (int c = 0; c < nc; c++)
		if (overlap_of(p->cs, p->ce, &title[c])) {
			if (first < 0)
				first = c;
			last = c;
		}
	out[0] = *p;
	if (last <= first || last - first + 1 > room || last - first + 1 > MAX_CUT)
		return 1;
	part w[MAX_WORDS];
	size_t nw = 0;
	uint32_t c = p->cs;
	for (size_t i = p->b; i < p->e;) {
		if (l->s[i] == ' ') {
			i++, c++;
			continue;
		}
		if (nw == MAX_WORDS)
			return 1;
		w[nw].b = i;
		w[nw].cs = c;
		while (i < p->e && l->s[i] != ' ') {
			i++;
			while (i < p->e && ((unsigned char)l->s[i] & 0xC0) == 0x80)
				i++;
			c++;
		}
		w[nw].e = i;
		w[nw].ce = c;
		nw++;
	}
	cutting x = { l, w, nw, title, nc, first, last - first + 1 };
	size_t starts[RS_MAX_CELLS];
	int best;
	if ((size_t)x.k > nw || x.k > RS_MAX_CELLS)
		return 1;
	size_t ties = rs_best_split((size_t)x.k, nw, cut_score, &x, starts, &best);
	if (best < 0 || ties)
		return 1;
	for (int j = 0; j < x.k; j++) {
		size_t a = starts[j], b = j + 1 < x.k ? starts[j + 1] : nw;
		out[j] = (part){ w[a].b, w[b - 1].e, w[a].cs, w[b - 1].ce, 0, 0 };
	}
	return x.k;
}

/* Spilled cells.  A cell that fills its column's width is followed by a
 * single space before the next column's cell ("Tốc độ tăng trưởng GRDP bình
 * quân/năm %", "Trình Hội đồng nhân dân thành phố Tháng 6/2025"): pdftotext
 * sets the next cell's words on from the last word, as far left as the
 * single space lets them, so that their place says little of their column.
 * What does: where the column's cells end on the lines whose next column is
 * filled apart (a part reaching further holds more than its column), and the
 * shape of the next column's cells standing apart (their words' kinds, in
 * order: a figure, a word in capitals, one in lower case, a mark such as
 * "%").  A part is cut after its word when exactly one cut leaves a head
 * ending before the next column starts and a tail of a shape that column's
 * cells have, the next column empty on the line and a cell after it filled
 * (a group's name running over the whole row is no data row's); the tail is
 * the next column's cell wherever it stands. */
#define MAX_SHAPES 16
#define SHAPE_WORDS 6        /* words of a cell whose shape is kept */
typedef struct spill {
	uint32_t end[MAX_COLS];  /* column c's cells end by here, seen on lines whose column c + 1 is filled; 0: not seen */
	uint16_t shape[MAX_COLS][MAX_SHAPES];
	int nshape[MAX_COLS];
} spill;

/* The spill of the table being read (table_at sets it, for line_parts, which
 * every reading of a line goes through); NULL: none. */
static const spill *spilling;

/* A word's kind: 1 a figure or a date ("6/2025"), 2 starting with a capital, 3 with a small letter, 0 else (a mark). */
static int word_kind(const rs_line *l, size_t b, size_t e)
{
	part w = { b, e, 0, 0, 0, 0 };
	if (figure(l, &w) || (l->s[b] >= '0' && l->s[b] <= '9'))
		return 1;
	uint32_t cp;
	bc_utf8_decode(l->s + b, e - b, &cp);
	return bc_cp_is_upper(cp) ? 2 : bc_cp_is_lower(cp) ? 3 : 0;
}

/* The shape of bytes [b, e) of line l: its words' kinds, two bits each after
 * a leading 1; 0 when it has more than SHAPE_WORDS words. */
static uint16_t shape_of(const rs_line *l, size_t b, size_t e)
{
	uint16_t sh = 1;
	int words = 0;
	for (size_t i = b; i < e;) {
		if (l->s[i] == ' ') {
			i++;
			continue;
		}
		size_t a = i;
		while (i < e && l->s[i] != ' ')
			i++;
		if (++words > SHAPE_WORDS)
			return 0;
		sh = (uint16_t)(sh << 2 | word_kind(l, a, i));
	}
	return sh;
}

static int has_shape(const spill *sp, int c, uint16_t sh)
{
	for (int k = 0; k < sp->nshape[c]; k++)
		if (sp->shape[c][k] == sh)
			return 1;
	return 0;
}

/* The spill's evidence cleared, but for the shapes of seed's (the same
 * table's on the page before, its header printed again: its cells' shapes
 * are this page's columns' too). */
static void spill_reset(spill *sp, const spill *seed)
{
	memset(sp, 0, sizeof *sp);
	if (seed)
		for (int c = 0; c < MAX_COLS; c++) {
			sp->nshape[c] = seed->nshape[c];
			memcpy(sp->shape[c], seed->shape[c], sizeof sp->shape[c]);
		}
}

/* The table last rebuilt with a header (rs_spacecols clears it): the words
 * of its header's lines, its columns, its spill and its page;
 * the next page's table under the same words is the same table, its header
 * printed again. */
static struct {
	uint64_t head;           /* 0: none */
	size_t nhead;            /* its lines */
	int nc;
	spill sp;
	uint32_t page;
} last_table;

/* The words of lines [a, i), hashed (FNV-1a; spaces between words as one). */
static uint64_t words_hash(const rs_ctx *cx, size_t a, size_t i)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t j = a; j < i; j++) {
		int gap = 1;
		for (size_t k = 0; k < cx->v[j].len; k++) {
			unsigned char ch = (unsigned char)cx->v[j].s[k];
			if (ch == ' ' || ch == '\f') {
				gap = 1;
				continue;
			}
			if (gap)
				h = (h ^ ' ') * 1099511628211ull;
			gap = 0;
			h = (h ^ ch) * 1099511628211ull;
		}
	}
	return h ? h : 1;
}

/* The column whose span part p starts in (the rightmost starting by it: a
 * name a single space after its number starts where the numbers end); -1 for none. */
static int start_column(const span *col, int nc, const part *p)
{
	int c = nc - 1;
	while (c >= 0 && col[c].cs > p->cs + TOL)
		c--;
	return c >= 0 && p->cs < col[c].ce + TOL ? c : -1;
}

/* Part k of line l's n parts p, cut in two when it spills over into the next
 * column (above); returns the parts (n or n + 1). */
static int spill_cut(const rs_line *l, part *p, int n, int k, const span *col, int nc)
{
	const spill *sp = spilling;
	if (p[k].col1)
		return n;
	int c = start_column(col, nc, &p[k]);
	if (n >= MAX_PARTS || c < 0 || c + 1 >= nc || !sp->end[c] || p[k].ce + TOL < sp->end[c] || !sp->nshape[c + 1])
		return n;
	/* the next column empty, a cell after it filled; or the next the last,
	 * the part reaching well into it (a note's column, "Ghi chú") */
	int after = 0;
	for (int q = 0; q < n; q++) {
		if (q == k)
			continue;
		int at = p[q].col1 ? p[q].col1 - 1 : column_of(col, nc, &p[q]);
		if (at == c + 1 || (q > k && at < 0))
			return n;
		after |= q > k && at > c + 1;
	}
	int last = c + 2 == nc && p[k].ce > col[c + 1].cs + 4;
	if (!(after || last) || (c + 2 < nc && p[k].ce > col[c + 2].cs))
		return n;
	/* the cuts whose head ends before the next column starts and whose tail
	 * has a shape that column's cells have; when several, the one whose
	 * tail starts where that column's cells do (two characters either way) */
	enum { CUTS = 8 };
	size_t cuts[CUTS];
	uint32_t cutcs[CUTS], heads[CUTS];
	int found = 0;
	uint32_t ch = p[k].cs;
	for (size_t i = p[k].b; i < p[k].e; i++) {
		if (((unsigned char)l->s[i] & 0xC0) != 0x80 && i > p[k].b)
			ch++;
		if (l->s[i] != ' ')
			continue;
		/* a cut after the word before i: the head ends at character ch */
		uint16_t sh = shape_of(l, i + 1, p[k].e);
		if (ch < col[c + 1].cs && sh && has_shape(sp, c + 1, sh)) {
			if (found == CUTS)
				return n;
			cuts[found] = i, cutcs[found] = ch + 1, heads[found] = ch;
			found++;
		}
	}
	int pick = found == 1 ? 0 : -1;
	for (int q = 0; q < found && found > 1; q++)
		if (cutcs[q] + 2 >= col[c + 1].cs && cutcs[q] <= col[c + 1].cs + 2) {
			if (pick >= 0)
				return n;
			pick = q;
		}
	if (pick < 0)
		return n;
	size_t cut = cuts[pick];
	uint32_t cutc = cutcs[pick], headc = heads[pick];
	memmove(p + k + 2, p + k + 1, (size_t)(n - k - 1) * sizeof *p);
	p[k + 1] = (part){ cut + 1, p[k].e, cutc, p[k].ce, c + 2, 0 };
	p[k].e = cut;
	p[k].ce = headc;
	return n + 1;
}

/* Adds line l's parts (read with no spill) to the spill's evidence. */
static void spill_learn(spill *sp, const rs_line *l, const part *p, int n, const span *col, int nc)
{
	int at[MAX_PARTS];
	unsigned filled = 0;
	for (int k = 0; k < n; k++) {
		at[k] = p[k].col1 ? -1 : column_of(col, nc, &p[k]);
		if (at[k] >= 0)
			filled |= 1u << at[k];
	}
	for (int k = 0; k < n; k++) {
		int c = at[k];
		if (c < 0)
			continue;
		if (c + 1 < nc && (filled >> (c + 1) & 1) && p[k].ce > sp->end[c])
			sp->end[c] = p[k].ce;
		uint16_t sh = shape_of(l, p[k].b, p[k].e);
		if (sh && !has_shape(sp, c, sh) && sp->nshape[c] < MAX_SHAPES)
			sp->shape[c][sp->nshape[c]++] = sh;
	}
}

/* The parts of line l (parts_of) in a table of columns col; with `cut`,
 * those over two of the columns cut into a part each (cut_part); -1 as
 * parts_of. */
static int line_parts(const rs_line *l, part *p, const span *col, int nc, const span *cut)
{
	int n = parts_of(l, p, 0);
	/* a line of one part in a table, a row number and its group's name
	 * ("II Lĩnh vực văn hóa"): the number a part of its own when it stands
	 * in the first column and the name from the second on */
	if (n == 1 && nc >= 2) {
		part q[2] = { p[0], p[0] };
		int m = 1;
		split_number(l, q, &m);
		if (m == 2 && q[0].cs < col[0].ce + TOL && q[1].cs + TOL >= col[1].cs)
			p[0] = q[0], p[1] = q[1], n = 2;
	}
	/* a row's parts, three at least: a line of a number and a name, or of
	 * a cell or two going on, is a group's row or a wrapped cell, whose
	 * words may reach under the next column's title (a group's name over
	 * the whole row) */
	for (int k = 0; spilling && !cut && k < n; k++)
		n = spill_cut(l, p, n, k, col, nc);
	if (!cut || n < 3)
		return n;
	part q[MAX_PARTS];
	int m = 0;
	for (int k = 0; k < n; k++) {
		int got = cut_part(l, &p[k], cut, nc, q + m, MAX_PARTS - m - (n - k - 1));
		m += got;
	}
	memcpy(p, q, (size_t)m * sizeof *p);
	return m;
}

/* The column of part k of line l's parts p: column_in, but a row number
 * opening the line and touching the first column is the first column's
 * ("I" between a column of "1", "2" and the names: both within a character). */
static int part_column(const rs_line *l, const part *p, int k, const span *col, int nc, const span *cut)
{
	if (p[k].col1)
		return p[k].col1 - 1;
	if (k == 0 && nc >= 1 && row_number(l, &p[0]) && p[0].cs < col[0].ce + TOL && (nc < 2 || p[0].ce <= col[1].cs + TOL))
		return 0;
	/* and the name a single space after it, starting where the numbers' column ends, the second's */
	if (k == 1 && nc >= 2 && !cut && !p[0].col1 && part_column(l, p, 0, col, nc, cut) == 0 && p[1].cs >= col[0].ce &&
	    p[1].cs < col[1].ce && p[1].ce > col[1].cs && (nc < 3 || p[1].ce + TOL <= col[2].cs))
		return 1;
	/* words split from their figure: the column after the figure's, which
	 * they overlap, though right-aligned figures end a character on or off */
	if (k > 0 && p[k].after_figure) {
		int c = part_column(l, p, k - 1, col, nc, cut);
		if (c >= 0 && c + 1 < nc && p[k].ce > col[c + 1].cs && p[k].cs < col[c + 1].ce + TOL)
			return c + 1;
	}
	return column_in(col, nc, cut, &p[k]);
}

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

/* Lines [first, last] as one row, each part in its column's cell, then `empty` empty cells. */
static void write_row(rs_ctx *cx, size_t after, size_t first, size_t last, const span *col, int nc, const span *cut,
                      int pipe, int empty)
{
	rs_row r = RS_ROW_INIT;
	if (pipe)
		rs_row_str(&r, "| ");
	for (int c = 0; c < nc; c++) {
		if (c)
			rs_row_str(&r, pipe ? " | " : "\t");
		for (size_t i = first; i <= last; i++) {
			part p[MAX_PARTS];
			int n = line_parts(&cx->v[i], p, col, nc, cut);
			for (int k = 0; k < n; k++)
				if (part_column(&cx->v[i], p, k, col, nc, cut) == c)
					row_part(&r, &cx->v[i], i, &p[k]);
		}
	}
	for (int c = 0; c < empty; c++)
		rs_row_byte(&r, '\t');
	if (pipe)
		rs_row_str(&r, " |");
	rs_row_place(cx, after, &r);
}

/* Line j opens with a row number standing in the first column. */
static int numbered_at(const rs_ctx *cx, size_t j, const span *col, int nc, const span *cut)
{
	part p[MAX_PARTS];
	int m = line_parts(&cx->v[j], p, col, nc, cut);
	return m >= 1 && row_number(&cx->v[j], &p[0]) && part_column(&cx->v[j], p, 0, col, nc, cut) == 0;
}

/* Every part of line j stands in one column, no two in the same; with
 * `wrap`, none in the first (a cell going on under its row). */
static int in_columns(const rs_ctx *cx, size_t j, const span *col, int nc, const span *cut, int wrap)
{
	part p[MAX_PARTS];
	int m = line_parts(&cx->v[j], p, col, nc, cut), seen[MAX_COLS] = { 0 };
	if (m < 1)
		return 0;
	for (int k = 0; k < m; k++) {
		int c = part_column(&cx->v[j], p, k, col, nc, cut);
		if (c < 0 || seen[c] || (wrap && c == 0))
			return 0;
		seen[c] = 1;
	}
	return 1;
}

/* The columns line j fills, a bit each. */
static unsigned columns_filled(const rs_ctx *cx, size_t j, const span *col, int nc, const span *cut)
{
	part p[MAX_PARTS];
	int m = line_parts(&cx->v[j], p, col, nc, cut);
	unsigned mask = 0;
	for (int k = 0; k < m; k++) {
		int c = part_column(&cx->v[j], p, k, col, nc, cut);
		if (c >= 0)
			mask |= 1u << c;
	}
	return mask;
}

/* The brackets of column c's cell over lines [first, last]: *depth ends as
 * the opened less the closed, *low the least it reached (from 0). */
static void paren_depth(const rs_ctx *cx, size_t first, size_t last, const span *col, int nc, const span *cut, int c,
                        int *depth, int *low)
{
	*depth = *low = 0;
	for (size_t j = first; j <= last; j++) {
		part p[MAX_PARTS];
		int m = line_parts(&cx->v[j], p, col, nc, cut);
		for (int k = 0; k < m; k++) {
			if (part_column(&cx->v[j], p, k, col, nc, cut) != c)
				continue;
			for (size_t b = p[k].b; b < p[k].e; b++) {
				*depth += cx->v[j].s[b] == '(';
				*depth -= cx->v[j].s[b] == ')';
				if (*depth < *low)
					*low = *depth;
			}
		}
	}
}

/* Whether the rows' cells stand centred on their number's line: a numbered
 * line with a column empty that the line under it, a cell going on, fills.
 * Were the cells at the top of their rows, as a row's lines under its number
 * are then read, a cell would start on the number's line; centred, a cell of
 * two lines or more starts above it, and its lines between two numbers
 * belong some to the row above, some to the row below.  Looked for from
 * line top (the lines above the first row: a row's lines above its number)
 * to line end; and in a bracket a cell leaves open that the cell of the row
 * under it closes ("(gồm hồ sơ nộp trực tuyến" over "4.3.1. + trực tiếp)"). */
static int centred(const rs_ctx *cx, size_t top, size_t end, const size_t *rows, size_t nr, const span *col, int nc,
                   const span *cut)
{
	size_t r = 0;
	for (size_t j = top; j < end; j++) {
		while (r < nr && rows[r] < j + 1)
			r++;
		/* the line under j goes on with j's row: no row of the table starts on it, nor is it numbered */
		if (!numbered_at(cx, j, col, nc, cut) || (r < nr && rows[r] == j + 1) || numbered_at(cx, j + 1, col, nc, cut))
			continue;
		if (!in_columns(cx, j + 1, col, nc, cut, 1))
			continue;
		if (columns_filled(cx, j + 1, col, nc, cut) & ~columns_filled(cx, j, col, nc, cut))
			return 1;
	}
	/* a bracket a row's cell leaves open, which the cell under it closes:
	 * the line that opens it is the lower row's, above its number */
	for (r = 0; r + 1 < nr; r++)
		for (int c = 1; c < nc; c++) {
			int open = 0, low = 0, depth = 0;
			paren_depth(cx, rows[r], rows[r + 1] - 1, col, nc, cut, c, &open, &low);
			paren_depth(cx, rows[r + 1], r + 2 < nr ? rows[r + 2] - 1 : end, col, nc, cut, c, &depth, &low);
			if (open > 0 && low < 0)
				return 1;
		}
	return 0;
}

/*
 * Rows whose cells stand centred on their number's line, cut from one another
 * (centre_rows).  Word centres a row's cells vertically; pdftotext -layout
 * then writes a cell of h lines around its row's middle and the row's number,
 * one line, on the middle line (h odd) or on a line of its own between the
 * two middle ones (h even): row j's lines are its number's, a_j above it
 * and b_j below, as many above as below, or one more on a side when the
 * number's line is merged into a middle line.  Between two numbers the g
 * lines are b_j + a_{j + 1}, and after the last number its lines below; the
 * cut is the one that breaks no cell a careful reader sees whole:
 *  - a part opening with a small letter goes on with its column's cell on the
 *    lines above it ("văn chỉ đạo, quán triệt)"): it is not a row's first;
 *  - a cell's brackets never close more than they opened;
 * and, of those, the one with the fewest rows not centred exactly.  Taken only
 * when that cut is the only best; otherwise the rows stay text.
 */
#define CUT_BAD 100          /* a cut breaking a cell */

/* The names' column of lines [top, end]: the one holding the most text,
 * after the numbers'; *width: its widest part, in characters. */
static int names_column(const rs_ctx *cx, size_t top, size_t end, const span *col, int nc, const span *cut, uint32_t *width)
{
	size_t chars[MAX_COLS] = { 0 };
	uint32_t wide[MAX_COLS] = { 0 };
	for (size_t j = top; j <= end; j++) {
		part p[MAX_PARTS];
		int m = line_parts(&cx->v[j], p, col, nc, cut);
		for (int k = 0; k < m; k++) {
			int c = part_column(&cx->v[j], p, k, col, nc, cut);
			if (c < 0)
				continue;
			chars[c] += p[k].ce - p[k].cs;
			if (p[k].ce - p[k].cs > wide[c])
				wide[c] = p[k].ce - p[k].cs;
		}
	}
	int best = -1;
	for (int c = 1; c < nc; c++)
		if (best < 0 || chars[c] > chars[best])
			best = c;
	*width = best >= 0 ? wide[best] : 0;
	return best;
}

/* A name's line (part b of line lb) under one (part a) that had room for
 * its first word: a wrapped cell's line is one whose next word did not fit,
 * so a line opening with a capital under a line well short of the column's
 * width (by a sixth: the page's letters are not all as wide) starts a cell
 * of its own. */
static int starts_cell(const part *a, const rs_line *lb, const part *b, uint32_t width)
{
	uint32_t cp;
	bc_utf8_decode(lb->s + b->b, b->e - b->b, &cp);
	if (!bc_cp_is_upper(cp))
		return 0;
	uint32_t word = 0;
	for (size_t i = b->b; i < b->e && lb->s[i] != ' '; i++)
		word += ((unsigned char)lb->s[i] & 0xC0) != 0x80;
	return 6 * (a->ce - a->cs + 1 + word) < 5 * width;
}

/* The cost of lines [first, last] as one row, its number on line num, after
 * a row of lines [prev_first, prev_last] (none when prev_first > prev_last):
 * CUT_BAD for each cell the cut breaks (a part on the row's first line of a
 * column, in the column the row above fills, opening with a small letter; a
 * name's line starting a cell under one that had room for its word; a cell
 * whose brackets close more than they open), 2 for each cell not centred in
 * the row.  Each line's parts are read once. */
static int row_cost(const rs_ctx *cx, size_t prev_first, size_t prev_last, size_t first, size_t num, size_t last,
                    const span *col, int nc, const span *cut, int names, uint32_t width)
{
	int cost = 0;
	unsigned above = 0, seen = 0;
	for (size_t j = prev_first; j <= prev_last && prev_first <= prev_last; j++)
		above |= columns_filled(cx, j, col, nc, cut);
	part was;                  /* the names' part of the line above, when had */
	int had = 0, depth[MAX_COLS] = { 0 }, low[MAX_COLS] = { 0 };
	size_t top_of[MAX_COLS], bottom_of[MAX_COLS];
	for (int c = 0; c < nc; c++)
		top_of[c] = SIZE_MAX, bottom_of[c] = 0;
	for (size_t j = first; j <= last; j++) {
		const rs_line *l = &cx->v[j];
		part p[MAX_PARTS];
		int m = line_parts(l, p, col, nc, cut), named = 0;
		for (int k = 0; k < m; k++) {
			int c = part_column(l, p, k, col, nc, cut);
			if (c < 0)
				continue;
			if (top_of[c] == SIZE_MAX)
				top_of[c] = j - first;
			bottom_of[c] = j - first;
			if (c == 0)
				continue;
			/* a line's first part in the names' column (a spill may put two there) */
			if (c == names && !named) {
				if (had && starts_cell(&was, l, &p[k], width))
					cost += CUT_BAD;
				was = p[k], had = named = 1;
			}
			if (!(seen >> c & 1u)) {
				seen |= 1u << c;
				uint32_t cp;
				bc_utf8_decode(l->s + p[k].b, p[k].e - p[k].b, &cp);
				if ((above >> c & 1u) && bc_cp_is_lower(cp))
					cost += CUT_BAD;
			}
			for (size_t b = p[k].b; b < p[k].e; b++) {
				depth[c] += (l->s[b] == '(') - (l->s[b] == ')');
				if (depth[c] < low[c])
					low[c] = depth[c];
			}
		}
	}
	/* each column's cell centred in the row: h lines of the row's H from
	 * line (H - h) / 2, either side of it when that falls between lines; a
	 * cell of one line shares the number's baseline: its line */
	size_t H = last - first + 1;
	for (int c = 0; c < nc; c++) {
		if (low[c] < 0)
			cost += CUT_BAD;
		if (top_of[c] == SIZE_MAX)
			continue;
		size_t d = H - (bottom_of[c] - top_of[c] + 1);
		if (top_of[c] == bottom_of[c] ? top_of[c] != num - first
		                               : d % 2 ? top_of[c] != d / 2 && top_of[c] != d / 2 + 1 : top_of[c] != d / 2)
			cost += 2;
	}
	return cost;
}

/*
 * The rows of a table whose cells stand centred (above), from line top (the
 * lines above the first row, up to a blank line) to line end: every numbered
 * line in them a row's number, its lines around it.  On success rows[] holds
 * each row's first line and *nr their count.  A dynamic programme over the
 * rows, the state the lines a row has above its number (MAX_WRAP at most).
 */
static int centre_rows(const rs_ctx *cx, size_t top, size_t end, size_t *rows, size_t *nr, const span *col, int nc,
                       const span *cut)
{
	size_t k[MAX_ROWS], n = 0;
	for (size_t j = top; j <= end && n < MAX_ROWS; j++)
		if (numbered_at(cx, j, col, nc, cut))
			k[n++] = j;
	if (n < 2)
		return 0;
	/* a total's row last, on a line of its own, unnumbered ("Tổng cộng 24 4
	 * 17 3 0"): a row of its own after the numbered ones, not their last's */
	size_t total = 0;
	if (end > k[n - 1] + 1 && n < MAX_ROWS && rs_total_label(&cx->v[end]) && !numbered_at(cx, end, col, nc, cut) &&
	    in_columns(cx, end, col, nc, cut, 0))
		total = end--;
	uint32_t width;
	int names = names_column(cx, top, end, col, nc, cut, &width);
	enum { S = MAX_WRAP + 1 };
	/* best[j][a]: the least cost of rows 0..j with a lines above row j's
	 * number; ways: how many cuts reach it (2 meaning more than one); from:
	 * row j - 1's a */
	int (*best)[S] = bc_xmalloc(n * sizeof *best), (*ways)[S] = bc_xmalloc(n * sizeof *ways), (*from)[S] = bc_xmalloc(n * sizeof *from);
	for (size_t j = 0; j < n; j++)
		for (int a = 0; a < S; a++)
			best[j][a] = -1, ways[j][a] = 0, from[j][a] = -1;
	/* row 0: its lines above its number, within the block, none numbered */
	for (int a = 0; a < S && k[0] >= top + (size_t)a; a++)
		best[0][a] = 0, ways[0][a] = 1;
	for (size_t j = 0; j + 1 < n; j++) {
		size_t g = k[j + 1] - k[j] - 1, x0 = 0, x1 = 0;
		/* a blank line between two numbers parts their rows (rows standing
		 * further apart): the lines above it are the upper row's; blank
		 * lines apart from one another leave no cut */
		int apart = 0;
		for (size_t x = k[j] + 1; x < k[j + 1]; x++)
			if (rs_blank(&cx->v[x])) {
				apart |= x0 && x != x1 + 1;
				x0 = x0 ? x0 : x, x1 = x;
			}
		for (int a = 0; a < S && !apart; a++) {
			if (best[j][a] < 0)
				continue;
			for (int a2 = 0; a2 < S && (size_t)a2 <= g; a2++) {
				size_t b = g - (size_t)a2;
				if (x0) {
					if ((size_t)a2 != k[j + 1] - x1 - 1)
						continue;
					b = x0 - k[j] - 1;
				}
				if (b > (size_t)a + 1 || (size_t)a > b + 1)
					continue;
				size_t first = k[j] - (size_t)a, last = k[j] + b;
				size_t pf = j ? k[j - 1] - (size_t)from[j][a] : 1, pl = j ? first - 1 : 0;
				int cost = best[j][a] + ((size_t)a != b) + row_cost(cx, pf, pl, first, k[j], last, col, nc, cut, names, width);
				if (best[j + 1][a2] < 0 || cost < best[j + 1][a2]) {
					best[j + 1][a2] = cost, ways[j + 1][a2] = ways[j][a], from[j + 1][a2] = a;
				} else if (cost == best[j + 1][a2]) {
					ways[j + 1][a2] = 2;
				}
			}
		}
	}
	/* the last row: its lines below its number are those up to the end */
	size_t b = end - k[n - 1];
	int most = -1, mways = 0, ma = -1;
	for (int a = 0; a < S; a++) {
		if (best[n - 1][a] < 0 || b > (size_t)a + 1 || (size_t)a > b + 1)
			continue;
		size_t first = k[n - 1] - (size_t)a;
		size_t pf = n > 1 ? k[n - 2] - (size_t)from[n - 1][a] : 1, pl = first - 1;
		int cost = best[n - 1][a] + ((size_t)a != b) + row_cost(cx, pf, pl, first, k[n - 1], end, col, nc, cut, names, width);
		if (most < 0 || cost < most)
			most = cost, mways = ways[n - 1][a], ma = a;
		else if (cost == most)
			mways = 2;
	}
	int ok = most >= 0 && most < CUT_BAD && mways == 1;
	if (ok) {
		for (size_t j = n; j-- > 0;) {
			rows[j] = k[j] - (size_t)ma;
			ma = from[j][ma];
		}
		*nr = n;
		if (total)
			rows[(*nr)++] = total;
	}
	free(best);
	free(ways);
	free(from);
	return ok;
}

/* A header's part, with its line. */
typedef struct hpart {
	size_t line;
	part p;
	int group;               /* 1: over two parts of one line below it, a group's title; 2: the next line of one */
	int cell;                /* its stack, then its column */
	int last;                /* a group's title: the last column it spans */
	uint32_t reach;          /* a group's title centred over two parts: characters it falls short of one */
} hpart;
#define MAX_HPARTS (MAX_HEAD * MAX_PARTS)

static int overlaps(uint32_t acs, uint32_t ace, uint32_t bcs, uint32_t bce) { return acs < bce && bcs < ace; }

static int stack_root(int *up, int k)
{
	while (up[k] != k)
		k = up[k] = up[up[k]];
	return k;
}

/* The header lines [h0, i) read by their own columns: each title's lines
 * stand one over the other, overlapping ("Chỉ tiêu thống kê" over "(Sử
 * dụng …)"), so the parts that overlap from line to line are one column's
 * title, a stack; a part over two parts of a line below it is a group's
 * title ("Kết quả thống kê" over "Đơn vị tính" and "Số liệu"), spanning the
 * stacks it overlaps, all of whose parts stand below it.  The stacks, left
 * to right, are the table's columns, when there are as many and each
 * column's middle lies between its neighbours' titles' and each title's
 * between its neighbours' columns' (pdftotext moves a line's words by a few
 * characters, a title is centred over a figure ending its cell: nearer
 * cannot be asked); stacks to the right of every column are columns no row
 * fills ("Ghi chú").  Fills hp (cell: the column; group: the first row's
 * title over its columns) and returns the header's columns, or 0 when it
 * cannot be read so, -1 when it has more columns than the rows, not all to
 * their right (a title the rows' parts would put in another's column, as
 * one header row, is not to be trusted either); under[c] is the first
 * column of the group over column c, or -1, and *groups is set when there
 * are groups' titles (two header rows). */
static int stacked_header(const rs_ctx *cx, size_t h0, size_t i, const span *col, int nc, hpart *hp, size_t *nhp,
                          int *under, int *groups, span *stacks)
{
	size_t n = 0;
	for (size_t j = h0; j < i; j++) {
		part p[MAX_PARTS];
		int m = parts_of(&cx->v[j], p, 0);
		if (m < 1)
			return 0;
		for (int k = 0; k < m; k++)
			hp[n++] = (hpart){ j, p[k], 0, -1, -1, 0 };
	}
	*nhp = n;
	/* groups' titles: over two parts of one line below */
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < n && !hp[a].group; b++) {
			if (hp[b].line <= hp[a].line || !overlaps(hp[a].p.cs, hp[a].p.ce, hp[b].p.cs, hp[b].p.ce))
				continue;
			for (size_t c = b + 1; c < n && hp[c].line == hp[b].line; c++)
				if (overlaps(hp[a].p.cs, hp[a].p.ce, hp[c].p.cs, hp[c].p.ce))
					hp[a].group = 1;
		}
	/* or centred over two parts side by side, overlapping one and a
	 * character or two short of the other ("Kết quả thống kê" over "Đơn vị
	 * tính" and "Số liệu" on a narrower page): its middle nearer theirs
	 * together than either's alone */
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b + 1 < n && !hp[a].group; b++) {
			const part *x = &hp[b].p, *y = &hp[b + 1].p, *t = &hp[a].p;
			if (hp[b].line <= hp[a].line || hp[b + 1].line != hp[b].line)
				continue;
			int ox = overlaps(t->cs, t->ce, x->cs, x->ce), oy = overlaps(t->cs, t->ce, y->cs, y->ce);
			if (ox == oy || !overlaps(t->cs, t->ce + 2, x->cs, x->ce) || !overlaps(t->cs, t->ce, y->cs > 2 ? y->cs - 2 : 0, y->ce))
				continue;
			long tm = (long)t->cs + t->ce, um = (long)x->cs + y->ce, xm = (long)x->cs + x->ce, ym = (long)y->cs + y->ce;
			if (labs(tm - um) < labs(tm - xm) && labs(tm - um) < labs(tm - ym))
				hp[a].group = 1, hp[a].reach = 2;
		}
	/* a group's title going on, on the next line, under it: a part with
	 * more of its column's below it ("Thực hiện" / "quý I" / "Năm 2025") */
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < n; b++) {
			if (!hp[a].group || hp[b].group || hp[b].line != hp[a].line + 1 ||
			    !overlaps(hp[a].p.cs, hp[a].p.ce, hp[b].p.cs, hp[b].p.ce))
				continue;
			for (size_t c = 0; c < n; c++)
				if (hp[c].line > hp[b].line && !hp[c].group && overlaps(hp[b].p.cs, hp[b].p.ce, hp[c].p.cs, hp[c].p.ce)) {
					hp[b].group = 2;
					hp[b].last = (int)a;   /* its title's, till the columns are known */
					break;
				}
		}
	/* the stacks: the other parts, joined as they overlap */
	int up[MAX_HPARTS];
	for (size_t a = 0; a < n; a++)
		up[a] = (int)a;
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			if (!hp[a].group && !hp[b].group && overlaps(hp[a].p.cs, hp[a].p.ce, hp[b].p.cs, hp[b].p.ce))
				up[stack_root(up, (int)b)] = stack_root(up, (int)a);
	span st[MAX_COLS];
	int root[MAX_COLS], ns = 0;
	for (size_t a = 0; a < n; a++) {
		if (hp[a].group)
			continue;
		int r = stack_root(up, (int)a), s = 0;
		while (s < ns && root[s] != r)
			s++;
		if (s == ns) {
			if (ns == MAX_COLS)
				return 0;
			root[ns] = r;
			st[ns++] = (span){ hp[a].p.cs, hp[a].p.ce };
		}
		if (hp[a].p.cs < st[s].cs)
			st[s].cs = hp[a].p.cs;
		if (hp[a].p.ce > st[s].ce)
			st[s].ce = hp[a].p.ce;
	}
	/* left to right, apart */
	for (int a = 1; a < ns; a++)
		for (int b = a; b > 0 && st[b].cs < st[b - 1].cs; b--) {
			span t = st[b];
			st[b] = st[b - 1], st[b - 1] = t;
			int r = root[b];
			root[b] = root[b - 1], root[b - 1] = r;
		}
	for (int a = 1; a < ns; a++)
		if (st[a].cs < st[a - 1].ce)
			return 0;
	if (stacks)
		memcpy(stacks, st, (size_t)ns * sizeof *st);
	if (ns < nc || (!col && ns < 3))
		return 0;
	for (int s = nc; s < ns && col; s++)
		if (st[s].cs < col[nc - 1].ce + TOL)
			return -1;
	/* each column between its neighbours' titles, each title between its neighbours' columns (doubled middles) */
	for (int k = 0; col && k < nc; k++) {
		uint32_t cm = col[k].cs + col[k].ce, sm = st[k].cs + st[k].ce;
		if ((k > 0 && cm <= st[k - 1].cs + st[k - 1].ce) || (k + 1 < ns && cm >= st[k + 1].cs + st[k + 1].ce))
			return 0;
		if ((k > 0 && sm <= col[k - 1].cs + col[k - 1].ce) || (k + 1 < nc && sm >= col[k + 1].cs + col[k + 1].ce))
			return 0;
	}
	for (size_t a = 0; a < n; a++)
		if (!hp[a].group) {
			int r = stack_root(up, (int)a), s = 0;
			while (root[s] != r)
				s++;
			hp[a].cell = s;
		}
	/* a group's title: the stacks it overlaps, two or more, not the first (a
	 * second header row opens empty), every part of them below it; groups
	 * the same or apart */
	int first_of[MAX_COLS], last_of[MAX_COLS];
	for (int s = 0; s < ns; s++)
		first_of[s] = last_of[s] = -1;
	*groups = 0;
	for (size_t a = 0; a < n; a++) {
		if (!hp[a].group)
			continue;
		int sa = -1, sb = -1;
		if (hp[a].group == 2) {
			/* as its title's line above it, read before it */
			sa = hp[hp[a].last].cell;
			sb = hp[hp[a].last].last;
		}
		uint32_t r = hp[a].reach;
		for (int s = 0; s < ns && hp[a].group == 1; s++)
			if (overlaps(hp[a].p.cs > r ? hp[a].p.cs - r : 0, hp[a].p.ce + r, st[s].cs, st[s].ce)) {
				if (sa < 0)
					sa = s;
				sb = s;
			}
		if (sa < 1 || sb <= sa)
			return 0;
		for (size_t b = 0; b < n; b++)
			if (!hp[b].group && hp[b].cell >= sa && hp[b].cell <= sb && hp[b].line <= hp[a].line)
				return 0;
		for (int s = sa; s <= sb; s++) {
			if (first_of[s] >= 0 && (first_of[s] != sa || last_of[s] != sb))
				return 0;
			first_of[s] = sa, last_of[s] = sb;
		}
		hp[a].cell = sa;
		hp[a].last = sb;
		*groups = 1;
	}
	for (int s = 0; s < ns; s++)
		under[s] = first_of[s];
	return ns;
}

/* The header's row `row` (0, or 1 under groups' titles) of ns cells: in the
 * first, each column's title, a group's over its first column (the empty
 * cells after it are its span); in the second, the titles under the groups'.
 * under[c]: the first column of the group over column c, or -1. */
static void write_header_row(rs_ctx *cx, size_t after, const hpart *hp, size_t n, int ns, const int *under, int row)
{
	rs_row r = RS_ROW_INIT;
	for (int c = 0; c < ns; c++) {
		if (c)
			rs_row_byte(&r, '\t');
		for (size_t a = 0; a < n; a++) {
			int take = row == 0 ? hp[a].cell == c && (hp[a].group != 0) == (under[c] >= 0)
			                    : hp[a].cell == c && !hp[a].group && under[c] >= 0;
			if (take)
				row_part(&r, &cx->v[hp[a].line], hp[a].line, &hp[a].p);
		}
	}
	rs_row_add(cx, after, &r, 0, 0);
}

/* Columns c and c + 1 stand under one title of the header's, tit, and
 * under no other: the title over both. */
static int one_title(const span *col, int c, const span *tit, int ntit)
{
	int s = -1;
	for (int t = 0; t < ntit; t++) {
		int a = overlaps(col[c].cs, col[c].ce, tit[t].cs, tit[t].ce), b = overlaps(col[c + 1].cs, col[c + 1].ce, tit[t].cs, tit[t].ce);
		if (a && b)
			s = t;
		else if (a || b)
			return 0;
	}
	return s >= 0;
}

/* Columns c and c + 1 made one. */
static void join_columns(span *col, int *nc, int c)
{
	col[c].ce = col[c + 1].ce > col[c].ce ? col[c + 1].ce : col[c].ce;
	col[c].cs = col[c + 1].cs < col[c].cs ? col[c + 1].cs : col[c].cs;
	memmove(col + c + 1, col + c + 2, (size_t)(*nc - c - 2) * sizeof *col);
	(*nc)--;
}

/* Two columns under one title of the header, words left-aligned in one and
 * figures right-aligned in the other ("15,5-16" and "7.944,5" under "Mục
 * tiêu năm 2026"), no line filling both: one column, when the titles are
 * then as many as the columns.  Returns whether col changed. */
static int join_under_titles(const rs_ctx *cx, size_t h0, size_t i, size_t end, span *col, int *nc)
{
	hpart hp[MAX_HPARTS];
	size_t nhp = 0;
	int under[MAX_COLS], groups = 0;
	span st[MAX_COLS], c2[MAX_COLS];
	int nst = stacked_header(cx, h0, i, NULL, 0, hp, &nhp, under, &groups, st), n = *nc;
	if (nst < 3 || groups || nst >= n)
		return 0;
	memcpy(c2, col, (size_t)n * sizeof *col);
	for (int c = 0; c + 1 < n;) {
		unsigned both = 3u << c;
		int alone = one_title(c2, c, st, nst);
		for (size_t j = i; j <= end && alone; j++)
			if ((columns_filled(cx, j, c2, n, NULL) & both) == both)
				alone = 0;
		if (alone)
			join_columns(c2, &n, c);
		else
			c++;
	}
	if (n != nst)
		return 0;
	memcpy(col, c2, (size_t)n * sizeof *col);
	*nc = n;
	return 1;
}

/* Part p of line l starts where a cut between words put it: a single space
 * before it, after a word, neither of the two a figure. */
static int cut_between_words(const rs_line *l, const part *p)
{
	if (p->b < 2 || l->s[p->b - 1] != ' ' || l->s[p->b - 2] == ' ')
		return 0;
	size_t a = p->b - 1;
	while (a > 0 && l->s[a - 1] != ' ')
		a--;
	part before = { a, p->b - 1, 0, 0, 0, 0 }, first = *p;
	while (first.e > first.b && memchr(l->s + first.b, ' ', first.e - first.b))
		first.e = (size_t)((const char *)memchr(l->s + first.b, ' ', first.e - first.b) - l->s);
	return !figure(l, &before) && !figure(l, &first);
}

/* Under titles, a column some row's cell was cut into between words (a
 * unit after a name) is a column only if every row of data (three parts or
 * more) has a cell there, all starting within three characters: units
 * strewn over the name's end ("… nông thôn mới Thôn", "… việc làm Người")
 * are no column a reader sees. */
static int cuts_agree(const rs_ctx *cx, const size_t *rows, size_t nr, const span *col, int nc, const span *cut)
{
	for (int c = 1; c < nc; c++) {
		int between = 0, empty = 0;
		uint32_t lo = UINT32_MAX, hi = 0;
		for (size_t r = 0; r < nr; r++) {
			const rs_line *l = &cx->v[rows[r]];
			part p[MAX_PARTS];
			if (parts_of(l, p, 0) < 3)
				continue;
			int m = line_parts(l, p, col, nc, cut), k = 0;
			while (k < m && part_column(l, p, k, col, nc, cut) != c)
				k++;
			if (k == m) {
				empty = 1;
				continue;
			}
			between |= cut_between_words(l, &p[k]);
			lo = p[k].cs < lo ? p[k].cs : lo;
			hi = p[k].cs > hi ? p[k].cs : hi;
		}
		if (between && (empty || hi - lo > 3))
			return 0;
	}
	return 1;
}

/* Tries a table whose first row is line i; returns the line after it, or i + 1 when there is none.
 * With stacks (the titles of a header whose columns the rows' parts were too
 * few for: cells parted by a single space), the columns start as the
 * titles, and the parts over two of them are cut (line_parts); *failed is
 * then set when nothing was done, no note given, for the caller to say so. */
/* Line j's parts p over two columns, under one title (one_title), that no
 * other of its parts and no line from i on fills both: the two joined.
 * Returns whether col changed. */
static int join_over(const rs_ctx *cx, size_t i, size_t j, const part *p, int m, span *col, int *nc, const span *tit, int ntit)
{
	int changed = 0;
	for (int k = 0; k < m; k++) {
		if (p[k].col1 || column_of(col, *nc, &p[k]) != -2)
			continue;
		int c = 0;
		while (c < *nc && !(p[k].cs < col[c].ce + TOL && p[k].ce + TOL > col[c].cs))
			c++;
		if (c + 1 >= *nc || (c + 2 < *nc && p[k].ce + TOL > col[c + 2].cs) || !one_title(col, c, tit, ntit))
			continue;
		int alone = 1;
		for (int q = 0; q < m && alone; q++) {
			int at = q == k || p[q].col1 ? -1 : column_of(col, *nc, &p[q]);
			alone = at != c && at != c + 1 && at != -2;
		}
		unsigned both = 3u << c;
		for (size_t q = i; q < j && alone; q++)
			if ((columns_filled(cx, q, col, *nc, NULL) & both) == both)
				alone = 0;
		if (!alone)
			continue;
		join_columns(col, nc, c);
		changed = 1;
	}
	return changed;
}

/* Row number q comes right after row number p in a table's numbering (rs_levels_follow). */
static int number_follows(const rs_line *lp, const part *p, const rs_line *lq, const part *q)
{
	long a[RS_MAX_LEVELS], b[RS_MAX_LEVELS];
	int n = rs_number_levels(lp->s + p->b, p->e - p->b, a), m = rs_number_levels(lq->s + q->b, q->e - q->b, b);
	return rs_levels_follow(a, n, b, m);
}

/* Whether the rows go on past the blank line j, the last row's number on
 * line last: pdftotext leaves a blank line where rows stand further apart
 * (a row taller than its neighbours, its cells centred).  They do when the
 * next line, or the one after it under a cell's line, is numbered on from
 * the last row (a heading or a numbered paragraph after a table is not). */
static int rows_go_on(const rs_ctx *cx, size_t j, size_t last, const span *col, int nc, const span *cut)
{
	part p[MAX_PARTS], q[MAX_PARTS];
	if (line_parts(&cx->v[last], p, col, nc, cut) < 1 || !row_number(&cx->v[last], &p[0]))
		return 0;
	for (size_t k = j + 1; k < cx->n && k <= j + 2; k++) {
		const rs_line *l = &cx->v[k];
		if (!usable(l) || rs_blank(l) || l->page != cx->v[j].page)
			return 0;
		if (numbered_at(cx, k, col, nc, cut)) {
			line_parts(l, q, col, nc, cut);
			return number_follows(&cx->v[last], &p[0], l, &q[0]);
		}
		if (!in_columns(cx, k, col, nc, cut, 1))
			return 0;
	}
	return 0;
}

static size_t table_at(rs_ctx *cx, size_t i, const span *stacks, int nstacks, int *failed);

/* Line j's parts read without spills, learnt by sp. */
static void learn_line(rs_ctx *cx, size_t j, spill *sp, const span *col, int nc)
{
	const spill *saved = spilling;
	part p[MAX_PARTS];
	spilling = NULL;
	int m = line_parts(&cx->v[j], p, col, nc, NULL);
	spilling = saved;
	if (m > 0)
		spill_learn(sp, &cx->v[j], p, m, col, nc);
}

static size_t table_read(rs_ctx *cx, size_t i, const span *stacks, int nstacks, int *failed, spill *sp)
{
	const span *cut = stacks;   /* the titles, when cutting */
	/* spills are read in the rows' own columns only */
	spilling = cut ? NULL : sp;
	span col[MAX_COLS] = { { 0, 0 } };
	int nc = 0;
	if (cut) {
		memcpy(col, stacks, (size_t)nstacks * sizeof *col);
		nc = nstacks;
		*failed = 1;
	}
	part p[MAX_PARTS];
	int n = line_parts(&cx->v[i], p, col, nc, cut);
	if (n < 3)
		return i + 1;
	/* the titles of the lines above, when they read as a header's: a part
	 * over two columns under one title joins them (a column's figures
	 * right-aligned, its words left-aligned: "Thuộc top 5 …" over "3,8-4,3"
	 * and "194.935,6") */
	span tit[MAX_COLS];
	int ntit = 0;
	const spill *seed = NULL;
	if (!cut) {
		size_t a = i;
		while (a > 0 && i - a < MAX_HEAD && usable(&cx->v[a - 1]) && !rs_blank(&cx->v[a - 1]) && cx->v[a - 1].page == cx->v[i].page)
			a--;
		hpart hp[MAX_HPARTS];
		size_t nhp = 0;
		int under[MAX_COLS], groups = 0;
		if (a < i)
			ntit = stacked_header(cx, a, i, NULL, 0, hp, &nhp, under, &groups, tit);
		if (ntit < 3 || groups)
			ntit = 0;
		/* the table of the page before, its header printed again right over
		 * the first row, its titles as many as that table's columns: its
		 * cells' shapes are known */
		if (ntit && last_table.head && a + last_table.nhead == i && last_table.page + 1 == cx->v[i].page &&
		    last_table.nc == ntit && words_hash(cx, a, a + last_table.nhead) == last_table.head)
			seed = &last_table.sp;
	}
	spill_reset(sp, seed);
	/* the first row opens with its number or holds a figure: a header's line does neither */
	int opens = row_number(&cx->v[i], &p[0]);
	for (int k = 1; k < n; k++)
		opens |= figure(&cx->v[i], &p[k]);
	if (!opens)
		return i + 1;
	if (!cut)
		for (int k = 0; k < n && k < MAX_COLS; k++)
			col[nc++] = (span){ p[k].cs, p[k].ce };
	else
		/* the first row's parts each in a title's column, grown by them */
		for (int k = 0, seen[MAX_COLS] = { 0 }; k < n; k++) {
			int c = part_column(&cx->v[i], p, k, col, nc, cut);
			if (c < 0 || seen[c])
				return i + 1;
			seen[c] = 1;
			if (p[k].cs < col[c].cs)
				col[c].cs = p[k].cs;
			if (p[k].ce > col[c].ce)
				col[c].ce = p[k].ce;
		}
	size_t rows[MAX_ROWS], nr = 0, wide = 0, end = i, first_row = i;
	uint32_t page = cx->v[i].page;
	rows[nr++] = i;
	wide++;
	part first_number = p[0];   /* the first row's first part: column 0 is the row numbers' when it is one */
	if (!cut)
		learn_line(cx, i, sp, col, nc);
	part first_part = p[0];   /* the first part of the last row taken */
	size_t wrap = 0;
	for (size_t j = i + 1; j < cx->n && nr < MAX_ROWS; j++) {
		const rs_line *l = &cx->v[j];
		if (rs_blank(l) && usable(l) && l->page == page && rows_go_on(cx, j, rows[nr - 1], col, nc, cut))
			continue;
		if (!usable(l) || l->page != page || rs_blank(l))
			break;
		int m = line_parts(l, p, col, nc, cut);
		if (m < 1)
			break;
		int at[MAX_PARTS], bad = 0, in_first = 0;
		for (int k = 0; k < m; k++) {
			at[k] = part_column(l, p, k, col, nc, cut);
			bad |= at[k] == -2;
			in_first |= at[k] == 0;
		}
		if (bad && ntit && join_over(cx, i, j, p, m, col, &nc, tit, ntit)) {
			spill_reset(sp, seed);
			for (size_t q = i; q < j; q++)
				learn_line(cx, q, sp, col, nc);
			m = line_parts(l, p, col, nc, cut);
			bad = in_first = 0;
			for (int k = 0; k < m; k++) {
				at[k] = part_column(l, p, k, col, nc, cut);
				bad |= at[k] == -2;
				in_first |= at[k] == 0;
			}
		}
		if (bad)
			break;
		/* under a numbered row, a line of words alone (no number, no figure)
		 * in the row's own columns is its cells going on, however many */
		int goes_on = !in_first && wrap < MAX_WRAP && row_number(&cx->v[rows[nr - 1]], &first_part);
		for (int k = 0; k < m && goes_on; k++)
			goes_on = at[k] > 0 && (!figure(l, &p[k]) || year_part(l, &p[k]));
		if (!goes_on && m >= 2 && (2 * m >= nc || in_first)) {
			/* a row: its parts in distinct columns, new ones opened */
			span save[MAX_COLS];
			int snc = nc, ok = 1;
			memcpy(save, col, sizeof col);
			/* the titles' columns are all the table's; a spilled cell's column
			 * is known by its index, which a column opened would move */
			int spilled = 0;
			for (int k = 0; k < m; k++)
				spilled |= p[k].col1 != 0;
			for (int k = 0; k < m && ok; k++)
				if (at[k] == -1)
					ok = !cut && !spilled && open_column(col, &nc, &p[k]) >= 0;
			for (int k = 0; k < m && ok; k++) {
				int c = part_column(l, p, k, col, nc, cut);
				if (c < 0)
					ok = 0;
				for (int q = 0; q < k && ok; q++)
					if (part_column(l, p, q, col, nc, cut) == c)
						ok = 0;
			}
			if (ok)
				for (int k = 0; k < m; k++) {
					if (p[k].col1)
						continue;   /* where it stands is not its column's place */
					int c = part_column(l, p, k, col, nc, cut);
					/* words split from their figure start where the figure's
					 * end lets them, a character on or off: not the column's start */
					if (p[k].cs < col[c].cs && !p[k].after_figure)
						col[c].cs = p[k].cs;
					if (p[k].ce > col[c].ce)
						col[c].ce = p[k].ce;
				}
			/* the columns grown must stay apart; under titles, in their order
			 * (a column's parts stand a character or two off from line to
			 * line, its neighbour's may reach as far); the row numbers' and
			 * the names' may touch, a name set a single space after its
			 * right-aligned number ("  1 Tốc độ …" over " 1.1 Khu vực …") */
			for (int c = 1; c < nc && ok; c++)
				if (cut ? col[c].cs <= col[c - 1].cs || col[c].ce <= col[c - 1].ce
				        : col[c].cs < col[c - 1].ce + (c == 1 && row_number(&cx->v[i], &first_number) ? 0 : 1))
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
			if (!cut)
				learn_line(cx, j, sp, col, nc);
			continue;
		}
		/* a wrapped cell going on with the row above; but a heading's line
		 * right under the table ("IV. TỔ CHỨC THỰC HIỆN", its label outside
		 * the numbers' column) ends it */
		int none = 0;
		for (int k = 0; k < m; k++)
			none |= at[k] < 0;
		if (none || in_first || ++wrap > MAX_WRAP || (m == 1 && heading_line(l, &p[0])))
			break;
		end = j;
		if (!cut)
			learn_line(cx, j, sp, col, nc);
	}
	if (wide < 2 || nc < 3 || nc > MAX_COLS)
		return i + 1;
	/* the spills judged again by every line's evidence, in the columns found */
	if (!cut) {
		spill_reset(sp, seed);
		for (size_t j = i; j <= end; j++)
			learn_line(cx, j, sp, col, nc);
	}
	/* every line's parts, each in one column of the columns found, none two in one */
	size_t numbered = 0, figs[MAX_COLS] = { 0 };
	for (size_t j = i; j <= end; j++) {
		int m = line_parts(&cx->v[j], p, col, nc, cut);
		int seen[MAX_COLS] = { 0 };
		for (int k = 0; k < m; k++) {
			int c = part_column(&cx->v[j], p, k, col, nc, cut);
			if (c < 0 || seen[c])
				return end + 1;
			seen[c] = 1;
		}
	}
	for (size_t r = 0; r < nr; r++) {
		int m = line_parts(&cx->v[rows[r]], p, col, nc, cut);
		numbered += part_column(&cx->v[rows[r]], p, 0, col, nc, cut) == 0 && row_number(&cx->v[rows[r]], &p[0]);
		for (int k = 0; k < m; k++)
			if (figure(&cx->v[rows[r]], &p[k]))
				figs[part_column(&cx->v[rows[r]], p, k, col, nc, cut)]++;
	}
	if (cut && !cuts_agree(cx, rows, nr, col, nc, cut))
		return i + 1;
	int evidence = 2 * numbered >= nr;
	for (int c = 1; c < nc; c++)
		evidence |= 2 * figs[c] >= nr && figs[c] >= 2;
	if (!evidence)
		return end + 1;
	/* the lines above, up to a blank line: group rows, then the header */
	size_t top = i;
	while (top > 0 && i - top < MAX_HEAD + MAX_WRAP && usable(&cx->v[top - 1]) && !rs_blank(&cx->v[top - 1]) &&
	       cx->v[top - 1].page == page)
		top--;
	/* cells centred on their row's line: among the rows, or in the numbered
	 * lines above them, when some row goes on over a line of its own (rows
	 * of one line each leave no line in doubt) */
	int above = centred(cx, top, i, rows, nr, col, nc, cut), among = centred(cx, i, end, rows, nr, col, nc, cut);
	if ((among || above) && centre_rows(cx, top, end, rows, &nr, col, nc, cut)) {
		/* every numbered line a row's, its lines around it: no group rows above */
		i = rows[0];
		above = 1;
	} else if (among || (above && end + 1 - i > nr)) {
		if (cut)
			*failed = 0;
		/* a row's lines above its number's as well as below: which row a
		 * line between two numbers belongs to is not known; it stays text
		 * up to a blank line */
		bc_diag_add(cx->diags, BC_N_RESTORE_SPACE_TABLE_CENTRED, (bc_pos){ (uint32_t)(i + 1), 1 }, "%zu", nr);
		size_t j = end + 1;
		while (j < cx->n && !rs_blank(&cx->v[j]) && cx->v[j].page == page)
			j++;
		return j;
	}
	/* a numbered row right above the first, with the lines under it that go
	 * on in its columns: a group's row ("1. Thống kê", its other cells
	 * empty) has too few parts to open the table, yet is one of its rows */
	for (; !above;) {
		size_t g = i, wraps = 0;
		while (g > top && wraps <= MAX_WRAP) {
			g--;
			if (numbered_at(cx, g, col, nc, cut) || !in_columns(cx, g, col, nc, cut, 1))
				break;
			wraps++;
		}
		if (g >= i || !numbered_at(cx, g, col, nc, cut) || !in_columns(cx, g, col, nc, cut, 0) || nr == MAX_ROWS)
			break;
		memmove(rows + 1, rows, nr * sizeof *rows);
		rows[0] = g;
		nr++;
		i = g;
	}
	/* the header: the lines above, up to a blank line */
	size_t h0 = i;
	while (h0 > top && i - h0 < MAX_HEAD)
		h0--;
	for (size_t j = h0; j < i; j++)
		if (numbered_at(cx, j, col, nc, cut))
			h0 = i;   /* a row left out, what is under it its cells going on: no header */
	/* a line of one part at its top in no column, a caption ("Đơn vị
	 * tính: triệu đồng" over the last column), a heading ("1. Mục tiêu,
	 * chỉ tiêu") or the end of a sentence ("quả:", the last line of the
	 * paragraph that leads to the table) is not the header's */
	while (h0 < i) {
		int m = parts_of(&cx->v[h0], p, 1);
		if (m == 1 && (column_in(col, nc, cut, &p[0]) < 0 || caption(&cx->v[h0], &p[0]) || heading_line(&cx->v[h0], &p[0]) ||
		               strchr(".:;", cx->v[h0].s[p[0].e - 1]))) {
			h0++;
			continue;
		}
		break;
	}
	int header = h0 < i && !cut, merged = 0;
	for (size_t j = h0; j < i && !cut; j++) {
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
	hpart hp[MAX_HPARTS];
	size_t nhp = 0;
	int under[MAX_COLS], groups = 0, ns = 0;
	if (merged) {
		/* the rows' columns are fewer than the header's: cells parted by a
		 * single space.  Read again with the header's titles as the columns,
		 * the parts over two of them cut */
		span st[MAX_COLS];
		int nst = stacked_header(cx, h0, i, NULL, 0, hp, &nhp, under, &groups, st);
		int failed = 1;
		size_t next = 0;
		if (nst > nc && !groups)
			next = table_at(cx, first_row, st, nst, &failed);
		if (!failed)
			return next;
		bc_diag_add(cx->diags, BC_N_RESTORE_SPACE_TABLE_KEPT, (bc_pos){ (uint32_t)(i + 1), 1 }, "%zu", nr);
		/* nor is the rest of its block a table of its own: it stays text up to a blank line */
		size_t j = end + 1;
		while (j < cx->n && !rs_blank(&cx->v[j]) && cx->v[j].page == page)
			j++;
		return j;
	}
	if (h0 < i && !cut && join_under_titles(cx, h0, i, end, col, &nc)) {
		spill_reset(sp, seed);
		for (size_t j = i; j <= end; j++)
			learn_line(cx, j, sp, col, nc);
	}
	/* the header read by its own columns first: a part falls in the column
	 * of the rows' parts it touches, a title over a figure's column or beside
	 * it may touch the wrong one ("Ghi chú" beside the figures, when no row
	 * has a note) */
	if (h0 < i)
		ns = stacked_header(cx, h0, i, col, nc, hp, &nhp, under, &groups, NULL);
	if (ns)
		header = 0;
	if (ns < 0)
		ns = 0;
	/* read with the titles as columns: they must be its header */
	if (cut && ns != nc)
		return i + 1;
	if (cut)
		*failed = 0;
	/* written back after the last line: a blank line, the header rows or a rule, the rows */
	size_t first = header || ns ? h0 : i;
	rs_add_line(cx, end, "", 0, (uint32_t)(first + 1), 1);
	if (header) {
		write_row(cx, end, h0, i - 1, col, nc, 0, 0, 0);
	} else if (ns) {
		write_header_row(cx, end, hp, nhp, ns, under, 0);
		if (groups)
			write_header_row(cx, end, hp, nhp, ns, under, 1);
	} else {
		rs_add_pipe_rule(cx, end, (size_t)nc, (uint32_t)(i + 1));
		/* the header left as paragraphs, or not told from the centred rows above */
		if (h0 < i || (above && top < i))
			bc_diag_add(cx->diags, BC_N_RESTORE_SPACE_TABLE_HEADLESS, (bc_pos){ (uint32_t)((h0 < i ? h0 : top) + 1), 1 },
			            "%zu", i - (h0 < i ? h0 : top));
	}
	for (size_t r = 0; r < nr; r++) {
		size_t last = r + 1 < nr ? rows[r + 1] - 1 : end;
		/* columns only the header fills ("Ghi chú" with no note) are empty cells at the rows' ends */
		write_row(cx, end, rows[r], last, col, nc, cut, !header && !ns, ns > nc ? ns - nc : 0);
	}
	for (size_t j = first; j <= end; j++)
		rs_move(cx, j, BC_RESTORE_SPACE_TABLE);
	cx->out->count[BC_RESTORE_SPACE_TABLE]++;
	if (!cut && (header || ns)) {
		last_table.head = words_hash(cx, h0, i);
		last_table.nhead = i - h0;
		last_table.nc = nc;
		last_table.sp = *sp;
		last_table.page = cx->v[end].page;
	}
	return end + 1;
}

static size_t table_at(rs_ctx *cx, size_t i, const span *stacks, int nstacks, int *failed)
{
	const spill *saved = spilling;
	spill sp;
	memset(&sp, 0, sizeof sp);
	size_t next = table_read(cx, i, stacks, nstacks, failed, &sp);
	spilling = saved;
	return next;
}

void rs_spacecols(rs_ctx *cx)
{
	/* a PDF's text, or a one-page text pdftotext ended with its form feed (not detected as a PDF's) */
	if (cx->shape != BC_SHAPE_PDF && !(cx->shape == BC_SHAPE_TYPED && !cx->forced && cx->ff_end))
		return;
	memset(&last_table, 0, sizeof last_table);
	for (size_t i = 0; i < cx->n;) {
		if (!usable(&cx->v[i]) || rs_blank(&cx->v[i])) {
			i++;
			continue;
		}
		i = table_at(cx, i, NULL, 0, NULL);
	}
}
