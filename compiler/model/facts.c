/* facts.c — works out once, from the header and closing lines, the archival facts every output reads (facts.h). */
#include "facts.h"
#include "vocab.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* ---- words of a line ---- */

static int is_ws(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0; }

/* Appends the words of s to out, white space collapsed, separated by one space
 * from what is there: the archive wants a line's words, not its layout. */
static void put_words(bc_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	int pending = out->len > 0;
	while (i < len) {
		uint32_t cp;
		int n = bc_utf8_decode(s + i, len - i, &cp);
		if (is_ws(cp)) {
			pending = out->len > 0;
		} else {
			if (pending)
				bc_buf_putc(out, ' ');
			pending = 0;
			bc_buf_put(out, s + i, (size_t)n);
		}
		i += (size_t)n;
	}
}

/* The words of a node's text (note marks left out), appended to out; scratch is work space. */
static void put_node_words(bc_buf *out, const bc_node *n, bc_buf *scratch)
{
	bc_buf_clear(scratch);
	bc_node_plain_text(n, scratch);
	put_words(out, scratch->s ? scratch->s : "", scratch->len);
}

/* Folds s to unaccented lower-case ASCII ('?' for anything else), one byte per
 * code point, for matching words whatever their case and marks. */
static void fold_ascii(bc_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		int n = bc_utf8_decode(s + i, len - i, &cp);
		uint32_t f = bc_cp_fold(cp);
		bc_buf_putc(out, f < 0x80 ? (char)f : '?');
		i += (size_t)n;
	}
}

/* "BÁO CÁO" -> "Báo cáo": the type as a name, not as a heading. */
static void sentence_case(bc_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	int first = 1;
	while (i < len) {
		uint32_t cp;
		int n = bc_utf8_decode(s + i, len - i, &cp);
		utf8proc_int32_t m = first ? utf8proc_toupper((utf8proc_int32_t)cp) : utf8proc_tolower((utf8proc_int32_t)cp);
		char enc[4];
		bc_buf_put(out, enc, (size_t)bc_utf8_encode((uint32_t)m, enc));
		first = 0;
		i += (size_t)n;
	}
}

static bc_str keep(bc_facts *f, const char *s, size_t len)
{
	bc_str r = { "", 0 };
	if (len == 0)
		return r;
	r.s = bc_arena_strndup(&f->arena, s, len);
	r.len = len;
	return r;
}

static bc_str keep_buf(bc_facts *f, bc_buf *b) { return keep(f, b->s, b->len); }

/* ---- finding lines ---- */

static const bc_node *root_part(const bc_document *doc, const bc_node *known, bc_node_type type)
{
	if (known)
		return known;
	for (const bc_node *c = doc->root ? doc->root->first : NULL; c; c = c->next)
		if (c->type == type)
			return c;
	return NULL;
}

static const bc_node *child_of_type(const bc_node *parent, bc_node_type type)
{
	for (const bc_node *c = parent ? parent->first : NULL; c; c = c->next)
		if (c->type == type)
			return c;
	return NULL;
}

static const bc_node *child_line(const bc_node *parent, bc_role role)
{
	for (const bc_node *c = parent ? parent->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == role)
			return c;
	return NULL;
}

const bc_node *bc_meta_line(const bc_document *doc, const bc_node *meta, bc_role role)
{
	const bc_meta_index *ix = &doc->idx;
	const bc_node *known = NULL;
	switch (role) {
	case BC_ROLE_DOCTYPE: known = ix->doctype; break;
	case BC_ROLE_TITLE: known = ix->title; break;
	case BC_ROLE_NUMBER: known = ix->number; break;
	case BC_ROLE_DATELINE: known = ix->dateline; break;
	case BC_ROLE_DRAFT: known = ix->draft; break;
	case BC_ROLE_URGENCY: known = ix->urgency; break;
	case BC_ROLE_SUMMARY: known = ix->summary; break;
	default: break;
	}
	return known ? known : child_line(meta, role);
}

int bc_issuer_line(const bc_document *doc, const bc_node *n)
{
	if (n->type != BC_NODE_LINE || n->as.line->role != BC_ROLE_ISSUER)
		return 0;
	/* the parser indexes the top's first issuer line, else the end's */
	const bc_node *first = doc->idx.issuer_first;
	return !first || n->as.line->at_end == first->as.line->at_end;
}

