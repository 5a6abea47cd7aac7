/* footnotes.c — a PDF's footnotes, which the extraction writes as plain numbered lines at the foot of each page, marked again as notes. */
#include "restore_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * On paper a footnote's mark is a small raised figure after a word and its
 * text stands at the foot of the page.  A PDF's text extraction writes the
 * mark as a plain figure glued to the word ("có liên quan1. Theo đó") and
 * the text as a line opening with the figure ("1 Hướng dẫn số 31-HD/BTCTW
 * …"), or the figure alone on a line and the text under it, among the page's
 * last lines; a paragraph going on over the page has them in its middle.
 * Read so, the note's text is the paragraph's, and the figure a number in it.
 *
 * A note is taken when both stand where they should, in the order of notes:
 * the notes' numbers go 1, 2, 3 … through the text (up to three may be
 * passed over, their numbers set where they cannot be read as their texts');
 * note k's text opens
 * a line of a page (not its first) that starts with k, then a space and a
 * word, or holds k alone with a line of words under it; and the text before
 * it, from the previous note's mark on, on that page or the one before, has
 * k glued after a letter, "%" or a closing mark (",", ".", ";", ")", a quote)
 * that follows no figure, or after a year ("năm 20264;"), no figure after
 * it ("quan1.", "CCN;1", never "85,8").  The note's text runs to the next note's start or to the page's
 * end, among the page's last lines (at most twelve, or fewer than the lines
 * above it, or any number when its number stands alone under its mark, a
 * line or two between) in a few blocks (not a table's cells, one a line between blank
 * lines).  Then the mark and the note's figure are written as the raised
 * figures of the baocao format ("quan¹.", "¹ Hướng dẫn …", §8), the blank
 * lines inside the note's text are taken out (one block), and the note's
 * span is kept (bc_restore.notes): the parser continues it over no block
 * past its page.
 */

static const char *const sup_digits[10] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

/* The figures of k raised, into b. */
static void put_raised(bc_buf *b, unsigned k)
{
	char tmp[12];
	int n = snprintf(tmp, sizeof tmp, "%u", k);
	for (int i = 0; i < n; i++)
		bc_buf_puts(b, sup_digits[tmp[i] - '0']);
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A byte a mark may stand glued after: a letter (ASCII, or any byte of a
 * letter's UTF-8 past the first), or a mark that closes a phrase. */
static int mark_after(const char *s, size_t q)
{
	unsigned char c = (unsigned char)s[q - 1];
	if (c >= 0x80)
		return 1;   /* the last byte of "ờ", "”", "’" */
	if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '%')
		return 1;   /* "quan1", "đạt 92,5%2" */
	/* "quan1.", "CCN;1" but not "85,8" or "1.2": a mark after a word's stop */
	return strchr(".,;:)\"'", c) != NULL && q >= 2 && !is_digit(s[q - 2]);
}

/* A year stands right before byte q ("năm 20264;": the year 2026, note 4):
 * four figures, 19.. or 20.., no figure before them. */
static int after_year(const char *s, size_t q)
{
	if (q < 4 || (q > 4 && is_digit(s[q - 5])))
		return 0;
	for (size_t i = q - 4; i < q; i++)
		if (!is_digit(s[i]))
			return 0;
	return (s[q - 4] == '1' && s[q - 3] == '9') || (s[q - 4] == '2' && s[q - 3] == '0');
}

/* Where in line l, from byte `from`, the figures of k stand as a note's mark
 * (glued after a word, nothing of a number after them), or -1. */
static long find_mark(const rs_line *l, size_t from, unsigned k)
{
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	for (size_t q = from > 0 ? from : 1; q + dl <= l->len; q++) {
		if (memcmp(l->s + q, d, dl) != 0)
			continue;
		if (is_digit(l->s[q - 1]) ? !after_year(l->s, q) : !mark_after(l->s, q))
			continue;
		size_t e = q + dl;
		if (e < l->len && (is_digit(l->s[e]) || !strchr(" .,;:)", l->s[e])))
			continue;
		return (long)q;
	}
	return -1;
}

/* Line l starts with the figures of k: 1 when a space and a word follow
 * them, 2 when nothing does (the text is on a later line); else 0. */
static int note_start(const rs_line *l, unsigned k)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	if (n < dl || memcmp(s, d, dl) != 0)
		return 0;
	if (n == dl)
		return 2;
	if (s[dl] != ' ')
		return 0;
	size_t w = dl;
	while (w < n && s[w] == ' ')
		w++;
	/* a word: not a figure, not a sign ("3 %") */
	unsigned char c = (unsigned char)s[w];
	if (w + 1 < n && (c == '-' || c == '+') && s[w + 1] == ' ')
		return 1;   /* "4 - Ngày bầu cử …": a note whose text is a list */
	return w < n && (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '"' || c == '(') ? 1 : 0;
}

/* The first line with text from i on, before end, or end. */
static size_t next_text(const rs_ctx *cx, size_t i, size_t end)
{
	while (i < end && (cx->v[i].dropped || rs_blank(&cx->v[i])))
		i++;
	return i;
}

/* The previous line with text before i, no earlier than b, or (size_t)-1;
 * a blank line stops it. */
static size_t line_above(const rs_ctx *cx, size_t b, size_t i)
{
	while (i > b) {
		i--;
		if (cx->v[i].dropped)
			continue;
		return rs_blank(&cx->v[i]) ? (size_t)-1 : i;
	}
	return (size_t)-1;
}

