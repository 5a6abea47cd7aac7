/* meta.c — the explicit form's metadata block ("---" ... "---"): its keys, one table, become the header's lines. */
#include "parse_int.h"
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/vocab.h"

/* The keys, in the order their lines are added to the header (MK_MOTTO is
 * no key: the motto and slogan the explicit form never writes out). */
typedef enum meta_key_id {
	MK_ISSUER, MK_ADDRESSEE, MK_AUTHORITY,
	MK_FAMILY, MK_NUMBER, MK_SYMBOL, MK_SUMMARY, MK_DRAFT, MK_URGENCY, MK_MOTTO,
	MK_PLACE, MK_DATE, MK_TYPE, MK_TITLE, MK_POSITION, MK_SIGNER,
	MK_COUNT
} meta_key_id;

/* A key's value in the block: the text after "key:" without outer spaces. */
typedef struct meta_val {
	const char *s;      /* NULL when the key was not given */
	size_t len;
	bc_pos pos;
} meta_val;

typedef struct meta {
	parser *p;
	meta_val v[MK_COUNT];   /* single-valued keys: the last value given wins */
	bc_node *sig;           /* the SIGNATURE, once an authority, position or signer is known */
	bc_buf tmp;
} meta;

typedef void (*meta_fn)(meta *m, const meta_val *v);

typedef struct meta_key {
	const char *name;   /* as written before the colon; NULL for a step that is no key */
	bc_role role;       /* the LINE it gives */
	int repeatable;     /* each line given becomes a LINE at once, in source order */
	/* repeatable keys: called for each line; the others: called once after the
	 * block, in table order, given or not (a key read with another has none) */
	meta_fn add;
} meta_key;

static void add_issuer(meta *m, const meta_val *v);
static void add_addressee(meta *m, const meta_val *v);
static void add_authority(meta *m, const meta_val *v);
static void add_family(meta *m, const meta_val *v);
static void add_number(meta *m, const meta_val *v);
static void add_summary(meta *m, const meta_val *v);
static void add_draft(meta *m, const meta_val *v);
static void add_urgency(meta *m, const meta_val *v);
static void add_motto(meta *m, const meta_val *v);
static void add_dateline(meta *m, const meta_val *v);
static void add_doctype(meta *m, const meta_val *v);
static void add_title(meta *m, const meta_val *v);
static void add_signature(meta *m, const meta_val *v);

static const meta_key keys[MK_COUNT] = {
	[MK_ISSUER]    = { "issuer",    BC_ROLE_ISSUER,    1, add_issuer },
	[MK_ADDRESSEE] = { "addressee", BC_ROLE_ADDRESSEE, 1, add_addressee },
	[MK_AUTHORITY] = { "authority", BC_ROLE_AUTHORITY, 1, add_authority },
	[MK_FAMILY]    = { "family",    BC_ROLE_NONE,      0, add_family },   /* no line: how the others are written */
	[MK_NUMBER]    = { "number",    BC_ROLE_NUMBER,    0, add_number },   /* with symbol */
	[MK_SYMBOL]    = { "symbol",    BC_ROLE_NUMBER,    0, NULL },
	[MK_SUMMARY]   = { "summary",   BC_ROLE_SUMMARY,   0, add_summary },
	[MK_DRAFT]     = { "draft",     BC_ROLE_DRAFT,     0, add_draft },
	[MK_URGENCY]   = { "urgency",   BC_ROLE_URGENCY,   0, add_urgency },
	[MK_MOTTO]     = { NULL,        BC_ROLE_MOTTO,     0, add_motto },    /* and the slogan */
	[MK_PLACE]     = { "place",     BC_ROLE_DATELINE,  0, NULL },
	[MK_DATE]      = { "date",      BC_ROLE_DATELINE,  0, add_dateline }, /* with place */
	[MK_TYPE]      = { "type",      BC_ROLE_DOCTYPE,   0, add_doctype },
	[MK_TITLE]     = { "title",     BC_ROLE_TITLE,     0, add_title },
	[MK_POSITION]  = { "position",  BC_ROLE_POSITION,  0, NULL },
	[MK_SIGNER]    = { "signer",    BC_ROLE_SIGNER,    0, add_signature }, /* with authority and position */
};

static int have(const meta *m, meta_key_id k) { return m->v[k].s != NULL; }

/* A given value, or "" (its length is then 0). */
static const char *val_or_empty(const meta *m, meta_key_id k) { return have(m, k) ? m->v[k].s : ""; }

