//! The submitted workbook: template round-trips, one fixture per diagnostic
//! code, files from several producers, hostile files, and the CLI gates.

use assert_cmd::Command;
use citystar::Lang;
use citystar::diag::{CATALOGUE, Severity};
use citystar::standard::{InputItem, Kind, Standard};
use citystar::submission::template::{Fill, FillValue};
use citystar::submission::{Datum, Loader, read_bytes, read_path};
use std::collections::HashMap;
use std::path::Path;

mod template;

const ALL_KINDS: &str = "tests/fixtures/all-kinds-city.toml";

fn fixture_standard() -> Standard {
    let text = std::fs::read_to_string(ALL_KINDS).unwrap();
    citystar::standard::load_str(&text, ALL_KINDS).unwrap()
}

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn json_check(args: &[&str]) -> (serde_json::Value, i32) {
    let out = citystar()
        .arg("check")
        .args(args)
        .arg("--format=json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (v, out.status.code().unwrap())
}

/// Values for every input item of a standard, as stored in the cells, with
/// the datum the reader must give back.
fn values_for(s: &Standard) -> (Fill, HashMap<String, Datum>) {
    let mut fill = Fill::default();
    fill.entity.name = "示例市".into();
    fill.entity.level = Some(s.level());
    fill.entity.division_code = "370999".into();
    fill.entity.year = Some(2025);
    fill.entity.population = Some(1_234_567.0);
    fill.entity.filing_unit = "示例市大数据局".into();
    fill.entity.date = "2026-03-15".into();
    let mut want = HashMap::new();
    for (i, ind) in s.indicator.iter().enumerate() {
        for (item, label) in ind.inputs() {
            let code = format!("{}{}", ind.code, item.suffix());
            let k = i as f64;
            let (cell, datum) = match (&ind.kind, item) {
                (Kind::Ratio { .. }, InputItem::Numerator) => {
                    (FillValue::Number(40.0 + k), Datum::Number(40.0 + k))
                }
                // A denominator that is the resident population (in 人) is the entity's.
                (Kind::Ratio { denominator, .. }, _) if denominator.zh.contains("人口") => {
                    (FillValue::Number(1_234_567.0), Datum::Number(1_234_567.0))
                }
                (Kind::Ratio { .. }, _) => (FillValue::Number(100.0 + k), Datum::Number(100.0 + k)),
                (Kind::Percent { .. }, _) => (FillValue::Number(0.625), Datum::Number(62.5)),
                (Kind::Survey { .. }, _) => (FillValue::Number(87.5), Datum::Number(87.5)),
                // Sub-conditions of an all-of indicator are percent cells.
                (Kind::AllOf { .. }, _) => (FillValue::Number(0.625), Datum::Number(62.5)),
                (Kind::YesNo { .. }, _) => {
                    let yes = i % 2 == 0;
                    (
                        FillValue::Text(if yes { "是" } else { "否" }.into()),
                        Datum::YesNo(yes),
                    )
                }
                (Kind::Grade { options }, _) => {
                    let j = i % options.len();
                    (FillValue::Text(options[j].zh.clone()), Datum::Option(j))
                }
                // Counts are whole (a fraction is `fractional-count`).
                _ if citystar::standard::is_count_unit(&label.unit) => {
                    (FillValue::Number(1234.0 + k), Datum::Number(1234.0 + k))
                }
                _ => (FillValue::Number(1234.5 + k), Datum::Number(1234.5 + k)),
            };
            fill.values.insert(code.clone(), cell);
            want.insert(code, datum);
        }
        fill.evidence
            .insert(ind.code.clone(), format!("{} 佐证.pdf", ind.code));
    }
    (fill, want)
}

fn assert_reads_back(
    label: &str,
    s: &Standard,
    file: &str,
    bytes: Vec<u8>,
    want: &HashMap<String, Datum>,
) {
    let choose = |_| s;
    let (sub, _) = read_bytes(&Loader::InProcess, file, bytes, &choose)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let errors: Vec<_> = sub
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{label}: {errors:#?}");
    assert_eq!(sub.entity.name, "示例市", "{label}");
    assert_eq!(sub.entity.level, Some(s.level()), "{label}");
    assert_eq!(sub.entity.population, Some(1_234_567.0), "{label}");
    assert_eq!(sub.entity.year, Some(2025), "{label}");
    // A date cell reads as the same ISO date from every format.
    assert_eq!(sub.entity.date, "2026-03-15", "{label}");
    assert_eq!(sub.data.len(), s.indicator.len(), "{label}");
    for ind in &s.indicator {
        let data = &sub.data[&ind.code];
        for (item, _) in ind.inputs() {
            let code = format!("{}{}", ind.code, item.suffix());
            let got = data.get(item).and_then(|v| v.datum);
            match (got, want[&code]) {
                (Some(Datum::Number(a)), Datum::Number(b)) => {
                    assert!((a - b).abs() < 1e-9, "{label} {code}: {a} != {b}")
                }
                (g, w) => assert_eq!(g, Some(w), "{label} {code}"),
            }
        }
        assert_eq!(
            data.evidence.as_deref(),
            Some(format!("{} 佐证.pdf", ind.code).as_str()),
            "{label}"
        );
    }
}

fn standards_under_test() -> Vec<Standard> {
    let mut all = citystar::standard::embedded::all().unwrap();
    all.push(fixture_standard());
    all
}

#[test]
fn template_filled_reads_back_exactly_for_every_level() {
    for s in standards_under_test() {
        for lang in [Lang::Zh, Lang::En] {
            let (fill, want) = values_for(&s);
            let bytes = citystar::submission::template::write(&s, lang, Some(&fill)).unwrap();
            assert_reads_back(
                &format!("{} {lang:?}", s.id()),
                &s,
                "mem.xlsx",
                bytes,
                &want,
            );
        }
    }
}

#[test]
fn template_filled_reads_back_through_libreoffice_formats() {
    let Some(exe) = crate::tools::soffice("template_filled_reads_back_through_libreoffice_formats")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    for s in standards_under_test() {
        let (fill, want) = values_for(&s);
        let src = dir.path().join(format!("{}.xlsx", s.id()));
        std::fs::write(
            &src,
            citystar::submission::template::write(&s, Lang::Zh, Some(&fill)).unwrap(),
        )
        .unwrap();
        for (fmt, ext) in [
            ("ods", "ods"),
            ("xls:MS Excel 97", "xls"),
            ("xlsx:Calc MS Excel 2007 XML", "xlsx"),
            ("xlsm:Calc MS Excel 2007 VBA XML", "xlsm"),
        ] {
            let out = dir.path().join(ext);
            let status = std::process::Command::new(&exe)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.path().display()
                ))
                .args(["--headless", "--convert-to", fmt, "--outdir"])
                .arg(&out)
                .arg(&src)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
            let conv = out.join(format!("{}.{ext}", s.id()));
            let bytes = std::fs::read(&conv).unwrap();
            // The drop-downs and the protection survive the re-save.
            let label = format!("{} via {ext}", s.id());
            match ext {
                "xlsx" | "xlsm" => {
                    template::assert_lists_are_the_standards(&label, &s, Lang::Zh, &bytes);
                    template::assert_protection_as_promised(&label, &bytes);
                }
                "ods" => template::assert_ods_keeps_lists_and_protection(&label, &bytes),
                _ => {
                    // xls is binary: LibreOffice reads it back to xlsx for the check.
                    let back = dir.path().join(format!("back-{ext}"));
                    let status = std::process::Command::new(&exe)
                        .arg(format!(
                            "-env:UserInstallation=file://{}",
                            profile.path().display()
                        ))
                        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
                        .arg(&back)
                        .arg(&conv)
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null())
                        .status()
                        .unwrap();
                    assert!(status.success());
                    let again = std::fs::read(back.join(format!("{}.xlsx", s.id()))).unwrap();
                    template::assert_lists_are_the_standards(&label, &s, Lang::Zh, &again);
                    template::assert_protection_as_promised(&label, &again);
                }
            }
            assert_reads_back(
                &format!("{} via {ext}", s.id()),
                &s,
                &conv.display().to_string(),
                bytes,
                &want,
            );
        }
    }
}

