/* plugin.c — the table of the outputs in baocao-render.so (those outputs.def marks BC_OUTPUT_PLUGIN), found by the program under BC_PLUGIN_SYMBOL. */
#include "render.h"

#define BC_OUTPUT_SIDE BC_OUTPUT_PLUGIN
#include "table.h"

const bc_output_table bc_plugin_outputs = BC_SIDE_TABLE;
