/* parse.c — the block parser: classified lines to header, sections, lists, tables, notes, closing and appendices. */
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lex/lines.h"
#include "../lex/patterns.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "inline.h"
#include "table.h"

/* What a run of lines is, before the tree is built. */
typedef enum {
	B_PARA, B_HEADING, B_NUMPARA, B_ITEM, B_NOTE, B_TABLE, B_RULE, B_UNIT,
	B_RECIP_LABEL, B_RECIP_ITEM, B_AUTHORITY, B_POSITION, B_SIGNER,
	B_APPX, B_APPX_TITLE, B_ATTACH,
	/* the body of a decision or resolution */
	B_COMPETENCE, B_BASIS, B_ENACTING, B_ARTICLE, B_CLAUSE, B_POINT
} blk_kind;

typedef struct blk {
	blk_kind kind;
	size_t first, last;     /* line indices; for joined blocks see segs */
	bc_seg *segs;           /* the text pieces, in order */
	size_t nseg, segcap;
	char bullet;
	int note_id;
	const bc_line *label_line;
	bc_table_line *rows;    /* B_TABLE */
	size_t nrows, rowcap;
	uint32_t joined_at;     /* line where a page-split continuation was joined */
	int owner_note;         /* index of the NOTE block this block continues, or -1 */
	int dead;               /* merged into another block */
	int hard_wrapped;
} blk;

typedef struct parser {
	bc_document *doc;
	bc_diags *diags;
	bc_lines lines;
	blk *b;
	size_t nb, cap;
	bc_inline_ctx icx;
	bc_node *meta_signature;  /* from the explicit form's metadata block */
	unsigned char *dk;        /* a decision's body: what each line is (DK_*), by line index; NULL otherwise */
} parser;

/* What a line of a decision's body is, beyond its kind (mark_decision). */
enum { DK_NONE = 0, DK_COMPETENCE, DK_BASIS, DK_BASIS_CONT, DK_ENACTING, DK_ARTICLE, DK_CLAUSE, DK_POINT };

static blk *new_blk(parser *p, blk_kind k, size_t line)
{
	if (p->nb == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 128;
		p->b = bc_xrealloc(p->b, p->cap * sizeof *p->b);
	}
	blk *b = &p->b[p->nb++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	b->first = b->last = line;
	b->owner_note = -1;
	return b;
}

static void add_seg(blk *b, const bc_line *l, size_t off, size_t end, int brk)
{
	if (end <= off)
		return;
	if (b->nseg == b->segcap) {
		b->segcap = b->segcap ? b->segcap * 2 : 4;
		b->segs = bc_xrealloc(b->segs, b->segcap * sizeof *b->segs);
	}
	bc_seg *s = &b->segs[b->nseg++];
	s->s = l->s + off;
	s->len = end - off;
	s->pos = bc_line_pos(l, off);
	s->brk = brk;
}

/* The text of a line from `off` to the end of its content (trailing spaces trimmed). */
static size_t content_end(const bc_line *l)
{
	size_t e = l->len;
	while (e > 0 && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t'))
		e--;
	return e;
}

static size_t core_end(const bc_line *l) { return l->core + l->core_len; }

static void add_line_text(blk *b, const bc_line *l, size_t off, int whole)
{
	size_t end = whole ? content_end(l) : core_end(l);
	if (off > end)
		off = end;
	int brk = b->nseg > 0 && b->segs[b->nseg - 1].brk == 2;
	add_seg(b, l, off, end, brk);
	/* remember that this line ended with two spaces: the next piece starts after a break */
	if (l->hard_break && b->nseg)
		b->segs[b->nseg - 1].brk = b->segs[b->nseg - 1].brk ? 3 : 2;
}

/* Segment brk values: bit 0 = joined to the previous by a line break,
 * bit 1 = the next segment must join by a line break. */
static void fix_breaks(blk *b)
{
	/* backwards, so each piece's "break after me" bit is read before it is overwritten */
	for (size_t i = b->nseg; i-- > 0;) {
		int want_break_before = i > 0 && (b->segs[i - 1].brk & 2);
		b->segs[i].brk = want_break_before;
	}
}

/* A block of one line's text without its decoration: labels, titles, signature lines. */
static blk *line_blk(parser *p, blk_kind k, size_t line)
{
	blk *b = new_blk(p, k, line);
	const bc_line *l = &p->lines.v[line];
	add_line_text(b, l, l->core, 0);
	fix_breaks(b);
	return b;
}

/* ---- the characters at the edges of a block's text ---- */

static uint32_t first_cp(const blk *b)
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

/* The last meaningful character, skipping closing markup, quotes, footnote marks. */
static uint32_t last_cp(const blk *b)
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

static int is_terminal(uint32_t cp)
{
	return cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026;
}

static int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* ---- phase 1: lines to blocks ---- */

static int is_text_kind(bc_line_kind k)
{
	return k == BC_LK_TEXT;
}

/* Hard-wrapped text: a short line ending a sentence closes the paragraph
 * when the lines around it run to a wrap width. */
static int wrap_breaks_here(const bc_line *prev, const bc_line *next)
{
	if (prev->nchars >= 60 || next->nchars < 40)
		return 0;
	uint32_t cp = 0;
	const char *s = prev->s + prev->core;
	size_t n = prev->core_len;
	if (n)
		cp = bc_utf8_prev(s, &n);
	return is_terminal(cp);
}

static void table_row(blk *b, const bc_line *l, int after_break)
{
	if (b->nrows == b->rowcap) {
		b->rowcap = b->rowcap ? b->rowcap * 2 : 16;
		b->rows = bc_xrealloc(b->rows, b->rowcap * sizeof *b->rows);
	}
	bc_table_line *r = &b->rows[b->nrows++];
	memset(r, 0, sizeof *r);
	r->s = l->s;
	r->len = content_end(l);
	if (l->kind == BC_LK_TAB_ROW) {
		/* keep trailing tabs: they are empty cells */
		r->len = l->len;
		while (r->len && (l->s[r->len - 1] == ' ' || l->s[r->len - 1] == '\r'))
			r->len--;
	}
	r->pos = (bc_pos){ l->no, l->col0 };
	r->after_break = after_break;
	r->is_pipe = l->kind != BC_LK_TAB_ROW;
	r->is_rule = l->kind == BC_LK_PIPE_RULE;
}

static int is_table_line(const bc_line *l)
{
	return l->kind == BC_LK_TAB_ROW || l->kind == BC_LK_PIPE_ROW || l->kind == BC_LK_PIPE_RULE;
}

/* Whether the table rows starting at line j continue table t after a gap. */
static int table_continues(const parser *p, const blk *t, size_t j)
{
	const bc_line *l = &p->lines.v[j];
	if (!is_table_line(l) || !t->nrows)
		return 0;
	const bc_table_line *h = &t->rows[0];
	int pipe = l->kind != BC_LK_TAB_ROW;
	if (pipe != h->is_pipe)
		return 0;
	if (bc_table_same_header(h->s, h->len, l->s, l->len))
		return 1;
	if (pipe) {
		/* "| | | |" then a rule: a page break restarting the same table */
		size_t k = 0;
		int empty = 1;
		for (; k < l->len; k++)
			if (l->s[k] != '|' && l->s[k] != ' ')
				empty = 0;
		if (empty)
			return 1;
	}
	int hc = bc_table_count_cells(h->s, h->len, h->is_pipe);
	int lc = bc_table_count_cells(l->s, l->len, pipe);
	return hc == lc;
}

/* The last block ends the text with "./.", the end mark of a document's body. */
static int ends_with_endmark(const parser *p)
{
	if (!p->nb)
		return 0;
	const blk *b = &p->b[p->nb - 1];
	if (!b->nseg || (b->kind != B_PARA && b->kind != B_NUMPARA && b->kind != B_ITEM && b->kind != B_ARTICLE &&
	                 b->kind != B_CLAUSE && b->kind != B_POINT))
		return 0;
	const bc_seg *s = &b->segs[b->nseg - 1];
	size_t e = s->len;
	while (e && (s->s[e - 1] == ' ' || s->s[e - 1] == '*'))
		e--;
	return e >= 3 && memcmp(s->s + e - 3, "./.", 3) == 0;
}

/* ---- the body of a decision or resolution ---- */

static int is_decision(const bc_document *doc)
{
	const bc_node *dt = doc->idx.doctype;
	return dt && (dt->as.line.doctype == BC_DOC_QUYET_DINH || dt->as.line.doctype == BC_DOC_NGHI_QUYET);
}

static int line_pat(bc_pattern_id id, const bc_line *l, size_t *ov)
{
	return bc_pattern_match(id, l->s + l->core, l->core_len, ov, 8) > 0;
}

/* The last code point of a line's core. */
static uint32_t line_last_cp(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len;
	while (n && (s[n - 1] == '*' || s[n - 1] == ' '))
		n--;
	return n ? bc_utf8_prev(s, &n) : 0;
}

static int can_hold_basis(const bc_line *l)
{
	return l->kind != BC_LK_BLANK && l->kind != BC_LK_TAB_ROW && l->kind != BC_LK_PIPE_ROW &&
	       l->kind != BC_LK_PIPE_RULE && l->kind != BC_LK_NOTE && l->kind != BC_LK_RULE &&
	       l->kind != BC_LK_BULLET && l->kind != BC_LK_META_FENCE;
}

/* Marks the lines of a decision's body (from line index i): the issuing
 * authority in capitals, the basis lines, the enacting line, then the
 * articles "Điều N." with their clauses "1." and points "a)". */
static void mark_decision(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	size_t ov[16], n = L->n, enact = n;
	p->dk = bc_xcalloc(n + 1, 1);
	for (size_t k = i; k < n; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_APPENDIX || l->kind == BC_LK_RECIPIENTS || l->kind == BC_LK_AUTHORITY)
			break;
		if ((l->kind == BC_LK_TEXT || l->kind == BC_LK_DOCTYPE) && line_pat(BC_PAT_ENACTING, l, ov)) {
			enact = k;
			break;
		}
	}
	int has_enact = enact < n;
	size_t k = i;
	while (k < n && L->v[k].kind == BC_LK_BLANK)
		k++;
	/* the authority: lines in capitals before the first basis, blank lines between them allowed */
	for (size_t m = k; m < enact; m++) {
		if (L->v[m].kind == BC_LK_BLANK)
			continue;
		if (L->v[m].kind != BC_LK_TEXT || !L->v[m].upper || line_pat(BC_PAT_BASIS, &L->v[m], ov))
			break;
		p->dk[m] = DK_COMPETENCE;
		k = m + 1;
	}
	/* the basis lines: each starts with a basis word, or (before an enacting line) is a block of its own */
	int open = 0;   /* the last basis may go on on this line */
	for (; k < enact; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_BLANK) {
			open = 0;
			continue;
		}
		if (!can_hold_basis(l)) {
			if (!has_enact)
				break;
			open = 0;
			continue;
		}
		uint32_t end = k > i ? line_last_cp(&L->v[k - 1]) : 0;
		if (line_pat(BC_PAT_BASIS, l, ov)) {
			p->dk[k] = DK_BASIS;
		} else if (open && end != ';' && end != '.') {
			p->dk[k] = DK_BASIS_CONT;
		} else if (has_enact) {
			p->dk[k] = DK_BASIS;
		} else {
			break;
		}
		open = 1;
	}
	if (has_enact) {
		p->dk[enact] = DK_ENACTING;
		k = enact + 1;
	}
	/* the articles, in the body and in appendices (a regulation issued with the decision) */
	int in_article = 0;
	for (; k < n; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_RECIPIENTS || l->kind == BC_LK_AUTHORITY || l->kind == BC_LK_APPENDIX) {
			in_article = 0;
			continue;
		}
		if (l->kind == BC_LK_LABEL && in_article) {
			if (l->label_kind == BC_LABEL_ARABIC)
				p->dk[k] = DK_CLAUSE;
			else if (l->label_kind == BC_LABEL_LETTER)
				p->dk[k] = DK_POINT;
			continue;
		}
		if (l->kind != BC_LK_TEXT || !line_pat(BC_PAT_ARTICLE, l, ov))
			continue;
		/* "... quy định tại\nĐiều 5. ..." : a line wrapped in mid-sentence is no article */
		if (k > 0 && L->v[k - 1].kind == BC_LK_TEXT && p->dk[k - 1] != DK_ARTICLE && L->v[k - 1].nchars >= 50) {
			uint32_t end = line_last_cp(&L->v[k - 1]);
			if (end == ',' || bc_cp_is_lower(end))
				continue;
		}
		p->dk[k] = DK_ARTICLE;
		in_article = 1;
	}
}

