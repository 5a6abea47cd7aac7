/* decode.c — input decoding: bytes in any supported encoding to NFC UTF-8 with LF line ends. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "../model/report.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

typedef enum enc_kind {
	ENC_AUTO, ENC_UTF8, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE, ENC_CP1258, ENC_TCVN, ENC_UNKNOWN
} enc_kind;

static const bc_pos pos_start = { 1, 1 };

static enc_kind parse_encoding(const char *name)
{
	static const struct { const char *name; enc_kind kind; } names[] = {
		{ "auto", ENC_AUTO },         { "utf-8", ENC_UTF8 },        { "utf8", ENC_UTF8 },
		{ "utf-16", ENC_UTF16 },      { "utf-16le", ENC_UTF16LE },  { "utf-16be", ENC_UTF16BE },
		{ "cp1258", ENC_CP1258 },     { "windows-1258", ENC_CP1258 },
		{ "tcvn", ENC_TCVN },         { "tcvn3", ENC_TCVN },        { "tcvn5712", ENC_TCVN },
		{ "tcvn5712-1", ENC_TCVN },
	};
	if (!name)
		return ENC_AUTO;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return names[i].kind;
	return ENC_UNKNOWN;
}

static void set_encoding(bc_source *out, const char *name)
{
	snprintf(out->encoding, sizeof out->encoding, "%s", name);
}

/* ---- positions ---------------------------------------------------------- */

/* Code points that are in NFC whatever surrounds them, unless a combining
 * mark follows (and that mark is not on this list): everything below
 * U+0300, the precomposed Vietnamese letters, common punctuation,
 * superscripts and subscripts (footnote marks: no canonical decomposition,
 * combining class 0, in no composition) and currency signs. */
static int nfc_inert(uint32_t cp)
{
	return cp < 0x0300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
	       (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x2070 && cp <= 0x20BF);
}

/* Does s[0..len) hold anything composition could change?  Lead bytes below
 * 0xCC encode code points below U+0300, so most bytes need one compare. */
static int needs_nfc(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0xCC)
			continue;
		uint32_t cp;
		int k = bc_utf8_decode(s + i, len - i, &cp);
		if (!nfc_inert(cp))
			return 1;
		i += (size_t)k - 1;
	}
	return 0;
}

/* Code points in s[0..len) once composed; s should be valid UTF-8 (if it is
 * not, lead bytes are counted). */
static size_t nfc_count(const char *s, size_t len)
{
	if (len == 0 || !needs_nfc(s, len))
		return bc_utf8_count(s, len);
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &d,
	                                  UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	size_t c = r >= 0 ? bc_utf8_count((const char *)d, (size_t)r) : bc_utf8_count(s, len);
	free(d);
	return c;
}

static uint32_t clamp32(size_t v) { return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v; }

/* The position just after decoded text s[0..len), with the line breaks the
 * final text will have (LF, CRLF, lone CR, form feed). */
static bc_pos pos_at_end(const char *s, size_t len)
{
	size_t line = 1, ls = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		if (c == '\n' || c == '\r' || c == '\f') {
			line++;
			ls = i + 1;
		}
	}
	bc_pos p = { clamp32(line), clamp32(nfc_count(s + ls, len - ls) + 1) };
	return p;
}

/* ---- UTF-8 validation ---------------------------------------------------- */

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

typedef struct utf8_stats {
	size_t first_bad;   /* offset of the first ill-formed byte, or the length */
	size_t multibyte;   /* well-formed sequences of two or more bytes */
	size_t bad;         /* runs of ill-formed bytes: one damaged sequence counts once */
} utf8_stats;

static void utf8_scan(const unsigned char *s, size_t n, utf8_stats *st)
{
	st->first_bad = n;
	st->multibyte = st->bad = 0;
	size_t i = 0;
	int in_bad = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			in_bad = 0;
			do
				i++;
			while (i < n && s[i] < 0x80);
			continue;
		}
		size_t k = bc_utf8_valid_seq(s + i, n - i);
		if (k == 0) {
			if (st->first_bad == n)
				st->first_bad = i;
			if (!in_bad)
				st->bad++;
			in_bad = 1;
			i++;
		} else {
			st->multibyte++;
			in_bad = 0;
			i += k;
		}
	}
}

/* "byte 0xC3 0x28": the lead byte and what followed it up to the first byte
 * that broke the sequence, or the sequence's expected length. */
static void name_bad_bytes(const unsigned char *s, size_t n, char *dst, size_t cap)
{
	unsigned char c = s[0];
	size_t want = c >= 0xF0 && c <= 0xF7 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC0 && c <= 0xDF ? 2 : 1;
	size_t used = (size_t)snprintf(dst, cap, "byte 0x%02X", c);
	for (size_t i = 1; i < want && i < n && used < cap; i++) {
		used += (size_t)snprintf(dst + used, cap - used, " 0x%02X", s[i]);
		if (!is_cont(s[i]))
			break;
	}
	if (want > 1 && n < want && used < cap)
		snprintf(dst + used, cap - used, "%s", _(" (bị cắt ở cuối tệp)"));
}

/* ---- the last pass: line ends, composition, forbidden characters -------- */

static size_t first_diff_col(const char *a, size_t al, const char *b, size_t bl)
{
	size_t j = 0;
	while (j < al && j < bl && a[j] == b[j])
		j++;
	while (j > 0 && is_cont((unsigned char)a[j]))
		j--;
	return bc_utf8_count(a, j) + 1;
}

/* ---- format characters: invisible, removed or refused ------------------- */

/* What a format character is to the reader (FORMAT.md §2.2). */
enum { FMT_NONE, FMT_ZERO_WIDTH, FMT_DIRECTION_MARK, FMT_BIDI_CONTROL };

/* The format character U+200B-U+200F, U+202A-U+202E, U+2060 or U+2066-U+2069
 * whose three bytes start at u[0] (n left): its kind, its code point in *cp. */
