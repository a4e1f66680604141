//! Rounds over time and the province's view: each entity of this round
//! matched with its own assessment of the previous round (the baseline,
//! assessed with the same engine), what changed, whether last round's
//! next-star plan was carried out; and for the batch, the entities per level
//! and star grouped by 所属地市, who moved, and where the batch stands against
//! policy targets (`targets`). Results are data; the renderers make the words
//! (`render::rounds`). Semantics: docs/rounds.md.

pub mod targets;

use crate::assess::Assessment;
use crate::assess::said::Shown;
use crate::diag::Text;
use crate::standard::Level;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How an entity was found in the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchedBy {
    /// The same 行政区划代码 in both rounds.
    DivisionCode,
    /// No 行政区划代码 match: the same name and level (a warning; the codes
    /// then and now are given).
    NameAndLevel,
}

/// Something a reader of the progress must know, as a code; the renderers say it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "code")]
pub enum ProgressNote {
    /// Matched by name and level, not by 行政区划代码.
    MatchedByName { code_then: String, code_now: String },
    /// The rounds were rated under different standards or editions: only the
    /// dimensions and indicators both have are compared.
    DifferentStandard {
        then: String,
        now: String,
        indicators_compared: usize,
        indicators_then: usize,
        indicators_now: usize,
    },
    /// The same level name differs (a code reused for another level).
    DifferentLevel,
}

/// One dimension, then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    pub code: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    pub score_then: Option<f64>,
    pub score_now: Option<f64>,
    /// now − then, two decimals; `None` when either is missing.
    pub change: Option<f64>,
}

/// One indicator, then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorChange {
    pub code: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    pub unit: String,
    pub value_then: Option<f64>,
    pub value_now: Option<f64>,
    /// now − then; `None` when either is missing.
    pub change: Option<f64>,
    pub stars_then: u8,
    pub stars_now: u8,
    /// Fewer stars than last round.
    pub fell_back: bool,
}

/// One step of last round's next-star plan, checked against this round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepCheck {
    pub code: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    /// What the step asked for ("≥ 95%"), as last round's plan said it.
    pub wanted: Shown,
    pub stars_wanted: u8,
    pub value_now: Option<f64>,
    pub stars_now: u8,
    /// The indicator now has at least the stars the step asked for.
    pub holds: bool,
}

/// Last round's next-star plan, checked step by step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCheck {
    /// The star the plan aimed at.
    pub target_stars: u8,
    pub steps: Vec<StepCheck>,
    /// Steps that now hold.
    pub carried_out: usize,
    /// The entity is now rated at or above the plan's star.
    pub reached: bool,
}

/// One entity against its own previous round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub baseline_file: String,
    pub baseline_name: String,
    pub matched_by: MatchedBy,
    pub standard_then: String,
    pub standard_now: String,
    pub stars_then: u8,
    pub stars_now: u8,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub tier_then: Option<Text>,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub tier_now: Option<Text>,
    pub score_then: f64,
    pub score_now: f64,
    /// now − then, two decimals.
    pub score_change: f64,
    pub dimensions: Vec<DimensionChange>,
    pub indicators: Vec<IndicatorChange>,
    /// Codes of the indicators with fewer stars than last round.
    pub fell_back: Vec<String>,
    /// `None` when last round had no plan (already at the top, or none possible).
    pub plan: Option<PlanCheck>,
    pub notes: Vec<ProgressNote>,
}

/// What progress needs of a baseline assessment, and no more: a round of
/// thousands of entities stays small (names and units come from this round).
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub file: String,
    pub name: String,
    pub division_code: String,
    pub level: Option<Level>,
    pub parent: String,
    /// The standard's id.
    pub standard_id: String,
    /// id, code and edition: two rounds compare fully when these agree.
    pub standard_key: String,
    pub stars: u8,
    pub tier: Option<Text>,
    pub score: f64,
    /// (code, score).
    pub dimensions: Vec<(String, Option<f64>)>,
    /// (code, value, stars).
    pub indicators: Vec<(String, Option<f64>, u8)>,
    /// The next-star plan's star and its steps.
    pub plan_stars: Option<u8>,
    pub plan_steps: Vec<SnapshotStep>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotStep {
    pub code: String,
    pub name: Text,
    pub to_text: Shown,
    pub stars_to: u8,
}

