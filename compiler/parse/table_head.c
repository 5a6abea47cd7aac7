/* table_head.c — a table's header: its rows and their spans, and the rows that repeat it after a page break. */
#include "table_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* ----------------------------------------------------------------- folding */

static int folded_alnum(uint32_t f)
{
	if (f < 0x80)
		return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9');
	return bc_cp_is_letter(f);
}

/* An ASCII byte folded: its lower-case letter or digit, FOLD_DROP for other
 * ASCII, FOLD_LOOK for markup bytes (< \\ tab |) and bytes beyond ASCII.
 * Made from bc_cp_fold on first use, so that the fold has one definition and
 * this is only its ASCII part looked up by byte (rows are folded by the
 * thousand when a long table's headers are compared). */
enum { FOLD_DROP = 0, FOLD_LOOK = 1 };
static unsigned char ascii_fold[128];

static void ascii_fold_init(void)
{
	if (ascii_fold['a'])
		return;
	for (uint32_t c = 0; c < 128; c++) {
		uint32_t f = bc_cp_fold(c);
		ascii_fold[c] = folded_alnum(f) && f < 0x80 ? (unsigned char)f : FOLD_DROP;
	}
	ascii_fold['<'] = ascii_fold['\\'] = ascii_fold['\t'] = ascii_fold['|'] = FOLD_LOOK;
}

/* Letters and digits without marks or case, cells separated by SEP; trailing empty cells dropped.
 * Stops once more than `limit` code points are kept: the caller only needs to know it is longer. */
void tb_fold_row_upto(const char *s, size_t len, size_t limit, cpvec *out)
{
	out->n = 0;
	ascii_fold_init();
	/* each code point pushed takes at least one byte: room for all at once */
	if (out->cap < len) {
		out->cap = len;
		out->v = bc_xrealloc(out->v, out->cap * sizeof *out->v);
	}
	size_t i = 0;
	while (s && i < len) {
		unsigned char c = (unsigned char)s[i];
		/* ASCII but the markup bytes: bc_cp_fold and folded_alnum by table */
		unsigned char a = c < 0x80 ? ascii_fold[c] : FOLD_LOOK;
		if (a != FOLD_LOOK) {
			if (a != FOLD_DROP) {
				out->v[out->n++] = a;
				if (out->n > limit)
					return;
			}
			i++;
			continue;
		}
		if (c == '<') {
			size_t t = tb_tag_end(s, i, len);
			if (t) {
				i = t;
				continue;
			}
		}
		if (c == '\\' && i + 1 < len && s[i + 1] == '|') {
			i += 2;
			continue;
		}
		if (c == '\t' || c == '|') {
			out->v[out->n++] = SEP;
			i++;
			continue;
		}
		uint32_t cp;
		i += (size_t)bc_utf8_decode(s + i, len - i, &cp);
		uint32_t f = bc_cp_fold(cp);
		if (folded_alnum(f)) {
			out->v[out->n++] = f;
			if (out->n > limit)
				return;
		}
	}
	while (out->n && out->v[out->n - 1] == SEP)
		out->n--;
}

void tb_fold_row(const char *s, size_t len, cpvec *out) { tb_fold_row_upto(s, len, (size_t)-1, out); }

