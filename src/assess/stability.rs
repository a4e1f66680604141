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
        // Below 2^53, so the signed conversion (one instruction) gives the same value.
        ((self.next_u64() >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
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
    let mut distribution = [0usize; 6];
    // Each draw's weighted sum before the bonus, the deduction and rounding:
    // the total is a non-decreasing function of it (`Reweigh::total`), so the
    // totals' percentiles are those of the sums, made totals at the end.
    let mut totals = Vec::with_capacity(draws);
    let fast = Reweigh::new(model, values);
    let mut tally = |(s, weighted): (u8, f64)| {
        distribution[s.min(5) as usize] += 1;
        totals.push(weighted);
    };
    match Table::shared(model, seed, draws) {
        // The weights of each draw depend on the standard and the seed only:
        // made once per run, and each entity only re-weighs its scores.
        Some(table) => match fast.packed_scores(&table) {
            // Every weighted indicator with a weight counts: its scores line
            // up with the table's weights of each dimension, side by side.
            Some(scores) => {
                // Four draws side by side (their weights interleaved): four
                // sums in flight, each added in its own order.
                let whole = draws / 4 * 4;
                let all: Vec<PackedDraw<'_>> = table.packed_draws().collect();
                for (g, four) in all[..whole].chunks_exact(4).enumerate() {
                    let four = [four[0], four[1], four[2], four[3]];
                    for r in fast.rate_packed4(&table.lens, &scores, table.group(g), four) {
                        tally(r);
                    }
                }
                for &draw in &all[whole..] {
                    tally(fast.rate_packed(&table.lens, &scores, draw));
                }
            }
            None => {
                for k in 0..draws {
                    tally(fast.rate(table.draw(k)));
                }
            }
        },
        None => {
            let mut rng = SplitMix64::new(seed);
            let mut one = DrawWeights::scratch(model);
            for _ in 0..draws {
                one.make(model, &fast.members, &fast.ind_was, fast.dim_was, &mut rng);
                tally(fast.rate(one.view()));
            }
        }
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
        (fast.total(p5), fast.total(p95))
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
struct Reweigh {
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
    /// Scored dimensions, in order.
    scored: Vec<usize>,
    /// Rules whose other conditions hold, highest first: (stars, min_total,
    /// (scored dimension, minimum) for each dimension the rule sets one for).
    /// A rule whose other conditions fail is left out: no draw can meet it.
    rules: Vec<(u8, f64, Vec<DimensionMin>)>,
    /// The same rules as thresholds on unrounded sums: (stars, least
    /// weighted sum whose total meets `min_total`, (dimension, least score
    /// that rounds to its minimum or more)). Rounding and the total are
    /// non-decreasing, so `x ≥ threshold` says what `round(x) ≥ minimum` says.
    thresholds: Vec<(u8, f64, Vec<DimensionMin>)>,
}

/// A rule's minimum for one scored dimension: (dimension, minimum score).
type DimensionMin = (usize, f64);

/// Where [`round2`] is known to be non-decreasing and its thresholds hold
/// (far inside its exact range, |x| · 10⁶ < 2⁵³): dimension scores lie in
/// 0–100; one outside is compared the slow way.
const EXACT: f64 = 1e9;

/// `f64::total_cmp`'s order as integers (an involution).
fn ordered(bits: u64) -> i64 {
    let k = bits as i64;
    k ^ (((k >> 63) as u64) >> 1) as i64
}

/// The least `x` in `lo..=hi` with `meets(x)`, for a `meets` that is false
/// and then true along the line; NaN (no `x` is at least that) when none
/// there meets it.
fn least(lo: f64, hi: f64, meets: impl Fn(f64) -> bool) -> f64 {
    let at = |k: i64| f64::from_bits(ordered(k as u64) as u64);
    let (mut a, mut b) = (ordered(lo.to_bits()), ordered(hi.to_bits()));
    if !meets(at(b)) {
        return f64::NAN;
    }
    // meets(at(b)) holds; find the first key that does.
    while a < b {
        // (In i128: the keys span more than an i64 difference holds.)
        let mid = ((i128::from(a) + i128::from(b)) >> 1) as i64;
        if meets(at(mid)) {
            b = mid;
        } else {
            a = mid + 1;
        }
    }
    at(a)
}

impl Reweigh {
    fn new(model: &Model, values: &[Option<f64>]) -> Self {
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
        let rules: Vec<(u8, f64, Vec<DimensionMin>)> = std
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
                    .enumerate()
                    .filter(|&(k, _)| scored_dim[k])
                    .filter_map(|(k, dim)| {
                        let m = r.min_dimension_for.get(&dim.code).copied();
                        Some((k, m.or(r.min_dimension)?))
                    })
                    .collect();
                (
                    r.stars,
                    r.min_total,
                    mins,
                    super::rating::holds(model, &waived, &base),
                )
            })
            .filter(|r| r.3)
            .map(|(stars, min_total, mins, _)| (stars, min_total, mins))
            .collect();
        let scored = (0..nd).filter(|&k| scored_dim[k]).collect();
        let (bonus, deduction) = (base.bonus, base.deduction);
        let total = |w: f64| round2((w + bonus - deduction).clamp(0.0, 100.0));
        // Rules mostly share their dimension minimums: each found once.
        let mut found: Vec<(u64, f64)> = Vec::new();
        let mut score_threshold = |m: f64| match found.iter().find(|f| f.0 == m.to_bits()) {
            Some(f) => f.1,
            None => {
                let t = least(-EXACT, EXACT, |x| round2(x) >= m);
                found.push((m.to_bits(), t));
                t
            }
        };
        let thresholds = rules
            .iter()
            .map(|(stars, min_total, mins)| {
                let t = least(f64::NEG_INFINITY, f64::INFINITY, |w| total(w) >= *min_total);
                let mins = mins.iter().map(|&(k, m)| (k, score_threshold(m))).collect();
                (*stars, t, mins)
            })
            .collect();
        Reweigh {
            counted,
            members,
            dim_was,
            ind_was,
            bonus,
            deduction,
            scored,
            rules,
            thresholds,
        }
    }

    /// A draw's total from its weighted sum (as [`Model::score`] makes it).
    fn total(&self, weighted: f64) -> f64 {
        round2((weighted + self.bonus - self.deduction).clamp(0.0, 100.0))
    }

    /// One draw rated: [`Model::score`] and [`stars_of`](super::rating::stars_of)
    /// under the draw's weights, the sums of each dimension kept apart (in the
    /// same order within it).
    fn rate(&self, w: DrawView<'_>) -> (u8, f64) {
        with_dimension_scores(w.dim.len(), |ds| {
            for (d, out) in ds.iter_mut().enumerate() {
                let (mut sum, mut wsum) = (0.0, 0.0);
                for &(i, s) in &self.counted[d] {
                    let w = w.ind[i];
                    sum += w * s;
                    wsum += w;
                }
                *out = if wsum > 0.0 { sum / wsum } else { 0.0 };
            }
            self.finish(w.dim, w.dim_total, ds)
        })
    }

    /// The scores of the counted indicators in the order of `table`'s packed
    /// weights, when the counted indicators of every dimension are exactly
    /// its members (the weighted indicators with a weight): then a
    /// dimension's weight sum is the one the table holds for the draw.
    fn packed_scores(&self, table: &Table) -> Option<Vec<f64>> {
        if self.counted.len() != table.lens.len() || table.nd == 0 || table.order.is_empty() {
            return None;
        }
        let mut scores = Vec::with_capacity(table.order.len());
        let mut order = table.order.as_slice();
        for (counted, &len) in self.counted.iter().zip(&table.lens) {
            let (members, rest) = order.split_at(len);
            order = rest;
            if counted.len() != len || counted.iter().zip(members).any(|(c, &i)| c.0 != i) {
                return None;
            }
            scores.extend(counted.iter().map(|c| c.1));
        }
        Some(scores)
    }

    /// [`Reweigh::rate`] for one draw of `table` with the scores of
    /// [`Reweigh::packed_scores`]: the same products summed in the same order,
    /// the weight sums made once per draw in the table (in that order too).
    fn rate_packed(&self, lens: &[usize], scores: &[f64], draw: PackedDraw<'_>) -> (u8, f64) {
        with_dimension_scores(draw.dim.len(), |ds| {
            let (mut w, mut s) = (draw.weights, scores);
            for ((out, &len), &wsum) in ds.iter_mut().zip(lens).zip(draw.wsum) {
                let ((wd, wr), (sd, sr)) = (w.split_at(len), s.split_at(len));
                (w, s) = (wr, sr);
                let sum = dot_in_order(wd, sd);
                *out = if wsum > 0.0 { sum / wsum } else { 0.0 };
            }
            self.finish(draw.dim, draw.dim_total, ds)
        })
    }

    /// [`Reweigh::rate_packed`] for four draws at once, their weights
    /// interleaved in `w4` (each member's four weights side by side, see
    /// [`Table::group`]): each draw's sums in its own order, as one draw
    /// alone makes them.
    fn rate_packed4(
        &self,
        lens: &[usize],
        scores: &[f64],
        w4: &[f64],
        draws: [PackedDraw<'_>; 4],
    ) -> [(u8, f64); 4] {
        let nd = lens.len();
        if nd > 16 {
            return draws.map(|d| self.rate_packed(lens, scores, d));
        }
        let mut ds = [[0.0f64; 16]; 4];
        let mut at = 0;
        for (k, &len) in lens.iter().enumerate() {
            let s = &scores[at..at + len];
            let w = &w4[at * 4..(at + len) * 4];
            let mut sum = [0.0f64; 4];
            for (w, &s) in w.chunks_exact(4).zip(s) {
                sum[0] += w[0] * s;
                sum[1] += w[1] * s;
                sum[2] += w[2] * s;
                sum[3] += w[3] * s;
            }
            for q in 0..4 {
                let wsum = draws[q].wsum[k];
                ds[q][k] = if wsum > 0.0 { sum[q] / wsum } else { 0.0 };
            }
            at += len;
        }
        let mut out = [(0, 0.0); 4];
        for q in 0..4 {
            out[q] = self.finish(draws[q].dim, draws[q].dim_total, &ds[q][..nd]);
        }
        out
    }

    /// The stars and the weighted sum (see [`Reweigh::total`]) from a draw's
    /// dimension scores, compared with the rules' thresholds: the stars
    /// [`stars_of`](super::rating::stars_of) gives for the rounded scores.
    fn finish(&self, dim: &[f64], dim_total: f64, ds: &[f64]) -> (u8, f64) {
        let mut weighted = 0.0;
        if dim_total > 0.0 {
            for &k in &self.scored {
                weighted += dim[k] * ds[k] / dim_total;
            }
        }
        let at_least = |k: usize, t: f64, m: f64| {
            let x = ds[k];
            if x.abs() <= EXACT {
                x >= t
            } else {
                round2(x) >= m
            }
        };
        let stars = self
            .thresholds
            .iter()
            .zip(&self.rules)
            .find(|((_, t, mins), (_, _, raw))| {
                weighted >= *t
                    && mins
                        .iter()
                        .zip(raw)
                        .all(|(&(k, t), &(_, m))| at_least(k, t, m))
            })
            .map_or(0, |r| r.0.0);
        (stars, weighted)
    }
}

/// Σ w·s from the first pair to the last, one addition at a time (the order
/// of [`Model::score`]'s sums), four pairs per turn of the loop.
fn dot_in_order(w: &[f64], s: &[f64]) -> f64 {
    let mut sum = 0.0;
    let (w4, s4) = (w.chunks_exact(4), s.chunks_exact(4));
    let (wr, sr) = (w4.remainder(), s4.remainder());
    for (w, s) in w4.zip(s4) {
        sum += w[0] * s[0];
        sum += w[1] * s[1];
        sum += w[2] * s[2];
        sum += w[3] * s[3];
    }
    for (w, s) in wr.iter().zip(sr) {
        sum += w * s;
    }
    sum
}

/// The weights of one draw as [`Reweigh::rate`] reads them: dimension weights
/// renormalised, each indicator's weight renormalised within its dimension,
/// and the sum of the scored dimensions' weights.
#[derive(Clone, Copy)]
struct DrawView<'t> {
    dim: &'t [f64],
    ind: &'t [f64],
    dim_total: f64,
}

/// One draw of a [`Table`] as [`Reweigh::rate_packed`] reads it: the
/// members' weights in the table's `order`, each dimension's sum of them,
/// the dimension weights and the scored dimensions' sum.
#[derive(Clone, Copy)]
struct PackedDraw<'t> {
    weights: &'t [f64],
    wsum: &'t [f64],
    dim: &'t [f64],
    dim_total: f64,
}

