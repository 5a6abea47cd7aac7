/* arena.h — bump allocation for the report model: many small objects, freed at once. */
#ifndef BAOCAO_ARENA_H
#define BAOCAO_ARENA_H

#include <stddef.h>

typedef struct bc_arena_chunk bc_arena_chunk;

typedef struct bc_arena {
	bc_arena_chunk *head;
	size_t used;     /* bytes handed out, for the resource limits */
} bc_arena;

void bc_arena_init(bc_arena *a);
/* Zeroed memory, aligned to 8 bytes (pointers, sizes, doubles: nothing in the
 * model needs more); aborts the program on exhaustion. */
void *bc_arena_alloc(bc_arena *a, size_t size);
/* Room for about `size` more bytes, its pages mapped in one system call: a
 * big report makes megabytes of nodes, and a page fault every 4 KB costs
 * more than the parse of that page (small sizes are ignored). */
void bc_arena_reserve(bc_arena *a, size_t size);
char *bc_arena_strndup(bc_arena *a, const char *s, size_t len);
void bc_arena_free(bc_arena *a);

#endif
