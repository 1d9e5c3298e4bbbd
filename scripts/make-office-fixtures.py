#!/usr/bin/env python3
"""Lays out bulletins of fixtures/ as Vietnamese official reports (Nghị định 30/2020/NĐ-CP) and
writes them as DOCX (python-docx), then ODT (and PDF, DOC when asked) through LibreOffice
headless. Also writes the hostile packages of fixtures/office/bad/.

For each document NAME it writes into fixtures/office/:
  NAME.docx                   the report (header table, type and title, numbered sections through
                              Word's own numbering, an award table, signature block and Nơi nhận)
  NAME.odt, NAME.pdf, NAME.doc LibreOffice's conversions of the DOCX (--convert)
  NAME.article.txt            the gold article text a reader of any of these formats must give:
                              header rows as "cell | cell", list numbers as Word prints them,
                              table rows as "cell | cell"; the signature block and recipient list
                              leave the body
  NAME.meta.json              the gold header metadata (title, number, type, issuer, place, date)
                              and the file the text came from

Usage: scripts/make-office-fixtures.py [--convert]
  (needs python-docx; --convert needs LibreOffice's soffice and fpdf2 for the bad PDFs)
"""
import json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "office")

# (source text, its gold figures, document number, issuer level)
SOURCES = [
    ("fixtures/seeds/000_d273c28c48bdecee.article.txt", "fixtures/seeds/000_d273c28c48bdecee.gold.json"),
    ("fixtures/seeds/001_55b5679f7e2e7ff6.article.txt", "fixtures/seeds/001_55b5679f7e2e7ff6.gold.json"),
    ("fixtures/seeds/002_848630548fecf612.article.txt", "fixtures/seeds/002_848630548fecf612.gold.json"),
    ("fixtures/seeds/003_543cc5bd10c723bc.article.txt", "fixtures/seeds/003_543cc5bd10c723bc.gold.json"),
    ("fixtures/seeds/004_0774504c82276881.article.txt", "fixtures/seeds/004_0774504c82276881.gold.json"),
    ("fixtures/real/angiang-baoangiang-20190514.txt", "fixtures/real/angiang-baoangiang-20190514.gold.json"),
    ("fixtures/real/bentre-baodongkhoi-20170310.txt", "fixtures/real/bentre-baodongkhoi-20170310.gold.json"),
    ("fixtures/real/camau-dantri-20230116.txt", "fixtures/real/camau-dantri-20230116.gold.json"),
]

# Layout variants, by index: two text columns (the body in a two-column section), and the body
# typed in TCVN3 with the .VnTime font (bytes shown as windows-1252 characters, as old Word
# files have them).
VARIANTS = {8: "two-columns", 9: "tcvn3"}
SOURCES += [
    ("fixtures/real/bariavungtau-baotintuc-20161220.txt", "fixtures/real/bariavungtau-baotintuc-20161220.gold.json"),
    ("fixtures/seeds/003_543cc5bd10c723bc.article.txt", "fixtures/seeds/003_543cc5bd10c723bc.gold.json"),
]

# TCVN3 (TCVN 5712:1993 VN3) code chart: byte → letter, as in Sources/SolieuText/Legacy.swift.
TCVN3_CHART = """a1 Ă a2 Â a3 Ê a4 Ô a5 Ơ a6 Ư a7 Đ a8 ă a9 â aa ê ab ô ac ơ ad ư ae đ
b5 à b6 ả b7 ã b8 á b9 ạ bb ằ bc ẳ bd ẵ be ắ c6 ặ c7 ầ c8 ẩ c9 ẫ ca ấ cb ậ
cc è ce ẻ cf ẽ d0 é d1 ẹ d2 ề d3 ể d4 ễ d5 ế d6 ệ d7 ì d8 ỉ dc ĩ dd í de ị
df ò e1 ỏ e2 õ e3 ó e4 ọ e5 ồ e6 ổ e7 ỗ e8 ố e9 ộ ea ờ eb ở ec ỡ ed ớ ee ợ
ef ù f1 ủ f2 ũ f3 ú f4 ụ f5 ừ f6 ử f7 ữ f8 ứ f9 ự fa ỳ fb ỷ fc ỹ fd ý fe ỵ"""