impl Snapshot {
    pub fn of(a: &Assessment) -> Snapshot {
        Snapshot {
            file: a.file.clone(),
            name: a.name.clone(),
            division_code: a.division_code.trim().to_string(),
            level: a.level,
            parent: a.parent.trim().to_string(),
            standard_id: a.standard.id.clone(),
            standard_key: standard_key(a),
            stars: a.stars,
            tier: a.tier.clone(),
            score: a.score,
            dimensions: a
                .dimensions
                .iter()
                .map(|d| (d.code.clone(), d.score))
                .collect(),
            indicators: a
                .indicators
                .iter()
                .map(|i| (i.code.clone(), i.value, i.stars))
                .collect(),
            plan_stars: a.next_star.target_stars,
            plan_steps: a
                .next_star
                .steps
                .iter()
                .map(|s| SnapshotStep {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    to_text: s.to_text.clone(),
                    stars_to: s.stars_to,
                })
                .collect(),
        }
    }
}

fn round2(x: f64) -> f64 {
    crate::assess::round2(x)
}

/// The standard as one comparable key: id, code and edition.
fn standard_key(a: &Assessment) -> String {
    format!(
        "{} ({} {})",
        a.standard.id, a.standard.code, a.standard.edition_en
    )
}

/// `now` against `then`, its own entity in the previous round.
pub fn compare(then: &Snapshot, now: &Assessment, matched_by: MatchedBy) -> Progress {
    let mut notes = Vec::new();
    if matched_by == MatchedBy::NameAndLevel {
        notes.push(ProgressNote::MatchedByName {
            code_then: then.division_code.trim().to_string(),
            code_now: now.division_code.trim().to_string(),
        });
    }
    if then.level != now.level {
        notes.push(ProgressNote::DifferentLevel);
    }
    let dimensions: Vec<DimensionChange> = now
        .dimensions
        .iter()
        .filter_map(|d| {
            let (_, t) = then.dimensions.iter().find(|x| x.0 == d.code)?;
            Some(DimensionChange {
                code: d.code.clone(),
                name: d.name.clone(),
                score_then: *t,
                score_now: d.score,
                change: t.zip(d.score).map(|(a, b)| round2(b - a)),
            })
        })
        .collect();
    let indicators: Vec<IndicatorChange> = now
        .indicators
        .iter()
        .filter_map(|i| {
            let &(_, value_then, stars_then) = then.indicators.iter().find(|x| x.0 == i.code)?;
            Some(IndicatorChange {
                code: i.code.clone(),
                name: Text::new(&i.name_zh, &i.name_en),
                unit: i.unit.clone(),
                value_then,
                value_now: i.value,
                change: value_then
                    .zip(i.value)
                    .map(|(a, b)| (b - a) * 1e6)
                    .map(|x| x.round() / 1e6),
                stars_then,
                stars_now: i.stars,
                fell_back: i.stars < stars_then,
            })
        })
        .collect();
    if then.standard_key != standard_key(now) {
        notes.push(ProgressNote::DifferentStandard {
            then: then.standard_key.clone(),
            now: standard_key(now),
            indicators_compared: indicators.len(),
            indicators_then: then.indicators.len(),
            indicators_now: now.indicators.len(),
        });
    }
    let fell_back = indicators
        .iter()
        .filter(|i| i.fell_back)
        .map(|i| i.code.clone())
        .collect();
    let plan = then.plan_stars.and_then(|target| {
        if then.plan_steps.is_empty() {
            return None;
        }
        let steps: Vec<StepCheck> = then
            .plan_steps
            .iter()
            .map(|s| {
                let cur = now.indicators.iter().find(|i| i.code == s.code);
                let stars_now = cur.map_or(0, |i| i.stars);
                StepCheck {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    wanted: s.to_text.clone(),
                    stars_wanted: s.stars_to,
                    value_now: cur.and_then(|i| i.value),
                    stars_now,
                    holds: cur.is_some() && stars_now >= s.stars_to,
                }
            })
            .collect();
        Some(PlanCheck {
            target_stars: target,
            carried_out: steps.iter().filter(|s| s.holds).count(),
            steps,
            reached: now.stars >= target,
        })
    });
    Progress {
        baseline_file: then.file.clone(),
        baseline_name: then.name.clone(),
        matched_by,
        standard_then: then.standard_id.clone(),
        standard_now: now.standard.id.clone(),
        stars_then: then.stars,
        stars_now: now.stars,
        tier_then: then.tier.clone(),
        tier_now: now.tier.clone(),
        score_then: then.score,
        score_now: now.score,
        score_change: round2(now.score - then.score),
        dimensions,
        indicators,
        fell_back,
        plan,
        notes,
    }
}

