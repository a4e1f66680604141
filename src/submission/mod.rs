//! A submitted workbook, read: who it is from, the typed value of every input
//! item it gives, and every problem found on the way, addressed to its cell.
//!
//! The submission carries raw inputs only; the assessment computes indicator
//! values from them (numerator ÷ denominator, count ÷ population …).

pub mod fill;
pub mod layout;
pub mod open;
pub mod reader;
pub mod template;
pub mod values;

use crate::diag::Diagnostic;
use crate::standard::{InputItem, Level};
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
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ReadError {
    pub file: String,
    pub message: String,
}

/// Read the workbook at `path`. `choose` picks the standard for the level
/// found in 基本信息 (`None` when the workbook names no level); the chosen
/// standard is returned beside the submission. The file is only read, never
/// written; files over `open::MAX_FILE_BYTES` are refused before reading.
pub fn read_path<'s>(
    path: &std::path::Path,
    choose: &dyn Fn(Option<Level>) -> &'s crate::standard::Standard,
) -> Result<(Submission, &'s crate::standard::Standard), ReadError> {
    let file = path.display().to_string();
    let fail = |message: String| ReadError {
        file: file.clone(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(fail("is a folder, not a workbook".into()));
    }
    if meta.len() > open::MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is {:.1} MB; citystar reads workbooks of at most {} MB",
            meta.len() as f64 / 1_048_576.0,
            open::MAX_FILE_BYTES / 1_048_576
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    read_bytes(&file, bytes, choose)
}

/// Read workbook bytes; `file` names them in the result and in errors.
pub fn read_bytes<'s>(
    file: &str,
    bytes: Vec<u8>,
    choose: &dyn Fn(Option<Level>) -> &'s crate::standard::Standard,
) -> Result<(Submission, &'s crate::standard::Standard), ReadError> {
    let fail = |message: String| ReadError {
        file: file.to_string(),
        message,
    };
    let sha256 = crate::sha256_hex(&bytes);
    let mut book = open::open(bytes).map_err(fail)?;
    let (entity, standard, data, diagnostics) =
        reader::read_book(&mut book, choose).map_err(fail)?;
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
