//! A bounded, seeded mutation pass over the reader (the same harness as
//! `examples/fuzz_reader.rs`, docs/fuzzing.md): mutants of the samples and the
//! producer fixtures, read in citystar's reader processes, then checked and
//! assessed in this process. No mutant may crash a reader or panic in
//! citystar's own code.

use citystar::submission::{Loader, isolate};

#[test]
fn mutants_of_real_workbooks_are_read_or_refused_never_crash() {
    let seeds = citystar::fuzz::seed_files(std::path::Path::new("."));
    assert!(seeds.len() >= 8, "seed corpus missing: {}", seeds.len());
    let standards = citystar::standard::embedded::all().unwrap();
    let exe = assert_cmd::cargo::cargo_bin("citystar");
    let loader = Loader::Isolated(isolate::ReaderPool::new(
        exe,
        isolate::Limits {
            memory_mb: 1024,
            seconds: 20,
        },
    ));
    let mutants = std::env::var("CITYSTAR_FUZZ_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let out = citystar::fuzz::run(&seeds, mutants, 2026, &loader, &standards);
    eprintln!(
        "fuzz: {} mutants, {} read and assessed, refused {:?}, slowest {:?}",
        out.mutants,
        out.read,
        out.refused,
        out.slowest.first()
    );
    assert_eq!(out.mutants, mutants);
    assert!(out.defects.is_empty(), "{:#?}", out.defects);
    // The pass reaches past the zip layer: some mutants are read, some refused.
    assert!(out.read > 0 && !out.refused.is_empty(), "{out:?}");
}
