/* builtin.c — the table of the outputs the program holds itself (those outputs.def marks BC_OUTPUT_BUILTIN). */
#include "render.h"

#include <string.h>

#ifndef BAOCAO_VERSION
#define BAOCAO_VERSION "0"
#endif

/* Every line of outputs.def yields an entry; those of the other side are left empty and skipped. */
static const bc_renderer builtin[] = {
#define BC_OUTPUT(n, ext, where, summary) \
	{ (where) == BC_OUTPUT_BUILTIN ? #n : NULL, ext, summary, (where) == BC_OUTPUT_BUILTIN ? bc_##n##_output : NULL },
#include "outputs.def"
#undef BC_OUTPUT
};

const bc_output_table bc_builtin_outputs = {
	BC_RENDER_ABI, sizeof(bc_renderer), BAOCAO_VERSION, sizeof builtin / sizeof builtin[0], builtin,
};

const bc_renderer *bc_output_find(const bc_output_table *t, const char *name)
{
	for (size_t i = 0; i < t->count; i++)
		if (t->renderers[i].name && strcmp(t->renderers[i].name, name) == 0)
			return &t->renderers[i];
	return NULL;
}
