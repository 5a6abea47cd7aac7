/* cite.h — citations of other documents in running text, found by the inline parser (FORMAT.md §7.7). */
#ifndef BAOCAO_CITE_H
#define BAOCAO_CITE_H

#include <stddef.h>

#include "../model/vocab.h"

/* Where a citation lies in a text, as offsets into it. */
typedef struct bc_cite_span {
	const bc_kind *kind;          /* the kinds table's row of the word cited ("Quyết định") */
	size_t start, end;            /* the whole citation: the kind's word to the number's end, or the date's */
	size_t number, number_end;    /* "03 /CT-UBND" */
	bc_cite_dated dated;
	size_t ngay, date_end;        /* "ngày …" after the number, when dated is not UNDATED */
	bc_date date;                 /* FULL: day, month, year as written; PARTIAL: month and year */
} bc_cite_span;

/* The first citation that lies wholly in t[from, end): "<kind> số <number>",
 * the number starting with a digit, then maybe ", ngày <date>".  Returns 0 when
 * there is none. */
int bc_cite_next(const char *t, size_t from, size_t end, bc_cite_span *out);

#endif
