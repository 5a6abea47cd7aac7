/* restore_int.h — what the restore stage's concerns share: the input's lines, each kept, dropped or rewritten. */
#ifndef BAOCAO_RESTORE_INT_H
#define BAOCAO_RESTORE_INT_H

#include "restore.h"
#include "../util/buf.h"

/* A line a concern writes after an input line, made of part of one input line,
 * or of parts of several (jumps). */
typedef struct rs_add {
	char *s;                 /* malloc'd */
	size_t len;
	uint32_t line, col;      /* where its first character stands in the input */
	bc_restore_shift *jumps; /* from column col on, the text stands at input line to_line, column col + shift */
	size_t njumps;
} rs_add;

/* One input line as the concerns leave it. */
typedef struct rs_line {
	const char *s;           /* the input's bytes, or `repl` once rewritten */
	size_t len;
	uint32_t page;           /* 1 + the form feeds before it */
	int dropped;
	char *repl;              /* malloc'd rewrite, or NULL */
	bc_restore_shift *shifts;   /* its column shifts (line field unused here), ascending col */
	size_t nshifts;
	rs_add *adds;            /* lines written after it (layout.c), in order */
	size_t nadds;
} rs_line;

typedef struct rs_ctx {
	const char *text;        /* the whole input, for a concern to ask first whether it has anything to do */
	size_t len;
	rs_line *v;              /* v[0] is input line 1 */
	size_t n;
	uint32_t npages;
	rs_line top;             /* only its adds: lines written before the first input line */
	bc_shape shape;          /* as detected or forced */
	int forced;
	int ff_end;              /* a form feed ends the text, as pdftotext ends every page (restore.c): a one-page PDF's text */
	int docx2txt;            /* the evidence of docx2txt's lines (restore.c detect): centred on 80 columns */
	bc_restore *out;
	bc_diags *diags;         /* for notes of a concern's own, at input positions (ocrtable.c), and what a concern left undone (restore-table-text) */
} rs_ctx;

/* The concerns, in the order the driver runs them.  Each changes only lines
 * its own evidence shows damaged, and records what it did. */
void rs_ocr(rs_ctx *cx);         /* ocr.c: an OCR script's lines around each page, which start its pages */
int rs_ocr_reading(const rs_ctx *cx); /* ocr.c: whether the text is an OCR tool's reading of a scan */
void rs_stamps(rs_ctx *cx);      /* stamps.c: signature and portal stamps, Word field codes */
void rs_running(rs_ctx *cx);     /* pages.c: running headers and footers, repeated at an edge of every page */
void rs_pages(rs_ctx *cx);       /* pages.c: page numbers at the edges of pages */
void rs_footnotes(rs_ctx *cx);   /* footnotes.c: a PDF's footnotes at the foot of its pages, and their marks */
void rs_bracket_notes(rs_ctx *cx); /* brackets.c: pandoc's plain text footnotes, [1] */
void rs_enacting(rs_ctx *cx);    /* enacting.c: a decision's enacting line written among its first article's lines */
void rs_glyphs(rs_ctx *cx);      /* glyphs.c: letters a PDF font mapped wrongly */
void rs_markdown(rs_ctx *cx);    /* markdown.c: escapes and __strong__ of Markdown converters */
void rs_layout(rs_ctx *cx);      /* layout.c: the header's and the signature's layout tables, unfolded */
void rs_grids(rs_ctx *cx);       /* grids.c: the other tables pandoc's Markdown wrote (grid, multiline, simple), rebuilt as rows */
void rs_sides(rs_ctx *cx);       /* layout.c: the same two columns side by side in a PDF's -layout text */
void rs_cells(rs_ctx *cx);       /* cells.c: a table written one cell per paragraph, rebuilt as rows */
void rs_ocr_tables(rs_ctx *cx);  /* ocrtable.c: a table OCR read as lines of words, rebuilt as rows */
void rs_wordcells(rs_ctx *cx);   /* wordcells.c: a table docx2txt wrote one cell per line, rebuilt as rows */
void rs_spacecols(rs_ctx *cx);   /* spacecols.c: a table pdftotext -layout wrote with its columns as runs of spaces, rebuilt as rows */

/* Takes input line i out of the text because its words are written elsewhere
 * (rs_add): recorded as changed, under `kind`; counts nothing (the caller counts). */
void rs_move(rs_ctx *cx, size_t i, bc_restore_kind kind);
/* `after` for the lines written before the text's first line (a header a
 * converter put at the end, moved back to the top: layout.c). */
#define RS_TOP ((size_t)-1)

/* Writes s[0..len) as a line of its own after input line `after` (or RS_TOP);
 * its first character stands at input line `line` (1-based), column `col`. */
void rs_add_line(rs_ctx *cx, size_t after, const char *s, size_t len, uint32_t line, uint32_t col);
/* The line last written after input line `after` stands, from its column
 * col on, at input line `line`, column `incol`. */
void rs_add_jump(rs_ctx *cx, size_t after, uint32_t col, uint32_t line, uint32_t incol);
/* Drops input line i (0-based), recording it under `kind`. */
void rs_drop(rs_ctx *cx, size_t i, bc_restore_kind kind);
/* Replaces line i's text with s[0..len) (copied), recording the line as it was
 * under `kind` the first time it changes; shifts are added with rs_shift. */
