/* node.c — building, walking and naming the nodes of the report model. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/xalloc.h"

bc_document *bc_document_new(const char *filename)
{
	bc_document *doc = bc_xcalloc(1, sizeof *doc);
	bc_arena_init(&doc->arena);
	doc->filename = filename ? filename : "-";
	bc_pos top = { 1, 1 };
	doc->root = bc_node_new(doc, BC_NODE_DOCUMENT, top);
	return doc;
}

void bc_document_free(bc_document *doc)
{
	if (!doc)
		return;
	bc_document_free_facts(doc);
	bc_arena_free(&doc->arena);
	free(doc);
}

bc_node *bc_node_new(bc_document *doc, bc_node_type type, bc_pos pos)
{
	bc_node *n = bc_arena_alloc(&doc->arena, sizeof *n);
	n->type = type;
	n->pos = pos;
	n->end_line = pos.line;
	if (type == BC_NODE_CELL) {
		n->as.cell.colspan = 1;
		n->as.cell.rowspan = 1;
	} else if (type == BC_NODE_LINE) {
		n->as.line = bc_arena_alloc(&doc->arena, sizeof *n->as.line);
	} else if (type == BC_NODE_CITE) {
		n->as.cite = bc_arena_alloc(&doc->arena, sizeof *n->as.cite);
	}
	return n;
}

bc_node *bc_node_made_up(bc_document *doc, bc_node_type type)
{
	return bc_node_new(doc, type, (bc_pos){ 0, 0 });
}

int bc_node_is_made_up(const bc_node *n) { return n->pos.line == 0; }

void bc_node_append(bc_node *parent, bc_node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	if (child->end_line > parent->end_line)
		parent->end_line = child->end_line;
}

void bc_node_prepend(bc_node *parent, bc_node *child)
{
	child->parent = parent;
	child->prev = NULL;
	child->next = parent->first;
	if (parent->first)
		parent->first->prev = child;
	else
		parent->last = child;
	parent->first = child;
}

void bc_node_insert_after(bc_node *sibling, bc_node *node)
{
	bc_node *parent = sibling->parent;
	node->parent = parent;
	node->prev = sibling;
	node->next = sibling->next;
	if (sibling->next)
		sibling->next->prev = node;
	else if (parent)
		parent->last = node;
	sibling->next = node;
}

void bc_node_unlink(bc_node *node)
{
	if (node->prev)
		node->prev->next = node->next;
	else if (node->parent)
		node->parent->first = node->next;
	if (node->next)
		node->next->prev = node->prev;
	else if (node->parent)
		node->parent->last = node->prev;
	node->parent = node->prev = node->next = NULL;
}

bc_str bc_str_dup(bc_document *doc, const char *s, size_t len)
{
	bc_str r = { bc_arena_strndup(&doc->arena, s, len), len };
	return r;
}

bc_node *bc_text_new(bc_document *doc, bc_pos pos, const char *s, size_t len)
{
	bc_node *n = bc_node_new(doc, BC_NODE_TEXT, pos);
	n->as.text.literal = bc_str_dup(doc, s, len);
	return n;
}

int bc_node_is_inline(const bc_node *n) { return n->type >= BC_NODE_FIRST_INLINE; }

int bc_node_is_section(const bc_node *n) { return n->type >= BC_NODE_SECTION && n->type <= BC_NODE_POINT; }

int bc_node_is_leaf(const bc_node *n)
{
	return n->type == BC_NODE_TEXT || n->type == BC_NODE_LINEBREAK || n->type == BC_NODE_RULE;
}

void bc_node_plain_text(const bc_node *n, bc_buf *out)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		switch (c->type) {
		case BC_NODE_TEXT:
			bc_buf_put(out, c->as.text.literal.s, c->as.text.literal.len);
			break;
		case BC_NODE_LINEBREAK:
			bc_buf_putc(out, ' ');
			break;
		case BC_NODE_NOTEREF:
			break;   /* a mark, not words of the sentence */
		default:
			bc_node_plain_text(c, out);
			break;
		}
	}
}

void bc_iter_init(bc_iter *it, bc_node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = BC_EV_NONE;
	it->row = NULL;
	it->ci = 0;
	it->cell = NULL;
}