static int format_char(const unsigned char *u, size_t n, uint32_t *cp)
{
	if (n < 3 || u[0] != 0xE2 || (u[1] != 0x80 && u[1] != 0x81))
		return FMT_NONE;
	*cp = 0x2000 + ((uint32_t)(u[1] & 0x0F) << 6) + (u[2] & 0x3F);
	if (*cp >= 0x200B && *cp <= 0x200D)
		return FMT_ZERO_WIDTH;
	if (*cp == 0x2060)
		return FMT_ZERO_WIDTH;
	if (*cp == 0x200E || *cp == 0x200F)
		return FMT_DIRECTION_MARK;
	if ((*cp >= 0x202A && *cp <= 0x202E) || (*cp >= 0x2066 && *cp <= 0x2069))
		return FMT_BIDI_CONTROL;
	return FMT_NONE;
}

/* Letters of a script whose letters join (Arabic, the Indic scripts…) and
 * emoji, between which ZERO WIDTH JOINER and NON-JOINER do their work: not
 * Latin, Vietnamese, Greek or Cyrillic, nor spaces, punctuation or digits. */
static int joining(uint32_t cp)
{
	if (cp >= 0x1F000)
		return 1;
	return cp >= 0x0590 && !(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2000 && cp <= 0x2BFF) &&
	       !(cp >= 0x3000 && cp <= 0x303F) && bc_cp_is_letter(cp);
}

/* The format characters of the whole input: how many were removed of each
 * kind and where the first was, for one note a kind at the end. */
typedef struct fmt_state {
	size_t count[2];        /* FMT_ZERO_WIDTH, FMT_DIRECTION_MARK */
	bc_pos first[2];
	size_t nfd_lines;       /* lines composed: one warning for them all, at the first */
	bc_pos nfd_first;
	bc_source_shift *shifts;
	size_t nshifts;
} fmt_state;

/* Copies line s[0..len) (composed) into b without the zero-width characters
 * that join nothing and the direction marks, recording the columns they
 * leave (fs->shifts) and counting them. */
static void put_without_format(bc_buf *b, const char *s, size_t len, uint32_t line, fmt_state *fs)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t col = 0, removed = 0, from = 0;
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		int k = bc_utf8_decode(s + i, len - i, &cp);
		if (k < 1)
			k = 1;
		col++;
		int kind = format_char(u + i, len - i, &cp);
		if (kind == FMT_ZERO_WIDTH && (cp == 0x200C || cp == 0x200D) && joining(prev)) {
			uint32_t next = 0;
			if (i + 3 < len)
				bc_utf8_decode(s + i + 3, len - i - 3, &next);
			if (joining(next))
				kind = FMT_NONE;   /* a joiner that joins stays */
		}
		if (kind == FMT_ZERO_WIDTH || kind == FMT_DIRECTION_MARK) {
			int w = kind == FMT_ZERO_WIDTH ? 0 : 1;
			if (fs->count[w]++ == 0)
				fs->first[w] = (bc_pos){ line, clamp32(col) };
			bc_buf_put(b, s + from, i - from);
			from = i + 3;
			removed++;
			/* the next character lands at column col - removed + 1 of the output */
			if (fs->nshifts && fs->shifts[fs->nshifts - 1].line == line &&
			    fs->shifts[fs->nshifts - 1].col == clamp32(col - removed + 1))
				fs->shifts[fs->nshifts - 1].shift = clamp32(removed);
			else {
				fs->shifts = bc_xgrow(fs->shifts, fs->nshifts, sizeof *fs->shifts);
				fs->shifts[fs->nshifts++] = (bc_source_shift){ line, clamp32(col - removed + 1), clamp32(removed) };
			}
		} else {
			prev = cp;
		}
		i += (size_t)k;
	}
	bc_buf_put(b, s + from, len - from);
}

/* Reports forbidden characters in one composed line.  Returns -1 on a NUL
 * (fatal), 1 when errors were reported, 0 when clean; *format is set when
 * the line holds a format character to remove. */
static int scan_line(const char *s, size_t len, uint32_t line, int *format, bc_diags *diags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t col = 0;
	int bad = 0;
	*format = 0;
	/* most lines hold none of the bytes looked for: one compare a byte, and
	 * columns are counted only from the first suspect byte on */
	size_t i = 0;
	while (i < len && (u[i] >= 0x20 || u[i] == '\t') && u[i] != 0x7F && u[i] != 0xC2 && u[i] != 0xEF &&
	       u[i] != 0xE2)
		i++;
	if (i == len)
		return 0;
	col = bc_utf8_count(s, i);
	for (; i < len; i++) {
		unsigned char c = u[i];
		if (!is_cont(c))
			col++;
		bc_pos p = { line, clamp32(col) };
		if (c == 0) {
			bc_diag_add(diags, BC_E_BINARY, p, NULL);
			return -1;
		}
		uint32_t cp;
		int kind = c == 0xE2 ? format_char(u + i, len - i, &cp) : FMT_NONE;
		if (kind == FMT_BIDI_CONTROL) {
			/* an override, embedding or isolate reorders what is drawn:
			 * what the reader sees would not be the text that is read */
			bc_diag_add(diags, BC_E_BIDI_CONTROL, p, "U+%04X", cp);
			bad = 1;
		} else if (kind != FMT_NONE) {
			*format = 1;
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			bc_diag_add(diags, BC_E_CONTROL_CHAR, p, "U+%04X", c);
			bad = 1;
		} else if (c == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
			/* C1 controls: invisible, and usually a sign of text
			 * decoded with the wrong code page. */
			bc_diag_add(diags, BC_E_CONTROL_CHAR, p, "U+%04X", u[i + 1]);
			bad = 1;
		} else if (c == 0xEF && i + 2 < len && u[i + 1] == 0xBB && u[i + 2] == 0xBF) {
			bc_diag_add(diags, BC_E_BOM_INSIDE, p, NULL);
			bad = 1;
		}
	}
	return bad;
}

/* One line that may need composing or hold a forbidden character: composes
 * it, reports, and appends it to b unless some line failed, without the
 * format characters it removes.  -1: fatal. */
