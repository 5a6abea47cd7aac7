/* report.h — the report model: one tree of typed nodes with source positions. */
#ifndef BAOCAO_REPORT_H
#define BAOCAO_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

/*
 * A report is a tree, in the manner of cmark: every node has a type, a source
 * position and a small union with the data of its type.  The parser builds
 * the tree; checks and renderers only read it.  All memory belongs to the
 * document's arena and is released at once by bc_document_free().
 *
 * Shape of the tree (children in source order):
 *
 *   DOCUMENT
 *     META            header block: LINE nodes with roles ISSUER, NUMBER, ...
 *     BODY            SECTION, PARAGRAPH, LIST, TABLE, LINE(UNIT), RULE
 *       SECTION       first child HEADING, then blocks and sub-sections
 *     BODY of a quyết định or nghị quyết (doctype QUYET_DINH, NGHI_QUYET):
 *                     LINE(COMPETENCE)*, LINE(BASIS)*, LINE(ENACTING)?, then
 *                     articles and whatever blocks stand outside them:
 *       ARTICLE ("Điều 1."), kind ARTICLE, level 1, label "1": first child
 *                     HEADING with the article's title ("Nhiệm vụ của Ban
 *                     Chỉ đạo"), empty when the article has none; then, when
 *                     the label's line runs on as text ("Điều 3. Quyết định
 *                     này có hiệu lực..."), a PARAGRAPH with that text
 *                     (section.run_in = 1); then blocks and clauses:
 *         CLAUSE (khoản "1."), kind ARABIC, level 2, no HEADING: first child
 *                     a PARAGRAPH of kind ARABIC and the same label holding
 *                     the clause's text, then blocks and points:
 *           POINT (điểm "a)"), kind LETTER, level 5, no HEADING: first
 *                     child a PARAGRAPH of kind LETTER, then blocks.
 *     CLOSING         RECIPIENTS (of ITEM), SIGNATURE (of LINE; a form box's PARAGRAPHs), PARAGRAPH
 *     APPENDIX        LINE(APPX_LABEL, APPX_TITLE, APPX_ATTACH), then blocks
 *     NOTES           NOTE nodes (footnote texts), wherever the source had them
 *
 * Block nodes holding text (HEADING, PARAGRAPH, ITEM, CELL, LINE, and the
 * PARAGRAPHs inside NOTE) have inline children: TEXT, STRONG, EMPH,
 * UNDERLINE, SUP, NOTEREF, LINEBREAK, DATE.  A DATE holds the date's text as
 * written and the date it reads, real or not (as.date.invalid).
 */

typedef enum bc_node_type {
	BC_NODE_NONE = 0,
	/* blocks */
	BC_NODE_DOCUMENT,
	BC_NODE_META,
	BC_NODE_BODY,
	BC_NODE_SECTION,
	BC_NODE_ARTICLE,     /* "Điều 1." of a decision or resolution: as.section, kind ARTICLE */
	BC_NODE_CLAUSE,      /* khoản "1." of an article: as.section, kind ARABIC, no HEADING */
	BC_NODE_POINT,       /* điểm "a)" of a clause or article: as.section, kind LETTER, no HEADING */
	BC_NODE_HEADING,
	BC_NODE_PARAGRAPH,
	BC_NODE_LIST,
	BC_NODE_ITEM,
	BC_NODE_TABLE,
	BC_NODE_THEAD,
	BC_NODE_TBODY,
	BC_NODE_ROW,
	BC_NODE_CELL,
	BC_NODE_RULE,        /* a "-----" line: a visual separator */
	BC_NODE_LINE,        /* one line with a role: header field, signature... */
	BC_NODE_CLOSING,
	BC_NODE_RECIPIENTS,
	BC_NODE_SIGNATURE,
	BC_NODE_APPENDIX,
	BC_NODE_NOTES,
	BC_NODE_NOTE,
	/* inlines */
	BC_NODE_TEXT,
	BC_NODE_STRONG,
	BC_NODE_EMPH,
	BC_NODE_UNDERLINE,
	BC_NODE_SUP,
	BC_NODE_NOTEREF,
	BC_NODE_LINEBREAK,
	BC_NODE_DATE,
	BC_NODE_CITE,        /* "Quyết định số 12/QĐ-UBND ngày 13/11/2025": another document cited in the text */
	BC_NODE_TYPE_COUNT
} bc_node_type;

