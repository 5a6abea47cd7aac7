/* xml.h — the archival XML form of a report, and its validation against the embedded RELAX NG schema. */
#ifndef BAOCAO_XML_H
#define BAOCAO_XML_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "../diag/diag.h"
#include "../model/report.h"
#include "../util/buf.h"

/* The namespace of every element of the vocabulary (grammar/baocao.rng). */
#define BC_XML_NS "urn:baocao:report:1"

/*
 * Writes the whole document (XML declaration, <report> root and everything
 * under it) to an open writer.  Text is written as UTF-8; bytes that XML
 * cannot carry (C0 controls other than TAB/LF/CR, malformed UTF-8) become
 * U+FFFD so the output is always well-formed.  Returns 0, or -1 when the
 * writer fails.
 */
int bc_xml_write(const bc_document *doc, xmlTextWriterPtr w);

/* The same into memory: appends the UTF-8 document to `out`.  0, or -1. */
int bc_xml_render(const bc_document *doc, bc_buf *out);

/*
 * Validates `len` bytes of XML against the embedded schema.  The XML is parsed
 * without network access, without loading DTDs or external entities and
 * without substituting entities; a document with a DOCTYPE is refused, since
 * the vocabulary has none.  Returns 0 when valid, 1 when not well-formed or not
 * valid (each problem printed to `errors`, if not NULL, as "line N: message"),
 * -1 on an internal failure (the schema does not compile, out of memory).
 * Each problem is also added to `diags_or_null`, when given, as E_XML_SCHEMA.
 */
int bc_xml_validate(const char *xml, size_t len, bc_diags *diags_or_null, FILE *errors);

/*
 * Parses XML with exactly the guards bc_xml_validate uses (no network, no DTD
 * loading, no entity substitution, no external entity loader).  Problems go
 * to `errors` if not NULL.  NULL when not well-formed; free with xmlFreeDoc.
 */
xmlDocPtr bc_xml_parse_safe(const char *xml, size_t len, FILE *errors);

/* The embedded grammar/baocao.rng, byte for byte (NUL-terminated). */
const char *bc_xml_schema_text(size_t *len);

#endif
