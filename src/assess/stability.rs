//! Rating stability: how much the star depends on the exact weights.
//!
//! Each draw multiplies every scored dimension's weight and every weighted
//! indicator's weight by an independent factor drawn uniformly from
//! [0.8, 1.2), renormalises the dimension weights to their original sum and
//! each dimension's indicator weights to theirs, and rates again. The draws
//! come from SplitMix64 (Steele, Lea & Flood 2014) seeded with `--seed`, so a
//! seed always gives the same answer on every platform.

use super::rating::stars_of;
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
    for _ in 0..draws {
        let w = perturb(model, &mut rng);
        let s = model.score(values, &w);
        distribution[stars_of(model, &s).min(5) as usize] += 1;
        totals.push(s.total);
    }
    totals.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        if totals.is_empty() {
            0.0
        } else {
            let rank = ((p * totals.len() as f64).ceil() as usize).clamp(1, totals.len());
            totals[rank - 1]
        }
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
        total_p5: pct(0.05),
        total_p95: pct(0.95),
        method: format!(
            "weights × U({}, {}), renormalised within their parent; SplitMix64",
            1.0 - SPREAD,
            1.0 + SPREAD
        ),
    }
}
