/* test_check.c — the rules of baocao check: each fires on the defect it names and stays quiet on correct text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../compiler/check/check.h"
#include "../../compiler/diag/diag.h"
#include "../../compiler/lex/patterns.h"
#include "../../compiler/parse/parse.h"
#include "../../compiler/util/utf8.h"

/* A header and closing with every required component, so a test sees only what it adds. */
#define HEAD \
	"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 12/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
	"Độc lập - Tự do - Hạnh phúc\n\nAn Thắng, ngày 05 tháng 3 năm 2026\n\nBÁO CÁO\n\n" \
	"Tình hình kinh tế - xã hội quý I năm 2026\n\n"
#define TAIL \
	"\nTrên đây là báo cáo của Ủy ban nhân dân xã./.\n\nNơi nhận:\n- Ủy ban nhân dân thành phố;\n- Lưu: VT.\n\n" \
	"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n"

/* How many times `code` is reported for `src`. */
static int count(const char *src, bc_diag_code code)
{
	bc_diags d;
	bc_diags_init(&d);
	bc_document *doc = bc_parse("t.txt", src, strlen(src), &d);
	bc_check(doc, &d);
	int n = 0;
	for (size_t i = 0; i < d.n; i++)
		n += d.v[i].code == code;
	if (getenv("TEST_CHECK_SHOW")) {
		bc_diags_sort(&d);
		bc_diags_print(stderr, &d, "t.txt", BC_LEVEL_NOTE, BC_LANG_EN, 0);
	}
	bc_document_free(doc);
	bc_diags_free(&d);
	return n;
}

static int body(const char *text, bc_diag_code code)
{
	size_t n = strlen(HEAD) + strlen(text) + strlen(TAIL) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s", HEAD, text, TAIL);
	int c = count(s, code);
	free(s);
	return c;
}

/* ------------------------------------------------------------ the frame */

static void clean_frame(void **state)
{
	(void)state;
	bc_diags d;
	bc_diags_init(&d);
	const char *s = HEAD "I. KẾT QUẢ\n\n1. Kinh tế\n\nSản xuất tăng 5,2% so với cùng kỳ.\n\n2. Xã hội\n\nỔn định.\n" TAIL;
	bc_document *doc = bc_parse("t.txt", s, strlen(s), &d);
	bc_check(doc, &d);
	if (d.n) {
		bc_diags_sort(&d);
		bc_diags_print(stderr, &d, "t.txt", BC_LEVEL_NOTE, BC_LANG_EN, 0);
	}
	assert_int_equal(d.n, 0);
	bc_document_free(doc);
	bc_diags_free(&d);
}

/* ------------------------------------------------------------ numbering */

static void numbering(void **state)
{
	(void)state;
	assert_int_equal(body("I. A\n\nII. B\n\nIV. C\n", BC_W_NUM_GAP), 1);
	assert_int_equal(body("I. A\n\nII. B\n\nIII. C\n", BC_W_NUM_GAP), 0);
	assert_int_equal(body("I. A\n\n1. X\n\n2. Y\n\n2. Z\n", BC_W_NUM_REPEAT), 1);
	assert_int_equal(body("I. A\n\n1. X\n\n3. Y\n\n2. Z\n", BC_W_NUM_ORDER), 1);
	assert_int_equal(body("I. A\n\n2. X\n", BC_W_NUM_START), 1);
	assert_int_equal(body("I. A\n\n1. X\n\n1.1. P\n\n1.2. Q\n\n2. Y\n\n2.1. R\n", BC_W_NUM_START) +
	                 body("I. A\n\n1. X\n\n1.1. P\n\n1.2. Q\n\n2. Y\n\n2.1. R\n", BC_W_NUM_GAP), 0);
	/* letters follow the Vietnamese alphabet: đ after d, no f */
	assert_int_equal(body("1. X\n\na) một.\n\nb) hai.\n\nc) ba.\n\nd) bốn.\n\ne) năm.\n", BC_W_NUM_GAP), 1);
	assert_int_equal(body("1. X\n\na) một.\n\nb) hai.\n\nc) ba.\n\nd) bốn.\n\nđ) năm.\n\ne) sáu.\n\ng) bảy.\n", BC_W_NUM_GAP), 0);
	/* (1), (2): numbered paragraphs count too */
	assert_int_equal(body("1. X\n\n(1) một.\n\n(2) hai.\n\n(4) bốn.\n", BC_W_NUM_GAP), 1);
	assert_int_equal(body("1. X\n\n(1) một.\n\n(2) hai.\n\n(3) ba.\n", BC_W_NUM_GAP), 0);
	/* minor labels restart under a new higher label */
	assert_int_equal(body("1. X\n\na) một.\n\n(1) p.\n\n(2) q.\n\nb) hai.\n\n(1) r.\n", BC_W_NUM_ORDER), 0);
}

