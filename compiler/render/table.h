/* table.h — one side's table of outputs, made from outputs.def: included once by builtin.c and once by plugin.c, with BC_OUTPUT_SIDE set. */

#ifndef BAOCAO_VERSION
#define BAOCAO_VERSION "0"
#endif

/* Every line of outputs.def is an entry, named, so the program knows every
 * command; only this side's entries have a render function. */
static const bc_renderer side_entries[] = {
#define BC_OUTPUT(n, ext, where, summary) { #n, ext, summary, (where) == BC_OUTPUT_SIDE ? bc_##n##_output : NULL },
#include "outputs.def"
#undef BC_OUTPUT
};

#define BC_SIDE_TABLE { BC_RENDER_ABI, sizeof(bc_renderer), BAOCAO_VERSION, sizeof side_entries / sizeof side_entries[0], side_entries }
