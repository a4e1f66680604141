//! Evidence files (佐证材料) beside a workbook: the evidence column of each
//! indicator names files by their path relative to the workbook's folder (the
//! submission folder); each is resolved, identified by its first bytes and
//! hashed. Nothing outside the submission folder is ever opened (`../`,
//! absolute paths and symbolic links that lead out are refused), and no file
//! is written. docs/review.md describes the rules.

use super::open::Loaded;
use super::{IndicatorData, layout};
use crate::catalogue::said::{Arg, Message, say};
use crate::catalogue::workbook as w;
use crate::diag::{Code, Diagnostic};
use crate::standard::Standard;
use indexmap::IndexMap;
use serde::Serialize;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Pdf,
    Jpeg,
    Png,
    Gif,
    Tiff,
    Bmp,
    Webp,
    /// An Office Open XML package (docx, xlsx, pptx).
    Ooxml,
    /// An OLE compound file (doc, xls, ppt, and WPS's wps/et/dps).
    Ole,
    /// An OpenDocument package (odt, ods, odp).
    Odf,
    /// An OFD document (GB/T 33190, the format of many government documents).
    Ofd,
    /// Any other zip archive.
    Zip,
    Rar,
    SevenZip,
    /// No NUL or control bytes: text in some encoding.
    Message,
    /// None of the above.
    Unknown,
    /// A file of no bytes.
    Empty,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpeg",
            Kind::Png => "png",
            Kind::Gif => "gif",
            Kind::Tiff => "tiff",
            Kind::Bmp => "bmp",
            Kind::Webp => "webp",
            Kind::Ooxml => "ooxml",
            Kind::Ole => "ole",
            Kind::Odf => "odf",
            Kind::Ofd => "ofd",
            Kind::Zip => "zip",
            Kind::Rar => "rar",
            Kind::SevenZip => "7z",
            Kind::Message => "text",
            Kind::Unknown => "unknown",
            Kind::Empty => "empty",
        }
    }
}

/// The kinds a file extension may hold; `None` for extensions we do not know
/// (their content is identified and listed, not checked).
fn expected(ext: &str) -> Option<&'static [Kind]> {
    Some(match ext {
        "pdf" => &[Kind::Pdf],
        "jpg" | "jpeg" => &[Kind::Jpeg],
        "png" => &[Kind::Png],
        "gif" => &[Kind::Gif],
        "tif" | "tiff" => &[Kind::Tiff],
        "bmp" => &[Kind::Bmp],
        "webp" => &[Kind::Webp],
        "docx" | "xlsx" | "xlsm" | "pptx" => &[Kind::Ooxml],
        "doc" | "xls" | "ppt" | "wps" | "et" | "dps" => &[Kind::Ole],
        "odt" | "ods" | "odp" => &[Kind::Odf],
        "ofd" => &[Kind::Ofd],
        "zip" => &[Kind::Zip, Kind::Ooxml, Kind::Odf, Kind::Ofd],
        "rar" => &[Kind::Rar],
        "7z" => &[Kind::SevenZip],
        "txt" | "csv" | "md" | "htm" | "html" | "xml" | "json" => &[Kind::Message],
        _ => return None,
    })
}

/// Bytes read from the start (and, for zip packages, from the end, where the
/// list of parts is) to identify a file.
const SNIFF_BYTES: usize = 64 * 1024;

/// Identify a file from its first bytes (`head`) and, for zip archives, its
/// last bytes (`tail`, where the central directory names every part).
pub fn sniff(head: &[u8], tail: &[u8]) -> Kind {
    let starts = |m: &[u8]| head.starts_with(m);
    let has = |needle: &[u8]| {
        [head, tail]
            .iter()
            .any(|b| b.windows(needle.len()).any(|w| w == needle))
    };
    if head.is_empty() {
        Kind::Empty
    } else if starts(b"%PDF-") {
        Kind::Pdf
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Kind::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Kind::Png
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Kind::Gif
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Kind::Tiff
    } else if starts(b"BM") && head.len() >= 14 {
        Kind::Bmp
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Kind::Webp
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole
    } else if starts(b"Rar!\x1a\x07") {
        Kind::Rar
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        Kind::SevenZip
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        // ODF keeps an uncompressed `mimetype` part first (ISO/IEC 26300 §3.3).
        if head.get(30..38) == Some(b"mimetype")
            && head
                .get(38..38 + 35)
                .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument"))
        {
            Kind::Odf
        } else if has(b"[Content_Types].xml") {
            Kind::Ooxml
        } else if has(b"OFD.xml") {
            Kind::Ofd
        } else {
            Kind::Zip
        }
    } else if head
        .iter()
        .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
    {
        Kind::Message
    } else {
        Kind::Unknown
    }
}