/* A block of a decision's marked line at *i: the one-line blocks and basis
 * lines are done (NULL, *i past them); an article is returned to go on. */
static blk *decision_blk(parser *p, size_t *i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[*i];
	switch (p->dk[*i]) {
	case DK_COMPETENCE:
		line_blk(p, B_COMPETENCE, (*i)++);
		return NULL;
	case DK_ENACTING:
		line_blk(p, B_ENACTING, (*i)++);
		return NULL;
	case DK_BASIS: case DK_BASIS_CONT: {
		blk *b = new_blk(p, B_BASIS, *i);
		add_line_text(b, l, l->core, 1);
		(*i)++;
		while (*i < L->n && p->dk[*i] == DK_BASIS_CONT) {
			add_line_text(b, &L->v[*i], L->v[*i].core, 1);
			b->last = *i;
			b->hard_wrapped = 1;
			(*i)++;
		}
		fix_breaks(b);
		return NULL;
	}
	default: {
		/* the whole line, label too, so that no word is lost wherever the block ends up */
		blk *b = new_blk(p, B_ARTICLE, *i);
		size_t ov[16];
		b->label_line = l;
		if (line_pat(BC_PAT_ARTICLE, l, ov)) {
			bc_line *ml = &L->v[*i];
			ml->label = ml->core + ov[2];
			ml->label_len = ov[3] - ov[2];
			ml->rest = ml->core + ov[1];
		}
		add_line_text(b, l, l->core, 0);
		return b;
	}
	}
}

/* The signature from line i: authority lines ("TM.", "KT."), position lines
 * in capitals ("CHỦ TỊCH"; a decision may start here, without an authority
 * line), then the name after blank lines.  Returns the line after it. */
static size_t signature_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	while (i < L->n && L->v[i].kind != BC_LK_BLANK &&
	       (L->v[i].kind == BC_LK_AUTHORITY || L->v[i].upper)) {
		line_blk(p, L->v[i].kind == BC_LK_AUTHORITY ? B_AUTHORITY : B_POSITION, i);
		i++;
	}
	size_t k = i;
	while (k < L->n && L->v[k].kind == BC_LK_BLANK)
		k++;
	if (k < L->n && L->v[k].kind == BC_LK_TEXT && !L->v[k].upper && L->v[k].nchars <= 40) {
		line_blk(p, B_SIGNER, k);
		i = k + 1;
	}
	return i;
}

