//! Opening a workbook without trusting it: a size cap on the file, a zip
//! check that inflates every part into a counting sink before calamine sees
//! it (zip bombs), encryption detected up front, and a bound on the cells of
//! each sheet read. Every calamine call runs under `catch_unwind`, so a
//! malformed file is a read error, never a crash.

use calamine::{
    Data, Dimensions, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Largest file read at all.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Largest inflated size of one part of a zip-based workbook.
pub const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;
/// Largest inflated size of all parts together.
pub const MAX_TOTAL_BYTES: u64 = 400 * 1024 * 1024;
/// Most parts in a zip-based workbook.
pub const MAX_PARTS: usize = 10_000;
/// Rows and columns read from a sheet; a sheet reaching beyond is refused.
pub const MAX_ROWS: u32 = 20_000;
pub const MAX_COLS: u32 = 200;

type Book = Sheets<Cursor<Vec<u8>>>;

/// One cell: its cached value and, where the producer kept it, its formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Data,
    pub formula: Option<String>,
}

/// A sheet read into memory, bounded by `MAX_ROWS` × `MAX_COLS`.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    pub hidden: bool,
    /// Absolute zero-based (row, col) → cell; empty cells without a formula are left out.
    pub cells: BTreeMap<(u32, u32), Cell>,
    pub merged: Vec<Dimensions>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.get(&(row, col))
    }

    /// The cell's text as a user would read it; empty for empty cells.
    pub fn text(&self, row: u32, col: u32) -> String {
        self.get(row, col).map(raw_text).unwrap_or_default()
    }

    pub fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|k| k.0).collect();
        rows.dedup();
        rows
    }

    /// The merged region covering this cell when it is not the region's
    /// top-left cell (whose value the region keeps).
    pub fn covered_by_merge(&self, row: u32, col: u32) -> Option<&Dimensions> {
        self.merged
            .iter()
            .find(|d| d.contains(row, col) && (d.start.0, d.start.1) != (row, col))
    }

    pub fn has_data(&self) -> bool {
        self.cells
            .values()
            .any(|c| !is_blank(&c.value) || c.formula.is_some())
    }
}

pub fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell's text as the file holds it: numbers in their shortest form, errors
/// as `#DIV/0!`, formulas (without a value) as `=…`.
pub fn raw_text(cell: &Cell) -> String {
    match &cell.value {
        Data::Empty => cell
            .formula
            .as_ref()
            .map(|f| format!("={}", f.trim_start_matches('=')))
            .unwrap_or_default(),
        Data::String(s) if s.is_empty() => cell
            .formula
            .as_ref()
            .map(|f| format!("={}", f.trim_start_matches('=')))
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A workbook opened with its sheets' metadata.
pub struct Workbook {
    book: Book,
    pub sheets: Vec<(String, bool)>,
    /// Whether a worksheet part may hold merged regions (xlsx): when none
    /// mentions `mergeCell`, reading them (a second parse of each sheet) is skipped.
    may_merge: bool,
}

fn guard<T>(what: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(format!("the file is malformed ({what} failed)")),
    }
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Open workbook bytes. The error is a plain sentence naming the problem.
pub fn open(bytes: Vec<u8>) -> Result<Workbook, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    let mut may_merge = true;
    let book: Book = if bytes.starts_with(&CFB_MAGIC) {
        // An Office file encrypted with a password is a CFB container holding
        // an `EncryptedPackage` stream (xlsx/xlsb); an xls keeps a FILEPASS record.
        if contains(&bytes, &utf16("EncryptedPackage")) {
            return Err(protected());
        }
        guard("opening the xls", || {
            open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes))
                .map(Sheets::Xls)
                .map_err(|e| describe(&e.to_string(), "xls"))
        })?
    } else if bytes.starts_with(b"PK") {
        let (kind, merges) = check_zip(&bytes)?;
        may_merge = merges;
        guard("opening the workbook", || match kind {
            ZipKind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes))
                .map(Sheets::Xlsx)
                .map_err(|e| describe(&e.to_string(), "xlsx")),
            ZipKind::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(Cursor::new(bytes))
                .map(Sheets::Xlsb)
                .map_err(|e| describe(&e.to_string(), "xlsb")),
            ZipKind::Ods => open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes))
                .map(Sheets::Ods)
                .map_err(|e| describe(&e.to_string(), "ods")),
        })?
    } else {
        return Err(
            "not a spreadsheet: citystar reads xlsx, xlsm, xlsb, xls and ods workbooks".into(),
        );
    };
    let sheets = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    Ok(Workbook {
        book,
        sheets,
        may_merge,
    })
}

