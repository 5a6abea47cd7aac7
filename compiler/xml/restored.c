/* restored.c — what the restore stage undid, as XML: each line it dropped or changed, as the input had it. */
#include "xw.h"

#include <string.h>

#include "../restore/restore.h"

/*
 * Nothing of the input is lost from the archive: a page number or a stamp
 * the restore stage dropped, and a line it changed (a PDF font's wrong
 * letters, Markdown's escapes), are kept here with their input line, so that
 * the document's text and this list together hold every word the file had.
 */
void xw_restored(xw *x, const bc_restore *r)
{
	if (!r || !r->nrec)
		return;
	xw_open_block(x, "restored");
	const char *shape = bc_shape_name(r->shape);
	xw_attr(x, "shape", shape, strlen(shape));
	if (r->ocr)   /* an OCR reading of a scan: its slips are the reading's */
		xw_attr(x, "ocr", "true", 4);
	for (size_t i = 0; i < r->nrec; i++) {
		const bc_restore_record *rec = &r->rec[i];
		xw_indent(x);
		xw_start(x, rec->dropped ? "removed" : "changed");
		const char *kind = bc_restore_kind_name(rec->kind);
		xw_attr(x, "kind", kind, strlen(kind));
		xw_attr_long(x, "line", (long)rec->line);
		xw_text(x, rec->text, rec->len);
		xw_end(x);
	}
	xw_close_block(x, 1);
}
