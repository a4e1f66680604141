//! The standard as data: one level (city, county, community) of a graded
//! smart-city indicator standard, loaded from TOML in two phases
//! (`load::parse` keeps spans, `load::validate` collects every problem).

pub mod embedded;
pub mod load;
pub mod table;

use indexmap::IndexMap;
use serde::Serialize;

pub use load::{LoadError, Problem, load_str};

/// The administrative level a standard (and a submission) is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    City,
    County,
    Community,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::City, Level::County, Level::Community];

    pub fn key(self) -> &'static str {
        match self {
            Level::City => "city",
            Level::County => "county",
            Level::Community => "community",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Level::City => "市级",
            Level::County => "县级",
            Level::Community => "智慧社区",
        }
    }

    /// Accepts the English key and the Chinese words a 基本信息 sheet uses.
    pub fn parse(text: &str) -> Option<Level> {
        let t = text.trim().to_lowercase();
        match t.as_str() {
            "city" | "市" | "市级" | "地级市" | "设区市" | "城市" => Some(Level::City),
            "county" | "县" | "县级" | "县(市、区)" | "县（市、区）" | "县市区" | "区县" => {
                Some(Level::County)
            }
            "community" | "社区" | "智慧社区" | "社区级" => Some(Level::Community),
            _ => None,
        }
    }
}

/// Which way an indicator's value is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    /// True when `value` meets `requirement` in this direction: both are
    /// rounded to six decimal places ([`micro`]) and then compared exactly
    /// (docs/scoring.md §0). So 7.2 of 12 is 60% and meets 60, while
    /// 1,434.62 of 1,793.28 is 79.999777% and does not meet 80.
    pub fn meets(self, value: f64, requirement: f64) -> bool {
        let (v, r) = (micro(value), micro(requirement));
        match self {
            Direction::Higher => v >= r,
            Direction::Lower => v <= r,
        }
    }
}

/// The one rounding every comparison uses: half away from zero on the sixth
/// decimal place. `k / 1e6` is the nearest float to the decimal k × 10⁻⁶, so
/// a requirement written with up to six decimals compares exactly with it.
/// Values too large for six decimals in a float (|x| ≥ 2⁵³ × 10⁻⁶) are kept.
pub fn micro(x: f64) -> f64 {
    let y = x * 1e6;
    if !y.is_finite() || y.abs() >= 9_007_199_254_740_992.0 {
        return x;
    }
    // A zero keeps the sign `round` gives it (-0.3 rounds to -0).
    let m = round_whole(y);
    let r = if m == 0 { 0.0f64.copysign(y) } else { m as f64 };
    r / 1e6
}

/// `y.round()` as an integer, without a call into libm, for a finite `y`
/// below 2^53 in magnitude: there the truncation and the fraction are exact,
/// and halves go away from zero as `round` does.
fn round_whole(y: f64) -> i64 {
    let t = y as i64;
    let f = y - t as f64;
    if f >= 0.5 {
        t + 1
    } else if f <= -0.5 {
        t - 1
    } else {
        t
    }
}

/// Round half away from zero on the cent, after [`micro`]: the total and the
/// dimension scores everyone sees. 82.265 (stored as 82.26499…) gives 82.27,
/// as it does by hand.
pub fn round_cents(x: f64) -> f64 {
    let y = x * 1e6;
    if !y.is_finite() || y.abs() >= 9_007_199_254_740_992.0 {
        return (x * 100.0).round() / 100.0;
    }
    let m = round_whole(y);
    let c = (m.abs() + 5_000) / 10_000;
    (if m < 0 { -c } else { c }) as f64 / 100.0
}

/// How an indicator counts towards the rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Weighted into its dimension's score.
    Scored,
    /// Scored like `Scored`, and rating rules may require a minimum star on it (必选).
    Mandatory,
    /// Adds up to `points` to the total (加分项).
    Bonus,
    /// Subtracts up to `points` from the total (扣分项).
    Deduction,
}

