//! What an assessment says, as data: values, requirements, computations, plan
//! inputs, reasons and notes hold numbers, codes and the standard's names (in
//! both languages), never sentences. `render::words` puts them into words in
//! the reader's language; serialising one writes those words in the language
//! being rendered (`locale`).

use crate::diag::Text;
use crate::standard::Direction;

/// "≥" or "≤": which side of a number a requirement is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    AtLeast,
    AtMost,
}

impl Op {
    /// The side a star lies on for an indicator's direction.
    pub fn of(direction: Direction) -> Op {
        match direction {
            Direction::Higher => Op::AtLeast,
            Direction::Lower => Op::AtMost,
        }
    }

    pub fn sign(self) -> &'static str {
        match self {
            Op::AtLeast => "≥",
            Op::AtMost => "≤",
        }
    }
}

/// A value in the indicator's terms: "82.27%", "15 per 10,000 residents",
/// "是", "建成运行", "3★".
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number followed by the indicator's unit as the standard writes it.
    Number {
        value: f64,
        unit: String,
    },
    YesNo(bool),
    /// The name of a graded option.
    Option(Text),
    Stars(u8),
}

/// One sub-condition of an `all-of` indicator at a number: "出图率 ≥ 80%".
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: Text,
    pub op: Op,
    pub value: f64,
    pub unit: String,
}

/// What the next star of an indicator needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Requirement {
    /// A threshold: "≥ 95%".
    Bound(Op, Value),
    /// An answer: "是", "建成运行".
    Answer(Value),
    /// Every sub-condition of an `all-of` indicator.
    AllOf(Vec<Part>),
}

/// How an indicator's value was computed from its inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Computation {
    /// "1,234 / 1,500 × 100 = 82.27%".
    Ratio {
        numerator: f64,
        denominator: f64,
        value: f64,
        unit: String,
    },
    /// A ratio over a zero denominator.
    ZeroDenominator { numerator: f64 },
    /// "30 / 150,000 × 10,000 = 2 per 10,000 residents".
    PerPopulation {
        count: f64,
        population: f64,
        per: f64,
        value: f64,
        unit: String,
    },
    /// A count with no resident population to divide by.
    NoPopulation { count: f64 },
    /// The value as entered: "82.27%", "是".
    Given(Value),
    /// Each sub-condition's value and stars, then the lowest.
    AllOf { parts: Vec<(Part, u8)>, least: u8 },
    /// The option chosen and its stars.
    Grade { option: Text, stars: u8 },
}

/// A plan step's value before or after: the value, or that there was none.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Missing,
    Value(Value),
    /// A 0★ answer that fills a missing indicator.
    Answered(Value),
}

/// What one input of a plan step must become.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// "numerator ≥ 1,425 of 1,500".
    Numerator { op: Op, to: f64, denominator: f64 },
    /// No denominator yet: the numerator as a share of it.
    NumeratorShare { op: Op, percent: f64 },
    /// "count ≥ 30 for a population of 150,000".
    Count { op: Op, to: f64, population: f64 },
    /// No population yet: the count as population × requirement ÷ per.
    CountPer {
        op: Op,
        requirement: f64,
        per: f64,
        /// The count is entered as a whole number (else with two decimals).
        whole: bool,
    },
    /// One sub-condition of an `all-of` indicator.
    Part(Part),
}

/// Why there is no plan, or why it may not be minimal.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanReason {
    /// Already at the standard's highest level.
    Top,
    /// The search reached its cap without a plan.
    CapNoPlan { cap: usize },
    /// The search reached its cap and returned the best plan found.
    CapFound { cap: usize },
    /// No set of improvements reaches the next level.
    Impossible(Vec<Obstacle>),
}

/// One thing that keeps the next level out of reach.
#[derive(Debug, Clone, PartialEq)]
pub enum Obstacle {
    /// An indicator the rule names cannot reach the stars it needs.
    CannotReach { code: String, best: u8, need: u8 },
    /// A per-resident indicator that needs the population first.
    PerResident { code: String },
    /// The conditions that fail even with every indicator at its best.
    EvenAtBest(Vec<super::rating::Condition>),
}

/// A note about how an assessment stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// `entries` of the standard's `of` entries are provisional.
    Provisional { entries: usize, of: usize },
    /// The rating stands on incomplete data: `missing` indicators without a usable value.
    Incomplete { missing: usize },
    /// 基本信息 names no level: assessed against the city standard `standard`.
    NoLevel { standard: String },
    /// A review was given for the run, but none for this entity.
    NoReview,
    /// A benchmark workbook assessed against another standard was not compared.
    OtherStandard {
        benchmark: String,
        assessed_against: String,
        standard: String,
    },
}

macro_rules! serialize_as_words {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                crate::locale::words(self, s)
            }
        }
    )*};
}

serialize_as_words!(
    Value,
    Requirement,
    Computation,
    Shown,
    Input,
    PlanReason,
    Note
);
