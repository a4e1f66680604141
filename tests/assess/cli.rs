//! `citystar assess` on the command line, as far as it goes without a
//! workbook reader (usage errors, unreadable files), and the gate's exit codes
//! on in-memory assessments.

use super::{example, tiny};
use assert_cmd::Command;
use citystar::assess::batch::report;
use citystar::assess::{Options, assess};
use citystar::diag::Levels;
use citystar::diag::{Code, Diagnostic, Severity, Text};

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn no_paths_is_a_usage_error() {
    citystar().arg("assess").assert().code(2).stdout("");
}

#[test]
fn min_stars_above_five_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    citystar()
        .args(["assess", "--min-stars", "6"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn unknown_standard_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    citystar()
        .args(["assess", "--standard", "no-such-standard"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no standard `no-such-standard`"));
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/b.xlsx"), b"not a workbook").unwrap();
    std::fs::write(dir.path().join("a.XLSX"), b"not a workbook").unwrap();
    std::fs::write(dir.path().join("~$a.xlsx"), b"lock").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"skip me").unwrap();
    let missing = dir.path().join("missing.xlsx");
    let out = citystar()
        .args(["assess", "--format", "json", "--standard"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/tiny-city.toml"
        ))
        .arg(dir.path())
        .arg(&missing)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON only");
    assert_eq!(v["version"], 1);
    assert_eq!(v["entities"], serde_json::json!([]));
    let files: Vec<String> = v["summary"]["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["file"].as_str().unwrap().to_string())
        .collect();
    // Both workbooks (sorted, lock file and .txt skipped) and the missing path.
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files[0].ends_with("a.XLSX"));
    assert!(files[1].ends_with("missing.xlsx"));
    assert!(files[2].ends_with("b.xlsx"));
    assert_eq!(v["summary"]["gate"]["exit_code"], 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.xlsx: no such file or folder"),
        "{err}"
    );
    assert!(err.contains("b.xlsx"), "{err}");
}

#[test]
fn a_folder_without_workbooks_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    citystar()
        .args(["assess", "--format", "markdown"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no workbooks"))
        .stdout(predicates::str::contains("0 / 1 files assessed"));
}

fn warned() -> citystar::submission::Submission {
    let mut s = example();
    s.diagnostics.push(Diagnostic {
        code: Code::OutOfRange,
        severity: Severity::Warning,
        location: "指标填报!F5".into(),
        raw: None,
        indicator: None,
        message: Text::new("超出范围", "out of range").into(),
        hint: Text::new("", "").into(),
    });
    s
}

fn exit_code(levels: Levels, min_stars: Option<u8>) -> i32 {
    let opts = Options {
        draws: 0,
        levels,
        ..Options::default()
    };
    let a = assess(&tiny(), &warned(), &opts);
    report(vec![Ok(a)], Vec::new(), min_stars)
        .summary
        .gate
        .exit_code
}

#[test]
fn gate_passes_at_or_above_min_stars_with_warnings_allowed() {
    assert_eq!(exit_code(Levels::default(), None), 0);
    assert_eq!(exit_code(Levels::default(), Some(3)), 0);
}

#[test]
fn gate_fails_below_min_stars() {
    assert_eq!(exit_code(Levels::default(), Some(4)), 1);
}

#[test]
fn gate_fails_on_denied_warnings_and_codes_but_not_allowed_ones() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        exit_code(Levels::new(&s(&["warnings"]), &[], &[]).unwrap(), None),
        1
    );
    assert_eq!(
        exit_code(Levels::new(&s(&["out-of-range"]), &[], &[]).unwrap(), None),
        1
    );
    assert_eq!(
        exit_code(
            Levels::new(&s(&["warnings"]), &[], &s(&["out-of-range"])).unwrap(),
            None
        ),
        0
    );
}

#[test]
fn error_diagnostics_fail_the_gate_unless_allowed() {
    let mut s = example();
    s.diagnostics.push(Diagnostic {
        code: Code::FormulaNoCachedValue,
        severity: Severity::Error,
        location: "指标填报!F8".into(),
        raw: None,
        indicator: Some("B01".into()),
        message: Text::new("", "").into(),
        hint: Text::new("", "").into(),
    });
    let run = |levels| {
        let a = assess(
            &tiny(),
            &s,
            &Options {
                draws: 0,
                levels,
                ..Options::default()
            },
        );
        report(vec![Ok(a)], Vec::new(), None).summary.gate.exit_code
    };
    assert_eq!(run(Levels::default()), 1);
    assert_eq!(
        run(Levels::new(&[], &[], &["formula-no-cached-value".into()]).unwrap()),
        0
    );
}

/// A count so large the per-population value overflows is invalid, never "ok" with no value.
#[test]
fn an_overflowing_value_is_invalid_not_ok() {
    use citystar::assess::Status;
    let mut s = example();
    s.entity.population = Some(0.5);
    s.data.insert(
        "B01".into(),
        super::data(vec![super::cell(
            citystar::standard::InputItem::Count,
            citystar::submission::Datum::Number(1e308),
            "指标填报!F8",
        )]),
    );
    let a = assess(
        &tiny(),
        &s,
        &Options {
            draws: 0,
            ..Options::default()
        },
    );
    let b01 = a.indicators.iter().find(|i| i.code == "B01").unwrap();
    assert_eq!(b01.status, Status::Invalid);
    assert_eq!(b01.value, None);
    assert_eq!(b01.stars, 0);
    assert!(!a.complete);
}

/// `--deny/--warn/--allow` decide what is listed and what fails the gate; they
/// never change how a value is read or scored.
#[test]
fn relevelling_changes_the_gate_not_the_scoring() {
    use citystar::assess::Status;
    let mut s = example();
    s.diagnostics.push(Diagnostic {
        code: Code::NumeratorExceedsDenominator,
        severity: Severity::Error,
        location: "指标填报!F5".into(),
        raw: None,
        indicator: Some("A01".into()),
        message: Text::new("", "").into(),
        hint: Text::new("", "").into(),
    });
    let run = |levels: Levels, sub: &citystar::submission::Submission| {
        assess(
            &tiny(),
            sub,
            &Options {
                draws: 0,
                levels,
                ..Options::default()
            },
        )
    };
    let strict = run(Levels::default(), &s);
    assert_eq!(strict.indicators[0].status, Status::Invalid);
    assert!(!strict.complete);
    // Allowed: no longer listed, but the value is still unusable and the data incomplete.
    let allowed = run(
        Levels::new(&[], &[], &["numerator-exceeds-denominator".into()]).unwrap(),
        &s,
    );
    assert!(allowed.diagnostics.is_empty());
    assert_eq!(allowed.indicators[0].status, Status::Invalid);
    assert_eq!(allowed.score, strict.score);
    assert!(!allowed.complete);
    // A warning denied to an error fails the gate; the indicator is scored as before.
    let mut w = example();
    w.diagnostics.push(Diagnostic {
        code: Code::EvidenceMissing,
        severity: Severity::Warning,
        location: "指标填报!G5".into(),
        raw: None,
        indicator: Some("A01".into()),
        message: Text::new("", "").into(),
        hint: Text::new("", "").into(),
    });
    let plain = run(Levels::default(), &w);
    let denied = run(
        Levels::new(&["evidence-missing".into()], &[], &[]).unwrap(),
        &w,
    );
    assert_eq!(denied.indicators[0].status, Status::Ok);
    assert_eq!(denied.score, plain.score);
    assert_eq!(denied.diagnostics[0].severity, Severity::Error);
    assert_eq!(
        report(vec![Ok(denied)], Vec::new(), None)
            .summary
            .gate
            .exit_code,
        1
    );
}
