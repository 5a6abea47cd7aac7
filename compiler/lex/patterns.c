/* patterns.c — every regular expression that classifies a line, in one table, each compiled on first use (JIT once used often). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"
#include "../util/i18n.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spaces after a label: ASCII white space and the Unicode spaces that
 * count as spaces (FORMAT.md §2.2: NBSP, U+2000-U+200A, U+202F, U+205F, U+3000). */
#define LABEL_SP "[\\s\\x{a0}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}]+"

/* Labels are matched on the line's core, after markdown decoration is removed.
 * Vietnamese letters in the letter-label class follow the alphabet's order
 * (a b c d đ e g h i k l m n o p q r s t u v x y). */
static const char *const sources[BC_PAT_COUNT] = {
	/* "I." and the Party's "I-", also "I/" */
	[BC_PAT_LABEL_ROMAN] = "^(?=[IVX])((?:X{0,3})(?:IX|IV|V?I{0,3}))[.\\-/]" LABEL_SP "(?=\\S)",
	/* "1.", "1.1.", "2.1.1 ", and "1-", "2/" (lines.c wants one of . - / after a lone number) */
	[BC_PAT_LABEL_DOTTED] = "^(\\d{1,2}(?:\\.\\d{1,2}){0,2})[.\\-/]?" LABEL_SP "(?=\\S)",
	[BC_PAT_LABEL_LETTER] = "^([a-eg-il-vxyđ])\\)" LABEL_SP "(?=\\S)",
	[BC_PAT_LABEL_PAREN] = "^\\((\\d{1,3})\\)" LABEL_SP "(?=\\S)",
	[BC_PAT_LABEL_STAR] = "^\\*\\)\\s*(?=\\S)",
	/* spaces may be NBSP, a run, or none; "." for ":" and a final "." or ";" are slips */
	[BC_PAT_NUMBER] = "^(?:Số|SỐ)[\\s\\x{a0}]*[:.]?[\\s\\x{a0}]*([0-9]*)[\\s\\x{a0}]*(?:[/-][\\s\\x{a0}]*([^\\s\\x{a0}]*[^\\s\\x{a0}.,;]))?[\\s\\x{a0}]*[.,;]?[\\s\\x{a0}]*$",
	/* the number line's words up to the symbol, when more follows on the line: "Số: /STP-BTTP Lâm Đồng, ngày …",
	 * the Party's "Số 45-BC/ĐU An Thắng, ngày …" */
	[BC_PAT_NUMBER_LEAD] = "^(?:Số|SỐ)[\\s\\x{a0}]*[:.]?[\\s\\x{a0}]*[0-9]*[\\s\\x{a0}]*[/-][\\s\\x{a0}]*[^\\s\\x{a0}]*[^\\s\\x{a0}.,;][.,;]?(?=[\\s\\x{a0}])",
	/* what starts as a number line does, read or not: "Số:", "Số1§4ØBGDĐT-GDPT" (OCR),
	 * "Số ……-……/……" (a form's blanks, the Party's style without the colon) */
	[BC_PAT_NUMBER_LIKE] = "^(?:Số|SỐ)[\\s\\x{a0}]*(?:[:.\\d_]|…)",
	/* what reads as a place and date, read or not: "Hà Nội ngày 09 thảng ?# năm 2026" (OCR):
	 * a place of six words at most, no figure in it, and the year ending the
	 * line (a sentence that mentions a date goes on after it, or has more words before),
	 * or a form's blank for it ("……, ngày …… tháng …… năm ……") */
	[BC_PAT_DATELINE_LIKE] = "^(?:\\p{Lu}|…)[^\\d\\s\\x{a0}]*(?:[\\s\\x{a0}]+[^\\d\\s\\x{a0}]+){0,5}?[\\s\\x{a0},]*[\\s\\x{a0}]ngày\\b.{0,40}?\\bnăm[\\s\\x{a0}]*(?:\\d{2,4}|…+)[\\s\\x{a0}.…]*$",
	/* a number line whose number OCR misread but whose symbol after the last
	 * "/" reads ("Số: 2/9. /CT-CS"): no letter before it, a symbol of capitals
	 * with its hyphen (group 1), then a space or the end */
	[BC_PAT_NUMBER_GARBLED] = "^(?:Số|SỐ)[\\s\\x{a0}]*[:.]?[^\\p{L}]{0,16}?/[\\s\\x{a0}]*(\\p{Lu}[\\p{L}\\d&]*(?:-[\\p{L}\\d&]+)+)(?=[\\s\\x{a0}]|$)",
	/* the parts of a date that read when others do not: a month only where
	 * "tháng" and its figures read, a day only where the month does too;
	 * groups 1-3 day, month, year (ends the line) */
	[BC_PAT_DATE_LEGIBLE] = "ngày[\\s\\x{a0}]*(?:(\\d{1,2})[\\s\\x{a0}]*(?=tháng[\\s\\x{a0}]*\\d{1,2}[\\s\\x{a0}]*năm))?.*?(?:tháng[\\s\\x{a0}]*(\\d{1,2})[\\s\\x{a0}]*(?=năm))?năm[\\s\\x{a0}]*(\\d{4})[\\s\\x{a0}.]*$",
	/* the symbol alone on the line after "Số: 181": "/BC-SNV" */
	[BC_PAT_NUMBER_REST] = "^([0-9]*)[\\s\\x{a0}]*/[\\s\\x{a0}]*([^\\s\\x{a0}]*[^\\s\\x{a0}.,;])[\\s\\x{a0}]*[.,;]?$",
	[BC_PAT_SUMMARY] = "^V/v[\\s:.]",
	[BC_PAT_DRAFT] = "^\\(?\\s*(?:DỰ THẢO|Dự thảo)(?:\\s+(?:lần|LẦN)\\s*\\d+)?\\s*\\)?$",
	[BC_PAT_URGENCY] = "^(?:H(?:Ỏ|Ọ|Ò|O)(?:A|À|Ả)|H(?:OẢ|OÀ|ÒA|ỎA)|HOẢ|HỎA) TỐC(?: HẸN GIỜ)?$|^THƯỢNG KHẨN$|^KHẨN$",
	/* the state's national motto, or the Party's name in its place (Hướng dẫn 36-HD/VPTW) */
	[BC_PAT_MOTTO] = "^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$",
	[BC_PAT_SLOGAN] = "^Độc lập\\s*[-–—]\\s*Tự do\\s*[-–—]\\s*Hạnh phúc$",
	/* place: before a comma, or without the comma words in capitals ("Tân Phú ngày …");
	 * the date in words, day and month possibly blank, or in figures ("ngày 05/11/2025").
	 * Groups: 1 place before a comma, 2 place without; 3-5 day, month, year in
	 * words; 6-8 in figures */
	[BC_PAT_DATELINE] = "^(?:([^,\\d]{2,60}?)[\\s\\x{a0}]*,|(\\p{Lu}[^,\\d\\s\\x{a0}]*(?:[\\s\\x{a0}]+\\p{Lu}[^,\\d\\s\\x{a0}]*){0,5}))[\\s\\x{a0}]*ngày[\\s\\x{a0}]*(?:(\\d{0,2}|\\.{2,}|…+)[\\s\\x{a0}]*tháng[\\s\\x{a0}]*(\\d{0,2}|\\.{2,}|…+)[\\s\\x{a0}]*năm[\\s\\x{a0}]*(\\d{4})|(\\d{1,2})[\\s\\x{a0}]*/[\\s\\x{a0}]*(\\d{1,2})[\\s\\x{a0}]*/[\\s\\x{a0}]*(\\d{4}))[\\s\\x{a0}]*\\.?$",
	/* the label's emphasis may close before its colon ("***Nơi nhận***:", pandoc) */
	[BC_PAT_ADDRESSEE] = "^(?:\\*{1,3}|_{1,2})?Kính gửi(?:\\*{1,3}|_{1,2})?\\s*:",
	[BC_PAT_RECIPIENTS] = "^(?:\\*{1,3}|_{1,2})?Nơi nhận(?:\\*{1,3}|_{1,2})?\\s*:",
	[BC_PAT_AUTHORITY] = "^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\\.M)(?:\\.\\s*|\\s+)(?=\\p{Lu})",
	[BC_PAT_APPENDIX] = "^(?:PHỤ LỤC|Phụ lục)(?:\\s+(?:số\\s+)?([IVXLC]+|\\d{1,6}))?\\s*$",   /* 6 digits, as bc_arabic_value reads */
	/* emphasis opened on it may close on its next line; "(Kèm theo dự thảo Quyết định …)" in a tờ
	 * trình names the draft sent with it, no text this one is attached to */
	[BC_PAT_ATTACH] = "^[*_]{0,3}\\((?:(?:B|b)an hành )?(?:K|k)èm theo\\b(?!\\s+(?:bản\\s+)?dự thảo\\b)",
	[BC_PAT_UNIT] = "^\\(?(?:Đơn vị tính|ĐVT)\\s*:",
	/* a lone "*" is the star a Party document prints under its issuer (Hướng dẫn 36) */
	/* a rule line; the short rule under an issuer or a motto is often typed
	 * as raised underscores, which converters mark as superscript: docx2txt
	 * "[_______]" (several runs side by side), pandoc "^(___)" (plain), "^___^"
	 * (Markdown), "<sup>___</sup>" (GFM) */
	[BC_PAT_RULE] = "^(?:-{3,}|_{3,}|\\*{3,}|={3,}|—{2,}|–{3,}|\\*|(?:(?:\\[|\\^\\(|\\^|<sup>)(?:_{3,}|-{3,})(?:\\]|\\)|\\^|</sup>))+|(?:\\^|<sup>)_{3,}|_{3,}(?:\\^|</sup>))$",
	[BC_PAT_PIPE_RULE] = "^\\|?\\s*:?-{1,}:?\\s*(?:\\|\\s*:?-{1,}:?\\s*)+\\|?\\s*$|^\\|\\s*:?-{3,}:?\\s*\\|\\s*$",
	[BC_PAT_NOTE_DEF] = "^\\[\\^(\\d{1,5})\\]:\\s*",   /* 5 digits, as a mark [^n] (parse/inline.c) */
	[BC_PAT_INLINE_DATE] = "(?:ngày|Ngày)\\s+(?:(\\d{1,2})/(\\d{1,2})/(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))",
	[BC_PAT_DATE_DIGITS] = "(?<![\\d/])(?:(\\d{1,2})/(\\d{1,2})/(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))(?![\\d/])",
	[BC_PAT_ARTICLE] = "^(?:\\*{2,3}|<b>)?Điều(?:\\s|\\x{a0})+(\\d{1,3})\\s*[.:](?!\\d)(?:\\*{2,3}|</b>)?(?:\\s|\\x{a0})*",
	[BC_PAT_BASIS] = "^(?:Căn cứ|Xét|Theo đề nghị|Theo đề xuất|Theo ý kiến|Sau khi xem xét|Thực hiện)(?=\\s|\\x{a0}|$)",
	[BC_PAT_ENACTING] = "^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ)\\s*:?$",
	[BC_PAT_CHAPTER] = "^(?:\\*{2,3}|<b>)?(Chương|CHƯƠNG|Mục|MỤC)(?:\\s|\\x{a0})+([IVXLC]{1,7}|\\d{1,2})(?![\\p{L}\\d])\\s*[.:]?(?:\\*{2,3}|</b>)?(?:\\s|\\x{a0})*",
	/* the date a signer writes in a form's box, by hand when blank: no place before it, the day
	 * and month possibly blank or dotted, the year printed (a phiếu trình's boxes) */
	[BC_PAT_SIGNING_DATE] = "^(?:Ngày|NGÀY)[\\s\\x{a0}]*(?:\\d{1,2}|\\.{2,}|…+)?[\\s\\x{a0}]*tháng[\\s\\x{a0}]*(?:\\d{1,2}|\\.{2,}|…+)?[\\s\\x{a0}]*năm[\\s\\x{a0}]*\\d{4}[\\s\\x{a0}]*\\.?$",
	[BC_PAT_DOC_REF] = "số\\s+(\\d{1,5})\\s*/\\s*((?:\\d{4}/)?[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*)",
};