#define BC_NODE_FIRST_INLINE BC_NODE_TEXT

/* What a LINE node is.  Header roles keep source order inside META. */
typedef enum bc_role {
	BC_ROLE_NONE = 0,
	BC_ROLE_ISSUER,      /* "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG" */
	BC_ROLE_NUMBER,      /* "Số: 03 /CT-UBND" */
	BC_ROLE_SUMMARY,     /* "V/v ..." of a dispatch */
	BC_ROLE_DRAFT,       /* "(DỰ THẢO)" */
	BC_ROLE_URGENCY,     /* "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN" */
	BC_ROLE_MOTTO,       /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
	BC_ROLE_SLOGAN,      /* "Độc lập - Tự do - Hạnh phúc" */
	BC_ROLE_DATELINE,    /* "Hải Phòng, ngày 20 tháng 01 năm 2025" */
	BC_ROLE_DOCTYPE,     /* "BÁO CÁO", "CHỈ THỊ", ... */
	BC_ROLE_TITLE,       /* the title lines under the type */
	BC_ROLE_ADDRESSEE,   /* "Kính gửi: ..." */
	BC_ROLE_AUTHORITY,   /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" */
	BC_ROLE_POSITION,    /* "PHÓ CHỦ TỊCH" */
	BC_ROLE_SIGNER,      /* the signer's name */
	BC_ROLE_RECIPIENTS_LABEL, /* "Nơi nhận:" */
	BC_ROLE_APPX_LABEL,  /* "PHỤ LỤC I" */
	BC_ROLE_APPX_TITLE,  /* the appendix title lines */
	BC_ROLE_APPX_ATTACH, /* "(Kèm theo Báo cáo số 63/BC-UBND ngày ...)" */
	BC_ROLE_UNIT,        /* "Đơn vị tính: %" */
	/* the preamble of a decision or resolution (quyết định, nghị quyết), in BODY before its articles */
	BC_ROLE_COMPETENCE,  /* "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG": the issuing authority (thẩm quyền ban hành) */
	BC_ROLE_BASIS,       /* "Căn cứ ...;", "Xét ...;", "Theo đề nghị của ....": one basis (căn cứ ban hành) */
	BC_ROLE_ENACTING,    /* "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:": the enacting words before the articles */
	/* "XÁC THỰC VĂN BẢN HỢP NHẤT": a consolidated text's authentication, at its
	 * end, the issuer, number and dateline under or beside it (FORMAT.md §5.12a) */
	BC_ROLE_AUTHENTICATION,
	BC_ROLE_COUNT
} bc_role;

/* The kind of a numbering label, which fixes the section level. */
typedef enum bc_label_kind {
	BC_LABEL_NONE = 0,
	BC_LABEL_ROMAN,      /* I.  II.       level 1 */
	BC_LABEL_ARABIC,     /* 1.            level 2 */
	BC_LABEL_DOTTED2,    /* 1.1.          level 3 */
	BC_LABEL_DOTTED3,    /* 1.1.1.        level 4 */
	BC_LABEL_LETTER,     /* a) b) đ)      level 5 */
	BC_LABEL_PAREN,      /* (1) (2)       level 6 */
	BC_LABEL_STAR,       /* *)            level 7 */
	BC_LABEL_ARTICLE,    /* Điều 1.       level 1: an article of a decision or resolution */
	BC_LABEL_CHAPTER,    /* Chương I      level 1: a chapter of a legal text (nghị định, thông tư, quy chế), holding articles */
	BC_LABEL_SUBCHAPTER, /* Mục 1         level 2: a section of a chapter (mục), holding articles */
	BC_LABEL_PART,       /* Phần thứ nhất level 0: a part of a report (phần), holding its Roman sections */
	BC_LABEL_KIND_COUNT
} bc_label_kind;

