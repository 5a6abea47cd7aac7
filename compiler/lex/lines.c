/* lines.c — line classification: each source line's kind, its decoration and its label. */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "../model/vocab.h"
#include "patterns.h"



/* Occurrences of `p` in s[0..n). */
static size_t count_of(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p), c = 0;
	const char *q = s, *e = s + n;
	/* memchr to each place the first byte occurs: every line is asked for "****" */
	while ((size_t)(e - q) >= k && (q = memchr(q, p[0], (size_t)(e - q) - k + 1)) != NULL) {
		if (memcmp(q, p, k) == 0) {
			c++;
			q += k;
		} else {
			q++;
		}
	}
	return c;
}

int bc_note_mark(const char *s, size_t n, size_t *len)
{
	size_t i = 0;
	int id = 0, digits = 0;
	if (bc_starts(s, n, "<sup>")) {
		i = 5;
		while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 5) {
			id = id * 10 + (s[i] - '0');
			i++;
			digits++;
		}
		if (!digits || !bc_starts(s + i, n - i, "</sup>"))
			return -1;
		*len = i + 6;
		return id;
	}
	while (i < n && digits < 5) {
		uint32_t cp;
		int k = bc_utf8_decode(s + i, n - i, &cp);
		int d = bc_cp_superscript_digit(cp);
		if (d < 0)
			break;
		id = id * 10 + d;
		digits++;
		i += (size_t)k;
	}
	if (!digits)
		return -1;
	*len = i;
	return id;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* The bytes of the Unicode space at s[0..n) that counts as a space (FORMAT.md
 * §2.2): NO-BREAK SPACE (a Word file's empty paragraph), U+2000-U+200A (EM
 * SPACE, THIN SPACE…), U+202F, U+205F, U+3000 (IDEOGRAPHIC SPACE, an input
 * method's); 0 when there is none. */
static size_t uspace_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF) && u[2] >= 0x80)
		return 3;
	if (n >= 3 && ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) || (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)))
		return 3;
	return 0;
}

/* The same, ending at s[n - 1]. */
static size_t uspace_before(const char *s, size_t n)
{
	if (n >= 2 && uspace_at(s + n - 2, 2) == 2)
		return 2;
	if (n >= 3 && uspace_at(s + n - 3, 3) == 3)
		return 3;
	return 0;
}

/* Spaces, tabs and Unicode spaces from s[0] on: their bytes. */
static size_t spaces_at(const char *s, size_t n)
{
	size_t i = 0, k;
	while (i < n) {
		if (is_space(s[i]))
			i++;
		else if ((k = uspace_at(s + i, n - i)) != 0)
			i += k;
		else
			break;
	}
	return i;
}

/* Finds the core: strips outer spaces, "#" heading marks, and emphasis or tags
 * that wrap the whole line (or dangle at an edge of a line of a wrapped block). */
static void find_core(bc_line *l)
{
	const char *s = l->s;
	size_t a = 0, b = l->len;
	/* Unicode spaces count as spaces (FORMAT.md §2.2): a Word file's empty
	 * paragraph often holds a NO-BREAK SPACE, and is a blank line */
	a = spaces_at(s, b);
	for (size_t k;;) {
		if (b > a && (is_space(s[b - 1]) || s[b - 1] == '\r'))
			b--;
		else if ((k = uspace_before(s + a, b - a)) != 0)
			b -= k;
		else
			break;
	}
	/* "***" or "-----" is a rule, not emphasis around nothing */
	if (b - a >= 3 && strchr("-_*=", s[a])) {
		size_t k = a;
		while (k < b && s[k] == s[a])
			k++;
		if (k == b) {
			l->core = a;
			l->core_len = b - a;
			return;
		}
	}
	if (a < b && s[a] == '#') {
		size_t h = a;
		while (h < b && s[h] == '#')
			h++;
		/* six marks in Markdown; pandoc writes Word's heading styles 7 to 9
		 * with seven to nine ("######## Chương I") */
		if (h - a <= 9 && (h == b || s[h] == ' ')) {
			a = h;
			while (a < b && s[a] == ' ')
				a++;
			l->decorated = 1;
		}
	}
	for (int round = 0; round < 8; round++) {
		size_t n = b - a;
		const char *c = s + a;
		static const char *const wraps[][2] = {
			{ "***", "***" }, { "**", "**" }, { "<b>", "</b>" }, { "<i>", "</i>" }, { "<u>", "</u>" }, { "*", "*" },
		};
		int stripped = 0;
		for (size_t w = 0; w < sizeof wraps / sizeof wraps[0]; w++) {
			size_t ol = strlen(wraps[w][0]), cl = strlen(wraps[w][1]);
			if (n > ol + cl && bc_starts(c, n, wraps[w][0]) && bc_ends(c, n, wraps[w][1])) {
				/* "*) x*" is a star label, not emphasis */
				if (wraps[w][0][0] == '*' && (c[ol] == ')' || c[ol] == ' ' || c[ol] == '*'))
					continue;
				/* only when the inner text has no other delimiter of the kind: "**a** b **c**" is not one wrap */
				if (count_of(c + ol, n - ol - cl, wraps[w][0]) != 0 && wraps[w][0][0] == '*')
					continue;
				a += ol;
				b -= cl;
				stripped = 1;
				break;
			}
		}
		/* a bold run opened on one line and closed on a later one */
		if (!stripped && n > 2 && bc_starts(c, n, "**") && c[2] != ')' && count_of(c, n, "**") == 1) {
			a += 2;
			stripped = 1;
		} else if (!stripped && n > 2 && bc_ends(c, n, "**") && count_of(c, n, "**") == 1) {
			b -= 2;
			stripped = 1;
		}
		if (!stripped)
			break;
		l->decorated = 1;
		while (a < b && is_space(s[a]))
			a++;
		/* a no-break space inside the marks too ("Hạnh phúc\u00a0**", pandoc) */
		for (size_t k;;) {
			if (b > a && is_space(s[b - 1]))
				b--;
			else if ((k = uspace_before(s + a, b - a)) != 0)
				b -= k;
			else
				break;
		}
	}
	l->core = a;
	l->core_len = b - a;
}

