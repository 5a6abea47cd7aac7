/* test_pdf.c — the PDF writer and layout engine on hand-built report models, checked with poppler's tools. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

#include "../../compiler/diag/diag.h"
#include "../../compiler/layout/layout.h"
#include "../../compiler/layout/template.h"
#include "../../compiler/layout/typeset.h"
#include "../../compiler/model/report.h"
#include "../../compiler/pdf/font.h"
#include "../../compiler/pdf/pdf.h"
#include "../../compiler/util/utf8.h"
#include "../../compiler/util/buf.h"

/* ---- building models by hand ---------------------------------------------- */

static uint32_t next_line = 1;

static bc_pos P(void)
{
	bc_pos p = { next_line++, 1 };
	return p;
}

static bc_node *add(bc_document *d, bc_node *parent, bc_node_type type)
{
	bc_node *n = bc_node_new(d, type, P());
	bc_node_append(parent, n);
	return n;
}

static bc_node *text(bc_document *d, bc_node *parent, const char *s)
{
	bc_node *t = bc_text_new(d, parent->pos, s, strlen(s));
	bc_node_append(parent, t);
	return t;
}

static bc_node *line(bc_document *d, bc_node *parent, bc_role role, const char *s)
{
	bc_node *n = add(d, parent, BC_NODE_LINE);
	n->as.line->role = role;
	text(d, n, s);
	return n;
}

static bc_node *para(bc_document *d, bc_node *parent, const char *s)
{
	bc_node *n = add(d, parent, BC_NODE_PARAGRAPH);
	text(d, n, s);
	return n;
}

static bc_node *section(bc_document *d, bc_node *parent, bc_label_kind kind, const char *label, const char *title)
{
	bc_node *s = add(d, parent, BC_NODE_SECTION);
	s->as.section.kind = kind;
	s->as.section.level = bc_label_level(kind);
	s->as.section.label = bc_str_dup(d, label, strlen(label));
	bc_node *h = add(d, s, BC_NODE_HEADING);
	text(d, h, title);
	return s;
}

static const char *long_par =
	"Thực hiện Nghị quyết số 244/2025/QH15 ngày 13/11/2025 của Quốc hội về Kế hoạch phát triển kinh tế - xã hội "
	"năm 2026; Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ về nhiệm vụ, giải pháp thực hiện Kế hoạch phát "
	"triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2026; Ủy ban nhân dân thành phố đã ban hành Kế hoạch "
	"số 05/KH-UBND ngày 07/01/2026 về phát triển kinh tế - xã hội, quốc phòng - an ninh, đối ngoại thành phố năm "
	"2026 và nhiều văn bản chỉ đạo khác về phát triển kinh tế - xã hội năm 2026.";

static bc_node *table(bc_document *d, bc_node *parent, int cols, int rows, int numeric)
{
	bc_node *t = add(d, parent, BC_NODE_TABLE);
	t->as.table.cols = cols;
	t->as.table.head_rows = 1;
	bc_node *th = add(d, t, BC_NODE_THEAD);
	bc_node *hr = add(d, th, BC_NODE_ROW);
	hr->as.row.kind = BC_ROW_HEAD;
	for (int c = 0; c < cols; c++) {
		bc_node *cell = add(d, hr, BC_NODE_CELL);
		char buf[64];
		snprintf(buf, sizeof buf, c == 0 ? "TT" : c == 1 ? "Nội dung nhiệm vụ" : "Chỉ tiêu %d", c);
		text(d, cell, buf);
	}
	bc_node *tb = add(d, t, BC_NODE_TBODY);
	for (int r = 0; r < rows; r++) {
		bc_node *row = add(d, tb, BC_NODE_ROW);
		if (r % 10 == 0) {
			row->as.row.kind = BC_ROW_GROUP;
			bc_node *cell = add(d, row, BC_NODE_CELL);
			text(d, cell, "I");
			cell = add(d, row, BC_NODE_CELL);
			cell->as.cell.colspan = cols - 1;
			text(d, cell, "Sở Tư pháp (07 nhiệm vụ)");
			continue;
		}
		for (int c = 0; c < cols; c++) {
			bc_node *cell = add(d, row, BC_NODE_CELL);
			char buf[128];
			if (c == 0)
				snprintf(buf, sizeof buf, "%d", r);
			else if (c == 1)
				snprintf(buf, sizeof buf, "Rà soát, hoàn thiện thể chế về đất đai, đầu tư công, hạng mục %d", r);
			else if (numeric) {
				snprintf(buf, sizeof buf, "%d.%03d,%d", r * 7 + c, (r * 37 + c) % 1000, c);
				cell->as.cell.value = bc_str_dup(d, "1", 1);
				cell->as.cell.align = BC_ALIGN_RIGHT;
			} else
				snprintf(buf, sizeof buf, "Quý %d", c % 4 + 1);
			text(d, cell, buf);
		}
	}
	bc_table_adopt_cells(d, t);   /* built as children, kept as the parser keeps them */
	return t;
}