/* Adds a LINE made of synthesised text (for fields the block states as data). */
static bc_node *synth_line(parser *p, bc_node *parent, bc_role role, bc_pos pos, const char *text)
{
	bc_node *n = bc_node_new(p->doc, BC_NODE_LINE, pos);
	n->as.line->role = role;
	bc_seg seg = { text, strlen(text), pos, 0 };
	bc_inline_parse(&p->icx, n, &seg, 1);
	bc_node_append(parent, n);
	return n;
}

/* A LINE of the header whose text is s[0..len), copied into the arena. */
static bc_node *synth_copy(meta *m, bc_node *parent, bc_role role, bc_pos pos, const char *s, size_t len)
{
	return synth_line(m->p, parent, role, pos, bc_arena_strndup(&m->p->doc->arena, s, len));
}

/* A LINE of the header whose text is what m->tmp holds. */
static bc_node *synth_tmp(meta *m, bc_role role, bc_pos pos)
{
	return synth_copy(m, m->p->doc->meta, role, pos, m->tmp.s, m->tmp.len);
}

static void add_issuer(meta *m, const meta_val *v)
{
	bc_document *doc = m->p->doc;
	synth_copy(m, doc->meta, BC_ROLE_ISSUER, v->pos, v->s, v->len);
	if (!doc->idx.issuer_first)
		doc->idx.issuer_first = doc->meta->last;
	doc->idx.issuer_last = doc->meta->last;
}

static void add_addressee(meta *m, const meta_val *v)
{
	bc_buf_clear(&m->tmp);
	bc_buf_printf(&m->tmp, "Kính gửi: %.*s", (int)v->len, v->s);
	synth_tmp(m, BC_ROLE_ADDRESSEE, v->pos);
}

static void add_authority(meta *m, const meta_val *v)
{
	bc_document *doc = m->p->doc;
	if (!m->sig)
		m->sig = bc_node_new(doc, BC_NODE_SIGNATURE, v->pos);
	bc_node *n = synth_copy(m, m->sig, BC_ROLE_AUTHORITY, v->pos, v->s, v->len);
	if (!doc->idx.authority_first)
		doc->idx.authority_first = n;
}

/* "family: party": a Party document (Hướng dẫn 36-HD/VPTW, FORMAT.md §11.1):
 * the Party's motto and the number written its way; "state", the default, a
 * document of Nghị định 30; another word is an error and the line is ignored. */
static int party(const meta *m) { return have(m, MK_FAMILY) && m->v[MK_FAMILY].len == 5 && !memcmp(m->v[MK_FAMILY].s, "party", 5); }

static void add_family(meta *m, const meta_val *v)
{
	if (v->s && !party(m) && !(v->len == 5 && !memcmp(v->s, "state", 5))) {
		bc_diag_add(m->p->diags, BC_E_META_VALUE, v->pos, "family: %.*s", (int)v->len, v->s);
		m->v[MK_FAMILY].s = NULL;
	}
}

/* "Số: 03/CT-UBND" from number and symbol, either of which may be missing;
 * a Party document's "Số 03-CTr/ĐU", no colon, a hyphen before the symbol. */
static void add_number(meta *m, const meta_val *v)
{
	const meta_val *sym = &m->v[MK_SYMBOL];
	if (!have(m, MK_NUMBER) && !have(m, MK_SYMBOL))
		return;
	bc_buf_clear(&m->tmp);
	bc_buf_printf(&m->tmp, party(m) ? "Số %.*s-%.*s" : "Số: %.*s/%.*s", (int)v->len, val_or_empty(m, MK_NUMBER),
	              (int)sym->len, val_or_empty(m, MK_SYMBOL));
	bc_node *n = synth_tmp(m, BC_ROLE_NUMBER, have(m, MK_NUMBER) ? v->pos : sym->pos);
	bp_set_code(m->p, n, val_or_empty(m, MK_NUMBER), v->len, val_or_empty(m, MK_SYMBOL), sym->len);
	m->p->doc->idx.number = n;
}

static void add_summary(meta *m, const meta_val *v)
{
	if (!v->s)
		return;
	bc_buf_clear(&m->tmp);
	bc_buf_printf(&m->tmp, "V/v %.*s", (int)v->len, v->s);
	m->p->doc->idx.summary = synth_tmp(m, BC_ROLE_SUMMARY, v->pos);
}

static int is_word(const meta_val *v, const char *w) { return v->len == strlen(w) && !memcmp(v->s, w, v->len); }