static void collect_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	while (i < L->n) {
		bc_line *l = &L->v[i];
		if (l->kind == BC_LK_BLANK) {
			i++;
			continue;
		}
		blk *b;
		if (p->dk && p->dk[i] && p->dk[i] != DK_CLAUSE && p->dk[i] != DK_POINT) {
			/* a decision's preamble line or article: one-line blocks are done, an article goes on */
			if (!decision_blk(p, &i))
				continue;
			goto wrapped;
		}
		switch (l->kind) {
		case BC_LK_TAB_ROW: case BC_LK_PIPE_ROW: case BC_LK_PIPE_RULE: {
			b = new_blk(p, B_TABLE, i);
			size_t bi = p->nb - 1;
			int after = 0;
			size_t j = i;
			while (j < L->n) {
				bc_line *r = &L->v[j];
				if (is_table_line(r)) {
					table_row(&p->b[bi], r, after);
					p->b[bi].last = j;
					after = 0;
					j++;
					continue;
				}
				/* across blank lines and footnote texts, when the table goes on */
				size_t k = j;
				int notes = 0;
				while (k < L->n && (L->v[k].kind == BC_LK_BLANK || L->v[k].kind == BC_LK_NOTE ||
				                    (notes && L->v[k].kind == BC_LK_TEXT)))
					notes |= L->v[k++].kind == BC_LK_NOTE;
				if (k < L->n && k > j && table_continues(p, &p->b[bi], k)) {
					for (size_t m = j; m < k; m++) {
						if (L->v[m].kind == BC_LK_BLANK)
							continue;
						/* a footnote between the table's pages: a block of its own */
						blk *nb = new_blk(p, L->v[m].kind == BC_LK_NOTE ? B_NOTE : B_PARA, m);
						if (L->v[m].kind == BC_LK_NOTE) {
							nb->note_id = L->v[m].note_id;
							add_line_text(nb, &L->v[m], L->v[m].rest, 1);
						} else {
							add_line_text(nb, &L->v[m], L->v[m].core, 1);
						}
						fix_breaks(nb);
					}
					after = 1;
					j = k;
					continue;
				}
				break;
			}
			i = j;
			continue;
		}
		case BC_LK_RULE:
			new_blk(p, B_RULE, i);
			i++;
			continue;
		case BC_LK_UNIT:
			line_blk(p, B_UNIT, i);
			i++;
			continue;
		case BC_LK_RECIPIENTS: {
			b = new_blk(p, B_RECIP_LABEL, i);
			/* "Nơi nhận:" may carry its first recipient on the same line */
			add_line_text(b, l, l->core, 0);
			i++;
			while (i < L->n) {
				bc_line *r = &L->v[i];
				if (r->kind == BC_LK_BLANK) {
					size_t k = i;
					while (k < L->n && L->v[k].kind == BC_LK_BLANK)
						k++;
					if (k < L->n && L->v[k].kind == BC_LK_BULLET) {
						i = k;
						continue;
					}
					break;
				}
				if (r->kind != BC_LK_BULLET)
					break;
				blk *it = new_blk(p, B_RECIP_ITEM, i);
				it->bullet = r->bullet;
				add_line_text(it, r, r->rest, 1);
				fix_breaks(it);
				i++;
			}
			continue;
		}
		case BC_LK_AUTHORITY:
			i = signature_blocks(p, i);
			continue;
		case BC_LK_APPENDIX: {
			line_blk(p, B_APPX, i);
			i++;
			/* title lines: capitals or decorated, until a blank line or the attach line */
			blk *t = NULL;
			while (i < L->n && L->v[i].kind != BC_LK_BLANK) {
				bc_line *r = &L->v[i];
				if (r->kind == BC_LK_ATTACH || is_table_line(r))
					break;
				t = line_blk(p, B_APPX_TITLE, i);
				i++;
			}
			/* a title after a blank line, when the first line was only the label */
			if (!t) {
				size_t k = i;
				while (k < L->n && L->v[k].kind == BC_LK_BLANK)
					k++;
				if (k < L->n && L->v[k].upper && L->v[k].kind == BC_LK_TEXT) {
					i = k;
					while (i < L->n && L->v[i].kind == BC_LK_TEXT) {
						t = line_blk(p, B_APPX_TITLE, i);
						i++;
					}
				}
			}
			continue;
		}
		case BC_LK_ATTACH:
			line_blk(p, B_ATTACH, i);
			i++;
			continue;
		case BC_LK_NOTE:
			b = new_blk(p, B_NOTE, i);
			b->note_id = l->note_id;
			add_line_text(b, l, l->rest, 1);
			break;
		case BC_LK_LABEL:
			b = new_blk(p, !p->dk ? B_NUMPARA : p->dk[i] == DK_CLAUSE ? B_CLAUSE : p->dk[i] == DK_POINT ? B_POINT : B_NUMPARA, i);
			b->label_line = l;
			add_line_text(b, l, l->rest, 1);
			break;
		case BC_LK_BULLET:
			b = new_blk(p, B_ITEM, i);
			b->bullet = l->bullet;
			add_line_text(b, l, l->rest, 1);
			break;
		default:
			if (p->dk && l->upper && l->kind == BC_LK_TEXT && p->nb &&
			    (ends_with_endmark(p) || p->b[p->nb - 1].kind == B_RECIP_ITEM)) {
				/* a decision signed by the head himself: "CHỦ TỊCH", then the name, after ./. or Nơi nhận */
				i = signature_blocks(p, i);
				continue;
			}
			if (l->upper && ends_with_endmark(p)) {
				while (i < L->n && L->v[i].kind != BC_LK_BLANK && L->v[i].upper) {
					line_blk(p, B_AUTHORITY, i);
					i++;
				}
				continue;
			}
			b = new_blk(p, B_PARA, i);
			add_line_text(b, l, l->core == 0 ? 0 : l->core, 1);
			break;
		}
		/* lines that continue the block: wrapped text without a blank line */
	wrapped:;
		size_t bi = p->nb - 1;
		i++;
		while (i < L->n && is_text_kind(L->v[i].kind) && !L->v[i].upper && !(p->dk && p->dk[i]) &&
		       !wrap_breaks_here(&L->v[i - 1], &L->v[i])) {
			add_line_text(&p->b[bi], &L->v[i], L->v[i].core, 1);
			p->b[bi].last = i;
			p->b[bi].hard_wrapped = 1;
			i++;
		}
		/* the text of a decorated first line may carry markup the core dropped: keep it whole */
		fix_breaks(&p->b[bi]);
	}
}

/* ---- phase 2: headings, page-split joins and footnote continuations ---- */

/* Siblings numbered in one sequence are alike: a sequence that is mostly
 * headings is all headings, one that is mostly sentences is all paragraphs. */
static void settle_group(parser *p, size_t *idx, size_t n)
{
	if (n < 2)
		return;
	size_t heads = 0;
	for (size_t i = 0; i < n; i++)
		heads += p->b[idx[i]].kind == B_HEADING;
	blk_kind k = 2 * heads >= n ? B_HEADING : B_NUMPARA;
	for (size_t i = 0; i < n; i++) {
		blk *b = &p->b[idx[i]];
		/* a decorated line is a heading whatever its neighbours are */
		if (k == B_NUMPARA && b->label_line->decorated)
			continue;
		/* several lines of text, or a clause ending in ";", are a paragraph whatever its neighbours are */
		if (k == B_HEADING && (b->first != b->last || last_cp(b) == ';'))
			continue;
		b->kind = k;
	}
}

static void decide_headings(parser *p)
{
	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->kind != B_NUMPARA)
			continue;
		const bc_line *l = b->label_line;
		uint32_t cp = last_cp(b);
		int single = b->first == b->last;
		if (single && (l->decorated || (l->nchars <= 300 && cp != '.' && cp != ';')))
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
	bc_diag_add(p->diags, BC_W_PAGE_SPLIT, from->segs ? from->segs[0].pos : (bc_pos){ p->lines.v[from->first].no, 1 }, NULL);
}

static int is_texty(const blk *b)
{
	return b->kind == B_PARA || b->kind == B_NUMPARA || b->kind == B_ITEM || b->kind == B_HEADING ||
	       b->kind == B_BASIS || b->kind == B_CLAUSE || b->kind == B_POINT;
}

/* Does block b read as the rest of `prev`, cut by a page break? */
static int continues(const blk *prev, const blk *b)
{
	if (!prev || !b->nseg || !is_texty(prev))
		return 0;
	uint32_t end = last_cp(prev);
	uint32_t c = first_cp(b);
	/* a paragraph never starts in lower case: after ";" or ":" too, it is the rest of the last one */
	if (b->kind == B_PARA && bc_cp_is_lower(c) && end && end != '.' && end != '!' && end != '?' &&
	    prev->kind != B_HEADING)
		return 1;
	if (is_terminal(end) || end == 0)
		return 0;
	if (prev->kind == B_HEADING)
		return bc_cp_is_lower(c) && b->kind == B_PARA;
	if (bc_cp_is_lower(c))
		return b->kind == B_PARA;
	if (b->kind != B_PARA)
		return 0;
	if (is_digit_cp(c) || c == '(')
		return 1;
	return end == ',' || end == '-' || end == 0x2013;
}

/* The bullet a note's own text starts with: "⁴ - Ngày bầu cử..." */
static char note_bullet(const blk *b)
{
	if (!b->nseg || b->segs[0].len < 2)
		return 0;
	char c = b->segs[0].s[0];
	return (c == '-' || c == '+') && b->segs[0].s[1] == ' ' ? c : 0;
}

/* Whether a block's text holds a footnote reference: a note's own text does not. */
static int has_noteref(const blk *b)
{
	for (size_t i = 0; i < b->nseg; i++) {
		const char *s = b->segs[i].s;
		size_t n = b->segs[i].len;
		for (size_t k = 0; k + 1 < n; k++) {
			unsigned char c = (unsigned char)s[k];
			if (c == 0xC2 && ((unsigned char)s[k + 1] == 0xB9 || (unsigned char)s[k + 1] == 0xB2 ||
			                  (unsigned char)s[k + 1] == 0xB3))
				return 1;
			if (c == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x81 &&
			    (unsigned char)s[k + 2] >= 0xB0 && (unsigned char)s[k + 2] <= 0xB9)
				return 1;
			if (c == '<' && n - k >= 6 && memcmp(s + k, "<sup>", 5) == 0 && s[k + 5] >= '0' && s[k + 5] <= '9')
				return 1;
		}
	}
	return 0;
}

