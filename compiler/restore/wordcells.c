/* wordcells.c — a table docx2txt wrote one cell per line, with nothing between the cells, rebuilt as TAB-separated rows. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * docx2txt writes each paragraph of a Word file as one line, and a table's
 * cells one after the other, each cell's paragraphs as further lines: no
 * separator, no blank line, an empty cell an empty line (or, centred, a line
 * of 39 spaces).  The rows are gone; a careful reader sees them again only
 * where the table numbers its rows: a line "STT" or "TT" (a header's first
 * cell), then, a few lines on, "1." (or "I"), and the lines from each row
 * number to the next (2., 2.1., 2.2., 3., or I, 1, 2, II, 1 …) holding the
 * same count of cells.  That count is learned from the rows themselves: the
 * distance between successive numbers that most rows share.  A number of one
 * level is written as the first is ("3" among "1." "2." is a figure in a
 * cell), and a row whose next number comes before it has its cells ends the
 * table there.
 *
 * A row with more lines than cells (a cell of two paragraphs) is read only
 * when one way of joining its lines is better than every other, judged
 * against the rows that needed none: for each column, whether its cells are
 * empty, figures or words, and how docx2txt set them (at the left, centred,
 * at the right).  The last row takes the lines that fit best.  The header
 * (the lines from "STT" to "1.") is one row when its lines, or its
 * paragraphs once a line starting in lower case or "(" joins the one before,
 * are as many as the cells; or two rows when the last lines before "1." are
 * a row whose empty cells stand under the cells of the first that span down
 * (a cell of the first row over several columns stands over a run of filled
 * ones).  Anything else leaves the lines as they were and says so
 * (restore-table-text).
 */

#define MAX_COLS 12
#define MIN_COLS 3           /* a number and two cells */
#define MAX_EXTRA 3          /* lines a row may hold beyond its cells */
#define MAX_HEAD_LINES 40    /* from "STT" to "1." */
#define MAX_DEPTH 4          /* 2.1.3.4 */
#define HEADLESS_MIN_ROWS 3  /* rows that make a table whose header could not be read */

enum { AL_LEFT, AL_CENTRE, AL_RIGHT, AL_OTHER };
enum { CL_EMPTY, CL_FIGURE, CL_WORDS };

/* ---- a line as docx2txt set it ---- */

static int align_of(const rs_line *l)
{
	size_t lead = 0;
	while (lead < l->len && l->s[lead] == ' ')
		lead++;
	if (lead == l->len)
		return l->len == 39 ? AL_CENTRE : l->len == 79 ? AL_RIGHT : l->len == 0 ? AL_LEFT : AL_OTHER;
	if (lead == 0)
		return AL_LEFT;
	size_t rest = l->len - lead;
	if (rest < 79 && lead == (79 - rest) / 2)
		return AL_CENTRE;
	if (lead + rest == 79)
		return AL_RIGHT;
	return AL_OTHER;
}

static int class_of(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n)
		return CL_EMPTY;
	return s[0] >= '0' && s[0] <= '9' ? CL_FIGURE : CL_WORDS;
}

/* A line that is a figure and nothing more ("7.370", "50,7"; not "1.1.2. Chăn nuôi …"). */
static int figure_alone(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	return n && rs_figure_token(s, n);
}

/* A line that goes on with the paragraph before it: lower case or "(". */
static int goes_on(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	uint32_t cp = 0;
	if (n)
		bc_utf8_decode(s, n, &cp);
	return n && (cp == '(' || bc_cp_is_lower(cp));
}

/* A line a row of a PDF's text does not run over: blank, or on another page's. */
static int stops(const rs_line *l)
{
	return l->dropped || rs_blank(l);
}

/* "STT", "TT", "Số TT", "Số thứ tự" alone on the line. */
static int head_line(const rs_line *l)
{
	static const char *const heads[] = { "TT", "STT", "Stt", "Số TT", "SỐ TT", "Số thứ tự", "SỐ THỨ TỰ" };
	if (l->dropped || l->len > 80)
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
		if (n == strlen(heads[k]) && memcmp(s, heads[k], n) == 0)
			return 1;
	return 0;
}

