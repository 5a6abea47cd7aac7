/* pages.c — page numbers a PDF's text extraction leaves at the top or bottom of each page. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

/*
 * pdftotext and pdfminer end each page with a form feed; the page's number
 * comes out as a line of its own, first or last on the page ("2", "- 2 -",
 * "Trang 2"; a draft's mark beside it, "2      DỰ THẢO").  A line is taken for page k's number only when it stands at an
 * edge of page k and reads k, or counts on a run of pages numbered of their
 * own (an appendix's: 2, 3, … from its second page on): a lone "1" inside a
 * page is a footnote mark or a table cell, and stays.
 */

/* The number a page-number line reads, or 0. */
static long page_value(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	size_t i = 0;
	if (n >= 6 && (memcmp(s, "Trang ", 6) == 0))
		i = 6;
	else if (n >= 2 && s[0] == '-' && s[1] == ' ')
		i = 2;
	long v = 0;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - d < 4)
		v = v * 10 + (s[i++] - '0');
	if (i == d)
		return 0;
	if (i + 2 <= n && s[i] == ' ' && s[i + 1] == '-')
		i += 2;
	/* the draft's mark beside it, as the first page carries it alone at its
	 * top ("2      DỰ THẢO"): the page's furniture too */
	size_t gap = 0;
	while (i + gap < n && s[i + gap] == ' ')
		gap++;
	if (gap >= 3) {
		static const char *const marks[] = { "DỰ THẢO", "(DỰ THẢO)" };
		for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
			if (n - i - gap == strlen(marks[k]) && memcmp(s + i + gap, marks[k], n - i - gap) == 0)
				return v;
	}
	return i == n ? v : 0;
}

/* The first (top) or last (bottom) line of the page that starts at line i
 * when it reads a page's number (*value, 0 for none), or (size_t)-1; *next is
 * the next page's first line. */
static size_t edge_line(const rs_ctx *cx, size_t i, int bottom, size_t *next, long *value)
{
	uint32_t page = cx->v[i].page;
	size_t e = i;
	while (e < cx->n && cx->v[e].page == page)
		e++;
	*next = e;
	size_t first = i, last = e;
	*value = 0;
	while (first < e && (cx->v[first].dropped || rs_blank(&cx->v[first])))
		first++;
	while (last > first && (cx->v[last - 1].dropped || rs_blank(&cx->v[last - 1])))
		last--;
	if (first == e)
		return (size_t)-1;
	size_t at = bottom ? last - 1 : first;
	if (bottom && at == first)
		return (size_t)-1;   /* a page of one line is text, not a number */
	*value = page_value(&cx->v[at]);
	return *value ? at : (size_t)-1;
}

/* The edge line of the page that starts at line i when it holds that page's
 * number, or (size_t)-1: it reads the page's place in the text, or it counts
 * on a run numbered of its own (an appendix printed with its own numbers,
 * its first page bearing none, as a document's first page bears none): "2"
 * on the page after one with no number there, "3" on the next, and so on —
 * two pages at least, so that a lone "2" is no run. */
static size_t edge_number(const rs_ctx *cx, size_t i, int bottom, size_t *next, long *run)
{
	long v, w;
	size_t at = edge_line(cx, i, bottom, next, &v), after;
	if (at == (size_t)-1) {
		*run = 0;
		return at;
	}
	if (v == (long)cx->v[i].page) {
		*run = v;
		return at;
	}
	/* a run: counting on from the page before, or starting at 2 after a page with no number, the next page reading 3 */
	int on = *run && v == *run + 1;
	if (!on && v == 2 && *run == 0 && *next < cx->n && edge_line(cx, *next, bottom, &after, &w) != (size_t)-1 && w == 3)
		on = 1;
	*run = on ? v : 0;
	return on ? at : (size_t)-1;
}

/* Nghị định 30 puts the number at the top of each page but the first; some
 * offices put it at the bottom.  One convention a document: the top when any
 * page has its number there (a number at the bottom of such a document is a
 * footnote's mark whose text the extraction moved), else the bottom. */