/// Name, level and 所属地市: 市中区 of one city is not 市中区 of another.
type NameKey = (String, Option<Level>, String);

fn name_key(name: &str, level: Option<Level>, parent: &str) -> Option<NameKey> {
    let n: String = name.split_whitespace().collect();
    (!n.is_empty()).then(|| (n, level, targets::city_key(parent)))
}

/// The previous round, assessed, and indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    /// What was given (`--baseline` paths), for the output.
    pub origin: Vec<String>,
    pub entities: Vec<Snapshot>,
    /// Files of the baseline that could not be assessed.
    pub unreadable: Vec<crate::assess::batch::Unreadable>,
    by_code: HashMap<String, Vec<usize>>,
    by_name: HashMap<NameKey, Vec<usize>>,
}

impl Baseline {
    pub fn new(
        origin: Vec<String>,
        entities: Vec<Assessment>,
        unreadable: Vec<crate::assess::batch::Unreadable>,
    ) -> Self {
        Self::of_snapshots(
            origin,
            entities.iter().map(Snapshot::of).collect(),
            unreadable,
        )
    }

    pub fn of_snapshots(
        origin: Vec<String>,
        mut entities: Vec<Snapshot>,
        unreadable: Vec<crate::assess::batch::Unreadable>,
    ) -> Self {
        entities.sort_by(|a, b| a.file.cmp(&b.file));
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<NameKey, Vec<usize>> = HashMap::new();
        for (k, a) in entities.iter().enumerate() {
            let code = a.division_code.trim();
            if !code.is_empty() {
                by_code.entry(code.to_string()).or_default().push(k);
            }
            if let Some(key) = name_key(&a.name, a.level, &a.parent) {
                by_name.entry(key).or_default().push(k);
            }
        }
        Baseline {
            origin,
            entities,
            unreadable,
            by_code,
            by_name,
        }
    }

    /// The baseline entity of `now`: by 行政区划代码, else by name and level.
    /// An entity given twice in the baseline is matched with neither (the
    /// summary lists it as a duplicate).
    pub fn find(&self, now: &Assessment) -> Option<(&Snapshot, MatchedBy)> {
        let code = now.division_code.trim();
        if !code.is_empty()
            && let Some(found) = self.by_code.get(code)
        {
            return match found.as_slice() {
                [k] => Some((&self.entities[*k], MatchedBy::DivisionCode)),
                _ => None,
            };
        }
        // A code may be missing in one round, or changed (a county made a
        // district gets a new one): the name, level and 所属地市 then match,
        // with a warning. Two entities of this round matched with one
        // baseline entity are listed as duplicates.
        let key = name_key(&now.name, now.level, &now.parent)?;
        match self.by_name.get(&key)?.as_slice() {
            [k] => Some((&self.entities[*k], MatchedBy::NameAndLevel)),
            _ => None,
        }
    }

