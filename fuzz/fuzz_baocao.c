/* fuzz_baocao.c — one libFuzzer target for every stage; the first byte chooses the stage, as cmark's fuzzer does. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#include "../compiler/check/check.h"
#include "../compiler/diag/diag.h"
#include "../compiler/input/decode.h"
#include "../compiler/layout/template.h"
#include "../compiler/layout/typeset.h"
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
#include "../tests/tools/wordsplit.h"

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
	M_TEMPLATE, /* the input as a --template file: read, range-checked, a fixed report set with it */
	MODE_COUNT
};

static const char *const encodings[] = { NULL, "utf-8", "utf-16", "utf-16le", "utf-16be", "cp1258", "tcvn" };

/* PDF inputs as large as real reports (the samples are 2-14 KB): every unit
 * the layout places, tall ones too, is reached.  A time budget, not a size
 * cut, keeps the campaign moving: an input that takes longer than
 * PDF_BUDGET_S to lay out and write is a fault (a path worse than linear),
 * below libFuzzer's 10 s hang limit so that it is told apart from a hang. */
#define PDF_MAX_INPUT 65536
#define PDF_BUDGET_S 5.0
/* Inputs up to this size also have their words checked on the pages (words_reach_pages). */
#define WORDS_MAX_INPUT 8192

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

/* ---- the words of the model reach the pages ---------------------------------- */

/* A word table as tests/tools/pdfwords.c keeps one (same normalisation: NFKC,
 * case folded, runs of letters, marks and digits cut where letters meet
 * digits; note marks set against their word; cut words joined from spare
 * pieces next to each other).  Counts per side: [0] the XML's, [1] the pages'. */
typedef struct wentry {
	char *key;
	long n[2];
} wentry;

typedef struct wtable {
	wentry *v;
	size_t cap, n;
	char **order;           /* the pages' words in drawing order */
	size_t no, ocap;
} wtable;

static uint64_t whash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static wentry *wlookup(wtable *t, const char *key, int add)
{
	if (add && (t->n + 1) * 2 > t->cap) {
		wtable old = *t;
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = calloc(t->cap, sizeof *t->v);
		for (size_t i = 0; i < old.cap; i++)
			if (old.v[i].key) {
				size_t j = whash(old.v[i].key) & (t->cap - 1);
				while (t->v[j].key)
					j = (j + 1) & (t->cap - 1);
				t->v[j] = old.v[i];
			}
		free(old.v);
	}
	if (!t->cap)
		return NULL;
	size_t j = whash(key) & (t->cap - 1);
	while (t->v[j].key) {
		if (!strcmp(t->v[j].key, key))
			return &t->v[j];
		j = (j + 1) & (t->cap - 1);
	}
	if (!add)
		return NULL;
	t->v[j].key = strdup(key);
	t->n++;
	return &t->v[j];
}

typedef struct wside { wtable *t; int side; } wside;

/* One word of wadd(): counted on its side, the PDF's also kept in order. */
static void wtake(const char *w, void *ctx)
{
	const wside *ws = ctx;
	wtable *t = ws->t;
	wentry *e = wlookup(t, w, 1);
	e->n[ws->side]++;
	if (ws->side == 1) {
		if (t->no == t->ocap) {
			t->ocap = t->ocap ? t->ocap * 2 : 256;
			t->order = realloc(t->order, t->ocap * sizeof *t->order);
		}
		t->order[t->no++] = e->key;
	}
}

/* The words of s, as tests/tools/pdfwords.c splits them, counted for the XML (side 0) or the pages (1). */
static void wadd(wtable *t, const char *s, size_t len, int side)
{
	wside ws = { t, side };
	ws_split(s, len, wtake, &ws);
}

/* The header's single-valued parts: given twice (a header the source
 * repeated), the model chose one for every output and the page prints that
 * one; such a part counts when one of its elements is whole on the pages
 * (as tests/tools/pdfwords.c reads them). */
static const char *const single_parts[] = { "number", "summary", "urgency", "motto", "slogan", "place", "date", "type" };
#define NSINGLE (sizeof single_parts / sizeof single_parts[0])
static bc_buf single_text[NSINGLE][4];
static size_t single_n[NSINGLE];

