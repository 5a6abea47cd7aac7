#!/bin/sh
# run.sh — `make bench`: time and peak memory of parse, check, xml and pdf for each seed and sample, the PDF against the libharu floor, then scaling.
#
# Env: BUILD (build tree, default build); BAOCAO_SEEDS (default ../shared/seeds);
#      BENCH_RUNS (runs per measurement, default 7); BENCH_SCALE=0 skips the scaling part;
#      BENCH_SCALE_RUNS (runs per size, default 3); BENCH_ROWS (table sizes, default
#      "1000 3000 10000 30000 100000"); BENCH_MULTS (default "1 2 4 8 16 32 64").
# Times are wall clock, median of the runs, with the spread min–max; memory is the
# peak resident set of the process (getrusage); MB are 10^6 bytes of input.
set -u
BUILD=${BUILD:-build}
N=${BENCH_RUNS:-7}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
BC=$BUILD/baocao
RUNS=$BUILD/bench/runs
FLOOR=$BUILD/bench/floor
PARSE=$BUILD/bench/parse_only
for b in "$BC" "$RUNS" "$FLOOR" "$PARSE"; do
	[ -x "$b" ] || { echo "bench: $b missing (run make bench)" >&2; exit 2; }
done
command -v pdfinfo >/dev/null 2>&1 || { echo "bench: pdfinfo (poppler-utils) is needed for page counts" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
size_of() { wc -c <"$1" | tr -d ' '; }

# row NAME BYTES STAGE "median min max rss status" [PAGES] [FLOOR_MEDIAN]
row() {
	printf '%s\n' "$4" | awk -v name="$1" -v bytes="$2" -v stage="$3" -v pages="${5:-}" -v floor="${6:-}" '{
		mb = bytes / 1e6
		pps = pages != "" && $1 > 0 ? sprintf("%.0f", pages / ($1 / 1000)) : ""
		ratio = floor != "" && floor > 0 ? sprintf("%.2f", $1 / floor) : ""
		printf "| %-22s | %7.1f | %-6s | %9.1f | %6.1f–%-7.1f | %7.1f | %7.1f | %5s | %7s | %5s |%s\n",
		       name, bytes / 1024, stage, $1, $2, $3, $4 / 1024, ($1 > 0 ? mb / ($1 / 1000) : 0), pages, pps, ratio,
		       ($5 == "ok" ? "" : " " $5)
	}'
}

echo "baocao benchmark: $(nproc) CPU, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo),"\
" $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $N runs each"
echo
inputs=""
if [ -d "$SEEDS" ] && ls "$SEEDS"/*.txt >/dev/null 2>&1; then
	inputs="$SEEDS/*.txt"
else
	echo "seeds: $SEEDS has no *.txt (set BAOCAO_SEEDS); seeds skipped"
	echo
fi
echo "| input                  |      KB | stage  | median ms | spread ms     | peak MB |    MB/s | pages | pages/s | ×floor |"
echo "|------------------------|--------:|--------|----------:|---------------|--------:|--------:|------:|--------:|------:|"
for f in $inputs samples/*.txt; do
	[ -f "$f" ] || continue
	case "$f" in */README.md) continue ;; esac
	name=$(basename "$f" .txt)
	name=$(printf '%.22s' "$name")
	bytes=$(size_of "$f")
	row "$name" "$bytes" parse "$("$RUNS" "$N" "$PARSE" "$f")"
	row "$name" "$bytes" check "$("$RUNS" "$N" "$BC" check "$f")"
	row "$name" "$bytes" xml "$("$RUNS" "$N" "$BC" xml "$f" -o "$tmp/out.xml")"
	if ! "$BC" pdf "$f" -o "$tmp/out.pdf" >/dev/null 2>&1; then
		echo "| $name | | pdf | FAILED (baocao pdf exits non-zero) | | | | | | |"
		continue
	fi
	pages=$(pages_of "$tmp/out.pdf")
	res=$("$RUNS" "$N" "$BC" pdf "$f" -o "$tmp/out.pdf" ::: "$FLOOR" "$tmp/floor.pdf" "$pages" "$f")
	pdf=$(printf '%s\n' "$res" | sed -n 1p)
	flo=$(printf '%s\n' "$res" | sed -n 2p)
	fmed=$(printf '%s\n' "$flo" | cut -d' ' -f1)
	row "$name" "$bytes" pdf "$pdf" "$pages" "$fmed"
	row "$name" "$bytes" floor "$flo" "$pages"
