/* test_table.c — the table builder: splitting, headers and their repeats, spans, group rows, fragments, numbers. */
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
#include "../../compiler/model/report.h"
#include "../../compiler/parse/table.h"
#include "../../compiler/util/buf.h"
#include "../../compiler/util/xalloc.h"

/* ------------------------------------------------------------ harness */

typedef struct fixture {
	bc_document *doc;
	bc_diags diags;
	int inl_calls;
} fixture;

static fixture F;

static int setup(void **state)
{
	(void)state;
	F.doc = bc_document_new("test.txt");
	bc_diags_init(&F.diags);
	F.inl_calls = 0;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	bc_diags_free(&F.diags);
	bc_document_free(F.doc);
	return 0;
}

/* The unit tests' inline parser: one TEXT node with the cell's text. */
static void plain_inline(void *ctx, bc_node *parent, const char *s, size_t len, bc_pos pos)
{
	fixture *f = ctx;
	f->inl_calls++;
	bc_node_append(parent, bc_text_new(f->doc, pos, s, len));
}

static int is_rule_text(const char *s)
{
	int dash = 0;
	if (*s != '|')
		return 0;
	for (; *s; s++) {
		if (*s == '-')
			dash = 1;
		else if (*s != '|' && *s != ':' && *s != ' ')
			return 0;
	}
	return dash;
}

/* Builds a table from lines; a NULL entry marks a page break before the next line. */
static bc_node *build(const char *const *src, size_t n)
{
	bc_table_line *v = calloc(n ? n : 1, sizeof *v);
	size_t m = 0;
	int brk = 0;
	for (size_t i = 0; i < n; i++) {
		if (!src[i]) {
			brk = 1;
			continue;
		}
		const char *s = src[i];
		v[m].s = s;
		v[m].len = strlen(s);
		v[m].pos.line = (uint32_t)(i + 1);
		v[m].pos.col = 1;
		v[m].after_break = brk;
		v[m].is_pipe = s[0] == '|';
		v[m].is_rule = is_rule_text(s);
		brk = 0;
		m++;
	}
	bc_node *t = bc_table_build(F.doc, &F.diags, v, m, plain_inline, &F);
	free(v);
	return t;
}

#define BUILD(...) build((const char *const[]){ __VA_ARGS__ }, sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* A row's cells are in its array (bc_cell), seen as nodes through views:
 * eight at a time, enough for the assertions of one statement. */
static bc_cell_view views[8];
static int viewslot;

static size_t count_children(const bc_node *n)
{
	if (n && n->type == BC_NODE_ROW)
		return n->as.row.ncells;
	size_t k = 0;
	for (const bc_node *c = n ? n->first : NULL; c; c = c->next)
		k++;
	return k;
}

static bc_node *child(const bc_node *n, size_t k)
{
	if (n && n->type == BC_NODE_ROW)
		return k < n->as.row.ncells
		           ? (bc_node *)bc_cell_node(&n->as.row.cells[k], n, &views[viewslot++ & 7])
		           : NULL;
	bc_node *c = n ? n->first : NULL;
	while (c && k--)
		c = c->next;
	return c;
}

static bc_node *thead(const bc_node *t) { return child(t, 0); }
static bc_node *tbody(const bc_node *t) { return child(t, 1); }
static bc_node *hrow(const bc_node *t, size_t k) { return child(thead(t), k); }
static bc_node *brow(const bc_node *t, size_t k) { return child(tbody(t), k); }

static char textbuf[8][4096];
static int textslot;

/* Plain text of a node (a cell), or "<none>" when there is no such node. */
static const char *text(const bc_node *n)
{
	char *out = textbuf[textslot++ & 7];
	if (!n)
		return "<none>";
	bc_buf b = BC_BUF_INIT;
	bc_node_plain_text(n, &b);
	snprintf(out, 4096, "%s", bc_buf_cstr(&b));
	bc_buf_free(&b);
	return out;
}

static const char *cell_text(const bc_node *row, size_t c) { return text(child(row, c)); }

static size_t ndiag(bc_diag_code code)
{
	size_t k = 0;
	for (size_t i = 0; i < F.diags.n; i++)
		k += F.diags.v[i].code == code;
	return k;
}

static const bc_diag *find_diag(bc_diag_code code)
{
	for (size_t i = 0; i < F.diags.n; i++)
		if (F.diags.v[i].code == code)
			return &F.diags.v[i];
	return NULL;
}

static const char *value(const bc_node *cell) { return cell && cell->as.cell.value.s ? cell->as.cell.value.s : ""; }

/* ---------------------------------------------------------- splitting */

/* Rows of the table's body kept as repeated header rows: 1 exact, 2 worded differently. */
static int nrepeated(bc_node *t, int how)
{
	int n = 0;
	for (bc_node *b = t->first; b; b = b->next)
		if (b->type == BC_NODE_TBODY)
			for (bc_node *r = b->first; r; r = r->next)
				n += r->as.row.repeat == (bc_repeat)how;
	return n;
}

static void test_count_cells(void **state)
{
	(void)state;
	assert_int_equal(bc_table_count_cells("a\tb\t\tc", 6, 0), 4);
	assert_int_equal(bc_table_count_cells("\t\t\t\tphố", strlen("\t\t\t\tphố"), 0), 5);
	assert_int_equal(bc_table_count_cells("| STT | Chỉ tiêu | Đơn vị |", strlen("| STT | Chỉ tiêu | Đơn vị |"), 1), 3);
	assert_int_equal(bc_table_count_cells("| | | | |", 9, 1), 4);
	assert_int_equal(bc_table_count_cells("a | b", 5, 1), 2);
	/* an escaped pipe is text */
	assert_int_equal(bc_table_count_cells("| a \\| b | c |", strlen("| a \\| b | c |"), 1), 2);
	assert_int_equal(bc_table_count_cells("", 0, 0), 1);
}

static void test_cells_trimmed_and_positioned(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\t Đơn vị tính \tGhi chú", "1\tTỷ đồng\t ");
	bc_node *h = hrow(t, 0);
	assert_int_equal(count_children(h), 3);
	assert_string_equal(cell_text(h, 1), "Đơn vị tính");
	/* columns count characters, not bytes: "TT" tab space -> column 5 */
	assert_int_equal(child(h, 1)->pos.col, 5);
	assert_int_equal(child(h, 2)->pos.col, 5 + 13);
	assert_int_equal(child(h, 2)->as.cell.col, 2);
	bc_node *r = brow(t, 0);
	assert_int_equal(count_children(r), 3);
	assert_string_equal(cell_text(r, 1), "Tỷ đồng");
	assert_int_equal(child(r, 1)->pos.col, 3);
	assert_string_equal(cell_text(r, 2), "");
	assert_null(child(r, 2)->first);    /* an empty cell gets no inline content */
	assert_int_equal(child(r, 2)->as.cell.col, 2);

	/* pipe cells: outer pipes stripped, spaces trimmed, escaped pipes kept as text */
	t = BUILD("| A | B |", "|---|---|", "| x \\| y | ze |");
	r = brow(t, 0);
	assert_string_equal(cell_text(r, 0), "x | y");
	assert_string_equal(cell_text(r, 1), "ze");
	assert_int_equal(child(r, 0)->pos.col, 3);
	assert_int_equal(child(r, 1)->pos.col, 12);
}

/* ------------------------------------------------------------ numbers */

static void check_number(const char *in, const char *want)
{
	char out[128];
	int ok = bc_number_value(in, strlen(in), out, sizeof out);
	if (want) {
		if (!ok)
			fail_msg("\"%s\" should be a number", in);
		assert_string_equal(out, want);
	} else if (ok) {
		fail_msg("\"%s\" should not be a number, got %s", in, out);
	}
}

static void test_number_value(void **state)
{
	(void)state;
	check_number("7.944,5", "7944.5");
	check_number("12,50", "12.50");
	check_number("118.079,279", "118079.279");
	check_number("9.486", "9486");
	check_number("1.200", "1200");
	check_number("0,795", "0.795");
	check_number("-6,25", "-6.25");
	check_number("\xE2\x88\x92" "4,7", "-4.7");
	check_number("100", "100");
	check_number("47.122.000", "47122000");
	check_number(" 75,1 ", "75.1");
	check_number("> 10", NULL);
	check_number("15,5 - 16", NULL);
	check_number("45-46", NULL);
	check_number("15/15", NULL);
	check_number("≥32", NULL);
	check_number("-", NULL);
	check_number("Đạt", NULL);
	check_number("2,9 tỷ", NULL);
	check_number("7,056.0", NULL);
	check_number("12.50", NULL);    /* a dot never marks decimals here */
	check_number("1234.567", NULL);
	check_number("1.2345", NULL);
	check_number("12,", NULL);
	check_number(",5", NULL);
	check_number("", NULL);
	/* too small an output buffer is refused, not overrun */
	char tiny[3];
	assert_false(bc_number_value("12345", 5, tiny, sizeof tiny));
}

