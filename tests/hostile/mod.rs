//! Hostile and careless input: the generated corpus in tests/fixtures/hostile2
//! (scripts/make-hostile.py), files that are not files, and report targets that
//! must never be written. Every run here is capped at 2 GiB of address space
//! (`CITYSTAR_MEMORY_LIMIT_MB`), its readers at 1 GiB, so a regression fails the
//! test instead of the machine.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const ALL_KINDS: &str = "tests/fixtures/all-kinds-city.toml";
const GOOD: &str = "tests/fixtures/producers/openpyxl-good.xlsx";
const CORPUS: &str = "tests/fixtures/hostile2";

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("CITYSTAR_MEMORY_LIMIT_MB", "2048")
        .env("CITYSTAR_READER_MEMORY_MB", "1024")
        .env("CITYSTAR_READER_SECONDS", "20")
        .timeout(std::time::Duration::from_secs(300));
    c
}

/// (file, expectation, note) of every corpus file.
fn corpus() -> Vec<(String, String, String)> {
    let tsv = std::fs::read_to_string(format!("{CORPUS}/expected.tsv")).unwrap();
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].to_string(),
                f[2].to_string(),
                f.get(3).unwrap_or(&"").to_string(),
            )
        })
        .filter(|(f, _, _)| f != "file")
        .collect()
}

fn no_panic_text(stderr: &str) {
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "stack backtrace",
        "thread '",
        "Debug",
        "Borrowed(",
    ] {
        assert!(
            !stderr.contains(bad),
            "panic or debug text on stderr: {stderr}"
        );
    }
}