/// One draw's weights, made from the generator: [`perturb`]'s arithmetic in
/// its order, so a draw gives the same total to the last bit.
struct DrawWeights {
    dim: Vec<f64>,
    ind: Vec<f64>,
    dim_total: f64,
}

impl DrawWeights {
    fn scratch(model: &Model) -> Self {
        DrawWeights {
            dim: vec![0.0; model.weights.dim.len()],
            ind: vec![0.0; model.weights.ind.len()],
            dim_total: 0.0,
        }
    }

    fn view(&self) -> DrawView<'_> {
        DrawView {
            dim: &self.dim,
            ind: &self.ind,
            dim_total: self.dim_total,
        }
    }

    /// `members`, `ind_was` and `dim_was` as in [`Reweigh`].
    fn make(
        &mut self,
        model: &Model,
        members: &[Vec<usize>],
        ind_was: &[f64],
        dim_was: f64,
        rng: &mut SplitMix64,
    ) {
        let base = &model.weights;
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
        for (v, b) in self.dim.iter_mut().zip(&base.dim) {
            draw(v, *b);
        }
        for (v, b) in self.ind.iter_mut().zip(&base.ind) {
            draw(v, *b);
        }
        let now: f64 = self.dim.iter().sum();
        if now > 0.0 {
            for v in self.dim.iter_mut() {
                *v *= dim_was / now;
            }
        }
        for (d, idx) in members.iter().enumerate() {
            let now: f64 = idx.iter().map(|&i| self.ind[i]).sum();
            if now > 0.0 {
                let q = ind_was[d] / now;
                for &i in idx {
                    self.ind[i] *= q;
                }
            }
        }
        let std = model.standard;
        self.dim_total = (0..self.dim.len())
            .filter(|&k| std.dimension[k].role == crate::standard::DimensionRole::Scored)
            .map(|k| self.dim[k])
            .sum();
    }
}

