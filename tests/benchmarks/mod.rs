//! Benchmarks: the shipped files, the loader's problems, gap analysis, cohorts
//! and the `benchmarks` commands.

use assert_cmd::Command;
use citystar::Lang;
use citystar::benchmark::{
    self, Benchmark, Bound, Catalog, CohortStatistic, ValueOrigin, analyse, embedded,
};
use citystar::render::gaps::not_compared_line;
use citystar::standard::{self, Standard};
use indexmap::IndexMap;

fn gap_standard() -> Standard {
    let text = std::fs::read_to_string("tests/data/gap-city.toml").unwrap();
    standard::load_str(&text, "gap-city.toml").unwrap()
}

fn peer() -> benchmark::BenchmarkFile {
    let text = std::fs::read_to_string("tests/data/peer-benchmark.toml").unwrap();
    benchmark::load_str(&text, "peer-benchmark.toml", None).unwrap()
}

fn values(pairs: &[(&str, Option<f64>)]) -> IndexMap<String, Option<f64>> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// The total as the stars method scores it, missing values at 0 (what the
/// assessment's `total_if` would compute for this standard).
fn total(s: &Standard, v: &IndexMap<String, Option<f64>>) -> f64 {
    s.dimension
        .iter()
        .filter_map(|d| {
            let w = d.weight?;
            let mut sum = 0.0;
            let mut ws = 0.0;
            for i in s.indicators_of(&d.code).filter(|i| i.role.is_weighted()) {
                let iw = i.weight.unwrap_or(0.0);
                ws += iw;
                if let Some(x) = v.get(&i.code).copied().flatten() {
                    sum += iw * s.indicator_score(i, x);
                }
            }
            Some(w * sum / ws / 100.0)
        })
        .sum()
}

fn own() -> IndexMap<String, Option<f64>> {
    values(&[
        ("ZF-01", Some(85.0)),
        ("ZF-02", None),
        ("ZF-03", Some(75.0)),
        ("ZF-04", Some(65.0)),
        ("JC-01", Some(12.0)),
        ("JC-09", Some(10.0)),
        ("JJ-02", Some(35.0)),
    ])
}

