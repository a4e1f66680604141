//! The batch summary workbook (summary.xlsx): the ranking grouped by the
//! standard each entity was assessed against (dimensions differ by level),
//! a per-dimension heat map, the star distribution with its chart, the
//! cohort figures when a cohort benchmark was used, and provenance.

use super::Context;
use super::entity::{level_name, write_time_and_benchmarks};
use super::style::{Formats, Grid, page_setup, streamed};
use crate::Lang;
use crate::assess::batch::{Summary, SummaryRow, SummaryRows};
use crate::benchmark::ValueOrigin;
use crate::catalogue::report as m;
use crate::standard::DimensionRole;
use indexmap::IndexMap;
use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartType, ConditionalFormat3ColorScale, ConditionalFormatType,
    Workbook, XlsxError,
};

/// The sheet names; the cohort sheet is there only when a cohort benchmark was used.
pub fn summary_sheet_names(lang: Lang) -> [&'static str; 4] {
    [
        m::RANKING,
        m::SHEET_STARS,
        m::SHEET_COHORT,
        m::SHEET_PROVENANCE,
    ]
    .map(|e| e.get(lang))
}

/// The headers of a ranking table before its dimension columns.
pub fn ranking_headers(lang: Lang) -> [&'static str; 8] {
    [
        m::RANK_IN_GROUP,
        m::OVERALL_RANK,
        m::ENTITY,
        m::LEVEL,
        m::FILE,
        m::STARS,
        m::SUB_TIER,
        m::TOTAL,
    ]
    .map(|e| e.get(lang))
}

/// Entities grouped by the standard they were assessed against, each group in
/// ranking order (the summary's), groups by level: (rank, row) pairs, the row
/// by its place in `r`.
fn groups(r: &SummaryRows, s: &Summary) -> Vec<Vec<(usize, usize)>> {
    // By file, so a country-sized batch is not searched once per row.
    let index: std::collections::HashMap<&str, usize> =
        (0..r.len()).map(|k| (r.file(k), k)).collect();
    let mut by: IndexMap<&str, Vec<(usize, usize)>> = IndexMap::new();
    for row in &s.ranking {
        if let Some(&k) = index.get(row.file) {
            by.entry(r.get(k).standard.id.as_str())
                .or_default()
                .push((row.rank, k));
        }
    }
    let mut out: Vec<_> = by.into_values().collect();
    out.sort_by_key(|g| {
        let a = r.get(g[0].1);
        (a.level.map_or(9, |l| l as u8), a.standard.id.clone())
    });
    out
}

pub fn build(r: &SummaryRows, s: &Summary, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    workbook(r, s, cx)?.save_to_buffer()
}

/// [`build`], written to `w` as the workbook is saved (the same bytes).
pub fn write(
    r: &SummaryRows,
    s: &Summary,
    cx: &Context,
    w: &mut (dyn std::io::Write + Send),
) -> Result<(), XlsxError> {
    workbook(r, s, cx)?.save_to_writer(w)
}

fn workbook(r: &SummaryRows, s: &Summary, cx: &Context) -> Result<Workbook, XlsxError> {
    let lang = cx.lang;
    let f = Formats::new();
    let names = summary_sheet_names(lang);
    let mut wb: Workbook = crate::xlsx::new_report_workbook(m::SUMMARY_DOC_TITLE.get(lang));
    let about = m::SUMMARY_ABOUT.get(lang);
    // The ranking and the provenance have a row per entity: streamed, their
    // rows written out as they are made rather than held until the workbook
    // is saved (docs/performance.md). The other sheets are a few rows each,
    // and their charts read their cells when the workbook is saved.
    let titled = |wb: &mut Workbook, k: usize| -> Result<(), XlsxError> {
        let draw = |g: &mut Grid| {
            super::style::page_title(g.ws, about, names[k]);
            match k {
                0 => ranking_sheet(g, r, s, cx, &f),
                1 => stars_sheet(g, r, s, cx, &f),
                2 => cohort_sheet(g, r, s, cx, &f),
                _ => provenance_sheet(g, r, cx, &f),
            }
        };
        if k == 0 || k == 3 {
            streamed(wb, names[k], draw)
        } else {
            let ws = wb.add_worksheet().set_name(names[k])?;
            draw(&mut Grid::new(ws))
        }
    };
    titled(&mut wb, 0)?;
    titled(&mut wb, 1)?;
    if has_cohort(r) {
        titled(&mut wb, 2)?;
    }
    if let Some(p) = &s.province {
        let name = super::province::sheet_name(lang);
        let ws = wb.add_worksheet().set_name(name)?;
        super::style::page_title(ws, about, name);
        super::province::province_sheet(&mut Grid::new(ws), p, lang, &f)?;
    }
    titled(&mut wb, 3)?;
    Ok(wb)
}

