/* fidelity.c — "nothing lost": every word of the input text must reach the XML, in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdint.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

/*
 * Words are maximal runs of letters, marks and digits (Unicode categories L*,
 * M*, N*).  Superscript digits count as digits but form words of their own,
 * since "nghiệp³" is the word "nghiệp" followed by the note mark "3".
 *
 * Checks, ignoring input lines that the XML marks as removed repeated table
 * headers (<repeat line="N"/>, whose words must all be words of the table's thead,
 * or pieces of them where a grid's narrow column cut a word over lines;
 * a <repeat kind="reworded"> keeps its cells, whose words are read like a row's):
 *   order:    each input line's words are a subsequence of the XML word stream
 *             within 4*words+20 positions of some occurrence of its first word;
 *   multiset: each word occurs in the XML at least as often as in the input.
 */

#define MAX_REPORT 2000   /* FIDELITY_REPORT=N lists N problems; 20 by default */
static size_t max_report = 20;

/* ---- growable arrays and an interning hash table ---- */

static void oom(void)
{
	fprintf(stderr, "fidelity: out of memory\n");
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

typedef struct {
	char **str;          /* id -> word */
	uint32_t n, cap;
	uint32_t *slot;      /* hash slots: id+1, 0 when empty */
	uint32_t nslot;
} intern_t;

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void intern_grow(intern_t *t)
{
	uint32_t ns = t->nslot ? t->nslot * 2 : 1024;
	uint32_t *slot = calloc(ns, sizeof *slot);
	if (!slot)
		oom();
	for (uint32_t id = 0; id < t->n; id++) {
		uint64_t h = hash(t->str[id], strlen(t->str[id]));
		uint32_t i = (uint32_t)(h & (ns - 1));
		while (slot[i])
			i = (i + 1) & (ns - 1);
		slot[i] = id + 1;
	}
	free(t->slot);
	t->slot = slot;
	t->nslot = ns;
}

/* The id of word s[0..n); add it unless lookup_only (then -1 when absent). */
static int64_t intern(intern_t *t, const char *s, size_t n, int lookup_only)
{
	if (!lookup_only && (t->n + 1) * 2 > t->nslot)
		intern_grow(t);
	if (!t->nslot)
		return -1;
	uint32_t i = (uint32_t)(hash(s, n) & (t->nslot - 1));
	while (t->slot[i]) {
		const char *w = t->str[t->slot[i] - 1];
		if (strlen(w) == n && memcmp(w, s, n) == 0)
			return t->slot[i] - 1;
		i = (i + 1) & (t->nslot - 1);
	}
	if (lookup_only)
		return -1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->str = xrealloc(t->str, t->cap * sizeof *t->str);
	}
	char *c = xrealloc(NULL, n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	t->str[t->n] = c;
	t->slot[i] = t->n + 1;
	return t->n++;
}

typedef struct {
	uint32_t id, line, col;
} word_t;

typedef struct {
	word_t *w;
	size_t n, cap;
} words_t;

static void words_push(words_t *ws, uint32_t id, uint32_t line, uint32_t col)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 4096;
		ws->w = xrealloc(ws->w, ws->cap * sizeof *ws->w);
	}
	ws->w[ws->n++] = (word_t){ id, line, col };
}

/* ---- tokenising ---- */

/* 0-9 for a superscript digit, else -1. */
static int superscript_digit(utf8proc_int32_t c)
{
	if (c == 0x2070)
		return 0;
	if (c == 0xB9)
		return 1;
	if (c == 0xB2 || c == 0xB3)
		return c - 0xB0;
	if (c >= 0x2074 && c <= 0x2079)
		return c - 0x2070;
	return -1;
}

static int is_word_char(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Length of an inline tag the text format consumes at s ("<b>", "</sup>", "<br/>"), else 0. */
static size_t markup_tag(const char *s, size_t n)
{
	static const char *names[] = { "b", "i", "u", "sup", "br" };
	size_t i = 1;
	if (n < 3 || s[0] != '<')
		return 0;
	if (s[i] == '/')
		i++;
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		size_t l = strlen(names[k]), j = i + l;
		if (j > n || strncasecmp(s + i, names[k], l) != 0)
			continue;
		while (j < n && s[j] == ' ')
			j++;
		if (j < n && s[j] == '/')
			j++;
		if (j < n && s[j] == '>')
			return j + 1;
	}
	return 0;
}