/* A row's number: "7", "7.", "2.1.", "3.2", or a Roman "II" ("II."). */
typedef struct label {
	int letter;              /* a group's capital letter, A = 1 (a budget's "A" "B" "C"), else 0 */
	int roman;               /* its value when Roman, else 0 */
	int part[MAX_DEPTH];
	int depth;
	int dot;                 /* written with a final "." */
} label;

static int read_label(const rs_line *l, label *lb)
{
	if (l->dropped || l->len > 80)
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	int dot = n && s[n - 1] == '.';
	n -= (size_t)dot;
	if (!n || n > 15)
		return 0;
	memset(lb, 0, sizeof *lb);
	lb->dot = dot;
	int kind = 0, g = rs_group_label(s, n, &kind);
	if (g && kind == 'I') {
		lb->roman = g;
		return 1;
	}
	if (g && !dot) {
		lb->letter = g;
		return 1;
	}
	size_t i = 0;
	while (i < n) {
		if (lb->depth == MAX_DEPTH)
			return 0;
		int v = 0, digits = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 3)
			v = v * 10 + (s[i++] - '0'), digits++;
		if (!digits || v == 0)
			return 0;
		lb->part[lb->depth++] = v;
		if (i < n && s[i++] != '.')
			return 0;
		if (i == n && s[i - 1] == '.')
			return 0;
	}
	return 1;
}

/* Where the numbering stands: the last group's letter, the last Roman number
 * (0: none since), the last decimal one (depth 0: none since). */
typedef struct seq {
	int letter;
	int roman;
	int ran;                 /* the last top-level decimal number before the group's label: "4" may follow "II" after "3" */
	label dec;
	int rows;
	int dot;                 /* the first number's final ".": "1." or "1" */
	size_t cols;             /* in a carry: the cells of the table it ended */
} seq;

/* The numbering stands right under a group's letter, no number since. */
static int under_letter(const seq *st) { return st->letter && !st->roman && !st->dec.depth; }

/* lb is the number that comes next after the numbering st. */
static int follows(const seq *st, const label *lb)
{
	/* a number of one level is written as the table's first is: a "3"
	 * among "1." "2." is a figure in a cell ("3.2" is a number whatever) */
	if (lb->letter)
		return lb->letter == st->letter + 1 && (st->letter || !st->rows);
	if ((lb->roman || lb->depth == 1) && st->rows && lb->dot != st->dot && !under_letter(st))
		return 0;
	/* "I" opens the Roman numbers under a group's letter too */
	if (lb->roman)
		return lb->roman == st->roman + 1 && (st->roman || !st->rows || st->letter);
	const label *p = &st->dec;
	/* under a new group the numbers start again, or run on from the group before ("I" 1 2 3 "II" 4 5) */
	if (!p->depth)
		return lb->depth == 1 && (lb->part[0] == 1 || (st->ran && lb->part[0] == st->ran + 1));
	/* a first child: 2 then 2.1 */
	if (lb->depth == p->depth + 1 && lb->part[lb->depth - 1] == 1 && !memcmp(lb->part, p->part, p->depth * sizeof(int)))
		return 1;
	/* the next at a level of the last: 2.1.3 then 2.1.4, 2.2 or 3 */
	int k = lb->depth - 1;
	return k < p->depth && !memcmp(lb->part, p->part, k * sizeof(int)) && lb->part[k] == p->part[k] + 1;
}

static void advance(seq *st, const label *lb)
{
	if (!st->rows || (under_letter(st) && !lb->letter))
		st->dot = lb->dot;   /* the numbers' own "." or none, learned under the letter too */
	if (lb->letter || lb->roman)
		st->ran = st->dec.depth ? st->dec.part[0] : 0;
	if (lb->letter) {
		st->letter = lb->letter;
		st->roman = 0;
		st->dec.depth = 0;
	} else if (lb->roman) {
		st->roman = lb->roman;
		st->dec.depth = 0;
	} else {
		st->dec = *lb;
	}
	st->rows++;
}

/* ---- the columns' look, from the rows that needed no joining ---- */

