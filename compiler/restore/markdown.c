/* markdown.c — what Markdown converters of Word files add: backslash escapes and __strong__. */
#include "restore_int.h"

#include <string.h>

#include "../util/buf.h"

/*
 * mammoth and pandoc escape every punctuation mark Markdown could read as
 * syntax: "a\)", "1\.", "\- Nơi nhận", "\(Kèm theo", a "\%" opening a line
 * (pandoc's title block would start there); and mammoth writes bold
 * as "__ỦY BAN NHÂN DÂN__".  In the baocao format a backslash escapes only the
 * characters of its own markup (* < > [ ] ^ | \, FORMAT.md §3.5), so those
 * stay; the others lose their backslash, and a __pair__ on one line becomes
 * **pair**, the same length.  Only a text whose shape is Markdown (several
 * such escapes, or forced) is touched: a lone backslash in a typed text is
 * the author's.
 */
static int own_escape(char c) { return c && strchr("*<>[]^|\\", c) != NULL; }
int rs_md_escape(char c) { return c && strchr(".-()!#+=_`{}~\"'%", c) != NULL; }

/* "__" at s[k] opens or closes strong text: a letter or digit inside, next to it. */
static int is_word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Removes the spaces just inside emphasis marks that wrap the whole line in b; 1 when it did. */
static int tighten_emphasis(rs_ctx *cx, size_t i, bc_buf *b, uint32_t removed)
{
	size_t a = 0, e = b->len;
	while (a < e && b->s[a] == ' ')
		a++;
	while (e > a && b->s[e - 1] == ' ')
		e--;
	/* the marks: "*", "__", "***", or nested as mammoth writes bold italics, "__*" … "*__" */
	size_t m = 0;
	while (a + m < e && m < 3 && (b->s[a + m] == '*' || b->s[a + m] == '_'))
		m++;
	if (!m || e - a < 2 * m + 1)
		return 0;
	for (size_t k = 0; k < m; k++)
		if (b->s[e - 1 - k] != b->s[a + k])
			return 0;
	size_t in = a + m, out = e - m;
	size_t lead = 0, trail = 0;
	while (in + lead < out && b->s[in + lead] == ' ')
		lead++;
	while (out - trail > in + lead && b->s[out - trail - 1] == ' ')
		trail++;
	if ((!lead && !trail) || in + lead == out - trail)
		return 0;
	/* from the first word on, the input's columns are `lead` further */
	if (lead)
		rs_shift(cx, i, (uint32_t)(a + m + 1), removed + (uint32_t)lead);
	memmove(b->s + out - trail, b->s + out, b->len - out);
	b->len -= trail;
	memmove(b->s + in, b->s + in + lead, b->len - in - lead);
	b->len -= lead;
	/* "__" is strong, as in the rest of the line's pairs: every "_" of the marks becomes "*" */
	size_t close = e - trail - lead - m;   /* where the closing marks stand now */
	for (size_t k = 0; k < m; k++) {
		if (b->s[a + k] == '_')
			b->s[a + k] = '*';
		if (b->s[close + k] == '_')
			b->s[close + k] = '*';
	}
	return 1;
}

/* A backslash at s[k] that ends its line: pandoc's Markdown for a line
 * break.  In a grid table's row ("| UBND TỈNH LÂM ĐỒNG\\    |") it stays for
 * the grid's reader (layout.c), which ends the cell's line there. */
static int hard_break_at(const char *s, size_t n, size_t k)
{
	size_t e = k + 1;
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	return e == n && !(n && s[0] == '|');
}

void rs_markdown(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_MARKDOWN)
		return;
	bc_buf b = BC_BUF_INIT;
	for (size_t i = 0; i < cx->n; i++) {
		rs_line *l = &cx->v[i];
		if (l->dropped || (!memchr(l->s, '\\', l->len) && !memchr(l->s, '_', l->len) && !memchr(l->s, '*', l->len) &&
		                   !(l->len && l->s[0] == '>')))
			continue;
		bc_buf_clear(&b);
		const char *s = l->s;
		size_t n = l->len;
		uint32_t col = 1, removed = 0;
		int changed = 0;
		/* "> **3. Về hoạt động**": pandoc's blockquote for a paragraph Word indented; the
		 * indent is layout, the mark no word of the author's */
		if (n >= 2 && s[0] == '>' && s[1] == ' ') {
			s += 2;
			n -= 2;
			removed = 2;
			changed = 1;
			rs_shift(cx, i, 1, removed);
		}
		/* __ pairs: the first opener with a closer after it on the line */
		size_t open = (size_t)-1;
		for (size_t k = 0; k < n; k++) {
			if (s[k] == '\\' && k + 1 < n && rs_md_escape(s[k + 1]) && !own_escape(s[k + 1])) {
				/* the escaped mark stays, its backslash goes: later columns are one further in the input */
				removed++;
				changed = 1;
				rs_shift(cx, i, col, removed);
				bc_buf_putc(&b, s[k + 1]);
				k++;
				col++;
				continue;
			}
			if (s[k] == '\\' && hard_break_at(s, n, k)) {
				/* pandoc's hard line break: the line's end is the break, the mark no word */
				removed++;
				changed = 1;
				rs_shift(cx, i, col, removed);
				continue;
			}
			if (s[k] == '\\' && k + 1 < n) {
				bc_buf_put(&b, s + k, 2);
				k++;
				col += 2;
				continue;
			}
			if (s[k] == '_' && k + 2 < n && s[k + 1] == '_' && s[k + 2] == '_') {
				/* three or more: a rule or a blank to fill in ("[______][____]"), no emphasis */
				size_t r = k;
				while (r < n && s[r] == '_')
					r++;
				bc_buf_put(&b, s + k, r - k);
				col += (uint32_t)(r - k);
				k = r - 1;
				continue;
			}
			if (s[k] == '_' && k + 1 < n && s[k + 1] == '_') {
				/* as CommonMark reads "__": it opens before a mark that is not a
				 * space ("__*(Năm 2026)*__", "__(1)__") and closes after one
				 * ("__1. Sở Nội vụ:__"), but never inside a word */
				int opens = k + 2 < n && s[k + 2] != ' ' && s[k + 2] != '\t' && s[k + 2] != '_' &&
				            (k == 0 || !is_word_byte((unsigned char)s[k - 1]));
				int closes = k > 0 && s[k - 1] != ' ' && s[k - 1] != '\t' && s[k - 1] != '_' &&
				             (k + 2 >= n || !is_word_byte((unsigned char)s[k + 2]));
				if (open == (size_t)-1 && opens) {
					open = b.len;
				} else if (open != (size_t)-1 && closes) {
					b.s[open] = b.s[open + 1] = '*';
					bc_buf_puts(&b, "**");
					open = (size_t)-1;
					changed = 1;
					k++;
					col += 2;
					continue;
				}
				bc_buf_put(&b, s + k, 2);
				k++;
				col += 2;
				continue;
			}
			bc_buf_putc(&b, s[k]);
			if (((unsigned char)s[k] & 0xC0) != 0x80)
				col++;
		}
		/* "*    Lâm Đồng, ngày … *", "__I. MỤC ĐÍCH __": emphasis around a whole line
		 * with spaces inside its marks, which Markdown would not read as emphasis */
		if (tighten_emphasis(cx, i, &b, removed))
			changed = 1;
		if (changed)
			rs_rewrite(cx, i, BC_RESTORE_MARKDOWN, b.s, b.len);
		else
			l->nshifts = 0;
	}
	bc_buf_free(&b);
}
