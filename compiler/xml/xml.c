/* xml.c — writes the report model as archival XML (grammar/baocao.rng) with libxml2's xmlTextWriter. */
#include "xml.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "../model/facts.h"
#include "../util/utf8.h"

typedef struct xw {
	xmlTextWriterPtr w;
	const bc_document *doc;
	int depth;       /* block nesting, for the indentation */
	int level;       /* level of the section being written, 0 outside */
	int noindent;    /* the next element stands in mixed content: no whitespace before it */
	int err;
	bc_buf tmp;      /* sanitised copy of the text being written */
	bc_facts facts;  /* the archival facts, worked out once before writing */
} xw;

/* ---- text that XML 1.0 can carry ---- */

/* Length of one well-formed UTF-8 sequence at s (0 if malformed), its code point in *cp. */
static int utf8_strict(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (*cp < 0x10000 || *cp > 0x10FFFF)
			return 0;
		return 4;
	}
	return 0;
}

/* Copies s into x->tmp, replacing what XML cannot hold by U+FFFD; the writer
 * would otherwise emit a document no parser accepts. */
static const char *clean(xw *x, const char *str, size_t len)
{
	static const char repl[] = "\xEF\xBF\xBD";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run = 0;
	bc_buf_clear(&x->tmp);
	while (i < len) {
		unsigned char c = s[i];
		int n = 1, ok;
		if (c < 0x80) {
			ok = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
		} else {
			uint32_t cp = 0;
			n = utf8_strict(s + i, len - i, &cp);
			ok = n > 0 && cp != 0xFFFE && cp != 0xFFFF;
			if (n == 0)
				n = 1;
		}
		if (!ok) {
			bc_buf_put(&x->tmp, str + run, i - run);
			bc_buf_put(&x->tmp, repl, 3);
			run = i + (size_t)n;
		}
		i += (size_t)n;
	}
	bc_buf_put(&x->tmp, str + run, len - run);
	return bc_buf_cstr(&x->tmp);
}

/* ---- writer primitives ---- */

static void start(xw *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->err = 1;
}

static void end(xw *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
}

static void text(xw *x, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (xmlTextWriterWriteString(x->w, BAD_CAST clean(x, s, len)) < 0)
		x->err = 1;
}

static void attr(xw *x, const char *name, const char *s, size_t len)
{
	if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean(x, s, len)) < 0)
		x->err = 1;
}

static void attr_str(xw *x, const char *name, bc_str s)
{
	if (s.s && s.len)
		attr(x, name, s.s, s.len);
}

static void attr_long(xw *x, const char *name, long v)
{
	char num[32];
	int n = snprintf(num, sizeof num, "%ld", v);
	attr(x, name, num, (size_t)n);
}

/* Source line of a node; a synthetic node (line 0) takes its nearest ancestor's. */
static void attr_line(xw *x, const bc_node *n)
{
	for (; n; n = n->parent) {
		if (n->pos.line > 0) {
			attr_long(x, "line", (long)n->pos.line);
			return;
		}
	}
}

static void raw(xw *x, const char *s)
{
	if (xmlTextWriterWriteRaw(x->w, BAD_CAST s) < 0)
		x->err = 1;
}

/* Newline and indentation before an element in element-only content. */
static void indent(xw *x)
{
	if (x->noindent) {
		x->noindent = 0;
		return;
	}
	if (x->depth <= 0)
		return;
	char pad[2 + 2 * 32];
	int d = x->depth < 32 ? x->depth : 32;
	pad[0] = '\n';
	memset(pad + 1, ' ', (size_t)(2 * d));
	pad[1 + 2 * d] = '\0';
	raw(x, pad);
}

/* An element whose content is elements only (indented). */
static void open_block(xw *x, const char *name)
{
	indent(x);
	start(x, name);
	x->depth++;
}

static void close_block(xw *x, int had_children)
{
	x->depth--;
	if (had_children)
		indent(x);
	end(x);
}

/* An element standing among blocks whose own content is inline (no whitespace inside). */
static void open_mixed(xw *x, const char *name, const bc_node *n)
{
	indent(x);
	start(x, name);
	if (n)
		attr_line(x, n);
}

