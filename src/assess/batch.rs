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

/// A row of the [`Ranking`], borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RankRow<'a> {
    /// Competition ranking within the entity's standard: equal totals share
    /// a rank (1, 2, 2, 4); a city and a community are never ranked together.
    pub rank: usize,
    /// The standard the entity was assessed against (the ranking is grouped by it).
    pub standard: &'a str,
    pub file: &'a str,
    pub name: &'a str,
    pub score: f64,
    pub stars: u8,
    /// Ranked on the verified values of a review (`score` and `stars` are the verified ones).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub verified: bool,
}

/// The batch's ranking, in ranking order. Its texts are the batch's kept
/// texts (shared with the summaries' rows, not copied), a row is a few
/// numbers: a country-sized ranking is not a string per entity.
#[derive(Clone, Default)]
pub struct Ranking {
    rows: Vec<RankAt>,
    text: std::sync::Arc<Texts>,
    standards: Vec<String>,
}

/// A ranking row as the [`Ranking`] keeps it.
#[derive(Debug, Clone, Copy)]
struct RankAt {
    rank: usize,
    file: Span,
    name: Span,
    score: f64,
    standard: u32,
    stars: u8,
    verified: bool,
}

impl Ranking {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `k`-th row in ranking order, if there are that many.
    pub fn get(&self, k: usize) -> Option<RankRow<'_>> {
        let r = self.rows.get(k)?;
        Some(RankRow {
            rank: r.rank,
            standard: self
                .standards
                .get(r.standard as usize)
                .map_or("", |s| s.as_str()),
            file: self.text.get(r.file),
            name: self.text.get(r.name),
            score: r.score,
            stars: r.stars,
            verified: r.verified,
        })
    }

    pub fn iter(&self) -> Rows<'_> {
        Rows {
            ranking: self,
            next: 0,
        }
    }

    /// Put a row at the end (its texts copied in).
    pub fn push(&mut self, r: RankRow<'_>) {
        let standard = shared(
            &mut self.standards,
            |s| s == r.standard,
            || r.standard.to_string(),
        );
        let text = std::sync::Arc::make_mut(&mut self.text);
        let row = RankAt {
            rank: r.rank,
            file: text.put(r.file),
            name: text.put(r.name),
            score: r.score,
            standard: small(standard),
            stars: r.stars,
            verified: r.verified,
        };
        self.rows.push(row);
    }
}

/// The rows of a [`Ranking`], in ranking order.
pub struct Rows<'a> {
    ranking: &'a Ranking,
    next: usize,
}

impl<'a> Iterator for Rows<'a> {
    type Item = RankRow<'a>;

    fn next(&mut self) -> Option<RankRow<'a>> {
        let r = self.ranking.get(self.next)?;
        self.next += 1;
        Some(r)
    }

    fn nth(&mut self, n: usize) -> Option<RankRow<'a>> {
        self.next = self.next.saturating_add(n);
        self.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.ranking.len().saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Rows<'_> {}

impl<'a> IntoIterator for &'a Ranking {
    type Item = RankRow<'a>;
    type IntoIter = Rows<'a>;

    fn into_iter(self) -> Rows<'a> {
        self.iter()
    }
}

/// Two rankings are equal when their rows are.
impl PartialEq for Ranking {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Ranking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A list of its rows, as a `Vec<RankRow>` would be.
impl Serialize for Ranking {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
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
    pub ranking: Ranking,
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

/// The text a batch keeps of its entities (files, names, SHA-256s, 所属地市,
/// 行政区划代码), all in one growing buffer: a `--report-dir` run keeps it
/// until the end, and a small string of its own per entity would sit among
/// the report buffers freed around it and hold their pages (docs/performance.md).
#[derive(Debug, Clone, Default, PartialEq)]
struct Texts(String);

/// Where a kept text is in its [`Texts`]: its start and its length in one
/// word (a row per entity keeps four or five of them).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Span(u64);

/// Bits of a [`Span`] that hold the length (texts up to 16 MiB; the start
/// has the other 40 bits).
const LEN_BITS: u32 = 24;
const LEN_MASK: u64 = (1 << LEN_BITS) - 1;

impl Texts {
    fn put(&mut self, s: &str) -> Span {
        // What is kept is a path, a SHA-256, a code, or a name or 所属地市 the
        // reader cut at `MAX_TEXT_CHARS` (200 characters): far below 16 MiB.
        // Only an assessment made by hand could hold a longer one, which would
        // be kept as its first 16 MiB, cut between characters.
        let mut len = s.len().min(LEN_MASK as usize);
        while !s.is_char_boundary(len) {
            len -= 1;
        }
        let start = self.0.len() as u64;
        self.0.push_str(&s[..len]);
        Span((start << LEN_BITS) | len as u64)
    }

