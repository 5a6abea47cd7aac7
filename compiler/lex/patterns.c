/* patterns.c — every regular expression that classifies a line, in one table, compiled once with JIT. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

/* Labels are matched on the line's core, after markdown decoration is removed.
 * Vietnamese letters in the letter-label class follow the alphabet's order
 * (a b c d đ e g h i k l m n o p q r s t u v x y). */
static const char *const sources[BC_PAT_COUNT] = {
	[BC_PAT_LABEL_ROMAN] = "^(?=[IVX])((?:X{0,3})(?:IX|IV|V?I{0,3}))\\.(?:\\s|\\x{a0})+(?=\\S)",
	[BC_PAT_LABEL_DOTTED] = "^(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.?(?:\\s|\\x{a0})+(?=\\S)",
	[BC_PAT_LABEL_LETTER] = "^([a-eg-il-vxyđ])\\)(?:\\s|\\x{a0})+(?=\\S)",
	[BC_PAT_LABEL_PAREN] = "^\\((\\d{1,3})\\)(?:\\s|\\x{a0})+(?=\\S)",
	[BC_PAT_LABEL_STAR] = "^\\*\\)\\s*(?=\\S)",
	[BC_PAT_NUMBER] = "^(?:Số|SỐ)\\s*:?\\s*([0-9]*)\\s*(?:[/-]\\s*([^\\s]*[^\\s.]))?\\s*$",
	[BC_PAT_SUMMARY] = "^V/v[\\s:.]",
	[BC_PAT_DRAFT] = "^\\(?\\s*(?:DỰ THẢO|Dự thảo)(?:\\s+(?:lần|LẦN)\\s*\\d+)?\\s*\\)?$",
	[BC_PAT_URGENCY] = "^(?:H(?:Ỏ|Ọ|Ò|O)(?:A|À|Ả)|H(?:OẢ|OÀ|ÒA|ỎA)|HOẢ|HỎA) TỐC(?: HẸN GIỜ)?$|^THƯỢNG KHẨN$|^KHẨN$",
	[BC_PAT_MOTTO] = "^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$",
	[BC_PAT_SLOGAN] = "^Độc lập\\s*[-–—]\\s*Tự do\\s*[-–—]\\s*Hạnh phúc$",
	[BC_PAT_DATELINE] = "^([^,\\d]{2,60}),\\s*ngày\\s*(\\d{0,2}|\\.{2,}|…)\\s*tháng\\s*(\\d{0,2}|\\.{2,}|…)\\s*năm\\s*(\\d{4})\\s*\\.?$",
	[BC_PAT_ADDRESSEE] = "^Kính gửi\\s*:",
	[BC_PAT_RECIPIENTS] = "^Nơi nhận\\s*:",
	[BC_PAT_AUTHORITY] = "^(?:TM|KT|TL|TUQ|Q|T/M|T\\.M)\\.?\\s+(?=\\p{Lu})",
	[BC_PAT_APPENDIX] = "^(?:PHỤ LỤC|Phụ lục)(?:\\s+(?:số\\s+)?([IVXLC]+|\\d{1,3}))?\\s*$",
	[BC_PAT_ATTACH] = "^\\((?:K|k)èm theo\\b",
	[BC_PAT_UNIT] = "^\\(?(?:Đơn vị tính|ĐVT)\\s*:",
	[BC_PAT_RULE] = "^(?:-{3,}|_{3,}|\\*{3,}|={3,}|—{2,}|–{3,})$",
	[BC_PAT_PIPE_RULE] = "^\\|?\\s*:?-{1,}:?\\s*(?:\\|\\s*:?-{1,}:?\\s*)+\\|?\\s*$|^\\|\\s*:?-{3,}:?\\s*\\|\\s*$",
	[BC_PAT_NOTE_DEF] = "^\\[\\^(\\d{1,4})\\]:\\s*",
	[BC_PAT_INLINE_DATE] = "(?:ngày|Ngày)\\s+(?:(\\d{1,2})/(\\d{1,2})/(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))",
	[BC_PAT_DATE_DIGITS] = "(?<![\\d/])(?:(\\d{1,2})/(\\d{1,2})/(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))(?![\\d/])",
	[BC_PAT_ARTICLE] = "^(?:\\*{2,3}|<b>)?Điều(?:\\s|\\x{a0})+(\\d{1,3})\\s*[.:](?!\\d)(?:\\*{2,3}|</b>)?(?:\\s|\\x{a0})*",
	[BC_PAT_BASIS] = "^(?:Căn cứ|Xét|Theo đề nghị|Theo đề xuất|Theo ý kiến|Sau khi xem xét|Thực hiện)(?=\\s|\\x{a0}|$)",
	[BC_PAT_ENACTING] = "^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ)\\s*:?$",
	[BC_PAT_DOC_REF] = "số\\s+(\\d{1,5})\\s*/\\s*((?:\\d{4}/)?[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*)",
};

static pcre2_code *compiled[BC_PAT_COUNT];
static pcre2_match_data *match_data;
static int ready;

void bc_patterns_init(void)
{
	if (ready)
		return;
	const char *env = getenv("BAOCAO_NO_JIT");
	int no_jit = env && *env && *env != '0';
	for (int i = 0; i < BC_PAT_COUNT; i++) {
		int err;
		PCRE2_SIZE off;
		compiled[i] = pcre2_compile((PCRE2_SPTR)sources[i], PCRE2_ZERO_TERMINATED,
		                            PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &off, NULL);
		if (!compiled[i]) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof msg);
			fprintf(stderr, "baocao: internal error: pattern %d at %zu: %s\n", i, (size_t)off, (char *)msg);
			abort();
		}
		/* JIT is an optimisation; memcheck cannot follow JIT code, so the
		 * valgrind suite turns it off with BAOCAO_NO_JIT and checks the interpreter */
		if (!no_jit)
			(void)pcre2_jit_compile(compiled[i], PCRE2_JIT_COMPLETE);
	}
	match_data = pcre2_match_data_create(16, NULL);
	ready = 1;
}

void bc_patterns_free(void)
{
	if (!ready)
		return;
	for (int i = 0; i < BC_PAT_COUNT; i++)
		pcre2_code_free(compiled[i]);
	pcre2_match_data_free(match_data);
	ready = 0;
}

static int run(bc_pattern_id id, const char *s, size_t len, size_t from, uint32_t opts, size_t *ov, int ovpairs)
{
	bc_patterns_init();
	int rc = pcre2_match(compiled[id], (PCRE2_SPTR)s, len, from, opts | PCRE2_NO_UTF_CHECK, match_data, NULL);
	if (rc <= 0)
		return 0;
	PCRE2_SIZE *v = pcre2_get_ovector_pointer(match_data);
	for (int i = 0; i < ovpairs; i++) {
		if (i < rc) {
			ov[2 * i] = v[2 * i] == PCRE2_UNSET ? (size_t)-1 : v[2 * i];
			ov[2 * i + 1] = v[2 * i + 1] == PCRE2_UNSET ? (size_t)-1 : v[2 * i + 1];
		} else {
			ov[2 * i] = ov[2 * i + 1] = (size_t)-1;
		}
	}
	return rc;
}

int bc_pattern_match(bc_pattern_id id, const char *s, size_t len, size_t *ov, int ovpairs)
{
	return run(id, s, len, 0, PCRE2_ANCHORED, ov, ovpairs);
}

int bc_pattern_search(bc_pattern_id id, const char *s, size_t len, size_t from, size_t *ov, int ovpairs)
{
	return run(id, s, len, from, 0, ov, ovpairs);
}
