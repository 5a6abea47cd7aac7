/* stamps.c — lines no author wrote: a digital signature's or a portal's stamp at the top of a page, and Word's field codes. */
#include "restore_int.h"

#include <string.h>

#include "../util/buf.h"
#include "../util/fold.h"
#include "../util/utf8.h"

/*
 * A signed PDF carries the signature's stamp as text ("Ký bởi: ỦY BAN NHÂN /
 * DÂN TỈNH LÂM ĐỒNG / Cơ quan: … / Thời gian ký: 13/11/2025 / 15:53:50"), and
 * the Government portal its own ("Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ");
 * extraction puts them before the header.  A stamp opens with one of the
 * first keys, among the first lines of a page, and runs over lines that
 * start with a key, a value's wrapped end when a key follows it, and a
 * time alone; a blank line ends it.
 */
static const char *const keys[] = {
	/* keys that open a stamp */
	"Ký bởi:", "Người ký:", "Cơ quan phát hành:", "Thời gian ký:", "Ngày ký:",
	/* keys only inside one */
	"Cơ quan:", "Email:", "Địa chỉ:", "Tổ chức:",
};
#define OPENING_KEYS 5
#define NKEYS (sizeof keys / sizeof keys[0])

/* The first occurrence of w in s[0..n), or NULL. */
static const char *strstr_n(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	for (size_t i = 0; i + wl <= n; i++)
		if (memcmp(s + i, w, wl) == 0)
			return s + i;
	return NULL;
}

static const char *folded(const rs_line *l, bc_buf *b);

/* The motto or the slogan: a header's line, never a stamp's. */
static int folded_has(const rs_line *l, bc_buf *b)
{
	const char *f = folded(l, b);
	return strstr(f, "cong hoa xa hoi") != NULL || strstr(f, "đoc lap") != NULL;
}

/* Which key the line starts with: its index, or -1. */
static int key_of(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	for (size_t k = 0; k < NKEYS; k++) {
		size_t kl = strlen(keys[k]);
		if (n >= kl && memcmp(s, keys[k], kl) == 0)
			return (int)k;
	}
	return -1;
}

/* "15:53:50", "+07:00": a time a stamp's value wrapped onto its own line. */
static int time_alone(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if (!n)
		return 0;
	int colon = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ':')
			colon = 1;
		else if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ' ' || s[i] == '+' || s[i] == '.' || s[i] == '/'))
			return 0;
	}
	return colon;
}

/* "Thời wian ký: 05 05.2026 14:59-^7 00700": the signing time whose key a
 * scan's OCR misread: up to three words and "ký:" in the line's first 24
 * bytes, then figures and the marks of a time only. */
static int misread_time(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	const char *k = n > 4 ? strstr_n(s, n < 24 ? n : 24, "ký:") : NULL;
	if (!k)
		return 0;
	int words = 1;
	for (const char *c = s; c < k; c++)
		words += *c == ' ';
	if (words > 4)
		return 0;
	size_t i = (size_t)(k - s) + 4, digits = 0;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(" .:+-^/", s[i]))
			return 0;
	}
	return digits >= 4;
}

/* The stamp that opens at line i: how many lines it holds (0: none). */
static size_t stamp_at(const rs_ctx *cx, size_t i)
{
	int k = key_of(&cx->v[i]);
	if (k < 0 || k >= OPENING_KEYS)
		return 0;
	size_t e = i + 1;
	while (e < cx->n && !rs_blank(&cx->v[e]) && cx->v[e].page == cx->v[i].page) {
		if (key_of(&cx->v[e]) >= 0 || time_alone(&cx->v[e]))
			e++;
		else if (e + 1 < cx->n && key_of(&cx->v[e + 1]) >= 0)
			e++;   /* "DÂN TỈNH LÂM ĐỒNG": the end of a key's value */
		else
			break;
	}
	/* its time, misread, after one blank line */
	if (e + 1 < cx->n && rs_blank(&cx->v[e]) && cx->v[e + 1].page == cx->v[i].page && misread_time(&cx->v[e + 1]))
		e += 2;
	return e - i;
}

/* "PAGE   \* MERGEFORMAT  11", " PAGE ", "NUMPAGES": a field's code where its result should be. */
int rs_field_code(const rs_line *l)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	static const char *const fields[] = { "PAGE", "NUMPAGES", "SECTIONPAGES" };
	for (size_t f = 0; f < 3; f++) {
		size_t fl = strlen(fields[f]);
		if (n < fl || memcmp(s, fields[f], fl) != 0 || (n > fl && s[fl] != ' '))
			continue;
		/* what may follow: the switch and the field's result, nothing else */
		size_t i = fl;
		while (i < n && s[i] == ' ')
			i++;
		if (i + 14 <= n && memcmp(s + i, "\\* MERGEFORMAT", 14) == 0)
			i += 14;
		else if (i + 9 <= n && memcmp(s + i, "\\* Arabic", 9) == 0)
			i += 9;
		while (i < n && (s[i] == ' ' || (s[i] >= '0' && s[i] <= '9')))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The line folded (lower case, no marks): into b. */
static const char *folded(const rs_line *l, bc_buf *b)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	bc_buf_clear(b);
	bc_fold_words(s, n, b);
	return bc_buf_cstr(b);
}

