/* wordsplit.h — the words of a text as tests/tools/pdfwords.c and the fuzzer's word check compare them (one definition for both). */
#ifndef BAOCAO_WORDSPLIT_H
#define BAOCAO_WORDSPLIT_H

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* 2 a digit, 1 a letter or a mark, 0 anything else (a word's end). */
static inline int ws_kind(utf8proc_int32_t cp)
{
	int c = utf8proc_category(cp);
	if (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)
		return 2;
	if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME))
		return 1;
	return 0;
}

/* Calls emit with each word of s, NUL-terminated: the text NFKC-normalised and case-folded (so ligatures
 * and superscripts read as their letters), cut where letters meet digits (a note mark stuck to its word
 * is a word of its own), a mark kept with what it sits on. */
static inline void ws_split(const char *s, size_t len, void (*emit)(const char *w, void *ctx), void *ctx)
{
	utf8proc_uint8_t *f = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &f,
	                                  UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	if (n < 0)
		return;
	char *w = malloc((size_t)n + 1);
	size_t wl = 0;
	int wk = 0;
	for (utf8proc_ssize_t i = 0; i <= n;) {
		utf8proc_int32_t cp = 0;
		utf8proc_ssize_t k = 1;
		int kind = 0;
		if (i < n) {
			k = utf8proc_iterate(f + i, n - i, &cp);
			if (k <= 0)
				k = 1, cp = 0;
			kind = ws_kind(cp);
			if (kind == 1 && wk == 2 && utf8proc_category(cp) >= UTF8PROC_CATEGORY_MN &&
			    utf8proc_category(cp) <= UTF8PROC_CATEGORY_ME)
				kind = 2;   /* a mark goes with what it sits on */
		}
		if (wl > 0 && kind != wk) {
			w[wl] = '\0';
			emit(w, ctx);
			wl = 0;
		}
		if (kind) {
			memcpy(w + wl, f + i, (size_t)k);
			wl += (size_t)k;
			wk = kind;
		}
		i += k;
	}
	free(w);
	free(f);
}

#endif