/* Line l holds a word (a letter), not figures and signs alone. */
static int has_letter(const rs_line *l)
{
	for (size_t q = 0; q < l->len; q++) {
		unsigned char c = (unsigned char)l->s[q];
		if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

/* Line i of the page from b to before e is a note's number set after its
 * text, as pdftotext's default mode writes some notes (the first of a
 * page's, or each): its figures alone, right under a line of words, and
 * nothing but a blank line or the page's end under it ("… (giảm 02
 * điểm): Thanh tra tỉnh, Sở Ngoại vụ." / "9" / "" / page 10).  Its number,
 * or 0. */
static unsigned number_after(const rs_ctx *cx, size_t b, size_t e, size_t i)
{
	const rs_line *l = &cx->v[i];
	if (l->dropped || !rs_figures(l, 3))
		return 0;
	size_t up = line_above(cx, b, i);
	if (up == (size_t)-1 || !has_letter(&cx->v[up]))
		return 0;
	size_t j = i + 1;
	while (j < e && cx->v[j].dropped)
		j++;
	if (j < e && !rs_blank(&cx->v[j]))
		return 0;
	/* and under the blank line, nothing, or another note's text with its
	 * number after it: a block of lines with text ending in figures alone
	 * (else the figures number the text under them: "Trần Thanh Tài" /
	 * "3" / "" / "“a) Trong thời hạn …") */
	size_t t = next_text(cx, j, e), end = t;
	for (size_t q = t; q < e && (cx->v[q].dropped || !rs_blank(&cx->v[q])); q++)
		if (!cx->v[q].dropped)
			end = q;
	if (t < e && !rs_figures(&cx->v[end], 3))
		return 0;
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	unsigned k = 0;
	for (size_t q = 0; q < n; q++)
		k = k * 10 + (unsigned)(s[q] - '0');
	return k;
}

/* A line's length in characters, its edges' spaces left out. */
static size_t chars_of(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	return bc_utf8_count(s, n);
}

/* The body's measure, in characters: the median length of the lines of
 * thirty characters or more that another line of text follows on their
 * page (a paragraph's lines but its last; a table's cells are shorter).
 * A page's notes are set in a smaller type, so their full lines are longer
 * than the body's: where no blank line parts a note from the body above
 * it, that is what tells them apart. */
static size_t body_measure(const rs_ctx *cx)
{
	enum { MAXC = 400 };
	size_t *hist = bc_xcalloc(MAXC + 1, sizeof *hist), total = 0;
	for (size_t i = 0; i + 1 < cx->n; i++) {
		if (cx->v[i].dropped || cx->v[i + 1].dropped || cx->v[i + 1].page != cx->v[i].page ||
		    rs_blank(&cx->v[i + 1]))
			continue;
		size_t c = chars_of(&cx->v[i]);
		if (c < 30)
			continue;
		hist[c < MAXC ? c : MAXC]++;
		total++;
	}
	size_t w = 0;
	for (size_t c = 0, seen = 0; c <= MAXC && total; c++) {
		seen += hist[c];
		if (seen * 2 >= total) {
			w = c;
			break;
		}
	}
	free(hist);
	return w;
}

/* Where the text of a note whose number comes after it starts: going up
 * from line `last` (its last line), no earlier than `top`, to a blank
 * line or the body.  A line is the note's when it runs longer than the
 * body's measure w (the note's smaller type), or when it ends a note's
 * paragraph: a long line above it and an item of the note's list ("- …")
 * under it; the note's last line may be of any length. */
static size_t note_top(const rs_ctx *cx, size_t top, size_t last, size_t w)
{
	size_t start = last, wide = w + (w > 64 ? w / 8 : 8);
	for (size_t j = last; j > top;) {
		size_t up = line_above(cx, top, j);
		if (up == (size_t)-1)
			break;
		if (chars_of(&cx->v[up]) <= wide) {
			const char *s;
			size_t n;
			rs_trim(&cx->v[j], &s, &n);
			size_t up2 = line_above(cx, top, up);
			int item = n >= 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ';
			if (!item || up2 == (size_t)-1 || chars_of(&cx->v[up2]) <= wide)
				break;
		}
		start = j = up;
	}
	return start;
}

/* Where the search for note k's mark from a cursor has got to: each line
 * of a page is asked about (a column of row numbers "2" alone, ten
 * thousand of them), and the text before it is searched once, not again
 * for each. */
typedef struct mark_cache {
	unsigned k;
	size_t lo, line, byte;   /* the search: from (line, byte), no earlier than lo */
	size_t upto;             /* the lines before it hold no mark of k */
	int found;
	size_t fline, fbyte;     /* the mark, when found */
} mark_cache;

/* The mark of note k before line `at`: from (*line, *byte) on, no earlier
 * than line `lo`.  On success *line and *byte are where it stands. */
static int mark_before(const rs_ctx *cx, mark_cache *c, size_t lo, size_t at, unsigned k, size_t *line, size_t *byte)
{
	if (c->k != k || c->lo != lo || c->line != *line || c->byte != *byte) {
		*c = (mark_cache){ k, lo, *line, *byte, *line > lo ? *line : lo, 0, 0, 0 };
	}
	for (; !c->found && c->upto < at; c->upto++) {
		if (cx->v[c->upto].dropped)
			continue;
		size_t from = c->upto == c->line && c->line >= lo ? c->byte : 0;
		long q = find_mark(&cx->v[c->upto], from, k);
		if (q >= 0) {
			c->found = 1;
			c->fline = c->upto;
			c->fbyte = (size_t)q;
			break;
		}
	}
	if (!c->found || c->fline >= at)
		return 0;
	*line = c->fline;
	*byte = c->fbyte;
	return 1;
}

/* Words after which a figure set apart is a number of the sentence's, no
 * mark: "thôn 1", "khoản 2", "lớp 5", "mức độ 1", "phường 2 Bảo Lộc". */
static const char *const counted[] = {
	"số", "khoản", "điều", "điểm", "mục", "tiết", "chương", "phần", "lục", "thôn", "ấp", "tổ", "khu",
	"phường", "xã", "quận", "huyện", "tỉnh", "đội", "xóm", "bản", "buôn", "làng", "lô", "lớp", "khóa",
	"khoá", "kỳ", "kì", "quý", "đợt", "lần", "năm", "tháng", "ngày", "tuần", "giờ", "phút", "cấp",
	"loại", "hạng", "nhóm", "bước", "đoạn", "tầng", "phòng", "đường", "ngõ", "hẻm", "tuyến", "mức",
	"độ", "bậc", "vòng", "trang", "dòng", "câu", "bài", "hình", "bảng", "biểu", "mẫu", "cụm", "thửa",
	"tờ", "phiên", "kênh", "đài", "tập", "quyển", "top", "hạ", "tiểu", "khối", "ca", "kíp",
};

/* Words a figure set a space before counts: "6 tháng", "5 người". */
static const char *const units[] = {
	"tháng", "năm", "ngày", "tuần", "giờ", "phút", "quý", "lần", "người", "hộ", "đồng", "tấn", "ha",
	"km", "m", "cm", "kg", "xã", "thôn", "đơn", "cơ", "trường", "lớp", "học", "hồ", "văn", "dự",
	"công", "đoàn", "cuộc", "buổi", "đợt", "bộ", "cái", "chiếc", "con", "căn", "nhà", "phòng",
};

/* Whether s[0..n), in small letters, is one of the words w[0..nw). */
static int is_word(const char *s, size_t n, const char *const *w, size_t nw)
{
	char low[64];
	size_t ln = bc_utf8_lower(s, n, low, sizeof low);
	if (ln == (size_t)-1)
		return 0;
	for (size_t k = 0; k < nw; k++)
		if (strlen(w[k]) == ln && memcmp(w[k], low, ln) == 0)
			return 1;
	return 0;
}

/* A value written with its decimal comma: figures, "." between thousands,
 * one "," and figures after it ("60,195", "1.250,5"). */
static int value_with_decimals(const char *s, size_t n)
{
	size_t commas = 0, digits_after = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',') {
			if (!i || commas++)
				return 0;
		} else if (s[i] == '.') {
			if (!i || commas)
				return 0;
		} else if (s[i] >= '0' && s[i] <= '9') {
			digits_after += commas;
		} else {
			return 0;
		}
	}
	return commas == 1 && digits_after > 0;
}

