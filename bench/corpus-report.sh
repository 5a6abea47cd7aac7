#!/bin/sh
# corpus-report.sh — how much of each real document of ../shared/corpus the compiler gets right
# (`make corpus-report`; bench/README.md "Corpus report" holds the latest figures).
# One row per text file with a tests/corpus/NN.expect: its shape (SOURCES.md's "Shape:" line,
# or "Conversion:"/"Format:"), the shape baocao's restore stage detects and the lines it dropped or changed, by kind
# prints one), pages (form feeds + 1, or lines / 45 when the text has no form feed), header
# fields right of those written down, top-level headings, tables found / expected, and the
# findings of `baocao check --verbose` (every one, not five of a code) in all and per page.  Then the share of documents with each field
# exactly right.  Field results come from tests/corpus.sh --tsv, so both read the data alike.
# The corpus's other files (Word, RTF) get a row with what `check` makes of them.
# Env: BUILD (default build), BAOCAO_CORPUS (default ../shared/corpus).
BUILD=${BUILD:-build}
CORPUS=${BAOCAO_CORPUS:-../shared/corpus}
if [ ! -d "$CORPUS" ]; then
	echo "SKIP: $CORPUS not found"
	exit 0
fi
tsv=$(mktemp)
trap 'rm -f "$tsv"' EXIT
BUILD=$BUILD BAOCAO_CORPUS=$CORPUS sh tests/corpus.sh --tsv >"$tsv"
export BUILD CORPUS
python3 - "$tsv" <<'EOF'
import os, re, subprocess, sys, datetime

build, corpus = os.environ["BUILD"], os.environ["CORPUS"]
baocao = os.path.join(build, "baocao")
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
res = {}                       # NN -> field -> (status, expected, actual)
for nn, field, status, exp, act in rows:
    res.setdefault(nn, {})[field] = (status, exp, act)
right = lambda s: s in ("ok", "xpass")

# the data files' corpus names, and SOURCES.md's shape lines
names = {}
for f in sorted(os.listdir("tests/corpus")):
    if f.endswith(".expect"):
        for line in open(os.path.join("tests/corpus", f), encoding="utf-8"):
            if line.startswith("file:"):
                names[f[:-7]] = line.split(":", 1)[1].strip()
shape = {}
try:
    cur = None
    for line in open(os.path.join(corpus, "SOURCES.md"), encoding="utf-8"):
        m = re.match(r"^\*\*(\S+)\*\*\s*$", line)
        if m:
            cur = m.group(1)
            continue
        m = re.match(r"^- (Shape|Conversion|Format): (.*)$", line)
        if m and cur and cur not in shape:
            s = m.group(2)
            s = re.sub(r"\*\*", "", s)
            s = s.split(". ")[0].rstrip(".")
            s = s.replace("`", "")
            shape[cur] = s if len(s) <= 40 else s[:39] + "…"
except OSError:
    pass