static void test_numeric_cells(void **state)
{
	(void)state;
	bc_node *t = BUILD("STT\tChỉ tiêu\tĐơn vị\tNăm 2025\tGhi chú",
	                   "1\tGRDP\tUSD\t7.944,5\t-",
	                   "2\tDoanh nghiệp\tNghìn DN\t60,195 ²⁹\t2,9 tỷ",
	                   "3\t<i>Thu nội địa</i>\t<i>Tỷ đồng</i>\t<i>103.166</i>\t<b>12,5</b><sup>3</sup>",
	                   "4\tXuất khẩu\t%\t7,056.0\t> 10");
	assert_int_equal(t->as.table.cols, 5);
	bc_node *r = brow(t, 0);
	assert_string_equal(value(child(r, 3)), "7944.5");
	assert_int_equal(child(r, 3)->as.cell.align, BC_ALIGN_RIGHT);
	assert_string_equal(value(child(r, 0)), "1");
	assert_string_equal(value(child(r, 4)), "");
	assert_int_equal(child(r, 1)->as.cell.align, BC_ALIGN_NONE);
	r = brow(t, 1);
	assert_string_equal(value(child(r, 3)), "60.195");   /* footnote mark ignored */
	assert_string_equal(cell_text(r, 3), "60,195 ²⁹"); /* but kept in the text */
	assert_string_equal(value(child(r, 4)), "");
	r = brow(t, 2);
	assert_string_equal(value(child(r, 3)), "103166");
	assert_string_equal(value(child(r, 4)), "12.5");
	r = brow(t, 3);
	assert_string_equal(value(child(r, 3)), "");
	assert_string_equal(value(child(r, 4)), "");
	/* header cells are titles, never figures */
	t = BUILD("Chỉ tiêu\t2024\t2025", "GRDP\t1\t2");
	assert_string_equal(value(child(hrow(t, 0), 1)), "");
	assert_string_equal(value(child(brow(t, 0), 1)), "1");
}

/* ------------------------------------------------------ header repeat */

static int same(const char *a, const char *b) { return bc_table_same_header(a, strlen(a), b, strlen(b)); }

static void test_same_header(void **state)
{
	(void)state;
	const char *h = "TT\tCHỈ TIÊU\tĐơn vị\tChỉ tiêu phấn đấu năm 2025\tCơ quan chủ trì theo dõi, đánh giá";
	assert_true(same(h, h));
	assert_true(same(h, "TT\tCHỈ TIÊU\tĐơn vị\tChỉ tiêu phần đầu năm 2025\tCơ quan chủ trì theo dõi, đánh giá"));
	assert_true(same(h, "TT\tchỉ tiêu\tĐơn  vị\tChỉ tiêu phấn đấu năm 2025\tCơ quan chủ trì theo dõi đánh giá\t\t"));
	assert_true(same("\t\t\tKH năm 2026\tƯTH tháng 02", "\t\t\tKH năm 2026\tUTH tháng 02"));
	assert_true(same("STT\tTMĐT\tGhi chú", "STT\tTMDT\tGhi chú"));
	assert_true(same("| STT | Chỉ tiêu | Đơn vị |", "| STT | <b>Chỉ tiêu</b> | Đơn vị |"));
	/* a misspelt letter or two in a long header is still the header */
	assert_true(same("STT\tDanh mục dự án\tTổng mức đầu tư (triệu đồng)\tThời gian hoàn thành",
	                 "STT\tDanh mục dự án\tTổng mức đầu tư (triệu đồng)\tThời gian hoàn thàng"));
	/* different tables, data rows, cells moved to other columns */
	assert_false(same(h, "TT\tNHIỆM VỤ\tThời hạn hoàn thành\tCơ quan chủ trì theo dõi, đánh giá"));
	assert_false(same(h, "1\tTỷ lệ nợ đọng thuế\t%\t< 8\tCục Thuế thành phố"));
	assert_false(same("TT\tNgành\tQuý I", "TT\tNgành\tQuý II\tCả năm"));
	assert_false(same("", ""));
	assert_false(same("A", "B"));
}

static void test_repeat_single_row_header(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tCHỈ TIÊU\tĐơn vị\tChỉ tiêu phấn đấu năm 2025\tCơ quan",
	                   "1\tTăng thu\tTỷ đồng\t7.440\tSở Tài chính",
	                   NULL,
	                   "TT\tCHỈ TIÊU\tĐơn vị\tChỉ tiêu phấn đấu năm 2025\tCơ quan",
	                   "2\tTăng thu XNK\tTỷ đồng\t7.300\tCục Hải quan",
	                   NULL,
	                   "TT\tCHỈ TIÊU\tĐơn vị\tChỉ tiêu phần đầu năm 2025\tCơ quan",
	                   "3\tChỉ số IIP\t%\t117\tSở Công Thương");
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(t->as.table.cols, 5);
	assert_int_equal(t->as.table.repeats_removed, 2);
	assert_int_equal(count_children(tbody(t)), 5);
	bc_node *r = brow(t, 1);
	assert_int_equal(r->as.row.kind, BC_ROW_HEAD);
	assert_int_equal(r->as.row.repeat, BC_REPEAT_SAME);
	assert_int_equal(brow(t, 2)->as.row.kind, BC_ROW_BODY);
	assert_int_equal(brow(t, 2)->as.row.repeat, BC_REPEAT_NONE);
	assert_int_equal(nrepeated(t, 1), 1);
	assert_int_equal(ndiag(BC_W_HEADER_REPEAT_DIFF), 1);
	const bc_diag *d = find_diag(BC_W_HEADER_REPEAT_DIFF);
	assert_int_equal(d->pos.line, 7);
	assert_non_null(d->arg);
	assert_non_null(strstr(d->arg, "phần đầu"));
	assert_non_null(strstr(d->arg, "phấn đấu"));
	/* the exact repeat at line 4 is a page break, not a finding */
	assert_int_equal(r->pos.line, 4);
}

static void test_repeat_diff_argument(void **state)
{
	(void)state;
	/* the argument shows where a long title differs, not its identical start */
	const char *h = "STT\tTên dự án\tDự kiến tiến độ thực hiện GPMB hoàn thành theo quý và đầu tư xây dựng hạ tầng hoàn thành theo tỷ lệ % so với TMĐT";
	const char *r = "STT\tTên dự án\tDự kiến tiến độ thực hiện GPMB hoàn thành theo quý và đầu tư xây dựng hạ tầng hoàn thành theo tỷ lệ % so với TMDT";
	bc_node *t = BUILD(h, "1\tNhà máy\tĐTXD (20%)", NULL, r, "2\tNhà xưởng\tĐTXD 60%");
	assert_int_equal(t->as.table.repeats_removed, 1);
	const bc_diag *d = find_diag(BC_W_HEADER_REPEAT_DIFF);
	assert_non_null(d);
	assert_non_null(strstr(d->arg, "so với TMDT\""));
	assert_non_null(strstr(d->arg, "so với TMĐT\""));
	assert_true(strncmp(d->arg, "\"…", strlen("\"…")) == 0);
	assert_null(strstr(d->arg, "STT"));
	assert_int_equal(nrepeated(t, 1), 0);
}

static void test_no_repeat_without_header_text(void **state)
{
	(void)state;
	/* a body row that only shares words with the header is no repeat */
	bc_node *t = BUILD("TT\tNHIỆM VỤ\tThời hạn\tCơ quan",
	                   "1\tNHIỆM VỤ khác\tThời hạn ngắn\tCơ quan khác",
	                   NULL,
	                   "2\tTrình Hội đồng nhân dân\tNăm 2025\tSở Nội vụ");
	assert_int_equal(t->as.table.repeats_removed, 0);
	assert_int_equal(nrepeated(t, 1) + nrepeated(t, 2), 0);
	assert_int_equal(count_children(tbody(t)), 2);
}

/* ---------------------------------------------------- two-row headers */