#[test]
fn every_hostile_file_fails_alone_or_is_read_and_the_run_goes_on() {
    let files = corpus();
    assert!(files.len() >= 50, "the corpus is missing: {}", files.len());
    let mut args = vec![
        "check".to_string(),
        "--standard".into(),
        ALL_KINDS.into(),
        "--format=json".into(),
    ];
    args.extend(files.iter().map(|(f, _, _)| format!("{CORPUS}/{f}")));
    args.push(GOOD.into());
    let out = citystar().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    no_panic_text(&stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = v["files"].as_array().unwrap();
    assert_eq!(reports.len(), files.len() + 1);
    let by_name = |name: &str| {
        reports
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("{name} not in the report"))
    };
    assert_eq!(by_name("openpyxl-good.xlsx")["status"], "read");
    for (file, expect, note) in &files {
        let r = by_name(file);
        let status = r["status"].as_str().unwrap();
        match expect.as_str() {
            "unreadable" => assert_eq!(status, "unreadable", "{file} ({note}): {r}"),
            "read" => assert_eq!(status, "read", "{file} ({note}): {r}"),
            _ => assert!(status == "read" || status == "unreadable", "{file}: {r}"),
        }
        if status == "unreadable" {
            let err = r["error"].as_str().unwrap();
            // One sentence, ours: no library type names or raw byte lists.
            assert!(
                !err.contains("::") && !err.contains("[2") && err.len() < 400,
                "{file}: {err}"
            );
        }
    }
    // The table names each unreadable file in one line of stderr, nothing more.
    let out = citystar()
        .args(["check", "--standard", ALL_KINDS, CORPUS, GOOD])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    no_panic_text(&stderr);
    for r in reports.iter().filter(|r| r["status"] == "unreadable") {
        let name = Path::new(r["file"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            stderr
                .lines()
                .filter(|l| l.contains(&format!("/{name}:")))
                .count(),
            1,
            "{name}: {stderr}"
        );
    }
}

/// Each semantic case of the corpus gives its finding at its cell.
#[test]
fn nonsense_is_a_finding_at_its_cell() {
    let cases = [
        ("population-1e308.xlsx", "implausible-value", "基本信息!B7"),
        ("population-1e999.xlsx", "not-a-number", "基本信息!B7"),
        ("population-inf.xlsx", "not-a-number", "基本信息!B7"),
        ("population-nan.xlsx", "not-a-number", "基本信息!B7"),
        ("population-half.xlsx", "out-of-range", "基本信息!B7"),
        ("value-nan.xlsx", "not-a-number", "指标填报!F8"),
        ("value-inf.xlsx", "not-a-number", "指标填报!F2"),
        ("denominator-1e308.xlsx", "implausible-value", "指标填报!F3"),
        ("code-stray-space.xlsx", "code-with-spaces", "指标填报!A2"),
        ("level-provincial.xlsx", "unknown-level", "基本信息!B3"),
        ("year-2099.xlsx", "out-of-range", "基本信息!B6"),
        ("year-1800.xlsx", "out-of-range", "基本信息!B6"),
        ("name-30000-chars.xlsx", "text-too-long", "基本信息!B2"),
        ("hidden-row-value.xlsx", "hidden-row", "指标填报!8:8"),
        (
            "duplicate-value-column.xlsx",
            "duplicate-column",
            "指标填报!I1",
        ),
        (
            "duplicate-data-sheet-english.xlsx",
            "duplicate-sheet",
            "Indicator data",
        ),
        (
            "duplicate-data-sheet-trailing-space.xlsx",
            "duplicate-sheet",
            "指标填报 ",
        ),
        (
            "duplicate-info-sheet-english.xlsx",
            "duplicate-sheet",
            "Basic information",
        ),
        ("cell-t-n-text.xlsx", "bad-cell", "指标填报!F4"),
        (
            "cell-t-n-text-number-item.xlsx",
            "not-a-number",
            "指标填报!F8",
        ),
        ("many-hidden-sheets.xlsx", "hidden-sheet", ""),
        ("count-negative.xlsx", "out-of-range", "指标填报!F8"),
    ];
    for (file, code, loc) in cases {
        let out = citystar()
            .args(["check", "--standard", ALL_KINDS, "--format=json"])
            .arg(format!("{CORPUS}/{file}"))
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let diags = v["files"][0]["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: {v}"));
        assert!(
            diags
                .iter()
                .any(|d| d["code"] == code && d["location"] == loc),
            "{file}: expected {code} at {loc}, got {diags:#?}"
        );
        // Numbers are shown as a person reads them, never as 309 digits.
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("0000000000000000000000"),
            "{file}"
        );
    }
    // A workbook whose package puts the workbook part at the root is read in full.
    let out = citystar()
        .args(["check", "--standard", ALL_KINDS, "--format=json"])
        .arg(format!("{CORPUS}/workbook-at-root.xlsx"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn output_is_safe_to_show() {
    let files = [
        format!("{CORPUS}/name-escape-bidi.xlsx"),
        format!("{CORPUS}/html-pipe-injection.xlsx"),
    ];
    let table = citystar()
        .args(["assess", "--standard", ALL_KINDS, "--draws", "0"])
        .args(&files)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("\\u{1b}[31mRED"), "{text}");
    for bad in ['\u{1b}', '\u{202e}', '\u{2066}'] {
        assert!(!text.contains(bad), "raw {bad:?} reached the terminal");
    }
    let md = citystar()
        .args([
            "assess",
            "--standard",
            ALL_KINDS,
            "--draws",
            "0",
            "--format",
            "markdown",
        ])
        .args(&files)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(!md.contains("<img"), "{md}");
    assert!(
        md.contains("&lt;img src=x onerror=alert(1)&gt; \\| pipe \\| table"),
        "{md}"
    );
    let check_md = citystar()
        .args(["check", "--standard", ALL_KINDS, "--format", "markdown"])
        .args(&files)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&check_md.stdout).contains("<img"));
    // JSON keeps the text exact.
    let json = citystar()
        .args([
            "assess",
            "--standard",
            ALL_KINDS,
            "--draws",
            "0",
            "--format",
            "json",
        ])
        .arg(&files[0])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        v["entities"][0]["name"]
            .as_str()
            .unwrap()
            .contains('\u{1b}')
    );
}