/* ---- dates ---- */

static int date_in_range(int v, int lo, int hi) { return v >= lo && v <= hi; }

static int iso_date(bc_date d, char out[16])
{
	return snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* iso when complete; the parts as well when `parts` is 1, or instead of iso when 0. */
static void date_attrs(xw *x, bc_date d, int parts)
{
	int complete = bc_date_complete(d);
	if (complete) {
		char iso[16];
		int n = iso_date(d, iso);
		attr(x, "iso", iso, (size_t)n);
	}
	if (complete && !parts)
		return;
	if (date_in_range(d.day, 1, 31))
		attr_long(x, "day", d.day);
	if (date_in_range(d.month, 1, 12))
		attr_long(x, "month", d.month);
	if (date_in_range(d.year, 1, 9999))
		attr_long(x, "year", d.year);
}

/* ---- inline content ---- */

static void write_inline(xw *x, const bc_node *n);

static void write_inlines(xw *x, const bc_node *parent)
{
	for (const bc_node *c = parent->first; c; c = c->next)
		write_inline(x, c);
}

static void write_inline(xw *x, const bc_node *n)
{
	char num[32];
	int len;
	switch (n->type) {
	case BC_NODE_TEXT:
		text(x, n->as.text.literal.s, n->as.text.literal.len);
		break;
	case BC_NODE_STRONG:
	case BC_NODE_EMPH:
	case BC_NODE_UNDERLINE:
	case BC_NODE_SUP:
		start(x, n->type == BC_NODE_STRONG ? "b" : n->type == BC_NODE_EMPH ? "i" :
		         n->type == BC_NODE_UNDERLINE ? "u" : "sup");
		write_inlines(x, n);
		end(x);
		break;
	case BC_NODE_NOTEREF:
		start(x, "noteref");
		attr_long(x, "ref", n->as.noteref.id);
		attr_line(x, n);
		len = snprintf(num, sizeof num, "%d", n->as.noteref.id);
		text(x, num, (size_t)len);
		end(x);
		break;
	case BC_NODE_LINEBREAK:
		start(x, "br");
		end(x);
		break;
	case BC_NODE_DATE:
		start(x, "date");
		date_attrs(x, n->as.date.date, 0);
		attr_line(x, n);
		write_inlines(x, n);
		end(x);
		break;
	default:
		/* A block where only inline content fits: keep its words. */
		write_inlines(x, n);
		break;
	}
}

/* ---- blocks ---- */

static void write_block(xw *x, const bc_node *n);
static void write_item(xw *x, const bc_node *attrs, const bc_node *first, const bc_node *last);

/* Inline nodes standing where blocks belong: c and the inline siblings after
 * it become one <p>.  Returns the last node written. */
static const bc_node *write_inline_run(xw *x, const bc_node *c)
{
	open_mixed(x, "p", c);
	write_inline(x, c);
	while (c->next && bc_node_is_inline(c->next)) {
		c = c->next;
		write_inline(x, c);
	}
	end(x);
	return c;
}

/* Writes first and its following siblings as blocks.  Returns how many elements. */
static int write_block_seq(xw *x, const bc_node *first)
{
	int count = 0;
	for (const bc_node *c = first; c; c = c->next) {
		if (bc_node_is_inline(c))
			c = write_inline_run(x, c);
		else
			write_block(x, c);
		count++;
	}
	return count;
}

static void write_paragraph(xw *x, const bc_node *n)
{
	open_mixed(x, "p", n);
	if (n->type == BC_NODE_PARAGRAPH) {
		attr_str(x, "label", n->as.para.label);
		if (n->as.para.joined_at)
			attr_long(x, "joined", (long)n->as.para.joined_at);
		if (n->as.para.hard_wrapped)
			attr(x, "wrapped", "1", 1);
	}
	write_inlines(x, n);
	end(x);
}

static void write_section(xw *x, const bc_node *n)
{
	/* The model's level, else the label's, else one below the enclosing section. */
	int outer = x->level;
	int lv = n->as.section.level > 0 ? n->as.section.level : bc_label_level(n->as.section.kind);
	x->level = lv > 0 ? lv : outer + 1;
	open_block(x, "section");
	attr_long(x, "level", x->level);
	attr_str(x, "label", n->as.section.label);
	attr_line(x, n);
	const bc_node *c = n->first;
	if (c && c->type == BC_NODE_HEADING) {
		open_mixed(x, "heading", c);
		write_inlines(x, c);
		end(x);
		c = c->next;
	}
	write_block_seq(x, c);
	close_block(x, n->first != NULL);
	x->level = outer;
}

/* Inside an article of a decision: its clauses and points are sections without heading. */
static int in_article(const bc_node *n)
{
	for (const bc_node *p = n->parent; p; p = p->parent)
		if (p->type == BC_NODE_SECTION && p->as.section.kind == BC_LABEL_ARTICLE)
			return 1;
	return 0;
}

/* <article label="2">: "Điều 2." with its title as <heading> (none when it
 * has none), run-in="1" when the label's line goes on as text, then blocks,
 * clauses and points. */
static void write_article(xw *x, const bc_node *n)
{
	int outer = x->level;
	x->level = 1;
	open_block(x, "article");
	attr_str(x, "label", n->as.section.label);
	attr_line(x, n);
	if (n->as.section.run_in)
		attr(x, "run-in", "1", 1);
	const bc_node *c = n->first;
	if (c && c->type == BC_NODE_HEADING) {
		if (c->first) {
			open_mixed(x, "heading", c);
			write_inlines(x, c);
			end(x);
		}
		c = c->next;
	}
	int count = write_block_seq(x, c);
	close_block(x, count > 0 || (n->first && n->first->first));
	x->level = outer;
}

/* <clause label="1"> (khoản) and <point label="a"> (điểm): their labelled paragraph, then blocks. */
static void write_clause(xw *x, const bc_node *n)
{
	open_block(x, n->as.section.kind == BC_LABEL_LETTER ? "point" : "clause");
	attr_str(x, "label", n->as.section.label);
	attr_line(x, n);
	close_block(x, write_block_seq(x, n->first) > 0);
}

static void put_bullet(xw *x, char b)
{
	if (b > 0x20 && b < 0x7F)   /* one printable ASCII character, or nothing */
		attr(x, "bullet", &b, 1);
}

/* <item>: `attrs` gives line, bullet and label; content is first..last.  Items
 * mixing text and nested blocks get no whitespace, which would become text. */
static void write_item(xw *x, const bc_node *attrs, const bc_node *first, const bc_node *last)
{
	indent(x);
	start(x, "item");
	attr_line(x, attrs);
	if (attrs->type == BC_NODE_ITEM) {
		put_bullet(x, attrs->as.item.bullet);
		attr_str(x, "label", attrs->as.item.label);
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
			write_inline(x, c);
		} else {
			x->noindent = inl;
			write_block(x, c);
			x->noindent = 0;
		}
		if (c == last)
			break;
	}
	x->depth--;
	if (blk && !inl)
		indent(x);
	end(x);
}

