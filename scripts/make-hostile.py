#!/usr/bin/env python3
"""Regenerate tests/fixtures/hostile2/: small hostile workbooks, one or more per class.

    python3 scripts/make-hostile.py          # writes tests/fixtures/hostile2/*, prints a table
    python3 scripts/make-hostile.py --check  # only re-checks the committed files

Python 3.11 standard library only: no openpyxl, no olefile, no LibreOffice, no cargo.
Every file is a mutation of a workbook already committed in the repository:

    tests/fixtures/producers/openpyxl-good.xlsx     inline strings, no sharedStrings.xml
    tests/fixtures/producers/libreoffice-good.xlsx  shared strings
    tests/fixtures/producers/libreoffice-good.ods
    tests/fixtures/producers/libreoffice-good.xls   BIFF8 in a CFB (OLE2) container

(all filled with tests/fixtures/all-kinds-city.toml: sheets 说明 / 基本信息 / 指标填报).
xlsx and ods are unzipped, their XML edited as text and rezipped; xls records are patched
in place inside the Workbook stream, whose sectors this script finds with its own small CFB
reader (class Cfb below), so stream sizes never change and no CFB writer is needed.

Output is byte-for-byte the same on every run: every zip entry has the date 2026-01-01
00:00:00 and fixed attributes, deflate runs at level 9 (zlib's output is stable for a given
zlib build), there is no randomness and nothing depends on the clock or directory order. expected.tsv is written from
the CASES table below; README.md in the folder is hand-written and left alone.
"""
import hashlib
import io
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "hostile2"
PRODUCERS = ROOT / "tests" / "fixtures" / "producers"
OPENPYXL = PRODUCERS / "openpyxl-good.xlsx"
LO_XLSX = PRODUCERS / "libreoffice-good.xlsx"
LO_ODS = PRODUCERS / "libreoffice-good.ods"
LO_XLS = PRODUCERS / "libreoffice-good.xls"

DATE = (2026, 1, 1, 0, 0, 0)
DOS_DATE = ((DATE[0] - 1980) << 9) | (DATE[1] << 5) | DATE[2]
DOS_TIME = 0
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# file name -> (class, expectation, note, builder returning the bytes); filled by @case, in file order.
CASES = {}


def case(name, klass, expectation, note):
    assert expectation in ("unreadable", "read", "read-or-unreadable"), expectation
    assert "\t" not in note and "\n" not in note

    def register(fn):
        CASES[name] = (klass, expectation, note, fn)
        return fn
    return register


# --------------------------------------------------------------------------- text helpers

def sub1(text, old, new):
    """Replace exactly one occurrence of old; fail loudly if the base changed."""
    n = text.count(old)
    assert n == 1, f"expected one {old[:60]!r}, found {n}"
    return text.replace(old, new)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cell_pattern(ref):
    # <c r="F4" .../>  or  <c r="F4" ...>...</c>
    return re.compile(rf'<c r="{ref}"(?:[^>]*?/>|[^>]*?(?<!/)>.*?</c>)')


def set_cell(xml, ref, new):
    pat = cell_pattern(ref)
    assert len(pat.findall(xml)) == 1, f"cell {ref} not found exactly once"
    return pat.sub(lambda m: new, xml, count=1)


def get_cell(xml, ref):
    m = cell_pattern(ref).search(xml)
    assert m, ref
    return m.group(0)


def style_of(xml, ref):
    m = re.search(r' s="(\d+)"', get_cell(xml, ref))
    return f' s="{m.group(1)}"' if m else ""


def num_cell(xml, ref, v):
    """A numeric cell keeping the style of the cell it replaces; v is written verbatim."""
    return set_cell(xml, ref, f'<c r="{ref}"{style_of(xml, ref)} t="n"><v>{v}</v></c>')


def str_cell(xml, ref, s):
    """An inline-string cell keeping the style of the cell it replaces (s is plain text)."""
    return set_cell(xml, ref, f'<c r="{ref}"{style_of(xml, ref)} t="inlineStr">'
                              f'<is><t xml:space="preserve">{xml_escape(s)}</t></is></c>')


def ooxml_escape_controls(s):
    """OOXML's ST_Xstring escape for characters XML 1.0 cannot hold (_x001B_)."""
    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 0x20 and ch not in "\t\n\r" else ch for ch in s)


# --------------------------------------------------------------------------- zip helpers

def read_parts(path):
    """[(ZipInfo, bytes)] in the order of the archive."""
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def parts_dict(path):
    return {i.filename: data for i, data in read_parts(path)}


def write_zip(parts, compress=zipfile.ZIP_DEFLATED):
    """Deterministic zip from [(name, bytes | str, stored?)] or {name: bytes}."""
    if isinstance(parts, dict):
        parts = [(n, d, False) for n, d in parts.items()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.create_system = 3
            info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED if stored else compress
            kw = {"compresslevel": 9} if info.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2) else {}
            z.writestr(info, data, **kw)
    return buf.getvalue()


def rezip(path, edits):
    """The parts of path in their order with edits {name: fn(str) -> str} applied; stored
    entries stay stored (the ods mimetype must)."""
    out = []
    for info, data in read_parts(path):
        if info.filename in edits:
            data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
        out.append((info.filename, data, info.compress_type == zipfile.ZIP_STORED))
    missing = edits.keys() - {n for n, _, _ in out}
    assert not missing, missing
    return write_zip(out)


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class RawEntry:
    """One entry of a hand-assembled zip; the override fields make it lie."""

    def __init__(self, name, data, method=8):
        self.name = name.encode("utf-8")
        self.data = data if isinstance(data, bytes) else data.encode("utf-8")
        self.method = method
        self.payload = deflate(self.data) if method == 8 else self.data
        self.crc = zlib.crc32(self.data)
        self.local_name = None      # name written in the local header instead of self.name
        self.cd_method = None       # method written in both headers instead of self.method
        self.cd_offset = None       # local header offset written in the central directory
        self.csize = None           # compressed size written in both headers
        self.shares_local_of = None  # no local header of its own: the CD points at another's


