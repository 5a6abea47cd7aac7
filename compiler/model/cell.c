/* cell.c — a table's cells as the model keeps them (in their rows' arrays) and as readers see them (nodes). */
#include "report.h"

#include <string.h>

#include "../parse/table.h"

bc_cell *bc_row_reserve(bc_document *doc, bc_node *row, size_t n)
{
	/* one array a row, sized by the builder before it fills it: the builder
	 * keeps pointers to cells of rows above (spans, fragments), so an array
	 * never moves once cells are in it */
	size_t have = row->as.row.ncells;
	bc_cell *v = bc_arena_alloc(&doc->arena, (have + n ? have + n : 1) * sizeof *v);
	if (have)
		memcpy(v, row->as.row.cells, have * sizeof *v);
	row->as.row.cells = v;
	return v + have;
}

size_t bc_cell_value(const bc_cell *c, char *out, size_t outsize)
{
	if (outsize)
		out[0] = '\0';
	if (!(c->flags & BC_CELL_NUMBER))
		return 0;
	if (c->flags & BC_CELL_CONTENT) {
		/* a figure with structure ("**12**", "12¹") keeps the value the parser read */
		bc_str v = c->u.content->as.cell.value;
		if (v.len + 1 > outsize)
			return 0;
		memcpy(out, v.s, v.len);
		out[v.len] = '\0';
		return v.len;
	}
	/* plain text: the words are the figure, as the parser read it (parse/table_cells.c) */
	if (!bc_number_value(c->u.text, c->len, out, outsize))
		return out[0] = '\0', 0;
	return strlen(out);
}

const bc_node *bc_cell_node(const bc_cell *c, const bc_node *row, bc_cell_view *v)
{
	if (c->flags & BC_CELL_CONTENT)
		return c->u.content;
	memset(&v->cell, 0, sizeof v->cell);
	v->cell.type = BC_NODE_CELL;
	v->cell.pos = c->pos;
	v->cell.end_line = c->pos.line;
	/* a cell spanning rows ends on the line of the last row it covers */
	const bc_node *last = row;
	for (uint32_t k = 1; k < c->rowspan && last->next; k++)
		last = last->next;
	if (last->pos.line > v->cell.end_line)
		v->cell.end_line = last->pos.line;
	v->cell.parent = (bc_node *)row;
	v->cell.as.cell.col = c->col;
	v->cell.as.cell.colspan = c->colspan;
	v->cell.as.cell.rowspan = (int)c->rowspan;
	v->cell.as.cell.align = (bc_align)c->align;
	size_t n = bc_cell_value(c, v->value, sizeof v->value);
	v->cell.as.cell.value.s = n ? v->value : NULL;
	v->cell.as.cell.value.len = n;
	if (c->len) {
		memset(&v->text, 0, sizeof v->text);
		v->text.type = BC_NODE_TEXT;
		v->text.pos = c->pos;
		v->text.end_line = c->pos.line;
		v->text.parent = &v->cell;
		v->text.as.text.literal.s = c->u.text;
		v->text.as.text.literal.len = c->len;
		v->cell.first = v->cell.last = &v->text;
	}
	return &v->cell;
}

/* The CELL children of one row into its array. */
static void adopt_row(bc_document *doc, bc_node *row)
{
	size_t n = 0;
	for (bc_node *c = row->first; c; c = c->next)
		n += c->type == BC_NODE_CELL;
	if (!n)
		return;
	bc_cell *v = bc_row_reserve(doc, row, n);
	for (bc_node *c = row->first, *next; c; c = next) {
		next = c->next;
		if (c->type != BC_NODE_CELL)
			continue;
		bc_node_unlink(c);
		c->parent = row;
		bc_cell *x = &v[0];
		v++;
		memset(x, 0, sizeof *x);
		x->u.content = c;
		x->flags = BC_CELL_CONTENT | (c->as.cell.value.len ? BC_CELL_NUMBER : 0);
		x->pos = c->pos;
		x->col = (unsigned)(c->as.cell.col > 0 ? c->as.cell.col : 0) & 1023u;
		x->colspan = c->as.cell.colspan > 1 && c->as.cell.colspan <= 1023 ? (unsigned)c->as.cell.colspan : 1u;
		x->rowspan = c->as.cell.rowspan > 1 ? (c->as.cell.rowspan < BC_CELL_MAX_ROWSPAN ? (unsigned)c->as.cell.rowspan
		                                                                                 : BC_CELL_MAX_ROWSPAN)
		                                    : 1u;
		x->align = (unsigned)c->as.cell.align & 3u;
		row->as.row.ncells++;
	}
}

void bc_table_adopt_cells(bc_document *doc, bc_node *table)
{
	for (bc_node *part = table->first; part; part = part->next) {
		if (part->type == BC_NODE_ROW)
			adopt_row(doc, part);
		else
			for (bc_node *r = part->first; r; r = r->next)
				if (r->type == BC_NODE_ROW)
					adopt_row(doc, r);
	}
}