static void numbering_parent(void **state)
{
	(void)state;
	assert_int_equal(body("I. A\n\n2. X\n\n2.1. P\n\n2.2.2. Q\n", BC_W_NUM_PARENT), 1);
	assert_int_equal(body("I. A\n\n1. X\n\n1.1. P\n\n2.2. Q\n", BC_W_NUM_PARENT), 1);
	assert_int_equal(body("I. A\n\n1. X\n\n1.1. P\n\n1.1.1. Q\n\n1.1.2. R\n", BC_W_NUM_PARENT), 0);
}

static void numbering_tables(void **state)
{
	(void)state;
	const char *gap = "STT\tTên\tSố lượng\n1\tMột\t5\n2\tHai\t6\n4\tBốn\t7\n";
	const char *ok = "STT\tTên\tSố lượng\nI\tNhóm một\t\n1\tMột\t5\n2\tHai\t6\nII\tNhóm hai\t\n1\tBa\t7\n2\tBốn\t8\n";
	assert_int_equal(body(gap, BC_W_NUM_GAP), 1);
	assert_int_equal(body(ok, BC_W_NUM_GAP) + body(ok, BC_W_NUM_ORDER) + body(ok, BC_W_NUM_REPEAT), 0);
}

/* ------------------------------------------------------------ notes */

static void notes(void **state)
{
	(void)state;
	assert_int_equal(body("Văn bản[^1] và [^2].\n\n[^1]: Chú thích một.\n", BC_W_NOTE_UNDEFINED), 1);
	assert_int_equal(body("Văn bản[^1].\n\n[^1]: Một.\n\n[^2]: Hai.\n", BC_W_NOTE_UNREF), 1);
	assert_int_equal(body("Văn bản[^1] và [^2].\n\n[^1]: Một.\n\n[^2]: Hai.\n", BC_W_NOTE_UNREF), 0);
	assert_int_equal(body("Văn bản[^2] và [^1].\n\n[^1]: Một.\n\n[^2]: Hai.\n", BC_W_NOTE_ORDER), 1);
	assert_int_equal(body("Văn bản[^1] và [^2].\n\n[^1]: Một.\n\n[^2]: Hai.\n", BC_W_NOTE_ORDER), 0);
	assert_int_equal(body("Văn bản[^1] và [^1].\n\n[^1]: Một.\n", BC_W_NOTE_DUP), 1);
	assert_int_equal(body("Văn bản[^1].\n\n[^1]: Một.\n", BC_W_NOTE_DUP), 0);
}

/* ------------------------------------------------------------ tables */

