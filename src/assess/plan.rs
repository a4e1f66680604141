//! The next-star plan: the smallest set of indicator improvements that makes
//! the next level's rule hold — fewest star steps first, then the smallest
//! total relative change in value.
//!
//! A step raises one indicator to exactly the value that earns a target star
//! (its requirement; for yes/no and graded items the answer or option giving
//! that star).
//!
//! **Forced steps first.** Conditions on named indicators (mandatory stars,
//! `min_stars`, veto) say which indicators every plan must raise and to at
//! least which star; the lowest target meeting them is applied before the
//! search starts (it is necessary, not a choice), and the search may still
//! raise such an indicator further.
//!
//! **The search** is best-first (A*) over sets of (indicator, target star)
//! choices, each indicator chosen at most once and in a fixed order (highest
//! gain per star step first), so every set is generated exactly once. A node
//! is ranked by (star steps + h, relative change + hr):
//!
//! - every choice has an upper bound on what it adds to the total and to its
//!   dimension's score (exact under `missing = "zero"` before the caps; an
//!   over-estimate otherwise), so the shortfalls left after a set's choices
//!   are never over-stated;
//! - h is a lower bound on the star steps still needed, from the indicators
//!   after the last one chosen only: the largest of the star steps needed to
//!   close the total's shortfall (a fractional knapsack over gain per star
//!   step, best first), the sum over dimensions of the same for each
//!   dimension's shortfall, and the missing indicators still to fill above
//!   `max_missing`; a shortfall those indicators cannot close at all prunes
//!   the set;
//! - hr is a lower bound on the relative change those steps cost (the
//!   cheapest change per star step for h steps, per point of the total's or a
//!   dimension's shortfall).
//!
//! A set whose bounds say the rule may hold is re-rated exactly; the best
//! such set found so far (first a greedy one) prunes every set that cannot
//! beat it, and the search ends when the best remaining rank is no better:
//! the plan is then minimal. The search considers at most `cap` sets; past
//! that it returns the best plan found so far (or a greedy one) and says the
//! plan may not be minimal.

use super::Options;
use super::rating::{check, holds, next_rule, stars_of};
use super::said::{Input, Obstacle, Op, PlanReason, Shown, Value};
use super::score;
use super::score::{Model, Scored, describe_value, value_for_star};
use crate::Lang;
use crate::locale::Words;
use crate::standard::{
    DimensionRole, Direction, Indicator, InputItem, Kind, MissingPolicy, Role, StarRule,
    input_decimals,
};
use crate::submission::Submission;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Most candidate sets a plan search considers before settling for the best found.
pub const DEFAULT_CAP: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// A plan, proven minimal.
    Found,
    /// A plan, but the search cap was reached: it may not be minimal.
    FoundCapped,
    /// No set of improvements reaches the next level (see `reason`).
    Impossible,
    /// Already at the standard's highest level.
    Top,
}

/// What one input must become for a step: the numerator of a ratio or the
/// count of a per-population indicator (the other input, denominator or
/// population, staying as given), or one sub-condition of an `all-of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputTarget {
    /// The input that changes: `numerator`, `count` or `{"part": k}`.
    pub item: InputItem,
    /// As given; `None` when it was not.
    pub from: Option<f64>,
    /// What to type: the least (or, lower-is-better, the most) number, in the
    /// decimals the input is entered with, that earns the step's star without
    /// any rounding. `None` when another input must be filled first.
    pub to: Option<f64>,
    /// The denominator, or the resident population, as given (`None` when
    /// missing, or for a sub-condition).
    pub of: Option<f64>,
    /// "numerator ≥ 1,425 of 1,500", "分子 ≥ 1,425（分母 1,500）" in words.
    pub text: Input,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub code: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: crate::diag::Text,
    pub unit: String,
    /// `None` when the indicator had no usable value.
    pub from: Option<f64>,
    pub to: f64,
    pub from_text: Shown,
    pub to_text: Shown,
    pub stars_from: u8,
    pub stars_to: u8,
    pub stars_gained: u8,
    /// Points the total gains from this step alone.
    pub points_gained: f64,
    pub relative_change: f64,
    /// For a ratio or per-population indicator: what its input must become.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<InputTarget>,
    /// For an `all-of` indicator: the sub-conditions to raise, each with its target.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<InputTarget>,
}

