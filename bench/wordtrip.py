# wordtrip.py — writes a sample as the .docx an office clerk would type in Word, from the compiler's own XML (baocao xml).
# Usage: /usr/bin/python3 bench/wordtrip.py REPORT.xml SOURCE.txt OUT.docx   (python-docx is Debian's python3-docx,
# importable only by the system Python).  Layout of Nghị định 30/2020: Times New Roman 13 pt, A4, margins 2 cm
# (3 cm left); the header and the closing are borderless two-column tables; data tables are "Table Grid" tables
# with merged spans; footnotes are real Word footnotes (a word/footnotes.xml part added by hand, since
# python-docx has no API for them), so the expectations keep the `notes` field.
# The XML gives the structure; the source text (each node's `line`) gives only the label as the author wrote it
# ("I.", "1.1.", "(1)", "*)", "- "), which the model keeps as a bare value.  Every word of the XML's text nodes
# (except the derived metadata, TypeName … To) must reach the .docx: the script checks it and says what is lost.
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

NS = "{urn:baocao:report:1}"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Times New Roman"
# the metadata the compiler derives (archive fields), not text of the document: not rendered
DERIVED = {"TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language",
           "SignerInfo", "Position", "FullName", "To", "Priority"}

xml_path, src_path, out_path = sys.argv[1:4]
root = ET.parse(xml_path).getroot()
with open(src_path, encoding="utf-8") as f:
    SRC = f.read().split("\n")


def tag(e):
    return e.tag[len(NS):] if e.tag.startswith(NS) else e.tag


def kids(e, name=None):
    return [c for c in e if name is None or tag(c) == name]


def first(e, name):
    for c in e:
        if tag(c) == name:
            return c
    return None


def plain(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip() if e is not None else ""


def src_prefix(e, text, fallback):
    """The label as the author wrote it before TEXT on the node's source line ("I.", "(1)", "- "), else FALLBACK."""
    try:
        s = SRC[int(e.get("line")) - 1].strip()
    except (TypeError, ValueError, IndexError):
        return fallback
    words = text.split()
    if not words:
        return fallback
    for key in (" ".join(words[:2]), words[0]):
        i = s.find(key)
        if i > 0:
            p = re.sub(r"^#+\s*", "", s[:i]).replace("**", "").replace("__", "").strip()
            if p and len(p) <= 16:
                return p
            break
    return fallback


def label_fallback(label, level=None):
    if not label:
        return ""
    if label == "*":
        return "*)"
    if re.fullmatch(r"[a-zđ]", label):
        return label + ")"
    return label + "."


doc = Document()
st = doc.styles["Normal"]
st.font.name = FONT
st.font.size = Pt(13)
rpr = st.element.get_or_add_rPr()
rf = rpr.find(qn("w:rFonts"))
if rf is None:
    rf = parse_xml('<w:rFonts xmlns:w="%s"/>' % W_NS)
    rpr.append(rf)
for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
    rf.set(qn(a), FONT)
st.paragraph_format.space_after = Pt(0)
st.paragraph_format.space_before = Pt(0)
st.paragraph_format.line_spacing = 1.1
sec = doc.sections[0]
sec.page_width, sec.page_height = Cm(21), Cm(29.7)
sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
sec.left_margin, sec.right_margin = Cm(3), Cm(2)
TEXT_W = Cm(16)

# ---- footnotes: python-docx has no API, so a footnotes part is built and related to the document
notes = {}
nx = root.find(NS + "notes")
if nx is not None:
    for n in kids(nx, "note"):
        notes[n.get("id")] = n
RSID = ("00B2412F", "00B2412F", "004E7A19", "00B2412F", "00D61C3A")  # a few editing sessions, as a real file has
foot_xml = []          # <w:footnote> elements, in order of reference
foot_ids = {}          # note id -> Word footnote id
used_notes = set()


def footnote_xml(wid, note):
    paras = kids(note, "p") or [note]
    out = []
    for k, p in enumerate(paras):
        runs = ""
        if k == 0:
            runs = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                    '<w:r><w:t xml:space="preserve"> </w:t></w:r>')
        t = plain(p).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        runs += '<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % t
        out.append('<w:p w:rsidR="004E7A19" w:rsidRDefault="004E7A19"><w:pPr><w:jc w:val="both"/></w:pPr>%s</w:p>' % runs)
    return '<w:footnote w:id="%d">%s</w:footnote>' % (wid, "".join(out))


