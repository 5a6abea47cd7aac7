/* patterns.h — every regular expression that classifies a line, in one table, compiled once. */
#ifndef BAOCAO_PATTERNS_H
#define BAOCAO_PATTERNS_H

#include <stddef.h>

typedef enum bc_pattern_id {
	BC_PAT_LABEL_ROMAN,   /* "I. ", "XIV. " */
	BC_PAT_LABEL_DOTTED,  /* "1. ", "1.1. ", "2.1.1 " */
	BC_PAT_LABEL_LETTER,  /* "a) ", "đ) " */
	BC_PAT_LABEL_PAREN,   /* "(1) " */
	BC_PAT_LABEL_STAR,    /* "*) " */
	BC_PAT_NUMBER,        /* "Số: 03 /CT-UBND" */
	BC_PAT_NUMBER_LEAD,   /* "Số: /STP-BTTP" with more after it on the line */
	BC_PAT_NUMBER_REST,   /* "/BC-SNV": the symbol on the line after "Số: 181" */
	BC_PAT_NUMBER_LIKE,   /* "Số:", "Số1§4Ø…": starts as a number line, read or not */
	BC_PAT_DATELINE_LIKE, /* "Hà Nội ngày 09 thảng ?# năm 2026": a place and date, read or not */
	BC_PAT_NUMBER_GARBLED, /* "Số: 2/9. /CT-CS": a number misread, its symbol legible (group 1) */
	BC_PAT_DATE_LEGIBLE,  /* "ngày 09 thảng ?# năm 2026": the parts of a misread date that read (day, month, year) */
	BC_PAT_SUMMARY,       /* "V/v ..." */
	BC_PAT_DRAFT,         /* "(DỰ THẢO)" */
	BC_PAT_URGENCY,       /* "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN" */
	BC_PAT_MOTTO,         /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
	BC_PAT_SLOGAN,        /* "Độc lập - Tự do - Hạnh phúc" */
	BC_PAT_DATELINE,      /* "Hải Phòng, ngày 20 tháng 01 năm 2025" */
	BC_PAT_ADDRESSEE,     /* "Kính gửi: ..." */
	BC_PAT_RECIPIENTS,    /* "Nơi nhận:" */
	BC_PAT_AUTHORITY,     /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ" */
	BC_PAT_APPENDIX,      /* "PHỤ LỤC I", "Phụ lục II", "PHỤ LỤC" */
	BC_PAT_ATTACH,        /* "(Kèm theo Báo cáo số 63 /BC-UBND ngày ...)" */
	BC_PAT_UNIT,          /* "Đơn vị tính: %" */
	BC_PAT_RULE,          /* "-----" */
	BC_PAT_PIPE_RULE,     /* "|---|:--:|" */
	BC_PAT_NOTE_DEF,      /* "[^1]: text" */
	BC_PAT_INLINE_DATE,   /* "ngày 13/11/2025", "ngày 05 tháng 3 năm 2026" */
	BC_PAT_DOC_REF,       /* "số 244/2025/QH15", "số 03 /CT-UBND" */
	BC_PAT_DATE_DIGITS,   /* "13/11/2025", "05 tháng 3 năm 2026": the date after "ngày" */
	/* the body of a decision or resolution (quyết định, nghị quyết) */
	BC_PAT_ARTICLE,       /* "Điều 1. ", "**Điều 2.** ", "Điều 3:": an article's label */
	BC_PAT_BASIS,         /* "Căn cứ ", "Xét ", "Theo đề nghị của ": a basis of the preamble */
	BC_PAT_ENACTING,      /* "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" alone on the line */
	BC_PAT_CHAPTER,       /* "Chương I", "CHƯƠNG II.", "Mục 1": group 1 the word, 2 the number */
	/* the closing */
	BC_PAT_SIGNING_DATE,  /* "Ngày 22 tháng 9 năm 2025", "Ngày    tháng 9 năm 2025": a form's box, dated when signed */
	BC_PAT_COUNT
} bc_pattern_id;

/* Matches pattern `id` anchored at the start of s[0..len).  On success returns
 * the number of capture pairs (>= 1) and fills ov[0..2*n) with byte offsets
 * (-1 for unset groups); returns 0 when it does not match. */
int bc_pattern_match(bc_pattern_id id, const char *s, size_t len, size_t *ov, int ovpairs);
/* Same, unanchored: finds the first match at or after offset `from`. */
int bc_pattern_search(bc_pattern_id id, const char *s, size_t len, size_t from, size_t *ov, int ovpairs);

/* Prepares matching (done on first use); each pattern is compiled when first used. */
void bc_patterns_init(void);
void bc_patterns_free(void);

#endif