static int finish_line(const char *seg, size_t sl, size_t line, int warn_nfd, bc_buf *b, int *failed,
                       fmt_state *fs, bc_diags *diags)
{
	utf8proc_uint8_t *nfc = NULL;
	if (needs_nfc(seg, sl)) {
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)seg, (utf8proc_ssize_t)sl, &nfc,
		                                  UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (r < 0) {
			bc_pos p = { clamp32(line), 1 };
			bc_diag_add(diags, BC_E_INVALID_UTF8, p, "%s", utf8proc_errmsg(r));
			free(nfc);
			return -1;
		}
		if (warn_nfd && ((size_t)r != sl || memcmp(nfc, seg, sl) != 0)) {
			/* a keyboard set to compose (Unikey's "Unicode tổ hợp") decomposes every
			 * line: one warning says it, with how many lines, not one a line */
			if (fs->nfd_lines++ == 0)
				fs->nfd_first = (bc_pos){ clamp32(line), clamp32(first_diff_col(seg, sl, (const char *)nfc, (size_t)r)) };
		}
		seg = (const char *)nfc;
		sl = (size_t)r;
	}
	int format;
	int sc = scan_line(seg, sl, clamp32(line), &format, diags);
	if (sc < 0) {
		free(nfc);
		return -1;
	}
	*failed |= sc;
	if (!*failed && format)
		put_without_format(b, seg, sl, clamp32(line), fs);
	else if (!*failed)
		bc_buf_put(b, seg, sl);
	free(nfc);
	return 0;
}

/* What finish() must look at in a byte: most bytes of a report are plain
 * (printable ASCII, tab, continuation bytes, lead bytes below U+0300 but 0xC2). */
enum { B_PLAIN, B_EOL, B_SUSPECT, B_LEAD };
static unsigned char byte_class[256];

static void init_byte_class(void)
{
	if (byte_class['\n'] == B_EOL)
		return;
	for (int c = 0; c < 0x20; c++)
		byte_class[c] = B_SUSPECT;
	byte_class['\t'] = B_PLAIN;
	byte_class['\n'] = byte_class['\r'] = byte_class['\f'] = B_EOL;
	byte_class[0x7F] = B_SUSPECT;
	byte_class[0xC2] = B_SUSPECT;   /* C1 controls */
	for (int c = 0xCC; c < 0x100; c++)
		byte_class[c] = B_LEAD;
	byte_class[0xEF] = B_SUSPECT;   /* BOM inside */
}

/* s[0..len) is well-formed UTF-8 without a leading BOM.  Composes each line,
 * turns CRLF, CR and form feed into LF, and rejects what must not pass. */