void rs_pages(rs_ctx *cx)
{
	if (cx->npages < 2)
		return;
	for (int bottom = 0; bottom < 2; bottom++) {
		size_t found = 0, next;
		long run = 0;
		for (size_t i = 0; i < cx->n; i = next)
			if (edge_number(cx, i, bottom, &next, &run) != (size_t)-1)
				found++;
		if (!found)
			continue;
		run = 0;
		for (size_t i = 0; i < cx->n; i = next) {
			size_t at = edge_number(cx, i, bottom, &next, &run);
			if (at != (size_t)-1)
				rs_drop(cx, at, BC_RESTORE_PAGE_NUMBER);
		}
		return;
	}
}

/*
 * A running header or footer: a line the PDF repeats at an edge of every
 * page (a draft's "DỰ THẢO", "2 DỰ THẢO" with the page's number, a gazette's
 * "CÔNG BÁO/Số 12/Ngày 15-3-2026"), which the extraction writes into the text
 * stream, in the middle of a sentence going on over the page.  Taken for one
 * when the same words, the page's own number left out, stand at the same
 * edge of three pages at least and of half the pages with text: the first
 * or last line with text, or the one after a lone number at the edge (the
 * page's number, dropped later).  Lines of a table's columns (a TAB, runs of
 * spaces) and a table's repeated header ("STT" and its titles on one line,
 * or one a line) are not: a running line has two words at least, no gap in
 * it, and does not open with the row-number column's title.
 */
#define RUN_EDGE 2   /* lines looked at, from each edge of a page */

/* Line l's words with the number `page` (a token of its own, or before a
 * slash and the count of pages: "Trang 2/5") left out, and its spaces as
 * one, into b; 0 when what is left is no running line's: fewer than two
 * words (the number counted), or a gap (a TAB, two spaces) between two of them, as the
 * columns of a table or of the header's two sides are (-layout sets the
 * page's number apart from the words beside it: that gap is the number's). */
static int running_key(const rs_line *l, uint32_t page, bc_buf *b)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	bc_buf_clear(b);
	if (rs_number_head(s, n))
		return 0;   /* "STT Nhiệm vụ …": a table's header printed again on each page (-raw) */
	int words = 0, letters = 0, skipped = 0, gap = 0, after_number = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ' || s[i] == '\t') {
			size_t e = i;
			while (e < n && (s[e] == ' ' || s[e] == '\t'))
				e++;
			gap = e - i >= 2 || memchr(s + i, '\t', e - i);
			i = e;
			continue;
		}
		size_t e = i;
		while (e < n && s[e] != ' ' && s[e] != '\t')
			e++;
		long v = 0;
		size_t d = i;
		while (d < e && s[d] >= '0' && s[d] <= '9' && d - i < 5)
			v = v * 10 + (s[d++] - '0');
		/* the page's number beside the words, or of the pages ("2/5") */
		size_t f = d;
		if (f < e && s[f] == '/' && f + 1 < e) {
			f++;
			while (f < e && s[f] >= '0' && s[f] <= '9')
				f++;
		}
		if (!skipped && d > i && f == e && v == (long)page) {
			skipped = after_number = 1;
			words++;   /* "Trang 2/5": a word of the line all the same */
			i = e;
			continue;
		}
		if (gap && words && !after_number)
			return 0;
		after_number = 0;
		if (b->len)
			bc_buf_putc(b, ' ');
		bc_buf_put(b, s + i, e - i);
		words++;
		for (size_t k = i; k < e; k++) {
			/* an ASCII letter, or the lead byte of another letter's UTF-8 */
			unsigned char ch = (unsigned char)s[k];
			letters += ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0xc0;
		}
		i = e;
	}
	return words >= 2 && letters >= 4;
}

