/* attached.c — a text issued with a decision and sent after its signature, with a header of its own, read as an appendix. */
#include "parse_int.h"

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

/* A one-line block of the closing that can be part of an attached text's heading. */
static int heading_line(const parser *p, const blk *b)
{
	if (b->dead || b->first != b->last || (b->kind != B_PARA && b->kind != B_AUTHORITY && b->kind != B_POSITION))
		return 0;
	const bc_line *l = &p->lines.v[b->first];
	return l->upper || l->base == BC_LK_MOTTO || l->base == BC_LK_SLOGAN;
}

static void mark_attached(parser *p, size_t from, size_t attach)
{
	/* the repeated header ends with the slogan, or the motto when there is none */
	size_t head_end = from;   /* one past the header's last block */
	for (size_t k = from; k < attach; k++) {
		bc_line_kind base = p->lines.v[p->b[k].first].base;
		if (base == BC_LK_MOTTO || base == BC_LK_SLOGAN)
			head_end = k + 1;
	}
	if (head_end >= attach)
		return;   /* a header and no type line under it */
	for (size_t k = from; k < head_end; k++) {
		blk *b = &p->b[k];
		bc_line_kind base = p->lines.v[b->first].base;
		b->kind = B_APPX_HEAD;
		b->role = base == BC_LK_MOTTO ? BC_ROLE_MOTTO : base == BC_LK_SLOGAN ? BC_ROLE_SLOGAN : BC_ROLE_ISSUER;
	}
	p->b[head_end].kind = B_APPX;
	for (size_t k = head_end + 1; k < attach; k++)
		p->b[k].kind = B_APPX_TITLE;
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
