/* typeset_header.c — the header block (issuer, number, motto, place and date), the addressees, the type and title. */
#include "typeset_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

/* ---- header block ---------------------------------------------------------- */

/* The header line of a role, as the model chose it (facts.h): the same line the XML writes. */
static const bc_node *meta_line(const ts *t, bc_role role) { return bc_meta_line(t->doc, t->doc->meta, role); }

/* The inline content of n as items, less its first `skip` bytes of plain
 * text (a dash, the "Kính gửi:" label): the note marks after them stay. */
static void add_inlines_after(ts *t, bc_items *it, const bc_node *n, const istyle *st, const char *plain, size_t skip)
{
	size_t start = it->n;
	ts_add_inlines(t, it, n, *st);
	size_t p = 0, i = start;
	while (i < it->n && p < skip) {
		bc_item *x = &it->v[i];
		if (x->type == BC_ITEM_GLUE) {
			while (p < skip && plain[p] == ' ')
				p++;
			i++;
			continue;
		}
		if (x->type != BC_ITEM_BOX || x->ref)
			break;
		size_t left = skip - p;
		if (x->len <= left) {
			p += x->len;
			i++;
			continue;
		}
		x->s += left;   /* "Kính gửi:Ủy ban": the word after the label's colon */
		x->len -= left;
		x->width = t->m->measure(t->m->ctx, (bc_face)x->face, x->size, x->s, x->len);
		break;
	}
	while (i < it->n && it->v[i].type == BC_ITEM_GLUE)
		i++;
	memmove(it->v + start, it->v + i, (it->n - i) * sizeof *it->v);
	it->n -= i - start;
}

/* "Kính gửi:" as the decree draws it (NĐ 30/2020, Phụ lục I, ô 9a), 14 pt
 * upright: one addressee on the label's line; several each on a line of
 * its own under the label, with a dash, the dashes in line under the colon.
 * The block is centred when it fits. */
