/* tree.c — `baocao tree`: the model as an indented outline, one node a line, with its type, facts and source position. */
#include <stdio.h>
#include <string.h>

#include "../model/facts.h"
#include "../model/vocab.h"
#include "../restore/restore.h"
#include "../render/render.h"
#include "../util/buf.h"

/*
 * This is how a user sees what the compiler understood, and what the
 * per-construct regression tests compare (tests/regress/).  It prints only
 * what the parser and the model decided — never a judgement of its own — so
 * that a wrong decision shows here exactly as every output will read it.
 *
 * One line a node, indented two spaces a level:
 *     TYPE [facts] @LINE:COL[-END_LINE] ["text"]
 * A block whose inline content is one text node shows that text on its own
 * line; other inline content is printed as child nodes.  "@-" marks a node the
 * program made up (no source position).  Strings are quoted with \" \\ \n \t
 * and \xHH escapes for control characters.
 *
 * Then, under "facts", what the model worked out from the whole tree for
 * every output (model/facts.c): the archival fields, the recipients and what
 * each one is, the priority.
 */

static void put_quoted(bc_buf *out, const char *s, size_t len)
{
	bc_buf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': bc_buf_puts(out, "\\\""); break;
		case '\\': bc_buf_puts(out, "\\\\"); break;
		case '\n': bc_buf_puts(out, "\\n"); break;
		case '\t': bc_buf_puts(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				bc_buf_printf(out, "\\x%02X", c);
			else
				bc_buf_putc(out, (char)c);
		}
	}
	bc_buf_putc(out, '"');
}

static void put_str(bc_buf *out, const char *name, bc_str s)
{
	if (!s.s || !s.len)
		return;
	bc_buf_printf(out, " %s=", name);
	put_quoted(out, s.s, s.len);
}

static void put_int(bc_buf *out, const char *name, long v)
{
	if (v)
		bc_buf_printf(out, " %s=%ld", name, v);
}

/* A date as the text gives it: ISO order, a part the text leaves blank as "?". */
static void put_date(bc_buf *out, const char *name, bc_date d)
{
	if (!d.day && !d.month && !d.year)
		return;
	bc_buf_printf(out, " %s=", name);
	if (d.year) bc_buf_printf(out, "%04d", d.year); else bc_buf_puts(out, "????");
	if (d.month) bc_buf_printf(out, "-%02d", d.month); else bc_buf_puts(out, "-??");
	if (d.day) bc_buf_printf(out, "-%02d", d.day); else bc_buf_puts(out, "-??");
}

static void put_label(bc_buf *out, bc_label_kind kind, bc_str label)
{
	if (kind != BC_LABEL_NONE)
		bc_buf_printf(out, " kind=%s", bc_label_kind_name(kind));
	put_str(out, "label", label);
}

static void put_bullet(bc_buf *out, char bullet)
{
	if (bullet)
		bc_buf_printf(out, " bullet='%c'", bullet);
}

static const char *const row_kinds[] = { "body", "head", "group", "total" };

/* The cells a row's line wrote (without, then with the empty fields at its
 * end), each where the row's cells say otherwise: a short row padded, cells
 * joined by a span. */
static void put_written(bc_buf *out, const bc_node *row)
{
	int cells = (int)row->as.row.ncells;
	if (row->as.row.written && row->as.row.written != cells)
		bc_buf_printf(out, " written=%d", row->as.row.written);
	if (row->as.row.fields != row->as.row.written && row->as.row.fields != cells)
		bc_buf_printf(out, " fields=%d", row->as.row.fields);
}
static const char *const aligns[] = { "", "left", "center", "right" };

