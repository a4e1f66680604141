//! Benchmarks: published figures of other provinces and cities (one TOML file
//! each, `standards/benchmarks/`), and the gap analysis that compares an
//! entity's indicator values with a benchmark.
//!
//! A [`BenchmarkFile`] is what a file says, every figure with its year, unit,
//! definition note and source address. A [`Benchmark`] is what a gap analysis
//! compares against: one value per indicator code, built from the comparable
//! figures of a file ([`Benchmark::from_file`]), from another entity's values
//! ([`Benchmark::entity`]) or from a cohort ([`Benchmark::cohort`]).

pub mod embedded;
pub mod gap;
pub mod load;

use crate::standard::{Direction, Standard};
use indexmap::IndexMap;
use serde::Serialize;

pub use gap::{DimensionGap, GapAnalysis, IndicatorGap, NextStar, analyse};
pub use load::{LoadError, load_str};

/// The indicator codes the shipped benchmark figures map to, with their units.
/// The embedded city and county standards define every one of them.
pub const REFERENCE_CODES: &[(&str, &str)] = &[
    ("ZF-01", "%"),
    ("ZF-02", "%"),
    ("ZF-03", "%"),
    ("ZF-04", "%"),
    ("ZF-05", "%"),
    ("ZF-06", "个"),
    ("JC-01", "个/万人"),
    ("JC-02", "%"),
    ("JJ-01", "%"),
    ("JJ-02", "%"),
];

/// What kind of place a benchmark describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    Province,
    /// A province-level municipality (直辖市): Beijing, Shanghai, …
    Municipality,
    City,
    County,
    Community,
}

impl PlaceKind {
    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::Province => "province",
            PlaceKind::Municipality => "municipality",
            PlaceKind::City => "city",
            PlaceKind::County => "county",
            PlaceKind::Community => "community",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            PlaceKind::Province => "省",
            PlaceKind::Municipality => "直辖市",
            PlaceKind::City => "市",
            PlaceKind::County => "县（市、区）",
            PlaceKind::Community => "社区",
        }
    }
}

/// A figure published as “more than x” (`Above`) or “less than x” (`Below`):
/// the stored value is the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    Above,
    Below,
}

impl Bound {
    /// The sign written before the value: `>` or `<`.
    pub fn sign(self) -> &'static str {
        match self {
            Bound::Above => ">",
            Bound::Below => "<",
        }
    }
}

/// One published figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The indicator code it is compared with; `None` for context figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The measure exactly as published (e.g. 网上办事实现率).
    pub metric_zh: String,
    pub metric_en: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    pub unit: String,
    pub year: i32,
    /// The date as published (e.g. `2020-07`, `end-Apr 2022`), when finer than a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whose figure it is when not the benchmark's own area (e.g. 杭州市).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// What the figure measures, in English.
    pub definition: String,
    /// The same note in Chinese; every shipped figure has it, a user's file
    /// may leave it out (the English is shown instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition_zh: Option<String>,
    /// Source addresses.
    pub source: Vec<String>,
    pub derived: bool,
    /// For a derived figure, the sourced numbers it is computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    /// The same inputs in Chinese (optional, like `definition_zh`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs_zh: Vec<String>,
    /// The published measure matches the indicator's definition.
    pub comparable: bool,
    /// Why not comparable, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The same reason in Chinese (optional in a user's file, like `definition_zh`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_zh: Option<String>,
}

impl Figure {
    /// The definition note in `lang`; Chinese falls back to the English
    /// when the file gives no `definition_zh`.
    pub fn definition(&self, lang: crate::Lang) -> &str {
        lang.pick(
            self.definition_zh.as_deref().unwrap_or(&self.definition),
            &self.definition,
        )
    }

    /// Why the figure is not compared, in `lang`, with the same fallback.
    pub fn why(&self, lang: crate::Lang) -> Option<&str> {
        let en = self.why.as_deref()?;
        Some(lang.pick(self.why_zh.as_deref().unwrap_or(en), en))
    }

    /// `2020-07`, or the year when no finer date was published.
    pub fn when(&self) -> String {
        self.date.clone().unwrap_or_else(|| self.year.to_string())
    }

