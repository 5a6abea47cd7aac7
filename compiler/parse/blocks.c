/* blocks.c — phase 1 of the parser: classified lines to blocks (paragraphs, labels, items, notes, tables, closing and appendix lines). */
#include "parse_int.h"

#include <string.h>

#include "../model/vocab.h"
#include "../util/buf.h"
#include "../util/fold.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* A new block of kind k starting at line index `line`. */
blk *bp_new_blk(parser *p, blk_kind k, size_t line)
{
	if (p->nb == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 128;
		p->b = bc_xrealloc(p->b, p->cap * sizeof *p->b);
	}
	blk *b = &p->b[p->nb++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	b->first = b->last = line;
	b->owner_note = -1;
	return b;
}

static void add_seg(blk *b, const bc_line *l, size_t off, size_t end, int brk)
{
	if (end <= off)
		return;
	if (b->nseg == b->segcap) {
		b->segcap = b->segcap ? b->segcap * 2 : 4;
		b->segs = bc_xrealloc(b->segs, b->segcap * sizeof *b->segs);
	}
	bc_seg *s = &b->segs[b->nseg++];
	s->s = l->s + off;
	s->len = end - off;
	s->pos = bc_line_pos(l, off);
	s->brk = brk;
}

/* Appends the text of line l from `off`: to the end of its content when
 * `whole` (decoration kept), else to the end of its core. */
/* s[0..n) holds only emphasis stars and spaces ("** ", "***"), at least one star. */
static int stars_only(const char *s, size_t n)
{
	size_t stars = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '*' && s[i] != ' ')
			return 0;
		stars += s[i] == '*';
	}
	return stars > 0;
}

void bp_add_line_text(blk *b, const bc_line *l, size_t off, int whole)
{
	size_t end = whole ? content_end(l) : core_end(l);
	/* a line wrapped whole in stars ("**Một đoạn in đậm.**", a bold run over
	 * lines): the core leaves the stars out to classify the line, but the
	 * text keeps both ends or neither, so that no closing star is left alone
	 * as a character.  From the core: the opening stars too, the inline
	 * parser pairs them; from a label's rest: not the closing ones either. */
	if (whole && l->decorated && core_end(l) <= end) {
		size_t start = 0;
		while (start < l->core && (l->s[start] == ' ' || l->s[start] == '\t'))
			start++;
		int open = start < l->core && stars_only(l->s + start, l->core - start);
		int close = core_end(l) < end && stars_only(l->s + core_end(l), end - core_end(l));
		if (off == l->core && open)
			off = start;
		else if (off > l->core && open && close)
			end = core_end(l);
	}
	if (off > end)
		off = end;
	int brk = b->nseg > 0 && b->segs[b->nseg - 1].brk == 2;
	add_seg(b, l, off, end, brk);
	/* remember that this line ended with two spaces: the next piece starts after a break */
	if (l->hard_break && b->nseg)
		b->segs[b->nseg - 1].brk = b->segs[b->nseg - 1].brk ? 3 : 2;
}

/* Segment brk values: bit 0 = joined to the previous by a line break,
 * bit 1 = the next segment must join by a line break. */
void bp_fix_breaks(blk *b)
{
	/* backwards, so each piece's "break after me" bit is read before it is overwritten */
	for (size_t i = b->nseg; i-- > 0;) {
		int want_break_before = i > 0 && (b->segs[i - 1].brk & 2);
		b->segs[i].brk = want_break_before;
	}
}

/* A block of one line's text without its decoration: labels, titles, signature lines. */
blk *bp_line_blk(parser *p, blk_kind k, size_t line)
{
	blk *b = bp_new_blk(p, k, line);
	const bc_line *l = &p->lines.v[line];
	bp_add_line_text(b, l, l->core, 0);
	bp_fix_breaks(b);
	return b;
}

/* Hard-wrapped text: a short line ending a sentence closes the paragraph
 * when the lines around it run to a wrap width.  And outside a PDF's text,
 * a line far longer than any wrap width (120 characters or more) ending a
 * sentence is a paragraph written whole on its line (docx2txt, a copy from
 * Word: one paragraph a line, no blank line between): the next line starts
 * another.  A PDF's landscape page may hold body lines that long. */
static int wrap_breaks_here(const parser *p, const bc_line *prev, const bc_line *next)
{
	if (!p->pdf_text && prev->nchars >= 120 && is_terminal(bp_line_last_cp(prev)))
		return 1;
	if (prev->nchars >= 60 || next->nchars < 40)
		return 0;
	return is_terminal(bp_line_last_cp(prev));
}

static void table_row(blk *b, const bc_line *l, int after_break)
{
	if (b->nrows == b->rowcap) {
		b->rowcap = b->rowcap ? b->rowcap * 2 : 16;
		b->rows = bc_xrealloc(b->rows, b->rowcap * sizeof *b->rows);
	}
	bc_table_line *r = &b->rows[b->nrows++];
	memset(r, 0, sizeof *r);
	r->s = l->s;
	r->len = content_end(l);
	if (l->kind == BC_LK_TAB_ROW) {
		/* keep trailing tabs: they are empty cells */
		r->len = l->len;
		while (r->len && (l->s[r->len - 1] == ' ' || l->s[r->len - 1] == '\r'))
			r->len--;
	}
	r->pos = (bc_pos){ l->no, l->col0 };
	r->after_break = after_break;
	r->is_pipe = l->kind != BC_LK_TAB_ROW;
	r->is_rule = l->kind == BC_LK_PIPE_RULE;
}

static int is_table_line(const bc_line *l)
{
	return l->kind == BC_LK_TAB_ROW || l->kind == BC_LK_PIPE_ROW || l->kind == BC_LK_PIPE_RULE;
}

/* Whether the table rows starting at line j continue table t after a gap. */
static int table_continues(const parser *p, const blk *t, size_t j)
{
	const bc_line *l = &p->lines.v[j];
	if (!is_table_line(l) || !t->nrows)
		return 0;
	const bc_table_line *h = &t->rows[0];
	int pipe = l->kind != BC_LK_TAB_ROW;
	if (pipe != h->is_pipe)
		return 0;
	if (bc_table_same_header(h->s, h->len, l->s, l->len))
		return 1;
	if (pipe) {
		/* "| | | |" then a rule: a page break restarting the same table */
		size_t k = 0;
		int empty = 1;
		for (; k < l->len; k++)
			if (l->s[k] != '|' && l->s[k] != ' ')
				empty = 0;
		if (empty)
			return 1;
	}
	int hc = bc_table_count_cells(h->s, h->len, h->is_pipe);
	int lc = bc_table_count_cells(l->s, l->len, pipe);
	return hc == lc;
}

/* The last block ends the text with "./.", the end mark of a document's body. */
static int ends_with_endmark(const parser *p)
{
	if (!p->nb)
		return 0;
	const blk *b = &p->b[p->nb - 1];
	if (!b->nseg || (b->kind != B_PARA && b->kind != B_NUMPARA && b->kind != B_ITEM && b->kind != B_ARTICLE &&
	                 b->kind != B_CLAUSE && b->kind != B_POINT))
		return 0;
	const bc_seg *s = &b->segs[b->nseg - 1];
	size_t e = s->len;
	while (e && (s->s[e - 1] == ' ' || s->s[e - 1] == '*'))
		e--;
	return e >= 3 && memcmp(s->s + e - 3, "./.", 3) == 0;
}

/* The first line at or after i that is not blank. */
static size_t skip_blank(const bc_lines *L, size_t i)
{
	while (i < L->n && L->v[i].kind == BC_LK_BLANK)
		i++;
	return i;
}

/* A table's header written as a line of text (pdftotext -raw, a table
 * whose columns could not be rebuilt): "TT Nội dung Cơ quan chủ trì", "STT
 * Tên công trình …": no wrapped part of the paragraph or heading above. */
static int table_head_text(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, k = 0;
	if (bc_starts(s, n, "STT "))
		k = 4;
	else if (bc_starts(s, n, "TT "))
		k = 3;
	else
		return 0;
	uint32_t cp = 0;
	return bc_utf8_decode(s + k, n - k, &cp) > 0 && bc_cp_is_upper(cp);
}

/* Whether the list item b, whose line prev ends with ".", is its list's
 * last, the line under it a paragraph of its own: most items before it (two
 * at least) ended with ";" as the items of a list do (Nghị định 30), the
 * last with "."; the next line starts with a capital and does not end as an
 * item does (";"), which the wrapped rest of an item with a sentence inside
 * it would. */
static int list_ends_here(const parser *p, const blk *b, const bc_line *prev, const bc_line *next)
{
	if (b->kind != B_ITEM || bp_line_last_cp(prev) != '.' || !bc_cp_is_upper(bp_line_first_cp(next)))
		return 0;
	uint32_t end = bp_line_last_cp(next);
	if (end == ';')
		return 0;
	int items = 0, semis = 0;
	for (size_t k = p->nb - 1; k > 0 && items < 50; k--) {
		const blk *a = &p->b[k - 1];
		if (a->kind != B_ITEM || a->bullet != b->bullet)
			break;
		items++;
		semis += bp_last_cp(a) == ';';
	}
	return semis >= 2 && 2 * semis > items;
}

/* Lines that go on the block just made, whose text ended on line i: wrapped
 * text without a blank line between.  Returns the line after the block. */
