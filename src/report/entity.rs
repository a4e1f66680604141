//! The per-entity workbook: 总览, 指标明细, 差距分析, 晋星路径, 数据问题, 来源.

use super::Context;
use super::style::{Formats, Grid, page_setup, t};
use crate::Lang;
use crate::assess::{Assessment, PlanStatus, Status, star_glyphs};
use crate::benchmark::{Bound, GapAnalysis, IndicatorGap, ValueOrigin};
use crate::locale::Words;
use crate::standard::{DimensionRole, Role};
use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker, ChartType,
    ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, ExcelDateTime,
    Workbook, Worksheet, XlsxError,
};

/// The sheet names, in order.
pub fn sheet_names(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "总览",
            "指标明细",
            "差距分析",
            "晋星路径",
            "数据问题",
            "来源",
        ],
        Lang::En => [
            "Summary",
            "Indicators",
            "Gaps",
            "Plan",
            "Diagnostics",
            "Provenance",
        ],
    }
}

/// The column headers of 指标明细 before the benchmark columns.
pub fn indicator_headers(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Zh => [
            "维度",
            "代码",
            "指标",
            "类别",
            "值",
            "单位",
            "星级",
            "下一星要求",
            "得分",
            "权重",
            "分值",
            "贡献",
        ],
        Lang::En => [
            "Dimension",
            "Code",
            "Indicator",
            "Role",
            "Value",
            "Unit",
            "Stars",
            "Next star needs",
            "Score",
            "Weight",
            "Points",
            "Contribution",
        ],
    }
}

pub fn build(a: &Assessment, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    let lang = cx.lang;
    let f = Formats::new();
    let names = sheet_names(lang);
    let mut wb: Workbook = crate::xlsx::new_report_workbook(&format!(
        "{} — {}",
        a.name,
        t(lang, "智慧城市星级评估", "smart-city star assessment")
    ));
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
    match (lang, b) {
        (Lang::Zh, true) => "是",
        (Lang::Zh, false) => "否",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Scored => t(lang, "计分", "scored"),
        Role::Mandatory => t(lang, "必选", "mandatory"),
        Role::Bonus => t(lang, "加分项", "bonus"),
        Role::Deduction => t(lang, "扣分", "deduction"),
    }
}