/// The heading of a group: level, standard code and id.
fn group_title(lang: Lang, a: &SummaryRow<'_>) -> String {
    format!(
        "{} · {} ({})",
        level_name(lang, a.level),
        a.standard.code,
        a.standard.id
    )
}

fn has_cohort(r: &SummaryRows) -> bool {
    r.rows().flat_map(|a| a.cohort).any(|c| !c.gaps.is_empty())
}

fn ranking_sheet(
    g: &mut Grid,
    r: &SummaryRows,
    s: &Summary,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(g.ws, None)?;
    g.loose(0, 0, m::RANKING_TITLE.get(lang), &f.title)?;
    g.loose(
        1,
        0,
        &m::RANKING_NOTE.fill(lang, &[&s.files, &s.assessed, &s.unreadable.len()]),
        &f.note,
    )?;
    let mut row = 3;
    let base = ranking_headers(lang);
    let heat = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, 0)
        .set_midpoint(ConditionalFormatType::Number, 60)
        .set_maximum(ConditionalFormatType::Number, 100)
        .set_minimum_color(0xF8696B)
        .set_midpoint_color(0xFFEB84)
        .set_maximum_color(0x63BE7B);
    let star_scale = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, 0)
        .set_midpoint(ConditionalFormatType::Number, 3)
        .set_maximum(ConditionalFormatType::Number, 5)
        .set_minimum_color(0xF8696B)
        .set_midpoint_color(0xFFEB84)
        .set_maximum_color(0x63BE7B);
    for group in groups(r, s) {
        let first = r.get(group[0].1);
        g.loose(row, 0, &group_title(lang, &first), &f.heading)?;
        row += 1;
        let dims = first.dimensions;
        let mut heads: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        for d in dims {
            heads.push(match d.role {
                DimensionRole::Scored => format!("{} {}", d.code, d.name.get(lang)),
                DimensionRole::Bonus => {
                    format!(
                        "{} {} ({})",
                        d.code,
                        d.name.get(lang),
                        m::ROLE_BONUS.get(lang)
                    )
                }
            });
        }
        let tail = [
            m::ERRORS.get(lang),
            m::WARNINGS.get(lang),
            m::INFO.get(lang),
            m::MISSING.get(lang),
            m::NOTES.get(lang),
        ];
        heads.extend(tail.iter().map(|s| s.to_string()));
        for (k, h) in heads.iter().enumerate() {
            // Dimension names wrap in the header instead of widening their columns.
            if k >= base.len() && k < base.len() + dims.len() {
                g.wrapping(row, k as u16, h, &f.header)?;
                g.widen(k as u16, "100.00+");
                // Never so narrow that a word breaks.
                if let Some(word) = h.split_whitespace().max_by_key(|w| w.chars().count()) {
                    g.widen(k as u16, word);
                }
            } else {
                g.text(row, k as u16, h, &f.header)?;
            }
        }
        g.ws.set_row_height(row, 45)?;
        row += 1;
        let top = row;
        // Ranks within the group: competition ranking on the (already sorted) totals.
        let mut prev: Option<(f64, u8, usize)> = None;
        for (k, &(overall, at)) in group.iter().enumerate() {
            let a = r.get(at);
            let rank = match prev {
                Some((s, st, rk)) if s == a.score && st == a.stars => rk,
                _ => k + 1,
            };
            prev = Some((a.score, a.stars, rank));
            g.num(row, 0, rank as f64, &f.int)?;
            g.num(row, 1, overall as f64, &f.int)?;
            g.text(row, 2, a.name, &f.text)?;
            g.text(row, 3, &level_name(lang, a.level), &f.text)?;
            g.text(row, 4, a.file, &f.text)?;
            g.num(row, 5, f64::from(a.stars), &f.stars)?;
            g.text(row, 6, a.tier.map(|t| t.get(lang)).unwrap_or(""), &f.text)?;
            g.num(row, 7, a.score, &f.num2)?;
            let mut c = base.len() as u16;
            for d in dims {
                let mine = a.dimensions.iter().position(|x| x.code == d.code);
                let v = mine.and_then(|k| a.values.get(k));
                g.opt(row, c, v, &f.num2)?;
                c += 1;
            }
            let (e, w, i) = a.counts;
            g.num(row, c, e as f64, &f.int)?;
            g.num(row, c + 1, w as f64, &f.int)?;
            g.num(row, c + 2, i as f64, &f.int)?;
            g.num(row, c + 3, a.missing as f64, &f.int)?;
            let note = if a.standard.provisional_entries > 0 {
                m::N_OF_M_PROVISIONAL.fill(
                    lang,
                    &[&a.standard.provisional_entries, &a.standard.entries],
                )
            } else {
                String::new()
            };
            let note = if a.complete {
                note
            } else {
                format!("{}{}", m::INCOMPLETE_DATA.get(lang), note)
            };
            g.text(row, c + 4, &note, &f.text)?;
            row += 1;
        }
        let bottom = row - 1;
        g.ws.add_conditional_format(top, 5, bottom, 5, &star_scale)?;
        let scored: Vec<u16> = dims
            .iter()
            .enumerate()
            .filter(|(_, d)| d.role == DimensionRole::Scored)
            .map(|(k, _)| (base.len() + k) as u16)
            .collect();
        if let (Some(&c0), Some(&c1)) = (scored.first(), scored.last()) {
            g.ws.add_conditional_format(top, c0, bottom, c1, &heat)?;
        }
        row += 1;
    }
    if r.is_empty() {
        g.loose(row, 0, m::NO_ENTITY_WAS_ASSESSED.get(lang), &f.note)?;
        row += 1;
    }
    if !s.unreadable.is_empty() {
        g.loose(
            row,
            0,
            m::FILES_THAT_COULD_NOT_BE_READ.get(lang),
            &f.heading,
        )?;
        row += 1;
        for u in &s.unreadable {
            g.text(row, 2, &u.file, &f.text)?;
            g.loose(row, 4, &u.message.words(lang), &f.plain)?;
            row += 1;
        }
    }
    g.ws.set_freeze_panes(0, 3)?;
    g.finish(6.0, 36.0, &[(4, 30.0)])
}