typedef struct profile {
	int cls[MAX_COLS], al[MAX_COLS];
} profile;

/* How well cells made of lines v[first .. first + m) split at starts[0..nc) fit the profile. */
static int score(const rs_ctx *cx, const profile *pf, size_t first, const size_t *starts, size_t nc, size_t m)
{
	int sc = 0;
	for (size_t c = 0; c < nc; c++) {
		size_t b = first + starts[c], e = first + (c + 1 < nc ? starts[c + 1] : m);
		sc += 2 * (class_of(&cx->v[b]) == pf->cls[c + 1]);
		int all = 1;
		for (size_t i = b; i < e; i++) {
			all &= align_of(&cx->v[i]) == pf->al[c + 1];
			/* an empty line or a figure is a cell of its own */
			if (i > b && class_of(&cx->v[i]) != CL_WORDS)
				sc -= 2;
		}
		sc += all;
		/* a figure is a cell of its own */
		if (e - b > 1 && class_of(&cx->v[b]) == CL_FIGURE)
			sc -= 2;
	}
	return sc;
}

/* The best split of the m lines after a row's number into nc cells; -1 when
 * two are equally good or the best fits the columns too badly. */
typedef struct split_arg {
	const rs_ctx *cx;
	const profile *pf;
	size_t first, nc, m;
} split_arg;

static int score_of(void *arg, const size_t *starts)
{
	const split_arg *a = arg;
	return score(a->cx, a->pf, a->first, starts, a->nc, a->m);
}

static int best_split(const rs_ctx *cx, const profile *pf, size_t first, size_t m, size_t nc, size_t *starts, int *best_score)
{
	split_arg a = { cx, pf, first, nc, m };
	int best;
	size_t ties = rs_best_split(nc, m, score_of, &a, starts, &best);
	*best_score = best;
	/* the cells' kinds as their columns', all but one */
	return ties || best < 2 * ((int)nc - 1) ? -1 : 0;
}

/* ---- writing the rows ---- */

/* One row: cell c of lines [cb[c], ce[c]) (empty when equal), TAB-separated, written after line `after`;
 * the row stands where its first word does, a row opening with empty cells on its first line.  Or, pipe,
 * as a pipe table's row ("| 1 | Lúa | 5.200 |", a table written without its header), standing where its
 * first part does. */
static void write_row(rs_ctx *cx, size_t after, const size_t *cb, const size_t *ce, size_t nc, int pipe)
{
	rs_row rt = RS_ROW_INIT;
	if (pipe)
		rs_row_str(&rt, "| ");
	for (size_t c = 0; c < nc; c++) {
		if (c)
			rs_row_str(&rt, pipe ? " | " : "\t");
		if (ce[c] > cb[c])
			rs_row_lines(cx, cb[c], ce[c] - 1, &rt);
	}
	if (pipe) {
		rs_row_str(&rt, " |");
		rs_row_place(cx, after, &rt);
	} else if (rt.njumps && rt.jumps[0].col == 1) {
		rs_row_add(cx, after, &rt, 0, 0);
	} else {
		rs_row_add(cx, after, &rt, (uint32_t)(cb[0] + 1), 1);
	}
}

/* ---- the header ---- */

/* The paragraphs of header lines [h, e): the filled lines, a line in lower
 * case or "(" going on with the one right before it; [ub[k], ue[k]) each.
 * Returns how many. */
static size_t paragraphs(const rs_ctx *cx, size_t h, size_t e, size_t *ub, size_t *ue)
{
	size_t nu = 0;
	for (size_t i = h; i < e; i++) {
		if (rs_blank(&cx->v[i]))
			continue;
		if (nu && goes_on(&cx->v[i]) && ue[nu - 1] == i)
			ue[nu - 1] = i + 1;
		else
			ub[nu] = i, ue[nu++] = i + 1;
	}
	return nu;
}