/* A báo cáo with header, headings, long body, a table, closing and a wide appendix. */
static bc_document *sample_report(int paragraphs, int draft)
{
	bc_document *d = bc_document_new("hand.txt");
	next_line = 1;
	d->meta = add(d, d->root, BC_NODE_META);
	line(d, d->meta, BC_ROLE_ISSUER, "ỦY BAN NHÂN DÂN");
	line(d, d->meta, BC_ROLE_ISSUER, "THÀNH PHỐ HẢI PHÒNG");
	bc_node *num = line(d, d->meta, BC_ROLE_NUMBER, "Số: 63/BC-UBND");
	num->as.line->symbol = bc_str_dup(d, "BC-UBND", 7);
	if (draft)
		line(d, d->meta, BC_ROLE_DRAFT, "(DỰ THẢO)");
	line(d, d->meta, BC_ROLE_MOTTO, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	line(d, d->meta, BC_ROLE_SLOGAN, "Độc lập - Tự do - Hạnh phúc");
	line(d, d->meta, BC_ROLE_DATELINE, "Hải Phòng, ngày 20 tháng 02 năm 2026");
	bc_node *dt = line(d, d->meta, BC_ROLE_DOCTYPE, "BÁO CÁO");
	dt->as.line->doctype = BC_DOC_BAO_CAO;
	d->idx.doctype = dt;
	line(d, d->meta, BC_ROLE_TITLE, "Tình hình phát triển kinh tế - xã hội tháng 02 và 02 tháng đầu năm,");
	line(d, d->meta, BC_ROLE_TITLE, "một số nhiệm vụ trọng tâm tháng 3 và các tháng tiếp theo năm 2026");
	d->body = add(d, d->root, BC_NODE_BODY);
	bc_node *s1 = section(d, d->body, BC_LABEL_ROMAN, "I", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ ĐIỀU HÀNH");
	for (int i = 0; i < paragraphs; i++) {
		bc_node *p = para(d, s1, long_par);
		if (i == 1) {
			bc_node *b = add(d, p, BC_NODE_STRONG);
			text(d, b, " Vị trí tốt - Chất lượng tốt");
			bc_node *e = add(d, p, BC_NODE_EMPH);
			text(d, e, " - Giá cả tốt.");
		}
	}
	bc_node *s2 = section(d, d->body, BC_LABEL_ROMAN, "II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ");
	bc_node *s21 = section(d, s2, BC_LABEL_ARABIC, "1", "Về tình hình phát triển lĩnh vực kinh tế");
	para(d, s21, "Chỉ số sản xuất công nghiệp (IIP) tháng 02 năm 2026 ước giảm 6,25% so cùng kỳ năm trước.");
	bc_node *u = line(d, s21, BC_ROLE_UNIT, "Đơn vị tính: tỷ đồng");
	(void)u;
	table(d, s21, 4, 12, 1);
	para(d, s21, long_par);
	d->closing = add(d, d->root, BC_NODE_CLOSING);
	bc_node *rc = add(d, d->closing, BC_NODE_RECIPIENTS);
	line(d, rc, BC_ROLE_RECIPIENTS_LABEL, "Nơi nhận:");
	const char *to[] = { "Văn phòng Chính phủ;", "Bộ Tài chính;", "TT Thành ủy, TT HĐND thành phố;", "Lưu: VT." };
	for (size_t i = 0; i < 4; i++) {
		bc_node *it = add(d, rc, BC_NODE_ITEM);
		it->as.item.bullet = '-';
		text(d, it, to[i]);
	}
	bc_node *sg = add(d, d->closing, BC_NODE_SIGNATURE);
	line(d, sg, BC_ROLE_AUTHORITY, "TM. ỦY BAN NHÂN DÂN");
	line(d, sg, BC_ROLE_AUTHORITY, "KT. CHỦ TỊCH");
	line(d, sg, BC_ROLE_POSITION, "PHÓ CHỦ TỊCH");
	line(d, sg, BC_ROLE_SIGNER, "Nguyễn Văn Tùng");
	bc_node *ap = add(d, d->root, BC_NODE_APPENDIX);
	ap->as.appendix.label = bc_str_dup(d, "I", 1);
	line(d, ap, BC_ROLE_APPX_LABEL, "Phụ lục I");
	line(d, ap, BC_ROLE_APPX_TITLE, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI");
	line(d, ap, BC_ROLE_APPX_ATTACH, "(Kèm theo Báo cáo số 63/BC-UBND ngày 20/02/2026 của UBND thành phố)");
	table(d, ap, 14, 60, 1);
	return d;
}

/* ---- running poppler ------------------------------------------------------------ */

static char *run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	bc_buf b = BC_BUF_INIT;
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		bc_buf_put(&b, tmp, n);
	pclose(f);
	return b.s ? b.s : strdup("");
}

static char out_path[256];

static int write_sample(bc_document *d, bc_diags *diags, const char *name)
{
	snprintf(out_path, sizeof out_path, "/tmp/test_pdf_%s_%d.pdf", name, (int)getpid());
	bc_render_options opt = { NULL, 1700000000LL, 0 };
	bc_buf pdf = BC_BUF_INIT;
	int rc = bc_pdf_output(d, &opt, &pdf, diags);
	if (rc == 0) {
		FILE *f = fopen(out_path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(pdf.s, 1, pdf.len, f), pdf.len);
		assert_int_equal(fclose(f), 0);
	}
	bc_buf_free(&pdf);
	return rc;
}

/* ---- tests ------------------------------------------------------------------------ */

static void test_writes_valid_a4_pdf(void **state)
{
	(void)state;
	bc_diags diags;
	bc_diags_init(&diags);
	bc_document *d = sample_report(12, 1);
	assert_int_equal(write_sample(d, &diags, "report"), 0);
	char *info = run("pdfinfo %s 2>&1", out_path);
	assert_non_null(strstr(info, "595.276 x 841.89 pts (A4)"));
	assert_non_null(strstr(info, "Tình hình phát triển kinh tế"));
	assert_non_null(strstr(info, "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"));
	int pages = 0;
	const char *pp = strstr(info, "Pages:");
	assert_non_null(pp);
	pages = atoi(pp + 6);
	assert_true(pages >= 4);
	free(info);
	char *check = run("qpdf --check %s 2>&1", out_path);
	assert_non_null(strstr(check, "No syntax or stream encoding errors"));
	free(check);
	/* every font embedded */
	char *fonts = run("pdffonts %s", out_path);
	int lines = 0;
	for (char *l = strtok(fonts, "\n"); l; l = strtok(NULL, "\n")) {
		if (++lines <= 2)
			continue;
		assert_non_null(strstr(l, " yes "));
		assert_non_null(strstr(l, "Serif"));
	}
	assert_true(lines >= 6);   /* two header lines, four faces */
	free(fonts);
	/* the Vietnamese words come back out */
	char *txt = run("pdftotext -layout %s -", out_path);
	assert_non_null(strstr(txt, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	assert_non_null(strstr(txt, "Độc lập - Tự do - Hạnh phúc"));
	assert_non_null(strstr(txt, "phát triển kinh tế - xã hội"));
	assert_non_null(strstr(txt, "Nguyễn Văn Tùng"));
	assert_non_null(strstr(txt, "DỰ THẢO"));
	assert_non_null(strstr(txt, "Sở Tư pháp (07 nhiệm vụ)"));
	free(txt);
	/* the ToUnicode maps are ones poppler accepts: no warning at all */
	char *warn = run("pdftotext %s /dev/null 2>&1; pdffonts %s 2>&1 >/dev/null", out_path, out_path);
	assert_string_equal(warn, "");
	free(warn);
	/* the appendix is landscape */
	char *last = run("pdfinfo -f %d -l %d %s", pages, pages, out_path);
	assert_non_null(strstr(last, "841.89 x 595.276"));
	free(last);
	if (!getenv("TEST_PDF_KEEP"))
		unlink(out_path);
	bc_document_free(d);
	bc_diags_free(&diags);
}

/* Word boxes of one page from pdftotext -bbox: xMin, yMin, xMax, yMax, text. */
typedef struct word { double x0, y0, x1, y1; char t[128]; } word;

static size_t page_words(const char *pdf, int page, word *w, size_t max)
{
	char *x = run("pdftotext -f %d -l %d -bbox %s -", page, page, pdf);
	size_t n = 0;
	for (char *p = strstr(x, "<word "); p && n < max; p = strstr(p + 1, "<word ")) {
		word *o = &w[n];
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%127[^<]", &o->x0, &o->y0, &o->x1,
		           &o->y1, o->t) == 5)
			n++;
	}
	free(x);
	return n;
}

static void test_margins_and_page_numbers(void **state)
{
	(void)state;
	bc_diags diags;
	bc_diags_init(&diags);
	bc_document *d = sample_report(12, 0);
	assert_int_equal(write_sample(d, &diags, "margins"), 0);
	static word w[4000];
	const double mm = 72.0 / 25.4;
	for (int page = 1; page <= 3; page++) {
		size_t n = page_words(out_path, page, w, 4000);
		assert_true(n > 50);
		double minx = 1e9, maxx = 0, miny = 1e9, maxy = 0;
		int pageno = 0;
		for (size_t i = 0; i < n; i++) {
			if (w[i].y1 < 20 * mm) {
				/* the page number: centred in the top margin, from page 2 */
				char want[8];
				snprintf(want, sizeof want, "%d", page);
				assert_string_equal(w[i].t, want);
				double mid = (w[i].x0 + w[i].x1) / 2, text_mid = (30 * mm + (210 - 15) * mm) / 2;
				assert_true(fabs(mid - text_mid) < 2);
				pageno = 1;
				continue;
			}
			if (w[i].x0 < minx) minx = w[i].x0;
			if (w[i].x1 > maxx) maxx = w[i].x1;
			if (w[i].y0 < miny) miny = w[i].y0;
			if (w[i].y1 > maxy) maxy = w[i].y1;
		}
		assert_int_equal(pageno, page >= 2);
		assert_true(minx >= 30 * mm - 0.5);
		assert_true(maxx <= (210 - 15) * mm + 0.5);
		assert_true(miny >= 20 * mm - 0.5);
		assert_true(maxy <= (297 - 20) * mm + 0.5);
		if (page == 2) {
			/* justified body: most lines reach the right margin */
			int at_right = 0;
			for (size_t i = 0; i < n; i++)
				if (fabs(w[i].x1 - (210 - 15) * mm) < 0.8)
					at_right++;
			assert_true(at_right >= 20);
		}
	}
	if (!getenv("TEST_PDF_KEEP"))
		unlink(out_path);
	bc_document_free(d);
	bc_diags_free(&diags);
}


static void test_footnote_on_referencing_page(void **state)
{
	(void)state;
	bc_diags diags;
	bc_diags_init(&diags);
	bc_document *d = sample_report(3, 0);
	d->notes = add(d, d->root, BC_NODE_NOTES);
	bc_node *note = add(d, d->notes, BC_NODE_NOTE);
	note->as.note.id = 1;
	para(d, note, "Chú thích về 22 khu tái định cư đã phê duyệt.");
	bc_node *orphan = add(d, d->notes, BC_NODE_NOTE);
	orphan->as.note.id = 2;
	para(d, orphan, "Chú thích không có tham chiếu vẫn được in.");
	/* the reference sits in the second section, on page 2 or later */
	bc_node *s2 = d->body->last;
	bc_node *p = para(d, s2, "Hoàn thành 14 dự án tái định cư");
	bc_node *ref = add(d, p, BC_NODE_NOTEREF);
	ref->as.noteref.id = 1;
	ref->as.noteref.note = note;
	assert_int_equal(write_sample(d, &diags, "notes"), 0);
	int ref_page = 0, note_page = 0, orphan_page = 0;
	for (int pg = 1; pg <= 8; pg++) {
		char *txt = run("pdftotext -f %d -l %d %s - 2>/dev/null", pg, pg, out_path);
		if (strstr(txt, "14 dự án tái định cư"))
			ref_page = pg;
		if (strstr(txt, "Chú thích về 22 khu"))
			note_page = pg;
		if (strstr(txt, "Chú thích không có tham chiếu"))
			orphan_page = pg;
		free(txt);
	}
	assert_true(ref_page >= 1);
	assert_int_equal(note_page, ref_page);
	assert_true(orphan_page >= 1);
	/* the note is below every body line of its page */
	static word w[4000];
	size_t n = page_words(out_path, note_page, w, 4000);
	double note_y = 0, body_y = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(w[i].t, "22") == 0 && note_y == 0)
			note_y = w[i].y0;
		if (strcmp(w[i].t, "Hoàn") == 0)
			body_y = w[i].y0;
	}
	assert_true(note_y > body_y);
	/* at the foot of the page, not merely after the text */
	assert_true(note_y > 841.89 - 20 * 72 / 25.4 - 30);
	if (!getenv("TEST_PDF_KEEP"))
		unlink(out_path);
	bc_document_free(d);
	bc_diags_free(&diags);
}

