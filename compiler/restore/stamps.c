/* stamps.c — lines no author wrote: a digital signature's or a portal's stamp at the top of a page, and Word's field codes. */
#include "restore_int.h"

#include <string.h>

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

void rs_stamps(rs_ctx *cx)
{
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
				rs_drop(cx, i + j, BC_RESTORE_STAMP);
			if (k) {
				i += k - 1;
				seen--;   /* a stamp is not a line of the page's text */
			}
		}
	}
}
