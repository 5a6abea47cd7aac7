/* table_rows.c — a table's body rows: group rows, spans ("<", "^") and the fragments a page break cut off a row. */
#include "table_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

/* In a table a converter wrote a cell's lines on rows of their own, cell c
 * of a row whose first cell is empty goes on with the cell above unless it
 * is a value ("6.150": a figure, but a year, "2027" under "Quý I năm") or
 * the row is a total's ("Tổng cộng", "Cộng"): a capital may open a wrapped
 * line ("Ủy ban" / "nhân dân"). */
static int wrap_goes_on(const rrow *row, size_t c)
{
	for (size_t k = 1; k < row->n; k++) {
		const rcell *rc = &row->v[k];
		if (!rc->len)
			continue;
		if ((rc->len >= 4 && memcmp(rc->s, "Tổng", strlen("Tổng")) == 0) ||
		    (rc->len >= 4 && memcmp(rc->s, "Cộng", strlen("Cộng")) == 0))
			return 0;
		break;
	}
	const rcell *rc = &row->v[c];
	int digits = 0, other = 0;
	for (size_t i = 0; i < rc->len; i++) {
		char ch = rc->s[i];
		if (ch >= '0' && ch <= '9')
			digits++;
		else if (!strchr(".,%-() ", ch))
			other++;
	}
	if (digits && !other)
		return bc_is_year(rc->s, rc->len);
	return 1;
}

/* A row right after a page break that only ends cells of the row before it;
 * with `wrap`, a row of a table a converter wrote a cell's lines on rows of
 * their own (antiword's "|    |quốc gia |    |"): any number of its cells
 * go on the row above's, and nothing is said (the converter's wrap). */
int tb_try_fragment(table_builder *t, const bc_table_line *ln, const rrow *row, int wrap)
{
	size_t n = last_nonempty(row);
	if (!t->prev_row || n == 0 || row->v[0].len != 0)
		return 0;
	size_t words = 0;
	for (size_t c = 0; c < n; c++) {
		if (row->v[c].len == 0)
			continue;
		const bc_cell *pc = c < t->prev_n ? t->prev_cells[c].cell : NULL;
		if (!pc || ((pc->flags & BC_CELL_CONTENT) ? !pc->u.content->first : pc->len == 0))
			return 0;
		if (!tb_continues_text(row->v[c].s, row->v[c].len) && !(wrap && wrap_goes_on(row, c)))
			return 0;
		words++;
	}
	size_t most = t->cols / 2 > 1 ? t->cols / 2 : 1;
	if (words > most && !wrap)
		return 0;
	bc_pos first = { 0, 0 };
	for (size_t c = 0; c < n; c++) {
		const rcell *rc = &row->v[c];
		if (rc->len == 0)
			continue;
		if (!first.line)
			first = rc->pos;
		bc_cell *pc = t->prev_cells[c].cell;
		bc_node *cell = tb_cell_content(t, t->prev_cells[c].row, pc);
		bc_node_append(cell, bc_text_new(t->doc, rc->pos, " ", 1));
		if (t->inl)
			t->inl(t->ctx, cell, rc->s, rc->len, rc->pos);
		else
			bc_node_append(cell, bc_text_new(t->doc, rc->pos, rc->s, rc->len));
		/* "12" + "triệu" is no longer a figure */
		cell->as.cell.value.s = NULL;
		cell->as.cell.value.len = 0;
		pc->flags &= (uint8_t)~BC_CELL_NUMBER;
		pc->align = (uint8_t)((size_t)c < t->cols && t->align ? t->align[c] : BC_ALIGN_NONE);
		tb_extend_end(cell, ln->pos.line);
	}
	if (wrap) {
		tb_extend_end(t->prev_row, ln->pos.line);
		return 1;
	}
	t->prev_row->as.row.fragment_merged = ln->pos.line;
	const rcell *f = NULL;
	for (size_t c = 0; c < n && !f; c++)
		if (row->v[c].len)
			f = &row->v[c];
	size_t fl = f->len > 60 ? 60 : f->len;
	while (fl < f->len && fl > 0 && ((unsigned char)f->s[fl] & 0xC0) == 0x80)
		fl--;
	bc_diag_add(t->diags, BC_W_CELL_FRAGMENT, first, "%.*s%s", (int)fl, f->s, fl < f->len ? "…" : "");
	return 1;
}

