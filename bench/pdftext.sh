# pdftext.sh — what bench/converters.sh, bench/roundtrip.sh and bench/wordtrip.sh share (sourced): a Word file through each converter, a PDF through each text extractor, and the tally of tests/corpus.sh's fields.
# PDF_EXTRACTORS names the extractors; have TOOL says whether a program is installed.
PDF_EXTRACTORS="pdftotext pdftotext-layout pdftotext-raw mutool pdfminer"
have() { command -v "$1" >/dev/null 2>&1; }
# WORD_CONVERTERS names the converters of a Word file to text
WORD_CONVERTERS="docx2txt pandoc-plain pandoc-gfm pandoc-markdown"
# word_text NAME DOCX OUT: OUT made by converter NAME, or no OUT when the converter is missing or fails
word_text() {
	case $1 in
	docx2txt) have docx2txt && docx2txt <"$2" >"$3" 2>/dev/null ;;
	pandoc-plain) have pandoc && pandoc -f docx -t plain "$2" -o "$3" 2>/dev/null ;;
	pandoc-gfm) have pandoc && pandoc -f docx -t gfm "$2" -o "$3" 2>/dev/null ;;
	pandoc-markdown) have pandoc && pandoc -f docx -t markdown "$2" -o "$3" 2>/dev/null ;;
	esac
	[ -s "$3" ] || rm -f "$3"
	return 0
}
# say_missing: says which of the Word converters, LibreOffice and the PDF extractors are not installed
say_missing() {
	for tool in docx2txt pandoc soffice pdftotext mutool pdf2txt; do
		have "$tool" || echo "# $tool not found: its shapes are skipped"
	done
}
# pdf_text NAME PDF OUT: OUT made by extractor NAME, or no OUT when the extractor is missing or fails
pdf_text() {
	case $1 in
	pdftotext) have pdftotext && pdftotext "$2" "$3" ;;
	pdftotext-layout) have pdftotext && pdftotext -layout "$2" "$3" ;;
	pdftotext-raw) have pdftotext && pdftotext -raw "$2" "$3" ;;
	mutool) have mutool && mutool draw -q -F txt -o "$3" "$2" 2>/dev/null ;;
	pdfminer) have pdf2txt && pdf2txt -o "$3" "$2" 2>/dev/null ;;
	esac
	# a converter's failure leaves no text: no data for it, not a failure of the compiler
	[ -s "$3" ] || rm -f "$3"
	return 0
}
total_ok=0 total_bad=0
# tally NAME TEXTS EXPECT LOG: tests/corpus.sh over the texts in TEXTS against the data in EXPECT,
# its output in LOG; prints NAME's fields right and wrong, and adds them to total_ok and total_bad
# (no EXPECT data: the converter made no text, and that is said)
tally() {
	if [ -z "$(ls "$3")" ]; then
		echo "$1: no text (converter missing)"
		return 0
	fi
	BUILD=$BUILD BAOCAO_CORPUS=$2 CORPUS_EXPECT=$3 sh tests/corpus.sh >"$4" 2>&1
	ok=$(grep -c '^ok' "$4")
	bad=$(grep -c '^FAIL' "$4")
	total_ok=$((total_ok + ok))
	total_bad=$((total_bad + bad))
	echo "$1: $ok right, $bad wrong"
	grep '^FAIL' "$4" | sed 's/^/    /'
}
# finish WHAT: the totals over every converter or extractor; with KEEP set, the work directory $T kept there
finish() {
	echo "all $1: $total_ok right, $total_bad wrong"
	[ -n "$KEEP" ] && mkdir -p "$KEEP" && cp -r "$T"/. "$KEEP"
	return 0
}
