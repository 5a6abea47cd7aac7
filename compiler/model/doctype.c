/* doctype.c — the one table of the kinds of documents: type line, word in running text, symbol code, template, family. */
#include "vocab.h"

#include <string.h>

#include "../util/buf.h"
#include "../util/fold.h"

/* An alias row: another spelling of a type whose main row comes elsewhere. */
#define ALIAS (1u << 8)

#define HEADER BC_KIND_HEADER
#define ATTACH BC_KIND_ATTACH
#define CITED BC_KIND_CITED
#define CODE BC_KIND_CODE
#define UNTITLED BC_KIND_UNTITLED
#define APPENDIX BC_KIND_APPENDIX
#define STATE BC_FAMILY_STATE

/*
 * Nghị định 30/2020/NĐ-CP, Phụ lục III gives the names and codes.  The flags
 * say where each is recognised today.  Readers that match words go through the
 * rows in order, so a word comes before any shorter word it begins or ends
 * with ("Chương trình hành động" before "Chương trình", "Thông báo Kết luận"
 * before "Kết luận").
 */
static const bc_kind kinds[] = {
	{ BC_DOC_CHUONG_TRINH, "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động", "CTr", "chuong-trinh.xml", STATE, HEADER | CITED | ALIAS },
	{ BC_DOC_BAO_CAO, "BÁO CÁO", "Báo cáo", "BC", "bao-cao.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_CHI_THI, "CHỈ THỊ", "Chỉ thị", "CT", "chi-thi.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_CHUONG_TRINH, "CHƯƠNG TRÌNH", "Chương trình", "CTr", "chuong-trinh.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_KE_HOACH, "KẾ HOẠCH", "Kế hoạch", "KH", "ke-hoach.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_QUYET_DINH, "QUYẾT ĐỊNH", "Quyết định", "QĐ", "quyet-dinh.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_NGHI_QUYET, "NGHỊ QUYẾT", "Nghị quyết", "NQ", NULL, STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_CONG_VAN, "CÔNG VĂN", "Công văn", NULL, "cong-van.xml", STATE, HEADER | ATTACH | CITED },
	{ BC_DOC_UNKNOWN, NULL, "Thông báo Kết luận", "TB", NULL, STATE, CITED },
	{ BC_DOC_UNKNOWN, NULL, "Thông báo kết luận", "TB", NULL, STATE, CITED },
	{ BC_DOC_THONG_BAO, "THÔNG BÁO", "Thông báo", "TB", NULL, STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_TO_TRINH, "TỜ TRÌNH", "Tờ trình", "TTr", "to-trinh.xml", STATE, HEADER | ATTACH | CITED | CODE },
	{ BC_DOC_HUONG_DAN, "HƯỚNG DẪN", "Hướng dẫn", "HD", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_DE_AN, "ĐỀ ÁN", "Đề án", "ĐA", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_BIEN_BAN, "BIÊN BẢN", "Biên bản", "BB", NULL, STATE, HEADER | CODE },
	/* the rest of Phụ lục III: compiled with a báo cáo's layout */
	{ BC_DOC_QUY_CHE, "QUY CHẾ", "Quy chế", "QC", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_QUY_DINH, "QUY ĐỊNH", "Quy định", "QyĐ", NULL, STATE, HEADER | CODE },
	{ BC_DOC_THONG_CAO, "THÔNG CÁO", "Thông cáo", "TC", NULL, STATE, HEADER | CODE },
	{ BC_DOC_PHUONG_AN, "PHƯƠNG ÁN", "Phương án", "PA", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_DU_AN, "DỰ ÁN", "Dự án", "DA", NULL, STATE, HEADER | CODE },
	{ BC_DOC_HOP_DONG, "HỢP ĐỒNG", "Hợp đồng", "HĐ", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_CONG_DIEN, "CÔNG ĐIỆN", "Công điện", "CĐ", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_BAN_GHI_NHO, "BẢN GHI NHỚ", "Bản ghi nhớ", "BGN", NULL, STATE, HEADER | CODE },
	{ BC_DOC_BAN_THOA_THUAN, "BẢN THỎA THUẬN", "Bản thỏa thuận", "BTT", NULL, STATE, HEADER | CODE },
	{ BC_DOC_BAN_THOA_THUAN, "BẢN THOẢ THUẬN", NULL, NULL, NULL, STATE, HEADER | ALIAS },   /* the older placing of the tone mark */
	{ BC_DOC_GIAY_UY_QUYEN, "GIẤY ỦY QUYỀN", "Giấy ủy quyền", "GUQ", NULL, STATE, HEADER | CODE },
	{ BC_DOC_GIAY_UY_QUYEN, "GIẤY UỶ QUYỀN", NULL, NULL, NULL, STATE, HEADER | ALIAS },
	{ BC_DOC_GIAY_MOI, "GIẤY MỜI", "Giấy mời", "GM", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_GIAY_GIOI_THIEU, "GIẤY GIỚI THIỆU", "Giấy giới thiệu", "GGT", NULL, STATE, HEADER | CODE | UNTITLED },
	{ BC_DOC_GIAY_NGHI_PHEP, "GIẤY NGHỈ PHÉP", "Giấy nghỉ phép", "GNP", NULL, STATE, HEADER | CODE | UNTITLED },
	{ BC_DOC_PHIEU_GUI, "PHIẾU GỬI", "Phiếu gửi", "PG", NULL, STATE, HEADER | CODE },
	{ BC_DOC_PHIEU_CHUYEN, "PHIẾU CHUYỂN", "Phiếu chuyển", "PC", NULL, STATE, HEADER | CODE },
	{ BC_DOC_PHIEU_BAO, "PHIẾU BÁO", "Phiếu báo", "PB", NULL, STATE, HEADER | CODE },
	/* an office's internal form: the name is printed in the type's place; its symbols carry PT */
	{ BC_DOC_PHIEU_TRINH, "PHIẾU TRÌNH", "Phiếu trình", "PT", NULL, STATE, HEADER | CODE },
	{ BC_DOC_KET_LUAN, "KẾT LUẬN", "Kết luận", "KL", NULL, STATE, HEADER | CITED | CODE },
	/* legal documents an office passes on or consolidates */
	{ BC_DOC_NGHI_DINH, "NGHỊ ĐỊNH", "Nghị định", "NĐ", NULL, STATE, HEADER | CITED | CODE },
	{ BC_DOC_THONG_TU, "THÔNG TƯ", "Thông tư", "TT", NULL, STATE, HEADER | CITED | CODE },
	/* an appendix sent as a file of its own (bc_document_type): its PHỤ LỤC
	 * line is the appendix's label, never a header's type line */
	{ BC_DOC_PHU_LUC, "PHỤ LỤC", "Phụ lục", NULL, NULL, STATE, APPENDIX },
	/* words the text cites that are no kind of their own */
	{ BC_DOC_UNKNOWN, NULL, "Văn bản", NULL, NULL, STATE, CITED },
	{ BC_DOC_CONG_VAN, NULL, NULL, "CV", NULL, STATE, CODE | ALIAS },   /* not in Phụ lục III, but offices write it */
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

const bc_kind *bc_kinds(size_t *count)
{
	*count = NKINDS;
	return kinds;
}

const bc_kind *bc_kind_of(bc_doctype t)
{
	static const bc_kind none = { BC_DOC_UNKNOWN, "", "", "", NULL, STATE, 0 };
	if (t != BC_DOC_UNKNOWN)
		for (size_t i = 0; i < NKINDS; i++)
			if (kinds[i].type == t && kinds[i].name && !(kinds[i].flags & ALIAS))
				return &kinds[i];
	return &none;
}

const char *bc_doctype_name(bc_doctype t) { return bc_kind_of(t)->name; }

const char *bc_doctype_code(bc_doctype t)
{
	const char *c = bc_kind_of(t)->code;
	return c ? c : "";
}

bc_doctype bc_doctype_from_name(const char *s, size_t len)
{
	char tmp[64];
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' && k && tmp[k - 1] == ' ')
			continue;
		if (k + 1 >= sizeof tmp)
			return BC_DOC_UNKNOWN;
		tmp[k++] = s[i];
	}
	for (size_t i = 0; i < NKINDS; i++)
		if ((kinds[i].flags & HEADER) && strlen(kinds[i].name) == k && memcmp(kinds[i].name, tmp, k) == 0)
			return kinds[i].type;
	return BC_DOC_UNKNOWN;
}

/* The words without marks, in lower case, đ read as d (OCR reads Đ as D). */
static void unmarked(const char *s, size_t len, bc_buf *b)
{
	bc_buf f = BC_BUF_INIT;
	bc_fold_words(s, len, &f);
	bc_buf_clear(b);
	for (size_t i = 0; i < f.len; i++) {
		if ((unsigned char)f.s[i] == 0xC4 && i + 1 < f.len && (unsigned char)f.s[i + 1] == 0x91) {
			bc_buf_putc(b, 'd');
			i++;
		} else {
			bc_buf_putc(b, f.s[i]);
		}
	}
	bc_buf_free(&f);
}

bc_doctype bc_doctype_from_unmarked(const char *s, size_t len)
{
	int letters = 0;
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z'))
			return BC_DOC_UNKNOWN;   /* a mark or a small letter: not a name OCR stripped */
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	if (letters < 4 || len > 40)
		return BC_DOC_UNKNOWN;
	bc_buf a = BC_BUF_INIT, k = BC_BUF_INIT;
	unmarked(s, len, &a);
	bc_doctype t = BC_DOC_UNKNOWN;
	for (size_t i = 0; i < NKINDS && t == BC_DOC_UNKNOWN; i++) {
		if (!(kinds[i].flags & HEADER))
			continue;
		unmarked(kinds[i].name, strlen(kinds[i].name), &k);
		if (k.len == a.len && memcmp(k.s, a.s, a.len) == 0)
			t = kinds[i].type;
	}
	bc_buf_free(&a);
	bc_buf_free(&k);
	return t;
}

int bc_is_type_code(const char *s, size_t len)
{
	for (size_t i = 0; i < NKINDS; i++)
		if ((kinds[i].flags & CODE) && strlen(kinds[i].code) == len && memcmp(kinds[i].code, s, len) == 0)
			return 1;
	return 0;
}

/* The types whose body is articles (NĐ 30, Phụ lục I; the legal texts an
 * office passes on, nghị định and thông tư, are written the same way). */
int bc_doctype_has_articles(bc_doctype t)
{
	return t == BC_DOC_QUYET_DINH || t == BC_DOC_NGHI_QUYET || t == BC_DOC_NGHI_DINH || t == BC_DOC_THONG_TU;
}

/* ---- the Party's codes and guides ---- */

/*
 * The type codes a Party symbol carries ("Số 03-CTr/TU"): Hướng dẫn
 * 36-HD/VPTW, II.1.3.1 b gives the rule (the first letters of the type's
 * syllables) with NQ, CT, KL, QC, BC as instances and fixes QĐ, QĐi (quy
 * định), CT, CTr, TT (thông tri), TTr; its examples add HD, CV and BB.
 * Hướng dẫn 05-HD/VPTW (reference/README.md) lists NQ, QĐ, KL, QC, TB, BC,
 * KH, CTr, TTr, CV, BB, ĐA, PA.  This is the union of the two.
 */
static const char *const party_codes[] = { "NQ", "QĐ", "QĐi", "CT", "CTr", "TT", "TTr", "KL", "QC", "TB",
	                                        "BC", "KH", "CV", "BB", "ĐA", "PA", "HD" };

const char *bc_party_type_code(bc_doctype t)
{
	if (t == BC_DOC_QUY_DINH)
		return "QĐi";   /* the state's "QyĐ" */
	if (t == BC_DOC_CONG_VAN)
		return "CV";    /* the state's công văn carries no type code */
	return bc_doctype_code(t);
}

int bc_is_party_type_code(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof party_codes / sizeof party_codes[0]; i++)
		if (strlen(party_codes[i]) == len && memcmp(party_codes[i], s, len) == 0)
			return 1;
	return 0;
}

