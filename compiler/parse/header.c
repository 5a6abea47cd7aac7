/* header.c — the header block of the plain form: issuer, number, dateline, type, title, addressees. */
#include "parse_int.h"
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "../util/fold.h"
#include "../util/utf8.h"

/* The dateline is itself the header's date: no date node inside it (one that
 * is not a real date stays, as the text every output writes it as). */
void bp_unwrap_dates(bc_node *n)
{
	for (bc_node *c = n->first, *next; c; c = next) {
		next = c->next;
		if (c->type != BC_NODE_DATE || c->as.date.invalid)
			continue;
		/* move the date's children before it, last first, then drop it */
		bc_node *at = c;
		while (c->last) {
			bc_node *k = c->last;
			bc_node_unlink(k);
			if (at->prev)
				bc_node_insert_after(at->prev, k);
			else
				bc_node_prepend(n, k);
			at = k;
		}
		bc_node_unlink(c);
	}
}

void bc_dateline_split(bc_node *n)
{
	const bc_node *split = NULL;
	size_t cut = 0, resume = 0;
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type != BC_NODE_TEXT)
			continue;
		const char *comma = memchr(c->as.text.literal.s, ',', c->as.text.literal.len);
		if (comma) {
			split = c;
			cut = (size_t)(comma - c->as.text.literal.s);
			resume = cut + 1;
			break;
		}
	}
	/* no comma: "Hà Nội ngày …" when the place was read all the same */
	bc_str place = n->as.line->place;
	if (!split && place.len && n->first && n->first->type == BC_NODE_TEXT &&
	    n->first->as.text.literal.len >= place.len &&
	    memcmp(n->first->as.text.literal.s, place.s, place.len) == 0) {
		split = n->first;
		cut = resume = place.len;
	}
	if (!split)
		return;
	const char *s = split->as.text.literal.s;
	size_t len = split->as.text.literal.len;
	while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == '\t'))
		cut--;
	while (resume < len && (s[resume] == ' ' || s[resume] == '\t'))
		resume++;
	n->as.line->split = split;
	n->as.line->place_cut = (uint32_t)cut;
	n->as.line->date_from = (uint32_t)resume;
}

/* The index entry of a header part the document has once (its number, date,
 * subject), or NULL for a role that may repeat (issuer lines, addressees). */
static bc_node **single_part(parser *p, bc_role role)
{
	switch (role) {
	case BC_ROLE_NUMBER: return &p->doc->idx.number;
	case BC_ROLE_DATELINE: return &p->doc->idx.dateline;
	case BC_ROLE_SUMMARY: return &p->doc->idx.summary;
	case BC_ROLE_TITLE: return &p->doc->idx.title;
	default: return NULL;
	}
}

/* Records n as the document's part of its role, unless the header already
 * gave one: the first stands for every output (the facts, the PDF's header,
 * the checker read the index), and the second is a warning at its line. */
static void index_part(parser *p, bc_role role, bc_node *n)
{
	bc_node **slot = single_part(p, role);
	if (!*slot)
		*slot = n;
	else
		bc_diag_add(p->diags, BC_W_HEADER_REPEATED, n->pos, "%s", bc_role_name(role));
}

/* A dateline that reads as one but not in full ("Hà Nội ngày 09 thảng ?#
 * năm 2026", OCR): the place before "ngày", and of the date the parts that
 * read, the rest left blank as on a form (the year here; a day only with its
 * month).  The line stays unread: the checker points at it. */
static void legible_dateline(parser *p, bc_node *n, const char *s, size_t len)
{
	size_t ov[8];
	if (!bc_pattern_search(BC_PAT_DATE_LEGIBLE, s, len, 0, ov, 4))
		return;
	size_t e = ov[0];
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	if (e)
		n->as.line->place = bp_dup(p, s, e);
	int v[3] = { 0, 0, 0 };
	for (int g = 0; g < 3; g++)
		if (ov[2 * g + 2] != (size_t)-1)
			for (size_t i = ov[2 * g + 2]; i < ov[2 * g + 3]; i++)
				v[g] = v[g] * 10 + (s[i] - '0');
	n->as.line->date = (bc_date){ v[0], v[1], v[2] };
}

/* The header line l as a LINE node of the role, its parts read; `more`, when
 * not NULL, is a later line that goes on it (the symbol "/BC-SNV" under
 * "Số: 181"); `unread`: the line looks like the role's but its parts could
 * not be read, and none are given (the checker says so at its line). */
static void header_line_of2(parser *p, bc_role role, const bc_line *l, const bc_line *more, const bc_line *more2,
                            int unread, blk *tmp)
{
	memset(tmp, 0, sizeof *tmp);
	tmp->first = tmp->last = (size_t)(l - p->lines.v);
	/* an addressee listed as "- Sở A;" keeps its text, not the dash */
	bp_add_line_text(tmp, l, l->kind == BC_LK_BULLET ? l->rest : l->core, 0);
	if (more) {
		bp_add_line_text(tmp, more, more->core, 0);
		tmp->last = (size_t)(more - p->lines.v);
	}
	if (more2) {
		bp_add_line_text(tmp, more2, more2->core, 0);
		tmp->last = (size_t)(more2 - p->lines.v);
	}
	bp_fix_breaks(tmp);
	bc_node *n = bp_line_node(p, role, tmp);
	if (role == BC_ROLE_DATELINE)
		bp_unwrap_dates(n);
	bc_node_append(p->doc->meta, n);
	n->as.line->at_end = p->at_end;
	bc_buf t = BC_BUF_INIT;
	bp_plain(n, &t);
	const char *s = bc_buf_cstr(&t);
	size_t ov[20];
	n->as.line->unread = unread;
	switch (role) {
	case BC_ROLE_NUMBER:
		if (!unread && bc_pattern_match(BC_PAT_NUMBER, s, t.len, ov, 8)) {
			if (ov[2] != (size_t)-1)
				n->as.line->number = bp_dup(p, s + ov[2], ov[3] - ov[2]);
			if (ov[4] != (size_t)-1)
				bp_set_code(p, n, NULL, 0, s + ov[4], ov[5] - ov[4]);
		} else if (unread && bc_pattern_match(BC_PAT_NUMBER_GARBLED, s, t.len, ov, 8)) {
			/* "Số: 2/9. /CT-CS": the number is not given, the symbol that reads is */
			bp_set_code(p, n, NULL, 0, s + ov[2], ov[3] - ov[2]);
		}
		index_part(p, role, n);
		break;
	case BC_ROLE_DATELINE:
		if (!unread && bc_pattern_match(BC_PAT_DATELINE, s, t.len, ov, 10)) {
			/* the place before a comma (group 1) or without one (2) */
			int pg = ov[2] != (size_t)-1 ? 1 : 2;
			n->as.line->place = bp_dup(p, s + ov[2 * pg], ov[2 * pg + 1] - ov[2 * pg]);
			/* day, month, year in words (groups 3-5) or in figures (6-8) */
			int g0 = ov[10] != (size_t)-1 ? 3 : 6;
			int v[3] = { 0, 0, 0 };
			/* "..." or "…" for a blank day or month counts as blank */
			for (int g = 0; g < 3; g++)
				for (size_t i = ov[2 * (g0 + g)]; i < ov[2 * (g0 + g) + 1]; i++)
					if (s[i] >= '0' && s[i] <= '9')
						v[g] = v[g] * 10 + (s[i] - '0');
			n->as.line->date = (bc_date){ v[0], v[1], v[2] };
		} else if (unread) {
			legible_dateline(p, n, s, t.len);
		}
		bc_dateline_split(n);
		index_part(p, role, n);
		break;
	case BC_ROLE_DOCTYPE:
		n->as.line->doctype = l->doctype;
		p->doc->idx.doctype = n;
		break;
	case BC_ROLE_DRAFT: p->doc->idx.draft = n; break;
	case BC_ROLE_URGENCY: p->doc->idx.urgency = n; break;
	case BC_ROLE_SUMMARY: index_part(p, role, n); break;
	case BC_ROLE_ISSUER:
		/* the top's issuer lines, else the authentication block's */
		if (!p->doc->idx.issuer_first)
			p->doc->idx.issuer_first = n;
		if (p->doc->idx.issuer_first->as.line->at_end == n->as.line->at_end)
			p->doc->idx.issuer_last = n;
		break;
	default:
		break;
	}
	bc_buf_free(&t);
	free(tmp->segs);
	tmp->segs = NULL;
}

