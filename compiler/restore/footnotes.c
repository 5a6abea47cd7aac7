/* footnotes.c — a PDF's footnotes, which the extraction writes as plain numbered lines at the foot of each page, marked again as notes. */
#include "restore_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * On paper a footnote's mark is a small raised figure after a word and its
 * text stands at the foot of the page.  A PDF's text extraction writes the
 * mark as a plain figure glued to the word ("có liên quan1. Theo đó") and
 * the text as a line opening with the figure ("1 Hướng dẫn số 31-HD/BTCTW
 * …"), or the figure alone on a line and the text under it, among the page's
 * last lines; a paragraph going on over the page has them in its middle.
 * Read so, the note's text is the paragraph's, and the figure a number in it.
 *
 * A note is taken when both stand where they should, in the order of notes:
 * the notes' numbers go 1, 2, 3 … through the text (one may be passed over,
 * its number set where it cannot be read as its text's); note k's text opens
 * a line of a page (not its first) that starts with k, then a space and a
 * word, or holds k alone with a line of words under it; and the text before
 * it, from the previous note's mark on, on that page or the one before, has
 * k glued after a letter, "%" or a closing mark (",", ".", ";", ")", a quote)
 * that follows no figure, or after a year ("năm 20264;"), no figure after
 * it ("quan1.", "CCN;1", never "85,8").  The note's text runs to the next note's start or to the page's
 * end, among the page's last lines (at most twelve, or fewer than the lines
 * above it) in a few blocks (not a table's cells, one a line between blank
 * lines).  Then the mark and the note's figure are written as the raised
 * figures of the baocao format ("quan¹.", "¹ Hướng dẫn …", §8), the blank
 * lines inside the note's text are taken out (one block), and the note's
 * span is kept (bc_restore.notes): the parser continues it over no block
 * past its page.
 */

static const char *const sup_digits[10] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

/* The figures of k raised, into b. */
static void put_raised(bc_buf *b, unsigned k)
{
	char tmp[12];
	int n = snprintf(tmp, sizeof tmp, "%u", k);
	for (int i = 0; i < n; i++)
		bc_buf_puts(b, sup_digits[tmp[i] - '0']);
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A byte a mark may stand glued after: a letter (ASCII, or any byte of a
 * letter's UTF-8 past the first), or a mark that closes a phrase. */
static int mark_after(const char *s, size_t q)
{
	unsigned char c = (unsigned char)s[q - 1];
	if (c >= 0x80)
		return 1;   /* the last byte of "ờ", "”", "’" */
	if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '%')
		return 1;   /* "quan1", "đạt 92,5%2" */
	/* "quan1.", "CCN;1" but not "85,8" or "1.2": a mark after a word's stop */
	return strchr(".,;:)\"'", c) != NULL && q >= 2 && !is_digit(s[q - 2]);
}

/* A year stands right before byte q ("năm 20264;": the year 2026, note 4):
 * four figures, 19.. or 20.., no figure before them. */
static int after_year(const char *s, size_t q)
{
	if (q < 4 || (q > 4 && is_digit(s[q - 5])))
		return 0;
	for (size_t i = q - 4; i < q; i++)
		if (!is_digit(s[i]))
			return 0;
	return (s[q - 4] == '1' && s[q - 3] == '9') || (s[q - 4] == '2' && s[q - 3] == '0');
}

/* Where in line l, from byte `from`, the figures of k stand as a note's mark
 * (glued after a word, nothing of a number after them), or -1. */
static long find_mark(const rs_line *l, size_t from, unsigned k)
{
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	for (size_t q = from > 0 ? from : 1; q + dl <= l->len; q++) {
		if (memcmp(l->s + q, d, dl) != 0)
			continue;
		if (is_digit(l->s[q - 1]) ? !after_year(l->s, q) : !mark_after(l->s, q))
			continue;
		size_t e = q + dl;
		if (e < l->len && (is_digit(l->s[e]) || !strchr(" .,;:)", l->s[e])))
			continue;
		return (long)q;
	}
	return -1;
}

/* Line l starts with the figures of k: 1 when a space and a word follow
 * them, 2 when nothing does (the text is on a later line); else 0. */
static int note_start(const rs_line *l, unsigned k)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	if (n < dl || memcmp(s, d, dl) != 0)
		return 0;
	if (n == dl)
		return 2;
	if (s[dl] != ' ')
		return 0;
	size_t w = dl;
	while (w < n && s[w] == ' ')
		w++;
	/* a word: not a figure, not a sign ("3 %") */
	unsigned char c = (unsigned char)s[w];
	if (w + 1 < n && (c == '-' || c == '+') && s[w + 1] == ' ')
		return 1;   /* "4 - Ngày bầu cử …": a note whose text is a list */
	return w < n && (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '"' || c == '(') ? 1 : 0;
}

