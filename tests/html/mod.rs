//! The HTML report a leader reads: one self-contained file that requests
//! nothing, escapes every text from a workbook, and, printed by a real
//! browser (Debian's chromium, headless), fits A4 and states the same figures
//! as `assess --format json`.
//!
//! How the layout is measured: a test copy of each report gets a small
//! measuring script (and, since the report's Content-Security-Policy forbids
//! scripts, no policy) and a body exactly as wide as the printed A4 content
//! box (210 mm − 2 × 15 mm margins); chromium loads it with `--dump-dom`, the
//! script writes what it found into the DOM, and the test reads it back. That
//! needs no DevTools client and no npm; the printed PDFs themselves are
//! checked for their page size and text with poppler.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SAMPLES: [&str; 4] = ["city-a", "city-b", "county-a", "community-a"];

fn citystar() -> Command {
    let mut c = Command::cargo_bin("citystar").unwrap();
    c.current_dir(ROOT)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env("LANG", "C");
    c
}

/// The samples' HTML reports and summary.html, in `lang`, with Zhejiang as the benchmark.
fn reports(lang: &str, dir: &Path) {
    citystar()
        .args([
            "assess",
            "sample-submissions",
            "--draws",
            "200",
            "--benchmark",
            "zhejiang",
            "--lang",
            lang,
            "--report-format",
            "html",
            "--report-dir",
        ])
        .arg(dir)
        .assert()
        .code(0);
}

