/* attached.c — a text issued with a decision and sent after its signature, with a header of its own, read as an appendix; an appendix's page headed by the issuer's name again. */
#include "parse_int.h"
#include "../util/utf8.h"

#include <string.h>

/*
 * A decision that issues a charter, a regulation or a plan ("ban hành kèm
 * theo Quyết định này") is followed, after its signature, by that text:
 *
 *     ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *     TỈNH BÌNH THUẬN              Độc lập - Tự do - Hạnh phúc
 *     ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)
 *     QUỸ KHUYẾN HỌC TỈNH BÌNH THUẬN
 *     (Kèm theo Quyết định số 779/QĐ-UBND ngày 23/3/2022 …)
 *
 * No "PHỤ LỤC" line opens it: what says it is an attached text is the
 * attach line, after the signature, under lines in capitals (its type and
 * title), with the issuer's name and the motto repeated above them or not.
 * Those blocks, read as the closing's paragraphs so far, become the
 * appendix's header lines (issuer, motto, slogan), its label line (the type
 * line) and its title lines; the attach line stays what it is.  Anything
 * else between the signature and the attach line leaves the text as it was:
 * a guess here would move the closing's own words.
 */

/* A one-line block of the closing that can be part of an attached text's
 * heading: in capitals, the motto, the slogan, or a rule under the issuer's
 * name or the slogan (the decree's form draws them). */
static int heading_line(const parser *p, const blk *b)
{
	if (!b->dead && b->kind == B_RULE)
		return 1;
	if (b->dead || (b->kind != B_PARA && b->kind != B_AUTHORITY && b->kind != B_POSITION))
		return 0;
	const bc_line *l = &p->lines.v[b->first];
	if (b->first == b->last)
		return l->upper || l->base == BC_LK_MOTTO || l->base == BC_LK_SLOGAN;
	/* a title in capitals wrapped over two or three lines, the last maybe a
	 * year alone ("… SỬA CHỮA NHÀ Ở NĂM" / "2026") */
	if (b->last - b->first > 2 || !l->upper)
		return 0;
	for (size_t i = b->first + 1; i <= b->last; i++) {
		const bc_line *m = &p->lines.v[i];
		for (size_t k = m->core; k < m->core + m->core_len;) {
			uint32_t cp = 0;
			int n = bc_utf8_decode(m->s + k, m->core + m->core_len - k, &cp);
			if (n <= 0 || bc_cp_is_lower(cp))
				return 0;
			k += (size_t)n;
		}
	}
	return 1;
}

/* A line of the attached text's title in small letters, right above its
 * attach line ("Làm việc của Ban Chỉ đạo", the trích yếu as the form writes
 * it under the type in capitals). */
static int title_line(const parser *p, const blk *b)
{
	if (b->dead || b->first != b->last || b->kind != B_PARA)
		return 0;
	const bc_line *l = &p->lines.v[b->first];
	return !l->upper && l->base == BC_LK_TEXT && l->nchars <= 120 && bc_cp_is_upper(bp_line_first_cp(l));
}

static void mark_attached(parser *p, size_t from, size_t attach)
{
	/* the repeated header ends with the slogan, or the motto when there is none */
	size_t head_end = from;   /* one past the header's last block */
	for (size_t k = from; k < attach; k++) {
		bc_line_kind base = p->b[k].kind == B_RULE ? BC_LK_RULE : p->lines.v[p->b[k].first].base;
		if (base == BC_LK_MOTTO || base == BC_LK_SLOGAN)
			head_end = k + 1;
	}
	/* the rules under the slogan: the header's drawing, as at the top */
	size_t type = head_end;
	while (type < attach && p->b[type].kind == B_RULE)
		type++;
	/* a header and no type line in capitals under it */
	if (type >= attach || p->b[type].kind == B_RULE || !p->lines.v[p->b[type].first].upper)
		return;
	for (size_t k = from; k < type; k++) {
		blk *b = &p->b[k];
		if (b->kind == B_RULE) {
			b->dead = 1;   /* a rule of the header, which the model keeps nowhere */
			continue;
		}
		bc_line_kind base = p->lines.v[b->first].base;
		b->kind = B_APPX_HEAD;
		b->role = base == BC_LK_MOTTO ? BC_ROLE_MOTTO : base == BC_LK_SLOGAN ? BC_ROLE_SLOGAN : BC_ROLE_ISSUER;
	}
	p->b[type].kind = B_APPX;
	for (size_t k = type + 1; k < attach; k++) {
		if (p->b[k].kind == B_RULE)
			p->b[k].dead = 1;   /* the rule under the title */
		else
			p->b[k].kind = B_APPX_TITLE;
	}
}

