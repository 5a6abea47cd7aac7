/* test_model.c — unit tests for the model itself: the tree-shape verifier on real and broken trees, and the outputs' table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../compiler/input/decode.h"
#include "../../compiler/lex/patterns.h"
#include "../../compiler/parse/parse.h"
#include "../../compiler/model/facts.h"
#include "../../compiler/model/vocab.h"
#include "../../compiler/render/render.h"
#include "../../compiler/util/utf8.h"

static bc_document *parse_text(const char *text, bc_diags *d)
{
	return bc_parse("t.txt", text, strlen(text), d);
}

/* Parses every .txt file of a directory and verifies its tree; returns how many files. */
static int verify_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	int count = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t nl = strlen(e->d_name);
		if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		bc_buf bytes = BC_BUF_INIT;
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			bc_buf_put(&bytes, chunk, n);
		fclose(f);
		bc_diags d;
		bc_diags_init(&d);
		bc_source src;
		memset(&src, 0, sizeof src);
		if (bc_decode((const unsigned char *)bytes.s, bytes.len, NULL, &src, &d) == 0) {
			bc_document *doc = bc_parse(path, src.text, src.len, &d);
			char err[256] = "";
			if (bc_document_verify(doc, err, sizeof err) != 0)
				fail_msg("%s: %s", path, err);
			bc_document_free(doc);
			bc_source_free(&src);
			count++;
		}
		bc_diags_free(&d);
		bc_buf_free(&bytes);
	}
	closedir(dp);
	return count;
}

static void test_samples_verify(void **state)
{
	(void)state;
	assert_true(verify_dir("samples") >= 4);
}

/* Every regression input's tree keeps the model's shape (the fuzzer's
 * check, run here on the cases written by hand: a form's signature box once
 * put a PARAGRAPH where verify.c allowed none). */
static void test_regress_verify(void **state)
{
	(void)state;
	DIR *dp = opendir("tests/regress");
	assert_non_null(dp);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "tests/regress/%s", e->d_name);
		int k = verify_dir(path);
		if (k > 0)
			n += k;
	}
	closedir(dp);
	assert_true(n >= 100);
}

static void test_shared_material_verifies(void **state)
{
	(void)state;
	const char *dirs[] = { "../shared/seeds", "../shared/corpus" };
	for (size_t i = 0; i < 2; i++) {
		int n = verify_dir(dirs[i]);
		if (n < 0)
			print_message("note: %s is absent; its documents are not verified\n", dirs[i]);
	}
}

/* A small document with a table whose header is repeated with other words. */
static const char *const with_table =
	"Nội dung đầu.\n"
	"\n"
	"STT\tNội dung\tSố lượng\n"
	"1\tMột\t2\n"
	"TT\tNội dung\tSố lượng\n"
	"2\tHai\t3\n";

static bc_node *find(bc_node *root, bc_node_type t, int nth)
{
	bc_iter it;
	bc_iter_init(&it, root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE)
		if (ev == BC_EV_ENTER && it.cur->type == t && nth-- == 0)
			return it.cur;
	return NULL;
}