    /// [`Figure::when`] in `lang`: the English words of a published date
    /// (`end-Apr 2022`, `H1 2021`, `early 2023`) said in Chinese.
    pub fn when_in(&self, lang: crate::Lang) -> String {
        let when = self.when();
        match lang {
            crate::Lang::En => when,
            crate::Lang::Zh => date_zh(&when).unwrap_or(when),
        }
    }

    /// The inputs of a derived figure in `lang` (the English when the file
    /// gives no `inputs_zh`).
    pub fn inputs(&self, lang: crate::Lang) -> &[String] {
        match lang {
            crate::Lang::Zh if !self.inputs_zh.is_empty() => &self.inputs_zh,
            _ => &self.inputs,
        }
    }

    /// The value as published: `>90`, `18.8`.
    pub fn shown_value(&self) -> String {
        format!(
            "{}{}",
            self.bound.map_or("", Bound::sign),
            format_number(self.value)
        )
    }
}

/// A benchmark file: one province's or city's published figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkFile {
    /// The name typed on the command line (`zhejiang`).
    pub name: String,
    pub kind: PlaceKind,
    pub name_zh: String,
    pub name_en: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The note in Chinese (falls back to the English).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note_zh: String,
    /// `embedded:zhejiang.toml` or the path it was read from.
    pub origin: String,
    pub figures: Vec<Figure>,
}

impl BenchmarkFile {
    /// The file's note in `lang`.
    pub fn note(&self, lang: crate::Lang) -> &str {
        if lang == crate::Lang::Zh && !self.note_zh.is_empty() {
            &self.note_zh
        } else {
            &self.note
        }
    }

    pub fn display_name(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.name_zh, &self.name_en)
    }

    /// (first, last) year of its figures.
    pub fn years(&self) -> Option<(i32, i32)> {
        let min = self.figures.iter().map(|f| f.year).min()?;
        let max = self.figures.iter().map(|f| f.year).max()?;
        Some((min, max))
    }

    /// Indicator codes with at least one comparable figure, in file order.
    pub fn comparable_codes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.figures {
            if let (true, Some(code)) = (f.comparable, &f.indicator)
                && !out.contains(&code.as_str())
            {
                out.push(code);
            }
        }
        out
    }
}

/// Indicator codes and units a benchmark file is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Names the catalog in messages (a standard id, or the reference list).
    pub origin: crate::tomlread::Message,
    units: IndexMap<String, String>,
}

impl Catalog {
    /// The indicators of a standard.
    pub fn of(standard: &Standard) -> Catalog {
        Catalog {
            origin: crate::tomlread::words::said!(
                crate::tomlread::words::CATALOG_STANDARD,
                standard.id()
            ),
            units: standard
                .indicator
                .iter()
                .map(|i| (i.code.clone(), i.unit.clone()))
                .collect(),
        }
    }

    /// [`REFERENCE_CODES`], the codes the shipped figures map to.
    pub fn reference() -> Catalog {
        Catalog {
            origin: crate::tomlread::words::said!(crate::tomlread::words::CATALOG_REFERENCE),
            units: REFERENCE_CODES
                .iter()
                .map(|(c, u)| (c.to_string(), u.to_string()))
                .collect(),
        }
    }

    pub fn unit(&self, code: &str) -> Option<&str> {
        self.units.get(code).map(String::as_str)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.units.keys().map(String::as_str)
    }
}

/// Where a benchmark value comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "from", rename_all = "kebab-case")]
pub enum ValueOrigin {
    /// A published figure of a benchmark file.
    Figure {
        metric_zh: String,
        metric_en: String,
        year: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        entity: Option<String>,
        source: Vec<String>,
        derived: bool,
    },
    /// Another entity's computed value.
    Entity { name: String },
    /// A statistic over a cohort of `n` entities that have a value.
    Cohort {
        statistic: CohortStatistic,
        n: usize,
    },
}

/// Which cohort statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CohortStatistic {
    Median,
    /// The quartile on the better side, in the indicator's direction.
    TopQuartile,
}

/// One benchmark value for one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkValue {
    pub value: f64,
    /// Set when the figure was published as “more than” / “less than” the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    pub unit: String,
    #[serde(flatten)]
    pub origin: ValueOrigin,
}

