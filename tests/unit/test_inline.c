/* test_inline.c — bc_inline_parse: emphasis, tags, footnote marks, superscripts, breaks, dates, positions.
 *
 * Expectations come from grammar/FORMAT.md §3.5, §7.6 and §8.1 and from
 * reading each input by hand.  The tree is written compactly:
 *   {S:…} STRONG  {E:…} EMPH  {U:…} UNDERLINE  {SUP:…} SUP  {REF n} NOTEREF
 *   {BR} LINEBREAK  {DATE d-m-y:…} DATE  {BADDATE d-m-y:…} DATE marked invalid  and TEXT as its literal. */
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
#include "../../compiler/parse/inline.h"
#include "../../compiler/util/buf.h"

/* ------------------------------------------------------------ harness */

static bc_document *doc;
static bc_diags D;
static bc_node *par;
static bc_buf out;

static int setup(void **state)
{
	(void)state;
	bc_patterns_init();
	doc = bc_document_new("test.txt");
	bc_diags_init(&D);
	par = NULL;
	memset(&out, 0, sizeof out);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	bc_buf_free(&out);
	bc_diags_free(&D);
	bc_document_free(doc);
	return 0;
}

static void dump(const bc_node *n, bc_buf *b)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		switch (c->type) {
		case BC_NODE_TEXT: bc_buf_put(b, c->as.text.literal.s, c->as.text.literal.len); break;
		case BC_NODE_STRONG: bc_buf_puts(b, "{S:"); dump(c, b); bc_buf_puts(b, "}"); break;
		case BC_NODE_EMPH: bc_buf_puts(b, "{E:"); dump(c, b); bc_buf_puts(b, "}"); break;
		case BC_NODE_UNDERLINE: bc_buf_puts(b, "{U:"); dump(c, b); bc_buf_puts(b, "}"); break;
		case BC_NODE_SUP: bc_buf_puts(b, "{SUP:"); dump(c, b); bc_buf_puts(b, "}"); break;
		case BC_NODE_NOTEREF: bc_buf_printf(b, "{REF %d}", c->as.noteref.id); break;
		case BC_NODE_LINEBREAK: bc_buf_puts(b, "{BR}"); break;
		case BC_NODE_DATE:
			bc_buf_printf(b, "{%s %d-%d-%d:", c->as.date.invalid ? "BADDATE" : "DATE", c->as.date.date.day,
			              c->as.date.date.month, c->as.date.date.year);
			dump(c, b);
			bc_buf_puts(b, "}");
			break;
		default: bc_buf_printf(b, "{?%s}", bc_node_type_name(c->type)); break;
		}
	}
}

/* Parses segments into a fresh PARAGRAPH and returns the compact dump. */
static const char *parse_segs(const bc_seg *segs, size_t n)
{
	bc_inline_ctx cx = { doc, &D };
	par = bc_node_new(doc, BC_NODE_PARAGRAPH, segs[0].pos);
	bc_inline_parse(&cx, par, segs, n);
	bc_buf_clear(&out);
	dump(par, &out);
	return bc_buf_cstr(&out);
}

static const char *parse1(const char *s)
{
	bc_seg seg = { s, strlen(s), { 1, 1 }, 0 };
	return parse_segs(&seg, 1);
}

static size_t count_diag(bc_diag_code c)
{
	size_t k = 0;
	for (size_t i = 0; i < D.n; i++)
		k += D.v[i].code == c;
	return k;
}

static void reset_diags(void)
{
	bc_diags_free(&D);
	bc_diags_init(&D);
}

/* The first node of type t in document order under n. */
static bc_node *find(bc_node *n, bc_node_type t)
{
	for (bc_node *c = n->first; c; c = c->next) {
		if (c->type == t)
			return c;
		bc_node *r = find(c, t);
		if (r)
			return r;
	}
	return NULL;
}

static void texts(const bc_node *n, bc_buf *b)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_TEXT)
			bc_buf_put(b, c->as.text.literal.s, c->as.text.literal.len);
		texts(c, b);
	}
}