static void test_missing_glyph_is_an_error(void **state)
{
	(void)state;
	bc_diags diags;
	bc_diags_init(&diags);
	bc_document *d = sample_report(1, 0);
	bc_node *p = para(d, d->body, "Văn bản có chữ 中 không có trong phông.");
	p->pos.line = 777;
	p->first->pos.line = 777;
	p->first->pos.col = 1;
	snprintf(out_path, sizeof out_path, "/tmp/test_pdf_glyph_%d.pdf", (int)getpid());
	unlink(out_path);
	int rc = write_sample(d, &diags, "glyph");
	assert_int_equal(rc, 1);
	struct stat st;
	assert_int_not_equal(stat(out_path, &st), 0);   /* nothing written */
	assert_true(bc_diags_worst(&diags) >= BC_LEVEL_ERROR || diags.count[BC_LEVEL_ERROR] > 0);
	bc_document_free(d);
	bc_diags_free(&diags);
}

/*
 * The faces' CIDToGIDMaps, as libharu will write them: every code the text
 * uses (ASCII, the Vietnamese letters, the dashes and quotes) is its own CID
 * and maps to the glyph the face's cmap gives it, never to glyph 0.
 */
static void test_cid_maps_follow_the_cmaps(void **state)
{
	(void)state;
	bc_font_family fam;
	char why[512];
	const char *const wanted[] = { "Liberation Serif" };
	if (bc_font_find(&fam, wanted, 1, why, sizeof why) != 0) {
		fprintf(stderr, "font: %s\n", why);
		fail();
	}
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	assert_non_null(pdf);
	assert_int_equal(bc_font_load_hpdf(&fam, pdf), 0);
	static const char letters[] =
		"AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYaăâbcdđeêghiklmnoôơpqrstuưvxy0123456789.,;:!?()/%-–—“”‘’…"
		"àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
		"ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
	static uint8_t map[0x20000];
	for (int f = 0; f < BC_FACE_COUNT; f++) {
		HPDF_FontAttr attr = ((HPDF_Font)fam.hpdf_font[f])->attr;
		assert_non_null(attr->map_stream);
		HPDF_Stream st = attr->map_stream->stream;
		HPDF_UINT size = HPDF_Stream_Size(st);
		assert_true(size <= sizeof map);
		assert_int_equal(HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET), HPDF_OK);
		HPDF_UINT got = size;
		HPDF_Stream_Read(st, map, &got);
		assert_int_equal(got, size);
		size_t i = 0;
		while (letters[i]) {
			uint32_t cp = bc_utf8_next(letters, sizeof letters - 1, &i);
			assert_true(2 * cp + 1 < size);
			unsigned gid = (unsigned)map[2 * cp] << 8 | map[2 * cp + 1];
			unsigned want = HPDF_TTFontDef_GetGlyphid(attr->fontdef, (HPDF_UINT16)cp);
			if (gid == 0 || gid != want)
				fail_msg("face %d, U+%04X: map gives glyph %u, the cmap %u", f, (unsigned)cp, gid, want);
		}
	}
	HPDF_Free(pdf);
	bc_font_release(&fam);
}