typedef void (*word_fn)(void *ctx, const char *w, size_t n, uint32_t col);

/* Split text (NFC, UTF-8) into words; strip_tags drops the format's inline tags. */
static void tokenize(const char *s, size_t n, int strip_tags, word_fn fn, void *ctx)
{
	char *buf = xrealloc(NULL, n + 1);
	size_t blen = 0, i = 0;
	uint32_t col = 1, wcol = 0;
	int wsup = 0;   /* the current word is made of superscript digits */
	while (i < n) {
		size_t tag = strip_tags ? markup_tag(s + i, n - i) : 0;
		utf8proc_int32_t c = 0;
		utf8proc_ssize_t l = 0;
		if (!tag) {
			l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
			if (l <= 0) {   /* invalid byte: a boundary */
				l = 1;
				c = -1;
			}
		}
		int sup = c >= 0 ? superscript_digit(c) : -1;
		int wc = !tag && c >= 0 && (sup >= 0 || is_word_char(c));
		if (blen && (!wc || (sup >= 0) != wsup)) {
			fn(ctx, buf, blen, wcol);
			blen = 0;
		}
		if (wc) {
			if (!blen) {
				wcol = col;
				wsup = sup >= 0;
			}
			if (sup >= 0)
				buf[blen++] = (char)('0' + sup);
			else {
				memcpy(buf + blen, s + i, (size_t)l);
				blen += (size_t)l;
			}
		}
		if (tag) {
			i += tag;
			col += (uint32_t)tag;
		} else {
			i += (size_t)l;
			col++;
		}
	}
	if (blen)
		fn(ctx, buf, blen, wcol);
	free(buf);
}

static char *nfc(const char *s, size_t n)
{
	char *tmp = xrealloc(NULL, n + 1);
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *r = (char *)utf8proc_NFC((const utf8proc_uint8_t *)tmp);
	if (!r)
		return tmp;   /* not valid UTF-8: compare the bytes as they are */
	free(tmp);
	return r;
}

/* Diacritic- and case-insensitive form, for comparing repeated header rows. */
static char *fold(const char *s)
{
	utf8proc_uint8_t *r = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &r,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	                 UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
		return strdup(s);
	/* "đ" has no decomposition; for Vietnamese it is "d" with a stroke */
	char *w = (char *)r, *o = w;
	for (const char *p = w; *p;) {
		if ((unsigned char)p[0] == 0xC4 && (unsigned char)p[1] == 0x91) {
			*o++ = 'd';
			p += 2;
		} else
			*o++ = *p++;
	}
	*o = '\0';
	return w;
}

/* ---- the input side ---- */

typedef struct {
	intern_t *t;
	words_t *ws;
	uint32_t line;
} collect_t;

static void collect_word(void *ctx, const char *w, size_t n, uint32_t col)
{
	collect_t *c = ctx;
	words_push(c->ws, (uint32_t)intern(c->t, w, n, 0), c->line, col);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 65536, n = 0, r;
	char *buf = xrealloc(NULL, cap);
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Number of dashes when the line is only dashes (trailing blanks allowed), else 0. */
static size_t dashes(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '-')
			return 0;
	return n;
}

static uint32_t count_cp(const char *s, size_t n)
{
	uint32_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Words of the input, with line:col; returns the number of lines. */
static uint32_t input_words(const char *text, size_t len, intern_t *t, words_t *ws)
{
	collect_t c = { t, ws, 0 };
	size_t i = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	int meta = 0;   /* 1 inside a leading "---" metadata block */
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t n = e - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		c.line++;
		const char *s = text + i;
		if (c.line == 1 && dashes(s, n) == 3)
			meta = 1;
		else if (meta && dashes(s, n) >= 3)
			meta = 0;
		else {
			size_t skip = 0;
			size_t lead = 0;
			while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
				lead++;
			if (meta && lead < n && s[lead] == '#') {   /* a comment of the metadata block */
				i = e + 1;
				continue;
			}
			/* "draft: yes/no" is a flag of the format, not text */
			if (meta && n - lead >= 6 && !memcmp(s + lead, "draft:", 6)) {
				i = e + 1;
				continue;
			}
			if (meta) {   /* only the key before ':' is consumed */
				const char *colon = memchr(s, ':', n);
				if (colon)
					skip = (size_t)(colon - s) + 1;
			}
			char *line = nfc(s + skip, n - skip);
			tokenize(line, strlen(line), 1, collect_word, &c);
			/* columns count from the line start */
			if (skip) {
				uint32_t shift = count_cp(s, skip);
				for (size_t k = ws->n; k > 0 && ws->w[k - 1].line == c.line; k--)
					ws->w[k - 1].col += shift;
			}
			free(line);
		}
		i = e + 1;
	}
	return c.line;
}