typedef enum bc_doctype {
	BC_DOC_UNKNOWN = 0,
	BC_DOC_BAO_CAO,          /* báo cáo */
	BC_DOC_CHI_THI,          /* chỉ thị */
	BC_DOC_CHUONG_TRINH,     /* chương trình (hành động) */
	BC_DOC_KE_HOACH,         /* kế hoạch */
	BC_DOC_CONG_VAN,         /* công văn */
	BC_DOC_QUYET_DINH,       /* quyết định */
	BC_DOC_NGHI_QUYET,       /* nghị quyết */
	BC_DOC_THONG_BAO,        /* thông báo */
	BC_DOC_TO_TRINH,         /* tờ trình */
	BC_DOC_HUONG_DAN,        /* hướng dẫn */
	BC_DOC_DE_AN,            /* đề án */
	BC_DOC_BIEN_BAN,         /* biên bản */
	/* the other kinds of Nghị định 30, Phụ lục III, and the legal documents
	 * whose texts offices pass on (nghị định, thông tư) */
	BC_DOC_QUY_CHE,          /* quy chế */
	BC_DOC_QUY_DINH,         /* quy định */
	BC_DOC_THONG_CAO,        /* thông cáo */
	BC_DOC_PHUONG_AN,        /* phương án */
	BC_DOC_DU_AN,            /* dự án */
	BC_DOC_HOP_DONG,         /* hợp đồng */
	BC_DOC_CONG_DIEN,        /* công điện */
	BC_DOC_BAN_GHI_NHO,      /* bản ghi nhớ */
	BC_DOC_BAN_THOA_THUAN,   /* bản thỏa thuận */
	BC_DOC_GIAY_UY_QUYEN,    /* giấy ủy quyền */
	BC_DOC_GIAY_MOI,         /* giấy mời */
	BC_DOC_GIAY_GIOI_THIEU,  /* giấy giới thiệu */
	BC_DOC_GIAY_NGHI_PHEP,   /* giấy nghỉ phép */
	BC_DOC_PHIEU_GUI,        /* phiếu gửi */
	BC_DOC_PHIEU_CHUYEN,     /* phiếu chuyển */
	BC_DOC_PHIEU_BAO,        /* phiếu báo */
	BC_DOC_PHIEU_TRINH,      /* phiếu trình (an office's own form, not in Phụ lục III) */
	BC_DOC_KET_LUAN,         /* kết luận (a Party kind, Hướng dẫn 36) */
	BC_DOC_NGHI_DINH,        /* nghị định */
	BC_DOC_THONG_TU,         /* thông tư */
	BC_DOC_PHU_LUC,          /* phụ lục: an appendix sent as a file of its own, no document of its own before it */
	BC_DOC_TYPE_COUNT
} bc_doctype;

typedef enum bc_row_kind {
	BC_ROW_BODY = 0,
	BC_ROW_HEAD,
	BC_ROW_GROUP,        /* "15<TAB>Sở Tư pháp (07 nhiệm vụ)": a heading row */
	BC_ROW_TOTAL         /* "<TAB>Tổng cộng<TAB>120": the sum of the rows above */
} bc_row_kind;

/* What the parser decided about a header row printed again after a page
 * break (made once, in parse/table_head.c; every output and rule reads it). */
typedef enum bc_repeat {
	BC_REPEAT_NONE = 0,  /* not a repeat */
	BC_REPEAT_SAME,      /* every cell as written is the header's: nothing lost by leaving it out */
	BC_REPEAT_REWORDED   /* worded otherwise ("TT" for "STT", a typo): its words are kept and shown */
} bc_repeat;

typedef enum bc_align { BC_ALIGN_NONE = 0, BC_ALIGN_LEFT, BC_ALIGN_CENTER, BC_ALIGN_RIGHT } bc_align;

