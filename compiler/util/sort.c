/* sort.c — qsort that accepts an empty array (qsort(NULL, 0, …) is undefined behaviour). */
#include "sort.h"

#include <stdlib.h>

void bc_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	/* fewer than two elements are sorted already, and base may then be NULL */
	if (n > 1 && base)
		qsort(base, n, size, cmp);
}
