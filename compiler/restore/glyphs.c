/* glyphs.c — letters a PDF font mapped to the wrong code points, put back: "TRƢỜNG" is "TRƯỜNG". */
#include "restore_int.h"

#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

/*
 * Some Vietnamese PDF fonts (TCVN3 and VNI fonts embedded as Unicode) map
 * the glyph of Ư/ư to U+01A2/U+01A3 (Ƣ ƣ, the Latin letter OI), and that of
 * Đ/đ to U+00D0/U+00F0 (Ð ð, the Icelandic eth); neither letter belongs to
 * Vietnamese.  Each pair is two bytes in UTF-8 for two bytes, so a line keeps
 * its length and its columns.  Ð ð are repaired only in a text where Ƣ ƣ
 * show the same font at work, or that came from a PDF.
 */
static const struct { unsigned char from[2], to[2]; int weak; } repairs[] = {
	{ { 0xC6, 0xA2 }, { 0xC6, 0xAF }, 0 },   /* Ƣ -> Ư */
	{ { 0xC6, 0xA3 }, { 0xC6, 0xB0 }, 0 },   /* ƣ -> ư */
	{ { 0xC3, 0x90 }, { 0xC4, 0x90 }, 1 },   /* Ð -> Đ */
	{ { 0xC3, 0xB0 }, { 0xC4, 0x91 }, 1 },   /* ð -> đ */
};
#define NREPAIRS (sizeof repairs / sizeof repairs[0])

void rs_glyphs(rs_ctx *cx)
{
	int weak_ok = cx->shape == BC_SHAPE_PDF;
	/* ơ and ư share the lead byte with Ƣ and ƣ: look for the whole letters, once in the whole text */
	int any = 0;
	for (size_t r = 0; r < NREPAIRS && !any; r++)
		any = (!repairs[r].weak || weak_ok) && bc_find(cx->text, cx->len, (const char *)repairs[r].from, 2, 1) != NULL;
	if (!any)
		return;
	for (size_t i = 0; i < cx->n; i++) {
		rs_line *l = &cx->v[i];
		if (l->dropped)
			continue;
		char *copy = NULL;
		for (size_t k = 0; k + 1 < l->len; k++) {
			const unsigned char *u = (const unsigned char *)l->s + k;
			if (u[0] != 0xC6 && u[0] != 0xC3)
				continue;
			for (size_t r = 0; r < NREPAIRS; r++) {
				if (u[0] != repairs[r].from[0] || u[1] != repairs[r].from[1] || (repairs[r].weak && !weak_ok))
					continue;
				if (!copy) {
					copy = malloc(l->len);
					if (!copy)
						return;
					memcpy(copy, l->s, l->len);
				}
				copy[k] = (char)repairs[r].to[0];
				copy[k + 1] = (char)repairs[r].to[1];
				k++;
				break;
			}
		}
		if (copy) {
			rs_rewrite(cx, i, BC_RESTORE_GLYPH, copy, l->len);
			free(copy);
		}
	}
}
