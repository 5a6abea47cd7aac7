/* table_int.h — what the table builder's files share: raw rows and cells, folded rows, the builder's state. */
#ifndef BAOCAO_TABLE_INT_H
#define BAOCAO_TABLE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "table.h"

/*
 * table.c reads the rows and drives; table_cells.c splits lines into cells and
 * reads what a cell is; table_head.c lays out the header and finds the rows
 * that repeat it; table_rows.c adds the body rows.
 */

/* Real headers have one to three rows; more than this is a misread body. */
#define MAX_HEAD_ROWS 8
/* Widest band of the edit distance: keeps the header comparison linear. */
#define FUZZ_CAP 64
/* Longer cells are never numbers; saves scanning long prose. */
#define NUMBER_MAX 200
/* Cell separator in folded text: not a letter or digit, so it never matches one. */
#define SEP 0x1Fu

/* A cell as written: a view into its source line. */
typedef struct rcell {
	const char *s;
	size_t len;
	bc_pos pos;
} rcell;

typedef struct rrow {
	rcell *v;
	size_t n, cap;
} rrow;

static inline int is_empty(const rcell *c) { return c == NULL || c->len == 0; }

/* A row folded for comparison: code points without marks or case. */
typedef struct cpvec {
	uint32_t *v;
	size_t n, cap;
} cpvec;

/* A cell and the row that holds it. */
typedef struct cell_ref {
	bc_cell *cell;
	bc_node *row;
} cell_ref;

/* Where a body cell of a pipe table sits, for "^" rows below it. */
typedef struct span_info {
	bc_cell *cell;
	bc_node *row;   /* the cell's */
	size_t col, width, last_row;
} span_info;

/* The header rows as read, and folded for the repeat test of every later row. */
typedef struct heads {
	rrow row[MAX_HEAD_ROWS];
	cpvec folded[MAX_HEAD_ROWS];
	size_t n;
	int pipe;                   /* a pipe table's header */
	const bc_table_line *rule;  /* a pipe table's delimiter row, or NULL */
	size_t fold_limit;          /* rows folded longer than this repeat no header */
	cpvec frow;                 /* the row being tested */
} heads;

typedef struct table_builder {
	bc_document *doc;
	bc_diags *diags;
	bc_inline_fn inl;
	void *ctx;
	bc_node *table, *thead, *tbody;
	size_t cols;
	int wide_reported;
	bc_align *align;          /* per column, from a pipe delimiter row; cols entries */
	cell_ref *prev_cells;     /* the last body row's cells by column (a span's may stand higher) */
	size_t prev_n;
	bc_node *prev_row;
	span_info **above;        /* pipe spans: what occupies each column in the row above */
	size_t above_n;
	size_t body_seq;
	long last_number[4];           /* the last row's number ("3", "4.1"), by level; none when last_depth is 0 */
	int last_depth;
	const bc_table_line *next;     /* the line after the one being added, or NULL: a group's rows follow it */
} table_builder;


/* Cells up to the last that holds text. */
static inline size_t last_nonempty(const rrow *r)
{
	size_t n = r->n;
	while (n > 0 && r->v[n - 1].len == 0)
		n--;
	return n;
}

static inline const rcell *cell_at(const rrow *r, size_t c) { return c < r->n ? &r->v[c] : NULL; }

/* Whether a cell is exactly `lit` ("<", "^": the span marks of pipe tables). */
static inline int is_text(const rcell *c, const char *lit) { return c && c->len == strlen(lit) && memcmp(c->s, lit, c->len) == 0; }

/* table_cells.c */
void tb_row_copy(rrow *dst, const rrow *src);
void tb_split_line(const bc_table_line *ln, rrow *row);
void tb_cells_written(const bc_table_line *ln, int *written, int *fields);
size_t tb_tag_end(const char *s, size_t i, size_t e);
size_t tb_cell_number_into(const char *s, size_t len, char *out, size_t outsize);
int tb_is_label(const char *s, size_t len);
size_t tb_leading_label(const char *s, size_t len, size_t *text_at);
int tb_continues_text(const char *s, size_t len);

/* table_head.c */
void tb_fold_row_upto(const char *s, size_t len, size_t limit, cpvec *out);
void tb_fold_row(const char *s, size_t len, cpvec *out);
int tb_folded_compare(const cpvec *a, const cpvec *b);
size_t tb_read_header(table_builder *t, const bc_table_line *lines, size_t n, heads *hd, rrow *row);
void tb_fold_header(heads *hd, const bc_table_line *lines);
size_t tb_repeat_of(heads *hd, const bc_table_line *ln, const rrow *row, size_t next);
void tb_heads_free(heads *hd);
void tb_build_header(table_builder *t, const bc_table_line *lines, const rrow *head, size_t h, int pipe,
                     const bc_table_line *rule);
int tb_repeat_diag(table_builder *t, const bc_table_line *ln, const rrow *row, const rrow *head);
int tb_repeats_cells(const rrow *row, const rrow *head);
/* head_row: which header row (from 1) the row prints again. */
void tb_add_repeated_row(table_builder *t, const bc_table_line *ln, const rrow *row, int differs, int head_row);

/* table_rows.c */
int tb_try_fragment(table_builder *t, const bc_table_line *ln, const rrow *row, int wrap);
void tb_add_body_row(table_builder *t, const bc_table_line *ln, rrow *row);

/* table.c */
void tb_read_row(table_builder *t, const bc_table_line *ln, rrow *row);
void tb_read_alignment(table_builder *t, const bc_table_line *ln);
/* Sets *cell, of row, from the raw cell rc (NULL: an empty cell at `at`):
 * plain text, or inline nodes when the text has structure (bc_inline_plain). */
void tb_set_cell(table_builder *t, bc_node *row, bc_cell *cell, const rcell *rc, bc_pos at, size_t col);
/* A row ends on the last line of its cells (a cell over several lines). */
void tb_row_end(bc_node *row);
/* The cell's inline nodes, made from its plain text if it had none. */
bc_node *tb_cell_content(table_builder *t, bc_node *row, bc_cell *cell);
/* A body or total cell that writes a figure: BC_CELL_NUMBER, aligned right unless a rule says otherwise. */
void tb_set_number(table_builder *t, bc_node *row, bc_cell *cell, const rcell *rc);
bc_pos tb_end_pos(const bc_table_line *ln);
void tb_extend_end(bc_node *n, uint32_t line);

#endif