    /// Groups of baseline files that give one entity twice: one 行政区划代码,
    /// or, among files without a code, one name, level and 所属地市.
    pub fn duplicates(&self) -> Vec<Vec<String>> {
        let no_code = |ks: &&Vec<usize>| {
            ks.iter()
                .all(|k| self.entities[*k].division_code.trim().is_empty())
        };
        let mut out: Vec<Vec<String>> = self
            .by_code
            .values()
            .chain(self.by_name.values().filter(no_code))
            .filter(|ks| ks.len() > 1)
            .map(|ks| ks.iter().map(|k| self.entities[*k].file.clone()).collect())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Compare `now` with its baseline entity, if it has one: its verified
    /// rating where a review was applied (as the ranking and the province
    /// view count it), else the self-reported one.
    pub fn progress(&self, now: &Assessment) -> Option<Progress> {
        let rated = now.review.as_ref().map_or(now, |r| &r.verified);
        self.find(now).map(|(then, by)| compare(then, rated, by))
    }
}

/// What the province view keeps of one entity of this round (the
/// assessment itself is slimmed once it is out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub file: String,
    pub name: String,
    pub division_code: String,
    pub level: Option<Level>,
    /// 所属地市 as 基本信息 gives it (empty when not given).
    pub parent: String,
    pub stars: u8,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub tier: Option<Text>,
    pub score: f64,
    /// The next-star plan's size: star steps and Σ relative change (`None`
    /// when there is no plan).
    pub plan_star_steps: Option<u32>,
    pub plan_relative_change: Option<f64>,
    pub plan_steps: usize,
    /// (baseline file, stars then, total then, how matched), when matched.
    #[serde(skip)]
    pub then: Option<(String, u8, f64, MatchedBy)>,
    /// Matched, and last round was rated under another standard or edition.
    #[serde(skip)]
    pub different_standard: bool,
}

impl Row {
    /// Where a review was applied, the verified rating and its plan count
    /// (as in the ranking, `assess::batch`); else the self-reported ones.
    pub fn of(a: &Assessment) -> Row {
        use crate::assess::PlanStatus;
        let rated = a.review.as_ref().map_or(a, |r| &r.verified);
        let has_plan = matches!(
            rated.next_star.status,
            PlanStatus::Found | PlanStatus::FoundCapped
        );
        Row {
            file: a.file.clone(),
            name: a.name.clone(),
            division_code: a.division_code.trim().to_string(),
            level: a.level,
            parent: a.parent.trim().to_string(),
            stars: rated.stars,
            tier: rated.tier.clone(),
            score: rated.score,
            plan_star_steps: has_plan.then_some(rated.next_star.star_steps),
            plan_relative_change: has_plan.then_some(rated.next_star.relative_change),
            plan_steps: if has_plan {
                rated.next_star.steps.len()
            } else {
                0
            },
            then: a.progress.as_ref().map(|p| {
                (
                    p.baseline_file.clone(),
                    p.stars_then,
                    p.score_then,
                    p.matched_by,
                )
            }),
            different_standard: a.progress.as_ref().is_some_and(|p| {
                p.notes
                    .iter()
                    .any(|n| matches!(n, ProgressNote::DifferentStandard { .. }))
            }),
        }
    }
}

/// Entities of one level (and one city) at each star.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StarCounts {
    pub entities: usize,
    /// Entities at each star, index 0–5.
    pub at: [usize; 6],
    /// Entities at that star or above, index 0–5.
    pub at_or_above: [usize; 6],
}

impl StarCounts {
    fn add(&mut self, stars: u8) {
        let s = stars.min(5) as usize;
        self.entities += 1;
        self.at[s] += 1;
        for k in 0..=s {
            self.at_or_above[k] += 1;
        }
    }