/* Levenshtein distance if it is at most k, else k + 1; O(len * k). */
static size_t band_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t k)
{
	if (na > nb + k || nb > na + k)
		return k + 1;
	/* a common prefix and suffix do not change the distance; repeated
	 * headers that differ in a word or two are mostly both */
	while (na && nb && a[0] == b[0]) {
		a++, b++;
		na--, nb--;
	}
	while (na && nb && a[na - 1] == b[nb - 1])
		na--, nb--;
	/* A bound first, in one pass: an edit lowers by at most one the letters a
	 * has in excess of b, and those b has in excess of a (counted in 64 bins);
	 * so most rows compared with a header of about their length cost O(n), not O(n k). */
	int bins[64] = { 0 };
	for (size_t i = 0; i < na; i++)
		bins[a[i] & 63]++;
	for (size_t j = 0; j < nb; j++)
		bins[b[j] & 63]--;
	size_t more_a = 0, more_b = 0;
	for (int c = 0; c < 64; c++) {
		if (bins[c] > 0)
			more_a += (size_t)bins[c];
		else
			more_b += (size_t)-bins[c];
	}
	if (more_a > k || more_b > k)
		return k + 1;
	enum { W = 2 * FUZZ_CAP + 1 };
	size_t bufa[W], bufb[W];
	size_t *prev = bufa, *cur = bufb;
	const size_t inf = (size_t)-1 / 2;
	size_t w = 2 * k + 1;
	/* cell d of row i stands for column j = i + d - k */
	for (size_t d = 0; d < w; d++)
		prev[d] = (d >= k && d - k <= nb) ? d - k : inf;
	for (size_t i = 1; i <= na; i++) {
		size_t rowmin = inf;
		for (size_t d = 0; d < w; d++) {
			if (i + d < k || i + d - k > nb) {
				cur[d] = inf;
				continue;
			}
			size_t j = i + d - k, best;
			if (j == 0) {
				best = i;
			} else {
				best = prev[d] + (a[i - 1] != b[j - 1]);
				if (d + 1 < w && prev[d + 1] + 1 < best)
					best = prev[d + 1] + 1;
				if (d >= 1 && cur[d - 1] + 1 < best)
					best = cur[d - 1] + 1;
			}
			cur[d] = best;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > k)
			return k + 1;
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[nb + k - na];
	return r > k ? k + 1 : r;
}

/* 0: different; 1: equal once folded; 2: equal but for a few letters. */
int tb_folded_compare(const cpvec *a, const cpvec *b)
{
	if (a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof *a->v) == 0))
		return 1;
	size_t m = a->n > b->n ? a->n : b->n;
	size_t k = m / 10;
	if (k > FUZZ_CAP)
		k = FUZZ_CAP;
	if (k == 0)
		return 0;
	return band_distance(a->v, a->n, b->v, b->n, k) <= k ? 2 : 0;
}

int bc_table_same_header(const char *a, size_t alen, const char *b, size_t blen)
{
	cpvec fa = { 0 }, fb = { 0 };
	tb_fold_row(a, alen, &fa);
	tb_fold_row(b, blen, &fb);
	int r = (fa.n || fb.n) && tb_folded_compare(&fa, &fb);
	free(fa.v);
	free(fb.v);
	return r;
}

/* ------------------------------------------------------------- the header */

typedef struct hcell {
	size_t row, col, width, height;
	const rcell *rc;
	bc_node *node;
} hcell;

static int all_numbers(const rrow *r)
{
	int any = 0;
	char v[NUMBER_MAX + 8];
	for (size_t c = 0; c < r->n; c++) {
		if (r->v[c].len == 0)
			continue;
		if (tb_cell_number_into(r->v[c].s, r->v[c].len, v, sizeof v) == 0)
			return 0;
		any = 1;
	}
	return any;
}

/* Whether tab row `cand` only fills columns under spanning cells of header row
 * `above`; `allowed` holds the columns open to `above` and becomes those open
 * to `cand`. */
static int continues_header(bc_document *doc, const rrow *above, const rrow *cand, unsigned char *allowed)
{
	if (cand->n == 0 || cand->v[0].len != 0 || last_nonempty(cand) == 0 || all_numbers(cand))
		return 0;
	size_t width = above->n > cand->n ? above->n : cand->n;
	if (width > BC_MAX_TABLE_COLUMNS)
		width = BC_MAX_TABLE_COLUMNS;
	unsigned char next[BC_MAX_TABLE_COLUMNS];
	memset(next, 0, sizeof next);
	for (size_t c = 0; c < width;) {
		if (!allowed[c] || is_empty(cell_at(above, c))) {
			c++;
			continue;
		}
		size_t j = c + 1;
		while (j < width && allowed[j] && is_empty(cell_at(above, j)))
			j++;
		if (j > c + 1)
			memset(next + c, 1, j - c);
		c = j;
	}
	for (size_t c = 0; c < cand->n; c++)
		if (cand->v[c].len && (c >= width || !next[c]))
			return 0;
	memcpy(allowed, next, sizeof next);
	return 1;
}

