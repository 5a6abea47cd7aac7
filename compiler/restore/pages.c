/* pages.c — page numbers a PDF's text extraction leaves at the top or bottom of each page. */
#include "restore_int.h"

#include <string.h>

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
