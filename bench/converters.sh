#!/bin/sh
# converters.sh — the corpus's Word files as each converter at hand writes them, against what a clerk reads in them.
# Each tests/converted/NN.expect names a Word file of ../shared/corpus (`source:`) and the facts read from it by
# hand (format of tests/corpus/README.md).  Every converter found on the machine turns the file into text:
# docx2txt; pandoc to plain text, GFM and Markdown; LibreOffice to PDF, then pdftotext in its default mode,
# -layout and -raw, mutool (mupdf-tools) and pdf2txt (pdfminer).  tests/corpus.sh then compares each text's facts (and, with the fidelity tool built, that
# every word reaches the XML).  Prints, per converter, the fields right, and the fields that are not.
# Usage: bench/converters.sh   (make converters-report).  Env: BUILD, BAOCAO_CORPUS; KEEP=DIR keeps the texts and PDFs.  Not part of `make test`:
# the converters are not among the packages CI installs; a converter that is missing is skipped and said so.
BUILD=${BUILD:-build}
CORPUS=${BAOCAO_CORPUS:-../shared/corpus}
if [ ! -d "$CORPUS" ]; then
	echo "SKIP: $CORPUS not found"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
. bench/pdftext.sh
say_missing
# convert NAME OUTDIR SOURCE: writes OUTDIR/NN.txt, or nothing when the converter is missing or fails
convert() {
	name=$1 out=$2 src=$3 nn=$(basename "$src" | cut -c1-2)
	mkdir -p "$out"
	case $name in
	docx2txt | pandoc-*) word_text "$name" "$src" "$out/$nn.txt" ;;
	pdftotext* | mutool | pdfminer)
		have soffice || return 0
		pdf="$T/pdf/$nn.pdf"
		if [ ! -f "$pdf" ]; then
			mkdir -p "$T/pdf" "$T/lo"
			HOME="$T/lo" timeout 300 soffice --headless --convert-to pdf --outdir "$T/pdf" "$src" >/dev/null 2>&1
			[ -f "$T/pdf/$(basename "${src%.*}").pdf" ] && mv "$T/pdf/$(basename "${src%.*}").pdf" "$pdf"
		fi
		[ -f "$pdf" ] || return 0
		pdf_text "$name" "$pdf" "$out/$nn.txt" ;;
	esac
	return 0
}
for conv in $WORD_CONVERTERS $PDF_EXTRACTORS; do
	out="$T/$conv"
	exp="$T/$conv.expect"
	mkdir -p "$out" "$exp"
	for e in tests/converted/*.expect; do
		src=$(sed -n 's/^source: *//p' "$e")
		[ -f "$CORPUS/$src" ] || { echo "# $src not in $CORPUS"; continue; }
		convert "$conv" "$out" "$CORPUS/$src"
		nn=$(basename "$e" .expect)
		[ -f "$out/$nn.txt" ] || continue
		sed -e '/^source:/d' -e "1i file: $nn.txt" "$e" >"$exp/$nn.expect"
	done
	tally "$conv" "$out" "$exp" "$T/$conv.out"
done
finish converters
