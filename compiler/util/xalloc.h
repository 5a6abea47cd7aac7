/* xalloc.h — allocation that ends the program cleanly when memory runs out. */
#ifndef BAOCAO_XALLOC_H
#define BAOCAO_XALLOC_H

#include <stddef.h>

void *bc_xmalloc(size_t n);
void *bc_xcalloc(size_t n, size_t size);
void *bc_xrealloc(void *p, size_t n);
char *bc_xstrdup(const char *s);
/* Room for element n (0-based, about to be appended) of an array that keeps
 * only its count: the array doubles when n reaches a power of two, so that
 * appending one at a time stays linear. */
void *bc_xgrow(void *p, size_t n, size_t size);

#endif
