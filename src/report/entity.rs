//! The per-entity workbook: 总览, 指标明细, 差距分析, 晋星路径, 数据问题, 来源.

use super::Context;
use super::style::{Formats, Grid, page_setup};
use crate::Lang;
use crate::assess::{Assessment, PlanStatus, Status, star_glyphs};
use crate::benchmark::{Bound, GapAnalysis, IndicatorGap, ValueOrigin};
use crate::catalogue::report as m;
use crate::locale::Words;
use crate::standard::{DimensionRole, Role};
use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker, ChartType,
    ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, ExcelDateTime,
    Workbook, Worksheet, XlsxError,
};

/// The sheet names, in order.
pub fn sheet_names(lang: Lang) -> [&'static str; 6] {
    [
        m::SHEET_SUMMARY,
        m::SHEET_INDICATORS,
        m::SHEET_GAPS,
        m::SHEET_PLAN,
        m::SHEET_DIAGNOSTICS,
        m::SHEET_PROVENANCE,
    ]
    .map(|x| x.get(lang))
}

/// The column headers of 指标明细 before the benchmark columns.
pub fn indicator_headers(lang: Lang) -> [&'static str; 12] {
    [
        m::DIMENSION,
        m::CODE,
        m::INDICATOR,
        m::ROLE,
        m::VALUE,
        m::UNIT,
        m::STARS,
        m::NEXT_STAR_NEEDS,
        m::SCORE,
        m::WEIGHT,
        m::POINTS,
        m::CONTRIBUTION,
    ]
    .map(|x| x.get(lang))
}

pub fn build(a: &Assessment, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    let lang = cx.lang;
    let f = Formats::new();
    let names = sheet_names(lang);
    let mut wb: Workbook =
        crate::xlsx::new_report_workbook(&format!("{} — {}", a.name, m::WORKBOOK_TITLE.get(lang)));
    let sheet = |wb: &mut Workbook, k: usize| -> Result<(), XlsxError> {
        let ws = wb.add_worksheet().set_name(names[k])?;
        super::style::page_title(ws, &a.name, names[k]);
        match k {
            0 => summary_sheet(ws, a, cx, &f),
            1 => indicators_sheet(ws, a, cx, &f),
            2 => gaps_sheet(ws, a, cx, &f),
            3 => plan_sheet(ws, a, cx, &f),
            4 => diagnostics_sheet(ws, a, cx, &f),
            _ => provenance_sheet(ws, a, cx, &f),
        }
    };
    for k in 0..names.len() {
        sheet(&mut wb, k)?;
    }
    super::review::sheet(&mut wb, a, cx, &f)?;
    super::progress::sheet(&mut wb, a, cx.lang, &f)?;
    wb.save_to_buffer()
}

pub(crate) fn level_name(lang: Lang, level: Option<crate::standard::Level>) -> String {
    match level {
        Some(l) => lang.pick(l.name_zh(), l.key()).to_string(),
        None => "—".into(),
    }
}

pub(crate) fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b { m::YES } else { m::NO }.get(lang)
}

fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Scored => m::ROLE_SCORED.get(lang),
        Role::Mandatory => m::ROLE_MANDATORY.get(lang),
        Role::Bonus => m::ROLE_BONUS.get(lang),
        Role::Deduction => m::ROLE_DEDUCTION.get(lang),
    }
}

fn status_name(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Ok => m::STATUS_OK.get(lang),
        Status::Missing => m::STATUS_MISSING.get(lang),
        Status::Invalid => m::STATUS_INVALID.get(lang),
    }
}

/// Where a benchmark value comes from, in one line.
pub(crate) fn origin_text(lang: Lang, o: &ValueOrigin) -> String {
    match o {
        ValueOrigin::Figure {
            metric_zh,
            metric_en,
            year,
            date,
            entity,
            source,
            derived,
        } => {
            let metric = lang.pick(metric_zh, metric_en);
            let mut s = crate::render::bracketed(lang, &metric, year);
            if let Some(d) = date {
                s = crate::render::bracketed(lang, &metric, d);
            }
            if let Some(e) = entity {
                s.push_str(&format!(" · {e}"));
            }
            if *derived {
                s.push_str(m::ORIGIN_DERIVED.get(lang));
            }
            if !source.is_empty() {
                s.push_str(&format!(
                    " · {}",
                    source.join(crate::catalogue::common::LIST_SEPARATOR.get(lang))
                ));
            }
            s
        }
        ValueOrigin::Entity { name } => m::ORIGIN_ENTITY.fill(lang, &[name]),
        ValueOrigin::Cohort { statistic, n } => {
            let stat = match statistic {
                crate::benchmark::CohortStatistic::Median => m::COHORT_MEDIAN.get(lang),
                crate::benchmark::CohortStatistic::TopQuartile => m::COHORT_TOP_QUARTILE.get(lang),
            };
            m::COHORT_STATISTIC.fill(lang, &[n, &stat])
        }
    }
}

/// The floor each scored dimension must reach for the next star.
pub(crate) struct Floors {
    /// `3★ floor` / `3★ 下限`, or the flat total line's name.
    pub label: String,
    /// One per scored dimension, in order.
    pub values: Vec<Option<f64>>,
}

