/* pdfrules.c — checks a baocao PDF against the state format's measurable rules (NĐ 30/2020, Phụ lục I) with poppler and qpdf. */
/*
 * Usage: pdfrules NAME DOC.pdf DOC.xml
 * Prints one line per rule: "ok NAME/rule" or "FAIL NAME/rule: detail".
 * Exit status 0 when every rule holds, 1 otherwise, 2 on usage errors.
 *
 * Geometry comes from `pdftotext -bbox-layout` (word boxes; a word's box is
 * ascent..descent of the font, 1.107 em for Times New Roman and Liberation
 * Serif), font sizes and bold runs from `pdftohtml -xml`, page sizes from
 * `pdfinfo`, labels and bookmarks from `qpdf --json`.  The XML is baocao's
 * own output for the same input: what the text must give back.
 */
#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <utf8proc.h>

#define MM (72.0 / 25.4)
#define EM_BOX 1.107   /* word box height per point of size (ascent 0.891 + descent 0.216) */

/* The decree's ranges, millimetres. */
static const double TOP_MIN = 20, TOP_MAX = 25, BOT_MIN = 20, LEFT_MIN = 30, LEFT_MAX = 35, RIGHT_MIN = 15,
                    RIGHT_MAX = 20;

static const char *name;
static int failures;

static void result(int ok, const char *rule, const char *fmt, ...)
{
	/* PDFRULES_SKIP: rules a generated input is not meant to meet (a page of footnotes has no 13 pt body) */
	const char *skip = getenv("PDFRULES_SKIP");
	if (skip) {
		const char *f = strstr(skip, rule);
		size_t n = strlen(rule);
		if (f && (f == skip || f[-1] == ' ') && (f[n] == ' ' || f[n] == '\0')) {
			printf("ok %s/%s (skipped)\n", name, rule);
			return;
		}
	}
	if (ok && !getenv("PDFRULES_VERBOSE")) {
		printf("ok %s/%s\n", name, rule);
		return;
	}
	/* verbose: the measurements behind an ok too */
	failures += !ok;
	printf("%s %s/%s: ", ok ? "ok" : "FAIL", name, rule);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* ---- running tools ----------------------------------------------------------- */

typedef struct sbuf {
	char *s;
	size_t len, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			abort();
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Output of a shell command; *status gets its exit status. */
static char *run(int *status, const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	FILE *f = popen(cmd, "r");
	sbuf b = { 0 };
	sb_put(&b, "", 0);
	if (!f) {
		if (status)
			*status = -1;
		return b.s;
	}
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		sb_put(&b, tmp, n);
	int st = pclose(f);
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return b.s;
}

/* ---- text normalisation -------------------------------------------------------- */

/* Case-folded NFC with every space removed: line breaks do not matter. */
static char *squash(const char *s)
{
	utf8proc_uint8_t *f = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &f, UTF8PROC_NULLTERM | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return strdup("");
	char *o = (char *)f, *w = o;
	for (char *r = o; *r; r++)
		if (!isspace((unsigned char)*r))
			*w++ = *r;
	*w = '\0';
	return o;
}

/* The next blank-separated word of *s and its length, moving *s past it; NULL at the end. */
static const char *next_word(const char **s, size_t *len)
{
	const char *w = *s;
	while (*w && isspace((unsigned char)*w))
		w++;
	const char *e = w;
	while (*e && !isspace((unsigned char)*e))
		e++;
	*s = e;
	*len = (size_t)(e - w);
	return e > w ? w : NULL;
}

/* A word for the word comparison: case-folded, without punctuation at its ends. */
static char *word_key(const char *s, size_t len)
{
	char *tmp = strndup(s, len);
	utf8proc_uint8_t *f = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)tmp, 0, &f, UTF8PROC_NULLTERM | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0) {
		free(tmp);
		return strdup("");
	}
	free(tmp);
	/* trim code points that are neither letters nor digits */
	char *o = (char *)f;
	size_t n = strlen(o), a = 0, b = n;
	while (a < b) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)o + a, (utf8proc_ssize_t)(b - a), &cp);
		if (k <= 0)
			break;
		int cat = utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
			break;
		if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)
			break;
		a += (size_t)k;
	}
	while (b > a) {
		size_t s0 = b - 1;
		while (s0 > a && ((unsigned char)o[s0] & 0xC0) == 0x80)
			s0--;
		utf8proc_int32_t cp;
		utf8proc_iterate((const utf8proc_uint8_t *)o + s0, (utf8proc_ssize_t)(b - s0), &cp);
		int cat = utf8proc_category(cp);
		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
			break;
		b = s0;
	}
	memmove(o, o + a, b - a);
	o[b - a] = '\0';
	return o;
}

/* A small string set (open addressing). */
typedef struct sset {
	char **v;
	size_t n, cap;
} sset;

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int sset_has(const sset *t, const char *s)
{
	if (!t->cap)
		return 0;
	for (size_t i = hash(s) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		if (!t->v[i])
			return 0;
		if (strcmp(t->v[i], s) == 0)
			return 1;
	}
}

static void sset_add(sset *t, char *s)
{
	if (!*s || sset_has(t, s)) {
		free(s);
		return;
	}
	if ((t->n + 1) * 2 > t->cap) {
		sset o = *t;
		t->cap = o.cap ? o.cap * 2 : 1024;
		t->v = calloc(t->cap, sizeof *t->v);
		t->n = 0;
		for (size_t i = 0; i < o.cap; i++)
			if (o.v[i])
				sset_add(t, o.v[i]);
		free(o.v);
	}
	size_t i = hash(s) & (t->cap - 1);
	while (t->v[i])
		i = (i + 1) & (t->cap - 1);
	t->v[i] = s;
	t->n++;
}

static void sset_free(sset *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->v[i]);
	free(t->v);
}

/* ---- the PDF's words ------------------------------------------------------------- */

typedef struct word {
	double x0, y0, x1, y1;
	char *text;
	int line;          /* index into the page's lines */
} word;

typedef struct tline {
	double x0, y0, x1, y1;
	size_t first, n;   /* words */
} tline;

typedef struct page {
	double w, h;
	int landscape;
	word *words;
	size_t nw, cw;
	tline *lines;
	size_t nl, cl;
	int seq, number;   /* numbering sequence (0 main text, n appendix) and number within it */
} page;

static page *pages;
static int npages;

static double attr_d(xmlNode *n, const char *a)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)a);
	double d = v ? atof((const char *)v) : 0;
	xmlFree(v);
	return d;
}

static int is(xmlNode *n, const char *nm) { return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, nm) == 0; }