impl Step {
    /// The target as a person acts on it: the value, and the input to reach where one changes.
    pub fn target_text(&self, lang: Lang) -> String {
        let mut out = self.to_text.words(lang);
        for i in self.input.iter().chain(&self.conditions) {
            out.push_str(" · ");
            i.text.write(lang, &mut out);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub status: PlanStatus,
    pub target_stars: Option<u8>,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub target_name: Option<crate::diag::Text>,
    pub steps: Vec<Step>,
    /// Σ stars gained over the steps.
    pub star_steps: u32,
    /// Σ relative change over the steps.
    pub relative_change: f64,
    /// The total and star after every step, by re-running the rating.
    pub total_after: Option<f64>,
    pub stars_after: Option<u8>,
    pub verified: bool,
    pub explored: usize,
    pub cap: usize,
    /// Why there is no plan, or why it may not be minimal.
    pub reason: Option<PlanReason>,
}

/// One target of a candidate above its default.
#[derive(Debug, Clone, Copy)]
struct Opt {
    star: u8,
    value: f64,
    /// Relative change from the current value (what the plan reports).
    rel: f64,
    /// Star steps and relative change beyond the candidate's default.
    d_stars: u32,
    d_rel: f64,
    /// Upper bounds of what the choice adds to the total and to its dimension's score.
    g_total: f64,
    g_dim: f64,
}

/// An indicator the search may raise (beyond any forced minimum).
#[derive(Debug, Clone)]
struct Cand {
    index: usize,
    /// The scored dimension whose score it moves.
    dim: Option<usize>,
    /// Weighted and without a value at the root: any choice fills it.
    fills_missing: bool,
    /// It can be filled at 0★ (a yes/no or graded answer) without a star step.
    zero_fill: bool,
    opts: Vec<Opt>,
    /// Bounds over the options: gain per star step, most gain, most star steps.
    gamma: f64,
    delta: f64,
    cap_total: f64,
    cap_dim: f64,
    max_stars: u32,
    /// Least relative change per star step, per point of the total, per point of the dimension.
    rho_star: f64,
    rho_total: f64,
    rho_dim: f64,
    min_rel: f64,
}

/// A target: (star, value, relative change from the current value).
type Target = (u8, f64, f64);
/// A target per indicator (`None`: unchanged).
type Targets = Vec<Option<Target>>;

/// Two relative changes closer than this are equal.
const EPS: f64 = 1e-9;

/// `a` no better than `b` in (star steps, relative change).
fn no_better(a: (u32, f64), b: (u32, f64)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 >= b.1 - EPS)
}

fn relative(from: Option<f64>, to: f64, numeric: bool) -> f64 {
    match from {
        Some(f) if numeric => {
            let m = f.abs().max(to.abs());
            if m == 0.0 { 0.0 } else { (to - f).abs() / m }
        }
        _ => 1.0,
    }
}

struct Search<'m, 'a> {
    model: &'m Model<'a>,
    rule: &'a StarRule,
    base: &'m [Option<f64>],
    /// Stars now (0 for missing).
    cur: Vec<u8>,
    /// Least star each indicator must reach (mandatory, min_stars, veto).
    need: Vec<u8>,
    /// The forced minimum targets, applied at the root.
    root: Targets,
    /// The base values with the root's targets scored: every set is re-rated from it.
    root_scored: Scored,
    root_steps: u32,
    root_rel: f64,
    /// Candidates, highest gain per star step first.
    cands: Vec<Cand>,
    /// Shortfalls at the root, less the rounding slack: gains below them cannot suffice.
    short_total: f64,
    short_dim: Vec<Option<f64>>,
    /// Missing weighted indicators to fill beyond `max_missing` at the root.
    short_missing: u32,
    /// Candidate positions by `rho_star` and by `rho_total`, ascending.
    by_rho_star: Vec<usize>,
    by_rho_total: Vec<usize>,
    /// False when some choice lowers the relative change (then hr is 0).
    rel_bounds: bool,
    /// Whether some named indicator cannot reach the star the rule needs.
    blocked: bool,
    /// Indicators the plan must not raise (`frozen`).
    frozen: Vec<bool>,
}

/// A node of the search: one more choice on top of its parent's.
struct Node {
    parent: u32,
    cand: u16,
    opt: u8,
    next: u16,
    steps: u32,
    rel: f64,
    gain_total: f64,
    filled: u32,
    gain_dim: Box<[f64]>,
}

const NO_PARENT: u32 = u32::MAX;

impl<'m, 'a> Search<'m, 'a> {
    fn new(
        model: &'m Model<'a>,
        rule: &'a StarRule,
        base: &'m [Option<f64>],
        s: &Scored,
        frozen: &[bool],
    ) -> Self {
        let std = model.standard;
        let n = std.indicator.len();
        let cur: Vec<u8> = (0..n).map(|i| base[i].map_or(0, |_| s.stars[i])).collect();
        let mut need = vec![0u8; n];
        for (i, ind) in std.indicator.iter().enumerate() {
            if ind.role == Role::Mandatory
                && let Some(m) = rule.mandatory_min_stars
            {
                need[i] = need[i].max(m);
            }
            if let Some(&m) = rule.min_stars.get(&ind.code) {
                need[i] = need[i].max(m);
            }
            if rule.veto.contains(&ind.code) {
                need[i] = need[i].max(1);
            }
        }

        // Forced minimums.
        let ladders = model.ladders();
        let mut root: Targets = vec![None; n];
        let mut blocked = false;
        let (mut root_steps, mut root_rel) = (0u32, 0.0);
        for i in 0..n {
            if need[i] > cur[i] && frozen.get(i).copied().unwrap_or(false) {
                // Named by the rule, but it needs the population first.
                blocked = true;
            } else if need[i] > cur[i] {
                let numeric = std.indicator[i].kind.has_thresholds();
                match ladders[i].iter().find(|(st, _)| *st >= need[i]) {
                    Some(&(st, v)) => {
                        let rel = relative(base[i], v, numeric);
                        root[i] = Some((st, v, rel));
                        root_steps += u32::from(st - cur[i]);
                        root_rel += rel;
                    }
                    None => blocked = true,
                }
            }
        }
        let root_values = apply(base, &root);
        let r = model.score(&root_values, &model.weights);

        // Shortfalls at the root.
        let short_total = rule.min_total - r.total - 0.01;
        let nd = std.dimension.len();
        let short_dim: Vec<Option<f64>> = (0..nd)
            .map(|k| {
                let dim = &std.dimension[k];
                if dim.role != DimensionRole::Scored {
                    return None;
                }
                let min = rule
                    .min_dimension_for
                    .get(&dim.code)
                    .copied()
                    .or(rule.min_dimension)?;
                Some(min - r.dim_scores[k].unwrap_or(0.0) - 0.005 - 1e-6)
            })
            .collect();
        let short_missing = rule
            .max_missing
            .map_or(0, |m| r.missing_weighted.saturating_sub(m));

        // Gain bounds relative to the root (see the module comment).
        let exclude = std.scoring.missing == MissingPolicy::Exclude;
        let dim_total: f64 = (0..nd)
            .filter(|&k| std.dimension[k].role == DimensionRole::Scored)
            .map(|k| model.weights.dim[k])
            .sum();
        let mut counted = vec![0.0; nd];
        for (i, ind) in std.indicator.iter().enumerate() {
            if ind.role.is_weighted() && (root_values[i].is_some() || !exclude) {
                counted[model.dim_of[i]] += model.weights.ind[i];
            }
        }
        let mut cands = Vec::new();
        for (i, ind) in std.indicator.iter().enumerate() {
            let (d_star, d_rel, d_val) = match root[i] {
                Some((st, v, rel)) => (st, rel, Some(v)),
                None => (cur[i], 0.0, base[i]),
            };
            let numeric = ind.kind.has_thresholds();
            let d = model.dim_of[i];
            let scored_dim = std.dimension[d].role == DimensionRole::Scored;
            let weighted = ind.role.is_weighted() && scored_dim;
            // An indicator the plan must not raise (see `plan_frozen`).
            if frozen.get(i).copied().unwrap_or(false) {
                continue;
            }
            // A missing deduction item deducts nothing; filling it can only cost.
            if ind.role == Role::Deduction && d_val.is_none() {
                continue;
            }
            // A missing yes/no or graded indicator may be answered at 0★: no
            // star step, and it is no longer missing (`max_missing`).
            let zero_fill = (base[i].is_none() && root[i].is_none() && ind.role.is_weighted())
                .then(|| value_for_star(ind, 0).map(|v| (0u8, v)))
                .flatten()
                .filter(|_| !numeric);
            let opts: Vec<Opt> = zero_fill
                .iter()
                .chain(ladders[i].iter().filter(|(st, _)| *st > d_star))
                .map(|&(st, v)| {
                    let rel = relative(base[i], v, numeric);
                    let sc = std.indicator_score(ind, v);
                    let (g_dim, g_total) = if weighted {
                        let g = if counted[d] <= 0.0 {
                            sc
                        } else {
                            let from = match r.scores[i] {
                                Some(x) => x,
                                // Excluded now: filling it moves the dimension towards its score.
                                None => r.dim_scores[d].unwrap_or(0.0),
                            };
                            model.weights.ind[i] * (sc - from).max(0.0) / counted[d]
                        };
                        let t = if dim_total > 0.0 {
                            g * model.weights.dim[d] / dim_total
                        } else {
                            0.0
                        };
                        (g, t)
                    } else if matches!(ind.role, Role::Bonus | Role::Deduction) {
                        (
                            0.0,
                            ind.points.unwrap_or(0.0) * f64::from(st - d_star) / 5.0,
                        )
                    } else {
                        (0.0, 0.0)
                    };
                    Opt {
                        star: st,
                        value: v,
                        rel,
                        d_stars: u32::from(st - d_star),
                        d_rel: rel - d_rel,
                        g_total,
                        g_dim,
                    }
                })
                .collect();
            if opts.is_empty() {
                continue;
            }
            let per = |f: &dyn Fn(&Opt) -> f64| {
                opts.iter()
                    .filter(|o| o.d_stars > 0)
                    .map(|o| f(o) / f64::from(o.d_stars))
                    .fold(0.0, f64::max)
            };
            let rho = |g: &dyn Fn(&Opt) -> f64| {
                opts.iter()
                    .filter(|o| g(o) > 0.0)
                    .map(|o| o.d_rel / g(o))
                    .fold(f64::INFINITY, f64::min)
            };
            cands.push(Cand {
                index: i,
                dim: weighted.then_some(d),
                fills_missing: ind.role.is_weighted() && root_values[i].is_none(),
                zero_fill: opts.first().is_some_and(|o| o.d_stars == 0),
                gamma: per(&|o| o.g_total),
                delta: per(&|o| o.g_dim),
                cap_total: opts.iter().map(|o| o.g_total).fold(0.0, f64::max),
                cap_dim: opts.iter().map(|o| o.g_dim).fold(0.0, f64::max),
                max_stars: opts.iter().map(|o| o.d_stars).max().unwrap_or(0),
                rho_star: opts
                    .iter()
                    .filter(|o| o.d_stars > 0)
                    .map(|o| o.d_rel / f64::from(o.d_stars))
                    .fold(f64::INFINITY, f64::min),
                rho_total: rho(&|o| o.g_total),
                rho_dim: rho(&|o| o.g_dim),
                min_rel: opts.iter().map(|o| o.d_rel).fold(f64::INFINITY, f64::min),
                opts,
            });
        }
        cands.sort_by(|a, b| b.gamma.total_cmp(&a.gamma).then(a.index.cmp(&b.index)));
        let rel_bounds = cands.iter().all(|c| c.opts.iter().all(|o| o.d_rel >= 0.0));
        let mut by_rho_star: Vec<usize> = (0..cands.len()).collect();
        by_rho_star.sort_by(|&a, &b| cands[a].rho_star.total_cmp(&cands[b].rho_star));
        let mut by_rho_total: Vec<usize> = (0..cands.len()).collect();
        by_rho_total.sort_by(|&a, &b| cands[a].rho_total.total_cmp(&cands[b].rho_total));
        Search {
            model,
            rule,
            base,
            cur,
            need,
            root,
            root_scored: r,
            root_steps,
            root_rel,
            cands,
            short_total,
            short_dim,
            short_missing,
            by_rho_star,
            by_rho_total,
            rel_bounds,
            blocked,
            frozen: frozen.to_vec(),
        }
    }