fn stars_sheet(
    g: &mut Grid,
    r: &SummaryRows,
    s: &Summary,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    let sheet = g.ws.name();
    page_setup(g.ws, None)?;
    g.loose(0, 0, m::STAR_DISTRIBUTION.get(lang), &f.title)?;
    // Levels present, in order; a column per level when there are several.
    let mut levels: Vec<Option<crate::standard::Level>> = r.rows().map(|a| a.level).collect();
    levels.sort_by_key(|l| l.map_or(9, |l| l as u8));
    levels.dedup();
    let head = 2;
    let mut heads = vec![
        m::STARS.get(lang).to_string(),
        m::NAME.get(lang).to_string(),
        m::ENTITY_COUNT.get(lang).to_string(),
    ];
    let per_level = levels.len() > 1;
    if per_level {
        heads.extend(levels.iter().map(|l| level_name(lang, *l)));
    }
    for (k, h) in heads.iter().enumerate() {
        g.text(head, k as u16, h, &f.header)?;
    }
    for stars in 0..=5u8 {
        let row = head + 1 + u32::from(stars);
        g.num(row, 0, f64::from(stars), &f.stars)?;
        let name = crate::assess::generic_stars_label(stars, lang);
        g.text(row, 1, &name, &f.text)?;
        g.num(row, 2, s.star_distribution[stars as usize] as f64, &f.int)?;
        if per_level {
            for (k, l) in levels.iter().enumerate() {
                let n = r
                    .rows()
                    .filter(|a| a.level == *l && a.stars == stars)
                    .count();
                g.num(row, 3 + k as u16, n as f64, &f.int)?;
            }
        }
    }
    let (first, last) = (head + 1, head + 6);
    let mut chart = Chart::new(if per_level {
        ChartType::ColumnStacked
    } else {
        ChartType::Column
    });
    chart.title().set_name(m::ENTITIES_PER_STAR_LEVEL.get(lang));
    let cols: Vec<u16> = if per_level {
        (3..3 + levels.len() as u16).collect()
    } else {
        vec![2]
    };
    for c in cols {
        chart
            .add_series()
            .set_categories((sheet.as_str(), first, 1, last, 1))
            .set_values((sheet.as_str(), first, c, last, c))
            .set_name((sheet.as_str(), head, c));
    }
    if per_level {
        chart.legend().set_position(ChartLegendPosition::Bottom);
    } else {
        chart.legend().set_hidden();
    }
    chart.y_axis().set_min(0).set_major_unit(1);
    chart.set_width(560).set_height(320);
    g.ws.insert_chart_with_offset(head, heads.len() as u16 + 1, &chart, 10, 0)?;

    let d = &s.diagnostics;
    let mut row = g.heading(last + 1, m::DIAGNOSTICS_IN_ALL.get(lang), f)?;
    for (label, n) in [
        (m::ERRORS.get(lang), d.error),
        (m::WARNINGS.get(lang), d.warning),
        (m::INFO.get(lang), d.info),
    ] {
        g.text(row, 1, label, &f.label)?;
        g.num(row, 2, n as f64, &f.int)?;
        row += 1;
    }
    let gate = &s.gate;
    row = g.heading(row, m::GATE.get(lang), f)?;
    g.text(row, 1, m::MINIMUM_STARS.get(lang), &f.label)?;
    g.opt(row, 2, gate.min_stars.map(f64::from), &f.stars)?;
    row += 1;
    g.text(row, 1, m::BELOW_MINIMUM.get(lang), &f.label)?;
    g.num(row, 2, gate.below_min_stars.len() as f64, &f.int)?;
    row += 1;
    g.text(row, 1, m::EXIT_CODE.get(lang), &f.label)?;
    g.num(row, 2, f64::from(gate.exit_code), &f.int)?;
    g.finish(8.0, 30.0, &[])
}

