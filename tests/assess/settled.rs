//! One test per rule issue 10 settled (docs/scoring.md, docs/diagnostics.md).

use citystar::Lang;
use citystar::assess::{Options, Status, assess};
use citystar::locale::Words;
use citystar::standard::{Direction, Level, load_str, round_cents, round_toward};
use citystar::submission::layout::Field;
use citystar::submission::read_bytes;
use citystar::submission::template::{Fill, FillValue, write};
use citystar::submission::values::parse_yes_no;

const STD: &str = r#"
format = 1
[standard]
id = "settled"
code = "S-1"
edition = "1"
level = "city"
title_zh = "s"
title_en = "s"
source = "test"
[scoring]
method = "stars"
missing = "zero"
bonus_cap = 5
deduction_cap = 5
[[dimension]]
code = "A"
name_zh = "a"
name_en = "a"
weight = 100
[[indicator]]
code = "R"
dimension = "A"
name_zh = "r"
name_en = "r"
kind = "ratio"
numerator = { zh = "n", en = "n", unit = "万元" }
denominator = { zh = "d", en = "d", unit = "万元" }
unit = "%"
weight = 40
stars = [20, 40, 60, 80, 95]
source = "test"
[[indicator]]
code = "P"
dimension = "A"
name_zh = "p"
name_en = "p"
kind = "percent"
unit = "%"
weight = 30
stars = [20, 40, 60, 80, 95]
source = "test"
[[indicator]]
code = "N"
dimension = "A"
name_zh = "n"
name_en = "n"
kind = "number"
unit = "个"
weight = 30
stars = [1, 2, 3, 4, 5]
source = "test"
[[indicator]]
code = "D"
dimension = "A"
name_zh = "d"
name_en = "d"
kind = "yes-no"
yes_stars = 0
no_stars = 5
role = "deduction"
points = 2
source = "test"
[[rating]]
stars = 1
name_zh = "1"
name_en = "1"
min_total = 10
veto = ["D"]
"#;

fn read(
    values: &[(&str, FillValue)],
) -> (
    citystar::standard::Standard,
    citystar::submission::Submission,
) {
    let s = load_str(STD, "settled").unwrap();
    let mut fill = Fill::default();
    fill.entity.name = "t".into();
    fill.entity.level = Some(Level::City);
    fill.entity.population = Some(1000.0);
    for (k, v) in values {
        fill.values.insert((*k).to_string(), v.clone());
    }
    let bytes = write(&s, Lang::En, Some(&fill)).unwrap();
    let sub = {
        let choose = |_| &s;
        read_bytes(
            &citystar::submission::Loader::InProcess,
            "t.xlsx",
            bytes,
            &choose,
        )
        .unwrap()
        .0
    };
    (s, sub)
}

fn codes(sub: &citystar::submission::Submission, ind: &str) -> Vec<&'static str> {
    sub.diagnostics
        .iter()
        .filter(|d| d.indicator.as_deref() == Some(ind))
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn comparison_rounds_to_six_decimals_then_compares_exactly() {
    // 7.2 of 12 is 60% (the float quotient is not), 1,434.62 of 1,793.28 is not 80%.
    assert!(Direction::Higher.meets(7.2 / 12.0 * 100.0, 60.0));
    assert!(!Direction::Higher.meets(1434.62 / 1793.28 * 100.0, 80.0));
    assert!(Direction::Higher.meets(1434.63 / 1793.28 * 100.0, 80.0));
    assert!(!Direction::Higher.meets(79.9999994, 80.0));
    assert!(Direction::Higher.meets(79.9999996, 80.0));
    assert_eq!(round_cents(82.265), 82.27);
    assert_eq!(round_cents(-0.005), -0.01);
}

#[test]
fn cents_round_as_f64_round_does_on_every_kind_of_value() {
    // The reference: round half away from zero on the millionth, then on the cent.
    let reference = |x: f64| {
        let y = x * 1e6;
        if !y.is_finite() || y.abs() >= 9_007_199_254_740_992.0 {
            return (x * 100.0).round() / 100.0;
        }
        let m = y.round() as i64;
        let c = (m.abs() + 5_000) / 10_000;
        (if m < 0 { -c } else { c }) as f64 / 100.0
    };
    let mut rng = citystar::assess::stability::SplitMix64::new(7);
    let mut xs = vec![
        0.0, -0.0, 0.5e-6, -0.5e-6, 1.5e-6, 2.5e-6, -2.5e-6, 82.265, 1e10, -1e10,
    ];
    for _ in 0..200_000 {
        let u = rng.next_f64();
        xs.push((u - 0.5) * 300.0);
        // Values on and beside a half-millionth.
        let k = ((u * 2e8) as i64) as f64;
        xs.push((k + 0.5) / 1e6);
        xs.push(-(k + 0.5) / 1e6);
    }
    for x in xs {
        assert_eq!(round_cents(x).to_bits(), reference(x).to_bits(), "{x:e}");
    }
}

