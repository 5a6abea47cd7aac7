/* pdf.c — writes the typeset pages with libharu: fonts, glyph check, drawing, outline, page labels, document info. */
#include "pdf.h"

#include <hpdf.h>
#include <hpdf_encrypt.h>   /* HPDF_MD5*, for the file identifier */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../layout/typeset.h"
#include "../model/facts.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "font.h"

/* The module's diagnostics, by the names its call sites use. */
enum { PE_NO_FONT, PE_GLYPH, PE_TEMPLATE, PE_LIBHARU, PE_BLANK, PE_COUNT };
static const bc_diag_code pdf_codes[PE_COUNT] = {
	[PE_NO_FONT] = BC_E_PDF_NO_FONT,
	[PE_GLYPH] = BC_E_PDF_MISSING_GLYPH,
	[PE_TEMPLATE] = BC_E_PDF_TEMPLATE,
	[PE_LIBHARU] = BC_E_PDF_LIBHARU,
	[PE_BLANK] = BC_W_PDF_BLANK_PART,
};

static void pdf_diag(bc_diags *d, const bc_document *doc, int which, bc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void pdf_diag(bc_diags *d, const bc_document *doc, int which, bc_pos pos, const char *fmt, ...)
{
	(void)doc;
	char arg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(arg, sizeof arg, fmt, ap);
	va_end(ap);
	if (d)
		bc_diag_add(d, pdf_codes[which], pos, "%s", arg);
}

/* ---- glyph check --------------------------------------------------------- */

static const char *const face_name[BC_FACE_COUNT] = { N_("thường"), N_("đậm"), N_("nghiêng"), N_("đậm nghiêng") };

/* Every character of the text against every face: a missing glyph would be an empty box on paper. */
static int check_glyphs(const bc_document *doc, const bc_font_family *fam, bc_diags *diags)
{
	int missing = 0;
	/* BMP code points already found in every face: fontconfig is asked once per character, not per use */
	uint8_t *known = bc_xcalloc(0x10000 / 8, 1);
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE && missing < 50) {
		const bc_node *n = it.cur;
		if (ev != BC_EV_ENTER || n->type != BC_NODE_TEXT)
			continue;
		const char *s = n->as.text.literal.s;
		size_t len = n->as.text.literal.len, i = 0;
		uint32_t col = n->pos.col;
		while (i < len && missing < 50) {
			uint32_t cp;
			int k = bc_utf8_decode(s + i, len - i, &cp);
			int f = cp < 0x10000 && (known[cp >> 3] >> (cp & 7)) & 1 ? BC_FACE_COUNT : 0;
			for (; f < BC_FACE_COUNT; f++) {
				if (!bc_font_has_glyph(fam, f, cp)) {
					char enc[5] = { 0 };
					bc_utf8_encode(cp, enc);
					bc_pos pos = { n->pos.line, col };
					pdf_diag(diags, doc, PE_GLYPH, pos, "U+%04X '%s' (%s %s)", (unsigned)cp, enc, fam->family,
					         _(face_name[f]));
					missing++;
					break;
				}
				if (f == BC_FACE_COUNT - 1 && cp < 0x10000)
					known[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			}
			col++;
			i += (size_t)k;
		}
	}
	free(known);
	return missing;
}

/* ---- writing pages --------------------------------------------------------- */

/* A rule of the page being written (see content streams, below). */
typedef struct seg {
	float lw;
	int dir;            /* 0 horizontal: at y = a, x from b to c; 1 vertical: at x = a, y from b to c; 2 other */
	int64_t a, b, c, d; /* milli-points; "other": x1 y1 x2 y2 */
} seg;

typedef struct writer {
	HPDF_Doc pdf;
	bc_font_family *fam;
	const bc_template *tpl;
	bc_metrics m;
	int draft;
	HPDF_STATUS error, detail;
	HPDF_Outline outline[8];   /* the last entry at each level */
	HPDF_Encoder utf8;
	int labels_appendix;       /* the appendix the last page label was for, -1 none */
	bc_buf content;            /* the page being written */
	seg *segs;                 /* its rules */
	size_t nsegs, capsegs;
	int outlines;              /* bookmarks made */
	char *name;                /* what the document is called: its bookmark when it has no headings */
} writer;

/* libharu's memory, capped when BAOCAO_PDF_MEMORY gives a number of bytes
 * (unset: no cap): a server compiling untrusted documents bounds the
 * writer, whose failure is then pdf-libharu (exit 2) instead of the
 * process dying.  A header before each block keeps its size for the free. */
typedef union hpdf_block { size_t size; max_align_t align; } hpdf_block;
static size_t hpdf_used, hpdf_cap;

static void *hpdf_alloc(HPDF_UINT size)
{
	if (hpdf_cap && (hpdf_used > hpdf_cap || size > hpdf_cap - hpdf_used))
		return NULL;
	hpdf_block *b = malloc(sizeof *b + size);
	if (!b)
		return NULL;
	b->size = size;
	hpdf_used += size;
	return b + 1;
}

static void hpdf_free(void *p)
{
	if (!p)
		return;
	hpdf_block *b = (hpdf_block *)p - 1;
	hpdf_used -= b->size;
	free(b);
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *ud)
{
	writer *w = ud;
	if (!w->error) {
		w->error = e;
		w->detail = detail;
	}
}

static double measure(void *ctx, bc_face face, double size, const char *s, size_t len)
{
	return bc_font_text_width(ctx, face, size, s, len);
}

static float advance(void *ctx, bc_face face, uint32_t cp) { return bc_font_cp_width(ctx, face, cp); }

/* ---- content streams --------------------------------------------------------------- */

/*
 * A page's content is written here and handed to libharu's page stream in one
 * piece: libharu's drawing calls cost ~2 000 instructions an operator (each
 * clears a 512-byte buffer) and place one string per operator.  Here the words
 * of a line share one TJ whose numbers move the pen across the stretched spaces
 * (Tw cannot: it acts on the one-byte code 32 only, and our Identity-H fonts
 * use two-byte codes); rules that continue one another (table borders, row by
 * row and cell by cell) are stroked as one line, and the line width, gray and
 * font are set only when they change.  Positions are written in exact
 * thousandths of a point, so relative moves do not drift.
 */

static int64_t milli(double v) { return llround(v * 1000.0); }

/* A number in thousandths, written as a decimal with its trailing zeros dropped. */
static void put_milli(bc_buf *b, int64_t v)
{
	char tmp[32], *e = tmp + sizeof tmp, *p = e;
	int neg = v < 0;
	uint64_t u = neg ? (uint64_t)(-v) : (uint64_t)v;
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		while (digits-- > 0) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*--p = '-';
	bc_buf_put(b, p, (size_t)(e - p));
}

static void put_nums(bc_buf *b, int n, const int64_t *v, const char *op)
{
	for (int i = 0; i < n; i++) {
		put_milli(b, v[i]);
		bc_buf_putc(b, ' ');
	}
	bc_buf_puts(b, op);
}

static void add_seg(writer *w, const seg *s)
{
	if (w->nsegs == w->capsegs) {
		w->capsegs = w->capsegs ? w->capsegs * 2 : 256;
		w->segs = bc_xrealloc(w->segs, w->capsegs * sizeof *w->segs);
	}
	w->segs[w->nsegs++] = *s;
}

static int seg_cmp(const void *x, const void *y)
{
	const seg *p = x, *q = y;
	if (p->lw != q->lw)
		return p->lw < q->lw ? -1 : 1;
	if (p->dir != q->dir)
		return p->dir - q->dir;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->c < q->c ? -1 : p->c > q->c;
}

/* Collects the rules of ops, offset by dy, as page coordinates. */
static void collect_rules(writer *w, double ph, const bc_oplist *ops, double dy)
{
	for (size_t i = 0; i < ops->n; i++) {
		const bc_op *op = &ops->v[i];
		if (op->kind != BC_OP_RULE)
			continue;
		int64_t x1 = milli(op->x), y1 = milli(ph - (dy + op->y)), x2 = milli(op->x2), y2 = milli(ph - (dy + op->y2));
		seg s = { op->size, 2, x1, y1, x2, y2 };
		if (y1 == y2)
			s = (seg){ op->size, 0, y1, x1 < x2 ? x1 : x2, x1 < x2 ? x2 : x1, 0 };
		else if (x1 == x2)
			s = (seg){ op->size, 1, x1, y1 < y2 ? y1 : y2, y1 < y2 ? y2 : y1, 0 };
		add_seg(w, &s);
	}
}

/* Strokes the collected rules: the ones on one line that touch or overlap become one. */
static void stroke_rules(writer *w, bc_buf *b, float *cur_lw)
{
	if (w->nsegs == 0)
		return;
	qsort(w->segs, w->nsegs, sizeof *w->segs, seg_cmp);
	for (size_t i = 0; i < w->nsegs;) {
		float lw = w->segs[i].lw;
		if (lw != *cur_lw) {
			int64_t v = milli(lw);
			put_nums(b, 1, &v, "w\n");
			*cur_lw = lw;
		}
		for (; i < w->nsegs && w->segs[i].lw == lw; i++) {
			seg s = w->segs[i];
			if (s.dir == 2) {
				int64_t v[4] = { s.a, s.b, s.c, s.d };
				put_nums(b, 2, v, "m ");
				put_nums(b, 2, v + 2, "l\n");
				continue;
			}
			/* within 2 thousandths: the rows' heights are floats, their places doubles */
			while (i + 1 < w->nsegs && w->segs[i + 1].lw == lw && w->segs[i + 1].dir == s.dir &&
			       w->segs[i + 1].a == s.a && w->segs[i + 1].b <= s.c + 2) {
				if (w->segs[i + 1].c > s.c)
					s.c = w->segs[i + 1].c;
				i++;
			}
			int64_t v[4] = { s.b, s.a, s.c, s.a };
			if (s.dir == 1)
				v[0] = v[2] = s.a, v[1] = s.b, v[3] = s.c;
			put_nums(b, 2, v, "m ");
			put_nums(b, 2, v + 2, "l\n");
		}
		bc_buf_puts(b, "S\n");
	}
	w->nsegs = 0;
}

/* Fills (pass 0) or boxes (pass 1) of ops, offset by dy. */
static void draw_shapes(bc_buf *b, double ph, const bc_oplist *ops, double dy, int pass, float *cur_gray, float *cur_lw)
{
	for (size_t i = 0; i < ops->n; i++) {
		const bc_op *op = &ops->v[i];
		if (op->kind != (pass == 0 ? BC_OP_FILL : BC_OP_BOX))
			continue;
		if (pass == 0 && op->gray != *cur_gray) {
			int64_t g = milli(op->gray);
			put_nums(b, 1, &g, "g\n");
			*cur_gray = op->gray;
		}
		if (pass == 1 && op->size != *cur_lw) {
			int64_t v = milli(op->size);
			put_nums(b, 1, &v, "w\n");
			*cur_lw = op->size;
		}
		int64_t v[4] = { milli(op->x), milli(ph - (dy + op->y + op->y2)), milli(op->x2), milli(op->y2) };
		put_nums(b, 4, v, pass == 0 ? "re f\n" : "re S\n");
	}
}

/* The text state within a page's BT ... ET. */
typedef struct text_state {
	HPDF_Page page;
	const char *font_name[BC_FACE_COUNT];   /* the page's resource names, once used */
	int face;
	int64_t size;        /* as written, thousandths of a point; -1 none */
	int64_t lx, ly;      /* start of the current line (the last Td), thousandths */
	int in_array;        /* a TJ array is open */
	double pen;          /* where the next glyph of the array would go, points */
} text_state;

/* One byte of a literal string: the delimiters and the backslash escaped, and the line ends,
 * which a reader would otherwise take for one another. */
static char *put_byte(char *p, unsigned c)
{
	switch (c) {
	case '(': case ')': case '\\': *p++ = '\\'; *p++ = (char)c; break;
	case '\r': *p++ = '\\'; *p++ = 'r'; break;
	case '\n': *p++ = '\\'; *p++ = 'n'; break;
	default: *p++ = (char)c; break;
	}
	return p;
}

static char *put_unit(char *p, unsigned u)
{
	p = put_byte(p, u >> 8);
	return put_byte(p, u & 0xFF);
}

/* The string as our Identity-H fonts code it: UTF-16 units, big-endian, in a literal
 * string (half the bytes of hex); returns its advance in 1/1000 em. */
static double put_text(writer *w, bc_buf *b, bc_face face, const char *s, size_t len)
{
	double units = 0;
	size_t i = 0;
	/* at most 2 units a code point, 2 escaped bytes a unit, and the parentheses */
	char *p0 = bc_buf_reserve(b, len * 8 + 2), *p = p0;
	*p++ = '(';
	while (i < len) {
		uint32_t cp = (unsigned char)s[i];
		if (cp < 0x80)
			i++;
		else
			cp = bc_utf8_next(s, len, &i);
		units += bc_font_draw_cp(w->fam, face, cp);
		if (cp >= 0x10000) {
			p = put_unit(p, 0xD800 + ((cp - 0x10000) >> 10));
			p = put_unit(p, 0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			p = put_unit(p, cp);
		}
	}
	*p++ = ')';
	b->len += (size_t)(p - p0);
	b->s[b->len] = '\0';
	return units;
}

static void draw_text(writer *w, bc_buf *b, double ph, const bc_oplist *ops, double dy, text_state *ts)
{
	for (size_t i = 0; i < ops->n; i++) {
		const bc_op *op = &ops->v[i];
		if (op->kind != BC_OP_TEXT || op->len == 0)
			continue;
		int face = op->face & BC_FACE_BOLD_ITALIC;   /* the bits of a bc_face */
		int64_t size = milli(op->size), x = milli(op->x), y = milli(ph - (dy + op->y));
		double sz = (double)size / 1000.0;
		int same_font = face == ts->face && size == ts->size;
		/* on the baseline of the open array, in its font, not behind its pen: one more element */
		if (ts->in_array && same_font && y == ts->ly && (double)x / 1000.0 >= ts->pen - 0.01 && sz > 0) {
			int64_t adj = milli(-((double)x / 1000.0 - ts->pen) * 1000.0 / sz);
			if (adj != 0) {
				put_milli(b, adj);
				ts->pen -= (double)adj / 1e6 * sz;
			}
		} else {
			if (ts->in_array)
				bc_buf_puts(b, "]TJ\n");
			ts->in_array = 0;
			if (!same_font) {
				if (!ts->font_name[face])
					ts->font_name[face] = HPDF_Page_GetLocalFontName(ts->page, w->fam->hpdf_font[face]);
				if (!ts->font_name[face]) {
					w->error = w->error ? w->error : HPDF_INVALID_FONT;
					return;
				}
				bc_buf_putc(b, '/');
				bc_buf_puts(b, ts->font_name[face]);
				bc_buf_putc(b, ' ');
				put_nums(b, 1, &size, "Tf\n");
				ts->face = face;
				ts->size = size;
			}
			int64_t d[2] = { x - ts->lx, y - ts->ly };
			put_nums(b, 2, d, "Td\n[");
			ts->lx = x;
			ts->ly = y;
			ts->in_array = 1;
			ts->pen = (double)x / 1000.0;
		}
		ts->pen += put_text(w, b, face, op->s, op->len) * sz / 1000.0;
	}
}

/* Bytes of UTF-8 a document information string or a bookmark keeps: libharu
 * refuses a string over 65 535 bytes (HPDF_STRING_OUT_OF_RANGE, as UTF-16
 * with its mark), which a title of 12 000 words is; the page has it all. */
#define INFO_MAX 4000

/* Cuts b to INFO_MAX bytes at a space (or a character's start), marked " …". */
static void clip_info(bc_buf *b)
{
	if (b->len <= INFO_MAX)
		return;
	size_t cut = INFO_MAX;
	while (cut > INFO_MAX / 2 && b->s[cut] != ' ')
		cut--;
	if (b->s[cut] != ' ')
		for (cut = INFO_MAX; cut > 0 && ((unsigned char)b->s[cut] & 0xC0) == 0x80; cut--)
			;
	b->len = cut;
	b->s[cut] = '\0';
	bc_buf_puts(b, " …");
}

static void add_outline(writer *w, HPDF_Page page, double ph, int level, const char *title, double y)
{
	if (level < 1)
		return;
	if (level > 7)
		level = 7;
	HPDF_Outline parent = NULL;
	for (int l = level - 1; l >= 1 && !parent; l--)
		parent = w->outline[l];
	if (!parent)
		parent = NULL;   /* the root */
	bc_buf clipped = BC_BUF_INIT;
	bc_buf_puts(&clipped, title);
	clip_info(&clipped);
	HPDF_Outline o = HPDF_CreateOutline(w->pdf, parent, clipped.s, w->utf8);
	bc_buf_free(&clipped);
	if (!o)
		return;
	HPDF_Destination dst = HPDF_Page_CreateDestination(page);
	if (dst) {
		HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(ph - y + 6), 1);
		HPDF_Outline_SetDestination(o, dst);
	}
	w->outline[level] = o;
	w->outlines++;
	for (int l = level + 1; l < 8; l++)
		w->outline[l] = NULL;
}

static int emit_page(void *ctx, const bc_page *pg)
{
	writer *w = ctx;
	HPDF_Page page = HPDF_AddPage(w->pdf);
	if (!page)
		return -1;
	HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
	HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);
	double ph = pg->height;
	/* page labels: the main text 1, 2, ...; each appendix again from 1 */
	if (pg->number == 1 && pg->appendix != w->labels_appendix) {
		char prefix[32] = "";
		if (pg->appendix > 0)
			snprintf(prefix, sizeof prefix, "PL%d-", pg->appendix);
		HPDF_AddPageLabel(w->pdf, (HPDF_UINT)pg->index, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, prefix[0] ? prefix : NULL);
		w->labels_appendix = pg->appendix;
	}
	bc_oplist furn = { 0 };
	char num[16];
	bc_typeset_furniture(pg, w->tpl, &w->m, w->draft, num, &furn);
	bc_buf *b = &w->content;
	bc_buf_clear(b);
	/* fills, then strokes, then the text over them */
	float gray = 0, lw = 1;   /* the graphics state's defaults */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < pg->n; i++)
			draw_shapes(b, ph, &pg->units[i]->ops, pg->y[i], pass, &gray, &lw);
		draw_shapes(b, ph, &furn, 0, pass, &gray, &lw);
	}
	if (gray != 0)
		bc_buf_puts(b, "0 g\n");
	for (size_t i = 0; i < pg->n; i++)
		collect_rules(w, ph, &pg->units[i]->ops, pg->y[i]);
	collect_rules(w, ph, &furn, 0);
	stroke_rules(w, b, &lw);
	text_state ts = { .page = page, .face = -1, .size = -1 };
	size_t bt = b->len;
	bc_buf_puts(b, "BT\n");
	for (size_t i = 0; i < pg->n; i++)
		draw_text(w, b, ph, &pg->units[i]->ops, pg->y[i], &ts);
	draw_text(w, b, ph, &furn, 0, &ts);
	if (ts.in_array)
		bc_buf_puts(b, "]TJ\n");
	if (b->len == bt + 3)
		b->len = bt;   /* no text */
	else
		bc_buf_puts(b, "ET\n");
	if (b->len && !w->error) {
		HPDF_STATUS st = HPDF_Stream_Write(((HPDF_PageAttr)page->attr)->stream, (const HPDF_BYTE *)b->s, (HPDF_UINT)b->len);
		if (st != HPDF_OK)
			w->error = st;
	}
	bc_oplist_free(&furn);
	for (size_t i = 0; i < pg->n; i++)
		if (pg->units[i]->outline && pg->units[i]->outline_level > 0)
			add_outline(w, page, ph, pg->units[i]->outline_level, pg->units[i]->outline, pg->y[i]);
	return w->error ? -1 : 0;
}

