//! Property tests on small random standards: the total stays in 0–100,
//! improving an indicator never lowers the total or the rating, and the plan
//! is valid and as small as a brute-force search finds.

use citystar::assess::rating::{holds, next_rule, stars_of};
use citystar::assess::score::{Model, ladder, value_for_star};
use citystar::assess::{Options, PlanStatus, plan};
use citystar::locale::Words;
use citystar::standard::{Direction, Standard, load_str};
use proptest::prelude::*;

/// A random small standard: two scored dimensions, 1–3 indicators each
/// (numbers in either direction, yes/no, grades), optional bonus and
/// deduction items, and three rating rules.
#[derive(Debug, Clone)]
struct Spec {
    dim_a: u32,
    exclude: bool,
    inds: Vec<(u8, u8, bool, u32)>, // (dimension 0/1, kind 0..4, mandatory, weight)
    bonus: Option<u32>,
    deduction: Option<u32>,
    r1: u32,
    r3: u32,
    r3_dim: Option<u32>,
    r3_mand: Option<u8>,
    r5: u32,
    r5_missing: Option<u32>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        (2u32..=8).prop_map(|x| x * 10),
        any::<bool>(),
        prop::collection::vec((0u8..2, 0u8..4, any::<bool>(), 1u32..=5), 2..=5),
        prop::option::of(1u32..=4),
        prop::option::of(1u32..=4),
        (
            0u32..=30,
            30u32..=70,
            prop::option::of(20u32..=70),
            prop::option::of(1u8..=4),
        ),
        (75u32..=95, prop::option::of(0u32..=2)),
    )
        .prop_map(
            |(
                dim_a,
                exclude,
                inds,
                bonus,
                deduction,
                (r1, r3, r3_dim, r3_mand),
                (r5, r5_missing),
            )| {
                Spec {
                    dim_a,
                    exclude,
                    inds,
                    bonus,
                    deduction,
                    r1,
                    r3,
                    r3_dim,
                    r3_mand,
                    r5,
                    r5_missing,
                }
            },
        )
}

