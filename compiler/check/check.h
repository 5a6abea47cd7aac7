/* check.h — the draft checker: tables of per-node checks over the report model. */
#ifndef BAOCAO_CHECK_H
#define BAOCAO_CHECK_H

#include "../model/report.h"
#include "../diag/diag.h"

/* Runs every check on the document; findings are added to diags. */
void bc_check(const bc_document *doc, bc_diags *diags);

#endif
