//! Gap analysis: how far an entity is behind (or ahead of) a benchmark, per
//! indicator and per dimension. Pure functions; the assessment supplies the
//! entity's values and a way to re-score its total.
//!
//! ```text
//! let bench = Benchmark::from_file(&zhejiang);
//! let gaps = analyse(&standard, &values, total, &bench, &|code, v| total_with(code, v));
//! ```

use super::{Benchmark, BenchmarkValue, Bound, NotCompared, ValueOrigin};
use crate::standard::{DimensionRole, Direction, Standard};
use indexmap::IndexMap;
use serde::Serialize;

/// The gaps to one benchmark (one element of the assessment's `gaps[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapAnalysis {
    /// The benchmark's name (`zhejiang`, `peer (median)`, …).
    pub benchmark: String,
    /// The name a reader sees (浙江省 / Zhejiang).
    pub benchmark_name_zh: String,
    pub benchmark_name_en: String,
    /// The entity's total score the points at stake are counted from.
    pub total: f64,
    /// Indicators with a comparable benchmark value, most points at stake first
    /// (ties by code).
    pub indicators: Vec<IndicatorGap>,
    /// Scored dimensions, in the standard's order.
    pub dimensions: Vec<DimensionGap>,
    /// Benchmark figures that name an indicator but are not compared, with why.
    pub not_compared: Vec<NotCompared>,
}

impl GapAnalysis {
    /// A gap to a cohort of the batch (`--benchmark cohort`).
    pub fn is_cohort(&self) -> bool {
        self.indicators
            .iter()
            .any(|i| matches!(i.origin, ValueOrigin::Cohort { .. }))
    }

    /// The benchmark's name in `lang`, falling back to its command-line name.
    pub fn display_name(&self, lang: crate::Lang) -> &str {
        let n = lang.pick(&self.benchmark_name_zh, &self.benchmark_name_en);
        if n.is_empty() { &self.benchmark } else { n }
    }
}

/// One indicator against the benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorGap {
    pub code: String,
    pub dimension: String,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    /// The entity's value; `None` when missing.
    pub own: Option<f64>,
    /// The benchmark value (a bound when `bound` is set: the benchmark is at least / at most this).
    pub benchmark: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// How far behind, in the indicator's direction (positive = behind, negative = ahead):
    /// benchmark − own where higher is better, own − benchmark where lower is better;
    /// the whole benchmark value when own is missing. Four decimals.
    pub gap: f64,
    /// `gap` ÷ |benchmark|; `None` when the benchmark value is 0. Four decimals.
    pub relative_gap: Option<f64>,
    /// Stars the entity's value earns (0 when missing).
    pub own_stars: u8,
    /// Stars the benchmark value would earn.
    pub benchmark_stars: u8,
    /// max(0, total with this indicator at the benchmark value − current total). Two decimals.
    pub points_at_stake: f64,
    /// The star above `own_stars` and what it requires; `None` at 5★.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_star: Option<NextStar>,
    /// Where the benchmark value comes from (figure with source/year/entity, entity, cohort).
    pub origin: ValueOrigin,
}

/// The next star of an indicator and its requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextStar {
    pub stars: u8,
    /// The value needed, for threshold kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<f64>,
    /// The standard's wording of the indicator's requirement.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub requirement_zh: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub requirement_en: String,
}

/// One scored dimension against the benchmark, over the weighted indicators
/// both have (weights renormalised over that shared set).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionGap {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// The entity's score over the shared indicators (0–100, two decimals); `None` if none shared.
    pub own_score: Option<f64>,
    /// The benchmark's score over the same indicators.
    pub benchmark_score: Option<f64>,
    /// benchmark_score − own_score (positive = behind).
    pub gap: Option<f64>,
    /// Number of weighted indicators both have.
    pub shared: usize,
    /// Number of weighted indicators in the dimension.
    pub weighted: usize,
    /// The shared indicator codes.
    pub indicators: Vec<String>,
}

