/* skeleton.c — the explicit-form skeletons of `baocao init`, one a kind with a template, each a draft that compiles as it is. */
#include "skeleton.h"

#include <string.h>

/*
 * Every value is a valid sample (the commune of samples/, a signer's name
 * to replace), so that `baocao pdf` and `baocao check` accept the file before
 * a word is changed: the clerk edits a document that works instead of
 * filling in one that does not.  A draft (draft: yes) with no number and a
 * blank day, as a document is before it is signed; the comment lines say
 * what to change.
 */
#define META_HEAD                                                                                  \
	"---\n"                                                                                        \
	"# Khối siêu dữ liệu thay cho phần đầu văn bản (grammar/FORMAT.md §11).\n"                     \
	"# Sửa các giá trị mẫu; dòng bắt đầu bằng # là ghi chú, không được in.\n"                     \
	"issuer: ỦY BAN NHÂN DÂN\n"                                                                    \
	"issuer: XÃ AN THẮNG\n"                                                                        \
	"# Số để trống khi còn là dự thảo; ngày để .. khi chưa ký.\n"                                  \
	"number:\n"

#define META_DATE                                                                                  \
	"place: An Thắng\n"                                                                            \
	"date: ../01/2026\n"                                                                           \
	"draft: yes\n"

#define META_SIGN(authority, position)                                                             \
	"authority: " authority "\n"                                                                   \
	"position: " position "\n"                                                                     \
	"signer: Nguyễn Văn An\n"                                                                      \
	"---\n\n"

#define RECIPIENTS(first)                                                                          \
	"\nNơi nhận:\n"                                                                                \
	"- " first ";\n"                                                                               \
	"- Thường trực Đảng ủy xã;\n"                                                                  \
	"- Lưu: VT, VP.\n"

/* A Party document (Hướng dẫn 36-HD/VPTW): "family: party" gives the Party's
 * motto and number; the commune's Party committee issues and signs it (T/M
 * for a collective body); Nơi nhận as the guide writes it, each place ending
 * with a comma, the last with a full stop, "Lưu Văn phòng …" without a colon;
 * the text ends with a full stop (no "./."). */
#define PARTY_HEAD                                                                                 \
	"---\n"                                                                                        \
	"# Khối siêu dữ liệu thay cho phần đầu văn bản (grammar/FORMAT.md §11).\n"                     \
	"# Văn bản của Đảng (Hướng dẫn 36-HD/VPTW): family: party.\n"                                 \
	"# Sửa các giá trị mẫu; dòng bắt đầu bằng # là ghi chú, không được in.\n"                     \
	"family: party\n"                                                                              \
	"issuer: ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\n"                                                         \
	"issuer: ĐẢNG ỦY XÃ AN THẮNG\n"                                                                \
	"# Số để trống khi còn là dự thảo; ngày để .. khi chưa ký.\n"                                  \
	"number:\n"

#define PARTY_RECIPIENTS                                                                           \
	"\nNơi nhận:\n"                                                                                \
	"- Ban Thường vụ Thành ủy (để báo cáo),\n"                                                      \
	"- Các đồng chí Đảng ủy viên,\n"                                                               \
	"- Các chi bộ trực thuộc,\n"                                                                   \
	"- Lưu Văn phòng Đảng ủy.\n"