static void tables(void **state)
{
	(void)state;
	const char *counted = "STT\tNhiệm vụ\tThời hạn\n1\tSở Tư pháp (02 nhiệm vụ)\t\n1.1\tMột\tQuý I\n1.2\tHai\tQuý II\n";
	const char *miscounted = "STT\tNhiệm vụ\tThời hạn\n1\tSở Tư pháp (03 nhiệm vụ)\t\n1.1\tMột\tQuý I\n1.2\tHai\tQuý II\n";
	assert_int_equal(body(counted, BC_W_GROUP_COUNT), 0);
	assert_int_equal(body(miscounted, BC_W_GROUP_COUNT), 1);
	const char *total = "STT\tDự án\tVốn\n\tTổng số (3 dự án)\t\n1\tA\t5\n2\tB\t6\n";
	assert_int_equal(body(total, BC_W_GROUP_COUNT), 1);
	const char *wide = "| TT | Tên | Vốn | Năm | Số |\n|---|---|---|---|---|\n| 1 | A | 5 | 2026 | 3 |\n| 2 | B | 6 | 2027 |\n";
	const char *even = "| TT | Tên | Vốn | Năm |\n|---|---|---|---|\n| 1 | A | 5 | 2026 |\n| 2 | B | 6 | 2027 |\n";
	assert_int_equal(body(wide, BC_W_ROW_CELLS), 1);
	assert_int_equal(body(even, BC_W_ROW_CELLS), 0);
	/* the cells the row's line wrote, not the builder's padding: a numbered row of figures one short;
	 * empty fields at a line's end are padding, more of them than columns no cell */
	assert_int_equal(body("STT\tTên\tVốn\tNăm\tSố\n1\tA\t5\t2026\t3\n2\t5\t6\t2027\n", BC_W_ROW_CELLS), 1);
	assert_int_equal(body("STT\tTên\tVốn\tNăm\n1\tA\t5\t2026\t\t\n2\tB\t6\t2027\n", BC_W_ROW_CELLS), 0);
	const char *shifted = "| TT | Tên | Vốn | Dân số | Diện tích |\n|---|---|---|---|---|\n"
	                      "| 1 | A | 5 | 120 | 30 |\n| 2 | B | 6 | 130 | 31 |\n| 3 | C | 7 | 140 | 32 |\n"
	                      "| 4 | D | 8 | 150 | 33 |\n| 5 | | E | 9 | 160 |\n";
	assert_int_equal(body(shifted, BC_W_ROW_SHIFTED), 1);
	assert_int_equal(body(even, BC_W_ROW_SHIFTED), 0);
}

/* ------------------------------------------------------------ header and closing */

static void header(void **state)
{
	(void)state;
	const char *bare = "BÁO CÁO\n\nTình hình\n\nNội dung./.\n";
	assert_int_equal(count(bare, BC_W_NO_ISSUER), 1);
	assert_int_equal(count(bare, BC_W_NO_NUMBER), 1);
	assert_int_equal(count(bare, BC_W_NO_DATELINE), 1);
	assert_int_equal(count(bare, BC_W_NO_SIGNER), 1);
	assert_int_equal(count(bare, BC_W_NO_RECIPIENTS), 1);
	assert_int_equal(count("ỦY BAN NHÂN DÂN\n\nSố: 1/BC-UBND\n\nNội dung./.\n", BC_W_NO_DOCTYPE), 1);
	assert_int_equal(body("Nội dung.\n", BC_W_NO_ISSUER) + body("Nội dung.\n", BC_W_NO_SIGNER) +
	                 body("Nội dung.\n", BC_W_NO_DOCTYPE) + body("Nội dung.\n", BC_W_NO_TITLE), 0);
}

static void header_fields(void **state)
{
	(void)state;
	const char *blank = "ỦY BAN NHÂN DÂN\n\nSố: /BC-UBND\n\nHà Nội, ngày tháng 3 năm 2026\n\nBÁO CÁO\n\nVề việc\n\nNội dung./.\n";
	assert_int_equal(count(blank, BC_W_BLANK_NUMBER), 1);
	assert_int_equal(count(blank, BC_W_BLANK_DAY), 1);
	const char *draft = "ỦY BAN NHÂN DÂN\n\nSố: /BC-UBND\n\n(DỰ THẢO)\n\nHà Nội, ngày tháng 3 năm 2026\n\nBÁO CÁO\n\nVề việc\n\nNội dung./.\n";
	assert_int_equal(count(draft, BC_W_BLANK_NUMBER) + count(draft, BC_W_BLANK_DAY), 0);
	const char *wrong = "ỦY BAN NHÂN DÂN\n\nSố: 03/CT-UBND\n\nHà Nội, ngày 31 tháng 02 năm 2026\n\nBÁO CÁO\n\nVề việc\n\nNội dung./.\n";
	assert_int_equal(count(wrong, BC_W_NUMBER_TYPE), 1);
	assert_int_equal(count(wrong, BC_W_DATE_INVALID), 1);   /* the header rule's: the dateline's DATE is not reported twice */
	assert_int_equal(body("Nội dung.\n", BC_W_NUMBER_TYPE) + body("Nội dung.\n", BC_W_DATE_INVALID) +
	                 body("Nội dung.\n", BC_W_NUMBER_SHAPE), 0);
	const char *nozero = "ỦY BAN NHÂN DÂN\n\nSố: 03/BC-UBND\n\nHà Nội, ngày 5 tháng 2 năm 2026\n\nBÁO CÁO\n\nVề việc\n\nNội dung./.\n";
	assert_int_equal(count(nozero, BC_W_DATE_ZERO), 2);
	assert_int_equal(body("Nội dung.\n", BC_W_DATE_ZERO), 0);
	const char *dispatch = "ỦY BAN NHÂN DÂN\n\nSố: 31/BC-UBND\nV/v phòng chống lụt bão\n\nHà Nội, ngày 05 tháng 3 năm 2026\n\nNội dung./.\n";
	const char *dispatch_ok = "ỦY BAN NHÂN DÂN\n\nSố: 31/UBND-VP\nV/v phòng chống lụt bão\n\nHà Nội, ngày 05 tháng 3 năm 2026\n\nNội dung./.\n";
	assert_int_equal(count(dispatch, BC_W_NUMBER_TYPE), 1);
	assert_int_equal(count(dispatch_ok, BC_W_NUMBER_TYPE), 0);
	assert_int_equal(count("ỦY BAN NHÂN DÂN\n\nSố: 31/BC-\n\nBÁO CÁO\n\nVề việc\n\nNội dung./.\n", BC_W_NUMBER_SHAPE), 1);
}

