//! The command line as a person meets it: options before or after the
//! subcommand, help in the output language, errors in it too, and terminal
//! output that fits 80 and 120 columns without breaking a code or an id.

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn citystar(lang: &str) -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS");
    c
}

const COMMANDS: [&[&str]; 19] = [
    &[],
    &["assess"],
    &["check"],
    &["template"],
    &["explain"],
    &["standards"],
    &["standards", "list"],
    &["standards", "show"],
    &["standards", "lint"],
    &["standards", "export"],
    &["standards", "import"],
    &["benchmarks"],
    &["benchmarks", "list"],
    &["benchmarks", "show"],
    &["targets"],
    &["targets", "list"],
    &["targets", "show"],
    &["targets", "lint"],
    &["serve"],
];

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn help_follows_the_output_language() {
    for cmd in COMMANDS {
        let zh = citystar("zh_CN.UTF-8")
            .args(cmd)
            .arg("--help")
            .output()
            .unwrap();
        assert!(zh.status.success(), "{cmd:?}");
        let text = String::from_utf8(zh.stdout).unwrap();
        assert!(text.contains("用法："), "{cmd:?}: {text}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "possible values",
            "[default",
        ] {
            assert!(
                !text.contains(english),
                "{cmd:?}: `{english}` in Chinese help:\n{text}"
            );
        }
        let en = citystar("C").args(cmd).arg("--help").output().unwrap();
        let text = String::from_utf8(en.stdout).unwrap();
        assert!(
            text.contains("Usage:") && !has_han(&text.replace("基本信息", "")),
            "{cmd:?}: {text}"
        );
        // --lang wins over the locale, before or after the subcommand.
        let mut args: Vec<&str> = vec!["--lang", "zh"];
        args.extend(cmd);
        args.push("--help");
        let forced = citystar("C").args(&args).output().unwrap();
        assert!(
            String::from_utf8_lossy(&forced.stdout).contains("用法："),
            "{args:?}"
        );
    }
}

#[test]
fn global_options_go_before_or_after_the_subcommand() {
    for args in [
        &[
            "--lang",
            "zh",
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
        ][..],
        &[
            "assess",
            "--lang",
            "zh",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
        ][..],
        &[
            "--ascii",
            "--lang",
            "zh",
            "check",
            "sample-submissions/city-a.xlsx",
        ][..],
        &[
            "check",
            "sample-submissions/city-a.xlsx",
            "--ascii",
            "--lang=zh",
        ][..],
    ] {
        let out = citystar("C").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(has_han(&text.replace("示例市", "")), "{args:?}");
        if args.contains(&"--ascii") {
            assert!(
                !text.contains('│') && !text.contains('┌'),
                "{args:?}: {text}"
            );
        }
    }
}

