/* decode.h — input decoding: bytes in any supported encoding to NFC UTF-8 with LF line ends. */
#ifndef BAOCAO_DECODE_H
#define BAOCAO_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "../diag/diag.h"

/* Columns of a line from which characters were removed (format characters,
 * §2.2 of grammar/FORMAT.md): from decoded column `col` on, add `shift` to
 * get the input's. */
typedef struct bc_source_shift {
	uint32_t line, col, shift;
} bc_source_shift;

typedef struct bc_source {
	char *text;             /* NFC UTF-8, LF line ends, no BOM, NUL-terminated; malloc'd */
	size_t len;
	char encoding[24];      /* what was read: "UTF-8", "UTF-16LE", "UTF-16BE", "CP1258", "TCVN" */
	/* the lines that begin after a form feed, ascending: where a PDF's
	 * extracted text began a new page (the form feed itself is a line end) */
	uint32_t *page_starts;  /* malloc'd, or NULL */
	/* page_cols[k]: the characters of the input's line before decoded line
	 * page_starts[k] begins, the form feed included.  An editor counts no
	 * line at a form feed (pdftotext writes "\fText" for a page's first
	 * line): positions go back to the input's lines with these */
	uint32_t *page_cols;
	size_t npage_starts;
	bc_source_shift *shifts; /* sorted by line, then col; malloc'd, or NULL */
	size_t nshifts;
} bc_source;

/*
 * Decodes `n` bytes.  `encoding` is NULL or "auto" for detection, or one of
 * "utf-8", "utf-16", "utf-16le", "utf-16be", "cp1258" (also "windows-1258"),
 * "tcvn" (also "tcvn3", "tcvn5712"), case-insensitive.
 *
 * Returns 0 on success.  On failure returns -1, leaves out->text NULL and
 * adds a FATAL diagnostic whose position is the line and column (in
 * characters, 1-based, counted in the decoded text up to the fault) of the
 * first bad byte.  Recoverable oddities (decomposed diacritics) are reported
 * as warnings with their position and do not fail.
 */
int bc_decode(const unsigned char *bytes, size_t n, const char *encoding, bc_source *out, bc_diags *diags);
/* The same, with the input's name as the user gave it, for the command a refusal proposes
 * (a .docx: the soffice line that converts it); NULL writes FILE. */
int bc_decode_named(const unsigned char *bytes, size_t n, const char *encoding, const char *name, bc_source *out,
                    bc_diags *diags);
void bc_source_free(bc_source *src);

struct bc_document;
/* A position in the decoded text as one in the input (the columns of the
 * format characters removed put back, the lines a form feed ended joined). */
bc_pos bc_source_pos(const bc_source *src, bc_pos p);
/* A decoded line as the input's (an editor's) line. */
uint32_t bc_source_line(const bc_source *src, uint32_t line);
/* Every position of the model's nodes and of diags[from..] moved back to the
 * input's lines and columns, and the input lines of diags[..from) (bc_decode's
 * own, at the input's columns already): called after bc_restore_remap, with
 * `from` the number of diagnostics bc_decode left. */
void bc_source_remap(const bc_source *src, struct bc_document *doc, bc_diags *diags, size_t from);

/* Whether s[0..n) is one Vietnamese syllable as it is written: an initial,
 * a vowel nucleus and a final that the language puts together, at most one
 * tone mark, in lower case, capitals or capitalised ("liệu", "CHÚ", "Ghi";
 * not "li ệu" nor "STT"). */
int bc_vn_syllable(const char *s, size_t n);

/* Input size limit, documented in the man page. */
#define BC_MAX_INPUT_BYTES ((size_t)256 * 1024 * 1024)

#endif
