/* grids.c — the data tables pandoc writes in Markdown (grids of "+---+" and "| … |", multiline and simple tables under runs of dashes), rebuilt as rows, each cell's wrapped lines joined as pandoc wrapped them. */
#include "restore_int.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../input/decode.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/*
 * pandoc writes a Word table as a grid when a cell holds several paragraphs,
 * as a multiline table when a cell's text wraps, as a simple table when
 * every cell fits on a line.  Each keeps a cell's text in its column, cut
 * into lines of the column's width: a row of the document is several lines
 * of the text, a bold run opened on one line of a cell and closed on
 * another.  Read line by line, a row would be as many rows as lines, and
 * the runs unclosed.  The layout tables (the header's, the signature's) are
 * layout.c's; every other table is rebuilt here as the rows a reader sees,
 * each cell the lines of its column joined.
 *
 * pandoc wraps a cell's text at spaces; a word longer than the column is
 * cut into pieces, the last ones exactly the column's width each, the first
 * the rest, each on a line of its own ("**STT**" in three characters: "*",
 * "*ST", "T**"; "25.898" in four: "25", ".898").  A line that could be such
 * a piece (alone on its line, exactly the width, after a line alone too)
 * may as well be a word that filled the column ("vị" / "tính**" in six),
 * so it is joined to the line above without a space only on evidence that
 * the word was cut: markup that cannot stand where the space would leave it
 * (a "*" alone), a mark no word starts or ends with (".898", "14/"),
 * figures on both sides, letters that begin a Vietnamese syllable together
 * ("li" / "ệu**", "c" / "hú**"), a word the text writes whole elsewhere, or
 * capitals cut as an abbreviation is ("S" / "TT", "U" / "BND").  The HTML
 * tables of GFM are read in layout.c, which parses them for the layout
 * tables, and rebuilt the same way.
 */

#define MAX_COLS 16
#define MAX_ROWS 1024
#define MAX_ROW_LINES 200

/* The columns: column c holds the input's characters [cut[c], cut[c + 1])
 * (from 0), the last one up to the line's end; width[c] is the width pandoc
 * wrapped it at. */
typedef struct cols {
	size_t n;
	uint32_t cut[MAX_COLS + 1];
	uint32_t width[MAX_COLS];
	int bars;   /* a grid: a '|' stands at cut[c] - 1 and at cut[n] */
} cols;

/* One line's text in one column: bytes [b, e) of the line, trimmed. */
typedef struct piece {
	size_t b, e;
	uint32_t col;     /* its first character's column in the line as restored, from 1 */
	uint32_t width;   /* the input's characters it spans (an escape's backslash too), as pandoc counted them */
	int hard;         /* pandoc's line break ("\\") ended it */
} piece;

/* Cuts line l into its columns' pieces; 0 when a grid's line has no '|' where the rule has a '+'. */
static int pieces_of(const rs_line *l, const cols *cs, piece *p)
{
	memset(p, 0, cs->n * sizeof *p);
	long prev_ic = -1;   /* the input column of the character before */
	uint32_t rc = 0;
	size_t found_bars = 0;
	long last_ic[MAX_COLS];
	for (size_t c = 0; c < cs->n; c++)
		last_ic[c] = -1;
	long first_prev[MAX_COLS];
	for (size_t b = 0; b < l->len;) {
		uint32_t cp = 0;
		int k = bc_utf8_decode(l->s + b, l->len - b, &cp);
		if (k <= 0)
			k = 1;
		rc++;
		long ic = (long)rs_input_col(l, rc) - 1;
		size_t c = cs->n;
		while (c > 0 && (long)cs->cut[c - 1] > ic)
			c--;
		/* c: the columns whose start is at or before ic; the character is column c - 1's */
		if (cs->bars) {
			for (size_t q = 0; q <= cs->n; q++)
				if (ic == (long)cs->cut[q] - 1) {
					if (l->s[b] != '|')
						return 0;
					found_bars++;
					c = 0;   /* a bar is no column's */
				}
			if (ic >= (long)cs->cut[cs->n])
				c = 0;
		}
		if (c > 0 && cp != ' ' && cp != '\t') {
			piece *q = &p[c - 1];
			if (q->e == 0) {
				q->b = b;
				q->col = rc;
				first_prev[c - 1] = prev_ic;
			}
			q->e = b + (size_t)k;
			last_ic[c - 1] = ic;
		}
		prev_ic = ic;
		b += (size_t)k;
	}
	if (cs->bars && found_bars != cs->n + 1)
		return 0;
	for (size_t c = 0; c < cs->n; c++) {
		piece *q = &p[c];
		if (q->e == 0)
			continue;
		q->width = (uint32_t)(last_ic[c] - first_prev[c]);
		/* pandoc's hard line break at the end of a cell's line: the mark goes */
		if (q->e - q->b >= 2 && l->s[q->e - 1] == '\\' && l->s[q->e - 2] != '\\') {
			q->hard = 1;
			q->e--;
			while (q->e > q->b && (l->s[q->e - 1] == ' ' || l->s[q->e - 1] == '\t'))
				q->e--;
			if (q->e == q->b)
				q->e = 0;
		}
	}
	return 1;
}