/// Compares an entity with a benchmark.
///
/// * `standard` — the standard the entity is assessed against.
/// * `own` — the entity's computed indicator values (code → value, `None` = missing).
/// * `total` — the entity's current total score.
/// * `benchmark` — what to compare against ([`Benchmark::from_file`],
///   [`Benchmark::entity`], [`Benchmark::cohort`]).
/// * `total_if` — the entity's total score if indicator `code` had value `v`,
///   every other value unchanged; gives the points at stake.
///
/// A benchmark value is compared when the standard has its indicator and the
/// units agree; otherwise it goes to `not_compared` with the reason, as do the
/// file's figures marked `comparable = false`.
pub fn analyse(
    standard: &Standard,
    own: &IndexMap<String, Option<f64>>,
    total: f64,
    benchmark: &Benchmark,
    total_if: &dyn Fn(&str, f64) -> f64,
) -> GapAnalysis {
    let mut not_compared = benchmark.not_compared.clone();
    let mut usable: IndexMap<&str, &BenchmarkValue> = IndexMap::new();
    for (code, bv) in &benchmark.values {
        match standard.indicator(code) {
            None => not_compared.push(not_compared_value(
                code,
                bv,
                format!("no indicator {code} in standard {}", standard.id()),
                format!("标准 {} 中没有指标 {code}", standard.id()),
            )),
            Some(ind) if ind.unit != bv.unit => not_compared.push(not_compared_value(
                code,
                bv,
                format!(
                    "unit \"{}\" differs from the indicator's unit \"{}\"",
                    bv.unit, ind.unit
                ),
                format!("单位“{}”与指标单位“{}”不同", bv.unit, ind.unit),
            )),
            Some(_) => {
                usable.insert(code.as_str(), bv);
            }
        }
    }

    let mut indicators: Vec<IndicatorGap> = standard
        .indicator
        .iter()
        .filter_map(|ind| {
            let bv = usable.get(ind.code.as_str())?;
            let mine = own.get(&ind.code).copied().flatten();
            let gap = match (mine, ind.direction) {
                (None, _) => bv.value,
                (Some(v), Direction::Higher) => bv.value - v,
                (Some(v), Direction::Lower) => v - bv.value,
            };
            let own_stars = mine.map_or(0, |v| ind.stars_for(v));
            let next_star = (own_stars < 5).then(|| NextStar {
                stars: own_stars + 1,
                requirement: ind.requirement(own_stars + 1),
                requirement_zh: ind.requirement_zh.clone(),
                requirement_en: ind.requirement_en.clone(),
            });
            Some(IndicatorGap {
                code: ind.code.clone(),
                dimension: ind.dimension.clone(),
                name_zh: ind.name_zh.clone(),
                name_en: ind.name_en.clone(),
                unit: ind.unit.clone(),
                direction: ind.direction,
                own: mine,
                benchmark: bv.value,
                bound: bv.bound,
                gap: round(gap, 4),
                relative_gap: (bv.value != 0.0).then(|| round(gap / bv.value.abs(), 4)),
                own_stars,
                benchmark_stars: ind.stars_for(bv.value),
                points_at_stake: round((total_if(&ind.code, bv.value) - total).max(0.0), 2),
                next_star,
                origin: bv.origin.clone(),
            })
        })
        .collect();
    indicators.sort_by(|a, b| {
        b.points_at_stake
            .total_cmp(&a.points_at_stake)
            .then_with(|| a.code.cmp(&b.code))
    });

    let dimensions = standard
        .dimension
        .iter()
        .filter(|d| d.role == DimensionRole::Scored)
        .map(|d| {
            let weighted: Vec<_> = standard
                .indicators_of(&d.code)
                .filter(|i| i.role.is_weighted())
                .collect();
            let shared: Vec<_> = weighted
                .iter()
                .filter_map(|i| {
                    let mine = own.get(&i.code).copied().flatten()?;
                    let bv = usable.get(i.code.as_str())?;
                    Some((*i, mine, bv.value))
                })
                .collect();
            let w_sum: f64 = shared.iter().map(|(i, ..)| i.weight.unwrap_or(0.0)).sum();
            let score = |pick: fn(&(f64, f64)) -> f64| {
                (w_sum > 0.0).then(|| {
                    let s: f64 = shared
                        .iter()
                        .map(|(i, mine, theirs)| {
                            i.weight.unwrap_or(0.0)
                                * standard.indicator_score(i, pick(&(*mine, *theirs)))
                        })
                        .sum();
                    round(s / w_sum, 2)
                })
            };
            let own_score = score(|p| p.0);
            let benchmark_score = score(|p| p.1);
            DimensionGap {
                code: d.code.clone(),
                name_zh: d.name_zh.clone(),
                name_en: d.name_en.clone(),
                own_score,
                benchmark_score,
                gap: own_score.zip(benchmark_score).map(|(o, b)| round(b - o, 2)),
                shared: shared.len(),
                weighted: weighted.len(),
                indicators: shared.iter().map(|(i, ..)| i.code.clone()).collect(),
            }
        })
        .collect();

    GapAnalysis {
        benchmark: benchmark.name.clone(),
        benchmark_name_zh: benchmark.name_zh.clone(),
        benchmark_name_en: benchmark.name_en.clone(),
        total,
        indicators,
        dimensions,
        not_compared,
    }
}

fn not_compared_value(code: &str, bv: &BenchmarkValue, why: String, why_zh: String) -> NotCompared {
    let (metric_zh, metric_en, year, entity, source) = match &bv.origin {
        ValueOrigin::Figure {
            metric_zh,
            metric_en,
            year,
            entity,
            source,
            ..
        } => (
            metric_zh.clone(),
            metric_en.clone(),
            Some(*year),
            entity.clone(),
            source.clone(),
        ),
        ValueOrigin::Entity { name } => {
            (code.into(), code.into(), None, Some(name.clone()), vec![])
        }
        ValueOrigin::Cohort { .. } => (code.into(), code.into(), None, None, vec![]),
    };
    NotCompared {
        indicator: code.into(),
        metric_zh,
        metric_en,
        value: bv.value,
        bound: bv.bound,
        unit: bv.unit.clone(),
        year,
        entity,
        source,
        why,
        why_zh: Some(why_zh),
    }
}

fn round(x: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    let r = (x * k).round() / k;
    if r == 0.0 { 0.0 } else { r }
}