/// The next star's dimension floors: from the standard the assessment used
/// when it is one of the embedded files (matched by id and SHA-256), else
/// from the failing `min-dimension` conditions; where the next rule has no
/// dimension floor, its `min_total` as a flat line.
pub(crate) fn next_floors(a: &Assessment, lang: Lang) -> Option<Floors> {
    let next = a.rating.next.as_ref()?;
    let scored: Vec<&str> = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Scored)
        .map(|d| d.code.as_str())
        .collect();
    let rule = embedded_standard(a).and_then(|s| s.rule(next.stars).cloned());
    let (values, min_total): (Vec<Option<f64>>, Option<f64>) = match &rule {
        Some(r) => (
            scored
                .iter()
                .map(|c| r.min_dimension_for.get(*c).copied().or(r.min_dimension))
                .collect(),
            Some(r.min_total),
        ),
        None => (
            scored
                .iter()
                .map(|c| {
                    next.failing
                        .iter()
                        .find(|k| k.kind == "min-dimension" && k.subject.as_deref() == Some(c))
                        .map(|k| k.required)
                })
                .collect(),
            next.failing
                .iter()
                .find(|k| k.kind == "min-total")
                .map(|k| k.required),
        ),
    };
    if values.iter().any(Option::is_some) {
        return Some(Floors {
            label: m::DIMENSION_FLOOR.fill(lang, &[&next.stars]),
            values,
        });
    }
    let total = min_total?;
    Some(Floors {
        label: m::MIN_TOTAL_NO_FLOOR.fill(lang, &[&next.stars, &total]),
        values: vec![Some(total); scored.len()],
    })
}

fn embedded_standard(a: &Assessment) -> Option<&'static crate::standard::Standard> {
    crate::standard::embedded::parsed()
        .ok()?
        .iter()
        .find(|e| {
            e.standard.id() == a.standard.id
                && a.standard
                    .sha256
                    .as_ref()
                    .is_none_or(|want| *want == e.sha256)
        })
        .map(|e| &e.standard)
}

/// Every indicator gap of every benchmark, most points at stake first.
fn top_gaps(a: &Assessment) -> Vec<(&GapAnalysis, &IndicatorGap)> {
    let mut all: Vec<_> = a
        .gaps
        .iter()
        .flat_map(|g| g.indicators.iter().map(move |i| (g, i)))
        .filter(|(_, i)| i.points_at_stake > 0.0)
        .collect();
    all.sort_by(|x, y| {
        y.1.points_at_stake
            .total_cmp(&x.1.points_at_stake)
            .then_with(|| x.1.code.cmp(&y.1.code))
    });
    all
}

fn bound_format(f: &Formats, b: Option<Bound>) -> &rust_xlsxwriter::Format {
    match b {
        Some(Bound::Above) => &f.above,
        Some(Bound::Below) => &f.below,
        None => &f.general,
    }
}