/* ---- the XML side ---- */

typedef struct {
	intern_t *t;
	words_t *ws;          /* the XML word stream (line = col = 0) */
	uint32_t *repeat;     /* lines of <repeat/> elements */
	xmlNodePtr *repeat_table;
	size_t nrepeat, caprepeat;
} xml_t;

static void xml_word(void *ctx, const char *w, size_t n, uint32_t col)
{
	xml_t *x = ctx;
	words_push(x->ws, (uint32_t)intern(x->t, w, n, 0), 0, 0);
}

static void emit_text(xml_t *x, const char *s)
{
	char *c = nfc(s, strlen(s));
	tokenize(c, strlen(c), 0, xml_word, x);
	free(c);
}

static int is_archival(const char *name)
{
	static const char *names[] = { "TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName",
	                               "Subject", "Language", "SignerInfo", "To", "Priority" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(name, names[i]))
			return 1;
	return 0;
}

static void walk(xml_t *x, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				emit_text(x, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (is_archival(name))
			continue;
		xmlChar *kind = strcmp(name, "repeat") ? NULL : xmlGetProp(n, (const xmlChar *)"kind");
		int reworded = kind != NULL;
		xmlFree(kind);
		if (!strcmp(name, "repeat") && !reworded) {
			xmlChar *l = xmlGetProp(n, (const xmlChar *)"line");
			xmlNodePtr tab = n->parent;
			while (tab && !(tab->type == XML_ELEMENT_NODE && !strcmp((const char *)tab->name, "table")))
				tab = tab->parent;
			if (l) {
				if (x->nrepeat == x->caprepeat) {
					x->caprepeat = x->caprepeat ? x->caprepeat * 2 : 64;
					x->repeat = xrealloc(x->repeat, x->caprepeat * sizeof *x->repeat);
					x->repeat_table = xrealloc(x->repeat_table, x->caprepeat * sizeof *x->repeat_table);
				}
				x->repeat[x->nrepeat] = (uint32_t)strtoul((const char *)l, NULL, 10);
				x->repeat_table[x->nrepeat++] = tab;
				xmlFree(l);
			}
			continue;
		}
		/* a line read with a scan's specks left out keeps the text as
		 * read in `read` ("=“ZThái Văn Tài"): its words are those */
		xmlChar *read = xmlGetProp(n, (const xmlChar *)"read");
		if (read) {
			emit_text(x, (const char *)read);
			xmlFree(read);
			continue;
		}
		const char *attr = NULL;
		if (!strcmp(name, "section") || !strcmp(name, "p") || !strcmp(name, "item"))
			attr = "label";
		else if (!strcmp(name, "article")) {
			/* <article label="2"> is the source's "Điều 2." */
			emit_text(x, "Điều");
			attr = "label";
		}
		else if (!strcmp(name, "chapter") || !strcmp(name, "subchapter")) {
			/* <chapter label="I"> is the source's "Chương I" ("Mục 1"); a
			 * chapter line OCR garbled is kept as read in label-read ("ChươngVH") */
			xmlChar *r = xmlGetProp(n, (const xmlChar *)"label-read");
			if (!r)
				emit_text(x, !strcmp(name, "chapter") ? "Chương" : "Mục");
			attr = r ? "label-read" : "label";
			if (r)
				xmlFree(r);
		}
		else if (!strcmp(name, "part")) {
			/* <part label="thứ nhất"> is the source's "Phần thứ nhất" */
			emit_text(x, "Phần");
			attr = "label";
		}
		else if (!strcmp(name, "note"))
			attr = "id";
		if (attr) {
			xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
			if (v) {
				emit_text(x, (const char *)v);
				xmlFree(v);
			}
		}
		walk(x, n->children);
	}
}

/* Folded words of a node's text, in order. */
static void folded_words(xmlNodePtr n, intern_t *ft, words_t *out);

typedef struct {
	intern_t *t;
	words_t *ws;
} fold_ctx;

