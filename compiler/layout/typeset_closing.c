/* typeset_closing.c — the closing (recipients beside the signature) and the appendices, each on new pages turned landscape for wide tables. */
#include "typeset_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

/* ---- closing ------------------------------------------------------------------- */

/* A recipient's leading dash ("- ", "+ ", "• "), the list's first items:
 * drawn at x on the first line, its baseline at `base`, and taken out of
 * the items; gives the width of the dash and its space, the hanging indent
 * under which the item's wrapped lines start (0: no dash). */
static double hang_dash(bc_items *li, double x, double base, bc_oplist *ops)
{
	if (li->n < 3 || li->v[0].type != BC_ITEM_BOX || li->v[1].type != BC_ITEM_GLUE || li->v[2].type != BC_ITEM_BOX ||
	    !li->v[0].s)
		return 0;
	const char *d = li->v[0].s;
	size_t n = li->v[0].len;
	if (!((n == 1 && (*d == '-' || *d == '+' || *d == '*')) || (n == 3 && (!memcmp(d, "–", 3) || !memcmp(d, "•", 3)))))
		return 0;
	double hang = li->v[0].width + li->v[1].width;
	bc_set_line(li, 0, 1, x, hang, base, BC_JUST_LEFT, 1, ops);
	memmove(li->v, li->v + 2, (li->n - 2) * sizeof *li->v);
	li->n -= 2;
	return hang;
}

/* A signature's lines above the room to sign (authority, position, a form
 * box's dots and date), centred in the column x, w from *y.  The Party's form
 * (HD 36-HD/VPTW, Phụ lục 3, mục 7 and 9): the position upright, not bold. */
static void set_signature_titles(ts *t, const bc_node *sig, double x, double w, double *y, bc_oplist *ops)
{
	const bc_template *tp = t->tpl;
	int party = tp->family == BC_FAMILY_PARTY;
	for (const bc_node *c = sig->first; c; c = c->next) {
		/* a form's box: the dots for an opinion, the date of signing, in italics as printed */
		if (c->type == BC_NODE_PARAGRAPH) {
			ts_column_line(t, c, NULL, x, w, y, BC_FACE_ITALIC, tp->sign_size, 0, ops);
			continue;
		}
		if (c->type != BC_NODE_LINE || c->as.line->role == BC_ROLE_SIGNER)
			continue;
		bc_face f = party && c->as.line->role == BC_ROLE_POSITION ? BC_FACE_REGULAR : BC_FACE_BOLD;
		ts_column_line(t, c, NULL, x, w, y, f, tp->sign_size, 1, ops);
	}
}

/* The signer's name of a signature, or NULL. */
static const bc_node *signature_name(const bc_node *sig)
{
	for (const bc_node *c = sig->first; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_SIGNER)
			return c;
	return NULL;
}

/* A signature in the column x, w from *y: its titles, the room to sign (its
 * foot at name_y when that is not negative: the line of the names of two
 * signatures side by side), the name. */
static void set_signature_column(ts *t, const bc_node *sig, double x, double w, double name_y, double *y,
                                 bc_oplist *ops)
{
	const bc_node *signer = signature_name(sig);
	set_signature_titles(t, sig, x, w, y, ops);
	*y = name_y >= 0 ? name_y : *y + t->tpl->sign_space * BC_MM;
	ts_rec_extend(t, *y);
	ts_rec_glue(t);
	if (signer)
		ts_column_line(t, signer, NULL, x, w, y, BC_FACE_BOLD, t->tpl->sign_size, 0, ops);
}


/* "Nơi nhận:" and the list in the left column of unit u from *yl, beside a
 * signature yr high: the items that start under its foot go on in units of
 * their own (*pushed once u is pushed). */