static size_t wrapped_lines(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	blk *b = &p->b[p->nb - 1];
	/* a type's name alone ("QUY CHẾ" of a text issued with a decision): its title under it is no wrapped part of it */
	if (L->v[b->first].base == BC_LK_DOCTYPE && b->first == i)
		return i + 1;
	for (i++; i < L->n && L->v[i].kind == BC_LK_TEXT && !L->v[i].upper && !table_head_text(&L->v[i]) &&
	          !wrap_breaks_here(p, &L->v[i - 1], &L->v[i]) && !list_ends_here(p, b, &L->v[i - 1], &L->v[i]); i++) {
		/* the whole line: the text of a decorated line may carry markup the core dropped */
		bp_add_line_text(b, &L->v[i], L->v[i].core, 1);
		b->last = i;
		b->hard_wrapped = 1;
	}
	bp_fix_breaks(b);
	return i;
}

/* "(Đã ký)", "[ (Đã ký)": a line in parentheses, at most two marks before them. */
static int signature_note(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, a = 0;
	/* "\\[ (Đã ký)": pandoc's Markdown escapes the picture's mark */
	while (a < n && a < 4 && (s[a] == '[' || s[a] == ' ' || s[a] == '*' || s[a] == '_' || s[a] == '\\'))
		a++;
	while (n > a && (s[n - 1] == ']' || s[n - 1] == ' ' || s[n - 1] == '*' || s[n - 1] == '_'))
		n--;
	return n - a >= 3 && s[a] == '(' && s[n - 1] == ')';
}

/* A recipients' item's line ends with its own mark. */
static int item_stop(uint32_t cp) { return cp == ';' || cp == '.' || cp == ':'; }

/* A line that can be the signer's name: text, not in capitals, short, no
 * figure in it (a table's last cell a PDF's text set after the signature,
 * "1.331", is no one's name). */
static int is_signer_name(const bc_line *l)
{
	if (l->base != BC_LK_TEXT || l->upper || l->nchars > 40)
		return 0;
	for (size_t k = l->core; k < l->core + l->core_len; k++)
		if (l->s[k] >= '0' && l->s[k] <= '9')
			return 0;
	return 1;
}

/* The line's core is two to max_words words of letters, each opened by a
 * capital ("Nguyễn Nhân Bản"); with rest_small, the rest of each word in
 * small letters (so not "PHÓ CHỦ TỊCH"). */
static int name_words(const bc_line *l, int max_words, int rest_small)
{
	return bc_name_words(l->s + l->core, l->core_len, max_words, rest_small);
}

/* A person's name on a line of its own: two to six words, each a capital
 * then small letters ("Nguyễn Nhân Bản"), nothing else. */
static int is_person_name(const bc_line *l)
{
	return is_signer_name(l) && name_words(l, 6, 1);
}

/* A line of one word. */
static int one_word(const bc_line *l)
{
	return l->core_len && !memchr(l->s + l->core, ' ', l->core_len);
}

/* A line of a form's signature box between the signer's title and name
 * (a phiếu trình's "LÃNH ĐẠO VĂN PHÒNG" box): a row of dots where the signer
 * writes an opinion by hand, or the date written when signing ("Ngày 22
 * tháng 9 năm 2025", the day left blank to be written in). */
static int box_space(const bc_line *l)
{
	if (l->kind != BC_LK_TEXT || l->upper)
		return 0;
	const char *s = l->s + l->core;
	size_t n = l->core_len, dots = 0, k = 0;
	while (k < n) {
		if (s[k] == '.')
			dots++, k++;
		else if (s[k] == ' ')
			k++;
		else if (n - k >= 3 && memcmp(s + k, "\xe2\x80\xa6", 3) == 0)   /* … */
			dots += 3, k += 3;
		else
			break;
	}
	if (k == n)
		return dots >= 5;
	size_t ov[2];
	return bc_pattern_match(BC_PAT_SIGNING_DATE, s, n, ov, 1) > 0;
}

/* The first line at or after i that is neither blank nor a form box's space
 * (box_space); *spaced is set when one was passed. */
static size_t skip_box_space(const bc_lines *L, size_t i, int *spaced)
{
	for (;;) {
		size_t k = skip_blank(L, i);
		if (k > i)
			*spaced = 1;
		if (k >= L->n || !box_space(&L->v[k]))
			return k;
		*spaced = 1;
		i = k + 1;
	}
}

/* Line l cut in two at its one gap between columns (a TAB, or three spaces
 * or more): *a and *b are l with the core narrowed to the left part and to
 * the right one.  0 when the core has no such gap, or more than one. */
static int two_columns(const bc_line *l, bc_line *a, bc_line *b)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, gap = 0, gap_end = 0;
	for (size_t k = 0; k < n;) {
		if (s[k] != ' ' && s[k] != '\t') {
			k++;
			continue;
		}
		size_t e = k;
		int tab = 0;
		while (e < n && (s[e] == ' ' || s[e] == '\t'))
			tab |= s[e++] == '\t';
		if (tab || e - k >= 3) {
			if (gap_end)
				return 0;
			gap = k, gap_end = e;
		}
		k = e;
	}
	if (!gap_end || !gap || gap_end >= n)
		return 0;
	*a = *l, *b = *l;
	a->core_len = gap;
	b->core = l->core + gap_end;
	b->core_len = n - gap_end;
	return 1;
}

/* Capitals and no small letter: a signature's title ("TM. BAN CHẤP HÀNH", "CHỦ TRÌ"). */
static int capitals_part(const bc_line *l) { return bc_utf8_capitals(l->s + l->core, l->core_len) >= 2; }

/* A line of dashes and spaces only ("----------- -----------"): a table's frame. */
static int dashes_only(const bc_line *l)
{
	int dash = 0;
	for (size_t k = 0; k < l->len; k++) {
		if (l->s[k] == '-')
			dash++;
		else if (l->s[k] != ' ' && l->s[k] != '\t' && l->s[k] != '\r')
			return 0;
	}
	return dash >= 3;
}

/* A signature's title line (or part of one): an authority ("TM. …", "KT. …") or a position. */
static blk_kind title_kind(const bc_line *t)
{
	size_t ov[2];
	return bc_pattern_match(BC_PAT_AUTHORITY, t->s + t->core, t->core_len, ov, 1) ? B_AUTHORITY : B_POSITION;
}

/* A block of kind k at line `line`, of the part of it t holds (a copy of
 * the line with its core narrowed to one column's or cell's text). */
static blk *part_blk(parser *p, blk_kind k, size_t line, const bc_line *t)
{
	blk *b = bp_new_blk(p, k, line);
	bp_add_line_text(b, t, t->core, 0);
	bp_fix_breaks(b);
	return b;
}

/* The column, in code points, where byte off of line l stands. */
static size_t cp_column(const bc_line *l, size_t off)
{
	size_t col = 0;
	for (size_t k = 0; k < off && k < l->len; k++)
		col += ((unsigned char)l->s[k] & 0xC0) != 0x80;
	return col;
}

/* Two signatures typed side by side (a biên bản's THƯ KÝ and CHỦ TRÌ, the
 * two sides of a handover, the bodies of a joint text), from line i: one to
 * three lines of titles in capitals, the first of two (two_columns), the
 * others of two or of one standing in a column (in the right one when it
 * starts within eight characters of where the first line's right title
 * does, in the left one when it starts the line), the signature's space,
 * then a line of two names.  Each signature is made of its column's parts,
 * the left first; the right one signs for the document.  Returns the line
 * after them, or 0 when the lines are not so. */
static size_t signatures_beside(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	bc_line a, b;
	if (!two_columns(&L->v[i], &a, &b) || !capitals_part(&a) || !capitals_part(&b))
		return 0;
	size_t right_col = cp_column(&L->v[i], b.core);
	unsigned char side[3] = { 3, 0, 0 };   /* bit 0: a left part, bit 1: a right one */
	size_t k = i + 1;
	for (; k < L->n && k - i < 3 && L->v[k].kind != BC_LK_BLANK; k++) {
		const bc_line *l = &L->v[k];
		if (two_columns(l, &a, &b)) {
			if (!capitals_part(&a) || !capitals_part(&b))
				break;
			side[k - i] = 3;
			continue;
		}
		if (!l->upper || l->kind == BC_LK_TAB_ROW)
			break;
		size_t at = cp_column(l, l->core);
		if (at + 8 >= right_col && at <= right_col + 8)
			side[k - i] = 2;
		else if (at < 4)
			side[k - i] = 1;
		else
			break;
	}
	/* the room to sign: blank lines, and the rules a table's frame drew
	 * there (pandoc's simple and multiline tables: "------   ------") */
	size_t nm = k;
	while (nm < L->n && (L->v[nm].kind == BC_LK_BLANK || L->v[nm].kind == BC_LK_RULE || dashes_only(&L->v[nm])))
		nm++;
	if (nm >= L->n || !two_columns(&L->v[nm], &a, &b) || !name_words(&a, 6, 1) || !name_words(&b, 6, 1))
		return 0;
	for (int col = 0; col < 2; col++) {
		int first = 1;
		for (size_t j = i; j <= nm; j++) {
			if (j >= k && j < nm)
				continue;
			bc_line one;
			const bc_line *t;
			if (j < k && side[j - i] != 3) {
				if (!(side[j - i] & (1 << col)))
					continue;
				one = L->v[j];
				t = &one;
			} else {
				two_columns(&L->v[j], &a, &b);
				t = col ? &b : &a;
			}
			blk *bk = part_blk(p, j == nm ? B_SIGNER : title_kind(t), j, t);
			bk->beside = col == 1 && first;
			first = 0;
		}
	}
	return nm + 1;
}

