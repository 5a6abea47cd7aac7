/* ocrtable.c — a table OCR read as lines, each row one line with its cells parted by single spaces, rebuilt as TAB-separated rows. */
#include "restore_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * Tesseract reads a scanned table row by row: each row one line, its cells
 * parted by one space like any two words ("4 Sở Giáo dục và Đào tạo Phú Thọ
 * Tháng 5/2026"), its header likewise ("STT Đơn vị Thời gian"), blank lines
 * between some rows, and the row numbers sometimes misread ("|" for 1, ":"
 * for 5).  A careful reader still sees the table:
 *
 *  - a header line opened by the row-number column ("STT", "TT", "Số TT" …),
 *    then short column titles, each starting with a capital ("Đơn vị",
 *    "Thời gian"; a word in capitals, "UBND", makes the titles uncertain);
 *  - then lines opened by the row numbers 1, 2, 3 … in order, a blank line
 *    or two between them at most.  A "|", "l" or "I" where 1 must stand, a
 *    ":" where 5 must, is read as that figure only when the sequence makes
 *    it certain: the next row's number is read plainly (or, for the last
 *    row, the one before it is and the row splits as the others do);
 *  - each row's text after its number split into as many cells as the
 *    header has titles, by evidence that holds across the rows: a last
 *    column of short values shaped alike (at most six words, from a figure,
 *    or from a word of time before it, "Ngày", "Tháng", "Quý" …, to the
 *    row's end: "Tháng 4/2026", "Ngày 17,18 tháng 4/2026", "15"), and a
 *    phrase of two words or more, opened by a capital, that every row holds
 *    once after its first word, after a word in lower case or a figure (a
 *    column whose cells all open alike, "… hồ sơ Văn phòng Ủy ban …"; after
 *    a capital it may go on with it, "Phó Chủ tịch").
 *    The number of titles must equal the number of cells the evidence
 *    makes; the header's word count is no evidence.
 *
 * Single spaces only: a line with a run of three spaces (a column gap of
 * pdftotext -layout) or a TAB is another shape, and ends the rows.  A row
 * whose line goes on in lower case on the next line is not one line: the
 * table ends before it.  256 rows at most.
 *
 * A row the evidence does not split keeps its text in one cell (the cells
 * after it empty), and a note says so at the row; a misread number is
 * written as the figure read, the line as OCR wrote it is kept (restored
 * records), and a note says what was read.  When fewer than two rows, or
 * fewer than half of them, split, the table stays text and a note says so.
 * Every row is written after the table's last line, the header first, as
 * cells.c writes its rows; each character keeps its input column.
 */

#define OT_MAX_HEAD_BYTES 160   /* a header line: the number's title and a few short ones */
#define OT_MAX_TITLES 7         /* titles after the number's */
#define OT_MIN_TITLES 2         /* "STT" and one title is a numbered list as often as a table */
#define OT_MAX_ROWS 256
#define OT_MAX_WORDS 64         /* words of a row looked at; a longer row keeps its text in one cell */
#define OT_MAX_TAIL 6           /* words of a last column of values */
#define OT_MAX_BLANKS 2         /* blank lines between two rows */
#define OT_MIN_PHRASE 2         /* words of a phrase every row holds */
#define FT_MAX_VALUES 12        /* figures at a row's end, each a cell (rows of figures, below) */
#define FT_MAX_LABEL_LINES 3    /* lines of a row's label under its number's */
#define OT_PHRASE_WORDS 24      /* words of a row a phrase is looked for in: bounded work a row */

typedef struct span {
	size_t b, e;   /* bytes of the line */
} span;

typedef struct orow {
	size_t line;              /* input line, 0-based */
	size_t lead;              /* bytes of leading spaces */
	size_t tb, te;            /* the number's token */
	int misread;              /* the token read as the number through OCR's confusions */
	span w[OT_MAX_WORDS];     /* the words after the number */
	size_t nw;
	int toolong;
	size_t cut[OT_MAX_TITLES];   /* the words that start the cells after the first */
	size_t ncut;
	int certain;
	/* a row of figures: its label's lines under the number's (pdftotext
	 * -raw of a narrow column), its values and the line of each; vline the
	 * row's last line when it runs over lines, 0 when it is one line (its
	 * values then the last words of w until figure_table_at counts them) */
	size_t cont[FT_MAX_LABEL_LINES], ncont;
	size_t vline;
	span v[FT_MAX_VALUES];
	size_t vl[FT_MAX_VALUES];
	size_t nv;
} orow;

/* ---- words ---- */

static uint32_t cp_at(const char *s, size_t n)
{
	uint32_t cp = 0;
	if (n)
		bc_utf8_decode(s, n, &cp);
	return cp;
}

static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

static int has_letter_or_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + i, n - i, &cp);
		if (bc_cp_is_letter(cp) || (cp >= '0' && cp <= '9'))
			return 1;
		i += m > 0 ? (size_t)m : 1;
	}
	return 0;
}

/* A run of three spaces: pdftotext -layout's gap between columns. */
static int column_gap(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ')
			return 1;
	return 0;
}

/* Two letters or more, none in lower case: "UBND", "ĐƠN". */
static int all_caps(const char *s, size_t n)
{
	size_t letters = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + i, n - i, &cp);
		if (bc_cp_is_lower(cp))
			return 0;
		letters += bc_cp_is_letter(cp);
		i += m > 0 ? (size_t)m : 1;
	}
	return letters >= 2;
}

/* A word of the values' column after its first: a figure in it, a word in
 * lower case ("tháng"), or marks alone ("-"). */
static int value_word(const char *s, size_t n)
{
	return has_digit(s, n) || bc_cp_is_lower(cp_at(s, n)) || !has_letter_or_digit(s, n);
}

/* A word of time that stands before a figure in a column of dates: "Ngày 17", "Tháng 4/2026", "trước 15/5". */
static int time_word(const char *s, size_t n)
{
	static const char *const words[] = {
		"Ngày", "ngày", "Tháng", "tháng", "Năm", "năm", "Quý", "quý", "Tuần", "tuần", "Từ", "từ",
		"Đến", "đến", "Trước", "trước", "Trong", "trong", "Giờ", "giờ", "Đợt", "đợt",
	};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strlen(words[k]) == n && memcmp(words[k], s, n) == 0)
			return 1;
	return 0;
}

/* The words of s[b..e) into w (at most max); 0 when there are more. */
static int split_words(const char *s, size_t b, size_t e, span *w, size_t max, size_t *nw)
{
	*nw = 0;
	size_t i = b;
	while (i < e) {
		while (i < e && s[i] == ' ')
			i++;
		if (i == e)
			break;
		size_t j = i;
		while (j < e && s[j] != ' ')
			j++;
		if (*nw == max)
			return 0;
		w[(*nw)++] = (span){ i, j };
		i = j;
	}
	return 1;
}

/* ---- the header ---- */

/* The line as a header: "STT" (or another title of the number column), then
 * titles each opened by a capital.  Returns the number of titles (0: no
 * header); starts[] their first bytes, numend the end of the number's
 * title; *uncertain when a word in capitals makes the titles unclear. */
