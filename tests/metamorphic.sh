#!/bin/sh
# metamorphic.sh — the samples and seeds rewritten into the shapes converters make must give the same tree.
#
# Each rewriter below turns a document into what a converter or an office's copy makes of it (a PDF's
# text with form feeds, page numbers and a signature stamp; CRLF; a PDF font's Ƣ for Ư; mammoth's
# Markdown escapes and __bold__; Word field codes; a Word file's empty paragraphs holding a
# NO-BREAK SPACE …).  `baocao tree` of the rewritten text must equal that of the original, once what
# only says where the text stood is set aside: positions (@L:C), the source-form flags (wrapped,
# joined-at), the order of the header's lines (read column by column), and the `restored` section that
# lists what the restore stage undid.  Each node and each
# fact counts as a field; the suite fails on any difference, and prints the share of fields kept.
# Usage: tests/metamorphic.sh [REWRITER...]   Env: BUILD, BAOCAO_SEEDS, BAOCAO_WRAP.
BUILD=${BUILD:-build}
SEEDS=${BAOCAO_SEEDS:-../shared/seeds}
export BUILD SEEDS
if [ ! -d "$SEEDS" ]; then
	echo "note: $SEEDS is absent: the seeds are skipped, the samples still run"
fi
exec python3 - "$@" <<'EOF'
import os, re, shlex, subprocess, sys, tempfile, glob

build = os.environ["BUILD"]
seeds = os.environ["SEEDS"]
wrap = shlex.split(os.environ.get("BAOCAO_WRAP", ""))
baocao = os.path.join(build, "baocao")

docs = sorted(glob.glob("samples/*.txt"))
seed_docs = sorted(glob.glob(os.path.join(seeds, "*.txt")))
if wrap:
    # under memcheck the samples are enough: the seeds' 40 runs would take most of `make valgrind`
    print("note: under " + " ".join(wrap[:1]) + " only the samples are rewritten")
    seed_docs = []

# ---- the rewriters: text in, text out, as a converter would leave it ----

def stamp(t):
    # a signed PDF's digital-signature stamp before the header (a metadata block must stay first: no PDF has one)
    if t.startswith("---"):
        return t
    return ("Ký bởi: ỦY BAN NHÂN DÂN\nXÃ AN THẮNG\nThời gian ký: 24/6/2026\n09:15:02\n\n") + t

def pages(t):
    # form feeds and page numbers at the top of each page, at block boundaries every ~40 lines
    lines = t.split("\n")
    out, page, since = [], 1, 0
    for i, l in enumerate(lines):
        out.append(l)
        since += 1
        if since >= 40 and l.strip() == "" and i + 1 < len(lines) and lines[i + 1].strip():
            page += 1
            out.append("\f" + str(page))
            out.append("")
            since = 0
    return "\n".join(out)

def crlf(t):
    return t.replace("\n", "\r\n")

def glyphs(t):
    # a PDF font that maps Ư ư to U+01A2 U+01A3
    return t.replace("Ư", "\u01a2").replace("ư", "\u01a3")

def fields(t):
    # Word field codes where the page numbers stood
    return t.rstrip("\n") + "\n\n  PAGE   \\* MERGEFORMAT  2 \n\n PAGE \n"

def nbsp_blank(t):
    # a Word file's empty paragraphs, each holding a NO-BREAK SPACE
    return re.sub(r"\n\n", "\n\u00a0\n", t)

def markdown(t):
    # mammoth: labels and list dashes escaped, bold written __…__
    out = []
    for l in t.split("\n"):
        l = re.sub(r"^([a-zđ]|\d+)\)", r"\1\\)", l)
        l = re.sub(r"^(\d+(?:\.\d+)*)\. ", lambda m: m.group(1).replace(".", "\\.") + "\\. ", l)
        l = re.sub(r"^- ", r"\\- ", l)
        l = re.sub(r"^\*\*(.+)\*\*$", r"__\1__", l)
        out.append(l)
    return "\n".join(out)

TYPES = ("BÁO CÁO", "KẾ HOẠCH", "QUYẾT ĐỊNH", "CÔNG VĂN", "THÔNG BÁO", "TỜ TRÌNH", "CHỈ THỊ", "CHƯƠNG TRÌNH")

