#!/bin/sh
# roundtrip.sh — the samples and seeds printed to PDF by the compiler, read back through each PDF text extractor at hand, against the facts of the clean text.
# For every sample (samples/*.txt) and seed (../shared/seeds), `baocao pdf` makes the PDF; pdftotext
# (default, -layout, -raw), mutool (mupdf-tools) and pdf2txt (pdfminer) turn it back into text, the
# shapes real documents arrive in.  The facts the compiler reads in the clean text (tests/corpus.sh
# --facts: type, number, symbol, date, issuer, title, signer, recipients, headings, tables) are the
# expected values for every copy, and every word of a copy must reach its XML: the issue's "same tree
# when a document is rewritten into another realistic shape", with real converters.  Prints, per
# extractor, the fields right and those that are not.
# Usage: bench/roundtrip.sh   (make roundtrip-report).  Env: BUILD, BAOCAO_SEEDS, BAOCAO_CORPUS; ALL=1
# adds the corpus's readable texts; KEEP=DIR keeps the PDFs, texts and data.  Not part of
# `make test`: mutool and pdf2txt are not among the packages CI installs; a missing one is skipped.
BUILD=${BUILD:-build}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
CORPUS=${BAOCAO_CORPUS:-../shared/corpus}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
. bench/pdftext.sh
mkdir -p "$T/pdf" "$T/expect"
srcs=$(ls samples/*.txt 2>/dev/null)
if [ -d "$SEEDS" ]; then
	srcs="$srcs $(ls "$SEEDS"/* 2>/dev/null)"
else
	echo "# $SEEDS not found: no seeds"
fi
# the corpus's readable texts too (ALL=1): printed by the compiler, as an office using it would send them
if [ -n "$ALL" ] && [ -d "$CORPUS" ]; then
	for e in tests/corpus/*.expect; do
		grep -q '^readable: no' "$e" && continue
		f=$(sed -n 's/^file: *//p' "$e")
		[ -f "$CORPUS/$f" ] && srcs="$srcs $CORPUS/$f"
	done
fi
n=0
for src in $srcs; do
	n=$((n + 1))
	nn=$(printf 'r%02d' "$n")
	if ! "$BUILD/baocao" pdf "$src" -o "$T/pdf/$nn.pdf" 2>/dev/null; then
		echo "# $src: no PDF"
		continue
	fi
	sh tests/corpus.sh --facts "$src" | sed "1s/.*/file: $nn.txt/" >"$T/expect/$nn.expect" || rm -f "$T/expect/$nn.expect"
	echo "# $nn: $src"
done
for conv in $PDF_EXTRACTORS; do
	case $conv in
	pdftotext*) tool=pdftotext ;;
	mutool) tool=mutool ;;
	pdfminer) tool=pdf2txt ;;
	esac
	if ! have "$tool"; then
		echo "$conv: $tool not found"
		continue
	fi
	out="$T/$conv"
	mkdir -p "$out"
	for e in "$T"/expect/*.expect; do
		nn=$(basename "$e" .expect)
		pdf="$T/pdf/$nn.pdf"
		pdf_text "$conv" "$pdf" "$out/$nn.txt"
	done
	tally "$conv" "$out" "$T/expect" "$T/$conv.out"
done
finish extractors
exit 0