    fn get(&self, s: Span) -> &str {
        let start = (s.0 >> LEN_BITS) as usize;
        let len = (s.0 & LEN_MASK) as usize;
        self.0.get(start..start + len).unwrap_or_default()
    }
}

/// A count as a row keeps it (saturating: no entity has 4 billion of anything).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Each dimension's score as the rows keep them: the numbers in one list,
/// whether each is there in a bit set beside it.
#[derive(Debug, Clone, Default, PartialEq)]
struct Values {
    numbers: Vec<f64>,
    present: Vec<u64>,
}

impl Values {
    fn len(&self) -> usize {
        self.numbers.len()
    }

    fn push(&mut self, v: Option<f64>) {
        let k = self.numbers.len();
        if k.is_multiple_of(64) {
            self.present.push(0);
        }
        if let Some(last) = self.present.last_mut() {
            *last |= u64::from(v.is_some()) << (k % 64);
        }
        self.numbers.push(v.unwrap_or(0.0));
    }

    fn get(&self, k: usize) -> Option<f64> {
        let there = self
            .present
            .get(k / 64)
            .is_some_and(|w| w >> (k % 64) & 1 == 1);
        there.then(|| self.numbers[k])
    }
}

/// An entity's dimension scores in a [`SummaryRow`], in its dimensions' order.
#[derive(Clone, Copy)]
pub struct DimensionValues<'a> {
    values: &'a Values,
    start: usize,
    len: usize,
}

impl DimensionValues<'_> {
    /// The `k`-th dimension's score (scored) or points (bonus), if it has one.
    pub fn get(&self, k: usize) -> Option<f64> {
        (k < self.len)
            .then(|| self.values.get(self.start + k))
            .flatten()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<f64>> + '_ {
        (0..self.len).map(|k| self.get(k))
    }
}

/// Two entities' values are equal when each of them is (not their lists).
impl PartialEq for DimensionValues<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for DimensionValues<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Where `x` is in `list`, put at its end when it is not there yet (a batch
/// has a few distinct standards, headings and sub-tiers, shared by its rows).
fn shared<T>(list: &mut Vec<T>, same: impl Fn(&T) -> bool, make: impl FnOnce() -> T) -> usize {
    match list.iter().position(same) {
        Some(k) => k,
        None => {
            list.push(make());
            list.len() - 1
        }
    }
}

/// What the batch summaries (summary.xlsx, summary.html) read of one entity,
/// borrowed from the batch's [`SummaryRows`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SummaryRow<'a> {
    pub file: &'a str,
    pub sha256: &'a str,
    pub name: &'a str,
    /// 所属地市, empty when not given.
    pub parent: &'a str,
    pub level: Option<crate::standard::Level>,
    pub standard: &'a super::StandardInfo,
    /// The self-reported total and stars (the ranking's order is the summary's).
    pub score: f64,
    pub stars: u8,
    pub tier: Option<&'a crate::diag::Text>,
    pub complete: bool,
    pub missing: usize,
    /// Diagnostics after re-levelling: (error, warning, info).
    pub counts: (usize, usize, usize),
    /// The standard's dimensions, in its order.
    pub dimensions: &'a [DimensionHead],
    /// Each dimension's score (scored) or points (bonus), in `dimensions`' order.
    pub values: DimensionValues<'a>,
    /// The indicators and the cohort gaps, kept only when the batch is compared
    /// with its cohort (`--benchmark cohort`).
    pub cohort: Option<&'a CohortPart>,
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

/// One entity's row as kept: its texts in the rows' buffer, its dimension
/// values in their list, the standard, headings and sub-tier by index
/// (about 100 bytes, the texts and values besides).
#[derive(Debug, Clone, PartialEq)]
struct Kept {
    file: Span,
    sha256: Span,
    name: Span,
    parent: Span,
    score: f64,
    /// Where its values start in `SummaryRows::values` (as many as its dimensions).
    values: usize,
    cohort: Option<Box<CohortPart>>,
    counts: [u32; 3],
    missing: u32,
    standard: u32,
    dimensions: u32,
    tier: Option<u32>,
    level: Option<crate::standard::Level>,
    stars: u8,
    complete: bool,
}

/// The compact rows of a batch, in the order they came: with the batch's
/// [`Summary`], what summary.xlsx and summary.html are made from. A
/// `--report-dir` run keeps one for every entity until the end, so nothing
/// of a row is an allocation of its own (but the cohort part, kept only for
/// `--benchmark cohort`): the texts are in one buffer, the values in one
/// list, and the standard, the dimension headings and the sub-tier are
/// shared by the rows that have the same (docs/performance.md).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryRows {
    kept: Vec<Kept>,
    /// Shared with the batch's [`Ranking`] once the batch is done.
    text: std::sync::Arc<Texts>,
    values: Values,
    standards: Vec<super::StandardInfo>,
    headings: Vec<Vec<DimensionHead>>,
    tiers: Vec<crate::diag::Text>,
}