/* ------------------------------------------------------------ cross-references */

#define APPX(label, attach) "\nPHỤ LỤC " label "\nDANH MỤC\n" attach "\n\nNội dung phụ lục.\n"

static void references(void **state)
{
	(void)state;
	char s[4096];
	snprintf(s, sizeof s, "%s%s%s%s%s", HEAD, "Chi tiết tại Phụ lục I và Phụ lục II.\n", TAIL,
	         APPX("I", "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/3/2026 của Ủy ban nhân dân xã)"),
	         APPX("II", "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/3/2026 của Ủy ban nhân dân xã)"));
	assert_int_equal(count(s, BC_W_ATTACH_MISMATCH) + count(s, BC_W_ATTACH_DIFFERS) + count(s, BC_W_APPX_MISSING) +
	                 count(s, BC_W_APPX_UNMENTIONED), 0);
	snprintf(s, sizeof s, "%s%s%s%s%s", HEAD, "Chi tiết tại Phụ lục I và Phụ lục III.\n", TAIL,
	         APPX("I", "(Kèm theo Báo cáo số 13/BC-UBND ngày 05/3/2026 của Ủy ban nhân dân xã)"),
	         APPX("II", "(Kèm theo Báo cáo số 12/BC-UBND ngày 06/3/2026 của Ủy ban nhân dân xã)"));
	assert_int_equal(count(s, BC_W_ATTACH_MISMATCH), 2);
	assert_int_equal(count(s, BC_W_ATTACH_DIFFERS), 1);
	assert_int_equal(count(s, BC_W_APPX_MISSING), 1);
	assert_int_equal(count(s, BC_W_APPX_UNMENTIONED), 1);
}