static int max_depth(const bc_node *n, bc_node_type t)
{
	int m = 0;
	for (const bc_node *c = n->first; c; c = c->next) {
		int d = max_depth(c, t) + (c->type == t);
		if (d > m)
			m = d;
	}
	return m;
}

#define EXPECT(input, want) assert_string_equal(parse1(input), want)

/* ------------------------------------------------------------ emphasis (§3.5) */

static void test_bold_italic(void **state)
{
	(void)state;
	EXPECT("Tỷ lệ **hoàn thành** cao", "Tỷ lệ {S:hoàn thành} cao");
	EXPECT("chữ *nghiêng* ở đây", "chữ {E:nghiêng} ở đây");
	EXPECT("***cả hai***", "{S:{E:cả hai}}");
	EXPECT("**Mở đầu** và **kết thúc**", "{S:Mở đầu} và {S:kết thúc}");
	EXPECT("không có gì đặc biệt", "không có gì đặc biệt");
	assert_int_equal(D.n, 0);
}

static void test_tags(void **state)
{
	(void)state;
	EXPECT("<b>đậm</b> thường", "{S:đậm} thường");
	EXPECT("<i>Trong đó:</i>", "{E:Trong đó:}");
	EXPECT("<u>gạch chân</u>", "{U:gạch chân}");
	EXPECT("nhiệt độ 35<sup>o</sup>C", "nhiệt độ 35{SUP:o}C");
	EXPECT("<B>HOA</B>", "{S:HOA}");
	EXPECT("<I>hoa</I> và <U>gạch</U>", "{E:hoa} và {U:gạch}");
	assert_int_equal(D.n, 0);
}

static void test_tags_any_case(void **state)
{
	(void)state;
	/* §3.2: "Tags are matched case-insensitively (<B>, <Sup>)".
	  */
	EXPECT("35<Sup>o</Sup>C", "35{SUP:o}C");
	EXPECT("35<SUP>o</SUP>C", "35{SUP:o}C");
}

static void test_nesting(void **state)
{
	(void)state;
	EXPECT("**a *b* c**", "{S:a {E:b} c}");
	EXPECT("<b>a <i>b</i></b>", "{S:a {E:b}}");
	EXPECT("<u>**x**</u>", "{U:{S:x}}");
	EXPECT("*nghiêng **đậm** nghiêng*", "{E:nghiêng {S:đậm} nghiêng}");
	EXPECT("<b>1</b>", "{S:1}");
	assert_int_equal(D.n, 0);
}

static void test_unclosed_kept_literal(void **state)
{
	(void)state;
	EXPECT("**mở mà không đóng", "**mở mà không đóng");
	assert_int_equal(count_diag(BC_W_UNCLOSED_MARKUP), 1);
	reset_diags();
	EXPECT("<b>không đóng", "<b>không đóng");
	assert_int_equal(count_diag(BC_W_UNCLOSED_MARKUP), 1);
	reset_diags();
	EXPECT("đóng mà không mở</b>", "đóng mà không mở</b>");
	assert_int_equal(count_diag(BC_W_UNMATCHED_MARKUP), 1);
	reset_diags();
	EXPECT("<i>a</u>", "<i>a</u>");
	assert_int_equal(count_diag(BC_W_UNCLOSED_MARKUP), 1);
	assert_int_equal(count_diag(BC_W_UNMATCHED_MARKUP), 1);
	reset_diags();
	/* a single unpaired asterisk is ordinary text and not reported */
	EXPECT("chỉ tiêu (*) và a * b", "chỉ tiêu (*) và a * b");
	EXPECT("*một sao không đóng", "*một sao không đóng");
	EXPECT("5 * 3 = 15", "5 * 3 = 15");
	assert_int_equal(D.n, 0);
}

