/* rules_header.c — the components Nghị định 30/2020 (and the Party's guides) require (issuer, number, place and date, type, title, signer, recipients), blanks outside drafts, the "Số:" shape and type code, the header date. */
#include <string.h>

#include "../util/utf8.h"
#include "rules.h"
#include "../model/facts.h"

static const bc_pos top = { 1, 1 };

/* The symbol's parts: the type's code, then the issuer's, after `sep`: "-" in
 * the state's "BC-UBND" (Nghị định 30; the Party's "CTr/TU" is rules_party.c's);
 * the year of "30/2020/NĐ-CP" is the line's own part, not the symbol's. */
static int symbol_ok(const char *s, size_t len, char sep, const char **type, size_t *tlen)
{
	size_t i = 0;
	*type = s + i;
	*tlen = 0;
	size_t part = 0;
	int first = 1;
	for (; i <= len; i++) {
		if (i == len || s[i] == sep) {
			if (part == 0)
				return 0;
			first = 0;
			part = 0;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || c == '.'))
			return 0;
		part++;
		if (first)
			(*tlen)++;
	}
	return 1;
}

static void check_number(bc_check_ctx *cx, const bc_node *n, bc_doctype type, int draft)
{
	bc_str num = n->as.line->number, sym = n->as.line->symbol;
	if (!num.len && !draft)
		bc_diag_add(cx->diags, BC_W_BLANK_NUMBER, n->pos, NULL);
	/* a Party document's number has its own shape and codes (rules_party.c) */
	if (bc_document_facts(cx->doc)->family == BC_FAMILY_PARTY)
		return;
	const char *t;
	size_t tl;
	if (!sym.len || !symbol_ok(sym.s, sym.len, '-', &t, &tl)) {
		bc_diag_add(cx->diags, BC_W_NUMBER_SHAPE, n->pos, "%.*s", (int)sym.len, sym.s ? sym.s : "");
		return;
	}
	const char *code = bc_doctype_code(type);
	/* "46/VBHN-BQP": a consolidated text (văn bản hợp nhất) carries the
	 * consolidation's code, whatever the type of the text it consolidates */
	if (tl == 4 && memcmp(t, "VBHN", 4) == 0)
		return;
	if (type == BC_DOC_CONG_VAN) {
		/* a dispatch carries the issuer's abbreviation: UBND-VP */
		if (bc_is_type_code(t, tl))
			bc_diag_add(cx->diags, BC_W_NUMBER_TYPE, n->pos, "%.*s", (int)tl, t);
	} else if (code && *code && (tl != strlen(code) || memcmp(t, code, tl) != 0)) {
		bc_diag_add(cx->diags, BC_W_NUMBER_TYPE, n->pos, "%.*s ≠ %s", (int)tl, t, code);
	}
}

static void check_date(bc_check_ctx *cx, const bc_node *n, int draft)
{
	bc_date d = n->as.line->date;
	if ((!d.day || !d.month) && !draft)
		bc_diag_add(cx->diags, BC_W_BLANK_DAY, n->pos, NULL);
	if (d.day && d.month && d.year && !bc_date_plausible(d))
		bc_diag_add(cx->diags, BC_W_DATE_INVALID, n->pos, "%02d/%02d/%04d", d.day, d.month, d.year);
}

/* What the archival facts took from an appendix's (Kèm theo …) line instead
 * of the header's: said where they came from. */
static void recovered(bc_check_ctx *cx)
{
	const bc_facts *f = bc_document_facts(cx->doc);
	if (f->number_from)
		bc_diag_add(cx->diags, BC_N_RECOVERED, f->number_from->pos, "%.*s/%.*s%s%.*s", (int)f->code_number.len,
		            f->code_number.s, (int)f->code_year.len, f->code_year.s, f->code_year.len ? "/" : "",
		            (int)f->code_notation.len, f->code_notation.s);
	if (f->issued_from)
		bc_diag_add(cx->diags, BC_N_RECOVERED, f->issued_from->pos, "%02d/%02d/%04d", f->issued.day, f->issued.month,
		            f->issued.year);
}

