/* rules_refs.c — cross-references: (Kèm theo …) lines against the document and each other, appendices mentioned and present, cited documents' number shape, type code and date, one document cited with two dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/sort.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "rules.h"

typedef struct cite {
	char *key;            /* folded "nghi quyet 03-nq/tu" */
	bc_date date;
	bc_pos pos;
	size_t seq;
} cite;

typedef struct appx {
	const bc_node *node;
	int value;            /* I -> 1; 0 for an unlabelled appendix */
	int attach;           /* has a (Kèm theo …) line */
	int mentioned;
} appx;

typedef struct refs_state {
	cite *cites;
	size_t ncites, capcites;
	appx *ap;
	size_t nap, capap;
	const bc_node *first_attach;
	int generic_mention;  /* "các Phụ lục" */
	int attach_mention;   /* "ban hành kèm theo Quyết định này Quy chế …": a text issued with it */
	int *mentions;        /* labelled mentions in the body */
	bc_pos *mention_pos;
	size_t nment, capment;
	bc_buf fold;
} refs_state;

static void *begin(bc_check_ctx *cx) { return bc_xcalloc(1, sizeof(refs_state)); }

/* ------------------------------------------------------------ appendices */

static void on_appendix(bc_check_ctx *cx, void *st, const bc_node *n)
{
	refs_state *s = st;
	if (s->nap == s->capap) {
		s->capap = s->capap ? s->capap * 2 : 8;
		s->ap = bc_xrealloc(s->ap, s->capap * sizeof *s->ap);
	}
	appx *a = &s->ap[s->nap++];
	memset(a, 0, sizeof *a);
	a->node = n;
	bc_str l = n->as.appendix.label;
	a->value = l.len ? (bc_roman_value(l.s, l.len) ? bc_roman_value(l.s, l.len) : bc_arabic_value(l.s, l.len)) : 0;
	for (const bc_node *c = n->first; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_APPX_ATTACH)
			a->attach = 1;
}

static int same_str(bc_str a, bc_str b)
{
	/* "63 /BC-UBND" and "63/BC-UBND" are the same number */
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a.len && a.s[i] == ' ')
			i++;
		while (j < b.len && b.s[j] == ' ')
			j++;
		if (i == a.len || j == b.len)
			return i == a.len && j == b.len;
		if (a.s[i++] != b.s[j++])
			return 0;
	}
}

static int full(bc_date d) { return d.day && d.month && d.year; }
static int same_date(bc_date a, bc_date b) { return a.day == b.day && a.month == b.month && a.year == b.year; }

static void check_attach(bc_check_ctx *cx, refs_state *s, const bc_node *n)
{
	const bc_meta_index *x = &cx->doc->idx;
	bc_str num = n->as.line->number, sym = n->as.line->symbol;
	if (x->number) {
		bc_str dn = x->number->as.line->number, ds = x->number->as.line->symbol;
		if (num.len && dn.len && !same_str(num, dn))
			bc_diag_add(cx->diags, BC_W_ATTACH_MISMATCH, n->pos, "%.*s ≠ %.*s", (int)num.len, num.s, (int)dn.len, dn.s);
		else if (sym.len && ds.len && !same_str(sym, ds))
			bc_diag_add(cx->diags, BC_W_ATTACH_MISMATCH, n->pos, "%.*s ≠ %.*s", (int)sym.len, sym.s, (int)ds.len, ds.s);
		else if (n->as.line->year.len && x->number->as.line->year.len &&
		         !same_str(n->as.line->year, x->number->as.line->year))
			bc_diag_add(cx->diags, BC_W_ATTACH_MISMATCH, n->pos, "%.*s ≠ %.*s", (int)n->as.line->year.len,
			            n->as.line->year.s, (int)x->number->as.line->year.len, x->number->as.line->year.s);
	}
	if (x->dateline && full(x->dateline->as.line->date) && full(n->as.line->date) &&
	    !same_date(x->dateline->as.line->date, n->as.line->date)) {
		bc_date a = n->as.line->date, b = x->dateline->as.line->date;
		bc_diag_add(cx->diags, BC_W_ATTACH_MISMATCH, n->pos, "%02d/%02d/%04d ≠ %02d/%02d/%04d", a.day, a.month, a.year,
		            b.day, b.month, b.year);
	}
	/* an appendix sent on its own names its document's type, not its own */
	bc_doctype t = bc_document_type(cx->doc);
	if (t != BC_DOC_UNKNOWN && !(bc_kind_of(t)->flags & BC_KIND_APPENDIX) && n->as.line->doctype != BC_DOC_UNKNOWN &&
	    t != n->as.line->doctype)
		bc_diag_add(cx->diags, BC_W_ATTACH_MISMATCH, n->pos, "%s ≠ %s", bc_doctype_name(n->as.line->doctype),
		            bc_doctype_name(t));
	const bc_node *f = s->first_attach;
	if (!f) {
		s->first_attach = n;
		return;
	}
	if (!same_str(f->as.line->number, num) || !same_str(f->as.line->symbol, sym) ||
	    !same_str(f->as.line->year, n->as.line->year) ||
	    !same_date(f->as.line->date, n->as.line->date) || f->as.line->doctype != n->as.line->doctype)
		bc_diag_add(cx->diags, BC_W_ATTACH_DIFFERS, n->pos, "%u", f->pos.line);
}

