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
