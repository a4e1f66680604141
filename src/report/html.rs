//! The leader's report as one self-contained HTML file: inline CSS and SVG,
//! no script, no request of any kind (a Content-Security-Policy that allows
//! none), print-ready on A4 portrait. It lays out the rows of
//! [`super::model`]; every number in it comes from there.

use super::model::{Chart, EntityReport, Fact, RatingBox, ReviewModel, SummaryReport};
use crate::Lang;
use crate::catalogue::report as msg;
use crate::render::escape::{css_string, html as esc};
use crate::render::rounds::{Block, Section as WordsSection};
use std::fmt::Write as _;

/// What marks an HTML file as a report citystar wrote (it may be replaced
/// by a later report without `--force`); in the first bytes of the file.
pub const MARK: &str = r#"<meta name="citystar-report""#;

/// The policy: nothing may be fetched; inline styles and `data:` images only.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS: &str = r#"
:root { --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --accent:#0b5cad; --star:#c55a11; --floor:#c00000; --soft:#f3f6fa; }
* { box-sizing: border-box; }
html:lang(en) { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.5; }
body { margin: 0 auto; max-width: 210mm; padding: 12mm 14mm; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2mm; line-height: 1.25; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; }
section { padding-top: 2mm; }
section + section { margin-top: 10mm; }
.kicker { color: var(--muted); font-size: 10pt; letter-spacing: .02em; margin-bottom: 1mm; }
.facts { width: 100%; border-collapse: collapse; margin: 4mm 0 5mm; }
.facts th { text-align: left; font-weight: normal; color: var(--muted); width: 32%; padding: 1mm 2mm 1mm 0; vertical-align: top; }
.facts td { padding: 1mm 0; }
.rating { display: flex; flex-wrap: wrap; gap: 4mm 10mm; align-items: flex-end; border: 1px solid var(--line); background: var(--soft); border-radius: 2mm; padding: 4mm 6mm; margin: 0 0 5mm; }
.rating .glyphs { font-size: 30pt; color: var(--star); line-height: 1; letter-spacing: .05em; }
.rating .label { font-size: 15pt; font-weight: bold; margin-top: 1mm; }
.rating .total { font-size: 30pt; font-weight: bold; line-height: 1; }
.rating .total small { font-size: 12pt; font-weight: normal; color: var(--muted); }
.rating .parts { color: var(--muted); font-size: 9pt; }
.ratings { display: flex; gap: 4mm; margin: 0 0 5mm; }
.ratings .rating { flex: 1 1 0; margin: 0; padding: 3mm 4mm; gap: 2mm 6mm; }
.ratings .rating.reported { background: #fff; }
.ratings .rating.reported .glyphs, .ratings .rating.reported .total { font-size: 20pt; }
.rating .caption { flex-basis: 100%; font-weight: bold; color: var(--accent); font-size: 10.5pt; }
.rating.reported .caption { color: var(--muted); }
p.sub { margin-left: 5mm; color: var(--muted); font-size: 9.5pt; }
.conclusion p { margin-bottom: 2mm; }
.notice { border-left: 3px solid var(--star); padding: 1mm 3mm; background: #fff7f0; font-size: 9.5pt; }
.note { color: var(--muted); font-size: 9pt; }
table.grid { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-size: 9pt; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.grid thead th { background: var(--soft); font-weight: bold; }
table.grid td.num, table.grid th.num { text-align: right; white-space: nowrap; }
table.grid td.code { white-space: nowrap; }
table.grid tr.missing td { color: var(--muted); background: #fafafa; }
table.grid td.src { font-size: 8pt; color: var(--muted); }
table.grid td.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 7.5pt; }
.task { list-style: none; padding: 0; margin: 0; }
.sev-error { color: #b00020; font-weight: bold; }
.sev-warning { color: #8a5300; font-weight: bold; }
.sev-info { color: var(--muted); }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
.foot { margin-top: 8mm; color: var(--muted); font-size: 8.5pt; border-top: 1px solid var(--line); padding-top: 2mm; }
a { color: var(--accent); }
@media print {
  body { max-width: none; padding: 0; }
  section { break-before: page; padding-top: 0; }
  section:first-of-type, section.with-previous { break-before: auto; }
  section + section { margin-top: 0; }
  section.with-previous { margin-top: 8mm; }
  thead { display: table-header-group; }
  tr, .rating, .notice, svg, h3 { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .screen-only { display: none; }
}
"#;

fn page_css(running: &str) -> String {
    format!(
        "@page {{ size: A4 portrait; margin: 16mm 15mm 18mm 15mm; \
         @bottom-left {{ content: \"{}\"; font-size: 8pt; color: #57606a; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #57606a; }} }}",
        css_string(running)
    )
}

fn head(out: &mut String, lang: Lang, title: &str, running: &str) {
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         {MARK} content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}{CSS}</style>\n</head>\n<body>",
        lang.pick("zh-CN", "en"),
        env!("CARGO_PKG_VERSION"),
        esc(title),
        page_css(running),
    );
}

fn facts_table(out: &mut String, facts: &[Fact]) {
    out.push_str("<table class=\"facts\">\n");
    for f in facts {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            esc(&f.label),
            esc(&f.value)
        );
    }
    out.push_str("</table>\n");
}

/// A table with a repeated header; `num` marks right-aligned columns,
/// `code` columns that never wrap.
struct Table<'a> {
    heads: Vec<&'a str>,
    classes: Vec<&'a str>,
    widths: Vec<u8>,
}

impl Table<'_> {
    fn open(&self, out: &mut String) {
        out.push_str("<table class=\"grid\">\n<colgroup>");
        for w in &self.widths {
            let _ = write!(out, "<col style=\"width:{w}%\">");
        }
        out.push_str("</colgroup>\n<thead><tr>");
        for (h, c) in self.heads.iter().zip(&self.classes) {
            let _ = write!(out, "<th class=\"{c}\">{}</th>", esc(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
    }

    fn row(&self, out: &mut String, class: &str, cells: &[&str]) {
        if class.is_empty() {
            out.push_str("<tr>");
        } else {
            let _ = write!(out, "<tr class=\"{class}\">");
        }
        for (v, c) in cells.iter().zip(&self.classes) {
            let _ = write!(out, "<td class=\"{c}\">{}</td>", esc(v));
        }
        out.push_str("</tr>\n");
    }

    fn close(out: &mut String) {
        out.push_str("</tbody>\n</table>\n");
    }
}

/// Rough text width in SVG units at `size`: wide (CJK) characters a full em,
/// others about half.
fn text_width(s: &str, size: f64) -> f64 {
    use unicode_width::UnicodeWidthChar;
    s.chars()
        .map(|c| c.width().unwrap_or(0) as f64 * 0.55 * size)
        .sum()
}

/// Split a label into lines that fit `width` at `size`, at spaces where
/// there are any, else between characters.
fn fit_lines(s: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let tokens: Vec<String> = if s.contains(' ') {
        s.split(' ').map(|w| format!("{w} ")).collect()
    } else {
        s.chars().map(String::from).collect()
    };
    for tok in tokens {
        if !cur.is_empty()
            && text_width(cur.trim_end(), size) + text_width(tok.trim_end(), size) > width
        {
            lines.push(cur.trim_end().to_string());
            cur.clear();
        }
        cur.push_str(&tok);
    }
    if !cur.trim().is_empty() {
        lines.push(cur.trim_end().to_string());
    }
    lines
}

const SERIES_COLOURS: [&str; 4] = ["#2e7d32", "#6a1b9a", "#00838f", "#ad1457"];

/// The areas as horizontal bars (0–100), the next star's floor as a red
/// tick, each benchmark's score as a diamond where its coverage allows.
fn chart_svg(out: &mut String, c: &Chart, lang: Lang) {
    let w = 680.0;
    let label_w = 200.0;
    let x0 = label_w + 10.0;
    // Values are written right of the scale, clear of the marks.
    let x1 = w - 52.0;
    let scale = (x1 - x0) / 100.0;
    let row_h = 34.0;
    let top = 22.0;
    let legend_h = 26.0;
    let h = top + row_h * c.rows.len() as f64 + legend_h + 8.0;
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(msg::AREA_SCORES_CHART.get(lang))
    );
    for k in 0..=4 {
        let x = x0 + f64::from(k) * 25.0 * scale;
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">{}</text>",
            top - 4.0,
            top + row_h * c.rows.len() as f64,
            top - 8.0,
            k * 25
        );
    }
    for (k, r) in c.rows.iter().enumerate() {
        let y = top + row_h * k as f64;
        let label = format!("{} {}", r.code, r.name);
        let lines = fit_lines(&label, label_w, 11.0);
        let n = lines.len().min(2) as f64;
        for (j, line) in lines.iter().take(2).enumerate() {
            let ly = y + row_h / 2.0 - (n - 1.0) * 6.5 + j as f64 * 13.0 + 4.0;
            let _ = writeln!(
                out,
                "<text x=\"{label_w}\" y=\"{ly:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                esc(line)
            );
        }
        let score = r.score.unwrap_or(0.0).clamp(0.0, 100.0);
        let _ = writeln!(
            out,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#0b5cad\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10.5\" font-weight=\"bold\">{}</text>",
            y + 10.0,
            score * scale,
            x1 + 8.0,
            y + 21.0,
            esc(&r.score_text)
        );
        if let Some(f) = r.floor {
            let x = x0 + f.clamp(0.0, 100.0) * scale;
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#c00000\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/>",
                y + 4.0,
                y + 30.0
            );
        }
        for (b, cell) in r.benchmarks.iter().enumerate() {
            if let Some(v) = cell.drawn {
                let x = x0 + v.clamp(0.0, 100.0) * scale;
                let cy = y + 17.0;
                let _ = writeln!(
                    out,
                    "<path d=\"M{x:.1} {:.1} L{:.1} {cy:.1} L{x:.1} {:.1} L{:.1} {cy:.1} Z\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\"/>",
                    cy - 7.0,
                    x + 6.0,
                    cy + 7.0,
                    x - 6.0,
                    SERIES_COLOURS[b % SERIES_COLOURS.len()]
                );
            }
        }
    }
    // Legend.
    let ly = top + row_h * c.rows.len() as f64 + 18.0;
    let mut x = x0;
    let _ = writeln!(
        out,
        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"18\" height=\"10\" fill=\"#0b5cad\"/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"10\">{}</text>",
        ly - 9.0,
        x + 22.0,
        esc(msg::SCORE_LEGEND.get(lang))
    );
    x += 22.0 + text_width(msg::SCORE_LEGEND.get(lang), 10.0) + 16.0;
    if let Some(fl) = &c.floor_label {
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#c00000\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"10\">{}</text>",
            x + 4.0,
            ly - 11.0,
            x + 4.0,
            ly + 2.0,
            x + 12.0,
            esc(fl)
        );
        x += 12.0 + text_width(fl, 10.0) + 16.0;
    }
    for (b, name) in c.benchmarks.iter().enumerate() {
        if !c.rows.iter().any(|r| r.benchmarks[b].drawn.is_some()) {
            continue;
        }
        let _ = writeln!(
            out,
            "<path d=\"M{:.1} {:.1} l6 6 l-6 6 l-6 -6 Z\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"10\">{}</text>",
            x + 6.0,
            ly - 11.0,
            SERIES_COLOURS[b % SERIES_COLOURS.len()],
            x + 16.0,
            esc(name)
        );
        x += 16.0 + text_width(name, 10.0) + 16.0;
    }
    out.push_str("</svg>\n");
}

/// A rating, large: the stars, the label and sub-tier, the total.
fn rating_box(out: &mut String, r: &RatingBox, class: &str, lang: Lang) {
    let tier = r
        .tier
        .as_ref()
        .map(|t| format!(" · {}", esc(t)))
        .unwrap_or_default();
    let caption = if r.caption.is_empty() {
        String::new()
    } else {
        format!("<div class=\"caption\">{}</div>", esc(&r.caption))
    };
    let _ = writeln!(
        out,
        "<div class=\"rating {class}\">{caption}<div><div class=\"glyphs\" aria-label=\"{} ★\">{}</div>\
         <div class=\"label\">{}{tier}</div></div>\
         <div><div class=\"note\">{}</div><div class=\"total\">{} <small>/ 100</small></div>\
         <div class=\"parts\">{}</div></div></div>",
        r.stars,
        esc(&r.glyphs),
        esc(&r.stars_label),
        esc(msg::TOTAL.get(lang)),
        esc(&r.total),
        esc(&r.total_parts)
    );
}

/// A table of text rows without set widths; `numeric` columns right-aligned.
fn plain_table(out: &mut String, header: &[String], rows: &[Vec<String>], numeric: &[bool]) {
    let class = |k: usize| {
        if numeric.get(k).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table class=\"grid\">\n<thead><tr>");
    for (k, h) in header.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(k), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for (k, v) in r.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(k), esc(v));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A section of `render::rounds` (lines and tables) under its title.
fn rounds_section(out: &mut String, s: &WordsSection) {
    let _ = writeln!(out, "<h2>{}</h2>", esc(&s.title));
    for b in &s.blocks {
        match b {
            Block::Line(l) => {
                // "  closest: …" and "  source: …" belong to the line above.
                let class = if l.starts_with("  ") {
                    " class=\"sub\""
                } else if l.starts_with("! ") {
                    " class=\"notice\""
                } else {
                    ""
                };
                let text = l.trim_start().trim_start_matches("! ");
                // The terminal's lines start lower-case; a printed paragraph does not.
                let mut chars = text.chars();
                let text: String = match chars.next() {
                    Some(c) => c.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                };
                let _ = writeln!(out, "<p{class}>{}</p>", esc(&text));
            }
            Block::Table {
                header,
                rows,
                numeric,
            } => plain_table(out, header, rows, numeric),
        }
    }
}

/// The review: both ratings with each area, every change, the verified plan.
fn review_section(out: &mut String, r: &ReviewModel, lang: Lang) {
    let _ = writeln!(
        out,
        "<section id=\"review\">\n<h2>{}</h2>\n<p>{}</p>\n<p class=\"note\">{}</p>",
        esc(msg::REVIEW_RESULT.get(lang)),
        esc(&r.headline),
        esc(&r.source)
    );
    plain_table(
        out,
        &r.compare_header,
        &r.compare,
        &[false, true, true, true],
    );
    let _ = writeln!(out, "<h3>{}</h3>", esc(msg::REVIEW_CHANGES.get(lang)));
    if r.changes.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(msg::REVIEW_CHANGED_NOTHING.get(lang)));
    } else {
        let table = Table {
            heads: r.header.iter().map(String::as_str).collect(),
            classes: vec!["", "", "num", "", ""],
            widths: vec![22, 24, 11, 17, 26],
        };
        table.open(out);
        for c in &r.changes {
            let cells: Vec<&str> = c.iter().map(String::as_str).collect();
            table.row(out, "", &cells);
        }
        Table::close(out);
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&r.effects_note));
    }
    if let Some(line) = &r.plan_line {
        let _ = writeln!(out, "<h3>{}</h3>", esc(line));
        if !r.plan.is_empty() {
            let table = Table {
                heads: r.plan_header.iter().map(String::as_str).collect(),
                classes: vec!["", "", "", "num", "num"],
                widths: vec![32, 18, 28, 11, 11],
            };
            table.open(out);
            for p in &r.plan {
                let cells: Vec<&str> = p.iter().map(String::as_str).collect();
                table.row(out, "", &cells);
            }
            Table::close(out);
        }
    }
    out.push_str("</section>\n");
}

