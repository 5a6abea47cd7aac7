/* font.c — finding the serif family with fontconfig, checking glyphs and measuring advances. */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/utf8.h"
#include "../util/xalloc.h"

static const char *const face_style[BC_FACE_COUNT] = { "Regular", "Bold", "Italic", "Bold Italic" };

/* Whether a charset covers the Vietnamese letters with stacked marks; the
 * old Liberation 1.x and many Latin-only fonts fail here. */
static int covers_vietnamese(FcCharSet *cs)
{
	for (FcChar32 c = 0x1EA0; c <= 0x1EF9; c++)
		if (!FcCharSetHasChar(cs, c))
			return 0;
	static const FcChar32 extra[] = { 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0103, 0x0102 };
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (!FcCharSetHasChar(cs, extra[i]))
			return 0;
	return 1;
}

static int ends_with_ci(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcasecmp(s + a - b, suf) == 0;
}

/* Picks, for each face, the best TrueType file of `family`. */
static int find_family(bc_font_family *fam, const char *family, char *why, size_t whysize)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_CHARSET,
	                                   FC_FONTVERSION, FC_FONTFORMAT, (char *)0);
	FcFontSet *fs = FcFontList(NULL, pat, os);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	if (!fs || fs->nfont == 0) {
		snprintf(why, whysize, "fontconfig knows no font \"%s\"", family);
		if (fs)
			FcFontSetDestroy(fs);
		return -1;
	}
	int best_score[BC_FACE_COUNT] = { -1, -1, -1, -1 };
	FcPattern *best[BC_FACE_COUNT] = { 0 };
	int rejected_coverage = 0;
	for (int i = 0; i < fs->nfont; i++) {
		FcPattern *p = fs->fonts[i];
		FcChar8 *file = NULL, *format = NULL;
		FcCharSet *cs = NULL;
		int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN, index = 0, version = 0;
		if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch)
			continue;
		FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
		FcPatternGetInteger(p, FC_SLANT, 0, &slant);
		FcPatternGetInteger(p, FC_INDEX, 0, &index);
		FcPatternGetInteger(p, FC_FONTVERSION, 0, &version);
		/* libharu embeds TrueType outlines only, from a plain .ttf */
		if (FcPatternGetString(p, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
		    strcmp((const char *)format, "TrueType") != 0)
			continue;
		if (index != 0 || !ends_with_ci((const char *)file, ".ttf"))
			continue;
		if (!covers_vietnamese(cs)) {
			rejected_coverage = 1;
			continue;
		}
		int bold = weight >= FC_WEIGHT_DEMIBOLD;
		int italic = slant != FC_SLANT_ROMAN;
		bc_face face = (bc_face)((bold ? BC_FACE_BOLD : 0) | (italic ? BC_FACE_ITALIC : 0));
		/* nearest to the nominal weight, then the newest version */
		int target = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
		int score = 1000 - abs(weight - target) * 4 + (version >> 16);
		if (score > best_score[face]) {
			best_score[face] = score;
			best[face] = p;
		}
	}
	int ok = 1;
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
		if (!best[f]) {
			snprintf(why, whysize, "\"%s\" has no usable %s face%s", family, face_style[f],
			         rejected_coverage ? " covering Vietnamese (U+1EA0..U+1EF9)" : " in TrueType");
			ok = 0;
			break;
		}
	}
	if (ok) {
		snprintf(fam->family, sizeof fam->family, "%s", family);
		for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
			FcChar8 *file = NULL;
			FcCharSet *cs = NULL;
			FcPatternGetString(best[f], FC_FILE, 0, &file);
			FcPatternGetCharSet(best[f], FC_CHARSET, 0, &cs);
			snprintf(fam->path[f], sizeof fam->path[f], "%s", (const char *)file);
			fam->charset[f] = FcCharSetCopy(cs);
		}
	}
	FcFontSetDestroy(fs);
	return ok ? 0 : -1;
}

