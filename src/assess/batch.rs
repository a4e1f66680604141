//! Batch runs: files and folders in, assessments out in a stable (path)
//! order, assessed in parallel; a summary with the ranking, the star
//! distribution, diagnostics counts and the gate's verdict.

use super::Assessment;
use crate::diag::Severity;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The folder walk lives in `crate::folder` (check and assess both use it).
pub use crate::folder::{EXTENSIONS, Unreadable, collect_files, evidence_candidates, is_review};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    /// Competition ranking within the entity's standard: equal totals share
    /// a rank (1, 2, 2, 4); a city and a community are never ranked together.
    pub rank: usize,
    /// The standard the entity was assessed against (the ranking is grouped by it).
    pub standard: String,
    pub file: String,
    pub name: String,
    pub score: f64,
    pub stars: u8,
    #[serde(skip)]
    pub division_code: String,
    #[serde(skip)]
    pub sha256: String,
    /// Ranked on the verified values of a review (`score` and `stars` are the verified ones).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verified: bool,
}

/// Two or more files that look like one submission: the same bytes, or the
/// same 行政区划代码 under one standard. All are assessed and ranked; the
/// summary says so, since a ranking with one entity twice misleads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    /// `same-bytes` or `same-division-code`.
    pub kind: &'static str,
    /// The shared SHA-256 or 行政区划代码.
    pub key: String,
    pub files: Vec<String>,
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
    /// Files that look like the same submission.
    pub duplicates: Vec<Duplicate>,
    /// Entities per star level, index 0–5.
    pub star_distribution: [usize; 6],
    pub diagnostics: Counts,
    pub gate: Gate,
    /// With reviews (`--review`, `--review-dir`): which entities were rated
    /// on verified values and which had no review (ranked on reported ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewTally>,
    /// The province view (`--baseline`, `--targets`): per level and 所属地市,
    /// movers, targets. Left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<crate::rounds::Province>,
}

/// Which entities of a batch had a review applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReviewTally {
    pub reviewed: Vec<String>,
    pub unreviewed: Vec<String>,
}

/// Everything a run produced: what the renderers read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub entities: Vec<Assessment>,
    pub summary: Summary,
}

/// What the batch summaries (summary.xlsx, summary.html) read of one entity.
/// A `--report-dir` run keeps one for every entity until the end, so it is
/// small: the standard and the dimension headings are shared by the entities
/// assessed against the same standard (docs/performance.md).
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub file: String,
    pub sha256: String,
    pub name: String,
    /// 所属地市, empty when not given.
    pub parent: String,
    pub level: Option<crate::standard::Level>,
    pub standard: std::sync::Arc<super::StandardInfo>,
    /// The self-reported total and stars (the ranking's order is the summary's).
    pub score: f64,
    pub stars: u8,
    pub tier: Option<crate::diag::Text>,
    pub complete: bool,
    pub missing: usize,
    /// Diagnostics after re-levelling: (error, warning, info).
    pub counts: (usize, usize, usize),
    /// The standard's dimensions, in its order.
    pub dimensions: std::sync::Arc<[DimensionHead]>,
    /// Each dimension's score (scored) or points (bonus), in `dimensions`' order.
    pub values: Box<[Option<f64>]>,
    /// The indicators and the cohort gaps, kept only when the batch is compared
    /// with its cohort (`--benchmark cohort`).
    pub cohort: Option<Box<CohortPart>>,
}

/// A dimension as the summary's headings show it.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionHead {
    pub code: String,
    pub name: crate::diag::Text,
    pub role: crate::standard::DimensionRole,
}

/// What the summary's cohort sheet reads of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortPart {
    /// (code, name, unit) of every indicator, in the standard's order.
    pub indicators: Vec<(String, crate::diag::Text, String)>,
    /// The gaps to cohort benchmarks.
    pub gaps: Vec<crate::benchmark::GapAnalysis>,
}

/// The compact rows of a batch, in the order they came: with the batch's
/// [`Summary`], what summary.xlsx and summary.html are made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryRows {
    pub rows: Vec<SummaryRow>,
    standards: Vec<std::sync::Arc<super::StandardInfo>>,
    headings: Vec<std::sync::Arc<[DimensionHead]>>,
}

impl SummaryRows {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `n` rows (a batch of `n` files keeps at most `n`).
    pub fn with_capacity(n: usize) -> Self {
        SummaryRows {
            rows: Vec::with_capacity(n),
            ..Self::default()
        }
    }

    /// The rows of a whole report's entities (the cohort part where there are cohort gaps).
    pub fn of(entities: &[Assessment]) -> Self {
        let cohort = entities.iter().flat_map(|a| &a.gaps).any(|g| g.is_cohort());
        let mut rows = Self::new();
        for a in entities {
            rows.push(a, cohort);
        }
        rows
    }

