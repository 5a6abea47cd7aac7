/* utf8.h — decoding and classifying UTF-8 code points in already-valid text. */
#ifndef BAOCAO_UTF8_H
#define BAOCAO_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decodes one code point at s (len > 0, valid UTF-8); returns its byte length,
 * always at least 1, so a loop over it always advances.  Inline: the lexer,
 * the table folds and the checks call it for nearly every byte of the input. */
static inline int bc_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (s[0] < 0x80 || len < 2) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && len >= 3) {
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && len >= 4) {
		*cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;   /* not reached for decoded input; keeps callers moving */
	return 1;
}

/* The code point at s[*i] (*i < len), moving *i past it. */
static inline uint32_t bc_utf8_next(const char *s, size_t len, size_t *i)
{
	uint32_t cp;
	*i += (size_t)bc_utf8_decode(s + *i, len - *i, &cp);
	return cp;
}
/* The code point that ends at s[*e] (*e > 0), moving *e back to its first byte. */
static inline uint32_t bc_utf8_prev(const char *s, size_t *e)
{
	size_t k = *e - 1;
	while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	uint32_t cp;
	bc_utf8_decode(s + k, *e - k, &cp);
	*e = k;
	return cp;
}
/* The one UTF-8 validator: the length of the well-formed sequence at s[0..n),
 * or 0 when it is ill-formed (truncated, overlong, a surrogate, above
 * U+10FFFF, a stray continuation byte).  The decoder judges input with it, the
 * XML writer its text. */
size_t bc_utf8_valid_seq(const unsigned char *s, size_t n);
/* Encodes cp into out (4 bytes room); returns the byte length. */
int bc_utf8_encode(uint32_t cp, char *out);
/* The length of the longest prefix of s[0..len) of at most max bytes that ends on a character
 * boundary: a string cut to it never ends inside a character (limits of the PDF's strings, of a
 * template's texts). */
size_t bc_utf8_fit(const char *s, size_t len, size_t max);
/* Number of code points in s[0..len). */
size_t bc_utf8_count(const char *s, size_t len);
/* s[0..len) in small letters (marks kept: "THỨ" -> "thứ") into out (cap bytes, no NUL): its length,
 * or (size_t)-1 when it does not fit or holds no UTF-8. */
size_t bc_utf8_lower(const char *s, size_t len, char *out, size_t cap);
/*
 * The first occurrence of needle[0..nl) in t[0..n), or NULL: memchr for
 * needle[anchor] (pick a byte rare in Vietnamese text), then memcmp.  memmem
 * gives the same answer but sets up a 256-byte shift table at every call,
 * which costs more than the search on the short texts of table cells.
 */
const char *bc_find(const char *t, size_t n, const char *needle, size_t nl, size_t anchor);

int bc_cp_is_upper(uint32_t cp);
/* The capitals of s[0..n) when it holds no small letter ("TM. BAN CHẤP HÀNH": 13); -1 when it holds one. */
int bc_utf8_capitals(const char *s, size_t n);
int bc_cp_is_lower(uint32_t cp);
int bc_cp_is_letter(uint32_t cp);
int bc_cp_is_space(uint32_t cp);   /* ASCII white space and U+00A0 */
/* Superscript digit (¹²³⁴⁵⁶⁷⁸⁹⁰) -> 0..9, else -1. */
int bc_cp_superscript_digit(uint32_t cp);
/* Base letter of a Vietnamese letter without its marks, lower case ("Ấ" -> 'a', "Đ" -> 'd'); other code points map to themselves lower-cased when ASCII. */
uint32_t bc_cp_fold(uint32_t cp);

/* Whether s[0..n) starts (ends) with the bytes of w. */
static inline int bc_starts(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	return n >= wl && memcmp(s, w, wl) == 0;
}

static inline int bc_ends(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	return n >= wl && memcmp(s + n - wl, w, wl) == 0;
}

/* Whether s[0..n) is a year alone: four figures, 19.. or 20.. ("2027"). */
static inline int bc_is_year(const char *s, size_t n)
{
	return n == 4 && ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) && s[2] >= '0' && s[2] <= '9' &&
	       s[3] >= '0' && s[3] <= '9';
}

#endif