/* Enters cell it->ci of it->row, as its content node or the iterator's view of it. */
static bc_event enter_cell(bc_iter *it)
{
	it->cell = &it->row->as.row.cells[it->ci];
	it->cur = (bc_node *)bc_cell_node(it->cell, it->row, &it->view);
	it->ev = BC_EV_ENTER;
	return it->ev;
}

/* Leaves are entered and never exited; containers get both events. */
bc_event bc_iter_next(bc_iter *it)
{
	if (it->ev == BC_EV_DONE)
		return BC_EV_DONE;
	if (it->ev == BC_EV_NONE) {
		it->cur = it->root;
		it->ev = BC_EV_ENTER;
		return it->ev;
	}
	bc_node *cur = it->cur;
	if (it->ev == BC_EV_ENTER && !bc_node_is_leaf(cur)) {
		if (cur->type == BC_NODE_ROW && cur->as.row.ncells) {
			/* a row's cells are walked as its children (a cell holds no row) */
			it->row = cur;
			it->ci = 0;
			return enter_cell(it);
		}
		if (cur->first) {
			it->cur = cur->first;
			it->ev = BC_EV_ENTER;
		} else {
			it->ev = BC_EV_EXIT;
		}
		return it->ev;
	}
	if (cur == it->root) {
		it->ev = BC_EV_DONE;
		return it->ev;
	}
	if (it->row && cur->type == BC_NODE_CELL && cur->parent == it->row) {
		/* after a cell: the row's next cell, or the row's exit */
		if (++it->ci < it->row->as.row.ncells)
			return enter_cell(it);
		it->cur = it->row;
		it->row = NULL;
		it->cell = NULL;
		it->ev = BC_EV_EXIT;
		return it->ev;
	}
	if (cur->next) {
		it->cur = cur->next;
		it->ev = BC_EV_ENTER;
	} else {
		it->cur = cur->parent;
		it->ev = BC_EV_EXIT;
	}
	return it->ev;
}

static const char *const type_names[BC_NODE_TYPE_COUNT] = {
	[BC_NODE_NONE] = "none",
	[BC_NODE_DOCUMENT] = "report",
	[BC_NODE_META] = "meta",
	[BC_NODE_BODY] = "body",
	[BC_NODE_SECTION] = "section",
	[BC_NODE_ARTICLE] = "article",
	[BC_NODE_CLAUSE] = "clause",
	[BC_NODE_POINT] = "point",
	[BC_NODE_HEADING] = "heading",
	[BC_NODE_PARAGRAPH] = "p",
	[BC_NODE_LIST] = "list",
	[BC_NODE_ITEM] = "item",
	[BC_NODE_TABLE] = "table",
	[BC_NODE_THEAD] = "thead",
	[BC_NODE_TBODY] = "tbody",
	[BC_NODE_ROW] = "row",
	[BC_NODE_CELL] = "cell",
	[BC_NODE_RULE] = "rule",
	[BC_NODE_LINE] = "line",
	[BC_NODE_CLOSING] = "closing",
	[BC_NODE_RECIPIENTS] = "recipients",
	[BC_NODE_SIGNATURE] = "signature",
	[BC_NODE_APPENDIX] = "appendix",
	[BC_NODE_NOTES] = "notes",
	[BC_NODE_NOTE] = "note",
	[BC_NODE_TEXT] = "text",
	[BC_NODE_STRONG] = "b",
	[BC_NODE_EMPH] = "i",
	[BC_NODE_UNDERLINE] = "u",
	[BC_NODE_SUP] = "sup",
	[BC_NODE_NOTEREF] = "noteref",
	[BC_NODE_LINEBREAK] = "br",
	[BC_NODE_DATE] = "date",
	[BC_NODE_CITE] = "cite",
};

const char *bc_node_type_name(bc_node_type t)
{
	return (t > 0 && t < BC_NODE_TYPE_COUNT && type_names[t]) ? type_names[t] : "none";
}