#define SIG_MAX_CELLS 4

/* The cells of a pipe table's line ("| THƯ KÝ |  | CHỦ TRÌ |"): each as a
 * copy of l with its core narrowed to the cell's trimmed text; how many
 * (at most SIG_MAX_CELLS, else 0). */
static size_t pipe_cells(const bc_line *l, bc_line *cells)
{
	const char *s = l->s;
	size_t n = l->len, k = 0, nc = 0;
	while (k < n && s[k] == ' ')
		k++;
	if (k == n || s[k] != '|')
		return 0;
	k++;
	while (k < n) {
		size_t b = k;
		while (k < n && s[k] != '|')
			k++;
		if (k == n)
			break;   /* the text after the last '|' is no cell */
		size_t e = k;
		while (b < e && s[b] == ' ')
			b++;
		while (e > b && s[e - 1] == ' ')
			e--;
		if (nc == SIG_MAX_CELLS)
			return 0;
		cells[nc] = *l;
		cells[nc].core = b;
		cells[nc].core_len = e - b;
		nc++;
		k++;
	}
	return nc;
}

/* Two or three signatures in a pipe table (pandoc's GFM of a Word file's
 * layout table): after the body's end mark or the recipients, a first row
 * whose filled cells are titles in capitals (two at least; an empty column
 * between them), rows of the room to sign (empty cells, the rule), then a
 * row of persons' names under the titles, nothing else in it.  Each titled
 * column is a signature, the left first; the last signs for the document.
 * Returns the line after them, or 0. */
static size_t signatures_in_pipes(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	if (!ends_with_endmark(p) && p->b[p->nb - 1].kind != B_RECIP_ITEM)
		return 0;
	bc_line t[SIG_MAX_CELLS], c[SIG_MAX_CELLS];
	size_t nc = pipe_cells(&L->v[i], t), titled = 0;
	if (nc < 2)
		return 0;
	for (size_t k = 0; k < nc; k++) {
		if (!t[k].core_len)
			continue;
		if (!capitals_part(&t[k]))
			return 0;
		titled++;
	}
	if (titled < 2)
		return 0;
	size_t j = i + 1;
	for (; j < L->n && j - i <= 6; j++) {
		if (L->v[j].kind == BC_LK_PIPE_RULE)
			continue;
		if (L->v[j].kind != BC_LK_PIPE_ROW || pipe_cells(&L->v[j], c) != nc)
			return 0;
		int empty = 1;
		for (size_t k = 0; k < nc; k++)
			empty &= c[k].core_len == 0;
		if (!empty)
			break;
	}
	if (j >= L->n || j - i > 6)
		return 0;
	/* the names' row: a name under each title, nothing elsewhere */
	for (size_t k = 0; k < nc; k++)
		if (t[k].core_len ? !name_words(&c[k], 6, 1) : c[k].core_len != 0)
			return 0;
	size_t after = j + 1;
	if (after < L->n && (L->v[after].kind == BC_LK_PIPE_ROW || L->v[after].kind == BC_LK_PIPE_RULE))
		return 0;
	int first = 1;
	for (size_t k = 0; k < nc; k++) {
		if (!t[k].core_len)
			continue;
		part_blk(p, title_kind(&t[k]), i, &t[k])->beside = !first;
		first = 0;
		part_blk(p, B_SIGNER, j, &c[k]);
	}
	return after;
}

/* The same two signatures read row after row, each title and each name a
 * line of its own (docx2txt writes a table's cells so, pdftotext without
 * -layout the two columns' lines): after the body's end mark or the
 * recipients, two lines of a title in capitals (sixty characters at most,
 * blank lines between them allowed), the signature's space, then two
 * person's names; or column after column, a title and its name twice
 * (pdftotext -raw, mutool: the order the PDF drew them); after them nothing
 * but blank lines to the end, an appendix or Nơi nhận.  The first title and
 * name sign on the left, the second on the right.  Returns the line after
 * them, or 0. */
static size_t two_signatures(parser *p, size_t i, int before_items);

static size_t signatures_in_rows(parser *p, size_t i)
{
	if (!ends_with_endmark(p) && p->b[p->nb - 1].kind != B_RECIP_ITEM)
		return 0;
	return two_signatures(p, i, 0);
}

/* The two signatures from line i (signatures_in_rows), followed by what may
 * follow them: the recipients' items when before_items, else nothing, an
 * appendix or Nơi nhận. */
static size_t two_signatures(parser *p, size_t i, int before_items)
{
	bc_lines *L = &p->lines;
	size_t at[4];
	size_t k = i;
	int pairs = 0;   /* title, name, title, name: each column read whole, the left first */
	for (int n = 0; n < 4; n++) {
		k = skip_blank(L, k);
		if (k >= L->n)
			return 0;
		const bc_line *l = &L->v[k];
		if (n == 1 && is_person_name(l))
			pairs = 1;
		int title = n == 0 || (pairs ? n == 2 : n == 1);
		if (title ? !(l->upper && (l->kind == BC_LK_TEXT || l->kind == BC_LK_AUTHORITY) && l->nchars <= 60)
		          : !is_person_name(l))
			return 0;
		at[n] = k++;
	}
	if (pairs) {
		size_t t = at[1];
		at[1] = at[2], at[2] = t;
	}
	size_t end = skip_blank(L, k);
	if (before_items ? end >= L->n || L->v[end].kind != BC_LK_BULLET
	                 : end < L->n && L->v[end].kind != BC_LK_RECIPIENTS && L->v[end].kind != BC_LK_APPENDIX)
		return 0;
	for (int col = 0; col < 2; col++) {
		bp_line_blk(p, title_kind(&L->v[at[col]]), at[col])->beside = col == 1;
		bp_line_blk(p, B_SIGNER, at[2 + col]);
	}
	return at[3] + 1;
}

/* A signature standing last with nothing to announce it (no Nơi nhận, no
 * "./." before it: a phiếu trình, a tờ trình): from line i, one to three
 * lines in capitals, the signature's space (a blank line or more), a
 * person's name, then nothing but blank lines to the end or to an appendix.
 * Or the same right before "Nơi nhận:", the signature's column read before
 * the recipients' (pdftotext -raw, mutool, pdfminer), where the signature's
 * space may have no blank line left. */
static int signature_last(const bc_lines *L, size_t i)
{
	size_t k = i;
	while (k < L->n && k - i < 3 && L->v[k].kind == BC_LK_TEXT && L->v[k].upper && L->v[k].nchars <= 60)
		k++;
	if (k == i || k >= L->n)
		return 0;
	int spaced = 0;
	k = skip_box_space(L, k, &spaced);
	if (k >= L->n || !is_person_name(&L->v[k]))
		return 0;
	k = skip_blank(L, k + 1);
	if (k < L->n && L->v[k].kind == BC_LK_RECIPIENTS)
		return 1;
	return spaced && (k == L->n || L->v[k].kind == BC_LK_APPENDIX);
}

/* The signature from line i: authority lines ("TM.", "KT."), position lines
 * in capitals ("CHỦ TỊCH"; a decision may start here, without an authority
 * line), then the name after blank lines.  Returns the line after it. */
