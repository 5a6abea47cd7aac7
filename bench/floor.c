/* floor.c — the floor for writing a PDF with libharu: the same pages, fonts and text as the compiler's output, without any layout. */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Usage: floor OUT.pdf PAGES TEXT.txt
 * Writes PAGES A4 pages with Liberation Serif 2 regular, bold and italic
 * (TrueType, embedded, UTF-8 encoding, streams compressed).  The text of
 * TEXT.txt (newlines and tabs read as spaces) is cut into PAGES x 40 pieces
 * of about equal length at character boundaries, and each piece is drawn
 * with one text operation, 40 lines a page, the faces taking turns.  So the
 * floor draws the same number of pages and the same amount of text as the
 * compiler, and does none of its work: no parsing, measuring or breaking.
 */

#define LINES_PER_PAGE 40
#define FONT_DIR "/usr/share/fonts/truetype/liberation2/"

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *ud)
{
	(void)ud;
	fprintf(stderr, "floor: libharu error 0x%04X, detail %u\n", (unsigned)e, (unsigned)detail);
	exit(2);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t cap = 1 << 16, n = 0, r;
	char *s = malloc(cap + 1);
	while (s && (r = fread(s + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *t = realloc(s, (cap *= 2) + 1);
			if (!t)
				free(s);
			s = t;
		}
	}
	fclose(f);
	if (!s) {
		fprintf(stderr, "floor: out of memory\n");
		exit(2);
	}
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			s[i] = ' ';
	s[n] = '\0';
	*len = n;
	return s;
}

int main(int argc, char **argv)
{
	if (argc != 4 || atoi(argv[2]) < 1) {
		fprintf(stderr, "usage: floor OUT.pdf PAGES TEXT.txt\n");
		return 2;
	}
	int pages = atoi(argv[2]);
	size_t len;
	char *text = read_all(argv[3], &len);
	static const char *const files[3] = { FONT_DIR "LiberationSerif-Regular.ttf", FONT_DIR "LiberationSerif-Bold.ttf",
	                                      FONT_DIR "LiberationSerif-Italic.ttf" };
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	if (!pdf)
		return 2;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_Font font[3];
	for (int f = 0; f < 3; f++)
		font[f] = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, files[f], HPDF_TRUE), "UTF-8");
	size_t lines = (size_t)pages * LINES_PER_PAGE, pos = 0;
	char *piece = malloc(len / lines + 8);
	for (size_t l = 0; l < lines; l++) {
		if (l % LINES_PER_PAGE == 0) {
			if (l)
				HPDF_Page_EndText(HPDF_GetCurrentPage(pdf));
			HPDF_Page page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
			HPDF_Page_BeginText(page);
		}
		HPDF_Page page = HPDF_GetCurrentPage(pdf);
		size_t end = (len * (l + 1)) / lines;
		while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
			end++;   /* not inside a character */
		size_t n = end > pos ? end - pos : 0;
		if (n > len / lines + 4)
			n = len / lines + 4;
		memcpy(piece, text + pos, n);
		piece[n] = '\0';
		pos = end;
		HPDF_Page_SetFontAndSize(page, font[l % 3], 13);
		HPDF_Page_TextOut(page, 56, (HPDF_REAL)(800 - 19 * (double)(l % LINES_PER_PAGE)), piece);
	}
	HPDF_Page_EndText(HPDF_GetCurrentPage(pdf));
	HPDF_SaveToFile(pdf, argv[1]);
	HPDF_Free(pdf);
	free(piece);
	free(text);
	return 0;
}