    /// Keep what the summaries read of `a`; the cohort part when `cohort`.
    pub fn push(&mut self, a: &Assessment, cohort: bool) {
        use std::sync::Arc;
        let standard = match self.standards.iter().find(|s| ***s == a.standard) {
            Some(s) => Arc::clone(s),
            None => {
                let s = Arc::new(a.standard.clone());
                self.standards.push(Arc::clone(&s));
                s
            }
        };
        let same = |h: &[DimensionHead]| {
            h.len() == a.dimensions.len()
                && h.iter()
                    .zip(&a.dimensions)
                    .all(|(h, d)| h.code == d.code && h.name == d.name && h.role == d.role)
        };
        let dimensions = match self.headings.iter().find(|h| same(h)) {
            Some(h) => Arc::clone(h),
            None => {
                let h: Arc<[DimensionHead]> = a
                    .dimensions
                    .iter()
                    .map(|d| DimensionHead {
                        code: d.code.clone(),
                        name: d.name.clone(),
                        role: d.role,
                    })
                    .collect();
                self.headings.push(Arc::clone(&h));
                h
            }
        };
        let values = a
            .dimensions
            .iter()
            .map(|d| match d.role {
                crate::standard::DimensionRole::Scored => d.score,
                crate::standard::DimensionRole::Bonus => d.points,
            })
            .collect();
        let cohort = cohort.then(|| {
            Box::new(CohortPart {
                indicators: a
                    .indicators
                    .iter()
                    .map(|i| {
                        let name = crate::diag::Text::new(i.name_zh.clone(), i.name_en.clone());
                        (i.code.clone(), name, i.unit.clone())
                    })
                    .collect(),
                gaps: a.gaps.iter().filter(|g| g.is_cohort()).cloned().collect(),
            })
        });
        self.rows.push(SummaryRow {
            file: a.file.clone(),
            sha256: a.sha256.clone(),
            name: a.name.clone(),
            parent: a.parent.clone(),
            level: a.level,
            standard,
            score: a.score,
            stars: a.stars,
            tier: a.tier.clone(),
            complete: a.complete,
            missing: a.missing,
            counts: a.diagnostic_counts(),
            dimensions,
            values,
            cohort,
        });
    }
}

/// Told as each file of a batch is done (the command line draws a bar; a
/// library caller may count, log, or pass `None`).
pub trait Progress: Sync {
    /// `n` more files are done.
    fn advance(&self, n: u64);
}

/// Run `one` on every file in parallel (an assessment, or an assessment and
/// its rendered output); results come back in the files' order.
pub fn run<T, F>(
    files: &[PathBuf],
    progress: Option<&dyn Progress>,
    one: F,
) -> Vec<Result<T, Unreadable>>
where
    T: Send,
    F: Fn(&Path) -> Result<T, Unreadable> + Sync,
{
    files
        .par_iter()
        .map(|f| {
            let r = one(f);
            if let Some(p) = progress {
                p.advance(1);
            }
            r
        })
        .collect()
}

/// The summary, built up one entity at a time so a batch need not keep its
/// assessments: only a ranking row and a few counts per entity.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    rows: Vec<RankRow>,
    star_distribution: [usize; 6],
    counts: Counts,
    below_min_stars: Vec<String>,
    denied_diagnostics: usize,
    min_stars: Option<u8>,
    /// Set when the run applies reviews.
    pub reviews: Option<ReviewTally>,
}

