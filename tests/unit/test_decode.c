/* test_decode.c — unit tests for the input decoder: encodings, line ends, NFC, and every error with its position. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <utf8proc.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#include "../../compiler/input/decode.h"

typedef struct run {
	bc_source src;
	bc_diags d;
	int rc;
} run;

static void decode_n(run *r, const void *bytes, size_t n, const char *enc)
{
	bc_diags_init(&r->d);
	r->rc = bc_decode(bytes, n, enc, &r->src, &r->d);
	if (r->rc != 0)
		assert_null(r->src.text);
	else {
		assert_non_null(r->src.text);
		assert_int_equal(strlen(r->src.text), r->src.len);
	}
}

static void decode_s(run *r, const char *s, const char *enc) { decode_n(r, s, strlen(s), enc); }

static void done(run *r)
{
	bc_source_free(&r->src);
	bc_diags_free(&r->d);
}

static size_t count_code(const run *r, bc_diag_code code)
{
	size_t k = 0;
	for (size_t i = 0; i < r->d.n; i++)
		k += r->d.v[i].code == code;
	return k;
}

/* The only diagnostic with this code; fails unless there is exactly one. */
static const bc_diag *only(const run *r, bc_diag_code code)
{
	assert_int_equal(count_code(r, code), 1);
	for (size_t i = 0; i < r->d.n; i++)
		if (r->d.v[i].code == code)
			return &r->d.v[i];
	return NULL;
}

static void expect_fail_at(const char *input, size_t n, const char *enc, bc_diag_code code, unsigned line, unsigned col,
                           const char *arg)
{
	run r;
	decode_n(&r, input, n, enc);
	assert_int_equal(r.rc, -1);
	const bc_diag *g = only(&r, code);
	assert_int_equal(g->pos.line, line);
	assert_int_equal(g->pos.col, col);
	if (arg) {
		assert_non_null(g->arg);
		assert_string_equal(g->arg, arg);
	}
	done(&r);
}

static void expect_text(const char *input, size_t n, const char *enc, const char *want, const char *want_enc)
{
	run r;
	decode_n(&r, input, n, enc);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, want);
	assert_int_equal(r.src.len, strlen(want));
	assert_string_equal(r.src.encoding, want_enc);
	done(&r);
}

