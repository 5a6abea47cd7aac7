/* restore.c — the restore stage's driver: the input's lines, the shape, the concerns in order, the restored text and its map back. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"

static const char *const shape_names[BC_SHAPE_COUNT] = {
	[BC_SHAPE_AUTO] = "auto",
	[BC_SHAPE_TYPED] = "typed",
	[BC_SHAPE_PDF] = "pdf",
	[BC_SHAPE_MARKDOWN] = "markdown",
	[BC_SHAPE_WORD] = "word",
};

static const char *const kind_names[BC_RESTORE_KIND_COUNT] = {
	[BC_RESTORE_PAGE_NUMBER] = "page-number",
	[BC_RESTORE_STAMP] = "stamp",
	[BC_RESTORE_FIELD_CODE] = "field-code",
	[BC_RESTORE_GLYPH] = "glyph",
	[BC_RESTORE_MARKDOWN] = "markdown",
	[BC_RESTORE_LAYOUT] = "layout",
	[BC_RESTORE_CELLS] = "cells",
	[BC_RESTORE_OCR] = "ocr",
	[BC_RESTORE_ROWS] = "rows",
	[BC_RESTORE_OCR_TABLE] = "ocr-table",
	[BC_RESTORE_SPACE_TABLE] = "space-table",
	[BC_RESTORE_GRID_TABLE] = "grid-table",
	[BC_RESTORE_RUNNING] = "running",
	[BC_RESTORE_NOTE] = "footnote",
	[BC_RESTORE_FIGURE_TABLE] = "figure-table",
	[BC_RESTORE_BRACKET_NOTE] = "bracket-note",
	[BC_RESTORE_ENACTING] = "enacting",
};

/* The note each kind of restore is reported with, once, at its first line. */
static const bc_diag_code kind_codes[BC_RESTORE_KIND_COUNT] = {
	[BC_RESTORE_PAGE_NUMBER] = BC_N_RESTORE_PAGE_NUMBER,
	[BC_RESTORE_STAMP] = BC_N_RESTORE_STAMP,
	[BC_RESTORE_FIELD_CODE] = BC_N_RESTORE_FIELD_CODE,
	[BC_RESTORE_GLYPH] = BC_N_RESTORE_GLYPH,
	[BC_RESTORE_MARKDOWN] = BC_N_RESTORE_MARKDOWN,
	[BC_RESTORE_LAYOUT] = BC_N_RESTORE_LAYOUT,
	[BC_RESTORE_CELLS] = BC_N_RESTORE_CELLS,
	[BC_RESTORE_OCR] = BC_N_RESTORE_OCR,
	[BC_RESTORE_ROWS] = BC_W_RESTORE_ROWS,
	[BC_RESTORE_OCR_TABLE] = BC_N_RESTORE_OCR_TABLE,
	[BC_RESTORE_SPACE_TABLE] = BC_N_RESTORE_SPACE_TABLE,
	[BC_RESTORE_GRID_TABLE] = BC_N_RESTORE_GRID_TABLE,
	[BC_RESTORE_RUNNING] = BC_N_RESTORE_RUNNING,
	[BC_RESTORE_NOTE] = BC_N_RESTORE_NOTE,
	[BC_RESTORE_FIGURE_TABLE] = BC_N_RESTORE_FIGURE_TABLE,
	[BC_RESTORE_BRACKET_NOTE] = BC_N_RESTORE_BRACKET_NOTE,
	[BC_RESTORE_ENACTING] = BC_N_RESTORE_ENACTING,
};

const char *bc_shape_name(bc_shape s) { return s >= 0 && s < BC_SHAPE_COUNT ? shape_names[s] : "auto"; }

bc_shape bc_shape_from_name(const char *name)
{
	for (int s = 0; s < BC_SHAPE_COUNT; s++)
		if (name && strcmp(name, shape_names[s]) == 0)
			return (bc_shape)s;
	return BC_SHAPE_COUNT;
}

const char *bc_restore_kind_name(bc_restore_kind k)
{
	return k >= 0 && k < BC_RESTORE_KIND_COUNT ? kind_names[k] : "none";
}

/* ---- what the concerns call ---- */