static size_t signature_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	/* the lines as they are on their own (base): a decision's reading of a
	 * line ("Điều 1." as an article) does not hold in its signature */
	while (i < L->n && L->v[i].kind != BC_LK_BLANK &&
	       (L->v[i].base == BC_LK_AUTHORITY || L->v[i].upper)) {
		bp_line_blk(p, L->v[i].base == BC_LK_AUTHORITY ? B_AUTHORITY : B_POSITION, i);
		i++;
		/* an authority line ("TL. CHỦ TỊCH") is followed by the position it
		 * signs in ("CHÁNH VĂN PHÒNG"), a blank line between them allowed
		 * (mutool's boxes, a Word cell's paragraphs) */
		size_t nx = skip_blank(L, i);
		if (nx > i && nx < L->n && p->b[p->nb - 1].kind == B_AUTHORITY && L->v[nx].upper && L->v[nx].kind == BC_LK_TEXT &&
		    L->v[nx].base == BC_LK_TEXT && L->v[nx].nchars <= 60 && !is_signer_name(&L->v[nx]))
			i = nx;
	}
	size_t k = skip_blank(L, i);
	/* a form's box: the row of dots for a handwritten opinion, the date
	 * written when signing; lines of the closing, the name under them */
	int spaced = 0;
	size_t bk = skip_box_space(L, k, &spaced);
	if (bk > k && bk < L->n && is_signer_name(&L->v[bk])) {
		for (size_t j = k; j < bk; j++)
			if (box_space(&L->v[j]))
				bp_line_blk(p, B_SIGN_SPACE, j);
		k = bk;
	}
	/* more position lines after the signature's space, right above the name:
	 * "PHÓ GIÁM ĐỐC SỞ NỘI VỤ" of a signer holding two offices; taken only
	 * when a name follows them */
	size_t m = k;
	while (m < L->n && L->v[m].kind != BC_LK_BLANK && L->v[m].upper && L->v[m].base == BC_LK_TEXT &&
	       L->v[m].nchars <= 60 && m - k < 3)
		m++;
	size_t nm = skip_blank(L, m);
	if (m > k && nm < L->n && is_signer_name(&L->v[nm])) {
		for (size_t j = k; j < m; j++)
			bp_line_blk(p, B_POSITION, j);
		k = nm;
	}
	/* "(Đã ký)", "(Ký tên, đóng dấu)" in the signature's space, "[ (Đã ký)" with
	 * a picture's mark before it: a note of the closing, the name after it */
	size_t sk = k;
	if (k < L->n && signature_note(&L->v[k])) {
		sk = skip_blank(L, k + 1);
		if (sk < L->n && is_signer_name(&L->v[sk]) && !signature_note(&L->v[sk])) {
			bp_line_blk(p, B_PARA, k);
			k = sk;
		}
	}
	/* a word typed by mistake in the signature's space ("Hdfđ"), a person's
	 * name under it: the name signs, the word stays a line of the closing */
	if (k < L->n && is_signer_name(&L->v[k]) && !is_person_name(&L->v[k])) {
		size_t nx = skip_blank(L, k + 1);
		if (nx < L->n && is_person_name(&L->v[nx]) && one_word(&L->v[k])) {
			bp_line_blk(p, B_PARA, k);
			k = nx;
		}
	}
	/* the rest of a recipient's item a page cut, right under the signature's
	 * titles ("… (để" / "CHỦ TỊCH" / page / "báo cáo);": Word broke the
	 * closing table's row): a name never opens in small letters; the line
	 * goes on the item, and the items after it on the list (recipients_go_on) */
	if (k < L->n && L->v[k].base == BC_LK_TEXT && bc_cp_is_lower(bp_line_first_cp(&L->v[k]))) {
		size_t q = p->nb;
		while (q > 0 && (p->b[q - 1].kind == B_AUTHORITY || p->b[q - 1].kind == B_POSITION))
			q--;
		if (q > 0 && q < p->nb && p->b[q - 1].kind == B_RECIP_ITEM && !item_stop(bp_last_cp(&p->b[q - 1]))) {
			blk *it = &p->b[q - 1];
			bp_add_line_text(it, &L->v[k], L->v[k].core, 1);
			it->last = k;
			it->hard_wrapped = 1;
			bp_fix_breaks(it);
			return k + 1;
		}
	}
	if (k < L->n && is_signer_name(&L->v[k])) {
		bp_line_blk(p, B_SIGNER, k);
		i = k + 1;
	}
	return i;
}

/* Where a gap in a table that starts at line j ends: blank lines, footnote
 * texts and the text lines that go on a footnote (a page break's bottom). */
static size_t table_gap_end(const bc_lines *L, size_t j)
{
	size_t k = j;
	int notes = 0;
	/* base: a line of text, even one a decision's body reads as an article */
	while (k < L->n && (L->v[k].kind == BC_LK_BLANK || L->v[k].kind == BC_LK_NOTE ||
	                    (notes && L->v[k].base == BC_LK_TEXT)))
		notes |= L->v[k++].kind == BC_LK_NOTE;
	return k;
}

/* The footnotes (and their text) in a gap [j, k) of a table that goes on
 * after it: blocks of their own, so that the table stays one. */
static void table_gap_blocks(parser *p, size_t j, size_t k)
{
	bc_lines *L = &p->lines;
	for (size_t m = j; m < k; m++) {
		const bc_line *l = &L->v[m];
		if (l->kind == BC_LK_BLANK)
			continue;
		blk *nb = bp_new_blk(p, l->kind == BC_LK_NOTE ? B_NOTE : B_PARA, m);
		if (l->kind == BC_LK_NOTE) {
			nb->note_id = l->note_id;
			bp_add_line_text(nb, l, l->rest, 1);
		} else {
			bp_add_line_text(nb, l, l->core, 1);
		}
		bp_fix_breaks(nb);
	}
}

/* Longest a cell pasted from Excel runs over lines; past it the quote was a typing slip. */
#define QUOTED_LINES_MAX 20

/* The last line of a TAB row whose quoted cell goes on over the next lines
 * ('1<TAB>"Dòng 1' then 'Dòng 2"<TAB>x'), or i when it has none or it never closes. */
static size_t quoted_row_end(const parser *p, size_t i)
{
	const bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	size_t n = l->len;
	while (n && (l->s[n - 1] == '\r' || l->s[n - 1] == ' '))
		n--;
	if (!memchr(l->s, '"', n) || !bc_table_quote_open(l->s, n))
		return i;
	bc_buf b = BC_BUF_INIT;
	bc_buf_put(&b, l->s, n);
	size_t end = i;
	for (size_t k = i + 1; k < L->n && k <= i + QUOTED_LINES_MAX; k++) {
		const bc_line *m = &L->v[k];
		size_t mn = m->len;
		while (mn && m->s[mn - 1] == '\r')
			mn--;
		bc_buf_putc(&b, '\n');
		bc_buf_put(&b, m->s, mn);
		if (!bc_table_quote_open(b.s, b.len)) {
			end = k;
			break;
		}
	}
	bc_buf_free(&b);
	return end;
}

/* A table from line i: its rows, across page breaks when the rows after the
 * gap go on with it.  Returns the line after it. */
static size_t table_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	bp_new_blk(p, B_TABLE, i);
	/* by index: the footnotes of a gap are added to p->b, which may move */
	size_t bi = p->nb - 1;
	int after = 0;
	while (i < L->n) {
		size_t j = L->v[i].kind == BC_LK_TAB_ROW ? quoted_row_end(p, i) : i;
		if (j > i) {
			/* a cell pasted from Excel with Alt+Enter: one row over lines i..j */
			table_row(&p->b[bi], &L->v[i], after);
			bc_table_line *r = &p->b[bi].rows[p->b[bi].nrows - 1];
			bc_buf b = BC_BUF_INIT;
			for (size_t k = i; k <= j; k++) {
				const bc_line *l = &L->v[k];
				size_t n = l->len;
				while (n && l->s[n - 1] == '\r')
					n--;
				if (k > i)
					bc_buf_putc(&b, '\n');
				bc_buf_put(&b, l->s, k == i ? r->len : n);
			}
			size_t ulen;
			r->s = bc_table_unquote(&p->doc->arena, b.s, b.len, &ulen);
			r->len = (uint32_t)ulen;
			bc_buf_free(&b);
			p->b[bi].last = j;
			after = 0;
			i = j + 1;
			continue;
		}
		if (is_table_line(&L->v[i])) {
			table_row(&p->b[bi], &L->v[i], after);
			p->b[bi].last = i;
			after = 0;
			i++;
			continue;
		}
		size_t k = table_gap_end(L, i);
		if (k == i || k >= L->n || !table_continues(p, &p->b[bi], k))
			break;
		table_gap_blocks(p, i, k);
		after = 1;
		i = k;
	}
	return i;
}

/* The line's letters are all capitals ("PHÓ CHỦ TỊCH"). */
static int all_capitals(const bc_line *l) { return bc_utf8_capitals(l->s + l->core, l->core_len) >= 0; }

/* "Đỗ Ngọc Huỳnh": every word capitalised and no mark, as a signer's name
 * set beside the list by the extractor — never part of an item. */
static int recipient_name_like(const bc_line *l) { return name_words(l, 5, 0); }

/* "- V01, C04 - Bộ Công an;          -" then "Thường trực Tỉnh ủy;": a
 * Word table cell's text (catdoc, antiword) with the next item's dash left
 * at the end of the line above, after a run of spaces.  Returns the bullet. */
static char dangling_bullet(const blk *b)
{
	if (!b->nseg)
		return 0;
	const bc_seg *g = &b->segs[b->nseg - 1];
	size_t n = g->len;
	while (n && g->s[n - 1] == ' ')
		n--;
	if (n < 5 || (g->s[n - 1] != '-' && g->s[n - 1] != '+'))
		return 0;
	size_t sp = 0;
	while (sp < n - 1 && g->s[n - 2 - sp] == ' ')
		sp++;
	return sp >= 3 && sp < n - 1 ? g->s[n - 1] : 0;
}

/* "-Nhưtrên": a recipient's dash with the space after it lost (OCR), before a capital. */
static size_t glued_bullet(const bc_line *l)
{
	if (l->kind != BC_LK_TEXT || l->core_len < 3 || (l->s[l->core] != '-' && l->s[l->core] != '~'))
		return 0;
	/* "~ Báo QĐND": a scan's OCR reads the dash of an item as a tilde */
	size_t k = l->core + 1;
	if (l->s[l->core] == '~')
		while (k < l->core + l->core_len && l->s[k] == ' ')
			k++;
	uint32_t cp = 0;
	bc_utf8_decode(l->s + k, l->core + l->core_len - k, &cp);
	return bc_cp_is_upper(cp) ? k : 0;
}

/* The item's text without that dash and the spaces before it. */
static void trim_dangling_bullet(blk *b)
{
	bc_seg *g = &b->segs[b->nseg - 1];
	while (g->len && g->s[g->len - 1] == ' ')
		g->len--;
	g->len--;
	while (g->len && g->s[g->len - 1] == ' ')
		g->len--;
}

