//! Nothing the run reads, or did not write, is ever written: each case keeps
//! the bytes of every file it could have hit.

use super::citystar;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// A folder of copies of the samples; returns it and the bytes of every file in it.
fn folder(dir: &Path) -> (PathBuf, Vec<(PathBuf, Vec<u8>)>) {
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    for f in ["city-a.xlsx", "city-b.xlsx", "county-a.ods"] {
        std::fs::copy(format!("sample-submissions/{f}"), inp.join(f)).unwrap();
    }
    (inp.clone(), snapshot(&inp))
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

fn unchanged(before: &[(PathBuf, Vec<u8>)], dir: &Path) {
    assert_eq!(snapshot(dir), before, "files in {} changed", dir.display());
}

#[test]
fn a_hard_link_to_an_input_is_not_a_report_target() {
    let t = tempfile::tempdir().unwrap();
    let (inp, before) = folder(t.path());
    let link = t.path().join("link.xlsx");
    std::fs::hard_link(inp.join("city-a.xlsx"), &link).unwrap();
    citystar()
        .args(["assess", "--draws", "0", "--report"])
        .arg(&link)
        .arg(inp.join("city-a.xlsx"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input of this run"));
    unchanged(&before, &inp);
}

#[test]
fn a_report_folder_that_is_an_input_folder_is_refused() {
    let t = tempfile::tempdir().unwrap();
    let (inp, _) = folder(t.path());
    std::fs::copy("sample-submissions/city-a.xlsx", inp.join("summary.xlsx")).unwrap();
    let before = snapshot(&inp);
    for extra in [&[][..], &["--min-stars", "5"][..]] {
        citystar()
            .args(["assess", "--draws", "0", "--report-dir"])
            .arg(&inp)
            .arg(&inp)
            .args(extra)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("a folder being assessed"));
    }
    unchanged(&before, &inp);
}

#[test]
fn other_workbooks_beside_the_input_are_never_replaced() {
    let t = tempfile::tempdir().unwrap();
    let (inp, _) = folder(t.path());
    // Another office's submission named as this input's report would be, and a summary.
    std::fs::copy("sample-submissions/city-a.xlsx", inp.join("county-a.xlsx")).unwrap();
    std::fs::copy("sample-submissions/city-b.xlsx", inp.join("summary.xlsx")).unwrap();
    let before = snapshot(&inp);
    citystar()
        .args(["assess", "--draws", "0"])
        .arg(inp.join("county-a.ods"))
        .arg("--report-dir")
        .arg(&inp)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a report citystar wrote"));
    unchanged(&before, &inp);
    // --report naming another workbook that is not an input: refused without --force.
    citystar()
        .args(["assess", "--draws", "0", "--report"])
        .arg(inp.join("city-b.xlsx"))
        .arg("sample-submissions/city-a.xlsx")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --force"));
    unchanged(&before, &inp);
}

#[test]
fn links_are_never_written_through() {
    let t = tempfile::tempdir().unwrap();
    let (inp, before) = folder(t.path());
    let dangling = t.path().join("dangling.xlsx");
    std::os::unix::fs::symlink(t.path().join("nowhere.xlsx"), &dangling).unwrap();
    let to_file = t.path().join("to-file.xlsx");
    std::os::unix::fs::symlink(inp.join("city-b.xlsx"), &to_file).unwrap();
    for target in [&dangling, &to_file] {
        citystar()
            .args(["assess", "--draws", "0", "--force", "--report"])
            .arg(target)
            .arg(inp.join("city-a.xlsx"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("symbolic link"));
        citystar()
            .args(["template", "--level", "city", "--force", "-o"])
            .arg(target)
            .assert()
            .code(2);
    }
    assert!(!t.path().join("nowhere.xlsx").exists());
    unchanged(&before, &inp);
}

#[test]
fn an_own_report_is_replaced_and_skipped_and_an_empty_run_fails() {
    let t = tempfile::tempdir().unwrap();
    let (inp, before) = folder(t.path());
    let out = t.path().join("out");
    let report = out.join("a.xlsx");
    for _ in 0..2 {
        // The second run replaces the report it wrote, without --force.
        citystar()
            .args(["assess", "--draws", "0", "--report"])
            .arg(&report)
            .arg(inp.join("city-a.xlsx"))
            .assert()
            .code(0);
    }
    unchanged(&before, &inp);
    // A folder holding only reports: nothing to assess is exit 2, gate or not.
    for extra in [&[][..], &["--min-stars", "1"][..]] {
        citystar()
            .args(["assess", "--draws", "0"])
            .arg(&out)
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("nothing to assess"));
    }
    citystar().arg("check").arg(&out).assert().code(2);
}

/// `..` through a folder that does not exist yet, and a link to an input
/// folder, lead where they lead: the checks are made there.
#[test]
fn dot_dot_and_linked_folders_are_followed_before_checking() {
    let t = tempfile::tempdir().unwrap();
    let (inp, _) = folder(t.path());
    std::fs::copy("sample-submissions/city-a.xlsx", inp.join("summary.xlsx")).unwrap();
    let before = snapshot(&inp);
    let a = inp.join("city-a.xlsx");
    citystar()
        .current_dir(t.path())
        .args([
            "assess",
            "--draws",
            "0",
            "--report",
            "nope/../in/city-a.xlsx",
        ])
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input of this run"));
    citystar()
        .current_dir(t.path())
        .args(["assess", "--draws", "0", "in", "--report-dir", "nope/../in"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a folder being assessed"));
    std::os::unix::fs::symlink(&inp, t.path().join("link")).unwrap();
    citystar()
        .current_dir(t.path())
        .args([
            "assess",
            "--draws",
            "0",
            "in",
            "--report-dir",
            "link/reports",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a folder being assessed"));
    assert!(!t.path().join("nope").exists());
    unchanged(&before, &inp);
}
