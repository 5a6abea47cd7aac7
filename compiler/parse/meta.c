/* meta.c — the explicit form's metadata block ("---" ... "---"): its keys become the header's lines. */
#include "parse_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const meta_keys[] = {
	"issuer", "number", "symbol", "place", "date", "type", "title", "summary", "draft",
	"urgency", "addressee", "authority", "position", "signer",
};

/* Adds a LINE made of synthesised text (for fields the block states as data). */
static bc_node *synth_line(parser *p, bc_node *parent, bc_role role, bc_pos pos, const char *text)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_LINE, pos);
	n->as.line.role = role;
	bc_seg seg = { text, strlen(text), pos, 0 };
	bc_inline_parse(&p->icx, n, &seg, 1);
	bc_node_append(parent, n);
	return n;
}

size_t bp_parse_meta_block(parser *p)
{
	bc_lines *L = &p->lines;
	bc_document *doc = p->doc;
	size_t i = 1;
	const char *val[14] = { 0 };
	size_t vlen[14] = { 0 };
	bc_pos vpos[14];
	bc_node *sig = NULL;
	bc_buf tmp = BC_BUF_INIT;
	doc->explicit_form = 1;
	for (; i < L->n; i++) {
		const bc_line *l = &L->v[i];
		if (l->len == 3 && memcmp(l->s, "---", 3) == 0) {
			i++;
			break;
		}
		size_t lead = 0;
		while (lead < l->len && (l->s[lead] == ' ' || l->s[lead] == '\t'))
			lead++;
		if (l->kind == BC_LK_BLANK || (lead < l->len && l->s[lead] == '#'))
			continue;   /* blank lines and "# comments" */
		const char *colon = memchr(l->s, ':', l->len);
		size_t k = 0, nk = sizeof meta_keys / sizeof meta_keys[0];
		size_t klen = colon ? (size_t)(colon - l->s) : 0;
		while (klen && l->s[klen - 1] == ' ')
			klen--;
		for (; k < nk; k++)
			if (colon && strlen(meta_keys[k]) == klen && memcmp(meta_keys[k], l->s, klen) == 0)
				break;
		if (k == nk) {
			bc_diag_add(p->diags, BC_E_META_KEY, (bc_pos){ l->no, 1 }, "%.*s", (int)(klen ? klen : l->len), l->s);
			continue;
		}
		const char *v = colon + 1;
		const char *e = l->s + l->len;
		while (v < e && *v == ' ')
			v++;
		while (e > v && e[-1] == ' ')
			e--;
		bc_pos pos = bc_line_pos(l, (size_t)(v - l->s));
		/* repeatable keys become lines at once, in order */
		if (k == 0) {
			synth_line(p, doc->meta, BC_ROLE_ISSUER, pos, bc_arena_strndup(&doc->arena, v, (size_t)(e - v)));
			if (!doc->idx.issuer_first)
				doc->idx.issuer_first = doc->meta->last;
			doc->idx.issuer_last = doc->meta->last;
			continue;
		}
		if (k == 10) {
			bc_buf_clear(&tmp);
			bc_buf_printf(&tmp, "Kính gửi: %.*s", (int)(e - v), v);
			synth_line(p, doc->meta, BC_ROLE_ADDRESSEE, pos, bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
			continue;
		}
		if (k == 11) {
			if (!sig)
				sig = bc_node_new(doc, BC_NODE_SIGNATURE, pos);
			bc_node *n = synth_line(p, sig, BC_ROLE_AUTHORITY, pos, bc_arena_strndup(&doc->arena, v, (size_t)(e - v)));
			if (!doc->idx.authority_first)
				doc->idx.authority_first = n;
			continue;
		}
		val[k] = v;
		vlen[k] = (size_t)(e - v);
		vpos[k] = pos;
	}

#define HAVE(k) (val[k] != NULL)
	if (HAVE(1) || HAVE(2)) {
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "Số: %.*s/%.*s", (int)vlen[1], HAVE(1) ? val[1] : "", (int)vlen[2], HAVE(2) ? val[2] : "");
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_NUMBER, HAVE(1) ? vpos[1] : vpos[2], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
		n->as.line.number = bp_dup(p, HAVE(1) ? val[1] : "", vlen[1]);
		n->as.line.symbol = bp_dup(p, HAVE(2) ? val[2] : "", vlen[2]);
		doc->idx.number = n;
	}
	if (HAVE(7)) {
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "V/v %.*s", (int)vlen[7], val[7]);
		doc->idx.summary = synth_line(p, doc->meta, BC_ROLE_SUMMARY, vpos[7], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
	}
	if (HAVE(8) && vlen[8] && (val[8][0] == 'y' || val[8][0] == 'c'))
		doc->idx.draft = synth_line(p, doc->meta, BC_ROLE_DRAFT, vpos[8], "(DỰ THẢO)");
	else if (HAVE(8) && !(vlen[8] && (val[8][0] == 'n' || val[8][0] == 'k')))
		bc_diag_add(p->diags, BC_E_META_VALUE, vpos[8], "draft: %.*s", (int)vlen[8], val[8]);
	if (HAVE(9))
		doc->idx.urgency = synth_line(p, doc->meta, BC_ROLE_URGENCY, vpos[9], bc_arena_strndup(&doc->arena, val[9], vlen[9]));
	synth_line(p, doc->meta, BC_ROLE_MOTTO, (bc_pos){ 1, 1 }, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	synth_line(p, doc->meta, BC_ROLE_SLOGAN, (bc_pos){ 1, 1 }, "Độc lập - Tự do - Hạnh phúc");
	if (HAVE(3) || HAVE(4)) {
		int d = 0, m = 0, y = 0;
		if (HAVE(4)) {
			/* dd/mm/yyyy with ".." for a blank part, or yyyy-mm-dd */
			const char *s = val[4];
			size_t n = vlen[4];
			if (n == 10 && s[4] == '-' && s[7] == '-') {
				y = atoi(s);
				m = atoi(s + 5);
				d = atoi(s + 8);
			} else {
				const char *a = memchr(s, '/', n);
				const char *b2 = a ? memchr(a + 1, '/', (size_t)(s + n - a - 1)) : NULL;
				if (a && b2) {
					d = atoi(s);
					m = atoi(a + 1);
					y = atoi(b2 + 1);
				} else {
					bc_diag_add(p->diags, BC_E_META_VALUE, vpos[4], "date: %.*s", (int)n, s);
				}
			}
		}
		/* the day and month as the author wrote them ("05", "3"); ".." is a blank */
		char ds[8] = "", ms[8] = "";
		if (HAVE(4) && !(vlen[4] == 10 && val[4][4] == '-')) {
			const char *a = memchr(val[4], '/', vlen[4]);
			if (a && (size_t)(a - val[4]) < sizeof ds && val[4][0] != '.')
				snprintf(ds, sizeof ds, "%.*s", (int)(a - val[4]), val[4]);
			const char *b2 = a ? memchr(a + 1, '/', (size_t)(val[4] + vlen[4] - a - 1)) : NULL;
			if (b2 && (size_t)(b2 - a - 1) < sizeof ms && a[1] != '.')
				snprintf(ms, sizeof ms, "%.*s", (int)(b2 - a - 1), a + 1);
		} else {
			snprintf(ds, sizeof ds, d ? "%02d" : "", d);
			snprintf(ms, sizeof ms, m ? (m < 3 ? "%02d" : "%d") : "", m);
		}
		bc_buf_clear(&tmp);
		bc_buf_printf(&tmp, "%.*s, ngày %s tháng %s năm %d", (int)vlen[3], HAVE(3) ? val[3] : "", ds, ms, y);
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_DATELINE, HAVE(3) ? vpos[3] : vpos[4], bc_arena_strndup(&doc->arena, tmp.s, tmp.len));
		bp_unwrap_dates(n);
		n->as.line.place = bp_dup(p, HAVE(3) ? val[3] : "", vlen[3]);
		n->as.line.date = (bc_date){ d, m, y };
		doc->idx.dateline = n;
	}
	if (HAVE(5)) {
		bc_node *n = synth_line(p, doc->meta, BC_ROLE_DOCTYPE, vpos[5], bc_arena_strndup(&doc->arena, val[5], vlen[5]));
		for (int t = 1; t < BC_DOC_TYPE_COUNT; t++) {
			const char *name = bc_doctype_name((bc_doctype)t);
			if (strlen(name) == vlen[5] && memcmp(name, val[5], vlen[5]) == 0)
				n->as.line.doctype = (bc_doctype)t;
		}
		if (vlen[5] == strlen("CHƯƠNG TRÌNH HÀNH ĐỘNG") && memcmp(val[5], "CHƯƠNG TRÌNH HÀNH ĐỘNG", vlen[5]) == 0)
			n->as.line.doctype = BC_DOC_CHUONG_TRINH;
		doc->idx.doctype = n;
	}
	if (HAVE(6))
		doc->idx.title = synth_line(p, doc->meta, BC_ROLE_TITLE, vpos[6], bc_arena_strndup(&doc->arena, val[6], vlen[6]));
	if (HAVE(12) || HAVE(13) || sig) {
		if (!sig)
			sig = bc_node_new(doc, BC_NODE_SIGNATURE, HAVE(12) ? vpos[12] : vpos[13]);
		if (HAVE(12))
			doc->idx.position = synth_line(p, sig, BC_ROLE_POSITION, vpos[12], bc_arena_strndup(&doc->arena, val[12], vlen[12]));
		if (HAVE(13))
			doc->idx.signer = synth_line(p, sig, BC_ROLE_SIGNER, vpos[13], bc_arena_strndup(&doc->arena, val[13], vlen[13]));
		p->meta_signature = sig;
	}
#undef HAVE
	bc_buf_free(&tmp);
	return i;
}
