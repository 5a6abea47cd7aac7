/* template.c — reading a layout template (XML, no network) and refusing values its format (the state's or the Party's) forbids. */
#include "template.h"
#include "../util/i18n.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/facts.h"
#include "../model/vocab.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"

/* A template is about 1 KB; anything much larger is not one (FORMAT.md §14). */
#define TPL_MAX_BYTES 65536
/* An attribute value: a number, a font name, the draft mark; entities expanded, never longer. */
#define TPL_MAX_ATTR 1024
/* Entities inside entities, as deep as this. */
#define TPL_MAX_DEPTH 16

#ifndef BAOCAO_DATADIR
#define BAOCAO_DATADIR "/usr/local/share/baocao"
#endif

/* Every setting: where it lives in the XML, and for each family its range and
 * the clause behind it.  The state's ranges are Nghị định 30/2020/NĐ-CP, Phụ
 * lục I; the Party's are Hướng dẫn 36-HD/VPTW (HD 36: its clause, "PL3 m.N" for
 * row N of its Phụ lục 3, the table of sizes), which Hướng dẫn 05-HD/VPTW
 * keeps where what is known of it speaks (reference/README.md).  plo < 0: the
 * Party's format has no such part; the setting may be left out, and is then
 * the body size (never drawn). */
typedef struct tpl_field {
	const char *elem, *attr;
	size_t off;
	double lo, hi;
	const char *rule;
	int optional;   /* absent: the body size (elements only some document types have) */
	double plo, phi;
	const char *prule;
} tpl_field;

