/* test_xml.c — unit tests for the XML writer, the RELAX NG schema and the guarded validation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../../compiler/xml/xml.h"
#include "../../compiler/model/facts.h"
#include "../../compiler/parse/parse.h"

/* ---- building models by hand ---- */

static bc_pos at(uint32_t line)
{
	bc_pos p = { line, 1 };
	return p;
}

static bc_node *add(bc_document *d, bc_node *parent, bc_node_type t, uint32_t line)
{
	bc_node *n = bc_node_new(d, t, at(line));
	bc_node_append(parent, n);
	return n;
}

static bc_node *txt(bc_document *d, bc_node *parent, const char *s)
{
	bc_node *n = bc_text_new(d, parent->pos, s, strlen(s));
	bc_node_append(parent, n);
	return n;
}

static bc_str str(bc_document *d, const char *s) { return bc_str_dup(d, s, strlen(s)); }

static bc_node *line(bc_document *d, bc_node *parent, bc_role role, uint32_t ln, const char *s)
{
	bc_node *n = add(d, parent, BC_NODE_LINE, ln);
	n->as.line->role = role;
	if (s)
		txt(d, n, s);
	return n;
}

/* col as the XML counts, from 1; the model counts from 0. */
static bc_node *cell(bc_document *d, bc_node *row, int col, const char *s)
{
	bc_node *c = add(d, row, BC_NODE_CELL, row->pos.line);
	c->as.cell.col = col - 1;
	txt(d, c, s);
	return c;
}

static bc_document *new_doc(void)
{
	bc_document *d = bc_document_new("bc-63.txt");
	strcpy(d->source_encoding, "UTF-8");
	return d;
}

/* The full sample: header, sections, table, list, closing, appendix, notes. */
static bc_document *sample(void)
{
	bc_document *d = new_doc();
	bc_node *root = d->root;

	bc_node *meta = d->meta = add(d, root, BC_NODE_META, 1);
	line(d, meta, BC_ROLE_ISSUER, 1, "ỦY BAN NHÂN DÂN");
	line(d, meta, BC_ROLE_MOTTO, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	line(d, meta, BC_ROLE_ISSUER, 2, "THÀNH PHỐ HẢI PHÒNG");
	line(d, meta, BC_ROLE_SLOGAN, 2, "Độc lập - Tự do - Hạnh phúc");
	bc_node *num = line(d, meta, BC_ROLE_NUMBER, 4, "Số: 63/BC-UBND");
	num->as.line->number = str(d, "63");
	num->as.line->symbol = str(d, "BC-UBND");
	bc_node *urg = line(d, meta, BC_ROLE_URGENCY, 5, "HỎA TỐC");
	bc_node *dl = line(d, meta, BC_ROLE_DATELINE, 4, "Hải Phòng, ngày 20 tháng 01 năm 2025");
	dl->as.line->place = str(d, "Hải Phòng");
	dl->as.line->date = (bc_date){ 20, 1, 2025 };
	bc_dateline_split(dl);   /* as the parser does */
	bc_node *dt = line(d, meta, BC_ROLE_DOCTYPE, 7, "BÁO CÁO");
	dt->as.line->doctype = BC_DOC_BAO_CAO;
	line(d, meta, BC_ROLE_TITLE, 8, "Kết quả thực hiện");
	line(d, meta, BC_ROLE_TITLE, 9, "nhiệm vụ năm 2024");
	d->idx.number = num;
	d->idx.dateline = dl;
	d->idx.doctype = dt;
	d->idx.urgency = urg;
	/* idx.title, issuer_*, position left unset: the writer finds them itself */

	bc_node *body = d->body = add(d, root, BC_NODE_BODY, 11);
	bc_node *s1 = add(d, body, BC_NODE_SECTION, 11);
	s1->as.section.level = 1;
	s1->as.section.kind = BC_LABEL_ROMAN;
	s1->as.section.label = str(d, "I");
	txt(d, add(d, s1, BC_NODE_HEADING, 11), "KẾT QUẢ ĐẠT ĐƯỢC");
	bc_node *p = add(d, s1, BC_NODE_PARAGRAPH, 12);
	p->as.para.joined_at = 15;
	p->as.para.hard_wrapped = 1;
	txt(d, p, "Tỷ lệ ");
	txt(d, add(d, p, BC_NODE_STRONG, 12), "hoàn thành");
	txt(d, p, " đạt 95% & <hơn>");
	bc_node *ref = add(d, p, BC_NODE_NOTEREF, 12);
	ref->as.noteref.id = 1;
	txt(d, p, " ngày ");
	bc_node *date = add(d, p, BC_NODE_DATE, 12);
	date->as.date.date = (bc_date){ 13, 11, 2025 };
	txt(d, date, "13/11/2025");
	add(d, p, BC_NODE_LINEBREAK, 12);
	txt(d, add(d, p, BC_NODE_EMPH, 13), "nghiêng");

	bc_node *s2 = add(d, s1, BC_NODE_SECTION, 16);
	s2->as.section.level = 2;
	s2->as.section.kind = BC_LABEL_ARABIC;
	s2->as.section.label = str(d, "1");
	txt(d, add(d, s2, BC_NODE_HEADING, 16), "Chỉ tiêu");
	line(d, s2, BC_ROLE_UNIT, 17, "Đơn vị tính: %");

	bc_node *t = add(d, s2, BC_NODE_TABLE, 18);
	t->as.table.cols = 3;
	t->as.table.head_rows = 2;
	t->as.table.repeats_removed = 1;
	t->as.table.unit = str(d, "%");
	bc_node *thead = add(d, t, BC_NODE_THEAD, 18);
	bc_node *h1 = add(d, thead, BC_NODE_ROW, 18);
	h1->as.row.kind = BC_ROW_HEAD;
	cell(d, h1, 1, "TT")->as.cell.rowspan = 2;
	bc_node *kq = cell(d, h1, 2, "Kết quả");
	kq->as.cell.colspan = 2;
	kq->as.cell.align = BC_ALIGN_CENTER;
	bc_node *h2 = add(d, thead, BC_NODE_ROW, 19);
	h2->as.row.kind = BC_ROW_HEAD;
	cell(d, h2, 2, "Kế hoạch");
	cell(d, h2, 3, "Thực hiện");
	bc_node *tbody = add(d, t, BC_NODE_TBODY, 20);
	bc_node *g = add(d, tbody, BC_NODE_ROW, 20);
	g->as.row.kind = BC_ROW_GROUP;
	cell(d, g, 1, "I");
	cell(d, g, 2, "Kinh tế")->as.cell.colspan = 2;
	bc_node *r1 = add(d, tbody, BC_NODE_ROW, 21);
	cell(d, r1, 1, "1");
	bc_node *v = cell(d, r1, 2, "7.944,5");
	v->as.cell.value = str(d, "7944.5");
	v->as.cell.align = BC_ALIGN_RIGHT;
	bc_node *left = cell(d, r1, 3, "tốt");
	left->as.cell.align = BC_ALIGN_LEFT;
	bc_node *rep = add(d, tbody, BC_NODE_ROW, 22);
	rep->as.row.kind = BC_ROW_HEAD;
	rep->as.row.repeat = BC_REPEAT_SAME;
	cell(d, rep, 1, "TT");
	cell(d, rep, 2, "Kết quả");
	bc_node *r2 = add(d, tbody, BC_NODE_ROW, 23);
	r2->as.row.fragment_merged = 24;
	cell(d, r2, 1, "2");
	cell(d, r2, 2, "8.000")->as.cell.value = str(d, "8000");
	cell(d, r2, 3, "đạt");
	/* reprinted headers, as the parser decided them: one a copy (cells left
	 * out), one reworded (a word the header lacks: its cells are kept) */
	bc_node *rep2 = add(d, tbody, BC_NODE_ROW, 24);
	rep2->as.row.kind = BC_ROW_HEAD;
	rep2->as.row.repeat = BC_REPEAT_SAME;
	cell(d, rep2, 2, "KẾ HOẠCH");
	cell(d, rep2, 3, "Thực  hiện");
	bc_node *rep3 = add(d, tbody, BC_NODE_ROW, 25);
	rep3->as.row.kind = BC_ROW_HEAD;
	rep3->as.row.repeat = BC_REPEAT_REWORDED;
	cell(d, rep3, 1, "TT");
	cell(d, rep3, 2, "Kết quả đạt");
	bc_table_adopt_cells(d, t);   /* built as children, kept as the parser keeps them */

	bc_node *list = add(d, body, BC_NODE_LIST, 26);
	list->as.list.bullet = '-';
	bc_node *it1 = add(d, list, BC_NODE_ITEM, 26);
	it1->as.item.bullet = '-';
	txt(d, it1, "Một");
	bc_node *it2 = add(d, list, BC_NODE_ITEM, 27);
	it2->as.item.label = str(d, "a");
	txt(d, it2, "Hai:");
	bc_node *inner = add(d, it2, BC_NODE_LIST, 28);
	inner->as.list.bullet = '+';
	txt(d, add(d, inner, BC_NODE_ITEM, 28), "hai một");
	add(d, body, BC_NODE_RULE, 29);

	bc_node *closing = d->closing = add(d, root, BC_NODE_CLOSING, 40);
	bc_node *rec = add(d, closing, BC_NODE_RECIPIENTS, 40);
	line(d, rec, BC_ROLE_RECIPIENTS_LABEL, 40, "Nơi nhận:");
	txt(d, add(d, rec, BC_NODE_ITEM, 41), "Bộ Tư pháp;");
	txt(d, add(d, rec, BC_NODE_ITEM, 42), "Lưu: VT.");
	bc_node *sig = add(d, closing, BC_NODE_SIGNATURE, 40);
	line(d, sig, BC_ROLE_AUTHORITY, 40, "TM. ỦY BAN NHÂN DÂN");
	line(d, sig, BC_ROLE_AUTHORITY, 41, "KT. CHỦ TỊCH");
	line(d, sig, BC_ROLE_POSITION, 42, "PHÓ CHỦ TỊCH");
	bc_node *signer = line(d, sig, BC_ROLE_SIGNER, 46, "Nguyễn Văn A");
	d->idx.recipients = rec;
	d->idx.signer = signer;

	bc_node *ap = add(d, root, BC_NODE_APPENDIX, 50);
	ap->as.appendix.label = str(d, "I");
	line(d, ap, BC_ROLE_APPX_LABEL, 50, "PHỤ LỤC I")->as.line->label = str(d, "I");
	line(d, ap, BC_ROLE_APPX_TITLE, 51, "Danh mục nhiệm vụ");
	bc_node *att = line(d, ap, BC_ROLE_APPX_ATTACH, 52,
	                    "(Kèm theo Báo cáo số 63/BC-UBND ngày 05/3/2026 của UBND thành phố)");
	att->as.line->doctype = BC_DOC_BAO_CAO;
	att->as.line->number = str(d, "63");
	att->as.line->symbol = str(d, "BC-UBND");
	att->as.line->date = (bc_date){ 5, 3, 2026 };
	txt(d, add(d, ap, BC_NODE_PARAGRAPH, 54), "Nội dung phụ lục.");

	bc_node *notes = d->notes = add(d, root, BC_NODE_NOTES, 60);
	bc_node *note = add(d, notes, BC_NODE_NOTE, 60);
	note->as.note.id = 1;
	note->as.note.mark = str(d, "¹");
	txt(d, add(d, note, BC_NODE_PARAGRAPH, 60), "Theo số liệu của Cục Thống kê.");
	return d;
}

/* ---- reading the output back ---- */

typedef struct xq {
	bc_buf xml;
	xmlDocPtr doc;
	xmlXPathContextPtr ctx;
} xq;

static void xq_open(xq *q, const bc_document *d)
{
	memset(q, 0, sizeof *q);
	assert_int_equal(bc_xml_render(d, &q->xml), 0);
	assert_non_null(q->xml.s);
	q->doc = xmlReadMemory(q->xml.s, (int)q->xml.len, "out.xml", NULL, XML_PARSE_NONET);
	assert_non_null(q->doc);
	q->ctx = xmlXPathNewContext(q->doc);
	assert_non_null(q->ctx);
	assert_int_equal(xmlXPathRegisterNs(q->ctx, BAD_CAST "r", BAD_CAST BC_XML_NS), 0);
}

static void xq_close(xq *q)
{
	xmlXPathFreeContext(q->ctx);
	xmlFreeDoc(q->doc);
	bc_buf_free(&q->xml);
}

/* string(expr), compared; a failing check prints the expression. */
static void expect_str(xq *q, const char *expr, const char *want)
{
	char full[512];
	snprintf(full, sizeof full, "string(%s)", expr);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, q->ctx);
	assert_non_null(o);
	const char *got = o->stringval ? (const char *)o->stringval : "";
	if (strcmp(got, want) != 0)
		print_error("%s: got \"%s\", want \"%s\"\n", expr, got, want);
	assert_string_equal(got, want);
	xmlXPathFreeObject(o);
}