/* templates/`file` with `from` replaced by `to`, loaded: the error, or "" when it loads. */
static const char *patched_file(const char *file, const char *from, const char *to)
{
	static char err[512];
	char path[64], src[128];
	snprintf(path, sizeof path, "/tmp/test_pdf_tpl_%d.xml", (int)getpid());
	snprintf(src, sizeof src, "templates/%s", file);
	FILE *f = fopen(src, "r");
	if (!f) {
		snprintf(src, sizeof src, "../templates/%s", file);
		f = fopen(src, "r");
	}
	assert_non_null(f);
	char buf[8192], out[8400];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *m = strstr(buf, from);
	assert_non_null(m);
	snprintf(out, sizeof out, "%.*s%s%s", (int)(m - buf), buf, to, m + strlen(from));
	f = fopen(path, "w");
	fputs(out, f);
	fclose(f);
	bc_template t;
	err[0] = '\0';
	if (bc_template_load(&t, BC_DOC_BAO_CAO, path, err, sizeof err) == 0)
		err[0] = '\0';
	else if (!err[0])
		snprintf(err, sizeof err, "refused without a message");
	unlink(path);
	return err;
}

static const char *patched_template(const char *from, const char *to) { return patched_file("bao-cao.xml", from, to); }

/* The Party's templates: read against Hướng dẫn 36-HD/VPTW's values, each refusal naming its clause. */
static void test_party_template(void **state)
{
	(void)state;
	assert_string_equal(patched_file("dang-36.xml", "left=\"30\"", "left=\"30\""), "");
	/* 35 mm is the state's upper bound, not the Party's 30 */
	assert_non_null(strstr(patched_file("dang-36.xml", "left=\"30\"", "left=\"35\""), "lề trái 30 mm (HD 36-HD/VPTW, II.4.3)"));
	assert_non_null(strstr(patched_file("dang-36.xml", "motto-size=\"15\"", "motto-size=\"13\""), "Phụ lục 3, mục 1"));
	assert_non_null(strstr(patched_file("dang-36.xml", "list-size=\"12\"", "list-size=\"11\""), "Phụ lục 3, mục 9"));
	/* no slogan in the Party's format: a setting for one is refused with the reason */
	assert_non_null(strstr(patched_file("dang-36.xml", "urgency-size=\"14\"", "urgency-size=\"14\" slogan-size=\"13\""),
	                       "không có tiêu ngữ"));
	/* 18 pt between lines at least: 14 × 1.15 × 1.05 = 16.9 */
	assert_non_null(strstr(patched_file("dang-36.xml", "line-spacing=\"1.12\"", "line-spacing=\"1.05\""), "tối thiểu 18 pt"));
	assert_non_null(strstr(patched_file("dang-36.xml", "family=\"party\"", "family=\"dang\""), "state hoặc party"));
	/* the state's ranges still hold for the state's: a 15 pt motto is refused there */
	assert_non_null(strstr(patched_template("motto-size=\"12\"", "motto-size=\"15\""), "quốc hiệu cỡ chữ 12–13"));
	static const char *const shipped[] = { "dang-36.xml", "dang-05.xml" };
	for (size_t i = 0; i < 2; i++) {
		char path[128];
		snprintf(path, sizeof path, "templates/%s", shipped[i]);
		if (access(path, R_OK) != 0)
			snprintf(path, sizeof path, "../templates/%s", shipped[i]);
		bc_template t;
		char err[512];
		assert_int_equal(bc_template_load(&t, BC_DOC_CHUONG_TRINH, path, err, sizeof err), 0);
		assert_int_equal(t.family, BC_FAMILY_PARTY);
		assert_true(t.motto_size == 15 && t.body_size >= 14 && t.m_left == 30 && t.m_right == 15);
		assert_string_equal(t.guide, i == 0 ? "36-HD/VPTW" : "05-HD/VPTW");
	}
}

