/* print.c — the three printers of a list of diagnostics: text (file:line:col: level: message [id]), JSON and SARIF 2.1.0. */
#include "diag.h"

#include <string.h>

#include "../util/utf8.h"

const char *bc_level_name(bc_level level, bc_lang lang)
{
	static const char *const names[BC_LEVEL_COUNT] = { N_("ghi chú"), N_("cảnh báo"), N_("lỗi"),
		                                               N_("lỗi nghiêm trọng") };
	return bc_tr(lang, names[level]);
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
				fprintf(out, bc_tr(lang, "%s: … và %zu lần nữa [%s]\n"), filename, total[g->code] - per_code,
				        bc_diag_id(g->code));
			continue;
		}
		shown[g->code]++;
		fprintf(out, "%s:%u:%u: %s: %s%s%s [%s]\n", filename, g->pos.line, g->pos.col,
		        bc_level_name(level, lang), bc_diag_text(g->code, lang),
		        g->arg ? ": " : "", g->arg ? g->arg : "", bc_diag_id(g->code));
	}
	/* what the limit kept out: those at min_level or above (xml and pdf print errors only) */
	size_t left_out = d->dropped_errors + (min_level < BC_LEVEL_ERROR ? d->dropped : 0);
	if (left_out)
		fprintf(out, "%s: %s: %s: %zu [%s]\n", filename, bc_level_name(BC_LEVEL_NOTE, lang),
		        bc_diag_text(BC_N_DIAGS_NOT_SHOWN, lang), left_out, bc_diag_id(BC_N_DIAGS_NOT_SHOWN));
}

/* The text's last line: how many of each level, or that nothing was found, so that a clean run
 * is told from one that printed nothing because it failed.  Fatal findings count as errors. */
void bc_diags_print_summary(FILE *out, const bc_diags *d, bc_lang lang)
{
	size_t errors = d->count[BC_LEVEL_ERROR] + d->count[BC_LEVEL_FATAL];
	size_t warnings = d->count[BC_LEVEL_WARNING], notes = d->count[BC_LEVEL_NOTE];
	if (!errors && !warnings && !notes) {
		fputs(bc_tr(lang, "Không phát hiện lỗi.\n"), out);
		return;
	}
	fprintf(out, bc_ntr(lang, "%zu lỗi", "%zu lỗi", errors), errors);
	fputs(", ", out);
	fprintf(out, bc_ntr(lang, "%zu cảnh báo", "%zu cảnh báo", warnings), warnings);
	fputs(", ", out);
	fprintf(out, bc_ntr(lang, "%zu ghi chú", "%zu ghi chú", notes), notes);
	fputs("\n", out);
}

/* ------------------------------------------------------------ JSON */

/* s[0..n) as the inside of a JSON string.  A byte that is not part of well-formed UTF-8 (a file
 * name in another encoding: names are bytes) becomes U+FFFD, so that the output is always JSON. */
static void json_chars(FILE *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		if (c == '"' || c == '\\') {
			fprintf(out, "\\%c", c);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			fprintf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			fputc(c, out);
			i++;
		} else {
			size_t k = bc_utf8_valid_seq(s + i, n - i);
			if (k) {
				fwrite(s + i, 1, k, out);
				i += k;
			} else {
				fputs("\\ufffd", out);
				i++;
			}
		}
	}
}

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	json_chars(out, s, strlen(s));
	fputc('"', out);
}

/* A file name as a URI reference (SARIF's artifactLocation.uri): unreserved bytes and '/' as they
 * are, every other byte percent-encoded, so that any name, in any encoding, is kept exactly. */
static void json_uri(FILE *out, const char *name)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			fputc(*p, out);
		else
			fprintf(out, "%%%02X", *p);
	}
	fputc('"', out);
}

/* How many findings the limit kept out of the list: JSON and SARIF end with one more finding that
 * says so, [diagnostics-not-shown], at 1:1 since it belongs to the whole file. */
static size_t left_out(const bc_diags *d) { return d->dropped + d->dropped_errors; }

static void json_finding(FILE *out, const char *filename, bc_pos pos, bc_diag_code code, const char *arg,
                         bc_lang lang)
{
	fputs("\"file\": ", out);
	json_string(out, filename);
	fprintf(out, ", \"line\": %u, \"column\": %u, \"level\": ", pos.line, pos.col);
	json_string(out, bc_level_name(bc_diag_level(code), BC_LANG_EN));
	fputs(", \"code\": ", out);
	json_string(out, bc_diag_id(code));
	fputs(", \"message\": ", out);
	json_string(out, bc_diag_text(code, lang));
	if (arg) {
		fputs(", \"argument\": ", out);
		json_string(out, arg);
	}
}

void bc_diags_print_json(FILE *out, const bc_diags *d, const char *filename, bc_lang lang)
{
	fputs("[", out);
	for (size_t i = 0; i < d->n; i++) {
		const bc_diag *g = &d->v[i];
		fputs(i ? ",\n {" : "\n {", out);
		json_finding(out, filename, g->pos, g->code, g->arg, lang);
		fputs("}", out);
	}
	if (left_out(d)) {
		char count[32];
		snprintf(count, sizeof count, "%zu", left_out(d));
		fputs(d->n ? ",\n {" : "\n {", out);
		json_finding(out, filename, (bc_pos){ 1, 1 }, BC_N_DIAGS_NOT_SHOWN, count, lang);
		fputs("}", out);
	}
	fputs(d->n || left_out(d) ? "\n]\n" : "]\n", out);
}

/* ------------------------------------------------------------ SARIF */

static void sarif_result(FILE *out, int first, const char *filename, bc_pos pos, bc_diag_code code,
                         const char *arg, bc_lang lang)
{
	static const char *const sarif_level[BC_LEVEL_COUNT] = { "note", "warning", "error", "error" };
	fputs(first ? "\n      {" : ",\n      {", out);
	fputs("\"ruleId\": ", out);
	json_string(out, bc_diag_id(code));
	fprintf(out, ", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": {\"text\": \"", (int)code,
	        sarif_level[bc_diag_level(code)]);
	/* the text and its argument, whole: no buffer to cut them (and a character) short */
	const char *text = bc_diag_text(code, lang);
	json_chars(out, text, strlen(text));
	if (arg) {
		json_chars(out, ": ", 2);
		json_chars(out, arg, strlen(arg));
	}
	fputs("\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
	json_uri(out, filename);
	fprintf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}]}", pos.line, pos.col);
}

void bc_diags_print_sarif(FILE *out, const bc_diags *d, const char *filename, bc_lang lang)
{
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
	for (size_t i = 0; i < d->n; i++)
		sarif_result(out, i == 0, filename, d->v[i].pos, d->v[i].code, d->v[i].arg, lang);
	if (left_out(d)) {
		char count[32];
		snprintf(count, sizeof count, "%zu", left_out(d));
		sarif_result(out, d->n == 0, filename, (bc_pos){ 1, 1 }, BC_N_DIAGS_NOT_SHOWN, count, lang);
	}
	fputs(d->n || left_out(d) ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
}