static void test_unclosed_position(void **state)
{
	(void)state;
	bc_seg seg = { "Kết quả **đạt", strlen("Kết quả **đạt"), { 7, 3 }, 0 };
	parse_segs(&seg, 1);
	assert_int_equal(count_diag(BC_W_UNCLOSED_MARKUP), 1);
	/* "Kết quả " is 8 characters: the ** is at column 3 + 8 */
	assert_int_equal(D.v[0].pos.line, 7);
	assert_int_equal(D.v[0].pos.col, 11);
}

static void test_star_label_not_emphasis(void **state)
{
	(void)state;
	EXPECT("*) Khách quan: tình hình *tốt*", "*) Khách quan: tình hình {E:tốt}");
	EXPECT("*) Chủ quan:", "*) Chủ quan:");
	assert_int_equal(D.n, 0);
}

static void test_escapes(void **state)
{
	(void)state;
	/* §3.5: escape ::= "\" [*<>\[\]^|\\] — the character itself, literally.
	  */
	EXPECT("\\*không nghiêng\\*", "*không nghiêng*");
	EXPECT("a \\<b\\> c", "a <b> c");
}

/* ------------------------------------------------------------ footnote marks and superscripts (§8.1) */

static void test_noterefs(void **state)
{
	(void)state;
	EXPECT("tăng 11,5%¹ so với", "tăng 11,5%{REF 1} so với");
	EXPECT("Hải Phòng²⁹, Hà Nội", "Hải Phòng{REF 29}, Hà Nội");
	EXPECT("năm 2025³ đạt", "năm 2025{REF 3} đạt");
	EXPECT("khu kinh tế (KKT)⁴.", "khu kinh tế (KKT){REF 4}.");
	EXPECT("hoàn thành.¹²", "hoàn thành.{REF 12}");
	EXPECT("60,195 ²⁹", "60,195 {REF 29}");
	EXPECT("xem<sup>12</sup> sau", "xem{REF 12} sau");
	EXPECT("thành phố[^3], Ủy ban", "thành phố{REF 3}, Ủy ban");
	EXPECT("Cam²", "Cam{REF 2}");
	bc_node *r = find(par, BC_NODE_NOTEREF);
	assert_non_null(r);
	assert_int_equal(r->as.noteref.id, 2);
	assert_null(r->as.noteref.note);
}

static void test_units_are_superscripts(void **state)
{
	(void)state;
	EXPECT("diện tích 1.250 m²", "diện tích 1.250 m{SUP:²}");
	EXPECT("rộng 12 km² đất", "rộng 12 km{SUP:²} đất");
	EXPECT("giá 5 triệu đồng/m² sàn", "giá 5 triệu đồng/m{SUP:²} sàn");
	EXPECT("khối lượng 300 m³", "khối lượng 300 m{SUP:³}");
	EXPECT("m² đất", "m{SUP:²} đất");
	assert_null(find(par, BC_NODE_NOTEREF));
}

static void test_unit_after_digit(void **state)
{
	(void)state;
	/* §8.1: a unit "preceded by a space, a digit or /": "50m²" is an area.
	  */
	EXPECT("diện tích 50m²", "diện tích 50m{SUP:²}");
}

static void test_unit_sup_tag(void **state)
{
	(void)state;
	/* §8.1: "50 m<sup>3</sup>" is a superscript, not a reference.
	  */
	EXPECT("50 m<sup>3</sup>", "50 m{SUP:3}");
}

/* ------------------------------------------------------------ line breaks */

static void test_linebreaks_across_segments(void **state)
{
	(void)state;
	bc_seg segs[3] = {
		{ "Dòng một", strlen("Dòng một"), { 1, 1 }, 0 },
		{ "dòng hai", strlen("dòng hai"), { 2, 1 }, 1 },
		{ "dòng ba", strlen("dòng ba"), { 3, 1 }, 0 },
	};
	assert_string_equal(parse_segs(segs, 3), "Dòng một{BR}dòng hai dòng ba");
	bc_node *br = find(par, BC_NODE_LINEBREAK);
	assert_non_null(br);
	assert_null(br->next->next);
	/* emphasis may span the segments of one construct */
	bc_seg s2[2] = {
		{ "**Tình hình phát triển,", strlen("**Tình hình phát triển,"), { 1, 1 }, 0 },
		{ "năm 2026**", strlen("năm 2026**"), { 2, 1 }, 0 },
	};
	assert_string_equal(parse_segs(s2, 2), "{S:Tình hình phát triển, năm 2026}");
	EXPECT("một<br>hai", "một{BR}hai");
	EXPECT("một<br/>hai", "một{BR}hai");
	assert_int_equal(D.n, 0);
}

