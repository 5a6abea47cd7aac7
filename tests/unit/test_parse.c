/* test_parse.c — bc_parse on small documents: header, sections, lists, page splits,
 * footnotes, tables, closing, appendices, the explicit form, and robustness.
 *
 * Each expected tree is decided from grammar/FORMAT.md and the text of the
 * input, then compared with a compact outline of the parsed model:
 *   section[I](heading"…" p[2]"…" list(-)(item"…") table line:unit"…" rule …)
 * A block's quoted text is the plain text of its inline children. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../compiler/diag/diag.h"
#include "../../compiler/lex/patterns.h"
#include "../../compiler/model/report.h"
#include "../../compiler/parse/parse.h"
#include "../../compiler/util/buf.h"

/* ------------------------------------------------------------ harness */

static bc_document *doc;
static bc_diags D;
static bc_buf outl;

static int setup(void **state)
{
	(void)state;
	bc_patterns_init();
	doc = NULL;
	bc_diags_init(&D);
	memset(&outl, 0, sizeof outl);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	if (doc)
		bc_document_free(doc);
	doc = NULL;
	bc_diags_free(&D);
	bc_buf_free(&outl);
	return 0;
}

static bc_document *P(const char *text)
{
	if (doc)
		bc_document_free(doc);
	bc_diags_free(&D);
	bc_diags_init(&D);
	doc = bc_parse("test.txt", text, strlen(text), &D);
	assert_non_null(doc);
	assert_non_null(doc->root);
	return doc;
}

static size_t count_diag(bc_diag_code c)
{
	size_t k = 0;
	for (size_t i = 0; i < D.n; i++)
		k += D.v[i].code == c;
	return k;
}

static const bc_diag *first_diag(bc_diag_code c)
{
	for (size_t i = 0; i < D.n; i++)
		if (D.v[i].code == c)
			return &D.v[i];
	return NULL;
}

/* Plain text of a node's inline children (not of nested blocks). */
static void inline_text(const bc_node *n, bc_buf *b)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		if (!bc_node_is_inline(c))
			continue;
		if (c->type == BC_NODE_TEXT)
			bc_buf_put(b, c->as.text.literal.s, c->as.text.literal.len);
		else if (c->type == BC_NODE_LINEBREAK)
			bc_buf_putc(b, ' ');
		else if (c->type != BC_NODE_NOTEREF)
			inline_text(c, b);
	}
}

/* A rotating set of buffers for the plain text of nodes. */
static const char *text_of(const bc_node *n)
{
	static char bufs[8][4096];
	static int k;
	bc_buf b = BC_BUF_INIT;
	if (n)
		inline_text(n, &b);
	char *out = bufs[k++ & 7];
	snprintf(out, 4096, "%s", bc_buf_cstr(&b));
	bc_buf_free(&b);
	return out;
}

static void outline_node(const bc_node *n, bc_buf *b);

static void outline_children(const bc_node *n, bc_buf *b)
{
	int any = 0;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (bc_node_is_inline(c))
			continue;
		bc_buf_puts(b, any ? " " : "(");
		outline_node(c, b);
		any = 1;
	}
	if (any)
		bc_buf_puts(b, ")");
}

static void outline_node(const bc_node *n, bc_buf *b)
{
	switch (n->type) {
	case BC_NODE_SECTION:
	case BC_NODE_ARTICLE:
	case BC_NODE_CLAUSE:
	case BC_NODE_POINT:
		bc_buf_printf(b, "%s[%.*s]", bc_node_type_name(n->type), (int)n->as.section.label.len,
		              n->as.section.label.s ? n->as.section.label.s : "");
		break;
	case BC_NODE_PARAGRAPH:
		bc_buf_puts(b, "p");
		if (n->as.para.label.len)
			bc_buf_printf(b, "[%.*s]", (int)n->as.para.label.len, n->as.para.label.s);
		break;
	case BC_NODE_LIST:
		bc_buf_printf(b, "list(%c)", n->as.list.bullet ? n->as.list.bullet : '0');
		break;
	case BC_NODE_LINE:
		bc_buf_printf(b, "line:%s", bc_role_name(n->as.line->role));
		break;
	case BC_NODE_NOTE:
		bc_buf_printf(b, "note#%d", n->as.note.id);
		break;
	case BC_NODE_APPENDIX:
		bc_buf_printf(b, "appendix[%.*s]", (int)n->as.appendix.label.len, n->as.appendix.label.s ? n->as.appendix.label.s : "");
		break;
	default:
		bc_buf_puts(b, bc_node_type_name(n->type));
		break;
	}
	int has_inline = 0;
	for (const bc_node *c = n->first; c; c = c->next)
		has_inline |= bc_node_is_inline(c);
	if (has_inline && n->type != BC_NODE_TABLE) {
		bc_buf t = BC_BUF_INIT;
		inline_text(n, &t);
		bc_buf_printf(b, "\"%s\"", bc_buf_cstr(&t));
		bc_buf_free(&t);
	}
	if (n->type == BC_NODE_TABLE || n->type == BC_NODE_THEAD || n->type == BC_NODE_TBODY || n->type == BC_NODE_ROW)
		return;   /* tables are checked field by field */
	outline_children(n, b);
}

/* Outline of a node's block children, space separated, without the outer parentheses. */
static const char *outline(const bc_node *n)
{
	bc_buf_clear(&outl);
	if (!n)
		return "";
	int any = 0;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (bc_node_is_inline(c))
			continue;
		if (any)
			bc_buf_puts(&outl, " ");
		outline_node(c, &outl);
		any = 1;
	}
	return bc_buf_cstr(&outl);
}

/* The n-th (0-based) LINE of a role under a node, searched depth first. */
static bc_node *nth_role(bc_node *root, bc_role role, int nth)
{
	bc_iter it;
	bc_iter_init(&it, root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && it.cur->type == BC_NODE_LINE && it.cur->as.line->role == role && nth-- == 0)
			return it.cur;
	return NULL;
}

static int count_role(bc_node *root, bc_role role)
{
	int k = 0;
	while (nth_role(root, role, k))
		k++;
	return k;
}

static bc_node *nth_type(bc_node *root, bc_node_type t, int nth)
{
	bc_iter it;
	bc_iter_init(&it, root);
	bc_event ev;
	static bc_cell_view keep[8];   /* a cell the iterator shows in its own view, kept past it */
	static int slot;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && it.cur->type == t && nth-- == 0) {
			if (t == BC_NODE_CELL && it.cell)
				return (bc_node *)bc_cell_node(it.cell, it.row, &keep[slot++ & 7]);
			return it.cur;
		}
	return NULL;
}

static int count_type(bc_node *root, bc_node_type t)
{
	int k = 0;
	while (nth_type(root, t, k))
		k++;
	return k;
}

static void assert_str(bc_str s, const char *want)
{
	char got[512];
	snprintf(got, sizeof got, "%.*s", (int)s.len, s.s ? s.s : "");
	assert_string_equal(got, want);
}

/* The roles of META's children in order ("rule" for a RULE node). */
static const char *meta_roles(void)
{
	bc_buf_clear(&outl);
	for (bc_node *c = doc->meta ? doc->meta->first : NULL; c; c = c->next) {
		if (outl.len)
			bc_buf_puts(&outl, " ");
		if (c->type == BC_NODE_LINE)
			bc_buf_puts(&outl, bc_role_name(c->as.line->role));
		else
			bc_buf_puts(&outl, bc_node_type_name(c->type));
	}
	return bc_buf_cstr(&outl);
}

static bc_node *appendix_n(int nth)
{
	for (bc_node *c = doc->root->first; c; c = c->next)
		if (c->type == BC_NODE_APPENDIX && nth-- == 0)
			return c;
	return NULL;
}

/* ------------------------------------------------------------ header (§5) */

static const char *const HEADER_512 =
	"ỦY BAN NHÂN DÂN\n"
	"XÃ AN THẮNG\n"
	"-------\n"
	"Số: 12/BC-UBND\n"
	"\n"
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	"Độc lập - Tự do - Hạnh phúc\n"
	"-------\n"
	"An Thắng, ngày 05 tháng 7 năm 2026\n"
	"\n"
	"BÁO CÁO\n"
	"\n"
	"**Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm,\n"
	"phương hướng, nhiệm vụ 6 tháng cuối năm 2026**\n"
	"\n"
	"I. KẾT QUẢ ĐẠT ĐƯỢC\n"
	"\n"
	"Kinh tế của xã tiếp tục phát triển.\n";