/* A string in the arena: bytes of UTF-8, NUL-terminated, length known. */
typedef struct bc_str {
	const char *s;
	size_t len;
} bc_str;

/* A calendar date as the text gives it; 0 where the text leaves it blank. */
typedef struct bc_date {
	int day, month, year;
} bc_date;

/* Source position: 1-based line; 1-based column in characters (code points). */
typedef struct bc_pos {
	uint32_t line;
	uint32_t col;
} bc_pos;

typedef struct bc_node bc_node;
struct bc_kind;

/* How a citation gives the cited document's date (the words after its number). */
typedef enum bc_cite_dated {
	BC_CITE_UNDATED = 0,  /* no "ngày" after the number */
	BC_CITE_UNREAD,       /* "ngày" follows, then no date */
	BC_CITE_PARTIAL,      /* "ngày 11/2025": month and year only */
	BC_CITE_FULL          /* "ngày 13/11/2025", "ngày 13 tháng 11 năm 2025" */
} bc_cite_dated;

/* One cell of a table row (FORMAT.md §8).  A table's cells are kept in their
 * rows' arrays, not as nodes: 24 bytes a cell where a CELL node and its TEXT
 * node took 176, for tables of a hundred thousand rows.  The parser decides
 * once what a cell holds: plain text (the words as written, a view into the
 * source or the arena, no NUL after them) or, when the inline parser found
 * structure in it (markup, a note mark, a date, a citation, a line break, a
 * fragment joined after a page break; or more than BC_CELL_MAX_TEXT bytes), a
 * CELL node holding its inline nodes.
 * Readers get a cell as a node from bc_cell_node or from the tree iterator,
 * which walks a row's cells as if they were its children. */
enum {
	BC_CELL_CONTENT = 1,   /* u.content holds the cell's inline nodes; else u.text and len are its plain text */
	BC_CELL_NUMBER = 2     /* a figure: its value in plain decimal is bc_cell_value's */
};
#define BC_CELL_MAX_TEXT ((1u << 24) - 1)   /* longer plain text is kept as a CELL node's */
#define BC_CELL_MAX_ROWSPAN 65535            /* rows one cell spans at most (FORMAT.md §14) */
typedef struct bc_cell {
	union {
		const char *text;
		bc_node *content;
	} u;
	bc_pos pos;
	/* 24 bytes a cell: the rest in one word of bits (columns are at most
	 * 512, BC_MAX_TABLE_COLUMNS; a uint64_t bit-field, as GCC and Clang allow) */
	uint64_t len : 24;     /* plain text's bytes (content NULL), at most BC_CELL_MAX_TEXT */
	uint64_t align : 2;    /* bc_align */
	uint64_t flags : 2;    /* BC_CELL_CONTENT, BC_CELL_NUMBER */
	uint64_t col : 10;
	uint64_t colspan : 10;
	uint64_t rowspan : 16; /* at most BC_CELL_MAX_ROWSPAN */
} bc_cell;

