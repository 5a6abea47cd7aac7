/* rules_text.c — the words of paragraphs: two spaces (not in text from justified lines), a space before punctuation, unbalanced brackets and quotes, the end mark ./., English-style numbers, a term's years that disagree within the report. */
#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "rules.h"
#include "../model/facts.h"
#include "../restore/restore.h"

typedef struct term {
	char *key;
	int y1, y2;
	bc_pos pos;
	size_t seq;
} term;

typedef struct text_state {
	uint8_t *gaps;             /* per source line: its runs of 2 to 5 spaces between words (at most 255) */
	int justified_doc;         /* the text as a whole came from justified lines (below) */
	int ocr;                   /* an OCR reading (restore): its bracket and spacing slips are counted, not reported */
	size_t ocr_slips;
	bc_pos ocr_first;
	const bc_node *last;       /* last paragraph of the body */
	int last_ends_mark, last_has_mark;
	bc_pos last_pos;
	term *terms;
	size_t nterms, cap;
	bc_buf fold;
	/* a quotation that goes on over paragraphs ("“…2. Hồ sơ gồm:" … "hội (bản chính);”."):
	 * its “ left open by an earlier paragraph, for a later one to close */
	int open_quote;
	bc_pos open_quote_pos;
} text_state;

/*
 * Two spaces are a typist's slip in typed text, but not in text taken out of a
 * justified PDF or a justifying converter: pdfminer writes each widened gap of
 * a justified line as two spaces (corpus 03 line 44, every line of corpus 12),
 * and a converter that pads lines to the margin spreads one or two more over
 * the line (corpus 45).  There every line of a paragraph may show them and
 * nobody can remove them from the source, so a note for each (668 in corpus
 * 12) tells the writer nothing.  Decided once here, before the walk, from the
 * source lines: a line has "gaps", runs of 2 to 5 spaces between words (longer
 * runs are the columns of a laid-out header or a blank left for a stamp, not
 * justification).  A block (paragraph, list item, heading) is justified when
 * one of its lines has 3 gaps or more, or two of its lines have some; a
 * document with 3 such blocks is justified as a whole, and then any block with
 * a gap is.  A slip, one double space in a line of typed text, still counts.
 */
enum { GAP_MIN = 2, GAP_MAX = 5, GAPS_LINE = 3, GAPPY_LINES = 2, JUSTIFIED_BLOCKS = 3 };

static int justified_block(const text_state *s, const bc_check_ctx *cx, const bc_node *n, int doc_wide)
{
	uint32_t first = n->pos.line, last = n->end_line > first ? n->end_line : first;
	int gappy = 0;
	for (uint32_t l = first; l <= last && l <= cx->nlines; l++) {
		if (s->gaps[l] >= GAPS_LINE)
			return 1;
		gappy += s->gaps[l] > 0;
	}
	return gappy >= (doc_wide ? 1 : GAPPY_LINES);
}

static int prose_block(bc_node_type t)
{
	return t == BC_NODE_PARAGRAPH || t == BC_NODE_ITEM || t == BC_NODE_HEADING;
}