static void set_addressees(ts *t, double below)
{
	const char *label = NULL;
	size_t label_len = 0;
	const char **who = NULL;
	const bc_node **whon = NULL;   /* each addressee's line and the bytes of its plain text before the name */
	size_t *skip = NULL;
	size_t n = 0, cap = 0;
	int lead = 0;   /* the label is a line of its own ("VĂN PHÒNG CHÍNH PHỦ điện:"), the items under its start */
	bc_buf b = BC_BUF_INIT;
	if (t->doc->meta)
		for (const bc_node *a = t->doc->meta->first; a; a = a->next) {
			if (a->type != BC_NODE_LINE || a->as.line->role != BC_ROLE_ADDRESSEE)
				continue;
			ts_plain(a, &b);
			const char *s = bc_buf_cstr(&b), *s0 = s;
			while (*s == ' ' || *s == '-' || *s == '+')
				s++;
			/* the label the parser read (a công điện's "… điện:") */
			const bc_str *ml = &a->as.line->label;
			if (!label && ml->len && strncmp(s, ml->s, ml->len) == 0) {
				label = ts_strdup(t, s, ml->len);
				label_len = ml->len;
				lead = 1;
				s += ml->len;
				while (*s == ' ')
					s++;
			}
			if (!label) {
				const char *colon = strchr(s, ':');
				/* "Kính gửi:" in any case: the label ends at its colon */
				if (colon && colon - s <= 16) {
					label = ts_strdup(t, s, (size_t)(colon - s + 1));
					label_len = (size_t)(colon - s + 1);
					s = colon + 1;
					while (*s == ' ')
						s++;
				}
			}
			if (!*s)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				who = bc_xrealloc(who, cap * sizeof *who);
				whon = bc_xrealloc(whon, cap * sizeof *whon);
				skip = bc_xrealloc(skip, cap * sizeof *skip);
			}
			whon[n] = a;
			skip[n] = (size_t)(s - s0);
			who[n++] = ts_strdup(t, s, strlen(s));
		}
	if (!label && !n) {
		bc_buf_free(&b);
		free(who);
		free(whon);
		free(skip);
		return;
	}
	if (!label)
		label = "Kính gửi:", label_len = strlen(label);
	double size = t->tpl->addressee_size, lh = ts_line_height(t, size, 1.0);
	double sp = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, " ", 1);
	bc_face lface = t->tpl->family == BC_FAMILY_PARTY ? BC_FACE_ITALIC : BC_FACE_REGULAR;
	double lw = t->m->measure(t->m->ctx, lface, size, label, label_len);
	double colon = t->m->measure(t->m->ctx, lface, size, ":", 1);
	const char *dash = n > 1 || lead ? "- " : "";
	double widest = 0;
	for (size_t i = 0; i < n; i++) {
		double w = t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, dash, strlen(dash)) +
		           t->m->measure(t->m->ctx, BC_FACE_REGULAR, size, who[i], strlen(who[i]));
		if (w > widest)
			widest = w;
	}
	/* where the addressees start, from the label's left end */
	double off = lead ? 0 : n > 1 ? lw - colon : lw + sp;
	double block = off + widest > lw ? off + widest : lw;
	double bx = block <= t->width && !lead ? t->x0 + (t->width - block) / 2 : t->x0 + t->tpl->indent_cm * 10 * BC_MM;
	double ax = bx + off, aw = t->x0 + t->width - ax;
	bc_unit *u = bc_unit_new(0);
	u->gap = 12;
	trecorder rec;   /* a list longer than a page goes on over pages, a line at a time */
	ts_rec_begin(t, &rec, u);
	ts_rec_col(t, 0);
	/* the Party's "Kính gửi:" is italic, the names upright (HD 36-HD/VPTW, Phụ lục 3, mục 9) */
	bc_op op = { .kind = BC_OP_TEXT, .face = lface, .size = (float)size, .x = (float)bx,
	             .y = (float)ts_baseline_in(t, lh, size), .s = label, .len = label_len };
	bc_oplist_add(&u->ops, &op);
	double y = n > 1 || lead ? lh : 0;
	for (size_t i = 0; i < n; i++) {
		bc_items it = { 0 };
		istyle st = { BC_FACE_REGULAR, size, 0, 0, 0 };
		if (*dash)
			ts_add_text(t, &it, dash, strlen(dash), &st);
		/* from the line's inlines, not its plain text: its note marks are set */
		ts_plain(whon[i], &b);
		add_inlines_after(t, &it, whon[i], &st, bc_buf_cstr(&b), skip[i]);
		ts_set_column(t, &it, ax, aw, &y, BC_JUST_LEFT, lh, size, &u->ops);
		bc_items_free(&it);
	}
	u->h = (y > lh ? y : lh) + below;
	ts_rec_push(t, 1);
	bc_buf_free(&b);
	free(who);
	free(whon);
	free(skip);
}

/* ---- blanks left to fill by hand ---------------------------------------------- */

/* The room a draft leaves for the number, day or month written by hand: the
 * blank as typed, or 8 mm, whichever is wider (a run of spaces would
 * otherwise be set as one space, "Số: /TTr-UBND", leaving none). */
#define BLANK_MIN (8 * BC_MM)

/* Widens the space after the word `word` in the items of a header line to
 * the blank's room, when that space is the blank: `plain` is the line's text,
 * where the spaces typed after the word are counted. */
static void keep_blank(ts *t, bc_items *it, const char *plain, const char *word)
{
	size_t wl = strlen(word);
	const char *at = strstr(plain, word);
	if (!at)
		return;
	size_t typed = 0;
	for (const char *c = at + wl; *c == ' ' || *c == '\t'; c++)
		typed++;
	for (size_t i = 0; i + 1 < it->n; i++) {
		bc_item *x = &it->v[i], *g = &it->v[i + 1];
		if (x->type != BC_ITEM_BOX || x->len != wl || memcmp(x->s, word, wl) != 0 || g->type != BC_ITEM_GLUE)
			continue;
		double sw = t->m->measure(t->m->ctx, (bc_face)g->face, g->size, " ", 1);
		double w = typed * sw > BLANK_MIN ? typed * sw : BLANK_MIN;
		/* its own width, never stretched nor shrunk, never merged into a run of text */
		g->width = w;
		g->stretch = g->shrink = 0;
		g->s = NULL;
		g->len = 0;
		return;
	}
}

