//! Writing outputs without touching what the run reads or did not write:
//! never through a symbolic link, never onto an input (checked by device and
//! inode, so a hard link is caught), never inside a folder being assessed,
//! never over a file citystar did not write unless `--force`; and always by
//! writing a new file beside the target and renaming it into place.

use super::said;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// A file by identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    dev: u64,
    ino: u64,
}

impl Target {
    pub fn identity(path: &Path) -> Option<Target> {
        std::fs::metadata(path).ok().map(|m| Target {
            dev: m.dev(),
            ino: m.ino(),
        })
    }
}

/// The path with every existing ancestor resolved (links, `..`), the rest
/// appended: where a file not yet written will be.
pub fn resolved(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut tail = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(at) {
            let mut out = c;
            for t in tail.iter().rev() {
                out.push(t);
            }
            return out;
        }
        match (at.parent(), at.file_name()) {
            (Some(p), Some(name)) => {
                tail.push(name.to_os_string());
                at = p;
            }
            _ => return abs,
        }
    }
}

/// Whether the file is a report citystar wrote (it carries the report mark).
pub fn is_own_report(path: &Path) -> bool {
    crate::submission::read_file_bytes(path, crate::submission::open::MAX_FILE_BYTES).is_ok_and(
        |b| {
            matches!(
                crate::submission::open::open(b),
                Err(crate::submission::Failure::OwnReport)
            )
        },
    )
}

/// May a report be written at `path`?
pub fn check_target(
    path: &Path,
    inputs: &[Target],
    scanned: &[PathBuf],
    force: bool,
) -> anyhow::Result<()> {
    let shown = path.display();
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.file_type().is_symlink() {
            return Err(said(
                format!("{shown} 是符号链接，citystar 不经链接写文件"),
                format!("{shown} is a symbolic link; citystar does not write through links"),
            ));
        }
        if m.is_dir() {
            return Err(said(
                format!("{shown} 是文件夹，请为报告指定一个文件名"),
                format!("{shown} is a folder; name a file for the report"),
            ));
        }
        if Target::identity(path).is_some_and(|t| inputs.contains(&t)) {
            return Err(said(
                format!("{shown} 是本次运行读取的文件，请把报告写到别处"),
                format!("{shown} is an input of this run; write the report elsewhere"),
            ));
        }
        if !m.is_file() {
            return Err(said(
                format!("{shown} 不是普通文件，请把报告写到别处"),
                format!("{shown} is not a regular file; write the report elsewhere"),
            ));
        }
        let ours = is_own_report(path);
        if !ours && !force {
            return Err(said(
                format!("{shown} 已存在，且不是 citystar 写出的报告；确需替换时加 --force"),
                format!(
                    "{shown} exists and is not a report citystar wrote; pass --force to replace it"
                ),
            ));
        }
        if ours {
            return Ok(());
        }
    }
    let at = resolved(path);
    if let Some(s) = scanned.iter().find(|s| at.starts_with(s)) {
        return Err(said(
            format!(
                "{shown} 位于正在评估的文件夹 {} 中，请把报告写到别处",
                s.display()
            ),
            format!(
                "{shown} is inside {}, a folder being assessed; write the report elsewhere",
                s.display()
            ),
        ));
    }
    Ok(())
}

/// Put `bytes` at `path` by writing a new file beside it and renaming it
/// over: an existing entry is replaced, never written through.
pub fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.citystar-tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("cannot write {}", path.display()))
}