static void expect_num(xq *q, const char *expr, double want)
{
	char full[512];
	snprintf(full, sizeof full, "number(%s)", expr);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, q->ctx);
	assert_non_null(o);
	if (o->floatval != want)
		print_error("%s: got %g, want %g\n", expr, o->floatval, want);
	assert_true(o->floatval == want);
	xmlXPathFreeObject(o);
}

static int validate_str(const char *xml, char **errs)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	int rc = bc_xml_validate(xml, strlen(xml), NULL, f);
	fclose(f);
	if (errs)
		*errs = buf;
	else
		free(buf);
	return rc;
}

static void expect_valid(const char *xml)
{
	char *errs = NULL;
	int rc = validate_str(xml, &errs);
	if (rc != 0)
		print_error("not valid:\n%s\n%s\n", errs, xml);
	free(errs);
	assert_int_equal(rc, 0);
}

/* ---- the sample, element by element ---- */

static void test_root_and_meta(void **state)
{
	(void)state;
	bc_document *d = sample();
	xq q;
	xq_open(&q, d);

	expect_num(&q, "count(/r:report)", 1);
	expect_str(&q, "/r:report/@version", "1");
	expect_str(&q, "/r:report/@source", "bc-63.txt");
	expect_str(&q, "/r:report/@encoding", "UTF-8");
	expect_str(&q, "/r:report/@doctype", "BC");
	/* children of report in order */
	expect_str(&q, "local-name(/r:report/*[1])", "meta");
	expect_str(&q, "local-name(/r:report/*[2])", "body");
	expect_str(&q, "local-name(/r:report/*[3])", "closing");
	expect_str(&q, "local-name(/r:report/*[4])", "appendix");
	expect_str(&q, "local-name(/r:report/*[5])", "notes");
	expect_num(&q, "count(/r:report/*)", 5);

	/* meta: source order first, then the archival fields */
	static const char *const order[] = {
		"issuer", "motto", "issuer", "slogan", "number", "urgency", "place", "date", "type", "title", "title",
		"TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language",
		"SignerInfo", "To", "Priority",
	};
	size_t n = sizeof order / sizeof order[0];
	expect_num(&q, "count(/r:report/r:meta/*)", (double)n);
	for (size_t i = 0; i < n; i++) {
		char expr[96];
		snprintf(expr, sizeof expr, "local-name(/r:report/r:meta/*[%zu])", i + 1);
		expect_str(&q, expr, order[i]);
	}
	expect_str(&q, "/r:report/r:meta/r:issuer[2]", "THÀNH PHỐ HẢI PHÒNG");
	expect_str(&q, "/r:report/r:meta/r:issuer[2]/@line", "2");
	expect_str(&q, "/r:report/r:meta/r:number", "Số: 63/BC-UBND");
	expect_str(&q, "/r:report/r:meta/r:number/@value", "63");
	expect_str(&q, "/r:report/r:meta/r:number/@symbol", "BC-UBND");
	expect_str(&q, "/r:report/r:meta/r:place", "Hải Phòng");
	expect_str(&q, "/r:report/r:meta/r:place/@line", "4");
	expect_str(&q, "/r:report/r:meta/r:date", "ngày 20 tháng 01 năm 2025");
	expect_str(&q, "/r:report/r:meta/r:date/@iso", "2025-01-20");
	expect_str(&q, "/r:report/r:meta/r:date/@day", "20");
	expect_str(&q, "/r:report/r:meta/r:date/@month", "1");
	expect_str(&q, "/r:report/r:meta/r:date/@year", "2025");
	expect_str(&q, "/r:report/r:meta/r:type", "BÁO CÁO");
	expect_str(&q, "/r:report/r:meta/r:type/@code", "BC");
	expect_str(&q, "/r:report/r:meta/r:title[2]/@line", "9");

	expect_str(&q, "/r:report/r:meta/r:TypeName", "Báo cáo");
	expect_str(&q, "/r:report/r:meta/r:CodeNumber", "63");
	expect_str(&q, "/r:report/r:meta/r:CodeNotation", "BC-UBND");
	expect_str(&q, "/r:report/r:meta/r:IssuedDate", "2025-01-20");
	expect_str(&q, "/r:report/r:meta/r:OrganName", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
	expect_str(&q, "/r:report/r:meta/r:Subject", "Kết quả thực hiện nhiệm vụ năm 2024");
	expect_str(&q, "/r:report/r:meta/r:Language", "vi");
	expect_num(&q, "count(/r:report/r:meta/r:PageAmount)", 0);
	expect_str(&q, "/r:report/r:meta/r:SignerInfo/r:Position", "PHÓ CHỦ TỊCH");
	expect_str(&q, "/r:report/r:meta/r:SignerInfo/r:FullName", "Nguyễn Văn A");
	expect_str(&q, "/r:report/r:meta/r:To[1]", "Bộ Tư pháp");
	expect_num(&q, "count(/r:report/r:meta/r:To)", 1);   /* "Lưu: VT." keeps copies, sends none */
	expect_str(&q, "/r:report/r:meta/r:Priority/@code", "3");
	expect_str(&q, "/r:report/r:meta/r:Priority", "HỎA TỐC");
	/* source fields carry line, archival ones do not */
	expect_num(&q, "count(/r:report/r:meta/*[@line])", 11);
	expect_num(&q, "count(/r:report/r:meta/r:TypeName/following-sibling::*[@line])", 0);

	xq_close(&q);
	bc_document_free(d);
}

static void test_body(void **state)
{
	(void)state;
	bc_document *d = sample();
	xq q;
	xq_open(&q, d);

	expect_str(&q, "/r:report/r:body/r:section[1]/@level", "1");
	expect_str(&q, "/r:report/r:body/r:section[1]/@label", "I");
	expect_str(&q, "/r:report/r:body/r:section[1]/@line", "11");
	expect_str(&q, "local-name(/r:report/r:body/r:section[1]/*[1])", "heading");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:heading", "KẾT QUẢ ĐẠT ĐƯỢC");

	/* the paragraph: inline content exactly as the model holds it, no added whitespace */
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p",
	           "Tỷ lệ hoàn thành đạt 95% & <hơn>1 ngày 13/11/2025nghiêng");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/@line", "12");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/@joined", "15");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/@wrapped", "1");
	expect_num(&q, "count(/r:report/r:body/r:section[1]/r:p/@label)", 0);
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:b", "hoàn thành");
	expect_num(&q, "count(/r:report/r:body/r:section[1]/r:p/r:b/@line)", 0);
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:noteref/@ref", "1");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:noteref/@line", "12");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:noteref", "1");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:date/@iso", "2025-11-13");
	expect_num(&q, "count(/r:report/r:body/r:section[1]/r:p/r:date/@day)", 0);
	expect_str(&q, "/r:report/r:body/r:section[1]/r:p/r:date", "13/11/2025");
	expect_num(&q, "count(/r:report/r:body/r:section[1]/r:p/r:br)", 1);
	expect_str(&q, "local-name(/r:report/r:body/r:section[1]/r:p/r:br/following-sibling::*[1])", "i");
	assert_non_null(strstr(q.xml.s, "95% &amp; &lt;hơn&gt;<noteref"));

	/* nested section, unit line, table */
	expect_str(&q, "/r:report/r:body/r:section[1]/r:section/@level", "2");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:section/@label", "1");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:section/r:unit", "Đơn vị tính: %");
	expect_str(&q, "/r:report/r:body/r:section[1]/r:section/r:unit/@line", "17");
	expect_str(&q, "//r:table/@cols", "3");
	expect_str(&q, "//r:table/@head-rows", "2");
	expect_str(&q, "//r:table/@repeats", "1");
	expect_str(&q, "//r:table/@unit", "%");
	expect_str(&q, "//r:table/@line", "18");
	expect_num(&q, "count(//r:table/r:thead/r:row)", 2);
	expect_str(&q, "//r:table/r:thead/r:row[1]/r:cell[1]/@rowspan", "2");
	expect_num(&q, "count(//r:table/r:thead/r:row[1]/r:cell[1]/@colspan)", 0);
	expect_str(&q, "//r:table/r:thead/r:row[1]/r:cell[2]/@colspan", "2");
	expect_str(&q, "//r:table/r:thead/r:row[1]/r:cell[2]/@align", "center");
	expect_str(&q, "//r:table/r:thead/r:row[1]/r:cell[2]", "Kết quả");
	expect_str(&q, "//r:table/r:thead/r:row[2]/r:cell[1]/@col", "2");
	expect_num(&q, "count(//r:table/r:thead/r:row/@kind)", 0);
	/* tbody: group row, body row, the repeat mark, the merged row */
	expect_num(&q, "count(//r:table/r:tbody/*)", 6);
	expect_str(&q, "local-name(//r:table/r:tbody/*[1])", "row");
	expect_str(&q, "//r:table/r:tbody/*[1]/@kind", "group");
	expect_str(&q, "//r:table/r:tbody/*[1]/r:cell[2]/@colspan", "2");
	expect_str(&q, "//r:table/r:tbody/*[2]/r:cell[2]/@value", "7944.5");
	expect_str(&q, "//r:table/r:tbody/*[2]/r:cell[2]/@align", "right");
	expect_str(&q, "//r:table/r:tbody/*[2]/r:cell[2]/@col", "2");
	expect_str(&q, "//r:table/r:tbody/*[2]/r:cell[2]", "7.944,5");
	expect_num(&q, "count(//r:table/r:tbody/*[2]/r:cell[3]/@align)", 0);
	expect_num(&q, "count(//r:table/r:tbody/*[2]/@kind)", 0);
	expect_str(&q, "local-name(//r:table/r:tbody/*[3])", "repeat");
	expect_str(&q, "//r:table/r:tbody/r:repeat/@line", "22");
	expect_num(&q, "count(//r:table/r:tbody/r:repeat[1]/node())", 0);
	expect_str(&q, "//r:table/r:tbody/*[4]/@fragment", "24");
	expect_str(&q, "//r:table/r:tbody/*[4]/r:cell[2]/@value", "8000");
	expect_str(&q, "local-name(//r:table/r:tbody/*[5])", "repeat");
	expect_str(&q, "//r:table/r:tbody/*[5]/@line", "24");
	expect_num(&q, "count(//r:table/r:tbody/*[5]/node())", 0);
	expect_str(&q, "local-name(//r:table/r:tbody/*[6])", "repeat");
	expect_str(&q, "//r:table/r:tbody/*[6]/@line", "25");
	expect_str(&q, "//r:table/r:tbody/*[6]/@kind", "reworded");
	expect_num(&q, "count(//r:table/r:tbody/*[6]/r:cell)", 2);
	expect_str(&q, "//r:table/r:tbody/*[6]/r:cell[2]", "Kết quả đạt");
	expect_str(&q, "//r:table/r:tbody/*[6]/r:cell[2]/@col", "2");
	expect_num(&q, "count(//r:table/r:tbody/r:repeat)", 3);
	expect_num(&q, "count(//r:table/r:tbody/r:repeat[@kind])", 1);
	expect_num(&q, "count(//r:cell[not(@line)])", 0);

	/* list with a nested list inside an item that also has text */
	expect_str(&q, "/r:report/r:body/r:list/@bullet", "-");
	expect_str(&q, "/r:report/r:body/r:list/@line", "26");
	expect_str(&q, "/r:report/r:body/r:list/r:item[1]/@bullet", "-");
	expect_num(&q, "count(/r:report/r:body/r:list/r:item[1]/@label)", 0);
	expect_str(&q, "/r:report/r:body/r:list/r:item[1]", "Một");
	expect_str(&q, "/r:report/r:body/r:list/r:item[2]/@label", "a");
	expect_str(&q, "/r:report/r:body/r:list/r:item[2]/text()[1]", "Hai:");
	expect_str(&q, "/r:report/r:body/r:list/r:item[2]/r:list/@bullet", "+");
	expect_str(&q, "/r:report/r:body/r:list/r:item[2]/r:list/r:item", "hai một");
	expect_str(&q, "local-name(/r:report/r:body/*[3])", "rule");
	expect_str(&q, "/r:report/r:body/r:rule/@line", "29");

	xq_close(&q);
	bc_document_free(d);
}