static int finish(const char *s, size_t len, int warn_nfd, bc_source *out, bc_diags *diags)
{
	bc_buf b = BC_BUF_INIT;
	int failed = 0;
	size_t line = 1, pos = 0;
	uint32_t ff_cols = 0;   /* characters of the input's line before the decoded line, form feeds included */
	const unsigned char *u = (const unsigned char *)s;
	fmt_state fs;
	memset(&fs, 0, sizeof fs);
	init_byte_class();
	bc_buf_reserve(&b, len);   /* the text rarely grows: line ends shrink, composing mostly shrinks */
	for (;;) {
		/* one pass finds the line end and whether the line can need composing
		 * or hold a forbidden character; a clean line is copied as it is
		 * (needs_nfc and scan_line would find nothing in it) */
		size_t e = pos;
		int clean = 1;
		for (;;) {
			/* four bytes a step while all are plain (B_PLAIN is 0) */
			while (e + 4 <= len &&
			       !(byte_class[u[e]] | byte_class[u[e + 1]] | byte_class[u[e + 2]] | byte_class[u[e + 3]]))
				e += 4;
			while (e < len && byte_class[u[e]] == B_PLAIN)
				e++;
			if (e >= len || byte_class[u[e]] == B_EOL)
				break;
			if (byte_class[u[e]] == B_SUSPECT) {
				clean = 0;
				e++;
				continue;
			}
			uint32_t cp;
			e += (size_t)bc_utf8_decode(s + e, len - e, &cp);
			if (!nfc_inert(cp))
				clean = 0;
		}
		if (clean) {
			if (!failed)
				bc_buf_put(&b, s + pos, e - pos);
		} else if (finish_line(s + pos, e - pos, line, warn_nfd, &b, &failed, &fs, diags) < 0) {
			free(fs.shifts);
			bc_buf_free(&b);
			free(out->page_starts);
			free(out->page_cols);
			out->page_starts = NULL;
			out->page_cols = NULL;
			out->npage_starts = 0;
			return -1;
		}
		if (e >= len)
			break;
		if (!failed)
			bc_buf_putc(&b, '\n');
		line++;
		if (s[e] == '\f' && !failed) {
			/* the input's line goes on after the form feed: the characters before it */
			ff_cols = clamp32(ff_cols + bc_utf8_count(s + pos, e - pos) + 1);
			out->page_starts = bc_xgrow(out->page_starts, out->npage_starts, sizeof *out->page_starts);
			out->page_cols = bc_xgrow(out->page_cols, out->npage_starts, sizeof *out->page_cols);
			out->page_cols[out->npage_starts] = ff_cols;
			out->page_starts[out->npage_starts++] = clamp32(line);
		} else {
			ff_cols = 0;
		}
		if (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
			e++;
		pos = e + 1;
	}
	if (failed) {
		free(fs.shifts);
		bc_buf_free(&b);
		free(out->page_starts);
		free(out->page_cols);
		out->page_starts = NULL;
		out->page_cols = NULL;
		out->npage_starts = 0;
		return -1;
	}
	/* one note a kind, at the first one removed, with how many */
	if (fs.nfd_lines)
		bc_diag_add(diags, BC_W_DECOMPOSED, fs.nfd_first, "%zu", fs.nfd_lines);
	if (fs.count[0])
		bc_diag_add(diags, BC_N_ZERO_WIDTH, fs.first[0], "%zu", fs.count[0]);
	if (fs.count[1])
		bc_diag_add(diags, BC_N_DIRECTION_MARK, fs.first[1], "%zu", fs.count[1]);
	out->shifts = fs.shifts;
	out->nshifts = fs.nshifts;
	if (!b.s)
		b.s = bc_xstrdup("");
	out->text = b.s;
	out->len = b.len;
	return 0;
}

/* ---- UTF-8 --------------------------------------------------------------- */

static int has_utf8_bom(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

static int looks_like_utf16(const unsigned char *b, size_t n);

/* A NUL byte means binary data whatever else is wrong, so it is looked for
 * before anything else in byte-oriented input. */
static int reject_nul(const unsigned char *s, size_t n, bc_diags *diags)
{
	const unsigned char *z = memchr(s, 0, n);
	if (!z)
		return 0;
	/* UTF-16 read as a one-byte encoding (--encoding utf-8): name the option that reads it */
	int utf16 = looks_like_utf16(s, n);
	if (utf16)
		bc_diag_add(diags, BC_E_BINARY, pos_at_end((const char *)s, (size_t)(z - s)),
		            "UTF-16%s? --encoding utf-16%s", utf16 == 2 ? "BE" : "LE", utf16 == 2 ? "be" : "le");
	else
		bc_diag_add(diags, BC_E_BINARY, pos_at_end((const char *)s, (size_t)(z - s)), NULL);
	return -1;
}

static int report_invalid_utf8(const unsigned char *s, size_t n, size_t at, bc_diags *diags)
{
	char what[96];
	name_bad_bytes(s + at, n - at, what, sizeof what);
	bc_diag_add(diags, BC_E_INVALID_UTF8, pos_at_end((const char *)s, at), "%s", what);
	return -1;
}

static int decode_utf8(const unsigned char *s, size_t n, bc_source *out, bc_diags *diags)
{
	set_encoding(out, "UTF-8");
	if (has_utf8_bom(s, n)) {
		s += 3;
		n -= 3;
		if (n == 0) {
			bc_diag_add(diags, BC_E_BOM_ONLY, pos_start, NULL);
			return -1;
		}
	}
	if (reject_nul(s, n, diags))
		return -1;
	utf8_stats st;
	utf8_scan(s, n, &st);
	if (st.first_bad < n)
		return report_invalid_utf8(s, n, st.first_bad, diags);
	return finish((const char *)s, n, 1, out, diags);
}

/* ---- UTF-16 -------------------------------------------------------------- */

static int decode_utf16(const unsigned char *b, size_t n, int big_endian, bc_source *out, bc_diags *diags)
{
	set_encoding(out, big_endian ? "UTF-16BE" : "UTF-16LE");
	size_t total = n;
	if (n >= 2 && ((big_endian && b[0] == 0xFF && b[1] == 0xFE) || (!big_endian && b[0] == 0xFE && b[1] == 0xFF))) {
		bc_diag_add(diags, BC_E_INVALID_UTF16, pos_start, _("dấu BOM cho biết %s"), big_endian ? "UTF-16LE" : "UTF-16BE");
		return -1;
	}
	if (n >= 2 && ((big_endian && b[0] == 0xFE && b[1] == 0xFF) || (!big_endian && b[0] == 0xFF && b[1] == 0xFE))) {
		b += 2;
		n -= 2;
		if (n == 0) {
			bc_diag_add(diags, BC_E_BOM_ONLY, pos_start, NULL);
			return -1;
		}
	}
	/* Each unit gives at most three bytes; a pair of units gives four. */
	char *u8 = bc_xmalloc(n / 2 * 3 + 1);
	size_t ol = 0;
	size_t i = 0;
	for (; i + 1 < n; i += 2) {
		uint32_t u = big_endian ? ((uint32_t)b[i] << 8 | b[i + 1]) : ((uint32_t)b[i + 1] << 8 | b[i]);
		uint32_t cp = u;
		if (u >= 0xD800 && u <= 0xDBFF) {
			uint32_t v = 0;
			if (i + 3 < n)
				v = big_endian ? ((uint32_t)b[i + 2] << 8 | b[i + 3]) : ((uint32_t)b[i + 3] << 8 | b[i + 2]);
			if (v < 0xDC00 || v > 0xDFFF) {
				bc_diag_add(diags, BC_E_INVALID_UTF16, pos_at_end(u8, ol), _("nửa đầu 0x%04X của cặp thay thế (surrogate) đứng lẻ"), u);
				free(u8);
				return -1;
			}
			cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			bc_diag_add(diags, BC_E_INVALID_UTF16, pos_at_end(u8, ol), _("nửa sau 0x%04X của cặp thay thế (surrogate) đứng lẻ"), u);
			free(u8);
			return -1;
		} else if (u == 0) {
			bc_diag_add(diags, BC_E_BINARY, pos_at_end(u8, ol), NULL);
			free(u8);
			return -1;
		}
		ol += (size_t)bc_utf8_encode(cp, u8 + ol);
	}
	if (i < n) {
		bc_diag_add(diags, BC_E_INVALID_UTF16, pos_at_end(u8, ol), _("số byte lẻ (%zu)"), total);
		free(u8);
		return -1;
	}
	int rc = finish(u8, ol, 1, out, diags);
	free(u8);
	return rc;
}

/* Without a BOM, the side that holds the zero high bytes of ASCII wins. */
static int guess_utf16_big_endian(const unsigned char *b, size_t n)
{
	size_t even = 0, odd = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += b[i] == 0;
		odd += b[i + 1] == 0;
	}
	return even > odd;
}

/* ---- legacy code pages through iconv ------------------------------------- */

/* Converts all of in[0..n) to UTF-8 in *res.  Returns 0, or -1 with *bad the
 * offset of the first byte that does not convert, or -2 when iconv lacks the
 * code page. */
static int iconv_all(const char *from, const unsigned char *in, size_t n, char **res, size_t *reslen, size_t *bad)
{
	*res = NULL;
	*reslen = 0;
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -2;
	size_t cap = n * 2 + 16, used = 0;
	char *buf = bc_xmalloc(cap);
	char *ip = (char *)in;
	size_t il = n;
	int flushing = 0;
	for (;;) {
		char *op = buf + used;
		size_t ol = cap - used - 1;
		size_t r = flushing ? iconv(cd, NULL, NULL, &op, &ol) : iconv(cd, &ip, &il, &op, &ol);
		used = (size_t)(op - buf);
		if (r == (size_t)-1) {
			if (errno == E2BIG) {
				cap *= 2;
				buf = bc_xrealloc(buf, cap);
				continue;
			}
			*bad = (size_t)(ip - (char *)in);
			iconv_close(cd);
			free(buf);
			return -1;
		}
		if (flushing)
			break;
		if (il == 0)
			flushing = 1;   /* stateful decoders hold back a base letter */
	}
	iconv_close(cd);
	buf[used] = '\0';
	*res = buf;
	*reslen = used;
	return 0;
}

typedef struct legacy {
	const char *name;       /* what we report */
	const char *iconv_name;
} legacy;

static const legacy cp1258 = { "CP1258", "CP1258" };
static const legacy tcvn = { "TCVN", "TCVN5712-1" };

/* Converts with a FATAL diagnostic on failure. */
static int convert_legacy(const legacy *lg, const unsigned char *s, size_t n, char **res, size_t *reslen,
                          bc_diags *diags)
{
	size_t bad = 0;
	int rc = iconv_all(lg->iconv_name, s, n, res, reslen, &bad);
	if (rc == -2) {
		bc_diag_add(diags, BC_E_UNKNOWN_ENC, pos_start, _("%s (iconv của máy này không có)"), lg->name);
		return -1;
	}
	if (rc == -1) {
		/* The prefix converts, so its text gives the position. */
		char *pre = NULL;
		size_t prel = 0, dummy;
		bc_pos p = pos_start;
		if (iconv_all(lg->iconv_name, s, bad, &pre, &prel, &dummy) == 0)
			p = pos_at_end(pre, prel);
		free(pre);
		bc_diag_add(diags, BC_E_BAD_ENCODING, p, _("byte 0x%02X không có trong %s"), bad < n ? s[bad] : 0, lg->name);
		return -1;
	}
	utf8_stats st;
	utf8_scan((const unsigned char *)*res, *reslen, &st);
	if (st.first_bad < *reslen) {   /* iconv promised UTF-8; do not trust it blindly */
		bc_diag_add(diags, BC_E_BAD_ENCODING, pos_at_end(*res, st.first_bad), _("iconv trả về UTF-8 không hợp lệ"));
		free(*res);
		*res = NULL;
		return -1;
	}
	return 0;
}

static int decode_legacy(const legacy *lg, const unsigned char *s, size_t n, bc_source *out, bc_diags *diags)
{
	set_encoding(out, lg->name);
	char *u8;
	size_t ul;
	if (convert_legacy(lg, s, n, &u8, &ul, diags))
		return -1;
	bc_diag_add(diags, BC_N_ENCODING, pos_start, "%s", lg->name);
	/* Combining tone marks are how these code pages spell Vietnamese, not
	 * an oddity of the author's, so composing them earns no warning. */
	int rc = finish(u8, ul, 0, out, diags);
	free(u8);
	return rc;
}

/* ---- telling CP1258 from TCVN: how Vietnamese does the text look? -------- */

enum { MOD_NONE, MOD_CIRC, MOD_BREVE, MOD_HORN, MOD_STROKE };

typedef struct vn_letter {
	char base;              /* 'a'..'z' */
	unsigned char mod, tone, upper, bad;
} vn_letter;

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

static void apply_mark(vn_letter *l, uint32_t m)
{
	switch (m) {
	case 0x0302: case 0x0306: case 0x031B: {
		unsigned char mod = m == 0x0302 ? MOD_CIRC : m == 0x0306 ? MOD_BREVE : MOD_HORN;
		int ok = l->mod == MOD_NONE &&
		         ((mod == MOD_CIRC && (l->base == 'a' || l->base == 'e' || l->base == 'o')) ||
		          (mod == MOD_BREVE && l->base == 'a') ||
		          (mod == MOD_HORN && (l->base == 'o' || l->base == 'u')));
		if (ok)
			l->mod = mod;
		else
			l->bad = 1;
		break;
	}
	case 0x0300: case 0x0301: case 0x0303: case 0x0309: case 0x0323:
		if (l->tone || !is_vowel(l->base))
			l->bad = 1;
		else
			l->tone = 1;
		break;
	default:
		l->bad = 1;
	}
}

static void analyse_letter(uint32_t cp, vn_letter *l)
{
	memset(l, 0, sizeof *l);
	if (cp < 0x80) {
		l->upper = cp >= 'A' && cp <= 'Z';
		l->base = (char)(l->upper ? cp + 32 : cp);
		return;
	}
	if (cp == 0x0110 || cp == 0x0111) {
		l->base = 'd';
		l->mod = MOD_STROKE;
		l->upper = cp == 0x0110;
		return;
	}
	utf8proc_int32_t d[4];
	int bound = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 4, UTF8PROC_DECOMPOSE, &bound);
	if (k < 2 || k > 4 || d[0] >= 0x80 || !((d[0] | 0x20) >= 'a' && (d[0] | 0x20) <= 'z')) {
		l->bad = 1;   /* a letter, but not one Vietnamese uses */
		return;
	}
	l->upper = d[0] <= 'Z';
	l->base = (char)(d[0] | 0x20);
	for (utf8proc_ssize_t i = 1; i < k; i++)
		apply_mark(l, (uint32_t)d[i]);
}

