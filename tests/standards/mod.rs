//! `citystar standards …`: the embedded standards, lint, export/import.

use assert_cmd::Command;
use citystar::standard::{embedded, load_str, table};
use predicates::prelude::*;

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

#[test]
fn embedded_standards_lint_clean() {
    let all = embedded::all().expect("embedded standards load");
    assert_eq!(all.len(), 3);
    for (name, _) in embedded::FILES {
        citystar()
            .args(["standards", "lint", &format!("standards/{name}")])
            .assert()
            .success()
            .stdout(predicate::str::contains(": ok"));
    }
}

/// One broken file per problem class: the code and the line:column it is reported at.
#[test]
fn lint_reports_each_problem_at_its_line() {
    let cases = [
        ("bad-value", "bad-value", "42:9"),
        ("duplicate-code", "duplicate-code", "52:9"),
        ("missing-key", "missing-key", "37:1"),
        ("thresholds-not-monotone", "thresholds-not-monotone", "48:9"),
        ("toml-syntax", "toml-syntax", "91:13"),
        ("unknown-dimension", "unknown-dimension", "67:14"),
        ("unknown-indicator", "unknown-indicator", "99:15"),
        ("unknown-key", "unknown-key", "24:1"),
        ("weights-do-not-add-up", "weights-do-not-add-up", "23:10"),
        ("wrong-type", "wrong-type", "97:14"),
    ];
    for (file, code, at) in cases {
        let path = format!("tests/lint/{file}.toml");
        citystar()
            .args(["standards", "lint", &path])
            .assert()
            .code(2)
            .stdout(predicate::str::contains(format!("{path}:{at}: [{code}]")));
    }
}

#[test]
fn lint_collects_every_problem_not_just_the_first() {
    let base = std::fs::read_to_string("tests/data/tiny-city.toml").unwrap();
    let broken = base
        .replace("weight = 40\n", "weight = 30\n")
        .replace("stars = [5, 10, 15, 20, 25]", "stars = [5, 10, 9, 20, 25]")
        .replace("min_total = 60", "min_total = 60\nvetoo = []");
    let err = load_str(&broken, "broken.toml").unwrap_err();
    let codes: Vec<&str> = err.problems.iter().map(|p| p.code.as_str()).collect();
    assert!(codes.contains(&"weights-do-not-add-up"), "{codes:?}");
    assert!(codes.contains(&"thresholds-not-monotone"), "{codes:?}");
    assert!(codes.contains(&"unknown-key"), "{codes:?}");
}