/// A figure that names an indicator but is not compared, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCompared {
    pub indicator: String,
    pub metric_zh: String,
    pub metric_en: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    pub unit: String,
    /// Year of the figure; `None` for entity or cohort values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<String>,
    /// Why, in English.
    pub why: String,
    /// Why, in Chinese; absent when a user's file gives no `why_zh`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_zh: Option<String>,
}

impl NotCompared {
    /// The reason in `lang`; Chinese falls back to the English.
    pub fn why(&self, lang: crate::Lang) -> &str {
        lang.pick(self.why_zh.as_deref().unwrap_or(&self.why), &self.why)
    }
}

/// What a gap analysis compares against: one value per indicator code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub name: String,
    /// The name a reader sees, in each language (浙江省 / Zhejiang).
    pub name_zh: String,
    pub name_en: String,
    pub values: IndexMap<String, BenchmarkValue>,
    /// Figures naming an indicator whose definition differs (never compared).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_compared: Vec<NotCompared>,
}

impl Benchmark {
    /// The comparable figures of a file, one per indicator: the latest by
    /// `year`, and of figures of the same year the one written last in the
    /// file (files are kept in date order). Figures with `comparable = false`
    /// go to `not_compared`; context figures (no indicator) are left out.
    pub fn from_file(file: &BenchmarkFile) -> Benchmark {
        let mut values: IndexMap<String, (i32, BenchmarkValue)> = IndexMap::new();
        let mut not_compared = Vec::new();
        for f in &file.figures {
            let Some(code) = &f.indicator else { continue };
            if !f.comparable {
                not_compared.push(NotCompared {
                    indicator: code.clone(),
                    metric_zh: f.metric_zh.clone(),
                    metric_en: f.metric_en.clone(),
                    value: f.value,
                    bound: f.bound,
                    unit: f.unit.clone(),
                    year: Some(f.year),
                    entity: f.entity.clone(),
                    source: f.source.clone(),
                    why: f.why.clone().unwrap_or_default(),
                    why_zh: f.why_zh.clone(),
                });
                continue;
            }
            let v = BenchmarkValue {
                value: f.value,
                bound: f.bound,
                unit: f.unit.clone(),
                origin: ValueOrigin::Figure {
                    metric_zh: f.metric_zh.clone(),
                    metric_en: f.metric_en.clone(),
                    year: f.year,
                    date: f.date.clone(),
                    entity: f.entity.clone(),
                    source: f.source.clone(),
                    derived: f.derived,
                },
            };
            match values.get_mut(code) {
                Some((y, old)) if f.year >= *y => {
                    *y = f.year;
                    *old = v;
                }
                Some(_) => {}
                None => {
                    values.insert(code.clone(), (f.year, v));
                }
            }
        }
        Benchmark {
            name: file.name.clone(),
            name_zh: file.name_zh.clone(),
            name_en: file.name_en.clone(),
            values: values.into_iter().map(|(k, (_, v))| (k, v)).collect(),
            not_compared,
        }
    }

    /// Another entity's computed values as a benchmark (missing values are
    /// left out). Units are taken from the standard; codes it does not know
    /// are left out.
    pub fn entity(
        name: &str,
        standard: &Standard,
        values: &IndexMap<String, Option<f64>>,
    ) -> Benchmark {
        let values = values
            .iter()
            .filter_map(|(code, v)| {
                let ind = standard.indicator(code)?;
                Some((
                    code.clone(),
                    BenchmarkValue {
                        value: (*v)?,
                        bound: None,
                        unit: ind.unit.clone(),
                        origin: ValueOrigin::Entity { name: name.into() },
                    },
                ))
            })
            .collect();
        Benchmark {
            name: name.into(),
            name_zh: name.into(),
            name_en: name.into(),
            values,
            not_compared: Vec::new(),
        }
    }