fn summary_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    let sheet = ws.name();
    page_setup(ws, None)?;
    ws.set_print_gridlines(false);
    let mut g = Grid::new(ws);
    g.loose(
        0,
        0,
        &format!("{} · {}", a.name, m::REPORT_TITLE.get(lang)),
        &f.title,
    )?;
    g.loose(
        1,
        0,
        &format!(
            "{} {} · {}",
            a.standard.code,
            a.standard.edition(lang),
            a.file
        ),
        &f.note,
    )?;

    let mut row = 3;
    let r = g.label(&mut row, m::ENTITY.get(lang), f)?;
    g.text(r, 1, &a.name, &f.text)?;
    let r = g.label(&mut row, m::LEVEL.get(lang), f)?;
    g.text(r, 1, &level_name(lang, a.level), &f.text)?;
    let r = g.label(&mut row, m::STANDARD.get(lang), f)?;
    g.text(r, 1, &a.standard.code, &f.text)?;
    g.text(r, 2, &a.standard.id, &f.text)?;
    let r = g.label(&mut row, m::EDITION.get(lang), f)?;
    g.loose(r, 1, a.standard.edition(lang), &f.plain)?;
    let r = g.label(&mut row, m::PROVISIONAL_ENTRIES.get(lang), f)?;
    g.num(r, 1, a.standard.provisional_entries as f64, &f.int)?;
    let of = rust_xlsxwriter::Format::new()
        .set_num_format(m::NUM_FORMAT_OF_N.get(lang))
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_border_color(rust_xlsxwriter::Color::RGB(0xBFBFBF));
    g.num(r, 2, a.standard.entries as f64, &of)?;
    let r = g.label(&mut row, m::STARS.get(lang), f)?;
    let big = f.stars.clone().set_bold().set_font_size(14);
    g.num(r, 1, f64::from(a.stars), &big)?;
    g.loose(
        r,
        2,
        &format!("{} {}", star_glyphs(a.stars), a.stars_label.get(lang)),
        &f.plain.clone().set_font_size(14).set_font_color(0xC55A11),
    )?;
    let r = g.label(&mut row, m::SUB_TIER.get(lang), f)?;
    g.text(
        r,
        1,
        a.tier.as_ref().map(|t| t.get(lang)).unwrap_or("—"),
        &f.text,
    )?;
    let r = g.label(&mut row, m::TOTAL.get(lang), f)?;
    g.num(r, 1, a.score, &f.num2.clone().set_bold().set_font_size(14))?;
    g.text(r, 2, "/ 100", &f.text)?;
    let r = g.label(&mut row, m::WEIGHTED.get(lang), f)?;
    g.num(r, 1, a.breakdown.weighted, &f.num2)?;
    let cap = f
        .general
        .clone()
        .set_num_format(m::NUM_FORMAT_CAP.get(lang));
    let r = g.label(&mut row, m::BONUS.get(lang), f)?;
    g.num(r, 1, a.breakdown.bonus, &f.num2)?;
    g.num(r, 2, a.breakdown.bonus_cap, &cap)?;
    let r = g.label(&mut row, m::DEDUCTIONS.get(lang), f)?;
    g.num(r, 1, a.breakdown.deduction, &f.num2)?;
    g.num(r, 2, a.breakdown.deduction_cap, &cap)?;
    let r = g.label(&mut row, m::MISSING_OR_INVALID.get(lang), f)?;
    g.num(r, 1, a.missing as f64, &f.int)?;
    g.loose(
        r,
        2,
        if a.complete {
            m::DATA_COMPLETE.get(lang)
        } else {
            m::RATING_ON_INCOMPLETE_DATA.get(lang)
        },
        &f.plain,
    )?;
    let (e, w, i) = a.diagnostic_counts();
    let r = g.label(&mut row, m::DIAGNOSTICS_BY_SEVERITY.get(lang), f)?;
    g.num(r, 1, e as f64, &f.int)?;
    g.num(r, 2, w as f64, &f.int)?;
    g.num(r, 3, i as f64, &f.int)?;
    if let Some(s) = &a.stability {
        let r = g.label(&mut row, m::RATING_STABILITY.get(lang), f)?;
        g.num(r, 1, s.same_stars, &f.pct)?;
        g.loose(
            r,
            2,
            &m::DRAWS_KEEP_STARS.fill(lang, &[&s.draws, &a.stars, &s.seed]),
            &f.plain,
        )?;
    }
    row += 1;
    for n in &a.notes {
        g.loose(row, 0, &format!("! {}", n.words(lang)), &f.note)?;
        row += 1;
    }

    // Radar beside the facts: anchored right of column D.
    let chart_top = 3;
    row = row.max(chart_top + 19);

    // Dimension table (the radar's data).
    let floors = next_floors(a, lang);
    let mut heads: Vec<String> = [
        m::CODE.get(lang),
        m::DIMENSION.get(lang),
        m::WEIGHT.get(lang),
        m::SCORE.get(lang),
        m::COVERAGE.get(lang),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if let Some(fl) = &floors {
        heads.push(fl.label.clone());
    }
    // Each benchmark: its area score (only where its figures cover enough of
    // the area, as in the HTML report) and the coverage beside it.
    for gap in &a.gaps {
        heads.push(gap.display_name(lang).to_string());
        heads.push(m::BENCHMARK_COVERAGE.fill(lang, &[&gap.display_name(lang)]));
    }
    row = g.section(row, m::DIMENSION_SCORES.get(lang), &heads, f)?;
    let head_row = row - 1;
    g.ws.set_row_height(head_row, 30)?;
    let first = row;
    let scored: Vec<_> = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Scored)
        .collect();
    for (k, d) in scored.iter().enumerate() {
        g.text(row, 0, &d.code, &f.text)?;
        g.text(row, 1, d.name.get(lang), &f.text)?;
        g.opt(row, 2, d.weight, &f.general)?;
        g.opt(row, 3, d.score, &f.num2)?;
        g.num(row, 4, d.coverage, &f.pct)?;
        let mut col = 5;
        if let Some(fl) = &floors {
            g.opt(row, col, fl.values[k], &f.general)?;
            col += 1;
        }
        for gap in &a.gaps {
            let x = gap.dimensions.iter().find(|x| x.code == d.code);
            let b = x
                .filter(|x| super::model::covered_enough(x.shared, x.weighted))
                .and_then(|x| x.benchmark_score);
            g.opt(row, col, b, &f.num2)?;
            g.text(
                row,
                col + 1,
                &x.map_or("—".into(), |x| format!("{}/{}", x.shared, x.weighted)),
                &f.text,
            )?;
            col += 2;
        }
        row += 1;
    }
    let last = row.saturating_sub(1);
    if !scored.is_empty() {
        let mut chart = Chart::new(ChartType::RadarWithMarkers);
        chart.title().set_name(m::RADAR_TITLE.get(lang));
        chart.legend().set_position(ChartLegendPosition::Bottom);
        // Few, small value labels: they sit at the centre where the axes meet.
        chart
            .y_axis()
            .set_min(0)
            .set_max(100)
            .set_major_unit(25)
            .set_font(
                rust_xlsxwriter::ChartFont::new()
                    .set_size(7)
                    .set_color(0x808080),
            );
        chart
            .x_axis()
            .set_font(rust_xlsxwriter::ChartFont::new().set_size(9));
        // The score, the floor, and each benchmark's score (not its coverage).
        let first_bench = if floors.is_some() { 6 } else { 5 };
        let series_cols: Vec<u16> = std::iter::once(3)
            .chain(floors.is_some().then_some(5))
            .chain((0..a.gaps.len() as u16).map(|k| first_bench + 2 * k))
            .collect();
        for (k, col) in series_cols.into_iter().enumerate() {
            let s = chart.add_series();
            s.set_categories((sheet.as_str(), first, 1, last, 1))
                .set_values((sheet.as_str(), first, col, last, col))
                .set_name((sheet.as_str(), head_row, col));
            if k == 0 {
                s.set_format(ChartLine::new().set_width(2.25));
            } else if floors.is_some() && k == 1 {
                s.set_format(
                    ChartLine::new()
                        .set_dash_type(ChartLineDashType::Dash)
                        .set_color(rust_xlsxwriter::Color::RGB(0xC00000)),
                )
                .set_marker(ChartMarker::new().set_none());
            }
        }
        chart.set_width(520).set_height(380);
        g.ws.insert_chart_with_offset(chart_top, 4, &chart, 10, 0)?;
    }
    let bonus: Vec<_> = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Bonus)
        .collect();
    if !bonus.is_empty() {
        row += 1;
        g.header(
            row,
            0,
            &[
                m::CODE.get(lang),
                m::BONUS_DIMENSION.get(lang),
                m::POINTS.get(lang),
            ],
            &f.header,
        )?;
        row += 1;
        for d in bonus {
            g.text(row, 0, &d.code, &f.text)?;
            g.text(row, 1, d.name.get(lang), &f.text)?;
            g.opt(row, 2, d.points, &f.num2)?;
            row += 1;
        }
    }
    if !a.gaps.is_empty() {
        // Short lines: a note wider than the table would shrink the printed page.
        for line in [
            m::NOTE_BENCHMARK_SCORES_SHARED.get(lang),
            m::NOTE_BENCHMARK_SCORES_HALF.get(lang),
            m::NOTE_COVERAGE.get(lang),
        ] {
            g.loose(row, 0, line, &f.note)?;
            row += 1;
        }
    }

    // Why this rating, and what the next one needs.
    row = g.heading(row, m::WHY_THIS_RATING.get(lang), f)?;
    // One condition a line: a printed page is narrow.
    let decided = &a.rating.decided_by;
    let head = m::RULE_HOLDS.fill(lang, &[&decided.stars, &decided.name.get(lang)]);
    g.loose(row, 0, &head, &f.plain.clone().set_bold())?;
    row += 1;
    if decided.conditions.is_empty() {
        g.loose(row, 0, &decided.words(lang), &f.plain)?;
        row += 1;
    }
    for c in &decided.conditions {
        g.loose(row, 0, &format!("  ✓ {}", c.words(lang)), &f.plain)?;
        row += 1;
    }
    if let Some(next) = &a.rating.next {
        g.loose(
            row,
            0,
            &m::NOT_YET.fill(lang, &[&next.stars, &next.name.get(lang)]),
            &f.plain.clone().set_bold(),
        )?;
        row += 1;
        for c in &next.failing {
            // In words (the same sentence as the HTML report's conclusion).
            let said = super::model::condition_sentence(a, c, lang);
            g.loose(row, 0, &format!("  ✗ {said}"), &f.plain)?;
            row += 1;
        }
    }

    // The largest gaps to the benchmarks.
    let top = top_gaps(a);
    if !top.is_empty() {
        row = g.section(
            row,
            m::TOP_GAPS.get(lang),
            &[
                m::BENCHMARK.get(lang),
                m::CODE.get(lang),
                m::INDICATOR.get(lang),
                m::OWN.get(lang),
                m::BENCHMARK_VALUE_SHORT.get(lang),
                m::GAP.get(lang),
                m::POINTS_AT_STAKE.get(lang),
            ],
            f,
        )?;
        for (ga, i) in top.iter().take(5) {
            g.text(row, 0, ga.display_name(lang), &f.text)?;
            g.text(row, 1, &i.code, &f.text)?;
            g.text(row, 2, lang.pick(&i.name_zh, &i.name_en), &f.text)?;
            g.opt(row, 3, i.own, &f.general)?;
            g.num(row, 4, i.benchmark, bound_format(f, i.bound))?;
            g.num(row, 5, i.gap, &f.general)?;
            g.num(row, 6, i.points_at_stake, &f.num2)?;
            row += 1;
        }
    }

    // The next-star plan in short.
    let p = &a.next_star;
    row = g.heading(row, m::NEXT_STAR_PLAN.get(lang), f)?;
    g.loose(row, 0, &plan_headline(lang, a), &f.plain)?;
    row += 1;
    if !p.steps.is_empty() {
        g.header(
            row,
            0,
            &[
                m::CODE.get(lang),
                m::INDICATOR.get(lang),
                m::FROM.get(lang),
                m::TO.get(lang),
                m::STARS.get(lang),
                m::POINTS_GAINED.get(lang),
            ],
            &f.header,
        )?;
        row += 1;
        for s in p.steps.iter().take(10) {
            g.text(row, 0, &s.code, &f.text)?;
            g.text(row, 1, s.name.get(lang), &f.text)?;
            g.text(row, 2, &s.from_text.words(lang), &f.text)?;
            g.text(row, 3, &s.to_text.words(lang), &f.text)?;
            g.text(
                row,
                4,
                &format!("{}★→{}★", s.stars_from, s.stars_to),
                &f.text,
            )?;
            g.num(row, 5, s.points_gained, &f.num2)?;
            row += 1;
        }
        if p.steps.len() > 10 {
            g.loose(
                row,
                0,
                &m::N_STEPS_SEE_PLAN.fill(lang, &[&p.steps.len()]),
                &f.note,
            )?;
        }
    }
    // Long values overflow into the empty cells beside them; the radar
    // starts at column E.
    g.finish(8.0, 14.0, &[(0, 36.0), (1, 28.0), (2, 18.0)])
}