static void measure(bc_line *l)
{
	const char *c = l->s + l->core;
	size_t n = l->core_len;
	int letters = 0, upper = 1;
	uint32_t chars = 0;
	size_t i = 0;
	while (i < n && upper) {
		uint32_t cp;
		unsigned char b = (unsigned char)c[i];
		if (b < 0x80) {
			cp = b;
			i++;
		} else {
			i += (size_t)bc_utf8_decode(c + i, n - i, &cp);
		}
		chars++;
		if (bc_cp_is_letter(cp)) {
			letters++;
			if (bc_cp_is_lower(cp))
				upper = 0;
		}
	}
	/* after a lower-case letter only the length is left to know */
	if (i < n)
		chars += (uint32_t)bc_utf8_count(c + i, n - i);
	l->nchars = chars;
	l->upper = upper && letters >= 2;
}

static int pat(bc_pattern_id id, const bc_line *l, size_t *ov)
{
	return bc_pattern_match(id, l->s + l->core, l->core_len, ov, 8);
}

/* ".      THONG TU": one or two marks then three spaces or more at the line's
 * start, a speck of the scan OCR read far left of a centred line: where the
 * line's words start after it, else 0. */
static size_t ocr_speck(const char *c, size_t n)
{
	size_t a = 0;
	while (a < n && a < 2 && strchr(".,'`:;-_~", c[a]) && c[a])
		a++;
	size_t g = a;
	while (g < n && c[g] == ' ')
		g++;
	return a && g - a >= 3 && g < n ? g : 0;
}

static void classify(bc_line *l, int first_line);

/* A line whose TABs all stand before its first word or after its last
 * ("⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" of catdoc, "Điều 1. Phạm vi điều
 * chỉnh⇥" of docx2txt: the tab a Word author typed to place the line), with
 * no row of a TAB table above or below it: the TABs are white space, and
 * the line is read as it reads without them.  Inside a table, such a line
 * is a row whose first or last cells are empty. */
static void edge_tabs(bc_lines *L)
{
	for (size_t i = 0; i < L->n; i++) {
		bc_line *l = &L->v[i];
		if (l->kind != BC_LK_TAB_ROW || !l->core_len || memchr(l->s + l->core, '\t', l->core_len) != NULL)
			continue;
		if ((i > 0 && L->v[i - 1].kind == BC_LK_TAB_ROW) || (i + 1 < L->n && L->v[i + 1].kind == BC_LK_TAB_ROW))
			continue;
		/* the core alone, as a line of its own; its offsets back in the line after */
		bc_line t = *l;
		uint32_t shift = l->core;
		t.s += shift;
		t.len = l->core_len;
		t.core = 0;
		t.lead_tabs = 0;
		classify(&t, i == 0);
		t.s = l->s;
		t.len = l->len;
		t.core = l->core;
		t.label += shift;
		t.rest += shift;
		*l = t;
		l->base = l->kind;
	}
}