static void header_line_of(parser *p, bc_role role, const bc_line *l, const bc_line *more, int unread, blk *tmp)
{
	header_line_of2(p, role, l, more, NULL, unread, tmp);
}

static void header_line(parser *p, bc_role role, const bc_line *l, blk *tmp)
{
	header_line_of(p, role, l, NULL, 0, tmp);
}

/* The addressees listed from line i under a label ("Kính gửi:", a công
 * điện's "… điện:"), each a "- " item, a blank line between them when the
 * label stands alone ("Kính gửi:" / blank / "- Sở Tài chính;" / blank / "- Sở
 * Nội vụ.": pandoc, pdfminer).  An item goes on on the next line (a PDF's
 * wrapped lines) when that starts in lower case, or when its line ends with
 * ',' or, fifty characters long or more, with a letter ("… Văn hóa và" /
 * "Xã hội của Quốc hội;"); not after a short last item ("- Sở Nội vụ").
 * Returns the line after them. */
static size_t addressee_items(parser *p, size_t i, int alone, blk *tmp)
{
	const bc_lines *L = &p->lines;
	for (;;) {
		size_t j = i;
		while (alone && j < L->n && L->v[j].kind == BC_LK_BLANK && j - i < 2)
			j++;
		if (j >= L->n || L->v[j].kind != BC_LK_BULLET)
			break;
		size_t e = j;
		while (e + 1 < L->n && L->v[e + 1].kind == BC_LK_TEXT && !L->v[e + 1].upper && e - j < 5) {
			uint32_t last = bp_line_last_cp(&L->v[e]);
			if (!bc_cp_is_lower(bp_line_first_cp(&L->v[e + 1])) && last != ',' &&
			    !(bc_cp_is_letter(last) && L->v[e].nchars >= 50))
				break;
			e++;
		}
		memset(tmp, 0, sizeof *tmp);
		tmp->first = j;
		for (size_t k = j; k <= e; k++) {
			const bc_line *x = &L->v[k];
			bp_add_line_text(tmp, x, x->kind == BC_LK_BULLET ? x->rest : x->core, 0);
			tmp->last = k;
		}
		bp_fix_breaks(tmp);
		bc_node_append(p->doc->meta, bp_line_node(p, BC_ROLE_ADDRESSEE, tmp));
		free(tmp->segs);   /* the node holds its text; the pieces were the block's */
		tmp->segs = NULL;
		i = e + 1;
	}
	return i;
}

/* "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ điện:", "VĂN PHÒNG CHÍNH PHỦ điện:": a body
 * or a head's title in capitals, then "điện:" ending the line. */
static int cable_lead(const bc_line *l)
{
	static const char tail[] = " điện:";
	const char *s = l->s + l->core;
	return l->kind == BC_LK_TEXT && bc_ends(s, l->core_len, tail) &&
	       bc_utf8_capitals(s, l->core_len - (sizeof tail - 1)) >= 4;
}

/* A piece of a dateline a PDF's text boxes split: "Lâm Đồng, ngày", "tháng",
 * "tháng 9 năm 2025", "năm 2026". */
static int date_piece(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len;
	if ((n >= 6 && memcmp(s, "tháng", 6) == 0) || (n >= 5 && memcmp(s, "năm", 4) == 0))
		return n <= 24;
	size_t e = n;
	while (e > 0 && ((s[e - 1] >= '0' && s[e - 1] <= '9') || s[e - 1] == ' '))
		e--;
	return e >= 5 && n <= 60 && memcmp(s + e - 5, "ngày", 5) == 0;
}

/* "Số: 181" with its symbol "/BC-SNV" on a later line, blank lines between
 * (two text boxes of a PDF): that line, or NULL. */
static const bc_line *symbol_below(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	size_t ov[16];
	if (!bc_pattern_match(BC_PAT_NUMBER, l->s + l->core, l->core_len, ov, 8) || ov[4] != (size_t)-1)
		return NULL;
	int has_number = ov[3] > ov[2];
	/* up to twelve lines on, past the header's other parts a PDF's text boxes
	 * put between (the motto, the slogan, the dateline's pieces: "Số:" /
	 * "CỘNG HÒA …" / "/GM-UBND"), never past the type line or the body's */
	for (size_t k = i + 1; k < L->n && k <= i + 12; k++) {
		const bc_line *m = &L->v[k];
		if (m->kind == BC_LK_BLANK || m->kind == BC_LK_MOTTO || m->kind == BC_LK_SLOGAN || m->kind == BC_LK_DATELINE)
			continue;
		if (m->kind != BC_LK_TEXT)
			return NULL;
		if (!bc_pattern_match(BC_PAT_NUMBER_REST, m->s + m->core, m->core_len, ov, 8)) {
			/* a dateline's piece ("Lâm Đồng, ngày", "tháng 9 năm 2025") or the motto's half */
			if (m->upper || date_piece(m))
				continue;
			return NULL;
		}
		/* one number: "Số: 181" then "/BC-SNV", or "Số:" then "181/BC-SNV" */
		return has_number && ov[3] > ov[2] ? NULL : m;
	}
	return NULL;
}

/* "Lâm Đồng, ngày" with "tháng 4 năm 2026" on a later line, blank lines
 * between: the gap a draft leaves for the day split the dateline into two
 * text boxes of a PDF (pdftotext).  That later line when the two read as one
 * dateline, else NULL. */
