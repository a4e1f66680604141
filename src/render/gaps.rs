//! The gap section shared by the terminal and Markdown renderers: the same
//! rows, two layouts.

use super::t;
use crate::Lang;
use crate::assess::score::fmt2;
use crate::benchmark::gap::{GapAnalysis, IndicatorGap};
use crate::benchmark::{CohortStatistic, ValueOrigin, format_number};

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
                parts.push(t(lang, "推算", "derived").to_string());
            }
            parts.join(" · ")
        }
        ValueOrigin::Entity { name } => name.clone(),
        ValueOrigin::Cohort { statistic, n } => match (statistic, lang) {
            (CohortStatistic::Median, Lang::Zh) => format!("{n} 个主体的中位数"),
            (CohortStatistic::Median, Lang::En) => format!("median of {n}"),
            (CohortStatistic::TopQuartile, Lang::Zh) => format!("{n} 个主体的前四分之一"),
            (CohortStatistic::TopQuartile, Lang::En) => format!("top quartile of {n}"),
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
        t(lang, "指标", "Indicator"),
        t(lang, "本地", "Own"),
        t(lang, "对标", "Benchmark"),
        t(lang, "差距", "Gap"),
        t(lang, "星级", "Stars"),
        t(lang, "下一星要求", "Next star needs"),
        t(lang, "可得分", "Points at stake"),
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
            .unwrap_or_else(|| t(lang, "缺失", "missing").to_string()),
        format!(
            "{bound}{} ({})",
            value(g.benchmark, &g.unit, lang),
            origin_text(&g.origin, lang)
        ),
        if g.gap > 0.0 {
            format!("{} {}", format_number(g.gap), t(lang, "落后", "behind"))
        } else if g.gap < 0.0 {
            format!("{} {}", format_number(-g.gap), t(lang, "领先", "ahead"))
        } else {
            t(lang, "持平", "level").to_string()
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
    (ahead > 0).then(|| match lang {
        Lang::Zh => format!("另有 {ahead} 项持平或领先"),
        Lang::En => format!("{ahead} more level with or ahead of the benchmark"),
    })
}

/// Dimension comparison over shared indicators, one line.
pub fn dimensions_line(g: &GapAnalysis, lang: Lang) -> Option<String> {
    let parts: Vec<String> = g
        .dimensions
        .iter()
        .filter(|d| d.shared > 0)
        .map(|d| {
            format!(
                "{} {} {} {} ({}/{})",
                d.code,
                d.own_score.map_or("—".into(), fmt2),
                t(lang, "对", "vs"),
                d.benchmark_score.map_or("—".into(), fmt2),
                d.shared,
                d.weighted
            )
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "{}: {}",
            t(
                lang,
                "维度得分（仅计双方都有的指标，括号内为覆盖）",
                "dimension scores over the indicators both have (coverage)"
            ),
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
                match lang {
                    Lang::Zh => format!("{} {metric}（{}）", n.indicator, n.why(lang)),
                    Lang::En => format!("{} {metric} ({})", n.indicator, n.why(lang)),
                }
            })
            .collect();
        format!(
            "{} ({}): {}",
            t(
                lang,
                "口径不同，未比较",
                "defined differently, not compared"
            ),
            g.not_compared.len(),
            codes.join("; ")
        )
    })
}

/// The section title for one benchmark.
pub fn title(g: &GapAnalysis, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "对标 {}：{} 项可比指标，{} 项落后，按可得分排序",
            g.display_name(lang),
            g.indicators.len(),
            behind(g).count()
        ),
        Lang::En => format!(
            "Gaps to {}: {} comparable indicators, {} behind, by points at stake",
            g.display_name(lang),
            g.indicators.len(),
            behind(g).count()
        ),
    }
}