impl Role {
    /// Scored and mandatory indicators carry a weight inside their dimension.
    pub fn is_weighted(self) -> bool {
        matches!(self, Role::Scored | Role::Mandatory)
    }
}

/// How a dimension (一级指标) counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DimensionRole {
    Scored,
    /// Holds only bonus items (e.g. 地方特色); carries no weight.
    Bonus,
}

/// A label for one input cell of the submission workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputLabel {
    pub zh: String,
    pub en: String,
    pub unit: String,
}

/// One option of a graded indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeOption {
    pub zh: String,
    pub en: String,
    pub stars: u8,
}

/// One sub-condition of an `all-of` indicator: an input and the value it
/// needs for each star (all five equal: a pass/fail line, met → 5★).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubCondition {
    pub zh: String,
    pub en: String,
    pub unit: String,
    pub stars: [f64; 5],
}

impl SubCondition {
    pub fn label(&self) -> InputLabel {
        InputLabel {
            zh: self.zh.clone(),
            en: self.en.clone(),
            unit: self.unit.clone(),
        }
    }

    /// Stars this sub-condition's value earns (the indicator's direction).
    pub fn stars_for(&self, direction: Direction, value: f64) -> u8 {
        ladder_stars(&self.stars, direction, value)
    }
}

/// The highest star whose requirement `value` meets; 0 if none.
fn ladder_stars(req: &[f64; 5], direction: Direction, value: f64) -> u8 {
    // `Direction::meets` against each requirement, the value rounded once.
    let v = micro(value);
    (0..5)
        .rev()
        .find(|&i| {
            let r = micro(req[i]);
            match direction {
                Direction::Higher => v >= r,
                Direction::Lower => v <= r,
            }
        })
        .map_or(0, |i| i as u8 + 1)
}

/// Most sub-conditions an `all-of` indicator may have (workbook rows `CODE.1` … `CODE.9`).
pub const MAX_CONDITIONS: usize = 9;

/// Units counted in whole items: their inputs are entered as whole numbers.
pub const COUNT_UNITS: &[&str] = &[
    "个", "项", "人", "台", "家", "次", "座", "套", "户", "件", "条", "所", "处", "辆", "张", "部",
    "路", "兆瓦", "盏", "间", "块", "人次",
];

/// A unit's name in `lang` (the standard files write the Chinese; the
/// benchmark files two English units as published).
pub fn unit_name(unit: &str, lang: crate::Lang) -> &str {
    if lang == crate::Lang::Zh {
        return match unit {
            "million" => "百万",
            "bn yuan" => "十亿元",
            other => other,
        };
    }
    match unit {
        "分" => "points",
        "个/万人" => "per 10,000 residents",
        "个" => "",
        "项" => "items",
        "级" => "grade",
        "户" => "households",
        "人" => "persons",
        "万人" => "× 10,000 persons",
        "万元" => "× 10,000 yuan",
        "亿元" => "× 100 million yuan",
        "人次" => "visits",
        "年" => "",
        other => other,
    }
}

/// Whether a value in `unit` is a count of whole things (items, households,
/// persons, visits), so that a fraction in its cell is a mistake. Power
/// (兆瓦) is formatted whole but may be fractional.
pub fn is_count_unit(unit: &str) -> bool {
    unit != "兆瓦" && COUNT_UNITS.contains(&unit)
}

/// Decimals an input is entered with, as the template formats it: percent
/// cells one decimal of a percent (`0.0%`), counts whole numbers, survey
/// scores (分) one decimal, everything else two.
pub fn input_decimals(unit: &str, percent: bool) -> u32 {
    if percent {
        1
    } else if COUNT_UNITS.contains(&unit) {
        0
    } else if unit == "分" {
        1
    } else {
        2
    }
}

