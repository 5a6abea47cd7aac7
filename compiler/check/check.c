/* check.c — the draft checker: per-node checks, chosen by node type from one table, in the manner of mandoc's validators. */
#include "check.h"

#include <string.h>

typedef struct check_ctx {
	const bc_document *doc;
	bc_diags *diags;
} check_ctx;

typedef void (*node_check)(check_ctx *cx, const bc_node *n);

/* A reference whose note text is nowhere in the document. */
static void check_noteref(check_ctx *cx, const bc_node *n)
{
	if (!n->as.noteref.note)
		bc_diag_add(cx->diags, BC_W_NOTE_UNDEFINED, n->pos, "%d", n->as.noteref.id);
}

/* Checks to run on entering a node of each type; rules of issue #4 join this table. */
static const node_check checks[BC_NODE_TYPE_COUNT] = {
	[BC_NODE_NOTEREF] = check_noteref,
};

void bc_check(const bc_document *doc, bc_diags *diags)
{
	check_ctx cx = { doc, diags };
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		if (ev != BC_EV_ENTER)
			continue;
		node_check f = checks[it.cur->type];
		if (f)
			f(&cx, it.cur);
	}
}

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void bc_diags_print_json(FILE *out, const bc_diags *d, const char *filename, bc_lang lang)
{
	fputs("[", out);
	for (size_t i = 0; i < d->n; i++) {
		const bc_diag *g = &d->v[i];
		fputs(i ? ",\n {" : "\n {", out);
		fputs("\"file\": ", out);
		json_string(out, filename);
		fprintf(out, ", \"line\": %u, \"column\": %u, \"level\": ", g->pos.line, g->pos.col);
		json_string(out, bc_level_name(bc_diag_level(g->code), BC_LANG_EN));
		fputs(", \"code\": ", out);
		json_string(out, bc_diag_id(g->code));
		fputs(", \"message\": ", out);
		json_string(out, bc_diag_text(g->code, lang));
		if (g->arg) {
			fputs(", \"argument\": ", out);
			json_string(out, g->arg);
		}
		fputs("}", out);
	}
	fputs(d->n ? "\n]\n" : "]\n", out);
}

void bc_diags_print_sarif(FILE *out, const bc_diags *d, const char *filename, bc_lang lang)
{
	static const char *const sarif_level[BC_LEVEL_COUNT] = { "note", "warning", "error", "error" };
	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
	      "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"baocao\", \"version\": ", out);
	json_string(out, BAOCAO_VERSION);
	fputs(", \"rules\": [", out);
	for (int c = 0; c < BC_DIAG_COUNT; c++) {
		fputs(c ? ", {" : "{", out);
		fputs("\"id\": ", out);
		json_string(out, bc_diag_id((bc_diag_code)c));
		fputs(", \"shortDescription\": {\"text\": ", out);
		json_string(out, bc_diag_text((bc_diag_code)c, lang));
		fputs("}}", out);
	}
	fputs("]}},\n    \"results\": [", out);
	for (size_t i = 0; i < d->n; i++) {
		const bc_diag *g = &d->v[i];
		fputs(i ? ",\n      {" : "\n      {", out);
		fputs("\"ruleId\": ", out);
		json_string(out, bc_diag_id(g->code));
		fprintf(out, ", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": {\"text\": ", (int)g->code,
		        sarif_level[bc_diag_level(g->code)]);
		if (g->arg) {
			size_t n = strlen(bc_diag_text(g->code, lang)) + strlen(g->arg) + 3;
			char msg[1024];
			snprintf(msg, sizeof msg < n ? sizeof msg : n, "%s: %s", bc_diag_text(g->code, lang), g->arg);
			json_string(out, msg);
		} else {
			json_string(out, bc_diag_text(g->code, lang));
		}
		fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
		json_string(out, filename);
		fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}]}", g->pos.line, g->pos.col);
	}
	fputs(d->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
}