static const bc_line *date_below(parser *p, size_t i, const bc_line **more2)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	if (l->core_len < 6 || l->core_len > 80)
		return NULL;
	/* the line ends with "ngày", or "ngày" and the day */
	const char *s = l->s + l->core;
	size_t n = l->core_len, e = n;
	while (e > 0 && s[e - 1] >= '0' && s[e - 1] <= '9')
		e--;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e < 5 || memcmp(s + e - 5, "ngày", 5) != 0)
		return NULL;
	/* the pieces after it, past blank lines and what a PDF's text boxes put
	 * between (the symbol "/QĐ-UBND", the motto, the slogan): "tháng 9 năm
	 * 2025", or "tháng" then "năm 2026" */
	const bc_line *part[2] = { NULL, NULL };
	size_t np = 0, ov[20];
	for (size_t k = i + 1; k < L->n && k <= i + 8 && np < 2; k++) {
		const bc_line *m = &L->v[k];
		if (m->kind == BC_LK_BLANK || m->kind == BC_LK_MOTTO || m->kind == BC_LK_SLOGAN)
			continue;
		if (m->kind != BC_LK_TEXT)
			break;
		if (date_piece(m) && (np || memcmp(m->s + m->core, "tháng", 6) == 0)) {
			part[np++] = m;
			continue;
		}
		if (!np && bc_pattern_match(BC_PAT_NUMBER_REST, m->s + m->core, m->core_len, ov, 8))
			continue;
		break;
	}
	if (!np)
		return NULL;
	for (size_t take = np; take > 0; take--) {
		bc_buf b = BC_BUF_INIT;
		bc_buf_put(&b, s, n);
		for (size_t k = 0; k < take; k++) {
			bc_buf_putc(&b, ' ');
			bc_buf_put(&b, part[k]->s + part[k]->core, part[k]->core_len);
		}
		int ok = bc_pattern_match(BC_PAT_DATELINE, b.s, b.len, ov, 10);
		bc_buf_free(&b);
		if (ok) {
			*more2 = take == 2 ? part[1] : NULL;
			return part[0];
		}
	}
	return NULL;
}

/* "Hải Châu, ngày 15 tháng 10" / "năm 2025", "Trường Vinh, ngày 08 tháng 10
 * năm" / "2025": a dateline wrapped in the header's narrow right column
 * (Word, LibreOffice; a PDF's text keeps the break).  The line under line
 * i (a blank line or two between in a PDF's text), a short rest ("năm 2025", "2025", "tháng 10 năm 2025") with which line
 * i reads as one dateline, or NULL. */
static const bc_line *date_wrapped(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	size_t ov[20];
	/* a PDF's text may set a blank line between them (mutool's boxes) */
	size_t k = i + 1;
	while (p->pdf_text && k < L->n && k <= i + 2 && L->v[k].kind == BC_LK_BLANK)
		k++;
	if (k >= L->n || L->v[k].kind != BC_LK_TEXT || l->core_len > 80 || !bc_find(l->s + l->core, l->core_len, "ngày ", 6, 0))
		return NULL;
	const bc_line *m = &L->v[k];
	const char *t = m->s + m->core;
	size_t tn = m->core_len;
	if (!bc_is_year(t, tn) && !date_piece(m))
		return NULL;
	bc_buf b = BC_BUF_INIT;
	bc_buf_put(&b, l->s + l->core, l->core_len);
	bc_buf_putc(&b, ' ');
	bc_buf_put(&b, t, tn);
	int ok = bc_pattern_match(BC_PAT_DATELINE, b.s, b.len, ov, 10);
	bc_buf_free(&b);
	return ok ? m : NULL;
}

/* The motto broken over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM",
 * the right column squeezed by the left one in a flattened header): the
 * second line, or NULL. */
static const bc_line *motto_below(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	const bc_line *l = &L->v[i];
	if (i + 1 >= L->n || L->v[i + 1].kind != BC_LK_TEXT || !L->v[i + 1].upper)
		return NULL;
	const bc_line *m = &L->v[i + 1];
	bc_buf b = BC_BUF_INIT;
	bc_buf_put(&b, l->s + l->core, l->core_len);
	bc_buf_putc(&b, ' ');
	bc_buf_put(&b, m->s + m->core, m->core_len);
	size_t ov[16];
	int ok = bc_pattern_match(BC_PAT_MOTTO, b.s, b.len, ov, 8);
	bc_buf_free(&b);
	return ok ? m : NULL;
}

/* Where a line's text starts once spaces and "#" heading marks are skipped. */
static size_t md_start(const bc_line *l)
{
	size_t a = 0;
	while (a < l->len && (l->s[a] == ' ' || l->s[a] == '\t'))
		a++;
	size_t h = a;
	while (h < l->len && l->s[h] == '#')
		h++;
	if (h > a && h - a <= 6 && (h == l->len || l->s[h] == ' ')) {
		a = h;
		while (a < l->len && l->s[a] == ' ')
			a++;
	}
	return a;
}

/* Line l's text (its core) ends with `tail`. */
static int core_ends(const bc_line *l, const char *tail) { return bc_ends(l->s + l->core, l->core_len, tail); }

