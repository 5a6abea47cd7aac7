/* inline.c — inline markup: emphasis, tags, footnote marks, line breaks, dates and citations, in linear time. */
#include "inline.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lex/lines.h"
#include "cite.h"
#include "../lex/patterns.h"
#include "../model/vocab.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

typedef enum {
	PK_TEXT, PK_STAR1, PK_STAR2, PK_STAR3,
	PK_B_OPEN, PK_B_CLOSE, PK_I_OPEN, PK_I_CLOSE, PK_U_OPEN, PK_U_CLOSE, PK_SUP_OPEN, PK_SUP_CLOSE,
	PK_BREAK, PK_NOTEREF, PK_SUPTEXT
} piece_kind;

typedef struct piece {
	piece_kind kind;
	size_t off, len;        /* in the joined buffer */
	int can_open, can_close;
	long match;             /* index of the partner delimiter, or -1 */
	int note_id;
} piece;

typedef struct pieces {
	piece *v;
	size_t n, cap;
} pieces;

typedef struct seg_map {
	size_t off;             /* where the segment starts in the joined buffer */
	const bc_seg *seg;
} seg_map;

static void add(pieces *p, piece_kind k, size_t off, size_t len)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->v = bc_xrealloc(p->v, p->cap * sizeof *p->v);
	}
	piece *q = &p->v[p->n++];
	memset(q, 0, sizeof *q);
	q->kind = k;
	q->off = off;
	q->len = len;
	q->match = -1;
}

/* A text piece right after another text piece is merged, to keep nodes few. */
static void add_text(pieces *p, size_t off, size_t len)
{
	if (p->n && p->v[p->n - 1].kind == PK_TEXT && p->v[p->n - 1].off + p->v[p->n - 1].len == off) {
		p->v[p->n - 1].len += len;
		return;
	}
	add(p, PK_TEXT, off, len);
}

/* Positions of offsets in the joined text.  Callers ask in increasing order,
 * so the cursor moves forward and counting code points stays linear overall. */
typedef struct pos_cursor {
	const seg_map *map;
	size_t nmap;
	size_t seg;             /* segment of the last answer */
	size_t rel;             /* its offset within that segment */
	uint32_t col;           /* its column */
} pos_cursor;

static void cursor_init(pos_cursor *c, const seg_map *map, size_t nmap)
{
	c->map = map;
	c->nmap = nmap;
	c->seg = 0;
	c->rel = 0;
	c->col = map[0].seg->pos.col;
}

