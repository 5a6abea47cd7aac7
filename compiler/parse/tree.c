/* tree.c — phase 3 of the parser: blocks to the report tree (sections, lists, tables, closing, appendices). */
#include "parse_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "../model/vocab.h"

bc_pos bp_blk_pos(const parser *p, const blk *b)
{
	if (b->nseg)
		return b->segs[0].pos;
	return (bc_pos){ p->lines.v[b->first].no, p->lines.v[b->first].col0 };
}

void bp_fill_inline(parser *p, bc_node *n, blk *b)
{
	bc_inline_parse(&p->icx, n, b->segs, b->nseg);
	n->end_line = p->lines.v[b->last].no;
}

bc_node *bp_line_node(parser *p, bc_role role, blk *b)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_LINE, bp_blk_pos(p, b));
	n->as.line->role = role;
	n->as.line->read = b->read;
	bp_fill_inline(p, n, b);
	return n;
}

bc_str bp_dup(parser *p, const char *s, size_t n) { return bc_str_dup(p->doc, s, n); }

/* A number line's or a reference's number and symbol, decided once for every
 * output: a legal normative document numbers "30/2020/NĐ-CP" (Luật Ban hành
 * văn bản quy phạm pháp luật, Art. 8: number, year, then the symbol), and
 * the symbol is "NĐ-CP" as Nghị định 30 defines it, the year a part of its
 * own.  num may be NULL (no number given). */
void bp_set_code(parser *p, bc_node *n, const char *num, size_t numlen, const char *sym, size_t symlen)
{
	if (num)
		n->as.line->number = bp_dup(p, num, numlen);
	if (symlen > 5 && sym[4] == '/' && bc_arabic_value(sym, 4) >= 1945 && bc_arabic_value(sym, 4) <= 2100) {
		n->as.line->year = bp_dup(p, sym, 4);
		sym += 5;
		symlen -= 5;
	}
	n->as.line->symbol = bp_dup(p, sym, symlen);
}

/* "Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026" and "Số: 03 /CT-UBND". */
static void parse_ref(parser *p, bc_node *n, const char *s, size_t len)
{
	size_t ov[16];
	if (bc_pattern_search(BC_PAT_DOC_REF, s, len, 0, ov, 8)) {
		bp_set_code(p, n, s + ov[2], ov[3] - ov[2], s + ov[4], ov[5] - ov[4]);
	} else {
		/* "số -CTr/TU": a blank number in a draft */
		const char *q = NULL;
		for (size_t i = 0; i + 4 <= len; i++)
			if (memcmp(s + i, "số ", 4) == 0) { q = s + i + 4; break; }
		if (q) {
			const char *e = q;
			while (e < s + len && *e == ' ')
				e++;
			if (e < s + len && (*e == '/' || *e == '-')) {
				e++;
				const char *f = e;
				while (f < s + len && *f != ' ')
					f++;
				bp_set_code(p, n, NULL, 0, e, (size_t)(f - e));
			}
		}
	}
	bc_date d = { 0, 0, 0 };
	if (bc_parse_date_words(s, len, &d))
		n->as.line->date = d;
	/* the parent document's kind: the first row of the kinds table, in its order, whose word stands near the start */
	size_t nk;
	const bc_kind *kinds = bc_kinds(&nk);
	for (size_t k = 0; k < nk; k++) {
		if (!(kinds[k].flags & BC_KIND_ATTACH))
			continue;
		size_t wl = strlen(kinds[k].word);
		for (size_t i = 0; i + wl <= len && i < 40; i++)
			if (memcmp(s + i, kinds[k].word, wl) == 0) {
				n->as.line->doctype = kinds[k].type;
				return;
			}
	}
}

void bp_plain(const bc_node *n, bc_buf *out)
{
	bc_buf_clear(out);
	bc_node_plain_text(n, out);
}

bc_node *bp_container(builder *bd)
{
	return bd->nsect ? bd->sect[bd->nsect - 1] : bd->root;
}