int rs_blank(const rs_line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (l->s[i] != ' ' && l->s[i] != '\t')
			return 0;
	return 1;
}

size_t rs_grid_rule(const rs_line *l, uint32_t *plus, size_t max, unsigned *marks)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	*marks = 0;
	if (n < 3 || s[0] != '+' || s[n - 1] != '+')
		return 0;
	size_t lead = (size_t)(s - l->s), np = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			if (i && s[i - 1] == '+')
				*marks |= RS_RULE_PLUS2;
			if (np < max)
				plus[np] = (uint32_t)(lead + i);
			np++;
		} else if (s[i] == '=') {
			*marks |= RS_RULE_EQ;
		} else if (s[i] == '-') {
			*marks |= RS_RULE_DASH;
		} else if (s[i] != ':') {
			return 0;
		}
	}
	return np;
}

int rs_figure_token(const char *s, size_t n)
{
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(".,%/()+-", s[i]))
			return 0;
	}
	return digits > 0;
}

int rs_figures(const rs_line *l, size_t max)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

size_t rs_number_head(const char *s, size_t n)
{
	static const char *const heads[] = { "TT", "STT", "Stt", "Số TT", "SỐ TT", "Số thứ tự", "SỐ THỨ TỰ" };
	for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
		size_t hl = strlen(heads[k]);
		if (n >= hl && memcmp(s, heads[k], hl) == 0 && (n == hl || s[hl] == ' '))
			return hl;
	}
	return 0;
}

int rs_number_levels(const char *s, size_t n, long *v)
{
	if (n && s[n - 1] == '.')
		n--;
	int lv = 0;
	for (size_t i = 0; i < n;) {
		size_t d = 0;
		long x = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			x = x * 10 + (s[i++] - '0'), d++;
		if (d < 1 || d > (lv ? 2u : 3u) || lv == RS_MAX_LEVELS)
			return 0;
		v[lv++] = x;
		if (i < n && s[i++] != '.')
			return 0;
		if (i == n && s[n - 1] == '.')
			return 0;
	}
	return lv;
}

int rs_levels_follow(const long *a, int n, const long *b, int m)
{
	if (!n || !m)
		return 0;
	if (m == n + 1)
		return memcmp(a, b, (size_t)n * sizeof *a) == 0 && b[m - 1] == 1;
	return m <= n && (m == 1 || memcmp(a, b, (size_t)(m - 1) * sizeof *a) == 0) && b[m - 1] == a[m - 1] + 1;
}

int rs_group_label(const char *s, size_t n, int *kind)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
	                                     "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX" };
	if (n && s[n - 1] == '.')
		n--;
	for (size_t k = 0; k < sizeof roman / sizeof roman[0]; k++)
		if (n == strlen(roman[k]) && memcmp(s, roman[k], n) == 0) {
			*kind = 'I';
			return (int)k + 1;
		}
	if (n == 1 && s[0] >= 'A' && s[0] <= 'Z') {
		*kind = 'A';
		return s[0] - 'A' + 1;
	}
	return 0;
}