/// Every draw's weights for one standard and seed, kept for the run.
struct Table {
    key: (u64, usize, Vec<u64>, Vec<usize>),
    nd: usize,
    ni: usize,
    dim: Vec<f64>,
    ind: Vec<f64>,
    dim_total: Vec<f64>,
    /// The members of every dimension (indicators with a weight), dimension
    /// after dimension, and how many each dimension has.
    order: Vec<usize>,
    lens: Vec<usize>,
    /// Per draw: the members' weights in `order`, and each dimension's sum of
    /// them (added in `order`, from 0).
    packed: Vec<f64>,
    wsum: Vec<f64>,
    /// The same weights four draws at a time: for draws 4g … 4g + 3, each
    /// member's four weights side by side, member after member.
    packed4: Vec<f64>,
}

/// Largest table kept (draws × weights): 10,000 draws of a 66-weight standard.
const MAX_TABLE: usize = 10_000 * 66;

static TABLES: std::sync::Mutex<Vec<std::sync::Arc<Table>>> = std::sync::Mutex::new(Vec::new());

impl Table {
    /// What the draws' weights depend on: the seed, the count, the base
    /// weights (to the bit) and which dimension holds each indicator.
    fn key(model: &Model, seed: u64, draws: usize) -> (u64, usize, Vec<u64>, Vec<usize>) {
        let bits = model
            .weights
            .dim
            .iter()
            .chain(&model.weights.ind)
            .map(|w| w.to_bits())
            .collect();
        (seed, draws, bits, model.dim_of.clone())
    }

