# longunits.sh — generators of documents whose one unit is taller than a page (sourced by tests/pdf.sh and tests/pathological.sh).
# Each gen_long_* takes a size and a file.  Words are numbered (tiêu1 … tiêuN) so that one lost word shows.

# The explicit form with one key repeated or made long: $3 is title, issuer, addressee, summary or authority.
gen_long_meta() {
	awk -v n="$1" -v k="$3" 'BEGIN {
		printf "---\n"
		if (k == "issuer") for (i = 1; i <= n; i++) printf "issuer: CƠ QUAN CẤP %d\n", i
		else printf "issuer: ỦY BAN NHÂN DÂN\nissuer: XÃ AN THẮNG\n"
		printf "number: 12\nsymbol: %s\nplace: An Thắng\ndate: 05/07/2026\n", k == "summary" ? "UBND-VP" : "BC-UBND"
		if (k == "summary") { printf "type: CÔNG VĂN\nsummary:"; for (i = 1; i <= n; i++) printf " trích%d", i; printf "\n" }
		else printf "type: BÁO CÁO\n"
		if (k == "title") { printf "title:"; for (i = 1; i <= n; i++) printf " tiêu%d", i; printf "\n" }
		else if (k != "summary") printf "title: Kết quả thực hiện nhiệm vụ\n"
		if (k == "addressee") for (i = 1; i <= n; i++) printf "addressee: Ủy ban nhân dân xã số %d\n", i
		if (k == "authority") for (i = 1; i <= n; i++) printf "authority: KT. CẤP KÝ %d\n", i
		else printf "authority: TM. ỦY BAN NHÂN DÂN\n"
		printf "position: CHỦ TỊCH\nsigner: Trần Đức Minh\n---\n\nNội dung báo cáo.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
	}' >"$2"
}
gen_long_title() { gen_long_meta "$1" "$2" title; }            # a title of $1 words
gen_long_issuer() { gen_long_meta "$1" "$2" issuer; }          # $1 issuer lines
gen_long_addressees() { gen_long_meta "$1" "$2" addressee; }   # "Kính gửi" and $1 addressees
gen_long_summary() { gen_long_meta "$1" "$2" summary; }        # a dispatch's V/v of $1 words
gen_long_signature() { gen_long_meta "$1" "$2" authority; }    # a signature block of $1 authority lines
# a table whose header row holds $1 words
gen_long_head_row() {
	awk -v n="$1" 'BEGIN { printf "| TT | Nội dung:"; for (i = 1; i <= n; i++) printf " cột%d", i; printf " |\n|:--:|----|\n| 1 | Một |\n| 2 | Hai |\n" }' >"$2"
}
# $1 recipients beside a signature of $1 / 4 authority lines: both columns over pages
gen_long_closing() {
	awk -v n="$1" 'BEGIN {
		printf "---\nissuer: ỦY BAN NHÂN DÂN\nissuer: XÃ AN THẮNG\nnumber: 12\nsymbol: BC-UBND\ntype: BÁO CÁO\ntitle: Kết quả\n"
		for (i = 1; i <= n / 4; i++) printf "authority: KT. CẤP KÝ %d\n", i
		printf "position: CHỦ TỊCH\nsigner: Trần Đức Minh\n---\n\nNội dung báo cáo.\n\nNơi nhận:\n"
		for (i = 1; i <= n; i++) printf "- Nơi nhận số %d;\n", i
	}' >"$2"
}