pub(crate) fn plan_headline(lang: Lang, a: &Assessment) -> String {
    let p = &a.next_star;
    match p.status {
        PlanStatus::Top => m::PLAN_AT_TOP.get(lang).to_string(),
        PlanStatus::Impossible => m::PLAN_IMPOSSIBLE.fill(
            lang,
            &[&p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()],
        ),
        PlanStatus::Found | PlanStatus::FoundCapped => {
            let target = p.target_stars.unwrap_or(a.stars + 1);
            let after = p
                .total_after
                .map(crate::assess::score::fmt2)
                .unwrap_or_default();
            let name = p.target_name.as_ref().map(|t| t.get(lang)).unwrap_or("");
            let mut s = m::PLAN_FOUND.fill(lang, &[&target, &name, &p.steps.len(), &after]);
            if let Some(r) = &p.reason {
                s.push_str(&format!(" — {}", r.words(lang)));
            }
            s
        }
    }
}

fn indicators_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(ws, Some((0, 0)))?;
    let mut g = Grid::new(ws);
    let base = indicator_headers(lang);
    g.header(0, 0, &base, &f.header)?;
    let mut col = base.len() as u16;
    for gap in &a.gaps {
        g.text(
            0,
            col,
            &m::BENCHMARK_VALUE_OF.fill(lang, &[&gap.display_name(lang)]),
            &f.header,
        )?;
        g.text(
            0,
            col + 1,
            &m::BENCHMARK_GAP_OF.fill(lang, &[&gap.display_name(lang)]),
            &f.header,
        )?;
        col += 2;
    }
    let tail = [
        m::STATUS.get(lang),
        m::PROVISIONAL.get(lang),
        m::COMPUTATION.get(lang),
    ];
    g.header(0, col, &tail, &f.header)?;
    let last_col = col + tail.len() as u16 - 1;

    for (k, i) in a.indicators.iter().enumerate() {
        let r = k as u32 + 1;
        g.text(r, 0, &i.dimension, &f.text)?;
        g.text(r, 1, &i.code, &f.text)?;
        g.text(r, 2, i.name(lang), &f.text)?;
        g.text(r, 3, role_name(lang, i.role), &f.text)?;
        g.opt(r, 4, i.value, &f.general)?;
        g.text(
            r,
            5,
            crate::assess::score::unit_name(&i.unit, lang),
            &f.text,
        )?;
        g.num(r, 6, f64::from(i.stars), &f.stars)?;
        let next = i
            .next
            .as_ref()
            .map(|n| format!("{}★ {}", n.stars, n.requirement.words(lang)))
            .unwrap_or_default();
        g.text(r, 7, &next, &f.text)?;
        g.opt(r, 8, i.score, &f.num2)?;
        g.opt(r, 9, i.weight, &f.general)?;
        g.opt(r, 10, i.points, &f.general)?;
        g.num(r, 11, i.contribution, &f.num2)?;
        let mut c = base.len() as u16;
        for gap in &a.gaps {
            match gap.indicators.iter().find(|x| x.code == i.code) {
                Some(x) => {
                    g.num(r, c, x.benchmark, bound_format(f, x.bound))?;
                    g.num(r, c + 1, x.gap, &f.general)?;
                }
                None => {
                    g.ws.write_blank(r, c, &f.general)?;
                    g.ws.write_blank(r, c + 1, &f.general)?;
                }
            }
            c += 2;
        }
        g.text(r, c, status_name(lang, i.status), &f.text)?;
        g.text(r, c + 1, yes_no(lang, i.provisional), &f.text)?;
        g.text(
            r,
            c + 2,
            &i.computation
                .as_ref()
                .map(|c| c.words(lang))
                .unwrap_or_default(),
            &f.text,
        )?;
    }
    let last = a.indicators.len() as u32;
    if last > 0 {
        g.ws.add_conditional_format(
            1,
            6,
            last,
            6,
            &ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, 3)
                .set_maximum(ConditionalFormatType::Number, 5)
                .set_minimum_color(0xF8696B)
                .set_midpoint_color(0xFFEB84)
                .set_maximum_color(0x63BE7B),
        )?;
        g.ws.add_conditional_format(
            1,
            11,
            last,
            11,
            &ConditionalFormatDataBar::new().set_fill_color(0x5B9BD5),
        )?;
    }
    g.ws.autofilter(0, 0, last, last_col)?;
    g.ws.set_freeze_panes(1, 3)?;
    g.ws.set_row_height(0, 30)?;
    // Printed, each dimension starts a page (the header repeats on each).
    let breaks: Vec<u32> = (1..a.indicators.len())
        .filter(|&k| a.indicators[k].dimension != a.indicators[k - 1].dimension)
        .map(|k| k as u32 + 1)
        .collect();
    g.ws.set_page_breaks(&breaks)?;
    // Long names, requirements and computations wrap.
    g.finish(6.0, 40.0, &[(2, 28.0), (7, 24.0), (last_col, 40.0)])
}

