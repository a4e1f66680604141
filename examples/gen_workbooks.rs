//! Write N filled workbooks (city by default) for the assessment benchmark
//! (scripts/bench-assess.sh). Each one is the real submission template
//! (`citystar::submission::template`, the same bytes `citystar template` writes)
//! filled the way `examples/make-samples.rs` fills the samples: every input item
//! of the embedded city standard gets a value reaching some share of its 5★
//! requirement. The shares vary per file and per indicator from a fixed
//! pseudo-random sequence, so every run writes the same files and the files
//! spread over the star levels.
//!
//! Usage: cargo run --release --example gen_workbooks -- DIR [N] [city|county|community]
//! (counties and communities get distinct 行政区划代码, for country-scale runs).

use citystar::Lang;
use citystar::standard::Level;
use citystar::submission::Entity;
use citystar::submission::fill::from_shares;
use citystar::submission::template::write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: gen_workbooks DIR [N]")?);
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    let level = match args.next().as_deref() {
        None | Some("city") => Level::City,
        Some("county") => Level::County,
        Some("community") => Level::Community,
        Some(other) => {
            return Err(format!("unknown level {other}: city, county or community").into());
        }
    };
    std::fs::create_dir_all(&dir)?;
    let std = citystar::standard::embedded::for_level(level)?;
    let (kind, prefix) = match level {
        Level::City => ("市", "city"),
        Level::County => ("县", "county"),
        Level::Community => ("社区", "community"),
    };
    // A fixed linear congruential sequence: the same files on every run.
    let mut x: u64 = 42;
    let mut next = move || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    for k in 0..n {
        let population = 1_000_000.0 + (next() * 9_000_000.0).round();
        let division_code = match level {
            Level::City => format!("37{:04}", k % 10_000),
            Level::County => format!("37{:04}", k % 10_000),
            Level::Community => format!("3799{k:08}"),
        };
        let entity = Entity {
            name: format!("测试{kind}{k:04}"),
            level: Some(level),
            division_code,
            year: Some(2025),
            population: Some(population),
            filing_unit: format!("测试{kind}{k:04}大数据中心"),
            contact: "联系人 0000-00000000".into(),
            date: "2026-01-15".into(),
            ..Entity::default()
        };
        // The file's general level (0.55–1.05 of the 5★ requirements), then a
        // per-indicator spread around it.
        let level = 0.55 + 0.5 * next();
        let fill = from_shares(
            &std,
            entity,
            |_| (level + 0.3 * (next() - 0.5)).clamp(0.05, 1.1),
            |_| true,
            // The better answer (是 for a service, 否 for an incident) most of the time.
            |share, yes_stars, no_stars| (share >= 0.6) == (yes_stars >= no_stars),
        );
        let bytes = write(&std, Lang::Zh, Some(&fill))?;
        std::fs::write(dir.join(format!("{prefix}-{k:04}.xlsx")), bytes)?;
    }
    eprintln!("wrote {n} workbooks to {}", dir.display());
    Ok(())
}