    /// The share at `stars` or above, 0–1 (0 for no entities).
    pub fn share_at_or_above(&self, stars: u8) -> f64 {
        if self.entities == 0 {
            0.0
        } else {
            self.at_or_above[stars.min(5) as usize] as f64 / self.entities as f64
        }
    }
}

/// One 所属地市 within a level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityCounts {
    /// 所属地市 as given (empty: not given).
    pub parent: String,
    #[serde(flatten)]
    pub counts: StarCounts,
}

/// One level of the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelView {
    /// `None`: 基本信息 named no level.
    pub level: Option<Level>,
    #[serde(flatten)]
    pub counts: StarCounts,
    /// Grouped by 所属地市, in name order (entities that give none last).
    pub by_parent: Vec<CityCounts>,
}

/// An entity whose star changed since the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mover {
    pub file: String,
    pub name: String,
    pub level: Option<Level>,
    pub parent: String,
    pub stars_then: u8,
    pub stars_now: u8,
    pub score_then: f64,
    pub score_now: f64,
}

/// An entity of one round only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmatched {
    pub file: String,
    pub name: String,
    pub division_code: String,
    pub level: Option<Level>,
    pub stars: u8,
}

/// This round against the baseline, for the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundView {
    /// The `--baseline` paths.
    pub baseline: Vec<String>,
    pub baseline_entities: usize,
    pub baseline_unreadable: Vec<crate::assess::batch::Unreadable>,
    /// Entities of this round found in the baseline.
    pub matched: usize,
    /// Of those, matched by name and level rather than by 行政区划代码.
    pub matched_by_name: Vec<String>,
    /// Of those, rated under another standard or edition last round (only
    /// what both have is compared).
    pub different_standard: Vec<String>,
    /// In this round, not in the baseline.
    pub new: Vec<Unmatched>,
    /// In the baseline, not in this round.
    pub gone: Vec<Unmatched>,
    /// Files of one round that give one entity twice (the baseline's are not
    /// matched; this round's all are, and the ranking lists them all).
    pub duplicates_baseline: Vec<Vec<String>>,
    pub duplicates_now: Vec<Vec<String>>,
    /// Up a star or more, most first; then down.
    pub up: Vec<Mover>,
    pub down: Vec<Mover>,
    pub same: usize,
    /// Entities per level and star in the baseline.
    pub levels_then: Vec<LevelView>,
}

/// The province view of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Province {
    pub levels: Vec<LevelView>,
    /// Files left out of the counts and targets because an earlier file (by
    /// path) gives the same 行政区划代码 at the same level: one entity counts once.
    pub not_counted: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounds: Option<RoundView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<targets::Standing>,
}

/// Counts per 所属地市, those that give none last.
type ByParent = BTreeMap<(bool, String), StarCounts>;

/// Per level (city, county, community, none), per 所属地市.
pub fn levels<'a>(rows: impl IntoIterator<Item = (Option<Level>, &'a str, u8)>) -> Vec<LevelView> {
    let mut by: BTreeMap<(u8, Option<Level>), (StarCounts, ByParent)> = BTreeMap::new();
    for (level, parent, stars) in rows {
        let order = level.map_or(9, |l| l as u8);
        let e = by.entry((order, level)).or_default();
        e.0.add(stars);
        e.1.entry((parent.is_empty(), parent.to_string()))
            .or_default()
            .add(stars);
    }
    by.into_iter()
        .map(|((_, level), (counts, cities))| LevelView {
            level,
            counts,
            by_parent: cities
                .into_iter()
                .map(|((_, parent), counts)| CityCounts { parent, counts })
                .collect(),
        })
        .collect()
}

