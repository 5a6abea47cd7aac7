#!/bin/sh
# wordtrip.sh — the samples typed as Word files (bench/wordtrip.py), and LibreOffice's PDFs of them, read back through every converter at hand, against the facts of the clean text.
# Offices send Word files and the PDFs Word makes of them, not the compiler's own text.  For every sample
# (samples/*.txt but ke-hoach-explicit.txt, the format's explicit-markup showcase, and any sample `baocao xml`
# refuses), bench/wordtrip.py builds the .docx from the compiler's XML as a clerk lays it out in Word (header
# and closing as borderless tables, data tables with borders and merged spans, real footnotes).  The .docx
# is turned into text by docx2txt and pandoc (plain, GFM, Markdown), and into a PDF by LibreOffice, read by
# pdftotext (default, -layout, -raw), mutool and pdf2txt (pdfminer).  The facts the compiler reads in the
# clean text (tests/corpus.sh --facts, `notes` included: the footnotes are real Word footnotes) are the
# expected values of every copy; tests/corpus.sh compares them, and (fidelity tool built) that every word of
# a copy reaches its XML.  Prints, per converter, the fields right and those that are not.
# Usage: bench/wordtrip.sh   (make wordtrip-report).  Env: BUILD; KEEP=DIR keeps the .docx, PDFs, texts
# and data.  Not part of `make test`: python3-docx, LibreOffice and the converters are not among the
# packages CI installs; a missing one is skipped and said so.
BUILD=${BUILD:-build}
# python-docx is Debian's python3-docx, importable by the system Python only (not by a venv's python3)
PY=${WORDTRIP_PYTHON:-/usr/bin/python3}
if ! "$PY" -c 'import docx' 2>/dev/null; then
	echo "SKIP: python-docx not importable by $PY (apt-get install python3-docx)"
	exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
. bench/pdftext.sh
say_missing
mkdir -p "$T/docx" "$T/xml" "$T/expect" "$T/pdf" "$T/lo"
n=0
for src in samples/*.txt; do
	case $src in */ke-hoach-explicit.txt) continue ;; esac
	n=$((n + 1))
	nn=$(printf 'w%02d' "$n")
	if ! "$BUILD/baocao" xml "$src" -o "$T/xml/$nn.xml" 2>/dev/null; then
		echo "# $src: baocao xml fails, skipped"
		continue
	fi
	# a word lost on the way to the .docx would be the bench's fault, not the compiler's: said, and skipped
	if ! "$PY" bench/wordtrip.py "$T/xml/$nn.xml" "$src" "$T/docx/$nn.docx"; then
		echo "# $src: no .docx"
		rm -f "$T/docx/$nn.docx"
		continue
	fi
	sh tests/corpus.sh --facts "$src" | sed "1s/.*/file: $nn.txt/" >"$T/expect/$nn.expect" || rm -f "$T/expect/$nn.expect"
	echo "# $nn: $src"
done
# one LibreOffice run for all the files: its start costs seconds
if have soffice; then
	HOME="$T/lo" timeout 300 soffice --headless --convert-to pdf --outdir "$T/pdf" "$T"/docx/*.docx >/dev/null 2>&1
	for d in "$T"/docx/*.docx; do
		[ -f "$T/pdf/$(basename "$d" .docx).pdf" ] || echo "# $(basename "$d"): LibreOffice made no PDF"
	done
fi
# convert NAME OUT NN: OUT made by converter NAME from NN's .docx or PDF, or no OUT when it is missing or fails
convert() {
	d="$T/docx/$3.docx" pdf="$T/pdf/$3.pdf"
	case $1 in
	docx2txt | pandoc-*) word_text "$1" "$d" "$2" ;;
	*) [ -f "$pdf" ] && pdf_text "$1" "$pdf" "$2" ;;
	esac
	return 0
}
for conv in $WORD_CONVERTERS $PDF_EXTRACTORS; do
	out="$T/$conv"
	exp="$T/$conv.expect"
	mkdir -p "$out" "$exp"
	for e in "$T"/expect/*.expect; do
		[ -f "$e" ] || continue
		nn=$(basename "$e" .expect)
		convert "$conv" "$out/$nn.txt" "$nn"
		[ -f "$out/$nn.txt" ] && cp "$e" "$exp/$nn.expect"
	done
	tally "$conv" "$out" "$exp" "$T/$conv.out"
done
finish converters
exit 0
