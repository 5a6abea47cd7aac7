/* enacting.c — a decision's enacting line ("QUYẾT ĐỊNH:") that a PDF's text extraction wrote among its first article's lines, put back before the article. */
#include "restore_int.h"

#include <string.h>

#include "../util/utf8.h"

/*
 * A decision sets its enacting line centred, alone, between the preamble
 * and "Điều 1."; an extraction that orders a page's text boxes by their
 * place (pdfminer) may write the centred line after the article's first
 * line ("Điều 1. Ban hành … tại Trụ sở" / "QUYẾT ĐỊNH:" / "Ủy ban nhân dân
 * phường …").  Read so, the article's first line is a basis of the preamble
 * and its sentence is cut.  A careful reader puts the line back: when no
 * enacting line stands before the first "Điều 1." line, a basis ("Căn cứ …")
 * stands before it, and an enacting line alone follows within a few lines
 * with text, before "Điều 2.", that line is moved before "Điều 1.", and
 * the blank lines around it go: the article's sentence goes on under it.
 */

#define MAX_AFTER 6          /* lines with text between "Điều 1." and the enacting line */

/* The trimmed text of line l, stars of bold around it left out. */
static void core(const rs_line *l, const char **s, size_t *n)
{
	rs_trim(l, s, n);
	while (*n >= 4 && (*s)[0] == '*' && (*s)[1] == '*' && (*s)[*n - 1] == '*' && (*s)[*n - 2] == '*')
		*s += 2, *n -= 4;
}

/* Line l is an enacting line alone: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" (the colon may be missing). */
static int enacting(const rs_line *l)
{
	const char *s;
	size_t n;
	core(l, &s, &n);
	if (n && s[n - 1] == ':')
		n--;
	while (n && s[n - 1] == ' ')
		n--;
	return (n == strlen("QUYẾT ĐỊNH") && memcmp(s, "QUYẾT ĐỊNH", n) == 0) ||
	       (n == strlen("QUYẾT NGHỊ") && memcmp(s, "QUYẾT NGHỊ", n) == 0);
}

/* Line l opens article k: "Điều k." or "Điều k:" and more. */
static int article(const rs_line *l, char k)
{
	const char *s;
	size_t n;
	core(l, &s, &n);
	size_t w = strlen("Điều ");
	return n > w + 1 && memcmp(s, "Điều ", w) == 0 && s[w] == k && (s[w + 1] == '.' || s[w + 1] == ':');
}

void rs_enacting(rs_ctx *cx)
{
	if (cx->shape != BC_SHAPE_PDF)
		return;
	size_t a = 0;
	int basis = 0;
	for (; a < cx->n; a++) {
		const rs_line *l = &cx->v[a];
		if (l->dropped)
			continue;
		const char *s;
		size_t n;
		core(l, &s, &n);
		basis |= bc_starts(s, n, "Căn cứ ");
		/* in its place, after the preamble (the type line above it reads so too) */
		if (basis && enacting(l))
			return;
		if (article(l, '1'))
			break;
	}
	if (a >= cx->n || !basis)
		return;
	size_t seen = 0;
	for (size_t e = a + 1; e < cx->n && seen <= MAX_AFTER; e++) {
		const rs_line *l = &cx->v[e];
		if (l->dropped || rs_blank(l))
			continue;
		if (article(l, '2'))
			return;
		if (enacting(l)) {
			const char *s;
			size_t n;
			rs_trim(l, &s, &n);
			uint32_t col = (uint32_t)bc_utf8_count(l->s, (size_t)(s - l->s)) + 1;
			/* after the line above "Điều 1.", or at the text's top */
			rs_add_line(cx, a > 0 ? a - 1 : RS_TOP, s, n, (uint32_t)(e + 1), col);
			rs_add_line(cx, a > 0 ? a - 1 : RS_TOP, "", 0, (uint32_t)(e + 1), 1);
			rs_move(cx, e, BC_RESTORE_ENACTING);
			cx->out->count[BC_RESTORE_ENACTING]++;
			/* the blank lines the extraction set around it part nothing:
			 * the article's sentence goes on under them */
			for (size_t b = e; b-- > a + 1 && rs_blank(&cx->v[b]) && !cx->v[b].dropped;)
				rs_move(cx, b, BC_RESTORE_ENACTING);
			for (size_t b = e + 1; b < cx->n && rs_blank(&cx->v[b]) && !cx->v[b].dropped; b++)
				rs_move(cx, b, BC_RESTORE_ENACTING);
			return;
		}
		seen++;
	}
}