/* Folding removes the marks, so HOẢ, HỎA and HOÀ all read "hoa". */
int bc_priority_code(const char *s, size_t len)
{
	bc_buf b = BC_BUF_INIT;
	fold_ascii(&b, s, len);
	const char *folded = bc_buf_cstr(&b);
	int code = -1;
	if (strstr(folded, "hoa toc"))
		code = strstr(folded, "hen gio") ? 4 : 3;
	else if (strstr(folded, "thuong khan"))
		code = 2;
	else if (strstr(folded, "khan"))
		code = 1;
	else if (strstr(folded, "thuong"))
		code = 0;
	bc_buf_free(&b);
	return code;
}

int bc_recipient_is_real(const bc_recipient *r)
{
	return r->kind == BC_RECIP_ADDRESSEE || r->kind == BC_RECIP_SENT;
}

/* A recipient's name: its words without "Kính gửi:" before them or a ';' after. */
static bc_str recipient_name(bc_facts *f, const bc_node *n, bc_buf *scratch)
{
	bc_buf words = BC_BUF_INIT, folded = BC_BUF_INIT;
	put_node_words(&words, n, scratch);
	const char *s = bc_buf_cstr(&words);
	size_t len = words.len, skip = 0;
	fold_ascii(&folded, s, len);
	/* the label the parser read ("VĂN PHÒNG CHÍNH PHỦ điện:") names no one */
	const bc_str *label = n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_ADDRESSEE ? &n->as.line->label : NULL;
	if (label && label->len && label->len <= len && memcmp(s, label->s, label->len) == 0) {
		skip = label->len;
		while (skip < len && s[skip] == ' ')
			skip++;
	} else if (folded.len >= 8 && memcmp(folded.s, "kinh gui", 8) == 0) {
		/* The folded form has one byte per code point: skip 8 code points. */
		size_t cps = 0;
		while (skip < len && cps < 8) {
			uint32_t cp;
			skip += (size_t)bc_utf8_decode(s + skip, len - skip, &cp);
			cps++;
		}
		while (skip < len && (s[skip] == ':' || s[skip] == ' '))
			skip++;
	}
	while (len > skip && (s[len - 1] == ';' || s[len - 1] == ',' || s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	bc_str r = keep(f, s + skip, len - skip);
	bc_buf_free(&words);
	bc_buf_free(&folded);
	return r;
}

/* Does the folded text begin with the word w (then its end, a space, ':' or a digit)? */
static int starts_word(const char *folded, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (len < n || memcmp(folded, w, n) != 0)
		return 0;
	return len == n || folded[n] == ' ' || folded[n] == ':' || (folded[n] >= '0' && folded[n] <= '9');
}

/* What a "Nơi nhận" item is, from its first words: "Như trên" (and "Như Điều
 * 5" of a decision) send to the addressees named elsewhere, "Lưu: VT" (and
 * "Lưu Văn phòng Thành ủy") keeps the copies; neither names a recipient of
 * its own, so an archive's To must not list them.  "Lưu trữ …" is a name. */
static bc_recipient_kind item_kind(bc_str name)
{
	bc_buf b = BC_BUF_INIT;
	fold_ascii(&b, name.s, name.len);
	const char *s = bc_buf_cstr(&b);
	bc_recipient_kind k = BC_RECIP_SENT;
	if (starts_word(s, b.len, "nhu tren") || starts_word(s, b.len, "nhu dieu"))
		k = BC_RECIP_AS_ABOVE;
	else if (starts_word(s, b.len, "luu") && !starts_word(s, b.len, "luu tru"))
		k = BC_RECIP_FILED;
	bc_buf_free(&b);
	return k;
}

static void add_recipient(bc_facts *f, size_t *cap, bc_recipient_kind kind, const bc_node *n, bc_buf *scratch)
{
	if (f->nrecipients == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		bc_recipient *v = bc_arena_alloc(&f->arena, ncap * sizeof *v);
		if (f->nrecipients)
			memcpy(v, f->recipients, f->nrecipients * sizeof *v);
		f->recipients = v;
		*cap = ncap;
	}
	bc_recipient *r = &f->recipients[f->nrecipients];
	r->name = recipient_name(f, n, scratch);
	if (!r->name.len)
		return;   /* "Kính gửi:" alone on its line is the label of the list, nobody */
	f->nrecipients++;
	r->kind = kind == BC_RECIP_SENT ? item_kind(r->name) : kind;
	r->node = n;
}

/* The addressees of the header, then the items of "Nơi nhận". */
static void find_recipients(bc_facts *f, const bc_document *doc, bc_buf *scratch)
{
	size_t cap = 0;
	for (const bc_node *c = f->meta ? f->meta->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_ADDRESSEE)
			add_recipient(f, &cap, BC_RECIP_ADDRESSEE, c, scratch);
	const bc_node *rec = doc->idx.recipients ? doc->idx.recipients : child_of_type(f->closing, BC_NODE_RECIPIENTS);
	for (const bc_node *c = rec ? rec->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_ITEM)
			add_recipient(f, &cap, BC_RECIP_SENT, c, scratch);
}

/* Position and name of the signer; without a position line, "KT. CHỦ TỊCH"
 * and the authority lines under it say who signs. */
static void find_signer(bc_facts *f, const bc_document *doc, bc_buf *b, bc_buf *scratch)
{
	const bc_meta_index *ix = &doc->idx;
	const bc_node *sig = f->signature;
	const bc_node *pos = ix->position ? ix->position : child_line(sig, BC_ROLE_POSITION);
	const bc_node *who = ix->signer ? ix->signer : child_line(sig, BC_ROLE_SIGNER);
	bc_buf_clear(b);
	if (pos) {
		put_node_words(b, pos, scratch);
	} else {
		const bc_node *a = ix->authority_first ? ix->authority_first : child_line(sig, BC_ROLE_AUTHORITY);
		for (; a && a->type == BC_NODE_LINE && a->as.line->role == BC_ROLE_AUTHORITY; a = a->next)
			put_node_words(b, a, scratch);
	}
	f->signer_position = keep_buf(f, b);
	bc_buf_clear(b);
	if (who)
		put_node_words(b, who, scratch);
	/* the name without the rank printed before it ("Thượng tướng Nguyễn Văn A") */
	size_t rank = bc_rank_len(b->s ? b->s : "", b->len);
	f->signer_name = keep_buf(f, b);
	f->signer_name.s += rank;
	f->signer_name.len -= rank;
}

/* The words of every META line of a role, joined (of the issuer, the lines
 * that name the document's: bc_issuer_line). */
static bc_str joined_lines(const bc_document *doc, bc_facts *f, bc_role role, bc_buf *b, bc_buf *scratch)
{
	bc_buf_clear(b);
	for (const bc_node *c = f->meta ? f->meta->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == role &&
		    (role != BC_ROLE_ISSUER || bc_issuer_line(doc, c)))
			put_node_words(b, c, scratch);
	return keep_buf(f, b);
}

/* An appendix sent as a file of its own: its title is the document's
 * (the first appendix's title lines). */
static bc_str appendix_subject(const bc_document *doc, bc_facts *f, bc_buf *b, bc_buf *scratch)
{
	bc_buf_clear(b);
	for (const bc_node *n = doc->root ? doc->root->first : NULL; n; n = n->next) {
		if (n->type != BC_NODE_APPENDIX)
			continue;
		for (const bc_node *c = n->first; c; c = c->next)
			if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_APPX_TITLE)
				put_node_words(b, c, scratch);
		break;
	}
	return keep_buf(f, b);
}

/* A dispatch's trích yếu is its "V/v …" line (Nghị định 30, Phụ lục I, ô 5b):
 * the archive's Subject is what follows "V/v", as for other types the title. */
static bc_str dispatch_subject(bc_facts *f, bc_buf *b, bc_buf *scratch)
{
	/* the first V/v line: a second one is header-repeated, and every output reads the first */
	bc_buf_clear(b);
	for (const bc_node *c = f->meta ? f->meta->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_SUMMARY) {
			put_node_words(b, c, scratch);
			break;
		}
	bc_str s = keep_buf(f, b);
	if (s.len >= 3 && (s.s[0] == 'V' || s.s[0] == 'v') && s.s[1] == '/' && (s.s[2] == 'v' || s.s[2] == 'V')) {
		size_t k = 3;
		while (k < s.len && (s.s[k] == ' ' || s.s[k] == ':' || s.s[k] == '.'))
			k++;
		if (k < s.len && k > 3) {
			s.s += k;
			s.len -= k;
		}
	}
	return s;
}

static void find_type_name(bc_facts *f, bc_buf *b, bc_buf *scratch)
{
	if (!f->doctype)
		return;
	/* The type as the line states it ("CHƯƠNG TRÌNH HÀNH ĐỘNG"), else the
	 * model's name: also when the line is no name as written ("THONG TU", its
	 * marks lost to a scan's OCR) */
	bc_buf words = BC_BUF_INIT;
	put_node_words(&words, f->doctype, scratch);
	if (words.len == 0 || bc_doctype_from_name(words.s, words.len) == BC_DOC_UNKNOWN) {
		bc_buf_clear(&words);
		bc_buf_puts(&words, bc_doctype_name(f->doctype->as.line->doctype));
	}
	bc_buf_clear(b);
	sentence_case(b, bc_buf_cstr(&words), words.len);
	bc_buf_free(&words);
	f->type_name = keep_buf(f, b);
}

static void find_priority(bc_facts *f, bc_buf *b, bc_buf *scratch)
{
	f->priority = -1;
	if (!f->urgency)
		return;
	bc_buf_clear(b);
	put_node_words(b, f->urgency, scratch);
	int code = bc_priority_code(bc_buf_cstr(b), b->len);
	if (code >= 0 && b->len) {
		f->priority = code;
		f->priority_text = keep_buf(f, b);
	}
}

/* The first "(Kèm theo Báo cáo số 63 /BC-UBND ngày 05 tháng 3 năm 2026)" line
 * of the appendices: the document's own number and date, printed again. */
static const bc_node *first_attach(const bc_document *doc, int want_number)
{
	for (const bc_node *a = doc->root ? doc->root->first : NULL; a; a = a->next) {
		if (a->type != BC_NODE_APPENDIX)
			continue;
		for (const bc_node *c = a->first; c; c = c->next)
			if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_APPX_ATTACH &&
			    (want_number ? c->as.line->number.len > 0 : bc_date_exists(c->as.line->date)))
				return c;
	}
	return NULL;
}