/* A mark that ends a sentence or a clause: no title's line ends so. */
static int stop_mark(uint32_t cp) { return cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?'; }

/* "Tăng cường công tác … ma túy" / blank / "và xây dựng xã, …": a title or V/v
 * line goes on after a blank line when the line under it starts in lower case
 * and the text so far ends in no stop.  Word converters (catdoc, docx2txt)
 * write every line break of a title as a paragraph; no body paragraph starts
 * in lower case. */
static int title_goes_on(const blk *t, const bc_line *above, const bc_line *next)
{
	if (next->kind != BC_LK_TEXT || !t->nseg)
		return 0;
	uint32_t first = bp_line_first_cp(next), last = bp_last_cp(t);
	if (stop_mark(last))
		return 0;
	/* a comma leaves the title open ("… Ủy viên Ban Thường vụ Tỉnh ủy," /
	 * blank / "Phó Chủ tịch UBND tỉnh …", pandoc's paragraph for each line);
	 * so does a paragraph set whole in bold as the title's last one was
	 * ("**Tổ chức sinh hoạt chuyên môn**" / blank / "**Cụm 2 năm học …**") */
	if (last == ',' || bc_cp_is_lower(first))
		return 1;
	return above->decorated && next->decorated && next->core_len && next->s[next->core + next->core_len - 1] != '.' &&
	       next->s[next->core + next->core_len - 1] != ':';
}

/* Line k, after a blank line under the title, is the title's last line set
 * as a paragraph of its own ("Tổ chức sinh hoạt chuyên môn môn Lịch sử" /
 * blank / "Cụm 2 năm học 2025 - 2026"): one short line opened by a capital,
 * ending in no stop, and the body starting right after it, as a body starts
 * (a label, "Căn cứ", "Thực hiện", "Theo", "Kính gửi"). */
static int title_last_line(const bc_lines *L, size_t k)
{
	const bc_line *l = &L->v[k];
	if (l->kind != BC_LK_TEXT || l->nchars > 70 || l->upper || (k + 1 < L->n && L->v[k + 1].kind != BC_LK_BLANK))
		return 0;
	uint32_t first = bp_line_first_cp(l), last = bp_line_last_cp(l);
	if (!bc_cp_is_upper(first) || last == '.' || last == ';' || last == ':' || last == ',' || last == '!' || last == '?')
		return 0;
	size_t j = k + 1;
	while (j < L->n && L->v[j].kind == BC_LK_BLANK)
		j++;
	if (j >= L->n)
		return 0;
	const bc_line *b = &L->v[j];
	if (b->kind == BC_LK_LABEL || b->kind == BC_LK_ADDRESSEE)
		return 1;
	static const char *const opens[] = { "Căn cứ", "Thực hiện", "Theo ", "Kính gửi" };
	for (size_t w = 0; w < sizeof opens / sizeof opens[0]; w++)
		if (bc_starts(b->s + b->core, b->core_len, opens[w]))
			return 1;
	return 0;
}

/* "7 Quy dinh va …", ">      xông nhân, …": a speck of a scan OCR read as a
 * mark or a figure before a title line's words (a title starts with a word; a
 * figure that starts one is followed by a word in lower case, "100 ngày").
 * How many bytes to skip: one mark, or one figure before a capital, and the
 * spaces after it; else 0. */
static size_t title_speck(const char *s, size_t n)
{
	if (n < 3 || !strchr(">|~`'_0123456789", s[0]) || !s[0] || s[1] != ' ')
		return 0;
	size_t g = 1;
	while (g < n && s[g] == ' ')
		g++;
	uint32_t cp = 0;
	if (g >= n || bc_utf8_decode(s + g, n - g, &cp) <= 0 || !bc_cp_is_letter(cp))
		return 0;
	return s[0] >= '0' && s[0] <= '9' && !bc_cp_is_upper(cp) ? 0 : g;
}

/* Lines first..last of a title as the text has them, specks and all, one
 * space between lines (the node's `read`). */
static bc_str read_lines(parser *p, size_t first, size_t last)
{
	bc_buf b = BC_BUF_INIT;
	for (size_t i = first; i <= last; i++) {
		const bc_line *l = &p->lines.v[i];
		if (l->kind == BC_LK_BLANK)
			continue;
		if (b.len)
			bc_buf_putc(&b, ' ');
		bc_buf_put(&b, l->s + l->core, l->core_len);
	}
	bc_str r = bp_dup(p, b.s ? b.s : "", b.len);
	bc_buf_free(&b);
	return r;
}

/* A block of lines joined into one LINE node (title, summary). */
/* A line at least `least` characters wide and a sixth wider than `widest`. */
static int wider(const bc_line *l, uint32_t widest, uint32_t least)
{
	return l->nchars >= least && 6 * (uint64_t)l->nchars >= 7 * (uint64_t)widest;
}

/* Lines i, i+1 and i+2 are text, each 60 characters at least and a twelfth
 * wider than `widest`: a justified paragraph's, wider than a title's. */
static int body_run(const bc_lines *L, size_t i, uint32_t widest)
{
	if (i + 2 >= L->n)
		return 0;
	for (size_t k = i; k < i + 3; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind != BC_LK_TEXT || l->nchars < 60 || 12 * (uint64_t)l->nchars < 13 * (uint64_t)widest)
			return 0;
	}
	return 1;
}

/* "Căn cứ …;" or "Xét …;": a basis of the document, which ends with ';', ',' or '.' (or runs on, wrapped). */
static int basis_line(const bc_line *l)
{
	size_t ov[4];
	if (l->kind != BC_LK_TEXT || !bc_pattern_match(BC_PAT_BASIS, l->s + l->core, l->core_len, ov, 2))
		return 0;
	/* "Thực hiện" opens a title as often as a basis: only the words a title never opens with */
	static const char *const opens[] = { "Căn cứ ", "Xét ", "Theo đề nghị " };
	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
		if (bc_starts(l->s + l->core, l->core_len, opens[k]))
			return 1;
	return 0;
}

/* A title's line that leads on into the next: ending in a comma or a dash,
 * or on a word that leads into what follows ("… của" / "Quốc hội về …"). */
static int leads_on(const bc_line *up)
{
	char last = up->core_len ? up->s[up->core + up->core_len - 1] : 0;
	if (last == ',' || last == '-')
		return 1;
	static const char *const leads[] = { " của", " và", " về", " các", " với", " cho", " tại", " trong", " theo",
	                                     " đối", " để", " những", " đến", " từ", " trên", " số", " ngày", " là" };
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++)
		if (core_ends(up, leads[k]))
			return 1;
	return 0;
}

/* A PDF's title of two lines or more whose last line (line i - 1) ended well
 * short of its widest (a wrap's last line: the title ended there), and line
 * i opening with a capital: the body's first paragraph, no blank line
 * between ("… năm 2026" / "và triển khai nhiệm vụ năm 2027" / "Thực hiện Kế
 * hoạch số …"). */
static int after_short_last(const bc_lines *L, size_t first, size_t i, uint32_t widest)
{
	const bc_line *l = &L->v[i], *up = &L->v[i - 1];
	return i >= first + 2 && widest >= 40 && l->kind == BC_LK_TEXT && 5 * (uint64_t)up->nchars < 3 * (uint64_t)widest &&
	       l->nchars >= 40 && bc_cp_is_upper(bp_line_first_cp(l)) && !leads_on(up);
}

static int sentence_under(const bc_lines *L, size_t i, uint32_t widest)
{
	if (i + 1 >= L->n)
		return 0;
	const bc_line *l = &L->v[i], *below = &L->v[i + 1];
	if (l->kind != BC_LK_TEXT || below->kind != BC_LK_TEXT || l->nchars < 60 || below->nchars < 70 ||
	    12 * (uint64_t)below->nchars < 13 * (uint64_t)widest || !bc_cp_is_upper(bp_line_first_cp(l)))
		return 0;
	/* the paragraph's first line is indented: the line under it is longer
	 * (a title's lines, balanced, are not) */
	if (16 * (uint64_t)below->nchars < 17 * (uint64_t)l->nchars)
		return 0;
	/* the title's line above leads on into no more of it: the text goes on
	 * as another ("… của" / "Quốc hội về …": the title goes on with a name) */
	return !leads_on(&L->v[i - 1]);
}

/* Line i of a title, read as a list item because a wrapped line starts with a
 * dash ("… tuyến cao tốc Tân Phú" / "– Bảo Lộc"): it goes on the title when
 * the line above ends in no stop.  A title has no list. */
static int title_dash(const parser *p, bc_role role, size_t i)
{
	const bc_lines *L = &p->lines;
	if (role != BC_ROLE_TITLE || i == 0 || L->v[i].kind != BC_LK_BULLET)
		return 0;
	size_t u = i - 1;
	/* a PDF's text with a blank line after every line (mutool's boxes) */
	if (p->pdf_text && u > 0 && L->v[u].kind == BC_LK_BLANK)
		u--;
	if (L->v[u].kind == BC_LK_BLANK)
		return 0;
	const bc_line *up = &L->v[u];
	char last = up->core_len ? up->s[up->core + up->core_len - 1] : 0;
	return last != '.' && last != ';' && last != ':' && last != ',';
}