def raw_zip(entries, eocd_entries=None, zip64_entries=None):
    """Assemble a zip by hand. eocd_entries overrides both counts of the end record;
    zip64_entries adds a zip64 end record (plus locator) with those counts and marks the
    classic end record's fields 0xFFFF/0xFFFFFFFF as zip64 writers do."""
    out = bytearray()
    offsets = {}
    for e in entries:
        if e.shares_local_of is not None:
            continue
        offsets[e.name] = len(out)
        method = e.cd_method if e.cd_method is not None else e.method
        csize = e.csize if e.csize is not None else len(e.payload)
        lname = e.local_name if e.local_name is not None else e.name
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x0800, method, DOS_TIME, DOS_DATE,
                           e.crc, csize, len(e.data), len(lname), 0)
        out += lname + e.payload
    cd_start = len(out)
    for e in entries:
        method = e.cd_method if e.cd_method is not None else e.method
        csize = e.csize if e.csize is not None else len(e.payload)
        if e.shares_local_of is not None:
            off = offsets[e.shares_local_of.encode("utf-8")]
        else:
            off = e.cd_offset if e.cd_offset is not None else offsets[e.name]
        out += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 20, 0x0800, method,
                           DOS_TIME, DOS_DATE, e.crc, csize, len(e.data), len(e.name), 0, 0, 0, 0,
                           0o100644 << 16, off)
        out += e.name
    cd_size = len(out) - cd_start
    n = len(entries) if eocd_entries is None else eocd_entries
    if zip64_entries is not None:
        z64 = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, zip64_entries, zip64_entries,
                           cd_size, cd_start)
        out += struct.pack("<IIQI", 0x07064B50, 0, z64, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, cd_size, cd_start, 0)
    return bytes(out)


def raw_entries(path):
    return [RawEntry(i.filename, data) for i, data in read_parts(path)]


def entry(entries, name):
    (e,) = [e for e in entries if e.name == name.encode()]
    return e


# --------------------------------------------------------------------------- workbook helpers

def add_sheets(parts, sheets, new_parts=None, after=None, base_rid=100):
    """Add worksheets to an xlsx given as a dict {part name: bytes}.
    sheets: [(sheet name, target part under xl/, state)], listed in workbook.xml after the
    <sheet> named after (else at the end), one relationship each (several may share a part);
    new_parts: {part under xl/: xml} to add, each with a content-type override."""
    new_parts = new_parts or {}
    wb = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    ct = parts["[Content_Types].xml"].decode()
    next_id = max(int(x) for x in re.findall(r'sheetId="(\d+)"', wb)) + 1
    elems, rel_elems = [], []
    for k, (name, part, state) in enumerate(sheets):
        rid = f"rId{base_rid + k}"
        elems.append(f'<sheet name="{xml_escape(name)}" sheetId="{next_id + k}" state="{state}" r:id="{rid}"/>')
        rel_elems.append(f'<Relationship Id="{rid}" Type="{WORKSHEET_REL}" Target="/xl/{part}"/>')
    ct_elems = [f'<Override PartName="/xl/{part}" ContentType="{WORKSHEET_CT}"/>' for part in new_parts]
    for part, xml in new_parts.items():
        parts[f"xl/{part}"] = xml.encode() if isinstance(xml, str) else xml
    block = "".join(elems)
    if after is None:
        wb = sub1(wb, "</sheets>", block + "</sheets>")
    else:
        m = re.search(rf'<sheet name="{after}"[^>]*/>', wb)
        wb = wb[:m.end()] + block + wb[m.end():]
    parts["xl/workbook.xml"] = wb.encode()
    parts["xl/_rels/workbook.xml.rels"] = sub1(rels, "</Relationships>", "".join(rel_elems) + "</Relationships>").encode()
    parts["[Content_Types].xml"] = sub1(ct, "</Types>", "".join(ct_elems) + "</Types>").encode()
    return parts


def append_to_row(xml, r, cells):
    """Insert cells at the end of <row r="r">."""
    start = xml.index(f'<row r="{r}"')
    end = xml.index("</row>", start)
    return xml[:end] + cells + xml[end:]


def ordered(parts, path):
    """parts dict -> [(name, bytes, stored)] keeping the base's order, new parts last."""
    base = [i.filename for i, _ in read_parts(path)]
    names = [n for n in base if n in parts] + [n for n in parts if n not in base]
    return [(n, parts[n], False) for n in names]


def openpyxl_edit(info=None, data=None):
    """openpyxl-good.xlsx with edits of 基本信息 (sheet2.xml) and/or 指标填报 (sheet3.xml)."""
    edits = {}
    if info:
        edits["xl/worksheets/sheet2.xml"] = info
    if data:
        edits["xl/worksheets/sheet3.xml"] = data
    return rezip(OPENPYXL, edits)


# ============================================================================ class 1

def unique_count(value, count=None):
    def edit(x):
        x = sub1(x, 'uniqueCount="69"', f'uniqueCount="{value}"')
        if count is not None:
            x = sub1(x, 'count="81"', f'count="{count}"')
        return x
    return rezip(LO_XLSX, {"xl/sharedStrings.xml": edit})


NOTE1 = "xl/sharedStrings.xml sst@uniqueCount={} ({} real strings); calamine 0.38 reserves uniqueCount Strings up front"


