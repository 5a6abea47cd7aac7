/* typeset_private.h — the state and helpers the parts of the typesetter share (typeset*.c); not for other modules. */
#ifndef BAOCAO_TYPESET_PRIVATE_H
#define BAOCAO_TYPESET_PRIVATE_H

#include "../util/buf.h"
#include "typeset.h"
#include "../model/facts.h"

/*
 * The typesetter is cut by part of the document, as the report is read:
 *   typeset.c          the document in order; what every part uses: inline
 *                      content to items, lines, columns, footnotes
 *   typeset_header.c   the header block, addressees, type and title
 *   typeset_blocks.c   sections, headings, paragraphs, lists, lines with a role
 *   typeset_table.c    tables: grid, column widths, rows, rows split over pages
 *   typeset_closing.c  recipients and signature, appendices
 * Each part turns nodes into units and hands them to the pager (ts_push).
 */

/* A line (or a rule, a box) of a unit being built, as the recorder saw it
 * (ts_rec_begin): so that a unit taller than a page can be cut between
 * its lines instead of running off the page's foot. */
typedef struct trec {
	int col;                   /* the column it stands in (ts_rec_col) */
	size_t from, to;           /* its ops in the unit: [from, to) */
	double top, bottom;        /* its extent, from the unit's top; a column's records touch */
	int glue;                  /* kept with the next record of its column (a signature's position and name) */
	bc_unit *notes;            /* a holder of the footnote lines it references, NULL if none */
} trec;

typedef struct trecorder {
	bc_unit *u;                /* the unit whose ops are recorded */
	trec *v;
	size_t n, cap;
	int col;
	size_t col_from[2];        /* per column: the first op not yet in a record */
	double col_y[2];           /* and the bottom of its last record */
	int last[2];               /* index of its last record, -1 none */
} trecorder;

/* A set of pointers (typeset.c, pset_find). */
typedef struct pset {
	const void **v;
	size_t n, cap;
} pset;

/* The typesetter's state for one document, which every part reads and moves on. */
typedef struct ts {
	const bc_document *doc;
	const bc_template *tpl;
	const bc_metrics *m;
	bc_pager pager;
	bc_arena strings;          /* generated text: labels, upper case, note marks */
	double x0, width;          /* the text area of the current orientation */
	double port_x0, port_w, land_x0, land_w;
	int landscape;             /* the text area is a landscape page's */
	int table_id, appendix;
	bc_typeset_stats *stats;
	int page_start;            /* next unit starts a page */
	int page_landscape, page_restart;
	pset placed;               /* footnotes already set, each once (note_placed) */
	int in_note;               /* setting a footnote: its own refs are not followed */
	int inline_only;           /* ts_add_inlines skips block children (set as blocks of their own) */
	trecorder *rec;            /* recording the lines set into a unit (ts_rec_begin), or NULL */
	bc_unit *note_to;          /* without a recorder: the unit ts_set_column's footnotes go with, or NULL */
} ts;

/* The style of a run of inline content. */
typedef struct istyle {
	bc_face face;
	double size, rise;
	int underline, upper;
} istyle;

/* The breaks of a paragraph's items (bc_break_lines). */
typedef struct lines {
	size_t *breaks;
	size_t n;
} lines;

/* ---- typeset.c: shared helpers ---- */

/* A copy of s in the typesetter's arena, freed with it. */
char *ts_strdup(ts *t, const char *s, size_t len);
/* Inline, as they were in one file: called for every line set. */
#define SINGLE BC_SINGLE_SPACING   /* template.h */
static inline double ts_line_height(const ts *t, double size, double spacing)
{
	return size * SINGLE * spacing;
}
/* The baseline of a line of height lh in `size` points, from the line's top. */
static inline double ts_baseline_in(const ts *t, double lh, double size)
{
	double a = t->m->ascent * size, d = t->m->descent * size;
	return (lh - (a + d)) / 2 + a;
}
/* The plain text of n, in b (cleared first). */
void ts_plain(const bc_node *n, bc_buf *b);
/* Whether s, less its leading blanks, starts with prefix less its trailing blanks. */
int ts_starts_with(const char *s, const char *prefix);
void ts_add_text(ts *t, bc_items *it, const char *s, size_t len, const istyle *st);
/* The inline children of n as items; their footnote marks refer to the notes. */
void ts_add_inlines(ts *t, bc_items *it, const bc_node *n, istyle st);
/* Breaks items into lines of `width`, words too wide for it cut first. */
lines ts_break_items(ts *t, bc_items *it, double width, bc_just just);
double ts_set_column(ts *t, bc_items *it, double x, double w, double *y, bc_just just, double lh, double size,
                     bc_oplist *ops);
double ts_column_line(ts *t, const bc_node *n, const char *fallback, double x, double w, double *y, bc_face face,
                      double size, int upper, bc_oplist *ops);
void ts_add_rule(bc_oplist *ops, double x1, double x2, double y, double lw);
void ts_push(ts *t, bc_unit *u);
void ts_notes_for(ts *t, const bc_items *it, size_t from, size_t to, bc_unit *u);

/* Recording a unit's lines (header block, title, addressees, closing,
 * an appendix's title): begin, set its columns' lines (ts_set_column
 * records each line and the footnotes it references), then ts_rec_push.
 * Columns are 0 and 1; each column's ops must be added in one run. */
void ts_rec_begin(ts *t, trecorder *r, bc_unit *u);
void ts_rec_col(ts *t, int col);
/* The current column's last record takes in the ops added since and reaches down to `bottom`. */
void ts_rec_extend(ts *t, double bottom);
/* The current column's last record stays with the next one. */
void ts_rec_glue(ts *t);
/* Ends the recording and hands the unit (u->h set) to the pager: whole when
 * it fits on a page; else cut between records, `chain` (one column) into a
 * unit per record kept together, which the pager breaks where it overflows
 * a page; otherwise into pieces a page tall, each column flowing on its own. */
void ts_rec_push(ts *t, int chain);

/* ---- the parts ---- */

void ts_set_header(ts *t);                             /* typeset_header.c */
void ts_set_authentication(ts *t);
void ts_set_block(ts *t, const bc_node *n);            /* typeset_blocks.c */
void ts_set_blocks(ts *t, const bc_node *parent);

/* typeset_table.c.  A table's grid: its cells, their text as items, column widths. */
typedef struct tgrid tgrid;
/* Builds the grid of a table at the template's size; gives the narrowest
 * width it can be set at and its number of columns. */
tgrid *ts_table_measure(ts *t, const bc_node *table, double *min_width, int *cols);
void ts_grid_free(tgrid *g);
/* Sets a table.  `built`, when not NULL, is its grid from ts_table_measure:
 * it is used and freed here. */
void ts_set_table(ts *t, const bc_node *table, tgrid *built);

void ts_set_closing(ts *t);                            /* typeset_closing.c */
void ts_set_appendix(ts *t, const bc_node *ap);

#endif