/* Each pattern is compiled on its first use, and JIT-compiled only once it
 * has run JIT_AFTER times: most patterns are tried a few times a document and
 * JIT compilation costs far more than that (some 150 000 instructions and a
 * map of executable memory, the interpreter some 1 500 more a match). */
#define JIT_AFTER 128

typedef struct pattern {
	pcre2_code *code;
	unsigned uses;       /* matches run, until JIT_AFTER */
	int filtered;        /* first[] holds every byte a match can start with */
	uint8_t first[32];   /* a bitmap of bytes */
} pattern;

static pattern pats[BC_PAT_COUNT];
static pcre2_match_data *match_data;
static int ready, no_jit;

void bc_patterns_init(void)
{
	if (ready)
		return;
	const char *env = getenv("BAOCAO_NO_JIT");
	no_jit = env && *env && *env != '0';
	match_data = pcre2_match_data_create(16, NULL);
	ready = 1;
}

void bc_patterns_free(void)
{
	if (!ready)
		return;
	for (int i = 0; i < BC_PAT_COUNT; i++)
		pcre2_code_free(pats[i].code);
	memset(pats, 0, sizeof pats);
	pcre2_match_data_free(match_data);
	ready = 0;
}

/* The bytes a match can start with, as PCRE2 works them out for its own
 * search: one code unit or a bitmap; none when the pattern can match empty. */
