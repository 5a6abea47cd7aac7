/* layout.c — the header and the signature as a Word file lays them out, in a table of two or three columns, unfolded into lines. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "../model/vocab.h"

/*
 * A Word file sets the issuer and the national motto side by side in a
 * borderless table, and the recipients beside the signature in another.
 * Converters write those tables as tables: pandoc as a grid ("+----+" and
 * "| … |" lines) or as HTML (<table><tr><td><p>…</p></td>…), antiword as
 * rows of "|" with no rule under the first.  Read as a table, the header's
 * facts would be cells of a body table.  A table whose cells hold what a
 * header or a closing holds (the motto, "Số:", "Kính gửi:", "Nơi nhận:",
 * "TM."/"KT."/"TL.") is a layout table: its columns are written one after
 * the other, left first, each paragraph of a cell a line, as the text of a
 * typed document stands.  Any other table is data and stays as it is.
 */

/* One paragraph of a cell: where it is in the input. */
#define MAX_JUMPS 64
typedef struct para {
	bc_buf text;
	uint32_t line, col;      /* input position of its first character */
	size_t column;
	size_t cell;             /* HTML: which cell (from 1), so that cells stand apart; 0 elsewhere */
	size_t row;              /* HTML: which row (from 1) */
	int head;                /* HTML: a cell of <thead> */
	uint32_t last_line;      /* grid: the input line of its last part */
	int hard_end;            /* grid: its line ended with pandoc's line break ("\\"): nothing joins it */
	/* grid: where a part joined from a later line starts (character column
	 * in the text, from 1) and stands in the input */
	struct { uint32_t at, line, col; } jumps[MAX_JUMPS];
	size_t njumps;
} para;

typedef struct paras {
	para *v;
	size_t n, cap;
} paras;

static para *para_new(paras *ps, size_t column, uint32_t line, uint32_t col)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->v = bc_xrealloc(ps->v, ps->cap * sizeof *ps->v);
	}
	para *p = &ps->v[ps->n++];
	memset(p, 0, sizeof *p);
	p->column = column;
	p->line = line;
	p->col = col;
	return p;
}

static void paras_free(paras *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		bc_buf_free(&ps->v[i].text);
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}

/* Words that only a header or a closing holds. */
static int is_layout_text(const char *s, size_t n)
{
	static const char *const marks[] = {
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số:", "Kính gửi",
		"Nơi nhận", "TM.", "KT.", "TL.", "T/M", "Độc lập - Tự do",
	};
	for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
		if (bc_find(s, n, marks[k], strlen(marks[k]), 0))
			return 1;
	return 0;
}

/* "I. NỘI DUNG TRÌNH": a paragraph that is a document's Roman-numbered heading
 * in capitals.  A table of data never holds one; a form a Word file lays out
 * in a table (a phiếu trình, its sections and signature boxes in cells) does. */
static int is_section_heading(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && (s[k] == '*' || s[k] == '_' || s[k] == ' '))
		k++;
	size_t r = k;
	while (k < n && k - r < 5 && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
		k++;
	if (k == r || k + 3 > n || (s[k] != '.' && s[k] != '-') || s[k + 1] != ' ')
		return 0;
	k += 2;
	/* the words after it in capitals: at least eight letters, none in lower case */
	size_t letters = 0;
	while (k < n) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0 || bc_cp_is_lower(cp))
			return 0;
		letters += bc_cp_is_upper(cp);
		k += (size_t)m;
	}
	return letters >= 8;
}


static int holds_text(const char *s, size_t n, const char *w) { return bc_find(s, n, w, strlen(w), 0) != NULL; }

/* A paragraph's text without the markup marks at its ends ("**THƯ KÝ**"). */
static void trim_marks(const char **s, size_t *n)
{
	while (*n && (**s == '*' || **s == '_' || **s == ' '))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == '*' || (*s)[*n - 1] == '_' || (*s)[*n - 1] == ' '))
		(*n)--;
}

/* Two capitals at least and no small letter: a signature's title ("CHỦ TRÌ"). */
static int capitals_text(const char *s, size_t n)
{
	trim_marks(&s, &n);
	return bc_utf8_capitals(s, n) >= 2;
}

/* A person's name: two to six words, each a capital then small letters ("Lê Thị Hồng Nhung"). */
static int person_name(const char *s, size_t n)
{
	trim_marks(&s, &n);
	return bc_name_words(s, n, 6, 1);
}

/* Every filled cell of the table a signature, two at least: its first
 * paragraph a title in capitals, its last a person's name (a biên bản's
 * THƯ KÝ and CHỦ TRÌ, the sides of a handover, laid out in a table's
 * cells), at most five paragraphs a cell.  The cells are the HTML's, or a
 * grid's columns. */
static int signature_cells(const paras *ps)
{
	enum { MAX_SIG_CELLS = 6 };
	size_t key[MAX_SIG_CELLS], first[MAX_SIG_CELLS], last[MAX_SIG_CELLS], count[MAX_SIG_CELLS], nk = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const para *p = &ps->v[i];
		if (!p->text.len)
			continue;
		size_t k = p->cell ? p->cell : 1000000 + p->column, j = 0;
		while (j < nk && key[j] != k)
			j++;
		if (j == nk) {
			if (nk == MAX_SIG_CELLS)
				return 0;
			key[nk] = k, first[nk] = i, count[nk] = 0, nk++;
		}
		last[j] = i;
		count[j]++;
	}
	if (nk < 2)
		return 0;
	for (size_t j = 0; j < nk; j++) {
		const para *a = &ps->v[first[j]], *b = &ps->v[last[j]];
		if (count[j] < 2 || count[j] > 5 || !capitals_text(a->text.s, a->text.len) ||
		    !person_name(b->text.s, b->text.len))
			return 0;
	}
	return 1;
}

/* The columns written out, left first, each paragraph a line after line
 * `last`, or before the text's first line when `to_top` (then with a blank
 * line after them, before the text's own first line). */
/* A paragraph of the table holds what only a header, a closing or a form laid out in a table holds. */
static int layout_paras(const paras *ps)
{
	int any = 0;
	for (size_t i = 0; i < ps->n && !any; i++)
		any = is_layout_text(ps->v[i].text.s ? ps->v[i].text.s : "", ps->v[i].text.len) ||
		      is_section_heading(ps->v[i].text.s ? ps->v[i].text.s : "", ps->v[i].text.len);
	return any || signature_cells(ps);
}

