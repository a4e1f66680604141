//! Opening a workbook without trusting it: a size cap on the file, a zip
//! check that inflates every part that is read, bounded, before calamine sees
//! it (zip bombs; an xlsx is handed to calamine as the parts so inflated,
//! stored) and checks the counts a part declares against its real size,
//! encryption detected up front, only the sheets the reader needs read, and a
//! bound on the cells and the text of each sheet. Every calamine call runs
//! under `catch_unwind` with a quiet panic hook, so a malformed file is a
//! read error, never a crash or a backtrace. What cannot be bounded here (an
//! allocation calamine sizes from a record of an xls or ods file) is bounded
//! by reading in a child process: see `isolate`.

use super::failure::Failure;
use super::layout::{DATA_SHEET_NAMES, INFO_SHEET_NAMES, normalize};
use calamine::{
    Data, Dimensions, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Largest file read at all.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Largest inflated size of one part of a zip-based workbook.
pub const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;
/// Largest inflated size of all parts together.
pub const MAX_TOTAL_BYTES: u64 = 400 * 1024 * 1024;
/// Largest workbook part or relationships part read to learn which part
/// holds which sheet, before the package is checked (real ones are a few KB;
/// beyond it every worksheet is kept and the check judges the parts).
const MAX_INDEX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Most parts in a zip-based workbook.
pub const MAX_PARTS: usize = 10_000;
/// Rows and columns read from a sheet; a sheet reaching beyond is refused.
pub const MAX_ROWS: u32 = 20_000;
pub const MAX_COLS: u32 = 200;
/// Decoded text kept from the sheets read, all together: a filled template
/// holds a few kilobytes; Excel's own limit is 32,767 characters a cell.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// Longest run of spaces an ods `<text:s text:c="N"/>` may ask for.
const MAX_ODS_SPACES: u64 = 32_767;

type Book = Sheets<Cursor<Shared>>;

/// A workbook's bytes, shared by calamine and the package scans (hidden rows,
/// cells contradicting their type) rather than copied for each.
#[derive(Clone)]
struct Shared(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn shared(bytes: Vec<u8>) -> Cursor<Shared> {
    Cursor::new(Shared(std::sync::Arc::new(bytes)))
}

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
    pub cells: Cells,
    pub merged: Vec<Dimensions>,
    /// Zero-based rows the file marks hidden (xlsx).
    pub hidden_rows: Vec<u32>,
    /// (row, col) of cells whose stored content contradicts the type the
    /// file gives them; they are kept as text (xlsx).
    pub bad_cells: Vec<(u32, u32, String)>,
}

/// A sheet's cells in (row, col) order, one per position: a flat list, as
/// the readers hand the cells over in that order. A cell out of order is
/// appended and the list sorted once, by [`Cells::settle`], which whoever
/// makes a grid calls before it is read (a sheet written backwards costs a
/// sort, not a shift of the list per cell); of cells given twice the last
/// one stays, as in a map.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    list: Vec<((u32, u32), Cell)>,
    /// A cell came out of order since the last `settle`.
    unsorted: bool,
}

impl Cells {
    fn find(&self, pos: (u32, u32)) -> Option<usize> {
        if self.unsorted {
            // Not settled yet: the last one given counts.
            return self.list.iter().rposition(|(p, _)| *p == pos);
        }
        self.list.binary_search_by_key(&pos, |(p, _)| *p).ok()
    }

    pub fn get(&self, pos: &(u32, u32)) -> Option<&Cell> {
        self.find(*pos).map(|i| &self.list[i].1)
    }

    /// Put a cell at its position, replacing one already there.
    pub fn insert(&mut self, pos: (u32, u32), cell: Cell) {
        if !self.unsorted {
            if self.list.last().is_none_or(|(p, _)| *p < pos) {
                self.list.push((pos, cell));
                return;
            }
            if let Some(i) = self.find(pos) {
                self.list[i].1 = cell;
                return;
            }
        }
        self.list.push((pos, cell));
        self.unsorted = true;
    }

