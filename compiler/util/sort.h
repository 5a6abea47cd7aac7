/* sort.h — qsort that accepts an empty array (qsort(NULL, 0, …) is undefined behaviour). */
#ifndef BAOCAO_SORT_H
#define BAOCAO_SORT_H

#include <stddef.h>

void bc_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
