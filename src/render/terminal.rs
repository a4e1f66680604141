//! `--format table`: what a person reads in ten seconds — who, which
//! standard, the stars, the total, the dimensions — then diagnostics, the
//! reasons, the plan and the stability. comfy-table measures CJK widths.

use super::Renderer;
use super::table::Table;
use crate::Lang;
use crate::assess::batch::Summary;
use crate::assess::score::fmt2;
use crate::assess::{Assessment, PlanStatus, star_glyphs};
use crate::catalogue::terminal as m;
use crate::locale::Words;
use comfy_table::CellAlignment;
use std::fmt::Write;

/// Text for a single line: line breaks shown as spaces.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// Most diagnostics listed per entity (all are counted).
const TOP_DIAGNOSTICS: usize = 5;

pub struct Terminal {
    /// ASCII borders for terminals and logs without box-drawing glyphs.
    pub ascii: bool,
}

impl Terminal {
    fn table(&self, lang: Lang) -> Table {
        super::table::new(self.ascii, lang)
    }

    /// A section of the rounds and targets row model.
    fn write_section(&self, s: &super::rounds::Section, lang: Lang, out: &mut String) {
        use super::rounds::Block;
        let _ = writeln!(out, "\n{}", s.title);
        for b in &s.blocks {
            match b {
                Block::Line(l) => {
                    let _ = writeln!(out, "  {}", one_line(l));
                }
                Block::Table {
                    header,
                    rows,
                    numeric,
                } => {
                    let mut t = self.table(lang);
                    t.set_header(header.clone());
                    for r in rows {
                        t.add_row(r.iter().map(|c| one_line(c)).collect::<Vec<_>>());
                    }
                    for (k, n) in numeric.iter().enumerate() {
                        if *n && let Some(c) = t.column_mut(k) {
                            c.set_cell_alignment(CellAlignment::Right);
                        }
                    }
                    let _ = writeln!(out, "{t}");
                }
            }
        }
    }

