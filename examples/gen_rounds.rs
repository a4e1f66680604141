//! Write two rounds of fictional submissions (2025 and 2026) with known
//! changes, for `assess 2026/ --baseline 2025/` (docs/rounds.md, tests/rounds):
//! two cities, counties of both, a community; one county improved, one fallen
//! back, one unchanged, one matched only by name (no 行政区划代码 in 2025),
//! one new in 2026, one gone, and one submitted twice in 2026.
//! Prefecture 91 does not exist: the codes are fictional.
//!
//!     cargo run --example gen_rounds -- DIR      # writes DIR/2025 and DIR/2026

use citystar::Lang;
use citystar::standard::Level;
use citystar::submission::Entity;
use citystar::submission::fill::from_shares;
use citystar::submission::template::write;
use std::path::Path;

/// One entity in one round: the share of each 5★ requirement it reaches.
pub struct Entry {
    pub round: u16,
    pub file: &'static str,
    pub name: &'static str,
    pub code: &'static str,
    pub level: Level,
    pub parent: &'static str,
    pub share: f64,
}

const fn e(
    round: u16,
    file: &'static str,
    name: &'static str,
    code: &'static str,
    level: Level,
    parent: &'static str,
    share: f64,
) -> Entry {
    Entry {
        round,
        file,
        name,
        code,
        level,
        parent,
        share,
    }
}

use Level::{City, Community, County};

/// The two rounds.
pub const ENTRIES: &[Entry] = &[
    // Cities: 甲市 improves, 乙市 stays.
    e(2025, "city-jia.xlsx", "甲市", "379100", City, "", 0.62),
    e(2026, "city-jia.xlsx", "甲市", "379100", City, "", 0.96),
    e(2025, "city-yi.xlsx", "乙市", "379200", City, "", 0.9),
    e(2026, "city-yi.xlsx", "乙市", "379200", City, "", 0.9),
    // 甲一县 improves; 甲二县 falls back; 甲三县 gave no code in 2025.
    e(
        2025,
        "county-jia1.xlsx",
        "甲一县",
        "379101",
        County,
        "甲市",
        0.6,
    ),
    e(
        2026,
        "county-jia1.xlsx",
        "甲一县",
        "379101",
        County,
        "甲市",
        0.92,
    ),
    e(
        2025,
        "county-jia2.xlsx",
        "甲二县",
        "379102",
        County,
        "甲市",
        0.96,
    ),
    e(
        2026,
        "county-jia2.xlsx",
        "甲二县",
        "379102",
        County,
        "甲市",
        0.6,
    ),
    e(2025, "county-jia3.xlsx", "甲三县", "", County, "甲市", 0.7),
    e(
        2026,
        "county-jia3.xlsx",
        "甲三县",
        "379103",
        County,
        "甲市",
        0.7,
    ),
    // 乙一县 unchanged, and sent twice in 2026; 乙二县 gone; 乙三县 new.
    e(
        2025,
        "county-yi1.xlsx",
        "乙一县",
        "379201",
        County,
        "乙市",
        0.75,
    ),
    e(
        2026,
        "county-yi1.xlsx",
        "乙一县",
        "379201",
        County,
        "乙市",
        0.75,
    ),
    e(
        2026,
        "county-yi1-again.xlsx",
        "乙一县",
        "379201",
        County,
        "乙市",
        0.8,
    ),
    e(
        2025,
        "county-yi2.xlsx",
        "乙二县",
        "379202",
        County,
        "乙市",
        0.7,
    ),
    e(
        2026,
        "county-yi3.xlsx",
        "乙三县",
        "379203",
        County,
        "乙市",
        0.96,
    ),
    // A community of 甲市, the same in both rounds.
    e(
        2025,
        "community-jia1.xlsx",
        "甲一社区",
        "379101001001",
        Community,
        "甲市",
        0.8,
    ),
    e(
        2026,
        "community-jia1.xlsx",
        "甲一社区",
        "379101001001",
        Community,
        "甲市",
        0.8,
    ),
];

/// Write both rounds under `dir` (`dir/2025`, `dir/2026`).
pub fn write_rounds(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    for entry in ENTRIES {
        let s = citystar::standard::embedded::for_level(entry.level)?;
        let entity = Entity {
            name: entry.name.into(),
            level: Some(entry.level),
            division_code: entry.code.into(),
            parent: entry.parent.into(),
            year: Some(i32::from(entry.round)),
            population: Some(match entry.level {
                City => 3_000_000.0,
                County => 600_000.0,
                Community => 15_000.0,
            }),
            filing_unit: format!("{}大数据中心", entry.name),
            contact: "联系人 0000-00000000".into(),
            date: format!("{}-01-15", entry.round + 1),
            ..Entity::default()
        };
        let fill = from_shares(
            &s,
            entity,
            |_| entry.share,
            |_| true,
            |share, yes_stars, no_stars| (share >= 0.6) == (yes_stars >= no_stars),
        );
        let round = dir.join(entry.round.to_string());
        std::fs::create_dir_all(&round)?;
        std::fs::write(round.join(entry.file), write(&s, Lang::Zh, Some(&fill))?)?;
    }
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: gen_rounds DIR (writes DIR/2025 and DIR/2026)")?;
    write_rounds(Path::new(&dir))?;
    eprintln!("wrote {dir}/2025 and {dir}/2026");
    Ok(())
}