def header_split(t):
    """The header's lines (before the type line, or the V/v of a dispatch) as the two columns a Word
    file lays them out in: the issuer and the number on the left, the motto (the state's, or the Party's
    "ĐẢNG CỘNG SẢN VIỆT NAM") and the date on the right."""
    lines = t.split("\n")
    end = next((i for i, l in enumerate(lines) if l.strip().strip("*") in TYPES or l.startswith("Kính gửi")), None)
    if end is None or t.startswith("---"):
        return None
    left, right = [], []
    for l in lines[:end]:
        c = l.strip()
        if not c or set(c) <= set("-_*"):
            continue   # the rules under the issuer and the motto: the table's borders
        (right if ("CỘNG HÒA" in c or "Độc lập" in c or "ĐẢNG CỘNG SẢN" in c or ", ngày" in c) else left).append(c)
    return left, right, lines[end:]

def pipes(t):
    # antiword: the header's layout table as rows of "|", no rule under the first
    h = header_split(t)
    if not h:
        return t
    left, right, rest = h
    rows = ["|%-40s|%-50s|" % (left[i] if i < len(left) else "", right[i] if i < len(right) else "")
            for i in range(max(len(left), len(right)))]
    return "\n".join(rows + [""] + rest)

def sides(t):
    # pdftotext -layout: the same two columns side by side, and a form feed that makes it a PDF's text
    h = header_split(t)
    if not h:
        return t
    left, right, rest = h
    rows = [("%-40s%s" % ("    " + left[i] if i < len(left) else "", right[i] if i < len(right) else "")).rstrip()
            for i in range(max(len(left), len(right)))]
    return "\n".join(rows + [""] + rest).rstrip("\n") + "\n\f2\n"

REWRITERS = {
    "pipes": (pipes, False),
    "sides": (sides, False),
    # name: (function, applies to seeds too)
    "stamp": (stamp, True),
    "pages": (pages, True),
    "crlf": (crlf, True),
    "glyphs": (glyphs, True),
    # a field code makes the text a Word file's, whose paragraphs are whole (no page-split joins):
    # the seeds' page splits would rightly read otherwise, so only the samples
    "fields": (fields, False),
    "nbsp-blank": (nbsp_blank, False),
    "markdown": (markdown, False),
}
only = [a for a in sys.argv[1:] if a in REWRITERS]

# ---- the comparison ----

POS = re.compile(r" (?:note=)?@(?:-|\d+:\d+(?:-\d+)?|\d+)")
FORM = re.compile(r" (?:wrapped|joined-at=\d+|fragment-merged=\d+)")
RECOVERED = re.compile(r"^  (?:number-from|issued-from) @\d+$")

def tree(path):
    r = subprocess.run(wrap + [baocao, "tree", path], capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace")
    out = []
    for line in r.stdout.decode("utf-8").split("\n"):
        if line.startswith("restored "):
            break   # what the restore stage undid: the rewritten text's own
        if RECOVERED.match(line):
            continue
        out.append(FORM.sub("", POS.sub("", line)))
    while out and out[-1] == "":
        out.pop()
    # the header's lines in the order the columns were read: the same lines, each with its role, in any order
    # (a dispatch's V/v stands under the number, after the motto once the two columns are written one by one)
    if "  meta" in out:
        m = out.index("  meta")
        e = m + 1
        while e < len(out) and out[e].startswith("    "):
            e += 1
        groups, cur = [], []
        for l in out[m + 1:e]:
            if not l.startswith("      ") and cur:
                groups.append(cur)
                cur = []
            cur.append(l)
        if cur:
            groups.append(cur)
        out[m + 1:e] = [l for g in sorted(groups) for l in g]
    return out, ""

passed = failed = 0
kept = total = 0
tmp = tempfile.mkdtemp()
for name, (fn, on_seeds) in REWRITERS.items():
    if only and name not in only:
        continue
    for doc in docs + (seed_docs if on_seeds else []):
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        want, err = tree(doc)
        if want is None:
            print(f"FAIL {name} {doc}: the original does not compile: {err.strip()[:200]}")
            failed += 1
            continue
        out = os.path.join(tmp, name + "-" + os.path.basename(doc))
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(fn(text))
        got, err = tree(out)
        if got is None:
            print(f"FAIL {name} {doc}: the rewritten text does not compile: {err.strip()[:200]}")
            failed += 1
            total += len(want)
            continue
        same = sum(1 for a, b in zip(want, got) if a == b)
        total += max(len(want), len(got))
        kept += same
        if want == got:
            print(f"ok {name} {doc}")
            passed += 1
        else:
            import difflib
            d = list(difflib.unified_diff(want, got, "original", name, n=1, lineterm=""))
            print(f"FAIL {name} {doc}: the tree differs")
            for l in d[:24]:
                print("    " + l)
            failed += 1
share = 100.0 * kept / total if total else 100.0
print(f"fields kept: {kept}/{total} ({share:.1f} %)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