/* The figures of k at byte q of line l, a space before them, as a note's
 * mark Word set apart from its word ("kinh doanh thực phẩm 1, qua đó",
 * "Quyết định QPPL 4 và"): the word before in small letters or all
 * capitals and none that counts ("thôn 1"); after them the line's end, a
 * closing mark, or a word in small letters; or a value with its decimal
 * comma before them, they last on the line ("60,195 29": a table cell's
 * value and its note).  Returns 2 for those; 1 for a name's figure before a
 * closing mark ("Trường Tiểu học An Thắng 2, dài"), which may be the name's
 * own ("An Thắng 2", "Bảo Lâm 1") and is taken only when no other figure
 * of k could be the mark (spaced_before); 0 for anything else. */
static int spaced_mark(const rs_line *l, size_t q, size_t dl)
{
	const char *s = l->s;
	if (q < 2 || s[q - 1] != ' ' || s[q - 2] == ' ' || l->nshifts)
		return 0;   /* (a line whose columns another concern moved keeps its spaces) */
	size_t e = q + dl;
	if (e < l->len) {
		unsigned char c = (unsigned char)s[e];
		if (strchr(",.;:)", c)) {
			if (e + 1 < l->len && s[e + 1] != ' ')
				return 0;   /* "1.2", "4,5" */
		} else if (c == ' ') {
			size_t at = e + 1;   /* a space then the line's end: as the end */
			if (at < l->len && !bc_cp_is_lower(bc_utf8_next(s, l->len, &at)))
				return 0;
		} else {
			return 0;
		}
	}
	/* the word before */
	size_t we = q - 1, wb = we;
	while (wb > 0 && s[wb - 1] != ' ')
		wb--;
	size_t lower = 0, upper = 0, other = 0;
	for (size_t at = wb; at < we;) {
		uint32_t cp = bc_utf8_next(s, we, &at);
		if (bc_cp_is_lower(cp))
			lower++;
		else if (bc_cp_is_upper(cp))
			upper++;
		else
			other++;
	}
	/* or a value with its decimal comma, the mark last on the line: a
	 * table's cell "60,195 29" (a value's note, its mark set raised); not
	 * on a line of columns parted by spaces (pdftotext -layout), whose
	 * table reads the two as one cell and keeps the line as it is */
	if (!upper && !lower && e == l->len && dl <= 2 && value_with_decimals(s + wb, we - wb))
		return !bc_find(s, l->len, "   ", 3, 0);
	/* or a year, the mark (one or two figures) before a closing mark: "…
	 * dự thi năm 2027 7; chỉ đạo" (a year's count never follows it so) */
	if (!upper && !lower && we - wb == 4 && after_year(s, we) && dl <= 2 && e < l->len && strchr(",.;:)", s[e]) &&
	    wb >= 5 && memcmp(s + wb - 5, "năm", 4) == 0 && s[wb - 1] == ' ')
		return 2;
	if (other || (!upper && !lower))
		return 0;
	/* a name's word, a capital then small letters: its figure before a closing mark */
	size_t first = wb;
	int name = upper == 1 && lower && bc_cp_is_upper(bc_utf8_next(s, we, &first));
	if (is_word(s + wb, we - wb, counted, sizeof counted / sizeof counted[0]))
		return 0;   /* "thôn 1", "Điều 3." */
	if (upper && (lower || upper < 2))
		return name && e < l->len && strchr(",.;:)", s[e]) ? 1 : 0;
	/* and no unit after it: "thực hiện 6 tháng", "có 5 người" */
	if (e < l->len && s[e] == ' ') {
		size_t ub = e + 1, ue = ub;
		while (ue < l->len && s[ue] != ' ' && !strchr(",.;:)", s[ue]))
			ue++;
		if (is_word(s + ub, ue - ub, units, sizeof units / sizeof units[0]))
			return 0;
	}
	return 2;
}

/* Where the search for a note's mark set apart has got to: the lines
 * from (line, byte) to before upto hold `count` such figures of k, the
 * first at (fline, fbyte), and `weak` figures after a name's word (the
 * first at wline, wbyte). */
typedef struct spaced_cache {
	unsigned k;
	size_t lo, line, byte, upto, count, fline, fbyte, weak, wline, wbyte;
	int set;
} spaced_cache;