def tcvn3(text):
    """Unicode Vietnamese → TCVN3 bytes read as windows-1252 (capitals with marks share the
    lower-case codes: the .VnTimeH fonts drew them)."""
    parts = TCVN3_CHART.split()
    table = {}
    for i in range(0, len(parts) - 1, 2):
        table[nfc(parts[i + 1])] = int(parts[i], 16)
    out = bytearray()
    for ch in nfc(text):
        if ch in table:
            out.append(table[ch])
        elif ch.lower() in table:
            out.append(table[ch.lower()])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in "“”‘’–—…•":
            out += ch.encode("cp1252")
        else:
            d = unicodedata.normalize("NFD", ch)[0]
            out.append(ord(d) if ord(d) < 0x80 else 0x3F)
    return out.decode("cp1252", errors="replace")


TYPES = [("BÁO CÁO", "BC", "Báo cáo"), ("KẾ HOẠCH", "KH", "Kế hoạch"), ("THÔNG BÁO", "TB", "Thông báo")]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def upper_vi(s):
    return nfc(s).upper()


def paragraphs_of(path):
    text = nfc(open(os.path.join(ROOT, path), encoding="utf-8").read())
    return [collapse(p) for p in re.split(r"\n\s*\n|\n", text) if collapse(p)]


def award_rows(gold):
    """Award counts by title (and conferrer) and recipient: the table's rows."""
    rows = {}
    for f in gold.get("figures", []):
        if f.get("kind") != "award" or f.get("count") is None:
            continue
        title = f["award"]
        if f.get("class"):
            title += " hạng " + {1: "Nhất", 2: "Nhì", 3: "Ba"}.get(f["class"], str(f["class"]))
        if f.get("conferrer"):
            title += " của " + f["conferrer"]
        r = rows.setdefault(title, {"tập thể": 0, "cá nhân": 0, "khác": 0})
        rec = f.get("recipient") or ""
        r[rec if rec in ("tập thể", "cá nhân") else "khác"] += int(f["count"])
    return rows


