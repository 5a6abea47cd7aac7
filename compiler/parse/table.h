/* table.h — building one table node from the raw rows of a tab-separated or pipe table. */
#ifndef BAOCAO_TABLE_H
#define BAOCAO_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "../diag/diag.h"
#include "../model/report.h"

/* One raw source line of a table, as the block parser collected it. */
typedef struct bc_table_line {
	const char *s;      /* the line without its LF; decoration such as <b> is left in cells */
	uint32_t len;       /* (an input is at most 256 MB; 24 bytes a line for tables of 100 000 rows) */
	bc_pos pos;         /* line number, column 1 */
	uint8_t after_break;/* blank lines (a page break) or other blocks stood before this line */
	uint8_t is_pipe;    /* "| a | b |" syntax */
	uint8_t is_rule;    /* "|---|:--:|" delimiter row of a pipe table */
} bc_table_line;

/* Excel's Alt+Enter in a TAB row: whether `s` (lines joined by LF so far)
 * ends inside a quoted cell ('"Dòng 1' not yet closed by '"' before a TAB or
 * the end of a line; '""' is a quote inside it). */
int bc_table_quote_open(const char *s, size_t len);
/* The joined row rewritten for the cell splitter: each quoted cell without its
 * quotes, '""' one quote, each LF a "<br>" (a BR inline), in arena memory. */
char *bc_table_unquote(bc_arena *a, const char *s, size_t len, size_t *out_len);

/* Parses inline markup of `s` (one cell's text) into children of `parent`. */
typedef void (*bc_inline_fn)(void *ctx, bc_node *parent, const char *s, size_t len, bc_pos pos);

/* Most columns a table may have; wider tables are refused with E_TOO_MANY_COLUMNS. */
#define BC_MAX_TABLE_COLUMNS 512

/*
 * Builds a TABLE node (with THEAD and TBODY) from n >= 1 lines.  Never fails:
 * whatever the rows look like, every cell's text ends up in some cell.
 *  - header rows: for pipe tables the rows above the delimiter row; for tab
 *    tables the first row plus following rows that only fill the columns under
 *    a spanning header cell (first cell empty); spans are modelled.
 *  - a later row that repeats the header (after a page break, possibly spelled
 *    slightly differently) is kept as a ROW with kind BC_ROW_HEAD and
 *    repeated = 1 inside TBODY, and reported (W_HEADER_REPEAT or
 *    W_HEADER_REPEAT_DIFF); renderers skip such rows.
 *  - a pipe table whose header row is entirely empty continues the table.
 *  - group rows ("15<TAB>Sở Tư pháp (07 nhiệm vụ)", also "II Chỉ tiêu xã hội"
 *    with a space instead of the tab) get kind BC_ROW_GROUP.
 *  - a row right after a page break that holds only the end of the cell above
 *    is merged into that cell (W_CELL_FRAGMENT); row.fragment_merged on the
 *    receiving row records the fragment's line.
 *  - numeric cells carry cell.value in plain decimal ("7.944,5" -> "7944.5"),
 *    and align right.
 *  - trailing empty cells beyond the header's width are dropped.
 */
bc_node *bc_table_build(bc_document *doc, bc_diags *diags, const bc_table_line *lines, size_t n,
                        bc_inline_fn inl, void *ctx);

/* Whether a row's text repeats a header row, modulo diacritics, case, spacing
 * and small spelling differences (ƯTH/UTH, TMĐT/TMDT, phấn/phần). */
int bc_table_same_header(const char *a, size_t alen, const char *b, size_t blen);

/* Cells in a raw row: tab-separated, or pipe syntax (outer pipes optional). */
int bc_table_count_cells(const char *s, size_t len, int is_pipe);

/* "7.944,5" -> "7944.5" into out (size >= len + 2); returns 1 if the text is a number. */
int bc_number_value(const char *s, size_t len, char *out, size_t outsize);

#endif