static void read_lines(page *p, xmlNode *n)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "line")) {
			if (p->nl == p->cl) {
				p->cl = p->cl ? p->cl * 2 : 64;
				p->lines = realloc(p->lines, p->cl * sizeof *p->lines);
			}
			tline *l = &p->lines[p->nl];
			l->x0 = attr_d(c, "xMin");
			l->y0 = attr_d(c, "yMin");
			l->x1 = attr_d(c, "xMax");
			l->y1 = attr_d(c, "yMax");
			l->first = p->nw;
			l->n = 0;
			for (xmlNode *w = c->children; w; w = w->next) {
				if (!is(w, "word"))
					continue;
				if (p->nw == p->cw) {
					p->cw = p->cw ? p->cw * 2 : 256;
					p->words = realloc(p->words, p->cw * sizeof *p->words);
				}
				word *wd = &p->words[p->nw++];
				wd->x0 = attr_d(w, "xMin");
				wd->y0 = attr_d(w, "yMin");
				wd->x1 = attr_d(w, "xMax");
				wd->y1 = attr_d(w, "yMax");
				xmlChar *t = xmlNodeGetContent(w);
				wd->text = strdup(t ? (const char *)t : "");
				xmlFree(t);
				wd->line = (int)p->nl;
				l->n++;
			}
			p->nl++;
		} else if (c->type == XML_ELEMENT_NODE) {
			read_lines(p, c);
		}
	}
}

static int load_words(const char *pdf)
{
	int st;
	/* PDFRULES_BBOX: words from a saved (or hand-made) pdftotext -bbox-layout file, for the self-test */
	const char *saved = getenv("PDFRULES_BBOX");
	char *x = saved ? run(&st, "cat '%s'", saved) : run(&st, "pdftotext -bbox-layout '%s' - 2>/dev/null", pdf);
	xmlDoc *d = xmlReadMemory(x, (int)strlen(x), "bbox.html", NULL, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
	free(x);
	if (!d)
		return -1;
	int cap = 0;
	for (xmlNode *n = xmlDocGetRootElement(d); n; n = n->next) {
		/* html > body > doc > page */
		xmlNode *stack[8];
		int sp = 0;
		stack[sp++] = n;
		while (sp > 0) {
			xmlNode *c = stack[--sp];
			for (xmlNode *k = c->children; k; k = k->next) {
				if (is(k, "page")) {
					if (npages == cap) {
						cap = cap ? cap * 2 : 64;
						pages = realloc(pages, (size_t)cap * sizeof *pages);
					}
					page *p = &pages[npages++];
					memset(p, 0, sizeof *p);
					p->w = attr_d(k, "width");
					p->h = attr_d(k, "height");
					p->landscape = p->w > p->h;
					read_lines(p, k);
				} else if ((is(k, "body") || is(k, "doc")) && sp < 8) {
					stack[sp++] = k;
				}
			}
		}
	}
	xmlFreeDoc(d);
	return npages > 0 ? 0 : -1;
}

/* ---- the XML ----------------------------------------------------------------------- */

static xmlDoc *xdoc;

static void collect(xmlNode *n, const char *elem, void (*fn)(xmlNode *, void *), void *ud)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!elem || strcmp((const char *)c->name, elem) == 0)
			fn(c, ud);
		collect(c, elem, fn, ud);
	}
}

/* The elements under n named one of names (NULL-terminated), in document order. */
typedef struct nodes {
	xmlNode **v;
	int n;
} nodes;

static void find_elems(xmlNode *n, const char *const *names, nodes *out)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (const char *const *nm = names; *nm; nm++)
			if (is(c, *nm)) {
				out->v = realloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
				out->v[out->n++] = c;
				break;
			}
		find_elems(c, names, out);
	}
}

typedef struct strs {
	char **v;
	int n;
} strs;

static void add_content(xmlNode *n, void *ud)
{
	strs *s = ud;
	xmlChar *t = xmlNodeGetContent(n);
	s->v = realloc(s->v, (size_t)(s->n + 1) * sizeof *s->v);
	s->v[s->n++] = strdup(t ? (const char *)t : "");
	xmlFree(t);
}

static void strs_free(strs *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* How many of the texts, spaces and case aside, flat lacks; *first is the first of them. */
static int count_missing(const strs *want, const char *flat, const char **first)
{
	int miss = 0;
	*first = "";
	for (int i = 0; i < want->n; i++) {
		char *w = squash(want->v[i]);
		if (*w && !strstr(flat, w) && !miss++)
			*first = want->v[i];
		free(w);
	}
	return miss;
}

/* Words of the text the document shows: not the derived metadata (upper-case
 * element names); a header reprinted in other words (<repeat kind="reworded">)
 * is shown, so its words count like any row's. */

static void xml_words(xmlNode *n, sset *out, int *count)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (isupper(c->name[0]))
				continue;
			xml_words(c, out, count);
		} else if (c->type == XML_TEXT_NODE && c->content) {
			const char *s = (const char *)c->content, *w;
			size_t len;
			while ((w = next_word(&s, &len))) {
				sset_add(out, word_key(w, len));
				(*count)++;
			}
		}
	}
}

/* ---- rules -------------------------------------------------------------------------- */

/* Page sizes: A4 every page; main text portrait; appendices with a table of 9+ columns landscape. */
static void rule_a4(void)
{
	int bad = 0, firstbad = 0;
	for (int i = 0; i < npages; i++) {
		double a = pages[i].w, b = pages[i].h;
		if (a > b) {
			double t = a;
			a = b;
			b = t;
		}
		if (fabs(a - 595.276) > 0.5 || fabs(b - 841.89) > 0.5) {
			if (!bad++)
				firstbad = i + 1;
		}
	}
	result(!bad, "a4", "%d pages not A4, first page %d", bad, firstbad);

	int port = 0;
	for (int i = 0; i < npages; i++)
		if (pages[i].seq == 0 && pages[i].landscape && !port++)
			firstbad = i + 1;
	result(!port, "portrait-main-text", "%d landscape pages in the main text, first page %d", port, firstbad);

	/* appendices: landscape where a table is wide */
	xmlNode *root = xmlDocGetRootElement(xdoc);
	int seq = 0, wrong = 0;
	char detail[256] = "";
	for (xmlNode *c = root->children; c; c = c->next) {
		if (!is(c, "appendix"))
			continue;
		seq++;
		int wide = 0;
		strs tables = { 0 };
		collect(c, "table", add_content, &tables);
		for (int i = 0; i < tables.n; i++)
			free(tables.v[i]);
		free(tables.v);
		/* the cols attribute of each table */
		for (xmlNode *t = c->children; t; t = t->next)
			if (is(t, "table") && attr_d(t, "cols") >= 9)
				wide = 1;
		for (int i = 0; i < npages; i++)
			if (pages[i].seq == seq && wide && !pages[i].landscape) {
				wrong++;
				snprintf(detail, sizeof detail, "appendix %d has a table of 9+ columns but page %d is portrait", seq,
				         i + 1);
			}
	}
	result(!wrong, "landscape-appendix", "%s", detail);
}

/* The text area of a page as set: left, right (points from the left edge), top, bottom (from the top). */
typedef struct area {
	double l, r, t, b;
} area;

/* Margins a page may have at most and at least.  A landscape page is turned a
 * quarter anticlockwise when bound: its top edge lies along the binding. */