static bc_pos pos_at(pos_cursor *c, size_t off)
{
	size_t lo = 0, hi = c->nmap;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->map[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	const bc_seg *s = c->map[lo].seg;
	size_t rel = off - c->map[lo].off;
	if (rel > s->len)
		rel = s->len;
	if (lo != c->seg || rel < c->rel) {
		c->seg = lo;
		c->rel = 0;
		c->col = s->pos.col;
	}
	c->col += (uint32_t)bc_utf8_count(s->s + c->rel, rel - c->rel);
	c->rel = rel;
	bc_pos p = { s->pos.line, c->col };
	return p;
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Matched without regard to case: offices type <B> and <Sup> too. */
static const struct { const char *tag; piece_kind kind; } tags[] = {
	{ "<b>", PK_B_OPEN }, { "</b>", PK_B_CLOSE },
	{ "<strong>", PK_B_OPEN }, { "</strong>", PK_B_CLOSE },
	{ "<i>", PK_I_OPEN }, { "</i>", PK_I_CLOSE },
	{ "<em>", PK_I_OPEN }, { "</em>", PK_I_CLOSE },
	{ "<u>", PK_U_OPEN }, { "</u>", PK_U_CLOSE },
	{ "<sup>", PK_SUP_OPEN }, { "</sup>", PK_SUP_CLOSE },
	{ "<br>", PK_BREAK }, { "<br/>", PK_BREAK }, { "<br />", PK_BREAK },
};

/* Superscript digits right after a unit of area or volume are an exponent, not a footnote mark. */
static int after_unit(const char *b, size_t off)
{
	size_t e = off;
	if (e && b[e - 1] == ' ')
		e--;
	size_t s = e;
	while (s && ((b[s - 1] >= 'a' && b[s - 1] <= 'z') || (b[s - 1] >= 'A' && b[s - 1] <= 'Z')))
		s--;
	size_t n = e - s;
	if (n == 0 || n > 3 || (s && !is_ws((unsigned char)b[s - 1]) && b[s - 1] != '(' && b[s - 1] != '/' &&
	                        !(b[s - 1] >= '0' && b[s - 1] <= '9')))
		return 0;
	return (n == 1 && b[s] == 'm') || (n == 2 && (memcmp(b + s, "km", 2) == 0 || memcmp(b + s, "cm", 2) == 0 ||
	                                          memcmp(b + s, "dm", 2) == 0 || memcmp(b + s, "mm", 2) == 0));
}

/* The bytes where tokenize() must look: delimiters, and the leads of superscript digits. */
static const unsigned char special[256] = {
	['*'] = 1, ['<'] = 1, ['['] = 1, ['\n'] = 1, ['\\'] = 1, [0xC2] = 1, [0xE2] = 1,
};

static int special_byte(unsigned char c) { return special[c]; }

static void tokenize(const char *b, size_t n, pieces *p)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)b[i];
		if (c == '\n') {
			add(p, PK_BREAK, i, 1);
			i++;
			continue;
		}
		if (c == '*') {
			size_t j = i;
			while (j < n && b[j] == '*')
				j++;
			size_t run = j - i;
			if (run <= 3) {
				add(p, run == 1 ? PK_STAR1 : run == 2 ? PK_STAR2 : PK_STAR3, i, run);
				piece *q = &p->v[p->n - 1];
				q->can_open = j < n && !is_ws((unsigned char)b[j]) && !(run == 1 && b[j] == ')');
				q->can_close = i > 0 && !is_ws((unsigned char)b[i - 1]);
			} else {
				add_text(p, i, run);
			}
			i = j;
			continue;
		}
		if (c == '<') {
			int hit = 0;
			for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
				size_t k = strlen(tags[t].tag);
				if (n - i >= k && strncasecmp(b + i, tags[t].tag, k) == 0) {
					/* <sup>12</sup> is a footnote reference, unless it is a unit's exponent */
					if (tags[t].kind == PK_SUP_OPEN && !after_unit(b, i)) {
						size_t ml;
						int id = bc_note_mark(b + i, n - i, &ml);
						if (id >= 0) {
							add(p, PK_NOTEREF, i, ml);
							p->v[p->n - 1].note_id = id;
							i += ml;
							hit = 1;
							break;
						}
					}
					add(p, tags[t].kind, i, k);
					i += k;
					hit = 1;
					break;
				}
			}
			if (!hit) {
				add_text(p, i, 1);
				i++;
			}
			continue;
		}
		/* "\*" is an asterisk, not emphasis: the backslash is consumed */
		if (c == '\\' && i + 1 < n && strchr("*<>[]^|\\", b[i + 1]) && b[i + 1]) {
			add_text(p, i + 1, 1);
			i += 2;
			continue;
		}
		if (c == '[' && i + 3 < n && b[i + 1] == '^') {
			size_t j = i + 2;
			int id = 0, digits = 0;
			while (j < n && b[j] >= '0' && b[j] <= '9' && digits < 5) {
				id = id * 10 + (b[j] - '0');
				j++;
				digits++;
			}
			if (digits && j < n && b[j] == ']') {
				add(p, PK_NOTEREF, i, j + 1 - i);
				p->v[p->n - 1].note_id = id;
				i = j + 1;
				continue;
			}
		}
		/* superscript digits are U+00B9, U+00B2, U+00B3 and U+2070..U+2079: leads 0xC2, 0xE2 */
		if (c == 0xC2 || c == 0xE2) {
			uint32_t cp;
			int k = bc_utf8_decode(b + i, n - i, &cp);
			if (bc_cp_superscript_digit(cp) >= 0) {
				size_t ml;
				int id = bc_note_mark(b + i, n - i, &ml);
				if (after_unit(b, i)) {
					add(p, PK_SUPTEXT, i, ml);
				} else {
					add(p, PK_NOTEREF, i, ml);
					p->v[p->n - 1].note_id = id;
				}
				i += ml;
				continue;
			}
			add_text(p, i, (size_t)k);
			i += (size_t)k;
			continue;
		}
		/* plain bytes, letters beyond ASCII too, up to the next special character */
		size_t j = i + 1;
		while (j < n && !special_byte((unsigned char)b[j]))
			j++;
		add_text(p, i, j - i);
		i = j;
	}
}

