/* fold.c — folding text for comparing words: lower case, no tone or vowel marks, spaces as one. */
#include "fold.h"

#include "utf8.h"

void bc_fold_words(const char *s, size_t len, bc_buf *out)
{
	int space = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += (size_t)bc_utf8_decode(s + i, len - i, &cp);
		if (bc_cp_is_space(cp)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			bc_buf_putc(out, ' ');
		space = 0;
		cp = bc_cp_fold(cp);
		char tmp[4];
		bc_buf_put(out, tmp, (size_t)bc_utf8_encode(cp, tmp));
	}
	bc_buf_cstr(out);
}