    /// The table for this model and seed, made on first use; `None` when it
    /// would be too large to keep (the draws are then made one at a time).
    fn shared(model: &Model, seed: u64, draws: usize) -> Option<std::sync::Arc<Table>> {
        let (nd, ni) = (model.weights.dim.len(), model.weights.ind.len());
        if draws.saturating_mul(nd + ni) > MAX_TABLE || model.standard.dimension.len() != nd {
            return None;
        }
        let key = Table::key(model, seed, draws);
        let mut tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = tables.iter().find(|t| t.key == key) {
            return Some(t.clone());
        }
        let fast = Reweigh::new(model, &vec![None; model.len()]);
        let mut rng = SplitMix64::new(seed);
        let mut one = DrawWeights::scratch(model);
        let order: Vec<usize> = fast.members.concat();
        let lens = fast.members.iter().map(Vec::len).collect();
        let mut t = Table {
            key,
            nd,
            ni,
            dim: Vec::with_capacity(draws * nd),
            ind: Vec::with_capacity(draws * ni),
            dim_total: Vec::with_capacity(draws),
            packed: Vec::with_capacity(draws * order.len()),
            wsum: Vec::with_capacity(draws * nd),
            packed4: Vec::new(),
            order,
            lens,
        };
        for _ in 0..draws {
            one.make(model, &fast.members, &fast.ind_was, fast.dim_was, &mut rng);
            t.dim.extend_from_slice(&one.dim);
            t.ind.extend_from_slice(&one.ind);
            t.dim_total.push(one.dim_total);
            for idx in &fast.members {
                let mut wsum = 0.0;
                for &i in idx {
                    t.packed.push(one.ind[i]);
                    wsum += one.ind[i];
                }
                t.wsum.push(wsum);
            }
        }
        let width = t.order.len();
        t.packed4 = Vec::with_capacity(draws / 4 * 4 * width);
        for g in 0..draws / 4 {
            for j in 0..width {
                for q in 0..4 {
                    t.packed4.push(t.packed[(4 * g + q) * width + j]);
                }
            }
        }
        let t = std::sync::Arc::new(t);
        // A few standards per run: the oldest goes past eight.
        if tables.len() >= 8 {
            tables.remove(0);
        }
        tables.push(t.clone());
        Some(t)
    }