/* UTF-8 text to UTF-16 bytes, optionally with a BOM. */
static size_t to_utf16(const char *u8, int big_endian, int bom, unsigned char *out, size_t cap)
{
	size_t o = 0;
	iconv_t cd = iconv_open(big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	if (bom) {
		out[o++] = big_endian ? 0xFE : 0xFF;
		out[o++] = big_endian ? 0xFF : 0xFE;
	}
	char *ip = (char *)u8, *op = (char *)out + o;
	size_t il = strlen(u8), ol = cap - o;
	assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	iconv_close(cd);
	return cap - ol;
}

static size_t to_legacy(const char *u8, const char *code, unsigned char *out, size_t cap)
{
	iconv_t cd = iconv_open(code, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *ip = (char *)u8, *op = (char *)out;
	size_t il = strlen(u8), ol = cap;
	assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	assert_int_not_equal(iconv(cd, NULL, NULL, &op, &ol), (size_t)-1);
	iconv_close(cd);
	return cap - ol;
}

/* ---- success paths ------------------------------------------------------- */

static void test_plain_utf8(void **state)
{
	run r;
	decode_s(&r, "Hà Nội, ngày 15 tháng 3 năm 2024\n\tBÁO CÁO\n", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, "Hà Nội, ngày 15 tháng 3 năm 2024\n\tBÁO CÁO\n");
	assert_string_equal(r.src.encoding, "UTF-8");
	assert_int_equal(r.d.n, 0);
	done(&r);
	expect_text("plain ascii", 11, "UTF-8", "plain ascii", "UTF-8");
	expect_text("no final newline", 16, "auto", "no final newline", "UTF-8");
}

static void test_utf8_bom(void **state)
{
	const char in[] = "\xEF\xBB\xBFKính gửi\n";
	expect_text(in, sizeof in - 1, NULL, "Kính gửi\n", "UTF-8");
	expect_text(in, sizeof in - 1, "utf-8", "Kính gửi\n", "UTF-8");
}

static void test_utf16(void **state)
{
	/* U+1F4C4 needs a surrogate pair. */
	const char *text = "Ủy ban nhân dân\r\ntỉnh 📄\n";
	const char *want = "Ủy ban nhân dân\ntỉnh 📄\n";
	unsigned char b[256];
	size_t n = to_utf16(text, 0, 1, b, sizeof b);
	expect_text((const char *)b, n, NULL, want, "UTF-16LE");
	expect_text((const char *)b, n, "UTF-16", want, "UTF-16LE");
	expect_text((const char *)b, n, "utf-16le", want, "UTF-16LE");
	n = to_utf16(text, 1, 1, b, sizeof b);
	expect_text((const char *)b, n, NULL, want, "UTF-16BE");
	expect_text((const char *)b, n, "utf-16be", want, "UTF-16BE");
	/* Without a BOM, only when named; the byte order is guessed. */
	n = to_utf16(text, 1, 0, b, sizeof b);
	expect_text((const char *)b, n, "utf-16", want, "UTF-16BE");
	n = to_utf16(text, 0, 0, b, sizeof b);
	expect_text((const char *)b, n, "utf-16", want, "UTF-16LE");
	expect_text((const char *)b, n, "utf-16le", want, "UTF-16LE");
}

/* Verified with: printf 'Hà Nội, ngày 15 tháng 3 năm 2024' | iconv -f UTF-8 -t CP1258 | xxd */
static const char cp1258_phrase[] =
	"H\xE0 N\xF4\xF2i, ng\xE0y 15 th\xE1ng 3 n\xE3m 2024";
/* ... and -t TCVN5712-1 */
static const char tcvn_phrase[] =
	"H\xB5 N\xE9i, ng\xB5y 15 th\xB8ng 3 n\xA8m 2024";
static const char phrase[] = "Hà Nội, ngày 15 tháng 3 năm 2024";

static void test_cp1258(void **state)
{
	run r;
	decode_n(&r, cp1258_phrase, sizeof cp1258_phrase - 1, NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, phrase);
	assert_string_equal(r.src.encoding, "CP1258");
	const bc_diag *g = only(&r, BC_N_ENCODING);
	assert_string_equal(g->arg, "CP1258");
	assert_int_equal(count_code(&r, BC_W_DECOMPOSED), 0);   /* CP1258's own combining marks */
	done(&r);
	expect_text(cp1258_phrase, sizeof cp1258_phrase - 1, "windows-1258", phrase, "CP1258");

	/* A longer text built with iconv, upper case and all. */
	const char *text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\r\nKính gửi: Sở Nội vụ; Trường Đại học Huế.\n";
	unsigned char b[512];
	size_t n = to_legacy(text, "CP1258", b, sizeof b);
	expect_text((const char *)b, n, NULL,
	            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nKính gửi: Sở Nội vụ; Trường Đại học Huế.\n", "CP1258");
	/* Not chosen by auto for the same text in UTF-8. */
	expect_text(text, strlen(text), NULL,
	            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nKính gửi: Sở Nội vụ; Trường Đại học Huế.\n", "UTF-8");
}

static void test_tcvn(void **state)
{
	run r;
	decode_n(&r, tcvn_phrase, sizeof tcvn_phrase - 1, NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, phrase);
	assert_string_equal(r.src.encoding, "TCVN");
	assert_string_equal(only(&r, BC_N_ENCODING)->arg, "TCVN");
	done(&r);
	expect_text(tcvn_phrase, sizeof tcvn_phrase - 1, "tcvn3", phrase, "TCVN");
	/* Upper-case letters on bytes below 0x20: 0x11 is Ứ, 0x01 is Ú. */
	expect_text("\x11NG D\x01NG", 8, "TCVN", "ỨNG DÚNG", "TCVN");

	const char *text = "ỦY BAN NHÂN DÂN\nKính gửi: Sở Nội vụ; Trường Đại học Huế.\n";
	unsigned char b[512];
	size_t n = to_legacy(text, "TCVN5712-1", b, sizeof b);
	expect_text((const char *)b, n, NULL, text, "TCVN");
	expect_text((const char *)b, n, "tcvn5712", text, "TCVN");
}

static void test_ambiguous_legacy(void **state)
{
	/* "Báo cáo" in CP1258 reads as good Vietnamese in TCVN too. */
	run r;
	decode_s(&r, "B\xE1o c\xE1o", NULL);
	assert_int_equal(r.rc, -1);
	const bc_diag *g = only(&r, BC_E_AMBIGUOUS_ENC);
	assert_int_equal(bc_diag_level(g->code), BC_LEVEL_FATAL);
	done(&r);
	/* Named, it decodes. */
	expect_text("B\xE1o c\xE1o", 7, "cp1258", "Báo cáo", "CP1258");
}

static void test_line_ends(void **state)
{
	expect_text("a\r\nb\rc\fd\ne", 10, NULL, "a\nb\nc\nd\ne", "UTF-8");
	expect_text("\r\r\n\n\r", 5, NULL, "\n\n\n\n", "UTF-8");
	expect_text("x\r", 2, NULL, "x\n", "UTF-8");
	/* Positions count lone CR and form feed as line breaks. */
	expect_fail_at("a\rb\fc\r\nd\x01", 9, NULL, BC_E_CONTROL_CHAR, 4, 2, "U+0001");
}

static void test_nfd(void **state)
{
	run r;
	/* line 2: "Ha\u0300 No\u0302\u0323i", line 4: "Vie\u0323\u0302t" */
	decode_s(&r, "Dòng một\nHa\xCC\x80 No\xCC\x82\xCC\xA3i\nổn\nVie\xCC\xA3\xCC\x82t Nam\n", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, "Dòng một\nHà Nội\nổn\nViệt Nam\n");
	/* one warning for the text, at the first decomposed letter, with the number of lines composed */
	assert_int_equal(count_code(&r, BC_W_DECOMPOSED), 1);
	assert_int_equal(r.d.n, 1);
	assert_int_equal(r.d.v[0].pos.line, 2);
	assert_int_equal(r.d.v[0].pos.col, 2);
	assert_string_equal(r.d.v[0].arg, "2");
	assert_int_equal(bc_diag_level(BC_W_DECOMPOSED), BC_LEVEL_WARNING);
	done(&r);
	/* The column counts composed characters before the change. */
	decode_s(&r, "ấy là o\xCC\x9B", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, "ấy là ơ");
	assert_int_equal(only(&r, BC_W_DECOMPOSED)->pos.col, 7);
	done(&r);
	/* Composed text gives no warning. */
	decode_s(&r, "Việt Nam ổn định\n", NULL);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.d.n, 0);
	done(&r);
}

/* Random mixes of letters, marks and characters NFC changes: the output
 * must equal utf8proc's NFC of the whole text, with a warning on exactly
 * the lines that changed. */
static void test_nfc_matches_reference(void **state)
{
	static const uint32_t pool[] = {
		'a', 'o', 'u', 'e', 'y', 'N', ' ', ',', '\n', 0x00E0, 0x00C2, 0x01A1, 0x01AF, 0x0111, 0x1EA0,
		0x1EC7, 0x1EF9, 0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323, 0x0338,
		0x0340, 0x0344, 0x2000, 0x2013, 0x201C, 0x20AB, 0x212B, 0x2126, 0x1100, 0x1161, 0x11A8,
		0x0915, 0x093C, 0x0958, 0x03B9, 0x0345, 0x1F00, 0xF900, 0x1D15E, 0x3099, 0x304B,
	};
	uint64_t seed = 0x9E3779B97F4A7C15u;
	char text[400], line_changed[64];
	for (int round = 0; round < 3000; round++) {
		size_t tl = 0, nchars = 1 + round % 60;
		for (size_t i = 0; i < nchars; i++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			uint32_t cp = pool[seed % (sizeof pool / sizeof pool[0])];
			tl += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)text + tl);
		}
		text[tl] = '\0';
		utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)text);
		assert_non_null(want);
		/* which lines does NFC change? */
		memset(line_changed, 0, sizeof line_changed);
		const char *a = text, *b = (const char *)want;
		for (int line = 0; *a || *b; line++) {
			size_t al = strcspn(a, "\n"), bl = strcspn(b, "\n");
			line_changed[line] = al != bl || memcmp(a, b, al) != 0;
			a += al + (a[al] == '\n');
			b += bl + (b[bl] == '\n');
			if (!*a && !*b)
				break;
		}
		run r;
		decode_n(&r, text, tl, NULL);
		assert_int_equal(r.rc, 0);
		assert_string_equal(r.src.text, (const char *)want);
		/* one warning, at the first line composition changed, counting the lines it changed */
		size_t changed = 0, first = 0;
		for (size_t i = 0; i < sizeof line_changed; i++)
			if (line_changed[i] && changed++ == 0)
				first = i + 1;
		assert_int_equal(r.d.n, changed ? 1 : 0);
		if (changed) {
			char want_n[24];
			snprintf(want_n, sizeof want_n, "%zu", changed);
			assert_int_equal(r.d.v[0].code, BC_W_DECOMPOSED);
			assert_int_equal(r.d.v[0].pos.line, first);
			assert_string_equal(r.d.v[0].arg, want_n);
		}
		done(&r);
		free(want);
	}
}