    /// The median and the top quartile of a cohort, per indicator of the
    /// standard, over the entities that have a value for it.
    ///
    /// Quantiles interpolate linearly between order statistics (the
    /// “type 7” rule of R and numpy, Excel's PERCENTILE.INC). The top quartile
    /// is taken in each indicator's direction: the 75th percentile where
    /// higher is better, the 25th where lower is better. Indicators no entity
    /// has are left out. The names are `NAME (median)` / `NAME (top quartile)`.
    pub fn cohort(
        name: &str,
        standard: &Standard,
        entities: &[IndexMap<String, Option<f64>>],
    ) -> Cohort {
        let mut median = IndexMap::new();
        let mut top = IndexMap::new();
        for ind in &standard.indicator {
            let mut xs: Vec<f64> = entities
                .iter()
                .filter_map(|e| e.get(&ind.code).copied().flatten())
                .filter(|x| x.is_finite())
                .collect();
            if xs.is_empty() {
                continue;
            }
            xs.sort_by(f64::total_cmp);
            let n = xs.len();
            let q_top = match ind.direction {
                Direction::Higher => 0.75,
                Direction::Lower => 0.25,
            };
            let make = |value, statistic| BenchmarkValue {
                value,
                bound: None,
                unit: ind.unit.clone(),
                origin: ValueOrigin::Cohort { statistic, n },
            };
            median.insert(
                ind.code.clone(),
                make(quantile(&xs, 0.5), CohortStatistic::Median),
            );
            top.insert(
                ind.code.clone(),
                make(quantile(&xs, q_top), CohortStatistic::TopQuartile),
            );
        }
        Cohort {
            median: Benchmark {
                name: format!("{name} (median)"),
                name_zh: format!("{} 中位数", cohort_zh(name)),
                name_en: format!("{name} median"),
                values: median,
                not_compared: Vec::new(),
            },
            top_quartile: Benchmark {
                name: format!("{name} (top quartile)"),
                name_zh: format!("{} 前四分之一", cohort_zh(name)),
                name_en: format!("{name} top quartile"),
                values: top,
                not_compared: Vec::new(),
            },
        }
    }
}

/// `cohort` is the batch itself (同批); another name is kept as given.
fn cohort_zh(name: &str) -> &str {
    if name == "cohort" { "同批" } else { name }
}

/// The two benchmarks a cohort gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    pub median: Benchmark,
    pub top_quartile: Benchmark,
}

/// Linear-interpolation quantile of sorted, non-empty data.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// A number without trailing zeros: `90`, `18.8`, `121600`.
pub use crate::format_number;

/// A published date's English words in Chinese: `end-2022` 2022年底,
/// `end-Apr 2022` 2022年4月底, `H1 2021` and `2020 H2` 2021年上半年 and
/// 2020年下半年, `early 2023` 2023年初, `mid-2024` 2024年年中, `~2023`
/// 约2023年. `None` for anything else (a numeric `2020-07` needs no words).
fn date_zh(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let year =
        |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_string());
    let d = date.trim();
    if let Some(rest) = d.strip_prefix("end-") {
        if let Some(y) = year(rest) {
            return Some(format!("{y}年底"));
        }
        let (mon, y) = rest.split_once(' ')?;
        let m = MONTHS.iter().position(|&x| x == mon)? + 1;
        return Some(format!("{}年{m}月底", year(y)?));
    }
    if let Some(y) = d.strip_prefix("mid-") {
        return Some(format!("{}年年中", year(y)?));
    }
    if let Some(y) = d.strip_prefix("early ") {
        return Some(format!("{}年初", year(y)?));
    }
    if let Some(y) = d.strip_prefix('~') {
        return Some(format!("约{}年", year(y)?));
    }
    let half = |h: &str| match h {
        "H1" => Some("上半年"),
        "H2" => Some("下半年"),
        _ => None,
    };
    let (a, b) = d.split_once(' ')?;
    match (half(a), half(b)) {
        (Some(h), None) => Some(format!("{}年{h}", year(b)?)),
        (None, Some(h)) => Some(format!("{}年{h}", year(a)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::date_zh;

    #[test]
    fn published_dates_in_chinese() {
        for (en, zh) in [
            ("end-2022", Some("2022年底")),
            ("end-Apr 2022", Some("2022年4月底")),
            ("end-Sep 2020", Some("2020年9月底")),
            ("H1 2021", Some("2021年上半年")),
            ("2020 H2", Some("2020年下半年")),
            ("early 2023", Some("2023年初")),
            ("mid-2024", Some("2024年年中")),
            ("~2023", Some("约2023年")),
            ("2020-07", None),
            ("end-Foo 2022", None),
            ("spring 2022", None),
        ] {
            assert_eq!(date_zh(en).as_deref(), zh, "{en}");
        }
    }
}