#[test]
fn gap_analysis_matches_the_hand_computation() {
    let s = gap_standard();
    let mine = own();
    let t = total(&s, &mine);
    // ZF 48, JC 46, JJ 40 → 0.5×48 + 0.3×46 + 0.2×40.
    assert!((t - 45.8).abs() < 1e-9, "{t}");
    let total_if = |code: &str, x: f64| {
        let mut v = mine.clone();
        v.insert(code.to_string(), Some(x));
        total(&s, &v)
    };
    let bench = Benchmark::from_file(&peer());
    let g = analyse(&s, &mine, t, &bench, &total_if);

    assert_eq!(g.benchmark, "peer");
    let rows: Vec<_> = g
        .indicators
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.own,
                r.benchmark,
                r.gap,
                r.relative_gap,
                r.own_stars,
                r.benchmark_stars,
                r.points_at_stake,
                r.next_star.as_ref().map(|n| (n.stars, n.requirement)),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // JC at 88 → 24 + 26.4 + 8 = 58.4.
            (
                "JC-01",
                Some(12.0),
                26.0,
                14.0,
                Some(0.5385),
                2,
                5,
                12.6,
                Some((3, Some(15.0)))
            ),
            // ZF at 64 → 53.8.
            (
                "ZF-04",
                Some(65.0),
                95.0,
                30.0,
                Some(0.3158),
                1,
                5,
                8.0,
                Some((2, Some(70.0)))
            ),
            // ZF at 56 → 49.8; tie with ZF-02 broken by code.
            (
                "ZF-01",
                Some(85.0),
                90.0,
                5.0,
                Some(0.0556),
                3,
                4,
                4.0,
                Some((4, Some(90.0)))
            ),
            // Missing: the gap is the whole benchmark value (the 2019 figure, not 2018's).
            (
                "ZF-02",
                None,
                68.8,
                68.8,
                Some(1.0),
                0,
                2,
                4.0,
                Some((1, Some(50.0)))
            ),
        ]
    );
    assert_eq!(g.indicators[2].bound, Some(Bound::Above));
    assert_eq!(
        g.indicators[2].next_star.as_ref().unwrap().requirement_en,
        "Share of items that can be handled online"
    );
    match &g.indicators[0].origin {
        ValueOrigin::Figure {
            entity,
            year,
            source,
            ..
        } => {
            assert_eq!(entity.as_deref(), Some("某市"));
            assert_eq!(*year, 2022);
            assert_eq!(source, &vec!["https://example.org/e".to_string()]);
        }
        o => panic!("{o:?}"),
    }
    assert!(matches!(
        g.indicators[3].origin,
        ValueOrigin::Figure {
            derived: true,
            year: 2019,
            ..
        }
    ));

    let dims: Vec<_> = g
        .dimensions
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.own_score,
                d.benchmark_score,
                d.gap,
                d.shared,
                d.weighted,
            )
        })
        .collect();
    assert_eq!(
        dims,
        vec![
            // ZF-01 (40) and ZF-04 (20): (40×60 + 20×20)/60 vs (40×80 + 20×100)/60.
            ("ZF", Some(46.67), Some(86.67), Some(40.0), 2, 4),
            ("JC", Some(40.0), Some(100.0), Some(60.0), 1, 2),
            ("JJ", None, None, None, 0, 1),
        ]
    );
    assert_eq!(g.dimensions[0].indicators, vec!["ZF-01", "ZF-04"]);

    let nc: Vec<_> = g
        .not_compared
        .iter()
        .map(|n| (n.indicator.as_str(), n.why.as_str()))
        .collect();
    assert_eq!(
        nc,
        vec![
            ("ZF-03", "实现率 is not 实际网办比例"),
            ("JJ-01", "no indicator JJ-01 in standard gap-city"),
        ]
    );
    assert!(g.indicators.iter().all(|r| r.code != "ZF-03"));

    // The JSON shape documented in docs/benchmarks.md.
    let json = serde_json::to_value(&g).unwrap();
    let first = &json["indicators"][0];
    assert_eq!(first["code"], "JC-01");
    assert_eq!(first["points_at_stake"], 12.6);
    assert_eq!(first["origin"]["from"], "figure");
    assert_eq!(json["indicators"][2]["bound"], "above");
    assert_eq!(json["indicators"][3]["own"], serde_json::Value::Null);
    assert_eq!(json["dimensions"][0]["shared"], 2);
    assert_eq!(json["not_compared"][0]["why"], "实现率 is not 实际网办比例");

    // The peer file gives no `why_zh`: Chinese output falls back to the
    // English. A reason the analysis finds itself comes in both languages.
    assert_eq!(g.not_compared[0].why_zh, None);
    assert_eq!(
        g.not_compared[0].why(Lang::Zh),
        "实现率 is not 实际网办比例"
    );
    assert_eq!(
        g.not_compared[1].why(Lang::Zh),
        "标准 gap-city 中没有指标 JJ-01"
    );
    assert_eq!(json["not_compared"][0].get("why_zh"), None);
    assert_eq!(
        json["not_compared"][1]["why_zh"],
        "标准 gap-city 中没有指标 JJ-01"
    );
    let zh = not_compared_line(&g, Lang::Zh).unwrap();
    assert!(
        zh.contains("JJ-01 数字经济核心产业增加值占GDP比重（标准 gap-city 中没有指标 JJ-01）"),
        "{zh}"
    );
    let en = not_compared_line(&g, Lang::En).unwrap();
    assert!(
        en.contains("(no indicator JJ-01 in standard gap-city)"),
        "{en}"
    );
}