int bc_font_find(bc_font_family *fam, const char *const *wanted, int nwanted, char *why, size_t whysize)
{
	memset(fam, 0, sizeof *fam);
	if (!FcInit()) {
		snprintf(why, whysize, "fontconfig cannot be initialised");
		return -1;
	}
	const char *own = getenv("BAOCAO_FONT_FAMILY");
	const char *families[4];
	int n = 0;
	if (own && *own)
		families[n++] = own;
	for (int i = 0; i < nwanted && n < 4; i++)
		if (wanted[i] && *wanted[i])
			families[n++] = wanted[i];
	char last[256] = "", tried[256] = "";
	for (int i = 0; i < n; i++) {
		if (find_family(fam, families[i], last, sizeof last) == 0)
			return 0;
		size_t k = strlen(tried);
		snprintf(tried + k, sizeof tried - k, "%s%s", k ? ", " : "", families[i]);
	}
	snprintf(why, whysize, "no usable font among %s (Liberation Serif 2 is package fonts-liberation2): %s", tried, last);
	return -1;
}

void bc_font_release(bc_font_family *fam)
{
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
		if (fam->charset[f])
			FcCharSetDestroy(fam->charset[f]);
		fam->charset[f] = NULL;
		for (int p = 0; p < 256; p++) {
			free(fam->width[f][p]);
			fam->width[f][p] = NULL;
		}
		fam->hpdf_font[f] = NULL;
		free(fam->used[f]);
		fam->used[f] = NULL;
	}
	/* fontconfig's configuration is ours alone; freeing it keeps leak checks clean */
	FcFini();
}

int bc_font_has_glyph(const bc_font_family *fam, bc_face face, uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || bc_cp_is_space(cp))
		return 1;
	if ((unsigned)face >= BC_FACE_COUNT || !fam->charset[face])
		return 0;
	return FcCharSetHasChar(fam->charset[face], cp) ? 1 : 0;
}

/* Codes 0000..FFFF as two bytes, read as CIDs (Identity-H) with CID = code point. */
static HPDF_STATUS identity_init(HPDF_Encoder enc)
{
	HPDF_STATUS ret = HPDF_CMapEncoder_InitAttr(enc);
	if (ret != HPDF_OK)
		return ret;
	HPDF_CMapEncoderAttr attr = enc->attr;
	static const HPDF_CidRange_Rec space = { 0x0000, 0xFFFF, 0 }, notdef = { 0x0000, 0x001F, 1 };
	if (HPDF_CMapEncoder_AddCodeSpaceRange(enc, space) != HPDF_OK ||
	    HPDF_CMapEncoder_AddNotDefRange(enc, notdef) != HPDF_OK)
		return enc->error->error_no;
	/* "Identity-H" as the ordering is what makes libharu name the predefined CMap */
	snprintf(attr->registry, sizeof attr->registry, "Adobe");
	snprintf(attr->ordering, sizeof attr->ordering, "Identity-H");
	attr->suppliment = 0;
	attr->writing_mode = HPDF_WMODE_HORIZONTAL;
	enc->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
	return HPDF_OK;
}

/*
 * Gives the Identity-H encoder the codes the faces' cmaps cover (their
 * union), as CID = code point.  Only these get a CIDToGIDMap entry looked up:
 * libharu's UTF-8 encoder looks up all 65 536 codes by a linear walk of the
 * cmap's segments, 42 M instructions a face.  0, or -1 when a cmap is not the
 * segmented format 4 this reads.
 */