static void page_limits(const page *p, area *outer, area *inner)
{
	if (!p->landscape) {
		*outer = (area){ LEFT_MIN * MM, p->w - RIGHT_MIN * MM, TOP_MIN * MM, p->h - BOT_MIN * MM };
		*inner = (area){ LEFT_MAX * MM, p->w - RIGHT_MAX * MM, TOP_MAX * MM, p->h - 25 * MM };
	} else {
		*outer = (area){ BOT_MIN * MM, p->w - TOP_MIN * MM, LEFT_MIN * MM, p->h - RIGHT_MIN * MM };
		*inner = (area){ 25 * MM, p->w - TOP_MAX * MM, LEFT_MAX * MM, p->h - RIGHT_MAX * MM };
	}
}

/* Whether w is the page number or the draft mark: the only words allowed in the top margin. */
static int furniture(const page *p, const word *w, const area *outer)
{
	(void)p;
	return w->y1 <= outer->t + 0.5;
}

static int is_draft_word(const char *s) { return strcmp(s, "DỰ") == 0 || strcmp(s, "THẢO") == 0; }

static void rule_margins(void)
{
	int bad = 0;
	char detail[512] = "";
	for (int i = 0; i < npages; i++) {
		page *p = &pages[i];
		area o, in;
		page_limits(p, &o, &in);
		for (size_t k = 0; k < p->nw; k++) {
			word *w = &p->words[k];
			if (furniture(p, w, &o))
				continue;   /* checked by the page-number rule */
			if (w->x0 < o.l - 0.5 || w->x1 > o.r + 0.5 || w->y0 < o.t - 0.5 || w->y1 > o.b + 0.5) {
				if (!bad++)
					snprintf(detail, sizeof detail,
					         "page %d: \"%s\" at x %.1f–%.1f y %.1f–%.1f pt, outside %.1f–%.1f × %.1f–%.1f", i + 1,
					         w->text, w->x0, w->x1, w->y0, w->y1, o.l, o.r, o.t, o.b);
			}
		}
	}
	result(!bad, "margins", "%d words outside the text area; %s", bad, detail);
}

/* The left and right edges of the text on pages of one orientation: the
 * outermost line starts and ends that at least three lines share (a stray
 * centred line does not count). */
static void body_edges(int landscape, double *left, double *right)
{
	enum { SLOTS = 2400 };   /* half points across 1 200 pt */
	int *starts = calloc(SLOTS, sizeof *starts), *ends = calloc(SLOTS, sizeof *ends);
	double *ssum = calloc(SLOTS, sizeof *ssum), *esum = calloc(SLOTS, sizeof *esum);
	for (int i = 0; i < npages; i++) {
		if (pages[i].landscape != landscape)
			continue;
		for (size_t k = 0; k < pages[i].nl; k++) {
			int a = (int)lround(pages[i].lines[k].x0 * 2), b = (int)lround(pages[i].lines[k].x1 * 2);
			if (a >= 0 && a < SLOTS) {
				starts[a]++;
				ssum[a] += pages[i].lines[k].x0;
			}
			if (b >= 0 && b < SLOTS) {
				ends[b]++;
				esum[b] += pages[i].lines[k].x1;
			}
		}
	}
	*left = *right = 0;
	for (int i = 0; i < SLOTS; i++)
		if (i + 1 < SLOTS && starts[i] + starts[i + 1] >= 3) {
			*left = (ssum[i] + ssum[i + 1]) / (starts[i] + starts[i + 1]);
			break;
		}
	for (int i = SLOTS - 1; i > 0; i--)
		if (ends[i] + ends[i - 1] >= 3) {
			*right = (esum[i] + esum[i - 1]) / (ends[i] + ends[i - 1]);
			break;
		}
	free(starts);
	free(ends);
	free(ssum);
	free(esum);
}

static double doc_left[2], doc_right[2];
static int have_edges[2];

static void rule_edges(void)
{
	for (int o = 0; o < 2; o++) {
		int any = 0;
		for (int i = 0; i < npages; i++)
			if (pages[i].landscape == o)
				any = 1;
		if (!any)
			continue;
		body_edges(o, &doc_left[o], &doc_right[o]);
		have_edges[o] = 1;
		page *p = NULL;
		for (int i = 0; i < npages; i++)
			if (pages[i].landscape == o) {
				p = &pages[i];
				break;
			}
		area out, in;
		page_limits(p, &out, &in);
		/* the text area's edges lie in the ranges: left 30–35 mm, right 15–20 mm (turned for landscape) */
		int ok = doc_left[o] >= out.l - 0.5 && doc_left[o] <= in.l + 0.5 && doc_right[o] <= out.r + 0.5 &&
		         doc_right[o] >= in.r - 0.5;
		result(ok, o ? "text-area-landscape" : "text-area",
		       "lines start at %.1f mm and end at %.1f mm from the left edge (page width %.0f mm)", doc_left[o] / MM,
		       doc_right[o] / MM, p->w / MM);
	}
}

/* Page numbers: none on the first page of a sequence, from 2 on the number, centred in the top margin, 13–14 pt. */
static void rule_page_numbers(void)
{
	int bad = 0;
	char detail[512] = "";
	for (int i = 0; i < npages; i++) {
		page *p = &pages[i];
		area o, in;
		page_limits(p, &o, &in);
		const word *num = NULL;
		int others = 0;
		for (size_t k = 0; k < p->nw; k++) {
			const word *w = &p->words[k];
			if (!furniture(p, w, &o) || is_draft_word(w->text))
				continue;
			if (!num && strspn(w->text, "0123456789") == strlen(w->text))
				num = w;
			else
				others++;
		}
		char why[256] = "";
		if (others)
			snprintf(why, sizeof why, "%d other words in the top margin", others);
		else if (p->number == 1 && num)
			snprintf(why, sizeof why, "a page number \"%s\" on the first page of its sequence", num->text);
		else if (p->number >= 2) {
			double centre = have_edges[p->landscape] ? (doc_left[p->landscape] + doc_right[p->landscape]) / 2 : p->w / 2;
			double size = num ? (num->y1 - num->y0) / EM_BOX : 0;
			if (!num)
				snprintf(why, sizeof why, "no page number (expected %d)", p->number);
			else if (atoi(num->text) != p->number)
				snprintf(why, sizeof why, "page number %s, expected %d", num->text, p->number);
			else if (p->landscape && ((num->x0 + num->x1) / 2 < (o.l + in.r) / 2 - 0.5 ||
			                          (num->x0 + num->x1) / 2 > (in.l + o.r) / 2 + 0.5))
				/* landscape pages hold tables whose text does not mark the
				 * area's edges: the centre of any area the ranges allow */
				snprintf(why, sizeof why, "page number centred at %.1f pt, outside %.1f–%.1f", (num->x0 + num->x1) / 2,
				         (o.l + in.r) / 2, (in.l + o.r) / 2);
			else if (!p->landscape && fabs((num->x0 + num->x1) / 2 - centre) > 1.0)
				snprintf(why, sizeof why, "page number centred at %.1f pt, the text area's centre is %.1f pt",
				         (num->x0 + num->x1) / 2, centre);
			else if (size < 12.9 || size > 14.1)
				snprintf(why, sizeof why, "page number %.1f pt", size);
		}
		if (why[0] && !bad++)
			snprintf(detail, sizeof detail, "page %d (number %d of sequence %d): %s", i + 1, p->number, p->seq, why);
	}
	result(!bad, "page-numbers", "%d pages wrong; %s", bad, detail);
}