/* ---- errors --------------------------------------------------------------- */

static void test_invalid_utf8(void **state)
{
	/* line 3 column 5; the lines before hold multi-byte letters */
	const char in[] = "Đầu\nthứ hai\nHà x\xC3\x28 tiếp";
	expect_fail_at(in, sizeof in - 1, NULL, BC_E_INVALID_UTF8, 3, 5, "byte 0xC3 0x28");
	expect_fail_at(in, sizeof in - 1, "utf-8", BC_E_INVALID_UTF8, 3, 5, "byte 0xC3 0x28");
	/* each kind of ill-formed sequence, after "ổn " on line 2 */
	expect_fail_at("a\nổn \x80z", 9, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0x80");
	expect_fail_at("a\nổn \xC0\x80z", 10, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0xC0 0x80");
	expect_fail_at("a\nổn \xE0\x80\x80z", 11, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0xE0 0x80 0x80");
	expect_fail_at("a\nổn \xED\xA0\x80z", 11, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0xED 0xA0 0x80");
	expect_fail_at("a\nổn \xF4\x90\x80\x80z", 12, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0xF4 0x90 0x80 0x80");
	expect_fail_at("a\nổn \xF8\x88\x80\x80\x80z", 13, "utf-8", BC_E_INVALID_UTF8, 2, 4, "byte 0xF8");
	expect_fail_at("a\nổn \xE1\x80", 9, "utf-8", BC_E_INVALID_UTF8, 2, 4,
	               "byte 0xE1 0x80 (bị cắt ở cuối tệp)");
	/* Columns are counted in composed characters: "a\u0301b" is 2. */
	expect_fail_at("a\xCC\x81" "b\xFF", 5, "utf-8", BC_E_INVALID_UTF8, 1, 3, "byte 0xFF");
	/* A CRLF file counts CRLF as one break. */
	expect_fail_at("x\r\ny\r\nzz\xFE", 9, "utf-8", BC_E_INVALID_UTF8, 3, 3, "byte 0xFE");
}

static void test_damaged_utf8_not_legacy(void **state)
{
	/* Plenty of good UTF-8 and one stray CP1252 quote: reported as bad
	 * UTF-8 at the quote, not decoded as a code page. */
	const char in[] = "Ủy ban nhân dân tỉnh Quảng Ngãi\nbáo cáo \x93kết quả\x94 thực hiện\n";
	run r;
	decode_s(&r, in, NULL);
	assert_int_equal(r.rc, -1);
	const bc_diag *g = only(&r, BC_E_INVALID_UTF8);
	assert_int_equal(g->pos.line, 2);
	assert_int_equal(g->pos.col, 9);
	assert_string_equal(g->arg, "byte 0x93");
	assert_int_equal(count_code(&r, BC_N_ENCODING), 0);
	done(&r);

	/* short: one good letter and one damaged (overlong) sequence is still UTF-8 with an
	 * error, never silently read as CP1258 */
	decode_s(&r, "Việt Nam \xe0\x80\xaf\n", NULL);
	assert_int_equal(r.rc, -1);
	g = only(&r, BC_E_INVALID_UTF8);
	assert_int_equal(g->pos.line, 1);
	assert_int_equal(g->pos.col, 10);
	done(&r);
}

static void test_bom_inside(void **state)
{
	run r;
	decode_s(&r, "ab\nc\xEF\xBB\xBF" "d\n", NULL);
	assert_int_equal(r.rc, -1);
	const bc_diag *g = only(&r, BC_E_BOM_INSIDE);
	assert_int_equal(g->pos.line, 2);
	assert_int_equal(g->pos.col, 2);
	assert_int_equal(bc_diag_level(g->code), BC_LEVEL_ERROR);
	done(&r);
	/* A second BOM right after the first one is inside the text. */
	expect_fail_at("\xEF\xBB\xBF\xEF\xBB\xBFx", 7, NULL, BC_E_BOM_INSIDE, 1, 1, NULL);
	/* ... in UTF-16 too. */
	unsigned char b[64];
	size_t n = to_utf16("ab\xEF\xBB\xBF", 0, 1, b, sizeof b);
	expect_fail_at((const char *)b, n, NULL, BC_E_BOM_INSIDE, 1, 3, NULL);
}

static void test_nul(void **state)
{
	expect_fail_at("ab\ncd\0ef", 8, NULL, BC_E_BINARY, 2, 3, NULL);
	expect_fail_at("ổn\nđ\0", 8, "utf-8", BC_E_BINARY, 2, 2, NULL);
	/* Binary wins over bad UTF-8 elsewhere. */
	expect_fail_at("\xFF\xFE\x00", 3, "utf-8", BC_E_BINARY, 1, 3, NULL);
	expect_fail_at("x\0", 2, "cp1258", BC_E_BINARY, 1, 2, NULL);
	unsigned char b[8] = { 0xFF, 0xFE, 'a', 0, 0, 0 };
	expect_fail_at((const char *)b, 6, NULL, BC_E_BINARY, 1, 2, NULL);
}

static void test_control_chars(void **state)
{
	run r;
	decode_s(&r, "a\x07" "b\n\x1B[0m\x7F\n\xC2\x85\n", NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(count_code(&r, BC_E_CONTROL_CHAR), 4);   /* all are reported */
	assert_int_equal(r.d.v[0].pos.line, 1);
	assert_int_equal(r.d.v[0].pos.col, 2);
	assert_string_equal(r.d.v[0].arg, "U+0007");
	assert_int_equal(r.d.v[1].pos.line, 2);
	assert_int_equal(r.d.v[1].pos.col, 1);
	assert_string_equal(r.d.v[1].arg, "U+001B");
	assert_int_equal(r.d.v[2].pos.col, 5);
	assert_string_equal(r.d.v[2].arg, "U+007F");
	assert_int_equal(r.d.v[3].pos.line, 3);
	assert_string_equal(r.d.v[3].arg, "U+0085");
	done(&r);
	/* TAB, CR, LF and form feed are fine. */
	expect_text("a\tb\r\nc\fd", 8, NULL, "a\tb\nc\nd", "UTF-8");
}

/* Format characters (FORMAT.md §2.2): the invisible ones removed, with a note
 * a kind and the columns they leave; a joiner between Arabic letters stays;
 * directional controls refused at their line and column. */
static void test_format_chars(void **state)
{
	run r;
	/* "BÁO" ZWSP " CÁO", then "a" LRM "b" RLM RLM "c" WJ "d" */
	decode_s(&r, "B\xC3\x81O\xE2\x80\x8B C\xC3\x81O\na\xE2\x80\x8E" "b\xE2\x80\x8F\xE2\x80\x8F" "c\xE2\x81\xA0" "d\n", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, "B\xC3\x81O C\xC3\x81O\nabcd\n");
	const bc_diag *z = only(&r, BC_N_ZERO_WIDTH);
	assert_int_equal(z->pos.line, 1);
	assert_int_equal(z->pos.col, 4);
	assert_string_equal(z->arg, "2");
	const bc_diag *m = only(&r, BC_N_DIRECTION_MARK);
	assert_int_equal(m->pos.line, 2);
	assert_int_equal(m->pos.col, 2);
	assert_string_equal(m->arg, "3");
	/* decoded columns back to the file's: " CÁO" starts at 4, was 5; "b" 2 -> 3, "c" 3 -> 6, "d" 4 -> 8 */
	bc_pos p = bc_source_pos(&r.src, (bc_pos){ 1, 3 });
	assert_int_equal(p.col, 3);
	p = bc_source_pos(&r.src, (bc_pos){ 1, 4 });
	assert_int_equal(p.col, 5);
	p = bc_source_pos(&r.src, (bc_pos){ 2, 1 });
	assert_int_equal(p.col, 1);
	p = bc_source_pos(&r.src, (bc_pos){ 2, 2 });
	assert_int_equal(p.col, 3);
	p = bc_source_pos(&r.src, (bc_pos){ 2, 3 });
	assert_int_equal(p.col, 6);
	p = bc_source_pos(&r.src, (bc_pos){ 2, 4 });
	assert_int_equal(p.col, 8);
	done(&r);
	/* ZWJ between Arabic letters joins and stays; ZWNJ between Vietnamese letters does not */
	decode_s(&r, "\xD9\x84\xE2\x80\x8D\xD8\xA7 ng\xE2\x80\x8C\xC6\xB0\xE1\xBB\x9Di\n", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.src.text, "\xD9\x84\xE2\x80\x8D\xD8\xA7 ng\xC6\xB0\xE1\xBB\x9Di\n");
	assert_string_equal(only(&r, BC_N_ZERO_WIDTH)->arg, "1");
	done(&r);
	/* RLO and PDI: errors, the input refused */
	decode_s(&r, "S\xE1\xBB\x91: \xE2\x80\xAE" "12\nx\xE2\x81\xA9\n", NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(count_code(&r, BC_E_BIDI_CONTROL), 2);
	assert_int_equal(r.d.v[0].pos.line, 1);
	assert_int_equal(r.d.v[0].pos.col, 5);
	assert_string_equal(r.d.v[0].arg, "U+202E");
	assert_int_equal(r.d.v[1].pos.line, 2);
	assert_int_equal(r.d.v[1].pos.col, 2);
	assert_string_equal(r.d.v[1].arg, "U+2069");
	assert_int_equal(bc_diag_level(BC_E_BIDI_CONTROL), BC_LEVEL_ERROR);
	done(&r);
}

static void test_empty_and_bom_only(void **state)
{
	expect_fail_at("", 0, NULL, BC_E_EMPTY, 1, 1, NULL);
	expect_fail_at("", 0, "cp1258", BC_E_EMPTY, 1, 1, NULL);
	expect_fail_at("\xEF\xBB\xBF", 3, NULL, BC_E_BOM_ONLY, 1, 1, NULL);
	expect_fail_at("\xEF\xBB\xBF", 3, "utf-8", BC_E_BOM_ONLY, 1, 1, NULL);
	expect_fail_at("\xFF\xFE", 2, NULL, BC_E_BOM_ONLY, 1, 1, NULL);
	expect_fail_at("\xFE\xFF", 2, "utf-16", BC_E_BOM_ONLY, 1, 1, NULL);
	/* Not empty: a lone line break. */
	expect_text("\n", 1, NULL, "\n", "UTF-8");
}

static void test_unknown_encoding(void **state)
{
	expect_fail_at("abc", 3, "latin9", BC_E_UNKNOWN_ENC, 1, 1, "latin9");
	expect_text("abc", 3, "UTF-8", "abc", "UTF-8");
	expect_text("abc", 3, "Windows-1258", "abc", "CP1258");
	expect_text("abc", 3, "AUTO", "abc", "UTF-8");
}

/* UTF-16 without a BOM is told by the NUL high bytes of its ASCII units, either order; forced as
 * UTF-8 it is binary-input naming the option; eight units or fewer stay a NUL byte (binary) */
static void test_utf16_no_bom(void **state)
{
	const char *text = "Báo cáo kết quả\nViệt Nam\n";
	unsigned char b[256];
	for (int be = 0; be < 2; be++) {
		size_t n = to_utf16(text, be, 0, b, sizeof b);
		expect_text((const char *)b, n, NULL, text, be ? "UTF-16BE" : "UTF-16LE");
	}
	size_t n = to_utf16(text, 0, 0, b, sizeof b);
	expect_fail_at((const char *)b, n, "utf-8", BC_E_BINARY, 1, 2, "UTF-16LE? --encoding utf-16le");
	n = to_utf16("ab\ncd", 0, 0, b, sizeof b);
	expect_fail_at((const char *)b, n, NULL, BC_E_BINARY, 1, 2, NULL);
}

static void test_invalid_utf16(void **state)
{
	unsigned char b[64];
	size_t n = to_utf16("ổn\nab", 0, 1, b, sizeof b);
	b[n++] = 0x00; b[n++] = 0xD8;   /* high surrogate, then 'c' */
	b[n++] = 'c'; b[n++] = 0x00;
	expect_fail_at((const char *)b, n, NULL, BC_E_INVALID_UTF16, 2, 3, "nửa đầu 0xD800 của cặp thay thế (surrogate) đứng lẻ");
	n = to_utf16("ổn\nab", 1, 1, b, sizeof b);
	b[n++] = 0xDC; b[n++] = 0x00;   /* lone low surrogate */
	expect_fail_at((const char *)b, n, NULL, BC_E_INVALID_UTF16, 2, 3, "nửa sau 0xDC00 của cặp thay thế (surrogate) đứng lẻ");
	n = to_utf16("ab", 0, 1, b, sizeof b);
	b[n++] = 0x00; b[n++] = 0xD8;   /* high surrogate at the very end */
	expect_fail_at((const char *)b, n, NULL, BC_E_INVALID_UTF16, 1, 3, "nửa đầu 0xD800 của cặp thay thế (surrogate) đứng lẻ");
	n = to_utf16("ab\ncd", 0, 1, b, sizeof b);
	b[n++] = 'e';
	expect_fail_at((const char *)b, n, NULL, BC_E_INVALID_UTF16, 2, 3, "số byte lẻ (13)");
	/* A BOM that contradicts the named byte order. */
	n = to_utf16("ab", 1, 1, b, sizeof b);
	expect_fail_at((const char *)b, n, "utf-16le", BC_E_INVALID_UTF16, 1, 1, NULL);
}

static void test_bad_legacy_byte(void **state)
{
	/* 0x81 is not defined in CP1258; it sits on line 2 after "Hà ". */
	const char in[] = "ab\r\nH\xE0 \x81x";
	expect_fail_at(in, sizeof in - 1, "cp1258", BC_E_BAD_ENCODING, 2, 4, "byte 0x81 không có trong CP1258");
	/* after a base letter and a combining mark, which compose to one */
	const char in2[] = "N\xF4\xF2\x81";
	expect_fail_at(in2, sizeof in2 - 1, "cp1258", BC_E_BAD_ENCODING, 1, 3, "byte 0x81 không có trong CP1258");
}

static void test_too_large(void **state)
{
	/* Untouched anonymous pages cost nothing; the decoder must refuse
	 * before reading them. */
	size_t n = BC_MAX_INPUT_BYTES + 1;
	void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(p != MAP_FAILED);
	run r;
	decode_n(&r, p, n, NULL);
	assert_int_equal(r.rc, -1);
	const bc_diag *g = only(&r, BC_E_TOO_LARGE);
	assert_int_equal(g->pos.line, 1);
	done(&r);
	munmap(p, n);
}

#define BIG (10u * 1024 * 1024)

/* A 10 MB line decodes, keeps every byte and gets the right columns; its
 * linear time is measured by tests/pathological.sh (a ratio, not a limit). */
static void test_huge_line(void **state)
{
	static const char unit[] = "Hà Nội việt ";   /* 17 bytes, 12 code points */
	size_t ul = sizeof unit - 1, reps = BIG / ul;
	char *big = malloc(reps * ul + 8);
	assert_non_null(big);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * ul, unit, ul);
	size_t n = reps * ul;
	run r;
	decode_n(&r, big, n, NULL);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.src.len, n);
	assert_memory_equal(r.src.text, big, n);
	done(&r);

	/* the same line with a bad byte at the end: its column */
	big[n] = (char)0xFF;
	decode_n(&r, big, n + 1, NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(only(&r, BC_E_INVALID_UTF8)->pos.col, reps * 12 + 1);
	done(&r);

	/* decomposed throughout: one warning, composed output */
	static const char nfd[] = "a\xCC\x80 ";   /* 4 bytes -> "à " 3 bytes */
	size_t nreps = BIG / 4;
	char *d = malloc(nreps * 4);
	assert_non_null(d);
	for (size_t i = 0; i < nreps; i++)
		memcpy(d + i * 4, nfd, 4);
	decode_n(&r, d, nreps * 4, NULL);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.src.len, nreps * 3);
	assert_int_equal(only(&r, BC_W_DECOMPOSED)->pos.col, 1);
	done(&r);
	free(d);
	free(big);
}

static void test_source_free(void **state)
{
	run r;
	decode_s(&r, "abc", NULL);
	assert_int_equal(r.rc, 0);
	bc_source_free(&r.src);
	assert_null(r.src.text);
	assert_int_equal(r.src.len, 0);
	assert_int_equal(r.src.encoding[0], '\0');
	bc_source_free(&r.src);   /* twice is harmless */
	bc_diags_free(&r.d);
}

/* The seed reports are UTF-8, NFC, LF: they must come out byte for byte. */
static void test_seeds_unchanged(void **state)
{
	const char *dir = getenv("BAOCAO_SEEDS");
	if (!dir)
		dir = "../shared/seeds";
	DIR *dp = opendir(dir);
	if (!dp) {
		print_message("SKIPPED: no seed directory %s (set BAOCAO_SEEDS)\n", dir);
		skip();
	}
	int seen = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		size_t nl = strlen(e->d_name);
		if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		fseek(f, 0, SEEK_END);
		long sz = ftell(f);
		fseek(f, 0, SEEK_SET);
		char *buf = malloc((size_t)sz + 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, (size_t)sz, f), (size_t)sz);
		fclose(f);
		run r;
		decode_n(&r, buf, (size_t)sz, NULL);
		if (r.rc != 0 || r.d.n != 0)
			bc_diags_print(stderr, &r.d, path, BC_LEVEL_NOTE, BC_LANG_EN, 0);
		assert_int_equal(r.rc, 0);
		assert_int_equal(r.d.n, 0);
		assert_string_equal(r.src.encoding, "UTF-8");
		assert_int_equal(r.src.len, (size_t)sz);
		assert_memory_equal(r.src.text, buf, (size_t)sz);
		done(&r);
		free(buf);
		seen++;
	}
	closedir(dp);
	if (!seen) {
		print_message("SKIPPED: no .txt files in %s\n", dir);
		skip();
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_utf8),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_cp1258),
		cmocka_unit_test(test_tcvn),
		cmocka_unit_test(test_ambiguous_legacy),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_nfd),
		cmocka_unit_test(test_nfc_matches_reference),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_damaged_utf8_not_legacy),
		cmocka_unit_test(test_bom_inside),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_control_chars),
		cmocka_unit_test(test_format_chars),
		cmocka_unit_test(test_empty_and_bom_only),
		cmocka_unit_test(test_unknown_encoding),
		cmocka_unit_test(test_utf16_no_bom),
		cmocka_unit_test(test_invalid_utf16),
		cmocka_unit_test(test_bad_legacy_byte),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_source_free),
		cmocka_unit_test(test_seeds_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
