//! Renderers behind one seam: the assessment is computed once, and every
//! output format reads the same [`Report`](crate::assess::batch::Report).

pub mod escape;
pub mod gaps;
pub mod json;
pub mod markdown;
pub mod table;
pub mod terminal;

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
pub fn for_format(format: crate::cli::Format, ascii: bool) -> Box<dyn Renderer> {
    match format {
        crate::cli::Format::Table => Box::new(terminal::Terminal { ascii }),
        crate::cli::Format::Json => Box::new(json::Json),
        crate::cli::Format::Markdown => Box::new(markdown::Markdown),
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
