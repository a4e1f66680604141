//! Writing outputs without touching what the run reads or did not write:
//! never through a symbolic link, never onto an input (checked by device and
//! inode, so a hard link is caught), never inside a folder being assessed,
//! never over a file citystar did not write unless `--force`; and always by
//! writing a new file beside the target and renaming it into place.

use super::said_msg;
use crate::catalogue::cli as m;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// What is written, as the refusals name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A report of `assess` (folders named are folders being assessed).
    Report,
    /// A review workbook of `review init` (folders named are submission folders).
    Review,
}

impl Written {
    /// The refusals' words: a folder, an input, not a regular file, not
    /// ours, inside a folder read.
    fn words(self) -> [crate::catalogue::Msg; 5] {
        match self {
            Written::Report => [
                m::REPORT_IS_FOLDER,
                m::REPORT_IS_INPUT,
                m::REPORT_NOT_REGULAR,
                m::REPORT_EXISTS_NOT_OURS,
                m::REPORT_INSIDE_INPUT,
            ],
            Written::Review => [
                m::REVIEW_IS_FOLDER,
                m::REVIEW_IS_INPUT,
                m::REVIEW_NOT_REGULAR,
                m::REVIEW_EXISTS_NOT_OURS,
                m::REVIEW_INSIDE_INPUT,
            ],
        }
    }
}

/// A file by identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// Where a path leads: walked component by component from the current
/// folder, each existing prefix resolved (links followed), `..` taken where
/// the folder it names is (for a folder not made yet, its parent), so
/// `new/../a.xlsx` is `./a.xlsx`. The last component is not followed.
pub fn resolved(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut at = std::env::current_dir().unwrap_or_default();
    let parts: Vec<Component> = path.components().collect();
    for (k, c) in parts.iter().enumerate() {
        let last = k + 1 == parts.len();
        match c {
            Component::Prefix(_) | Component::RootDir => at.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                at = std::fs::canonicalize(&at).unwrap_or(at);
                at.pop();
            }
            Component::Normal(name) => {
                at.push(name);
                if !last && let Ok(real) = std::fs::canonicalize(&at) {
                    at = real;
                }
            }
        }
    }
    at
}

/// Whether the file is a report citystar wrote: its package holds the report
/// mark (only `docProps/custom.xml` is read, capped, nothing is parsed), or,
/// for an HTML report, its first 2 KiB hold the HTML mark.
pub fn is_own_report(path: &Path) -> bool {
    use std::io::Read;
    let Ok(bytes) =
        crate::submission::read_file_bytes(path, crate::submission::open::MAX_FILE_BYTES)
    else {
        return false;
    };
    if bytes.starts_with(b"<!DOCTYPE html>") {
        let head = &bytes[..bytes.len().min(2048)];
        return memchr::memmem::find(head, crate::report::html::MARK.as_bytes()).is_some();
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let Ok(part) = zip.by_name("docProps/custom.xml") else {
        return false;
    };
    let mut xml = Vec::new();
    if part.take(1 << 20).read_to_end(&mut xml).is_err() {
        return false;
    }
    memchr::memmem::find(&xml, br#"name="citystar-report""#).is_some()
}

/// May a report be written at `path`?
pub fn check_target(
    path: &Path,
    inputs: &std::collections::HashSet<Target>,
    scanned: &[PathBuf],
    force: bool,
    written: Written,
) -> anyhow::Result<()> {
    let [is_folder, is_input, not_regular, not_ours, inside] = written.words();
    let shown = path.display();
    // Every check is made where the path really leads (`..` and links resolved).
    let real = resolved(path);
    let path = real.as_path();
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.file_type().is_symlink() {
            return Err(said_msg(m::IS_LINK, &[&shown]));
        }
        if m.is_dir() {
            return Err(said_msg(is_folder, &[&shown]));
        }
        if Target::identity(path).is_some_and(|t| inputs.contains(&t)) {
            return Err(said_msg(is_input, &[&shown]));
        }
        if !m.is_file() {
            return Err(said_msg(not_regular, &[&shown]));
        }
        if !is_own_report(path) && !force {
            return Err(said_msg(not_ours, &[&shown]));
        }
    }
    if let Some(s) = scanned.iter().find(|s| path.starts_with(s)) {
        return Err(said_msg(inside, &[&shown, &s.display()]));
    }
    Ok(())
}

/// Put `bytes` at `path` by writing a new file beside it and renaming it
/// over: an existing entry is replaced, never written through.
pub fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    replace_with(path, |f| Ok(f.write_all(bytes)?))
}

/// [`replace`], the new file's bytes written by `write` as they are made
/// (buffered): a large file is not held whole first.
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The name as it is (not made lossy: two names apart only in bytes that
    // are not UTF-8 keep two temporary files).
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or("report".as_ref()));
    name.push(format!(".{}.citystar-tmp", std::process::id()));
    let tmp = dir.join(name);
    // Removed on every way out but the rename, a panic in `write` included.
    struct Cleanup<'a>(Option<&'a Path>);
    impl Drop for Cleanup<'_> {
        fn drop(&mut self) {
            if let Some(tmp) = self.0 {
                let _ = std::fs::remove_file(tmp);
            }
        }
    }
    let mut cleanup = Cleanup(None);
    let written = (|| -> anyhow::Result<()> {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        cleanup.0 = Some(&tmp);
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, f);
        write(&mut w)?;
        w.flush()?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        cleanup.0 = None;
        Ok(())
    })();
    written.with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails or panics leaves neither the target nor a
    /// temporary file behind; one that succeeds leaves only the target.
    #[test]
    fn only_a_finished_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.html");
        let entries = || std::fs::read_dir(dir.path()).unwrap().count();
        let failed = replace_with(&path, |w| {
            w.write_all(b"half")?;
            anyhow::bail!("made up")
        });
        assert!(failed.is_err());
        assert_eq!(entries(), 0);
        let panicked = std::panic::catch_unwind(|| {
            let _ = replace_with(&path, |w| {
                w.write_all(b"half")?;
                panic!("made up")
            });
        });
        assert!(panicked.is_err());
        assert_eq!(entries(), 0);
        replace_with(&path, |w| Ok(w.write_all(b"whole")?)).unwrap();
        assert_eq!(entries(), 1);
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
    }
}
