#!/bin/sh
# format-examples.sh — runs the examples of grammar/FORMAT.md, as cmark runs its spec's examples.
# Each ```example block is given to `baocao tree`; the ```tree block right after it lists
# lines the outline must contain, in order (conventions: FORMAT.md §1).  An ```example xfail
# block is a known bug: it must still fail, and passing (XPASS) is a failure so that a fix is
# noticed and the mark removed.  Ends with one line "N passed, N failed".
# Usage: tests/format-examples.sh [NUMBER...]   (only those examples)
# Env: BUILD (build tree, default build), BAOCAO_WRAP (e.g. valgrind command), FORMAT (the spec).
BUILD=${BUILD:-build}
FORMAT=${FORMAT:-grammar/FORMAT.md}
export BUILD FORMAT
exec python3 - "$@" <<'EOF'
import os, re, shlex, subprocess, sys, tempfile, difflib

build = os.environ.get("BUILD", "build")
spec = os.environ.get("FORMAT", "grammar/FORMAT.md")
wrap = shlex.split(os.environ.get("BAOCAO_WRAP", ""))
baocao = os.path.join(build, "baocao")
only = {int(a) for a in sys.argv[1:] if a.isdigit()}

# ---- extraction: (number, section, line, info, input text, expected lines)
FENCE = re.compile(r"^(`{3,})\s*(.*?)\s*$")

def blocks(lines):
    """Fenced blocks as (start line, info string, body lines); headings as (line, None, title)."""
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if m:
            fence, info = m.group(1), m.group(2)
            body = []
            j = i + 1
            while j < len(lines) and not re.match(r"^" + fence + r"`*\s*$", lines[j]):
                body.append(lines[j])
                j += 1
            yield (i + 1, info, body)
            i = j + 1
            continue
        if line.startswith("## ") or line.startswith("### "):
            yield (i + 1, None, line.lstrip("#").strip())
        elif line.strip():
            yield (i + 1, "", None)   # prose: separates an example from a later tree block
        i += 1