def add_footnote_ref(par, ref):
    note = notes.get(ref)
    if note is None:  # a mark without a note: kept as the superscript figure it is
        r = par.add_run(ref)
        r.font.superscript = True
        return
    if ref not in foot_ids:
        foot_ids[ref] = len(foot_ids) + 1
        foot_xml.append(footnote_xml(foot_ids[ref], note))
        used_notes.add(ref)
    r = par.add_run()
    r._r.append(parse_xml('<w:rPr xmlns:w="%s"><w:vertAlign w:val="superscript"/></w:rPr>' % W_NS))
    r._r.append(parse_xml('<w:footnoteReference xmlns:w="%s" w:id="%d"/>' % (W_NS, foot_ids[ref])))


# ---- inline text: <b> <i> <u> <date> <noteref> <sup> <br/>; a nested <list> is left to the caller
def add_inline(par, e, b=False, i=False, u=False, size=None, skip=("list",)):
    def run(text, **kw):
        if not text:
            return
        r = par.add_run(text)
        r.bold = kw.get("b", b) or None
        r.italic = kw.get("i", i) or None
        r.underline = kw.get("u", u) or None
        if kw.get("sup"):
            r.font.superscript = True
        if size:
            r.font.size = Pt(size)

    run(e.text)
    for c in e:
        t = tag(c)
        if t in skip:
            pass
        elif t == "br":
            par.add_run().add_break()
        elif t == "noteref":
            add_footnote_ref(par, c.get("ref") or plain(c))
        elif t == "sup":
            run(plain(c), sup=True)
        else:
            add_inline(par, c, b or t == "b", i or t == "i", u or t == "u", size, skip)
        run(c.tail)


def para(container, align=None, indent=False, before=0, after=0, left=None):
    p = container.add_paragraph()
    pf = p.paragraph_format
    if align is not None:
        p.alignment = align
    if indent:
        pf.first_line_indent = Cm(1)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if left is not None:
        pf.left_indent = left
    return p


def text_para(container, text, align=None, b=False, i=False, u=False, size=None, **kw):
    p = para(container, align, **kw)
    r = p.add_run(text)
    r.bold, r.italic, r.underline = b or None, i or None, u or None
    if size:
        r.font.size = Pt(size)
    return p


def layout_table(widths):
    """A borderless table (the default table style of python-docx's template has no borders)."""
    t = doc.add_table(rows=1, cols=len(widths))
    t.autofit = False
    for k, w in enumerate(widths):
        t.columns[k].width = w
        t.rows[0].cells[k].width = w
    return t.rows[0].cells


def clear(cell):
    """A new cell holds one empty paragraph; the first paragraph written replaces it."""
    p = cell.paragraphs[0]
    p._p.getparent().remove(p._p)


CENTER, RIGHT, JUSTIFY, LEFT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT)


# ---- header: issuer, number, V/v on the left; motto, slogan, place and date on the right
def header(m, with_number=True):
    if first(m, "slogan") is None:
        # a party document (motto ĐẢNG CỘNG SẢN VIỆT NAM, no slogan): two halves, the parent body on one line
        left, right = layout_table([Cm(8.3), Cm(7.7)])
    else:
        # the motto needs 9.5 cm on one line: half a cm into the right margin, as Word templates do
        left, right = layout_table([Cm(7.0), Cm(9.5)])
    clear(left)
    clear(right)
    iss = kids(m, "issuer")
    for k, e in enumerate(iss):
        # the issuing body itself (the last line) bold, its parent body regular, as Nghị định 30 prints them
        p = para(left, CENTER)
        add_inline(p, e, b=(k == len(iss) - 1 or len(iss) == 1), size=12 if k < len(iss) - 1 else 13)
    if with_number:
        num = first(m, "number")
        if num is not None:
            p = para(left, CENTER, before=6)
            add_inline(p, num)
        for s in kids(m, "summary"):
            t = plain(s)
            pre = src_prefix(s, t, "")
            p = para(left, CENTER)
            if pre and not t.startswith(pre):
                p.add_run(pre + " ").font.size = Pt(12)
            add_inline(p, s, size=12)
        for s in kids(m, "urgency"):
            p = para(left, CENTER, before=6)
            add_inline(p, s, b=True)
    for k, e in enumerate(kids(m, "motto")):
        p = para(right, CENTER)
        add_inline(p, e, b=True, size=12)
    for e in kids(m, "slogan"):
        p = para(right, CENTER)
        add_inline(p, e, b=True)
    place, date = first(m, "place"), first(m, "date")
    if place is not None or date is not None:
        p = para(right, CENTER, before=6)
        parts = [plain(x) for x in (place, date) if x is not None]
        r = p.add_run(", ".join(parts))
        r.italic = True