/* ---- document information --------------------------------------------------- */

static void line_text(const bc_node *n, bc_buf *b)
{
	if (n)
		bc_node_plain_text(n, b);
}

/*
 * The trailer's /ID, which libharu writes only for encrypted files: an MD5 of what decides the
 * bytes (program version, source text, template, date), so that the same input and options
 * give the same file and different documents different identifiers (reproducible builds).
 */
static void set_file_id(writer *w, const bc_document *doc, time_t when)
{
	HPDF_MD5_CTX ctx;
	HPDF_BYTE key[HPDF_MD5_KEY_LEN];
	char buf[64];
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)"baocao " BAOCAO_VERSION, (HPDF_UINT32)strlen("baocao " BAOCAO_VERSION));
	for (size_t off = 0; doc->text && off < doc->text_len;) {
		size_t k = doc->text_len - off > 1u << 30 ? 1u << 30 : doc->text_len - off;
		HPDF_MD5Update(&ctx, (const HPDF_BYTE *)doc->text + off, (HPDF_UINT32)k);
		off += k;
	}
	/* the template: every setting, by value (its padding bytes are zero: it is memset when loaded) */
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)w->tpl, (HPDF_UINT32)sizeof *w->tpl);
	int n = snprintf(buf, sizeof buf, "%lld", (long long)when);
	HPDF_MD5Update(&ctx, (const HPDF_BYTE *)buf, (HPDF_UINT32)n);
	HPDF_MD5Final(key, &ctx);
	HPDF_Array id = HPDF_Array_New(w->pdf->mmgr);
	if (!id || HPDF_Dict_Add(w->pdf->trailer, "ID", id) != HPDF_OK)
		return;
	/* both halves equal: a file never updated in place */
	HPDF_Array_Add(id, HPDF_Binary_New(w->pdf->mmgr, key, HPDF_MD5_KEY_LEN));
	HPDF_Array_Add(id, HPDF_Binary_New(w->pdf->mmgr, key, HPDF_MD5_KEY_LEN));
}

