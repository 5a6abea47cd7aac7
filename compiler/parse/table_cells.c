/* table_cells.c — a table's cells: a raw line split into cells, and what a cell reads as (a number, a label, the end of the text above). */
#include "table_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

/* ---------------------------------------------------------------- raw cells */

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

void tb_row_copy(rrow *dst, const rrow *src)
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
void tb_split_line(const bc_table_line *ln, rrow *row)
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

/* Cells of the line s[0..e): tab-separated, or between pipes when it begins
 * with one; 0 when neither. */
static int cells_of(const char *s, const char *e, int tabs, int pipes)
{
	if (tabs)
		return tabs + 1;
	const char *b = s;
	while (b < e && *b == ' ')
		b++;
	if (pipes >= 2 && b < e && *b == '|')
		return pipes - (e[-1] == '|' ? 1 : 0);
	return 0;
}

/* The cells a row's line writes, before the builder pads or joins them:
 * *written without the empty fields at its end (padding, not cells), *fields
 * with them; one pass over the line. */
void tb_cells_written(const bc_table_line *ln, int *written, int *fields)
{
	const char *p = ln->s ? ln->s : "", *e = p + (ln->s ? ln->len : 0);
	while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	const char *et = e;
	while (et > p && (et[-1] == '\t' || et[-1] == ' '))
		et--;
	int tabs = 0, pipes = 0;
	for (const char *q = p; q < et && (q = memchr(q, '\t', (size_t)(et - q))) != NULL; q++)
		tabs++;
	/* pipes count only in a line without tabs */
	for (const char *q = p; !tabs && q < et; q++)
		if (*q == '|' && (q == p || q[-1] != '\\'))
			pipes++;
	*written = cells_of(p, et, tabs, pipes);
	if (!tabs && *written) {
		*fields = *written;   /* between pipes: tabs after the last are white space */
		return;
	}
	for (const char *q = et; q < e; q++)
		tabs += *q == '\t';
	*fields = cells_of(p, e, tabs, pipes);
}

int bc_table_count_cells(const char *s, size_t len, int is_pipe)
{
	if (!s)
		return len ? 0 : 1;
	bc_table_line ln = { s, len, { 1, 1 }, 0, is_pipe, 0 };
	rrow r = { 0 };
	tb_split_line(&ln, &r);
	int n = (int)(r.n > INT32_MAX ? INT32_MAX : r.n);
	free(r.v);
	return n;
}

/* End of a markup tag such as <b>, </i>, <sup> starting at s[i], or 0. */
size_t tb_tag_end(const char *s, size_t i, size_t e)
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
			size_t t = tb_tag_end(s, i, e);
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

/* Cell value in plain decimal into out (NUMBER_MAX + 8 bytes): its length, 0 when none. */
size_t tb_cell_number_into(const char *s, size_t len, char *out, size_t outsize)
{
	char plain[NUMBER_MAX + 8];
	if (len == 0 || outsize < NUMBER_MAX + 8)
		return 0;
	/* a number has a digit, and number_text only takes bytes away: most text cells stop here */
	size_t d = 0;
	while (d < len && !is_digit(s[d]))
		d++;
	if (d == len)
		return 0;
	long n = number_text(s, len, plain, sizeof plain);
	if (n <= 0 || !bc_number_value(plain, (size_t)n, out, outsize))
		return 0;
	return strlen(out);
}

/* ------------------------------------------------------------ labels, text */

static int is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M'; }

/* A numbering label in a table's first column: I, II.2, 1, 1., 4.7, A, A.I, a), (1). */
int tb_is_label(const char *s, size_t len)
{
	size_t b = 0, e = len;
	/* <b>1</b>, **1**: the emphasis around a label */
	for (int again = 1; again;) {
		again = 0;
		size_t t;
		if (b < e && s[b] == '<' && (t = tb_tag_end(s, b, e))) {
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
			if (s[j] == '<' && tb_tag_end(s, j, e) == e) {
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
size_t tb_leading_label(const char *s, size_t len, size_t *text_at)
{
	size_t i = 0;
	while (i < len && s[i] != ' ' && s[i] != '\t')
		i++;
	if (i == 0 || i == len || i > 16)
		return 0;
	if (s[0] == '<' || s[0] == '*')
		return 0;   /* a label inside emphasis cannot be cut out of it */
	if (!tb_is_label(s, i))
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
int tb_continues_text(const char *s, size_t len)
{
	size_t i = 0, t;
	while (i < len) {
		if (s[i] == '<' && (t = tb_tag_end(s, i, len)))
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

/* A field is quoted when its first byte is '"' and each '"' after it is
 * doubled or closes the field before a TAB, a LF or the end, as Excel writes
 * it; '"Nông thôn mới" năm 2025' is text with quotes.  Returns the byte after
 * the closing quote; 0 when the field is not quoted; QUOTE_OPEN when it runs to the end. */
#define QUOTE_OPEN ((size_t)-1)
static size_t quoted_end(const char *s, size_t i, size_t len)
{
	for (size_t j = i + 1; j < len; j++) {
		if (s[j] != '"')
			continue;
		if (j + 1 < len && s[j + 1] == '"') {
			j++;
			continue;
		}
		if (j + 1 == len || s[j + 1] == '\t' || s[j + 1] == '\n')
			return j + 1;
		return 0;
	}
	return QUOTE_OPEN;
}

int bc_table_quote_open(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if (s[i] == '"') {
			size_t e = quoted_end(s, i, len);
			if (e == QUOTE_OPEN)
				return 1;
			if (e)
				i = e;
		}
		while (i < len && s[i] != '\t' && s[i] != '\n')
			i++;
		i++;
	}
	return 0;
}

char *bc_table_unquote(bc_arena *a, const char *s, size_t len, size_t *out_len)
{
	/* a LF becomes 4 bytes at most */
	char *d = bc_arena_alloc(a, len * 4 + 1);
	size_t o = 0, i = 0;
	while (i < len) {
		size_t e = s[i] == '"' ? quoted_end(s, i, len) : 0;
		if (e) {
			/* an open quote (never here: the row was joined until it closed) runs to the end */
			size_t stop = e == QUOTE_OPEN ? len : e - 1;
			if (e == QUOTE_OPEN)
				e = len;
			for (i++; i < stop; i++) {
				if (s[i] == '"' && i + 1 < stop && s[i + 1] == '"') {
					d[o++] = '"';
					i++;
				} else if (s[i] == '\n') {
					memcpy(d + o, "<br>", 4);
					o += 4;
				} else {
					d[o++] = s[i];
				}
			}
			i = e;
		}
		/* an unquoted field up to its TAB; its LF (none in a well-formed row) a space */
		while (i < len && s[i] != '\t')
			d[o++] = s[i] == '\n' ? ' ' : s[i], i++;
		if (i < len)
			d[o++] = s[i++];   /* the TAB */
	}
	d[o] = '\0';
	*out_len = o;
	return d;
}