/// `x` rounded to `decimals` places, up (towards +∞) or down, on its
/// six-decimal value ([`micro`]): 1,434.624 → 1,434.63 up, 7.199999999999999
/// → 7.2 either way.
pub fn round_toward(x: f64, decimals: u32, up: bool) -> f64 {
    let decimals = decimals.min(6);
    let y = x * 1e6;
    if !y.is_finite() || y.abs() >= 9.0e15 {
        let f = 10f64.powi(decimals as i32);
        return if up {
            (x * f).ceil() / f
        } else {
            (x * f).floor() / f
        };
    }
    let m = round_whole(y);
    let q = 10i64.pow(6 - decimals);
    let k = if up {
        m.div_euclid(q) + i64::from(m.rem_euclid(q) != 0)
    } else {
        m.div_euclid(q)
    };
    k as f64 / 10f64.powi(decimals as i32)
}

/// `a × b` compared with `c × d`, exactly, on the shortest decimals of the
/// four floats (what a person typed or read): no rounding, no tolerance.
/// Falls back to floats only when the products do not fit 38 digits.
pub fn cmp_products(a: f64, b: f64, c: f64, d: f64) -> std::cmp::Ordering {
    fn dec(x: f64) -> Option<(i128, i32)> {
        let s = format!("{x:e}");
        let (mant, exp) = s.split_once('e')?;
        let exp: i32 = exp.parse().ok()?;
        let (neg, mant) = match mant.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mant),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let m: i128 = format!("{int}{frac}").parse().ok()?;
        Some((if neg { -m } else { m }, exp - frac.len() as i32))
    }
    let exact = || -> Option<std::cmp::Ordering> {
        let (m1, e1) = dec(a)?;
        let (m2, e2) = dec(b)?;
        let (m3, e3) = dec(c)?;
        let (m4, e4) = dec(d)?;
        let (p, ep) = (m1.checked_mul(m2)?, e1 + e2);
        let (q, eq) = (m3.checked_mul(m4)?, e3 + e4);
        let e = ep.min(eq);
        let scale = |m: i128, from: i32| -> Option<i128> {
            let k = u32::try_from(from - e).ok()?;
            m.checked_mul(10i128.checked_pow(k)?)
        };
        Some(scale(p, ep)?.cmp(&scale(q, eq)?))
    };
    exact().unwrap_or_else(|| (a * b).total_cmp(&(c * d)))
}

/// What an indicator's value is computed from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// value = numerator / denominator × 100, in %.
    Ratio {
        numerator: InputLabel,
        denominator: InputLabel,
    },
    /// value = count / resident population × `per` (population from 基本信息).
    PerPopulation { count: InputLabel, per: f64 },
    /// A single percentage, entered as a percent cell (85% is stored as 0.85).
    Percent { input: InputLabel },
    /// A plain number or count.
    Number { input: InputLabel },
    /// A yes/no item: the stars for each answer.
    YesNo { yes_stars: u8, no_stars: u8 },
    /// One option from a graded list; each option carries its stars.
    Grade { options: Vec<GradeOption> },
    /// A survey score on 0–100 from a third-party or citizen survey.
    Survey { input: InputLabel },
    /// Several conditions at once (e.g. camera coverage, networking and
    /// intact rates ≥ 90% and image availability ≥ 80%): the indicator earns
    /// a star when every sub-condition meets its requirement for that star.
    /// Its value is that star count.
    AllOf { conditions: Vec<SubCondition> },
}

impl Kind {
    pub fn key(&self) -> &'static str {
        match self {
            Kind::Ratio { .. } => "ratio",
            Kind::PerPopulation { .. } => "per-population",
            Kind::Percent { .. } => "percent",
            Kind::Number { .. } => "number",
            Kind::YesNo { .. } => "yes-no",
            Kind::Grade { .. } => "grade",
            Kind::Survey { .. } => "survey",
            Kind::AllOf { .. } => "all-of",
        }
    }

    /// Kinds whose stars come from numeric thresholds (`stars = [..]`).
    pub fn has_thresholds(&self) -> bool {
        !matches!(
            self,
            Kind::YesNo { .. } | Kind::Grade { .. } | Kind::AllOf { .. }
        )
    }
}