#[test]
fn ahead_of_the_benchmark_gives_a_negative_gap_and_nothing_at_stake() {
    let s = gap_standard();
    let mine = values(&[("JC-01", Some(30.0)), ("JC-09", Some(1.0))]);
    let other = values(&[("JC-01", Some(20.0)), ("JC-09", Some(4.0))]);
    let bench = Benchmark::entity("neighbour", &s, &other);
    let t = total(&s, &mine);
    let g = analyse(&s, &mine, t, &bench, &|code, x| {
        let mut v = mine.clone();
        v.insert(code.into(), Some(x));
        total(&s, &v)
    });
    let jc01 = g.indicators.iter().find(|r| r.code == "JC-01").unwrap();
    assert_eq!((jc01.gap, jc01.points_at_stake), (-10.0, 0.0));
    // Lower is better: own 1 h against 4 h is 3 h ahead.
    let jc09 = g.indicators.iter().find(|r| r.code == "JC-09").unwrap();
    assert_eq!((jc09.gap, jc09.relative_gap), (-3.0, Some(-0.75)));
    assert_eq!((jc09.own_stars, jc09.benchmark_stars), (5, 4));
    assert!(jc09.next_star.is_none());
    assert!(matches!(&jc09.origin, ValueOrigin::Entity { name } if name == "neighbour"));
}

#[test]
fn cohort_median_and_top_quartile_in_each_direction() {
    let s = gap_standard();
    let batch = vec![
        values(&[
            ("JC-01", Some(40.0)),
            ("JC-09", Some(10.0)),
            ("ZF-01", Some(80.0)),
        ]),
        values(&[
            ("JC-01", Some(10.0)),
            ("JC-09", Some(40.0)),
            ("ZF-01", Some(90.0)),
        ]),
        values(&[
            ("JC-01", Some(30.0)),
            ("JC-09", Some(20.0)),
            ("ZF-01", Some(70.0)),
        ]),
        values(&[("JC-01", Some(20.0)), ("JC-09", Some(30.0))]),
        values(&[("JC-01", None)]),
    ];
    let c = Benchmark::cohort("round 1", &s, &batch);
    let get = |b: &Benchmark, code: &str| b.values.get(code).map(|v| v.value);
    // 10, 20, 30, 40: median 25; 75th percentile 32.5; 25th 17.5.
    assert_eq!(get(&c.median, "JC-01"), Some(25.0));
    assert_eq!(get(&c.top_quartile, "JC-01"), Some(32.5));
    assert_eq!(get(&c.median, "JC-09"), Some(25.0));
    assert_eq!(get(&c.top_quartile, "JC-09"), Some(17.5), "lower is better");
    // 70, 80, 90: median 80, 75th percentile 85.
    assert_eq!(get(&c.median, "ZF-01"), Some(80.0));
    assert_eq!(get(&c.top_quartile, "ZF-01"), Some(85.0));
    assert_eq!(get(&c.median, "JJ-02"), None, "no entity has it");
    assert_eq!(c.median.name, "round 1 (median)");
    assert_eq!(c.top_quartile.name, "round 1 (top quartile)");
    assert!(matches!(
        c.top_quartile.values["JC-01"].origin,
        ValueOrigin::Cohort {
            statistic: CohortStatistic::TopQuartile,
            n: 4
        }
    ));
    assert_eq!(c.median.values["JC-01"].unit, "个/万人");
}

#[test]
fn shipped_figures_have_a_source_address_and_a_year() {
    let files = embedded::all(Some(&Catalog::reference())).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        [
            "zhejiang",
            "shanghai",
            "beijing",
            "guangdong",
            "jiangsu",
            "shandong"
        ]
    );
    for f in &files {
        assert_eq!(f.origin, format!("embedded:{}.toml", f.name));
        assert!(!f.figures.is_empty(), "{}", f.name);
        for (i, g) in f.figures.iter().enumerate() {
            let at = format!("{} figure #{}", f.name, i + 1);
            assert!((2010..=2025).contains(&g.year), "{at}: year {}", g.year);
            assert!(!g.source.is_empty(), "{at}");
            for s in &g.source {
                assert!(
                    s.starts_with("http://") || s.starts_with("https://"),
                    "{at}: source {s}"
                );
            }
            assert!(!g.definition.is_empty(), "{at}");
            // Both languages: every note and reason has its Chinese.
            let zh = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let def_zh = g.definition_zh.as_deref().unwrap_or_default();
            assert!(zh(def_zh), "{at}: definition_zh {def_zh:?}");
            assert_eq!(g.why.is_some(), g.why_zh.is_some(), "{at}: why_zh");
            if let Some(w) = &g.why_zh {
                assert!(zh(w), "{at}: why_zh {w:?}");
            }
            if g.derived {
                assert!(!g.inputs.is_empty(), "{at}");
            }
            if g.indicator.is_some() && !g.comparable {
                assert!(g.why.is_some(), "{at}");
            }
        }
    }
}