/// One entity's report.
pub fn entity(m: &EntityReport) -> String {
    let lang = m.lang;
    let mut out = String::with_capacity(64 * 1024);
    let running = format!("{} · {}", m.name, m.title);
    head(&mut out, lang, &running, &running);

    // 1. The first page, for a leader.
    out.push_str("<section class=\"cover\">\n");
    let _ = writeln!(out, "<div class=\"kicker\">{}</div>", esc(&m.title));
    let _ = writeln!(out, "<h1>{}</h1>", esc(&m.name));
    facts_table(&mut out, &m.facts);
    match &m.review {
        // Both ratings, the verified one first: it is the one that counts.
        Some(r) => {
            out.push_str("<div class=\"ratings\">\n");
            rating_box(&mut out, &r.verified, "verified", lang);
            rating_box(&mut out, &r.reported, "reported", lang);
            out.push_str("</div>\n");
        }
        None => rating_box(
            &mut out,
            &RatingBox {
                caption: String::new(),
                stars: m.stars,
                glyphs: m.glyphs.clone(),
                stars_label: m.stars_label.clone(),
                tier: m.tier.clone(),
                total: m.total.clone(),
                total_parts: m.total_parts.clone(),
            },
            "",
            lang,
        ),
    }
    let _ = writeln!(
        out,
        "<div class=\"conclusion\"><h3>{}</h3>",
        esc(msg::CONCLUSION.get(lang))
    );
    if let Some(r) = &m.review {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&r.basis));
    }
    for s in &m.conclusion {
        let _ = writeln!(out, "<p>{}</p>", esc(s));
    }
    out.push_str("</div>\n");
    if let Some(first) = m.notices.first() {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(first));
    }
    out.push_str("</section>\n");

    // The review and the progress since the baseline, after the first page.
    if let Some(r) = &m.review {
        review_section(&mut out, r, lang);
    }
    if let Some(p) = &m.progress {
        out.push_str("<section id=\"progress\">\n");
        rounds_section(&mut out, p);
        out.push_str("</section>\n");
    }

    // 2. Areas against the next star.
    let _ = writeln!(
        out,
        "<section id=\"areas\">\n<h2>{}</h2>",
        esc(msg::AREAS_AGAINST_NEXT_STAR.get(lang))
    );
    chart_svg(&mut out, &m.chart, lang);
    let mut heads = vec![
        msg::AREA.get(lang),
        msg::WEIGHT.get(lang),
        msg::SCORE.get(lang),
        msg::WITH_DATA.get(lang),
    ];
    let mut classes = vec!["", "num", "num", "num"];
    let floor_head = m.chart.floor_head.clone().unwrap_or_default();
    if m.chart.floor_label.is_some() {
        heads.push(&floor_head);
        classes.push("num");
    }
    for b in &m.chart.benchmarks {
        heads.push(b);
        classes.push("");
    }
    let n_bench = m.chart.benchmarks.len();
    let name_w: u8 = if n_bench == 0 { 40 } else { 28 };
    let mut widths = vec![name_w, 10, 11, 11];
    if m.chart.floor_label.is_some() {
        widths.push(12);
    }
    let rest = 100u8.saturating_sub(widths.iter().sum::<u8>());
    if n_bench > 0 {
        let each = rest / n_bench as u8;
        widths.extend(std::iter::repeat_n(each, n_bench));
    } else {
        widths[0] += rest;
    }
    let table = Table {
        heads,
        classes,
        widths,
    };
    table.open(&mut out);
    for r in &m.chart.rows {
        let name = format!("{} {}", r.code, r.name);
        let mut cells: Vec<&str> = vec![&name, &r.weight, &r.score_text, &r.coverage];
        if m.chart.floor_label.is_some() {
            cells.push(&r.floor_text);
        }
        for b in &r.benchmarks {
            cells.push(&b.text);
        }
        table.row(&mut out, "", &cells);
    }
    Table::close(&mut out);
    if !m.chart.bonus.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}: {}</p>",
            esc(msg::BONUS.get(lang)),
            esc(&m.chart.bonus.join(" · "))
        );
    }
    for n in &m.chart.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    out.push_str("</section>\n");

    // 3. The next-star plan.
    // A short plan shares the chart's page.
    let _ = writeln!(
        out,
        "<section id=\"plan\"{}>\n<h2>{}</h2>\n<p>{}</p>",
        if m.plan.tasks.len() <= 8 {
            " class=\"with-previous\""
        } else {
            ""
        },
        esc(msg::NEXT_STAR_PLAN_HTML.get(lang)),
        esc(&m.plan.headline)
    );
    // How to read the tasks, above them (a note after a table can be left alone on a page).
    if let Some(n) = &m.plan.note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }
    if !m.plan.tasks.is_empty() {
        let table = Table {
            heads: vec![
                "",
                msg::INDICATOR.get(lang),
                msg::NOW_WORDS.get(lang),
                msg::TARGET_WORDS.get(lang),
                msg::STARS.get(lang),
                msg::POINTS_GAINED.get(lang),
            ],
            classes: vec!["", "", "", "", "num", "num"],
            widths: vec![4, 30, 15, 31, 10, 10],
        };
        table.open(&mut out);
        for task in &m.plan.tasks {
            let name = format!("{} {}", task.code, task.name);
            table.row(
                &mut out,
                "",
                &["☐", &name, &task.from, &task.to, &task.stars, &task.points],
            );
        }
        Table::close(&mut out);
    }
    out.push_str("</section>\n");

    // 4. Gaps to benchmarks.
    let _ = writeln!(
        out,
        "<section id=\"gaps\"{}>\n<h2>{}</h2>",
        if m.gaps.is_empty() {
            " class=\"with-previous\""
        } else {
            ""
        },
        esc(msg::GAPS_TO_BENCHMARKS.get(lang))
    );
    if m.gaps.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(msg::NO_BENCHMARK.get(lang)));
    }
    for g in &m.gaps {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&g.title));
        if !g.rows.is_empty() {
            let table = Table {
                heads: vec![
                    msg::INDICATOR.get(lang),
                    msg::OWN_HTML.get(lang),
                    msg::BENCHMARK_VALUE_SHORT.get(lang),
                    msg::GAP.get(lang),
                    msg::POINTS_AT_STAKE.get(lang),
                    msg::YEAR_AND_SOURCE.get(lang),
                ],
                classes: vec!["", "num", "num", "num", "num", "src"],
                widths: vec![24, 11, 12, 12, 9, 32],
            };
            table.open(&mut out);
            for r in &g.rows {
                let src = if r.source.is_empty() {
                    r.origin.clone()
                } else {
                    format!("{} · {}", r.origin, r.source)
                };
                table.row(
                    &mut out,
                    "",
                    &[&r.indicator, &r.own, &r.benchmark, &r.gap, &r.points, &src],
                );
            }
            Table::close(&mut out);
        }
        for n in &g.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
        }
    }
    out.push_str("</section>\n");

    // 5. Indicators by area.
    let _ = writeln!(
        out,
        "<section id=\"indicators\">\n<h2>{}</h2>",
        esc(msg::SHEET_INDICATORS.get(lang))
    );
    for g in &m.indicators {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&g.title));
        let table = Table {
            heads: vec![
                msg::CODE.get(lang),
                msg::INDICATOR.get(lang),
                msg::ROLE.get(lang),
                msg::VALUE_HTML.get(lang),
                msg::STARS.get(lang),
                msg::NEXT_STAR_NEEDS.get(lang),
                msg::SCORE.get(lang),
                msg::CONTRIBUTION.get(lang),
            ],
            classes: vec!["code", "", "", "", "num", "", "num", "num"],
            widths: vec![8, 22, 8, 20, 7, 20, 7, 8],
        };
        table.open(&mut out);
        for r in &g.rows {
            table.row(
                &mut out,
                if r.missing { "missing" } else { "" },
                &[
                    &r.code,
                    &r.name,
                    &r.role,
                    &r.value,
                    &r.stars,
                    &r.next,
                    &r.score,
                    &r.contribution,
                ],
            );
        }
        Table::close(&mut out);
    }
    out.push_str("</section>\n");

    // 6. Data problems.
    let _ = writeln!(
        out,
        "<section id=\"problems\"{}>\n<h2>{}</h2>\n<p>{}</p>",
        if m.problems.is_empty() {
            " class=\"with-previous\""
        } else {
            ""
        },
        esc(msg::DATA_PROBLEMS.get(lang)),
        esc(&m.problem_summary)
    );
    if !m.problems.is_empty() {
        let table = Table {
            heads: vec![
                msg::SEVERITY.get(lang),
                msg::CELL.get(lang),
                msg::CELL_TEXT.get(lang),
                msg::PROBLEM.get(lang),
                msg::WHAT_TO_DO.get(lang),
            ],
            classes: vec!["", "code", "", "", ""],
            widths: vec![10, 14, 14, 31, 31],
        };
        table.open(&mut out);
        for p in &m.problems {
            let sev = p.severity.clone();
            out.push_str("<tr>");
            let _ = write!(out, "<td class=\"sev-{}\">{}</td>", p.class, esc(&sev));
            for (v, c) in [
                (&p.location, "code"),
                (&p.raw, ""),
                (&p.message, ""),
                (&crate::render::bracketed(lang, &p.hint, &p.code), ""),
            ] {
                let _ = write!(out, "<td class=\"{c}\">{}</td>", esc(v));
            }
            out.push_str("</tr>\n");
        }
        Table::close(&mut out);
    }
    out.push_str("</section>\n");

    // 7. The standard's status and the appendix, after the data problems.
    let _ = writeln!(
        out,
        "<section id=\"standard\" class=\"with-previous\">\n<h2>{}</h2>",
        esc(msg::ABOUT_THE_STANDARD.get(lang))
    );
    for n in &m.notices {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(n));
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section id=\"appendix\" class=\"with-previous\">\n<h2>{}</h2>\n<h3>{}</h3>",
        esc(msg::APPENDIX.get(lang)),
        esc(msg::METHOD.get(lang))
    );
    for s in &m.method {
        let _ = writeln!(out, "<p>{}</p>", esc(s));
    }
    let _ = writeln!(out, "<h3>{}</h3>", esc(msg::PROVENANCE_TITLE.get(lang)));
    out.push_str("<table class=\"grid\"><colgroup><col style=\"width:26%\"><col style=\"width:74%\"></colgroup><tbody>\n");
    for f in &m.provenance {
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            esc(&f.label),
            esc(&f.value)
        );
    }
    out.push_str("</tbody></table>\n");
    if !m.evidence.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", esc(msg::EVIDENCE_FILES.get(lang)));
        let table = Table {
            heads: vec![
                msg::FILE.get(lang),
                msg::INDICATOR.get(lang),
                msg::KIND.get(lang),
                msg::SIZE.get(lang),
                "SHA-256",
            ],
            classes: vec!["", "code", "code", "num", "hash"],
            widths: vec![30, 11, 8, 12, 39],
        };
        table.open(&mut out);
        for e in &m.evidence {
            table.row(
                &mut out,
                "",
                &[&e.path, &e.indicator, &e.kind, &e.size, &e.sha256],
            );
        }
        Table::close(&mut out);
    }
    let _ = writeln!(out, "<p class=\"foot\">{}</p>", esc(&m.footer));
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