/* A header that lost its number or its date (a draft printed before
 * numbering, a copy whose header was cut): the appendices' (Kèm theo …)
 * lines name the document they belong to, this one; what they say is used,
 * and where it came from is kept (number_from, issued_from) so that the
 * checker says so. */
static void recover_from_attach(bc_facts *f, const bc_document *doc)
{
	/* the number left blank for the stamp ("Số:      /BC-UBND"), or the whole
	 * line missing: taken when the symbols agree, or the header has none */
	if (!f->code_number.len) {
		const bc_node *a = first_attach(doc, 1);
		bc_str sym = a ? a->as.line->symbol : (bc_str){ "", 0 };
		if (a && (!f->code_notation.len || (sym.len == f->code_notation.len &&
		                                    memcmp(sym.s, f->code_notation.s, sym.len) == 0))) {
			f->code_number = a->as.line->number;
			f->code_year = a->as.line->year;
			f->code_notation = sym;
			f->number_from = a;
		}
	}
	if (!f->issued_known) {
		const bc_node *a = first_attach(doc, 0);
		/* what the header's date does give (a month and year around a blank day) must agree */
		bc_date h = f->dateline ? f->dateline->as.line->date : (bc_date){ 0, 0, 0 };
		if (a && ((h.year && h.year != a->as.line->date.year) || (h.month && h.month != a->as.line->date.month) ||
		          (h.day && h.day != a->as.line->date.day)))
			a = NULL;
		if (a) {
			f->issued_known = 1;
			f->issued = a->as.line->date;
			f->issued_from = a;
		}
	}
}