static void citations(void **state)
{
	(void)state;
	const char *good = "Thực hiện Nghị quyết số 244/2025/QH15 ngày 13/11/2025 của Quốc hội, Kế hoạch số 05/KH-UBND "
	                   "ngày 07/01/2026 và Nghị quyết số 244/2025/QH15 ngày 13/11/2025; Quyết định số 01-QĐ/TU ngày 08/01/2026.\n";
	assert_int_equal(body(good, BC_W_CITE_CONFLICT) + body(good, BC_W_CITE_DATE) + body(good, BC_W_CITE_SHAPE) +
	                 body(good, BC_W_CITE_TYPE) + body(good, BC_W_DATE_INVALID), 0);
	assert_int_equal(body("Theo Nghị quyết số 74/NQ-HĐND ngày 11/12/2025 và Nghị quyết số 74/NQ-HĐND ngày 08/12/2025.\n",
	                      BC_W_CITE_CONFLICT), 1);
	/* numbers restart each year: two documents */
	assert_int_equal(body("Theo Kế hoạch số 173/KH-UBND ngày 09/6/2023 và Kế hoạch số 173/KH-UBND ngày 26/7/2025.\n",
	                      BC_W_CITE_CONFLICT), 0);
	assert_int_equal(body("Theo Nghị quyết số 03-NQ/TU, ngày 12/2025 của Ban Chấp hành.\n", BC_W_CITE_DATE), 1);
	assert_int_equal(body("Theo Quyết định số 689 ngày 25/02/2026 về việc ủy quyền.\n", BC_W_CITE_SHAPE), 1);
	assert_int_equal(body("Như Nghị quyết số 01 đã nêu.\n", BC_W_CITE_SHAPE), 0);
	assert_int_equal(body("Theo Tờ trình số 72/TTtr-SXD ngày 20/01/2026.\n", BC_W_CITE_TYPE), 1);
	assert_int_equal(body("Theo Tờ trình số 72/TTr-SXD ngày 20/01/2026 và Thông báo Kết luận số 36/TB-VP ngày 05/02/2026.\n",
	                      BC_W_CITE_TYPE), 0);
	assert_int_equal(body("Theo Kế hoạch số 5/KH-UBND ngày 30/02/2026.\n", BC_W_DATE_INVALID), 1);
	/* the dates the inline parser marked invalid, wherever the text has them: in any case, inside
	 * markup or quotes, in a cell, in a note; never those it reads as text (other separators) */
	assert_int_equal(body("Ngày 31/02/2026 họp; NGÀY 29/02/2025 họp; “ngày **30/4/1800**” họp.\n", BC_W_DATE_INVALID), 3);
	assert_int_equal(body("STT\tNội dung\tThời gian\n1\tHọp\tngày 31/6/2026\n", BC_W_DATE_INVALID), 1);
	assert_int_equal(body("Họp ngày 31-02-2026 và ngày 31.02.2026; ngày 29/02/2024.\n", BC_W_DATE_INVALID), 0);
}

/* ------------------------------------------------------------ text */

static void text(void **state)
{
	(void)state;
	assert_int_equal(body("Tăng trưởng  cao.\n", BC_N_DOUBLE_SPACE), 1);
	assert_int_equal(body("Tăng trưởng cao.\n", BC_N_DOUBLE_SPACE), 0);
	assert_int_equal(body("Tăng trưởng cao , bền vững .\n", BC_N_SPACE_PUNCT), 2);
	assert_int_equal(body("Tăng trưởng cao, bền vững...\n", BC_N_SPACE_PUNCT), 0);
	assert_int_equal(body("Tăng trưởng (cao, bền vững.\n", BC_W_UNBALANCED), 1);
	assert_int_equal(body("Đề án “Phát triển bền vững.\n", BC_W_UNBALANCED), 1);
	assert_int_equal(body("Gồm: a) nông nghiệp; b) công nghiệp; (1) dịch vụ; *) ghi chú (chung).\n", BC_W_UNBALANCED), 0);
	assert_int_equal(body("Đạt 7,056.0 tỷ đồng và 1,234,567 người, tăng 15.5%.\n", BC_W_ENGLISH_NUMBER), 3);
	assert_int_equal(body("Đạt 7.056,0 tỷ đồng và 1.234.567 người, tăng 15,5%, Công nghiệp 4.0.\n", BC_W_ENGLISH_NUMBER), 0);
	assert_int_equal(body("Bầu cử Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031. Bầu cử Hội đồng nhân dân các cấp "
	                      "nhiệm kỳ 2026 - 2031 và Hội đồng nhân dân các cấp nhiệm kỳ 2026-2030.\n", BC_W_TERM_YEARS), 1);
	assert_int_equal(body("Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031; Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030.\n",
	                      BC_W_TERM_YEARS), 0);
	/* tone marks in the old and the new place are both right */
	assert_int_equal(body("Hòa bình, hoà bình, thủy sản, thuỷ sản, khoá XVI, khóa XVI.\n", BC_N_DOUBLE_SPACE) +
	                 body("Hòa bình, hoà bình, thủy sản, thuỷ sản.\n", BC_W_UNBALANCED), 0);
}

