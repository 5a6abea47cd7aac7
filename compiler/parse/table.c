/* table.c — building one TABLE node from the raw rows of a tab-separated or pipe table: the rows read, then header, repeats and body. */
#include "table.h"

#include "table_int.h"
#include "inline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* ------------------------------------------------------------ reading rows */

/* Where a body cell of a pipe table sits, for "^" rows below it. */
/* More than BC_MAX_TABLE_COLUMNS cells: the surplus joins the last allowed cell. */
static void cap_columns(table_builder *t, rrow *row)
{
	if (row->n <= BC_MAX_TABLE_COLUMNS)
		return;
	if (!t->wide_reported) {
		bc_diag_add(t->diags, BC_E_TOO_MANY_COLUMNS, row->v[0].pos, "%zu > %d", row->n, BC_MAX_TABLE_COLUMNS);
		t->wide_reported = 1;
	}
	bc_buf b = BC_BUF_INIT;
	for (size_t i = BC_MAX_TABLE_COLUMNS - 1; i < row->n; i++) {
		if (row->v[i].len == 0)
			continue;
		if (b.len)
			bc_buf_putc(&b, ' ');
		bc_buf_put(&b, row->v[i].s, row->v[i].len);
	}
	rcell *last = &row->v[BC_MAX_TABLE_COLUMNS - 1];
	if (b.len) {
		last->s = bc_arena_strndup(&t->doc->arena, b.s, b.len);
		last->len = b.len;
	}
	bc_buf_free(&b);
	row->n = BC_MAX_TABLE_COLUMNS;
}

/* Splits a line and applies the column limit; "\|" in pipe cells becomes "|". */
void tb_read_row(table_builder *t, const bc_table_line *ln, rrow *row)
{
	tb_split_line(ln, row);
	if (ln->is_pipe) {
		for (size_t i = 0; i < row->n; i++) {
			rcell *c = &row->v[i];
			if (!memchr(c->s, '\\', c->len))
				continue;
			int has = 0;
			for (size_t j = 0; j + 1 < c->len; j++)
				if (c->s[j] == '\\' && c->s[j + 1] == '|')
					has = 1;
			if (!has)
				continue;
			char *d = bc_arena_alloc(&t->doc->arena, c->len + 1);
			size_t o = 0;
			for (size_t j = 0; j < c->len; j++) {
				if (c->s[j] == '\\' && j + 1 < c->len && c->s[j + 1] == '|')
					j++;
				d[o++] = c->s[j];
			}
			d[o] = '\0';
			c->s = d;
			c->len = o;
		}
	}
	cap_columns(t, row);
}

void tb_set_cell(table_builder *t, bc_node *row, bc_cell *cell, const rcell *rc, bc_pos at, size_t col)
{
	memset(cell, 0, sizeof *cell);
	cell->pos = rc ? rc->pos : at;
	cell->col = (uint16_t)col;
	cell->colspan = 1;
	cell->rowspan = 1;
	if (col < t->cols && t->align)
		cell->align = (uint8_t)t->align[col];
	if (!rc || !rc->len)
		return;
	if ((t->inl && !bc_inline_plain(rc->s, rc->len)) || rc->len > BC_CELL_MAX_TEXT) {
		/* structure in the text: the inline nodes, under a CELL node of the row's */
		bc_node *content = bc_node_new(t->doc, BC_NODE_CELL, cell->pos);
		content->parent = row;
		if (t->inl)
			t->inl(t->ctx, content, rc->s, rc->len, rc->pos);
		else
			bc_node_append(content, bc_text_new(t->doc, rc->pos, rc->s, rc->len));
		cell->u.content = content;
		cell->flags |= BC_CELL_CONTENT;
	} else {
		/* the words as written (the line's, or the arena's for an unescaped or joined cell) */
		cell->u.text = rc->s;
		cell->len = rc->len;
	}
}

void tb_row_end(bc_node *row)
{
	for (uint32_t i = 0; i < row->as.row.ncells; i++) {
		const bc_cell *c = &row->as.row.cells[i];
		uint32_t e = (c->flags & BC_CELL_CONTENT) ? c->u.content->end_line : c->pos.line;
		if (e > row->end_line)
			row->end_line = e;
	}
}

