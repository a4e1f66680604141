//! `citystar assess --benchmark NAME|PATH|WORKBOOK|cohort`: gaps in every output.

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

fn assess_json(args: &[&str]) -> Value {
    let out = citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_embedded_benchmark_by_name() {
    let v = assess_json(&["sample-submissions/city-b.xlsx", "--benchmark", "zhejiang"]);
    let gaps = v["entities"][0]["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0]["benchmark"], "zhejiang");
    let rows = gaps[0]["indicators"].as_array().unwrap();
    assert!(!rows.is_empty());
    // Ranked by points at stake, each with its source and year.
    let points: Vec<f64> = rows
        .iter()
        .map(|r| r["points_at_stake"].as_f64().unwrap())
        .collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "{points:?}");
    for r in rows {
        assert!(
            r["origin"]["source"][0]
                .as_str()
                .unwrap()
                .starts_with("http"),
            "{r}"
        );
        assert!(r["origin"]["year"].is_number(), "{r}");
    }
    // Differently defined figures are listed, never compared.
    let nc = gaps[0]["not_compared"].as_array().unwrap();
    assert!(nc.iter().any(|n| n["indicator"] == "ZF-01"));
    assert!(!rows.iter().any(|r| r["code"] == "ZF-01"));
}

#[test]
fn a_benchmark_file_of_ones_own() {
    let v = assess_json(&[
        "sample-submissions/city-b.xlsx",
        "--benchmark",
        "tests/data/peer-benchmark.toml",
    ]);
    let g = &v["entities"][0]["gaps"][0];
    assert!(g["benchmark"].is_string());
    assert!(
        !g["indicators"].as_array().unwrap().is_empty()
            || !g["not_compared"].as_array().unwrap().is_empty()
    );
}

#[test]
fn another_workbook_as_the_benchmark() {
    let v = assess_json(&[
        "sample-submissions/city-b.xlsx",
        "--benchmark",
        "sample-submissions/city-a.xlsx",
    ]);
    let g = &v["entities"][0]["gaps"][0];
    assert_eq!(g["benchmark"], "示例市");
    // Every indicator city-a reports is compared, with city-a as the origin.
    let rows = g["indicators"].as_array().unwrap();
    assert!(rows.len() > 40, "{}", rows.len());
    assert_eq!(rows[0]["origin"]["name"], "示例市");
    // The weaker city is behind where it matters most.
    assert!(rows[0]["gap"].as_f64().unwrap() > 0.0);
    assert!(rows[0]["points_at_stake"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_cohort_of_a_batch() {
    let v = assess_json(&[
        "sample-submissions/city-a.xlsx",
        "sample-submissions/city-b.xlsx",
        "sample-submissions/county-a.ods",
        "--benchmark",
        "cohort",
    ]);
    let entities = v["entities"].as_array().unwrap();
    for e in entities {
        let names: Vec<&str> = e["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["benchmark"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["cohort (median)", "cohort (top quartile)"],
            "{}",
            e["file"]
        );
    }
    // The two cities share a cohort of two; the county is alone in its own.
    let city = &entities
        .iter()
        .find(|e| e["file"].as_str().unwrap().ends_with("city-b.xlsx"))
        .unwrap()["gaps"][1];
    let row = city["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "JJ-02")
        .unwrap();
    assert_eq!(row["origin"]["n"], 2);
    let county = &entities
        .iter()
        .find(|e| e["file"].as_str().unwrap().ends_with("county-a.ods"))
        .unwrap()["gaps"][0];
    let any = &county["indicators"][0];
    assert_eq!(any["origin"]["n"], 1);
    assert_eq!(any["gap"].as_f64().unwrap(), 0.0);
}

#[test]
fn gaps_show_in_the_table_and_markdown() {
    citystar()
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--draws",
            "0",
            "--benchmark",
            "zhejiang",
        ])
        .assert()
        .stdout(predicate::str::contains("Gaps to Zhejiang"))
        .stdout(predicate::str::contains("JJ-02"));
    citystar()
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--draws",
            "0",
            "--benchmark",
            "zhejiang",
            "--format",
            "markdown",
            "--lang",
            "zh",
        ])
        .assert()
        .stdout(predicate::str::contains("对标 浙江省"))
        .stdout(predicate::str::contains("http://"));
}

#[test]
fn an_unknown_benchmark_stops_before_the_batch() {
    citystar()
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--benchmark",
            "atlantis",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no benchmark `atlantis`"));
}
