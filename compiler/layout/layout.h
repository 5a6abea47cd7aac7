/* layout.h — the layout engine: words to justified lines (total fit), lines to pages, pages to drawing operations. */
#ifndef BAOCAO_LAYOUT_H
#define BAOCAO_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "../pdf/font.h"   /* bc_face: the names of the four faces, nothing of the font files */

/*
 * Units are PostScript points.  Horizontal positions are measured from the
 * page's left edge, vertical ones downwards from the top of the unit (and,
 * once placed, of the page); the PDF writer turns them over.
 *
 * The engine knows nothing of fonts: it asks a measuring function for the
 * width of a string in one of the four faces (bc_face: regular, bold, italic, bold italic).
 */
typedef double (*bc_measure_fn)(void *ctx, bc_face face, double size, const char *s, size_t len);

/* Optional: the advance of one code point in a face, in 1/1000 of the size; when given,
 * words are measured while they are cut from the text, with one pass over their characters. */
typedef float (*bc_advance_fn)(void *ctx, bc_face face, uint32_t cp);

typedef struct bc_metrics {
	bc_measure_fn measure;
	void *ctx;
	double ascent, descent;   /* of the family, per 1 pt of size (descent > 0) */
	bc_advance_fn advance;    /* may be NULL; must then agree with measure summed per code point */
} bc_metrics;

/* ---- drawing operations ------------------------------------------------ */

typedef enum bc_op_kind { BC_OP_TEXT = 1, BC_OP_RULE, BC_OP_BOX, BC_OP_FILL } bc_op_kind;

typedef struct bc_op {
	uint8_t kind;
	uint8_t face;        /* TEXT: a bc_face, in a byte */
	float size;          /* TEXT: font size; RULE, BOX: line width */
	float x, y;          /* TEXT: start of the baseline; RULE: one end; BOX, FILL: top-left */
	float x2, y2;        /* RULE: other end; BOX, FILL: width and height */
	float gray;          /* TEXT, FILL: 0 black .. 1 white */
	const char *s;       /* TEXT: UTF-8, not NUL-terminated */
	size_t len;
} bc_op;

typedef struct bc_oplist {
	bc_op *v;
	size_t n, cap;
} bc_oplist;

void bc_oplist_add(bc_oplist *l, const bc_op *op);
void bc_oplist_free(bc_oplist *l);

/* ---- inline material and line breaking --------------------------------- */

typedef enum bc_item_type { BC_ITEM_BOX = 1, BC_ITEM_GLUE, BC_ITEM_PENALTY } bc_item_type;

/* Knuth and Plass's boxes, glue and penalties.  A box is a run of text in
 * one style; boxes not separated by glue form one unbreakable word. */
typedef struct bc_item {
	uint8_t type;
	uint8_t face;        /* a bc_face, in a byte */
	uint8_t underline;
	float size;
	float rise;          /* baseline shift for superscripts */
	double width, stretch, shrink;
	double penalty;      /* PENALTY: cost of breaking here; <= -10000 forces a break */
	const char *s;
	size_t len;
	const void *ref;     /* BOX: the footnote a note mark refers to, else NULL */
} bc_item;

#define BC_PENALTY_FORCE (-10000.0)
#define BC_PENALTY_NEVER 10000.0

typedef struct bc_items {
	bc_item *v;
	size_t n, cap;
} bc_items;

void bc_items_add(bc_items *l, const bc_item *it);
void bc_items_free(bc_items *l);
/* Appends UTF-8 text in one style: words become boxes, runs of spaces one
 * glue (stretch and shrink from the space's width), NBSP stays in the word. */
void bc_items_text(bc_items *l, const bc_metrics *m, const char *s, size_t len, bc_face face, double size, double rise,
                   int underline);
/* Appends a forced line break (as LINEBREAK in the source). */
void bc_items_break(bc_items *l);
/* Ends a paragraph: fill glue and a forced break. */
void bc_items_finish(bc_items *l);
/* Splits words wider than `width` so that every piece fits (Vietnamese
 * is not hyphenated; such words are rare: URLs, long numbers). */
void bc_items_fit_words(bc_items *l, const bc_metrics *m, double width);

typedef enum bc_just { BC_JUST_LEFT = 0, BC_JUST_CENTER, BC_JUST_RIGHT, BC_JUST_FULL } bc_just;