#define F(e, a, m, lo, hi, rule, plo, phi, prule) { e, a, offsetof(bc_template, m), lo, hi, rule, 0, plo, phi, prule }
#define O(e, a, m, lo, hi, rule, plo, phi, prule) { e, a, offsetof(bc_template, m), lo, hi, rule, 1, plo, phi, prule }
static const tpl_field fields[] = {
	F("page", "width", page_w, 210, 210, "khổ giấy A4 rộng 210 mm (NĐ 30/2020, Phụ lục I)",
	  210, 210, N_("khổ giấy A4 rộng 210 mm (HD 36-HD/VPTW, II.4.2)")),
	F("page", "height", page_h, 297, 297, "khổ giấy A4 cao 297 mm (NĐ 30/2020, Phụ lục I)",
	  297, 297, N_("khổ giấy A4 cao 297 mm (HD 36-HD/VPTW, II.4.2)")),
	F("page", "top", m_top, 20, 25, "lề trên 20–25 mm", 20, 20, N_("lề trên 20 mm (HD 36-HD/VPTW, II.4.3)")),
	F("page", "bottom", m_bottom, 20, 25, "lề dưới 20–25 mm", 20, 20, N_("lề dưới 20 mm (HD 36-HD/VPTW, II.4.3)")),
	F("page", "left", m_left, 30, 35, "lề trái 30–35 mm", 30, 30, N_("lề trái 30 mm (HD 36-HD/VPTW, II.4.3)")),
	F("page", "right", m_right, 15, 20, "lề phải 15–20 mm", 15, 15, N_("lề phải 15 mm (HD 36-HD/VPTW, II.4.3)")),
	F("body", "size", body_size, 13, 14, "nội dung cỡ chữ 13–14", 14, 15, N_("nội dung văn bản cỡ chữ 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	F("body", "indent", indent_cm, 1, 1.27, "lùi đầu dòng 1–1,27 cm", 1, 1, N_("chữ đầu dòng lùi vào khoảng 10 mm (HD 36-HD/VPTW, II.1.6.2)")),
	F("body", "paragraph-space", para_space, 6, 18, "khoảng cách giữa các đoạn tối thiểu 6 pt",
	  6, 18, N_("khoảng cách giữa các đoạn tối thiểu 6 pt (HD 36-HD/VPTW, II.1.6.2)")),
	F("body", "line-spacing", line_spacing, 1, 1.5, "khoảng cách dòng từ đơn (single) đến 1,5 dòng",
	  1, 1.5, N_("khoảng cách dòng tối thiểu 18 pt (HD 36-HD/VPTW, II.1.6.2), đến 1,5 dòng")),
	F("header", "left-width", left_width, 55, 90, "cột tên cơ quan rộng 55–90 mm (bố cục hai cột)",
	  55, 90, N_("cột tên cơ quan rộng 55–90 mm (bố cục hai cột, HD 36-HD/VPTW, Phụ lục 1)")),
	F("header", "issuer-size", issuer_size, 12, 13, "tên cơ quan cỡ chữ 12–13", 14, 14, N_("tên cơ quan cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 2)")),
	F("header", "number-size", number_size, 13, 13, "số, ký hiệu cỡ chữ 13", 14, 14, N_("số và ký hiệu cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 3)")),
	F("header", "summary-size", summary_size, 12, 13, "trích yếu công văn cỡ chữ 12–13",
	  12, 12, N_("trích yếu công văn cỡ chữ 12 (HD 36-HD/VPTW, Phụ lục 3, mục 5)")),
	F("header", "motto-size", motto_size, 12, 13, "quốc hiệu cỡ chữ 12–13",
	  15, 15, N_("tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\" cỡ chữ 15 (HD 36-HD/VPTW, Phụ lục 3, mục 1)")),
	F("header", "slogan-size", slogan_size, 13, 14, "tiêu ngữ cỡ chữ 13–14", -1, -1, N_("văn bản của Đảng không có tiêu ngữ (HD 36-HD/VPTW, II.1.1)")),
	F("header", "dateline-size", dateline_size, 13, 14, "địa danh, ngày tháng cỡ chữ 13–14",
	  14, 14, N_("địa danh, ngày tháng cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 4)")),
	F("header", "urgency-size", urgency_size, 13, 14, "dấu chỉ mức độ khẩn cỡ chữ 13–14",
	  14, 14, N_("dấu chỉ mức độ khẩn cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 10)")),
	F("title", "type-size", doctype_size, 13, 14, "tên loại văn bản cỡ chữ 13–14",
	  15, 16, N_("tên loại văn bản cỡ chữ 15–16 (HD 36-HD/VPTW, Phụ lục 3, mục 5)")),
	F("title", "size", title_size, 13, 14, "trích yếu nội dung cỡ chữ 13–14",
	  14, 15, N_("trích yếu nội dung cỡ chữ 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 5)")),
	F("headings", "level1-size", h1_size, 13, 14, "đề mục cấp I cỡ chữ 13–14", 14, 15, N_("đề mục cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	F("headings", "level2-size", h2_size, 13, 14, "đề mục cấp 1 cỡ chữ 13–14", 14, 15, N_("đề mục cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	F("headings", "lower-size", h3_size, 13, 14, "đề mục cấp dưới cỡ chữ 13–14", 14, 15, N_("khoản, điểm cỡ chữ 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	F("page-number", "size", pageno_size, 13, 14, "số trang cỡ chữ 13–14", 14, 14, N_("số trang cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 15)")),
	F("closing", "label-size", recip_label_size, 12, 12, "\"Nơi nhận:\" cỡ chữ 12",
	  14, 14, N_("từ \"Nơi nhận\" cỡ chữ 14, gạch chân (HD 36-HD/VPTW, Phụ lục 3, mục 9)")),
	F("closing", "list-size", recip_size, 11, 11, "danh sách nơi nhận cỡ chữ 11",
	  12, 12, N_("tên nơi nhận cỡ chữ 12 (HD 36-HD/VPTW, Phụ lục 3, mục 9)")),
	F("closing", "signature-size", sign_size, 13, 14, "chức vụ, họ tên người ký cỡ chữ 13–14",
	  14, 14, N_("quyền hạn, chức vụ, họ tên người ký cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 7)")),
	F("closing", "signature-space", sign_space, 20, 40, "khoảng để ký 20–40 mm",
	  20, 40, N_("khoảng để ký và đóng dấu 20–40 mm (HD 36-HD/VPTW không ghi số đo; như NĐ 30)")),
	F("footnote", "size", note_size, 10, 12, "chú thích cỡ chữ nhỏ hơn nội dung, 10–12",
	  10, 12, N_("chú thích cỡ chữ nhỏ hơn nội dung, 10–12 (HD 36-HD/VPTW không ghi; như NĐ 30)")),
	F("table", "size", table_size, 9, 13, "chữ trong bảng 9–13", 9, 13, N_("chữ trong bảng 9–13 (HD 36-HD/VPTW không ghi; như NĐ 30)")),
	F("appendix", "label-size", appx_label_size, 14, 14, "\"Phụ lục\" cỡ chữ 14",
	  14, 15, N_("từ \"Phụ lục\" cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, II.4.5 không ghi cỡ)")),
	F("appendix", "title-size", appx_title_size, 13, 14, "tên phụ lục cỡ chữ 13–14",
	  14, 15, N_("tiêu đề phụ lục cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, II.4.5 không ghi cỡ)")),
	F("draft", "size", draft_size, 13, 16, "dấu \"DỰ THẢO\" cỡ chữ 13–16", 14, 14, N_("chỉ dẫn dự thảo cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 11)")),
	F("header", "issuer-rule", issuer_rule, 1.0 / 3, 0.5, "đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ",
	  -1, -1, N_("dưới tên cơ quan của Đảng là dấu sao (*), không kẻ (HD 36-HD/VPTW, II.1.2.2)")),
	F("title", "rule", title_rule, 1.0 / 3, 0.5, "đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ",
	  -1, -1, N_("dưới trích yếu văn bản của Đảng là năm dấu gạch nối (-----), không kẻ (HD 36-HD/VPTW, II.1.5.2)")),
	F("addressee", "size", addressee_size, 14, 14, "\"Kính gửi\" và tên nơi nhận cỡ chữ 14",
	  14, 14, N_("\"Kính gửi\" và tên nơi nhận cỡ chữ 14 (HD 36-HD/VPTW, Phụ lục 3, mục 9)")),
	O("decision", "competence-size", competence_size, 13, 14, "thẩm quyền ban hành cỡ chữ 13–14",
	  14, 15, N_("thẩm quyền ban hành cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	O("decision", "basis-size", basis_size, 13, 14, "căn cứ ban hành cỡ chữ 13–14",
	  14, 15, N_("căn cứ ban hành cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	O("decision", "enacting-size", enacting_size, 14, 14, "từ \"QUYẾT ĐỊNH:\" cỡ chữ 14",
	  14, 15, N_("từ \"QUYẾT ĐỊNH:\" cỡ chữ bằng nội dung, 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
	O("decision", "article-size", article_size, 13, 14, "\"Điều\" và tên điều cỡ chữ bằng lời văn, 13–14",
	  14, 15, N_("\"Điều\" và tên điều cỡ chữ 14–15 (HD 36-HD/VPTW, Phụ lục 3, mục 6)")),
};
#undef F
#undef O

/* The fonts the state format allows: Times New Roman (TCVN 6909:2001 Unicode) and its metric twin. */
static const char *const allowed_fonts[] = { "Times New Roman", "Liberation Serif" };

static double *field_ptr(bc_template *t, const tpl_field *f) { return (double *)((char *)t + f->off); }
static double field_val(const bc_template *t, const tpl_field *f) { return *(const double *)((const char *)t + f->off); }

const char *bc_template_file(bc_doctype type)
{
	/* the kinds table names each type's page layout; a type without its own takes a báo cáo's */
	const char *f = bc_kind_of(type)->template_file;
	return f ? f : "bao-cao.xml";
}

const char *bc_template_file_for(const bc_document *doc)
{
	/* the model decided the family and, by the date, the Party's guide in force */
	const char *g = bc_guide_template(bc_document_facts(doc)->guide);
	return g ? g : bc_template_file(bc_document_type(doc));
}

/* The range of field f for a family: 0, or -1 when that family's format has no such part. */
static int field_range(const tpl_field *f, bc_family fam, double *lo, double *hi, const char **rule)
{
	if (fam == BC_FAMILY_PARTY) {
		*lo = f->plo, *hi = f->phi, *rule = f->prule;
		return f->plo < 0 ? -1 : 0;
	}
	*lo = f->lo, *hi = f->hi, *rule = f->rule;
	return 0;
}

int bc_template_setting(size_t i, bc_family fam, const char **elem, const char **attr, double *lo, double *hi)
{
	if (i >= sizeof fields / sizeof fields[0])
		return 0;
	*elem = fields[i].elem;
	*attr = fields[i].attr;
	const char *rule;
	return field_range(&fields[i], fam, lo, hi, &rule) == 0 ? 1 : 2;
}

int bc_template_check(const bc_template *t, char *err, size_t errsize)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		double v = field_val(t, &fields[i]), lo, hi;
		const char *rule;
		if (field_range(&fields[i], t->family, &lo, &hi, &rule) != 0)
			continue;   /* a part the family's format has not: never drawn */
		if (!(v >= lo - 1e-9 && v <= hi + 1e-9)) {
			snprintf(err, errsize, "<%s %s=\"%g\">: %s", fields[i].elem, fields[i].attr, v, _(rule));
			return -1;
		}
	}
	if (t->left_width >= t->page_w - t->m_left - t->m_right - 60) {
		snprintf(err, errsize, _("<header left-width=\"%g\">: cột quốc hiệu cần ít nhất 60 mm"), t->left_width);
		return -1;
	}
	/* the Party's lines are at least 18 pt apart ("Exactly"): the multiple of single spacing by the body size */
	if (t->family == BC_FAMILY_PARTY && t->body_size * BC_SINGLE_SPACING * t->line_spacing < 18 - 1e-6) {
		snprintf(err, errsize, _("<body line-spacing=\"%g\">: %g × %g pt × %g = %.1f pt; khoảng cách giữa các dòng tối thiểu 18 pt (HD 36-HD/VPTW, II.1.6.2)"),
		         t->line_spacing, t->line_spacing, t->body_size, BC_SINGLE_SPACING, t->body_size * BC_SINGLE_SPACING * t->line_spacing);
		return -1;
	}
	return 0;
}

static int file_exists(const char *p) { return access(p, R_OK) == 0; }

/* The templates directory: environment, compiled-in, then next to the executable. */
static int find_template(const char *file, char *out, size_t outsize)
{
	const char *env = getenv("BAOCAO_DATADIR");
	if (env && *env) {
		snprintf(out, outsize, "%s/templates/%s", env, file);
		if (file_exists(out))
			return 0;
	}
	snprintf(out, outsize, "%s/templates/%s", BAOCAO_DATADIR, file);
	if (file_exists(out))
		return 0;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			static const char *const rel[] = { "../templates", "../share/baocao/templates", "../../templates" };
			for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				snprintf(out, outsize, "%s/%s/%s", exe, rel[i], file);
				if (file_exists(out))
					return 0;
			}
		}
	}
	return -1;
}

static void silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/* Appends the text of an attribute's node list to b, expanding entity references, in time
 * linear in what it appends (libxml2's xmlNodeListGetString appends with xmlStrcat, which
 * measures the whole string at every piece: a 111 KB template of repeated references took
 * minutes).  Stops with -1 past TPL_MAX_ATTR bytes or TPL_MAX_DEPTH nested entities. */
static int attr_append(xmlDocPtr x, xmlNodePtr n, bc_buf *b, int depth)
{
	if (depth > TPL_MAX_DEPTH)
		return -1;
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			bc_buf_puts(b, (const char *)n->content);
		} else if (n->type == XML_ENTITY_REF_NODE) {
			xmlEntityPtr ent = xmlGetDocEntity(x, n->name);
			if (!ent)
				continue;
			if (ent->etype != XML_INTERNAL_GENERAL_ENTITY && ent->etype != XML_INTERNAL_PREDEFINED_ENTITY)
				return -1;   /* never read (the parser refuses them in attributes anyway) */
			if (ent->children) {
				if (attr_append(x, ent->children, b, depth + 1) != 0)
					return -1;
			} else if (ent->content) {
				bc_buf_puts(b, (const char *)ent->content);
			}
		}
		if (b->len > TPL_MAX_ATTR)
			return -1;
	}
	return 0;
}

/* The value of attribute `name` of e (NULL when absent), in *out, owned by the caller; -1 with a
 * message when it is longer than TPL_MAX_ATTR bytes. */
static int attr_get(xmlDocPtr x, xmlNodePtr e, const char *name, char **out, const char *path, char *err,
                    size_t errsize)
{
	*out = NULL;
	xmlAttrPtr a = xmlHasProp(e, (const xmlChar *)name);
	if (!a)
		return 0;
	bc_buf b = BC_BUF_INIT;
	if (attr_append(x, a->children, &b, 0) != 0) {
		snprintf(err, errsize, _("%s: <%s %s>: giá trị dài hơn %d byte"), path, (const char *)e->name,
		         name, TPL_MAX_ATTR);
		bc_buf_free(&b);
		return -1;
	}
	*out = bc_xstrdup(bc_buf_cstr(&b));
	bc_buf_free(&b);
	return 0;
}

/* <font family="..." fallback="...">: only the families the decree allows (or their metric twin). */
static int read_font(bc_template *t, xmlDocPtr x, xmlNodePtr e, const char *path, char *err, size_t errsize)
{
	static const char *const which[] = { "family", "fallback" };
	int rc = 0;
	for (int k = 0; k < 2 && rc == 0; k++) {
		char *f;
		if (attr_get(x, e, which[k], &f, path, err, errsize) != 0)
			return -1;
		if (!f)
			continue;
		int ok = 0;
		for (size_t j = 0; j < sizeof allowed_fonts / sizeof allowed_fonts[0]; j++)
			ok |= strcmp((const char *)f, allowed_fonts[j]) == 0;
		if (!ok) {
			snprintf(err, errsize, _("%s: <font %s=\"%.*s\">: phông chữ Times New Roman (bộ mã Unicode TCVN 6909:2001) hoặc Liberation Serif cùng số đo"),
			         path, which[k], (int)bc_utf8_fit(f, strlen(f), 80), f);
			rc = -1;
		} else {
			snprintf(t->font_family[k], sizeof t->font_family[k], "%s", f);
		}
		free(f);
	}
	return rc;
}

/* The numeric settings of element e, each attribute a field of the table
 * above (seen[] marks them); an attribute no field names is an error.
 * *known_elem is set when some field belongs to the element. */
static int read_settings(bc_template *t, xmlDocPtr x, xmlNodePtr e, int is_font, int *seen, int *known_elem,
                         const char *path, char *err, size_t errsize)
{
	int rc = 0;
	for (xmlAttrPtr a = e->properties; a && rc == 0; a = a->next) {
		int known = (strcmp((const char *)e->name, "draft") == 0 && strcmp((const char *)a->name, "text") == 0) ||
		            (is_font && (strcmp((const char *)a->name, "family") == 0 ||
		                         strcmp((const char *)a->name, "fallback") == 0));
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			if (strcmp(fields[i].elem, (const char *)e->name) != 0)
				continue;
			*known_elem = 1;
			if (strcmp(fields[i].attr, (const char *)a->name) != 0)
				continue;
			char *v;
			known = 1;
			if (attr_get(x, e, (const char *)a->name, &v, path, err, errsize) != 0) {
				rc = -1;
				break;
			}
			char *end = NULL;
			double d = v ? strtod(v, &end) : 0;
			if (!v || end == v || *end != '\0') {
				snprintf(err, errsize, _("%s: <%s %s=\"%.*s\"> không phải một số"), path, fields[i].elem, fields[i].attr,
				         v ? (int)bc_utf8_fit(v, strlen(v), 80) : 0, v ? v : "");
				rc = -1;
			} else {
				*field_ptr(t, &fields[i]) = d;
				seen[i] = 1;
			}
			free(v);
		}
		if (!known && rc == 0) {
			snprintf(err, errsize, _("%s: không có thiết lập <%s %s>"), path, (const char *)e->name, (const char *)a->name);
			rc = -1;
		}
	}
	return rc;
}

static int load_file(bc_template *t, const char *file, const char *path, char *err, size_t errsize);

int bc_template_load(bc_template *t, bc_doctype type, const char *path, char *err, size_t errsize)
{
	return load_file(t, bc_template_file(type), path, err, errsize);
}

int bc_template_load_for(bc_template *t, const bc_document *doc, const char *path, char *err, size_t errsize)
{
	return load_file(t, bc_template_file_for(doc), path, err, errsize);
}

/* Loads `path`, or when NULL the installed template called `file`. */
static int load_file(bc_template *t, const char *file, const char *path, char *err, size_t errsize)
{
	memset(t, 0, sizeof *t);
	char found[PATH_MAX + 64];
	if (!path) {
		if (find_template(file, found, sizeof found) != 0) {
			snprintf(err, errsize, _("không tìm thấy mẫu trang %s (hãy đặt BAOCAO_DATADIR, hoặc cài bằng make install)"), file);
			return -1;
		}
		path = found;
	}
	/* read whole, and at most TPL_MAX_BYTES of it: a larger file is refused before it is parsed */
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(err, errsize, _("%s: không đọc được thành mẫu trang XML: %s"), path, bc_strerror(errno));
		return -1;
	}
	char *bytes = bc_xmalloc(TPL_MAX_BYTES + 1);
	size_t nbytes = 0;
	for (;;) {
		ssize_t r = read(fd, bytes + nbytes, TPL_MAX_BYTES + 1 - nbytes);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errsize, _("%s: không đọc được thành mẫu trang XML: %s"), path, bc_strerror(errno));
			close(fd);
			free(bytes);
			return -1;
		}
		if (r == 0 || (nbytes += (size_t)r) > TPL_MAX_BYTES)
			break;
	}
	close(fd);
	if (nbytes > TPL_MAX_BYTES) {
		snprintf(err, errsize, _("%s: mẫu trang dài nhiều nhất %d byte; mẫu này dài hơn"), path, TPL_MAX_BYTES);
		free(bytes);
		return -1;
	}
	xmlSetGenericErrorFunc(NULL, silent_error);
	xmlDocPtr x = xmlReadMemory(bytes, (int)nbytes, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetGenericErrorFunc(NULL, NULL);
	free(bytes);
	if (!x) {
		const xmlError *e = xmlGetLastError();
		snprintf(err, errsize, _("%s: không đọc được thành mẫu trang XML%s%s"), path, e && e->message ? ": " : "",
		         e && e->message ? e->message : "");
		if (strlen(err) > 0 && err[strlen(err) - 1] == '\n')
			err[strlen(err) - 1] = '\0';
		return -1;
	}
	xmlNodePtr root = xmlDocGetRootElement(x);
	if (!root || strcmp((const char *)root->name, "template") != 0) {
		snprintf(err, errsize, _("%s: phần tử gốc phải là <template>"), path);
		xmlFreeDoc(x);
		return -1;
	}
	char *name;
	int rc = attr_get(x, root, "name", &name, path, err, errsize);
	if (rc == 0) {
		/* the name is the PDF's, a label: cut where a character ends */
		const char *n = name ? name : path;
		snprintf(t->name, sizeof t->name, "%.*s", (int)bc_utf8_fit(n, strlen(n), sizeof t->name - 1), n);
	}
	free(name);
	/* family="party": the Party's format (its ranges, its header and closing); guide: the guide's
	 * name, a label for the reader */
	char *fam = NULL, *guide = NULL;
	if (rc == 0)
		rc = attr_get(x, root, "family", &fam, path, err, errsize);
	if (rc == 0 && fam && strcmp(fam, "party") == 0)
		t->family = BC_FAMILY_PARTY;
	else if (rc == 0 && fam && strcmp(fam, "state") != 0) {
		snprintf(err, errsize, _("%s: <template family=\"%.*s\">: state hoặc party"), path, (int)bc_utf8_fit(fam, strlen(fam), 40), fam);
		rc = -1;
	}
	if (rc == 0)
		rc = attr_get(x, root, "guide", &guide, path, err, errsize);
	if (rc == 0 && guide)
		snprintf(t->guide, sizeof t->guide, "%.*s", (int)bc_utf8_fit(guide, strlen(guide), sizeof t->guide - 1), guide);
	free(fam);
	free(guide);
	for (xmlAttrPtr a = root->properties; a && rc == 0; a = a->next)
		if (strcmp((const char *)a->name, "name") && strcmp((const char *)a->name, "family") &&
		    strcmp((const char *)a->name, "guide")) {
			snprintf(err, errsize, _("%s: không có thiết lập <template %s>"), path, (const char *)a->name);
			rc = -1;
		}
	int seen[sizeof fields / sizeof fields[0]] = { 0 };
	for (xmlNodePtr e = root->children; e && rc == 0; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)e->name, "draft") == 0) {
			char *txt;
			rc = attr_get(x, e, "text", &txt, path, err, errsize);
			if (txt && strlen(txt) >= sizeof t->draft_text) {
				/* printed whole or not at all: a cut mark would read as another word */
				snprintf(err, errsize, _("%s: <draft text>: dấu dự thảo dài nhiều nhất %zu byte (khoảng 20 chữ có dấu); dấu này có %zu"),
				         path, sizeof t->draft_text - 1, strlen(txt));
				rc = -1;
			} else if (txt) {
				snprintf(t->draft_text, sizeof t->draft_text, "%s", txt);
			}
			free(txt);
			if (rc != 0)
				break;
		}
		int is_font = strcmp((const char *)e->name, "font") == 0;
		if (is_font)
			rc = read_font(t, x, e, path, err, errsize);
		int known_elem = is_font;
		if (rc == 0)
			rc = read_settings(t, x, e, is_font, seen, &known_elem, path, err, errsize);
		if (!known_elem && rc == 0 && strcmp((const char *)e->name, "draft") != 0) {
			snprintf(err, errsize, _("%s: không có phần tử <%s>"), path, (const char *)e->name);
			rc = -1;
		}
	}
	xmlFreeDoc(x);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		double lo, hi;
		const char *rule;
		int absent_part = field_range(&fields[i], t->family, &lo, &hi, &rule) != 0;
		if (absent_part && seen[i]) {
			/* a setting for a part the family's format has not: a slip to be told of */
			snprintf(err, errsize, "%s: <%s %s>: %s", path, fields[i].elem, fields[i].attr, _(rule));
			return -1;
		}
		if (absent_part) {
			*field_ptr(t, &fields[i]) = t->body_size;
		} else if (!seen[i] && fields[i].optional) {
			*field_ptr(t, &fields[i]) = fields[i].lo > t->body_size ? fields[i].lo : t->body_size;
		} else if (!seen[i]) {
			snprintf(err, errsize, _("%s: thiếu <%s %s>"), path, fields[i].elem, fields[i].attr);
			return -1;
		}
	}
	if (!t->font_family[0][0]) {
		snprintf(err, errsize, _("%s: thiếu <font family>"), path);
		return -1;
	}
	if (!t->draft_text[0])
		snprintf(t->draft_text, sizeof t->draft_text, "DỰ THẢO");
	char why[512];
	if (bc_template_check(t, why, sizeof why) != 0) {
		snprintf(err, errsize, "%s: %s", path, why);
		return -1;
	}
	return 0;
}