@case("shared-strings-unique-count.xlsx", "1 shared-strings-count", "unreadable",
      NOTE1.format("4294967295", 69) + " (~103 GB: allocation failure aborts)")
def _():
    return unique_count("4294967295")


@case("shared-strings-unique-count-100m.xlsx", "1 shared-strings-count", "unreadable",
      NOTE1.format("100000000 and count=100000000", 69) + " (~2.4 GB)")
def _():
    return unique_count("100000000", count="100000000")


@case("shared-strings-unique-count-u64max.xlsx", "1 shared-strings-count", "unreadable",
      NOTE1.format("18446744073709551615", 69) + " (capacity overflow panic)")
def _():
    return unique_count("18446744073709551615")


# ============================================================================ class 2

BIG = "甲" * 349_526   # 1,048,578 bytes of UTF-8 (just over 1 MiB)
AMP_CELLS = 5000


def amp_sst(x):
    x = sub1(x, 'count="81" uniqueCount="69"', f'count="{81 + AMP_CELLS}" uniqueCount="70"')
    return sub1(x, "</sst>", f'<si><t>{BIG}</t></si></sst>')


@case("shared-string-amplification.xlsx", "2 shared-string-amplification", "read-or-unreadable",
      f"libreoffice-good.xlsx + shared string #69 = {len(BIG)} x '甲' (~1 MB) referenced by 指标填报!H10:H{9 + AMP_CELLS} "
      f"({AMP_CELLS} cells, ~5 GB if every cell gets its own copy)")
def _():
    rows = "".join(f'<row r="{r}"><c r="H{r}" s="11" t="s"><v>69</v></c></row>'
                   for r in range(10, 10 + AMP_CELLS))

    def sheet(x):
        x = sub1(x, '<dimension ref="A1:H9"/>', f'<dimension ref="A1:H{9 + AMP_CELLS}"/>')
        return sub1(x, "</sheetData>", rows + "</sheetData>")
    return rezip(LO_XLSX, {"xl/sharedStrings.xml": amp_sst, "xl/worksheets/sheet3.xml": sheet})


@case("shared-string-amplification-extra-sheet.xlsx", "2 shared-string-amplification", "read-or-unreadable",
      f"as shared-string-amplification.xlsx but the {AMP_CELLS} cells (A1:J{AMP_CELLS // 10}) "
      "are on an extra visible sheet 附表 that the assessment never needs")
def _():
    parts = parts_dict(LO_XLSX)
    parts["xl/sharedStrings.xml"] = amp_sst(parts["xl/sharedStrings.xml"].decode()).encode()
    cols = "ABCDEFGHIJ"
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>69</v></c>' for c in cols) + "</row>"
                   for r in range(1, AMP_CELLS // 10 + 1))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}">'
           f'<dimension ref="A1:J{AMP_CELLS // 10}"/><sheetData>{rows}</sheetData></worksheet>')
    add_sheets(parts, [("附表", "worksheets/sheet4.xml", "visible")], {"worksheets/sheet4.xml": xml})
    return write_zip(ordered(parts, LO_XLSX))


# ============================================================================ class 3

def ods_data_table(content):
    """(start, end) of the 指标填报 table in content.xml."""
    start = content.index('<table:table table:name="指标填报"')
    end = content.index("</table:table>", start) + len("</table:table>")
    return start, end


def ods_edit_data(fn):
    def edit(c):
        s, e = ods_data_table(c)
        return c[:s] + fn(c[s:e]) + c[e:]
    return rezip(LO_ODS, {"content.xml": edit})


@case("ods-text-s-huge.ods", "3 ods-repeat", "unreadable",
      '指标填报!F4 (A-02, a string cell) = 建成<text:s text:c="1000000000"/>运行: one billion spaces (1 GB string)')
def _():
    return ods_edit_data(lambda t: sub1(t, "<text:p>建成运行</text:p>",
                                        '<text:p>建成<text:s text:c="1000000000"/>运行</text:p>'))


@case("ods-text-s-u64max.ods", "3 ods-repeat", "unreadable",
      '指标填报!F4 = 建成<text:s text:c="18446744073709551615"/>运行: a space count no memory can hold')
def _():
    return ods_edit_data(lambda t: sub1(t, "<text:p>建成运行</text:p>",
                                        '<text:p>建成<text:s text:c="18446744073709551615"/>运行</text:p>'))


HUGE_ROW = ('<table:table-row table:style-name="ro1" table:number-rows-repeated="1048576">'
            '<table:table-cell table:number-columns-repeated="16384" office:value-type="string" '
            'calcext:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')


@case("ods-repeated-unread-sheet.ods", "3 ods-repeat", "unreadable",
      "extra last sheet 附表 = one non-empty cell 'x' with number-columns-repeated=16384 on a row with "
      "number-rows-repeated=1048576 (17 billion cells); calamine expands every sheet of content.xml at open")
def _():
    table = ('<table:table table:name="附表" table:style-name="ta1">'
             '<table:table-column table:style-name="co2" table:number-columns-repeated="16384" '
             'table:default-cell-style-name="Default"/>' + HUGE_ROW + "</table:table>")

    def edit(c):
        _, e = ods_data_table(c)
        return c[:e] + table + c[e:]
    return rezip(LO_ODS, {"content.xml": edit})


@case("ods-repeated-data-sheet.ods", "3 ods-repeat", "unreadable",
      "指标填报: its trailing empty repeated rows replaced by a row repeated 1048576 times (past the 1048576-row "
      "limit, after 9 real rows) holding 'x' repeated over 16384 columns")
def _():
    def edit(t):
        t = re.sub(r'<table:table-row table:style-name="ro1" table:number-rows-repeated="\d+">'
                   r'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
                   r'<table:table-row table:style-name="ro1"><table:table-cell table:number-columns-repeated="16384"/>'
                   r'</table:table-row>(?=</table:table>)', lambda m: HUGE_ROW, t)
        assert HUGE_ROW in t
        return t
    return ods_edit_data(edit)


