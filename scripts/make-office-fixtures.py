#!/usr/bin/env python3
"""Lays out bulletins of fixtures/ as Vietnamese official reports (Nghị định 30/2020/NĐ-CP) and
writes them as DOCX (python-docx), then ODT (and PDF, DOC when asked) through LibreOffice
headless. Also writes the hostile packages of fixtures/office/bad/.

For each document NAME it writes into fixtures/office/:
  NAME.docx                   the report (header table, type and title, numbered sections through
                              Word's own numbering, an award table, signature block and Nơi nhận)
  NAME.odt, NAME.pdf          LibreOffice's conversions of the DOCX (--convert)
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

    # Numbered sections through Word's numbering (style "List Number"): the reader must print
    # the numbers Word would.
    sections = ["Tình hình chung", "Kết quả công tác thi đua, khen thưởng"]
    for n, (heading, part) in enumerate([(sections[0], body[:half]), (sections[1], body[half:])], start=1):
        h = doc.add_paragraph(heading, style="List Number")
        h.runs[0].bold = True
        gold_lines.append(f"{n}. {heading}")
        for line in part:
            if line.startswith("- ") or line.startswith("+ "):
                doc.add_paragraph(line[2:], style="List Bullet")
                gold_lines.append("- " + line[2:])
            else:
                doc.add_paragraph(line)
                gold_lines.append(line)

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
            gold_lines.append(" | ".join(v for v in values if v))

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
    meta = {"source": text_path, "gold": gold_path, "title": kind + " " + title, "number": number,
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


def convert(names):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("--convert needs LibreOffice (apt install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as profile:
        for target in ["odt", "pdf"]:
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
        bad_pdfs()
    print(f"{len(names)} reports and the bad packages in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
