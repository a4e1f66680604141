//! `citystar standards list | show | lint | export | import`.

use super::{Format, Outcome};
use crate::Lang;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum Action {
    /// The embedded standards with their counts and provisional entries.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One standard's tree: dimensions, indicators, weights, 1★–5★ requirements, rules.
    Show {
        /// An embedded id (see `standards list`) or a path to a standard file.
        standard: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check a standard file; every problem at its line and column. Exit 0 clean, 2 otherwise.
    Lint {
        /// Standard files (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(action: Action, _lang: Lang) -> anyhow::Result<Outcome> {
    match action {
        Action::Lint { files } => lint(&files),
        _ => anyhow::bail!("not yet available"),
    }
}

fn lint(files: &[PathBuf]) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::Done;
    for path in files {
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{shown}: cannot read: {e}");
                outcome = Outcome::Failed;
                continue;
            }
        };
        match crate::standard::load_str(&text, &shown) {
            Ok(s) => println!(
                "{shown}: ok — {} ({}), {} dimensions, {} indicators, {} rating rules; {} of {} entries provisional",
                s.id(),
                s.standard.code,
                s.dimension.len(),
                s.indicator.len(),
                s.rating.len(),
                s.provisional_count(),
                s.entry_count()
            ),
            Err(e) => {
                print!("{e}");
                outcome = Outcome::Failed;
            }
        }
    }
    Ok(outcome)
}
