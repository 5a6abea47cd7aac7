/* font.h — the document's serif family: found through fontconfig, checked for glyphs, measured per code point. */
#ifndef BAOCAO_PDF_FONT_H
#define BAOCAO_PDF_FONT_H

#include <stddef.h>
#include <stdint.h>

/* The four faces of one family.  The values are bits, so that bold markup
 * inside italic text gives BC_FACE_BOLD | BC_FACE_ITALIC == BC_FACE_BOLD_ITALIC;
 * the layout's items and drawing operations keep them in a byte. */
typedef enum bc_face {
	BC_FACE_REGULAR = 0,
	BC_FACE_BOLD = 1,
	BC_FACE_ITALIC = 2,
	BC_FACE_BOLD_ITALIC = 3,
	BC_FACE_COUNT = 4
} bc_face;

typedef struct bc_font_family {
	char family[64];                 /* "Times New Roman" or "Liberation Serif" */
	char path[BC_FACE_COUNT][512];   /* TrueType files */
	void *charset[BC_FACE_COUNT];    /* FcCharSet *, owned */
	float *width[BC_FACE_COUNT][256]; /* advance per code point in pages of 256, filled lazily; 1/1000 em */
	void *hpdf_font[BC_FACE_COUNT];  /* HPDF_Font once loaded */
	uint8_t *used[BC_FACE_COUNT];    /* bit per BMP code point drawn, for the ToUnicode maps */
	float ascent, descent;           /* of the regular face, 1/1000 em (descent negative) */
} bc_font_family;

/*
 * Finds the first of the families `wanted` (the template's: Times New Roman,
 * then Liberation Serif 2) with all four faces as TrueType files covering
 * Vietnamese (U+1EA0..U+1EF9 — this rejects the old fonts-liberation 1.x).
 * Returns 0, or -1 with a reason in why[0..whysize).  The environment
 * variable BAOCAO_FONT_FAMILY names another family to try first (for
 * offices with their own licensed font).
 */
int bc_font_find(bc_font_family *fam, const char *const *wanted, int nwanted, char *why, size_t whysize);
void bc_font_release(bc_font_family *fam);

/* Whether face f has a glyph for code point cp (spaces and controls need none). */
int bc_font_has_glyph(const bc_font_family *fam, bc_face face, uint32_t cp);

/* Loads the four faces into a libharu document (HPDF_Doc) as Identity-H fonts
 * whose codes are the BMP code points (UTF-16 units). 0 or -1. */
int bc_font_load_hpdf(bc_font_family *fam, void *hpdf_doc);

/* Advance of cp in face f, 1/1000 em; needs bc_font_load_hpdf first. */
float bc_font_cp_width(bc_font_family *fam, bc_face face, uint32_t cp);
/* Width of a UTF-8 string at `size` points, summed per code point. */
double bc_font_text_width(bc_font_family *fam, bc_face face, double size, const char *s, size_t len);

/* Records the code points of a drawn UTF-8 string in face f. */
void bc_font_mark_used(bc_font_family *fam, bc_face face, const char *s, size_t len);
/* Records cp as drawn in face f (see bc_font_mark_used) and returns its advance (bc_font_cp_width). */
float bc_font_draw_cp(bc_font_family *fam, bc_face face, uint32_t cp);

/*
 * Replaces libharu's ToUnicode streams (written with begincidrange, which
 * poppler rejects) by maps of bfrange/bfchar entries for the code points
 * drawn; call once, before saving.  0 or -1.
 */
int bc_font_write_tounicode(bc_font_family *fam);

#endif