/* Does the text at byte j of a block go on with another document cited
 * ("… kèm theo Nghị định số 126/2024/NĐ-CP", "… quy định tại Thông tư số
 * 02/2017/TT-VPCP")?  Then the appendices named before it are that
 * document's, not this one's.  The citation is the inline parser's CITE. */
static int names_other_document(const bc_block_text *bt, const char *t, size_t n, size_t j)
{
	static const char *const joins[] = { "ban hành kèm theo ", "kèm theo ", "quy định tại ", "tại ", "của ", "thuộc " };
	while (j < n && t[j] == ' ')
		j++;
	for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++) {
		size_t l = strlen(joins[k]);
		if (j + l <= n && !memcmp(t + j, joins[k], l)) {
			j += l;
			break;
		}
	}
	if (j >= n)
		return 0;
	/* the span holding byte j, and whether its TEXT sits inside a CITE */
	size_t lo = 0, hi = bt->nspans;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (bt->spans[mid].off <= j)
			lo = mid;
		else
			hi = mid;
	}
	if (!bt->nspans)
		return 0;
	for (const bc_node *p = bt->spans[lo].node; p && p != bt->block; p = p->parent)
		if (p->type == BC_NODE_CITE)
			return 1;
	return 0;
}

/* "Phụ lục I, II và III", "Phụ lục số 2", "các Phụ lục": which appendices the body names. */
static void mentions(refs_state *s, const bc_block_text *bt, const char *t, size_t n, bc_pos pos)
{
	static const char *const words[] = { "Phụ lục", "phụ lục", "PHỤ LỤC" };
	static const size_t anchor[] = { 0, 6, 4 };   /* 'P', 'l', the last byte of "Ụ": the rarest in the seeds */
	for (size_t w = 0; w < 3; w++) {
		size_t wl = strlen(words[w]);
		for (size_t i = 0; i + wl <= n; i++) {
			const char *at = bc_find(t + i, n - i, words[w], wl, anchor[w]);
			if (!at)
				break;
			i = (size_t)(at - t);
			size_t j = i + wl;
			int named = 0, from = 0;
			size_t first_new = s->nment;   /* this mention's labels, dropped if another document's */
			for (;;) {
				while (j < n && (t[j] == ' ' || t[j] == ','))
					j++;
				if (j + 4 <= n && !memcmp(t + j, "số", 4) && (j + 4 == n || t[j + 4] == ' ')) {
					j += 4;
					continue;
				}
				size_t k = j;
				while (k < n && ((t[k] >= '0' && t[k] <= '9') || strchr("IVXL", t[k])) && t[k])
					k++;
				if (k == j || (k < n && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z'))))
					break;
				int v = bc_arabic_value(t + j, k - j);
				if (!v)
					v = bc_roman_value(t + j, k - j);
				if (!v)
					break;
				int lo = from ? from : v;
				for (int x = lo; x <= v && x - lo < 100; x++) {
					if (s->nment == s->capment) {
						s->capment = s->capment ? s->capment * 2 : 8;
						s->mentions = bc_xrealloc(s->mentions, s->capment * sizeof *s->mentions);
						s->mention_pos = bc_xrealloc(s->mention_pos, s->capment * sizeof *s->mention_pos);
					}
					s->mention_pos[s->nment] = pos;
					s->mentions[s->nment++] = x;
				}
				named = 1;
				from = 0;
				j = k;
				while (j < n && t[j] == ' ')
					j++;
				if (j + 4 <= n && !memcmp(t + j, "và ", 4)) {
					j += 4;
				} else if (j + 7 <= n && !memcmp(t + j, "đến ", 7)) {
					from = v + 1;
					j += 7;
				} else if (j < n && (t[j] == '-' || t[j] == ',')) {
					if (t[j] == '-')
						from = v + 1;
					j++;
				} else {
					break;
				}
			}
			if (names_other_document(bt, t, n, j))
				s->nment = first_new;
			else if (!named)
				s->generic_mention = 1;
			i = j > i ? j - 1 : i;
		}
	}
}

/* ------------------------------------------------------------ cited documents */

/* A code of a kind the text cites ("QĐ", "NQ" …): a symbol's code that is one of these but not the cited kind's is a slip. */
static int known_code(const char *s, size_t len)
{
	size_t nk;
	const bc_kind *k = bc_kinds(&nk);
	for (size_t i = 0; i < nk; i++)
		if ((k[i].flags & BC_KIND_CITED) && k[i].code && strlen(k[i].code) == len && !memcmp(k[i].code, s, len))
			return 1;
	return 0;
}

/* Edit distance at most one, ASCII case folded: "TTtr" for "TTr". */
static int near(const char *a, size_t al, const char *b, size_t bl)
{
	if (al > bl + 1 || bl > al + 1)
		return 0;
	size_t i = 0, j = 0, edits = 0;
	while (i < al && j < bl) {
		char x = a[i], y = b[j];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x == y) {
			i++, j++;
			continue;
		}
		if (++edits > 1)
			return 0;
		if (al > bl)
			i++;
		else if (bl > al)
			j++;
		else
			i++, j++;
	}
	return edits + (al - i) + (bl - j) <= 1;
}

static void add_cite(refs_state *s, const char *key, size_t kl, bc_date d, bc_pos pos)
{
	if (s->ncites == s->capcites) {
		s->capcites = s->capcites ? s->capcites * 2 : 32;
		s->cites = bc_xrealloc(s->cites, s->capcites * sizeof *s->cites);
	}
	cite *c = &s->cites[s->ncites];
	c->key = bc_xmalloc(kl + 1);
	memcpy(c->key, key, kl);
	c->key[kl] = 0;
	c->date = d;
	c->pos = pos;
	c->seq = s->ncites++;
}

/* The lines that name this document or an appendix of it, not another document. */
static int cites_others(const bc_node *block)
{
	if (block->type != BC_NODE_LINE)
		return 1;
	bc_role r = block->as.line->role;
	return r != BC_ROLE_APPX_ATTACH && r != BC_ROLE_DATELINE && r != BC_ROLE_APPX_LABEL && r != BC_ROLE_APPX_TITLE;
}

/* A citation the inline parser found (parse/cite.c): its number's shape and
 * type code, its date, and its key for the one-date-per-document rule. */
static void on_cite(bc_check_ctx *cx, void *st, const bc_node *n)
{
	refs_state *s = st;
	const bc_node *block = n->parent;
	while (block && bc_node_is_inline(block))
		block = block->parent;
	if (!block || !cites_others(block))
		return;
	const bc_kind *kind = n->as.cite->kind;
	const char *ref = n->as.cite->number.s;
	size_t rl = n->as.cite->number.len;
	bc_pos pos = n->as.cite->number_pos;
	/* the shape: digits, then / or - and a symbol */
	size_t d = 0;
	while (d < rl && ref[d] >= '0' && ref[d] <= '9')
		d++;
	if (d == rl) {
		/* "Nghị quyết số 01" names a document cited in full before; with a date it is a citation without its symbol */
		if (n->as.cite->dated != BC_CITE_UNDATED)
			bc_diag_add(cx->diags, BC_W_CITE_SHAPE, pos, "%.*s", (int)rl, ref);
		return;
	}
	const char *code = kind->code;
	if (code) {
		/* the first part that is not all digits is the type code */
		size_t p = 0, tl = 0;
		const char *tc = NULL;
		while (p < rl) {
			size_t q = p;
			while (q < rl && ref[q] != '/' && ref[q] != '-' && ref[q] != ' ')
				q++;
			if (q > p && !bc_arabic_value(ref + p, q - p) && !(q - p == 4 && ref[p] >= '0' && ref[p] <= '9')) {
				tc = ref + p;
				tl = q - p;
				break;
			}
			p = q + 1;
		}
		size_t cl = strlen(code);
		if (tc && !(tl == cl && !memcmp(tc, code, cl)) && (known_code(tc, tl) || near(tc, tl, code, cl)))
			bc_diag_add(cx->diags, BC_W_CITE_TYPE, pos, "%s: %.*s ≠ %s", kind->word, (int)tl, tc, code);
	}
	if (n->as.cite->dated == BC_CITE_PARTIAL)
		bc_diag_add(cx->diags, BC_W_CITE_DATE, n->as.cite->date_pos, "%.*s", (int)n->as.cite->date_text.len,
		            n->as.cite->date_text.s);
	if (n->as.cite->dated != BC_CITE_FULL)
		return;
	/* the key: the type and the number without spaces */
	bc_buf_clear(&s->fold);
	bc_buf_puts(&s->fold, kind->word);
	bc_buf_putc(&s->fold, ' ');
	for (size_t q = 0; q < rl; q++)
		if (ref[q] != ' ')
			bc_buf_putc(&s->fold, ref[q]);
	if (full(n->as.cite->date))
		add_cite(s, s->fold.s, s->fold.len, n->as.cite->date, pos);
}

/* Dates that do not exist: the DATE nodes the inline parser marked invalid (FORMAT.md §7.6). */
static void dates(bc_check_ctx *cx, refs_state *s, const bc_node *n)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_DATE && c->as.date.invalid) {
			bc_buf_clear(&s->fold);
			bc_node_plain_text(c, &s->fold);
			bc_diag_add(cx->diags, BC_W_DATE_INVALID, c->pos, "%.*s", (int)s->fold.len, s->fold.s);
		} else if (bc_node_is_inline(c) && !bc_node_is_leaf(c)) {
			dates(cx, s, c);
		}
	}
}

