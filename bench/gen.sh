#!/bin/sh
# gen.sh — reports of growing size for the scaling benchmark: a seed with its body repeated K times, or one table of N rows.
#
#   sh bench/gen.sh body SEED K     the seed with its body (from the first "I. " heading up to
#                                   "Nơi nhận:", or all but the first 10 lines) repeated K times;
#                                   nothing is renumbered, the parser does not care
#   sh bench/gen.sh table N         a report whose appendix is one table of N data rows
# The report goes to standard output.
set -eu
case "${1:-}" in
body)
	seed=$2
	k=$3
	awk -v k="$k" '
		{ line[NR] = $0 }
		start == 0 && /^I\. / { start = NR }
		start > 0 && stop == 0 && /^Nơi nhận/ { stop = NR }
		END {
			if (start == 0) start = (NR > 10 ? 11 : 1)
			if (stop == 0) stop = NR + 1
			for (i = 1; i < start; i++) print line[i]
			for (r = 0; r < k; r++)
				for (i = start; i < stop; i++) print line[i]
			for (i = stop; i <= NR; i++) print line[i]
		}' "$seed"
	;;
table)
	n=$2
	cat <<'HEAD'
ỦY BAN NHÂN DÂN
XÃ AN THẮNG

Số: 99/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

An Thắng, ngày 05 tháng 7 năm 2026

BÁO CÁO

**Số liệu hộ gia đình trên địa bàn xã**

I. TỔNG HỢP

Số liệu chi tiết tại Phụ lục I kèm theo Báo cáo này.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Hùng

PHỤ LỤC I

SỐ LIỆU HỘ GIA ĐÌNH
(Kèm theo Báo cáo số 99/BC-UBND ngày 05/7/2026 của Ủy ban nhân dân xã An Thắng)

STT	Thôn	Chủ hộ	Số nhân khẩu	Diện tích đất (m²)	Thu nhập bình quân (triệu đồng)	Ghi chú
HEAD
	awk -v n="$n" 'BEGIN {
		split("Đông Hà,Tây Sơn,Nam Thắng,Bắc Lý,Phú Hòa,An Lạc,Thượng Điền,Hạ Long,Tiên Hội", thon, ",")
		split("Nguyễn Văn An,Trần Thị Bình,Lê Văn Cường,Phạm Thị Dung,Hoàng Văn Đức,Vũ Thị Hạnh,Đặng Văn Khải", ho, ",")
		for (i = 1; i <= n; i++)
			printf "%d\t%s\t%s\t%d\t%d,%d\t%d,%d\t%s\n", i, thon[i % 9 + 1], ho[i % 7 + 1], i % 7 + 1,
			       120 + (i * 37) % 900, i % 10, 40 + (i * 13) % 160, (i * 7) % 10, (i % 11 == 0) ? "Hộ cận nghèo" : ""
	}'
	;;
*)
	echo "usage: sh bench/gen.sh body SEED K | table N" >&2
	exit 2
	;;
esac