#[test]
fn lint_of_a_missing_file_fails_with_2() {
    citystar()
        .args(["standards", "lint", "no/such/file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn export_then_import_gives_back_an_equal_standard() {
    let mut all = embedded::all().unwrap();
    all.push(
        load_str(
            &std::fs::read_to_string("tests/data/tiny-city.toml").unwrap(),
            "tiny",
        )
        .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    for st in all {
        let path = dir.path().join(format!("{}.xlsx", st.id()));
        std::fs::write(&path, table::export(&st).unwrap()).unwrap();
        let back = table::import(&path).unwrap_or_else(|e| panic!("{}: {e}", st.id()));
        assert_eq!(back, st, "{} did not survive export → import", st.id());
        // And the TOML it writes loads to the same standard.
        assert_eq!(load_str(&back.to_toml(), "written").unwrap(), st);
    }
}

#[test]
fn export_is_byte_stable() {
    let st = &embedded::all().unwrap()[0];
    assert_eq!(table::export(st).unwrap(), table::export(st).unwrap());
}

#[test]
fn export_and_import_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("county.xlsx");
    let toml = dir.path().join("county.toml");
    let county = embedded::all().unwrap()[1].id().to_string();
    citystar()
        .args(["standards", "export", &county, "-o"])
        .arg(&xlsx)
        .assert()
        .success();
    // Never overwrite without --force.
    citystar()
        .args(["standards", "export", &county, "-o"])
        .arg(&xlsx)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    citystar()
        .args(["standards", "import"])
        .arg(&xlsx)
        .arg("-o")
        .arg(&toml)
        .assert()
        .success();
    citystar()
        .args(["standards", "lint"])
        .arg(&toml)
        .assert()
        .success();
}

#[test]
fn import_refuses_a_workbook_that_is_not_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.xlsx");
    std::fs::write(&bogus, b"not a workbook").unwrap();
    citystar()
        .args(["standards", "import"])
        .arg(&bogus)
        .arg("-o")
        .arg(dir.path().join("out.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a readable workbook"));
}

#[test]
fn list_and_show_speak_both_languages() {
    citystar()
        .args(["standards", "list", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("provisional"));
    citystar()
        .args(["standards", "list", "--lang", "zh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("暂定条目"));
    let id = embedded::all().unwrap()[0].id().to_string();
    citystar()
        .args(["standards", "show", &id, "--lang", "zh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("评级规则"));
    citystar()
        .env("LANG", "zh_CN.UTF-8")
        .args(["standards", "show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("评级规则"));
}

#[test]
fn list_and_show_as_json() {
    let out = citystar()
        .args(["standards", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert!(v[0]["provisional_entries"].is_number());
    let id = v[0]["id"].as_str().unwrap().to_string();
    let out = citystar()
        .args(["standards", "show", &id, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["indicator"].as_array().unwrap().len() >= 4);
    assert_eq!(v["standard"]["id"], id.as_str());
}

#[test]
fn an_unknown_standard_is_an_error_naming_the_ids() {
    citystar()
        .args(["standards", "show", "no-such-standard"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an embedded id"));
}

#[test]
fn one_embedded_standard_per_level_with_the_published_shape() {
    use citystar::standard::{DimensionRole, Level, Role};
    for (level, min_weighted) in [
        (Level::City, 40),
        (Level::County, 35),
        (Level::Community, 20),
    ] {
        let st = embedded::for_level(level).unwrap();
        assert_eq!(st.level(), level);
        let weighted = st.indicator.iter().filter(|i| i.role.is_weighted()).count();
        assert!(
            weighted >= min_weighted,
            "{level:?}: {weighted} weighted indicators"
        );
        // Every indicator says where it comes from; every number of ours says
        // so; an entry with published numbers (not provisional) names its address.
        for ind in &st.indicator {
            assert!(!ind.source.trim().is_empty(), "{}", ind.code);
            assert!(!ind.basis.trim().is_empty(), "{}", ind.code);
            assert!(
                ind.provisional || ind.source.contains("http"),
                "{}",
                ind.code
            );
        }
        assert!(st.dimension.iter().any(|d| d.role == DimensionRole::Bonus));
        assert!(st.indicator.iter().any(|i| i.role == Role::Mandatory));
    }
    // The benchmark files map to these codes at city and county level.
    for level in [Level::City, Level::County] {
        let st = embedded::for_level(level).unwrap();
        for code in [
            "ZF-01", "ZF-02", "ZF-03", "ZF-04", "ZF-05", "ZF-06", "JC-01", "JC-02", "JJ-01",
            "JJ-02",
        ] {
            assert!(st.indicator(code).is_some(), "{level:?} lacks {code}");
        }
    }
}

#[test]
fn caps_are_not_negative_and_are_set_where_items_need_them() {
    let base = std::fs::read_to_string("tests/data/tiny-city.toml").unwrap();
    let negative = base.replace("deduction_cap = 10", "deduction_cap = -10");
    let err = load_str(&negative, "negative.toml").unwrap_err();
    assert_eq!(err.problems[0].code.as_str(), "bad-value", "{err}");
    assert_eq!((err.problems[0].line, err.problems[0].column), (17, 17));
    let absent = base.replace("bonus_cap = 5\n", "");
    let err = load_str(&absent, "absent.toml").unwrap_err();
    assert_eq!(err.problems[0].code.as_str(), "missing-key", "{err}");
    assert!(err.problems[0].message.to_string().contains("bonus_cap"));
}