static void fold_word(void *ctx, const char *w, size_t n, uint32_t col)
{
	fold_ctx *f = ctx;
	char *tmp = xrealloc(NULL, n + 1);
	memcpy(tmp, w, n);
	tmp[n] = '\0';
	char *fw = fold(tmp);
	words_push(f->ws, (uint32_t)intern(f->t, fw, strlen(fw), 0), 0, col);
	free(fw);
	free(tmp);
}

static void folded_words(xmlNodePtr n, intern_t *ft, words_t *out)
{
	fold_ctx f = { ft, out };
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content) {
				char *c = nfc((const char *)n->content, strlen((const char *)n->content));
				tokenize(c, strlen(c), 0, fold_word, &f);
				free(c);
			}
		} else if (n->type == XML_ELEMENT_NODE)
			folded_words(n->children, ft, out);
	}
}

static xmlNodePtr child_named(xmlNodePtr n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name))
			return n;
	return NULL;
}

/* Is input line `line` (its words ws[a..b)) a copy of its table's header rows? */
/* Which characters (columns from 1) of input line `line` stand inside an HTML
 * tag ("<th rowspan=\"2\">"): a row of a table pandoc wrote in HTML, whose
 * tags are no words of the header.  Returns a calloc'd map of `*n` + 1 flags. */
static unsigned char *tag_columns(const char *text, size_t len, uint32_t line, size_t *n)
{
	size_t i = 0;
	for (uint32_t l = 1; l < line && i < len; i++)
		if (text[i] == '\n')
			l++;
	size_t e = i;
	while (e < len && text[e] != '\n')
		e++;
	unsigned char *in = calloc(e - i + 2, 1);
	if (!in)
		oom();
	size_t col = 0;
	/* the rest of a tag pandoc wrapped from the line above ("<th" / "rowspan=\"2\">") */
	int tag = 0;
	for (size_t k = i; k < e && text[k] != '<'; k++)
		if (text[k] == '>')
			tag = 1;
	for (size_t k = i; k < e; k++) {
		if (((unsigned char)text[k] & 0xC0) == 0x80)
			continue;
		col++;
		if (text[k] == '<')
			tag = 1;
		in[col] = (unsigned char)tag;
		if (text[k] == '>')
			tag = 0;
	}
	*n = col;
	return in;
}

static int repeat_matches(xmlNodePtr table, const words_t *in, size_t a, size_t b, intern_t *t, const unsigned char *intag,
                          size_t ncols)
{
	xmlNodePtr thead = child_named(table, "thead");
	if (!thead || a == b)
		return thead != NULL;
	intern_t ft = { 0 };
	words_t head = { 0 }, line = { 0 };
	folded_words(thead->children, &ft, &head);
	fold_ctx f = { &ft, &line };
	for (size_t i = a; i < b; i++) {
		const char *w = t->str[in->w[i].id];
		if (in->w[i].col <= ncols && intag[in->w[i].col])
			continue;   /* a tag's name or attribute */
		fold_word(&f, w, strlen(w), 0);
	}
	/* every word of the line must be a header word (as a multiset): page-break
	 * copies of a header may drop or move cells, but a data row has other words */
	uint32_t *avail = calloc(ft.n + 1, sizeof *avail);
	if (!avail)
		oom();
	for (size_t i = 0; i < head.n; i++)
		avail[head.w[i].id]++;
	int ok = 1;
	for (size_t k = 0; ok && k < line.n; k++) {
		ok = avail[line.w[k].id]-- > 0;
		/* a piece of a header word: pandoc cuts a word wider than its grid
		 * column over lines ("S" / "TT**"), and the row joins them back */
		for (size_t i = 0; !ok && i < head.n; i++)
			ok = strstr(ft.str[head.w[i].id], ft.str[line.w[k].id]) != NULL;
	}
	free(avail);
	for (uint32_t i = 0; i < ft.n; i++)
		free(ft.str[i]);
	free(ft.str);
	free(ft.slot);
	free(head.w);
	free(line.w);
	return ok;
}

/* ---- the checks ---- */

typedef struct {
	uint32_t line, col;
	const char *word;
	const char *why;
} miss_t;

static size_t nmiss;
static miss_t misses[MAX_REPORT];
static size_t total_missing;

static void report(uint32_t line, uint32_t col, const char *word, const char *why)
{
	total_missing++;
	if (nmiss < max_report)
		misses[nmiss++] = (miss_t){ line, col, word, why };
}

/*
 * Which of the line's words in.w[anchor..b) the XML stretch out.w[p..end) holds
 * in order: a longest common subsequence, so that one displaced word is blamed
 * alone; greedy matching for lines too long for the table.
 */