static int identity_cover(HPDF_Doc pdf, HPDF_Encoder enc, const char *const names[BC_FACE_COUNT])
{
	uint8_t *cover = bc_xcalloc(0x10000 / 8, 1);
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
		HPDF_FontDef def = HPDF_GetFontDef(pdf, names[f]);
		if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
			free(cover);
			return -1;
		}
		const HPDF_TTF_CmapRange *cm = &((HPDF_TTFontDefAttr)def->attr)->cmap;
		if (cm->format != 4) {
			free(cover);
			return -1;
		}
		for (unsigned s = 0; s < cm->seg_count_x2 / 2u; s++)
			for (uint32_t c = cm->start_count[s]; c <= cm->end_count[s] && c < 0xFFFF; c++)
				cover[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
	/* libharu writes the map and widths of CIDs below the highest only: U+FFFE (no glyph) keeps U+FFFD in */
	cover[0xFFFE >> 3] |= (uint8_t)(1u << (0xFFFE & 7));
	HPDF_CidRange_Rec ranges[257];
	int n = 0;
	int ok = 1;
	for (uint32_t c = 1; c <= 0xFFFE && ok;) {
		if (!((cover[c >> 3] >> (c & 7)) & 1)) {
			c++;
			continue;
		}
		uint32_t end = c;
		while (end + 1 <= 0xFFFE && (cover[(end + 1) >> 3] >> ((end + 1) & 7)) & 1)
			end++;
		ranges[n++] = (HPDF_CidRange_Rec){ (HPDF_UINT16)c, (HPDF_UINT16)end, (HPDF_UINT16)c };
		if (n == 256) {
			ranges[n] = (HPDF_CidRange_Rec){ 0xFFFF, 0xFFFF, 0 };
			ok = HPDF_CMapEncoder_AddCMap(enc, ranges) == HPDF_OK;
			n = 0;
		}
		c = end + 1;
	}
	free(cover);
	ranges[n] = (HPDF_CidRange_Rec){ 0xFFFF, 0xFFFF, 0 };
	if (!ok || (n && HPDF_CMapEncoder_AddCMap(enc, ranges) != HPDF_OK))
		return -1;
	/* code, CID and code point are one number; AddCMap filled the CIDs in its own index order */
	HPDF_CMapEncoderAttr attr = enc->attr;
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b++)
			attr->unicode_map[a][b] = attr->cid_map[a][b];
	return 0;
}

int bc_font_load_hpdf(bc_font_family *fam, void *hpdf_doc)
{
	HPDF_Doc pdf = hpdf_doc;
	/* the UTF-8 encoder still codes the bookmarks' titles */
	if (HPDF_UseUTFEncodings(pdf) != HPDF_OK)
		return -1;
	const char *names[BC_FACE_COUNT];
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++)
		if (!(names[f] = HPDF_LoadTTFontFromFile(pdf, fam->path[f], HPDF_TRUE)))
			return -1;
	const char *encoding = "UTF-8";
	HPDF_Encoder enc = HPDF_CMapEncoder_New(pdf->mmgr, (char *)"baocao-Identity-H", identity_init);
	if (!enc || HPDF_Doc_RegisterEncoder(pdf, enc) != HPDF_OK)
		return -1;
	enc = HPDF_GetEncoder(pdf, "baocao-Identity-H");
	if (enc && identity_cover(pdf, enc, names) == 0)
		encoding = "baocao-Identity-H";
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
		HPDF_Font font = HPDF_GetFont(pdf, names[f], encoding);
		if (!font)
			return -1;
		fam->hpdf_font[f] = font;
	}
	fam->ascent = (float)HPDF_Font_GetAscent(fam->hpdf_font[0]);
	fam->descent = (float)HPDF_Font_GetDescent(fam->hpdf_font[0]);
	return 0;
}

float bc_font_cp_width(bc_font_family *fam, bc_face face, uint32_t cp)
{
	if ((unsigned)face >= BC_FACE_COUNT || !fam->hpdf_font[face])
		return 0;
	if (cp >= 0x10000)
		return (float)HPDF_Font_GetUnicodeWidth(fam->hpdf_font[face], (HPDF_UNICODE)0xFFFD);
	float **page = &fam->width[face][cp >> 8];
	if (!*page) {
		*page = bc_xmalloc(256 * sizeof **page);
		for (int i = 0; i < 256; i++)
			(*page)[i] = -1;
	}
	float *w = &(*page)[cp & 0xFF];
	if (*w < 0)
		*w = (float)HPDF_Font_GetUnicodeWidth(fam->hpdf_font[face], (HPDF_UNICODE)cp);
	return *w;
}

double bc_font_text_width(bc_font_family *fam, bc_face face, double size, const char *s, size_t len)
{
	double units = 0;
	size_t i = 0;
	while (i < len)
		units += bc_font_cp_width(fam, face, bc_utf8_next(s, len, &i));
	return units * size / 1000.0;
}

void bc_font_mark_used(bc_font_family *fam, bc_face face, const char *s, size_t len)
{
	if ((unsigned)face >= BC_FACE_COUNT)
		return;
	if (!fam->used[face])
		fam->used[face] = bc_xcalloc(0x10000 / 8, 1);
	uint8_t *u = fam->used[face];
	size_t i = 0;
	while (i < len) {
		uint32_t cp = bc_utf8_next(s, len, &i);
		if (cp < 0x10000)
			u[cp >> 3] |= (uint8_t)(1u << (cp & 7));
	}
}