static void set_above(table_builder *t, size_t col, span_info *si)
{
	if (col >= t->above_n) {
		size_t n = t->above_n ? t->above_n : 16;
		while (n <= col)
			n *= 2;
		t->above = bc_xrealloc(t->above, n * sizeof *t->above);
		memset(t->above + t->above_n, 0, (n - t->above_n) * sizeof *t->above);
		t->above_n = n;
	}
	t->above[col] = si;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* "3", "12.", "4.1": a row's number, up to four levels; its depth, or 0. */
static int row_number(const rcell *c, long v[4])
{
	if (is_empty(c) || c->len > 16)
		return 0;
	size_t e = c->len;
	if (e > 1 && c->s[e - 1] == '.')
		e--;
	int d = 0;
	size_t i = 0;
	while (i < e) {
		if (d == 4 || !is_digit(c->s[i]))
			return 0;
		long x = 0;
		while (i < e && is_digit(c->s[i]))
			x = x * 10 + (c->s[i++] - '0');
		v[d++] = x;
		if (i < e && (c->s[i] != '.' || i + 1 == e))
			return 0;
		if (i < e)
			i++;
	}
	return d;
}

/* Whether number v (depth d) comes next after the last row's: "3" after "2",
 * "4.1" after "4", "4.2" after "4.1", "5" after "4.2"; or any when none came. */
static int next_in_sequence(const table_builder *t, const long v[4], int d)
{
	int ld = t->last_depth;
	if (ld == 0)
		return 1;
	if (d > ld + 1)
		return 0;
	for (int k = 0; k < d - 1; k++)
		if (k >= ld || v[k] != t->last_number[k])
			return 0;
	if (d == ld + 1)
		return v[d - 1] == 1;
	return v[d - 1] == t->last_number[d - 1] + 1;
}

/* "Sở Tư pháp (07 nhiệm vụ)": a group name stating how many rows it heads. */
static int states_count(const rcell *c)
{
	if (is_empty(c) || c->s[c->len - 1] != ')')
		return 0;
	size_t o = c->len - 1;
	while (o > 0 && c->s[o] != '(')
		o--;
	if (c->s[o] != '(')
		return 0;
	size_t i = o + 1, d = 0;
	while (i < c->len && is_digit(c->s[i]))
		i++, d++;
	return d > 0 && i + 1 < c->len - 1 && c->s[i] == ' ' && !is_digit(c->s[i + 1]);
}

/* Whether the line after a numbered row is numbered under it: "2" then
 * "2.1", "a)", "(16)", "-": the row names a group, not a record. */
static int numbered_under(const bc_table_line *next, const rcell *f0)
{
	if (!next || next->is_rule)
		return 0;
	rrow r = { 0 };
	tb_split_line(next, &r);
	int yes = 0;
	const rcell *c = cell_at(&r, 0);
	if (!is_empty(c)) {
		size_t l = f0->len;
		if (l > 1 && f0->s[l - 1] == '.')
			l--;
		if (c->len > l + 1 && memcmp(c->s, f0->s, l) == 0 && c->s[l] == '.' && is_digit(c->s[l + 1]))
			yes = 1;
		else if (c->s[0] >= 'a' && c->s[0] <= 'z' && (c->len == 1 || (c->len == 2 && (c->s[1] == ')' || c->s[1] == '.'))))
			yes = 1;
		else if (c->len == 1 && (c->s[0] == '-' || c->s[0] == '+'))
			yes = 1;
		else if (c->s[0] == '(' && tb_is_label(c->s, c->len))
			yes = 1;
	}
	free(r.v);
	return yes;
}

/* A group's label: a Roman numeral or a capital letter, with further parts
 * or not ("I", "II", "A", "A.II", "B.I", "I.1"); not an Arabic number. */
static int group_label(const rcell *c)
{
	return c->len && c->s[0] >= 'A' && c->s[0] <= 'Z' && tb_is_label(c->s, c->len);
}

/* "Tổng cộng", "TỔNG SỐ", "Cộng:": the first cell with text says the row sums those above. */
static int says_total(const rrow *row)
{
	const rcell *c = NULL;
	for (size_t k = 0; k < row->n && k < 2 && !c; k++)
		if (row->v[k].len)
			c = &row->v[k];
	if (!c || c->len > 120)
		return 0;
	cpvec f = { 0 };
	tb_fold_row(c->s, c->len, &f);
	static const char *const whole[] = { "tongcong", "tongso", "cong" };
	int yes = 0;
	for (size_t w = 0; w < sizeof whole / sizeof *whole && !yes; w++) {
		size_t wl = strlen(whole[w]);
		if (f.n < wl)
			continue;
		int same = 1;
		for (size_t i = 0; i < wl && same; i++)
			same = f.v[i] == (uint32_t)whole[w][i];
		/* "Tổng cộng toàn tỉnh" sums too; "Tổng số hộ nghèo" and "Cộng đồng" name a record */
		yes = same && (f.n == wl || w == 0);
	}
	free(f.v);
	return yes;
}

/* A body row: a group row ("15<TAB>Sở Tư pháp", or "II.2 Dự án" with a space
 * for the tab), its cells with their numbers, and the "<" and "^" spans of a
 * pipe table. */
void tb_add_body_row(table_builder *t, const bc_table_line *ln, rrow *row)
{
	size_t n = last_nonempty(row);
	bc_row_kind kind = BC_ROW_BODY;
	rcell split[2];
	int did_split = 0;
	if (n >= 1 && says_total(row)) {
		kind = BC_ROW_TOTAL;
	} else if (t->cols >= 3 && n >= 3 && group_label(&row->v[0]) && !is_empty(cell_at(row, 1))) {
		/* "A.II<TAB>Các dự án chuyển tiếp<TAB><TAB>1.015,09": a group's
		 * label, its total in a later cell (§9.3) */
		kind = BC_ROW_GROUP;
	} else if (t->cols >= 3 && n >= 1) {
		int rest_empty = 1;
		for (size_t c = 2; c < n && rest_empty; c++)
			rest_empty = row->v[c].len == 0;
		const rcell *f0 = &row->v[0], *f1 = cell_at(row, 1);
		long num[4];
		int depth = row_number(f0, num);
		if (rest_empty && !is_empty(f1) && depth && !states_count(f1) && !numbered_under(t->next, f0) &&
		    next_in_sequence(t, num, depth)) {
			/* "3<TAB>Công an xã<TAB><TAB>": the next record, its last cells
			 * left empty (a "Ghi chú" column); a group says what it is */
			kind = BC_ROW_BODY;
		} else if (rest_empty && !is_empty(f1) && (f0->len == 0 || tb_is_label(f0->s, f0->len))) {
			kind = BC_ROW_GROUP;
		} else if (rest_empty && is_empty(f1) && f0->len && !tb_is_label(f0->s, f0->len)) {
			/* "II.2 Dự án…" with a space where the tab should be */
			size_t at = 0, l = tb_leading_label(f0->s, f0->len, &at);
			if (l) {
				split[0] = *f0;
				split[0].len = l;
				split[1].s = f0->s + at;
				split[1].len = f0->len - at;
				split[1].pos = f0->pos;
				split[1].pos.col = (uint32_t)(f0->pos.col + bc_utf8_count(f0->s, at));
				did_split = 1;
			}
			kind = BC_ROW_GROUP;
		}
	}
	size_t ncells = n > t->cols ? n : t->cols;
	if (did_split && ncells < 2)
		ncells = 2;
	if (!did_split && n >= 1) {
		long num[4];
		int depth = row_number(&row->v[0], num);
		if (depth) {
			memcpy(t->last_number, num, sizeof num);
			t->last_depth = depth;
		} else if (kind == BC_ROW_GROUP) {
			t->last_depth = 0;   /* "II" starts its rows again from 1 */
		}
	}
	bc_node *r = bc_node_new(t->doc, BC_NODE_ROW, ln->pos);
	r->as.row.kind = (uint8_t)kind;
	bc_cell *cells = bc_row_reserve(t->doc, r, ncells);
	tb_cells_written(ln, &r->as.row.written, &r->as.row.fields);
	size_t seq = ++t->body_seq;
	bc_pos at_end = tb_end_pos(ln);
	span_info *left = NULL;   /* the cell begun last in this row, for "<" */
	for (size_t c = 0; c < ncells; c++) {
		const rcell *rc = did_split && c < 2 ? &split[c] : cell_at(row, c);
		if (ln->is_pipe && is_text(rc, "<") && left && left->col + left->width == c &&
		    left->cell->rowspan == 1) {
			left->width++;
			left->cell->colspan++;
			set_above(t, c, left);
			if (c < BC_MAX_TABLE_COLUMNS)
				t->prev_cells[c] = (cell_ref){ left->cell, left->row };
			continue;
		}
		if (ln->is_pipe && is_text(rc, "^") && c < t->above_n && t->above[c]) {
			span_info *x = t->above[c];
			/* a span as long as a cell can hold ends there: the "^" beyond is a cell of its own */
			if (x->last_row + 1 == seq && x->col == c && x->cell->rowspan < BC_CELL_MAX_ROWSPAN) {
				x->last_row = seq;
				x->cell->rowspan++;
				tb_extend_end(x->row, ln->pos.line);
				if (x->cell->flags & BC_CELL_CONTENT)
					tb_extend_end(x->cell->u.content, ln->pos.line);
				if (c < BC_MAX_TABLE_COLUMNS)
					t->prev_cells[c] = (cell_ref){ x->cell, x->row };
				left = NULL;
				continue;
			}
			if (x->last_row == seq && x->col < c && c < x->col + x->width)
				continue;   /* the rest of a spanning cell pulled down */
		}
		bc_cell *cell = &cells[r->as.row.ncells++];
		tb_set_cell(t, r, cell, rc, at_end, c);
		/* a group's total too, past its label and name ("A.II … 1.015,09") */
		if ((kind == BC_ROW_BODY || kind == BC_ROW_TOTAL || (kind == BC_ROW_GROUP && c >= 2)) && rc && rc->len)
			tb_set_number(t, r, cell, rc);
		if (ln->is_pipe) {
			span_info *si = bc_arena_alloc(&t->doc->arena, sizeof *si);
			si->cell = cell;
			si->row = r;
			si->col = c;
			si->width = 1;
			si->last_row = seq;
			set_above(t, c, si);
			left = si;
		}
		if (c < BC_MAX_TABLE_COLUMNS)
			t->prev_cells[c] = (cell_ref){ cell, r };
	}
	for (size_t c = ncells; c < t->prev_n; c++)
		t->prev_cells[c] = (cell_ref){ NULL, NULL };
	t->prev_n = ncells < BC_MAX_TABLE_COLUMNS ? ncells : BC_MAX_TABLE_COLUMNS;
	t->prev_row = r;
	tb_row_end(r);
	bc_node_append(t->tbody, r);
}
