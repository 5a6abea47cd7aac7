/* rows.c — what the concerns that rebuild tables share: the ways to cut a row into cells, and a row written as one restored line whose every part keeps its input position. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

size_t rs_best_split(size_t nc, size_t m, int (*score)(void *arg, const size_t *starts), void *arg, size_t *starts,
                     int *best)
{
	size_t cur[RS_MAX_CELLS], ties = 0;
	*best = -1000;
	if (nc == 0 || nc > RS_MAX_CELLS || m < nc)
		return 1;
	for (size_t c = 0; c < nc; c++)
		cur[c] = c;
	for (;;) {
		int sc = score(arg, cur);
		if (sc > *best) {
			*best = sc;
			ties = 0;
			memcpy(starts, cur, nc * sizeof *cur);
		} else if (sc == *best) {
			ties++;
		}
		/* the next way, odometer-wise: the last start that can move moves, the later ones follow it */
		size_t c = nc - 1;
		while (c >= 1 && cur[c] == m - nc + c)
			c--;
		if (c == 0)
			return ties;
		cur[c]++;
		for (size_t k = c + 1; k < nc; k++)
			cur[k] = cur[k - 1] + 1;
	}
}

uint32_t rs_input_col(const rs_line *l, uint32_t col)
{
	uint32_t add = 0;
	for (size_t k = 0; k < l->nshifts && l->shifts[k].col <= col; k++)
		add = l->shifts[k].shift;
	return col + add;
}

void rs_row_byte(rs_row *r, char c)
{
	bc_buf_putc(&r->b, c);
	r->col += ((unsigned char)c & 0xC0) != 0x80;
}

void rs_row_str(rs_row *r, const char *s)
{
	while (*s)
		rs_row_byte(r, *s++);
}

void rs_row_span(const rs_ctx *cx, size_t i, size_t b, size_t e, rs_row *r)
{
	const rs_line *l = &cx->v[i];
	if (e <= b)
		return;
	/* the parts of one cell are joined by a space; a cell starts after a TAB */
	if (r->b.len && r->b.s[r->b.len - 1] != '\t' && r->b.s[r->b.len - 1] != ' ')
		rs_row_byte(r, ' ');
	uint32_t from = (uint32_t)bc_utf8_count(l->s, b) + 1, at = r->col;
	r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
	r->jumps[r->njumps++] = (bc_restore_shift){ 0, at, rs_input_col(l, from), (uint32_t)(i + 1) };
	/* the line's own rewrites (a Markdown escape's backslash gone) shift its later columns */
	uint32_t to = from + (uint32_t)bc_utf8_count(l->s + b, e - b);
	for (size_t k = 0; k < l->nshifts; k++)
		if (l->shifts[k].col > from && l->shifts[k].col < to) {
			r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
			r->jumps[r->njumps++] = (bc_restore_shift){ 0, at + l->shifts[k].col - from,
			                                            l->shifts[k].col + l->shifts[k].shift, (uint32_t)(i + 1) };
		}
	/* a TAB inside a cell would make another cell */
	for (size_t k = b; k < e; k++)
		rs_row_byte(r, l->s[k] == '\t' ? ' ' : l->s[k]);
}

void rs_row_lines(const rs_ctx *cx, size_t first, size_t last, rs_row *r)
{
	for (size_t i = first; i <= last; i++) {
		const rs_line *l = &cx->v[i];
		if (l->dropped || rs_blank(l))
			continue;
		const char *s;
		size_t n;
		rs_trim(l, &s, &n);
		size_t b = (size_t)(s - l->s);
		rs_row_span(cx, i, b, b + n, r);
	}
}

void rs_row_place(rs_ctx *cx, size_t after, rs_row *r)
{
	/* a row that does not open with its first part ("| ", an empty first
	 * cell's TAB) stands where that part does; else where it starts */
	if (r->njumps && r->jumps[0].col != 1)
		rs_row_add(cx, after, r, r->jumps[0].to_line, r->jumps[0].shift);
	else
		rs_row_add(cx, after, r, 0, 0);
}

void rs_add_pipe_rule(rs_ctx *cx, size_t after, size_t nc, uint32_t line)
{
	bc_buf b = BC_BUF_INIT;
	for (size_t c = 0; c < nc; c++)
		bc_buf_put(&b, "|---", 4);
	bc_buf_putc(&b, '|');
	rs_add_line(cx, after, b.s, b.len, line, 1);
	bc_buf_free(&b);
}

void rs_row_add(rs_ctx *cx, size_t after, rs_row *r, uint32_t line, uint32_t col)
{
	size_t j = 0;
	if (!line && r->njumps) {
		/* the row stands where its first part does */
		line = r->jumps[0].to_line;
		col = r->jumps[0].shift;
		j = 1;
	}
	rs_add_line(cx, after, r->b.s ? r->b.s : "", r->b.len, line ? line : 1, col ? col : 1);
	for (; j < r->njumps; j++)
		rs_add_jump(cx, after, r->jumps[j].col, r->jumps[j].to_line, r->jumps[j].shift);
	free(r->jumps);
	bc_buf_free(&r->b);
	*r = (rs_row){ BC_BUF_INIT, 1, NULL, 0 };
}
