//! The province sheet of summary.xlsx (with `--baseline` or `--targets`):
//! entities per level, 所属地市 and star, the star distribution now against
//! the baseline (chart), the movers, and each target's standing with a chart
//! of progress to it. The words come from `render::rounds`.

use super::style::{Formats, Grid, page_setup};
use crate::Lang;
use crate::catalogue::report as m;
use crate::render::rounds::{Block, level_word, province_sections, standing_line};
use crate::rounds::{LevelView, Province};
use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, XlsxError};

/// The sheet's name.
pub fn sheet_name(lang: Lang) -> &'static str {
    m::SHEET_PROVINCE.get(lang)
}

fn level_rows(
    g: &mut Grid,
    mut row: u32,
    v: &LevelView,
    lang: Lang,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let mut heads = vec![
        m::PARENT_CITY.get(lang).to_string(),
        m::N_ENTITIES.get(lang).to_string(),
    ];
    heads.extend((0..=5).rev().map(|s| format!("{s}★")));
    heads.push(m::SHARE_3_STARS.get(lang).into());
    heads.push(m::SHARE_4_STARS.get(lang).into());
    row = g.section(
        row,
        &crate::render::bracketed(lang, &level_word(v.level, lang), &v.counts.entities),
        &heads,
        f,
    )?;
    let all = crate::rounds::CityCounts {
        parent: m::ALL_OF_THEM.get(lang).into(),
        counts: v.counts.clone(),
    };
    for c in v.by_parent.iter().chain(std::iter::once(&all)) {
        let name = if c.parent.is_empty() {
            m::NOT_GIVEN.get(lang).to_string()
        } else {
            c.parent.clone()
        };
        g.text(row, 0, &name, &f.text)?;
        g.num(row, 1, c.counts.entities as f64, &f.int)?;
        for (k, s) in (0..=5).rev().enumerate() {
            g.num(row, 2 + k as u16, c.counts.at[s] as f64, &f.int)?;
        }
        g.num(row, 8, c.counts.share_at_or_above(3), &f.pct)?;
        g.num(row, 9, c.counts.share_at_or_above(4), &f.pct)?;
        row += 1;
    }
    Ok(row)
}

pub fn province_sheet(
    g: &mut Grid,
    p: &Province,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = g.ws.name();
    page_setup(g.ws, None)?;
    g.loose(0, 0, m::PROVINCE_VIEW.get(lang), &f.title)?;
    let mut row = 1;
    for v in &p.levels {
        row = level_rows(g, row, v, lang, f)?;
    }
    // The workbook's own field, which English names in Chinese too.
    let division_code = crate::submission::layout::Field::DivisionCode.labels().0;
    for file in &p.not_counted {
        g.loose(
            row,
            0,
            &m::COUNTED_ONCE.fill(lang, &[file, &division_code]),
            &f.note,
        )?;
        row += 1;
    }

    // The star distribution now against the baseline, all levels together.
    let now: Vec<usize> = (0..6)
        .map(|s| p.levels.iter().map(|v| v.counts.at[s]).sum())
        .collect();
    let heads = [
        m::STARS.get(lang),
        m::THIS_ROUND.get(lang),
        m::BASELINE.get(lang),
    ];
    row = g.section(row, m::STARS_NOW_AND_BASELINE.get(lang), &heads, f)?;
    let first = row;
    for (s, n) in now.iter().enumerate() {
        g.num(row, 0, s as f64, &f.stars)?;
        g.num(row, 1, *n as f64, &f.int)?;
        if let Some(r) = &p.rounds {
            let then: usize = r.levels_then.iter().map(|v| v.counts.at[s]).sum();
            g.num(row, 2, then as f64, &f.int)?;
        }
        row += 1;
    }
    let mut chart = Chart::new(ChartType::Column);
    chart.title().set_name(m::ENTITIES_PER_STAR.get(lang));
    let series = if p.rounds.is_some() { 2 } else { 1 };
    for c in 1..=series {
        chart
            .add_series()
            .set_categories((sheet.as_str(), first, 0, row - 1, 0))
            .set_values((sheet.as_str(), first, c, row - 1, c))
            .set_name((sheet.as_str(), first - 1, c));
    }
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.y_axis().set_min(0).set_major_unit(1);
    chart.set_width(520).set_height(300);
    // Beside its table, within the page's width.
    g.ws.insert_chart_with_offset(first - 1, 4, &chart, 10, 0)?;
    row = row.max(first + 14);

    // Rounds and targets in words, as the terminal says them.
    for s in province_sections(p, lang).into_iter().skip(1) {
        row = g.heading(row, &s.title, f)?;
        for b in &s.blocks {
            match b {
                Block::Line(l) => {
                    g.loose(row, 0, l.trim_start(), &f.plain)?;
                    row += 1;
                }
                Block::Table { header, rows, .. } => {
                    g.header(row, 0, header, &f.header)?;
                    row += 1;
                    for r in rows {
                        for (k, c) in r.iter().enumerate() {
                            g.text(row, k as u16, c, &f.text)?;
                        }
                        row += 1;
                    }
                }
            }
        }
    }

    // Progress to each target: at the star or above, and required.
    if !p.targets.is_empty() {
        let heads = [
            m::TARGET_WORDS.get(lang),
            m::YEAR.get(lang),
            m::IN_SCOPE.get(lang),
            m::AT_OR_ABOVE.get(lang),
            m::REQUIRED_COUNT.get(lang),
            m::SHORT.get(lang),
            m::STANDING.get(lang),
        ];
        row = g.section(row, m::PROGRESS_TO_TARGETS.get(lang), &heads, f)?;
        let first = row;
        for s in &p.targets {
            g.text(row, 0, &s.target.id, &f.text)?;
            g.num(row, 1, f64::from(s.target.year), &f.int)?;
            g.num(row, 2, s.entities as f64, &f.int)?;
            g.num(row, 3, s.at_or_above as f64, &f.int)?;
            g.opt(row, 4, s.required.map(|x| x as f64), &f.int)?;
            g.opt(row, 5, s.short.map(|x| x as f64), &f.int)?;
            g.loose(row, 6, &standing_line(s, lang), &f.plain)?;
            row += 1;
        }
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(m::PROGRESS_TO_TARGETS.get(lang));
        for c in [3u16, 4] {
            chart
                .add_series()
                .set_categories((sheet.as_str(), first, 0, row - 1, 0))
                .set_values((sheet.as_str(), first, c, row - 1, c))
                .set_name((sheet.as_str(), first - 1, c));
        }
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.x_axis().set_min(0);
        chart
            .set_width(520)
            .set_height(60 + 40 * p.targets.len() as u32);
        g.ws.insert_chart_with_offset(row + 1, 0, &chart, 10, 0)?;
    }
    g.finish(6.0, 40.0, &[])
}
