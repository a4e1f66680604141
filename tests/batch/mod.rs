//! Batches over folders: what is found, what is read once, what is never written.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn entities(out: &std::process::Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap().to_string())
        .collect()
}

/// Linked folders are not followed: a link loop neither hangs a run nor
/// repeats a workbook.
#[cfg(unix)]
#[test]
fn folder_links_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    std::fs::copy("sample-submissions/city-a.xlsx", d.join("city-a.xlsx")).unwrap();
    std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    std::os::unix::fs::symlink("..", d.join("up")).unwrap();
    let out = citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .arg(&d)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(entities(&out).len(), 1);
    let out = citystar()
        .args(["check", "--format", "json"])
        .arg(&d)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn one_file_named_twice_is_assessed_once() {
    let out = citystar()
        .args([
            "assess",
            "--format",
            "json",
            "--draws",
            "0",
            "sample-submissions/city-a.xlsx",
            "./sample-submissions/city-a.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(entities(&out).len(), 1);
}

#[test]
fn an_empty_folder_is_reported_by_check_and_assess_alike() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["check", "assess"] {
        citystar()
            .arg(cmd)
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no workbooks"));
    }
}

#[test]
fn stability_draws_are_bounded() {
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "18446744073709551615",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty());
}

/// A report never replaces a file the run reads, benchmark workbooks included.
#[test]
fn a_report_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let peer = dir.path().join("city-a.xlsx");
    std::fs::copy("sample-submissions/city-a.xlsx", &peer).unwrap();
    let before = std::fs::read(&peer).unwrap();
    citystar()
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--draws",
            "0",
            "--benchmark",
        ])
        .arg(&peer)
        .arg("--report")
        .arg(&peer)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write the report elsewhere"));
    assert_eq!(std::fs::read(&peer).unwrap(), before);
}

/// A report folder inside a folder being assessed is refused before anything
/// is written; a report citystar wrote, found later in a scanned folder, is
/// skipped rather than assessed.
#[test]
fn a_report_folder_inside_the_batch_is_refused_and_old_reports_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    for f in ["city-a.xlsx", "city-b.xlsx"] {
        std::fs::copy(format!("sample-submissions/{f}"), sub.join(f)).unwrap();
    }
    citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .arg(&sub)
        .arg("--report-dir")
        .arg(sub.join("reports"))
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("a folder being assessed"));
    assert!(!sub.join("reports").exists());
    let out_dir = dir.path().join("out");
    citystar()
        .args(["assess", "--draws", "0"])
        .arg(&sub)
        .arg("--report-dir")
        .arg(&out_dir)
        .assert()
        .code(0);
    std::fs::copy(out_dir.join("city-a.xlsx"), sub.join("old-report.xlsx")).unwrap();
    let out = citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .arg(&sub)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(entities(&out).len(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped"));
}

/// A report target that would replace an input stops the run before anything is printed.
#[test]
fn a_bad_report_target_stops_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let std_file = dir.path().join("my-standard.toml");
    std::fs::write(
        &std_file,
        std::fs::read("standards/db37-3890-city.toml").unwrap(),
    )
    .unwrap();
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--format",
            "json",
            "--standard",
        ])
        .arg(&std_file)
        .arg("--report")
        .arg(&std_file)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("is an input of this run"));
    // An input inside the report folder would be replaced by its own report.
    let a = dir.path().join("city-a.xlsx");
    std::fs::copy("sample-submissions/city-a.xlsx", &a).unwrap();
    citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .arg(&a)
        .arg("--report-dir")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty());
    // --report makes the folder it writes into.
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--report",
        ])
        .arg(dir.path().join("new/nested/a.xlsx"))
        .assert()
        .success();
    assert!(dir.path().join("new/nested/a.xlsx").exists());
}

/// When stdout's reader goes away, the reports are still written in full.
#[cfg(unix)]
#[test]
fn reports_are_finished_when_stdout_closes_early() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("citystar");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' assess sample-submissions --draws 0 --report-dir '{}' | head -c 1 >/dev/null",
            bin.display(),
            dir.path().display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    for f in [
        "city-a.xlsx",
        "city-b.xlsx",
        "county-a.xlsx",
        "community-a.xlsx",
        "summary.xlsx",
    ] {
        assert!(dir.path().join(f).exists(), "{f} missing");
    }
}

/// The summary workbook's cohort sheet lists every indicator of each standard.
#[test]
fn the_summary_cohort_sheet_has_its_rows() {
    use calamine::{DataType, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    citystar()
        .args([
            "assess",
            "sample-submissions",
            "--draws",
            "0",
            "--benchmark",
            "cohort",
            "--lang",
            "en",
            "--report-dir",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let mut wb = open_workbook_auto(dir.path().join("summary.xlsx")).unwrap();
    let name = wb
        .sheet_names()
        .into_iter()
        .find(|n| n.to_lowercase().contains("cohort"))
        .expect("a cohort sheet");
    let range = wb.worksheet_range(&name).unwrap();
    let codes = range
        .rows()
        .filter(|r| r.first().and_then(|c| c.get_string()) == Some("JJ-02"))
        .count();
    // JJ-02 is in the city and the county standards.
    assert_eq!(codes, 2, "cohort sheet rows");
}