static const bc_skeleton skeletons[] = {
	{ "bao-cao", "Báo cáo",
	  META_HEAD "symbol: BC-UBND\n" META_DATE "type: BÁO CÁO\n"
	  "title: Kết quả thực hiện nhiệm vụ tháng 01 năm 2026\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, Ủy ban nhân dân xã An Thắng\n"
	  "báo cáo kết quả thực hiện nhiệm vụ tháng 01 năm 2026 như sau:\n\n"
	  "## I. KẾT QUẢ THỰC HIỆN\n\n"
	  "### 1. Công tác chỉ đạo, điều hành\n\n"
	  "Nội dung kết quả đạt được.\n\n"
	  "### 2. Tồn tại, hạn chế và nguyên nhân\n\n"
	  "Nội dung tồn tại, hạn chế.\n\n"
	  "## II. NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026\n\n"
	  "Nội dung nhiệm vụ thời gian tới.\n\n"
	  "## III. KIẾN NGHỊ, ĐỀ XUẤT\n\n"
	  "Nội dung kiến nghị (nếu có).\n\n"
	  "Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng 01 năm 2026 của Ủy ban\n"
	  "nhân dân xã An Thắng./.\n"
	  RECIPIENTS("UBND thành phố Hải Phòng") },
	{ "cong-van", "Công văn",
	  META_HEAD "symbol: UBND-VP\n" META_DATE "type: CÔNG VĂN\n"
	  "summary: triển khai nhiệm vụ tháng 01 năm 2026\n"
	  "addressee: Các phòng chuyên môn thuộc Ủy ban nhân dân xã\n"
	  META_SIGN("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	  "Ủy ban nhân dân xã An Thắng đề nghị các cơ quan, đơn vị thực hiện các nội dung\n"
	  "sau:\n\n"
	  "1. Nội dung thứ nhất.\n\n"
	  "2. Nội dung thứ hai.\n\n"
	  "Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.\n"
	  "\nNơi nhận:\n"
	  "- Như trên;\n"
	  "- Chủ tịch, các Phó Chủ tịch UBND xã;\n"
	  "- Lưu: VT, VP.\n" },
	{ "to-trinh", "Tờ trình",
	  META_HEAD "symbol: TTr-UBND\n" META_DATE "type: TỜ TRÌNH\n"
	  "title: Về việc phê duyệt kế hoạch năm 2026\n"
	  "addressee: Hội đồng nhân dân xã An Thắng\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
	  "Ủy ban nhân dân xã An Thắng kính trình Hội đồng nhân dân xã xem xét, phê duyệt\n"
	  "kế hoạch năm 2026 như sau:\n\n"
	  "## I. SỰ CẦN THIẾT\n\n"
	  "Nội dung sự cần thiết.\n\n"
	  "## II. NỘI DUNG ĐỀ NGHỊ\n\n"
	  "Nội dung đề nghị.\n\n"
	  "Ủy ban nhân dân xã An Thắng kính trình Hội đồng nhân dân xã xem xét, quyết\n"
	  "định./.\n"
	  RECIPIENTS("Như trên") },
	{ "ke-hoach", "Kế hoạch",
	  META_HEAD "symbol: KH-UBND\n" META_DATE "type: KẾ HOẠCH\n"
	  "title: Thực hiện nhiệm vụ năm 2026\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "Ủy ban nhân dân xã An Thắng ban hành Kế hoạch thực hiện nhiệm vụ năm 2026 như\n"
	  "sau:\n\n"
	  "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
	  "### 1. Mục đích\n\n"
	  "Nội dung mục đích.\n\n"
	  "### 2. Yêu cầu\n\n"
	  "Nội dung yêu cầu.\n\n"
	  "## II. NHIỆM VỤ, GIẢI PHÁP\n\n"
	  "Nội dung nhiệm vụ, giải pháp.\n\n"
	  "## III. TỔ CHỨC THỰC HIỆN\n\n"
	  "Các cơ quan, đơn vị căn cứ Kế hoạch này tổ chức thực hiện./.\n"
	  RECIPIENTS("UBND thành phố Hải Phòng") },
	{ "quyet-dinh", "Quyết định",
	  META_HEAD "symbol: QĐ-UBND\n" META_DATE "type: QUYẾT ĐỊNH\n"
	  "title: Về việc thành lập Tổ công tác năm 2026\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THẮNG\n\n"
	  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
	  "Theo đề nghị của Chánh Văn phòng HĐND và UBND xã.\n\n"
	  "QUYẾT ĐỊNH:\n\n"
	  "Điều 1. Thành lập Tổ công tác năm 2026 của xã An Thắng.\n\n"
	  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
	  "Điều 3. Chánh Văn phòng HĐND và UBND xã và các cơ quan, đơn vị có liên quan\n"
	  "chịu trách nhiệm thi hành Quyết định này./.\n"
	  "\nNơi nhận:\n"
	  "- Như Điều 3;\n"
	  "- Lưu: VT, VP.\n" },
	{ "chi-thi", "Chỉ thị",
	  META_HEAD "symbol: CT-UBND\n" META_DATE "type: CHỈ THỊ\n"
	  "title: Về việc tăng cường công tác năm 2026\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "Nội dung tình hình và lý do ban hành Chỉ thị.\n\n"
	  "Chủ tịch Ủy ban nhân dân xã An Thắng yêu cầu:\n\n"
	  "1. Các phòng chuyên môn thuộc Ủy ban nhân dân xã thực hiện nội dung thứ nhất.\n\n"
	  "2. Trưởng các thôn thực hiện nội dung thứ hai.\n\n"
	  "Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện Chỉ thị này./.\n"
	  RECIPIENTS("UBND thành phố Hải Phòng") },
	{ "chuong-trinh", "Chương trình",
	  META_HEAD "symbol: CTr-UBND\n" META_DATE "type: CHƯƠNG TRÌNH\n"
	  "title: Công tác năm 2026\n"
	  META_SIGN("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
	  "## I. MỤC TIÊU\n\n"
	  "Nội dung mục tiêu.\n\n"
	  "## II. NHIỆM VỤ TRỌNG TÂM\n\n"
	  "Nội dung nhiệm vụ.\n\n"
	  "## III. TỔ CHỨC THỰC HIỆN\n\n"
	  "Các cơ quan, đơn vị căn cứ Chương trình này tổ chức thực hiện./.\n"
	  RECIPIENTS("UBND thành phố Hải Phòng") },
	{ "bao-cao-dang", "Báo cáo (văn bản của Đảng)",
	  PARTY_HEAD "symbol: BC/ĐU\n" META_DATE "type: BÁO CÁO\n"
	  "title: Kết quả lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2026\n"
	  META_SIGN("T/M ĐẢNG ỦY", "BÍ THƯ")
	  "Ban Thường vụ Đảng ủy xã An Thắng báo cáo kết quả lãnh đạo thực hiện nhiệm vụ\n"
	  "tháng 01 năm 2026 như sau:\n\n"
	  "I- KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO\n\n"
	  "1. Công tác xây dựng Đảng\n\n"
	  "Nội dung kết quả đạt được.\n\n"
	  "2. Lãnh đạo thực hiện nhiệm vụ chính trị\n\n"
	  "Nội dung kết quả đạt được.\n\n"
	  "II- NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026\n\n"
	  "Nội dung nhiệm vụ thời gian tới.\n"
	  PARTY_RECIPIENTS },
	{ "ke-hoach-dang", "Kế hoạch (văn bản của Đảng)",
	  PARTY_HEAD "symbol: KH/ĐU\n" META_DATE "type: KẾ HOẠCH\n"
	  "title: Học tập, quán triệt nghị quyết năm 2026\n"
	  META_SIGN("T/M ĐẢNG ỦY", "BÍ THƯ")
	  "Ban Chấp hành Đảng bộ xã An Thắng ban hành Kế hoạch học tập, quán triệt nghị\n"
	  "quyết năm 2026 như sau:\n\n"
	  "I- MỤC ĐÍCH, YÊU CẦU\n\n"
	  "1. Mục đích\n\n"
	  "Nội dung mục đích.\n\n"
	  "2. Yêu cầu\n\n"
	  "Nội dung yêu cầu.\n\n"
	  "II- TỔ CHỨC THỰC HIỆN\n\n"
	  "Các chi bộ căn cứ Kế hoạch này tổ chức thực hiện.\n"
	  PARTY_RECIPIENTS },
	{ "chuong-trinh-dang", "Chương trình hành động (văn bản của Đảng)",
	  PARTY_HEAD "symbol: CTr/ĐU\n" META_DATE "type: CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
	  "title: Thực hiện nghị quyết năm 2026\n"
	  META_SIGN("T/M ĐẢNG ỦY", "BÍ THƯ")
	  "I- MỤC TIÊU\n\n"
	  "Nội dung mục tiêu.\n\n"
	  "II- NHIỆM VỤ, GIẢI PHÁP\n\n"
	  "Nội dung nhiệm vụ, giải pháp.\n\n"
	  "III- TỔ CHỨC THỰC HIỆN\n\n"
	  "Các chi bộ căn cứ Chương trình này tổ chức thực hiện.\n"
	  PARTY_RECIPIENTS },
};

const bc_skeleton *bc_skeletons(size_t *count)
{
	*count = sizeof skeletons / sizeof skeletons[0];
	return skeletons;
}

const bc_skeleton *bc_skeleton_find(const char *type)
{
	for (size_t i = 0; i < sizeof skeletons / sizeof skeletons[0]; i++)
		if (strcmp(skeletons[i].type, type) == 0)
			return &skeletons[i];
	return NULL;
}