/* The height of most of a line's words: raised note marks make the line's own box taller. */
static double line_height(const page *p, const tline *l)
{
	double best = l->y1 - l->y0;
	int bestn = 0;
	for (size_t i = l->first; i < l->first + l->n; i++) {
		double h = p->words[i].y1 - p->words[i].y0;
		int n = 0;
		for (size_t j = l->first; j < l->first + l->n; j++)
			n += fabs(p->words[j].y1 - p->words[j].y0 - h) < 0.05;
		if (n > bestn) {
			bestn = n;
			best = h;
		}
	}
	return best;
}

/* The word before a line break of the source (<br/>): its line is not stretched. */
static void add_break_word(xmlNode *n, void *ud)
{
	sset *s = ud;
	xmlNode *prev = n->prev;
	while (prev && prev->type == XML_ELEMENT_NODE && prev->last)
		prev = prev->last;
	if (!prev || prev->type != XML_TEXT_NODE || !prev->content)
		return;
	const char *t = (const char *)prev->content, *e = t + strlen(t);
	while (e > t && isspace((unsigned char)e[-1]))
		e--;
	const char *b = e;
	while (b > t && !isspace((unsigned char)b[-1]))
		b--;
	if (e > b)
		sset_add(s, word_key(b, (size_t)(e - b)));
}

/* Justified body lines: a line followed, in the same paragraph, by a line at
 * the left edge (not indented: a paragraph's next line) ends at the right
 * margin within 1 pt, unless the source broke the line there. */
static void rule_justified(void)
{
	int checked = 0, bad = 0;
	char detail[512] = "";
	sset breaks = { 0 };
	collect(xmlDocGetRootElement(xdoc), "br", add_break_word, &breaks);
	for (int i = 0; i < npages; i++) {
		page *p = &pages[i];
		if (!have_edges[p->landscape])
			continue;
		double L = doc_left[p->landscape], R = doc_right[p->landscape];
		for (size_t k = 0; k + 1 < p->nl; k++) {
			tline *a = &p->lines[k];
			double ha = line_height(p, a);
			if (ha < 12.9 * EM_BOX || ha > 14.1 * EM_BOX || a->x0 < L - 0.5 || a->x0 > L + 1.27 * 72 / 2.54 + 1)
				continue;
			/* the line below it, at the left edge and the same size */
			tline *b = NULL;
			for (size_t m = 0; m < p->nl; m++) {
				tline *c = &p->lines[m];
				double dy = c->y0 - a->y0;
				if (dy > ha * 0.9 && dy < ha * 1.6 && fabs(c->x0 - L) < 0.5 && fabs(line_height(p, c) - ha) < 0.5) {
					b = c;
					break;
				}
			}
			if (!b)
				continue;
			if (breaks.n > 0 && a->n > 0) {
				const char *lw = p->words[a->first + a->n - 1].text;
				char *key = word_key(lw, strlen(lw));
				int forced = sset_has(&breaks, key);
				free(key);
				if (forced)
					continue;
			}
			checked++;
			if (fabs(a->x1 - R) > 1.0 && !bad++) {
				sbuf t = { 0 };
				for (size_t w = a->first; w < a->first + a->n; w++) {
					sb_put(&t, p->words[w].text, strlen(p->words[w].text));
					sb_put(&t, " ", 1);
				}
				snprintf(detail, sizeof detail, "page %d: line ends at %.1f pt, margin %.1f: \"%.120s\"", i + 1, a->x1, R,
				         t.s);
				free(t.s);
			}
		}
	}
	result(!bad && checked > 0, "justified", "%d of %d non-last lines off the right margin; %s", bad, checked,
	       checked ? detail : "no justified lines found");
	sset_free(&breaks);
}

/* Words do not overlap one another: no text runs into a cell or line beside it. */
static void rule_overlap(void)
{
	int bad = 0;
	char detail[512] = "";
	for (int i = 0; i < npages; i++) {
		page *p = &pages[i];
		for (size_t a = 0; a < p->nw; a++) {
			word *u = &p->words[a];
			for (size_t b = a + 1; b < p->nw; b++) {
				word *v = &p->words[b];
				double ix = fmin(u->x1, v->x1) - fmax(u->x0, v->x0), iy = fmin(u->y1, v->y1) - fmax(u->y0, v->y0);
				if (ix <= 0.5 || iy <= 0.5)
					continue;
				double small = fmin((u->x1 - u->x0) * (u->y1 - u->y0), (v->x1 - v->x0) * (v->y1 - v->y0));
				/* boxes span ascent to descent: lines touch; only real overlap counts */
				if (ix * iy > 0.25 * small && !bad++)
					snprintf(detail, sizeof detail, "page %d: \"%s\" and \"%s\"", i + 1, u->text, v->text);
			}
		}
	}
	result(!bad, "no-overlap", "%d overlapping words; %s", bad, detail);
}

/* Every heading of the XML occurs in the text; every word of the XML occurs among the PDF's words. */
static void rule_text(void)
{
	sbuf all = { 0 };
	sset pw = { 0 };
	sb_put(&all, "", 0);
	for (int i = 0; i < npages; i++)
		for (size_t k = 0; k < pages[i].nw; k++) {
			const char *t = pages[i].words[k].text;
			sb_put(&all, t, strlen(t));
			char *key = word_key(t, strlen(t));
			/* a word with a raised note mark glued to it */
			size_t n = strlen(key);
			while (n > 0 && isdigit((unsigned char)key[n - 1]))
				n--;
			if (n > 0 && n < strlen(key))
				sset_add(&pw, strndup(key, n));
			sset_add(&pw, key);
		}
	char *flat = squash(all.s);
	free(all.s);
	strs heads = { 0 };
	static const char *const kinds[] = { "heading", "label", "title", "type", "authority", "position", "name" };
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		collect(xmlDocGetRootElement(xdoc), kinds[k], add_content, &heads);
	const char *first;
	int miss = count_missing(&heads, flat, &first);
	char detail[512] = "";
	if (miss)
		snprintf(detail, sizeof detail, "\"%.200s\"", first);
	result(!miss, "headings-extract", "%d of %d headings, titles and signature lines not in the text, first %s", miss,
	       heads.n, detail);
	strs_free(&heads);

	sset xw = { 0 };
	int count = 0;
	xml_words(xmlDocGetRootElement(xdoc), &xw, &count);
	int missw = 0;
	sbuf ex = { 0 };
	sb_put(&ex, "", 0);
	for (size_t i = 0; i < xw.cap; i++)
		if (xw.v[i] && !sset_has(&pw, xw.v[i])) {
			if (missw++ < 8) {
				sb_put(&ex, " \"", 2);
				sb_put(&ex, xw.v[i], strlen(xw.v[i]));
				sb_put(&ex, "\"", 1);
			}
		}
	result(!missw, "words-extract", "%d of %zu distinct words of the XML not in the PDF:%s", missw, xw.n, ex.s);
	free(ex.s);
	sset_free(&xw);
	sset_free(&pw);
	free(flat);
}