#[test]
fn shipped_figures_match_the_published_definitions() {
    let file = |n: &str| embedded::find(n, None).unwrap().unwrap();
    // Hangzhou's 网上办事实现率 is not our 网上可办率.
    let zj = file("zhejiang");
    let hz = zj
        .figures
        .iter()
        .find(|g| g.metric_zh == "网上办事实现率")
        .unwrap();
    assert_eq!(
        (hz.indicator.as_deref(), hz.comparable, hz.entity.as_deref()),
        (Some("ZF-01"), false, Some("杭州市"))
    );
    assert_eq!(hz.value, 98.34);
    // Shandong's 网上可办率 was published as “above 90%”.
    let sd = Benchmark::from_file(&file("shandong"));
    let zf01 = &sd.values["ZF-01"];
    assert_eq!((zf01.value, zf01.bound), (90.0, Some(Bound::Above)));
    // Shanghai's 实际办件网办比例 is ZF-03, never ZF-01.
    let sh = Benchmark::from_file(&file("shanghai"));
    assert_eq!(sh.values["ZF-03"].value, 70.0);
    assert!(!sh.values.contains_key("ZF-01"));
    assert!(sh.not_compared.iter().any(|n| n.indicator == "ZF-01"));
    // Beijing's latest 5G density is mid-2024's.
    let bj = Benchmark::from_file(&file("beijing"));
    assert_eq!(bj.values["JC-01"].value, 55.0);
    // Guangdong's IPv6 development index is context only.
    assert!(Benchmark::from_file(&file("guangdong")).values.is_empty());
}

#[test]
fn shipped_figures_use_codes_of_the_embedded_standards_once_they_define_them() {
    for s in standard::embedded::all().unwrap() {
        if s.level() == standard::Level::Community {
            continue;
        }
        let defined = benchmark::REFERENCE_CODES
            .iter()
            .all(|(code, _)| s.indicator(code).is_some());
        if !defined {
            // The placeholder standards do not define the codes yet; the
            // reference-list test above checks them meanwhile.
            eprintln!("{}: reference codes not defined yet, skipped", s.id());
            continue;
        }
        embedded::all(Some(&Catalog::of(&s))).unwrap_or_else(|e| panic!("{e}"));
    }
}

const BROKEN: &str = r#"format = 1

[benchmark]
name = "broken"
kind = "province"
name_zh = "坏"
name_en = "Broken"

[[figure]]
indicator = "ZF-99"
metric_zh = "x"
metric_en = "x"
value = 1
unit = "%"
year = 2020
definition = "d"
source = "https://example.org"
comparable = true

[[figure]]
indicator = "JC-01"
metric_zh = "x"
metric_en = "x"
value = 1
unit = "个"
definition = "d"
comparable = false
colour = "red"
"#;

#[test]
fn a_broken_benchmark_file_reports_every_problem_at_its_line() {
    let e = benchmark::load_str(BROKEN, "broken.toml", Some(&Catalog::reference())).unwrap_err();
    let got: Vec<_> = e
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.code.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (10, 14, "unknown-indicator"),
            (20, 1, "missing-key"), // year
            (20, 1, "missing-key"), // source
            (25, 9, "unit-mismatch"),
            (27, 14, "missing-why"),
            (28, 1, "unknown-key"),
        ],
        "{e}"
    );
    let text = e.to_string();
    assert!(text.contains("broken.toml:10:14: [unknown-indicator] no indicator `ZF-99`"));
    assert!(text.contains("needs `year`") && text.contains("needs `source`"));
    assert!(text.contains("unit \"个\" differs from JC-01's unit \"个/万人\""));
}