fn json(lang: &str) -> Value {
    let out = citystar()
        .args([
            "assess",
            "sample-submissions",
            "--draws",
            "200",
            "--benchmark",
            "zhejiang",
            "--format",
            "json",
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The values of every `name="…"` attribute (any case, either quote).
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        let pat = format!(" {name}={quote}");
        let mut at = 0;
        while let Some(i) = lower[at..].find(&pat) {
            let start = at + i + pat.len();
            let end = start + html[start..].find(quote).unwrap();
            out.push(html[start..end].to_string());
            at = end;
        }
    }
    out
}

/// Nothing in `html` can make a request: the policy is there, no script,
/// no external resource, and every link is `data:` or a sibling report.
fn assert_requests_nothing(html: &str, dir: &Path, file: &str) {
    assert!(
        html.contains(
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
        ),
        "{file}: no Content-Security-Policy"
    );
    let lower = html.to_ascii_lowercase();
    for tag in [
        "<script", "<link", "<iframe", "<object", "<embed", "<img", "<base", "<form",
    ] {
        assert!(!lower.contains(tag), "{file}: has {tag}");
    }
    assert!(!lower.contains("@import"), "{file}: @import");
    for (k, _) in lower.match_indices("url(") {
        assert!(
            lower[k + 4..]
                .trim_start_matches(['"', '\''])
                .starts_with("data:"),
            "{file}: url() to something other than data:"
        );
    }
    for name in [
        "src",
        "href",
        "xlink:href",
        "srcset",
        "action",
        "poster",
        "data",
    ] {
        for v in attribute_values(html, name) {
            if v.starts_with("data:") {
                continue;
            }
            assert!(
                !v.contains(':') && !v.contains('/') && !v.contains('\\') && v.ends_with(".html"),
                "{file}: {name}=\"{v}\" is neither data: nor a sibling report"
            );
            assert!(dir.join(&v).is_file(), "{file}: links to {v}, not written");
        }
    }
}

#[test]
fn html_reports_are_self_contained_and_link_only_to_siblings() {
    for lang in ["zh", "en"] {
        let dir = tempfile::tempdir().unwrap();
        reports(lang, dir.path());
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut want: Vec<String> = SAMPLES.iter().map(|s| format!("{s}.html")).collect();
        want.push("summary.html".into());
        want.sort();
        assert_eq!(names, want, "--report-format html writes only HTML");
        for n in &names {
            let html = std::fs::read_to_string(dir.path().join(n)).unwrap();
            assert_requests_nothing(&html, dir.path(), n);
        }
        let summary = std::fs::read_to_string(dir.path().join("summary.html")).unwrap();
        for s in SAMPLES {
            assert!(
                attribute_values(&summary, "href").contains(&format!("{s}.html")),
                "summary.html does not link {s}.html"
            );
        }
    }
}

/// A workbook whose texts are HTML: the report shows them as text.
#[test]
fn workbook_text_is_escaped_in_the_html_report() {
    use citystar::Lang;
    use citystar::submission::template::{Fill, FillValue};
    let standards = citystar::standard::embedded::all().unwrap();
    let city = standards
        .iter()
        .find(|s| s.id() == "db37-3890-city")
        .unwrap();
    let hostile = r#"<script>alert(1)</script>"'&</style>"#;
    let mut fill = Fill::default();
    fill.entity.name = format!("示例{hostile}");
    fill.entity.level = Some(city.level());
    fill.entity.parent = format!("<b>{hostile}</b>");
    fill.entity.year = Some(2025);
    fill.entity.population = Some(1_000_000.0);
    let first = city.indicator[0].inputs()[0].0.suffix();
    fill.values.insert(
        format!("{}{first}", city.indicator[0].code),
        FillValue::Text("<img src=x onerror=alert(1)>".into()),
    );
    let bytes = citystar::submission::template::write(city, Lang::Zh, Some(&fill)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("hostile.xlsx");
    std::fs::write(&book, bytes).unwrap();
    let out = dir.path().join("out");
    citystar()
        .args(["assess", "--draws", "0", "--lang", "zh", "--report-dir"])
        .arg(&out)
        .arg(&book)
        .assert()
        // The text in a number cell is an error: the gate fails, the reports are written.
        .code(1);
    for name in ["hostile.html", "summary.html"] {
        let html = std::fs::read_to_string(out.join(name)).unwrap();
        assert_requests_nothing(&html, &out, name);
        assert!(!html.contains("<b>"), "{name}: markup from the workbook");
        assert!(
            html.contains(
                "示例&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;/style&gt;"
            ),
            "{name}: the name is not shown as text"
        );
    }
    let html = std::fs::read_to_string(out.join("hostile.html")).unwrap();
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // In the page margin's CSS string, as escapes.
    assert!(
        html.contains(r"示例\00003cscript\00003e"),
        "the name in @page is not escaped"
    );
}

/// What chromium needs to run headless here, with a profile of its own.
fn chromium_command(chromium: &Path, profile: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(chromium);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        "--window-size=1200,1600",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(std::process::Stdio::null());
    c
}

fn file_url(p: &Path) -> String {
    format!("file://{}", p.canonicalize().unwrap().display())
}

fn print_pdf(chromium: &Path, html: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let out = chromium_command(chromium, profile.path())
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(html))
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "chromium printed no PDF of {}: {}",
        html.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (pages, every page's size in points).
fn pdf_pages(pdf: &Path) -> (usize, Vec<(f64, f64)>) {
    let info = |args: &[&str]| {
        let out = std::process::Command::new("pdfinfo")
            .args(args)
            .arg(pdf)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let pages: usize = info(&[])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let sizes = info(&["-f", "1", "-l", &pages.to_string()])
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let v: Vec<f64> = l
                .split(" size:")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (v[0], v[1])
        })
        .collect();
    (pages, sizes)
}

/// The PDF's text as laid out on the page.
fn pdf_layout(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text with all white space taken out (pdftotext breaks lines
/// where the page does).
fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

const MEASURE: &str = r#"<script>
(function () {
  var bad = [];
  var body = document.body.getBoundingClientRect();
  var all = document.body.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) {
    var e = all[i];
    if (e.namespaceURI === 'http://www.w3.org/2000/svg' || e.tagName === 'SCRIPT') continue;
    var what = e.tagName + '.' + e.className + ' "' + (e.textContent || '').slice(0, 50) + '"';
    if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      bad.push('content wider than its box: ' + what + ' ' + e.scrollWidth + ' > ' + e.clientWidth);
    var r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > body.right + 1 || r.left < body.left - 1))
      bad.push('outside the page: ' + what + ' ' + r.left + '..' + r.right);
  }
  var svgs = document.getElementsByTagName('svg');
  for (var s = 0; s < svgs.length; s++) {
    var vb = svgs[s].viewBox.baseVal;
    var ts = svgs[s].getElementsByTagName('text');
    for (var j = 0; j < ts.length; j++) {
      var b = ts[j].getBBox();
      if (b.x < -0.5 || b.x + b.width > vb.width + 0.5)
        bad.push('chart text outside the chart: "' + ts[j].textContent + '" ' + b.x + ' + ' + b.width);
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
    bad.push('the page scrolls sideways');
  var p = document.createElement('pre');
  p.id = 'citystar-measure';
  p.textContent = bad.length ? bad.join('\n') : 'FITS';
  document.body.appendChild(p);
})();
</script>"#;

/// What the measuring script found in a test copy of `html`.
fn measure(chromium: &Path, html: &Path, work: &Path) -> String {
    let text = std::fs::read_to_string(html).unwrap();
    let start = text
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + text[start..].find('>').unwrap() + 1;
    let copy = format!("{}{}", &text[..start], &text[end..])
        .replace(
            "</head>",
            "<style>body { width: 180mm; max-width: none; padding: 0; margin: 0; }</style></head>",
        )
        .replace("</body>", &format!("{MEASURE}</body>"));
    let path = work.join(html.file_name().unwrap());
    std::fs::write(&path, copy).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = chromium_command(chromium, profile.path())
        .arg("--dump-dom")
        .arg(file_url(&path))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom
        .find("<pre id=\"citystar-measure\">")
        .unwrap_or_else(|| panic!("no measurement in the DOM of {}", html.display()));
    let rest = &dom[at + "<pre id=\"citystar-measure\">".len()..];
    rest[..rest.find("</pre>").unwrap()].to_string()
}

fn fmt2(v: &Value) -> String {
    format!("{:.2}", v.as_f64().unwrap())
}

/// Every sample's report and the batch summary, in zh and en, printed by
/// chromium: A4 pages, a sane page count, the JSON's rating, total and area
/// scores in the text, and no content wider than its box.
#[test]
fn html_reports_print_on_a4_with_the_json_figures_in_a_real_browser() {
    let Some(chromium) = crate::tools::chromium("html_reports_print_on_a4") else {
        return;
    };
    for lang in ["zh", "en"] {
        let dir = tempfile::tempdir().unwrap();
        reports(lang, dir.path());
        let json = json(lang);
        let work = tempfile::tempdir().unwrap();
        // Print and measure two files at a time (2 cores).
        let mut names: Vec<String> = SAMPLES.iter().map(|s| s.to_string()).collect();
        names.push("summary".into());
        let results: Vec<(String, PathBuf, String)> = std::thread::scope(|scope| {
            let chunks: Vec<Vec<String>> = names.chunks(3).map(|c| c.to_vec()).collect();
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| {
                    let (chromium, dir, work) = (&chromium, dir.path(), work.path());
                    scope.spawn(move || {
                        chunk
                            .into_iter()
                            .map(|n| {
                                let html = dir.join(format!("{n}.html"));
                                let pdf = work.join(format!("{n}.pdf"));
                                print_pdf(chromium, &html, &pdf);
                                let found = measure(chromium, &html, work);
                                (n, pdf, found)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        for (name, pdf, found) in results {
            assert_eq!(found, "FITS", "{lang} {name}.html: {found}");
            let (pages, sizes) = pdf_pages(&pdf);
            let bounds = if name == "summary" { 1..=4 } else { 5..=16 };
            assert!(
                bounds.contains(&pages),
                "{lang} {name}: {pages} pages, expected {bounds:?}"
            );
            assert_eq!(sizes.len(), pages);
            for (w, h) in sizes {
                // A4 is 595.28 × 841.89 pt; chromium rounds to whole pixels.
                assert!(
                    w <= 596.0 && h <= 843.0,
                    "{lang} {name}: a page of {w} × {h} pt"
                );
                assert!(w < h, "{lang} {name}: not portrait");
            }
            let text = pdf_text(&pdf);
            let entities = json["entities"].as_array().unwrap();
            if name == "summary" {
                for e in entities {
                    let n = e["name"].as_str().unwrap();
                    assert!(text.contains(n), "{lang} summary: no {n}");
                    assert!(
                        text.contains(&fmt2(&e["score"])),
                        "{lang} summary: {n}'s total"
                    );
                }
                continue;
            }
            let e = entities
                .iter()
                .find(|e| e["file"].as_str().unwrap().contains(&format!("{name}.")))
                .unwrap();
            let label = e["stars_label"].as_str().unwrap();
            let stars = e["stars"].as_u64().unwrap() as usize;
            let glyphs = format!("{}{}", "★".repeat(stars), "☆".repeat(5 - stars));
            for want in [fmt2(&e["score"]), label.replace(' ', ""), glyphs] {
                assert!(text.contains(&want), "{lang} {name}: no {want} in the PDF");
            }
            if let Some(tier) = e["tier"].as_str() {
                assert!(
                    text.contains(&tier.replace(' ', "")),
                    "{lang} {name}: no tier {tier}"
                );
            }
            // The area table, row by row in the page's layout: code and name,
            // then the weight and the score side by side.
            let layout = pdf_layout(&pdf);
            for d in e["dimensions"].as_array().unwrap() {
                if let Some(score) = d["score"].as_f64() {
                    let code = d["code"].as_str().unwrap();
                    let w = d["weight"].as_f64().unwrap();
                    let weight = if w.fract() == 0.0 {
                        format!("{}", w as i64)
                    } else {
                        w.to_string()
                    };
                    let want = [weight, format!("{score:.2}")];
                    let found = layout.lines().any(|l| {
                        l.find(&format!("{code} ")).is_some_and(|i| {
                            let words: Vec<&str> = l[i..].split_whitespace().collect();
                            words.windows(2).any(|p| p == want)
                        })
                    });
                    assert!(
                        found,
                        "{lang} {name}: no row {code} … {} {} in the area table",
                        want[0], want[1]
                    );
                }
            }
        }
    }
}

/// Whether `word`'s characters are in `text` in order within a short span
/// (a cut word misses its last characters).
fn in_order_nearby(text: &[char], word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    let span = w.len() * 3 + 24;
    (0..text.len()).filter(|&i| text[i] == w[0]).any(|i| {
        let mut k = 0;
        for &c in &text[i..(i + span).min(text.len())] {
            if c == w[k] {
                k += 1;
                if k == w.len() {
                    return true;
                }
            }
        }
        false
    })
}

/// The workbooks printed through LibreOffice cut no text: every word of
/// every text cell is in the PDF's text (LibreOffice prints a cell's text
/// only as far as its column, so a word cut at the column's edge is missing).
#[test]
fn excel_reports_cut_no_text_when_printed() {
    use calamine::{Data, Reader, open_workbook_auto};
    let Some(soffice) = crate::tools::soffice("excel_reports_cut_no_text_when_printed") else {
        return;
    };
    if crate::tools::chromium("excel_reports_cut_no_text_when_printed").is_none() {
        return; // pdftotext comes with poppler, required with chromium
    }
    for lang in ["en", "zh"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r");
        citystar()
            .args([
                "assess",
                "sample-submissions/city-b.xlsx",
                "sample-submissions/community-a.xlsx",
                "--draws",
                "50",
                "--benchmark",
                "zhejiang",
                "--lang",
                lang,
                "--report-format",
                "xlsx",
                "--report-dir",
            ])
            .arg(&out)
            .assert()
            .code(0);
        let profile = format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        );
        let books = ["city-b", "community-a", "summary"];
        let status = std::process::Command::new(&soffice)
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&out)
            .args(books.iter().map(|b| out.join(format!("{b}.xlsx"))))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        for b in books {
            // pdftotext joins a word hyphenated at a line's end without its hyphen.
            let text = pdf_text(&out.join(format!("{b}.pdf"))).replace('-', "");
            let chars: Vec<char> = text.chars().collect();
            let mut wb = open_workbook_auto(out.join(format!("{b}.xlsx"))).unwrap();
            let mut cut = Vec::new();
            for sheet in wb.sheet_names() {
                let range = wb.worksheet_range(&sheet).unwrap();
                for (row, col, d) in range.used_cells() {
                    let Data::String(s) = d else { continue };
                    for word in s.split_whitespace() {
                        // A wrapped cell's lines may have a neighbour's text between
                        // them: then its characters are there in order, close together.
                        let word = word.replace('-', "");
                        if !text.contains(&word) && !in_order_nearby(&chars, &word) {
                            cut.push(format!(
                                "{sheet}!R{}C{}: {word} (of “{s}”)",
                                row + 1,
                                col + 1
                            ));
                        }
                    }
                }
            }
            assert!(
                cut.is_empty(),
                "{lang} {b}.xlsx prints cut text:\n{}",
                cut.join("\n")
            );
        }
    }
}

/// `--report FILE.html` writes the HTML report; running again replaces the
/// report citystar wrote, but an HTML file it did not write needs --force.
#[test]
fn an_html_report_replaces_its_own_earlier_copy_only() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("city-a.html");
    for _ in 0..2 {
        citystar()
            .args([
                "assess",
                "sample-submissions/city-a.xlsx",
                "--draws",
                "0",
                "--report",
            ])
            .arg(&target)
            .assert()
            .code(0);
    }
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("示例市"));
    assert_requests_nothing(&html, dir.path(), "city-a.html");
    let other = dir.path().join("notes.html");
    std::fs::write(&other, "<!DOCTYPE html><p>my notes</p>").unwrap();
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--report",
        ])
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a report citystar wrote"));
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "<!DOCTYPE html><p>my notes</p>"
    );
    // The format of --report follows the name; --report-format belongs to --report-dir.
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--report-format",
            "html",
        ])
        .assert()
        .code(2);
}

/// The first page's conclusion is made from the results, and a benchmark's
/// area score is used only where its figures cover half the area: Zhejiang's
/// figures cover 2 of 3 of city-a's digital-economy indicators (compared) and
/// 1 of 14 of its digital-government ones (not compared, not drawn).
#[test]
fn the_conclusion_states_the_rule_the_next_star_and_only_covered_benchmark_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("city-a.html");
    citystar()
        .args([
            "assess",
            "sample-submissions/city-a.xlsx",
            "--draws",
            "0",
            "--benchmark",
            "zhejiang",
            "--lang",
            "en",
            "--report",
        ])
        .arg(&target)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&target).unwrap();
    let cover = &html[html.find("<section class=\"cover\">").unwrap()
        ..html.find("<section id=\"areas\"").unwrap()];
    for want in [
        "示例市 is rated four stars (growth), with a total of 81.14.",
        "It meets every condition of the 4★ rule: a total of at least 72 (it has 81.14)",
        "For 5★ (five stars), 3 condition(s) are not yet met: the total must reach 88; it is 81.14 (6.86 short)",
        "“Digital government” must score at least 75; it scores 69.20",
        "The plan below improves 9 indicator(s) and brings the total to 88.05.",
        "The strongest area is “Digital services for citizens” (84.80), the weakest “Digital government” (69.20).",
        "Against Zhejiang, the largest gap is in “Digital economy”: over the 2 of 3 indicators",
        "at least 50% of the area&#39;s weighted indicators",
        "The data are complete; no data problem affects the rating.",
    ] {
        assert!(cover.contains(want), "the first page lacks: {want}");
    }
    assert!(
        !cover.contains("--"),
        "command-line words on the first page"
    );
    let areas = &html
        [html.find("<section id=\"areas\"").unwrap()..html.find("<section id=\"plan\"").unwrap()];
    assert!(areas.contains("too few figures (1 of 14)"));
    assert!(areas.contains("90.00 (own 80.00, 2 of 3)"));
    // One diamond: the digital-economy score; the legend's is a path too.
    assert_eq!(areas.matches("fill=\"#2e7d32\"").count(), 2);
}