#[test]
fn only_regular_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.xlsx");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo is needed for this test");
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        citystar()
            .timeout(std::time::Duration::from_secs(20))
            .arg("check")
            .arg(path)
            .arg(GOOD)
            .args(["--standard", ALL_KINDS])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a regular file"))
            .stdout(predicate::str::contains("openpyxl-good.xlsx"));
    }
    // A folder given as a file and a standard file that is a device are refused too.
    citystar()
        .args(["assess", "--standard", "/dev/zero", GOOD])
        .assert()
        .code(2);
}

/// A reader that runs out of memory ends only itself: the file is reported
/// and the next file is read by a fresh reader.
#[test]
fn a_reader_out_of_memory_ends_only_itself() {
    let out = citystar()
        .env("CITYSTAR_READER_MEMORY_MB", "256")
        .args(["check", "--standard", ALL_KINDS, "--format=json"])
        .arg(format!("{CORPUS}/xls-huge-dimensions.xls"))
        .arg(GOOD)
        .arg("tests/fixtures/producers/libreoffice-good.xls")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    no_panic_text(&String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let status: Vec<&str> = files
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(status.iter().filter(|s| **s == "read").count(), 2, "{v}");
    let err = files.iter().find(|f| f["status"] == "unreadable").unwrap()["error"]
        .as_str()
        .unwrap();
    assert!(err.contains("memory") || err.contains("damaged"), "{err}");
    // Chinese, when asked.
    let out = citystar()
        .args(["check", "--lang", "zh", "--standard", ALL_KINDS])
        .arg(format!("{CORPUS}/shared-strings-unique-count.xlsx"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("错误") && stderr.contains("文件已损坏"),
        "{stderr}"
    );
    assert!(!stderr.contains("error"), "{stderr}");
}

/// A standard file with thousands of problems lists the first fifty, and
/// an oversized or special standard file is refused before it is read.
#[test]
fn standard_files_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("tests/data/tiny-city.toml").unwrap();
    let at = base.find("[[indicator]]").expect("an indicator table");
    let one_end = base[at + 1..].find("[[").map_or(base.len(), |e| at + 1 + e);
    let one = &base[at..one_end];
    let mut text = base.clone();
    // Five thousand copies of one indicator: thousands of duplicate codes in 2 MB.
    for _ in 0..5_000 {
        text.push('\n');
        text.push_str(one);
    }
    let dup = dir.path().join("dup.toml");
    std::fs::write(&dup, &text).unwrap();
    let out = citystar()
        .args(["standards", "lint"])
        .arg(&dup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!((3..=60).contains(&lines), "{lines} lines");
    let big = dir.path().join("big.toml");
    std::fs::write(&big, "# x\n".repeat(2_000_000)).unwrap();
    citystar()
        .args(["standards", "lint"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 4 MB"));
}

mod fuzz;
mod overwrite;

/// A workbook that takes its reader longer than allowed: 指标填报 with
/// 19,000 rows of 199 numbers (legal sizes, seconds to read in a debug build).
fn slow_workbook(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::{Read, Write};
    let src = std::fs::read(GOOD).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut rows = String::new();
    for r in 1000..20_000u32 {
        rows.push_str(&format!("<row r=\"{r}\">"));
        for c in 0..199u32 {
            rows.push_str(&format!("<c r=\"{}{r}\"><v>{c}</v></c>", col(c)));
        }
        rows.push_str("</row>");
    }
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut body = Vec::new();
        f.read_to_end(&mut body).unwrap();
        if name == "xl/worksheets/sheet3.xml" {
            let text = String::from_utf8(body).unwrap();
            let text =
                regex_free_dimension(&text).replace("</sheetData>", &format!("{rows}</sheetData>"));
            body = text.into_bytes();
        }
        zout.start_file(name.as_str(), opts).unwrap();
        zout.write_all(&body).unwrap();
    }
    let path = dir.join("slow.xlsx");
    std::fs::write(&path, zout.finish().unwrap().into_inner()).unwrap();
    path
}

fn col(mut c: u32) -> String {
    let mut s = String::new();
    c += 1;
    while c > 0 {
        let r = (c - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    s
}

/// The sheet without its declared dimension (the rows added go beyond it).
fn regex_free_dimension(xml: &str) -> String {
    match (
        xml.find("<dimension "),
        xml.find("<dimension ")
            .and_then(|a| xml[a..].find("/>").map(|e| a + e + 2)),
    ) {
        (Some(a), Some(b)) => format!("{}{}", &xml[..a], &xml[b..]),
        _ => xml.to_string(),
    }
}

/// A reader that timed out has ended: the files after it are read by a fresh
/// one (a reused, ended reader would end the whole run on its closed pipe).
#[test]
fn the_files_after_a_timeout_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let slow = slow_workbook(dir.path());
    let out = citystar()
        .env("RAYON_NUM_THREADS", "1")
        .env("CITYSTAR_READER_SECONDS", "1")
        .args(["check", "--standard", ALL_KINDS, "--format=json"])
        .arg(&slow)
        .arg(GOOD)
        .arg("tests/fixtures/producers/libreoffice-good.xlsx")
        .arg("tests/fixtures/producers/libreoffice-good.ods")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let slow_report = files
        .iter()
        .find(|f| f["file"].as_str().unwrap().ends_with("slow.xlsx"))
        .unwrap();
    assert!(
        slow_report["error"]
            .as_str()
            .unwrap()
            .contains("took more than 1 s"),
        "{slow_report}"
    );
    let read = files.iter().filter(|f| f["status"] == "read").count();
    assert_eq!(read, 3, "{v}");
}

/// A row numbered 4294967295 before a hidden row: read, never a panic.
#[test]
fn a_hidden_row_at_the_edge_of_u32_is_harmless() {
    use std::io::{Read, Write};
    let src = std::fs::read(format!("{CORPUS}/hidden-row-value.xlsx")).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut body = Vec::new();
        f.read_to_end(&mut body).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(body).unwrap().replace(
                "</sheetData>",
                r#"<row r="4294967295"></row><row hidden="1"></row></sheetData>"#,
            );
            body = text.into_bytes();
        }
        zout.start_file(name.as_str(), opts).unwrap();
        zout.write_all(&body).unwrap();
    }
    let bytes = zout.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edge.xlsx");
    std::fs::write(&path, bytes).unwrap();
    for reader in ["in-process", "processes"] {
        let out = citystar()
            .env("CITYSTAR_READER", reader)
            .args(["check", "--standard", ALL_KINDS])
            .arg(&path)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(matches!(code, Some(0..=2)), "{reader}: {code:?}");
        no_panic_text(&String::from_utf8_lossy(&out.stderr));
    }
}

/// LibreOffice writes `hidden="false"` on every row: its workbooks have no
/// hidden-row finding, and a row it saved with `hidden="true"` still has one
/// (the zip check sends only such sheets to the package scan).
#[test]
fn libreoffice_rows_are_hidden_only_when_marked_true() {
    use std::io::{Read, Write};
    let src = std::fs::read("tests/fixtures/producers/libreoffice-good.xlsx").unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut marked = false;
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut body = Vec::new();
        f.read_to_end(&mut body).unwrap();
        // 指标填报 is the third sheet; its row 8 holds an input row.
        if name == "xl/worksheets/sheet3.xml" {
            let text = String::from_utf8(body).unwrap();
            assert!(
                text.matches("hidden=\"false\"").count() > 10,
                "LibreOffice's rows"
            );
            let at = text.find("<row r=\"8\"").unwrap();
            let end = at + text[at..].find('>').unwrap();
            let row = text[at..end].replace("hidden=\"false\"", "hidden=\"true\"");
            marked = row.contains("hidden=\"true\"");
            body = format!("{}{row}{}", &text[..at], &text[end..]).into_bytes();
        }
        zout.start_file(name.as_str(), opts).unwrap();
        zout.write_all(&body).unwrap();
    }
    assert!(marked);
    let bytes = zout.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hidden-true.xlsx");
    std::fs::write(&path, bytes).unwrap();
    for reader in ["in-process", "processes"] {
        let check = |file: &Path| {
            let out = citystar()
                .env("CITYSTAR_READER", reader)
                .args(["check", "--format", "json"])
                .arg(file)
                .output()
                .unwrap();
            no_panic_text(&String::from_utf8_lossy(&out.stderr));
            String::from_utf8(out.stdout).unwrap()
        };
        let saved = check(Path::new("tests/fixtures/producers/libreoffice-good.xlsx"));
        assert!(!saved.contains("hidden-row"), "{reader}: {saved}");
        let hidden = check(&path);
        assert!(hidden.contains("\"hidden-row\""), "{reader}: {hidden}");
        assert!(hidden.contains("指标填报!8:8"), "{reader}: {hidden}");
    }
}

/// The reader protocol as the pool speaks it: a request is a u64 length and
/// the workbook's bytes, a reply a tag byte (0 sheets, 1 a failure) and a
/// u64-length-prefixed body. A reader answers every request in order, and
/// ends as soon as its input ends (the run waits for its readers).
#[test]
fn a_reader_answers_each_request_and_ends_with_its_input() {
    use std::io::{Read, Write};
    let exe = assert_cmd::cargo::cargo_bin("citystar");
    let mut child = std::process::Command::new(exe)
        .arg("__citystar-reader")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut to = child.stdin.take().unwrap();
    let mut from = child.stdout.take().unwrap();
    let good = std::fs::read(GOOD).unwrap();
    let mut reply = |request: &[u8]| {
        to.write_all(&(request.len() as u64).to_le_bytes()).unwrap();
        to.write_all(request).unwrap();
        let mut head = [0u8; 9];
        from.read_exact(&mut head).unwrap();
        let mut body = vec![0; u64::from_le_bytes(head[1..].try_into().unwrap()) as usize];
        from.read_exact(&mut body).unwrap();
        (head[0], body)
    };
    let (tag, first) = reply(&good);
    assert_eq!(tag, 0, "{}", String::from_utf8_lossy(&first));
    let (tag, body) = reply(b"not a workbook");
    assert_eq!(tag, 1);
    let failure: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert!(failure.is_object(), "{failure}");
    // The same file again: the same sheets, byte for byte.
    assert_eq!(reply(&good), (0, first));
    drop(to);
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the reader did not end with its input"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

/// `check --format=json` of one file, with the shipped standards.
fn check_json(path: &Path) -> serde_json::Value {
    let out = citystar()
        .args(["check", "--format=json"])
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A workbook with one worksheet part's compressed bytes garbled.
fn with_garbled_part(dir: &Path, from: &str, part: &str) -> std::path::PathBuf {
    let mut bytes = std::fs::read(from).unwrap();
    let (start, len) = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let f = zip.by_name(part).unwrap();
        (
            f.data_start().unwrap() as usize,
            f.compressed_size() as usize,
        )
    };
    assert!(len > 64, "{part} is too small to garble");
    for b in &mut bytes[start + len / 4..start + len / 2] {
        *b = !*b;
    }
    let path = dir.join(part.replace('/', "-") + ".xlsx");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Only the parts of the sheets citystar reads are inflated: damage in a
/// sheet no one reads (填报说明) leaves the file as readable as before, the
/// same damage in 指标填报 makes it unreadable, as damaged.
#[test]
fn damage_in_a_sheet_no_one_reads_does_not_stop_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let sample = "sample-submissions/city-a.xlsx";
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let clean = check_json(Path::new(sample));
    // 填报说明 is sheet4.xml of the template (its relationships say so).
    let unread = check_json(&with_garbled_part(
        dir.path(),
        sample,
        "xl/worksheets/sheet4.xml",
    ));
    assert_eq!(unread["files"][0]["status"], clean["files"][0]["status"]);
    assert_ne!(clean["files"][0]["status"], "unreadable");
    assert_eq!(codes(&unread), codes(&clean), "{unread:#}");
    let read = check_json(&with_garbled_part(
        dir.path(),
        sample,
        "xl/worksheets/sheet3.xml",
    ));
    assert_eq!(read["files"][0]["status"], "unreadable", "{read:#}");
    assert!(
        read["files"][0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("damaged")),
        "{read:#}"
    );
}

/// File names that differ only in bytes that are not UTF-8 stay apart, each
/// with its own report: such a byte is shown as `\xNN` and, in such a name or
/// one holding a backslash, a backslash as `\\` (shown as `�`, two were one
/// name and one report replaced the other; a name holding a literal `\xFF`
/// would be shown as the first, were backslashes not escaped too).
#[cfg(target_os = "linux")]
#[test]
fn names_apart_only_in_bytes_that_are_not_utf8_keep_their_own_reports() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for (name, sample) in [
        (b"a\xFF.xlsx".as_slice(), "city-a.xlsx"),
        (b"a\xFE.xlsx", "city-b.xlsx"),
        (br"a\xFF.xlsx", "county-a.ods"),
    ] {
        std::fs::copy(
            format!("sample-submissions/{sample}"),
            inputs.join(std::ffi::OsStr::from_bytes(name)),
        )
        .unwrap();
    }
    let out_dir = dir.path().join("out");
    let out = citystar()
        .args([
            "assess",
            "--format=json",
            "--report-format=html",
            "--report-dir",
        ])
        .arg(&out_dir)
        .arg(&inputs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut shown: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    shown.sort();
    assert_eq!(shown, [r"a\\xFF.xlsx", r"a\xFE.xlsx", r"a\xFF.xlsx"]);
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [r"a\\xFF.html", r"a\xFE.html", r"a\xFF.html", "summary.html"]
    );
    // Each report is its own entity's.
    let reports: std::collections::HashSet<String> = written[..3]
        .iter()
        .map(|n| std::fs::read_to_string(out_dir.join(n)).unwrap())
        .collect();
    assert_eq!(reports.len(), 3);
}

/// A package whose relationships leave a doubt about which part holds a
/// sheet (an Id given twice, the first pointing elsewhere) is read as
/// calamine reads it: every worksheet is kept, none is skipped.
#[test]
fn doubtful_relationships_keep_every_worksheet() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let sample = "sample-submissions/city-a.xlsx";
    let mut zip = zip::ZipArchive::new(std::fs::File::open(sample).unwrap()).unwrap();
    let path = dir.path().join("dup.xlsx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..zip.len() {
        let name = zip.by_index(i).unwrap().name().unwrap().to_string();
        if name == "xl/_rels/workbook.xml.rels" {
            let mut xml = String::new();
            zip.by_index(i).unwrap().read_to_string(&mut xml).unwrap();
            let doubt = concat!(
                r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"/>"#,
                r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>"#,
            );
            let at = xml.find("<Relationship ").unwrap();
            xml.insert_str(at, doubt);
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(xml.as_bytes()).unwrap();
        } else {
            out.raw_copy_file(zip.by_index(i).unwrap()).unwrap();
        }
    }
    out.finish().unwrap();
    let (clean, doubtful) = (check_json(Path::new(sample)), check_json(&path));
    assert_eq!(
        doubtful["files"][0]["status"], clean["files"][0]["status"],
        "{doubtful:#}"
    );
    assert_eq!(
        doubtful["files"][0]["diagnostics"],
        clean["files"][0]["diagnostics"]
    );
}