static void test_template_out_of_range_refused(void **state)
{
	(void)state;
	assert_string_equal(patched_template("left=\"30\"", "left=\"30\""), "");
	assert_non_null(strstr(patched_template("left=\"30\"", "left=\"25\""), "lề trái 30–35 mm"));
	/* a font the decree does not allow, named with the rule */
	assert_non_null(strstr(patched_template("family=\"Times New Roman\"", "family=\"DejaVu Serif\""),
	                       "Times New Roman (bộ mã Unicode TCVN 6909:2001)"));
	assert_non_null(strstr(patched_template("<font family=\"Times New Roman\" fallback=\"Liberation Serif\"/>", ""),
	                       "thiếu <font family>"));
	assert_non_null(strstr(patched_template("issuer-rule=\"0.4\"", "issuer-rule=\"0.7\""), "1/3–1/2"));
	assert_non_null(strstr(patched_template("<title type-size=\"14\" size=\"14\" rule=\"0.4\"/>",
	                                        "<title type-size=\"14\" size=\"14\" rule=\"0.2\"/>"),
	                       "đường kẻ dưới trích yếu"));
	assert_non_null(strstr(patched_template("<addressee size=\"14\"/>", "<addressee size=\"12\"/>"), "Kính gửi"));
	/* the decision's settings are optional, but checked when given */
	assert_string_equal(patched_template("<addressee size=\"14\"/>",
	                                     "<addressee size=\"14\"/><decision basis-size=\"13\"/>"), "");
	assert_non_null(strstr(patched_template("<addressee size=\"14\"/>",
	                                        "<addressee size=\"14\"/><decision enacting-size=\"12\"/>"),
	                       "QUYẾT ĐỊNH:"));
	assert_non_null(strstr(patched_template("<addressee size=\"14\"/>", "<addressee size=\"14\" color=\"red\"/>"),
	                       "không có thiết lập <addressee color>"));
	/* the shipped templates all load, each with its type's name */
	bc_template t;
	char err[512];
	static const struct { bc_doctype type; const char *name; } shipped[] = {
		{ BC_DOC_BAO_CAO, "Báo cáo" }, { BC_DOC_CHI_THI, "Chỉ thị" }, { BC_DOC_CHUONG_TRINH, "Chương trình" },
		{ BC_DOC_KE_HOACH, "Kế hoạch" }, { BC_DOC_CONG_VAN, "Công văn" }, { BC_DOC_QUYET_DINH, "Quyết định" },
		{ BC_DOC_TO_TRINH, "Tờ trình" },
	};
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		assert_int_equal(bc_template_load(&t, shipped[i].type, NULL, err, sizeof err), 0);
		assert_string_equal(t.name, shipped[i].name);
		assert_string_equal(t.font_family[0], "Times New Roman");
		assert_true(t.basis_size >= 13 && t.basis_size <= 14);
	}
}