void rs_rewrite(rs_ctx *cx, size_t i, bc_restore_kind kind, const char *s, size_t len);
/* From restored column col of line i on, the input's column is `shift` further. */
void rs_shift(rs_ctx *cx, size_t i, uint32_t col, uint32_t shift);

/* rows.c: a rebuilt table's row, written as one restored line whose every
 * part keeps its input position (cells.c, wordcells.c). */
typedef struct rs_row {
	bc_buf b;
	uint32_t col;            /* the row's column (characters, from 1) at its end */
	bc_restore_shift *jumps; /* col: in the row; shift: the input's column; to_line: the input's line */
	size_t njumps;
} rs_row;
#define RS_ROW_INIT { BC_BUF_INIT, 1, NULL, 0 }
/* The input column of restored column col of line l (its rewrites' shifts). */
uint32_t rs_input_col(const rs_line *l, uint32_t col);
void rs_row_byte(rs_row *r, char c);
void rs_row_str(rs_row *r, const char *s);
/* Appends input lines [first, last] (blank ones skipped) to the row's cell,
 * joined by spaces, each where it stands in the input; a TAB in them becomes a space. */
void rs_row_lines(const rs_ctx *cx, size_t first, size_t last, rs_row *r);
/* Appends bytes [b, e) of input line i to the row's cell, after a space when the cell has text. */
void rs_row_span(const rs_ctx *cx, size_t i, size_t b, size_t e, rs_row *r);
/* Writes the row after line `after` and empties it: standing at input line
 * `line`, column `col`, or, line 0, where its first part stands. */
void rs_row_add(rs_ctx *cx, size_t after, rs_row *r, uint32_t line, uint32_t col);
/* Adds the row after line `after`, standing where its first part does (a pipe row's "| ", a row opening
 * with an empty cell), else where its text starts. */
void rs_row_place(rs_ctx *cx, size_t after, rs_row *r);
/* Writes after line `after` the rule a pipe table without header rows opens
 * with ("|---|---|", nc columns, §9.1), standing at input line `line`. */
void rs_add_pipe_rule(rs_ctx *cx, size_t after, size_t nc, uint32_t line);

/* The best way to cut m paragraphs into nc cells (at most RS_MAX_CELLS), every
 * way tried: the cells' first paragraphs starts[0] = 0 < starts[1] < … < m,
 * each way scored by score(arg, starts), the highest kept in starts and
 * *best.  Returns how many other ways scored as high (ties). */
#define RS_MAX_CELLS 16
size_t rs_best_split(size_t nc, size_t m, int (*score)(void *arg, const size_t *starts), void *arg, size_t *starts,
                     int *best);

/* markdown.c: c is a mark Markdown converters escape that is no markup of
 * the baocao format ("\\." "\\-"): its backslash goes. */
int rs_md_escape(char c);

/* A Word field's code standing where its result should be ("PAGE \* MERGEFORMAT 11"). */
int rs_field_code(const rs_line *l);
/* Line i holds only spaces and tabs (or nothing). */
int rs_blank(const rs_line *l);
/* The bytes of the row-number column's title ("TT", "STT", "Số TT", "Số
 * thứ tự") that s starts with, at its end or before a space; else 0. */
size_t rs_number_head(const char *s, size_t n);

/* A row's number as a form numbers its items: "7", "7.", "2.1.", "3.2.1" (a
 * group of 1 to 3 digits, then up to three of 1 or 2, dotted; a dot may end
 * it), its levels in v (RS_MAX_LEVELS at most); their count, 0 for none
 * ("1.200" is a figure, "IV" a Roman number). */
#define RS_MAX_LEVELS 4
int rs_number_levels(const char *s, size_t n, long *v);
/* Number b (m levels) comes right after number a (n levels) in a table's
 * numbering: "2" after "1", "2.1." after "2." (its first item), "2.2." after
 * "2.1.", "3." after "2.1.3.". */
int rs_levels_follow(const long *a, int n, const long *b, int m);
/* A group's label in a table's number column: a Roman number up to XX (*kind
 * 'I') or a single capital letter otherwise (*kind 'A': a budget's "A" "B"
 * "C"); its value (I = 1, A = 1), 0 for neither.  A final dot is allowed. */
int rs_group_label(const char *s, size_t n, int *kind);
/* "+----+-----+" or "+====+": a line of a pandoc grid's rule ('+' at both
 * ends of its text, '-', '=' and ':' between).  Returns how many '+' it has
 * (the first `max` of their columns into plus: a rule is ASCII, bytes are
 * characters), 0 when it is no rule; *marks tells what it is made of. */
enum { RS_RULE_EQ = 1, RS_RULE_DASH = 2, RS_RULE_PLUS2 = 4 /* two '+' side by side */ };
size_t rs_grid_rule(const rs_line *l, uint32_t *plus, size_t max, unsigned *marks);
/* Line l holds figures alone, one to max of them ("2": a page's or a note's number). */
int rs_figures(const rs_line *l, size_t max);
/* s[0..n) is a figure as a table's cell writes it: digits with . , % / ( ) + -,
 * a digit among them ("7.944,5", "96,4%", "8.368/8.654", "(96,7%)"). */
int rs_figure_token(const char *s, size_t n);
/* Whether line l opens with a total's word ("Tổng cộng", "TỔNG SỐ", "Cộng"): a total's row's label. */
int rs_total_label(const rs_line *l);
/* Line i without its leading and trailing spaces. */
void rs_trim(const rs_line *l, const char **s, size_t *len);

#endif
