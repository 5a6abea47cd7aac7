/* plugin.c — the table of the outputs in baocao-render.so (those outputs.def marks BC_OUTPUT_PLUGIN), found by the program under BC_PLUGIN_SYMBOL. */
#include "render.h"

#ifndef BAOCAO_VERSION
#define BAOCAO_VERSION "0"
#endif

static const bc_renderer plugin[] = {
#define BC_OUTPUT(n, ext, where, summary) \
	{ (where) == BC_OUTPUT_PLUGIN ? #n : NULL, ext, summary, (where) == BC_OUTPUT_PLUGIN ? bc_##n##_output : NULL },
#include "outputs.def"
#undef BC_OUTPUT
};

const bc_output_table bc_plugin_outputs = {
	BC_RENDER_ABI, sizeof(bc_renderer), BAOCAO_VERSION, sizeof plugin / sizeof plugin[0], plugin,
};
