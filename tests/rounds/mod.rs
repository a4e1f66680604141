//! Rounds and targets on two real generated rounds (examples/gen_rounds.rs):
//! matching across rounds, progress per indicator, last round's plan steps,
//! the province view, and every target's figure counted again here by hand
//! from the entities' own stars.

#[path = "../../examples/gen_rounds.rs"]
pub(crate) mod gen_rounds;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("CITYSTAR_READER", "in-process");
    c
}

/// Both rounds, written once per test into a temporary folder.
fn rounds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    gen_rounds::write_rounds(dir.path()).unwrap();
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = citystar()
        .current_dir(dir)
        .args(["assess", "--format", "json", "--draws", "0"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn by_file<'a>(v: &'a Value, file: &str) -> &'a Value {
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["file"] == file)
        .unwrap_or_else(|| panic!("no entity {file}"))
}

/// An entity's indicators as code → (value, stars).
fn indicators(e: &Value) -> std::collections::HashMap<String, (Option<f64>, u64)> {
    e["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                (i["value"].as_f64(), i["stars"].as_u64().unwrap()),
            )
        })
        .collect()
}

#[test]
fn entities_are_matched_across_rounds_and_compared_indicator_by_indicator() {
    let dir = rounds();
    let d = dir.path();
    let then = json(d, &["2025"]);
    let now_alone = json(d, &["2026"]);
    let v = json(d, &["2026", "--baseline", "2025"]);
    let entities = v["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 9);

    // Matched by 行政区划代码, except 甲三县 (no code in 2025) by name and level;
    // 乙三县 is new.
    for e in entities {
        let file = e["file"].as_str().unwrap();
        let p = &e["progress"];
        match file {
            "2026/county-yi3.xlsx" => assert!(p.is_null(), "乙三县 is new"),
            "2026/county-jia3.xlsx" => {
                assert_eq!(p["matched_by"], "name-and-level");
                assert_eq!(p["notes"][0]["code"], "matched-by-name");
                assert_eq!(p["notes"][0]["code_then"], "");
                assert_eq!(p["notes"][0]["code_now"], "379103");
            }
            "2026/county-yi1-again.xlsx" => {
                assert_eq!(p["baseline_file"], "2025/county-yi1.xlsx")
            }
            _ => {
                assert_eq!(p["matched_by"], "division-code", "{file}");
                assert_eq!(p["baseline_file"], file.replace("2026/", "2025/"));
            }
        }
    }

    // Every figure of the progress is the two rounds' own assessments.
    for e in entities.iter().filter(|e| !e["progress"].is_null()) {
        let p = &e["progress"];
        let was = by_file(&then, p["baseline_file"].as_str().unwrap());
        let is = by_file(&now_alone, e["file"].as_str().unwrap());
        assert_eq!(p["stars_then"], was["stars"]);
        assert_eq!(p["stars_now"], is["stars"]);
        assert_eq!(p["score_then"], was["score"]);
        assert_eq!(p["score_now"], is["score"]);
        let (a, b) = (indicators(was), indicators(is));
        let mut fell_back = Vec::new();
        for c in p["indicators"].as_array().unwrap() {
            let code = c["code"].as_str().unwrap();
            assert_eq!(c["value_then"].as_f64(), a[code].0, "{code}");
            assert_eq!(c["value_now"].as_f64(), b[code].0, "{code}");
            assert_eq!(c["stars_then"].as_u64().unwrap(), a[code].1);
            assert_eq!(c["stars_now"].as_u64().unwrap(), b[code].1);
            if let (Some(x), Some(y)) = (a[code].0, b[code].0) {
                assert!((c["change"].as_f64().unwrap() - (y - x)).abs() < 1e-6);
            }
            assert_eq!(c["fell_back"], b[code].1 < a[code].1);
            if b[code].1 < a[code].1 {
                fell_back.push(code.to_string());
            }
        }
        assert_eq!(p["indicators"].as_array().unwrap().len(), a.len());
        let listed: Vec<String> = p["fell_back"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        assert_eq!(listed, fell_back);
    }

    // 甲二县 fell back (0.96 → 0.6 of every 5★ requirement): every indicator
    // with stars to lose lost them; the unchanged 乙一县 has no change at all.
    let jia2 = &by_file(&v, "2026/county-jia2.xlsx")["progress"];
    assert!(jia2["stars_now"].as_u64() < jia2["stars_then"].as_u64());
    assert!(jia2["fell_back"].as_array().unwrap().len() > 10);
    let yi1 = &by_file(&v, "2026/county-yi1.xlsx")["progress"];
    assert_eq!(yi1["score_change"], 0.0);
    assert!(yi1["fell_back"].as_array().unwrap().is_empty());
    assert!(
        yi1["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["change"] == 0.0 || i["change"].is_null())
    );
    // Nothing changed, so none of last round's plan steps holds now.
    assert_eq!(yi1["plan"]["carried_out"], 0);
    assert_eq!(yi1["plan"]["reached"], false);
}

#[test]
fn last_rounds_plan_is_checked_step_by_step() {
    let dir = rounds();
    let d = dir.path();
    let then = json(d, &["2025"]);
    let v = json(d, &["2026", "--baseline", "2025"]);
    let mut seen_holding = 0;
    for e in v["entities"].as_array().unwrap() {
        let p = &e["progress"];
        if p.is_null() {
            continue;
        }
        let was = by_file(&then, p["baseline_file"].as_str().unwrap());
        let now = indicators(e);
        let steps = was["next_star"]["steps"].as_array().unwrap();
        if steps.is_empty() {
            assert!(p["plan"].is_null());
            continue;
        }
        let plan = &p["plan"];
        assert_eq!(plan["target_stars"], was["next_star"]["target_stars"]);
        let checked = plan["steps"].as_array().unwrap();
        assert_eq!(checked.len(), steps.len());
        let mut holding = 0;
        for (s, c) in steps.iter().zip(checked) {
            assert_eq!(s["code"], c["code"]);
            assert_eq!(s["to_text"], c["wanted"]);
            let code = s["code"].as_str().unwrap();
            let holds = now[code].1 >= s["stars_to"].as_u64().unwrap();
            assert_eq!(c["holds"], holds, "{code}");
            holding += usize::from(holds);
        }
        assert_eq!(plan["carried_out"], holding);
        assert_eq!(
            plan["reached"],
            e["stars"].as_u64() >= plan["target_stars"].as_u64()
        );
        seen_holding += holding;
    }
    // 甲一县 rose past its plan's star (2★ → 3★): most of its steps hold.
    let jia1 = &by_file(&v, "2026/county-jia1.xlsx")["progress"]["plan"];
    assert_eq!(jia1["reached"], true);
    assert!(
        jia1["carried_out"].as_u64().unwrap() * 2 > jia1["steps"].as_array().unwrap().len() as u64
    );
    assert!(seen_holding > 0);
}

#[test]
fn the_province_view_lists_movers_unmatched_and_duplicates() {
    let dir = rounds();
    let d = dir.path();
    let v = json(d, &["2026", "--baseline", "2025"]);
    let r = &v["summary"]["province"]["rounds"];
    assert_eq!(r["baseline_entities"], 8);
    assert_eq!(r["matched"], 8);
    assert_eq!(
        r["matched_by_name"],
        serde_json::json!(["2026/county-jia3.xlsx"])
    );
    let names = |k: &str| -> Vec<String> {
        r[k].as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("new"), ["乙三县"]);
    assert_eq!(names("gone"), ["乙二县"]);
    assert_eq!(
        r["duplicates_now"],
        serde_json::json!([["2026/county-yi1-again.xlsx", "2026/county-yi1.xlsx"]])
    );
    // Movers: by the stars of the entities themselves.
    let mut up = Vec::new();
    let mut down = Vec::new();
    for e in v["entities"].as_array().unwrap() {
        let p = &e["progress"];
        if p.is_null() {
            continue;
        }
        let (a, b) = (p["stars_then"].as_u64(), p["stars_now"].as_u64());
        if b > a {
            up.push(e["name"].as_str().unwrap().to_string());
        } else if b < a {
            down.push(e["name"].as_str().unwrap().to_string());
        }
    }
    up.sort();
    let mut listed_up = names("up");
    listed_up.sort();
    assert_eq!(listed_up, up);
    assert_eq!(names("down"), down);
    assert!(up.contains(&"甲一县".to_string()) && up.contains(&"甲市".to_string()));
    assert_eq!(down, ["甲二县"]);

    // Per level and 所属地市, each entity once (the second 乙一县 file is left out).
    let p = &v["summary"]["province"];
    assert_eq!(
        p["not_counted"],
        serde_json::json!(["2026/county-yi1.xlsx"])
    );
    let counties = p["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["level"] == "county")
        .unwrap();
    assert_eq!(counties["entities"], 5);
    let parents: Vec<(&str, u64)> = counties["by_parent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["parent"].as_str().unwrap(),
                c["entities"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(parents, [("乙市", 2), ("甲市", 3)]);
    // The baseline's counts are there too.
    let then_counties = r["levels_then"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["level"] == "county")
        .unwrap();
    assert_eq!(then_counties["entities"], 5);
}

/// (level, parent, stars) of every entity, each 行政区划代码 once (first by path).
fn counted(v: &Value) -> Vec<(String, String, u64)> {
    let mut es: Vec<&Value> = v["entities"].as_array().unwrap().iter().collect();
    es.sort_by_key(|e| e["file"].as_str().unwrap().to_string());
    let mut seen = std::collections::HashSet::new();
    es.into_iter()
        .filter(|e| seen.insert((e["level"].clone(), e["division_code"].clone())))
        .map(|e| {
            (
                e["level"].as_str().unwrap().to_string(),
                e["parent"].as_str().unwrap_or("").to_string(),
                e["stars"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_target_figure_is_counted_again_by_hand() {
    let dir = rounds();
    let d = dir.path();
    // A target file of one's own: 甲市's counties, a share and a rise since the baseline.
    std::fs::write(
        d.join("own.toml"),
        r#"name = "own"
title_zh = "自定目标"
title_en = "Our own targets"
sourced = false

[[target]]
id = "jia-half-3"
year = 2026
level = "county"
city = "甲市"
stars = 3
percent = 50
text_zh = "甲市一半的县达到三星级"
text_en = "half of 甲市's counties at three stars"

[[target]]
id = "jia-one-more-3"
year = 2026
level = "county"
city = "甲"
stars = 3
more = 1
text_zh = "甲市三星级县比上一轮多一个"
text_en = "one more three-star county in 甲市"
"#,
    )
    .unwrap();
    let then = json(d, &["2025"]);
    let v = json(
        d,
        &[
            "2026",
            "--baseline",
            "2025",
            "--targets",
            "shandong-2020-136",
            "--targets",
            "own.toml",
        ],
    );
    let now = counted(&v);
    let was = counted(&then);
    let standings = v["summary"]["province"]["targets"].as_array().unwrap();
    assert_eq!(standings.len(), 8);
    for s in standings {
        let t = &s["target"];
        let level = t["level"].as_str().unwrap();
        let stars = t["stars"].as_u64().unwrap();
        let city = t["city"]
            .as_str()
            .map(|c| c.trim_end_matches('市').to_string());
        let scope = |rows: &[(String, String, u64)]| -> (usize, usize) {
            let in_scope: Vec<_> = rows
                .iter()
                .filter(|(l, p, _)| {
                    l == level && city.as_ref().is_none_or(|c| p.trim_end_matches('市') == c)
                })
                .collect();
            (
                in_scope.len(),
                in_scope.iter().filter(|(_, _, s)| *s >= stars).count(),
            )
        };
        let (n, k) = scope(&now);
        assert_eq!(s["entities"], n, "{t}");
        assert_eq!(s["at_or_above"], k, "{t}");
        let req = &t["requirement"];
        let required = match req["kind"].as_str().unwrap() {
            // ceil(p × n / 100) in whole numbers.
            "percent" => {
                let p = req["value"].as_f64().unwrap() as usize;
                (p * n).div_ceil(100)
            }
            "count" => req["value"].as_u64().unwrap() as usize,
            "more" => scope(&was).1 + req["value"].as_u64().unwrap() as usize,
            other => panic!("{other}"),
        };
        if n == 0 {
            assert!(s["required"].is_null() && s["met"].is_null(), "{t}");
            continue;
        }
        assert_eq!(s["required"], required, "{t}");
        assert_eq!(s["short"], required.saturating_sub(k), "{t}");
        assert_eq!(s["met"], k >= required, "{t}");
        // The closest are below the star, highest star first.
        let closest: Vec<u64> = s["closest"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["stars"].as_u64().unwrap())
            .collect();
        assert!(closest.iter().all(|c| *c < stars));
        assert!(closest.windows(2).all(|w| w[0] >= w[1]));
        assert_eq!(closest.len(), (n - k).min(10));
    }
    // The fixture's own figures, as docs/rounds.md works them: 5 counties,
    // 2 at 3★ or above; 80% of 5 is 4, so 2 more are needed.
    let c3 = standings
        .iter()
        .find(|s| s["target"]["id"] == "2022-counties-3")
        .unwrap();
    assert_eq!(
        (c3["entities"].as_u64(), c3["at_or_above"].as_u64()),
        (Some(5), Some(2))
    );
    assert_eq!(c3["required"], 4);
    assert_eq!(c3["short"], 2);
    let more = standings
        .iter()
        .find(|s| s["target"]["id"] == "jia-one-more-3")
        .unwrap();
    assert_eq!(more["baseline_at_or_above"], 1);
    assert_eq!(more["required"], 2);
    assert_eq!(more["sourced"], false);
}

#[test]
fn a_more_target_without_a_baseline_says_it_cannot_judge() {
    let dir = rounds();
    std::fs::write(
        dir.path().join("more.toml"),
        "name = \"more\"\ntitle_zh = \"x\"\ntitle_en = \"x\"\n\n[[target]]\nid = \"m\"\nyear = 2026\nlevel = \"county\"\ncity = \"甲市\"\nstars = 3\nmore = 1\ntext_zh = \"多一个\"\ntext_en = \"one more\"\n",
    )
    .unwrap();
    let v = json(
        dir.path(),
        &[
            "2026",
            "--targets",
            "more.toml",
            "--targets",
            "jining-2023-23",
        ],
    );
    let s = &v["summary"]["province"]["targets"];
    assert_eq!(s[0]["target"]["id"], "m");
    assert_eq!(s[0]["entities"], 3);
    assert!(s[0]["required"].is_null() && s[0]["met"].is_null());
    // The fixture has no county of 济宁市: nothing in scope, nothing judged.
    for k in 1..4 {
        assert_eq!(s[k]["entities"], 0);
        assert!(s[k]["required"].is_null() && s[k]["met"].is_null());
    }
    assert!(v["summary"]["province"].get("rounds").is_none());
    let out = citystar()
        .env("COLUMNS", "200")
        .current_dir(dir.path())
        .args(["assess", "2026", "--draws", "0", "--targets", "more.toml"])
        .args(["--targets", "jining-2023-23"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("needs --baseline"), "{text}");
    assert!(
        text.contains("no entity of this scope in the batch"),
        "{text}"
    );
    assert!(text.contains("own (provisional)"), "{text}");
}

#[test]
fn without_baseline_or_targets_the_output_is_as_before() {
    let dir = rounds();
    let v = json(dir.path(), &["2026"]);
    assert!(v["summary"].get("province").is_none());
    assert!(
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("progress").is_none())
    );
}

#[test]
fn a_baseline_with_nothing_to_assess_is_an_error_in_the_readers_language() {
    let dir = rounds();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for (lang, words) in [("C", "no previous round"), ("zh_CN.UTF-8", "上一轮")] {
        let out = citystar()
            .env("LANG", lang)
            .current_dir(dir.path())
            .args(["assess", "2026", "--baseline", "empty"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
}

#[test]
fn reports_are_never_written_into_the_baseline() {
    let dir = rounds();
    let out = citystar()
        .current_dir(dir.path())
        .args([
            "assess",
            "2026",
            "--baseline",
            "2025",
            "--report-dir",
            "2025/reports",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("2025/reports").exists());
}

#[test]
fn the_summary_workbook_has_the_province_sheet() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = rounds();
    let out = citystar()
        .current_dir(dir.path())
        .args([
            "assess",
            "2026",
            "--baseline",
            "2025",
            "--targets",
            "shandong-2020-136",
            "--draws",
            "0",
            "--report-dir",
            "reports",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("reports/summary.xlsx")).unwrap();
    assert!(wb.sheet_names().contains(&"Province".to_string()));
    let sheet = wb.worksheet_range("Province").unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    for want in [
        "Province view",
        "甲市",
        "乙市",
        "Stars: now and baseline",
        "Progress to targets",
        "2025-counties-4",
    ] {
        assert!(
            cells.iter().any(|c| c == want),
            "no {want} in the Province sheet"
        );
    }
    // Counties in all: 5 (the repeated 乙一县 counted once).
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let k = rows.iter().position(|r| r[0] == "counties (5)").unwrap();
    let all = rows[k..].iter().find(|r| r[0] == "All").unwrap();
    assert_eq!(all[1], "5");
}

#[test]
fn targets_list_show_and_lint() {
    let out = citystar().args(["targets", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("shandong-2020-136") && text.contains("jining-2023-23"));
    let out = citystar()
        .args(["targets", "show", "shandong-2020-136", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["document"], "鲁政办字〔2020〕136号");
    assert_eq!(v["sourced"], true);
    // Every shipped target is sourced and says where.
    let out = citystar()
        .args(["targets", "list", "--format", "json"])
        .output()
        .unwrap();
    let files: Value = serde_json::from_slice(&out.stdout).unwrap();
    for f in files.as_array().unwrap() {
        assert_eq!(f["sourced"], true);
        for t in f["targets"].as_array().unwrap() {
            let s = t["sources"].as_array().unwrap();
            assert!(
                !s.is_empty() && s.iter().all(|a| a.as_str().unwrap().starts_with("http")),
                "{t}"
            );
        }
    }
    for (name, _) in citystar::rounds::targets::FILES {
        citystar()
            .args(["targets", "lint", &format!("standards/targets/{name}.toml")])
            .assert()
            .code(0);
    }
    // A file with problems: every one at its line, exit 2.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "name = \"bad\"\ntitle_zh = \"x\"\ntitle_en = \"x\"\nsourced = true\n\n[[target]]\nid = \"a\"\nyear = 2025\nlevel = \"province\"\nstars = 4\npercent = 60\ncount = 3\ntext_zh = \"x\"\ntext_en = \"x\"\ncolour = 1\n",
    )
    .unwrap();
    let out = citystar()
        .arg("targets")
        .arg("lint")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(":9:") && text.contains("province"), "{text}");
    assert!(
        text.contains("exactly one of `percent`, `count` or `more`"),
        "{text}"
    );
    assert!(text.contains("unknown key `colour`"), "{text}");
    // --targets with an unknown name stops before anything is assessed.
    let out = citystar()
        .args(["assess", "sample-submissions", "--targets", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("shandong-2020-136"));
}

/// The rounds and targets output at 80 columns in both languages: no line
/// wider (web addresses aside), and Chinese output without English words
/// but codes, ids and names.
#[test]
fn rounds_output_fits_80_columns_in_both_languages() {
    let dir = rounds();
    let runs: [&[&str]; 4] = [
        &[
            "assess",
            "2026",
            "--baseline",
            "2025",
            "--targets",
            "shandong-2020-136",
            "--targets",
            "jining-2023-23",
            "--draws",
            "0",
        ],
        &["targets", "list"],
        &["targets", "show", "shandong-2020-136"],
        &["targets", "show", "jining-2023-23"],
    ];
    for lang in ["zh_CN.UTF-8", "C"] {
        for args in runs {
            let out = citystar()
                .env("LANG", lang)
                .env("COLUMNS", "80")
                .current_dir(dir.path())
                .args(args)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            for line in text.lines().filter(|l| !l.contains("://")) {
                assert!(
                    line.width() <= 80,
                    "{args:?} {lang}: {}:\n{line}",
                    line.width()
                );
            }
            if lang == "C" {
                // Chinese only as data: names, 所属地市, document numbers, terms.
                let mut t = text.to_string();
                for e in gen_rounds::ENTRIES {
                    t = t.replace(e.name, "").replace(e.parent, "");
                }
                for d in [
                    "鲁政办字〔2020〕136号",
                    "济政办字〔2023〕23号",
                    "行政区划代码",
                    "一号认证",
                    "济宁市",
                    "市级",
                    "县级",
                    "智慧社区",
                ] {
                    t = t.replace(d, "");
                }
                let han: String = t
                    .chars()
                    .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                    .collect();
                assert!(han.is_empty(), "{args:?}: Chinese in English output: {han}");
            } else {
                for w in [
                    "Since", "baseline", "target", "closest", "plan", "Province", "matched",
                    "source:",
                ] {
                    assert!(
                        !text.contains(w),
                        "{args:?}: English `{w}` in Chinese output"
                    );
                }
            }
        }
    }
}

/// Two rounds rated under different editions: said, and only the indicators
/// both have are compared.
#[test]
fn different_editions_are_said_and_only_shared_indicators_compared() {
    use citystar::assess::{Options, assess};
    use citystar::rounds::{MatchedBy, ProgressNote, Snapshot, compare};
    let old = crate::assess::tiny();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/tiny-city.toml"
    ))
    .unwrap();
    // The new edition drops the bonus area (dimension X and its indicator X01).
    let start = text.find("[[dimension]]\ncode = \"X\"").unwrap();
    let end = text[start..].find("[[indicator]]").unwrap() + start;
    let mut cut = format!("{}{}", &text[..start], &text[end..]);
    let start = cut.find("[[indicator]]\ncode = \"X01\"").unwrap();
    let end = cut[start..].find("[[rating]]").unwrap() + start;
    cut = format!("{}{}", &cut[..start], &cut[end..]);
    let new = citystar::standard::load_str(
        &cut.replace("edition = \"test\"", "edition = \"test-2\""),
        "tiny-city-2.toml",
    )
    .unwrap();
    let sub = crate::assess::example();
    let opts = Options {
        draws: 0,
        ..Options::default()
    };
    let then = assess(&old, &sub, &opts);
    let now = assess(&new, &sub, &opts);
    assert_eq!(then.indicators.len(), 4);
    assert_eq!(now.indicators.len(), 3);
    let p = compare(&Snapshot::of(&then), &now, MatchedBy::DivisionCode);
    let codes: Vec<&str> = p.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["A01", "A02", "B01"]);
    assert!(p.dimensions.iter().all(|d| d.code != "X"));
    assert!(p.notes.iter().any(|n| matches!(
        n,
        ProgressNote::DifferentStandard {
            indicators_compared: 3,
            indicators_then: 4,
            indicators_now: 3,
            ..
        }
    )));
    // The same values: nothing changed among what both have.
    assert!(
        p.indicators
            .iter()
            .all(|i| i.change == Some(0.0) || i.change.is_none())
    );
    assert!(p.fell_back.is_empty());
    // The province view names the entity.
    let mut now = now;
    now.progress = Some(p);
    let b = citystar::rounds::Baseline::new(vec!["2025".into()], vec![then.clone()], Vec::new());
    let view = citystar::rounds::province(&[citystar::rounds::Row::of(&now)], Some(&b), &[]);
    assert_eq!(
        view.rounds.unwrap().different_standard,
        vec![now.file.clone()]
    );
    // One edition: no note.
    let same = compare(&Snapshot::of(&then), &then, MatchedBy::DivisionCode);
    assert!(same.notes.is_empty());
    assert_eq!(same.score_change, 0.0);
}

/// One name in two cities is two entities: never matched across cities, never
/// called a duplicate; one code given twice in the baseline is.
#[test]
fn names_are_matched_within_their_city_and_duplicates_are_not_matched() {
    use citystar::assess::{Options, assess};
    use citystar::rounds::{Baseline, MatchedBy};
    let std = crate::assess::tiny();
    let opts = Options {
        draws: 0,
        ..Options::default()
    };
    let entity = |file: &str, parent: &str, code: &str| {
        let mut s = crate::assess::example();
        s.file = file.into();
        s.entity.name = "市中区".into();
        s.entity.parent = parent.into();
        s.entity.division_code = code.into();
        assess(&std, &s, &opts)
    };
    let b = Baseline::new(
        vec!["2025".into()],
        vec![
            entity("2025/a.xlsx", "甲市", ""),
            entity("2025/b.xlsx", "乙市", ""),
            entity("2025/c.xlsx", "丙市", "379301"),
            entity("2025/d.xlsx", "丙市", "379301"),
        ],
        Vec::new(),
    );
    assert_eq!(
        b.duplicates(),
        vec![vec!["2025/c.xlsx".to_string(), "2025/d.xlsx".to_string()]]
    );
    let (then, by) = b.find(&entity("2026/b.xlsx", "乙", "379201")).unwrap();
    assert_eq!(
        (then.file.as_str(), by),
        ("2025/b.xlsx", MatchedBy::NameAndLevel)
    );
    assert!(b.find(&entity("2026/x.xlsx", "丁市", "")).is_none());
    // The code given twice in the baseline: matched with neither.
    assert!(b.find(&entity("2026/c.xlsx", "丙市", "379301")).is_none());
}

/// Where a review was applied, the province view, the targets and the
/// progress count the verified rating, as the ranking does: the review
/// fixture (tests/review) is 4★ 88.00 self-reported and 3★ 72.00 verified,
/// and is its own baseline here (self-reported then, verified now).
#[test]
fn the_province_view_targets_and_progress_count_the_verified_rating() {
    let out = citystar()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["assess", "--format", "json", "--draws", "0"])
        .args(["--standard", "tests/data/review-city.toml"])
        .arg("tests/fixtures/review/示例市")
        .args([
            "--review",
            "tests/fixtures/review/示例市.openpyxl.review.xlsx",
        ])
        .args(["--baseline", "tests/fixtures/review/示例市"])
        .args(["--targets", "shandong-2020-136"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["entities"][0];
    assert_eq!(
        (e["stars"].as_u64(), e["score"].as_f64()),
        (Some(4), Some(88.0))
    );
    let verified = &e["review"]["verified"];
    assert_eq!(
        (verified["stars"].as_u64(), verified["score"].as_f64()),
        (Some(3), Some(72.0))
    );
    let s = &v["summary"];
    assert_eq!(s["ranking"][0]["stars"], 3);
    assert_eq!(s["ranking"][0]["verified"], true);
    // The counts: one city, at 3★ (not at 4★).
    let city = &s["province"]["levels"][0];
    assert_eq!(city["level"], "city");
    assert_eq!(city["at"], serde_json::json!([0, 0, 0, 1, 0, 0]));
    // The targets: every city at 3★ or above holds, at 4★ or above does not.
    let target = |id: &str| {
        s["province"]["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["target"]["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(target("2022-cities-3")["at_or_above"], 1);
    assert_eq!(target("2025-cities-4")["at_or_above"], 0);
    assert_eq!(target("2025-cities-4")["entities"], 1);
    // The progress and the movers: then self-reported 4★ 88.00, now verified 3★ 72.00.
    let p = &e["progress"];
    assert_eq!(
        (p["stars_then"].as_u64(), p["stars_now"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(
        (p["score_then"].as_f64(), p["score_now"].as_f64()),
        (Some(88.0), Some(72.0))
    );
    let down = &s["province"]["rounds"]["down"];
    assert_eq!(down.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            down[0]["stars_then"].as_u64(),
            down[0]["stars_now"].as_u64()
        ),
        (Some(4), Some(3))
    );
}

/// The Excel report of an entity compared with its baseline has a progress
/// sheet whose figures, read back, are the JSON's: total and stars then and
/// now, each dimension, every indicator whose stars changed, last round's
/// plan steps.
#[test]
fn the_excel_report_has_a_progress_sheet_with_the_json_figures() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let d = rounds();
    let v = json(d.path(), &["2026", "--baseline", "2025"]);
    for (lang, sheet) in [("en", "Progress"), ("zh", "进展")] {
        let out = citystar()
            .current_dir(d.path())
            .args([
                "assess",
                "2026",
                "--draws",
                "0",
                "--baseline",
                "2025",
                "--lang",
                lang,
            ])
            .args([
                "--report-format",
                "xlsx",
                "--report-dir",
                &format!("x-{lang}"),
            ])
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1));
        for stem in ["city-jia", "county-jia2"] {
            let e = by_file(&v, &format!("2026/{stem}.xlsx"));
            let p = &e["progress"];
            let mut wb: Xlsx<_> =
                open_workbook(d.path().join(format!("x-{lang}/{stem}.xlsx"))).unwrap();
            let r = wb.worksheet_range(sheet).unwrap();
            let rows: Vec<Vec<Data>> = r.rows().map(|r| r.to_vec()).collect();
            let label = |row: &[Data]| match &row[0] {
                Data::String(s) => s.clone(),
                _ => String::new(),
            };
            let num = |row: &[Data], k: usize| {
                row.get(k).and_then(|c| match c {
                    Data::Float(x) => Some(*x),
                    Data::Int(x) => Some(*x as f64),
                    _ => None,
                })
            };
            let row_of = |start: &str| {
                rows.iter()
                    .find(|r| {
                        let l = label(r);
                        l == start.trim_end() || (start.ends_with(' ') && l.starts_with(start))
                    })
                    .unwrap_or_else(|| panic!("{lang} {stem}: no row {start}"))
            };
            let total = row_of(if lang == "zh" { "总分" } else { "Total" });
            assert_eq!(num(total, 1), p["score_then"].as_f64());
            assert_eq!(num(total, 2), p["score_now"].as_f64());
            assert_eq!(num(total, 3), p["score_change"].as_f64());
            let stars = row_of(if lang == "zh" { "星级" } else { "Stars" });
            assert_eq!(num(stars, 1), p["stars_then"].as_f64());
            assert_eq!(num(stars, 2), p["stars_now"].as_f64());
            for dim in p["dimensions"].as_array().unwrap() {
                if dim["score_then"].is_null() && dim["score_now"].is_null() {
                    continue;
                }
                let row = row_of(&format!("{} ", dim["code"].as_str().unwrap()));
                assert_eq!(num(row, 1), dim["score_then"].as_f64());
                assert_eq!(num(row, 2), dim["score_now"].as_f64());
            }
            let changed: Vec<&Value> = p["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["stars_then"] != i["stars_now"])
                .collect();
            assert!(!changed.is_empty());
            for i in changed {
                let row = row_of(&format!("{} ", i["code"].as_str().unwrap()));
                // The cell holds the f64 as computed; the JSON writes it rounded.
                let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                    (a, b) => a == b,
                };
                let code = &i["code"];
                assert!(
                    close(num(row, 1), i["value_then"].as_f64()),
                    "{lang} {stem} {code}"
                );
                assert!(
                    close(num(row, 2), i["value_now"].as_f64()),
                    "{lang} {stem} {code}"
                );
                assert_eq!(num(row, 5), i["stars_then"].as_f64());
                assert_eq!(num(row, 6), i["stars_now"].as_f64());
            }
            if let Some(plan) = p["plan"].as_object() {
                let n = plan["steps"].as_array().unwrap().len();
                let held = plan["carried_out"].as_u64().unwrap();
                let title = if lang == "zh" {
                    format!("{n} 步中 {held} 步已落实")
                } else {
                    format!("{held} of {n} steps hold")
                };
                assert!(
                    rows.iter().any(|r| label(r).contains(&title)),
                    "{lang} {stem}: {title}"
                );
            }
        }
    }
    // Without a baseline there is no such sheet.
    let out = citystar()
        .current_dir(d.path())
        .args([
            "assess",
            "2026/city-jia.xlsx",
            "--draws",
            "0",
            "--report",
            "alone.xlsx",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1));
    let wb: Xlsx<_> = open_workbook(d.path().join("alone.xlsx")).unwrap();
    assert!(!wb.sheet_names().contains(&"Progress".to_string()));
}