impl SummaryRows {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `n` rows (a batch of `n` files keeps at most `n`).
    pub fn with_capacity(n: usize) -> Self {
        SummaryRows {
            kept: Vec::with_capacity(n),
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

    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The `k`-th row, in the order they came.
    pub fn get(&self, k: usize) -> SummaryRow<'_> {
        let r = &self.kept[k];
        let dimensions = &self.headings[r.dimensions as usize];
        SummaryRow {
            file: self.text.get(r.file),
            sha256: self.text.get(r.sha256),
            name: self.text.get(r.name),
            parent: self.text.get(r.parent),
            level: r.level,
            standard: &self.standards[r.standard as usize],
            score: r.score,
            stars: r.stars,
            tier: r.tier.map(|t| &self.tiers[t as usize]),
            complete: r.complete,
            missing: r.missing as usize,
            counts: (
                r.counts[0] as usize,
                r.counts[1] as usize,
                r.counts[2] as usize,
            ),
            dimensions,
            values: DimensionValues {
                values: &self.values,
                start: r.values,
                len: dimensions.len(),
            },
            cohort: r.cohort.as_deref(),
        }
    }

    /// The `k`-th row's file (what the summaries find a ranking row's entity by).
    pub fn file(&self, k: usize) -> &str {
        self.text.get(self.kept[k].file)
    }

    /// Every row, in the order they came.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = SummaryRow<'_>> + '_ {
        (0..self.kept.len()).map(|k| self.get(k))
    }

    pub fn first(&self) -> Option<SummaryRow<'_>> {
        (!self.kept.is_empty()).then(|| self.get(0))
    }

    /// Keep what the summaries read of `a`; the cohort part when `cohort`.
    pub fn push(&mut self, a: &Assessment, cohort: bool) {
        let text = std::sync::Arc::make_mut(&mut self.text);
        let file = text.put(&a.file);
        let sha256 = text.put(&a.sha256);
        let name = text.put(&a.name);
        self.push_with(a, cohort, [file, sha256, name]);
    }

    /// [`SummaryRows::push`], the file, SHA-256 and name already in the
    /// rows' texts (put there by the [`Tally`] that holds these rows).
    fn push_with(&mut self, a: &Assessment, cohort: bool, [file, sha256, name]: [Span; 3]) {
        let standard = shared(
            &mut self.standards,
            |s| *s == a.standard,
            || a.standard.clone(),
        );
        let same = |h: &Vec<DimensionHead>| {
            h.len() == a.dimensions.len()
                && h.iter()
                    .zip(&a.dimensions)
                    .all(|(h, d)| h.code == d.code && h.name == d.name && h.role == d.role)
        };
        let dimensions = shared(&mut self.headings, same, || {
            a.dimensions
                .iter()
                .map(|d| DimensionHead {
                    code: d.code.clone(),
                    name: d.name.clone(),
                    role: d.role,
                })
                .collect()
        });
        let tier = a
            .tier
            .as_ref()
            .map(|t| shared(&mut self.tiers, |x| x == t, || t.clone()));
        let values = self.values.len();
        for d in &a.dimensions {
            self.values.push(match d.role {
                crate::standard::DimensionRole::Scored => d.score,
                crate::standard::DimensionRole::Bonus => d.points,
            });
        }
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
        let (e, w, i) = a.diagnostic_counts();
        let kept = Kept {
            file,
            sha256,
            name,
            parent: std::sync::Arc::make_mut(&mut self.text).put(&a.parent),
            score: a.score,
            values,
            cohort,
            counts: [small(e), small(w), small(i)],
            missing: small(a.missing),
            standard: small(standard),
            dimensions: small(dimensions),
            tier: tier.map(small),
            level: a.level,
            stars: a.stars,
            complete: a.complete,
        };
        self.kept.push(kept);
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

/// A ranking row as the [`Tally`] keeps it until the end: its texts in the
/// tally's buffer, its standard by index.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    file: Span,
    name: Span,
    division_code: Span,
    sha256: Span,
    score: f64,
    standard: u32,
    stars: u8,
    verified: bool,
}