/* One symbol per letter: vowels with their modifier as a capital
 * (ă A, â B, ê E, ô O, ơ P, ư W), đ as D, other consonants as themselves. */
static char letter_symbol(const vn_letter *l)
{
	switch (l->mod) {
	case MOD_NONE: return l->base;
	case MOD_STROKE: return 'D';
	case MOD_BREVE: return 'A';
	case MOD_CIRC: return l->base == 'a' ? 'B' : l->base == 'e' ? 'E' : 'O';
	case MOD_HORN: return l->base == 'o' ? 'P' : 'W';
	}
	return '?';
}

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static int is_vowel_symbol(char c) { return strchr("aABeEioOPuWy", c) != NULL && c != '\0'; }

/* Is sym[0..n) initial consonant + vowel nucleus + final consonant? */
static int syllable_ok(const char *sym, size_t n)
{
	static const char *const initials[] = {
		"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
		"b", "c", "d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "", NULL
	};
	static const char *const nuclei[] = {
		"a", "A", "B", "e", "E", "i", "o", "O", "P", "u", "W", "y",
		"ai", "ao", "au", "ay", "Bu", "By", "eo", "Eu", "ia", "iE", "iu", "oa", "oA", "oe", "oi", "oo",
		"Oi", "Pi", "ua", "uB", "uE", "ui", "uO", "uP", "uy", "Wa", "Wi", "WP", "Wu", "yE",
		"iEu", "yEu", "oai", "oay", "oao", "oeo", "uBy", "uOi", "uya", "uyE", "uyu", "WPi", "WPu", NULL
	};
	static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL };
	for (const char *const *in = initials; *in; in++) {
		size_t il = strlen(*in);
		if (il > n || memcmp(*in, sym, il) != 0)
			continue;
		/* "gi" and "qu" are initials only when a vowel follows ("gì" is g + ì). */
		if ((strcmp(*in, "gi") == 0 || strcmp(*in, "qu") == 0) && (il == n || !is_vowel_symbol(sym[il])))
			continue;
		for (size_t vl = 3; vl >= 1; vl--) {
			if (il + vl > n)
				continue;
			if (in_list(sym + il, vl, nuclei) && in_list(sym + il + vl, n - il - vl, finals))
				return 1;
		}
	}
	return 0;
}