static void set_recipients(ts *t, const bc_node *recipients, bc_unit *u, double *yl, double yr, int *pushed)
{
	const bc_template *tp = t->tpl;
	int party = tp->family == BC_FAMILY_PARTY;
	double wl = t->width * 0.45;
	const bc_node *label = NULL;
	for (const bc_node *c = recipients->first; c; c = c->next)
		if (c->type == BC_NODE_LINE && c->as.line->role == BC_ROLE_RECIPIENTS_LABEL)
			label = c;
	bc_items it = { 0 };
	istyle st = { party ? BC_FACE_REGULAR : BC_FACE_BOLD_ITALIC, tp->recip_label_size, 0, party, 0 };
	if (label)
		ts_add_inlines(t, &it, label, st);
	else
		ts_add_text(t, &it, "Nơi nhận:", strlen("Nơi nhận:"), &st);
	ts_set_column(t, &it, t->x0, wl, yl, BC_JUST_LEFT, ts_line_height(t, tp->recip_label_size, 1.0),
	           tp->recip_label_size, &u->ops);
	bc_items_free(&it);
	double lh = ts_line_height(t, tp->recip_size, 1.0);
	bc_buf b = BC_BUF_INIT;
	for (const bc_node *c = recipients->first; c; c = c->next) {
		if (c == label)
			continue;
		bc_items li = { 0 };
		istyle s2 = { BC_FACE_REGULAR, tp->recip_size, 0, 0, 0 };
		ts_plain(c, &b);
		if (c->type == BC_NODE_ITEM && c->as.item.bullet) {
			char tmp[3] = { c->as.item.bullet, ' ', 0 };
			if (!ts_starts_with(bc_buf_cstr(&b), tmp))
				ts_add_text(t, &li, ts_strdup(t, tmp, 2), 2, &s2);
		}
		ts_add_inlines(t, &li, c, s2);
		/* past the signature's height, the list goes on in units of its own:
		 * from the first item that starts under its foot (one that starts
		 * beside it stays in its unit, so that no gap opens under the
		 * signer's name before the next) */
		if (!*pushed && *yl + 0.01 > yr) {
			u->h = *yl > yr ? *yl : yr;
			ts_rec_push(t, 0);
			*pushed = 1;
		}
		/* a long item's wrapped lines start under its text, not under its dash */
		if (*pushed) {
			bc_unit *lu = bc_unit_new(0);
			double y = 0;
			t->note_to = lu;
			double hang = hang_dash(&li, t->x0, y + ts_baseline_in(t, lh, tp->recip_size), &lu->ops);
			ts_set_column(t, &li, t->x0 + hang, wl - hang, &y, BC_JUST_LEFT, lh, tp->recip_size, &lu->ops);
			t->note_to = NULL;
			lu->h = y;
			ts_push(t, lu);
		} else {
			double hang = hang_dash(&li, t->x0, *yl + ts_baseline_in(t, lh, tp->recip_size), &u->ops);
			ts_set_column(t, &li, t->x0 + hang, wl - hang, yl, BC_JUST_LEFT, lh, tp->recip_size, &u->ops);
		}
		bc_items_free(&li);
	}
	bc_buf_free(&b);
}