/// The summary, built up one entity at a time so a batch need not keep its
/// assessments: only a ranking row and a few counts per entity, the rows'
/// texts in one buffer (see [`Texts`]); the [`RankRow`]s are made at the end.
/// With [`Tally::keep_rows`], the summaries' rows too, sharing those texts.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    rows: Vec<Ranked>,
    /// The summaries' rows (empty unless kept), and in their texts the
    /// ranking rows' texts.
    kept: SummaryRows,
    keep: Option<bool>,
    /// The standards' ids, each once.
    standards: Vec<String>,
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

    /// Keep the summaries' rows as well ([`Tally::finish_with_rows`] gives
    /// them back), room for `n`; their cohort part when `cohort`.
    pub fn keep_rows(&mut self, n: usize, cohort: bool) {
        self.kept.kept.reserve_exact(n);
        self.keep = Some(cohort);
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
        let id = &a.standard.id;
        let standard = shared(&mut self.standards, |s| s == id, || id.clone());
        let text = std::sync::Arc::make_mut(&mut self.kept.text);
        let (file, sha256, name) = (text.put(&a.file), text.put(&a.sha256), text.put(&a.name));
        let row = Ranked {
            standard: small(standard),
            file,
            name,
            division_code: text.put(a.division_code.trim()),
            sha256,
            score,
            stars,
            verified: a.review.is_some(),
        };
        self.rows.push(row);
        if let Some(cohort) = self.keep {
            self.kept.push_with(a, cohort, [file, sha256, name]);
        }
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
    pub fn finish(self, unreadable: Vec<Unreadable>) -> Summary {
        self.finish_with_rows(unreadable).0
    }

    /// [`Tally::finish`], and the summaries' rows (empty unless kept, [`Tally::keep_rows`]).
    pub fn finish_with_rows(self, mut unreadable: Vec<Unreadable>) -> (Summary, SummaryRows) {
        unreadable.sort_by(|a, b| a.file.cmp(&b.file));
        let text = &self.kept.text;
        let file = |r: &Ranked| text.get(r.file);
        let duplicates = duplicates(&self.rows, text, &self.standards);
        // Grouped by standard (in the order the standards first appear by
        // path), then by total, stars and path.
        let mut first: Vec<u32> = Vec::new();
        let mut by_path: Vec<&Ranked> = self.rows.iter().collect();
        by_path.sort_by(|a, b| file(a).cmp(file(b)));
        for r in by_path {
            if !first.contains(&r.standard) {
                first.push(r.standard);
            }
        }
        let group = |s: u32| first.iter().position(|x| *x == s).unwrap_or(usize::MAX);
        let mut order: Vec<&Ranked> = self.rows.iter().collect();
        order.sort_by(|a, b| {
            group(a.standard)
                .cmp(&group(b.standard))
                .then(b.score.total_cmp(&a.score))
                .then(b.stars.cmp(&a.stars))
                .then(file(a).cmp(file(b)))
        });
        // Competition ranking within each standard: equal totals and stars share a rank (1, 2, 2, 4).
        let mut rows: Vec<RankAt> = Vec::with_capacity(order.len());
        let mut start = 0;
        for (k, r) in order.iter().enumerate() {
            if k > 0 && r.standard != order[k - 1].standard {
                start = k;
            }
            let rank = match k.checked_sub(1).map(|j| (order[j], rows[j].rank)) {
                Some((prev, rank))
                    if k > start && prev.score == r.score && prev.stars == r.stars =>
                {
                    rank
                }
                _ => k - start + 1,
            };
            rows.push(RankAt {
                rank,
                file: r.file,
                name: r.name,
                score: r.score,
                standard: r.standard,
                stars: r.stars,
                verified: r.verified,
            });
        }
        drop(order);
        let ranking = Ranking {
            rows,
            text: std::sync::Arc::clone(&self.kept.text),
            standards: self.standards,
        };
        // Nothing assessed is never a passing gate.
        let exit_code = if !unreadable.is_empty() || ranking.is_empty() {
            2
        } else if !self.below_min_stars.is_empty() || self.denied_diagnostics > 0 {
            1
        } else {
            0
        };
        let summary = Summary {
            files: ranking.len() + unreadable.len(),
            assessed: ranking.len(),
            gate: Gate {
                min_stars: self.min_stars,
                below_min_stars: self.below_min_stars,
                denied_diagnostics: self.denied_diagnostics,
                unreadable: unreadable.len(),
                exit_code,
            },
            unreadable,
            ranking,
            duplicates,
            star_distribution: self.star_distribution,
            diagnostics: self.counts,
            review: self.reviews,
            province: None,
        };
        (summary, self.kept)
    }
}