#define WORD_MAX 12

typedef struct vn_score {
	size_t good, bad;
} vn_score;

static int word_ok(const vn_letter *w, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	size_t uppers = 0, tones = 0;
	char sym[WORD_MAX];
	for (size_t i = 0; i < n; i++) {
		if (w[i].bad)
			return 0;
		uppers += w[i].upper;
		tones += w[i].tone;
		sym[i] = letter_symbol(&w[i]);
	}
	/* lower case, upper case, or capitalised */
	if (!(uppers == 0 || uppers == n || (uppers == 1 && w[0].upper)))
		return 0;
	if (tones > 1)
		return 0;
	return syllable_ok(sym, n);
}

int bc_vn_syllable(const char *s, size_t n)
{
	vn_letter w[WORD_MAX];
	size_t wn = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		int k = bc_utf8_decode(s + i, n - i, &cp);
		if (k <= 0)
			return 0;
		if (cp >= 0x0300 && cp <= 0x036F) {
			if (!wn)
				return 0;
			apply_mark(&w[wn - 1], cp);
		} else {
			if (wn == WORD_MAX || !bc_cp_is_letter(cp))
				return 0;
			analyse_letter(cp, &w[wn++]);
		}
		i += (size_t)k;
	}
	return word_ok(w, wn);
}

/* Enough evidence to decide; keeps detection cheap on large files. */
#define SCORE_SAMPLE 20000

/* Counts words that hold a non-ASCII letter and are / are not Vietnamese
 * syllables, plus characters no Vietnamese text would hold. */
static void score_text(const char *s, size_t len, vn_score *sc)
{
	vn_letter w[WORD_MAX];
	size_t wn = 0;
	int nonascii = 0;
	sc->good = sc->bad = 0;
	size_t i = 0;
	while (sc->good + sc->bad < SCORE_SAMPLE) {
		uint32_t cp = 0;
		int k = 0;
		if (i < len)
			k = bc_utf8_decode(s + i, len - i, &cp);
		int mark = k && cp >= 0x0300 && cp <= 0x036F;
		if (k && (bc_cp_is_letter(cp) || (mark && wn > 0))) {
			if (cp >= 0x80)
				nonascii = 1;
			if (mark) {
				if (wn <= WORD_MAX)
					apply_mark(&w[wn - 1], cp);
			} else {
				if (wn < WORD_MAX)
					analyse_letter(cp, &w[wn]);
				wn++;
			}
			i += (size_t)k;
			continue;
		}
		if (wn > 0 && nonascii) {
			if (word_ok(w, wn))
				sc->good++;
			else
				sc->bad++;
		}
		wn = 0;
		nonascii = 0;
		if (!k)
			break;
		if (mark || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f') ||
		    (cp >= 0x7F && cp <= 0x9F))
			sc->bad++;
		else if (cp >= 0x80) {
			utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
			if (cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_CS)
				sc->bad++;
		}
		i += (size_t)k;
	}
}

/* Percent of judged words and characters that look Vietnamese. */
static int score_percent(const vn_score *sc)
{
	size_t all = sc->good + sc->bad;
	return all ? (int)((sc->good * 100 + all / 2) / all) : 0;
}

#define PLAUSIBLE_PERCENT 80
#define CLEAR_MARGIN_PERCENT 10
/* Well-formed multi-byte sequences at least as many as bad ones make damaged
 * UTF-8, not a legacy code page, whose letters almost never form UTF-8
 * sequences: "Việt Nam" plus one bad sequence is an error, never CP1258. */
#define UTF8_DAMAGE_RATIO 1

/* UTF-16 saved without a byte-order mark (some tools' "Unicode", a PowerShell redirect): its
 * ASCII characters (letters, spaces, line ends) are units with a NUL high byte, at even offsets
 * for big-endian, odd for little-endian, while almost no unit has a NUL low byte (Vietnamese
 * letters are U+00xx or U+1Exx, never U+xx00 but for a rare Ā).  At least eight units, a quarter
 * of them ASCII text with a NUL high byte, at most one in 64 with a NUL low byte.  Returns 0
 * (not UTF-16), 1 little-endian, 2 big-endian. */
static int looks_like_utf16(const unsigned char *b, size_t n)
{
	size_t units = (n < 65536 ? n : 65536) / 2, ascii[2] = { 0, 0 }, zero[2] = { 0, 0 };
	if (units < 8)
		return 0;
	for (size_t i = 0; i < units; i++)
		for (int be = 0; be < 2; be++) {
			unsigned char hi = b[2 * i + !be], lo = b[2 * i + be];
			ascii[be] += hi == 0 && ((lo >= 0x20 && lo < 0x7F) || (lo >= 0x09 && lo <= 0x0D));
			zero[be] += lo == 0;
		}
	for (int be = 0; be < 2; be++)
		if (ascii[be] * 4 >= units && zero[be] * 64 <= units)
			return 1 + be;
	return 0;
}