/* Whether the attach line a names this document by its number and symbol
 * ("(Ban hành kèm theo Quyết định số 15/QĐ-UBND …)" in Quyết định 15/QĐ-UBND):
 * the heading of a part of it, not a sentence saying what else is sent
 * ("(Kèm theo dự thảo Văn bản chỉ đạo …)"). */
static int names_this_document(const bc_document *doc, const bc_node *a)
{
	const bc_node *num = doc->idx.number;
	if (!num)
		return 0;
	bc_str n1 = a->as.line->number, n2 = num->as.line->number, y1 = a->as.line->symbol, y2 = num->as.line->symbol;
	return n1.len && n1.len == n2.len && !memcmp(n1.s, n2.s, n1.len) && y1.len == y2.len && y1.len &&
	       !memcmp(y1.s, y2.s, y1.len);
}

static void on_text(bc_check_ctx *cx, void *st, const bc_block_text *bt)
{
	refs_state *s = st;
	const bc_node *n = bt->block;
	const char *t = bt->buf.s ? bt->buf.s : "";
	size_t len = bt->buf.len;
	if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_APPX_ATTACH) {
		/* the heading of a text the reader did not take for an appendix (its
		 * header's lines read as the closing's): said, not left silent */
		if ((!n->parent || n->parent->type != BC_NODE_APPENDIX) && names_this_document(cx->doc, n))
			bc_diag_add(cx->diags, BC_W_ATTACH_OUTSIDE, n->pos, NULL);
		check_attach(cx, s, n);
		return;
	}
	if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_DATELINE)
		return;
	if (n->type == BC_NODE_LINE && (n->as.line->role == BC_ROLE_APPX_LABEL || n->as.line->role == BC_ROLE_APPX_TITLE))
		return;
	if (cx->in_body) {
		mentions(s, bt, t, len, n->pos);
		if (!s->attach_mention && (bc_find(t, len, "kèm theo", 9, 2) || bc_find(t, len, "Kèm theo", 9, 2)))
			s->attach_mention = 1;
	}
	dates(cx, s, n);
}