    /// The targets' values rated exactly: only the indicators whose target
    /// differs from the root's are scored again (`Model::rescore`).
    fn score(&self, t: &Targets) -> Scored {
        let changed: Vec<usize> = (0..t.len()).filter(|&i| t[i] != self.root[i]).collect();
        self.model
            .rescore(&self.root_scored, &apply(self.base, t), &changed)
    }

    /// The targets of a node: the forced ones, then its choices.
    fn targets(&self, nodes: &[Node], mut id: u32) -> Targets {
        let mut t = self.root.clone();
        while id != NO_PARENT {
            let n = &nodes[id as usize];
            if n.parent == NO_PARENT {
                break;
            }
            let c = &self.cands[n.cand as usize];
            let o = c.opts[n.opt as usize];
            t[c.index] = Some((o.star, o.value, o.rel));
            id = n.parent;
        }
        t
    }

    /// Whether the bounds allow the rule to hold after these gains.
    fn may_hold(&self, gain_total: f64, gain_dim: &[f64], filled: u32) -> bool {
        gain_total >= self.short_total
            && filled >= self.short_missing
            && self
                .short_dim
                .iter()
                .zip(gain_dim)
                .all(|(s, g)| s.is_none_or(|s| *g >= s))
    }

    /// Lower bounds on the (star steps, relative change) still needed when only
    /// the candidates from `k` on may still be chosen; `None` when they cannot suffice.
    fn bound(
        &self,
        k: usize,
        gain_total: f64,
        gain_dim: &[f64],
        filled: u32,
    ) -> Option<(u32, f64)> {
        let suffix = &self.cands[k..];
        // Stars to close `short` at the given gain per star, best first.
        let stars_for = |short: f64, dim: Option<usize>| -> Option<u32> {
            if short <= 0.0 {
                return Some(0);
            }
            let mut left = short;
            let mut stars = 0.0;
            for c in suffix {
                if dim.is_some() && c.dim != dim {
                    continue;
                }
                let (per, cap) = if dim.is_some() {
                    (c.delta, c.cap_dim)
                } else {
                    (c.gamma, c.cap_total)
                };
                if per <= 0.0 {
                    continue;
                }
                let take = cap.min(left);
                stars += take / per;
                left -= take;
                if left <= 0.0 {
                    return Some(((stars - 1e-9).ceil().max(1.0)) as u32);
                }
            }
            None
        };
        let short_total = self.short_total - gain_total;
        let h_total = stars_for(short_total, None)?;
        let mut h_dim = 0u32;
        let mut short_dim = Vec::new();
        for (d, s) in self.short_dim.iter().enumerate() {
            if let Some(s) = s {
                let short = s - gain_dim[d];
                h_dim += stars_for(short, Some(d))?;
                if short > 0.0 {
                    short_dim.push((d, short));
                }
            }
        }
        let miss = self.short_missing.saturating_sub(filled);
        let mut fills: Vec<f64> = Vec::new();
        if miss > 0 {
            fills = suffix
                .iter()
                .filter(|c| c.fills_missing)
                .map(|c| c.min_rel)
                .collect();
            if (fills.len() as u32) < miss {
                return None;
            }
        }
        // Fills at 0★ cost no star step; every other fill at least one.
        let zero = suffix
            .iter()
            .filter(|c| c.fills_missing && c.zero_fill)
            .count() as u32;
        let h = h_total.max(h_dim).max(miss.saturating_sub(zero));
        if h == 0 || !self.rel_bounds {
            return Some((h, 0.0));
        }
        // Relative change: the cheapest h star steps ...
        let mut r_star = 0.0;
        let mut left = f64::from(h);
        for &p in &self.by_rho_star {
            if p < k {
                continue;
            }
            let c = &self.cands[p];
            if c.max_stars == 0 || !c.rho_star.is_finite() {
                continue;
            }
            let take = f64::from(c.max_stars).min(left);
            r_star += take * c.rho_star;
            left -= take;
            if left <= 0.0 {
                break;
            }
        }
        // ... the cheapest way to close a shortfall, point by point ...
        let cover = |short: f64, dim: Option<usize>| -> f64 {
            let mut left = short;
            let mut r = 0.0;
            for &p in &self.by_rho_total {
                if p < k {
                    continue;
                }
                let c = &self.cands[p];
                let (rho, cap) = match dim {
                    Some(d) if c.dim != Some(d) => continue,
                    Some(_) => (c.rho_dim, c.cap_dim),
                    None => (c.rho_total, c.cap_total),
                };
                if !rho.is_finite() || cap <= 0.0 {
                    continue;
                }
                let take = cap.min(left);
                r += take * rho;
                left -= take;
                if left <= 0.0 {
                    break;
                }
            }
            r
        };
        let r_total = if short_total > 0.0 {
            cover(short_total, None)
        } else {
            0.0
        };
        let r_dim: f64 = short_dim.iter().map(|&(d, s)| cover(s, Some(d))).sum();
        // ... and the cheapest fills.
        let r_miss: f64 = if miss > 0 {
            fills.sort_by(f64::total_cmp);
            fills.iter().take(miss as usize).sum()
        } else {
            0.0
        };
        Some((h, r_star.max(r_total).max(r_dim).max(r_miss)))
    }