/* ------------------------------------------------------------ dates (§7.6) */

static void test_dates(void **state)
{
	(void)state;
	parse1("Theo Kế hoạch số 08/KH-UBND ngày 13/11/2025 của UBND");
	bc_node *d = find(par, BC_NODE_DATE);
	assert_non_null(d);
	assert_int_equal(d->as.date.date.day, 13);
	assert_int_equal(d->as.date.date.month, 11);
	assert_int_equal(d->as.date.date.year, 2025);
	bc_buf t = BC_BUF_INIT;
	texts(par, &t);
	assert_string_equal(bc_buf_cstr(&t), "Theo Kế hoạch số 08/KH-UBND ngày 13/11/2025 của UBND");
	bc_buf_free(&t);

	parse1("ban hành ngày 05 tháng 3 năm 2026.");
	d = find(par, BC_NODE_DATE);
	assert_non_null(d);
	assert_int_equal(d->as.date.date.day, 5);
	assert_int_equal(d->as.date.date.month, 3);
	assert_int_equal(d->as.date.date.year, 2026);

	parse1("Ngày 1/7/2026 bắt đầu");
	d = find(par, BC_NODE_DATE);
	assert_non_null(d);
	assert_int_equal(d->as.date.date.day, 1);
	assert_int_equal(d->as.date.date.month, 7);

	/* two dates in one text */
	parse1("từ ngày 01/01/2026 đến ngày 31/12/2026");
	d = find(par, BC_NODE_DATE);
	assert_non_null(d);
	assert_non_null(d->next);
	bc_node *d2 = NULL;
	for (bc_node *c = d->next; c; c = c->next)
		if (c->type == BC_NODE_DATE)
			d2 = c;
	assert_non_null(d2);
	assert_int_equal(d2->as.date.date.day, 31);
	assert_int_equal(d2->as.date.date.month, 12);
}

static void test_date_extent(void **state)
{
	(void)state;
	/* §7.6: "in ngày 13/11/2025 the word ngày and the space stay TEXT and 13/11/2025 is the DATE".
	  */
	EXPECT("ngày 13/11/2025", "ngày {DATE 13-11-2025:13/11/2025}");
	EXPECT("ngày 05 tháng 3 năm 2026", "ngày {DATE 5-3-2026:05 tháng 3 năm 2026}");
}

static void test_not_dates(void **state)
{
	(void)state;
	/* an impossible date is a DATE marked invalid, its text as written (the checker reports it) */
	EXPECT("ngày 30/02/2026", "ngày {BADDATE 30-2-2026:30/02/2026}");
	assert_int_equal(find(par, BC_NODE_DATE)->as.date.invalid, 1);
	EXPECT("ngày 29/02/2025, ngày 29/02/2024", "ngày {BADDATE 29-2-2025:29/02/2025}, ngày {DATE 29-2-2024:29/02/2024}");
	/* one no document bears: before 1900, after 2200 */
	EXPECT("ngày 01/01/1800", "ngày {BADDATE 1-1-1800:01/01/1800}");
	EXPECT("ngày 31 tháng 6 năm 2026", "ngày {BADDATE 31-6-2026:31 tháng 6 năm 2026}");
	EXPECT("Ngày **32/01/2026**.", "Ngày {S:{BADDATE 32-1-2026:32/01/2026}}.");
	/* other separators are not dates at all, possible or not (§7.6) */
	EXPECT("ngày 31-02-2026", "ngày 31-02-2026");
	EXPECT("ngày 31.02.2026", "ngày 31.02.2026");
	assert_null(find(par, BC_NODE_DATE));
	EXPECT("tháng 02/2026", "tháng 02/2026");
	assert_null(find(par, BC_NODE_DATE));
	EXPECT("năm 2026", "năm 2026");
	EXPECT("ngày 13-11-2025", "ngày 13-11-2025");
	assert_null(find(par, BC_NODE_DATE));
	EXPECT("30/4-01/5", "30/4-01/5");
	EXPECT("13/11/2025", "13/11/2025");
	assert_null(find(par, BC_NODE_DATE));
}