#[test]
fn plan_inputs_round_towards_the_star_in_the_inputs_decimals() {
    assert_eq!(round_toward(1434.624, 2, true), 1434.63);
    assert_eq!(round_toward(1434.624, 0, true), 1435.0);
    assert_eq!(round_toward(7.199999999999999, 1, true), 7.2);
    assert_eq!(round_toward(7.26, 1, false), 7.2);
    // A ratio plan step on 万元 inputs: two decimals, up, and it reaches 80% exactly.
    let (s, sub) = read(&[
        ("R.N", FillValue::Number(1000.0)),
        ("R.D", FillValue::Number(1793.28)),
        ("P", FillValue::Number(0.95)),
        ("N", FillValue::Number(5.0)),
        ("D", FillValue::Text("否".into())),
    ]);
    let mut s2 = s.clone();
    s2.rating[0].min_total = 92.0;
    let a = assess(&s2, &sub, &Options::default());
    let step = a
        .next_star
        .steps
        .iter()
        .find(|x| x.code == "R")
        .expect("a step on R");
    let input = step.input.as_ref().unwrap();
    let text = input.text.words(Lang::En);
    assert_eq!(input.to, Some(1434.63), "{text}");
    assert!(text.contains("1,434.63"), "{text}");
    assert!(a.next_star.verified);
}

#[test]
fn percent_text_without_a_percent_sign() {
    let (_, sub) = read(&[("P", FillValue::Text("85".into()))]);
    assert_eq!(
        sub.data["P"].number(citystar::standard::InputItem::Value),
        Some(85.0)
    );
    assert_eq!(codes(&sub, "P"), ["number-as-text"]);
    let (_, sub) = read(&[("P", FillValue::Text("0".into()))]);
    assert_eq!(
        sub.data["P"].number(citystar::standard::InputItem::Value),
        Some(0.0)
    );
    for t in ["1", "0.85"] {
        let (_, sub) = read(&[("P", FillValue::Text(t.into()))]);
        assert_eq!(codes(&sub, "P"), ["ambiguous-percent"], "{t}");
    }
}

#[test]
fn yes_no_spellings() {
    for y in ["是", "有", "已建成", "yes", "Yes", "y", "true", "TRUE", "√"] {
        assert_eq!(parse_yes_no(y), Some(true), "{y}");
    }
    for n in ["否", "无", "未建成", "no", "N", "false", "×"] {
        assert_eq!(parse_yes_no(n), Some(false), "{n}");
    }
    for x in ["1", "0", "ok", "也许"] {
        assert_eq!(parse_yes_no(x), None, "{x}");
    }
}

#[test]
fn negative_numbers_are_out_of_range() {
    let (s, sub) = read(&[
        ("N", FillValue::Number(-3.0)),
        ("R.N", FillValue::Number(-1.0)),
    ]);
    assert_eq!(codes(&sub, "N"), ["out-of-range"]);
    assert!(codes(&sub, "R").contains(&"out-of-range"));
    let a = assess(&s, &sub, &Options::default());
    let n = a.indicators.iter().find(|i| i.code == "N").unwrap();
    assert_eq!(n.status, Status::Invalid);
}

#[test]
fn a_ratio_with_one_input_blank_is_invalid_not_missing() {
    let (s, sub) = read(&[("R.N", FillValue::Number(5.0))]);
    assert_eq!(codes(&sub, "R"), ["missing-value"]);
    let a = assess(&s, &sub, &Options::default());
    let r = a.indicators.iter().find(|i| i.code == "R").unwrap();
    assert_eq!(r.status, Status::Invalid);
    let (s, sub) = read(&[]);
    let a = assess(&s, &sub, &Options::default());
    let r = a.indicators.iter().find(|i| i.code == "R").unwrap();
    assert_eq!(r.status, Status::Missing);
}

