#!/bin/sh
# check.sh — `baocao check --lang en --verbose` on each real report in ../shared/seeds against its reviewed findings in tests/check/NNN.check (--verbose: the golden holds every finding, not five of a code and a count).
# Env: BUILD (default build), OUT (default build/tests/check), BAOCAO_SEEDS, BAOCAO_WRAP.  UPDATE=1 rewrites the goldens (review the diff).
BUILD=${BUILD:-build}
OUT=${OUT:-$BUILD/tests/check}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
WRAP=${BAOCAO_WRAP:-}

if [ ! -d "$SEEDS" ]; then
	echo "SKIP: $SEEDS not found"
	exit 0
fi
mkdir -p "$OUT" || exit 1
. "$(dirname "$0")/compare.sh"
pass=0
fail=0
for seed in "$SEEDS"/[0-9][0-9][0-9]*.txt; do
	[ -f "$seed" ] || continue
	n=$(basename "$seed" | cut -c1-3)
	got="$OUT/$n.check"
	golden="tests/check/$n.check"
	# the file name is the seed's number, so the output does not depend on where the seeds are
	(cd "$(dirname "$seed")" && $WRAP "$OLDPWD/$BUILD/baocao" check --lang en --verbose "$(basename "$seed")") >"$got" 2>"$OUT/$n.err"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "FAIL check/$n: exit $rc"
		sed 's/^/    /' "$OUT/$n.err" | head -10
		fail=$((fail + 1))
		continue
	fi
	compare "check/$n" "$golden" "$got"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
