/* pdfwords.c — "the page never eats text": every word the XML shows must be among the words pdftotext extracts from the PDF, as many times. */
/*
 * Usage: pdfwords DOC.xml DOC.pdf
 * Prints "ok: N words of the XML, all in the PDF" or "FAIL: M of N words of
 * the XML missing from the PDF: ..." with the first missing ones; exit 0, 1,
 * or 2 when a file cannot be read.
 *
 * The XML's words are those of its text nodes, outside the derived metadata
 * (elements whose names begin with a capital: <Subject>, <To>, ... repeat
 * what the document shows) and outside <restored> (the source's lines as
 * they were before the restore stage mended them: a record, not shown).  The PDF's are `pdftotext` (raw order) output.
 *
 * Normalisation, applied to both sides alike, and why:
 *   - NFKC and case folding: the typesetter sets the issuer, the title's type,
 *     the authority and headings of level 1 in capitals; NFKC undoes
 *     ligatures and compatibility forms (superscript digits) pdftotext may give;
 *   - words are maximal runs of letters, marks and digits (Unicode L*, M*,
 *     N*), so punctuation and the place of a line break do not count;
 *   - a run is cut where letters meet digits: a raised note mark is set
 *     against its word ("nghiệp¹"), which pdftotext extracts as one word and
 *     the XML holds as the word and a <noteref>;
 *   - a word the XML has more often than the PDF may be found as pieces
 *     next to each other in the PDF, each a word the PDF has to spare: a word
 *     wider than its column is cut over lines (bc_items_fit_words; URLs,
 *     long numbers, narrow table columns).  Vietnamese is not hyphenated, so
 *     no hyphen is removed at a join.  The pieces of a word cut in a cell
 *     that spans rows are drawn a row at a time, other cells' words between
 *     them: a next piece is looked for within 64 words.
 * The comparison is of multisets: one missing occurrence fails.
 *
 * One exception, the header's single-valued parts: when <meta> holds two
 * <number> (or <summary>, <urgency>, <motto>, <slogan>, <place>, <date>,
 * <type>), the source repeated a header and the model chose one of them for
 * every output (tests/cli.sh: "with two Số: lines the PDF prints the number
 * the XML's CodeNumber names"); the page prints that one.  Such a part counts
 * when the words of one of its elements are all in the PDF.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "wordsplit.h"

#define MAX_PIECES 12   /* a word cut over this many lines is not looked for */

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, "pdfwords: out of memory\n");
		exit(2);
	}
	return q;
}

/* ---- a word table: key -> counts in the XML and the PDF ---- */

typedef struct entry {
	char *key;
	long xml, pdf;
} entry;

static entry *tab;
static size_t tcap, tn;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static entry *lookup(const char *key, int add)
{
	if (add && (tn + 1) * 2 > tcap) {
		size_t ocap = tcap;
		entry *old = tab;
		tcap = tcap ? tcap * 2 : 1024;
		tab = calloc(tcap, sizeof *tab);
		if (!tab)
			exit(2);
		for (size_t i = 0; i < ocap; i++)
			if (old[i].key) {
				size_t j = hash(old[i].key) & (tcap - 1);
				while (tab[j].key)
					j = (j + 1) & (tcap - 1);
				tab[j] = old[i];
			}
		free(old);
	}
	if (!tcap)
		return NULL;
	size_t j = hash(key) & (tcap - 1);
	while (tab[j].key) {
		if (!strcmp(tab[j].key, key))
			return &tab[j];
		j = (j + 1) & (tcap - 1);
	}
	if (!add)
		return NULL;
	tab[j].key = strdup(key);
	tn++;
	return &tab[j];
}

/* ---- words ---- */

/* The PDF's words in order (for the joins). */
static char **pw;
static size_t pwn, pwcap;

static int probe_missing;

/* One word of words(): counted, or probed. */
static void take_word(const char *w, void *ctx)
{
	int pdf = *(const int *)ctx;
	if (pdf == 2) {   /* a probe: is every word of s in the PDF? */
		entry *e = lookup(w, 0);
		if (!e || e->pdf <= 0)
			probe_missing = 1;
		return;
	}
	entry *e = lookup(w, 1);
	if (pdf) {
		e->pdf++;
		if (pwn == pwcap) {
			pwcap = pwcap ? pwcap * 2 : 4096;
			pw = xrealloc(pw, pwcap * sizeof *pw);
		}
		pw[pwn++] = e->key;
	} else {
		e->xml++;
	}
}

