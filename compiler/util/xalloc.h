/* xalloc.h — allocation that ends the program cleanly when memory runs out. */
#ifndef BAOCAO_XALLOC_H
#define BAOCAO_XALLOC_H

#include <stddef.h>

void *bc_xmalloc(size_t n);
void *bc_xcalloc(size_t n, size_t size);
void *bc_xrealloc(void *p, size_t n);
char *bc_xstrdup(const char *s);

#endif