static void test_two_row_header_spans(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tNgành kinh tế\tKịch bản tăng trưởng GRDP năm 2025\t\t\t",
	                   "\t\tQuý I\t6 tháng\t9 tháng\tCả năm",
	                   "\tTổng sản phẩm trên địa bàn (GRDP)\t111,88\t112,13\t112,47\t112,50",
	                   "1\tCông nghiệp và xây dựng\t115,14\t115,54\t115,80\t115,67");
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 6);
	bc_node *h0 = hrow(t, 0), *h1 = hrow(t, 1);
	assert_int_equal(count_children(h0), 3);
	assert_string_equal(cell_text(h0, 0), "TT");
	assert_int_equal(child(h0, 0)->as.cell.rowspan, 2);
	assert_int_equal(child(h0, 0)->as.cell.colspan, 1);
	assert_int_equal(child(h0, 1)->as.cell.rowspan, 2);
	assert_string_equal(cell_text(h0, 2), "Kịch bản tăng trưởng GRDP năm 2025");
	assert_int_equal(child(h0, 2)->as.cell.colspan, 4);
	assert_int_equal(child(h0, 2)->as.cell.rowspan, 1);
	assert_int_equal(child(h0, 2)->as.cell.col, 2);
	assert_int_equal(count_children(h1), 4);
	assert_string_equal(cell_text(h1, 0), "Quý I");
	assert_int_equal(child(h1, 0)->as.cell.col, 2);
	assert_string_equal(cell_text(h1, 3), "Cả năm");
	assert_int_equal(child(h1, 3)->as.cell.col, 5);
	/* the first body row has an empty label cell: body, not header, not group */
	bc_node *b0 = brow(t, 0);
	assert_int_equal(b0->as.row.kind, BC_ROW_BODY);
	assert_int_equal(count_children(b0), 6);
	assert_string_equal(value(child(b0, 5)), "112.50");
}

static void test_two_row_header_repeated_with_differences(void **state)
{
	(void)state;
	/* modelled on a report appendix: the repeat moves a title and drops a diacritic */
	bc_node *t = BUILD(
		"STT\tChỉ tiêu\tĐơn vị tính\tKỳ báo cáo\tƯớc thực hiện năm 2025\tKết quả thực hiện Kịch bản tăng trưởng năm 2026\t\t\t\tTóm tắt kết quả thực hiện của kỳ báo cáo, khó khăn vướng mắc (tháng 02)\tCơ quan theo dõi, đánh giá",
		"\t\t\t\t\tKH năm 2026\tKH Tháng 02\tƯTH tháng 02\tĐánh giá so với KB\t\t",
		"1\tTốc độ tăng trưởng GRDP\t%\tQuý, năm\t11,81\t13,00\t-\t-\t-\t-\tThống kê thành phố",
		"\t\tTriệu đồng\t\t177,0\t201,6\t-\t-\t-\t-\t",
		NULL,
		"STT\tChỉ tiêu\tĐơn vị tính\tKỳ báo cáo\tƯớc thực hiện năm 2025\tKết quả thực hiện Kịch bản tăng trưởng năm 2026\t\t\t\tĐánh giá so với KB\tTóm tắt kết quả thực hiện của kỳ báo cáo, khó khăn vướng mắc (tháng 02)\tCơ quan theo dõi, đánh giá",
		"\t\t\t\t\tKH năm 2026\tKH Tháng 02\tUTH tháng 02\t\t\t\t",
		"7\tKim ngạch xuất khẩu\tTỷ USD\tTháng, quý, năm\t50,14\t52,0\t2,9\t2,9\tĐạt\tTổng kim ngạch tháng 02\tSở Công Thương",
		NULL,
		"STT\tChỉ tiêu\tĐơn vị tính\tKỳ báo cáo\tƯớc thực hiện năm 2025\tKết quả thực hiện Kịch bản tăng trưởng năm 2026\t\t\t\tTóm tắt kết quả thực hiện của kỳ báo cáo, khó khăn vướng mắc (tháng 02)\tCơ quan theo dõi, đánh giá",
		"\t\t\t\t\tKH năm 2026\tKH Tháng 02\tƯTH tháng 02\tĐánh giá so với KB\t\t",
		"18\tSố căn nhà ở xã hội\tCăn\tTháng, quý, năm\t10.775\t7.135\t-\t-\t-\tDự kiến Quý I\tSở Xây dựng");
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 11);
	bc_node *h0 = hrow(t, 0);
	assert_int_equal(child(h0, 5)->as.cell.colspan, 4);
	assert_int_equal(child(h0, 6)->as.cell.col, 9);
	assert_int_equal(child(h0, 6)->as.cell.rowspan, 2);
	assert_int_equal(count_children(hrow(t, 1)), 4);
	assert_int_equal(t->as.table.repeats_removed, 4);
	assert_int_equal(ndiag(BC_W_HEADER_REPEAT_DIFF), 2);
	assert_int_equal(nrepeated(t, 1), 2);
	/* the sub-row with an empty first cell is a real row */
	bc_node *sub = brow(t, 1);
	assert_int_equal(sub->as.row.kind, BC_ROW_BODY);
	assert_int_equal(sub->as.row.fragment_merged, 0u);
	assert_string_equal(cell_text(sub, 2), "Triệu đồng");
	assert_string_equal(value(child(sub, 4)), "177.0");
	/* trailing empty cells beyond the width are dropped: every row has 11 */
	for (bc_node *r = tbody(t)->first; r; r = r->next)
		if (!r->as.row.repeat)
			assert_int_equal(count_children(r), 11);
	size_t body = 0, repeated = 0;
	for (bc_node *r = tbody(t)->first; r; r = r->next) {
		body += r->as.row.kind == BC_ROW_BODY;
		repeated += r->as.row.repeat != BC_REPEAT_NONE;
	}
	assert_int_equal(body, 4);
	assert_int_equal(repeated, 4);
	/* the repeat's moved title is still in the tree */
	assert_string_equal(cell_text(brow(t, 2), 9), "Đánh giá so với KB");
}

static void test_header_continuation_needs_spans(void **state)
{
	(void)state;
	/* no spanning title: a second row with an empty first cell is a body row */
	bc_node *t = BUILD("TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tCơ quan", "\t- Công nghiệp\t%\t15,67\t");
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(count_children(tbody(t)), 1);
	/* figures under a spanning title are data, not titles */
	t = BUILD("TT\tNgành\tKịch bản\t\t", "\t\t111,88\t112,13\t112,47");
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(t->as.table.cols, 3);
	assert_int_equal(count_children(tbody(t)), 1);
	assert_int_equal(count_children(brow(t, 0)), 5);   /* extra cells are kept */
}

/* ---------------------------------------------------------- group rows */