static void *begin(bc_check_ctx *cx)
{
	text_state *s = bc_xcalloc(1, sizeof(text_state));
	s->gaps = bc_xcalloc(cx->nlines + 2, 1);
	const char *text = cx->doc->text;
	for (uint32_t l = 1; text && l <= cx->nlines; l++) {
		size_t i = cx->line_off[l], end = l < cx->nlines ? cx->line_off[l + 1] - 1 : cx->doc->text_len;
		int seen_word = 0, gaps = 0;
		while (i < end) {
			if (text[i] != ' ') {
				seen_word = 1;
				i++;
				continue;
			}
			size_t j = i;
			while (j < end && text[j] == ' ')
				j++;
			/* between two words: not the indent, not the spaces before the line end */
			if (seen_word && j < end && text[j] != '\t' && text[j] != '\r' && j - i >= GAP_MIN && j - i <= GAP_MAX &&
			    text[i - 1] != '\t')
				gaps += gaps < 255;
			i = j;
		}
		s->gaps[l] = (uint8_t)gaps;
	}
	int blocks = 0;
	bc_iter it;
	bc_iter_init(&it, cx->doc->root);
	bc_event ev;
	while (blocks < JUSTIFIED_BLOCKS && (ev = bc_iter_next(&it)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && prose_block(it.cur->type) && it.cur->pos.line)
			blocks += justified_block(s, cx, it.cur, 0);
	s->justified_doc = blocks >= JUSTIFIED_BLOCKS;
	s->ocr = cx->doc->restore && cx->doc->restore->ocr;
	return s;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* ")" of a label written inside the text: "a)", "2)", "*)" after a space or at the start. */
static int label_close(const char *t, size_t i)
{
	size_t k = i;
	while (k > 0 && ((t[k - 1] >= 'a' && t[k - 1] <= 'z') || is_digit(t[k - 1]) || t[k - 1] == '*') && i - k < 3)
		k--;
	if (k >= 2 && (unsigned char)t[k - 2] == 0xC4 && (unsigned char)t[k - 1] == 0x91 && i - k == 0)
		k -= 2;   /* đ) */
	if (k == i)
		return 0;
	return k == 0 || t[k - 1] == ' ' || t[k - 1] == ';' || t[k - 1] == ':' || t[k - 1] == ',' || t[k - 1] == '.';
}

/* The bytes brackets() acts on: ( [ ) ] " and the lead of “ ”. */
static const unsigned char bracket_byte[256] = { ['('] = 1, ['['] = 1, [')'] = 1, [']'] = 1, ['"'] = 1, [0xE2] = 1 };

#define QUOTE_CARRIED ((size_t)-1)   /* the stack's entry for a “ an earlier paragraph left open */

static void brackets(bc_check_ctx *cx, text_state *s, const bc_block_text *bt, const char *t, size_t n)
{
	size_t stack[64];
	int kind[64];
	size_t top = 0, quote_at = 0;
	if (s->open_quote) {
		stack[0] = QUOTE_CARRIED;
		kind[0] = 'L';
		top = 1;
	}
	int quote = 0;
	const unsigned char *u = (const unsigned char *)t;
	for (size_t i = 0; i < n; i++) {
		/* four bytes a step past those it does not act on */
		while (i + 4 <= n &&
		       !(bracket_byte[u[i]] | bracket_byte[u[i + 1]] | bracket_byte[u[i + 2]] | bracket_byte[u[i + 3]]))
			i += 4;
		if (i == n)
			break;
		unsigned char c = u[i];
		if (!bracket_byte[c])
			continue;
		int open = 0, close = 0;
		if (c == '(' || c == '[')
			open = c;
		else if (c == ')' || c == ']')
			close = c == ')' ? '(' : '[';
		else if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x9C)
			open = 'L';   /* “ */
		else if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x9D)
			close = 'L';  /* ” */
		else if (c == '"') {
			quote = !quote;
			quote_at = i;
		}
		if (open) {
			if (top < 64) {
				stack[top] = i;
				kind[top] = open;
			}
			top++;
		} else if (close) {
			if (close == '(' && label_close(t, i) && (top == 0 || top > 64 || kind[top - 1] != '('))
				continue;
			if (top == 0 || (top <= 64 && kind[top - 1] != close)) {
				bc_diag_add(cx->diags, BC_W_UNBALANCED, bc_text_pos(cx, bt, i), "%.*s", close == 'L' ? 3 : 1, t + i);
				return;
			}
			top--;
			if (top == 0 && stack[0] == QUOTE_CARRIED)
				s->open_quote = 0;   /* the quotation the earlier paragraph opened ends here */
		}
	}
	if (top == 1 && kind[0] == 'L') {
		/* only a “ left open: the quotation may go on in the next paragraphs (decided at the end) */
		if (stack[0] != QUOTE_CARRIED) {
			s->open_quote = 1;
			s->open_quote_pos = bc_text_pos(cx, bt, stack[0]);
		}
	} else if (top && top <= 64 && stack[top - 1] != QUOTE_CARRIED) {
		size_t i = stack[top - 1];
		bc_diag_add(cx->diags, BC_W_UNBALANCED, bc_text_pos(cx, bt, i), "%.*s", kind[top - 1] == 'L' ? 3 : 1, t + i);
	} else if (quote) {
		bc_diag_add(cx->diags, BC_W_UNBALANCED, bc_text_pos(cx, bt, quote_at), "\"");
	}
}

