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
 * the notes' numbers go 1, 2, 3 … through the text (up to three may be
 * passed over, their numbers set where they cannot be read as their texts');
 * note k's text opens
 * a line of a page (not its first) that starts with k, then a space and a
 * word, or holds k alone with a line of words under it; and the text before
 * it, from the previous note's mark on, on that page or the one before, has
 * k glued after a letter, "%" or a closing mark (",", ".", ";", ")", a quote)
 * that follows no figure, or after a year ("năm 20264;"), no figure after
 * it ("quan1.", "CCN;1", never "85,8").  The note's text runs to the next note's start or to the page's
 * end, among the page's last lines (at most twelve, or fewer than the lines
 * above it, or any number when its number stands alone under its mark, a
 * line or two between) in a few blocks (not a table's cells, one a line between blank
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

/* A figure to raise: note k's figures at byte `byte` of line `line`. */
typedef struct mark_raise {
	size_t line, byte;
	unsigned k;
} mark_raise;

typedef struct mark_raises {
	mark_raise *v;
	size_t n;
} mark_raises;

static void raise_later(mark_raises *r, size_t line, size_t byte, unsigned k)
{
	r->v = bc_xgrow(r->v, r->n, sizeof *r->v);
	r->v[r->n++] = (mark_raise){ line, byte, k };
}

static int raise_cmp(const void *a, const void *b)
{
	const mark_raise *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->byte > y->byte) - (x->byte < y->byte);
}

/* Writes each line holding figures to raise again, once, with all of them
 * raised: as many characters as before, so the columns after each stay
 * where they were (a line of a thousand marks is copied once, not a
 * thousand times). */
static void raise_all(rs_ctx *cx, mark_raises *r)
{
	if (!r->n)
		return;   /* no note: nothing to sort (qsort wants an array, even of none) */
	qsort(r->v, r->n, sizeof *r->v, raise_cmp);
	bc_buf b = BC_BUF_INIT;
	for (size_t j = 0, e; j < r->n; j = e) {
		size_t line = r->v[j].line;
		for (e = j; e < r->n && r->v[e].line == line; e++)
			;
		const rs_line *l = &cx->v[line];
		if (l->dropped)
			continue;   /* a note's lone number and its text, written again as one line */
		bc_buf_clear(&b);
		size_t at = 0;
		for (size_t k = j; k < e; k++) {
			char d[12];
			size_t dl = (size_t)snprintf(d, sizeof d, "%u", r->v[k].k);
			if (r->v[k].byte < at || r->v[k].byte + dl > l->len)
				continue;
			bc_buf_put(&b, l->s + at, r->v[k].byte - at);
			put_raised(&b, r->v[k].k);
			at = r->v[k].byte + dl;
		}
		bc_buf_put(&b, l->s + at, l->len - at);
		rs_rewrite(cx, line, BC_RESTORE_NOTE, b.s, b.len);
	}
	bc_buf_free(&b);
	free(r->v);
}

/* How many numbers a note may come after the last one found: the extraction
 * puts some notes' numbers where they cannot be read as their texts' (alone
 * under the page's other notes, or before another note's text). */
#define NOTE_SKIP 3

/* A note found: its number, how its start is written (note_start), its
 * start's and its text's first line, past its text's last, its mark. */
typedef struct note_at {
	unsigned k;
	int form;
	size_t start, text, end, mline, mbyte;
} note_at;

/* The last line read as a note's start ("1 Thủ tục …", "1") whose mark
 * was nowhere before it: a numbered row of a table or a list. */
typedef struct unmarked {
	int set, form;
	unsigned k;
	size_t line;
} unmarked;

/* Line i ("2 Đăng ký thành lập hộ kinh doanh") is a numbered row of a table
 * or a list, not note k, when one of the few lines with text above it on its
 * page opens with k - 1 as it opens with k and no mark of k - 1 stands
 * before that line, or when its text holds a table's column gap (five
 * spaces or more, pdftotext -layout). */