static void test_group_rows(void **state)
{
	(void)state;
	bc_node *t = BUILD("STT\tDanh mục dự án\tTổng mức đầu tư\tĐịa điểm",
	                   "\tTổng số (31 dự án)\t\t",
	                   "I\tDự án khánh thành năm 2026 (02 dự án)\t\t",
	                   "I.1\tDự án sử dụng ngân sách thành phố (01 dự án)\t\t",
	                   "1\tDự án tu bổ di tích Bến K15\t234.539\tPhường Đồ Sơn",
	                   "II.2 Dự án sử dụng vốn ngoài ngân sách (07 dự án)\t\t\t",
	                   "2 Ban Quản lý Khu kinh tế (08 nhiệm vụ)\t\t\t",
	                   "A.I\tCác dự án sản xuất công nghiệp\t\t\t",
	                   "<b>1</b>\t<i>Tiếp tục ưu tiên thúc đẩy tăng trưởng</i>\t\t",
	                   "\t<i>a) Tăng cường kỷ luật, kỷ cương</i>\t\t",
	                   "<b>4.</b>\t<b>Đổi mới mạnh mẽ mô hình tăng trưởng</b>\t\t",
	                   "-\tXây dựng\t%\t",
	                   "a)\t<i>Công nghiệp</i>\t115,84\t",
	                   "<i>b) Thúc đẩy các động lực tăng trưởng mới</i>\t\t\t");
	bc_row_kind want[] = { BC_ROW_GROUP, BC_ROW_GROUP, BC_ROW_GROUP, BC_ROW_BODY, BC_ROW_GROUP, BC_ROW_GROUP,
	                       BC_ROW_GROUP, BC_ROW_GROUP, BC_ROW_GROUP, BC_ROW_GROUP, BC_ROW_BODY, BC_ROW_BODY,
	                       BC_ROW_GROUP };
	assert_int_equal(count_children(tbody(t)), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (brow(t, i)->as.row.kind != want[i])
			fail_msg("row %zu (%s %s): kind %d, want %d", i, cell_text(brow(t, i), 0), cell_text(brow(t, i), 1),
			         brow(t, i)->as.row.kind, want[i]);
	/* "II.2 Dự án…" with a space for the tab: split into label and text */
	bc_node *r = brow(t, 4);
	assert_string_equal(cell_text(r, 0), "II.2");
	assert_string_equal(cell_text(r, 1), "Dự án sử dụng vốn ngoài ngân sách (07 dự án)");
	assert_int_equal(child(r, 1)->pos.col, 6);
	assert_int_equal(child(r, 1)->as.cell.col, 1);
	assert_int_equal(count_children(r), 4);
	r = brow(t, 5);
	assert_string_equal(cell_text(r, 0), "2");
	assert_string_equal(cell_text(r, 1), "Ban Quản lý Khu kinh tế (08 nhiệm vụ)");
	/* a group row's label is no figure */
	assert_string_equal(value(child(r, 0)), "");
	/* the label inside emphasis is left whole */
	r = brow(t, 12);
	assert_string_equal(cell_text(r, 0), "<i>b) Thúc đẩy các động lực tăng trưởng mới</i>");
	assert_string_equal(cell_text(r, 1), "");
}

/* The cells a body row's line writes, before the builder pads or joins them (rules_tables.c reads them). */
static void test_cells_written(void **state)
{
	(void)state;
	bc_node *t = BUILD("STT\tNội dung\tĐơn vị\tSố lượng",
	                   "1\tMáy tính\tChiếc\t12",           /* as wide as the header */
	                   "2\tMáy in",                        /* short: padded to 4 cells */
	                   "3\tMáy quét\t\t\t",             /* empty fields at the end */
	                   "4\tLoa\tChiếc\t3\t5",            /* wider than the header */
	                   "5 Bàn ghế\t\t\t");                /* a tab lost: no separator before the empty fields */
	static const int written[] = { 4, 2, 2, 5, 0 }, fields[] = { 4, 2, 5, 5, 4 };
	for (size_t i = 0; i < 5; i++) {
		const bc_node *r = brow(t, i);
		if (r->as.row.written != written[i] || r->as.row.fields != fields[i])
			fail_msg("row %zu: written %d fields %d, want %d %d", i, r->as.row.written, r->as.row.fields,
			         written[i], fields[i]);
	}
	assert_int_equal(count_children(brow(t, 1)), 4);
	/* pipes: the cells between them, empty ones too; "\|" separates nothing */
	t = BUILD("| TT | Tên | Ghi chú |", "|---|---|---|", "| 1 | A \\| B | < |", "| 2 | C |", "| 3 | D | | |");
	assert_int_equal(brow(t, 0)->as.row.written, 3);
	assert_int_equal(count_children(brow(t, 0)), 2);   /* "<" joined two */
	assert_int_equal(brow(t, 1)->as.row.written, 2);
	assert_int_equal(brow(t, 2)->as.row.written, 4);
	assert_int_equal(brow(t, 2)->as.row.fields, 4);
	/* a line neither tab- nor pipe-separated: nothing to count */
	t = BUILD("| TT | Tên |", "|---|---|", "1 | A |");
	assert_int_equal(brow(t, 0)->as.row.written, 0);
}

static void test_group_rows_need_three_columns(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tNội dung", "I\tVề kinh tế", "II Chỉ tiêu xã hội\t");
	assert_int_equal(t->as.table.cols, 2);
	assert_int_equal(brow(t, 0)->as.row.kind, BC_ROW_BODY);
	assert_int_equal(brow(t, 1)->as.row.kind, BC_ROW_BODY);
	assert_string_equal(cell_text(brow(t, 1), 0), "II Chỉ tiêu xã hội");
}

/* ----------------------------------------------------------- fragments */

static void test_fragment_after_repeated_header(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì",
	                   "8\tThu hút khách du lịch\tTriệu lượt\t>10\tSở Du lịch, Cục Thống kê thành",
	                   NULL,
	                   "TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì",
	                   "\t\t\t\tphố",
	                   "9\tTỷ lệ xã nông thôn mới kiểu mẫu\t%\t100\tSở Nông nghiệp");
	assert_int_equal(t->as.table.repeats_removed, 1);
	assert_int_equal(count_children(tbody(t)), 3);
	bc_node *r = brow(t, 0);
	assert_string_equal(cell_text(r, 4), "Sở Du lịch, Cục Thống kê thành phố");
	assert_int_equal(r->as.row.fragment_merged, 5u);
	assert_int_equal(r->end_line, 5u);
	assert_int_equal(ndiag(BC_W_CELL_FRAGMENT), 1);
	const bc_diag *d = find_diag(BC_W_CELL_FRAGMENT);
	assert_int_equal(d->pos.line, 5);
	assert_int_equal(d->pos.col, 5);
	assert_string_equal(d->arg, "phố");
	assert_string_equal(cell_text(brow(t, 2), 0), "9");
	assert_int_equal(brow(t, 2)->as.row.fragment_merged, 0u);
}

static void test_fragment_middle_columns(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tNHIỆM VỤ\tThời hạn hoàn thành\tCơ quan chủ trì",
	                   "16\tPhối hợp với các chủ đầu tư tiếp tục triển khai thực hiện hoàn\tNăm 2025\tSở Giao thông",
	                   NULL,
	                   "TT\tNHIỆM VỤ\tThời hạn hoàn thành\tCơ quan chủ trì",
	                   "\tthành các dự án phát triển hạ tầng giao thông\t\t",
	                   "33\tTriển khai Nghị quyết số 169/2024/QH15\tTheo Kế hoạch số 273/KH-UBND ngày\tSở Nội vụ",
	                   NULL,
	                   "\t\t09/12/2024 của Ủy ban nhân dân thành phố\t",
	                   "34\tTriển khai Nghị quyết số 1232\tNăm 2025\tSở Nội vụ");
	assert_int_equal(count_children(tbody(t)), 4);
	assert_string_equal(cell_text(brow(t, 0), 1),
	                    "Phối hợp với các chủ đầu tư tiếp tục triển khai thực hiện hoàn thành các dự án phát triển hạ tầng giao thông");
	assert_int_equal(brow(t, 0)->as.row.kind, BC_ROW_BODY);
	/* a break without a repeated header is a break too */
	assert_string_equal(cell_text(brow(t, 2), 2), "Theo Kế hoạch số 273/KH-UBND ngày 09/12/2024 của Ủy ban nhân dân thành phố");
	assert_int_equal(brow(t, 2)->as.row.fragment_merged, 8u);
	assert_int_equal(ndiag(BC_W_CELL_FRAGMENT), 2);
}

static void test_not_fragments(void **state)
{
	(void)state;
	/* no page break: an empty-label row is a row */
	bc_node *t = BUILD("TT\tNHIỆM VỤ\tThời hạn\tCơ quan",
	                   "1\tXây dựng kế hoạch\tNăm 2025\tSở Nội vụ",
	                   "\tthành lập tổ công tác\t\t");
	assert_int_equal(count_children(tbody(t)), 2);
	assert_int_equal(ndiag(BC_W_CELL_FRAGMENT), 0);
	/* after a break: capitals, new items, figures and several cells start rows of their own */
	t = BUILD("TT\tChỉ tiêu\tĐơn vị\tMục tiêu",
	          "4\tTỉ trọng công nghiệp chế biến\t%\t45,8",
	          NULL,
	          "\t<i>Tỷ trọng giá trị sản phẩm công nghệ cao</i>\t%\t63",
	          "5\tThu ngân sách\tTỷ đồng\t194.935,6",
	          NULL,
	          "\ta) Tăng cường kỷ luật\t\t",
	          "6\tSản lượng hàng hóa\tTriệu tấn\t238",
	          NULL,
	          "\t\t\t12,5",
	          "7\tThu hút vốn\tTỷ USD\t3,8",
	          NULL,
	          "\t- Trong khu kinh tế\tTriệu USD\t3.500");
	assert_int_equal(count_children(tbody(t)), 8);
	assert_int_equal(ndiag(BC_W_CELL_FRAGMENT), 0);
	assert_string_equal(cell_text(brow(t, 0), 1), "Tỉ trọng công nghiệp chế biến");
	assert_int_equal(brow(t, 3)->as.row.kind, BC_ROW_GROUP);
}

/* --------------------------------------------------------- pipe tables */

