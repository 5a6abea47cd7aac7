#!/bin/sh
# peers.sh — `make bench-peers`: Pandoc (DocBook, and PDF through xelatex) and Typst on the same content as baocao, where installed.
#
# The content: baocao's own XML of each seed (or sample), turned into Markdown by
# bench/to-markdown.xsl for Pandoc and into Typst markup by bench/to-typst.xsl
# (xsltproc).  Typst is the `typst` program, or else Typst's compiler as a Node
# binding (bench/typst-node.js; `npm install --prefix build/peers
# @myriaddreamin/typst-ts-node-compiler@0.7.0` puts Typst 0.14.2 there).  Nothing
# is installed here; a missing tool is reported and skipped.
# Env: BUILD, BAOCAO_SEEDS, BENCH_RUNS (default 3), BENCH_TIMEOUT (s per run, default 300),
# TYPST_TS (the binding's folder, default $BUILD/peers/node_modules/@myriaddreamin/typst-ts-node-compiler).
set -u
BUILD=${BUILD:-build}
N=${BENCH_RUNS:-3}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
BC=$BUILD/baocao
RUNS=$BUILD/bench/runs
[ -x "$RUNS" ] || { cc -O2 -o "$BUILD/bench-runs" bench/runs.c 2>/dev/null && RUNS=$BUILD/bench-runs; }
have() { command -v "$1" >/dev/null 2>&1; }
TYPST_TS=${TYPST_TS:-$BUILD/peers/node_modules/@myriaddreamin/typst-ts-node-compiler}
typst_cmd=""
if have typst; then
	typst_cmd="typst"
elif have node && [ -d "$TYPST_TS" ]; then
	typst_cmd="node"
	export TYPST_TS=$(cd "$TYPST_TS" && pwd)
	fontdir=$(dirname "$(fc-match -f '%{file}' 'Liberation Serif' 2>/dev/null)")
fi
missing=""
for t in xsltproc pandoc xelatex; do have "$t" || missing="$missing $t"; done
[ -z "$typst_cmd" ] && missing="$missing typst (nor its Node binding in $TYPST_TS)"
[ -n "$missing" ] && echo "not installed (skipped):$missing"
if ! have xsltproc; then
	echo "bench-peers: xsltproc is needed to turn the XML into Markdown; nothing to do"
	exit 0
fi
if ! have pandoc && [ -z "$typst_cmd" ]; then
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
	rm -f "$tmp"/*.pdf "$tmp"/*.xml
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
	if [ -n "$typst_cmd" ]; then
		xsltproc bench/to-typst.xsl "$tmp/in.xml" >"$tmp/in.typ"
		if [ "$typst_cmd" = typst ]; then
			show "$name" "typst $(typst --version | awk '{ print $2 }')" \
			    "$("$RUNS" "$N" typst compile "$tmp/in.typ" "$tmp/t.pdf")" "$tmp/t.pdf"
		else
			show "$name" "typst 0.14 (Node binding)" \
			    "$("$RUNS" "$N" node bench/typst-node.js "$tmp/in.typ" "$tmp/t.pdf" "$fontdir")" "$tmp/t.pdf"
		fi
	fi
done