/* ---- a word cut at the column's edge ---- */

static int is_delim(char c) { return c == '*' || c == '_'; }

static int delims_only(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!is_delim(s[k]))
			return 0;
	return n > 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int has_space(const char *s, size_t n) { return memchr(s, ' ', n) || memchr(s, '\t', n); }

/* Where the code point ending s[0..n) starts. */
static size_t cp_back(const char *s, size_t n)
{
	size_t k = n - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

static int is_mark(uint32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

/* The letters (with their combining marks) ending s[0..n): where they start. */
static size_t letters_back(const char *s, size_t n)
{
	size_t k = n;
	while (k > 0) {
		size_t b = cp_back(s, k);
		uint32_t cp = 0;
		bc_utf8_decode(s + b, k - b, &cp);
		if (!bc_cp_is_letter(cp) && !is_mark(cp))
			break;
		k = b;
	}
	return k;
}

/* The letters starting s[0..n): where they end. */
static size_t letters_forward(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0 || (!bc_cp_is_letter(cp) && !is_mark(cp)))
			break;
		k += (size_t)m;
	}
	return k;
}

/* s[0..n) is one consonant letter: no Vietnamese word is one (a vowel
 * alone may be: "a", "ở"). */
static int lone_consonant(const char *s, size_t n)
{
	uint32_t cp = 0;
	int m = bc_utf8_decode(s, n, &cp);
	if (m <= 0)
		return 0;
	for (size_t k = (size_t)m; k < n;) {
		uint32_t mk = 0;
		int q = bc_utf8_decode(s + k, n - k, &mk);
		if (q <= 0 || !is_mark(mk))
			return 0;
		k += (size_t)q;
	}
	if (cp == 0x0110 || cp == 0x0111)
		return 1;   /* Đ đ */
	if (cp >= 0x80)
		return 0;   /* a letter with a mark of its own: a vowel */
	return strchr("bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ", (int)cp) != NULL;
}

/* s[0..n) is letters in capitals with no vowel among them ("BND", "TT"):
 * a piece of an abbreviation, not a word of the language. */
static int capitals_no_vowel(const char *s, size_t n)
{
	for (size_t k = 0; k < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0 || !bc_cp_is_upper(cp) || !lone_consonant(s + k, (size_t)m))
			return 0;
		k += (size_t)m;
	}
	return n > 0;
}

/* s[0..n) is one letter with its marks. */
static int one_letter(const char *s, size_t n)
{
	uint32_t cp = 0;
	int m = bc_utf8_decode(s, n, &cp);
	for (size_t k = m > 0 ? (size_t)m : n; k < n;) {
		int q = bc_utf8_decode(s + k, n - k, &cp);
		if (q <= 0 || !is_mark(cp))
			return 0;
		k += (size_t)q;
	}
	return m > 0;
}

static uint32_t first_cp(const char *s, size_t n)
{
	uint32_t cp = 0;
	bc_utf8_decode(s, n, &cp);
	return cp;
}