static void unfold_at(rs_ctx *cx, size_t first, size_t last, paras *ps, size_t ncols, int to_top)
{
	size_t at = to_top ? RS_TOP : last;
	if (!layout_paras(ps))
		return;
	for (size_t i = first; i <= last; i++)
		rs_move(cx, i, BC_RESTORE_LAYOUT);
	int wrote = 0;
	for (size_t c = 0; c < ncols; c++) {
		int in_col = 0;
		size_t cell = 0;
		for (size_t i = 0; i < ps->n; i++) {
			para *p = &ps->v[i];
			if (p->column != c || !p->text.len)
				continue;
			if ((!in_col && wrote) || (in_col && p->cell != cell))
				rs_add_line(cx, at, "", 0, p->line, 1);   /* a blank line between the columns, and the cells of one */
			cell = p->cell;
			rs_add_line(cx, at, p->text.s, p->text.len, p->line, p->col);
			for (size_t k = 0; k < p->njumps; k++)
				rs_add_jump(cx, at, p->jumps[k].at, p->jumps[k].line, p->jumps[k].col);
			in_col = wrote = 1;
		}
	}
	if (to_top && wrote)
		rs_add_line(cx, at, "", 0, (uint32_t)(last + 1), 1);
	cx->out->count[BC_RESTORE_LAYOUT]++;
}

static void unfold(rs_ctx *cx, size_t first, size_t last, paras *ps, size_t ncols)
{
	unfold_at(cx, first, last, ps, ncols, 0);
}

/* ---- pandoc's grid tables ---- */

/* "+----+-----+" or "+====+": a rule of a grid (rs_grid_rule) of three '+'
 * at least (two columns); the first `max` '+' positions, in characters. */
static size_t grid_rule(const rs_line *l, uint32_t *plus, size_t max)
{
	unsigned m;
	size_t np = rs_grid_rule(l, plus, max, &m);
	if (np > max)
		np = max;
	return np >= 3 ? np : 0;
}

#define MAX_COLS 16

/* Splits a "| a | b |" line into its cells: at its own '|' when it has one
 * for each '+' of the rule (a rewrite, "\\-" to "-", may have moved them),
 * else at the rule's '+' columns (characters; the line is UTF-8).  Each line
 * of a cell is a line of its own: a grid keeps a paragraph's lines as the
 * cell wrapped them, and the reader joins wrapped lines itself. */
/* The text holds an odd number of "**": a bold run it opened goes on. */
static int stars_open(const bc_buf *t)
{
	size_t pairs = 0;
	for (size_t i = 0; i + 1 < t->len; i++)
		if (t->s[i] == '*' && t->s[i + 1] == '*') {
			pairs++;
			i++;
			while (i + 1 < t->len && t->s[i + 1] == '*')
				i++;
		}
	return pairs % 2 == 1;
}

/* A cell's line that goes on the line above it, wrapped by the grid: it opens
 * with a small letter or a figure ("An Thắng, ngày 28 tháng 12 năm" / "2026"),
 * or the line above ends on a word that leads on ("… năm", "… của"). */
static int wrapped_on(const bc_buf *above, const char *s, size_t n)
{
	uint32_t cp;
	if (!n || !above->len)
		return 0;
	bc_utf8_decode(s, n, &cp);
	if (bc_cp_is_lower(cp) || (cp >= '0' && cp <= '9'))
		return 1;
	static const char *const leads[] = { " năm", " tháng", " ngày", " của", " và", " về", " số", "," };
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++) {
		size_t w = strlen(leads[k]);
		if (above->len >= w && memcmp(above->s + above->len - w, leads[k], w) == 0)
			return 1;
	}
	return 0;
}

static void grid_row(const rs_line *l, uint32_t line, const uint32_t *plus, size_t np, paras *ps)
{
	size_t at[MAX_COLS + 1], k = 0;
	uint32_t atcol[MAX_COLS + 1];
	size_t bars = 0;
	for (size_t b = 0; b < l->len; b++)
		bars += l->s[b] == '|';
	size_t ch = 0, b = 0;
	while (b <= l->len && k < np) {
		if (bars == np ? (b < l->len && l->s[b] == '|') : ch == plus[k]) {
			atcol[k] = (uint32_t)ch + 1;
			at[k++] = b;
		}
		if (b == l->len)
			break;
		uint32_t cp;
		b += (size_t)bc_utf8_decode(l->s + b, l->len - b, &cp);
		ch++;
	}
	for (size_t c = 0; c + 1 < k; c++) {
		size_t s = at[c] + 1, e = at[c + 1];
		uint32_t col = atcol[c] + 1;   /* the character after the '|' */
		while (s < e && (l->s[s] == ' ' || l->s[s] == '\t')) {
			s++;
			col++;
		}
		while (e > s && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t'))
			e--;
		/* pandoc's line break at the cell line's end: the mark goes, the line ends there */
		int hard = e > s && l->s[e - 1] == '\\' && !(e - 1 > s && l->s[e - 2] == '\\');
		if (hard)
			for (e--; e > s && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t');)
				e--;
		if (s == e)
			continue;
		/* a bold run the grid wrapped ("**TRƯỜNG THPT CAO LÃNH" / "2**"): the
		 * line goes on the paragraph of the line above in the same column,
		 * whose "**" is still open; so does a line the grid wrapped
		 * (wrapped_on); other lines stay lines of their own (a cell's lines
		 * may be the author's: the motto over the slogan) */
		para *up = NULL;
		for (size_t q = ps->n; q-- > 0;)
			if (ps->v[q].column == c) {
				up = &ps->v[q];
				break;
			}
		if (up && up->last_line + 1 == line && up->njumps < MAX_JUMPS && !up->hard_end &&
		    (stars_open(&up->text) || wrapped_on(&up->text, l->s + s, e - s))) {
			bc_buf_putc(&up->text, ' ');
			up->jumps[up->njumps].at = (uint32_t)bc_utf8_count(up->text.s, up->text.len) + 1;
			up->jumps[up->njumps].line = line;
			up->jumps[up->njumps].col = rs_input_col(l, col);
			up->njumps++;
			bc_buf_put(&up->text, l->s + s, e - s);
			up->last_line = line;
			up->hard_end = hard;
			continue;
		}
		para *p = para_new(ps, c, line, rs_input_col(l, col));
		p->last_line = line;
		p->hard_end = hard;
		bc_buf_put(&p->text, l->s + s, e - s);
	}
}

static size_t grid_table(rs_ctx *cx, size_t i)
{
	uint32_t plus[MAX_COLS + 1];
	size_t np = grid_rule(&cx->v[i], plus, MAX_COLS + 1);
	if (!np || np > MAX_COLS + 1)
		return 0;
	paras ps = { 0 };
	size_t j = i + 1, last = i;
	for (; j < cx->n && !cx->v[j].dropped; j++) {
		const char *s;
		size_t n;
		rs_trim(&cx->v[j], &s, &n);
		uint32_t p2[MAX_COLS + 1];
		if (grid_rule(&cx->v[j], p2, MAX_COLS + 1)) {
			last = j;
			continue;
		}
		if (!n || s[0] != '|')
			break;
		grid_row(&cx->v[j], (uint32_t)(j + 1), plus, np, &ps);
		last = j;
	}
	size_t span = 0;
	if (last > i) {
		unfold(cx, i, last, &ps, np - 1);
		span = last - i + 1;
	}
	paras_free(&ps);
	return span;
}

/* ---- HTML tables (pandoc's gfm) ---- */

/* The number after `attr` (`rowspan="`) in the tag t[0..tl), or 0. */
static unsigned tag_number(const char *t, size_t tl, const char *attr)
{
	const char *a = bc_find(t, tl, attr, strlen(attr), 0);
	if (!a)
		return 0;
	unsigned v = 0;
	for (a += strlen(attr); a < t + tl && *a >= '0' && *a <= '9' && v < 100000; a++)
		v = v * 10 + (unsigned)(*a - '0');
	return v;
}

/* An HTML character reference at s: its code point and length, or 0. */
static uint32_t entity(const char *s, size_t n, size_t *len)
{
	static const struct { const char *name; uint32_t cp; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' }, { "&nbsp;", 0xA0 },
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		size_t nl = strlen(named[i].name);
		if (n >= nl && memcmp(s, named[i].name, nl) == 0) {
			*len = nl;
			return named[i].cp;
		}
	}
	if (n >= 4 && s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';
		size_t k = hex ? 3 : 2;
		uint32_t v = 0;
		size_t d = k;
		while (k < n && k - d < 7 && ((s[k] >= '0' && s[k] <= '9') || (hex && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'f')))) {
			v = v * (hex ? 16 : 10) + (uint32_t)(s[k] <= '9' ? s[k] - '0' : (s[k] | 0x20) - 'a' + 10);
			k++;
		}
		/* a code point text may hold: no NUL, control or surrogate */
		if (k > d && k < n && s[k] == ';' && v >= 0x20 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) &&
		    !(v >= 0x7F && v <= 0x9F)) {
			*len = k + 1;
			return v;
		}
	}
	return 0;
}