/* grammar/TEMPLATE.md lists every numeric setting the program reads, with its range. */
static void test_template_doc_in_step(void **state)
{
	(void)state;
	FILE *f = fopen("grammar/TEMPLATE.md", "r");
	if (!f)
		f = fopen("../grammar/TEMPLATE.md", "r");
	assert_non_null(f);
	static char doc[32768];
	size_t n = fread(doc, 1, sizeof doc - 1, f);
	fclose(f);
	doc[n] = '\0';
	const char *elem, *attr;
	double lo, hi;
	size_t count = 0;
	/* the state's table first, then the Party's, after its heading */
	const char *party = strstr(doc, "## The Party's settings");
	assert_non_null(party);
	for (int fam = 0; fam < 2; fam++) {
		const char *in = fam ? party : doc;
		int r;
		for (size_t i = 0; (r = bc_template_setting(i, fam ? BC_FAMILY_PARTY : BC_FAMILY_STATE, &elem, &attr, &lo, &hi)); i++, count++) {
			char row[128], range[64];
			if (r == 2)
				snprintf(range, sizeof range, "—");
			else if (hi - lo < 1e-9)
				snprintf(range, sizeof range, "%g", lo);
			else if (fabs(lo - 1.0 / 3) < 1e-9 && fabs(hi - 0.5) < 1e-9)
				snprintf(range, sizeof range, "1/3–1/2");
			else
				snprintf(range, sizeof range, "%g–%g", lo, hi);
			snprintf(row, sizeof row, "| `%s` | `%s` | %s |", elem, attr, range);
			const char *at = strstr(in, row);
			if (!at || (!fam && at > party))
				fail_msg("grammar/TEMPLATE.md lacks the row %s in the %s table", row, fam ? "Party's" : "state's");
		}
	}
	assert_true(count >= 80);
}

