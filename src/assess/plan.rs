//! The next-star plan: the smallest set of indicator improvements that makes
//! the next level's rule hold — fewest star steps first, then the smallest
//! total relative change in value.
//!
//! A step raises one indicator to exactly the value that earns a target star
//! (its requirement; for yes/no and graded items the answer or option giving
//! that star). The search is A* over "target star per indicator" vectors,
//! generated canonically (indicators raised in index order) so each vector is
//! visited once. The priority is (star steps + h, relative change), where h is
//! a lower bound on the star steps still needed, taken as the largest of:
//! stars still missing on indicators the rule names; missing indicators above
//! `max_missing`; the total's deficit over the largest gain one star step can
//! bring; and per dimension, its deficit over the largest gain one step can
//! bring to it. Each bound never overestimates, so the first vector popped that
//! satisfies the rule is minimal. The search evaluates at most `cap` vectors;
//! past that it completes greedily and says the plan may not be minimal.

use super::Options;
use super::rating::{check, holds, next_rule, stars_of};
use super::score::{Model, Scored, describe_value, ladder};
use crate::Lang;
use crate::standard::{DimensionRole, MissingPolicy, Role, StarRule};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Most candidate sets a plan search evaluates before completing greedily.
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// `None` when the indicator had no usable value.
    pub from: Option<f64>,
    pub to: f64,
    pub from_text: String,
    pub to_text: String,
    pub stars_from: u8,
    pub stars_to: u8,
    pub stars_gained: u8,
    /// Points the total gains from this step alone.
    pub points_gained: f64,
    pub relative_change: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub status: PlanStatus,
    pub target_stars: Option<u8>,
    pub target_name: Option<String>,
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
    pub reason: Option<String>,
}

/// One indicator that can be raised: its reachable targets, lowest first.
struct Candidate {
    index: usize,
    /// (star, value, relative change from the current value)
    targets: Vec<(u8, f64, f64)>,
}

struct Node {
    t: Vec<u8>,
    last: usize,
    steps: u32,
    rel: f64,
    goal: bool,
}

const INF: u32 = u32::MAX / 4;

struct Search<'m, 'a> {
    model: &'m Model<'a>,
    rule: &'a StarRule,
    base: &'m [Option<f64>],
    cands: Vec<Candidate>,
    /// Least star each indicator must reach (mandatory, min_stars, veto).
    need: Vec<u8>,
    /// Upper bound of the total's gain per star step.
    gain_total: f64,
    /// Upper bound of each dimension's score gain per star step.
    gain_dim: Vec<f64>,
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

impl<'m, 'a> Search<'m, 'a> {
    fn new(model: &'m Model<'a>, rule: &'a StarRule, base: &'m [Option<f64>], s: &Scored) -> Self {
        let std = model.standard;
        let cands: Vec<Candidate> = std
            .indicator
            .iter()
            .enumerate()
            .filter_map(|(i, ind)| {
                let cur = base[i].map_or(0, |_| s.stars[i]);
                let numeric = ind.kind.has_thresholds();
                let targets: Vec<(u8, f64, f64)> = ladder(ind)
                    .into_iter()
                    .filter(|(st, _)| *st > cur)
                    .map(|(st, v)| (st, v, relative(base[i], v, numeric)))
                    .collect();
                (!targets.is_empty()).then_some(Candidate { index: i, targets })
            })
            .collect();

        let mut need = vec![0u8; std.indicator.len()];
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

        // Per-star gain bounds (see the module comment).
        let exclude = std.scoring.missing == MissingPolicy::Exclude;
        let nd = std.dimension.len();
        let dim_total: f64 = (0..nd)
            .filter(|&k| std.dimension[k].role == DimensionRole::Scored)
            .map(|k| model.weights.dim[k])
            .sum();
        let mut wsum = vec![0.0; nd];
        let mut has_missing = vec![false; nd];
        for (i, ind) in std.indicator.iter().enumerate() {
            if ind.role.is_weighted() {
                let d = model.dim_of[i];
                if base[i].is_some() || !exclude {
                    wsum[d] += model.weights.ind[i];
                }
                if base[i].is_none() {
                    has_missing[d] = true;
                }
            }
        }
        let mut gain_total: f64 = 0.0;
        let mut gain_dim = vec![0.0f64; nd];
        for c in &cands {
            let i = c.index;
            let ind = &std.indicator[i];
            let d = model.dim_of[i];
            let cur_star = base[i].map_or(0, |_| s.stars[i]);
            match ind.role {
                Role::Scored | Role::Mandatory => {
                    let per_star_dim = if exclude && has_missing[d] {
                        100.0
                    } else {
                        let cur_score = s.scores[i].unwrap_or(0.0);
                        let mut pts = vec![(cur_star, cur_score)];
                        pts.extend(
                            c.targets
                                .iter()
                                .map(|&(st, v, _)| (st, std.indicator_score(ind, v))),
                        );
                        let mut slope: f64 = 0.0;
                        for a in 0..pts.len() {
                            for b in a + 1..pts.len() {
                                let ds = f64::from(pts[b].0) - f64::from(pts[a].0);
                                if ds > 0.0 {
                                    slope = slope.max((pts[b].1 - pts[a].1) / ds);
                                }
                            }
                        }
                        if wsum[d] > 0.0 {
                            slope * model.weights.ind[i] / wsum[d]
                        } else {
                            100.0
                        }
                    };
                    gain_dim[d] = gain_dim[d].max(per_star_dim);
                    if dim_total > 0.0 {
                        gain_total =
                            gain_total.max(per_star_dim * model.weights.dim[d] / dim_total);
                    }
                }
                Role::Bonus | Role::Deduction => {
                    gain_total = gain_total.max(ind.points.unwrap_or(0.0) / 5.0);
                }
            }
        }
        Search {
            model,
            rule,
            base,
            cands,
            need,
            gain_total,
            gain_dim,
        }
    }

