//! Renderers behind one seam: the assessment is computed once, and every
//! output format reads the same [`Report`](crate::assess::batch::Report).

pub mod escape;
pub mod gaps;
pub mod json;
pub mod markdown;
mod pretty;
pub mod review;
pub mod rounds;
pub mod table;
pub mod terminal;
pub mod words;

use crate::Lang;
use crate::assess::Assessment;
use crate::assess::batch::{RankRow, Report, Summary};
use crate::catalogue::common;
use crate::catalogue::terminal as m;

/// One output format, written in pieces so a batch can stream its entities
/// out as they are assessed (and render them on the worker threads):
/// `begin`, then each `entity` in order with `separator` between, then `end`.
pub trait Renderer: Sync {
    fn begin(&self, _lang: Lang) -> String {
        String::new()
    }

    /// What goes between two entities.
    fn separator(&self) -> &'static str {
        ""
    }

    /// One entity.
    fn entity(&self, a: &Assessment, lang: Lang) -> String;

    /// The batch summary, after the last entity.
    fn end(&self, summary: &Summary, lang: Lang) -> String;

    /// [`Renderer::end`], handed to `write` in pieces as it is made (a
    /// summary ranking every entity of a country-scale batch is then never
    /// held whole).
    fn end_into(
        &self,
        summary: &Summary,
        lang: Lang,
        write: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        write(&self.end(summary, lang))
    }

    /// Whether the summary goes before the entities (a CI job summary is
    /// read from the top): then the caller holds the entities' texts in a
    /// [`markdown::Held`] and writes them after [`Renderer::end`].
    fn summary_first(&self) -> bool {
        false
    }

    /// The whole output for stdout.
    fn render(&self, report: &Report, lang: Lang) -> String {
        let mut out = self.begin(lang);
        for (k, a) in report.entities.iter().enumerate() {
            if k > 0 {
                out.push_str(self.separator());
            }
            out.push_str(&self.entity(a, lang));
        }
        out.push_str(&self.end(&report.summary, lang));
        out
    }
}

/// The renderer for a `--format` value.
/// What a report is rendered as on stdout (`--format`).
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Markdown,
}

pub fn for_format(format: Format, ascii: bool) -> Box<dyn Renderer> {
    match format {
        Format::Table => Box::new(terminal::Terminal { ascii }),
        Format::Json => Box::new(json::Json),
        Format::Markdown => Box::new(markdown::Markdown),
    }
}

/// Shared words of the human-readable renderers.
pub(crate) fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// `3 项改进`, `1 change`, `2 changes`: English says one change in the
/// singular, so there are two entries.
pub(crate) fn n_changes(n: usize, lang: Lang) -> String {
    let msg = if n == 1 {
        m::N_CHANGES_ONE
    } else {
        m::N_CHANGES
    };
    msg.fill(lang, &[&n])
}

/// A label and its colon, as each language writes it: `稳定性：`, `Stability: `.
pub(crate) fn colon(lang: Lang, label: crate::catalogue::Msg) -> String {
    crate::catalogue::common::LABEL_COLON.fill(lang, &[&label.get(lang)])
}

/// `text` with `note` in brackets, as each language writes them:
/// `四星级（A）`, `four stars (A)`.
pub(crate) fn bracketed(
    lang: Lang,
    text: &dyn std::fmt::Display,
    note: &dyn std::fmt::Display,
) -> String {
    crate::catalogue::common::IN_BRACKETS.fill(lang, &[text, note])
}

/// A Markdown label in bold and its colon: `**稳定性**：`, `**Stability**: `.
pub(crate) fn bold_colon(lang: Lang, label: crate::catalogue::Msg) -> String {
    crate::catalogue::common::LABEL_COLON.fill(lang, &[&format!("**{}**", label.get(lang))])
}

/// Whether the human-readable renderers end with a batch summary: for
/// several files, or when some could not be read.
pub(crate) fn shows_summary(s: &Summary) -> bool {
    s.files > 1 || !s.unreadable.is_empty()
}

/// `3 / 4 files assessed`
pub(crate) fn assessed_text(s: &Summary, lang: Lang) -> String {
    m::N_OF_M_ASSESSED.fill(lang, &[&s.assessed, &s.files])
}

/// The header of the ranking table: rank, name, total, stars.
pub(crate) fn ranking_header(lang: Lang) -> [&'static str; 4] {
    [
        "#",
        m::NAME.get(lang),
        m::TOTAL.get(lang),
        m::STARS.get(lang),
    ]
}

/// A ranking row's rank, name and total (the renderers write the stars
/// their own way).
pub(crate) fn ranking_cells(r: &RankRow) -> [String; 3] {
    [
        r.rank.to_string(),
        r.name.to_string(),
        crate::assess::score::fmt2(r.score),
    ]
}

/// What stands before the next star, as a heading with its colon, `**`
/// around the words in Markdown: `距下一星级 4★（四星级）：`.
pub(crate) fn not_yet_heading(stars: u8, name: &str, lang: Lang, bold: bool) -> String {
    let words = bracketed(lang, &format!("{} {}★", m::NOT_YET.get(lang), stars), &name);
    let words = if bold { format!("**{words}**") } else { words };
    common::LABEL_COLON
        .fill(lang, &[&words])
        .trim_end()
        .to_string()
}

/// The header of the dimensions table.
pub(crate) fn dimension_header(lang: Lang) -> [&'static str; 4] {
    [
        m::DIMENSION.get(lang),
        m::SCORE.get(lang),
        m::WEIGHT.get(lang),
        m::COVERAGE.get(lang),
    ]
}

