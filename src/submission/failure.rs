//! Why a file could not be read at all: one kind per cause, each with a
//! stable kebab-case code and one sentence in each language. The library's
//! own error text is kept apart (`detail`), shown only with `--verbose`.

use crate::catalogue::said::{Arg, Message, say};
use crate::catalogue::workbook as w;
use crate::diag::Code;
use serde::{Deserialize, Serialize};

/// A file the reader refused or could not read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    NotFound,
    /// A folder, device, FIFO or socket: only regular files are read.
    NotRegularFile {
        what: String,
    },
    CannotRead {
        detail: String,
    },
    Empty,
    TooBig {
        bytes: u64,
        max: u64,
    },
    NotSpreadsheet,
    ZipNotWorkbook,
    Protected,
    /// A zip part (or the whole) inflating beyond the bounds.
    ZipBomb {
        part: String,
        max_mb: u64,
    },
    TooManyParts {
        parts: usize,
        max: usize,
    },
    /// The file is damaged: it cannot be read as its format.
    Damaged {
        format: String,
        detail: String,
    },
    /// A count the file declares is impossible for the size it has.
    DeclaredCount {
        part: String,
        declared: String,
        bytes: u64,
    },
    SheetTooLarge {
        sheet: String,
        rows: u64,
        cols: u64,
        max_rows: u32,
        max_cols: u32,
    },
    /// More decoded text than any real submission holds.
    TooMuchText {
        sheet: String,
        max_mb: u64,
    },
    /// Reading needed more memory than the reader is allowed.
    OutOfMemory {
        limit_mb: u64,
    },
    TimedOut {
        seconds: u64,
    },
    /// The reader process stopped without an answer.
    ReaderCrashed {
        detail: String,
    },
    /// A report citystar wrote (it carries the report mark): not a submission.
    OwnReport,
}

impl Failure {
    /// The stable code (`citystar explain CODE`).
    pub fn code(&self) -> Code {
        match self {
            Failure::NotFound => Code::FileNotFound,
            Failure::NotRegularFile { .. } => Code::NotARegularFile,
            Failure::CannotRead { .. } => Code::CannotReadFile,
            Failure::Empty => Code::EmptyFile,
            Failure::TooBig { .. } => Code::FileTooLarge,
            Failure::NotSpreadsheet | Failure::ZipNotWorkbook => Code::NotAWorkbook,
            Failure::Protected => Code::PasswordProtected,
            Failure::ZipBomb { .. } | Failure::TooManyParts { .. } => Code::ZipBomb,
            Failure::Damaged { .. } | Failure::DeclaredCount { .. } => Code::DamagedWorkbook,
            Failure::SheetTooLarge { .. } => Code::SheetTooLarge,
            Failure::TooMuchText { .. } => Code::TooMuchText,
            Failure::OutOfMemory { .. } => Code::ReaderOutOfMemory,
            Failure::TimedOut { .. } => Code::ReaderTimedOut,
            Failure::ReaderCrashed { .. } => Code::ReaderCrashed,
            Failure::OwnReport => Code::CitystarReport,
        }
    }

    /// The library's own words, for `--verbose`.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Failure::CannotRead { detail }
            | Failure::Damaged { detail, .. }
            | Failure::ReaderCrashed { detail } => Some(detail).filter(|d| !d.is_empty()),
            _ => None,
        }
        .map(String::as_str)
    }

    /// One sentence in each language saying what is wrong and what to do.
    pub fn text(&self) -> Message {
        match self {
            Failure::NotFound => say!(w::NO_SUCH_FILE_FOLDER),
            Failure::NotRegularFile { what } => {
                say!(w::NOT_A_REGULAR_FILE, Arg::each(what_zh(what), what))
            }
            Failure::CannotRead { .. } => say!(w::CANNOT_READ_FILE_PERMISSION_DISK),
            Failure::Empty => say!(w::FILE_IS_EMPTY),
            Failure::TooBig { bytes, max } => say!(
                w::FILE_MB_CITYSTAR_READS_WORKBOOKS,
                format!("{:.1}", *bytes as f64 / 1_048_576.0),
                max / 1_048_576
            ),
            Failure::NotSpreadsheet => say!(w::SPREADSHEET_CITYSTAR_READS_XLSX_XLSM),
            Failure::ZipNotWorkbook => say!(w::ZIP_FILE_BUT_WORKBOOK_HOLDS),
            Failure::Protected => say!(w::WORKBOOK_PASSWORD_PROTECTED_ENCRYPTED_SAVE),
            Failure::ZipBomb { part, max_mb } => say!(w::PART_INFLATES_MORE_THAN_MB, part, max_mb),
            Failure::TooManyParts { parts, max } => {
                say!(w::WORKBOOK_HAS_PARTS_CITYSTAR_READS, parts, max)
            }
            Failure::Damaged { format, .. } => say!(w::CANNOT_READ_FILE_MAY_TRUNCATED, format),
            Failure::DeclaredCount {
                part,
                declared,
                bytes,
            } => say!(w::PART_DECLARES_ENTRIES_BYTES_FILE, part, declared, bytes),
            Failure::SheetTooLarge {
                sheet,
                rows,
                cols,
                max_rows,
                max_cols,
            } => say!(
                w::SHEET_SPANS_ROWS_COLUMNS_CITYSTAR,
                sheet,
                rows,
                cols,
                max_rows,
                max_cols
            ),
            Failure::TooMuchText { sheet, max_mb } => {
                say!(w::SHEET_HOLDS_MORE_THAN_MB, sheet, max_mb)
            }
            Failure::OutOfMemory { limit_mb } => say!(w::READING_FILE_NEEDED_MORE_THAN, limit_mb),
            Failure::TimedOut { seconds } => say!(w::READING_FILE_TOOK_MORE_THAN, seconds),
            Failure::ReaderCrashed { .. } => say!(w::READER_STOPPED_UNEXPECTEDLY_ON_THIS),
            Failure::OwnReport => say!(w::REPORT_CITYSTAR_WROTE_SUBMISSION_SKIPPED),
        }
    }
}

fn what_zh(what: &str) -> &str {
    match what {
        "a folder" => "文件夹",
        "a named pipe" => "命名管道",
        "a socket" => "套接字",
        "a device" => "设备",
        _ => "特殊文件",
    }
}
