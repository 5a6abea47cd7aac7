/* check.h — the draft checker: tables of per-node checks over the report model. */
#ifndef BAOCAO_CHECK_H
#define BAOCAO_CHECK_H

#include "../model/report.h"
#include "../diag/diag.h"

/* Runs every check on the document; findings are added to diags. */
void bc_check(const bc_document *doc, bc_diags *diags);

/* The same findings as JSON, and as SARIF 2.1.0 for code-review tools. */
void bc_diags_print_json(FILE *out, const bc_diags *d, const char *filename, bc_lang lang);
void bc_diags_print_sarif(FILE *out, const bc_diags *d, const char *filename, bc_lang lang);

#endif