static size_t head_titles(const rs_line *l, size_t *starts, size_t *numend, int *uncertain)
{
	if (l->dropped || !l->len || l->len > OT_MAX_HEAD_BYTES || memchr(l->s, '\t', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (n < 4 || !strchr("TS", s[0]))
		return 0;
	size_t b = (size_t)(s - l->s), e = b + n, at = 0;
	size_t hl = rs_number_head(s, n);
	if (hl && hl < n)
		at = b + hl + 1;   /* past the space after it */
	if (!at || strchr(".;:,", l->s[e - 1]))
		return 0;
	/* single spaces: a run of three is pdftotext -layout's column gap, another shape */
	if (column_gap(l->s + b, e - b))
		return 0;
	span w[3 * OT_MAX_TITLES];
	size_t nw;
	if (!split_words(l->s, at, e, w, sizeof w / sizeof w[0], &nw) || !nw)
		return 0;
	size_t nt = 0;
	*uncertain = 0;
	for (size_t k = 0; k < nw; k++) {
		const char *ws = l->s + w[k].b;
		size_t wn = w[k].e - w[k].b;
		uint32_t cp = cp_at(ws, wn);
		if (k == 0 && !bc_cp_is_upper(cp))
			return 0;
		if (!bc_cp_is_upper(cp))
			continue;
		if (all_caps(ws, wn))
			*uncertain = 1;
		if (nt == OT_MAX_TITLES)
			return 0;
		starts[nt++] = w[k].b;
	}
	*numend = at - 1;
	return nt;
}

/* ---- the rows ---- */

/* OCR's confusions of a figure: "|", "l", "I" for 1, ":" for 5. */
static int confusable(char c, char digit)
{
	return (digit == '1' && (c == '|' || c == 'l' || c == 'I')) || (digit == '5' && c == ':');
}

/* Line l's text (*s, *n) and the bytes of its first word (*tn), when the
 * line may be a row written with single spaces: not dropped, no TAB, a word
 * after the first, no run of three spaces (a column gap of pdftotext
 * -layout: another shape).  0 when not. */
static int row_line(const rs_line *l, const char **s, size_t *n, size_t *tn)
{
	if (l->dropped || memchr(l->s, '\t', l->len))
		return 0;
	rs_trim(l, s, n);
	const char *sp = memchr(*s, ' ', *n);
	if (!sp || column_gap(*s, *n))
		return 0;
	*tn = (size_t)(sp - *s);
	return 1;
}

/* Line l as row k: 2 its number read plainly ("4", "4."), 1 read through
 * OCR's confusions ("|"), 0 not row k.  Fills the row's token and words. */
static int row_at(const rs_line *l, long k, orow *r)
{
	const char *s;
	size_t n, tn;
	if (!row_line(l, &s, &n, &tn))
		return 0;
	const char *sp = s + tn;
	if (tn > 1 && s[tn - 1] == '.')
		tn--;
	char want[24];
	int wl = 0;
	for (long v = k; v > 0 && wl < 20; v /= 10)
		want[wl++] = (char)('0' + v % 10);
	if (tn != (size_t)wl)
		return 0;
	int mis = 0;
	for (size_t i = 0; i < tn; i++) {
		char d = want[wl - 1 - (int)i];
		if (s[i] == d)
			continue;
		if (!confusable(s[i], d))
			return 0;
		mis++;
	}
	memset(r, 0, sizeof *r);
	r->lead = (size_t)(s - l->s);
	r->tb = r->lead;
	r->te = r->lead + tn;
	r->misread = mis > 0;
	size_t e = r->lead + n;
	r->toolong = !split_words(l->s, (size_t)(sp - l->s), e, r->w, OT_MAX_WORDS, &r->nw);
	if (!r->toolong && !r->nw)
		return 0;
	return mis ? 1 : 2;
}

/* Line l as row k's number alone ("2", "2."), its label on the lines under
 * it (pdftotext -raw of a Word table whose cells it wrote line by line).
 * Fills the row's token; no words. */
static int bare_row_at(const rs_line *l, long k, orow *r)
{
	if (l->dropped)
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (n > 1 && s[n - 1] == '.')
		n--;
	char want[24];
	int wl = snprintf(want, sizeof want, "%ld", k);
	if (!n || n != (size_t)wl || memcmp(s, want, n) != 0)
		return 0;
	memset(r, 0, sizeof *r);
	r->lead = r->tb = (size_t)(s - l->s);
	r->te = r->tb + n;
	return 1;
}

/* Line l as a group's row: opened by the group label of value v (a letter,
 * "A", or a Roman number, "II"; of kind *kind when set, which it then
 * sets), a space, then its words.  Fills the row's token and words. */
static int group_at(const rs_line *l, int *kind, int v, orow *r)
{
	const char *s;
	size_t n, tn;
	if (!row_line(l, &s, &n, &tn))
		return 0;
	const char *sp = s + tn;
	int k = 0;
	if (rs_group_label(s, tn, &k) != v || (*kind && k != *kind))
		return 0;
	memset(r, 0, sizeof *r);
	r->lead = r->tb = (size_t)(s - l->s);
	r->te = r->lead + tn;
	if (!split_words(l->s, (size_t)(sp - l->s), r->lead + n, r->w, OT_MAX_WORDS, &r->nw) || !r->nw)
		return 0;
	*kind = k;
	return 1;
}

/* The word where the row's last column of values starts, or 0 when the row has none. */
static size_t tail_start(const rs_line *l, const orow *r)
{
	size_t n = r->nw, run = n;
	while (run > 0 && value_word(l->s + r->w[run - 1].b, r->w[run - 1].e - r->w[run - 1].b))
		run--;
	size_t d = run;
	while (d < n && !has_digit(l->s + r->w[d].b, r->w[d].e - r->w[d].b))
		d++;
	if (d == n)
		return 0;
	size_t t = d;
	/* words of time before the figure, back to the capital that stopped the run */
	while (t > 0 && t + 1 > run && time_word(l->s + r->w[t - 1].b, r->w[t - 1].e - r->w[t - 1].b))
		t--;
	return t >= 1 && n - t <= OT_MAX_TAIL ? t : 0;
}

/* Whether row r holds the words p[0..pn) (of line pl) at word k. */
static int phrase_at(const rs_ctx *cx, const orow *r, size_t k, const rs_line *pl, const span *p, size_t pn)
{
	if (k + pn > r->nw)
		return 0;
	const rs_line *l = &cx->v[r->line];
	for (size_t j = 0; j < pn; j++) {
		size_t a = r->w[k + j].e - r->w[k + j].b, b = p[j].e - p[j].b;
		if (a != b || memcmp(l->s + r->w[k + j].b, pl->s + p[j].b, a) != 0)
			return 0;
	}
	return 1;
}

/* A phrase of OT_MIN_PHRASE words or more, opened by a capital, that every
 * row holds once after its first word and before `limit[r]` (its values'
 * column): where a column starts.  Returns the phrase's word in each row
 * (at[r]), 0 when there is none.  Bounded: rows and words are. */
static int common_phrase(const rs_ctx *cx, const orow *rows, size_t nr, const size_t *limit, size_t *at)
{
	const orow *r0 = &rows[0];
	const rs_line *l0 = &cx->v[r0->line];
	for (size_t k = 1; k + OT_MIN_PHRASE <= limit[0] && k < OT_PHRASE_WORDS; k++) {
		if (!bc_cp_is_upper(cp_at(l0->s + r0->w[k].b, r0->w[k].e - r0->w[k].b)))
			continue;
		const span *p = &r0->w[k];
		int all = 1;
		for (size_t r = 1; r < nr && all; r++) {
			size_t found = 0, where = 0;
			for (size_t j = 1; j + OT_MIN_PHRASE <= limit[r] && j < OT_PHRASE_WORDS; j++)
				if (phrase_at(cx, &rows[r], j, l0, p, OT_MIN_PHRASE))
					found++, where = j;
			all = found == 1;
			at[r] = where;
		}
		/* a column starts there only when the word before it differs between the
		 * rows ("Giáo dục" after "Sở" in every row is inside the phrase "Sở Giáo
		 * dục"), and in every row starts in lower case or is a figure or marks:
		 * a capital before it may be its own ("Phó Chủ tịch" under "Chủ tịch") */
		if (!all)
			continue;
		at[0] = k;
		int differs = 0, open = 1;
		for (size_t r = 0; r < nr && open; r++) {
			const orow *rr = &rows[r];
			const span *b = &rr->w[at[r] - 1];
			open = !bc_cp_is_upper(cp_at(cx->v[rr->line].s + b->b, b->e - b->b));
			differs |= r > 0 && !phrase_at(cx, rr, at[r] - 1, l0, &r0->w[k - 1], 1);
		}
		if (differs && open)
			return 1;
	}
	return 0;
}

/* ---- writing ---- */


/* Writes line i's text from byte `lead` on, as changed in buf (same length,
 * then `extra` bytes), after line `after`: each character at its input column. */
static void write_line(rs_ctx *cx, size_t after, size_t i, size_t lead, const char *buf, size_t len)
{
	const rs_line *l = &cx->v[i];
	uint32_t from = (uint32_t)bc_utf8_count(l->s, lead) + 1;
	rs_add_line(cx, after, buf, len, (uint32_t)(i + 1), rs_input_col(l, from));
	for (size_t k = 0; k < l->nshifts; k++)
		if (l->shifts[k].col > from)
			rs_add_jump(cx, after, 1 + l->shifts[k].col - from, (uint32_t)(i + 1), l->shifts[k].col + l->shifts[k].shift);
}

static bc_pos pos_of(const rs_ctx *cx, size_t i, size_t byte)
{
	const rs_line *l = &cx->v[i];
	return (bc_pos){ (uint32_t)(i + 1), rs_input_col(l, (uint32_t)bc_utf8_count(l->s, byte) + 1) };
}

static void write_table(rs_ctx *cx, size_t hi, const size_t *tstarts, size_t nt, size_t numend, orow *rows, size_t nr)
{
	size_t last = rows[nr - 1].line;
	rs_add_line(cx, last, "", 0, (uint32_t)(hi + 1), 1);
	bc_buf b = BC_BUF_INIT;
	/* the header: a TAB for the space before each title */
	const rs_line *hl = &cx->v[hi];
	const char *s;
	size_t n;
	rs_trim(hl, &s, &n);
	size_t lead = (size_t)(s - hl->s);
	bc_buf_put(&b, s, n);
	b.s[numend - lead] = '\t';
	for (size_t t = 1; t < nt; t++)
		b.s[tstarts[t] - 1 - lead] = '\t';
	write_line(cx, last, hi, lead, b.s, b.len);
	for (size_t r = 0; r < nr; r++) {
		orow *rw = &rows[r];
		const rs_line *l = &cx->v[rw->line];
		rs_trim(l, &s, &n);
		b.len = 0;
		bc_buf_put(&b, s, n);
		/* the number as read: a confused mark becomes its figure, the input line is kept as OCR wrote it */
		char want[24];
		int wl = snprintf(want, sizeof want, "%zu", r + 1);
		for (size_t k = rw->tb; k < rw->te && (int)(k - rw->tb) < wl; k++)
			b.s[k - rw->lead] = want[k - rw->tb];
		if (rw->misread)
			bc_diag_add(cx->diags, BC_N_RESTORE_ROW_NUMBER, pos_of(cx, rw->line, rw->tb), "“%.*s” → %s",
			            (int)(rw->te - rw->tb), l->s + rw->tb, want);
		b.s[rw->w[0].b - 1 - rw->lead] = '\t';
		if (rw->certain) {
			for (size_t c = 0; c < rw->ncut; c++)
				b.s[rw->w[rw->cut[c]].b - 1 - rw->lead] = '\t';
		} else {
			/* its text in one cell, the others empty */
			for (size_t c = 1; c < nt; c++)
				bc_buf_putc(&b, '\t');
			bc_diag_add(cx->diags, BC_N_RESTORE_ROW_UNSPLIT, pos_of(cx, rw->line, rw->w[0].b), NULL);
		}
		write_line(cx, last, rw->line, rw->lead, b.s, b.len);
	}
	bc_buf_free(&b);
	rs_move(cx, hi, BC_RESTORE_OCR_TABLE);
	for (size_t r = 0; r < nr; r++)
		rs_move(cx, rows[r].line, BC_RESTORE_OCR_TABLE);
	cx->out->count[BC_RESTORE_OCR_TABLE]++;
}

/* ---- finding the tables ---- */

/* The next line after i that is not blank, within OT_MAX_BLANKS blank lines and on i's page; cx->n if none. */
static size_t next_line(const rs_ctx *cx, size_t i)
{
	size_t blanks = 0;
	for (size_t j = i + 1; j < cx->n; j++) {
		if (cx->v[j].page != cx->v[i].page)
			return cx->n;
		if (!cx->v[j].dropped && !rs_blank(&cx->v[j]))
			return j;
		if (!cx->v[j].dropped && ++blanks > OT_MAX_BLANKS)
			return cx->n;
	}
	return cx->n;
}

/* The table whose header is line hi: returns the last line it looked at (hi when none). */
static size_t table_at(rs_ctx *cx, size_t hi, orow *rows)
{
	size_t tstarts[OT_MAX_TITLES], numend;
	int uncertain;
	size_t nt = head_titles(&cx->v[hi], tstarts, &numend, &uncertain);
	if (nt < OT_MIN_TITLES)
		return hi;
	/* the rows: 1, 2, 3 … each read plainly or through a confusion */
	size_t nr = 0, i = hi, seen = 0;
	int how[OT_MAX_ROWS];
	while (nr < OT_MAX_ROWS) {
		size_t j = next_line(cx, i);
		if (j == cx->n || !(how[nr] = row_at(&cx->v[j], (long)nr + 1, &rows[nr])))
			break;
		seen++;
		rows[nr].line = j;
		/* a row whose line goes on, in lower case, on the line under it is not one line: the table ends before it */
		if (j + 1 < cx->n && !cx->v[j + 1].dropped && !rs_blank(&cx->v[j + 1]) &&
		    bc_cp_is_lower(cp_at(cx->v[j + 1].s, cx->v[j + 1].len)))
			break;
		nr++;
		i = j;
	}
	/* a confused number stands where the sequence makes it certain: the next row's is read plainly */
	size_t keep = nr;
	for (size_t r = 0; r < nr; r++)
		if (how[r] == 1 && !(r + 1 < nr && how[r + 1] == 2) && !(r + 1 == nr && r > 0 && how[r - 1] == 2)) {
			keep = r;
			break;
		}
	nr = keep;
	if (nr < 2) {
		/* a header and two numbered lines: a table a reader sees, whose rows are not certain */
		if (seen >= 2)
			bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_KEPT, (bc_pos){ (uint32_t)(hi + 1), 1 }, NULL);
		return hi;
	}
	/* the cells: the values' column at each row's end, and a phrase every row holds */
	size_t limit[OT_MAX_ROWS], at[OT_MAX_ROWS], with_tail = 0;
	for (size_t r = 0; r < nr; r++) {
		limit[r] = rows[r].toolong ? 0 : tail_start(&cx->v[rows[r].line], &rows[r]);
		with_tail += limit[r] != 0;
	}
	int tail = with_tail >= 2 && 2 * with_tail >= nr;
	for (size_t r = 0; r < nr; r++)
		if (!limit[r])
			limit[r] = rows[r].nw;
	/* the phrase: among the rows the values' column split (or all, when no such column) */
	orow *ref[OT_MAX_ROWS];
	size_t nref = 0;
	for (size_t r = 0; r < nr; r++)
		if (!rows[r].toolong && (!tail || limit[r] < rows[r].nw))
			ref[nref++] = &rows[r];
	int phrase = 0;
	if (nref >= 2) {
		/* common_phrase reads rows in an array: the reference rows copied by index */
		size_t lim[OT_MAX_ROWS], pat[OT_MAX_ROWS];
		orow *tmp = bc_xmalloc(nref * sizeof *tmp);
		for (size_t k = 0; k < nref; k++) {
			tmp[k] = *ref[k];
			lim[k] = limit[ref[k] - rows];
		}
		phrase = common_phrase(cx, tmp, nref, lim, pat);
		for (size_t k = 0; k < nref && phrase; k++)
			at[ref[k] - rows] = pat[k];
		free(tmp);
	}
	size_t cells = 1 + (size_t)tail + (size_t)phrase;
	size_t certain = 0;
	if (!uncertain && cells == nt) {
		for (size_t r = 0; r < nr; r++) {
			orow *rw = &rows[r];
			int ok = !rw->toolong && (!tail || limit[r] < rw->nw);
			if (phrase) {
				int in = 0;
				for (size_t k = 0; k < nref; k++)
					in |= ref[k] == rw;
				ok = ok && in;
			}
			rw->certain = ok;
			if (!ok)
				continue;
			rw->ncut = 0;
			if (phrase)
				rw->cut[rw->ncut++] = at[r];
			if (tail)
				rw->cut[rw->ncut++] = limit[r];
			certain++;
		}
	}
	/* a last row whose number was misread stands only when it splits as the others do */
	if (how[nr - 1] == 1 && !rows[nr - 1].certain)
		nr--;
	if (certain < 2 || 2 * certain < nr) {
		bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_KEPT, (bc_pos){ (uint32_t)(hi + 1), 1 }, NULL);
		return rows[nr - 1].line;
	}
	write_table(cx, hi, tstarts, nt, numend, rows, nr);
	return rows[nr - 1].line;
}

