/* rules_notes.c — footnotes: references without a note, notes never referenced, numbers used twice or out of order. */
#include <stdlib.h>

#include "../util/sort.h"
#include "../util/xalloc.h"
#include "rules.h"

typedef struct mark {
	int id;
	size_t seq;           /* document order */
	const bc_node *node;
} mark;

typedef struct marks {
	mark *v;
	size_t n, cap;
} marks;

typedef struct notes_state {
	marks refs, notes;
} notes_state;

static void push(marks *m, int id, const bc_node *n)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = bc_xrealloc(m->v, m->cap * sizeof *m->v);
	}
	m->v[m->n] = (mark){ id, m->n, n };
	m->n++;
}

static int by_id(const void *a, const void *b)
{
	const mark *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_seq(const void *a, const void *b)
{
	const mark *x = a, *y = b;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void *begin(bc_check_ctx *cx) { return bc_xcalloc(1, sizeof(notes_state)); }

static void on_noteref(bc_check_ctx *cx, void *st, const bc_node *n)
{
	notes_state *s = st;
	if (!n->as.noteref.note)
		bc_diag_add(cx->diags, BC_W_NOTE_UNDEFINED, n->pos, "%d", n->as.noteref.id);
	push(&s->refs, n->as.noteref.id, n);
}

static void on_note(bc_check_ctx *cx, void *st, const bc_node *n)
{
	notes_state *s = st;
	push(&s->notes, n->as.note.id, n);
}

static int referenced(const marks *refs_by_id, int id)
{
	size_t lo = 0, hi = refs_by_id->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (refs_by_id->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < refs_by_id->n && refs_by_id->v[lo].id == id;
}

static void end(bc_check_ctx *cx, void *st)
{
	notes_state *s = st;
	/* note texts: each number once, in increasing order */
	int prev = 0;
	for (size_t i = 0; i < s->notes.n; i++) {
		const mark *m = &s->notes.v[i];
		if (m->id < prev)
			bc_diag_add(cx->diags, BC_W_NOTE_ORDER, m->node->pos, "%d → %d", prev, m->id);
		if (m->id > prev)
			prev = m->id;
	}
	bc_sort(s->notes.v, s->notes.n, sizeof *s->notes.v, by_id);
	for (size_t i = 1; i < s->notes.n; i++)
		if (s->notes.v[i].id == s->notes.v[i - 1].id)
			bc_diag_add(cx->diags, BC_W_NOTE_DUP, s->notes.v[i].node->pos, "%d", s->notes.v[i].id);

	/* references: a mark once, and first uses in the order 1, 2, 3... */
	bc_sort(s->refs.v, s->refs.n, sizeof *s->refs.v, by_id);
	for (size_t i = 0; i < s->notes.n; i++)
		if ((i == 0 || s->notes.v[i].id != s->notes.v[i - 1].id) && !referenced(&s->refs, s->notes.v[i].id))
			bc_diag_add(cx->diags, BC_W_NOTE_UNREF, s->notes.v[i].node->pos, "%d", s->notes.v[i].id);
	size_t nfirst = 0;
	for (size_t i = 0; i < s->refs.n; i++) {
		if (i > 0 && s->refs.v[i].id == s->refs.v[i - 1].id) {
			bc_diag_add(cx->diags, BC_W_NOTE_DUP, s->refs.v[i].node->pos, "%d", s->refs.v[i].id);
			continue;
		}
		s->refs.v[nfirst++] = s->refs.v[i];
	}
	bc_sort(s->refs.v, nfirst, sizeof *s->refs.v, by_seq);
	prev = 0;
	for (size_t i = 0; i < nfirst; i++) {
		const mark *m = &s->refs.v[i];
		/* a skipped number shows as a note never referenced; here only going back */
		if (m->id < prev)
			bc_diag_add(cx->diags, BC_W_NOTE_ORDER, m->node->pos, "%d → %d", prev, m->id);
		if (m->id > prev)
			prev = m->id;
	}
	free(s->refs.v);
	free(s->notes.v);
	free(s);
}

const bc_rule_set bc_rules_notes = {
	.name = "notes",
	.begin = begin,
	.on_node = { [BC_NODE_NOTEREF] = on_noteref, [BC_NODE_NOTE] = on_note },
	.end = end,
};
