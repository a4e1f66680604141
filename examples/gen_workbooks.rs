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
use citystar::standard::{Direction, InputItem, Kind, Level};
use citystar::submission::Entity;
use citystar::submission::template::{Fill, FillValue, write};

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
    let round = |x: f64| (x * 100.0).round() / 100.0;
    for k in 0..n {
        let population = 1_000_000.0 + (next() * 9_000_000.0).round();
        let mut fill = Fill {
            entity: Entity {
                name: format!("测试市{k:04}"),
                level: Some(Level::City),
                division_code: format!("37{:04}", k % 10_000),
                year: Some(2025),
                population: Some(population),
                filing_unit: format!("测试市{k:04}大数据中心"),
                contact: "联系人 0000-00000000".into(),
                date: "2026-01-15".into(),
                ..Entity::default()
            },
            ..Fill::default()
        };
        // The file's general level (0.55–1.05 of the 5★ requirements), then a
        // per-indicator spread around it.
        let level = 0.55 + 0.5 * next();
        for ind in &std.indicator {
            let share = (level + 0.3 * (next() - 0.5)).clamp(0.05, 1.1);
            let target = ind.stars.map(|req| match ind.direction {
                Direction::Higher => req[4] * share,
                Direction::Lower => req[4] / share,
            });
            let t = target.unwrap_or(0.0);
            for (item, _) in ind.inputs() {
                let v = match (&ind.kind, item) {
                    (Kind::Ratio { .. }, InputItem::Numerator) => {
                        FillValue::Number((t.min(100.0) * 10.0).round())
                    }
                    (Kind::Ratio { .. }, _) => FillValue::Number(1000.0),
                    (Kind::Percent { .. }, _) => FillValue::Number(round(t.min(100.0)) / 100.0),
                    (Kind::PerPopulation { per, .. }, _) => {
                        FillValue::Number((t * population / per).round())
                    }
                    (Kind::Survey { .. }, _) => FillValue::Number(round(t.min(100.0))),
                    (
                        Kind::YesNo {
                            yes_stars,
                            no_stars,
                        },
                        _,
                    ) => {
                        // The better answer (是 for a service, 否 for an incident) most of the time.
                        let good = (share >= 0.6) == (yes_stars >= no_stars);
                        FillValue::Text(if good { "是" } else { "否" }.into())
                    }
                    (Kind::Grade { options }, _) => {
                        let want = (share * 5.0).round() as i32;
                        let best = options
                            .iter()
                            .min_by_key(|o| (i32::from(o.stars) - want).abs())
                            .map(|o| o.zh.clone())
                            .unwrap_or_default();
                        FillValue::Text(best)
                    }
                    _ => FillValue::Number(round(t)),
                };
                fill.values
                    .insert(format!("{}{}", ind.code, item.suffix()), v);
            }
            fill.evidence
                .insert(ind.code.clone(), format!("附件：{} 佐证材料", ind.code));
        }
        let bytes = write(&std, Lang::Zh, Some(&fill))?;
        std::fs::write(dir.join(format!("city-{k:04}.xlsx")), bytes)?;
    }
    eprintln!("wrote {n} workbooks to {}", dir.display());
    Ok(())
}
