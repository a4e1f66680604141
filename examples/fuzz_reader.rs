//! The reader's mutation harness at length (docs/fuzzing.md): mutants of the
//! samples, the producer fixtures and the blank templates, read through
//! citystar's reader processes exactly as `assess` reads them, then checked
//! and assessed. Exits 1 when a defect is found, listing it.
//!
//! Usage: cargo build --release && cargo run --release --example fuzz_reader -- [MUTANTS] [SEED]

use citystar::submission::{Loader, isolate};

fn main() {
    let mut args = std::env::args().skip(1);
    let mutants: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    let exe = std::env::var_os("CITYSTAR_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "target/release/citystar".into());
    let seeds = citystar::fuzz::seed_files(std::path::Path::new("."));
    let standards = citystar::standard::embedded::all().expect("embedded standards");
    let loader = Loader::Isolated(isolate::ReaderPool::new(exe, isolate::Limits::from_env()));
    let start = std::time::Instant::now();
    let out = citystar::fuzz::run(&seeds, mutants, seed, &loader, &standards);
    println!(
        "{} mutants of {} seeds (seed {seed}) in {:.1} s: {} read and assessed, {} refused, {} defects",
        out.mutants,
        seeds.len(),
        start.elapsed().as_secs_f64(),
        out.read,
        out.refused.values().sum::<usize>(),
        out.defects.len()
    );
    for (code, n) in &out.refused {
        println!("  refused {code}: {n}");
    }
    for (s, label) in &out.slowest {
        println!("  slowest {s:.2} s: {label}");
    }
    for d in &out.defects {
        println!("  DEFECT {d}");
    }
    std::process::exit(i32::from(!out.defects.is_empty()));
}