/* The header's lines [h, e): up to two rows of nc cells (cb/ce per row); the number of rows, 0 when not read. */
static int read_head(const rs_ctx *cx, size_t h, size_t e, size_t nc, int strict, size_t cb[2][MAX_COLS], size_t ce[2][MAX_COLS])
{
	size_t nl = e - h;
	if (nl == nc && !strict) {
		for (size_t c = 0; c < nc; c++)
			cb[0][c] = h + c, ce[0][c] = h + c + 1;
		return 1;
	}
	/* its paragraphs: the filled lines, a line in lower case or "(" going on with the one before */
	size_t ub[MAX_HEAD_LINES], ue[MAX_HEAD_LINES];
	size_t nu = paragraphs(cx, h, e, ub, ue);
	if (nu == nc) {
		for (size_t c = 0; c < nc; c++)
			cb[0][c] = ub[c], ce[0][c] = ue[c];
		return 1;
	}
	if (nl <= nc || strict)
		return 0;
	/* two rows: the last nc lines a row whose empty cells lie under cells spanning down */
	size_t r2 = e - nc, empties = 0, runs = 0;
	if (!rs_blank(&cx->v[r2]))
		return 0;
	for (size_t c = 0; c < nc; c++) {
		int blank = rs_blank(&cx->v[r2 + c]);
		empties += blank;
		runs += !blank && (c == 0 || rs_blank(&cx->v[r2 + c - 1]));
	}
	nu = paragraphs(cx, h, r2, ub, ue);
	if (!runs || nu != empties + runs)
		return 0;
	/* the first row's cells in order: one over each empty cell, one over each run (the rest of the run empty) */
	size_t u = 0;
	for (size_t c = 0; c < nc; c++) {
		int blank = rs_blank(&cx->v[r2 + c]);
		cb[1][c] = r2 + c, ce[1][c] = r2 + c + 1;
		if (blank || c == 0 || rs_blank(&cx->v[r2 + c - 1]))
			cb[0][c] = ub[u], ce[0][c] = ue[u], u++;
		else
			cb[0][c] = ce[0][c] = r2 + c;
	}
	return 2;
}

/* ---- a table ---- */

/* Says that the lines from line i on look like a table's, left as text: the
 * note names the line (a header's "STT", or the number of the row that could
 * not be read). */
static void left_as_text(rs_ctx *cx, size_t i)
{
	/* a PDF's text: the other readings of a table get their turn, and say what they leave */
	if (!cx->docx2txt)
		return;
	const char *s;
	size_t n;
	rs_trim(&cx->v[i], &s, &n);
	if (cx->diags)
		bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_TEXT, (bc_pos){ (uint32_t)(i + 1), (uint32_t)bc_utf8_count(cx->v[i].s, (size_t)(s - cx->v[i].s)) + 1 }, "%.*s", (int)n, s);
}

/* Line j is the number of the row after the numbering st, set as the
 * table's first row number is (docx2txt's alignment). */
static int next_number(const rs_ctx *cx, size_t j, const seq *st, label *lb, int num_al)
{
	return read_label(&cx->v[j], lb) && follows(st, lb) && (!cx->docx2txt || align_of(&cx->v[j]) == num_al);
}

/* The table whose header opens at line h; returns the line after it (h + 1
 * when none).  A table whose numbering does not start again (a header Word
 * repeats on the next page, docx2txt as a table of its own) goes on with
 * *carry, the numbering where the table before it ended, when that ended
 * at most a few lines above. */