/* The header's grid while it is laid out: which cell owns each place. */
typedef struct layout {
	const rrow *head;
	size_t h, width;
	int pipe;
	hcell *cells;       /* in row order, then column order */
	size_t ncells;
	long *own;          /* h x width: index in cells, or -1 */
} layout;

static long *own_at(const layout *L, size_t r, size_t c) { return &L->own[r * L->width + c]; }

/* "<" in a pipe header: the cell on its left, one row high, grows by a column. */
static int span_left(layout *L, size_t r, size_t c)
{
	if (!L->pipe || !is_text(cell_at(&L->head[r], c), "<") || c == 0 || *own_at(L, r, c - 1) < 0)
		return 0;
	hcell *x = &L->cells[*own_at(L, r, c - 1)];
	if (x->row != r || x->col + x->width != c || x->height != 1)
		return 0;
	x->width++;
	*own_at(L, r, c) = *own_at(L, r, c - 1);
	return 1;
}

/* "^" in a pipe header: the cell above grows by a row, when the places under
 * all its columns are free and hold "^", "<" or nothing. */
static int span_up(layout *L, size_t r, size_t c)
{
	if (!L->pipe || !is_text(cell_at(&L->head[r], c), "^") || r == 0 || *own_at(L, r - 1, c) < 0)
		return 0;
	long xi = *own_at(L, r - 1, c);
	hcell *x = &L->cells[xi];
	int fits = x->col == c && x->row + x->height == r;
	for (size_t k = c; fits && k < c + x->width; k++) {
		const rcell *o = cell_at(&L->head[r], k);
		fits = *own_at(L, r, k) < 0 && (is_text(o, "^") || is_text(o, "<") || is_empty(o));
	}
	if (!fits)
		return 0;
	x->height++;
	for (size_t k = c; k < c + x->width; k++)
		*own_at(L, r, k) = xi;
	return 1;
}

/* A tab header's title at (r, c): the empty places after it that have words
 * under them belong to it. */
static size_t tab_width(const layout *L, size_t r, size_t c)
{
	size_t w = 1;
	if (is_empty(cell_at(&L->head[r], c)))
		return w;
	while (c + w < L->width && *own_at(L, r, c + w) < 0 && is_empty(cell_at(&L->head[r], c + w))) {
		int below = 0;
		for (size_t rr = r + 1; rr < L->h && !below; rr++)
			below = !is_empty(cell_at(&L->head[rr], c + w));
		if (!below)
			break;
		w++;
	}
	return w;
}

/* A tab header's title with nothing under it in the lower rows stands for all of them. */
static size_t tab_height(const layout *L, size_t r, size_t c, size_t w)
{
	size_t k = 1;
	while (r + k < L->h) {
		int empty = 1;
		for (size_t x = c; x < c + w && empty; x++)
			empty = *own_at(L, r + k, x) < 0 && is_empty(cell_at(&L->head[r + k], x));
		if (!empty)
			break;
		k++;
	}
	return k;
}

/* A new cell at (r, c), as wide and high as its spans. */
static void new_hcell(layout *L, size_t r, size_t c)
{
	size_t w = L->pipe ? 1 : tab_width(L, r, c);
	size_t k = L->pipe ? 1 : tab_height(L, r, c, w);
	hcell *x = &L->cells[L->ncells];
	x->row = r;
	x->col = c;
	x->width = w;
	x->height = k;
	x->rc = cell_at(&L->head[r], c);
	for (size_t rr = r; rr < r + k; rr++)
		for (size_t cc = c; cc < c + w; cc++)
			*own_at(L, rr, cc) = (long)L->ncells;
	L->ncells++;
}

