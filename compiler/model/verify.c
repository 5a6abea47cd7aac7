/* verify.c — the tree-shape verifier: links, nesting and facts every output relies on, checked after parsing in tests and under the fuzzer. */
#include "report.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>

/*
 * Like cmark's cmark_node_check: the outputs walk the tree trusting its shape
 * (a CELL is in a ROW, a NOTEREF's target is a NOTE, inline nodes live only in
 * blocks that hold text).  A parser change that breaks one of these would show
 * up as a wrong or crashing output far from its cause; this finds it at once.
 * It allocates nothing and does not recurse, so it can run on any input.
 */

/* May a node of type `child` stand under one of type `parent`? */
static int may_contain(bc_node_type parent, bc_node_type child)
{
	int inl = child >= BC_NODE_FIRST_INLINE;
	switch (parent) {
	case BC_NODE_DOCUMENT:
		return child == BC_NODE_META || child == BC_NODE_BODY || child == BC_NODE_CLOSING ||
		       child == BC_NODE_APPENDIX || child == BC_NODE_NOTES;
	case BC_NODE_META:
		return child == BC_NODE_LINE;
	case BC_NODE_CLAUSE:
		if (child == BC_NODE_CLAUSE || child == BC_NODE_ARTICLE)
			return 0;   /* a clause holds points, never clauses or articles */
		/* fall through */
	case BC_NODE_POINT:
		if (parent == BC_NODE_POINT && (child == BC_NODE_POINT || child == BC_NODE_CLAUSE || child == BC_NODE_ARTICLE))
			return 0;
		/* fall through */
	case BC_NODE_BODY:
	case BC_NODE_SECTION:
	case BC_NODE_ARTICLE:
	case BC_NODE_APPENDIX:
	case BC_NODE_ITEM:
	case BC_NODE_CLOSING:
	case BC_NODE_NOTE:
		/* blocks; ITEM and NOTE hold their text inline as well */
		return !inl ? child != BC_NODE_DOCUMENT && child != BC_NODE_META && child != BC_NODE_BODY &&
		                      child != BC_NODE_THEAD && child != BC_NODE_TBODY && child != BC_NODE_ROW &&
		                      child != BC_NODE_CELL && child != BC_NODE_NOTE
		            : parent == BC_NODE_ITEM || parent == BC_NODE_NOTE || parent == BC_NODE_BODY ||
		                      (parent >= BC_NODE_SECTION && parent <= BC_NODE_POINT) || parent == BC_NODE_APPENDIX ||
		                      parent == BC_NODE_CLOSING;
	case BC_NODE_LIST:
		return child == BC_NODE_ITEM;
	case BC_NODE_TABLE:
		return child == BC_NODE_THEAD || child == BC_NODE_TBODY || child == BC_NODE_ROW;
	case BC_NODE_THEAD:
	case BC_NODE_TBODY:
		return child == BC_NODE_ROW;
	case BC_NODE_ROW:
		return 0;   /* its cells are in its array (bc_cell), never child nodes */
	case BC_NODE_RECIPIENTS:
		return child == BC_NODE_ITEM || child == BC_NODE_LINE || child == BC_NODE_PARAGRAPH || child == BC_NODE_LIST;
	case BC_NODE_SIGNATURE:
		/* a form's box: the dots for an opinion, the date of signing (FORMAT.md §10.2) */
		return child == BC_NODE_LINE || child == BC_NODE_PARAGRAPH;
	case BC_NODE_NOTES:
		return child == BC_NODE_NOTE;
	case BC_NODE_HEADING:
	case BC_NODE_PARAGRAPH:
	case BC_NODE_CELL:
	case BC_NODE_LINE:
	case BC_NODE_STRONG:
	case BC_NODE_EMPH:
	case BC_NODE_UNDERLINE:
	case BC_NODE_SUP:
	case BC_NODE_NOTEREF:
	case BC_NODE_DATE:
		return inl;
	case BC_NODE_CITE:
		/* a citation's words: text, dates and the markup inside one run of text */
		return inl && child != BC_NODE_CITE;
	default:
		return 0;   /* TEXT, LINEBREAK, RULE: leaves */
	}
}