static void test_header_fields(void **state)
{
	(void)state;
	P(HEADER_512);
	bc_node *m = doc->meta;
	assert_non_null(m);
	assert_int_equal(count_role(m, BC_ROLE_ISSUER), 2);
	assert_string_equal(text_of(nth_role(m, BC_ROLE_ISSUER, 0)), "ỦY BAN NHÂN DÂN");
	assert_string_equal(text_of(nth_role(m, BC_ROLE_ISSUER, 1)), "XÃ AN THẮNG");
	assert_ptr_equal(doc->idx.issuer_first, nth_role(m, BC_ROLE_ISSUER, 0));
	assert_ptr_equal(doc->idx.issuer_last, nth_role(m, BC_ROLE_ISSUER, 1));
	bc_node *num = doc->idx.number;
	assert_non_null(num);
	assert_int_equal(num->as.line->role, BC_ROLE_NUMBER);
	assert_str(num->as.line->number, "12");
	assert_str(num->as.line->symbol, "BC-UBND");
	assert_string_equal(text_of(nth_role(m, BC_ROLE_MOTTO, 0)), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_string_equal(text_of(nth_role(m, BC_ROLE_SLOGAN, 0)), "Độc lập - Tự do - Hạnh phúc");
	bc_node *dl = doc->idx.dateline;
	assert_non_null(dl);
	assert_str(dl->as.line->place, "An Thắng");
	assert_int_equal(dl->as.line->date.day, 5);
	assert_int_equal(dl->as.line->date.month, 7);
	assert_int_equal(dl->as.line->date.year, 2026);
	assert_non_null(doc->idx.doctype);
	assert_int_equal(doc->idx.doctype->as.line->doctype, BC_DOC_BAO_CAO);
	/* the title: both lines, the author's wrap kept as words in order, bold */
	bc_buf t = BC_BUF_INIT;
	for (int i = 0; nth_role(m, BC_ROLE_TITLE, i); i++) {
		if (i)
			bc_buf_putc(&t, ' ');
		bc_buf_puts(&t, text_of(nth_role(m, BC_ROLE_TITLE, i)));
	}
	assert_string_equal(bc_buf_cstr(&t), "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm, "
	                                       "phương hướng, nhiệm vụ 6 tháng cuối năm 2026");
	bc_buf_free(&t);
	assert_non_null(doc->idx.title);
	assert_int_equal(doc->idx.title->as.line->role, BC_ROLE_TITLE);
	/* the body starts at the labelled line */
	assert_string_equal(outline(doc->body), "section[I](heading\"KẾT QUẢ ĐẠT ĐƯỢC\" p\"Kinh tế của xã tiếp tục phát triển.\")");
	assert_null(doc->idx.draft);
	assert_null(doc->idx.urgency);
	assert_int_equal(D.count[BC_LEVEL_ERROR] + D.count[BC_LEVEL_WARNING], 0);
}

static void test_title_keeps_bold(void **state)
{
	(void)state;
	/* §3.2: "a bold-decorated title keeps its STRONG node"; §5.10: the two title lines are
	 * "both inside one STRONG run (the ** wraps the two lines of the block)".
	  */
	P(HEADER_512);
	assert_non_null(doc->idx.title);
	assert_non_null(nth_type(nth_role(doc->meta, BC_ROLE_TITLE, 0), BC_NODE_STRONG, 0));
}

static void test_header_rules_and_title_lines(void **state)
{
	(void)state;
	/* §5.1: the paper layout's rule lines carry no words and are skipped; §5.10: the title
	 * block's two lines are one TITLE line (its ** spans both lines). */
	P(HEADER_512);
	assert_string_equal(meta_roles(), "issuer issuer number motto slogan dateline type title");
	assert_int_equal(count_type(doc->meta, BC_NODE_RULE), 0);
}

static void test_header_draft_and_urgency(void **state)
{
	(void)state;
	P("ỦY BAN NHÂN DÂN\n"
	  "THÀNH PHỐ HẢI PHÒNG\n"
	  "Số:     /BC-UBND\n"
	  "(DỰ THẢO)\n"
	  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	  "Độc lập - Tự do - Hạnh phúc\n"
	  "Hải Phòng, ngày    tháng 6 năm 2026\n"
	  "\n"
	  "BÁO CÁO\n"
	  "Tình hình kinh tế - xã hội tháng 6 năm 2026\n"
	  "\n"
	  "HỎA TỐC\n"
	  "\n"
	  "Trong tháng, tình hình kinh tế tiếp tục ổn định.\n");
	bc_node *num = doc->idx.number;
	assert_non_null(num);
	assert_str(num->as.line->number, "");
	assert_str(num->as.line->symbol, "BC-UBND");
	assert_non_null(doc->idx.draft);
	assert_int_equal(doc->idx.draft->as.line->role, BC_ROLE_DRAFT);
	assert_string_equal(text_of(doc->idx.draft), "(DỰ THẢO)");
	bc_node *dl = doc->idx.dateline;
	assert_non_null(dl);
	assert_str(dl->as.line->place, "Hải Phòng");
	assert_int_equal(dl->as.line->date.day, 0);
	assert_int_equal(dl->as.line->date.month, 6);
	assert_int_equal(dl->as.line->date.year, 2026);
	assert_string_equal(text_of(doc->idx.title), "Tình hình kinh tế - xã hội tháng 6 năm 2026");
	/* urgency after the title still belongs to the header */
	assert_non_null(doc->idx.urgency);
	assert_int_equal(doc->idx.urgency->parent->type, BC_NODE_META);
	assert_string_equal(text_of(doc->idx.urgency), "HỎA TỐC");
	assert_string_equal(outline(doc->body), "p\"Trong tháng, tình hình kinh tế tiếp tục ổn định.\"");
	assert_int_equal(count_role(doc->meta, BC_ROLE_ISSUER), 2);
}

static const char *const CONG_VAN =
	"ỦY BAN NHÂN DÂN\n"
	"XÃ AN THẮNG\n"
	"Số: 31/UBND-VP\n"
	"V/v triển khai công tác phòng, chống\n"
	"thiên tai năm 2026\n"
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	"Độc lập - Tự do - Hạnh phúc\n"
	"An Thắng, ngày 15 tháng 3 năm 2026\n"
	"\n"
	"Kính gửi:\n"
	"- Sở Nông nghiệp và Môi trường thành phố;\n"
	"- Ban Chỉ huy Phòng thủ dân sự thành phố.\n"
	"\n"
	"Thực hiện chỉ đạo của thành phố, Ủy ban nhân dân xã báo cáo như sau:\n";

static void test_header_real_spellings(void **state)
{
	(void)state;
	/* §5.3, §5.9: the symbol on the line below the number, a dateline without
	 * its comma, read as the header's; the same dateline in the body is text */
	P("SỞ NỘI VỤ\nSố: 181\n\n/BC-SNV\nTân Phú ngày 25 tháng 9 năm 2026\n\nBÁO CÁO\nVề việc thử\n\n"
	  "I. KẾT QUẢ\n\nĐã làm việc với đồng chí\nNguyễn Văn An ngày 05/11/2025.\n");
	assert_string_equal(meta_roles(), "issuer number dateline type title");
	assert_str(doc->idx.number->as.line->number, "181");
	assert_str(doc->idx.number->as.line->symbol, "BC-SNV");
	assert_int_equal(doc->idx.number->end_line, 4);
	assert_str(doc->idx.dateline->as.line->place, "Tân Phú");
	assert_int_equal(doc->idx.dateline->as.line->date.day, 25);
	assert_int_equal(doc->idx.dateline->as.line->date.month, 9);
	assert_int_equal(doc->idx.dateline->as.line->date.year, 2026);
	assert_false(doc->idx.dateline->as.line->unread);
	/* one paragraph: the body's line of capitalised words and a date goes on the sentence */
	bc_node *sec = nth_type(doc->body, BC_NODE_SECTION, 0);
	assert_non_null(sec);
	assert_int_equal(count_type(sec, BC_NODE_PARAGRAPH), 1);
	/* an unreadable number line, then a date in figures */
	P("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố1§4ØBGDĐT-GDPT\nHà Nội, ngày 10/4/2026\n\nBÁO CÁO\nVề việc thử\n");
	assert_string_equal(meta_roles(), "issuer number dateline type title");
	assert_true(doc->idx.number->as.line->unread);
	assert_int_equal(doc->idx.number->as.line->number.len, 0);
	assert_int_equal(doc->idx.dateline->as.line->date.day, 10);
	assert_int_equal(doc->idx.dateline->as.line->date.month, 4);
}

static void test_header_cong_van(void **state)
{
	(void)state;
	P(CONG_VAN);
	assert_str(doc->idx.number->as.line->number, "31");
	assert_str(doc->idx.number->as.line->symbol, "UBND-VP");
	assert_non_null(doc->idx.summary);
	assert_string_equal(text_of(doc->idx.summary), "V/v triển khai công tác phòng, chống thiên tai năm 2026");
	assert_null(doc->idx.doctype);
	assert_non_null(doc->idx.dateline);
	assert_int_equal(doc->idx.dateline->as.line->date.day, 15);
	/* both addressees are ADDRESSEE lines of the header, with their final punctuation */
	int found = 0;
	for (int i = 0; nth_role(doc->meta, BC_ROLE_ADDRESSEE, i); i++) {
		const char *t = text_of(nth_role(doc->meta, BC_ROLE_ADDRESSEE, i));
		if (strstr(t, "Sở Nông nghiệp và Môi trường thành phố;"))
			found |= 1;
		if (strstr(t, "Ban Chỉ huy Phòng thủ dân sự thành phố."))
			found |= 2;
	}
	assert_int_equal(found, 3);
	assert_string_equal(outline(doc->body), "p\"Thực hiện chỉ đạo của thành phố, Ủy ban nhân dân xã báo cáo như sau:\"");
	/* one addressee on the Kính gửi line */
	P("Số: 31/UBND-VP\n"
	  "V/v báo cáo kết quả\n"
	  "\n"
	  "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.\n"
	  "\n"
	  "Ủy ban nhân dân xã báo cáo như sau:\n");
	assert_int_equal(count_role(doc->meta, BC_ROLE_ADDRESSEE), 1);
	assert_non_null(strstr(text_of(nth_role(doc->meta, BC_ROLE_ADDRESSEE, 0)), "Ủy ban nhân dân thành phố Hải Phòng."));
	assert_string_equal(outline(doc->body), "p\"Ủy ban nhân dân xã báo cáo như sau:\"");
}

static void test_addressee_items_keep_dash(void **state)
{
	(void)state;
	/* §5.11: "Each addressee is one ADDRESSEE line; the `- ` is the list's bullet and not part
	 * of the addressee's text, while the final `;`/`.` stays as written." */
	P(CONG_VAN);
	int found = 0;
	for (int i = 0; nth_role(doc->meta, BC_ROLE_ADDRESSEE, i); i++) {
		const char *t = text_of(nth_role(doc->meta, BC_ROLE_ADDRESSEE, i));
		found += !strcmp(t, "Sở Nông nghiệp và Môi trường thành phố;");
		found += !strcmp(t, "Ban Chỉ huy Phòng thủ dân sự thành phố.");
	}
	assert_int_equal(found, 2);
}

/* ------------------------------------------------------------ sections (§6) */

static void test_sections_nest_by_label(void **state)
{
	(void)state;
	P("I. KẾT QUẢ ĐẠT ĐƯỢC\n"
	  "\n"
	  "1. Về kinh tế\n"
	  "\n"
	  "1.1. Công nghiệp\n"
	  "\n"
	  "1.1.1. Sản xuất\n"
	  "\n"
	  "a) Về sản xuất công nghiệp\n"
	  "\n"
	  "Giá trị sản xuất tăng 12%.\n"
	  "\n"
	  "2. Về xã hội\n"
	  "\n"
	  "II. NHIỆM VỤ\n");
	assert_string_equal(outline(doc->body),
		"section[I](heading\"KẾT QUẢ ĐẠT ĐƯỢC\" "
		"section[1](heading\"Về kinh tế\" "
		"section[1.1](heading\"Công nghiệp\" "
		"section[1.1.1](heading\"Sản xuất\" "
		"section[a](heading\"Về sản xuất công nghiệp\" p\"Giá trị sản xuất tăng 12%.\"))))"
		" section[2](heading\"Về xã hội\"))"
		" section[II](heading\"NHIỆM VỤ\")");
	static const struct { int level; bc_label_kind kind; } want[] = {
		{ 1, BC_LABEL_ROMAN }, { 2, BC_LABEL_ARABIC }, { 3, BC_LABEL_DOTTED2 },
		{ 4, BC_LABEL_DOTTED3 }, { 5, BC_LABEL_LETTER }, { 2, BC_LABEL_ARABIC }, { 1, BC_LABEL_ROMAN },
	};
	for (int i = 0; i < 7; i++) {
		bc_node *s = nth_type(doc->body, BC_NODE_SECTION, i);
		assert_non_null(s);
		assert_int_equal(s->as.section.level, want[i].level);
		assert_int_equal(s->as.section.kind, want[i].kind);
		assert_int_equal(s->first->type, BC_NODE_HEADING);
	}
	/* positions: the section of "1.1." is on line 5 */
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 2)->pos.line, 5);
}