static size_t table_at(rs_ctx *cx, size_t h, seq *carry, size_t carry_end)
{
	/* outside docx2txt a blank line is no empty cell: it ends a row's lines */
	int strict = !cx->docx2txt;
	/* its first row's number */
	seq st = { 0 }, st0;
	label lb;
	size_t r0 = h + 1;
	int cont = carry->rows && h >= carry_end && h - carry_end <= 3;
	for (; r0 < cx->n && r0 - h <= MAX_HEAD_LINES; r0++) {
		if (head_line(&cx->v[r0]))
			break;
		if (read_label(&cx->v[r0], &lb) && (follows(&st, &lb) || (cont && follows(carry, &lb))))
			break;
	}
	if (r0 >= cx->n || r0 - h > MAX_HEAD_LINES || head_line(&cx->v[r0])) {
		left_as_text(cx, h);
		return r0 < cx->n && head_line(&cx->v[r0]) ? r0 : h + 1;
	}
	if (!follows(&st, &lb))
		st = *carry;
	st0 = st;
	/* docx2txt sets the row numbers as the first one stands (centred), the
	 * figures in the cells elsewhere (at the right): a "2" among a row's
	 * figures is no row's number */
	int num_al = align_of(&cx->v[r0]);
	/* the count of lines a row: the distance most rows keep between their numbers */
	size_t hist[MAX_COLS + MAX_EXTRA + 1] = { 0 }, nd = 0, at = r0;
	for (;;) {
		advance(&st, &lb);
		size_t j = at + 2;
		while (j < cx->n && j - at <= MAX_COLS + MAX_EXTRA && !head_line(&cx->v[j]) && !(strict && stops(&cx->v[j])) &&
		       !next_number(cx, j, &st, &lb, num_al))
			j++;
		if (j < cx->n && strict && stops(&cx->v[j]))
			break;
		if (j >= cx->n || j - at > MAX_COLS + MAX_EXTRA || head_line(&cx->v[j]))
			break;
		hist[j - at]++;
		nd++;
		at = j;
	}
	/* a total's row under the last numbered one keeps the same distance:
	 * evidence too ("Tổng cộng" after rows 1 and 2) */
	for (size_t t = at + 2; t < cx->n && t - at <= MAX_COLS && !head_line(&cx->v[t]) && !(strict && stops(&cx->v[t])); t++)
		if (rs_total_label(&cx->v[t])) {
			hist[t - at]++;
			nd++;
			break;
		}
	size_t nc = 0;
	for (size_t d = MIN_COLS; d <= MAX_COLS; d++)
		if (hist[d] > hist[nc])
			nc = d;
	/* a table going on keeps the cells of the one before, when no row says otherwise */
	if (st0.rows && st0.cols && hist[st0.cols] == nd)
		nc = st0.cols;
	else if (!nc || hist[nc] < 2 || 2 * hist[nc] < nd) {
		left_as_text(cx, h);
		return h + 1;
	}
	size_t hb[2][MAX_COLS], he[2][MAX_COLS];
	int hrows = read_head(cx, h, r0, nc, strict, hb, he);
	/* a PDF's header whose lines came out in another order than its cells
	 * (mutool: a title over two columns, "Thực hiện 6 tháng đầu năm" over
	 * "Năm 2025" "Năm 2026", printed before "TT"): the rows are read all the
	 * same, written without the header, which stays text, and a note says so */
	int headless = !hrows && strict && !st0.rows;
	if (!hrows && !headless) {
		left_as_text(cx, h);
		return h + 1;
	}
	/* the rows: from each number, the next at nc lines or a few more */
	size_t cap = 64, nr = 0, *rb = bc_xmalloc(cap * sizeof *rb), *rm = bc_xmalloc(cap * sizeof *rm);
	st = st0;
	size_t short_row = SIZE_MAX;
	read_label(&cx->v[r0], &lb);
	for (size_t at = r0;;) {
		advance(&st, &lb);
		/* the next number before the row has its cells: the row is short, the table ends before it */
		size_t j = at + 1;
		while (j < cx->n && j < at + nc && !next_number(cx, j, &st, &lb, num_al))
			j++;
		if (j < cx->n && j < at + nc) {
			short_row = at;
			break;
		}
		while (j < cx->n && j - at <= nc + MAX_EXTRA && !head_line(&cx->v[j]) && !(strict && stops(&cx->v[j])) &&
		       !next_number(cx, j, &st, &lb, num_al))
			j++;
		int found = j < cx->n && j - at <= nc + MAX_EXTRA && !head_line(&cx->v[j]) && !(strict && stops(&cx->v[j]));
		if (nr == cap) {
			cap *= 2;
			rb = bc_xrealloc(rb, cap * sizeof *rb);
			rm = bc_xrealloc(rm, cap * sizeof *rm);
		}
		rb[nr] = at;
		rm[nr++] = found ? j - at : 0;   /* 0: the last row, its end not known */
		if (!found)
			break;
		at = j;
	}
	if (!nr) {
		/* the first row is short */
		left_as_text(cx, h);
		free(rb);
		free(rm);
		return h + 1;
	}
	/* how each column's cells look in the rows that needed no joining */
	profile pf;
	for (size_t c = 0; c < nc; c++) {
		size_t cls[3] = { 0 }, al[4] = { 0 };
		for (size_t r = 0; r < nr; r++)
			if (rm[r] == nc) {
				cls[class_of(&cx->v[rb[r] + c])]++;
				al[align_of(&cx->v[rb[r] + c])]++;
			}
		pf.cls[c] = 0;
		for (int k = 1; k < 3; k++)
			if (cls[k] > cls[pf.cls[c]])
				pf.cls[c] = k;
		pf.al[c] = 0;
		for (int a = 1; a < 4; a++)
			if (al[a] > al[pf.al[c]])
				pf.al[c] = a;
	}
	/* each row's cells; a row that cannot be read ends the table before it */
	size_t (*starts)[MAX_COLS] = bc_xmalloc(nr * sizeof *starts);
	size_t rows = 0, ncells = nc - 1;
	for (size_t r = 0; r < nr; r++) {
		int sc;
		if (rm[r] == nc) {
			for (size_t c = 0; c < ncells; c++)
				starts[r][c] = c;
		} else if (rm[r]) {
			if (best_split(cx, &pf, rb[r] + 1, rm[r] - 1, ncells, starts[r], &sc) < 0) {
				break;
			}
		} else {
			/* the last row: the lines that fit best, no farther than the next header */
			int best = -1000, ties = 0;
			size_t best_m = 0;
			for (size_t m = ncells; m <= ncells + MAX_EXTRA && rb[r] + 1 + m <= cx->n; m++) {
				size_t s[MAX_COLS];
				int stop = 0;
				/* nor over a total's row under it ("Tổng cộng") */
				for (size_t i = rb[r] + 1; i < rb[r] + 1 + m; i++)
					stop |= head_line(&cx->v[i]) || cx->v[i].dropped || (strict && stops(&cx->v[i])) ||
					        (i > rb[r] + 1 && rs_total_label(&cx->v[i]));
				if (stop)
					break;
				if (best_split(cx, &pf, rb[r] + 1, m, ncells, s, &sc) < 0)
					continue;
				if (sc > best) {
					best = sc, ties = 0, best_m = m;
					memcpy(starts[r], s, sizeof s);
				} else if (sc == best) {
					ties++;
				}
			}
			if (!best_m || ties) {
				break;
			}
			rm[r] = best_m + 1;
		}
		rows++;
	}
	size_t stop_at = rows < nr ? rb[rows] : short_row;
	int stopped = stop_at != SIZE_MAX;
	size_t next = h + 1;
	if (rows < (st0.rows ? 1u : headless ? HEADLESS_MIN_ROWS : 2u)) {
		left_as_text(cx, h);
	} else {
		if (stopped)
			left_as_text(cx, stop_at);
		/* where the numbering stands after the rows written, for a table going on */
		*carry = st0;
		carry->cols = nc;
		for (size_t r = 0; r < rows; r++) {
			read_label(&cx->v[rb[r]], &lb);
			advance(carry, &lb);
		}
		size_t last = rb[rows - 1] + rm[rows - 1] - 1;
		/* a total's row under the numbered ones, unnumbered: its label, then
		 * a figure a line for each value's column, nothing more of the kind
		 * after them ("Tổng cộng" / "820,0" / "430,5" / "1.250,5") */
		size_t tl = last + 1;
		/* docx2txt writes the empty number's cell as an empty line before the label */
		int empty_number = !strict && tl + 1 < cx->n && class_of(&cx->v[tl]) == CL_EMPTY && !cx->v[tl].dropped;
		if (empty_number)
			tl++;
		int total = !stopped && tl + ncells <= cx->n && !cx->v[tl].dropped && rs_total_label(&cx->v[tl]);
		/* its last cells may be empty lines (no figure under "Tiến độ thực
		 * hiện"), a figure at least before them; docx2txt's only */
		size_t figs = 0;
		for (size_t c = 1; total && c < ncells; c++) {
			int cl = cx->v[tl + c].dropped ? -1 : class_of(&cx->v[tl + c]);
			if (cl == CL_FIGURE && figs == c - 1)
				figs++;
			else if (!(cl == CL_EMPTY && !strict && figs))
				total = 0;
		}
		if (total && tl + ncells < cx->n && !cx->v[tl + ncells].dropped && figure_alone(&cx->v[tl + ncells]))
			total = 0;
		if (total)
			last = tl + ncells - 1;
		rs_add_line(cx, last, "", 0, (uint32_t)((headless ? r0 : h) + 1), 1);
		if (headless)
			rs_add_pipe_rule(cx, last, nc, (uint32_t)(r0 + 1));
		for (int k = 0; k < hrows; k++)
			write_row(cx, last, hb[k], he[k], nc, 0);
		for (size_t r = 0; r < rows; r++) {
			size_t cb[MAX_COLS], ce[MAX_COLS];
			cb[0] = rb[r], ce[0] = rb[r] + 1;
			for (size_t c = 0; c < ncells; c++) {
				cb[c + 1] = rb[r] + 1 + starts[r][c];
				ce[c + 1] = c + 1 < ncells ? rb[r] + 1 + starts[r][c + 1] : rb[r] + rm[r];
			}
			write_row(cx, last, cb, ce, nc, headless);
		}
		if (total) {
			size_t cb[MAX_COLS], ce[MAX_COLS];
			cb[0] = ce[0] = tl;   /* no number (its empty line, if any, stays out of the row) */
			for (size_t c = 0; c < ncells; c++)
				cb[c + 1] = tl + c, ce[c + 1] = tl + c + 1;
			write_row(cx, last, cb, ce, nc, headless);
		}
		rs_add_line(cx, last, "", 0, (uint32_t)(last + 1), 1);
		for (size_t i = headless ? r0 : h; i <= last; i++)
			if (!cx->v[i].dropped)
				rs_move(cx, i, BC_RESTORE_CELLS);
		cx->out->count[BC_RESTORE_CELLS]++;
		if (headless && cx->diags)
			bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_HEADLESS, (bc_pos){ (uint32_t)(h + 1), 1 }, NULL);
		next = last + 1;
	}
	free(starts);
	free(rb);
	free(rm);
	return next;
}