static int single_index(xmlNode *c)
{
	if (!c->parent || !c->parent->name || strcmp((const char *)c->parent->name, "meta") != 0)
		return -1;
	for (size_t i = 0; i < NSINGLE; i++)
		if (!strcmp((const char *)c->name, single_parts[i]))
			return (int)i;
	return -1;
}

/* Whether every word of s is on the pages. */
static int all_on_pages(wtable *t, const char *s)
{
	wtable probe = { 0 };
	wadd(&probe, s, strlen(s), 0);
	int ok = 1;
	for (size_t i = 0; i < probe.cap; i++)
		if (probe.v[i].key) {
			wentry *e = wlookup(t, probe.v[i].key, 0);
			if (!e || e->n[1] <= 0)
				ok = 0;
			free(probe.v[i].key);
		}
	free(probe.v);
	return ok;
}

/* Whether the n bytes of s begin one of the missing words. */
static int begins_deficit(char **def, size_t ndef, const char *s, size_t n)
{
	for (size_t i = 0; i < ndef; i++)
		if (strncmp(def[i], s, n) == 0 && strlen(def[i]) >= n)
			return 1;
	return 0;
}

/* The text the XML shows (as pdfwords reads it), into b. */
static void xml_shown(xmlNode *n, bc_buf *b)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if ((c->name[0] >= 'A' && c->name[0] <= 'Z') || !strcmp((const char *)c->name, "restored"))
				continue;
			int si = single_index(c);
			if (si >= 0) {
				if (single_n[si] < 4) {
					bc_buf *o = &single_text[si][single_n[si]];
					bc_buf_clear(o);
					bc_buf_putc(o, ' ');
					xml_shown(c, o);
				}
				single_n[si]++;
				continue;
			}
			int mark = !strcmp((const char *)c->name, "noteref");
			if (!mark)
				bc_buf_putc(b, ' ');
			xml_shown(c, b);
			if (!mark)
				bc_buf_putc(b, ' ');
		} else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			bc_buf_puts(b, (const char *)c->content);
		}
	}
}

/* Metrics for the check: every code point half its size wide.  Which words
 * share a line does not matter; that none falls off a page does. */
static double fake_measure(void *ctx, bc_face face, double size, const char *s, size_t len)
{
	(void)ctx;
	(void)face;
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return (double)n * size * 0.5;
}

static float fake_advance(void *ctx, bc_face face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	(void)cp;
	return 500.0f;
}

typedef struct pages_ctx {
	wtable *t;
	const bc_template *tpl;
	const bc_metrics *m;
	int draft;
} pages_ctx;

/* Each page's text: its units' ops and its furniture (page number, draft
 * mark); a text whose line reaches below the page's foot is lost text. */
static int page_words(void *ctx, const bc_page *p)
{
	pages_ctx *c = ctx;
	for (size_t i = 0; i < p->n; i++) {
		const bc_unit *u = p->units[i];
		for (size_t k = 0; k < u->ops.n; k++) {
			const bc_op *o = &u->ops.v[k];
			if (o->kind != BC_OP_TEXT)
				continue;
			double base = p->y[i] + o->y;
			if (base > p->height - c->m->descent * o->size + 0.5) {
				fprintf(stderr, "fuzz: text drawn below the foot of page %d (baseline %.1f of %.1f): %.*s\n",
				        p->index + 1, base, p->height, (int)(o->len > 200 ? 200 : o->len), o->s);
				abort();
			}
			wadd(c->t, o->s, o->len, 1);
		}
	}
	bc_oplist fur = { 0 };
	char num[16];
	bc_typeset_furniture(p, c->tpl, c->m, c->draft, num, &fur);
	for (size_t k = 0; k < fur.n; k++)
		if (fur.v[k].kind == BC_OP_TEXT)
			wadd(c->t, fur.v[k].s, fur.v[k].len, 1);
	bc_oplist_free(&fur);
	return 0;
}