static int is_major(bc_label_kind k)
{
	return k == BC_LABEL_ROMAN || k == BC_LABEL_ARABIC || k == BC_LABEL_DOTTED2 || k == BC_LABEL_DOTTED3;
}

/* Closes the sections a label of kind k ends: back to an open section of the
 * same kind; for I, 1, 1.1, 1.1.1 everything of their rank or below; minor
 * labels (a), (1), *) end nothing, since offices nest them in either order. */
void bp_close_for(builder *bd, bc_label_kind k)
{
	for (int i = bd->nsect - 1; i >= 0; i--)
		if (bd->sect[i]->as.section.kind == k) {
			bd->nsect = i;
			return;
		}
	if (!is_major(k))
		return;
	int rank = bc_label_level(k);
	while (bd->nsect && bc_label_level(bd->sect[bd->nsect - 1]->as.section.kind) >= rank)
		bd->nsect--;
}

void bp_end_list(builder *bd)
{
	bd->list = bd->sublist = NULL;
	bd->list_bullet = 0;
}

bc_str bp_label_str(parser *p, const bc_line *l)
{
	char r[16];
	/* a chapter's number read through OCR damage: the number, not the specks */
	if (l->label_value && bc_roman_format(l->label_value, r, sizeof r))
		return bp_dup(p, r, strlen(r));
	return bp_dup(p, l->s + l->label, l->label_len);
}

/* "I-", "1-", "2/": the mark the author put after a Roman or Arabic label
 * when it is not the dot, kept so that every output writes it as written. */
char bp_label_delim(const bc_line *l)
{
	if (l->label_kind != BC_LABEL_ROMAN && l->label_kind != BC_LABEL_ARABIC && l->label_kind != BC_LABEL_DOTTED2 &&
	    l->label_kind != BC_LABEL_DOTTED3)
		return 0;
	size_t at = l->label + l->label_len;
	char c = at < l->len ? l->s[at] : 0;
	return c == '-' || c == '/' ? c : 0;
}

static void add_heading(parser *p, builder *bd, blk *b)
{
	const bc_line *l = b->label_line;
	int level = bc_label_level(l->label_kind);
	bp_end_list(bd);
	bp_close_for(bd, l->label_kind);
	bc_node *s = bc_node_new(p->doc, BC_NODE_SECTION, bc_line_pos(l, l->core));
	s->as.section.level = level;
	s->as.section.kind = l->label_kind;
	s->as.section.label = l->label_kind == BC_LABEL_STAR ? bp_dup(p, "*", 1) : bp_label_str(p, l);
	s->as.section.delim = bp_label_delim(l);
	bc_node *h = bc_node_new(p->doc, BC_NODE_HEADING, s->pos);
	/* the heading's text is the core after the label: whole-line decoration
	 * is consumed; then the lines that wrap it, up to where the text of the
	 * section starts on the next line (cut_seg), or none when the text runs
	 * on after the label (run_in) */
	size_t nhead = b->run_in ? 0 : b->cut_seg ? b->cut_seg : b->nseg;
	bc_seg *segs = bc_xmalloc((b->nseg ? b->nseg : 1) * sizeof *segs);
	memcpy(segs, b->segs, b->nseg * sizeof *segs);
	size_t end = l->core + l->core_len;
	size_t off = l->rest < end ? l->rest : end;
	bc_seg first = { l->s + off, end - off, bc_line_pos(l, off), 0 };
	blk hb = *b;
	segs[0] = first;
	hb.segs = segs;
	hb.nseg = nhead;
	if (nhead && nhead < b->nseg)
		hb.last = b->first + nhead - 1;
	if (nhead)
		bp_fill_inline(p, h, &hb);
	else
		h->end_line = h->pos.line;
	bc_node_append(s, h);
	bc_node_append(bp_container(bd), s);
	if (nhead < b->nseg) {
		/* the section's first paragraph: the rest of the block */
		blk rest = *b;
		rest.kind = B_PARA;
		rest.label_line = NULL;
		rest.segs = segs + nhead;
		rest.nseg = b->nseg - nhead;
		rest.segs[0].brk = 0;
		rest.hard_wrapped = rest.nseg > 1;
		if (!nhead) {
			rest.first = b->first;
			s->as.section.run_in = 1;
		} else {
			rest.first = b->first + nhead;
		}
		bc_node_append(s, bp_make_para(p, &rest));
	}
	free(segs);
	if (bd->nsect < BC_LABEL_KIND_COUNT)
		bd->sect[bd->nsect++] = s;
}

