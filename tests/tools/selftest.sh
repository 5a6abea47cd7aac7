#!/bin/sh
# selftest.sh — checks xcheck and fidelity on hand-written files, good and bad.
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

for t in "$BUILD/tools/xcheck" "$BUILD/tools/fidelity"; do
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

rm -f "$TMP" "$TMP.xml" "$TMP.expect"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
