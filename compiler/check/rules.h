/* rules.h — what the rule files of the checker share: the context, rule sets, gathered block text and label helpers. */
#ifndef BAOCAO_RULES_H
#define BAOCAO_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "../model/report.h"
#include "../util/buf.h"
#include "../diag/diag.h"
#include "../model/vocab.h"
#include "../util/fold.h"

/* The text of one block (PARAGRAPH, ITEM, HEADING, CELL, LINE) as its words
 * read, with the TEXT node each byte came from, so findings get exact positions. */
/* A footnote mark reads as the byte 0x01, a line break as a space. */
typedef struct bc_text_span {
	size_t off, len;          /* bytes of buf */
	const bc_node *node;      /* the TEXT node, or NULL for a line break */
} bc_text_span;

typedef struct bc_block_text {
	const bc_node *block;
	bc_buf buf;
	bc_text_span *spans;
	size_t nspans, cap;
} bc_block_text;

typedef struct bc_check_ctx {
	const bc_document *doc;
	bc_diags *diags;
	uint32_t *line_off;       /* byte offset of each source line's start, 1-based */
	uint32_t nlines;
	const bc_node *appendix;  /* the APPENDIX being walked, or NULL */
	int in_body;              /* inside BODY */
} bc_check_ctx;

/* A rule set: per-document state, hooks on entering nodes of given types, a
 * hook for each text block, and a last look at the whole document. */
typedef struct bc_rule_set {
	const char *name;
	void *(*begin)(bc_check_ctx *cx);
	void (*on_node[BC_NODE_TYPE_COUNT])(bc_check_ctx *cx, void *st, const bc_node *n);
	void (*on_text)(bc_check_ctx *cx, void *st, const bc_block_text *t);
	void (*end)(bc_check_ctx *cx, void *st);   /* also frees the state */
} bc_rule_set;

extern const bc_rule_set bc_rules_numbering, bc_rules_notes, bc_rules_tables, bc_rules_header, bc_rules_refs,
	bc_rules_text;
extern const bc_rule_set bc_rules_decision;   /* rules_decision.c: quyết định, nghị quyết */
extern const bc_rule_set bc_rules_party;      /* rules_party.c: the Party's format, on Party documents */

/* Source position of byte `off` of a block's text. */
bc_pos bc_text_pos(const bc_check_ctx *cx, const bc_block_text *t, size_t off);
/* The text of a node's inline content, plain (for blocks outside the text hooks). */
void bc_text_gather(bc_block_text *t, const bc_node *block);
void bc_text_free(bc_block_text *t);

#endif