def pages(path):
    data = open(path, "rb").read()
    ff = data.count(b"\f")
    if ff:
        return ff + 1 if not data.rstrip(b"\n ").endswith(b"\f") else ff
    return max(1, -(-data.count(b"\n") // 45))

def findings(path):
    r = subprocess.run([baocao, "check", "--lang", "en", "--verbose", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    out = (r.stdout + r.stderr).decode("utf-8", "replace")
    n = {lvl: len(re.findall(r":\d+:\d+: %s: " % lvl, out)) for lvl in ("fatal", "error", "warning", "note")}
    return n

def detected_shape(path):
    """The restore stage's shape and what it undid, from `baocao tree`'s "restored" section."""
    r = subprocess.run([baocao, "tree", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    out = r.stdout.decode("utf-8", "replace")
    m = re.search(r"^restored shape=(\w+)", out, re.M)
    if not m:
        return "typed, nothing restored" if r.returncode == 0 else "refused"
    kinds = re.findall(r"^  (?:removed|changed) ([a-z-]+) @", out, re.M)
    counts = {}
    for k in kinds:
        counts[k] = counts.get(k, 0) + 1
    return m.group(1) + ": " + ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))

HEADER = ["type", "number", "symbol", "date", "issuer", "title", "signer-name", "signer-position", "recipients"]
print("Corpus report, %s, %s" % (datetime.date.today().isoformat(), subprocess.run(
    ["git", "log", "-1", "--format=%h"], stdout=subprocess.PIPE).stdout.decode().strip() or "?"))
print()
print("| file | shape (SOURCES.md) | shape (baocao) | pages | header, signer, recipients right | headings | tables found/expected | check findings | per page |")
print("|---|---|---|---|---|---|---|---|---|")
tot_pages = tot_warn = tot_find = 0
for nn in sorted(names):
    name = names[nn]
    path = os.path.join(corpus, name)
    if not os.path.exists(path):
        continue
    r = res.get(nn, {})
    p = pages(path)
    fnd = findings(path)
    allf = sum(fnd.values())
    tot_pages += p
    tot_warn += fnd["warning"]
    tot_find += allf
    if "readable" in r:
        hdr = "unreadable: %s" % ("refused" if right(r["readable"][0]) else "compiled anyway")
        heads = tabs = "—"
    else:
        fs = [f for f in HEADER if f in r]
        hdr = "%d/%d" % (sum(1 for f in fs if right(r[f][0])), len(fs))
        heads = ("right" if right(r["headings"][0]) else "wrong") if "headings" in r else "—"
        if "tables" in r:
            tabs = "%s/%s" % (r["tables"][2], r["tables"][1])
        else:
            tabs = "—"
    desc = "%d" % allf
    parts = ["%d %s" % (fnd[l], l + ("s" if fnd[l] != 1 else "")) for l in ("fatal", "error", "warning", "note") if fnd[l]]
    if parts:
        desc += " (" + ", ".join(parts) + ")"
    print("| %s | %s | %s | %d | %s | %s | %s | %s | %.1f |" % (
        nn, shape.get(name, "?"), detected_shape(path), p, hdr, heads, tabs, desc, allf / p))

# the corpus files without a data file (Word, RTF): what check makes of them
have = set(names.values())
for name in sorted(os.listdir(corpus)):
    if name in have or name == "SOURCES.md" or not re.match(r"^\d\d_", name):
        continue
    path = os.path.join(corpus, name)
    r = subprocess.run([baocao, "check", "--lang", "en", "--verbose", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    out = (r.stdout + r.stderr).decode("utf-8", "replace")
    fatal = re.search(r": fatal: .*\[([a-z0-9-]+)\]", out)
    n = len(re.findall(r":\d+:\d+: (?:fatal|error|warning|note): ", out))
    what = "refused [%s]" % fatal.group(1) if fatal else "%d findings" % n
    ext = {"docx": "Word .docx", "doc": "Word 97-2003 .doc"}.get(name.rsplit(".", 1)[-1], "?")
    print("| %s | %s | — | — | no data (not a text file) | — | — | %s | — |" % (
        name[:2], shape.get(name, ext), what))

docs = [nn for nn in names if nn in res and "readable" not in res[nn]]
def pct(fields, given=False):
    having = [nn for nn in docs if all(f in res[nn] for f in fields)]
    if given:
        having = [nn for nn in having if all(res[nn][f][1] not in ("", "0") for f in fields)]
    good = [nn for nn in having if all(right(res[nn][f][0]) for f in fields)]
    return len(good), len(having)
show = lambda g, h: "%d/%d, %s" % (g, h, "%.0f %%" % (100.0 * g / h) if h else "—")
print()
print("Documents with the field exactly right (of the %d readable documents with data; an empty" % len(docs))
print("expected value, such as a draft's blank number, is right when the compiler reports none):")
print()
print("| field | right | where the text gives a value |")
print("|---|---|---|")
for label, fields in [("type", ["type"]), ("number", ["number"]), ("symbol", ["symbol"]),
                      ("date", ["date"]), ("issuer", ["issuer"]), ("title", ["title"]),
                      ("all six header fields", ["type", "number", "symbol", "date", "issuer", "title"]),
                      ("signer name and position", ["signer-name", "signer-position"]),
                      ("recipients (count)", ["recipients"]), ("top-level headings", ["headings"]),
                      ("tables (count)", ["tables"])]:
    print("| %s | %s | %s |" % (label, show(*pct(fields)), show(*pct(fields, True))))
unread = [nn for nn in names if nn in res and "readable" in res[nn]]
print("| unreadable text refused | %s | |" % show(sum(1 for nn in unread if right(res[nn]["readable"][0])), len(unread)))
print()
print("check: %d warnings on %d pages, %.2f warnings per page (%d findings of every level, %.2f per page)" % (
    tot_warn, tot_pages, tot_warn / tot_pages if tot_pages else 0, tot_find, tot_find / tot_pages if tot_pages else 0))
EOF