/* "yes" gives the "(DỰ THẢO)" line, "no" nothing; anything else ("có",
 * "y") is an error and the line is ignored (FORMAT.md §11.1): keys and their
 * words are exact, so that a value read one way is never meant another. */
static void add_draft(meta *m, const meta_val *v)
{
	if (!v->s)
		return;
	if (is_word(v, "yes"))
		m->p->doc->idx.draft = synth_line(m->p, m->p->doc->meta, BC_ROLE_DRAFT, v->pos, "(DỰ THẢO)");
	else if (!is_word(v, "no"))
		bc_diag_add(m->p->diags, BC_E_META_VALUE, v->pos, "draft: %.*s", (int)v->len, v->s);
}

/* The three degrees of urgency of Nghị định 30/2020 (HỎA TỐC also with the
 * older placing of its tone mark, HOẢ TỐC); another word ("GẤP") is an error
 * and the line is ignored: a PDF must not print an urgency the decree lacks. */
static void add_urgency(meta *m, const meta_val *v)
{
	if (!v->s)
		return;
	if (is_word(v, "KHẨN") || is_word(v, "THƯỢNG KHẨN") || is_word(v, "HỎA TỐC") || is_word(v, "HOẢ TỐC"))
		m->p->doc->idx.urgency = synth_copy(m, m->p->doc->meta, BC_ROLE_URGENCY, v->pos, v->s, v->len);
	else
		bc_diag_add(m->p->diags, BC_E_META_VALUE, v->pos, "urgency: %.*s", (int)v->len, v->s);
}

/* The national motto and slogan, which every state document bears; a Party
 * document bears the Party's name instead, and no slogan (Hướng dẫn 36, II.1.1). */
