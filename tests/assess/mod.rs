//! `citystar assess`: scoring, rating, plan, stability, renderers, the CLI gate.

mod cli;
mod props;
mod render;
mod report;
mod settled;
mod typed;
mod worked;

use citystar::standard::{InputItem, Level, Standard, load_str};
use citystar::submission::{Datum, Entity, IndicatorData, ItemValue, Submission};

pub fn tiny() -> Standard {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/tiny-city.toml"
    ))
    .unwrap();
    load_str(&text, "tiny-city.toml").unwrap()
}

/// One input cell.
pub fn cell(item: InputItem, datum: Datum, location: &str) -> ItemValue {
    let raw = match datum {
        Datum::Number(x) => format!("{x}"),
        Datum::YesNo(b) => (if b { "是" } else { "否" }).to_string(),
        Datum::Option(k) => format!("option {k}"),
    };
    ItemValue {
        item,
        datum: Some(datum),
        location: location.to_string(),
        raw,
    }
}

pub fn data(items: Vec<ItemValue>) -> IndicatorData {
    IndicatorData {
        items,
        evidence: None,
        note: None,
    }
}

/// The worked example of docs/scoring.md on tiny-city.
pub fn example() -> Submission {
    let mut s = Submission {
        file: "samples/example-city.xlsx".into(),
        sha256: "0".repeat(64),
        entity: Entity {
            name: "示例市".into(),
            level: Some(Level::City),
            population: Some(1_000_000.0),
            population_location: "基本信息!C8".into(),
            ..Entity::default()
        },
        data: Default::default(),
        diagnostics: Vec::new(),
    };
    s.data.insert(
        "A01".into(),
        data(vec![
            cell(InputItem::Numerator, Datum::Number(1234.0), "指标填报!F5"),
            cell(InputItem::Denominator, Datum::Number(1500.0), "指标填报!F6"),
        ]),
    );
    s.data.insert(
        "A02".into(),
        data(vec![cell(
            InputItem::Choice,
            Datum::Option(1),
            "指标填报!F7",
        )]),
    );
    s.data.insert(
        "B01".into(),
        data(vec![cell(
            InputItem::Count,
            Datum::Number(1500.0),
            "指标填报!F8",
        )]),
    );
    s.data.insert(
        "X01".into(),
        data(vec![cell(
            InputItem::Choice,
            Datum::YesNo(true),
            "指标填报!F9",
        )]),
    );
    s
}