static void spaces(bc_check_ctx *cx, const bc_block_text *bt, const char *t, size_t n, int justified)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (t[i] != ' ')
			continue;
		if (t[i + 1] == ' ') {
			if (!justified)
				bc_diag_add(cx->diags, BC_N_DOUBLE_SPACE, bc_text_pos(cx, bt, i), NULL);
			while (i + 1 < n && t[i + 1] == ' ')
				i++;
			continue;
		}
		char p = t[i + 1];
		if (i == 0 || !(p == ',' || p == '.' || p == ';' || p == ':' || p == '?' || p == '!' || p == ')' || p == 0))
			continue;
		/* " ..." an ellipsis, " ./." the end mark, " .5" a number */
		if (p == '.' && i + 2 < n && (t[i + 2] == '.' || t[i + 2] == '/' || is_digit(t[i + 2])))
			continue;
		bc_diag_add(cx->diags, BC_N_SPACE_PUNCT, bc_text_pos(cx, bt, i), "%c", p);
	}
}

static const unsigned char digit_byte[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
};

/* 7,056.0 or 1,234,567 or 15.5%: a Vietnamese text writes 7.056,0, 1.234.567 and 15,5%. */
static void numbers(bc_check_ctx *cx, const bc_block_text *bt, const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	for (size_t i = 0; i < n; i++) {
		/* four bytes a step up to the next digit */
		while (i + 4 <= n && !(digit_byte[u[i]] | digit_byte[u[i + 1]] | digit_byte[u[i + 2]] | digit_byte[u[i + 3]]))
			i += 4;
		while (i < n && !is_digit(t[i]))
			i++;
		if (i == n)
			break;
		if (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ',' || t[i - 1] == '/'))
			continue;
		size_t j = i;
		while (j < n && is_digit(t[j]))
			j++;
		size_t lead = j - i, groups = 0, k = j;
		while (k + 3 < n && t[k] == ',' && is_digit(t[k + 1]) && is_digit(t[k + 2]) && is_digit(t[k + 3]) &&
		       (k + 4 >= n || !is_digit(t[k + 4]))) {
			groups++;
			k += 4;
		}
		int eng = 0;
		size_t e = k;
		if (lead <= 3 && groups >= 1 && k + 1 < n && t[k] == '.' && is_digit(t[k + 1])) {
			e = k + 1;
			while (e < n && is_digit(t[e]))
				e++;
			eng = e >= n || (t[e] != '.' && t[e] != ',');
		} else if (lead <= 3 && groups >= 2) {
			eng = k >= n || (t[k] != '.' && t[k] != ',') || (k + 1 < n && !is_digit(t[k + 1]));
		} else if (!groups && j + 1 < n && t[j] == '.' && is_digit(t[j + 1])) {
			e = j + 1;
			while (e < n && is_digit(t[e]))
				e++;
			size_t p = e;
			if (p < n && t[p] == ' ')
				p++;
			eng = e - j - 1 <= 2 && p < n && t[p] == '%' && (j == i + 0 || 1);
		}
		if (eng)
			bc_diag_add(cx->diags, BC_W_ENGLISH_NUMBER, bc_text_pos(cx, bt, i), "%.*s", (int)(e - i), t + i);
		i = (e > j ? e : j) - 1;
	}
}