static void test_closing_appendix_notes(void **state)
{
	(void)state;
	bc_document *d = sample();
	xq q;
	xq_open(&q, d);

	expect_str(&q, "/r:report/r:closing/r:recipients/@line", "40");
	expect_str(&q, "local-name(/r:report/r:closing/r:recipients/*[1])", "label");
	expect_str(&q, "/r:report/r:closing/r:recipients/r:label", "Nơi nhận:");
	expect_num(&q, "count(/r:report/r:closing/r:recipients/r:item)", 2);
	expect_str(&q, "/r:report/r:closing/r:recipients/r:item[2]", "Lưu: VT.");
	expect_str(&q, "/r:report/r:closing/r:recipients/r:item[2]/@line", "42");
	expect_num(&q, "count(/r:report/r:closing/r:signature/r:authority)", 2);
	expect_str(&q, "/r:report/r:closing/r:signature/r:authority[2]", "KT. CHỦ TỊCH");
	expect_str(&q, "/r:report/r:closing/r:signature/r:position", "PHÓ CHỦ TỊCH");
	expect_str(&q, "/r:report/r:closing/r:signature/r:name", "Nguyễn Văn A");
	expect_str(&q, "/r:report/r:closing/r:signature/r:name/@line", "46");

	expect_str(&q, "/r:report/r:appendix/@label", "I");
	expect_str(&q, "/r:report/r:appendix/@line", "50");
	expect_str(&q, "/r:report/r:appendix/r:label", "PHỤ LỤC I");
	expect_str(&q, "/r:report/r:appendix/r:title", "Danh mục nhiệm vụ");
	expect_str(&q, "/r:report/r:appendix/r:attached/@number", "63");
	expect_str(&q, "/r:report/r:appendix/r:attached/@symbol", "BC-UBND");
	expect_str(&q, "/r:report/r:appendix/r:attached/@iso", "2026-03-05");
	expect_str(&q, "/r:report/r:appendix/r:attached/@line", "52");
	expect_str(&q, "/r:report/r:appendix/r:p", "Nội dung phụ lục.");

	expect_str(&q, "/r:report/r:notes/r:note/@id", "1");
	expect_str(&q, "/r:report/r:notes/r:note/@mark", "¹");
	expect_str(&q, "/r:report/r:notes/r:note/@line", "60");
	expect_str(&q, "/r:report/r:notes/r:note/r:p", "Theo số liệu của Cục Thống kê.");

	xq_close(&q);
	bc_document_free(d);
}

