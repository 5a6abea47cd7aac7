/* lines.h — line classification: each source line's kind, its decoration and its label. */
#ifndef BAOCAO_LINES_H
#define BAOCAO_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "../diag/diag.h"
#include "../model/report.h"

typedef enum bc_line_kind {
	BC_LK_BLANK = 0,
	BC_LK_TEXT,
	BC_LK_RULE,
	BC_LK_TAB_ROW,
	BC_LK_PIPE_ROW,
	BC_LK_PIPE_RULE,
	BC_LK_LABEL,        /* a numbering label: a heading or a numbered paragraph */
	BC_LK_BULLET,       /* "- " or "+ " */
	BC_LK_NOTE,         /* a footnote text: "¹ ...", "<sup>1</sup> ...", "[^1]: ..." */
	BC_LK_NUMBER,
	BC_LK_SUMMARY,
	BC_LK_DRAFT,
	BC_LK_URGENCY,
	BC_LK_MOTTO,
	BC_LK_SLOGAN,
	BC_LK_DATELINE,
	BC_LK_DOCTYPE,
	BC_LK_ADDRESSEE,
	BC_LK_RECIPIENTS,
	BC_LK_AUTHORITY,
	BC_LK_APPENDIX,
	BC_LK_ATTACH,
	BC_LK_UNIT,
	BC_LK_META_FENCE,   /* "---" on the first line: the explicit form's metadata block */
	/* the body of a decision or resolution (quyết định, nghị quyết): lines
	 * re-read in their context by bc_lines_mark_decision */
	BC_LK_COMPETENCE,   /* the issuing authority in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG" */
	BC_LK_BASIS,        /* a basis: "Căn cứ ...;", "Xét ...", or before an enacting line any line of its own */
	BC_LK_BASIS_CONT,   /* the rest of the basis on the line above, which did not end in ";" or "." */
	BC_LK_ENACTING,     /* "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" */
	BC_LK_ARTICLE,      /* "Điều 1. ...": label_kind ARTICLE, label "1" */
	BC_LK_CLAUSE,       /* a label "1." inside an article (khoản) */
	BC_LK_POINT,        /* a label "a)" inside an article (điểm) */
	BC_LK_CHAPTER,      /* "Chương I", "Mục 1": label_kind CHAPTER or SUBCHAPTER, label "I", "1" */
	BC_LK_COUNT
} bc_line_kind;

/* Offsets and lengths are 32 bits: an input is at most 256 MB
 * (BC_MAX_INPUT_BYTES), and a table of 100 000 rows has 100 000 lines. */
typedef struct bc_line {
	const char *s;          /* the raw line, no LF */
	uint32_t len;
	uint32_t no;            /* 1-based source line */
	uint32_t col0;          /* column of s[0] in the source line (1 unless split from a glued line) */
	uint32_t core, core_len;/* the line without markdown decoration and outer spaces (offsets in s) */
	uint32_t nchars;        /* code points in the core */
	/* BC_LK_LABEL, BC_LK_CLAUSE, BC_LK_POINT, BC_LK_ARTICLE */
	uint32_t label, label_len;/* the label without punctuation: "I", "1.1", "a", "1" (offsets in s) */
	uint32_t rest;          /* offset in s of the text after the label */
	/* BC_LK_NOTE */
	int note_id;
	/* the enumerations in a byte each (bc_line_kind, bc_label_kind, bc_doctype) */
	uint8_t kind;           /* bc_line_kind */
	uint8_t label_kind;     /* bc_label_kind, with the label */
	uint8_t doctype;        /* bc_doctype, of BC_LK_DOCTYPE */
	/* the kind of the line on its own: kind but where bc_lines_mark_decision
	 * re-read it (here, where the struct has room, rather than by kind) */
	uint8_t base;
	/* BC_LK_CHAPTER read through OCR damage ("Chương VỊ", "ChươngVH",
	 * "ChươngV"): the chapter's number, which its place in the sequence makes
	 * certain; the label offsets keep the token as the text has it, the core
	 * starts at the word "Chương".  0 otherwise. */
	uint8_t label_value;
	/* BC_LK_BULLET */
	char bullet;
	unsigned decorated : 1; /* whole line bold/italic or a markdown heading */
	unsigned hard_break : 1;/* ends with two spaces: a line break */
	unsigned upper : 1;     /* its letters are all capitals (at least two letters) */
	unsigned lead_tabs : 1; /* BC_LK_TAB_ROW whose TABs all stand before its first word: alone, an indented paragraph (§9.1) */
	unsigned ocr_caps : 1;  /* under a chapter line read through OCR damage: its title, in capitals but for OCR's slips */
} bc_line;

typedef struct bc_lines {
	bc_line *v;
	size_t n, cap;
} bc_lines;

/* Splits decoded text into classified lines (glued headings become two lines). */
void bc_lines_split(bc_lines *out, const char *text, size_t len, bc_diags *diags);
void bc_lines_free(bc_lines *lines);

/* Re-reads the lines of a decision's or resolution's body, from line `from`
 * (the first after the header), in their context: the issuing authority in
 * capitals, the basis lines, the enacting line, then the articles "Điều N."
 * with their clauses "1." and points "a)", in the body and in appendices.
 * Only the parser knows, once it has read the header, that a body is one. */
void bc_lines_mark_decision(bc_lines *lines, size_t from);
/* The body's parts ("Phần thứ nhất", "PHẦN II"), from line `from` on: BC_LK_CHAPTER lines of label kind
 * BC_LABEL_PART, their title the text after the label or the capitals lines under it. */
void bc_lines_mark_parts(bc_lines *lines, size_t from);
/* Whether line k opens such a part (the header's title stops over it). */
int bc_line_is_part(const bc_lines *lines, size_t k);

/* Column (1-based, code points) of byte offset `off` within line l. */
uint32_t bc_line_col(const bc_line *l, size_t off);
bc_pos bc_line_pos(const bc_line *l, size_t off);

/* Leading superscript footnote mark ("¹²", "<sup>12</sup>") at s: its id, or -1; *len gets its byte length. */
int bc_note_mark(const char *s, size_t n, size_t *len);

const char *bc_line_kind_name(bc_line_kind k);

#endif