float bc_font_draw_cp(bc_font_family *fam, bc_face face, uint32_t cp)
{
	if ((unsigned)face >= BC_FACE_COUNT)
		return 0;
	if (!fam->used[face])
		fam->used[face] = bc_xcalloc(0x10000 / 8, 1);
	if (cp < 0x10000) {
		fam->used[face][cp >> 3] |= (uint8_t)(1u << (cp & 7));
		/* measured before, so already marked for embedding: the cached advance */
		const float *page = fam->width[face][cp >> 8];
		if (page && page[cp & 0xFF] >= 0)
			return page[cp & 0xFF];
	}
	/* libharu's width lookup also marks the glyph for embedding */
	return bc_font_cp_width(fam, face, cp);
}

static int is_used(const uint8_t *u, uint32_t cp) { return u && cp < 0x10000 && (u[cp >> 3] >> (cp & 7)) & 1; }

/* Appends a block of at most 100 entries (the CMap limit) of one operator. */
static void cmap_flush(HPDF_Stream st, const char *op, const char *entries, int n)
{
	char head[48];
	if (n == 0)
		return;
	snprintf(head, sizeof head, "%d begin%s\n", n, op);
	HPDF_Stream_WriteStr(st, head);
	HPDF_Stream_WriteStr(st, entries);
	snprintf(head, sizeof head, "end%s\n", op);
	HPDF_Stream_WriteStr(st, head);
}

/* The codes written for our Identity-H fonts (and for libharu's UTF-8 ones)
 * are the UTF-16 code units themselves, with a Unicode CIDToGIDMap, so each used code maps
 * to itself: runs inside one 256-code row as bfrange, single codes as bfchar. */
static void write_cmap_body(HPDF_Stream st, const uint8_t *u)
{
	char ranges[100 * 24 + 1], chars[100 * 16 + 1];
	int nr = 0, nc = 0;
	size_t lr = 0, lc = 0;
	uint32_t cp = 0x20;
	while (cp < 0x10000) {
		if (!is_used(u, cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
			cp++;
			continue;
		}
		uint32_t end = cp;
		while (end + 1 < 0x10000 && ((end + 1) & 0xFF) != 0 && is_used(u, end + 1))
			end++;
		if (end > cp) {
			lr += (size_t)snprintf(ranges + lr, sizeof ranges - lr, "<%04X> <%04X> <%04X>\n", (unsigned)cp,
			                       (unsigned)end, (unsigned)cp);
			if (++nr == 100) {
				cmap_flush(st, "bfrange", ranges, nr);
				nr = 0;
				lr = 0;
			}
		} else {
			lc += (size_t)snprintf(chars + lc, sizeof chars - lc, "<%04X> <%04X>\n", (unsigned)cp, (unsigned)cp);
			if (++nc == 100) {
				cmap_flush(st, "bfchar", chars, nc);
				nc = 0;
				lc = 0;
			}
		}
		cp = end + 1;
	}
	cmap_flush(st, "bfrange", ranges, nr);
	cmap_flush(st, "bfchar", chars, nc);
}

int bc_font_write_tounicode(bc_font_family *fam)
{
	static const char head[] =
		"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
	static const char tail[] = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
	for (bc_face f = BC_FACE_REGULAR; f < BC_FACE_COUNT; f++) {
		HPDF_Dict font = fam->hpdf_font[f];
		if (!font)
			continue;
		HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
		if (!tu || !tu->stream)
			return -1;
		/* the same stream object, emptied and rewritten: no orphan left in the file */
		HPDF_MemStream_FreeData(tu->stream);
		HPDF_Dict_RemoveElement(tu, "CMapName");
		HPDF_Dict_RemoveElement(tu, "CIDSystemInfo");
		HPDF_Dict_RemoveElement(tu, "WMode");
		HPDF_Dict_RemoveElement(tu, "Type");
		if (HPDF_Stream_WriteStr(tu->stream, head) != HPDF_OK)
			return -1;
		write_cmap_body(tu->stream, fam->used[f]);
		if (HPDF_Stream_WriteStr(tu->stream, tail) != HPDF_OK)
			return -1;
	}
	return 0;
}
