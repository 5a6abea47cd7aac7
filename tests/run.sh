#!/bin/sh
# run.sh — runs every test suite and ends with one line "N passed, N failed".
# Env: BUILD (build tree, default build), BAOCAO_WRAP (e.g. valgrind command).
BUILD=${BUILD:-build}
export BUILD
WRAP=${BAOCAO_WRAP:-}
pass=0
fail=0
failed_suites=""

# Adds the counts a suite printed on its "N passed, N failed" line.
tally() {
	line=$(grep -E '^[A-Za-z-]*:? ?[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	p=$(printf '%s' "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
	f=$(printf '%s' "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
	if [ -z "$p" ]; then
		# a suite that printed no count ran nothing we can trust
		fail=$((fail + 1))
		failed_suites="$failed_suites $2"
		return
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	[ "$f" -gt 0 ] && failed_suites="$failed_suites $2"
	[ "$3" -ne 0 ] && [ "$f" -eq 0 ] && { fail=$((fail + 1)); failed_suites="$failed_suites $2(exit)"; }
	return 0
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

echo "== unit tests"
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	$WRAP "$t" >"$tmp" 2>&1
	rc=$?
	p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$tmp" | grep -oE '[0-9]+' | head -1)
	f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$tmp" | grep -oE '[0-9]+' | head -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	echo "$name: $p passed, $f failed"
	if [ "$f" -gt 0 ]; then
		grep -E 'FAILED|ERROR|error|Assert|failure' "$tmp" | head -20 | sed 's/^/    /'
		failed_suites="$failed_suites $name"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
done

for suite in tests/cli.sh tests/golden.sh tests/regress.sh tests/seeds.sh tests/tools/selftest.sh tests/check.sh tests/pdf.sh tests/badinput.sh tests/pathological.sh tests/format-examples.sh tests/corpus.sh tests/metamorphic.sh; do
	[ -f "$suite" ] || continue
	echo "== $suite"
	sh "$suite" >"$tmp" 2>&1
	rc=$?
	grep -vE '^ok ' "$tmp" | head -80
	if grep -q '^SKIP' "$tmp"; then
		continue
	fi
	tally "$tmp" "$suite" "$rc"
done

if [ -n "$failed_suites" ]; then
	echo "failing:$failed_suites"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
