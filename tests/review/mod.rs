//! The assessor's round: a submission folder with its evidence, the review
//! workbook (`review init`) filled through openpyxl and LibreOffice, the
//! verified rating beside the self-reported one, and bad review input.
//! The worked example is docs/review.md's.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

const STANDARD: &str = "tests/data/review-city.toml";
const SUBMISSION: &str = "tests/fixtures/review/示例市";
const OPENPYXL: &str = "tests/fixtures/review/示例市.openpyxl.review.xlsx";
const LIBREOFFICE: &str = "tests/fixtures/review/示例市.libreoffice.review.xlsx";
const BAD: &str = "tests/fixtures/review/bad/示例市.bad.review.xlsx";
const CHANGED: &str = "tests/fixtures/review/changed";

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS");
    c
}

fn assess_json(args: &[&str]) -> (Value, i32, String) {
    let out = citystar()
        .args([
            "assess",
            "--format",
            "json",
            "--draws",
            "0",
            "--standard",
            STANDARD,
        ])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        v,
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `dir` with its bytes' SHA-256.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.clone(),
                    citystar::sha256_hex(&std::fs::read(&p).unwrap_or_default()),
                );
            }
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

fn codes(e: &Value) -> Vec<(String, String)> {
    e["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["location"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// docs/review.md's worked example: reported 88.00 (4★ 成长型); three
/// corrections give 72.00 (3★); each alone −6, −8, −2 with 3★, 4★, 4★.
fn assert_worked_example(e: &Value, review: &str) {
    assert_eq!(e["score"], 88.0);
    assert_eq!(e["stars"], 4);
    let r = &e["review"];
    assert_eq!(r["file"], review);
    assert_eq!(r["verified"]["score"], 72.0, "{r:#}");
    assert_eq!(r["verified"]["stars"], 3);
    assert_eq!(r["score_change"], -16.0);
    assert_eq!(r["reviewers"], serde_json::json!(["李四"]));
    let changes = r["changes"].as_array().unwrap();
    let got: Vec<(&str, f64, u64, u64, u64, bool)> = changes
        .iter()
        .map(|c| {
            (
                c["indicator"].as_str().unwrap(),
                c["effect"].as_f64().unwrap(),
                c["stars_reported"].as_u64().unwrap(),
                c["stars_verified"].as_u64().unwrap(),
                c["stars_alone"].as_u64().unwrap(),
                c["evidence_rejected"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("A01", -6.0, 4, 3, 3, false),
            ("B01", -8.0, 4, 3, 4, false),
            ("X01", -2.0, 5, 0, 4, true),
        ]
    );
    assert_eq!(changes[0]["items"][0]["reported"], "90");
    assert_eq!(changes[0]["items"][0]["verified"], "70");
    assert_eq!(changes[0]["items"][0]["reported_location"], "指标填报!F2");
    assert!(
        changes[0]["finding"]
            .as_str()
            .unwrap()
            .contains("不能亮证即用")
    );
    // The plan on the verified values: A01 back to 4★ gives 78.00.
    assert_eq!(r["verified"]["next_star"]["target_stars"], 4);
    assert_eq!(r["verified"]["next_star"]["total_after"], 78.0);
}

#[test]
fn the_worked_example_from_reviews_filled_by_openpyxl_and_libreoffice() {
    for review in [OPENPYXL, LIBREOFFICE] {
        let (v, code, _) = assess_json(&[SUBMISSION, "--review", review]);
        assert_eq!(code, 0, "{v:#}");
        let e = &v["entities"][0];
        assert_worked_example(e, review);
        // Ranked on the verified rating, and said so.
        assert_eq!(v["summary"]["ranking"][0]["score"], 72.0);
        assert_eq!(v["summary"]["ranking"][0]["verified"], true);
        assert_eq!(
            v["summary"]["review"]["reviewed"],
            serde_json::json!(["tests/fixtures/review/示例市/填报表.xlsx"])
        );
    }
}

#[test]
fn evidence_files_are_identified_hashed_and_listed() {
    let (v, _, stderr) = assess_json(&[SUBMISSION]);
    let e = &v["entities"][0];
    let mut found = codes(e);
    found.sort();
    assert_eq!(
        found,
        vec![
            ("evidence-empty".into(), "指标填报!G5".into()),
            ("evidence-file-missing".into(), "指标填报!G2".into()),
            ("evidence-wrong-type".into(), "指标填报!G4".into()),
        ]
    );
    let files: Vec<(&str, &str, &str)> = e["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["indicator"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                f["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        files,
        vec![
            ("A01", "佐证/电子证照事项清单.pdf", "pdf"),
            ("A02", "佐证/城市大脑截图.png", "png"),
            ("B01", "佐证/基站统计.docx", "ooxml"),
            ("X01", "批复/试点批复.pdf", "pdf"),
        ]
    );
    let pdf = std::fs::read(format!("{SUBMISSION}/佐证/电子证照事项清单.pdf")).unwrap();
    assert_eq!(e["evidence"][0]["sha256"], citystar::sha256_hex(&pdf));
    assert_eq!(e["evidence"][0]["bytes"], pdf.len());
    // The empty workbook under the submission folder is evidence, not a submission.
    assert_eq!(v["entities"].as_array().unwrap().len(), 1);
    assert!(stderr.contains("taken as evidence"), "{stderr}");
}

#[test]
fn evidence_outside_the_folder_is_refused_links_included() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    copy_dir(Path::new(SUBMISSION), &sub);
    let secret = dir.path().join("outside.pdf");
    std::fs::copy(format!("{SUBMISSION}/批复/试点批复.pdf"), &secret).unwrap();
    // The PDF A01 names becomes a link to a file outside the submission folder.
    let named = sub.join("佐证/电子证照事项清单.pdf");
    std::fs::remove_file(&named).unwrap();
    std::os::unix::fs::symlink(&secret, &named).unwrap();
    let (v, _, _) = assess_json(&[sub.to_str().unwrap()]);
    let e = &v["entities"][0];
    assert!(
        codes(e).contains(&("evidence-outside".into(), "指标填报!G2".into())),
        "{:?}",
        codes(e)
    );
    // Never read: not listed with a hash.
    assert!(
        !e["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "佐证/电子证照事项清单.pdf")
    );
}

#[test]
fn a_review_of_a_changed_submission_is_refused_at_its_cell() {
    let (v, code, stderr) = assess_json(&[CHANGED, "--review", OPENPYXL]);
    let e = &v["entities"][0];
    assert!(e.get("review").is_none(), "{e:#}");
    assert!(codes(e).contains(&("review-wrong-submission".into(), "核查!B5".into())));
    assert_eq!(code, 1, "an error-severity finding fails the gate");
    assert!(stderr.contains("the submission changed"), "{stderr}");
    // Against another standard: refused too.
    let out = citystar()
        .args(["assess", "--format", "json", "--draws", "0"])
        .args(["--standard", "tests/data/tiny-city.toml"])
        .args([SUBMISSION, "--review", OPENPYXL])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(codes(&v["entities"][0]).contains(&("review-wrong-standard".into(), "核查!B6".into())));
    // A file that is no review stops the run with a clear message.
    citystar()
        .args(["assess", "--standard", STANDARD, SUBMISSION, "--review"])
        .arg(format!("{SUBMISSION}/填报表.xlsx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a review workbook"));
}

#[test]
fn bad_review_input_is_reported_at_its_cells_and_the_rest_applies() {
    let (v, _, _) = assess_json(&[SUBMISSION, "--review", BAD]);
    let e = &v["entities"][0];
    let found = codes(e);
    for want in [
        ("not-a-number", "核查!H10"),
        ("review-bad-decision", "核查!J12"),
        ("review-no-finding", "核查!I13"),
        ("review-unknown-code", "核查!A15"),
    ] {
        assert!(
            found.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {found:?}"
        );
    }
    // The bad value leaves A01 as reported; B01's correction still applies.
    let changes = e["review"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["indicator"], "B01");
    assert_eq!(e["review"]["verified"]["score"], 80.0);
}

#[test]
fn review_dir_matches_each_review_to_its_submission() {
    let reviews = tempfile::tempdir().unwrap();
    std::fs::copy(OPENPYXL, reviews.path().join("示例市.review.xlsx")).unwrap();
    let (v, _, _) = assess_json(&[
        "tests/fixtures/review",
        "--review-dir",
        reviews.path().to_str().unwrap(),
    ]);
    let entities = v["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 2, "the two submissions, not their evidence");
    let by_file = |f: &str| entities.iter().find(|e| e["file"] == f).unwrap();
    let good = by_file("tests/fixtures/review/示例市/填报表.xlsx");
    assert_eq!(good["review"]["verified"]["score"], 72.0);
    // The changed copy has the same name and 行政区划代码: refused, not ignored.
    let changed = by_file("tests/fixtures/review/changed/填报表.xlsx");
    assert!(changed.get("review").is_none());
    assert!(
        codes(changed)
            .iter()
            .any(|(c, _)| c == "review-wrong-submission")
    );
    assert_eq!(
        v["summary"]["review"]["unreviewed"],
        serde_json::json!(["tests/fixtures/review/changed/填报表.xlsx"])
    );
    // A workbook in the review folder that is no review is reported, and the run goes on.
    std::fs::copy(
        format!("{SUBMISSION}/填报表.xlsx"),
        reviews.path().join("stray.xlsx"),
    )
    .unwrap();
    let (v, code, _) = assess_json(&[SUBMISSION, "--review-dir", reviews.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(v["summary"]["unreadable"][0]["code"], "review-not-a-review");
    assert_eq!(v["entities"][0]["review"]["verified"]["score"], 72.0);
}

#[test]
fn review_init_on_a_folder_of_submissions_writes_one_review_each() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reviews");
    citystar()
        .args([
            "review",
            "init",
            "--standard",
            STANDARD,
            "tests/fixtures/review",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Two submissions named 填报表.xlsx; the evidence workbook under 示例市/ is none.
    assert_eq!(names, ["填报表-2.review.xlsx", "填报表.review.xlsx"]);
}

#[test]
fn review_init_never_touches_the_submission_and_refuses_to_replace_a_review() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("示例市");
    copy_dir(Path::new(SUBMISSION), &sub);
    let before = snapshot(&sub);
    let out = dir.path().join("review/示例市.review.xlsx");
    let init = |force: bool| {
        let mut c = citystar();
        c.args(["review", "init", "--standard", STANDARD])
            .arg(&sub)
            .arg("-o")
            .arg(&out);
        if force {
            c.arg("--force");
        }
        c.assert()
    };
    init(false).success();
    init(false)
        .code(2)
        .stderr(predicates::str::contains("--force"));
    init(true).success();
    // Never into the submission folder.
    citystar()
        .args(["review", "init", "--standard", STANDARD])
        .arg(&sub)
        .arg("-o")
        .arg(sub.join("x.review.xlsx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("submission folder"));
    for args in [
        vec!["check", "--standard", STANDARD],
        vec!["assess", "--draws", "0", "--standard", STANDARD],
    ] {
        let _ = citystar().args(&args).arg(&sub).output().unwrap();
    }
    citystar()
        .args(["assess", "--draws", "0", "--standard", STANDARD])
        .arg(&sub)
        .arg("--review")
        .arg(&out)
        .arg("--report")
        .arg(dir.path().join("report.xlsx"))
        .assert()
        .success();
    assert_eq!(before, snapshot(&sub), "the submission folder changed");
    // The review names the submission, its hash and the standard; each input item has a row.
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&out).unwrap();
    let ws = wb.worksheet_range("核查").unwrap();
    let cell = |r: u32, c: u32| {
        ws.get_value((r, c))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    assert_eq!(cell(1, 1), "示例市");
    assert_eq!(cell(2, 1), "370999");
    let sha = citystar::sha256_hex(&std::fs::read(sub.join("填报表.xlsx")).unwrap());
    assert_eq!(cell(4, 1), sha);
    assert_eq!(cell(5, 1), "review-city");
    assert_eq!(cell(8, 7), "Verified value");
    let codes: Vec<String> = (9..14).map(|r| cell(r, 0)).collect();
    assert_eq!(codes, ["A01.N", "A01.D", "A02", "B01.C", "X01"]);
    assert_eq!(cell(9, 4), "90");
    assert_eq!(cell(9, 5), "指标填报!F2");
    assert!(
        cell(9, 6).contains("电子证照事项清单.pdf (pdf,"),
        "{}",
        cell(9, 6)
    );
    // The Excel report has the review sheet and the evidence in its provenance.
    let mut rep = open_workbook_auto(dir.path().join("report.xlsx")).unwrap();
    assert!(rep.sheet_names().contains(&"Review".to_string()));
    let prov = rep.worksheet_range("Provenance").unwrap();
    let text: Vec<String> = prov.rows().flatten().map(|c| c.to_string()).collect();
    assert!(text.iter().any(|t| t == &sha), "input hash");
    assert!(text.iter().any(|t| t.starts_with("佐证/基站统计.docx")));
    assert!(text.iter().any(|t| t == "Review workbook"));
}

/// The review workbook through LibreOffice: its drop-downs survive (the list
/// validations LibreOffice and Excel both offer) and it still applies.
#[test]
fn review_workbook_round_trips_through_libreoffice_with_its_drop_downs() {
    let Some(soffice) = crate::tools::soffice("review_workbook_round_trips_through_libreoffice")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("made.review.xlsx");
    citystar()
        .args(["review", "init", "--standard", STANDARD, SUBMISSION, "-o"])
        .arg(&made)
        .assert()
        .success();
    let out = dir.path().join("out");
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&made)
        .status()
        .unwrap();
    assert!(status.success());
    let back = out.join("made.review.xlsx");
    // The 佐证采信 and yes/no cells keep a list validation after LibreOffice saved them.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&back).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("type=\"list\""), "no list validation:\n{xml}");
    assert!(
        xml.contains("J10"),
        "no validation on the evidence decision"
    );
    // Unfilled, it applies and changes nothing.
    let (v, code, _) = assess_json(&[SUBMISSION, "--review", back.to_str().unwrap()]);
    assert_eq!(code, 0);
    let r = &v["entities"][0]["review"];
    assert_eq!(r["changes"], serde_json::json!([]));
    assert_eq!(r["verified"]["score"], v["entities"][0]["score"]);
}

/// The review in the terminal, both languages, at 80 columns: every line
/// fits, and the verified rating stands beside the self-reported one.
#[test]
fn the_review_fits_80_columns_in_both_languages() {
    for lang in ["zh_CN.UTF-8", "C"] {
        let out = citystar()
            .env("LANG", lang)
            .env("COLUMNS", "80")
            .args(["assess", "--draws", "0", "--standard", STANDARD, SUBMISSION])
            .args(["--review", OPENPYXL])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for line in text.lines() {
            assert!(
                line.width() <= 80,
                "{lang}: {} columns:\n{line}",
                line.width()
            );
        }
        let (reported, verified) = if lang == "C" {
            ("Rating  ★★★★☆", "Verified  ★★★☆☆")
        } else {
            ("评级  ★★★★☆", "核定  ★★★☆☆")
        };
        assert!(text.contains(reported) && text.contains(verified), "{text}");
        if lang == "C" {
            let han: String = text
                .replace("示例市", "")
                .replace("指标填报", "")
                .replace("核查", "")
                .replace("填报表", "")
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .filter(|c| !"清单中项只能在线查看证照，不能亮证即用运营商台账为个规划站址批复文件是申报通知不试点佐证缺失的照片空李四".contains(*c))
                .collect();
            assert!(han.is_empty(), "Chinese in English output: {han}");
        }
    }
    // Markdown carries the same section.
    let out = citystar()
        .args([
            "assess",
            "--draws",
            "0",
            "--format",
            "markdown",
            "--standard",
            STANDARD,
        ])
        .args([SUBMISSION, "--review", OPENPYXL])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("### Review"), "{md}");
    assert!(
        md.contains("| X01 Work pilots | evidence not accepted: missing | 5★→0★ |"),
        "{md}"
    );
}

#[test]
fn review_codes_are_explained_and_documented() {
    let docs = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    for e in citystar::diag::REVIEW_CODES {
        assert_eq!(
            docs.lines()
                .filter(|l| l.trim() == format!("## `{}`", e.code))
                .count(),
            1,
            "docs/diagnostics.md needs one section for {}",
            e.code
        );
        citystar()
            .args(["explain", e.code])
            .assert()
            .success()
            .stdout(predicates::str::contains(e.title_en));
    }
}

/// A review written by rust_xlsxwriter (only the 核查 sheet's identity and
/// three columns, in another order): the verified value of a cell the reader
/// could not read replaces it, and the indicator then counts.
#[test]
fn a_verified_value_supersedes_the_readers_finding_at_that_cell() {
    const ALL_KINDS: &str = "tests/fixtures/all-kinds-city.toml";
    let sub = "tests/fixtures/codes/not-a-number.xlsx";
    let sha = citystar::sha256_hex(&std::fs::read(sub).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.review.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("核查").unwrap();
    for (r, (k, v)) in [
        ("名称", "示例市"),
        ("行政区划代码", "370999"),
        ("填报表 SHA-256", sha.as_str()),
        ("标准", "all-kinds-city"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r as u32 + 1, 0, *k).unwrap();
        ws.write_string(r as u32 + 1, 1, *v).unwrap();
    }
    for (c, h) in ["代码", "核查意见", "核定值"].iter().enumerate() {
        ws.write_string(7, c as u16, *h).unwrap();
    }
    ws.write_string(8, 0, "B-01.C").unwrap();
    ws.write_string(8, 1, "按运营商台账核定").unwrap();
    ws.write_number(8, 2, 3000.0).unwrap();
    wb.save(&path).unwrap();
    let out = citystar()
        .args([
            "assess",
            "--format",
            "json",
            "--draws",
            "0",
            "--standard",
            ALL_KINDS,
            sub,
        ])
        .arg("--review")
        .arg(&path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["entities"][0];
    let ind = |a: &Value| {
        a["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == "B-01")
            .unwrap()
            .clone()
    };
    assert_eq!(ind(e)["status"], "invalid");
    let verified = &e["review"]["verified"];
    assert_eq!(ind(verified)["status"], "ok", "{:#}", ind(verified));
    let c = &e["review"]["changes"][0];
    assert_eq!(c["indicator"], "B-01");
    assert_eq!(c["items"][0]["reported"], "约三千");
    assert_eq!(c["items"][0]["verified"], "3000");
    assert_eq!(c["items"][0]["verified_location"], "核查!C9");
    assert!(verified["score"].as_f64().unwrap() > e["score"].as_f64().unwrap());
}