/* The facts of each node type, as the model holds them. */
static void put_facts(bc_buf *out, const bc_document *doc, const bc_node *n)
{
	switch (n->type) {
	case BC_NODE_DOCUMENT: {
		bc_doctype t = bc_document_type(doc);
		if (t != BC_DOC_UNKNOWN)
			bc_buf_printf(out, " doctype=\"%s\"", bc_doctype_name(t));
		if (doc->source_encoding[0])
			bc_buf_printf(out, " encoding=%s", doc->source_encoding);
		if (doc->explicit_form)
			bc_buf_puts(out, " explicit");
		break;
	}
	case BC_NODE_SECTION:
	case BC_NODE_ARTICLE:
	case BC_NODE_CLAUSE:
	case BC_NODE_POINT:
		bc_buf_printf(out, " level=%d", n->as.section.level);
		put_label(out, n->as.section.kind, n->as.section.label);
		if (n->as.section.delim)
			bc_buf_printf(out, " delim='%c'", n->as.section.delim);
		if (n->as.section.run_in)
			bc_buf_puts(out, " run-in");
		break;
	case BC_NODE_HEADING:
		put_str(out, "label-read", n->as.heading.label_read);
		break;
	case BC_NODE_PARAGRAPH:
		put_label(out, n->as.para.kind, n->as.para.label);
		if (n->as.para.delim)
			bc_buf_printf(out, " delim='%c'", n->as.para.delim);
		put_int(out, "joined-at", (long)n->as.para.joined_at);
		if (n->as.para.hard_wrapped)
			bc_buf_puts(out, " wrapped");
		break;
	case BC_NODE_LIST:
		put_bullet(out, n->as.list.bullet);
		break;
	case BC_NODE_SIGNATURE:
		if (n->as.signature.beside)
			bc_buf_puts(out, " beside");
		break;
	case BC_NODE_ITEM:
		put_bullet(out, n->as.item.bullet);
		put_label(out, n->as.item.kind, n->as.item.label);
		break;
	case BC_NODE_TABLE:
		bc_buf_printf(out, " cols=%d head-rows=%d", n->as.table.cols, n->as.table.head_rows);
		put_int(out, "repeats", n->as.table.repeats_removed);
		put_str(out, "unit", n->as.table.unit);
		break;
	case BC_NODE_ROW:
		if (n->as.row.kind <= BC_ROW_TOTAL && n->as.row.kind != BC_ROW_BODY)
			bc_buf_printf(out, " %s", row_kinds[n->as.row.kind]);
		if (n->as.row.repeat != BC_REPEAT_NONE)
			bc_buf_printf(out, " repeat=%s of=%d", bc_repeat_name(n->as.row.repeat), n->as.row.repeat_of);
		put_int(out, "fragment-merged", (long)n->as.row.fragment_merged);
		put_written(out, n);
		break;
	case BC_NODE_CELL:
		bc_buf_printf(out, " col=%d", n->as.cell.col);
		if (n->as.cell.colspan > 1)
			bc_buf_printf(out, " colspan=%d", n->as.cell.colspan);
		if (n->as.cell.rowspan > 1)
			bc_buf_printf(out, " rowspan=%d", n->as.cell.rowspan);
		if (n->as.cell.align > BC_ALIGN_NONE && n->as.cell.align <= BC_ALIGN_RIGHT)
			bc_buf_printf(out, " align=%s", aligns[n->as.cell.align]);
		put_str(out, "value", n->as.cell.value);
		break;
	case BC_NODE_LINE:
		bc_buf_printf(out, " %s", bc_role_name(n->as.line->role));
		if (n->as.line->doctype != BC_DOC_UNKNOWN)
			bc_buf_printf(out, " doctype=\"%s\"", bc_doctype_name(n->as.line->doctype));
		put_str(out, "number", n->as.line->number);
		put_str(out, "year", n->as.line->year);
		put_str(out, "symbol", n->as.line->symbol);
		put_str(out, "place", n->as.line->place);
		put_date(out, "date", n->as.line->date);
		put_str(out, "label", n->as.line->label);
		if (n->as.line->unread)
			bc_buf_puts(out, " unread");
		if (n->as.line->at_end)
			bc_buf_puts(out, " at-end");
		put_str(out, "read", n->as.line->read);
		break;
	case BC_NODE_APPENDIX:
		put_str(out, "label", n->as.appendix.label);
		break;
	case BC_NODE_NOTE:
		bc_buf_printf(out, " id=%d", n->as.note.id);
		put_str(out, "mark", n->as.note.mark);
		break;
	case BC_NODE_NOTEREF:
		bc_buf_printf(out, " id=%d", n->as.noteref.id);
		if (n->as.noteref.note)
			bc_buf_printf(out, " note=@%u", (unsigned)n->as.noteref.note->pos.line);
		else
			bc_buf_puts(out, " unresolved");
		break;
	case BC_NODE_DATE:
		put_date(out, "date", n->as.date.date);
		if (n->as.date.invalid)
			bc_buf_puts(out, " invalid");
		break;
	case BC_NODE_CITE: {
		bc_buf_puts(out, " kind=");
		put_quoted(out, n->as.cite->kind->word, strlen(n->as.cite->kind->word));
		put_str(out, "number", n->as.cite->number);
		/* a partial date as "2025-11-??"; "ngày" with no date after it as unread */
		put_date(out, "date", n->as.cite->date);
		if (n->as.cite->dated == BC_CITE_UNREAD)
			bc_buf_puts(out, " date=unread");
		break;
	}
	default:
		break;
	}
}

static void put_pos(bc_buf *out, const bc_node *n)
{
	if (bc_node_is_made_up(n)) {
		bc_buf_puts(out, " @-");
		return;
	}
	bc_buf_printf(out, " @%u:%u", (unsigned)n->pos.line, (unsigned)n->pos.col);
	if (n->end_line > n->pos.line)
		bc_buf_printf(out, "-%u", (unsigned)n->end_line);
}