void ts_set_closing(ts *t)
{
	const bc_node *cl = t->doc->closing;
	ts_set_authentication(t);
	if (!cl)
		return;
	const bc_template *tp = t->tpl;
	const bc_node *recipients = NULL, *signature = NULL;
	for (const bc_node *c = cl->first; c; c = c->next) {
		if (c->type == BC_NODE_RECIPIENTS)
			recipients = c;
		else if (c->type == BC_NODE_SIGNATURE)
			signature = c;
	}
	/* two signatures side by side (a biên bản's THƯ KÝ and CHỦ TRÌ): the
	 * left one takes the left column, the recipients go under them */
	const bc_node *left_sig = signature && signature->as.signature.beside && signature->prev &&
	                          signature->prev->type == BC_NODE_SIGNATURE ? signature->prev : NULL;
	const bc_node *recipients_under = left_sig ? recipients : NULL;
	if (left_sig)
		recipients = NULL;
	/* the last recipients and signature are set side by side below; any
	 * earlier one (a closing the source repeats) is set in its place as
	 * blocks, its label and items as lines, so that no word is lost */
	for (const bc_node *c = cl->first; c; c = c->next)
		if (c != recipients && c != signature && c != left_sig && c != recipients_under)
			ts_set_block(t, c);
	if (!recipients && !signature)
		return;
	double wl = t->width * 0.45, xr = t->x0 + wl, wr = t->width - wl;
	/* the closing words ("Yêu cầu ... thực hiện./.") go over the page with
	 * the signature; the last pushed unit is still queued in the pager */
	if (t->pager.qn > 0)
		t->pager.q[t->pager.qn - 1]->keep_next = 1;
	/* the signature (authority, position, room to sign, name) and the recipients beside it, or two
	 * signatures side by side: one unit */
	bc_unit *u = bc_unit_new(0);
	u->gap = 12;
	double yr = 0;
	/* recorded: a block taller than a page is cut between its lines, the
	 * position kept with the room to sign and the name */
	trecorder rec;
	ts_rec_begin(t, &rec, u);
	double yl = 0;
	int pushed = 0;
	if (left_sig) {
		/* the names of two signatures side by side stand on one line: the
		 * room to sign starts under the taller column of titles; the left
		 * column drawn first, as it is read */
		double hl = 0, hr = 0;
		bc_oplist scratch = { 0 };
		set_signature_titles(t, left_sig, t->x0, wl, &hl, &scratch);
		set_signature_titles(t, signature, xr, wr, &hr, &scratch);
		bc_oplist_free(&scratch);
		double name_y = (hl > hr ? hl : hr) + tp->sign_space * BC_MM;
		ts_rec_col(t, 0);
		set_signature_column(t, left_sig, t->x0, wl, name_y, &yl, &u->ops);
		ts_rec_col(t, 1);
		set_signature_column(t, signature, xr, wr, name_y, &yr, &u->ops);
	} else {
		ts_rec_col(t, 1);
		if (signature)
			set_signature_column(t, signature, xr, wr, -1, &yr, &u->ops);
		/* left column: "Nơi nhận:" and the list, as far as it goes beside the signature */
		ts_rec_col(t, 0);
		if (recipients)
			set_recipients(t, recipients, u, &yl, yr, &pushed);
	}
	if (!pushed) {
		u->h = yl > yr ? yl : yr;
		ts_rec_push(t, 0);
	}
	/* under two signatures side by side, the recipients in the left column, on their own */
	if (recipients_under) {
		bc_unit *ru = bc_unit_new(0);
		ru->gap = 12;
		trecorder rrec;
		ts_rec_begin(t, &rrec, ru);
		ts_rec_col(t, 0);
		double y = 0;
		int rpushed = 0;
		set_recipients(t, recipients_under, ru, &y, 0, &rpushed);
		if (!rpushed) {
			ru->h = y;
			ts_rec_push(t, 0);
		}
	}
}

/* ---- appendices ------------------------------------------------------------------ */

/*
 * Whether the tables of n need a landscape page: one too wide for the
 * portrait text area even with every column at its longest word, or of nine
 * columns or more.  Measuring a table builds its grid: the grid of the
 * first table that is a child of n itself is handed back in *first (with
 * the table in *first_table) for ts_set_table, so that it is not built twice;
 * the others are freed (first NULL: none is kept).
 */
static int needs_landscape(ts *t, const bc_node *n, tgrid **first, const bc_node **first_table)
{
	for (const bc_node *c = n->first; c; c = c->next) {
		if (c->type == BC_NODE_TABLE) {
			double w;
			int cols;
			tgrid *g = ts_table_measure(t, c, &w, &cols);
			if (first && !*first) {
				*first = g;
				*first_table = c;
			} else {
				ts_grid_free(g);
			}
			if (w > t->port_w || cols >= 9)
				return 1;
		} else if (!bc_node_is_inline(c) && !bc_node_is_leaf(c) && needs_landscape(t, c, NULL, NULL)) {
			return 1;
		}
	}
	return 0;
}

/* An attached text's own header (its issuer's lines on the left, the motto and
 * slogan on the right, each with its rule), set as the document's is; returns
 * the first line after it. */