/* Appends paragraph p to the row, each part where it stands in the input; in a
 * pipe table's row a '|' of the text is escaped. */
static void row_para(rs_row *r, const para *p, int pipe)
{
	uint32_t at = 1, line = p->line, incol = p->col;   /* the last jump: para character `at` at input line, incol */
	r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
	r->jumps[r->njumps++] = (bc_restore_shift){ 0, r->col, incol, line };
	size_t k = 0;
	uint32_t pc = 1;
	for (size_t b = 0; b < p->text.len; b++) {
		unsigned char c = (unsigned char)p->text.s[b];
		if ((c & 0xC0) != 0x80) {
			if (b)
				pc++;
			if (k < p->njumps && p->jumps[k].at == pc) {
				at = pc;
				line = p->jumps[k].line;
				incol = p->jumps[k].col;
				k++;
				r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
				r->jumps[r->njumps++] = (bc_restore_shift){ 0, r->col, incol, line };
			}
			if (pipe && c == '|') {
				rs_row_byte(r, '\\');
				r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
				r->jumps[r->njumps++] = (bc_restore_shift){ 0, r->col, incol + (pc - at), line };
			}
		}
		rs_row_byte(r, c == '\t' ? ' ' : (char)c);
	}
}

/*
 * A table of data pandoc wrote in HTML (GFM, when a cell holds several
 * paragraphs or spans): rebuilt as the rows a reader sees, as grids.c
 * rebuilds a grid.  Each row a line of TAB-separated cells (§9.1), a cell
 * its paragraphs joined by spaces, written in the column it starts in; the
 * columns a cell spans across or down are empty cells, as a TAB table's
 * header writes a spanning cell (§9.2).  Without <thead>, a pipe table whose
 * rule comes first.  The tags go, as a layout table's do.
 */
static void html_rows(rs_ctx *cx, size_t first, size_t last, paras *ps, size_t ncols, size_t nrows)
{
	if (ncols < 2 || !nrows)
		return;
	int head = 0;
	for (size_t k = 0; k < ps->n; k++)
		head |= ps->v[k].head;
	rs_add_line(cx, last, "", 0, (uint32_t)(first + 1), 1);
	if (!head) {
		rs_add_pipe_rule(cx, last, ncols < MAX_COLS + 1 ? ncols : MAX_COLS + 1, (uint32_t)(first + 1));
	}
	for (size_t r = 1; r <= nrows; r++) {
		rs_row row = RS_ROW_INIT;
		int any = 0;
		if (!head)
			rs_row_str(&row, "| ");
		for (size_t c = 0; c < ncols; c++) {
			if (c)
				rs_row_str(&row, head ? "\t" : " | ");
			int in_cell = 0;
			for (size_t k = 0; k < ps->n; k++) {
				const para *p = &ps->v[k];
				if (p->row != r || p->column != c || !p->text.len)
					continue;
				if (in_cell)
					rs_row_byte(&row, ' ');
				row_para(&row, p, !head);
				in_cell = any = 1;
			}
		}
		if (!head)
			rs_row_str(&row, " |");
		if (any || head)
			rs_row_add(cx, last, &row, 0, 0);
		else {
			free(row.jumps);
			bc_buf_free(&row.b);
		}
	}
	rs_add_line(cx, last, "", 0, (uint32_t)(last + 1), 1);
	for (size_t i = first; i <= last; i++)
		rs_move(cx, i, BC_RESTORE_GRID_TABLE);
	cx->out->count[BC_RESTORE_GRID_TABLE]++;
}

