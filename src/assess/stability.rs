//! Rating stability: how much the star depends on the exact weights.
//!
//! Each draw multiplies every scored dimension's weight and every weighted
//! indicator's weight by an independent factor drawn uniformly from
//! [0.8, 1.2), renormalises the dimension weights to their original sum and
//! each dimension's indicator weights to theirs, and rates again. The draws
//! come from SplitMix64 (Steele, Lea & Flood 2014) seeded with `--seed`, so a
//! seed always gives the same answer on every platform.

use super::round2;
use super::score::{Model, Weights};
use serde::Serialize;

pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_DRAWS: usize = 1000;
/// Half-width of the multiplicative perturbation: factors in [1 − S, 1 + S).
pub const SPREAD: f64 = 0.2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    pub draws: usize,
    pub seed: u64,
    /// Share of draws (0–1) that keep the same star.
    pub same_stars: f64,
    /// Draws per resulting star level, index 0–5.
    pub distribution: [usize; 6],
    /// 5th and 95th percentile of the total over the draws (nearest rank).
    pub total_p5: f64,
    pub total_p95: f64,
    /// "weights × U(0.8, 1.2), renormalised within their parent".
    pub method: String,
}

/// SplitMix64: a tiny, well-studied generator, enough for reproducible draws.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Move past one output without computing it.
    pub fn skip(&mut self) {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
    }

    /// Uniform in [0, 1) with 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// One perturbed set of weights.
pub fn perturb(model: &Model, rng: &mut SplitMix64) -> Weights {
    let base = &model.weights;
    let mut factor = || 1.0 - SPREAD + 2.0 * SPREAD * rng.next_f64();
    let mut dim: Vec<f64> = base.dim.iter().map(|w| w * factor()).collect();
    let mut ind: Vec<f64> = base.ind.iter().map(|w| w * factor()).collect();
    let rescale = |v: &mut [f64], orig: &[f64], idx: &[usize]| {
        let was: f64 = idx.iter().map(|&i| orig[i]).sum();
        let now: f64 = idx.iter().map(|&i| v[i]).sum();
        if now > 0.0 {
            for &i in idx {
                v[i] *= was / now;
            }
        }
    };
    let all: Vec<usize> = (0..dim.len()).collect();
    rescale(&mut dim, &base.dim, &all);
    for d in 0..base.dim.len() {
        let idx: Vec<usize> = (0..ind.len()).filter(|&i| model.dim_of[i] == d).collect();
        rescale(&mut ind, &base.ind, &idx);
    }
    Weights { dim, ind }
}

pub fn stability(
    model: &Model,
    values: &[Option<f64>],
    stars: u8,
    seed: u64,
    draws: usize,
) -> Stability {
    let mut rng = SplitMix64::new(seed);
    let mut distribution = [0usize; 6];
    let mut totals = Vec::with_capacity(draws);
    let fast = Reweigh::new(model, values);
    let mut dim = model.weights.dim.clone();
    let mut ind = model.weights.ind.clone();
    for _ in 0..draws {
        let (s, total) = fast.draw(&mut rng, &mut dim, &mut ind);
        distribution[s.min(5) as usize] += 1;
        totals.push(total);
    }
    // Nearest-rank percentiles: the totals at two ranks, without a full sort.
    let rank = |p: f64| ((p * totals.len() as f64).ceil() as usize).clamp(1, totals.len()) - 1;
    let (total_p5, total_p95) = if totals.is_empty() {
        (0.0, 0.0)
    } else {
        let (lo, hi) = (rank(0.05), rank(0.95));
        let (below, &mut p95, _) = totals.select_nth_unstable_by(hi, f64::total_cmp);
        let p5 = if lo < hi {
            *below.select_nth_unstable_by(lo, f64::total_cmp).1
        } else {
            p95
        };
        (p5, p95)
    };
    Stability {
        draws,
        seed,
        same_stars: if draws == 0 {
            1.0
        } else {
            round2(distribution[stars.min(5) as usize] as f64 / draws as f64 * 100.0) / 100.0
        },
        distribution,
        total_p5,
        total_p95,
        method: format!(
            "weights × U({}, {}), renormalised within their parent; SplitMix64",
            1.0 - SPREAD,
            1.0 + SPREAD
        ),
    }
}

/// The draws' hot path. Weights change neither values nor stars, so every
/// indicator's score, the bonus and deduction, and each rule's conditions on
/// stars and missing indicators are computed once; a draw only re-weighs.
/// The arithmetic is that of [`perturb`] and [`Model::score`], in the same
/// order, so a draw gives the same total to the last bit.
struct Reweigh<'m, 'a> {
    model: &'m Model<'a>,
    /// Scored dimensions.
    scored_dim: Vec<bool>,
    /// Per dimension, (indicator, score) of those that count towards it, in order.
    counted: Vec<Vec<(usize, f64)>>,
    /// Per dimension: its indicators (for renormalising their weights).
    members: Vec<Vec<usize>>,
    /// Base weight sums: of all dimensions, and of each dimension's indicators.
    dim_was: f64,
    ind_was: Vec<f64>,
    /// Bonus and deduction, after their caps.
    bonus: f64,
    deduction: f64,
    /// Rules, highest first: (stars, min_total, per-dimension minimum, other conditions hold).
    rules: Vec<(u8, f64, Vec<Option<f64>>, bool)>,
}