/* Does the text of node n hold one of the words? */
static int node_holds(const bc_node *n, const char *const *words, bc_buf *scratch)
{
	bc_buf_clear(scratch);
	bc_node_plain_text(n, scratch);
	const char *t = bc_buf_cstr(scratch);
	for (; *words; words++)
		if (strstr(t, *words))
			return 1;
	return 0;
}

/*
 * A Party document (Hướng dẫn 36-HD/VPTW) is told by what it prints: the
 * motto "ĐẢNG CỘNG SẢN VIỆT NAM" where a state document has "CỘNG HÒA XÃ HỘI
 * CHỦ NGHĨA VIỆT NAM"; an issuer that is a Party body (Thành ủy, Đảng ủy, Ban
 * Thường vụ …); a signature "T/M"; and, when the header is gone (seed 002),
 * a first paragraph that names a Party body as the one issuing the text
 * ("Ban Thường vụ Thành ủy ban hành Chương trình hành động …"); and a Party
 * symbol ("CTr/TU": the type's code before a slash, or a Party body's code
 * after it), the header's or, when it lost its number, an appendix's (Kèm
 * theo …) line's.  The state's
 * motto decides for the state whatever else the text says.
 */
static bc_family find_family(const bc_facts *f, bc_buf *scratch)
{
	static const char *const state_motto[] = { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA", NULL };
	static const char *const party_motto[] = { "ĐẢNG CỘNG SẢN VIỆT NAM", NULL };
	static const char *const party_body[] = { "THÀNH ỦY", "TỈNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "ĐẢNG ỦY",
		                                       "ĐẢNG BỘ", "CHI BỘ", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN BÍ THƯ",
		                                       "THÀNH UỶ", "TỈNH UỶ", "HUYỆN UỶ", "ĐẢNG UỶ", NULL };
	static const char *const party_issuing[] = { "Thành ủy ban hành", "Tỉnh ủy ban hành", "Huyện ủy ban hành",
		                                          "Đảng ủy ban hành", "Ban Chấp hành Đảng bộ", "Ban Thường vụ", NULL };
	int party = 0;
	for (const bc_node *c = f->meta ? f->meta->first : NULL; c; c = c->next) {
		if (c->type != BC_NODE_LINE)
			continue;
		if (c->as.line->role == BC_ROLE_MOTTO && node_holds(c, state_motto, scratch))
			return BC_FAMILY_STATE;
		if (node_holds(c, party_motto, scratch))
			party = 1;
		if (c->as.line->role == BC_ROLE_ISSUER && node_holds(c, party_body, scratch))
			party = 1;
	}
	/* the symbol: the Party's "CTr/TU" puts the type's code before a slash, the
	 * state's "BC-UBND" before a hyphen; a Party body's code after it ("…/TU") */
	if (f->code_notation.len) {
		const char *y = f->code_notation.s;
		size_t yl = f->code_notation.len, slash = 0;
		while (slash < yl && y[slash] != '/' && y[slash] != '-')
			slash++;
		if (slash < yl && y[slash] == '/' && bc_is_party_type_code(y, slash))
			party = 1;
		static const char *const party_code[] = { "/TU", "/TW", "/ĐU", "/HU" };
		for (size_t k = 0; k < sizeof party_code / sizeof party_code[0]; k++) {
			size_t pl = strlen(party_code[k]);
			if (yl >= pl && memcmp(y + yl - pl, party_code[k], pl) == 0)
				party = 1;
		}
	}
	static const char *const party_sign[] = { "T/M ", "T/M.", NULL };
	for (const bc_node *c = f->signature ? f->signature->first : NULL; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_AUTHORITY && node_holds(c, party_sign, scratch))
			party = 1;
	/* no header at all: the preamble says who issues the text */
	if (!party && f->body && !(f->meta && f->meta->first)) {
		const bc_node *p = f->body->first;
		while (p && p->type != BC_NODE_PARAGRAPH)
			p = p->next;
		if (p && node_holds(p, party_issuing, scratch)) {
			bc_buf_clear(scratch);
			bc_node_plain_text(p, scratch);
			party = strstr(bc_buf_cstr(scratch), " ban hành ") != NULL;
		}
	}
	return party ? BC_FAMILY_PARTY : BC_FAMILY_STATE;
}

void bc_facts_compute(const bc_document *doc, bc_facts *f)
{
	memset(f, 0, sizeof *f);
	bc_arena_init(&f->arena);
	static const bc_str none = { "", 0 };
	f->type_name = f->code_number = f->code_notation = f->code_year = f->organ_name = f->subject = none;
	f->signer_position = f->signer_name = f->priority_text = none;
	f->priority = -1;
	if (!doc)
		return;
	f->meta = root_part(doc, doc->meta, BC_NODE_META);
	f->body = root_part(doc, doc->body, BC_NODE_BODY);
	f->closing = root_part(doc, doc->closing, BC_NODE_CLOSING);
	f->notes = root_part(doc, doc->notes, BC_NODE_NOTES);
	f->doctype = bc_meta_line(doc, f->meta, BC_ROLE_DOCTYPE);
	f->number = bc_meta_line(doc, f->meta, BC_ROLE_NUMBER);
	f->dateline = bc_meta_line(doc, f->meta, BC_ROLE_DATELINE);
	f->urgency = bc_meta_line(doc, f->meta, BC_ROLE_URGENCY);
	f->signature = child_of_type(f->closing, BC_NODE_SIGNATURE);
	/* of two signatures side by side, the one with the signer's name */
	if (doc->idx.signer && doc->idx.signer->parent && doc->idx.signer->parent->type == BC_NODE_SIGNATURE &&
	    doc->idx.signer->parent->as.signature.beside && doc->idx.signer->parent->parent == f->closing)
		f->signature = doc->idx.signer->parent;

	bc_buf b = BC_BUF_INIT, scratch = BC_BUF_INIT;
	find_type_name(f, &b, &scratch);
	/* a dispatch prints no type: it is a công văn all the same (bc_document_type
	 * decides it from its V/v line), and the archive names it so; so is an
	 * appendix sent as a file of its own a phụ lục */
	bc_doctype dt = bc_document_type(doc);
	if (!f->type_name.len && (dt == BC_DOC_CONG_VAN || dt == BC_DOC_PHU_LUC)) {
		bc_buf_clear(&b);
		const char *name = bc_doctype_name(dt);
		sentence_case(&b, name, strlen(name));
		f->type_name = keep_buf(f, &b);
	}
	if (f->number) {
		f->code_number = f->number->as.line->number.s ? f->number->as.line->number : none;
		f->code_notation = f->number->as.line->symbol.s ? f->number->as.line->symbol : none;
		f->code_year = f->number->as.line->year.s ? f->number->as.line->year : none;
	}
	if (f->dateline && bc_date_exists(f->dateline->as.line->date)) {
		f->issued_known = 1;
		f->issued = f->dateline->as.line->date;
	}
	recover_from_attach(f, doc);
	f->organ_name = joined_lines(doc, f, BC_ROLE_ISSUER, &b, &scratch);
	f->subject = joined_lines(doc, f, BC_ROLE_TITLE, &b, &scratch);
	if (!f->subject.len)
		f->subject = dispatch_subject(f, &b, &scratch);
	if (!f->subject.len && dt == BC_DOC_PHU_LUC)
		f->subject = appendix_subject(doc, f, &b, &scratch);
	find_signer(f, doc, &b, &scratch);
	/* --profile says it outright; else the text shows it */
	f->family = doc->profile == 1 ? BC_FAMILY_STATE : doc->profile == 2 ? BC_FAMILY_PARTY : find_family(f, &scratch);
	f->guide = bc_guide_for(f->family, f->issued_known,
	                        f->issued_known ? f->issued
	                        : f->dateline   ? f->dateline->as.line->date
	                                        : (bc_date){ 0, 0, 0 });
	find_recipients(f, doc, &scratch);
	find_priority(f, &b, &scratch);
	bc_buf_free(&b);
	bc_buf_free(&scratch);
}

void bc_facts_free(bc_facts *f)
{
	if (!f)
		return;
	bc_arena_free(&f->arena);
	memset(f, 0, sizeof *f);
}

/* ---- the list-item split ---- */

int bc_item_has_text(const bc_node *item) { return item && item->first && bc_node_is_inline(item->first); }

const bc_node *bc_item_next_text(const bc_node *c)
{
	while (c && !bc_node_is_inline(c))
		c = c->next;
	return c;
}

const bc_node *bc_item_next_block(const bc_node *c)
{
	while (c && bc_node_is_inline(c))
		c = c->next;
	return c;
}

const bc_facts *bc_document_facts(const bc_document *doc)
{
	/* a cache of a function of the tree: the document is otherwise not changed */
	bc_document *d = (bc_document *)doc;
	if (!d->facts) {
		d->facts = bc_xcalloc(1, sizeof *d->facts);
		bc_facts_compute(doc, d->facts);
	}
	return d->facts;
}

void bc_document_set_profile(bc_document *doc, int profile)
{
	doc->profile = profile;
	bc_document_free_facts(doc);   /* worked out again, with it, on the next call */
}

void bc_document_free_facts(bc_document *doc)
{
	if (doc->facts) {
		bc_facts_free(doc->facts);
		free(doc->facts);
		doc->facts = NULL;
	}
}