/* ---- rows of figures ---- */

/*
 * A table of figures read row by row (pdftotext -raw, mutool's rows, OCR):
 * "1 Thu ngân sách nhà nước trên địa bàn 7.944,5 4.210,6 53,0".  The header
 * rarely sits on one line there: "TT Nội dung" and, under it, each title
 * of the figures' columns on lines of its own ("Dự toán" / "năm 2026" /
 * "(triệu đồng)").  The rows themselves are the evidence: every row its
 * number, a label, and as many figures at its end as every other row, each
 * figure a cell ("-" an empty value).  The header is the lines from "STT"
 * to the first row: its titles (each opened by a capital, a line in lower
 * case or "(" going on with the title before) must be as many as the cells
 * after the number; else the rows stand without a header, the header's
 * lines stay text, and a note says so.  After the numbered rows, a row or
 * two of a short label and as many figures ("Tổng cộng") are the table's.
 */

#define FT_MIN_VALUES 2         /* one figure at a row's end is a sentence's as often */
#define FT_MAX_HEAD_LINES 20    /* header lines under the "STT" line (seven titles of three lines: "Hoàn" / "thành" / "nhiệm vụ") */
#define FT_MAX_HEAD_LINE 60     /* bytes: a line of a column's title is short */
#define FT_MAX_TOTALS 2         /* rows of a label and values after the numbered ones */
#define FT_MAX_TOTAL_WORDS 6    /* words of such a label ("Tổng cộng", "Toàn tỉnh") */

