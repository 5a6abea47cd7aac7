#!/bin/sh
# run.sh — runs the fuzzer once per mode for SECONDS each; seeds are gathered afresh, never committed.
# Usage: sh fuzz/run.sh SECONDS [FUZZER]   Env: FUZZ_JOBS (parallel modes, default 1).
# Prints one line per mode with its executions and coverage, and exits 1 if any mode crashed.
set -u
SECS=${1:-60}
FZ=${2:-build-fuzz/fuzz_baocao}
W=build-fuzz
MODES="0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"
NAMES="decode-auto decode-utf8 decode-utf16 decode-utf16le decode-utf16be decode-cp1258 decode-tcvn parse lines inline table xml pdf check tree template"
[ -x "$FZ" ] || { echo "fuzz: $FZ not built (make fuzz)"; exit 2; }

# The seed corpus: the real reports (when present), the samples, the regression corpus (its crashes and
# per-construct cases) and the bad-input catalogue.
rm -rf "$W/seeds"
mkdir -p "$W/seeds" "$W/crashes" "$W/logs"
for f in ../shared/seeds/*.txt samples/*.txt tests/regress/*/*.txt templates/*.xml; do
	[ -f "$f" ] && cp "$f" "$W/seeds/$(echo "$f" | tr '/.' '__')"
done
sh tests/badinput.sh --export "$W/seeds" >/dev/null 2>&1 || true
# units taller than a page (tests/tools/longunits.sh), each under max_len: the pdf mode
# mutates them into the tall headers, titles, signatures and header rows the layout must break
. tests/tools/longunits.sh
gen_long_title 3000 "$W/seeds/long-title"
gen_long_issuer 81 "$W/seeds/long-issuer"
gen_long_addressees 100 "$W/seeds/long-addressees"
gen_long_summary 1500 "$W/seeds/long-summary"
gen_long_signature 44 "$W/seeds/long-signature"
gen_long_head_row 1500 "$W/seeds/long-head-row"
gen_long_closing 250 "$W/seeds/long-closing"
gen_long_title 300 "$W/seeds/long-title-small"          # small enough for the words check (8 KB)
gen_long_signature 60 "$W/seeds/long-signature-small"

# Templates and fonts for the PDF mode come from the source tree.
BAOCAO_DATADIR=$(pwd)
export BAOCAO_DATADIR
# leaks are errors; timeouts above 10 s per input are hangs
OPTS="-dict=fuzz/baocao.dict -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1"

run_mode() {
	m=$1 name=$2
	mkdir -p "$W/corpus/$name"
	len=65536   # the pdf mode too: its inputs are held to a time budget, not a size (fuzz_baocao.c)
	BAOCAO_FUZZ_MODE=$m "$FZ" $OPTS -max_len=$len -max_total_time="$SECS" \
		-artifact_prefix="$W/crashes/$name-" "$W/corpus/$name" "$W/seeds" >"$W/logs/$name.log" 2>&1
	echo $? >"$W/logs/$name.rc"
}

jobs=${FUZZ_JOBS:-1}
i=0
set -- $NAMES
for m in $MODES; do
	run_mode "$m" "$1" &
	shift
	i=$((i + 1))
	[ $((i % jobs)) -eq 0 ] && wait
done
wait

bad=0
total=0
set -- $NAMES
for m in $MODES; do
	name=$1
	shift
	log="$W/logs/$name.log"
	runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
	cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
	rc=$(cat "$W/logs/$name.rc")
	total=$((total + ${runs:-0}))
	if [ "$rc" -ne 0 ]; then
		echo "FAIL $name: exit $rc, ${runs:-?} runs, $cov (see $log, $W/crashes/)"
		grep -E '^==[0-9]+==ERROR|SUMMARY|runtime error|deadly signal' "$log" | head -5 | sed 's/^/    /'
		bad=1
	else
		echo "ok $name: ${runs:-?} runs, $cov"
	fi
done
echo "fuzz: $total executions in all"
exit $bad