static void test_pipe_table_continued(void **state)
{
	(void)state;
	bc_node *t = BUILD("| STT | Chỉ tiêu | Đơn vị | Mục tiêu năm 2026 |",
	                   "|----------|---|--------|-------------------|",
	                   "| I | VỀ KINH TẾ | | |",
	                   "| 20 | Tỉ trọng giá trị tăng thêm của kinh tế số | % | 31 |",
	                   NULL,
	                   "| | | | |",
	                   "|-----------|---|------------|---|",
	                   "| | trong GRDP | | |",
	                   "| 21 | Tỉ lệ DN có hoạt động đổi mới sáng tạo | % | ≥32 |",
	                   NULL,
	                   "| | | | |",
	                   "|----|---|----------------|--|",
	                   "| | <i>Tỷ trọng giá trị sản phẩm công nghệ cao</i> | % | 63 |");
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(t->as.table.cols, 4);
	assert_int_equal(t->as.table.repeats_removed, 0);
	assert_int_equal(count_children(tbody(t)), 4);
	assert_int_equal(brow(t, 0)->as.row.kind, BC_ROW_GROUP);
	bc_node *r = brow(t, 1);
	assert_string_equal(cell_text(r, 1), "Tỉ trọng giá trị tăng thêm của kinh tế số trong GRDP");
	assert_int_equal(r->as.row.fragment_merged, 8u);
	assert_string_equal(value(child(r, 3)), "31");
	assert_string_equal(cell_text(brow(t, 2), 0), "21");
	assert_string_equal(value(child(brow(t, 2), 3)), "");
	r = brow(t, 3);
	assert_int_equal(r->as.row.kind, BC_ROW_BODY);
	assert_string_equal(cell_text(r, 1), "<i>Tỷ trọng giá trị sản phẩm công nghệ cao</i>");
	assert_int_equal(ndiag(BC_W_CELL_FRAGMENT), 1);
	assert_int_equal(nrepeated(t, 1) + nrepeated(t, 2), 0);
}

static void test_pipe_repeated_header_and_alignment(void **state)
{
	(void)state;
	bc_node *t = BUILD("| STT | Chỉ tiêu | Ghi chú |",
	                   "|:---:|:--|---:|",
	                   "| 1 | GRDP | 13 |",
	                   NULL,
	                   "| STT | Chỉ tiêu | Ghi chú |",
	                   "|---|---|---|",
	                   "| 2 | IIP | 7,5 |");
	assert_int_equal(t->as.table.repeats_removed, 1);
	assert_int_equal(nrepeated(t, 1), 1);
	assert_int_equal(count_children(tbody(t)), 3);
	assert_int_equal(child(hrow(t, 0), 0)->as.cell.align, BC_ALIGN_CENTER);
	bc_node *r = brow(t, 0);
	assert_int_equal(child(r, 0)->as.cell.align, BC_ALIGN_CENTER);   /* the rule wins over the figure */
	assert_int_equal(child(r, 1)->as.cell.align, BC_ALIGN_LEFT);
	assert_int_equal(child(r, 2)->as.cell.align, BC_ALIGN_RIGHT);
	assert_string_equal(value(child(brow(t, 2), 2)), "7.5");
}

/* A "^" span longer than a cell can hold (BC_CELL_MAX_ROWSPAN rows, FORMAT.md
 * §14) ends there: the "^" beyond is a cell of its own, its mark kept. */
static void test_span_limit(void **state)
{
	(void)state;
	size_t n = 3 + BC_CELL_MAX_ROWSPAN + 1;
	const char **src = calloc(n, sizeof *src);
	src[0] = "| Thôn | Hộ |";
	src[1] = "|---|---|";
	src[2] = "| Đông Hà | 1 |";
	for (size_t i = 3; i < n; i++)
		src[i] = "| ^ | 2 |";
	bc_node *t = build(src, n);
	free(src);
	assert_int_equal(count_children(tbody(t)), n - 2);
	assert_int_equal(child(brow(t, 0), 0)->as.cell.rowspan, BC_CELL_MAX_ROWSPAN);
	bc_node *after = brow(t, BC_CELL_MAX_ROWSPAN);
	assert_int_equal(count_children(after), 2);
	assert_string_equal(cell_text(after, 0), "^");
	assert_int_equal(count_children(brow(t, 1)), 1);   /* a row under the span: its second cell only */
}

static void test_pipe_explicit_spans(void **state)
{
	(void)state;
	bc_node *t = BUILD("| TT | Ngành | Kịch bản 2025 | < | < |",
	                   "| ^ | ^ | Quý I | 6 tháng | Cả năm |",
	                   "|---|---|---|---|---|",
	                   "| 1 | Công nghiệp | 115,14 | 115,54 | 115,67 |",
	                   "| ^ | Xây dựng | Chưa có số liệu | < | 108,02 |",
	                   "| 2 | Dịch vụ | < | 3 | 4 |");
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 5);
	bc_node *h0 = hrow(t, 0), *h1 = hrow(t, 1);
	assert_int_equal(count_children(h0), 3);
	assert_int_equal(child(h0, 0)->as.cell.rowspan, 2);
	assert_int_equal(child(h0, 1)->as.cell.rowspan, 2);
	assert_int_equal(child(h0, 2)->as.cell.colspan, 3);
	assert_int_equal(count_children(h1), 3);
	assert_int_equal(child(h1, 0)->as.cell.col, 2);
	bc_node *r0 = brow(t, 0), *r1 = brow(t, 1), *r2 = brow(t, 2);
	assert_int_equal(child(r0, 0)->as.cell.rowspan, 2);
	assert_int_equal(count_children(r1), 3);
	assert_string_equal(cell_text(r1, 0), "Xây dựng");
	assert_int_equal(child(r1, 0)->as.cell.col, 1);
	assert_int_equal(child(r1, 1)->as.cell.colspan, 2);
	assert_int_equal(child(r1, 2)->as.cell.col, 4);
	assert_int_equal(child(r2, 1)->as.cell.colspan, 2);   /* "<" joins the text cell on its left */
	assert_int_equal(count_children(r2), 4);
}

/* ------------------------------------------------------ widths, limits */

static void test_widths(void **state)
{
	(void)state;
	bc_node *t = BUILD("TT\tChỉ tiêu\tĐơn vị",
	                   "3\tTỷ trọng kinh tế số\t%\t\t",
	                   "4\tTốc độ tăng\t%\t15,2\t-4,7",
	                   "5\tNgắn");
	assert_int_equal(t->as.table.cols, 3);
	assert_int_equal(count_children(brow(t, 0)), 3);   /* empty cells past the width dropped */
	assert_int_equal(count_children(brow(t, 1)), 5);   /* cells with words past it kept */
	assert_string_equal(value(child(brow(t, 1), 4)), "-4.7");
	assert_int_equal(count_children(brow(t, 2)), 3);   /* short rows filled up to the width */
	assert_int_equal(child(brow(t, 2), 2)->as.cell.col, 2);
	assert_int_equal(t->end_line, 4u);
}

static char *repeat_cells(size_t ncells, const char *fmt, char sep)
{
	bc_buf b = BC_BUF_INIT;
	for (size_t i = 0; i < ncells; i++) {
		if (i)
			bc_buf_putc(&b, sep);
		bc_buf_printf(&b, fmt, i);
	}
	return b.s;
}

static void test_too_many_columns(void **state)
{
	(void)state;
	char *head = repeat_cells(600, "c%zu", '\t');
	char *body = repeat_cells(600, "v%zu", '\t');
	bc_node *t = BUILD(head, body, body);
	assert_int_equal(ndiag(BC_E_TOO_MANY_COLUMNS), 1);
	assert_int_equal(t->as.table.cols, BC_MAX_TABLE_COLUMNS);
	bc_node *r = brow(t, 0);
	assert_int_equal(count_children(r), BC_MAX_TABLE_COLUMNS);
	const char *last = text(child(r, count_children(r) - 1));
	assert_true(strncmp(last, "v511 v512 v513", 14) == 0);
	assert_non_null(strstr(last, "v599"));
	assert_non_null(strstr(text(child(hrow(t, 0), count_children(hrow(t, 0)) - 1)), "c599"));
	free(head);
	free(body);
}

static double seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

/* Time limits are for a plain build; valgrind runs everything many times slower. */
static double slack(void)
{
	const char *pre = getenv("LD_PRELOAD"), *wrap = getenv("BAOCAO_WRAP");
	if ((pre && strstr(pre, "vgpreload")) || (wrap && strstr(wrap, "valgrind")))
		return 30.0;
	return 1.0;
}

