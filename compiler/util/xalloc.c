/* xalloc.c — allocation that ends the program cleanly when memory runs out. */
#include "xalloc.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exit status 2 is "I/O or resource failure" in the command's contract. */
static void out_of_memory(size_t n)
{
	fprintf(stderr, _("baocao: lỗi: hết bộ nhớ (%zu byte)\n"), n);
	exit(2);
}

void *bc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *bc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *bc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *bc_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = bc_xmalloc(n);
	memcpy(p, s, n);
	return p;
}

void *bc_xgrow(void *p, size_t n, size_t size)
{
	if (n & (n - 1))
		return p;   /* not a power of two (nor 0): the last doubling left room */
	return bc_xrealloc(p, (n ? n * 2 : 1) * size);
}