/* Width of the header: up to its last words (a pipe row counts every cell). */
static size_t header_cols(const layout *L)
{
	size_t cols = 0;
	for (size_t i = 0; i < L->ncells; i++) {
		size_t end = L->cells[i].col + L->cells[i].width;
		if ((L->pipe || !is_empty(L->cells[i].rc)) && end > cols)
			cols = end;
	}
	return cols ? cols : L->width;
}

/* The THEAD rows of a laid-out header t->cols wide. */
static void header_nodes(table_builder *t, const bc_table_line *lines, layout *L)
{
	/* cells are in row order already */
	size_t i = 0;
	for (size_t r = 0; r < L->h; r++) {
		bc_node *row = bc_node_new(t->doc, BC_NODE_ROW, lines[r].pos);
		row->as.row.kind = BC_ROW_HEAD;
		bc_pos at_end = tb_end_pos(&lines[r]);
		size_t k = i;
		while (k < L->ncells && L->cells[k].row == r)
			k++;
		bc_cell *cells = bc_row_reserve(t->doc, row, k - i);
		for (; i < L->ncells && L->cells[i].row == r; i++) {
			hcell *x = &L->cells[i];
			if (x->col >= t->cols)
				continue;   /* an empty cell past the last title */
			bc_cell *cell = &cells[row->as.row.ncells++];
			tb_set_cell(t, row, cell, x->rc, at_end, x->col);
			if (x->col + x->width > t->cols)
				x->width = t->cols - x->col;
			cell->colspan = (uint16_t)x->width;
			cell->rowspan = (uint32_t)x->height;
			if (x->height > 1) {
				uint32_t last = lines[r + x->height - 1].pos.line;
				if (cell->flags & BC_CELL_CONTENT)
					cell->u.content->end_line = last;
				if (last > row->end_line)
					row->end_line = last;
			}
		}
		tb_row_end(row);
		bc_node_append(t->thead, row);
	}
}

/* A pipe table's header: the rows above the delimiter row, or the first row
 * when there is none within MAX_HEAD_ROWS. */
/* A row going on with the header's cells: its first cell empty, the others
 * empty or going on with the text above (small letters, "(", a unit). */
static int header_goes_on(const rrow *row)
{
	if (!row->n || row->v[0].len)
		return 0;
	int any = 0;
	for (size_t c = 1; c < row->n; c++) {
		if (!row->v[c].len)
			continue;
		if (row->v[c].s[0] != '(' && !tb_continues_text(row->v[c].s, row->v[c].len))
			return 0;
		any = 1;
	}
	return any;
}

static size_t pipe_header(table_builder *t, const bc_table_line *lines, size_t n, heads *hd)
{
	size_t r = 0, first_body;
	while (r < n && r <= MAX_HEAD_ROWS && !lines[r].is_rule)
		r++;
	if (r < n && r <= MAX_HEAD_ROWS && lines[r].is_rule) {
		hd->n = r;
		hd->rule = &lines[r];
		first_body = r + 1;
	} else {
		/* no rule (antiword's "|" rows): the header's first row and the rows
		 * going on with its cells, their first cell empty ("|    |  |(triệu |") */
		hd->n = 1;
		tb_read_row(t, &lines[0], &hd->row[0]);
		while (hd->n < n && hd->n < MAX_HEAD_ROWS && !lines[hd->n].after_break && lines[hd->n].is_pipe) {
			tb_read_row(t, &lines[hd->n], &hd->row[hd->n]);
			if (!header_goes_on(&hd->row[hd->n]))
				break;
			hd->n++;
		}
		return hd->n;
	}
	for (size_t i = 0; i < hd->n; i++)
		tb_read_row(t, &lines[i], &hd->row[i]);
	return first_body;
}

/* A tab table's header: the first row, then the rows that only fill the
 * columns under a spanning cell of the row above. */