/* No text is set below a page's foot and, with `words`, every word the XML
 * shows is set on a page, as many times: the property tests/pdf.sh checks
 * with pdftotext, here without a PDF reader, from the typesetter's pages. */
static void words_reach_pages(const bc_document *doc, int words)
{
	bc_buf xml = BC_BUF_INIT;
	if (bc_xml_render(doc, &xml) != 0) {
		bc_buf_free(&xml);
		return;
	}
	bc_template tpl;
	char err[512];
	if (bc_template_load(&tpl, bc_document_type(doc), NULL, err, sizeof err) != 0) {
		bc_buf_free(&xml);
		return;
	}
	xmlDoc *x = xmlReadMemory(xml.s, (int)xml.len, "fuzz.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	bc_buf_free(&xml);
	if (!x)
		return;
	wtable t = { 0 };
	bc_buf shown = BC_BUF_INIT;
	memset(single_n, 0, sizeof single_n);
	if (words)
		xml_shown(xmlDocGetRootElement(x), &shown);
	xmlFreeDoc(x);
	for (size_t i = 0; i < NSINGLE; i++)   /* given once: text like any other */
		if (single_n[i] == 1)
			bc_buf_put(&shown, single_text[i][0].s, single_text[i][0].len);
	wadd(&t, shown.s ? shown.s : "", shown.len, 0);
	bc_buf_free(&shown);
	bc_metrics m = { fake_measure, NULL, 0.891, 0.216, fake_advance };
	pages_ctx pc = { &t, &tpl, &m, bc_typeset_is_draft(doc) };
	bc_typeset_stats st;
	if (bc_typeset(doc, &tpl, &m, page_words, &pc, &st) == 0) {
		char buf[4096];
		for (size_t i = 0; i < t.no; i++) {   /* a word cut over lines: its pieces, side by side */
			wentry *a = wlookup(&t, t.order[i], 0);
			if (a->n[1] <= a->n[0])
				continue;
			size_t l = 0;
			for (size_t k = i; k < t.no && k < i + 12; k++) {
				wentry *e = wlookup(&t, t.order[k], 0);
				size_t kl = strlen(t.order[k]);
				if (e->n[1] <= e->n[0] || l + kl + 1 > sizeof buf)
					break;
				memcpy(buf + l, t.order[k], kl);
				l += kl;
				buf[l] = '\0';
				wentry *whole = k > i ? wlookup(&t, buf, 0) : NULL;
				if (whole && whole->n[0] > whole->n[1]) {
					whole->n[1]++;
					for (size_t j = i; j <= k; j++)
						wlookup(&t, t.order[j], 0)->n[1]--;
					i = k;
					break;
				}
			}
		}
		/* pieces not side by side (a cell spanning rows: other cells' lines
		 * between them), each within 64 words of the last, as pdfwords joins them */
		char **def = NULL;
		size_t ndef = 0;
		for (size_t i = 0; i < t.cap; i++)
			if (t.v[i].key && t.v[i].n[0] > t.v[i].n[1]) {
				def = realloc(def, (ndef + 1) * sizeof *def);
				def[ndef++] = t.v[i].key;
			}
		for (size_t i = 0; ndef > 0 && ndef <= 2000 && i < t.no; i++) {
			wentry *a = wlookup(&t, t.order[i], 0);
			size_t l = strlen(t.order[i]);
			if (a->n[1] <= a->n[0] || !begins_deficit(def, ndef, t.order[i], l) || l + 1 > sizeof buf)
				continue;
			size_t used[12], nu = 1, last = i;
			used[0] = i;
			memcpy(buf, t.order[i], l + 1);
			for (size_t j = i + 1; j < t.no && j <= last + 64 && nu < 12; j++) {
				wentry *e = wlookup(&t, t.order[j], 0);
				size_t m = strlen(t.order[j]);
				if (e->n[1] <= e->n[0] || l + m + 1 > sizeof buf)
					continue;
				memcpy(buf + l, t.order[j], m + 1);
				if (!begins_deficit(def, ndef, buf, l + m)) {
					buf[l] = '\0';
					continue;
				}
				l += m;
				used[nu++] = last = j;
				wentry *whole = wlookup(&t, buf, 0);
				if (whole && whole->n[0] > whole->n[1]) {
					whole->n[1]++;
					for (size_t k = 0; k < nu; k++)
						wlookup(&t, t.order[used[k]], 0)->n[1]--;
					break;
				}
			}
		}
		free(def);
		for (size_t i = 0; i < NSINGLE; i++) {
			if (single_n[i] < 2)
				continue;
			int found = 0;
			for (size_t k = 0; k < single_n[i] && k < 4 && !found; k++)
				found = all_on_pages(&t, bc_buf_cstr(&single_text[i][k]));
			if (!found) {
				fprintf(stderr, "fuzz: none of the %zu <%s> of the XML is whole on the pages\n", single_n[i],
				        single_parts[i]);
				abort();
			}
		}
		for (size_t i = 0; i < t.cap; i++)
			if (t.v[i].key && t.v[i].n[0] > t.v[i].n[1]) {
				fprintf(stderr, "fuzz: the word \"%s\" is in the XML %ld times, on the pages %ld times\n", t.v[i].key,
				        t.v[i].n[0], t.v[i].n[1]);
				abort();
			}
	}
	for (size_t i = 0; i < t.cap; i++)
		free(t.v[i].key);
	free(t.v);
	free(t.order);
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
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		int rc = bc_pdf_output(doc, &po, &pdf, &d);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		bc_buf_free(&pdf);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (secs > PDF_BUDGET_S) {
			fprintf(stderr, "fuzz: %zu bytes took %.1f s to set as a PDF (budget %.0f s)\n", size, secs, PDF_BUDGET_S);
			abort();
		}
		/* a document the writer refuses (errors, a missing glyph) has no pages to look at */
		if (rc == 0 && bc_diags_worst(&d) < BC_LEVEL_ERROR)
			words_reach_pages(doc, size <= WORDS_MAX_INPUT);
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

/*
 * Template mode: the bytes are a page-layout file (as in templates/, TEMPLATE.md)
 * as --template reads it, from a file of its own.  The reader must refuse what
 * it cannot take in time linear in the file (entities, long attributes, files
 * over the limit) and never crash; a template it accepts sets a small report
 * with every part, so that each value it lets through is used by the layout.
 */
static const char template_report[] =
	"ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\nSố: 12/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	"Độc lập - Tự do - Hạnh phúc\nAn Thắng, ngày 05 tháng 3 năm 2026\n\nBÁO CÁO\n\n"
	"Kết quả thực hiện nhiệm vụ quý I năm 2026[^1]\n\nI. KẾT QUẢ\n\n1. Kinh tế\n\n"
	"Thu ngân sách đạt 31,2% dự toán.\n\nTT\tChỉ tiêu\tKế hoạch\tThực hiện\n1\tThu ngân sách\t100\t31\n\n"
	"Trên đây là báo cáo của Ủy ban nhân dân xã./.\n\n[^1]: Số liệu đến ngày 31/3/2026.\n\n"
	"Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n";

static void run_template(const uint8_t *data, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/baocao-fuzz-template-%ld.xml", (long)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	size_t put = fwrite(data, 1, size, f);
	if (fclose(f) != 0 || put != size) {
		remove(path);
		return;
	}
	bc_diags d;
	bc_diags_init(&d);
	bc_document *doc = bc_parse("fuzz.txt", template_report, sizeof template_report - 1, &d);
	bc_render_options po = { path, 0, 0 };
	bc_buf pdf = BC_BUF_INIT;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	(void)bc_pdf_output(doc, &po, &pdf, &d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (secs > PDF_BUDGET_S) {
		fprintf(stderr, "fuzz: a template of %zu bytes took %.1f s (budget %.0f s)\n", size, secs, PDF_BUDGET_S);
		abort();
	}
	bc_buf_free(&pdf);
	bc_document_free(doc);
	bc_diags_free(&d);
	remove(path);
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
	if (mode == M_TEMPLATE) {
		run_template(data, size);
		return 0;
	}
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
