/* restore.h — the restore stage: undoes what converters did to a document's text, records it, and maps positions back. */
#ifndef BAOCAO_RESTORE_H
#define BAOCAO_RESTORE_H

#include <stddef.h>
#include <stdint.h>

#include "../diag/diag.h"
#include "../model/report.h"

/*
 * Between decoding and line classification.  A document arrives as a PDF's
 * extracted text, a Word file converted to Markdown, or typed text; each
 * converter leaves its own damage (page numbers in the text, signature
 * stamps, field codes, Markdown escapes, letters of a PDF font mapped to the
 * wrong code points).  Each concern has its file; each needs evidence in the
 * text before it changes anything, and records every line it drops or
 * changes, so that nothing is lost (the XML lists them) and every diagnostic
 * still points into the file the user has (bc_restore_pos).
 */

typedef enum bc_restore_kind {
	BC_RESTORE_PAGE_NUMBER,  /* "2" alone at the top or bottom of page 2 (pages.c) */
	BC_RESTORE_STAMP,        /* "Ký bởi: …", "Thời gian ký: …" of a digital signature or a portal (stamps.c) */
	BC_RESTORE_FIELD_CODE,   /* "PAGE \* MERGEFORMAT 11" of a Word field (stamps.c) */
	BC_RESTORE_GLYPH,        /* "TRƢỜNG" for "TRƯỜNG": a PDF font's wrong mapping (glyphs.c) */
	BC_RESTORE_MARKDOWN,     /* "a\)" and "__BÁO CÁO__" of a Markdown converter (markdown.c) */
	BC_RESTORE_LAYOUT,       /* the header or the signature laid out in a table, its columns one after the other (layout.c) */
	BC_RESTORE_CELLS,        /* a table written one cell per paragraph (cells.c) or, by docx2txt, per line (wordcells.c), rebuilt as TAB-separated rows */
	BC_RESTORE_OCR,          /* "Page 3", "text_chars=0 | ocr_ran=True", "[OCR Result]" of an OCR script (ocr.c) */
	BC_RESTORE_ROWS,         /* numbered rows under a header pdftotext interleaved, rebuilt without the header (cells.c) */
	BC_RESTORE_OCR_TABLE,    /* a table OCR read as lines, its cells parted by single spaces, rebuilt as rows (ocrtable.c) */
	BC_RESTORE_SPACE_TABLE,  /* a table pdftotext -layout wrote with its columns as runs of spaces, rebuilt as rows (spacecols.c) */
	BC_RESTORE_GRID_TABLE,   /* a table pandoc wrote as a grid, a multiline or a simple table, rebuilt as rows (grids.c) */
	BC_RESTORE_RUNNING,      /* "DỰ THẢO", "2 DỰ THẢO": a running header or footer at an edge of every page (pages.c) */
	BC_RESTORE_NOTE,         /* "quan1." and "1 Hướng dẫn …" at the page's foot: a footnote's mark and text (footnotes.c) */
	BC_RESTORE_FIGURE_TABLE, /* a table of figures read row by row, a row a line ending in its values (ocrtable.c) */
	BC_RESTORE_BRACKET_NOTE, /* "tỉnh[2]." and "[2] Trước sáp nhập …" after the text: pandoc's plain text footnotes (brackets.c) */
	BC_RESTORE_ENACTING,     /* "QUYẾT ĐỊNH:" written among the first article's lines, put back before it (enacting.c) */
	BC_RESTORE_KIND_COUNT
} bc_restore_kind;

/* The shapes the stage tells apart; --shape forces one. */
typedef enum bc_shape {
	BC_SHAPE_AUTO = 0,       /* detect from the text (only as an option's value) */
	BC_SHAPE_TYPED,          /* typed or saved as text: nothing to undo */
	BC_SHAPE_PDF,            /* text extracted from a PDF (pdftotext, pdfminer, OCR) */
	BC_SHAPE_MARKDOWN,       /* a Word file converted to Markdown (pandoc, mammoth) */
	BC_SHAPE_WORD,           /* a Word file's text (docx2txt, antiword, catdoc): its field codes show, or docx2txt's lines centred on 80 columns */
	BC_SHAPE_COUNT
} bc_shape;

/* One line the stage dropped or changed. */
typedef struct bc_restore_record {
	bc_restore_kind kind;
	uint32_t line;           /* in the decoded input */
	char *text;              /* the line as the input had it (malloc'd) */
	size_t len;
	int dropped;             /* 1: the line is gone; 0: it was changed */
} bc_restore_record;

/* A changed line's columns: from restored column `col` on, add `shift` (modulo
 * 2^32: it may take away) to get the input's; and when to_line is set, that
 * part of the line stands on input line to_line (a cell of a table rebuilt
 * from one cell per paragraph, cells.c). */
typedef struct bc_restore_shift {
	uint32_t line, col, shift;
	uint32_t to_line;
} bc_restore_shift;

/* The input lines a note's text spans (footnotes.c). */
typedef struct bc_restore_span {
	uint32_t first, last;
} bc_restore_span;

typedef struct bc_restore {
	bc_shape shape;          /* detected, or as forced */
	int forced;
	char *text;              /* the restored text, malloc'd; NULL when nothing changed (the input stands) */
	size_t len;
	uint32_t *orig_line;     /* [1..nlines]: the input line each restored line comes from; NULL with text */
	size_t nlines;
	bc_restore_shift *shifts;   /* sorted by line, then col */
	size_t nshifts;
	bc_restore_record *rec;  /* in input order */
	size_t nrec;
	size_t count[BC_RESTORE_KIND_COUNT];
	/* a PDF's notes found at the foot of its pages, each note's text whole
	 * (footnotes.c): the parser continues such a note over no block beyond
	 * its span, the page's end (the next page's first block is body) */
	bc_restore_span *notes;
	size_t nnotes;
	/* the text is an OCR tool's reading of a scan (ocr.c): its brackets and
	 * spaces are the reading's, not the writer's */
	int ocr;
} bc_restore;

/* Restores `text` (decoded: UTF-8, LF line ends).  page_starts: the input
 * lines that began after a form feed, ascending (bc_source.page_starts).
 * Adds one note per kind of restore made, at its first line.  Never fails:
 * without evidence, nothing changes (out->text stays NULL). */
void bc_restore_run(const char *text, size_t len, const uint32_t *page_starts, size_t npage_starts, bc_shape shape,
                    bc_restore *out, bc_diags *diags);
/* A position in the restored text as a position in the input. */
bc_pos bc_restore_pos(const bc_restore *r, bc_pos p);
/* Every position of the model's nodes and of diags[from..] moved back to the input's. */
void bc_restore_remap(const bc_restore *r, bc_document *doc, bc_diags *diags, size_t from);
void bc_restore_free(bc_restore *r);

/* "typed", "pdf", "markdown", "word" (and "auto"): the names --shape takes and the outputs print. */
const char *bc_shape_name(bc_shape s);
/* BC_SHAPE_COUNT when the name is none of them. */
bc_shape bc_shape_from_name(const char *name);
/* "page-number", "stamp", …: the names the tree and the XML print. */
const char *bc_restore_kind_name(bc_restore_kind k);

#endif
