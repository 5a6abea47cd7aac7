/* template.h — page layouts per document type (and the Party's per guide), read from templates/ and checked against their format. */
#ifndef BAOCAO_TEMPLATE_H
#define BAOCAO_TEMPLATE_H

#include <stddef.h>

#include "../model/report.h"
#include "../model/vocab.h"

/* Single line spacing of a Times-like face, per point of size: what `line-spacing` multiplies,
 * for the typesetter and for the Party's 18 pt floor the template is checked against. */
#define BC_SINGLE_SPACING 1.15

/* Lengths in millimetres (page), centimetres (indent) or points (type, spacing), as the decree states them. */
typedef struct bc_template {
	char name[64];
	/* <template family guide>: whose format (the state's, the default, or the Party's, which
	 * changes the ranges, and the header's and closing's forms) and the guide's name */
	bc_family family;
	char guide[32];
	/* <page> */
	double page_w, page_h, m_top, m_bottom, m_left, m_right;
	/* <body> */
	double body_size, indent_cm, para_space, line_spacing;   /* line_spacing: multiple of single */
	/* <header> */
	double left_width;           /* mm, the issuer column */
	double issuer_size, number_size, summary_size, motto_size, slogan_size, dateline_size, urgency_size;
	/* <title> */
	double doctype_size, title_size;
	/* <headings>: level 1 (I.), level 2 (1.), lower levels */
	double h1_size, h2_size, h3_size;
	/* <page-number> */
	double pageno_size;
	/* <closing> */
	double recip_label_size, recip_size, sign_size, sign_space;   /* sign_space: mm left for the signature */
	/* <footnote>, <table>, <appendix> */
	double note_size, table_size, appx_label_size, appx_title_size;
	/* <draft> */
	double draft_size;
	char draft_text[64];
	/* <font family fallback>: tried in this order, each Times New Roman or a metric twin */
	char font_family[2][64];
	/* <header issuer-rule>, <title rule>: rule lengths as a fraction of the text above them */
	double issuer_rule, title_rule;
	/* <addressee size>: "Kính gửi:" and the addressees */
	double addressee_size;
	/* <decision>: a decision's or resolution's preamble and articles (default: the body size) */
	double competence_size, basis_size, enacting_size, article_size;
} bc_template;

/*
 * Loads the template for a document type (templates/<type>.xml, found via
 * $BAOCAO_DATADIR/templates, the compiled-in BAOCAO_DATADIR, then next to the
 * executable: ../templates, ../share/baocao/templates), or the file `path`
 * when not NULL.  Returns 0; or -1 with a message in err (a missing file, an
 * XML error, or the first value outside the state format's ranges, naming
 * the rule it breaks).
 */
int bc_template_load(bc_template *t, bc_doctype type, const char *path, char *err, size_t errsize);
/* The same for a document: the template of bc_template_file_for(doc) when path is NULL. */
int bc_template_load_for(bc_template *t, const bc_document *doc, const char *path, char *err, size_t errsize);

/* The file name (without directory) used for a document type: "bao-cao.xml". */
const char *bc_template_file(bc_doctype type);

/* The i-th numeric setting: its element, attribute and range for a family; 1, or 2 when that
 * family's format has no such part, 0 past the last (for the documentation's test). */
int bc_template_setting(size_t i, bc_family fam, const char **elem, const char **attr, double *lo, double *hi);

/* The template file of a document: its guide's for a Party document (model/facts.h guide),
 * else its type's. */
const char *bc_template_file_for(const bc_document *doc);

/* Checks every value against the ranges; 0, or -1 with the broken rule in err. */
int bc_template_check(const bc_template *t, char *err, size_t errsize);

#endif