const BILINGUAL: &str = r#"format = 1

[benchmark]
name = "two"
kind = "city"
name_zh = "双语"
name_en = "Two"

[[figure]]
indicator = "ZF-01"
metric_zh = "x"
metric_en = "x"
value = 1
unit = "%"
year = 2020
definition = "d"
definition_zh = "定义"
source = "https://example.org"
comparable = false
why = "w"
why_zh = "原因"

[[figure]]
indicator = "ZF-02"
metric_zh = "y"
metric_en = "y"
value = 2
unit = "%"
year = 2020
definition = "only English"
source = "https://example.org"
comparable = false
why = "English reason"
"#;

#[test]
fn chinese_notes_are_read_and_optional_in_a_users_file() {
    let f = benchmark::load_str(BILINGUAL, "two.toml", Some(&Catalog::reference())).unwrap();
    let (a, b) = (&f.figures[0], &f.figures[1]);
    assert_eq!(
        (a.definition(Lang::Zh), a.definition(Lang::En)),
        ("定义", "d")
    );
    assert_eq!(
        (a.why(Lang::Zh), a.why(Lang::En)),
        (Some("原因"), Some("w"))
    );
    // Without the Chinese, the English is shown.
    assert_eq!(b.definition(Lang::Zh), "only English");
    assert_eq!(b.why(Lang::Zh), Some("English reason"));
    let nc = Benchmark::from_file(&f).not_compared;
    assert_eq!(
        (nc[0].why(Lang::Zh), nc[1].why(Lang::Zh)),
        ("原因", "English reason")
    );
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(json["figures"][0]["definition_zh"], "定义");
    assert_eq!(json["figures"][0]["why_zh"], "原因");
    assert_eq!(json["figures"][1].get("definition_zh"), None);

    // `why_zh` needs the English `why`; blank Chinese is empty; other keys
    // are still unknown.
    let text = BILINGUAL.replace("why = \"w\"\n", "").replace(
        "definition = \"only English\"",
        "definition = \"e\"\ndefinition_zh = \" \"\nwhy_en = \"x\"",
    );
    let e = benchmark::load_str(&text, "two.toml", None).unwrap_err();
    let got: Vec<_> = e
        .problems
        .iter()
        .map(|p| (p.line, p.code.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (19, "missing-why"),
            (20, "missing-why"),
            (30, "empty-value"),
            (31, "unknown-key"),
        ],
        "{e}"
    );
}