static void write_list(xw *x, const bc_node *n)
{
	open_block(x, "list");
	attr_line(x, n);
	put_bullet(x, n->as.list.bullet);
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_ITEM || !bc_node_is_inline(c))
			write_item(x, c, c->first, c->last);
		else
			write_item(x, c, c, c);
	}
	close_block(x, n->first != NULL);
}

/* *col: the 1-based column where the next cell starts, for nodes that do not say. */
static void write_cell(xw *x, const bc_node *c, int *col)
{
	indent(x);
	start(x, "cell");
	attr_line(x, c);
	if (c->type != BC_NODE_CELL) {
		/* Something other than a cell inside a row: one cell holding its words. */
		attr_long(x, "col", *col);
		(*col)++;
		write_inline(x, c);
		end(x);
		return;
	}
	/* The model counts columns from 0, the XML from 1. */
	int at = c->as.cell.col >= 0 ? c->as.cell.col + 1 : *col;
	int span = c->as.cell.colspan > 1 ? c->as.cell.colspan : 1;
	attr_long(x, "col", at);
	*col = at + span;
	if (c->as.cell.colspan > 1)
		attr_long(x, "colspan", c->as.cell.colspan);
	if (c->as.cell.rowspan > 1)
		attr_long(x, "rowspan", c->as.cell.rowspan);
	attr_str(x, "value", c->as.cell.value);
	if (c->as.cell.align == BC_ALIGN_RIGHT)
		attr(x, "align", "right", 5);
	else if (c->as.cell.align == BC_ALIGN_CENTER)
		attr(x, "align", "center", 6);
	write_inlines(x, c);
	end(x);
}

