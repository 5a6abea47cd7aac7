#!/bin/sh
# seeds.sh — compiles each real report in ../shared/seeds and checks the XML:
# schema (when grammar/baocao.rng exists), tests/seeds/NNN.expect, and fidelity.
# Env: BUILD (default build), OUT (default build/tests/out), BAOCAO_SEEDS, BAOCAO_WRAP.
BUILD=${BUILD:-build}
OUT=${OUT:-$BUILD/tests/out}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
WRAP=${BAOCAO_WRAP:-}

if [ ! -d "$SEEDS" ]; then
	echo "SKIP: $SEEDS not found"
	exit 0
fi
mkdir -p "$OUT" || exit 1
pass=0
fail=0
ok() { echo "ok seeds/$1"; pass=$((pass + 1)); }
ko() { echo "FAIL seeds/$1"; fail=$((fail + 1)); }

found=0
for seed in "$SEEDS"/[0-9][0-9][0-9]*.txt; do
	[ -f "$seed" ] || continue
	found=1
	base=$(basename "$seed")
	n=$(printf '%s' "$base" | cut -c1-3)
	xml="$OUT/$n.xml"
	log="$OUT/$n.log"
	rm -f "$xml"
	if $WRAP "$BUILD/baocao" xml "$seed" -o "$xml" >"$log" 2>&1 && [ -s "$xml" ]; then
		ok "$n compile"
	else
		ko "$n compile"
		sed 's/^/    /' "$log" | head -20
		continue
	fi
	if [ -f grammar/baocao.rng ]; then
		if xmllint --noout --relaxng grammar/baocao.rng "$xml" >"$log" 2>&1; then
			ok "$n schema"
		else
			ko "$n schema"
			sed 's/^/    /' "$log" | head -20
		fi
	fi
	if [ -f "tests/seeds/$n.expect" ]; then
		if $WRAP "$BUILD/tools/xcheck" "$xml" "tests/seeds/$n.expect" >"$log" 2>&1; then
			ok "$n xcheck"
		else
			ko "$n xcheck"
			awk '/^FAIL/ { show = 1; print; next } /^    / && show { print; next } { show = 0 }' "$log" | sed 's/^/    /' | head -60
			tail -1 "$log" | sed 's/^/    /'
		fi
	else
		ko "$n xcheck (tests/seeds/$n.expect missing)"
	fi
	if $WRAP "$BUILD/tools/fidelity" "$seed" "$xml" >"$log" 2>&1; then
		ok "$n fidelity"
	else
		ko "$n fidelity"
		sed 's/^/    /' "$log" | head -25
	fi
	# the model as an outline, and one decision seen the same in every output: each header row the
	# parser found reprinted in other words is a reworded repeat in the tree, a <repeat kind="reworded">
	# in the XML, and a header-repeat-differs warning of check
	tree="$OUT/$n.tree"
	if $WRAP "$BUILD/baocao" tree "$seed" -o "$tree" >"$log" 2>&1 && grep -q '^report ' "$tree" && grep -q '^facts$' "$tree"; then
		ok "$n tree"
	else
		ko "$n tree"
		sed 's/^/    /' "$log" | head -10
	fi
	t_rw=$(grep -c ' repeat=reworded ' "$tree")
	x_rw=$(grep -c '<repeat [^>]*kind="reworded"' "$xml")
	c_rw=$($WRAP "$BUILD/baocao" check --verbose "$seed" 2>/dev/null | grep -c '\[header-repeat-differs\]')
	if [ "$t_rw" = "$x_rw" ] && [ "$t_rw" = "$c_rw" ]; then
		ok "$n reworded repeats agree ($t_rw)"
	else
		ko "$n reworded repeats: tree $t_rw, XML $x_rw, check $c_rw"
	fi
done
if [ $found = 0 ]; then
	echo "SKIP: no seeds in $SEEDS"
	exit 0
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