static void set_info(writer *w, const bc_document *doc, const bc_render_options *opt)
{
	bc_buf title = BC_BUF_INIT, author = BC_BUF_INIT, subject = BC_BUF_INIT, kw = BC_BUF_INIT;
	if (doc->meta)
		for (const bc_node *n = doc->meta->first; n; n = n->next) {
			if (n->type != BC_NODE_LINE)
				continue;
			bc_buf *into = NULL;
			if (n->as.line->role == BC_ROLE_TITLE)
				into = &title;
			else if (bc_issuer_line(doc, n))
				into = &author;   /* the issuer that names the document (a consolidated text's may be at its end) */
			else if (n->as.line->role == BC_ROLE_NUMBER)
				into = &kw;
			else if (n->as.line->role == BC_ROLE_SUMMARY)
				into = &subject;   /* a dispatch's "V/v ...": its title when it has no other */
			if (into) {
				if (into->len)
					bc_buf_putc(into, ' ');
				line_text(n, into);
			}
		}
	const bc_node *dt = doc->idx.doctype;
	if (!dt && doc->meta)
		for (const bc_node *n = doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_DOCTYPE)
				dt = n;
	if (!title.len && subject.len) {
		bc_buf t = title;
		title = subject;
		subject = t;
	}
	if (dt) {
		bc_buf_clear(&subject);
		line_text(dt, &subject);
		/* a giấy giới thiệu has no title: its type names it */
		if (!title.len)
			line_text(dt, &title);
	}
	clip_info(&title);
	clip_info(&author);
	clip_info(&subject);
	clip_info(&kw);
	/* the encoder must be UTF-8 before the strings go in, or they are stored raw */
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	if (title.len)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_TITLE, title.s);
	if (author.len)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_AUTHOR, author.s);
	if (subject.len)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_SUBJECT, subject.s);
	if (kw.len)
		HPDF_SetInfoAttr(w->pdf, HPDF_INFO_KEYWORDS, kw.s);
	HPDF_SetInfoAttr(w->pdf, HPDF_INFO_CREATOR, "baocao " BAOCAO_VERSION);
	/* The date written is never the wall clock, so the same input gives the same
	 * bytes at any time: SOURCE_DATE_EPOCH when set, else the document's own
	 * date of issue as the facts decided it for the XML's IssuedDate (complete
	 * and real: never 31/02 carried over into March), from 1970 on, else none. */
	time_t when = -1;
	const bc_facts *facts = bc_document_facts(doc);
	if (opt && opt->source_date_epoch >= 0) {
		when = (time_t)opt->source_date_epoch;
	} else if (facts->issued_known && facts->issued.year >= 1970) {
		struct tm t = { 0 };
		t.tm_year = facts->issued.year - 1900;
		t.tm_mon = facts->issued.month - 1;
		t.tm_mday = facts->issued.day;
		when = timegm(&t);
	}
	struct tm tm;
	/* a SOURCE_DATE_EPOCH past year 9999 cannot be a PDF date: 1970 rather than garbage */
	if (when >= 0 && (!gmtime_r(&when, &tm) || tm.tm_year + 1900 > 9999)) {
		when = 0;
		gmtime_r(&when, &tm);
	}
	if (when >= 0) {
		HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, d);
		HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, d);
	}
	set_file_id(w, doc, when >= 0 ? when : 0);
	/* "Công văn số 31/UBND-VP: V/v ..." — the template names the type */
	bc_buf name = BC_BUF_INIT;
	bc_buf_puts(&name, w->tpl->name);
	const bc_node *nb = doc->idx.number;
	if (nb && (nb->as.line->number.len || nb->as.line->symbol.len)) {
		bc_buf_puts(&name, " số ");
		bc_buf_put(&name, nb->as.line->number.s, nb->as.line->number.len);
		if (nb->as.line->year.len) {
			bc_buf_putc(&name, '/');
			bc_buf_put(&name, nb->as.line->year.s, nb->as.line->year.len);
		}
		if (nb->as.line->symbol.len) {
			bc_buf_putc(&name, '/');
			bc_buf_put(&name, nb->as.line->symbol.s, nb->as.line->symbol.len);
		}
	}
	if (title.len) {
		bc_buf_puts(&name, ": ");
		bc_buf_puts(&name, title.s);
	}
	w->name = bc_xstrdup(bc_buf_cstr(&name));
	bc_buf_free(&name);
	bc_buf_free(&title);
	bc_buf_free(&author);
	bc_buf_free(&subject);
	bc_buf_free(&kw);
}