static uint32_t last_cp(const char *s, size_t n)
{
	size_t b = cp_back(s, n);
	uint32_t cp = 0;
	bc_utf8_decode(s + b, n - b, &cp);
	return cp;
}



/* s[0..n) is letters in capitals (with their marks) only. */
static int all_capitals(const char *s, size_t n)
{
	for (size_t k = 0; k < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0 || (!bc_cp_is_upper(cp) && !is_mark(cp)))
			return 0;
		k += (size_t)m;
	}
	return n > 0;
}

/* s[0..n) is a Vietnamese syllable or its beginning: some ending (a vowel,
 * a final consonant, "ua" after "q") makes it whole. */
static int syllable_start(const char *s, size_t n, int caps)
{
	static const char *const small[] = { "", "a", "i", "u", "y", "o", "n", "ng", "nh", "c", "ch", "m", "p", "t", "ua", NULL };
	static const char *const big[] = { "", "A", "I", "U", "Y", "O", "N", "NG", "NH", "C", "CH", "M", "P", "T", "UA", NULL };
	char w[72];
	if (n + 3 > sizeof w)
		return 0;
	memcpy(w, s, n);
	for (const char *const *e = caps ? big : small; *e; e++) {
		size_t el = strlen(*e);
		memcpy(w + n, *e, el);
		if (bc_vn_syllable(w, n + el))
			return 1;
	}
	return 0;
}

/* The words (runs of letters) the text writes, in small letters, sorted: a
 * word cut in a narrow column is joined when the text has it whole, or a
 * word it begins, elsewhere; and a syllable the text writes as a word of
 * its own outside its grids (whose lines hold the pieces of the words they
 * cut) ends there ("Số" / "l" in a column of one character: "Sốl" begins
 * no word the text has). */
typedef struct lexword {
	const char *s;
	size_t n;
	int grid;                /* from a grid's line */
} lexword;

typedef struct lexicon {
	bc_buf text;             /* the words, each ended by a NUL */
	lexword *v;
	size_t n;
	int built;
} lexicon;

/* s[0..n) in small letters into out[0..cap); its length, or 0 when it does not fit. */
static size_t small_letters(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t k = 0; k < n;) {
		uint32_t cp = 0;
		int m = bc_utf8_decode(s + k, n - k, &cp);
		if (m <= 0)
			return 0;
		char u8[4];
		int el = bc_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), u8);
		if (o + (size_t)el >= cap)
			return 0;
		memcpy(out + o, u8, (size_t)el);
		o += (size_t)el;
		k += (size_t)m;
	}
	return o;
}

static int lexword_cmp(const void *a, const void *b)
{
	const lexword *x = a, *y = b;
	size_t m = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->s, y->s, m);
	return c ? c : (x->n > y->n) - (x->n < y->n);
}

static void lexicon_build(lexicon *lx, const rs_ctx *cx)
{
	lx->built = 1;
	size_t count = 0;
	for (size_t i = 0; i < cx->n; i++) {
		const rs_line *l = &cx->v[i];
		const char *t;
		size_t tn;
		rs_trim(l, &t, &tn);
		if (l->dropped)
			continue;
		int grid = tn && (t[0] == '|' || t[0] == '+');
		for (size_t k = 0; k < l->len;) {
			size_t e = k + letters_forward(l->s + k, l->len - k);
			if (e == k) {
				k++;
				continue;
			}
			char w[128];
			size_t wn = small_letters(l->s + k, e - k, w, sizeof w);
			if (wn) {
				bc_buf_putc(&lx->text, grid ? 'g' : 't');
				bc_buf_put(&lx->text, w, wn);
				bc_buf_putc(&lx->text, '\0');
				count++;
			}
			k = e;
		}
	}
	if (!count)
		return;
	lx->v = bc_xmalloc(count * sizeof *lx->v);
	for (size_t o = 0; o < lx->text.len && lx->n < count;) {
		size_t n = strlen(lx->text.s + o + 1);
		lx->v[lx->n++] = (lexword){ lx->text.s + o + 1, n, lx->text.s[o] == 'g' };
		o += n + 2;
	}
	qsort(lx->v, lx->n, sizeof *lx->v, lexword_cmp);
}