/* The data of a LINE node (as.line). */
struct bc_line_data {
	bc_role role;
	bc_doctype doctype;   /* DOCTYPE, APPX_ATTACH: which document */
	bc_str number;        /* NUMBER, APPX_ATTACH: "03" (may be empty) */
	bc_str symbol;        /* NUMBER, APPX_ATTACH: "CT-UBND" */
	/* NUMBER, APPX_ATTACH: the year a legal normative document's number
	 * carries between number and symbol ("30/2020/NĐ-CP": "2020"); the
	 * symbol (ký hiệu, Nghị định 30 Phụ lục I: the type's and the issuer's
	 * codes) is what follows it */
	bc_str year;
	bc_str place;         /* DATELINE */
	bc_date date;         /* DATELINE, APPX_ATTACH */
	bc_str label;         /* APPX_LABEL: "I", "II", ""; ADDRESSEE: the line's text when it is a công
	                       * điện's label "VĂN PHÒNG CHÍNH PHỦ điện:" (the list's, naming no one) */
	/* DATELINE: where the place ends and the date begins, decided by
	 * the parser for every output: at the first comma of the line's
	 * own text, else after the place it read.  split: the TEXT child
	 * holding that point (NULL: no place, the line is all date);
	 * place_cut: its bytes that end the place (spaces before the comma
	 * left out); date_from: where the date's words start in it. */
	const bc_node *split;
	uint32_t place_cut, date_from;
	/* NUMBER, DATELINE: the line looks like one (starts "Số:", reads
	 * "… ngày … năm 2026") but its parts could not be read (OCR, a
	 * slip): no number, symbol, place or date are given */
	int unread;
	/* TITLE, AUTHORITY, SIGNER: the line as the text has it when the parser
	 * left a scan's specks out of what it read ("7 Quy dinh va …",
	 * "TL. CỤC TRƯỞNG l", "=“ZThái Văn Tài"): kept so that nothing of the
	 * input is lost; empty otherwise */
	bc_str read;
	/* A META line that stands in a consolidated text's authentication block at
	 * its end (the AUTHENTICATION line and the issuer, number and dateline
	 * read from that block), not in the header at the top: the PDF sets them
	 * there, and an issuer at the end names the document only when the top
	 * names none (bc_issuer_line) */
	int at_end;
};

/* The data of a CITE node (as.cite). */
struct bc_cite_data {
	const struct bc_kind *kind;
	bc_str number;
	bc_pos number_pos;
	bc_cite_dated dated;
	bc_date date;
	bc_str date_text;
	bc_pos date_pos;
};

struct bc_node {
	bc_node_type type;
	bc_pos pos;
	uint32_t end_line;       /* last source line the node covers */
	bc_node *parent, *first, *last, *prev, *next;
	union {
		/* run_in: an ARTICLE whose label line goes on as text: its first
		 * PARAGRAPH after the (empty) HEADING starts on the label's line. */
		/* delim: the mark after the label as written when it is not the
		 * kind's own: '-' for "I-", "1-" (the Party's style), '/' for "2/"; else 0 */
		struct { int level; bc_label_kind kind; bc_str label; int run_in; char delim; } section;
		/* label: "1" for "(1) ...", "a" for "a) ..."; empty when none.
		 * joined_at: first source line of a part rejoined after a page
		 * break (0 if none).  hard_wrapped: built from several wrapped lines. */
		struct { bc_str label; bc_label_kind kind; uint32_t joined_at; int hard_wrapped; char delim; } para;
		struct { char bullet; } list;              /* '-', '+', or 0 */
		struct { char bullet; bc_label_kind kind; bc_str label; } item;
		struct { int cols; int head_rows; int repeats_removed; bc_str unit; } table;
		/* repeat: a header row printed again after a page break, and how (bc_repeat);
		 * repeat_of: which header row it prints again, from 1 (0 when not a repeat).
		 * written, fields: the cells a body row's source line writes (tab-separated,
		 * or between pipes), without and with the empty fields at its end, before
		 * the builder pads or joins them; 0 when the line is neither. */
		/* cells, ncells: the row's cells, in the row's array (bc_cell above), not
		 * as children: a ROW has no child nodes.  kind: bc_row_kind; repeat:
		 * bc_repeat (bytes, to keep the node small). */
		struct {
			bc_cell *cells;
			uint32_t ncells;
			uint32_t fragment_merged;
			int repeat_of;
			int written, fields;
			uint8_t kind, repeat;
		} row;
		/* A CELL node is a cell's inline content (bc_cell.content, its parent the
		 * row) or a view of a plain cell (bc_cell_node); its data repeats the
		 * cell's.  value: plain decimal for numeric cells ("7.944,5" -> "7944.5"), else empty. */
		struct { int colspan, rowspan, col; bc_align align; bc_str value; } cell;
		/* LINE: kept out of the node (bc_line_data above), which keeps every other
		 * node small: a table of 100 000 rows has a million nodes */
		struct bc_line_data *line;
		struct { bc_str label; } appendix;          /* "I", "II", or "" */
		/* beside: the SIGNATURE stands beside the one before it, the two set
		 * side by side (a biên bản's THƯ KÝ and CHỦ TRÌ); the right one signs
		 * for the document (bc_facts.signature) */
		struct { int beside; } signature;
		/* HEADING of a chapter whose label OCR garbled: the word and the
		 * number as the text has them ("Chương VỊ" for the section's "VI",
		 * "ChươngV" for "V"); empty otherwise */
		struct { bc_str label_read; } heading;
		struct { int id; bc_str mark; } note;       /* mark as written: "¹", "<sup>1</sup>", "[^1]" */
		struct { int id; bc_node *note; } noteref;  /* note: resolved target, NULL if none */
		struct { bc_str literal; } text;
		/* an inline date after "ngày" (FORMAT.md §7.6).  invalid: not
		 * bc_date_plausible (31/02/2026, 1800), set by the parser; such a date
		 * is written by every output as its text, and reported by the checker.
		 * 0 (a date) in a node made by hand. */
		struct { bc_date date; int invalid; } date;
		/* a citation (FORMAT.md §7.7), its words as children.  kind: the row of
		 * the kinds table whose word it starts with (model/vocab.h); number: as
		 * written, "03 /CT-UBND"; date: read when dated is FULL (the day, month
		 * and year as written, real or not), month and year when PARTIAL;
		 * date_text: from "ngày" to the date's end, when dated is PARTIAL. */
		struct bc_cite_data *cite;   /* CITE: out of the node, as line */
	} as;
};