/* "… Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031": the words before name the term. */
static void terms(text_state *s, const bc_check_ctx *cx, const bc_block_text *bt, const char *t, size_t n)
{
	static const char *const w[] = { "nhiệm kỳ", "nhiệm kì" };
	static const size_t anchor[] = { 11, 10 };   /* the last byte of "ỳ", of "ì" */
	for (size_t a = 0; a < 2; a++) {
		size_t wl = strlen(w[a]);
		for (size_t i = 0; i + wl < n; i++) {
			const char *at = bc_find(t + i, n - i, w[a], wl, anchor[a]);
			if (!at || (size_t)(at - t) + wl >= n)
				break;
			i = (size_t)(at - t);
			size_t j = i + wl;
			while (j < n && t[j] == ' ')
				j++;
			if (j + 4 > n || !bc_arabic_value(t + j, 4) || (j + 4 < n && is_digit(t[j + 4])))
				continue;
			int y1 = bc_arabic_value(t + j, 4);
			size_t k = j + 4;
			while (k < n && t[k] == ' ')
				k++;
			if (k < n && t[k] == '-')
				k++;
			else if (k + 3 <= n && (!memcmp(t + k, "–", 3) || !memcmp(t + k, "—", 3)))
				k += 3;
			else
				continue;
			while (k < n && t[k] == ' ')
				k++;
			if (k + 4 > n || !bc_arabic_value(t + k, 4) || (k + 4 < n && is_digit(t[k + 4])))
				continue;
			int y2 = bc_arabic_value(t + k, 4);
			/* four words before */
			size_t b = i, words = 0;
			while (b > 0 && words < 4) {
				b--;
				if (t[b] == ' ' && b + 1 < i && t[b + 1] != ' ')
					words++;
				if (t[b] == ',' || t[b] == ';' || t[b] == '(' || t[b] == '.')
					break;
			}
			if (words < 4 && b > 0)
				b++;
			bc_buf_clear(&s->fold);
			bc_fold_words(t + b, i - b, &s->fold);
			if (!s->fold.len)
				continue;
			if (s->nterms == s->cap) {
				s->cap = s->cap ? s->cap * 2 : 16;
				s->terms = bc_xrealloc(s->terms, s->cap * sizeof *s->terms);
			}
			term *tm = &s->terms[s->nterms];
			tm->key = bc_xmalloc(s->fold.len + 1);
			memcpy(tm->key, s->fold.s, s->fold.len + 1);
			tm->y1 = y1;
			tm->y2 = y2;
			tm->pos = bc_text_pos(cx, bt, j);
			tm->seq = s->nterms++;
			i = k + 3;
		}
	}
}

static int ends_with_mark(const char *t, size_t n)
{
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	return n >= 3 && !memcmp(t + n - 3, "./.", 3);
}

/* The slips found in an OCR reading's block, counted; the first kept for the note. */
static void ocr_count(text_state *s, const bc_diags *found)
{
	for (size_t i = 0; i < found->n; i++) {
		if (!s->ocr_slips || found->v[i].pos.line < s->ocr_first.line ||
		    (found->v[i].pos.line == s->ocr_first.line && found->v[i].pos.col < s->ocr_first.col))
			s->ocr_first = found->v[i].pos;
		s->ocr_slips++;
	}
}

/* A block's spacing slips (and a paragraph's brackets): reported, or in an
 * OCR reading found by the same rules into a list of their own and counted. */
static void slips(bc_check_ctx *cx, text_state *s, const bc_block_text *bt, const char *t, size_t len, int justified,
                  int with_brackets)
{
	bc_diags *to = cx->diags, scratch;
	if (s->ocr) {
		bc_diags_init(&scratch);
		cx->diags = &scratch;
	}
	spaces(cx, bt, t, len, justified);
	if (with_brackets)
		brackets(cx, s, bt, t, len);
	if (s->ocr) {
		cx->diags = to;
		ocr_count(s, &scratch);
		bc_diags_free(&scratch);
	}
}