/* Reads the table from line i: cells of <td>/<th>, paragraphs of <p> or <br>. */
static size_t html_table(rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	rs_trim(&cx->v[i], &s, &n);
	if (n < 7 || memcmp(s, "<table", 6) != 0)
		return 0;
	paras ps = { 0 };
	para *cur = NULL;
	size_t column = 0, ncols = 0, last = i, cell = 0;
	/* rows each column is still held for by a cell above it (rowspan), and
	 * the columns the open cell spans (colspan): a cell's column is its place
	 * in the grid, not its place in its row ("<th rowspan="4">Nơi nhận …" then
	 * rows of one cell each, all in the second column) */
	unsigned held[MAX_COLS + 1] = { 0 };
	size_t spans = 1, row = 0;
	int in_cell = 0, done = 0, in_tag = 0, in_head = 0;
	for (size_t j = i; j < cx->n && !done && j - i < 2000; j++) {
		const rs_line *l = &cx->v[j];
		uint32_t col = 1;
		size_t b0 = 0;
		/* where a paragraph's text goes on after a line's end, a tag or a
		 * character reference, it stands elsewhere in the input: a jump */
		int gap = 1;
		if (in_tag) {
			/* the rest of a tag pandoc wrapped onto this line ("<h4" / "id=\"section\">") */
			const char *gt = memchr(l->s, '>', l->len);
			if (!gt)
				continue;
			b0 = (size_t)(gt - l->s) + 1;
			col += (uint32_t)bc_utf8_count(l->s, b0);
			in_tag = 0;
		}
		for (size_t b = b0; b < l->len;) {
			if (l->s[b] == '<') {
				const char *gt = memchr(l->s + b, '>', l->len - b);
				const char *t = l->s + b;
				size_t tl = gt ? (size_t)(gt - t) + 1 : l->len - b;
				/* a tag pandoc wrapped ("<th" / "rowspan=\"2\">"): its attributes are read whole */
				bc_buf whole = BC_BUF_INIT;
				if (!gt && j + 1 < cx->n) {
					const rs_line *nx = &cx->v[j + 1];
					const char *ngt = memchr(nx->s, '>', nx->len);
					if (ngt) {
						bc_buf_put(&whole, t, tl);
						bc_buf_putc(&whole, ' ');
						bc_buf_put(&whole, nx->s, (size_t)(ngt - nx->s) + 1);
						t = whole.s;
						tl = whole.len;
					}
				}
				/* the tag's name ends at a space, "/", ">" or the line's end */
				char nm[12];
				size_t k = 1, o = 0;
				for (; k < tl && o + 1 < sizeof nm && t[k] != ' ' && t[k] != '>' && t[k] != '\t' && !(t[k] == '/' && k > 1); k++)
					nm[o++] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] | 0x20 : t[k]);
				nm[o] = '\0';
				int heading = (nm[0] == 'h' || (nm[0] == '/' && nm[1] == 'h')) && nm[nm[0] == '/' ? 2 : 1] >= '1' &&
				              nm[nm[0] == '/' ? 2 : 1] <= '6' && nm[nm[0] == '/' ? 3 : 2] == '\0';
				gap = 1;
				if (!strcmp(nm, "thead") || !strcmp(nm, "/thead")) {
					in_head = nm[0] != '/';
				} else if (!strcmp(nm, "tr")) {
					row++;
					column = 0;
					for (size_t c = 0; c <= MAX_COLS; c++)
						if (held[c])
							held[c]--;
				} else if (!strcmp(nm, "td") || !strcmp(nm, "th")) {
					in_cell = 1;
					cur = NULL;
					cell++;
					while (column < MAX_COLS && held[column])
						column++;
					unsigned rs = tag_number(t, tl, "rowspan=\""), cs = tag_number(t, tl, "colspan=\"");
					spans = cs > 1 && cs <= MAX_COLS ? cs : 1;
					for (size_t c = column; rs > 1 && c < column + spans && c <= MAX_COLS; c++)
						held[c] = rs < 1000 ? rs : 1000;   /* this row and rs - 1 more: counted down at each row's start */
				} else if (!strcmp(nm, "/td") || !strcmp(nm, "/th")) {
					in_cell = 0;
					cur = NULL;
					column += spans;
					spans = 1;
					if (column > MAX_COLS)
						column = MAX_COLS;
					if (column > ncols)
						ncols = column;
				} else if (!strcmp(nm, "p") || !strcmp(nm, "/p") || !strcmp(nm, "br") || heading) {
					/* a paragraph of the cell: <p>, and <h2>…<h6> where the Word style was a heading's */
					cur = NULL;
				} else if (!strcmp(nm, "/table")) {
					done = 1;
					last = j;
					break;
				}
				bc_buf_free(&whole);
				if (!gt) {
					in_tag = 1;
					break;
				}
				/* other tags (<strong>, <em>, <colgroup> …) are the layout's, not words: a header's
				 * and a signature's faces are the template's to set */
				col += (uint32_t)bc_utf8_count(t, tl);
				b += tl;
				continue;
			}
			uint32_t cp;
			size_t k = (size_t)bc_utf8_decode(l->s + b, l->len - b, &cp);
			size_t ek = 0;
			uint32_t ecp = l->s[b] == '&' ? entity(l->s + b, l->len - b, &ek) : 0;
			if (ecp) {
				cp = ecp;   /* "&amp;" is the "&" the author typed */
				k = ek;
			}
			if (in_cell) {
				if (!cur && cp != ' ')
				{
					cur = para_new(&ps, column, (uint32_t)(j + 1), rs_input_col(l, col));
					cur->cell = cell;
					cur->row = row;
					cur->head = in_head;
					gap = 0;
				}
				if (cur) {
					if (gap && cur->njumps < MAX_JUMPS) {
						cur->jumps[cur->njumps].at = (uint32_t)bc_utf8_count(cur->text.s, cur->text.len) + 1;
						cur->jumps[cur->njumps].line = (uint32_t)(j + 1);
						cur->jumps[cur->njumps].col = rs_input_col(l, col);
						cur->njumps++;
					}
					gap = ecp != 0;
					char u8[4];
					if (ecp)
						bc_buf_put(&cur->text, u8, (size_t)bc_utf8_encode(ecp, u8));
					else
						bc_buf_put(&cur->text, l->s + b, k);
				}
			}
			col += ecp ? (uint32_t)bc_utf8_count(l->s + b, k) : 1;
			b += k;
		}
		if (cur)
			bc_buf_putc(&cur->text, ' ');   /* a cell's paragraph goes on, on the next line */
	}
	size_t span = 0;
	if (done) {
		/* the spaces a paragraph's line end left */
		for (size_t k = 0; k < ps.n; k++)
			while (ps.v[k].text.len && ps.v[k].text.s[ps.v[k].text.len - 1] == ' ')
				ps.v[k].text.len--;
		if (layout_paras(&ps))
			unfold(cx, i, last, &ps, ncols ? ncols : 1);
		else
			html_rows(cx, i, last, &ps, ncols, row);
		span = last - i + 1;
	}
	paras_free(&ps);
	return span;
}

/* ---- antiword's rows of "|" ---- */

/* "|ỦY BAN NHÂN DÂN   |CỘNG HÒA XÃ HỘI …   |": a row, with no "|---|" rule under it. */
static int pipe_row(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (n < 3 || s[0] != '|' || s[n - 1] != '|')
		return 0;
	int dash = 0, empty = 0, cell_dash = 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] == '|') {
			empty |= !cell_dash;
			cell_dash = 0;
		} else if (s[i] == '-') {
			dash = cell_dash = 1;
		} else if (s[i] != ':' && s[i] != ' ') {
			return 1;
		}
	}
	/* "|---|---|" is a Markdown table's rule; "|   |   |" a row of empty
	 * cells; "|-------   |        |" antiword's row of a rule under the
	 * issuer (a Party header's) beside an empty cell */
	return !dash || empty;
}

static size_t pipe_rows(rs_ctx *cx, size_t i)
{
	if (!pipe_row(&cx->v[i]))
		return 0;
	size_t j = i;
	while (j < cx->n && !cx->v[j].dropped && pipe_row(&cx->v[j]))
		j++;
	/* a Markdown table has its rule under the first row, which ends the run here */
	if (j < cx->n) {
		const char *s;
		size_t n;
		rs_trim(&cx->v[j], &s, &n);
		if (n > 2 && s[0] == '|')
			return j - i;   /* the rows are looked at once, not again from each of them */
	}
	paras ps = { 0 };
	size_t ncols = 0;
	for (size_t k = i; k < j; k++) {
		const rs_line *l = &cx->v[k];
		size_t column = 0;
		uint32_t col = 1;
		size_t b = 0;
		while (b < l->len && l->s[b] != '|') {
			b++;
			col++;
		}
		while (b < l->len) {
			/* one cell: after this '|' up to the next */
			b++;
			col++;
			size_t s = b;
			uint32_t scol = col;
			while (b < l->len && l->s[b] != '|') {
				uint32_t cp;
				b += (size_t)bc_utf8_decode(l->s + b, l->len - b, &cp);
				col++;
			}
			if (b >= l->len)
				break;
			size_t e = b;
			while (s < e && l->s[s] == ' ') {
				s++;
				scol++;
			}
			while (e > s && l->s[e - 1] == ' ')
				e--;
			if (e > s) {
				para *p = para_new(&ps, column, (uint32_t)(k + 1), rs_input_col(l, scol));
				bc_buf_put(&p->text, l->s + s, e - s);
			}
			if (++column > ncols)
				ncols = column;
		}
	}
	unfold(cx, i, j - 1, &ps, ncols);
	paras_free(&ps);
	return j - i;
}

