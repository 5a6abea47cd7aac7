/* vocab.h — the domain's vocabulary, each written once: kinds of documents, calendar dates, numbering labels. */
#ifndef BAOCAO_VOCAB_H
#define BAOCAO_VOCAB_H

#include <stddef.h>

#include "report.h"

/*
 * Every stage that needs to know what a "Báo cáo" is, what a 30 February is or
 * what "IV" counts as reads it here, so that the lexer, the parser, the checks
 * and the outputs cannot disagree.
 */

/* ---- kinds of documents (model/doctype.c) ---- */

typedef enum bc_family { BC_FAMILY_STATE = 0, BC_FAMILY_PARTY } bc_family;

/* The rules a document's format follows: Nghị định 30/2020/NĐ-CP for the state's,
 * for the Party's Hướng dẫn 36-HD/VPTW (03/4/2018) until Hướng dẫn 05-HD/VPTW
 * (27/5/2026) replaced it. */
typedef enum bc_guide { BC_GUIDE_ND30 = 0, BC_GUIDE_HD36, BC_GUIDE_HD05 } bc_guide;
/* The guide of a family for a document issued on `issued` (known: the date is complete;
 * else what it gives, a month and year or nothing);
 * the name ("36-HD/VPTW") and the page template's file ("dang-36.xml") of a guide. */
bc_guide bc_guide_for(bc_family family, int known, bc_date issued);
const char *bc_guide_name(bc_guide g);
const char *bc_guide_template(bc_guide g);

/* Where a kind's words are recognised. */
enum {
	BC_KIND_HEADER = 1 << 0,  /* its name is a type line of the header ("BÁO CÁO") */
	BC_KIND_ATTACH = 1 << 1,  /* its word names the parent document of an appendix ("Kèm theo Báo cáo số …") */
	BC_KIND_CITED = 1 << 2,   /* its word cites another document in the text ("Quyết định số 12/QĐ-UBND") */
	BC_KIND_CODE = 1 << 3,    /* its code is a type code of symbols ("…/BC-UBND") */
	BC_KIND_UNTITLED = 1 << 4, /* its form has no trích yếu under the type (Phụ lục III, Mẫu 1.8, 1.10) */
	BC_KIND_APPENDIX = 1 << 5  /* an appendix sent on its own: no header, signature or Nơi nhận of its own */
};

typedef struct bc_kind {
	bc_doctype type;           /* the model's type; BC_DOC_UNKNOWN for kinds only cited (Nghị định, Thông tư …) */
	const char *name;          /* "BÁO CÁO": as the type line writes it; NULL when never a type line */
	const char *word;          /* "Báo cáo": in running text; NULL when never written so */
	const char *code;          /* "BC": in symbols (Nghị định 30, Phụ lục III); NULL when none (công văn) */
	const char *template_file; /* the page layout in templates/; NULL: that of a báo cáo */
	bc_family family;
	unsigned flags;            /* BC_KIND_* */
} bc_kind;

/* The whole table, in the order its readers rely on: a longer word before a word it begins with. */
const bc_kind *bc_kinds(size_t *count);
/* The kind of a model type (its main entry), never NULL: BC_DOC_UNKNOWN gives an empty kind. */
const bc_kind *bc_kind_of(bc_doctype t);
/* The type of a header type line, runs of spaces read as one ("BÁO  CÁO"); BC_DOC_UNKNOWN if none. */
bc_doctype bc_doctype_from_name(const char *s, size_t len);
/* A type name whose marks a scan's OCR lost, in ASCII capitals ("THONG TU",
 * "QUYET DINH"): the type whose name reads so without its marks, or UNKNOWN. */
bc_doctype bc_doctype_from_unmarked(const char *s, size_t len);
/* Is `s` a type code of symbols ("BC", "QĐ", "CTr", …)? */
int bc_is_type_code(const char *s, size_t len);
/* The type code a Party document's symbol carries for type t (Hướng dẫn 36-HD/VPTW, II.1.3.1 b:
 * "QĐi" for a quy định, "CV" for a công văn; else the state's), "" when none. */
const char *bc_party_type_code(bc_doctype t);
/* Is `s` one of the type codes the Party's guides list (36-HD/VPTW II.1.3.1 b, 05-HD/VPTW)? */
int bc_is_party_type_code(const char *s, size_t len);
/* Is a document of this type a decision or resolution, read as preamble and articles? */
int bc_doctype_has_articles(bc_doctype t);

/* ---- calendar dates (model/date.c) ---- */

/* 1 when the date is complete and exists in the Gregorian calendar (years 1–9999, as xsd:date). */
int bc_date_exists(bc_date d);
/* 1 when it exists and its year is one an administrative document can bear (1900–2200). */
int bc_date_plausible(bc_date d);

/* ---- numbering labels (model/labels.c) ---- */

/* Numbering labels as values: "IV" -> 4, "đ" -> 6 (Vietnamese order), "12" -> 12; 0 when not one. */
int bc_roman_value(const char *s, size_t len);
/* v (1 to 3999) as a Roman numeral in out (cap bytes with its NUL); its length, 0 when it does not fit. */
size_t bc_roman_format(int v, char *out, size_t cap);
int bc_letter_value(const char *s, size_t len);
int bc_arabic_value(const char *s, size_t len);
/* The letter label of value v ("a", "đ"); "?" when out of range. */
const char *bc_letter_name(int v);
/* A part's label as a value: "thứ nhất" -> 1 … "thứ mười" -> 10 (either case), "II" -> 2, "3" -> 3,
 * "A" -> 1 (A to E); 0 when not one. */
int bc_part_value(const char *s, size_t len);

/* ---- signers (model/labels.c) ---- */

/* "Thượng tướng Nguyễn Văn A": the length of a military or police rank the
 * armed forces print before a signer's name, with the spaces after it; 0 when
 * s starts with none. */
size_t bc_rank_len(const char *s, size_t len);

/* Whether s[0..n) is two to max_words words of letters, each opened by a
 * capital ("Nguyễn Nhân Bản"), one space between them; with rest_small, the
 * rest of each word in small letters (so not "PHÓ CHỦ TỊCH"). */
int bc_name_words(const char *s, size_t n, int max_words, int rest_small);

#endif