fn toml(s: &Spec) -> String {
    let mut t = format!(
        "format = 1\n[standard]\nid = \"prop\"\ncode = \"P\"\nedition = \"p\"\nlevel = \"city\"\ntitle_zh = \"p\"\ntitle_en = \"p\"\nsource = \"p\"\n\
         [scoring]\nmethod = \"stars\"\nmissing = \"{}\"\nbonus_cap = 3\ndeduction_cap = 3\n\
         [[dimension]]\ncode = \"A\"\nname_zh = \"甲\"\nname_en = \"A\"\nweight = {}\n\
         [[dimension]]\ncode = \"B\"\nname_zh = \"乙\"\nname_en = \"B\"\nweight = {}\n",
        if s.exclude { "exclude" } else { "zero" },
        s.dim_a,
        100 - s.dim_a
    );
    // Every dimension needs an indicator: make sure both have one.
    let mut inds = s.inds.clone();
    inds[0].0 = 0;
    inds[1].0 = 1;
    // Weights within each dimension must add up to 100.
    let mut weights: Vec<u32> = inds.iter().map(|x| x.3).collect();
    for d in 0..2u8 {
        let idx: Vec<usize> = (0..inds.len()).filter(|&k| inds[k].0 == d).collect();
        let sum: u32 = idx.iter().map(|&k| inds[k].3).sum();
        let mut left = 100;
        for (n, &k) in idx.iter().enumerate() {
            weights[k] = if n + 1 == idx.len() {
                left
            } else {
                (inds[k].3 * 100 / sum).max(1)
            };
            left -= weights[k];
        }
    }
    for (k, &(d, kind, mandatory, _)) in inds.iter().enumerate() {
        let w = weights[k];
        let dim = if d == 0 { "A" } else { "B" };
        let body = match kind {
            0 => "kind = \"number\"\ninput = { zh = \"x\", en = \"x\", unit = \"个\" }\nunit = \"个\"\nstars = [10, 20, 30, 40, 50]\n".to_string(),
            1 => "kind = \"number\"\ninput = { zh = \"x\", en = \"x\", unit = \"个\" }\nunit = \"个\"\ndirection = \"lower\"\nstars = [50, 40, 30, 20, 10]\n".to_string(),
            2 => "kind = \"yes-no\"\n".to_string(),
            _ => "kind = \"grade\"\noptions = [ { zh = \"无\", en = \"none\", stars = 0 }, { zh = \"中\", en = \"mid\", stars = 2 }, { zh = \"好\", en = \"good\", stars = 4 } ]\n".to_string(),
        };
        t += &format!(
            "[[indicator]]\ncode = \"I{k}\"\ndimension = \"{dim}\"\nname_zh = \"指标{k}\"\nname_en = \"i{k}\"\n{body}weight = {w}\nrole = \"{}\"\nsource = \"p\"\n",
            if mandatory { "mandatory" } else { "scored" }
        );
    }
    if let Some(p) = s.bonus {
        t += "[[dimension]]\ncode = \"X\"\nname_zh = \"特色\"\nname_en = \"X\"\nrole = \"bonus\"\n";
        t += &format!(
            "[[indicator]]\ncode = \"XB\"\ndimension = \"X\"\nname_zh = \"加\"\nname_en = \"b\"\nkind = \"yes-no\"\nrole = \"bonus\"\npoints = {p}\nsource = \"p\"\n"
        );
    }
    if let Some(p) = s.deduction {
        t += &format!(
            "[[indicator]]\ncode = \"XD\"\ndimension = \"A\"\nname_zh = \"扣\"\nname_en = \"d\"\nkind = \"number\"\ninput = {{ zh = \"x\", en = \"x\", unit = \"起\" }}\nunit = \"起\"\ndirection = \"lower\"\nstars = [5, 4, 3, 2, 1]\nrole = \"deduction\"\npoints = {p}\nsource = \"p\"\n"
        );
    }
    t += &format!(
        "[[rating]]\nstars = 1\nname_zh = \"一星\"\nname_en = \"one\"\nmin_total = {}\n",
        s.r1
    );
    t += &format!(
        "[[rating]]\nstars = 3\nname_zh = \"三星\"\nname_en = \"three\"\nmin_total = {}\n",
        s.r3
    );
    if let Some(m) = s.r3_dim {
        t += &format!("min_dimension = {m}\n");
    }
    if let Some(m) = s.r3_mand {
        t += &format!("mandatory_min_stars = {m}\n");
    }
    t += &format!(
        "[[rating]]\nstars = 5\nname_zh = \"五星\"\nname_en = \"five\"\nmin_total = {}\nveto = [\"I0\"]\n",
        s.r5
    );
    if let Some(m) = s.r5_missing {
        t += &format!("max_missing = {m}\n");
    }
    t
}

fn standard(s: &Spec) -> Standard {
    load_str(&toml(s), "prop").unwrap_or_else(|e| panic!("{e}\n{}", toml(s)))
}

/// A value for each indicator: missing, or one drawn from the indicator's range.
fn values(std: &Standard, picks: &[(bool, u32)]) -> Vec<Option<f64>> {
    std.indicator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let (present, r) = picks[i % picks.len()];
            present.then(|| match ind.kind.key() {
                "yes-no" => f64::from(r % 2),
                "grade" => [0.0, 2.0, 4.0][(r % 3) as usize],
                _ => f64::from(r % 60),
            })
        })
        .collect()
}

