#!/bin/sh
# regress.sh — the per-construct regression corpus: every tests/regress/<construct>/NAME against its reviewed outputs.
#
# A case is NAME.txt (the input as stored) or NAME.gen (a sh script that prints the input: bytes an editor would not
# keep, or an input too big to store), with, beside it:
#   NAME.check   `baocao check NAME.txt` (text, Vietnamese); check must exit 1 when it holds an error or fatal line, else 0
#   NAME.xml     `baocao xml --validate NAME.txt -o -`; when there is none, xml must fail (exit 1 or 2) and print no XML
#   NAME.pdferr  optional: what `baocao pdf NAME.txt -o NAME.pdf` prints on stderr (temporary names as XXXXXX); the
#                PDF must be written when it is empty or holds only warnings (pdf-blank-part, the count of check's
#                findings), and must not be when it holds anything else
#   NAME.tree    optional: `baocao tree NAME.txt`, compared when the program has the tree command (skipped otherwise)
#   NAME.sh      optional: sourced in the subshell of each command before it runs, with CMD set to check, xml, pdf or
#                tree and CASEDIR to the case's folder; it may set ARGS (more arguments) or limits (ulimit)
# Every command runs in a scratch folder holding only NAME.txt, so that the file is named the same everywhere.
# Lastly every code of compiler/diag/diag_codes.def must appear as [code] in some NAME.check or NAME.pdferr.
# Env: BUILD (default build), BAOCAO_WRAP (e.g. valgrind): under it only check and pdf run (about 1 s a case under
# memcheck; the XML writer runs under memcheck in golden.sh and seeds.sh, and this whole corpus under ASan in
# `make sanitize`), and cases whose NAME.sh sets HEAVY=1 are skipped.
# UPDATE=1 rewrites the expected files from what the program prints (and adds or removes NAME.xml as xml succeeds
# or fails, and NAME.tree when the program has tree): read every change before committing it.
BUILD=${BUILD:-build}
WRAP=${BAOCAO_WRAP:-}
B=$(cd "$(dirname "$BUILD/baocao")" && pwd)/baocao
ROOT=$(pwd)
BAOCAO_DATADIR=$ROOT
# PDF messages name the font family: the same one on every machine
BAOCAO_FONT_FAMILY="Liberation Serif"
export BAOCAO_DATADIR BAOCAO_FONT_FAMILY
unset LC_ALL LC_MESSAGES LANG
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
pass=0
fail=0

# Does this program have `baocao tree`?
printf 'BÁO CÁO\n\nVề việc thử\n\nI. MỞ ĐẦU\n\nNội dung.\n' >"$T/probe.txt"
HAS_TREE=0
if "$B" tree "$T/probe.txt" >"$T/probe.out" 2>/dev/null && [ -s "$T/probe.out" ]; then
	HAS_TREE=1
fi

# run CASE CMD OUT ERR ARGS...: runs `baocao CMD ARGS... NAME.txt` in the scratch folder, after CASE's NAME.sh;
# sets rc.
run() {
	c=$1 cmd=$2 out=$3 err=$4
	shift 4
	(
		cd "$T/w" || exit 99
		CMD=$cmd
		CASEDIR=$ROOT/$(dirname "$c")
		ARGS=
		HEAVY=
		if [ -f "$ROOT/$c.sh" ]; then . "$ROOT/$c.sh"; fi
		# shellcheck disable=SC2086
		exec $WRAP "$B" "$cmd" "$@" $ARGS "$(basename "$c").txt"
	) >"$out" 2>"$err"
	rc=$?
}

# compare LABEL EXPECTED GOT: GOT against the reviewed EXPECTED (rewritten first under UPDATE=1).
. "$ROOT/tests/compare.sh"

bad() {
	echo "FAIL $1"
	sed 's/^/    /' "$2" | head -10
	fail=$((fail + 1))
}