static void test_sample_validates(void **state)
{
	(void)state;
	bc_document *d = sample();
	bc_buf out = BC_BUF_INIT;
	assert_int_equal(bc_xml_render(d, &out), 0);
	if (getenv("BC_XML_DUMP")) {
		FILE *f = fopen(getenv("BC_XML_DUMP"), "w");
		if (f) {
			fwrite(out.s, 1, out.len, f);
			fclose(f);
		}
	}
	static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"urn:baocao:report:1\" ";
	assert_true(out.len > sizeof head);
	assert_memory_equal(out.s, head, sizeof head - 1);
	assert_int_equal(memcmp(out.s + out.len - 10, "</report>\n", 10), 0);
	expect_valid(out.s);
	/* a second rendering is byte-identical */
	bc_buf again = BC_BUF_INIT;
	assert_int_equal(bc_xml_render(d, &again), 0);
	assert_int_equal(out.len, again.len);
	assert_memory_equal(out.s, again.s, out.len);
	bc_buf_free(&out);
	bc_buf_free(&again);
	bc_document_free(d);
}

static void expect_invalid(const char *xml, const char *msg_part);

/* A decision: the preamble elements, articles with and without title, clauses and points, valid. */
static void test_decision(void **state)
{
	(void)state;
	static const char src[] =
		"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 15/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc thành lập Ban Chỉ đạo\n\n"
		"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
		"Theo đề nghị của Chánh Văn phòng.\n\nQUYẾT ĐỊNH:\n\n"
		"Điều 1. Nhiệm vụ\n1. Chỉ đạo:\na) Xây dựng kế hoạch;\nb) Kiểm tra.\n2. Báo cáo.\n"
		"Điều 2. Quyền hạn\na) Yêu cầu báo cáo.\n"
		"Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n";
	bc_diags dg;
	bc_diags_init(&dg);
	bc_document *d = bc_parse("qd.txt", src, strlen(src), &dg);
	xq q;
	xq_open(&q, d);
	expect_valid(q.xml.s);
	expect_str(&q, "/r:report/@doctype", "QĐ");
	expect_str(&q, "/r:report/r:body/r:competence", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG");
	expect_num(&q, "count(/r:report/r:body/r:basis)", 2);
	expect_str(&q, "/r:report/r:body/r:basis[2]", "Theo đề nghị của Chánh Văn phòng.");
	expect_str(&q, "/r:report/r:body/r:enacting", "QUYẾT ĐỊNH:");
	expect_num(&q, "/r:report/r:body/r:enacting/@line", 15);
	expect_num(&q, "count(/r:report/r:body/r:article)", 3);
	expect_str(&q, "/r:report/r:body/r:article[1]/@label", "1");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:heading", "Nhiệm vụ");
	expect_str(&q, "/r:report/r:body/r:article[1]/@run-in", "");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[1]/@label", "1");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[1]/r:p[1]", "Chỉ đạo:");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[1]/r:p[1]/@label", "1");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[1]/r:point[2]/@label", "b");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[1]/r:point[2]/r:p", "Kiểm tra.");
	expect_str(&q, "/r:report/r:body/r:article[1]/r:clause[2]/r:p", "Báo cáo.");
	expect_str(&q, "/r:report/r:body/r:article[2]/r:point/@label", "a");
	expect_num(&q, "count(/r:report/r:body/r:article[3]/r:heading)", 0);
	expect_str(&q, "/r:report/r:body/r:article[3]/@run-in", "1");
	expect_str(&q, "/r:report/r:body/r:article[3]/r:p", "Quyết định này có hiệu lực kể từ ngày ký./.");
	xq_close(&q);
	bc_document_free(d);
	bc_diags_free(&dg);
	/* the schema wants an article's label, and no preamble element in a section */
	expect_invalid("<report xmlns=\"urn:baocao:report:1\" version=\"1\" source=\"-\"><meta><Language>vi</Language></meta>"
	               "<body><article line=\"1\"/></body></report>", "");
	expect_invalid("<report xmlns=\"urn:baocao:report:1\" version=\"1\" source=\"-\"><meta><Language>vi</Language></meta>"
	               "<body><section level=\"1\" line=\"1\"><heading line=\"1\">A</heading><basis line=\"2\">B</basis>"
	               "</section></body></report>", "");
}

/* A header reprinted after a page break: the XML follows the parser's
 * decision (row.repeat).  Reworded ("TT" for "STT", "luợng" for "lượng"), it
 * is a <repeat kind="reworded"> keeping its cells, neither a data row nor an
 * empty mark; written exactly as the header, an empty <repeat/>. */