    fn write_entity(&self, a: &Assessment, lang: Lang, out: &mut String) {
        // A name is one line, whatever the cell held.
        let _ = writeln!(out, "{}  ({})", one_line(&a.name), a.file);
        let _ = writeln!(
            out,
            "  {}  {} · {} · {}",
            m::STANDARD.get(lang),
            a.standard.code,
            a.standard.edition(lang),
            a.standard.id
        );
        let glyphs = if self.ascii {
            format!("{}/5", a.stars)
        } else {
            star_glyphs(a.stars)
        };
        let tier = a
            .tier
            .as_ref()
            .map(|t| t.get(lang))
            .map(|x| format!(" · {x}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {} {}{}   {} {} / 100",
            m::RATING.get(lang),
            glyphs,
            a.stars_label.get(lang),
            tier,
            m::TOTAL.get(lang),
            fmt2(a.score)
        );
        if let Some(line) = super::review::verified_line(a, lang, self.ascii) {
            let _ = writeln!(out, "  {line}");
        }
        for n in &a.notes {
            let _ = writeln!(out, "  ! {}", n.words(lang));
        }

        let mut dims = self.table(lang);
        dims.set_header(super::dimension_header(lang));
        for d in &a.dimensions {
            dims.add_row(super::dimension_cells(d, lang, str::to_string));
        }
        for c in 1..4 {
            if let Some(col) = dims.column_mut(c) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        let _ = writeln!(out, "{dims}");
        let b = &a.breakdown;
        if b.bonus > 0.0 || b.deduction > 0.0 {
            let line = m::BREAKDOWN_LINE.fill(
                lang,
                &[
                    &fmt2(b.weighted),
                    &fmt2(b.bonus),
                    &fmt2(b.deduction),
                    &fmt2(a.score),
                ],
            );
            let _ = writeln!(out, "  {line}");
        }

        self.write_review(a, lang, out);

        let (e, w, i) = a.diagnostic_counts();
        let _ = writeln!(out, "\n{}", m::DIAGNOSTICS_LINE.fill(lang, &[&e, &w, &i]));
        let mut ds: Vec<_> = a.diagnostics.iter().collect();
        ds.sort_by_key(|d| std::cmp::Reverse(d.severity));
        for d in ds.iter().take(TOP_DIAGNOSTICS) {
            let _ = writeln!(
                out,
                "  {:<7} {} [{}] {}",
                d.severity.name(lang),
                d.location,
                d.code,
                d.message.words(lang)
            );
        }
        if ds.len() > TOP_DIAGNOSTICS {
            let _ = writeln!(out, "  … +{}", ds.len() - TOP_DIAGNOSTICS);
        }

        let _ = writeln!(
            out,
            "\n{}{}",
            crate::render::colon(lang, m::WHY),
            a.rating.decided_by.words(lang)
        );
        if let Some(next) = &a.rating.next {
            let heading = super::not_yet_heading(next.stars, next.name.get(lang), lang, false);
            let _ = writeln!(out, "{heading}");
            for c in &next.failing {
                let _ = writeln!(out, "  ✗ {}", c.words(lang));
            }
        }

        let p = &a.next_star;
        match p.status {
            PlanStatus::Top => {}
            PlanStatus::Impossible => {
                let _ = writeln!(
                    out,
                    "\n{}{}",
                    crate::render::colon(lang, m::PLAN),
                    p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
                );
            }
            PlanStatus::Found | PlanStatus::FoundCapped => {
                let line = m::PLAN_TO_LINE.fill(
                    lang,
                    &[
                        &p.target_stars.unwrap_or(0),
                        &super::n_changes(p.steps.len(), lang),
                        &p.total_after.map(fmt2).unwrap_or_default(),
                    ],
                );
                let _ = writeln!(out, "\n{line}");
                let mut steps = self.table(lang);
                steps.set_header(super::plan_header(lang));
                for s in &p.steps {
                    steps.add_row(super::plan_cells(s, lang, str::to_string));
                }
                let _ = writeln!(out, "{steps}");
                if let Some(r) = &p.reason {
                    let _ = writeln!(out, "  {}", r.words(lang));
                }
            }
        }

        for g in &a.gaps {
            let _ = writeln!(out, "\n{}", super::gaps::title(g, lang));
            let behind = super::gaps::behind(g).count();
            if behind > 0 {
                let mut table = self.table(lang);
                table.set_header(super::gaps::header(lang));
                for ig in super::gaps::behind(g).take(super::gaps::TOP) {
                    table.add_row(super::gaps::row(ig, lang));
                }
                let _ = writeln!(out, "{table}");
                if behind > super::gaps::TOP {
                    let more = behind - super::gaps::TOP;
                    let _ = writeln!(out, "  {}", m::N_MORE_IN_JSON.fill(lang, &[&more]));
                }
            }
            for line in [
                super::gaps::ahead_line(g, lang),
                super::gaps::dimensions_line(g, lang),
                super::gaps::not_compared_line(g, lang),
            ]
            .into_iter()
            .flatten()
            {
                let _ = writeln!(out, "  {line}");
            }
        }

        if let Some(s) = &a.stability {
            let _ = writeln!(
                out,
                "\n{}{}",
                crate::render::colon(lang, m::STABILITY),
                super::stability_text(a.stars, s, lang)
            );
        }
    }
}

impl Terminal {
    /// The review: both ratings, every change, the plan on the verified values.
    fn write_review(&self, a: &Assessment, lang: Lang, out: &mut String) {
        let Some(r) = super::review::section(a, lang) else {
            return;
        };
        let _ = writeln!(
            out,
            "\n{}{}",
            crate::render::colon(lang, m::REVIEW),
            r.headline
        );
        let _ = writeln!(out, "  {}", r.source);
        if !r.changes.is_empty() {
            let mut table = self.table(lang);
            table.set_header(r.header.to_vec());
            for row in &r.changes {
                table.add_row(row.iter().map(|c| one_line(c)).collect::<Vec<_>>());
            }
            let _ = writeln!(out, "{table}");
            let _ = writeln!(out, "  {}", super::review::effects_note(lang));
        }
        if let Some(line) = &r.plan_line {
            let _ = writeln!(out, "\n{line}");
            if !r.plan.is_empty() {
                let mut table = self.table(lang);
                table.set_header(r.plan_header.to_vec());
                for row in &r.plan {
                    table.add_row(row.to_vec());
                }
                let _ = writeln!(out, "{table}");
            }
        }
    }
}

impl Renderer for Terminal {
    fn separator(&self) -> &'static str {
        "\n────────\n\n"
    }

    fn entity(&self, a: &Assessment, lang: Lang) -> String {
        let mut out = String::new();
        self.write_entity(a, lang, &mut out);
        if let Some(p) = &a.progress {
            self.write_section(&super::rounds::progress_section(p, lang), lang, &mut out);
        }
        // Names and cell text come from workbooks: no escape sequence reaches the terminal.
        super::table::wrap_prose(&super::escape::terminal(&out), super::table::width())
    }

    fn end(&self, s: &Summary, lang: Lang) -> String {
        let mut out = String::new();
        if super::shows_summary(s) {
            let _ = writeln!(
                out,
                "\n{}{}",
                crate::render::colon(lang, m::SUMMARY),
                super::assessed_text(s, lang)
            );
            let groups = super::ranking_groups(s);
            for (standard, rows) in &groups {
                if groups.len() > 1 {
                    let _ = writeln!(out, "{} {standard}", m::STANDARD.get(lang));
                }
                let mut header: Vec<String> = super::ranking_header(lang)
                    .iter()
                    .map(|h| h.to_string())
                    .collect();
                header.push(m::FILE.get(lang).to_string());
                // The rows by their place in the ranking, each read as it is drawn.
                let rows: Vec<usize> = rows.clone().collect();
                let cells = |k: &usize| {
                    let Some(r) = s.ranking.get(*k) else {
                        return Vec::new();
                    };
                    let mut row = super::ranking_cells(&r).to_vec();
                    row.push(format!("{}★", r.stars));
                    row.push(r.file.to_string());
                    row
                };
                let rank = super::table::long_table(&|| self.table(lang), &header, &rows, &cells);
                let _ = writeln!(out, "{rank}");
            }
            for line in super::duplicate_lines(s, lang) {
                let _ = writeln!(out, "  {line}");
            }
            for line in super::review::summary_lines(s, lang) {
                let _ = writeln!(out, "  {line}");
            }
            let _ = writeln!(out, "  {}", super::distribution_text(s));
            let _ = writeln!(
                out,
                "  {}{} / {} / {}",
                crate::render::colon(lang, m::DIAGNOSTIC_COUNTS),
                s.diagnostics.error,
                s.diagnostics.warning,
                s.diagnostics.info
            );
            for u in &s.unreadable {
                let _ = writeln!(out, "  ✗ {}: {}", u.file, u.message.words(lang));
            }
        }
        if let Some(p) = &s.province {
            for section in super::rounds::province_sections(p, lang) {
                self.write_section(&section, lang, &mut out);
            }
        }
        for line in super::gate_lines(s, lang) {
            let _ = writeln!(out, "{line}");
        }
        super::table::wrap_prose(&super::escape::terminal(&out), super::table::width())
    }
}