/* Note k's mark set apart from its word before line `at` (spaced_mark),
 * when it is the only such figure of k from the cursor (*line, *byte) on
 * (no earlier than line lo): a note's number and text at the foot of the
 * page say a mark is there, and no other figure could be it. */
static int spaced_before(const rs_ctx *cx, spaced_cache *c, size_t lo, size_t at, unsigned k, size_t *line, size_t *byte)
{
	size_t from = *line > lo ? *line : lo;
	if (!c->set || c->k != k || c->lo != lo || c->line != *line || c->byte != *byte || c->upto > at)
		*c = (spaced_cache){ k, lo, *line, *byte, from, 0, 0, 0, 0, 0, 0, 1 };
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	for (; c->upto < at && c->count < 2; c->upto++) {
		const rs_line *l = &cx->v[c->upto];
		if (l->dropped)
			continue;
		size_t q = c->upto == *line && *line >= lo ? *byte : 0;
		for (; q + dl <= l->len; q++) {
			int m = memcmp(l->s + q, d, dl) != 0 ? 0 : spaced_mark(l, q, dl);
			if (m == 2 && !c->count++) {
				c->fline = c->upto;
				c->fbyte = q;
			} else if (m == 1 && !c->weak++) {
				c->wline = c->upto;
				c->wbyte = q;
			}
		}
	}
	/* a name's figure only when nothing else could be the mark */
	if (c->count + c->weak != 1)
		return 0;
	*line = c->count ? c->fline : c->wline;
	*byte = c->count ? c->fbyte : c->wbyte;
	return 1;
}

/* Note k's mark before line `at`: glued to its word (mark_before), else
 * set apart from it and alone of its kind (spaced_before, when sc). */
static int mark_found(const rs_ctx *cx, mark_cache *c, spaced_cache *sc, size_t lo, size_t at, unsigned k,
                      size_t *line, size_t *byte)
{
	return mark_before(cx, c, lo, at, k, line, byte) || (sc && spaced_before(cx, sc, lo, at, k, line, byte));
}

/* Whether a note's text opens with a capital (an opening quote or bracket
 * before it allowed): line l's, past its number when `numbered`.  A note's
 * mark set apart from its word is read only for such a text ("Gồm 07 cơ
 * sở …"): a table's line "6 tháng 1.980,0 …" is no note of "thực hiện 6". */
static int opens_capital(const rs_line *l, int numbered)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	size_t at = 0;
	while (numbered && at < n && (is_digit(s[at]) || s[at] == ' '))
		at++;
	while (at < n) {
		uint32_t cp = bc_utf8_next(s, n, &at);
		if (cp == '"' || cp == '(' || cp == 0x201C || cp == '\'')
			continue;
		return bc_cp_is_upper(cp);
	}
	return 0;
}

/* A figure to raise: note k's figures at byte `byte` of line `line`. */
typedef struct mark_raise {
	size_t line, byte;
	unsigned k;
} mark_raise;

typedef struct mark_raises {
	mark_raise *v;
	size_t n;
} mark_raises;

static void raise_later(mark_raises *r, size_t line, size_t byte, unsigned k)
{
	r->v = bc_xgrow(r->v, r->n, sizeof *r->v);
	r->v[r->n++] = (mark_raise){ line, byte, k };
}

static int raise_cmp(const void *a, const void *b)
{
	const mark_raise *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->byte > y->byte) - (x->byte < y->byte);
}

/* Writes each line holding figures to raise again, once, with all of them
 * raised: as many characters as before, so the columns after each stay
 * where they were (a line of a thousand marks is copied once, not a
 * thousand times). */
static void raise_all(rs_ctx *cx, mark_raises *r)
{
	if (!r->n)
		return;   /* no note: nothing to sort (qsort wants an array, even of none) */
	qsort(r->v, r->n, sizeof *r->v, raise_cmp);
	bc_buf b = BC_BUF_INIT;
	for (size_t j = 0, e; j < r->n; j = e) {
		size_t line = r->v[j].line;
		for (e = j; e < r->n && r->v[e].line == line; e++)
			;
		const rs_line *l = &cx->v[line];
		if (l->dropped)
			continue;   /* a note's lone number and its text, written again as one line */
		bc_buf_clear(&b);
		size_t at = 0;
		uint32_t removed = 0;
		for (size_t k = j; k < e; k++) {
			char d[12];
			size_t dl = (size_t)snprintf(d, sizeof d, "%u", r->v[k].k);
			size_t q = r->v[k].byte;
			if (q < at || q + dl > l->len)
				continue;
			/* a mark set apart from its word (spaced_mark) is glued to
			 * it, as §8.1 reads a mark; the columns after it are one
			 * further on in the input */
			int apart = q > at && l->s[q - 1] == ' ' && mark_after(l->s, q) == 0;
			bc_buf_put(&b, l->s + at, q - at - (apart ? 1 : 0));
			if (apart)
				rs_shift(cx, line, (uint32_t)bc_utf8_count(b.s, b.len) + 1, ++removed);
			put_raised(&b, r->v[k].k);
			at = q + dl;
		}
		bc_buf_put(&b, l->s + at, l->len - at);
		rs_rewrite(cx, line, BC_RESTORE_NOTE, b.s, b.len);
	}
	bc_buf_free(&b);
	free(r->v);
}

/* How many numbers a note may come after the last one found: the extraction
 * puts some notes' numbers where they cannot be read as their texts' (alone
 * under the page's other notes, or before another note's text). */
#define NOTE_SKIP 3
#define NOTE_STACK 3   /* numbers of notes stacked under a note's, their texts after them */

/* A note found: its number, how its start is written (note_start), its
 * start's and its text's first line, past its text's last, its mark. */
typedef struct note_at {
	unsigned k;
	int form;
	size_t start, text, end, mline, mbyte;
} note_at;

/* The last line read as a note's start ("1 Thủ tục …", "1") whose mark
 * was nowhere before it: a numbered row of a table or a list. */