static void write_cells(xw *x, const bc_node *r)
{
	int col = 1;
	if (r->type == BC_NODE_ROW) {
		for (const bc_node *c = r->first; c; c = c->next)
			write_cell(x, c, &col);
	} else {
		write_cell(x, r, &col);
	}
}

static void write_row(xw *x, const bc_node *r)
{
	open_block(x, "row");
	attr_line(x, r);
	if (r->type == BC_NODE_ROW) {
		if (r->as.row.kind == BC_ROW_GROUP)
			attr(x, "kind", "group", 5);
		if (r->as.row.fragment_merged)
			attr_long(x, "fragment", (long)r->as.row.fragment_merged);
	}
	write_cells(x, r);
	close_block(x, 1);
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
		indent(x);
		start(x, "repeat");
		attr_line(x, r);
		end(x);
		return;
	}
	open_block(x, "repeat");
	attr_line(x, r);
	attr(x, "kind", "reworded", 8);
	write_cells(x, r);
	close_block(x, 1);
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

static void write_table(xw *x, const bc_node *t)
{
	open_block(x, "table");
	attr_line(x, t);
	attr_long(x, "cols", t->as.table.cols > 0 ? t->as.table.cols : 0);
	attr_long(x, "head-rows", t->as.table.head_rows > 0 ? t->as.table.head_rows : 0);
	attr_long(x, "repeats", t->as.table.repeats_removed > 0 ? t->as.table.repeats_removed : 0);
	attr_str(x, "unit", t->as.table.unit);
	if (table_has_head(t)) {
		open_block(x, "thead");
		close_block(x, table_pass(x, t, 0));
	}
	open_block(x, "tbody");
	close_block(x, table_pass(x, t, 1));
	close_block(x, 1);
}

static void write_block(xw *x, const bc_node *n)
{
	switch (n->type) {
	case BC_NODE_SECTION:
		if (n->as.section.kind == BC_LABEL_ARTICLE)
			write_article(x, n);
		else if ((n->as.section.kind == BC_LABEL_ARABIC || n->as.section.kind == BC_LABEL_LETTER) &&
		         (!n->first || n->first->type != BC_NODE_HEADING) && in_article(n))
			write_clause(x, n);
		else
			write_section(x, n);
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
			open_mixed(x, "p", n);
			for (const bc_node *c = bc_item_next_text(n->first); c; c = bc_item_next_text(c->next))
				write_inline(x, c);
			end(x);
		}
		for (const bc_node *c = bc_item_next_block(n->first); c; c = bc_item_next_block(c->next))
			write_block(x, c);
		break;
	case BC_NODE_TABLE:
		write_table(x, n);
		break;
	case BC_NODE_RULE:
		open_mixed(x, "rule", n);
		end(x);
		break;
	case BC_NODE_LINE:
		if (n->as.line.role == BC_ROLE_UNIT || n->as.line.role == BC_ROLE_COMPETENCE ||
		    n->as.line.role == BC_ROLE_BASIS || n->as.line.role == BC_ROLE_ENACTING) {
			/* "unit", and the preamble of a decision: "competence", "basis", "enacting" */
			open_mixed(x, bc_role_name(n->as.line.role), n);
			write_inlines(x, n);
			end(x);
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
			open_mixed(x, "p", n);
			write_inline(x, n);
			end(x);
		} else {
			write_block_seq(x, n->first);   /* a container out of place: its blocks */
		}
		break;
	}
}

/* ---- the archival fields (model/facts.h decides them) ---- */

static void leaf(xw *x, const char *name, const char *s, size_t len)
{
	if (len == 0)
		return;
	indent(x);
	start(x, name);
	text(x, s, len);
	end(x);
}