fn gaps_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    let sheet = ws.name();
    let mut g = Grid::new(ws);
    g.loose(0, 0, m::GAPS_TITLE.get(lang), &f.title)?;
    if a.gaps.is_empty() {
        page_setup(g.ws, None)?;
        g.loose(2, 0, m::NO_BENCHMARK.get(lang), &f.note)?;
        return g.finish(8.0, 40.0, &[]);
    }

    // One bar chart per benchmark of its largest gaps, above the tables.
    const CHART_ROWS: u32 = 17;
    let chart_row = 2;
    let head = chart_row + CHART_ROWS + 1;
    page_setup(g.ws, Some((head, head)))?;
    let heads = [
        m::BENCHMARK.get(lang),
        m::CODE.get(lang),
        m::DIMENSION.get(lang),
        m::INDICATOR.get(lang),
        m::UNIT.get(lang),
        m::OWN.get(lang),
        m::BENCHMARK_VALUE.get(lang),
        m::GAP.get(lang),
        m::RELATIVE_GAP.get(lang),
        m::OWN_STARS.get(lang),
        m::BENCHMARK_STARS.get(lang),
        m::POINTS_AT_STAKE.get(lang),
        m::NEXT_STAR_NEEDS.get(lang),
        m::SOURCE.get(lang),
    ];
    g.header(head, 0, &heads, &f.header)?;
    let mut row = head + 1;
    let mut charts = Vec::new();
    for ga in &a.gaps {
        let first = row;
        for i in &ga.indicators {
            g.text(row, 0, ga.display_name(lang), &f.text)?;
            g.text(row, 1, &i.code, &f.text)?;
            g.text(row, 2, &i.dimension, &f.text)?;
            g.text(row, 3, lang.pick(&i.name_zh, &i.name_en), &f.text)?;
            g.text(
                row,
                4,
                crate::assess::score::unit_name(&i.unit, lang),
                &f.text,
            )?;
            g.opt(row, 5, i.own, &f.general)?;
            g.num(row, 6, i.benchmark, bound_format(f, i.bound))?;
            g.num(row, 7, i.gap, &f.general)?;
            g.opt(row, 8, i.relative_gap, &f.pct)?;
            g.num(row, 9, f64::from(i.own_stars), &f.stars)?;
            g.num(row, 10, f64::from(i.benchmark_stars), &f.stars)?;
            g.num(row, 11, i.points_at_stake, &f.num2)?;
            let next = i
                .next_star
                .as_ref()
                .map(|n| {
                    let words = lang.pick(&n.requirement_zh, &n.requirement_en);
                    match n.requirement {
                        Some(v) => format!("{}★ {}", n.stars, crate::assess::score::fmt_num(v)),
                        None => format!("{}★ {words}", n.stars),
                    }
                })
                .unwrap_or_default();
            g.text(row, 12, &next, &f.text)?;
            g.text(row, 13, &origin_text(lang, &i.origin), &f.text)?;
            row += 1;
        }
        // The largest gaps: the first rows (the analysis ranks them), those with points at stake.
        let with_points = ga
            .indicators
            .iter()
            .take(10)
            .take_while(|i| i.points_at_stake > 0.0)
            .count() as u32;
        if with_points > 0 {
            charts.push((
                ga.display_name(lang).to_string(),
                first,
                first + with_points - 1,
            ));
        }
    }
    let n = row - head - 1;
    if n > 0 {
        g.ws.add_conditional_format(
            head + 1,
            11,
            row - 1,
            11,
            &ConditionalFormatDataBar::new().set_fill_color(0xED7D31),
        )?;
    }
    for (k, (name, first, last)) in charts.iter().enumerate() {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .title()
            .set_name(&m::LARGEST_GAPS_TO.fill(lang, &[name]));
        chart.legend().set_hidden();
        // The category axis of a bar chart is its y axis: largest gap on top.
        chart.y_axis().set_reverse();
        chart
            .add_series()
            .set_categories((sheet.as_str(), *first, 1, *last, 1))
            .set_values((sheet.as_str(), *first, 11, *last, 11))
            .set_name((sheet.as_str(), head, 11));
        chart.set_width(560).set_height(CHART_ROWS * 20);
        // Two charts side by side, then the next pair below the table's
        // first rows would collide, so at most two are drawn.
        if k < 2 {
            g.ws.insert_chart_with_offset(chart_row, (k * 6) as u16, &chart, 0, 0)?;
        }
    }
    if charts.is_empty() {
        g.loose(chart_row, 0, m::NO_GAP_CARRIES_POINTS.get(lang), &f.note)?;
    }

    // Dimension gaps.
    row = g.section(
        row,
        m::DIMENSION_GAPS.get(lang),
        &[
            m::BENCHMARK.get(lang),
            m::CODE.get(lang),
            m::DIMENSION.get(lang),
            m::OWN_SCORE.get(lang),
            m::BENCHMARK_SCORE.get(lang),
            m::GAP.get(lang),
            m::SHARED.get(lang),
            m::WEIGHTED_INDICATORS.get(lang),
        ],
        f,
    )?;
    for ga in &a.gaps {
        for d in &ga.dimensions {
            g.text(row, 0, ga.display_name(lang), &f.text)?;
            g.text(row, 1, &d.code, &f.text)?;
            g.text(row, 2, lang.pick(&d.name_zh, &d.name_en), &f.text)?;
            g.opt(row, 3, d.own_score, &f.num2)?;
            g.opt(row, 4, d.benchmark_score, &f.num2)?;
            g.opt(row, 5, d.gap, &f.num2)?;
            g.num(row, 6, d.shared as f64, &f.int)?;
            g.num(row, 7, d.weighted as f64, &f.int)?;
            row += 1;
        }
    }

    let not: Vec<_> = a
        .gaps
        .iter()
        .flat_map(|ga| ga.not_compared.iter().map(move |n| (ga, n)))
        .collect();
    if !not.is_empty() {
        row = g.section(
            row,
            m::FIGURES_NOT_COMPARED.get(lang),
            &[
                m::BENCHMARK.get(lang),
                m::CODE.get(lang),
                m::DIMENSION.get(lang),
                m::METRIC.get(lang),
                m::UNIT.get(lang),
                m::OWN.get(lang),
                m::BENCHMARK_VALUE.get(lang),
                m::YEAR.get(lang),
                m::WHY.get(lang),
            ],
            f,
        )?;
        for (ga, n) in not {
            g.text(row, 0, &ga.benchmark, &f.text)?;
            g.text(row, 1, &n.indicator, &f.text)?;
            g.text(row, 3, lang.pick(&n.metric_zh, &n.metric_en), &f.text)?;
            g.text(
                row,
                4,
                crate::assess::score::unit_name(&n.unit, lang),
                &f.text,
            )?;
            g.num(row, 6, n.value, bound_format(f, n.bound))?;
            g.opt(row, 7, n.year.map(f64::from), &f.int)?;
            g.text(row, 8, n.why(lang), &f.text)?;
            row += 1;
        }
    }
    // Long reasons and source addresses run past their columns on screen; the
    // printed page stops at the table's last column so it keeps a readable size.
    g.ws.set_print_area(0, 0, row.max(1), 13)?;
    g.finish(6.0, 40.0, &[(8, 45.0), (13, 45.0)])
}

