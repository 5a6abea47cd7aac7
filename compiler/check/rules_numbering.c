/* rules_numbering.c — label sequences (I, 1, 1.1, 1.1.1, a, (1)) in sections, paragraphs, list items and the STT column of tables: starts, gaps, repeats, going back, wrong parent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "rules.h"

/* Where one kind of label stands inside one container. */
typedef struct seq {
	int seen;             /* a label of this kind came before */
	int last;             /* its value */
	int soft;             /* a higher label came since: a restart at the first value is fine */
	char prefix[32];      /* dotted labels: "2" of "2.3", "2.1" of "2.1.4" */
	char label[40];       /* the last label as written, for messages */
	/* a table's places (STT of a ranking): a number repeated, held until the
	 * next says whether it was a tie ("11 11 13") or a repeat ("11 11 12") */
	int ties;
	bc_pos tie_pos;
	char tie_label[40];
} seq;

/* Table groups labelled A, B, C: above every other kind. */
#define KIND_UPPER BC_LABEL_KIND_COUNT
#define NKINDS (BC_LABEL_KIND_COUNT + 1)

typedef struct seqs {
	seq k[NKINDS];
	int places;           /* a table's STT column: a tie's number repeats, the next skips as many */
} seqs;

static int level_of(int kind) { return kind == KIND_UPPER ? 0 : bc_label_level((bc_label_kind)kind); }

typedef struct num_state {
	int last_paren;       /* (n) numbering may run on across sections */
	bc_block_text bt;
} num_state;

static void *begin(bc_check_ctx *cx) { return bc_xcalloc(1, sizeof(num_state)); }

static void end(bc_check_ctx *cx, void *st)
{
	num_state *s = st;
	bc_text_free(&s->bt);
	free(s);
}

/* The value of a label and, for dotted ones, the prefix before the last dot. */
static int label_value(int kind, const char *l, size_t len, char *prefix, size_t cap)
{
	prefix[0] = 0;
	if (kind == KIND_UPPER)
		return bc_letter_value(l, len);
	switch ((bc_label_kind)kind) {
	case BC_LABEL_ROMAN: return bc_roman_value(l, len);
	case BC_LABEL_ARABIC: return bc_arabic_value(l, len);
	case BC_LABEL_LETTER: return bc_letter_value(l, len);
	case BC_LABEL_PAREN: return bc_arabic_value(l, len);
	case BC_LABEL_PART: return bc_part_value(l, len);
	case BC_LABEL_DOTTED2:
	case BC_LABEL_DOTTED3: {
		size_t dot = len;
		while (dot > 0 && l[dot - 1] != '.')
			dot--;
		if (dot == 0 || dot - 1 >= cap)
			return 0;
		memcpy(prefix, l, dot - 1);
		prefix[dot - 1] = 0;
		return bc_arabic_value(l + dot, len - dot);
	}
	default: return 0;
	}
}

/* Appends s[0..len) (up to a NUL) to out[0..*at), as far as cap allows: what
 * snprintf would write, without its cost on every label. */
static void put(char *out, size_t cap, size_t *at, const char *s, size_t len)
{
	len = strnlen(s, len);
	if (*at + len >= cap)
		len = cap - 1 - *at;
	memcpy(out + *at, s, len);
	*at += len;
	out[*at] = 0;
}

static void show(char *out, size_t cap, int kind, const char *l, size_t len)
{
	size_t at = 0;
	out[0] = 0;
	if (kind == BC_LABEL_PAREN)
		put(out, cap, &at, "(", 1);
	put(out, cap, &at, l, len);
	if (kind == BC_LABEL_PAREN)
		put(out, cap, &at, ")", 1);
}

static void copy(char *out, size_t cap, const char *s)
{
	size_t at = 0;
	put(out, cap, &at, s, strlen(s));
}