/// The data items a submission gives for one indicator, each a row of 指标填报.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputItem {
    Numerator,
    Denominator,
    Count,
    Value,
    Choice,
    /// Sub-condition k (1-based) of an `all-of` indicator.
    Part(u8),
}

impl InputItem {
    /// The suffix on the indicator code in the workbook's code column
    /// (`A01.N`, `A01.D`, `A01.C`; plain `A01` for single-input kinds).
    pub fn suffix(self) -> &'static str {
        match self {
            InputItem::Numerator => ".N",
            InputItem::Denominator => ".D",
            InputItem::Count => ".C",
            InputItem::Value | InputItem::Choice => "",
            InputItem::Part(k) => {
                const PARTS: [&str; MAX_CONDITIONS] =
                    [".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9"];
                PARTS
                    .get(usize::from(k).wrapping_sub(1))
                    .copied()
                    .unwrap_or("")
            }
        }
    }
}

/// A second-level indicator (二级指标).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub code: String,
    pub dimension: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(flatten)]
    pub kind: Kind,
    /// Unit of the computed value (`%`, `个/万人`, `分`, …).
    pub unit: String,
    pub direction: Direction,
    pub role: Role,
    /// Share within the dimension (scored and mandatory roles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Points at stake (bonus and deduction roles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Value needed for 1★..5★, in the indicator's direction (threshold kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stars: Option<[f64; 5]>,
    /// Linear-goalpost scoring: the value that scores 0 (default: 0, or for
    /// lower-is-better the 1★ requirement × 2). Only used with `method = "goalposts"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<f64>,
    pub requirement_zh: String,
    pub requirement_en: String,
    pub evidence_zh: String,
    pub evidence_en: String,
    pub evidence_required: bool,
    pub source: String,
    pub provisional: bool,
    pub basis: String,
}

impl Indicator {
    pub fn name(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.name_zh, &self.name_en)
    }

    /// The input rows this indicator asks for, in workbook order.
    pub fn inputs(&self) -> Vec<(InputItem, InputLabel)> {
        let own = || InputLabel {
            zh: self.name_zh.clone(),
            en: self.name_en.clone(),
            unit: self.unit.clone(),
        };
        match &self.kind {
            Kind::Ratio {
                numerator,
                denominator,
            } => vec![
                (InputItem::Numerator, numerator.clone()),
                (InputItem::Denominator, denominator.clone()),
            ],
            Kind::PerPopulation { count, .. } => vec![(InputItem::Count, count.clone())],
            Kind::Percent { input } | Kind::Number { input } | Kind::Survey { input } => {
                vec![(InputItem::Value, input.clone())]
            }
            Kind::YesNo { .. } | Kind::Grade { .. } => vec![(InputItem::Choice, own())],
            Kind::AllOf { conditions } => conditions
                .iter()
                .enumerate()
                .map(|(k, c)| (InputItem::Part(k as u8 + 1), c.label()))
                .collect(),
        }
    }

    /// Stars earned by a computed value: the highest star whose requirement
    /// the value meets in the indicator's direction; 0 if none.
    pub fn stars_for(&self, value: f64) -> u8 {
        match (&self.kind, &self.stars) {
            (
                Kind::YesNo {
                    yes_stars,
                    no_stars,
                },
                _,
            ) => {
                if value >= 0.5 {
                    *yes_stars
                } else {
                    *no_stars
                }
            }
            (Kind::Grade { .. } | Kind::AllOf { .. }, _) => value.round().clamp(0.0, 5.0) as u8,
            (_, Some(req)) => ladder_stars(req, self.direction, value),
            (_, None) => 0,
        }
    }

    /// A pass/fail threshold indicator: all five requirements equal (met → 5★).
    pub fn is_pass(&self) -> bool {
        self.kind.has_thresholds() && self.stars.is_some_and(|s| s.iter().all(|&x| x == s[0]))
    }

    /// The requirement for `star` (1..=5) as a value, where the kind has one.
    pub fn requirement(&self, star: u8) -> Option<f64> {
        if !(1..=5).contains(&star) {
            return None;
        }
        self.stars.map(|s| s[star as usize - 1])
    }
}