static void leaf_str(xw *x, const char *name, bc_str s) { leaf(x, name, s.s, s.len); }

/* The fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI, each only when the document states it. */
static void write_archival(xw *x)
{
	const bc_facts *f = &x->facts;
	leaf_str(x, "TypeName", f->type_name);
	leaf_str(x, "CodeNumber", f->code_number);
	leaf_str(x, "CodeNotation", f->code_notation);
	if (f->issued_known) {
		char iso[16];
		int n = iso_date(f->issued, iso);
		leaf(x, "IssuedDate", iso, (size_t)n);
	}
	leaf_str(x, "OrganName", f->organ_name);
	leaf_str(x, "Subject", f->subject);
	leaf(x, "Language", "vi", 2);
	if (f->signer_position.len || f->signer_name.len) {
		open_block(x, "SignerInfo");
		leaf_str(x, "Position", f->signer_position);
		leaf_str(x, "FullName", f->signer_name);
		close_block(x, 1);
	}
	for (size_t i = 0; i < f->nrecipients; i++)
		if (bc_recipient_is_real(&f->recipients[i]))   /* not "Như trên", not "Lưu: VT" */
			leaf_str(x, "To", f->recipients[i].name);
	if (f->priority >= 0) {
		indent(x);
		start(x, "Priority");
		attr_long(x, "code", f->priority);
		text(x, f->priority_text.s, f->priority_text.len);
		end(x);
	}
}

/* ---- meta ---- */

/* "Hải Phòng, ngày 20 tháng 01 năm 2025" -> <place> and <date>, split at the
 * first comma of the top-level text, or after the parsed place name when the
 * comma is missing. */
static void write_dateline(xw *x, const bc_node *n)
{
	const bc_node *split = NULL;
	size_t cut = 0, resume = 0;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type != BC_NODE_TEXT)
			continue;
		const char *comma = memchr(c->as.text.literal.s, ',', c->as.text.literal.len);
		if (comma) {
			split = c;
			cut = (size_t)(comma - c->as.text.literal.s);
			resume = cut + 1;
			break;
		}
	}
	bc_str place = n->as.line.place;
	if (!split && place.len && n->first && n->first->type == BC_NODE_TEXT &&
	    n->first->as.text.literal.len >= place.len &&
	    memcmp(n->first->as.text.literal.s, place.s, place.len) == 0) {
		split = n->first;
		cut = resume = place.len;
	}
	const bc_node *rest = n->first;
	if (split) {
		const char *s = split->as.text.literal.s;
		size_t len = split->as.text.literal.len, pre = cut;
		while (pre > 0 && (s[pre - 1] == ' ' || s[pre - 1] == '\t'))
			pre--;
		while (resume < len && (s[resume] == ' ' || s[resume] == '\t'))
			resume++;
		if (pre > 0 || split != n->first) {
			open_mixed(x, "place", n);
			for (const bc_node *c = n->first; c != split; c = c->next)
				write_inline(x, c);
			text(x, s, pre);
			end(x);
		}
		open_mixed(x, "date", n);
		date_attrs(x, n->as.line.date, 1);
		text(x, s + resume, len - resume);
		rest = split->next;
	} else {
		open_mixed(x, "date", n);
		date_attrs(x, n->as.line.date, 1);
	}
	for (const bc_node *c = rest; c; c = c->next)
		write_inline(x, c);
	end(x);
}