static void test_verifier_finds_broken_trees(void **state)
{
	(void)state;
	bc_diags d;
	bc_diags_init(&d);
	char err[256];

	bc_document *doc = parse_text(with_table, &d);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), 0);

	/* a cell under a paragraph (a table's cells are in its rows' arrays: one made by hand) */
	bc_node *p = find(doc->root, BC_NODE_PARAGRAPH, 0), *c = bc_node_new(doc, BC_NODE_CELL, (bc_pos){ 3, 1 });
	assert_non_null(p);
	bc_node_append(p, c);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "cell node at 3:1: not allowed under its parent"));
	bc_document_free(doc);

	/* a row's cell whose content is not a CELL node of that row, or whose span is 0 */
	doc = parse_text(with_table, &d);
	bc_node *r1 = find(doc->root, BC_NODE_ROW, 1);
	assert_true(r1->as.row.ncells > 0);
	r1->as.row.cells[0].flags |= BC_CELL_CONTENT;
	r1->as.row.cells[0].u.content = find(doc->root, BC_NODE_PARAGRAPH, 0);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "a cell's content is not a CELL node of its row"));
	bc_document_free(doc);
	doc = parse_text(with_table, &d);
	r1 = find(doc->root, BC_NODE_ROW, 1);
	r1->as.row.cells[0].colspan = 0;
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "cell span out of range"));
	bc_document_free(doc);

	/* a broken prev link */
	doc = parse_text(with_table, &d);
	bc_node *row = find(doc->root, BC_NODE_ROW, 1);
	assert_non_null(row->next);
	row->next->prev = NULL;
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "prev link"));
	bc_document_free(doc);

	/* a repeat mark on a data row */
	doc = parse_text(with_table, &d);
	row = find(doc->root, BC_NODE_ROW, 1);
	assert_int_equal(row->as.row.kind, BC_ROW_BODY);
	row->as.row.repeat = BC_REPEAT_SAME;
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "repeated header row is not a header row"));
	bc_document_free(doc);

	/* a clause moved out of its article */
	doc = parse_text("QUYẾT ĐỊNH\n\nVề việc giao nhiệm vụ\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Nhiệm vụ\n1. Chỉ đạo chung.\n2. Báo cáo định kỳ.\n", &d);
	bc_node *clause = find(doc->root, BC_NODE_CLAUSE, 1);
	assert_non_null(clause);
	assert_int_equal(clause->parent->type, BC_NODE_ARTICLE);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), 0);
	bc_node_unlink(clause);
	bc_node_append(doc->body, clause);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "clause node at 9:1: a clause or point outside an article"));
	bc_document_free(doc);

	/* a note reference to a paragraph */
	doc = parse_text("Câu có chú thích.\n", &d);
	p = find(doc->root, BC_NODE_PARAGRAPH, 0);
	bc_node *ref = bc_node_new(doc, BC_NODE_NOTEREF, p->pos);
	ref->as.noteref.note = p;
	bc_node_append(p, ref);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "points to a node that is not a note"));
	bc_document_free(doc);
	bc_diags_free(&d);
}

/* The reworded repeat is decided once, in the parser: the row is a repeated header, worded otherwise. */
static void test_reworded_repeat_in_model(void **state)
{
	(void)state;
	bc_diags d;
	bc_diags_init(&d);
	bc_document *doc = parse_text(with_table, &d);
	bc_node *rep = find(doc->root, BC_NODE_ROW, 2);
	assert_non_null(rep);
	assert_int_equal(rep->pos.line, 5);
	assert_int_equal(rep->as.row.kind, BC_ROW_HEAD);
	assert_int_equal(rep->as.row.repeat, BC_REPEAT_REWORDED);
	bc_document_free(doc);
	/* the same words as the header: SAME */
	doc = parse_text("STT\tNội dung\tSố lượng\n1\tMột\t2\nSTT\tNội dung\tSố lượng\n2\tHai\t3\n", &d);
	rep = find(doc->root, BC_NODE_ROW, 2);
	assert_int_equal(rep->as.row.repeat, BC_REPEAT_SAME);
	bc_document_free(doc);
	bc_diags_free(&d);
}

