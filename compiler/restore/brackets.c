/* brackets.c — pandoc's plain text footnotes, "tỉnh[2]." in the text and "[2] …" after it, written as the format's [^2]. */
#include "restore_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"

/*
 * pandoc writing a Word file as plain text (-t plain) sets a footnote's mark
 * as its number in brackets glued to the word before it ("… các cấp, các
 * ngành[1].") and the notes after the whole text, each opening a line with
 * its number in brackets and a space ("[1] Thường trực Tỉnh ủy …"), its
 * further paragraphs under it.  A careful reader sees footnotes; the baocao
 * format spells them "[^1]" and "[^1]: …" (FORMAT.md §8).
 *
 * Taken only on the whole evidence: the notes [1], [2] … [N] open lines in
 * that order after the text (from the last line opening with "[1] " on), and
 * the marks [1] … [N] stand in that order before the first of them, each
 * glued to what precedes it (a letter, a figure or a closing mark, never a
 * space or a line's start).  Then each mark gains its "^" and each note's
 * number its "^" and ":"; the columns after them keep pointing into the
 * input.  A text with a mark missing, or a number out of order, is left as
 * it is: "[1]" there is the author's.
 */

#define MAX_NOTES 999

/* The number k of a note's opening "[k] text" at the start of line l (no
 * space before it, a word after the space); 0 otherwise. */
static unsigned note_open(const rs_line *l)
{
	const char *s = l->s;
	size_t n = l->len, k = 1;
	if (n < 5 || s[0] != '[')
		return 0;
	unsigned v = 0;
	while (k < n && k < 5 && s[k] >= '0' && s[k] <= '9')
		v = v * 10 + (unsigned)(s[k++] - '0');
	if (k == 1 || k >= n - 2 || s[k] != ']' || s[k + 1] != ' ' || s[k + 2] == ' ')
		return 0;
	return v;
}

/* The mark "[k]" in line l from byte *at on, glued to the character before
 * it; its byte offset in *at, 1 when found. */
static int mark_in(const rs_line *l, unsigned k, size_t *at)
{
	char want[8];
	int w = snprintf(want, sizeof want, "[%u]", k);
	for (size_t b = *at; b + (size_t)w <= l->len; b++) {
		if (memcmp(l->s + b, want, (size_t)w) != 0)
			continue;
		if (b == 0 || l->s[b - 1] == ' ' || l->s[b - 1] == '\t' || l->s[b - 1] == '[' || l->s[b - 1] == '^')
			continue;
		*at = b;
		return 1;
	}
	return 0;
}

/* Line i rewritten with "^" after the "[" of each mark at byte offsets
 * marks[0..nm) and, for a note's opening (`colon`), a ":" after its "]";
 * the input's columns kept by shifts. */
static void rewrite(rs_ctx *cx, size_t i, const size_t *marks, size_t nm, int colon)
{
	const rs_line *l = &cx->v[i];
	bc_buf b = BC_BUF_INIT;
	uint32_t col = 1, ins = 0;
	size_t m = 0;
	for (size_t k = 0; k < l->len; k++) {
		bc_buf_putc(&b, l->s[k]);
		if (((unsigned char)l->s[k] & 0xC0) != 0x80)
			col++;
		int mark = m < nm && marks[m] == k;
		m += mark;
		if (mark || (colon && ins == 1 && l->s[k] == ']')) {
			bc_buf_putc(&b, mark ? '^' : ':');
			col++, ins++;
			rs_shift(cx, i, col, (uint32_t)0 - ins);
		}
	}
	rs_rewrite(cx, i, BC_RESTORE_BRACKET_NOTE, b.s, b.len);
	bc_buf_free(&b);
}

void rs_bracket_notes(rs_ctx *cx)
{
	if (cx->shape == BC_SHAPE_PDF)
		return;
	/* the notes: from the last line opening with "[1] " on, [2], [3] … in order */
	size_t first = cx->n;
	for (size_t i = cx->n; i-- > 0;)
		if (!cx->v[i].dropped && note_open(&cx->v[i]) == 1) {
			first = i;
			break;
		}
	if (first == cx->n)
		return;
	size_t *opens = bc_xmalloc(MAX_NOTES * sizeof *opens);
	unsigned n = 0;
	for (size_t i = first; i < cx->n && n < MAX_NOTES; i++)
		if (!cx->v[i].dropped && note_open(&cx->v[i]) == n + 1)
			opens[n++] = i;
	/* the marks, in order, before the notes */
	size_t *mline = bc_xmalloc(n * sizeof *mline), *mbyte = bc_xmalloc(n * sizeof *mbyte);
	size_t line = 0, byte = 0;
	unsigned found = 0;
	for (; found < n && line < first; line++, byte = 0) {
		if (cx->v[line].dropped)
			continue;
		while (found < n && mark_in(&cx->v[line], found + 1, &byte)) {
			mline[found] = line, mbyte[found] = byte;
			found++;
			byte++;
		}
	}
	if (found == n) {
		for (unsigned k = 0; k < n;) {
			unsigned e = k;
			while (e < n && mline[e] == mline[k])
				e++;
			rewrite(cx, mline[k], mbyte + k, e - k, 0);
			k = e;
		}
		static const size_t at_start = 0;
		for (unsigned k = 0; k < n; k++)
			rewrite(cx, opens[k], &at_start, 1, 1);
		cx->out->count[BC_RESTORE_BRACKET_NOTE] = n;
	}
	free(mline);
	free(mbyte);
	free(opens);
}
