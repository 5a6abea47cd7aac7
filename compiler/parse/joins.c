/* joins.c — phase 2 of the parser: which numbered blocks are headings, and the blocks a page break cut apart joined again. */
#include "parse_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "../model/vocab.h"

/* ---- the characters at the edges of a block's text ---- */

uint32_t bp_first_cp(const blk *b)
{
	if (!b->nseg)
		return 0;
	const char *s = b->segs[0].s;
	size_t n = b->segs[0].len, i = 0;
	/* skip markup that opens the text */
	for (;;) {
		if (i < n && s[i] == '*') { i++; continue; }
		if (n - i >= 3 && s[i] == '<' && (s[i + 1] == 'b' || s[i + 1] == 'i' || s[i + 1] == 'u') && s[i + 2] == '>') { i += 3; continue; }
		break;
	}
	if (i >= n)
		return 0;
	uint32_t cp;
	bc_utf8_decode(s + i, n - i, &cp);
	return cp;
}

uint32_t bp_line_last_cp(const bc_line *l)
{
	size_t n = l->core_len;
	return n ? bc_utf8_prev(l->s + l->core, &n) : 0;
}

uint32_t bp_line_first_cp(const bc_line *l)
{
	uint32_t cp = 0;
	bc_utf8_decode(l->s + l->core, l->core_len, &cp);
	return cp;
}

/* The last meaningful character, skipping closing markup, quotes, footnote marks. */
uint32_t bp_last_cp(const blk *b)
{
	if (!b->nseg)
		return 0;
	const bc_seg *sg = &b->segs[b->nseg - 1];
	const char *s = sg->s;
	size_t e = sg->len;
	for (;;) {
		while (e && (s[e - 1] == ' ' || s[e - 1] == '*'))
			e--;
		if (e >= 4 && s[e - 1] == '>' && s[e - 4] == '<' && s[e - 3] == '/') { e -= 4; continue; }
		if (e >= 6 && memcmp(s + e - 6, "</sup>", 6) == 0) {
			size_t k = e - 6;
			while (k && s[k - 1] >= '0' && s[k - 1] <= '9')
				k--;
			if (k >= 5 && memcmp(s + k - 5, "<sup>", 5) == 0) { e = k - 5; continue; }
			e -= 6;
			continue;
		}
		if (e == 0)
			return 0;
		size_t k = e;
		uint32_t cp = bc_utf8_prev(s, &k);
		if (bc_cp_superscript_digit(cp) >= 0 || cp == 0x201D || cp == '"' || cp == 0x2019) {
			e = k;
			continue;
		}
		return cp;
	}
}

static int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* ---- headings, page-split joins and footnote continuations ---- */

/* The characters of a block's text, label included. */
static size_t blk_chars(const blk *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nseg; i++)
		n += bc_utf8_count(b->segs[i].s, b->segs[i].len);
	return n;
}

/* Whether a sentence ends inside the block's text: ". " before a capital
 * after a small letter or a % ("… thấp nhất là 66,67%. Trong đó:"), which
 * no heading holds ("TP. Hồ Chí Minh" does not count: its dot follows a
 * capital; a ";" does not either, headings list with it: "Các sở, ban,
 * ngành; UBND các xã, phường"). */
static int inner_sentence_end(const blk *b)
{
	for (size_t i = 0; i < b->nseg; i++) {
		const char *s = b->segs[i].s;
		size_t n = b->segs[i].len;
		for (size_t k = 1; k + 2 < n; k++) {
			if (s[k] != '.' || s[k + 1] != ' ')
				continue;
			size_t a = k;
			uint32_t before = bc_utf8_prev(s, &a), after;
			bc_utf8_decode(s + k + 2, n - k - 2, &after);
			if ((bc_cp_is_lower(before) || before == '%') && bc_cp_is_upper(after))
				return 1;
		}
	}
	return 0;
}

/* A construct of a few hard-wrapped lines that reads as a heading: at most
 * three lines, 300 characters, ending with no sentence's or clause's mark
 * ("1. Báo cáo kết quả … năm 2025 (sau sáp nhập tỉnh)"). */
static int wrapped_heading(const blk *b)
{
	uint32_t cp = bp_last_cp(b);
	return b->last - b->first < 3 && blk_chars(b) <= 300 && cp != '.' && cp != ';' && cp != ',' && cp != 0 &&
	       !inner_sentence_end(b);
}