static void test_large_tables_are_fast(void **state)
{
	(void)state;
	/* 100 000 rows */
	size_t n = 100000;
	bc_table_line *v = calloc(n, sizeof *v);
	char **own = calloc(n, sizeof *own);
	const char *head = "STT\tChỉ tiêu\tĐơn vị\tGiá trị\tCơ quan";
	for (size_t i = 0; i < n; i++) {
		char tmp[160];
		if (i == 0)
			snprintf(tmp, sizeof tmp, "%s", head);
		else if (i % 1000 == 0)
			snprintf(tmp, sizeof tmp, "%s", head);   /* a repeat on every "page" */
		else
			snprintf(tmp, sizeof tmp, "%zu\tChỉ tiêu số %zu\t%%\t%zu,%zu\tSở Tài chính", i, i, i, i % 10);
		own[i] = bc_xstrdup(tmp);
		v[i].s = own[i];
		v[i].len = strlen(own[i]);
		v[i].pos.line = (uint32_t)(i + 1);
		v[i].pos.col = 1;
		v[i].after_break = i % 1000 == 0 && i > 0;
	}
	double t0 = seconds();
	bc_node *t = bc_table_build(F.doc, &F.diags, v, n, plain_inline, &F);
	double dt = seconds() - t0;
	print_message("100000 rows: %.3f s\n", dt);
	for (size_t i = 0; i < n; i++)
		free(own[i]);
	free(own);
	free(v);
	assert_int_equal(t->as.table.repeats_removed, 99);
	assert_int_equal(count_children(tbody(t)), n - 1);
	assert_true(dt < 3.0 * slack());

	/* 10 000 columns, a few rows */
	char *wide = repeat_cells(10000, "%zu", '\t');
	char *wide_head = repeat_cells(10000, "Cột %zu", '\t');
	t0 = seconds();
	t = BUILD(wide_head, wide, wide, NULL, wide_head, wide);
	dt = seconds() - t0;
	print_message("10000 columns: %.3f s\n", dt);
	free(wide);
	free(wide_head);
	assert_int_equal(t->as.table.cols, BC_MAX_TABLE_COLUMNS);
	assert_int_equal(t->as.table.repeats_removed, 1);
	assert_true(dt < 2.0 * slack());

	/* a wide header repeated on many pages */
	char *wh = repeat_cells(2000, "Tiêu đề %zu", '\t');
	char *wr = repeat_cells(2000, "%zu", '\t');
	const char *many[599];
	many[0] = wh;
	many[1] = wr;
	for (size_t i = 2; i < 599; i += 3) {
		many[i] = NULL;
		many[i + 1] = wh;
		many[i + 2] = wr;
	}
	t0 = seconds();
	t = build(many, 599);
	dt = seconds() - t0;
	print_message("200 repeats of a 2000-column header: %.3f s\n", dt);
	free(wh);
	free(wr);
	assert_int_equal(t->as.table.repeats_removed, 199);
	assert_true(dt < 2.0 * slack());

	/* a long header against long rows: the comparison stays banded */
	bc_buf b = BC_BUF_INIT;
	for (int i = 0; i < 20000; i++)
		bc_buf_puts(&b, "Chỉ tiêu ");
	char *la = bc_xstrdup(bc_buf_cstr(&b));
	bc_buf_puts(&b, "khác");
	t0 = seconds();
	for (int i = 0; i < 5; i++)
		(void)bc_table_same_header(la, strlen(la), b.s, b.len);
	dt = seconds() - t0;
	print_message("5 x 200 kB header compare: %.3f s\n", dt);
	int same_long = bc_table_same_header(la, strlen(la), b.s, b.len);
	free(la);
	bc_buf_free(&b);
	assert_true(same_long);
	assert_true(dt < 2.0 * slack());
}

/* Random rows of tabs, pipes, marks and letters: nothing crashes, no cell text is lost. */
static void test_random_rows(void **state)
{
	(void)state;
	static const char *const bits[] = { "\t", "\t", "|", " ", "a", "Đạt", "1.200", "<b>", "</i>", "^", "<",
	                                   "\\", "²", "-", ":", "phố", "I", "12,5", "\xC2\xA0", "---" };
	srand(12345);
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + (size_t)rand() % 8;
		char *lines[8];
		bc_table_line v[8];
		memset(v, 0, sizeof v);
		int pipe = rand() % 2;
		for (size_t i = 0; i < n; i++) {
			bc_buf b = BC_BUF_INIT;
			if (pipe)
				bc_buf_putc(&b, '|');
			int k = rand() % 14;
			for (int j = 0; j < k; j++)
				bc_buf_puts(&b, bits[rand() % (sizeof bits / sizeof bits[0])]);
			lines[i] = b.s ? b.s : bc_xstrdup("");
			v[i].s = lines[i];
			v[i].len = strlen(lines[i]);
			v[i].pos.line = (uint32_t)(i + 1);
			v[i].pos.col = 1;
			v[i].after_break = rand() % 4 == 0;
			v[i].is_pipe = pipe;
			v[i].is_rule = pipe && is_rule_text(lines[i]);
		}
		bc_node *t = bc_table_build(F.doc, &F.diags, v, n, plain_inline, &F);
		assert_non_null(t);
		assert_true(t->as.table.cols >= 0 && t->as.table.cols <= BC_MAX_TABLE_COLUMNS);
		/* every letter of the input is in some cell */
		bc_buf all = BC_BUF_INIT;
		bc_iter it;
		bc_iter_init(&it, t);
		while (bc_iter_next(&it) != BC_EV_DONE)
			if (it.ev == BC_EV_ENTER && it.cur->type == BC_NODE_TEXT)
				bc_buf_put(&all, it.cur->as.text.literal.s, it.cur->as.text.literal.len);
		size_t want = 0, have = 0;
		for (size_t i = 0; i < n; i++)
			if (!v[i].is_rule)
				for (const char *p = lines[i]; *p; p++)
					want += *p == 'a';
		for (size_t i = 0; i < all.len; i++)
			have += all.s[i] == 'a';
		if (have < want) {
			for (size_t i = 0; i < n; i++)
				print_message("line %zu%s: [%s]\n", i, v[i].after_break ? " (after break)" : "", lines[i]);
			fail_msg("round %d: %zu of %zu letters kept", round, have, want);
		}
		bc_buf_free(&all);
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
	}
	/* degenerate inputs */
	bc_table_line e[2];
	memset(e, 0, sizeof e);
	bc_node *t = bc_table_build(F.doc, &F.diags, e, 1, plain_inline, &F);
	assert_non_null(t);
	t = bc_table_build(F.doc, &F.diags, NULL, 0, plain_inline, &F);
	assert_non_null(t);
	assert_non_null(thead(t));
	assert_non_null(tbody(t));
	/* no inline parser: plain text nodes */
	const char *one = "A\tB\tC";
	bc_table_line l = { one, strlen(one), { 1, 1 }, 0, 0, 0 };
	t = bc_table_build(F.doc, &F.diags, &l, 1, NULL, NULL);
	assert_string_equal(cell_text(hrow(t, 0), 2), "C");
	/* a header without words: rows without words are data, not repeats */
	t = BUILD("| | | |", "|---|---|---|", "| 1 | Xây dựng | 5 |", "| … | … | … |", "| 2 | Dịch vụ | 6 |");
	assert_int_equal(t->as.table.repeats_removed, 0);
	assert_int_equal(count_children(tbody(t)), 3);
	/* a delimiter row first: no header */
	t = BUILD("|---|:-:|", "| 1 | 2 |", "| 3 | 4 | 5 |");
	assert_int_equal(t->as.table.head_rows, 0);
	assert_int_equal(t->as.table.cols, 3);
	assert_int_equal(child(brow(t, 0), 1)->as.cell.align, BC_ALIGN_CENTER);
}

/* --------------------------------------------------------------- seeds */

typedef struct seed {
	char *data;
	char **line;
	size_t *len;
	size_t n;
} seed;

static const char *seeds_dir(void)
{
	const char *d = getenv("BAOCAO_SEEDS");
	return d && *d ? d : "../shared/seeds";
}

static int load_seed(const char *prefix, seed *s)
{
	char cmd[1024];
	memset(s, 0, sizeof *s);
	snprintf(cmd, sizeof cmd, "ls %s/%s*.txt 2>/dev/null | head -n 1", seeds_dir(), prefix);
	FILE *p = popen(cmd, "r");
	if (!p)
		return 0;
	char path[900] = "";
	if (!fgets(path, sizeof path, p))
		path[0] = 0;
	pclose(p);
	path[strcspn(path, "\n")] = 0;
	FILE *f = path[0] ? fopen(path, "rb") : NULL;
	if (!f)
		return 0;
	bc_buf b = BC_BUF_INIT;
	char tmp[65536];
	size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		bc_buf_put(&b, tmp, k);
	fclose(f);
	s->data = b.s ? b.s : bc_xstrdup("");
	size_t cap = 1024;
	s->line = bc_xmalloc(cap * sizeof *s->line);
	s->len = bc_xmalloc(cap * sizeof *s->len);
	char *q = s->data;
	while (*q) {
		char *nl = strchr(q, '\n');
		size_t l = nl ? (size_t)(nl - q) : strlen(q);
		if (s->n == cap) {
			cap *= 2;
			s->line = bc_xrealloc(s->line, cap * sizeof *s->line);
			s->len = bc_xrealloc(s->len, cap * sizeof *s->len);
		}
		if (l && q[l - 1] == '\r')
			l--;
		s->line[s->n] = q;
		s->len[s->n] = l;
		s->n++;
		if (!nl)
			break;
		q = nl + 1;
	}
	return 1;
}

