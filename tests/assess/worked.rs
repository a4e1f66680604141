//! The worked example of docs/scoring.md, computed by hand, to the cent.

use super::{example, tiny};
use citystar::Lang::En;
use citystar::assess::{Options, PlanStatus, Status, assess};
use citystar::locale::Words;

fn opts() -> Options {
    Options {
        draws: 200,
        ..Options::default()
    }
}

#[test]
fn worked_example_matches_the_hand_computation() {
    let std = tiny();
    let a = assess(&std, &example(), &opts());

    // Values → stars → scores.
    let a01 = &a.indicators[0];
    assert_eq!(
        a01.computation.as_ref().map(|c| c.words(En)).as_deref(),
        Some("1,234 / 1,500 × 100 = 82.27%")
    );
    assert_eq!(a01.stars, 4);
    assert_eq!(a01.score, Some(80.0));
    assert_eq!(a01.next.as_ref().unwrap().requirement.words(En), "≥ 95%");
    assert_eq!(a01.inputs.len(), 2);
    assert_eq!(a01.inputs[0].location, "指标填报!F5");
    let a02 = &a.indicators[1];
    assert_eq!((a02.stars, a02.score), (2, Some(40.0)));
    let b01 = &a.indicators[2];
    assert_eq!(
        b01.computation.as_ref().map(|c| c.words(En)).as_deref(),
        Some("1,500 / 1,000,000 × 10,000 = 15 per 10,000 residents")
    );
    assert_eq!((b01.stars, b01.score), (3, Some(60.0)));
    let x01 = &a.indicators[3];
    assert_eq!((x01.stars, x01.contribution), (5, 2.0));

    // Dimensions: A = (50×80 + 50×40)/100 = 60; B = 60.
    assert_eq!(a.dimensions[0].score, Some(60.0));
    assert_eq!(a.dimensions[1].score, Some(60.0));
    assert_eq!(a.dimensions[2].points, Some(2.0));
    // Contributions: A01 = 60/100 × 50/100 × 80 = 24; A02 = 12; B01 = 40/100 × 60 = 24.
    assert_eq!(a01.contribution, 24.0);
    assert_eq!(a02.contribution, 12.0);
    assert_eq!(b01.contribution, 24.0);

    // Total = 0.6×60 + 0.4×60 + 2 = 62.00.
    assert_eq!(a.breakdown.weighted, 60.0);
    assert_eq!(a.breakdown.bonus, 2.0);
    assert_eq!(a.score, 62.0);
    let sum: f64 = a.indicators.iter().map(|i| i.contribution).sum();
    assert!((sum - a.score).abs() < 1e-9);

    // Rating: 3★ holds (62 ≥ 60, A01 4★ ≥ 3★); 4★ fails on the total.
    assert_eq!(a.stars, 3);
    assert_eq!(a.stars_label.get(En), "three stars");
    assert!(a.complete);
    assert_eq!(a.rating.decided_by.stars, 3);
    let next = a.rating.next.as_ref().unwrap();
    assert_eq!(next.stars, 4);
    let failing: Vec<String> = next.failing.iter().map(|c| c.words(En)).collect();
    assert_eq!(failing, ["total 62.00 < 75"]);

    // Plan: A01 to 95% (+6) and B01 to 20 (+8): two star steps, total 76.
    let p = &a.next_star;
    assert_eq!(p.status, PlanStatus::Found);
    assert!(p.verified);
    assert_eq!(p.star_steps, 2);
    let steps: Vec<(&str, f64, f64)> = p
        .steps
        .iter()
        .map(|s| (s.code.as_str(), s.to, s.points_gained))
        .collect();
    assert_eq!(steps, [("A01", 95.0, 6.0), ("B01", 20.0, 8.0)]);
    assert_eq!(p.total_after, Some(76.0));
    assert_eq!(p.stars_after, Some(4));
    assert!(a.indicators.iter().all(|i| i.status == Status::Ok));
}

#[test]
fn stability_is_deterministic_for_a_seed() {
    let std = tiny();
    let a = assess(&std, &example(), &opts());
    let b = assess(&std, &example(), &opts());
    assert_eq!(a.stability, b.stability);
    let s = a.stability.unwrap();
    assert_eq!(s.draws, 200);
    assert_eq!(s.distribution.iter().sum::<usize>(), 200);
    assert!(s.total_p5 <= 62.0 && 62.0 <= s.total_p95 + 1e-9);
    let other = assess(&std, &example(), &Options { seed: 7, ..opts() });
    assert_ne!(other.stability.unwrap().total_p5.to_bits(), 0);
}