static void attach_continuations(parser *p)
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
			note_items = note_bullet(b);
			if (!run_start)
				run_start = b;
			continue;
		}
		if (in_notes) {
			if (continues(last_text, b)) {
				join(p, last_text, b);
				bc_diag_add(p->diags, BC_W_NOTE_MISPLACED, (bc_pos){ p->lines.v[run_start->first].no, 1 }, NULL);
				in_notes = 0;
				run_start = NULL;
				continue;
			}
			if ((b->kind == B_PARA || b->kind == B_ITEM) && !b->label_line) {
				int back_to_body = b->kind == B_ITEM && body_bullet && b->bullet == body_bullet &&
				                   note_items != b->bullet;
				if (after_heading && b->kind == B_PARA && !bc_cp_is_lower(first_cp(b)))
					back_to_body = 1;
				if (has_noteref(b))
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
		if (continues(last_text, b)) {
			join(p, last_text, b);
			continue;
		}
		last_text = is_texty(b) ? b : NULL;
		if (b->kind == B_TABLE || b->kind == B_RULE || b->kind == B_APPX || b->kind == B_RECIP_LABEL ||
		    b->kind == B_AUTHORITY)
			last_text = NULL;
	}
	/* a heading that a page break cut and whose rest was joined is a numbered paragraph */
	for (size_t k = 0; k < p->nb; k++)
		if (p->b[k].kind == B_HEADING && p->b[k].joined_at)
			p->b[k].kind = B_NUMPARA;
}

/* ---- phase 3: the tree ---- */

static bc_pos blk_pos(const parser *p, const blk *b)
{
	if (b->nseg)
		return b->segs[0].pos;
	return (bc_pos){ p->lines.v[b->first].no, p->lines.v[b->first].col0 };
}

static void fill_inline(parser *p, bc_node *n, blk *b)
{
	bc_inline_parse(&p->icx, n, b->segs, b->nseg);
	n->end_line = p->lines.v[b->last].no;
}

static bc_node *line_node(parser *p, bc_role role, blk *b)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_LINE, blk_pos(p, b));
	n->as.line.role = role;
	fill_inline(p, n, b);
	return n;
}

static bc_str dup(parser *p, const char *s, size_t n) { return bc_str_dup(p->doc, s, n); }

/* "Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026" and "Số: 03 /CT-UBND". */
static void parse_ref(parser *p, bc_node *n, const char *s, size_t len)
{
	size_t ov[16];
	if (bc_pattern_search(BC_PAT_DOC_REF, s, len, 0, ov, 8)) {
		n->as.line.number = dup(p, s + ov[2], ov[3] - ov[2]);
		n->as.line.symbol = dup(p, s + ov[4], ov[5] - ov[4]);
	} else {
		/* "số -CTr/TU": a blank number in a draft */
		const char *q = NULL;
		for (size_t i = 0; i + 4 <= len; i++)
			if (memcmp(s + i, "số ", 4) == 0) { q = s + i + 4; break; }
		if (q) {
			const char *e = q;
			while (e < s + len && *e == ' ')
				e++;
			if (e < s + len && (*e == '/' || *e == '-')) {
				e++;
				const char *f = e;
				while (f < s + len && *f != ' ')
					f++;
				n->as.line.symbol = dup(p, e, (size_t)(f - e));
			}
		}
	}
	bc_date d = { 0, 0, 0 };
	if (bc_parse_date_words(s, len, &d))
		n->as.line.date = d;
	static const struct { const char *w; bc_doctype t; } kinds[] = {
		{ "Báo cáo", BC_DOC_BAO_CAO }, { "Chỉ thị", BC_DOC_CHI_THI }, { "Chương trình", BC_DOC_CHUONG_TRINH },
		{ "Kế hoạch", BC_DOC_KE_HOACH }, { "Quyết định", BC_DOC_QUYET_DINH }, { "Nghị quyết", BC_DOC_NGHI_QUYET },
		{ "Công văn", BC_DOC_CONG_VAN }, { "Thông báo", BC_DOC_THONG_BAO }, { "Tờ trình", BC_DOC_TO_TRINH },
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t wl = strlen(kinds[k].w);
		for (size_t i = 0; i + wl <= len && i < 40; i++)
			if (memcmp(s + i, kinds[k].w, wl) == 0) {
				n->as.line.doctype = kinds[k].t;
				return;
			}
	}
}

static void plain(const bc_node *n, bc_buf *out)
{
	bc_buf_clear(out);
	bc_node_plain_text(n, out);
}

typedef struct builder {
	bc_node *root;                  /* BODY or APPENDIX */
	bc_node *sect[BC_LABEL_KIND_COUNT + 1]; /* open sections, outermost first; each kind at most once */
	int nsect;
	bc_node *list, *sublist;        /* the list being filled, and a nested "+" list */
	char list_bullet;
	bc_node *unit_node;
} builder;

static bc_node *container(builder *bd)
{
	return bd->nsect ? bd->sect[bd->nsect - 1] : bd->root;
}

static int is_major(bc_label_kind k)
{
	return k == BC_LABEL_ROMAN || k == BC_LABEL_ARABIC || k == BC_LABEL_DOTTED2 || k == BC_LABEL_DOTTED3;
}

/* Closes the sections a label of kind k ends: back to an open section of the
 * same kind; for I, 1, 1.1, 1.1.1 everything of their rank or below; minor
 * labels (a), (1), *) end nothing, since offices nest them in either order. */
static void close_for(builder *bd, bc_label_kind k)
{
	for (int i = bd->nsect - 1; i >= 0; i--)
		if (bd->sect[i]->as.section.kind == k) {
			bd->nsect = i;
			return;
		}
	if (!is_major(k))
		return;
	int rank = bc_label_level(k);
	while (bd->nsect && bc_label_level(bd->sect[bd->nsect - 1]->as.section.kind) >= rank)
		bd->nsect--;
}

static void end_list(builder *bd)
{
	bd->list = bd->sublist = NULL;
	bd->list_bullet = 0;
}

static bc_str label_str(parser *p, const bc_line *l)
{
	return dup(p, l->s + l->label, l->label_len);
}

static void add_heading(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	int level = bc_label_level(l->label_kind);
	end_list(bd);
	close_for(bd, l->label_kind);
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = level;
	s->as.section.kind = l->label_kind;
	s->as.section.label = l->label_kind == BC_LABEL_STAR ? dup(p, "*", 1) : label_str(p, l);
	bc_node *h = bc_node_new(p->doc, BC_NODE_HEADING, s->pos);
	/* the heading's text is the core after the label: whole-line decoration is consumed */
	blk hb = *b;
	bc_seg seg;
	size_t end = l->core + l->core_len;
	size_t off = l->rest < end ? l->rest : end;
	seg.s = l->s + off;
	seg.len = end - off;
	seg.pos = bc_line_pos(l, off);
	seg.brk = 0;
	hb.segs = &seg;
	hb.nseg = 1;
	fill_inline(p, h, &hb);
	bc_node_append(s, h);
	bc_node_append(container(bd), s);
	if (bd->nsect < BC_LABEL_KIND_COUNT)
		bd->sect[bd->nsect++] = s;
}

static void add_item(parser *p, builder *bd, blk *b, bc_node *root_override)
{
	bc_node *parent = root_override ? root_override : container(bd);
	bc_node *it = bc_node_new(p->doc, BC_NODE_ITEM, blk_pos(p, b));
	it->as.item.bullet = b->bullet;
	fill_inline(p, it, b);
	if (root_override) {
		/* inside a note: a list of its own */
		bc_node *lst = parent->last && parent->last->type == BC_NODE_LIST && parent->last->as.list.bullet == b->bullet
		                   ? parent->last : NULL;
		if (!lst) {
			lst = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
			lst->as.list.bullet = b->bullet;
			bc_node_append(parent, lst);
		}
		bc_node_append(lst, it);
		return;
	}
	if (bd->list && bd->list_bullet != b->bullet && b->bullet == '+' && bd->list->last) {
		/* "+" under a "-" item: a nested list */
		if (!bd->sublist) {
			bd->sublist = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
			bd->sublist->as.list.bullet = '+';
			bc_node_append(bd->list->last, bd->sublist);
		}
		bc_node_append(bd->sublist, it);
		return;
	}
	if (!bd->list || bd->list_bullet != b->bullet) {
		bd->list = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
		bd->list->as.list.bullet = b->bullet;
		bd->list_bullet = b->bullet;
		bc_node_append(parent, bd->list);
	}
	bd->sublist = NULL;
	bc_node_append(bd->list, it);
}

