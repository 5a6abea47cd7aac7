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
#include "../../compiler/render/render.h"

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

	/* a cell moved under a paragraph */
	bc_node *p = find(doc->root, BC_NODE_PARAGRAPH, 0), *c = find(doc->root, BC_NODE_CELL, 0);
	assert_non_null(p);
	assert_non_null(c);
	bc_node_unlink(c);
	bc_node_append(p, c);
	assert_int_equal(bc_document_verify(doc, err, sizeof err), -1);
	assert_non_null(strstr(err, "cell node at 3:1: not allowed under its parent"));
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

int main(void)
{
	bc_patterns_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples_verify),
		cmocka_unit_test(test_shared_material_verifies),
		cmocka_unit_test(test_verifier_finds_broken_trees),
		cmocka_unit_test(test_reworded_repeat_in_model),
		cmocka_unit_test(test_output_tables),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	bc_patterns_free();
	return rc;
}
