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

const COMMANDS: [&[&str]; 14] = [
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

/// Every terminal command over the samples, at 80 and 120 columns: no line
/// wider than the terminal, and no code or id cut across two lines.
#[test]
fn terminal_output_fits_80_and_120_columns() {
    let runs: [&[&str]; 6] = [
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
                let text = String::from_utf8_lossy(&out.stdout);
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
