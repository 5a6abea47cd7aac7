# pdftext.sh — what bench/converters.sh and bench/roundtrip.sh share (sourced): a PDF through each text extractor, and the tally of tests/corpus.sh's fields.
# PDF_EXTRACTORS names the extractors; have TOOL says whether a program is installed.
PDF_EXTRACTORS="pdftotext pdftotext-layout pdftotext-raw mutool pdfminer"
have() { command -v "$1" >/dev/null 2>&1; }
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
tally() {
	BUILD=$BUILD BAOCAO_CORPUS=$2 CORPUS_EXPECT=$3 sh tests/corpus.sh >"$4" 2>&1
	ok=$(grep -c '^ok' "$4")
	bad=$(grep -c '^FAIL' "$4")
	total_ok=$((total_ok + ok))
	total_bad=$((total_bad + bad))
	echo "$1: $ok right, $bad wrong"
	grep '^FAIL' "$4" | sed 's/^/    /'
}