static bc_node *make_para(parser *p, blk *b)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_PARAGRAPH, blk_pos(p, b));
	if (b->kind == B_NUMPARA || b->kind == B_HEADING || b->kind == B_CLAUSE || b->kind == B_POINT) {
		const bc_line *l = b->label_line;
		n->as.para.kind = l->label_kind;
		n->as.para.label = l->label_kind == BC_LABEL_STAR ? dup(p, "*", 1) : label_str(p, l);
		n->pos = bc_line_pos(l, l->core);
	}
	n->as.para.joined_at = b->joined_at;
	n->as.para.hard_wrapped = b->hard_wrapped;
	fill_inline(p, n, b);
	return n;
}

static void add_table(parser *p, builder *bd, blk *b, bc_node *parent)
{
	bc_node *t = bc_table_build(p->doc, p->diags, b->rows, b->nrows, bc_inline_cell, &p->icx);
	if (!t)
		return;
	if (bd && bd->unit_node && bd->unit_node->parent == parent && bd->unit_node == parent->last) {
		bc_buf tmp = BC_BUF_INIT;
		plain(bd->unit_node, &tmp);
		const char *c = strchr(bc_buf_cstr(&tmp), ':');
		if (c) {
			c++;
			while (*c == ' ')
				c++;
			t->as.table.unit = dup(p, c, strlen(c));
		}
		bc_buf_free(&tmp);
	}
	bc_node_append(parent, t);
}

static bc_node *closing_node(parser *p)
{
	if (!p->doc->closing) {
		p->doc->closing = bc_node_new(p->doc, BC_NODE_CLOSING, (bc_pos){ 1, 1 });
		bc_node_append(p->doc->root, p->doc->closing);
	}
	return p->doc->closing;
}

static bc_node *notes_node(parser *p)
{
	if (!p->doc->notes)
		p->doc->notes = bc_node_new(p->doc, BC_NODE_NOTES, (bc_pos){ 1, 1 });
	return p->doc->notes;
}

/* Where the tree is being built: the open container, and the closing's parts. */
typedef struct tree_state {
	builder bd;
	bc_node **note_of;              /* NOTE node made from each NOTE block, by block index */
	bc_node *signature, *recipients, *appendix;
	int in_closing;
} tree_state;

static void add_note(parser *p, tree_state *ts, size_t k)
{
	blk *b = &p->b[k];
	const bc_line *l = &p->lines.v[b->first];
	bc_node *n = bc_node_new(p->doc, BC_NODE_NOTE, (bc_pos){ l->no, l->col0 });
	n->as.note.id = b->note_id;
	n->as.note.mark = dup(p, l->s + l->core, l->rest - l->core);
	/* the mark's trailing space and "[^1]: " punctuation are not part of it */
	while (n->as.note.mark.len && (n->as.note.mark.s[n->as.note.mark.len - 1] == ' ' ||
	                              n->as.note.mark.s[n->as.note.mark.len - 1] == ':'))
		n->as.note.mark.len--;
	char nb = note_bullet(b);
	if (nb) {
		/* "⁴ - Ngày bầu cử...": the note is a list */
		blk item = *b;
		item.kind = B_ITEM;
		item.bullet = nb;
		bc_seg *segs = bc_xmalloc(b->nseg * sizeof *segs);
		memcpy(segs, b->segs, b->nseg * sizeof *segs);
		segs[0].s += 2;
		segs[0].len -= 2;
		segs[0].pos.col += 2;
		item.segs = segs;
		add_item(p, &ts->bd, &item, n);
		free(segs);
	} else {
		bc_node_append(n, make_para(p, b));
	}
	bc_node_append(notes_node(p), n);
	ts->note_of[k] = n;
}

static void open_appendix(parser *p, tree_state *ts, blk *b)
{
	end_list(&ts->bd);
	ts->in_closing = 0;
	bc_node *a = bc_node_new(p->doc, BC_NODE_APPENDIX, blk_pos(p, b));
	const bc_line *l = &p->lines.v[b->first];
	size_t ov[8];
	if (bc_pattern_match(BC_PAT_APPENDIX, l->s + l->core, l->core_len, ov, 4) >= 2 && ov[2] != (size_t)-1)
		a->as.appendix.label = dup(p, l->s + l->core + ov[2], ov[3] - ov[2]);
	else
		a->as.appendix.label = dup(p, "", 0);
	bc_node *lab = line_node(p, BC_ROLE_APPX_LABEL, b);
	lab->as.line.label = a->as.appendix.label;
	bc_node_append(a, lab);
	bc_node_append(p->doc->root, a);
	memset(&ts->bd, 0, sizeof ts->bd);
	ts->bd.root = a;
	ts->appendix = a;
}

/* Authority, position and name lines; a new authority after a position starts another signature. */
static void add_signature_line(parser *p, tree_state *ts, blk *b)
{
	bc_document *doc = p->doc;
	end_list(&ts->bd);
	ts->in_closing = 1;
	if (!ts->signature || (b->kind == B_AUTHORITY && ts->signature->last &&
	                       ts->signature->last->as.line.role != BC_ROLE_AUTHORITY)) {
		ts->signature = bc_node_new(doc, BC_NODE_SIGNATURE, blk_pos(p, b));
		bc_node_append(closing_node(p), ts->signature);
	}
	bc_role role = b->kind == B_AUTHORITY ? BC_ROLE_AUTHORITY : b->kind == B_POSITION ? BC_ROLE_POSITION : BC_ROLE_SIGNER;
	bc_node *n = line_node(p, role, b);
	bc_node_append(ts->signature, n);
	if (role == BC_ROLE_SIGNER)
		doc->idx.signer = n;
	else if (role == BC_ROLE_POSITION && !doc->idx.position)
		doc->idx.position = n;
	else if (role == BC_ROLE_AUTHORITY && !doc->idx.authority_first)
		doc->idx.authority_first = n;
}

static void add_body_block(parser *p, builder *bd, blk *b);

/* "Điều 2. Nhiệm vụ của Ban Chỉ đạo": a title when the label's line is one
 * line of no more than 200 characters not ending as a sentence or clause does. */
static int article_has_title(const blk *b, size_t skip)
{
	if (b->first != b->last || b->nseg != 1 || b->segs[0].len <= skip)
		return 0;
	uint32_t cp = last_cp(b);
	if (cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ',')
		return 0;
	return bc_utf8_count(b->segs[0].s + skip, b->segs[0].len - skip) <= 200;
}

/* An article: a section of its own at the top of the body or appendix. */
static void add_article(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	end_list(bd);
	bd->nsect = 0;
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(BC_LABEL_ARTICLE);
	s->as.section.kind = BC_LABEL_ARTICLE;
	s->as.section.label = label_str(p, l);
	bc_node_append(container(bd), s);
	bd->sect[bd->nsect++] = s;
	/* the block's text starts with the label: what follows it is the title or the text */
	size_t skip = l->rest > l->core ? l->rest - l->core : 0;
	blk rest = *b;
	bc_seg *segs = bc_xmalloc((b->nseg ? b->nseg : 1) * sizeof *segs);
	memcpy(segs, b->segs, b->nseg * sizeof *segs);
	rest.segs = segs;
	if (rest.nseg && segs[0].len >= skip) {
		segs[0].s += skip;
		segs[0].len -= skip;
		segs[0].pos = bc_line_pos(l, l->core + skip);
		if (!segs[0].len) {
			memmove(segs, segs + 1, (rest.nseg - 1) * sizeof *segs);
			rest.nseg--;
		}
	}
	bc_node *h = bc_node_new(p->doc, BC_NODE_HEADING, s->pos);
	if (rest.nseg && article_has_title(b, skip)) {
		fill_inline(p, h, &rest);
		bc_node_append(s, h);
	} else {
		bc_node_append(s, h);
		if (rest.nseg) {
			/* "Điều 3. Quyết định này có hiệu lực...": the text runs on after the label */
			rest.kind = B_PARA;
			s->as.section.run_in = 1;
			bc_node_append(s, make_para(p, &rest));
		}
	}
	free(segs);
}

/* A clause "1." (in an article) or a point "a)" (in a clause or an article):
 * a section without heading whose first child is its labelled paragraph. */
static void add_clause(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	bc_label_kind k = b->kind == B_CLAUSE ? BC_LABEL_ARABIC : BC_LABEL_LETTER;
	int article_open = 0;
	for (int i = 0; i < bd->nsect; i++)
		article_open |= bd->sect[i]->as.section.kind == BC_LABEL_ARTICLE;
	if (!article_open) {
		/* no article to hold it (a heading closed it): a numbered paragraph as anywhere else */
		b->kind = B_NUMPARA;
		add_body_block(p, bd, b);
		return;
	}
	end_list(bd);
	while (bd->nsect) {
		bc_label_kind top = bd->sect[bd->nsect - 1]->as.section.kind;
		if (top == BC_LABEL_ARTICLE || (k == BC_LABEL_LETTER && top == BC_LABEL_ARABIC))
			break;
		bd->nsect--;
	}
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = bc_label_level(k);
	s->as.section.kind = k;
	s->as.section.label = label_str(p, l);
	bc_node_append(s, make_para(p, b));
	bc_node_append(container(bd), s);
	if (bd->nsect < BC_LABEL_KIND_COUNT)
		bd->sect[bd->nsect++] = s;
}

