/* rules_party.c — the Party's own format (Hướng dẫn 36-HD/VPTW, 05-HD/VPTW) on Party documents: the number "Số 03-CTr/TU", the Party's type codes, the signature forms, the recipients, the end of the text. */
#include <stdlib.h>
#include <string.h>

#include "../model/facts.h"
#include "../util/xalloc.h"
#include "rules.h"

/*
 * These rules run on a document the model calls the Party's (facts.h family:
 * its motto, a Party body as issuer, a T/M signature, a Party symbol, or
 * --profile party), and only there; the state's rules they replace
 * (number-shape, number-type's codes, end-mark-missing) are not run on it.
 */

typedef struct party_state {
	int ends_mark;       /* the body's last block ends with "./." */
	bc_pos mark_pos;
} party_state;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/*
 * "Số 03-CTr/TU" (HD 36, II.1.3.2; 05 the same): the word Số with no colon,
 * the number in two digits at least ("số nhỏ hơn 10 phải ghi số 0 phía
 * trước"), a hyphen, the type's code, a slash, the body's code (bodies
 * issuing together joined by hyphens, "QC/BTCTU-BDVTU"; more after another
 * slash, "CV/VPTW/nb").  A draft may leave the number blank ("Số -CTr/TU").
 */
static void check_number(bc_check_ctx *cx, const bc_node *n, bc_doctype type)
{
	bc_buf b = BC_BUF_INIT;
	bc_node_plain_text(n, &b);
	const char *s = bc_buf_cstr(&b), *p = s;
	const char *why = NULL;
	if (!strncmp(p, "Số", strlen("Số")))
		p += strlen("Số");
	else if (!strncmp(p, "SỐ", strlen("SỐ")))
		p += strlen("SỐ");
	while (*p == ' ')
		p++;
	if (*p == ':' || *p == '.')
		why = "Số:";
	while (*p == ':' || *p == '.' || *p == ' ')
		p++;
	const char *d = p;
	while (is_digit(*p))
		p++;
	if (!why && p - d == 1)
		why = "0";
	while (*p == ' ')
		p++;
	if (!why && *p != '-')
		why = *p == '/' ? "/" : "-";
	bc_str sym = n->as.line->symbol;
	/* the type's code, the slash, the rest */
	size_t tl = 0;
	while (tl < sym.len && sym.s[tl] != '/' && sym.s[tl] != '-')
		tl++;
	if (!why && (tl == 0 || tl >= sym.len || sym.s[tl] != '/' || tl + 1 >= sym.len))
		why = "CTr/TU";
	if (why) {
		bc_diag_add(cx->diags, BC_W_PARTY_NUMBER, n->pos, "%s", s);
	} else if (!bc_is_party_type_code(sym.s, tl)) {
		/* the guides' list (model/doctype.c), the state's QyĐ among what it is not */
		bc_diag_add(cx->diags, BC_W_PARTY_TYPE_CODE, n->pos, "%.*s", (int)tl, sym.s);
	} else {
		const char *code = bc_party_type_code(type);
		if (*code && (strlen(code) != tl || memcmp(code, sym.s, tl) != 0))
			bc_diag_add(cx->diags, BC_W_NUMBER_TYPE, n->pos, "%.*s ≠ %s", (int)tl, sym.s, code);
	}
	bc_buf_free(&b);
}

/* Words naming a collective body, which signs on its behalf (T/M), never for
 * its head (K/T): HD 36, II.1.7.1 ("cấp uỷ, uỷ ban kiểm tra, đảng đoàn, ban
 * cán sự đảng, hội đồng các cấp: Đề ký là thay mặt (ký hiệu là T/M)"; b) its
 * examples); 05: "never K/T" for a collective.  The committees first: their
 * documents always carry T/M; a council or a congress's presidium last (a
 * council without a seal of its own signs "… kiêm CHỦ TỊCH HỘI ĐỒNG", II.1.7.1 đ). */
static const char *const committees[] = { "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "TỈNH ỦY", "TỈNH UỶ", "THÀNH ỦY",
	                                       "THÀNH UỶ", "HUYỆN ỦY", "HUYỆN UỶ", "QUẬN ỦY", "QUẬN UỶ", "THỊ ỦY",
	                                       "THỊ UỶ", "ĐẢNG ỦY", "ĐẢNG UỶ", "CHI BỘ", "ĐẢNG ĐOÀN", "BAN CÁN SỰ",
	                                       "ỦY BAN KIỂM TRA", "UỶ BAN KIỂM TRA", "BỘ CHÍNH TRỊ", "BAN BÍ THƯ",
	                                       NULL };
static const char *const councils[] = { "HỘI ĐỒNG", "ĐOÀN CHỦ TỊCH", NULL };

static void check_authority(bc_check_ctx *cx, const bc_node *n)
{
	bc_buf b = BC_BUF_INIT;
	bc_node_plain_text(n, &b);
	const char *s = bc_buf_cstr(&b);
	while (*s == ' ')
		s++;
	/* the state's dotted forms (NĐ 30/2020, Phụ lục I): the Party writes a slash */
	static const char *const state_form[] = { "KT.", "KT ", "TM.", "TM ", "TL.", "TL ", NULL };
	for (size_t i = 0; state_form[i]; i++)
		if (!strncmp(s, state_form[i], strlen(state_form[i]))) {
			bc_diag_add(cx->diags, BC_W_PARTY_SIGN_FORM, n->pos, "%.*s", (int)strlen(state_form[i]) - 1, s);
			break;
		}
	int kt = !strncmp(s, "K/T ", 4) || !strncmp(s, "KT. ", 4) || !strncmp(s, "KT ", 3);
	const char *const *lists[] = { committees, councils };
	for (int k = 0; kt && k < 2; k++)
		for (size_t i = 0; lists[k][i]; i++)
			if (strstr(s, lists[k][i])) {
				kt = 0;
				bc_diag_add(cx->diags, BC_W_PARTY_COLLECTIVE, n->pos, "%s", s);
				break;
			}
	bc_buf_free(&b);
}

