#!/usr/bin/env python3
"""Regenerate tests/fixtures/: one workbook per diagnostic code, workbooks from
three producers (citystar's own template, openpyxl, LibreOffice) and hostile files.

    pip install openpyxl          # and libreoffice-calc for the soffice conversions
    python3 scripts/make-fixtures.py                      # everything
    python3 scripts/make-fixtures.py --only CODE...       # the named codes' fixtures only
    python3 scripts/make-fixtures.py --producers          # openpyxl and LibreOffice files only

The tests read the committed files only; nothing here runs in CI.
"""
import datetime, os, re, shutil, subprocess, sys, tempfile, zipfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"
CODES = OUT / "codes"
PRODUCERS = OUT / "producers"
HOSTILE = OUT / "hostile"
STANDARD = OUT / "all-kinds-city.toml"
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


def citystar(*args):
    subprocess.run(["cargo", "run", "-q", "--", *args], cwd=ROOT, check=True)


def template(path, *extra):
    citystar("template", "--standard", str(STANDARD), "--lang", "zh", "-o", str(path), "--force", *extra)


# Row of each input item in 指标填报 of the all-kinds template, and good values.
ROW = {"A-01.N": 2, "A-01.D": 3, "A-02": 4, "A-03": 5, "A-04": 6, "A-05": 7, "B-01.C": 8, "B-02": 9}
GOOD = {"A-01.N": 80, "A-01.D": 100, "A-02": "建成运行", "A-03": 0.85, "A-04": 88,
        "A-05": "是", "B-01.C": 3000, "B-02": 12.5}
INFO = {"B2": "示例市", "B3": "市级", "B4": "370999", "B5": "", "B6": 2025, "B7": 1234567,
        "B8": "示例市大数据局", "B9": "张三 0531-00000000", "B10": datetime.date(2026, 1, 15)}


def good_book(base):
    wb = openpyxl.load_workbook(base)
    info, data = wb["基本信息"], wb["指标填报"]
    for ref, v in INFO.items():
        info[ref] = v if v != "" else None
    for code, v in GOOD.items():
        data[f"F{ROW[code]}"] = v
    data["G2"] = "事项清单.pdf"
    return wb


def f(code):
    return f"F{ROW[code]}"


def m_missing_sheet(wb): del wb["指标填报"]
def m_missing_column(wb): wb["指标填报"]["F1"] = "数量X"
def m_missing_level(wb): wb["基本信息"]["B3"] = None
def m_missing_basic(wb): wb["基本信息"]["B2"] = None
def m_wrong_level(wb): wb["基本信息"]["B3"] = "县级"
def m_missing_item(wb): wb["指标填报"].delete_rows(9)
def m_missing_value(wb): wb["指标填报"]["F9"] = None
def m_nan(wb): wb["指标填报"][f("B-01.C")] = "约三千"
def m_yes_no(wb): wb["指标填报"][f("A-05")] = "也许"
def m_option(wb): wb["指标填报"][f("A-02")] = "规划中"
def m_range(wb): wb["指标填报"][f("B-01.C")] = -5
def m_percent(wb): wb["指标填报"][f("A-03")] = 85
def m_unit(wb): wb["指标填报"][f("B-01.C")] = "3 万个"
def m_text(wb): wb["指标填报"][f("B-01.C")] = "３，０００ 个"
def m_unknown(wb):
    ws = wb["指标填报"]; ws["A10"] = "Z-99"; ws["F10"] = 1
def m_dup(wb):
    ws = wb["指标填报"]; ws["A10"] = "B-02"; ws["F10"] = 3
def m_formula(wb): wb["指标填报"][f("B-02")] = "=2*6.25"
def m_error(wb): wb["指标填报"][f("B-02")] = "#DIV/0!"
def m_merged(wb):
    ws = wb["指标填报"]; ws["F9"] = None; ws.merge_cells("E9:F9")