static void test_date_inside_markup(void **state)
{
	(void)state;
	/* §7.6: "ngày **20/01/2025**" — the DATE is inside the STRONG.
	  */
	parse1("ngày **20/01/2025**");
	bc_node *s = find(par, BC_NODE_STRONG);
	assert_non_null(s);
	bc_node *d = find(s, BC_NODE_DATE);
	assert_non_null(d);
	assert_int_equal(d->as.date.date.day, 20);
	assert_int_equal(d->as.date.date.month, 1);
}

static void test_date_any_case(void **state)
{
	(void)state;
	/* §7.6: "a date preceded by the word ngày (any case)".
	  */
	parse1("NGÀY 20/01/2025");
	assert_non_null(find(par, BC_NODE_DATE));
}

/* ------------------------------------------------------------ positions */

static void test_positions(void **state)
{
	(void)state;
	bc_seg segs[2] = {
		{ "Tỷ lệ **đạt** 95%¹", strlen("Tỷ lệ **đạt** 95%¹"), { 3, 5 }, 0 },
		{ "*thêm* ý", strlen("*thêm* ý"), { 4, 1 }, 0 },
	};
	parse_segs(segs, 2);
	assert_int_equal(par->first->type, BC_NODE_TEXT);
	assert_int_equal(par->first->pos.line, 3);
	assert_int_equal(par->first->pos.col, 5);
	bc_node *s = find(par, BC_NODE_STRONG);
	/* "Tỷ lệ " is 6 characters */
	assert_int_equal(s->pos.line, 3);
	assert_int_equal(s->pos.col, 11);
	/* "Tỷ lệ **đạt** 95%" is 17 characters */
	bc_node *r = find(par, BC_NODE_NOTEREF);
	assert_int_equal(r->pos.line, 3);
	assert_int_equal(r->pos.col, 22);
	bc_node *e = find(par, BC_NODE_EMPH);
	assert_int_equal(e->pos.line, 4);
	assert_int_equal(e->pos.col, 1);
	/* the text after the emphasis on line 4: " ý" starts at column 7 */
	bc_node *last = par->last;
	assert_int_equal(last->type, BC_NODE_TEXT);
	assert_int_equal(last->pos.line, 4);
	assert_int_equal(last->pos.col, 7);
}

/* ------------------------------------------------------------ limits */

/* Parses n copies of piece as one segment; returns the CPU seconds taken. */
static double run_pieces(const char *piece, size_t n, char **src)
{
	size_t pl = strlen(piece);
	char *s = malloc(n * pl + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * pl, piece, pl);
	s[n * pl] = 0;
	bc_seg seg = { s, n * pl, { 1, 1 }, 0 };
	bc_inline_ctx cx = { doc, &D };
	par = bc_node_new(doc, BC_NODE_PARAGRAPH, seg.pos);
	clock_t t0 = clock();
	bc_inline_parse(&cx, par, &seg, 1);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	*src = s;
	return secs;
}

static void test_pathological_unclosed(void **state)
{
	(void)state;
	/* 50 000 unclosed "** <b> " pieces: completes, and the concatenated TEXT is the input.
	 * Linear: four times the input may take at most about four times as long.
	  */
	char *s;
	size_t n = 50000, pl = strlen("** <b> ");
	double t_big = run_pieces("** <b> ", n, &s);
	bc_buf t = BC_BUF_INIT;
	texts(par, &t);
	assert_int_equal(t.len, n * pl);
	assert_memory_equal(bc_buf_cstr(&t), s, n * pl);
	bc_buf_free(&t);
	assert_null(find(par, BC_NODE_STRONG));
	free(s);
	double t_small = run_pieces("** <b> ", n / 4, &s);
	free(s);
	if (!(t_big < 0.5 || t_big < 7.0 * t_small))
		fail_msg("not linear: %zu pieces %.3fs, %zu pieces %.3fs", n / 4, t_small, n, t_big);
}