/* ---- a Markdown table whose one row holds the header or the closing ---- */

/*
 * A Word file's header table pasted into Markdown (by hand, or by a
 * converter that writes tables as pipe tables: a cell on one line) is a row
 * of two cells and the rule under it: "| CHÍNH PHỦ _______  Số: 30/2020/NĐ-CP
 * | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ____ Hà
 * Nội, ngày 05 tháng 3 năm 2020 |", and "| Nơi nhận: - Ban Bí thư …; - Lưu:
 * VT. | TM. CHÍNH PHỦ THỦ TƯỚNG    (Đã ký)     Nguyễn Xuân Phúc |".  The
 * paragraphs of a cell are joined by spaces (or "<br>"); they are cut where a
 * header's or a closing's part begins, whose words say so.
 */

/* "| --- | :---: |": the rule under a Markdown table's first row. */
static int md_rule(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (n < 3 || s[0] != '|')
		return 0;
	int dash = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ')
			return 0;
	}
	return dash;
}


/* The length of the code point at s (1 for a byte that starts none). */
static size_t cp_len(const char *s, size_t n)
{
	uint32_t cp = 0;
	int m = n ? bc_utf8_decode(s, n, &cp) : 0;
	return m > 0 ? (size_t)m : 1;
}


/* "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M" then a space or a capital: a signature's authority. */
static size_t authority_mark(const char *s, size_t n)
{
	static const char *const marks[] = { "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L" };
	for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
		size_t ml = strlen(marks[k]);
		if (bc_starts(s, n, marks[k]) && n > ml + 1 && (s[ml] == ' ' || ((unsigned char)s[ml] >= 'A' && (unsigned char)s[ml] <= 'Z')))
			return ml;
	}
	return 0;
}

/* Where a part of the header or the closing begins at s (the start of a word). */
static int part_starts(const char *s, size_t n)
{
	static const char *const words[] = {
		"Số:", "CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập -", "Nơi nhận", "Kính gửi",
		"(Đã ký)", "<br",
	};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (bc_starts(s, n, words[k]))
			return 1;
	return authority_mark(s, n) != 0;
}

/* The words a signer's position starts with, after an authority on the same
 * line ("TM. CHÍNH PHỦ THỦ TƯỚNG", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"). */
static int position_starts(const char *s, size_t n)
{
	static const char *const words[] = {
		"PHÓ ", "THỨ TRƯỞNG", "THỦ TƯỚNG", "CHỦ TỊCH", "CHỦ NHIỆM", "BỘ TRƯỞNG", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "CHÁNH ",
		"BÍ THƯ", "TRƯỞNG BAN", "TRƯỞNG PHÒNG", "CỤC TRƯỞNG", "VỤ TRƯỞNG", "HIỆU TRƯỞNG", "VIỆN TRƯỞNG", "CHI CỤC TRƯỞNG",
		"TỔNG CỤC TRƯỞNG", "THỦ TRƯỞNG",
	};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (bc_starts(s, n, words[k]))
			return 1;
	return 0;
}

/* ", ngày" of a dateline from `at` on: where its place begins (at most five
 * words, each starting with a capital, back from the comma), or 0. */
static size_t dateline_starts(const char *s, size_t n, size_t at)
{
	const char *c = bc_find(s + at, n - at, ", ngày ", 7, 2);
	if (!c)
		return 0;
	size_t e = (size_t)(c - s), b = e;
	for (int words = 0; words < 5 && b > at; words++) {
		size_t w = b;
		while (w > at && s[w - 1] != ' ')
			w--;
		uint32_t cp = 0;
		bc_utf8_decode(s + w, b - w, &cp);
		if (!bc_cp_is_upper(cp))
			break;
		b = w;
		while (b > at && s[b - 1] == ' ')
			b--;
		if (b > at && (s[b - 1] == '_' || bc_starts(s + b - 9, 9, "Hạnh phúc")))
			break;   /* the rule or the slogan before the place */
	}
	while (b < e && s[b] == ' ')
		b++;
	return b < e ? b : 0;
}

/* The cell s[0..n) of line l, its first byte at offset `off` of the line, cut
 * into its paragraphs, each a para of column `column`. */
static void md_cell(const rs_line *l, size_t off, const char *s, size_t n, size_t column, uint32_t line, paras *ps)
{
	size_t b = 0, place = dateline_starts(s, n, 0);
	/* the characters before s, and up to `counted` in it: columns counted once, as the pieces go */
	size_t counted = 0;
	uint32_t chars = (uint32_t)bc_utf8_count(l->s, off);
	int authority = 0;
	while (b < n) {
		while (b < n && s[b] == ' ')
			b++;
		if (b >= n)
			break;
		/* the piece from b: up to the next cut */
		size_t e = b, words = 0;
		int rule = s[b] == '_';
		if (bc_starts(s + b, n - b, "<br")) {
			const char *gt = memchr(s + b, '>', n - b);
			b = gt ? (size_t)(gt - s) + 1 : n;
			continue;
		}
		authority = authority_mark(s + b, n - b) != 0;
		/* the piece so far: a letter or figure in it (worded), a small letter (small) */
		int worded = 0, small = 0;
		while (e < n) {
			if (rule) {
				if (s[e] != '_')
					break;
				e++;
				continue;
			}
			if (s[e] != ' ') {
				uint32_t c = 0;
				int m = bc_utf8_decode(s + e, n - e, &c);
				worded |= bc_cp_is_letter(c) || (c >= '0' && c <= '9');
				small |= bc_cp_is_lower(c);
				e += m > 0 ? (size_t)m : 1;
				continue;
			}
			size_t g = e;
			while (g < n && s[g] == ' ')
				g++;
			if (g >= n)
				break;
			words++;
			uint32_t cp = 0;
			bc_utf8_decode(s + g, n - g, &cp);
			const char *prev = s + e;
			size_t pn = e - b;
			/* a piece of marks alone ("[" of a picture) goes on with the next;
			 * one in capitals ends where a name starts ("PHÓ GIÁM ĐỐC Trần Thị Lan") */
			uint32_t cp2 = 0;
			if (g < n)
				bc_utf8_decode(s + g + cp_len(s + g, n - g), n - g - cp_len(s + g, n - g), &cp2);
			int name_after_caps = worded && !small && bc_cp_is_upper(cp) && bc_cp_is_lower(cp2);
			if (worded &&
			    ((g - e >= 3 && !bc_cp_is_lower(cp)) || s[g] == '_' || part_starts(s + g, n - g) || g == place ||
			     name_after_caps ||
			     (s[g] == '-' && g + 1 < n && s[g + 1] == ' ' && pn && strchr(";,:.", prev[-1])) ||
			     bc_ends(s + b, pn, "Hạnh phúc") || bc_ends(s + b, pn, "(Đã ký)") ||
			     (authority && words >= 2 && position_starts(s + g, n - g))))
				break;
			e = g;
		}
		size_t pe = e;
		while (pe > b && s[pe - 1] == ' ')
			pe--;
		if (pe > b) {
			chars += (uint32_t)bc_utf8_count(s + counted, b - counted);
			counted = b;
			uint32_t col = chars + 1;
			para *p = para_new(ps, column, line, rs_input_col(l, col));
			bc_buf_put(&p->text, s + b, pe - b);
		}
		if (authority && e < n && position_starts(s + e + 1, n - e - 1))
			authority = 0;
		b = e;
	}
}