static void classify(bc_line *l, int first_line)
{
	size_t ov[16];
	const char *c = l->s + l->core;
	size_t n = l->core_len;

	/* only spaces and tabs: a blank line, also inside a table */
	if (l->core_len == 0) {
		l->kind = BC_LK_BLANK;
		return;
	}
	if (first_line && n == 3 && memcmp(c, "---", 3) == 0 && l->len == 3) {
		l->kind = BC_LK_META_FENCE;
		return;
	}
	if (memchr(l->s, '\t', l->len)) {
		l->kind = BC_LK_TAB_ROW;
		/* only emphasis marks before its TABs ("⇥5.3. …", "__⇥4. …__") */
		size_t k = 0;
		while (k < l->len && (l->s[k] == '\t' || l->s[k] == ' ' || l->s[k] == '*' || l->s[k] == '_'))
			k++;
		l->lead_tabs = memchr(l->s + k, '\t', l->len - k) == NULL;
		return;
	}
	if (l->s[l->core] == '|' || (l->core > 0 && l->s[0] == '|')) {
		l->kind = pat(BC_PAT_PIPE_RULE, l, ov) ? BC_LK_PIPE_RULE : BC_LK_PIPE_ROW;
		/* a lone "|" is text */
		if (l->kind == BC_LK_PIPE_ROW && count_of(l->s, l->len, "|") < 2)
			l->kind = BC_LK_TEXT;
		if (l->kind != BC_LK_TEXT)
			return;
	}
	if (pat(BC_PAT_RULE, l, ov)) {
		l->kind = BC_LK_RULE;
		return;
	}
	size_t mlen;
	int id = bc_note_mark(l->s + l->core, l->core_len, &mlen);
	if (id >= 0 && mlen < n && c[mlen] == ' ') {
		l->kind = BC_LK_NOTE;
		l->note_id = id;
		l->rest = l->core + mlen;
		while (l->rest < l->core + l->core_len && l->s[l->rest] == ' ')
			l->rest++;
		return;
	}
	if (pat(BC_PAT_NOTE_DEF, l, ov)) {
		l->kind = BC_LK_NOTE;
		l->note_id = 0;
		for (size_t i = ov[2]; i < ov[3]; i++)
			l->note_id = l->note_id * 10 + (c[i] - '0');
		l->rest = l->core + ov[1];
		return;
	}
	if (pat(BC_PAT_NUMBER, l, ov)) { l->kind = BC_LK_NUMBER; return; }
	if (pat(BC_PAT_SUMMARY, l, ov)) { l->kind = BC_LK_SUMMARY; return; }
	if (pat(BC_PAT_DRAFT, l, ov)) { l->kind = BC_LK_DRAFT; return; }
	if (pat(BC_PAT_URGENCY, l, ov)) { l->kind = BC_LK_URGENCY; return; }
	if (pat(BC_PAT_MOTTO, l, ov)) { l->kind = BC_LK_MOTTO; return; }
	if (pat(BC_PAT_SLOGAN, l, ov)) { l->kind = BC_LK_SLOGAN; return; }
	/* a place without its comma ("Tân Phú ngày …") is a dateline only where the
	 * header reads it (parse/header.c): in the body such a line can be the
	 * end of a sentence that names a person or a body in capitals */
	if (pat(BC_PAT_DATELINE, l, ov) && ov[2] != (size_t)-1) { l->kind = BC_LK_DATELINE; return; }
	if (pat(BC_PAT_ADDRESSEE, l, ov)) { l->kind = BC_LK_ADDRESSEE; return; }
	if (pat(BC_PAT_RECIPIENTS, l, ov)) { l->kind = BC_LK_RECIPIENTS; return; }
	if (pat(BC_PAT_APPENDIX, l, ov)) { l->kind = BC_LK_APPENDIX; return; }
	if (pat(BC_PAT_ATTACH, l, ov)) { l->kind = BC_LK_ATTACH; return; }
	if (pat(BC_PAT_UNIT, l, ov)) { l->kind = BC_LK_UNIT; return; }
	if (l->upper && pat(BC_PAT_AUTHORITY, l, ov)) { l->kind = BC_LK_AUTHORITY; return; }
	if (l->upper && (l->doctype = bc_doctype_from_name(c, n)) != BC_DOC_UNKNOWN) {
		l->kind = BC_LK_DOCTYPE;
		return;
	}
	/* a scan's OCR: the type line without its marks ("THONG TU"), perhaps after
	 * a speck read as a mark far left of the centred line (".      THONG TU"),
	 * which is no word of the line */
	if (l->upper) {
		size_t a = ocr_speck(c, n);
		if ((l->doctype = bc_doctype_from_unmarked(c + a, n - a)) != BC_DOC_UNKNOWN) {
			l->core += a;
			l->core_len -= a;
			l->kind = BC_LK_DOCTYPE;
			return;
		}
	}

	static const struct { bc_pattern_id id; bc_label_kind kind; } labels[] = {
		{ BC_PAT_LABEL_ROMAN, BC_LABEL_ROMAN },
		{ BC_PAT_LABEL_DOTTED, BC_LABEL_ARABIC },
		{ BC_PAT_LABEL_LETTER, BC_LABEL_LETTER },
		{ BC_PAT_LABEL_PAREN, BC_LABEL_PAREN },
		{ BC_PAT_LABEL_STAR, BC_LABEL_STAR },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		if (!pat(labels[i].id, l, ov))
			continue;
		bc_label_kind k = labels[i].kind;
		size_t ls = ov[2], le = ov[3];
		if (k == BC_LABEL_STAR) {
			ls = 0;
			le = 1;
		}
		if (k == BC_LABEL_ARABIC) {
			size_t dots = 0;
			for (size_t j = ls; j < le; j++)
				dots += c[j] == '.';
			/* "1 Tỷ lệ" without a dot is not a label, "1.1 Công nghiệp" is, and so
			 * are "1- Mục tiêu" and "2/ Yêu cầu" (the Party's and older styles) */
			if (dots == 0 && c[le] != '.' && c[le] != '-' && c[le] != '/')
				continue;
			k = dots == 0 ? BC_LABEL_ARABIC : dots == 1 ? BC_LABEL_DOTTED2 : BC_LABEL_DOTTED3;
		}
		l->kind = BC_LK_LABEL;
		l->label_kind = k;
		l->label = l->core + ls;
		l->label_len = le - ls;
		l->rest = l->core + ov[1];
		return;
	}
	/* "- " or "-" and a NO-BREAK or other Unicode space (FORMAT.md §2.2) */
	size_t sp = n >= 2 && (c[0] == '-' || c[0] == '+') ? (c[1] == ' ' ? 1 : uspace_at(c + 1, n - 1)) : 0;
	if (sp) {
		l->kind = BC_LK_BULLET;
		l->bullet = c[0];
		l->rest = l->core + 1 + sp;
		return;
	}
	if (n >= 4 && (bc_starts(c, n, "– ") || bc_starts(c, n, "• "))) {
		l->kind = BC_LK_BULLET;
		l->bullet = '-';
		l->rest = l->core + (bc_starts(c, n, "– ") ? 4 : 4);
		return;
	}
	l->kind = BC_LK_TEXT;
}

static void push(bc_lines *out, const bc_line *l)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap + out->cap / 2 : 256;
		out->v = bc_xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n++] = *l;
}

/* "**I. MỤC ĐÍCH****1. Mục đích**": a heading closed and the next one opened
 * with no line break between.  Returns the offset where the second starts. */
static size_t glued_split(const char *s, size_t n)
{
	for (size_t i = 2; i + 5 < n; i++) {
		if (memcmp(s + i, "****", 4) != 0)
			continue;
		size_t j = i + 4, ov[16];
		if (bc_pattern_match(BC_PAT_LABEL_ROMAN, s + j, n - j, ov, 8) ||
		    bc_pattern_match(BC_PAT_LABEL_DOTTED, s + j, n - j, ov, 8) ||
		    bc_pattern_match(BC_PAT_LABEL_LETTER, s + j, n - j, ov, 8))
			return i + 2;
	}
	return 0;
}

/* "Số: /STP-BTTP Lâm Đồng, ngày tháng 10 năm 2025": the number line and the
 * dateline of the two paper columns read onto one line (pdftotext -raw, or
 * -layout with a run of spaces or a TAB between).  Returns the offset where
 * the number line ends, or 0; *resume gets where the dateline starts. */
