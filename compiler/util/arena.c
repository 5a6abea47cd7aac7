/* arena.c — bump allocation for the report model. */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xalloc.h"

#define CHUNK_MIN (64 * 1024)

/* A reservation below this is left to ordinary chunks; above the cap, the
 * rest is too (a limit may stop the parse long before). */
#define RESERVE_MIN (256 * 1024)
#define RESERVE_MAX (64 * 1024 * 1024)

struct bc_arena_chunk {
	bc_arena_chunk *next;
	size_t size, off;
	size_t mapped;   /* bytes mapped with mmap, 0 when from malloc */
	max_align_t data[];
};

void bc_arena_init(bc_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void *bc_arena_alloc(bc_arena *a, size_t size)
{
	/* Eight bytes: the model holds pointers, sizes and ints, nothing wider;
	 * rounding every node and string to sixteen (max_align_t) cost a table's
	 * million small objects 8 bytes each. */
	const size_t align = 8;
	size = (size + align - 1) / align * align;
	bc_arena_chunk *c = a->head;
	if (c == NULL || c->size - c->off < size) {
		size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
		c = bc_xmalloc(sizeof *c + want);
		c->size = want;
		c->off = 0;
		c->mapped = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->off;
	c->off += size;
	a->used += size;
	memset(p, 0, size);
	return p;
}

void bc_arena_reserve(bc_arena *a, size_t size)
{
	if (size < RESERVE_MIN)
		return;
	if (size > RESERVE_MAX)
		size = RESERVE_MAX;
	size_t bytes = sizeof(bc_arena_chunk) + size;
	bc_arena_chunk *c = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (c == MAP_FAILED)
		return;   /* ordinary chunks will do */
	c->size = size;
	c->off = 0;
	c->mapped = bytes;
	c->next = a->head;
	a->head = c;
}

char *bc_arena_strndup(bc_arena *a, const char *s, size_t len)
{
	char *p = bc_arena_alloc(a, len + 1);
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void bc_arena_free(bc_arena *a)
{
	bc_arena_chunk *c = a->head;
	while (c) {
		bc_arena_chunk *n = c->next;
		if (c->mapped)
			munmap(c, c->mapped);
		else
			free(c);
		c = n;
	}
	a->head = NULL;
	a->used = 0;
}
