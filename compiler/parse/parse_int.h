/* parse_int.h — what the parser's phases share: blocks, the parser's state, the tree builder's state. */
#ifndef BAOCAO_PARSE_INT_H
#define BAOCAO_PARSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "../diag/diag.h"
#include "../lex/lines.h"
#include "../lex/patterns.h"
#include "../model/report.h"
#include "../util/buf.h"
#include "inline.h"
#include "table.h"

/*
 * The parser runs in phases, in this order, one file each; parse.c drives them:
 *   header.c or meta.c   the header block (plain form) or the metadata block (explicit form)
 *   blocks.c             lines to blocks (blk): runs of lines that are one paragraph, item, table...
 *   joins.c              which numbered blocks are headings; blocks a page break cut apart joined again
 *   tree.c               blocks to nodes
 *   notes.c              footnotes: NOTE nodes, then references resolved to them at the end
 * decision.c holds what is particular to a decision's body (its lines' kinds
 * come from bc_lines_mark_decision in lex/lines.c): its blocks in phase 1,
 * its articles, clauses and points in the tree.  Tables are built by
 * table.c (with table_cells.c, table_head.c, table_rows.c), which tree.c calls.
 */

/* What a run of lines is, before the tree is built. */
typedef enum {
	B_PARA, B_HEADING, B_NUMPARA, B_ITEM, B_NOTE, B_TABLE, B_RULE, B_UNIT,
	B_RECIP_LABEL, B_RECIP_ITEM, B_AUTHORITY, B_POSITION, B_SIGNER,
	B_SIGN_SPACE,           /* a line of a form's signature box, the signature's own: "......", "Ngày … tháng 9 năm 2025" */
	B_APPX, B_APPX_TITLE, B_ATTACH,
	B_APPX_HEAD,            /* an attached text's own header line: issuer, motto, slogan (role) */
	B_AUTHENTICATION,       /* "XÁC THỰC VĂN BẢN HỢP NHẤT" (a META line): where the closing opens */
	/* the body of a decision or resolution */
	B_COMPETENCE, B_BASIS, B_ENACTING, B_ARTICLE, B_CLAUSE, B_POINT,
	B_CHAPTER       /* "Chương I" or "Mục 1" with its title */
} blk_kind;

typedef struct blk {
	blk_kind kind;
	size_t first, last;     /* line indices; for joined blocks see segs */
	bc_seg *segs;           /* the text pieces, in order */
	size_t nseg, segcap;
	char bullet;
	int note_id;
	const bc_line *label_line;
	bc_table_line *rows;    /* B_TABLE */
	size_t nrows, rowcap;
	uint32_t joined_at;     /* line where a page-split continuation was joined */
	int owner_note;         /* index of the NOTE block this block continues, or -1 */
	int dead;               /* merged into another block */
	int hard_wrapped;
	bc_role role;           /* B_APPX_HEAD: the header part the line is */
	/* a labelled block whose label line may end a heading (phase 1: the line
	 * does not end a sentence or a clause and the next one starts with a
	 * capital): the segment where the text after the heading starts, 0 when
	 * none; cut_short when the label line is well short of the line after it */
	size_t cut_seg;
	int cut_short;
	int run_in;             /* a heading whose text runs on after the label (I. Thời gian: …) */
	int lean;               /* phase 2: a numbered block's own shape, heading (1), sentence (-1) or either (0) */
	/* a LINE block whose text leaves out a scan's specks: the text as read,
	 * specks and all (the LINE node's `read`, in the document's arena) */
	bc_str read;
	/* a signature's first line that stands beside the signature before it
	 * (THƯ KÝ and CHỦ TRÌ of a biên bản, typed side by side): a SIGNATURE of its own */
	int beside;
} blk;


typedef struct parser {
	bc_document *doc;
	bc_diags *diags;
	bc_lines lines;
	blk *b;
	size_t nb, cap;
	bc_inline_ctx icx;
	bc_node *meta_signature;  /* from the explicit form's metadata block */
	int decision;             /* the body of a decision or resolution: its lines were re-read (bc_lines_mark_decision) */
	/* what made the text (the restore stage's shape): how a blank line in a sentence reads */
	int pdf_text;             /* a PDF's extraction: its joins are the converter's, counted, not warned */
	int word_text;            /* a Word file's text: paragraphs are whole, a blank line is never a page break */
	size_t pdf_joins;
	bc_pos first_join;
	/* reading a consolidated text's authentication block: the header lines
	 * made now stand at its end (bc_line_data.at_end) */
	int at_end;
} parser;