/* Roman labels I, II, III … in order from I: the top divisions of a text,
 * headings whatever their shape (a run-in "I. Thời gian: 08 giờ …"). */
static int roman_sequence(parser *p, size_t *idx, size_t n)
{
	if (n < 2 || p->b[idx[0]].label_line->label_kind != BC_LABEL_ROMAN)
		return 0;
	int prev = 0;
	for (size_t i = 0; i < n; i++) {
		const bc_line *l = p->b[idx[i]].label_line;
		int v = bc_roman_value(l->s + l->label, l->label_len);
		/* an OCR's "II" for "III" repeats a number: still in order */
		if (v < prev || v > prev + 1 || (i == 0 && v != 1))
			return 0;
		prev = v;
	}
	return 1;
}

/* Siblings numbered in one sequence are alike: a sequence that is mostly
 * headings is all headings, one that is mostly sentences is all paragraphs. */
static void settle_group(parser *p, size_t *idx, size_t n)
{
	if (n < 2)
		return;
	if (roman_sequence(p, idx, n)) {
		for (size_t i = 0; i < n; i++) {
			blk *b = &p->b[idx[i]];
			if (b->kind != B_HEADING && !b->cut_seg)
				b->run_in = 1;
			b->kind = B_HEADING;
		}
		return;
	}
	/* the members whose shape says either (a few wrapped lines, a label line
	 * about as long as the line after it) follow the others */
	size_t heads = 0, paras = 0;
	for (size_t i = 0; i < n; i++) {
		heads += p->b[idx[i]].lean > 0;
		paras += p->b[idx[i]].lean < 0;
	}
	blk_kind k = heads && heads >= paras ? B_HEADING : B_NUMPARA;
	for (size_t i = 0; i < n; i++) {
		blk *b = &p->b[idx[i]];
		/* a decorated line is a heading whatever its neighbours are */
		if (k == B_NUMPARA && b->label_line->decorated)
			continue;
		/* several lines of text, or a clause ending in ";", are a paragraph
		 * whatever its neighbours are; unless the label's line may end a
		 * heading that its text follows (cut_seg) */
		if (k == B_HEADING && !b->cut_seg && ((b->first != b->last && !wrapped_heading(b)) || bp_last_cp(b) == ';'))
			continue;
		b->kind = k;
	}
}

/* Whether the block after b (k its index) is numbered under b's label
 * ("1.1." right after "1. …"): a paragraph has no subsections, so b heads
 * one whatever its shape ("1. Về thẩm định … (Nội" / "dung Phần thứ nhất)"). */
static int child_follows(const parser *p, size_t k)
{
	const blk *b = &p->b[k];
	size_t j = k + 1;
	while (j < p->nb && p->b[j].dead)
		j++;
	if (j >= p->nb || !b->label_line || !p->b[j].label_line || (p->b[j].kind != B_NUMPARA && p->b[j].kind != B_HEADING))
		return 0;
	const bc_line *l = b->label_line, *c = p->b[j].label_line;
	if (bc_label_level(c->label_kind) != bc_label_level(l->label_kind) + 1 ||
	    (c->label_kind != BC_LABEL_DOTTED2 && c->label_kind != BC_LABEL_DOTTED3))
		return 0;
	return c->label_len > l->label_len && memcmp(c->s + c->label, l->s + l->label, l->label_len) == 0 &&
	       c->s[c->label + l->label_len] == '.';
}

/* A numbered block is a heading when it is a single line, decorated or not
 * ending as a sentence does, or when its label line ends well short of the
 * text after it (cut_short); a few wrapped lines that end so
 * (wrapped_heading) or a label line about as long as the line after it may be
 * either, unless the next block is numbered under it (child_follows); then
 * the siblings of one numbering sequence are made alike (settle_group). */
