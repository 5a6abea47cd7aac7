/* parse.c — the parser's driver: the header or metadata block, then blocks, joins and the tree, then notes resolved. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "parse_int.h"
#include "../restore/restore.h"

/* The explicit form's metadata block, or else the header of the plain form.
 * Returns the first line of the body. */
static size_t read_header(parser *p)
{
	bc_lines *L = &p->lines;
	if (!L->n || L->v[0].kind != BC_LK_META_FENCE)
		return bp_parse_header(p, 0);
	size_t close = 1;
	while (close < L->n && !(L->v[close].len == 3 && memcmp(L->v[close].s, "---", 3) == 0))
		close++;
	if (close < L->n)   /* the explicit form: the block is the header, the text after it is all body */
		return bp_parse_meta_block(p);
	/* without its closing fence the block is not metadata: read it as text */
	bc_diag_add(p->diags, BC_E_META_UNCLOSED, (bc_pos){ 1, 1 }, NULL);
	L->v[0].kind = L->v[0].base = BC_LK_RULE;
	return bp_parse_header(p, 0);
}

bc_document *bc_parse(const char *filename, const char *text, size_t len, bc_diags *diags)
{
	return bc_parse_restored(filename, text, len, NULL, diags);
}

bc_document *bc_parse_restored(const char *filename, const char *text, size_t len, const bc_restore *restore,
                               bc_diags *diags)
{
	parser p;
	memset(&p, 0, sizeof p);
	bc_document *doc = bc_document_new(filename);
	doc->restore = restore;
	p.pdf_text = restore && restore->shape == BC_SHAPE_PDF;
	p.word_text = restore && (restore->shape == BC_SHAPE_MARKDOWN || restore->shape == BC_SHAPE_WORD);
	bc_arena_reserve(&doc->arena, len * 3);   /* 3 to 9 bytes of nodes a byte of text on the seeds */
	doc->text = text;
	doc->text_len = len;
	p.doc = doc;
	p.diags = diags;
	p.icx.doc = doc;
	p.icx.diags = diags;
	bc_lines_split(&p.lines, text, len, diags);
	doc->line_count = p.lines.n ? p.lines.v[p.lines.n - 1].no : 0;

	doc->meta = bc_node_new(doc, BC_NODE_META, (bc_pos){ 1, 1 });
	doc->body = bc_node_new(doc, BC_NODE_BODY, (bc_pos){ 1, 1 });
	bc_node_append(doc->root, doc->meta);

	size_t i = read_header(&p);
	if (i < p.lines.n) {
		/* the body starts after the header; an empty body ends where it starts */
		doc->body->pos = (bc_pos){ p.lines.v[i].no, 1 };
		doc->body->end_line = doc->body->pos.line;
	}
	bc_node_append(doc->root, doc->body);

	if (bp_is_decision(doc)) {
		bc_lines_mark_decision(&p.lines, i);
		p.decision = 1;
	} else {
		bc_lines_mark_parts(&p.lines, i);
	}
	bp_collect_blocks(&p, i);
	bp_find_attached(&p);
	bp_find_appendix_heads(&p);
	bp_decide_headings(&p);
	bp_attach_continuations(&p);
	bp_build_tree(&p);
	bp_place_meta_signature(&p);
	if (doc->notes)
		bc_node_append(doc->root, doc->notes);
	bp_resolve_notes(&p);
	/* a PDF's blank lines inside sentences: one note for all the joins, not a warning each */
	if (p.pdf_joins)
		bc_diag_add(diags, BC_N_RESTORE_JOIN, p.first_join, "%zu", p.pdf_joins);

	for (size_t k = 0; k < p.nb; k++) {
		free(p.b[k].segs);
		free(p.b[k].rows);
	}
	free(p.b);
	bc_lines_free(&p.lines);
	return doc;
}