#[test]
fn errors_are_in_the_output_language() {
    let out = citystar("zh_CN.UTF-8")
        .args([
            "assess",
            "--standard",
            "no-such-standard",
            "sample-submissions/city-a.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("错误：没有标准"), "{err}");
    let out = citystar("C")
        .args([
            "assess",
            "--standard",
            "no-such-standard",
            "sample-submissions/city-a.xlsx",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: no standard"));
}

#[test]
fn usage_errors_are_in_the_output_language() {
    for args in [
        &["no-such-command"][..],
        &["assess", "--no-such-option"],
        &["assess"],
        &["assess", "sample-submissions/city-a.xlsx", "--draws", "x"],
    ] {
        let out = citystar("zh_CN.UTF-8").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("错误：") && !err.contains("Usage") && !err.contains("For more"),
            "{args:?}: {err}"
        );
        let out = citystar("C").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
    let help = citystar("zh_CN.UTF-8").arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(!help.contains("Print this message"), "{help}");
    assert!(help.contains("显示本帮助或指定子命令的帮助"), "{help}");
}

/// A round compared with its baseline and the policy targets.
const ROUNDS_RUN: &[&str] = &[
    "assess",
    "sample-submissions/city-a.xlsx",
    "--draws",
    "0",
    "--baseline",
    "sample-submissions/city-b.xlsx",
    "--targets",
    "shandong-2020-136",
];

/// Every terminal command over the samples, at 80 and 120 columns: no line
/// wider than the terminal, and no code or id cut across two lines.
#[test]
fn terminal_output_fits_80_and_120_columns() {
    let runs: [&[&str]; 16] = [
        &[
            "assess",
            "sample-submissions",
            "--benchmark",
            "zhejiang",
            "--draws",
            "50",
        ],
        &["check", "sample-submissions", "tests/fixtures/codes"],
        &["standards", "list"],
        &["standards", "show", "db37-3890-county"],
        &["benchmarks", "list"],
        &["benchmarks", "show", "zhejiang"],
        &["targets", "list"],
        &["targets", "show", "shandong-2020-136"],
        &[
            "targets",
            "lint",
            "standards/targets/shandong-2020-136.toml",
        ],
        &["standards", "lint", "standards/db37-3890-city.toml"],
        &["explain", "--list"],
        &["explain", "unit-mismatch"],
        ROUNDS_RUN,
        &["assess", "--no-such-option"],
        &["--help"],
        &["assess", "--help"],
    ];
    // A code or id split over a line break leaves its first part at a line's end.
    let cut = regex_lite_cut();
    for width in ["80", "120"] {
        for lang in ["zh_CN.UTF-8", "C"] {
            for args in runs {
                let out = citystar(lang)
                    .env("COLUMNS", width)
                    .args(args)
                    .output()
                    .unwrap();
                let text = String::from_utf8_lossy(&out.stdout).into_owned()
                    + &String::from_utf8_lossy(&out.stderr);
                let w: usize = width.parse().unwrap();
                // A web address is never broken (it must stay copyable): a line
                // holding one may run past the edge by that address alone.
                for line in text.lines().filter(|l| !l.contains("://")) {
                    assert!(
                        line.width() <= w,
                        "{args:?} {lang} at {width}: {} columns:\n{line}",
                        line.width()
                    );
                }
                for line in text.lines() {
                    let cell_ends: Vec<&str> = line.split(['│', '┆', '|']).collect();
                    for c in cell_ends {
                        let c = c.trim_end();
                        assert!(
                            !cut(c),
                            "{args:?} {lang} at {width}: a code is cut in `{line}`"
                        );
                    }
                }
            }
        }
    }
}

/// In Chinese output a table cell breaks between Han characters or at spaces,
/// never inside a file name or code quoted in a sentence (comfy-table alone cuts a
/// sentence without spaces anywhere: `“evidence/a-cop` | `y.pdf”`).
#[test]
fn chinese_table_cells_keep_quoted_names_whole() {
    for width in ["120", "140", "160"] {
        let out = citystar("zh_CN.UTF-8")
            .env("COLUMNS", width)
            .args([
                "check",
                "tests/fixtures/codes",
                "--standard",
                "tests/fixtures/all-kinds-city.toml",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut quoted = 0;
        for line in text.lines().filter(|l| l.starts_with('│')) {
            for cell in line.split(['│', '┆']) {
                let mut rest = cell.trim_end();
                while let Some(k) = rest.find('“') {
                    rest = &rest[k + '“'.len_utf8()..];
                    // A file name or code: Latin, without spaces (a Chinese
                    // name may break between its characters).
                    let name: String = rest.chars().take_while(|c| *c != '”').collect();
                    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) || name.contains(' ')
                    {
                        continue;
                    }
                    quoted += 1;
                    assert!(
                        rest.contains('”'),
                        "at {width}: a quoted name is cut in `{line}`"
                    );
                }
            }
        }
        assert!(quoted > 5, "at {width}: {quoted} quoted names in tables");
    }
}

/// Whether a table cell's text ends in the first part of a code (`HM-`,
/// `db37-3890`, `numerator-`), as it does when a code wraps.
fn regex_lite_cut() -> impl Fn(&str) -> bool {
    |cell: &str| {
        let last = cell.split_whitespace().last().unwrap_or_default();
        last.len() > 1
            && last.ends_with('-')
            && last.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }
}

/// Latin words (a run of two or more letters) in `text`, outside web
/// addresses, file paths and codes (`db37-3890-city`, `HM-01`, `missing-value`).
fn latin_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // A web address is split off whole first: `:` also parts the words below.
    let text: String = text
        .split(' ')
        .filter(|chunk| !chunk.contains("://"))
        .collect::<Vec<_>>()
        .join(" ");
    for token in
        text.split(|c: char| c.is_whitespace() || "（）()[]【】,，;；:：、“”\"'`·|┆│".contains(c))
    {
        if token.contains("://") || token.contains('/') || token.contains('.') {
            continue;
        }
        // Codes and ids hold a hyphen or a digit beside their letters.
        if token.contains('-') || token.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let word: String = token.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if word.len() >= 2
            && token
                .chars()
                .all(|c| c.is_ascii_alphabetic() || !c.is_ascii())
        {
            out.push(word);
        }
    }
    out
}

/// Acronyms and product names that are written in Latin letters in Chinese
/// too, and the ids, keys and commands a reader types.
const ALLOWED_ZH: &[&str] = &[
    "citystar",
    // A product, a file format found in evidence, a fixture standard's unit
    // and edition.
    "LibreOffice",
    "png",
    "PFlops",
    "test",
    // The zip format (a file kind, as xlsx); what hostile fixtures hold:
    // an English sheet name, an entity name, raw cells, an XML attribute.
    "zip",
    "Basic",
    "information",
    "pipe",
    "inf",
    "NaN",
    "text",
    "GDP",
    "NFC",
    "Excel",
    "WPS",
    "IPv",
    "ZF",
    "JC",
    "JJ",
    "HM",
    "BZ",
    "TS",
    "INF",
    "SRV",
    "EXP",
    "PLT",
    "SAF",
    "GOV",
    "INN",
    "CI",
    "TOML",
    "xlsx",
    "ods",
    "xls",
    "xlsb",
    "xlsm",
    "abc",
    "json",
    "markdown",
    "DB",
    "APP",
    "App",
    "app",
    "OA",
    "IPTV",
    "IoT",
    "AI",
    "IT",
    "PC",
    "GIS",
    "BIM",
    "CIM",
    "zhejiang",
    "shanghai",
    "beijing",
    "guangdong",
    "jiangsu",
    "shandong",
    "cohort",
    "Indicator",
    "data",
    "template",
    "deny",
    "warn",
    "allow",
    "standard",
    "verbose",
    "force",
    // Command names, as typed.
    "assess",
    "check",
    "explain",
    "standards",
    "benchmarks",
    "targets",
    "review",
    "serve",
    "help",
    "list",
    "show",
    "lint",
    "export",
    "import",
    "init",
    "table",
    "html",
    "pdf",
    "zh",
    "en",
    "warnings",
    "both",
    // The one code without a hyphen (a lint code, `explain --list`).
    "unreadable",
    // A key of the standard file, as `standards show --format json` names it.
    "basis",
];

/// Chinese output has no English words but codes, ids, file names and the
/// few names that have no Chinese form; English output has no Chinese but
/// data: entity, sheet and level names, and indicator names that are names.
#[test]
fn each_language_stays_itself() {
    let runs: [&[&str]; 27] = [
        &[
            "assess",
            "sample-submissions",
            "--benchmark",
            "zhejiang",
            "--draws",
            "20",
        ],
        &[
            "assess",
            "sample-submissions",
            "--format",
            "markdown",
            "--draws",
            "20",
        ],
        &[
            "check",
            "sample-submissions",
            "tests/fixtures/codes/unit-mismatch.xlsx",
            "tests/fixtures/codes/wrong-level.xlsx",
            "tests/fixtures/codes/not-a-number.xlsx",
            "tests/fixtures/codes/hidden-row.xlsx",
            "tests/fixtures/codes/unknown-option.xlsx",
        ],
        &["standards", "list"],
        &["explain", "--list"],
        &["explain", "bad-cell"],
        &["benchmarks", "list"],
        &["targets", "list"],
        &["targets", "show", "shandong-2020-136"],
        &[
            "targets",
            "lint",
            "standards/targets/shandong-2020-136.toml",
            "standards/targets/jining-2023-23.toml",
        ],
        &["standards", "lint", "standards/db37-3890-county.toml"],
        &["standards"],
        &["benchmarks"],
        &["targets"],
        &["help"],
        &["help", "assess"],
        // Usage errors: clap's own words are replaced in Chinese.
        &["no-such-command"],
        &["assess", "--no-such-option"],
        &["assess"],
        &["assess", "sample-submissions/city-a.xlsx", "--draws", "x"],
        &[
            "assess",
            "sample-submissions/city-a.xlsx",
            "--format",
            "pdf",
        ],
        &["template"],
        &["standards", "show"],
        // Every fixture: each diagnostic code, each file that cannot be read.
        &[
            "check",
            "tests/fixtures/codes",
            "--standard",
            "tests/fixtures/all-kinds-city.toml",
        ],
        &[
            "assess",
            "tests/fixtures/codes",
            "--standard",
            "tests/fixtures/all-kinds-city.toml",
            "--draws",
            "0",
            "--format",
            "markdown",
        ],
        &[
            "check",
            "tests/fixtures/hostile",
            "tests/fixtures/hostile2",
            "tests/fixtures/producers",
            "tests/fixtures/review",
        ],
        &[
            "assess",
            "tests/fixtures/hostile",
            "tests/fixtures/hostile2",
            "--draws",
            "0",
        ],
    ];
    // What the new commands write needs a folder of its own.
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name).display().to_string();
    let (review, html, xlsx, blank) = (
        d("city-a.review.xlsx"),
        d("r.html"),
        d("r.xlsx"),
        d("t.xlsx"),
    );
    let written: Vec<Vec<String>> = [
        &[
            "review",
            "init",
            "--standard",
            "db37-3890-city",
            "sample-submissions/city-a.xlsx",
            "-o",
            &review,
        ][..],
        &[
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--review",
            &review,
        ],
        ROUNDS_RUN,
        &[
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--report",
            &html,
            "--force",
        ],
        &[
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--report",
            &xlsx,
            "--force",
        ],
        &["template", "--level", "city", "-o", &blank, "--force"],
        &[
            "check",
            "sample-submissions/city-a.xlsx",
            "tests/fixtures/codes/bad-cell.xlsx",
        ],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect();
    let runs: Vec<Vec<String>> = runs
        .iter()
        .map(|a| a.iter().map(|s| s.to_string()).collect())
        .chain(written)
        .collect();
    let allowed_zh = ALLOWED_ZH;
    for args in &runs {
        let out = citystar("zh_CN.UTF-8")
            .env("COLUMNS", "120")
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        // In a usage line, `[OPTIONS]`, `<FILE|DIR>` and `LANG` are the names
        // of what to type (clap's placeholders and environment variables).
        let stray: Vec<String> = latin_words(&text)
            .into_iter()
            .filter(|w| !allowed_zh.contains(&w.as_str()))
            .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        assert!(
            stray.is_empty(),
            "{args:?}: English in Chinese output: {stray:?}"
        );
    }
    // In English, Chinese may only be data: the names of entities, sheets,
    // levels and options the workbook holds, and proper names.
    let data = [
        "示例市",
        "样例市",
        "示范县",
        "示例社区",
        "指标填报",
        "基本信息",
        "填报值",
        "市级",
        "县级",
        "智慧社区",
        "省级",
        "爱山东",
        "一号认证",
        "最多跑一次",
        "一网通办",
        "浙里办",
        "杭州市",
        "是",
        "否",
        "说明",
        "旧数据",
        "网上可办率",
        "网上办事实现率",
        "掌上办事实现率",
        "掌上可办率",
        // Official documents are cited by their number.
        "鲁政办字〔2020〕136号",
        "济政办字〔2023〕23号",
        // What the fixtures hold: an evidence file's name, raw cells, an
        // option, the units typed and the unit asked for, quoted; a name of
        // 30,000 characters, clipped, and the pieces a table breaks it into.
        "事项清单",
        "约三千",
        "也许",
        "规划中",
        "３，０００ 个",
        "万个",
        "`个`",
        "\\`个\\`",
        "行政区划代码",
        // The hostile and review fixtures: a raw cell, sheet names, folder
        // and file names, and the units a population cell is asked in.
        "三千",
        "隐藏",
        "填报表",
        "佐证",
        "空文件",
        "(人)",
        "(万人)",
        "示",
        "例",
        "市",
    ];
    for args in &runs {
        let out = citystar("C")
            .env("COLUMNS", "120")
            .args(args)
            .output()
            .unwrap();
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        for d in data {
            text = text.replace(d, "");
        }
        let han: String = text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect();
        assert!(han.is_empty(), "{args:?}: Chinese in English output: {han}");
    }
}

/// What `standards` and `benchmarks` show in Chinese is Chinese at 80
/// columns: kinds, roles, dates, units and notes in their Chinese names, each
/// benchmark's id beside its display name; only ids, codes, acronyms and
/// file names stay in Latin letters.
#[test]
fn standards_and_benchmarks_show_their_data_in_chinese() {
    let mut runs: Vec<Vec<String>> = vec![
        vec!["standards".into(), "list".into()],
        vec!["benchmarks".into(), "list".into()],
    ];
    for id in ["db37-3890-city", "db37-3890-county", "db37-3890-community"] {
        runs.push(vec!["standards".into(), "show".into(), id.into()]);
    }
    for b in [
        "zhejiang",
        "shanghai",
        "beijing",
        "guangdong",
        "jiangsu",
        "shandong",
    ] {
        runs.push(vec!["benchmarks".into(), "show".into(), b.into()]);
    }
    for args in &runs {
        let out = citystar("C")
            .env("COLUMNS", "80")
            .args(["--lang", "zh"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        let stray: Vec<String> = latin_words(&text)
            .into_iter()
            .filter(|w| !ALLOWED_ZH.contains(&w.as_str()))
            .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        assert!(
            stray.is_empty(),
            "{args:?}: English in Chinese output: {stray:?}"
        );
        // Dates and units with hyphens or digits escape `latin_words`.
        for word in ["end-", "mid-", "early ", "H1 ", " H2", "million", "bn yuan"] {
            assert!(!text.contains(word), "{args:?}: `{word}` in Chinese output");
        }
    }
    // The list names each benchmark by its id and its display name.
    for (lang, head, name) in [("zh", "标识", "浙江省"), ("en", "id", "Zhejiang")] {
        let out = citystar("C")
            .env("COLUMNS", "80")
            .args(["--lang", lang, "benchmarks", "list"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let row = text.lines().find(|l| l.contains("zhejiang")).unwrap();
        assert!(row.contains(name), "{lang}: {text}");
        assert!(text.lines().any(|l| l.contains(head)), "{lang}: {text}");
    }
    // The note is in the reader's language.
    let out = citystar("C")
        .env("COLUMNS", "80")
        .args(["--lang", "en", "standards", "show", "db37-3890-city"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("provisional") && !text.contains("临时重建"),
        "{text}"
    );
}

/// A reader of stdout that goes away (`citystar … | head`) ends the run
/// quietly: exit 0, nothing on stderr (no panic, no `error:` line).
#[test]
fn a_closed_pipe_is_a_quiet_exit() {
    use std::process::Stdio;
    let exe = assert_cmd::cargo::cargo_bin("citystar");
    for args in [
        &["standards", "show", "db37-3890-city"][..],
        &[
            "assess",
            "sample-submissions",
            "--draws",
            "0",
            "--format",
            "json",
        ],
    ] {
        let mut child = std::process::Command::new(&exe)
            .args(args)
            .env("LANG", "C")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the run has written its first line.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Both namespaces of codes, the run's (`diag::Code`) and the files' lint
/// codes (`diag::LintCode`): every variant has texts in both languages, a
/// section in docs/diagnostics.md, and an `explain` in Chinese and English that
/// says its title, explanation and fix.
#[test]
fn every_code_of_both_namespaces_is_documented_and_explained() {
    use citystar::diag::{Code, Entry, LintCode};
    let docs = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let entries: Vec<(&Entry, String)> = Code::ALL
        .iter()
        .map(|c| (c.entry(), format!("## `{}`", c.as_str())))
        .chain(LintCode::ALL.iter().map(|c| {
            (
                c.entry(),
                format!("## `{}` (standard, benchmark or target file)", c.as_str()),
            )
        }))
        .collect();
    for (e, heading) in &entries {
        for t in [
            e.title_zh,
            e.title_en,
            e.explain_zh,
            e.explain_en,
            e.fix_zh,
            e.fix_en,
        ] {
            assert!(!t.trim().is_empty(), "{} lacks a text", e.code);
        }
        assert!(
            e.title_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && e.explain_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: the zh texts are not Chinese",
            e.code
        );
        assert_eq!(
            docs.lines().filter(|l| l.trim() == heading).count(),
            1,
            "docs/diagnostics.md needs one section `{heading}`"
        );
        let section = docs.split(heading.as_str()).nth(1).unwrap();
        let section = section.split("\n## ").next().unwrap();
        for t in [e.explain_en, e.explain_zh, e.fix_en, e.fix_zh] {
            assert!(
                squash(section).contains(&squash(t)),
                "docs/diagnostics.md `{heading}` does not say: {t}"
            );
        }
        for (lang, title, what, fix) in [
            ("zh", e.title_zh, e.explain_zh, e.fix_zh),
            ("en", e.title_en, e.explain_en, e.fix_en),
        ] {
            let out = citystar("C")
                .args(["--lang", lang, "explain", e.code])
                .output()
                .unwrap();
            assert!(out.status.success(), "explain {} --lang {lang}", e.code);
            let text = squash(&String::from_utf8_lossy(&out.stdout));
            for t in [title, what, fix] {
                assert!(
                    text.contains(&squash(t)),
                    "explain {} --lang {lang} does not say: {t}",
                    e.code
                );
            }
        }
    }
    // A name in both namespaces is explained twice, each entry labelled.
    for (lang, labels) in [
        ("en", ["(workbook)", "(standard, benchmark or target file)"]),
        ("zh", ["(填报表)", "(标准、对标或目标文件)"]),
    ] {
        for code in ["duplicate-code", "unit-mismatch"] {
            let out = citystar("C")
                .args(["--lang", lang, "explain", code])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            for l in labels {
                assert!(
                    text.contains(&format!("{code} {l}")),
                    "{code} {lang}: {text}"
                );
            }
        }
    }
    // The list names both namespaces' codes.
    let out = citystar("C").args(["explain", "--list"]).output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    for (e, _) in &entries {
        assert!(
            list.lines()
                .any(|l| l.split_whitespace().next() == Some(e.code)),
            "explain --list lacks {}",
            e.code
        );
    }
}

/// `--deny/--warn/--allow` take workbook and review codes; a lint code or a
/// read-failure code is refused, saying what it is, in the output language.
#[test]
fn levels_refuse_codes_of_other_kinds() {
    for (code, zh, en) in [
        (
            "toml-syntax",
            "目标文件检查",
            "lint code of standard, benchmark and target files",
        ),
        ("zip-bomb", "无法读取文件的代码", "cannot be read"),
        ("no-such-code", "没有诊断代码", "unknown diagnostic code"),
    ] {
        for (lang, want) in [("zh", zh), ("en", en)] {
            let out = citystar("C")
                .args([
                    "--lang",
                    lang,
                    "check",
                    "--deny",
                    code,
                    "sample-submissions",
                ])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{code}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(want) && err.contains(code),
                "{code} {lang}: {err}"
            );
            assert!(err.contains("citystar explain --list"), "{err}");
        }
    }
}

/// Paths that name no workbook are said in the reader's language, by every
/// command that walks folders.
#[test]
fn missing_paths_and_empty_folders_are_said_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("空文件夹");
    std::fs::create_dir(&empty).unwrap();
    let missing = dir.path().join("missing.xlsx");
    for cmd in ["check", "assess"] {
        let zh = citystar("zh")
            .arg(cmd)
            .arg(&empty)
            .arg(&missing)
            .output()
            .unwrap();
        let text =
            String::from_utf8_lossy(&zh.stderr).to_string() + &String::from_utf8_lossy(&zh.stdout);
        assert!(text.contains("没有这个文件或文件夹"), "{cmd}: {text}");
        assert!(text.contains("此文件夹中没有填报表"), "{cmd}: {text}");
        assert!(
            !text.contains("no such file") && !text.contains("no workbooks"),
            "{cmd}: {text}"
        );
        let en = citystar("en")
            .arg(cmd)
            .arg(&empty)
            .arg(&missing)
            .output()
            .unwrap();
        let text =
            String::from_utf8_lossy(&en.stderr).to_string() + &String::from_utf8_lossy(&en.stdout);
        assert!(text.contains("no such file or folder"), "{cmd}: {text}");
        assert!(
            text.contains("no workbooks (xlsx, xlsm, xlsb, xls, ods) in this folder"),
            "{cmd}: {text}"
        );
    }
}
