/* buf.h — a growable byte buffer. */
#ifndef BAOCAO_BUF_H
#define BAOCAO_BUF_H

#include <stddef.h>

typedef struct bc_buf {
	char *s;        /* always NUL-terminated once anything is added */
	size_t len, cap;
} bc_buf;

#define BC_BUF_INIT { NULL, 0, 0 }

/* Room for n more bytes at once, when the size is known: no growing copies. */
void bc_buf_reserve(bc_buf *b, size_t n);
void bc_buf_put(bc_buf *b, const char *s, size_t n);
void bc_buf_puts(bc_buf *b, const char *s);
void bc_buf_putc(bc_buf *b, char c);
void bc_buf_printf(bc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void bc_buf_clear(bc_buf *b);
void bc_buf_free(bc_buf *b);
const char *bc_buf_cstr(bc_buf *b);   /* "" when empty */

#endif