/// Every combination of target stars (the plan's search space), smallest
/// (star steps, relative change) that makes `rule` hold.
fn brute_force(model: &Model, vals: &[Option<f64>], stars: u8) -> Option<(u32, f64)> {
    let rule = next_rule(model, stars)?;
    let base = model.score(vals, &model.weights);
    let options: Vec<Vec<(u32, f64, Option<f64>)>> = model
        .standard
        .indicator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let cur = vals[i].map_or(0, |_| base.stars[i]);
            let mut o = vec![(0, 0.0, vals[i])];
            // A missing weighted yes/no or graded item may be answered at 0★
            // (no star step; docs/scoring.md §6).
            if vals[i].is_none()
                && ind.role.is_weighted()
                && !ind.kind.has_thresholds()
                && let Some(v) = value_for_star(ind, 0)
            {
                o.push((0, 1.0, Some(v)));
            }
            for (st, v) in ladder(ind).into_iter().filter(|(st, _)| *st > cur) {
                let rel = match vals[i] {
                    Some(f) if ind.kind.has_thresholds() => {
                        let m = f.abs().max(v.abs());
                        if m == 0.0 { 0.0 } else { (v - f).abs() / m }
                    }
                    _ => 1.0,
                };
                o.push((u32::from(st - cur), rel, Some(v)));
            }
            o
        })
        .collect();
    let mut best: Option<(u32, f64)> = None;
    let mut idx = vec![0usize; options.len()];
    loop {
        let v: Vec<Option<f64>> = idx.iter().zip(&options).map(|(&k, o)| o[k].2).collect();
        let steps: u32 = idx.iter().zip(&options).map(|(&k, o)| o[k].0).sum();
        let rel: f64 = idx.iter().zip(&options).map(|(&k, o)| o[k].1).sum();
        if best.is_none_or(|b| (steps, rel) < b)
            && holds(model, rule, &model.score(&v, &model.weights))
        {
            best = Some((steps, rel));
        }
        let mut k = 0;
        loop {
            if k == idx.len() {
                return best;
            }
            idx[k] += 1;
            if idx[k] < options[k].len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn total_stays_within_0_and_100(s in spec(), picks in prop::collection::vec((any::<bool>(), 0u32..60), 1..8)) {
        let std = standard(&s);
        let model = Model::new(&std);
        let sc = model.score(&values(&std, &picks), &model.weights);
        prop_assert!((0.0..=100.0).contains(&sc.total));
        // The fast rule check agrees with the one that explains itself.
        for rule in &std.rating {
            let explained = citystar::assess::rating::check(&model, rule, &sc);
            prop_assert_eq!(holds(&model, rule, &sc), explained.iter().all(|c| c.holds));
        }
    }

    #[test]
    fn rescoring_a_few_changed_indicators_equals_a_full_score(
        s in spec(),
        picks in prop::collection::vec((any::<bool>(), 0u32..60), 1..8),
        again in prop::collection::vec((any::<bool>(), 0u32..60), 1..8),
        which in prop::collection::vec(0usize..16, 0..4),
    ) {
        let std = standard(&s);
        let model = Model::new(&std);
        let before = values(&std, &picks);
        let other = values(&std, &again);
        let mut after = before.clone();
        let mut changed: Vec<usize> = which.iter().map(|w| w % std.indicator.len()).collect();
        changed.sort_unstable();
        changed.dedup();
        for &i in &changed {
            after[i] = other[i];
        }
        let base = model.score(&before, &model.weights);
        let full = model.score(&after, &model.weights);
        let again = model.rescore(&base, &after, &changed);
        // Debug shows every float's digits (and -0): equal to the bit.
        prop_assert_eq!(format!("{full:?}"), format!("{again:?}"));
    }

    #[test]
    fn improving_an_indicator_never_lowers_total_or_rating(
        s in spec(),
        picks in prop::collection::vec((Just(true), 0u32..60), 1..8),
        which in 0usize..8,
        by in 0u32..40,
    ) {
        let std = standard(&s);
        let model = Model::new(&std);
        let before = values(&std, &picks);
        let i = which % std.indicator.len();
        let mut after = before.clone();
        let ind = &std.indicator[i];
        let v = before[i].unwrap();
        after[i] = Some(match (ind.kind.key(), ind.direction) {
            ("yes-no", _) => 1.0,
            ("grade", _) => (v + 2.0).min(4.0),
            (_, Direction::Higher) => v + f64::from(by),
            (_, Direction::Lower) => (v - f64::from(by)).max(0.0),
        });
        let a = model.score(&before, &model.weights);
        let b = model.score(&after, &model.weights);
        prop_assert!(b.total >= a.total, "{} → {}", a.total, b.total);
        prop_assert!(stars_of(&model, &b) >= stars_of(&model, &a));
    }

    #[test]
    fn plan_is_valid_and_as_small_as_brute_force(s in spec(), picks in prop::collection::vec((any::<bool>(), 0u32..60), 1..8)) {
        let std = standard(&s);
        let model = Model::new(&std);
        let vals = values(&std, &picks);
        let sc = model.score(&vals, &model.weights);
        let stars = stars_of(&model, &sc);
        let options = Options { draws: 0, ..Options::default() };
        let p = plan::plan(&model, &vals, &sc, stars, &options);
        match brute_force(&model, &vals, stars) {
            None if next_rule(&model, stars).is_none() => prop_assert_eq!(p.status, PlanStatus::Top),
            None => prop_assert_eq!(p.status, PlanStatus::Impossible, "{:?}", p),
            Some((steps, rel)) => {
                prop_assert_eq!(p.status, PlanStatus::Found);
                prop_assert!(p.verified);
                prop_assert!(p.stars_after.unwrap() > stars);
                prop_assert_eq!(p.star_steps, steps, "{:?}\n{}", p, toml(&s));
                prop_assert!((p.relative_change - rel).abs() < 1e-3, "{} vs {}", p.relative_change, rel);
            }
        }
    }
}

/// A standard of 48 indicators far from the next level: the search stays
/// within its cap and still returns a verified plan.
#[test]
fn plan_on_a_big_standard_is_bounded_and_verified() {
    let mut t = String::from(
        "format = 1\n[standard]\nid = \"big\"\ncode = \"B\"\nedition = \"b\"\nlevel = \"city\"\ntitle_zh = \"b\"\ntitle_en = \"b\"\nsource = \"b\"\n[scoring]\nmethod = \"stars\"\nmissing = \"zero\"\n",
    );
    for d in 0..4 {
        t += &format!(
            "[[dimension]]\ncode = \"D{d}\"\nname_zh = \"维{d}\"\nname_en = \"d{d}\"\nweight = 25\n"
        );
    }
    for i in 0..48 {
        let w = if i % 12 == 11 { 100 - 11 * 8 } else { 8 };
        t += &format!(
            "[[indicator]]\ncode = \"I{i:02}\"\ndimension = \"D{}\"\nname_zh = \"指标\"\nname_en = \"i\"\nkind = \"number\"\ninput = {{ zh = \"x\", en = \"x\", unit = \"个\" }}\nunit = \"个\"\nstars = [10, 20, 30, 40, 50]\nweight = {w}\nsource = \"b\"\n",
            i / 12
        );
    }
    t += "[[rating]]\nstars = 1\nname_zh = \"一\"\nname_en = \"one\"\nmin_total = 10\n";
    t += "[[rating]]\nstars = 2\nname_zh = \"二\"\nname_en = \"two\"\nmin_total = 70\nmin_dimension = 60\n";
    let std = load_str(&t, "big").unwrap();
    let model = Model::new(&std);
    let vals: Vec<Option<f64>> = (0..48)
        .map(|i| Some(f64::from(10 + (i * 7) % 25)))
        .collect();
    let sc = model.score(&vals, &model.weights);
    let stars = stars_of(&model, &sc);
    assert_eq!(stars, 1);
    let options = Options {
        draws: 0,
        plan_cap: 2_000,
        ..Options::default()
    };
    let p = plan::plan(&model, &vals, &sc, stars, &options);
    // Every indicator here weighs the same and many sets tie on star steps:
    // proving the smallest relative change among them can take past the cap,
    // and then the best plan found is returned and says so.
    assert!(
        matches!(p.status, PlanStatus::Found | PlanStatus::FoundCapped),
        "{p:?}"
    );
    assert!(p.verified);
    assert!(p.explored <= 2_000);
    assert_eq!(p.stars_after, Some(2));
    if p.status == PlanStatus::FoundCapped {
        assert!(
            p.reason
                .as_ref()
                .unwrap()
                .words(citystar::Lang::En)
                .contains("may not be minimal")
        );
    }
}

/// The four sample workbooks, read and assessed as the CLI does: every plan
/// is found without reaching the cap (so proven minimal) and verified by re-rating.
#[test]
fn sample_plans_are_found_within_the_cap_and_verified() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-submissions");
    let shipped = citystar::standard::embedded::all().unwrap();
    let choose = |level: Option<citystar::standard::Level>| -> &Standard {
        let want = level.unwrap_or(citystar::standard::Level::City);
        shipped.iter().find(|s| s.level() == want).unwrap()
    };
    let mut seen = 0;
    for name in [
        "city-a.xlsx",
        "city-b.xlsx",
        "county-a.ods",
        "community-a.xlsx",
    ] {
        let (sub, std) = citystar::submission::read_path(
            &citystar::submission::Loader::InProcess,
            &dir.join(name),
            &choose,
        )
        .unwrap();
        let a = citystar::assess::assess(std, &sub, &Options::default());
        let p = &a.next_star;
        assert_eq!(p.status, PlanStatus::Found, "{name}: {p:?}");
        assert!(p.explored < p.cap, "{name}: {} sets", p.explored);
        assert!(p.verified, "{name}");
        assert!(p.stars_after.unwrap() >= p.target_stars.unwrap(), "{name}");
        assert!(p.reason.is_none(), "{name}: {:?}", p.reason);
        // Every step on a ratio indicator says what its numerator must become.
        for s in &p.steps {
            let ind = std.indicator.iter().find(|i| i.code == s.code).unwrap();
            if ind.kind.key() == "ratio" {
                let input = s
                    .input
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name} {}", s.code));
                let text = input.text.words(citystar::Lang::En);
                assert!(text.starts_with("numerator "), "{text}");
            }
        }
        seen += 1;
    }
    assert_eq!(seen, 4);
}

