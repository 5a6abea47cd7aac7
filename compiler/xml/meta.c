/* meta.c — the header lines, the closing (recipients, signature), the appendices and the notes as XML. */
#include "xw.h"

#include <string.h>

/* ---- the header ---- */

/* "Hải Phòng, ngày 20 tháng 01 năm 2025" -> <place> and <date>, split where
 * the parser put the line's split (line.split, place_cut, date_from). */
static void write_dateline(xw *x, const bc_node *n)
{
	const bc_node *split = n->as.line->split;
	const bc_node *rest = n->first;
	if (split) {
		const char *s = split->as.text.literal.s;
		size_t len = split->as.text.literal.len, pre = n->as.line->place_cut, resume = n->as.line->date_from;
		if (pre > 0 || split != n->first) {
			xw_open_mixed(x, "place", n);
			for (const bc_node *c = n->first; c != split; c = c->next)
				xw_inline(x, c);
			xw_text(x, s, pre);
			xw_end(x);
		}
		xw_open_mixed(x, "date", n);
		xw_date_attrs(x, n->as.line->date, 1);
		xw_text(x, s + resume, len - resume);
		rest = split->next;
	} else {
		xw_open_mixed(x, "date", n);
		xw_date_attrs(x, n->as.line->date, 1);
	}
	for (const bc_node *c = rest; c; c = c->next)
		xw_inline(x, c);
	xw_end(x);
}

static void write_meta_line(xw *x, const bc_node *n)
{
	if (n->type != BC_NODE_LINE) {
		/* Not a header field: written under its own name, which the schema refuses. */
		xw_open_mixed(x, bc_node_type_name(n->type), n);
		xw_inline(x, n);
		xw_end(x);
		return;
	}
	const char *name;
	switch (n->as.line->role) {
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
		name = bc_role_name(n->as.line->role);
		break;
	}
	xw_open_mixed(x, name, n);
	if (n->as.line->role == BC_ROLE_NUMBER) {
		/* value="" says the number is left blank ("Số: /BC-UBND" of a draft);
		 * a line that could not be read gives no value */
		if (!n->as.line->unread)
			xw_attr(x, "value", n->as.line->number.s ? n->as.line->number.s : "", n->as.line->number.len);
		xw_attr_str(x, "year", n->as.line->year);
		xw_attr_str(x, "symbol", n->as.line->symbol);
	} else if (n->as.line->role == BC_ROLE_DOCTYPE) {
		const char *code = bc_doctype_code(n->as.line->doctype);
		if (code[0])
			xw_attr(x, "code", code, strlen(code));
	}
	xw_inlines(x, n);
	xw_end(x);
}

void xw_meta(xw *x, const bc_node *meta)
{
	xw_open_block(x, "meta");
	for (const bc_node *c = meta ? meta->first : NULL; c; c = c->next)
		write_meta_line(x, c);
	xw_archival(x);
	xw_close_block(x, 1);
}

/* ---- closing, appendices, notes ---- */

static void write_line_as(xw *x, const char *name, const bc_node *n)
{
	xw_open_mixed(x, name, n);
	xw_inlines(x, n);
	xw_end(x);
}

static void write_recipients(xw *x, const bc_node *n)
{
	xw_open_block(x, "recipients");
	xw_attr_line(x, n);
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_RECIPIENTS_LABEL)
			write_line_as(x, "label", c);
		else if (bc_node_is_inline(c))
			xw_item(x, c, c, c);
		else
			xw_item(x, c, c->first, c->last);
	}
	xw_close_block(x, n->first != NULL);
}

static void write_signature(xw *x, const bc_node *n)
{
	xw_open_block(x, "signature");
	xw_attr_line(x, n);
	if (n->as.signature.beside)
		xw_attr(x, "beside", "1", 1);
	for (const bc_node *c = n->first; c; c = c->next) {
		bc_role role = c->type == BC_NODE_LINE ? c->as.line->role : BC_ROLE_NONE;
		if (role == BC_ROLE_AUTHORITY || role == BC_ROLE_POSITION || role == BC_ROLE_SIGNER)
			write_line_as(x, bc_role_name(role), c);   /* "authority", "position", "name" */
		else if (bc_node_is_inline(c))
			c = xw_inline_run(x, c);
		else
			xw_block(x, c);
	}
	xw_close_block(x, n->first != NULL);
}

void xw_closing(xw *x, const bc_node *n)
{
	xw_open_block(x, "closing");
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_RECIPIENTS)
			write_recipients(x, c);
		else if (c->type == BC_NODE_SIGNATURE)
			write_signature(x, c);
		else if (bc_node_is_inline(c))
			c = xw_inline_run(x, c);
		else
			xw_block(x, c);
	}
	xw_close_block(x, n->first != NULL);
}

void xw_appendix(xw *x, const bc_node *n)
{
	xw_open_block(x, "appendix");
	/* label="" for an appendix without a numeral ("PHỤ LỤC") */
	xw_attr(x, "label", n->as.appendix.label.s ? n->as.appendix.label.s : "", n->as.appendix.label.len);
	xw_attr_line(x, n);
	const bc_node *c = n->first;
	for (; c && c->type == BC_NODE_LINE; c = c->next) {
		bc_role role = c->as.line->role;
		if (role == BC_ROLE_ISSUER || role == BC_ROLE_MOTTO || role == BC_ROLE_SLOGAN) {
			/* an attached text's own header, as the document's is written */
			write_meta_line(x, c);
		} else if (role == BC_ROLE_APPX_LABEL) {
			write_line_as(x, "label", c);
		} else if (role == BC_ROLE_APPX_TITLE) {
			write_line_as(x, "title", c);
		} else if (role == BC_ROLE_APPX_ATTACH) {
			xw_open_mixed(x, "attached", c);
			xw_attr_str(x, "number", c->as.line->number);
			xw_attr_str(x, "year", c->as.line->year);
			xw_attr_str(x, "symbol", c->as.line->symbol);
			if (bc_date_exists(c->as.line->date)) {
				char iso[16];
				int len = xw_iso_date(c->as.line->date, iso);
				xw_attr(x, "iso", iso, (size_t)len);
			}
			xw_inlines(x, c);
			xw_end(x);
		} else {
			break;
		}
	}
	xw_block_seq(x, c);
	xw_close_block(x, n->first != NULL);
}

void xw_notes(xw *x, const bc_node *n)
{
	xw_open_block(x, "notes");
	for (const bc_node *c = n->first; c; c = c->next) {
		xw_open_block(x, "note");
		if (c->type == BC_NODE_NOTE) {
			xw_attr_long(x, "id", c->as.note.id);
			xw_attr_line(x, c);
			xw_attr_str(x, "mark", c->as.note.mark);
			xw_close_block(x, xw_block_seq(x, c->first));
		} else {
			xw_attr_line(x, c);   /* no id: the schema refuses what is not a note */
			if (bc_node_is_inline(c)) {
				xw_open_mixed(x, "p", c);
				xw_inline(x, c);
				xw_end(x);
			} else {
				xw_block(x, c);
			}
			xw_close_block(x, 1);
		}
	}
	xw_close_block(x, n->first != NULL);
}