def meta_block(m):
    header(m)
    for t in kids(m, "type"):
        p = para(doc, CENTER, before=12)
        add_inline(p, t, b=True, size=14)
    titles = kids(m, "title")
    for k, t in enumerate(titles):
        p = para(doc, CENTER, before=0 if kids(m, "type") else 12)
        add_inline(p, t, b=True, size=14)
    adds = kids(m, "addressee")
    for k, a in enumerate(adds):
        t = plain(a)
        if k == 0:
            # "Kính gửi:" or a công điện's "CHỦ TỊCH … điện:" centred; a single "Kính gửi: X." too
            p = para(doc, CENTER, before=12)
            add_inline(p, a, b=t.isupper() or t.split(":")[0].isupper() and len(t.split()) > 2)
        else:
            pre = src_prefix(a, t, "")
            p = para(doc, LEFT, left=Cm(3))
            if pre:
                p.add_run(pre + " ")
            add_inline(p, a)


# ---- body
heading_style = {1: (True, False), 2: (True, False), 3: (True, True), 4: (True, True)}


def heading_para(container, e, prefix, level, align=None):
    b, i = heading_style.get(level, (False, True))
    p = para(container, align if align is not None else JUSTIFY, indent=align is None, before=6)
    if prefix:
        r = p.add_run(prefix + " ")
        r.bold, r.italic = b or None, i or None
    add_inline(p, e, b=b, i=i)
    return p


table_count = [0]


def table_block(container, t):
    table_count[0] += 1
    cols = int(t.get("cols") or 1)
    rows = []
    head = t.find(NS + "thead")
    body = t.find(NS + "tbody")
    for part, is_head in ((head, True), (body, False)):
        if part is None:
            continue
        for r in kids(part, "row"):  # <repeat/> (a head row repeated at a page break) holds no text
            rows.append((r, is_head))
    if not rows:
        return
    wt = container.add_table(rows=len(rows), cols=cols)
    wt.style = doc.styles["Table Grid"]
    wt.alignment = 1  # centred on the page
    # the text column wide, numbers narrow: a clerk drags the borders so
    widths = [Cm(1.2)] + [Cm(2.4)] * (cols - 1) if cols > 1 else [TEXT_W]
    if cols > 1:
        rest = TEXT_W - sum(widths[2:], Cm(0)) - widths[0]
        widths[1] = max(rest, Cm(3))
    for k in range(cols):
        wt.columns[k].width = widths[k]
    # merges first (python-docx joins the merged cells' text), then the text
    placed = []
    for ri, (r, is_head) in enumerate(rows):
        for c in kids(r, "cell"):
            col = int(c.get("col") or 1) - 1
            cs, rs = int(c.get("colspan") or 1), int(c.get("rowspan") or 1)
            if col >= cols:
                col = cols - 1
            cell = wt.cell(ri, col)
            if cs > 1 or rs > 1:
                cell = cell.merge(wt.cell(min(ri + rs - 1, len(rows) - 1), min(col + cs - 1, cols - 1)))
            placed.append((cell, c, r, is_head, ri, col))
    middle = table_count[0] % 2 == 1  # every other table: cells centred vertically, as many offices set them
    for row in wt.rows:
        for k, cell in enumerate(row.cells):
            cell.width = widths[k]
            if middle:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    for cell, c, r, is_head, ri, col in placed:
        p = cell.paragraphs[-1]
        if p.text:  # a merged region written twice (a span the model overlaps): one paragraph each
            p = cell.add_paragraph()
        kind = r.get("kind")
        if is_head or col == 0:  # the head and the TT column centred, as tables in Word usually are
            p.alignment = CENTER
        elif c.get("value") is not None or c.get("align") == "right":
            p.alignment = RIGHT
        elif c.get("align") == "center":
            p.alignment = CENTER
        add_inline(p, c, b=is_head or kind in ("group", "total"), size=12)