/* Line k of a PDF's text, after a blank line under the title so far, is
 * the title's next line: the extractor wrote each line as a box of its own
 * (mutool), a blank line after every one.  The title so far ends in no
 * stop; line k is one line alone, no wider than the title's, ending in no
 * stop either, and neither a basis nor a công điện's opening. */
static int box_line(const parser *p, const blk *t, size_t k, uint32_t widest)
{
	const bc_lines *L = &p->lines;
	if (!p->pdf_text || k >= L->n || !t->nseg || !widest)
		return 0;
	const bc_line *l = &L->v[k];
	if ((l->kind != BC_LK_TEXT && !title_dash(p, BC_ROLE_TITLE, k)) || (k + 1 < L->n && L->v[k + 1].kind != BC_LK_BLANK))
		return 0;
	/* a title of two parts goes on after its ';' in small letters ("… 6
	 * tháng đầu năm;" / "phương hướng, nhiệm vụ …") */
	if ((stop_mark(bp_last_cp(t)) && !(bp_last_cp(t) == ';' && bc_cp_is_lower(bp_line_first_cp(l)))) ||
	    stop_mark(bp_line_last_cp(l)))
		return 0;
	if (6 * (uint64_t)l->nchars > 7 * (uint64_t)widest || basis_line(l) || core_ends(l, " điện:"))
		return 0;
	/* the body's first paragraph, its indented first line a box of its own:
	 * line k opens with a capital and the block under it, two lines or more,
	 * goes on the sentence and ends it ("Thực hiện Hướng dẫn số … của Ban Tổ
	 * chức" / "Thành ủy về … báo cáo kết quả như sau:") */
	size_t b = k + 1;
	while (b < L->n && L->v[b].kind == BC_LK_BLANK)
		b++;
	if (bc_cp_is_upper(bp_line_first_cp(l)) && b + 1 < L->n && L->v[b].kind == BC_LK_TEXT && L->v[b + 1].kind == BC_LK_TEXT) {
		size_t e = b + 1;
		while (e + 1 < L->n && L->v[e + 1].kind == BC_LK_TEXT)
			e++;
		uint32_t last = bp_line_last_cp(&L->v[e]);
		if (last == ':' || last == '.' || last == ';')
			return 0;
	}
	return 1;
}

/*
 * The body's first paragraph right under the title, no blank line between,
 * ending its block with ':' or '.' ("… ban hành Kế hoạch … như sau:"): a
 * title ends in no such mark, so the paragraph starts inside the block, at
 * the last line opening with a capital whose line above ends in no comma or
 * dash (a name opening a wrapped line goes on a sentence).  Returns that
 * line, or L->n when the block from line i does not end so.
 */
static size_t lead_in_under(const bc_lines *L, size_t i)
{
	size_t e = i;
	while (e + 1 < L->n && L->v[e + 1].kind == BC_LK_TEXT)
		e++;
	if (e == i || L->v[e].kind != BC_LK_TEXT)
		return L->n;
	uint32_t last = bp_line_last_cp(&L->v[e]);
	if (last != ':' && last != '.')
		return L->n;
	for (size_t k = e; k > i; k--) {
		uint32_t first = bp_line_first_cp(&L->v[k]);
		if (!bc_cp_is_upper(first))
			continue;
		/* a name opening a wrapped line ("… thành phố," / "Ủy ban nhân dân xã
		 * ban hành …"): the sentence goes on; its start is further up */
		const bc_line *up = &L->v[k - 1];
		char end = up->core_len ? up->s[up->core + up->core_len - 1] : 0;
		if (end != ',' && end != '-')
			return k;
	}
	return L->n;
}

/* Line i, in capitals under a decision's title in capitals, no blank line
 * between (pdftotext -raw, a copy from a web page), opens the issuing
 * authority rather than the title: it or the capitals line under it stands
 * right above the first basis ("Căn cứ …") and ends with the issuing body's
 * name as the header prints it, and it starts with that body's first line
 * or an office ("ỦY BAN NHÂN DÂN TỈNH KON TUM" under "TỈNH KON TUM",
 * "CHỦ TỊCH ỦY BAN NHÂN DÂN" / "XÃ AN THẮNG", "BỘ TRƯỞNG BỘ NỘI VỤ").  A
 * title's line ending with the name ("… CỦA ỦY BAN NHÂN DÂN TỈNH KON TUM")
 * opens with neither, and one opening so goes on from a line ending in
 * "CỦA", "VÀ" … */
static int opens_authority(const parser *p, size_t i)
{
	static const char *const offices[] = {
		"CHỦ TỊCH ", "BỘ TRƯỞNG ", "THỦ TƯỚNG ", "GIÁM ĐỐC ", "TỔNG GIÁM ĐỐC ", "HIỆU TRƯỞNG ", "CỤC TRƯỞNG ",
		"TỔNG CỤC TRƯỞNG ", "CHI CỤC TRƯỞNG ", "VỤ TRƯỞNG ", "VIỆN TRƯỞNG ", "CHÁNH ", "TRƯỞNG BAN ", "THỦ TRƯỞNG ",
		"CHỦ NHIỆM ", "THỐNG ĐỐC ", "TỔNG KIỂM TOÁN ", "BAN THƯỜNG VỤ ", "BAN CHẤP HÀNH ", "THƯỜNG TRỰC ",
	};
	/* a title's line ending so goes on with the name ("… LÀM VIỆC CỦA" / "ỦY BAN NHÂN DÂN TỈNH …") */
	static const char *const open_ends[] = { " CỦA", " VÀ", " THUỘC", " TẠI", " VỀ", " CHO", " VỚI", " TRÊN" };
	const bc_lines *L = &p->lines;
	const bc_node *first = p->doc->idx.issuer_first, *last = p->doc->idx.issuer_last;
	if (!first || !last || last->as.line->at_end || !i)
		return 0;
	const bc_line *up = &L->v[i - 1];
	for (size_t m = 0; m < sizeof open_ends / sizeof *open_ends; m++)
		if (bc_ends(up->s + up->core, up->core_len, open_ends[m]))
			return 0;
	size_t j = i;
	if (j + 1 < L->n && L->v[j + 1].kind == BC_LK_TEXT && L->v[j + 1].upper && !basis_line(&L->v[j + 1]))
		j++;
	size_t k = j + 1;
	while (k < L->n && L->v[k].kind == BC_LK_BLANK)
		k++;
	if (k >= L->n || !basis_line(&L->v[k]))
		return 0;
	bc_buf a = BC_BUF_INIT, b = BC_BUF_INIT;
	bc_node_plain_text(last, &b);
	const bc_line *e = &L->v[j], *o = &L->v[i];
	int named = b.len && bc_ends(e->s + e->core, e->core_len, b.s);
	int opens = 0;
	if (named) {
		bc_node_plain_text(first, &a);
		opens = a.len && bc_starts(o->s + o->core, o->core_len, a.s);
		for (size_t m = 0; !opens && m < sizeof offices / sizeof *offices; m++)
			opens = bc_starts(o->s + o->core, o->core_len, offices[m]);
	}
	bc_buf_free(&a);
	bc_buf_free(&b);
	return named && opens;
}

