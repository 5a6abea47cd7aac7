/* parse.h — the parser: decoded text in, report model out. */
#ifndef BAOCAO_PARSE_H
#define BAOCAO_PARSE_H

#include <stddef.h>

#include "../diag/diag.h"
#include "../model/report.h"

/* Parses NFC UTF-8 text (as bc_decode produces it).  Never fails on odd input:
 * whatever cannot be recognised becomes paragraphs, so no text is lost.
 * Structural problems are added to diags.  The document keeps a pointer to
 * `text`, which must outlive it. */
bc_document *bc_parse(const char *filename, const char *text, size_t len, bc_diags *diags);
/* The same, for a text the restore stage made (restore/restore.h): the
 * document keeps `restore`, and its shape decides how a blank line inside a
 * sentence is read (FORMAT.md §7.5).  restore may be NULL (typed text). */
struct bc_restore;
bc_document *bc_parse_restored(const char *filename, const char *text, size_t len, const struct bc_restore *restore,
                               bc_diags *diags);

/* Where a DATELINE's place ends and its date begins (line.split, place_cut,
 * date_from), from its children and line.place: the parser calls it for
 * every dateline it reads; a tree built by hand calls it the same way. */
void bc_dateline_split(bc_node *n);

#endif