/* ---- the engine alone, with a fixed-width measure ---------------------------------- */

static double mono(void *ctx, bc_face face, double size, const char *s, size_t len)
{
	(void)ctx;
	(void)face;
	size_t cps = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cps++;
	return (double)cps * size * 0.5;
}

static void test_total_fit_lines(void **state)
{
	(void)state;
	bc_metrics m = { mono, NULL, 0.9, 0.2, NULL };
	bc_items it = { 0 };
	bc_items_text(&it, &m, long_par, strlen(long_par), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_finish(&it);
	size_t *br;
	double width = 300;
	size_t n = bc_break_lines(&it, width, BC_JUST_FULL, &br);
	assert_true(n >= 5);
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		bc_oplist ops = { 0 };
		bc_line_set ls = bc_set_line(&it, from, br[i], 0, width, 10, BC_JUST_FULL, i + 1 == n, &ops);
		assert_true(ls.natural <= width + 1e-6 || ls.ratio >= -1);
		if (i + 1 < n) {
			/* the last word ends at the right margin */
			const bc_op *o = &ops.v[ops.n - 1];
			double end = o->x + mono(NULL, 0, o->size, o->s, o->len);
			assert_true(fabs(end - width) < 0.01);
			assert_true(ls.ratio < 3);
		}
		bc_oplist_free(&ops);
		from = br[i] + 1;
	}
	free(br);
	bc_items_free(&it);
}

/* A line ended by a forced break (a source line break, a note's next item)
 * keeps natural spaces like a last line; the lines of the text around it are
 * still justified. */