impl<'m, 'a> Reweigh<'m, 'a> {
    fn new(model: &'m Model<'a>, values: &[Option<f64>]) -> Self {
        let std = model.standard;
        let base = model.score(values, &model.weights);
        let scored_dim: Vec<bool> = std
            .dimension
            .iter()
            .map(|d| d.role == crate::standard::DimensionRole::Scored)
            .collect();
        let nd = std.dimension.len();
        let mut counted = vec![Vec::new(); nd];
        for (i, ind) in std.indicator.iter().enumerate() {
            let weighted = matches!(
                ind.role,
                crate::standard::Role::Scored | crate::standard::Role::Mandatory
            );
            if let (true, Some(s)) = (weighted, base.scores[i]) {
                counted[model.dim_of[i]].push((i, s));
            }
        }
        let nd = std.dimension.len();
        // Zero weights add nothing to the sums and stay zero: left out.
        let members: Vec<Vec<usize>> = (0..nd)
            .map(|d| {
                (0..model.len())
                    .filter(|&i| model.dim_of[i] == d && model.weights.ind[i] != 0.0)
                    .collect()
            })
            .collect();
        let dim_was = model.weights.dim.iter().sum();
        let ind_was = members
            .iter()
            .map(|idx| idx.iter().map(|&i| model.weights.ind[i]).sum())
            .collect();
        let rules = std
            .rules_desc()
            .map(|r| {
                // The rule with its point conditions waived: what weights cannot change.
                let waived = crate::standard::StarRule {
                    min_total: f64::NEG_INFINITY,
                    min_dimension: None,
                    min_dimension_for: Default::default(),
                    ..r.clone()
                };
                let mins = std
                    .dimension
                    .iter()
                    .map(|dim| {
                        r.min_dimension_for
                            .get(&dim.code)
                            .copied()
                            .or(r.min_dimension)
                    })
                    .collect();
                (
                    r.stars,
                    r.min_total,
                    mins,
                    super::rating::holds(model, &waived, &base),
                )
            })
            .collect();
        Reweigh {
            model,
            scored_dim,
            counted,
            members,
            dim_was,
            ind_was,
            bonus: base.bonus,
            deduction: base.deduction,
            rules,
        }
    }

    /// One draw: [`perturb`] then [`Model::score`] and [`stars_of`](super::rating::stars_of),
    /// the sums of each dimension kept apart (in the same order within it).
    /// `dim` and `ind` are scratch space of the weights' lengths.
    fn draw(&self, rng: &mut SplitMix64, dim: &mut [f64], ind: &mut [f64]) -> (u8, f64) {
        let base = &self.model.weights;
        // A zero weight stays zero whatever its factor: its draw is skipped
        // (the sequence moves on all the same).
        let mut draw = |v: &mut f64, b: f64| {
            if b == 0.0 {
                rng.skip();
                *v = 0.0;
            } else {
                *v = b * (1.0 - SPREAD + 2.0 * SPREAD * rng.next_f64());
            }
        };
        for (v, b) in dim.iter_mut().zip(&base.dim) {
            draw(v, *b);
        }
        for (v, b) in ind.iter_mut().zip(&base.ind) {
            draw(v, *b);
        }
        let now: f64 = dim.iter().sum();
        if now > 0.0 {
            for v in dim.iter_mut() {
                *v *= self.dim_was / now;
            }
        }
        let nd = dim.len();
        let mut ds = [0.0f64; 16];
        let mut ds_v;
        let ds: &mut [f64] = if nd <= 16 {
            &mut ds[..nd]
        } else {
            ds_v = vec![0.0; nd];
            &mut ds_v
        };
        for (d, out) in ds.iter_mut().enumerate() {
            let now: f64 = self.members[d].iter().map(|&i| ind[i]).sum();
            let q = self.ind_was[d] / now;
            let (mut sum, mut wsum) = (0.0, 0.0);
            for &(i, s) in &self.counted[d] {
                let w = if now > 0.0 { ind[i] * q } else { ind[i] };
                sum += w * s;
                wsum += w;
            }
            *out = if wsum > 0.0 { sum / wsum } else { 0.0 };
        }
        let dim_total: f64 = (0..nd)
            .filter(|&k| self.scored_dim[k])
            .map(|k| dim[k])
            .sum();
        let mut weighted = 0.0;
        for k in 0..nd {
            if self.scored_dim[k] && dim_total > 0.0 {
                weighted += dim[k] * ds[k] / dim_total;
            }
        }
        let total = round2((weighted + self.bonus - self.deduction).clamp(0.0, 100.0));
        let stars = self
            .rules
            .iter()
            .find(|(_, min_total, mins, rest)| {
                *rest
                    && total >= *min_total
                    && (0..nd)
                        .all(|k| !self.scored_dim[k] || mins[k].is_none_or(|m| round2(ds[k]) >= m))
            })
            .map_or(0, |r| r.0);
        (stars, total)
    }
}
