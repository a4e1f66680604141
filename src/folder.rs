//! Which files a run reads: the paths given, with folders searched
//! recursively for workbooks. `check` and `assess` (and `review init`) both
//! start here.

use crate::catalogue::cli as m;
use crate::catalogue::said::{Arg, Message, say};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Workbook extensions a folder is searched for (case-insensitive).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A file that could not be assessed at all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unreadable {
    pub file: String,
    /// The failure's stable code (`citystar explain CODE`).
    pub code: crate::diag::Code,
    /// Why, made into words when shown (JSON: the document's language).
    #[serde(serialize_with = "crate::locale::words")]
    pub message: Message,
}

/// The files named by the arguments: files as given, folders searched
/// recursively for workbooks; sorted, and each file once (by its canonical
/// path). Symbolic links to folders are not followed, so a link loop cannot
/// hang a run. Paths that do not exist, unreadable folders and folders with no
/// workbook are returned as unreadable.
pub fn collect_files(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<Unreadable>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for a in args {
        if a.is_dir() {
            let before = (files.len(), bad.len());
            walk(a, &mut files, &mut bad);
            if (files.len(), bad.len()) == before {
                bad.push(Unreadable {
                    file: crate::path_text(a),
                    code: crate::diag::Code::NoWorkbooks,
                    message: say!(m::NO_WORKBOOKS_IN_FOLDER, Arg::list(EXTENSIONS)),
                });
            }
        } else if a.exists() {
            files.push(a.clone());
        } else {
            bad.push(Unreadable {
                file: crate::path_text(a),
                code: crate::diag::Code::FileNotFound,
                message: say!(m::NO_SUCH_PATH),
            });
        }
    }
    files.sort();
    // `a.xlsx` and `./a.xlsx` are one file.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    bad.sort_by(|a, b| a.file.cmp(&b.file));
    bad.dedup_by(|a, b| a.file == b.file);
    (files, bad)
}

/// Workbooks a folder scan found in a subfolder of a folder that holds
/// another workbook found, with those workbooks: each may be that
/// submission's evidence (it is when the submission's evidence column names
/// it; the caller reads the holders to decide). Files named on the command
/// line are never candidates.
pub fn evidence_candidates(args: &[PathBuf], files: &[PathBuf]) -> Vec<(PathBuf, Vec<PathBuf>)> {
    let holders: std::collections::HashSet<&Path> =
        files.iter().filter_map(|f| f.parent()).collect();
    let mut out = Vec::new();
    for f in files {
        let Some(root) = args
            .iter()
            .filter(|a| a.is_dir())
            .find(|a| f.starts_with(a))
        else {
            continue;
        };
        let above: Vec<PathBuf> = f
            .ancestors()
            .skip(2)
            .take_while(|d| d.starts_with(root))
            .filter(|d| holders.contains(d))
            .flat_map(|d| files.iter().filter(move |g| g.parent() == Some(d)).cloned())
            .collect();
        if !above.is_empty() {
            out.push((f.clone(), above));
        }
    }
    out
}

/// A folder's workbooks, recursively; a folder that cannot be read is
/// reported and its siblings are still searched.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, bad: &mut Vec<Unreadable>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            bad.push(Unreadable {
                file: crate::path_text(dir),
                code: crate::diag::Code::CannotReadFile,
                message: say!(m::CANNOT_READ_FOLDER, e.to_string()),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // `file_type` does not follow symbolic links: a linked folder is skipped.
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, out, bad),
            // A review workbook (`citystar review init`) is not a submission.
            Ok(_) if is_workbook(&path) && path.is_file() && !is_review(&path) => out.push(path),
            _ => {}
        }
    }
}

/// `NAME.review.xlsx` (or any workbook extension): how `review init` names its workbooks.
pub fn is_review(path: &Path) -> bool {
    path.file_stem()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_lowercase().ends_with(".review"))
}

fn is_workbook(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // `~$name.xlsx` is Excel's lock file, `.~lock.name.xlsx#` LibreOffice's.
    !name.starts_with("~$")
        && !name.starts_with(".~lock")
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