    /// Put the cells that came out of order in their places; of cells at one
    /// position the last one given stays.
    pub fn settle(&mut self) {
        if !self.unsorted {
            return;
        }
        // A stable sort: cells at one position keep the order they came in.
        self.list.sort_by_key(|(p, _)| *p);
        let mut kept: Vec<((u32, u32), Cell)> = Vec::with_capacity(self.list.len());
        for (p, c) in self.list.drain(..) {
            match kept.last_mut() {
                Some((q, d)) if *q == p => *d = c,
                _ => kept.push((p, c)),
            }
        }
        self.list = kept;
        self.unsorted = false;
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Room for `n` more cells.
    pub fn reserve(&mut self, n: usize) {
        self.list.reserve(n);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&(u32, u32), &Cell)> {
        self.list.iter().map(|(p, c)| (p, c))
    }

    /// The cells of one row, in column order.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (&(u32, u32), &Cell)> {
        let start = self.list.partition_point(|(p, _)| p.0 < row);
        self.list[start..]
            .iter()
            .take_while(move |(p, _)| p.0 == row)
            .map(|(p, c)| (p, c))
    }

    pub fn keys(&self) -> impl Iterator<Item = &(u32, u32)> {
        self.list.iter().map(|(p, _)| p)
    }

    pub fn values(&self) -> impl Iterator<Item = &Cell> {
        self.list.iter().map(|(_, c)| c)
    }
}

impl<'a> IntoIterator for &'a Cells {
    type Item = (&'a (u32, u32), &'a Cell);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, ((u32, u32), Cell)>,
        fn(&'a ((u32, u32), Cell)) -> (&'a (u32, u32), &'a Cell),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter().map(|(p, c)| (p, c))
    }
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.get(&(row, col))
    }

    /// The cell's text as a user would read it; empty for empty cells.
    pub fn text(&self, row: u32, col: u32) -> String {
        self.get(row, col).map(raw_text).unwrap_or_default()
    }

    /// `text`, borrowed from the cell where it holds the text itself (no copy
    /// for the common case of a text cell).
    pub fn text_ref(&self, row: u32, col: u32) -> std::borrow::Cow<'_, str> {
        match self.get(row, col) {
            None => std::borrow::Cow::Borrowed(""),
            Some(Cell {
                value: Data::String(s),
                ..
            }) if !s.is_empty() => std::borrow::Cow::Borrowed(s),
            Some(c) => std::borrow::Cow::Owned(raw_text(c)),
        }
    }

    /// The rows holding a cell, in order (walked lazily: a search that stops
    /// early does not visit the whole sheet).
    pub fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.cells.keys().map(|k| k.0).filter(move |&r| {
            let new = last != Some(r);
            last = Some(r);
            new
        })
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
        // Numbers beyond what a person types are shown in scientific form
        // (`1e308`), never as 309 digits.
        Data::Float(x) if x.is_finite() && (x.abs() >= 1e15 || (*x != 0.0 && x.abs() < 1e-9)) => {
            format!("{x:e}")
        }
        // A whole number (most values typed) as an integer: the same digits
        // as the float's `Display`, without the float formatting. (-0 keeps its sign there.)
        Data::Float(x)
            if x.abs() < 1e15
                && (*x as i64) as f64 == *x
                && (*x != 0.0 || x.is_sign_positive()) =>
        {
            (*x as i64).to_string()
        }
        other => other.to_string(),
    }
}

/// The sheets of a workbook the reader needs, read: the sheet list (name,
/// hidden) and a grid for the first sheet named like 基本信息 and the first
/// named like 指标填报 (further candidates are reported from the list);
/// nothing else is parsed.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub sheets: Vec<(String, bool)>,
    pub grids: Vec<Grid>,
}

impl Loaded {
    /// The grid of a sheet read, by its exact name.
    pub fn grid(&self, name: &str) -> Option<&Grid> {
        self.grids.iter().find(|g| g.name == name)
    }
}

/// Whether the reader looks at this sheet (by name, in either language).
pub fn is_wanted_sheet(name: &str) -> bool {
    let n = normalize(name);
    INFO_SHEET_NAMES
        .iter()
        .chain(DATA_SHEET_NAMES)
        .any(|w| normalize(w) == n)
}

/// Open workbook bytes and read the sheets the reader needs.
pub fn load(bytes: Vec<u8>) -> Result<Loaded, Failure> {
    let read: Vec<String> = INFO_SHEET_NAMES
        .iter()
        .chain(DATA_SHEET_NAMES)
        .map(|n| normalize(n))
        .collect();
    let mut book = open(bytes, &|n| read.contains(&normalize(n)))?;
    // The first sheet named like each; the others are reported from the list alone.
    let first = |names: &[&str]| {
        let wanted: Vec<String> = names.iter().map(|n| normalize(n)).collect();
        book.sheets
            .iter()
            .find(|(n, _)| wanted.contains(&normalize(n)))
            .map(|(n, _)| n.clone())
    };
    let wanted: Vec<String> = [first(INFO_SHEET_NAMES), first(DATA_SHEET_NAMES)]
        .into_iter()
        .flatten()
        .collect();
    let mut grids = Vec::with_capacity(wanted.len());
    let mut budget = MAX_TEXT_BYTES;
    for name in wanted {
        grids.push(book.read(&name, &mut budget)?);
    }
    Ok(Loaded {
        sheets: book.sheets,
        grids,
    })
}