/* One label in its container's sequence. */
/* quiet: the label was already reported (wrong parent); it still counts in its sequence, under `parent`. */
static void step_as(bc_check_ctx *cx, seqs *q, int kind, const char *l, size_t len, bc_pos pos, int run_on,
                    const char *parent)
{
	if (kind <= BC_LABEL_NONE || kind == BC_LABEL_STAR || kind >= NKINDS)
		return;
	char prefix[32], shown[40];
	int v = label_value(kind, l, len, prefix, sizeof prefix);
	if (v <= 0)
		return;
	show(shown, sizeof shown, kind, l, len);
	int quiet = parent != NULL;
	if (parent)
		copy(prefix, sizeof prefix, parent);
	int level = level_of(kind);
	for (int k = BC_LABEL_ROMAN; k < NKINDS; k++)
		if (level_of(k) > level)
			q->k[k].soft = 1;
	seq *s = &q->k[kind];
	if (s->seen && strcmp(s->prefix, prefix) != 0) {
		/* 1.3 then 2.1: a new parent, so a new sequence */
		s->seen = 0;
	}
	if (s->ties && (!s->seen || v != s->last + 1 + s->ties) && v != s->last) {
		/* not the place after a tie: the number held was repeated */
		bc_diag_add(cx->diags, BC_W_NUM_REPEAT, s->tie_pos, "%s", s->tie_label);
		s->ties = 0;
	}
	if (quiet) {
		/* said already */
	} else if (!s->seen) {
		if (v != 1 && !(run_on && v == run_on + 1))
			bc_diag_add(cx->diags, BC_W_NUM_START, pos, "%s", shown);
	} else if (v == s->last + 1 + s->ties || (s->soft && v == 1)) {
		/* the next label, a restart under a new higher label, or the place after a tie */
		s->ties = 0;
	} else if (v == s->last && q->places) {
		if (!s->ties++) {
			s->tie_pos = pos;
			copy(s->tie_label, sizeof s->tie_label, shown);
		}
	} else if (v == s->last) {
		bc_diag_add(cx->diags, BC_W_NUM_REPEAT, pos, "%s", shown);
	} else if (v < s->last) {
		bc_diag_add(cx->diags, BC_W_NUM_ORDER, pos, "%s → %s", s->label, shown);
	} else {
		bc_diag_add(cx->diags, BC_W_NUM_GAP, pos, "%s → %s", s->label, shown);
	}
	s->seen = 1;
	s->soft = 0;
	s->last = v;
	copy(s->prefix, sizeof s->prefix, prefix);
	copy(s->label, sizeof s->label, shown);
}

static void step(bc_check_ctx *cx, seqs *q, int kind, const char *l, size_t len, bc_pos pos, int run_on)
{
	step_as(cx, q, kind, l, len, pos, run_on, NULL);
}

/* The nearest enclosing section of a kind, or NULL. */
static const bc_node *enclosing(const bc_node *n, bc_label_kind kind)
{
	for (const bc_node *p = n->parent; p; p = p->parent)
		if (bc_node_is_section(p) && p->as.section.kind == kind)
			return p;
	return NULL;
}

/* 2.2.2 under 2.1, or 2.2 under 1: the label names another parent. */
static int check_parent(bc_check_ctx *cx, const bc_node *n, bc_label_kind kind, bc_str label, char *parent,
                        size_t cap)
{
	if (kind != BC_LABEL_DOTTED2 && kind != BC_LABEL_DOTTED3)
		return 0;
	const bc_node *p = enclosing(n, kind == BC_LABEL_DOTTED3 ? BC_LABEL_DOTTED2 : BC_LABEL_ARABIC);
	if (!p && kind == BC_LABEL_DOTTED3)
		p = enclosing(n, BC_LABEL_ARABIC);
	if (!p)
		return 0;
	bc_str pl = p->as.section.label;
	if (pl.len < label.len && memcmp(label.s, pl.s, pl.len) == 0 && label.s[pl.len] == '.')
		return 0;
	bc_diag_add(cx->diags, BC_W_NUM_PARENT, n->pos, "%.*s ∉ %.*s", (int)label.len, label.s, (int)pl.len, pl.s);
	/* it still counts in the section's sequence */
	snprintf(parent, cap, "%.*s", (int)pl.len, pl.s);
	return 1;
}

static void labelled(bc_check_ctx *cx, num_state *ns, seqs *q, const bc_node *c)
{
	bc_label_kind kind = BC_LABEL_NONE;
	bc_str label = { "", 0 };
	if (bc_node_is_section(c)) {
		kind = c->as.section.kind;
		label = c->as.section.label;
	} else if (c->type == BC_NODE_PARAGRAPH) {
		kind = c->as.para.kind;
		label = c->as.para.label;
	} else if (c->type == BC_NODE_ITEM) {
		kind = c->as.item.kind;
		label = c->as.item.label;
	}
	if (kind == BC_LABEL_NONE || !label.s || !label.len)
		return;
	/* a clause's or point's own paragraph: its label is the section's, counted among the section's siblings */
	if (c->type == BC_NODE_PARAGRAPH && c->parent && bc_node_is_section(c->parent) && c->parent->first == c &&
	    c->parent->as.section.kind == kind)
		return;
	char parent[32];
	if (check_parent(cx, c, kind, label, parent, sizeof parent))
		step_as(cx, q, kind, label.s, label.len, c->pos, 0, parent);
	else
		step(cx, q, kind, label.s, label.len, c->pos, kind == BC_LABEL_PAREN ? ns->last_paren : 0);
	if (kind == BC_LABEL_PAREN)
		ns->last_paren = bc_arabic_value(label.s, label.len);
}

/* The children of a container form the sequences; a list's items count among them. */
static void on_container(bc_check_ctx *cx, void *st, const bc_node *n)
{
	seqs q;
	memset(&q, 0, sizeof q);
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_LIST) {
			for (const bc_node *i = c->first; i; i = i->next)
				labelled(cx, st, &q, i);
		} else {
			labelled(cx, st, &q, c);
		}
	}
}