/* ---- the entry point ------------------------------------------------------------ */

/* The finished file, from libharu's memory stream into the caller's buffer. */
static int save_to(writer *w, bc_buf *out)
{
	if (HPDF_SaveToStream(w->pdf) != HPDF_OK)
		return -1;
	HPDF_UINT32 size = HPDF_GetStreamSize(w->pdf);
	if (HPDF_ResetStream(w->pdf) != HPDF_OK)
		return -1;
	char *at = bc_buf_reserve(out, size);
	HPDF_UINT32 got = 0;
	while (got < size) {
		HPDF_UINT32 n = size - got;
		HPDF_STATUS st = HPDF_ReadFromStream(w->pdf, (HPDF_BYTE *)at + got, &n);
		got += n;
		if (st == HPDF_STREAM_EOF)
			break;
		if (st != HPDF_OK || n == 0)
			return -1;
	}
	if (got != size)
		return -1;
	out->len += size;
	out->s[out->len] = '\0';
	return 0;
}

int bc_pdf_output(const bc_document *doc, const bc_render_options *opt, bc_buf *out, bc_diags *diags)
{
	bc_pos top = { 1, 1 };
	bc_template tpl;
	char err[1024];
	if (bc_template_load_for(&tpl, doc, opt ? opt->template_path : NULL, err, sizeof err) != 0) {
		pdf_diag(diags, doc, PE_TEMPLATE, top, "%s", err);
		return 1;
	}
	bc_font_family fam;
	const char *families[2] = { tpl.font_family[0], tpl.font_family[1] };
	if (bc_font_find(&fam, families, 2, err, sizeof err) != 0) {
		pdf_diag(diags, doc, PE_NO_FONT, top, "%s", err);
		bc_font_release(&fam);
		return 1;
	}
	int bad = check_glyphs(doc, &fam, diags);
	/* the template's own text is drawn too */
	size_t dlen = strlen(tpl.draft_text);
	for (size_t i = 0; i < dlen;) {
		uint32_t cp = bc_utf8_next(tpl.draft_text, dlen, &i);
		if (!bc_font_has_glyph(&fam, BC_FACE_BOLD, cp)) {
			pdf_diag(diags, doc, PE_GLYPH, top, _("U+%04X trong dấu dự thảo của mẫu trang"), (unsigned)cp);
			bad++;
		}
	}
	if (bad) {
		bc_font_release(&fam);
		return 1;
	}

	writer w;
	memset(&w, 0, sizeof w);
	w.fam = &fam;
	w.tpl = &tpl;
	w.labels_appendix = -1;
	w.draft = bc_typeset_is_draft(doc);
	const char *cap = getenv("BAOCAO_PDF_MEMORY");
	hpdf_cap = cap && *cap ? (size_t)strtoull(cap, NULL, 10) : 0;
	if (cap && *cap && hpdf_cap == 0)
		hpdf_cap = 1;   /* "0": nothing at all */
	hpdf_used = 0;
	w.pdf = HPDF_NewEx(hpdf_error, hpdf_alloc, hpdf_free, 0, &w);
	if (!w.pdf) {
		pdf_diag(diags, doc, PE_LIBHARU, top, "HPDF_New");
		bc_font_release(&fam);
		return 2;
	}
	int rc = 0;
	/* libharu's arrays hold at most 32 767 entries (error 0x1001): pages go into a tree of Pages
	 * nodes of 1 024 each, not all into the root's Kids (a document of up to 1 024 pages is unchanged) */
	HPDF_SetPagesConfiguration(w.pdf, 1024);
	HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
	HPDF_SetPageMode(w.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (bc_font_load_hpdf(&fam, w.pdf) != 0) {
		pdf_diag(diags, doc, PE_NO_FONT, top, _("libharu không nạp được %s (lỗi 0x%04X)"), fam.path[0], (unsigned)w.error);
		rc = 1;
		goto done;
	}
	w.utf8 = HPDF_GetEncoder(w.pdf, "UTF-8");
	w.m.measure = measure;
	w.m.advance = advance;
	w.m.ctx = &fam;
	w.m.ascent = fam.ascent / 1000.0;
	w.m.descent = -fam.descent / 1000.0;
	set_info(&w, doc, opt);
	bc_typeset_stats st;
	if (bc_typeset(doc, &tpl, &w.m, emit_page, &w, &st) != 0 || w.error) {
		pdf_diag(diags, doc, PE_LIBHARU, top, _("lỗi 0x%04X, chi tiết %u"), (unsigned)w.error, (unsigned)w.detail);
		rc = 2;   /* libharu failing (memory, internal error) is not the input's fault */
		goto done;
	}
	/* once per part of the header the page shows as a blank (the typesetter found it lost) */
	static const struct { unsigned bit; const char *part; } blanks[] = {
		{ BC_BLANK_ISSUER, N_("tên cơ quan, tổ chức ban hành") },
		{ BC_BLANK_NUMBER, N_("số, ký hiệu") },
		{ BC_BLANK_DATE, N_("địa danh và thời gian ban hành") },
		{ BC_BLANK_PLACE, N_("địa danh") },
	};
	for (size_t i = 0; i < sizeof blanks / sizeof *blanks; i++)
		if (st.blank_parts & blanks[i].bit)
			pdf_diag(diags, doc, PE_BLANK, top, "%s", _(blanks[i].part));
	/* a dispatch has no headings: one bookmark, its name, still lets a viewer show what it is */
	if (w.outlines == 0 && st.pages > 0 && w.name) {
		HPDF_Page first = HPDF_GetPageByIndex(w.pdf, 0);
		add_outline(&w, first, HPDF_Page_GetHeight(first), 1, w.name, tpl.m_top * BC_MM);
	}
	if (bc_font_write_tounicode(&fam) != 0) {
		pdf_diag(diags, doc, PE_LIBHARU, top, _("không viết lại được bảng ToUnicode (lỗi 0x%04X)"), (unsigned)w.error);
		rc = 2;
		goto done;
	}
	if (save_to(&w, out) != 0) {
		pdf_diag(diags, doc, PE_LIBHARU, top, _("khi lưu tệp đã hoàn tất (lỗi 0x%04X)"), (unsigned)w.error);
		rc = 2;
	}
done:
	HPDF_Free(w.pdf);
	bc_buf_free(&w.content);
	free(w.segs);
	free(w.name);
	bc_font_release(&fam);
	return rc;
}
