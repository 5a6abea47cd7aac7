#!/bin/sh
# selftest.sh — checks xcheck, fidelity and pdfrules' page-breaking rules on hand-written files, good and bad.
# Usage: BUILD=build sh tests/tools/selftest.sh   (run from the project root)
BUILD=${BUILD:-build}
D=tests/tools/selftest
XC="${BAOCAO_WRAP:-} $BUILD/tools/xcheck"
FI="${BAOCAO_WRAP:-} $BUILD/tools/fidelity"
TMP=${TMPDIR:-/tmp}/baocao-selftest.$$
pass=0
fail=0

result() { # name status
	if [ "$2" = 0 ]; then
		echo "ok selftest/$1"; pass=$((pass + 1))
	else
		echo "FAIL selftest/$1"; fail=$((fail + 1))
	fi
}

for t in "$BUILD/tools/xcheck" "$BUILD/tools/fidelity" "$BUILD/tools/pdfrules"; do
	if [ ! -x "$t" ]; then
		echo "FAIL selftest: $t not built (make tools)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# xcheck: every positive expectation holds
$XC $D/report.xml $D/report.expect >"$TMP" 2>&1
result xcheck-positive $?
# xcheck: every negative expectation fails, one FAIL line each, exit 1
$XC $D/report.xml $D/report-bad.expect >"$TMP" 2>&1
rc=$?
nexp=$(grep -cv '^[[:space:]]*\(#\|$\)' $D/report-bad.expect)
nfail=$(grep -c '^FAIL' "$TMP")
if [ $rc = 1 ] && [ "$nfail" = "$nexp" ] && ! grep -q '^ok' "$TMP"; then r=0; else r=1; cat "$TMP"; fi
result xcheck-negative $r
# xcheck: an unparsable XML file and an empty expectation file both fail
printf '<report xmlns="urn:baocao:report:1"><meta>' >"$TMP.xml"
$XC "$TMP.xml" $D/report.expect >"$TMP" 2>&1
[ $? = 1 ]; result xcheck-bad-xml $?
printf '# nothing\n' >"$TMP.expect"
$XC $D/report.xml "$TMP.expect" >"$TMP" 2>&1
[ $? = 1 ]; result xcheck-empty-expect $?

# fidelity: complete outputs pass
$FI $D/report.txt $D/report.xml >"$TMP" 2>&1
result fidelity-complete $?
$FI $D/report.txt $D/kept-repeat.xml >"$TMP" 2>&1
result fidelity-kept-repeat $?
$FI $D/meta.txt $D/meta.xml >"$TMP" 2>&1
result fidelity-metadata-superscripts $?

# fidelity: each damaged output fails and names the right place (line:col "word")
neg() { # name input xml expected-substring
	$FI "$D/$2" "$D/$3" >"$TMP" 2>&1
	rc=$?
	if [ $rc = 1 ] && grep -qF -- "$4" "$TMP"; then r=0; else r=1; cat "$TMP"; fi
	result "fidelity-$1" $r
}
neg lost-word report.txt lost-word.xml '18:13 "lý" missing'
neg order report.txt order.xml '12:24 "GRDP" out of order'
neg bad-repeat report.txt bad-repeat.xml '26:1 "<repeat>"'
neg lost-note report.txt lost-note.xml '20:14 "Ghi" missing'
neg diacritics report.txt diacritics.xml '34:1 "Lê" missing'
neg sup-split meta.txt sup-split.xml '7:16 "12"'

# pdfrules: the page-breaking rules on hand-made word positions.  A .spec
# file is "page", "line X0 Y0 X1 SIZE WORD..." (words spread from X0 to X1)
# or "mark X0 Y0 TEXT" (a raised 7 pt mark); it becomes the XHTML of
# pdftotext -bbox-layout on A4 (1.107 pt of box height per pt of size).
bbox() { # spec
	awk 'function out(s) { printf "%s\n", s }
	BEGIN { out("<html><body><doc>") }
	/^#/ || NF == 0 { next }
	$1 == "page" { if (open) out("</page>"); out("<page width=\"595.275570\" height=\"841.889770\">"); open = 1; next }
	$1 == "line" || $1 == "mark" {
		x0 = $2; y0 = $3
		if ($1 == "mark") { x1 = x0 + 3.6 * length($4); size = 7; first = 4 } else { x1 = $4; size = $5; first = 6 }
		y1 = y0 + size * 1.107; n = NF - first + 1; w = (x1 - x0 - 3 * (n - 1)) / n
		printf "<flow><block><line xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">\n", x0, y0, x1, y1
		for (i = first; i <= NF; i++) {
			a = x0 + (i - first) * (w + 3)
			printf "<word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">%s</word>\n", a, y0, a + w, y1, $i
		}
		out("</line></block></flow>")
	}
	END { if (open) out("</page>"); out("</doc></body></html>") }' "$1"
}
pr() { # name spec xml rule ok|FAIL
	bbox "$D/$2" >"$TMP.html"
	PDFRULES_BBOX="$TMP.html" $BUILD/tools/pdfrules "$1" none.pdf "$D/$3" >"$TMP" 2>&1
	if grep -q "^$5 $1/$4" "$TMP"; then r=0; else r=1; cat "$TMP"; fi
	result "pdfrules-$1" $r
}
pr heading-last heading-last.spec heading.xml heading-keep FAIL
pr heading-kept heading-kept.spec heading.xml heading-keep ok
pr orphan orphan.spec para.xml widows-orphans FAIL
pr widow widow.spec para.xml widows-orphans FAIL
pr widow-kept widow-kept.spec para.xml widows-orphans ok
pr note-away note-away.spec note.xml note-pages FAIL
pr note-here note-here.spec note.xml note-pages ok
pr draft-once draft-once.spec draft.xml draft-mark FAIL
pr draft-every draft-every.spec draft.xml draft-mark ok
pr not-draft draft-every.spec para.xml draft-mark FAIL
pr signature-split signature-split.spec signature.xml signature-page FAIL
pr signature-kept signature-kept.spec signature.xml signature-page ok

rm -f "$TMP" "$TMP.xml" "$TMP.expect" "$TMP.html"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