impl Tally {
    pub fn new(min_stars: Option<u8>) -> Self {
        Tally {
            min_stars,
            ..Tally::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Room for `n` more entities.
    pub fn reserve(&mut self, n: usize) {
        self.rows.reserve_exact(n);
    }

    pub fn add(&mut self, a: &Assessment) {
        // Where a review was applied, the verified rating is the one that counts.
        let (score, stars) = a
            .review
            .as_ref()
            .map_or((a.score, a.stars), |r| (r.verified.score, r.verified.stars));
        if let Some(t) = &mut self.reviews {
            match a.review {
                Some(_) => t.reviewed.push(a.file.clone()),
                None => t.unreviewed.push(a.file.clone()),
            }
        }
        self.rows.push(RankRow {
            rank: 0,
            standard: a.standard.id.clone(),
            file: a.file.clone(),
            name: a.name.clone(),
            score,
            stars,
            division_code: a.division_code.trim().to_string(),
            sha256: a.sha256.clone(),
            verified: a.review.is_some(),
        });
        self.star_distribution[stars.min(5) as usize] += 1;
        let (e, w, i) = a.diagnostic_counts();
        self.counts.error += e;
        self.counts.warning += w;
        self.counts.info += i;
        if self.min_stars.is_some_and(|m| stars < m) {
            self.below_min_stars.push(a.file.clone());
        }
        self.denied_diagnostics += a
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
    }

    /// The summary and the gate's verdict; `unreadable` are the files that
    /// could not be assessed at all.
    pub fn finish(self, mut unreadable: Vec<Unreadable>) -> Summary {
        unreadable.sort_by(|a, b| a.file.cmp(&b.file));
        let duplicates = duplicates(&self.rows);
        let mut order = self.rows;
        // Grouped by standard (in the order the standards first appear by
        // path), then by total, stars and path.
        let mut first: Vec<String> = Vec::new();
        let mut by_path: Vec<&RankRow> = order.iter().collect();
        by_path.sort_by(|a, b| a.file.cmp(&b.file));
        for r in by_path {
            if !first.contains(&r.standard) {
                first.push(r.standard.clone());
            }
        }
        let group = |s: &str| first.iter().position(|x| x == s).unwrap_or(usize::MAX);
        order.sort_by(|a, b| {
            group(&a.standard)
                .cmp(&group(&b.standard))
                .then(b.score.total_cmp(&a.score))
                .then(b.stars.cmp(&a.stars))
                .then(a.file.cmp(&b.file))
        });
        // Competition ranking within each standard: equal totals and stars share a rank (1, 2, 2, 4).
        let mut start = 0;
        for k in 0..order.len() {
            if k > 0 && order[k].standard != order[k - 1].standard {
                start = k;
            }
            order[k].rank = match k.checked_sub(1).map(|j| &order[j]) {
                Some(prev)
                    if k > start
                        && prev.score == order[k].score
                        && prev.stars == order[k].stars =>
                {
                    prev.rank
                }
                _ => k - start + 1,
            };
        }
        // Nothing assessed is never a passing gate.
        let exit_code = if !unreadable.is_empty() || order.is_empty() {
            2
        } else if !self.below_min_stars.is_empty() || self.denied_diagnostics > 0 {
            1
        } else {
            0
        };
        Summary {
            files: order.len() + unreadable.len(),
            assessed: order.len(),
            gate: Gate {
                min_stars: self.min_stars,
                below_min_stars: self.below_min_stars,
                denied_diagnostics: self.denied_diagnostics,
                unreadable: unreadable.len(),
                exit_code,
            },
            unreadable,
            ranking: order,
            duplicates,
            star_distribution: self.star_distribution,
            diagnostics: self.counts,
            review: self.reviews,
            province: None,
        }
    }
}

/// Files with the same bytes, and files with the same 行政区划代码 under one
/// standard (unless they are copies of one file), in path order.
fn duplicates(rows: &[RankRow]) -> Vec<Duplicate> {
    fn group(
        rows: &[RankRow],
        kind: &'static str,
        key: impl Fn(&RankRow) -> Option<(String, String)>,
    ) -> Vec<Duplicate> {
        let mut by: std::collections::BTreeMap<String, (String, Vec<String>)> = Default::default();
        for r in rows {
            if let Some((k, shown)) = key(r) {
                by.entry(k)
                    .or_insert_with(|| (shown, Vec::new()))
                    .1
                    .push(r.file.clone());
            }
        }
        by.into_values()
            .filter(|(_, files)| files.len() > 1)
            .map(|(key, mut files)| {
                files.sort();
                Duplicate { kind, key, files }
            })
            .collect()
    }
    let mut out = group(rows, "same-bytes", |r| {
        (!r.sha256.is_empty()).then(|| (r.sha256.clone(), r.sha256.clone()))
    });
    let by_code = group(rows, "same-division-code", |r| {
        (!r.division_code.is_empty()).then(|| {
            (
                format!("{} {}", r.standard, r.division_code),
                r.division_code.clone(),
            )
        })
    });
    // Copies of one file are said once, as copies.
    let copies = |d: &Duplicate| {
        out.iter()
            .any(|b| d.files.iter().all(|f| b.files.contains(f)))
    };
    let by_code: Vec<Duplicate> = by_code.into_iter().filter(|d| !copies(d)).collect();
    out.extend(by_code);
    out
}

/// Put the results together and decide the gate.
pub fn report(
    results: Vec<Result<Assessment, Unreadable>>,
    mut unreadable: Vec<Unreadable>,
    min_stars: Option<u8>,
) -> Report {
    let mut tally = Tally::new(min_stars);
    let mut entities = Vec::new();
    for r in results {
        match r {
            Ok(a) => {
                tally.add(&a);
                entities.push(a);
            }
            Err(u) => unreadable.push(u),
        }
    }
    Report {
        summary: tally.finish(unreadable),
        entities,
    }
}