/* A figure standing as a cell: digits with their marks ("7.944,5", "53,0",
 * "100%", "-4,7", "(96,7%)", "8.368/8.654"), or a dash alone (no value).
 * Its brackets close what they open: "1.000894)" ends a label's bracket
 * ("(mã TTHC: 1.000894)"), no cell of its own. */
static int figure_word(const char *s, size_t n)
{
	if ((n == 1 && s[0] == '-') || (n == 3 && memcmp(s, "\xE2\x80\x93", 3) == 0))
		return 1;
	/* a note's mark raised after it ("60,195²⁹", footnotes.c) is the cell's */
	for (size_t at = n; at > 0 && bc_cp_superscript_digit(bc_utf8_prev(s, &at)) >= 0;)
		n = at;
	int open = 0;
	for (size_t i = 0; i < n && open >= 0; i++)
		open += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return n <= 20 && open == 0 && rs_figure_token(s, n);
}

/* Line l holds one figure alone: its span in *w. */
static int figure_line(const rs_line *l, span *w)
{
	if (l->dropped || memchr(l->s, '\t', l->len))
		return 0;
	const char *t;
	size_t n;
	rs_trim(l, &t, &n);
	if (!n || memchr(t, ' ', n) || !figure_word(t, n))
		return 0;
	w->b = (size_t)(t - l->s);
	w->e = w->b + n;
	return 1;
}

/* Row r's label wrapped over lines, its figures on a line of their own under
 * them (pdftotext -raw writes a narrow column's cell line by line, the next
 * cells after it): "2 Chi bộ cơ quan," / "đơn vị sự nghiệp" / "8 1 6 1 0".
 * The label's lines, up to three, hold no figure at their end and are no
 * row of number `place`; the values' line is figures alone (as many as the
 * other rows end with, figure_table_at asks).
 * Fills r's cont and values; returns the values' line, or 0. */
static size_t wrapped_figures(const rs_ctx *cx, size_t j, orow *r, long place)
{
	orow probe;
	for (size_t x = next_line(cx, j), c = 0; x < cx->n; x = next_line(cx, x)) {
		const rs_line *l = &cx->v[x];
		const char *t;
		size_t n;
		if (memchr(l->s, '\t', l->len))
			return 0;
		rs_trim(l, &t, &n);
		if (!n || column_gap(t, n))
			return 0;
		span w[FT_MAX_VALUES + 1];
		size_t nw = 0, figs = 0;
		size_t b = (size_t)(t - l->s);
		if (split_words(l->s, b, b + n, w, FT_MAX_VALUES + 1, &nw))
			while (figs < nw && figure_word(l->s + w[figs].b, w[figs].e - w[figs].b))
				figs++;
		if (nw == 1 && figs == 1 && c) {
			/* the figures one a line (mutool): up to the next row's
			 * number, a figure with the row's label under it */
			size_t y = x;
			r->nv = 0;
			while (y < cx->n && r->nv < FT_MAX_VALUES && figure_line(&cx->v[y], &w[0])) {
				size_t z = next_line(cx, y);
				if (r->nv && bare_row_at(&cx->v[y], place, &probe) && z < cx->n && !figure_line(&cx->v[z], &w[1]))
					break;
				r->v[r->nv] = w[0];
				r->vl[r->nv++] = y;
				r->vline = y;
				y = z;
			}
			return r->vline;
		}
		if (nw && figs == nw) {
			if (!c)
				return 0;
			memcpy(r->v, w, nw * sizeof *w);
			for (size_t q = 0; q < nw; q++)
				r->vl[q] = x;
			r->nv = nw;
			r->vline = x;
			return x;
		}
		if (c == FT_MAX_LABEL_LINES || row_at(l, place, &probe) || has_digit(l->s + b + n - 1, 1))
			return 0;
		r->cont[c++] = x;
		r->ncont = c;
	}
	return 0;
}