static const char *const role_names[BC_ROLE_COUNT] = {
	[BC_ROLE_NONE] = "none",
	[BC_ROLE_ISSUER] = "issuer",
	[BC_ROLE_NUMBER] = "number",
	[BC_ROLE_SUMMARY] = "summary",
	[BC_ROLE_DRAFT] = "draft",
	[BC_ROLE_URGENCY] = "urgency",
	[BC_ROLE_MOTTO] = "motto",
	[BC_ROLE_SLOGAN] = "slogan",
	[BC_ROLE_DATELINE] = "dateline",
	[BC_ROLE_DOCTYPE] = "type",
	[BC_ROLE_TITLE] = "title",
	[BC_ROLE_ADDRESSEE] = "addressee",
	[BC_ROLE_AUTHORITY] = "authority",
	[BC_ROLE_POSITION] = "position",
	[BC_ROLE_SIGNER] = "name",
	[BC_ROLE_RECIPIENTS_LABEL] = "label",
	[BC_ROLE_APPX_LABEL] = "label",
	[BC_ROLE_APPX_TITLE] = "title",
	[BC_ROLE_APPX_ATTACH] = "attached",
	[BC_ROLE_UNIT] = "unit",
	[BC_ROLE_COMPETENCE] = "competence",
	[BC_ROLE_BASIS] = "basis",
	[BC_ROLE_ENACTING] = "enacting",
	[BC_ROLE_AUTHENTICATION] = "authentication",
};

const char *bc_role_name(bc_role r)
{
	return (r > 0 && r < BC_ROLE_COUNT && role_names[r]) ? role_names[r] : "none";
}

bc_doctype bc_document_type(const bc_document *doc)
{
	if (doc->idx.doctype)
		return doc->idx.doctype->as.line->doctype;
	if (doc->meta)
		for (const bc_node *n = doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_DOCTYPE)
				return n->as.line->doctype;
	if (doc->idx.summary)
		return BC_DOC_CONG_VAN;
	/* an appendix sent as a file of its own (a PHỤ LỤC, its title, its
	 * "(Kèm theo …)" and its content, nothing before it): a document of
	 * type PHỤ LỤC, not a report that lost its header */
	int appendix = 0;
	for (const bc_node *n = doc->root ? doc->root->first : NULL; n; n = n->next)
		appendix |= n->type == BC_NODE_APPENDIX;
	if (appendix && !(doc->meta && doc->meta->first) && !(doc->body && doc->body->first) &&
	    !(doc->closing && doc->closing->first))
		return BC_DOC_PHU_LUC;
	return BC_DOC_UNKNOWN;
}

int bc_label_level(bc_label_kind k)
{
	switch (k) {
	case BC_LABEL_ROMAN: return 1;
	case BC_LABEL_ARABIC: return 2;
	case BC_LABEL_DOTTED2: return 3;
	case BC_LABEL_DOTTED3: return 4;
	case BC_LABEL_LETTER: return 5;
	case BC_LABEL_PAREN: return 6;
	case BC_LABEL_STAR: return 7;
	case BC_LABEL_ARTICLE: return 1;
	case BC_LABEL_CHAPTER: return 1;
	case BC_LABEL_SUBCHAPTER: return 2;
	case BC_LABEL_PART: return 0;   /* above the Roman sections, which start again in each part */
	default: return 0;
	}
}

int bc_label_is_division(bc_label_kind k)
{
	return k == BC_LABEL_CHAPTER || k == BC_LABEL_SUBCHAPTER || k == BC_LABEL_PART;
}

static const char *const label_kind_names[BC_LABEL_KIND_COUNT] = {
	[BC_LABEL_NONE] = "none",
	[BC_LABEL_ROMAN] = "roman",
	[BC_LABEL_ARABIC] = "arabic",
	[BC_LABEL_DOTTED2] = "dotted2",
	[BC_LABEL_DOTTED3] = "dotted3",
	[BC_LABEL_LETTER] = "letter",
	[BC_LABEL_PAREN] = "paren",
	[BC_LABEL_STAR] = "star",
	[BC_LABEL_ARTICLE] = "article",
	[BC_LABEL_CHAPTER] = "chapter",
	[BC_LABEL_SUBCHAPTER] = "subchapter",
	[BC_LABEL_PART] = "part",
};

const char *bc_label_kind_name(bc_label_kind k)
{
	return (k > 0 && k < BC_LABEL_KIND_COUNT && label_kind_names[k]) ? label_kind_names[k] : "none";
}

const char *bc_repeat_name(bc_repeat r)
{
	switch (r) {
	case BC_REPEAT_SAME: return "same";
	case BC_REPEAT_REWORDED: return "reworded";
	default: return "none";
	}
}
