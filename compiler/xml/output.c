/* output.c — the XML output of the renderer table: the archival XML in memory, validated on request. */
#include "../render/render.h"
#include "xml.h"

int bc_xml_output(const bc_document *doc, const bc_render_options *opt, bc_buf *out, bc_diags *diags)
{
	if (bc_xml_render(doc, out) != 0)
		return 2;
	/* a document the schema refuses is the writer's fault, never the input's: the problems are internal errors */
	if (opt && opt->validate && bc_xml_validate(out->s, out->len, diags, NULL) != 0)
		return 2;
	return 0;
}