for src in tests/regress/*/*.txt tests/regress/*/*.gen; do
	[ -f "$src" ] || continue
	c=${src%.*}
	rm -rf "$T/w" && mkdir "$T/w" || exit 1
	if [ -n "$WRAP" ] && [ -f "$c.sh" ] && grep -q '^HEAVY=1' "$c.sh"; then
		echo "skip $c: HEAVY=1 in $c.sh, not run under $WRAP"
		continue
	fi
	if [ "${src##*.}" = gen ]; then
		if ! sh "$src" >"$T/w/$(basename "$c").txt" 2>"$T/gen.err"; then
			bad "$c: $src failed" "$T/gen.err"
			continue
		fi
	else
		cp "$src" "$T/w/"
	fi

	# check: its text, and an exit status that agrees with the levels it printed
	run "$c" check "$T/got.check" "$T/err" --lang vi
	if [ "$rc" -gt 1 ]; then
		bad "$c.check: check exited $rc" "$T/err"
	else
		want=0
		grep -q ': lỗi\( nghiêm trọng\)\?: ' "$T/got.check" && want=1
		if [ "$rc" -ne "$want" ]; then
			bad "$c.check: check exited $rc, its findings say $want" "$T/got.check"
		else
			compare "$c.check" "$c.check" "$T/got.check"
		fi
	fi

	# xml: the document, or a failure when there is no NAME.xml
	if [ -n "$WRAP" ]; then
		rc=-1
	else
		run "$c" xml "$T/got.xml" "$T/err" --lang vi --validate -o -
	fi
	if [ "$rc" -eq -1 ]; then
		:
	elif [ "$rc" -eq 0 ] && { [ -f "$c.xml" ] || [ "${UPDATE:-}" = 1 ]; }; then
		compare "$c.xml" "$c.xml" "$T/got.xml"
	elif [ "$rc" -eq 0 ]; then
		echo "FAIL $c.xml: xml succeeds but there is no $c.xml (make it with UPDATE=1 and review it)"
		fail=$((fail + 1))
	elif [ "$rc" -gt 2 ] || [ -s "$T/got.xml" ]; then
		bad "$c.xml: xml exited $rc" "$T/err"
	elif [ -f "$c.xml" ] && [ "${UPDATE:-}" != 1 ]; then
		bad "$c.xml: xml exited $rc" "$T/err"
	else
		[ "${UPDATE:-}" = 1 ] && rm -f "$c.xml"
		echo "ok $c.xml: xml fails (exit $rc), as expected"
		pass=$((pass + 1))
	fi

	# pdf, where the case says what it prints
	if [ -f "$c.pdferr" ]; then
		run "$c" pdf "$T/pdf.out" "$T/got.pdferr.raw" --lang vi -o "$(basename "$c").pdf"
		sed -E 's#\.tmp\.[A-Za-z0-9]{6}#.tmp.XXXXXX#g; s#/tmp/baocao-pdf\.[A-Za-z0-9]{6}#/tmp/baocao-pdf.XXXXXX#g' \
			"$T/got.pdferr.raw" >"$T/got.pdferr"
		if [ "$rc" -gt 2 ]; then
			bad "$c.pdferr: pdf exited $rc" "$T/got.pdferr"
		elif grep -qv ': cảnh báo: \| cảnh báo — chạy baocao check' "$T/got.pdferr" && { [ "$rc" -eq 0 ] || [ -e "$T/w/$(basename "$c").pdf" ]; }; then
			bad "$c.pdferr: pdf exited $rc, wrote $(ls "$T/w" | tr '\n' ' ')after messages" "$T/got.pdferr"
		elif ! grep -qv ': cảnh báo: \| cảnh báo — chạy baocao check' "$T/got.pdferr" && { [ "$rc" -ne 0 ] || [ ! -s "$T/w/$(basename "$c").pdf" ]; }; then
			bad "$c.pdferr: pdf exited $rc with no message" "$T/pdf.out"
		else
			compare "$c.pdferr" "$c.pdferr" "$T/got.pdferr"
		fi
	fi

	# tree, where both the program and the case have one
	if [ "$HAS_TREE" = 1 ] && { [ -f "$c.tree" ] || [ "${UPDATE:-}" = 1 ]; }; then
		run "$c" tree "$T/got.tree" "$T/err"
		if [ "$rc" -eq 0 ]; then
			compare "$c.tree" "$c.tree" "$T/got.tree"
		elif [ -f "$c.tree" ]; then
			bad "$c.tree: tree exited $rc" "$T/err"
		fi
	fi
done

# Every diagnostic code has a case, but for the codes no input can make the program print, each with its reason:
#   xml-schema  raised only when baocao's own XML breaks grammar/baocao.rng, a bug of baocao (the fuzzer's xml mode
#               fails on it); `xml --validate` then prints each problem with this code and exits 2 (the unit tests
#               of test_xml.c validate broken documents directly)
UNREACHABLE="xml-schema"
missing=
ncodes=0
ids=$(sed -n 's/^BC_DIAG([A-Z0-9_]*, *"\([a-z0-9-]*\)".*/\1/p' compiler/diag/diag_codes.def)
for id in $ids; do
	ncodes=$((ncodes + 1))
	case " $UNREACHABLE " in *" $id "*) continue ;; esac
	if ! cat tests/regress/*/*.check tests/regress/*/*.pdferr 2>/dev/null | grep -qF "[$id]"; then
		missing="$missing $id"
	fi
done
for id in $UNREACHABLE; do
	case " $(echo $ids) " in *" $id "*) ;; *) missing="$missing $id(listed as unreachable, not in the table)" ;; esac
done
if [ "$ncodes" -eq 0 ]; then
	echo "FAIL coverage: no code read from compiler/diag/diag_codes.def"
	fail=$((fail + 1))
elif [ -n "$missing" ]; then
	echo "FAIL coverage: no case prints$missing"
	fail=$((fail + 1))
else
	echo "ok coverage: each of the $ncodes codes is printed by some case (but$(printf ' %s' $UNREACHABLE), which no input can raise)"
	pass=$((pass + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
