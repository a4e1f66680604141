//! Golden test: each sample submission gets the rating its README says.

use assert_cmd::Command;
use serde_json::Value;

#[test]
fn each_sample_gets_the_rating_its_readme_says() {
    let out = Command::cargo_bin("citystar")
        .unwrap()
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args([
            "assess",
            "sample-submissions/",
            "--format",
            "json",
            "--draws",
            "0",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let readme = std::fs::read_to_string("sample-submissions/README.md").unwrap();
    let expected = [
        ("city-a.xlsx", "示例市", 4, Some("growth"), 81.14, true),
        ("city-b.xlsx", "样例市", 2, None, 42.20, false),
        ("community-a.xlsx", "示例社区", 3, None, 58.90, true),
        ("county-a.ods", "示范县", 2, None, 57.80, true),
    ];
    let entities = v["entities"].as_array().unwrap();
    assert_eq!(entities.len(), expected.len());
    for (e, (file, name, stars, tier, total, complete)) in entities.iter().zip(expected) {
        assert!(e["file"].as_str().unwrap().ends_with(file), "{}", e["file"]);
        assert_eq!(e["name"], name);
        assert_eq!(e["stars"], stars, "{file}");
        assert_eq!(e["tier"].as_str(), tier, "{file}");
        assert_eq!(e["score"].as_f64().unwrap(), total, "{file}");
        assert_eq!(e["complete"], complete, "{file}");
        // The README states the same rating and total.
        let line = readme.lines().find(|l| l.contains(file)).unwrap();
        assert!(
            line.contains(&format!("**{stars}★")),
            "README line for {file}: {line}"
        );
        assert!(
            line.contains(&format!("{total:.2}")),
            "README line for {file}: {line}"
        );
    }
    // Exactly one warning over the four, the empty count in city-b.
    assert_eq!(v["summary"]["diagnostics"]["warning"], 1);
    assert_eq!(v["summary"]["diagnostics"]["error"], 0);
}

#[test]
fn the_gate_fails_below_min_stars_and_passes_at_it() {
    let run = |n: &str| {
        Command::cargo_bin("citystar")
            .unwrap()
            .env("LANG", "C")
            .args([
                "assess",
                "sample-submissions/",
                "--draws",
                "0",
                "--format",
                "json",
                "--min-stars",
                n,
            ])
            .output()
            .unwrap()
    };
    assert_eq!(run("2").status.code(), Some(0));
    let out = run("3");
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let below = v["summary"]["gate"]["below_min_stars"].as_array().unwrap();
    assert_eq!(below.len(), 2, "{below:?}");
    // --deny warnings turns city-b's missing value into a gate failure.
    let out = Command::cargo_bin("citystar")
        .unwrap()
        .env("LANG", "C")
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--draws",
            "0",
            "--deny",
            "warnings",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