def build(index, text_path, gold_path, rng):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    gold = json.load(open(os.path.join(ROOT, gold_path), encoding="utf-8"))
    province = gold.get("province") or "Kiên Giang"
    published = gold.get("published") or "2019-05-14"
    y, m, d = (int(x) for x in published.split("-"))
    kind, code, type_name = TYPES[index % len(TYPES)]
    number = f"{rng.randint(12, 398)}/{code}-UBND"
    issuer = "ỦY BAN NHÂN DÂN TỈNH " + upper_vi(province)
    paras = paragraphs_of(text_path)
    title = paras[0]
    body = paras[1:]
    half = max(1, len(body) // 2)

    variant = VARIANTS.get(index)
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    gold_lines = []

    # The header: issuer beside the national motto; number beside place and date.
    header = doc.add_table(rows=2, cols=2)
    cells = [["ỦY BAN NHÂN DÂN", "TỈNH " + upper_vi(province)],
             ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]]
    for c, lines in enumerate(cells):
        cell = header.cell(0, c)
        cell.paragraphs[0].text = lines[0]
        for extra in lines[1:]:
            cell.add_paragraph(extra)
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.bold = True
    place_date = f"{province}, ngày {d} tháng {m} năm {y}"
    header.cell(1, 0).paragraphs[0].text = "Số: " + number
    header.cell(1, 1).paragraphs[0].text = place_date
    header.cell(1, 1).paragraphs[0].runs[0].italic = True
    gold_lines.append(" | ".join(" ".join(lines) for lines in cells))
    gold_lines.append("Số: " + number + " | " + place_date)

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(kind).bold = True
    gold_lines.append(kind)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(title).bold = True
    gold_lines.append(title)

    if variant == "two-columns":
        # The body in a section of two columns, as bulletins printed on A4 often are.
        from docx.enum.section import WD_SECTION
        from docx.oxml.ns import qn
        section = doc.add_section(WD_SECTION.CONTINUOUS)
        cols = section._sectPr.xpath("./w:cols")
        col = cols[0] if cols else section._sectPr.makeelement(qn("w:cols"), {})
        col.set(qn("w:num"), "2")
        col.set(qn("w:space"), "567")
        if not cols:
            section._sectPr.append(col)

    def body_text(line):
        return tcvn3(line) if variant == "tcvn3" else line

    # Numbered sections through Word's numbering (style "List Number"): the reader must print
    # the numbers Word would.
    sections = ["Tình hình chung", "Kết quả công tác thi đua, khen thưởng"]
    for n, (heading, part) in enumerate([(sections[0], body[:half]), (sections[1], body[half:])], start=1):
        h = doc.add_paragraph(heading, style="List Number")
        h.runs[0].bold = True
        gold_lines.append(f"{n}. {heading}")
        for line in part:
            if line.startswith("- ") or line.startswith("+ "):
                p = doc.add_paragraph(body_text(line[2:]), style="List Bullet")
                gold_lines.append("- " + line[2:])
            else:
                p = doc.add_paragraph(body_text(line))
                gold_lines.append(line)
            if variant == "tcvn3":
                for r in p.runs:
                    r.font.name = ".VnTime"

    if variant == "two-columns":
        # Back to one column for the table and the signature.
        from docx.enum.section import WD_SECTION
        from docx.oxml.ns import qn
        section = doc.add_section(WD_SECTION.CONTINUOUS)
        for c in section._sectPr.xpath("./w:cols"):
            c.set(qn("w:num"), "1")

    rows = award_rows(gold)
    if rows:
        caption = "Bảng tổng hợp kết quả khen thưởng"
        doc.add_paragraph(caption)
        gold_lines.append(caption)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        head = ["Hình thức khen thưởng", "Tập thể", "Cá nhân"]
        for i, h in enumerate(head):
            t.rows[0].cells[i].text = h
        gold_lines.append(" | ".join(head))
        for title_, counts in rows.items():
            r = t.add_row().cells
            values = [title_, str(counts["tập thể"] or ""), str(counts["cá nhân"] or "")]
            for i, v in enumerate(values):
                r[i].text = v
            # Empty cells keep their places; those at a row's end are dropped.
            while values and not values[-1]:
                values.pop()
            gold_lines.append(" | ".join(values).replace("|  |", "| |"))

    # Signature block and recipients: they leave the body.
    sig = doc.add_table(rows=1, cols=2)
    left = sig.cell(0, 0)
    left.paragraphs[0].text = "Nơi nhận:"
    for line in ["- Thường trực Tỉnh ủy;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, TĐKT."]:
        left.add_paragraph(line)
    right = sig.cell(0, 1)
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    for line in ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"]:
        right.add_paragraph(line)

    name = f"report-{index:02d}"
    doc.core_properties.title = ""
    doc.save(os.path.join(OUT, name + ".docx"))
    with open(os.path.join(OUT, name + ".article.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(gold_lines) + "\n")
    meta = {"source": text_path, "gold": gold_path, "variant": variant, "title": kind + " " + title, "number": number,
            "type": type_name, "issuer": issuer, "place": province, "date": published}
    with open(os.path.join(OUT, name + ".meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return name


def zip_with(path, entries, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for n, data in entries:
            z.writestr(n, data)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bad_fixtures():
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad, exist_ok=True)
    # A ZIP bomb: word/document.xml inflates to 100 MB (over the 64 MB cap for one document).
    spaces = b" " * (100 * 1024 * 1024)
    body = (f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Bằng khen '.encode()
            + spaces + b"</w:t></w:r></w:p></w:body></w:document>")
    zip_with(os.path.join(bad, "bomb.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", body)])
    # External entities: a DTD that would read /etc/passwd and a URL.
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Tặng 3 Bằng khen &x;&y;</w:t></w:r></w:p></w:body></w:document>')
    zip_with(os.path.join(bad, "xxe.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", xxe)])
    # A truncated DOCX: the first 60% of a real one.
    good = open(os.path.join(OUT, "report-00.docx"), "rb").read()
    open(os.path.join(bad, "truncated.docx"), "wb").write(good[: len(good) * 6 // 10])
    # Not well-formed XML inside.
    broken = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Tặng 3 Bằng khen</w:r></w:p>'
    zip_with(os.path.join(bad, "malformed.docx"), [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", broken)])
    # A ZIP that is not an office document.
    zip_with(os.path.join(bad, "archive.docx"), [("readme.txt", "Không phải văn bản Word.")])
    # An encrypted entry (the flag bit set, as a password-protected archive has).
    raw = bytearray(open(os.path.join(OUT, "report-01.docx"), "rb").read())
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        i = raw.find(sig)
        while i >= 0:
            at = i + (6 if sig == b"PK\x03\x04" else 8)
            raw[at] |= 1
            i = raw.find(sig, i + 4)
    open(os.path.join(bad, "encrypted.docx"), "wb").write(bytes(raw))
    # Extensions that lie: a DOCX named .txt and an HTML page named .docx.
    shutil.copy(os.path.join(OUT, "report-02.docx"), os.path.join(bad, "lying-extension.txt"))
    with open(os.path.join(bad, "page-named.docx"), "w", encoding="utf-8") as f:
        f.write("<html><body><article><h1>Khen thưởng</h1><p>Tặng Bằng khen cho 5 tập thể và 7 cá nhân có thành tích xuất sắc trong năm 2022.</p></article></body></html>\n")


def bad_pdfs():
    """Hostile PDFs (--convert, after the reports' PDFs exist): encrypted, truncated, garbage
    after a PDF header, and pages with drawings but no text layer (fpdf2)."""
    from fpdf import FPDF
    bad = os.path.join(OUT, "bad")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Tang Bang khen cho 12 tap the.")
    pdf.set_encryption(owner_password="chu", user_password="mat khau")
    pdf.output(os.path.join(bad, "encrypted.pdf"))
    good = open(os.path.join(OUT, "report-00.pdf"), "rb").read()
    open(os.path.join(bad, "truncated.pdf"), "wb").write(good[: len(good) * 6 // 10])
    rng = random.Random(7)
    open(os.path.join(bad, "garbage.pdf"), "wb").write(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4000)) + b"\n%%EOF\n")
    scan = FPDF()
    for _ in range(2):
        scan.add_page()
        scan.set_fill_color(200, 200, 200)
        scan.rect(20, 20, 170, 250, style="F")
    scan.output(os.path.join(bad, "no-text.pdf"))


def tcvn3_pdf(name):
    """The TCVN3 report as a PDF printed from an old Word file: every line in the legacy fonts
    .VnTime (text) and .VnTimeH (capitals), not embedded, with WinAnsi encoding, so the text
    layer holds the TCVN3 bytes as windows-1252 characters (written by hand: LibreOffice and
    fpdf2 both drop byte 0xAD, TCVN3's "ư", as a soft hyphen). Header, body, award table and
    page numbers laid out as the DOCX has them."""
    gold = [p for p in open(os.path.join(OUT, name + ".article.txt"), encoding="utf-8").read().split("\n\n") if p.strip()]
    def enc(text):
        return tcvn3(text).encode("cp1252", errors="replace")
    def esc(b):
        return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    pages, ops, y = [], [], 780

    def new_page():
        nonlocal ops, y
        if ops:
            ops.append(b"BT /F1 10 Tf 290 30 Td (%d) Tj ET" % (len(pages) + 1))
            pages.append(b"\n".join(ops))
        ops, y = [], 780

    def put(x, text, capitals=False, size=12):
        ops.append(b"BT /%s %d Tf %d %d Td (%s) Tj ET" % (b"F2" if capitals else b"F1", size, x, y, esc(enc(text))))

    def step(lines=1):
        nonlocal y
        y -= 20 * lines
        if y < 60:
            new_page()

    def wrapped(text, width, x=70, capitals=False):
        words, line = text.split(), ""
        for w in words:
            if len(line) + 1 + len(w) > width:
                put(x, line, capitals); step(); line = w
            else:
                line = (line + " " + w).strip()
        if line:
            put(x, line, capitals); step()

    for i, p in enumerate(gold):
        if " | " in p:
            cells = p.split(" | ")
            if i == 0:
                put(70, cells[0], capitals=True)
                put(300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", capitals=True); step()
                put(330, "Độc lập - Tự do - Hạnh phúc"); step(2)
            else:
                xs = [70, 330, 430] if len(cells) == 3 else [70, 300]
                for x, c in zip(xs, cells):
                    put(x, c, capitals=c.upper() == c and not any(ch.isdigit() for ch in c))
                step()
            continue
        capitals = p.upper() == p
        wrapped(p, 80, capitals=capitals)
        step(0.5)
    new_page()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /.VnTime /Encoding /WinAnsiEncoding >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /.VnTimeH /Encoding /WinAnsiEncoding >>"]
    kids = []
    for content in pages:
        objects.append(None)
        page_id = len(objects)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects[page_id - 1] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                                b"/Contents %d 0 R >>" % (page_id + 1))
        kids.append(page_id)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(os.path.join(OUT, name + ".pdf"), "wb").write(bytes(out))


def convert(names):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("--convert needs LibreOffice (apt install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as profile:
        for target in ["odt", "pdf", "doc:MS Word 97"]:
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                            "--outdir", OUT] + [os.path.join(OUT, n + ".docx") for n in names],
                           check=True, stdout=subprocess.DEVNULL, timeout=600)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(30)
    names = [build(i, t, g, rng) for i, (t, g) in enumerate(SOURCES)]
    bad_fixtures()
    if "--convert" in sys.argv:
        convert(names)
        # No DOC of the TCVN3 report: LibreOffice writes its U+00AD (TCVN3's "ư") into the DOC as
        # Word's optional hyphen, which no reader shows; a DOC typed in Word keeps the byte.
        os.remove(os.path.join(OUT, names[9] + ".doc"))
        tcvn3_pdf(names[9])
        bad_pdfs()
    print(f"{len(names)} reports and the bad packages in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
