//! The gap section shared by the terminal and Markdown renderers: the same
//! rows, two layouts.

use crate::Lang;
use crate::assess::score::fmt2;
use crate::benchmark::gap::{GapAnalysis, IndicatorGap};
use crate::benchmark::{CohortStatistic, ValueOrigin, format_number};
use crate::catalogue::common;
use crate::catalogue::terminal as m;

/// How many indicator gaps a human-readable report lists per benchmark.
pub const TOP: usize = 8;

/// Where a benchmark value comes from, briefly: "2022 · 浙江省 · derived".
pub fn origin_text(origin: &ValueOrigin, lang: Lang) -> String {
    match origin {
        ValueOrigin::Figure {
            year,
            date,
            entity,
            derived,
            ..
        } => {
            let mut parts = vec![date.clone().unwrap_or_else(|| year.to_string())];
            if let Some(e) = entity {
                parts.push(e.clone());
            }
            if *derived {
                parts.push(common::DERIVED.get(lang).to_string());
            }
            parts.join(" · ")
        }
        ValueOrigin::Entity { name } => name.clone(),
        ValueOrigin::Cohort { statistic, n } => match statistic {
            CohortStatistic::Median => m::COHORT_MEDIAN.fill(lang, &[n]),
            CohortStatistic::TopQuartile => m::COHORT_TOP_QUARTILE.fill(lang, &[n]),
        },
    }
}

/// The address a figure was published at, if it is one.
pub fn source_of(origin: &ValueOrigin) -> Option<&str> {
    match origin {
        ValueOrigin::Figure { source, .. } => source.first().map(String::as_str),
        _ => None,
    }
}

pub fn header(lang: Lang) -> Vec<&'static str> {
    vec![
        m::INDICATOR.get(lang),
        m::OWN.get(lang),
        m::BENCHMARK.get(lang),
        m::GAP.get(lang),
        m::STARS.get(lang),
        m::NEXT_STAR_NEEDS.get(lang),
        m::POINTS_AT_STAKE.get(lang),
    ]
}

fn value(x: f64, unit: &str, lang: Lang) -> String {
    format!(
        "{}{}",
        format_number(x),
        crate::assess::score::unit_suffix(unit, lang)
    )
}

pub fn row(g: &IndicatorGap, lang: Lang) -> Vec<String> {
    let name = lang.pick(&g.name_zh, &g.name_en);
    let bound = g.bound.map(|b| b.sign()).unwrap_or("");
    vec![
        format!("{} {name}", g.code),
        g.own
            .map(|x| value(x, &g.unit, lang))
            .unwrap_or_else(|| m::MISSING.get(lang).to_string()),
        format!(
            "{bound}{} ({})",
            value(g.benchmark, &g.unit, lang),
            origin_text(&g.origin, lang)
        ),
        if g.gap > 0.0 {
            format!("{} {}", format_number(g.gap), m::BEHIND.get(lang))
        } else if g.gap < 0.0 {
            format!("{} {}", format_number(-g.gap), m::AHEAD.get(lang))
        } else {
            m::LEVEL_WITH.get(lang).to_string()
        },
        format!("{}★ → {}★", g.own_stars, g.benchmark_stars),
        g.next_star
            .as_ref()
            .map_or("—".into(), |n| match n.requirement {
                Some(r) => format!("{}★ {}", n.stars, value(r, &g.unit, lang)),
                None => format!("{}★", n.stars),
            }),
        format!("+{}", fmt2(g.points_at_stake)),
    ]
}

/// The indicators where the entity is behind, most points at stake first
/// (the human-readable reports list these; JSON has every row).
pub fn behind(g: &GapAnalysis) -> impl Iterator<Item = &IndicatorGap> {
    g.indicators.iter().filter(|i| i.gap > 0.0)
}

/// "N comparable, M behind" and the count of those level or ahead.
pub fn ahead_line(g: &GapAnalysis, lang: Lang) -> Option<String> {
    let ahead = g.indicators.len() - behind(g).count();
    (ahead > 0).then(|| m::N_LEVEL_OR_AHEAD.fill(lang, &[&ahead]))
}

/// Dimension comparison over shared indicators, one line.
pub fn dimensions_line(g: &GapAnalysis, lang: Lang) -> Option<String> {
    let parts: Vec<String> = g
        .dimensions
        .iter()
        .filter(|d| d.shared > 0)
        .map(|d| {
            m::DIMENSION_VERSUS.fill(
                lang,
                &[
                    &d.code,
                    &d.own_score.map_or("—".into(), fmt2),
                    &d.benchmark_score.map_or("—".into(), fmt2),
                    &d.shared,
                    &d.weighted,
                ],
            )
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "{}{}",
            crate::render::colon(lang, m::DIMENSION_SCORES_SHARED),
            parts.join(" · ")
        )
    })
}

/// The figures that name an indicator but are not compared, with why, one line.
pub fn not_compared_line(g: &GapAnalysis, lang: Lang) -> Option<String> {
    (!g.not_compared.is_empty()).then(|| {
        let codes: Vec<String> = g
            .not_compared
            .iter()
            .map(|n| {
                let metric = lang.pick(&n.metric_zh, &n.metric_en);
                m::NOT_COMPARED_ITEM.fill(lang, &[&n.indicator, &metric, &n.why(lang)])
            })
            .collect();
        let label = crate::render::bracketed(
            lang,
            &m::DEFINED_DIFFERENTLY.get(lang),
            &g.not_compared.len(),
        );
        crate::catalogue::common::LABELLED.fill(
            lang,
            &[
                &label,
                &codes.join(crate::catalogue::common::LIST_SEPARATOR.get(lang)),
            ],
        )
    })
}

/// The section title for one benchmark.
pub fn title(g: &GapAnalysis, lang: Lang) -> String {
    m::GAPS_TITLE.fill(
        lang,
        &[
            &g.display_name(lang),
            &g.indicators.len(),
            &behind(g).count(),
        ],
    )
}