static void on_text(bc_check_ctx *cx, void *st, const bc_block_text *bt)
{
	text_state *s = st;
	const bc_node *n = bt->block;
	const char *t = bt->buf.s ? bt->buf.s : "";
	size_t len = bt->buf.len;
	if (n->type == BC_NODE_CELL) {
		slips(cx, s, bt, t, len, 0, 0);
		numbers(cx, bt, t, len);
		return;
	}
	if (n->type != BC_NODE_PARAGRAPH && n->type != BC_NODE_ITEM && n->type != BC_NODE_HEADING)
		return;
	/* a line of a form's signature box ("Ngày      tháng 9 năm 2025"): its blanks are for the pen */
	if (n->parent && n->parent->type == BC_NODE_SIGNATURE)
		return;
	slips(cx, s, bt, t, len, n->pos.line && justified_block(s, cx, n, s->justified_doc), 1);
	numbers(cx, bt, t, len);
	terms(s, cx, bt, t, len);
	/* the end mark closes the body once */
	if (cx->in_body) {
		const char *m = t;
		size_t marks = 0, last_at = 0;
		while ((m = strstr(m, "./.")) != NULL) {
			marks++;
			last_at = (size_t)(m - t);
			m += 3;
		}
		if (s->last && s->last_ends_mark)
			bc_diag_add(cx->diags, BC_W_END_MARK_DOUBLED, s->last_pos, NULL);
		if (marks > 1 || (marks == 1 && !ends_with_mark(t, len)))
			bc_diag_add(cx->diags, BC_W_END_MARK_DOUBLED, bc_text_pos(cx, bt, last_at), NULL);
		s->last = n;
		s->last_ends_mark = marks && ends_with_mark(t, len);
		s->last_has_mark = marks > 0;
		s->last_pos = marks ? bc_text_pos(cx, bt, last_at) : n->pos;
	}
}

static int by_key(const void *a, const void *b)
{
	const term *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void end(bc_check_ctx *cx, void *st)
{
	text_state *s = st;
	/* the "./." end mark is Nghị định 30's, for state documents: a Party document ends
	 * with a full stop (rules_party.c) */
	if (s->last && !s->last_has_mark && bc_document_facts(cx->doc)->family != BC_FAMILY_PARTY)
		bc_diag_add(cx->diags, BC_W_END_MARK_MISSING, s->last_pos, NULL);
	if (s->open_quote) {
		if (s->ocr)
			s->ocr_slips++;
		else
			bc_diag_add(cx->diags, BC_W_UNBALANCED, s->open_quote_pos, "“");
	}
	if (s->ocr_slips)
		bc_diag_add(cx->diags, BC_N_OCR_TEXT, s->ocr_first, "%zu", s->ocr_slips);
	/* a term's years: the most frequent form is taken as meant */
	bc_sort(s->terms, s->nterms, sizeof *s->terms, by_key);
	for (size_t i = 0; i < s->nterms;) {
		size_t j = i;
		while (j < s->nterms && !strcmp(s->terms[j].key, s->terms[i].key))
			j++;
		size_t best = i, best_n = 0;
		for (size_t a = i; a < j; a++) {
			size_t c = 0;
			for (size_t b = i; b < j && b - i < 1000; b++)
				c += s->terms[b].y1 == s->terms[a].y1 && s->terms[b].y2 == s->terms[a].y2;
			if (c > best_n) {
				best_n = c;
				best = a;
			}
			if (a - i >= 1000)
				break;
		}
		for (size_t a = i; a < j; a++)
			if (s->terms[a].y1 != s->terms[best].y1 || s->terms[a].y2 != s->terms[best].y2)
				bc_diag_add(cx->diags, BC_W_TERM_YEARS, s->terms[a].pos, "%d-%d ≠ %d-%d", s->terms[a].y1,
				            s->terms[a].y2, s->terms[best].y1, s->terms[best].y2);
		i = j;
	}
	for (size_t i = 0; i < s->nterms; i++)
		free(s->terms[i].key);
	free(s->terms);
	free(s->gaps);
	bc_buf_free(&s->fold);
	free(s);
}

const bc_rule_set bc_rules_text = {
	.name = "text",
	.begin = begin,
	.on_text = on_text,
	.end = end,
};