fn status_name(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Ok => t(lang, "有效", "ok"),
        Status::Missing => t(lang, "缺失", "missing"),
        Status::Invalid => t(lang, "无效", "invalid"),
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
            let mut s = format!("{} ({})", lang.pick(metric_zh, metric_en), year);
            if let Some(d) = date {
                s = format!("{} ({d})", lang.pick(metric_zh, metric_en));
            }
            if let Some(e) = entity {
                s.push_str(&format!(" · {e}"));
            }
            if *derived {
                s.push_str(t(lang, " · 推算", " · derived"));
            }
            if !source.is_empty() {
                s.push_str(&format!(" · {}", source.join("; ")));
            }
            s
        }
        ValueOrigin::Entity { name } => format!("{} {name}", t(lang, "主体", "entity")),
        ValueOrigin::Cohort { statistic, n } => {
            let stat = match statistic {
                crate::benchmark::CohortStatistic::Median => t(lang, "中位数", "median"),
                crate::benchmark::CohortStatistic::TopQuartile => {
                    t(lang, "前四分位", "top quartile")
                }
            };
            match lang {
                Lang::Zh => format!("同批 {n} 个主体的{stat}"),
                Lang::En => format!("{stat} of a cohort of {n}"),
            }
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
            label: match lang {
                Lang::Zh => format!("{}★ 维度下限", next.stars),
                Lang::En => format!("{}★ dimension floor", next.stars),
            },
            values,
        });
    }
    let total = min_total?;
    Some(Floors {
        label: match lang {
            Lang::Zh => format!("{}★ 总分下限 {total}（无维度下限）", next.stars),
            Lang::En => format!("{}★ minimum total {total} (no dimension floor)", next.stars),
        },
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
        &format!(
            "{} · {}",
            a.name,
            t(lang, "智慧城市星级评估", "Smart-city star assessment")
        ),
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
    let r = g.label(&mut row, t(lang, "主体", "Entity"), f)?;
    g.text(r, 1, &a.name, &f.text)?;
    let r = g.label(&mut row, t(lang, "层级", "Level"), f)?;
    g.text(r, 1, &level_name(lang, a.level), &f.text)?;
    let r = g.label(&mut row, t(lang, "标准", "Standard"), f)?;
    g.text(r, 1, &a.standard.code, &f.text)?;
    g.text(r, 2, &a.standard.id, &f.text)?;
    let r = g.label(&mut row, t(lang, "版本", "Edition"), f)?;
    g.loose(r, 1, a.standard.edition(lang), &f.plain)?;
    let r = g.label(&mut row, t(lang, "暂定条目", "Provisional entries"), f)?;
    g.num(r, 1, a.standard.provisional_entries as f64, &f.int)?;
    let of = rust_xlsxwriter::Format::new()
        .set_num_format(t(lang, "\"共 \"0\" 项\"", "\"of \"0"))
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_border_color(rust_xlsxwriter::Color::RGB(0xBFBFBF));
    g.num(r, 2, a.standard.entries as f64, &of)?;
    let r = g.label(&mut row, t(lang, "星级", "Stars"), f)?;
    let big = f.stars.clone().set_bold().set_font_size(14);
    g.num(r, 1, f64::from(a.stars), &big)?;
    g.loose(
        r,
        2,
        &format!("{} {}", star_glyphs(a.stars), a.stars_label.get(lang)),
        &f.plain.clone().set_font_size(14).set_font_color(0xC55A11),
    )?;
    let r = g.label(&mut row, t(lang, "子档", "Sub-tier"), f)?;
    g.text(
        r,
        1,
        a.tier.as_ref().map(|t| t.get(lang)).unwrap_or("—"),
        &f.text,
    )?;
    let r = g.label(&mut row, t(lang, "总分", "Total"), f)?;
    g.num(r, 1, a.score, &f.num2.clone().set_bold().set_font_size(14))?;
    g.text(r, 2, "/ 100", &f.text)?;
    let r = g.label(&mut row, t(lang, "加权得分", "Weighted"), f)?;
    g.num(r, 1, a.breakdown.weighted, &f.num2)?;
    let cap = f
        .general
        .clone()
        .set_num_format(t(lang, "\"上限 \"0.##", "\"cap \"0.##"));
    let r = g.label(&mut row, t(lang, "加分", "Bonus"), f)?;
    g.num(r, 1, a.breakdown.bonus, &f.num2)?;
    g.num(r, 2, a.breakdown.bonus_cap, &cap)?;
    let r = g.label(&mut row, t(lang, "扣分", "Deductions"), f)?;
    g.num(r, 1, a.breakdown.deduction, &f.num2)?;
    g.num(r, 2, a.breakdown.deduction_cap, &cap)?;
    let r = g.label(&mut row, t(lang, "缺失或无效指标", "Missing or invalid"), f)?;
    g.num(r, 1, a.missing as f64, &f.int)?;
    g.loose(
        r,
        2,
        if a.complete {
            t(lang, "数据完整", "data complete")
        } else {
            t(lang, "评级基于不完整数据", "rating on incomplete data")
        },
        &f.plain,
    )?;
    let (e, w, i) = a.diagnostic_counts();
    let r = g.label(
        &mut row,
        t(
            lang,
            "诊断 错误/警告/提示",
            "Diagnostics error/warning/info",
        ),
        f,
    )?;
    g.num(r, 1, e as f64, &f.int)?;
    g.num(r, 2, w as f64, &f.int)?;
    g.num(r, 3, i as f64, &f.int)?;
    if let Some(s) = &a.stability {
        let r = g.label(&mut row, t(lang, "评级稳定性", "Rating stability"), f)?;
        g.num(r, 1, s.same_stars, &f.pct)?;
        g.loose(
            r,
            2,
            &match lang {
                Lang::Zh => format!("{} 次权重扰动保持 {}★（种子 {}）", s.draws, a.stars, s.seed),
                Lang::En => format!(
                    "of {} weight draws keep {}★ (seed {})",
                    s.draws, a.stars, s.seed
                ),
            },
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
        t(lang, "代码", "Code"),
        t(lang, "维度", "Dimension"),
        t(lang, "权重", "Weight"),
        t(lang, "得分", "Score"),
        t(lang, "覆盖", "Coverage"),
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
        heads.push(format!(
            "{} {}",
            gap.display_name(lang),
            t(lang, "覆盖", "coverage")
        ));
    }
    row = g.section(row, t(lang, "维度得分", "Dimension scores"), &heads, f)?;
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
        chart.title().set_name(t(
            lang,
            "维度得分与下一星级",
            "Dimension scores vs next star",
        ));
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
                t(lang, "代码", "Code"),
                t(lang, "加分维度", "Bonus dimension"),
                t(lang, "分值", "Points"),
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
            t(
                lang,
                "对标得分只计双方都有数据的计权指标（权重在其中重新归一）。",
                "Benchmark scores count only the weighted indicators both sides have.",
            ),
            t(
                lang,
                "只在对标数据覆盖该维度至少一半计权指标时给出（暂定）。",
                "They are given only where the figures cover half of the area (provisional).",
            ),
            t(
                lang,
                "覆盖 = 双方都有的指标数 / 该维度计权指标数。",
                "Coverage = indicators both have / the area's weighted indicators.",
            ),
        ] {
            g.loose(row, 0, line, &f.note)?;
            row += 1;
        }
    }

    // Why this rating, and what the next one needs.
    row = g.heading(row, t(lang, "评级依据", "Why this rating"), f)?;
    // One condition a line: a printed page is narrow.
    let decided = &a.rating.decided_by;
    let head = match lang {
        Lang::Zh => format!("{}★（{}）规则成立：", decided.stars, decided.name.get(lang)),
        Lang::En => format!(
            "The {}★ rule ({}) holds:",
            decided.stars,
            decided.name.get(lang)
        ),
    };
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
            &match lang {
                Lang::Zh => format!("距 {}★（{}）尚缺：", next.stars, next.name.get(lang)),
                Lang::En => format!("Not yet {}★ ({}):", next.stars, next.name.get(lang)),
            },
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
            t(lang, "主要差距", "Top gaps"),
            &[
                t(lang, "对标", "Benchmark"),
                t(lang, "代码", "Code"),
                t(lang, "指标", "Indicator"),
                t(lang, "本地值", "Own"),
                t(lang, "对标值", "Benchmark"),
                t(lang, "差距", "Gap"),
                t(lang, "可得分", "Points at stake"),
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
    row = g.heading(row, t(lang, "晋星路径", "Next-star plan"), f)?;
    g.loose(row, 0, &plan_headline(lang, a), &f.plain)?;
    row += 1;
    if !p.steps.is_empty() {
        g.header(
            row,
            0,
            &[
                t(lang, "代码", "Code"),
                t(lang, "指标", "Indicator"),
                t(lang, "现值", "From"),
                t(lang, "目标", "To"),
                t(lang, "星级", "Stars"),
                t(lang, "增分", "Points gained"),
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
                &match lang {
                    Lang::Zh => format!("共 {} 步，见“晋星路径”表", p.steps.len()),
                    Lang::En => format!("{} steps in all: see the Plan sheet", p.steps.len()),
                },
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
        PlanStatus::Top => t(
            lang,
            "已是本标准最高星级。",
            "Already at the standard's highest level.",
        )
        .to_string(),
        PlanStatus::Impossible => format!(
            "{} {}",
            t(
                lang,
                "无法达到下一星级：",
                "The next star cannot be reached:"
            ),
            p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
        ),
        PlanStatus::Found | PlanStatus::FoundCapped => {
            let target = p.target_stars.unwrap_or(a.stars + 1);
            let after = p
                .total_after
                .map(crate::assess::score::fmt2)
                .unwrap_or_default();
            let mut s = match lang {
                Lang::Zh => format!(
                    "升至 {target}★（{}）：{} 项改进，改进后总分 {after}",
                    p.target_name.as_ref().map(|t| t.get(lang)).unwrap_or(""),
                    p.steps.len()
                ),
                Lang::En => format!(
                    "To {target}★ ({}): {} change(s), total afterwards {after}",
                    p.target_name.as_ref().map(|t| t.get(lang)).unwrap_or(""),
                    p.steps.len()
                ),
            };
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
            &format!("{} {}", gap.display_name(lang), t(lang, "对标值", "value")),
            &f.header,
        )?;
        g.text(
            0,
            col + 1,
            &format!("{} {}", gap.display_name(lang), t(lang, "差距", "gap")),
            &f.header,
        )?;
        col += 2;
    }
    let tail = [
        t(lang, "状态", "Status"),
        t(lang, "暂定", "Provisional"),
        t(lang, "计算", "Computation"),
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
    g.loose(
        0,
        0,
        t(lang, "与对标的差距", "Gaps to the benchmarks"),
        &f.title,
    )?;
    if a.gaps.is_empty() {
        page_setup(g.ws, None)?;
        g.loose(
            2,
            0,
            t(
                lang,
                "本次评估未与其他地区对标。",
                "This assessment was not compared with a benchmark.",
            ),
            &f.note,
        )?;
        return g.finish(8.0, 40.0, &[]);
    }

    // One bar chart per benchmark of its largest gaps, above the tables.
    const CHART_ROWS: u32 = 17;
    let chart_row = 2;
    let head = chart_row + CHART_ROWS + 1;
    page_setup(g.ws, Some((head, head)))?;
    let heads = [
        t(lang, "对标", "Benchmark"),
        t(lang, "代码", "Code"),
        t(lang, "维度", "Dimension"),
        t(lang, "指标", "Indicator"),
        t(lang, "单位", "Unit"),
        t(lang, "本地值", "Own"),
        t(lang, "对标值", "Benchmark value"),
        t(lang, "差距", "Gap"),
        t(lang, "相对差距", "Relative gap"),
        t(lang, "本地星级", "Own stars"),
        t(lang, "对标星级", "Benchmark stars"),
        t(lang, "可得分", "Points at stake"),
        t(lang, "下一星要求", "Next star needs"),
        t(lang, "来源", "Source"),
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
        chart.title().set_name(&match lang {
            Lang::Zh => format!("与 {name} 的最大差距（可得分）"),
            Lang::En => format!("Largest gaps to {name} (points at stake)"),
        });
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
        g.loose(
            chart_row,
            0,
            t(
                lang,
                "没有可得分的差距：各项均不低于对标。",
                "No gap carries points: every value is level with or ahead of the benchmark.",
            ),
            &f.note,
        )?;
    }

    // Dimension gaps.
    row = g.section(
        row,
        t(lang, "维度差距", "Dimension gaps"),
        &[
            t(lang, "对标", "Benchmark"),
            t(lang, "代码", "Code"),
            t(lang, "维度", "Dimension"),
            t(lang, "本地得分", "Own score"),
            t(lang, "对标得分", "Benchmark score"),
            t(lang, "差距", "Gap"),
            t(lang, "共有指标", "Shared"),
            t(lang, "计权指标", "Weighted"),
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
            t(lang, "未比较的对标数据", "Benchmark figures not compared"),
            &[
                t(lang, "对标", "Benchmark"),
                t(lang, "代码", "Code"),
                t(lang, "维度", "Dimension"),
                t(lang, "口径", "Metric"),
                t(lang, "单位", "Unit"),
                t(lang, "本地值", "Own"),
                t(lang, "对标值", "Benchmark value"),
                t(lang, "年份", "Year"),
                t(lang, "原因", "Why"),
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
    g.loose(0, 0, t(lang, "晋星路径", "Next-star plan"), &f.title)?;
    g.loose(1, 0, &plan_headline(lang, a), &f.plain)?;
    let mut row = 3;
    let status = match p.status {
        PlanStatus::Found => t(lang, "已找到（最少步数）", "found (fewest steps)"),
        PlanStatus::FoundCapped => t(lang, "已找到（可能非最少）", "found (may not be minimal)"),
        PlanStatus::Impossible => t(lang, "无法达到", "impossible"),
        PlanStatus::Top => t(lang, "已是最高星级", "at the top"),
    };
    let r = g.label(&mut row, t(lang, "状态", "Status"), f)?;
    g.text(r, 1, status, &f.text)?;
    let r = g.label(&mut row, t(lang, "当前", "Now"), f)?;
    g.num(r, 1, f64::from(a.stars), &f.stars)?;
    g.num(r, 2, a.score, &f.num2)?;
    let r = g.label(&mut row, t(lang, "目标星级", "Target"), f)?;
    g.opt(r, 1, p.target_stars.map(f64::from), &f.stars)?;
    g.text(
        r,
        2,
        p.target_name.as_ref().map(|t| t.get(lang)).unwrap_or(""),
        &f.text,
    )?;
    let r = g.label(&mut row, t(lang, "改进后", "Afterwards"), f)?;
    g.opt(r, 1, p.stars_after.map(f64::from), &f.stars)?;
    g.opt(r, 2, p.total_after, &f.num2)?;
    let r = g.label(&mut row, t(lang, "已复核", "Verified"), f)?;
    g.text(r, 1, yes_no(lang, p.verified), &f.text)?;
    let r = g.label(&mut row, t(lang, "星级步数", "Star steps"), f)?;
    g.num(r, 1, f64::from(p.star_steps), &f.int)?;
    if let Some(reason) = &p.reason {
        g.loose(row, 0, &reason.words(lang), &f.note)?;
        row += 1;
    }

    if let Some(next) = &a.rating.next {
        row = g.section(
            row,
            &match lang {
                Lang::Zh => format!("{}★ 规则中尚未满足的条件", next.stars),
                Lang::En => format!("Conditions of the {}★ rule that fail", next.stars),
            },
            &[
                t(lang, "条件", "Condition"),
                t(lang, "对象", "Subject"),
                t(lang, "实际", "Actual"),
                t(lang, "要求", "Required"),
                t(lang, "说明", "Text"),
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
        t(lang, "步骤", "Steps"),
        &[
            "#",
            t(lang, "代码", "Code"),
            t(lang, "指标", "Indicator"),
            t(lang, "现值", "From"),
            t(lang, "目标值", "To"),
            t(lang, "单位", "Unit"),
            t(lang, "现状", "From (words)"),
            t(lang, "目标", "To (words)"),
            t(lang, "现星级", "Stars from"),
            t(lang, "目标星级", "Stars to"),
            t(lang, "增分", "Points gained"),
            t(lang, "相对变化", "Relative change"),
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
            t(lang, "代码", "Code"),
            t(lang, "严重程度", "Severity"),
            t(lang, "位置", "Location"),
            t(lang, "指标", "Indicator"),
            t(lang, "原文", "Raw text"),
            t(lang, "说明", "Message"),
            t(lang, "建议", "Hint"),
        ],
        &f.header,
    )?;
    for (k, d) in a.diagnostics.iter().enumerate() {
        let r = k as u32 + 1;
        g.text(r, 0, d.code.as_str(), &f.text)?;
        let sev = match lang {
            Lang::Zh => d.severity.name_zh().to_string(),
            Lang::En => d.severity.to_string(),
        };
        g.text(r, 1, &sev, &f.text)?;
        g.text(r, 2, &d.location, &f.text)?;
        g.text(r, 3, d.indicator.as_deref().unwrap_or(""), &f.text)?;
        g.text(r, 4, d.raw.as_deref().unwrap_or(""), &f.text)?;
        g.text(r, 5, d.message.get(lang), &f.wrap)?;
        g.text(r, 6, d.hint.get(lang), &f.wrap)?;
    }
    let n = a.diagnostics.len() as u32;
    if n == 0 {
        g.loose(
            1,
            0,
            t(lang, "没有数据问题。", "No data problems."),
            &f.note,
        )?;
    } else {
        g.ws.autofilter(0, 0, n, 6)?;
    }
    g.ws.set_freeze_panes(1, 0)?;
    g.finish(8.0, 30.0, &[(5, 60.0), (6, 60.0)])
}

/// Where the time written into the workbook comes from.
pub(crate) fn time_source(lang: Lang, from_env: bool) -> &'static str {
    if from_env {
        t(lang, "取自 SOURCE_DATE_EPOCH", "from SOURCE_DATE_EPOCH")
    } else {
        t(lang, "生成时刻", "the time of writing")
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
    g.text(*row, 0, t(lang, "时间", "Time"), &f.label)?;
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
        g.text(*row, 0, t(lang, "对标", "Benchmarks"), &f.label)?;
        g.text(*row, 1, t(lang, "无", "none"), &f.text)?;
        *row += 1;
    }
    for b in &cx.benchmarks {
        g.text(*row, 0, t(lang, "对标", "Benchmark"), &f.label)?;
        g.text(*row, 1, &b.name, &f.text)?;
        g.text(*row, 2, &b.origin, &f.text)?;
        g.text(
            *row,
            3,
            b.sha256
                .as_deref()
                .unwrap_or(t(lang, "（同批计算）", "(computed from the batch)")),
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
    g.loose(0, 0, t(lang, "来源与可复现性", "Provenance"), &f.title)?;
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
    kv(
        &mut g,
        &mut row,
        t(lang, "标准", "Standard"),
        &a.standard.code,
    )?;
    kv(
        &mut g,
        &mut row,
        t(lang, "标准 id", "Standard id"),
        &a.standard.id,
    )?;
    kv(
        &mut g,
        &mut row,
        t(lang, "版本", "Edition"),
        a.standard.edition(lang),
    )?;
    kv(
        &mut g,
        &mut row,
        t(lang, "标准 SHA-256", "Standard SHA-256"),
        a.standard.sha256.as_deref().unwrap_or("—"),
    )?;
    kv(&mut g, &mut row, t(lang, "输入文件", "Input file"), &a.file)?;
    kv(
        &mut g,
        &mut row,
        t(lang, "输入 SHA-256", "Input SHA-256"),
        &a.sha256,
    )?;
    super::review::provenance_rows(&mut g, &mut row, a, lang, f)?;
    write_time_and_benchmarks(&mut g, &mut row, cx, f)?;
    g.text(row, 0, t(lang, "语言", "Language"), &f.label)?;
    g.text(row, 1, lang.pick("zh", "en"), &f.text)?;
    row += 1;
    match &a.stability {
        Some(s) => {
            g.text(row, 0, t(lang, "评级稳定性", "Rating stability"), &f.label)?;
            g.num(row, 1, s.same_stars, &f.pct)?;
            g.text(row, 2, &s.method, &f.text)?;
            row += 1;
            g.text(row, 0, t(lang, "扰动次数 / 种子", "Draws / seed"), &f.label)?;
            g.num(row, 1, s.draws as f64, &f.int)?;
            g.seed(row, 2, s.seed, f)?;
            row += 1;
            g.text(row, 0, t(lang, "总分 5% / 95%", "Total 5% / 95%"), &f.label)?;
            g.num(row, 1, s.total_p5, &f.num2)?;
            g.num(row, 2, s.total_p95, &f.num2)?;
            row += 1;
        }
        None => {
            g.text(row, 0, t(lang, "评级稳定性", "Rating stability"), &f.label)?;
            g.text(
                row,
                1,
                t(lang, "未计算（扰动次数为 0）", "not computed (no draws)"),
                &f.text,
            )?;
            row += 1;
        }
    }
    g.text(
        row,
        0,
        t(
            lang,
            "晋星计划搜索的组合 / 上限",
            "Plan: sets tried / limit",
        ),
        &f.label,
    )?;
    g.num(row, 1, a.next_star.explored as f64, &f.int)?;
    g.num(row, 2, a.next_star.cap as f64, &f.int)?;
    row += 1;
    row += 1;
    g.loose(
        row,
        0,
        t(
            lang,
            "同一输入、同一 SOURCE_DATE_EPOCH 生成的工作簿逐字节相同。",
            "The same inputs and SOURCE_DATE_EPOCH give a byte-identical workbook.",
        ),
        &f.note,
    )?;
    g.finish(10.0, 70.0, &[])
}