/* ---- a table without row numbers ---- */

/*
 * A table of figures with no number column ("Chỉ tiêu" / "ĐVT" / "Kế hoạch
 * năm 2025" / "Thực hiện 9 tháng" / "Tỷ lệ %"), docx2txt's way: each cell a
 * line, the rows one after the other.  No number marks a row's start; the
 * rows' own pattern does: groups of p lines (p the header's cells), three
 * groups at least, each line of a group of the same kind as the same line
 * of every other group (empty, a figure, words), the first words, the last
 * a figure, two figures at least; right above them p lines of words, short,
 * the header (a title a line).  A table of words (a programme: time,
 * content, who) is read so too when its header's titles are all centred
 * and its rows' lines alike by kind and by how docx2txt set them, not all
 * the same (a time centred, the rest at the left).  Such a run is written back as TAB-separated
 * rows after its last line; anything else stays as it was.
 */
#define PLAIN_MIN_ROWS 3

/* Lines [i, i + p) as a group of the pattern cls (a kind a line: empty, a
 * figure alone, words, and, with `aligned`, how docx2txt set it; set from
 * them when *set is 0). */
static int plain_group(const rs_ctx *cx, size_t i, size_t p, int *cls, int *set, int aligned)
{
	if (i + p > cx->n)
		return 0;
	for (size_t q = 0; q < p; q++) {
		const rs_line *l = &cx->v[i + q];
		if (l->dropped || l->len > 240)
			return 0;
		int c = class_of(l);
		if (c == CL_FIGURE && !figure_alone(l))
			c = CL_WORDS;
		if (aligned)
			c = c * 4 + align_of(l);
		if (!*set)
			cls[q] = c;
		else if (cls[q] != c)
			return 0;
	}
	if (!*set) {
		size_t figs = 0, kinds = 0;
		for (size_t q = 0; q < p; q++) {
			figs += (aligned ? cls[q] / 4 : cls[q]) == CL_FIGURE;
			kinds += q > 0 && cls[q] != cls[q - 1];
		}
		/* a table of figures: its first cell words, its last a figure; or,
		 * read with docx2txt's alignment, lines that are not all alike (a
		 * time centred, its content and who carries it out at the left) */
		if (aligned ? !kinds || cls[0] / 4 == CL_EMPTY : cls[0] != CL_WORDS || cls[p - 1] != CL_FIGURE || figs < 2)
			return 0;
		*set = 1;
	}
	return 1;
}