typedef struct unmarked {
	int set, form;
	unsigned k;
	size_t line;
} unmarked;

/* Line i ("2 Đăng ký thành lập hộ kinh doanh") is a numbered row of a table
 * or a list, not note k, when one of the few lines with text above it on its
 * page opens with k - 1 as it opens with k and no mark of k - 1 stands
 * before that line, or when its text holds a table's column gap (five
 * spaces or more, pdftotext -layout). */
static int ends_in_figures(const rs_line *l);

static int in_numbered_run(const rs_ctx *cx, size_t b, size_t i, unsigned k, int form, const unmarked *u, size_t w)
{
	const rs_line *l = &cx->v[i];
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t q = 0, run = 0; q < n; q++) {
		run = s[q] == ' ' ? run + 1 : 0;
		if (run >= 5)
			return 1;
	}
	/* (a row of figures numbered k - 1 over k alone, its label under it:
	 * "1 Chi bộ thôn 22 842 …" over "2" / "Chi bộ trường", -raw's table) */
	if (!u->set || u->k + 1 != k || u->line < b || u->line >= i ||
	    (u->form != form && !(u->form == 1 && form == 2 && ends_in_figures(&cx->v[u->line]))))
		return 0;
	/* a line a tenth longer than the body's measure is set in the notes'
	 * smaller type: the note above it lost its mark (a name's figure set
	 * apart, "An Thắng 2"), no list of the body numbers them */
	if (w && 10 * chars_of(&cx->v[i]) > 11 * w)
		return 0;
	/* within the few lines with text above (mutool: "1" / "Thủ tục …" / "1.700/2.912" / "2") */
	size_t seen = 0;
	for (size_t j = u->line + 1; j < i; j++)
		seen += !cx->v[j].dropped && !rs_blank(&cx->v[j]);
	return seen < 8;
}

/* Line l ends with two figures or more, each a word of its own ("… 265,0 271,5 2,5"). */
static int ends_in_figures(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	int figs = 0;
	while (n && figs < 2) {
		size_t w = n;
		while (w && s[w - 1] != ' ')
			w--;
		if (!rs_figure_token(s + w, n - w))
			break;
		figs++;
		while (w && s[w - 1] == ' ')
			w--;
		n = w;
	}
	return figs >= 2;
}

/* The texts of notes whose numbers stand stacked (k alone, then k + 1 …
 * alone, stack[] their lines), from line `text` to `end`: each next text
 * opens a line with a capital after a line ending in ".", exactly one such
 * place for each stacked number (or, when not, a line opening with a
 * capital after any, exactly as many), and each stacked note's mark is found
 * after the one before (from line ml, byte mb).  Fills out[] and *kend,
 * the end of note k's text; 0 when the texts cannot be told apart. */
static int stacked_texts(const rs_ctx *cx, mark_cache cache[2], spaced_cache sc[2], size_t lo, size_t i, size_t text,
                         size_t end, unsigned k, size_t ml, size_t mb, const size_t *stack, size_t ns, note_at *out,
                         size_t *kend)
{
	size_t cut[NOTE_STACK + 1], nc = 0;
	/* first the lines opening with a capital after a sentence's end, then,
	 * when they are not as many, any opening with a capital (notes that end
	 * with no stop: "Thay thế Kế hoạch số 238/KH-UBND …" over "Thay thế …") */
	for (int any = 0; any < 2 && nc != ns; any++) {
		size_t prev = text;
		nc = 0;
		for (size_t j = text + 1; j < end && nc <= ns; j++) {
			if (cx->v[j].dropped || rs_blank(&cx->v[j]))
				continue;
			const char *s;
			size_t n;
			rs_trim(&cx->v[prev], &s, &n);
			if (n && (any || s[n - 1] == '.') && opens_capital(&cx->v[j], 0)) {
				if (nc == ns) {
					nc++;
					break;
				}
				cut[nc++] = j;
			}
			prev = j;
		}
	}
	if (nc != ns)
		return 0;
	cut[nc] = end;
	for (size_t q = 0; q < ns; q++) {
		unsigned kq = k + 1 + (unsigned)q;
		size_t l2 = ml, b2 = mb + 1;
		if (!mark_found(cx, &cache[kq & 1], opens_capital(&cx->v[cut[q]], 0) ? &sc[kq & 1] : NULL, lo, i, kq, &l2, &b2))
			return 0;
		out[q] = (note_at){ kq, 2, stack[q], cut[q], cut[q + 1], l2, b2 };
		ml = l2, mb = b2;
	}
	*kend = cut[0];
	return 1;
}

/* Whether line i of the page from b to before e opens note k, its mark in
 * the text before it from (mline, mbyte) on, no earlier than line lo: all
 * the evidence above, into *n. */