/// The star names without a standard at hand (a batch may mix standards).
fn cohort_sheet(
    g: &mut Grid,
    r: &SummaryRows,
    s: &Summary,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(g.ws, None)?;
    g.loose(0, 0, m::COHORT_FIGURES.get(lang), &f.title)?;
    g.loose(1, 0, m::COHORT_NOTE.get(lang), &f.note)?;
    let mut row = 2;
    for group in groups(r, s) {
        let first = r.get(group[0].1);
        // (benchmark name) → code → (value, n), first seen.
        let mut table: IndexMap<String, IndexMap<String, (f64, usize)>> = IndexMap::new();
        for &(_, k) in &group {
            for ga in r.get(k).cohort.iter().flat_map(|c| &c.gaps) {
                let col = table.entry(ga.benchmark.clone()).or_default();
                for i in &ga.indicators {
                    if let ValueOrigin::Cohort { n, .. } = i.origin {
                        col.entry(i.code.clone()).or_insert((i.benchmark, n));
                    }
                }
            }
        }
        if table.is_empty() {
            continue;
        }
        let mut heads = vec![
            m::CODE.get(lang).to_string(),
            m::INDICATOR.get(lang).to_string(),
            m::UNIT.get(lang).to_string(),
        ];
        for name in table.keys() {
            heads.push(name.clone());
            heads.push(format!("{name} n"));
        }
        row = g.section(row, &group_title(lang, &first), &heads, f)?;
        let indicators = first.cohort.iter().flat_map(|c| &c.indicators);
        for (code, name, unit) in indicators {
            if !table.values().any(|c| c.contains_key(code)) {
                continue;
            }
            g.text(row, 0, code, &f.text)?;
            g.text(row, 1, name.get(lang), &f.text)?;
            g.text(row, 2, crate::assess::score::unit_name(unit, lang), &f.text)?;
            for (k, col) in table.values().enumerate() {
                let c = 3 + 2 * k as u16;
                let cell = col.get(code);
                g.opt(row, c, cell.map(|x| x.0), &f.general)?;
                g.opt(row, c + 1, cell.map(|x| x.1 as f64), &f.int)?;
            }
            row += 1;
        }
    }
    g.finish(6.0, 40.0, &[])
}

fn provenance_sheet(
    g: &mut Grid,
    r: &SummaryRows,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(g.ws, None)?;
    g.loose(0, 0, m::PROVENANCE_TITLE.get(lang), &f.title)?;
    let mut row = 2;
    g.text(row, 0, "citystar", &f.label)?;
    g.text(
        row,
        1,
        concat!("citystar ", env!("CARGO_PKG_VERSION")),
        &f.text,
    )?;
    row += 1;
    write_time_and_benchmarks(g, &mut row, cx, f)?;
    g.text(row, 0, m::DRAWS_SEED.get(lang), &f.label)?;
    g.num(row, 1, cx.draws as f64, &f.int)?;
    g.seed(row, 2, cx.seed, f)?;
    row = g.section(
        row + 1,
        m::INPUTS_AND_STANDARDS.get(lang),
        &[
            m::INPUT_FILE.get(lang),
            m::INPUT_SHA256.get(lang),
            m::STANDARD.get(lang),
            m::STANDARD_SHA256.get(lang),
        ],
        f,
    )?;
    page_setup(g.ws, Some((row - 1, row - 1)))?;
    let mut entities: Vec<usize> = (0..r.len()).collect();
    entities.sort_by(|&a, &b| r.file(a).cmp(r.file(b)));
    for a in entities.into_iter().map(|k| r.get(k)) {
        g.text(row, 0, a.file, &f.text)?;
        g.text(row, 1, a.sha256, &f.text)?;
        g.text(row, 2, &a.standard.id, &f.text)?;
        g.text(row, 3, a.standard.sha256.as_deref().unwrap_or("—"), &f.text)?;
        row += 1;
    }
    g.finish(10.0, 70.0, &[])
}
