/* diag.h — diagnostics, the stage every other reports through: stable codes with a level and one fixed text, a list, three printers. */
#ifndef BAOCAO_DIAG_H
#define BAOCAO_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "../model/report.h"
#include "../util/i18n.h"

typedef enum bc_level { BC_LEVEL_NOTE = 0, BC_LEVEL_WARNING, BC_LEVEL_ERROR, BC_LEVEL_FATAL, BC_LEVEL_COUNT } bc_level;

typedef enum bc_diag_code {
#define BC_DIAG(code, id, level, vi, en) BC_##code,
#include "diag_codes.def"
#undef BC_DIAG
	BC_DIAG_COUNT
} bc_diag_code;

typedef struct bc_diag {
	bc_diag_code code;
	bc_pos pos;
	char *arg;          /* optional argument, owned; NULL if none */
	size_t seq;         /* order of reporting, to keep sorting stable */
} bc_diag;

typedef struct bc_diags {
	bc_diag *v;
	size_t n, cap;
	size_t count[BC_LEVEL_COUNT];
	size_t limit;       /* store at most this many notes and warnings, and as many errors and fatals (0: 10000) */
	size_t stored[2];   /* stored so far: [0] notes and warnings, [1] errors and fatals */
	size_t dropped;     /* counted, not stored, over the limit: notes and warnings */
	size_t dropped_errors;   /* the same, errors and fatals */
} bc_diags;

void bc_diags_init(bc_diags *d);
void bc_diags_free(bc_diags *d);
void bc_diag_add(bc_diags *d, bc_diag_code code, bc_pos pos, const char *argfmt, ...)
	__attribute__((format(printf, 4, 5)));
void bc_diag_vadd(bc_diags *d, bc_diag_code code, bc_pos pos, const char *argfmt, va_list ap);

bc_level bc_diag_level(bc_diag_code code);
const char *bc_diag_id(bc_diag_code code);
/* The code's text in lang: the Vietnamese column of diag_codes.def, or its translation in the
 * catalogue (for English, made from the English column: po/diag2po.c). */
const char *bc_diag_text(bc_diag_code code, bc_lang lang);
const char *bc_level_name(bc_level level, bc_lang lang);

/* Sorts by position, keeping the order of reporting among equals. */
void bc_diags_sort(bc_diags *d);
/* The worst level present, or -1 if none. */
int bc_diags_worst(const bc_diags *d);

/* print.c: every diagnostic at or above min_level as "file:line:col: level: message [id]", at most
 * per_code of one code and then one line "file: … và N lần nữa [id]" (0: no limit);
 * all of them as JSON; all of them as SARIF 2.1.0 for code-review tools.  What the limit kept
 * out (bc_diags.dropped, dropped_errors) ends each as one more finding, [diagnostics-not-shown],
 * whose argument is the count. */
enum { BC_DIAG_PER_CODE = 5 };   /* check's text output, without --verbose */
void bc_diags_print(FILE *out, const bc_diags *d, const char *filename, bc_level min_level, bc_lang lang,
                    size_t per_code);
/* One line after the text's findings: "2 lỗi, 5 cảnh báo, 3 ghi chú", or "Không phát hiện lỗi." */
void bc_diags_print_summary(FILE *out, const bc_diags *d, bc_lang lang);
void bc_diags_print_json(FILE *out, const bc_diags *d, const char *filename, bc_lang lang);
void bc_diags_print_sarif(FILE *out, const bc_diags *d, const char *filename, bc_lang lang);

#endif
