//! Values, stars and scores: from a submission's input cells to indicator
//! values, and from indicator values to dimension scores and the total.
//! [`Model::score`] is the hot path of the plan search and the stability
//! draws, so it works on plain vectors indexed like `Standard::indicator`.

use super::said::{Computation, Op, Part, Requirement, Value};
use super::{InputCell, NextRequirement, Status, round2};
use crate::Lang;
use crate::diag::{Severity, Text};
use crate::standard::{
    DimensionRole, Direction, Indicator, InputItem, Kind, MissingPolicy, Role, Standard,
};
use crate::submission::{Datum, Submission};

/// Weights in use: the standard's, or perturbed ones (stability draws).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Per dimension (scored dimensions; 0 for bonus ones).
    pub dim: Vec<f64>,
    /// Per indicator (weighted roles; 0 otherwise).
    pub ind: Vec<f64>,
}

/// A standard prepared for repeated scoring.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    pub standard: &'a Standard,
    /// Dimension index of each indicator.
    pub dim_of: Vec<usize>,
    pub weights: Weights,
    /// The indicators of each dimension, in the standard's order.
    members: Vec<Vec<usize>>,
    /// Each indicator's [`ladder`], made on first use (the plan and every
    /// indicator's next requirement read them).
    ladders: std::sync::OnceLock<Vec<Vec<(u8, f64)>>>,
}

/// The outcome of scoring one set of indicator values.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub stars: Vec<u8>,
    /// Indicator score 0–100; `None` when missing and excluded.
    pub scores: Vec<Option<f64>>,
    /// Unrounded points each indicator adds to the total (negative for deductions).
    pub contribution: Vec<f64>,
    /// Unrounded dimension scores (`None` for bonus dimensions).
    pub dim_scores: Vec<Option<f64>>,
    pub weighted: f64,
    pub bonus: f64,
    pub deduction: f64,
    /// Clamped to 0–100 and rounded to the cent: the total everyone sees.
    pub total: f64,
    /// Weighted (scored + mandatory) indicators without a usable value.
    pub missing_weighted: u32,
}

impl<'a> Model<'a> {
    pub fn new(standard: &'a Standard) -> Self {
        let dim_of: Vec<usize> = standard
            .indicator
            .iter()
            .map(|i| {
                standard
                    .dimension
                    .iter()
                    .position(|d| d.code == i.dimension)
                    .unwrap_or(0)
            })
            .collect();
        let weights = Weights {
            dim: standard
                .dimension
                .iter()
                .map(|d| match d.role {
                    DimensionRole::Scored => d.weight.unwrap_or(0.0),
                    DimensionRole::Bonus => 0.0,
                })
                .collect(),
            ind: standard
                .indicator
                .iter()
                .map(|i| {
                    if i.role.is_weighted() {
                        i.weight.unwrap_or(0.0)
                    } else {
                        0.0
                    }
                })
                .collect(),
        };
        let mut members = vec![Vec::new(); standard.dimension.len()];
        for (i, &d) in dim_of.iter().enumerate() {
            if let Some(m) = members.get_mut(d) {
                m.push(i);
            }
        }
        Model {
            standard,
            dim_of,
            weights,
            members,
            ladders: std::sync::OnceLock::new(),
        }
    }

    /// Each indicator's [`ladder`], in the standard's order.
    pub fn ladders(&self) -> &[Vec<(u8, f64)>] {
        self.ladders
            .get_or_init(|| self.standard.indicator.iter().map(ladder).collect())
    }