/* The table without numbers whose header is lines [h, h + p); returns the line after it, or h when none. */
static size_t plain_table_at(rs_ctx *cx, size_t h, size_t p)
{
	if (h + p > cx->n)
		return h;
	for (size_t q = 0; q < p; q++) {
		const rs_line *l = &cx->v[h + q];
		const char *s;
		size_t n;
		rs_trim(l, &s, &n);
		if (l->dropped || class_of(l) != CL_WORDS || n > 120 || strchr(".;:", s[n - 1]))
			return h;
	}
	int cls[MAX_COLS], set = 0;
	size_t r0 = h + p, nr = 0;
	while (plain_group(cx, r0 + nr * p, p, cls, &set, 0))
		nr++;
	if (nr < PLAIN_MIN_ROWS) {
		/* or a table of words, its header's titles centred (docx2txt centres
		 * a header's cells), the rows' lines alike by kind and alignment */
		int centred = 1;
		for (size_t q = 0; q < p && centred; q++)
			centred = align_of(&cx->v[h + q]) == AL_CENTRE;
		set = 0, nr = 0;
		while (centred && plain_group(cx, r0 + nr * p, p, cls, &set, 1))
			nr++;
	}
	if (nr < PLAIN_MIN_ROWS)
		return h;
	size_t last = r0 + nr * p - 1;
	rs_add_line(cx, last, "", 0, (uint32_t)(h + 1), 1);
	for (size_t r = 0; r <= nr; r++) {
		size_t cb[MAX_COLS], ce[MAX_COLS], at = r ? r0 + (r - 1) * p : h;
		for (size_t q = 0; q < p; q++)
			cb[q] = at + q, ce[q] = at + q + 1;
		write_row(cx, last, cb, ce, p, 0);
	}
	rs_add_line(cx, last, "", 0, (uint32_t)(last + 1), 1);
	for (size_t i = h; i <= last; i++)
		rs_move(cx, i, BC_RESTORE_CELLS);
	cx->out->count[BC_RESTORE_CELLS]++;
	return last + 1;
}

