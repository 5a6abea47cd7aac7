#!/bin/sh
# pathological.sh — hostile inputs at two sizes (N and 4N): each finishes in time and no case grows worse than linearly.
# Env: BUILD (build tree), BAOCAO_WRAP (set by make valgrind: the suite is skipped, memcheck is 30x slower),
#      PATHO_ONLY (run the cases whose name contains it), PATHO_VERBOSE (print every timing).
# A case fails when the 4N run takes more than RATIO_MAX times the N run's CPU time (linear: ~4,
# quadratic: ~16); times under 0.05 s at the small size are noise and only the time limit applies.
BUILD=${BUILD:-build}
B="$BUILD/baocao"
if [ -n "${BAOCAO_WRAP:-}" ]; then
	echo "SKIP pathological: not under $BAOCAO_WRAP (timings would be memcheck's; make test and make sanitize run it)"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
RATIO_MAX=8
LIMIT=${PATHO_LIMIT:-60}
# The sanitizer build is 2-5x slower; its limits are scaled, the ratios are not.
case "$BUILD" in *san*) LIMIT=$((LIMIT * 3)) ;; esac
BAOCAO_DATADIR=$(pwd)
export BAOCAO_DATADIR

# cpu CMD...: runs CMD under the time limit; sets $secs (user+sys CPU seconds, children
# included) and $rc.  `times` is POSIX, so no /usr/bin/time is needed.
cpu() {
	out=$(sh -c 'timeout '"$LIMIT"' "$@" >/dev/null 2>"'"$T"'/err"; echo "rc $?"; times' sh "$@")
	rc=$(printf '%s\n' "$out" | sed -n 's/^rc //p')
	# the last line of `times` is the children's "XmY.YYs XmZ.ZZs"
	secs=$(printf '%s\n' "$out" | tail -1 | awk '{
		t = 0
		for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] }
		printf "%.2f", t }')
}

# run NAME GEN N CMD STATUSES [words]: generates the input at N and 4N with GEN (a shell function
# taking the size and the file), runs `baocao CMD` on each, and checks the exit status
# (one of STATUSES, e.g. "0 1"), the time limit and the ratio; with `words` (pdf), that every
# word of the XML is on paper at both sizes (build/tools/pdfwords).
run() {
	name=$1 gen=$2 n=$3 cmd=$4 ok_status=$5 words=${6:-}
	case "$name" in *"${PATHO_ONLY:-}"*) ;; *) return ;; esac
	n4=$((n * 4))
	[ -f "$T/$gen.$n" ] || "$gen" "$n" "$T/$gen.$n"
	[ -f "$T/$gen.$n4" ] || "$gen" "$n4" "$T/$gen.$n4"
	set -- xml
	case $cmd in
	pdf) args="pdf -o $T/out.pdf" ;;
	template) args="pdf -o $T/out.pdf $T/tpl-input.txt --template" ;;
	xml) args="xml -o $T/out.xml" ;;
	check) args="check" ;;
	esac
	cpu $B $args "$T/$gen.$n"
	rc1=$rc t1=$secs
	cpu $B $args "$T/$gen.$n4"
	rc4=$rc t4=$secs
	ratio=$(awk -v a="$t1" -v b="$t4" 'BEGIN { if (a < 0.005) a = 0.005; printf "%.1f", b / a }')
	what="$name $cmd: N=$n ${t1}s, 4N=$n4 ${t4}s, ratio $ratio"
	for r in $rc1 $rc4; do
		if [ "$r" -eq 124 ]; then
			echo "FAIL $what: over the ${LIMIT}s limit"
			fail=$((fail + 1))
			return
		fi
		case " $ok_status " in
		*" $r "*) ;;
		*)
			echo "FAIL $what: exit $r, expected one of $ok_status"
			sed 's/^/    /' "$T/err" | head -3
			fail=$((fail + 1))
			return
			;;
		esac
	done
	if awk -v a="$t1" -v b="$t4" -v m="$RATIO_MAX" 'BEGIN { exit !(a >= 0.05 && b > a * m) }'; then
		echo "FAIL $what: more than ${RATIO_MAX}x for 4x the input (quadratic?)"
		fail=$((fail + 1))
		return
	fi
	if [ "$words" = words ]; then
		for size in $n $n4; do
			$B xml "$T/$gen.$size" -o "$T/words.xml" 2>/dev/null
			$B pdf "$T/$gen.$size" -o "$T/words.pdf" 2>/dev/null
			if ! r=$("$BUILD/tools/pdfwords" "$T/words.xml" "$T/words.pdf" 2>&1); then
				echo "FAIL $what: at $size, $r"
				fail=$((fail + 1))
				return
			fi
		done
		what="$what, no word lost"
	fi
	echo "ok $what"
	pass=$((pass + 1))
}

