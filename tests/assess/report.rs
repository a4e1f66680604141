//! The Excel reports: byte-stable, agreeing with the JSON output cell by
//! cell (read back through calamine), one workbook per entity plus a summary
//! for a batch, LibreOffice-convertible; and the committed Markdown examples
//! in `reports/` are what the samples give today.

use assert_cmd::Command;
use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use citystar::Lang;
use citystar::assess::batch::report;
use citystar::assess::score::Model;
use citystar::assess::{Assessment, Options, assess};
use citystar::benchmark::{Benchmark, analyse, embedded};
use citystar::report::{BenchmarkSource, Context, entity_workbook, summary_workbook};
use indexmap::IndexMap;
use serde_json::Value;
use std::io::Cursor;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.current_dir(ROOT)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("LANG", "C");
    c
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    wb.worksheet_range(name).unwrap()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn num(d: &Data) -> Option<f64> {
    match d {
        Data::Float(x) => Some(*x),
        Data::Int(x) => Some(*x as f64),
        _ => None,
    }
}

/// The cell at absolute (row, col), empty outside the used range.
fn at(r: &Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The first row whose cells from column 0 start with `heads`.
fn find_header(r: &Range<Data>, heads: &[&str]) -> u32 {
    let (h, _) = r.end().unwrap();
    (0..=h)
        .find(|&row| {
            heads
                .iter()
                .enumerate()
                .all(|(k, want)| text(&at(r, row, k as u32)) == *want)
        })
        .unwrap_or_else(|| panic!("no header row {heads:?}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Every number anywhere in a JSON value.
fn numbers(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(n) => out.extend(n.as_f64()),
        Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
        Value::Object(o) => o.values().for_each(|x| numbers(x, out)),
        _ => {}
    }
}

fn assert_opt(cell: &Data, want: &Value, what: &str) {
    match want.as_f64() {
        Some(w) => {
            let got = num(cell).unwrap_or_else(|| panic!("{what}: {cell:?} is not a number"));
            assert!(close(got, w), "{what}: {got} in the workbook, {w} in JSON");
        }
        None => assert!(
            matches!(cell, Data::Empty),
            "{what}: {cell:?} where JSON has none"
        ),
    }
}

/// city-b (a missing value, a warning) as JSON and as its workbook, in one run.
fn json_and_workbook(lang: &str) -> (Value, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("city-b.xlsx");
    let out = citystar()
        .args([
            "assess",
            "sample-submissions/city-b.xlsx",
            "--format",
            "json",
            "--draws",
            "50",
            "--lang",
            lang,
            "--report",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    (json, std::fs::read(&path).unwrap())
}

#[test]
fn indicator_sheet_equals_the_json_output() {
    let (json, bytes) = json_and_workbook("en");
    let e = &json["entities"][0];
    let mut wb = open(&bytes);
    assert_eq!(
        wb.sheet_names(),
        citystar::report::sheet_names(Lang::En).map(String::from)
    );
    let r = sheet(&mut wb, "Indicators");
    let heads = citystar::report::indicator_headers(Lang::En);
    let col = |name: &str| heads.iter().position(|h| *h == name).unwrap() as u32;
    for (k, h) in heads.iter().enumerate() {
        assert_eq!(text(&at(&r, 0, k as u32)), *h);
    }
    let inds = e["indicators"].as_array().unwrap();
    assert_eq!(r.end().unwrap().0 as usize, inds.len());
    for (k, i) in inds.iter().enumerate() {
        let row = k as u32 + 1;
        let code = i["code"].as_str().unwrap();
        assert_eq!(text(&at(&r, row, col("Code"))), code);
        assert_eq!(text(&at(&r, row, col("Dimension"))), i["dimension"]);
        assert_eq!(text(&at(&r, row, col("Indicator"))), i["name"]);
        assert_eq!(
            text(&at(&r, row, col("Unit"))),
            citystar::assess::score::unit_name(i["unit"].as_str().unwrap(), Lang::En)
        );
        for (head, field) in [
            ("Value", "value"),
            ("Stars", "stars"),
            ("Score", "score"),
            ("Weight", "weight"),
            ("Points", "points"),
            ("Contribution", "contribution"),
        ] {
            assert_opt(
                &at(&r, row, col(head)),
                &i[field],
                &format!("{code} {head}"),
            );
        }
        let next = match &i["next"] {
            Value::Null => String::new(),
            n => format!("{}★ {}", n["stars"], n["requirement"].as_str().unwrap()),
        };
        assert_eq!(text(&at(&r, row, col("Next star needs"))), next);
    }
    // The missing value of city-b shows as an empty cell, not 0.
    assert!(
        inds.iter().any(|i| i["value"].is_null()),
        "city-b should have a missing value"
    );
}

#[test]
fn summary_sheet_equals_the_json_output() {
    let (json, bytes) = json_and_workbook("en");
    let e = &json["entities"][0];
    let mut wb = open(&bytes);
    let r = sheet(&mut wb, "Summary");
    let (h, _) = r.end().unwrap();
    let row_of = |label: &str| {
        (0..=h)
            .find(|&row| text(&at(&r, row, 0)) == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    let b = |label: &str, c: u32| at(&r, row_of(label), c);
    assert_eq!(text(&b("Entity", 1)), e["name"]);
    assert_eq!(text(&b("Standard", 1)), e["standard"]["code"]);
    assert_eq!(text(&b("Edition", 1)), e["standard"]["edition_en"]);
    assert_opt(
        &b("Provisional entries", 1),
        &e["standard"]["provisional_entries"],
        "provisional",
    );
    assert_opt(
        &b("Provisional entries", 2),
        &e["standard"]["entries"],
        "entries",
    );
    assert_opt(&b("Stars", 1), &e["stars"], "stars");
    assert_opt(&b("Total", 1), &e["score"], "total");
    assert_opt(&b("Weighted", 1), &e["breakdown"]["weighted"], "weighted");
    assert_opt(&b("Bonus", 1), &e["breakdown"]["bonus"], "bonus");
    assert_opt(&b("Bonus", 2), &e["breakdown"]["bonus_cap"], "bonus cap");
    assert_opt(
        &b("Deductions", 1),
        &e["breakdown"]["deduction"],
        "deduction",
    );
    assert_opt(&b("Missing or invalid", 1), &e["missing"], "missing");
    assert_opt(
        &b("Rating stability", 1),
        &e["stability"]["same_stars"],
        "stability",
    );
    let sev = |s: &str| {
        e["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == s)
            .count() as f64
    };
    for (c, s) in [(1, "error"), (2, "warning"), (3, "info")] {
        let got = num(&b("Diagnostics error/warning/info", c)).unwrap();
        assert!(close(got, sev(s)), "{s}");
    }
    assert!(sev("warning") > 0.0, "city-b has a warning");

    // The dimension table (the radar's data).
    let head = find_header(&r, &["Code", "Dimension", "Weight", "Score", "Coverage"]);
    let scored: Vec<&Value> = e["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["role"] == "scored")
        .collect();
    for (k, d) in scored.iter().enumerate() {
        let row = head + 1 + k as u32;
        assert_eq!(text(&at(&r, row, 0)), d["code"]);
        assert_opt(&at(&r, row, 2), &d["weight"], "dimension weight");
        assert_opt(&at(&r, row, 3), &d["score"], "dimension score");
        assert_opt(&at(&r, row, 4), &d["coverage"], "coverage");
    }
    let bonus = find_header(&r, &["Code", "Bonus dimension", "Points"]);
    for (k, d) in e["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["role"] == "bonus")
        .enumerate()
    {
        assert_eq!(text(&at(&r, bonus + 1 + k as u32, 0)), d["code"]);
        assert_opt(
            &at(&r, bonus + 1 + k as u32, 2),
            &d["points"],
            "bonus points",
        );
    }

    // Every other number on the sheet is one of the JSON's, except the next
    // star's floors, which come from the standard (column 5 of the table).
    let mut known = Vec::new();
    numbers(e, &mut known);
    let (h, w) = r.end().unwrap();
    for row in 0..=h {
        for c in 0..=w {
            let floor = c == 5 && row > head && row <= head + scored.len() as u32;
            if let Some(x) = num(&at(&r, row, c)).filter(|_| !floor) {
                assert!(
                    known.iter().any(|k| close(*k, x)),
                    "Summary row {row} col {c}: {x} is not in the JSON output"
                );
            }
        }
    }
}

#[test]
fn no_formulas_and_chinese_sheets() {
    let (json, bytes) = json_and_workbook("zh");
    assert_eq!(json["lang"], "zh");
    let mut wb = open(&bytes);
    assert_eq!(
        wb.sheet_names(),
        citystar::report::sheet_names(Lang::Zh).map(String::from)
    );
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} holds a formula"
        );
    }
    let r = sheet(&mut wb, "指标明细");
    assert_eq!(text(&at(&r, 0, 2)), "指标");
    assert_eq!(
        text(&at(&r, 1, 2)),
        json["entities"][0]["indicators"][0]["name_zh"]
    );
}

fn write_report(epoch: &str, dir: &Path) -> Vec<u8> {
    let path = dir.join(format!("city-a-{epoch}.xlsx"));
    citystar()
        .env("SOURCE_DATE_EPOCH", epoch)
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "20",
            "--report",
        ])
        .arg(&path)
        .assert()
        .code(0);
    std::fs::read(&path).unwrap()
}

#[test]
fn same_inputs_and_source_date_epoch_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let one = write_report("1700000000", dir.path());
    let dir2 = tempfile::tempdir().unwrap();
    let two = write_report("1700000000", dir2.path());
    assert!(one == two, "two runs differ");
    let other = write_report("1800000000", dir.path());
    assert!(one != other, "SOURCE_DATE_EPOCH is not honoured");
    // The provenance sheet states the time and where it came from.
    let mut wb = open(&one);
    let r = sheet(&mut wb, "Provenance");
    let row = (0..=r.end().unwrap().0)
        .find(|&row| text(&at(&r, row, 0)) == "Time")
        .unwrap();
    // A date cell: the Excel serial of 2023-11-14T22:13:20Z.
    let Data::DateTime(t) = at(&r, row, 1) else {
        panic!("no date: {:?}", at(&r, row, 1));
    };
    assert!(close(t.as_f64(), 1_700_000_000.0 / 86_400.0 + 25_569.0));
    assert_eq!(text(&at(&r, row, 2)), "from SOURCE_DATE_EPOCH");
}

fn sample(name: &str) -> PathBuf {
    Path::new(ROOT).join("sample-submissions").join(name)
}

/// city-a assessed in the library, with its gaps to Zhejiang.
fn with_gaps() -> Assessment {
    let standards = citystar::standard::embedded::all().unwrap();
    let city = standards
        .iter()
        .find(|s| s.id() == "db37-3890-city")
        .unwrap();
    let (sub, std) = citystar::submission::read_path(
        &citystar::submission::Loader::InProcess,
        &sample("city-a.xlsx"),
        &|_| city,
    )
    .unwrap();
    let options = Options {
        draws: 20,
        ..Options::default()
    };
    let mut a = assess(std, &sub, &options);
    let model = Model::new(std);
    let values: Vec<Option<f64>> = a.indicators.iter().map(|i| i.value).collect();
    let own: IndexMap<String, Option<f64>> = a
        .indicators
        .iter()
        .map(|i| (i.code.clone(), i.value))
        .collect();
    let total_if = |code: &str, v: f64| {
        let mut vals = values.clone();
        let k = a.indicators.iter().position(|i| i.code == code).unwrap();
        vals[k] = Some(v);
        model.score(&vals, &model.weights).total
    };
    let file = embedded::find("zhejiang", None).unwrap().unwrap();
    let g = analyse(std, &own, a.score, &Benchmark::from_file(&file), &total_if);
    a.gaps.push(g);
    a
}

fn context(lang: Lang) -> Context {
    Context {
        lang,
        benchmarks: vec![BenchmarkSource {
            name: "zhejiang".into(),
            origin: "embedded:zhejiang.toml".into(),
            sha256: Some("cd".repeat(32)),
        }],
        seed: 42,
        draws: 20,
    }
}

#[test]
fn gap_sheet_equals_the_gap_analysis() {
    let a = with_gaps();
    let g = &a.gaps[0];
    assert!(!g.indicators.is_empty());
    let bytes = entity_workbook(&a, &context(Lang::En)).unwrap();
    assert!(bytes == entity_workbook(&a, &context(Lang::En)).unwrap());
    let mut wb = open(&bytes);
    let r = sheet(&mut wb, "Gaps");
    let head = find_header(&r, &["Benchmark", "Code", "Dimension", "Indicator"]);
    let gj = serde_json::to_value(g).unwrap();
    for (k, i) in gj["indicators"].as_array().unwrap().iter().enumerate() {
        let row = head + 1 + k as u32;
        assert_eq!(text(&at(&r, row, 0)), gj["benchmark_name_en"]);
        assert_eq!(text(&at(&r, row, 1)), i["code"]);
        assert_opt(&at(&r, row, 5), &i["own"], "own");
        assert_opt(&at(&r, row, 6), &i["benchmark"], "benchmark");
        assert_opt(&at(&r, row, 7), &i["gap"], "gap");
        assert_opt(&at(&r, row, 8), &i["relative_gap"], "relative gap");
        assert_opt(&at(&r, row, 9), &i["own_stars"], "own stars");
        assert_opt(&at(&r, row, 10), &i["benchmark_stars"], "benchmark stars");
        assert_opt(&at(&r, row, 11), &i["points_at_stake"], "points at stake");
    }
    let dh = find_header(&r, &["Benchmark", "Code", "Dimension", "Own score"]);
    for (k, d) in gj["dimensions"].as_array().unwrap().iter().enumerate() {
        let row = dh + 1 + k as u32;
        assert_eq!(text(&at(&r, row, 1)), d["code"]);
        assert_opt(&at(&r, row, 3), &d["own_score"], "own score");
        assert_opt(&at(&r, row, 4), &d["benchmark_score"], "benchmark score");
        assert_opt(&at(&r, row, 5), &d["gap"], "dimension gap");
    }
    // The indicator sheet carries the benchmark value and gap beside each indicator.
    let r = sheet(&mut wb, "Indicators");
    let base = citystar::report::indicator_headers(Lang::En).len() as u32;
    assert_eq!(text(&at(&r, 0, base)), "Zhejiang value");
    for row in 1..=a.indicators.len() as u32 {
        let code = text(&at(&r, row, 1));
        match g.indicators.iter().find(|i| i.code == code) {
            Some(i) => {
                assert!(close(num(&at(&r, row, base)).unwrap(), i.benchmark));
                assert!(close(num(&at(&r, row, base + 1)).unwrap(), i.gap));
            }
            None => assert!(matches!(at(&r, row, base), Data::Empty)),
        }
    }
    // A radar on the summary and a bar chart of the largest gaps.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut charts: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(String::from))
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    charts.sort();
    assert_eq!(charts.len(), 2, "{charts:?}");
    let mut xml = String::new();
    for n in &charts {
        use std::io::Read;
        zip.by_name(n).unwrap().read_to_string(&mut xml).unwrap();
    }
    assert!(xml.contains("<c:radarChart>") && xml.contains("<c:barChart>"));
}

#[test]
fn summary_workbook_ranks_and_counts() {
    let a = with_gaps();
    let mut b = a.clone();
    b.file = "other/city-z.xlsx".into();
    b.name = "另一市".into();
    b.score = 50.0;
    b.stars = 2;
    let r = report(vec![Ok(a.clone()), Ok(b)], Vec::new(), None);
    let bytes = summary_workbook(&r, &context(Lang::Zh)).unwrap();
    assert!(bytes == summary_workbook(&r, &context(Lang::Zh)).unwrap());
    let mut wb = open(&bytes);
    assert_eq!(wb.sheet_names(), ["排名", "星级分布", "来源"]);
    let rk = sheet(&mut wb, "排名");
    let head = find_header(&rk, &citystar::report::ranking_headers(Lang::Zh));
    assert_eq!(text(&at(&rk, head + 1, 2)), a.name);
    assert!(close(num(&at(&rk, head + 1, 7)).unwrap(), a.score));
    assert_eq!(text(&at(&rk, head + 2, 2)), "另一市");
    assert!(close(num(&at(&rk, head + 2, 0)).unwrap(), 2.0));
    // Dimension columns follow the standard: HM first for a city.
    assert!(text(&at(&rk, head, 8)).starts_with("HM"));
    assert!(close(
        num(&at(&rk, head + 1, 8)).unwrap(),
        a.dimensions[0].score.unwrap()
    ));
    let st = sheet(&mut wb, "星级分布");
    let sh = find_header(&st, &["星级", "名称", "主体数"]);
    for s in 0..=5u32 {
        let got = num(&at(&st, sh + 1 + s, 2)).unwrap();
        assert!(close(got, r.summary.star_distribution[s as usize] as f64));
    }
}

#[test]
fn a_batch_writes_one_workbook_per_entity_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports/2025");
    citystar()
        .args([
            "assess",
            "sample-submissions",
            "--draws",
            "20",
            // The default is both formats; the HTML ones are tested in tests/html.
            "--report-format",
            "xlsx",
            "--report-dir",
        ])
        .arg(&out)
        .assert()
        .code(0);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "city-a.xlsx",
            "city-b.xlsx",
            "community-a.xlsx",
            "county-a.xlsx",
            "summary.xlsx"
        ]
    );
    let mut wb = open(&std::fs::read(out.join("summary.xlsx")).unwrap());
    let r = sheet(&mut wb, "Ranking");
    let all: Vec<String> = r.used_cells().map(|(_, _, d)| text(d)).collect();
    for name in ["示例市", "样例市", "示范县", "示例社区"] {
        assert!(all.iter().any(|c| c == name), "{name} not ranked");
    }
}

#[test]
fn report_with_several_entities_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    citystar()
        .args(["assess", "sample-submissions", "--draws", "0", "--report"])
        .arg(dir.path().join("one.xlsx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("use --report-dir DIR"));
    assert!(!dir.path().join("one.xlsx").exists());
}

/// LibreOffice opens both workbooks (city-a with gaps to Zhejiang) and prints
/// them to PDF (see tests/tools.rs for when it runs).
#[test]
fn libreoffice_converts_the_workbooks_to_pdf() {
    let Some(soffice) = crate::tools::soffice("libreoffice_converts_the_workbooks_to_pdf") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = with_gaps();
    let r = report(vec![Ok(a.clone())], Vec::new(), None);
    let cx = context(Lang::Zh);
    std::fs::write(
        dir.path().join("entity.xlsx"),
        entity_workbook(&a, &cx).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("summary.xlsx"),
        summary_workbook(&r, &cx).unwrap(),
    )
    .unwrap();
    // A private profile, so a LibreOffice already running elsewhere does not interfere.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let status = std::process::Command::new(&soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(dir.path().join("entity.xlsx"))
        .arg(dir.path().join("summary.xlsx"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    for pdf in ["entity.pdf", "summary.pdf"] {
        let bytes = std::fs::read(dir.path().join(pdf)).unwrap();
        assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000, "{pdf}");
        // CITYSTAR_KEEP_PDF=DIR keeps the PDFs for looking at them.
        if let Some(keep) = std::env::var_os("CITYSTAR_KEEP_PDF") {
            std::fs::write(Path::new(&keep).join(pdf), &bytes).unwrap();
        }
    }
}

/// `reports/*.md`: the Markdown of the samples as committed. Regenerate with
/// `CITYSTAR_BLESS=1 cargo test reports_`.
#[test]
fn reports_markdown_examples_are_current() {
    let bless = std::env::var_os("CITYSTAR_BLESS").is_some();
    let mut stale = Vec::new();
    for (lang, file) in [
        ("zh", "sample-submissions.zh.md"),
        ("en", "sample-submissions.en.md"),
    ] {
        let out = citystar()
            .args([
                "assess",
                "sample-submissions",
                "--benchmark",
                "zhejiang",
                "--format",
                "markdown",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let path = Path::new(ROOT).join("reports").join(file);
        if bless {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "reports/{stale:?} differ from what the samples give; regenerate with `CITYSTAR_BLESS=1 cargo test reports_`"
    );
}

/// An assessment is made once, without a language (`Options` has none: this
/// literal names every field, so a `lang` field would not compile), and
/// rendered in each language it is byte for byte what `assess --lang zh` and
/// `--lang en` print.
#[test]
fn one_assessment_renders_as_each_language_prints_it() {
    use citystar::render::Renderer;
    let shipped = citystar::standard::embedded::parsed().unwrap();
    let city = shipped
        .iter()
        .find(|e| e.standard.id() == "db37-3890-city")
        .unwrap();
    let path = sample("city-a.xlsx");
    let (sub, std, evidence) = citystar::submission::read_path_with_evidence(
        &citystar::submission::Loader::InProcess,
        &path,
        &|_| &city.standard,
    )
    .unwrap();
    let options = Options {
        seed: citystar::assess::stability::DEFAULT_SEED,
        draws: citystar::assess::stability::DEFAULT_DRAWS,
        plan_cap: citystar::assess::plan::DEFAULT_CAP,
        levels: citystar::diag::Levels::default(),
        standard_sha256: Some(city.sha256.clone()),
        notes: Vec::new(),
    };
    let mut a = assess(std, &sub, &options);
    a.evidence = evidence;
    let r = report(vec![Ok(a)], Vec::new(), None);
    for lang in ["zh", "en"] {
        let out = citystar()
            .args(["assess", "--format", "json", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{lang}");
        let rendered =
            citystar::render::json::Json.render(&r, if lang == "zh" { Lang::Zh } else { Lang::En });
        assert!(
            rendered.as_bytes() == out.stdout.as_slice(),
            "{lang}: the rendered assessment differs from what assess prints"
        );
    }
}