    pub fn len(&self) -> usize {
        self.standard.indicator.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Score a set of indicator values (`None` = no usable value) with `w`.
    pub fn score(&self, values: &[Option<f64>], w: &Weights) -> Scored {
        let std = self.standard;
        let n = std.indicator.len();
        let nd = std.dimension.len();
        let exclude = std.scoring.missing == MissingPolicy::Exclude;
        let mut stars = vec![0u8; n];
        let mut scores = vec![None; n];
        let mut contribution = vec![0.0; n];
        let mut missing_weighted = 0;
        // Per dimension: Σ weight × score and Σ weight over counted indicators.
        let mut sum = vec![0.0; nd];
        let mut wsum = vec![0.0; nd];
        let mut bonus_raw = 0.0;
        let mut deduction_raw = 0.0;
        for (i, ind) in std.indicator.iter().enumerate() {
            let d = self.dim_of[i];
            match values[i] {
                Some(v) => {
                    stars[i] = ind.stars_for(v);
                    let s = std.indicator_score_at(ind, v, stars[i]);
                    scores[i] = Some(s);
                    match ind.role {
                        Role::Scored | Role::Mandatory => {
                            sum[d] += w.ind[i] * s;
                            wsum[d] += w.ind[i];
                        }
                        Role::Bonus => {
                            let p = ind.points.unwrap_or(0.0) * f64::from(stars[i]) / 5.0;
                            contribution[i] = p;
                            bonus_raw += p;
                        }
                        Role::Deduction => {
                            let p =
                                ind.points.unwrap_or(0.0) * f64::from(5 - stars[i].min(5)) / 5.0;
                            contribution[i] = -p;
                            deduction_raw += p;
                        }
                    }
                }
                None => match ind.role {
                    Role::Scored | Role::Mandatory => {
                        missing_weighted += 1;
                        if !exclude {
                            scores[i] = Some(0.0);
                            wsum[d] += w.ind[i];
                        }
                    }
                    Role::Bonus => scores[i] = Some(0.0),
                    // A missing deduction item deducts nothing (it is reported as missing).
                    Role::Deduction => {}
                },
            }
        }
        let dim_total = scored_weight(std, w);
        let mut dim_scores = vec![None; nd];
        let mut weighted = 0.0;
        for (k, dim) in std.dimension.iter().enumerate() {
            if dim.role != DimensionRole::Scored {
                continue;
            }
            let ds = if wsum[k] > 0.0 { sum[k] / wsum[k] } else { 0.0 };
            dim_scores[k] = Some(ds);
            if dim_total > 0.0 {
                weighted += w.dim[k] * ds / dim_total;
            }
        }
        // Contribution of a weighted indicator: its dimension's share of the
        // total × its share of the dimension's counted weight × its score.
        for (i, ind) in std.indicator.iter().enumerate() {
            let d = self.dim_of[i];
            if ind.role.is_weighted()
                && wsum[d] > 0.0
                && dim_total > 0.0
                && let Some(s) = scores[i]
            {
                contribution[i] = w.dim[d] / dim_total * 100.0 * (w.ind[i] / wsum[d]) * s / 100.0;
            }
        }
        let cap = std.scoring.bonus_cap;
        let bonus = bonus_raw.min(cap);
        let dcap = std.scoring.deduction_cap;
        let deduction = deduction_raw.min(dcap);
        // When a cap bites, each item's share is scaled so contributions still add up.
        for (i, ind) in std.indicator.iter().enumerate() {
            match ind.role {
                Role::Bonus if bonus_raw > cap && bonus_raw > 0.0 => {
                    contribution[i] *= cap / bonus_raw
                }
                Role::Deduction if deduction_raw > dcap && deduction_raw > 0.0 => {
                    contribution[i] *= dcap / deduction_raw
                }
                _ => {}
            }
        }
        let total = round2((weighted + bonus - deduction).clamp(0.0, 100.0));
        Scored {
            stars,
            scores,
            contribution,
            dim_scores,
            weighted,
            bonus,
            deduction,
            total,
            missing_weighted,
        }
    }

    /// `self.score(values, &self.weights)` when `values` differ from those
    /// `base` was scored from (with `self.weights`) only at `changed`: the
    /// changed indicators scored again, each touched dimension's sums made
    /// again over its indicators in the standard's order, the bonus and
    /// deduction sums again when one of theirs changed. The same operations
    /// in the same order as `score`, so the result is the same to the bit
    /// (the plan search re-rates many sets that each change a few indicators).
    pub fn rescore(&self, base: &Scored, values: &[Option<f64>], changed: &[usize]) -> Scored {
        let std = self.standard;
        let w = &self.weights;
        let nd = std.dimension.len();
        let mut touched = [false; 32];
        // A model made for another shape, or many dimensions: score in full.
        if self.members.len() != nd || nd > touched.len() || base.stars.len() != values.len() {
            return self.score(values, w);
        }
        let exclude = std.scoring.missing == MissingPolicy::Exclude;
        let mut out = base.clone();
        let mut points_again = false;
        for &i in changed {
            let ind = &std.indicator[i];
            match values[i] {
                Some(v) => {
                    let st = ind.stars_for(v);
                    out.stars[i] = st;
                    out.scores[i] = Some(std.indicator_score_at(ind, v, st));
                }
                None => {
                    out.stars[i] = 0;
                    out.scores[i] = match ind.role {
                        Role::Scored | Role::Mandatory => (!exclude).then_some(0.0),
                        Role::Bonus => Some(0.0),
                        Role::Deduction => None,
                    };
                }
            }
            match ind.role {
                Role::Scored | Role::Mandatory => touched[self.dim_of[i]] = true,
                Role::Bonus | Role::Deduction => points_again = true,
            }
        }
        out.missing_weighted = std
            .indicator
            .iter()
            .zip(values)
            .filter(|(ind, v)| ind.role.is_weighted() && v.is_none())
            .count() as u32;
        let dim_total = scored_weight(std, w);
        for (k, dim) in std.dimension.iter().enumerate() {
            if !touched[k] {
                continue;
            }
            // Σ weight × score and Σ weight over counted indicators, in order.
            let (mut sum, mut wsum) = (0.0, 0.0);
            for &i in &self.members[k] {
                if !std.indicator[i].role.is_weighted() {
                    continue;
                }
                match values[i] {
                    Some(_) => {
                        if let Some(s) = out.scores[i] {
                            sum += w.ind[i] * s;
                        }
                        wsum += w.ind[i];
                    }
                    None if !exclude => wsum += w.ind[i],
                    None => {}
                }
            }
            if dim.role == DimensionRole::Scored {
                out.dim_scores[k] = Some(if wsum > 0.0 { sum / wsum } else { 0.0 });
            }
            for &i in &self.members[k] {
                if !std.indicator[i].role.is_weighted() {
                    continue;
                }
                out.contribution[i] = match out.scores[i] {
                    Some(s) if wsum > 0.0 && dim_total > 0.0 => {
                        w.dim[k] / dim_total * 100.0 * (w.ind[i] / wsum) * s / 100.0
                    }
                    _ => 0.0,
                };
            }
        }
        let mut weighted = 0.0;
        for (k, dim) in std.dimension.iter().enumerate() {
            if dim.role != DimensionRole::Scored {
                continue;
            }
            let ds = out.dim_scores[k].unwrap_or(0.0);
            if dim_total > 0.0 {
                weighted += w.dim[k] * ds / dim_total;
            }
        }
        out.weighted = weighted;
        if points_again {
            let (mut bonus_raw, mut deduction_raw) = (0.0, 0.0);
            for (i, ind) in std.indicator.iter().enumerate() {
                let p = match (ind.role, values[i]) {
                    (Role::Bonus, Some(_)) => {
                        let p = ind.points.unwrap_or(0.0) * f64::from(out.stars[i]) / 5.0;
                        bonus_raw += p;
                        p
                    }
                    (Role::Deduction, Some(_)) => {
                        let p =
                            ind.points.unwrap_or(0.0) * f64::from(5 - out.stars[i].min(5)) / 5.0;
                        deduction_raw += p;
                        -p
                    }
                    (Role::Bonus | Role::Deduction, None) => 0.0,
                    _ => continue,
                };
                out.contribution[i] = p;
            }
            let cap = std.scoring.bonus_cap;
            let dcap = std.scoring.deduction_cap;
            out.bonus = bonus_raw.min(cap);
            out.deduction = deduction_raw.min(dcap);
            for (i, ind) in std.indicator.iter().enumerate() {
                match ind.role {
                    Role::Bonus if bonus_raw > cap && bonus_raw > 0.0 => {
                        out.contribution[i] *= cap / bonus_raw
                    }
                    Role::Deduction if deduction_raw > dcap && deduction_raw > 0.0 => {
                        out.contribution[i] *= dcap / deduction_raw
                    }
                    _ => {}
                }
            }
        }
        out.total = round2((out.weighted + out.bonus - out.deduction).clamp(0.0, 100.0));
        out
    }
}

/// An indicator's value as computed from the submission, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub value: Option<f64>,
    pub status: Status,
    pub computation: Option<Computation>,
    pub inputs: Vec<InputCell>,
}