static void align(const words_t *in, size_t a, size_t anchor, size_t b, const words_t *out, size_t p, size_t end,
                  unsigned char *hit)
{
	size_t k = b - anchor, w = end - p;
	uint16_t *dp = k <= 600 ? calloc((k + 1) * (w + 1), sizeof *dp) : NULL;
	if (!dp) {
		for (size_t m = anchor, cur = p; m < b; m++)
			for (size_t q = cur; q < end; q++)
				if (out->w[q].id == in->w[m].id) {
					hit[m - a] = 1;
					cur = q + 1;
					break;
				}
		return;
	}
#define DP(i, j) dp[(i) * (w + 1) + (j)]
	for (size_t i = k; i-- > 0;)
		for (size_t j = w; j-- > 0;) {
			if (in->w[anchor + i].id == out->w[p + j].id)
				DP(i, j) = (uint16_t)(DP(i + 1, j + 1) + 1);
			else
				DP(i, j) = DP(i + 1, j) > DP(i, j + 1) ? DP(i + 1, j) : DP(i, j + 1);
		}
	for (size_t i = 0, j = 0; i < k && j < w;) {
		if (in->w[anchor + i].id == out->w[p + j].id && DP(i, j) == DP(i + 1, j + 1) + 1) {
			hit[anchor + i - a] = 1;
			i++;
			j++;
		} else if (DP(i + 1, j) >= DP(i, j + 1))
			i++;
		else
			j++;
	}
#undef DP
	free(dp);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: fidelity INPUT.txt OUTPUT.xml\n");
		return 2;
	}
	const char *env = getenv("FIDELITY_REPORT");
	if (env && atoi(env) > 0)
		max_report = (size_t)atoi(env) < MAX_REPORT ? (size_t)atoi(env) : MAX_REPORT;
	size_t len;
	char *text = read_file(argv[1], &len);
	if (!text) {
		perror(argv[1]);
		return 2;
	}
	xmlDocPtr doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
	if (!doc) {
		printf("FAIL fidelity: cannot parse %s\n", argv[2]);
		free(text);
		return 1;
	}

	intern_t t = { 0 };
	words_t in = { 0 }, out = { 0 };
	uint32_t nlines = input_words(text, len, &t, &in);
	xml_t x = { .t = &t, .ws = &out };
	walk(&x, xmlDocGetRootElement(doc));

	/* lines exempt as removed repeated headers; a repeat that does not match is reported */
	unsigned char *exempt = calloc((size_t)nlines + 2, 1);
	size_t *lstart = calloc((size_t)nlines + 2, sizeof *lstart), *lend = calloc((size_t)nlines + 2, sizeof *lend);
	if (!exempt || !lstart || !lend)
		oom();
	for (size_t i = 0; i < in.n; i++) {   /* words of line l are in.w[lstart[l] .. lend[l]) */
		uint32_t l = in.w[i].line;
		if (lend[l] == 0)
			lstart[l] = i;
		lend[l] = i + 1;
	}
	for (size_t r = 0; r < x.nrepeat; r++) {
		uint32_t l = x.repeat[r];
		if (l < 1 || l > nlines) {
			report(l, 0, "<repeat>", "names a line the input does not have");
			continue;
		}
		size_t a = lstart[l], b = lend[l];
		size_t ncols = 0;
		unsigned char *intag = tag_columns(text, len, l, &ncols);
		if (x.repeat_table[r] && repeat_matches(x.repeat_table[r], &in, a, b, &t, intag, ncols))
			exempt[l] = 1;
		else
			report(l, 1, "<repeat>", "removed line is not a copy of the table header");
		free(intag);
	}

	/* positions of each word in the XML stream */
	uint32_t *cnt_out = calloc(t.n + 1, sizeof *cnt_out), *cnt_in = calloc(t.n + 1, sizeof *cnt_in);
	size_t *first = calloc(t.n + 2, sizeof *first);
	uint32_t *pos = calloc(out.n + 1, sizeof *pos);
	if (!cnt_out || !cnt_in || !first || !pos)
		oom();
	for (size_t i = 0; i < out.n; i++)
		cnt_out[out.w[i].id]++;
	for (uint32_t id = 0; id < t.n; id++)
		first[id + 1] = first[id] + cnt_out[id];
	{
		size_t *fill = calloc(t.n + 1, sizeof *fill);
		if (!fill)
			oom();
		for (size_t i = 0; i < out.n; i++) {
			uint32_t id = out.w[i].id;
			pos[first[id] + fill[id]++] = (uint32_t)i;
		}
		free(fill);
	}

	/* order: line by line */
	unsigned char *reported = calloc(in.n + 1, 1);
	if (!reported)
		oom();
	for (size_t a = 0; a < in.n;) {
		size_t b = a;
		while (b < in.n && in.w[b].line == in.w[a].line)
			b++;
		if (exempt[in.w[a].line]) {
			a = b;
			continue;
		}
		size_t window = 4 * (b - a) + 20;
		/* anchor on the line's first word; if the XML lacks it, on the first word it has */
		size_t anchor = a;
		while (anchor < b && cnt_out[in.w[anchor].id] == 0)
			anchor++;
		int whole = 0;
		size_t best = 0, best_start = SIZE_MAX, tried = 0;
		if (anchor < b) {
			uint32_t id = in.w[anchor].id;
			for (size_t o = first[id]; o < first[id + 1] && !whole; o++) {
				size_t p = pos[o], end = p + window < out.n ? p + window : out.n, m = anchor;
				for (size_t q = p; q < end && m < b; q++)
					if (out.w[q].id == in.w[m].id)
						m++;
				whole = m == b && anchor == a;
			}
			/* no placement holds the whole line: find the one that misses fewest words,
			 * letting missing words be skipped (bounded, for lines that really fail) */
			for (size_t o = first[id]; !whole && o < first[id + 1] && tried < 500; o++, tried++) {
				size_t p = pos[o], end = p + window < out.n ? p + window : out.n, got = 0;
				for (size_t m = anchor, cur = p; m < b; m++)
					for (size_t q = cur; q < end; q++)
						if (out.w[q].id == in.w[m].id) {
							got++;
							cur = q + 1;
							break;
						}
				if (got > best || best_start == SIZE_MAX) {
					best = got;
					best_start = pos[o];
				}
			}
		}
		if (!whole) {
			size_t end = 0;
			if (best_start != SIZE_MAX)
				end = best_start + window < out.n ? best_start + window : out.n;
			unsigned char *hit = calloc(b - a + 1, 1);
			if (!hit)
				oom();
			if (best_start != SIZE_MAX)
				align(&in, a, anchor, b, &out, best_start, end, hit);
			for (size_t m = a; m < b; m++)
				if (!hit[m - a]) {
					reported[m] = 1;
					report(in.w[m].line, in.w[m].col, t.str[in.w[m].id],
					       cnt_out[in.w[m].id] ? "out of order" : "missing from the XML");
				}
			free(hit);
		}
		a = b;
	}

	/* multiset: every word at least as often in the XML as in the input */
	for (size_t i = 0; i < in.n; i++)
		if (!exempt[in.w[i].line])
			cnt_in[in.w[i].id]++;
	for (size_t i = in.n; i > 0; i--) {   /* blame the last occurrences */
		word_t *w = &in.w[i - 1];
		if (exempt[w->line] || cnt_in[w->id] <= cnt_out[w->id])
			continue;
		if (!reported[i - 1])
			report(w->line, w->col, t.str[w->id], "occurs fewer times in the XML than in the input");
		cnt_in[w->id]--;
	}
	free(reported);

	if (total_missing) {
		printf("FAIL fidelity %s: %zu problem(s) (%zu input words, %zu XML words)\n", argv[1], total_missing,
		       in.n, out.n);
		for (size_t i = 0; i < nmiss; i++)
			printf("  %u:%u \"%s\" %s\n", misses[i].line, misses[i].col, misses[i].word, misses[i].why);
		if (total_missing > nmiss)
			printf("  ... and %zu more\n", total_missing - nmiss);
	} else {
		printf("ok fidelity %s: %zu input words reach the XML (%zu exempt repeated header lines)\n", argv[1],
		       in.n, x.nrepeat);
	}

	for (uint32_t i = 0; i < t.n; i++)
		free(t.str[i]);
	free(t.str);
	free(t.slot);
	free(in.w);
	free(out.w);
	free(x.repeat);
	free(x.repeat_table);
	free(exempt);
	free(lstart);
	free(lend);
	free(cnt_out);
	free(cnt_in);
	free(first);
	free(pos);
	free(text);
	xmlFreeDoc(doc);
	xmlCleanupParser();
	return total_missing ? 1 : 0;
}