/* The most code points a scan's OCR leaves before a signer's name: the
 * signature's strokes read as marks ("=“Z" before "Thái Văn Tài"). */
#define NAME_DEBRIS_MAX 4

/* Where a person's name starts on line l, after the debris a signature's
 * strokes leave when a scan is read by OCR, or -1 when the line is no name:
 * two to five words, each a capital and then small letters ("Thái Văn Tài").
 * The debris is at most NAME_DEBRIS_MAX code points, holds no small letter
 * and at least one mark that is no letter ("=“Z"): a capital alone before
 * the name is a stroke read as a letter only beside such a mark. */
static long name_after_debris(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, at = 0;
	int skipped = 0, marks = 0;
	for (;;) {
		uint32_t cp = 0, next = 0;
		if (at >= n)
			return -1;   /* debris and no name: bc_utf8_decode needs a byte to read */
		int k = bc_utf8_decode(s + at, n - at, &cp);
		if (at + (size_t)k < n)
			bc_utf8_decode(s + at + k, n - at - (size_t)k, &next);
		if (bc_cp_is_upper(cp) && bc_cp_is_lower(next))
			break;
		if (bc_cp_is_lower(cp) || ++skipped > NAME_DEBRIS_MAX)
			return -1;
		marks += !bc_cp_is_letter(cp) && cp != ' ';
		at += (size_t)k;
	}
	if (skipped && !marks)
		return -1;
	bc_line t = *l;
	t.core += at;
	t.core_len -= at;
	return recipient_name_like(&t) ? (long)at : -1;
}

/* The gap of this many spaces or more inside an item's line parts the
 * recipients' column from the signature's beside it, as a scan's OCR keeps
 * them (pdftotext -layout's columns are unfolded in restore/layout.c). */
#define COLUMN_GAP 8

/* An item's line that goes on, after a wide gap, with a name in the other
 * column ("- Đoàn Nghi lễ Quân đội;      Thượng tướng Nguyễn Văn A"): the
 * item ends at the gap, and the name (a rank may stand before it) is the
 * signer's, a block of its own after the item. */
static void beside_item(parser *p, blk *it, const bc_line *r)
{
	if (!it->nseg)
		return;
	bc_seg *g = &it->segs[it->nseg - 1];
	const char *s = g->s;
	for (size_t k = 0; k + COLUMN_GAP < g->len; k++) {
		if (s[k] != ' ')
			continue;
		size_t e = k;
		while (e < g->len && s[e] == ' ')
			e++;
		if (e - k < COLUMN_GAP || e >= g->len) {
			k = e;
			continue;
		}
		bc_line t = *r;
		t.core = (size_t)(s + e - r->s);
		t.core_len = (size_t)(s + g->len - (s + e));
		while (t.core_len && t.s[t.core + t.core_len - 1] == ' ')
			t.core_len--;
		size_t rank = bc_rank_len(t.s + t.core, t.core_len);
		bc_line nm = t;
		nm.core += rank;
		nm.core_len -= rank;
		if (!recipient_name_like(&nm))
			return;
		g->len = k;
		/* all in capitals, the signer's position beside the recipients
		 * ("- Như trên;      PHÓ CHỦ TỊCH", a one-page PDF's -layout text):
		 * a position line of the signature, not a name */
		blk *sb = bp_new_blk(p, all_capitals(&nm) ? B_POSITION : B_SIGNER, (size_t)(r - p->lines.v));
		bp_add_line_text(sb, &t, t.core, 0);
		bp_fix_breaks(sb);
		return;
	}
}

/* The archive's item, the list's last ("- Lưu Văn phòng Đảng ủy."), that
 * goes on after its end mark and one space with a person's name ("… Đảng
 * ủy. Trần Thị Lan"): pdftotext -raw reads the signer's name, set level with
 * the list's last line, onto it.  Taken only when the signature's titles
 * were read among the recipients above (-raw's interleaved columns) and no
 * name yet: the item ends at its mark, the name is the signer's. */
static void name_after_archive(parser *p, blk *it, const bc_line *r)
{
	/* (or any item, when the titles were read among the items, beside
	 * them: the name set level with it, "- Đại biểu HĐND xã; Lê Văn Thành",
	 * its first word no body's) */
	int archive = it->nseg && it->segs[0].len >= 4 && memcmp(it->segs[0].s, "Lưu", strlen("Lưu")) == 0;
	if (!it->nseg)
		return;
	bc_seg *g = &it->segs[it->nseg - 1];
	int titles = 0, among = 0;
	for (size_t k = p->nb - 1; k-- > 0;) {
		int kind = p->b[k].kind;
		if (kind == B_SIGNER)
			return;
		if (kind == B_AUTHORITY || kind == B_POSITION)
			titles = 1;
		else if (kind != B_RECIP_ITEM)
			break;
		else if (titles)
			among = 1;   /* an item above a title: the titles came among the items */
	}
	if (!titles || (!archive && !among))
		return;
	const char *s = g->s;
	for (size_t k = 1; k + 2 < g->len; k++) {
		if ((s[k] != '.' && s[k] != ';') || s[k + 1] != ' ')
			continue;
		bc_line t = *r;   /* (called as the item's first line is read: g is r's) */
		t.core = (size_t)(s + k + 2 - r->s);
		t.core_len = g->len - (k + 2);
		while (t.core_len && t.s[t.core + t.core_len - 1] == ' ')
			t.core_len--;
		if (!name_words(&t, 5, 1))
			continue;
		if (!archive) {
			static const char *const bodies[] = { "Sở ", "Ban ", "Phòng ", "Ủy ", "Hội ", "Văn ", "Trung ", "Trường ",
			                                      "Công ", "Cục ", "Chi ", "Bộ ", "Báo ", "Đài " };
			int body = 0;
			for (size_t q = 0; q < sizeof bodies / sizeof *bodies && !body; q++)
				body = bc_starts(t.s + t.core, t.core_len, bodies[q]);
			if (body)
				continue;
		}
		g->len = k + 1;
		blk *sb = bp_new_blk(p, B_SIGNER, (size_t)(r - p->lines.v));
		bp_add_line_text(sb, &t, t.core, 0);
		bp_fix_breaks(sb);
		return;
	}
}

/* Bytes [b, e) of s hold no small letter (nor, unless `figures`, a figure):
 * a title in capitals beside the recipients; *words and *letters (capitals)
 * counted.  0 when they do not. */
static int capital_words(const char *s, size_t b, size_t e, int figures, int *words, int *letters)
{
	*words = *letters = 0;
	for (size_t m = b; m < e;) {
		uint32_t cp = 0;
		int n = bc_utf8_decode(s + m, e - m, &cp);
		if (n <= 0 || bc_cp_is_lower(cp) || (!figures && cp >= '0' && cp <= '9'))
			return 0;
		*letters += bc_cp_is_upper(cp);
		*words += m == b || (s[m - 1] == ' ' && cp != ' ');
		m += (size_t)n;
	}
	return 1;
}

/* The words a signer's position opens with, compared without tone or
 * vowel marks (a scan's OCR drops some: "CHỦ TICH"). */
static int position_opens(const char *s, size_t n)
{
	static const char *const words[] = {
		"pho ", "thu truong", "thu tuong", "chu tich", "chu nhiem", "bo truong", "giam doc", "tong giam doc", "chanh ",
		"bi thu", "truong ban", "truong phong", "cuc truong", "vu truong", "hieu truong", "vien truong",
		"chi cuc truong", "tong cuc truong",
	};
	bc_buf f = BC_BUF_INIT;
	bc_fold_words(s, n < 40 ? n : 40, &f);
	bc_buf_putc(&f, ' ');
	int ok = 0;
	for (size_t k = 0; k < sizeof words / sizeof words[0] && !ok; k++)
		ok = bc_starts(f.s, f.len, words[k]);
	bc_buf_free(&f);
	return ok;
}

/* The same with the signer's position, no authority mark before it ("Nơi
 * nhận: GIÁM ĐỐC", "- Thường trực Tỉnh ủy (để báo cáo); PHÓ CHÁNH VĂN
 * PHÒNG", the Party's "- Ban Thường vụ Tỉnh ủy, BÍ THƯ"): after the label's
 * or the item's own mark (":", ";", ".", ","), one space, to the line's end,
 * capitals opening with an office's word, two words and five letters at
 * least.  The position is a block of its own. */
static void position_beside(parser *p, size_t bi, const bc_line *r)
{
	blk *b = &p->b[bi];
	if (!b->nseg)
		return;
	bc_seg *g = &b->segs[b->nseg - 1];
	const char *s = g->s;
	size_t e = g->len;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	for (size_t k = 2; k + 4 < e; k++) {
		if (s[k - 1] != ' ' || (s[k - 2] != ':' && s[k - 2] != ';' && s[k - 2] != '.' && s[k - 2] != ',') ||
		    !position_opens(s + k, e - k))
			continue;
		int words, letters;
		if (!capital_words(s, k, e, 0, &words, &letters) || words < 2 || letters < 5)
			return;
		bc_line t = *r;
		t.core = (size_t)(s + k - r->s);
		t.core_len = e - k;
		g->len = k - 1;
		blk *pb = bp_new_blk(p, B_POSITION, (size_t)(r - p->lines.v));
		bp_add_line_text(pb, &t, t.core, 0);
		bp_fix_breaks(pb);
		return;
	}
}