def item_block(container, it, depth):
    bullet = it.get("bullet") or "-"
    p = para(container, JUSTIFY, indent=True)
    p.add_run(bullet + " ")
    add_inline(p, it)
    for sub in kids(it, "list"):
        list_block(container, sub, depth + 1)


def list_block(container, l, depth=0):
    for it in kids(l, "item"):
        item_block(container, it, depth)


def p_block(container, e, align=JUSTIFY, indent=True, b=False, i=False):
    p = para(container, align, indent=indent, before=3)
    if e.get("label"):
        t = plain(e)
        pre = src_prefix(e, t, label_fallback(e.get("label")))
        p.add_run(pre + " ")
    add_inline(p, e, b=b, i=i)
    return p


def block(container, e, level=1):
    t = tag(e)
    if t == "section":
        lvl = int(e.get("level") or level)
        h = first(e, "heading")
        lab = e.get("label") or ""
        if h is not None:
            pre = src_prefix(h, plain(h), label_fallback(lab)) if lab else ""
            heading_para(container, h, pre, lvl)
        for c in e:
            if tag(c) != "heading":
                block(container, c, lvl + 1)
    elif t in ("chapter", "part"):
        h = first(e, "heading")
        lab = e.get("label") or ""
        word = "Chương" if t == "chapter" else "PHẦN" if lab == lab.upper() else "Phần"
        text_para(container, word + " " + lab, CENTER, b=True, before=12)
        if h is not None:
            p = para(container, CENTER, after=6)
            add_inline(p, h, b=True)
        for c in e:
            if tag(c) != "heading":
                block(container, c, level)
    elif t == "article":
        lab = "Điều %s." % e.get("label")
        h = first(e, "heading")
        rest = [c for c in e if tag(c) != "heading"]
        if e.get("run-in") and rest and tag(rest[0]) == "p":
            # "Điều 1. Ban hành …": the article's number runs into its first paragraph
            p = para(container, JUSTIFY, indent=True, before=6)
            p.add_run(lab + " ").bold = True
            add_inline(p, rest[0])
            rest = rest[1:]
        else:
            p = para(container, JUSTIFY, indent=True, before=6)
            p.add_run(lab + " ").bold = True
            if h is not None:
                add_inline(p, h, b=True)
        for c in rest:
            block(container, c, level)
    elif t in ("clause", "point"):
        for c in e:
            block(container, c, level)
    elif t == "p":
        p_block(container, e)
    elif t == "list":
        list_block(container, e)
    elif t == "table":
        table_block(container, e)
    elif t == "unit":
        p = para(container, RIGHT, before=3)
        add_inline(p, e, i=True, size=12)
    elif t == "basis":
        p = para(container, JUSTIFY, indent=True)
        add_inline(p, e, i=True)
    elif t in ("competence", "enacting"):
        p = para(container, CENTER, before=6, after=6)
        add_inline(p, e, b=True)
    elif t == "attached":
        p = para(container, CENTER)
        add_inline(p, e, i=True)
    elif t in ("rule", "repeat", "label", "title", "issuer", "motto", "slogan", "heading"):
        pass  # no text (rule, repeat) or written by the caller
    else:
        sys.stderr.write("wordtrip.py: %s: <%s> written as a plain paragraph\n" % (src_path, t))
        p = para(container, JUSTIFY)
        add_inline(p, e)


# ---- closing: Nơi nhận on the left, the signature on the right
def signature(cell, s):
    for e in kids(s, "authority"):
        p = para(cell, CENTER)
        add_inline(p, e, b=True)
    for e in kids(s, "position"):
        p = para(cell, CENTER)
        add_inline(p, e, b=True)
    for _ in range(4):  # room for the hand signature and the seal
        para(cell, CENTER)
    for e in kids(s, "name"):
        p = para(cell, CENTER)
        add_inline(p, e, b=True)
    for e in s:
        if tag(e) not in ("authority", "position", "name"):
            p = para(cell, CENTER)
            add_inline(p, e, i=True)