static int note_here(const rs_ctx *cx, mark_cache cache[2], spaced_cache sc[2], size_t b, size_t e, size_t i, size_t lo,
                     unsigned k, size_t mline, size_t mbyte, int at_foot, unmarked *um, size_t w, note_at *n,
                     note_at *stacked, size_t *nstacked)
{
	int form = note_start(&cx->v[i], k);
	size_t text = i, stack[NOTE_STACK], ns = 0;
	*nstacked = 0;
	if (form == 2) {
		/* "1" alone: its text on the next line with text, a word first;
		 * or the numbers of the next notes alone under it, their texts
		 * after them in order ("2" / "3" / "Mặt đường …" / "Công trình …":
		 * pdftotext's column of a page's note numbers) */
		size_t up = line_above(cx, b, i);
		if (k > 1 && up != (size_t)-1 && note_start(&cx->v[up], k - 1) == 2)
			return 0;   /* a stacked number: the stack is read from its first */
		text = next_text(cx, i + 1, e);
		for (unsigned k2 = k + 1; text < e && ns < NOTE_STACK && note_start(&cx->v[text], k2) == 2; k2++) {
			stack[ns++] = text;
			text = next_text(cx, text + 1, e);
		}
		if (text >= e || rs_figures(&cx->v[text], (size_t)-1))   /* another note's number, a page's */
			return 0;
	}
	if (!form || (!at_foot && in_numbered_run(cx, b, i, k, form, um, w)))
		return 0;
	/* a table's row written a line (pdftotext -raw): "1 Nông nghiệp 265,0
	 * 271,5 2,5" ending in two figures, the next line with text the next
	 * number's, or the one above the number before, ending so too; a
	 * note's text ends in words */
	if (form == 1 && ends_in_figures(&cx->v[i])) {
		size_t nx = next_text(cx, i + 1, e);
		if (nx < e && note_start(&cx->v[nx], k + 1) == 1 && ends_in_figures(&cx->v[nx]))
			return 0;
		/* or the line with text above it the row before ("1 Chi bộ thôn 22
		 * 842 15 6 11 852" over "2 Chi bộ trường học 9 214 …", a table's
		 * last rows at a page's foot) */
		size_t up = i;
		while (up > b && (cx->v[up - 1].dropped || rs_blank(&cx->v[up - 1])))
			up--;
		if (up > b && k > 1 && note_start(&cx->v[up - 1], k - 1) == 1 && ends_in_figures(&cx->v[up - 1]))
			return 0;
	}
	size_t ml = mline, mb = mbyte;
	if (!mark_found(cx, &cache[k & 1], opens_capital(&cx->v[text], form == 1) ? &sc[k & 1] : NULL, lo, i, k, &ml,
	                &mb)) {
		*um = (unmarked){ 1, form, k, i };
		return 0;
	}
	/* the note's text: to the next note's start (its mark in the text
	 * before this one's), or the page's end */
	size_t end = text + 1;
	for (; end < e; end++) {
		if (number_after(cx, b, e, end))
			break;   /* another note's number, under that note's text */
		if (cx->v[end].dropped)
			continue;
		/* the next note's start, or a later one's (the numbers between
		 * set elsewhere: "3" / T3 / T4 / "5" / T5 / "4") */
		int next = 0;
		for (unsigned k2 = k + 1; k2 <= k + 1 + NOTE_SKIP && !next; k2++) {
			int form2 = note_start(&cx->v[end], k2);
			if (!form2)
				continue;
			size_t t2 = form2 == 1 ? end : next_text(cx, end + 1, e);
			size_t l2 = ml, b2 = mb + 1;
			mark_cache c2 = { 0 };
			spaced_cache s2 = { 0 };
			int capital = t2 < e && opens_capital(&cx->v[t2], form2 == 1);
			next = mark_found(cx, k2 == k + 1 ? &cache[k2 & 1] : &c2, capital ? &s2 : NULL, lo, i, k2, &l2, &b2);
		}
		if (next)
			break;
	}
	/* at the foot of the page: a page's notes are its last lines, a few
	 * of them (a numbered row of a table is not a note); known when a note
	 * before it on the page was (at_foot) */
	size_t body = 0, foot = 0;
	for (size_t j = b; j < e && !at_foot; j++)
		if (!cx->v[j].dropped && !rs_blank(&cx->v[j])) {
			if (j < i)
				body++;
			else
				foot++;
		}
	/* and its text a block or a few: not a table's cells, a blank line
	 * between each (pdftotext's cells, one per line) */
	size_t gaps = 0;
	for (size_t j = text + 1; j < end; j++)
		gaps += rs_blank(&cx->v[j]) && !rs_blank(&cx->v[j - 1]);
	/* many short notes on one page (a list of projects, each its note):
	 * two more lines for each of the next notes in order, each with its mark */
	size_t more = 0, ml2 = ml, mb2 = mb + 1;
	for (size_t j = end; j < e && foot > 12 + 2 * more; j++) {
		if (cx->v[j].dropped || !note_start(&cx->v[j], k + 1 + (unsigned)more))
			continue;
		mark_cache c2 = { 0 };
		if (!mark_before(cx, &c2, lo, i, k + 1 + (unsigned)more, &ml2, &mb2))
			break;
		mb2++;
		more++;
	}
	/* a long note (fourteen lines of a small font under "24") is read when
	 * its mark stands on its own page: the evidence is close at hand */
	size_t limit = 12 + 2 * more + (cx->v[ml].page == cx->v[i].page ? 12 : 0);
	/* and any note whose number stands alone on its line right under its
	 * mark, a line or two between (a page of a few lines of text and a long
	 * note under them, Word's: "… trên địa bàn tỉnh2" / "." / "2" /
	 * "Trước sáp nhập tỉnh:"; "12 chi cục13" under "… 14 sở, ngành12" is
	 * the text's own figure) */
	size_t between = 0;
	for (size_t j = ml + 1; j < i && between <= 2; j++)
		between += !cx->v[j].dropped && !rs_blank(&cx->v[j]);
	if (form == 2 && cx->v[ml].page == cx->v[i].page && ml < i && between <= 2)
		limit = (size_t)-1;
	if ((!at_foot && foot > limit && foot * 2 > body) || gaps > 3)
		return 0;
	if (ns && !stacked_texts(cx, cache, sc, lo, i, text, end, k, ml, mb, stack, ns, stacked, &end))
		return 0;
	*n = (note_at){ k, form, i, text, end, ml, mb };
	*nstacked = ns;
	return 1;
}

/* The notes found on a page so far, each as the lines it holds. */
typedef struct page_notes {
	struct { unsigned k; size_t lo, hi; } *v;   /* its number; its first and last lines */
	size_t n;
} page_notes;

static void page_note(page_notes *pn, const note_at *n)
{
	pn->v = bc_xgrow(pn->v, pn->n, sizeof *pn->v);
	size_t lo = n->start < n->text ? n->start : n->text, hi = n->end - 1 > n->start ? n->end - 1 : n->start;
	pn->v[pn->n].k = n->k;
	pn->v[pn->n].lo = lo;
	pn->v[pn->n++].hi = hi;
}

/* Where the search for marks stands: after the last note's mark found
 * (line, byte), or where it stood when the page began (pline, pbyte). */