#[test]
fn template_is_byte_identical_and_opens_with_every_sheet() {
    for s in standards_under_test() {
        let a = citystar::submission::template::blank(&s, Lang::Zh).unwrap();
        let b = citystar::submission::template::blank(&s, Lang::Zh).unwrap();
        assert_eq!(a, b, "{}", s.id());
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("county.xlsx");
    citystar()
        .args(["template", "--level", "county", "-o"])
        .arg(&out)
        .assert()
        .success();
    // Never overwrite without --force.
    citystar()
        .args(["template", "--level", "county", "-o"])
        .arg(&out)
        .assert()
        .code(2);
    citystar()
        .args(["template", "--level", "county", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    let (v, code) = json_check(&[out.to_str().unwrap()]);
    assert_eq!(code, 0, "a blank template has warnings only: {v}");
    assert_eq!(v["files"][0]["entity"]["level"], "county");
}

#[test]
fn every_code_has_a_fixture_with_its_location_and_exit_status() {
    let expected = std::fs::read_to_string("tests/fixtures/codes/expected.tsv").unwrap();
    let cases: Vec<(&str, &str)> = expected
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    for e in CATALOGUE {
        assert!(
            cases.iter().any(|(c, _)| *c == e.code),
            "no fixture for {}",
            e.code
        );
    }
    for (code, loc) in cases {
        let path = format!("tests/fixtures/codes/{code}.xlsx");
        let (v, status) = json_check(&["--standard", ALL_KINDS, &path]);
        let diags = v["files"][0]["diagnostics"].as_array().unwrap();
        assert!(
            diags
                .iter()
                .any(|d| d["code"] == code && d["location"] == loc),
            "{code}: expected at {loc}, got {diags:#?}"
        );
        let any_error = diags.iter().any(|d| d["severity"] == "error");
        assert_eq!(status, if any_error { 1 } else { 0 }, "{code}");
        let default = citystar::diag::entry(code).unwrap().severity;
        if default == Severity::Error {
            assert_eq!(status, 1, "{code}");
        }
    }
}

#[test]
fn producers_give_the_same_values() {
    let s = fixture_standard();
    let choose = |_| &s;
    let want: [(&str, Datum); 8] = [
        ("A-01.N", Datum::Number(80.0)),
        ("A-01.D", Datum::Number(100.0)),
        ("A-02", Datum::Option(2)),
        ("A-03", Datum::Number(85.0)),
        ("A-04", Datum::Number(88.0)),
        ("A-05", Datum::YesNo(true)),
        ("B-01.C", Datum::Number(3000.0)),
        ("B-02", Datum::Number(12.5)),
    ];
    for file in [
        "openpyxl-good.xlsx",
        "libreoffice-good.xlsx",
        "libreoffice-good.ods",
        "libreoffice-good.xls",
    ] {
        let path = Path::new("tests/fixtures/producers").join(file);
        let (sub, _) = read_path(&Loader::InProcess, &path, &choose).unwrap();
        assert!(sub.diagnostics.is_empty(), "{file}: {:#?}", sub.diagnostics);
        assert_eq!(sub.entity.population, Some(1_234_567.0), "{file}");
        assert_eq!(sub.entity.division_code, "370999", "{file}");
        // 填报日期 is a date cell: the same ISO date from every producer.
        assert_eq!(sub.entity.date, "2026-01-15", "{file}");
        // Each producer kept the drop-downs and the protection of the template.
        let bytes = std::fs::read(&path).unwrap();
        if file.ends_with(".xlsx") {
            template::assert_lists_are_the_standards(file, &s, Lang::Zh, &bytes);
            template::assert_protection_as_promised(file, &bytes);
        } else if file.ends_with(".ods") {
            template::assert_ods_keeps_lists_and_protection(file, &bytes);
        }
        for (code, datum) in &want {
            let (ind, suffix) = code.split_once('.').unwrap_or((code, ""));
            let item = sub.data[ind]
                .items
                .iter()
                .find(|i| i.item.suffix().trim_start_matches('.') == suffix)
                .unwrap();
            match (item.datum, datum) {
                (Some(Datum::Number(a)), Datum::Number(b)) => {
                    assert!((a - b).abs() < 1e-9, "{file} {code}")
                }
                (g, w) => assert_eq!(g, Some(*w), "{file} {code}"),
            }
        }
    }
}

#[test]
fn hostile_files_each_fail_alone_and_the_run_goes_on() {
    let hostile = [
        ("not-a-workbook.xlsx", "not a spreadsheet"),
        ("truncated.xlsx", "truncated"),
        ("password-protected.xlsx", "password-protected"),
        ("zip-bomb.xlsx", "zip bomb"),
        ("million-rows.xlsx", "at most 20000 rows"),
    ];
    let good = "tests/fixtures/producers/openpyxl-good.xlsx";
    let mut args: Vec<String> = vec!["--standard".into(), ALL_KINDS.into()];
    args.extend(
        hostile
            .iter()
            .map(|(f, _)| format!("tests/fixtures/hostile/{f}")),
    );
    args.push(good.into());
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (v, status) = json_check(&arg_refs);
    assert_eq!(status, 2);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), hostile.len() + 1);
    // Results come in path order; find each by name.
    let by_name = |name: &str| {
        files
            .iter()
            .find(|f| f["file"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in the report"))
    };
    for (name, words) in hostile {
        assert_eq!(by_name(name)["status"], "unreadable", "{name}");
        let err = by_name(name)["error"].as_str().unwrap();
        assert!(err.contains(words), "{name}: {err}");
    }
    assert_eq!(by_name("openpyxl-good.xlsx")["status"], "read");
    // The table names each file on stderr, one line each.
    let out = citystar()
        .args([
            "check",
            "--standard",
            ALL_KINDS,
            "tests/fixtures/hostile",
            good,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, _) in hostile {
        assert_eq!(
            stderr.lines().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {stderr}"
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("openpyxl-good.xlsx"));
    // A missing file is unreadable too.
    citystar()
        .args(["check", "no-such-file.xlsx"])
        .assert()
        .code(2);
}

#[test]
fn gates_relevel_severities() {
    let f = "tests/fixtures/codes/number-as-text.xlsx";
    let (_, s) = json_check(&["--standard", ALL_KINDS, f]);
    assert_eq!(s, 0);
    let (_, s) = json_check(&["--standard", ALL_KINDS, "--deny", "number-as-text", f]);
    assert_eq!(s, 1);
    let f = "tests/fixtures/codes/missing-value.xlsx";
    let (_, s) = json_check(&["--standard", ALL_KINDS, "--deny", "warnings", f]);
    assert_eq!(s, 1);
    let (v, s) = json_check(&["--standard", ALL_KINDS, "--allow", "missing-value", f]);
    assert_eq!(s, 0);
    assert_eq!(v["files"][0]["diagnostics"].as_array().unwrap().len(), 0);
    let f = "tests/fixtures/codes/zero-denominator.xlsx";
    let (_, s) = json_check(&["--standard", ALL_KINDS, "--warn", "zero-denominator", f]);
    assert_eq!(s, 0);
    citystar()
        .args(["check", "--deny", "no-such-code", f])
        .assert()
        .code(2);
}

#[test]
fn check_formats_and_folders() {
    let out = citystar()
        .args([
            "check",
            "--standard",
            ALL_KINDS,
            "--format",
            "markdown",
            "tests/fixtures/codes",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| error | `zero-denominator` | 指标填报!F3 |"),
        "{md}"
    );
    let files = md.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(files, CATALOGUE.len());
    citystar()
        .args([
            "check",
            "--standard",
            ALL_KINDS,
            "--lang",
            "zh",
            "tests/fixtures/codes/zero-denominator.xlsx",
        ])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("分母为 0"));
}

#[test]
fn explain_and_docs_cover_every_code() {
    let docs = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    for e in CATALOGUE.iter().chain(citystar::diag::READ_FAILURES) {
        assert_eq!(
            docs.lines()
                .filter(|l| l.trim() == format!("## `{}`", e.code))
                .count(),
            1,
            "docs/diagnostics.md needs one section `## `{}``",
            e.code
        );
        citystar()
            .args(["explain", e.code])
            .assert()
            .success()
            .stdout(predicates::str::contains(e.title_en));
    }
    citystar()
        .args(["explain", "numerator-above"])
        .assert()
        .code(2);
}

#[test]
fn samples_show_only_what_their_readme_says() {
    let (v, status) = json_check(&["sample-submissions"]);
    assert_eq!(status, 0);
    for f in v["files"].as_array().unwrap() {
        let codes: Vec<&str> = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        let file = f["file"].as_str().unwrap();
        if file.ends_with("city-b.xlsx") {
            assert_eq!(codes, ["missing-value"], "{file}");
        } else {
            assert!(codes.is_empty(), "{file}: {codes:?}");
        }
    }
}