fn plan_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    let p = &a.next_star;
    let mut g = Grid::new(ws);
    g.loose(0, 0, m::NEXT_STAR_PLAN.get(lang), &f.title)?;
    g.loose(1, 0, &plan_headline(lang, a), &f.plain)?;
    let mut row = 3;
    let status = match p.status {
        PlanStatus::Found => m::PLAN_FOUND_FEWEST.get(lang),
        PlanStatus::FoundCapped => m::PLAN_FOUND_CAPPED.get(lang),
        PlanStatus::Impossible => m::PLAN_STATUS_IMPOSSIBLE.get(lang),
        PlanStatus::Top => m::PLAN_STATUS_TOP.get(lang),
    };
    let r = g.label(&mut row, m::STATUS.get(lang), f)?;
    g.text(r, 1, status, &f.text)?;
    let r = g.label(&mut row, m::NOW.get(lang), f)?;
    g.num(r, 1, f64::from(a.stars), &f.stars)?;
    g.num(r, 2, a.score, &f.num2)?;
    let r = g.label(&mut row, m::TARGET.get(lang), f)?;
    g.opt(r, 1, p.target_stars.map(f64::from), &f.stars)?;
    g.text(
        r,
        2,
        p.target_name.as_ref().map(|t| t.get(lang)).unwrap_or(""),
        &f.text,
    )?;
    let r = g.label(&mut row, m::AFTERWARDS.get(lang), f)?;
    g.opt(r, 1, p.stars_after.map(f64::from), &f.stars)?;
    g.opt(r, 2, p.total_after, &f.num2)?;
    let r = g.label(&mut row, m::VERIFIED.get(lang), f)?;
    g.text(r, 1, yes_no(lang, p.verified), &f.text)?;
    let r = g.label(&mut row, m::STAR_STEPS.get(lang), f)?;
    g.num(r, 1, f64::from(p.star_steps), &f.int)?;
    if let Some(reason) = &p.reason {
        g.loose(row, 0, &reason.words(lang), &f.note)?;
        row += 1;
    }

    if let Some(next) = &a.rating.next {
        row = g.section(
            row,
            &m::CONDITIONS_THAT_FAIL.fill(lang, &[&next.stars]),
            &[
                m::CONDITION.get(lang),
                m::SUBJECT.get(lang),
                m::ACTUAL.get(lang),
                m::REQUIRED.get(lang),
                m::CONDITION_TEXT.get(lang),
            ],
            f,
        )?;
        for c in &next.failing {
            g.text(row, 0, super::model::condition_kind(c.kind, lang), &f.text)?;
            g.text(row, 1, c.subject.as_deref().unwrap_or(""), &f.text)?;
            g.num(row, 2, c.actual, &f.general)?;
            g.num(row, 3, c.required, &f.general)?;
            g.text(row, 4, &c.words(lang), &f.text)?;
            row += 1;
        }
    }

    row = g.section(
        row,
        m::STEPS.get(lang),
        &[
            "#",
            m::CODE.get(lang),
            m::INDICATOR.get(lang),
            m::FROM.get(lang),
            m::TARGET_VALUE.get(lang),
            m::UNIT.get(lang),
            m::FROM_WORDS.get(lang),
            m::TO_WORDS.get(lang),
            m::STARS_FROM.get(lang),
            m::STARS_TO.get(lang),
            m::POINTS_GAINED.get(lang),
            m::RELATIVE_CHANGE.get(lang),
        ],
        f,
    )?;
    let head = row - 1;
    page_setup(g.ws, Some((head, head)))?;
    for (k, s) in p.steps.iter().enumerate() {
        g.num(row, 0, (k + 1) as f64, &f.int)?;
        g.text(row, 1, &s.code, &f.text)?;
        g.text(row, 2, s.name.get(lang), &f.text)?;
        g.opt(row, 3, s.from, &f.general)?;
        g.num(row, 4, s.to, &f.general)?;
        g.text(
            row,
            5,
            crate::assess::score::unit_name(&s.unit, lang),
            &f.text,
        )?;
        g.text(row, 6, &s.from_text.words(lang), &f.text)?;
        g.text(row, 7, &s.target_text(lang), &f.text)?;
        g.num(row, 8, f64::from(s.stars_from), &f.stars)?;
        g.num(row, 9, f64::from(s.stars_to), &f.stars)?;
        g.num(row, 10, s.points_gained, &f.num2)?;
        g.num(row, 11, s.relative_change, &f.pct)?;
        row += 1;
    }
    if p.steps.is_empty() {
        g.loose(row, 0, "—", &f.text)?;
    }
    g.finish(5.0, 40.0, &[(4, 60.0)])
}

