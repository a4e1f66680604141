//! `--format markdown`: the same content as the terminal, for CI job summaries.

use super::{Renderer, t};
use crate::Lang;
use crate::assess::batch::Summary;
use crate::assess::score::{fmt_num, fmt2};
use crate::assess::{Assessment, PlanStatus, star_glyphs};
use std::fmt::Write;

pub struct Markdown;

/// Pipes and newlines would break a table cell.
fn cell(s: &str) -> String {
    super::escape::markdown(s)
}

/// A table: the header, the alignment row (`r` in `align` right-aligns that
/// column, anything else leaves it left), then the rows, cells as given.
fn md_table<H, R>(out: &mut String, header: &[H], align: &str, rows: impl IntoIterator<Item = R>)
where
    H: AsRef<str>,
    R: AsRef<[String]>,
{
    md_row(out, header);
    out.push('|');
    for c in align.chars() {
        out.push_str(if c == 'r' { "---:|" } else { "---|" });
    }
    out.push('\n');
    for r in rows {
        md_row(out, r.as_ref());
    }
}

fn md_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let cells: Vec<&str> = cells.iter().map(|c| c.as_ref()).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn entity(a: &Assessment, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {} — {} {}\n",
        cell(&a.name),
        star_glyphs(a.stars),
        a.stars_label
    );
    let _ = writeln!(
        out,
        "**{}** {}{} · **{}** {} / 100 · {}\n",
        t(lang, "评级", "Rating"),
        a.stars_label,
        a.tier
            .as_deref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default(),
        t(lang, "总分", "Total"),
        fmt2(a.score),
        cell(&a.file)
    );
    let _ = writeln!(
        out,
        "{}: {} · {} · `{}`\n",
        t(lang, "标准", "Standard"),
        a.standard.code,
        a.standard.edition(lang),
        a.standard.id
    );
    for n in &a.notes {
        let _ = writeln!(out, "> {}", cell(n));
    }
    if !a.notes.is_empty() {
        out.push('\n');
    }

    md_table(
        out,
        &[
            t(lang, "维度", "Dimension"),
            t(lang, "得分", "Score"),
            t(lang, "权重", "Weight"),
            t(lang, "覆盖", "Coverage"),
        ],
        "lrrr",
        a.dimensions.iter().map(|d| {
            let score = match (d.score, d.points) {
                (Some(s), _) => fmt2(s),
                (None, Some(p)) => format!("+{}", fmt2(p)),
                _ => "—".into(),
            };
            [
                format!("{} {}", d.code, cell(&d.name)),
                score,
                d.weight
                    .map(fmt_num)
                    .unwrap_or_else(|| t(lang, "加分项", "bonus").into()),
                format!("{}/{}", d.covered, d.indicators),
            ]
        }),
    );

    let _ = writeln!(
        out,
        "\n**{}**: {}\n",
        t(lang, "评级依据", "Why"),
        cell(&a.rating.decided_by.text)
    );
    if let Some(next) = &a.rating.next {
        let _ = writeln!(
            out,
            "**{} {}★ ({})**:\n",
            t(lang, "距下一星级", "Not yet"),
            next.stars,
            next.name
        );
        for c in &next.failing {
            let _ = writeln!(out, "- {}", cell(&c.text));
        }
        out.push('\n');
    }

    let p = &a.next_star;
    match p.status {
        PlanStatus::Top => {}
        PlanStatus::Impossible => {
            let _ = writeln!(
                out,
                "**{}**: {}\n",
                t(lang, "升星方案", "Plan"),
                cell(p.reason.as_deref().unwrap_or(""))
            );
        }
        PlanStatus::Found | PlanStatus::FoundCapped => {
            let _ = writeln!(
                out,
                "### {} {}★ → {} {}\n",
                t(lang, "升星方案", "Plan to"),
                p.target_stars.unwrap_or(0),
                t(lang, "总分", "total"),
                p.total_after.map(fmt2).unwrap_or_default()
            );
            md_table(
                out,
                &[
                    t(lang, "指标", "Indicator"),
                    t(lang, "现值", "From"),
                    t(lang, "目标", "To"),
                    t(lang, "星级", "Stars"),
                    t(lang, "增分", "Points gained"),
                ],
                "llllr",
                p.steps.iter().map(|s| {
                    [
                        format!("{} {}", s.code, cell(&s.name)),
                        cell(&s.from_text),
                        cell(&s.target_text()),
                        format!("{}★→{}★", s.stars_from, s.stars_to),
                        format!("+{}", fmt2(s.points_gained)),
                    ]
                }),
            );
            if let Some(r) = &p.reason {
                let _ = writeln!(out, "\n> {}", cell(r));
            }
            out.push('\n');
        }
    }

    for g in &a.gaps {
        let _ = writeln!(out, "#### {}\n", cell(&super::gaps::title(g, lang)));
        if super::gaps::behind(g).next().is_some() {
            let mut header = super::gaps::header(lang);
            header.push(t(lang, "来源", "Source"));
            md_table(
                out,
                &header,
                &"l".repeat(header.len()),
                super::gaps::behind(g).map(|ig| {
                    let mut cells: Vec<String> =
                        super::gaps::row(ig, lang).iter().map(|c| cell(c)).collect();
                    cells.push(cell(super::gaps::source_of(&ig.origin).unwrap_or("")));
                    cells
                }),
            );
            out.push('\n');
        }
        for line in [
            super::gaps::ahead_line(g, lang),
            super::gaps::dimensions_line(g, lang),
            super::gaps::not_compared_line(g, lang),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "- {}", cell(&line));
        }
        out.push('\n');
    }

    if let Some(s) = &a.stability {
        let _ = writeln!(
            out,
            "**{}**: {}\n",
            t(lang, "稳定性", "Stability"),
            super::stability_text(a.stars, s, lang)
        );
    }

    let (e, w, i) = a.diagnostic_counts();
    let _ = writeln!(
        out,
        "<details><summary>{} ({} / {} / {})</summary>\n",
        t(
            lang,
            "诊断（错误/警告/提示）",
            "Diagnostics (error/warning/info)"
        ),
        e,
        w,
        i
    );
    if !a.diagnostics.is_empty() {
        md_table(
            out,
            &[
                t(lang, "严重程度", "Severity"),
                t(lang, "位置", "Location"),
                t(lang, "代码", "Code"),
                t(lang, "说明", "Message"),
            ],
            "llll",
            a.diagnostics.iter().map(|d| {
                [
                    d.severity.name(lang).to_string(),
                    cell(&d.location),
                    format!("`{}`", d.code),
                    cell(&d.message),
                ]
            }),
        );
    }
    let _ = writeln!(out, "\n</details>\n");

    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n",
        t(lang, "指标明细", "Indicators")
    );
    md_table(
        out,
        &[
            t(lang, "指标", "Indicator"),
            t(lang, "值", "Value"),
            t(lang, "星级", "Stars"),
            t(lang, "得分", "Score"),
            t(lang, "贡献", "Contribution"),
            t(lang, "下一星", "Next star"),
        ],
        "lllrrl",
        a.indicators.iter().map(|ind| {
            [
                format!("{} {}", ind.code, cell(&ind.name)),
                cell(ind.computation.as_deref().unwrap_or("—")),
                format!("{}★", ind.stars),
                ind.score.map(fmt2).unwrap_or_else(|| "—".into()),
                fmt2(ind.contribution),
                ind.next
                    .as_ref()
                    .map(|n| format!("{}★ {}", n.stars, cell(&n.requirement)))
                    .unwrap_or_default(),
            ]
        }),
    );
    let _ = writeln!(out, "\n</details>\n");
}

