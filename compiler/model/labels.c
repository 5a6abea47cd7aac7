/* labels.c — the values of numbering labels (I, 1, a, đ …) in the order Vietnamese documents count them. */
#include "vocab.h"

#include <string.h>

#include "../util/utf8.h"

int bc_roman_value(const char *s, size_t len)
{
	int total = 0, prev = 0;
	if (len == 0 || len > 12)
		return 0;
	for (size_t i = len; i-- > 0;) {
		int v;
		switch (s[i]) {
		case 'I': case 'i': v = 1; break;
		case 'V': case 'v': v = 5; break;
		case 'X': case 'x': v = 10; break;
		case 'L': case 'l': v = 50; break;
		case 'C': case 'c': v = 100; break;
		default: return 0;
		}
		total += v < prev ? -v : v;
		if (v > prev)
			prev = v;
	}
	return total > 0 ? total : 0;
}

size_t bc_roman_format(int v, char *out, size_t cap)
{
	static const struct { int v; const char *s; } digits[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
		{ 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	size_t o = 0;
	if (v < 1 || v > 3999 || cap == 0)
		return 0;
	for (size_t d = 0; d < sizeof digits / sizeof digits[0]; d++)
		while (v >= digits[d].v) {
			size_t n = strlen(digits[d].s);
			if (o + n >= cap)
				return 0;
			memcpy(out + o, digits[d].s, n);
			o += n;
			v -= digits[d].v;
		}
	out[o] = '\0';
	return o;
}

/* The letters of Vietnamese numbering, in order: no f, j, w, z; đ after d. */
static const char *const vn_letters[] = { "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y" };
#define NLETTERS (int)(sizeof vn_letters / sizeof vn_letters[0])

int bc_letter_value(const char *s, size_t len)
{
	if (len == 1) {
		char c = s[0];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		for (int i = 0; i < NLETTERS; i++)
			if (vn_letters[i][0] == c && vn_letters[i][1] == 0)
				return i + 1;
		return 0;
	}
	if (len == 2 && ((unsigned char)s[0] == 0xC4 && ((unsigned char)s[1] == 0x91 || (unsigned char)s[1] == 0x90)))
		return 5;   /* đ, Đ */
	return 0;
}

const char *bc_letter_name(int v) { return v >= 1 && v <= NLETTERS ? vn_letters[v - 1] : "?"; }

int bc_part_value(const char *s, size_t len)
{
	/* "thứ" or "THỨ", a space, then the ordinal in words, in small letters here */
	static const char *const ordinals[] = { "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười" };
	size_t th = strlen("thứ ");
	if (len > th && (!memcmp(s, "thứ ", th) || !memcmp(s, "THỨ ", th))) {
		char low[16];
		size_t ln = bc_utf8_lower(s + th, len - th, low, sizeof low);
		if (ln == (size_t)-1)
			return 0;
		for (size_t k = 0; k < sizeof ordinals / sizeof ordinals[0]; k++)
			if (strlen(ordinals[k]) == ln && !memcmp(ordinals[k], low, ln))
				return (int)k + 1;
		return 0;
	}
	if (len == 1 && s[0] >= 'A' && s[0] <= 'E')
		return s[0] - 'A' + 1;
	int v = bc_roman_value(s, len);
	return v ? v : len <= 2 ? bc_arabic_value(s, len) : 0;
}

int bc_arabic_value(const char *s, size_t len)
{
	int v = 0;
	if (len == 0 || len > 6)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

size_t bc_rank_len(const char *s, size_t len)
{
	static const char *const ranks[] = {
		"Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
		"Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Chuẩn đô đốc", "Phó Đô đốc", "Đô đốc",
	};
	for (size_t k = 0; k < sizeof ranks / sizeof ranks[0]; k++) {
		size_t rl = strlen(ranks[k]);
		if (len > rl && memcmp(s, ranks[k], rl) == 0 && s[rl] == ' ') {
			while (rl < len && s[rl] == ' ')
				rl++;
			return rl;
		}
	}
	return 0;
}

int bc_name_words(const char *s, size_t n, int max_words, int rest_small)
{
	const char *e = s + n;
	int words = 0, at_start = 1;
	while (s < e) {
		uint32_t cp = 0;
		int k = bc_utf8_decode(s, (size_t)(e - s), &cp);
		if (k <= 0)
			return 0;
		s += k;
		if (cp == ' ') {
			at_start = 1;
			continue;
		}
		if (!bc_cp_is_upper(cp) && !bc_cp_is_lower(cp))
			return 0;
		if (at_start ? !bc_cp_is_upper(cp) : rest_small && !bc_cp_is_lower(cp))
			return 0;
		words += at_start;
		at_start = 0;
	}
	return words >= 2 && words <= max_words;
}