/* The outputs' tables: every line of outputs.def is in exactly one of them, with its render function. */
static void test_output_tables(void **state)
{
	(void)state;
	assert_int_equal(bc_builtin_outputs.abi, BC_RENDER_ABI);
	assert_int_equal(bc_plugin_outputs.abi, BC_RENDER_ABI);
	static const char *const names[] = {
#define BC_OUTPUT(n, ext, where, summary) #n,
#include "../../compiler/render/outputs.def"
#undef BC_OUTPUT
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const bc_renderer *a = bc_output_find(&bc_builtin_outputs, names[i]);
		const bc_renderer *b = bc_output_find(&bc_plugin_outputs, names[i]);
		assert_true((a != NULL) != (b != NULL));
		assert_non_null((a ? a : b)->render);
	}
	assert_non_null(bc_output_find(&bc_builtin_outputs, "tree"));
	assert_non_null(bc_output_find(&bc_plugin_outputs, "xml"));
	assert_non_null(bc_output_find(&bc_plugin_outputs, "pdf"));
	assert_null(bc_output_find(&bc_builtin_outputs, "xml"));
	assert_null(bc_output_find(&bc_plugin_outputs, "frob"));
}

/* The vocabulary: each fact written once and read by every stage. */
static void test_calendar(void **state)
{
	(void)state;
	assert_true(bc_date_exists((bc_date){ 29, 2, 2024 }));
	assert_false(bc_date_exists((bc_date){ 29, 2, 2026 }));
	assert_false(bc_date_exists((bc_date){ 29, 2, 1900 }));   /* a century, not a fourth */
	assert_true(bc_date_exists((bc_date){ 29, 2, 2000 }));
	assert_false(bc_date_exists((bc_date){ 31, 4, 2026 }));
	assert_false(bc_date_exists((bc_date){ 31, 2, 2026 }));
	assert_false(bc_date_exists((bc_date){ 0, 1, 2026 }));    /* a blank day is not a day */
	assert_false(bc_date_exists((bc_date){ 1, 13, 2026 }));
	assert_true(bc_date_exists((bc_date){ 1, 1, 1 }));
	assert_false(bc_date_exists((bc_date){ 1, 1, 10000 }));
	/* plausible for a document: 1900-2200 */
	assert_true(bc_date_plausible((bc_date){ 5, 3, 2026 }));
	assert_false(bc_date_plausible((bc_date){ 5, 3, 1899 }));
	assert_false(bc_date_plausible((bc_date){ 5, 3, 2201 }));
	assert_false(bc_date_plausible((bc_date){ 30, 2, 2026 }));
}

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(bc_doctype_from_name("BÁO CÁO", strlen("BÁO CÁO")), BC_DOC_BAO_CAO);
	assert_int_equal(bc_doctype_from_name("BÁO  CÁO", strlen("BÁO  CÁO")), BC_DOC_BAO_CAO);
	assert_int_equal(bc_doctype_from_name("CHƯƠNG TRÌNH HÀNH ĐỘNG", strlen("CHƯƠNG TRÌNH HÀNH ĐỘNG")), BC_DOC_CHUONG_TRINH);
	/* every kind of Phụ lục III, an office's phiếu trình, and the legal texts offices pass on */
	assert_int_equal(bc_doctype_from_name("NGHỊ ĐỊNH", strlen("NGHỊ ĐỊNH")), BC_DOC_NGHI_DINH);
	assert_int_equal(bc_doctype_from_name("CÔNG ĐIỆN", strlen("CÔNG ĐIỆN")), BC_DOC_CONG_DIEN);
	assert_int_equal(bc_doctype_from_name("GIẤY UỶ QUYỀN", strlen("GIẤY UỶ QUYỀN")), BC_DOC_GIAY_UY_QUYEN);
	assert_string_equal(bc_doctype_name(BC_DOC_GIAY_UY_QUYEN), "GIẤY ỦY QUYỀN");
	assert_string_equal(bc_doctype_code(BC_DOC_PHIEU_TRINH), "PT");
	assert_int_equal(bc_doctype_from_name("THAM LUẬN", strlen("THAM LUẬN")), BC_DOC_UNKNOWN);
	assert_int_equal(bc_doctype_from_name("Báo cáo", strlen("Báo cáo")), BC_DOC_UNKNOWN);
	/* the alias never replaces the main name */
	assert_string_equal(bc_doctype_name(BC_DOC_CHUONG_TRINH), "CHƯƠNG TRÌNH");
	assert_string_equal(bc_doctype_code(BC_DOC_QUYET_DINH), "QĐ");
	assert_string_equal(bc_doctype_code(BC_DOC_CONG_VAN), "");
	assert_string_equal(bc_doctype_name(BC_DOC_UNKNOWN), "");
	assert_true(bc_is_type_code("QyĐ", strlen("QyĐ")));
	assert_true(bc_is_type_code("NĐ", strlen("NĐ")));
	assert_false(bc_is_type_code("UBND", 4));
	/* every model type but UNKNOWN has one main row, with a name, and its header name reads back to it;
	 * but an appendix sent on its own, whose "PHỤ LỤC" line is the appendix's label, never a type line */
	for (int t = 1; t < BC_DOC_TYPE_COUNT; t++) {
		const bc_kind *k = bc_kind_of((bc_doctype)t);
		assert_int_equal(k->type, t);
		assert_int_equal(bc_doctype_from_name(k->name, strlen(k->name)),
		                 (k->flags & BC_KIND_APPENDIX) ? BC_DOC_UNKNOWN : t);
	}
	assert_string_equal(bc_doctype_name(BC_DOC_PHU_LUC), "PHỤ LỤC");
	/* a reader that matches words sees a longer word before a shorter one it begins or ends with */
	size_t n;
	const bc_kind *k = bc_kinds(&n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			if (!k[i].word || !k[j].word)
				continue;
			size_t a = strlen(k[i].word), b = strlen(k[j].word);
			if (b > a && (!memcmp(k[j].word, k[i].word, a) || !memcmp(k[j].word + b - a, k[i].word, a)))
				fail_msg("'%s' stands before '%s'", k[i].word, k[j].word);
		}
	assert_true(bc_doctype_has_articles(BC_DOC_QUYET_DINH));
	assert_true(bc_doctype_has_articles(BC_DOC_NGHI_QUYET));
	assert_false(bc_doctype_has_articles(BC_DOC_KE_HOACH));
}