/* The text of every <b> (want 'b') or <i> run under n, in order. */
static void runs_of(xmlNode *n, const char *want, sbuf *out)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, want)) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t)
				sb_put(out, (const char *)t, strlen((const char *)t));
			xmlFree(t);
		} else {
			runs_of(c, want, out);
		}
	}
}

/* A decision's preamble and articles in the decree's faces: competence,
 * enacting words and "Điều N." bold, each basis italic. */
static void rule_decision(const sbuf *bold, const sbuf *ital)
{
	static const char *const names[] = { "competence", "enacting", "basis", "article", NULL };
	nodes found = { 0 };
	find_elems(xmlDocGetRootElement(xdoc), names, &found);
	int n = found.n, miss = 0;
	char *fb = squash(bold->s ? bold->s : ""), *fi = squash(ital->s ? ital->s : "");
	char detail[300] = "";
	for (int i = 0; i < n; i++) {
		xmlNode *e = found.v[i];
		char *w;
		const char *in = fb;
		if (is(e, "article")) {
			xmlChar *l = xmlGetProp(e, (const xmlChar *)"label");
			char tmp[96];
			snprintf(tmp, sizeof tmp, "Điều %s.", l ? (const char *)l : "");
			xmlFree(l);
			w = squash(tmp);
		} else {
			xmlChar *t = xmlNodeGetContent(e);
			w = squash(t ? (const char *)t : "");
			xmlFree(t);
			if (is(e, "basis"))
				in = fi;
		}
		if (*w && !strstr(in, w) && !miss++)
			snprintf(detail, sizeof detail, "<%s> \"%.200s\" is not %s", (const char *)e->name, w,
			         in == fi ? "italic" : "bold");
		free(w);
	}
	free(found.v);
	free(fb);
	free(fi);
	result(!miss, "decision-style", "%d of %d preamble lines and article labels in the wrong face%s%s", miss, n,
	       *detail ? "; " : "", detail);
}

/* Table rows the parser made totals ("Tổng cộng") or group headings: every
 * cell of them set bold. */
static void rule_rows_bold(const sbuf *bold)
{
	static const char *const names[] = { "row", NULL };
	nodes found = { 0 };
	find_elems(xmlDocGetRootElement(xdoc), names, &found);
	char *fb = squash(bold->s ? bold->s : "");
	int n = 0, miss = 0;
	char detail[300] = "";
	for (int i = 0; i < found.n; i++) {
		xmlChar *k = xmlGetProp(found.v[i], (const xmlChar *)"kind");
		int want = k && (strcmp((const char *)k, "total") == 0 || strcmp((const char *)k, "group") == 0);
		xmlFree(k);
		if (!want)
			continue;
		for (xmlNode *c = found.v[i]->children; c; c = c->next) {
			if (!is(c, "cell"))
				continue;
			xmlChar *t = xmlNodeGetContent(c);
			char *w = squash(t ? (const char *)t : "");
			xmlFree(t);
			if (*w) {
				n++;
				if (!strstr(fb, w) && !miss++)
					snprintf(detail, sizeof detail, "; \"%.200s\" is not bold", w);
			}
			free(w);
		}
	}
	free(found.v);
	free(fb);
	result(!miss, "table-rows-bold", "%d of %d cells of total and group rows in the regular face%s", miss, n, detail);
}

/* Font sizes and bold runs from pdftohtml: body 13–14 pt; the type and title bold on page 1. */
static void rule_fonts_text(const char *pdf)
{
	int st;
	char *x = run(&st, "pdftohtml -xml -i -zoom 1 -stdout -q -nodrm '%s' 2>/dev/null", pdf);
	xmlDoc *d = xmlReadMemory(x, (int)strlen(x), "h.xml", NULL, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
	free(x);
	if (!d) {
		result(0, "body-size", "pdftohtml gave no XML");
		return;
	}
	double size_of[4096] = { 0 };
	double chars_at[64] = { 0 };
	sbuf bold1 = { 0 }, bold_all = { 0 }, ital_all = { 0 };
	sb_put(&bold1, "", 0);
	for (xmlNode *pg = xmlDocGetRootElement(d)->children; pg; pg = pg->next) {
		if (!is(pg, "page"))
			continue;
		int pno = (int)attr_d(pg, "number");
		for (xmlNode *c = pg->children; c; c = c->next) {
			if (is(c, "fontspec")) {
				int id = (int)attr_d(c, "id");
				if (id >= 0 && id < 4096)
					size_of[id] = attr_d(c, "size");
			} else if (is(c, "text")) {
				int id = (int)attr_d(c, "font");
				double sz = id >= 0 && id < 4096 ? size_of[id] : 0;
				xmlChar *t = xmlNodeGetContent(c);
				size_t n = t ? strlen((const char *)t) : 0;
				if (sz > 0 && sz < 64 && pno >= 1 && pno <= npages && pages[pno - 1].seq == 0)
					chars_at[(int)sz] += (double)n;
				runs_of(c, "b", &bold_all);
				runs_of(c, "i", &ital_all);
				if (pno == 1)
					for (xmlNode *b = c->children; b; b = b->next)
						if (is(b, "b")) {
							xmlChar *bt = xmlNodeGetContent(b);
							if (bt)
								sb_put(&bold1, (const char *)bt, strlen((const char *)bt));
							xmlFree(bt);
						}
				xmlFree(t);
			}
		}
	}
	xmlFreeDoc(d);
	rule_decision(&bold_all, &ital_all);
	rule_rows_bold(&bold_all);
	free(bold_all.s);
	free(ital_all.s);
	int mode = 0;
	for (int s = 1; s < 64; s++)
		if (chars_at[s] > chars_at[mode])
			mode = s;
	result(mode >= 13 && mode <= 14, "body-size", "most of the main text is set at %d pt", mode);

	char *flat = squash(bold1.s);
	free(bold1.s);
	strs want = { 0 };
	xmlNode *meta = NULL;
	for (xmlNode *c = xmlDocGetRootElement(xdoc)->children; c; c = c->next)
		if (is(c, "meta"))
			meta = c;
	for (xmlNode *c = meta ? meta->children : NULL; c; c = c->next)
		if (is(c, "type") || is(c, "title") || is(c, "motto") || is(c, "slogan"))
			add_content(c, &want);
	const char *first;
	int miss = count_missing(&want, flat, &first);
	char detail[300] = "";
	if (miss)
		snprintf(detail, sizeof detail, "\"%.200s\" is not bold on page 1", first);
	strs_free(&want);
	free(flat);
	result(!miss, "bold-type-title", "%s", detail);
}

/* qpdf: structure, page labels (numbering sequences), bookmarks. */
static int load_labels(const char *pdf, char **json_out)
{
	int st;
	char *j = run(&st, "qpdf --json --json-key=pagelabels --json-key=outlines '%s' 2>/dev/null", pdf);
	*json_out = j;
	int seq = -1;
	for (int i = 0; i < npages; i++) {
		pages[i].seq = 0;
		pages[i].number = i + 1;
	}
	const char *s = strstr(j, "\"pagelabels\"");
	const char *end = s ? strstr(s, "\"outlines\"") : NULL;
	while (s && (s = strstr(s, "\"index\":")) && (!end || s < end)) {
		int idx = atoi(s + 8);
		seq++;
		for (int i = idx; i < npages; i++) {
			pages[i].seq = seq;
			pages[i].number = i - idx + 1;
		}
		s += 8;
	}
	return seq + 1;
}

static void rule_structure(const char *pdf)
{
	int st;
	char *c = run(&st, "qpdf --check '%s' 2>&1", pdf);
	result(st == 0 && strstr(c, "No syntax or stream encoding errors"), "qpdf-check", "%.300s", c);
	free(c);
	char *f = run(&st, "pdffonts '%s' 2>&1", pdf);
	int rows = 0, bad = 0;
	char detail[300] = "";
	char *save = NULL;
	for (char *l = strtok_r(f, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "name ", 5) == 0 || strncmp(l, "----", 4) == 0)
			continue;
		rows++;
		int serif = strstr(l, "LiberationSerif") || strstr(l, "TimesNewRoman");
		if (!serif || !strstr(l, " yes ") || strstr(l, "Warning") || strstr(l, "Error")) {
			if (!bad++)
				snprintf(detail, sizeof detail, "%.200s", l);
		}
	}
	free(f);
	result(rows > 0 && !bad, "fonts-embedded", "%d of %d rows: %s", bad, rows, detail);

	/* the embedded programs' name tables: Liberation 2.x, never the 1.x that lacks U+1EA0.. */
	char *raw = run(&st, "grep -a -o '/FontFile2 [0-9]* 0 R' '%s'", pdf);
	int n = 0, old = 0;
	char vdetail[200] = "";
	for (char *p = raw; (p = strstr(p, "/FontFile2 ")); p += 11) {
		int obj = atoi(p + 11);
		char *ver = run(&st, "qpdf --show-object=%d --filtered-stream-data '%s' 2>/dev/null | strings -el | grep -m1 -o 'Version [0-9.]*'", obj, pdf);
		n++;
		if (strncmp(ver, "Version 1.", 10) == 0 || !*ver) {
			old++;
			snprintf(vdetail, sizeof vdetail, "font program %d: \"%.40s\"", obj, ver);
		}
		free(ver);
	}
	free(raw);
	result(n > 0 && !old, "font-version", "%d of %d font programs without a 2.x version; %s", old, n, vdetail);
}