/* Line i stands over a table's header line opened by the row-number column's
 * title, within three lines with text of the page (before `end`): "Cơ quan"
 * over "STT   Nhiệm vụ   …   Cơ quan, …" in -layout, a header's first line
 * printed again at the top of each page the table goes on to. */
static int over_number_head(const rs_ctx *cx, size_t i, size_t end)
{
	for (size_t k = i + 1, seen = 0; k < end && seen < 3; k++) {
		if (cx->v[k].dropped || rs_blank(&cx->v[k]))
			continue;
		seen++;
		const char *s;
		size_t n;
		rs_trim(&cx->v[k], &s, &n);
		if (rs_number_head(s, n))
			return 1;
	}
	return 0;
}

/* The lines at the edges of the page from line `first` to before `end` that
 * may be running lines, at[0] at its top and at[1] at its bottom, (size_t)-1
 * for none: the first with text, or the one after a lone number (of RUN_EDGE
 * lines looked at). */
static void edge_lines(const rs_ctx *cx, size_t first, size_t end, size_t at[2])
{
	for (int bottom = 0; bottom < 2; bottom++) {
		at[bottom] = (size_t)-1;
		size_t seen = 0;
		for (size_t k = 0; k < end - first && seen < RUN_EDGE; k++) {
			size_t i = bottom ? end - 1 - k : first + k;
			if (cx->v[i].dropped || rs_blank(&cx->v[i]))
				continue;
			seen++;
			if (rs_figures(&cx->v[i], 4))
				continue;
			if (!bottom || i != at[0])
				at[bottom] = i;
			break;
		}
	}
}

typedef struct run_cand {
	size_t line;
	uint32_t page;
	char *key;
	int top1;   /* at the top of the first page: the header's own line (a draft's mark), kept */
	int table;  /* over a table's header line: maybe that header's first line (over_number_head) */
} run_cand;

/* By key, then by page: the lines of one key together, in page order. */
static int cand_cmp(const void *a, const void *b)
{
	const run_cand *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

void rs_running(rs_ctx *cx)
{
	if (cx->npages < 3)
		return;
	/* each page's edge lines and their keys */
	size_t cap = 2 * (size_t)cx->npages + 2, ncand = 0, pages = 0;
	run_cand *c = bc_xcalloc(cap, sizeof *c);
	bc_buf b = BC_BUF_INIT;
	for (size_t i = 0, next; i < cx->n; i = next) {
		uint32_t page = cx->v[i].page;
		next = i;
		int text = 0;
		while (next < cx->n && cx->v[next].page == page) {
			text |= !cx->v[next].dropped && !rs_blank(&cx->v[next]);
			next++;
		}
		pages += text;
		size_t at[2];
		edge_lines(cx, i, next, at);
		for (size_t j = 0; j < 2; j++)
			if (at[j] != (size_t)-1 && running_key(&cx->v[at[j]], page, &b) && ncand < cap)
				c[ncand++] = (run_cand){ at[j], page, bc_xstrdup(bc_buf_cstr(&b)), page == 1 && j == 0,
				                         j == 0 && over_number_head(cx, at[j], next) };
	}
	/* sorted, so that a thousand pages' keys are compared in n log n */
	qsort(c, ncand, sizeof *c, cand_cmp);
	for (size_t j = 0, e; j < ncand; j = e) {
		size_t on = 1, table = c[j].table;
		for (e = j + 1; e < ncand && strcmp(c[e].key, c[j].key) == 0; e++) {
			on += c[e].page != c[e - 1].page;
			table += c[e].table;
		}
		/* on three pages and on half of them; not a table's header that
		 * goes on over the pages, over its "STT" line on most of them */
		if (on >= 3 && 2 * on >= pages && 2 * table < e - j)
			for (size_t k = j; k < e; k++)
				if (!c[k].top1)
					rs_drop(cx, c[k].line, BC_RESTORE_RUNNING);
	}
	for (size_t j = 0; j < ncand; j++)
		free(c[j].key);
	free(c);
	bc_buf_free(&b);
}