static size_t number_dateline_split(const char *s, size_t n, size_t *resume)
{
	size_t a = 0, ov[16];
	while (a < n && is_space(s[a]))
		a++;
	/* as written, or as a scan's OCR leaves it: "Số: 2/9. /CT-CS Hà Nội ngày 09
	 * thảng ?# năm 2026", the number and the month misread.  The dateline then
	 * only has to read as one (a place, "ngày", "năm" and a year ending the
	 * line), so that each half is the header line it is, read or not */
	for (int loose = 0; loose < 2; loose++) {
		if (!bc_pattern_match(loose ? BC_PAT_NUMBER_GARBLED : BC_PAT_NUMBER_LEAD, s + a, n - a, ov, 8))
			continue;
		size_t cut = a + ov[1], r = cut, e = n;
		while (r < e && (is_space(s[r]) || (s[r] == '\xc2' && r + 1 < e && s[r + 1] == '\xa0')))
			r += s[r] == '\xc2' ? 2 : 1;
		while (e > r && (is_space(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '.'))
			e--;
		if (r >= e)
			continue;
		if (bc_pattern_match(BC_PAT_DATELINE, s + r, e - r, ov, 8) ||
		    (bc_pattern_match(BC_PAT_DATELINE_LIKE, s + r, e - r, ov, 8) && ov[1] == e - r)) {
			*resume = r;
			return cut;
		}
	}
	return 0;
}

/* Bytes s[0..n) read as a line of their own: core, measures, kind. */
static bc_line piece(const char *s, size_t n)
{
	bc_line t = { 0 };
	t.s = s;
	t.len = n;
	find_core(&t);
	measure(&t);
	classify(&t, 0);
	return t;
}

/* A piece of a line read alone: a header role a column holds (an issuer
 * line is any capitals line); *strict when it is one no table cell is
 * (a number line, the motto, the slogan, a dateline). */
static int column_role(const char *s, size_t n, int *strict)
{
	bc_line t = piece(s, n);
	switch (t.kind) {
	case BC_LK_NUMBER: case BC_LK_MOTTO: case BC_LK_SLOGAN: case BC_LK_DATELINE:
		*strict = 1;
		return 1;
	case BC_LK_DRAFT: case BC_LK_URGENCY:
	case BC_LK_RULE:   /* the rule under the issuer or the motto ("-------⇥ĐẢNG CỘNG SẢN VIỆT NAM", catdoc) */
		return 1;
	case BC_LK_TEXT:
		return t.upper;
	default:
		return 0;
	}
}

static int has(const char *s, size_t n, const char *p)
{
	return count_of(s, n, p) != 0;
}

/* The closing's two columns on one line, split by a TAB or a run of three
 * spaces or more (catdoc, antiword, pdftotext -layout): "- Lưu: VT, HCC,
 * NC.⇥TL. CHỦ TỊCH".  Cut where the left part is the recipients' label or an
 * item and the right one an authority line in capitals (TM., KT., TL. …),
 * or, after a TAB, a position in capitals (no small letter, two words).
 * Returns the offset where the gap starts, or 0; *resume gets where it ends. */
static size_t closing_split(const char *s, size_t n, size_t *resume)
{
	size_t a = 0;
	while (a < n && is_space(s[a]))
		a++;
	if (a >= n || !(s[a] == '-' || s[a] == '+' || (n - a >= 9 && memcmp(s + a, "Nơi nhận", 9) == 0)))
		return 0;
	for (size_t i = a + 1; i < n; i++) {
		if (s[i] != '\t' && !(s[i] == ' ' && i + 2 < n && s[i + 1] == ' ' && s[i + 2] == ' '))
			continue;
		size_t g = i;
		while (g < n && is_space(s[g]))
			g++;
		size_t ov[4];
		if (g >= n)
			return 0;
		/* or, after a TAB (a Word table's cells, catdoc), the signer's
		 * position in capitals under the authority line ("- Các chi bộ trực
		 * thuộc,⇥PHÓ BÍ THƯ"): two words at least */
		if (!bc_pattern_match(BC_PAT_AUTHORITY, s + g, n - g, ov, 2) &&
		    !(s[i] == '\t' && g + 4 < n && memchr(s + g, ' ', n - g) && !memchr(s + g, '\t', n - g)))
			return 0;
		for (size_t k = g; k < n;) {
			uint32_t cp;
			size_t c = bc_utf8_decode(s + k, n - k, &cp);
			if (bc_cp_is_lower(cp))
				return 0;
			k += c ? c : 1;
		}
		*resume = g;
		return i;
	}
	return 0;
}

/* A scan's OCR reading of the dateline a single space after an issuer's
 * line in capitals: "ĐẢNG ỦY XÃ THANH LƯƠNG Thanh Lương, ngày 26 tháng 6 năm
 * 2026" (the Party's header, no motto beside the issuer).  The place is one
 * to four words each a capital then small letters before ", ngày"; the part
 * before it capitals (six at least), an issuer's line.  Returns where the
 * issuer's part ends, or 0; *resume gets where the dateline starts. */
static size_t issuer_dateline_split(const char *s, size_t n, size_t *resume)
{
	size_t a = 0;
	while (a < n && is_space(s[a]))
		a++;
	const char *ng = NULL;
	for (const char *p = s + a; (size_t)(s + n - p) > 6 && (p = memchr(p, ',', (size_t)(s + n - p))) != NULL; p++)
		if ((size_t)(s + n - p) > 7 && memcmp(p, ", ngày", strlen(", ngày")) == 0) {
			ng = p;
			break;
		}
	if (!ng)
		return 0;
	/* back over the place's words, each a capital then small letters (one to four) */
	size_t j = (size_t)(ng - s), words = 0;
	while (words < 4 && j > a) {
		size_t e = j;
		while (e > a && is_space(s[e - 1]))
			e--;
		size_t b = e;
		while (b > a && !is_space(s[b - 1]))
			b--;
		if (b == e)
			break;
		uint32_t c0 = 0, c1 = 0;
		int l0 = bc_utf8_decode(s + b, e - b, &c0);
		if (l0 <= 0 || !bc_cp_is_upper(c0) || (size_t)l0 >= e - b)
			break;
		bc_utf8_decode(s + b + l0, e - b - (size_t)l0, &c1);
		if (!bc_cp_is_lower(c1))
			break;
		j = b;
		words++;
	}
	if (!words || j <= a + 1 || !is_space(s[j - 1]))
		return 0;
	size_t i = j;
	while (i > a && is_space(s[i - 1]))
		i--;
	/* the left part an issuer's line (capitals), the right part a dateline */
	bc_line t = piece(s + j, n - j);
	size_t ov[8];
	int strict = 0;
	if ((t.kind == BC_LK_DATELINE || bc_pattern_match(BC_PAT_DATELINE_LIKE, t.s + t.core, t.core_len, ov, 4)) &&
	    bc_utf8_capitals(s + a, i - a) >= 6 && column_role(s + a, i - a, &strict)) {
		if (piece(s + a, i - a).upper) {
			*resume = j;
			return i;
		}
	}
	return 0;
}

/* The two columns of the paper header flattened side by side, split by a
 * TAB or a run of three or more spaces (pdftotext -layout, catdoc): "SỞ GDĐT
 * TỈNH ĐỒNG THÁP      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".  The line is cut
 * at the first such gap where each side, read alone, is a header role and
 * one of them a role no table row has (FORMAT.md §5.1, rule 2).  Returns
 * the offset where the gap starts, or 0; *resume gets where it ends. */
static size_t column_split(const char *s, size_t n, size_t *resume)
{
	/* a line without one of those roles' words is not tried (tables have many gaps) */
	if (!has(s, n, "Số") && !has(s, n, "SỐ") && !has(s, n, "CỘNG H") && !has(s, n, "ĐẢNG CỘNG") && !has(s, n, "Độc lập") &&
	    !has(s, n, "ngày"))
		return 0;
	size_t cut = has(s, n, "ngày") ? issuer_dateline_split(s, n, resume) : 0;
	if (cut)
		return cut;
	/* a line that is one role as a whole ("Số:     /BC-UBND") is not cut */
	int whole = 0;
	if (column_role(s, n, &whole) && whole)
		return 0;
	size_t a = 0;
	while (a < n && is_space(s[a]))
		a++;
	for (size_t i = a; i < n; i++) {
		if (s[i] != '\t' && !(s[i] == ' ' && i + 2 < n && s[i + 1] == ' ' && s[i + 2] == ' '))
			continue;
		size_t g = i;
		while (g < n && is_space(s[g]))
			g++;
		if (g >= n)
			break;
		int strict = 0;
		if (column_role(s + a, i - a, &strict) && column_role(s + g, n - g, &strict) && strict) {
			*resume = g;
			return i;
		}
		i = g;
	}
	/* a scan's OCR keeps one space, or " _ ", between the columns; the right
	 * column is then cut off only where it is the motto or the slogan, texts
	 * too particular to end a sentence by chance: "BỘ TÀI CHÍNH CỘNG HÒA XÃ
	 * HỘI CHỦ NGHĨA VIỆT NAM", "CỤC THUẾ Độc lập - Tự do - Hạnh phúc", the
	 * Party's "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG ĐẢNG CỘNG SẢN VIỆT NAM" (pdftotext
	 * keeps one space when the columns stand close) */
	static const char *const starts_of[] = { "CỘNG H", "Độc lập", "ĐẢNG CỘNG SẢN" };
	for (size_t k = 0; k < 3; k++) {
		const char *p = s + a, *e = s + n;
		size_t pl = strlen(starts_of[k]);
		while ((size_t)(e - p) > pl && (p = memchr(p + 1, starts_of[k][0], (size_t)(e - p - 1))) != NULL) {
			/* the match must fit before the line's end: memchr may land on its last bytes */
			if ((size_t)(e - p) < pl || memcmp(p, starts_of[k], pl) != 0 || p[-1] != ' ')
				continue;
			size_t j = (size_t)(p - s), i = j;
			while (i > a && is_space(s[i - 1]))
				i--;
			/* a lone separator the OCR read in the gap */
			if (i > a + 1 && (s[i - 1] == '_' || s[i - 1] == '|') && is_space(s[i - 2]))
				for (i--; i > a && is_space(s[i - 1]); i--)
					;
			bc_line t = piece(s + j, n - j);
			int strict = 0;
			if (i > a && (t.kind == BC_LK_MOTTO || t.kind == BC_LK_SLOGAN) && column_role(s + a, i - a, &strict)) {
				*resume = j;
				return i;
			}
			break;
		}
	}
	return 0;
}

void bc_lines_split(bc_lines *out, const char *text, size_t len, bc_diags *diags)
{
	memset(out, 0, sizeof *out);
	/* as many lines as the text has, and a few split from glued ones: sized
	 * once rather than doubled (a long table's lines are most of the parse's
	 * memory, and doubling leaves up to half of it unused) */
	size_t lines = 1;
	for (const char *p = text, *e = text + len; p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
		lines++;
	out->cap = lines + 16;
	out->v = bc_xmalloc(out->cap * sizeof *out->v);
	uint32_t no = 0;
	for (size_t i = 0; i <= len;) {
		const char *nl = i < len ? memchr(text + i, '\n', len - i) : NULL;
		size_t e = nl ? (size_t)(nl - text) : len;
		if (!nl && i == len && len > 0 && text[len - 1] == '\n')
			break;
		no++;
		bc_line l = { 0 };
		l.s = text + i;
		l.len = e - i;
		l.no = no;
		l.col0 = 1;
		l.hard_break = l.len >= 2 && l.s[l.len - 1] == ' ' && l.s[l.len - 2] == ' ';
		/* glued headings: "**I. A****1. B****a) C**" is as many lines as headings;
		 * a number line with its dateline after it is two lines, and so are
		 * the two columns of the paper header side by side.  The second
		 * part resumes at `resume`: after the gap between two columns */
		for (int part = 0;; part++) {
			size_t cut = count_of(l.s, l.len, "****") ? glued_split(l.s, l.len) : 0;
			int glued = cut != 0;
			size_t resume = cut;
			if (!cut && part == 0)
				cut = number_dateline_split(l.s, l.len, &resume);
			if (!cut && part == 0)
				cut = column_split(l.s, l.len, &resume);
			if (!cut && part == 0)
				cut = closing_split(l.s, l.len, &resume);
			bc_line rest = l;
			if (cut)
				l.len = cut;
			find_core(&l);
			measure(&l);
			classify(&l, no == 1 && part == 0);
			l.base = l.kind;
			push(out, &l);
			if (!cut)
				break;
			rest.s = l.s + resume;
			rest.len -= resume;
			rest.col0 = l.col0 + (uint32_t)bc_utf8_count(l.s, resume);
			if (glued)
				bc_diag_add(diags, BC_W_GLUED_HEADINGS, (bc_pos){ no, rest.col0 }, NULL);
			l = rest;
		}
		if (!nl)
			break;
		i = e + 1;
	}
	edge_tabs(out);
}

/* ---- the body of a decision or resolution ---- */

/* The last code point of a line's core, closing stars and spaces aside. */
static uint32_t line_last_cp(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len;
	while (n && (s[n - 1] == '*' || s[n - 1] == ' '))
		n--;
	return n ? bc_utf8_prev(s, &n) : 0;
}

static int can_hold_basis(const bc_line *l)
{
	return l->base != BC_LK_BLANK && l->base != BC_LK_TAB_ROW && l->base != BC_LK_PIPE_ROW &&
	       l->base != BC_LK_PIPE_RULE && l->base != BC_LK_NOTE && l->base != BC_LK_RULE &&
	       l->base != BC_LK_BULLET && l->base != BC_LK_META_FENCE;
}

/* The enacting line ("QUYẾT ĐỊNH:") before the closing or an appendix, or L->n. */
static size_t find_enacting(const bc_lines *L, size_t from)
{
	size_t ov[16];
	for (size_t k = from; k < L->n; k++) {
		const bc_line *l = &L->v[k];
		if (l->base == BC_LK_APPENDIX || l->base == BC_LK_RECIPIENTS || l->base == BC_LK_AUTHORITY)
			break;
		if ((l->base == BC_LK_TEXT || l->base == BC_LK_DOCTYPE) && pat(BC_PAT_ENACTING, l, ov))
			return k;
	}
	return L->n;
}

/* The authority: lines in capitals from k before the first basis, blank
 * lines between them allowed.  Returns the line after the last. */
static size_t mark_competence(bc_lines *L, size_t k, size_t enact)
{
	size_t ov[16];
	for (size_t m = k; m < enact; m++) {
		if (L->v[m].base == BC_LK_BLANK)
			continue;
		if (L->v[m].base != BC_LK_TEXT || !L->v[m].upper || pat(BC_PAT_BASIS, &L->v[m], ov))
			break;
		L->v[m].kind = BC_LK_COMPETENCE;
		k = m + 1;
	}
	return k;
}

/* The basis lines from k: each starts with a basis word, or (before an
 * enacting line) is a block of its own; a basis not ended by ";" or "." goes
 * on on the next line.  Returns the line where they end. */
static size_t mark_basis(bc_lines *L, size_t from, size_t k, size_t enact)
{
	size_t ov[16];
	int has_enact = enact < L->n;
	int open = 0;   /* the last basis may go on on this line */
	for (; k < enact; k++) {
		bc_line *l = &L->v[k];
		if (l->base == BC_LK_BLANK) {
			open = 0;
			continue;
		}
		if (!can_hold_basis(l)) {
			if (!has_enact)
				break;
			open = 0;
			continue;
		}
		uint32_t end = k > from ? line_last_cp(&L->v[k - 1]) : 0;
		if (pat(BC_PAT_BASIS, l, ov))
			l->kind = BC_LK_BASIS;
		else if (open && end != ';' && end != '.')
			l->kind = BC_LK_BASIS_CONT;
		else if (has_enact)
			l->kind = BC_LK_BASIS;
		else
			break;
		open = 1;
	}
	return k;
}

/* "Điều 5. ..." at line k, unless the line above, long and of text, broke
 * off in mid-sentence ("... quy định tại\nĐiều 5. ..."): then no article. */
static int is_article(const bc_lines *L, size_t k, size_t *ov)
{
	const bc_line *l = &L->v[k];
	if (l->base != BC_LK_TEXT || !pat(BC_PAT_ARTICLE, l, ov))
		return 0;
	const bc_line *above = k > 0 ? &L->v[k - 1] : NULL;
	if (above && above->base == BC_LK_TEXT && above->kind != BC_LK_ARTICLE && above->nchars >= 50) {
		uint32_t end = line_last_cp(above);
		if (end == ',' || bc_cp_is_lower(end))
			return 0;
	}
	return 1;
}

/* "Chương II" or "Mục 1" at line k, alone or with its title in capitals
 * ("CHƯƠNG I. QUY ĐỊNH CHUNG"), and not the rest of a sentence the line
 * above broke off ("... quy định tại\nChương V Thông tư này."). */
static int is_chapter(const bc_lines *L, size_t k, size_t *ov)
{
	const bc_line *l = &L->v[k];
	if (l->base != BC_LK_TEXT || !pat(BC_PAT_CHAPTER, l, ov))
		return 0;
	for (size_t i = ov[1]; i < l->core_len;) {
		uint32_t cp;
		size_t n = bc_utf8_decode(l->s + l->core + i, l->core_len - i, &cp);
		if (bc_cp_is_lower(cp))
			return 0;   /* the title after the number is in capitals */
		i += n ? n : 1;
	}
	const bc_line *above = k > 0 ? &L->v[k - 1] : NULL;
	if (above && above->base == BC_LK_TEXT && above->kind != BC_LK_ARTICLE && above->nchars >= 50) {
		uint32_t end = line_last_cp(above);
		if (end == ',' || bc_cp_is_lower(end))
			return 0;
	}
	return 1;
}

/* The letters of a Roman numeral as OCR reads them: I as "Ị", "Í", "l", "1",
 * "|"; II as "H" (the two strokes joined).  Writes the numeral read to out
 * (at most cap - 1 bytes); 0 when a code point is none of them. */
static int ocr_roman(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = bc_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		const char *r;
		switch (cp) {
		case 'I': case 'l': case '1': case '|': case '!':
		case 0xCD: case 0xCC: case 0x1ECA: case 0x1EC8: case 0x128: case 0xED: case 0xEC:   /* Í Ì Ị Ỉ Ĩ í ì */
			r = "I"; break;
		case 'H': r = "II"; break;
		case 'V': r = "V"; break;
		case 'X': r = "X"; break;
		default: return 0;
		}
		size_t rl = strlen(r);
		if (o + rl >= cap)
			return 0;
		memcpy(out + o, r, rl);
		o += rl;
	}
	out[o] = '\0';
	return o > 0;
}

/* The letters of a line, and in *lower how many of them are small. */
static size_t letters_of(const bc_line *l, size_t *lower)
{
	size_t letters = 0, small = 0;
	for (size_t i = 0; i < l->len;) {
		uint32_t cp;
		size_t k = bc_utf8_decode(l->s + i, l->len - i, &cp);
		i += k ? k : 1;
		if (bc_cp_is_letter(cp)) {
			letters++;
			small += bc_cp_is_lower(cp) != 0;
		}
	}
	if (lower)
		*lower = small;
	return letters;
}

/* The line's letters are capitals but for OCR slips: at least four letters,
 * at most one in five in lower case ("LE TANG DOI vởi QUÂN NHÂN"). */
static int mostly_upper(const bc_line *l)
{
	size_t lower, letters = letters_of(l, &lower);
	return letters >= 4 && lower * 5 <= letters;
}

/* "Chương V" as OCR of a scan leaves it: a stray mark before it with a run of
 * spaces (":       Chương I", "-      ChươngV"), no space before the number,
 * the number's letters misread ("VỊ", "VH"), specks after it ("Ô   :").
 * Taken only with the evidence a reader has: the number read is the one the
 * chapters before make next (`expect`), what follows it on the line has no
 * small letters, the next line is the chapter's title in capitals, and the
 * line above did not break off a sentence.  Sets the label to the token and
 * label_value to `expect`. */
static int is_chapter_ocr(bc_lines *L, size_t k, int expect)
{
	bc_line *l = &L->v[k];
	const char *s = l->s;
	size_t n = l->len, i = 0;
	if (expect < 1 || expect > 39 || (l->base != BC_LK_TEXT && l->base != BC_LK_BULLET))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	/* a stray mark, then at least three spaces */
	size_t m = i;
	while (m < n && m - i < 2 && s[m] && strchr(":;-\\|'\"=_.,~*", s[m]))
		m++;
	if (m > i) {
		size_t sp = m;
		while (sp < n && s[sp] == ' ')
			sp++;
		if (sp - m < 3)
			return 0;
		i = sp;
	}
	static const char *const words[] = { "Chương", "CHƯƠNG" };
	size_t w = 0, at = i;
	for (size_t j = 0; j < 2 && !w; j++)
		if (n - i >= strlen(words[j]) && memcmp(s + i, words[j], strlen(words[j])) == 0)
			w = strlen(words[j]);
	if (!w)
		return 0;
	i += w;
	while (i < n && s[i] == ' ')
		i++;
	size_t t0 = i;
	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++;
	char read[16], want[16];
	if (i == t0 || !ocr_roman(s + t0, i - t0, read, sizeof read) || bc_roman_format(expect, want, sizeof want) == 0 ||
	    strcmp(read, want) != 0)
		return 0;
	size_t rest = i;
	for (; i < n;) {
		uint32_t cp;
		size_t c = bc_utf8_decode(s + i, n - i, &cp);
		if (bc_cp_is_lower(cp))
			return 0;
		i += c ? c : 1;
	}
	size_t j = k + 1;
	while (j < L->n && L->v[j].base == BC_LK_BLANK)
		j++;
	if (j >= L->n || j - k > 2 || !mostly_upper(&L->v[j]))
		return 0;
	/* a sentence broken off above: a line of words (a page's number and
	 * specks, "2         TÔ,", are none) */
	const bc_line *above = k > 0 ? &L->v[k - 1] : NULL;
	if (above && above->base == BC_LK_TEXT && above->kind != BC_LK_ARTICLE && letters_of(above, NULL) >= 30) {
		uint32_t end = line_last_cp(above);
		if (end == ',' || bc_cp_is_lower(end))
			return 0;
	}
	l->label = (uint32_t)t0;
	l->label_len = (uint32_t)(rest - t0);
	l->rest = (uint32_t)rest;
	/* the title's lines, capitals but for OCR's slips ("LE TANG DOI vởi QUÂN NHÂN") */
	for (size_t t = j; t < L->n && t - j < 3 && L->v[t].base == BC_LK_TEXT && mostly_upper(&L->v[t]); t++)
		L->v[t].ocr_caps = 1;
	/* written as read ("Chương V" after a stray mark): nothing to record;
	 * else the number read, and the words as written are kept ("ChươngV") */
	int same = strlen(want) == rest - t0 && memcmp(want, s + t0, rest - t0) == 0 && t0 > at + w;
	l->label_value = same ? 0 : (uint8_t)expect;
	/* the line's text from "Chương" on: the stray mark before it is no word */
	if (l->core < at) {
		size_t e = l->core + l->core_len;
		l->core = (uint32_t)at;
		l->core_len = (uint32_t)(e > at ? e - at : 0);
	}
	return 1;
}

/* The articles from k, in the body and in appendices (a regulation issued
 * with the decision), with the clauses "1." and points "a)" inside them;
 * the chapters "Chương I" and their sections "Mục 1" that hold articles. */
static void mark_articles(bc_lines *L, size_t k)
{
	size_t ov[16];
	int in_article = 0;
	int chapter = 0;   /* the last chapter's number, 0 before the first (and in a new appendix) */
	for (; k < L->n; k++) {
		bc_line *l = &L->v[k];
		if (l->base == BC_LK_RECIPIENTS || l->base == BC_LK_AUTHORITY || l->base == BC_LK_APPENDIX) {
			in_article = 0;
			if (l->base == BC_LK_APPENDIX)
				chapter = 0;
			continue;
		}
		if (l->base == BC_LK_LABEL && in_article) {
			if (l->label_kind == BC_LABEL_ARABIC)
				l->kind = BC_LK_CLAUSE;
			else if (l->label_kind == BC_LABEL_LETTER)
				l->kind = BC_LK_POINT;
			continue;
		}
		if (is_chapter(L, k, ov)) {
			l->kind = BC_LK_CHAPTER;
			/* "Mục" (M, or the capital's two bytes) or "Chương" */
			l->label_kind = l->s[l->core + ov[2]] == 'M' ? BC_LABEL_SUBCHAPTER : BC_LABEL_CHAPTER;
			l->label = l->core + ov[4];
			l->label_len = ov[5] - ov[4];
			l->rest = l->core + ov[1];
			in_article = 0;
			if (l->label_kind == BC_LABEL_CHAPTER) {
				int v = bc_roman_value(l->s + l->label, l->label_len);
				chapter = v ? v : bc_arabic_value(l->s + l->label, l->label_len);
			}
			continue;
		}
		if (is_chapter_ocr(L, k, chapter + 1)) {
			l->kind = BC_LK_CHAPTER;
			l->label_kind = BC_LABEL_CHAPTER;
			chapter++;
			in_article = 0;
			continue;
		}
		if (!is_article(L, k, ov))
			continue;
		l->kind = BC_LK_ARTICLE;
		l->label_kind = BC_LABEL_ARTICLE;
		l->label = l->core + ov[2];
		l->label_len = ov[3] - ov[2];
		l->rest = l->core + ov[1];
		in_article = 1;
	}
}

void bc_lines_mark_decision(bc_lines *L, size_t from)
{
	size_t enact = find_enacting(L, from);
	size_t k = from;
	while (k < L->n && L->v[k].base == BC_LK_BLANK)
		k++;
	k = mark_competence(L, k, enact);
	k = mark_basis(L, from, k, enact);
	if (enact < L->n) {
		L->v[enact].kind = BC_LK_ENACTING;
		k = enact + 1;
	}
	mark_articles(L, k);
}

/* The label of a part at the start of line l's core ("Phần thứ nhất",
 * "PHẦN THỨ HAI", "Phần I", "PHẦN 2", "Phần A"): its bytes from the core's
 * start, or 0.  After it the line ends, or a mark (". : - –") and a title
 * opening with a capital. */
static size_t part_label(const bc_line *l, size_t *label, size_t *label_len)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, at = strlen("Phần ");   /* as many bytes as "PHẦN " */
	if (n <= at || (memcmp(s, "Phần ", at) != 0 && memcmp(s, "PHẦN ", at) != 0))
		return 0;
	/* the label: "thứ" and an ordinal in words, a Roman numeral, a number
	 * of two figures at most, or a capital letter A to E (bc_part_value) */
	size_t lb = at, le = at;
	size_t th = strlen("thứ ");
	if (n - at > th && (!memcmp(s + at, "thứ ", th) || !memcmp(s + at, "THỨ ", th)))
		le = at + th;
	while (le < n && s[le] != ' ' && s[le] != '.' && s[le] != ':' && s[le] != ',' && s[le] != '-')
		le++;
	if (!bc_part_value(s + lb, le - lb))
		return 0;
	/* then the line's end, or the marks and spaces before a title */
	size_t e = le;
	while (e < n) {
		if (s[e] == ' ' || s[e] == '.' || s[e] == ':' || s[e] == '-')
			e++;
		else if (n - e >= 3 && !memcmp(s + e, "–", 3))
			e += 3;
		else
			break;
	}
	if (e < n) {
		size_t q = e;
		if (e == le || !bc_cp_is_upper(bc_utf8_next(s, n, &q)))
			return 0;   /* "Phần I, …", "Phần I của Quy chế này …": a sentence */
	}
	*label = l->core + lb;
	*label_len = le - lb;
	return e;
}