static void rule_outline(const char *json, int sequences)
{
	xmlNode *root = xmlDocGetRootElement(xdoc);
	strs heads = { 0 }, apps = { 0 };
	collect(root, "heading", add_content, &heads);
	for (xmlNode *c = root->children; c; c = c->next)
		if (is(c, "appendix"))
			add_content(c, &apps);
	const char *o = strstr(json, "\"outlines\"");
	int titles = 0, viet = 0;
	for (const char *s = o; s && (s = strstr(s, "\"title\": \"")); s += 10) {
		titles++;
		for (const char *q = s + 10; *q && *q != '"'; q++)
			if ((unsigned char)*q >= 0xC3)
				viet = 1;
	}
	/* without headings or appendices (a dispatch) the document's own name is its bookmark */
	result(titles > 0 && viet, "outline",
	       "%d bookmarks (%s Vietnamese letters) for %d headings and %d appendices", titles, viet ? "with" : "without",
	       heads.n, apps.n);
	result(sequences == 1 + apps.n, "page-labels", "%d numbering sequences for %d appendices", sequences, apps.n);
	for (int i = 0; i < heads.n; i++)
		free(heads.v[i]);
	for (int i = 0; i < apps.n; i++)
		free(apps.v[i]);
	free(heads.v);
	free(apps.v);
}

static void rule_info(const char *pdf)
{
	int st;
	char *info = run(&st, "pdfinfo '%s' 2>&1", pdf);
	/* poppler prints the UTF-16 strings as UTF-8: Vietnamese letters show they were stored right */
	const char *t = strncmp(info, "Title:", 6) == 0 ? info : strstr(info, "\nTitle:");
	const char *a = strncmp(info, "Author:", 7) == 0 ? info : strstr(info, "\nAuthor:");
	int viet = 0;
	for (const char *q = t; q && *q && *q != '\n' && q < t + 400; q++)
		if ((unsigned char)*q >= 0xC3)
			viet = 1;
	result(t && viet, "info-title", "no Vietnamese Title in the document information");
	xmlNode *meta = NULL;
	for (xmlNode *c = xmlDocGetRootElement(xdoc)->children; c; c = c->next)
		if (is(c, "meta"))
			meta = c;
	int issuer = 0;
	for (xmlNode *c = meta ? meta->children : NULL; c; c = c->next)
		if (is(c, "issuer"))
			issuer = 1;
	result(!issuer || a, "info-author", "an issuer but no Author in the document information");
	free(info);
}

/* ---- page-breaking rules: headings, widows and orphans, footnotes, the draft mark ---- */

/* The document's words in extraction order, keyed for matching, without
 * punctuation-only words and raised note marks (the XML keeps marks apart). */
typedef struct gword {
	int page;
	size_t line;
	char *key;
} gword;

static gword *gw;
static size_t ngw;

/* A raised mark: a short number smaller than the words of its line. */
static int is_mark_word(const page *p, const word *w)
{
	size_t n = strlen(w->text);
	if (n == 0 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)w->text[i]))
			return 0;
	double h = w->y1 - w->y0;
	return h < 9.5 * EM_BOX || h < 0.85 * line_height(p, &p->lines[w->line]);
}

/* A raised mark right after a word (glued, or after a space): a note
 * reference, not the mark opening a note at the page's foot. */
static int is_ref_mark(const page *p, size_t k)
{
	const word *w = &p->words[k];
	if (!is_mark_word(p, w))
		return 0;
	/* pdftotext may give the mark a line of its own: look at the whole page */
	for (size_t j = 0; j < p->nw; j++)
		if (j != k && p->words[j].x1 < w->x0 + 0.6 && p->words[j].x1 > w->x0 - 6 && p->words[j].y0 < w->y1 &&
		    p->words[j].y1 > w->y0)
			return 1;
	return 0;
}

static void load_stream(void)
{
	size_t cap = 0;
	for (int i = 0; i < npages; i++) {
		page *p = &pages[i];
		for (size_t k = 0; k < p->nw; k++) {
			if (is_mark_word(p, &p->words[k]))
				continue;
			char *key = word_key(p->words[k].text, strlen(p->words[k].text));
			if (!*key) {
				free(key);
				continue;
			}
			if (ngw == cap) {
				cap = cap ? cap * 2 : 4096;
				gw = realloc(gw, cap * sizeof *gw);
			}
			gw[ngw++] = (gword){ i, (size_t)p->words[k].line, key };
		}
	}
}