/* Blocks of the body or an appendix: sections, lists, tables, paragraphs. */
static void add_body_block(parser *p, builder *bd, blk *b)
{
	switch (b->kind) {
	case B_HEADING:
		add_heading(p, bd, b);
		break;
	case B_ITEM:
		add_item(p, bd, b, NULL);
		break;
	case B_TABLE:
		end_list(bd);
		add_table(p, bd, b, container(bd));
		break;
	case B_RULE:
		end_list(bd);
		bc_node_append(container(bd), bc_node_new(p->doc, BC_NODE_RULE, blk_pos(p, b)));
		break;
	case B_UNIT:
		end_list(bd);
		bd->unit_node = line_node(p, BC_ROLE_UNIT, b);
		bc_node_append(container(bd), bd->unit_node);
		break;
	default:
		end_list(bd);
		/* "2. ..." as a paragraph is a sibling of section 1., not inside it */
		if (b->kind == B_NUMPARA && b->label_line)
			close_for(bd, b->label_line->label_kind);
		bc_node_append(container(bd), make_para(p, b));
		break;
	}
}

static void build_tree(parser *p)
{
	bc_document *doc = p->doc;
	tree_state ts;
	memset(&ts, 0, sizeof ts);
	ts.bd.root = doc->body;
	ts.note_of = bc_xcalloc(p->nb + 1, sizeof *ts.note_of);

	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->dead)
			continue;
		if (b->owner_note >= 0 && ts.note_of[b->owner_note]) {
			bc_node *note = ts.note_of[b->owner_note];
			if (b->kind == B_ITEM)
				add_item(p, &ts.bd, b, note);
			else
				bc_node_append(note, make_para(p, b));
			continue;
		}
		switch (b->kind) {
		case B_NOTE:
			add_note(p, &ts, k);
			continue;
		case B_APPX:
			open_appendix(p, &ts, b);
			continue;
		case B_APPX_TITLE:
			if (ts.appendix && ts.bd.root == ts.appendix) {
				bc_node_append(ts.appendix, line_node(p, BC_ROLE_APPX_TITLE, b));
				continue;
			}
			break;
		case B_ATTACH: {
			bc_node *n = line_node(p, BC_ROLE_APPX_ATTACH, b);
			bc_buf t = BC_BUF_INIT;
			plain(n, &t);
			parse_ref(p, n, t.s ? t.s : "", t.len);
			bc_buf_free(&t);
			bc_node_append(ts.appendix && ts.bd.root == ts.appendix ? ts.appendix : container(&ts.bd), n);
			continue;
		}
		case B_RECIP_LABEL:
			end_list(&ts.bd);
			ts.in_closing = 1;
			ts.recipients = bc_node_new(doc, BC_NODE_RECIPIENTS, blk_pos(p, b));
			bc_node_append(ts.recipients, line_node(p, BC_ROLE_RECIPIENTS_LABEL, b));
			bc_node_append(closing_node(p), ts.recipients);
			doc->idx.recipients = ts.recipients;
			continue;
		case B_RECIP_ITEM: {
			bc_node *it = bc_node_new(doc, BC_NODE_ITEM, blk_pos(p, b));
			it->as.item.bullet = b->bullet;
			fill_inline(p, it, b);
			bc_node_append(ts.recipients ? ts.recipients : closing_node(p), it);
			continue;
		}
		case B_AUTHORITY: case B_POSITION: case B_SIGNER:
			add_signature_line(p, &ts, b);
			continue;
		case B_COMPETENCE: case B_BASIS: case B_ENACTING: {
			if (ts.in_closing)
				break;
			end_list(&ts.bd);
			bc_node *n = line_node(p, b->kind == B_COMPETENCE ? BC_ROLE_COMPETENCE :
			                          b->kind == B_BASIS ? BC_ROLE_BASIS : BC_ROLE_ENACTING, b);
			bc_node_append(container(&ts.bd), n);
			if (b->kind == B_ENACTING && !doc->idx.enacting)
				doc->idx.enacting = n;
			continue;
		}
		case B_ARTICLE:
			if (ts.in_closing) {
				b->kind = B_PARA;   /* after the signature: a paragraph of the closing, label and all */
				break;
			}
			add_article(p, &ts.bd, b);
			continue;
		case B_CLAUSE: case B_POINT:
			if (ts.in_closing)
				break;
			add_clause(p, &ts.bd, b);
			continue;
		default:
			break;
		}
		if (ts.in_closing) {
			/* text after Nơi nhận or the signature belongs to the closing */
			bc_node_append(closing_node(p), make_para(p, b));
			continue;
		}
		add_body_block(p, &ts.bd, b);
	}
	free(ts.note_of);
}

/* ---- the header block ---- */

/* The dateline is itself the header's date: no date node inside it. */
static void unwrap_dates(bc_node *n)
{
	for (bc_node *c = n->first, *next; c; c = next) {
		next = c->next;
		if (c->type != BC_NODE_DATE)
			continue;
		/* move the date's children before it, last first, then drop it */
		bc_node *at = c;
		while (c->last) {
			bc_node *k = c->last;
			bc_node_unlink(k);
			if (at->prev)
				bc_node_insert_after(at->prev, k);
			else
				bc_node_prepend(n, k);
			at = k;
		}
		bc_node_unlink(c);
	}
}

static void header_line(parser *p, bc_role role, const bc_line *l, blk *tmp)
{
	memset(tmp, 0, sizeof *tmp);
	tmp->first = tmp->last = (size_t)(l - p->lines.v);
	/* an addressee listed as "- Sở A;" keeps its text, not the dash */
	add_line_text(tmp, l, l->kind == BC_LK_BULLET ? l->rest : l->core, 0);
	fix_breaks(tmp);
	bc_node *n = line_node(p, role, tmp);
	if (role == BC_ROLE_DATELINE)
		unwrap_dates(n);
	bc_node_append(p->doc->meta, n);
	bc_buf t = BC_BUF_INIT;
	plain(n, &t);
	const char *s = bc_buf_cstr(&t);
	size_t ov[16];
	switch (role) {
	case BC_ROLE_NUMBER:
		if (bc_pattern_match(BC_PAT_NUMBER, s, t.len, ov, 8)) {
			if (ov[2] != (size_t)-1)
				n->as.line.number = dup(p, s + ov[2], ov[3] - ov[2]);
			if (ov[4] != (size_t)-1)
				n->as.line.symbol = dup(p, s + ov[4], ov[5] - ov[4]);
		}
		p->doc->idx.number = n;
		break;
	case BC_ROLE_DATELINE:
		if (bc_pattern_match(BC_PAT_DATELINE, s, t.len, ov, 8)) {
			n->as.line.place = dup(p, s + ov[2], ov[3] - ov[2]);
			int v[3] = { 0, 0, 0 };
			/* "..." or "…" for a blank day or month counts as blank */
			for (int g = 0; g < 3; g++)
				for (size_t i = ov[4 + 2 * g]; i < ov[5 + 2 * g]; i++)
					if (s[i] >= '0' && s[i] <= '9')
						v[g] = v[g] * 10 + (s[i] - '0');
			n->as.line.date = (bc_date){ v[0], v[1], v[2] };
		}
		p->doc->idx.dateline = n;
		break;
	case BC_ROLE_DOCTYPE:
		n->as.line.doctype = l->doctype;
		p->doc->idx.doctype = n;
		break;
	case BC_ROLE_DRAFT: p->doc->idx.draft = n; break;
	case BC_ROLE_URGENCY: p->doc->idx.urgency = n; break;
	case BC_ROLE_SUMMARY: p->doc->idx.summary = n; break;
	case BC_ROLE_ISSUER:
		if (!p->doc->idx.issuer_first)
			p->doc->idx.issuer_first = n;
		p->doc->idx.issuer_last = n;
		break;
	default:
		break;
	}
	bc_buf_free(&t);
	free(tmp->segs);
	tmp->segs = NULL;
}