    /// Every draw in order, the members' weights packed (`order`, `lens`).
    /// Only for a table with dimensions and members.
    fn packed_draws(&self) -> impl Iterator<Item = PackedDraw<'_>> {
        self.packed
            .chunks_exact(self.order.len())
            .zip(self.wsum.chunks_exact(self.nd))
            .zip(self.dim.chunks_exact(self.nd))
            .zip(&self.dim_total)
            .map(|(((weights, wsum), dim), &dim_total)| PackedDraw {
                weights,
                wsum,
                dim,
                dim_total,
            })
    }

    /// Draws 4g … 4g + 3's member weights, interleaved (`packed4`).
    fn group(&self, g: usize) -> &[f64] {
        let n = 4 * self.order.len();
        &self.packed4[g * n..(g + 1) * n]
    }

    fn draw(&self, k: usize) -> DrawView<'_> {
        DrawView {
            dim: &self.dim[k * self.nd..(k + 1) * self.nd],
            ind: &self.ind[k * self.ni..(k + 1) * self.ni],
            dim_total: self.dim_total[k],
        }
    }
}

/// `f` given room for `nd` dimension scores: on the stack for the standards'
/// sizes (at most 16 dimensions), on the heap beyond.
fn with_dimension_scores<R>(nd: usize, f: impl FnOnce(&mut [f64]) -> R) -> R {
    let mut on_stack = [0.0f64; 16];
    if nd <= on_stack.len() {
        f(&mut on_stack[..nd])
    } else {
        f(&mut vec![0.0; nd])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A threshold says of every value near it, and of values across the
    /// whole range, what rounding and comparing says.
    #[test]
    fn a_threshold_says_what_rounding_says() {
        let mut rng = SplitMix64::new(3);
        let minimums = [
            0.0, 0.01, 12.345, 59.995, 60.0, 60.005, 85.5, 99.99, 100.0, 100.01,
        ];
        for m in minimums {
            let t = least(-EXACT, EXACT, |x| round2(x) >= m);
            let mut near = vec![t, t.next_down(), t.next_up(), m, m.next_down(), m.next_up()];
            near.extend((0..2000).map(|_| 120.0 * rng.next_f64() - 10.0));
            near.extend((0..200).map(|_| m + (rng.next_f64() - 0.5) * 0.02));
            for x in near {
                assert_eq!(x >= t, round2(x) >= m, "m {m} t {t} x {x}");
            }
        }
        // Beyond every value: no value is at least the threshold.
        let t = least(-EXACT, EXACT, |x| round2(x) >= 2e9);
        assert!(t.is_nan());
        assert_eq!(5.0f64.partial_cmp(&t), None);
    }

    /// Four draws side by side give what each gives alone, on the shipped
    /// city standard (where the fast path is taken: its scores line up with
    /// the table) with values spread over the stars.
    #[test]
    fn four_draws_side_by_side_are_each_draw_alone() {
        let std = crate::standard::embedded::for_level(crate::standard::Level::City).unwrap();
        let model = Model::new(&std);
        let mut rng = SplitMix64::new(5);
        let values: Vec<Option<f64>> = (0..model.len())
            .map(|_| Some(100.0 * rng.next_f64()))
            .collect();
        let fast = Reweigh::new(&model, &values);
        let table = Table::shared(&model, 42, 1000).expect("a table");
        let scores = fast.packed_scores(&table).expect("the packed path");
        let all: Vec<PackedDraw<'_>> = table.packed_draws().collect();
        let mut stars = std::collections::HashSet::new();
        for (g, four) in all.chunks_exact(4).enumerate() {
            let four = [four[0], four[1], four[2], four[3]];
            let together = fast.rate_packed4(&table.lens, &scores, table.group(g), four);
            for (q, (s, w)) in together.into_iter().enumerate() {
                let (s1, w1) = fast.rate_packed(&table.lens, &scores, four[q]);
                assert_eq!((s, w.to_bits()), (s1, w1.to_bits()), "group {g} draw {q}");
                stars.insert(s);
            }
        }
        assert!(!stars.is_empty());
    }

    /// The total's threshold on the weighted sum, over the whole line
    /// (its keys span more than an i64 difference).
    #[test]
    fn a_total_threshold_spans_the_whole_line() {
        let (bonus, deduction) = (2.5, 1.25);
        let total = |w: f64| round2((w + bonus - deduction).clamp(0.0, 100.0));
        let mut rng = SplitMix64::new(4);
        for min_total in [f64::NEG_INFINITY, 0.0, 60.0, 75.555, 100.0] {
            let t = least(f64::NEG_INFINITY, f64::INFINITY, |w| total(w) >= min_total);
            let mut near = vec![t, t.next_down(), t.next_up(), -1e300, 1e300];
            near.extend((0..2000).map(|_| 130.0 * rng.next_f64() - 20.0));
            for w in near {
                assert_eq!(w >= t, total(w) >= min_total, "{min_total} {t} {w}");
            }
        }
        let t = least(f64::NEG_INFINITY, f64::INFINITY, |w| total(w) >= 100.5);
        assert!(t.is_nan());
    }
}