# ============================================================================ class 4 (xls)

class Cfb:
    """Just enough of [MS-CFB] to find the sectors of a stream and the FAT entries."""

    def __init__(self, data):
        self.data = bytearray(data)
        assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        self.ssz = 1 << struct.unpack_from("<H", data, 30)[0]
        self.nfat, self.dir_start = struct.unpack_from("<II", data, 44)
        self.mini_cutoff = struct.unpack_from("<I", data, 56)[0]
        difat = struct.unpack_from("<109I", data, 76)
        assert struct.unpack_from("<I", data, 68)[0] >= 0xFFFFFFFA, "DIFAT sectors not supported"
        self.fat_sectors = [s for s in difat[:self.nfat]]
        self.fat = []
        for s in self.fat_sectors:
            self.fat += struct.unpack_from(f"<{self.ssz // 4}I", data, self.off(s))
        self.dirs = {}
        for k, s in enumerate(self.chain(self.dir_start)):
            for i in range(self.ssz // 128):
                at = self.off(s) + i * 128
                nlen = struct.unpack_from("<H", data, at + 64)[0]
                if data[at + 66] == 0:
                    continue
                name = bytes(data[at:at + max(nlen - 2, 0)]).decode("utf-16-le")
                start, size = struct.unpack_from("<II", data, at + 116)
                self.dirs[name] = (at, start, size)

    def off(self, sector):
        return (sector + 1) * self.ssz

    def chain(self, s):
        out = []
        while s < 0xFFFFFFFA:
            if s in out or s >= len(self.fat) or self.off(s) >= len(self.data):
                raise ValueError(f"bad sector chain at {s:#x}")
            out.append(s)
            s = self.fat[s]
        return out

    def fat_entry_offset(self, sector):
        per = self.ssz // 4
        return self.off(self.fat_sectors[sector // per]) + 4 * (sector % per)

    def stream(self, name):
        _, start, size = self.dirs[name]
        assert size >= self.mini_cutoff, "mini streams not supported"
        return b"".join(bytes(self.data[self.off(s):self.off(s) + self.ssz]) for s in self.chain(start))[:size]

    def put_stream(self, name, body):
        """Write a stream back in place (same length)."""
        _, start, size = self.dirs[name]
        assert len(body) == size
        for k, s in enumerate(self.chain(start)):
            piece = body[k * self.ssz:(k + 1) * self.ssz]
            self.data[self.off(s):self.off(s) + len(piece)] = piece


def biff_records(stream, start=0):
    """[(offset, type, length)] from start to the first EOF record included."""
    out, p = [], start
    while p + 4 <= len(stream):
        t, n = struct.unpack_from("<HH", stream, p)
        out.append((p, t, n))
        p += 4 + n
        if t == 0x000A:
            break
    return out


def xls_sheets(stream):
    """{sheet name: (BoundSheet8 record offset, substream offset)}."""
    out = {}
    for p, t, n in biff_records(stream):
        if t == 0x0085:
            pos = struct.unpack_from("<I", stream, p + 4)[0]
            cch, flags = stream[p + 10], stream[p + 11]
            raw = stream[p + 12:p + 12 + (2 * cch if flags & 1 else cch)]
            name = raw.decode("utf-16-le") if flags & 1 else raw.decode("latin-1")
            out[name] = (p, pos)
    return out


def xls_record(stream, typ, sheet=None, nth=0):
    """Offset of the nth record of typ in the globals (sheet=None) or in a sheet substream."""
    start = 0 if sheet is None else xls_sheets(stream)[sheet][1]
    hits = [p for p, t, _ in biff_records(stream, start) if t == typ]
    return hits[nth]


def xls_patch(fn):
    """libreoffice-good.xls with fn(bytearray Workbook stream) applied in place."""
    cfb = Cfb(LO_XLS.read_bytes())
    body = bytearray(cfb.stream("Workbook"))
    n = len(body)
    fn(body)
    assert len(body) == n
    cfb.put_stream("Workbook", bytes(body))
    return bytes(cfb.data)


def set_dimensions(rf, rl, cf, cl, sheet="指标填报"):
    def fn(w):
        p = xls_record(w, 0x0200, sheet)
        assert struct.unpack_from("<H", w, p + 2)[0] == 14
        struct.pack_into("<IIHH", w, p + 4, rf, rl, cf, cl)
    return xls_patch(fn)


@case("xls-huge-dimensions.xls", "4 xls-declared-size", "unreadable",
      "指标填报 DIMENSIONS (0x0200) = rows 0..0xFFFFFFFF, cols 0..0xFFFF; calamine 0.38 does "
      "cells.reserve(rows*cols) = 2.8e14 cells (allocation failure aborts the process)")
def _():
    return set_dimensions(0, 0xFFFFFFFF, 0, 0xFFFF)


@case("xls-huge-dimensions-biff8-max.xls", "4 xls-declared-size", "read-or-unreadable",
      "指标填报 DIMENSIONS = rows 0..65536, cols 0..256 (the largest sheet BIFF8 can describe): "
      "16.8 million cells reserved (~0.6 GB) for 9 real rows; a valid sheet at BIFF8's largest "
      "declared size: read within the reader's 1 GB, or refused")
def _():
    return set_dimensions(0, 0x10000, 0, 0x100)


@case("xls-dimensions-inverted.xls", "4 xls-declared-size", "unreadable",
      "指标填报 DIMENSIONS first row 1000 > last row 10: calamine 0.38 computes end-start+1 in u32 "
      "(overflow panic in debug, ~4e9 rows reserved in release)")
def _():
    return set_dimensions(1000, 10, 0, 8)


@case("xls-huge-sst.xls", "4 xls-declared-size", "read-or-unreadable",
      "SST (0x00FC) cstTotal = cstUnique = 0xFFFFFFFF for 69 real strings (calamine 0.38 ignores the counts; "
      "a reader that pre-sizes from them does not)")
def _():
    def fn(w):
        p = xls_record(w, 0x00FC)
        assert struct.unpack_from("<II", w, p + 4) == (81, 69)
        struct.pack_into("<II", w, p + 4, 0xFFFFFFFF, 0xFFFFFFFF)
    return xls_patch(fn)


@case("xls-boundsheet-offset-past-end.xls", "4 xls-declared-size", "unreadable",
      "BoundSheet8 (0x0085) of 指标填报: lbPlyPos = 0x7FFFFFFF, past the end of the 7708-byte Workbook stream "
      "(calamine 0.38 slices stream[pos..] without a check: panic)")
def _():
    def fn(w):
        p, _ = xls_sheets(w)["指标填报"]
        struct.pack_into("<I", w, p + 4, 0x7FFFFFFF)
    return xls_patch(fn)


@case("xls-lbl-bad-cce.xls", "4 xls-declared-size", "unreadable",
      "globals WRITEACCESS record (0x005C, 112 bytes) turned into a Lbl (0x0018) whose cce = 0xFFFF > its length "
      "(calamine 0.38 computes len - cce unchecked: panic)")
def _():
    def fn(w):
        p = xls_record(w, 0x005C)
        n = struct.unpack_from("<H", w, p + 2)[0]
        assert n >= 15
        body = bytearray(n)
        struct.pack_into("<HBBH", body, 0, 0, 0, 0, 0xFFFF)   # grbit, chKey, cch=0, cce
        struct.pack_into("<HH", w, p, 0x0018, n)
        w[p + 4:p + 4 + n] = body
    return xls_patch(fn)


def replace_row_record(typ, body_fn):
    """Turn the first ROW record (0x0208, 16 bytes) of 指标填报 into a record of typ."""
    def fn(w):
        p = xls_record(w, 0x0208, "指标填报")
        assert struct.unpack_from("<H", w, p + 2)[0] == 16
        body = bytearray(16)
        body_fn(body)
        struct.pack_into("<H", w, p, typ)
        w[p + 4:p + 20] = body
    return xls_patch(fn)


@case("xls-mergecells-count.xls", "4 xls-declared-size", "unreadable",
      "指标填报: a MergeCells record (0x00E5, 16 bytes = room for 1 range) declaring cmcs = 65535 ranges "
      "(calamine 0.38 reads past the record: panic)")
def _():
    return replace_row_record(0x00E5, lambda b: struct.pack_into("<HHHHH", b, 0, 0xFFFF, 1, 1, 5, 5))


@case("xls-mulrk-inverted.xls", "4 xls-declared-size", "unreadable",
      "指标填报: a MulRk record (0x00BD) with colFirst 5 > colLast 1 (u16 overflow panic in debug builds, "
      "length error in release)")
def _():
    def body(b):
        struct.pack_into("<HH", b, 0, 1, 5)
        struct.pack_into("<H", b, 14, 1)
    return replace_row_record(0x00BD, body)


def cfb_patch(fn, pad_to=None):
    cfb = Cfb(LO_XLS.read_bytes())
    fn(cfb)
    data = bytes(cfb.data)
    if pad_to is not None:
        data += b"\0" * (pad_to - len(data))
    return data


@case("xls-bad-sector-chain.xls", "4 xls-cfb", "unreadable",
      "CFB: the FAT entry of the Workbook stream's 4th sector points at sector 0x00FFFF00, far past the end "
      "of the 12288-byte file")
def _():
    def fn(cfb):
        s = cfb.chain(cfb.dirs["Workbook"][1])[3]
        struct.pack_into("<I", cfb.data, cfb.fat_entry_offset(s), 0x00FFFF00)
    return cfb_patch(fn)


@case("xls-fat-cycle.xls", "4 xls-cfb", "unreadable",
      "CFB: the directory sector's FAT entry points at itself; calamine 0.38 reads the directory chain with "
      "no length limit, so a naive reader loops appending 512 bytes forever")
def _():
    def fn(cfb):
        struct.pack_into("<I", cfb.data, cfb.fat_entry_offset(cfb.dir_start), cfb.dir_start)
    return cfb_patch(fn)


@case("xls-stream-size-cycle.xls", "4 xls-cfb", "unreadable",
      "CFB: Workbook directory entry size = 0xFFFFFFFF and its last sector chained back to its first: "
      "following the chain up to the declared size builds a 4 GB stream")
def _():
    def fn(cfb):
        at, start, _ = cfb.dirs["Workbook"]
        struct.pack_into("<I", cfb.data, at + 120, 0xFFFFFFFF)
        last = cfb.chain(start)[-1]
        struct.pack_into("<I", cfb.data, cfb.fat_entry_offset(last), start)
    return cfb_patch(fn)


@case("xls-fat-index-out-of-range.xls", "4 xls-cfb", "unreadable",
      "CFB padded with zero sectors to 68,608 bytes (133 sectors) but still one FAT sector (128 entries): the Workbook chain jumps to sector 130, "
      "inside the file but beyond the FAT (calamine 0.38 indexes fats[130]: panic)")
def _():
    def fn(cfb):
        s = cfb.chain(cfb.dirs["Workbook"][1])[3]
        struct.pack_into("<I", cfb.data, cfb.fat_entry_offset(s), 130)
    return cfb_patch(fn, pad_to=512 * 134)


# ============================================================================ class 5

MILLION_ROWS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>'
                + "<row/>" * 999_999 + '<row r="1000000"/></sheetData></worksheet>').encode()


def hidden_sheets(n):
    parts = parts_dict(OPENPYXL)
    sheets = [(f"隐藏{i:04d}", "worksheets/million-rows.xml", "hidden") for i in range(1, n + 1)]
    add_sheets(parts, sheets, {"worksheets/million-rows.xml": MILLION_ROWS}, after="说明")
    return write_zip(ordered(parts, OPENPYXL))


NOTE5 = ("openpyxl-good.xlsx + {} hidden sheets (隐藏0001...) between 说明 and 基本信息, all pointing at ONE part "
         "xl/worksheets/million-rows.xml: 1,000,000 empty rows (999,999 <row/> then <row r=\"1000000\"/>, "
         "6 MB inflated); 基本信息 and 指标填报 intact")


@case("many-hidden-sheets.xlsx", "5 many-sheets", "read", NOTE5.format("2,000"))
def _():
    return hidden_sheets(2000)


@case("many-hidden-sheets-200.xlsx", "5 many-sheets", "read", NOTE5.format("200"))
def _():
    return hidden_sheets(200)


# ============================================================================ class 6

@case("workbook-at-root.xlsx", "6 package-layout", "read",
      "openpyxl-good.xlsx with xl/workbook.xml moved to /workbook.xml (rels at /_rels/workbook.xml.rels, targets "
      "rewritten relative to the root), found only through _rels/.rels")
def _():
    parts = parts_dict(OPENPYXL)
    wb = parts.pop("xl/workbook.xml")
    rels = parts.pop("xl/_rels/workbook.xml.rels").decode()
    for t in ("/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml", "/xl/worksheets/sheet3.xml"):
        rels = sub1(rels, f'Target="{t}"', f'Target="{t[1:]}"')
    rels = sub1(rels, 'Target="styles.xml"', 'Target="xl/styles.xml"')
    rels = sub1(rels, 'Target="theme/theme1.xml"', 'Target="xl/theme/theme1.xml"')
    root = sub1(parts["_rels/.rels"].decode(), 'Target="xl/workbook.xml"', 'Target="workbook.xml"')
    ct = sub1(parts["[Content_Types].xml"].decode(), 'PartName="/xl/workbook.xml"', 'PartName="/workbook.xml"')
    parts["_rels/.rels"] = root.encode()
    parts["[Content_Types].xml"] = ct.encode()
    parts["workbook.xml"] = wb
    parts["_rels/workbook.xml.rels"] = rels.encode()
    return write_zip(list((n, d, False) for n, d in parts.items()))


# ============================================================================ class 7

@case("cell-t-n-text.xlsx", "7 cell-type", "read",
      '指标填报!F4 (A-02) written <c r="F4" s="5" t="n"><v>abc</v></c>: a numeric cell holding text; '
      "expect a diagnostic at 指标填报!F4")
def _():
    return openpyxl_edit(data=lambda x: num_cell(x, "F4", "abc"))


@case("cell-t-n-text-number-item.xlsx", "7 cell-type", "read",
      '指标填报!F8 (B-01.C, a count) written <c r="F8" s="12" t="n"><v>三千</v></c>; expect a diagnostic at 指标填报!F8')
def _():
    return openpyxl_edit(data=lambda x: num_cell(x, "F8", "三千"))


# ============================================================================ class 8

def base36(i, width=3):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    for _ in range(width):
        i, r = divmod(i, 36)
        s = digits[r] + s
    return s


@case("zip-cd-offset-past-end.xlsx", "8 zip-damage", "unreadable",
      "central directory entry of xl/workbook.xml gives a local header offset 1,000,000 bytes past the end")
def _():
    es = raw_entries(OPENPYXL)
    total = sum(30 + len(e.name) + len(e.payload) for e in es)
    entry(es, "xl/workbook.xml").cd_offset = total + 1_000_000
    return raw_zip(es)


@case("zip-entry-size-past-end.xlsx", "8 zip-damage", "read-or-unreadable",
      "xl/worksheets/sheet3.xml (指标填报) declares a compressed size of 0x7FFFFFFF in both headers; the deflate "
      "stream itself is complete, so a reader that stops at its end (zip 9 does) may read the file")
def _():
    es = raw_entries(OPENPYXL)
    entry(es, "xl/worksheets/sheet3.xml").csize = 0x7FFFFFFF
    return raw_zip(es)


@case("zip-entry-size-truncated.xlsx", "8 zip-damage", "unreadable",
      "xl/worksheets/sheet3.xml (指标填报) declares half its real compressed size: its deflate stream ends early")
def _():
    es = raw_entries(OPENPYXL)
    e = entry(es, "xl/worksheets/sheet3.xml")
    e.csize = len(e.payload) // 2
    return raw_zip(es)


@case("zip-local-name-mismatch.xlsx", "8 zip-damage", "read-or-unreadable",
      "local header of xl/worksheets/sheet3.xml names xl/worksheets/sheet9.xml (same length; the central "
      "directory is right). zip 9 only notices in validate_header_consistency, so a reader may read it")
def _():
    es = raw_entries(OPENPYXL)
    entry(es, "xl/worksheets/sheet3.xml").local_name = b"xl/worksheets/sheet9.xml"
    return raw_zip(es)


@case("zip-method-99.xlsx", "8 zip-damage", "unreadable",
      "xl/workbook.xml marked compression method 99 (AES) without an AES extra field; data is plain deflate")
def _():
    es = raw_entries(OPENPYXL)
    entry(es, "xl/workbook.xml").cd_method = 99
    return raw_zip(es)


@case("zip-method-bzip2.xlsx", "8 zip-damage", "read-or-unreadable",
      "a valid zip whose parts are all bzip2-compressed (method 12): readable only with bzip2 support")
def _():
    return write_zip([(i.filename, d, False) for i, d in read_parts(OPENPYXL)], compress=zipfile.ZIP_BZIP2)


@case("zip-method-lzma.xlsx", "8 zip-damage", "read-or-unreadable",
      "a valid zip whose parts are all LZMA-compressed (method 14): readable only with lzma support")
def _():
    return write_zip([(i.filename, d, False) for i, d in read_parts(OPENPYXL)], compress=zipfile.ZIP_LZMA)


@case("zip-20000-parts.xlsx", "8 zip-damage", "read-or-unreadable",
      f"openpyxl-good.xlsx + 20,000 empty stored parts named 000..{base36(19_999)} at the root; to stay under 1 MB only 000 "
      "has a local header, the other 19,999 central directory entries point at it (overlapping entries)")
def _():
    es = raw_entries(OPENPYXL)
    for i in range(20_000):
        e = RawEntry(base36(i), b"", method=0)
        if i:
            e.shares_local_of = base36(0)
        es.append(e)
    return raw_zip(es)


@case("zip-eocd-count-lies.xlsx", "8 zip-damage", "unreadable",
      "end of central directory record claims 65535 entries; the directory holds 11")
def _():
    return raw_zip(raw_entries(OPENPYXL), eocd_entries=0xFFFF)


@case("zip64-eocd-count-lies.xlsx", "8 zip-damage", "unreadable",
      "zip64 end record (with locator; the classic record holds 0xFFFF/0xFFFFFFFF) claims 2^64-1 entries; the directory holds 11")
def _():
    return raw_zip(raw_entries(OPENPYXL), zip64_entries=0xFFFFFFFFFFFFFFFF)


@case("zip64-eocd-count-20m.xlsx", "8 zip-damage", "unreadable",
      "zip64 end record claims 20,000,000 entries (a plausible number to pre-allocate for); the directory holds 11")
def _():
    return raw_zip(raw_entries(OPENPYXL), zip64_entries=20_000_000)


# ============================================================================ class 9
# openpyxl-good.xlsx: 基本信息 B2 name, B3 level, B6 year, B7 population;
# 指标填报 rows 2..9 = A-01.N, A-01.D, A-02, A-03, A-04, A-05, B-01.C, B-02, values in F.

def semantic(name, note, info=None, data=None, expectation="read"):
    case(name, "9 semantic", expectation, note)(lambda: openpyxl_edit(info, data))


semantic("population-1e308.xlsx", "基本信息!B7 population = 1E+308",
         info=lambda x: num_cell(x, "B7", "1E+308"))
semantic("population-half.xlsx", "基本信息!B7 population = 0.5",
         info=lambda x: num_cell(x, "B7", "0.5"))
semantic("population-nan.xlsx", "基本信息!B7 written <v>NaN</v> (Rust's f64 parser accepts it)",
         info=lambda x: num_cell(x, "B7", "NaN"))
semantic("population-inf.xlsx", "基本信息!B7 written <v>INF</v> (Rust's f64 parser accepts it)",
         info=lambda x: num_cell(x, "B7", "INF"))
semantic("population-1e999.xlsx", "基本信息!B7 written <v>1e999</v>: overflows to +infinity when parsed",
         info=lambda x: num_cell(x, "B7", "1e999"))
semantic("value-nan.xlsx", "指标填报!F8 (B-01.C count) written <v>NaN</v>",
         data=lambda x: num_cell(x, "F8", "NaN"))
semantic("value-inf.xlsx", "指标填报!F2 (A-01.N numerator) written <v>INF</v>, denominator F3 = 100",
         data=lambda x: num_cell(x, "F2", "INF"))
semantic("denominator-1e308.xlsx", "指标填报!F3 (A-01.D denominator) = 1E+308, numerator F2 = 80",
         data=lambda x: num_cell(x, "F3", "1E+308"))
semantic("count-negative.xlsx", "指标填报!F8 (B-01.C count of 5G base stations) = -1",
         data=lambda x: num_cell(x, "F8", "-1"))
semantic("code-stray-space.xlsx", "指标填报!A2 code typed 'A-01 .N' (a space before the dot)",
         data=lambda x: str_cell(x, "A2", "A-01 .N"))
semantic("level-provincial.xlsx", "基本信息!B3 level = 省级",
         info=lambda x: str_cell(x, "B3", "省级"))
semantic("year-2099.xlsx", "基本信息!B6 year = 2099", info=lambda x: num_cell(x, "B6", "2099"))
semantic("year-1800.xlsx", "基本信息!B6 year = 1800", info=lambda x: num_cell(x, "B6", "1800"))
semantic("name-30000-chars.xlsx", "基本信息!B2 name = '示例市' x 10000 (30,000 characters)",
         info=lambda x: str_cell(x, "B2", "示例市" * 10_000))
ESC_NAME = "\x1b[31mRED\x1b[0m示例市\u202e市例示\u202c\u2066x\u2069"
semantic("name-escape-bidi.xlsx",
         "基本信息!B2 name = ESC[31mRED ESC[0m 示例市 U+202E 市例示 U+202C U+2066 x U+2069; ESC stored as "
         "OOXML _x001B_ (XML 1.0 cannot hold it raw)",
         info=lambda x: str_cell(x, "B2", ooxml_escape_controls(ESC_NAME)))
semantic("name-escape-charref.xlsx",
         "基本信息!B2 name with ESC written as the XML character reference &#x1B; (not well-formed XML 1.0; "
         "quick-xml may accept it)",
         info=lambda x: set_cell(x, "B2", '<c r="B2" s="5" t="inlineStr"><is><t>&#x1B;[31mRED&#x1B;[0m示例市</t></is></c>'),
         expectation="read-or-unreadable")
semantic("html-pipe-injection.xlsx",
         "基本信息!B2 name = '<img src=x onerror=alert(1)> | pipe | table'; 指标填报!F4 (A-02 option) = "
         "'<img src=x onerror=alert(1)>'; 指标填报!G2 evidence = '| pipe | table |' + newline + '|---|'",
         info=lambda x: str_cell(x, "B2", "<img src=x onerror=alert(1)> | pipe | table"),
         data=lambda x: str_cell(str_cell(x, "F4", "<img src=x onerror=alert(1)>"), "G2", "| pipe | table |\n|---|"))
semantic("hidden-row-value.xlsx", "指标填报 row 8 (B-01.C = 3000) is hidden (<row r=\"8\" hidden=\"1\">)",
         data=lambda x: sub1(x, '<row r="8">', '<row r="8" hidden="1">'))


@case("duplicate-value-column.xlsx", "9 semantic", "read",
      "指标填报 has a second 填报值 column I (I2 = 90, I8 = 4000, other rows as in F)")
def _():
    def edit(x):
        x = sub1(x, '<dimension ref="A1:H9" />', '<dimension ref="A1:I9" />')
        x = append_to_row(x, 1, '<c r="I1" s="3" t="inlineStr"><is><t>填报值</t></is></c>')
        for r in range(2, 10):
            c = get_cell(x, f"F{r}").replace(f'r="F{r}"', f'r="I{r}"')
            c = {2: '<c r="I2" s="12" t="n"><v>90</v></c>', 8: '<c r="I8" s="12" t="n"><v>4000</v></c>'}.get(r, c)
            x = append_to_row(x, r, c)
        return x
    return openpyxl_edit(data=edit)


def duplicate_sheet(src_part, copy_name, edit):
    parts = parts_dict(OPENPYXL)
    xml = edit(parts[f"xl/worksheets/{src_part}"].decode())
    add_sheets(parts, [(copy_name, "worksheets/sheet4.xml", "visible")], {"worksheets/sheet4.xml": xml})
    return write_zip(ordered(parts, OPENPYXL))


for _name, _copy, _note in [
    ("duplicate-data-sheet-trailing-space.xlsx", "指标填报 ", "a second sheet '指标填报 ' (trailing space)"),
    ("duplicate-data-sheet-english.xlsx", "Indicator data", "a second sheet 'Indicator data'"),
]:
    case(_name, "9 semantic", "read",
         f"{_note} after 指标填报, a copy with F8 (B-01.C) = 9999 instead of 3000")(
        lambda c=_copy: duplicate_sheet("sheet3.xml", c, lambda x: num_cell(x, "F8", "9999")))

for _name, _copy, _note in [
    ("duplicate-info-sheet-trailing-space.xlsx", "基本信息 ", "a second sheet '基本信息 ' (trailing space)"),
    ("duplicate-info-sheet-english.xlsx", "Basic information", "a second sheet 'Basic information'"),
]:
    case(_name, "9 semantic", "read",
         f"{_note} at the end, a copy with B7 (population) = 7654321 and B2 (name) = 另一市")(
        lambda c=_copy: duplicate_sheet("sheet2.xml", c,
                                        lambda x: str_cell(num_cell(x, "B7", "7654321"), "B2", "另一市")))


# ============================================================================ main

def check(name, data):
    """A short description of what a reader sees first: zip status or CFB status."""
    if name.endswith(".xls"):
        try:
            cfb = Cfb(data)
            wb = cfb.stream("Workbook")
            return f"cfb ok, Workbook {len(wb)} B"
        except Exception as e:  # noqa: BLE001 - reporting only
            return f"cfb error: {type(e).__name__}"
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001
        return f"zip open error: {type(e).__name__}: {e}"[:70]
    infos = z.infolist()
    bad, inflated = [], 0
    for i in infos:
        try:
            with z.open(i) as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    inflated += len(chunk)
        except Exception as e:  # noqa: BLE001
            bad.append(f"{i.filename}: {type(e).__name__}")
    s = f"zip {len(infos)} parts, {inflated / 1e6:.1f} MB inflated"
    for i in infos:
        if i.filename.endswith((".xml", ".rels")) and i.filename not in {b.split(":")[0] for b in bad}:
            try:
                ET.fromstring(z.read(i))
            except ET.ParseError as e:
                s += f"; not well-formed: {i.filename} ({e})"
    if bad:
        s += f"; {len(bad)} unreadable ({bad[0]})"
    return s[:110]


def main():
    only_check = "--check" in sys.argv[1:]
    OUT.mkdir(parents=True, exist_ok=True)
    rows, total = [], 0
    for name, (klass, expectation, note, fn) in CASES.items():
        path = OUT / name
        if only_check:
            data = path.read_bytes()
        else:
            data = fn()
            path.write_bytes(data)
        total += len(data)
        rows.append((name, len(data), klass, expectation, check(name, data), hashlib.sha256(data).hexdigest()[:12]))
    if not only_check:
        lines = [f"{n}\t{k}\t{e}\t{note}" for n, (k, e, note, _) in CASES.items()]
        (OUT / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    w = max(len(r[0]) for r in rows)
    for n, size, klass, exp, status, digest in rows:
        print(f"{n:<{w}} {size:>8} {klass:<32} {exp:<19} {digest} {status}")
    print(f"{len(rows)} files, {total} bytes ({total / 1e6:.2f} MB)")
    big = [r[0] for r in rows if r[1] >= 100_000]
    if big:
        print("over 100 KB:", ", ".join(big))
    assert total < 2_000_000, "corpus over 2 MB"


if __name__ == "__main__":
    main()