/* Where a line's text starts once spaces and "#" heading marks are skipped. */
static size_t md_start(const bc_line *l)
{
	size_t a = 0;
	while (a < l->len && (l->s[a] == ' ' || l->s[a] == '\t'))
		a++;
	size_t h = a;
	while (h < l->len && l->s[h] == '#')
		h++;
	if (h > a && h - a <= 6 && (h == l->len || l->s[h] == ' ')) {
		a = h;
		while (a < l->len && l->s[a] == ' ')
			a++;
	}
	return a;
}

/* A block of lines joined into one LINE node (title, summary). */
static size_t header_block(parser *p, bc_role role, size_t i)
{
	bc_lines *L = &p->lines;
	blk tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.first = i;
	while (i < L->n && L->v[i].kind != BC_LK_BLANK &&
	       (i == tmp.first || L->v[i].kind == BC_LK_TEXT)) {
		/* a decision's issuing authority in capitals right under its title */
		if (role == BC_ROLE_TITLE && i > tmp.first && L->v[i].upper && !L->v[tmp.first].upper &&
		    is_decision(p->doc))
			break;
		/* the whole line, so that "**" opened on the first line and closed on the last is kept */
		add_line_text(&tmp, &L->v[i], md_start(&L->v[i]), 1);
		tmp.last = i;
		i++;
	}
	fix_breaks(&tmp);
	bc_node *n = line_node(p, role, &tmp);
	bc_node_append(p->doc->meta, n);
	if (role == BC_ROLE_TITLE)
		p->doc->idx.title = n;
	else if (role == BC_ROLE_SUMMARY)
		p->doc->idx.summary = n;
	free(tmp.segs);
	return i;
}

static size_t parse_header(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	int seen_type = 0, seen_title = 0;
	blk tmp;
	while (i < L->n) {
		const bc_line *l = &L->v[i];
		if (l->kind == BC_LK_BLANK) {
			i++;
			continue;
		}
		switch (l->kind) {
		case BC_LK_NUMBER: header_line(p, BC_ROLE_NUMBER, l, &tmp); i++; continue;
		case BC_LK_DRAFT: header_line(p, BC_ROLE_DRAFT, l, &tmp); i++; continue;
		case BC_LK_URGENCY: header_line(p, BC_ROLE_URGENCY, l, &tmp); i++; continue;
		case BC_LK_MOTTO: header_line(p, BC_ROLE_MOTTO, l, &tmp); i++; continue;
		case BC_LK_SLOGAN: header_line(p, BC_ROLE_SLOGAN, l, &tmp); i++; continue;
		case BC_LK_DATELINE: header_line(p, BC_ROLE_DATELINE, l, &tmp); i++; continue;
		case BC_LK_SUMMARY: i = header_block(p, BC_ROLE_SUMMARY, i); continue;
		case BC_LK_RULE:
			/* the short rules under the issuer and the slogan of the paper layout */
			i++;
			continue;
		case BC_LK_DOCTYPE:
			if (seen_type)
				return i;
			header_line(p, BC_ROLE_DOCTYPE, l, &tmp);
			seen_type = 1;
			i++;
			continue;
		case BC_LK_ADDRESSEE:
			header_line(p, BC_ROLE_ADDRESSEE, l, &tmp);
			i++;
			/* the addressees listed under "Kính gửi:" */
			while (i < L->n && (L->v[i].kind == BC_LK_BULLET) ) {
				header_line(p, BC_ROLE_ADDRESSEE, &L->v[i], &tmp);
				i++;
			}
			continue;
		case BC_LK_TEXT:
			if (!seen_type && !seen_title && l->upper) {
				header_line(p, BC_ROLE_ISSUER, l, &tmp);
				i++;
				continue;
			}
			if (seen_type && !seen_title) {
				i = header_block(p, BC_ROLE_TITLE, i);
				seen_title = 1;
				continue;
			}
			return i;
		default:
			return i;
		}
	}
	return i;
}

/* ---- the explicit form's metadata block ---- */

static const char *const meta_keys[] = {
	"issuer", "number", "symbol", "place", "date", "type", "title", "summary", "draft",
	"urgency", "addressee", "authority", "position", "signer",
};

/* Adds a LINE made of synthesised text (for fields the block states as data). */
static bc_node *synth_line(parser *p, bc_node *parent, bc_role role, bc_pos pos, const char *text)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_LINE, pos);
	n->as.line.role = role;
	bc_seg seg = { text, strlen(text), pos, 0 };
	bc_inline_parse(&p->icx, n, &seg, 1);
	bc_node_append(parent, n);
	return n;
}

