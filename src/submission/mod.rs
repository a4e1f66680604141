//! A submitted workbook, read: who it is from, the typed value of every input
//! item it gives, and every problem found on the way, addressed to its cell.
//!
//! The submission carries raw inputs only; the assessment computes indicator
//! values from them (numerator ÷ denominator, count ÷ population …).

pub mod evidence;
pub mod failure;
pub mod fill;
pub mod isolate;
pub mod layout;
pub mod open;
pub mod package;
pub mod reader;
pub mod review;
pub mod template;
pub mod values;

use crate::diag::Diagnostic;
use crate::standard::{InputItem, Level};
pub use failure::Failure;
use indexmap::IndexMap;
use serde::Serialize;

/// 基本信息: the entity that submitted the workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entity {
    pub name: String,
    pub level: Option<Level>,
    /// 行政区划代码.
    pub division_code: String,
    pub parent: String,
    pub year: Option<i32>,
    /// 常住人口, persons.
    pub population: Option<f64>,
    /// Where the population figure was read (`基本信息!C8`).
    pub population_location: String,
    pub filing_unit: String,
    pub contact: String,
    pub date: String,
}

/// A typed input value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "value")]
pub enum Datum {
    /// A number in the indicator input's unit; percent inputs are in percent
    /// (a cell showing 85% gives 85.0).
    Number(f64),
    YesNo(bool),
    /// Index into the graded indicator's `options`.
    Option(usize),
}

/// One input item as read from its cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemValue {
    pub item: InputItem,
    /// `None` when the cell is empty or could not be read (a diagnostic says why).
    pub datum: Option<Datum>,
    /// `指标填报!F12`.
    pub location: String,
    /// The cell's text as the file holds it.
    pub raw: String,
}

/// All input items given for one indicator.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndicatorData {
    pub items: Vec<ItemValue>,
    /// 佐证材料 text, if any.
    pub evidence: Option<String>,
    pub note: Option<String>,
}

impl IndicatorData {
    pub fn get(&self, item: InputItem) -> Option<&ItemValue> {
        self.items.iter().find(|i| i.item == item)
    }

    pub fn number(&self, item: InputItem) -> Option<f64> {
        match self.get(item)?.datum? {
            Datum::Number(x) => Some(x),
            _ => None,
        }
    }
}

/// A workbook, read and checked against one standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Submission {
    /// The path as given on the command line.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    pub entity: Entity,
    /// Indicator code → its inputs, in the standard's order.
    pub data: IndexMap<String, IndicatorData>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a file could not be read at all (exit 2 for that file; a batch goes on).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub file: String,
    pub failure: Failure,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            self.file,
            self.failure.text().words(crate::Lang::En)
        )
    }
}

impl std::error::Error for ReadError {}

/// How workbook bytes become sheets: in this process, or in a child reader
/// process with a memory and time limit (`isolate`), so that no file can take
/// the run down. The binary reads isolated; a library caller chooses.
pub enum Loader {
    InProcess,
    Isolated(isolate::ReaderPool),
}

impl Loader {
    pub fn load(&self, bytes: Vec<u8>) -> Result<open::Loaded, Failure> {
        match self {
            Loader::InProcess => open::load(bytes),
            Loader::Isolated(pool) => pool.load(bytes),
        }
    }
}

/// Read a file's bytes, refusing anything but a regular file of at most
/// `open::MAX_FILE_BYTES` (the size checked on the open handle, and the read
/// bounded, since devices and pipes report a length of 0).
pub fn read_file_bytes(path: &std::path::Path, max: u64) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let kind = |m: &std::fs::Metadata| -> Option<&'static str> {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_file() {
            None
        } else if t.is_dir() {
            Some("a folder")
        } else if t.is_fifo() {
            Some("a named pipe")
        } else if t.is_socket() {
            Some("a socket")
        } else if t.is_block_device() || t.is_char_device() {
            Some("a device")
        } else {
            Some("a special file")
        }
    };
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Failure::NotFound,
        _ => Failure::CannotRead {
            detail: e.to_string(),
        },
    };
    // Looked at before opening: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(what) = kind(&meta) {
        return Err(Failure::NotRegularFile { what: what.into() });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = kind(&meta) {
        return Err(Failure::NotRegularFile { what: what.into() });
    }
    if meta.len() > max {
        return Err(Failure::TooBig {
            bytes: meta.len(),
            max,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(Failure::TooBig {
            bytes: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// Read the workbook at `path`. `choose` picks the standard for the level
/// found in 基本信息 (`None` when the workbook names no level); the chosen
/// standard is returned beside the submission. The file is only read, never
/// written; only regular files of at most `open::MAX_FILE_BYTES` are read.
pub fn read_path<'s>(
    loader: &Loader,
    path: &std::path::Path,
    choose: &dyn Fn(Option<Level>) -> &'s crate::standard::Standard,
) -> Result<(Submission, &'s crate::standard::Standard), ReadError> {
    let file = crate::path_text(path);
    let bytes = read_file_bytes(path, open::MAX_FILE_BYTES).map_err(|failure| ReadError {
        file: file.clone(),
        failure,
    })?;
    read_bytes(loader, &file, bytes, choose)
}

/// Read workbook bytes; `file` names them in the result and in errors.
pub fn read_bytes<'s>(
    loader: &Loader,
    file: &str,
    bytes: Vec<u8>,
    choose: &dyn Fn(Option<Level>) -> &'s crate::standard::Standard,
) -> Result<(Submission, &'s crate::standard::Standard), ReadError> {
    let sha256 = crate::sha256_hex(&bytes);
    let book = loader.load(bytes).map_err(|failure| ReadError {
        file: file.to_string(),
        failure,
    })?;
    let (entity, standard, data, diagnostics) = reader::read_book(&book, choose);
    Ok((
        Submission {
            file: file.to_string(),
            sha256,
            entity,
            data,
            diagnostics,
        },
        standard,
    ))
}

/// Read the workbook at `path` as [`read_path`] does, and check the evidence
/// files its evidence column names, under the workbook's folder (the
/// submission folder): problems join the submission's diagnostics, the files
/// found are returned with their size and SHA-256. Evidence files are only
/// read, never written.
pub fn read_path_with_evidence<'s>(
    loader: &Loader,
    path: &std::path::Path,
    choose: &dyn Fn(Option<Level>) -> &'s crate::standard::Standard,
) -> Result<
    (
        Submission,
        &'s crate::standard::Standard,
        Vec<evidence::EvidenceFile>,
    ),
    ReadError,
> {
    let file = crate::path_text(path);
    let bytes = read_file_bytes(path, open::MAX_FILE_BYTES).map_err(|failure| ReadError {
        file: file.clone(),
        failure,
    })?;
    let sha256 = crate::sha256_hex(&bytes);
    let book = loader.load(bytes).map_err(|failure| ReadError {
        file: file.clone(),
        failure,
    })?;
    let (entity, standard, data, mut diagnostics) = reader::read_book(&book, choose);
    let root = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                std::path::Path::new(".")
            } else {
                p
            }
        })
        .and_then(|p| std::fs::canonicalize(p).ok());
    let files = match root {
        Some(root) => evidence::check(&book, standard, &data, &root, &mut diagnostics),
        None => Vec::new(),
    };
    Ok((
        Submission {
            file,
            sha256,
            entity,
            data,
            diagnostics,
        },
        standard,
        files,
    ))
}