static void add_motto(meta *m, const meta_val *v)
{
	if (party(m)) {
		synth_line(m->p, m->p->doc->meta, BC_ROLE_MOTTO, (bc_pos){ 0, 0 }, "ĐẢNG CỘNG SẢN VIỆT NAM");
		return;
	}
	synth_line(m->p, m->p->doc->meta, BC_ROLE_MOTTO, (bc_pos){ 0, 0 }, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	synth_line(m->p, m->p->doc->meta, BC_ROLE_SLOGAN, (bc_pos){ 0, 0 }, "Độc lập - Tự do - Hạnh phúc");
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* A day or month of date-value: one or two digits, or ".." for a blank (0). */
static int date_part(const char *s, size_t n, int *v)
{
	if (n == 2 && s[0] == '.' && s[1] == '.') {
		*v = 0;
		return 1;
	}
	if (n < 1 || n > 2 || !digits(s, n))
		return 0;
	*v = atoi(s);
	return *v > 0;
}

/* The date of FORMAT.md §11.1: dd/mm/yyyy with ".." for a blank day, or day
 * and month, or yyyy-mm-dd; the date must exist ("31/02/2026" does not) and
 * a blank month goes with a blank day.  Anything else is an error, and the
 * line is ignored: read as no date at all.  0 when it is not a date. */
static int read_date(meta *m, const meta_val *v, bc_date *d)
{
	const char *s = v->s;
	size_t n = v->len;
	int ok = 0;
	*d = (bc_date){ 0, 0, 0 };
	if (n == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) && digits(s + 5, 2) && digits(s + 8, 2)) {
		*d = (bc_date){ atoi(s + 8), atoi(s + 5), atoi(s) };
		ok = 1;
	} else {
		const char *a = memchr(s, '/', n);
		const char *b = a ? memchr(a + 1, '/', (size_t)(s + n - a - 1)) : NULL;
		ok = a && b && date_part(s, (size_t)(a - s), &d->day) && date_part(a + 1, (size_t)(b - a - 1), &d->month) &&
		     s + n - b - 1 == 4 && digits(b + 1, 4);
		if (ok)
			d->year = atoi(b + 1);
	}
	if (ok && d->month > 12)
		ok = 0;
	else if (ok && !d->month && d->day)
		ok = 0;   /* "05/../2026": a day without its month */
	else if (ok && d->day && !bc_date_plausible(*d))
		ok = 0;
	else if (ok && !bc_date_plausible((bc_date){ d->day ? d->day : 1, d->month ? d->month : 1, d->year }))
		ok = 0;   /* "../../0000": a draft's blank day and month, but no year a document has */
	if (!ok) {
		bc_diag_add(m->p->diags, BC_E_META_VALUE, v->pos, "date: %.*s", (int)n, s);
		*d = (bc_date){ 0, 0, 0 };
	}
	return ok;
}

/* The day and month as the author wrote them ("05", "3"), ".." a blank; from
 * the numbers ("05", "03" for January and February) when the date is ISO. */
static void date_words(const meta_val *v, bc_date d, char ds[8], char ms[8])
{
	ds[0] = ms[0] = '\0';
	if (v->s && !(v->len == 10 && v->s[4] == '-')) {
		const char *a = memchr(v->s, '/', v->len);
		if (a && (size_t)(a - v->s) < 8 && v->s[0] != '.')
			snprintf(ds, 8, "%.*s", (int)(a - v->s), v->s);
		const char *b = a ? memchr(a + 1, '/', (size_t)(v->s + v->len - a - 1)) : NULL;
		if (b && (size_t)(b - a - 1) < 8 && a[1] != '.')
			snprintf(ms, 8, "%.*s", (int)(b - a - 1), a + 1);
	} else {
		snprintf(ds, 8, d.day ? "%02d" : "", d.day);
		snprintf(ms, 8, d.month ? (d.month < 3 ? "%02d" : "%d") : "", d.month);
	}
}

/* A synthesised inline and what it holds stand for the value at pos. */
static void place_at(bc_node *n, bc_pos pos)
{
	n->pos = pos;
	if (n->end_line)
		n->end_line = pos.line;
	for (bc_node *c = n->first; c; c = c->next)
		place_at(c, pos);
}

/* "Hải Phòng, ngày 05 tháng 3 năm 2026" from place and date, either of which may be missing. */
static void add_dateline(meta *m, const meta_val *v)
{
	const meta_val *place = &m->v[MK_PLACE];
	bc_date d = { 0, 0, 0 };
	if (have(m, MK_DATE) && !read_date(m, v, &d))
		m->v[MK_DATE].s = NULL;   /* the bad line is ignored; v is that value */
	if (!have(m, MK_PLACE) && !have(m, MK_DATE))
		return;
	char ds[8], ms[8];
	date_words(v, d, ds, ms);
	bc_buf_clear(&m->tmp);
	/* a place without a date (none given, or a bad one ignored) has every part
	 * of the date blank, the year too: never "năm 0" */
	bc_buf_printf(&m->tmp, "%.*s, ngày %s tháng %s năm", (int)place->len, val_or_empty(m, MK_PLACE), ds, ms);
	if (d.year)
		bc_buf_printf(&m->tmp, " %d", d.year);
	bc_node *n = synth_tmp(m, BC_ROLE_DATELINE, have(m, MK_PLACE) ? place->pos : v->pos);
	bp_unwrap_dates(n);
	/* the words after the place's stand for the date: value, not for the
	 * place's line: a finding in them ("tháng 03", a zero too many) points there */
	if (have(m, MK_PLACE) && have(m, MK_DATE) && n->first)
		for (bc_node *c = n->first->next; c; c = c->next)
			place_at(c, v->pos);
	n->as.line->place = bp_dup(m->p, val_or_empty(m, MK_PLACE), place->len);
	n->as.line->date = d;
	bc_dateline_split(n);
	m->p->doc->idx.dateline = n;
}

static void add_doctype(meta *m, const meta_val *v)
{
	if (!v->s)
		return;
	bc_node *n = synth_copy(m, m->p->doc->meta, BC_ROLE_DOCTYPE, v->pos, v->s, v->len);
	n->as.line->doctype = bc_doctype_from_name(v->s, v->len);   /* the type line's names, of the one table */
	m->p->doc->idx.doctype = n;
}

static void add_title(meta *m, const meta_val *v)
{
	if (v->s)
		m->p->doc->idx.title = synth_copy(m, m->p->doc->meta, BC_ROLE_TITLE, v->pos, v->s, v->len);
}

/* The signature: authority lines (added as given), then position and signer.
 * It waits in p->meta_signature for the closing (bp_place_meta_signature). */
static void add_signature(meta *m, const meta_val *v)
{
	const meta_val *pos = &m->v[MK_POSITION];
	bc_document *doc = m->p->doc;
	if (!have(m, MK_POSITION) && !have(m, MK_SIGNER) && !m->sig)
		return;
	if (!m->sig)
		m->sig = bc_node_new(doc, BC_NODE_SIGNATURE, have(m, MK_POSITION) ? pos->pos : v->pos);
	if (have(m, MK_POSITION))
		doc->idx.position = synth_copy(m, m->sig, BC_ROLE_POSITION, pos->pos, pos->s, pos->len);
	if (have(m, MK_SIGNER))
		doc->idx.signer = synth_copy(m, m->sig, BC_ROLE_SIGNER, v->pos, v->s, v->len);
	m->p->meta_signature = m->sig;
}

/* The key of a line "key: value", looked up by name; MK_COUNT when there is none. */
static meta_key_id find_key(const bc_line *l, const char *colon)
{
	size_t klen = (size_t)(colon - l->s);
	while (klen && l->s[klen - 1] == ' ')
		klen--;
	for (int k = 0; k < MK_COUNT; k++)
		if (keys[k].name && strlen(keys[k].name) == klen && memcmp(keys[k].name, l->s, klen) == 0)
			return (meta_key_id)k;
	return MK_COUNT;
}

/* One line of the block: a repeatable key is added at once, another kept. */
static void read_meta_line(meta *m, const bc_line *l)
{
	size_t lead = 0;
	while (lead < l->len && (l->s[lead] == ' ' || l->s[lead] == '\t'))
		lead++;
	if (l->kind == BC_LK_BLANK || (lead < l->len && l->s[lead] == '#'))
		return;   /* blank lines and "# comments" */
	const char *colon = memchr(l->s, ':', l->len);
	meta_key_id k = colon ? find_key(l, colon) : MK_COUNT;
	if (k == MK_COUNT) {
		size_t klen = colon ? (size_t)(colon - l->s) : 0;
		while (klen && l->s[klen - 1] == ' ')
			klen--;
		bc_diag_add(m->p->diags, BC_E_META_KEY, (bc_pos){ l->no, 1 }, "%.*s", (int)(klen ? klen : l->len), l->s);
		return;
	}
	const char *v = colon + 1;
	const char *e = l->s + l->len;
	while (v < e && *v == ' ')
		v++;
	while (e > v && e[-1] == ' ')
		e--;
	/* FORMAT.md §11.1: '"' [^"]* '"' is the text between the quotes ("" is
	 * no value, reported at its opening quote) */
	const char *at = v;
	if (e - v >= 2 && *v == '"' && e[-1] == '"' && !memchr(v + 1, '"', (size_t)(e - v - 2))) {
		v++;
		e--;
		if (e > v)
			at = v;
	}
	meta_val val = { v, (size_t)(e - v), bc_line_pos(l, (size_t)(at - l->s)) };
	/* FORMAT.md §11.1: no value for a key that needs one (every key but a
	 * draft's number), or a second value for a key that takes one, is an
	 * error, and the line is ignored: the first value stands */
	if (!val.len && k != MK_NUMBER) {
		bc_diag_add(m->p->diags, BC_E_META_VALUE, val.pos, "%s:", keys[k].name);
		return;
	}
	if (!keys[k].repeatable && m->v[k].s) {
		bc_diag_add(m->p->diags, BC_E_META_VALUE, val.pos, "%s: %.*s", keys[k].name, (int)val.len, val.s);
		return;
	}
	if (keys[k].repeatable)
		keys[k].add(m, &val);
	else
		m->v[k] = val;
}

/* Reads the block from its opening fence (line 0) to its closing one;
 * returns the line after it. */
size_t bp_parse_meta_block(parser *p)
{
	bc_lines *L = &p->lines;
	meta m;
	memset(&m, 0, sizeof m);
	m.p = p;
	m.tmp = (bc_buf)BC_BUF_INIT;
	p->doc->explicit_form = 1;
	size_t i = 1;
	for (; i < L->n; i++) {
		const bc_line *l = &L->v[i];
		if (l->len == 3 && memcmp(l->s, "---", 3) == 0) {
			i++;
			break;
		}
		read_meta_line(&m, l);
	}
	for (int k = 0; k < MK_COUNT; k++)
		if (!keys[k].repeatable && keys[k].add)
			keys[k].add(&m, &m.v[k]);
	bc_buf_free(&m.tmp);
	return i;
}

/* The signature the metadata block states goes to the closing, unless the
 * text has its own signature there; with no closing, a new one before any
 * appendix. */
void bp_place_meta_signature(parser *p)
{
	bc_document *doc = p->doc;
	bc_node *sig = p->meta_signature;
	if (!sig)
		return;
	if (doc->closing) {
		for (bc_node *c = doc->closing->first; c; c = c->next)
			if (c->type == BC_NODE_SIGNATURE)
				return;
		bc_node_append(doc->closing, sig);
		return;
	}
	bc_node *c = bc_node_new(doc, BC_NODE_CLOSING, sig->pos);
	bc_node_append(c, sig);
	if (doc->body->next)
		bc_node_insert_after(doc->body, c);
	else
		bc_node_append(doc->root, c);
	doc->closing = c;
}
