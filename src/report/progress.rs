//! The report's progress sheet (进展 / Progress), with `--baseline`: stars and
//! total then and now, each dimension then and now, every indicator whose
//! stars changed, and last round's plan step by step — the figures as
//! numbers, the words from `render::rounds`.

use super::style::{Formats, Grid, page_setup};
use crate::Lang;
use crate::assess::Assessment;
use crate::catalogue::report as m;
use crate::locale::Words;
use rust_xlsxwriter::{Workbook, XlsxError};

/// The sheet's name.
pub fn sheet_name(lang: Lang) -> &'static str {
    m::SHEET_PROGRESS.get(lang)
}

/// Add the progress sheet to `wb` when `a` was compared with a baseline.
pub fn sheet(wb: &mut Workbook, a: &Assessment, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let Some(p) = &a.progress else {
        return Ok(());
    };
    // Every indicator is in the table below, so no line points at the JSON.
    let words = crate::render::rounds::progress_section_listing(p, lang, usize::MAX);
    let ws = wb.add_worksheet().set_name(sheet_name(lang))?;
    page_setup(ws, None)?;
    let mut g = Grid::new(ws);
    g.loose(0, 0, &words.title, &f.title)?;
    // The headline and the notes (different standard, matched by name).
    let mut row = 1;
    for b in &words.blocks {
        if let crate::render::rounds::Block::Line(l) = b {
            g.loose(row, 0, l.trim_start(), &f.note)?;
            row += 1;
        }
    }
    row = g.section(
        row,
        m::TOTAL_AND_STARS.get(lang),
        &[
            "",
            m::THEN.get(lang),
            m::NOW_ROUND.get(lang),
            m::CHANGE.get(lang),
        ],
        f,
    )?;
    g.text(row, 0, m::TOTAL.get(lang), &f.label)?;
    g.num(row, 1, p.score_then, &f.num2)?;
    g.num(row, 2, p.score_now, &f.num2)?;
    g.num(row, 3, p.score_change, &f.num2)?;
    row += 1;
    g.text(row, 0, m::STARS.get(lang), &f.label)?;
    g.num(row, 1, f64::from(p.stars_then), &f.int)?;
    g.num(row, 2, f64::from(p.stars_now), &f.int)?;
    g.num(
        row,
        3,
        f64::from(p.stars_now) - f64::from(p.stars_then),
        &f.int,
    )?;
    row += 1;
    for d in &p.dimensions {
        if d.score_then.is_none() && d.score_now.is_none() {
            continue;
        }
        g.text(
            row,
            0,
            &format!("{} {}", d.code, d.name.get(lang)),
            &f.label,
        )?;
        g.opt(row, 1, d.score_then, &f.num2)?;
        g.opt(row, 2, d.score_now, &f.num2)?;
        g.opt(row, 3, d.change, &f.num2)?;
        row += 1;
    }
    let changed: Vec<_> = p
        .indicators
        .iter()
        .filter(|i| i.stars_then != i.stars_now)
        .collect();
    if !changed.is_empty() {
        row = g.section(
            row,
            m::INDICATORS_STARS_CHANGED.get(lang),
            &[
                m::INDICATOR.get(lang),
                m::THEN.get(lang),
                m::NOW_ROUND.get(lang),
                m::CHANGE.get(lang),
                m::UNIT.get(lang),
                m::STARS_THEN.get(lang),
                m::STARS_NOW.get(lang),
                m::FELL_BACK.get(lang),
            ],
            f,
        )?;
        for i in changed {
            g.text(row, 0, &format!("{} {}", i.code, i.name.get(lang)), &f.text)?;
            g.opt(row, 1, i.value_then, &f.general)?;
            g.opt(row, 2, i.value_now, &f.general)?;
            g.opt(row, 3, i.change, &f.general)?;
            g.text(row, 4, &i.unit, &f.text)?;
            g.num(row, 5, f64::from(i.stars_then), &f.int)?;
            g.num(row, 6, f64::from(i.stars_now), &f.int)?;
            g.text(
                row,
                7,
                if i.fell_back { m::YES.get(lang) } else { "" },
                &f.text,
            )?;
            row += 1;
        }
    }
    if let Some(plan) = &p.plan {
        row = g.section(
            row,
            &m::LAST_ROUND_PLAN.fill(
                lang,
                &[&plan.target_stars, &plan.steps.len(), &plan.carried_out],
            ),
            &[
                m::PLAN_STEP.get(lang),
                m::WANTED.get(lang),
                m::STARS_WANTED.get(lang),
                m::NOW_ROUND.get(lang),
                m::STARS_NOW.get(lang),
                m::HOLDS.get(lang),
            ],
            f,
        )?;
        for s in &plan.steps {
            g.text(row, 0, &format!("{} {}", s.code, s.name.get(lang)), &f.text)?;
            g.text(row, 1, &s.wanted.words(lang), &f.text)?;
            g.num(row, 2, f64::from(s.stars_wanted), &f.int)?;
            g.opt(row, 3, s.value_now, &f.general)?;
            g.num(row, 4, f64::from(s.stars_now), &f.int)?;
            g.text(row, 5, if s.holds { "✓" } else { "✗" }, &f.text)?;
            row += 1;
        }
    }
    let _ = row;
    g.finish(8.0, 48.0, &[])
}