static const bc_node *set_attached_header(ts *t, const bc_node *c, double *y, bc_oplist *ops)
{
	const bc_template *tp = t->tpl;
	double lw = tp->left_width * BC_MM;
	double xl = t->x0, xr = t->x0 + lw, wr = t->width - lw;
	double yl = *y, yr = *y, iw = 0, sw = 0;
	const bc_node *last_issuer = NULL, *n = c;
	for (; n && n->type == BC_NODE_LINE; n = n->next) {
		bc_role r = n->as.line->role;
		if (r == BC_ROLE_ISSUER)
			last_issuer = n;
		else if (r != BC_ROLE_MOTTO && r != BC_ROLE_SLOGAN)
			break;
	}
	if (n == c)
		return c;
	for (const bc_node *k = c; k != n; k = k->next) {
		bc_role r = k->as.line->role;
		if (r == BC_ROLE_ISSUER) {
			double w = ts_column_line(t, k, NULL, xl, lw, &yl, k == last_issuer ? BC_FACE_BOLD : BC_FACE_REGULAR,
			                          tp->issuer_size, 1, ops);
			if (k == last_issuer)
				iw = w;
		} else {
			double w = ts_column_line(t, k, NULL, xr, wr, &yr, BC_FACE_BOLD,
			                          r == BC_ROLE_MOTTO ? tp->motto_size : tp->slogan_size, r == BC_ROLE_MOTTO, ops);
			if (r == BC_ROLE_SLOGAN)
				sw = w;
		}
	}
	if (iw > 0) {
		double rl = iw * tp->issuer_rule;
		yl += 3.5;
		ts_add_rule(ops, xl + (lw - rl) / 2, xl + (lw + rl) / 2, yl, 0.6);
		yl += 6;
	}
	if (sw > 0) {
		yr += 3;
		ts_add_rule(ops, xr + (wr - sw) / 2, xr + (wr + sw) / 2, yr, 0.6);
		yr += 6;
	}
	*y = (yl > yr ? yl : yr) + 8;
	return n;
}

void ts_set_appendix(ts *t, const bc_node *ap)
{
	const bc_template *tp = t->tpl;
	t->appendix++;
	t->stats->appendices++;
	tgrid *first = NULL;
	const bc_node *first_table = NULL;
	int land = needs_landscape(t, ap, &first, &first_table);
	t->page_start = 1;
	t->page_landscape = land;
	t->page_restart = 1;
	t->landscape = land;
	if (land) {
		t->x0 = t->land_x0;
		t->width = t->land_w;
	} else {
		t->x0 = t->port_x0;
		t->width = t->port_w;
	}
	bc_unit *u = bc_unit_new(0);
	double y = 0;
	trecorder rec;   /* a title longer than a page goes on over pages; its notes go with it */
	ts_rec_begin(t, &rec, u);
	ts_rec_col(t, 0);
	bc_buf b = BC_BUF_INIT;
	const bc_node *c = ap->first;
	c = set_attached_header(t, c, &y, &u->ops);
	/* the appendix's label, title and "(Kèm theo …)" line; its "Đơn vị tính"
	 * line belongs to the table under it and is set as the body's (ts_set_block) */
	for (; c && c->type == BC_NODE_LINE && c->as.line->role != BC_ROLE_UNIT; c = c->next) {
		switch (c->as.line->role) {
		case BC_ROLE_APPX_LABEL:
			ts_column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->appx_label_size, 0, &u->ops);
			if (!u->outline) {
				bc_node_plain_text(c, &b);
				u->outline = bc_xstrdup(bc_buf_cstr(&b));
				u->outline_level = 1;
			}
			break;
		case BC_ROLE_APPX_TITLE:
			ts_column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_BOLD, tp->appx_title_size, 1, &u->ops);
			break;
		case BC_ROLE_APPX_ATTACH:
			ts_column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_ITALIC, tp->body_size, 0, &u->ops);
			break;
		default:
			ts_column_line(t, c, NULL, t->x0, t->width, &y, BC_FACE_REGULAR, tp->body_size, 0, &u->ops);
			break;
		}
	}
	if (!u->outline) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "Phụ lục %.40s", ap->as.appendix.label.s ? ap->as.appendix.label.s : "");
		u->outline = bc_xstrdup(tmp);
		u->outline_level = 1;
	}
	bc_buf_free(&b);
	u->h = y + 6;
	u->keep_next = 1;
	ts_rec_push(t, 1);
	for (; c; c = c->next) {
		if (c == first_table) {
			ts_set_table(t, c, first);
			first = NULL;
		} else {
			ts_set_block(t, c);
		}
	}
}
