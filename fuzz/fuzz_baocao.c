/* fuzz_baocao.c — one libFuzzer target for every stage; the first byte chooses the stage, as cmark's fuzzer does. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../compiler/check/check.h"
#include "../compiler/diag/diag.h"
#include "../compiler/input/decode.h"
#include "../compiler/lex/lines.h"
#include "../compiler/lex/patterns.h"
#include "../compiler/model/report.h"
#include "../compiler/parse/inline.h"
#include "../compiler/parse/parse.h"
#include "../compiler/restore/restore.h"
#include "../compiler/parse/table.h"
#include "../compiler/pdf/pdf.h"
#include "../compiler/render/render.h"
#include "../compiler/util/buf.h"
#include "../compiler/xml/xml.h"

/*
 * Modes, by the first byte modulo MODE_COUNT.  `make fuzz` runs each mode as
 * its own campaign by setting BAOCAO_FUZZ_MODE, so that the corpus of one
 * stage does not drown the others; without it the first byte decides.
 */
enum {
	M_DECODE_AUTO, M_DECODE_UTF8, M_DECODE_UTF16, M_DECODE_UTF16LE, M_DECODE_UTF16BE,
	M_DECODE_CP1258, M_DECODE_TCVN,
	M_PARSE,   /* decode + whole-document parse */
	M_LINES,   /* the line classifier and the small recognisers beside it */
	M_INLINE,  /* the inline parser, one segment per line */
	M_TABLE,   /* the table builder on raw lines */
	M_XML,     /* parse, render, validate against the schema */
	M_PDF,     /* parse, lay out, write a PDF (small documents only) */
	M_CHECK,   /* parse, then every check and every output format */
	M_TREE,    /* parse, verify the tree's shape, print it as `baocao tree` does */
	MODE_COUNT
};

static const char *const encodings[] = { NULL, "utf-8", "utf-16", "utf-16le", "utf-16be", "cp1258", "tcvn" };

/* PDF layout is slow per byte; bigger inputs only waste the campaign's time. */
#define PDF_MAX_INPUT 3000

static int forced_mode = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *m = getenv("BAOCAO_FUZZ_MODE");
	if (m && *m)
		forced_mode = atoi(m) % MODE_COUNT;
	/* the PDF stage finds templates and fonts through BAOCAO_DATADIR, set by the Makefile */
	bc_patterns_init();
	return 0;
}

static void run_lines(const char *text, size_t len)
{
	bc_diags d;
	bc_diags_init(&d);
	bc_lines lines = { 0 };
	bc_lines_split(&lines, text, len, &d);
	for (size_t i = 0; i < lines.n; i++) {
		const bc_line *l = &lines.v[i];
		(void)bc_line_col(l, l->len);
		(void)bc_line_kind_name(l->kind);
		size_t ml;
		(void)bc_note_mark(l->s, l->len, &ml);
		(void)bc_table_count_cells(l->s, l->len, 0);
		(void)bc_table_count_cells(l->s, l->len, 1);
		char num[64];
		if (l->len + 2 <= sizeof num)
			(void)bc_number_value(l->s, l->len, num, sizeof num);
		bc_date date;
		(void)bc_parse_date_words(l->s, l->len, &date);
		if (i > 0)
			(void)bc_table_same_header(lines.v[i - 1].s, lines.v[i - 1].len, l->s, l->len);
	}
	bc_lines_free(&lines);
	bc_diags_free(&d);
}

/* Splits text into LF-separated pieces; the caller frees *out. */
static size_t split_lines(const char *text, size_t len, const char ***starts, size_t **lens)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	*starts = malloc(n * sizeof **starts);
	*lens = malloc(n * sizeof **lens);
	size_t k = 0, from = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			(*starts)[k] = text + from;
			(*lens)[k] = i - from;
			k++;
			from = i + 1;
		}
	}
	return k;
}

static void run_inline(const char *text, size_t len)
{
	bc_document *doc = bc_document_new("fuzz.txt");
	bc_diags d;
	bc_diags_init(&d);
	const char **s;
	size_t *l;
	size_t n = split_lines(text, len, &s, &l);
	bc_seg *segs = calloc(n, sizeof *segs);
	for (size_t i = 0; i < n; i++) {
		segs[i].s = s[i];
		segs[i].len = l[i];
		segs[i].pos.line = (uint32_t)i + 1;
		segs[i].pos.col = 1;
		/* a line ending in two spaces asks for a break, as the block parser would */
		segs[i].brk = l[i] >= 2 && s[i][l[i] - 1] == ' ' && s[i][l[i] - 2] == ' ';
	}
	bc_inline_ctx cx = { doc, &d };
	bc_pos p = { 1, 1 };
	bc_node *par = bc_node_new(doc, BC_NODE_PARAGRAPH, p);
	bc_inline_parse(&cx, par, segs, n);
	bc_buf b = BC_BUF_INIT;
	bc_node_plain_text(par, &b);
	bc_buf_free(&b);
	free(segs);
	free(s);
	free(l);
	bc_diags_free(&d);
	bc_document_free(doc);
}