/* Facts gathered from the header and closing, for quick access. */
typedef struct bc_meta_index {
	bc_node *doctype, *title, *number, *dateline, *draft, *urgency, *summary;
	bc_node *issuer_first, *issuer_last;
	bc_node *signer, *position, *authority_first;
	bc_node *recipients;
	bc_node *enacting;      /* LINE(ENACTING) of a decision or resolution */
} bc_meta_index;

typedef struct bc_document {
	bc_arena arena;
	bc_node *root;          /* DOCUMENT */
	bc_node *meta, *body, *closing, *notes;
	bc_meta_index idx;
	const char *filename;   /* as given on the command line, for messages */
	const char *text;       /* the decoded NFC UTF-8 source */
	size_t text_len;
	uint32_t line_count;
	int explicit_form;      /* the source began with a metadata block */
	char source_encoding[24]; /* "UTF-8", "UTF-16LE", "CP1258", "TCVN" */
	/* The archival facts (model/facts.h), worked out from the finished tree on
	 * first use by bc_document_facts and kept with the document, so that every
	 * output reads the same answers. */
	struct bc_facts *facts;
	/* What the restore stage (restore/restore.h) undid before the text was
	 * read: the shape, and each line it dropped or changed.  Owned by the
	 * caller; NULL when the stage did not run. */
	const struct bc_restore *restore;
	/* --profile: the rules the user says the document follows, whatever its
	 * text shows: 0 decide from the text (facts.c), 1 the state's, 2 the
	 * Party's.  Set with bc_document_set_profile, read only by the facts. */
	int profile;
} bc_document;

/* Node construction and tree edits (model/node.c). */
bc_node *bc_node_new(bc_document *doc, bc_node_type type, bc_pos pos);
/* A node the program made up, standing for no text of the source (the closing
 * container, the notes, the explicit form's motto and slogan): its position is
 * 0:0, which `tree` shows as "@-" and the XML replaces by its parent's line. */
bc_node *bc_node_made_up(bc_document *doc, bc_node_type type);
int bc_node_is_made_up(const bc_node *n);
void bc_node_append(bc_node *parent, bc_node *child);
void bc_node_prepend(bc_node *parent, bc_node *child);
void bc_node_insert_after(bc_node *sibling, bc_node *node);
void bc_node_unlink(bc_node *node);
bc_str bc_str_dup(bc_document *doc, const char *s, size_t len);
bc_node *bc_text_new(bc_document *doc, bc_pos pos, const char *s, size_t len);
int bc_node_is_inline(const bc_node *n);
/* A SECTION, ARTICLE, CLAUSE or POINT: the nodes whose data is as.section. */
int bc_node_is_section(const bc_node *n);