fn too_big(n: u64) -> String {
    format!(
        "the file is {:.1} MB; citystar reads workbooks of at most {} MB",
        n as f64 / 1_048_576.0,
        MAX_FILE_BYTES / 1_048_576
    )
}

fn protected() -> String {
    "the workbook is password-protected (encrypted); save an unprotected copy and check that".into()
}

fn describe(err: &str, what: &str) -> String {
    if err.to_lowercase().contains("password") {
        protected()
    } else {
        format!("cannot read it as {what}: {err} (the file may be truncated or damaged)")
    }
}

enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
}

/// A sink that counts nothing but looks for `mergeCell` in what it is given,
/// across the boundaries of the chunks it is given.
struct MergeScan {
    found: bool,
    tail: Vec<u8>,
}

const MERGE_TAG: &[u8] = b"mergeCell";

impl std::io::Write for MergeScan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.found {
            let keep = MERGE_TAG.len() - 1;
            self.tail.extend_from_slice(&buf[..buf.len().min(keep)]);
            self.found = memchr::memmem::find(&self.tail, MERGE_TAG).is_some()
                || memchr::memmem::find(buf, MERGE_TAG).is_some();
            self.tail.clear();
            self.tail
                .extend_from_slice(&buf[buf.len().saturating_sub(keep)..]);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inflate every part into a counting sink, refusing the file when a part or
/// the whole would exceed the bounds: the sizes a zip declares can lie. Also
/// says whether any worksheet part mentions merged cells.
fn check_zip(bytes: &[u8]) -> Result<(ZipKind, bool), String> {
    let damaged = |e: &dyn std::fmt::Display| {
        format!("the file is truncated or damaged (not a readable zip: {e})")
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(format!(
            "the workbook has {} parts; citystar reads at most {MAX_PARTS}",
            zip.len()
        ));
    }
    let mut total = 0u64;
    let mut kind = None;
    let mut encrypted = false;
    let mut merges = false;
    for i in 0..zip.len() {
        let mut part = match zip.by_index(i) {
            Ok(p) => p,
            Err(zip::result::ZipError::UnsupportedArchive(m))
                if m.contains("ncrypt") || m.contains("assword") =>
            {
                encrypted = true;
                continue;
            }
            Err(e) => return Err(damaged(&e)),
        };
        if part.encrypted() {
            encrypted = true;
            continue;
        }
        let name = part
            .name()
            .map(|n| n.replace('\\', "/"))
            .unwrap_or_default();
        match name.as_str() {
            "xl/workbook.xml" => kind = Some(ZipKind::Xlsx),
            "xl/workbook.bin" => kind = Some(ZipKind::Xlsb),
            "content.xml" if kind.is_none() => kind = Some(ZipKind::Ods),
            _ => {}
        }
        if part.size() > MAX_PART_BYTES {
            return Err(bomb(&name, part.size()));
        }
        let limited = &mut (&mut part).take(MAX_PART_BYTES + 1);
        let n = if name.starts_with("xl/worksheets/") {
            let mut scan = MergeScan {
                found: false,
                tail: Vec::new(),
            };
            let n = std::io::copy(limited, &mut scan).map_err(|e| damaged(&e))?;
            merges |= scan.found;
            n
        } else {
            std::io::copy(limited, &mut std::io::sink()).map_err(|e| damaged(&e))?
        };
        if n > MAX_PART_BYTES {
            return Err(bomb(&name, n));
        }
        total += n;
        if total > MAX_TOTAL_BYTES {
            return Err(format!(
                "the workbook inflates to more than {} MB; citystar refuses it (a zip bomb?)",
                MAX_TOTAL_BYTES / 1_048_576
            ));
        }
    }
    if encrypted {
        return Err(protected());
    }
    kind.map(|k| (k, merges)).ok_or_else(|| {
        "a zip file, but not a workbook (no xl/workbook.xml, xl/workbook.bin or content.xml)".into()
    })
}

fn bomb(name: &str, n: u64) -> String {
    format!(
        "part `{name}` inflates to more than {} MB (at least {} MB); citystar refuses it (a zip bomb?)",
        MAX_PART_BYTES / 1_048_576,
        n / 1_048_576
    )
}

fn bound_error(sheet: &str, rows: u64, cols: u64) -> String {
    format!(
        "sheet `{sheet}` spans {rows} rows × {cols} columns; citystar reads at most {MAX_ROWS} rows × {MAX_COLS} columns per sheet"
    )
}

fn check_dims(sheet: &str, d: Dimensions) -> Result<(), String> {
    if d.end.0 >= MAX_ROWS || d.end.1 >= MAX_COLS {
        return Err(bound_error(
            sheet,
            u64::from(d.end.0) + 1,
            u64::from(d.end.1) + 1,
        ));
    }
    Ok(())
}

impl Workbook {
    /// Read one sheet, bounded. xlsx and xlsb are streamed cell by cell and
    /// refused at the first cell (or declared dimension) beyond the bound;
    /// xls and ods are already in memory once opened (calamine caps ods rows).
    pub fn read(&mut self, name: &str) -> Result<Grid, String> {
        let hidden = self
            .sheets
            .iter()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, h)| *h);
        let mut grid = Grid {
            name: name.to_string(),
            hidden,
            ..Grid::default()
        };
        let sheet = name.to_string();
        let may_merge = self.may_merge;
        let book = &mut self.book;
        guard("reading a sheet", || {
            let bad = |e: &dyn std::fmt::Display| format!("cannot read sheet `{sheet}`: {e}");
            match book {
                Sheets::Xlsx(x) => {
                    if may_merge {
                        grid.merged = x.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
                    }
                    let mut r = x.worksheet_cells_reader(&sheet).map_err(|e| bad(&e))?;
                    check_dims(&sheet, r.dimensions())?;
                    while let Some(c) = r.next_cell_with_formula().map_err(|e| bad(&e))? {
                        let (row, col) = c.pos;
                        if row >= MAX_ROWS || col >= MAX_COLS {
                            return Err(bound_error(
                                &sheet,
                                u64::from(row) + 1,
                                u64::from(col) + 1,
                            ));
                        }
                        let value: Data = c.value.into();
                        let formula = c.formula.filter(|f| !f.is_empty());
                        if !matches!(value, Data::Empty) || formula.is_some() {
                            grid.cells.insert((row, col), Cell { value, formula });
                        }
                    }
                }
                Sheets::Xlsb(x) => {
                    let mut r = x.worksheet_cells_reader(&sheet).map_err(|e| bad(&e))?;
                    check_dims(&sheet, r.dimensions())?;
                    while let Some(c) = r.next_cell().map_err(|e| bad(&e))? {
                        let (row, col) = c.get_position();
                        if row >= MAX_ROWS || col >= MAX_COLS {
                            return Err(bound_error(
                                &sheet,
                                u64::from(row) + 1,
                                u64::from(col) + 1,
                            ));
                        }
                        let value: Data = c.get_value().clone().into();
                        if !matches!(value, Data::Empty) {
                            grid.cells.insert(
                                (row, col),
                                Cell {
                                    value,
                                    formula: None,
                                },
                            );
                        }
                    }
                }
                Sheets::Xls(x) => {
                    grid.merged = x.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
                    let range = x.worksheet_range(&sheet).map_err(|e| bad(&e))?;
                    let formulas = x.worksheet_formula(&sheet).ok();
                    fill_from_range(&mut grid, &sheet, range, formulas)?;
                }
                Sheets::Ods(x) => {
                    let range = x.worksheet_range(&sheet).map_err(|e| bad(&e))?;
                    let formulas = x.worksheet_formula(&sheet).ok();
                    fill_from_range(&mut grid, &sheet, range, formulas)?;
                }
            }
            Ok(())
        })?;
        Ok(grid)
    }
}

fn fill_from_range(
    grid: &mut Grid,
    sheet: &str,
    range: calamine::Range<Data>,
    formulas: Option<calamine::Range<String>>,
) -> Result<(), String> {
    if let Some(end) = range.end() {
        check_dims(sheet, Dimensions::new((0, 0), end))?;
    }
    for (r, c, v) in range.used_cells() {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let pos = (r0 + r as u32, c0 + c as u32);
        grid.cells.insert(
            pos,
            Cell {
                value: v.clone(),
                formula: None,
            },
        );
    }
    if let Some(f) = formulas {
        if let Some(end) = f.end() {
            check_dims(sheet, Dimensions::new((0, 0), end))?;
        }
        let (r0, c0) = f.start().unwrap_or((0, 0));
        for (r, c, text) in f.used_cells() {
            if text.is_empty() {
                continue;
            }
            let pos = (r0 + r as u32, c0 + c as u32);
            grid.cells
                .entry(pos)
                .or_insert(Cell {
                    value: Data::Empty,
                    formula: None,
                })
                .formula = Some(text.clone());
        }
    }
    Ok(())
}