/* The text of a line from `off` to the end of its content (trailing spaces trimmed). */
static inline size_t content_end(const bc_line *l)
{
	size_t e = l->len;
	while (e > 0 && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t'))
		e--;
	return e;
}

static inline size_t core_end(const bc_line *l) { return l->core + l->core_len; }

/* Punctuation that ends a sentence or a clause. */
static inline int is_terminal(uint32_t cp)
{
	return cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026;
}

typedef struct builder {
	bc_node *root;                  /* BODY or APPENDIX */
	bc_node *sect[BC_LABEL_KIND_COUNT + 1]; /* open sections, outermost first; each kind at most once */
	int nsect;
	bc_node *list, *sublist;        /* the list being filled, and a nested "+" list */
	char list_bullet;
	bc_node *unit_node;
} builder;

/* Where the tree is being built: the open container, and the closing's parts. */
typedef struct tree_state {
	builder bd;
	bc_node **note_of;              /* NOTE node made from each NOTE block, by block index */
	bc_node *signature, *recipients, *appendix;
	int in_closing;
} tree_state;

/* attached.c */
void bp_find_attached(parser *p);
/* attached.c: the issuer's name repeated over an appendix's label line, the appendix's header line */
void bp_find_appendix_heads(parser *p);

/* tree.c */
char bp_label_delim(const bc_line *l);

/* blocks.c */
blk *bp_new_blk(parser *p, blk_kind k, size_t line);
void bp_add_line_text(blk *b, const bc_line *l, size_t off, int whole);
void bp_fix_breaks(blk *b);
blk *bp_line_blk(parser *p, blk_kind k, size_t line);
void bp_collect_blocks(parser *p, size_t i);

/* joins.c */
uint32_t bp_first_cp(const blk *b);
uint32_t bp_last_cp(const blk *b);
/* The last code point of a line's core (0 for an empty core), and its first. */
uint32_t bp_line_last_cp(const bc_line *l);
uint32_t bp_line_first_cp(const bc_line *l);
void bp_decide_headings(parser *p);
void bp_attach_continuations(parser *p);

/* decision.c */
int bp_is_decision(const bc_document *doc);
blk *bp_decision_blk(parser *p, size_t *i);
void bp_add_preamble_line(parser *p, builder *bd, blk *b);
void bp_add_article(parser *p, builder *bd, blk *b);
void bp_add_clause(parser *p, builder *bd, blk *b);
size_t bp_chapter_blk(parser *p, size_t i);
void bp_add_chapter(parser *p, builder *bd, blk *b);

/* tree.c */
bc_pos bp_blk_pos(const parser *p, const blk *b);
void bp_fill_inline(parser *p, bc_node *n, blk *b);
bc_node *bp_line_node(parser *p, bc_role role, blk *b);
bc_str bp_dup(parser *p, const char *s, size_t n);
void bp_set_code(parser *p, bc_node *n, const char *num, size_t numlen, const char *sym, size_t symlen);
void bp_plain(const bc_node *n, bc_buf *out);
bc_node *bp_container(builder *bd);
void bp_close_for(builder *bd, bc_label_kind k);
void bp_end_list(builder *bd);
bc_str bp_label_str(parser *p, const bc_line *l);
void bp_add_item(parser *p, builder *bd, blk *b, bc_node *root_override);
bc_node *bp_make_para(parser *p, blk *b);
void bp_add_body_block(parser *p, builder *bd, blk *b);
bc_node *bp_closing_node(parser *p);
void bp_build_tree(parser *p);

/* notes.c */
char bp_note_bullet(const blk *b);
int bp_has_noteref(const blk *b);
void bp_add_note(parser *p, tree_state *ts, size_t k);
void bp_resolve_notes(parser *p);
/* A note the restore stage found at the foot of a PDF's page (its text
 * whole, footnotes.c): the last input line of its span; else 0. */
uint32_t bp_note_span_end(const parser *p, const blk *note);
/* Block b starts at or before input line `last`. */
int bp_in_note_span(const parser *p, const blk *b, uint32_t last);

/* header.c */
void bp_unwrap_dates(bc_node *n);

size_t bp_parse_header(parser *p, size_t i);
/* "XÁC THỰC VĂN BẢN HỢP NHẤT" at line i: 1 when the line holds those words. */
int bp_is_authentication(const bc_line *l);
/* The line of "XÁC THỰC VĂN BẢN HỢP NHẤT" a few lines below line i when
 * line i and those between are the block's body name or number, read before
 * the words (a PDF's text); else 0. */
size_t bp_authentication_below(parser *p, size_t i);
/* A consolidated text's authentication block from line i (header.c), its
 * words at line `words` (i itself, or bp_authentication_below's): the words,
 * its issuer, number and dateline as the header's lines at its end (at_end),
 * and a block that opens the closing.  Returns the line after it. */
size_t bp_authentication_blocks(parser *p, size_t i, size_t words);

/* meta.c */
size_t bp_parse_meta_block(parser *p);
void bp_place_meta_signature(parser *p);

#endif
