/* buf.c — a growable byte buffer. */
#include "buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"
#include <stdlib.h>

int bc_buf_flush(bc_buf *b)
{
	if (b->spill && b->len) {
		if (!b->spill_err && b->spill(b->spill_ctx, b->s, b->len) != 0)
			b->spill_err = errno ? errno : EIO;
		b->len = 0;
		b->s[0] = '\0';
	}
	if (b->spill_err) {
		errno = b->spill_err;
		return -1;
	}
	return 0;
}

static void grow(bc_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	if (b->spill && b->len + extra + 1 > BC_BUF_SPILL_AT) {
		bc_buf_flush(b);
		if (extra + 1 <= b->cap)
			return;
	}
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = bc_xrealloc(b->s, cap);
	b->cap = cap;
}

void bc_buf_put(bc_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *bc_buf_reserve(bc_buf *b, size_t n)
{
	grow(b, n);
	b->s[b->len] = '\0';
	return b->s + b->len;
}

void bc_buf_puts(bc_buf *b, const char *s) { bc_buf_put(b, s, strlen(s)); }

void bc_buf_putc(bc_buf *b, char c) { bc_buf_put(b, &c, 1); }

void bc_buf_printf(bc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		bc_buf_put(b, tmp, (size_t)n);
		return;
	}
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void bc_buf_clear(bc_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void bc_buf_free(bc_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *bc_buf_cstr(bc_buf *b) { return b->s ? b->s : ""; }
