/* output.c — the XML output of the renderer table: the archival XML, streamed to its file, or made whole and validated on request. */
#include "../render/render.h"
#include "xml.h"

int bc_xml_output(const bc_document *doc, const bc_render_options *opt, bc_buf *out, bc_diags *diags)
{
	if (!opt || !opt->validate)
		return bc_xml_render(doc, out) != 0 ? 2 : 0;
	/* validation reads the whole document: it is made apart, then appended
	 * (out may spill to the file as it grows, and is never read back) */
	bc_buf whole = BC_BUF_INIT;
	int rc = bc_xml_render(doc, &whole) != 0 ? 2 : 0;
	/* a document the schema refuses is the writer's fault, never the input's: the problems are internal errors */
	if (rc == 0 && bc_xml_validate(whole.s ? whole.s : "", whole.len, diags, NULL) != 0)
		rc = 2;
	if (rc == 0)
		bc_buf_put(out, whole.s ? whole.s : "", whole.len);
	bc_buf_free(&whole);
	return rc;
}