done
echo
echo "parse: bench/parse_only (read, decode, parse); floor: bench/floor, the same pages and text"
echo "drawn with libharu and no layout, run interleaved with pdf; ×floor = pdf median / floor median."

[ "${BENCH_SCALE:-1}" = 0 ] && exit 0

# ---- scaling ------------------------------------------------------------
SN=${BENCH_SCALE_RUNS:-3}
seed=""
for s in $inputs; do seed=$s; break; done
[ -n "$seed" ] || seed=samples/bao-cao-6-thang.txt

# scale_rows LABEL FILE: parse, xml and pdf of FILE, with time per MB against the first size ($base_*).
scale_rows() {
	label=$1
	f=$2
	bytes=$(size_of "$f")
	for stage in parse check xml pdf; do
		case $stage in
		parse) r=$("$RUNS" "$SN" "$PARSE" "$f") ;;
		check) r=$("$RUNS" "$SN" "$BC" check "$f") ;;
		xml) r=$("$RUNS" "$SN" "$BC" xml "$f" -o "$tmp/s.xml") ;;
		pdf) r=$("$RUNS" "$SN" "$BC" pdf "$f" -o "$tmp/s.pdf") ;;
		esac
		pages=""
		[ "$stage" = pdf ] && pages=$(pages_of "$tmp/s.pdf")
		line=$(printf '%s\n' "$r" | awk -v bytes="$bytes" '{ mb = bytes / 1e6; printf "%s %s %s %s", $1, $4, $1 / mb, $4 / 1024 / mb }')
		eval "b=\${base_$stage:-}"
		eval "p=\${prev_$stage:-}"
		[ -n "$b" ] || { b=$line; eval "base_$stage=\$line"; }
		printf '%s|%s|%s|%s\n' "$line" "$b" "$p" "$r" | awk -F'|' -v label="$label" -v stage="$stage" -v bytes="$bytes" -v pages="$pages" '{
			split($1, c, " "); split($2, b, " "); split($3, p, " "); split($4, raw, " ")
			flag = ""
			if (c[3] > 1.25 * b[3]) flag = flag sprintf(" time/MB +%.0f%% over the first size", (c[3] / b[3] - 1) * 100)
			if ($3 != "" && c[4] > 1.25 * p[4] && c[2] - p[2] > 16384) flag = flag " memory jump"
			if (raw[5] != "ok") flag = flag " " raw[5]
			printf "| %-8s | %8.2f | %-5s | %9.1f | %8.1f | %6.1f | %9.1f | %6s |%s\n", label, bytes / 1e6, stage, c[1], c[2] / 1024,
			       c[2] * 1024 / bytes, c[3], pages, flag
		}'
		eval "prev_$stage=\$line"
	done
}

echo
echo "Scaling: $(basename "$seed") with its body repeated ×k, then one table of n rows ($SN runs each; flags: time/MB"
echo "more than 25 % above the first size, peak memory per MB more than 25 % above the previous size)"
echo
echo "(B/B: peak resident bytes per byte of input; issue 13 asks at most 10 for check and xml on tables)"
echo
echo "| size     |       MB | stage | median ms |  peak MB |    B/B |  ms per MB |  pages | flags"
echo "|----------|---------:|-------|----------:|---------:|-------:|-----------:|-------:|------"
for k in ${BENCH_MULTS:-1 2 4 8 16 32 64}; do
	sh bench/gen.sh body "$seed" "$k" >"$tmp/body.txt"
	scale_rows "×$k" "$tmp/body.txt"
done
unset base_parse base_check base_xml base_pdf prev_parse prev_check prev_xml prev_pdf
for n in ${BENCH_ROWS:-1000 3000 10000 30000 100000}; do
	sh bench/gen.sh table "$n" >"$tmp/table.txt"
	scale_rows "$n rows" "$tmp/table.txt"
done