# ---- generators: $1 the size, $2 the file

# units taller than a page: gen_long_title, _issuer, _addressees, _summary, _signature, _head_row, _closing
. tests/tools/longunits.sh

# labels of every kind, nested as deep as the format allows, again and again
gen_labels() {
	awk -v n="$1" 'BEGIN {
		split("I.|1.|1.1.|1.1.1.|a)|(1)|*)", k, "|")
		for (i = 0; i < n; i++) printf "%s Mục số %d\n", k[i % 7 + 1], i
	}' >"$2"
}
# unclosed ** and <b>, all on one line
gen_unclosed() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "** <b> "; printf "\n" }' >"$2"
}
# the same, one opener per line of one paragraph
gen_unclosed_lines() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "chữ **đậm <b>đậm chữ<i> nghiêng\n" }' >"$2"
}
# footnote marks that no note defines, ten to a line, in one paragraph
gen_marks() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "từ%s%s", (i % 2 ? "¹" : "<sup>2</sup>"), (i % 10 ? " " : "\n") }' >"$2"
}
# a line of $1 bytes
gen_line() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n / 5; i++) printf "chữ "; printf "\n" }' >"$2"
}
# a table of two rows, $1 columns (over the column limit: refused, exit 1)
gen_wide() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++) printf "c%d%s", i, (i < n - 1 ? "\t" : "\n")
		for (i = 0; i < n; i++) printf "%d%s", i, (i < n - 1 ? "\t" : "\n")
	}' >"$2"
}
# a pipe table 500 columns wide (just under the limit), $1 rows
gen_wide_ok() {
	awk -v n="$1" 'BEGIN {
		for (r = 0; r < n; r++) { for (i = 0; i < 500; i++) printf "| %d ", i; printf "|\n"
			if (r == 0) { for (i = 0; i < 500; i++) printf "|---"; printf "|\n" } }
	}' >"$2"
}
# one-cell tables, one after the other
gen_onecell() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "| ô %d |\n\n", i }' >"$2"
}
# blank lines between two paragraphs
gen_blank() {
	awk -v n="$1" 'BEGIN { printf "Đầu.\n"; for (i = 0; i < n; i++) printf "\n"; printf "Cuối.\n" }' >"$2"
}
# a table whose every row repeats the header, each after a page break
gen_repeat() {
	awk -v n="$1" 'BEGIN {
		printf "TT\tNội dung\tSố lượng\tGhi chú\n1\tMột\t7.944,5\tx\n"
		for (i = 0; i < n; i++) printf "\nTT\tNội dung\tSố lượng\tGhi chú\n"
	}' >"$2"
}
# the same without page breaks: header repeats inside the table
gen_repeat_tight() {
	awk -v n="$1" 'BEGIN { for (i = 0; i <= n; i++) printf "TT\tNội dung\tSố lượng\tGhi chú\n" }' >"$2"
}
# a long table with group rows and numbers
gen_rows() {
	awk -v n="$1" 'BEGIN {
		printf "TT\tNội dung\tSố lượng\tGhi chú\n"
		for (i = 1; i <= n; i++) {
			if (i % 100 == 1) printf "%d\tNhóm %d\n", i / 100 + 1, i
			printf "%d\tMục %d\t%d.%03d,5\t\n", i, i, i, i % 1000
		}
	}' >"$2"
}
# paragraphs cut by page breaks: every lower-case paragraph resumes the one before
# headers of tables one cell per paragraph (restore/cells.c), each with a row 1 that never ends: every header
# looks at the paragraphs after it
gen_cell_heads() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "TT\n\nNội dung\n\nĐơn vị\n\n1\n\nRà soát hồ sơ ở xã Hòa\n\n" }' >"$2"
}
# a PDF's text with "TT" over its numbers, then column blocks that never split right (restore/cells.c)
gen_cell_columns() {
	awk -v n="$1" 'BEGIN { printf "\f"; for (i = 0; i < n; i++) printf "TT\n1\n2\n\nTên\nA\n\n" }' >"$2"
}
# a PDF's text: one line of N words each with its note's mark glued ("từ7"), then N note lines at the
# page's foot ("7 Chú thích số 7."): every note found (restore/footnotes.c), each page's foot read once
gen_pdf_notes() {
	awk -v n="$1" 'BEGIN { printf "\f"; for (i = 1; i <= n; i++) printf "từ%d ", i; printf "\n"
		for (i = 1; i <= n; i++) printf "%d Chú thích số %d.\n", i, i; printf "\f" }' >"$2"
}
# a table of figures read a row a line (pdftotext -raw): N rows under one header, then N headers each
# over its page's rows numbering on (a table going on over N page breaks)
gen_figure_rows() {
	awk -v n="$1" 'BEGIN { printf "TT Nội dung\nDự toán\nnăm 2026\nTỷ lệ (%%)\n"
		for (i = 1; i <= n; i++) printf "%d Khoản thu của xã 1.%03d,5 %d,%d%%\n", i, i % 1000, i % 100, i % 10
		for (i = n + 1; i <= 2 * n; i++) printf "\fTT Nội dung\nDự toán\nnăm 2026\nTỷ lệ (%%)\n%d Khoản thu của xã 2.000 5,0%%\n", i; printf "\f" }' >"$2"
}
# N pages of a PDF's text, each with its running line ("DỰ THẢO" and the page's number) at its foot
gen_running() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "Đoạn văn của trang %d nối sang trang sau\n%d DỰ THẢO\n\f", i, i }' >"$2"
}
gen_splits() {
	awk -v n="$1" 'BEGIN { printf "Đoạn văn bắt đầu\n\n"; for (i = 0; i < n; i++) printf "tiếp tục đoạn văn %d\n\n", i }' >"$2"
}
# a long list of bullets and sub-bullets
gen_bullets() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s mục %d;\n", (i % 3 ? "+" : "-"), i }' >"$2"
}
# notes defined far away from their references, many of each
gen_notes() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++) printf "Đoạn %d có chú thích[^%d].\n\n", i, i
		for (i = 1; i <= n; i++) printf "[^%d]: Chú thích %d.\n", i, i
	}' >"$2"
}
# notes referenced only from notes, each from the one before, the last from the first (a cycle), the
# body referencing the first: every note set once, the chain at the foot of the pages from the reference
# on (a set of the notes placed, not a list searched; a worklist, not recursion)
gen_note_cycle() {
	awk -v n="$1" 'BEGIN {
		printf "Đoạn mở đầu có chú thích[^1].\n\n"
		for (i = 1; i <= n; i++) printf "[^%d]: Chú thích %d dẫn tới chú thích sau[^%d].\n", i, i, i % n + 1
	}' >"$2"
}