static int in_numbered_run(const rs_ctx *cx, size_t b, size_t i, unsigned k, int form, const unmarked *u)
{
	const rs_line *l = &cx->v[i];
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t q = 0, run = 0; q < n; q++) {
		run = s[q] == ' ' ? run + 1 : 0;
		if (run >= 5)
			return 1;
	}
	if (!u->set || u->k + 1 != k || u->form != form || u->line < b || u->line >= i)
		return 0;
	/* within the few lines with text above (mutool: "1" / "Thủ tục …" / "1.700/2.912" / "2") */
	size_t seen = 0;
	for (size_t j = u->line + 1; j < i; j++)
		seen += !cx->v[j].dropped && !rs_blank(&cx->v[j]);
	return seen < 8;
}

/* Whether line i of the page from b to before e opens note k, its mark in
 * the text before it from (mline, mbyte) on, no earlier than line lo: all
 * the evidence above, into *n. */
static int note_here(const rs_ctx *cx, mark_cache cache[2], size_t b, size_t e, size_t i, size_t lo,
                     unsigned k, size_t mline, size_t mbyte, int at_foot, unmarked *um, note_at *n)
{
	int form = note_start(&cx->v[i], k);
	size_t text = i;
	if (form == 2) {
		/* "1" alone: its text on the next line with text, a word first */
		text = next_text(cx, i + 1, e);
		if (text >= e || rs_figures(&cx->v[text], (size_t)-1))   /* another note's number, a page's */
			return 0;
	}
	if (!form || (!at_foot && in_numbered_run(cx, b, i, k, form, um)))
		return 0;
	size_t ml = mline, mb = mbyte;
	if (!mark_before(cx, &cache[k & 1], lo, i, k, &ml, &mb)) {
		*um = (unmarked){ 1, form, k, i };
		return 0;
	}
	/* the note's text: to the next note's start (its mark in the text
	 * before this one's), or the page's end */
	size_t end = text + 1;
	for (; end < e; end++) {
		if (cx->v[end].dropped || !note_start(&cx->v[end], k + 1))
			continue;
		size_t l2 = ml, b2 = mb + 1;
		if (mark_before(cx, &cache[(k + 1) & 1], lo, i, k + 1, &l2, &b2))
			break;
	}
	/* at the foot of the page: a page's notes are its last lines, a few
	 * of them (a numbered row of a table is not a note); known when a note
	 * before it on the page was (at_foot) */
	size_t body = 0, foot = 0;
	for (size_t j = b; j < e && !at_foot; j++)
		if (!cx->v[j].dropped && !rs_blank(&cx->v[j])) {
			if (j < i)
				body++;
			else
				foot++;
		}
	/* and its text a block or a few: not a table's cells, a blank line
	 * between each (pdftotext's cells, one per line) */
	size_t gaps = 0;
	for (size_t j = text + 1; j < end; j++)
		gaps += rs_blank(&cx->v[j]) && !rs_blank(&cx->v[j - 1]);
	/* many short notes on one page (a list of projects, each its note):
	 * two more lines for each of the next notes in order, each with its mark */
	size_t more = 0, ml2 = ml, mb2 = mb + 1;
	for (size_t j = end; j < e && foot > 12 + 2 * more; j++) {
		if (cx->v[j].dropped || !note_start(&cx->v[j], k + 1 + (unsigned)more))
			continue;
		mark_cache c2 = { 0 };
		if (!mark_before(cx, &c2, lo, i, k + 1 + (unsigned)more, &ml2, &mb2))
			break;
		mb2++;
		more++;
	}
	/* a long note (fourteen lines of a small font under "24") is read when
	 * its mark stands on its own page: the evidence is close at hand */
	size_t limit = 12 + 2 * more + (cx->v[ml].page == cx->v[i].page ? 12 : 0);
	/* and any note whose number stands alone on its line right under its
	 * mark, a line or two between (a page of a few lines of text and a long
	 * note under them, Word's: "… trên địa bàn tỉnh2" / "." / "2" /
	 * "Trước sáp nhập tỉnh:"; "12 chi cục13" under "… 14 sở, ngành12" is
	 * the text's own figure) */
	size_t between = 0;
	for (size_t j = ml + 1; j < i && between <= 2; j++)
		between += !cx->v[j].dropped && !rs_blank(&cx->v[j]);
	if (form == 2 && cx->v[ml].page == cx->v[i].page && ml < i && between <= 2)
		limit = (size_t)-1;
	if ((!at_foot && foot > limit && foot * 2 > body) || gaps > 3)
		return 0;
	*n = (note_at){ k, form, i, text, end, ml, mb };
	return 1;
}

