/* tables.c — tables as XML: header rows, body rows, cells, and the header rows reprinted after page breaks. */
#include "xw.h"

/* *col: the 1-based column where the next cell starts, for nodes that do not say. */
static void write_cell(xw *x, const bc_node *c, int *col)
{
	xw_indent(x);
	xw_start(x, "cell");
	xw_attr_line(x, c);
	if (c->type != BC_NODE_CELL) {
		/* Something other than a cell inside a row: one cell holding its words. */
		xw_attr_long(x, "col", *col);
		(*col)++;
		xw_inline(x, c);
		xw_end(x);
		return;
	}
	/* The model counts columns from 0, the XML from 1. */
	int at = c->as.cell.col >= 0 ? c->as.cell.col + 1 : *col;
	int span = c->as.cell.colspan > 1 ? c->as.cell.colspan : 1;
	xw_attr_long(x, "col", at);
	*col = at + span;
	if (c->as.cell.colspan > 1)
		xw_attr_long(x, "colspan", c->as.cell.colspan);
	if (c->as.cell.rowspan > 1)
		xw_attr_long(x, "rowspan", c->as.cell.rowspan);
	xw_attr_str(x, "value", c->as.cell.value);
	if (c->as.cell.align == BC_ALIGN_RIGHT)
		xw_attr(x, "align", "right", 5);
	else if (c->as.cell.align == BC_ALIGN_CENTER)
		xw_attr(x, "align", "center", 6);
	xw_inlines(x, c);
	xw_end(x);
}

static void write_cells(xw *x, const bc_node *r)
{
	int col = 1;
	if (r->type == BC_NODE_ROW) {
		bc_cell_view view;
		for (uint32_t i = 0; i < r->as.row.ncells; i++)
			write_cell(x, bc_cell_node(&r->as.row.cells[i], r, &view), &col);
		/* a row's cells are in its array; a node under it (a model made by
		 * hand, never the parser's) is a cell of its own, its words kept */
		for (const bc_node *c = r->first; c; c = c->next)
			write_cell(x, c, &col);
	} else {
		write_cell(x, r, &col);
	}
}

static void write_row(xw *x, const bc_node *r)
{
	xw_open_block(x, "row");
	xw_attr_line(x, r);
	if (r->type == BC_NODE_ROW) {
		if (r->as.row.kind == BC_ROW_GROUP)
			xw_attr(x, "kind", "group", 5);
		else if (r->as.row.kind == BC_ROW_TOTAL)
			xw_attr(x, "kind", "total", 5);
		if (r->as.row.fragment_merged)
			xw_attr_long(x, "fragment", (long)r->as.row.fragment_merged);
	}
	write_cells(x, r);
	xw_close_block(x, 1);
}

static int row_is_head(const bc_node *r)
{
	return r->type == BC_NODE_ROW && r->as.row.repeat == BC_REPEAT_NONE &&
	       (r->as.row.kind == BC_ROW_HEAD || (r->parent && r->parent->type == BC_NODE_THEAD));
}

static int row_is_repeat(const bc_node *r) { return r->type == BC_NODE_ROW && r->as.row.repeat != BC_REPEAT_NONE; }

/* Walking the rows of a table with its THEAD and TBODY opened. */
static const bc_node *row_descend(const bc_node *n)
{
	while (n && (n->type == BC_NODE_THEAD || n->type == BC_NODE_TBODY)) {
		if (n->first)
			return n->first;
		n = n->next;
	}
	return n;
}

static const bc_node *row_next(const bc_node *t, const bc_node *r)
{
	if (r->parent == t)
		return row_descend(r->next);
	return r->next ? r->next : row_descend(r->parent->next);
}

/* A header row printed again after a page break, as the parser decided
 * (row.repeat): an exact reprint keeps only the break, <repeat/>; a reprint
 * in other words ("TT" for "STT", a typo) keeps its cells inside
 * <repeat kind="reworded">, marked as not data and with no word lost. */
static void write_repeat(xw *x, const bc_node *r)
{
	if (r->as.row.repeat == BC_REPEAT_SAME) {
		xw_indent(x);
		xw_start(x, "repeat");
		xw_attr_line(x, r);
		xw_end(x);
		return;
	}
	xw_open_block(x, "repeat");
	xw_attr_line(x, r);
	xw_attr(x, "kind", "reworded", 8);
	write_cells(x, r);
	xw_close_block(x, 1);
}

static int table_has_head(const bc_node *t)
{
	for (const bc_node *r = row_descend(t->first); r; r = row_next(t, r))
		if (row_is_head(r))
			return 1;
	return 0;
}

/* Pass 0 writes the header rows, pass 1 everything else.  Returns how many it wrote. */
static int table_pass(xw *x, const bc_node *t, int pass)
{
	int count = 0, has_head = pass == 1 && table_has_head(t);
	for (const bc_node *r = row_descend(t->first); r; r = row_next(t, r)) {
		if (row_is_head(r) != (pass == 0))
			continue;
		if (row_is_repeat(r) && has_head)
			write_repeat(x, r);
		else
			write_row(x, r);   /* with no header to repeat, a "repeat" is a row like the others */
		count++;
	}
	return count;
}

void xw_table(xw *x, const bc_node *t)
{
	xw_open_block(x, "table");
	xw_attr_line(x, t);
	xw_attr_long(x, "cols", t->as.table.cols > 0 ? t->as.table.cols : 0);
	xw_attr_long(x, "head-rows", t->as.table.head_rows > 0 ? t->as.table.head_rows : 0);
	xw_attr_long(x, "repeats", t->as.table.repeats_removed > 0 ? t->as.table.repeats_removed : 0);
	xw_attr_str(x, "unit", t->as.table.unit);
	if (table_has_head(t)) {
		xw_open_block(x, "thead");
		xw_close_block(x, table_pass(x, t, 0));
	}
	xw_open_block(x, "tbody");
	xw_close_block(x, table_pass(x, t, 1));
	xw_close_block(x, 1);
}