void bp_decide_headings(parser *p)
{
	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->kind != B_NUMPARA)
			continue;
		const bc_line *l = b->label_line;
		uint32_t cp = bp_last_cp(b);
		int single = b->first == b->last;
		if (b->cut_seg)
			b->lean = b->cut_short ? 1 : 0;
		else if (single)
			b->lean = l->decorated || (l->nchars <= 300 && cp != '.' && cp != ';') ? 1 : -1;
		else
			b->lean = wrapped_heading(b) ? 0 : -1;
		if (b->lean == 0 && child_follows(p, k))
			b->lean = 1;
		if (b->lean > 0)
			b->kind = B_HEADING;
	}
	/* groups of same-level labels between labels of a higher rank */
	size_t *groups[8] = { 0 };
	size_t count[8] = { 0 };
	for (int lv = 0; lv < 8; lv++)
		groups[lv] = bc_xmalloc((p->nb + 1) * sizeof(size_t));
	for (size_t k = 0; k <= p->nb; k++) {
		int level = 0;
		if (k < p->nb) {
			blk *b = &p->b[k];
			if (b->kind == B_APPX || b->kind == B_RECIP_LABEL || b->kind == B_AUTHORITY || b->kind >= B_COMPETENCE)
				level = 0;
			else if ((b->kind == B_NUMPARA || b->kind == B_HEADING) && b->label_line)
				level = bc_label_level(b->label_line->label_kind);
			else
				continue;
		}
		/* a label of this level closes the groups below it */
		for (int lv = level ? level + 1 : 1; lv < 8; lv++) {
			settle_group(p, groups[lv], count[lv]);
			count[lv] = 0;
		}
		if (level)
			groups[level][count[level]++] = k;
	}
	for (int lv = 0; lv < 8; lv++)
		free(groups[lv]);
}

static void join(parser *p, blk *into, blk *from)
{
	if (!into->joined_at)
		into->joined_at = p->lines.v[from->first].no;
	for (size_t i = 0; i < from->nseg; i++) {
		if (into->nseg == into->segcap) {
			into->segcap = into->segcap ? into->segcap * 2 : 4;
			into->segs = bc_xrealloc(into->segs, into->segcap * sizeof *into->segs);
		}
		into->segs[into->nseg] = from->segs[i];
		if (i == 0)
			into->segs[into->nseg].brk = 0;
		into->nseg++;
	}
	if (from->last > into->last)
		into->last = from->last;
	from->dead = 1;
	bc_pos at = from->segs ? from->segs[0].pos : (bc_pos){ p->lines.v[from->first].no, 1 };
	if (p->pdf_text) {
		if (!p->pdf_joins++)
			p->first_join = at;
	} else {
		bc_diag_add(p->diags, BC_W_PAGE_SPLIT, at, NULL);
	}
}

static int is_texty(const blk *b)
{
	return b->kind == B_PARA || b->kind == B_NUMPARA || b->kind == B_ITEM || b->kind == B_HEADING ||
	       b->kind == B_BASIS || b->kind == B_CLAUSE || b->kind == B_POINT || b->kind == B_ARTICLE;
}

/* Block b starts with a bracket and a small letter: "(bản chính);", a
 * phrase's aside, never a sentence's start. */
static int bracket_lower(const blk *b)
{
	if (!b->nseg || b->segs[0].len < 2 || b->segs[0].s[0] != '(')
		return 0;
	uint32_t cp = 0;
	bc_utf8_decode(b->segs[0].s + 1, b->segs[0].len - 1, &cp);
	return bc_cp_is_lower(cp);
}

/* Does block b read as the rest of `prev`, cut by a page break? */
static int continues(const blk *prev, const blk *b)
{
	if (!prev || !b->nseg || !is_texty(prev))
		return 0;
	uint32_t end = bp_last_cp(prev);
	uint32_t c = bp_first_cp(b);
	/* a paragraph never starts in lower case: after ";" or ":" too, it is the rest of the last one */
	if (b->kind == B_PARA && bc_cp_is_lower(c) && end && end != '.' && end != '!' && end != '?' &&
	    prev->kind != B_HEADING)
		return 1;
	if (is_terminal(end) || end == 0)
		return 0;
	/* a basis, an article's line never start in lower case: the rest of the
	 * one before, a blank line between (pdfminer: "… của Chính" / "phủ về …");
	 * nor a basis with a figure ("… ngày 12 tháng" / "6 năm 2018;") */
	if (prev->kind == B_BASIS || prev->kind == B_ARTICLE)
		return (bc_cp_is_lower(c) || (prev->kind == B_BASIS && b->kind == B_BASIS && is_digit_cp(c))) && end != ';' &&
		       (b->kind == B_PARA || (prev->kind == B_BASIS && b->kind == B_BASIS));
	if (prev->kind == B_HEADING && !prev->cut_seg && !prev->run_in) {
		/* a line a page break cut runs to the width of the text: a short
		 * heading ("1. Nội dung") was not cut, whatever follows it */
		if (prev->first == prev->last && prev->label_line && prev->label_line->nchars < 40)
			return 0;
		return (bc_cp_is_lower(c) || bracket_lower(b)) && b->kind == B_PARA;
	}
	if (bc_cp_is_lower(c))
		return b->kind == B_PARA;
	if (b->kind != B_PARA)
		return 0;
	if (is_digit_cp(c) || c == '(')
		return 1;
	return end == ',' || end == '-' || end == 0x2013;
}