static int decode_auto(const unsigned char *s, size_t n, bc_source *out, bc_diags *diags)
{
	int utf16 = looks_like_utf16(s, n);
	if (utf16)
		return decode_utf16(s, n, utf16 == 2, out, diags);
	if (reject_nul(s, n, diags))
		return -1;
	utf8_stats st;
	utf8_scan(s, n, &st);
	if (st.first_bad == n) {
		set_encoding(out, "UTF-8");
		return finish((const char *)s, n, 1, out, diags);
	}
	if (st.multibyte > 0 && st.multibyte >= UTF8_DAMAGE_RATIO * st.bad) {
		set_encoding(out, "UTF-8");
		return report_invalid_utf8(s, n, st.first_bad, diags);
	}

	const legacy *cand[2] = { &cp1258, &tcvn };
	char *text[2] = { NULL, NULL };
	size_t tlen[2] = { 0, 0 };
	int pct[2] = { -1, -1 };
	for (int c = 0; c < 2; c++) {
		size_t bad;
		if (iconv_all(cand[c]->iconv_name, s, n, &text[c], &tlen[c], &bad) != 0)
			continue;
		utf8_stats os;
		utf8_scan((const unsigned char *)text[c], tlen[c], &os);
		if (os.first_bad < tlen[c]) {
			free(text[c]);
			text[c] = NULL;
			continue;
		}
		vn_score sc;
		score_text(text[c], tlen[c], &sc);
		pct[c] = sc.good ? score_percent(&sc) : 0;
	}
	int best = pct[0] >= pct[1] ? 0 : 1, other = 1 - best;
	int rc;
	if (pct[best] < PLAUSIBLE_PERCENT) {
		/* Neither reads as Vietnamese: most likely damaged UTF-8. */
		set_encoding(out, "UTF-8");
		rc = report_invalid_utf8(s, n, st.first_bad, diags);
	} else if (pct[other] >= PLAUSIBLE_PERCENT && pct[best] - pct[other] < CLEAR_MARGIN_PERCENT) {
		bc_diag_add(diags, BC_E_AMBIGUOUS_ENC, pos_start, _("%s (%d%%) hoặc %s (%d%%)"), cand[0]->name, pct[0],
		            cand[1]->name, pct[1]);
		rc = -1;
	} else {
		set_encoding(out, cand[best]->name);
		bc_diag_add(diags, BC_N_ENCODING, pos_start, "%s", cand[best]->name);
		rc = finish(text[best], tlen[best], 0, out, diags);
	}
	free(text[0]);
	free(text[1]);
	return rc;
}

/* ---- entry points -------------------------------------------------------- */

/*
 * A text that decodes but does not read as Vietnamese: in a Vietnamese
 * document 6 to 9 words in 10 carry a letter with its marks (ă â đ ê ô ơ ư
 * or a tone); the OCR layer a scanner made without Vietnamese ("ceNG HoA xA
 * ugr cuu xcuia vrET NAM") has almost none, and reading it would give a
 * model of noise.  Judged on words of two letters or more, when there are
 * enough of them to judge; refused rather than guessed at.
 */
#define READ_MIN_WORDS 200
#define READ_MIN_PERCENT 15

static int reads_as_vietnamese(const char *s, size_t len, size_t *percent)
{
	size_t words = 0, marked = 0, letters = 0;
	int nonascii = 0;
	for (size_t i = 0; i <= len;) {
		uint32_t cp = 0;
		int k = i < len ? bc_utf8_decode(s + i, len - i, &cp) : 0;
		if (k && bc_cp_is_letter(cp)) {
			letters++;
			nonascii |= cp >= 0x80;
			i += (size_t)k;
			continue;
		}
		if (letters >= 2) {
			words++;
			marked += nonascii != 0;
			if (words >= 5 * READ_MIN_WORDS)
				break;   /* 1 000 words decide as well as the whole text, at a fraction of the cost */
		}
		letters = 0;
		nonascii = 0;
		if (!k)
			break;
		i += (size_t)k;
	}
	*percent = words ? marked * 100 / words : 100;
	return words < READ_MIN_WORDS || marked * 100 >= words * READ_MIN_PERCENT;
}

static int decode_kind(enc_kind kind, const unsigned char *bytes, size_t n, const char *name, bc_source *out,
                       bc_diags *diags);

int bc_decode(const unsigned char *bytes, size_t n, const char *encoding, bc_source *out, bc_diags *diags)
{
	return bc_decode_named(bytes, n, encoding, NULL, out, diags);
}

/* Does b[0..n) hold the n bytes of w?  (memmem is a GNU extension.) */
static int holds(const unsigned char *b, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (b[i] == (unsigned char)w[0] && memcmp(b + i, w, k) == 0)
			return 1;
	return 0;
}

/* The word processor's or PDF's own file, by its first bytes: what it is, or NULL.  A ZIP is
 * told apart by the names inside it (an OpenDocument file begins with its mimetype). */
static const char *office_format(const unsigned char *b, size_t n)
{
	static const char odt[] = "mimetypeapplication/vnd.oasis.opendocument.text";
	if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0) {
		size_t head = n < 4096 ? n : 4096;
		if (n >= 30 + sizeof odt - 1 && memcmp(b + 30, odt, sizeof odt - 1) == 0)
			return "OpenDocument .odt";
		if (holds(b, head, "word/") || holds(b, head, "[Content_Types].xml"))
			return "Word .docx";
		return "ZIP";
	}
	if (n >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "Word 97-2003 .doc";
	if (n >= 5 && memcmp(b, "{\\rtf", 5) == 0)
		return "RTF";
	if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return "PDF";
	return NULL;
}

int bc_decode_named(const unsigned char *bytes, size_t n, const char *encoding, const char *name, bc_source *out,
                    bc_diags *diags)
{
	memset(out, 0, sizeof *out);
	enc_kind kind = parse_encoding(encoding);
	if (kind == ENC_UNKNOWN) {
		bc_diag_add(diags, BC_E_UNKNOWN_ENC, pos_start, "%s", encoding);
		return -1;
	}
	if (decode_kind(kind, bytes, n, name, out, diags) != 0)
		return -1;
	size_t percent;
	if (!reads_as_vietnamese(out->text, out->len, &percent)) {
		bc_diag_add(diags, BC_E_NOT_VIETNAMESE, pos_start, "%zu%%", percent);
		bc_source_free(out);
		return -1;
	}
	return 0;
}

