//! Gaps to benchmarks for an assessed entity: the assessment supplies its
//! indicator values and a way to re-score the total with one value changed;
//! `crate::benchmark::analyse` does the comparison.

use super::{Assessment, Status};
use crate::benchmark::{Benchmark, analyse};
use crate::standard::Standard;
use indexmap::IndexMap;

/// The entity's usable indicator values, code → value (`None` when missing or invalid).
pub fn own_values(a: &Assessment) -> IndexMap<String, Option<f64>> {
    a.indicators
        .iter()
        .map(|r| (r.code.clone(), r.value.filter(|_| r.status == Status::Ok)))
        .collect()
}

/// Compare `a` with each benchmark, appending to `a.gaps` in the given order.
/// `standard` must be the standard `a` was assessed against.
pub fn add_gaps(standard: &Standard, a: &mut Assessment, benchmarks: &[Benchmark]) {
    let own = own_values(a);
    let model = super::score::Model::new(standard);
    let values: Vec<Option<f64>> = standard
        .indicator
        .iter()
        .map(|i| own.get(&i.code).copied().flatten())
        .collect();
    let total_if = |code: &str, v: f64| -> f64 {
        let mut changed = values.clone();
        if let Some(i) = standard.indicator.iter().position(|x| x.code == code) {
            changed[i] = Some(v);
        }
        model.score(&changed, &model.weights).total
    };
    for b in benchmarks {
        a.gaps.push(analyse(standard, &own, a.score, b, &total_if));
    }
}
