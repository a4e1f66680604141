//! Made-up filled submissions: every input item of a standard given a value
//! that reaches a chosen share of its indicator's 5★ requirement. The sample
//! generator (`examples/make-samples.rs`) and the benchmark workbooks
//! (`examples/gen_workbooks.rs`) are filled this way.

use super::Entity;
use super::template::{Fill, FillValue};
use crate::standard::{Direction, Indicator, InputItem, Kind, Standard};

/// A [`Fill`] for `entity`, whose population scales the per-population items.
///
/// - `share` gives each indicator the share of its 5★ requirement it reaches;
///   it is asked once per indicator, in the standard's order.
/// - `keep` is asked for each input item in turn; an item it refuses is left
///   empty.
/// - `yes(share, yes_stars, no_stars)` answers a yes/no item (`true`: 是).
///
/// Every indicator gets an evidence text.
pub fn from_shares(
    s: &Standard,
    entity: Entity,
    mut share: impl FnMut(&Indicator) -> f64,
    mut keep: impl FnMut(&Indicator) -> bool,
    yes: impl Fn(f64, u8, u8) -> bool,
) -> Fill {
    let population = entity.population.unwrap_or(0.0);
    let mut fill = Fill {
        entity,
        ..Fill::default()
    };
    for ind in &s.indicator {
        let share = share(ind);
        let target = ind.stars.map(|req| match ind.direction {
            Direction::Higher => req[4] * share,
            Direction::Lower => req[4] / share.max(0.05),
        });
        let t = target.unwrap_or(0.0);
        for (item, _) in ind.inputs() {
            if !keep(ind) {
                continue;
            }
            let v = value(ind, item, t, share, population, &yes);
            fill.values
                .insert(format!("{}{}", ind.code, item.suffix()), v);
        }
        fill.evidence
            .insert(ind.code.clone(), format!("附件：{} 佐证材料", ind.code));
    }
    fill
}

/// The value of one input item for an indicator value of `t`.
fn value(
    ind: &Indicator,
    item: InputItem,
    t: f64,
    share: f64,
    population: f64,
    yes: &impl Fn(f64, u8, u8) -> bool,
) -> FillValue {
    let round = |x: f64| (x * 100.0).round() / 100.0;
    // A ratio over the resident population (in 人) has the entity's
    // population as its denominator; any other ratio is out of 1000.
    let over_population = match &ind.kind {
        Kind::Ratio { denominator, .. } => {
            denominator.unit == "人" && denominator.zh.contains("人口") && population > 0.0
        }
        _ => false,
    };
    // Households in 万户: about one household per three residents.
    let in_wan_households = matches!(&ind.kind, Kind::Ratio { denominator, .. } if denominator.unit == "万户")
        && population > 0.0;
    let base = if over_population {
        population
    } else if in_wan_households {
        round(population / 3.0 / 10_000.0)
    } else {
        1000.0
    };
    match (&ind.kind, item) {
        (Kind::Ratio { .. }, InputItem::Numerator) if in_wan_households => {
            FillValue::Number(round(t.min(100.0) / 100.0 * base))
        }
        (Kind::Ratio { .. }, InputItem::Numerator) => {
            FillValue::Number((t.min(100.0) / 100.0 * base).round())
        }
        (Kind::Ratio { .. }, _) => FillValue::Number(base),
        (Kind::Percent { .. }, _) => FillValue::Number(round(t.min(100.0)) / 100.0),
        (Kind::PerPopulation { per, .. }, _) => FillValue::Number((t * population / per).round()),
        (Kind::Survey { .. }, _) => FillValue::Number(round(t.min(100.0))),
        // Each sub-condition at the share of its own 5★ requirement.
        (Kind::AllOf { conditions }, InputItem::Part(k)) => {
            let c = &conditions[usize::from(k).saturating_sub(1).min(conditions.len() - 1)];
            let t = match ind.direction {
                Direction::Higher => c.stars[4] * share,
                Direction::Lower => c.stars[4] / share.max(0.05),
            };
            if c.unit == "%" {
                FillValue::Number(round(t.min(100.0)) / 100.0)
            } else if crate::standard::is_count_unit(&c.unit) {
                FillValue::Number(t.round())
            } else {
                FillValue::Number(round(t))
            }
        }
        (
            Kind::YesNo {
                yes_stars,
                no_stars,
            },
            _,
        ) => FillValue::Text(
            if yes(share, *yes_stars, *no_stars) {
                "是"
            } else {
                "否"
            }
            .into(),
        ),
        // The option whose stars are nearest the share.
        (Kind::Grade { options }, _) => {
            let want = (share * 5.0).round() as i32;
            let best = options
                .iter()
                .min_by_key(|o| (i32::from(o.stars) - want).abs())
                .map(|o| o.zh.clone())
                .unwrap_or_default();
            FillValue::Text(best)
        }
        // Counts are whole: a count of 项 or 户 never holds a fraction.
        (Kind::Number { input }, _) if crate::standard::is_count_unit(&input.unit) => {
            FillValue::Number(t.round())
        }
        _ => FillValue::Number(round(t)),
    }
}