/* Whether a line before `first` holds the motto: the text has its header at the top. */
static int motto_above(const rs_ctx *cx, size_t first)
{
	for (size_t i = 0; i < first; i++) {
		const rs_line *l = &cx->v[i];
		if (!l->dropped && (holds_text(l->s, l->len, "CỘNG HÒA XÃ HỘI") || holds_text(l->s, l->len, "CỘNG HOÀ XÃ HỘI") ||
		                    holds_text(l->s, l->len, "Độc lập - Tự do")))
			return 1;
	}
	return 0;
}

/* A Markdown table from line i: its first row, the rule, and at most one more
 * row; unfolded when a cell holds a header's or a closing's part. */
static size_t md_table(rs_ctx *cx, size_t i)
{
	const char *s;
	size_t n;
	rs_trim(&cx->v[i], &s, &n);
	if (n < 3 || s[0] != '|' || md_rule(&cx->v[i]) || i + 1 >= cx->n || !md_rule(&cx->v[i + 1]))
		return 0;
	size_t last = i + 1;
	while (last + 1 < cx->n && !cx->v[last + 1].dropped) {
		const char *t;
		size_t tn;
		rs_trim(&cx->v[last + 1], &t, &tn);
		if (tn < 2 || t[0] != '|')
			break;
		last++;
	}
	if (last - i > 3)
		return last - i + 1;   /* a table of data: a layout table has a row or two */
	/* a table of data is left at once: no cell holds the motto, the slogan,
	 * "Nơi nhận", "Kính gửi" or an authority mark at a word's start */
	int layout = 0;
	for (size_t k = i; k <= last && !layout; k++) {
		const rs_line *l = &cx->v[k];
		layout = holds_text(l->s, l->len, "CỘNG HÒA XÃ HỘI") || holds_text(l->s, l->len, "CỘNG HOÀ XÃ HỘI") ||
		         holds_text(l->s, l->len, "Độc lập - Tự do") || holds_text(l->s, l->len, "Nơi nhận") ||
		         holds_text(l->s, l->len, "Kính gửi");
		for (size_t b = 1; b < l->len && !layout; b++)
			if (l->s[b - 1] == ' ' || l->s[b - 1] == '|')
				layout = authority_mark(l->s + b, l->len - b) != 0;
	}
	if (!layout)
		return last - i + 1;
	paras ps = { 0 };
	size_t ncols = 0;
	int header = 0;
	for (size_t k = i; k <= last; k++) {
		const rs_line *l = &cx->v[k];
		if (md_rule(l))
			continue;
		size_t column = 0, b = 0;
		while (b < l->len && l->s[b] != '|')
			b++;
		while (b < l->len) {
			size_t c = ++b;
			while (b < l->len && l->s[b] != '|')
				b++;
			if (b >= l->len)
				break;
			size_t e = b;
			while (c < e && l->s[c] == ' ')
				c++;
			while (e > c && l->s[e - 1] == ' ')
				e--;
			header |= holds_text(l->s + c, e - c, "CỘNG HÒA XÃ HỘI") || holds_text(l->s + c, e - c, "CỘNG HOÀ XÃ HỘI") ||
			          holds_text(l->s + c, e - c, "Độc lập - Tự do");
			md_cell(l, c, l->s + c, e - c, column, (uint32_t)(k + 1), &ps);
			if (++column > ncols)
				ncols = column;
		}
	}
	/* a layout table has a paragraph only a header or a closing has, "Số:" aside
	 * (a table of documents may list numbers so) */
	layout = header;
	for (size_t k = 0; k < ps.n && !layout; k++) {
		const char *t = ps.v[k].text.s;
		size_t tn = ps.v[k].text.len;
		layout = bc_starts(t, tn, "Nơi nhận") || bc_starts(t, tn, "Kính gửi") || authority_mark(t, tn) != 0;
	}
	/* a header the converter left at the end of the text goes back to the top */
	if (layout && ncols <= 3)
		unfold_at(cx, i, last, &ps, ncols, header && !motto_above(cx, i));
	paras_free(&ps);
	return last - i + 1;
}

void rs_layout(rs_ctx *cx)
{
	for (size_t i = 0; i < cx->n; i++) {
		if (cx->v[i].dropped)
			continue;
		/* each table is looked at once: a table of data is skipped whole, so
		 * that a long one costs its length, not its length squared */
		size_t span = grid_table(cx, i);
		if (!span)
			span = html_table(cx, i);
		if (!span)
			span = md_table(cx, i);
		if (!span)
			span = pipe_rows(cx, i);
		if (span)
			i += span - 1;
	}
}

/* ---- two columns side by side in a PDF's text (pdftotext -layout) ---- */

/*
 * pdftotext -layout keeps the page's columns: the issuer and the motto on one
 * line, far apart ("   THỦ TƯỚNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI …"), and
 * the recipients beside the signature ("Nơi nhận:          THỦ TƯỚNG").  The
 * right column starts at about the same character on every line; a line
 * may hold both columns (split at a run of three spaces or more, where the
 * right column starts), the right one alone (indented to it), or the left
 * one alone.  An anchor line fixes the column: one whose right part holds the
 * motto or the date ("CỘNG HÒA", "Độc lập", "ngày"), or whose left part is
 * "Nơi nhận".
 */
#define GAP 3           /* spaces that part two columns */
#define SLACK 8         /* how far a line's right part may start from the anchor's */

typedef struct side {
	size_t lb, le;      /* left part, bytes of the line; le == lb when none */
	size_t rb, re;      /* right part */
	uint32_t lcol, rcol;   /* their first characters' columns */
} side;

static int type_line(const rs_line *l);