#[test]
fn a_blank_deduction_item_deducts_nothing_fails_its_veto_and_has_no_score() {
    let (s, sub) = read(&[
        ("N", FillValue::Number(5.0)),
        ("P", FillValue::Number(0.95)),
    ]);
    let a = assess(&s, &sub, &Options::default());
    let d = a.indicators.iter().find(|i| i.code == "D").unwrap();
    assert_eq!(d.status, Status::Missing);
    assert_eq!(d.score, None);
    assert_eq!(d.contribution, 0.0);
    assert_eq!(a.breakdown.deduction, 0.0);
    assert_eq!(a.stars, 0, "the veto on D fails while D is unanswered");
    // Answering it (否 = no incident) is the plan: one 5★ step on D.
    assert!(a.next_star.steps.iter().any(|x| x.code == "D"));
}

#[test]
fn missing_policy_is_required_and_a_cap_wherever_its_items_exist() {
    let e = load_str(&STD.replacen("missing = \"zero\"\n", "", 1), "s")
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing-key"), "{e}");
    // A cap is required when the standard has items of its role; otherwise it is 0.
    let e = load_str(&STD.replacen("deduction_cap = 5\n", "", 1), "s")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("missing-key") && e.contains("deduction_cap"),
        "{e}"
    );
    let s = load_str(&STD.replacen("bonus_cap = 5\n", "", 1), "s").unwrap();
    assert_eq!(s.scoring.bonus_cap, 0.0);
}

#[test]
fn level_and_population_labels_in_basic_information() {
    for (t, l) in [
        ("市级", Level::City),
        ("city", Level::City),
        ("县（市、区）", Level::County),
        ("区县", Level::County),
        ("智慧社区", Level::Community),
        ("社区", Level::Community),
    ] {
        assert_eq!(Level::parse(t), Some(l), "{t}");
    }
    assert_eq!(Level::parse("省级"), None);
    for t in ["常住人口", "常住人口（人）", "Resident population", "人口"] {
        assert_eq!(Field::find(t), Some(Field::Population), "{t}");
    }
    for t in ["级别", "Level", "评价级别"] {
        assert_eq!(Field::find(t), Some(Field::Level), "{t}");
    }
}

#[test]
fn all_of_end_to_end_on_the_community_edition() {
    let owned = citystar::standard::embedded::for_level(Level::Community).unwrap();
    let s = &owned;
    let ind = s.indicator("INF-06").unwrap();
    assert_eq!(ind.kind.key(), "all-of");
    assert!(!ind.provisional);
    let mut fill = Fill::default();
    fill.entity.name = "t".into();
    fill.entity.level = Some(Level::Community);
    fill.entity.population = Some(5000.0);
    for (k, v) in [
        ("INF-06.1", 0.95),
        ("INF-06.2", 0.85),
        ("INF-06.3", 0.9),
        ("INF-06.4", 0.7),
    ] {
        fill.values.insert(k.into(), FillValue::Number(v));
    }
    let bytes = write(s, Lang::En, Some(&fill)).unwrap();
    let choose = |_| s;
    let (sub, _) = read_bytes(
        &citystar::submission::Loader::InProcess,
        "c.xlsx",
        bytes,
        &choose,
    )
    .unwrap();
    let a = assess(s, &sub, &Options::default());
    let r = a.indicators.iter().find(|i| i.code == "INF-06").unwrap();
    assert_eq!((r.status, r.stars), (Status::Ok, 0));
    assert!(
        r.computation
            .as_ref()
            .unwrap()
            .words(Lang::En)
            .contains("0★")
    );
    // Raising it names only the two sub-conditions below their lines.
    if let Some(step) = a.next_star.steps.iter().find(|x| x.code == "INF-06") {
        let items: Vec<String> = step
            .conditions
            .iter()
            .map(|c| format!("{:?}", c.item))
            .collect();
        assert_eq!(
            items,
            ["Part(2)", "Part(4)"],
            "{}",
            step.target_text(Lang::En)
        );
    }
    assert_eq!(
        citystar::assess::said::Requirement::AllOf(
            citystar::assess::score::all_of_requirement(ind, 5).unwrap()
        )
        .words(Lang::En),
        "Camera coverage of key points ≥ 90%; Camera networking rate ≥ 90%; Camera intact rate ≥ 90%; Public video image availability ≥ 80%"
    );
}