static void test_heading_decorated_and_star(void **state)
{
	(void)state;
	P("## **I. MỤC ĐÍCH, YÊU CẦU**\n"
	  "\n"
	  "#### ***1. Đổi mới mạnh mẽ phương thức lãnh đạo.***\n"
	  "\n"
	  "*) Khách quan:\n"
	  "\n"
	  "Thời tiết không thuận lợi.\n");
	assert_string_equal(outline(doc->body),
		"section[I](heading\"MỤC ĐÍCH, YÊU CẦU\" "
		"section[1](heading\"Đổi mới mạnh mẽ phương thức lãnh đạo.\" "
		"section[*](heading\"Khách quan:\" p\"Thời tiết không thuận lợi.\")))");
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 2)->as.section.kind, BC_LABEL_STAR);
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 2)->as.section.level, 7);
}

static void test_glued_headings_in_tree(void **state)
{
	(void)state;
	P("**I. MỤC ĐÍCH, YÊU CẦU****1. Mục đích**\n"
	  "\n"
	  "Nâng cao chất lượng phục vụ người dân.\n");
	assert_string_equal(outline(doc->body),
		"section[I](heading\"MỤC ĐÍCH, YÊU CẦU\" section[1](heading\"Mục đích\" p\"Nâng cao chất lượng phục vụ người dân.\"))");
	assert_int_equal(count_diag(BC_W_GLUED_HEADINGS), 1);
	/* each section starts at its label: "I" at column 3, "1" at column 27 (after "…CẦU****") */
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 0)->pos.col, 3);
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 1)->pos.line, 1);
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 1)->pos.col, 27);
}

static const char *long_text(int chars)
{
	static char b[4096];
	const char *w = "Tiếp tục thực hiện công tác tư vấn, hỗ trợ doanh nghiệp ";
	b[0] = 0;
	int n = 0;
	/* every word is counted in characters, not bytes */
	while (n < chars) {
		strcat(b, w);
		n += 56;
	}
	return b;
}

static void test_numbered_paragraph_keeps_label(void **state)
{
	(void)state;
	char src[8192];
	snprintf(src, sizeof src,
	         "I. NHIỆM VỤ\n"
	         "\n"
	         "a) %sđến năm 2030.\n"
	         "\n"
	         "Các đơn vị triển khai.\n",
	         long_text(320));
	P(src);
	bc_node *p = nth_type(doc->body, BC_NODE_PARAGRAPH, 0);
	assert_non_null(p);
	assert_int_equal(p->as.para.kind, BC_LABEL_LETTER);
	assert_str(p->as.para.label, "a");
	assert_non_null(strstr(text_of(p), "đến năm 2030."));
	/* it opens nothing: the next paragraph is its sibling in section I */
	assert_int_equal(count_type(doc->body, BC_NODE_SECTION), 1);
	assert_ptr_equal(p->parent, nth_type(doc->body, BC_NODE_SECTION, 0));
	assert_ptr_equal(p->next, nth_type(doc->body, BC_NODE_PARAGRAPH, 1));
	/* a short labelled sentence ending in "." or ";" is a numbered paragraph too */
	P("(2) GRDP bình quân đầu người đạt 201,6 triệu đồng/người.\n");
	assert_string_equal(outline(doc->body), "p[2]\"GRDP bình quân đầu người đạt 201,6 triệu đồng/người.\"");
	assert_int_equal(nth_type(doc->body, BC_NODE_PARAGRAPH, 0)->as.para.kind, BC_LABEL_PAREN);
}

static void test_numbered_paragraph_sibling(void **state)
{
	(void)state;
	/* "1." is a (bold) heading; "2." and "3." are sentences: numbered paragraphs that close
	 * section 1. and follow it inside section I., not inside it */
	P("I. NHIỆM VỤ\n"
	  "\n"
	  "**1. Công tác tuyên truyền**\n"
	  "\n"
	  "Đẩy mạnh tuyên truyền.\n"
	  "\n"
	  "2. Quán triệt, thực hiện nghiêm các Nghị quyết của Trung ương;\n"
	  "\n"
	  "3. Tăng cường công tác kiểm tra, giám sát.\n");
	assert_string_equal(outline(doc->body),
		"section[I](heading\"NHIỆM VỤ\" section[1](heading\"Công tác tuyên truyền\" p\"Đẩy mạnh tuyên truyền.\") "
		"p[2]\"Quán triệt, thực hiện nghiêm các Nghị quyết của Trung ương;\" "
		"p[3]\"Tăng cường công tác kiểm tra, giám sát.\")");
	bc_node *sec1 = nth_type(doc->body, BC_NODE_SECTION, 1);
	assert_non_null(sec1->next);
	assert_int_equal(sec1->next->type, BC_NODE_PARAGRAPH);
	assert_int_equal(sec1->next->as.para.kind, BC_LABEL_ARABIC);
	assert_str(sec1->next->as.para.label, "2");
}

static void test_long_line_never_heading(void **state)
{
	(void)state;
	/* §6.2 and §14: a labelled line longer than 300 characters is a numbered paragraph, and one
	 * ending in ";" is one too, whatever its siblings are.
	  */
	char src[8192];
	snprintf(src, sizeof src,
	         "1. Công tác tuyên truyền\n"
	         "\n"
	         "Đẩy mạnh tuyên truyền.\n"
	         "\n"
	         "2. %sđến năm 2030;\n",
	         long_text(320));
	P(src);
	assert_int_equal(count_type(doc->body, BC_NODE_SECTION), 1);
	bc_node *p2 = nth_type(doc->body, BC_NODE_PARAGRAPH, 1);
	assert_non_null(p2);
	assert_str(p2->as.para.label, "2");
}

static void test_siblings_settle_together(void **state)
{
	(void)state;
	/* one sequence 1. 2. 3.: the first two are headings, so the short third one is too */
	P("1. Công tác tuyên truyền\n"
	  "\n"
	  "Đẩy mạnh tuyên truyền trên loa.\n"
	  "\n"
	  "2. Công tác kiểm tra\n"
	  "\n"
	  "Kiểm tra 12 cơ sở.\n"
	  "\n"
	  "3. Công tác phối hợp.\n"
	  "\n"
	  "Phối hợp với các ngành.\n");
	assert_string_equal(outline(doc->body),
		"section[1](heading\"Công tác tuyên truyền\" p\"Đẩy mạnh tuyên truyền trên loa.\") "
		"section[2](heading\"Công tác kiểm tra\" p\"Kiểm tra 12 cơ sở.\") "
		"section[3](heading\"Công tác phối hợp.\" p\"Phối hợp với các ngành.\")");
	/* mostly sentences: all numbered paragraphs */
	P("a) Hoàn thành kế hoạch năm;\n"
	  "b) Tăng thu ngân sách;\n"
	  "c) Giảm nghèo bền vững\n"
	  "d) Giữ vững an ninh.\n");
	assert_string_equal(outline(doc->body),
		"p[a]\"Hoàn thành kế hoạch năm;\" p[b]\"Tăng thu ngân sách;\" p[c]\"Giảm nghèo bền vững\" p[d]\"Giữ vững an ninh.\"");
}

static void test_minor_labels_nest(void **state)
{
	(void)state;
	/* offices put a) under (8): the minor labels nest in the order written */
	P("(8) Về văn hóa - xã hội\n"
	  "\n"
	  "a) Giáo dục\n"
	  "\n"
	  "Tỷ lệ học sinh đến trường đạt 99%.\n"
	  "\n"
	  "b) Y tế\n"
	  "\n"
	  "(9) Về quốc phòng\n");
	assert_string_equal(outline(doc->body),
		"section[8](heading\"Về văn hóa - xã hội\" "
		"section[a](heading\"Giáo dục\" p\"Tỷ lệ học sinh đến trường đạt 99%.\") "
		"section[b](heading\"Y tế\")) "
		"section[9](heading\"Về quốc phòng\")");
}

static void test_heading_up_to_300(void **state)
{
	(void)state;
	/* §6.2: a labelled line of at most 300 characters not ending in "." or ";" is a heading.
	  */
	char src[8192];
	snprintf(src, sizeof src, "I. %snăm 2026\n\nNội dung.\n", long_text(230));
	P(src);
	assert_int_equal(count_type(doc->body, BC_NODE_SECTION), 1);
	assert_int_equal(nth_type(doc->body, BC_NODE_SECTION, 0)->as.section.kind, BC_LABEL_ROMAN);
}

/* ------------------------------------------------------------ paragraphs, lists (§7) */

static void test_hard_wrapped(void **state)
{
	(void)state;
	P("Thành ủy, Hội đồng nhân dân, Ủy ban nhân dân thành phố đã chủ động ban\n"
	  "hành nhiều Nghị quyết, Kế hoạch và văn bản chỉ đạo.\n"
	  "\n"
	  "Đoạn thứ hai.\n");
	assert_string_equal(outline(doc->body),
		"p\"Thành ủy, Hội đồng nhân dân, Ủy ban nhân dân thành phố đã chủ động ban hành nhiều Nghị quyết, "
		"Kế hoạch và văn bản chỉ đạo.\" p\"Đoạn thứ hai.\"");
	bc_node *p = nth_type(doc->body, BC_NODE_PARAGRAPH, 0);
	assert_true(p->as.para.hard_wrapped);
	assert_int_equal(p->as.para.joined_at, 0);
	assert_int_equal(p->end_line, 2);
	assert_false(nth_type(doc->body, BC_NODE_PARAGRAPH, 1)->as.para.hard_wrapped);
	assert_int_equal(count_diag(BC_W_PAGE_SPLIT), 0);
}

