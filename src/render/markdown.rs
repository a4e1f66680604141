//! `--format markdown`: the same content as the terminal, for CI job
//! summaries: the batch summary and the gate first, then each entity folded
//! in a `<details>`; the whole stays under GitHub's 1 MiB job-summary limit
//! for a batch of any size (details past the budget are left out, with a note).

use super::Renderer;
use crate::Lang;
use crate::assess::batch::Summary;
use crate::assess::score::fmt2;
use crate::assess::{Assessment, PlanStatus, star_glyphs};
use crate::catalogue::terminal as m;
use crate::locale::Words;
use std::fmt::Write;

pub struct Markdown;

/// What a job summary may hold: GitHub's limit is 1 MiB (1,048,576 bytes);
/// this leaves room for the closing notes.
pub const LIMIT: usize = 1_000_000;

/// The ranking lists at most this much of the output; the rest of the
/// budget is for the entities' details.
const RANKING_BUDGET: usize = 400_000;

/// The entities' texts, held until the summary is out; folded when there
/// are several, and only as many as the budget allows.
#[derive(Debug, Default)]
pub struct Held {
    text: String,
    /// Where each held entity ends in `text`.
    ends: Vec<usize>,
    budget: usize,
    fold: bool,
    dropped: usize,
    /// The language the folded headings are written in.
    lang: Lang,
}

impl Held {
    /// `summary_len`: the bytes written before the details.
    pub fn new(fold: bool, summary_len: usize, lang: Lang) -> Held {
        Held {
            budget: LIMIT.saturating_sub(summary_len),
            fold,
            lang,
            ..Held::default()
        }
    }

    /// Set the budget once the summary's length is known.
    pub fn set_summary_len(&mut self, summary_len: usize) {
        self.budget = LIMIT.saturating_sub(summary_len);
    }

    pub fn push(&mut self, a: &Assessment, text: &str) {
        let lang = self.lang;
        let piece = if self.fold {
            format!(
                "<details><summary><strong>{}</strong> — {} {} · {}</summary>\n\n{}\n\n</details>\n\n",
                cell(&a.name),
                star_glyphs(a.stars),
                cell(a.stars_label.get(lang)),
                fmt2(a.score),
                text.trim_end()
            )
        } else {
            text.to_string()
        };
        // Whole entities only, and never more than the limit held in memory.
        if self.dropped == 0 && self.text.len() + piece.len() <= LIMIT {
            self.text.push_str(&piece);
            self.ends.push(self.text.len());
        } else {
            self.dropped += 1;
        }
    }

    /// The details that fit the budget, and a note on any left out.
    pub fn finish(mut self, lang: Lang) -> String {
        let keep = self.ends.iter().take_while(|&&e| e <= self.budget).count();
        self.dropped += self.ends.len() - keep;
        self.text
            .truncate(if keep == 0 { 0 } else { self.ends[keep - 1] });
        if self.dropped > 0 {
            let _ = writeln!(
                self.text,
                "> {}\n",
                m::DETAILS_LEFT_OUT.fill(lang, &[&self.dropped])
            );
        }
        self.text
    }
}

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

/// The review: both ratings, every change, the plan on the verified values.
fn review(a: &Assessment, lang: Lang, out: &mut String) {
    let Some(r) = super::review::section(a, lang) else {
        return;
    };
    let _ = writeln!(
        out,
        "\n### {}\n\n**{}** · {}\n",
        m::REVIEW.get(lang),
        cell(&r.headline),
        cell(&r.source)
    );
    if !r.changes.is_empty() {
        md_table(
            out,
            &r.header,
            "llccl",
            r.changes.iter().map(|row| row.clone().map(|c| cell(&c))),
        );
        let _ = writeln!(out, "\n{}\n", cell(super::review::effects_note(lang)));
    }
    if let Some(line) = &r.plan_line {
        let _ = writeln!(out, "**{}**\n", cell(line));
        if !r.plan.is_empty() {
            md_table(
                out,
                &r.plan_header,
                "llllr",
                r.plan.iter().map(|row| row.clone().map(|c| cell(&c))),
            );
        }
    }
}