static void end_mark(void **state)
{
	(void)state;
	const char *missing = HEAD "Nội dung.\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n";
	assert_int_equal(count(missing, BC_W_END_MARK_MISSING), 1);
	assert_int_equal(body("Nội dung.\n", BC_W_END_MARK_MISSING) + body("Nội dung.\n", BC_W_END_MARK_DOUBLED), 0);
	assert_int_equal(body("Nội dung./.\n", BC_W_END_MARK_DOUBLED), 1);
	const char *twice = HEAD "Nội dung././\n\nNơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n";
	assert_int_equal(count(twice, BC_W_END_MARK_DOUBLED), 1);
	assert_int_equal(count(twice, BC_W_END_MARK_MISSING), 0);
	/* a Party document (signed "T/M", symbol "…/TU") follows the Party's rules: no "./." asked */
	const char *party = "Nội dung.\n\nNơi nhận:\n- Lưu Văn phòng Thành ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLê Văn A\n";
	assert_int_equal(count(party, BC_W_END_MARK_MISSING), 0);
	const char *party_no = "Số: 05-CTr/TU\n\nCHƯƠNG TRÌNH\n\nVề việc thử\n\nNội dung.\n";
	assert_int_equal(count(party_no, BC_W_END_MARK_MISSING), 0);
}

/* ------------------------------------------------------------ documentation and speed */

/* ------------------------------------------------------------ decisions */

#define QD_HEAD \
	"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\n\nSố: 15/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" \
	"Độc lập - Tự do - Hạnh phúc\n\nAn Thắng, ngày 12 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\n" \
	"Về việc thành lập Ban Chỉ đạo\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n\n"
#define QD_BASIS \
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n" \
	"Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.\n\nQUYẾT ĐỊNH:\n\n"
#define QD_TAIL \
	"\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Hùng\n"
#define QD_ARTICLES \
	"Điều 1. Thành lập Ban Chỉ đạo.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"

static int decision(const char *text, bc_diag_code code)
{
	size_t n = strlen(QD_HEAD) + strlen(text) + strlen(QD_TAIL) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s", QD_HEAD, text, QD_TAIL);
	int c = count(s, code);
	free(s);
	return c;
}

static void decision_clean(void **state)
{
	(void)state;
	bc_diags d;
	bc_diags_init(&d);
	const char *s = QD_HEAD QD_BASIS
		"Điều 1. Nhiệm vụ\n\n1. Chỉ đạo:\n\na) Xây dựng kế hoạch;\n\nb) Kiểm tra.\n\n2. Báo cáo.\n\n"
		"Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n" QD_TAIL;
	bc_document *doc = bc_parse("t.txt", s, strlen(s), &d);
	bc_check(doc, &d);
	if (d.n) {
		bc_diags_sort(&d);
		bc_diags_print(stderr, &d, "t.txt", BC_LEVEL_NOTE, BC_LANG_EN, 0);
	}
	assert_int_equal(d.n, 0);
	bc_document_free(doc);
	bc_diags_free(&d);
}

static void decision_articles(void **state)
{
	(void)state;
	/* 1, 2: fine; a gap, a repeat, a wrong start */
	assert_int_equal(decision(QD_BASIS QD_ARTICLES, BC_W_ARTICLE_NUMBER), 0);
	assert_int_equal(decision(QD_BASIS "Điều 1. A.\n\nĐiều 3. B./.\n", BC_W_ARTICLE_NUMBER), 1);
	assert_int_equal(decision(QD_BASIS "Điều 1. A.\n\nĐiều 1. B./.\n", BC_W_ARTICLE_NUMBER), 1);
	assert_int_equal(decision(QD_BASIS "Điều 2. A.\n\nĐiều 3. B./.\n", BC_W_ARTICLE_NUMBER), 1);
	assert_int_equal(decision(QD_BASIS "Điều 1. A.\n\nĐiều 2. B.\n\nĐiều 2. C.\n\nĐiều 4. D./.\n", BC_W_ARTICLE_NUMBER), 2);
	/* an article with only its title, or only its label, is empty; run-in text or a paragraph is content */
	assert_int_equal(decision(QD_BASIS QD_ARTICLES, BC_W_ARTICLE_EMPTY), 0);
	assert_int_equal(decision(QD_BASIS "Điều 1. Phạm vi điều chỉnh\n\nĐiều 2. Hiệu lực thi hành./.\n", BC_W_ARTICLE_EMPTY), 1);
	assert_int_equal(decision(QD_BASIS "Điều 1.\n\nĐiều 2. Hiệu lực thi hành./.\n", BC_W_ARTICLE_EMPTY), 1);
	assert_int_equal(decision(QD_BASIS "Điều 1. Phạm vi\n\nQuyết định này quy định.\n\nĐiều 2. Hiệu lực./.\n", BC_W_ARTICLE_EMPTY), 0);
	/* no article at all */
	assert_int_equal(decision(QD_BASIS QD_ARTICLES, BC_W_ARTICLE_NONE), 0);
	assert_int_equal(decision(QD_BASIS "Thành lập Ban Chỉ đạo./.\n", BC_W_ARTICLE_NONE), 1);
	/* a report is not a decision: none of this applies */
	assert_int_equal(body("Điều 1. A.\n\nĐiều 3. B.\n", BC_W_ARTICLE_NUMBER), 0);
	assert_int_equal(body("Sản xuất tăng.\n", BC_W_ARTICLE_NONE), 0);
}