void bp_add_item(parser *p, builder *bd, blk *b, bc_node *root_override)
{
	bc_node *parent = root_override ? root_override : bp_container(bd);
	bc_node *it = bc_node_new(p->doc, BC_NODE_ITEM, bp_blk_pos(p, b));
	it->as.item.bullet = b->bullet;
	bp_fill_inline(p, it, b);
	if (root_override) {
		/* inside a note: a list of its own */
		bc_node *lst = parent->last && parent->last->type == BC_NODE_LIST && parent->last->as.list.bullet == b->bullet
		                   ? parent->last : NULL;
		if (!lst) {
			lst = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
			lst->as.list.bullet = b->bullet;
			bc_node_append(parent, lst);
		}
		bc_node_append(lst, it);
		return;
	}
	if (bd->list && bd->list_bullet != b->bullet && b->bullet == '+' && bd->list->last) {
		/* "+" under a "-" item: a nested list */
		if (!bd->sublist) {
			bd->sublist = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
			bd->sublist->as.list.bullet = '+';
			bc_node_append(bd->list->last, bd->sublist);
		}
		bc_node_append(bd->sublist, it);
		return;
	}
	if (!bd->list || bd->list_bullet != b->bullet) {
		bd->list = bc_node_new(p->doc, BC_NODE_LIST, it->pos);
		bd->list->as.list.bullet = b->bullet;
		bd->list_bullet = b->bullet;
		bc_node_append(parent, bd->list);
	}
	bd->sublist = NULL;
	bc_node_append(bd->list, it);
}

bc_node *bp_make_para(parser *p, blk *b)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_PARAGRAPH, bp_blk_pos(p, b));
	if (b->kind == B_NUMPARA || b->kind == B_HEADING || b->kind == B_CLAUSE || b->kind == B_POINT) {
		const bc_line *l = b->label_line;
		n->as.para.kind = l->label_kind;
		n->as.para.label = l->label_kind == BC_LABEL_STAR ? bp_dup(p, "*", 1) : bp_label_str(p, l);
		n->as.para.delim = bp_label_delim(l);
		n->pos = bc_line_pos(l, l->core);
	}
	n->as.para.joined_at = b->joined_at;
	n->as.para.hard_wrapped = b->hard_wrapped;
	bp_fill_inline(p, n, b);
	return n;
}

static void add_table(parser *p, builder *bd, blk *b, bc_node *parent)
{
	bc_node *t = bc_table_build(p->doc, p->diags, b->rows, b->nrows, bc_inline_cell, &p->icx);
	if (!t)
		return;
	if (bd && bd->unit_node && bd->unit_node->parent == parent && bd->unit_node == parent->last) {
		bc_buf tmp = BC_BUF_INIT;
		bp_plain(bd->unit_node, &tmp);
		const char *c = strchr(bc_buf_cstr(&tmp), ':');
		if (c) {
			c++;
			while (*c == ' ')
				c++;
			t->as.table.unit = bp_dup(p, c, strlen(c));
		}
		bc_buf_free(&tmp);
	}
	bc_node_append(parent, t);
}

bc_node *bp_closing_node(parser *p)
{
	if (!p->doc->closing) {
		p->doc->closing = bc_node_made_up(p->doc, BC_NODE_CLOSING);
		bc_node_append(p->doc->root, p->doc->closing);
	}
	return p->doc->closing;
}