/* Line k opens a part (part_label): its label and where its title starts
 * on the line, or 0.  Alone on its line, it needs its title, the capitals
 * line under it (a blank line or two between). */
static size_t part_at(const bc_lines *L, size_t k, size_t *label, size_t *label_len)
{
	const bc_line *l = &L->v[k];
	if (l->kind != BC_LK_TEXT && l->kind != BC_LK_LABEL)
		return 0;
	size_t rest = part_label(l, label, label_len);
	if (!rest || rest < l->core_len)
		return rest;
	size_t t = k + 1;
	while (t < L->n && L->v[t].kind == BC_LK_BLANK && t < k + 3)
		t++;
	return t < L->n && L->v[t].kind == BC_LK_TEXT && L->v[t].upper ? rest : 0;
}

int bc_line_is_part(const bc_lines *L, size_t k)
{
	size_t label, label_len;
	return part_at(L, k, &label, &label_len) != 0;
}

void bc_lines_mark_parts(bc_lines *L, size_t from)
{
	for (size_t k = from; k < L->n; k++) {
		bc_line *l = &L->v[k];
		size_t label, label_len, rest = part_at(L, k, &label, &label_len);
		if (!rest)
			continue;
		l->kind = BC_LK_CHAPTER;
		l->label_kind = BC_LABEL_PART;
		l->label = label;
		l->label_len = label_len;
		l->rest = l->core + rest;
	}
}

void bc_lines_free(bc_lines *lines)
{
	free(lines->v);
	memset(lines, 0, sizeof *lines);
}

uint32_t bc_line_col(const bc_line *l, size_t off)
{
	if (off > l->len)
		off = l->len;
	return l->col0 + (uint32_t)bc_utf8_count(l->s, off);
}

bc_pos bc_line_pos(const bc_line *l, size_t off)
{
	bc_pos p = { l->no, bc_line_col(l, off) };
	return p;
}

const char *bc_line_kind_name(bc_line_kind k)
{
	static const char *const names[BC_LK_COUNT] = {
		"blank", "text", "rule", "tab-row", "pipe-row", "pipe-rule", "label", "bullet", "note",
		"number", "summary", "draft", "urgency", "motto", "slogan", "dateline", "doctype",
		"addressee", "recipients", "authority", "appendix", "attach", "unit", "meta-fence",
		"competence", "basis", "basis-cont", "enacting", "article", "clause", "point", "chapter",
	};
	return k < BC_LK_COUNT ? names[k] : "?";
}
