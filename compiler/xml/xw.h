/* xw.h — private to compiler/xml/: the writer state, its primitives and the writers of each part of the document. */
#ifndef BAOCAO_XW_H
#define BAOCAO_XW_H

#include <stddef.h>

#include "../model/facts.h"
#include "../model/vocab.h"
#include "xml.h"

/* Internal to the render plugin: hidden, so that the calls between these
 * files are direct calls, not through the shared object's PLT (0.6 % more
 * instructions for the XML of seed 000 without it). */
#pragma GCC visibility push(hidden)

/*
 * One XML document being written.  The parts are split by what they write —
 * writer.c the primitives every part uses, blocks.c the body's blocks and the
 * inline content, tables.c tables, meta.c the header, closing, appendices and
 * notes, archival.c the Phụ lục VI fields, xml.c the document around them —
 * and share this state, passed as the first argument of every function.
 */
typedef struct xw {
	xmlTextWriterPtr w;
	const bc_document *doc;
	int depth;       /* block nesting, for the indentation */
	int level;       /* level of the section being written, 0 outside */
	int noindent;    /* the next element stands in mixed content: no whitespace before it */
	int err;         /* a libxml2 call failed: the document is incomplete */
	bc_buf tmp;      /* sanitised copy of the text being written */
	const bc_facts *facts;  /* the document's facts (bc_document_facts), read, never re-decided */
} xw;

/* writer.c: elements, attributes and text, with what XML cannot carry replaced by U+FFFD. */
void xw_start(xw *x, const char *name);
void xw_end(xw *x);
void xw_text(xw *x, const char *s, size_t len);
void xw_attr(xw *x, const char *name, const char *s, size_t len);
void xw_attr_str(xw *x, const char *name, bc_str s);   /* only when not empty */
void xw_attr_long(xw *x, const char *name, long v);
void xw_attr_line(xw *x, const bc_node *n);             /* line="N", the nearest real line */
void xw_raw(xw *x, const char *s);
void xw_indent(xw *x);
/* An element whose content is elements only (indented), and its end. */
void xw_open_block(xw *x, const char *name);
void xw_close_block(xw *x, int had_children);
/* An element standing among blocks whose own content is inline (no whitespace inside). */
void xw_open_mixed(xw *x, const char *name, const bc_node *n);
int xw_iso_date(bc_date d, char out[16]);
/* iso when complete; the parts as well when `parts` is 1, or instead of iso when 0. */
void xw_date_attrs(xw *x, bc_date d, int parts);

/* blocks.c: inline content and the blocks of a body, a section, an item, a note. */
void xw_inline(xw *x, const bc_node *n);
void xw_inlines(xw *x, const bc_node *parent);
const bc_node *xw_inline_run(xw *x, const bc_node *c);
int xw_block_seq(xw *x, const bc_node *first);
void xw_block(xw *x, const bc_node *n);
void xw_item(xw *x, const bc_node *attrs, const bc_node *first, const bc_node *last);

/* tables.c */
void xw_table(xw *x, const bc_node *t);

/* meta.c: the header lines (then the archival fields), the closing, an appendix, the notes. */
void xw_meta(xw *x, const bc_node *meta);
void xw_closing(xw *x, const bc_node *n);
void xw_appendix(xw *x, const bc_node *n);
void xw_notes(xw *x, const bc_node *n);

/* restored.c: the lines the restore stage dropped or changed. */
struct bc_restore;
void xw_restored(xw *x, const struct bc_restore *r);

/* archival.c: the Phụ lục VI fields from x->facts. */
void xw_archival(xw *x);

#pragma GCC visibility pop

#endif