/* A line of the recipients' column that goes on, after one space, with an
 * authority of the signature's column in capitals ("- Như trên; KT. TRƯỞNG
 * BAN …", "Nơi nhận: TL. CỤC TRƯỞNG"): a scan's OCR reads the two columns
 * onto one line with a single space between.  The line ends before it, and
 * the authority is a block of its own after it; a lone small letter at its
 * end is a speck of the scan ("TL. CỤC TRƯỞNG l"). */
static void authority_beside(parser *p, size_t bi, const bc_line *r)
{
	blk *b = &p->b[bi];
	if (!b->nseg)
		return;
	bc_seg *g = &b->segs[b->nseg - 1];
	const char *s = g->s;
	for (size_t k = 1; k + 4 < g->len; k++) {
		size_t ov[4];
		if (s[k - 1] != ' ' || !bc_pattern_match(BC_PAT_AUTHORITY, s + k, g->len - k, ov, 2))
			continue;
		size_t e = g->len;
		while (e > k && s[e - 1] == ' ')
			e--;
		size_t read_end = e;
		if (e > k + 2 && s[e - 2] == ' ' && s[e - 1] >= 'a' && s[e - 1] <= 'z')
			for (e -= 2; e > k && s[e - 1] == ' ';)
				e--;
		/* capitals only, two words at least after the mark and six letters
		 * ("KT. TRƯỞNG PHÒNG"), not an abbreviation in an item ("Phòng KT. HT") */
		int words, letters;
		if (!capital_words(s, k + ov[1], e, 1, &words, &letters) || words < 2 || letters < 6)
			return;
		bc_line t = *r;
		t.core = (size_t)(s + k - r->s);
		t.core_len = e - k;
		size_t cut = k;
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		g->len = cut;
		blk *ab = bp_new_blk(p, B_AUTHORITY, (size_t)(r - p->lines.v));
		bp_add_line_text(ab, &t, t.core, 0);
		bp_fix_breaks(ab);
		if (read_end > e)
			ab->read = bp_dup(p, s + k, read_end - k);
		return;
	}
	position_beside(p, bi, r);
}


/* Whether line c, right under the recipients' item `it`, goes on with it:
 * in lower case or after a comma; in a run of such lines the list goes on
 * after (in_run); in capitals, ending as an item does (';' or ','), which no
 * authority line does ("- Các Ban của HĐND TP, VPĐĐBQH&HĐND" / "TP;"); under
 * a line that stops on a word ("… Long; các" / "Vụ, Cục: …": an item's
 * line ends with a mark, a wrapped one mid-phrase), unless a name (the
 * signer's); or the item's note in brackets under a line with no stop
 * ("- Lưu: VT, SNV" / "(Ngan-15)."). */
static int item_goes_on(const blk *it, const bc_line *c, int in_run)
{
	uint32_t first = bp_line_first_cp(c), last = bp_last_cp(it);
	if (c->upper) {
		uint32_t end = bp_line_last_cp(c);
		return (end == ';' || end == ',') && !item_stop(last);
	}
	if (bc_cp_is_lower(first) || last == ',' || in_run)
		return 1;
	if (bc_cp_is_letter(last) && bc_cp_is_lower(last) && !recipient_name_like(c))
		return 1;
	return first == '(' && !item_stop(last);
}

/* Whether line c, after a blank line, goes on with the recipients' item
 * above it: that item ends in no stop (';', '.', ':'), and c ends with ';',
 * or starts in lower case and the list goes on under it (a bullet) or c
 * ends with ','. */
static int wrapped_past_blank(const parser *p, const bc_line *c, const bc_line *next)
{
	if (c->kind != BC_LK_TEXT || glued_bullet(c) || !p->nb || p->b[p->nb - 1].kind != B_RECIP_ITEM)
		return 0;
	uint32_t last = bp_last_cp(&p->b[p->nb - 1]), end = bp_line_last_cp(c);
	if (item_stop(last))
		return 0;
	/* it ends as an item does, which no authority line or name does: the
	 * item's last words, in capitals ("TP;") or a name's ("Chính phủ;") */
	if (end == ';')
		return 1;
	return !c->upper && bc_cp_is_lower(bp_line_first_cp(c)) && (end == ',' || (next && next->kind == BC_LK_BULLET));
}

static size_t recipient_items(parser *p, size_t start);
static int recipients_go_on(const parser *p, const bc_line *l);

/* "Nơi nhận:" (which may carry its first recipient on the same line) and
 * the recipients listed under it, blank lines between them allowed. */
static size_t recipient_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	blk *b = bp_new_blk(p, B_RECIP_LABEL, i);
	bp_add_line_text(b, &L->v[i], L->v[i].core, 0);
	authority_beside(p, p->nb - 1, &L->v[i]);
	/* the two columns of a closing table read row after row (docx2txt):
	 * "Nơi nhận:", then the signature's "KT. CHỦ TỊCH" of the same row, then
	 * the items; the authority lines are the signature's, its position and
	 * name follow the items */
	/* a blank line between them too (mutool's boxes) */
	size_t from = skip_blank(L, i + 1), a = from;
	while (a < L->n && a - from <= 1 && L->v[a].kind == BC_LK_AUTHORITY)
		a++;
	size_t items = a > from ? skip_blank(L, a) : a;
	if (a > from && (from == i + 1 || p->pdf_text) && items < L->n && L->v[items].kind == BC_LK_BULLET) {
		for (size_t j = from; j < a; j++)
			bp_line_blk(p, B_AUTHORITY, j);
		i = items - 1;
	} else if (p->pdf_text && a == from) {
		/* two signatures set in a table over "Nơi nhận", the label read
		 * before the table's cells (pdftotext without -layout): "Nơi nhận:",
		 * the titles "THƯ KÝ" "CHỦ TRÌ", the names, then the items */
		size_t after = two_signatures(p, from, 1);
		if (after)
			i = after - 1;
	}
	return recipient_items(p, i + 1);
}

/* The recipients' items from line `start` on (recipient_blocks); returns the
 * line after them. */
static size_t recipient_items(parser *p, size_t start)
{
	bc_lines *L = &p->lines;
	size_t i;
	char carried = 0;   /* a bullet the line above ended with, for this line */
	for (i = start; i < L->n; i++) {
		size_t k = skip_blank(L, i);
		if (k > i && k < L->n && wrapped_past_blank(p, &L->v[k], k + 1 < L->n ? &L->v[k + 1] : NULL)) {
			/* an item wrapped over a blank line (pdfminer parts a column's
			 * lines into boxes): "- TTQU, HU, TU trực thuộc; HĐND, UBND",
			 * blank, "các quận, huyện, thành phố trực thuộc;" */
			blk *it = &p->b[p->nb - 1];
			bp_add_line_text(it, &L->v[k], L->v[k].core, 1);
			it->last = i = k;
			it->hard_wrapped = 1;
			bp_fix_breaks(it);
			continue;
		}
		if (k > i && (k == L->n || (L->v[k].kind != BC_LK_BULLET && !glued_bullet(&L->v[k]))))
			break;
		i = k;
		const bc_line *r = &L->v[i];
		size_t glued = glued_bullet(r);
		if (r->kind != BC_LK_BULLET && !glued && !(carried && r->kind == BC_LK_TEXT && !r->upper))
			break;
		blk *it = bp_new_blk(p, B_RECIP_ITEM, i);
		size_t iti = p->nb - 1;
		it->bullet = r->kind == BC_LK_BULLET ? r->bullet : glued ? '-' : carried;
		bp_add_line_text(it, r, r->kind == BC_LK_BULLET ? r->rest : glued ? glued : r->core, 1);
		beside_item(p, it, r);
		authority_beside(p, iti, r);
		name_after_archive(p, &p->b[iti], r);
		it = &p->b[iti];   /* a signer's or an authority's block may have moved the blocks */
		carried = dangling_bullet(it);
		if (carried && !(i + 1 < L->n && L->v[i + 1].kind == BC_LK_TEXT && !L->v[i + 1].upper))
			carried = 0;
		if (carried) {
			trim_dangling_bullet(it);
			continue;
		}
		/* an item wrapped onto the next line: "- VPCP: BTCN, các PCN, …," then
		 * "  các Vụ, Cục, đơn vị trực thuộc, Công báo;", in lower case or after a
		 * comma; or any unbulleted lines the list goes on after ("- VPCP: …;" /
		 * "Trợ lý, Thư ký của: TTg;" / "- Lưu: VT"): the author wrote them as
		 * part of the item above, whatever its last mark */
		size_t run_to = i + 1;
		while (run_to < L->n && L->v[run_to].kind == BC_LK_TEXT && !L->v[run_to].upper &&
		       !recipient_name_like(&L->v[run_to]) && !glued_bullet(&L->v[run_to]))
			run_to++;
		int list_goes_on = run_to < L->n && run_to > i + 1 && L->v[run_to].kind == BC_LK_BULLET;
		while (i + 1 < L->n && L->v[i + 1].kind == BC_LK_TEXT && !glued_bullet(&L->v[i + 1]) &&
		       item_goes_on(it, &L->v[i + 1], list_goes_on && i + 1 < run_to)) {
			const bc_line *c = &L->v[i + 1];
			bp_add_line_text(it, c, c->core, 1);
			it->last = ++i;
			it->hard_wrapped = 1;
		}
		bp_fix_breaks(it);
	}
	return i;
}