static void open_appendix(parser *p, tree_state *ts, size_t k)
{
	blk *b = &p->b[k];
	bp_end_list(&ts->bd);
	ts->in_closing = 0;
	/* an attached text's own header lines, just before its type line (attached.c) */
	size_t head = k;
	/* the header's rules between them are dead blocks (attached.c) */
	while (head > 0 && (p->b[head - 1].kind == B_APPX_HEAD || (p->b[head - 1].dead && p->b[head - 1].kind == B_RULE)))
		head--;
	while (head < k && p->b[head].dead)
		head++;
	bc_node *a = bc_node_new(p->doc, BC_NODE_APPENDIX, bp_blk_pos(p, &p->b[head]));
	for (size_t h = head; h < k; h++)
		if (!p->b[h].dead)
			bc_node_append(a, bp_line_node(p, p->b[h].role, &p->b[h]));
	const bc_line *l = &p->lines.v[b->first];
	size_t ov[8];
	if (bc_pattern_match(BC_PAT_APPENDIX, l->s + l->core, l->core_len, ov, 4) >= 2 && ov[2] != (size_t)-1)
		a->as.appendix.label = bp_dup(p, l->s + l->core + ov[2], ov[3] - ov[2]);
	else
		a->as.appendix.label = bp_dup(p, "", 0);
	bc_node *lab = bp_line_node(p, BC_ROLE_APPX_LABEL, b);
	lab->as.line->label = a->as.appendix.label;
	bc_node_append(a, lab);
	bc_node_append(p->doc->root, a);
	memset(&ts->bd, 0, sizeof ts->bd);
	ts->bd.root = a;
	ts->appendix = a;
}

/* Authority, position and name lines; a new authority after a position starts another signature. */
static void add_signature_line(parser *p, tree_state *ts, blk *b)
{
	bc_document *doc = p->doc;
	bp_end_list(&ts->bd);
	ts->in_closing = 1;
	if (!ts->signature || b->beside || (b->kind == B_AUTHORITY && ts->signature->last &&
	                                    ts->signature->last->as.line->role != BC_ROLE_AUTHORITY)) {
		ts->signature = bc_node_new(doc, BC_NODE_SIGNATURE, bp_blk_pos(p, b));
		bc_node_append(bp_closing_node(p), ts->signature);
		if (b->beside) {
			/* the right one of two side by side signs for the document: its
			 * position and authority, not the left one's, are the signer's */
			ts->signature->as.signature.beside = 1;
			doc->idx.position = doc->idx.authority_first = NULL;
		}
	}
	bc_role role = b->kind == B_AUTHORITY ? BC_ROLE_AUTHORITY : b->kind == B_POSITION ? BC_ROLE_POSITION : BC_ROLE_SIGNER;
	bc_node *n = bp_line_node(p, role, b);
	bc_node_append(ts->signature, n);
	if (role == BC_ROLE_SIGNER)
		doc->idx.signer = n;
	else if (role == BC_ROLE_POSITION && !doc->idx.position)
		doc->idx.position = n;
	else if (role == BC_ROLE_AUTHORITY && !doc->idx.authority_first)
		doc->idx.authority_first = n;
}

/* Blocks of the body or an appendix: sections, lists, tables, paragraphs. */
void bp_add_body_block(parser *p, builder *bd, blk *b)
{
	switch (b->kind) {
	case B_HEADING:
		add_heading(p, bd, b);
		break;
	case B_ITEM:
		bp_add_item(p, bd, b, NULL);
		break;
	case B_TABLE:
		bp_end_list(bd);
		add_table(p, bd, b, bp_container(bd));
		break;
	case B_RULE:
		bp_end_list(bd);
		bc_node_append(bp_container(bd), bc_node_new(p->doc, BC_NODE_RULE, bp_blk_pos(p, b)));
		break;
	case B_UNIT:
		bp_end_list(bd);
		bd->unit_node = bp_line_node(p, BC_ROLE_UNIT, b);
		bc_node_append(bp_container(bd), bd->unit_node);
		break;
	default:
		bp_end_list(bd);
		/* "2. ..." as a paragraph is a sibling of section 1., not inside it */
		if (b->kind == B_NUMPARA && b->label_line)
			bp_close_for(bd, b->label_line->label_kind);
		bc_node_append(bp_container(bd), bp_make_para(p, b));
		break;
	}
}

