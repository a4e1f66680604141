//! The renderers on a fixed in-memory submission: JSON and Markdown are
//! snapshot-tested; the terminal output is checked for what a person looks for.

use super::{example, tiny};
use citystar::Lang;
use citystar::assess::batch::{Unreadable, report};
use citystar::assess::{Options, PlanStatus, assess};
use citystar::diag::{Code, Diagnostic, Severity, Text};
use citystar::locale::Words;
use citystar::render::Renderer;
use citystar::render::{json::Json, markdown::Markdown, terminal::Terminal};

fn options() -> Options {
    Options {
        draws: 100,
        standard_sha256: Some("ab".repeat(32)),
        ..Options::default()
    }
}

/// The worked example plus a warning, and a second entity with an invalid
/// indicator (an error diagnostic), and one unreadable file.
fn batch() -> citystar::assess::batch::Report {
    let std = tiny();
    let mut first = example();
    first.diagnostics.push(Diagnostic {
        code: Code::NumeratorExceedsDenominator,
        severity: Severity::Warning,
        location: "指标填报!F5".into(),
        raw: Some("1234".into()),
        indicator: Some("A01".into()),
        message: Text::new("分子大于分母", "the numerator is above the denominator").into(),
        hint: Text::new("检查两个数", "check both numbers").into(),
    });
    let mut second = example();
    second.file = "samples/second-city.xlsx".into();
    second.sha256 = "1".repeat(64);
    second.entity.name = "第二市".into();
    second.diagnostics.push(Diagnostic {
        code: Code::FormulaNoCachedValue,
        severity: Severity::Error,
        location: "指标填报!F8".into(),
        raw: Some("=B1/B2".into()),
        indicator: Some("B01".into()),
        message: Text::new("公式没有缓存值", "a formula without a cached value").into(),
        hint: Text::new("在 Excel 中重新计算并保存", "recalculate and save in Excel").into(),
    });
    let results = vec![
        Ok(assess(&std, &first, &options())),
        Ok(assess(&std, &second, &options())),
    ];
    report(
        results,
        vec![Unreadable {
            file: "samples/broken.xlsx".into(),
            code: Code::NotAWorkbook,
            message: Text::new("not a workbook", "not a workbook").into(),
        }],
        Some(3),
    )
}

#[test]
fn json_shape() {
    let r = batch();
    // The rendered text parses, and its shape (in field order) is the snapshot.
    let text = Json.render(&r, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["entities"][0]["gaps"], serde_json::json!([]));
    insta::assert_json_snapshot!(
        "assess_json_en",
        citystar::render::json::document(&r, Lang::En)
    );
}

#[test]
fn json_in_chinese_uses_chinese_messages() {
    let r = batch();
    let v: serde_json::Value = serde_json::from_str(&Json.render(&r, Lang::Zh)).unwrap();
    assert_eq!(
        v["entities"][0]["diagnostics"][0]["message"],
        "分子大于分母"
    );
    assert_eq!(v["entities"][0]["stars_label"], "三星级");
    assert_eq!(
        v["entities"][1]["rating"]["next"]["failing"][0]["text"],
        "总分 38.00 < 60"
    );
}

#[test]
fn error_diagnostic_makes_the_indicator_missing_and_the_rating_incomplete() {
    let r = batch();
    let second = &r.entities[1];
    assert!(!second.complete);
    assert_eq!(
        second.indicators[2].status,
        citystar::assess::Status::Invalid
    );
    assert_eq!(second.indicators[2].score, Some(0.0));
    assert!(
        second
            .notes
            .iter()
            .any(|n| n.words(Lang::En).contains("incomplete data"))
    );
    // The gate: one unreadable file → exit 2 whatever else happened.
    assert_eq!(r.summary.gate.exit_code, 2);
    assert_eq!(r.summary.gate.below_min_stars, ["samples/second-city.xlsx"]);
    assert_eq!(r.summary.ranking.get(0).map(|r| r.name), Some("示例市"));
    assert_eq!(r.summary.star_distribution, [0, 1, 0, 1, 0, 0]);
}

#[test]
fn markdown() {
    let r = batch();
    insta::assert_snapshot!("assess_markdown_en", Markdown.render(&r, Lang::En));
}