/// A workbook opened with its sheets' metadata.
pub struct Workbook {
    book: Book,
    pub sheets: Vec<(String, bool)>,
    /// Whether a worksheet part may hold merged regions (xlsx): when none
    /// mentions `mergeCell`, reading them (a second parse of each sheet) is skipped.
    may_merge: bool,
    /// An xlsx package's bytes, for what calamine does not pass on (hidden
    /// rows, cells whose content contradicts their type).
    package: Option<Package>,
}

struct Package {
    bytes: Shared,
    hidden_parts: Vec<String>,
    /// Sheet name → part, worked out when first needed.
    parts: Option<Vec<(String, String)>>,
}

impl Package {
    fn scan(&mut self, sheet: &str) -> Option<super::package::SheetScan> {
        let parts = self
            .parts
            .get_or_insert_with(|| super::package::sheet_parts(self.bytes.as_ref()));
        let part = parts.iter().find(|(n, _)| n == sheet)?.1.clone();
        Some(super::package::scan_sheet(self.bytes.as_ref(), &part))
    }

    fn has_hidden(&mut self, sheet: &str) -> bool {
        if self.hidden_parts.is_empty() {
            return false;
        }
        let parts = self
            .parts
            .get_or_insert_with(|| super::package::sheet_parts(self.bytes.as_ref()));
        parts
            .iter()
            .any(|(n, p)| n == sheet && self.hidden_parts.contains(p))
    }
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f`, catching a panic without printing it (the panic hook stays quiet
/// on this thread while `f` runs); the error is the panic's message.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// Run a calamine call, turning a panic into `Failure::Damaged`.
fn guard<T>(format: &str, f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    quietly(f).unwrap_or_else(|detail| {
        Err(Failure::Damaged {
            format: format.into(),
            detail,
        })
    })
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

fn damaged(format: &str, e: &dyn std::fmt::Display) -> Failure {
    let detail = e.to_string();
    if detail.to_lowercase().contains("password") {
        Failure::Protected
    } else {
        Failure::Damaged {
            format: format.into(),
            detail,
        }
    }
}

/// Open workbook bytes.
/// `read_sheet` says of a sheet name whether it may be read: the worksheet
/// parts of the others are not inflated (an xlsx package; when the package
/// does not say which part holds which sheet, every part is).
pub fn open(bytes: Vec<u8>, read_sheet: &dyn Fn(&str) -> bool) -> Result<Workbook, Failure> {
    if bytes.is_empty() {
        return Err(Failure::Empty);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Failure::TooBig {
            bytes: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    let mut may_merge = true;
    let mut package = None;
    let book: Book = if bytes.starts_with(&CFB_MAGIC) {
        // An Office file encrypted with a password is a CFB container holding
        // an `EncryptedPackage` stream (xlsx/xlsb); an xls keeps a FILEPASS record.
        if contains(&bytes, &utf16("EncryptedPackage")) {
            return Err(Failure::Protected);
        }
        guard("xls", || {
            open_workbook_from_rs::<Xls<_>, _>(shared(bytes))
                .map(Sheets::Xls)
                .map_err(|e| damaged("xls", &e))
        })?
    } else if bytes.starts_with(b"PK") {
        let mut facts = guard("zip", || check_zip(&bytes, read_sheet))?;
        may_merge = facts.merges;
        let bytes = shared(facts.stored.take().unwrap_or(bytes));
        if matches!(facts.kind, ZipKind::Xlsx) {
            package = Some(Package {
                bytes: bytes.get_ref().clone(),
                hidden_parts: facts.hidden_parts,
                parts: None,
            });
        }
        match facts.kind {
            ZipKind::Xlsx => guard("xlsx", || {
                open_workbook_from_rs::<Xlsx<_>, _>(bytes)
                    .map(Sheets::Xlsx)
                    .map_err(|e| damaged("xlsx", &e))
            })?,
            ZipKind::Xlsb => guard("xlsb", || {
                open_workbook_from_rs::<Xlsb<_>, _>(bytes)
                    .map(Sheets::Xlsb)
                    .map_err(|e| damaged("xlsb", &e))
            })?,
            ZipKind::Ods => guard("ods", || {
                open_workbook_from_rs::<Ods<_>, _>(bytes)
                    .map(Sheets::Ods)
                    .map_err(|e| damaged("ods", &e))
            })?,
        }
    } else {
        return Err(Failure::NotSpreadsheet);
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
        package,
    })
}

#[derive(Clone, Copy)]
enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
}

/// A pattern, the texts one of which must follow it, and whether it was seen.
type Followed = (&'static [u8], &'static [&'static [u8]], bool);

/// A sink that keeps nothing but the first bytes it is given and whether a
/// pattern occurs, across the boundaries of the chunks it is given.
struct Scan {
    pattern: &'static [u8],
    found: bool,
    /// A second pattern looked for, and the texts one of which must follow
    /// it (worksheets: hidden rows).
    also: Option<Followed>,
    tail: Vec<u8>,
    head: Vec<u8>,
    head_len: usize,
    /// For ods content: the largest `text:c` count seen.
    spaces: Option<u64>,
}

impl Scan {
    fn new(pattern: &'static [u8], head_len: usize) -> Self {
        Scan {
            pattern,
            found: false,
            also: None,
            tail: Vec::new(),
            head: Vec::new(),
            head_len,
            spaces: None,
        }
    }
}

const MERGE_TAG: &[u8] = b"mergeCell";
/// A row (or column) marked hidden. LibreOffice writes `hidden="false"` on
/// every row, so the attribute alone would send every sheet it saved through
/// the package scan; only the values that hide (xsd:boolean true) are looked for.
const HIDDEN_ATTR: &[u8] = b"hidden=\"";
const HIDDEN_VALUES: &[&[u8]] = &[b"1\"", b"true\""];
const REPORT_MARK_ATTR: &[u8] = b"name=\"citystar-report\"";
const ODS_SPACES: &[u8] = b"text:c=\"";

impl std::io::Write for Scan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.head.len() < self.head_len {
            let n = (self.head_len - self.head.len()).min(buf.len());
            self.head.extend_from_slice(&buf[..n]);
        }
        if self.pattern.is_empty()
            || (self.found && self.spaces.is_none() && self.also.is_none_or(|a| a.2))
        {
            return Ok(buf.len());
        }
        // Look in the seam (the last chunk's tail and this chunk's start), then in the chunk.
        let keep = self.pattern.len() + 20;
        let mut seam = std::mem::take(&mut self.tail);
        seam.extend_from_slice(&buf[..buf.len().min(keep)]);
        for hay in [&seam[..], buf] {
            let (found, spaces) = hits(hay, self.pattern, self.spaces.is_some());
            self.found |= found;
            if let Some((p, then, seen)) = self.also.as_mut() {
                *seen |= memchr::memmem::find_iter(hay, p)
                    .any(|at| then.iter().any(|t| hay[at + p.len()..].starts_with(t)));
            }
            if let Some(max) = self.spaces.as_mut() {
                *max = (*max).max(spaces);
            }
        }
        seam.clear();
        seam.extend_from_slice(&buf[buf.len().saturating_sub(keep)..]);
        self.tail = seam;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether `pattern` occurs in `hay` and, when `count`, the largest number
/// written right after it.
fn hits(hay: &[u8], pattern: &[u8], count: bool) -> (bool, u64) {
    let mut found = false;
    let mut max = 0;
    for at in memchr::memmem::find_iter(hay, pattern) {
        found = true;
        if !count {
            break;
        }
        let digits = &hay[at + pattern.len()..];
        let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        let n = std::str::from_utf8(&digits[..len])
            .ok()
            .and_then(|d| d.parse::<u64>().ok())
            .unwrap_or(if len == 0 { 0 } else { u64::MAX });
        max = max.max(n);
    }
    (found, max)
}

/// The value of `attr="…"` in the first tag of `xml` that has it.
fn attr<'a>(xml: &'a str, attr: &str) -> Option<&'a str> {
    let key = format!(" {attr}=\"");
    let at = xml.find(&key)? + key.len();
    xml[at..].split('"').next()
}

/// Inflate every part into a counting sink, refusing the file when a part or
/// the whole would exceed the bounds: the sizes a zip declares can lie. Also
/// checks the counts a part declares before calamine sizes anything from
/// them, finds the workbook part where the package's relationships put it,
/// and says whether any worksheet part mentions merged cells.
fn check_zip(bytes: &[u8], read_sheet: &dyn Fn(&str) -> bool) -> Result<ZipFacts, Failure> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged("zip", &e))?;
    if zip.len() > MAX_PARTS {
        return Err(Failure::TooManyParts {
            parts: zip.len(),
            max: MAX_PARTS,
        });
    }
    // An xlsx package is inflated once: the parts calamine reads go into a
    // new package stored without compression, which calamine and the
    // package scans then read; parts nothing reads are not inflated at all.
    let maybe_xlsx = !zip
        .file_names()
        .flatten()
        .any(|n| n == "content.xml" || n.ends_with("workbook.bin"));
    // Sized once, so the stored package is not copied each time it outgrows
    // itself: from the sizes the zip declares where it declares them all up
    // front (they can lie: never beyond 16 times this file, nor the total
    // bound), else 8 times this file (a filled template inflates about 5-fold).
    let room = zip
        .decompressed_size()
        .unwrap_or(8 * bytes.len() as u128)
        .saturating_add(512 * zip.len() as u128)
        .min(16 * bytes.len() as u128)
        .min(u128::from(MAX_TOTAL_BYTES));
    // The worksheets no one reads, found from the workbook part and its
    // relationships (small parts, inflated once more here); when the package
    // does not say, or names none to read, every worksheet is kept.
    // (Compared as calamine finds parts: ASCII case ignored.)
    let unread: std::collections::HashSet<String> = match maybe_xlsx
        .then(|| super::package::sheet_parts_within(&mut zip, MAX_INDEX_PART_BYTES))
        .flatten()
    {
        Some(parts) if parts.iter().any(|(n, _)| read_sheet(n)) => {
            let read: std::collections::HashSet<String> = parts
                .iter()
                .filter(|(n, _)| read_sheet(n))
                .map(|(_, p)| p.to_ascii_lowercase())
                .collect();
            parts
                .iter()
                .map(|(_, p)| p.to_ascii_lowercase())
                .filter(|p| !read.contains(p))
                .collect()
        }
        _ => Default::default(),
    };
    let mut stored = maybe_xlsx.then(|| {
        zip::ZipWriter::new(Cursor::new(Vec::with_capacity(
            usize::try_from(room).unwrap_or(0),
        )))
    });
    let mut total = 0u64;
    let mut names = Vec::with_capacity(zip.len());
    let mut rels = None;
    let mut encrypted = false;
    let mut merges = false;
    let mut own_report = false;
    let mut hidden_parts = Vec::new();
    for i in 0..zip.len() {
        let mut part = match zip.by_index(i) {
            Ok(p) => p,
            Err(zip::result::ZipError::UnsupportedArchive(m))
                if m.contains("ncrypt") || m.contains("assword") =>
            {
                encrypted = true;
                continue;
            }
            Err(e) => return Err(damaged("zip", &e)),
        };
        if part.encrypted() {
            encrypted = true;
            continue;
        }
        let name = part
            .name()
            .map(|n| n.replace('\\', "/"))
            .unwrap_or_default();
        let bomb = || Failure::ZipBomb {
            part: name.clone(),
            max_mb: MAX_PART_BYTES / 1_048_576,
        };
        if part.size() > MAX_PART_BYTES {
            return Err(bomb());
        }
        let keep = stored.is_some()
            && !never_read(&name)
            && (unread.is_empty() || !unread.contains(&name.to_ascii_lowercase()));
        if stored.is_some() && !keep && name != "docProps/custom.xml" {
            names.push(name);
            continue;
        }
        let mut scan = if name.contains("worksheets/") {
            let mut s = Scan::new(MERGE_TAG, 0);
            s.also = Some((HIDDEN_ATTR, HIDDEN_VALUES, false));
            s
        } else if name == "content.xml" {
            let mut s = Scan::new(ODS_SPACES, 0);
            s.spaces = Some(0);
            s
        } else if name.ends_with("sharedStrings.xml") {
            Scan::new(b"", 4096)
        } else if name == "_rels/.rels" {
            Scan::new(b"", 64 * 1024)
        } else if name == "docProps/custom.xml" {
            Scan::new(REPORT_MARK_ATTR, 0)
        } else {
            Scan::new(b"", 0)
        };
        let stored_name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let limited = &mut (&mut part).take(MAX_PART_BYTES + 1);
        let n = match stored.as_mut().filter(|_| keep) {
            Some(out) => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Stored)
                    .large_file(true);
                out.start_file(stored_name, options)
                    .map_err(|e| damaged("zip", &e))?;
                let mut tee = Tee(&mut scan, out);
                std::io::copy(limited, &mut tee).map_err(|e| damaged("zip", &e))?
            }
            None => std::io::copy(limited, &mut scan).map_err(|e| damaged("zip", &e))?,
        };
        if n > MAX_PART_BYTES {
            return Err(bomb());
        }
        if name.contains("worksheets/") {
            merges |= scan.found;
            if scan.also.is_some_and(|a| a.2) {
                hidden_parts.push(name.clone());
            }
        }
        own_report |= name == "docProps/custom.xml" && scan.found;
        if let Some(spaces) = scan.spaces
            && spaces > MAX_ODS_SPACES
        {
            return Err(Failure::DeclaredCount {
                part: name,
                declared: format!("text:c={spaces}"),
                bytes: n,
            });
        }
        if name.ends_with("sharedStrings.xml") {
            check_declared_strings(&name, &scan.head, n)?;
        }
        if name == "_rels/.rels" {
            rels = Some(String::from_utf8_lossy(&scan.head).into_owned());
        }
        total += n;
        if total > MAX_TOTAL_BYTES {
            return Err(Failure::ZipBomb {
                part: "*".into(),
                max_mb: MAX_TOTAL_BYTES / 1_048_576,
            });
        }
        names.push(name);
    }
    if encrypted {
        return Err(Failure::Protected);
    }
    if own_report {
        return Err(Failure::OwnReport);
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    let target = rels
        .as_deref()
        .and_then(|r| super::package::office_document(r.as_bytes()));
    let kind = match target {
        Some(t) if has(&t) && t.ends_with(".bin") => ZipKind::Xlsb,
        Some(t) if has(&t) => ZipKind::Xlsx,
        _ if has("xl/workbook.xml") => ZipKind::Xlsx,
        _ if has("xl/workbook.bin") => ZipKind::Xlsb,
        _ if has("content.xml") => ZipKind::Ods,
        _ => return Err(Failure::ZipNotWorkbook),
    };
    let stored = match (kind, stored) {
        (ZipKind::Xlsx, Some(out)) => {
            Some(out.finish().map_err(|e| damaged("zip", &e))?.into_inner())
        }
        _ => None,
    };
    Ok(ZipFacts {
        kind,
        merges,
        hidden_parts,
        stored,
    })
}

/// Parts of an xlsx package that neither calamine nor citystar reads: they
/// are not inflated (an over-large one harms nothing).
fn never_read(name: &str) -> bool {
    const UNREAD: [&str; 9] = [
        "docProps/",
        "customXml/",
        "xl/media/",
        "xl/printerSettings/",
        "xl/embeddings/",
        "xl/drawings/",
        "xl/charts/",
        "xl/activeX/",
        "xl/vbaProject.bin",
    ];
    UNREAD.iter().any(|p| name.starts_with(p))
}

/// Writes to two sinks: the zip check's scan and the stored package.
struct Tee<'a, A, B>(&'a mut A, &'a mut B);

impl<A: std::io::Write, B: std::io::Write> std::io::Write for Tee<'_, A, B> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.1.write_all(buf)?;
        self.0.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.1.flush()
    }
}

/// What the zip check learnt about a package.
struct ZipFacts {
    kind: ZipKind,
    merges: bool,
    /// Worksheet parts that mark a row or column `hidden="1"` or `hidden="true"`.
    hidden_parts: Vec<String>,
    /// An xlsx package rebuilt from the inflated parts calamine reads, stored.
    stored: Option<Vec<u8>>,
}

/// A shared-string table declaring more strings than its bytes can hold
/// (each takes at least `<si/>`) would have calamine reserve room for all of them.
fn check_declared_strings(part: &str, head: &[u8], bytes: u64) -> Result<(), Failure> {
    let head = String::from_utf8_lossy(head);
    let Some(sst) = head.find("sst").map(|at| &head[at..]) else {
        return Ok(());
    };
    let tag = sst.split('>').next().unwrap_or_default();
    for key in ["uniqueCount", "count"] {
        if let Some(v) = attr(tag, key) {
            let n: u128 = v.trim().parse().unwrap_or(u128::MAX);
            if n > u128::from(bytes / 5 + 1) {
                return Err(Failure::DeclaredCount {
                    part: part.into(),
                    declared: format!("{key}={v}"),
                    bytes,
                });
            }
        }
    }
    Ok(())
}

fn too_large(sheet: &str, rows: u64, cols: u64) -> Failure {
    Failure::SheetTooLarge {
        sheet: sheet.into(),
        rows,
        cols,
        max_rows: MAX_ROWS,
        max_cols: MAX_COLS,
    }
}

fn check_dims(sheet: &str, d: Dimensions) -> Result<(), Failure> {
    if d.end.0 >= MAX_ROWS || d.end.1 >= MAX_COLS {
        return Err(too_large(
            sheet,
            u64::from(d.end.0) + 1,
            u64::from(d.end.1) + 1,
        ));
    }
    Ok(())
}

/// Take `n` bytes of text from the budget, or refuse the sheet.
fn spend(budget: &mut usize, n: usize, sheet: &str) -> Result<(), Failure> {
    *budget = budget.checked_sub(n).ok_or_else(|| Failure::TooMuchText {
        sheet: sheet.into(),
        max_mb: (MAX_TEXT_BYTES / 1_048_576) as u64,
    })?;
    Ok(())
}

fn text_len(d: &calamine::DataRef<'_>) -> usize {
    match d {
        calamine::DataRef::SharedString(s) => s.len(),
        calamine::DataRef::String(s)
        | calamine::DataRef::DateTimeIso(s)
        | calamine::DataRef::DurationIso(s) => s.len(),
        _ => 0,
    }
}

fn data_len(d: &Data) -> usize {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.len(),
        _ => 0,
    }
}

impl Workbook {
    /// Read one sheet, bounded, its text taken from `budget`. xlsx and xlsb
    /// are streamed cell by cell and refused at the first cell (or declared
    /// dimension) beyond the bound; xls and ods are already in memory once
    /// opened (calamine caps ods rows).
    pub fn read(&mut self, name: &str, budget: &mut usize) -> Result<Grid, Failure> {
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
        let package = &mut self.package;
        let format = match book {
            Sheets::Xlsx(_) => "xlsx",
            Sheets::Xlsb(_) => "xlsb",
            Sheets::Xls(_) => "xls",
            Sheets::Ods(_) => "ods",
        };
        guard(format, || {
            let bad = |e: &dyn std::fmt::Display| damaged(format, e);
            match book {
                Sheets::Xlsx(x) => {
                    if may_merge {
                        grid.merged = x.merge_cells_by_sheet_name(&sheet).unwrap_or_default();
                    }
                    let mut r = x.worksheet_cells_reader(&sheet).map_err(|e| bad(&e))?;
                    check_dims(&sheet, r.dimensions())?;
                    // A cell whose content contradicts its type stops calamine's
                    // reader at that cell only: the part is scanned for such
                    // cells, and reading goes on past each one.
                    let mut scan = None;
                    let mut skipped = 0;
                    loop {
                        let c = match r.next_cell_with_formula() {
                            Ok(Some(c)) => c,
                            Ok(None) => break,
                            Err(e) => {
                                let found = scan.get_or_insert_with(|| {
                                    package
                                        .as_mut()
                                        .and_then(|p| p.scan(&sheet))
                                        .unwrap_or_default()
                                });
                                skipped += 1;
                                if skipped > found.bad_cells.len() {
                                    return Err(bad(&e));
                                }
                                continue;
                            }
                        };
                        let (row, col) = c.pos;
                        if row >= MAX_ROWS || col >= MAX_COLS {
                            return Err(too_large(&sheet, u64::from(row) + 1, u64::from(col) + 1));
                        }
                        let formula = c.formula.filter(|f| !f.is_empty());
                        spend(
                            budget,
                            text_len(&c.value) + formula.as_ref().map_or(0, String::len),
                            &sheet,
                        )?;
                        let value: Data = c.value.into();
                        if !matches!(value, Data::Empty) || formula.is_some() {
                            grid.cells.insert((row, col), Cell { value, formula });
                        }
                    }
                    if let Some(found) = scan {
                        for (row, col, text, _) in found.bad_cells {
                            if row >= MAX_ROWS || col >= MAX_COLS {
                                continue;
                            }
                            spend(budget, text.len(), &sheet)?;
                            grid.cells.insert(
                                (row, col),
                                Cell {
                                    value: Data::String(text.clone()),
                                    formula: None,
                                },
                            );
                            grid.bad_cells.push((row, col, text));
                        }
                    }
                    if let Some(p) = package.as_mut()
                        && p.has_hidden(&sheet)
                    {
                        grid.hidden_rows = p
                            .scan(&sheet)
                            .unwrap_or_default()
                            .hidden_rows
                            .into_iter()
                            .filter(|r| *r < MAX_ROWS)
                            .collect();
                    }
                }
                Sheets::Xlsb(x) => {
                    let mut r = x.worksheet_cells_reader(&sheet).map_err(|e| bad(&e))?;
                    check_dims(&sheet, r.dimensions())?;
                    while let Some(c) = r.next_cell().map_err(|e| bad(&e))? {
                        let (row, col) = c.get_position();
                        if row >= MAX_ROWS || col >= MAX_COLS {
                            return Err(too_large(&sheet, u64::from(row) + 1, u64::from(col) + 1));
                        }
                        spend(budget, text_len(c.get_value()), &sheet)?;
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
                    fill_from_range(&mut grid, &sheet, range, formulas, budget)?;
                }
                Sheets::Ods(x) => {
                    let range = x.worksheet_range(&sheet).map_err(|e| bad(&e))?;
                    let formulas = x.worksheet_formula(&sheet).ok();
                    fill_from_range(&mut grid, &sheet, range, formulas, budget)?;
                }
            }
            Ok(())
        })?;
        grid.cells.settle();
        Ok(grid)
    }
}

fn fill_from_range(
    grid: &mut Grid,
    sheet: &str,
    range: calamine::Range<Data>,
    formulas: Option<calamine::Range<String>>,
    budget: &mut usize,
) -> Result<(), Failure> {
    if let Some(end) = range.end() {
        check_dims(sheet, Dimensions::new((0, 0), end))?;
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, v) in range.used_cells() {
        spend(budget, data_len(v), sheet)?;
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
        let mut fresh = Vec::new();
        for (r, c, text) in f.used_cells() {
            if text.is_empty() {
                continue;
            }
            spend(budget, text.len(), sheet)?;
            let pos = (r0 + r as u32, c0 + c as u32);
            match grid.cells.find(pos) {
                Some(i) => grid.cells.list[i].1.formula = Some(text.clone()),
                // Kept aside, so the list stays sorted for the next look-up.
                None => fresh.push((
                    pos,
                    Cell {
                        value: Data::Empty,
                        formula: Some(text.clone()),
                    },
                )),
            }
        }
        for (pos, cell) in fresh {
            grid.cells.insert(pos, cell);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_out_of_order_or_twice_end_in_order_the_last_kept() {
        let cell = |x: f64| Cell {
            value: Data::Float(x),
            formula: None,
        };
        let mut cells = Cells::default();
        for (pos, x) in [((2, 0), 1.0), ((0, 1), 2.0), ((2, 0), 3.0), ((1, 5), 4.0)] {
            cells.insert(pos, cell(x));
        }
        // Before it is settled a look-up still finds the last one given.
        assert_eq!(cells.get(&(2, 0)), Some(&cell(3.0)));
        cells.settle();
        let got: Vec<_> = cells.iter().map(|(p, c)| (*p, c.clone())).collect();
        assert_eq!(
            got,
            vec![
                ((0, 1), cell(2.0)),
                ((1, 5), cell(4.0)),
                ((2, 0), cell(3.0))
            ]
        );
        assert_eq!(cells.row(1).count(), 1);
        // In order again: a cell given twice is replaced in place.
        cells.insert((1, 5), cell(5.0));
        cells.insert((3, 0), cell(6.0));
        assert_eq!(cells.get(&(1, 5)), Some(&cell(5.0)));
        assert_eq!(cells.len(), 4);
    }

    #[test]
    fn whole_numbers_read_as_their_float_display() {
        let text = |x: f64| {
            raw_text(&Cell {
                value: Data::Float(x),
                formula: None,
            })
        };
        for x in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            5.0,
            42.0,
            1e9,
            -1e14,
            999_999_999_999_999.0,
            0.5,
            -2.25,
            1e-9,
        ] {
            assert_eq!(text(x), Data::Float(x).to_string(), "{x:?}");
        }
        assert_eq!(text(-0.0), "-0");
        assert_eq!(text(1e15), "1e15");
    }
}