static void free_seed(seed *s)
{
	free(s->data);
	free(s->line);
	free(s->len);
}

static int has_tab(const seed *s, size_t i) { return memchr(s->line[i], '\t', s->len[i]) != NULL; }
static int is_pipe_line(const seed *s, size_t i) { return s->len[i] && s->line[i][0] == '|'; }
static int is_blank(const seed *s, size_t i)
{
	for (size_t k = 0; k < s->len[i]; k++)
		if (s->line[i][k] != ' ')
			return 0;
	return 1;
}

typedef struct run {
	bc_table_line *v;
	size_t n;
	bc_node *table;
} run;

/* The tab tables of a seed, the simple way: consecutive TAB lines, joined
 * across blank lines when the next TAB line repeats the table's first line. */
static size_t find_tab_runs(const seed *s, run *out, size_t max)
{
	size_t nr = 0;
	for (size_t i = 0; i < s->n && nr < max;) {
		if (!has_tab(s, i)) {
			i++;
			continue;
		}
		run *r = &out[nr++];
		r->v = calloc(s->n, sizeof *r->v);
		r->n = 0;
		size_t first = i;
		int brk = 0;
		while (i < s->n) {
			if (has_tab(s, i)) {
				bc_table_line *l = &r->v[r->n++];
				l->s = s->line[i];
				l->len = s->len[i];
				l->pos.line = (uint32_t)(i + 1);
				l->pos.col = 1;
				l->after_break = brk;
				brk = 0;
				i++;
				continue;
			}
			size_t k = i;
			while (k < s->n && is_blank(s, k))
				k++;
			if (k > i && k < s->n && has_tab(s, k) &&
			    bc_table_same_header(s->line[first], s->len[first], s->line[k], s->len[k])) {
				brk = 1;
				i = k;
				continue;
			}
			break;
		}
		r->table = bc_table_build(F.doc, &F.diags, r->v, r->n, plain_inline, &F);
	}
	return nr;
}

/* The pipe tables, joined across blank lines and footnotes when the next
 * pipe block opens with an all-empty header. */
static size_t find_pipe_runs(const seed *s, run *out, size_t max)
{
	size_t nr = 0;
	for (size_t i = 0; i < s->n && nr < max;) {
		if (!is_pipe_line(s, i)) {
			i++;
			continue;
		}
		run *r = &out[nr++];
		r->v = calloc(s->n, sizeof *r->v);
		r->n = 0;
		int brk = 0;
		while (i < s->n) {
			if (is_pipe_line(s, i)) {
				bc_table_line *l = &r->v[r->n++];
				l->s = s->line[i];
				l->len = s->len[i];
				l->pos.line = (uint32_t)(i + 1);
				l->pos.col = 1;
				l->after_break = brk;
				l->is_pipe = 1;
				char tmp[512];
				snprintf(tmp, sizeof tmp, "%.*s", (int)(l->len < 500 ? l->len : 500), l->s);
				l->is_rule = is_rule_text(tmp);
				brk = 0;
				i++;
				continue;
			}
			size_t k = i;
			while (k < s->n && k < i + 6 && !is_pipe_line(s, k))
				k++;
			if (k < s->n && is_pipe_line(s, k) && strspn(s->line[k], "| ") == s->len[k]) {
				brk = 1;
				i = k;
				continue;
			}
			break;
		}
		r->table = bc_table_build(F.doc, &F.diags, r->v, r->n, plain_inline, &F);
	}
	return nr;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Every word of the run's lines, but for repeated header rows, is a word of some cell. */
static void check_no_text_lost(const run *r, const char *name)
{
	bc_buf all = BC_BUF_INIT;
	unsigned char *repeated_line = calloc(r->n ? r->n : 1, 1);
	for (bc_node *part = r->table->first; part; part = part->next)
		for (bc_node *row = part->first; row; row = row->next)
			for (size_t k = 0; k < count_children(row); k++) {
				bc_node_plain_text(child(row, k), &all);
				bc_buf_putc(&all, ' ');
			}
	for (bc_node *row = tbody(r->table)->first; row; row = row->next)
		if (row->as.row.repeat)
			for (size_t i = 0; i < r->n; i++)
				if (r->v[i].pos.line == row->pos.line)
					repeated_line[i] = 1;
	/* the words of the cells, sorted for look-ups */
	size_t nw = 0, cap = 1024;
	char **words = bc_xmalloc(cap * sizeof *words);
	char *text = bc_xstrdup(bc_buf_cstr(&all));
	for (char *tok = strtok(text, " \t"); tok; tok = strtok(NULL, " \t")) {
		if (nw == cap) {
			cap *= 2;
			words = bc_xrealloc(words, cap * sizeof *words);
		}
		words[nw++] = tok;
	}
	qsort(words, nw, sizeof *words, cmp_str);
	size_t checked = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (repeated_line[i] || r->v[i].is_rule)
			continue;
		char *line = bc_xmalloc(r->v[i].len + 1);
		memcpy(line, r->v[i].s, r->v[i].len);
		line[r->v[i].len] = 0;
		for (char *tok = strtok(line, " \t|"); tok; tok = strtok(NULL, " \t|")) {
			checked++;
			if (!bsearch(&tok, words, nw, sizeof *words, cmp_str))
				fail_msg("%s line %u: word \"%s\" is in no cell", name, r->v[i].pos.line, tok);
		}
		free(line);
	}
	assert_true(checked > 0);
	free(words);
	free(text);
	free(repeated_line);
	bc_buf_free(&all);
}

static bc_node *find_table(run *runs, size_t nr, const char *first_line_prefix)
{
	for (size_t i = 0; i < nr; i++)
		if (runs[i].n && strncmp(runs[i].v[0].s, first_line_prefix, strlen(first_line_prefix)) == 0)
			return runs[i].table;
	return NULL;
}

static bc_node *row_starting(bc_node *t, const char *first_cell)
{
	for (bc_node *r = tbody(t)->first; r; r = r->next)
		if (!r->as.row.repeat && strcmp(cell_text(r, 0), first_cell) == 0)
			return r;
	return NULL;
}

static uint32_t line_of(const seed *s, const char *exact)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->len[i] == strlen(exact) && memcmp(s->line[i], exact, s->len[i]) == 0)
			return (uint32_t)(i + 1);
	return 0;
}

static void free_runs(run *runs, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		free(runs[i].v);
}

