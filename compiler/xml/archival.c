/* archival.c — the Phụ lục VI fields of <meta>, written from the facts model/facts.c worked out. */
#include "xw.h"

static void leaf(xw *x, const char *name, const char *s, size_t len)
{
	if (len == 0)
		return;
	xw_indent(x);
	xw_start(x, name);
	xw_text(x, s, len);
	xw_end(x);
}

static void leaf_str(xw *x, const char *name, bc_str s) { leaf(x, name, s.s, s.len); }

/* The fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI, each only when the document states it. */
void xw_archival(xw *x)
{
	const bc_facts *f = x->facts;
	leaf_str(x, "TypeName", f->type_name);
	leaf_str(x, "CodeNumber", f->code_number);
	leaf_str(x, "CodeNotation", f->code_notation);
	if (f->issued_known) {
		char iso[16];
		int n = xw_iso_date(f->issued, iso);
		leaf(x, "IssuedDate", iso, (size_t)n);
	}
	leaf_str(x, "OrganName", f->organ_name);
	leaf_str(x, "Subject", f->subject);
	leaf(x, "Language", "vi", 2);
	if (f->signer_position.len || f->signer_name.len) {
		xw_open_block(x, "SignerInfo");
		leaf_str(x, "Position", f->signer_position);
		leaf_str(x, "FullName", f->signer_name);
		xw_close_block(x, 1);
	}
	for (size_t i = 0; i < f->nrecipients; i++)
		if (bc_recipient_is_real(&f->recipients[i]))   /* not "Như trên", not "Lưu: VT" */
			leaf_str(x, "To", f->recipients[i].name);
	if (f->priority >= 0) {
		xw_indent(x);
		xw_start(x, "Priority");
		xw_attr_long(x, "code", f->priority);
		xw_text(x, f->priority_text.s, f->priority_text.len);
		xw_end(x);
	}
}
