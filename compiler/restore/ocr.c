/* ocr.c — the lines an OCR tool writes around each page's text: the file it read, "Page N" and its counts, "[OCR Result]". */
#include "restore_int.h"

#include <string.h>

/*
 * A scan read page by page by an OCR script comes with the script's own
 * lines: a head naming the file ("OCR check: 46-bqp.pdf", "Source: C:\…"),
 * then on each page "Page 3" and a line of counts ("text_chars=0 | images=1 |
 * ocr_ran=True | ocr_chars=3316"); where the page had a text layer of its own,
 * that text, then "[OCR Result]" and the page read again.  The evidence is a
 * "Page N" line followed by such a counts line, for page 1 first: then every
 * such pair starts a page (the form feeds a PDF's text would have), the head
 * before page 1 and the "[OCR Result]" lines are the tool's, and the text
 * layer before an "[OCR Result]" is the page again (its stamp, here), so
 * those lines go too: the page's text is what the OCR read.
 */

/* "Page 12": the page number, or 0. */
static long page_line(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (n < 6 || memcmp(s, "Page ", 5) != 0)
		return 0;
	long v = 0;
	for (size_t i = 5; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || i > 9)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "text_chars=0 | images=1 | ocr_ran=True": two "key=value" fields or more between " | ". */
static int counts_line(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	int fields = 0;
	size_t at = 0;
	while (at < n) {
		const char *bar = memchr(s + at, '|', n - at);
		size_t e = bar ? (size_t)(bar - s) : n;
		const char *eq = memchr(s + at, '=', e - at);
		if (!eq || eq == s + at)
			return 0;
		for (const char *k = s + at; k < eq; k++)
			if (!((*k >= 'a' && *k <= 'z') || *k == '_' || *k == ' '))
				return 0;
		fields++;
		at = bar ? e + 1 : n;
	}
	return fields >= 2;
}

static int is(const rs_line *l, const char *w)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	return n == strlen(w) && memcmp(s, w, n) == 0;
}

/* The next line after i that is not blank, or cx->n. */
static size_t next_text(const rs_ctx *cx, size_t i)
{
	for (i++; i < cx->n && rs_blank(&cx->v[i]); i++)
		;
	return i;
}

void rs_ocr(rs_ctx *cx)
{
	/* page 1's pair, among the first lines */
	size_t first = cx->n;
	for (size_t i = 0, seen = 0; i < cx->n && seen < 8; i++) {
		if (rs_blank(&cx->v[i]))
			continue;
		seen++;
		size_t k = next_text(cx, i);
		if (page_line(&cx->v[i]) == 1 && k < cx->n && counts_line(&cx->v[k])) {
			first = i;
			break;
		}
	}
	if (first == cx->n)
		return;
	/* the script's head: every line before page 1 */
	for (size_t i = 0; i < first; i++)
		if (!rs_blank(&cx->v[i]))
			rs_drop(cx, i, BC_RESTORE_OCR);
	/* the pairs, each starting a page when the text had no form feeds */
	int own_pages = cx->npages < 2;
	uint32_t page = 0;
	for (size_t i = first; i < cx->n; i++) {
		size_t k = next_text(cx, i);
		if (page_line(&cx->v[i]) && k < cx->n && counts_line(&cx->v[k])) {
			page++;
			rs_drop(cx, i, BC_RESTORE_OCR);
			rs_drop(cx, k, BC_RESTORE_OCR);
			/* a text layer, then "[OCR Result]" and the page read again */
			size_t r = k + 1;
			while (r < cx->n && !is(&cx->v[r], "[OCR Result]") && !page_line(&cx->v[r]))
				r++;
			if (r < cx->n && is(&cx->v[r], "[OCR Result]")) {
				for (size_t j = k + 1; j <= r; j++)
					if (!rs_blank(&cx->v[j]))
						rs_drop(cx, j, BC_RESTORE_OCR);
			}
		}
		if (own_pages)
			cx->v[i].page = page ? page : 1;
	}
	if (own_pages && page > cx->npages)
		cx->npages = page;
}

/*
 * An OCR tool reading a scan makes signs of the stamp, the signature and the
 * paper's specks that no office types in a report: "Số1§4ØBGDĐT-GDPT",
 * "£®RBƯỞNG BAN", "./.&~" (corpus 59, 61, 64).  Two different ones, or the
 * script's page lines, say the text is such a reading; a single one may be
 * a writer's (a "§" of a cited law, a "©").
 */
static const char *const specks[] = { "£", "®", "§", "Ø", "⁄", "¢", "©", "¬", "¥", "¤", "¦", "þ" };
#define SPECK_KINDS (sizeof specks / sizeof specks[0])

int rs_ocr_reading(const rs_ctx *cx)
{
	if (cx->out->count[BC_RESTORE_OCR])
		return 1;
	int seen[SPECK_KINDS] = { 0 }, kinds = 0;
	for (size_t i = 0; i < cx->n && kinds < 2; i++) {
		const rs_line *l = &cx->v[i];
		for (size_t k = 0; k + 1 < l->len; k++) {
			unsigned char c = (unsigned char)l->s[k];
			if (c != 0xC2 && c != 0xC3 && c != 0xE2)
				continue;   /* the specks' first bytes: most bytes are not looked at further */
			for (size_t x = 0; x < SPECK_KINDS; x++) {
				size_t sl = strlen(specks[x]);
				if (!seen[x] && k + sl <= l->len && memcmp(l->s + k, specks[x], sl) == 0) {
					seen[x] = 1;
					kinds++;
				}
			}
		}
	}
	return kinds >= 2;
}
