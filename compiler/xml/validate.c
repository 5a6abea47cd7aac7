/* validate.c — checks XML against the embedded RELAX NG schema, parsing with the network, DTDs and entities shut off. */
#include "xml.h"

#include <limits.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

/* grammar/baocao.rng, generated into schema_data.c by grammar/embed-schema.sh. */
extern const char bc_schema_rng[];
extern const size_t bc_schema_rng_len;

const char *bc_xml_schema_text(size_t *len)
{
	if (len)
		*len = bc_schema_rng_len;
	return bc_schema_rng;
}

/* Where libxml2's messages go while we parse or validate. */
typedef struct sink {
	FILE *out;
	size_t count;
	bc_diags *diags;   /* also collected here when the caller wants them */
} sink;

#define MAX_PRINTED 100   /* a broken document can yield one message per element */

static void on_error(void *ctx, xmlErrorPtr e)
{
	sink *k = ctx;
	if (!k || !e || e->level == XML_ERR_WARNING)
		return;
	k->count++;
	if (k->count > MAX_PRINTED)
		return;
	const char *msg = e->message ? e->message : "error";
	size_t len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	int line = e->line;
	if (line <= 0 && e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	/* the position is in the XML, which the argument says; the source has none */
	if (k->diags)
		bc_diag_add(k->diags, BC_E_XML_SCHEMA, (bc_pos){ 1, 1 }, _("dòng %d của XML: %.*s"), line, (int)len, msg);
	if (!k->out)
		return;
	if (line > 0)
		fprintf(k->out, "line %d: %.*s\n", line, (int)len, msg);
	else
		fprintf(k->out, "%.*s\n", (int)len, msg);
}

/* No external entity, DTD or schema include is ever fetched, whatever the options. */
static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	(void)ctxt;
	(void)url;
	return NULL;
}

typedef struct guard {
	xmlStructuredErrorFunc serror;
	void *sctx;
	xmlExternalEntityLoader loader;
} guard;

static void guard_on(guard *g, sink *k)
{
	g->serror = xmlStructuredError;
	g->sctx = xmlStructuredErrorContext;
	g->loader = xmlGetExternalEntityLoader();
	xmlSetStructuredErrorFunc(k, on_error);
	xmlSetExternalEntityLoader(deny_loader);
}

static void guard_off(guard *g)
{
	xmlSetStructuredErrorFunc(g->sctx, g->serror);
	xmlSetExternalEntityLoader(g->loader);
}

/* NONET: no network.  No NOENT: entities stay references.  No DTDLOAD,
 * DTDATTR or DTDVALID: the external subset is never read.  BIG_LINES: true
 * line numbers past 65535 in messages. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

static xmlDocPtr parse(const char *xml, size_t len, const char *url)
{
	if (!xml || len > INT_MAX)
		return NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return NULL;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml, (int)len, url, NULL, SAFE_OPTIONS);
	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr bc_xml_parse_safe(const char *xml, size_t len, FILE *errors)
{
	sink k = { errors, 0, NULL };
	guard g;
	guard_on(&g, &k);
	xmlDocPtr doc = parse(xml, len, "report.xml");
	guard_off(&g);
	return doc;
}

int bc_xml_validate(const char *xml, size_t len, bc_diags *diags_or_null, FILE *errors)
{
	sink k = { errors, 0, diags_or_null };
	sink schema_errors = { errors, 0, NULL };
	guard g;
	int rc = -1;
	xmlDocPtr doc = NULL, sdoc = NULL;
	xmlRelaxNGParserCtxtPtr pctxt = NULL;
	xmlRelaxNGPtr schema = NULL;
	xmlRelaxNGValidCtxtPtr vctxt = NULL;

	guard_on(&g, &k);
	doc = parse(xml, len, "report.xml");
	if (!doc) {
		if (k.count == 0 && errors)
			fprintf(errors, "not well-formed XML\n");
		rc = 1;
		goto out;
	}
	if (doc->intSubset || doc->extSubset) {
		xmlDtdPtr dtd = doc->intSubset ? doc->intSubset : doc->extSubset;
		if (errors)
			fprintf(errors, "line %ld: a DOCTYPE is not allowed in a report\n", xmlGetLineNo((xmlNodePtr)dtd));
		rc = 1;
		goto out;
	}

	xmlSetStructuredErrorFunc(&schema_errors, on_error);
	sdoc = parse(bc_schema_rng, bc_schema_rng_len, "baocao.rng");
	if (!sdoc)
		goto out;
	pctxt = xmlRelaxNGNewDocParserCtxt(sdoc);   /* copies sdoc */
	if (!pctxt)
		goto out;
	xmlRelaxNGSetParserStructuredErrors(pctxt, on_error, &schema_errors);
	schema = xmlRelaxNGParse(pctxt);
	if (!schema)
		goto out;

	xmlSetStructuredErrorFunc(&k, on_error);
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	if (!vctxt)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vctxt, on_error, &k);
	int r = xmlRelaxNGValidateDoc(vctxt, doc);
	if (r == 0)
		rc = 0;
	else if (r > 0)
		rc = 1;
out:
	if (rc < 0 && errors)
		fprintf(errors, "internal error: the embedded schema could not be used\n");
	if (vctxt)
		xmlRelaxNGFreeValidCtxt(vctxt);
	if (schema)
		xmlRelaxNGFree(schema);
	if (pctxt)
		xmlRelaxNGFreeParserCtxt(pctxt);
	xmlFreeDoc(sdoc);
	xmlFreeDoc(doc);
	guard_off(&g);
	return rc;
}