static void decision_enacting(void **state)
{
	(void)state;
	assert_int_equal(decision(QD_BASIS QD_ARTICLES, BC_W_ENACTING_NONE), 0);
	assert_int_equal(decision("Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT NGHỊ:\n\n" QD_ARTICLES,
	                          BC_W_ENACTING_NONE), 0);
	assert_int_equal(decision("Căn cứ Luật Tổ chức chính quyền địa phương.\n\n" QD_ARTICLES, BC_W_ENACTING_NONE), 1);
	assert_int_equal(body("Sản xuất tăng.\n", BC_W_ENACTING_NONE), 0);
}

static void decision_basis(void **state)
{
	(void)state;
	assert_int_equal(decision(QD_BASIS QD_ARTICLES, BC_W_BASIS_PUNCT), 0);
	/* the last may end with ";" too */
	assert_int_equal(decision("Căn cứ Luật A;\nCăn cứ Luật B;\n\nQUYẾT ĐỊNH:\n\n" QD_ARTICLES, BC_W_BASIS_PUNCT), 0);
	/* "." or nothing before the last, nothing or "," on the last */
	assert_int_equal(decision("Căn cứ Luật A.\nCăn cứ Luật B.\n\nQUYẾT ĐỊNH:\n\n" QD_ARTICLES, BC_W_BASIS_PUNCT), 1);
	assert_int_equal(decision("Căn cứ Luật A\nXét đề nghị của Văn phòng,\n\nQUYẾT ĐỊNH:\n\n" QD_ARTICLES,
	                          BC_W_BASIS_PUNCT), 2);
	/* a basis wrapped over two lines is one basis: only its end counts */
	assert_int_equal(decision("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ\n"
	                          "về công tác văn thư;\nTheo đề nghị của Văn phòng.\n\nQUYẾT ĐỊNH:\n\n" QD_ARTICLES,
	                          BC_W_BASIS_PUNCT), 0);
}

/* Every code of diag_codes.def is documented in grammar/CHECKS.md, by a table row
 * of its own, the rows come in the order of the code table (the pipeline's), and
 * there is no row for a code the table does not have. */
static void codes_documented(void **state)
{
	(void)state;
	FILE *f = fopen("grammar/CHECKS.md", "rb");
	if (!f)
		f = fopen("../grammar/CHECKS.md", "rb");
	assert_non_null(f);
	static char doc[1 << 18];
	size_t n = fread(doc, 1, sizeof doc - 1, f);
	doc[n] = 0;
	fclose(f);
	const char *prev = doc, *prev_id = "(start)";
	for (int c = 0; c < BC_DIAG_COUNT; c++) {
		char want[96];
		const char *id = bc_diag_id((bc_diag_code)c);
		snprintf(want, sizeof want, "\n| `%s` |", id);
		const char *at = strstr(doc, want);
		if (!at)
			fail_msg("`%s` has no row in grammar/CHECKS.md", id);
		if (at < prev)
			fail_msg("`%s` comes before `%s` in grammar/CHECKS.md, after it in diag_codes.def", id, prev_id);
		prev = at;
		prev_id = id;
	}
	/* and no row documents a code the table no longer has */
	int rows = 0;
	for (const char *p = doc; (p = strstr(p, "\n| `")) != NULL; p++)
		rows++;
	if (rows != BC_DIAG_COUNT)
		fail_msg("grammar/CHECKS.md has %d code rows, diag_codes.def %d codes", rows, (int)BC_DIAG_COUNT);
}