typedef struct mark_at {
	unsigned want, page_want;   /* the next note's number; the first the page may have */
	size_t line, byte, pline, pbyte;
} mark_at;

/* Whether line i, the figures k alone under a note's text (number_after),
 * numbers that text: k is one the page may have (the next ones, or one its
 * notes found passed over); its text is the block of lines right above it,
 * or above the first of the page's notes numbered after it (pdftotext
 * writes "Do một số sở …" / "3" / "Được thực hiện …" / "4" / "Theo …" /
 * "2": note 2's number after notes 3 and 4), from the body or a blank line
 * on (note_top); its mark stands before the text, and no more than twelve
 * lines of text follow it on the page. */
static int note_after(const rs_ctx *cx, size_t b, size_t e, size_t i, unsigned k, size_t lo, const mark_at *m,
                      const page_notes *pn, size_t w, note_at *n)
{
	if (k < m->page_want || k > m->want + NOTE_SKIP)
		return 0;
	for (size_t q = 0; q < pn->n; q++)
		if (pn->v[q].k == k)
			return 0;
	size_t under = 0;
	for (size_t j = i + 1; j < e; j++)
		under += !cx->v[j].dropped && !rs_blank(&cx->v[j]);
	if (under > 12)
		return 0;
	size_t below = i, top = b;
	for (size_t q = 0; q < pn->n; q++)
		if (pn->v[q].k > k && pn->v[q].lo < below)
			below = pn->v[q].lo;
	for (size_t q = 0; q < pn->n; q++)
		if (pn->v[q].hi < below && pn->v[q].hi + 1 > top)
			top = pn->v[q].hi + 1;
	size_t last = line_above(cx, top, below);
	if (last == (size_t)-1 || !has_letter(&cx->v[last]))
		return 0;
	size_t text = note_top(cx, top, last, w);
	if (last - text >= 16)
		return 0;
	size_t ml = k >= m->want ? m->line : m->pline, mb = k >= m->want ? m->byte : m->pbyte;
	mark_cache c = { 0 };
	spaced_cache s2 = { 0 };
	if (!mark_found(cx, &c, opens_capital(&cx->v[text], 0) ? &s2 : NULL, lo, text, k, &ml, &mb))
		return 0;
	*n = (note_at){ k, 3, i, text, last + 1, ml, mb };
	return 1;
}

/* The last line with text of note n. */
static size_t note_last_line(const rs_ctx *cx, const note_at *n)
{
	size_t last = n->end;
	while (last > n->text && (cx->v[last - 1].dropped || rs_blank(&cx->v[last - 1])))
		last--;
	return last > n->text ? last - 1 : n->text;
}

/* Keeps the span of a note's lines, first to last (1-based input lines):
 * the parser continues the note over no block past it. */
static void keep_note_span(rs_ctx *cx, uint32_t first, uint32_t last)
{
	bc_restore *out = cx->out;
	out->notes = bc_xgrow(out->notes, out->nnotes, sizeof *out->notes);
	out->notes[out->nnotes++] = (bc_restore_span){ first, last };
}

/* Marks note n again: its mark and number raised (by raise_all, once the
 * notes are found: their marks are looked for in the text as it stands),
 * its text one block, its span kept. */
static void mark_note(rs_ctx *cx, const note_at *n, mark_raises *r)
{
	raise_later(r, n->mline, n->mbyte, n->k);
	size_t i = n->start, text = n->text;
	uint32_t first = (uint32_t)(i + 1);
	if (n->form == 3)
		first = (uint32_t)(text + 1);   /* its number after its text */
	if (n->form == 1) {
		const char *s;
		size_t len;
		rs_trim(&cx->v[i], &s, &len);
		raise_later(r, i, (size_t)(s - cx->v[i].s), n->k);
	} else {
		/* "1" alone, its text under it (or above it: form 3): one line
		 * "¹ text", each part where it stood */
		bc_buf nb = BC_BUF_INIT;
		put_raised(&nb, n->k);
		bc_buf_putc(&nb, ' ');
		const char *s, *ms;
		size_t len, mn;
		rs_trim(&cx->v[text], &s, &len);
		rs_trim(&cx->v[i], &ms, &mn);
		uint32_t mark_chars = (uint32_t)bc_utf8_count(ms, mn);
		uint32_t mcol = rs_input_col(&cx->v[i], (uint32_t)bc_utf8_count(cx->v[i].s, (size_t)(ms - cx->v[i].s)) + 1);
		uint32_t tcol = rs_input_col(&cx->v[text], (uint32_t)bc_utf8_count(cx->v[text].s, (size_t)(s - cx->v[text].s)) + 1);
		bc_buf_put(&nb, s, len);
		rs_add_line(cx, text, nb.s, nb.len, (uint32_t)(i + 1), mcol);
		rs_add_jump(cx, text, mark_chars + 2, (uint32_t)(text + 1), tcol);
		rs_move(cx, i, BC_RESTORE_NOTE);
		rs_move(cx, text, BC_RESTORE_NOTE);
		bc_buf_free(&nb);
	}
	/* one block: the blank lines inside the note's text go */
	for (size_t k = text + 1; k < n->end; k++)
		if (!cx->v[k].dropped && rs_blank(&cx->v[k]) && next_text(cx, k, n->end) < n->end)
			rs_move(cx, k, BC_RESTORE_NOTE);
	/* through its last line, or its number, where its first line now says it starts */
	keep_note_span(cx, first, (uint32_t)(n->form == 3 ? i + 1 : note_last_line(cx, n) + 1));
}

/* The last character of line l, its edges' spaces left out (0: none). */
static uint32_t line_end_cp(const rs_line *l)
{
	const char *s;
	size_t len;
	rs_trim(l, &s, &len);
	return len ? bc_utf8_prev(s, &len) : 0;
}

/* Whether note n's text ends inside a sentence: its last line ends in a
 * letter or a figure ("… tổng mức đầu"), the page cut it. */