/* A header line (number, dateline) set as ts_column_line does, with the blanks
 * the model found in it (a number "", a day or month 0) kept as room to write in. */
static double blank_line(ts *t, const bc_node *n, double x, double w, double *y, bc_face face, double size, bc_oplist *ops)
{
	bc_items it = { 0 };
	istyle st = { face, size, 0, 0, 0 };
	ts_add_inlines(t, &it, n, st);
	bc_buf b = BC_BUF_INIT;
	ts_plain(n, &b);
	const char *plain = bc_buf_cstr(&b);
	if (n->as.line->role == BC_ROLE_NUMBER && !n->as.line->unread && !n->as.line->number.len && n->as.line->symbol.len)
		keep_blank(t, &it, plain, strstr(plain, "Số:") ? "Số:" : "Số");   /* the Party's "Số -CTr/TU": no colon */
	if (n->as.line->role == BC_ROLE_DATELINE && !n->as.line->unread && n->as.line->date.year) {
		if (!n->as.line->date.day)
			keep_blank(t, &it, plain, "ngày");
		if (!n->as.line->date.month)
			keep_blank(t, &it, plain, "tháng");
	}
	bc_buf_free(&b);
	double widest = ts_set_column(t, &it, x, w, y, BC_JUST_CENTER, ts_line_height(t, size, 1.0), size, ops);
	bc_items_free(&it);
	return widest;
}

/* What a lost part of the header is set as: the value the facts recovered
 * from the appendices' "(Kèm theo …)" lines, else dotted blanks, as on a
 * form; each blank is counted in the stats (bc_pdf_output warns of it). */
#define DOTS "……"
static const char *lost_number(ts *t)
{
	const bc_facts *f = bc_document_facts(t->doc);
	bc_buf b = BC_BUF_INIT;
	if (f->number_from && f->code_notation.len) {
		bc_buf_puts(&b, "Số: ");
		if (f->code_number.len)
			bc_buf_put(&b, f->code_number.s, f->code_number.len);
		else
			bc_buf_puts(&b, DOTS);
		bc_buf_putc(&b, '/');
		if (f->code_year.len) {
			bc_buf_put(&b, f->code_year.s, f->code_year.len);
			bc_buf_putc(&b, '/');
		}
		bc_buf_put(&b, f->code_notation.s, f->code_notation.len);
	} else {
		/* the Party's "Số 03-CTr/TU" has no colon and a dash before the type's letters */
		bc_buf_puts(&b, t->tpl->family == BC_FAMILY_PARTY ? "Số " DOTS "-" DOTS "/" DOTS : "Số: " DOTS "/" DOTS);
		t->stats->blank_parts |= BC_BLANK_NUMBER;
	}
	const char *s = ts_strdup(t, bc_buf_cstr(&b), b.len);
	bc_buf_free(&b);
	return s;
}

static const char *lost_dateline(ts *t)
{
	const bc_facts *f = bc_document_facts(t->doc);
	char tmp[96];
	if (f->issued_from && f->issued_known) {
		/* the decree's zeros: a day under 10, January and February */
		snprintf(tmp, sizeof tmp, DOTS ", ngày %02d tháng %0*d năm %d", f->issued.day, f->issued.month < 3 ? 2 : 1,
		         f->issued.month, f->issued.year);
		t->stats->blank_parts |= BC_BLANK_PLACE;
	} else {
		snprintf(tmp, sizeof tmp, DOTS ", ngày " DOTS " tháng " DOTS " năm " DOTS);
		t->stats->blank_parts |= BC_BLANK_DATE;
	}
	return ts_strdup(t, tmp, strlen(tmp));
}

