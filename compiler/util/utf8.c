/* utf8.c — decoding and classifying UTF-8 code points in already-valid text. */
#include "utf8.h"

#include <string.h>

#include <utf8proc.h>

int bc_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

const char *bc_find(const char *t, size_t n, const char *needle, size_t nl, size_t anchor)
{
	if (nl == 0)
		return t;
	if (n < nl)
		return NULL;
	if (anchor >= nl)
		anchor = 0;
	/* the anchor byte of a match lies in t[anchor .. n - nl + anchor] */
	const char *p = t + anchor, *end = t + (n - nl) + anchor + 1;
	const unsigned char a = (unsigned char)needle[anchor];
	while (p < end) {
		const char *q = memchr(p, a, (size_t)(end - p));
		if (!q)
			return NULL;
		if (!memcmp(q - anchor, needle, nl))
			return q - anchor;
		p = q + 1;
	}
	return NULL;
}

size_t bc_utf8_count(const char *s, size_t len)
{
	/* eight bytes at a time: a continuation byte is 10xxxxxx; the positions
	 * call this on whole table rows, so it runs over most of the input */
	const uint64_t ones = 0x0101010101010101u;
	size_t cont = 0, i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t c = ((x & ~(x << 1)) >> 7) & ones;   /* 1 in each byte that is 10xxxxxx */
		cont += (size_t)((c * ones) >> 56);
	}
	for (; i < len; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return len - cont;
}

/* utf8proc's category of cp, remembered below U+2000 (where Vietnamese text
 * lives): the lexer asks it of most characters of every line. */
static uint8_t category_cache[0x2000];   /* category + 1; 0: not yet known */

static utf8proc_category_t category(uint32_t cp)
{
	if (cp >= 0x2000)
		return utf8proc_category((utf8proc_int32_t)cp);
	if (!category_cache[cp])
		category_cache[cp] = (uint8_t)(utf8proc_category((utf8proc_int32_t)cp) + 1);
	return (utf8proc_category_t)(category_cache[cp] - 1);
}

int bc_cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return category(cp) == UTF8PROC_CATEGORY_LU;
}

int bc_cp_is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

int bc_utf8_capitals(const char *s, size_t n)
{
	int caps = 0;
	for (size_t k = 0; k < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0 || bc_cp_is_lower(cp))
			return -1;
		caps += bc_cp_is_upper(cp);
		k += (size_t)m;
	}
	return caps;
}

int bc_cp_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	utf8proc_category_t c = category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int bc_cp_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\v' || cp == '\f';
}

int bc_cp_superscript_digit(uint32_t cp)
{
	switch (cp) {
	case 0x2070: return 0;
	case 0x00B9: return 1;
	case 0x00B2: return 2;
	case 0x00B3: return 3;
	case 0x2074: return 4;
	case 0x2075: return 5;
	case 0x2076: return 6;
	case 0x2077: return 7;
	case 0x2078: return 8;
	case 0x2079: return 9;
	default: return -1;
	}
}

/* bc_cp_fold below U+2000 (Latin, Greek, Cyrillic, Vietnamese), computed once
 * per code point: utf8proc's decomposition costs some 300 instructions a call. */
static uint32_t fold_cache[0x2000];

static uint32_t fold_uncached(uint32_t cp);

uint32_t bc_cp_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp >= 0x2000)
		return fold_uncached(cp);
	if (!fold_cache[cp])
		fold_cache[cp] = fold_uncached(cp);   /* 0: not yet known (no fold of cp >= 0x80 is 0) */
	return fold_cache[cp];
}

static uint32_t fold_uncached(uint32_t cp)
{
	if (cp == 0x0110 || cp == 0x0111)   /* Đ đ: a letter of its own, no decomposition */
		return 'd';
	utf8proc_int32_t dst[4];
	int opt;
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, 4,
	                                             UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &opt);
	(void)opt;
	if (n >= 1 && dst[0] < 0x80)
		return (uint32_t)dst[0];
	if (n >= 1)
		return (uint32_t)utf8proc_tolower(dst[0]);
	return cp;
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t bc_utf8_valid_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && is_cont(s[1]) ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || !is_cont(s[1]) || !is_cont(s[2]))
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;   /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;   /* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || !is_cont(s[1]) || !is_cont(s[2]) || !is_cont(s[3]))
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;   /* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;   /* above U+10FFFF */
		return 4;
	}
	return 0;
}

size_t bc_utf8_fit(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t k = max;
	/* back over the continuation bytes of the character that s[max] is inside */
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

size_t bc_utf8_lower(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t at = 0; at < len;) {
		uint32_t cp = bc_utf8_next(s, len, &at);
		char enc[4];
		int el = bc_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), enc);
		if (el <= 0 || n + (size_t)el > cap)
			return (size_t)-1;
		memcpy(out + n, enc, (size_t)el);
		n += (size_t)el;
	}
	return n;
}
