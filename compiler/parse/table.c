/* table.c — building one TABLE node from the raw rows of a tab-separated or pipe table. */
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* Real headers have one to three rows; more than this is a misread body. */
#define MAX_HEAD_ROWS 8
/* Widest band of the edit distance: keeps the header comparison linear. */
#define FUZZ_CAP 64
/* Longer cells are never numbers; saves scanning long prose. */
#define NUMBER_MAX 200
/* Cell separator in folded text: not a letter or digit, so it never matches one. */
#define SEP 0x1Fu

/* ---------------------------------------------------------------- raw cells */

typedef struct rcell {
	const char *s;
	size_t len;
	bc_pos pos;
} rcell;

typedef struct rrow {
	rcell *v;
	size_t n, cap;
} rrow;

static void row_push(rrow *r, const char *s, size_t len, bc_pos pos)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = bc_xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n].s = s;
	r->v[r->n].len = len;
	r->v[r->n].pos = pos;
	r->n++;
}

static void row_copy(rrow *dst, const rrow *src)
{
	dst->n = 0;
	for (size_t i = 0; i < src->n; i++)
		row_push(dst, src->v[i].s, src->v[i].len, src->v[i].pos);
}

/* Byte length of the white space at s[i] (tab excluded: it separates cells), or 0. */
static size_t ws_at(const char *s, size_t i, size_t e)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\r' || c == '\v' || c == '\f')
		return 1;
	if (c == 0xC2 && i + 1 < e && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

/* Trailing white space ends on a byte of its own: space, CR, or the A0 of NBSP. */
static size_t ws_before(const char *s, size_t b, size_t e)
{
	unsigned char c = (unsigned char)s[e - 1];
	if (c == ' ' || c == '\r' || c == '\v' || c == '\f' || c == '\t')
		return 1;
	if (c == 0xA0 && e >= b + 2 && (unsigned char)s[e - 2] == 0xC2)
		return 2;
	return 0;
}

static int is_empty(const rcell *c) { return c == NULL || c->len == 0; }

/* A pipe at s[i] is escaped when an odd number of backslashes stand before it. */
static int escaped(const char *s, size_t b, size_t i)
{
	size_t k = 0;
	while (i > b + k && s[i - 1 - k] == '\\')
		k++;
	return k & 1;
}

/* Trims field s[fb..fe) of line ln and appends it; cp_fb is the code-point offset of fb. */
static void push_field(rrow *row, const bc_table_line *ln, const char *s, size_t fb, size_t fe, size_t cp_fb,
                       int tabs_are_space)
{
	size_t b = fb, e = fe, k;
	while (b < e && ((k = ws_at(s, b, e)) || (tabs_are_space && s[b] == '\t')))
		b += k ? k : 1;
	while (e > b && (k = ws_before(s, b, e)))
		e -= k;
	bc_pos p = ln->pos;
	p.col = (uint32_t)(p.col + cp_fb + bc_utf8_count(s + fb, b - fb));
	row_push(row, s + b, e - b, p);
}

/* Splits a raw line into trimmed cells (views into the line). */
static void split_line(const bc_table_line *ln, rrow *row)
{
	row->n = 0;
	const char *s = ln->s;
	size_t len = ln->len;
	if (!s) {
		s = "";
		len = 0;
	}
	if (!ln->is_pipe) {
		size_t fb = 0, cp = 0;
		for (;;) {
			const char *tab = memchr(s + fb, '\t', len - fb);
			size_t i = tab ? (size_t)(tab - s) : len;
			push_field(row, ln, s, fb, i, cp, 0);
			if (!tab)
				break;
			cp += bc_utf8_count(s + fb, i - fb) + 1;
			fb = i + 1;
		}
		return;
	}
	size_t b = 0, e = len, k;
	while (b < e && ((k = ws_at(s, b, e)) || s[b] == '\t'))
		b += k ? k : 1;
	if (b < e && s[b] == '|')
		b++;
	while (e > b && (k = ws_before(s, b, e)))
		e -= k;
	if (e > b && s[e - 1] == '|' && !escaped(s, b, e - 1))
		e--;
	size_t fb = b, cp = bc_utf8_count(s, b);
	for (size_t i = b; i <= e; i++) {
		if (i + 1 < e && s[i] == '\\') {
			i++;    /* the escaped byte cannot separate */
			continue;
		}
		if (i == e || s[i] == '|') {
			push_field(row, ln, s, fb, i, cp, 1);
			if (i < e)
				cp += bc_utf8_count(s + fb, i - fb) + 1;
			fb = i + 1;
		}
	}
}

int bc_table_count_cells(const char *s, size_t len, int is_pipe)
{
	if (!s)
		return len ? 0 : 1;
	bc_table_line ln = { s, len, { 1, 1 }, 0, is_pipe, 0 };
	rrow r = { 0 };
	split_line(&ln, &r);
	int n = (int)(r.n > INT32_MAX ? INT32_MAX : r.n);
	free(r.v);
	return n;
}

/* ----------------------------------------------------------------- folding */

typedef struct cpvec {
	uint32_t *v;
	size_t n, cap;
} cpvec;

/* End of a markup tag such as <b>, </i>, <sup> starting at s[i], or 0. */
static size_t tag_end(const char *s, size_t i, size_t e)
{
	size_t j = i + 1;
	if (j < e && s[j] == '/')
		j++;
	size_t name = j;
	while (j < e && j - name < 10 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9')))
		j++;
	if (j == name || j >= e || s[j] != '>')
		return 0;
	return j + 1;
}

static int folded_alnum(uint32_t f)
{
	if (f < 0x80)
		return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9');
	return bc_cp_is_letter(f);
}

/* An ASCII byte folded: its lower-case letter or digit, FOLD_DROP for other
 * ASCII, FOLD_LOOK for markup bytes (< \\ tab |) and bytes beyond ASCII. */
enum { FOLD_DROP = 0, FOLD_LOOK = 1 };
static const unsigned char ascii_fold[128] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7',
	['8'] = '8', ['9'] = '9',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h',
	['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p',
	['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h',
	['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p',
	['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
	['<'] = FOLD_LOOK, ['\\'] = FOLD_LOOK, ['\t'] = FOLD_LOOK, ['|'] = FOLD_LOOK,
};

/* Letters and digits without marks or case, cells separated by SEP; trailing empty cells dropped.
 * Stops once more than `limit` code points are kept: the caller only needs to know it is longer. */
static void fold_row_upto(const char *s, size_t len, size_t limit, cpvec *out)
{
	out->n = 0;
	/* each code point pushed takes at least one byte: room for all at once */
	if (out->cap < len) {
		out->cap = len;
		out->v = bc_xrealloc(out->v, out->cap * sizeof *out->v);
	}
	size_t i = 0;
	while (s && i < len) {
		unsigned char c = (unsigned char)s[i];
		/* ASCII but the markup bytes: bc_cp_fold and folded_alnum by table */
		unsigned char a = c < 0x80 ? ascii_fold[c] : FOLD_LOOK;
		if (a != FOLD_LOOK) {
			if (a != FOLD_DROP) {
				out->v[out->n++] = a;
				if (out->n > limit)
					return;
			}
			i++;
			continue;
		}
		if (c == '<') {
			size_t t = tag_end(s, i, len);
			if (t) {
				i = t;
				continue;
			}
		}
		if (c == '\\' && i + 1 < len && s[i + 1] == '|') {
			i += 2;
			continue;
		}
		if (c == '\t' || c == '|') {
			out->v[out->n++] = SEP;
			i++;
			continue;
		}
		uint32_t cp;
		i += (size_t)bc_utf8_decode(s + i, len - i, &cp);
		uint32_t f = bc_cp_fold(cp);
		if (folded_alnum(f)) {
			out->v[out->n++] = f;
			if (out->n > limit)
				return;
		}
	}
	while (out->n && out->v[out->n - 1] == SEP)
		out->n--;
}

static void fold_row(const char *s, size_t len, cpvec *out) { fold_row_upto(s, len, (size_t)-1, out); }

/* Levenshtein distance if it is at most k, else k + 1; O(len * k). */
static size_t band_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t k)
{
	if (na > nb + k || nb > na + k)
		return k + 1;
	/* a common prefix and suffix do not change the distance; repeated
	 * headers that differ in a word or two are mostly both */
	while (na && nb && a[0] == b[0]) {
		a++, b++;
		na--, nb--;
	}
	while (na && nb && a[na - 1] == b[nb - 1])
		na--, nb--;
	/* A bound first, in one pass: an edit lowers by at most one the letters a
	 * has in excess of b, and those b has in excess of a (counted in 64 bins);
	 * so most rows compared with a header of about their length cost O(n), not O(n k). */
	int bins[64] = { 0 };
	for (size_t i = 0; i < na; i++)
		bins[a[i] & 63]++;
	for (size_t j = 0; j < nb; j++)
		bins[b[j] & 63]--;
	size_t more_a = 0, more_b = 0;
	for (int c = 0; c < 64; c++) {
		if (bins[c] > 0)
			more_a += (size_t)bins[c];
		else
			more_b += (size_t)-bins[c];
	}
	if (more_a > k || more_b > k)
		return k + 1;
	enum { W = 2 * FUZZ_CAP + 1 };
	size_t bufa[W], bufb[W];
	size_t *prev = bufa, *cur = bufb;
	const size_t inf = (size_t)-1 / 2;
	size_t w = 2 * k + 1;
	/* cell d of row i stands for column j = i + d - k */
	for (size_t d = 0; d < w; d++)
		prev[d] = (d >= k && d - k <= nb) ? d - k : inf;
	for (size_t i = 1; i <= na; i++) {
		size_t rowmin = inf;
		for (size_t d = 0; d < w; d++) {
			if (i + d < k || i + d - k > nb) {
				cur[d] = inf;
				continue;
			}
			size_t j = i + d - k, best;
			if (j == 0) {
				best = i;
			} else {
				best = prev[d] + (a[i - 1] != b[j - 1]);
				if (d + 1 < w && prev[d + 1] + 1 < best)
					best = prev[d + 1] + 1;
				if (d >= 1 && cur[d - 1] + 1 < best)
					best = cur[d - 1] + 1;
			}
			cur[d] = best;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > k)
			return k + 1;
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[nb + k - na];
	return r > k ? k + 1 : r;
}

/* 0: different; 1: equal once folded; 2: equal but for a few letters. */
static int folded_compare(const cpvec *a, const cpvec *b)
{
	if (a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof *a->v) == 0))
		return 1;
	size_t m = a->n > b->n ? a->n : b->n;
	size_t k = m / 10;
	if (k > FUZZ_CAP)
		k = FUZZ_CAP;
	if (k == 0)
		return 0;
	return band_distance(a->v, a->n, b->v, b->n, k) <= k ? 2 : 0;
}

int bc_table_same_header(const char *a, size_t alen, const char *b, size_t blen)
{
	cpvec fa = { 0 }, fb = { 0 };
	fold_row(a, alen, &fa);
	fold_row(b, blen, &fb);
	int r = (fa.n || fb.n) && folded_compare(&fa, &fb);
	free(fa.v);
	free(fb.v);
	return r;
}

/* ----------------------------------------------------------------- numbers */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

int bc_number_value(const char *s, size_t len, char *out, size_t outsize)
{
	if (!s || !out || outsize < len + 2)
		return 0;
	size_t b = 0, e = len, k;
	while (b < e && (k = ws_at(s, b, e)))
		b += k;
	while (e > b && (k = ws_before(s, b, e)))
		e -= k;
	size_t o = 0, i = b;
	if (i < e && s[i] == '-') {
		out[o++] = '-';
		i++;
	} else if (e - i >= 3 && memcmp(s + i, "\xE2\x88\x92", 3) == 0) {   /* U+2212 MINUS SIGN */
		out[o++] = '-';
		i += 3;
	}
	size_t int_start = o;
	size_t run = 0, groups = 0;
	while (i < e && is_digit(s[i])) {
		out[o++] = s[i++];
		run++;
	}
	if (run == 0)
		return 0;
	/* "9.486", "118.079,279": the dot only ever groups thousands */
	while (i < e && s[i] == '.') {
		if (groups == 0 && run > 3)
			return 0;
		if (e - i < 4 || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]) ||
		    (e - i > 4 && is_digit(s[i + 4])))
			return 0;
		out[o++] = s[i + 1];
		out[o++] = s[i + 2];
		out[o++] = s[i + 3];
		i += 4;
		groups++;
	}
	/* leading zeros say nothing in a plain decimal: "08" -> "8" */
	size_t z = int_start;
	while (z + 1 < o && out[z] == '0')
		z++;
	if (z > int_start) {
		memmove(out + int_start, out + z, o - z);
		o -= z - int_start;
	}
	if (i < e && s[i] == ',') {
		i++;
		size_t d = 0;
		out[o++] = '.';
		while (i < e && is_digit(s[i])) {
			out[o++] = s[i++];
			d++;
		}
		if (d == 0)
			return 0;
	}
	if (i != e)
		return 0;
	out[o] = '\0';
	return 1;
}

/* Superscript digit at s[i] (¹²³⁴...): its byte length, else 0. */
static size_t superscript_at(const char *s, size_t i, size_t e)
{
	uint32_t cp;
	if ((unsigned char)s[i] < 0x80)
		return 0;
	int k = bc_utf8_decode(s + i, e - i, &cp);
	return bc_cp_superscript_digit(cp) >= 0 ? (size_t)k : 0;
}

/* The plain text of a cell as a number sees it: no tags, no emphasis stars, no
 * trailing footnote marks.  Returns its length in buf, or -1 when too long. */
static long number_text(const char *s, size_t len, char *buf, size_t bufsize)
{
	if (len >= bufsize || len > NUMBER_MAX)
		return -1;
	size_t e = len, k;
	for (;;) {
		while (e > 0 && (k = ws_before(s, 0, e)))
			e -= k;
		/* trailing <sup>…</sup> or [^…]: a footnote mark, not part of the figure */
		if (e >= 6 && memcmp(s + e - 6, "</sup>", 6) == 0) {
			size_t j = e - 6;
			while (j >= 5 && memcmp(s + j - 5, "<sup>", 5) != 0)
				j--;
			if (j >= 5) {
				e = j - 5;
				continue;
			}
		}
		if (e >= 3 && s[e - 1] == ']') {
			size_t j = e - 1;
			while (j > 0 && s[j] != '[')
				j--;
			if (s[j] == '[' && j + 1 < e && s[j + 1] == '^') {
				e = j;
				continue;
			}
		}
		break;
	}
	size_t o = 0;
	for (size_t i = 0; i < e;) {
		if (s[i] == '<') {
			size_t t = tag_end(s, i, e);
			if (t) {
				i = t;
				continue;
			}
		}
		if (s[i] == '*') {
			i++;
			continue;
		}
		buf[o++] = s[i++];
	}
	for (;;) {
		while (o > 0 && (k = ws_before(buf, 0, o)))
			o -= k;
		size_t j = o;
		while (j > 0 && ((unsigned char)buf[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > 0)
			j--;
		if (o > 0 && (k = superscript_at(buf, j, o)) && j + k == o) {
			o = j;
			continue;
		}
		break;
	}
	buf[o] = '\0';
	return (long)o;
}

/* Cell value in plain decimal, or an empty string. */
static bc_str cell_number(bc_document *doc, const char *s, size_t len)
{
	bc_str none = { NULL, 0 };
	char plain[NUMBER_MAX + 8], out[NUMBER_MAX + 8];
	if (len == 0)
		return none;
	/* a number has a digit, and number_text only takes bytes away: most text cells stop here */
	size_t d = 0;
	while (d < len && !is_digit(s[d]))
		d++;
	if (d == len)
		return none;
	long n = number_text(s, len, plain, sizeof plain);
	if (n <= 0 || !bc_number_value(plain, (size_t)n, out, sizeof out))
		return none;
	return bc_str_dup(doc, out, strlen(out));
}

/* ------------------------------------------------------------ labels, text */

static int is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M'; }

/* A numbering label in a table's first column: I, II.2, 1, 1., 4.7, A, A.I, a), (1). */
static int is_label(const char *s, size_t len)
{
	size_t b = 0, e = len;
	/* <b>1</b>, **1**: the emphasis around a label */
	for (int again = 1; again;) {
		again = 0;
		size_t t;
		if (b < e && s[b] == '<' && (t = tag_end(s, b, e))) {
			b = t;
			again = 1;
		}
		if (b < e && s[b] == '*') {
			b++;
			again = 1;
		}
		if (e > b && s[e - 1] == '*') {
			e--;
			again = 1;
		}
		if (e > b && s[e - 1] == '>') {
			size_t j = e - 1;
			while (j > b && s[j] != '<')
				j--;
			if (s[j] == '<' && tag_end(s, j, e) == e) {
				e = j;
				again = 1;
			}
		}
	}
	if (e == b || e - b > 16)
		return 0;
	if (s[b] == '(' && s[e - 1] == ')') {
		b++;
		e--;
		for (size_t i = b; i < e; i++)
			if (!is_digit(s[i]) && !(s[i] >= 'a' && s[i] <= 'z'))
				return 0;
		return e > b;
	}
	if (s[e - 1] == '.' || s[e - 1] == ')')
		e--;
	if (e == b)
		return 0;
	/* dotted parts, each digits, roman numerals or one letter */
	size_t i = b;
	while (i < e) {
		size_t p = i;
		if (is_digit(s[i])) {
			while (i < e && is_digit(s[i]))
				i++;
		} else if (is_roman(s[i])) {
			while (i < e && is_roman(s[i]))
				i++;
		} else if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) {
			i++;
		} else {
			return 0;
		}
		if (i == p)
			return 0;
		if (i < e) {
			if (s[i] != '.' || i + 1 == e)
				return 0;
			i++;
		}
	}
	return 1;
}

/* "II.2 Dự án…" -> label length (2..), or 0 when the cell does not open with a plain label. */
static size_t leading_label(const char *s, size_t len, size_t *text_at)
{
	size_t i = 0;
	while (i < len && s[i] != ' ' && s[i] != '\t')
		i++;
	if (i == 0 || i == len || i > 16)
		return 0;
	if (s[0] == '<' || s[0] == '*')
		return 0;   /* a label inside emphasis cannot be cut out of it */
	if (!is_label(s, i))
		return 0;
	/* lower-case letters only count with their ")" or ".", not as words */
	if (i == 1 && s[0] >= 'a' && s[0] <= 'z')
		return 0;
	size_t j = i, k;
	while (j < len && (k = ws_at(s, j, len)))
		j += k;
	if (j == len)
		return 0;
	*text_at = j;
	return i;
}

/* Whether a cell reads as the end of a sentence begun in the cell above:
 * it opens with a lower-case word or a date, not with a label or a capital. */
static int continues_text(const char *s, size_t len)
{
	size_t i = 0, t;
	while (i < len) {
		if (s[i] == '<' && (t = tag_end(s, i, len)))
			i = t;
		else if (s[i] == '*' || s[i] == '_')
			i++;
		else
			break;
	}
	if (i >= len)
		return 0;
	uint32_t cp;
	int k = bc_utf8_decode(s + i, len - i, &cp);
	if (bc_cp_is_lower(cp)) {
		size_t n = i + (size_t)k;
		if (n < len && (s[n] == ')' || s[n] == '.'))
			return 0;   /* "a) ...": a new item */
		return 1;
	}
	if (is_digit(s[i])) {
		char buf[NUMBER_MAX + 8], out[NUMBER_MAX + 8];
		long m = number_text(s, len, buf, sizeof buf);
		if (m > 0 && bc_number_value(buf, (size_t)m, out, sizeof out))
			return 0;   /* a figure is a cell of its own */
		size_t j = i;
		while (j < len && is_digit(s[j]))
			j++;
		if (j < len && (s[j] == ')' || (s[j] == '.' && (j + 1 == len || s[j + 1] == ' '))))
			return 0;   /* "1. ...", "2) ..." */
		return 1;
	}
	return 0;
}

/* ----------------------------------------------------------------- builder */

/* Where a body cell of a pipe table sits, for "^" rows below it. */
typedef struct span_info {
	bc_node *cell;
	size_t col, width, last_row;
} span_info;

typedef struct builder {
	bc_document *doc;
	bc_diags *diags;
	bc_inline_fn inl;
	void *ctx;
	bc_node *table, *thead, *tbody;
	size_t cols;
	int wide_reported;
	bc_align *align;          /* per column, from a pipe delimiter row; cols entries */
	bc_node **prev_cells;     /* the last body row's cells by column */
	size_t prev_n;
	bc_node *prev_row;
	span_info **above;        /* pipe spans: what occupies each column in the row above */
	size_t above_n;
	size_t body_seq;
} builder;

/* More than BC_MAX_TABLE_COLUMNS cells: the surplus joins the last allowed cell. */
static void cap_columns(builder *t, rrow *row)
{
	if (row->n <= BC_MAX_TABLE_COLUMNS)
		return;
	if (!t->wide_reported) {
		bc_diag_add(t->diags, BC_E_TOO_MANY_COLUMNS, row->v[0].pos, "%zu > %d", row->n, BC_MAX_TABLE_COLUMNS);
		t->wide_reported = 1;
	}
	bc_buf b = BC_BUF_INIT;
	for (size_t i = BC_MAX_TABLE_COLUMNS - 1; i < row->n; i++) {
		if (row->v[i].len == 0)
			continue;
		if (b.len)
			bc_buf_putc(&b, ' ');
		bc_buf_put(&b, row->v[i].s, row->v[i].len);
	}
	rcell *last = &row->v[BC_MAX_TABLE_COLUMNS - 1];
	if (b.len) {
		last->s = bc_arena_strndup(&t->doc->arena, b.s, b.len);
		last->len = b.len;
	}
	bc_buf_free(&b);
	row->n = BC_MAX_TABLE_COLUMNS;
}

/* Splits a line and applies the column limit; "\|" in pipe cells becomes "|". */
static void read_row(builder *t, const bc_table_line *ln, rrow *row)
{
	split_line(ln, row);
	if (ln->is_pipe) {
		for (size_t i = 0; i < row->n; i++) {
			rcell *c = &row->v[i];
			if (!memchr(c->s, '\\', c->len))
				continue;
			int has = 0;
			for (size_t j = 0; j + 1 < c->len; j++)
				if (c->s[j] == '\\' && c->s[j + 1] == '|')
					has = 1;
			if (!has)
				continue;
			char *d = bc_arena_alloc(&t->doc->arena, c->len + 1);
			size_t o = 0;
			for (size_t j = 0; j < c->len; j++) {
				if (c->s[j] == '\\' && j + 1 < c->len && c->s[j + 1] == '|')
					j++;
				d[o++] = c->s[j];
			}
			d[o] = '\0';
			c->s = d;
			c->len = o;
		}
	}
	cap_columns(t, row);
}

static size_t last_nonempty(const rrow *r)
{
	size_t n = r->n;
	while (n > 0 && r->v[n - 1].len == 0)
		n--;
	return n;
}

static const rcell *cell_at(const rrow *r, size_t c) { return c < r->n ? &r->v[c] : NULL; }

static bc_node *new_cell(builder *t, const rcell *rc, bc_pos at, size_t col)
{
	bc_node *cell = bc_node_new(t->doc, BC_NODE_CELL, rc ? rc->pos : at);
	cell->as.cell.col = (int)col;
	if (col < t->cols && t->align)
		cell->as.cell.align = t->align[col];
	if (rc && rc->len) {
		if (t->inl)
			t->inl(t->ctx, cell, rc->s, rc->len, rc->pos);
		else
			bc_node_append(cell, bc_text_new(t->doc, rc->pos, rc->s, rc->len));
	}
	return cell;
}

static bc_pos end_pos(const bc_table_line *ln)
{
	bc_pos p = ln->pos;
	p.col = (uint32_t)(p.col + (ln->s ? bc_utf8_count(ln->s, ln->len) : 0));
	return p;
}

/* A pipe delimiter row: ":--" left, "--:" right, ":-:" centre. */
static void read_alignment(builder *t, const bc_table_line *ln)
{
	rrow r = { 0 };
	read_row(t, ln, &r);
	for (size_t c = 0; c < r.n && c < t->cols; c++) {
		const rcell *x = &r.v[c];
		if (x->len == 0)
			continue;
		int l = x->s[0] == ':', rt = x->s[x->len - 1] == ':';
		t->align[c] = l && rt ? BC_ALIGN_CENTER : rt ? BC_ALIGN_RIGHT : l ? BC_ALIGN_LEFT : BC_ALIGN_NONE;
	}
	free(r.v);
}

/* ------------------------------------------------------------- the header */

typedef struct hcell {
	size_t row, col, width, height;
	const rcell *rc;
	bc_node *node;
} hcell;

static int all_numbers(bc_document *doc, const rrow *r)
{
	int any = 0;
	for (size_t c = 0; c < r->n; c++) {
		if (r->v[c].len == 0)
			continue;
		if (cell_number(doc, r->v[c].s, r->v[c].len).len == 0)
			return 0;
		any = 1;
	}
	return any;
}

/* Whether tab row `cand` only fills columns under spanning cells of header row
 * `above`; `allowed` holds the columns open to `above` and becomes those open
 * to `cand`. */
static int continues_header(bc_document *doc, const rrow *above, const rrow *cand, unsigned char *allowed)
{
	if (cand->n == 0 || cand->v[0].len != 0 || last_nonempty(cand) == 0 || all_numbers(doc, cand))
		return 0;
	size_t width = above->n > cand->n ? above->n : cand->n;
	if (width > BC_MAX_TABLE_COLUMNS)
		width = BC_MAX_TABLE_COLUMNS;
	unsigned char next[BC_MAX_TABLE_COLUMNS];
	memset(next, 0, sizeof next);
	for (size_t c = 0; c < width;) {
		if (!allowed[c] || is_empty(cell_at(above, c))) {
			c++;
			continue;
		}
		size_t j = c + 1;
		while (j < width && allowed[j] && is_empty(cell_at(above, j)))
			j++;
		if (j > c + 1)
			memset(next + c, 1, j - c);
		c = j;
	}
	for (size_t c = 0; c < cand->n; c++)
		if (cand->v[c].len && (c >= width || !next[c]))
			return 0;
	memcpy(allowed, next, sizeof next);
	return 1;
}

static int is_text(const rcell *c, const char *lit) { return c && c->len == strlen(lit) && memcmp(c->s, lit, c->len) == 0; }

/* Lays out the header rows with their spans, fixes t->cols, and builds THEAD. */
static void build_header(builder *t, const bc_table_line *lines, const rrow *head, size_t h, int pipe,
                         const bc_table_line *rule)
{
	size_t width = 0;
	for (size_t r = 0; r < h; r++)
		if (head[r].n > width)
			width = head[r].n;
	if (h == 0 || width == 0) {
		t->cols = 0;
		return;
	}
	hcell *cells = bc_xcalloc(h * width, sizeof *cells);
	size_t ncells = 0;
	long *own = bc_xmalloc(h * width * sizeof *own);
	for (size_t i = 0; i < h * width; i++)
		own[i] = -1;
#define OWN(r, c) own[(r) * width + (c)]
	for (size_t r = 0; r < h; r++) {
		for (size_t c = 0; c < width; c++) {
			if (OWN(r, c) >= 0)
				continue;
			const rcell *rc = cell_at(&head[r], c);
			if (pipe && is_text(rc, "<") && c > 0 && OWN(r, c - 1) >= 0) {
				hcell *x = &cells[OWN(r, c - 1)];
				if (x->row == r && x->col + x->width == c && x->height == 1) {
					x->width++;
					OWN(r, c) = OWN(r, c - 1);
					continue;
				}
			}
			if (pipe && is_text(rc, "^") && r > 0 && OWN(r - 1, c) >= 0) {
				long xi = OWN(r - 1, c);
				hcell *x = &cells[xi];
				int fits = x->col == c && x->row + x->height == r;
				for (size_t k = c; fits && k < c + x->width; k++) {
					const rcell *o = cell_at(&head[r], k);
					fits = OWN(r, k) < 0 && (is_text(o, "^") || is_text(o, "<") || is_empty(o));
				}
				if (fits) {
					x->height++;
					for (size_t k = c; k < c + x->width; k++)
						OWN(r, k) = xi;
					continue;
				}
			}
			size_t w = 1, k = 1;
			if (!pipe) {
				/* empties after a title, with words under them, belong to the title */
				if (!is_empty(rc)) {
					while (c + w < width && OWN(r, c + w) < 0 && is_empty(cell_at(&head[r], c + w))) {
						int below = 0;
						for (size_t rr = r + 1; rr < h && !below; rr++)
							below = !is_empty(cell_at(&head[rr], c + w));
						if (!below)
							break;
						w++;
					}
				}
				/* nothing under a title in the lower rows: it stands for all of them */
				while (r + k < h) {
					int empty = 1;
					for (size_t x = c; x < c + w && empty; x++)
						empty = OWN(r + k, x) < 0 && is_empty(cell_at(&head[r + k], x));
					if (!empty)
						break;
					k++;
				}
			}
			hcell *x = &cells[ncells];
			x->row = r;
			x->col = c;
			x->width = w;
			x->height = k;
			x->rc = rc;
			for (size_t rr = r; rr < r + k; rr++)
				for (size_t cc = c; cc < c + w; cc++)
					OWN(rr, cc) = (long)ncells;
			ncells++;
		}
	}
#undef OWN
	/* width of the header: up to its last words (a pipe row counts every cell) */
	size_t cols = 0;
	for (size_t i = 0; i < ncells; i++) {
		size_t end = cells[i].col + cells[i].width;
		if ((pipe || !is_empty(cells[i].rc)) && end > cols)
			cols = end;
	}
	if (cols == 0)
		cols = width;
	t->cols = cols;
	t->align = bc_arena_alloc(&t->doc->arena, cols * sizeof *t->align);
	if (rule)
		read_alignment(t, rule);
	/* cells are in row order already */
	size_t i = 0;
	for (size_t r = 0; r < h; r++) {
		bc_node *row = bc_node_new(t->doc, BC_NODE_ROW, lines[r].pos);
		row->as.row.kind = BC_ROW_HEAD;
		bc_pos at_end = end_pos(&lines[r]);
		for (; i < ncells && cells[i].row == r; i++) {
			hcell *x = &cells[i];
			if (x->col >= cols)
				continue;   /* an empty cell past the last title */
			bc_node *cell = new_cell(t, x->rc, at_end, x->col);
			if (x->col + x->width > cols)
				x->width = cols - x->col;
			cell->as.cell.colspan = (int)x->width;
			cell->as.cell.rowspan = (int)x->height;
			if (x->height > 1)
				cell->end_line = lines[r + x->height - 1].pos.line;
			bc_node_append(row, cell);
		}
		bc_node_append(t->thead, row);
	}
	free(cells);
	free(own);
}

/* --------------------------------------------------------------- body rows */

/* Up to `max` bytes of s from `from`, cut on character boundaries, with "…"
 * where text was left out. */
static void excerpt(bc_buf *b, const char *s, size_t len, size_t from, size_t max)
{
	while (from > 0 && from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
		from--;
	size_t to = from + max < len ? from + max : len;
	while (to < len && to > from && ((unsigned char)s[to] & 0xC0) == 0x80)
		to--;
	bc_buf_putc(b, '"');
	if (from > 0)
		bc_buf_puts(b, "…");
	bc_buf_put(b, s + from, to - from);
	if (to < len)
		bc_buf_puts(b, "…");
	bc_buf_putc(b, '"');
}

/* Reports a header repeat whose wording differs from the header, with the
 * first cell that differs both ways around the first byte that differs.
 * Returns 1 when it differs; an exact repeat is a page break, not a defect. */
static int repeat_diag(builder *t, const bc_table_line *ln, const rrow *row, const rrow *head)
{
	size_t n = row->n > head->n ? row->n : head->n;
	for (size_t c = 0; c < n; c++) {
		const rcell *a = cell_at(row, c), *b = cell_at(head, c);
		const char *as = a ? a->s : "", *bs = b ? b->s : "";
		size_t al = a ? a->len : 0, bl = b ? b->len : 0;
		if (al == bl && (al == 0 || memcmp(as, bs, al) == 0))
			continue;
		size_t p = 0;
		while (p < al && p < bl && as[p] == bs[p])
			p++;
		size_t from = p > 30 ? p - 30 : 0;
		/* start on a word when one begins near */
		for (size_t k = from; from > 0 && k < p; k++)
			if (as[k] == ' ') {
				from = k + 1;
				break;
			}
		bc_buf arg = BC_BUF_INIT;
		excerpt(&arg, as, al, from, 80);
		bc_buf_puts(&arg, " \xE2\x89\xA0 ");   /* ≠ */
		excerpt(&arg, bs, bl, from, 80);
		bc_diag_add(t->diags, BC_W_HEADER_REPEAT_DIFF, ln->pos, "%s", arg.s);
		bc_buf_free(&arg);
		return 1;
	}
	return 0;
}

/* A following header row repeated with cells left out or moved: every word
 * cell of the row is a cell of that header row in the same column. */
static int repeats_cells(const rrow *row, const rrow *head)
{
	int any = 0;
	cpvec a = { 0 }, b = { 0 };
	int ok = 1;
	for (size_t c = 0; c < row->n && ok; c++) {
		if (row->v[c].len == 0)
			continue;
		const rcell *h = cell_at(head, c);
		if (is_empty(h)) {
			ok = 0;
			break;
		}
		fold_row(row->v[c].s, row->v[c].len, &a);
		fold_row(h->s, h->len, &b);
		ok = folded_compare(&a, &b) != 0;
		any = 1;
	}
	free(a.v);
	free(b.v);
	return ok && any;
}

static void add_repeated_row(builder *t, const bc_table_line *ln, const rrow *row, int differs)
{
	bc_node *r = bc_node_new(t->doc, BC_NODE_ROW, ln->pos);
	r->as.row.kind = BC_ROW_HEAD;
	r->as.row.repeat = differs ? BC_REPEAT_REWORDED : BC_REPEAT_SAME;
	size_t n = last_nonempty(row);
	if (n < t->cols)
		n = t->cols < row->n ? t->cols : row->n;
	bc_pos at_end = end_pos(ln);
	for (size_t c = 0; c < n; c++)
		bc_node_append(r, new_cell(t, cell_at(row, c), at_end, c));
	bc_node_append(t->tbody, r);
	t->table->as.table.repeats_removed++;
}

static void extend_end(bc_node *n, uint32_t line)
{
	for (; n; n = n->parent)
		if (n->end_line < line)
			n->end_line = line;
}

/* A row right after a page break that only ends cells of the row before it. */
static int try_fragment(builder *t, const bc_table_line *ln, const rrow *row)
{
	size_t n = last_nonempty(row);
	if (!t->prev_row || n == 0 || row->v[0].len != 0)
		return 0;
	size_t words = 0;
	for (size_t c = 0; c < n; c++) {
		if (row->v[c].len == 0)
			continue;
		if (c >= t->prev_n || !t->prev_cells[c] || !t->prev_cells[c]->first)
			return 0;
		if (!continues_text(row->v[c].s, row->v[c].len))
			return 0;
		words++;
	}
	size_t most = t->cols / 2 > 1 ? t->cols / 2 : 1;
	if (words > most)
		return 0;
	bc_pos first = { 0, 0 };
	for (size_t c = 0; c < n; c++) {
		const rcell *rc = &row->v[c];
		if (rc->len == 0)
			continue;
		if (!first.line)
			first = rc->pos;
		bc_node *cell = t->prev_cells[c];
		bc_node_append(cell, bc_text_new(t->doc, rc->pos, " ", 1));
		if (t->inl)
			t->inl(t->ctx, cell, rc->s, rc->len, rc->pos);
		else
			bc_node_append(cell, bc_text_new(t->doc, rc->pos, rc->s, rc->len));
		/* "12" + "triệu" is no longer a figure */
		cell->as.cell.value.s = NULL;
		cell->as.cell.value.len = 0;
		cell->as.cell.align = (size_t)c < t->cols && t->align ? t->align[c] : BC_ALIGN_NONE;
		extend_end(cell, ln->pos.line);
	}
	t->prev_row->as.row.fragment_merged = ln->pos.line;
	const rcell *f = NULL;
	for (size_t c = 0; c < n && !f; c++)
		if (row->v[c].len)
			f = &row->v[c];
	size_t fl = f->len > 60 ? 60 : f->len;
	while (fl < f->len && fl > 0 && ((unsigned char)f->s[fl] & 0xC0) == 0x80)
		fl--;
	bc_diag_add(t->diags, BC_W_CELL_FRAGMENT, first, "%.*s%s", (int)fl, f->s, fl < f->len ? "…" : "");
	return 1;
}

static void set_above(builder *t, size_t col, span_info *si)
{
	if (col >= t->above_n) {
		size_t n = t->above_n ? t->above_n : 16;
		while (n <= col)
			n *= 2;
		t->above = bc_xrealloc(t->above, n * sizeof *t->above);
		memset(t->above + t->above_n, 0, (n - t->above_n) * sizeof *t->above);
		t->above_n = n;
	}
	t->above[col] = si;
}

static void add_body_row(builder *t, const bc_table_line *ln, rrow *row)
{
	size_t n = last_nonempty(row);
	bc_row_kind kind = BC_ROW_BODY;
	rcell split[2];
	int did_split = 0;
	if (t->cols >= 3 && n >= 1) {
		int rest_empty = 1;
		for (size_t c = 2; c < n && rest_empty; c++)
			rest_empty = row->v[c].len == 0;
		const rcell *f0 = &row->v[0], *f1 = cell_at(row, 1);
		if (rest_empty && !is_empty(f1) && (f0->len == 0 || is_label(f0->s, f0->len))) {
			kind = BC_ROW_GROUP;
		} else if (rest_empty && is_empty(f1) && f0->len && !is_label(f0->s, f0->len)) {
			/* "II.2 Dự án…" with a space where the tab should be */
			size_t at = 0, l = leading_label(f0->s, f0->len, &at);
			if (l) {
				split[0] = *f0;
				split[0].len = l;
				split[1].s = f0->s + at;
				split[1].len = f0->len - at;
				split[1].pos = f0->pos;
				split[1].pos.col = (uint32_t)(f0->pos.col + bc_utf8_count(f0->s, at));
				did_split = 1;
			}
			kind = BC_ROW_GROUP;
		}
	}
	size_t ncells = n > t->cols ? n : t->cols;
	if (did_split && ncells < 2)
		ncells = 2;
	bc_node *r = bc_node_new(t->doc, BC_NODE_ROW, ln->pos);
	r->as.row.kind = kind;
	size_t seq = ++t->body_seq;
	bc_pos at_end = end_pos(ln);
	span_info *left = NULL;   /* the cell begun last in this row, for "<" */
	for (size_t c = 0; c < ncells; c++) {
		const rcell *rc = did_split && c < 2 ? &split[c] : cell_at(row, c);
		if (ln->is_pipe && is_text(rc, "<") && left && left->col + left->width == c &&
		    left->cell->as.cell.rowspan == 1) {
			left->width++;
			left->cell->as.cell.colspan++;
			set_above(t, c, left);
			if (c < BC_MAX_TABLE_COLUMNS)
				t->prev_cells[c] = left->cell;
			continue;
		}
		if (ln->is_pipe && is_text(rc, "^") && c < t->above_n && t->above[c]) {
			span_info *x = t->above[c];
			if (x->last_row + 1 == seq && x->col == c) {
				x->last_row = seq;
				x->cell->as.cell.rowspan++;
				extend_end(x->cell, ln->pos.line);
				if (c < BC_MAX_TABLE_COLUMNS)
					t->prev_cells[c] = x->cell;
				left = NULL;
				continue;
			}
			if (x->last_row == seq && x->col < c && c < x->col + x->width)
				continue;   /* the rest of a spanning cell pulled down */
		}
		bc_node *cell = new_cell(t, rc, at_end, c);
		if (kind == BC_ROW_BODY && rc && rc->len) {
			cell->as.cell.value = cell_number(t->doc, rc->s, rc->len);
			if (cell->as.cell.value.len && cell->as.cell.align == BC_ALIGN_NONE)
				cell->as.cell.align = BC_ALIGN_RIGHT;
		}
		bc_node_append(r, cell);
		if (ln->is_pipe) {
			span_info *si = bc_arena_alloc(&t->doc->arena, sizeof *si);
			si->cell = cell;
			si->col = c;
			si->width = 1;
			si->last_row = seq;
			set_above(t, c, si);
			left = si;
		}
		if (c < BC_MAX_TABLE_COLUMNS)
			t->prev_cells[c] = cell;
	}
	for (size_t c = ncells; c < t->prev_n; c++)
		t->prev_cells[c] = NULL;
	t->prev_n = ncells < BC_MAX_TABLE_COLUMNS ? ncells : BC_MAX_TABLE_COLUMNS;
	t->prev_row = r;
	bc_node_append(t->tbody, r);
}

bc_node *bc_table_build(bc_document *doc, bc_diags *diags, const bc_table_line *lines, size_t n,
                        bc_inline_fn inl, void *ctx)
{
	bc_pos top = { 1, 1 };
	if (lines && n)
		top = lines[0].pos;
	builder t;
	memset(&t, 0, sizeof t);
	t.doc = doc;
	t.diags = diags;
	t.inl = inl;
	t.ctx = ctx;
	t.table = bc_node_new(doc, BC_NODE_TABLE, top);
	t.thead = bc_node_new(doc, BC_NODE_THEAD, top);
	t.tbody = bc_node_new(doc, BC_NODE_TBODY, top);
	bc_node_append(t.table, t.thead);
	bc_node_append(t.table, t.tbody);
	if (!lines || n == 0)
		return t.table;

	/* which lines make the header */
	rrow head[MAX_HEAD_ROWS] = { { 0 } };
	size_t h = 0, first_body = 0;
	const bc_table_line *rule = NULL;
	int pipe = lines[0].is_pipe || lines[0].is_rule;
	rrow row = { 0 };
	if (pipe) {
		size_t r = 0;
		while (r < n && r <= MAX_HEAD_ROWS && !lines[r].is_rule)
			r++;
		if (r < n && r <= MAX_HEAD_ROWS && lines[r].is_rule) {
			h = r;
			rule = &lines[r];
			first_body = r + 1;
		} else {
			h = 1;
			first_body = 1;
		}
		for (size_t i = 0; i < h; i++)
			read_row(&t, &lines[i], &head[i]);
	} else {
		read_row(&t, &lines[0], &head[0]);
		h = 1;
		/* columns a further header row may fill: under the spans of the row above */
		unsigned char *allowed = bc_xmalloc(BC_MAX_TABLE_COLUMNS);
		memset(allowed, 1, BC_MAX_TABLE_COLUMNS);
		while (h < MAX_HEAD_ROWS && h < n && !lines[h].after_break && !lines[h].is_rule && !lines[h].is_pipe) {
			read_row(&t, &lines[h], &row);
			if (!continues_header(doc, &head[h - 1], &row, allowed))
				break;
			row_copy(&head[h], &row);
			h++;
		}
		free(allowed);
		first_body = h;
	}
	build_header(&t, lines, head, h, pipe, rule);
	if (h == 0) {
		/* a delimiter row first: no header, as wide as the widest row */
		for (size_t i = first_body; i < n; i++) {
			if (lines[i].is_rule)
				continue;
			read_row(&t, &lines[i], &row);
			size_t w = last_nonempty(&row);
			if (w > t.cols)
				t.cols = w;
		}
		t.align = bc_arena_alloc(&doc->arena, (t.cols ? t.cols : 1) * sizeof *t.align);
		if (rule)
			read_alignment(&t, rule);
	}
	t.table->as.table.head_rows = (int)h;
	t.table->as.table.cols = (int)t.cols;

	/* folded header rows, for the repeat test of every later row */
	cpvec fhead[MAX_HEAD_ROWS] = { { 0 } };
	size_t fold_limit = 0;
	for (size_t i = 0; i < h; i++) {
		fold_row(lines[i].s, lines[i].len, &fhead[i]);
		if (fhead[i].n > fold_limit)
			fold_limit = fhead[i].n;
	}
	/* a row longer than every header by more than FUZZ_CAP repeats none */
	fold_limit += FUZZ_CAP;
	cpvec frow = { 0 };

	t.prev_cells = bc_xcalloc(BC_MAX_TABLE_COLUMNS, sizeof *t.prev_cells);
	int after_break = 0;      /* no body row yet since the last page break */
	size_t repeat_level = 0;  /* header rows repeated just now */
	for (size_t i = first_body; i < n; i++) {
		const bc_table_line *ln = &lines[i];
		if (ln->after_break) {
			after_break = 1;
			repeat_level = 0;
		}
		if (ln->is_rule)
			continue;   /* the delimiter under a repeated or empty pipe header */
		read_row(&t, ln, &row);
		if (last_nonempty(&row) == 0)
			continue;   /* "| | | |": an empty header continuing the table; nothing to keep */
		if (h > 0) {
			int rep = 0;
			size_t lvl = 0;
			fold_row_upto(ln->s, ln->len, fold_limit, &frow);
			/* a header without words ("| | |") repeats nothing */
			if (repeat_level > 0 && repeat_level < h && fhead[repeat_level].n &&
			    (folded_compare(&frow, &fhead[repeat_level]) || repeats_cells(&row, &head[repeat_level]))) {
				rep = 1;
				lvl = repeat_level;
			} else if (fhead[0].n && folded_compare(&frow, &fhead[0])) {
				rep = 1;
				lvl = 0;
			}
			if (rep) {
				int differs = repeat_diag(&t, ln, &row, &head[lvl]);
				add_repeated_row(&t, ln, &row, differs);
				repeat_level = lvl + 1;
				continue;
			}
		}
		repeat_level = 0;
		if (after_break) {
			after_break = 0;
			if (try_fragment(&t, ln, &row))
				continue;
		}
		add_body_row(&t, ln, &row);
	}
	extend_end(t.tbody, lines[n - 1].pos.line);
	t.table->end_line = lines[n - 1].pos.line;

	for (size_t i = 0; i < MAX_HEAD_ROWS; i++) {
		free(head[i].v);
		free(fhead[i].v);
	}
	free(frow.v);
	free(row.v);
	free(t.prev_cells);
	free(t.above);
	return t.table;
}
