/* xml.c — the report model as archival XML (grammar/baocao.rng): the document element around its parts, written with libxml2's xmlTextWriter. */
#include "xw.h"

#include <string.h>

static int is_root_part(const bc_node *c)
{
	return c->type == BC_NODE_META || c->type == BC_NODE_BODY || c->type == BC_NODE_CLOSING ||
	       c->type == BC_NODE_NOTES || c->type == BC_NODE_APPENDIX;
}

int bc_xml_write(const bc_document *doc, xmlTextWriterPtr w)
{
	if (!doc || !w)
		return -1;
	xw x;
	memset(&x, 0, sizeof x);
	x.w = w;
	x.doc = doc;
	x.facts = bc_document_facts(doc);
	const bc_node *root = doc->root;
	const bc_node *meta = x.facts->meta, *body = x.facts->body, *closing = x.facts->closing, *notes = x.facts->notes;

	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		x.err = 1;
	/* The default namespace as a plain attribute: the writer would put it last. */
	xw_start(&x, "report");
	xw_attr(&x, "xmlns", BC_XML_NS, strlen(BC_XML_NS));
	xw_attr(&x, "version", "1", 1);
	const char *src = doc->filename ? doc->filename : "-";
	/* the name as given, but never a path of the machine that compiled it: an absolute one keeps its base name */
	if (src[0] == '/' && strrchr(src, '/')[1])
		src = strrchr(src, '/') + 1;
	xw_attr(&x, "source", src, strlen(src));
	size_t enc = strnlen(doc->source_encoding, sizeof doc->source_encoding);
	if (enc)
		xw_attr(&x, "encoding", doc->source_encoding, enc);
	const char *code = x.facts->doctype ? bc_doctype_code(x.facts->doctype->as.line->doctype) : "";
	if (code[0])
		xw_attr(&x, "doctype", code, strlen(code));
	if (x.facts->family == BC_FAMILY_PARTY) {
		/* the Party's rules, and the guide in force on its date; the state's go unsaid */
		xw_attr(&x, "family", "party", 5);
		const char *g = bc_guide_name(x.facts->guide);
		xw_attr(&x, "guide", g, strlen(g));
	}
	x.depth = 1;

	xw_meta(&x, meta);

	xw_open_block(&x, "body");
	int n = body ? xw_block_seq(&x, body->first) : 0;
	/* Whatever else hangs from the root is kept, at the end of the body. */
	for (const bc_node *c = root ? root->first : NULL; c; c = c->next) {
		if (is_root_part(c))
			continue;
		if (bc_node_is_inline(c))
			c = xw_inline_run(&x, c);
		else
			xw_block(&x, c);
		n++;
	}
	xw_close_block(&x, n);

	if (closing && closing->first)
		xw_closing(&x, closing);
	for (const bc_node *c = root ? root->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_APPENDIX)
			xw_appendix(&x, c);
	if (notes && notes->first)
		xw_notes(&x, notes);
	xw_restored(&x, doc->restore);

	x.depth = 0;
	xw_raw(&x, "\n");
	xw_end(&x);
	if (xmlTextWriterEndDocument(w) < 0 || xmlTextWriterFlush(w) < 0)
		x.err = 1;
	bc_buf_free(&x.tmp);
	return x.err ? -1 : 0;
}

/* libxml2's output buffer hands its bytes here a few kilobytes at a time; out
 * may spill them to the output file as it goes (bc_buf's spill). */
static int to_buf(void *ctx, const char *s, int n)
{
	bc_buf_put(ctx, s, (size_t)n);
	return n;
}

int bc_xml_render(const bc_document *doc, bc_buf *out)
{
	/* written through an output buffer of libxml2's own rather than into an
	 * xmlBuffer copied at the end: the document is never held twice (a 5 MB
	 * table makes 50 MB of XML) and, with a spilling out, never held at all */
	xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(to_buf, NULL, out, NULL);
	if (!ob)
		return -1;
	xmlTextWriterPtr w = xmlNewTextWriter(ob);   /* owns ob from here */
	if (!w) {
		xmlOutputBufferClose(ob);
		return -1;
	}
	int rc = bc_xml_write(doc, w);
	xmlFreeTextWriter(w);   /* flushes and closes ob */
	return rc;
}
