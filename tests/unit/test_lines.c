/* test_lines.c — the line classifier: kinds, labels, decoration, glued headings, columns, a decision's body.
 *
 * Every expectation below is read off grammar/FORMAT.md (§3.2–§3.4, §5, §6.1,
 * §7.3–§7.4, §8.2, §9.1, §9.6, §10; a decision's body: §6.5) and the line
 * itself, not off the program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../compiler/diag/diag.h"
#include "../../compiler/lex/lines.h"
#include "../../compiler/model/vocab.h"
#include "../../compiler/lex/patterns.h"

/* ------------------------------------------------------------ harness */

static bc_lines L;
static bc_diags D;

static int setup(void **state)
{
	(void)state;
	bc_patterns_init();
	memset(&L, 0, sizeof L);
	bc_diags_init(&D);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	bc_lines_free(&L);
	bc_diags_free(&D);
	return 0;
}

/* Splits a text afresh (the previous split is freed). */
static void split(const char *text)
{
	bc_lines_free(&L);
	bc_diags_free(&D);
	bc_diags_init(&D);
	bc_lines_split(&L, text, strlen(text), &D);
}

/* Classifies one line and returns it. */
static const bc_line *one(const char *text)
{
	split(text);
	assert_true(L.n >= 1);
	return &L.v[0];
}

static int kind_of(const char *text) { return (int)one(text)->kind; }

static void assert_core(const bc_line *l, const char *want)
{
	char got[512];
	snprintf(got, sizeof got, "%.*s", (int)l->core_len, l->s + l->core);
	assert_string_equal(got, want);
}

static void assert_label(const bc_line *l, bc_label_kind k, const char *label, const char *rest)
{
	char got[256];
	assert_int_equal(l->kind, BC_LK_LABEL);
	assert_int_equal(l->label_kind, k);
	snprintf(got, sizeof got, "%.*s", (int)l->label_len, l->s + l->label);
	assert_string_equal(got, label);
	if (rest) {
		size_t end = l->core + l->core_len;
		snprintf(got, sizeof got, "%.*s", (int)(end - l->rest), l->s + l->rest);
		assert_string_equal(got, rest);
	}
}

static void assert_rest(const bc_line *l, const char *rest)
{
	char got[256];
	size_t end = l->core + l->core_len;
	assert_true(l->rest <= end);
	snprintf(got, sizeof got, "%.*s", (int)(end - l->rest), l->s + l->rest);
	assert_string_equal(got, rest);
}

static size_t count_diag(bc_diag_code c)
{
	size_t k = 0;
	for (size_t i = 0; i < D.n; i++)
		k += D.v[i].code == c;
	return k;
}

#define ASSERT_KIND(text, k) \
	do { \
		int got_ = kind_of(text); \
		if (got_ != (int)(k)) \
			fail_msg("\"%s\": kind %s, expected %s", text, bc_line_kind_name((bc_line_kind)got_), \
			         bc_line_kind_name(k)); \
	} while (0)

/* ------------------------------------------------------------ labels (§6.1) */