static size_t parse_meta_block(parser *p)
{
	bc_lines *L = &p->lines;
	bc_document *doc = p->doc;
	size_t i = 1;
	const char *val[14] = { 0 };
	size_t vlen[14] = { 0 };
	bc_pos vpos[14];
	bc_node *sig = NULL;
	bc_buf tmp = BC_BUF_INIT;
	doc->explicit_form = 1;
	for (; i < L->n; i++) {
		const bc_line *l = &L->v[i];
		if (l->len == 3 && memcmp(l->s, "---", 3) == 0) {
			i++;
			break;
		}
		size_t lead = 0;
		while (lead < l->len && (l->s[lead] == ' ' || l->s[lead] == '\t'))
			lead++;
		if (l->kind == BC_LK_BLANK || (lead < l->len && l->s[lead] == '#'))
			continue;   /* blank lines and "# comments" */
		const char *colon = memchr(l->s, ':', l->len);
		size_t k = 0, nk = sizeof meta_keys / sizeof meta_keys[0];
		size_t klen = colon ? (size_t)(colon - l->s) : 0;
		while (klen && l->s[klen - 1] == ' ')
			klen--;
		for (; k < nk; k++)
			if (colon && strlen(meta_keys[k]) == klen && memcmp(meta_keys[k], l->s, klen) == 0)
				break;
		if (k == nk) {
			bc_diag_add(p->diags, BC_E_META_KEY, (bc_pos){ l->no, 1 }, "%.*s", (int)(klen ? klen : l->len), l->s);
			continue;
		}
		const char *v = colon + 1;
		const char *e = l->s + l->len;
		while (v < e && *v == ' ')
			v++;
		while (e > v && e[-1] == ' ')
			e--;
		bc_pos pos = bc_line_pos(l, (size_t)(v - l->s));
		/* repeatable keys become lines at once, in order */
		if (k == 0) {
			synth_line(p, doc->meta, BC_ROLE_ISSUER, pos, bc_arena_strndup(&doc->arena, v, (size_t)(e - v)));
			if (!doc->idx.issuer_first)
				doc->idx.issuer_first = doc->meta->last;
			doc->idx.issuer_last = doc->meta->last;
			continue;
		}
		if (k == 10) {
			bc_buf_clear(&tmp);
			bc_buf_printf(&tmp, "Kính gửi: %.*s", (int)(e - v), v);
			synth_line(p, doc->meta, BC_ROLE_ADDRESSEE, pos, bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
			continue;
		}
		if (k == 11) {
			if (!sig)
				sig = bc_node_new(doc, BC_NODE_SIGNATURE, pos);
			bc_node *n = synth_line(p, sig, BC_ROLE_AUTHORITY, pos, bc_arena_strndup(&doc->arena, v, (size_t)(e - v)));
			if (!doc->idx.authority_first)
				doc->idx.authority_first = n;
			continue;
		}
		val[k] = v;
		vlen[k] = (size_t)(e - v);
		vpos[k] = pos;
	}

#define HAVE(k) (val[k] != NULL)
	if (HAVE(1) || HAVE(2)) {
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "Số: %.*s/%.*s", (int)vlen[1], HAVE(1) ? val[1] : "", (int)vlen[2], HAVE(2) ? val[2] : "");
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_NUMBER, HAVE(1) ? vpos[1] : vpos[2], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
		n->as.line.number = dup(p, HAVE(1) ? val[1] : "", vlen[1]);
		n->as.line.symbol = dup(p, HAVE(2) ? val[2] : "", vlen[2]);
		doc->idx.number = n;
	}
	if (HAVE(7)) {
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "V/v %.*s", (int)vlen[7], val[7]);
		doc->idx.summary = synth_line(p, doc->meta, BC_ROLE_SUMMARY, vpos[7], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
	}
	if (HAVE(8) && vlen[8] && (val[8][0] == 'y' || val[8][0] == 'c'))
		doc->idx.draft = synth_line(p, doc->meta, BC_ROLE_DRAFT, vpos[8], "(DỰ THẢO)");
	else if (HAVE(8) && !(vlen[8] && (val[8][0] == 'n' || val[8][0] == 'k')))
		bc_diag_add(p->diags, BC_E_META_VALUE, vpos[8], "draft: %.*s", (int)vlen[8], val[8]);
	if (HAVE(9))
		doc->idx.urgency = synth_line(p, doc->meta, BC_ROLE_URGENCY, vpos[9], bc_arena_strndup(&doc->arena, val[9], vlen[9]));
	synth_line(p, doc->meta, BC_ROLE_MOTTO, (bc_pos){ 1, 1 }, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	synth_line(p, doc->meta, BC_ROLE_SLOGAN, (bc_pos){ 1, 1 }, "Độc lập - Tự do - Hạnh phúc");
	if (HAVE(3) || HAVE(4)) {
		int d = 0, m = 0, y = 0;
		if (HAVE(4)) {
			/* dd/mm/yyyy with ".." for a blank part, or yyyy-mm-dd */
			const char *s = val[4];
			size_t n = vlen[4];
			if (n == 10 && s[4] == '-' && s[7] == '-') {
				y = atoi(s);
				m = atoi(s + 5);
				d = atoi(s + 8);
			} else {
				const char *a = memchr(s, '/', n);
				const char *b2 = a ? memchr(a + 1, '/', (size_t)(s + n - a - 1)) : NULL;
				if (a && b2) {
					d = atoi(s);
					m = atoi(a + 1);
					y = atoi(b2 + 1);
				} else {
					bc_diag_add(p->diags, BC_E_META_VALUE, vpos[4], "date: %.*s", (int)n, s);
				}
			}
		}
		/* the day and month as the author wrote them ("05", "3"); ".." is a blank */
		char ds[8] = "", ms[8] = "";
		if (HAVE(4) && !(vlen[4] == 10 && val[4][4] == '-')) {
			const char *a = memchr(val[4], '/', vlen[4]);
			if (a && (size_t)(a - val[4]) < sizeof ds && val[4][0] != '.')
				snprintf(ds, sizeof ds, "%.*s", (int)(a - val[4]), val[4]);
			const char *b2 = a ? memchr(a + 1, '/', (size_t)(val[4] + vlen[4] - a - 1)) : NULL;
			if (b2 && (size_t)(b2 - a - 1) < sizeof ms && a[1] != '.')
				snprintf(ms, sizeof ms, "%.*s", (int)(b2 - a - 1), a + 1);
		} else {
			snprintf(ds, sizeof ds, d ? "%02d" : "", d);
			snprintf(ms, sizeof ms, m ? (m < 3 ? "%02d" : "%d") : "", m);
		}
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "%.*s, ngày %s tháng %s năm %d", (int)vlen[3], HAVE(3) ? val[3] : "", ds, ms, y);
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_DATELINE, HAVE(3) ? vpos[3] : vpos[4], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
		unwrap_dates(n);
		n->as.line.place = dup(p, HAVE(3) ? val[3] : "", vlen[3]);
		n->as.line.date = (bc_date){ d, m, y };
		doc->idx.dateline = n;
	}
	if (HAVE(5)) {
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_DOCTYPE, vpos[5], bc_arena_strndup(&doc->arena, val[5], vlen[5]));
		for (int t = 1; t < BC_DOC_TYPE_COUNT; t++) {
			const char *name = bc_doctype_name((bc_doctype)t);
			if (strlen(name) == vlen[5] && memcmp(name, val[5], vlen[5]) == 0)
				n->as.line.doctype = (bc_doctype)t;
		}
		if (vlen[5] == strlen("CHƯƠNG TRÌNH HÀNH ĐỘNG") && memcmp(val[5], "CHƯƠNG TRÌNH HÀNH ĐỘNG", vlen[5]) == 0)
			n->as.line.doctype = BC_DOC_CHUONG_TRINH;
		doc->idx.doctype = n;
	}
	if (HAVE(6))
		doc->idx.title = synth_line(p, doc->meta, BC_ROLE_TITLE, vpos[6], bc_arena_strndup(&doc->arena, val[6], vlen[6]));
	if (HAVE(12) || HAVE(13) || sig) {
		if (!sig)
			sig = bc_node_new(doc, BC_NODE_SIGNATURE, HAVE(12) ? vpos[12] : vpos[13]);
		if (HAVE(12))
			doc->idx.position = synth_line(p, sig, BC_ROLE_POSITION, vpos[12], bc_arena_strndup(&doc->arena, val[12], vlen[12]));
		if (HAVE(13))
			doc->idx.signer = synth_line(p, sig, BC_ROLE_SIGNER, vpos[13], bc_arena_strndup(&doc->arena, val[13], vlen[13]));
		p->meta_signature = sig;
	}
#undef HAVE
	bc_buf_free(&tmp);
	return i;
}

/* ---- references to notes ---- */

static void resolve_notes(parser *p)
{
	bc_document *doc = p->doc;
	int maxid = 0;
	if (doc->notes)
		for (bc_node *n = doc->notes->first; n; n = n->next)
			if (n->as.note.id > maxid && n->as.note.id < 100000)
				maxid = n->as.note.id;
	bc_node **by_id = bc_xcalloc((size_t)maxid + 1, sizeof *by_id);
	if (doc->notes)
		for (bc_node *n = doc->notes->first; n; n = n->next)
			if (n->as.note.id >= 0 && n->as.note.id <= maxid && !by_id[n->as.note.id])
				by_id[n->as.note.id] = n;
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		bc_node *n = it.cur;
		if (ev != BC_EV_ENTER || n->type != BC_NODE_NOTEREF)
			continue;
		int id = n->as.noteref.id;
		n->as.noteref.note = id >= 0 && id <= maxid ? by_id[id] : NULL;
	}
	free(by_id);
}

bc_document *bc_parse(const char *filename, const char *text, size_t len, bc_diags *diags)
{
	parser p;
	memset(&p, 0, sizeof p);
	bc_document *doc = bc_document_new(filename);
	bc_arena_reserve(&doc->arena, len * 8);   /* 3 to 9 bytes of nodes a byte of text on the seeds */
	doc->text = text;
	doc->text_len = len;
	p.doc = doc;
	p.diags = diags;
	p.icx.doc = doc;
	p.icx.diags = diags;
	bc_lines_split(&p.lines, text, len, diags);
	doc->line_count = p.lines.n ? p.lines.v[p.lines.n - 1].no : 0;

	doc->meta = bc_node_new(doc, BC_NODE_META, (bc_pos){ 1, 1 });
	doc->body = bc_node_new(doc, BC_NODE_BODY, (bc_pos){ 1, 1 });
	bc_node_append(doc->root, doc->meta);

	size_t i = 0;
	if (p.lines.n && p.lines.v[0].kind == BC_LK_META_FENCE) {
		size_t close = 1;
		while (close < p.lines.n && !(p.lines.v[close].len == 3 && memcmp(p.lines.v[close].s, "---", 3) == 0))
			close++;
		if (close < p.lines.n) {
			/* the explicit form: the block is the header, the text after it is all body */
			i = parse_meta_block(&p);
		} else {
			/* without its closing fence the block is not metadata: read it as text */
			bc_diag_add(diags, BC_E_META_UNCLOSED, (bc_pos){ 1, 1 }, NULL);
			p.lines.v[0].kind = BC_LK_RULE;
			i = parse_header(&p, 0);
		}
	} else {
		i = parse_header(&p, i);
	}
	if (i < p.lines.n)
		doc->body->pos = (bc_pos){ p.lines.v[i].no, 1 };
	bc_node_append(doc->root, doc->body);

	if (is_decision(doc))
		mark_decision(&p, i);
	collect_blocks(&p, i);
	decide_headings(&p);
	attach_continuations(&p);
	build_tree(&p);
	if (p.meta_signature && doc->closing) {
		int has_sig = 0;
		for (bc_node *c = doc->closing->first; c; c = c->next)
			has_sig |= c->type == BC_NODE_SIGNATURE;
		/* the metadata block states the signature; the text's own block, if any, wins */
		if (!has_sig)
			bc_node_append(doc->closing, p.meta_signature);
	} else if (p.meta_signature) {
		bc_node *c = bc_node_new(doc, BC_NODE_CLOSING, p.meta_signature->pos);
		bc_node_append(c, p.meta_signature);
		/* the closing comes before any appendix */
		bc_node *first_appx = doc->body->next;
		if (first_appx) {
			bc_node_insert_after(doc->body, c);
		} else {
			bc_node_append(doc->root, c);
		}
		doc->closing = c;
	}
	if (doc->notes)
		bc_node_append(doc->root, doc->notes);
	resolve_notes(&p);

	for (size_t k = 0; k < p.nb; k++) {
		free(p.b[k].segs);
		free(p.b[k].rows);
	}
	free(p.b);
	free(p.dk);
	bc_lines_free(&p.lines);
	return doc;
}
