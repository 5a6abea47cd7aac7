/* print.c — the three printers of a list of diagnostics: text (file:line:col: level: message [id]), JSON and SARIF 2.1.0. */
#include "diag.h"

#include <string.h>

const char *bc_level_name(bc_level level, bc_lang lang)
{
	static const char *const names[2][BC_LEVEL_COUNT] = {
		{ "ghi chú", "cảnh báo", "lỗi", "lỗi nghiêm trọng" },
		{ "note", "warning", "error", "fatal" },
	};
	return names[lang == BC_LANG_EN][level];
}

/* ------------------------------------------------------------ text */

void bc_diags_print(FILE *out, const bc_diags *d, const char *filename, bc_level min_level, bc_lang lang,
                    size_t per_code)
{
	/* A finding that repeats (668 double spaces of a justified PDF, 1 736 page
	 * splits of a table extracted one cell a line) buries the others: after
	 * per_code lines of one code, one line counts the rest, where the next
	 * would have been.  JSON and SARIF keep every finding. */
	size_t total[BC_DIAG_COUNT] = { 0 }, shown[BC_DIAG_COUNT] = { 0 };
	if (per_code)
		for (size_t i = 0; i < d->n; i++)
			if (bc_diag_level(d->v[i].code) >= min_level)
				total[d->v[i].code]++;
	for (size_t i = 0; i < d->n; i++) {
		const bc_diag *g = &d->v[i];
		bc_level level = bc_diag_level(g->code);
		if (level < min_level)
			continue;
		if (per_code && shown[g->code] >= per_code) {
			if (shown[g->code]++ == per_code)
				fprintf(out, lang == BC_LANG_EN ? "%s: … and %zu more [%s]\n" : "%s: … và %zu lần nữa [%s]\n",
				        filename, total[g->code] - per_code, bc_diag_id(g->code));
			continue;
		}
		shown[g->code]++;
		fprintf(out, "%s:%u:%u: %s: %s%s%s [%s]\n", filename, g->pos.line, g->pos.col,
		        bc_level_name(level, lang), bc_diag_text(g->code, lang),
		        g->arg ? ": " : "", g->arg ? g->arg : "", bc_diag_id(g->code));
	}
	if (d->dropped)
		fprintf(out, "%s: %s: %zu %s\n", filename, bc_level_name(BC_LEVEL_NOTE, lang), d->dropped,
		        lang == BC_LANG_EN ? "further diagnostics not shown" : "chẩn đoán khác không được hiển thị");
}

/* ------------------------------------------------------------ JSON */

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

/* ------------------------------------------------------------ SARIF */

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