/* "PHỤ LỤC I" and its title lines: capitals or decorated, until a blank
 * line or the attach line; or, when the first line was only the label, a
 * title in capitals after a blank line. */
static size_t appendix_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	bp_line_blk(p, B_APPX, i++);
	size_t start = i;
	/* the lines as they are on their own (base): a title line may read as a
	 * decision's article ("Điều 5. ...") */
	for (; i < L->n && L->v[i].kind != BC_LK_BLANK; i++) {
		if (L->v[i].base == BC_LK_ATTACH || is_table_line(&L->v[i]))
			break;
		bp_line_blk(p, B_APPX_TITLE, i);
	}
	if (i == start) {
		size_t k = skip_blank(L, i);
		if (!(k < L->n && L->v[k].upper && L->v[k].base == BC_LK_TEXT))
			return i;
		for (i = k; i < L->n && L->v[i].base == BC_LK_TEXT; i++)
			bp_line_blk(p, B_APPX_TITLE, i);
	}
	/* a title's lines a paragraph each (pandoc's plain text of a Word
	 * file: "THỂ THỨC, KỸ THUẬT …" / blank / "VÀ BẢN SAO VĂN BẢN" / blank /
	 * "(Kèm theo …"): a block of capitals lines with the attach line right
	 * under it, past blank lines, goes on with the title */
	for (int more = 0; more < 3; more++) {
		size_t k = skip_blank(L, i), e = k;
		while (e < L->n && L->v[e].base == BC_LK_TEXT && L->v[e].upper)
			e++;
		if (k == i || e == k || e >= L->n || L->v[e].kind != BC_LK_BLANK)
			break;
		size_t a = skip_blank(L, e);
		if (a >= L->n || L->v[a].base != BC_LK_ATTACH)
			break;
		for (i = k; i < e; i++)
			bp_line_blk(p, B_APPX_TITLE, i);
	}
	return i;
}

/* "(Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022" and "của Chủ tịch Ủy
 * ban nhân dân tỉnh)": the attach line goes on, as the title under which it
 * stands is printed, until its parenthesis closes (three lines at most). */
static size_t attach_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	blk *b = bp_line_blk(p, B_ATTACH, i);
	int open = 0;
	for (size_t k = 0; k < L->v[i].core_len; k++)
		open += L->v[i].s[L->v[i].core + k] == '(' ? 1 : L->v[i].s[L->v[i].core + k] == ')' ? -1 : 0;
	/* its lines may be paragraphs of their own, a blank line between
	 * (pandoc's plain text of a Word file): three lines of text at most,
	 * one past a blank line only when it closes the parenthesis */
	size_t end = i + 1, lines = 0;
	while (open > 0 && lines < 3) {
		size_t k = skip_blank(L, end);
		if (k >= L->n || L->v[k].kind != BC_LK_TEXT)
			break;
		const bc_line *c = &L->v[k];
		int o = open;
		for (size_t q = 0; q < c->core_len; q++)
			o += c->s[c->core + q] == '(' ? 1 : c->s[c->core + q] == ')' ? -1 : 0;
		if (k > end && o > 0)
			break;
		open = o;
		end = k + 1;
		lines++;
	}
	if (open > 0)
		return i + 1;   /* never closed: the lines under it are the text's own */
	for (size_t k = i + 1; k < end; k++) {
		if (L->v[k].kind == BC_LK_BLANK)
			continue;
		bp_add_line_text(b, &L->v[k], L->v[k].core, 0);
		b->last = k;
	}
	bp_fix_breaks(b);
	return end;
}

/* A line of text that is no label, item or other kind: a paragraph, or
 * after a body's end mark "./." the signature's lines in capitals. */
static size_t text_blocks(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	/* a consolidated text's number, date and issuer, at its end */
	int here = l->upper && l->kind == BC_LK_TEXT && bp_is_authentication(l);
	size_t words = here ? i : bp_authentication_below(p, i);
	if (here || words)
		return bp_authentication_blocks(p, i, words);
	if (l->upper && l->kind == BC_LK_TEXT && p->nb && p->b[p->nb - 1].kind == B_RECIP_ITEM)
		/* signed by the head himself: "CHỦ TỊCH" or "THỦ TƯỚNG", then the name, after Nơi nhận */
		return signature_blocks(p, i);
	long name = l->kind == BC_LK_TEXT && p->nb && p->b[p->nb - 1].kind == B_RECIP_ITEM ? name_after_debris(l) : -1;
	/* or, the signature's column read before the recipients' (mutool,
	 * pdftotext -raw), right after the body's end mark and over Nơi nhận */
	if (name < 0 && l->kind == BC_LK_TEXT && ends_with_endmark(p)) {
		size_t k = skip_blank(L, i + 1);
		if (k < L->n && L->v[k].kind == BC_LK_RECIPIENTS)
			name = name_after_debris(l);
	}
	if (name >= 0) {
		/* a name alone after Nơi nhận: a scan whose signer's title OCR lost
		 * under the stamp, its strokes read as marks before the name; the
		 * name is the signer, the marks are no one's words */
		blk *b = bp_new_blk(p, B_SIGNER, i);
		bp_add_line_text(b, l, l->core + (size_t)name, 0);
		bp_fix_breaks(b);
		if (name > 0)
			b->read = bp_dup(p, l->s + l->core, l->core_len);
		return i + 1;
	}
	if (p->decision && l->upper && l->kind == BC_LK_TEXT && p->nb && ends_with_endmark(p))
		/* a decision signed by the head himself, after ./. */
		return signature_blocks(p, i);
	if (l->upper && l->kind == BC_LK_TEXT && p->nb && signature_last(L, i))
		return signature_blocks(p, i);
	if (l->upper && ends_with_endmark(p)) {
		for (; i < L->n && L->v[i].kind != BC_LK_BLANK && L->v[i].upper; i++)
			bp_line_blk(p, B_AUTHORITY, i);
		return i;
	}
	blk *b = bp_new_blk(p, B_PARA, i);
	bp_add_line_text(b, l, l->core, 1);
	return wrapped_lines(p, i);
}

/* Whether the labelled line i may be a heading that the text of its section
 * follows without a blank line (pdftotext, docx2txt): 0 when the next line
 * goes on with it; 2 when the line ends there (a line in capitals before one
 * that is not, or a line that ends no sentence or clause, four fifths or less
 * as long as the next, which starts with a capital: a wrapped paragraph's
 * lines run to one width, its first, indented, a little short of it); 1 when
 * it may end there (such a line about as long as the next, not ending in a
 * word: "… (sau sáp nhập tỉnh)"), for phase 2 to decide from the label's
 * siblings (bp_decide_headings). */
static int heading_line_ends(const parser *p, size_t i)
{
	const bc_lines *L = &p->lines;
	if (i + 1 >= L->n || L->v[i + 1].kind != BC_LK_TEXT || L->v[i + 1].upper)
		return 0;   /* wrapped_lines takes no line either */
	const bc_line *l = &L->v[i], *nx = &L->v[i + 1];
	if (l->upper || table_head_text(nx))
		return 2;
	uint32_t last = bp_line_last_cp(l), first = bp_line_first_cp(nx);
	if (last == ',' || last == ';' || last == '.' || last == '-' || last == 0x2013)
		return 0;
	/* a PDF's line two fifths as long as the next or less, ending in a
	 * word, stopped where the next line's first word would have fitted: no
	 * wrap, whatever the next starts with ("1. Nội dung" over "và phòng học
	 * bộ môn …", the words between lost by an OCR) */
	if (!bc_cp_is_upper(first))
		return p->pdf_text && bc_cp_is_letter(last) && nx->nchars >= 40 && 5 * l->nchars <= 2 * nx->nchars ? 2 : 0;
	if (5 * l->nchars <= 4 * nx->nchars)
		return 2;
	if (bc_cp_is_lower(last) || nx->nchars < l->nchars) {
		/* a full line, or the next one the end of its sentence; but a
		 * heading set in the full measure (bold, in a PDF's text) may end so,
		 * its section's text under it over two lines or more ("5. Đề nghị
		 * … các tổ chức chính trị xã hội" / "Vận động hội viên, …" / "…"):
		 * its siblings decide */
		if (p->pdf_text && l->nchars >= 40 && i + 2 < L->n && L->v[i + 2].kind == BC_LK_TEXT && !L->v[i + 2].upper)
			return 1;
		return 0;
	}
	return 1;
}

/* A mark that ends a sentence or a clause. */
static int clause_end(uint32_t cp) { return cp == ',' || cp == ';' || cp == '.' || cp == ':'; }

/* Whether the labelled line i is a heading wrapped once, its section's text
 * right under it (a PDF's text): "5. Đề nghị Ủy ban Mặt trận … các tổ chức
 * chính" / "trị - xã hội" / "Vận động hội viên, …".  The label's line ends
 * no sentence or clause; the next goes on in lower case, half as long or
 * less, ending none either; the one after it opens with a capital and is
 * longer again: a paragraph's lines run to one width, a heading's last line
 * stops short. */
