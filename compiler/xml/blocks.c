/* blocks.c — the body's blocks as XML: sections, articles, clauses, paragraphs, lists, and inline content. */
#include "xw.h"

#include <stdio.h>

/* ---- inline content ---- */

void xw_inlines(xw *x, const bc_node *parent)
{
	for (const bc_node *c = parent->first; c; c = c->next)
		xw_inline(x, c);
}

void xw_inline(xw *x, const bc_node *n)
{
	char num[32];
	int len;
	switch (n->type) {
	case BC_NODE_TEXT:
		xw_text(x, n->as.text.literal.s, n->as.text.literal.len);
		break;
	case BC_NODE_STRONG:
	case BC_NODE_EMPH:
	case BC_NODE_UNDERLINE:
	case BC_NODE_SUP:
		xw_start(x, n->type == BC_NODE_STRONG ? "b" : n->type == BC_NODE_EMPH ? "i" :
		         n->type == BC_NODE_UNDERLINE ? "u" : "sup");
		xw_inlines(x, n);
		xw_end(x);
		break;
	case BC_NODE_NOTEREF:
		xw_start(x, "noteref");
		xw_attr_long(x, "ref", n->as.noteref.id);
		xw_attr_line(x, n);
		len = snprintf(num, sizeof num, "%d", n->as.noteref.id);
		xw_text(x, num, (size_t)len);
		xw_end(x);
		break;
	case BC_NODE_LINEBREAK:
		xw_start(x, "br");
		xw_end(x);
		break;
	case BC_NODE_DATE:
		/* a date that does not exist is its text: the archive holds no impossible date */
		if (n->as.date.invalid) {
			xw_inlines(x, n);
			break;
		}
		xw_start(x, "date");
		xw_date_attrs(x, n->as.date.date, 0);
		xw_attr_line(x, n);
		xw_inlines(x, n);
		xw_end(x);
		break;
	default:
		/* A block where only inline content fits: keep its words. */
		xw_inlines(x, n);
		break;
	}
}

/* ---- blocks ---- */

/* Inline nodes standing where blocks belong: c and the inline siblings after
 * it become one <p>.  Returns the last node written. */
const bc_node *xw_inline_run(xw *x, const bc_node *c)
{
	xw_open_mixed(x, "p", c);
	xw_inline(x, c);
	while (c->next && bc_node_is_inline(c->next)) {
		c = c->next;
		xw_inline(x, c);
	}
	xw_end(x);
	return c;
}

/* Writes first and its following siblings as blocks.  Returns how many elements. */
int xw_block_seq(xw *x, const bc_node *first)
{
	int count = 0;
	for (const bc_node *c = first; c; c = c->next) {
		if (bc_node_is_inline(c))
			c = xw_inline_run(x, c);
		else
			xw_block(x, c);
		count++;
	}
	return count;
}

static void write_paragraph(xw *x, const bc_node *n)
{
	xw_open_mixed(x, "p", n);
	if (n->type == BC_NODE_PARAGRAPH) {
		xw_attr_str(x, "label", n->as.para.label);
		if (n->as.para.delim)
			xw_attr(x, "delim", &n->as.para.delim, 1);
		if (n->as.para.joined_at)
			xw_attr_long(x, "joined", (long)n->as.para.joined_at);
		if (n->as.para.hard_wrapped)
			xw_attr(x, "wrapped", "1", 1);
	}
	xw_inlines(x, n);
	xw_end(x);
}

/* A division's <heading> (none when it is empty) and its blocks, then its end. */
static void heading_and_blocks(xw *x, const bc_node *n)
{
	const bc_node *c = n->first;
	if (c && c->type == BC_NODE_HEADING) {
		if (c->first) {
			xw_open_mixed(x, "heading", c);
			xw_inlines(x, c);
			xw_end(x);
		}
		c = c->next;
	}
	int count = xw_block_seq(x, c);
	xw_close_block(x, count > 0 || (n->first && n->first->first));
}

/* <chapter label="I"> (chương) and <subchapter label="1"> (mục) of a legal
 * text: the title as <heading> (none when it has none), then articles; and
 * <part label="thứ nhất"> (phần) of a report, then its sections. */
static void write_chapter(xw *x, const bc_node *n)
{
	bc_label_kind k = n->as.section.kind;
	xw_open_block(x, k == BC_LABEL_CHAPTER ? "chapter" : k == BC_LABEL_PART ? "part" : "subchapter");
	xw_attr_str(x, "label", n->as.section.label);
	/* the label as an OCR'd text has it, when the model read it otherwise */
	if (n->first && n->first->type == BC_NODE_HEADING)
		xw_attr_str(x, "label-read", n->first->as.heading.label_read);
	xw_attr_line(x, n);
	heading_and_blocks(x, n);
}

static void write_section(xw *x, const bc_node *n)
{
	if (bc_label_is_division(n->as.section.kind)) {
		write_chapter(x, n);
		return;
	}
	/* The model's level, else the label's, else one below the enclosing section. */
	int outer = x->level;
	int lv = n->as.section.level > 0 ? n->as.section.level : bc_label_level(n->as.section.kind);
	x->level = lv > 0 ? lv : outer + 1;
	xw_open_block(x, "section");
	xw_attr_long(x, "level", x->level);
	xw_attr_str(x, "label", n->as.section.label);
	if (n->as.section.delim)
		xw_attr(x, "delim", &n->as.section.delim, 1);
	xw_attr_line(x, n);
	/* a run-in section ("I. Thời gian: …"): no heading, its text the first <p> */
	if (n->as.section.run_in)
		xw_attr(x, "run-in", "1", 1);
	const bc_node *c = n->first;
	if (c && c->type == BC_NODE_HEADING) {
		if (!n->as.section.run_in) {
			xw_open_mixed(x, "heading", c);
			xw_inlines(x, c);
			xw_end(x);
		}
		c = c->next;
	}
	xw_block_seq(x, c);
	xw_close_block(x, n->first != NULL);
	x->level = outer;
}