static void test_label_kinds(void **state)
{
	(void)state;
	assert_label(one("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"), BC_LABEL_ROMAN, "I", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO");
	assert_label(one("XIV. Nội dung khác"), BC_LABEL_ROMAN, "XIV", "Nội dung khác");
	assert_label(one("III. NHIỆM VỤ"), BC_LABEL_ROMAN, "III", "NHIỆM VỤ");
	assert_label(one("1. Mục đích"), BC_LABEL_ARABIC, "1", "Mục đích");
	assert_label(one("12. Công tác khác"), BC_LABEL_ARABIC, "12", "Công tác khác");
	assert_label(one("1.1. Công nghiệp"), BC_LABEL_DOTTED2, "1.1", "Công nghiệp");
	assert_label(one("2.10. Thương mại"), BC_LABEL_DOTTED2, "2.10", "Thương mại");
	assert_label(one("1.1 Công nghiệp"), BC_LABEL_DOTTED2, "1.1", "Công nghiệp");
	assert_label(one("1.1.1. Chi tiết"), BC_LABEL_DOTTED3, "1.1.1", "Chi tiết");
	assert_label(one("2.1.3 Chi tiết"), BC_LABEL_DOTTED3, "2.1.3", "Chi tiết");
	assert_label(one("a) Về sản xuất công nghiệp"), BC_LABEL_LETTER, "a", "Về sản xuất công nghiệp");
	assert_label(one("đ) Về thương mại"), BC_LABEL_LETTER, "đ", "Về thương mại");
	assert_label(one("y) Cuối cùng"), BC_LABEL_LETTER, "y", "Cuối cùng");
	assert_label(one("(1) GRDP tăng 11,5%"), BC_LABEL_PAREN, "1", "GRDP tăng 11,5%");
	assert_label(one("(12) Chỉ tiêu"), BC_LABEL_PAREN, "12", "Chỉ tiêu");
	assert_label(one("*) Khách quan:"), BC_LABEL_STAR, "*", "Khách quan:");
}

static void test_label_inside_decoration(void **state)
{
	(void)state;
	const bc_line *l = one("**2. Yêu cầu**");
	assert_label(l, BC_LABEL_ARABIC, "2", "Yêu cầu");
	assert_true(l->decorated);
	l = one("### 1. Mục tiêu tổng quát");
	assert_label(l, BC_LABEL_ARABIC, "1", "Mục tiêu tổng quát");
	assert_true(l->decorated);
	l = one("#### ***4. Đổi mới mạnh mẽ***");
	assert_label(l, BC_LABEL_ARABIC, "4", "Đổi mới mạnh mẽ");
	assert_true(l->decorated);
	l = one("## 1. Mục tiêu");
	assert_label(l, BC_LABEL_ARABIC, "1", "Mục tiêu");
	l = one("<b>III. NHIỆM VỤ, GIẢI PHÁP</b>");
	assert_label(l, BC_LABEL_ROMAN, "III", "NHIỆM VỤ, GIẢI PHÁP");
	assert_true(l->decorated);
}

static void test_not_labels(void **state)
{
	(void)state;
	ASSERT_KIND("2025. Tham mưu ban hành kế hoạch năm 2026", BC_LK_TEXT);
	ASSERT_KIND("23.665 ha; đạt 100% kế hoạch", BC_LK_TEXT);
	ASSERT_KIND("1 Tỷ lệ hộ nghèo", BC_LK_TEXT);
	ASSERT_KIND("(Chi tiết theo Phụ lục I)", BC_LK_TEXT);
	ASSERT_KIND("(Chi tiết theo Phụ lục I gửi kèm theo).", BC_LK_TEXT);
	ASSERT_KIND("1.000 người tham gia", BC_LK_TEXT);
	ASSERT_KIND("A. Phần chung", BC_LK_TEXT);
	ASSERT_KIND("B) Phần riêng", BC_LK_TEXT);
	ASSERT_KIND("f) không có trong bảng chữ cái", BC_LK_TEXT);
	ASSERT_KIND("I.Không có dấu cách", BC_LK_TEXT);
	ASSERT_KIND("IIII. Không hợp lệ", BC_LK_TEXT);
	ASSERT_KIND("Năm 2026 là năm", BC_LK_TEXT);
	ASSERT_KIND("(1234) quá dài", BC_LK_TEXT);
}

static void test_dash_and_slash_labels(void **state)
{
	(void)state;
	/* §6.1: the Party's "I-", "1-" and the older "2/" */
	assert_label(one("I- HƯỚNG DẪN CHUNG"), BC_LABEL_ROMAN, "I", "HƯỚNG DẪN CHUNG");
	assert_label(one("II- HƯỚNG DẪN CỤ THỂ"), BC_LABEL_ROMAN, "II", "HƯỚNG DẪN CỤ THỂ");
	assert_label(one("1- Phạm vi điều chỉnh"), BC_LABEL_ARABIC, "1", "Phạm vi điều chỉnh");
	assert_label(one("2/ Đối tượng áp dụng"), BC_LABEL_ARABIC, "2", "Đối tượng áp dụng");
	assert_label(one("III/ TỔ CHỨC THỰC HIỆN"), BC_LABEL_ROMAN, "III", "TỔ CHỨC THỰC HIỆN");
	/* a range or a date is not a label: no space after the mark */
	ASSERT_KIND("2-3 ngày một lần", BC_LK_TEXT);
	ASSERT_KIND("2/9 là ngày Quốc khánh", BC_LK_TEXT);
	ASSERT_KIND("5 - 7 người", BC_LK_TEXT);
}

static void test_four_part_not_label(void **state)
{
	(void)state;
	/* §6.1: dotted labels have at most three parts; "1.1.1.1." is not a label and the line is
	 * a plain paragraph.
	  */
	ASSERT_KIND("1.1.1.1. Năm phần", BC_LK_TEXT);
}

static void test_label_nbsp(void **state)
{
	(void)state;
	/* §2.2.4: NO-BREAK SPACE counts as SP: "a label followed by U+00A0 is still a label".
	  */
	assert_label(one("1.\xc2\xa0Mục tiêu"), BC_LABEL_ARABIC, "1", NULL);
}

/* ------------------------------------------------------------ bullets (§7.3) */

static void test_bullets(void **state)
{
	(void)state;
	const bc_line *l = one("- Tổ chức tập huấn cho cán bộ;");
	assert_int_equal(l->kind, BC_LK_BULLET);
	assert_int_equal(l->bullet, '-');
	assert_rest(l, "Tổ chức tập huấn cho cán bộ;");
	l = one("+ Tập huấn kỹ năng số: 02 lớp;");
	assert_int_equal(l->kind, BC_LK_BULLET);
	assert_int_equal(l->bullet, '+');
	assert_rest(l, "Tập huấn kỹ năng số: 02 lớp;");
	l = one("– Gạch ngang dài");
	assert_int_equal(l->kind, BC_LK_BULLET);
	assert_int_equal(l->bullet, '-');
	assert_rest(l, "Gạch ngang dài");
	l = one("• Dấu chấm tròn");
	assert_int_equal(l->kind, BC_LK_BULLET);
	assert_int_equal(l->bullet, '-');
	assert_rest(l, "Dấu chấm tròn");
	l = one("   - Thụt đầu dòng");
	assert_int_equal(l->kind, BC_LK_BULLET);
	assert_rest(l, "Thụt đầu dòng");
	ASSERT_KIND("-5% so với cùng kỳ", BC_LK_TEXT);
	ASSERT_KIND("+12 điểm", BC_LK_TEXT);
}

/* ------------------------------------------------------------ footnote texts (§8.2) */

static void test_note_lines(void **state)
{
	(void)state;
	const bc_line *l = one("¹ Sau Hà Tĩnh 12,79%; Ninh Bình 11,44%");
	assert_int_equal(l->kind, BC_LK_NOTE);
	assert_int_equal(l->note_id, 1);
	assert_rest(l, "Sau Hà Tĩnh 12,79%; Ninh Bình 11,44%");
	l = one("²⁹ Số liệu ước tính");
	assert_int_equal(l->kind, BC_LK_NOTE);
	assert_int_equal(l->note_id, 29);
	assert_rest(l, "Số liệu ước tính");
	l = one("<sup>3</sup> Theo Quyết định số 12");
	assert_int_equal(l->kind, BC_LK_NOTE);
	assert_int_equal(l->note_id, 3);
	assert_rest(l, "Theo Quyết định số 12");
	l = one("[^4]: Kế hoạch chuyển đổi số");
	assert_int_equal(l->kind, BC_LK_NOTE);
	assert_int_equal(l->note_id, 4);
	assert_rest(l, "Kế hoạch chuyển đổi số");
	l = one("⁴ - Ngày bầu cử là ngày 15/3/2026");
	assert_int_equal(l->kind, BC_LK_NOTE);
	assert_int_equal(l->note_id, 4);
	/* a superscript not followed by a space is not a note text */
	ASSERT_KIND("¹Sau Hà Tĩnh", BC_LK_TEXT);
	ASSERT_KIND("[^4] thiếu dấu hai chấm", BC_LK_TEXT);
}

/* ------------------------------------------------------------ header roles (§5) */

static void test_number_lines(void **state)
{
	(void)state;
	ASSERT_KIND("Số: 03 /CT-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số: 12/BC-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số: /BC-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số:     /BC-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số: 31/UBND-VP", BC_LK_NUMBER);
	ASSERT_KIND("Số lượng hồ sơ tăng", BC_LK_TEXT);
	/* real spellings (§5.3): a final dot, NBSP, no space, runs of spaces, the number alone */
	ASSERT_KIND("Số: 145/BC-UBND.", BC_LK_NUMBER);
	ASSERT_KIND("Số:\xc2\xa0" "145/BC-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số:145/BC-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số:  779    /QĐ-UBND", BC_LK_NUMBER);
	ASSERT_KIND("Số:          /BNV-TCPCP", BC_LK_NUMBER);
	ASSERT_KIND("Số: 181", BC_LK_NUMBER);
}

static void test_number_and_dateline_one_line(void **state)
{
	(void)state;
	/* §5.3: the two columns' number and dateline on one line are two lines, the second at its column */
	split("Số: /STP-BTTP Lâm Đồng, ngày tháng 10 năm 2025\nSố: 58/KH-THPTCL2      Đồng Tháp, ngày 15 tháng 4 năm 2026");
	assert_int_equal(L.n, 4);
	assert_int_equal(L.v[0].kind, BC_LK_NUMBER);
	assert_core(&L.v[0], "Số: /STP-BTTP");
	assert_int_equal(L.v[1].kind, BC_LK_DATELINE);
	assert_core(&L.v[1], "Lâm Đồng, ngày tháng 10 năm 2025");
	assert_int_equal(L.v[1].no, 1);
	assert_int_equal(bc_line_pos(&L.v[1], L.v[1].core).col, 15);
	assert_int_equal(L.v[2].kind, BC_LK_NUMBER);
	assert_int_equal(L.v[3].kind, BC_LK_DATELINE);
	assert_int_equal(L.v[3].no, 2);
	assert_int_equal(count_diag(BC_W_GLUED_HEADINGS), 0);
	/* what follows the symbol is not a dateline: one line, no number line */
	ASSERT_KIND("Số: 2/9. /CT-CS Hà Nội ngày 09 thảng ?# năm 2026", BC_LK_TEXT);
}

static void test_number_upper_case(void **state)
{
	(void)state;
	/* §5.3: "Số is matched case-insensitively (SỐ:)".
	  */
	ASSERT_KIND("SỐ: 12/BC-UBND", BC_LK_NUMBER);
}

static void test_header_columns_side_by_side(void **state)
{
	(void)state;
	/* §5.1 rule 2: the two columns of the header flattened by a TAB or a run of spaces */
	split("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	      "XÃ AN THẮNG      Độc lập - Tự do - Hạnh phúc\n"
	      "Số: 31/UBND-VP\tAn Thắng, ngày 24 tháng 6 năm 2026");
	assert_int_equal(L.n, 6);
	static const bc_line_kind kinds[] = { BC_LK_TEXT, BC_LK_MOTTO, BC_LK_TEXT, BC_LK_SLOGAN, BC_LK_NUMBER, BC_LK_DATELINE };
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(L.v[i].kind, kinds[i]);
	assert_core(&L.v[0], "ỦY BAN NHÂN DÂN");
	assert_int_equal(bc_line_pos(&L.v[1], L.v[1].core).col, 17);
	assert_core(&L.v[2], "XÃ AN THẮNG");
	assert_int_equal(bc_line_pos(&L.v[3], L.v[3].core).col, 18);
	assert_int_equal(L.v[5].no, 3);
	/* OCR: one space or " _ " before the motto or the slogan */
	split("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ _ Độc lập - Tự do - Hạnh phúc");
	assert_int_equal(L.n, 4);
	assert_core(&L.v[0], "BỘ TÀI CHÍNH");
	assert_int_equal(L.v[1].kind, BC_LK_MOTTO);
	assert_core(&L.v[2], "SỞ NỘI VỤ");
	assert_int_equal(L.v[3].kind, BC_LK_SLOGAN);
	/* a number line with a run of spaces inside stays whole */
	split("Số:          /BNV-TCPCP");
	assert_int_equal(L.n, 1);
	assert_int_equal(L.v[0].kind, BC_LK_NUMBER);
	/* table rows in capitals are not header columns: no side is a number, motto, slogan or dateline */
	split("STT\tNỘI DUNG\tGHI CHÚ");
	assert_int_equal(L.n, 1);
	assert_int_equal(L.v[0].kind, BC_LK_TAB_ROW);
	split("1\tSố hộ nghèo\t120");
	assert_int_equal(L.n, 1);
	assert_int_equal(L.v[0].kind, BC_LK_TAB_ROW);
}

static void test_summary_draft_urgency(void **state)
{
	(void)state;
	ASSERT_KIND("V/v triển khai công tác phòng, chống thiên tai năm 2026", BC_LK_SUMMARY);
	ASSERT_KIND("(DỰ THẢO)", BC_LK_DRAFT);
	ASSERT_KIND("DỰ THẢO", BC_LK_DRAFT);
	ASSERT_KIND("**(DỰ THẢO)**", BC_LK_DRAFT);
	ASSERT_KIND("HỎA TỐC", BC_LK_URGENCY);
	ASSERT_KIND("HOẢ TỐC", BC_LK_URGENCY);
	ASSERT_KIND("HOÀ TỐC", BC_LK_URGENCY);
	ASSERT_KIND("THƯỢNG KHẨN", BC_LK_URGENCY);
	ASSERT_KIND("KHẨN", BC_LK_URGENCY);
	ASSERT_KIND("**KHẨN**", BC_LK_URGENCY);
	ASSERT_KIND("KHẨN TRƯƠNG THỰC HIỆN", BC_LK_TEXT);
}

static void test_draft_with_text(void **state)
{
	(void)state;
	/* §5.5: draft-line ::= "("? "DỰ THẢO" (WS+ text)? ")"?, case-insensitive: "(Dự thảo lần 2)".
	  */
	ASSERT_KIND("(Dự thảo lần 2)", BC_LK_DRAFT);
}

static void test_motto_slogan(void **state)
{
	(void)state;
	ASSERT_KIND("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BC_LK_MOTTO);
	ASSERT_KIND("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", BC_LK_MOTTO);
	ASSERT_KIND("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", BC_LK_MOTTO);
	ASSERT_KIND("Độc lập - Tự do - Hạnh phúc", BC_LK_SLOGAN);
	ASSERT_KIND("Độc lập – Tự do – Hạnh phúc", BC_LK_SLOGAN);
	ASSERT_KIND("Độc lập—Tự do—Hạnh phúc", BC_LK_SLOGAN);
	ASSERT_KIND("**Độc lập - Tự do - Hạnh phúc**", BC_LK_SLOGAN);
}

static void test_datelines(void **state)
{
	(void)state;
	ASSERT_KIND("Hải Phòng, ngày 20 tháng 01 năm 2025", BC_LK_DATELINE);
	ASSERT_KIND("An Thắng, ngày 05 tháng 7 năm 2026", BC_LK_DATELINE);
	ASSERT_KIND("*An Thắng, ngày 05 tháng 7 năm 2026*", BC_LK_DATELINE);
	ASSERT_KIND("Hải Phòng, ngày    tháng 6 năm 2026", BC_LK_DATELINE);
	ASSERT_KIND("Hải Phòng, ngày    tháng    năm 2026", BC_LK_DATELINE);
	ASSERT_KIND("Theo báo cáo ngày 20 tháng 01 năm 2025 của Sở", BC_LK_TEXT);
	/* §5.9: a date in figures, NBSP, a blank day */
	ASSERT_KIND("Lâm Đồng, ngày 05/11/2025", BC_LK_DATELINE);
	ASSERT_KIND("Hà Nội,\xc2\xa0ngày\xc2\xa0" "05 tháng 11 năm 2025", BC_LK_DATELINE);
	ASSERT_KIND("Lâm Đồng, ngày   tháng 10 năm 2025", BC_LK_DATELINE);
	/* without the comma after the place the line is a dateline only where the
	 * header reads it (test_parse): here, out of context, it is text */
	ASSERT_KIND("Tân Phú ngày 25 tháng 9 năm 2026", BC_LK_TEXT);
	ASSERT_KIND("Nguyễn Văn An ngày 05/11/2025.", BC_LK_TEXT);
	ASSERT_KIND("Hội nghị diễn ra ngày 25 tháng 9 năm 2026", BC_LK_TEXT);
}

static void test_dateline_dots(void **state)
{
	(void)state;
	/* §5.9: blank-mark ::= "."+ | "…"+ ("ngày ... tháng ... năm 2026").
	  */
	ASSERT_KIND("Hải Phòng, ngày ... tháng ... năm 2026", BC_LK_DATELINE);
	ASSERT_KIND("Hải Phòng, ngày … tháng 6 năm 2026", BC_LK_DATELINE);
}

static void test_doctypes(void **state)
{
	(void)state;
	const bc_line *l = one("BÁO CÁO");
	assert_int_equal(l->kind, BC_LK_DOCTYPE);
	assert_int_equal(l->doctype, BC_DOC_BAO_CAO);
	l = one("CHỈ THỊ");
	assert_int_equal(l->kind, BC_LK_DOCTYPE);
	assert_int_equal(l->doctype, BC_DOC_CHI_THI);
	l = one("**CHƯƠNG TRÌNH HÀNH ĐỘNG**");
	assert_int_equal(l->kind, BC_LK_DOCTYPE);
	assert_int_equal(l->doctype, BC_DOC_CHUONG_TRINH);
	assert_true(l->decorated);
	l = one("CHƯƠNG TRÌNH");
	assert_int_equal(l->doctype, BC_DOC_CHUONG_TRINH);
	l = one("KẾ HOẠCH");
	assert_int_equal(l->doctype, BC_DOC_KE_HOACH);
	l = one("QUYẾT ĐỊNH");
	assert_int_equal(l->doctype, BC_DOC_QUYET_DINH);
	l = one("NGHỊ QUYẾT");
	assert_int_equal(l->doctype, BC_DOC_NGHI_QUYET);
	l = one("THÔNG BÁO");
	assert_int_equal(l->doctype, BC_DOC_THONG_BAO);
	l = one("TỜ TRÌNH");
	assert_int_equal(l->doctype, BC_DOC_TO_TRINH);
	l = one("HƯỚNG DẪN");
	assert_int_equal(l->doctype, BC_DOC_HUONG_DAN);
	l = one("ĐỀ ÁN");
	assert_int_equal(l->doctype, BC_DOC_DE_AN);
	l = one("BIÊN BẢN");
	assert_int_equal(l->doctype, BC_DOC_BIEN_BAN);
	ASSERT_KIND("Báo cáo", BC_LK_TEXT);
	ASSERT_KIND("BÁO CÁO KẾT QUẢ THỰC HIỆN", BC_LK_TEXT);
}

static void test_doctype_spaces_collapsed(void **state)
{
	(void)state;
	/* §5.10: "The bare text of the type line is exactly one of the names (spaces collapsed)".
	  */
	const bc_line *l = one("BÁO  CÁO");
	assert_int_equal(l->kind, BC_LK_DOCTYPE);
	assert_int_equal(l->doctype, BC_DOC_BAO_CAO);
}

static void test_addressee_closing_lines(void **state)
{
	(void)state;
	ASSERT_KIND("Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.", BC_LK_ADDRESSEE);
	ASSERT_KIND("Kính gửi:", BC_LK_ADDRESSEE);
	ASSERT_KIND("Nơi nhận:", BC_LK_RECIPIENTS);
	ASSERT_KIND("***Nơi nhận:***", BC_LK_RECIPIENTS);
	ASSERT_KIND("#### Nơi nhận:", BC_LK_RECIPIENTS);
	ASSERT_KIND("TM. ỦY BAN NHÂN DÂN", BC_LK_AUTHORITY);
	ASSERT_KIND("KT. CHỦ TỊCH", BC_LK_AUTHORITY);
	ASSERT_KIND("T/M BAN THƯỜNG VỤ", BC_LK_AUTHORITY);
	ASSERT_KIND("TL. CHỦ TỊCH", BC_LK_AUTHORITY);
	ASSERT_KIND("**TM. ỦY BAN NHÂN DÂN**", BC_LK_AUTHORITY);
	/* a sentence that starts with "TM" is not an authority line */
	ASSERT_KIND("TM. Ủy ban nhân dân đã chỉ đạo", BC_LK_TEXT);
}

static void test_appendix_attach_unit(void **state)
{
	(void)state;
	const bc_line *l = one("PHỤ LỤC I");
	assert_int_equal(l->kind, BC_LK_APPENDIX);
	ASSERT_KIND("Phụ lục II", BC_LK_APPENDIX);
	ASSERT_KIND("PHỤ LỤC", BC_LK_APPENDIX);
	ASSERT_KIND("Phụ lục số 2", BC_LK_APPENDIX);
	l = one("**PHỤ LỤC**  ");
	assert_int_equal(l->kind, BC_LK_APPENDIX);
	assert_true(l->decorated);
	assert_core(l, "PHỤ LỤC");
	l = one("<b>PHỤ LỤC</b>");
	assert_int_equal(l->kind, BC_LK_APPENDIX);
	assert_true(l->decorated);
	ASSERT_KIND("(Chi tiết theo Phụ lục I gửi kèm theo).", BC_LK_TEXT);
	ASSERT_KIND("Phụ lục này gồm ba bảng", BC_LK_TEXT);
	ASSERT_KIND("(Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân)", BC_LK_ATTACH);
	ASSERT_KIND("*(Kèm theo Báo cáo số 12/BC-UBND ngày 05/7/2026 của Ủy ban nhân dân xã An Thắng)*", BC_LK_ATTACH);
	ASSERT_KIND("Đơn vị tính: %", BC_LK_UNIT);
	ASSERT_KIND("Đơn vị tính: triệu đồng", BC_LK_UNIT);
}

static void test_unit_variants(void **state)
{
	(void)state;
	/* §9.6: unit-line ::= "("? ("Đơn vị tính" | "ĐVT") WS* ":" WS* text ")"?
	  */
	ASSERT_KIND("(Đơn vị tính: triệu đồng)", BC_LK_UNIT);
	ASSERT_KIND("ĐVT: tỷ đồng", BC_LK_UNIT);
}

/* ------------------------------------------------------------ rules and tables */

static void test_rules(void **state)
{
	(void)state;
	ASSERT_KIND("x\n-----", BC_LK_TEXT);
	split("x\n-----\n___\n=====\n---\n   -------   ");
	assert_int_equal(L.n, 6);
	for (size_t i = 1; i < 6; i++)
		assert_int_equal(L.v[i].kind, BC_LK_RULE);
	/* "---" as the very first line is the metadata fence, elsewhere a rule */
	ASSERT_KIND("---", BC_LK_META_FENCE);
	ASSERT_KIND("--", BC_LK_TEXT);
	ASSERT_KIND("--- x", BC_LK_TEXT);
}

static void test_rule_stars_and_dashes(void **state)
{
	(void)state;
	/* §7.4: three or more asterisks, two or more em dashes, three or more en dashes.
	  */
	split("x\n*****\n***\n——\n–––");
	assert_int_equal(L.n, 5);
	for (size_t i = 1; i < L.n; i++)
		if (L.v[i].kind != BC_LK_RULE)
			fail_msg("line %zu \"%.*s\": kind %s, expected rule", i + 1, (int)L.v[i].len, L.v[i].s,
			         bc_line_kind_name(L.v[i].kind));
}

static void test_table_rows(void **state)
{
	(void)state;
	ASSERT_KIND("TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch", BC_LK_TAB_ROW);
	ASSERT_KIND("\t\t\t\tThực hiện\tTỷ lệ (%)", BC_LK_TAB_ROW);
	/* a tab row wins over a label (§6.1: "a TAB on the raw line makes the line a table row") */
	ASSERT_KIND("1.\tSở Tư pháp\t07", BC_LK_TAB_ROW);
	ASSERT_KIND("| TT | Nội dung | Thời hạn |", BC_LK_PIPE_ROW);
	ASSERT_KIND("| 1  | Số hóa hồ sơ hộ tịch   | 6/2026   |", BC_LK_PIPE_ROW);
	ASSERT_KIND("|:--:|------------------------|:--------:|", BC_LK_PIPE_RULE);
	ASSERT_KIND("|---|:--:|---:|", BC_LK_PIPE_RULE);
	ASSERT_KIND("| --- | --- |", BC_LK_PIPE_RULE);
	/* a lone pipe in a sentence is text */
	ASSERT_KIND("Tỷ lệ a | b trong câu", BC_LK_TEXT);
	ASSERT_KIND("", BC_LK_BLANK);
	ASSERT_KIND("    ", BC_LK_BLANK);
}

/* ------------------------------------------------------------ decoration (§3.2) */

static void test_decoration_removed(void **state)
{
	(void)state;
	const bc_line *l = one("# I. MỤC ĐÍCH");
	assert_true(l->decorated);
	assert_core(l, "I. MỤC ĐÍCH");
	l = one("###### 1.1. Sáu dấu thăng");
	assert_true(l->decorated);
	assert_core(l, "1.1. Sáu dấu thăng");
	l = one("**I. MỤC ĐÍCH, YÊU CẦU**");
	assert_true(l->decorated);
	assert_core(l, "I. MỤC ĐÍCH, YÊU CẦU");
	l = one("***4. Đổi mới***");
	assert_true(l->decorated);
	assert_core(l, "4. Đổi mới");
	l = one("<b>PHỤ LỤC II</b>");
	assert_true(l->decorated);
	assert_core(l, "PHỤ LỤC II");
	l = one("### **III. NHIỆM VỤ, GIẢI PHÁP**");
	assert_true(l->decorated);
	assert_core(l, "III. NHIỆM VỤ, GIẢI PHÁP");
	/* "#" without a following space, or not at the start, is text */
	l = one("#hashtag không phải đề mục");
	assert_false(l->decorated);
	assert_core(l, "#hashtag không phải đề mục");
	l = one("Số # không phải đề mục");
	assert_false(l->decorated);
	/* two bold runs on one line are not a whole-line wrap */
	l = one("**a** và **b**");
	assert_core(l, "**a** và **b**");
	l = one("Văn bản thường");
	assert_false(l->decorated);
	assert_core(l, "Văn bản thường");
}

static void test_bold_across_lines(void **state)
{
	(void)state;
	split("**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**");
	assert_int_equal(L.n, 2);
	assert_core(&L.v[0], "TM. ỦY BAN NHÂN DÂN");
	assert_int_equal(L.v[0].kind, BC_LK_AUTHORITY);
	assert_true(L.v[0].decorated);
	assert_core(&L.v[1], "CHỦ TỊCH");
	assert_true(L.v[1].decorated);
	assert_true(L.v[1].upper);
	split("**Tình hình phát triển kinh tế - xã hội,\nmột số nhiệm vụ trọng tâm năm 2026**");
	assert_core(&L.v[0], "Tình hình phát triển kinh tế - xã hội,");
	assert_core(&L.v[1], "một số nhiệm vụ trọng tâm năm 2026");
}

static void test_hard_break_and_upper(void **state)
{
	(void)state;
	assert_true(one("Dòng một  ")->hard_break);
	assert_true(one("Dòng một     ")->hard_break);
	assert_false(one("Dòng một ")->hard_break);
	assert_false(one("Dòng một")->hard_break);
	assert_core(one("  Dòng một  "), "Dòng một");
	assert_true(one("ỦY BAN NHÂN DÂN")->upper);
	assert_true(one("PHỤ LỤC II")->upper);
	assert_true(one("NĂM 2026")->upper);
	assert_true(one("ĐẢNG ỦY XÃ")->upper);
	assert_false(one("A")->upper);
	assert_false(one("2026")->upper);
	assert_false(one("Ủy ban nhân dân")->upper);
	assert_false(one("UBND xã An Thắng")->upper);
}

/* ------------------------------------------------------------ glued headings (§6.3) */

static void test_glued_headings(void **state)
{
	(void)state;
	/* "**I. MỤC ĐÍCH, YÊU CẦU**" is 24 characters: the second heading starts at column 25 */
	split("**I. MỤC ĐÍCH, YÊU CẦU****1. Mục đích**\nNâng cao chất lượng.");
	assert_int_equal(L.n, 3);
	assert_int_equal(L.v[0].no, 1);
	assert_int_equal(L.v[1].no, 1);
	assert_int_equal(L.v[2].no, 2);
	assert_label(&L.v[0], BC_LABEL_ROMAN, "I", "MỤC ĐÍCH, YÊU CẦU");
	assert_true(L.v[0].decorated);
	assert_label(&L.v[1], BC_LABEL_ARABIC, "1", "Mục đích");
	assert_true(L.v[1].decorated);
	assert_int_equal(L.v[0].col0, 1);
	assert_int_equal(L.v[1].col0, 25);
	assert_int_equal(count_diag(BC_W_GLUED_HEADINGS), 1);
	for (size_t i = 0; i < D.n; i++)
		if (D.v[i].code == BC_W_GLUED_HEADINGS) {
			assert_int_equal(D.v[i].pos.line, 1);
			assert_int_equal(D.v[i].pos.col, 25);
		}
	/* the position of the label of the second part, in code points */
	bc_pos p = bc_line_pos(&L.v[1], L.v[1].label);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.col, 27);
	assert_int_equal(L.v[2].kind, BC_LK_TEXT);
}

static void test_glued_not_split(void **state)
{
	(void)state;
	/* one bold run, or bold runs without labels, are not glued headings */
	split("**I. MỤC ĐÍCH**");
	assert_int_equal(L.n, 1);
	split("**Chú ý****quan trọng**");
	assert_int_equal(L.n, 1);
	assert_int_equal(count_diag(BC_W_GLUED_HEADINGS), 0);
}

static void test_glued_three(void **state)
{
	(void)state;
	/* §6.3: ("**" labelled-text "**"){2,} — three runs are three headings.
	  */
	split("**I. MỤC ĐÍCH****1. Mục đích****a) Về kinh tế**");
	assert_int_equal(L.n, 3);
	assert_label(&L.v[0], BC_LABEL_ROMAN, "I", "MỤC ĐÍCH");
	assert_label(&L.v[1], BC_LABEL_ARABIC, "1", "Mục đích");
	assert_label(&L.v[2], BC_LABEL_LETTER, "a", "Về kinh tế");
	assert_int_equal(L.v[1].col0, 16);
	assert_int_equal(L.v[2].col0, 31);
}

static void test_glued_after_md_heading(void **state)
{
	(void)state;
	/* §6.3: glued-headings ::= md-heading? ("**" labelled-text "**"){2,}
	  */
	split("## **I. MỤC ĐÍCH****1. Mục đích**");
	assert_int_equal(L.n, 2);
	assert_label(&L.v[0], BC_LABEL_ROMAN, "I", "MỤC ĐÍCH");
	assert_label(&L.v[1], BC_LABEL_ARABIC, "1", "Mục đích");
	assert_int_equal(count_diag(BC_W_GLUED_HEADINGS), 1);
}

/* ------------------------------------------------------------ columns and counts */

static void test_columns_in_code_points(void **state)
{
	(void)state;
	const char *s = "Đường giao thông ¹ x";
	const bc_line *l = one(s);
	const char *x = strchr(s, 'x');
	/* "Đường giao thông ¹ " is 19 characters: x is at column 20 */
	assert_int_equal(bc_line_col(l, (size_t)(x - s)), 20);
	assert_int_equal(l->nchars, 20);
	l = one("  (1) Ước thực hiện");
	assert_label(l, BC_LABEL_PAREN, "1", "Ước thực hiện");
	assert_int_equal(bc_line_col(l, l->label), 4);
	assert_int_equal(bc_line_col(l, l->rest), 7);
	assert_int_equal(l->nchars, strlen("(1) ") + 13);
	/* two-line input: the second line starts again at column 1 */
	split("Ủy ban\nĐơn vị tính: %");
	assert_int_equal(L.n, 2);
	assert_int_equal(L.v[1].no, 2);
	bc_pos p = bc_line_pos(&L.v[1], L.v[1].core + strlen("Đơn vị tính"));
	assert_int_equal(p.line, 2);
	assert_int_equal(p.col, 12);
}

static void test_line_numbers_and_ends(void **state)
{
	(void)state;
	split("a\n\nb\n");
	assert_int_equal(L.n, 3);
	assert_int_equal(L.v[0].no, 1);
	assert_int_equal(L.v[1].kind, BC_LK_BLANK);
	assert_int_equal(L.v[2].no, 3);
	split("a\nb");
	assert_int_equal(L.n, 2);
	split("");
	assert_true(L.n <= 1);
	for (size_t i = 0; i < L.n; i++)
		assert_int_equal(L.v[i].kind, BC_LK_BLANK);
}

static void test_note_mark_function(void **state)
{
	(void)state;
	size_t len = 0;
	assert_int_equal(bc_note_mark("¹²", strlen("¹²"), &len), 12);
	assert_int_equal(len, strlen("¹²"));
	assert_int_equal(bc_note_mark("<sup>7</sup> x", 14, &len), 7);
	assert_int_equal(len, 12);
	assert_int_equal(bc_note_mark("x¹", strlen("x¹"), &len), -1);
	assert_int_equal(bc_note_mark("<sup>a</sup>", 12, &len), -1);
}

/* ------------------------------------------------------------ a decision's body (§6.5) */

/* Chapter lines an OCR of a scan garbled, read when the sequence makes the
 * number certain and a title in capitals follows; out of sequence, in the
 * middle of a sentence or with a title in small letters they stay text. */
static void test_chapter_ocr(void **state)
{
	(void)state;
	split(":       Chương I\n"
	      "QUY ĐỊNH CHUNG\n"
	      "Điều 1. Phạm vi\n"
	      "-             ChươngH   :\n"
	      "LE TANG DOI vởi QUÂN NHÂN\n"
	      "Điều 2. Đối tượng\n"
	      "Chương IỊI\n"
	      "TỔ CHỨC THỰC HIỆN\n"
	      "Chương VỊ\n"
	      "ĐIỀU KHOẢN THI HÀNH\n"
	      "Chương ỊV\n"
	      "quy định chung\n");
	bc_lines_mark_decision(&L, 0);
	static const struct { size_t line; const char *label; int value; } want[] = {
		{ 0, "I", 0 }, { 3, "H", 2 }, { 6, "IỊI", 3 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const bc_line *l = &L.v[want[i].line];
		assert_int_equal(l->kind, BC_LK_CHAPTER);
		assert_int_equal(l->label_kind, BC_LABEL_CHAPTER);
		assert_int_equal(l->label_len, strlen(want[i].label));
		assert_memory_equal(l->s + l->label, want[i].label, l->label_len);
		assert_int_equal(l->label_value, want[i].value);
	}
	/* the stray mark is no part of the line's text; the title under OCR's slips is */
	assert_core(&L.v[0], "Chương I");
	assert_true(L.v[4].ocr_caps);
	/* "VỊ" after III is not IV: unsure, text; IV's title in small letters: text */
	assert_int_equal(L.v[8].kind, BC_LK_TEXT);
	assert_int_equal(L.v[10].kind, BC_LK_TEXT);
}

static void test_roman_format(void **state)
{
	(void)state;
	char r[16];
	assert_int_equal(bc_roman_format(7, r, sizeof r), 3);
	assert_string_equal(r, "VII");
	assert_int_equal(bc_roman_format(1994, r, sizeof r), 7);
	assert_string_equal(r, "MCMXCIV");
	assert_int_equal(bc_roman_format(0, r, sizeof r), 0);
	assert_int_equal(bc_roman_format(3888, r, 4), 0);   /* MMMDCCCLXXXVIII does not fit */
}

static void test_decision_body(void **state)
{
	(void)state;
	split("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n"
	      "\n"
	      "Căn cứ Luật Tổ chức chính quyền địa phương\n"
	      "ngày 16 tháng 6 năm 2025;\n"
	      "Sau khi nghe báo cáo.\n"
	      "QUYẾT ĐỊNH:\n"
	      "**Điều 1.** Nhiệm vụ của Ban Chỉ đạo\n"
	      "1. Chỉ đạo, điều phối:\n"
	      "a) Xây dựng kế hoạch;\n"
	      "- các cơ quan;\n"
	      "Ủy ban nhân dân xã thực hiện nhiệm vụ theo đúng quy định tại khoản 2,\n"
	      "Điều 5. Luật Tổ chức chính quyền địa phương năm 2025 và các văn bản khác.\n"
	      "Điều 5 của Luật\n"
	      "Nơi nhận:\n"
	      "1. Sau nơi nhận");
	/* alone, "Điều 1." is text like any other line, and "1." a label */
	assert_int_equal(L.v[6].kind, BC_LK_TEXT);
	assert_int_equal(L.v[7].kind, BC_LK_LABEL);
	bc_lines_mark_decision(&L, 0);
	static const bc_line_kind want[] = {
		BC_LK_COMPETENCE, BC_LK_BLANK, BC_LK_BASIS, BC_LK_BASIS_CONT, BC_LK_BASIS, BC_LK_ENACTING,
		BC_LK_ARTICLE, BC_LK_CLAUSE, BC_LK_POINT, BC_LK_BULLET, BC_LK_TEXT, BC_LK_TEXT, BC_LK_TEXT,
		BC_LK_RECIPIENTS, BC_LK_LABEL,
	};
	assert_int_equal(L.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < L.n; i++)
		if (L.v[i].kind != want[i])
			fail_msg("line %zu \"%.*s\": kind %s, expected %s", i + 1, (int)L.v[i].len, L.v[i].s,
			         bc_line_kind_name(L.v[i].kind), bc_line_kind_name(want[i]));
	/* the article's label, and what the line is on its own */
	const bc_line *a = &L.v[6];
	assert_int_equal(a->label_kind, BC_LABEL_ARTICLE);
	assert_int_equal(a->label_len, 1);
	assert_memory_equal(a->s + a->label, "1", 1);
	assert_int_equal(a->len - a->rest, strlen("Nhiệm vụ của Ban Chỉ đạo"));
	assert_memory_equal(a->s + a->rest, "Nhiệm vụ của Ban Chỉ đạo", a->len - a->rest);
	assert_int_equal(a->base, BC_LK_TEXT);
	assert_int_equal(L.v[7].base, BC_LK_LABEL);
	assert_int_equal(L.v[7].label_kind, BC_LABEL_ARABIC);
}

/* without an enacting line the preamble ends at the first line that is no basis */
static void test_decision_without_enacting(void **state)
{
	(void)state;
	split("Căn cứ Luật A;\n"
	      "Một đoạn văn.\n"
	      "Điều 1. Phạm vi điều chỉnh");
	bc_lines_mark_decision(&L, 0);
	assert_int_equal(L.v[0].kind, BC_LK_BASIS);
	assert_int_equal(L.v[1].kind, BC_LK_TEXT);
	assert_int_equal(L.v[2].kind, BC_LK_ARTICLE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_label_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_label_inside_decoration, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dash_and_slash_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_four_part_not_label, setup, teardown),
		cmocka_unit_test_setup_teardown(test_label_nbsp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bullets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_upper_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_and_dateline_one_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_columns_side_by_side, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_draft_urgency, setup, teardown),
		cmocka_unit_test_setup_teardown(test_draft_with_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_motto_slogan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_datelines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dateline_dots, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doctypes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doctype_spaces_collapsed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_addressee_closing_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_appendix_attach_unit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_variants, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_stars_and_dashes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decoration_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bold_across_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hard_break_and_upper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_headings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_not_split, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_three, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glued_after_md_heading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_columns_in_code_points, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_numbers_and_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_mark_function, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_body, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chapter_ocr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roman_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_without_enacting, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