    fn values(&self, t: &[u8]) -> Vec<Option<f64>> {
        let mut v = self.base.to_vec();
        for (c, &k) in self.cands.iter().zip(t) {
            if k > 0 {
                v[c.index] = Some(c.targets[k as usize - 1].1);
            }
        }
        v
    }

    fn score(&self, t: &[u8]) -> Scored {
        self.model.score(&self.values(t), &self.model.weights)
    }

    /// A lower bound on the star steps still needed from a scored state.
    fn h(&self, s: &Scored) -> u32 {
        let std = self.model.standard;
        let steps_for = |deficit: f64, gain: f64| -> u32 {
            let d = deficit - 0.01;
            if d <= 0.0 {
                0
            } else if gain <= 0.0 {
                INF
            } else {
                ((d / gain) - 1e-9).ceil().max(0.0) as u32
            }
        };
        let h_total = steps_for(self.rule.min_total - s.total, self.gain_total);
        let mut h_dim: u32 = 0;
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
                let ds = super::round2(s.dim_scores[k].unwrap_or(0.0));
                h_dim = h_dim.saturating_add(steps_for(min - ds, self.gain_dim[k]));
            }
        }
        let h_stars: u32 = self
            .need
            .iter()
            .zip(&s.stars)
            .map(|(&n, &st)| u32::from(n.saturating_sub(st)))
            .sum();
        let h_missing = self
            .rule
            .max_missing
            .map_or(0, |m| s.missing_weighted.saturating_sub(m));
        h_total.max(h_dim).max(h_stars).max(h_missing).min(INF)
    }

    /// Why no plan can exist: the indicators that cannot reach what the rule
    /// names, or the conditions that fail even with every indicator at its best.
    fn impossible_reason(&self, lang: Lang) -> String {
        let std = self.model.standard;
        let mut reasons = Vec::new();
        let now = self.score(&vec![0; self.cands.len()]);
        for (i, &n) in self.need.iter().enumerate() {
            let best = self
                .cands
                .iter()
                .find(|c| c.index == i)
                .and_then(|c| c.targets.last().map(|t| t.0))
                .unwrap_or(0);
            let top = best.max(now.stars[i]);
            if n > top {
                let code = &std.indicator[i].code;
                reasons.push(match lang {
                    Lang::Zh => format!("{code} 最高只能达到 {top}★，规则要求 {n}★"),
                    Lang::En => format!("{code} can reach at most {top}★; the rule needs {n}★"),
                });
            }
        }
        if reasons.is_empty() {
            let top: Vec<u8> = self.cands.iter().map(|c| c.targets.len() as u8).collect();
            let s = self.score(&top);
            let failing: Vec<String> = check(self.model, self.rule, &s, lang)
                .into_iter()
                .filter(|c| !c.holds)
                .map(|c| c.text)
                .collect();
            reasons.push(match lang {
                Lang::Zh => format!("即使每项指标都达到最高星级：{}", failing.join("；")),
                Lang::En => format!(
                    "even with every indicator at its best: {}",
                    failing.join("; ")
                ),
            });
        }
        reasons.join(lang.pick("；", "; "))
    }
}

