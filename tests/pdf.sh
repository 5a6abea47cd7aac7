#!/bin/sh
# pdf.sh — the PDF rule suite: every seed and sample compiled to PDF and checked rule by rule (build/tools/pdfrules), plus generated stress inputs.
# Usage: BUILD=build sh tests/pdf.sh   (run from the project root; BAOCAO_SEEDS overrides ../shared/seeds)
BUILD=${BUILD:-build}
BC="${BAOCAO_WRAP:-} $BUILD/baocao"
RULES=$BUILD/tools/pdfrules
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
TMP=${TMPDIR:-/tmp}/baocao-pdf.$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { echo "ok $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

for t in "$BUILD/baocao" "$RULES"; do
	if [ ! -x "$t" ]; then
		echo "FAIL pdf: $t not built (make tools)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# Compiles one input to PDF and XML, then runs the rules; counts each rule's line.
check_doc() { # name input
	if ! $BC pdf "$2" -o "$TMP/$1.pdf" >"$TMP/$1.err" 2>&1; then
		bad "$1/compile: $(head -3 "$TMP/$1.err")"
		return
	fi
	ok "$1/compile"
	$BC xml "$2" -o "$TMP/$1.xml" >/dev/null 2>&1
	# poppler must read the file without a single warning (ToUnicode maps, fonts)
	w=$( { pdftotext "$TMP/$1.pdf" /dev/null; pdffonts "$TMP/$1.pdf" >/dev/null; } 2>&1 | head -2)
	if [ -z "$w" ]; then ok "$1/poppler-silent"; else bad "$1/poppler-silent: $w"; fi
	"$RULES" "$1" "$TMP/$1.pdf" "$TMP/$1.xml" >"$TMP/$1.rules" 2>&1
	cat "$TMP/$1.rules"
	p=$(grep -c '^ok ' "$TMP/$1.rules")
	f=$(grep -c '^FAIL ' "$TMP/$1.rules")
	pass=$((pass + p))
	fail=$((fail + f))
	[ "$p" -gt 0 ] || bad "$1/rules: no rule ran"
}

if [ -d "$SEEDS" ]; then
	for s in "$SEEDS"/*.txt; do
		[ -f "$s" ] || continue
		n=$(basename "$s" .txt)
		check_doc "seed-${n%%_*}" "$s"
	done
else
	echo "# seeds absent ($SEEDS): only the samples"
fi
for s in samples/*.txt; do
	check_doc "sample-$(basename "$s" .txt)" "$s"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