/// A first-level indicator (一级指标).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub role: DimensionRole,
    /// Share of the total (scored dimensions); scored weights add up to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    pub provisional: bool,
    pub basis: String,
}

impl Dimension {
    pub fn name(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.name_zh, &self.name_en)
    }
}

/// How indicator stars become an indicator score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoringMethod {
    /// score = stars / 5 × 100.
    Stars,
    /// score = linear position between the floor and the 5★ requirement, 0–100.
    Goalposts,
}

/// What a missing indicator value does to the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingPolicy {
    /// It scores 0 and is counted as missing (coverage and `max_missing`).
    Zero,
    /// It is left out and the dimension's weights are renormalised over the
    /// indicators present; still counted as missing.
    Exclude,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scoring {
    pub method: ScoringMethod,
    pub missing: MissingPolicy,
    /// The most that bonus items can add to the total.
    pub bonus_cap: f64,
    /// The most that deduction items can take away.
    pub deduction_cap: f64,
    pub provisional: bool,
    pub basis: String,
}

/// A named sub-tier of a star level (e.g. 四星级基础型 / 成长型).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    pub name_zh: String,
    pub name_en: String,
    pub min_total: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_dimension: Option<f64>,
}

/// The conditions for one overall star level. Every condition present must hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StarRule {
    pub stars: u8,
    pub name_zh: String,
    pub name_en: String,
    pub min_total: f64,
    /// Minimum score of every scored dimension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_dimension: Option<f64>,
    /// Minimum score of particular dimensions (overrides `min_dimension` for them).
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub min_dimension_for: IndexMap<String, f64>,
    /// Every mandatory indicator at or above this star.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mandatory_min_stars: Option<u8>,
    /// Particular indicators at or above a star.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub min_stars: IndexMap<String, u8>,
    /// Indicators that must not be at 0★ (一票否决).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub veto: Vec<String>,
    /// At most this many weighted indicators without usable data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_missing: Option<u32>,
    /// Sub-tiers, lowest first; the highest tier whose conditions hold is named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tier: Vec<Tier>,
    pub provisional: bool,
    pub basis: String,
}

impl Identity {
    /// The edition in `lang`.
    pub fn edition(&self, lang: crate::Lang) -> &str {
        if lang == crate::Lang::En && !self.edition_en.is_empty() {
            &self.edition_en
        } else {
            &self.edition
        }
    }

    /// The note in `lang` (`note` is in Chinese; `note_en`, where given, in English).
    pub fn note(&self, lang: crate::Lang) -> &str {
        if lang == crate::Lang::En && !self.note_en.is_empty() {
            &self.note_en
        } else {
            &self.note
        }
    }
}

/// Who stands behind a standard file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identity {
    pub id: String,
    pub code: String,
    /// The edition as a Chinese reader sees it (`citystar 工作版 2026-11`).
    pub edition: String,
    /// In English; empty means the same as `edition`.
    pub edition_en: String,
    pub level: Level,
    pub title_zh: String,
    pub title_en: String,
    pub issuer: String,
    pub source: String,
    pub note: String,
    /// The note in English; empty means the same as `note`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note_en: String,
}

/// One level of one standard, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standard {
    pub format: u32,
    pub standard: Identity,
    pub scoring: Scoring,
    pub dimension: Vec<Dimension>,
    pub indicator: Vec<Indicator>,
    pub rating: Vec<StarRule>,
}

impl Standard {
    pub fn id(&self) -> &str {
        &self.standard.id
    }

    pub fn level(&self) -> Level {
        self.standard.level
    }