/* The text has the word s[0..n) (in small letters) outside its grids, or,
 * `begins`, a word starting so anywhere. */
static int lexicon_has(const lexicon *lx, const char *s, size_t n, int begins)
{
	size_t lo = 0, hi = lx->n;
	lexword key = { s, n, 0 };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lexword_cmp(&lx->v[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (begins)
		return lo < lx->n && lx->v[lo].n >= n && !memcmp(lx->v[lo].s, s, n);
	for (; lo < lx->n && lx->v[lo].n == n && !memcmp(lx->v[lo].s, s, n); lo++)
		if (!lx->v[lo].grid)
			return 1;
	return 0;
}

/* x (the word the cell's text ends with) and y (the next line, alone on it)
 * are one word pandoc cut: the evidence that no space stood between them. */
static int cut_word(const char *x, size_t xn, const char *y, size_t yn, const lexicon *lex)
{
	if (!xn || !yn)
		return 0;
	/* a run of "*" or "_" alone opens nothing before a space, closes nothing after one */
	if (delims_only(x, xn) || delims_only(y, yn))
		return 1;
	/* marks that no word starts with, or ends with before a space */
	if (strchr(".,;:!?)]}%/", y[0]) || bc_starts(y, yn, "…") || bc_starts(y, yn, "”") || bc_starts(y, yn, "’") ||
	    bc_starts(y, yn, "»"))
		return 1;
	if (strchr("([{/", x[xn - 1]) || bc_ends(x, xn, "“") || bc_ends(x, xn, "‘") || bc_ends(x, xn, "«"))
		return 1;
	/* a hyphen inside a word ("NQ-" / "HĐND"), not a dash standing alone */
	if (x[xn - 1] == '-' && xn >= 2) {
		uint32_t cp = last_cp(x, xn - 1);
		if (bc_cp_is_letter(cp) || is_digit(x[xn - 2]))
			return 1;
	}
	/* a figure cut ("1" / "00**", "2." / "372") */
	size_t x0 = 0;
	while (x0 < xn && is_delim(x[x0]))
		x0++;
	/* a hyphen inside a word, its second half cut ("19/NQ" / "-HĐND") */
	if (y[0] == '-' && yn >= 2 && (is_digit(x[xn - 1]) || bc_cp_is_letter(last_cp(x, xn))))
		return 1;
	if (is_digit(y[0])) {
		if (is_digit(x[xn - 1]))
			return 1;
		if (x[xn - 1] == '.' || x[xn - 1] == ',') {
			int figure = x0 < xn;
			for (size_t k = x0; k < xn && figure; k++)
				figure = is_digit(x[k]) || x[k] == '.' || x[k] == ',';
			if (figure)
				return 1;
		}
	}
	/* letters on both sides */
	size_t xb = letters_back(x, xn), ye = letters_forward(y, yn);
	if (xb == xn || ye == 0)
		return 0;
	const char *r1 = x + xb, *r2 = y;
	size_t n1 = xn - xb, n2 = ye;
	char joined[64];
	if (n1 + n2 > sizeof joined - 8)
		return 0;
	memcpy(joined, r1, n1);
	memcpy(joined + n1, r2, n2);
	int caps = all_capitals(r1, n1) && all_capitals(r2, n2);
	/* a capital after small letters starts a word of its own ("lục" / "B**") */
	if (!caps && bc_cp_is_upper(first_cp(r2, n2)))
		return 0;
	/* the text's own words: the letters joined begin one it writes whole
	 * elsewhere ("PA" / "KN" where "(PAKN)" stands in a sentence; "li" /
	 * "ệu**"), or the letters above are a word of it the letters joined begin
	 * none of ("Số" / "l", "Ghi" / "ch" in a column of one or two characters) */
	char f[72], f1[72];
	size_t fn = small_letters(joined, n1 + n2, f, sizeof f), f1n = small_letters(r1, n1, f1, sizeof f1);
	if (lex && lex->n && fn && f1n) {
		if (lexicon_has(lex, f, fn, 1))
			return 1;
		if (lexicon_has(lex, f1, f1n, 0) && bc_vn_syllable(r1, n1))
			return 0;
	}
	/* a syllable goes on: the letters joined begin one ("li" / "ệu**", "c" / "hú**";
	 * not "vị" / "tính**") */
	if (syllable_start(joined, n1 + n2, caps))
		return 1;
	if (caps) {
		/* a capital alone before an abbreviation's consonants ("U" / "BND") */
		if (one_letter(r1, n1) && capitals_no_vowel(r2, n2))
			return 1;
		/* capitals that are no syllable, then consonants alone: an abbreviation cut
		 * ("S" / "TT", "UB" / "N"); after a syllable a new word starts ("ỦY" / "B") */
		if (!bc_vn_syllable(r1, n1) && (capitals_no_vowel(r2, n2) || lone_consonant(r1, n1)))
			return 1;
	}
	return 0;
}

/* ---- a row written ---- */

/* Appends piece p of input line i to the row, where it stands in the input. */
static void row_piece(rs_row *r, const rs_line *l, size_t i, const piece *p)
{
	uint32_t at = r->col;
	r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
	r->jumps[r->njumps++] = (bc_restore_shift){ 0, at, rs_input_col(l, p->col), (uint32_t)(i + 1) };
	/* the line's own rewrites (an escape's backslash gone) shift its later columns */
	for (size_t k = 0; k < l->nshifts; k++)
		if (l->shifts[k].col > p->col) {
			uint32_t chars = (uint32_t)bc_utf8_count(l->s + p->b, p->e - p->b);
			if (l->shifts[k].col >= p->col + chars)
				break;
			r->jumps = bc_xgrow(r->jumps, r->njumps, sizeof *r->jumps);
			r->jumps[r->njumps++] = (bc_restore_shift){ 0, at + l->shifts[k].col - p->col,
			                                            l->shifts[k].col + l->shifts[k].shift, (uint32_t)(i + 1) };
		}
	for (size_t k = p->b; k < p->e; k++)
		rs_row_byte(r, l->s[k] == '\t' ? ' ' : l->s[k]);
}

/* A cell's line: the piece of input line `line`, or an empty line of the cell (e == 0). */
typedef struct cell_line {
	size_t line;
	piece p;
} cell_line;

/* Lines [first, last] as one row: each column's pieces joined, a space
 * between two lines but where the word was cut; TABs between the cells (or
 * " | " in a pipe table's row).  Returns how many cuts it joined. */
static size_t write_row(rs_ctx *cx, size_t after, size_t first, size_t last, const cols *cs, int pipe, const lexicon *lx)
{
	rs_row r = RS_ROW_INIT;
	size_t joined = 0, nl = last - first + 1;
	cell_line *cl = bc_xmalloc(nl * sizeof *cl);
	if (pipe)
		rs_row_str(&r, "| ");
	for (size_t c = 0; c < cs->n; c++) {
		if (c)
			rs_row_str(&r, pipe ? " | " : "\t");
		for (size_t i = first; i <= last; i++) {
			piece p[MAX_COLS];
			cl[i - first].line = i;
			if (pieces_of(&cx->v[i], cs, p))
				cl[i - first].p = p[c];
			else
				memset(&cl[i - first].p, 0, sizeof(piece));   /* checked when the table was read */
		}
		size_t cell = r.b.len;
		/* a backslash alone on its line, the mark it escapes cut onto the next
		 * ("2\\" / "."): the two lines are read as one, the backslash gone as
		 * the Markdown concern takes it off an escape on one line */
		long esc_up = -1;
		uint32_t esc_width = 0;
		int esc = 0;
		for (size_t k = 0; k < nl; k++) {
			const piece *q = &cl[k].p;
			const rs_line *l = &cx->v[cl[k].line];
			if (!q->e) {
				esc = 0;
				continue;
			}
			const char *y = l->s + q->b;
			size_t yn = q->e - q->b;
			if (yn == 1 && y[0] == '\\' && !esc && cx->shape == BC_SHAPE_MARKDOWN && k + 1 < nl && cl[k + 1].p.e &&
			    rs_md_escape(cx->v[cl[k + 1].line].s[cl[k + 1].p.b])) {
				esc = 1;
				esc_up = (long)k - 1;
				esc_width = q->width;
				continue;
			}
			/* the line above in the cell's paragraph: alone on it, not ended by a line break */
			long u = esc ? esc_up : (long)k - 1;
			uint32_t width = esc ? esc_width : q->width;
			const piece *up = u >= 0 ? &cl[u].p : NULL;
			int cut = 0;
			if (up && up->e && !up->hard && r.b.len > cell && !has_space(cx->v[cl[u].line].s + up->b, up->e - up->b) &&
			    !has_space(y, yn) && width == cs->width[c]) {
				size_t xb = r.b.len;
				while (xb > cell && r.b.s[xb - 1] != ' ')
					xb--;
				cut = cut_word(r.b.s + xb, r.b.len - xb, y, yn, lx);
			}
			esc = 0;
			if (r.b.len > cell && !cut)
				rs_row_byte(&r, ' ');
			joined += cut;
			row_piece(&r, l, cl[k].line, q);
		}
	}
	free(cl);
	if (pipe)
		rs_row_str(&r, " |");
	rs_row_add(cx, after, &r, 0, 0);
	return joined;
}

static int usable(const rs_line *l) { return !l->dropped && !l->nadds; }

/* The rows [row[k], row[k + 1]) of lines from `first` to `end`, written after `end`. */
static void write_table(rs_ctx *cx, size_t first, size_t end, const size_t *row, size_t nrows, const cols *cs, int header,
                        lexicon *lx)
{
	/* the text's words, before the first table's lines leave it */
	if (!lx->built)
		lexicon_build(lx, cx);
	rs_add_line(cx, end, "", 0, (uint32_t)(first + 1), 1);
	if (!header) {
		/* no header row: a pipe table whose rule comes first (§9.1) */
		rs_add_pipe_rule(cx, end, cs->n, (uint32_t)(first + 1));
	}
	for (size_t k = 0; k < nrows; k++) {
		size_t a = row[2 * k], b = row[2 * k + 1];
		write_row(cx, end, a, b, cs, !header, lx);
	}
	rs_add_line(cx, end, "", 0, (uint32_t)(end + 1), 1);
	for (size_t j = first; j <= end; j++)
		rs_move(cx, j, BC_RESTORE_GRID_TABLE);
	cx->out->count[BC_RESTORE_GRID_TABLE]++;
}

/* ---- grids ---- */

/* "+----+-----+" or "+====+": a grid's rule (rs_grid_rule) of 2 to
 * MAX_COLS + 1 '+', none side by side, of '-' or of '=' but not both, five
 * characters at least; the '+' columns.  Returns how many, and whether it is of '='. */
static size_t grid_rule(const rs_line *l, uint32_t *plus, int *heavy)
{
	unsigned m;
	size_t np = rs_grid_rule(l, plus, MAX_COLS + 1, &m);
	if (!np || np > MAX_COLS + 1 || (m & RS_RULE_PLUS2) || plus[np - 1] - plus[0] < 4 ||
	    ((m & RS_RULE_EQ) && (m & RS_RULE_DASH)))
		return 0;
	*heavy = (m & RS_RULE_EQ) != 0;
	return np;
}

/* A grid from line i: returns the lines it took (rebuilt), or 0. */
static size_t grid_at(rs_ctx *cx, size_t i, lexicon *lx)
{
	uint32_t plus[MAX_COLS + 1];
	int heavy;
	size_t np = grid_rule(&cx->v[i], plus, &heavy);
	if (np < 3 || heavy || !usable(&cx->v[i]))
		return 0;   /* two columns at least: one is a framed paragraph */
	cols cs = { 0 };
	cs.n = np - 1;
	cs.bars = 1;
	for (size_t c = 0; c < np; c++)
		cs.cut[c] = plus[c] + 1;
	for (size_t c = 0; c + 1 < np; c++)
		cs.width[c] = plus[c + 1] - plus[c] - 3;   /* "| " and " |" pad the text */
	size_t *row = bc_xmalloc(2 * MAX_ROWS * sizeof *row);
	size_t nrows = 0, start = i + 1, end = 0, header = 0;
	int ok = 1;
	for (size_t j = i + 1; j < cx->n && ok; j++) {
		const rs_line *l = &cx->v[j];
		if (!usable(l)) {
			ok = 0;
			break;
		}
		uint32_t p2[MAX_COLS + 1];
		int h2;
		size_t n2 = grid_rule(l, p2, &h2);
		if (n2) {
			/* a rule of other columns: cells spanning, which rows of TABs cannot say */
			if (n2 != np || memcmp(p2, plus, np * sizeof *plus) != 0 || j == start || nrows == MAX_ROWS) {
				ok = 0;
				break;
			}
			row[2 * nrows] = start;
			row[2 * nrows + 1] = j - 1;
			nrows++;
			if (h2) {
				if (header)
					ok = 0;
				header = nrows;
			}
			start = j + 1;
			end = j;
			/* the table ends at a rule with no row line under it */
			const char *s;
			size_t n;
			if (j + 1 < cx->n) {
				rs_trim(&cx->v[j + 1], &s, &n);
				if (!n || s[0] != '|')
					break;
			}
			continue;
		}
		piece p[MAX_COLS];
		if (j - start >= MAX_ROW_LINES || !pieces_of(l, &cs, p))
			ok = 0;
	}
	size_t span = 0;
	if (ok && nrows) {
		write_table(cx, i, end, row, nrows, &cs, header != 0, lx);
		span = end - i + 1;
	}
	free(row);
	return span;
}

/* ---- multiline and simple tables ---- */

/* "  --------- ------------ ------": the columns' dashes, a few spaces
 * apart; how many runs, where each starts and how long it is. */
static size_t dash_runs(const rs_line *l, uint32_t *start, uint32_t *len)
{
	size_t n = 0, k = 0, e = l->len;
	while (e > 0 && l->s[e - 1] == ' ')
		e--;
	while (k < e && l->s[k] == ' ')
		k++;
	if (k > 3 || k == e)
		return 0;
	while (k < e) {
		if (l->s[k] != '-')
			return 0;
		size_t b = k;
		while (k < e && l->s[k] == '-')
			k++;
		if (n == MAX_COLS || k - b < 2)
			return 0;
		start[n] = (uint32_t)b;
		len[n] = (uint32_t)(k - b);
		n++;
		size_t g = k;
		while (k < e && l->s[k] == ' ')
			k++;
		if (k < e && k - g > 3)
			return 0;
	}
	return n;
}

/* Line l holds the same runs of dashes. */
static int same_runs(const rs_line *l, const uint32_t *st, const uint32_t *ln, size_t nc)
{
	uint32_t s2[MAX_COLS], l2[MAX_COLS];
	return dash_runs(l, s2, l2) == nc && !memcmp(s2, st, nc * sizeof *st) && !memcmp(l2, ln, nc * sizeof *ln);
}

/* A line of dashes alone from column `from` over `len` characters: the line
 * pandoc opens and closes a multiline table with. */
static int full_dashes(const rs_line *l, uint32_t from, uint32_t len)
{
	const char *s;
	size_t n;
	rs_trim(l, &s, &n);
	if ((size_t)(s - l->s) != from || n != len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (s[k] != '-')
			return 0;
	return 1;
}

enum { MULTILINE, HEADLESS, SIMPLE };

/* A multiline or simple table from line i: returns the lines it took (rebuilt), or 0. */
static size_t table_at(rs_ctx *cx, size_t i, lexicon *lx)
{
	uint32_t st[MAX_COLS], ln[MAX_COLS];
	size_t rule, nc;
	int form;
	const char *s;
	size_t n;
	rs_trim(&cx->v[i], &s, &n);
	if (!n || !usable(&cx->v[i]))
		return 0;
	if ((nc = dash_runs(&cx->v[i], st, ln)) >= 2) {
		/* no header: the same dashes close it */
		form = HEADLESS;
		rule = i;
	} else if (s[0] == '-') {
		/* dashes over it all, the header's lines, the columns' dashes */
		size_t j = i + 1;
		while (j < cx->n && j - i <= 8 && !rs_blank(&cx->v[j]) && dash_runs(&cx->v[j], st, ln) < 2)
			j++;
		if (j >= cx->n || j == i + 1 || (nc = dash_runs(&cx->v[j], st, ln)) < 2 ||
		    !full_dashes(&cx->v[i], st[0], st[nc - 1] + ln[nc - 1] - st[0]))
			return 0;
		form = MULTILINE;
		rule = j;
	} else if (i + 1 < cx->n && (i == 0 || rs_blank(&cx->v[i - 1])) && (nc = dash_runs(&cx->v[i + 1], st, ln)) >= 2) {
		/* the header on one line, the columns' dashes, a row a line up to a blank line */
		form = SIMPLE;
		rule = i + 1;
	} else {
		return 0;
	}
	cols cs = { 0 };
	cs.n = nc;
	for (size_t c = 0; c < nc; c++) {
		cs.cut[c] = st[c];
		cs.width[c] = ln[c];
	}
	cs.cut[nc] = (uint32_t)-1;
	size_t *row = bc_xmalloc(2 * (MAX_ROWS + 1) * sizeof *row);
	size_t nrows = 0, end = 0, block = rule + 1, blanks = 0;
	int header = form != HEADLESS, ok = 0;
	if (header) {
		row[0] = form == MULTILINE ? i + 1 : i;
		row[1] = rule - 1;
		nrows = 1;
	}
	size_t j = rule + 1;
	for (; j < cx->n && nrows < MAX_ROWS; j++) {
		const rs_line *l = &cx->v[j];
		if (!usable(l))
			break;
		if (form == SIMPLE) {
			if (rs_blank(l))
				break;
			row[2 * nrows] = row[2 * nrows + 1] = j;
			nrows++;
			end = j;
			ok = 1;
			continue;
		}
		int closing = form == HEADLESS ? same_runs(l, st, ln, nc)
		                               : full_dashes(l, st[0], st[nc - 1] + ln[nc - 1] - st[0]);
		if (closing || rs_blank(l)) {
			if (j > block) {
				row[2 * nrows] = block;
				row[2 * nrows + 1] = j - 1;
				nrows++;
			}
			block = j + 1;
			if (closing) {
				end = j;
				ok = 1;
				break;
			}
			/* one blank line between rows; two end the text's table */
			if (++blanks && j + 1 < cx->n && rs_blank(&cx->v[j + 1]))
				break;
		}
	}
	/* headerless with no blank line between its rows: a simple table, a row a line */
	if (ok && form == HEADLESS && !blanks) {
		nrows = 0;
		for (size_t k = rule + 1; k < end && nrows < MAX_ROWS; k++, nrows++)
			row[2 * nrows] = row[2 * nrows + 1] = k;
	}
	size_t span = 0;
	if (ok && nrows > (size_t)header) {
		for (size_t k = i; k <= end && ok; k++) {
			piece p[MAX_COLS];
			ok = pieces_of(&cx->v[k], &cs, p);
		}
		if (ok) {
			write_table(cx, i, end, row, nrows, &cs, header, lx);
			span = end - i + 1;
		}
	}
	free(row);
	return span;
}

void rs_grids(rs_ctx *cx)
{
	/* a PDF's text draws rules of dashes of its own (spacecols.c reads its
	 * tables); pandoc's dashes may stand in a text with no other mark of
	 * Markdown (no escape, no grid) */
	int dashes = cx->shape != BC_SHAPE_PDF;
	lexicon lx = { BC_BUF_INIT, NULL, 0, 0 };
	for (size_t i = 0; i < cx->n; i++) {
		if (cx->v[i].dropped)
			continue;
		size_t span = grid_at(cx, i, &lx);
		if (!span && dashes)
			span = table_at(cx, i, &lx);
		if (span)
			i += span - 1;
	}
	free(lx.v);
	bc_buf_free(&lx.text);
}