/* Line j is a footnote's text at a page's foot (footnotes.c found it). */
static int in_note(const rs_ctx *cx, size_t j)
{
	for (size_t n = 0; n < cx->out->nnotes; n++)
		if (j + 1 >= cx->out->notes[n].first && j + 1 <= cx->out->notes[n].last)
			return 1;
	return 0;
}

/* Splits a line at the column `rcol` (0: at its first gap of GAP spaces or more). */
static int split_side(const rs_line *l, uint32_t rcol, side *sd)
{
	memset(sd, 0, sizeof *sd);
	size_t b = 0;
	uint32_t col = 1;
	/* a page's first line opens with its form feed: no part of either column */
	while (b < l->len && (l->s[b] == ' ' || l->s[b] == '\t' || l->s[b] == '\f')) {
		b++;
		col++;
	}
	if (b == l->len)
		return 0;
	uint32_t first = col;
	size_t start = b;
	/* the gaps of the line, the first one whose end lands near rcol wins */
	while (b < l->len) {
		if (l->s[b] == ' ') {
			size_t g = b;
			uint32_t gcol = col;
			while (b < l->len && l->s[b] == ' ') {
				b++;
				col++;
			}
			/* near rcol; or further right over a gap that spans rcol (a piece
			 * centred in the right column: the dateline's year wrapped,
			 * "Số 125-CV/ĐU            2025") */
			if (b < l->len && b - g >= GAP && (!rcol || (col + SLACK >= rcol && (col <= rcol + SLACK || gcol <= rcol)))) {
				sd->lb = start;
				sd->le = g;
				sd->lcol = first;
				sd->rb = b;
				sd->rcol = col;
				goto right_end;
			}
			continue;
		}
		uint32_t cp;
		b += (size_t)bc_utf8_decode(l->s + b, l->len - b, &cp);
		col++;
	}
	/* one part: left or right by where it starts */
	if (rcol && first + SLACK >= rcol) {
		sd->rb = start;
		sd->rcol = first;
		b = l->len;
		goto right_end;
	}
	sd->lb = start;
	sd->le = l->len;
	sd->lcol = first;
	while (sd->le > sd->lb && l->s[sd->le - 1] == ' ')
		sd->le--;
	return 1;
right_end:
	sd->re = l->len;
	while (sd->re > sd->rb && (l->s[sd->re - 1] == ' ' || l->s[sd->re - 1] == '\r'))
		sd->re--;
	return 1;
}

static int holds(const char *s, size_t n, const char *w) { return bc_find(s, n, w, strlen(w), 0) != NULL; }

/* The column of the right part of an anchor line, or 0. */
static uint32_t anchor_col(const rs_line *l, int closing)
{
	side sd;
	if (!split_side(l, 0, &sd) || sd.re == sd.rb || sd.le == sd.lb)
		return 0;
	const char *r = l->s + sd.rb, *lt = l->s + sd.lb;
	size_t rn = sd.re - sd.rb, ln = sd.le - sd.lb;
	if (closing)
		return holds(lt, ln, "Nơi nhận") ? sd.rcol : 0;
	/* a justified line of pdfminer's, every space widened ("Theo   số   liệu
	 * …   đến   ngày"), is no two columns: a column's words are single-spaced */
	if (bc_find(r, rn, "   ", 3, 0))
		return 0;
	return holds(r, rn, "CỘNG HÒA") || holds(r, rn, "CỘNG HOÀ") || holds(r, rn, "Độc lập") || holds(r, rn, "ĐẢNG CỘNG SẢN") ||
	               holds(r, rn, "ngày")
	           ? sd.rcol
	           : 0;
}

/* "Nơi nhận:" alone on its line, the signature's column starting a line or
 * two under it with an authority line far right ("   TM. CHÍNH PHỦ", alone or
 * after a recipient and a run of spaces): that line's right column, or 0. */
static uint32_t authority_below(const rs_ctx *cx, size_t k)
{
	const char *s;
	size_t n;
	rs_trim(&cx->v[k], &s, &n);
	if (n < 9 || memcmp(s, "Nơi nhận", 9) != 0 || n > 16)
		return 0;
	for (size_t j = k + 1; j < cx->n && j <= k + 3; j++) {
		const rs_line *l = &cx->v[j];
		side sd;
		if (l->dropped || rs_blank(l) || !split_side(l, 0, &sd))
			continue;
		/* a right part after a gap, or the line alone far right (no gap: its text starts the part) */
		size_t rb = sd.re > sd.rb ? sd.rb : sd.lb;
		uint32_t col = sd.re > sd.rb ? sd.rcol : sd.lcol;
		size_t re = sd.re > sd.rb ? sd.re : sd.le;
		if (col >= 30 && re > rb && authority_mark(l->s + rb, re - rb))
			return col;
	}
	return 0;
}

/* Lines [first, last] as two columns at rcol, written left column first;
 * and lines [first2, last2] after them (none when first2 > last2), the same
 * columns going on over a page break, the right one at rcol2 there. */
static void unfold_sides(rs_ctx *cx, size_t first, size_t last, uint32_t rcol, size_t first2, size_t last2, uint32_t rcol2)
{
	paras ps = { 0 };
	size_t end = first2 <= last2 ? last2 : last;
	for (size_t i = first; i <= end; i++) {
		const rs_line *l = &cx->v[i];
		side sd;
		/* between the two blocks, and a page's note, are no column's */
		if ((i > last && i < first2) || in_note(cx, i) || l->dropped || !split_side(l, i > last ? rcol2 : rcol, &sd))
			continue;
		if (sd.le > sd.lb) {
			para *p = para_new(&ps, 0, (uint32_t)(i + 1), rs_input_col(l, sd.lcol));
			bc_buf_put(&p->text, l->s + sd.lb, sd.le - sd.lb);
		}
		if (sd.re > sd.rb) {
			para *p = para_new(&ps, 1, (uint32_t)(i + 1), rs_input_col(l, sd.rcol));
			bc_buf_put(&p->text, l->s + sd.rb, sd.re - sd.rb);
		}
	}
	/* a blank line has nothing to move, and stays where it is */
	for (size_t i = first; i <= end; i++)
		if (!rs_blank(&cx->v[i]) && !cx->v[i].dropped && (i <= last || i >= first2) && !in_note(cx, i))
			rs_move(cx, i, BC_RESTORE_LAYOUT);
	/* the anchor's words are the evidence already: no is_layout_text needed */
	int wrote = 0;
	for (size_t c = 0; c < 2; c++) {
		uint32_t prev = 0;
		for (size_t i = 0; i < ps.n; i++) {
			para *p = &ps.v[i];
			if (p->column != c)
				continue;
			/* a blank line between the columns, and where the column itself
			 * left lines empty (the space for the signature above the name);
			 * a column going on past the first block, over the page break, is one */
			int over = first2 <= last2 && prev <= last + 1 && p->line >= first2 + 1;
			if ((!prev && wrote) || (prev && p->line > prev + 1 && !over))
				rs_add_line(cx, end, "", 0, p->line, 1);
			rs_add_line(cx, end, p->text.s, p->text.len, p->line, p->col);
			prev = p->line;
			wrote = 1;
		}
	}
	cx->out->count[BC_RESTORE_LAYOUT]++;
	paras_free(&ps);
}