/* "CÔNG VĂN ĐẾN" (or "ĐẾN", OCR's "CONG VAN DEN") alone on its line: the
 * receiving office's stamp ("dấu đến", Nghị định 30, Phụ lục IV) stamped on
 * the paper over the header, read by a scan's OCR. */
static int capitals(const rs_line *l);

static int received_line(const rs_line *l, bc_buf *b)
{
	const char *f = folded(l, b);
	if (!strcmp(f, "cong van đen") || !strcmp(f, "cong van den"))
		return 1;
	/* the word alone in capitals: "đến" in small letters is a wrapped cell's
	 * or line's word ("Chuyển" / "đến", a table's title at a page's top) */
	return (!strcmp(f, "đen") || !strcmp(f, "den")) && capitals(l);
}

/* A line the receiving stamp fills in: "Số: 1234" (no "/": a document's own
 * number has one), "Ngày: …", "Giờ …", "Chuyển: …", "Lưu hồ sơ số: …". */
static int received_field(const rs_line *l, bc_buf *b)
{
	static const char *const keys[] = { "so", "ngay", "gio", "chuyen", "luu ho so" };
	const char *f = folded(l, b);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		size_t kl = strlen(keys[k]);
		if (!strncmp(f, keys[k], kl) && (f[kl] == 0 || f[kl] == ' ' || f[kl] == ':' || f[kl] == '.'))
			return k > 0 || !memchr(l->s, '/', l->len);
	}
	return 0;
}

/* Whether the line is in capitals (at least one letter, none in lower case). */
static int capitals(const rs_line *l)
{
	int letters = 0;
	for (size_t i = 0; i < l->len;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(l->s + i, l->len - i, &cp);
		if (m <= 0)
			return 0;
		if (bc_cp_is_lower(cp))
			return 0;
		letters += bc_cp_is_upper(cp);
		i += (size_t)m;
	}
	return letters > 0;
}

/* The receiving stamp among the first lines of each page: its "ĐẾN" line, the
 * office's name above it when the stamp stands apart (a blank line or the
 * page's top above that), and the fields it fills in under it. */
static void received_stamps(rs_ctx *cx)
{
	bc_buf b = BC_BUF_INIT;
	uint32_t page = 0;
	int seen = 0;
	for (size_t i = 0; i < cx->n; i++) {
		rs_line *l = &cx->v[i];
		if (l->page != page) {
			page = l->page;
			seen = 0;
		}
		if (l->dropped || rs_blank(l) || seen++ >= 20 || !received_line(l, &b))
			continue;
		if (i > 0 && !cx->v[i - 1].dropped && !rs_blank(&cx->v[i - 1]) && capitals(&cx->v[i - 1]) &&
		    (i == 1 || rs_blank(&cx->v[i - 2])) && cx->v[i - 1].page == page && !folded_has(&cx->v[i - 1], &b))
			rs_drop(cx, i - 1, BC_RESTORE_STAMP);
		rs_drop(cx, i, BC_RESTORE_STAMP);
		for (size_t k = i + 1; k < cx->n && k <= i + 4 && !rs_blank(&cx->v[k]) && received_field(&cx->v[k], &b); k++)
			rs_drop(cx, k, BC_RESTORE_STAMP);
	}
	bc_buf_free(&b);
}

void rs_stamps(rs_ctx *cx)
{
	received_stamps(cx);
	uint32_t page = 0;
	int seen = 0;   /* non-blank lines of the page so far */
	for (size_t i = 0; i < cx->n; i++) {
		rs_line *l = &cx->v[i];
		if (l->page != page) {
			page = l->page;
			seen = 0;
		}
		if (l->dropped || rs_blank(l))
			continue;
		if (rs_field_code(l)) {
			rs_drop(cx, i, BC_RESTORE_FIELD_CODE);
			continue;
		}
		if (seen++ < 3) {
			size_t k = stamp_at(cx, i);
			for (size_t j = 0; j < k; j++)
				if (!rs_blank(&cx->v[i + j]))
					rs_drop(cx, i + j, BC_RESTORE_STAMP);
			if (k) {
				i += k - 1;
				seen--;   /* a stamp is not a line of the page's text */
			}
		}
	}
}