def recipients(cell, r):
    lab = first(r, "label")
    p = para(cell, LEFT)
    add_inline(p, lab if lab is not None else ET.Element("x"), b=True, i=True, size=12)
    if lab is None:
        p.add_run("Nơi nhận:").bold = True
    for it in kids(r, "item"):
        p = para(cell, LEFT)
        p.add_run((it.get("bullet") or "-") + " ").font.size = Pt(11)
        add_inline(p, it, size=11)


def closing(c):
    sigs = kids(c, "signature")
    recs = kids(c, "recipients")
    para(doc)
    if len(sigs) >= 2:
        # a biên bản's two signatures side by side, its Nơi nhận under them
        cells = layout_table([Cm(8), Cm(8)])
        for cell, s in zip(cells, sigs[:2]):
            clear(cell)
            signature(cell, s)
        for s in sigs[2:]:
            signature(doc, s)
        for r in recs:
            para(doc)
            cell = layout_table([Cm(7), Cm(9)])[0]
            clear(cell)
            recipients(cell, r)
        return
    left, right = layout_table([Cm(7), Cm(9)])
    clear(left)
    clear(right)
    for r in recs:
        recipients(left, r)
    if not recs:
        para(left)
    for s in sigs:
        signature(right, s)
    if not sigs:
        para(right)


def appendix(a):
    p = para(doc)
    p.add_run().add_break(WD_BREAK.PAGE)
    if first(a, "issuer") is not None or first(a, "motto") is not None:
        header(a, with_number=False)
    for e in kids(a, "label"):
        pp = para(doc, CENTER, before=12)
        add_inline(pp, e, b=True, size=14)
    for e in kids(a, "title"):
        pp = para(doc, CENTER)
        add_inline(pp, e, b=True)
    for e in a:
        if tag(e) not in ("label", "title", "issuer", "motto", "slogan", "place", "date", "number"):
            block(doc, e)


m = root.find(NS + "meta")
meta_block(m)
para(doc)
body = root.find(NS + "body")
for e in body if body is not None else []:
    block(doc, e)
for e in root:
    t = tag(e)
    if t == "closing":
        closing(e)
    elif t == "appendix":
        appendix(e)
    elif t not in ("meta", "body", "notes"):
        block(doc, e)
# a note no mark refers to: written at the end, not lost
for nid, n in notes.items():
    if nid not in used_notes:
        p = para(doc, JUSTIFY)
        r = p.add_run(nid)
        r.font.superscript = True
        p.add_run(" " + plain(n))

if foot_xml:
    blob = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">'
            '<w:footnote w:type="separator" w:id="-1"><w:p w:rsidR="00B2412F" w:rsidRDefault="00B2412F"><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p w:rsidR="00B2412F" w:rsidRDefault="00B2412F"><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            '%s</w:footnotes>' % (W_NS, "".join(foot_xml))).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                blob, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)

# Word writes revision ids on every paragraph (<w:p w:rsidR=…>); python-docx writes a bare <w:p>, which some
# converters never see as a paragraph (docx2txt's <w:p[^>]+?> pattern): without them the file is no Word file
for k, wp in enumerate(doc.element.body.iter(qn("w:p"))):
    wp.set(qn("w:rsidR"), RSID[k % len(RSID)])
    wp.set(qn("w:rsidRDefault"), RSID[k % len(RSID)])
doc.save(out_path)


# ---- nothing lost: every word of the XML's text (but the derived metadata) is in the .docx or its footnotes
def xml_words(e, out):
    if tag(e) in DERIVED:
        return
    if e.text:
        out.extend(e.text.split())
    for c in e:
        xml_words(c, out)
        if c.tail:
            out.extend(c.tail.split())


want = []
xml_words(root, want)
have_text = []
for el in doc.element.body.iter(qn("w:t")):
    have_text.append(el.text or "")
have_text.append(" ".join(foot_xml))
got = Counter(" ".join(have_text).split())
# words are compared loosely: the docx joins place and date with ", ", adds labels and bullets
lost = Counter(want) - got
lost = [w for w in lost if not any(w in g for g in got)]
if lost:
    sys.stderr.write("wordtrip.py: %s: words lost: %s\n" % (src_path, " ".join(lost[:20])))
    sys.exit(1)
