/* writer.c — the XML writer's primitives: elements, attributes, indentation, dates, and text made safe for XML 1.0. */
#include "xw.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/utf8.h"

/* ---- text that XML 1.0 can carry ---- */

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
			n = (int)bc_utf8_valid_seq(s + i, len - i);
			if (n > 0)
				bc_utf8_decode((const char *)s + i, (size_t)n, &cp);
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

void xw_start(xw *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->err = 1;
}

void xw_end(xw *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
}

void xw_text(xw *x, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (xmlTextWriterWriteString(x->w, BAD_CAST clean(x, s, len)) < 0)
		x->err = 1;
}

void xw_attr(xw *x, const char *name, const char *s, size_t len)
{
	if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean(x, s, len)) < 0)
		x->err = 1;
}

void xw_attr_str(xw *x, const char *name, bc_str s)
{
	if (s.s && s.len)
		xw_attr(x, name, s.s, s.len);
}

void xw_attr_long(xw *x, const char *name, long v)
{
	char num[32];
	int n = snprintf(num, sizeof num, "%ld", v);
	xw_attr(x, name, num, (size_t)n);
}

/* Source line of a node; a synthetic node (line 0) takes its nearest ancestor's. */
void xw_attr_line(xw *x, const bc_node *n)
{
	for (; n; n = n->parent) {
		if (n->pos.line > 0) {
			xw_attr_long(x, "line", (long)n->pos.line);
			return;
		}
	}
}

void xw_raw(xw *x, const char *s)
{
	if (xmlTextWriterWriteRaw(x->w, BAD_CAST s) < 0)
		x->err = 1;
}

/* Newline and indentation before an element in element-only content. */
void xw_indent(xw *x)
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
	xw_raw(x, pad);
}

/* An element whose content is elements only (indented). */
void xw_open_block(xw *x, const char *name)
{
	xw_indent(x);
	xw_start(x, name);
	x->depth++;
}

void xw_close_block(xw *x, int had_children)
{
	x->depth--;
	if (had_children)
		xw_indent(x);
	xw_end(x);
}

/* An element standing among blocks whose own content is inline (no whitespace inside). */
void xw_open_mixed(xw *x, const char *name, const bc_node *n)
{
	xw_indent(x);
	xw_start(x, name);
	if (n)
		xw_attr_line(x, n);
	/* a line the parser read leaving a scan's specks out: the line as the text has it */
	if (n && n->type == BC_NODE_LINE)
		xw_attr_str(x, "read", n->as.line->read);
}

/* ---- dates ---- */

static int date_in_range(int v, int lo, int hi) { return v >= lo && v <= hi; }

int xw_iso_date(bc_date d, char out[16])
{
	return snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* iso when complete; the parts as well when `parts` is 1, or instead of iso when 0. */
void xw_date_attrs(xw *x, bc_date d, int parts)
{
	int complete = bc_date_exists(d);
	if (complete) {
		char iso[16];
		int n = xw_iso_date(d, iso);
		xw_attr(x, "iso", iso, (size_t)n);
	}
	if (complete && !parts)
		return;
	if (date_in_range(d.day, 1, 31))
		xw_attr_long(x, "day", d.day);
	if (date_in_range(d.month, 1, 12))
		xw_attr_long(x, "month", d.month);
	if (date_in_range(d.year, 1, 9999))
		xw_attr_long(x, "year", d.year);
}