/// On the shipped standards and samples, every indicator moved to each of its
/// star values and to missing, alone and with its neighbour: re-scoring only
/// the changed indicators gives the full score to the bit.
#[test]
fn rescore_equals_a_full_score_on_every_sample() {
    use citystar::assess::score::compute_values;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-submissions");
    let shipped = citystar::standard::embedded::all().unwrap();
    let choose = |level: Option<citystar::standard::Level>| -> &Standard {
        let want = level.unwrap_or(citystar::standard::Level::City);
        shipped.iter().find(|s| s.level() == want).unwrap()
    };
    let mut compared = 0;
    for name in [
        "city-a.xlsx",
        "city-b.xlsx",
        "county-a.ods",
        "community-a.xlsx",
    ] {
        let (sub, std) = citystar::submission::read_path(
            &citystar::submission::Loader::InProcess,
            &dir.join(name),
            &choose,
        )
        .unwrap();
        let model = Model::new(std);
        let values: Vec<Option<f64>> = compute_values(std, &sub).iter().map(|c| c.value).collect();
        let base = model.score(&values, &model.weights);
        let n = values.len();
        for i in 0..n {
            let mut targets: Vec<Option<f64>> = ladder(&std.indicator[i])
                .into_iter()
                .map(|(_, v)| Some(v))
                .collect();
            targets.push(None);
            for t in targets {
                for changed in [vec![i], vec![i, (i + 1) % n]] {
                    let mut after = values.clone();
                    for &k in &changed {
                        after[k] = if k == i { t } else { None };
                    }
                    let full = model.score(&after, &model.weights);
                    let again = model.rescore(&base, &after, &changed);
                    assert_eq!(
                        format!("{full:?}"),
                        format!("{again:?}"),
                        "{name} {changed:?}"
                    );
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 500, "{compared}");
}

/// The stability draws as the module documents them, done the slow way
/// (`perturb`, then the full `Model::score` and `stars_of` for every draw),
/// give what `stability` gives to the bit: with the weights of every draw
/// made once for the run (up to 10,000 draws) and made one at a time (more).
#[test]
fn stability_equals_the_slow_reference_on_every_sample() {
    use citystar::assess::score::{Model, compute_values};
    use citystar::assess::stability::{SplitMix64, perturb, stability};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-submissions");
    let shipped = citystar::standard::embedded::all().unwrap();
    let choose = |level: Option<citystar::standard::Level>| -> &Standard {
        let want = level.unwrap_or(citystar::standard::Level::City);
        shipped.iter().find(|s| s.level() == want).unwrap()
    };
    let mut spread = false;
    for name in [
        "city-a.xlsx",
        "city-b.xlsx",
        "county-a.ods",
        "community-a.xlsx",
    ] {
        let (sub, std) = citystar::submission::read_path(
            &citystar::submission::Loader::InProcess,
            &dir.join(name),
            &choose,
        )
        .unwrap();
        let model = Model::new(std);
        let reported: Vec<Option<f64>> =
            compute_values(std, &sub).iter().map(|c| c.value).collect();
        // The values as reported, and moved about (each by up to ±30 %, some
        // left out), so that draws fall on both sides of the rules' minimums.
        let mut vary = SplitMix64::new(11);
        let mut sets = vec![reported.clone()];
        for _ in 0..12 {
            sets.push(
                reported
                    .iter()
                    .map(|v| {
                        let f = 0.7 + 0.6 * vary.next_f64();
                        v.filter(|_| vary.next_f64() > 0.05).map(|x| x * f)
                    })
                    .collect(),
            );
        }
        for (set, values) in sets.iter().enumerate() {
            let stars =
                citystar::assess::rating::stars_of(&model, &model.score(values, &model.weights));
            let runs: &[(u64, usize)] = if set == 0 {
                &[(42, 1000), (9, 300), (5, 10_500)]
            } else {
                &[(42, 1000), (9, 303)]
            };
            for &(seed, draws) in runs {
                let fast = stability(&model, values, stars, seed, draws);
                let mut rng = SplitMix64::new(seed);
                let mut distribution = [0usize; 6];
                let mut totals = Vec::new();
                for _ in 0..draws {
                    let w = perturb(&model, &mut rng);
                    let s = model.score(values, &w);
                    distribution[citystar::assess::rating::stars_of(&model, &s) as usize] += 1;
                    totals.push(s.total);
                }
                totals.sort_by(f64::total_cmp);
                let rank = |p: f64| ((p * draws as f64).ceil() as usize).clamp(1, draws) - 1;
                assert_eq!(
                    fast.distribution, distribution,
                    "{name} seed {seed} × {draws}"
                );
                assert_eq!(
                    fast.total_p5.to_bits(),
                    totals[rank(0.05)].to_bits(),
                    "{name}"
                );
                assert_eq!(
                    fast.total_p95.to_bits(),
                    totals[rank(0.95)].to_bits(),
                    "{name}"
                );
                spread |= distribution.iter().filter(|&&n| n > 0).count() > 1;
            }
        }
    }
    // Some draws changed the stars: the rules' minimums were met and missed.
    assert!(spread);
}

/// `fmt_num` as it was first written (through `u128::to_string` and
/// `format!`): the reference the one that writes into a buffer must equal.
fn fmt_num_reference(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e15 {
        return format!("{x:e}");
    }
    let r = citystar::assess::round2(x);
    let neg = r < 0.0;
    let cents = (r.abs() * 100.0).round() as u128;
    let (int, frac) = (cents / 100, cents % 100);
    let digits = int.to_string();
    let mut grouped = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let mut s = if neg && cents > 0 {
        format!("-{grouped}")
    } else {
        grouped
    };
    if frac > 0 {
        let f = format!("{frac:02}");
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    s
}

#[test]
fn numbers_for_people_are_written_as_before() {
    use citystar::assess::score::fmt_num;
    let mut xs: Vec<f64> = vec![
        0.0,
        -0.0,
        0.004,
        -0.004,
        0.005,
        -0.005,
        1e15,
        -1e15,
        999_999_999_999_999.9,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e-300,
        82.265,
        1_434.62,
    ];
    for k in -100_000i64..=100_000 {
        xs.push(k as f64 / 100.0);
        xs.push(k as f64 / 1000.0);
    }
    for e in 0..15 {
        let m = 10f64.powi(e);
        for k in -50i64..=50 {
            xs.push(m + k as f64 * 0.37);
            xs.push(-m * 1.5 + k as f64);
        }
    }
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..50_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        xs.push(f64::from_bits(x));
        xs.push((x >> 11) as f64 / 1e4);
    }
    for v in xs {
        assert_eq!(fmt_num(v), fmt_num_reference(v), "{v:?}");
    }
}