/* Parses n "<b>x" then n "</b>" as one segment: returns the CPU seconds, and checks that the
 * depth stays bounded and no "x" is lost. */
static double nested_run(size_t n)
{
	bc_buf in = BC_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		bc_buf_puts(&in, "<b>x");
	for (size_t i = 0; i < n; i++)
		bc_buf_puts(&in, "</b>");
	bc_seg seg = { in.s, in.len, { 1, 1 }, 0 };
	bc_inline_ctx cx = { doc, &D };
	par = bc_node_new(doc, BC_NODE_PARAGRAPH, seg.pos);
	clock_t t0 = clock();
	bc_inline_parse(&cx, par, &seg, 1);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	bc_buf_free(&in);
	bc_buf t = BC_BUF_INIT;
	texts(par, &t);
	size_t xs = 0;
	for (size_t i = 0; i < t.len; i++)
		xs += t.s[i] == 'x';
	bc_buf_free(&t);
	assert_int_equal(xs, n);
	assert_true(max_depth(par, BC_NODE_STRONG) <= BC_MAX_INLINE_DEPTH);
	return secs;
}

static void test_pathological_nested(void **state)
{
	(void)state;
	/* 20 000 openers and 20 000 closers: nothing lost but markers, depth bounded, linear */
	size_t n = 20000;
	double t_big = nested_run(n);
	double t_small = nested_run(n / 4);
	if (!(t_big < 0.5 || t_big < 7.0 * t_small))
		fail_msg("not linear: %zu openers %.3fs, %zu openers %.3fs", n / 4, t_small, n, t_big);
}

static void test_too_deep_reported(void **state)
{
	(void)state;
	/* §3.5: nesting deeper than 64 is reported (inline-too-deep, a warning); the inner markers are kept as text.
	  */
	bc_buf in = BC_BUF_INIT;
	for (int i = 0; i < 70; i++)
		bc_buf_puts(&in, "<b>a");
	for (int i = 0; i < 70; i++)
		bc_buf_puts(&in, "</b>");
	parse1(bc_buf_cstr(&in));
	assert_true(max_depth(par, BC_NODE_STRONG) <= BC_MAX_INLINE_DEPTH);
	bc_buf t = BC_BUF_INIT;
	texts(par, &t);
	size_t as = 0;
	for (size_t i = 0; i < t.len; i++)
		as += t.s[i] == 'a';
	assert_int_equal(as, 70);
	bc_buf_free(&t);
	bc_buf_free(&in);
	assert_true(count_diag(BC_W_INLINE_DEEP) >= 1);
}

static void test_parse_date_words(void **state)
{
	(void)state;
	bc_date d = { 0, 0, 0 };
	const char *s = "(Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026 của UBND)";
	assert_true(bc_parse_date_words(s, strlen(s), &d));
	assert_int_equal(d.day, 5);
	assert_int_equal(d.month, 3);
	assert_int_equal(d.year, 2026);
	s = "ngày 05/7/2026";
	assert_true(bc_parse_date_words(s, strlen(s), &d));
	assert_int_equal(d.day, 5);
	assert_int_equal(d.month, 7);
	s = "không có ngày";
	assert_false(bc_parse_date_words(s, strlen(s), &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bold_italic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tags_any_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nesting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_kept_literal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_star_label_not_emphasis, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_noterefs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_units_are_superscripts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_after_digit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_sup_tag, setup, teardown),
		cmocka_unit_test_setup_teardown(test_linebreaks_across_segments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_extent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_inside_markup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_any_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pathological_unclosed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pathological_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_deep_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_date_words, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