/* A line of figures alone (another note's number, a page's). */
static int lone_figure(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/* The first line with text from i on, before end, or end. */
static size_t next_text(const rs_ctx *cx, size_t i, size_t end)
{
	while (i < end && (cx->v[i].dropped || rs_blank(&cx->v[i])))
		i++;
	return i;
}

/* Where the search for note k's mark from a cursor has got to: each line
 * of a page is asked about (a column of row numbers "2" alone, ten
 * thousand of them), and the text before it is searched once, not again
 * for each. */
typedef struct mark_cache {
	unsigned k;
	size_t lo, line, byte;   /* the search: from (line, byte), no earlier than lo */
	size_t upto;             /* the lines before it hold no mark of k */
	int found;
	size_t fline, fbyte;     /* the mark, when found */
} mark_cache;

/* The mark of note k before line `at`: from (*line, *byte) on, no earlier
 * than line `lo`.  On success *line and *byte are where it stands. */
static int mark_before(const rs_ctx *cx, mark_cache *c, size_t lo, size_t at, unsigned k, size_t *line, size_t *byte)
{
	if (c->k != k || c->lo != lo || c->line != *line || c->byte != *byte) {
		*c = (mark_cache){ k, lo, *line, *byte, *line > lo ? *line : lo, 0, 0, 0 };
	}
	for (; !c->found && c->upto < at; c->upto++) {
		if (cx->v[c->upto].dropped)
			continue;
		size_t from = c->upto == c->line && c->line >= lo ? c->byte : 0;
		long q = find_mark(&cx->v[c->upto], from, k);
		if (q >= 0) {
			c->found = 1;
			c->fline = c->upto;
			c->fbyte = (size_t)q;
			break;
		}
	}
	if (!c->found || c->fline >= at)
		return 0;
	*line = c->fline;
	*byte = c->fbyte;
	return 1;
}

/* Writes line i again with the figures of k at byte q raised. */
static void raise_at(rs_ctx *cx, size_t i, size_t q, unsigned k)
{
	const rs_line *l = &cx->v[i];
	char d[12];
	size_t dl = (size_t)snprintf(d, sizeof d, "%u", k);
	bc_buf b = BC_BUF_INIT;
	bc_buf_put(&b, l->s, q);
	put_raised(&b, k);
	bc_buf_put(&b, l->s + q + dl, l->len - q - dl);
	/* as many characters as before: the columns after it stay where they were */
	rs_rewrite(cx, i, BC_RESTORE_NOTE, b.s, b.len);
	bc_buf_free(&b);
}

void rs_footnotes(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_PDF || cx->npages < 1)
		return;
	unsigned want = 1;
	size_t mline = 0, mbyte = 0, found = 0, prev_page = 0;
	mark_cache cache[2] = { { 0 }, { 0 } };
	for (size_t b = 0, e; b < cx->n; b = e) {
		uint32_t page = cx->v[b].page;
		for (e = b; e < cx->n && cx->v[e].page == page; e++)
			;
		size_t first = next_text(cx, b, e);
		/* the marks are looked for from the previous page's start on */
		size_t lo = prev_page;
		prev_page = b;
		for (size_t i = first + 1 < e ? first + 1 : e; i < e;) {
			i = next_text(cx, i, e);
			if (i >= e)
				break;
			/* note `want`, or the one after it when the extraction put the
			 * number of `want` where it cannot be read as the note's (alone
			 * below the page's other notes) */
			int form = 0;
			size_t text = i, ml = mline, mb = mbyte;
			for (unsigned k = want; k <= want + 1 && !form; k++) {
				form = note_start(&cx->v[i], k);
				text = i;
				if (form == 2) {
					/* "1" alone: its text on the next line with text, a word first */
					text = next_text(cx, i + 1, e);
					if (text >= e || lone_figure(&cx->v[text]))
						form = 0;
				}
				ml = mline, mb = mbyte;
				if (form && !mark_before(cx, &cache[k & 1], lo, i, k, &ml, &mb))
					form = 0;
				if (form)
					want = k;
			}
			if (!form) {
				i++;
				continue;
			}
			/* the note's text: to the next note's start (its mark in the text
			 * before this one's), or the page's end */
			size_t end = text + 1;
			for (; end < e; end++) {
				if (cx->v[end].dropped || !note_start(&cx->v[end], want + 1))
					continue;
				size_t l2 = ml, b2 = mb + 1;
				if (mark_before(cx, &cache[(want + 1) & 1], lo, i, want + 1, &l2, &b2))
					break;
			}
			/* at the foot of the page: a page's notes are its last lines, a
			 * few of them (a numbered row of a table is not a note) */
			size_t body = 0, foot = 0;
			for (size_t k = b; k < e; k++)
				if (!cx->v[k].dropped && !rs_blank(&cx->v[k])) {
					if (k < i)
						body++;
					else
						foot++;
				}
			/* and its text a block or a few: not a table's cells, a blank
			 * line between each (pdftotext's cells, one per line) */
			size_t gaps = 0;
			for (size_t k = text + 1; k < end; k++)
				gaps += rs_blank(&cx->v[k]) && !rs_blank(&cx->v[k - 1]);
			if ((foot > 12 && foot * 2 > body) || gaps > 3) {
				i++;
				continue;
			}
			raise_at(cx, ml, mb, want);
			if (form == 1) {
				const char *s;
				size_t n;
				rs_trim(&cx->v[i], &s, &n);
				raise_at(cx, i, (size_t)(s - cx->v[i].s), want);
			} else {
				/* "1" alone, its text under it: one line "¹ text", each part where it stood */
				bc_buf nb = BC_BUF_INIT;
				put_raised(&nb, want);
				bc_buf_putc(&nb, ' ');
				const char *s;
				size_t n;
				rs_trim(&cx->v[text], &s, &n);
				size_t mark_chars = 0;
				for (unsigned k = want; k; k /= 10)
					mark_chars++;
				const char *ms;
				size_t mn;
				rs_trim(&cx->v[i], &ms, &mn);
				uint32_t mcol = rs_input_col(&cx->v[i], (uint32_t)bc_utf8_count(cx->v[i].s, (size_t)(ms - cx->v[i].s)) + 1);
				uint32_t tcol = rs_input_col(&cx->v[text], (uint32_t)bc_utf8_count(cx->v[text].s, (size_t)(s - cx->v[text].s)) + 1);
				bc_buf_put(&nb, s, n);
				rs_add_line(cx, text, nb.s, nb.len, (uint32_t)(i + 1), mcol);
				rs_add_jump(cx, text, (uint32_t)mark_chars + 2, (uint32_t)(text + 1), tcol);
				rs_move(cx, i, BC_RESTORE_NOTE);
				rs_move(cx, text, BC_RESTORE_NOTE);
				bc_buf_free(&nb);
			}
			/* one block: the blank lines inside the note's text go */
			for (size_t k = text + 1; k < end; k++)
				if (!cx->v[k].dropped && rs_blank(&cx->v[k]) && next_text(cx, k, end) < end)
					rs_move(cx, k, BC_RESTORE_NOTE);
			size_t last = end;
			while (last > text && (cx->v[last - 1].dropped || rs_blank(&cx->v[last - 1])))
				last--;
			bc_restore *r = cx->out;
			r->notes = bc_xgrow(r->notes, r->nnotes, sizeof *r->notes);
			r->notes[r->nnotes++] = (bc_restore_span){ (uint32_t)(i + 1), (uint32_t)(last > text ? last : text + 1) };
			found++;
			want++;
			mline = ml;
			mbyte = mb + 1;
			i = end;
		}
	}
	/* counted by notes, not by the lines rewritten */
	cx->out->count[BC_RESTORE_NOTE] = found;
}
