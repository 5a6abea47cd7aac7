/* pdf.h — the print-ready PDF of a report (Nghị định 30/2020/NĐ-CP, Phụ lục I), written with libharu. */
#ifndef BAOCAO_PDF_H
#define BAOCAO_PDF_H

#include "../diag/diag.h"
#include "../model/report.h"

typedef struct bc_pdf_options {
	const char *template_path;   /* NULL: by document type */
	long long source_date_epoch; /* <0: none */
} bc_pdf_options;

/*
 * Typesets `doc` and writes the PDF to `path` (the caller makes the write
 * atomic).  Returns 0 on success; 1 when the document cannot be typeset (no
 * suitable font, a character the font lacks, a template outside the state
 * format's ranges — a diagnostic is added); 2 when the file cannot be
 * written or libharu itself fails (out of memory, an internal error).
 */
int bc_pdf_write(const bc_document *doc, const char *path, const bc_pdf_options *opt, bc_diags *diags);

#endif