static void test_seeds(void **state)
{
	(void)state;
	seed s;
	if (!load_seed("003", &s)) {
		print_message("seeds not found in %s (set BAOCAO_SEEDS): skipped\n", seeds_dir());
		skip();
	}
	enum { MAXRUNS = 64 };
	run runs[MAXRUNS];

	/* 003: a directive with five appendices */
	size_t nr = find_tab_runs(&s, runs, MAXRUNS);
	assert_true(nr >= 5);
	bc_node *t = find_table(runs, nr, "TT\tNgành kinh tế");
	assert_non_null(t);
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 6);
	assert_int_equal(child(hrow(t, 0), 0)->as.cell.rowspan, 2);
	assert_int_equal(child(hrow(t, 0), 1)->as.cell.rowspan, 2);
	assert_int_equal(child(hrow(t, 0), 2)->as.cell.colspan, 4);
	assert_string_equal(value(child(row_starting(t, "4"), 5)), "106.00");

	t = find_table(runs, nr, "TT\tChỉ tiêu / Cơ quan");
	assert_non_null(t);
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(t->as.table.cols, 5);
	assert_int_equal(t->as.table.repeats_removed, 1);
	bc_node *r8 = row_starting(t, "8");
	assert_non_null(r8);
	uint32_t pho = line_of(&s, "\t\t\t\tphố");
	assert_true(pho > 0);
	assert_int_equal(r8->as.row.fragment_merged, pho);
	const char *c4 = cell_text(r8, 4);
	assert_true(strlen(c4) > strlen(" phố") && strcmp(c4 + strlen(c4) - strlen(" phố"), " phố") == 0);
	assert_int_equal(row_starting(t, "II")->as.row.kind, BC_ROW_GROUP);
	assert_string_equal(cell_text(row_starting(t, "II"), 1), "Chỉ tiêu xã hội");
	assert_string_equal(value(child(row_starting(t, "4"), 3)), "118079.279");
	assert_string_equal(value(child(row_starting(t, "2"), 3)), "9486");

	t = find_table(runs, nr, "TT\tCHỈ TIÊU");
	assert_non_null(t);
	assert_int_equal(t->as.table.head_rows, 1);
	assert_true(t->as.table.repeats_removed >= 4);

	t = find_table(runs, nr, "TT\tNHIỆM VỤ");
	assert_non_null(t);
	assert_true(t->as.table.repeats_removed >= 4);
	assert_non_null(strstr(cell_text(row_starting(t, "16"), 1), "thực hiện hoàn thành các dự án"));
	assert_non_null(strstr(cell_text(row_starting(t, "33"), 2), "ngày 09/12/2024 của"));
	assert_true(ndiag(BC_W_CELL_FRAGMENT) >= 3);
	assert_true(ndiag(BC_W_HEADER_REPEAT_DIFF) >= 1);

	t = find_table(runs, nr, "STT\tTên Dự án");
	assert_non_null(t);
	assert_int_equal(row_starting(t, "I.1")->as.row.kind, BC_ROW_GROUP);

	for (size_t i = 0; i < nr; i++)
		check_no_text_lost(&runs[i], "003");
	free_runs(runs, nr);
	free_seed(&s);

	/* 000: a report with wide appendices and two-row headers */
	assert_true(load_seed("000", &s));
	nr = find_tab_runs(&s, runs, MAXRUNS);
	assert_true(nr >= 6);
	t = find_table(runs, nr, "STT\tChỉ tiêu\tĐơn vị tính\tKỳ báo cáo");
	assert_non_null(t);
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 11);
	assert_int_equal(t->as.table.repeats_removed, 4);
	bc_node *sub = row_starting(t, "");
	assert_non_null(sub);
	assert_string_equal(cell_text(sub, 2), "Triệu đồng");
	assert_int_equal(sub->as.row.kind, BC_ROW_BODY);
	assert_string_equal(value(child(row_starting(t, "2"), 5)), "7944.5");
	assert_string_equal(value(child(row_starting(t, "4"), 7)), "-6.25");
	assert_string_equal(value(child(row_starting(t, "4"), 5)), "");

	t = find_table(runs, nr, "STT\tDanh mục dự án");
	assert_non_null(t);
	assert_int_equal(t->as.table.head_rows, 2);
	assert_int_equal(t->as.table.cols, 10);
	assert_int_equal(child(hrow(t, 0), 4)->as.cell.colspan, 2);
	assert_int_equal(row_starting(t, "II.2")->as.row.kind, BC_ROW_GROUP);
	assert_string_equal(cell_text(row_starting(t, "II.2"), 1), "Dự án sử dụng vốn ngoài ngân sách (07 dự án)");
	assert_int_equal(row_starting(t, "")->as.row.kind, BC_ROW_GROUP);   /* "Tổng số (31 dự án)" */

	t = find_table(runs, nr, "TT\tNhiệm vụ trọng tâm");
	assert_non_null(t);
	assert_int_equal(row_starting(t, "2")->as.row.kind, BC_ROW_GROUP);
	assert_string_equal(cell_text(row_starting(t, "2"), 1), "Ban Quản lý Khu kinh tế (08 nhiệm vụ)");
	assert_int_equal(row_starting(t, "15")->as.row.kind, BC_ROW_GROUP);

	for (size_t i = 0; i < nr; i++)
		check_no_text_lost(&runs[i], "000");
	free_runs(runs, nr);
	free_seed(&s);

	/* 002: emphasis in cells, a header on every page */
	assert_true(load_seed("002", &s));
	nr = find_tab_runs(&s, runs, MAXRUNS);
	assert_int_equal(nr, 1);
	t = runs[0].table;
	assert_int_equal(t->as.table.cols, 7);
	assert_true(t->as.table.repeats_removed >= 15);
	assert_int_equal(row_starting(t, "<b>1</b>")->as.row.kind, BC_ROW_GROUP);
	assert_int_equal(row_starting(t, "")->as.row.kind, BC_ROW_GROUP);
	assert_int_equal(row_starting(t, "(1)")->as.row.kind, BC_ROW_BODY);
	check_no_text_lost(&runs[0], "002");
	free_runs(runs, nr);
	free_seed(&s);

	/* 001: a pipe table restarted after page breaks with empty headers */
	assert_true(load_seed("001", &s));
	nr = find_pipe_runs(&s, runs, MAXRUNS);
	assert_int_equal(nr, 1);
	t = runs[0].table;
	assert_int_equal(t->as.table.head_rows, 1);
	assert_int_equal(t->as.table.cols, 4);
	assert_int_equal(t->as.table.repeats_removed, 0);
	assert_string_equal(cell_text(row_starting(t, "20"), 1), "Tỉ trọng giá trị tăng thêm của kinh tế số trong GRDP");
	assert_string_equal(value(child(row_starting(t, "23"), 3)), "60.195");
	assert_string_equal(value(child(row_starting(t, "2"), 3)), "7944.5");
	assert_int_equal(row_starting(t, "I")->as.row.kind, BC_ROW_GROUP);
	for (bc_node *r = tbody(t)->first; r; r = r->next) {
		int words = 0;
		for (size_t k = 0; k < count_children(r); k++)
			words += child(r, k)->first != NULL;
		assert_true(words > 0);   /* the empty headers left no rows */
	}
	check_no_text_lost(&runs[0], "001");
	free_runs(runs, nr);
	free_seed(&s);
}

/* Empty last cells make no group row: a row numbered next in the running
 * sequence is a record; a group says so (a count, rows numbered under it, a
 * Roman label); totals are their own kind. */
static void test_rows_by_what_they_say(void **state)
{
	(void)state;
	bc_node *t = BUILD("STT\tĐơn vị\tSố người\tGhi chú",
	                   "I\tKhối chính quyền\t\t",
	                   "1\tCông an xã\t\t",
	                   "2\tQuân sự xã\t12\t",
	                   "3\tVăn phòng (02 bộ phận)\t\t",
	                   "3.1\tMột cửa\t\t",
	                   "3.2\tTư pháp\t4\t",
	                   "4\tHội Nông dân\t\t",
	                   "a)\tChi hội Đông\t3\t",
	                   "7\tHội Phụ nữ\t\t",
	                   "\tCộng\t19\t",
	                   "\tTổng số hộ nghèo\t\t",
	                   "\tTỔNG CỘNG\t19\t");
	bc_row_kind want[] = { BC_ROW_GROUP, BC_ROW_BODY, BC_ROW_BODY, BC_ROW_GROUP, BC_ROW_BODY, BC_ROW_BODY,
	                       BC_ROW_GROUP, BC_ROW_BODY, BC_ROW_GROUP, BC_ROW_TOTAL, BC_ROW_GROUP, BC_ROW_TOTAL };
	assert_int_equal(count_children(tbody(t)), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (brow(t, i)->as.row.kind != want[i])
			fail_msg("row %zu (%s %s): kind %d, want %d", i, cell_text(brow(t, i), 0), cell_text(brow(t, i), 1),
			         brow(t, i)->as.row.kind, want[i]);
	/* a record's number and a total's figure are values */
	assert_string_equal(value(child(brow(t, 1), 0)), "1");
	assert_string_equal(value(child(brow(t, 9), 2)), "19");
}

/* Excel's quoted cells over lines: open until '"' before a TAB, a LF or the end. */
static void test_quoted_cells(void **state)
{
	(void)state;
	static const struct { const char *s; int open; } cases[] = {
		{ "1\t\"Dòng 1", 1 },
		{ "1\t\"Dòng 1\nDòng 2\"\tx", 0 },
		{ "1\t\"Dòng 1\nvà \"\"Bắc\"\"", 1 },
		{ "1\t\"Dòng 1\nvà \"\"Bắc\"\"\"", 0 },
		{ "1\t\"Nông thôn mới\" năm 2026\t", 0 },
		{ "1\tQuyết định \"số 5", 0 },
		{ "\"Một\"\t\"Hai", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (bc_table_quote_open(cases[i].s, strlen(cases[i].s)) != cases[i].open)
			fail_msg("case %zu \"%s\": open %d, want %d", i, cases[i].s, !cases[i].open, cases[i].open);
	const char *in = "1\t\"Dòng 1\nvà \"\"Bắc\"\"\"\t\"Nông\" thôn\tx";
	size_t n = 0;
	char *out = bc_table_unquote(&F.doc->arena, in, strlen(in), &n);
	assert_string_equal(out, "1\tDòng 1<br>và \"Bắc\"\t\"Nông\" thôn\tx");
	assert_int_equal(n, strlen(out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_count_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_trimmed_and_positioned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numeric_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repeat_single_row_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repeat_diff_argument, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_repeat_without_header_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_row_header_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_row_header_repeated_with_differences, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_continuation_needs_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_by_what_they_say, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quoted_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_written, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_rows_need_three_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fragment_after_repeated_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fragment_middle_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_fragments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipe_table_continued, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipe_repeated_header_and_alignment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipe_explicit_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_widths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_many_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_span_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_tables_are_fast, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seeds, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
