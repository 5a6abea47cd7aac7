/* pdf.h — the print-ready PDF of a report (Nghị định 30/2020/NĐ-CP, Phụ lục I), written with libharu. */
#ifndef BAOCAO_PDF_H
#define BAOCAO_PDF_H

#include "../diag/diag.h"
#include "../model/report.h"
#include "../render/render.h"

/*
 * bc_pdf_output (declared in render.h from outputs.def) typesets the document
 * and appends the finished PDF to `out`.  Returns 0 on success; 1 when the
 * document cannot be typeset (no suitable font, a character the font lacks, a
 * template outside the state format's ranges — a diagnostic is added); 2 when
 * libharu itself fails (out of memory, an internal error).
 */

#endif