static int delim_class(piece_kind k)
{
	switch (k) {
	case PK_STAR1: return 0;
	case PK_STAR2: return 1;
	case PK_STAR3: return 2;
	case PK_B_OPEN: case PK_B_CLOSE: return 3;
	case PK_I_OPEN: case PK_I_CLOSE: return 4;
	case PK_U_OPEN: case PK_U_CLOSE: return 5;
	case PK_SUP_OPEN: case PK_SUP_CLOSE: return 6;
	default: return -1;
	}
}

static int is_opener_only(piece_kind k) { return k == PK_B_OPEN || k == PK_I_OPEN || k == PK_U_OPEN || k == PK_SUP_OPEN; }
static int is_closer_only(piece_kind k) { return k == PK_B_CLOSE || k == PK_I_CLOSE || k == PK_U_CLOSE || k == PK_SUP_CLOSE; }

/* Pairs delimiters with a stack; each delimiter is pushed and popped at most
 * once and a closer only searches when an opener of its class is open, so the
 * whole pass is linear. */
static void match(pieces *p, const char *t, bc_inline_ctx *cx, const seg_map *map, size_t nmap)
{
	pos_cursor cur;
	cursor_init(&cur, map, nmap);
	size_t *stack = bc_xmalloc((p->n + 1) * sizeof *stack);
	size_t top = 0;
	size_t open_count[7] = { 0 };
	int too_deep = 0;
	for (size_t i = 0; i < p->n; i++) {
		piece *q = &p->v[i];
		int cls = delim_class(q->kind);
		if (cls < 0)
			continue;
		int closer = is_closer_only(q->kind) || (!is_opener_only(q->kind) && q->can_close);
		if (closer && open_count[cls]) {
			while (top) {
				piece *o = &p->v[stack[--top]];
				open_count[delim_class(o->kind)]--;
				if (delim_class(o->kind) == cls) {
					o->match = (long)i;
					q->match = (long)(o - p->v);
					break;
				}
			}
			continue;
		}
		if (is_closer_only(q->kind)) {
			bc_diag_add(cx->diags, BC_W_UNMATCHED_MARKUP, pos_at(&cur, q->off), "%.*s", (int)q->len, t + q->off);
			continue;
		}
		int opener = is_opener_only(q->kind) || q->can_open;
		if (opener && top >= BC_MAX_INLINE_DEPTH) {
			/* deeper markup stays literal text, said once per block */
			if (!too_deep)
				bc_diag_add(cx->diags, BC_W_INLINE_DEEP, pos_at(&cur, q->off), "%d", BC_MAX_INLINE_DEPTH);
			too_deep = 1;
		} else if (opener) {
			stack[top++] = i;
			open_count[cls]++;
		}
	}
	for (size_t k = 0; k < top; k++) {
		piece *o = &p->v[stack[k]];
		if (o->kind != PK_STAR1)
			bc_diag_add(cx->diags, BC_W_UNCLOSED_MARKUP, pos_at(&cur, o->off), NULL);
	}
	free(stack);
}

static bc_node_type container_of(piece_kind k)
{
	switch (k) {
	case PK_STAR1: case PK_I_OPEN: return BC_NODE_EMPH;
	case PK_STAR2: case PK_B_OPEN: return BC_NODE_STRONG;
	case PK_U_OPEN: return BC_NODE_UNDERLINE;
	case PK_SUP_OPEN: return BC_NODE_SUP;
	default: return BC_NODE_STRONG;
	}
}

