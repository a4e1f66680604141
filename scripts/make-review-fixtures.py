#!/usr/bin/env python3
"""Regenerate tests/fixtures/review/: a submission folder with evidence files,
the same submission changed after its review was made, and its review
workbook filled through openpyxl and re-saved by LibreOffice; and the evidence
files the diagnostic fixtures in tests/fixtures/codes/ name.

    pip install openpyxl    # and LibreOffice (soffice)
    python3 scripts/make-review-fixtures.py

The evidence files are real: PDFs exported by LibreOffice Calc (from a CSV
table), a PNG written with zlib, a DOCX package written with zipfile (the
three parts Word needs); one empty file, one PNG named .pdf, one file named
but missing.
The tests read the committed files only; nothing here runs in CI.
"""
import datetime, os, shutil, struct, subprocess, sys, tempfile, zipfile, zlib
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "review"
CODES = ROOT / "tests" / "fixtures" / "codes"
PRODUCERS = ROOT / "tests" / "fixtures" / "producers"
STANDARD = ROOT / "tests" / "data" / "review-city.toml"
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


def citystar(*args):
    subprocess.run(["cargo", "run", "-q", "--", *args], cwd=ROOT, check=True)


def soffice(src, fmt, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: LibreOffice is needed for these fixtures")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                       check=True, stdout=subprocess.DEVNULL)
    return Path(outdir) / (Path(src).stem + "." + fmt.split(":")[0])


def pdf(text, dest, tmp):
    """A real PDF: LibreOffice Calc's export of a one-column CSV table."""
    src = Path(tmp) / "table.csv"
    src.write_text(text, encoding="utf-8")
    made = soffice(src, "pdf", tmp)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(made, dest)


def png(dest, shade):
    """A real 32×16 grey PNG (signature, IHDR, IDAT, IEND), written with zlib."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + bytes([shade]) * 32 for _ in range(16))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 16, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def docx(text, dest):
    """A real DOCX: the three parts a WordprocessingML package needs."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>',
    }
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, xml)


# Rows of the review-city template's 指标填报 (1-based), and the reported values.
ROW = {"A01.N": 2, "A01.D": 3, "A02": 4, "B01.C": 5, "X01": 6}
REPORTED = {"A01.N": 90, "A01.D": 100, "A02": "建成运行", "B01.C": 2000, "X01": "是"}
EVIDENCE = {
    # A01: a real PDF and a file that is not there.
    "A01.N": "佐证/电子证照事项清单.pdf；佐证/缺失的文件.pdf",
    # A02: a PNG screenshot and a PNG named .pdf.
    "A02": "佐证/城市大脑截图.png\n佐证/照片.pdf",
    # B01: a DOCX and an empty file.
    "B01.C": "佐证/基站统计.docx; 佐证/空文件.xlsx",
    # X01: the pilot's approval, a real PDF.
    "X01": "批复/试点批复.pdf",
}
INFO = {"B2": "示例市", "B4": "370999", "B6": 2025, "B7": 1000000,
        "B8": "示例市大数据局", "B9": "张三 0531-00000000", "B10": datetime.date(2026, 1, 15)}


def submission(base, dest, reported):
    wb = openpyxl.load_workbook(base)
    info, data = wb["基本信息"], wb["指标填报"]
    for ref, v in INFO.items():
        info[ref] = v
    for code, v in reported.items():
        data[f"F{ROW[code]}"] = v
    for code, text in EVIDENCE.items():
        data[f"G{ROW[code]}"] = text
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)


# The three corrections of docs/review.md: code -> (verified value, finding, accepted).
REVIEW = {
    "A01.N": (70, "清单中 20 项只能在线查看证照，不能亮证即用", None),
    "B01.C": (1600, "运营商台账为 1,600 个，400 个为规划站址", None),
    "X01": (None, "批复文件是申报通知，不是试点批复", "否"),
}