void rs_trim(const rs_line *l, const char **s, size_t *len)
{
	size_t b = 0, e = l->len;
	while (b < e && (l->s[b] == ' ' || l->s[b] == '\t'))
		b++;
	while (e > b && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t' || l->s[e - 1] == '\r'))
		e--;
	*s = l->s + b;
	*len = e - b;
}

static void record(rs_ctx *cx, size_t i, bc_restore_kind kind, int dropped)
{
	bc_restore *r = cx->out;
	r->rec = bc_xgrow(r->rec, r->nrec, sizeof *r->rec);
	bc_restore_record *rec = &r->rec[r->nrec++];
	rec->kind = kind;
	rec->line = (uint32_t)(i + 1);
	rec->len = cx->v[i].len;
	rec->text = bc_xmalloc(rec->len + 1);
	memcpy(rec->text, cx->v[i].s, rec->len);
	rec->text[rec->len] = 0;
	rec->dropped = dropped;
}

/* Takes line i out of the text; 0 when it was out already. */
static int take_out(rs_ctx *cx, size_t i, bc_restore_kind kind, int dropped)
{
	if (i >= cx->n || cx->v[i].dropped)
		return 0;
	/* the record holds the line as the input had it, not a rewrite */
	if (!cx->v[i].repl)
		record(cx, i, kind, dropped);
	cx->v[i].dropped = 1;
	return 1;
}

void rs_drop(rs_ctx *cx, size_t i, bc_restore_kind kind)
{
	if (take_out(cx, i, kind, 1))
		cx->out->count[kind]++;
}

void rs_move(rs_ctx *cx, size_t i, bc_restore_kind kind) { take_out(cx, i, kind, 0); }

void rs_add_line(rs_ctx *cx, size_t after, const char *s, size_t len, uint32_t line, uint32_t col)
{
	rs_line *l = after == RS_TOP ? &cx->top : &cx->v[after];
	l->adds = bc_xgrow(l->adds, l->nadds, sizeof *l->adds);
	rs_add *a = &l->adds[l->nadds++];
	a->s = bc_xmalloc(len + 1);
	memcpy(a->s, s, len);
	a->s[len] = 0;
	a->len = len;
	a->line = line;
	a->col = col;
	a->jumps = NULL;
	a->njumps = 0;
}

void rs_add_jump(rs_ctx *cx, size_t after, uint32_t col, uint32_t line, uint32_t incol)
{
	rs_line *l = after == RS_TOP ? &cx->top : &cx->v[after];
	rs_add *a = &l->adds[l->nadds - 1];
	a->jumps = bc_xgrow(a->jumps, a->njumps, sizeof *a->jumps);
	a->jumps[a->njumps++] = (bc_restore_shift){ 0, col, incol - col, line };
}

void rs_rewrite(rs_ctx *cx, size_t i, bc_restore_kind kind, const char *s, size_t len)
{
	rs_line *l = &cx->v[i];
	if (!l->repl)
		record(cx, i, kind, 0);
	char *copy = bc_xmalloc(len + 1);
	if (len)   /* a line a rewrite leaves empty (a Markdown line break alone): s may be NULL */
		memcpy(copy, s, len);
	copy[len] = 0;
	free(l->repl);
	l->repl = copy;
	l->s = copy;
	l->len = len;
	cx->out->count[kind]++;
}

void rs_shift(rs_ctx *cx, size_t i, uint32_t col, uint32_t shift)
{
	rs_line *l = &cx->v[i];
	l->shifts = bc_xgrow(l->shifts, l->nshifts, sizeof *l->shifts);
	l->shifts[l->nshifts++] = (bc_restore_shift){ 0, col, shift, 0 };
}

/* ---- the shape ---- */

/* Evidence of a converter, counted over the text: a PDF's form feeds and
 * wrongly mapped letters, a Markdown converter's escapes and __strong__,
 * docx2txt's lines centred on 80 columns (cx->docx2txt, set whether or not
 * the shape is forced), a Word field's code. */
static bc_shape detect(rs_ctx *cx)
{
	size_t escapes = 0, underscores = 0, glyphs = 0, fields = 0, tables = 0;
	size_t padded = 0, centred = 0, indented = 0;
	for (size_t i = 0; i < cx->n; i++) {
		const char *s = cx->v[i].s;
		size_t n = cx->v[i].len;
		/* docx2txt centres a paragraph on an 80-column line, counting its
		 * bytes and its line end: (79 - bytes) / 2 spaces before it, so an
		 * empty centred paragraph is 39 spaces, an empty right-aligned one 79 */
		size_t lead = 0;
		while (lead < n && s[lead] == ' ')
			lead++;
		if (lead == n) {
			padded += n == 39 || n == 79;
		} else if (lead >= 8) {
			size_t rest = n - lead;
			indented++;
			if (rest < 79 && (lead == (79 - rest) / 2 || lead + rest == 79))
				centred++;
		}
		/* pandoc's tables: a grid's "+---+" rule, or raw HTML */
		if (n >= 4 && ((s[0] == '+' && s[1] == '-' && s[n - 1] == '+') || memcmp(s, "<table", n < 6 ? n : 6) == 0))
			tables++;
		/* a field code starts with P, N or S after spaces: most lines are not looked at further */
		const char *f = s;
		while (f < s + n && *f == ' ')
			f++;
		if (f < s + n && (*f == 'P' || *f == 'N' || *f == 'S'))
			fields += rs_field_code(&cx->v[i]);
		/* the three marks are rare bytes: memchr to each */
		for (const char *p = s; (p = memchr(p, '\\', (size_t)(s + n - p))) != NULL && p + 1 < s + n; p++)
			escapes += p[1] && strchr(".-()!#+", p[1]) != NULL;
		for (const char *p = s; (p = memchr(p, '_', (size_t)(s + n - p))) != NULL && p + 1 < s + n; p++)
			if (p[1] == '_')
				underscores++, p++;
		for (const char *p = s; (p = memchr(p, 0xC6, (size_t)(s + n - p))) != NULL && p + 1 < s + n; p++)
			glyphs += (unsigned char)p[1] == 0xA2 || (unsigned char)p[1] == 0xA3;   /* Ƣ ƣ */
	}
	/* pdftotext, mutool and pdfminer end every page with a form feed, the
	 * last one too: a one-page PDF's text ends with one, which no typed text does */
	if (cx->npages > 1 || glyphs || cx->ff_end)
		return BC_SHAPE_PDF;
	/* docx2txt's text: the lines set far in are centred on its 80 columns
	 * (half of them at least, four at least), or two empty paragraphs
	 * padded so stand beside two centred lines */
	cx->docx2txt = (centred >= 4 && 2 * centred >= indented) || (padded >= 2 && centred >= 2 && 2 * centred >= indented);
	if (cx->docx2txt && !tables)
		return BC_SHAPE_WORD;
	if (escapes >= 2 || underscores >= 4 || tables)
		return BC_SHAPE_MARKDOWN;
	if (fields)
		return BC_SHAPE_WORD;
	return BC_SHAPE_TYPED;
}

/* ---- the driver ---- */

static int by_line(const void *a, const void *b)
{
	const bc_restore_record *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The lines a concern wrote after one input line (or before the first), each
 * from its own place in the input: into the restored text b, as lines nl+1 … */
static void write_adds(bc_restore *out, bc_buf *b, size_t *nl, const rs_line *l)
{
	for (size_t k = 0; k < l->nadds; k++) {
		const rs_add *a = &l->adds[k];
		if (*nl)
			bc_buf_putc(b, '\n');
		bc_buf_put(b, a->s, a->len);
		out->orig_line[++*nl] = a->line;
		if (a->col > 1) {
			out->shifts = bc_xgrow(out->shifts, out->nshifts, sizeof *out->shifts);
			out->shifts[out->nshifts++] = (bc_restore_shift){ (uint32_t)*nl, 1, a->col - 1, 0 };
		}
		for (size_t j = 0; j < a->njumps; j++) {
			out->shifts = bc_xgrow(out->shifts, out->nshifts, sizeof *out->shifts);
			out->shifts[out->nshifts] = a->jumps[j];
			out->shifts[out->nshifts++].line = (uint32_t)*nl;
		}
	}
}

void bc_restore_run(const char *text, size_t len, const uint32_t *page_starts, size_t npage_starts, bc_shape shape,
                    bc_restore *out, bc_diags *diags)
{
	memset(out, 0, sizeof *out);
	rs_ctx cx;
	memset(&cx, 0, sizeof cx);
	cx.out = out;
	cx.diags = diags;
	cx.text = text;
	cx.len = len;
	/* the input's lines, each with its page */
	size_t cap = 64, pk = 0;
	cx.v = bc_xmalloc(cap * sizeof *cx.v);
	uint32_t page = 1;
	for (size_t at = 0; at <= len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (at == len && !nl)
			break;   /* the text ends with its last line's LF */
		if (cx.n == cap) {
			cap *= 2;
			cx.v = bc_xrealloc(cx.v, cap * sizeof *cx.v);
		}
		while (pk < npage_starts && page_starts[pk] <= cx.n + 1) {
			page++;
			pk++;
		}
		cx.v[cx.n++] = (rs_line){ text + at, e - at, page, 0, NULL, NULL, 0, NULL, 0 };
		at = e + 1;
	}
	cx.npages = page;
	cx.ff_end = npage_starts && page_starts[npage_starts - 1] > cx.n;
	cx.forced = shape != BC_SHAPE_AUTO;
	/* an OCR script's page lines are its form feeds: before the shape is told from them */
	if (!(cx.forced && shape == BC_SHAPE_TYPED))
		rs_ocr(&cx);
	bc_shape seen = detect(&cx);
	cx.shape = cx.forced ? shape : seen;
	out->shape = cx.shape;
	out->forced = cx.forced;
	/* each concern asks for its own evidence; only a shape forced to
	 * "typed" keeps them all from looking */
	if (!(cx.forced && cx.shape == BC_SHAPE_TYPED)) {
		rs_stamps(&cx);
		/* before the page numbers: "2" above or below a running "DỰ THẢO"
		 * is at the page's edge once the running line is gone */
		rs_running(&cx);
		rs_pages(&cx);
		/* after the page furniture: a page's notes are its last lines */
		rs_footnotes(&cx);
		rs_bracket_notes(&cx);
		rs_glyphs(&cx);
		/* before the layout: the lines as the extraction ordered them, the
		 * decision's enacting line back in its place */
		rs_enacting(&cx);
		rs_markdown(&cx);
		/* after the rewrites: the cells it moves are read as repaired */
		rs_layout(&cx);
		/* after the layout tables: the grids left are data */
		rs_grids(&cx);
		/* after the page numbers are gone: a table goes on over a page break */
		/* docx2txt's tables first: their empty cells are blank lines a
		 * paragraph-per-cell reading would take for its separators */
		rs_wordcells(&cx);
		rs_cells(&cx);
		/* after the cells: its header holds its titles on the "STT" line, theirs do not */
		rs_ocr_tables(&cx);
		/* before the sides: a row of a table is no header's two columns */
		rs_spacecols(&cx);
		if (cx.shape == BC_SHAPE_PDF)
			rs_sides(&cx);
		out->ocr = rs_ocr_reading(&cx);
	}
	if (out->nrec) {
		/* the restored text, and where each of its lines came from */
		bc_buf b = BC_BUF_INIT;
		bc_buf_reserve(&b, len);
		size_t nl = 0, cap_lines = cx.n + cx.top.nadds;
		for (size_t i = 0; i < cx.n; i++)
			cap_lines += cx.v[i].nadds;
		out->orig_line = bc_xmalloc((cap_lines + 1) * sizeof *out->orig_line);
		out->orig_line[0] = 0;
		write_adds(out, &b, &nl, &cx.top);
		for (size_t i = 0; i < cx.n; i++) {
			rs_line *l = &cx.v[i];
			if (!l->dropped) {
				if (nl)
					bc_buf_putc(&b, '\n');
				bc_buf_put(&b, l->s, l->len);
				out->orig_line[++nl] = (uint32_t)(i + 1);
				for (size_t k = 0; k < l->nshifts; k++) {
					out->shifts = bc_xgrow(out->shifts, out->nshifts, sizeof *out->shifts);
					out->shifts[out->nshifts++] = (bc_restore_shift){ (uint32_t)nl, l->shifts[k].col, l->shifts[k].shift, 0 };
				}
			}
			/* the lines a concern wrote after it, each from its own place in the input */
			write_adds(out, &b, &nl, l);
		}
		if (len && text[len - 1] == '\n')
			bc_buf_putc(&b, '\n');
		out->nlines = nl;
		out->text = b.s ? b.s : bc_xstrdup("");
		out->len = b.len;
		qsort(out->rec, out->nrec, sizeof *out->rec, by_line);
		/* one note a kind, at the first line it touched */
		for (int k = 0; k < BC_RESTORE_KIND_COUNT; k++) {
			if (!out->count[k])
				continue;
			uint32_t first = 0;
			for (size_t i = 0; i < out->nrec && !first; i++)
				if (out->rec[i].kind == (bc_restore_kind)k)
					first = out->rec[i].line;
			/* positions in notes are the input's already: they are added after the remap point */
			bc_diag_add(diags, kind_codes[k], (bc_pos){ first ? first : 1, 1 }, "%zu", out->count[k]);
		}
	}
	for (size_t k = 0; k < cx.top.nadds; k++) {
		free(cx.top.adds[k].s);
		free(cx.top.adds[k].jumps);
	}
	free(cx.top.adds);
	for (size_t i = 0; i < cx.n; i++) {
		free(cx.v[i].repl);
		free(cx.v[i].shifts);
		for (size_t k = 0; k < cx.v[i].nadds; k++) {
			free(cx.v[i].adds[k].s);
			free(cx.v[i].adds[k].jumps);
		}
		free(cx.v[i].adds);
	}
	free(cx.v);
}

/* ---- positions ---- */

bc_pos bc_restore_pos(const bc_restore *r, bc_pos p)
{
	if (!r || !r->text || p.line < 1 || p.line > r->nlines)
		return p;
	uint32_t line = p.line;
	p.line = r->orig_line[line];
	/* the shifts of the line, the last at or before the column wins (they are cumulative) */
	size_t lo = 0, hi = r->nshifts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->shifts[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	uint32_t add = 0, to = 0;
	for (size_t k = lo; k < r->nshifts && r->shifts[k].line == line && r->shifts[k].col <= p.col; k++) {
		add = r->shifts[k].shift;
		to = r->shifts[k].to_line;
	}
	p.col += add;
	if (to)
		p.line = to;
	return p;
}

static uint32_t bc_restore_line(const bc_restore *r, uint32_t line)
{
	return line >= 1 && line <= r->nlines ? r->orig_line[line] : line;
}

/* The input line a restored line ends on: a rebuilt table's row ends on its last cell's line. */
static uint32_t bc_restore_end_line(const bc_restore *r, uint32_t line)
{
	uint32_t l = bc_restore_pos(r, (bc_pos){ line, UINT32_MAX / 2 }).line;
	uint32_t o = bc_restore_line(r, line);
	return l > o ? l : o;
}

void bc_restore_remap(const bc_restore *r, bc_document *doc, bc_diags *diags, size_t from)
{
	if (!r || !r->text)
		return;
	if (doc) {
		bc_iter it;
		bc_iter_init(&it, doc->root);
		bc_event ev;
		while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
			if (ev != BC_EV_ENTER)
				continue;
			bc_node *n = it.cur;
			if (bc_node_is_made_up(n))
				continue;
			uint32_t end = n->end_line;
			n->pos = bc_restore_pos(r, n->pos);
			/* a cell seen as a node (a view the iterator made, or its content):
			 * its position is the row's cell's to keep */
			if (n->type == BC_NODE_CELL && it.cell && n->parent == it.row)
				it.cell->pos = n->pos;
			/* a layout unfolded puts lines of the input out of their order: a node
			 * whose restored lines run from a later input line back to an earlier
			 * one ends, in the input, no sooner than it starts */
			if (end) {
				/* a row rebuilt from cells ends on its last cell's line; a cell of it, or a
				 * text in a cell, on its own */
				int own = n->type == BC_NODE_CELL || n->type >= BC_NODE_FIRST_INLINE;
				uint32_t e = own ? bc_restore_line(r, end) : bc_restore_end_line(r, end);
				n->end_line = e < n->pos.line ? n->pos.line : e;
			}
			/* the lines and positions the nodes' own data name */
			if (n->type == BC_NODE_PARAGRAPH && n->as.para.joined_at)
				n->as.para.joined_at = bc_restore_line(r, n->as.para.joined_at);
			else if (n->type == BC_NODE_ROW && n->as.row.fragment_merged)
				n->as.row.fragment_merged = bc_restore_line(r, n->as.row.fragment_merged);
			else if (n->type == BC_NODE_CITE) {
				n->as.cite->number_pos = bc_restore_pos(r, n->as.cite->number_pos);
				if (n->as.cite->dated != BC_CITE_UNDATED)
					n->as.cite->date_pos = bc_restore_pos(r, n->as.cite->date_pos);
			}
		}
		doc->line_count = r->nlines ? r->orig_line[r->nlines] : doc->line_count;
	}
	if (diags)
		for (size_t i = from; i < diags->n; i++)
			diags->v[i].pos = bc_restore_pos(r, diags->v[i].pos);
}

void bc_restore_free(bc_restore *r)
{
	for (size_t i = 0; i < r->nrec; i++)
		free(r->rec[i].text);
	free(r->rec);
	free(r->text);
	free(r->orig_line);
	free(r->shifts);
	free(r->notes);
	memset(r, 0, sizeof *r);
}