static size_t tab_header(table_builder *t, const bc_table_line *lines, size_t n, heads *hd, rrow *row)
{
	tb_read_row(t, &lines[0], &hd->row[0]);
	hd->n = 1;
	/* columns a further header row may fill: under the spans of the row above */
	unsigned char *allowed = bc_xmalloc(BC_MAX_TABLE_COLUMNS);
	memset(allowed, 1, BC_MAX_TABLE_COLUMNS);
	size_t h = 1;
	while (h < MAX_HEAD_ROWS && h < n && !lines[h].after_break && !lines[h].is_rule && !lines[h].is_pipe) {
		tb_read_row(t, &lines[h], row);
		if (!continues_header(t->doc, &hd->row[h - 1], row, allowed))
			break;
		tb_row_copy(&hd->row[h], row);
		h++;
	}
	free(allowed);
	hd->n = h;
	return h;
}

/* Reads the lines that make the header into hd; returns the first line of the body. */
size_t tb_read_header(table_builder *t, const bc_table_line *lines, size_t n, heads *hd, rrow *row)
{
	hd->pipe = lines[0].is_pipe || lines[0].is_rule;
	return hd->pipe ? pipe_header(t, lines, n, hd) : tab_header(t, lines, n, hd, row);
}

/* Lays out the header rows with their spans, fixes t->cols, and builds THEAD. */
void tb_build_header(table_builder *t, const bc_table_line *lines, const rrow *head, size_t h, int pipe,
                     const bc_table_line *rule)
{
	layout L = { head, h, 0, pipe, NULL, 0, NULL };
	for (size_t r = 0; r < h; r++)
		if (head[r].n > L.width)
			L.width = head[r].n;
	if (h == 0 || L.width == 0) {
		t->cols = 0;
		return;
	}
	L.cells = bc_xcalloc(h * L.width, sizeof *L.cells);
	L.own = bc_xmalloc(h * L.width * sizeof *L.own);
	for (size_t i = 0; i < h * L.width; i++)
		L.own[i] = -1;
	for (size_t r = 0; r < h; r++)
		for (size_t c = 0; c < L.width; c++)
			if (*own_at(&L, r, c) < 0 && !span_left(&L, r, c) && !span_up(&L, r, c))
				new_hcell(&L, r, c);
	t->cols = header_cols(&L);
	t->align = bc_arena_alloc(&t->doc->arena, t->cols * sizeof *t->align);
	if (rule)
		tb_read_alignment(t, rule);
	header_nodes(t, lines, &L);
	free(L.cells);
	free(L.own);
}

/* ----------------------------------------------------- rows that repeat it */

/* Folds the header rows for tb_repeat_of. */
void tb_fold_header(heads *hd, const bc_table_line *lines)
{
	hd->fold_limit = 0;
	for (size_t i = 0; i < hd->n; i++) {
		tb_fold_row(lines[i].s, lines[i].len, &hd->folded[i]);
		if (hd->folded[i].n > hd->fold_limit)
			hd->fold_limit = hd->folded[i].n;
	}
	/* a row longer than every header by more than FUZZ_CAP repeats none */
	hd->fold_limit += FUZZ_CAP;
}

/* Which header row a body row repeats, counted from 1 (0: none): the row
 * after the one repeated just before it (`next`, 0 when none was), else the
 * first.  A header row without words ("| | |") repeats nothing. */
size_t tb_repeat_of(heads *hd, const bc_table_line *ln, const rrow *row, size_t next)
{
	tb_fold_row_upto(ln->s, ln->len, hd->fold_limit, &hd->frow);
	if (next > 0 && next < hd->n && hd->folded[next].n &&
	    (tb_folded_compare(&hd->frow, &hd->folded[next]) || tb_repeats_cells(row, &hd->row[next])))
		return next + 1;
	if (hd->folded[0].n && tb_folded_compare(&hd->frow, &hd->folded[0]))
		return 1;
	return 0;
}

void tb_heads_free(heads *hd)
{
	for (size_t i = 0; i < MAX_HEAD_ROWS; i++) {
		free(hd->row[i].v);
		free(hd->folded[i].v);
	}
	free(hd->frow.v);
}