/// Print `html` and check what every report must: it fits its boxes, A4
/// portrait pages within `pages`; its text, without white space, returned.
fn printed(
    chromium: &Path,
    html: &Path,
    work: &Path,
    pages: std::ops::RangeInclusive<usize>,
) -> String {
    let pdf = work.join(html.file_name().unwrap()).with_extension("pdf");
    print_pdf(chromium, html, &pdf);
    let found = measure(chromium, html, work);
    assert_eq!(found, "FITS", "{}: {found}", html.display());
    let (n, sizes) = pdf_pages(&pdf);
    assert!(
        pages.contains(&n),
        "{}: {n} pages, expected {pages:?}",
        html.display()
    );
    for (w, h) in sizes {
        assert!(
            w <= 596.0 && h <= 843.0 && w < h,
            "{}: a page of {w} × {h} pt",
            html.display()
        );
    }
    // In the order of the document (cells that wrap side by side are not interleaved).
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn glyphs(stars: &Value) -> String {
    let s = stars.as_u64().unwrap() as usize;
    format!("{}{}", "★".repeat(s), "☆".repeat(5 - s))
}

/// The review fixture's report (tests/review): both ratings on the first
/// page, said which is verified, every change with its finding, the
/// evidence files with their SHA-256 — each figure as the JSON states it.
#[test]
fn the_html_report_shows_both_ratings_every_change_and_the_evidence() {
    let Some(chromium) = crate::tools::chromium("the_html_report_shows_both_ratings") else {
        return;
    };
    let args = [
        "assess",
        "--draws",
        "0",
        "--standard",
        "tests/data/review-city.toml",
        "tests/fixtures/review/示例市",
        "--review",
        "tests/fixtures/review/示例市.openpyxl.review.xlsx",
    ];
    for lang in ["zh", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let html = dir.path().join("示例市.html");
        citystar()
            .args(args)
            .args(["--lang", lang, "--report"])
            .arg(&html)
            .assert()
            .code(0);
        let out = citystar()
            .args(args)
            .args(["--lang", lang, "--format", "json"])
            .output()
            .unwrap();
        let e: Value = serde_json::from_slice(&out.stdout).unwrap();
        let e = &e["entities"][0];
        let r = &e["review"];
        let v = &r["verified"];
        assert_ne!(e["stars"], v["stars"], "the fixture changes the stars");
        let text = printed(&chromium, &html, dir.path(), 3..=10);
        let first = text
            .split(if lang == "zh" { "结论" } else { "Conclusion" })
            .next()
            .unwrap();
        let (verified, reported) = if lang == "zh" {
            ("核定", "自评")
        } else {
            ("Verified", "Self-reported")
        };
        // The first page: both ratings, each with its caption, the verified one first.
        let at = |s: &str, from: usize| {
            first[from..]
                .find(s)
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("{lang}: no {s} on the first page"))
        };
        at(verified, 0);
        at(reported, 0);
        let mut from = 0;
        for x in [v, e] {
            for want in [
                glyphs(&x["stars"]),
                fmt2(&x["score"]),
                x["stars_label"].as_str().unwrap().replace(' ', ""),
            ] {
                at(&want, from);
            }
            // The self-reported figures follow the verified ones.
            from = at(&fmt2(&x["score"]), from);
        }
        // The conclusion is on the verified rating, and says so.
        let conclusion = &text[first.len()..];
        let said = if lang == "zh" {
            format!(
                "评为{}，总分{}",
                v["stars_label"].as_str().unwrap(),
                fmt2(&v["score"])
            )
        } else {
            format!(
                "israted{},withatotalof{}",
                v["stars_label"].as_str().unwrap().replace(' ', ""),
                fmt2(&v["score"])
            )
        };
        assert!(
            conclusion.contains(&said),
            "{lang}: the conclusion is not on the verified rating"
        );
        assert!(
            conclusion.contains(if lang == "zh" {
                "依据核定值"
            } else {
                "standsontheverifiedvalues"
            }),
            "{lang}: the conclusion does not say it is on the verified values"
        );
        // Every change: reported → verified, its finding, its effect.
        let changes = r["changes"].as_array().unwrap();
        assert_eq!(changes.len(), 3);
        for c in changes {
            let code = c["indicator"].as_str().unwrap();
            assert!(
                text.contains(&c["finding"].as_str().unwrap().replace(' ', "")),
                "{lang}: {code}'s finding"
            );
            let effect = c["effect"].as_f64().unwrap();
            let effect = format!(
                "{}{:.2}",
                if effect < 0.0 { "−" } else { "+" },
                effect.abs()
            );
            assert!(text.contains(&effect), "{lang}: {code}'s effect {effect}");
            assert!(
                text.contains(&format!(
                    "{}★→{}★",
                    c["stars_reported"], c["stars_verified"]
                )),
                "{lang}: {code}'s stars"
            );
            if c["evidence_rejected"] == true {
                let said = if lang == "zh" {
                    "佐证未采信"
                } else {
                    "evidencenotaccepted"
                };
                assert!(text.contains(said), "{lang}: {code}'s evidence rejected");
                continue;
            }
            for i in c["items"].as_array().unwrap() {
                let want = format!(
                    "{}{}→{}",
                    i["code"].as_str().unwrap(),
                    i["reported"].as_str().unwrap(),
                    i["verified"].as_str().unwrap()
                );
                assert!(text.contains(&want), "{lang}: no {want}");
            }
        }
        // The total both ways and its change.
        let change = r["score_change"].as_f64().unwrap();
        assert!(
            text.contains(&format!("{}{}", fmt2(&e["score"]), fmt2(&v["score"]))),
            "{lang}: the totals side by side"
        );
        assert!(
            text.contains(&format!("−{:.2}", -change)),
            "{lang}: the total's change"
        );
        // The evidence files in the provenance, with their hashes.
        let evidence = e["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty());
        for f in evidence {
            let sha = f["sha256"].as_str().unwrap();
            assert!(
                text.contains(sha),
                "{lang}: evidence {} without its SHA-256",
                f["path"]
            );
            assert!(
                text.contains(&f["path"].as_str().unwrap().replace(' ', "")),
                "{lang}: evidence {}",
                f["path"]
            );
        }
        assert!(
            text.contains(r["sha256"].as_str().unwrap()),
            "{lang}: the review workbook's SHA-256"
        );
    }
}

/// The rounds fixture (examples/gen_rounds.rs): each entity's report states
/// its progress since the baseline as the JSON does, and summary.html the
/// province view: the counts per level and city, the movers, every target.
#[test]
fn the_html_reports_show_progress_and_the_province_view() {
    let Some(chromium) = crate::tools::chromium("the_html_reports_show_progress") else {
        return;
    };
    let rounds = tempfile::tempdir().unwrap();
    crate::rounds::gen_rounds::write_rounds(rounds.path()).unwrap();
    let args = [
        "assess",
        "2026",
        "--draws",
        "0",
        "--baseline",
        "2025",
        "--targets",
        "shandong-2020-136",
    ];
    for lang in ["zh", "en"] {
        let run = |extra: &[&str]| {
            let mut c = Command::cargo_bin("citystar").unwrap();
            c.current_dir(rounds.path())
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("SOURCE_DATE_EPOCH", "1767225600")
                .env("LANG", "C")
                .args(args)
                .args(["--lang", lang])
                .args(extra);
            c.output().unwrap()
        };
        let reports = format!("reports-{lang}");
        let out = run(&["--report-dir", &reports, "--report-format", "html"]);
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = run(&["--format", "json"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let dir = rounds.path().join(&reports);
        let work = tempfile::tempdir().unwrap();
        let mut with_progress = 0;
        for e in v["entities"].as_array().unwrap() {
            let Some(p) = e["progress"].as_object() else {
                continue;
            };
            let file = e["file"].as_str().unwrap();
            // Two entities are enough to print (the others are the same layout).
            if !["2026/city-jia.xlsx", "2026/county-jia2.xlsx"].contains(&file) {
                continue;
            }
            with_progress += 1;
            let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
            let text = printed(
                &chromium,
                &dir.join(format!("{stem}.html")),
                work.path(),
                5..=16,
            );
            let then_now = format!("{}→{}", fmt2(&p["score_then"]), fmt2(&p["score_now"]));
            assert!(text.contains(&then_now), "{lang} {file}: no {then_now}");
            assert!(
                text.contains(&format!("{}★→{}★", p["stars_then"], p["stars_now"])),
                "{lang} {file}: the stars then and now"
            );
            // The dimensions' table, row by row in the page's layout.
            let layout = pdf_layout(&work.path().join(format!("{stem}.pdf")));
            for d in p["dimensions"].as_array().unwrap() {
                if let (Some(_), Some(_)) = (d["score_then"].as_f64(), d["score_now"].as_f64()) {
                    let name = d["name"].as_str().unwrap();
                    let want = [fmt2(&d["score_then"]), fmt2(&d["score_now"])];
                    let found = layout.lines().any(|l| {
                        l.find(name).is_some_and(|i| {
                            let words: Vec<&str> = l[i + name.len()..].split_whitespace().collect();
                            words.len() >= 2 && words[0] == want[0] && words[1] == want[1]
                        })
                    });
                    assert!(
                        found,
                        "{lang} {file}: no row {name} {} {}",
                        want[0], want[1]
                    );
                }
            }
            for code in p["fell_back"].as_array().unwrap() {
                assert!(
                    text.contains(code.as_str().unwrap()),
                    "{lang} {file}: fell back {code}"
                );
            }
            if let Some(plan) = p["plan"].as_object() {
                let n = plan["steps"].as_array().unwrap().len();
                let held = plan["carried_out"].as_u64().unwrap();
                let want = if lang == "zh" {
                    format!("{n}步中{held}步已落实")
                } else {
                    format!("{held}of{n}")
                };
                assert!(text.contains(&want), "{lang} {file}: no {want}");
            }
        }
        assert_eq!(with_progress, 2);
        let text = printed(&chromium, &dir.join("summary.html"), work.path(), 2..=8);
        let province = &v["summary"]["province"];
        // Per level and city: the counts at each star, and the shares at 3★ and 4★ or above.
        for l in province["levels"].as_array().unwrap() {
            for c in l["by_parent"].as_array().unwrap() {
                let at: Vec<String> = c["at"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .rev()
                    .map(|x| x.to_string())
                    .collect();
                let want = format!(
                    "{}{}{}",
                    c["parent"].as_str().unwrap(),
                    c["entities"],
                    at.join("")
                );
                assert!(text.contains(&want), "{lang} summary: no {want}");
            }
        }
        let r = &province["rounds"];
        for m in r["up"]
            .as_array()
            .unwrap()
            .iter()
            .chain(r["down"].as_array().unwrap())
        {
            let want = format!("{}→{}", fmt2(&m["score_then"]), fmt2(&m["score_now"]));
            assert!(
                text.contains(&want),
                "{lang} summary: mover {} {want}",
                m["name"]
            );
        }
        for t in province["targets"].as_array().unwrap() {
            let (k, n) = (
                t["at_or_above"].as_u64().unwrap(),
                t["entities"].as_u64().unwrap(),
            );
            let want = format!("{k}/{n}=");
            assert!(
                text.contains(&want),
                "{lang} summary: target {} {want}",
                t["target"]["id"]
            );
            for s in t["target"]["sources"].as_array().unwrap() {
                assert!(
                    text.contains(s.as_str().unwrap()),
                    "{lang} summary: the target's source {s}"
                );
            }
        }
    }
}