/// Files with the same bytes, and files with the same 行政区划代码 under one
/// standard (unless they are copies of one file), in path order; each kind
/// in the order of its key (the SHA-256; the standard's id, a space and the
/// code), as a sorted map of them would give.
fn duplicates(rows: &[Ranked], text: &Texts, standards: &[String]) -> Vec<Duplicate> {
    /// The rows that share a key, by key: `key` gives its parts (compared
    /// as if joined) and what the summary shows of it, `None` for no key.
    fn group<'a>(
        rows: &'a [Ranked],
        text: &'a Texts,
        kind: &'static str,
        key: impl Fn(&'a Ranked) -> Option<([&'a str; 3], &'a str)>,
    ) -> Vec<Duplicate> {
        fn joined<'k>(k: &'k [&str; 3]) -> impl Iterator<Item = u8> + 'k {
            k.iter().flat_map(|p| p.bytes())
        }
        // The rows with a key, by their place (4 bytes a row: a country-sized
        // batch is sorted without a copy of its keys), each key made when compared.
        let at = |k: &u32| &rows[*k as usize];
        let parts = |k: &u32| key(at(k)).map_or([""; 3], |k| k.0);
        let mut keyed: Vec<u32> = (0..rows.len())
            .filter(|&k| key(&rows[k]).is_some())
            .map(small)
            .collect();
        keyed.sort_by(|a, b| joined(&parts(a)).cmp(joined(&parts(b))));
        keyed
            .chunk_by(|a, b| joined(&parts(a)).eq(joined(&parts(b))))
            .filter(|same| same.len() > 1)
            .map(|same| {
                let mut files: Vec<String> = same
                    .iter()
                    .map(|k| text.get(at(k).file).to_string())
                    .collect();
                files.sort();
                Duplicate {
                    kind,
                    key: key(at(&same[0])).map_or("", |k| k.1).to_string(),
                    files,
                }
            })
            .collect()
    }
    let mut out = group(rows, text, "same-bytes", |r| {
        let sha = text.get(r.sha256);
        (!sha.is_empty()).then_some(([sha, "", ""], sha))
    });
    let by_code = group(rows, text, "same-division-code", |r| {
        let code = text.get(r.division_code);
        (!code.is_empty()).then(|| {
            // "{standard} {code}", without making it.
            ([standards[r.standard as usize].as_str(), " ", code], code)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_values_come_back_as_they_went_in() {
        let given: Vec<Option<f64>> = (0..200)
            .map(|k| (k % 3 != 0).then_some(k as f64 / 7.0))
            .collect();
        let mut v = Values::default();
        for x in &given {
            v.push(*x);
        }
        assert_eq!(
            (0..given.len()).map(|k| v.get(k)).collect::<Vec<_>>(),
            given
        );
        let part = DimensionValues {
            values: &v,
            start: 60,
            len: 10,
        };
        assert_eq!(part.iter().collect::<Vec<_>>(), given[60..70]);
        assert_eq!(part.get(10), None, "past the entity's own values");
    }

    #[test]
    fn kept_texts_come_back_as_they_went_in() {
        let mut t = Texts::default();
        let given = ["", "in/a.xlsx", "示例市", "0123456789abcdef", ""];
        let spans: Vec<Span> = given.iter().map(|s| t.put(s)).collect();
        for (s, span) in given.iter().zip(spans) {
            assert_eq!(t.get(span), *s);
        }
    }
}