static int heading_wraps_once(const parser *p, size_t i)
{
	const bc_lines *L = &p->lines;
	if (i + 2 >= L->n)
		return 0;
	const bc_line *l = &L->v[i], *nx = &L->v[i + 1], *body = &L->v[i + 2];
	if (nx->kind != BC_LK_TEXT || nx->upper || body->kind != BC_LK_TEXT || body->upper)
		return 0;
	uint32_t last = bp_line_last_cp(l), nlast = bp_line_last_cp(nx);
	/* a dash set apart ends a word of the heading's ("… các tổ chức chính
	 * trị -" / "xã hội", LibreOffice's PDF read by -raw); one glued to a
	 * word cuts it */
	size_t dl = last == '-' ? 1 : 3;   /* the dash's bytes */
	int apart = (last == '-' || last == 0x2013) && l->core_len > dl && l->s[l->core + l->core_len - dl - 1] == ' ';
	if (!last || clause_end(last) || ((last == '-' || last == 0x2013) && !apart) || !nlast || clause_end(nlast))
		return 0;
	return l->nchars >= 40 && bc_cp_is_lower(bp_line_first_cp(nx)) && 2 * nx->nchars <= l->nchars &&
	       bc_cp_is_upper(bp_line_first_cp(body)) && body->nchars >= 2 * nx->nchars;
}

/* How many lines in capitals under the labelled line i in capitals go on
 * with its heading (a PDF's text: "II. KẾT QUẢ THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CCHC
 * CỦA CÁC" / "SỞ, NGÀNH, ĐỊA PHƯƠNG"): the heading filled the measure, its
 * label line ends no sentence or clause, and each line under it is text in
 * capitals shorter than the one above, as the last lines of a centred or
 * left-set heading are; no label, type name, table head or signature's title. */
static size_t caps_heading_lines(const parser *p, size_t i)
{
	const bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	if (!p->pdf_text || !l->upper || l->nchars < 40)
		return 0;
	size_t n = 0;
	for (size_t k = i + 1; k < L->n && n < 2; k++) {
		const bc_line *up = &L->v[k - 1], *nx = &L->v[k];
		uint32_t last = bp_line_last_cp(up);
		if (!last || last == '.' || last == ':' || last == ';' || nx->kind != BC_LK_TEXT || nx->base != BC_LK_TEXT || !nx->upper ||
		    nx->nchars >= up->nchars || table_head_text(nx) || nx->decorated)
			break;
		n++;
	}
	return n;
}

/* Block b, opened by the labelled line i, takes the n lines under it: a
 * heading wrapped over them. */
static void heading_lines(parser *p, blk *b, size_t i, size_t n)
{
	for (size_t k = i + 1; k <= i + n; k++)
		bp_add_line_text(b, &p->lines.v[k], p->lines.v[k].core, 1);
	b->last = i + n;
	b->hard_wrapped = 1;
	bp_fix_breaks(b);
}

/* A labelled block from line i: where heading_line_ends says the line may
 * end, the place is kept (cut_seg) and the block goes on. */
static size_t label_blocks(parser *p, size_t i)
{
	const bc_line *l = &p->lines.v[i];
	blk *b = bp_new_blk(p, l->kind == BC_LK_CLAUSE ? B_CLAUSE : l->kind == BC_LK_POINT ? B_POINT : B_NUMPARA, i);
	b->label_line = l;
	bp_add_line_text(b, l, l->rest, 1);
	if (b->kind == B_NUMPARA) {
		size_t caps = caps_heading_lines(p, i);
		if (caps) {
			/* the heading's lines, and it ends there (cut at its end) */
			heading_lines(p, b, i, caps);
			b->cut_seg = b->nseg;
			b->cut_short = 1;
			return i + caps + 1;
		}
		int ends = heading_line_ends(p, i);
		if (ends == 2 && l->upper)
			return i + 1;
		if (ends) {
			b->cut_seg = b->nseg;
			b->cut_short = ends == 2;
		} else if (heading_wraps_once(p, i)) {
			/* the heading's two lines are the block; its text a block of its own */
			heading_lines(p, b, i, 1);
			return i + 2;
		}
	}
	return wrapped_lines(p, i);
}

/* The blocks that start at line i, which is not blank.  Returns the line after them. */
static size_t line_blocks(parser *p, size_t i)
{
	const bc_line *l = &p->lines.v[i];
	blk *b;
	if (p->nb && (l->kind == BC_LK_TEXT || l->kind == BC_LK_AUTHORITY || l->kind == BC_LK_TAB_ROW)) {
		size_t e = signatures_beside(p, i);
		if (!e && l->kind != BC_LK_TAB_ROW)
			e = signatures_in_rows(p, i);
		if (e)
			return e;
	}
	if (p->nb && l->kind == BC_LK_PIPE_ROW) {
		size_t e = signatures_in_pipes(p, i);
		if (e)
			return e;
	}
	switch (l->kind) {
	case BC_LK_COMPETENCE: case BC_LK_BASIS: case BC_LK_BASIS_CONT: case BC_LK_ENACTING: case BC_LK_ARTICLE:
		/* a decision's preamble line or article: one-line blocks are done, an
		 * article goes on, unless its line is a title of its own ("### Điều 1. …") */
		if (!bp_decision_blk(p, &i))
			return i;
		if (l->kind == BC_LK_ARTICLE && (l->decorated || heading_line_ends(p, i) == 2))
			return i + 1;   /* "Điều 1. Phạm vi điều chỉnh", its text on the next line */
		return wrapped_lines(p, i);
	case BC_LK_CHAPTER:
		return bp_chapter_blk(p, i);
	case BC_LK_TAB_ROW: case BC_LK_PIPE_ROW: case BC_LK_PIPE_RULE:
		/* a line indented by a TAB, alone: a paragraph (§9.1) */
		if (l->lead_tabs && !(i + 1 < p->lines.n && is_table_line(&p->lines.v[i + 1])))
			return text_blocks(p, i);
		return table_blocks(p, i);
	case BC_LK_RULE:
		bp_new_blk(p, B_RULE, i);
		return i + 1;
	case BC_LK_UNIT:
		bp_line_blk(p, B_UNIT, i);
		return i + 1;
	case BC_LK_RECIPIENTS:
		return recipient_blocks(p, i);
	case BC_LK_AUTHORITY:
		return signature_blocks(p, i);
	case BC_LK_APPENDIX:
		return appendix_blocks(p, i);
	case BC_LK_ATTACH:
		return attach_blocks(p, i);
	case BC_LK_NOTE:
		b = bp_new_blk(p, B_NOTE, i);
		b->note_id = l->note_id;
		bp_add_line_text(b, l, l->rest, 1);
		return wrapped_lines(p, i);
	case BC_LK_LABEL: case BC_LK_CLAUSE: case BC_LK_POINT:
		return label_blocks(p, i);
	case BC_LK_BULLET:
		if (recipients_go_on(p, l))
			return recipient_items(p, i);
		b = bp_new_blk(p, B_ITEM, i);
		b->bullet = l->bullet;
		bp_add_line_text(b, l, l->rest, 1);
		return wrapped_lines(p, i);
	default:
		return text_blocks(p, i);
	}
}

/* A paragraph of one figure and nothing else ("1.331", "25,0"). */
static int figure_para(const blk *b)
{
	if (b->kind != B_PARA || b->nseg != 1 || !b->segs[0].len)
		return 0;
	const char *s = b->segs[0].s;
	size_t n = b->segs[0].len, digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(".,%", s[i]))
			return 0;
	}
	return digits > 0;
}

/* The closing's recipients go on after its signature (a PDF's closing table
 * broken over a page: "Nơi nhận:" and three items beside the signer's titles
 * at a page's foot, a note, then the other items and the name at the next
 * page's top): the blocks end with the signature's titles, no name yet (a
 * page's note between allowed), above them recipients whose last item is no
 * "Lưu", the list's end. */
static int recipients_go_on(const parser *p, const bc_line *l)
{
	size_t k = p->nb;
	/* a page's note, or a table's figure a PDF's text set apart ("1.331") */
	while (k > 0 && (p->b[k - 1].kind == B_NOTE || figure_para(&p->b[k - 1])))
		k--;
	/* the name signed too: only the list's last item goes on, "Lưu …"
	 * (LibreOffice broke the closing table's row right before it) */
	if (k > 0 && p->b[k - 1].kind == B_SIGNER) {
		const char *t = l->s + l->rest;
		size_t n = l->len > l->rest ? l->len - l->rest : 0;
		if (!(n >= 4 && memcmp(t, "Lưu", 4) == 0))
			return 0;
		k--;
	}
	if (k == 0 || (p->b[k - 1].kind != B_AUTHORITY && p->b[k - 1].kind != B_POSITION))
		return 0;
	while (k > 0 && (p->b[k - 1].kind == B_AUTHORITY || p->b[k - 1].kind == B_POSITION))
		k--;
	if (k == 0 || p->b[k - 1].kind != B_RECIP_ITEM)
		return 0;
	const blk *it = &p->b[k - 1];
	const bc_line *last = &p->lines.v[it->first];
	const char *t = last->s + last->rest;
	size_t n = last->len > last->rest ? last->len - last->rest : 0;
	return !(n >= 4 && memcmp(t, "Lưu", 4) == 0);
}

/* Phase 1: the lines of the body, from line i, to blocks. */
void bp_collect_blocks(parser *p, size_t i)
{
	while (i < p->lines.n)
		i = p->lines.v[i].kind == BC_LK_BLANK ? i + 1 : line_blocks(p, i);
}