/// A section of the rounds and targets row model.
fn section(s: &super::rounds::Section, out: &mut String) {
    use super::rounds::Block;
    let _ = writeln!(out, "### {}\n", cell(&s.title));
    for b in &s.blocks {
        match b {
            // An indented line belongs to the one before it.
            Block::Line(l) if l.starts_with("  ") => {
                let _ = writeln!(out, "  - {}", cell(l.trim_start()));
            }
            Block::Line(l) => {
                let _ = writeln!(out, "- {}", cell(l));
            }
            Block::Table {
                header,
                rows,
                numeric,
            } => {
                out.push('\n');
                let align: String = numeric.iter().map(|n| if *n { 'r' } else { 'l' }).collect();
                let header: Vec<String> = header.iter().map(|h| cell(h)).collect();
                md_table(
                    out,
                    &header,
                    &align,
                    rows.iter()
                        .map(|r| r.iter().map(|c| cell(c)).collect::<Vec<String>>()),
                );
                out.push('\n');
            }
        }
    }
    out.push('\n');
}

impl Renderer for Markdown {
    fn entity(&self, a: &Assessment, lang: Lang) -> String {
        let mut out = String::new();
        entity(a, lang, &mut out);
        if let Some(p) = &a.progress {
            section(&super::rounds::progress_section(p, lang), &mut out);
        }
        out
    }

    fn end(&self, s: &Summary, lang: Lang) -> String {
        let mut out = String::new();
        if super::shows_summary(s) {
            let _ = writeln!(
                out,
                "## {}\n\n{}\n",
                t(lang, "汇总", "Summary"),
                super::assessed_text(s, lang)
            );
            let groups = super::ranking_groups(s);
            for (standard, rows) in &groups {
                if groups.len() > 1 {
                    let _ = writeln!(out, "### {} `{standard}`\n", t(lang, "标准", "Standard"));
                }
                md_table(
                    &mut out,
                    &super::ranking_header(lang),
                    "rlrl",
                    rows.iter().map(|r| {
                        let [rank, name, total] = super::ranking_cells(r);
                        [rank, cell(&name), total, star_glyphs(r.stars)]
                    }),
                );
                out.push('\n');
            }
            for line in super::duplicate_lines(s, lang) {
                let _ = writeln!(out, "> {}\n", cell(line.trim_start_matches("! ")));
            }
            let _ = writeln!(out, "{}\n", super::distribution_text(s));
            for u in &s.unreadable {
                let _ = writeln!(out, "- ✗ {}: {}", cell(&u.file), cell(&u.message));
            }
        }
        if let Some(p) = &s.province {
            out.push('\n');
            for sec in super::rounds::province_sections(p, lang) {
                section(&sec, &mut out);
            }
        }
        let gate = super::gate_lines(s, lang);
        if !gate.is_empty() {
            let _ = writeln!(out, "**{}**\n", cell(&gate[0]));
            for line in &gate[1..] {
                let _ = writeln!(out, "- {}", cell(line.trim_start()));
            }
            out.push('\n');
        }
        out
    }
}