/* Joins a block to the one before it when a page break cut them apart
 * (W_PAGE_SPLIT), also across the footnotes printed at the page's foot
 * (W_NOTE_MISPLACED); the paragraphs and items after a footnote that go on
 * with its text belong to it (owner_note). */
void bp_attach_continuations(parser *p)
{
	blk *last_text = NULL;     /* the last body block a page break may have cut */
	int in_notes = 0;
	size_t cur_note = 0;
	char body_bullet = 0, note_items = 0;
	int after_heading = 0;
	const blk *run_start = NULL;   /* the first note of the current run */
	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->kind == B_NOTE) {
			if (!in_notes) {
				body_bullet = last_text && last_text->kind == B_ITEM ? last_text->bullet : 0;
				/* the page ended right after a heading or a table: what follows the
				 * notes is that section's text, not more of the note */
				after_heading = k > 0 && (p->b[k - 1].kind == B_HEADING || p->b[k - 1].kind == B_TABLE);
			}
			in_notes = 1;
			cur_note = k;
			note_items = bp_note_bullet(b);
			if (!run_start)
				run_start = b;
			continue;
		}
		if (in_notes) {
			if (continues(last_text, b)) {
				join(p, last_text, b);
				/* the restore stage found this one at a PDF page's foot and said so */
				if (!bp_note_span_end(p, run_start))
					bc_diag_add(p->diags, BC_W_NOTE_MISPLACED, (bc_pos){ p->lines.v[run_start->first].no, 1 }, NULL);
				in_notes = 0;
				run_start = NULL;
				continue;
			}
			if ((b->kind == B_PARA || b->kind == B_ITEM) && !b->label_line) {
				int back_to_body = b->kind == B_ITEM && body_bullet && b->bullet == body_bullet &&
				                   note_items != b->bullet;
				if (after_heading && b->kind == B_PARA && !bc_cp_is_lower(bp_first_cp(b)))
					back_to_body = 1;
				if (bp_has_noteref(b))
					back_to_body = 1;
				/* a note the restore stage found at a page's foot ends
				 * with the page: what follows its span is body */
				uint32_t span = bp_note_span_end(p, &p->b[cur_note]);
				if (span && !bp_in_note_span(p, b, span))
					back_to_body = 1;
				if (!back_to_body) {
					b->owner_note = (int)cur_note;
					if (b->kind == B_ITEM && !note_items)
						note_items = b->bullet;
					continue;
				}
			}
			in_notes = 0;
			run_start = NULL;
		}
		/* a Word file's paragraphs are whole: no page break cut them */
		if (!p->word_text && continues(last_text, b)) {
			join(p, last_text, b);
			continue;
		}
		last_text = is_texty(b) ? b : NULL;
		if (b->kind == B_TABLE || b->kind == B_RULE || b->kind == B_APPX || b->kind == B_RECIP_LABEL ||
		    b->kind == B_AUTHORITY)
			last_text = NULL;
	}
	/* a heading that a page break cut and whose rest was joined is a numbered
	 * paragraph, unless, joined, it is still a heading's shape: a few lines
	 * ending no sentence nor announcing what follows (pdfminer's "5. … các
	 * tổ chức chính" / blank / "trị - xã hội") */
	for (size_t k = 0; k < p->nb; k++)
		if (p->b[k].kind == B_HEADING && p->b[k].joined_at && !p->b[k].cut_seg && !p->b[k].run_in &&
		    (!wrapped_heading(&p->b[k]) || bp_last_cp(&p->b[k]) == ':'))
			p->b[k].kind = B_NUMPARA;
}