static size_t header_block(parser *p, bc_role role, size_t i)
{
	bc_lines *L = &p->lines;
	blk tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.first = i;
	uint32_t widest = 0;   /* the title's widest line so far */
	int speck = 0;         /* a line's speck left out: the title keeps its lines as read */
	size_t stop = role == BC_ROLE_TITLE ? lead_in_under(L, i) : L->n;
	while (i < L->n && i < stop && L->v[i].kind != BC_LK_BLANK &&
	       (i == tmp.first || L->v[i].kind == BC_LK_TEXT || title_dash(p, role, i))) {
		/* a decision's issuing authority in capitals right under its title */
		if (role == BC_ROLE_TITLE && i > tmp.first && L->v[i].upper && !L->v[tmp.first].upper &&
		    bp_is_decision(p->doc))
			break;
		if (role == BC_ROLE_TITLE && i > tmp.first && L->v[i].upper && L->v[tmp.first].upper &&
		    bp_is_decision(p->doc) && opens_authority(p, i))
			break;
		/* a PDF's text: the body's first paragraph right under the title,
		 * its lines wider than the title's (the title is set centred in a
		 * narrower measure): its first line (indented, so a little short)
		 * and the next, full or ending the paragraph's sentence, or a first
		 * line ending the block */
		if (role == BC_ROLE_TITLE && p->pdf_text && i > tmp.first && wider(&L->v[i], widest, 50) &&
		    (i + 1 >= L->n || L->v[i + 1].kind == BC_LK_BLANK || wider(&L->v[i + 1], widest, 60) ||
		     (L->v[i + 1].kind == BC_LK_TEXT && stop_mark(bp_line_last_cp(&L->v[i + 1])))))
			break;
		/* the same when the title was set in the body's full measure, in
		 * bold (fewer letters a line): after two lines of title, three
		 * lines of text each a little wider than any of the title's */
		if (role == BC_ROLE_TITLE && p->pdf_text && i >= tmp.first + 2 && body_run(L, i, widest))
			break;
		/* or a paragraph starting under a title of any length: a line
		 * that starts a sentence, indented, and under it a line of the
		 * body's full measure (70 characters at least, a twelfth wider
		 * than the title's lines), whatever follows ("Căn cứ …" over two
		 * lines) */
		if (role == BC_ROLE_TITLE && p->pdf_text && i > tmp.first && sentence_under(L, i, widest))
			break;
		if (role == BC_ROLE_TITLE && p->pdf_text && tmp.last + 1 == i && after_short_last(L, tmp.first, i, widest))
			break;
		/* a công điện's opening under its title ("VĂN PHÒNG CHÍNH PHỦ
		 * điện:", Nghị định 30, Phụ lục III): the sender, then the addressees */
		if (role == BC_ROLE_TITLE && i > tmp.first && core_ends(&L->v[i], " điện:"))
			break;
		/* the body's lead-in right under the title, announcing what follows
		 * ("Ủy ban nhân dân xã An Thắng trân trọng kính mời:"): no title's
		 * line after its first opens with a capital and ends so */
		if (role == BC_ROLE_TITLE && i > tmp.first && bc_cp_is_upper(bp_line_first_cp(&L->v[i])) &&
		    bp_line_last_cp(&L->v[i]) == ':')
			break;
		/* a legal document's basis right under its title ("Căn cứ Luật …;"):
		 * the preamble, which no title's line is */
		if (role == BC_ROLE_TITLE && i > tmp.first && basis_line(&L->v[i]))
			break;
		/* a report's first part right under its title ("Phần thứ nhất",
		 * a PDF's text with no blank line between, §6.4a) */
		if (role == BC_ROLE_TITLE && i > tmp.first && bc_line_is_part(L, i))
			break;
		if (L->v[i].nchars > widest)
			widest = L->v[i].nchars;
		/* the whole line, so that "**" opened on the first line and closed on the last is kept */
		size_t from = md_start(&L->v[i]);
		size_t skip = role == BC_ROLE_TITLE ? title_speck(L->v[i].s + from, L->v[i].len - from) : 0;
		speck |= skip != 0;
		from += skip;
		bp_add_line_text(&tmp, &L->v[i], from, 1);
		tmp.last = i;
		i++;
		if (i + 1 < L->n && L->v[i].kind == BC_LK_BLANK &&
		    (title_goes_on(&tmp, &L->v[tmp.last], &L->v[i + 1]) || (role == BC_ROLE_TITLE && title_last_line(L, i + 1)) ||
		     (role == BC_ROLE_TITLE && box_line(p, &tmp, i + 1, widest))))
			i++;
	}
	bp_fix_breaks(&tmp);
	if (speck)
		tmp.read = read_lines(p, tmp.first, tmp.last);
	bc_node *n = bp_line_node(p, role, &tmp);
	bc_node_append(p->doc->meta, n);
	index_part(p, role, n);
	free(tmp.segs);
	return i;
}

/* The block from line i is followed, past blank lines, by the motto, the
 * slogan, the dateline or the Kính gửi: the header goes on under it
 * (mutool's boxes, a blank line after each: "Số 27-CV/ĐU" / blank / the
 * summary / blank / "ĐẢNG CỘNG SẢN VIỆT NAM"; pdftotext's default mode,
 * the summary's lines under the dateline, set lower than the right
 * column's: … / "An Thắng, ngày 23 tháng 11 năm 2026" / blank / the
 * summary / blank / "Kính gửi:"). */
static int header_under(const bc_lines *L, size_t i)
{
	size_t k = i;
	while (k < L->n && L->v[k].kind != BC_LK_BLANK)
		k++;
	while (k < L->n && L->v[k].kind == BC_LK_BLANK)
		k++;
	return k < L->n && (L->v[k].kind == BC_LK_MOTTO || L->v[k].kind == BC_LK_SLOGAN || L->v[k].kind == BC_LK_DATELINE ||
	                    L->v[k].kind == BC_LK_ADDRESSEE);
}

/* Is `num` a Party công văn's number line ("CV/…" after the number) ending on source line `no`? */
static int party_dispatch(const bc_lines *L, const bc_node *num, size_t i)
{
	if (!num || i == 0)
		return 0;
	bc_str y = num->as.line->symbol;
	if (!(y.len > 3 && y.s && !memcmp(y.s, "CV/", 3)))
		return 0;
	/* right under the number line, or under it but for the right column's
	 * lines a PDF's restored columns put between (the motto, the dateline) */
	uint32_t at = num->end_line ? num->end_line : num->pos.line;
	for (size_t k = i; k-- > 0;) {
		const bc_line *l = &L->v[k];
		if (l->no == at)
			return 1;
		if (l->kind != BC_LK_BLANK && l->kind != BC_LK_MOTTO && l->kind != BC_LK_SLOGAN && l->kind != BC_LK_DATELINE &&
		    l->kind != BC_LK_RULE)
			return 0;
		if (l->kind == BC_LK_BLANK && k + 1 == i && !header_under(L, i))
			return 0;   /* a blank line right over it: the body's first paragraph */
	}
	return 0;
}