/*
 * Total-fit line breaking: chooses the breaks minimising the sum of the
 * lines' demerits, with a penalty when neighbouring lines differ much in
 * tightness.  Justified text stretches its glue; other modes take the
 * badness from the line's slack, which balances ragged and centred lines.
 * Fills breaks[] with item indices (each a GLUE or PENALTY item, the last
 * the final forced break) and returns how many; *breaks is malloc'd.
 * Always returns at least one line for non-empty input.
 */
size_t bc_break_lines(const bc_items *l, double width, bc_just just, size_t **breaks);

/* One set line: its runs of text, positioned, ready to draw. */
typedef struct bc_line_set {
	double natural;       /* width of the material */
	double ratio;         /* adjustment ratio used (0 for unjustified lines) */
	double max_size;      /* largest font size on the line */
} bc_line_set;

/*
 * Sets the line items[from..to) (glue at the ends dropped) into ops: x from
 * x0 within `width`, baseline at y.  Justified lines (not the last) get
 * their glue stretched by placing each word; others are aligned.
 */
bc_line_set bc_set_line(const bc_items *l, size_t from, size_t to, double x0, double width, double y,
                        bc_just just, int last, bc_oplist *out);

/* ---- vertical material and pages ---------------------------------------- */

/* A piece of a page that moves as a whole: a line of text, a table row, a
 * rule, a header block.  ops are relative to the unit's top. */
typedef struct bc_unit {
	double h;             /* height */
	double gap;           /* space above it, dropped at the top of a page */
	unsigned keep_next:1; /* no page break between this unit and the next */
	unsigned new_page:1;  /* starts a page (appendix) */
	unsigned landscape:1; /* with new_page: the pages from here are landscape */
	unsigned restart:1;   /* with new_page: page numbers start again at 1 */
	int table;            /* >0: belongs to the table with this id */
	unsigned table_head:1;/* a header row of that table, repeated on each page */
	unsigned table_reprint:1; /* a header row the source printed again in other words, set where it stands */
	unsigned note_first:1;/* a footnote line that begins its note */
	int outline_level;    /* >0: a bookmark at this unit */
	char *outline;        /* its title, malloc'd UTF-8 */
	int appendix;         /* >0: within the n-th appendix */
	bc_oplist ops;
	/* footnote lines referenced from this unit: set at the bottom of its
	 * page; lines that do not fit continue on the next page */
	struct bc_unit **notes;
	size_t nnotes;
} bc_unit;

/* Attaches a footnote line to u (takes ownership). */
void bc_unit_add_note(bc_unit *u, bc_unit *note_line);

/* A finished page handed to the writer. */
typedef struct bc_page {
	double width, height; /* points */
	int landscape;
	int number;           /* 1-based within its numbering sequence */
	int index;            /* 0-based in the document */
	int appendix;         /* 0 main text, n for the n-th appendix */
	bc_unit **units;      /* placed units, top to bottom: body, then footnote lines */
	double *y;            /* their tops */
	size_t n;
	double notes_top;     /* where the footnote rule goes; 0 when the page has no notes */
} bc_page;

typedef int (*bc_page_fn)(void *ctx, const bc_page *page);

typedef struct bc_pager_geometry {
	double width, height;         /* of the page, points */
	double top, bottom;           /* margins, points */
} bc_pager_geometry;

typedef struct bc_pager {
	bc_pager_geometry portrait, landscape;
	bc_page_fn emit;
	void *ctx;
	int failed;                   /* emit returned non-zero */
	/* pending units, not yet on a finished page */
	bc_unit **q;
	size_t qn, qcap;
	int pages, number, appendix, in_landscape;
	/* header rows of the table being set, copied at the top of each page */
	int head_table;
	bc_unit **head;
	size_t headn, headcap;
	/* footnote lines carried over from the previous page */
	bc_unit **carry;
	size_t carryn, carrycap;
} bc_pager;

void bc_pager_init(bc_pager *p, const bc_pager_geometry *portrait, bc_page_fn emit, void *ctx);
/* Takes ownership of u (malloc'd, see bc_unit_new). */
void bc_pager_add(bc_pager *p, bc_unit *u);
/* Sets every remaining unit; returns the number of pages, or -1 if emit failed. */
int bc_pager_finish(bc_pager *p);
void bc_pager_free(bc_pager *p);

bc_unit *bc_unit_new(double h);
void bc_unit_free(bc_unit *u);

#endif
