/* builtin.c — the table of the outputs the program holds itself (those outputs.def marks BC_OUTPUT_BUILTIN), and the look-ups in a table. */
#include "render.h"

#include <string.h>

#define BC_OUTPUT_SIDE BC_OUTPUT_BUILTIN
#include "table.h"

const bc_output_table bc_builtin_outputs = BC_SIDE_TABLE;

const bc_renderer *bc_output_lookup(const bc_output_table *t, const char *name)
{
	for (size_t i = 0; i < t->count; i++)
		if (t->renderers[i].name && strcmp(t->renderers[i].name, name) == 0)
			return &t->renderers[i];
	return NULL;
}

const bc_renderer *bc_output_find(const bc_output_table *t, const char *name)
{
	const bc_renderer *r = bc_output_lookup(t, name);
	return r && r->render ? r : NULL;
}