static void test_repeat_reworded(void **state)
{
	(void)state;
	static const char src[] =
		"BÁO CÁO\nKết quả\n\nI. TÌNH HÌNH\n\n"
		"STT\tNội dung\tSố lượng\n1\tBàn làm việc\t5\n2\tGhế\t10\n\n"      /* lines 6-8 */
		"TT\tNội dung\tSố lượng\n3\tTủ\t2\n\n"                             /* lines 10-11 */
		"STT\tNội dung\tSố luợng\n4\tMáy in\t1\n\n"                        /* lines 13-14 */
		"STT\tNội dung\tSố lượng\n5\tKệ\t7\n";                              /* lines 16-17 */
	bc_diags dg;
	bc_diags_init(&dg);
	bc_document *d = bc_parse("rw.txt", src, strlen(src), &dg);
	xq q;
	xq_open(&q, d);
	expect_valid(q.xml.s);
	expect_num(&q, "count(//r:table)", 1);
	expect_num(&q, "count(//r:table/r:thead/r:row)", 1);
	expect_str(&q, "//r:table/@repeats", "3");
	/* the data rows only: none of the reprints among them */
	expect_num(&q, "count(//r:table/r:tbody/r:row)", 5);
	expect_num(&q, "count(//r:table/r:tbody/r:row[r:cell[1] = 'TT' or r:cell[1] = 'STT'])", 0);
	expect_num(&q, "count(//r:table/r:tbody/r:repeat)", 3);

	/* "TT": marked, and the word kept */
	expect_str(&q, "local-name(//r:table/r:tbody/*[3])", "repeat");
	expect_str(&q, "//r:table/r:tbody/*[3]/@line", "10");
	expect_str(&q, "//r:table/r:tbody/*[3]/@kind", "reworded");
	expect_num(&q, "count(//r:table/r:tbody/*[3]/r:cell)", 3);
	expect_str(&q, "//r:table/r:tbody/*[3]/r:cell[1]", "TT");
	expect_str(&q, "//r:table/r:tbody/*[3]/r:cell[1]/@col", "1");
	expect_str(&q, "//r:table/r:tbody/*[3]/r:cell[1]/@line", "10");
	expect_str(&q, "//r:table/r:tbody/*[3]/r:cell[3]", "Số lượng");

	/* "Số luợng": the differing word is not lost */
	expect_str(&q, "local-name(//r:table/r:tbody/*[5])", "repeat");
	expect_str(&q, "//r:table/r:tbody/*[5]/@line", "13");
	expect_str(&q, "//r:table/r:tbody/*[5]/@kind", "reworded");
	expect_str(&q, "//r:table/r:tbody/*[5]/r:cell[3]", "Số luợng");

	/* an exact reprint: only the break */
	expect_str(&q, "local-name(//r:table/r:tbody/*[7])", "repeat");
	expect_str(&q, "//r:table/r:tbody/*[7]/@line", "16");
	expect_num(&q, "count(//r:table/r:tbody/*[7]/@kind)", 0);
	expect_num(&q, "count(//r:table/r:tbody/*[7]/node())", 0);
	xq_close(&q);
	bc_document_free(d);
	bc_diags_free(&dg);

	/* the schema: a reworded repeat holds cells; an unmarked one holds none */
	expect_invalid("<report xmlns=\"urn:baocao:report:1\" version=\"1\" source=\"-\"><meta><Language>vi</Language></meta>"
	               "<body><table line=\"1\" cols=\"1\" head-rows=\"0\" repeats=\"1\"><tbody>"
	               "<repeat line=\"2\" kind=\"reworded\"/></tbody></table></body></report>", "");
	expect_invalid("<report xmlns=\"urn:baocao:report:1\" version=\"1\" source=\"-\"><meta><Language>vi</Language></meta>"
	               "<body><table line=\"1\" cols=\"1\" head-rows=\"0\" repeats=\"1\"><tbody>"
	               "<repeat line=\"2\"><cell line=\"2\" col=\"1\">TT</cell></repeat></tbody></table></body></report>", "");
}

/* The archive's To: the addressees of "Kính gửi:" without those words, and
 * the "Nơi nhận" items that name a recipient.  "Như trên" and "Như Điều 5"
 * send to addressees named elsewhere, "Lưu: VT" keeps the copies: none of
 * them is a recipient, and the XML used to list them as such. */
static void test_recipients(void **state)
{
	(void)state;
	static const char src[] =
		"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 12/UBND-VP\nV/v triển khai nhiệm vụ\n\n"
		"Kính gửi:\n- Các phòng chuyên môn;\n- Trưởng các thôn.\n\n"
		"Ủy ban nhân dân xã đề nghị triển khai./.\n\n"
		"Nơi nhận:\n- Như trên;\n- Như Điều 5;\n- Trung tâm Lưu trữ lịch sử;\n- Lưu trữ cơ quan;\n"
		"- Thường trực HĐND xã;\n- Lưu:VT, VP.\n- Lưu Văn phòng.\n\n"
		"CHỦ TỊCH\n\nNguyễn Văn A\n";
	bc_diags dg;
	bc_diags_init(&dg);
	bc_document *d = bc_parse("cv.txt", src, strlen(src), &dg);
	bc_facts f;
	bc_facts_compute(d, &f);
	static const struct { const char *name; bc_recipient_kind kind; } want[] = {
		{ "Trung tâm Lưu trữ lịch sử", BC_RECIP_SENT },
		{ "Lưu trữ cơ quan", BC_RECIP_SENT },
		{ "Thường trực HĐND xã", BC_RECIP_SENT },
		{ "Lưu:VT, VP", BC_RECIP_FILED },
		{ "Lưu Văn phòng", BC_RECIP_FILED },
	};
	size_t nw = sizeof want / sizeof want[0];
	assert_true(f.nrecipients >= 2 + nw);
	/* the last items, whatever the parser makes of the addressee lines */
	const bc_recipient *r = f.recipients + f.nrecipients - nw - 2;
	assert_string_equal(r[0].name.s, "Như trên");
	assert_int_equal(r[0].kind, BC_RECIP_AS_ABOVE);
	assert_string_equal(r[1].name.s, "Như Điều 5");
	assert_int_equal(r[1].kind, BC_RECIP_AS_ABOVE);
	for (size_t i = 0; i < nw; i++) {
		assert_string_equal(r[2 + i].name.s, want[i].name);
		assert_int_equal(r[2 + i].kind, want[i].kind);
		assert_int_equal(bc_recipient_is_real(&r[2 + i]), want[i].kind == BC_RECIP_SENT);
	}
	xq q;
	xq_open(&q, d);
	expect_valid(q.xml.s);
	expect_num(&q, "count(/r:report/r:meta/r:To[starts-with(., 'Như ')])", 0);
	expect_num(&q, "count(/r:report/r:meta/r:To[starts-with(., 'Lưu:') or . = 'Lưu Văn phòng'])", 0);
	expect_num(&q, "count(/r:report/r:meta/r:To[. = 'Trung tâm Lưu trữ lịch sử'])", 1);
	expect_num(&q, "count(/r:report/r:meta/r:To[. = 'Thường trực HĐND xã'])", 1);
	/* every item is still written in the closing, as the source has it */
	expect_num(&q, "count(/r:report/r:closing/r:recipients/r:item)", 7);
	xq_close(&q);
	bc_facts_free(&f);
	bc_document_free(d);
	bc_diags_free(&dg);

	/* "Kính gửi:" on the line itself: the words after it, ';' dropped */
	d = new_doc();
	bc_node *meta = d->meta = add(d, d->root, BC_NODE_META, 1);
	line(d, meta, BC_ROLE_ADDRESSEE, 2, "Kính gửi:  Sở Tư pháp;");
	bc_facts_compute(d, &f);
	assert_int_equal(f.nrecipients, 1);
	assert_int_equal(f.recipients[0].kind, BC_RECIP_ADDRESSEE);
	assert_string_equal(f.recipients[0].name.s, "Sở Tư pháp");
	assert_int_equal(f.priority, -1);
	assert_int_equal(f.signer_position.len, 0);
	bc_facts_free(&f);
	bc_document_free(d);
}