# a template (the file given to --template, with a fixed input) whose draft mark repeats a 4 000-byte
# entity $1 times: libxml2's xmlNodeListGetString, which read attributes, took time quadratic in the text
# (2000/8000 references: 1.1/8.5 s, a 111 KB template over 10 minutes); now every attribute is read in
# linear time and refused past 1 024 bytes
gen_template() {
	awk -v n="$1" 'BEGIN {
		e = sprintf("%4000s", ""); gsub(/ /, "x", e)
		printf "<!DOCTYPE template [<!ENTITY a \"%s\">]>\n<template name=\"t\">\n  <draft size=\"14\" text=\"", e
		for (i = 0; i < n; i++) printf "&a;"
		printf "\"/>\n</template>\n"
	}' >"$2"
}
printf 'BÁO CÁO\n\nVề việc thử\n\nI. MỞ ĐẦU\n\nNội dung.\n' >"$T/tpl-input.txt"

#    name                gen                 N        cmd    statuses
run labels               gen_labels          25000    xml    "0 1"
run labels               gen_labels          25000    check  "0 1"
run labels-pdf           gen_labels          10000    pdf    "0 1"
run unclosed             gen_unclosed        12500    xml    "0"
run unclosed             gen_unclosed        12500    check  "0 1"
run unclosed-pdf         gen_unclosed        12500    pdf    "0"
run unclosed-lines       gen_unclosed_lines  12500    xml    "0"
run unclosed-lines       gen_unclosed_lines  12500    check  "0 1"
run marks                gen_marks           25000    xml    "0"
run marks                gen_marks           25000    check  "0 1"
run marks-pdf            gen_marks           25000    pdf    "0"
run long-line            gen_line            2500000  xml    "0"
run long-line            gen_line            2500000  check  "0 1"
run long-line-pdf        gen_line            250000   pdf    "0"
run wide-table           gen_wide            2500     xml    "1"
run wide-table           gen_wide            2500     check  "1"
run wide-table-ok        gen_wide_ok         25       xml    "0"
run wide-table-ok        gen_wide_ok         25       check  "0 1"
run one-cell-tables      gen_onecell         25000    xml    "0"
run one-cell-tables      gen_onecell         25000    check  "0 1"
run one-cell-tables-pdf  gen_onecell         2500     pdf    "0"
run blank-lines          gen_blank           250000   xml    "0"
run blank-lines          gen_blank           250000   check  "0 1"
run blank-lines-pdf      gen_blank           250000   pdf    "0"
run repeated-header      gen_repeat          10000    xml    "0"
run repeated-header      gen_repeat          10000    check  "0 1"
run repeated-header-pdf  gen_repeat          2500     pdf    "0"
run repeated-tight       gen_repeat_tight    10000    xml    "0"
run repeated-tight       gen_repeat_tight    10000    check  "0 1"
run table-rows           gen_rows            25000    xml    "0"
run table-rows           gen_rows            25000    check  "0 1"
run table-rows-pdf       gen_rows            5000     pdf    "0"
run cell-heads           gen_cell_heads      5000     check  "0 1"
run cell-columns         gen_cell_columns    10000    check  "0 1"
run pdf-notes            gen_pdf_notes       10000    check  "0 1"
run running-lines        gen_running         10000    check  "0 1"
run figure-rows          gen_figure_rows     10000    check  "0 1"
run figure-rows          gen_figure_rows     5000     xml    "0 1"
run page-splits          gen_splits          25000    xml    "0"
run page-splits          gen_splits          25000    check  "0 1"
run bullets              gen_bullets         25000    xml    "0"
run bullets              gen_bullets         25000    check  "0 1"
run notes                gen_notes           10000    xml    "0 1"
run notes                gen_notes           10000    check  "0 1"
run notes-pdf            gen_notes           2500     pdf    "0 1"
run note-cycle-pdf       gen_note_cycle      2500     pdf    "0 1"   words
run template-entities    gen_template        3000     template "1"
# one unit taller than a page, broken across pages (issue 13): every word on paper
run long-title           gen_long_title      25000    pdf    "0"     words
run long-issuer          gen_long_issuer     2500     pdf    "0"     words
run long-addressees      gen_long_addressees 2500     pdf    "0"     words
run long-summary         gen_long_summary    25000    pdf    "0"     words
run long-signature       gen_long_signature  2500     pdf    "0"     words
run long-head-row        gen_long_head_row   25000    pdf    "0"     words
run long-closing         gen_long_closing    2500     pdf    "0"     words

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