static int verify_subtree(const bc_node *root, char *err, size_t errsize);

static int fail(char *err, size_t errsize, const bc_node *n, const char *what)
{
	if (err && errsize)
		snprintf(err, errsize, "%s node at %u:%u: %s", bc_node_type_name(n->type), (unsigned)n->pos.line,
		         (unsigned)n->pos.col, what);
	return -1;
}

/* The checks of one node against its own facts and its children's links. */
static int check_node(const bc_node *n, char *err, size_t errsize)
{
	if (n->type <= BC_NODE_NONE || n->type >= BC_NODE_TYPE_COUNT)
		return fail(err, errsize, n, "type out of range");
	const bc_node *prev = NULL;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->parent != n)
			return fail(err, errsize, c, "child's parent is not its parent");
		if (c->prev != prev)
			return fail(err, errsize, c, "prev link does not match the previous sibling");
		if (!may_contain(n->type, c->type))
			return fail(err, errsize, c, n->type == BC_NODE_TEXT || n->type == BC_NODE_LINEBREAK ||
			                                     n->type == BC_NODE_RULE
			                                 ? "a leaf has children"
			                                 : "not allowed under its parent");
		prev = c;
	}
	if (n->last != prev)
		return fail(err, errsize, n, "last link does not match the last child");
	switch (n->type) {
	case BC_NODE_TEXT:
		if (n->as.text.literal.len && !n->as.text.literal.s)
			return fail(err, errsize, n, "text without bytes");
		if (n->as.text.literal.s && strlen(n->as.text.literal.s) != n->as.text.literal.len)
			return fail(err, errsize, n, "text length differs from its bytes");
		break;
	case BC_NODE_ARTICLE:
		if (n->as.section.kind != BC_LABEL_ARTICLE)
			return fail(err, errsize, n, "an article whose label is not \"Điều N.\"");
		goto section;
	case BC_NODE_CLAUSE:
	case BC_NODE_POINT: {
		/* a clause or point stands in an article (NĐ 30: điểm in khoản in điều) */
		const bc_node *p = n->parent;
		while (p && p->type != BC_NODE_ARTICLE && (p->type == BC_NODE_CLAUSE || p->type == BC_NODE_POINT || p->type == BC_NODE_LIST || p->type == BC_NODE_ITEM))
			p = p->parent;
		if (!p || p->type != BC_NODE_ARTICLE)
			return fail(err, errsize, n, "a clause or point outside an article");
		if (n->as.section.kind != (n->type == BC_NODE_CLAUSE ? BC_LABEL_ARABIC : BC_LABEL_LETTER))
			return fail(err, errsize, n, "a clause's label is not \"1.\", or a point's not \"a)\"");
		goto section;
	}
	case BC_NODE_SECTION:
	section:
		if (n->as.section.level < 0 || n->as.section.level > 7)
			return fail(err, errsize, n, "section level out of 0..7");
		if (n->as.section.kind < 0 || n->as.section.kind >= BC_LABEL_KIND_COUNT)
			return fail(err, errsize, n, "label kind out of range");
		break;
	case BC_NODE_ROW:
		if (n->as.row.repeat != BC_REPEAT_NONE && n->as.row.kind != BC_ROW_HEAD)
			return fail(err, errsize, n, "a repeated header row is not a header row");
		if (n->as.row.repeat > BC_REPEAT_REWORDED)
			return fail(err, errsize, n, "repeat kind out of range");
		if ((n->as.row.repeat != BC_REPEAT_NONE) != (n->as.row.repeat_of > 0))
			return fail(err, errsize, n, "a repeat without the header row it repeats, or the converse");
		if (n->as.row.written < 0 || n->as.row.fields < n->as.row.written)
			return fail(err, errsize, n, "fewer fields written than cells written");
		if (n->as.row.ncells && !n->as.row.cells)
			return fail(err, errsize, n, "cells counted but none kept");
		for (uint32_t i = 0; i < n->as.row.ncells; i++) {
			const bc_cell *c = &n->as.row.cells[i];
			if (c->colspan < 1 || c->rowspan < 1)
				return fail(err, errsize, n, "cell span out of range");
			if (c->flags & BC_CELL_CONTENT) {
				const bc_node *k = c->u.content;
				if (!k || k->type != BC_NODE_CELL || k->parent != n)
					return fail(err, errsize, n, "a cell's content is not a CELL node of its row");
				if (verify_subtree(k, err, errsize) != 0)
					return -1;
			} else if (c->len && !c->u.text) {
				return fail(err, errsize, n, "a cell's text is missing");
			}
		}
		break;
	case BC_NODE_CELL:
		if (n->as.cell.colspan < 1 || n->as.cell.rowspan < 1 || n->as.cell.col < 0)
			return fail(err, errsize, n, "cell span or column out of range");
		break;
	case BC_NODE_LINE:
		if (n->as.line->role <= BC_ROLE_NONE || n->as.line->role >= BC_ROLE_COUNT)
			return fail(err, errsize, n, "line without a role");
		if (n->as.line->doctype < 0 || n->as.line->doctype >= BC_DOC_TYPE_COUNT)
			return fail(err, errsize, n, "document type out of range");
		if (n->as.line->split) {
			const bc_node *sp = n->as.line->split;
			if (n->as.line->role != BC_ROLE_DATELINE || sp->parent != n || sp->type != BC_NODE_TEXT)
				return fail(err, errsize, n, "a place and date split outside its dateline's text");
			if (n->as.line->place_cut > n->as.line->date_from || n->as.line->date_from > sp->as.text.literal.len)
				return fail(err, errsize, n, "a dateline split past its text");
		}
		break;
	case BC_NODE_DATE:
		if (n->as.date.invalid != !bc_date_plausible(n->as.date.date))
			return fail(err, errsize, n, "date's validity differs from the calendar's");
		if (!n->first)
			return fail(err, errsize, n, "date without its text");
		break;
	case BC_NODE_CITE:
		if (!n->as.cite->kind || !n->as.cite->kind->word)
			return fail(err, errsize, n, "citation without the kind it cites");
		if (!n->as.cite->number.len || n->as.cite->number.s[0] < '0' || n->as.cite->number.s[0] > '9')
			return fail(err, errsize, n, "citation without a number");
		if (!n->first)
			return fail(err, errsize, n, "citation without its words");
		break;
	case BC_NODE_NOTEREF:
		if (n->as.noteref.note && n->as.noteref.note->type != BC_NODE_NOTE)
			return fail(err, errsize, n, "note reference points to a node that is not a note");
		break;
	default:
		break;
	}
	if (n->pos.line && n->end_line < n->pos.line && n->end_line)
		return fail(err, errsize, n, "ends before it starts");
	return 0;
}

/* A pre-order walk by links alone from root: it checks the links it follows. */
static int verify_subtree(const bc_node *root, char *err, size_t errsize)
{
	const bc_node *n = root;
	while (n) {
		if (check_node(n, err, errsize) != 0)
			return -1;
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	return 0;
}

int bc_document_verify(const bc_document *doc, char *err, size_t errsize)
{
	const bc_node *root = doc->root;
	if (!root || root->type != BC_NODE_DOCUMENT || root->parent)
		return root ? fail(err, errsize, root, "the root is not a parentless DOCUMENT") : -1;
	/* the document's shortcuts are its own nodes, of the right type */
	const struct { const bc_node *n; bc_node_type t; } parts[] = {
		{ doc->meta, BC_NODE_META }, { doc->body, BC_NODE_BODY },
		{ doc->closing, BC_NODE_CLOSING }, { doc->notes, BC_NODE_NOTES },
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].n && (parts[i].n->type != parts[i].t || parts[i].n->parent != root))
			return fail(err, errsize, parts[i].n, "a part of the document is not the root's child of its type");
	return verify_subtree(root, err, errsize);
}