/* "Nơi nhận" (HD 36, II.1.9.2: "sau mỗi cơ quan, tổ chức, cá nhân hoặc nhóm … có dấu
 * phẩy (,), kết thúc nơi nhận văn bản có dấu chấm (.)"; its example "- Lưu Văn phòng Trung
 * ương Đảng."; HD 05: "Lưu Đảng ủy." without a colon), where the state writes ";" and "Lưu: VT". */
static void check_recipients(bc_check_ctx *cx, const bc_node *r)
{
	const bc_node *last = NULL;
	for (const bc_node *c = r->first; c; c = c->next)
		if (c->type == BC_NODE_ITEM)
			last = c;
	bc_buf b = BC_BUF_INIT;
	int told_mark = 0;   /* the list's punctuation told once, at its first slip; the "Lưu:" line apart */
	for (const bc_node *c = r->first; c; c = c->next) {
		if (c->type != BC_NODE_ITEM)
			continue;
		bc_buf_clear(&b);
		bc_node_plain_text(c, &b);
		const char *s = bc_buf_cstr(&b);
		size_t len = b.len;
		while (len && s[len - 1] == ' ')
			len--;
		char end = len ? s[len - 1] : 0;
		const char *why = NULL;
		if (!strncmp(s, "Lưu:", strlen("Lưu:")) || !strncmp(s, "Lưu :", strlen("Lưu :")))
			why = "Lưu:";
		else if (!told_mark && c != last && end == ';')
			why = ";", told_mark = 1;
		else if (!told_mark && c == last && (end == ';' || end == ','))
			why = end == ';' ? ";" : ",", told_mark = 1;
		if (why)
			bc_diag_add(cx->diags, BC_W_PARTY_RECIPIENTS, c->pos, "%s", why);
	}
	bc_buf_free(&b);
}

/* Whether the issuing body (the header's last issuer line, "ĐẢNG ỦY XÃ AN THẮNG") is a committee,
 * not a department under one ("VĂN PHÒNG" under "TỈNH ỦY ĐỒNG THÁP") nor a council. */
static int collective_issuer(const bc_document *doc)
{
	const bc_node *n = doc->idx.issuer_last;
	if (!n)
		return 0;
	bc_buf b = BC_BUF_INIT;
	bc_node_plain_text(n, &b);
	int yes = 0;
	for (size_t i = 0; committees[i] && !yes; i++)
		yes = !strncmp(bc_buf_cstr(&b), committees[i], strlen(committees[i]));
	bc_buf_free(&b);
	return yes;
}

static void *begin(bc_check_ctx *cx)
{
	const bc_document *doc = cx->doc;
	if (bc_document_facts(doc)->family != BC_FAMILY_PARTY)
		return NULL;
	party_state *st = bc_xcalloc(1, sizeof *st);
	const bc_node *num = doc->idx.number;
	if (num && !num->as.line->unread && (num->as.line->number.len || num->as.line->symbol.len))
		check_number(cx, num, bc_document_type(doc));
	if (doc->idx.recipients)
		check_recipients(cx, doc->idx.recipients);
	const bc_facts *f = bc_document_facts(doc);
	int signs_for = 0;   /* an authority line: T/M, K/T, T/L … */
	for (const bc_node *c = f->signature ? f->signature->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_AUTHORITY) {
			check_authority(cx, c);
			signs_for = 1;
		}
	/* a collective body's document signed by a position alone ("BÍ THƯ"): HD 36, II.1.7.1 b */
	const bc_node *first = f->signature ? f->signature->first : NULL;
	if (first && !signs_for && collective_issuer(doc))
		bc_diag_add(cx->diags, BC_W_PARTY_NO_TM, first->pos, NULL);
	return st;
}

static void on_text(bc_check_ctx *cx, void *vst, const bc_block_text *t)
{
	party_state *st = vst;
	if (!st || !cx->in_body)
		return;
	const bc_node *n = t->block;
	if (n->type != BC_NODE_PARAGRAPH && n->type != BC_NODE_ITEM && n->type != BC_NODE_HEADING)
		return;
	size_t len = t->buf.len;
	while (len && (t->buf.s[len - 1] == ' ' || t->buf.s[len - 1] == '\t'))
		len--;
	st->ends_mark = len >= 3 && !memcmp(t->buf.s + len - 3, "./.", 3);
	if (st->ends_mark)
		st->mark_pos = bc_text_pos(cx, t, len - 3);
}

/* HD 36, II.1.6.2: "kết thúc nội dung văn bản có dấu chấm (.)"; 05: never "./.". */
static void end(bc_check_ctx *cx, void *vst)
{
	party_state *st = vst;
	if (!st)
		return;
	if (st->ends_mark)
		bc_diag_add(cx->diags, BC_W_PARTY_END_MARK, st->mark_pos, NULL);
	free(st);
}

const bc_rule_set bc_rules_party = {
	.name = "party",
	.begin = begin,
	.on_text = on_text,
	.end = end,
};