/* A recipient's line of the left column: "- …", "+ …" or "Lưu …" at the line's start. */
static int recipient_line(const char *s, size_t n)
{
	return (n >= 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ') || (n >= 4 && memcmp(s, "Lưu", 4) == 0);
}

/*
 * The closing's two columns going on over a page break: Word lets a table's
 * row break across pages, so that the recipients and the signature started at
 * a page's foot go on at the next page's top ("- Chủ tịch, các Phó Chủ tịch
 * UBND xã;" … "- Lưu: VT, VP." and, far right, "Nguyễn Văn Hùng"), a note of
 * the page between them.  Taken when the lines [k, e] left the closing
 * unfinished (no "Lưu" among the recipients, or no name under the signature)
 * and the next page opens with the left column's recipients or the right
 * column's lines alone; they run to the first line that is neither.  The
 * right column there starts where its lines do (pdftotext sets each page's
 * columns anew): *f2 and *e2 the lines, *rcol2 the column.
 */
static void closing_goes_on(const rs_ctx *cx, size_t k, size_t e, uint32_t rcol, size_t *f2, size_t *e2, uint32_t *rcol2)
{
	int saved = 0, named = 0;
	for (size_t i = k; i <= e; i++) {
		const rs_line *l = &cx->v[i];
		side sd;
		if (l->dropped || !split_side(l, rcol, &sd))
			continue;
		if (sd.le > sd.lb && recipient_line(l->s + sd.lb, sd.le - sd.lb) && holds(l->s + sd.lb, sd.le - sd.lb, "Lưu"))
			saved = 1;
		if (sd.re > sd.rb && person_name(l->s + sd.rb, sd.re - sd.rb))
			named = 1;
	}
	if (saved && named)
		return;
	size_t j = e + 1;
	while (j < cx->n && (cx->v[j].dropped || rs_blank(&cx->v[j]) || in_note(cx, j)) && cx->v[j].page == cx->v[e].page)
		j++;
	if (j >= cx->n || cx->v[j].page != cx->v[e].page + 1)
		return;
	while (j < cx->n && (cx->v[j].dropped || rs_blank(&cx->v[j])))
		j++;
	size_t first = j, last = 0;
	uint32_t right = 0;
	int left_seen = 0;
	for (; j < cx->n && j < first + 40 && cx->v[j].page == cx->v[e].page + 1; j++) {
		const rs_line *l = &cx->v[j];
		if (l->dropped || rs_blank(l))
			continue;
		const char *s;
		size_t n;
		rs_trim(l, &s, &n);
		uint32_t at = (uint32_t)bc_utf8_count(l->s, (size_t)(s - l->s)) + 1;
		if (type_line(l))
			break;
		if (at >= 16) {
			/* the right column alone, or the left's line then the right's */
			if (!right || at < right)
				right = at;
			last = j;
			continue;
		}
		side sd;
		if (at <= 4 && split_side(l, 0, &sd) && recipient_line(l->s + sd.lb, sd.le - sd.lb)) {
			if (sd.re > sd.rb && (!right || sd.rcol < right))
				right = sd.rcol;
			left_seen = 1;
			last = j;
			continue;
		}
		/* a recipient wrapped over a line ("cáo);"): it goes on, in small letters */
		uint32_t cp;
		bc_utf8_decode(s, n, &cp);
		if (left_seen && at <= 4 && bc_cp_is_lower(cp)) {
			last = j;
			continue;
		}
		break;
	}
	if (!last || (!left_seen && !right))
		return;
	*f2 = first;
	*e2 = last;
	*rcol2 = right ? right : 1000;
}

/* Is line l a type line alone ("QUYẾT ĐỊNH", centred): where the header's columns end. */
static int type_line(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	while (n >= 2 && s[0] == '*' && s[n - 1] == '*')
		s++, n -= 2;
	return n && bc_doctype_from_name(s, n) != BC_DOC_UNKNOWN;
}

void rs_sides(rs_ctx *cx)
{
	/* the header: among the first lines of the text, before its type line */
	size_t seen = 0, i = 0, anchor = (size_t)-1;
	uint32_t rcol = 0;
	size_t first = (size_t)-1, last = 0;
	for (; i < cx->n && seen < 14; i++) {
		const rs_line *l = &cx->v[i];
		if (l->dropped || rs_blank(l))
			continue;
		if (type_line(l))
			break;
		if (first == (size_t)-1)
			first = i;
		last = i;
		seen++;
		if (anchor == (size_t)-1 && (rcol = anchor_col(l, 0)) != 0)
			anchor = i;
	}
	if (anchor != (size_t)-1) {
		/* the columns end with the last line that has a right part: lines after
		 * it in the left column alone (a dispatch's V/v, "Kính gửi") stay where they are */
		size_t end = anchor, apart = 0;
		for (size_t k = anchor; k <= last && apart <= 2; k++) {
			side sd;
			if (cx->v[k].dropped || rs_blank(&cx->v[k]))
				continue;
			if (split_side(&cx->v[k], rcol, &sd) && sd.re > sd.rb) {
				end = k;
				apart = 0;
			} else {
				/* three lines of the left column alone (V/v, Kính gửi, the
				 * body's first paragraph): the header's columns ended, and
				 * a table under them has columns of its own */
				apart++;
			}
		}
		/* the left column's last part wrapped under the columns' last line
		 * ("V/v trả lời đề nghị của" / "Sở Nội vụ tỉnh Lâm Đồng"): lines of
		 * the left column alone, no blank line between, within its width */
		for (size_t k = end + 1; k < cx->n && k <= end + 3; k++) {
			const rs_line *l = &cx->v[k];
			if (l->dropped || rs_blank(l) || bc_utf8_count(l->s, l->len) >= rcol || type_line(l))
				break;
			end = k;
		}
		unfold_sides(cx, first, end, rcol, 1, 0, 0);
	}
	/* the closing: from "Nơi nhận" beside the signature, to the text's end or a page's */
	for (size_t k = 0; k < cx->n; k++) {
		if (cx->v[k].dropped || !((rcol = anchor_col(&cx->v[k], 1)) || (rcol = authority_below(cx, k))))
			continue;
		size_t e = k;
		for (size_t j = k + 1; j < cx->n && j - k < 60; j++) {
			const rs_line *l = &cx->v[j];
			/* a page's note under the closing is the page's, not a column's */
			if (l->page != cx->v[k].page || type_line(l) || in_note(cx, j))
				break;
			if (!l->dropped && !rs_blank(l))
				e = j;
		}
		size_t f2 = 1, e2 = 0;
		uint32_t rcol2 = 0;
		closing_goes_on(cx, k, e, rcol, &f2, &e2, &rcol2);
		unfold_sides(cx, k, e, rcol, f2, e2, rcol2);
		k = f2 <= e2 ? e2 : e;
	}
}