static void *begin(bc_check_ctx *cx)
{
	const bc_document *doc = cx->doc;
	const bc_meta_index *x = &doc->idx;
	int draft = x->draft != NULL;
	bc_doctype type = bc_document_type(doc);
	/* an appendix sent as a file of its own has no header, signature or
	 * Nơi nhận of its own: its document's are elsewhere */
	if (bc_kind_of(type)->flags & BC_KIND_APPENDIX) {
		recovered(cx);
		return NULL;
	}
	if (!x->issuer_first)
		bc_diag_add(cx->diags, BC_W_NO_ISSUER, top, NULL);
	/* a line that is there but could not be read is reported where it is, not as missing */
	if (!x->number)
		bc_diag_add(cx->diags, BC_W_NO_NUMBER, top, NULL);
	else if (x->number->as.line->unread)
		bc_diag_add(cx->diags, BC_W_NUMBER_UNREAD, x->number->pos, NULL);
	else
		check_number(cx, x->number, type, draft);
	/* a biên bản has none (Nghị định 30, Phụ lục III, mẫu 1.9: its time and
	 * place are its first lines, "Thời gian bắt đầu", "Địa điểm") */
	if (!x->dateline) {
		if (type != BC_DOC_BIEN_BAN)
			bc_diag_add(cx->diags, BC_W_NO_DATELINE, top, NULL);
	} else if (x->dateline->as.line->unread)
		bc_diag_add(cx->diags, BC_W_DATELINE_UNREAD, x->dateline->pos, NULL);
	else
		check_date(cx, x->dateline, draft);
	if (!x->doctype && !x->summary)
		bc_diag_add(cx->diags, BC_W_NO_DOCTYPE, top, NULL);
	/* a giấy giới thiệu, a giấy nghỉ phép has none (Phụ lục III, Mẫu 1.8, 1.10) */
	if (!x->title && !x->summary && !(bc_kind_of(type)->flags & BC_KIND_UNTITLED))
		bc_diag_add(cx->diags, BC_W_NO_TITLE, top, NULL);
	/* the closing: where it is, or the end of the text */
	bc_pos end = { doc->line_count ? doc->line_count : 1, 1 };
	if (doc->closing && doc->closing->first && doc->closing->first->pos.line)
		end = doc->closing->first->pos;
	else if (doc->body && doc->body->last && doc->body->last->pos.line)
		end = doc->body->last->pos;
	if (!x->signer)
		bc_diag_add(cx->diags, BC_W_NO_SIGNER, x->authority_first ? x->authority_first->pos : end, NULL);
	if (!x->recipients)
		bc_diag_add(cx->diags, BC_W_NO_RECIPIENTS, end, NULL);
	/* a word the parser left out of the signature though it stands in its
	 * space, between its first line and the name (a slip typed there); a note
	 * in brackets, "(Đã ký)", is the signature's own */
	const bc_node *sig = NULL;
	for (const bc_node *c = doc->closing ? doc->closing->first : NULL; c && !sig; c = c->next)
		if (c->type == BC_NODE_SIGNATURE)
			sig = c;
	for (const bc_node *c = doc->closing ? doc->closing->first : NULL; c && sig; c = c->next) {
		if (c->type != BC_NODE_PARAGRAPH || c->pos.line <= sig->pos.line || c->pos.line >= sig->end_line)
			continue;
		bc_block_text t = { 0 };
		bc_text_gather(&t, c);
		const char *s = bc_buf_cstr(&t.buf);
		if (t.buf.len && s[0] != '(' && s[0] != '[' && !memchr(s, ' ', t.buf.len))
			bc_diag_add(cx->diags, BC_W_SIGNATURE_STRAY, c->pos, "%s", s);
		bc_text_free(&t);
	}
	recovered(cx);
	return NULL;
}

/* Reads the digits after a word: "ngày 5" -> "5"; returns their count, 0 if none. */
static size_t digits_after(const char *s, size_t len, const char *word, size_t *at)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= len; i++) {
		if (memcmp(s + i, word, wl) != 0)
			continue;
		size_t j = i + wl;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		size_t k = j;
		while (k < len && s[k] >= '0' && s[k] <= '9')
			k++;
		*at = j;
		return k - j;
	}
	return 0;
}

/* The date of issue as Nghị định 30/2020 (Phụ lục I) writes it: a day below 10
 * and the months 1 and 2 take a leading zero ("ngày 05 tháng 02"), so that no
 * digit can be added before them; the other months take none ("tháng 3",
 * "tháng 9"), so "tháng 09" is a finding.  A two-digit day or month from 10
 * up cannot carry a zero. */
static void on_text(bc_check_ctx *cx, void *st, const bc_block_text *t)
{
	const bc_node *n = t->block;
	if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_APPX_ATTACH) {
		check_date(cx, n, cx->doc->idx.draft != NULL);
		if (!n->as.line->number.len && n->as.line->symbol.len && !cx->doc->idx.draft)
			bc_diag_add(cx->diags, BC_W_BLANK_NUMBER, n->pos, NULL);
		return;
	}
	if (n->type != BC_NODE_LINE || n->as.line->role != BC_ROLE_DATELINE || n->as.line->unread || !t->buf.s)
		return;
	const char *s = t->buf.s;
	size_t at;
	size_t nd = digits_after(s, t->buf.len, "ngày", &at);
	if (nd == 1 && s[at] != '0')
		bc_diag_add(cx->diags, BC_W_DATE_ZERO, bc_text_pos(cx, t, at), "%c", s[at]);
	size_t nm = digits_after(s, t->buf.len, "tháng", &at);
	if (nm == 1 && (s[at] == '1' || s[at] == '2'))
		bc_diag_add(cx->diags, BC_W_DATE_ZERO, bc_text_pos(cx, t, at), "%c", s[at]);
	else if (nm == 2 && s[at] == '0' && s[at + 1] >= '3' && s[at + 1] <= '9')
		bc_diag_add(cx->diags, BC_W_MONTH_ZERO, bc_text_pos(cx, t, at), "%.2s", s + at);
}

const bc_rule_set bc_rules_header = {
	.name = "header",
	.begin = begin,
	.on_text = on_text,
};