    /// The cost of a set of targets.
    fn cost(&self, t: &Targets) -> (u32, f64) {
        t.iter()
            .enumerate()
            .filter_map(|(i, x)| x.map(|(st, _, rel)| (u32::from(st - self.cur[i]), rel)))
            .fold((0, 0.0), |(a, b), (s, r)| (a + s, b + r))
    }

    /// A plan without proof of minimality: from the forced targets, repeatedly
    /// take the raise that closes the most of the shortfalls per star step
    /// (by the bounds), then the raise that most lowers the exact shortfall.
    fn greedy(&self) -> Option<Targets> {
        let nd = self.short_dim.len();
        let mut choice: Vec<Option<usize>> = vec![None; self.cands.len()];
        let mut gain_total = 0.0;
        let mut gain_dim = vec![0.0; nd];
        let mut filled = 0u32;
        let to_targets = |choice: &[Option<usize>]| {
            let mut t = self.root.clone();
            for (c, o) in self.cands.iter().zip(choice) {
                if let Some(o) = o {
                    let o = c.opts[*o];
                    t[c.index] = Some((o.star, o.value, o.rel));
                }
            }
            t
        };
        while !self.may_hold(gain_total, &gain_dim, filled) {
            let mut best: Option<(f64, f64, usize, usize)> = None;
            for (ci, c) in self.cands.iter().enumerate() {
                let (was_stars, was_rel, was_t, was_d) = match choice[ci] {
                    Some(o) => {
                        let o = c.opts[o];
                        (o.d_stars, o.d_rel, o.g_total, o.g_dim)
                    }
                    None => (0, 0.0, 0.0, 0.0),
                };
                let from = choice[ci].map_or(0, |o| o + 1);
                for (oi, o) in c.opts.iter().enumerate().skip(from) {
                    let mut progress = 0.0;
                    let st = self.short_total - gain_total;
                    if st > 0.0 {
                        progress += (o.g_total - was_t).min(st) / st;
                    }
                    if let Some(d) = c.dim
                        && let Some(s) = self.short_dim[d]
                    {
                        let sd = s - gain_dim[d];
                        if sd > 0.0 {
                            progress += (o.g_dim - was_d).min(sd) / sd;
                        }
                    }
                    let miss = self.short_missing.saturating_sub(filled);
                    if miss > 0 && c.fills_missing && choice[ci].is_none() {
                        progress += 1.0 / f64::from(miss);
                    }
                    // A 0★ fill costs no star step: it counts as half a step here.
                    let per = progress / f64::from(o.d_stars - was_stars).max(0.5);
                    let rel = o.d_rel - was_rel;
                    if per > 0.0
                        && best.is_none_or(|b| per > b.0 + EPS || (per > b.0 - EPS && rel < b.1))
                    {
                        best = Some((per, rel, ci, oi));
                    }
                }
            }
            let (_, _, ci, oi) = best?;
            let c = &self.cands[ci];
            if let Some(o) = choice[ci] {
                gain_total -= c.opts[o].g_total;
                if let Some(d) = c.dim {
                    gain_dim[d] -= c.opts[o].g_dim;
                }
            } else if c.fills_missing {
                filled += 1;
            }
            gain_total += c.opts[oi].g_total;
            if let Some(d) = c.dim {
                gain_dim[d] += c.opts[oi].g_dim;
            }
            choice[ci] = Some(oi);
        }
        // The bounds may over-state the gains (caps, excluded missing values):
        // finish on exact shortfalls.
        let mut t = to_targets(&choice);
        loop {
            let s = self.score(&t);
            if holds(self.model, self.rule, &s) {
                return Some(t);
            }
            // (shortfall, star steps, indicator, target)
            let mut best: Option<(f64, u32, usize, Target)> = None;
            for c in &self.cands {
                let now = t[c.index].map_or(self.cur[c.index], |x| x.0);
                let unset = t[c.index].is_none();
                if let Some(o) = c
                    .opts
                    .iter()
                    .find(|o| o.star > now || (unset && o.d_stars == 0))
                {
                    let was = t[c.index];
                    t[c.index] = Some((o.star, o.value, o.rel));
                    let short = self.shortfall(&self.score(&t));
                    t[c.index] = was;
                    let key = (
                        short,
                        u32::from(o.star - now),
                        c.index,
                        (o.star, o.value, o.rel),
                    );
                    if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                        best = Some(key);
                    }
                }
            }
            let (_, _, i, x) = best?;
            t[i] = Some(x);
        }
    }