/// A dimension's cells: code and name, score (the bonus area's points),
/// weight, indicators covered of all. `text` as in [`plan_cells`].
pub(crate) fn dimension_cells(
    d: &crate::assess::DimensionResult,
    lang: Lang,
    text: impl Fn(&str) -> String,
) -> [String; 4] {
    use crate::assess::score::{fmt_num, fmt2};
    [
        format!("{} {}", d.code, text(d.name.get(lang))),
        match (d.score, d.points) {
            (Some(s), _) => fmt2(s),
            (None, Some(p)) => format!("+{}", fmt2(p)),
            _ => "—".into(),
        },
        d.weight
            .map(fmt_num)
            .unwrap_or_else(|| common::WEIGHT_BONUS.get(lang).into()),
        format!("{}/{}", d.covered, d.indicators),
    ]
}

/// The header of the next-star plan's table.
pub(crate) fn plan_header(lang: Lang) -> [&'static str; 5] {
    [
        m::INDICATOR.get(lang),
        m::FROM.get(lang),
        m::TO.get(lang),
        m::STARS.get(lang),
        m::POINTS_GAINED.get(lang),
    ]
}

/// A plan step's cells: the indicator, its value now, the value to reach,
/// the stars before and after, the points gained. `text` makes words from a
/// workbook or the standard safe for the layout (Markdown escapes them).
pub(crate) fn plan_cells(
    s: &crate::assess::plan::Step,
    lang: Lang,
    text: impl Fn(&str) -> String,
) -> [String; 5] {
    use crate::locale::Words;
    [
        format!("{} {}", s.code, text(s.name.get(lang))),
        text(&s.from_text.words(lang)),
        text(&s.target_text(lang)),
        format!("{}★→{}★", s.stars_from, s.stars_to),
        format!("+{}", crate::assess::score::fmt2(s.points_gained)),
    ]
}

/// The ranking split by standard: (standard id, where its rows are in the
/// ranking), in ranking order.
pub(crate) fn ranking_groups(s: &Summary) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    for (k, r) in s.ranking.iter().enumerate() {
        match out.last_mut() {
            Some((id, rows)) if *id == r.standard => rows.end = k + 1,
            _ => out.push((r.standard, k..k + 1)),
        }
    }
    out
}

/// What the gate decided and why, when there was a gate or it failed.
pub(crate) fn gate_lines(s: &Summary, lang: Lang) -> Vec<String> {
    let g = &s.gate;
    let mut out = Vec::new();
    if g.min_stars.is_none() && g.exit_code == 0 {
        return out;
    }
    out.push(match g.exit_code {
        0 => m::GATE_PASSED.get(lang).to_string(),
        c => m::GATE_FAILED.fill(lang, &[&c]),
    });
    if let Some(min) = g.min_stars {
        // By file, so a country-sized batch is not searched once per file below.
        let by_file: std::collections::HashMap<&str, RankRow<'_>> = if g.below_min_stars.is_empty()
        {
            Default::default()
        } else {
            let mut m = std::collections::HashMap::new();
            for r in &s.ranking {
                m.entry(r.file).or_insert(r);
            }
            m
        };
        let below: Vec<String> = g
            .below_min_stars
            .iter()
            .map(|f| {
                let r = by_file.get(f.as_str());
                match r {
                    Some(r) if !r.name.is_empty() => {
                        bracketed(lang, &format!("{} {}★", r.name, r.stars), f)
                    }
                    Some(r) => format!("{f} {}★", r.stars),
                    None => f.clone(),
                }
            })
            .collect();
        out.push(if below.is_empty() {
            m::GATE_ALL_AT_MIN_STARS.fill(lang, &[&min])
        } else {
            let list = below.join(common::LIST_SEPARATOR.get(lang));
            m::GATE_BELOW_MIN_STARS.fill(lang, &[&min, &below.len(), &list])
        });
    }
    if g.denied_diagnostics > 0 {
        out.push(m::GATE_DENIED_DIAGNOSTICS.fill(lang, &[&g.denied_diagnostics]));
    }
    if g.unreadable > 0 {
        out.push(m::GATE_UNREADABLE.fill(lang, &[&g.unreadable]));
    }
    if s.assessed == 0 {
        out.push(m::GATE_NOTHING_ASSESSED.get(lang).to_string());
    }
    out
}

/// The 基本信息 field two files share: the workbook's own word, in every language.
pub(crate) const REGION_CODE_FIELD: &str = "行政区划代码";

/// One line per group of files that look like one submission.
pub(crate) fn duplicate_lines(s: &Summary, lang: Lang) -> Vec<String> {
    s.duplicates
        .iter()
        .map(|d| {
            let files = d
                .files
                .join(crate::catalogue::common::NAME_SEPARATOR.get(lang));
            match d.kind {
                "same-bytes" => m::DUPLICATE_BYTES.fill(lang, &[&d.files.len(), &files]),
                _ => m::DUPLICATE_REGION_CODE
                    .fill(lang, &[&d.files.len(), &d.key, &files, &REGION_CODE_FIELD]),
            }
        })
        .collect()
}

/// `5★ 0 · 4★ 2 · … · 0★ 1`
pub(crate) fn distribution_text(s: &Summary) -> String {
    let dist: Vec<String> = (0..6)
        .rev()
        .map(|k| format!("{k}★ {}", s.star_distribution[k]))
        .collect();
    dist.join(" · ")
}

/// The stability sentence of the human-readable renderers.
pub(crate) fn stability_text(stars: u8, s: &crate::assess::Stability, lang: Lang) -> String {
    use crate::assess::score::fmt2;
    m::STABILITY_LINE.fill(
        lang,
        &[
            &s.draws,
            &pct(s.same_stars),
            &stars,
            &fmt2(s.total_p5),
            &fmt2(s.total_p95),
            &s.seed,
        ],
    )
}
