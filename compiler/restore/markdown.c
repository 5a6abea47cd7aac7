/* markdown.c — what Markdown converters of Word files add: backslash escapes and __strong__. */
#include "restore_int.h"

#include <string.h>

#include "../util/buf.h"

/*
 * mammoth and pandoc escape every punctuation mark Markdown could read as
 * syntax: "a\)", "1\.", "\- Nơi nhận", "\(Kèm theo"; and mammoth writes bold
 * as "__ỦY BAN NHÂN DÂN__".  In the baocao format a backslash escapes only the
 * characters of its own markup (* < > [ ] ^ | \, FORMAT.md §3.5), so those
 * stay; the others lose their backslash, and a __pair__ on one line becomes
 * **pair**, the same length.  Only a text whose shape is Markdown (several
 * such escapes, or forced) is touched: a lone backslash in a typed text is
 * the author's.
 */
static int own_escape(char c) { return c && strchr("*<>[]^|\\", c) != NULL; }
static int md_escape(char c) { return c && strchr(".-()!#+=_`{}~\"'", c) != NULL; }

/* "__" at s[k] opens or closes strong text: a letter or digit inside, next to it. */
static int is_word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

void rs_markdown(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_MARKDOWN)
		return;
	bc_buf b = BC_BUF_INIT;
	for (size_t i = 0; i < cx->n; i++) {
		rs_line *l = &cx->v[i];
		if (l->dropped || (!memchr(l->s, '\\', l->len) && !memchr(l->s, '_', l->len)))
			continue;
		bc_buf_clear(&b);
		const char *s = l->s;
		size_t n = l->len;
		uint32_t col = 1, removed = 0;
		int changed = 0;
		/* __ pairs: the first opener with a closer after it on the line */
		size_t open = (size_t)-1;
		for (size_t k = 0; k < n; k++) {
			if (s[k] == '\\' && k + 1 < n && md_escape(s[k + 1]) && !own_escape(s[k + 1])) {
				/* the escaped mark stays, its backslash goes: later columns are one further in the input */
				removed++;
				changed = 1;
				rs_shift(cx, i, col, removed);
				bc_buf_putc(&b, s[k + 1]);
				k++;
				col++;
				continue;
			}
			if (s[k] == '\\' && k + 1 < n) {
				bc_buf_put(&b, s + k, 2);
				k++;
				col += 2;
				continue;
			}
			if (s[k] == '_' && k + 1 < n && s[k + 1] == '_') {
				int opens = k + 2 < n && is_word_byte((unsigned char)s[k + 2]);
				int closes = k > 0 && is_word_byte((unsigned char)s[k - 1]);
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
		if (changed)
			rs_rewrite(cx, i, BC_RESTORE_MARKDOWN, b.s, b.len);
		else
			l->nshifts = 0;
	}
	bc_buf_free(&b);
}