    /// How far a scored set is from the rule, in points (and 100 per missing
    /// indicator over `max_missing`): the greedy completion's guide.
    fn shortfall(&self, s: &Scored) -> f64 {
        let std = self.model.standard;
        let mut f = (self.rule.min_total - s.total).max(0.0);
        for (k, dim) in std.dimension.iter().enumerate() {
            if dim.role != DimensionRole::Scored {
                continue;
            }
            if let Some(min) = self
                .rule
                .min_dimension_for
                .get(&dim.code)
                .copied()
                .or(self.rule.min_dimension)
            {
                f += (min - super::round2(s.dim_scores[k].unwrap_or(0.0))).max(0.0);
            }
        }
        let miss = self
            .rule
            .max_missing
            .map_or(0, |m| s.missing_weighted.saturating_sub(m));
        f + 100.0 * f64::from(miss)
    }

    /// Why no plan can exist: the indicators that cannot reach what the rule
    /// names, or the conditions that fail even with every indicator at its best.
    fn impossible_reason(&self) -> Vec<Obstacle> {
        let std = self.model.standard;
        let mut reasons = Vec::new();
        for (i, &n) in self.need.iter().enumerate() {
            let best = self.model.ladders()[i]
                .last()
                .map_or(0, |t| t.0)
                .max(self.cur[i]);
            if n > best {
                reasons.push(Obstacle::CannotReach {
                    code: std.indicator[i].code.clone(),
                    best,
                    need: n,
                });
            }
        }
        for (i, &f) in self.frozen.iter().enumerate() {
            if f && self.need.get(i).is_some_and(|&n| n > self.cur[i]) {
                reasons.push(Obstacle::PerResident {
                    code: std.indicator[i].code.clone(),
                });
            }
        }
        if reasons.is_empty() {
            let mut top = self.root.clone();
            for c in &self.cands {
                if let Some(o) = c.opts.last() {
                    top[c.index] = Some((o.star, o.value, o.rel));
                }
            }
            let s = self.score(&top);
            let failing: Vec<_> = check(self.model, self.rule, &s)
                .into_iter()
                .filter(|c| !c.holds)
                .collect();
            reasons.push(Obstacle::EvenAtBest(failing));
        }
        reasons
    }
}