static void test_hard_break_linebreak(void **state)
{
	(void)state;
	/* §3.2/§7.2: a line ending with two spaces is joined to the next by a LINEBREAK.
	  */
	P("Dòng thứ nhất  \ndòng thứ hai.\n");
	assert_int_equal(count_type(doc->body, BC_NODE_PARAGRAPH), 1);
	assert_non_null(nth_type(doc->body, BC_NODE_LINEBREAK, 0));
}

static void test_lists(void **state)
{
	(void)state;
	P("- Tổ chức tập huấn cho 100% cán bộ, công chức xã; trong đó:\n"
	  "+ Tập huấn kỹ năng số: 02 lớp;\n"
	  "+ Tập huấn nghiệp vụ văn thư, lưu trữ: 01 lớp.\n"
	  "- Hoàn thành số hóa hồ sơ hộ tịch giai đoạn 2016-2020.\n");
	assert_string_equal(outline(doc->body),
		"list(-)(item\"Tổ chức tập huấn cho 100% cán bộ, công chức xã; trong đó:\""
		"(list(+)(item\"Tập huấn kỹ năng số: 02 lớp;\" item\"Tập huấn nghiệp vụ văn thư, lưu trữ: 01 lớp.\")) "
		"item\"Hoàn thành số hóa hồ sơ hộ tịch giai đoạn 2016-2020.\")");
}

static void test_lists_blank_lines_and_end(void **state)
{
	(void)state;
	P("Kết quả như sau:\n"
	  "\n"
	  "- Thu ngân sách đạt 120%;\n"
	  "\n"
	  "- Chi ngân sách đạt 95%.\n"
	  "\n"
	  "Các chỉ tiêu khác đều đạt.\n");
	assert_string_equal(outline(doc->body),
		"p\"Kết quả như sau:\" list(-)(item\"Thu ngân sách đạt 120%;\" item\"Chi ngân sách đạt 95%.\") "
		"p\"Các chỉ tiêu khác đều đạt.\"");
	assert_int_equal(nth_type(doc->body, BC_NODE_LIST, 0)->as.list.bullet, '-');
}

/* ------------------------------------------------------------ page splits (§7.5) */

static void test_page_split_lower_case(void **state)
{
	(void)state;
	P("Các sở, ban, ngành, địa phương đã nghiêm túc triển khai thực hiện các chỉ\n"
	  "\n"
	  "đạo của Trung ương và thành phố; chủ động xây dựng, triển khai chương trình.\n");
	assert_string_equal(outline(doc->body),
		"p\"Các sở, ban, ngành, địa phương đã nghiêm túc triển khai thực hiện các chỉ đạo của Trung ương "
		"và thành phố; chủ động xây dựng, triển khai chương trình.\"");
	assert_int_equal(nth_type(doc->body, BC_NODE_PARAGRAPH, 0)->as.para.joined_at, 3);
	assert_int_equal(count_diag(BC_W_PAGE_SPLIT), 1);
	assert_int_equal(first_diag(BC_W_PAGE_SPLIT)->pos.line, 3);
}

static void test_page_split_around_note(void **state)
{
	(void)state;
	P("Tiếp tục đôn đốc đẩy nhanh tiến độ hoàn thiện hạ tầng các CCN¹, đôn đốc dự án\n"
	  "\n"
	  "¹ Sau Hà Tĩnh 12,79%; Ninh Bình 11,44%\n"
	  "\n"
	  "theo dõi, hỗ trợ các chủ đầu tư hạ tầng kỹ thuật.\n");
	assert_string_equal(outline(doc->body),
		"p\"Tiếp tục đôn đốc đẩy nhanh tiến độ hoàn thiện hạ tầng các CCN, đôn đốc dự án theo dõi, hỗ trợ "
		"các chủ đầu tư hạ tầng kỹ thuật.\"");
	assert_int_equal(nth_type(doc->body, BC_NODE_PARAGRAPH, 0)->as.para.joined_at, 5);
	assert_int_equal(count_diag(BC_W_PAGE_SPLIT), 1);
	assert_non_null(doc->notes);
	assert_string_equal(outline(doc->notes), "note#1(p\"Sau Hà Tĩnh 12,79%; Ninh Bình 11,44%\")");
	bc_node *ref = nth_type(doc->body, BC_NODE_NOTEREF, 0);
	assert_non_null(ref);
	assert_ptr_equal(ref->as.noteref.note, doc->notes->first);
}

static void test_page_split_comma_capital(void **state)
{
	(void)state;
	P("Ủy ban nhân dân xã đã chỉ đạo các ngành,\n"
	  "\n"
	  "Hội Nông dân, Đoàn Thanh niên phối hợp thực hiện.\n");
	assert_string_equal(outline(doc->body),
		"p\"Ủy ban nhân dân xã đã chỉ đạo các ngành, Hội Nông dân, Đoàn Thanh niên phối hợp thực hiện.\"");
	assert_int_equal(nth_type(doc->body, BC_NODE_PARAGRAPH, 0)->as.para.joined_at, 3);
	assert_int_equal(count_diag(BC_W_PAGE_SPLIT), 1);
}