static int match_core(bc_pattern_id id, const bc_line *l)
{
	size_t ov[16];
	return bc_pattern_match(id, l->s + l->core, l->core_len, ov, 8);
}

/* The folded words of a consolidated text's authentication ("xác thực văn
 * bản hợp nhất", Pháp lệnh hợp nhất văn bản quy phạm pháp luật, Điều 6): where
 * in l's core they start, or -1. */
static long authentication_at(const bc_line *l)
{
	if (l->base != BC_LK_TEXT || !l->upper)
		return -1;
	bc_buf f = BC_BUF_INIT;
	long at = -1;
	const char *s = l->s + l->core;
	/* from each word's start: the fold of the rest begins with the words */
	for (size_t i = 0; i < l->core_len && at < 0; i++) {
		if ((i && s[i - 1] != ' ') || s[i] == ' ')
			continue;
		bc_buf_clear(&f);
		bc_fold_words(s + i, l->core_len - i, &f);
		if (f.len >= 25 && (!memcmp(f.s, "xac thuc van ban hop nhat", 25)))
			at = (long)i;
	}
	bc_buf_free(&f);
	return at;
}

int bp_is_authentication(const bc_line *l) { return authentication_at(l) >= 0; }

/* Line i may stand in an authentication block before its words: the
 * consolidating body's name in capitals, or the number line. */
static int before_words(const parser *p, const bc_line *l)
{
	if (l->kind == BC_LK_NUMBER)
		return !p->doc->idx.number;   /* a second number is text, as a repeated part is */
	return l->kind == BC_LK_TEXT && l->upper && !bp_is_authentication(l);
}

size_t bp_authentication_below(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	if (!before_words(p, &L->v[i]))
		return 0;
	/* a PDF's text reads the block's left column first: "BỘ QUỐC PHÒNG",
	 * "Số: 46/VBHN-BQP", then "XÁC THỰC …" (a few lines, blank ones between) */
	for (size_t k = i + 1, seen = 0; k < L->n && seen < 4; k++) {
		const bc_line *l = &L->v[k];
		if (l->kind == BC_LK_BLANK)
			continue;
		seen++;
		if (l->upper && l->kind == BC_LK_TEXT && bp_is_authentication(l))
			return k;
		if (!before_words(p, l))
			return 0;
	}
	return 0;
}

size_t bp_authentication_blocks(parser *p, size_t i, size_t words)
{
	bc_lines *L = &p->lines;
	blk tmp;
	if (words > i) {
		/* its body's name and number read before the words */
		p->at_end = 1;
		for (; i < words; i++) {
			const bc_line *b = &L->v[i];   /* standing before the words: before_words said so */
			if (b->kind == BC_LK_NUMBER)
				header_line_of(p, BC_ROLE_NUMBER, b, NULL, 0, &tmp);
			else if (b->kind != BC_LK_BLANK)
				header_line_of(p, BC_ROLE_ISSUER, b, NULL, 0, &tmp);
		}
	}
	bc_line *l = &L->v[i];
	size_t at = (size_t)authentication_at(l), core = l->core, len = l->core_len;
	p->at_end = 1;
	/* "BỘ QUỐC PHÒNG       XÁC THỰC VĂN BẢN HỢP NHẤT": the consolidating body
	 * beside the words, an issuer line of the block even when the top names
	 * one (bc_issuer_line says which names the document) */
	size_t e = at;
	while (e > 0 && l->s[core + e - 1] == ' ')
		e--;
	if (e) {
		l->core_len = e;
		header_line_of(p, BC_ROLE_ISSUER, l, NULL, 0, &tmp);
	}
	l->core = core + at;
	l->core_len = len - at;
	header_line_of(p, BC_ROLE_AUTHENTICATION, l, NULL, 0, &tmp);
	l->core = core;
	l->core_len = len;
	bp_new_blk(p, B_AUTHENTICATION, i);
	/* the lines under it: the issuer, the number and the dateline, in any order */
	for (i++; i < L->n; i++) {
		l = &L->v[i];
		if (l->kind == BC_LK_BLANK)
			continue;
		if (l->kind == BC_LK_NUMBER && !p->doc->idx.number)
			header_line_of(p, BC_ROLE_NUMBER, l, NULL, 0, &tmp);
		else if (l->base == BC_LK_DATELINE && !p->doc->idx.dateline)
			header_line_of(p, BC_ROLE_DATELINE, l, NULL, 0, &tmp);
		else if (l->base == BC_LK_TEXT && !p->doc->idx.dateline && match_core(BC_PAT_DATELINE, l))
			header_line_of(p, BC_ROLE_DATELINE, l, NULL, 0, &tmp);
		else if (l->base == BC_LK_TEXT && !p->doc->idx.dateline && match_core(BC_PAT_DATELINE_LIKE, l))
			header_line_of(p, BC_ROLE_DATELINE, l, NULL, 1, &tmp);
		else if (l->base == BC_LK_TEXT && l->upper && !p->doc->idx.issuer_first && !p->doc->idx.number)
			header_line_of(p, BC_ROLE_ISSUER, l, NULL, 0, &tmp);
		else
			break;
	}
	p->at_end = 0;
	return i;
}

/* A line of dots alone ("……………", "........"): a blank left to fill in. */
static int blank_fill(const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len, dots = 0;
	for (size_t k = 0; k < n;) {
		if (s[k] == '.' || s[k] == ' ') {
			dots += s[k] == '.';
			k++;
		} else if (n - k >= 3 && !memcmp(s + k, "\xe2\x80\xa6", 3)) {   /* … */
			dots += 3;
			k += 3;
		} else {
			return 0;
		}
	}
	return dots >= 3;
}

/* Whether the first line from i that is not blank is a part of a header. */
static int header_follows(const bc_lines *L, size_t i)
{
	/* the rule or the Party's star under the issuer's place */
	while (i < L->n && (L->v[i].kind == BC_LK_BLANK || L->v[i].kind == BC_LK_RULE))
		i++;
	if (i >= L->n)
		return 0;
	bc_line_kind k = L->v[i].kind;
	if (k == BC_LK_TEXT)
		return L->v[i].upper || match_core(BC_PAT_NUMBER_LIKE, &L->v[i]) || match_core(BC_PAT_DATELINE_LIKE, &L->v[i]);
	return k == BC_LK_MOTTO || k == BC_LK_SLOGAN || k == BC_LK_NUMBER || k == BC_LK_DATELINE || k == BC_LK_DOCTYPE ||
	       k == BC_LK_URGENCY || k == BC_LK_DRAFT;
}

/* The header block of the plain form from line i, up to the first line that
 * belongs to the body (a second type line, a label, a paragraph); returns it. */