/// The base values with the targets applied.
fn apply(base: &[Option<f64>], t: &Targets) -> Vec<Option<f64>> {
    base.iter()
        .zip(t)
        .map(|(&b, x)| x.map_or(b, |(_, v, _)| Some(v)))
        .collect()
}

/// The search itself: (the targets, sets considered, cap reached).
fn run(search: &Search, cap: usize) -> (Option<Targets>, usize, bool) {
    if search.blocked {
        return (None, 0, false);
    }
    let nd = search.short_dim.len();
    let root_cost = (search.root_steps, search.root_rel);
    let mut explored = 1;
    let root_s = search.score(&search.root);
    if holds(search.model, search.rule, &root_s) {
        return (Some(search.root.clone()), explored, false);
    }
    let Some((h, hr)) = search.bound(0, 0.0, &vec![0.0; nd], 0) else {
        return (None, explored, false);
    };
    // The best plan so far, with its cost.
    let mut best: Option<(Targets, (u32, f64))> = search.greedy().map(|t| {
        let c = search.cost(&t);
        (t, c)
    });
    let mut nodes: Vec<Node> = vec![Node {
        parent: NO_PARENT,
        cand: 0,
        opt: 0,
        next: 0,
        steps: root_cost.0,
        rel: root_cost.1,
        gain_total: 0.0,
        filled: 0,
        gain_dim: vec![0.0; nd].into_boxed_slice(),
    }];
    // (steps + h, relative change + hr, fewer steps to go, node)
    let mut heap: BinaryHeap<Reverse<(u32, u64, u32, u32)>> = BinaryHeap::new();
    let push = |heap: &mut BinaryHeap<_>, f: (u32, f64), h: u32, id: usize| {
        heap.push(Reverse((f.0, f.1.max(0.0).to_bits(), h, id as u32)));
    };
    push(&mut heap, (root_cost.0 + h, root_cost.1 + hr), h, 0);
    while let Some(Reverse((fs, fr, _, id))) = heap.pop() {
        if let Some((_, c)) = &best
            && no_better((fs, f64::from_bits(fr)), *c)
        {
            break;
        }
        let id = id as usize;
        let start = usize::from(nodes[id].next);
        for ci in start..search.cands.len() {
            let c = &search.cands[ci];
            for (oi, o) in c.opts.iter().enumerate() {
                let parent = &nodes[id];
                let steps = parent.steps + o.d_stars;
                let rel = parent.rel + o.d_rel;
                if let Some((_, b)) = &best
                    && no_better((steps, rel), *b)
                {
                    continue;
                }
                let gain_total = parent.gain_total + o.g_total;
                let mut gain_dim = parent.gain_dim.clone();
                if let Some(d) = c.dim {
                    gain_dim[d] += o.g_dim;
                }
                let filled = parent.filled + u32::from(c.fills_missing);
                if explored >= cap {
                    return match best {
                        Some((t, _)) => (Some(t), explored, true),
                        None => (None, explored, true),
                    };
                }
                if search.may_hold(gain_total, &gain_dim, filled) {
                    // Possibly a plan: re-rate it exactly.
                    explored += 1;
                    let mut t = search.targets(&nodes, id as u32);
                    t[c.index] = Some((o.star, o.value, o.rel));
                    if holds(search.model, search.rule, &search.score(&t)) {
                        best = Some((t, (steps, rel)));
                        continue;
                    }
                }
                let Some((h, hr)) = search.bound(ci + 1, gain_total, &gain_dim, filled) else {
                    continue;
                };
                let f = (steps + h, rel + hr);
                if let Some((_, b)) = &best
                    && no_better(f, *b)
                {
                    continue;
                }
                explored += 1;
                nodes.push(Node {
                    parent: id as u32,
                    cand: ci as u16,
                    opt: oi as u8,
                    next: (ci + 1) as u16,
                    steps,
                    rel,
                    gain_total,
                    filled,
                    gain_dim,
                });
                push(&mut heap, f, h, nodes.len() - 1);
            }
        }
    }
    (best.map(|(t, _)| t), explored, false)
}

/// The plan from the current values to the next level above `stars`.
pub fn plan(
    model: &Model,
    values: &[Option<f64>],
    scored: &Scored,
    stars: u8,
    options: &Options,
) -> Plan {
    plan_frozen(model, values, scored, stars, options, &[])
}

