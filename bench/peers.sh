#!/bin/sh
# peers.sh — `make bench-peers`: Pandoc (DocBook, and PDF through xelatex) and Typst on the same content as baocao, where installed.
#
# The content: baocao's own XML of each seed (or sample), turned into Markdown by
# bench/to-markdown.xsl (xsltproc); Typst gets that Markdown converted by
# `pandoc -t typst`.  Nothing is installed; a missing tool is reported and skipped.
# Env: BUILD, BAOCAO_SEEDS, BENCH_RUNS (default 3), BENCH_TIMEOUT (s per run, default 300).
set -u
BUILD=${BUILD:-build}
N=${BENCH_RUNS:-3}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
BC=$BUILD/baocao
RUNS=$BUILD/bench/runs
[ -x "$RUNS" ] || { cc -O2 -o "$BUILD/bench-runs" bench/runs.c 2>/dev/null && RUNS=$BUILD/bench-runs; }
have() { command -v "$1" >/dev/null 2>&1; }
missing=""
for t in xsltproc pandoc xelatex typst; do have "$t" || missing="$missing $t"; done
[ -n "$missing" ] && echo "not installed (skipped):$missing"
if ! have xsltproc; then
	echo "bench-peers: xsltproc is needed to turn the XML into Markdown; nothing to do"
	exit 0
fi
if ! have pandoc && ! have typst; then
	echo "bench-peers: neither pandoc nor typst is installed; nothing to compare (no timings)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
inputs=""
if [ -d "$SEEDS" ] && ls "$SEEDS"/*.txt >/dev/null 2>&1; then inputs="$SEEDS/*.txt"; else echo "seeds: $SEEDS absent, samples only"; fi
echo "| input | tool | median ms | spread ms | peak MB | pages |"
echo "|---|---|--:|---|--:|--:|"
show() {   # show NAME TOOL "median min max rss status" [PDF]
	pages=""
	[ -n "${4:-}" ] && [ -f "$4" ] && pages=$(pdfinfo "$4" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	printf '%s\n' "$3" | awk -v n="$1" -v t="$2" -v p="$pages" '{ printf "| %s | %s | %.1f | %.1f–%.1f | %.1f | %s |%s\n", n, t, $1, $2, $3, $4 / 1024, p, ($5 == "ok" ? "" : " " $5) }'
}
for f in $inputs samples/*.txt; do
	case "$f" in */README.md) continue ;; esac
	[ -f "$f" ] || continue
	name=$(basename "$f" .txt)
	"$BC" xml "$f" -o "$tmp/in.xml" 2>/dev/null || { echo "| $name | baocao xml failed | | | | |"; continue; }
	xsltproc bench/to-markdown.xsl "$tmp/in.xml" >"$tmp/in.md"
	show "$name" "baocao xml" "$("$RUNS" "$N" "$BC" xml "$f" -o "$tmp/b.xml")"
	show "$name" "baocao pdf" "$("$RUNS" "$N" "$BC" pdf "$f" -o "$tmp/b.pdf")" "$tmp/b.pdf"
	if have pandoc; then
		show "$name" "pandoc → DocBook" "$("$RUNS" "$N" pandoc -f markdown -t docbook5 -s "$tmp/in.md" -o "$tmp/p.xml")"
		if have xelatex; then
			show "$name" "pandoc → xelatex PDF" "$("$RUNS" "$N" pandoc -f markdown --pdf-engine=xelatex \
			    -V mainfont="Liberation Serif" -V papersize=a4 "$tmp/in.md" -o "$tmp/p.pdf")" "$tmp/p.pdf"
		fi
	fi
	if have typst; then
		if have pandoc; then
			{ printf '#set page(paper: "a4")\n#set text(font: "Liberation Serif", size: 13pt, lang: "vi")\n#set par(justify: true)\n'
			  pandoc -f markdown -t typst "$tmp/in.md"; } >"$tmp/in.typ"
			show "$name" "typst" "$("$RUNS" "$N" typst compile "$tmp/in.typ" "$tmp/t.pdf")" "$tmp/t.pdf"
		else
			echo "| $name | typst | skipped: the Typst input is made by pandoc, not installed | | | |"
		fi
	fi
done