/* Plain text of a node's inline content, appended into a caller's buffer. */
struct bc_buf;
void bc_node_plain_text(const bc_node *n, struct bc_buf *out);

const char *bc_node_type_name(bc_node_type t);
const char *bc_role_name(bc_role r);
const char *bc_label_kind_name(bc_label_kind k); /* "roman", "arabic", ... "article" */
const char *bc_repeat_name(bc_repeat r);        /* "none", "same", "reworded" */
const char *bc_doctype_name(bc_doctype t);      /* "BÁO CÁO" */
const char *bc_doctype_code(bc_doctype t);      /* "BC" for "Số: 63/BC-UBND" */
/* The document's type: its type line, else a dispatch when it has a "V/v" summary, else a phụ lục when it is an
 * appendix alone, else unknown. */
bc_doctype bc_document_type(const bc_document *doc);
int bc_label_level(bc_label_kind k);
/* A division of the text whose label stands on a line of its own with its title under it: a chapter (Chương),
 * a section of a chapter (Mục), a report's part (Phần). */
int bc_label_is_division(bc_label_kind k);

/* An enter/exit iterator over the tree, as cmark's. */
typedef enum { BC_EV_NONE = 0, BC_EV_DONE, BC_EV_ENTER, BC_EV_EXIT } bc_event;
/* A plain cell seen as a node: a CELL with one TEXT child (none when empty),
 * made in the caller's memory.  value: the cell's value, NUL-terminated. */
typedef struct bc_cell_view {
	bc_node cell, text;
	char value[224];
} bc_cell_view;

/* A cell as a node: its CELL content node, or the view `v` filled in (valid
 * while v is); cell and row data as the node's own (as.cell). */
const bc_node *bc_cell_node(const bc_cell *c, const bc_node *row, bc_cell_view *v);
/* A numeric cell's value in plain decimal ("7.944,5" -> "7944.5") into out
 * (NUL-terminated); its length, 0 when the cell is no figure. */
size_t bc_cell_value(const bc_cell *c, char *out, size_t outsize);
/* A table whose rows were given CELL children (a model made by a program, a
 * test): each row's CELL children become its cells, with their inline nodes
 * as content and their data (col, spans, align, value) as the cells'. */
void bc_table_adopt_cells(bc_document *doc, bc_node *table);
/* Room for n cells at the end of a row's array (parse/table*.c). */
bc_cell *bc_row_reserve(bc_document *doc, bc_node *row, size_t n);

/* The iterator walks a row's cells as the row's children: each CELL (a
 * content node, or a view in the iterator: valid until the next step) and its
 * inline nodes.  cell: the bc_cell of the CELL being walked, or NULL. */
typedef struct bc_iter {
	bc_node *root, *cur;
	bc_event ev;
	bc_node *row;          /* the row whose cells are walked, or NULL */
	uint32_t ci;           /* the index of the cell being walked in row */
	bc_cell *cell;
	bc_cell_view view;
} bc_iter;
void bc_iter_init(bc_iter *it, bc_node *root);
bc_event bc_iter_next(bc_iter *it);   /* then it->cur is the node */
int bc_node_is_leaf(const bc_node *n); /* nodes entered without exit: TEXT, LINEBREAK, RULE */

/* The tree-shape verifier (model/verify.c): 0 when every link, nesting and
 * fact the outputs rely on holds; else -1 and what is wrong, with the node's
 * position, in err. */
int bc_document_verify(const bc_document *doc, char *err, size_t errsize);

bc_document *bc_document_new(const char *filename);
void bc_document_free(bc_document *doc);
void bc_document_free_facts(bc_document *doc);   /* model/facts.c; by bc_document_free */
/* Forces the family the facts give (0 from the text, 1 state, 2 Party): --profile (model/facts.c). */
void bc_document_set_profile(bc_document *doc, int profile);

#endif