/* Splits s (normalised first) into words; each goes to the table, counted for the XML (pdf 0) or the PDF
 * (pdf 1); pdf 2 only probes, setting probe_missing when a word of s is not in the PDF. */
static void words(const char *s, size_t len, int pdf)
{
	ws_split(s, len, take_word, &pdf);
}

/* The text the XML shows, in xt: a space at every element's edges but a
 * note mark's, which is set against the word before it as in the PDF
 * ("năm 2026" and mark 4 give "20264" on both sides). */
static char *xt;
static size_t xtn, xtcap;

/* The header's single-valued parts (see the head comment): their texts, by element name. */
static const char *const single[] = { "number", "summary", "urgency", "motto", "slogan", "place", "date", "type" };
#define NSINGLE (sizeof single / sizeof single[0])
static char **alt[NSINGLE];
static size_t nalt[NSINGLE];

static int single_index(xmlNode *c)
{
	if (!c->parent || !c->parent->name || strcmp((const char *)c->parent->name, "meta") != 0)
		return -1;
	for (size_t i = 0; i < NSINGLE; i++)
		if (!strcmp((const char *)c->name, single[i]))
			return (int)i;
	return -1;
}

static void xt_put(const char *s, size_t n)
{
	if (xtn + n + 1 > xtcap)
		xt = xrealloc(xt, xtcap = (xtn + n + 1) * 2);
	memcpy(xt + xtn, s, n);
	xtn += n;
	xt[xtn] = '\0';
}

static void xml_text(xmlNode *n)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (c->name[0] >= 'A' && c->name[0] <= 'Z')
				continue;   /* derived metadata: it repeats what the text shows */
			if (!strcmp((const char *)c->name, "restored"))
				continue;   /* the damaged source lines, kept as a record */
			int si = single_index(c);
			if (si >= 0) {
				xmlChar *t = xmlNodeGetContent(c);
				alt[si] = xrealloc(alt[si], (nalt[si] + 1) * sizeof *alt[si]);
				alt[si][nalt[si]++] = strdup(t ? (const char *)t : "");
				xmlFree(t);
				continue;
			}
			int mark = !strcmp((const char *)c->name, "noteref");
			if (!mark)
				xt_put(" ", 1);
			xml_text(c);
			if (!mark)
				xt_put(" ", 1);
		} else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			xt_put((const char *)c->content, strlen((const char *)c->content));
		}
	}
}

#define JOIN_WINDOW 64     /* words between two pieces of a cut word, at most */
#define MAX_DEFICITS 2000  /* more missing words than this: no search for scattered pieces */

/* Whether the n bytes of s begin one of the missing words. */
static int begins_deficit(char **def, size_t ndef, const char *s, size_t n)
{
	for (size_t i = 0; i < ndef; i++)
		if (strncmp(def[i], s, n) == 0 && strlen(def[i]) >= n)
			return 1;
	return 0;
}