static void run_table(const char *text, size_t len)
{
	bc_document *doc = bc_document_new("fuzz.txt");
	bc_diags d;
	bc_diags_init(&d);
	const char **s;
	size_t *l;
	size_t n = split_lines(text, len, &s, &l);
	bc_table_line *tl = calloc(n, sizeof *tl);
	size_t k = 0;
	int gap = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i] == 0) {
			gap = 1;   /* blank lines stand for a page break between rows */
			continue;
		}
		tl[k].s = s[i];
		tl[k].len = l[i];
		tl[k].pos.line = (uint32_t)i + 1;
		tl[k].pos.col = 1;
		tl[k].after_break = gap;
		tl[k].is_pipe = s[i][0] == '|';
		tl[k].is_rule = tl[k].is_pipe && l[i] > 1 && strspn(s[i], "|-: ") >= l[i];
		gap = 0;
		k++;
	}
	if (k > 0) {
		bc_inline_ctx cx = { doc, &d };
		bc_node *t = bc_table_build(doc, &d, tl, k, bc_inline_cell, &cx);
		bc_node_append(doc->root, t);
	}
	free(tl);
	free(s);
	free(l);
	bc_diags_free(&d);
	bc_document_free(doc);
}

/* Decode and parse; the stage function runs on the document, then everything is freed. */
static void run_document(int mode, const uint8_t *data, size_t size)
{
	bc_diags d;
	bc_diags_init(&d);
	bc_source src;
	memset(&src, 0, sizeof src);
	if (bc_decode(data, size, NULL, &src, &d) != 0) {
		bc_diags_free(&d);
		return;
	}
	/* the restore stage runs first, as in the program; its shape from a byte of the input */
	bc_restore rs;
	bc_restore_run(src.text, src.len, src.page_starts, src.npage_starts, (bc_shape)(size ? data[0] % BC_SHAPE_COUNT : 0),
	               &rs, &d);
	size_t remap_from = d.n;
	bc_document *doc = bc_parse_restored("fuzz.txt", rs.text ? rs.text : src.text, rs.text ? rs.len : src.len, &rs, &d);
	if (mode == M_CHECK)
		bc_check(doc, &d);
	bc_restore_remap(&rs, doc, &d, remap_from);
	/* every output trusts the tree's shape: a parser that breaks it is a bug worth a crash, whatever the mode */
	char err[256];
	if (bc_document_verify(doc, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz: the tree's shape is broken: %s\n", err);
		abort();
	}
	if (mode == M_TREE) {
		bc_buf out = BC_BUF_INIT;
		bc_render_options ro = { NULL, -1, 0 };
		(void)bc_tree_output(doc, &ro, &out, &d);
		bc_buf_free(&out);
	} else if (mode == M_XML) {
		bc_buf out = BC_BUF_INIT;
		if (bc_xml_render(doc, &out) == 0) {
			/* the writer's output must always be valid; anything else is a bug worth a crash */
			if (bc_xml_validate(out.s, out.len, NULL, NULL) != 0) {
				fprintf(stderr, "fuzz: the XML does not validate\n%.*s\n", (int)(out.len > 4000 ? 4000 : out.len), out.s);
				abort();
			}
		}
		bc_buf_free(&out);
	} else if (mode == M_PDF) {
		bc_render_options po = { NULL, 0, 0 };
		bc_buf pdf = BC_BUF_INIT;
		(void)bc_pdf_output(doc, &po, &pdf, &d);
		bc_buf_free(&pdf);
	} else if (mode == M_CHECK) {
		bc_diags_sort(&d);
		FILE *sink = fopen("/dev/null", "w");
		if (sink) {
			bc_diags_print(sink, &d, "fuzz.txt", BC_LEVEL_NOTE, BC_LANG_VI, BC_DIAG_PER_CODE);
			bc_diags_print_json(sink, &d, "fuzz.txt", BC_LANG_EN);
			bc_diags_print_sarif(sink, &d, "fuzz.txt", BC_LANG_VI);
			fclose(sink);
		}
	}
	bc_document_free(doc);
	bc_restore_free(&rs);
	bc_source_free(&src);
	bc_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int mode;
	if (forced_mode >= 0) {
		mode = forced_mode;
	} else {
		if (size < 1)
			return 0;
		mode = data[0] % MODE_COUNT;
		data++;
		size--;
	}
	if (mode <= M_DECODE_TCVN) {
		bc_diags d;
		bc_diags_init(&d);
		bc_source src;
		memset(&src, 0, sizeof src);
		if (bc_decode(data, size, encodings[mode], &src, &d) == 0) {
			/* the decoder promises NUL-terminated text with no NUL inside and LF line ends */
			if (src.text[src.len] != '\0' || memchr(src.text, '\0', src.len) || memchr(src.text, '\r', src.len))
				abort();
			bc_source_free(&src);
		}
		bc_diags_free(&d);
		return 0;
	}
	if (mode == M_PDF && size > PDF_MAX_INPUT)
		return 0;
	if (mode == M_LINES || mode == M_INLINE || mode == M_TABLE) {
		/* these stages are promised decoded text (valid NFC UTF-8, LF ends, no NUL): give them only that */
		bc_diags d;
		bc_diags_init(&d);
		bc_source src;
		memset(&src, 0, sizeof src);
		if (bc_decode(data, size, "utf-8", &src, &d) == 0) {
			if (mode == M_LINES)
				run_lines(src.text, src.len);
			else if (mode == M_INLINE)
				run_inline(src.text, src.len);
			else
				run_table(src.text, src.len);
			bc_source_free(&src);
		}
		bc_diags_free(&d);
		return 0;
	}
	run_document(mode, data, size);
	return 0;
}
