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
    /// True when `value` meets `requirement` in this direction.
    pub fn meets(self, value: f64, requirement: f64) -> bool {
        // A small tolerance: calamine hands back stored floats such as
        // 0.7000000000000001, and a value shown as the threshold must meet it.
        const EPS: f64 = 1e-9;
        match self {
            Direction::Higher => value + EPS >= requirement,
            Direction::Lower => value - EPS <= requirement,
        }
    }
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
        }
    }

    /// Kinds whose stars come from numeric thresholds (`stars = [..]`).
    pub fn has_thresholds(&self) -> bool {
        !matches!(self, Kind::YesNo { .. } | Kind::Grade { .. })
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
            (Kind::Grade { .. }, _) => value.round().clamp(0.0, 5.0) as u8,
            (_, Some(req)) => (0..5)
                .rev()
                .find(|&i| self.direction.meets(value, req[i]))
                .map_or(0, |i| i as u8 + 1),
            (_, None) => 0,
        }
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

/// Who stands behind a standard file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identity {
    pub id: String,
    pub code: String,
    pub edition: String,
    pub level: Level,
    pub title_zh: String,
    pub title_en: String,
    pub issuer: String,
    pub source: String,
    pub note: String,
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
        let by_stars = f64::from(ind.stars_for(value)) / 5.0 * 100.0;
        match (self.scoring.method, ind.stars) {
            (ScoringMethod::Goalposts, Some(req)) if ind.kind.has_thresholds() => {
                let top = req[4];
                let floor = ind.floor.unwrap_or(match ind.direction {
                    Direction::Higher => 0.0,
                    Direction::Lower => req[0] * 2.0,
                });
                if (top - floor).abs() < f64::EPSILON {
                    return by_stars;
                }
                ((value - floor) / (top - floor)).clamp(0.0, 1.0) * 100.0
            }
            _ => by_stars,
        }
    }

    /// The format-level TOML text of this standard (what `standards import` writes).
    pub fn to_toml(&self) -> String {
        load::to_toml(self)
    }
}