static int ends_cut(const rs_ctx *cx, const note_at *n)
{
	uint32_t cp = line_end_cp(&cx->v[note_last_line(cx, n)]);
	return bc_cp_is_letter(cp) || (cp >= '0' && cp <= '9');
}

/* A line opening with a word in small letters that is no label ("b)", "đ.")
 * nor a bullet. */
static int opens_small_word(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	size_t at = 0;
	uint32_t cp = n ? bc_utf8_next(s, n, &at) : 0;
	if (!bc_cp_is_lower(cp))
		return 0;
	while (at < n && s[at] != ' ' && s[at] != ')' && s[at] != '.')
		bc_utf8_next(s, n, &at);
	return at == n || s[at] == ' ';
}

/* The rest of a note a page cut, at the foot of the next page (pdftotext
 * writes it after that page's body, before its own notes): from the page's
 * lines b to before `limit` (its first note, or its end), the last line
 * opening with a word in small letters right under a line that ends a
 * sentence (a ";" or ":" ends a clause that goes on in small letters),
 * with at most twelve lines of text from it to `limit` and more above it
 * on the page, none a bare figure.  Its first line, or 0. */
static size_t cut_note_rest(const rs_ctx *cx, size_t b, size_t limit)
{
	size_t from = 0, above = 0, below = 0;
	for (size_t j = b; j < limit; j++) {
		if (cx->v[j].dropped || rs_blank(&cx->v[j]))
			continue;
		size_t up = line_above(cx, b, j);
		if (up != (size_t)-1 && opens_small_word(&cx->v[j])) {
			uint32_t last = line_end_cp(&cx->v[up]);
			if (last == '.')
				from = j, below = 0;
		}
		if (from)
			below++;
		else
			above++;
	}
	if (!from || below > 12 || above <= below)
		return 0;
	for (size_t j = from; j < limit; j++)
		if (!cx->v[j].dropped && (rs_figures(&cx->v[j], (size_t)-1) || cx->v[j].repl || cx->v[j].nadds))
			return 0;
	return from;
}

/* Writes the rest of note n, lines from to before limit, right after its
 * text, each where it stands; records their span as the note's. */
static void join_note_rest(rs_ctx *cx, const note_at *n, size_t from, size_t limit)
{
	size_t after = note_last_line(cx, n);
	size_t last = from;
	for (size_t j = from; j < limit; j++) {
		const rs_line *l = &cx->v[j];
		if (l->dropped || rs_blank(l))
			continue;
		const char *s;
		size_t len;
		rs_trim(l, &s, &len);
		rs_add_line(cx, after, s, len, (uint32_t)(j + 1), (uint32_t)bc_utf8_count(l->s, (size_t)(s - l->s)) + 1);
		rs_move(cx, j, BC_RESTORE_NOTE);
		last = j;
	}
	keep_note_span(cx, (uint32_t)(from + 1), (uint32_t)(last + 1));
}

void rs_footnotes(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_PDF || cx->npages < 1)
		return;
	mark_at m = { 1, 1, 0, 0, 0, 0 };
	size_t found = 0, prev_page = 0, w = body_measure(cx);
	mark_cache cache[2] = { { 0 }, { 0 } };
	spaced_cache sc[2] = { { 0 }, { 0 } };
	mark_raises r = { NULL, 0 };
	unmarked um = { 0 };
	page_notes pn = { NULL, 0 };
	note_at page_last = { 0 }, prev_last = { 0 };   /* the last note of this page, of the page before */
	for (size_t b = 0, e; b < cx->n; b = e) {
		uint32_t page = cx->v[b].page;
		for (e = b; e < cx->n && cx->v[e].page == page; e++)
			;
		size_t first = next_text(cx, b, e);
		/* the marks are looked for from the previous page's start on */
		size_t lo = prev_page;
		prev_page = b;
		int at_foot = 0;   /* a note of this page found: the lines after it are its foot */
		m.page_want = m.want;
		m.pline = m.line;
		m.pbyte = m.byte;
		pn.n = 0;
		prev_last = page_last;
		page_last = (note_at){ 0 };
		for (size_t i = first + 1 < e ? first + 1 : e; i < e;) {
			i = next_text(cx, i, e);
			if (i >= e)
				break;
			note_at n = { 0 }, stacked[NOTE_STACK];
			size_t nstacked = 0;
			int ok = 0;
			unsigned after = number_after(cx, b, e, i);
			if (after)
				ok = note_after(cx, b, e, i, after, lo, &m, &pn, w, &n);
			/* else its text under it ("92,5%2." / "2" / "" / "Theo kết quả …") */
			for (unsigned k = m.want; k <= m.want + NOTE_SKIP && !ok; k++)
				ok = note_here(cx, cache, sc, b, e, i, lo, k, m.line, m.byte, at_foot, &um, w, &n, stacked, &nstacked);
			if (!ok) {
				i++;
				continue;
			}
			for (size_t q = 0; q <= nstacked; q++) {
				note_at *t = q ? &stacked[q - 1] : &n;
				if (t->form != 3 && t->end > page_last.end)
					page_last = *t;
				mark_note(cx, t, &r);
				page_note(&pn, t);
				found++;
				if (t->k >= m.want) {
					m.want = t->k + 1;
					m.line = t->mline;
					m.byte = t->mbyte + 1;
				}
			}
			at_foot = 1;
			i = n.form == 3 ? i + 1 : nstacked ? stacked[nstacked - 1].end : n.end;
		}
		/* the previous page's last note cut inside a sentence: its rest
		 * at this page's foot, above this page's notes */
		if (prev_last.k && ends_cut(cx, &prev_last)) {
			size_t limit = e;
			for (size_t q = 0; q < pn.n; q++)
				if (pn.v[q].lo < limit)
					limit = pn.v[q].lo;
			size_t from = cut_note_rest(cx, first, limit);
			if (from)
				join_note_rest(cx, &prev_last, from, limit);
		}
	}
	free(pn.v);
	raise_all(cx, &r);
	/* counted by notes, not by the lines rewritten */
	cx->out->count[BC_RESTORE_NOTE] = found;
}