def m_hidden(wb):
    ws = wb.create_sheet("旧数据"); ws["A1"] = "2024 年数据"; ws["B1"] = 42; ws.sheet_state = "hidden"
def m_zero(wb): wb["指标填报"][f("A-01.D")] = 0
def m_exceeds(wb): wb["指标填报"][f("A-01.N")] = 120
def m_population(wb): wb["基本信息"]["B7"] = None
def m_evidence(wb): wb["指标填报"]["G2"] = None
def m_population_wan(wb): wb["基本信息"]["B7"] = 123.4567
def m_fractional(wb): wb["指标填报"][f("B-01.C")] = 3000.45
def m_share(wb): wb["指标填报"][f("A-03")] = "185%"
def m_magnitude(wb): wb["指标填报"][f("B-01.C")] = 20000000
# Evidence files (run scripts/make-review-fixtures.py first: it writes tests/fixtures/codes/evidence/).
def m_ev_missing(wb): wb["指标填报"]["G2"] = "evidence/nope.pdf"
def m_ev_empty(wb): wb["指标填报"]["G2"] = "evidence/empty.pdf"
def m_ev_unreadable(wb): wb["指标填报"]["G2"] = "evidence/scans.pdf"
def m_ev_type(wb): wb["指标填报"]["G2"] = "evidence/photo.pdf"
def m_ev_dup(wb):
    wb["指标填报"]["G2"] = "evidence/a.pdf"
    wb["指标填报"]["G4"] = "evidence/a-copy.pdf"
def m_ev_outside(wb): wb["指标填报"]["G2"] = "../producers/事项清单.pdf"

# code -> (mutation of the good workbook, expected location)
CASES = {
    "missing-sheet": (m_missing_sheet, "指标填报"),
    "missing-column": (m_missing_column, "指标填报!1:1"),
    "missing-level": (m_missing_level, "基本信息!B3"),
    "missing-basic-info": (m_missing_basic, "基本信息!B2"),
    "wrong-level": (m_wrong_level, "基本信息!B3"),
    "missing-item": (m_missing_item, "指标填报"),
    "missing-value": (m_missing_value, "指标填报!F9"),
    "not-a-number": (m_nan, "指标填报!F8"),
    "not-yes-no": (m_yes_no, "指标填报!F7"),
    "unknown-option": (m_option, "指标填报!F4"),
    "out-of-range": (m_range, "指标填报!F8"),
    "ambiguous-percent": (m_percent, "指标填报!F5"),
    "unit-mismatch": (m_unit, "指标填报!F8"),
    "number-as-text": (m_text, "指标填报!F8"),
    "unknown-indicator-code": (m_unknown, "指标填报!A10"),
    "duplicate-code": (m_dup, "指标填报!A10"),
    "formula-no-cached-value": (m_formula, "指标填报!F9"),
    "error-cell": (m_error, "指标填报!F9"),
    "merged-cell": (m_merged, "指标填报!F9"),
    "hidden-sheet": (m_hidden, "旧数据"),
    "zero-denominator": (m_zero, "指标填报!F3"),
    "numerator-exceeds-denominator": (m_exceeds, "指标填报!F2"),
    "population-missing": (m_population, "指标填报!F8"),
    "evidence-missing": (m_evidence, "指标填报!G2"),
    "population-in-wan": (m_population_wan, "基本信息!B7"),
    "fractional-count": (m_fractional, "指标填报!F8"),
    "share-over-100": (m_share, "指标填报!F5"),
    "implausible-magnitude": (m_magnitude, "指标填报!F8"),
    "evidence-file-missing": (m_ev_missing, "指标填报!G2"),
    "evidence-empty": (m_ev_empty, "指标填报!G2"),
    "evidence-unreadable": (m_ev_unreadable, "指标填报!G2"),
    "evidence-wrong-type": (m_ev_type, "指标填报!G2"),
    "evidence-duplicate": (m_ev_dup, "指标填报!G4"),
    "evidence-outside": (m_ev_outside, "指标填报!G2"),
}