void bp_find_attached(parser *p)
{
	int signed_ = 0;
	for (size_t k = 0; k < p->nb; k++) {
		blk *b = &p->b[k];
		if (b->kind == B_SIGNER)
			signed_ = 1;
		else if (b->kind == B_APPX)
			signed_ = 0;   /* appendices of the usual kind follow: their own rules */
		if (b->kind != B_ATTACH || !signed_)
			continue;
		size_t from = k;
		while (from > 0 && k - from < 3 && title_line(p, &p->b[from - 1]))
			from--;
		while (from > 0 && heading_line(p, &p->b[from - 1]))
			from--;
		/* right after the signature, or after the Nơi nhận that a PDF's
		 * text writes under it (mutool, pdftotext -raw) */
		if (from == k || from == 0 || (p->b[from - 1].kind != B_SIGNER && p->b[from - 1].kind != B_RECIP_ITEM))
			continue;
		mark_attached(p, from, k);
		signed_ = 0;
	}
}

/*
 * An appendix's page often repeats the issuer's name over its "PHỤ LỤC"
 * line, as the header of the document's first page does ("BỘ GIÁO DỤC VÀ
 * ĐÀO TẠO" / "PHỤ LỤC 1"); read so far, it is a paragraph of the closing or
 * of the appendix before.  A line right above the appendix's label line
 * that is one of the header's issuer lines, word for word (with the other
 * issuer lines above it in the header's order, and the motto and slogan
 * beside them or not), is the appendix's own header line.  Nothing else is
 * taken: a line in capitals over "PHỤ LỤC" may be a heading of the text
 * before.
 */

/* The header's issuer line (not the end's) whose text is line l's, or NULL. */
static const bc_node *issuer_named(parser *p, const bc_line *l)
{
	const char *s = l->s + l->core;
	size_t n = l->core_len;
	for (const bc_node *c = p->doc->meta ? p->doc->meta->first : NULL; c; c = c->next) {
		if (c->type != BC_NODE_LINE || c->as.line->role != BC_ROLE_ISSUER || c->as.line->at_end)
			continue;
		bc_buf t = BC_BUF_INIT;
		bp_plain(c, &t);
		int same = t.len == n && n && memcmp(t.s, s, n) == 0;
		bc_buf_free(&t);
		if (same)
			return c;
	}
	return NULL;
}

void bp_find_appendix_heads(parser *p)
{
	for (size_t k = 1; k < p->nb; k++) {
		if (p->b[k].kind != B_APPX || p->b[k - 1].kind == B_APPX_HEAD)
			continue;
		/* the one-line blocks above it: motto and slogan, issuer lines of the header's */
		size_t from = k, issuers = 0;
		while (from > 0) {
			blk *b = &p->b[from - 1];
			if (b->dead || b->first != b->last || (b->kind != B_PARA && b->kind != B_AUTHORITY && b->kind != B_POSITION))
				break;
			const bc_line *l = &p->lines.v[b->first];
			if (l->base != BC_LK_MOTTO && l->base != BC_LK_SLOGAN) {
				if (!issuer_named(p, l))
					break;
				issuers++;
			}
			from--;
		}
		if (!issuers)
			continue;
		for (size_t h = from; h < k; h++) {
			blk *b = &p->b[h];
			bc_line_kind base = p->lines.v[b->first].base;
			b->kind = B_APPX_HEAD;
			b->role = base == BC_LK_MOTTO ? BC_ROLE_MOTTO : base == BC_LK_SLOGAN ? BC_ROLE_SLOGAN : BC_ROLE_ISSUER;
		}
	}
}