/* The lines naming the issuing body, in the left column: the header's at the
 * top (at_end 0) or a consolidated text's authentication's (1), the last in
 * bold; under them the Party's star (HD 36-HD/VPTW, II.1.2.2) or the state's
 * short rule (NĐ 30/2020, Phụ lục I).  A header without one has a dotted
 * line in its place, unless the authentication at the end names the body. */
static void set_issuers(ts *t, int at_end, double xl, double lw, double *yl, bc_oplist *ops)
{
	const bc_template *tp = t->tpl;
	const bc_node *last_issuer = NULL, *auth = meta_line(t, BC_ROLE_AUTHENTICATION);
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_ISSUER && n->as.line->at_end == at_end)
				last_issuer = n;
	double issuer_w = 0;
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next) {
			if (n->type != BC_NODE_LINE || n->as.line->role != BC_ROLE_ISSUER || n->as.line->at_end != at_end)
				continue;
			int bold = n == last_issuer;
			double w = ts_column_line(t, n, NULL, xl, lw, yl, bold ? BC_FACE_BOLD : BC_FACE_REGULAR, tp->issuer_size, 1, ops);
			if (bold)
				issuer_w = w;
		}
	if (!last_issuer) {
		if (at_end || (auth && t->doc->idx.issuer_first))
			return;
		/* the issuing body lost: a dotted line in its place, the rule under it */
		issuer_w = ts_column_line(t, NULL, DOTS DOTS DOTS DOTS DOTS DOTS, xl, lw, yl, BC_FACE_REGULAR, tp->issuer_size, 0, ops);
		t->stats->blank_parts |= BC_BLANK_ISSUER;
	}
	if (tp->family == BC_FAMILY_PARTY) {
		ts_column_line(t, NULL, "*", xl, lw, yl, BC_FACE_REGULAR, tp->issuer_size, 0, ops);
		ts_rec_extend(t, *yl);
	} else {
		double rl = issuer_w * tp->issuer_rule;
		*yl += 3.5;
		ts_add_rule(ops, xl + (lw - rl) / 2, xl + (lw + rl) / 2, *yl, 0.6);
		*yl += 6;
		ts_rec_extend(t, *yl);
	}
}

/* A consolidated text's authentication at its end (FORMAT.md §5.12a), set as
 * the text has it: the consolidating body and the number on the left, "XÁC
 * THỰC VĂN BẢN HỢP NHẤT" and the place and date on the right; the signature
 * follows.  Nothing when the document has none. */
void ts_set_authentication(ts *t)
{
	const bc_node *auth = meta_line(t, BC_ROLE_AUTHENTICATION);
	if (!auth)
		return;
	const bc_template *tp = t->tpl;
	double lw = tp->left_width * BC_MM;
	double xl = t->x0, xr = t->x0 + lw, wr = t->width - lw;
	bc_unit *u = bc_unit_new(0);
	u->gap = 12;
	double yl = 0, yr = 0;
	trecorder rec;
	ts_rec_begin(t, &rec, u);
	ts_rec_col(t, 0);
	set_issuers(t, 1, xl, lw, &yl, &u->ops);
	const bc_node *num = meta_line(t, BC_ROLE_NUMBER);
	if (num && num->as.line->at_end)
		blank_line(t, num, xl, lw, &yl, BC_FACE_REGULAR, tp->number_size, &u->ops);
	ts_rec_extend(t, yl);
	ts_rec_col(t, 1);
	ts_column_line(t, auth, NULL, xr, wr, &yr, BC_FACE_BOLD, tp->motto_size, 1, &u->ops);
	yr += 4;
	const bc_node *dl = meta_line(t, BC_ROLE_DATELINE);
	if (dl && dl->as.line->at_end)
		blank_line(t, dl, xr, wr, &yr, BC_FACE_ITALIC, tp->dateline_size, &u->ops);
	ts_rec_extend(t, yr);
	u->h = yl > yr ? yl : yr;
	/* kept with the signature under it */
	u->keep_next = 1;
	ts_rec_push(t, 0);
}