static int decode_kind(enc_kind kind, const unsigned char *bytes, size_t n, const char *name, bc_source *out,
                       bc_diags *diags)
{
	if (n > BC_MAX_INPUT_BYTES) {
		bc_diag_add(diags, BC_E_TOO_LARGE, pos_start, _("%zu byte; giới hạn là %zu"), n, BC_MAX_INPUT_BYTES);
		return -1;
	}
	if (n == 0 || !bytes) {
		bc_diag_add(diags, BC_E_EMPTY, pos_start, NULL);
		return -1;
	}
	/* the office's own file instead of its text: say which, not "a NUL byte" or "not Vietnamese",
	 * and the command that makes its text (the fixed message says how to save it from Word) */
	const char *what = office_format(bytes, n);
	if (what) {
		const char *file = name && *name && strcmp(name, "-") != 0 ? name : "FILE";
		int quote = strspn(file, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./") != strlen(file);
		const char *q = !quote ? "" : strchr(file, '\'') ? "\"" : "'";
		if (strcmp(what, "PDF") == 0)
			bc_diag_add(diags, BC_E_NOT_TEXT, pos_start, "PDF — pdftotext -layout %s%s%s", q, file, q);
		else
			bc_diag_add(diags, BC_E_NOT_TEXT, pos_start,
			            "%s — soffice --headless --convert-to 'txt:Text (encoded):UTF8' %s%s%s", what, q, file, q);
		return -1;
	}
	if (kind == ENC_AUTO) {
		if (has_utf8_bom(bytes, n))
			kind = ENC_UTF8;
		else if (n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
			kind = ENC_UTF16LE;
		else if (n >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
			kind = ENC_UTF16BE;
	}
	switch (kind) {
	case ENC_UTF8:
		return decode_utf8(bytes, n, out, diags);
	case ENC_UTF16:
		if (n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
			return decode_utf16(bytes, n, 0, out, diags);
		if (n >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
			return decode_utf16(bytes, n, 1, out, diags);
		return decode_utf16(bytes, n, guess_utf16_big_endian(bytes, n), out, diags);
	case ENC_UTF16LE:
		return decode_utf16(bytes, n, 0, out, diags);
	case ENC_UTF16BE:
		return decode_utf16(bytes, n, 1, out, diags);
	case ENC_CP1258:
		return decode_legacy(&cp1258, bytes, n, out, diags);
	case ENC_TCVN:
		return decode_legacy(&tcvn, bytes, n, out, diags);
	case ENC_AUTO:
		return decode_auto(bytes, n, out, diags);
	case ENC_UNKNOWN:
		break;
	}
	return -1;
}

void bc_source_free(bc_source *src)
{
	if (!src)
		return;
	free(src->text);
	free(src->page_starts);
	free(src->page_cols);
	free(src->shifts);
	memset(src, 0, sizeof *src);
}

/* How many of the decoded lines up to `line` began after a form feed. */
static size_t pages_up_to(const bc_source *src, uint32_t line)
{
	size_t lo = 0, hi = src->npage_starts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (src->page_starts[mid] <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint32_t bc_source_line(const bc_source *src, uint32_t line)
{
	if (!src || !src->npage_starts || line < 1)
		return line;
	return line - (uint32_t)pages_up_to(src, line);
}

/* p, at the decoded text's columns, on the input's line: a line a form feed
 * began goes on the input's line the feed stands in, after what stood before it */
static bc_pos page_pos(const bc_source *src, bc_pos p)
{
	if (!src->npage_starts || p.line < 1)
		return p;
	size_t k = pages_up_to(src, p.line);
	if (k && src->page_starts[k - 1] == p.line && p.col)
		p.col += src->page_cols[k - 1];
	p.line -= (uint32_t)k;
	return p;
}

bc_pos bc_source_pos(const bc_source *src, bc_pos p)
{
	if (!src)
		return p;
	if (!src->nshifts)
		return page_pos(src, p);
	size_t lo = 0, hi = src->nshifts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (src->shifts[mid].line < p.line)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* the last shift of the line at or before the column (they are cumulative) */
	uint32_t add = 0;
	for (size_t k = lo; k < src->nshifts && src->shifts[k].line == p.line && src->shifts[k].col <= p.col; k++)
		add = src->shifts[k].shift;
	p.col += add;
	return page_pos(src, p);
}

void bc_source_remap(const bc_source *src, struct bc_document *doc, bc_diags *diags, size_t from)
{
	if (!src || (!src->nshifts && !src->npage_starts))
		return;
	if (doc && doc->root) {
		bc_iter it;
		bc_iter_init(&it, doc->root);
		bc_event ev;
		while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
			if (ev != BC_EV_ENTER)
				continue;
			bc_node *n = it.cur;
			if (bc_node_is_made_up(n))
				continue;
			n->pos = bc_source_pos(src, n->pos);
			if (n->end_line)
				n->end_line = bc_source_line(src, n->end_line);
			/* a cell seen as a node (a view the iterator made, or its content):
			 * its position is the row's cell's to keep */
			if (n->type == BC_NODE_CELL && it.cell && n->parent == it.row)
				it.cell->pos = n->pos;
			if (n->type == BC_NODE_PARAGRAPH && n->as.para.joined_at)
				n->as.para.joined_at = bc_source_line(src, n->as.para.joined_at);
			else if (n->type == BC_NODE_ROW && n->as.row.fragment_merged)
				n->as.row.fragment_merged = bc_source_line(src, n->as.row.fragment_merged);
			else if (n->type == BC_NODE_CITE) {
				n->as.cite->number_pos = bc_source_pos(src, n->as.cite->number_pos);
				if (n->as.cite->dated != BC_CITE_UNDATED)
					n->as.cite->date_pos = bc_source_pos(src, n->as.cite->date_pos);
			}
		}
		doc->line_count = bc_source_line(src, doc->line_count);
	}
	if (diags) {
		/* bc_decode's own: at the input's columns, on the decoded lines */
		for (size_t i = 0; i < from && i < diags->n; i++)
			diags->v[i].pos = page_pos(src, diags->v[i].pos);
		for (size_t i = from; i < diags->n; i++)
			diags->v[i].pos = bc_source_pos(src, diags->v[i].pos);
	}
}