static int by_key(const void *a, const void *b)
{
	const cite *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* An appendix that is a text issued with the document (attached.c): its label
 * line is the text's type ("QUY CHẾ"), not a "PHỤ LỤC" line. */
static int attached_text(const bc_node *ap)
{
	for (const bc_node *c = ap->first; c && c->type == BC_NODE_LINE; c = c->next) {
		if (c->as.line->role != BC_ROLE_APPX_LABEL)
			continue;
		bc_buf b = BC_BUF_INIT;
		bc_node_plain_text(c, &b);
		int phu_luc = b.len && (bc_find(b.s, b.len, "LỤC", 5, 0) || bc_find(b.s, b.len, "lục", 5, 0));
		bc_buf_free(&b);
		return !phu_luc;
	}
	return 0;
}

static void end(bc_check_ctx *cx, void *st)
{
	refs_state *s = st;
	/* one document, one date: later citations are compared with the first */
	bc_sort(s->cites, s->ncites, sizeof *s->cites, by_key);
	/* each citation against the first of its group (sorted, so groups are runs) */
	size_t f = 0;
	for (size_t i = 1; i < s->ncites; i++) {
		if (strcmp(s->cites[i - 1].key, s->cites[i].key) != 0) {
			f = i;
			continue;
		}
		bc_date a = s->cites[f].date, b = s->cites[i].date;
		/* numbers restart each year: 173/KH-UBND of 2023 is not that of 2025 */
		if (a.year == b.year && !same_date(a, b))
			bc_diag_add(cx->diags, BC_W_CITE_CONFLICT, s->cites[i].pos, "%02d/%02d/%04d ≠ %02d/%02d/%04d (%u)", b.day,
			            b.month, b.year, a.day, a.month, a.year, s->cites[f].pos.line);
	}
	/* appendices: named and present, present and named, each with its (Kèm theo …) line if any has one */
	int any_attach = 0;
	for (size_t i = 0; i < s->nap; i++)
		any_attach |= s->ap[i].attach;
	/* an appendix sent as a file of its own has no text to name it in */
	int alone = bc_kind_of(bc_document_type(cx->doc))->flags & BC_KIND_APPENDIX;
	for (size_t i = 0; i < s->nap; i++) {
		appx *a = &s->ap[i];
		if (any_attach && !a->attach)
			bc_diag_add(cx->diags, BC_W_APPX_NO_ATTACH, a->node->pos, NULL);
		int named = alone || s->generic_mention || (!a->value && s->nment) ||
		            (s->attach_mention && attached_text(a->node));
		for (size_t k = 0; k < s->nment && !named; k++)
			named = s->mentions[k] == a->value || (s->nap == 1 && !a->value);
		bc_str l = a->node->as.appendix.label;
		if (!named && l.len)
			bc_diag_add(cx->diags, BC_W_APPX_UNMENTIONED, a->node->pos, "%.*s", (int)l.len, l.s);
		else if (!named)
			bc_diag_add(cx->diags, BC_W_APPX_UNMENTIONED, a->node->pos, NULL);
	}
	/* Only in a document that has appendices: one without any sends them as
	 * files of their own ("tại Phụ lục I đính kèm", corpus 10), and the text
	 * cannot show they are missing.  A lone unnumbered PHỤ LỤC answers for
	 * "Phụ lục I" (its number left out), not for "Phụ lục II": a second
	 * appendix the document does not have. */
	if (s->nap) {
		for (size_t k = 0; k < s->nment; k++) {
			int found = 0;
			for (size_t i = 0; i < s->nap && !found; i++)
				found = s->ap[i].value == s->mentions[k] || (s->nap == 1 && !s->ap[i].value && s->mentions[k] == 1);
			if (!found)
				bc_diag_add(cx->diags, BC_W_APPX_MISSING, s->mention_pos[k], "%d", s->mentions[k]);
		}
	}
	for (size_t i = 0; i < s->ncites; i++)
		free(s->cites[i].key);
	free(s->cites);
	free(s->ap);
	free(s->mentions);
	free(s->mention_pos);
	bc_buf_free(&s->fold);
	free(s);
}

const bc_rule_set bc_rules_refs = {
	.name = "refs",
	.begin = begin,
	.on_node = { [BC_NODE_APPENDIX] = on_appendix, [BC_NODE_CITE] = on_cite },
	.on_text = on_text,
	.end = end,
};