fn diagnostics_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(ws, Some((0, 0)))?;
    let mut g = Grid::new(ws);
    g.header(
        0,
        0,
        &[
            m::CODE.get(lang),
            m::SEVERITY.get(lang),
            m::LOCATION.get(lang),
            m::INDICATOR.get(lang),
            m::RAW_TEXT.get(lang),
            m::MESSAGE.get(lang),
            m::HINT.get(lang),
        ],
        &f.header,
    )?;
    let problems = super::model::problems(a, lang);
    for (k, p) in problems.iter().enumerate() {
        let r = k as u32 + 1;
        g.text(r, 0, &p.code, &f.text)?;
        g.text(r, 1, &p.severity, &f.text)?;
        g.text(r, 2, &p.location, &f.text)?;
        g.text(r, 3, &p.indicator, &f.text)?;
        g.text(r, 4, &p.raw, &f.text)?;
        g.text(r, 5, &p.message, &f.wrap)?;
        g.text(r, 6, &p.hint, &f.wrap)?;
    }
    let n = problems.len() as u32;
    if n == 0 {
        g.loose(1, 0, m::NO_DATA_PROBLEMS.get(lang), &f.note)?;
    } else {
        g.ws.autofilter(0, 0, n, 6)?;
    }
    g.ws.set_freeze_panes(1, 0)?;
    g.finish(8.0, 30.0, &[(5, 60.0), (6, 60.0)])
}