/// Indicators a plan must not raise for this submission: with no resident
/// population and `missing = "exclude"`, a step on a per-population
/// indicator would mean filling the population, which gives values to every
/// other per-population indicator with a count; under `exclude` those may
/// lower their dimension, and their values are unknown until the population
/// is. (Under `zero` a value never scores below a missing one.)
pub fn frozen(standard: &crate::standard::Standard, sub: &Submission) -> Vec<bool> {
    let per_pop: Vec<bool> = standard
        .indicator
        .iter()
        .map(|i| matches!(i.kind, Kind::PerPopulation { .. }))
        .collect();
    let counted = standard
        .indicator
        .iter()
        .filter(|i| {
            matches!(i.kind, Kind::PerPopulation { .. })
                && sub
                    .data
                    .get(&i.code)
                    .and_then(|d| d.number(InputItem::Count))
                    .is_some()
        })
        .count();
    let risky = sub.entity.population.is_none_or(|p| p <= 0.0)
        && standard.scoring.missing == MissingPolicy::Exclude
        && counted > 0;
    if risky { per_pop } else { Vec::new() }
}

/// [`plan`], never raising the indicators marked in `frozen`.
pub fn plan_frozen(
    model: &Model,
    values: &[Option<f64>],
    scored: &Scored,
    stars: u8,
    options: &Options,
    frozen: &[bool],
) -> Plan {
    let cap = options.plan_cap;
    let Some(rule) = next_rule(model, stars) else {
        return Plan {
            status: PlanStatus::Top,
            target_stars: None,
            target_name: None,
            steps: Vec::new(),
            star_steps: 0,
            relative_change: 0.0,
            total_after: None,
            stars_after: None,
            verified: true,
            explored: 0,
            cap,
            reason: Some(PlanReason::Top),
        };
    };
    let search = Search::new(model, rule, values, scored, frozen);
    let (found, explored, capped) = run(&search, cap);
    let mut out = Plan {
        status: PlanStatus::Impossible,
        target_stars: Some(rule.stars),
        target_name: Some(super::stars_label(model.standard, rule.stars)),
        steps: Vec::new(),
        star_steps: 0,
        relative_change: 0.0,
        total_after: None,
        stars_after: None,
        verified: false,
        explored,
        cap,
        reason: None,
    };
    let Some(t) = found else {
        out.reason = Some(if capped {
            PlanReason::CapNoPlan { cap }
        } else {
            PlanReason::Impossible(search.impossible_reason())
        });
        return out;
    };
    // Verify by re-running the full rating on the improved values.
    let after = search.score(&t);
    let after_stars = stars_of(model, &after);
    out.verified = after_stars >= rule.stars;
    out.total_after = Some(after.total);
    out.stars_after = Some(after_stars);
    out.status = if capped {
        PlanStatus::FoundCapped
    } else {
        PlanStatus::Found
    };
    if capped {
        out.reason = Some(PlanReason::CapFound { cap });
    }
    for (i, x) in t.iter().enumerate() {
        let Some((to_star, to, rel)) = *x else {
            continue;
        };
        let ind = &model.standard.indicator[i];
        let from_star = search.cur[i];
        let mut alone: Targets = vec![None; t.len()];
        alone[i] = Some((to_star, to, rel));
        let points = search.score(&alone).total - scored.total;
        out.star_steps += u32::from(to_star - from_star);
        out.relative_change += rel;
        out.steps.push(Step {
            code: ind.code.clone(),
            name: crate::diag::Text::new(&ind.name_zh, &ind.name_en),
            unit: ind.unit.clone(),
            from: values[i],
            to,
            from_text: values[i].map_or(Shown::Missing, |v| Shown::Value(describe_value(ind, v))),
            to_text: Shown::Value(describe_value(ind, to)),
            stars_from: from_star,
            stars_to: to_star,
            stars_gained: to_star - from_star,
            points_gained: super::round2(points),
            relative_change: super::round2(rel * 10_000.0) / 10_000.0,
            input: None,
            conditions: Vec::new(),
        });
    }
    out.relative_change = super::round2(out.relative_change * 10_000.0) / 10_000.0;
    out
}

/// What one step asks the office to type, and the indicator value that gives.
struct Typed {
    input: Option<InputTarget>,
    conditions: Vec<InputTarget>,
    /// The indicator's value computed from what is typed, as the reader and
    /// the assessment will compute it; the requirement itself where another
    /// input must be filled first (the population, a denominator).
    value: f64,
    /// A value shown for the indicator that replaces the requirement (single-input kinds).
    shown: Option<f64>,
}

/// Turn every step into what the office types, in the units and decimals it
/// enters them (docs/scoring.md §6), and verify the plan on exactly those
/// values: `verified`, `total_after`, `stars_after` and each step's
/// `points_gained` come from re-rating the values as typed.
pub fn realise(plan: &mut Plan, model: &Model, values: &[Option<f64>], sub: &Submission) {
    if plan.steps.is_empty() {
        return;
    }
    let std = model.standard;
    let base = model.score(values, &model.weights);
    let mut after: Vec<Option<f64>> = values.to_vec();
    let mut singles: Vec<(usize, f64)> = Vec::new();
    for step in &mut plan.steps {
        let Some(i) = std.indicator.iter().position(|x| x.code == step.code) else {
            continue;
        };
        let ind = &std.indicator[i];
        let t = typed(ind, step, sub);
        let shown = if let Some(v) = t.shown {
            step.to = v;
            Some(describe_value(ind, v))
        } else if ind.kind.has_thresholds() {
            Some(describe_toward(ind, step.to))
        } else {
            None
        };
        if let Some(v) = shown {
            step.to_text = Shown::Value(v);
        }
        if step.stars_to == 0
            && let Shown::Value(v) = &step.to_text
        {
            step.to_text = Shown::Answered(v.clone());
        }
        step.input = t.input;
        step.conditions = t.conditions;
        after[i] = Some(t.value);
        singles.push((i, t.value));
    }
    let changed: Vec<usize> = singles.iter().map(|&(i, _)| i).collect();
    let s = model.rescore(&base, &after, &changed);
    let stars = stars_of(model, &s);
    plan.total_after = Some(s.total);
    plan.stars_after = Some(stars);
    plan.verified = plan.target_stars.is_some_and(|t| stars >= t);
    for (step, (i, v)) in plan.steps.iter_mut().zip(singles) {
        let mut alone = values.to_vec();
        alone[i] = Some(v);
        step.points_gained = super::round2(model.rescore(&base, &alone, &[i]).total - base.total);
    }
}

