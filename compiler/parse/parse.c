/* parse.c — the parser's driver: the header or metadata block, then blocks, joins and the tree, then notes resolved. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

bc_document *bc_parse(const char *filename, const char *text, size_t len, bc_diags *diags)
{
	parser p;
	memset(&p, 0, sizeof p);
	bc_document *doc = bc_document_new(filename);
	bc_arena_reserve(&doc->arena, len * 8);   /* 3 to 9 bytes of nodes a byte of text on the seeds */
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

	size_t i = 0;
	if (p.lines.n && p.lines.v[0].kind == BC_LK_META_FENCE) {
		size_t close = 1;
		while (close < p.lines.n && !(p.lines.v[close].len == 3 && memcmp(p.lines.v[close].s, "---", 3) == 0))
			close++;
		if (close < p.lines.n) {
			/* the explicit form: the block is the header, the text after it is all body */
			i = bp_parse_meta_block(&p);
		} else {
			/* without its closing fence the block is not metadata: read it as text */
			bc_diag_add(diags, BC_E_META_UNCLOSED, (bc_pos){ 1, 1 }, NULL);
			p.lines.v[0].kind = p.lines.v[0].base = BC_LK_RULE;
			i = bp_parse_header(&p, 0);
		}
	} else {
		i = bp_parse_header(&p, i);
	}
	if (i < p.lines.n)
		doc->body->pos = (bc_pos){ p.lines.v[i].no, 1 };
	bc_node_append(doc->root, doc->body);

	if (bp_is_decision(doc)) {
		bc_lines_mark_decision(&p.lines, i);
		p.decision = 1;
	}
	bp_collect_blocks(&p, i);
	bp_decide_headings(&p);
	bp_attach_continuations(&p);
	bp_build_tree(&p);
	if (p.meta_signature && doc->closing) {
		int has_sig = 0;
		for (bc_node *c = doc->closing->first; c; c = c->next)
			has_sig |= c->type == BC_NODE_SIGNATURE;
		/* the metadata block states the signature; the text's own block, if any, wins */
		if (!has_sig)
			bc_node_append(doc->closing, p.meta_signature);
	} else if (p.meta_signature) {
		bc_node *c = bc_node_new(doc, BC_NODE_CLOSING, p.meta_signature->pos);
		bc_node_append(c, p.meta_signature);
		/* the closing comes before any appendix */
		bc_node *first_appx = doc->body->next;
		if (first_appx) {
			bc_node_insert_after(doc->body, c);
		} else {
			bc_node_append(doc->root, c);
		}
		doc->closing = c;
	}
	if (doc->notes)
		bc_node_append(doc->root, doc->notes);
	bp_resolve_notes(&p);

	for (size_t k = 0; k < p.nb; k++) {
		free(p.b[k].segs);
		free(p.b[k].rows);
	}
	free(p.b);
	bc_lines_free(&p.lines);
	return doc;
}