size_t bp_parse_header(parser *p, size_t i)
{
	bc_lines *L = &p->lines;
	int seen_type = 0, seen_title = 0;
	blk tmp;
	/* later lines a header part took (the symbol under "Số:" past the motto,
	 * a dateline's pieces): passed over when the loop comes to them */
	size_t taken[3] = { (size_t)-1, (size_t)-1, (size_t)-1 };
	while (i < L->n) {
		const bc_line *l = &L->v[i];
		if (l->kind == BC_LK_BLANK || i == taken[0] || i == taken[1] || i == taken[2]) {
			i++;
			continue;
		}
		switch (l->kind) {
		case BC_LK_NUMBER: {
			const bc_line *more = symbol_below(p, i);
			header_line_of(p, BC_ROLE_NUMBER, l, more, 0, &tmp);
			if (more)
				taken[0] = (size_t)(more - L->v);
			i++;
			continue;
		}
		case BC_LK_DRAFT: header_line(p, BC_ROLE_DRAFT, l, &tmp); i++; continue;
		case BC_LK_URGENCY: header_line(p, BC_ROLE_URGENCY, l, &tmp); i++; continue;
		case BC_LK_MOTTO: header_line(p, BC_ROLE_MOTTO, l, &tmp); i++; continue;
		case BC_LK_SLOGAN: header_line(p, BC_ROLE_SLOGAN, l, &tmp); i++; continue;
		case BC_LK_DATELINE: header_line(p, BC_ROLE_DATELINE, l, &tmp); i++; continue;
		case BC_LK_SUMMARY: i = header_block(p, BC_ROLE_SUMMARY, i); continue;
		case BC_LK_RULE:
			/* the short rules under the issuer and the slogan of the paper layout */
			i++;
			continue;
		case BC_LK_DOCTYPE:
			if (seen_type) {
				/* a second type line with its title under it is a second
				 * title: the body starts there as before (the first title
				 * stands), and the checker says so */
				size_t k = i + 1;
				while (k < L->n && L->v[k].kind == BC_LK_BLANK)
					k++;
				if (seen_title && k < L->n && L->v[k].kind == BC_LK_TEXT)
					bc_diag_add(p->diags, BC_W_HEADER_REPEATED, (bc_pos){ l->no, 1 }, "%s",
					            bc_role_name(BC_ROLE_TITLE));
				return i;
			}
			header_line(p, BC_ROLE_DOCTYPE, l, &tmp);
			seen_type = 1;
			i++;
			continue;
		case BC_LK_ADDRESSEE:
			header_line(p, BC_ROLE_ADDRESSEE, l, &tmp);
			i = addressee_items(p, i + 1, bp_line_last_cp(l) == ':', &tmp);
			continue;
		case BC_LK_TEXT:
			/* before the type line, a dateline without the comma after its
			 * place (the lexer leaves it text: in the body it is not one) */
			if (!seen_type && !seen_title && !p->doc->idx.dateline && match_core(BC_PAT_DATELINE, l)) {
				header_line(p, BC_ROLE_DATELINE, l, &tmp);
				i++;
				continue;
			}
			/* before the type line, a line that starts as the number line
			 * does ("Số:", "Số1…") or reads as a place and date but whose
			 * parts are not readable (OCR, a slip): the role, unread, so
			 * that the header goes on and the checker points at the line */
			if (!seen_type && !seen_title && !p->doc->idx.dateline) {
				const bc_line *wrapped = date_wrapped(p, i);
				if (wrapped) {
					header_line_of(p, BC_ROLE_DATELINE, l, wrapped, 0, &tmp);
					i = (size_t)(wrapped - L->v) + 1;
					continue;
				}
				const bc_line *more2 = NULL, *more = date_below(p, i, &more2);
				if (more) {
					header_line_of2(p, BC_ROLE_DATELINE, l, more, more2, 0, &tmp);
					taken[1] = (size_t)(more - L->v);
					if (more2)
						taken[2] = (size_t)(more2 - L->v);
					i++;
					continue;
				}
			}
			if (!seen_type && !seen_title && !p->doc->idx.number && match_core(BC_PAT_NUMBER_LIKE, l)) {
				header_line_of(p, BC_ROLE_NUMBER, l, NULL, 1, &tmp);
				i++;
				continue;
			}
			if (!seen_type && !seen_title && !p->doc->idx.dateline && match_core(BC_PAT_DATELINE_LIKE, l)) {
				header_line_of(p, BC_ROLE_DATELINE, l, NULL, 1, &tmp);
				i++;
				continue;
			}
			/* "………………" where the issuer stands: the blank a form or a draft
			 * leaves for a part not filled in (the compiler prints one for a
			 * header without an issuer); the header goes on under it */
			if (!seen_type && !seen_title && blank_fill(l) && header_follows(L, i + 1)) {
				i++;
				continue;
			}
			if (!seen_type && !seen_title && l->upper && motto_below(p, i)) {
				header_line_of(p, BC_ROLE_MOTTO, l, &L->v[i + 1], 0, &tmp);
				i += 2;
				continue;
			}
			if (!seen_type && !seen_title && l->upper) {
				header_line(p, BC_ROLE_ISSUER, l, &tmp);
				i++;
				continue;
			}
			/* the body's lead-in right under the type line ("Ủy ban nhân dân xã
			 * An Thắng trân trọng giới thiệu:"): a giấy giới thiệu, a giấy mời
			 * has no title (Phụ lục III, Mẫu 1.7, 1.8), and no title's first
			 * line is a sentence ending with ':' */
			if (seen_type && !seen_title && !l->upper && l->nchars >= 20 &&
			    bc_cp_is_upper(bp_line_first_cp(l)) && bp_line_last_cp(l) == ':')
				return i;
			if (seen_type && !seen_title) {
				i = header_block(p, BC_ROLE_TITLE, i);
				seen_title = 1;
				continue;
			}
			/* a công điện's "VĂN PHÒNG CHÍNH PHỦ điện:" over the bodies it is
			 * sent to (Nghị định 30, Phụ lục III, Mẫu 1.6, ô 6 and 7): its
			 * Kính gửi, the line the list's label */
			if (seen_type && cable_lead(l) && i + 1 < L->n) {
				header_line(p, BC_ROLE_ADDRESSEE, l, &tmp);
				bc_node *lead = p->doc->meta->last;
				bc_buf t = BC_BUF_INIT;
				bp_plain(lead, &t);
				lead->as.line->label = bp_dup(p, bc_buf_cstr(&t), t.len);
				bc_buf_free(&t);
				i = addressee_items(p, i + 1, 1, &tmp);
				continue;
			}
			/* a Party công văn ("Số 268-CV/VPTU") writes its summary under the number
			 * without "V/v" (Hướng dẫn 36-HD/VPTW, II.1.5.2, ô 5b): the line under it
			 * in the input (a PDF's columns restored put the motto's between) */
			if (!seen_type && !p->doc->idx.summary && party_dispatch(L, p->doc->idx.number, i)) {
				i = header_block(p, BC_ROLE_SUMMARY, i);
				continue;
			}
			return i;
		default:
			return i;
		}
	}
	return i;
}