static void first_bytes(pattern *p)
{
	uint32_t type = 0, unit = 0, opts = 0;
	const uint8_t *bits = NULL;
	pcre2_pattern_info(p->code, PCRE2_INFO_ALLOPTIONS, &opts);
	pcre2_pattern_info(p->code, PCRE2_INFO_FIRSTCODETYPE, &type);
	if (type == 1 && !(opts & PCRE2_CASELESS)) {
		pcre2_pattern_info(p->code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
		/* an inner (?i) is not in opts: let the other case of an ASCII letter in */
		uint32_t other = (unit | 0x20) >= 'a' && (unit | 0x20) <= 'z' ? unit ^ 0x20 : unit;
		p->first[unit >> 3] |= (uint8_t)(1u << (unit & 7));
		p->first[other >> 3] |= (uint8_t)(1u << (other & 7));
		p->filtered = 1;
	} else if (type == 0 && pcre2_pattern_info(p->code, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits) {
		memcpy(p->first, bits, sizeof p->first);
		p->filtered = 1;
	}
}

static pattern *get(bc_pattern_id id)
{
	bc_patterns_init();
	pattern *p = &pats[id];
	if (p->code)
		return p;
	int err;
	PCRE2_SIZE off;
	p->code = pcre2_compile((PCRE2_SPTR)sources[id], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err,
	                        &off, NULL);
	if (!p->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		fprintf(stderr, _("baocao: lỗi bên trong: mẫu %d ở vị trí %zu: %s\n"), (int)id, (size_t)off, (char *)msg);
		abort();
	}
	first_bytes(p);
	return p;
}

static int run(bc_pattern_id id, const char *s, size_t len, size_t from, uint32_t opts, size_t *ov, int ovpairs)
{
	pattern *p = get(id);
	/* anchored: a line that cannot start a match is turned down by one byte */
	if ((opts & PCRE2_ANCHORED) && p->filtered &&
	    (from >= len || !(p->first[(unsigned char)s[from] >> 3] & (1u << ((unsigned char)s[from] & 7)))))
		return 0;
	/* JIT is an optimisation; memcheck cannot follow JIT code, so the
	 * valgrind suite turns it off with BAOCAO_NO_JIT and checks the interpreter */
	if (p->uses < JIT_AFTER && ++p->uses == JIT_AFTER && !no_jit)
		(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	int rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, from, opts | PCRE2_NO_UTF_CHECK, match_data, NULL);
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