/* The key of pieces pw[i..i+k) joined, in buf. */
static size_t joined(size_t i, size_t k, char *buf, size_t cap)
{
	size_t l = 0;
	for (size_t j = i; j < i + k; j++) {
		size_t m = strlen(pw[j]);
		if (l + m + 1 > cap)
			return 0;
		memcpy(buf + l, pw[j], m);
		l += m;
	}
	buf[l] = '\0';
	return l;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: pdfwords DOC.xml DOC.pdf\n");
		return 2;
	}
	xmlDoc *doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	if (!doc) {
		fprintf(stderr, "pdfwords: cannot read %s\n", argv[1]);
		return 2;
	}
	xml_text(xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	/* a single-valued part given once is text like any other */
	for (size_t i = 0; i < NSINGLE; i++)
		if (nalt[i] == 1) {
			xt_put(" ", 1);
			xt_put(alt[i][0], strlen(alt[i][0]));
			xt_put(" ", 1);
		}
	words(xt ? xt : "", xtn, 0);
	free(xt);

	/* pdftotext's raw order: the order of the content stream, so that the
	 * pieces of a cut word are next to each other */
	size_t clen = strlen(argv[2]) * 4 + 64;
	char *cmd = malloc(clen), *q = cmd;
	q += sprintf(q, "pdftotext -raw -enc UTF-8 '");
	for (const char *p = argv[2]; *p; p++) {
		if (*p == '\'')
			q += sprintf(q, "'\\''");
		else
			*q++ = *p;
	}
	sprintf(q, "' - 2>/dev/null");
	FILE *f = popen(cmd, "r");
	free(cmd);
	if (!f)
		return 2;
	char *text = NULL;
	size_t tl = 0, tc = 0, got;
	do {
		if (tl + 65536 > tc)
			text = xrealloc(text, tc = (tc + 65536) * 2);
		got = fread(text + tl, 1, tc - tl, f);
		tl += got;
	} while (got > 0);
	if (pclose(f) != 0 || tl == 0) {
		fprintf(stderr, "pdfwords: pdftotext could not read %s\n", argv[2]);
		return 2;
	}
	words(text, tl, 1);
	free(text);

	/* joins: a missing word made of adjacent pieces the PDF has to spare */
	char buf[4096];
	for (size_t i = 0; i < pwn; i++) {
		entry *a = lookup(pw[i], 0);
		if (a->pdf <= a->xml)
			continue;
		for (size_t k = 2; k <= MAX_PIECES && i + k <= pwn; k++) {
			entry *last = lookup(pw[i + k - 1], 0);
			if (last->pdf <= last->xml || !joined(i, k, buf, sizeof buf))
				break;
			entry *whole = lookup(buf, 0);
			if (whole && whole->xml > whole->pdf) {
				whole->pdf++;
				for (size_t j = i; j < i + k; j++)
					lookup(pw[j], 0)->pdf--;
				i += k - 1;
				break;
			}
		}
	}

	/* then pieces not side by side: a word cut in a cell that spans rows is
	 * drawn a line in each row, other cells' lines between its pieces; each
	 * next piece is looked for among the following JOIN_WINDOW words, and
	 * the pieces so far must begin a missing word */
	char **def = NULL;
	size_t ndef = 0;
	for (size_t i = 0; i < tcap; i++)
		if (tab[i].key && tab[i].xml > tab[i].pdf) {
			def = xrealloc(def, (ndef + 1) * sizeof *def);
			def[ndef++] = tab[i].key;
		}
	for (size_t i = 0; ndef > 0 && ndef <= MAX_DEFICITS && i < pwn; i++) {
		entry *a = lookup(pw[i], 0);
		if (a->pdf <= a->xml || !begins_deficit(def, ndef, pw[i], strlen(pw[i])))
			continue;
		size_t used[MAX_PIECES], nu = 1, last = i, l = strlen(pw[i]);
		used[0] = i;
		memcpy(buf, pw[i], l + 1);
		for (size_t j = i + 1; j < pwn && j <= last + JOIN_WINDOW && nu < MAX_PIECES; j++) {
			entry *e = lookup(pw[j], 0);
			size_t m = strlen(pw[j]);
			if (e->pdf <= e->xml || l + m + 1 > sizeof buf)
				continue;
			memcpy(buf + l, pw[j], m + 1);
			if (!begins_deficit(def, ndef, buf, l + m)) {
				buf[l] = '\0';
				continue;
			}
			l += m;
			used[nu++] = last = j;
			entry *whole = lookup(buf, 0);
			if (whole && whole->xml > whole->pdf) {
				whole->pdf++;
				for (size_t k = 0; k < nu; k++)
					lookup(pw[used[k]], 0)->pdf--;
				break;
			}
		}
	}
	free(def);

	long total = 0, missing = 0;
	int shown = 0;
	char detail[600] = "";
	size_t dl = 0;
	/* a part the source repeated: one of its elements on paper, all its words */
	for (size_t i = 0; i < NSINGLE; i++) {
		if (nalt[i] < 2)
			continue;
		int found = 0;
		for (size_t k = 0; k < nalt[i] && !found; k++) {
			probe_missing = 0;
			words(alt[i][k], strlen(alt[i][k]), 2);
			found = !probe_missing;
		}
		total++;
		if (!found) {
			missing++;
			if (dl + 64 < sizeof detail)
				dl += (size_t)snprintf(detail + dl, sizeof detail - dl, " <%s>: none of %zu whole", single[i], nalt[i]);
		}
	}
	for (size_t i = 0; i < tcap; i++) {
		if (!tab[i].key)
			continue;
		total += tab[i].xml;
		if (tab[i].xml > tab[i].pdf) {
			missing += tab[i].xml - tab[i].pdf;
			if (shown++ < 8 && dl + strlen(tab[i].key) + 24 < sizeof detail)
				dl += (size_t)snprintf(detail + dl, sizeof detail - dl, " \"%s\"×%ld", tab[i].key,
				                       tab[i].xml - tab[i].pdf);
		}
	}
	if (missing) {
		printf("FAIL: %ld of %ld words of the XML missing from the PDF:%s\n", missing, total, detail);
		return 1;
	}
	printf("ok: %ld words of the XML, all in the PDF\n", total);
	return 0;
}