/* The figures at the end of row r, at most nw - 1 (the label keeps a word). */
static size_t end_figures(const rs_line *l, const orow *r)
{
	size_t f = 0;
	while (f + 1 < r->nw && f < FT_MAX_VALUES &&
	       figure_word(l->s + r->w[r->nw - 1 - f].b, r->w[r->nw - 1 - f].e - r->w[r->nw - 1 - f].b))
		f++;
	return f;
}

/* A line of a column's title under the header's first line: short, single spaces, no TAB. */
static int head_piece(const rs_line *l)
{
	if (l->dropped || memchr(l->s, '\t', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	return n && n <= FT_MAX_HEAD_LINE && !strchr(".;:", s[n - 1]) && !column_gap(s, n);
}

/* Whether the line goes on with the title before it: lower case, "(", a figure. */
static int goes_on(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	uint32_t cp = cp_at(s, n);
	return cp == '(' || (cp >= '0' && cp <= '9') || bc_cp_is_lower(cp);
}

/* A total's row: a short label opened by a capital, then exactly k figures.
 * Fills r's words (its number's token empty). */
static int total_at(const rs_line *l, size_t k, orow *r)
{
	if (l->dropped || memchr(l->s, '\t', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n || !bc_cp_is_upper(cp_at(s, n)) || column_gap(s, n))
		return 0;
	memset(r, 0, sizeof *r);
	r->lead = r->tb = r->te = (size_t)(s - l->s);
	size_t b = r->lead;
	if (!split_words(l->s, b, b + n, r->w, OT_MAX_WORDS, &r->nw) || r->nw < k + 1 || r->nw > k + FT_MAX_TOTAL_WORDS)
		return 0;
	if (end_figures(l, r) != k || has_digit(l->s + r->w[0].b, r->w[0].e - r->w[0].b))
		return 0;
	return 1;
}

/* A total's row written a cell a line (mutool): its short label alone
 * ("Tổng cộng"), then exactly k lines of a figure each.  Fills r. */
static int total_lines(const rs_ctx *cx, size_t x, size_t k, orow *r)
{
	const rs_line *l = &cx->v[x];
	if (l->dropped || memchr(l->s, '\t', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n || !bc_cp_is_upper(cp_at(s, n)) || has_digit(s, n) || column_gap(s, n))
		return 0;
	memset(r, 0, sizeof *r);
	r->line = x;
	r->lead = r->tb = r->te = (size_t)(s - l->s);
	if (!split_words(l->s, r->lead, r->lead + n, r->w, FT_MAX_TOTAL_WORDS, &r->nw) || !r->nw)
		return 0;
	size_t y = next_line(cx, x);
	for (size_t q = 0; q < k; q++, y = next_line(cx, y)) {
		if (y >= cx->n || !figure_line(&cx->v[y], &r->v[q]))
			return 0;
		r->vl[q] = y;
		r->vline = y;
	}
	/* no figure after the k: the row's end */
	span w;
	if (y < cx->n && figure_line(&cx->v[y], &w))
		return 0;
	r->nv = k;
	return 1;
}

/* Takes row rw's lines out of the text, its words written in its row: the
 * number's line, its label's, its values'. */
static void move_row(rs_ctx *cx, const orow *rw)
{
	rs_move(cx, rw->line, BC_RESTORE_FIGURE_TABLE);
	for (size_t c = 0; c < rw->ncont; c++)
		rs_move(cx, rw->cont[c], BC_RESTORE_FIGURE_TABLE);
	for (size_t q = 0; q < rw->nv; q++)
		if (rw->vl[q] != rw->line && (!q || rw->vl[q] != rw->vl[q - 1]))
			rs_move(cx, rw->vl[q], BC_RESTORE_FIGURE_TABLE);
}

/* Row rw's values once their count k is known: a row of one line ends in
 * them (a row with more figures keeps the first in its label). */
static void values_of(orow *rw, size_t k)
{
	if (rw->vline)
		return;
	rw->nw -= k;
	for (size_t x = 0; x < k; x++) {
		rw->v[x] = rw->w[rw->nw + x];
		rw->vl[x] = rw->line;
	}
	rw->nv = k;
}

/* One row of figures: its number (none for a total's row), its label, its
 * values (values_of); TAB- or pipe-separated; with `paired`, the last two
 * values one cell ("8.368/8.654 (96,7%)"). */
static void write_figure_row(rs_ctx *cx, size_t after, const orow *rw, int pipe, int paired, int numbered, size_t unit)
{
	rs_row rt = RS_ROW_INIT;
	const char *sep = pipe ? " | " : "\t";
	if (pipe)
		rs_row_str(&rt, "| ");
	if (numbered) {
		rs_row_span(cx, rw->line, rw->tb, rw->te, &rt);
		rs_row_str(&rt, sep);
	}
	/* the label's lines (the number's own may hold none), a space between;
	 * its last `unit` words a cell of their own (a unit's column) */
	size_t lw = rw->nw > unit ? rw->nw - unit : 0;
	if (lw)
		rs_row_span(cx, rw->line, rw->w[0].b, rw->w[lw - 1].e, &rt);
	if (unit && rw->nw > lw) {
		rs_row_str(&rt, sep);
		rs_row_span(cx, rw->line, rw->w[lw].b, rw->w[rw->nw - 1].e, &rt);
	}
	for (size_t c = 0; c < rw->ncont; c++) {
		const rs_line *l = &cx->v[rw->cont[c]];
		const char *t;
		size_t n;
		rs_trim(l, &t, &n);
		rs_row_span(cx, rw->cont[c], (size_t)(t - l->s), (size_t)(t - l->s) + n, &rt);
	}
	for (size_t x = 0; x < rw->nv; x++) {
		/* paired: the last two one cell, rs_row_span parting them by a space */
		if (!paired || x + 1 < rw->nv)
			rs_row_str(&rt, sep);
		rs_row_span(cx, rw->vl[x], rw->v[x].b, rw->v[x].e, &rt);
	}
	if (pipe)
		rs_row_str(&rt, " |");
	rs_row_place(cx, after, &rt);
}

/* The table of figures whose header opens at line hi; returns the last line
 * it took (hi when none).  *next is the number a table going on after it
 * starts with: its header printed again over the next page's rows, which
 * start there (when *next is past 1) or at 1; *values, the figures its
 * rows end with, which a table going on keeps (one row is then enough). */
static size_t figure_table_at(rs_ctx *cx, size_t hi, orow *rows, long *next, size_t *values)
{
	size_t tstarts[OT_MAX_TITLES], numend;
	int uncertain = 0;
	size_t nt = head_titles(&cx->v[hi], tstarts, &numend, &uncertain);
	if (!nt) {
		/* "TT" alone, every title on the lines under it */
		const char *s;
		size_t n;
		rs_trim(&cx->v[hi], &s, &n);
		if (cx->v[hi].dropped || !n || rs_number_head(s, n) != n)
			return hi;
		numend = (size_t)(s - cx->v[hi].s) + n;
	}
	/* the header's lines under it, up to row 1 */
	size_t hl[FT_MAX_HEAD_LINES], nh = 0, j = hi;
	for (;;) {
		j = next_line(cx, j);
		if (j == cx->n)
			return hi;
		if (row_at(&cx->v[j], 1, &rows[0]) == 2 || (*next > 1 && row_at(&cx->v[j], *next, &rows[0]) == 2) ||
		    (bare_row_at(&cx->v[j], 1, &rows[0]) && wrapped_figures(cx, j, &rows[0], 2)))
			break;
		/* or a budget's first group, "A Chi đầu tư phát triển 6.500,0" */
		int gk = 0;
		if (*next == 1 && group_at(&cx->v[j], &gk, 1, &rows[0]))
			break;
		if (nh == FT_MAX_HEAD_LINES || !head_piece(&cx->v[j]))
			return hi;
		hl[nh++] = j;
	}
	/* the rows 1, 2, 3 … each a line ending in figures; numbered as places
	 * are, a tie the same number and the next its place ("11 11 13") */
	size_t nr = 0, f[OT_MAX_ROWS];
	/* rows grouped under letters or Roman numbers (a budget's "A", its rows
	 * 1, 2 …, "B", its rows from 1 again …) when the first row is a group's:
	 * gval the last group's value, base the row its group's numbers start at */
	int gkind = 0, gval = 0;
	size_t base = 0;
	long first = row_at(&cx->v[j], 1, &rows[0]) == 2 || bare_row_at(&cx->v[j], 1, &rows[0]) ? 1 : *next, num = first;
	long run = first, prev_num = 0;   /* the number the current run of rows starts at; the last row's number */
	if (first == 1 && row_at(&cx->v[j], 1, &rows[0]) != 2 && group_at(&cx->v[j], &gkind, 1, &rows[0]))
		gval = 1, base = 1, num = 0;
	for (;;) {
		rows[nr].line = j;
		f[nr] = rows[nr].toolong ? 0 : end_figures(&cx->v[j], &rows[nr]);
		if (f[nr] < 1 && !rows[nr].toolong && wrapped_figures(cx, j, &rows[nr], run + (long)(nr + 1 - base)))
			f[nr] = rows[nr].nv, j = rows[nr].vline;
		else if (f[nr] < 1)
			break;
		/* a row going on, in lower case, on the line under it is not one line */
		else if (j + 1 < cx->n && !cx->v[j + 1].dropped && !rs_blank(&cx->v[j + 1]) &&
		         bc_cp_is_lower(cp_at(cx->v[j + 1].s, cx->v[j + 1].len)))
			break;
		nr++;
		j = next_line(cx, j);
		if (nr == OT_MAX_ROWS || j == cx->n)
			break;
		long place = run + (long)(nr - base);
		if (gkind && group_at(&cx->v[j], &gkind, gval + 1, &rows[nr]))
			gval++, base = nr + 1, num = 0, run = 1;
		else if (row_at(&cx->v[j], place, &rows[nr]) == 2 || bare_row_at(&cx->v[j], place, &rows[nr]))
			num = place;
		else if (gkind && base == nr && prev_num && row_at(&cx->v[j], prev_num + 1, &rows[nr]) == 2)
			run = prev_num + 1, num = prev_num + 1;   /* the numbers run on under the group ("I" 1 2 "II" 3 4) */
		else if (!num || row_at(&cx->v[j], num, &rows[nr]) != 2)
			break;
		if (num)
			prev_num = num;
	}
	int going_on = first > 1;
	if (nr < (going_on ? 1u : 2u))
		return hi;
	/* the values a row: the count most rows end with (a table going on: the
	 * one before's); a row with fewer ends the table */
	size_t hist[FT_MAX_VALUES + 1] = { 0 }, k = 0;
	for (size_t r = 0; r < nr; r++)
		hist[f[r]]++;
	for (size_t v = 1; v <= FT_MAX_VALUES; v++)
		if (hist[v] > hist[k])
			k = v;
	if (going_on)
		k = *values;
	size_t keep = 0, fewest = FT_MAX_VALUES;
	while (keep < nr && f[keep] >= k && (!rows[keep].vline || f[keep] == k)) {
		if (f[keep] < fewest)
			fewest = f[keep];
		keep++;
	}
	nr = keep;
	if (!k || nr < (going_on ? 1u : 2u) || (!going_on && 2 * hist[k] < nr))
		return hi;
	size_t last = rows[nr - 1].vline ? rows[nr - 1].vline : rows[nr - 1].line, ntot = 0;
	orow tot[FT_MAX_TOTALS];
	for (size_t t = 0; t < FT_MAX_TOTALS; t++) {
		size_t x = next_line(cx, last);
		if (x < cx->n && total_at(&cx->v[x], k, &tot[t])) {
			tot[t].line = x;
			last = x;
			ntot++;
		} else if (x < cx->n && total_lines(cx, x, k, &tot[t])) {
			last = tot[t].vline;
			ntot++;
		} else
			break;
	}
	/* the header: the titles on the "STT" line, then one for each line opened by a capital */
	size_t pieces = nt;
	for (size_t h = 0; h < nh; h++)
		pieces += !goes_on(&cx->v[hl[h]]);
	/* a word in capitals on the "STT" line ("TT Tên TTHC") leaves its titles
	 * unclear: read as one title, they are when the count then agrees */
	if (uncertain && (pieces - nt + 1 == 1 + k || pieces - nt + 1 == k)) {
		pieces = pieces - nt + 1;
		nt = 1;
		uncertain = 0;
	}
	int header = !uncertain && pieces == 1 + k;
	/* one figure a row is a sentence's as often: a table only under a
	 * header of two titles that says so, three rows at least */
	if (k < FT_MIN_VALUES && (!header || going_on || nr < 3))
		return hi;
	/* every label ending in a figure ("Thôn 1", "Tổ 5") makes one figure more
	 * at every row's end: the header's titles, one fewer, say which */
	if (!header && !uncertain && !going_on && fewest == k && k > FT_MIN_VALUES && pieces == k) {
		/* such a figure is a plain number of up to three digits in every row ("1", "12": no "5.200") */
		int plain = 1;
		for (size_t r = 0; r < nr && plain; r++) {
			/* (a label over lines ends in none) */
			if (rows[r].vline) {
				plain = 0;
				break;
			}
			const span *w = &rows[r].w[rows[r].nw - k];
			plain = w->e - w->b <= 3;
			for (size_t x = w->b; x < w->e && plain; x++)
				plain = cx->v[rows[r].line].s[x] >= '0' && cx->v[rows[r].line].s[x] <= '9';
		}
		if (plain)
			k--, header = 1;
	}
	/* a figure and its share in brackets after it ("8.368/8.654 (96,7%)")
	 * in every row are one cell when the header's titles, one fewer than
	 * the figures, say so */
	for (size_t r = 0; r < nr + ntot; r++)
		values_of(r < nr ? &rows[r] : &tot[r - nr], k);
	int paired = 0;
	if (!header && !uncertain && !going_on && k >= 2 && pieces == k) {
		paired = 1;
		for (size_t r = 0; r < nr + ntot && paired; r++) {
			const orow *rw = r < nr ? &rows[r] : &tot[r - nr];
			const rs_line *l = &cx->v[rw->vl[k - 1]], *pl = &cx->v[rw->vl[k - 2]];
			const span *v = &rw->v[k - 1];
			paired = l->s[v->b] == '(' && l->s[v->e - 1] == ')' && pl->s[v[-1].b] != '(' &&
			         has_digit(pl->s + v[-1].b, v[-1].e - v[-1].b);
		}
		header = paired;
	}
	/* a pipe table's row would split at a "|" of its cells */
	for (size_t r = 0; r < nr + ntot && !header; r++) {
		const orow *rw = r < nr ? &rows[r] : &tot[r - nr];
		for (size_t c = 0; c <= rw->ncont; c++) {
			const rs_line *l = &cx->v[c ? rw->cont[c - 1] : rw->line];
			if (memchr(l->s, '|', l->len))
				return hi;
		}
	}
	rs_add_line(cx, last, "", 0, (uint32_t)(hi + 1), 1);
	if (header) {
		const rs_line *l = &cx->v[hi];
		const char *s;
		size_t n;
		rs_trim(l, &s, &n);
		size_t b = (size_t)(s - l->s), e = b + n;
		rs_row rt = RS_ROW_INIT;
		rs_row_span(cx, hi, b, numend, &rt);
		for (size_t t = 0; t < nt; t++) {
			size_t te = t + 1 < nt ? tstarts[t + 1] : e;
			while (te > tstarts[t] && l->s[te - 1] == ' ')
				te--;
			rs_row_str(&rt, "\t");
			rs_row_span(cx, hi, tstarts[t], te, &rt);
		}
		for (size_t h = 0; h < nh; h++) {
			const rs_line *p = &cx->v[hl[h]];
			if (!goes_on(p))
				rs_row_str(&rt, "\t");
			rs_trim(p, &s, &n);
			rs_row_span(cx, hl[h], (size_t)(s - p->s), (size_t)(s - p->s) + n, &rt);
		}
		rs_row_add(cx, last, &rt, 0, 0);
		rs_move(cx, hi, BC_RESTORE_FIGURE_TABLE);
		for (size_t h = 0; h < nh; h++)
			rs_move(cx, hl[h], BC_RESTORE_FIGURE_TABLE);
	} else {
		/* the rule of a table without header rows; the header's lines stay text */
		rs_add_pipe_rule(cx, last, k + 2, (uint32_t)(rows[0].line + 1));
		bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_HEADLESS, (bc_pos){ (uint32_t)(hi + 1), 1 }, NULL);
	}
	for (size_t r = 0; r < nr + ntot; r++) {
		const orow *rw = r < nr ? &rows[r] : &tot[r - nr];
		write_figure_row(cx, last, rw, !header, paired, 1, 0);
		move_row(cx, rw);
	}
	cx->out->count[BC_RESTORE_FIGURE_TABLE]++;
	*next = gkind ? 1 : first + (long)nr;   /* grouped rows go on under no page's header */
	*values = k;
	return last;
}

/* ---- rows of figures without numbers ---- */

/*
 * A table of figures with no number column ("Chỉ tiêu | ĐVT | Kế hoạch |
 * Thực hiện | Tỷ lệ %") read row by row (pdftotext -raw, OCR): "Diện tích
 * gieo trồng lúa ha 1.010.000 1.002.450 99,3".  No number says where the
 * rows are; the rows themselves do: three lines at least, one under the
 * other, each a label opened by a capital (no figure in its first word, no
 * stop inside it) and then as many figures as the others, two at least,
 * nothing else.  The header is the short lines right above the first row,
 * up to a blank line or a line ending a sentence or clause (the lead-in,
 * "… như sau:"), each title opened by a capital (a line in lower case, "("
 * or a figure goes on with the title before); "ĐVT" or "Đơn vị tính" after
 * the first title's words on its line is a title of its own ("Chỉ tiêu
 * ĐVT").  Titles one more than the figures are the header; two more, and
 * every row's label ending in a unit ("ha", "tấn", "triệu đồng" …) under a
 * unit's title, the unit is a cell of its own.  Otherwise the rows stand
 * without a header, its lines stay text, and a note says so.  A total's
 * row under them ("Tổng cộng" and as many figures) is the table's.
 */

#define PT_MIN_ROWS 3           /* rows of figures without numbers that make a table */
#define PT_MAX_HEAD_LINES 12    /* header lines above them */

/* Line l as a row of figures without a number: its label's words and at
 * least two figures after them (*k, how many).  Fills r (an empty number). */
static int plain_row(const rs_line *l, orow *r, size_t *k)
{
	if (l->dropped || memchr(l->s, '\t', l->len) || memchr(l->s, '|', l->len))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n || column_gap(s, n) || !bc_cp_is_upper(cp_at(s, n)))
		return 0;
	memset(r, 0, sizeof *r);
	r->lead = r->tb = r->te = (size_t)(s - l->s);
	if (!split_words(l->s, r->lead, r->lead + n, r->w, OT_MAX_WORDS, &r->nw) || r->nw < 3)
		return 0;
	size_t f = end_figures(l, r);
	if (f < FT_MIN_VALUES || f >= r->nw || has_digit(l->s + r->w[0].b, r->w[0].e - r->w[0].b))
		return 0;
	/* a label, not a sentence: no stop inside it */
	for (size_t x = r->w[0].b; x < r->w[r->nw - f - 1].e; x++)
		if (strchr(".;:!?", l->s[x]) && (x + 1 == l->len || l->s[x + 1] == ' '))
			return 0;
	*k = f;
	return 1;
}

/* The unit's words a label ends with ("ha", "tấn", "triệu đồng"): 0 for none. */
static size_t unit_words(const rs_line *l, const orow *r)
{
	static const char *const two[] = { "triệu đồng", "tỷ đồng", "nghìn đồng", "lượt người", "học sinh", "doanh nghiệp",
	                                   "công trình", "cơ sở", "hồ sơ", "văn bản", "dự án", "tấn/ha", "tạ/ha" };
	static const char *const one[] = { "ha", "tấn", "tạ", "con", "người", "hộ", "%", "km", "m", "m2", "m²", "m3", "m³",
	                                   "kg", "lít", "đồng", "USD", "lượt", "cái", "chiếc", "trường", "xã", "thôn",
	                                   "lớp", "giường", "căn", "ngày", "tháng", "năm", "điểm", "tấn/ha", "tạ/ha", "km²" };
	if (r->nw < 2)
		return 0;
	const span *a = &r->w[r->nw - 2], *b = &r->w[r->nw - 1];
	if (r->nw >= 3)
		for (size_t q = 0; q < sizeof two / sizeof *two; q++)
			if (b->e - a->b == strlen(two[q]) && memcmp(l->s + a->b, two[q], b->e - a->b) == 0)
				return 2;
	for (size_t q = 0; q < sizeof one / sizeof *one; q++)
		if (b->e - b->b == strlen(one[q]) && memcmp(l->s + b->b, one[q], b->e - b->b) == 0)
			return 1;
	return 0;
}

/* Where a header line holds the unit's title after the first title's words
 * ("Chỉ tiêu ĐVT"): its byte, or 0. */
static size_t unit_title(const rs_line *l)
{
	static const char *const titles[] = { " ĐVT", " Đơn vị tính", " Đơn vị" };
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t q = 0; q < sizeof titles / sizeof *titles; q++)
		if (bc_ends(s, n, titles[q]) && n > strlen(titles[q]))
			return (size_t)(s - l->s) + n - strlen(titles[q]) + 1;
	return 0;
}

/* The table of figures without numbers whose first row is line i; returns
 * the last line it took (i when none). */
static size_t plain_table_at(rs_ctx *cx, size_t i, orow *rows)
{
	size_t k = 0, nr = 0, kk;
	for (size_t j = i; j < cx->n && nr < OT_MAX_ROWS; nr++) {
		if (!plain_row(&cx->v[j], &rows[nr], &kk) || (nr && kk != k))
			break;
		k = kk;
		rows[nr].line = j;
		size_t x = j + 1;
		/* one under the other: a blank line between ends the rows */
		if (x >= cx->n || cx->v[x].dropped || rs_blank(&cx->v[x]) || cx->v[x].page != cx->v[j].page) {
			nr++;
			break;
		}
		j = x;
	}
	if (nr < PT_MIN_ROWS)
		return i;
	size_t last = rows[nr - 1].line, ntot = 0;
	orow tot[FT_MAX_TOTALS];
	for (size_t t = 0; t < FT_MAX_TOTALS; t++) {
		size_t x = next_line(cx, last);
		if (x < cx->n && total_at(&cx->v[x], k, &tot[t]) && rs_total_label(&cx->v[x])) {
			tot[t].line = x;
			last = x;
			ntot++;
		} else
			break;
	}
	/* the header: the short lines right above, up to a blank line or the lead-in */
	size_t hl[PT_MAX_HEAD_LINES], nh = 0;
	orow probe;   /* (the totals' rows are kept: a scratch of its own) */
	for (size_t h = i; h > 0 && nh < PT_MAX_HEAD_LINES;) {
		h--;
		const rs_line *l = &cx->v[h];
		if (l->dropped || rs_blank(l) || !head_piece(l) || plain_row(l, &probe, &kk))
			break;
		hl[nh++] = h;
	}
	/* top to bottom; its first line opens a title */
	for (size_t a = 0, b = nh; a + 1 < b; a++, b--) {
		size_t t = hl[a];
		hl[a] = hl[b - 1];
		hl[b - 1] = t;
	}
	while (nh && goes_on(&cx->v[hl[0]]))
		memmove(hl, hl + 1, --nh * sizeof *hl);
	size_t titles = 0, ucut = 0, uline = 0;
	for (size_t h = 0; h < nh; h++) {
		titles += !goes_on(&cx->v[hl[h]]);
		size_t u = unit_title(&cx->v[hl[h]]);
		if (u && !ucut && titles == 1)
			ucut = u, uline = hl[h], titles++;
	}
	size_t unit = 0;
	int header = nh && titles == 1 + k;
	if (nh && !header && ucut && titles == 2 + k) {
		/* every row's label ends in a unit of the same number of words */
		for (size_t r = 0; r < nr; r++) {
			orow probe = rows[r];
			probe.nw -= k;
			size_t u = unit_words(&cx->v[rows[r].line], &probe);
			if (!u || probe.nw <= u || (r && u != unit)) {
				unit = 0;
				break;
			}
			unit = u;
		}
		header = unit > 0;
	}
	if (!header)
		ucut = 0;
	for (size_t r = 0; r < nr + ntot; r++)
		values_of(r < nr ? &rows[r] : &tot[r - nr], k);
	rs_add_line(cx, last, "", 0, (uint32_t)((header ? hl[0] : i) + 1), 1);
	if (header) {
		rs_row rt = RS_ROW_INIT;
		for (size_t h = 0; h < nh; h++) {
			const rs_line *l = &cx->v[hl[h]];
			const char *t;
			size_t n;
			rs_trim(l, &t, &n);
			size_t b = (size_t)(t - l->s), e = b + n;
			if (h && !goes_on(l))
				rs_row_str(&rt, "\t");
			if (hl[h] == uline && ucut) {
				size_t m = ucut - 1;
				while (m > b && l->s[m - 1] == ' ')
					m--;
				rs_row_span(cx, hl[h], b, m, &rt);
				rs_row_str(&rt, "\t");
				rs_row_span(cx, hl[h], ucut, e, &rt);
			} else {
				rs_row_span(cx, hl[h], b, e, &rt);
			}
			rs_move(cx, hl[h], BC_RESTORE_FIGURE_TABLE);
		}
		rs_row_add(cx, last, &rt, 0, 0);
	} else {
		rs_add_pipe_rule(cx, last, k + 1, (uint32_t)(i + 1));
		if (nh)
			bc_diag_add(cx->diags, BC_N_RESTORE_TABLE_HEADLESS, (bc_pos){ (uint32_t)(hl[0] + 1), 1 }, NULL);
	}
	for (size_t r = 0; r < nr + ntot; r++) {
		const orow *rw = r < nr ? &rows[r] : &tot[r - nr];
		write_figure_row(cx, last, rw, !header, 0, 0, r < nr ? unit : 0);
		move_row(cx, rw);
	}
	cx->out->count[BC_RESTORE_FIGURE_TABLE]++;
	return last;
}

/* The tables of figures without numbers, after the numbered ones. */
static void plain_tables(rs_ctx *cx, orow *rows)
{
	orow probe;
	size_t k;
	int above = 0;   /* the line above is such a row: no run starts here */
	for (size_t i = 0; i < cx->n; i++) {
		int row = plain_row(&cx->v[i], &probe, &k);
		if (!row || above) {
			above = row;
			continue;
		}
		size_t end = plain_table_at(cx, i, rows);
		/* a table's lines are taken out: what follows may start a run */
		above = end == i;
		i = end;
	}
}

void rs_ocr_tables(rs_ctx *cx)
{
	orow *rows = NULL;
	/* a table of figures going on over a page break: where the last ended, its next number */
	size_t ended = 0, values = 0;
	long next = 1;
	for (size_t i = 0; i < cx->n; i++) {
		const rs_line *l = &cx->v[i];
		/* most lines are not looked at further: a header starts with S or T after spaces */
		size_t k = 0;
		while (k < l->len && l->s[k] == ' ')
			k++;
		if (l->dropped || k == l->len || (l->s[k] != 'S' && l->s[k] != 'T'))
			continue;
		size_t ts[OT_MAX_TITLES], ne;
		int unc;
		size_t nt = head_titles(l, ts, &ne, &unc);
		const char *hs;
		size_t hn;
		rs_trim(l, &hs, &hn);
		if (!nt && rs_number_head(hs, hn) != hn)
			continue;   /* no titles, nor "TT" alone */
		if (!rows)
			rows = bc_xmalloc(OT_MAX_ROWS * sizeof *rows);
		/* rows ending in figures first: their values are cells one by one, not one column */
		long after = 1;
		if (next > 1 && ended < i) {
			/* only blank lines and the page's furniture between */
			size_t j = ended + 1;
			while (j < i && (cx->v[j].dropped || rs_blank(&cx->v[j])))
				j++;
			if (j == i)
				after = next;
		}
		size_t end = figure_table_at(cx, i, rows, &after, &values);
		if (end != i)
			ended = end, next = after;
		if (end == i && nt >= OT_MIN_TITLES)
			end = table_at(cx, i, rows);
		i = end;
	}
	/* the tables of figures without numbers, only where a PDF's or a scan's text has them */
	if (cx->shape == BC_SHAPE_PDF || rs_ocr_reading(cx)) {
		if (!rows)
			rows = bc_xmalloc(OT_MAX_ROWS * sizeof *rows);
		plain_tables(cx, rows);
	}
	free(rows);
}