static void write_meta_line(xw *x, const bc_node *n)
{
	if (n->type != BC_NODE_LINE) {
		/* Not a header field: written under its own name, which the schema refuses. */
		open_mixed(x, bc_node_type_name(n->type), n);
		write_inline(x, n);
		end(x);
		return;
	}
	const char *name;
	switch (n->as.line.role) {
	case BC_ROLE_ISSUER: name = "issuer"; break;
	case BC_ROLE_NUMBER: name = "number"; break;
	case BC_ROLE_SUMMARY: name = "summary"; break;
	case BC_ROLE_DRAFT: name = "draft"; break;
	case BC_ROLE_URGENCY: name = "urgency"; break;
	case BC_ROLE_MOTTO: name = "motto"; break;
	case BC_ROLE_SLOGAN: name = "slogan"; break;
	case BC_ROLE_DOCTYPE: name = "type"; break;
	case BC_ROLE_TITLE: name = "title"; break;
	case BC_ROLE_ADDRESSEE: name = "addressee"; break;
	case BC_ROLE_DATELINE:
		write_dateline(x, n);
		return;
	default:
		name = bc_role_name(n->as.line.role);
		break;
	}
	open_mixed(x, name, n);
	if (n->as.line.role == BC_ROLE_NUMBER) {
		/* value="" says the number is left blank ("Số: /BC-UBND" of a draft) */
		attr(x, "value", n->as.line.number.s ? n->as.line.number.s : "", n->as.line.number.len);
		attr_str(x, "symbol", n->as.line.symbol);
	} else if (n->as.line.role == BC_ROLE_DOCTYPE) {
		const char *code = bc_doctype_code(n->as.line.doctype);
		if (code[0])
			attr(x, "code", code, strlen(code));
	}
	write_inlines(x, n);
	end(x);
}

static void write_meta(xw *x, const bc_node *meta, const bc_node *closing)
{
	open_block(x, "meta");
	for (const bc_node *c = meta ? meta->first : NULL; c; c = c->next)
		write_meta_line(x, c);
	write_archival(x);
	close_block(x, 1);
}

/* ---- closing, appendices, notes ---- */

static void write_line_as(xw *x, const char *name, const bc_node *n)
{
	open_mixed(x, name, n);
	write_inlines(x, n);
	end(x);
}

static void write_recipients(xw *x, const bc_node *n)
{
	open_block(x, "recipients");
	attr_line(x, n);
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_LINE && c->as.line.role == BC_ROLE_RECIPIENTS_LABEL)
			write_line_as(x, "label", c);
		else if (bc_node_is_inline(c))
			write_item(x, c, c, c);
		else
			write_item(x, c, c->first, c->last);
	}
	close_block(x, n->first != NULL);
}

static void write_signature(xw *x, const bc_node *n)
{
	open_block(x, "signature");
	attr_line(x, n);
	for (const bc_node *c = n->first; c; c = c->next) {
		bc_role role = c->type == BC_NODE_LINE ? c->as.line.role : BC_ROLE_NONE;
		if (role == BC_ROLE_AUTHORITY)
			write_line_as(x, "authority", c);
		else if (role == BC_ROLE_POSITION)
			write_line_as(x, "position", c);
		else if (role == BC_ROLE_SIGNER)
			write_line_as(x, "name", c);
		else if (bc_node_is_inline(c))
			c = write_inline_run(x, c);
		else
			write_block(x, c);
	}
	close_block(x, n->first != NULL);
}

static void write_closing(xw *x, const bc_node *n)
{
	open_block(x, "closing");
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_RECIPIENTS)
			write_recipients(x, c);
		else if (c->type == BC_NODE_SIGNATURE)
			write_signature(x, c);
		else if (bc_node_is_inline(c))
			c = write_inline_run(x, c);
		else
			write_block(x, c);
	}
	close_block(x, n->first != NULL);
}

static void write_appendix(xw *x, const bc_node *n)
{
	open_block(x, "appendix");
	/* label="" for an appendix without a numeral ("PHỤ LỤC") */
	attr(x, "label", n->as.appendix.label.s ? n->as.appendix.label.s : "", n->as.appendix.label.len);
	attr_line(x, n);
	const bc_node *c = n->first;
	for (; c && c->type == BC_NODE_LINE; c = c->next) {
		bc_role role = c->as.line.role;
		if (role == BC_ROLE_APPX_LABEL) {
			write_line_as(x, "label", c);
		} else if (role == BC_ROLE_APPX_TITLE) {
			write_line_as(x, "title", c);
		} else if (role == BC_ROLE_APPX_ATTACH) {
			open_mixed(x, "attached", c);
			attr_str(x, "number", c->as.line.number);
			attr_str(x, "symbol", c->as.line.symbol);
			if (bc_date_complete(c->as.line.date)) {
				char iso[16];
				int len = iso_date(c->as.line.date, iso);
				attr(x, "iso", iso, (size_t)len);
			}
			write_inlines(x, c);
			end(x);
		} else {
			break;
		}
	}
	write_block_seq(x, c);
	close_block(x, n->first != NULL);
}

