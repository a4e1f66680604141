//! Write N filled city workbooks for the assessment benchmark
//! (scripts/bench-assess.sh). Each one is the real submission template
//! (`citystar::submission::template`, the same bytes `citystar template` writes)
//! filled the way `examples/make-samples.rs` fills the samples: every input item
//! of the embedded city standard gets a value reaching some share of its 5★
//! requirement. The shares vary per file and per indicator from a fixed
//! pseudo-random sequence, so every run writes the same files and the files
//! spread over the star levels.
//!
//! Usage: cargo run --release --example gen_workbooks -- DIR [N]

use citystar::Lang;
use citystar::standard::Level;
use citystar::submission::Entity;
use citystar::submission::fill::from_shares;
use citystar::submission::template::write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: gen_workbooks DIR [N]")?);
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    std::fs::create_dir_all(&dir)?;
    let std = citystar::standard::embedded::for_level(Level::City)?;
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
        let entity = Entity {
            name: format!("测试市{k:04}"),
            level: Some(Level::City),
            division_code: format!("37{:04}", k % 10_000),
            year: Some(2025),
            population: Some(population),
            filing_unit: format!("测试市{k:04}大数据中心"),
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
        std::fs::write(dir.join(format!("city-{k:04}.xlsx")), bytes)?;
    }
    eprintln!("wrote {n} workbooks to {}", dir.display());
    Ok(())
}
