#!/bin/sh
# corpus.sh — the real documents of ../shared/corpus against what a clerk reads in them.
# Each tests/corpus/NN.expect (format: tests/corpus/README.md) names one corpus file and the
# facts written down by hand; the runner compiles the file with `baocao tree` (and `check` for
# "readable"), takes the same facts from the outline and its facts section, and prints one
# line per field: "ok", "ok … # xfail: REASON" (a known failure, marked "xfail FIELD: REASON"
# in the data), "FAIL" (a wrong value, or an XPASS: an xfail that now passes, so that the mark
# is removed).  Ends with one line "N passed, N failed".
# Usage: tests/corpus.sh [--tsv] [NN...]   (--tsv: one tab-separated line per field for
#        bench/corpus-report.sh: NN, field, status, expected, actual)
#        tests/corpus.sh --facts FILE: the facts the compiler reads in FILE, written as a data
#        file (for bench/roundtrip.sh, which compares a clean text with its converted copies)
# Env: BUILD (default build), BAOCAO_CORPUS (default ../shared/corpus), BAOCAO_WRAP,
#      CORPUS_EXPECT (default tests/corpus).
BUILD=${BUILD:-build}
CORPUS=${BAOCAO_CORPUS:-../shared/corpus}
if [ ! -d "$CORPUS" ]; then
	echo "SKIP: $CORPUS not found"
	exit 0
fi
export BUILD CORPUS
exec python3 - "$@" <<'EOF'
import os, re, shlex, subprocess, sys, tempfile, unicodedata

build = os.environ.get("BUILD", "build")
corpus = os.environ.get("CORPUS", "../shared/corpus")
expdir = os.environ.get("CORPUS_EXPECT", "tests/corpus")
wrap = shlex.split(os.environ.get("BAOCAO_WRAP", ""))
baocao = os.path.join(build, "baocao")
args = sys.argv[1:]
tsv = "--tsv" in args
only = {a for a in args if not a.startswith("--")}

FIELDS = ["type", "number", "symbol", "date", "issuer", "title", "signer-name",
          "signer-position", "recipients", "headings", "tables", "table-cols", "table-rows",
          "appendices", "notes", "readable", "words"]