/// Compute every indicator's value from the submission's inputs, in the standard's order.
/// An indicator named by an error-severity diagnostic counts as invalid, and so
/// does a value that is not a finite number (an overflow). The severity is the
/// catalogue's: `--deny/--warn/--allow` decide what is listed and what fails the
/// gate, never how a value is read or scored.
pub fn compute_values(std: &Standard, sub: &Submission) -> Vec<Computed> {
    std.indicator
        .iter()
        .map(|ind| {
            let data = sub.data.get(&ind.code);
            let inputs: Vec<InputCell> = data
                .map(|d| {
                    d.items
                        .iter()
                        .map(|it| InputCell {
                            item: it.item,
                            location: it.location.clone(),
                            raw: it.raw.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let flagged = sub.diagnostics.iter().any(|d| {
                d.severity == Severity::Error && d.indicator.as_deref() == Some(&ind.code)
            });
            let (value, computation, had_data) = match data {
                Some(d) => value_of(ind, d, sub),
                None => (None, None, false),
            };
            let status = match (flagged, value, had_data) {
                (true, _, _) => Status::Invalid,
                (false, Some(v), _) if v.is_finite() => Status::Ok,
                (false, Some(_), _) => Status::Invalid,
                (false, None, true) => Status::Invalid,
                (false, None, false) => Status::Missing,
            };
            Computed {
                value: if status == Status::Ok { value } else { None },
                status,
                computation,
                inputs,
            }
        })
        .collect()
}

/// (value, how it was computed, whether any input was given).
fn value_of(
    ind: &Indicator,
    d: &crate::submission::IndicatorData,
    sub: &Submission,
) -> (Option<f64>, Option<Computation>, bool) {
    let any = d.items.iter().any(|i| i.datum.is_some());
    let (v, how) = match &ind.kind {
        Kind::Ratio { .. } => {
            let n = d.number(InputItem::Numerator);
            let den = d.number(InputItem::Denominator);
            match (n, den) {
                (Some(n), Some(den)) if den != 0.0 => {
                    let v = n / den * 100.0;
                    (
                        Some(v),
                        Some(Computation::Ratio {
                            numerator: n,
                            denominator: den,
                            value: v,
                            unit: ind.unit.clone(),
                        }),
                    )
                }
                (Some(n), Some(_)) => (None, Some(Computation::ZeroDenominator { numerator: n })),
                _ => (None, None),
            }
        }
        Kind::PerPopulation { per, .. } => {
            let c = d.number(InputItem::Count);
            match (c, sub.entity.population) {
                (Some(c), Some(p)) if p > 0.0 => {
                    let v = c / p * per;
                    (
                        Some(v),
                        Some(Computation::PerPopulation {
                            count: c,
                            population: p,
                            per: *per,
                            value: v,
                            unit: ind.unit.clone(),
                        }),
                    )
                }
                (Some(c), _) => (None, Some(Computation::NoPopulation { count: c })),
                _ => (None, None),
            }
        }
        Kind::Percent { .. } | Kind::Number { .. } | Kind::Survey { .. } => {
            match d.number(InputItem::Value) {
                Some(v) => (
                    Some(v),
                    Some(Computation::Given(Value::Number {
                        value: v,
                        unit: ind.unit.clone(),
                    })),
                ),
                None => (None, None),
            }
        }
        Kind::YesNo { .. } => match d.get(InputItem::Choice).and_then(|i| i.datum) {
            Some(Datum::YesNo(b)) => (
                Some(if b { 1.0 } else { 0.0 }),
                Some(Computation::Given(Value::YesNo(b))),
            ),
            _ => (None, None),
        },
        Kind::AllOf { conditions } => {
            let parts: Vec<Option<f64>> = (0..conditions.len())
                .map(|k| d.number(InputItem::Part(k as u8 + 1)))
                .collect();
            if parts.iter().all(Option::is_some) && !parts.is_empty() {
                let mut said = Vec::with_capacity(conditions.len());
                let mut least = 5u8;
                for (c, v) in conditions.iter().zip(&parts) {
                    let v = v.unwrap_or(0.0);
                    let st = c.stars_for(ind.direction, v);
                    least = least.min(st);
                    said.push((part(c, ind.direction, v), st));
                }
                (
                    Some(f64::from(least)),
                    Some(Computation::AllOf { parts: said, least }),
                )
            } else {
                (None, None)
            }
        }
        Kind::Grade { options } => match d.get(InputItem::Choice).and_then(|i| i.datum) {
            Some(Datum::Option(k)) if k < options.len() => {
                let o = &options[k];
                (
                    Some(f64::from(o.stars)),
                    Some(Computation::Grade {
                        option: Text::new(&o.zh, &o.en),
                        stars: o.stars,
                    }),
                )
            }
            _ => (None, None),
        },
    };
    (v, how, any)
}

/// Sub-condition `c` at `value`, on the side its stars lie.
pub fn part(c: &crate::standard::SubCondition, direction: Direction, value: f64) -> Part {
    Part {
        name: Text::new(&c.zh, &c.en),
        op: Op::of(direction),
        value,
        unit: c.unit.clone(),
    }
}

pub fn yes_no_word(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// The value that earns `star` on this indicator, where one does:
/// the threshold, the yes/no answer (1/0), or the grade's stars.
pub fn value_for_star(ind: &Indicator, star: u8) -> Option<f64> {
    match &ind.kind {
        Kind::YesNo {
            yes_stars,
            no_stars,
        } => {
            if *yes_stars == star {
                Some(1.0)
            } else if *no_stars == star {
                Some(0.0)
            } else {
                None
            }
        }
        Kind::Grade { options } => options
            .iter()
            .any(|o| o.stars == star)
            .then_some(f64::from(star)),
        Kind::AllOf { conditions } => {
            // Reachable when every sub-condition can reach it and one reaches it exactly.
            let reach = |c: &crate::standard::SubCondition, s: u8| {
                (1..=5u8)
                    .any(|k| k >= s && c.stars_for(ind.direction, c.stars[k as usize - 1]) == k)
            };
            let exact = |c: &crate::standard::SubCondition| {
                c.stars_for(ind.direction, c.stars[star as usize - 1]) == star
            };
            ((1..=5).contains(&star)
                && conditions.iter().all(|c| reach(c, star))
                && conditions.iter().any(exact))
            .then_some(f64::from(star))
        }
        // A requirement shared by several stars (a pass/fail line) earns the highest.
        _ => ind.requirement(star).filter(|&v| ind.stars_for(v) == star),
    }
}

/// The star levels an indicator can reach, ascending, with the value for each.
pub fn ladder(ind: &Indicator) -> Vec<(u8, f64)> {
    (1..=5)
        .filter_map(|s| value_for_star(ind, s).map(|v| (s, v)))
        .collect()
}

/// The requirement of sub-condition `c` for `star`: the least demanding of
/// its requirements whose star is at least `star` (a pass line serves every star).
pub fn part_requirement(
    c: &crate::standard::SubCondition,
    dir: Direction,
    star: u8,
) -> Option<f64> {
    (star.max(1)..=5)
        .map(|k| c.stars[k as usize - 1])
        .find(|&v| c.stars_for(dir, v) >= star)
}

/// A value in the indicator's terms: "95%", "是", "建成运行".
pub fn describe_value(ind: &Indicator, value: f64) -> Value {
    match &ind.kind {
        Kind::YesNo { .. } => Value::YesNo(value >= 0.5),
        Kind::Grade { options } => {
            let s = value.round() as u8;
            options
                .iter()
                .find(|o| o.stars == s)
                .map_or(Value::Stars(s), |o| Value::Option(Text::new(&o.zh, &o.en)))
        }
        Kind::AllOf { .. } => Value::Stars(value.round() as u8),
        _ => Value::Number {
            value,
            unit: ind.unit.clone(),
        },
    }
}

/// What each sub-condition of an `all-of` indicator needs for `star`:
/// "摄像机覆盖率 ≥ 90%；出图率 ≥ 80%".
pub fn all_of_requirement(ind: &Indicator, star: u8) -> Option<Vec<Part>> {
    let Kind::AllOf { conditions } = &ind.kind else {
        return None;
    };
    conditions
        .iter()
        .map(|c| part_requirement(c, ind.direction, star).map(|v| part(c, ind.direction, v)))
        .collect()
}

/// A unit as written after a number in `lang`: `%` and `★` close up, the
/// others follow a space; the standards' Chinese units have English forms.
pub fn unit_suffix(unit: &str, lang: Lang) -> String {
    let unit = unit_name(unit, lang);
    if unit.is_empty() || unit == "%" || unit == "★" {
        unit.to_string()
    } else {
        format!(" {unit}")
    }
}

// The unit names live with the standard, below the reader and the assessment.
pub use crate::standard::unit_name;

/// What the next star above `stars` needs, if there is one.
/// `ladder` is the indicator's [`ladder`].
pub fn next_requirement(
    ind: &Indicator,
    ladder: &[(u8, f64)],
    stars: u8,
) -> Option<NextRequirement> {
    let (s, v) = ladder.iter().copied().find(|(s, _)| *s > stars)?;
    let requirement = if let Some(parts) = all_of_requirement(ind, s) {
        Requirement::AllOf(parts)
    } else if ind.kind.has_thresholds() {
        Requirement::Bound(Op::of(ind.direction), describe_value(ind, v))
    } else {
        Requirement::Answer(describe_value(ind, v))
    };
    Some(NextRequirement {
        stars: s,
        requirement,
        value: ind.kind.has_thresholds().then_some(v),
    })
}

/// A number for people: thousands separators, at most two decimals, no trailing zeros.
pub fn fmt_num(x: f64) -> String {
    let mut s = String::new();
    push_num(x, &mut s);
    s
}

/// [`fmt_num`] written onto the end of `out`.
pub fn push_num(x: f64, out: &mut String) {
    // Beyond what cents can hold exactly, scientific notation says it honestly.
    if !x.is_finite() || x.abs() >= 1e15 {
        let _ = std::fmt::Write::write_fmt(out, format_args!("{x:e}"));
        return;
    }
    let r = round2(x);
    let neg = r < 0.0;
    // Below 10¹⁷: a u64 holds it.
    let cents = (r.abs() * 100.0).round() as u64;
    let int = cents / 100;
    let frac = (cents % 100) as u8;
    if neg && cents > 0 {
        out.push('-');
    }
    // The digits, a comma before each group of three from the right.
    let mut digits = [0u8; 20];
    let digits = decimal_digits(int, &mut digits);
    let len = digits.len();
    for (k, &d) in digits.iter().enumerate() {
        if k > 0 && (len - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(char::from(d));
    }
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + frac / 10));
        if !frac.is_multiple_of(10) {
            out.push(char::from(b'0' + frac % 10));
        }
    }
}

/// A whole number's decimal digits (ASCII), written at the end of `room`.
pub fn decimal_digits(mut v: u64, room: &mut [u8; 20]) -> &[u8] {
    let mut at = room.len();
    loop {
        at -= 1;
        room[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &room[at..]
}

/// [`unit_suffix`] written onto the end of `out`.
pub fn push_unit_suffix(unit: &str, lang: Lang, out: &mut String) {
    let unit = unit_name(unit, lang);
    if !(unit.is_empty() || unit == "%" || unit == "★") {
        out.push(' ');
    }
    out.push_str(unit);
}

/// Two decimals always (totals and dimension scores).
pub fn fmt2(x: f64) -> String {
    format!("{:.2}", round2(x))
}
/// The sum of the scored dimensions' weights, in the standard's order.
fn scored_weight(std: &Standard, w: &Weights) -> f64 {
    std.dimension
        .iter()
        .enumerate()
        .filter(|(_, d)| d.role == DimensionRole::Scored)
        .map(|(k, _)| w.dim[k])
        .sum()
}