/* "(Kèm theo Báo cáo số 63/BC-UBND ngày ...)": in the open appendix, with the document it cites. */
static void add_attach(parser *p, tree_state *ts, blk *b)
{
	bc_node *n = bp_line_node(p, BC_ROLE_APPX_ATTACH, b);
	bc_buf t = BC_BUF_INIT;
	bp_plain(n, &t);
	parse_ref(p, n, t.s ? t.s : "", t.len);
	bc_buf_free(&t);
	bc_node_append(ts->appendix && ts->bd.root == ts->appendix ? ts->appendix : bp_container(&ts->bd), n);
}

/* "Nơi nhận:": the closing begins. */
static void open_recipients(parser *p, tree_state *ts, blk *b)
{
	bp_end_list(&ts->bd);
	ts->in_closing = 1;
	ts->recipients = bc_node_new(p->doc, BC_NODE_RECIPIENTS, bp_blk_pos(p, b));
	bc_node_append(ts->recipients, bp_line_node(p, BC_ROLE_RECIPIENTS_LABEL, b));
	bc_node_append(bp_closing_node(p), ts->recipients);
	p->doc->idx.recipients = ts->recipients;
}

static void add_recipient(parser *p, tree_state *ts, blk *b)
{
	bc_node *it = bc_node_new(p->doc, BC_NODE_ITEM, bp_blk_pos(p, b));
	it->as.item.bullet = b->bullet;
	bp_fill_inline(p, it, b);
	bc_node_append(ts->recipients ? ts->recipients : bp_closing_node(p), it);
}

/* The blocks that are not text of the body: notes, appendix lines, the
 * closing's parts, a decision's preamble and articles.  Returns 0 for a
 * block to be added as text, to the closing or the body. */
static int add_part(parser *p, tree_state *ts, size_t k)
{
	blk *b = &p->b[k];
	switch (b->kind) {
	case B_NOTE:
		bp_add_note(p, ts, k);
		return 1;
	case B_APPX_HEAD:
		return 1;   /* set in its appendix when the type line under it opens it */
	case B_AUTHENTICATION:
		/* a consolidated text's closing starts with its authentication (its
		 * lines are META's, at_end) */
		bp_end_list(&ts->bd);
		ts->in_closing = 1;
		bp_closing_node(p);
		return 1;
	case B_APPX:
		open_appendix(p, ts, k);
		return 1;
	case B_APPX_TITLE:
		if (!ts->appendix || ts->bd.root != ts->appendix)
			return 0;
		bc_node_append(ts->appendix, bp_line_node(p, BC_ROLE_APPX_TITLE, b));
		return 1;
	case B_ATTACH:
		add_attach(p, ts, b);
		return 1;
	case B_RECIP_LABEL:
		open_recipients(p, ts, b);
		return 1;
	case B_RECIP_ITEM:
		add_recipient(p, ts, b);
		return 1;
	case B_AUTHORITY: case B_POSITION: case B_SIGNER:
		add_signature_line(p, ts, b);
		return 1;
	case B_SIGN_SPACE:
		/* a paragraph of the signature (the schema's <p> in <signature>), set in its column */
		if (!ts->signature)
			return 0;
		bc_node_append(ts->signature, bp_make_para(p, b));
		return 1;
	case B_COMPETENCE: case B_BASIS: case B_ENACTING:
		if (ts->in_closing)
			return 0;
		bp_add_preamble_line(p, &ts->bd, b);
		return 1;
	case B_ARTICLE:
		if (ts->in_closing) {
			b->kind = B_PARA;   /* after the signature: a paragraph of the closing, label and all */
			return 0;
		}
		bp_add_article(p, &ts->bd, b);
		return 1;
	case B_CLAUSE: case B_POINT:
		if (ts->in_closing)
			return 0;
		bp_add_clause(p, &ts->bd, b);
		return 1;
	case B_CHAPTER:
		if (ts->in_closing) {
			b->kind = B_PARA;
			return 0;
		}
		bp_add_chapter(p, &ts->bd, b);
		return 1;
	default:
		return 0;
	}
}

