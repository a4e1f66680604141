//! Regenerate `sample-submissions/` from the embedded standards: fictional
//! entities whose values reach a chosen share of each 5★ requirement.
//!
//!     cargo run --example make-samples      # needs soffice for the .ods sample

use citystar::Lang;
use citystar::standard::{Kind, Level, Standard};
use citystar::submission::Entity;
use citystar::submission::fill::from_shares;
use citystar::submission::template::{Fill, write};
use std::path::Path;

/// One fictional entity: its level, and the share of the 5★ requirement it
/// reaches in each dimension (by dimension order; the last share repeats).
struct Profile {
    file: &'static str,
    /// 行政区划代码 (fictional: prefecture 99 does not exist).
    division_code: &'static str,
    name: &'static str,
    level: Level,
    parent: &'static str,
    population: f64,
    shares: &'static [f64],
    /// Input items left empty on purpose (to show `missing-value`).
    leave_empty: usize,
}

const PROFILES: &[Profile] = &[
    Profile {
        file: "city-a.xlsx",
        division_code: "379901",
        name: "示例市",
        level: Level::City,
        parent: "",
        population: 5_230_000.0,
        shares: &[0.97, 0.88, 0.9, 0.85],
        leave_empty: 0,
    },
    Profile {
        file: "city-b.xlsx",
        division_code: "379902",
        name: "样例市",
        level: Level::City,
        parent: "",
        population: 2_870_000.0,
        shares: &[0.55, 0.45, 0.6, 0.5],
        leave_empty: 1,
    },
    Profile {
        file: "county-a.ods",
        division_code: "379903",
        name: "示范县",
        level: Level::County,
        parent: "示例市",
        population: 612_000.0,
        shares: &[0.75, 0.7, 0.65],
        leave_empty: 0,
    },
    Profile {
        file: "community-a.xlsx",
        division_code: "379903001001",
        name: "示例社区",
        level: Level::Community,
        parent: "示例市",
        population: 18_400.0,
        shares: &[0.8, 0.7],
        leave_empty: 0,
    },
];

fn fill_for(s: &Standard, p: &Profile) -> Fill {
    let entity = Entity {
        name: p.name.into(),
        level: Some(p.level),
        division_code: p.division_code.into(),
        parent: p.parent.into(),
        year: Some(2025),
        population: Some(p.population),
        filing_unit: format!("{}大数据中心", p.name),
        contact: "联系人 0000-00000000".into(),
        date: "2026-01-15".into(),
        ..Entity::default()
    };
    let mut skipped = 0;
    from_shares(
        s,
        entity,
        |ind| {
            let d = s
                .dimension
                .iter()
                .position(|d| d.code == ind.dimension)
                .unwrap_or(0);
            p.shares[d.min(p.shares.len() - 1)]
        },
        |ind| {
            let skip = skipped < p.leave_empty
                && matches!(ind.kind, Kind::Number { .. } | Kind::PerPopulation { .. });
            if skip {
                skipped += 1;
            }
            !skip
        },
        // The answer whose stars are nearer the profile: a strong entity
        // has pilots (是) and no security incident (否, for a reversed item).
        |share, yes_stars, no_stars| {
            let want = share * 5.0;
            let (dy, dn) = (
                (f64::from(yes_stars) - want).abs(),
                (f64::from(no_stars) - want).abs(),
            );
            dy < dn || (dy == dn && yes_stars >= no_stars)
        },
    )
}

fn main() -> anyhow::Result<()> {
    let out = Path::new("sample-submissions");
    std::fs::create_dir_all(out)?;
    let tmp = tempfile_dir()?;
    // `cargo run --example make-samples -- community-a.xlsx` writes only the files named.
    let only: Vec<String> = std::env::args().skip(1).collect();
    for p in PROFILES
        .iter()
        .filter(|p| only.is_empty() || only.iter().any(|o| o == p.file))
    {
        let s = citystar::standard::embedded::for_level(p.level)?;
        let bytes = write(&s, Lang::Zh, Some(&fill_for(&s, p)))?;
        let dest = out.join(p.file);
        if p.file.ends_with(".xlsx") {
            std::fs::write(&dest, bytes)?;
        } else {
            let stem = Path::new(p.file)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let src = tmp.join(format!("{stem}.xlsx"));
            std::fs::write(&src, bytes)?;
            let ext = Path::new(p.file)
                .extension()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let status = std::process::Command::new("soffice")
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    tmp.join("profile").display()
                ))
                .args(["--headless", "--convert-to", &ext, "--outdir"])
                .arg(&tmp)
                .arg(&src)
                .stdout(std::process::Stdio::null())
                .status()?;
            anyhow::ensure!(status.success(), "soffice failed converting {}", p.file);
            std::fs::copy(tmp.join(p.file), &dest)?;
        }
        eprintln!("wrote {} ({}, {})", dest.display(), p.name, s.id());
    }
    std::fs::remove_dir_all(&tmp).ok();
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let d = std::env::temp_dir().join(format!("citystar-samples-{}", std::process::id()));
    std::fs::create_dir_all(&d)?;
    Ok(d)
}