static void test_no_page_split(void **state)
{
	(void)state;
	/* a finished paragraph, and an unfinished one followed by a capital: two paragraphs */
	P("Ủy ban nhân dân xã đã hoàn thành kế hoạch.\n"
	  "\n"
	  "đạo của thành phố được thực hiện.\n"
	  "\n"
	  "Kết quả đạt được khá toàn diện\n"
	  "\n"
	  "Năm 2026 tiếp tục phát huy.\n");
	assert_int_equal(count_type(doc->body, BC_NODE_PARAGRAPH), 4);
	assert_int_equal(count_diag(BC_W_PAGE_SPLIT), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(nth_type(doc->body, BC_NODE_PARAGRAPH, i)->as.para.joined_at, 0);
}

/* ------------------------------------------------------------ footnotes (§8) */

static void test_notes_collected(void **state)
{
	(void)state;
	P("Tăng trưởng đạt 8,5%¹ và thu ngân sách đạt 120%<sup>2</sup>, chi đạt 95%[^3].\n"
	  "\n"
	  "¹ Theo số liệu của Cục Thống kê.\n"
	  "\n"
	  "<sup>2</sup> Ước thực hiện đến hết năm.\n"
	  "\n"
	  "[^3]: Không kể chi chuyển nguồn.\n");
	assert_string_equal(outline(doc->body), "p\"Tăng trưởng đạt 8,5% và thu ngân sách đạt 120%, chi đạt 95%.\"");
	assert_string_equal(outline(doc->notes),
		"note#1(p\"Theo số liệu của Cục Thống kê.\") note#2(p\"Ước thực hiện đến hết năm.\") "
		"note#3(p\"Không kể chi chuyển nguồn.\")");
	bc_node *n1 = doc->notes->first, *n2 = n1->next, *n3 = n2->next;
	assert_str(n1->as.note.mark, "¹");
	assert_str(n2->as.note.mark, "<sup>2</sup>");
	assert_str(n3->as.note.mark, "[^3]");
	for (int i = 0; i < 3; i++) {
		bc_node *r = nth_type(doc->body, BC_NODE_NOTEREF, i);
		assert_non_null(r);
		assert_int_equal(r->as.noteref.id, i + 1);
		assert_ptr_equal(r->as.noteref.note, i == 0 ? n1 : i == 1 ? n2 : n3);
	}
	assert_int_equal(count_diag(BC_W_NOTE_UNDEFINED), 0);
	/* a reference without a note text */
	P("Số liệu ước tính⁷.\n");
	bc_node *r = nth_type(doc->body, BC_NODE_NOTEREF, 0);
	assert_non_null(r);
	assert_int_equal(r->as.noteref.id, 7);
	assert_null(r->as.noteref.note);
}

static void test_note_continues_over_plus_items(void **state)
{
	(void)state;
	P("- Tiếp tục hoàn thiện Phương án bồi thường². Thành phố đã tổ chức buổi làm việc.\n"
	  "\n"
	  "² + Khu vực phía Đông (06 dự án bồi thường): Đến nay đã phê duyệt phương án.\n"
	  "\n"
	  "+ Khu vực phía Tây: UBND các xã tổ chức thành lập Hội đồng bồi thường.\n"
	  "\n"
	  "- Tiếp tục đôn đốc tiến độ thi công, nghiệm thu các công trình tài trợ.\n");
	assert_string_equal(outline(doc->notes),
		"note#2(list(+)(item\"Khu vực phía Đông (06 dự án bồi thường): Đến nay đã phê duyệt phương án.\" "
		"item\"Khu vực phía Tây: UBND các xã tổ chức thành lập Hội đồng bồi thường.\"))");
	/* "- Tiếp tục đôn đốc" is the body again */
	int body_items = 0, found = 0;
	for (int i = 0; nth_type(doc->body, BC_NODE_ITEM, i); i++) {
		body_items++;
		found |= strstr(text_of(nth_type(doc->body, BC_NODE_ITEM, i)), "Tiếp tục đôn đốc") != NULL;
	}
	assert_int_equal(body_items, 2);
	assert_true(found);
	assert_null(nth_type(doc->body, BC_NODE_NOTE, 0));
}

static void test_note_is_a_list(void **state)
{
	(void)state;
	P("Cuộc bầu cử được tổ chức thành công⁴.\n"
	  "\n"
	  "⁴ - Ngày bầu cử là ngày 15/3/2026.\n");
	assert_string_equal(outline(doc->notes), "note#4(list(-)(item\"Ngày bầu cử là ngày 15/3/2026.\"))");
	assert_string_equal(outline(doc->body), "p\"Cuộc bầu cử được tổ chức thành công.\"");
}

static void test_body_after_note_with_reference(void **state)
{
	(void)state;
	P("Kết quả tăng trưởng đạt khá¹.\n"
	  "\n"
	  "¹ Theo số liệu của Cục Thống kê.\n"
	  "\n"
	  "Thu ngân sách đạt 120% dự toán².\n"
	  "\n"
	  "² Ước thực hiện đến hết năm.\n");
	assert_string_equal(outline(doc->body), "p\"Kết quả tăng trưởng đạt khá.\" p\"Thu ngân sách đạt 120% dự toán.\"");
	assert_string_equal(outline(doc->notes),
		"note#1(p\"Theo số liệu của Cục Thống kê.\") note#2(p\"Ước thực hiện đến hết năm.\")");
}

static void test_note_continues_unmarked_paragraph(void **state)
{
	(void)state;
	/* §8.3 example: "Chấp thuận, …" continues note 5 (no rule applies) */
	P("Phát triển nhà ở xã hội đạt kết quả⁵.\n"
	  "\n"
	  "⁵ Khởi công: (1) Dự án đầu tư xây dựng Khu NOXH; (2) Dự án nhà ở.\n"
	  "\n"
	  "Chấp thuận, giao chủ đầu tư: (1) Dự án NOXH tại phường An Dương.\n");
	assert_string_equal(outline(doc->notes),
		"note#5(p\"Khởi công: (1) Dự án đầu tư xây dựng Khu NOXH; (2) Dự án nhà ở.\" "
		"p\"Chấp thuận, giao chủ đầu tư: (1) Dự án NOXH tại phường An Dương.\")");
	assert_string_equal(outline(doc->body), "p\"Phát triển nhà ở xã hội đạt kết quả.\"");
}

static void test_note_after_heading(void **state)
{
	(void)state;
	P("I. KẾT QUẢ¹\n"
	  "\n"
	  "¹ Số liệu ước tính.\n"
	  "\n"
	  "Năm 2026, tình hình kinh tế tiếp tục phát triển.\n");
	assert_string_equal(outline(doc->body),
		"section[I](heading\"KẾT QUẢ\" p\"Năm 2026, tình hình kinh tế tiếp tục phát triển.\")");
	assert_string_equal(outline(doc->notes), "note#1(p\"Số liệu ước tính.\")");
	assert_ptr_equal(nth_type(doc->body, BC_NODE_NOTEREF, 0)->as.noteref.note, doc->notes->first);
}

static void test_note_ended_by_heading(void **state)
{
	(void)state;
	P("Thu ngân sách tăng³.\n"
	  "\n"
	  "³ Số liệu sơ bộ.\n"
	  "\n"
	  "II. NHIỆM VỤ\n");
	assert_string_equal(outline(doc->notes), "note#3(p\"Số liệu sơ bộ.\")");
	assert_string_equal(outline(doc->body), "p\"Thu ngân sách tăng.\" section[II](heading\"NHIỆM VỤ\")");
}

/* ------------------------------------------------------------ tables (§9) */

static void test_table_with_unit(void **state)
{
	(void)state;
	P("Đơn vị tính: triệu đồng\n"
	  "\n"
	  "TT\tChỉ tiêu\tKế hoạch\tThực hiện\n"
	  "1\tThu ngân sách\t1.200\t1.350\n"
	  "2\tChi ngân sách\t1.000\t980\n");
	assert_string_equal(outline(doc->body), "line:unit\"Đơn vị tính: triệu đồng\" table");
	bc_node *t = nth_type(doc->body, BC_NODE_TABLE, 0);
	assert_non_null(t);
	assert_non_null(t->as.table.unit.s);
	assert_non_null(strstr(t->as.table.unit.s, "triệu đồng"));
	assert_int_equal(t->as.table.cols, 4);
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(count_type(nth_type(t, BC_NODE_THEAD, 0), BC_NODE_ROW), 1);
	assert_int_equal(count_type(nth_type(t, BC_NODE_TBODY, 0), BC_NODE_ROW), 2);
	bc_node *c = nth_type(t, BC_NODE_CELL, 6);   /* row "1", 3rd cell: 1.200 */
	assert_string_equal(text_of(c), "1.200");
	assert_str(c->as.cell.value, "1200");
}

static void test_table_across_page_break(void **state)
{
	(void)state;
	P("TT\tChỉ tiêu\tKế hoạch\tThực hiện\n"
	  "1\tThu ngân sách³\t1.200\t1.350\n"
	  "2\tChi ngân sách\t1.000\t980\n"
	  "\n"
	  "³ Không kể thu tiền sử dụng đất.\n"
	  "\n"
	  "TT\tChỉ tiêu\tKế hoạch\tThực hiện\n"
	  "3\tVốn đầu tư\t500\t450\n");
	assert_string_equal(outline(doc->body), "table");
	bc_node *t = nth_type(doc->body, BC_NODE_TABLE, 0);
	assert_int_equal(t->as.table.repeats_removed, 1);
	bc_node *tb = nth_type(t, BC_NODE_TBODY, 0);
	assert_int_equal(count_type(tb, BC_NODE_ROW), 4);
	bc_node *rep = nth_type(tb, BC_NODE_ROW, 2);
	assert_int_equal(rep->as.row.kind, BC_ROW_HEAD);
	assert_int_equal(rep->as.row.repeat, BC_REPEAT_SAME);
	assert_string_equal(text_of(nth_type(nth_type(tb, BC_NODE_ROW, 3), BC_NODE_CELL, 1)), "Vốn đầu tư");
	assert_string_equal(outline(doc->notes), "note#3(p\"Không kể thu tiền sử dụng đất.\")");
	assert_ptr_equal(nth_type(t, BC_NODE_NOTEREF, 0)->as.noteref.note, doc->notes->first);
}

/* ------------------------------------------------------------ decisions and resolutions (§6.5) */

#define QD_TOP \
	"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 15/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
	"Độc lập - Tự do - Hạnh phúc\n\nAn Thắng, ngày 12 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\n"

/* The article sections of a node's children, as kind:label. */
static const char *section_kinds(const bc_node *root)
{
	bc_buf_clear(&outl);
	bc_iter it;
	bc_iter_init(&it, (bc_node *)root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		const bc_node *n = it.cur;
		if (ev != BC_EV_ENTER || !bc_node_is_section(n))
			continue;
		if (outl.len)
			bc_buf_puts(&outl, " ");
		/* the node's own type says what it is; a plain section is "other" */
		const char *k = n->type == BC_NODE_SECTION ? "other" : bc_node_type_name(n->type);
		bc_buf_printf(&outl, "%s:%.*s", k, (int)n->as.section.label.len, n->as.section.label.s);
		if (n->as.section.run_in)
			bc_buf_puts(&outl, "+");
	}
	return bc_buf_cstr(&outl);
}

/* The authority under the title (even without a blank line), the basis
 * lines, the enacting line, then articles. */
static void test_decision_preamble(void **state)
{
	(void)state;
	P(QD_TOP "Về việc thành lập Ban Chỉ đạo\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n\n"
	         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
	         "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ\n"
	         "về công tác văn thư;\n"
	         "Xét Tờ trình số 12/TTr-VHXH ngày 01 tháng 3 năm 2026;\n"
	         "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.\n\n"
	         "**QUYẾT ĐỊNH:**\n\n"
	         "Điều 1. Thành lập Ban Chỉ đạo.\n");
	assert_string_equal(meta_roles(), "issuer issuer number motto slogan dateline type title");
	assert_string_equal(outline(doc->body),
	                    "line:competence\"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\" "
	                    "line:basis\"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\" "
	                    "line:basis\"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;\" "
	                    "line:basis\"Xét Tờ trình số 12/TTr-VHXH ngày 01 tháng 3 năm 2026;\" "
	                    "line:basis\"Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.\" "
	                    "line:enacting\"QUYẾT ĐỊNH:\" "
	                    "article[1](heading p\"Thành lập Ban Chỉ đạo.\")");
	assert_non_null(doc->idx.enacting);
	assert_int_equal(doc->idx.enacting->pos.line, 22);
	assert_int_equal(count_role(doc->body, BC_ROLE_BASIS), 4);
	assert_int_equal(D.n, 0);
}

/* A resolution: two authority lines, QUYẾT NGHỊ:, basis lines in blocks of their own. */
static void test_resolution_preamble(void **state)
{
	(void)state;
	P("HỘI ĐỒNG NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 05/NQ-HĐND\n\nNGHỊ QUYẾT\n\nVề dự toán ngân sách xã năm 2027\n\n"
	  "HỘI ĐỒNG NHÂN DÂN XÃ AN THẮNG\n\nKHÓA II, KỲ HỌP THỨ 5\n\n"
	  "Căn cứ Luật Ngân sách nhà nước;\n\nSau khi xem xét Tờ trình của Ủy ban nhân dân xã.\n\n"
	  "QUYẾT NGHỊ:\n\nĐiều 1. Thông qua dự toán.\n\nĐiều 2. Tổ chức thực hiện\n\nGiao Ủy ban nhân dân xã tổ chức thực hiện.\n");
	assert_string_equal(outline(doc->body),
	                    "line:competence\"HỘI ĐỒNG NHÂN DÂN XÃ AN THẮNG\" line:competence\"KHÓA II, KỲ HỌP THỨ 5\" "
	                    "line:basis\"Căn cứ Luật Ngân sách nhà nước;\" "
	                    "line:basis\"Sau khi xem xét Tờ trình của Ủy ban nhân dân xã.\" line:enacting\"QUYẾT NGHỊ:\" "
	                    "article[1](heading p\"Thông qua dự toán.\") "
	                    "article[2](heading\"Tổ chức thực hiện\" p\"Giao Ủy ban nhân dân xã tổ chức thực hiện.\")");
	assert_string_equal(section_kinds(doc->body), "article:1+ article:2");
}

/* Articles with a title, with text running on, lenient label forms, bold labels. */
static void test_decision_articles(void **state)
{
	(void)state;
	P(QD_TOP "Về việc ban hành Quy chế\n\nQUYẾT ĐỊNH:\n\n"
	         "Điều 1. Phạm vi điều chỉnh\n\nQuyết định này quy định.\n\n"
	         "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
	         "Điều 3: Giao Văn phòng thực hiện.\n\n"
	         "Điều 4 . Trách nhiệm thi hành\n\n"
	         "**Điều 5.** Các cơ quan chịu trách nhiệm thi hành Quyết định này./.\n\n"
	         "**Điều 6. Hiệu lực**\n\n"
	         "Điều 7.\n\nBãi bỏ Quyết định số 01/QĐ-UBND.\n");
	assert_string_equal(section_kinds(doc->body), "article:1 article:2+ article:3+ article:4 article:5+ article:6 article:7");
	assert_string_equal(outline(doc->body),
	                    "line:enacting\"QUYẾT ĐỊNH:\" "
	                    "article[1](heading\"Phạm vi điều chỉnh\" p\"Quyết định này quy định.\") "
	                    "article[2](heading p\"Quyết định này có hiệu lực kể từ ngày ký.\") "
	                    "article[3](heading p\"Giao Văn phòng thực hiện.\") "
	                    "article[4](heading\"Trách nhiệm thi hành\") "
	                    "article[5](heading p\"Các cơ quan chịu trách nhiệm thi hành Quyết định này./.\") "
	                    "article[6](heading\"Hiệu lực\") "
	                    "article[7](heading p\"Bãi bỏ Quyết định số 01/QĐ-UBND.\")");
	bc_node *a1 = nth_type(doc->body, BC_NODE_ARTICLE, 0);
	assert_int_equal(a1->as.section.kind, BC_LABEL_ARTICLE);
	assert_int_equal(a1->as.section.level, 1);
	assert_int_equal(a1->pos.line, 17);
	/* the heading starts after the label */
	assert_int_equal(a1->first->first->pos.col, 9);
	assert_int_equal(D.n, 0);
}

/* Clauses in an article, points in a clause or straight in an article, paragraphs and lists among them. */
static void test_decision_clauses_points(void **state)
{
	(void)state;
	P(QD_TOP "Về việc thành lập Ban Chỉ đạo\n\nQUYẾT ĐỊNH:\n\n"
	         "Điều 1. Nhiệm vụ của Ban Chỉ đạo\n"
	         "1. Chỉ đạo, điều phối:\n"
	         "a) Xây dựng kế hoạch;\n"
	         "b) Kiểm tra, đôn đốc:\n"
	         "- các cơ quan;\n"
	         "- các thôn.\n"
	         "2. Báo cáo định kỳ.\n"
	         "Điều 2. Quyền hạn\n"
	         "a) Yêu cầu báo cáo;\n"
	         "b) Kiểm tra.\n"
	         "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n");
	assert_string_equal(section_kinds(doc->body),
	                    "article:1 clause:1 point:a point:b clause:2 article:2 point:a point:b article:3+");
	assert_string_equal(outline(doc->body),
	                    "line:enacting\"QUYẾT ĐỊNH:\" "
	                    "article[1](heading\"Nhiệm vụ của Ban Chỉ đạo\" "
	                    "clause[1](p[1]\"Chỉ đạo, điều phối:\" point[a](p[a]\"Xây dựng kế hoạch;\") "
	                    "point[b](p[b]\"Kiểm tra, đôn đốc:\" list(-)(item\"các cơ quan;\" item\"các thôn.\"))) "
	                    "clause[2](p[2]\"Báo cáo định kỳ.\")) "
	                    "article[2](heading\"Quyền hạn\" point[a](p[a]\"Yêu cầu báo cáo;\") point[b](p[b]\"Kiểm tra.\")) "
	                    "article[3](heading p\"Quyết định này có hiệu lực kể từ ngày ký./.\")");
}

/* "Điều" that starts no article: in a report; without "N." ; a line wrapped in mid-sentence; before the enacting line. */
static void test_dieu_in_sentence(void **state)
{
	(void)state;
	/* a report: "Điều 1." at the start of a line is text */
	char rep[2048];
	snprintf(rep, sizeof rep, "%s%s", HEADER_512,
	         "Theo quy định tại\nĐiều 1. Luật Tổ chức chính quyền địa phương, xã đã kiện toàn bộ máy.\n\n"
	         "Điều 2. Nghị định số 30/2020/NĐ-CP được thực hiện nghiêm.\n");
	P(rep);
	assert_int_equal(count_type(doc->body, BC_NODE_SECTION), 1);
	assert_string_equal(section_kinds(doc->body), "other:I");
	assert_null(doc->idx.enacting);

	/* a decision */
	P(QD_TOP "Về việc giao nhiệm vụ\n\n"
	         "Căn cứ Điều 1 của Luật Tổ chức chính quyền địa phương;\n"
	         "Điều 1. Luật này quy định: a line of the preamble is a basis, not an article.\n\n"
	         "QUYẾT ĐỊNH:\n\n"
	         "Điều 1. Giao nhiệm vụ\n\n"
	         "Các cơ quan thực hiện nhiệm vụ được giao theo quy định của pháp luật tại\n"
	         "Điều 5 của Luật Tổ chức chính quyền địa phương và các văn bản hướng dẫn.\n\n"
	         "Ủy ban nhân dân xã thực hiện nhiệm vụ theo đúng quy định tại khoản 2,\n"
	         "Điều 5. Luật Tổ chức chính quyền địa phương năm 2025 và các văn bản khác.\n\n"
	         "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n");
	assert_string_equal(section_kinds(doc->body), "article:1 article:2+");
	assert_int_equal(count_role(doc->body, BC_ROLE_BASIS), 2);
	bc_node *a1 = nth_type(doc->body, BC_NODE_ARTICLE, 0);
	assert_string_equal(outline(a1),
	                    "heading\"Giao nhiệm vụ\" "
	                    "p\"Các cơ quan thực hiện nhiệm vụ được giao theo quy định của pháp luật tại Điều 5 của Luật Tổ chức "
	                    "chính quyền địa phương và các văn bản hướng dẫn.\" "
	                    "p\"Ủy ban nhân dân xã thực hiện nhiệm vụ theo đúng quy định tại khoản 2, Điều 5. Luật Tổ chức "
	                    "chính quyền địa phương năm 2025 và các văn bản khác.\"");
}

/* A decision without enacting line still has its basis and articles; articles in an appendix. */
static void test_decision_lenient(void **state)
{
	(void)state;
	P(QD_TOP "Về việc ban hành Quy chế\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n\n"
	         "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
	         "Theo đề nghị của Chánh Văn phòng.\n\n"
	         "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\n"
	         "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
	         "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Hùng\n\n"
	         "PHỤ LỤC\nQUY CHẾ LÀM VIỆC\n\n"
	         "Điều 1. Phạm vi\n\nQuy chế này quy định.\n\nĐiều 2. Đối tượng\n\n1. Cán bộ.\n\n2. Công chức.\n");
	assert_null(doc->idx.enacting);
	assert_string_equal(outline(doc->body),
	                    "line:competence\"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\" "
	                    "line:basis\"Căn cứ Luật Tổ chức chính quyền địa phương;\" "
	                    "line:basis\"Theo đề nghị của Chánh Văn phòng.\" "
	                    "article[1](heading p\"Ban hành kèm theo Quyết định này Quy chế làm việc.\") "
	                    "article[2](heading p\"Quyết định này có hiệu lực kể từ ngày ký./.\")");
	bc_node *ap = appendix_n(0);
	assert_non_null(ap);
	assert_string_equal(section_kinds(ap), "article:1 article:2 clause:1 clause:2");
}

/* A clause or point with no article open (a heading closed it; "Điều" read as an appendix title): a numbered paragraph. */
static void test_decision_clause_outside_article(void **state)
{
	(void)state;
	P(QD_TOP "Về việc giao nhiệm vụ\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Giao nhiệm vụ\n\nI. CHƯƠNG MỘT\n\n1. Khoản một;\n\n"
	         "PHỤ LỤC\nĐiều 7. Tên phụ lục\n\na) Điểm a;\n");
	assert_string_equal(outline(doc->body),
	                    "line:enacting\"QUYẾT ĐỊNH:\" article[1](heading\"Giao nhiệm vụ\") "
	                    "section[I](heading\"CHƯƠNG MỘT\" p[1]\"Khoản một;\")");
	assert_string_equal(outline(appendix_n(0)),
	                    "line:label\"PHỤ LỤC\" line:title\"Điều 7. Tên phụ lục\" p[a]\"Điểm a;\"");
}

/* A decision signed by the head himself: "CHỦ TỊCH" and the name, after Nơi nhận or after ./. */
static void test_decision_signature(void **state)
{
	(void)state;
	static const char *const tails[] = {
		"Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nCHỦ TỊCH\n\n\nTrần Văn Bình\n",
		"CHỦ TỊCH\n\n\nTrần Văn Bình\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n",
	};
	for (int t = 0; t < 2; t++) {
		char src[1024];
		snprintf(src, sizeof src, "%s%s%s", QD_TOP "Về việc giao nhiệm vụ\n\nQUYẾT ĐỊNH:\n\n",
		         "Điều 1. Quyết định này có hiệu lực kể từ ngày ký./.\n\n", tails[t]);
		P(src);
		assert_non_null(doc->idx.position);
		assert_non_null(doc->idx.signer);
		assert_int_equal(count_type(doc->closing, BC_NODE_SIGNATURE), 1);
		assert_int_equal(count_type(doc->closing, BC_NODE_RECIPIENTS), 1);
		assert_int_equal(count_type(doc->closing, BC_NODE_PARAGRAPH), 0);
		bc_buf b = BC_BUF_INIT;
		bc_node_plain_text(doc->idx.signer, &b);
		assert_string_equal(bc_buf_cstr(&b), "Trần Văn Bình");
		bc_buf_free(&b);
	}
}

/* ------------------------------------------------------------ closing (§10.1–10.3) */

static void test_closing(void **state)
{
	(void)state;
	P("Ủy ban nhân dân xã báo cáo./.\n"
	  "\n"
	  "Nơi nhận:\n"
	  "- UBND thành phố (để báo cáo);\n"
	  "- Lưu: VT.\n"
	  "\n"
	  "TM. ỦY BAN NHÂN DÂN\n"
	  "KT. CHỦ TỊCH\n"
	  "PHÓ CHỦ TỊCH\n"
	  "\n"
	  "\n"
	  "\n"
	  "Phạm Văn Thành\n");
	assert_string_equal(outline(doc->body), "p\"Ủy ban nhân dân xã báo cáo./.\"");
	assert_non_null(doc->closing);
	bc_node *rc = nth_type(doc->closing, BC_NODE_RECIPIENTS, 0);
	assert_non_null(rc);
	assert_ptr_equal(doc->idx.recipients, rc);
	assert_int_equal(rc->first->type, BC_NODE_LINE);
	assert_int_equal(rc->first->as.line->role, BC_ROLE_RECIPIENTS_LABEL);
	assert_int_equal(count_type(rc, BC_NODE_ITEM), 2);
	assert_non_null(strstr(text_of(nth_type(rc, BC_NODE_ITEM, 0)), "UBND thành phố (để báo cáo);"));
	assert_non_null(strstr(text_of(nth_type(rc, BC_NODE_ITEM, 1)), "Lưu: VT."));
	bc_node *sig = nth_type(doc->closing, BC_NODE_SIGNATURE, 0);
	assert_non_null(sig);
	assert_string_equal(outline(sig),
		"line:authority\"TM. ỦY BAN NHÂN DÂN\" line:authority\"KT. CHỦ TỊCH\" line:position\"PHÓ CHỦ TỊCH\" "
		"line:name\"Phạm Văn Thành\"");
	assert_ptr_equal(doc->idx.signer, nth_role(sig, BC_ROLE_SIGNER, 0));
	assert_ptr_equal(doc->idx.position, nth_role(sig, BC_ROLE_POSITION, 0));
	assert_ptr_equal(doc->idx.authority_first, nth_role(sig, BC_ROLE_AUTHORITY, 0));
}

static void test_unsigned_draft(void **state)
{
	(void)state;
	P("Ủy ban nhân dân xã báo cáo kết quả thực hiện nhiệm vụ năm 2026./.\n"
	  "\n"
	  "ỦY BAN NHÂN DÂN XÃ AN THẮNG\n");
	assert_string_equal(outline(doc->body), "p\"Ủy ban nhân dân xã báo cáo kết quả thực hiện nhiệm vụ năm 2026./.\"");
	assert_non_null(doc->closing);
	bc_node *a = nth_role(doc->closing, BC_ROLE_AUTHORITY, 0);
	assert_non_null(a);
	assert_string_equal(text_of(a), "ỦY BAN NHÂN DÂN XÃ AN THẮNG");
	assert_int_equal(a->parent->type, BC_NODE_SIGNATURE);
}

static void test_end_mark_alone(void **state)
{
	(void)state;
	/* §10.3: a line that holds only "./." is appended to the preceding paragraph */
	P("Ủy ban nhân dân xã báo cáo.\n"
	  "./.\n");
	assert_int_equal(count_type(doc->body, BC_NODE_PARAGRAPH), 1);
	assert_non_null(strstr(text_of(nth_type(doc->body, BC_NODE_PARAGRAPH, 0)), "./."));
}

/* ------------------------------------------------------------ appendices (§10.4) */

static void test_appendices(void **state)
{
	(void)state;
	P("Ủy ban nhân dân xã báo cáo./.\n"
	  "\n"
	  "PHỤ LỤC I\n"
	  "\n"
	  "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
	  "KINH TẾ - XÃ HỘI NĂM 2026\n"
	  "(Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân xã)\n"
	  "\n"
	  "TT\tChỉ tiêu\tKết quả\n"
	  "1\tThu ngân sách\t1.350\n"
	  "\n"
	  "Phụ lục II\n"
	  "DANH MỤC DỰ ÁN\n"
	  "\n"
	  "1. Dự án giao thông\n"
	  "\n"
	  "**PHỤ LỤC**\n"
	  "\n"
	  "Nội dung phụ lục không số.\n");
	assert_string_equal(outline(doc->body), "p\"Ủy ban nhân dân xã báo cáo./.\"");
	bc_node *a1 = appendix_n(0), *a2 = appendix_n(1), *a3 = appendix_n(2);
	assert_non_null(a1);
	assert_non_null(a2);
	assert_non_null(a3);
	assert_null(appendix_n(3));
	assert_str(a1->as.appendix.label, "I");
	assert_str(a2->as.appendix.label, "II");
	assert_str(a3->as.appendix.label, "");
	assert_string_equal(outline(a1),
		"line:label\"PHỤ LỤC I\" line:title\"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\" line:title\"KINH TẾ - XÃ HỘI NĂM 2026\" "
		"line:attached\"(Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân xã)\" table");
	assert_str(a1->first->as.line->label, "I");
	bc_node *at = nth_role(a1, BC_ROLE_APPX_ATTACH, 0);
	assert_str(at->as.line->number, "63");
	assert_str(at->as.line->symbol, "BC-UBND");
	assert_int_equal(at->as.line->date.day, 5);
	assert_int_equal(at->as.line->date.month, 3);
	assert_int_equal(at->as.line->date.year, 2026);
	assert_int_equal(at->as.line->doctype, BC_DOC_BAO_CAO);
	assert_string_equal(outline(a2),
		"line:label\"Phụ lục II\" line:title\"DANH MỤC DỰ ÁN\" section[1](heading\"Dự án giao thông\")");
	assert_string_equal(outline(a3), "line:label\"PHỤ LỤC\" p\"Nội dung phụ lục không số.\"");
	/* the paragraph that mentions an appendix is not one */
	P("(Chi tiết theo Phụ lục I gửi kèm theo).\n");
	assert_null(appendix_n(0));
	assert_int_equal(count_type(doc->body, BC_NODE_PARAGRAPH), 1);
}

/* ------------------------------------------------------------ the explicit form (§11) */

static const char *const EXPLICIT =
	"---\n"
	"# siêu dữ liệu của văn bản\n"
	"issuer: ỦY BAN NHÂN DÂN\n"
	"issuer: XÃ AN THẮNG\n"
	"number: 25\n"
	"symbol: KH-UBND\n"
	"place: An Thắng\n"
	"date: 10/3/2026\n"
	"type: KẾ HOẠCH\n"
	"title: Triển khai chuyển đổi số trên địa bàn xã An Thắng năm 2026\n"
	"summary: triển khai chuyển đổi số\n"
	"draft: yes\n"
	"urgency: KHẨN\n"
	"addressee: Ủy ban nhân dân thành phố\n"
	"addressee: Sở Khoa học và Công nghệ\n"
	"   # một chú thích thụt lề\n"
	"authority: TM. ỦY BAN NHÂN DÂN\n"
	"authority: KT. CHỦ TỊCH\n"
	"position: PHÓ CHỦ TỊCH\n"
	"signer: Phạm Văn Thành\n"
	"---\n"
	"\n"
	"Căn cứ Kế hoạch số 08/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân thành\n"
	"phố[^1], Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n"
	"\n"
	"[^1]: Kế hoạch chuyển đổi số thành phố Hải Phòng năm 2026.\n"
	"\n"
	"I. MỤC ĐÍCH, YÊU CẦU\n"
	"\n"
	"Nâng cao chất lượng phục vụ người dân.\n"
	"\n"
	"Nơi nhận:\n"
	"- UBND thành phố (để báo cáo);\n"
	"- Lưu: VT.\n";

static void test_explicit_form(void **state)
{
	(void)state;
	P(EXPLICIT);
	assert_true(doc->explicit_form);
	assert_int_equal(D.count[BC_LEVEL_ERROR], 0);
	bc_node *m = doc->meta;
	assert_int_equal(count_role(m, BC_ROLE_ISSUER), 2);
	assert_string_equal(text_of(nth_role(m, BC_ROLE_ISSUER, 0)), "ỦY BAN NHÂN DÂN");
	assert_string_equal(text_of(nth_role(m, BC_ROLE_ISSUER, 1)), "XÃ AN THẮNG");
	assert_str(doc->idx.number->as.line->number, "25");
	assert_str(doc->idx.number->as.line->symbol, "KH-UBND");
	assert_str(doc->idx.dateline->as.line->place, "An Thắng");
	assert_int_equal(doc->idx.dateline->as.line->date.day, 10);
	assert_int_equal(doc->idx.dateline->as.line->date.month, 3);
	assert_int_equal(doc->idx.dateline->as.line->date.year, 2026);
	assert_int_equal(doc->idx.doctype->as.line->doctype, BC_DOC_KE_HOACH);
	assert_string_equal(text_of(doc->idx.title), "Triển khai chuyển đổi số trên địa bàn xã An Thắng năm 2026");
	assert_non_null(doc->idx.summary);
	assert_non_null(strstr(text_of(doc->idx.summary), "triển khai chuyển đổi số"));
	assert_non_null(doc->idx.draft);
	assert_non_null(doc->idx.urgency);
	assert_string_equal(text_of(doc->idx.urgency), "KHẨN");
	assert_int_equal(count_role(m, BC_ROLE_ADDRESSEE), 2);
	assert_non_null(strstr(text_of(nth_role(m, BC_ROLE_ADDRESSEE, 1)), "Sở Khoa học và Công nghệ"));
	/* the comment lines left no trace */
	assert_null(strstr(outline(m), "chú thích"));
	/* the signature from the block is in the closing, with the recipients of the body */
	assert_non_null(doc->closing);
	bc_node *sig = nth_type(doc->closing, BC_NODE_SIGNATURE, 0);
	assert_non_null(sig);
	assert_string_equal(outline(sig),
		"line:authority\"TM. ỦY BAN NHÂN DÂN\" line:authority\"KT. CHỦ TỊCH\" line:position\"PHÓ CHỦ TỊCH\" "
		"line:name\"Phạm Văn Thành\"");
	assert_ptr_equal(doc->idx.signer, nth_role(sig, BC_ROLE_SIGNER, 0));
	assert_non_null(nth_type(doc->closing, BC_NODE_RECIPIENTS, 0));
	assert_int_equal(count_type(nth_type(doc->closing, BC_NODE_RECIPIENTS, 0), BC_NODE_ITEM), 2);
	/* body: the [^1] reference and its definition */
	assert_string_equal(outline(doc->body),
		"p\"Căn cứ Kế hoạch số 08/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân thành phố, Ủy ban nhân dân xã "
		"ban hành Kế hoạch như sau:\" section[I](heading\"MỤC ĐÍCH, YÊU CẦU\" p\"Nâng cao chất lượng phục vụ người dân.\")");
	assert_string_equal(outline(doc->notes), "note#1(p\"Kế hoạch chuyển đổi số thành phố Hải Phòng năm 2026.\")");
	assert_str(doc->notes->first->as.note.mark, "[^1]");
	bc_node *r = nth_type(doc->body, BC_NODE_NOTEREF, 0);
	assert_int_equal(r->as.noteref.id, 1);
	assert_ptr_equal(r->as.noteref.note, doc->notes->first);
	assert_int_equal(count_diag(BC_W_NOTE_MISPLACED), 0);
}

static void test_explicit_errors(void **state)
{
	(void)state;
	P("---\n"
	  "issuer: ỦY BAN NHÂN DÂN\n"
	  "nguoi_ky: Phạm Văn Thành\n"
	  "date: ../03/2026\n"
	  "---\n"
	  "\n"
	  "Nội dung.\n");
	assert_int_equal(count_diag(BC_E_META_KEY), 1);
	assert_int_equal(first_diag(BC_E_META_KEY)->pos.line, 3);
	assert_int_equal(count_diag(BC_E_META_UNCLOSED), 0);
	/* the bad line is ignored, the run goes on */
	assert_int_equal(count_role(doc->meta, BC_ROLE_ISSUER), 1);
	assert_non_null(doc->idx.dateline);
	assert_int_equal(doc->idx.dateline->as.line->date.day, 0);
	assert_int_equal(doc->idx.dateline->as.line->date.month, 3);
	assert_int_equal(doc->idx.dateline->as.line->date.year, 2026);
	assert_string_equal(outline(doc->body), "p\"Nội dung.\"");

	P("---\n"
	  "issuer: ỦY BAN NHÂN DÂN\n"
	  "\n"
	  "Nội dung.\n");
	assert_int_equal(count_diag(BC_E_META_UNCLOSED), 1);
}

static void test_explicit_unclosed_reads_no_metadata(void **state)
{
	(void)state;
	/* §11.1: "If the end of the input comes before the closing fence, the run reports
	 * meta-unclosed and reads nothing as metadata."
	  */
	P("---\n"
	  "issuer: ỦY BAN NHÂN DÂN\n"
	  "type: BÁO CÁO\n");
	assert_int_equal(count_diag(BC_E_META_UNCLOSED), 1);
	assert_int_equal(count_role(doc->meta, BC_ROLE_ISSUER), 0);
	assert_null(doc->idx.doctype);
}

static void test_explicit_no_header_recognition(void **state)
{
	(void)state;
	/* §11.1: "In the explicit form the header recognition of §5 is off: the body starts on the
	 * line after the closing fence, and a BÁO CÁO line there is a paragraph."
	  */
	P("---\n"
	  "type: KẾ HOẠCH\n"
	  "---\n"
	  "\n"
	  "BÁO CÁO\n"
	  "\n"
	  "Nội dung.\n");
	assert_int_equal(count_role(doc->meta, BC_ROLE_DOCTYPE), 1);
	assert_string_equal(outline(doc->body), "p\"BÁO CÁO\" p\"Nội dung.\"");
}

/* ------------------------------------------------------------ robustness */

static void test_empty_and_blank(void **state)
{
	(void)state;
	P("");
	assert_non_null(doc->body);
	assert_string_equal(outline(doc->body), "");
	assert_int_equal(D.count[BC_LEVEL_ERROR] + D.count[BC_LEVEL_FATAL], 0);
	P("\n\n   \n\n\n");
	assert_string_equal(outline(doc->body), "");
	assert_null(doc->notes);
	P("Một dòng");
	assert_string_equal(outline(doc->body), "p\"Một dòng\"");
}

static void test_tab_only_line_is_blank(void **state)
{
	(void)state;
	/* §3.1: "A blank line holds only spaces and tabs."; §9.1: a line whose only TABs are leading
	 * is not a table row.
	  */
	P("\n\n   \n\t\n\n");
	assert_string_equal(outline(doc->body), "");
	P("Đoạn một.\n \t \nĐoạn hai.\n");
	assert_string_equal(outline(doc->body), "p\"Đoạn một.\" p\"Đoạn hai.\"");
}

static int section_depth(bc_node *root)
{
	int depth = 0, max = 0;
	bc_iter it;
	bc_iter_init(&it, root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		if (it.cur->type != BC_NODE_SECTION)
			continue;
		if (ev == BC_EV_ENTER && ++depth > max)
			max = depth;
		if (ev == BC_EV_EXIT)
			depth--;
	}
	return max;
}

static void test_many_labels(void **state)
{
	(void)state;
	static const char *const labels[] = { "I.", "1.", "1.1.", "1.1.1.", "a)", "(1)", "*)" };
	bc_buf src = BC_BUF_INIT;
	for (int i = 0; i < 10000; i++)
		bc_buf_printf(&src, "%s Nội dung %d\n", labels[i % 7], i);
	clock_t t0 = clock();
	P(bc_buf_cstr(&src));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_true(secs < 5.0);
	assert_int_equal(count_type(doc->body, BC_NODE_SECTION) + count_type(doc->body, BC_NODE_PARAGRAPH), 10000);
	assert_true(section_depth(doc->body) <= 7);
	/* minor labels only, in alternating order: still bounded */
	bc_buf_clear(&src);
	for (int i = 0; i < 10000; i++)
		bc_buf_printf(&src, "%s Mục %d\n", labels[4 + i % 3], i);
	t0 = clock();
	P(bc_buf_cstr(&src));
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	assert_true(section_depth(doc->body) <= 7);
	bc_document_free(doc);
	doc = NULL;
	bc_buf_free(&src);
}

/* All TEXT literals and labels of the tree, and the marks of notes. */
static void collect(bc_node *root, bc_buf *b)
{
	bc_iter it;
	bc_iter_init(&it, root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		bc_node *n = it.cur;
		if (ev != BC_EV_ENTER)
			continue;
		bc_str s = { NULL, 0 };
		switch (n->type) {
		case BC_NODE_TEXT: s = n->as.text.literal; break;
		case BC_NODE_SECTION: s = n->as.section.label; break;
		case BC_NODE_PARAGRAPH: s = n->as.para.label; break;
		case BC_NODE_ITEM: s = n->as.item.label; break;
		case BC_NODE_APPENDIX: s = n->as.appendix.label; break;
		case BC_NODE_NOTE: s = n->as.note.mark; break;
		default: break;
		}
		if (s.s && s.len) {
			bc_buf_put(b, s.s, s.len);
			bc_buf_putc(b, ' ');
		}
	}
}

/* 2 000 random texts from the format's tokens: no crash, and every letter of the input's
 * words is found in the tree.  fence: only the texts that begin with "---" (1) or only the
 * others (0). */
static void random_tokens(int fence)
{
	static const char *const tok[] = {
		"**", "<b>", "</b>", "¹", "\t", "|", "- ", "+ ", "I. ", "(1) ", "\n", "\n\n", "Số: ", "PHỤ LỤC",
		"abc", "xyz", "Hạnh", "ngày 05/3/2026", " ", "a) ", "*", "[^2]", "[^2]: ", "---", "./.", "ĐỀ ÁN",
	};
	const size_t ntok = sizeof tok / sizeof tok[0];
	uint32_t seed = 12345;
	bc_buf src = BC_BUF_INIT, got = BC_BUF_INIT;
	char failed[256] = "";
	for (int round = 0; round < 2000; round++) {
		bc_buf_clear(&src);
		seed = seed * 1103515245u + 12345u;
		int len = 1 + (int)((seed >> 16) % 60);
		size_t in_count[128] = { 0 }, out_count[128] = { 0 };
		for (int i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *t = tok[(seed >> 16) % ntok];
			bc_buf_puts(&src, t);
			/* the letters of tags are markup, not words */
			if (t[0] != '<')
				for (const char *c = t; *c; c++)
					if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
						in_count[(int)*c]++;
		}
		char *text = strdup(bc_buf_cstr(&src));
		if ((strncmp(text, "---", 3) == 0) != fence) {
			free(text);
			continue;
		}
		P(text);
		bc_buf_clear(&got);
		collect(doc->root, &got);
		const char *g = bc_buf_cstr(&got);
		/* every ASCII letter of the input's words is somewhere in the tree, as often */
		for (const char *c = g; *c; c++)
			if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
				out_count[(int)*c]++;
		for (int c = 0; c < 128 && !failed[0]; c++)
			if (out_count[c] < in_count[c]) {
				fprintf(stderr, "input: [%s]\ntree text: [%s]\n", text, g);
				snprintf(failed, sizeof failed, "round %d: letter '%c' %zu times in the input, %zu in the tree",
				         round, c, in_count[c], out_count[c]);
			}
		bc_document_free(doc);
		doc = NULL;
		free(text);
		if (failed[0])
			break;
	}
	bc_buf_free(&src);
	bc_buf_free(&got);
	if (failed[0])
		fail_msg("%s", failed);
}

static void test_random_tokens(void **state)
{
	(void)state;
	random_tokens(0);
}

static void test_random_tokens_fence(void **state)
{
	(void)state;
	random_tokens(1);
}

static void test_unclosed_meta_keeps_text(void **state)
{
	(void)state;
	/* §3.1/§11.1: an unclosed metadata block is reported and "nothing is read as metadata";
	 * the parser "never fails on odd input: no text is lost" (parse.h).
	  */
	P("---\nNội dung báo cáo.\n");
	assert_int_equal(count_diag(BC_E_META_UNCLOSED), 1);
	assert_non_null(strstr(outline(doc->body), "Nội dung báo cáo."));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_header_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_title_keeps_bold, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_rules_and_title_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_draft_and_urgency, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_real_spellings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_cong_van, setup, teardown),
		cmocka_unit_test_setup_teardown(test_addressee_items_keep_dash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sections_nest_by_label, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heading_decorated_and_star, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_headings_in_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbered_paragraph_keeps_label, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbered_paragraph_sibling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_line_never_heading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_siblings_settle_together, setup, teardown),
		cmocka_unit_test_setup_teardown(test_minor_labels_nest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heading_up_to_300, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hard_wrapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hard_break_linebreak, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lists_blank_lines_and_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_split_lower_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_split_around_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_split_comma_capital, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_page_split, setup, teardown),
		cmocka_unit_test_setup_teardown(test_notes_collected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_continues_over_plus_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_is_a_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_body_after_note_with_reference, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_continues_unmarked_paragraph, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_after_heading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_ended_by_heading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_with_unit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_across_page_break, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsigned_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(test_end_mark_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_appendices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_explicit_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_explicit_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_explicit_unclosed_reads_no_metadata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_explicit_no_header_recognition, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_blank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tab_only_line_is_blank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_tokens_fence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_meta_keeps_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_preamble, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolution_preamble, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_articles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_clauses_points, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dieu_in_sentence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_lenient, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_signature, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_clause_outside_article, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