static void test_labels(void **state)
{
	(void)state;
	assert_int_equal(bc_roman_value("XIV", 3), 14);
	assert_int_equal(bc_roman_value("IIII", 4), 4);
	assert_int_equal(bc_roman_value("I1", 2), 0);
	assert_int_equal(bc_letter_value("đ", strlen("đ")), 5);
	assert_int_equal(bc_letter_value("e", 1), 6);
	assert_int_equal(bc_letter_value("f", 1), 0);    /* no f in Vietnamese numbering */
	assert_string_equal(bc_letter_name(5), "đ");
	assert_string_equal(bc_letter_name(24), "?");
	assert_int_equal(bc_arabic_value("012", 3), 12);
	assert_int_equal(bc_arabic_value("1234567", 7), 0);
}

/* The one UTF-8 validator the decoder and the XML writer share. */
static void test_utf8_validator(void **state)
{
	(void)state;
	static const struct { const char *bytes; size_t n, want; } cases[] = {
		{ "a", 1, 1 },
		{ "\xC3\xA1", 2, 2 },             /* á */
		{ "\xE1\xBB\x87", 3, 3 },         /* ệ */
		{ "\xF0\x9F\x98\x80", 4, 4 },     /* U+1F600 */
		{ "\xC0\x80", 2, 0 },             /* overlong NUL */
		{ "\xC1\xBF", 2, 0 },             /* overlong */
		{ "\xE0\x80\xAF", 3, 0 },         /* overlong '/' */
		{ "\xED\xA0\x80", 3, 0 },         /* U+D800, a surrogate */
		{ "\xF4\x90\x80\x80", 4, 0 },     /* above U+10FFFF */
		{ "\xF5\x80\x80\x80", 4, 0 },     /* no such lead byte */
		{ "\xE1\xBB", 2, 0 },             /* truncated */
		{ "\x80", 1, 0 },                 /* a stray continuation byte */
		{ "\xC3\x28", 2, 0 },             /* a lead byte without its continuation */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (bc_utf8_valid_seq((const unsigned char *)cases[i].bytes, cases[i].n) != cases[i].want)
			fail_msg("case %zu: got %zu, want %zu", i, bc_utf8_valid_seq((const unsigned char *)cases[i].bytes, cases[i].n),
			         cases[i].want);
}

/* The Party's guide by the date (Hướng dẫn 05-HD/VPTW from 27/5/2026), the family by the symbol, --profile. */
static void test_party_guide(void **state)
{
	(void)state;
	bc_date before = { 26, 5, 2026 }, on = { 27, 5, 2026 }, old = { 3, 4, 2018 };
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 1, before), BC_GUIDE_HD36);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 1, old), BC_GUIDE_HD36);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 1, on), BC_GUIDE_HD05);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 0, (bc_date){ 0, 0, 0 }), BC_GUIDE_HD05);   /* undated: the guide in force */
	/* a draft's blank day: its month and year say which side of 27/5/2026 */
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 0, (bc_date){ 0, 1, 2026 }), BC_GUIDE_HD36);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 0, (bc_date){ 0, 0, 2025 }), BC_GUIDE_HD36);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 0, (bc_date){ 0, 5, 2026 }), BC_GUIDE_HD05);
	assert_int_equal(bc_guide_for(BC_FAMILY_PARTY, 0, (bc_date){ 0, 8, 2026 }), BC_GUIDE_HD05);
	assert_int_equal(bc_guide_for(BC_FAMILY_STATE, 1, on), BC_GUIDE_ND30);
	assert_string_equal(bc_guide_template(BC_GUIDE_HD36), "dang-36.xml");
	assert_null(bc_guide_template(BC_GUIDE_ND30));
	assert_string_equal(bc_party_type_code(BC_DOC_QUY_DINH), "QĐi");
	assert_true(bc_is_party_type_code("CTr", 3) && !bc_is_party_type_code("QyĐ", strlen("QyĐ")));
	bc_diags d;
	bc_diags_init(&d);
	/* no motto, no Party issuer, no T/M: the symbol "CTr/TU" alone says Party */
	bc_document *doc = parse_text("Số 03-CTr/TU\n\nHải Phòng, ngày 05 tháng 3 năm 2026\n\nCHƯƠNG TRÌNH\n\nvề việc thử\n\nNội dung.\n", &d);
	assert_int_equal(bc_document_facts(doc)->family, BC_FAMILY_PARTY);
	assert_int_equal(bc_document_facts(doc)->guide, BC_GUIDE_HD36);
	bc_document_set_profile(doc, 1);   /* --profile state: the facts are worked out again */
	assert_int_equal(bc_document_facts(doc)->family, BC_FAMILY_STATE);
	bc_document_free(doc);
	/* the state's "BC-UBND", "2026/QĐ-UBND" say nothing of the Party */
	doc = parse_text("Số: 03/2026/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nvề việc thử\n\nNội dung.\n", &d);
	assert_int_equal(bc_document_facts(doc)->family, BC_FAMILY_STATE);
	bc_document_set_profile(doc, 2);
	assert_int_equal(bc_document_facts(doc)->family, BC_FAMILY_PARTY);
	assert_int_equal(bc_document_facts(doc)->guide, BC_GUIDE_HD05);   /* the header has no date */
	bc_document_free(doc);
	bc_diags_free(&d);
}

int main(void)
{
	bc_patterns_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples_verify),
		cmocka_unit_test(test_regress_verify),
		cmocka_unit_test(test_shared_material_verifies),
		cmocka_unit_test(test_verifier_finds_broken_trees),
		cmocka_unit_test(test_reworded_repeat_in_model),
		cmocka_unit_test(test_output_tables),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_utf8_validator),
		cmocka_unit_test(test_party_guide),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	bc_patterns_free();
	return rc;
}