/* Up to `max` bytes of s from `from`, cut on character boundaries, with "…"
 * where text was left out. */
static void excerpt(bc_buf *b, const char *s, size_t len, size_t from, size_t max)
{
	while (from > 0 && from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
		from--;
	size_t to = from + max < len ? from + max : len;
	while (to < len && to > from && ((unsigned char)s[to] & 0xC0) == 0x80)
		to--;
	bc_buf_putc(b, '"');
	if (from > 0)
		bc_buf_puts(b, "…");
	bc_buf_put(b, s + from, to - from);
	if (to < len)
		bc_buf_puts(b, "…");
	bc_buf_putc(b, '"');
}

/* Reports a header repeat whose wording differs from the header, with the
 * first cell that differs both ways around the first byte that differs.
 * Returns 1 when it differs; an exact repeat is a page break, not a defect. */
int tb_repeat_diag(table_builder *t, const bc_table_line *ln, const rrow *row, const rrow *head)
{
	size_t n = row->n > head->n ? row->n : head->n;
	for (size_t c = 0; c < n; c++) {
		const rcell *a = cell_at(row, c), *b = cell_at(head, c);
		const char *as = a ? a->s : "", *bs = b ? b->s : "";
		size_t al = a ? a->len : 0, bl = b ? b->len : 0;
		if (al == bl && (al == 0 || memcmp(as, bs, al) == 0))
			continue;
		size_t p = 0;
		while (p < al && p < bl && as[p] == bs[p])
			p++;
		size_t from = p > 30 ? p - 30 : 0;
		/* start on a word when one begins near */
		for (size_t k = from; from > 0 && k < p; k++)
			if (as[k] == ' ') {
				from = k + 1;
				break;
			}
		bc_buf arg = BC_BUF_INIT;
		excerpt(&arg, as, al, from, 80);
		bc_buf_puts(&arg, " \xE2\x89\xA0 ");   /* ≠ */
		excerpt(&arg, bs, bl, from, 80);
		bc_diag_add(t->diags, BC_W_HEADER_REPEAT_DIFF, ln->pos, "%s", arg.s);
		bc_buf_free(&arg);
		return 1;
	}
	return 0;
}

/* A following header row repeated with cells left out or moved: every word
 * cell of the row is a cell of that header row in the same column. */
int tb_repeats_cells(const rrow *row, const rrow *head)
{
	int any = 0;
	cpvec a = { 0 }, b = { 0 };
	int ok = 1;
	for (size_t c = 0; c < row->n && ok; c++) {
		if (row->v[c].len == 0)
			continue;
		const rcell *h = cell_at(head, c);
		if (is_empty(h)) {
			ok = 0;
			break;
		}
		tb_fold_row(row->v[c].s, row->v[c].len, &a);
		tb_fold_row(h->s, h->len, &b);
		ok = tb_folded_compare(&a, &b) != 0;
		any = 1;
	}
	free(a.v);
	free(b.v);
	return ok && any;
}

void tb_add_repeated_row(table_builder *t, const bc_table_line *ln, const rrow *row, int differs, int head_row)
{
	bc_node *r = bc_node_new(t->doc, BC_NODE_ROW, ln->pos);
	r->as.row.kind = BC_ROW_HEAD;
	r->as.row.repeat = (uint8_t)(differs ? BC_REPEAT_REWORDED : BC_REPEAT_SAME);
	r->as.row.repeat_of = head_row;
	size_t n = last_nonempty(row);
	if (n < t->cols)
		n = t->cols < row->n ? t->cols : row->n;
	bc_pos at_end = tb_end_pos(ln);
	bc_cell *cells = bc_row_reserve(t->doc, r, n);
	for (size_t c = 0; c < n; c++)
		tb_set_cell(t, r, &cells[r->as.row.ncells++], cell_at(row, c), at_end, c);
	tb_row_end(r);
	bc_node_append(t->tbody, r);
	t->table->as.table.repeats_removed++;
}