/* A cell's words become inline nodes: a fragment is joined to it. */
bc_node *tb_cell_content(table_builder *t, bc_node *row, bc_cell *cell)
{
	if (cell->flags & BC_CELL_CONTENT)
		return cell->u.content;
	bc_node *content = bc_node_new(t->doc, BC_NODE_CELL, cell->pos);
	content->parent = row;
	if (cell->len)
		bc_node_append(content, bc_text_new(t->doc, cell->pos, cell->u.text, cell->len));
	cell->u.content = content;
	cell->len = 0;
	cell->flags |= BC_CELL_CONTENT;
	return content;
}

void tb_set_number(table_builder *t, bc_node *row, bc_cell *cell, const rcell *rc)
{
	char v[NUMBER_MAX + 8], again[NUMBER_MAX + 8];
	size_t n = tb_cell_number_into(rc->s, rc->len, v, sizeof v);
	if (!n)
		return;
	/* bc_cell_value reads a plain cell's figure from its words again: when
	 * they alone would read otherwise, the cell keeps the value in a node */
	if (!(cell->flags & BC_CELL_CONTENT) &&
	    (!bc_number_value(cell->u.text, cell->len, again, sizeof again) || strcmp(again, v) != 0))
		tb_cell_content(t, row, cell);
	if (cell->flags & BC_CELL_CONTENT)
		cell->u.content->as.cell.value = bc_str_dup(t->doc, v, n);
	cell->flags |= BC_CELL_NUMBER;
	if (cell->align == BC_ALIGN_NONE)
		cell->align = BC_ALIGN_RIGHT;
}

/* The CELL node of a cell with structure repeats the cell's data, for readers
 * that see the cell as a node: set once the table is whole. */
static void sync_contents(bc_node *part)
{
	for (bc_node *r = part->first; r; r = r->next)
		for (uint32_t i = 0; i < r->as.row.ncells; i++) {
			bc_cell *c = &r->as.row.cells[i];
			if (!(c->flags & BC_CELL_CONTENT))
				continue;
			bc_node *n = c->u.content;
			n->as.cell.col = c->col;
			n->as.cell.colspan = c->colspan;
			n->as.cell.rowspan = (int)c->rowspan;
			n->as.cell.align = (bc_align)c->align;
		}
}

bc_pos tb_end_pos(const bc_table_line *ln)
{
	bc_pos p = ln->pos;
	p.col = (uint32_t)(p.col + (ln->s ? bc_utf8_count(ln->s, ln->len) : 0));
	return p;
}

/* A pipe delimiter row: ":--" left, "--:" right, ":-:" centre. */
void tb_read_alignment(table_builder *t, const bc_table_line *ln)
{
	rrow r = { 0 };
	tb_read_row(t, ln, &r);
	for (size_t c = 0; c < r.n && c < t->cols; c++) {
		const rcell *x = &r.v[c];
		if (x->len == 0)
			continue;
		int l = x->s[0] == ':', rt = x->s[x->len - 1] == ':';
		t->align[c] = l && rt ? BC_ALIGN_CENTER : rt ? BC_ALIGN_RIGHT : l ? BC_ALIGN_LEFT : BC_ALIGN_NONE;
	}
	free(r.v);
}

void tb_extend_end(bc_node *n, uint32_t line)
{
	for (; n; n = n->parent)
		if (n->end_line < line)
			n->end_line = line;
}

/* A table without header rows (a delimiter row first): as wide as its widest row. */
static void headless_width(table_builder *t, const bc_table_line *lines, size_t from, size_t n, const heads *hd,
                           rrow *row)
{
	for (size_t i = from; i < n; i++) {
		if (lines[i].is_rule)
			continue;
		tb_read_row(t, &lines[i], row);
		size_t w = last_nonempty(row);
		if (w > t->cols)
			t->cols = w;
	}
	t->align = bc_arena_alloc(&t->doc->arena, (t->cols ? t->cols : 1) * sizeof *t->align);
	if (hd->rule)
		tb_read_alignment(t, hd->rule);
}

/* The next line that can be a body row: not a delimiter, not the header
 * printed again after a page break (its first cell is the header's "STT"). */