/* The facts the writer reads, computed once from the sample. */
static void test_facts(void **state)
{
	(void)state;
	bc_document *d = sample();
	bc_facts f;
	bc_facts_compute(d, &f);
	assert_ptr_equal(f.meta, d->meta);
	assert_ptr_equal(f.closing, d->closing);
	assert_string_equal(f.type_name.s, "Báo cáo");
	assert_string_equal(f.code_number.s, "63");
	assert_string_equal(f.code_notation.s, "BC-UBND");
	assert_true(f.issued_known);
	assert_int_equal(f.issued.day, 20);
	assert_string_equal(f.organ_name.s, "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
	assert_string_equal(f.subject.s, "Kết quả thực hiện nhiệm vụ năm 2024");
	assert_string_equal(f.signer_position.s, "PHÓ CHỦ TỊCH");
	assert_string_equal(f.signer_name.s, "Nguyễn Văn A");
	assert_int_equal(f.priority, 3);
	assert_string_equal(f.priority_text.s, "HỎA TỐC");
	assert_int_equal(f.nrecipients, 2);
	assert_int_equal(f.recipients[1].kind, BC_RECIP_FILED);
	/* idx.title is unset in the sample: the first TITLE line of the header */
	const bc_node *t = bc_meta_line(d, d->meta, BC_ROLE_TITLE);
	assert_non_null(t);
	assert_int_equal(t->pos.line, 8);
	assert_null(bc_meta_line(d, d->meta, BC_ROLE_SUMMARY));
	assert_null(bc_meta_line(d, NULL, BC_ROLE_SUMMARY));
	assert_int_equal(bc_priority_code("Hỏa tốc hẹn giờ", strlen("Hỏa tốc hẹn giờ")), 4);
	assert_int_equal(bc_priority_code("MẬT", strlen("MẬT")), -1);
	bc_facts_free(&f);

	/* the item split: text part, then blocks */
	bc_node *item = bc_node_new(d, BC_NODE_ITEM, at(1));
	assert_false(bc_item_has_text(item));
	txt(d, item, "Hai:");
	bc_node *inner = add(d, item, BC_NODE_LIST, 2);
	txt(d, item, " tiếp");
	assert_true(bc_item_has_text(item));
	const bc_node *c = bc_item_next_text(item->first);
	assert_ptr_equal(c, item->first);
	c = bc_item_next_text(c->next);
	assert_ptr_equal(c, item->last);
	assert_null(bc_item_next_text(c->next));
	assert_ptr_equal(bc_item_next_block(item->first), inner);
	assert_null(bc_item_next_block(inner->next));
	bc_document_free(d);
}

/* ---- edges of the writer ---- */

static void test_empty_document(void **state)
{
	(void)state;
	bc_document *d = bc_document_new(NULL);
	xq q;
	xq_open(&q, d);
	expect_str(&q, "/r:report/@source", "-");
	expect_num(&q, "count(/r:report/@encoding)", 0);
	expect_num(&q, "count(/r:report/@doctype)", 0);
	expect_num(&q, "count(/r:report/*)", 2);
	expect_num(&q, "count(/r:report/r:meta/*)", 1);
	expect_str(&q, "/r:report/r:meta/r:Language", "vi");
	expect_num(&q, "count(/r:report/r:body/node())", 0);
	expect_valid(q.xml.s);
	xq_close(&q);
	bc_document_free(d);
}

/* Text the XML cannot carry is replaced, never emitted raw, never dropped silently. */
static void test_bad_bytes(void **state)
{
	(void)state;
	bc_document *d = bc_document_new("t\x01\xff.txt");
	d->body = add(d, d->root, BC_NODE_BODY, 1);
	bc_node *p = add(d, d->body, BC_NODE_PARAGRAPH, 1);
	txt(d, p, "a\x01" "b\xc3(c\xed\xa0\x80" "d\xef\xbf\xbe" "e\tf");
	xq q;
	xq_open(&q, d);
	expect_str(&q, "/r:report/r:body/r:p", "a\xef\xbf\xbd" "b\xef\xbf\xbd(c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                                    "d\xef\xbf\xbd" "e\tf");
	expect_str(&q, "/r:report/@source", "t\xef\xbf\xbd\xef\xbf\xbd.txt");
	expect_valid(q.xml.s);
	xq_close(&q);
	bc_document_free(d);
}

/* Nodes where the model does not put them: their text survives, and the output stays valid. */
static void test_strays(void **state)
{
	(void)state;
	bc_document *d = new_doc();
	d->body = add(d, d->root, BC_NODE_BODY, 1);
	txt(d, d->body, "loose ");
	txt(d, add(d, d->body, BC_NODE_STRONG, 1), "bold");
	line(d, d->body, BC_ROLE_ADDRESSEE, 2, "a line");
	bc_node *s = add(d, d->body, BC_NODE_SECTION, 3);
	s->as.section.kind = BC_LABEL_LETTER;         /* level from the kind */
	txt(d, add(d, s, BC_NODE_HEADING, 3), "head");
	txt(d, add(d, s, BC_NODE_HEADING, 4), "second head");
	bc_node *sub = add(d, s, BC_NODE_SECTION, 5);   /* no level, no kind: from nesting */
	txt(d, add(d, sub, BC_NODE_HEADING, 5), "sub");
	bc_node *list = add(d, d->body, BC_NODE_LIST, 6);
	txt(d, list, "text in a list");
	bc_node *t = add(d, d->body, BC_NODE_TABLE, 7);
	bc_node *row = add(d, t, BC_NODE_ROW, 7);
	cell(d, row, 1, "x");
	cell(d, row, 2, "y");
	txt(d, row, "z");                /* not a cell: one of its own, in the next column */
	bc_node *again = add(d, t, BC_NODE_ROW, 8);   /* "repeated", but there is no header */
	again->as.row.repeat = BC_REPEAT_SAME;
	cell(d, again, 1, "x");
	bc_table_adopt_cells(d, t);   /* the cells into the rows' arrays; "z" stays a stray node */
	bc_node *syn = bc_node_new(d, BC_NODE_PARAGRAPH, at(0));   /* synthetic: takes the parent's line */
	bc_node_append(d->body, syn);
	txt(d, syn, "synthetic");
	txt(d, d->root, "after all");
	d->closing = add(d, d->root, BC_NODE_CLOSING, 9);
	txt(d, d->closing, "closing words");
	xq q;
	xq_open(&q, d);
	expect_str(&q, "/r:report/r:body/r:p[1]", "loose bold");
	expect_str(&q, "/r:report/r:body/r:p[2]", "a line");
	expect_str(&q, "/r:report/r:body/r:section/@level", "5");
	expect_str(&q, "/r:report/r:body/r:section/r:p", "second head");
	expect_str(&q, "/r:report/r:body/r:section/r:section/@level", "6");
	expect_str(&q, "/r:report/r:body/r:list/r:item", "text in a list");
	expect_str(&q, "//r:table/r:tbody/r:row/r:cell[1]/@col", "1");
	expect_str(&q, "//r:table/r:tbody/r:row/r:cell[2]/@col", "2");
	expect_str(&q, "//r:table/r:tbody/r:row/r:cell[3]/@col", "3");
	expect_str(&q, "//r:table/r:tbody/r:row/r:cell[3]", "z");
	expect_num(&q, "count(//r:table/r:thead)", 0);
	expect_num(&q, "count(//r:table//r:repeat)", 0);
	expect_str(&q, "//r:table/r:tbody/r:row[2]/@line", "8");
	expect_str(&q, "/r:report/r:body/r:p[3]", "synthetic");
	expect_str(&q, "/r:report/r:body/r:p[3]/@line", "1");
	expect_str(&q, "/r:report/r:body/r:p[4]", "after all");
	expect_str(&q, "/r:report/r:closing/r:p", "closing words");
	expect_valid(q.xml.s);
	xq_close(&q);
	bc_document_free(d);
}

static void test_dates_and_datelines(void **state)
{
	(void)state;
	bc_document *d = new_doc();
	bc_node *meta = d->meta = add(d, d->root, BC_NODE_META, 1);
	/* no comma: split after the place the parser found */
	bc_node *dl = line(d, meta, BC_ROLE_DATELINE, 3, "Hà Nội ngày 30 tháng 02 năm 2024");
	dl->as.line->place = str(d, "Hà Nội");
	dl->as.line->date = (bc_date){ 30, 2, 2024 };   /* no such day: no iso */
	bc_dateline_split(dl);
	d->body = add(d, d->root, BC_NODE_BODY, 5);
	bc_node *p = add(d, d->body, BC_NODE_PARAGRAPH, 5);
	bc_node *dt = add(d, p, BC_NODE_DATE, 5);
	dt->as.date.date = (bc_date){ 0, 11, 2025 };
	txt(d, dt, "tháng 11 năm 2025");
	bc_node *leap = add(d, p, BC_NODE_DATE, 5);
	leap->as.date.date = (bc_date){ 29, 2, 2024 };
	txt(d, leap, "29/02/2024");
	bc_node *bad = add(d, p, BC_NODE_DATE, 5);
	bad->as.date.date = (bc_date){ 29, 2, 2100 };
	txt(d, bad, "29/02/2100");
	bc_node *wild = add(d, p, BC_NODE_DATE, 5);
	wild->as.date.date = (bc_date){ 45, 13, 0 };
	txt(d, wild, "45/13");
	xq q;
	xq_open(&q, d);
	expect_str(&q, "/r:report/r:meta/r:place", "Hà Nội");
	expect_str(&q, "/r:report/r:meta/r:date", "ngày 30 tháng 02 năm 2024");
	expect_num(&q, "count(/r:report/r:meta/r:date/@iso)", 0);
	expect_str(&q, "/r:report/r:meta/r:date/@day", "30");
	expect_num(&q, "count(/r:report/r:meta/r:IssuedDate)", 0);
	expect_num(&q, "count(//r:p/r:date[1]/@iso)", 0);
	expect_num(&q, "count(//r:p/r:date[1]/@day)", 0);
	expect_str(&q, "//r:p/r:date[1]/@month", "11");
	expect_str(&q, "//r:p/r:date[1]/@year", "2025");
	expect_str(&q, "//r:p/r:date[2]/@iso", "2024-02-29");
	expect_num(&q, "count(//r:p/r:date[3]/@iso)", 0);
	expect_num(&q, "count(//r:p/r:date[4]/@*)", 1);   /* only line: the parts are out of range */
	expect_valid(q.xml.s);
	xq_close(&q);

	/* the dateline with only a date: no <place> (the tree changes: its facts are worked out anew) */
	bc_document_free_facts(d);
	bc_node_unlink(dl);
	bc_node *only = line(d, meta, BC_ROLE_DATELINE, 3, "ngày 20 tháng 01 năm 2025");
	only->as.line->date = (bc_date){ 20, 1, 2025 };
	bc_dateline_split(only);
	xq_open(&q, d);
	expect_num(&q, "count(/r:report/r:meta/r:place)", 0);
	expect_str(&q, "/r:report/r:meta/r:date", "ngày 20 tháng 01 năm 2025");
	expect_str(&q, "/r:report/r:meta/r:IssuedDate", "2025-01-20");
	expect_valid(q.xml.s);
	xq_close(&q);
	bc_document_free(d);
}

static void test_priority_and_to(void **state)
{
	(void)state;
	static const struct { const char *text; const char *code; } cases[] = {
		{ "HỎA TỐC", "3" }, { "HOẢ TỐC", "3" }, { "HOÀ TỐC", "3" }, { "Hỏa tốc hẹn giờ", "4" },
		{ "THƯỢNG KHẨN", "2" }, { "KHẨN", "1" }, { "THƯỜNG", "0" }, { "MẬT", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bc_document *d = new_doc();
		bc_node *meta = d->meta = add(d, d->root, BC_NODE_META, 1);
		line(d, meta, BC_ROLE_URGENCY, 1, cases[i].text);
		line(d, meta, BC_ROLE_ADDRESSEE, 2, "Kính gửi:  Sở Tư pháp;");
		bc_node *sig = add(d, d->closing = add(d, d->root, BC_NODE_CLOSING, 5), BC_NODE_SIGNATURE, 5);
		line(d, sig, BC_ROLE_AUTHORITY, 5, "KT. CHỦ TỊCH");
		line(d, sig, BC_ROLE_AUTHORITY, 6, "PHÓ CHỦ TỊCH THƯỜNG TRỰC");
		xq q;
		xq_open(&q, d);
		expect_str(&q, "/r:report/r:meta/r:Priority/@code", cases[i].code);
		expect_num(&q, "count(/r:report/r:meta/r:Priority)", cases[i].code[0] ? 1 : 0);
		expect_str(&q, "/r:report/r:meta/r:To", "Sở Tư pháp");
		expect_str(&q, "/r:report/r:meta/r:SignerInfo/r:Position", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH THƯỜNG TRỰC");
		expect_num(&q, "count(/r:report/r:meta/r:SignerInfo/r:FullName)", 0);
		expect_valid(q.xml.s);
		xq_close(&q);
		bc_document_free(d);
	}
}

/* A draft's blank number, a lone "PHỤ LỤC": empty attributes say "left blank". */
static void test_blank_number_and_label(void **state)
{
	(void)state;
	bc_document *d = new_doc();
	bc_node *meta = d->meta = add(d, d->root, BC_NODE_META, 1);
	bc_node *num = line(d, meta, BC_ROLE_NUMBER, 2, "Số: /CTr-TU");
	num->as.line->symbol = str(d, "CTr-TU");
	bc_node *dt = line(d, meta, BC_ROLE_DOCTYPE, 3, "CHƯƠNG TRÌNH HÀNH ĐỘNG");
	dt->as.line->doctype = BC_DOC_CHUONG_TRINH;
	bc_node *ap = add(d, d->root, BC_NODE_APPENDIX, 9);
	line(d, ap, BC_ROLE_APPX_LABEL, 9, "PHỤ LỤC");
	bc_node *att = line(d, ap, BC_ROLE_APPX_ATTACH, 10, "(Kèm theo Chương trình số -CTr/TU ngày tháng năm 2026)");
	att->as.line->symbol = str(d, "CTr/TU");
	att->as.line->date = (bc_date){ 0, 0, 2026 };
	xq q;
	xq_open(&q, d);
	expect_num(&q, "count(/r:report/r:meta/r:number/@value)", 1);
	expect_str(&q, "/r:report/r:meta/r:number/@value", "");
	expect_str(&q, "/r:report/r:meta/r:number/@symbol", "CTr-TU");
	expect_num(&q, "count(/r:report/r:meta/r:CodeNumber)", 0);
	expect_str(&q, "/r:report/r:meta/r:CodeNotation", "CTr-TU");
	expect_str(&q, "/r:report/@doctype", "CTr");
	expect_str(&q, "/r:report/r:meta/r:TypeName", "Chương trình hành động");
	expect_num(&q, "count(/r:report/r:appendix/@label)", 1);
	expect_str(&q, "/r:report/r:appendix/@label", "");
	expect_num(&q, "count(/r:report/r:appendix/r:attached/@*)", 2);   /* line and symbol */
	expect_num(&q, "count(/r:report/r:body/node())", 0);
	expect_valid(q.xml.s);
	xq_close(&q);
	bc_document_free(d);
}

/* Deep nesting and many nodes: written in time proportional to the input. */
static void test_large(void **state)
{
	(void)state;
	bc_document *d = new_doc();
	d->body = add(d, d->root, BC_NODE_BODY, 1);
	bc_node *parent = d->body;
	for (int i = 0; i < 60; i++) {
		bc_node *s = add(d, parent, BC_NODE_SECTION, (uint32_t)i + 1);
		s->as.section.level = i + 1;
		txt(d, add(d, s, BC_NODE_HEADING, (uint32_t)i + 1), "h");
		parent = s;
	}
	for (int i = 0; i < 20000; i++) {
		bc_node *p = add(d, d->body, BC_NODE_PARAGRAPH, 100 + (uint32_t)i);
		txt(d, p, "đoạn văn bản khá dài để đo thời gian ");
	}
	clock_t t0 = clock();
	bc_buf out = BC_BUF_INIT;
	assert_int_equal(bc_xml_render(d, &out), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(secs < 10.0);
	assert_int_equal(bc_xml_validate(out.s, out.len, NULL, NULL), 0);
	bc_buf_free(&out);
	bc_document_free(d);
}

/* ---- the schema ---- */

/* The embedded copy is grammar/baocao.rng, byte for byte. */
static void test_schema_embedded(void **state)
{
	(void)state;
	static const char *const tries[] = { "grammar/baocao.rng", "../grammar/baocao.rng", "../../grammar/baocao.rng" };
	char path[1024];
	FILE *f = NULL;
	const char *src = getenv("BAOCAO_SRCDIR");
	if (src) {
		snprintf(path, sizeof path, "%s/grammar/baocao.rng", src);
		f = fopen(path, "rb");
	}
	for (size_t i = 0; !f && i < sizeof tries / sizeof tries[0]; i++)
		f = fopen(tries[i], "rb");
	if (!f) {
		/* __FILE__ is tests/unit/test_xml.c, relative or absolute */
		snprintf(path, sizeof path, "%s", __FILE__);
		char *cut = strstr(path, "tests/unit/test_xml.c");
		if (cut) {
			strcpy(cut, "grammar/baocao.rng");
			f = fopen(path, "rb");
		}
	}
	if (!f) {
		/* the binary is BUILD/tests/test_xml in the source tree */
		ssize_t n = readlink("/proc/self/exe", path, sizeof path - 32);
		if (n > 0) {
			path[n] = '\0';
			char *slash = strrchr(path, '/');
			if (slash) {
				strcpy(slash, "/../../grammar/baocao.rng");
				f = fopen(path, "rb");
			}
		}
	}
	if (!f)
		fail_msg("grammar/baocao.rng not found; run from the source tree or set BAOCAO_SRCDIR");
	bc_buf file = BC_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		bc_buf_put(&file, chunk, n);
	fclose(f);
	size_t len = 0;
	const char *emb = bc_xml_schema_text(&len);
	assert_non_null(emb);
	if (len != file.len || memcmp(emb, file.s, len) != 0)
		fail_msg("compiler/xml/schema_data.c is stale: run sh grammar/embed-schema.sh");
	assert_int_equal(emb[len], '\0');
	bc_buf_free(&file);
}

#define R_OPEN "<report xmlns=\"urn:baocao:report:1\" version=\"1\" source=\"x\">"
#define META "<meta><Language>vi</Language></meta>"

static void test_schema_accepts_minimal(void **state)
{
	(void)state;
	expect_valid(R_OPEN META "<body/></report>");
	expect_valid(R_OPEN META "<body><p line=\"1\">a<b>b</b></p><section level=\"1\" line=\"2\"><heading line=\"2\">h</heading>"
	             "<section level=\"2\" line=\"3\"><heading line=\"3\">s</heading></section></section></body></report>");
}

static void expect_invalid(const char *xml, const char *msg_part)
{
	char *errs = NULL;
	int rc = validate_str(xml, &errs);
	if (rc != 1)
		print_error("accepted but should not be:\n%s\n", xml);
	assert_int_equal(rc, 1);
	assert_non_null(errs);
	if (msg_part && !strstr(errs, msg_part))
		print_error("messages lack \"%s\":\n%s\n", msg_part, errs);
	if (msg_part)
		assert_non_null(strstr(errs, msg_part));
	free(errs);
}

static void test_schema_rejects(void **state)
{
	(void)state;
	/* unknown element, with the line it stands on */
	expect_invalid(R_OPEN META "\n<body>\n<foo line=\"3\"/></body></report>", "line 3");
	/* missing line */
	expect_invalid(R_OPEN META "<body><p>x</p></body></report>", NULL);
	/* line must be positive */
	expect_invalid(R_OPEN META "<body><p line=\"0\">x</p></body></report>", NULL);
	/* bad iso dates */
	expect_invalid(R_OPEN "<meta><date line=\"1\" iso=\"2025-02-30\">x</date><Language>vi</Language></meta><body/></report>", NULL);
	expect_invalid(R_OPEN "<meta><date line=\"1\" iso=\"20/01/2025\">x</date><Language>vi</Language></meta><body/></report>", NULL);
	expect_invalid(R_OPEN "<meta><IssuedDate>2025-1-2</IssuedDate><Language>vi</Language></meta><body/></report>", NULL);
	/* value must be a decimal */
	expect_invalid(R_OPEN META "<body><table line=\"1\" cols=\"1\" head-rows=\"0\" repeats=\"0\"><tbody><row line=\"1\">"
	               "<cell line=\"1\" col=\"1\" value=\"7.944,5\">7.944,5</cell></row></tbody></table></body></report>", NULL);
	/* the same table with a good value is accepted: the rejection above is about the value */
	expect_valid(R_OPEN META "<body><table line=\"1\" cols=\"1\" head-rows=\"0\" repeats=\"0\"><tbody><row line=\"1\">"
	             "<cell line=\"1\" col=\"1\" value=\"7944.5\">7.944,5</cell></row></tbody></table></body></report>");
	/* colspan 1 is never written */
	expect_invalid(R_OPEN META "<body><table line=\"1\" cols=\"1\" head-rows=\"0\" repeats=\"0\"><tbody><row line=\"1\">"
	               "<cell line=\"1\" col=\"1\" colspan=\"1\">a</cell></row></tbody></table></body></report>", NULL);
	/* archival fields carry no line; Language is required; order is fixed */
	expect_invalid(R_OPEN "<meta><Language line=\"1\">vi</Language></meta><body/></report>", NULL);
	expect_invalid(R_OPEN "<meta/><body/></report>", NULL);
	expect_invalid(R_OPEN "<meta><Language>vi</Language><issuer line=\"1\">A</issuer></meta><body/></report>", NULL);
	/* a section needs its heading; text is not allowed directly in body */
	expect_invalid(R_OPEN META "<body><section level=\"1\" line=\"1\"><p line=\"1\">x</p></section></body></report>", NULL);
	expect_invalid(R_OPEN META "<body>loose</body></report>", NULL);
	/* wrong namespace, wrong version, not well-formed */
	expect_invalid("<report xmlns=\"urn:other\" version=\"1\" source=\"x\">" META "<body/></report>", NULL);
	expect_invalid("<report xmlns=\"urn:baocao:report:1\" version=\"2\" source=\"x\">" META "<body/></report>", NULL);
	expect_invalid(R_OPEN META "<body>", NULL);
	/* Priority codes */
	expect_invalid(R_OPEN "<meta><Language>vi</Language><Priority code=\"5\">X</Priority></meta><body/></report>", NULL);
}

/* ---- parser guards ---- */

static char *write_temp(const char *content, const char *suffix)
{
	char *path = malloc(64);
	snprintf(path, 64, "/tmp/bc_xml_XXXXXX%s", suffix);
	int fd = mkstemps(path, (int)strlen(suffix));
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	close(fd);
	return path;
}

static int content_has(xmlDocPtr doc, const char *needle)
{
	xmlChar *c = xmlNodeGetContent(xmlDocGetRootElement(doc));
	int has = c && strstr((const char *)c, needle) != NULL;
	xmlFree(c);
	return has;
}

static void test_no_external_entities(void **state)
{
	(void)state;
	char *secret = write_temp("SECRET-MARKER-4711", ".txt");
	char xml[1024];
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
	         R_OPEN META "<body><p line=\"3\">&xxe;</p></body></report>", secret);

	/* control: with entity substitution libxml2 would read the file, so the check below can fail */
	xmlDocPtr open_doc = xmlReadMemory(xml, (int)strlen(xml), "c.xml", NULL, XML_PARSE_NOENT);
	assert_non_null(open_doc);
	assert_true(content_has(open_doc, "SECRET-MARKER-4711"));
	xmlFreeDoc(open_doc);

	xmlDocPtr doc = bc_xml_parse_safe(xml, strlen(xml), NULL);
	if (doc) {
		assert_false(content_has(doc, "SECRET-MARKER-4711"));
		xmlFreeDoc(doc);
	}
	char *errs = NULL;
	assert_int_equal(validate_str(xml, &errs), 1);
	assert_non_null(strstr(errs, "DOCTYPE"));
	assert_null(strstr(errs, "SECRET"));
	free(errs);

	/* an external DTD subset that would declare the entity is not loaded either */
	char dtd[256];
	snprintf(dtd, sizeof dtd, "<!ENTITY e SYSTEM \"file://%s\">", secret);
	char *dtdpath = write_temp(dtd, ".dtd");
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE report SYSTEM \"file://%s\">\n"
	         R_OPEN META "<body><p line=\"3\">&e;</p></body></report>", dtdpath);
	doc = bc_xml_parse_safe(xml, strlen(xml), NULL);
	if (doc) {
		assert_false(content_has(doc, "SECRET-MARKER-4711"));
		xmlFreeDoc(doc);
	}
	assert_int_equal(validate_str(xml, NULL), 1);

	/* the process-wide libxml2 settings are restored afterwards */
	xmlDocPtr after = xmlReadMemory("<a/>", 4, "a.xml", NULL, 0);
	assert_non_null(after);
	xmlFreeDoc(after);

	unlink(secret);
	unlink(dtdpath);
	free(secret);
	free(dtdpath);
}

static void test_billion_laughs(void **state)
{
	(void)state;
	static const char lol[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE lolz [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		R_OPEN META "<body><p line=\"1\">&lol9;</p></body></report>";
	clock_t t0 = clock();
	assert_int_equal(validate_str(lol, NULL), 1);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	/* and the guarded parse leaves it a reference: nothing near 10^9 characters */
	xmlDocPtr doc = bc_xml_parse_safe(lol, sizeof lol - 1, NULL);
	if (doc) {
		xmlNodePtr p = xmlDocGetRootElement(doc)->last->children;
		assert_non_null(p);
		for (xmlNodePtr c = p->children; c; c = c->next)
			assert_int_not_equal(c->type, XML_TEXT_NODE);
		xmlFreeDoc(doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_and_meta),
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_closing_appendix_notes),
		cmocka_unit_test(test_sample_validates),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_strays),
		cmocka_unit_test(test_dates_and_datelines),
		cmocka_unit_test(test_priority_and_to),
		cmocka_unit_test(test_blank_number_and_label),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_schema_embedded),
		cmocka_unit_test(test_schema_accepts_minimal),
		cmocka_unit_test(test_schema_rejects),
		cmocka_unit_test(test_no_external_entities),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_repeat_reworded),
		cmocka_unit_test(test_recipients),
		cmocka_unit_test(test_facts),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
