/* fold.h — folding text for comparing words: lower case, no tone or vowel marks. */
#ifndef BAOCAO_FOLD_H
#define BAOCAO_FOLD_H

#include <stddef.h>

#include "buf.h"

/* Folds `s` into `out`: each character by bc_cp_fold (lower case, tone and vowel marks
 * removed, đ kept apart from d), runs of white space as one space, none at either end. */
void bc_fold_words(const char *s, size_t len, bc_buf *out);

#endif