/* A table cell's words as a label: "12", "(3)", "2.1", "IV", "b". */
static int cell_label(const seqs *q, const char *s, size_t len, const char **l, size_t *ll)
{
	while (len && (s[0] == ' ' || s[0] == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '.'))
		len--;
	*l = s;
	*ll = len;
	if (!len)
		return BC_LABEL_NONE;
	if (len > 2 && s[0] == '(' && s[len - 1] == ')' && bc_arabic_value(s + 1, len - 2)) {
		*l = s + 1;
		*ll = len - 2;
		return BC_LABEL_PAREN;
	}
	if (bc_arabic_value(s, len))
		return BC_LABEL_ARABIC;
	int dots = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] < '0' || s[i] > '9')
			goto words;
	}
	if (dots == 1 && s[0] != '.')
		return BC_LABEL_DOTTED2;
	if (dots == 2 && s[0] != '.')
		return BC_LABEL_DOTTED3;
	return BC_LABEL_NONE;
words:
	if (len > 1 && s[len - 1] == ')')
		*ll = --len;
	int upper = 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			upper = 0;
	int letter = bc_letter_value(s, len);
	if (letter && !upper && !(len == 2 && (unsigned char)s[1] == 0x90))
		return BC_LABEL_LETTER;
	/* C after B is a letter, C after II would not be */
	if (letter && (!bc_roman_value(s, len) || (q->k[KIND_UPPER].seen && q->k[KIND_UPPER].last + 1 == letter)))
		return KIND_UPPER;
	if (upper && bc_roman_value(s, len))
		return BC_LABEL_ROMAN;
	return BC_LABEL_NONE;
}

/* "•", "–", "—" bullets in the first column */
static int is_bullet(const char *s, size_t len)
{
	return (len == 3 && (!memcmp(s, "•", 3) || !memcmp(s, "–", 3) || !memcmp(s, "—", 3)));
}

static int is_stt(const char *s, size_t len)
{
	bc_buf f = BC_BUF_INIT;
	bc_fold_words(s, len, &f);
	const char *t = bc_buf_cstr(&f);
	int yes = !strcmp(t, "stt") || !strcmp(t, "tt") || !strcmp(t, "so tt") || !strcmp(t, "so thu tu");
	bc_buf_free(&f);
	return yes;
}

/* Numbered rows: body rows in one sequence, group rows in another; a group row lets the rows restart. */
static void on_table(bc_check_ctx *cx, void *st, const bc_node *n)
{
	num_state *ns = st;
	const bc_node *thead = NULL, *tbody = NULL;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_THEAD)
			thead = c;
		else if (c->type == BC_NODE_TBODY)
			tbody = c;
	}
	if (!thead || !tbody || !thead->first || !thead->first->as.row.ncells)
		return;
	bc_cell_view view;
	bc_text_gather(&ns->bt, bc_cell_node(&thead->first->as.row.cells[0], thead->first, &view));
	if (!is_stt(ns->bt.buf.s ? ns->bt.buf.s : "", ns->bt.buf.len))
		return;
	seqs q;
	memset(&q, 0, sizeof q);
	q.places = 1;
	for (const bc_node *r = tbody->first; r; r = r->next) {
		if (r->type != BC_NODE_ROW || r->as.row.kind == BC_ROW_HEAD || r->as.row.repeat != BC_REPEAT_NONE ||
		    !r->as.row.ncells)
			continue;
		const bc_node *cell = bc_cell_node(&r->as.row.cells[0], r, &view);
		if (cell->as.cell.col != 0)
			continue;
		bc_text_gather(&ns->bt, cell);
		const char *l;
		size_t ll;
		int k = cell_label(&q, ns->bt.buf.s ? ns->bt.buf.s : "", ns->bt.buf.len, &l, &ll);
		if (k != BC_LABEL_NONE) {
			step(cx, &q, k, l, ll, cell->pos, 0);
		} else if (ll && !(ll == 1 && strchr("-+*", l[0])) && !is_bullet(l, ll)) {
			/* "A.II", "IV.2", a heading in the first column: what follows may restart */
			for (int i = 0; i < NKINDS; i++)
				q.k[i].soft = 1;
		} else if (r->as.row.kind == BC_ROW_GROUP && !ll) {
			for (int i = 0; i < NKINDS; i++)
				q.k[i].soft = 1;
		}
	}
}

const bc_rule_set bc_rules_numbering = {
	.name = "numbering",
	.begin = begin,
	.on_node = {
		[BC_NODE_BODY] = on_container,
		[BC_NODE_SECTION] = on_container,
		[BC_NODE_ARTICLE] = on_container,
		[BC_NODE_CLAUSE] = on_container,
		[BC_NODE_POINT] = on_container,
		[BC_NODE_APPENDIX] = on_container,
		[BC_NODE_ITEM] = on_container,
		[BC_NODE_TABLE] = on_table,
	},
	.end = end,
};