def examples(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    section = ""
    pending = None
    out = []
    for start, info, body in blocks(lines):
        if info is None:
            section = body
            pending = None
            continue
        words = info.split()
        if body is None:
            if pending:
                sys.exit("%s:%d: example without a tree block right after it" % (path, pending[1]))
            continue
        if words[:1] == ["example"]:
            if pending:
                sys.exit("%s:%d: example without a tree block right after it" % (path, pending[1]))
            xfail = None
            if len(words) > 1:
                if words[1].rstrip(":") != "xfail":
                    sys.exit("%s:%d: unknown example mark %r" % (path, start, words[1]))
                xfail = info.split(None, 2)[2] if len(words) > 2 else "(no reason given)"
            pending = (section, start, xfail, body)
        elif words[:1] == ["tree"]:
            if not pending:
                sys.exit("%s:%d: tree block without an example before it" % (path, start))
            sec, line, xfail, text = pending
            expected = [l for l in body if l.strip()]
            if not expected:
                sys.exit("%s:%d: empty tree block" % (path, start))
            out.append((len(out) + 1, sec, line, xfail, text, expected))
            pending = None
        elif pending:
            sys.exit("%s:%d: example without a tree block right after it" % (path, pending[1]))
    if pending:
        sys.exit("%s:%d: example without a tree block right after it" % (path, pending[1]))
    return out

# ---- comparison
# A position "@LINE:COL[-END]" or "@-" stands after the facts, before the quoted text.
POS = re.compile(r" @(?:\d+:\d+(?:-\d+)?|-)(?= \"|$)")

def indent(l):
    return len(l) - len(l.lstrip(" "))

def same(exp, got):
    """Equal lines, leading spaces aside; a position the expected line leaves out is not compared."""
    e, g = exp.strip(), got.strip()
    if not POS.search(e):
        g = POS.sub("", g, count=1)
    return e == g

def match(expected, output, neg=()):
    """Indexes of output lines matching the expected lines in order, with the same depth
    differences, each line inside the output subtree of its expected parent; or
    (None, k) with k the number of expected lines that could be matched at best."""
    n, m = len(expected), len(output)
    ed = [indent(l) for l in expected]
    od = [indent(l) for l in output]
    end = [m] * m            # first line after each output node's subtree
    stack = []
    for j in range(m):
        while stack and od[stack[-1]] >= od[j]:
            end[stack.pop()] = j
        stack.append(j)
    parent = []
    for k in range(n):
        p = None
        for q in range(k - 1, -1, -1):
            if ed[q] < ed[k]:
                p = q
                break
        parent.append(p)
    best = [0, []]           # most lines matched, and where
    got = []

    def absent(nx, line):
        d = indent(line) - ed[0] + od[got[0]] if got else None
        lo = got[nx - 1] + 1 if nx > 0 else 0
        hi = got[nx] if nx < n else m
        if nx == n and n:
            # after the last line: up to the end of the subtree of the negative line's parent
            p = None
            for q in range(n - 1, -1, -1):
                if ed[q] < indent(line):
                    p = q
                    break
            hi = end[got[p]] if p is not None else m
        for j in range(lo, hi):
            if (d is None or od[j] == d) and same(line, output[j]):
                return False
        return True

    def search(k, start):
        if k > best[0] or not best[1]:
            best[0], best[1] = k, list(got)
        if k == n:
            return all(absent(nx, line) for nx, line in neg)

        limit = end[got[parent[k]]] if parent[k] is not None else m
        for j in range(start, limit):
            if k and od[j] - od[got[0]] != ed[k] - ed[0]:
                continue
            if not same(expected[k], output[j]):
                continue
            got.append(j)
            if search(k + 1, j + 1):
                return True
            got.pop()
        return False

    if search(0, 0):
        return got, n, got
    return None, best[0], best[1]

def check(tree, output):
    """Matches the tree block's lines; a line "! LINE" must match no output line at its depth
    between the lines matched before and after it (within its parent's subtree)."""
    pos, neg = [], []   # neg: (number of positive lines before it, the line without "! ")
    for l in tree:
        if l.lstrip().startswith("! "):
            neg.append((len(pos), " " * indent(l) + l.lstrip()[2:]))
        else:
            pos.append(l)
    got, k, near = match(pos, output, neg)
    return got, k, near, pos

# ---- running
passed = failed = 0
tmp = tempfile.mkdtemp()
for num, section, line, xfail, text, expected in examples(spec):
    if only and num not in only:
        continue
    src = os.path.join(tmp, "example-%d.txt" % num)
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(l.replace("\u21e5", "\t") for l in text) + "\n")
    r = subprocess.run(wrap + [baocao, "tree", src], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    output = r.stdout.decode("utf-8", "replace").split("\n")
    output = [l for l in output if l.strip()]
    got, k, near, expected = check(expected, output)
    title = "%s (%s:%d)" % (section, spec, line)
    if got is not None and xfail is None:
        print("ok %d %s" % (num, title))
        passed += 1
    elif got is None and xfail is not None:
        print("ok %d %s # xfail: %s" % (num, title, xfail))
        passed += 1
    elif got is not None:
        print("FAIL %d %s: XPASS, the bug is fixed; remove the xfail mark (%s)" % (num, title, xfail))
        failed += 1
    else:
        if k < len(expected):
            print("FAIL %d %s: expected line %d not found: %s" % (num, title, k + 1, expected[k].strip()))
        else:
            print("FAIL %d %s: every line found, but also a line marked \"! \"" % (num, title))
        if r.returncode not in (0, 1):
            print("    baocao tree exited %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace").strip()[:500]))
        # the expectation indented as the output is where its first lines matched, against
        # that part of the output; positions shown only when the missing line gives one
        bare = lambda l: POS.sub("", l, count=1)
        miss = bare(expected[k]).strip() if k < len(expected) and POS.search(expected[k]) else None
        norm = [l if miss and bare(l).strip() == miss else bare(l) for l in output]
        shift, lo, hi = 0, 0, len(output)
        if near:
            shift = indent(output[near[0]]) - indent(expected[0])
            d = indent(output[near[0]])
            lo = near[0]
            while lo > 0 and indent(output[lo - 1]) >= d:
                lo -= 1
            hi = near[0] + 1
            while hi < len(output) and indent(output[hi]) >= d:
                hi += 1
        exp = [" " * max(0, indent(e) + shift) + (e if i == k else bare(e)).lstrip()
               for i, e in enumerate(expected)]
        for d in difflib.unified_diff(exp, norm[lo:hi], "expected", "baocao tree", lineterm="", n=2):
            print("    " + d)
        failed += 1
for f in os.listdir(tmp):
    os.unlink(os.path.join(tmp, f))
os.rmdir(tmp)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