static const bc_table_line *next_body_line(table_builder *t, const bc_table_line *lines, size_t i, size_t n,
                                           const heads *hd)
{
	const rcell *h0 = hd->n > 0 ? cell_at(&hd->row[0], 0) : NULL;
	rrow r = { 0 };
	const bc_table_line *found = NULL;
	for (; i < n && !found; i++) {
		if (lines[i].is_rule)
			continue;
		if (!is_empty(h0)) {
			tb_read_row(t, &lines[i], &r);
			const rcell *c = cell_at(&r, 0);
			if (c && c->len == h0->len && memcmp(c->s, h0->s, c->len) == 0)
				continue;
		}
		found = &lines[i];
	}
	free(r.v);
	return found;
}

/* The rows after the header: repeats of the header, fragments of the row
 * above cut off by a page break, body rows. */
static void body_rows(table_builder *t, const bc_table_line *lines, size_t from, size_t n, heads *hd, rrow *row)
{
	int after_break = 0;      /* no body row yet since the last page break */
	size_t repeat_level = 0;  /* header rows repeated just now */
	for (size_t i = from; i < n; i++) {
		const bc_table_line *ln = &lines[i];
		if (ln->after_break) {
			after_break = 1;
			repeat_level = 0;
		}
		if (ln->is_rule)
			continue;   /* the delimiter under a repeated or empty pipe header */
		tb_read_row(t, ln, row);
		if (last_nonempty(row) == 0)
			continue;   /* "| | | |": an empty header continuing the table; nothing to keep */
		size_t lvl = hd->n > 0 ? tb_repeat_of(hd, ln, row, repeat_level) : 0;
		if (lvl) {
			int differs = tb_repeat_diag(t, ln, row, &hd->row[lvl - 1]);
			tb_add_repeated_row(t, ln, row, differs, (int)lvl);
			repeat_level = lvl;
			continue;
		}
		repeat_level = 0;
		if (after_break) {
			after_break = 0;
			if (tb_try_fragment(t, ln, row, 0))
				continue;
		}
		/* a pipe table with no rule under its header (antiword's): a row
		 * of cells going on, its first empty, is the row above's wrap */
		if (hd->pipe && !hd->rule && tb_try_fragment(t, ln, row, 1))
			continue;
		t->next = next_body_line(t, lines, i + 1, n, hd);
		tb_add_body_row(t, ln, row);
	}
}

bc_node *bc_table_build(bc_document *doc, bc_diags *diags, const bc_table_line *lines, size_t n,
                        bc_inline_fn inl, void *ctx)
{
	bc_pos top = { 1, 1 };
	if (lines && n)
		top = lines[0].pos;
	table_builder t;
	memset(&t, 0, sizeof t);
	t.doc = doc;
	t.diags = diags;
	t.inl = inl;
	t.ctx = ctx;
	t.table = bc_node_new(doc, BC_NODE_TABLE, top);
	t.thead = bc_node_new(doc, BC_NODE_THEAD, top);
	t.tbody = bc_node_new(doc, BC_NODE_TBODY, top);
	bc_node_append(t.table, t.thead);
	bc_node_append(t.table, t.tbody);
	if (!lines || n == 0)
		return t.table;

	heads hd;
	memset(&hd, 0, sizeof hd);
	rrow row = { 0 };
	size_t first_body = tb_read_header(&t, lines, n, &hd, &row);
	tb_build_header(&t, lines, hd.row, hd.n, hd.pipe, hd.rule);
	if (hd.n == 0)
		headless_width(&t, lines, first_body, n, &hd, &row);
	t.table->as.table.head_rows = (int)hd.n;
	t.table->as.table.cols = (int)t.cols;
	tb_fold_header(&hd, lines);

	t.prev_cells = bc_xcalloc(BC_MAX_TABLE_COLUMNS, sizeof *t.prev_cells);
	body_rows(&t, lines, first_body, n, &hd, &row);
	tb_extend_end(t.tbody, lines[n - 1].pos.line);
	t.table->end_line = lines[n - 1].pos.line;

	sync_contents(t.thead);
	sync_contents(t.tbody);
	tb_heads_free(&hd);
	free(row.v);
	free(t.prev_cells);
	free(t.above);
	return t.table;
}