/// The province view: the batch's rows, the baseline when given, the targets.
pub fn province(
    rows: &[Row],
    baseline: Option<&Baseline>,
    files: &[targets::TargetFile],
) -> Province {
    // One entity counts once: a second file with its 行政区划代码 is left out.
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    let mut seen = std::collections::HashSet::new();
    let mut counted = Vec::new();
    let mut not_counted = Vec::new();
    for r in sorted {
        if r.division_code.is_empty() || seen.insert((r.level, r.division_code.clone())) {
            counted.push(r.clone());
        } else {
            not_counted.push(r.file.clone());
        }
    }
    let levels_now = levels(
        counted
            .iter()
            .map(|r| (r.level, r.parent.as_str(), r.stars)),
    );
    let rounds = baseline.map(|b| round_view(rows, b));
    let standings = files
        .iter()
        .flat_map(|f| {
            let counted = &counted;
            f.targets
                .iter()
                .map(move |t| targets::standing(f, t, counted, baseline))
        })
        .collect();
    Province {
        levels: levels_now,
        not_counted,
        rounds,
        targets: standings,
    }
}

fn round_view(rows: &[Row], b: &Baseline) -> RoundView {
    let mut matched_files: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    let mut new = Vec::new();
    let mut up = Vec::new();
    let mut down = Vec::new();
    let mut same = 0;
    let mut matched_by_name = Vec::new();
    let different_standard = rows
        .iter()
        .filter(|r| r.different_standard)
        .map(|r| r.file.clone())
        .collect();
    for r in rows {
        match &r.then {
            Some((file, stars_then, score_then, by)) => {
                matched_files.entry(file.as_str()).or_default().push(r);
                let m = Mover {
                    file: r.file.clone(),
                    name: r.name.clone(),
                    level: r.level,
                    parent: r.parent.clone(),
                    stars_then: *stars_then,
                    stars_now: r.stars,
                    score_then: *score_then,
                    score_now: r.score,
                };
                match r.stars.cmp(stars_then) {
                    std::cmp::Ordering::Greater => up.push(m),
                    std::cmp::Ordering::Less => down.push(m),
                    std::cmp::Ordering::Equal => same += 1,
                }
                if *by == MatchedBy::NameAndLevel {
                    matched_by_name.push(r.file.clone());
                }
            }
            None => new.push(Unmatched {
                file: r.file.clone(),
                name: r.name.clone(),
                division_code: r.division_code.clone(),
                level: r.level,
                stars: r.stars,
            }),
        }
    }
    let dup_baseline = b.duplicates();
    let in_dup = |f: &str| dup_baseline.iter().any(|g| g.iter().any(|x| x == f));
    let gone = b
        .entities
        .iter()
        .filter(|a| !matched_files.contains_key(a.file.as_str()) && !in_dup(&a.file))
        .map(|a| Unmatched {
            file: a.file.clone(),
            name: a.name.clone(),
            division_code: a.division_code.trim().to_string(),
            level: a.level,
            stars: a.stars,
        })
        .collect();
    let duplicates_now = matched_files
        .values()
        .filter(|rs| rs.len() > 1)
        .map(|rs| rs.iter().map(|r| r.file.clone()).collect())
        .collect();
    let by_change = |m: &Mover| {
        (
            std::cmp::Reverse((i16::from(m.stars_now) - i16::from(m.stars_then)).abs()),
            m.file.clone(),
        )
    };
    up.sort_by_key(by_change);
    down.sort_by_key(by_change);
    RoundView {
        baseline: b.origin.clone(),
        baseline_entities: b.entities.len(),
        baseline_unreadable: b.unreadable.clone(),
        matched: rows.iter().filter(|r| r.then.is_some()).count(),
        matched_by_name,
        different_standard,
        new,
        gone,
        duplicates_baseline: dup_baseline,
        duplicates_now,
        up,
        down,
        same,
        levels_then: levels(
            b.entities
                .iter()
                .map(|a| (a.level, a.parent.as_str(), a.stars)),
        ),
    }
}
