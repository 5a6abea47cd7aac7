#!/bin/sh
# same-output.sh — byte-compares what two baocao binaries write (xml; check as text, json, sarif and in English; exit statuses) for the seeds, the samples and generated edge cases.
#
#   sh bench/same-output.sh OLD NEW     prints "ALL IDENTICAL (N inputs)" or a DIFF line per output; exit 1 on a difference
#   SAME_PDF=1 sh bench/same-output.sh OLD NEW   also compares the PDFs (SOURCE_DATE_EPOCH=0, so both are reproducible)
#   SARIF_BY_ID=1 ...   compares the SARIF logs by rule id: each ruleIndex must name its ruleId in its own log, then the
#                       indices are dropped and the rules sorted by id (for a reordered code table; the text is unchanged)
# Inputs: ../shared/seeds/*.txt (or $BAOCAO_SEEDS), samples/*.txt, seed 000 with its body x2 and x3, a 3 000-row table,
# and variants that take the decoder's other paths: CRLF, lone CR, NFD, control characters and a BOM inside,
# superscripts before combining marks, UTF-16, CP1258.  With BAOCAO_NO_JIT=1 in the environment both run PCRE2's
# interpreter.  Run from the top of the tree.
set -u
OLD=$1
NEW=$2
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
mkdir "$D/in"
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
cp "$SEEDS"/*.txt "$D/in/" 2>/dev/null || true
cp samples/*.txt tests/regress/crash/*.txt "$D/in/"
first=$(ls "$SEEDS"/*.txt 2>/dev/null | head -1)
if [ -n "$first" ]; then
	sh bench/gen.sh body "$first" 2 >"$D/in/body-x2.txt"
	sh bench/gen.sh body "$first" 3 >"$D/in/body-x3.txt"
	second=$(ls "$SEEDS"/*.txt | sed -n 2p)
	[ -n "$second" ] && sed 's/$/\r/' "$second" >"$D/in/crlf.txt"
fi
sh bench/gen.sh table 3000 >"$D/in/table-3000.txt"
python3 - "$D/in" <<'PY'
import sys, unicodedata
d = sys.argv[1]
def lines(p):
    return open(p, encoding='utf-8').read().split('\n')
open(d + '/nfd.txt', 'w', encoding='utf-8').write(unicodedata.normalize('NFD', open('samples/bao-cao-6-thang.txt', encoding='utf-8').read()))
l = lines('samples/cong-van.txt')
l[5] += '\u0085x'; l[7] += '\ufeff'; l[9] += '\x01'; l[11] += '\x0cabc'; l[12] += '\x7f'
open(d + '/ctrl.txt', 'w', encoding='utf-8', newline='').write('\n'.join(l))
l = lines('samples/ke-hoach-explicit.txt')
l[3] += '\u00a0 \u00a7 \uff01 \u0300'
open(d + '/cr.txt', 'w', encoding='utf-8', newline='').write('\r'.join(l))
l = lines('samples/bao-cao-6-thang.txt')
l[20] += ' m\u00b2 x\u2074\u0301 \u2075\u0323\u0302 a\u0301\u2076'; l[22] += ' \u2126 \u212b A\u030a'
open(d + '/sup.txt', 'w', encoding='utf-8', newline='').write('\n'.join(l))
PY
iconv -f UTF-8 -t UTF-16 samples/bao-cao-6-thang.txt >"$D/in/utf16.txt"
iconv -f UTF-8 -t CP1258//TRANSLIT samples/cong-van.txt >"$D/in/cp1258.txt" 2>/dev/null || rm -f "$D/in/cp1258.txt"
fail=0
for f in "$D"/in/*.txt; do
	b=$(basename "$f" .txt)
	for v in old new; do
		if [ $v = old ]; then B=$OLD; else B=$NEW; fi
		o="$D/$b.$v"
		"$B" xml "$f" -o "$o.xml" 2>"$o.xmlerr"; echo $? >>"$o.rc"
		"$B" check "$f" >"$o.txt" 2>&1; echo $? >>"$o.rc"
		"$B" check "$f" --format json >"$o.json" 2>&1; echo $? >>"$o.rc"
		"$B" check "$f" --format sarif >"$o.sarif" 2>&1; echo $? >>"$o.rc"
		"$B" check "$f" --lang en >"$o.en" 2>&1; echo $? >>"$o.rc"
		if [ -n "${SAME_PDF:-}" ]; then
			SOURCE_DATE_EPOCH=0 "$B" pdf "$f" -o "$o.pdf" 2>"$o.pdferr"; echo $? >>"$o.rc"
		fi
	done
	if [ -n "${SARIF_BY_ID:-}" ]; then
		for v in old new; do
			python3 - "$D/$b.$v.sarif" <<'PY' || { echo "DIFF $b.$v.sarif: not SARIF, or a ruleIndex does not name its ruleId"; fail=1; }
import json, sys
p = sys.argv[1]
log = json.load(open(p, encoding='utf-8'))
for run in log['runs']:
    rules = run['tool']['driver']['rules']
    for r in run['results']:
        if rules[r.pop('ruleIndex')]['id'] != r['ruleId']:
            sys.exit(1)
    rules.sort(key=lambda r: r['id'])
open(p, 'w', encoding='utf-8').write(json.dumps(log, ensure_ascii=False, indent=1))
PY
		done
	fi
	for e in xml xmlerr txt json sarif en pdf pdferr rc; do
		if [ -e "$D/$b.old.$e" ] || [ -e "$D/$b.new.$e" ]; then
			cmp -s "$D/$b.old.$e" "$D/$b.new.$e" || { echo "DIFF $b.$e"; fail=1; }
		fi
	done
done
[ $fail = 0 ] && echo "ALL IDENTICAL ($(ls "$D/in" | wc -l) inputs)"
exit $fail