static void test_forced_break_not_stretched(void **state)
{
	(void)state;
	bc_metrics m = { mono, NULL, 0.9, 0.2, NULL };
	bc_items it = { 0 };
	const char *a = "mặt bằng trên địa bàn các xã.";
	bc_items_text(&it, &m, long_par, strlen(long_par), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_text(&it, &m, " ", 1, BC_FACE_REGULAR, 10, 0, 0);
	bc_items_text(&it, &m, a, strlen(a), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_break(&it);
	bc_items_text(&it, &m, long_par, strlen(long_par), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_finish(&it);
	size_t *br;
	double width = 300;
	size_t n = bc_break_lines(&it, width, BC_JUST_FULL, &br);
	size_t from = 0;
	int forced = 0, justified = 0;
	for (size_t i = 0; i < n; i++) {
		bc_oplist ops = { 0 };
		bc_line_set ls = bc_set_line(&it, from, br[i], 0, width, 10, BC_JUST_FULL, i + 1 == n, &ops);
		if (br[i] < it.n && it.v[br[i]].type == BC_ITEM_PENALTY && it.v[br[i]].penalty <= BC_PENALTY_FORCE &&
		    i + 1 < n) {
			forced++;
			assert_true(ls.ratio == 0);
			const bc_op *o = &ops.v[ops.n - 1];
			assert_true(o->x + mono(NULL, 0, o->size, o->s, o->len) < width - 5);
		} else if (i + 1 < n) {
			justified++;
			const bc_op *o = &ops.v[ops.n - 1];
			assert_true(fabs(o->x + mono(NULL, 0, o->size, o->s, o->len) - width) < 0.01);
		}
		bc_oplist_free(&ops);
		from = br[i] + 1;
	}
	assert_int_equal(forced, 1);
	assert_true(justified >= 8);
	free(br);
	bc_items_free(&it);
}

static void test_overlong_word(void **state)
{
	(void)state;
	bc_metrics m = { mono, NULL, 0.9, 0.2, NULL };
	char word[3000];
	memset(word, 'x', sizeof word - 1);
	word[sizeof word - 1] = '\0';
	bc_items it = { 0 };
	bc_items_text(&it, &m, "Địa chỉ: ", strlen("Địa chỉ: "), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_text(&it, &m, word, strlen(word), BC_FACE_REGULAR, 10, 0, 0);
	bc_items_finish(&it);
	bc_items_fit_words(&it, &m, 200);
	size_t *br;
	size_t n = bc_break_lines(&it, 200, BC_JUST_FULL, &br);
	assert_true(n >= 3000 * 5 / 200);
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		bc_oplist ops = { 0 };
		bc_line_set ls = bc_set_line(&it, from, br[i], 0, 200, 10, BC_JUST_FULL, i + 1 == n, &ops);
		assert_true(ls.natural <= 200 + 1e-6);
		bc_oplist_free(&ops);
		from = br[i] + 1;
	}
	free(br);
	bc_items_free(&it);
}

static int pages_seen;
static int count_page(void *ctx, const bc_page *p)
{
	(void)ctx;
	double bottom = p->height - 50;
	for (size_t i = 0; i < p->n; i++)
		assert_true(p->y[i] + p->units[i]->h <= bottom + 0.01 || p->n == 1);
	pages_seen++;
	return 0;
}

static void test_pager_keeps_and_progresses(void **state)
{
	(void)state;
	bc_pager_geometry g = { 500, 700, 50, 50 };
	bc_pager p;
	bc_pager_init(&p, &g, count_page, NULL);
	pages_seen = 0;
	/* 1000 lines in chains of three, and one unit taller than a page */
	for (int i = 0; i < 1000; i++) {
		bc_unit *u = bc_unit_new(14);
		u->keep_next = (i % 3) != 2;
		bc_pager_add(&p, u);
	}
	bc_pager_add(&p, bc_unit_new(900));
	int n = bc_pager_finish(&p);
	bc_pager_free(&p);
	assert_int_equal(n, pages_seen);
	assert_true(n >= 1000 * 14 / 600 + 1);
}

static size_t first_page_units;
static int note_first_page(void *ctx, const bc_page *p)
{
	(void)ctx;
	double bottom = p->height - 50;
	for (size_t i = 0; i < p->n; i++)
		assert_true(p->y[i] + p->units[i]->h <= bottom + 0.01);
	if (pages_seen++ == 0)
		first_page_units = p->n;
	return 0;
}

/* A kept chain taller than a page (a title of 3 000 words) is broken where
 * it overflows: the page before it is filled, not left with what precedes
 * the chain alone; a chain that fits on a page still moves whole. */
static void test_pager_breaks_chain_taller_than_page(void **state)
{
	(void)state;
	bc_pager_geometry g = { 500, 700, 50, 50 };   /* 600 pt of room */
	bc_pager p;
	bc_pager_init(&p, &g, note_first_page, NULL);
	pages_seen = 0;
	bc_pager_add(&p, bc_unit_new(100));
	for (int i = 0; i < 100; i++) {
		bc_unit *u = bc_unit_new(14);
		u->keep_next = i < 99;
		bc_pager_add(&p, u);
	}
	int n = bc_pager_finish(&p);
	bc_pager_free(&p);
	assert_int_equal(n, pages_seen);
	assert_int_equal(first_page_units, 1 + 500 / 14);
	assert_int_equal(n, 3);   /* 35 + 42 + 23 lines */

	bc_pager_init(&p, &g, note_first_page, NULL);
	pages_seen = 0;
	bc_pager_add(&p, bc_unit_new(100));
	for (int i = 0; i < 40; i++) {   /* 560 pt: fits on the next page whole */
		bc_unit *u = bc_unit_new(14);
		u->keep_next = i < 39;
		bc_pager_add(&p, u);
	}
	n = bc_pager_finish(&p);
	bc_pager_free(&p);
	assert_int_equal(first_page_units, 1);
	assert_int_equal(n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pager_breaks_chain_taller_than_page),
		cmocka_unit_test(test_total_fit_lines),
		cmocka_unit_test(test_forced_break_not_stretched),
		cmocka_unit_test(test_overlong_word),
		cmocka_unit_test(test_pager_keeps_and_progresses),
		cmocka_unit_test(test_template_out_of_range_refused),
		cmocka_unit_test(test_party_template),
		cmocka_unit_test(test_template_doc_in_step),
		cmocka_unit_test(test_writes_valid_a4_pdf),
		cmocka_unit_test(test_margins_and_page_numbers),
		cmocka_unit_test(test_footnote_on_referencing_page),
		cmocka_unit_test(test_missing_glyph_is_an_error),
		cmocka_unit_test(test_cid_maps_follow_the_cmaps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