/* The keys of an element's shown text, note references left out. */
static void text_keys(xmlNode *n, strs *out)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !is(c, "noteref")) {
			text_keys(c, out);
		} else if (c->type == XML_TEXT_NODE && c->content) {
			const char *s = (const char *)c->content, *w;
			size_t len;
			while ((w = next_word(&s, &len))) {
				char *k = word_key(w, len);
				if (*k) {
					out->v = realloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
					out->v[out->n++] = k;
				} else {
					free(k);
				}
			}
		}
	}
}

/* Where keys[0..n) occur in the stream, from `from` on; returns the index of the first word or -1. */
static long find_keys(char **keys, int n, size_t from)
{
	for (size_t i = from; i + (size_t)n <= ngw; i++) {
		int k = 0;
		while (k < n && strcmp(gw[i + (size_t)k].key, keys[k]) == 0)
			k++;
		if (k == n)
			return (long)i;
	}
	return -1;
}

/* A line of running text or of a table (not a footnote, not the page furniture). */
static int content_line(const page *p, const tline *l)
{
	area o, in;
	page_limits(p, &o, &in);
	return l->y0 > o.t + 0.5 && line_height(p, l) >= 11.5 * EM_BOX;
}

/* Headings of the XML, in order: located in the PDF and followed on their page by other content. */
typedef struct heading_at {
	strs keys;     /* its words, keyed; note references left out */
	int follows;   /* the document goes on after it */
	int page;      /* of its last word: -1 not found, -2 nothing follows it */
	size_t line;
} heading_at;

typedef struct headings {
	heading_at *v;
	int n;
} headings;

static void add_heading(xmlNode *n, void *ud)
{
	headings *hs = ud;
	hs->v = realloc(hs->v, (size_t)(hs->n + 1) * sizeof *hs->v);
	heading_at *h = &hs->v[hs->n++];
	memset(h, 0, sizeof *h);
	/* the heading's section goes on after it; a last, empty section has nothing to keep it with */
	for (xmlNode *c = n->next; c; c = c->next)
		h->follows |= c->type == XML_ELEMENT_NODE;
	for (xmlNode *s = n->parent; !h->follows && s && is(s, "section"); s = s->parent)
		for (xmlNode *c = s->next; c; c = c->next)
			h->follows |= c->type == XML_ELEMENT_NODE;
	text_keys(n, &h->keys);
}

static void rule_heading_keep(void)
{
	headings hs = { 0 };
	for (xmlNode *c = xmlDocGetRootElement(xdoc)->children; c; c = c->next)
		if (is(c, "body"))
			collect(c, "heading", add_heading, &hs);
	int lost = 0, bad = 0, checked = 0;
	char detail[512] = "";
	size_t cursor = 0;
	for (int h = 0; h < hs.n; h++) {
		heading_at *ha = &hs.v[h];
		int n = ha->keys.n < 64 ? ha->keys.n : 64;
		ha->page = -1;
		if (n == 0)
			continue;
		long i = find_keys(ha->keys.v, n, cursor);
		if (i < 0)
			i = find_keys(ha->keys.v, n, 0);
		if (i < 0) {
			if (!lost++ && !*detail)
				snprintf(detail, sizeof detail, "heading not found in the PDF: \"%s …\"", ha->keys.v[0]);
			continue;
		}
		cursor = (size_t)i + (size_t)n;
		const gword *last = &gw[cursor - 1];
		ha->page = ha->follows ? last->page : -2;
		ha->line = last->line;
	}
	for (int h = 0; h < hs.n; h++) {
		const heading_at *ha = &hs.v[h];
		if (ha->page < 0)
			continue;
		const page *p = &pages[ha->page];
		const tline *hl = &p->lines[ha->line];
		checked++;
		int after = 0;
		for (size_t k = 0; k < p->nl && !after; k++) {
			const tline *l = &p->lines[k];
			if (l->y0 <= hl->y1 - 0.5 || !content_line(p, l))
				continue;
			/* another heading's line does not count: a heading needs text under it */
			int heading = 0;
			for (int g = 0; g < hs.n; g++)
				heading |= hs.v[g].page == ha->page && hs.v[g].line == k;
			after = !heading;
		}
		if (!after && !bad++)
			snprintf(detail, sizeof detail, "page %d: heading line \"%s …\" is the last on its page", ha->page + 1,
			         p->words[hl->first].text);
	}
	result(!bad && !lost, "heading-keep", "%d of %d headings last on their page, %d of %d not found; %s", bad, checked,
	       lost, hs.n, detail);
	for (int h = 0; h < hs.n; h++)
		strs_free(&hs.v[h].keys);
	free(hs.v);
}

/* The first and the last content line of a page (by position), or NULL. */
static const tline *edge_line(const page *p, int last)
{
	const tline *best = NULL;
	for (size_t k = 0; k < p->nl; k++) {
		const tline *l = &p->lines[k];
		if (!content_line(p, l))
			continue;
		if (!best || (last ? l->y0 > best->y0 : l->y0 < best->y0))
			best = l;
	}
	return best;
}

static int body_size(const page *p, const tline *l)
{
	double h = line_height(p, l);
	return h >= 12.9 * EM_BOX && h <= 14.1 * EM_BOX;
}

/* No paragraph leaves its first line alone at the foot of a page (orphan)
 * or its last line alone at the top of the next (widow).  A first line
 * starts at the indent (1–1.27 cm), a following line at the left edge, a
 * line the paragraph goes on after ends at the right margin. */
static void rule_widows(void)
{
	int bad = 0, checked = 0;
	char detail[512] = "";
	for (int i = 0; i + 1 < npages; i++) {
		const page *p = &pages[i], *q = &pages[i + 1];
		if (p->landscape != q->landscape || p->seq != q->seq || !have_edges[p->landscape])
			continue;
		double L = doc_left[p->landscape], R = doc_right[p->landscape];
		const tline *b = edge_line(p, 1), *t = edge_line(q, 0);
		if (!b || !t || !body_size(p, b) || !body_size(q, t))
			continue;
		int b_first = b->x0 > L + 9.5 * MM && b->x0 < L + 13.5 * MM;
		int b_goes_on = fabs(b->x1 - R) < 1.0;
		int t_follows = fabs(t->x0 - L) < 0.5;
		int t_last = t->x1 < R - 1.0;
		if (!t_follows || !b_goes_on)
			continue;   /* no paragraph crosses this page break */
		checked++;
		const char *what = b_first ? "first line alone at the foot" : t_last ? "last line alone at the top" : NULL;
		if (what && !bad++)
			snprintf(detail, sizeof detail, "pages %d–%d: %s (\"%s …\")", i + 1, i + 2, what,
			         b_first ? p->words[b->first].text : q->words[t->first].text);
	}
	result(!bad, "widows-orphans", "%d of %d paragraphs crossing a page break leave a line alone; %s", bad, checked,
	       detail);
}

static void add_ref(xmlNode *n, void *ud)
{
	xmlChar *r = xmlGetProp(n, (const xmlChar *)"ref");
	if (r && !sset_has(ud, (const char *)r))
		sset_add(ud, strdup((const char *)r));
	xmlFree(r);
}

