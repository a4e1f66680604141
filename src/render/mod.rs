//! Renderers behind one seam: the assessment is computed once, and every
//! output format reads the same [`Report`](crate::assess::batch::Report).

pub mod escape;
pub mod gaps;
pub mod json;
pub mod markdown;
pub mod review;
pub mod rounds;
pub mod table;
pub mod terminal;
pub mod words;

use crate::Lang;
use crate::assess::Assessment;
use crate::assess::batch::{RankRow, Report, Summary};

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

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// Whether the human-readable renderers end with a batch summary: for
/// several files, or when some could not be read.
pub(crate) fn shows_summary(s: &Summary) -> bool {
    s.files > 1 || !s.unreadable.is_empty()
}

/// `3 / 4 files assessed`
pub(crate) fn assessed_text(s: &Summary, lang: Lang) -> String {
    format!(
        "{} / {} {}",
        s.assessed,
        s.files,
        t(lang, "个文件已评估", "files assessed")
    )
}

/// The header of the ranking table: rank, name, total, stars.
pub(crate) fn ranking_header(lang: Lang) -> [&'static str; 4] {
    [
        "#",
        t(lang, "名称", "Name"),
        t(lang, "总分", "Total"),
        t(lang, "星级", "Stars"),
    ]
}

/// A ranking row's rank, name and total (the renderers write the stars
/// their own way).
pub(crate) fn ranking_cells(r: &RankRow) -> [String; 3] {
    [
        r.rank.to_string(),
        r.name.clone(),
        crate::assess::score::fmt2(r.score),
    ]
}

/// The ranking split by standard: (standard id, its rows), in ranking order.
pub(crate) fn ranking_groups(s: &Summary) -> Vec<(&str, Vec<&RankRow>)> {
    let mut out: Vec<(&str, Vec<&RankRow>)> = Vec::new();
    for r in &s.ranking {
        match out.last_mut() {
            Some((id, rows)) if *id == r.standard => rows.push(r),
            _ => out.push((&r.standard, vec![r])),
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
    out.push(match (g.exit_code, lang) {
        (0, Lang::Zh) => "门槛：通过".to_string(),
        (0, Lang::En) => "Gate: passed".to_string(),
        (c, Lang::Zh) => format!("门槛：未通过（退出码 {c}）"),
        (c, Lang::En) => format!("Gate: failed (exit code {c})"),
    });
    if let Some(m) = g.min_stars {
        let below: Vec<String> = g
            .below_min_stars
            .iter()
            .map(|f| {
                let r = s.ranking.iter().find(|r| &r.file == f);
                match r {
                    Some(r) if !r.name.is_empty() => format!("{} {}★ ({})", r.name, r.stars, f),
                    Some(r) => format!("{f} {}★", r.stars),
                    None => f.clone(),
                }
            })
            .collect();
        out.push(match lang {
            Lang::Zh if below.is_empty() => format!("  --min-stars {m}：全部达到 {m}★"),
            Lang::En if below.is_empty() => {
                format!("  --min-stars {m}: every entity at {m}★ or above")
            }
            Lang::Zh => format!(
                "  --min-stars {m}：{} 个低于 {m}★：{}",
                below.len(),
                below.join("；")
            ),
            Lang::En => format!(
                "  --min-stars {m}: {} below {m}★: {}",
                below.len(),
                below.join("; ")
            ),
        });
    }
    if g.denied_diagnostics > 0 {
        out.push(match lang {
            Lang::Zh => format!(
                "  {} 条诊断为错误级别（--deny/--warn/--allow 可调整）",
                g.denied_diagnostics
            ),
            Lang::En => format!(
                "  {} diagnostics at error severity (re-level with --deny/--warn/--allow)",
                g.denied_diagnostics
            ),
        });
    }
    if g.unreadable > 0 {
        out.push(match lang {
            Lang::Zh => format!("  {} 个文件无法读取", g.unreadable),
            Lang::En => format!("  {} files could not be read", g.unreadable),
        });
    }
    if s.assessed == 0 {
        out.push(t(lang, "  没有可评估的填报表", "  nothing was assessed").to_string());
    }
    out
}

/// One line per group of files that look like one submission.
pub(crate) fn duplicate_lines(s: &Summary, lang: Lang) -> Vec<String> {
    s.duplicates
        .iter()
        .map(|d| {
            let files = d.files.join(", ");
            match (d.kind, lang) {
                ("same-bytes", Lang::Zh) => format!(
                    "! 内容完全相同的 {} 个文件，都已排名：{files}",
                    d.files.len()
                ),
                ("same-bytes", _) => format!(
                    "! {} files with identical bytes, all ranked: {files}",
                    d.files.len()
                ),
                (_, Lang::Zh) => format!(
                    "! {} 个文件的行政区划代码都是 {}，都已排名：{files}",
                    d.files.len(),
                    d.key
                ),
                _ => format!(
                    "! {} files give the same 行政区划代码 {}, all ranked: {files}",
                    d.files.len(),
                    d.key
                ),
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
    match lang {
        Lang::Zh => format!(
            "权重扰动 {} 次中 {} 保持 {}★；总分 5%–95% 区间 {}–{}（种子 {}）",
            s.draws,
            pct(s.same_stars),
            stars,
            fmt2(s.total_p5),
            fmt2(s.total_p95),
            s.seed
        ),
        Lang::En => format!(
            "{} of {} weight draws keep {}★; total 5–95%: {}–{} (seed {})",
            pct(s.same_stars),
            s.draws,
            stars,
            fmt2(s.total_p5),
            fmt2(s.total_p95),
            s.seed
        ),
    }
}
