//! Why a file could not be read at all: one kind per cause, each with a
//! stable kebab-case code and one sentence in each language. The library's
//! own error text is kept apart (`detail`), shown only with `--verbose`.

use crate::diag::{Code, Text};
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
    pub fn text(&self) -> Text {
        match self {
            Failure::NotFound => Text::new("找不到该文件或文件夹", "no such file or folder"),
            Failure::NotRegularFile { what } => Text::new(
                format!(
                    "不是普通文件（{}），citystar 只读取工作簿文件",
                    what_zh(what)
                ),
                format!("not a regular file ({what}); citystar reads only workbook files"),
            ),
            Failure::CannotRead { .. } => Text::new(
                "无法读取该文件（权限不足或磁盘错误），请检查文件权限",
                "cannot read the file (permission or disk error); check its permissions",
            ),
            Failure::Empty => Text::new("文件是空的", "the file is empty"),
            Failure::TooBig { bytes, max } => Text::new(
                format!(
                    "文件大小为 {:.1} MB，citystar 最多读取 {} MB 的工作簿",
                    *bytes as f64 / 1_048_576.0,
                    max / 1_048_576
                ),
                format!(
                    "the file is {:.1} MB; citystar reads workbooks of at most {} MB",
                    *bytes as f64 / 1_048_576.0,
                    max / 1_048_576
                ),
            ),
            Failure::NotSpreadsheet => Text::new(
                "不是电子表格：citystar 读取 xlsx、xlsm、xlsb、xls 和 ods 工作簿",
                "not a spreadsheet: citystar reads xlsx, xlsm, xlsb, xls and ods workbooks",
            ),
            Failure::ZipNotWorkbook => Text::new(
                "是 zip 压缩包，但不是工作簿（其中没有工作簿部件）",
                "a zip file, but not a workbook (it holds no workbook part)",
            ),
            Failure::Protected => Text::new(
                "工作簿设有密码（已加密）；请另存一份不加密的副本再检查",
                "the workbook is password-protected (encrypted); save an unprotected copy and check that",
            ),
            Failure::ZipBomb { part, max_mb } => Text::new(
                format!("部件“{part}”解压后超过 {max_mb} MB，已拒绝读取（疑似 zip 炸弹）"),
                format!(
                    "part `{part}` inflates to more than {max_mb} MB; citystar refuses it (a zip bomb?)"
                ),
            ),
            Failure::TooManyParts { parts, max } => Text::new(
                format!("工作簿包含 {parts} 个部件，最多读取 {max} 个（疑似 zip 炸弹）"),
                format!(
                    "the workbook has {parts} parts; citystar reads at most {max} (a zip bomb?)"
                ),
            ),
            Failure::Damaged { format, .. } => Text::new(
                format!(
                    "无法按 {format} 格式读取：文件可能被截断或已损坏；请用 Excel 或 WPS 打开后重新保存"
                ),
                format!(
                    "cannot read it as {format}: the file may be truncated or damaged; open it in Excel or WPS and save it again"
                ),
            ),
            Failure::DeclaredCount {
                part,
                declared,
                bytes,
            } => Text::new(
                format!(
                    "部件“{part}”声明了 {declared} 项，但只有 {bytes} 字节，文件已损坏；请重新保存"
                ),
                format!(
                    "part `{part}` declares {declared} entries in {bytes} bytes: the file is damaged; save it again"
                ),
            ),
            Failure::SheetTooLarge {
                sheet,
                rows,
                cols,
                max_rows,
                max_cols,
            } => Text::new(
                format!(
                    "工作表“{sheet}”有 {rows} 行 × {cols} 列，每张表最多读取 {max_rows} 行 × {max_cols} 列；请删除多余的行列"
                ),
                format!(
                    "sheet `{sheet}` spans {rows} rows × {cols} columns; citystar reads at most {max_rows} rows × {max_cols} columns per sheet"
                ),
            ),
            Failure::TooMuchText { sheet, max_mb } => Text::new(
                format!(
                    "工作表“{sheet}”中的文字超过 {max_mb} MB，远超任何填报表；文件已损坏或被篡改"
                ),
                format!(
                    "sheet `{sheet}` holds more than {max_mb} MB of text, far more than any submission; the file is damaged or crafted"
                ),
            ),
            Failure::OutOfMemory { limit_mb } => Text::new(
                format!("读取该文件需要超过 {limit_mb} MB 内存，已停止；文件已损坏或被篡改"),
                format!(
                    "reading the file needed more than {limit_mb} MB of memory and was stopped; the file is damaged or crafted"
                ),
            ),
            Failure::TimedOut { seconds } => Text::new(
                format!("读取该文件超过 {seconds} 秒，已停止；文件已损坏或被篡改"),
                format!(
                    "reading the file took more than {seconds} s and was stopped; the file is damaged or crafted"
                ),
            ),
            Failure::ReaderCrashed { .. } => Text::new(
                "读取该文件时读取进程意外停止；文件可能已损坏",
                "the reader stopped unexpectedly on this file; it may be damaged",
            ),
            Failure::OwnReport => Text::new(
                "这是 citystar 写出的评估报告，不是填报表，已跳过",
                "a report citystar wrote, not a submission; skipped",
            ),
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