/// A threshold value for people, rounded to two decimals towards the star
/// (up for higher-is-better, down for lower): never a number short of it.
fn describe_toward(ind: &Indicator, v: f64) -> Value {
    let up = ind.direction == Direction::Higher;
    describe_value(ind, crate::standard::round_toward(v, 2, up))
}

/// The least (higher-is-better) or most (lower) number with `decimals`
/// places whose `a × x` reaches `b × c` exactly, i.e. x ≥ b × c ÷ a:
/// rounded from the six-decimal quotient, then checked without rounding.
fn least_input(a: f64, b: f64, c: f64, decimals: u32, up: bool) -> f64 {
    use std::cmp::Ordering;
    let step = 10f64.powi(-(decimals.min(6) as i32));
    let mut x = crate::standard::round_toward(b * c / a, decimals, up);
    for _ in 0..4 {
        let ord = crate::standard::cmp_products(a, x, b, c);
        let ok = if up {
            ord != Ordering::Less
        } else {
            ord != Ordering::Greater
        };
        if ok {
            break;
        }
        x = crate::standard::round_toward(if up { x + step } else { x - step }, decimals, up);
    }
    x
}

fn typed(ind: &Indicator, step: &Step, sub: &Submission) -> Typed {
    let data = sub.data.get(&ind.code);
    let up = ind.direction == Direction::Higher;
    let op = Op::of(ind.direction);
    let req = step.to;
    let plain = Typed {
        input: None,
        conditions: Vec::new(),
        value: req,
        shown: None,
    };
    match &ind.kind {
        Kind::Ratio { numerator, .. } => {
            let p = input_decimals(&numerator.unit, false);
            let n = data.and_then(|d| d.number(InputItem::Numerator));
            let den = data
                .and_then(|d| d.number(InputItem::Denominator))
                .filter(|d| *d > 0.0);
            let Some(den) = den else {
                let text = Input::NumeratorShare { op, percent: req };
                return Typed {
                    input: Some(InputTarget {
                        item: InputItem::Numerator,
                        from: n,
                        to: None,
                        of: None,
                        text,
                    }),
                    ..plain
                };
            };
            // numerator × 100 ≥ requirement × denominator
            let mut to = least_input(100.0, req, den, p, up);
            if up && to > den {
                to = den;
            }
            let text = Input::Numerator {
                op,
                to,
                denominator: den,
            };
            Typed {
                input: Some(InputTarget {
                    item: InputItem::Numerator,
                    from: n,
                    to: Some(to),
                    of: Some(den),
                    text,
                }),
                value: to / den * 100.0,
                ..plain
            }
        }
        Kind::PerPopulation { count, per } => {
            let p = input_decimals(&count.unit, false);
            let c = data.and_then(|d| d.number(InputItem::Count));
            let Some(pop) = sub.entity.population.filter(|p| *p > 0.0) else {
                let text = Input::CountPer {
                    op,
                    requirement: req,
                    per: *per,
                    whole: p == 0,
                };
                return Typed {
                    input: Some(InputTarget {
                        item: InputItem::Count,
                        from: c,
                        to: None,
                        of: None,
                        text,
                    }),
                    ..plain
                };
            };
            // count × per ≥ requirement × population
            let to = least_input(*per, req, pop, p, up);
            let text = Input::Count {
                op,
                to,
                population: pop,
            };
            Typed {
                input: Some(InputTarget {
                    item: InputItem::Count,
                    from: c,
                    to: Some(to),
                    of: Some(pop),
                    text,
                }),
                value: to / pop * per,
                ..plain
            }
        }
        Kind::Percent { input } | Kind::Number { input } | Kind::Survey { input } => {
            let percent = matches!(ind.kind, Kind::Percent { .. }) || input.unit == "%";
            let to = least_input(1.0, req, 1.0, input_decimals(&input.unit, percent), up);
            Typed {
                value: to,
                shown: Some(to),
                ..plain
            }
        }
        Kind::AllOf { conditions } => {
            let star = step.stars_to;
            let mut parts = Vec::new();
            let mut least = 5u8;
            for (k, c) in conditions.iter().enumerate() {
                let item = InputItem::Part(k as u8 + 1);
                let now = data.and_then(|d| d.number(item));
                let Some(need) = score::part_requirement(c, ind.direction, star) else {
                    continue;
                };
                let meets = now.is_some_and(|v| c.stars_for(ind.direction, v) >= star);
                let v = match now {
                    Some(v) if meets => v,
                    _ => {
                        let to =
                            least_input(1.0, need, 1.0, input_decimals(&c.unit, c.unit == "%"), up);
                        let text = Input::Part(score::part(c, ind.direction, to));
                        parts.push(InputTarget {
                            item,
                            from: now,
                            to: Some(to),
                            of: None,
                            text,
                        });
                        to
                    }
                };
                least = least.min(c.stars_for(ind.direction, v));
            }
            Typed {
                input: None,
                conditions: parts,
                value: f64::from(least),
                shown: None,
            }
        }
        Kind::YesNo { .. } | Kind::Grade { .. } => plain,
    }
}