bc_guide bc_guide_for(bc_family family, int known, bc_date issued)
{
	if (family != BC_FAMILY_PARTY)
		return BC_GUIDE_ND30;
	/* Hướng dẫn 05-HD/VPTW of 27/5/2026 for what is issued since; undated, the
	 * guide in force, unless what the date does give (a draft's month and year
	 * around a blank day: "ngày … tháng 01 năm 2026") falls before it */
	if (!known) {
		if (issued.year > 0 && (issued.year < 2026 || (issued.year == 2026 && issued.month > 0 && issued.month < 5)))
			return BC_GUIDE_HD36;
		return BC_GUIDE_HD05;
	}
	long d = (long)issued.year * 10000 + issued.month * 100 + issued.day;
	return d >= 20260527 ? BC_GUIDE_HD05 : BC_GUIDE_HD36;
}

const char *bc_guide_name(bc_guide g)
{
	switch (g) {
	case BC_GUIDE_HD36: return "36-HD/VPTW";
	case BC_GUIDE_HD05: return "05-HD/VPTW";
	default: return "30/2020/NĐ-CP";
	}
}

const char *bc_guide_template(bc_guide g)
{
	switch (g) {
	case BC_GUIDE_HD36: return "dang-36.xml";
	case BC_GUIDE_HD05: return "dang-05.xml";
	default: return NULL;
	}
}