void ts_set_header(ts *t)
{
	const bc_template *tp = t->tpl;
	double lw = tp->left_width * BC_MM;
	double xl = t->x0, xr = t->x0 + lw, wr = t->width - lw;
	bc_unit *u = bc_unit_new(0);
	double yl = 0, yr = 0;
	/* recorded, so that a column longer than a page (81 issuer lines, a
	 * V/v of 1 500 words) goes on over pages instead of off the first */
	trecorder rec;
	ts_rec_begin(t, &rec, u);
	ts_rec_col(t, 0);

	/* left: issuer lines, the rule under the issuing body, number, summary, urgency */
	int party = tp->family == BC_FAMILY_PARTY;
	set_issuers(t, 0, xl, lw, &yl, &u->ops);
	const bc_node *num = meta_line(t, BC_ROLE_NUMBER);
	/* a consolidated text's number stands in its authentication at the end */
	if (!num || !num->as.line->at_end)
		yl += party ? 0 : 2;
	if (!num)
		ts_column_line(t, NULL, lost_number(t), xl, lw, &yl, BC_FACE_REGULAR, tp->number_size, 0, &u->ops);
	else if (!num->as.line->at_end)
		blank_line(t, num, xl, lw, &yl, BC_FACE_REGULAR, tp->number_size, &u->ops);
	/* the Party's draft mark ("Dự thảo lần 2") under the number, in italics (HD 36-HD/VPTW,
	 * II.2.2, Phụ lục 3, mục 11), as the source words it; the state's is boxed at the top */
	const bc_node *dr = party ? meta_line(t, BC_ROLE_DRAFT) : NULL;
	if (dr)
		ts_column_line(t, dr, NULL, xl, lw, &yl, BC_FACE_ITALIC, tp->draft_size, 0, &u->ops);
	const bc_node *sum = meta_line(t, BC_ROLE_SUMMARY);
	/* a công văn's summary: upright (NĐ 30/2020), the Party's in italics (HD 36-HD/VPTW, Phụ lục 3, mục 5) */
	if (sum)
		ts_column_line(t, sum, NULL, xl, lw, &yl, party ? BC_FACE_ITALIC : BC_FACE_REGULAR, tp->summary_size, 0, &u->ops);
	const bc_node *urg = meta_line(t, BC_ROLE_URGENCY);
	if (urg) {
		yl += 6;
		double y0 = yl;
		size_t first = u->ops.n;
		double w = ts_column_line(t, urg, NULL, xl, lw, &yl, BC_FACE_BOLD, tp->urgency_size, 1, &u->ops);
		(void)first;
		bc_op box = { .kind = BC_OP_BOX, .size = 0.8f, .x = (float)(xl + (lw - w) / 2 - 4), .y = (float)(y0 - 1),
		              .x2 = (float)(w + 8), .y2 = (float)(yl - y0 + 2) };
		bc_oplist_add(&u->ops, &box);
		ts_rec_extend(t, yl);
	}

	/* right: motto, slogan with its rule, place and date */
	ts_rec_col(t, 1);
	/* the Party's documents (HD 36-HD/VPTW, II.1.1.2) head with "ĐẢNG CỘNG SẢN VIỆT
	 * NAM" over a rule as long as it, and no slogan: the state's motto is never put on them */
	double sw = ts_column_line(t, meta_line(t, BC_ROLE_MOTTO), party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	                           xr, wr, &yr, BC_FACE_BOLD, tp->motto_size, 1, &u->ops);
	const bc_node *slogan = meta_line(t, BC_ROLE_SLOGAN);
	if (slogan || !party)
		sw = ts_column_line(t, slogan, "Độc lập - Tự do - Hạnh phúc", xr, wr, &yr, BC_FACE_BOLD, tp->slogan_size, 0, &u->ops);
	yr += 3;
	ts_add_rule(&u->ops, xr + (wr - sw) / 2, xr + (wr + sw) / 2, yr, 0.6);
	yr += 10;
	ts_rec_extend(t, yr);
	const bc_node *dl = meta_line(t, BC_ROLE_DATELINE);
	if (dl && !dl->as.line->at_end)   /* one at the end is set in the authentication */
		blank_line(t, dl, xr, wr, &yr, BC_FACE_ITALIC, tp->dateline_size, &u->ops);
	else if (!dl && bc_document_type(t->doc) != BC_DOC_BIEN_BAN)   /* a biên bản has none (mẫu 1.9) */
		ts_column_line(t, NULL, lost_dateline(t), xr, wr, &yr, BC_FACE_ITALIC, tp->dateline_size, 0, &u->ops);
	u->h = yl > yr ? yl : yr;
	ts_rec_push(t, 0);

	/* "Kính gửi" goes under the title when the document has a type line
	 * (NĐ 30/2020, Phụ lục I, ô 9a: tờ trình, báo cáo sent up the line); a
	 * công văn has none, and its addressees follow the header block */
	const bc_node *dt = meta_line(t, BC_ROLE_DOCTYPE);
	if (!dt)
		set_addressees(t, 0);

	/* type of document and title, with a short rule under the title */
	bc_unit *tu = bc_unit_new(0);
	tu->gap = 14;
	double y = 0;
	trecorder trec_;   /* a title longer than a page goes on over pages */
	ts_rec_begin(t, &trec_, tu);
	ts_rec_col(t, 0);
	if (dt)
		ts_column_line(t, dt, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->doctype_size, 1, &tu->ops);
	bc_items it = { 0 };
	istyle st = { BC_FACE_BOLD, tp->title_size, 0, 0, 0 };
	bc_buf b = BC_BUF_INIT;
	if (t->doc->meta)
		for (const bc_node *n = t->doc->meta->first; n; n = n->next)
			if (n->type == BC_NODE_LINE && n->as.line->role == BC_ROLE_TITLE) {
				if (it.n > 0 && it.v[it.n - 1].type == BC_ITEM_BOX)
					ts_add_text(t, &it, " ", 1, &st);
				ts_add_inlines(t, &it, n, st);
				bc_node_plain_text(n, &b);
				bc_buf_putc(&b, ' ');
			}
	double tw = 0;
	if (it.n > 0)
		tw = ts_set_column(t, &it, t->x0 + t->width * 0.05, t->width * 0.9, &y, BC_JUST_CENTER,
		                ts_line_height(t, tp->title_size, 1.0), tp->title_size, &tu->ops);
	bc_items_free(&it);
	if ((tw > 0 || dt) && party) {
		/* the Party's five hyphens under the title (HD 36-HD/VPTW, II.1.5.2), in the title's size */
		y += 2;
		ts_column_line(t, NULL, "-----", t->x0, t->width, &y, BC_FACE_REGULAR, tp->title_size, 0, &tu->ops);
		y += 6;
		ts_rec_extend(t, y);
		tu->h = y;
		ts_rec_push(t, 1);
	} else if (tw > 0 || dt) {
		double rl = (tw > 0 ? tw : t->width / 3) * tp->title_rule;
		if (rl < 40)
			rl = 40;
		y += 3.5;
		ts_add_rule(&tu->ops, t->x0 + (t->width - rl) / 2, t->x0 + (t->width + rl) / 2, y, 0.6);
		y += 8;
		ts_rec_extend(t, y);
		tu->h = y;
		ts_rec_push(t, 1);
	} else {
		t->rec = NULL;
		free(trec_.v);
		bc_unit_free(tu);
	}
	bc_buf_free(&b);
	if (dt)   /* the body's first line a line's space below, as under the title's rule */
		set_addressees(t, 8);
}
