/* cite.c — citations of other documents in running text ("Quyết định số 12/QĐ-UBND ngày 13/11/2025"), found once for the checks and the outputs. */
#include "cite.h"

#include <string.h>

#include "../util/utf8.h"

#define SO " số "
#define SO_LEN 6          /* bytes of " số " */
#define NGAY "ngày "
#define NGAY_LEN 6        /* bytes of "ngày " */

/*
 * The date after "ngày", read as loosely as offices write a cited document's
 * date ("13/11/2025", "13-11-2025", "13.11.2025", "05 tháng 3 năm 2026", and
 * "11/2025" with the day left out), so that a slip in it is reported rather
 * than missed.  A DATE node (inline.c) keeps the strict reading of §7.6, the
 * one the outputs write as a date.  Returns how many numbers it read: 3, 2
 * (month and year) or 0; *endp is where the reading stopped.
 */
static int read_date(const char *t, size_t n, size_t j, bc_date *d, size_t *endp)
{
	int v[3] = { 0, 0, 0 }, k = 0;
	size_t p = j;
	while (k < 3 && p < n && t[p] >= '0' && t[p] <= '9') {
		size_t q = p;
		while (q < n && t[q] >= '0' && t[q] <= '9' && q - p < 4)
			v[k] = v[k] * 10 + (t[q++] - '0');
		k++;
		p = q;
		if (k < 3 && p < n && (t[p] == '/' || t[p] == '-' || t[p] == '.') && p + 1 < n && t[p + 1] >= '0' && t[p + 1] <= '9') {
			p++;
			continue;
		}
		if (k < 3 && p + 8 <= n && !memcmp(t + p, " tháng ", 8)) {
			p += 8;
			continue;
		}
		if (k < 3 && p + 6 <= n && !memcmp(t + p, " năm ", 6)) {
			p += 6;
			continue;
		}
		break;
	}
	*endp = p;
	if (k == 3) {
		*d = (bc_date){ v[0], v[1], v[2] };
		return 3;
	}
	if (k == 2 && v[1] >= 1900) {
		*d = (bc_date){ 0, v[0], v[1] };
		return 2;
	}
	return 0;
}

static int number_end(char c) { return c == ' ' || c == ',' || c == ';' || c == ')' || c == '('; }

int bc_cite_next(const char *t, size_t from, size_t end, bc_cite_span *out)
{
	size_t nk;
	const bc_kind *kinds = bc_kinds(&nk);
	for (size_t i = from; i + SO_LEN < end; i++) {
		const char *at = bc_find(t + i, end - i, SO, SO_LEN, 1);   /* anchored on the 's': spaces are everywhere */
		if (!at || (size_t)(at - t) + SO_LEN >= end)
			return 0;
		i = (size_t)(at - t);
		/* the kind cited: the first row of the table whose word ends just before " số " */
		const bc_kind *kind = NULL;
		size_t wl = 0;
		for (size_t k = 0; k < nk && !kind; k++) {
			wl = (kinds[k].flags & BC_KIND_CITED) ? strlen(kinds[k].word) : 0;
			if (wl && i - from >= wl && !memcmp(t + i - wl, kinds[k].word, wl))
				kind = &kinds[k];
		}
		if (!kind)
			continue;
		size_t j = i + SO_LEN, e = j;
		while (e < end && !number_end(t[e]))
			e++;
		while (e > j && (t[e - 1] == '.' || t[e - 1] == ':'))
			e--;
		if (e == j || t[j] < '0' || t[j] > '9')
			continue;
		/* "03 /CT-UBND": a space before the slash is how offices leave room for the number */
		if (e + 1 < end && t[e] == ' ' && t[e + 1] == '/') {
			e++;
			while (e < end && t[e] != ' ' && t[e] != ',' && t[e] != ';' && t[e] != ')')
				e++;
			while (e > j && (t[e - 1] == '.' || t[e - 1] == ':'))
				e--;
		}
		memset(out, 0, sizeof *out);
		out->kind = kind;
		out->start = i - wl;
		out->number = j;
		out->number_end = e;
		out->end = e;
		/* the date: "ngày 13/11/2025" right after, maybe past a comma */
		size_t k = e;
		while (k < end && (t[k] == ' ' || t[k] == ','))
			k++;
		if (k + NGAY_LEN <= end && !memcmp(t + k, NGAY, NGAY_LEN)) {
			size_t de;
			int got = read_date(t, end, k + NGAY_LEN, &out->date, &de);
			out->ngay = k;
			out->dated = got == 3 ? BC_CITE_FULL : got == 2 ? BC_CITE_PARTIAL : BC_CITE_UNREAD;
			if (got) {
				out->date_end = de;
				out->end = de;
			} else {
				out->date = (bc_date){ 0, 0, 0 };
			}
		}
		return 1;
	}
	return 0;
}
