/* inline.h — inline markup: emphasis, tags, footnote marks, line breaks and dates. */
#ifndef BAOCAO_INLINE_H
#define BAOCAO_INLINE_H

#include <stddef.h>

#include "../diag/diag.h"
#include "../model/report.h"

/* One source piece of a block's text; pieces are joined by a space, or by a
 * line break when `brk` is set (a line that ended with two spaces). */
typedef struct bc_seg {
	const char *s;
	size_t len;
	bc_pos pos;
	int brk;
} bc_seg;

typedef struct bc_inline_ctx {
	bc_document *doc;
	bc_diags *diags;
} bc_inline_ctx;

/* Most nested inline containers; deeper openers are kept as literal text. */
#define BC_MAX_INLINE_DEPTH 64

void bc_inline_parse(bc_inline_ctx *cx, bc_node *parent, const bc_seg *segs, size_t nseg);
/* Whether bc_inline_parse would make s one TEXT node holding all of it (no
 * markup, note mark, citation or date): the table builder keeps such a cell
 * as its plain text. */
int bc_inline_plain(const char *s, size_t len);
/* The table builder's callback: ctx is a bc_inline_ctx. */
void bc_inline_cell(void *ctx, bc_node *parent, const char *s, size_t len, bc_pos pos);

/* Finds dates the model understands in plain text; used by the parser for header and attach lines. */
int bc_parse_date_words(const char *s, size_t len, bc_date *out);

#endif