    pub fn dimension(&self, code: &str) -> Option<&Dimension> {
        self.dimension.iter().find(|d| d.code == code)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicator.iter().find(|i| i.code == code)
    }

    /// Indicators of one dimension, in file order.
    pub fn indicators_of<'a>(&'a self, dim: &'a str) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicator.iter().filter(move |i| i.dimension == dim)
    }

    /// Entries (dimensions, indicators, rating rules, the scoring section)
    /// whose numbers are ours rather than the published text's.
    pub fn provisional_count(&self) -> usize {
        self.dimension.iter().filter(|d| d.provisional).count()
            + self.indicator.iter().filter(|i| i.provisional).count()
            + self.rating.iter().filter(|r| r.provisional).count()
            + usize::from(self.scoring.provisional)
    }

    /// All entries that could be provisional.
    pub fn entry_count(&self) -> usize {
        self.dimension.len() + self.indicator.len() + self.rating.len() + 1
    }

    /// Rating rules, highest star first.
    pub fn rules_desc(&self) -> impl Iterator<Item = &StarRule> {
        let mut rules: Vec<&StarRule> = self.rating.iter().collect();
        rules.sort_by_key(|r| std::cmp::Reverse(r.stars));
        rules.into_iter()
    }

    pub fn rule(&self, stars: u8) -> Option<&StarRule> {
        self.rating.iter().find(|r| r.stars == stars)
    }

    /// An indicator's score (0–100) for a computed value, by the standard's
    /// scoring method: stars / 5 × 100, or the linear position between the
    /// indicator's floor and its 5★ requirement (goalposts).
    pub fn indicator_score(&self, ind: &Indicator, value: f64) -> f64 {
        self.indicator_score_at(ind, value, ind.stars_for(value))
    }

    /// [`Standard::indicator_score`] when the value's stars
    /// (`ind.stars_for(value)`) are already known.
    pub fn indicator_score_at(&self, ind: &Indicator, value: f64, stars: u8) -> f64 {
        let by_stars = f64::from(stars) / 5.0 * 100.0;
        match (self.scoring.method, ind.stars) {
            (ScoringMethod::Goalposts, Some(req))
                if ind.kind.has_thresholds() && !ind.is_pass() =>
            {
                let top = req[4];
                let floor = ind.floor.unwrap_or(match ind.direction {
                    Direction::Higher => 0.0,
                    Direction::Lower => req[0] * 2.0,
                });
                if (top - floor).abs() < f64::EPSILON {
                    return by_stars;
                }
                ((micro(value) - floor) / (top - floor)).clamp(0.0, 1.0) * 100.0
            }
            _ => by_stars,
        }
    }

    /// The format-level TOML text of this standard (what `standards import` writes).
    pub fn to_toml(&self) -> String {
        load::to_toml(self)
    }
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    /// `micro` as first written, with `f64::round`.
    fn micro_by_round(x: f64) -> f64 {
        let y = x * 1e6;
        if !y.is_finite() || y.abs() >= 9_007_199_254_740_992.0 {
            return x;
        }
        y.round() / 1e6
    }

    #[test]
    fn micro_rounds_as_f64_round_does_to_the_bit() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5e-6,
            -0.5e-6,
            0.3e-6,
            -0.3e-6,
            2.5e-6,
            -2.5e-6,
            79.999777,
            60.0,
            1_434.62 / 1_793.28 * 100.0,
            9_007_199_254.740_991,
            9_007_199_254.740_993,
            f64::INFINITY,
            f64::NAN,
            1e300,
        ];
        // A fixed spread of values around the sixth decimal's halves.
        let mut z = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            z = z.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let k = (z >> 11) as f64 / (1u64 << 53) as f64;
            values.push((k - 0.5) * 2e4);
            values.push(((k * 1e7).floor() + 0.5) / 1e6);
        }
        for x in values {
            assert_eq!(micro(x).to_bits(), micro_by_round(x).to_bits(), "{x:?}");
        }
    }
}
