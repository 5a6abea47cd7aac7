/* typeset.h — the report model set as pages: header block, title, body, tables, closing, appendices. */
#ifndef BAOCAO_TYPESET_H
#define BAOCAO_TYPESET_H

#include "../model/report.h"
#include "layout.h"
#include "template.h"

/*
 * Heading styles (documented in tests/pdf/README.md):
 *   level 1 (I., II.)      bold, upper case
 *   level 2 (1., 2.)       bold
 *   level 3 (1.1.)         bold italic
 *   level 4 (1.1.1.)       italic
 *   level 5+ (a), (1), *)  italic
 * all at the body's indent, justified, kept with the next two lines.
 */

typedef struct bc_typeset_stats {
	int pages;
	int tables;
	int appendices;
	double worst_ratio;        /* largest stretch of a justified line (not a last line) */
	unsigned blank_parts;      /* the header's mandatory parts the source lacks, set as blanks (BC_BLANK_*) */
} bc_typeset_stats;

/* A mandatory part of the header (NĐ 30/2020, Phụ lục I) the source lost and
 * the page shows as a blank to fill in by hand, as on a form. */
enum {
	BC_BLANK_ISSUER = 1,   /* the issuing body: a dotted line */
	BC_BLANK_NUMBER = 2,   /* "Số: ……/……" */
	BC_BLANK_DATE = 4,     /* "……, ngày …… tháng …… năm ……" */
	BC_BLANK_PLACE = 8     /* "……" before a date the appendices gave */
};

/* Lays out the whole document into `pager` (whose emit draws the pages).
 * Returns 0, or -1 when a page could not be written. */
int bc_typeset(const bc_document *doc, const bc_template *tpl, const bc_metrics *m,
               bc_page_fn emit, void *emit_ctx, bc_typeset_stats *stats);

/* The pager geometry a template gives (portrait). */
void bc_typeset_geometry(const bc_template *tpl, bc_pager_geometry *g);

/* Page furniture: the page number centred in the top margin (from page 2 of
 * each numbering sequence) and the draft mark; ops in page coordinates.
 * `number_text` receives the number's digits (room for 16 bytes) and the
 * ops point into it. */
void bc_typeset_furniture(const bc_page *page, const bc_template *tpl, const bc_metrics *m, int draft,
                          char number_text[16], bc_oplist *out);

/* Whether the document is marked as a draft. */
int bc_typeset_is_draft(const bc_document *doc);

#define BC_MM (72.0 / 25.4)

#endif