/* docx2txt's tables without numbers: at each line, a header of p lines for the widest p that holds. */
static void plain_tables(rs_ctx *cx)
{
	for (size_t h = 0; h < cx->n; h++) {
		if (cx->v[h].dropped || class_of(&cx->v[h]) != CL_WORDS)
			continue;
		for (size_t p = MAX_COLS; p >= MIN_COLS; p--) {
			size_t next = plain_table_at(cx, h, p);
			if (next != h) {
				h = next - 1;
				break;
			}
		}
	}
}

void rs_wordcells(rs_ctx *cx)
{
	/* docx2txt's tables; and a PDF's text that writes each cell on a line of
	 * its own (mutool), the rows without blank lines */
	if (!((cx->shape == BC_SHAPE_WORD && cx->docx2txt) || cx->shape == BC_SHAPE_PDF))
		return;
	seq carry = { 0 };
	size_t end = 0;
	for (size_t i = 0; i < cx->n;) {
		if (!head_line(&cx->v[i])) {
			i++;
			continue;
		}
		size_t built = cx->out->count[BC_RESTORE_CELLS];
		size_t next = table_at(cx, i, &carry, end);
		/* only a table written back is one a repeated header goes on with */
		if (cx->out->count[BC_RESTORE_CELLS] > built)
			end = next;
		i = next;
	}
	if (cx->shape == BC_SHAPE_WORD && cx->docx2txt)
		plain_tables(cx);
}
