#!/bin/sh
# golden.sh — each sample in samples/ against its reviewed XML, lint output and model outline (tree) in tests/golden/.
# UPDATE=1 rewrites the golden files (review the diff before committing).
BUILD=${BUILD:-build}
WRAP=${BAOCAO_WRAP:-}
OUT=${OUT:-$BUILD/tests/golden}
mkdir -p "$OUT" || exit 1
. "$(dirname "$0")/compare.sh"
pass=0
fail=0
for sample in samples/*.txt; do
	name=$(basename "$sample" .txt)
	for kind in xml check tree; do
		golden="tests/golden/$name.$kind"
		got="$OUT/$name.$kind"
		if [ "$kind" = xml ]; then
			$WRAP "$BUILD/baocao" xml --validate "$sample" -o "$got" 2>"$OUT/$name.err"
		elif [ "$kind" = tree ]; then
			$WRAP "$BUILD/baocao" tree "$sample" -o "$got" 2>"$OUT/$name.err"
		else
			$WRAP "$BUILD/baocao" check "$sample" >"$got" 2>"$OUT/$name.err"
		fi
		rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "FAIL golden/$name.$kind: exit $rc"
			sed 's/^/    /' "$OUT/$name.err" | head -10
			fail=$((fail + 1))
			continue
		fi
		compare "golden/$name.$kind" "$golden" "$got"
	done
	# nothing lost: every word of the sample reaches its XML
	if [ -x "$BUILD/tools/fidelity" ] && [ -f "$OUT/$name.xml" ]; then
		if $WRAP "$BUILD/tools/fidelity" "$sample" "$OUT/$name.xml" >"$OUT/$name.fidelity" 2>&1; then
			echo "ok golden/$name fidelity"
			pass=$((pass + 1))
		else
			echo "FAIL golden/$name fidelity:"
			head -10 "$OUT/$name.fidelity" | sed 's/^/    /'
			fail=$((fail + 1))
		fi
	fi
	# a clean sample: check finds nothing at all, and says so in its one line
	if [ "$(cat "tests/golden/$name.check")" != "Không phát hiện lỗi." ]; then
		echo "FAIL golden/$name: the sample is not clean for check"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