#[test]
fn toml_syntax_errors_are_problems_too() {
    let e = benchmark::load_str("format = 1\n[benchmark\n", "bad.toml", None).unwrap_err();
    assert_eq!(e.problems[0].code.as_str(), "toml-syntax");
    assert_eq!(e.problems[0].line, 2);
}

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn cli_list_in_chinese_and_english() {
    let zh = stdout(citystar().args(["benchmarks", "list", "--lang", "zh"]));
    assert!(zh.contains("浙江省") && zh.contains("可比指标") && zh.contains("直辖市"));
    assert!(zh.contains("ZF-05, JC-01, JJ-02, JJ-01"));
    let en = stdout(citystar().args(["benchmarks", "list", "--lang", "en"]));
    assert!(en.contains("Zhejiang") && en.contains("indicators compared"));
    assert!(en.contains("2014–2023"));
    let json: serde_json::Value = serde_json::from_str(&stdout(citystar().args([
        "benchmarks",
        "list",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json[0]["name"], "zhejiang");
    assert_eq!(json[5]["indicators"], serde_json::json!(["ZF-01", "ZF-02"]));
}

#[test]
fn cli_show_in_chinese_and_english() {
    let zh = stdout(citystar().args(["benchmarks", "show", "zhejiang", "--lang", "zh"]));
    assert!(zh.contains("网上办事实现率") && zh.contains("杭州市"));
    assert!(zh.contains("否：网上办事实现率"));
    assert!(zh.contains("https://www.hangzhou.gov.cn/art/2020/7/13/art_1229635971_59057341.html"));
    assert!(zh.contains("[推算]"));
    // The notes and reasons are in Chinese too.
    assert!(zh.contains("说明: 杭州市数据，统计范围为3373个事项。"));
    assert!(zh.contains("否：网上办事实现率不等同于网上可办率"));
    assert!(!zh.contains("Hangzhou, over") && !zh.contains("is not 网上可办率"));
    let en_zj = stdout(citystar().args(["benchmarks", "show", "zhejiang", "--lang", "en"]));
    assert!(en_zj.contains("definition: Hangzhou, over 3,373 items."));
    assert!(!en_zj.contains("杭州市数据"));
    let en = stdout(citystar().args(["benchmarks", "show", "shandong", "--lang", "en"]));
    assert!(en.contains("value: >90 %  (early 2023, Shandong)"));
    assert!(en.contains("compared: yes, with ZF-01"));
    let md = stdout(citystar().args(["benchmarks", "show", "beijing", "--format", "markdown"]));
    assert!(md.contains("| 1 | JC-01 |"));
    let json: serde_json::Value = serde_json::from_str(&stdout(citystar().args([
        "benchmarks",
        "show",
        "shanghai",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["figures"][0]["derived"], true);
}

#[test]
fn cli_show_a_users_file_checked_against_a_standard() {
    let out = stdout(citystar().args(["benchmarks", "show", "tests/data/peer-benchmark.toml"]));
    assert!(out.contains("peer — Sample city"));
    // JJ-01 is not an indicator of the gap-city standard.
    citystar()
        .args([
            "benchmarks",
            "show",
            "tests/data/peer-benchmark.toml",
            "--standard",
            "tests/data/gap-city.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "peer-benchmark.toml:82:14: [unknown-indicator] no indicator `JJ-01` in standard gap-city",
        ));
}

#[test]
fn cli_show_problems_and_unknown_names_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, BROKEN).unwrap();
    citystar()
        .args(["benchmarks", "show"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            ":28:1: [unknown-key] unknown key `colour`",
        ));
    citystar()
        .args(["benchmarks", "show", "atlantis"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("zhejiang, shanghai"));
}

#[test]
fn every_shipped_file_note_has_its_chinese() {
    for f in citystar::benchmark::embedded::all(None).unwrap() {
        if !f.note.is_empty() {
            assert!(
                !f.note_zh.is_empty(),
                "{} has a note without note_zh",
                f.name
            );
            assert_eq!(f.note(citystar::Lang::Zh), f.note_zh);
        }
    }
}

/// A derived figure's inputs in Chinese are shown under --lang zh, one for
/// each English input; a count that differs is a problem at its line.
#[test]
fn chinese_inputs_translate_the_inputs_one_for_one() {
    let text = std::fs::read_to_string("standards/benchmarks/shanghai.toml").unwrap();
    let f = benchmark::load_str(&text, "shanghai.toml", None).unwrap();
    let d = f.figures.iter().find(|f| f.derived).unwrap();
    assert_eq!(d.inputs(Lang::En), d.inputs.as_slice());
    assert_eq!(d.inputs(Lang::Zh).len(), d.inputs.len());
    assert!(d.inputs(Lang::Zh)[0].contains("全程网办能力"));
    let one = text.replace(
        r#"inputs_zh = ["具备全程网办能力的事项：1400项", "事项总数：2035项"]"#,
        r#"inputs_zh = ["具备全程网办能力的事项：1400项"]"#,
    );
    assert_ne!(one, text);
    let e = benchmark::load_str(&one, "shanghai.toml", None).unwrap_err();
    let got: Vec<_> = e
        .problems
        .iter()
        .map(|p| (p.line, p.code.as_str()))
        .collect();
    assert_eq!(got, vec![(25, "bad-value")], "{e}");
}
