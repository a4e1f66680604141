//! Batch runs: files and folders in, assessments out in a stable (path)
//! order, assessed in parallel; a summary with the ranking, the star
//! distribution, diagnostics counts and the gate's verdict.

use super::Assessment;
use crate::diag::Severity;
use indicatif::ProgressBar;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Workbook extensions a folder is searched for (case-insensitive).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A file that could not be assessed at all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unreadable {
    pub file: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    /// Competition ranking: equal totals share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub file: String,
    pub name: String,
    pub score: f64,
    pub stars: u8,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// The gate: why the run exits as it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gate {
    pub min_stars: Option<u8>,
    /// Files rated below `--min-stars`.
    pub below_min_stars: Vec<String>,
    /// Diagnostics at error severity after `--deny/--warn/--allow`.
    pub denied_diagnostics: usize,
    pub unreadable: usize,
    /// 0 every gate passed; 1 a gate failed; 2 a file could not be read.
    pub exit_code: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub assessed: usize,
    pub unreadable: Vec<Unreadable>,
    pub ranking: Vec<RankRow>,
    /// Entities per star level, index 0–5.
    pub star_distribution: [usize; 6],
    pub diagnostics: Counts,
    pub gate: Gate,
}

/// Everything a run produced: what the renderers read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub entities: Vec<Assessment>,
    pub summary: Summary,
}

/// The files named by the arguments: files as given, folders searched
/// recursively for workbooks; sorted and without duplicates. Paths that do
/// not exist are returned as unreadable.
pub fn collect_files(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<Unreadable>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for a in args {
        if a.is_dir() {
            let before = files.len();
            if let Err(e) = walk(a, &mut files) {
                bad.push(Unreadable {
                    file: a.display().to_string(),
                    message: format!("cannot read the folder: {e}"),
                });
            } else if files.len() == before {
                bad.push(Unreadable {
                    file: a.display().to_string(),
                    message: format!("no workbooks ({}) in this folder", EXTENSIONS.join(", ")),
                });
            }
        } else if a.exists() {
            files.push(a.clone());
        } else {
            bad.push(Unreadable {
                file: a.display().to_string(),
                message: "no such file or folder".into(),
            });
        }
    }
    files.sort();
    files.dedup();
    (files, bad)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_workbook(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_workbook(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // `~$name.xlsx` is Excel's lock file, not a workbook.
    !name.starts_with("~$")
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Assess every file in parallel; results come back in the files' order.
pub fn run<F>(
    files: &[PathBuf],
    progress: Option<&ProgressBar>,
    one: F,
) -> Vec<Result<Assessment, Unreadable>>
where
    F: Fn(&Path) -> Result<Assessment, Unreadable> + Sync,
{
    files
        .par_iter()
        .map(|f| {
            let r = one(f);
            if let Some(p) = progress {
                p.inc(1);
            }
            r
        })
        .collect()
}

/// Put the results together and decide the gate.
pub fn report(
    results: Vec<Result<Assessment, Unreadable>>,
    mut unreadable: Vec<Unreadable>,
    min_stars: Option<u8>,
) -> Report {
    let files = results.len() + unreadable.len();
    let mut entities = Vec::new();
    for r in results {
        match r {
            Ok(a) => entities.push(a),
            Err(u) => unreadable.push(u),
        }
    }
    unreadable.sort_by(|a, b| a.file.cmp(&b.file));

    let mut order: Vec<&Assessment> = entities.iter().collect();
    order.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.stars.cmp(&a.stars))
            .then(a.file.cmp(&b.file))
    });
    let mut ranking: Vec<RankRow> = Vec::new();
    for (k, a) in order.iter().enumerate() {
        let rank = match ranking.last() {
            Some(prev) if prev.score == a.score && prev.stars == a.stars => prev.rank,
            _ => k + 1,
        };
        ranking.push(RankRow {
            rank,
            file: a.file.clone(),
            name: a.name.clone(),
            score: a.score,
            stars: a.stars,
        });
    }
    let mut star_distribution = [0; 6];
    let mut counts = Counts::default();
    for a in &entities {
        star_distribution[a.stars.min(5) as usize] += 1;
        let (e, w, i) = a.diagnostic_counts();
        counts.error += e;
        counts.warning += w;
        counts.info += i;
    }
    let below_min_stars: Vec<String> = min_stars
        .map(|m| {
            entities
                .iter()
                .filter(|a| a.stars < m)
                .map(|a| a.file.clone())
                .collect()
        })
        .unwrap_or_default();
    let denied_diagnostics = entities
        .iter()
        .flat_map(|a| &a.diagnostics)
        .filter(|d| d.severity == Severity::Error)
        .count();
    let exit_code = if !unreadable.is_empty() {
        2
    } else if !below_min_stars.is_empty() || denied_diagnostics > 0 {
        1
    } else {
        0
    };
    Report {
        summary: Summary {
            files,
            assessed: entities.len(),
            gate: Gate {
                min_stars,
                below_min_stars,
                denied_diagnostics,
                unreadable: unreadable.len(),
                exit_code,
            },
            unreadable,
            ranking,
            star_distribution,
            diagnostics: counts,
        },
        entities,
    }
}