def fill_review(path, dest):
    """Fill a review workbook (`citystar review init`) as an assessor would, in openpyxl."""
    wb = openpyxl.load_workbook(path)
    ws = wb["核查"]
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "代码")
    cols = {ws.cell(header, c).value: c for c in range(1, 20) if ws.cell(header, c).value}
    for r in range(header + 1, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if code in REVIEW:
            value, finding, accepted = REVIEW[code]
            if value is not None:
                ws.cell(r, cols["核定值"]).value = value
            ws.cell(r, cols["核查意见"]).value = finding
            if accepted:
                ws.cell(r, cols["佐证采信"]).value = accepted
            ws.cell(r, cols["核查人"]).value = "李四"
    wb.save(dest)


def bad_review(path, dest):
    """A review with problems at its cells: a verified value that is no number,
    an unknown code, a decision that is not yes/no, a change without a finding."""
    wb = openpyxl.load_workbook(path)
    ws = wb["核查"]
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "代码")
    cols = {ws.cell(header, c).value: c for c in range(1, 20) if ws.cell(header, c).value}
    for r in range(header + 1, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if code == "A01.N":
            ws.cell(r, cols["核定值"]).value = "约七十"
            ws.cell(r, cols["核查意见"]).value = "清单不全"
        if code == "B01.C":
            ws.cell(r, cols["核定值"]).value = 1600
        if code == "A02":
            ws.cell(r, cols["佐证采信"]).value = "也许"
    ws.cell(ws.max_row + 1, 1).value = "Z99"
    wb.save(dest)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # The evidence the code fixtures' good workbook names (事项清单.pdf in G2).
        for d in (CODES, PRODUCERS):
            pdf("事项清单\n营业执照\n身份证\n", d / "事项清单.pdf", tmp)
        ev = CODES / "evidence"
        ev.mkdir(exist_ok=True)
        pdf("政务服务事项清单\n", ev / "a.pdf", tmp)
        shutil.copy(ev / "a.pdf", ev / "a-copy.pdf")
        (ev / "empty.pdf").write_bytes(b"")
        png(ev / "photo.pdf", 128)
        (ev / "scans.pdf").mkdir(exist_ok=True)
        (ev / "scans.pdf" / "README").write_text("a folder named like a file (evidence-unreadable)\n")

        base = tmp / "base.xlsx"
        citystar("template", "--standard", str(STANDARD), "--lang", "zh", "-o", str(base), "--force")
        if OUT.exists():
            shutil.rmtree(OUT)
        sub = OUT / "示例市"
        submission(base, sub / "填报表.xlsx", REPORTED)
        pdf("政务服务事项电子证照清单\n共 100 项\n90 项可用电子证照\n", sub / "佐证" / "电子证照事项清单.pdf", tmp)
        png(sub / "佐证" / "城市大脑截图.png", 200)
        png(sub / "佐证" / "照片.pdf", 90)
        docx("5G 基站统计：基站 2000 个", sub / "佐证" / "基站统计.docx")
        (sub / "佐证" / "空文件.xlsx").write_bytes(b"")
        pdf("关于开展新型智慧城市建设工作的通知\n", sub / "批复" / "试点批复.pdf", tmp)

        # The same submission, changed after the review was made (A01.D 100 → 110).
        changed = dict(REPORTED, **{"A01.D": 110})
        submission(base, OUT / "changed" / "填报表.xlsx", changed)

        # The review: made by citystar, filled through openpyxl, re-saved by LibreOffice.
        made = tmp / "示例市.review.xlsx"
        citystar("review", "init", str(sub), "-o", str(made), "--standard", str(STANDARD), "--lang", "zh", "--force")
        fill_review(made, OUT / "示例市.openpyxl.review.xlsx")
        bad_review(made, OUT / "bad" / "示例市.bad.review.xlsx") if (OUT / "bad").mkdir() is None else None
        lo = tmp / "lo"; lo.mkdir()
        shutil.copy(OUT / "示例市.openpyxl.review.xlsx", lo / "示例市.libreoffice.review.xlsx")
        out = tmp / "out"; out.mkdir()
        made = soffice(lo / "示例市.libreoffice.review.xlsx", "xlsx:Calc MS Excel 2007 XML", out)
        shutil.copy(made, OUT / "示例市.libreoffice.review.xlsx")
    print("fixtures written under", OUT)


if __name__ == "__main__":
    main()