/* Whether block b opens with the words that close a whole text: its sum
 * ("Trên đây là báo cáo …", "Trên đây là Kế hoạch …"), or the request to
 * report what hinders it ("Trong quá trình thực hiện, nếu có khó khăn,
 * vướng mắc, …"); bold or italic marks before them. */
static int sums_up(const blk *b)
{
	if (b->kind != B_PARA || !b->nseg)
		return 0;
	const char *s = b->segs[0].s;
	size_t n = b->segs[0].len, k = 0;
	while (k < n && k < 3 && (s[k] == '*' || s[k] == '_'))
		k++;
	if (bc_starts(s + k, n - k, "Trên đây"))
		return 1;
	if (!bc_starts(s + k, n - k, "Trong quá trình") && !bc_starts(s + k, n - k, "Quá trình"))
		return 0;
	/* "vướng mắc" anywhere in the paragraph, over its lines */
	static const char w[] = "vướng mắc";
	for (size_t g = 0; g < b->nseg; g++)
		if (bc_find(b->segs[g].s, b->segs[g].len, w, sizeof w - 1, 0))
			return 1;
	return 0;
}

/* The index of the body's last block of structure (a heading, a numbered
 * paragraph, an article, a chapter), before the closing and the appendices;
 * -1 when none. */
static long last_structure(const parser *p)
{
	long last = -1;
	for (size_t k = 0; k < p->nb; k++) {
		blk_kind kd = p->b[k].kind;
		if (p->b[k].dead)
			continue;
		if (kd == B_RECIP_LABEL || kd == B_AUTHORITY || kd == B_POSITION || kd == B_SIGNER || kd == B_APPX)
			break;
		if (kd == B_HEADING || kd == B_NUMPARA || kd == B_ARTICLE || kd == B_CHAPTER || kd == B_CLAUSE || kd == B_POINT)
			last = (long)k;
	}
	return last;
}

/* Phase 3: the blocks, in order, to nodes. */
void bp_build_tree(parser *p)
{
	tree_state ts;
	memset(&ts, 0, sizeof ts);
	ts.bd.root = p->doc->body;
	ts.note_of = bc_xcalloc(p->nb + 1, sizeof *ts.note_of);
	long structure = last_structure(p);
	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->dead)
			continue;
		if (b->owner_note >= 0 && ts.note_of[b->owner_note]) {
			/* the rest of a footnote's text, after a page break */
			bc_node *note = ts.note_of[b->owner_note];
			if (b->kind == B_ITEM)
				bp_add_item(p, &ts.bd, b, note);
			else
				bc_node_append(note, bp_make_para(p, b));
		} else if (add_part(p, &ts, k)) {
			continue;
		} else if (ts.in_closing && b->kind == B_RULE) {
			/* a rule after the signature (a layout table's frame): no words, no empty paragraph */
			continue;
		} else if (ts.in_closing && b->kind == B_TABLE) {
			/* a table after the signature (a schedule sent with a letter) stays a table: its cells are not a paragraph's text */
			add_table(p, NULL, b, bp_closing_node(p));
		} else if (ts.in_closing) {
			/* text after Nơi nhận or the signature belongs to the closing */
			bc_node_append(bp_closing_node(p), bp_make_para(p, b));
		} else {
			/* the text's closing words after its last section: the body's,
			 * not that section's (no heading follows them) */
			if ((long)k > structure && ts.bd.root == p->doc->body && sums_up(b)) {
				bp_end_list(&ts.bd);
				ts.bd.nsect = 0;
			}
			bp_add_body_block(p, &ts.bd, b);
		}
	}
	free(ts.note_of);
}
