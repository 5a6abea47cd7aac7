/* buf.h — a growable byte buffer. */
#ifndef BAOCAO_BUF_H
#define BAOCAO_BUF_H

#include <stddef.h>

typedef struct bc_buf {
	char *s;        /* always NUL-terminated once anything is added */
	size_t len, cap;
	/* spill: when set, a buffer that would grow past BC_BUF_SPILL_AT hands its
	 * bytes to spill(spill_ctx, s, len) and starts again empty, so that an
	 * output of 50 MB streams to its file through 64 KB instead of being held
	 * whole (only for buffers that are appended to and never read back).
	 * spill returns 0, or -1 with errno set; the first failure's errno is kept
	 * in spill_err and later bytes are dropped. */
	int (*spill)(void *ctx, const char *s, size_t n);
	void *spill_ctx;
	int spill_err;
} bc_buf;

#define BC_BUF_INIT { NULL, 0, 0, NULL, NULL, 0 }
#define BC_BUF_SPILL_AT (64 * 1024)

void bc_buf_put(bc_buf *b, const char *s, size_t n);
void bc_buf_puts(bc_buf *b, const char *s);
void bc_buf_putc(bc_buf *b, char c);
void bc_buf_printf(bc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Room for n more bytes at b->s + b->len, for writing in place (then add to b->len). */
char *bc_buf_reserve(bc_buf *b, size_t n);
void bc_buf_clear(bc_buf *b);
/* Hands what a spilling buffer holds to its spill function now; 0, or -1 when
 * this or an earlier spill failed (errno: b->spill_err). */
int bc_buf_flush(bc_buf *b);
void bc_buf_free(bc_buf *b);
const char *bc_buf_cstr(bc_buf *b);   /* "" when empty */

#endif