/* A block whose whole inline content is one text node. */
static const bc_node *only_text(const bc_node *n)
{
	if (bc_node_is_inline(n) || !n->first || n->first != n->last || n->first->type != BC_NODE_TEXT)
		return NULL;
	return n->first;
}

static void put_node(bc_buf *out, const bc_document *doc, const bc_node *n, int depth)
{
	for (int i = 0; i < depth; i++)
		bc_buf_puts(out, "  ");
	bc_buf_puts(out, bc_node_type_name(n->type));
	put_facts(out, doc, n);
	put_pos(out, n);
	const bc_node *t = n->type == BC_NODE_TEXT ? n : only_text(n);
	if (t) {
		bc_buf_putc(out, ' ');
		put_quoted(out, t->as.text.literal.s, t->as.text.literal.len);
	}
	bc_buf_putc(out, '\n');
}

static void put_fact(bc_buf *out, const char *name, bc_str s)
{
	if (!s.s || !s.len)
		return;
	bc_buf_printf(out, "  %s ", name);
	put_quoted(out, s.s, s.len);
	bc_buf_putc(out, '\n');
}

static const char *const recipient_kinds[] = {
	[BC_RECIP_ADDRESSEE] = "addressee", [BC_RECIP_SENT] = "sent",
	[BC_RECIP_AS_ABOVE] = "as-above", [BC_RECIP_FILED] = "filed",
};

/* What the restore stage undid before the text was read: the shape it saw, and
 * each line it dropped or changed, as the input had it. */
static void put_restored_section(bc_buf *out, const bc_restore *r)
{
	if (!r || !r->nrec)
		return;
	bc_buf_printf(out, "restored shape=%s%s%s\n", bc_shape_name(r->shape), r->forced ? " forced" : "", r->ocr ? " ocr" : "");
	for (size_t i = 0; i < r->nrec; i++) {
		const bc_restore_record *rec = &r->rec[i];
		bc_buf_printf(out, "  %s %s @%u ", rec->dropped ? "removed" : "changed", bc_restore_kind_name(rec->kind),
		              (unsigned)rec->line);
		put_quoted(out, rec->text, rec->len);
		bc_buf_putc(out, '\n');
	}
}

static void put_facts_section(bc_buf *out, const bc_facts *f)
{
	bc_buf_puts(out, "facts\n");
	if (f->family == BC_FAMILY_PARTY)   /* and the guide its date puts it under */
		bc_buf_printf(out, "  family party\n  guide %s\n", bc_guide_name(f->guide));
	put_fact(out, "type-name", f->type_name);
	put_fact(out, "code-number", f->code_number);
	put_fact(out, "code-notation", f->code_notation);
	if (f->number_from)
		bc_buf_printf(out, "  number-from @%u\n", (unsigned)f->number_from->pos.line);
	if (f->issued_known)
		bc_buf_printf(out, "  issued %04d-%02d-%02d\n", f->issued.year, f->issued.month, f->issued.day);
	if (f->issued_from)
		bc_buf_printf(out, "  issued-from @%u\n", (unsigned)f->issued_from->pos.line);
	put_fact(out, "organ", f->organ_name);
	put_fact(out, "subject", f->subject);
	put_fact(out, "signer-position", f->signer_position);
	put_fact(out, "signer-name", f->signer_name);
	if (f->priority >= 0 || f->priority_text.len) {
		bc_buf_printf(out, "  priority %d", f->priority);
		if (f->priority_text.len) {
			bc_buf_putc(out, ' ');
			put_quoted(out, f->priority_text.s, f->priority_text.len);
		}
		bc_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < f->nrecipients; i++) {
		const bc_recipient *r = &f->recipients[i];
		bc_buf_printf(out, "  recipient %s", r->kind <= BC_RECIP_FILED ? recipient_kinds[r->kind] : "?");
		if (r->node)
			put_pos(out, r->node);
		bc_buf_putc(out, ' ');
		put_quoted(out, r->name.s ? r->name.s : "", r->name.len);
		bc_buf_putc(out, '\n');
	}
}

int bc_tree_output(const bc_document *doc, const bc_render_options *opt, bc_buf *out, bc_diags *diags)
{
	(void)opt;
	(void)diags;
	/* the enter/exit walk, without recursion: a deep document cannot exhaust the stack */
	int depth = 0;
	bc_iter it;
	bc_iter_init(&it, doc->root);
	bc_event ev;
	while ((ev = bc_iter_next(&it)) != BC_EV_DONE) {
		const bc_node *n = it.cur;
		if (ev == BC_EV_EXIT) {
			depth--;
			continue;
		}
		/* a text shown on its block's line is not repeated as a child */
		if (n->type == BC_NODE_TEXT && n->parent && only_text(n->parent) == n)
			continue;
		put_node(out, doc, n, depth);
		if (!bc_node_is_leaf(n))
			depth++;
	}
	put_facts_section(out, bc_document_facts(doc));
	put_restored_section(out, doc->restore);
	return 0;
}