/// One evidence file found and identified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceFile {
    /// The indicator whose evidence column names it.
    pub indicator: String,
    /// The path as written in the workbook.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub kind: Kind,
}

/// Extensions that make a piece of evidence text a file name even without a
/// folder in it ("政务云合同.pdf"); any text with a `/` or `\` is a path too.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "doc", "docx", "xls", "xlsx",
    "xlsm", "ppt", "pptx", "wps", "et", "dps", "odt", "ods", "odp", "ofd", "zip", "rar", "7z",
    "txt", "csv", "md", "htm", "html", "xml", "json",
];

/// The pieces of an evidence text, split where the template's instructions
/// say (；, ; or a line break), and of them those that name files.
pub fn file_references(text: &str) -> Vec<String> {
    text.split(['；', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .filter(|t| {
            t.contains('/')
                || t.contains('\\')
                || extension(t).is_some_and(|e| FILE_EXTENSIONS.contains(&e.as_str()))
        })
        .map(str::to_string)
        .collect()
}

fn extension(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next()?;
    let (_, ext) = base.rsplit_once('.')?;
    (!ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Why an evidence path is refused before anything is opened.
fn outside(reference: &str) -> Option<Message> {
    let r = reference.trim();
    let drive = r.len() >= 2 && r.as_bytes()[1] == b':' && r.as_bytes()[0].is_ascii_alphabetic();
    if r.starts_with('/') || r.starts_with('\\') || drive {
        return Some(say!(w::IS_ABSOLUTE_PATH));
    }
    if r.split(['/', '\\']).any(|c| c == "..") {
        return Some(say!(w::CONTAINS_WHICH_LEADS_OUT_FOLDER));
    }
    None
}

/// `reference` under `root`, component by component (`\` taken as `/`).
fn join(root: &Path, reference: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for c in reference.split(['/', '\\']) {
        if !c.is_empty() && c != "." {
            p.push(c);
        }
    }
    p
}

enum Found {
    File(EvidenceFile),
    Problem(Code, Message, Message),
}

/// Look at one referenced file: refuse what leads out of `root`, then
/// identify and hash it. Only regular files are opened, read-only.
fn examine(root: &Path, indicator: &str, reference: &str) -> Found {
    if let Some(why) = outside(reference) {
        return Found::Problem(
            Code::EvidenceOutside,
            say!(w::EVIDENCE_REFUSED, reference, why),
            say!(w::PUT_EVIDENCE_WORKBOOK_S_FOLDER),
        );
    }
    let path = join(root, reference);
    let missing = || {
        Found::Problem(
            Code::EvidenceFileMissing,
            say!(w::EVIDENCE_FILE_THERE, &reference),
            say!(w::PUT_FILE_AT_THAT_PATH),
        )
    };
    if std::fs::symlink_metadata(&path).is_err() {
        return missing();
    }
    // A symbolic link anywhere on the way may lead out: where it really is decides.
    let real = match std::fs::canonicalize(&path) {
        Ok(r) => r,
        Err(_) => return missing(),
    };
    if !real.starts_with(root) {
        return Found::Problem(
            Code::EvidenceOutside,
            say!(w::EVIDENCE_FILE_LINK_THAT_LEADS, &reference),
            say!(w::PUT_FILE_ITSELF_LINK_WORKBOOK),
        );
    }
    let unreadable = |why: String, why_en: String| {
        Found::Problem(
            Code::EvidenceUnreadable,
            say!(w::EVIDENCE_UNREADABLE, reference, Arg::each(why, why_en)),
            say!(w::CHECK_FILE_S_PERMISSIONS_PUT),
        )
    };
    let meta = match std::fs::metadata(&real) {
        Ok(m) => m,
        Err(e) => return unreadable(e.to_string(), e.to_string()),
    };
    if !meta.is_file() {
        let (zh, en) = if meta.is_dir() {
            ("这是文件夹", "it is a folder")
        } else {
            ("不是普通文件", "it is not a regular file")
        };
        return unreadable(zh.into(), en.into());
    }
    let (head, tail, sha256, bytes) = match read_identity(&real) {
        Ok(x) => x,
        Err(e) => return unreadable(e.to_string(), e.to_string()),
    };
    let kind = sniff(&head, &tail);
    let file = EvidenceFile {
        indicator: indicator.to_string(),
        path: reference.to_string(),
        bytes,
        sha256,
        kind,
    };
    if kind == Kind::Empty {
        return Found::Problem(
            Code::EvidenceEmpty,
            say!(w::EVIDENCE_FILE_EMPTY_BYTES, &reference),
            say!(w::PUT_WHOLE_FILE_THERE_COPY),
        );
    }
    if let Some(ext) = extension(reference)
        && let Some(allowed) = expected(&ext)
        && !allowed.contains(&kind)
    {
        return Found::Problem(
            Code::EvidenceWrongType,
            say!(
                w::EVIDENCE_FILE_NAMED_BUT_CONTENT,
                &reference,
                &ext,
                kind.key()
            ),
            say!(w::CHECK_THAT_RIGHT_FILE_IF),
        );
    }
    Found::File(file)
}

/// The first and last `SNIFF_BYTES`, the SHA-256 of the whole and the length,
/// reading the file once, start to end, without holding it.
fn read_identity(path: &Path) -> std::io::Result<(Vec<u8>, Vec<u8>, String, u64)> {
    use sha2::{Digest, Sha256};
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut head = Vec::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if head.len() < SNIFF_BYTES {
            let take = (SNIFF_BYTES - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    let mut tail = Vec::new();
    if total > SNIFF_BYTES as u64 {
        f.seek(SeekFrom::Start(total - SNIFF_BYTES as u64))?;
        f.take(SNIFF_BYTES as u64).read_to_end(&mut tail)?;
    }
    let sha = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((head, tail, sha, total))
}

/// The files `submission` (read from `workbook`) names as evidence that
/// exist inside its folder, by canonical path: how a folder scan tells a
/// submission's evidence workbooks from submissions.
pub fn named_files(submission: &super::Submission, workbook: &Path) -> Vec<PathBuf> {
    let Some(root) = workbook
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .and_then(|p| std::fs::canonicalize(p).ok())
    else {
        return Vec::new();
    };
    submission
        .data
        .values()
        .filter_map(|d| d.evidence.as_deref())
        .flat_map(file_references)
        .filter(|r| outside(r).is_none())
        .filter_map(|r| std::fs::canonicalize(join(&root, &r)).ok())
        .filter(|p| p.starts_with(&root))
        .collect()
}

/// The evidence cells of an indicator's input rows, in the sheet they were
/// read from, with their text: (`指标填报!G2`, text) for each row that has some.
/// The evidence column of each sheet, found once per sheet (the header is
/// looked for only the first time a sheet is asked about).
#[derive(Default)]
struct EvidenceColumns(Vec<(String, Option<u32>)>);

impl EvidenceColumns {
    fn of(&mut self, book: &Loaded, sheet: &str) -> Option<u32> {
        if let Some((_, col)) = self.0.iter().find(|(s, _)| s == sheet) {
            return *col;
        }
        let col = book.grid(sheet).and_then(|grid| {
            super::reader::find_header(grid)
                .and_then(|h| h.cols.get(&layout::Column::Evidence).copied())
        });
        self.0.push((sheet.to_string(), col));
        col
    }
}

/// The row number of a cell address (`F12` → 12): its digits, read as
/// `str::parse` reads them.
fn row_of(cell: &str) -> Option<u32> {
    let digits = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn evidence_cells(
    book: &Loaded,
    data: &IndicatorData,
    columns: &mut EvidenceColumns,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for item in data.items.iter().filter(|i| !i.location.is_empty()) {
        let Some((sheet, cell)) = item.location.split_once('!') else {
            continue;
        };
        let Some(row) = row_of(cell).and_then(|r| r.checked_sub(1)) else {
            continue;
        };
        let (Some(grid), Some(col)) = (book.grid(sheet), columns.of(book, sheet)) else {
            continue;
        };
        // Most rows have no evidence: nothing is built for them.
        let text = grid.text_ref(row, col);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let loc = layout::cell_ref(sheet, row, col);
        if !out.iter().any(|(l, _)| *l == loc) {
            out.push((loc, text.to_string()));
        }
    }
    out
}

/// Resolve, identify and hash every evidence file the workbook names, under
/// `root` (the canonical path of the workbook's folder). Problems are added
/// to `diags` at the evidence cell; the files found are returned in the
/// standard's order.
pub fn check(
    book: &Loaded,
    standard: &Standard,
    data: &IndexMap<String, IndicatorData>,
    root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<EvidenceFile> {
    let mut files: Vec<EvidenceFile> = Vec::new();
    let mut columns = EvidenceColumns::default();
    for ind in &standard.indicator {
        let Some(entry) = data.get(&ind.code) else {
            continue;
        };
        // Every input row's evidence cell: a ratio may name files on both rows.
        for (loc, text) in evidence_cells(book, entry, &mut columns) {
            let refs = file_references(&text);
            for r in refs {
                match examine(root, &ind.code, &r) {
                    Found::Problem(code, msg, hint) => diags.push(
                        Diagnostic::new(code, loc.clone(), msg, hint)
                            .raw(r.clone())
                            .indicator(ind.code.clone()),
                    ),
                    Found::File(f) => {
                        if let Some(first) = files
                            .iter()
                            .find(|o| o.sha256 == f.sha256 && o.indicator != f.indicator)
                        {
                            diags.push(
                                Diagnostic::new(
                                    Code::EvidenceDuplicate,
                                    loc.clone(),
                                    say!(
                                        w::EVIDENCE_FILE_HAS_SAME_CONTENT,
                                        &f.path,
                                        &first.indicator,
                                        &first.path
                                    ),
                                    say!(w::CHECK_THAT_ONE_DOCUMENT_REALLY),
                                )
                                .raw(r.clone())
                                .indicator(ind.code.clone()),
                            );
                        }
                        files.push(f);
                    }
                }
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_split_and_keep_only_file_names() {
        assert_eq!(
            file_references("佐证/合同.pdf；照片.PNG; 附件：A-01 佐证材料\nscan/x"),
            vec!["佐证/合同.pdf", "照片.PNG", "scan/x"]
        );
        assert!(file_references("附件：A-01 佐证材料").is_empty());
        assert!(file_references("见附件3.2").is_empty());
    }

    #[test]
    fn sniffing_by_content() {
        assert_eq!(sniff(b"%PDF-1.4\n", b""), Kind::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", b""), Kind::Png);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0], b""), Kind::Jpeg);
        assert_eq!(
            sniff(b"PK\x03\x04....[Content_Types].xml", b""),
            Kind::Ooxml
        );
        assert_eq!(sniff(b"plain words\n", b""), Kind::Message);
        assert_eq!(sniff(b"\x00\x01\x02", b""), Kind::Unknown);
        assert_eq!(sniff(b"", b""), Kind::Empty);
    }

    #[test]
    fn paths_out_of_the_folder_are_refused_before_opening() {
        assert!(outside("../x.pdf").is_some());
        assert!(outside("a/../../x.pdf").is_some());
        assert!(outside("/etc/passwd").is_some());
        assert!(outside("C:\\x.pdf").is_some());
        assert!(outside("a\\..\\x.pdf").is_some());
        assert!(outside("佐证/x.pdf").is_none());
    }
}
