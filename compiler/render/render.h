/* render.h — the one interface every output (tree, XML, PDF, …) implements, and the tables that list them. */
#ifndef BAOCAO_RENDER_H
#define BAOCAO_RENDER_H

#include <stddef.h>

#include "../diag/diag.h"
#include "../model/report.h"
#include "../util/buf.h"

/*
 * An output reads the finished model and appends its bytes to a buffer; the
 * program alone writes them to their place, through one atomic path (a
 * temporary file renamed over the target), so that no output can leave a
 * partial file or touch a previous one.  For a file target the buffer spills
 * to that temporary file as it grows (bc_buf's spill): an output only
 * appends to `out` and never reads it back.
 *
 * Adding an output is one new file defining
 *     int bc_NAME_output(const bc_document *, const bc_render_options *, bc_buf *, bc_diags *)
 * plus one line in outputs.def.  The prototype below is generated from that
 * line, so a definition that does not match it fails to compile.
 */

/* Raised whenever bc_render_options, bc_renderer or bc_render_fn change. */
#define BC_RENDER_ABI 1

typedef struct bc_render_options {
	const char *template_path;   /* pdf: page layout (NULL: by document type) */
	long long source_date_epoch; /* pdf: fixed creation date, <0 none (reproducible builds) */
	int validate;                /* xml: validate against the embedded schema before writing */
} bc_render_options;

/*
 * Renders `doc` by appending to `out`.  Returns 0 on success; 1 when the
 * document cannot be rendered for a reason of the input (a diagnostic of level
 * error or above was added to `diags`); 2 on an internal failure (out of memory
 * in a library, a library error; a diagnostic added where one exists).
 */
typedef int bc_render_fn(const bc_document *doc, const bc_render_options *opt, bc_buf *out, bc_diags *diags);

/* Where an output lives: in the program, or in the plugin with its libraries. */
enum { BC_OUTPUT_BUILTIN, BC_OUTPUT_PLUGIN };

typedef struct bc_renderer {
	const char *name;       /* the command: "xml" */
	const char *ext;        /* default output beside the input ("IN.xml"); NULL: standard output */
	const char *summary;    /* one line for --help */
	bc_render_fn *render;
} bc_renderer;

/* Every output's prototype, from outputs.def. */
#define BC_OUTPUT(name, ext, where, summary) bc_render_fn bc_##name##_output;
#include "outputs.def"
#undef BC_OUTPUT

/*
 * A table of outputs, as the program finds it in itself (bc_builtin_outputs)
 * or in the plugin (the symbol BC_PLUGIN_SYMBOL): the ABI it was built for,
 * the version of baocao, then the renderers.  The program checks abi and
 * struct_size before it reads anything else.
 */
typedef struct bc_output_table {
	unsigned abi;              /* BC_RENDER_ABI when built */
	size_t struct_size;        /* sizeof(bc_renderer) when built */
	const char *version;       /* BAOCAO_VERSION when built */
	size_t count;
	const bc_renderer *renderers;
} bc_output_table;

#define BC_PLUGIN_SYMBOL "bc_plugin_outputs"
extern const bc_output_table bc_builtin_outputs;
extern const bc_output_table bc_plugin_outputs;

/* The entry called `name` in `t`, whether or not its render function is on t's side, or NULL:
 * every table names every output of outputs.def. */
const bc_renderer *bc_output_lookup(const bc_output_table *t, const char *name);
/* The renderer called `name` in `t`, or NULL when it is not there or lives on the other side. */
const bc_renderer *bc_output_find(const bc_output_table *t, const char *name);

#endif
