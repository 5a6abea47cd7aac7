# compare.sh — sourced by check.sh and golden.sh: one output against its reviewed golden file, counted in $pass and $fail.
# compare LABEL GOLDEN GOT: with UPDATE=1 in the environment GOLDEN is first rewritten from GOT (review the diff).
compare() {
	if [ "${UPDATE:-}" = 1 ]; then
		mkdir -p "$(dirname "$2")" && cp "$3" "$2"
	fi
	if [ ! -f "$2" ]; then
		echo "FAIL $1: $2 missing (make it with UPDATE=1 and review it)"
		fail=$((fail + 1))
	elif diff -u "$2" "$3" >"$3.diff"; then
		echo "ok $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1 differs:"
		head -40 "$3.diff" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
}