/// Where the time written into the workbook comes from.
pub(crate) fn time_source(lang: Lang, from_env: bool) -> &'static str {
    if from_env {
        m::TIME_FROM_ENV.get(lang)
    } else {
        m::TIME_OF_WRITING.get(lang)
    }
}

/// The benchmark sources of a run, as rows of the provenance sheet.
pub(crate) fn write_time_and_benchmarks(
    g: &mut Grid,
    row: &mut u32,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    g.text(*row, 0, m::TIME.get(lang), &f.label)?;
    let (ts, from_env) = crate::xlsx::written_at();
    match ExcelDateTime::from_timestamp(ts) {
        Ok(dt) => {
            g.widen(1, "yyyy-mm-dd hh:mm:ss");
            g.ws.write_datetime_with_format(*row, 1, &dt, &f.datetime)?;
        }
        Err(_) => g.num(*row, 1, ts as f64, &f.int)?,
    }
    g.text(*row, 2, time_source(lang, from_env), &f.text)?;
    *row += 1;
    if cx.benchmarks.is_empty() {
        g.text(*row, 0, m::BENCHMARKS.get(lang), &f.label)?;
        g.text(*row, 1, m::NONE.get(lang), &f.text)?;
        *row += 1;
    }
    for b in &cx.benchmarks {
        g.text(*row, 0, m::BENCHMARK.get(lang), &f.label)?;
        g.text(*row, 1, &b.name, &f.text)?;
        g.text(*row, 2, &b.origin, &f.text)?;
        g.text(
            *row,
            3,
            b.sha256
                .as_deref()
                .unwrap_or(m::COMPUTED_FROM_BATCH.get(lang)),
            &f.text,
        )?;
        *row += 1;
    }
    Ok(())
}

fn provenance_sheet(
    ws: &mut Worksheet,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    page_setup(ws, None)?;
    let mut g = Grid::new(ws);
    g.loose(0, 0, m::PROVENANCE_TITLE.get(lang), &f.title)?;
    let mut row = 2;
    let kv = |g: &mut Grid, row: &mut u32, label: &str, value: &str| -> Result<(), XlsxError> {
        g.text(*row, 0, label, &f.label)?;
        g.text(*row, 1, value, &f.text)?;
        *row += 1;
        Ok(())
    };
    kv(
        &mut g,
        &mut row,
        "citystar",
        concat!("citystar ", env!("CARGO_PKG_VERSION")),
    )?;
    kv(&mut g, &mut row, m::STANDARD.get(lang), &a.standard.code)?;
    kv(&mut g, &mut row, m::STANDARD_ID.get(lang), &a.standard.id)?;
    kv(
        &mut g,
        &mut row,
        m::EDITION.get(lang),
        a.standard.edition(lang),
    )?;
    kv(
        &mut g,
        &mut row,
        m::STANDARD_SHA256.get(lang),
        a.standard.sha256.as_deref().unwrap_or("—"),
    )?;
    kv(&mut g, &mut row, m::INPUT_FILE.get(lang), &a.file)?;
    kv(&mut g, &mut row, m::INPUT_SHA256.get(lang), &a.sha256)?;
    super::review::provenance_rows(&mut g, &mut row, a, lang, f)?;
    write_time_and_benchmarks(&mut g, &mut row, cx, f)?;
    g.text(row, 0, m::LANGUAGE.get(lang), &f.label)?;
    g.text(row, 1, lang.pick("zh", "en"), &f.text)?;
    row += 1;
    match &a.stability {
        Some(s) => {
            g.text(row, 0, m::RATING_STABILITY.get(lang), &f.label)?;
            g.num(row, 1, s.same_stars, &f.pct)?;
            g.text(row, 2, &s.method, &f.text)?;
            row += 1;
            g.text(row, 0, m::DRAWS_SEED.get(lang), &f.label)?;
            g.num(row, 1, s.draws as f64, &f.int)?;
            g.seed(row, 2, s.seed, f)?;
            row += 1;
            g.text(row, 0, m::TOTAL_P5_P95.get(lang), &f.label)?;
            g.num(row, 1, s.total_p5, &f.num2)?;
            g.num(row, 2, s.total_p95, &f.num2)?;
            row += 1;
        }
        None => {
            g.text(row, 0, m::RATING_STABILITY.get(lang), &f.label)?;
            g.text(row, 1, m::STABILITY_NOT_COMPUTED.get(lang), &f.text)?;
            row += 1;
        }
    }
    g.text(row, 0, m::PLAN_SETS_TRIED.get(lang), &f.label)?;
    g.num(row, 1, a.next_star.explored as f64, &f.int)?;
    g.num(row, 2, a.next_star.cap as f64, &f.int)?;
    row += 1;
    row += 1;
    g.loose(row, 0, m::BYTE_IDENTICAL_WORKBOOK.get(lang), &f.note)?;
    g.finish(10.0, 70.0, &[])
}