/* Each referenced footnote starts on a page that references it. */
static void rule_note_pages(void)
{
	xmlNode *root = xmlDocGetRootElement(xdoc);
	int checked = 0, lost = 0, bad = 0;
	char detail[512] = "";
	sset refs = { 0 };
	collect(root, "noteref", add_ref, &refs);
	for (xmlNode *c = root->children; c; c = c->next) {
		if (!is(c, "notes"))
			continue;
		for (xmlNode *nt = c->children; nt; nt = nt->next) {
			if (!is(nt, "note"))
				continue;
			xmlChar *id = xmlGetProp(nt, (const xmlChar *)"id");
			strs k = { 0 };
			text_keys(nt, &k);
			if (!id || !sset_has(&refs, (const char *)id) || k.n == 0) {
				strs_free(&k);
				xmlFree(id);
				continue;
			}
			checked++;
			int want = k.n < 3 ? k.n : 3, start = -1;
			/* the page whose foot holds the note: its mark, then its first words on that line */
			for (int i = 0; i < npages && start < 0; i++) {
				const page *p = &pages[i];
				for (size_t m = 0; m < p->nw && start < 0; m++) {
					const word *w = &p->words[m];
					if (!is_mark_word(p, w) || is_ref_mark(p, m) || strcmp(w->text, (const char *)id) != 0)
						continue;
					for (size_t l = 0; l < p->nl && start < 0; l++) {
						const tline *ln = &p->lines[l];
						if (ln->n == 0 || ln->x0 < w->x1 - 0.5 || ln->x0 > w->x1 + 12 || fabs(ln->y0 - w->y0) > 4)
							continue;
						int j = 0;
						for (size_t x = ln->first; x < ln->first + ln->n && j < want; x++) {
							char *key = word_key(p->words[x].text, strlen(p->words[x].text));
							if (*key) {
								if (strcmp(key, k.v[j]) != 0)
									j = want + 1;
								else
									j++;
							}
							free(key);
						}
						if (j > 0 && j <= want)   /* its first words, or all of a shorter line */
							start = i;
					}
				}
			}
			if (start < 0) {
				if (!lost++ && !*detail)
					snprintf(detail, sizeof detail, "note %s not found at a page's foot", (const char *)id);
			} else {
				const page *p = &pages[start];
				int marks = 0;
				for (size_t m = 0; m < p->nw; m++)
					marks += is_ref_mark(p, m) && strcmp(p->words[m].text, (const char *)id) == 0;
				if (!marks && !bad++)
					snprintf(detail, sizeof detail, "note %s is on page %d, which has no reference to it",
					         (const char *)id, start + 1);
			}
			strs_free(&k);
			xmlFree(id);
		}
	}
	sset_free(&refs);
	result(!bad && !lost, "note-pages", "%d of %d notes away from their reference, %d not found; %s", bad, checked,
	       lost, detail);
}

/* The signature block (authority, position, name) kept together on one page. */
static void rule_signature(void)
{
	/* the block's lines, squashed */
	static const char *const names[] = { "signature", NULL };
	nodes sig = { 0 };
	find_elems(xmlDocGetRootElement(xdoc), names, &sig);
	strs want = { 0 };
	for (int s = 0; s < sig.n; s++)
		for (xmlNode *c = sig.v[s]->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				add_content(c, &want);
	free(sig.v);
	for (int e = 0; e < want.n; e++) {
		char *w = squash(want.v[e]);
		free(want.v[e]);
		want.v[e] = w;
	}
	/* a page that holds every line, looked for from the end: the closing is near it */
	int page = -1;
	for (int i = npages - 1; i >= 0 && page < 0 && want.n > 0; i--) {
		sbuf b = { 0 };
		sb_put(&b, "", 0);
		for (size_t k = 0; k < pages[i].nw; k++)
			sb_put(&b, pages[i].words[k].text, strlen(pages[i].words[k].text));
		char *flat = squash(b.s);
		free(b.s);
		int all = 1;
		for (int e = 0; e < want.n && all; e++)
			all = !*want.v[e] || strstr(flat, want.v[e]) != NULL;
		free(flat);
		if (all)
			page = i;
	}
	char detail[300] = "";
	int split = want.n > 0 && page < 0;
	if (split)
		snprintf(detail, sizeof detail, "no page holds all of \"%.60s\" … \"%.60s\"", want.v[0], want.v[want.n - 1]);
	result(!split, "signature-page", "%d signature lines%s%s%s", want.n, page >= 0 ? ", on one page" : "",
	       *detail ? "; " : "", detail);
	strs_free(&want);
}

/* A draft carries its mark in the top margin of every page; a final text nowhere. */
static void rule_draft(void)
{
	static const char *const names[] = { "draft", NULL };
	nodes found = { 0 };
	find_elems(xmlDocGetRootElement(xdoc), names, &found);
	int draft = found.n > 0;
	free(found.v);
	int marked = 0;
	for (int i = 0; i < npages; i++) {
		const page *p = &pages[i];
		area out, in;
		page_limits(p, &out, &in);
		int du = 0, thao = 0;
		for (size_t k = 0; k < p->nw; k++)
			if (furniture(p, &p->words[k], &out)) {
				du |= strcmp(p->words[k].text, "DỰ") == 0;
				thao |= strcmp(p->words[k].text, "THẢO") == 0;
			}
		marked += du && thao;
	}
	result(draft ? marked == npages : marked == 0, "draft-mark", "%s: the mark on %d of %d pages",
	       draft ? "a draft" : "not a draft", marked, npages);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: pdfrules NAME DOC.pdf DOC.xml\n");
		return 2;
	}
	name = argv[1];
	const char *pdf = argv[2];
	xdoc = xmlReadFile(argv[3], NULL, XML_PARSE_NONET);
	if (!xdoc) {
		printf("FAIL %s/xml: cannot read %s\n", name, argv[3]);
		return 1;
	}
	if (load_words(pdf) != 0) {
		printf("FAIL %s/pdftotext: no pages in %s\n", name, pdf);
		return 1;
	}
	if (getenv("PDFRULES_BBOX")) {
		/* only the rules that read word positions */
		rule_edges();
		load_stream();
		rule_heading_keep();
		rule_widows();
		rule_note_pages();
		rule_draft();
		rule_signature();
		return failures ? 1 : 0;
	}
	char *json = NULL;
	int seqs = load_labels(pdf, &json);
	rule_structure(pdf);
	rule_a4();
	rule_margins();
	rule_edges();
	rule_page_numbers();
	rule_justified();
	rule_overlap();
	rule_text();
	rule_fonts_text(pdf);
	load_stream();
	rule_heading_keep();
	rule_widows();
	rule_note_pages();
	rule_draft();
	rule_signature();
	rule_outline(json, seqs);
	rule_info(pdf);
	free(json);
	for (int i = 0; i < npages; i++) {
		for (size_t k = 0; k < pages[i].nw; k++)
			free(pages[i].words[k].text);
		free(pages[i].words);
		free(pages[i].lines);
	}
	for (size_t i = 0; i < ngw; i++)
		free(gw[i].key);
	free(gw);
	free(pages);
	xmlFreeDoc(xdoc);
	xmlCleanupParser();
	return failures ? 1 : 0;
}