static void write_notes(xw *x, const bc_node *n)
{
	open_block(x, "notes");
	for (const bc_node *c = n->first; c; c = c->next) {
		open_block(x, "note");
		if (c->type == BC_NODE_NOTE) {
			attr_long(x, "id", c->as.note.id);
			attr_line(x, c);
			attr_str(x, "mark", c->as.note.mark);
			close_block(x, write_block_seq(x, c->first));
		} else {
			attr_line(x, c);   /* no id: the schema refuses what is not a note */
			if (bc_node_is_inline(c)) {
				open_mixed(x, "p", c);
				write_inline(x, c);
				end(x);
			} else {
				write_block(x, c);
			}
			close_block(x, 1);
		}
	}
	close_block(x, n->first != NULL);
}

/* ---- the document ---- */

static int is_root_part(const bc_node *c)
{
	return c->type == BC_NODE_META || c->type == BC_NODE_BODY || c->type == BC_NODE_CLOSING ||
	       c->type == BC_NODE_NOTES || c->type == BC_NODE_APPENDIX;
}

int bc_xml_write(const bc_document *doc, xmlTextWriterPtr w)
{
	if (!doc || !w)
		return -1;
	xw x;
	memset(&x, 0, sizeof x);
	x.w = w;
	x.doc = doc;
	bc_facts_compute(doc, &x.facts);
	const bc_node *root = doc->root;
	const bc_node *meta = x.facts.meta, *body = x.facts.body, *closing = x.facts.closing, *notes = x.facts.notes;

	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		x.err = 1;
	/* The default namespace as a plain attribute: the writer would put it last. */
	start(&x, "report");
	attr(&x, "xmlns", BC_XML_NS, strlen(BC_XML_NS));
	attr(&x, "version", "1", 1);
	const char *src = doc->filename ? doc->filename : "-";
	attr(&x, "source", src, strlen(src));
	size_t enc = strnlen(doc->source_encoding, sizeof doc->source_encoding);
	if (enc)
		attr(&x, "encoding", doc->source_encoding, enc);
	const char *code = x.facts.doctype ? bc_doctype_code(x.facts.doctype->as.line.doctype) : "";
	if (code[0])
		attr(&x, "doctype", code, strlen(code));
	x.depth = 1;

	write_meta(&x, meta, closing);

	open_block(&x, "body");
	int n = body ? write_block_seq(&x, body->first) : 0;
	/* Whatever else hangs from the root is kept, at the end of the body. */
	for (const bc_node *c = root ? root->first : NULL; c; c = c->next) {
		if (is_root_part(c))
			continue;
		if (bc_node_is_inline(c))
			c = write_inline_run(&x, c);
		else
			write_block(&x, c);
		n++;
	}
	close_block(&x, n);

	if (closing && closing->first)
		write_closing(&x, closing);
	for (const bc_node *c = root ? root->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_APPENDIX)
			write_appendix(&x, c);
	if (notes && notes->first)
		write_notes(&x, notes);

	x.depth = 0;
	raw(&x, "\n");
	end(&x);
	if (xmlTextWriterEndDocument(w) < 0 || xmlTextWriterFlush(w) < 0)
		x.err = 1;
	bc_buf_free(&x.tmp);
	bc_facts_free(&x.facts);
	return x.err ? -1 : 0;
}

int bc_xml_render(const bc_document *doc, bc_buf *out)
{
	xmlBufferPtr buf = xmlBufferCreate();
	if (!buf)
		return -1;
	/* libxml2 2.9's default scheme grows the buffer to the exact size at every write: quadratic
	 * copying, hidden by glibc's mremap but 15x for 4x the input under ASan; doubling is linear */
	xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	if (!w) {
		xmlBufferFree(buf);
		return -1;
	}
	int rc = bc_xml_write(doc, w);
	xmlFreeTextWriter(w);
	if (rc == 0)
		bc_buf_put(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return rc;
}