/// The batch summary (summary.html).
pub fn summary(m: &SummaryReport) -> String {
    let mut out = String::with_capacity(32 * 1024);
    // Nothing is spilled, so nothing can fail.
    let _ = summary_into(m, &mut out, &mut |_| Ok(()));
    out
}

/// What [`write_summary`] holds before it writes to its writer.
const SPILL_AT: usize = 64 * 1024;

/// [`summary`], written to `w` as it is made: a country-sized batch's
/// summary is not held whole (the same bytes).
pub fn write_summary(
    m: &SummaryReport,
    w: &mut (dyn std::io::Write + Send),
) -> std::io::Result<()> {
    write_summary_spilling(m, w, SPILL_AT)
}

fn write_summary_spilling(
    m: &SummaryReport,
    w: &mut (dyn std::io::Write + Send),
    at: usize,
) -> std::io::Result<()> {
    let mut out = String::with_capacity(at + 4 * 1024);
    summary_into(m, &mut out, &mut |out: &mut String| {
        if out.len() >= at {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
        Ok(())
    })?;
    w.write_all(out.as_bytes())
}

/// The summary's markup, into `out`; `spill` is given `out` after each row
/// (it may write it out and clear it).
fn summary_into(
    m: &SummaryReport,
    out: &mut String,
    spill: &mut dyn FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let lang = m.lang;
    head(out, lang, &m.title, &m.title);
    out.push_str("<section class=\"cover\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&m.title));
    facts_table(out, &m.facts);

    // The star distribution as bars.
    let _ = writeln!(out, "<h3>{}</h3>", esc(msg::STAR_DISTRIBUTION.get(lang)));
    let max = m.distribution.iter().map(|d| d.1).max().unwrap_or(0).max(1) as f64;
    let w = 680.0;
    let bar_x = 60.0;
    let bar_w = w - bar_x - 60.0;
    let h = 22.0 * m.distribution.len() as f64 + 6.0;
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(msg::STAR_DISTRIBUTION.get(lang))
    );
    for (k, (label, n)) in m.distribution.iter().enumerate().rev() {
        let y = 4.0 + 22.0 * (m.distribution.len() - 1 - k) as f64;
        let bw = *n as f64 / max * bar_w;
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>\
             <rect x=\"{bar_x}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"15\" fill=\"#c55a11\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{n}</text>",
            bar_x - 8.0,
            y + 12.0,
            esc(label),
            bar_x + bw + 5.0,
            y + 12.0
        );
    }
    out.push_str("</svg>\n");
    for n in &m.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
    }

    let entry_row = |out: &mut String, e: &super::model::RankEntry, with_city: bool| {
        let name = match &e.link {
            Some(href) => format!("<a href=\"{}\">{}</a>", esc(href), esc(&e.name)),
            None => esc(&e.name),
        };
        let _ = write!(
            out,
            "<tr><td class=\"num\">{}</td><td>{name}</td>",
            esc(&e.rank)
        );
        if with_city {
            let _ = write!(out, "<td>{}</td>", esc(&e.parent));
        }
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"code\">{}</td></tr>",
            esc(&e.total),
            esc(&e.glyphs)
        );
    };
    let heads = |out: &mut String, with_city: bool| {
        let _ = writeln!(
            out,
            "<table class=\"grid\"><colgroup><col style=\"width:8%\"><col style=\"width:{}%\">{}<col style=\"width:14%\"><col style=\"width:18%\"></colgroup>\
             <thead><tr><th class=\"num\">{}</th><th>{}</th>{}<th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
            if with_city { 36 } else { 60 },
            if with_city {
                "<col style=\"width:24%\">"
            } else {
                ""
            },
            esc(msg::RANK.get(lang)),
            esc(msg::NAME.get(lang)),
            if with_city {
                format!("<th>{}</th>", esc(msg::CITY.get(lang)))
            } else {
                String::new()
            },
            esc(msg::TOTAL.get(lang)),
            esc(msg::STARS.get(lang)),
        );
    };
    let any_city = !m.cities.is_empty();
    for r in &m.rankings {
        let _ = writeln!(
            out,
            "<h3>{} · {}</h3>",
            esc(msg::RANKING.get(lang)),
            esc(&r.title)
        );
        heads(out, any_city);
        for row in m.ranking.iter().skip(r.rows.start).take(r.rows.len()) {
            entry_row(out, &(m.entry)(&row), any_city);
            spill(out)?;
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
    if any_city {
        let _ = writeln!(
            out,
            "<section id=\"cities\">\n<h2>{}</h2>",
            esc(msg::BY_CITY.get(lang))
        );
        // Ranks are per standard, so a city's entities are listed by level instead.
        let table = Table {
            heads: vec![
                msg::NAME.get(lang),
                msg::LEVEL.get(lang),
                msg::TOTAL.get(lang),
                msg::STARS.get(lang),
            ],
            classes: vec!["", "", "num", "code"],
            widths: vec![50, 18, 14, 18],
        };
        for c in &m.cities {
            let _ = writeln!(out, "<h3>{}</h3>", esc(&c.city));
            table.open(out);
            for row in c.rows.iter().filter_map(|&k| m.ranking.get(k as usize)) {
                let e = (m.entry)(&row);
                let name = match &e.link {
                    Some(href) => format!("<a href=\"{}\">{}</a>", esc(href), esc(&e.name)),
                    None => esc(&e.name),
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{name}</td><td>{}</td><td class=\"num\">{}</td><td class=\"code\">{}</td></tr>",
                    esc(&e.level),
                    esc(&e.total),
                    esc(&e.glyphs)
                );
                spill(out)?;
            }
            Table::close(out);
        }
        out.push_str("</section>\n");
    }
    for (k, p) in m.province.iter().enumerate() {
        // The movers and the targets follow the counts on the same page.
        out.push_str(if k == 0 {
            "<section class=\"province\">\n"
        } else {
            "<section class=\"province with-previous\">\n"
        });
        rounds_section(out, p);
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<p class=\"foot\">{}</p>", esc(&m.footer));
    out.push_str("</body>\n</html>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::batch::{RankRow, Ranking};
    use crate::report::model::{CityGroup, RankEntry, RankingTable};

    /// summary.html written as it is made is the summary made whole, with
    /// any spilling size (after every row, and the size the run uses).
    #[test]
    fn a_written_summary_is_the_summary_made_whole() {
        let texts: Vec<(String, String)> = (0..3000)
            .map(|k| {
                (
                    format!("in/entity-{k:05}.xlsx"),
                    format!("示例市 <{k}> & “更多”"),
                )
            })
            .collect();
        let mut ranking = Ranking::default();
        for (k, (file, name)) in texts.iter().enumerate() {
            ranking.push(RankRow {
                rank: k + 1,
                standard: "city",
                file,
                name,
                score: 90.0 - k as f64 / 100.0,
                stars: (k % 6) as u8,
                verified: false,
            });
        }
        let model = || SummaryReport {
            lang: Lang::Zh,
            title: "汇总".into(),
            facts: Vec::new(),
            ranking: &ranking,
            rankings: vec![RankingTable {
                title: "市级".into(),
                rows: 0..ranking.len(),
            }],
            entry: Box::new(|r: &RankRow| RankEntry {
                rank: r.rank.to_string(),
                name: r.name.to_string(),
                level: "市级".into(),
                parent: "济南市".into(),
                total: format!("{:.2}", r.score),
                glyphs: "★".repeat(r.stars as usize),
                stars: r.stars,
                link: r.rank.is_multiple_of(2).then(|| format!("{}.html", r.rank)),
            }),
            distribution: vec![("0★".into(), 1), ("5★".into(), 2)],
            cities: vec![CityGroup {
                city: "济南市".into(),
                rows: (0..ranking.len() as u32).step_by(3).collect(),
            }],
            notes: vec!["注".into()],
            footer: "页脚".into(),
            province: Vec::new(),
        };
        let whole = summary(&model());
        assert!(whole.len() > 4 * SPILL_AT, "the test spills several times");
        for at in [1, 100, SPILL_AT] {
            let mut written = Vec::new();
            write_summary_spilling(&model(), &mut written, at).unwrap();
            assert!(written == whole.as_bytes(), "spilling at {at}");
        }
    }
}