static int num(const char *s, size_t a, size_t b)
{
	int v = 0;
	for (size_t i = a; i < b && i != (size_t)-1; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int bc_parse_date_words(const char *s, size_t len, bc_date *out)
{
	size_t ov[16];
	if (!bc_pattern_search(BC_PAT_INLINE_DATE, s, len, 0, ov, 8))
		return 0;
	if (ov[2] != (size_t)-1) {
		out->day = num(s, ov[2], ov[3]);
		out->month = num(s, ov[4], ov[5]);
		out->year = num(s, ov[6], ov[7]);
	} else {
		out->day = num(s, ov[8], ov[9]);
		out->month = num(s, ov[10], ov[11]);
		out->year = num(s, ov[12], ov[13]);
	}
	return 1;
}

/* Whether the word before offset `at` (markup, spaces and tags skipped) is
 * "ngày" in any case: "ngày 13/11/2025", "ngày **20/01/2025**", "NGÀY 05 tháng 3". */
static int after_ngay(const char *b, size_t at)
{
	size_t e = at;
	for (;;) {
		while (e && (b[e - 1] == ' ' || b[e - 1] == '*'))
			e--;
		if (e && b[e - 1] == '>') {
			size_t k = e - 1;
			while (k && b[k] != '<' && e - k < 12)
				k--;
			if (b[k] == '<') {
				e = k;
				continue;
			}
		}
		break;
	}
	/* the four letters before e, folded: n g a y */
	static const uint32_t want[4] = { 'n', 'g', 'a', 'y' };
	for (int w = 3; w >= 0; w--) {
		if (!e)
			return 0;
		if (bc_cp_fold(bc_utf8_prev(b, &e)) != want[w])
			return 0;
	}
	return e == 0 || !bc_cp_is_letter((unsigned char)b[e - 1]);
}

/* Does s[0..n) hold the bytes w[0..wl)? */
static int holds(const char *s, size_t n, const char *w, size_t wl)
{
	const char *q = s, *e = s + n;
	while ((size_t)(e - q) >= wl && (q = memchr(q, w[0], (size_t)(e - q) - wl + 1)) != NULL) {
		if (memcmp(q, w, wl) == 0)
			return 1;
		q++;
	}
	return 0;
}

/* Does s[0..n) hold "1/2": a '/' with a digit on each side? */
static int slash_between_digits(const char *s, size_t n)
{
	const char *q = s, *e = s + n;
	while (q < e && (q = memchr(q, '/', (size_t)(e - q))) != NULL) {
		if (q > s && q + 1 < e && q[-1] >= '0' && q[-1] <= '9' && q[1] >= '0' && q[1] <= '9')
			return 1;
		q++;
	}
	return 0;
}

/* Where the search for dates in b[off, off + len) starts: at its end when it
 * can hold none (every date has a '/' between digits or the word "tháng":
 * most text, figures, "số 12/NQ-CP", has neither). */
static size_t dates_from(const char *b, size_t off, size_t len)
{
	if (!slash_between_digits(b + off, len) && !holds(b + off, len, "tháng", strlen("tháng")))
		return off + len;
	return off;
}

/* The next date after "ngày" in b[*scan, end): 1, its bytes [*ds, *de) and
 * what it reads; *scan moves past it.  0 when there is none. */
static int next_date(const char *b, size_t *scan, size_t end, size_t *ds, size_t *de, bc_date *d)
{
	size_t ov[16];
	for (;;) {
		/* a date starts with a digit: no need to ask PCRE2 before the next one */
		while (*scan < end && (b[*scan] < '0' || b[*scan] > '9'))
			(*scan)++;
		if (*scan >= end || !bc_pattern_search(BC_PAT_DATE_DIGITS, b, end, *scan, ov, 8))
			return 0;
		*ds = ov[0];
		*de = ov[1];
		*scan = *de;
		if (!after_ngay(b, *ds))
			continue;
		if (ov[2] != (size_t)-1) {
			d->day = num(b, ov[2], ov[3]);
			d->month = num(b, ov[4], ov[5]);
			d->year = num(b, ov[6], ov[7]);
		} else {
			d->day = num(b, ov[8], ov[9]);
			d->month = num(b, ov[10], ov[11]);
			d->year = num(b, ov[12], ov[13]);
		}
		return 1;
	}
}

/* Appends text, with the dates it holds as DATE nodes, each with its validity; "ngày" stays text. */
static void emit_dates(bc_inline_ctx *cx, bc_node *parent, const char *b, size_t off, size_t len,
                      pos_cursor *pc)
{
	size_t from = off, end = off + len, scan = dates_from(b, off, len), ds, de;
	bc_date d;
	while (next_date(b, &scan, end, &ds, &de, &d)) {
		if (ds > from)
			bc_node_append(parent, bc_text_new(cx->doc, pos_at(pc, from), b + from, ds - from));
		bc_node *dn = bc_node_new(cx->doc, BC_NODE_DATE, pos_at(pc, ds));
		dn->as.date.date = d;
		/* a date that does not exist (31/02/2026) or no document bears (1800):
		 * a DATE all the same, marked, so that the checker finds it here and
		 * the outputs write it as the text it is */
		dn->as.date.invalid = !bc_date_plausible(d);
		bc_node_append(dn, bc_text_new(cx->doc, dn->pos, b + ds, de - ds));
		bc_node_append(parent, dn);
		from = de;
	}
	if (from < end)
		bc_node_append(parent, bc_text_new(cx->doc, pos_at(pc, from), b + from, end - from));
}

/* Appends a run of text: the citations it holds as CITE nodes (cite.c), each
 * with its words, and its dates (emit_dates) inside and around them. */
static void emit_text(bc_inline_ctx *cx, bc_node *parent, const char *b, size_t off, size_t len,
                      pos_cursor *pc)
{
	size_t from = off, end = off + len;
	bc_cite_span cs;
	while (from < end && bc_cite_next(b, from, end, &cs)) {
		if (cs.start > from)
			emit_dates(cx, parent, b, from, cs.start - from, pc);
		bc_node *cn = bc_node_new(cx->doc, BC_NODE_CITE, pos_at(pc, cs.start));
		/* the positions inside it from a copy of the cursor, so that the
		 * children's positions are still asked in increasing order */
		pos_cursor ahead = *pc;
		cn->as.cite->kind = cs.kind;
		cn->as.cite->number = bc_str_dup(cx->doc, b + cs.number, cs.number_end - cs.number);
		cn->as.cite->number_pos = pos_at(&ahead, cs.number);
		cn->as.cite->dated = cs.dated;
		cn->as.cite->date = cs.date;
		if (cs.dated != BC_CITE_UNDATED)
			cn->as.cite->date_pos = pos_at(&ahead, cs.ngay);
		if (cs.dated == BC_CITE_PARTIAL)
			cn->as.cite->date_text = bc_str_dup(cx->doc, b + cs.ngay, cs.date_end - cs.ngay);
		emit_dates(cx, cn, b, cs.start, cs.end - cs.start, pc);
		bc_node_append(parent, cn);
		from = cs.end;
	}
	if (from < end)
		emit_dates(cx, parent, b, from, end - from, pc);
}

/* No byte of s[0..n) is one tokenize() looks at: it is one run of text. */
static int plain_text(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		if (special[u[i]] | special[u[i + 1]] | special[u[i + 2]] | special[u[i + 3]])
			return 0;
	for (; i < n; i++)
		if (special[u[i]])
			return 0;
	return 1;
}

/* Text of one to three closing marks alone: "." "," ";" ":" ")" ".)" */
static int closing_marks(const char *s, size_t n)
{
	if (n < 1 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr(".,;:)", s[i]) || !s[i])
			return 0;
	return 1;
}

void bc_inline_parse(bc_inline_ctx *cx, bc_node *parent, const bc_seg *segs, size_t nseg)
{
	if (nseg == 0)
		return;
	/* most table cells and many one-line blocks: text (and dates) read in place,
	 * without the joined copy, the pieces and their matching */
	if (nseg == 1 && plain_text(segs[0].s, segs[0].len)) {
		seg_map m = { 0, &segs[0] };
		pos_cursor pc;
		cursor_init(&pc, &m, 1);
		emit_text(cx, parent, segs[0].s, 0, segs[0].len, &pc);
		return;
	}
	bc_buf b = BC_BUF_INIT;
	seg_map *map = bc_xmalloc(nseg * sizeof *map);
	for (size_t i = 0; i < nseg; i++) {
		/* a line of closing marks alone (".", ","), where a PDF's text broke
		 * the line at a raised note mark, ends the line above: no space */
		if (i && (segs[i].brk || !closing_marks(segs[i].s, segs[i].len)))
			bc_buf_putc(&b, segs[i].brk ? '\n' : ' ');
		map[i].off = b.len;
		map[i].seg = &segs[i];
		bc_buf_put(&b, segs[i].s, segs[i].len);
	}
	const char *t = bc_buf_cstr(&b);
	pieces p = { 0 };
	tokenize(t, b.len, &p);
	match(&p, t, cx, map, nseg);

	pos_cursor pc;
	cursor_init(&pc, map, nseg);
	bc_node *stack[BC_MAX_INLINE_DEPTH * 2 + 2];
	size_t depth = 0;
	bc_node *cur = parent;
	size_t text_from = (size_t)-1, text_to = 0;
#define FLUSH()                                                                          \
	do {                                                                             \
		if (text_from != (size_t)-1) {                                           \
			emit_text(cx, cur, t, text_from, text_to - text_from, &pc); \
			text_from = (size_t)-1;                                          \
		}                                                                        \
	} while (0)
	for (size_t i = 0; i < p.n; i++) {
		piece *q = &p.v[i];
		int literal = !(delim_class(q->kind) >= 0 && q->match >= 0) && q->kind != PK_BREAK &&
		              q->kind != PK_NOTEREF && q->kind != PK_SUPTEXT;
		bc_pos pos = { 0, 0 };
		if (!literal) {
			FLUSH();
			pos = pos_at(&pc, q->off);
		}
		if (delim_class(q->kind) >= 0 && q->match >= 0) {
			FLUSH();
			if ((size_t)q->match > i) {
				stack[depth++] = cur;
				bc_node *n = bc_node_new(cx->doc, container_of(q->kind), pos);
				bc_node_append(cur, n);
				cur = n;
				if (q->kind == PK_STAR3) {
					stack[depth++] = cur;
					bc_node *e = bc_node_new(cx->doc, BC_NODE_EMPH, pos);
					bc_node_append(cur, e);
					cur = e;
				}
			} else {
				cur = stack[--depth];
				if (q->kind == PK_STAR3)
					cur = stack[--depth];
			}
			continue;
		}
		switch (q->kind) {
		case PK_BREAK:
			FLUSH();
			bc_node_append(cur, bc_node_new(cx->doc, BC_NODE_LINEBREAK, pos));
			break;
		case PK_NOTEREF: {
			FLUSH();
			bc_node *n = bc_node_new(cx->doc, BC_NODE_NOTEREF, pos);
			n->as.noteref.id = q->note_id;
			bc_node_append(cur, n);
			break;
		}
		case PK_SUPTEXT: {
			FLUSH();
			bc_node *n = bc_node_new(cx->doc, BC_NODE_SUP, pos);
			bc_node_append(n, bc_text_new(cx->doc, pos, t + q->off, q->len));
			bc_node_append(cur, n);
			break;
		}
		default:
			/* text, and delimiters left unmatched, which are literal */
			if (text_from == (size_t)-1)
				text_from = q->off;
			else if (text_to != q->off) {
				FLUSH();
				text_from = q->off;
			}
			text_to = q->off + q->len;
			break;
		}
	}
	FLUSH();
#undef FLUSH
	free(p.v);
	free(map);
	bc_buf_free(&b);
}

int bc_inline_plain(const char *s, size_t len)
{
	/* exactly when bc_inline_parse would make one TEXT node of the whole: no
	 * byte tokenize() looks at, no citation, no date (emit_text, emit_dates) */
	if (len == 0 || !plain_text(s, len))
		return len == 0;
	bc_cite_span cs;
	if (bc_cite_next(s, 0, len, &cs))
		return 0;
	size_t scan = dates_from(s, 0, len), ds, de;
	bc_date d;
	return !next_date(s, &scan, len, &ds, &de, &d);
}

void bc_inline_cell(void *ctx, bc_node *parent, const char *s, size_t len, bc_pos pos)
{
	bc_seg seg = { s, len, pos, 0 };
	bc_inline_parse(ctx, parent, &seg, 1);
}