/// The plan from the current values to the next level above `stars`.
pub fn plan(
    model: &Model,
    values: &[Option<f64>],
    scored: &Scored,
    stars: u8,
    options: &Options,
) -> Plan {
    let lang = options.lang;
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
            reason: Some(
                lang.pick(
                    "已是该标准的最高星级",
                    "already at the standard's highest level",
                )
                .to_string(),
            ),
        };
    };
    let search = Search::new(model, rule, values, scored);
    let (found, explored, capped) = run(&search, cap);
    let mut out = Plan {
        status: PlanStatus::Impossible,
        target_stars: Some(rule.stars),
        target_name: Some(super::stars_label(model.standard, rule.stars, lang)),
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
            match lang {
                Lang::Zh => format!("搜索达到上限（{cap} 个组合），未找到方案"),
                Lang::En => format!("the search reached its cap ({cap} sets) without a plan"),
            }
        } else {
            search.impossible_reason(lang)
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
        out.reason = Some(match lang {
            Lang::Zh => format!("搜索达到上限（{cap} 个组合），以逐步贪心补全；方案可能不是最小的"),
            Lang::En => format!(
                "the search reached its cap ({cap} sets) and was completed greedily; the plan may not be minimal"
            ),
        });
    }
    for (ci, c) in search.cands.iter().enumerate() {
        let k = t[ci];
        if k == 0 {
            continue;
        }
        let i = c.index;
        let ind = &model.standard.indicator[i];
        let (to_star, to, rel) = c.targets[k as usize - 1];
        let from_star = values[i].map_or(0, |_| scored.stars[i]);
        let mut alone = vec![0u8; search.cands.len()];
        alone[ci] = k;
        let points = search.score(&alone).total - scored.total;
        out.star_steps += u32::from(to_star - from_star);
        out.relative_change += rel;
        out.steps.push(Step {
            code: ind.code.clone(),
            name: ind.name(lang).to_string(),
            unit: ind.unit.clone(),
            from: values[i],
            to,
            from_text: values[i].map_or_else(
                || lang.pick("（缺失）", "(missing)").to_string(),
                |v| describe_value(ind, v, lang),
            ),
            to_text: describe_value(ind, to, lang),
            stars_from: from_star,
            stars_to: to_star,
            stars_gained: to_star - from_star,
            points_gained: super::round2(points),
            relative_change: super::round2(rel * 10_000.0) / 10_000.0,
        });
    }
    out.relative_change = super::round2(out.relative_change * 10_000.0) / 10_000.0;
    out
}

/// The search itself: (targets per candidate, sets evaluated, cap reached).
fn run(search: &Search, cap: usize) -> (Option<Vec<u8>>, usize, bool) {
    let n = search.cands.len();
    let mut nodes: Vec<Node> = Vec::new();
    let mut heap: BinaryHeap<Reverse<(u32, u64, usize)>> = BinaryHeap::new();
    let root_t = vec![0u8; n];
    let root = search.score(&root_t);
    let mut explored = 1;
    let h = search.h(&root);
    if h < INF {
        nodes.push(Node {
            t: root_t,
            last: 0,
            steps: 0,
            rel: 0.0,
            goal: holds(search.model, search.rule, &root),
        });
        heap.push(Reverse((h, 0f64.to_bits(), 0)));
    }
    while let Some(Reverse((_, _, id))) = heap.pop() {
        if nodes[id].goal {
            return (Some(nodes[id].t.clone()), explored, false);
        }
        for ci in nodes[id].last..n {
            let k = nodes[id].t[ci];
            let c = &search.cands[ci];
            if k as usize >= c.targets.len() {
                continue;
            }
            if explored >= cap {
                return (greedy(search), explored, true);
            }
            explored += 1;
            let mut t = nodes[id].t.clone();
            t[ci] = k + 1;
            let prev_star = if k == 0 {
                search.base[c.index].map_or(0, |_| root.stars[c.index])
            } else {
                c.targets[k as usize - 1].0
            };
            let prev_rel = if k == 0 {
                0.0
            } else {
                c.targets[k as usize - 1].2
            };
            let (star, _, rel) = c.targets[k as usize];
            let steps = nodes[id].steps + u32::from(star - prev_star);
            let rel = nodes[id].rel - prev_rel + rel;
            let s = search.score(&t);
            let h = search.h(&s);
            if h >= INF {
                continue;
            }
            let goal = holds(search.model, search.rule, &s);
            nodes.push(Node {
                t,
                last: ci,
                steps,
                rel,
                goal,
            });
            heap.push(Reverse((
                steps + h,
                rel.max(0.0).to_bits(),
                nodes.len() - 1,
            )));
        }
    }
    (None, explored, false)
}

/// Past the cap: from the current values, repeatedly take the single raise
/// that most lowers the bound on steps still needed (then raises the total),
/// until the rule holds or nothing is left to raise.
fn greedy(search: &Search) -> Option<Vec<u8>> {
    let n = search.cands.len();
    let mut t = vec![0u8; n];
    loop {
        let s = search.score(&t);
        if holds(search.model, search.rule, &s) {
            return Some(t);
        }
        let mut best: Option<(u32, f64, usize)> = None;
        for ci in 0..n {
            if t[ci] as usize >= search.cands[ci].targets.len() {
                continue;
            }
            t[ci] += 1;
            let s = search.score(&t);
            t[ci] -= 1;
            let key = (search.h(&s), -s.total, ci);
            if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                best = Some(key);
            }
        }
        let (_, _, ci) = best?;
        t[ci] += 1;
    }
}