# ---- the data files
def read_expect(path):
    exp, xfail, errors = {}, {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^xfail ([a-z-]+):\s*(.*)$", line)
            if m:
                if m.group(1) not in FIELDS:
                    errors.append("%s:%d: xfail of unknown field %r" % (path, n, m.group(1)))
                xfail[m.group(1)] = m.group(2) or "(no reason given)"
                continue
            m = re.match(r"^([a-z-]+):\s?(.*)$", line)
            if not m or (m.group(1) not in FIELDS and m.group(1) != "file"):
                errors.append("%s:%d: not a known 'key: value' line" % (path, n))
                continue
            if m.group(1) in exp:
                errors.append("%s:%d: %s given twice" % (path, n, m.group(1)))
            exp[m.group(1)] = m.group(2).strip()
    for k in xfail:
        if k not in exp and k != "words":   # "words: all" holds for every readable text unless written
            errors.append("%s: xfail %s without an expected %s" % (path, k, k))
    if "file" not in exp:
        errors.append("%s: no 'file:' line" % path)
    return exp, xfail, errors

# ---- the outline of `baocao tree`: (depth, type, attribute text, quoted text or None)
QUOTED = re.compile(r' "((?:[^"\\]|\\.)*)"$')

def unquote(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)

class Node:
    def __init__(self, depth, kind, attrs, text):
        self.depth, self.kind, self.attrs, self.text, self.kids = depth, kind, attrs, text, []
    def attr(self, name):
        m = re.search(r'(?:^| )' + re.escape(name) + r'=(?:"((?:[^"\\]|\\.)*)"|(\S+))', self.attrs)
        if not m:
            return None
        return unquote(m.group(1)) if m.group(1) is not None else m.group(2)
    def flag(self, name):
        return re.search(r'(?:^| )' + re.escape(name) + r'(?: |$)', self.attrs) is not None
    def all_text(self):
        if self.text is not None:
            return self.text
        return "".join(k.all_text() for k in self.kids)
    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()

def parse_tree(out):
    root = Node(-1, "root", "", None)
    stack = [root]
    for line in out.split("\n"):
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        text = None
        m = QUOTED.search(body)
        if m:
            text = unquote(m.group(1))
            body = body[:m.start()]
        kind, _, attrs = body.partition(" ")
        n = Node(depth, kind, attrs, text)
        while stack[-1].depth >= depth:
            stack.pop()
        stack[-1].kids.append(n)
        stack.append(n)
    return root

def child(n, kind):
    for k in n.kids:
        if k.kind == kind:
            return k
    return None

# ---- the actual facts
HEAD_PREFIX = {"article": "Điều ", "chapter": "Chương ", "part": "Phần ", "subchapter": "Mục "}

def run(argv):
    try:
        return subprocess.run(wrap + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(argv, -1, b"", b"timed out after 600 s")

FIDELITY = os.path.join(build, "tools", "fidelity")

def words_kept(path):
    """"all" when every word of the input reaches the XML in order (the fidelity tool), else its
    first problems; "" when the tool is not built."""
    if not os.path.exists(FIDELITY):
        return ""
    with tempfile.TemporaryDirectory() as d:
        x = os.path.join(d, "out.xml")
        r = run([baocao, "xml", path, "-o", x])
        if not os.path.exists(x):
            return "no XML (exit %d)" % r.returncode
        f = subprocess.run(wrap + [FIDELITY, path, x], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if f.returncode == 0:
            return "all"
        lines = f.stdout.decode("utf-8", "replace").splitlines()
        m = re.search(r"(\d+) problem", lines[0] if lines else "")
        return "%s problem(s): %s" % (m.group(1) if m else "?", "; ".join(l.strip() for l in lines[1:4]))

def actual_facts(path):
    r = run([baocao, "tree", path])
    out = r.stdout.decode("utf-8", "replace")
    act = {"_rc": r.returncode, "_err": r.stderr.decode("utf-8", "replace").strip()}
    root = parse_tree(out)
    report = child(root, "report")
    facts = child(root, "facts")
    act["_ok"] = r.returncode in (0, 1) and report is not None and facts is not None
    f = {}
    recips = []
    if facts:
        for k in facts.kids:
            if k.kind == "recipient":
                recips.append(k.attrs.split(" ")[0])
            elif k.kind not in f:
                f[k.kind] = k.text if k.text is not None else k.attrs.strip()
    doctype = report.attr("doctype") if report else None
    act["type"] = f.get("type-name") or (doctype.capitalize() if doctype else "")
    act["number"] = f.get("code-number", "")
    act["symbol"] = f.get("code-notation", "")
    act["date"] = f.get("issued", "")
    if not act["date"] and report:
        # no complete date for the archive: what the dateline gives, a blank day or month left out ("2025-11")
        meta0 = child(report, "meta")
        for k in (meta0.kids if meta0 else []):
            if k.kind == "line" and k.flag("dateline"):
                m = re.search(r"date=([0-9?]{4}(?:-[0-9?]{2}){0,2})", k.attrs or "")
                if m:
                    act["date"] = re.sub(r"(?:-\?\?)+$", "", m.group(1))
                break
    act["issuer"] = f.get("organ", "")
    title = f.get("subject", "")
    meta = child(report, "meta") if report else None
    if not title and meta:
        for k in meta.kids:
            if k.kind == "line" and k.flag("summary"):
                title = re.sub(r"^\s*V/v\s*", "", k.all_text())
                break
    act["title"] = title
    act["signer-name"] = f.get("signer-name", "")
    pos = []
    closing = child(report, "closing") if report else None
    # the signature whose name the model's facts give as the signer's (of two side by side, the one that
    # signs for the body: "CHỦ TRÌ" beside "THƯ KÝ"); else the first
    sigs = [k for k in closing.kids if k.kind == "signature"] if closing else []
    sig = sigs[0] if sigs else None
    for sg in sigs:
        if any(k.kind == "line" and k.flag("name") and k.all_text() == act["signer-name"] for k in sg.kids):
            sig = sg
            break
    if sig:
        for k in sig.kids:
            if k.kind == "line" and (k.flag("authority") or k.flag("position")):
                pos.append(k.all_text())
    act["signer-position"] = " / ".join(pos)
    act["recipients"] = str(sum(1 for k in recips if k in ("sent", "as-above")))
    heads = []
    body = child(report, "body") if report else None
    if body:
        for k in body.kids:
            if k.kind in ("section", "article", "chapter", "part") and k.attr("label") is not None:
                heads.append(HEAD_PREFIX.get(k.attr("kind") or k.kind, "") + k.attr("label"))
    act["headings"] = " | ".join(heads)
    tables = [n for n in root.walk() if n.kind == "table"] if report else []
    act["tables"] = str(len(tables))
    act["table-cols"] = " | ".join(t.attr("cols") or "?" for t in tables)
    act["table-rows"] = " | ".join(str(sum(1 for n in t.walk() if n.kind == "row" and not n.flag("head")))
                                   for t in tables)
    act["appendices"] = str(sum(1 for k in report.kids if k.kind == "appendix")) if report else "0"
    notes = child(report, "notes") if report else None
    act["notes"] = " | ".join(k.attr("id") or "?" for k in notes.kids if k.kind == "note") if notes else ""
    return act

def readable(path):
    """"no" when `baocao check` refuses the input (exit status other than 0)."""
    return "yes" if run([baocao, "check", path]).returncode == 0 else "no"

# ---- comparison
def norm(s):
    s = unicodedata.normalize("NFC", s)
    # a dash is a dash: converters write the author's "–" as "-" (docx2txt) or "--" (pandoc's Markdown)
    s = re.sub(r"\s*(?:--|–|—)\s*|\s+-\s+", " - ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"[\s.;:,]+$", "", s)

def near(e, a):
    """a within a quarter of e (at least 1 for rows, 2 for counts written "~N")."""
    return abs(a - e) <= max(1, e / 4)

def same(field, e, a):
    if field == "issuer":
        return norm(e.replace(" / ", " ")) == norm(a)
    if field in ("tables",):
        if e.startswith("~"):
            n = int(e[1:])
            return abs(int(a) - n) <= max(2, n / 4)
        return e == a
    if field == "table-rows":
        es = [x.strip() for x in e.split("|")] if e.strip() else []
        as_ = [x.strip() for x in a.split("|")] if a.strip() else []
        return len(es) == len(as_) and all(near(int(x), int(y)) for x, y in zip(es, as_))
    if field in ("headings", "table-cols", "signer-position"):
        es = [norm(x) for x in e.split(" | " if field != "signer-position" else " / ")] if e else []
        as_ = [norm(x) for x in a.split(" | " if field != "signer-position" else " / ")] if a else []
        return es == as_
    return norm(e) == norm(a)

def short(s, n=120):
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= n else s[:n - 1] + "…"

if args[:1] == ["--facts"] and len(args) == 2:
    act = actual_facts(args[1])
    if not act["_ok"]:
        sys.exit("corpus.sh: baocao tree %s exited %d" % (args[1], act["_rc"]))
    print("file: %s" % os.path.basename(args[1]))
    for field in FIELDS:
        if field in act and field not in ("readable", "words"):
            print("%s: %s" % (field, re.sub(r"\s+", " ", act[field]).strip()))
    sys.exit(0)

passed = failed = 0
files = sorted(f for f in os.listdir(expdir) if f.endswith(".expect"))
for name in files:
    nn = name[:-len(".expect")]
    if only and nn not in only:
        continue
    exp, xfail, errors = read_expect(os.path.join(expdir, name))
    for e in errors:
        print("FAIL %s data: %s" % (nn, e))
        failed += 1
    if "file" not in exp:
        continue
    path = os.path.join(corpus, exp["file"])
    if not os.path.exists(path):
        print("FAIL %s: %s not found in %s" % (nn, exp["file"], corpus))
        failed += 1
        continue
    if exp.get("readable") == "no":
        act = {"readable": readable(path), "_ok": True}
    else:
        act = actual_facts(path)
        if not act["_ok"]:
            print("FAIL %s compile: baocao tree exited %d: %s" % (nn, act["_rc"], short(act["_err"], 300)))
            failed += 1
            continue
        if not tsv:
            print("ok %s compile" % nn)
        passed += 1
        # nothing lost: every readable text's words reach its XML, whether or not the data says so
        exp.setdefault("words", "all")
        act["words"] = words_kept(path)
        if act["words"] == "":
            exp.pop("words")
    for field in FIELDS:
        if field not in exp:
            continue
        e, a = exp[field], act.get(field, "")
        good = same(field, e, a)
        x = xfail.get(field)
        if good and x is None:
            status = "ok"
            line = "ok %s %s" % (nn, field)
            passed += 1
        elif not good and x is not None:
            status = "xfail"
            line = "ok %s %s # xfail: %s" % (nn, field, x)
            passed += 1
        elif good:
            status = "xpass"
            line = "FAIL %s %s: XPASS, now right (%s); remove the xfail mark (%s)" % (nn, field, short(a), x)
            failed += 1
        else:
            status = "fail"
            line = "FAIL %s %s: expected \"%s\", got \"%s\"" % (nn, field, short(e), short(a))
            failed += 1
        if tsv:
            print("\t".join([nn, field, status, e.replace("\t", " "), a.replace("\t", " ").replace("\n", " ")]))
        else:
            print(line)
if not tsv:
    print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
