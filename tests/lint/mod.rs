//! The problems of standard, benchmark and target files and of a standard
//! workbook, as a person fixing one reads them: in Chinese under `--lang zh`
//! (no English word but the keys, codes and values quoted from the file) and,
//! under `--lang en`, exactly the English citystar has always printed
//! (`tests/lint/en/`, written before the messages moved into the catalogue).

use assert_cmd::Command;
use std::path::Path;

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS");
    c
}

/// The `.toml` files of a folder, sorted.
fn files(dir: &str, ext: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no .{ext} files in {dir}");
    out
}

/// Each command that shows a file's problems, by name: its arguments (`OUT`
/// is a path to write to). All of them fail with exit 2.
fn runs() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for f in files("tests/lint", "toml") {
        out.push((
            format!("standards-lint {f}"),
            strings(&["standards", "lint", &f]),
        ));
    }
    for f in files("tests/lint/benchmark", "toml") {
        out.push((
            format!("benchmarks-show {f}"),
            strings(&["benchmarks", "show", &f, "--standard", "db37-3890-city"]),
        ));
    }
    for f in files("tests/lint/targets", "toml") {
        out.push((
            format!("targets-lint {f}"),
            strings(&["targets", "lint", &f]),
        ));
    }
    for f in files("tests/lint/import", "xlsx") {
        out.push((
            format!("standards-import {f}"),
            strings(&["standards", "import", &f, "-o", "OUT"]),
        ));
    }
    for (option, file) in [
        ("--standard", "tests/lint/many-problems.toml"),
        ("--benchmark", "tests/lint/benchmark/many-problems.toml"),
        ("--targets", "tests/lint/targets/many-problems.toml"),
    ] {
        out.push((
            format!("assess {option} {file}"),
            strings(&["assess", "sample-submissions", option, file]),
        ));
    }
    out
}

/// What a run printed, stdout then stderr.
fn run(lang: &str, args: &[String], out: &Path) -> String {
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a == "OUT" {
                out.to_string_lossy().into_owned()
            } else {
                a.clone()
            }
        })
        .collect();
    let o = citystar()
        .arg("--lang")
        .arg(lang)
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?} in {lang}");
    assert!(!out.exists(), "{args:?} wrote {}", out.display());
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `text` without what is quoted from the file or names it: `code`, "value",
/// “value”, [table] and [lint-code], and the sheet names of the standard
/// workbook (paths are left to [`latin_words`], which skips them).
fn without_quoted(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    let mut depth = 0;
    for c in text.chars() {
        match close {
            Some(q) if c == q => close = None,
            Some(_) => {}
            None if depth > 0 => match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            },
            None => match c {
                '`' => close = Some('`'),
                '"' => close = Some('"'),
                '“' => close = Some('”'),
                '[' => depth = 1,
                _ => out.push(c),
            },
        }
    }
    // The workbook's sheets are named in both languages.
    let sheets = [
        "标准 Standard",
        "维度 Dimensions",
        "指标 Indicators",
        "选项 Options",
        "评级 Rating",
        "子档 Tiers",
        "条件 Conditions",
    ];
    for s in sheets {
        out = out.replace(s, "");
    }
    out
}

/// Latin words (two letters or more) outside codes, ids and paths, as
/// `tests/cli`'s language test counts them.
fn latin_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in
        text.split(|c: char| c.is_whitespace() || "（）()[]【】,，;；:：、“”\"'`·|".contains(c))
    {
        if token.contains('/') || token.contains('.') {
            continue;
        }
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

/// Names written in Latin letters in Chinese too, and the values a reader
/// types as they are (TOML's and Excel's literals).
const ALLOWED_ZH: &[&str] = &["citystar", "TOML", "ASCII", "TRUE", "FALSE", "inf", "nan"];

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_problem_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mut found = Vec::new();
    for (name, args) in runs() {
        let text = run("zh", &args, &dir.path().join("out.toml"));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            // Each line says something in words, not codes alone.
            if !has_han(line) {
                found.push(format!("{name}: no Chinese in {line:?}"));
            }
            let words: Vec<String> = latin_words(&without_quoted(line))
                .into_iter()
                .filter(|w| !ALLOWED_ZH.contains(&w.as_str()))
                .collect();
            if !words.is_empty() {
                found.push(format!("{name}: {words:?} in {line:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English in Chinese output:\n{}",
        found.join("\n")
    );
}

/// The English of every run, byte for byte as before (`tests/lint/en/`).
#[test]
fn english_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut got = String::new();
    for (name, args) in runs() {
        got.push_str(&format!("## {name}\n"));
        got.push_str(&run("en", &args, &dir.path().join("out.toml")));
    }
    let want = std::fs::read_to_string("tests/lint/en/problems.txt").unwrap();
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .find(|(g, w)| g != w)
            .map(|(g, w)| format!("got  {g:?}\nwant {w:?}"))
            .unwrap_or_else(|| "one is longer".into());
        panic!("English output changed:\n{first}");
    }
}