def soffice(src, fmt, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print("soffice not found: LibreOffice fixtures not regenerated", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                       check=True, stdout=subprocess.DEVNULL)
    return outdir / (src.stem + "." + fmt.split(":")[0])


def only_codes(codes):
    """Write the fixtures of the codes named (`--only CODE...`), leaving every
    other file as it is, and add their lines to expected.tsv."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.xlsx"
        template(base)
        lines = (CODES / "expected.tsv").read_text(encoding="utf-8").splitlines()
        for code in codes:
            mutate, loc = CASES[code]
            wb = good_book(base)
            mutate(wb)
            wb.save(CODES / f"{code}.xlsx")
            lines = [l for l in lines if l.split("\t")[0] != code] + [f"{code}\t{loc}"]
        (CODES / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def producers(base, tmp):
    """The good workbook from openpyxl, and LibreOffice's re-saves of it."""
    good = PRODUCERS / "openpyxl-good.xlsx"
    good_book(base).save(good)
    lo = tmp / "lo"; lo.mkdir()
    shutil.copy(good, lo / "libreoffice-good.xlsx")
    for fmt, ext in (("ods", "ods"), ("xls:MS Excel 97", "xls"), ("xlsx:Calc MS Excel 2007 XML", "xlsx")):
        out = tmp / f"out-{ext}"; out.mkdir()
        made = soffice(lo / "libreoffice-good.xlsx", fmt, out)
        if made:
            shutil.copy(made, PRODUCERS / f"libreoffice-good.{ext}")
    shutil.copy(base, PRODUCERS / "citystar-blank.xlsx")
    return good


def main():
    if sys.argv[1:2] == ["--only"]:
        only_codes(sys.argv[2:])
        print("fixtures written under", CODES)
        return
    if sys.argv[1:2] == ["--producers"]:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            base = tmp / "base.xlsx"
            template(base)
            producers(base, tmp)
        print("fixtures written under", PRODUCERS)
        return
    for d in (CODES, PRODUCERS, HOSTILE):
        d.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = tmp / "base.xlsx"
        template(base)

        # openpyxl: the good workbook (and LibreOffice's re-saves), one per diagnostic code.
        good = producers(base, tmp)
        expected = []
        for code, (mutate, loc) in CASES.items():
            wb = good_book(base)
            mutate(wb)
            wb.save(CODES / f"{code}.xlsx")
            expected.append(f"{code}\t{loc}")
        (CODES / "expected.tsv").write_text("\n".join(expected) + "\n", encoding="utf-8")

        # Hostile files.
        (HOSTILE / "not-a-workbook.xlsx").write_text("这不是工作簿 / this is not a workbook\n", encoding="utf-8")
        data = good.read_bytes()
        (HOSTILE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
        # A CFB container holding an EncryptedPackage stream name, as Office
        # writes password-protected workbooks (header and directory name only).
        cfb = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
        cfb += "EncryptedPackage".encode("utf-16-le") + b"\0" * 2000
        (HOSTILE / "password-protected.xlsx").write_bytes(bytes(cfb))
        # A zip bomb: one part inflating to 300 MB of zeros.
        with zipfile.ZipFile(HOSTILE / "zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook/>")
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
                chunk = b"\0" * (1 << 20)
                for _ in range(300):
                    part.write(chunk)
        # A sheet claiming a million rows: 指标填报 of the good workbook with
        # its dimension and one cell at row 1,000,000.
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(HOSTILE / "million-rows.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                body = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet3.xml":
                    text = body.decode("utf-8")
                    text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:H1000000"/>', text)
                    text = text.replace("</sheetData>",
                                        '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
                    body = text.encode("utf-8")
                zout.writestr(item, body)
    print("fixtures written under", OUT)


if __name__ == "__main__":
    main()
