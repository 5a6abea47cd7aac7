/* notes.c — footnotes: telling a note's text from the body, NOTE nodes, and references resolved to their notes. */
#include "parse_int.h"
#include "../restore/restore.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

/* The bullet a note's own text starts with: "⁴ - Ngày bầu cử..." */
char bp_note_bullet(const blk *b)
{
	if (!b->nseg || b->segs[0].len < 2)
		return 0;
	char c = b->segs[0].s[0];
	return (c == '-' || c == '+') && b->segs[0].s[1] == ' ' ? c : 0;
}

/* Whether a block's text holds a footnote reference: a note's own text does not. */
int bp_has_noteref(const blk *b)
{
	for (size_t i = 0; i < b->nseg; i++) {
		const char *s = b->segs[i].s;
		size_t n = b->segs[i].len;
		for (size_t k = 0; k + 1 < n; k++) {
			unsigned char c = (unsigned char)s[k];
			if (c == 0xC2 && ((unsigned char)s[k + 1] == 0xB9 || (unsigned char)s[k + 1] == 0xB2 ||
			                  (unsigned char)s[k + 1] == 0xB3))
				return 1;
			if (c == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x81 &&
			    (unsigned char)s[k + 2] >= 0xB0 && (unsigned char)s[k + 2] <= 0xB9)
				return 1;
			if (c == '<' && n - k >= 6 && memcmp(s + k, "<sup>", 5) == 0 && s[k + 5] >= '0' && s[k + 5] <= '9')
				return 1;
		}
	}
	return 0;
}

/* The input line (before the restore stage) of the parser's line i. */
static uint32_t input_line(const parser *p, size_t i)
{
	const bc_restore *r = p->doc->restore;
	uint32_t no = p->lines.v[i].no;
	return r && r->orig_line && no <= r->nlines ? r->orig_line[no] : no;
}

/* The last input line of the note span the restore stage kept that holds
 * input line `at`, or 0. */
static uint32_t span_end_at(const parser *p, uint32_t at)
{
	const bc_restore *r = p->doc->restore;
	for (size_t k = 0; r && k < r->nnotes; k++)
		if (r->notes[k].first <= at && at <= r->notes[k].last)
			return r->notes[k].last;
	return 0;
}

uint32_t bp_note_span_end(const parser *p, const blk *note)
{
	return span_end_at(p, input_line(p, note->first));
}

int bp_in_note_span(const parser *p, const blk *b, uint32_t last)
{
	/* or in the rest of a note a page cut, which the restore stage wrote
	 * after it from the next page's foot: a span of its own */
	uint32_t at = input_line(p, b->first);
	return at <= last || span_end_at(p, at);
}

static bc_node *notes_node(parser *p)
{
	if (!p->doc->notes)
		p->doc->notes = bc_node_made_up(p->doc, BC_NODE_NOTES);
	return p->doc->notes;
}

/* The NOTE node of NOTE block k, in NOTES; a note whose text starts with a
 * bullet is a list. */
void bp_add_note(parser *p, tree_state *ts, size_t k)
{
	blk *b = &p->b[k];
	const bc_line *l = &p->lines.v[b->first];
	bc_node *n = bc_node_new(p->doc, BC_NODE_NOTE, (bc_pos){ l->no, l->col0 });
	n->as.note.id = b->note_id;
	n->as.note.mark = bp_dup(p, l->s + l->core, l->rest - l->core);
	/* the mark's trailing space and "[^1]: " punctuation are not part of it */
	while (n->as.note.mark.len && (n->as.note.mark.s[n->as.note.mark.len - 1] == ' ' ||
	                              n->as.note.mark.s[n->as.note.mark.len - 1] == ':'))
		n->as.note.mark.len--;
	char nb = bp_note_bullet(b);
	if (nb) {
		/* "⁴ - Ngày bầu cử...": the note is a list */
		blk item = *b;
		item.kind = B_ITEM;
		item.bullet = nb;
		bc_seg *segs = bc_xmalloc(b->nseg * sizeof *segs);
		memcpy(segs, b->segs, b->nseg * sizeof *segs);
		segs[0].s += 2;
		segs[0].len -= 2;
		segs[0].pos.col += 2;
		item.segs = segs;
		bp_add_item(p, &ts->bd, &item, n);
		free(segs);
	} else {
		bc_node_append(n, bp_make_para(p, b));
	}
	bc_node_append(notes_node(p), n);
	ts->note_of[k] = n;
}

/* Once the tree is built: each NOTEREF points at the first NOTE with its id,
 * or at nothing. */
void bp_resolve_notes(parser *p)
{
	bc_document *doc = p->doc;
	int maxid = 0;
	if (doc->notes)
		for (bc_node *n = doc->notes->first; n; n = n->next)
			if (n->as.note.id > maxid && n->as.note.id < 100000)
				maxid = n->as.note.id;
	bc_node **by_id = bc_xcalloc((size_t)maxid + 1, sizeof *by_id);
	if (doc->notes)
		for (bc_node *n = doc->notes->first; n; n = n->next)
			if (n->as.note.id >= 0 && n->as.note.id <= maxid && !by_id[n->as.note.id])
				by_id[n->as.note.id] = n;
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		bc_node *n = it.cur;
		if (ev != BC_EV_ENTER || n->type != BC_NODE_NOTEREF)
			continue;
		int id = n->as.noteref.id;
		n->as.noteref.note = id >= 0 && id <= maxid ? by_id[id] : NULL;
	}
	free(by_id);
}