/* CPU seconds to check n numbered paragraphs that exercise the rules. */
static double check_seconds(int n)
{
	size_t cap = (size_t)n * 80 + 4096, len = 0;
	char *s = malloc(cap);
	len += (size_t)snprintf(s + len, cap - len, "%s", HEAD "I. A\n\n");
	for (int i = 1; i <= n; i++)
		len += (size_t)snprintf(s + len, cap - len, "(%d) Nghị quyết số %d/NQ-HĐND ngày 11/12/2025  ( nội.\n\n", i, i % 50);
	bc_diags d;
	bc_diags_init(&d);
	bc_document *doc = bc_parse("t.txt", s, len, &d);
	clock_t t0 = clock();
	bc_check(doc, &d);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	bc_document_free(doc);
	bc_diags_free(&d);
	free(s);
	return secs;
}

/* No rule is quadratic: four times the paragraphs cost at most about four
 * times the time (8x allowed for noise; quadratic would be 16x).  A ratio,
 * not a time limit, so it holds under sanitizers, valgrind and load. */
static void linear_time(void **state)
{
	(void)state;
	double small = check_seconds(25000);
	double big = check_seconds(100000);
	if (getenv("TEST_CHECK_SHOW"))
		fprintf(stderr, "25 000 paragraphs %.3f s, 100 000 paragraphs %.3f s\n", small, big);
	if (big > 0.2 && big > 8.0 * (small > 0.01 ? small : 0.01))
		fail_msg("not linear: 25 000 paragraphs %.3f s, 100 000 paragraphs %.3f s", small, big);
}

/* bc_find, the rules' search, agrees with a plain search for every needle,
 * anchor and text over a small alphabet (matches at the ends, overlapping and
 * partial ones) and on the rules' own words. */
static const char *plain_find(const char *t, size_t n, const char *nd, size_t nl)
{
	for (size_t i = 0; i + nl <= n; i++)
		if (!memcmp(t + i, nd, nl))
			return t + i;
	return nl == 0 ? t : NULL;
}

static void find_agrees(void **state)
{
	(void)state;
	char t[8], nd[4];
	for (unsigned tn = 0; tn <= 7; tn++)
		for (unsigned tv = 0; tv < (1u << tn); tv++) {
			for (unsigned k = 0; k < tn; k++)
				t[k] = (tv >> k) & 1 ? 'a' : 'b';
			for (unsigned nl = 1; nl <= 3; nl++)
				for (unsigned nv = 0; nv < (1u << nl); nv++) {
					for (unsigned k = 0; k < nl; k++)
						nd[k] = (nv >> k) & 1 ? 'a' : 'b';
					for (unsigned a = 0; a <= nl; a++)
						assert_ptr_equal(bc_find(t, tn, nd, nl, a), plain_find(t, tn, nd, nl));
				}
		}
	const char *s = "Theo Phụ lục số 2 ngày 05/3 và PHỤ LỤC II, nhiệm kỳ 2026-2031";
	assert_ptr_equal(bc_find(s, strlen(s), "PHỤ LỤC", strlen("PHỤ LỤC"), 4), strstr(s, "PHỤ LỤC"));
	assert_ptr_equal(bc_find(s, strlen(s), "nhiệm kỳ", strlen("nhiệm kỳ"), 11), strstr(s, "nhiệm kỳ"));
	assert_ptr_equal(bc_find(s, strlen(s), " số ", strlen(" số "), 1), strstr(s, " số "));
	assert_null(bc_find(s, strlen(s), "phụ lục", strlen("phụ lục"), 6));
}

int main(void)
{
	bc_patterns_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_frame),      cmocka_unit_test(numbering),     cmocka_unit_test(numbering_parent),
		cmocka_unit_test(numbering_tables), cmocka_unit_test(notes),         cmocka_unit_test(tables),
		cmocka_unit_test(header),           cmocka_unit_test(header_fields), cmocka_unit_test(references),
		cmocka_unit_test(citations),        cmocka_unit_test(text),          cmocka_unit_test(end_mark),
		cmocka_unit_test(decision_clean),   cmocka_unit_test(decision_articles), cmocka_unit_test(decision_enacting),
		cmocka_unit_test(decision_basis),
		cmocka_unit_test(codes_documented), cmocka_unit_test(linear_time), cmocka_unit_test(find_agrees),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	bc_patterns_free();
	return r;
}