#[test]
fn terminal_shows_the_essentials() {
    let r = batch();
    let out = Terminal { ascii: false }.render(&r, Lang::Zh);
    for want in [
        "示例市",
        "★★★☆☆",
        "三星级",
        "62.00",
        "数字惠民",
        "A01",
        "TEST/T 1-2026",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    let ascii = Terminal { ascii: true }.render(&batch(), Lang::En);
    assert!(ascii.contains("3/5 three stars"), "{ascii}");
    assert!(!ascii.contains('┆'));
}

#[test]
fn plan_says_why_when_none_can_exist() {
    let text = r#"
format = 1
[standard]
id = "no-way"
code = "T"
edition = "t"
level = "city"
title_zh = "t"
title_en = "t"
source = "t"
[scoring]
method = "stars"
missing = "zero"
[[dimension]]
code = "A"
name_zh = "甲"
name_en = "A"
weight = 100
[[indicator]]
code = "A01"
dimension = "A"
name_zh = "平台"
name_en = "Platform"
kind = "yes-no"
yes_stars = 3
weight = 100
source = "t"
[[rating]]
stars = 1
name_zh = "一星级"
name_en = "one star"
min_total = 10
[[rating]]
stars = 2
name_zh = "二星级"
name_en = "two stars"
min_total = 50
min_stars = { A01 = 4 }
"#;
    let std = citystar::standard::load_str(text, "no-way").unwrap();
    let mut sub = example();
    sub.data.clear();
    sub.data.insert(
        "A01".into(),
        super::data(vec![super::cell(
            citystar::standard::InputItem::Choice,
            citystar::submission::Datum::YesNo(true),
            "指标填报!F5",
        )]),
    );
    let a = assess(&std, &sub, &options());
    assert_eq!(a.stars, 1);
    assert_eq!(a.next_star.status, PlanStatus::Impossible);
    assert_eq!(
        a.next_star
            .reason
            .as_ref()
            .map(|r| r.words(Lang::En))
            .as_deref(),
        Some("A01 can reach at most 3★; the rule needs 4★")
    );
}

/// The JSON renderer streams its document in pieces; the pieces must join to
/// exactly what serialising the whole document gives, with any number of entities.
#[test]
fn streamed_json_equals_the_whole_document() {
    use citystar::assess::batch::report;
    use citystar::render::Renderer;
    use citystar::render::json::{Json, document};
    let std = super::tiny();
    let opts = citystar::assess::Options {
        draws: 10,
        ..citystar::assess::Options::default()
    };
    for n in [0usize, 1, 3] {
        let results = (0..n)
            .map(|_| Ok(citystar::assess::assess(&std, &super::example(), &opts)))
            .collect();
        let r = report(results, Vec::new(), None);
        for lang in [citystar::Lang::En, citystar::Lang::Zh] {
            let whole = serde_json::to_string_pretty(&document(&r, lang)).unwrap() + "\n";
            assert_eq!(Json.render(&r, lang), whole, "{n} entities");
        }
    }
}

/// One more ranking row per name, copied from the batch's first.
fn rank_more(r: &mut citystar::assess::batch::Report, names: &[String]) {
    let first = r.summary.ranking.get(0).expect("a ranked entity");
    let (rank, standard, file, score, stars) = (
        first.rank,
        first.standard.to_string(),
        first.file.to_string(),
        first.score,
        first.stars,
    );
    for name in names {
        r.summary.ranking.push(citystar::assess::batch::RankRow {
            rank,
            standard: &standard,
            file: &file,
            name,
            score,
            stars,
            verified: false,
        });
    }
}

/// The pieces `Json::end_into` hands out for a summary.
fn summary_pieces(summary: &citystar::assess::batch::Summary, lang: Lang) -> Vec<String> {
    let mut pieces = Vec::new();
    Json.end_into(summary, lang, &mut |t| {
        pieces.push(t.to_string());
        Ok(())
    })
    .unwrap();
    pieces
}

/// The JSON summary handed out in pieces as it is made (`end_into`, how a
/// batch writes it) joins to exactly the summary made whole (`end`), small
/// and past the size at which the pieces go out (a ranking of 6,000), and
/// the whole document is still serde_json's.
#[test]
fn the_json_summary_in_pieces_is_the_summary_made_whole() {
    let mut r = batch();
    for lang in [Lang::En, Lang::Zh] {
        let pieces = summary_pieces(&r.summary, lang);
        assert_eq!(pieces.concat(), Json.end(&r.summary, lang));
    }
    let names: Vec<String> = (0..6000).map(|k| format!("City {k} \"quoted\"")).collect();
    rank_more(&mut r, &names);
    for lang in [Lang::En, Lang::Zh] {
        let pieces = summary_pieces(&r.summary, lang);
        assert!(pieces.len() > 2, "{} pieces", pieces.len());
        assert_eq!(pieces.concat(), Json.end(&r.summary, lang));
        let whole = serde_json::to_string_pretty(&citystar::render::json::document(&r, lang))
            .unwrap()
            + "\n";
        let mut streamed = Json.begin(lang);
        for (k, a) in r.entities.iter().enumerate() {
            if k > 0 {
                streamed.push_str(Json.separator());
            }
            streamed.push_str(&Json.entity(a, lang));
        }
        streamed.push_str(&pieces.concat());
        assert_eq!(streamed, whole);
    }
    // A writer that fails stops the summary with its error.
    let failed = Json.end_into(&r.summary, Lang::En, &mut |_| {
        Err(std::io::Error::other("gone"))
    });
    assert_eq!(failed.unwrap_err().to_string(), "gone");
}

/// A job summary stays under GitHub's 1 MiB for any batch: the summary and
/// the gate first, then as many folded entities as fit, then a note.
#[test]
fn markdown_job_summary_stays_under_one_mebibyte() {
    let mut r = batch();
    let one = r.entities[0].clone();
    let names: Vec<String> = (0..6000).map(|k| format!("City {k}")).collect();
    for (k, name) in names.iter().enumerate() {
        let mut a = one.clone();
        a.name = name.clone();
        a.file = format!("samples/city-{k}.xlsx");
        r.entities.push(a);
    }
    rank_more(&mut r, &names);
    let md = Markdown.render(&r, Lang::En);
    assert!(md.len() < 1 << 20, "{} bytes", md.len());
    let gate = md.find("**Gate: failed").expect("the gate");
    let first = md
        .find("<details><summary><strong>")
        .expect("folded entities");
    assert!(gate < first, "the gate comes after the entities");
    assert!(md.contains("The first "), "no note on the cut ranking");
    assert!(
        md.contains("more entities are left out"),
        "no note on the left-out details"
    );
    // Every entity shown is whole.
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
    // A small batch is whole.
    let small = Markdown.render(&batch(), Lang::En);
    assert!(!small.contains("left out"));
}

/// Files with the same bytes, and files with the same 行政区划代码 under one
/// standard, are listed in key order with their files in path order; a code
/// shared only by copies of one file is said once, as copies.
#[test]
fn duplicates_are_grouped_by_bytes_then_by_code() {
    let std = tiny();
    let one = |file: &str, sha: char, code: &str| {
        let mut s = example();
        s.file = file.into();
        s.sha256 = sha.to_string().repeat(64);
        s.entity.division_code = code.into();
        Ok(assess(&std, &s, &options()))
    };
    let r = report(
        vec![
            one("samples/e.xlsx", 'd', "370200"),
            one("samples/c.xlsx", 'c', " 370100"),
            one("samples/b.xlsx", 'a', "370100"),
            one("samples/d.xlsx", 'd', "370200"),
            one("samples/a.xlsx", 'a', "370100"),
        ],
        Vec::new(),
        None,
    );
    let got: Vec<(&str, String, Vec<String>)> = r
        .summary
        .duplicates
        .iter()
        .map(|d| (d.kind, d.key.clone(), d.files.clone()))
        .collect();
    let files = |names: &[&str]| -> Vec<String> {
        names.iter().map(|n| format!("samples/{n}.xlsx")).collect()
    };
    assert_eq!(
        got,
        vec![
            ("same-bytes", "a".repeat(64), files(&["a", "b"])),
            ("same-bytes", "d".repeat(64), files(&["d", "e"])),
            (
                "same-division-code",
                "370100".into(),
                files(&["a", "b", "c"])
            ),
        ]
    );
}