/* Marks note n again: its mark and number raised (by raise_all, once the
 * notes are found: their marks are looked for in the text as it stands),
 * its text one block, its span kept. */
static void mark_note(rs_ctx *cx, const note_at *n, mark_raises *r)
{
	raise_later(r, n->mline, n->mbyte, n->k);
	size_t i = n->start, text = n->text;
	if (n->form == 1) {
		const char *s;
		size_t len;
		rs_trim(&cx->v[i], &s, &len);
		raise_later(r, i, (size_t)(s - cx->v[i].s), n->k);
	} else {
		/* "1" alone, its text under it: one line "¹ text", each part where it stood */
		bc_buf nb = BC_BUF_INIT;
		put_raised(&nb, n->k);
		bc_buf_putc(&nb, ' ');
		const char *s, *ms;
		size_t len, mn;
		rs_trim(&cx->v[text], &s, &len);
		rs_trim(&cx->v[i], &ms, &mn);
		uint32_t mark_chars = (uint32_t)bc_utf8_count(ms, mn);
		uint32_t mcol = rs_input_col(&cx->v[i], (uint32_t)bc_utf8_count(cx->v[i].s, (size_t)(ms - cx->v[i].s)) + 1);
		uint32_t tcol = rs_input_col(&cx->v[text], (uint32_t)bc_utf8_count(cx->v[text].s, (size_t)(s - cx->v[text].s)) + 1);
		bc_buf_put(&nb, s, len);
		rs_add_line(cx, text, nb.s, nb.len, (uint32_t)(i + 1), mcol);
		rs_add_jump(cx, text, mark_chars + 2, (uint32_t)(text + 1), tcol);
		rs_move(cx, i, BC_RESTORE_NOTE);
		rs_move(cx, text, BC_RESTORE_NOTE);
		bc_buf_free(&nb);
	}
	/* one block: the blank lines inside the note's text go */
	for (size_t k = text + 1; k < n->end; k++)
		if (!cx->v[k].dropped && rs_blank(&cx->v[k]) && next_text(cx, k, n->end) < n->end)
			rs_move(cx, k, BC_RESTORE_NOTE);
	size_t last = n->end;
	while (last > text && (cx->v[last - 1].dropped || rs_blank(&cx->v[last - 1])))
		last--;
	bc_restore *out = cx->out;
	out->notes = bc_xgrow(out->notes, out->nnotes, sizeof *out->notes);
	out->notes[out->nnotes++] = (bc_restore_span){ (uint32_t)(i + 1), (uint32_t)(last > text ? last : text + 1) };
}

void rs_footnotes(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_PDF || cx->npages < 1)
		return;
	unsigned want = 1;
	size_t mline = 0, mbyte = 0, found = 0, prev_page = 0;
	mark_cache cache[2] = { { 0 }, { 0 } };
	mark_raises r = { NULL, 0 };
	unmarked um = { 0 };
	for (size_t b = 0, e; b < cx->n; b = e) {
		uint32_t page = cx->v[b].page;
		for (e = b; e < cx->n && cx->v[e].page == page; e++)
			;
		size_t first = next_text(cx, b, e);
		/* the marks are looked for from the previous page's start on */
		size_t lo = prev_page;
		prev_page = b;
		int at_foot = 0;   /* a note of this page found: the lines after it are its foot */
		for (size_t i = first + 1 < e ? first + 1 : e; i < e;) {
			i = next_text(cx, i, e);
			if (i >= e)
				break;
			note_at n = { 0 };
			int ok = 0;
			for (unsigned k = want; k <= want + NOTE_SKIP && !ok; k++)
				ok = note_here(cx, cache, b, e, i, lo, k, mline, mbyte, at_foot, &um, &n);
			if (!ok) {
				i++;
				continue;
			}
			mark_note(cx, &n, &r);
			at_foot = 1;
			found++;
			want = n.k + 1;
			mline = n.mline;
			mbyte = n.mbyte + 1;
			i = n.end;
		}
	}
	raise_all(cx, &r);
	/* counted by notes, not by the lines rewritten */
	cx->out->count[BC_RESTORE_NOTE] = found;
}