/* <article label="2">: "Điều 2." with its title as <heading> (none when it
 * has none), run-in="1" when the label's line goes on as text, then blocks,
 * clauses and points. */
static void write_article(xw *x, const bc_node *n)
{
	int outer = x->level;
	x->level = 1;
	xw_open_block(x, "article");
	xw_attr_str(x, "label", n->as.section.label);
	xw_attr_line(x, n);
	if (n->as.section.run_in)
		xw_attr(x, "run-in", "1", 1);
	heading_and_blocks(x, n);
	x->level = outer;
}

/* <clause label="1"> (khoản) and <point label="a"> (điểm): their labelled paragraph, then blocks. */
static void write_clause(xw *x, const bc_node *n)
{
	xw_open_block(x, n->type == BC_NODE_POINT ? "point" : "clause");
	xw_attr_str(x, "label", n->as.section.label);
	xw_attr_line(x, n);
	xw_close_block(x, xw_block_seq(x, n->first) > 0);
}

static void put_bullet(xw *x, char b)
{
	if (b > 0x20 && b < 0x7F)   /* one printable ASCII character, or nothing */
		xw_attr(x, "bullet", &b, 1);
}

/* <item>: `attrs` gives line, bullet and label; content is first..last.  Items
 * mixing text and nested blocks get no whitespace, which would become text. */
void xw_item(xw *x, const bc_node *attrs, const bc_node *first, const bc_node *last)
{
	xw_indent(x);
	xw_start(x, "item");
	xw_attr_line(x, attrs);
	if (attrs->type == BC_NODE_ITEM) {
		put_bullet(x, attrs->as.item.bullet);
		xw_attr_str(x, "label", attrs->as.item.label);
	}
	int inl = 0, blk = 0;
	for (const bc_node *c = first; c; c = c->next) {
		if (bc_node_is_inline(c))
			inl = 1;
		else
			blk = 1;
		if (c == last)
			break;
	}
	x->depth++;
	for (const bc_node *c = first; c; c = c->next) {
		if (bc_node_is_inline(c)) {
			xw_inline(x, c);
		} else {
			x->noindent = inl;
			xw_block(x, c);
			x->noindent = 0;
		}
		if (c == last)
			break;
	}
	x->depth--;
	if (blk && !inl)
		xw_indent(x);
	xw_end(x);
}

static void write_list(xw *x, const bc_node *n)
{
	xw_open_block(x, "list");
	xw_attr_line(x, n);
	put_bullet(x, n->as.list.bullet);
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_ITEM || !bc_node_is_inline(c))
			xw_item(x, c, c->first, c->last);
		else
			xw_item(x, c, c, c);
	}
	xw_close_block(x, n->first != NULL);
}

void xw_block(xw *x, const bc_node *n)
{
	switch (n->type) {
	case BC_NODE_SECTION:
		write_section(x, n);
		break;
	case BC_NODE_ARTICLE:
		write_article(x, n);
		break;
	case BC_NODE_CLAUSE:
	case BC_NODE_POINT:
		write_clause(x, n);
		break;
	case BC_NODE_PARAGRAPH:
	case BC_NODE_HEADING:   /* a heading away from the head of a section */
	case BC_NODE_CELL:
		write_paragraph(x, n);
		break;
	case BC_NODE_LIST:
		write_list(x, n);
		break;
	case BC_NODE_ITEM:
		/* An item outside a list: its text as a paragraph, its blocks after it. */
		if (bc_item_has_text(n)) {
			xw_open_mixed(x, "p", n);
			for (const bc_node *c = bc_item_next_text(n->first); c; c = bc_item_next_text(c->next))
				xw_inline(x, c);
			xw_end(x);
		}
		for (const bc_node *c = bc_item_next_block(n->first); c; c = bc_item_next_block(c->next))
			xw_block(x, c);
		break;
	case BC_NODE_TABLE:
		xw_table(x, n);
		break;
	case BC_NODE_RULE:
		xw_open_mixed(x, "rule", n);
		xw_end(x);
		break;
	case BC_NODE_LINE:
		if (n->as.line->role == BC_ROLE_UNIT || n->as.line->role == BC_ROLE_COMPETENCE ||
		    n->as.line->role == BC_ROLE_BASIS || n->as.line->role == BC_ROLE_ENACTING) {
			/* "unit", and the preamble of a decision: "competence", "basis", "enacting" */
			xw_open_mixed(x, bc_role_name(n->as.line->role), n);
			xw_inlines(x, n);
			xw_end(x);
		} else {
			write_paragraph(x, n);   /* a line with a header or closing role among blocks */
		}
		break;
	case BC_NODE_THEAD:
	case BC_NODE_TBODY:
	case BC_NODE_ROW:
		write_paragraph(x, n);
		break;
	default:
		if (bc_node_is_inline(n)) {
			xw_open_mixed(x, "p", n);
			xw_inline(x, n);
			xw_end(x);
		} else {
			xw_block_seq(x, n->first);   /* a container out of place: its blocks */
		}
		break;
	}
}