fn entity(a: &Assessment, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {} — {} {}\n",
        cell(&a.name),
        star_glyphs(a.stars),
        a.stars_label.get(lang)
    );
    let _ = writeln!(
        out,
        "**{}** {}{} · **{}** {} / 100 · {}\n",
        m::RATING.get(lang),
        a.stars_label.get(lang),
        a.tier
            .as_ref()
            .map(|t| t.get(lang))
            .map(|x| {
                // The sub-tier after the stars' name, in brackets.
                let b = crate::render::bracketed(lang, &"", &x);
                if lang == Lang::En {
                    b
                } else {
                    b.trim_start().to_string()
                }
            })
            .unwrap_or_default(),
        m::TOTAL.get(lang),
        fmt2(a.score),
        cell(&a.file)
    );
    let _ = writeln!(
        out,
        "{}{} · {} · `{}`\n",
        crate::render::colon(lang, m::STANDARD),
        a.standard.code,
        a.standard.edition(lang),
        a.standard.id
    );
    for n in &a.notes {
        let _ = writeln!(out, "> {}", cell(&n.words(lang)));
    }
    if !a.notes.is_empty() {
        out.push('\n');
    }

    md_table(
        out,
        &super::dimension_header(lang),
        "lrrr",
        a.dimensions
            .iter()
            .map(|d| super::dimension_cells(d, lang, cell)),
    );

    review(a, lang, out);

    let _ = writeln!(
        out,
        "\n{}{}\n",
        crate::render::bold_colon(lang, m::WHY),
        cell(&a.rating.decided_by.words(lang))
    );
    if let Some(next) = &a.rating.next {
        let heading = super::not_yet_heading(next.stars, next.name.get(lang), lang, true);
        let _ = writeln!(out, "{heading}\n");
        for c in &next.failing {
            let _ = writeln!(out, "- {}", cell(&c.words(lang)));
        }
        out.push('\n');
    }

    let p = &a.next_star;
    match p.status {
        PlanStatus::Top => {}
        PlanStatus::Impossible => {
            let _ = writeln!(
                out,
                "{}{}\n",
                crate::render::bold_colon(lang, m::PLAN),
                cell(&p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default())
            );
        }
        PlanStatus::Found | PlanStatus::FoundCapped => {
            let heading = m::PLAN_TO_HEADING.fill(
                lang,
                &[
                    &p.target_stars.unwrap_or(0),
                    &p.total_after.map(fmt2).unwrap_or_default(),
                ],
            );
            let _ = writeln!(out, "### {heading}\n");
            md_table(
                out,
                &super::plan_header(lang),
                "llllr",
                p.steps.iter().map(|s| super::plan_cells(s, lang, cell)),
            );
            if let Some(r) = &p.reason {
                let _ = writeln!(out, "\n> {}", cell(&r.words(lang)));
            }
            out.push('\n');
        }
    }

    for g in &a.gaps {
        let _ = writeln!(out, "#### {}\n", cell(&super::gaps::title(g, lang)));
        if super::gaps::behind(g).next().is_some() {
            let mut header = super::gaps::header(lang);
            header.push(m::SOURCE.get(lang));
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
            "{}{}\n",
            crate::render::bold_colon(lang, m::STABILITY),
            super::stability_text(a.stars, s, lang)
        );
    }

    let (e, w, i) = a.diagnostic_counts();
    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n",
        crate::render::bracketed(
            lang,
            &m::DIAGNOSTIC_COUNTS_HEADING.get(lang),
            &format!("{e} / {w} / {i}")
        )
    );
    if !a.diagnostics.is_empty() {
        md_table(
            out,
            &[
                m::SEVERITY.get(lang),
                m::LOCATION.get(lang),
                m::CODE.get(lang),
                m::MESSAGE.get(lang),
            ],
            "llll",
            a.diagnostics.iter().map(|d| {
                [
                    d.severity.name(lang).to_string(),
                    cell(&d.location),
                    format!("`{}`", d.code),
                    cell(&d.message.words(lang)),
                ]
            }),
        );
    }
    let _ = writeln!(out, "\n</details>\n");

    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n",
        m::INDICATORS.get(lang)
    );
    md_table(
        out,
        &[
            m::INDICATOR.get(lang),
            m::VALUE.get(lang),
            m::STARS.get(lang),
            m::SCORE.get(lang),
            m::CONTRIBUTION.get(lang),
            m::NEXT_STAR.get(lang),
        ],
        "lllrrl",
        a.indicators.iter().map(|ind| {
            [
                format!("{} {}", ind.code, cell(ind.name(lang))),
                cell(
                    &ind.computation
                        .as_ref()
                        .map_or_else(|| "—".to_string(), |c| c.words(lang)),
                ),
                format!("{}★", ind.stars),
                ind.score.map(fmt2).unwrap_or_else(|| "—".into()),
                fmt2(ind.contribution),
                ind.next
                    .as_ref()
                    .map(|n| format!("{}★ {}", n.stars, cell(&n.requirement.words(lang))))
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

    fn summary_first(&self) -> bool {
        true
    }

    /// The summary and the gate, then the entities (folded when several).
    fn render(&self, report: &crate::assess::batch::Report, lang: Lang) -> String {
        let mut out = self.begin(lang);
        out.push_str(&self.end(&report.summary, lang));
        let mut held = Held::new(report.entities.len() > 1, out.len(), lang);
        for a in &report.entities {
            held.push(a, &self.entity(a, lang));
        }
        out.push_str(&held.finish(lang));
        out
    }

    fn end(&self, s: &Summary, lang: Lang) -> String {
        let mut out = String::new();
        if super::shows_summary(s) {
            let _ = writeln!(
                out,
                "## {}\n\n{}\n",
                m::SUMMARY.get(lang),
                super::assessed_text(s, lang)
            );
            let groups = super::ranking_groups(s);
            for (standard, rows) in &groups {
                if groups.len() > 1 {
                    let _ = writeln!(out, "### {} `{standard}`\n", m::STANDARD.get(lang));
                }
                let room = RANKING_BUDGET.saturating_sub(out.len()) / 80;
                md_table(
                    &mut out,
                    &super::ranking_header(lang),
                    "rlrl",
                    s.ranking
                        .iter()
                        .skip(rows.start)
                        .take(rows.len().min(room))
                        .map(|r| {
                            let [rank, name, total] = super::ranking_cells(&r);
                            [rank, cell(&name), total, star_glyphs(r.stars)]
                        }),
                );
                if rows.len() > room {
                    let _ = writeln!(
                        out,
                        "\n> {}",
                        m::RANKING_CUT.fill(lang, &[&room, &rows.len()])
                    );
                }
                out.push('\n');
            }
            for line in super::duplicate_lines(s, lang) {
                let _ = writeln!(out, "> {}\n", cell(line.trim_start_matches("! ")));
            }
            for line in super::review::summary_lines(s, lang) {
                let _ = writeln!(out, "> {}\n", cell(&line));
            }
            let _ = writeln!(out, "{}\n", super::distribution_text(s));
            for u in &s.unreadable {
                let _ = writeln!(
                    out,
                    "- ✗ {}: {}",
                    cell(&u.file),
                    cell(&u.message.words(lang))
                );
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
