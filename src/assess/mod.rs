//! The assessment: a submission scored against a standard. One pure function,
//! [`assess`], computes every value the renderers show: indicator values and
//! stars, dimension scores, the total, the rating with its reasons, the
//! next-star plan and the rating's stability. Semantics: `docs/scoring.md`.

pub mod batch;
pub mod gaps;
pub mod plan;
pub mod rating;
pub mod review;
pub mod said;
pub mod score;
pub mod stability;

use crate::Lang;
use crate::diag::{Severity, Text};
use crate::standard::{Level, Standard};
use crate::submission::Submission;
use serde::Serialize;

pub use plan::{Plan, PlanStatus, Step};
pub use rating::{Condition, Rating};
pub use stability::Stability;

/// Everything that shapes an assessment besides the standard and the
/// submission. No language: an assessment holds codes, numbers and names, and
/// the renderers put them into words.
#[derive(Debug, Clone)]
pub struct Options {
    /// Seed of the weight perturbation draws (rating stability).
    pub seed: u64,
    /// Number of perturbation draws; 0 leaves stability out.
    pub draws: usize,
    /// Most candidate improvement sets the plan search evaluates.
    pub plan_cap: usize,
    /// `--deny` / `--warn` / `--allow`.
    pub levels: crate::diag::Levels,
    /// SHA-256 of the standard file's text, where known.
    pub standard_sha256: Option<String>,
    /// Notes about how the run was set up (e.g. the standard chosen by default).
    pub notes: Vec<said::Note>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: stability::DEFAULT_SEED,
            draws: stability::DEFAULT_DRAWS,
            plan_cap: plan::DEFAULT_CAP,
            levels: crate::diag::Levels::default(),
            standard_sha256: None,
            notes: Vec::new(),
        }
    }
}

impl StandardInfo {
    /// The edition in `lang`.
    pub fn edition(&self, lang: Lang) -> &str {
        lang.pick(&self.edition, &self.edition_en)
    }
}

/// The standard an assessment used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardInfo {
    pub id: String,
    pub code: String,
    pub edition: String,
    /// The edition in English (the same as `edition` when the standard gives none).
    pub edition_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Entries whose thresholds or weights are ours, not the published text's.
    pub provisional_entries: usize,
    /// All entries that could be provisional.
    pub entries: usize,
}

/// Whether an indicator's value could be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    /// No data given.
    Missing,
    /// Data given but unusable (an error diagnostic, a zero denominator, a bad option).
    Invalid,
}

/// One input cell an indicator's value came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputCell {
    pub item: crate::standard::InputItem,
    pub location: String,
    pub raw: String,
}

/// What the next star of an indicator needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextRequirement {
    pub stars: u8,
    /// The value (or answer) that earns it: "≥ 95%", "是", "建成运行" in words.
    pub requirement: said::Requirement,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub dimension: String,
    pub role: crate::standard::Role,
    pub kind: &'static str,
    pub provisional: bool,
    pub status: Status,
    pub value: Option<f64>,
    pub unit: String,
    /// How the value was computed, e.g. "1,234 / 1,500 × 100 = 82.27%" in words.
    pub computation: Option<said::Computation>,
    pub inputs: Vec<InputCell>,
    pub stars: u8,
    pub next: Option<NextRequirement>,
    /// 0–100, two decimals; `None` when left out (missing under `missing = "exclude"`).
    pub score: Option<f64>,
    /// Share within the dimension as the standard gives it (weighted roles).
    pub weight: Option<f64>,
    /// Points at stake (bonus and deduction roles).
    pub points: Option<f64>,
    /// Points this indicator adds to (or, negative, takes from) the total; see docs/scoring.md.
    pub contribution: f64,
}

impl IndicatorResult {
    /// The indicator's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_zh, &self.name_en)
    }
}

/// The JSON shape: `name` in the language being rendered, then both names.
impl Serialize for IndicatorResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            code: &'a str,
            name: &'a str,
            name_zh: &'a str,
            name_en: &'a str,
            dimension: &'a str,
            role: crate::standard::Role,
            kind: &'static str,
            provisional: bool,
            status: Status,
            value: Option<f64>,
            unit: &'a str,
            computation: &'a Option<said::Computation>,
            inputs: &'a [InputCell],
            stars: u8,
            next: &'a Option<NextRequirement>,
            score: Option<f64>,
            weight: Option<f64>,
            points: Option<f64>,
            contribution: f64,
        }
        View {
            code: &self.code,
            name: self.name(crate::locale::current()),
            name_zh: &self.name_zh,
            name_en: &self.name_en,
            dimension: &self.dimension,
            role: self.role,
            kind: self.kind,
            provisional: self.provisional,
            status: self.status,
            value: self.value,
            unit: &self.unit,
            computation: &self.computation,
            inputs: &self.inputs,
            stars: self.stars,
            next: &self.next,
            score: self.score,
            weight: self.weight,
            points: self.points,
            contribution: self.contribution,
        }
        .serialize(s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    pub code: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    pub role: crate::standard::DimensionRole,
    pub weight: Option<f64>,
    /// 0–100, two decimals (scored dimensions).
    pub score: Option<f64>,
    /// Points added by this dimension's bonus items, after the cap share (bonus dimensions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Indicators with usable data / all indicators of the dimension.
    pub covered: usize,
    pub indicators: usize,
    pub coverage: f64,
}

/// How the total was put together (unrounded parts are rounded here for display).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Σ dimension weight × dimension score / 100.
    pub weighted: f64,
    /// After `bonus_cap`.
    pub bonus: f64,
    /// After `deduction_cap`, as a positive number.
    pub deduction: f64,
    pub bonus_cap: f64,
    pub deduction_cap: f64,
}

/// A diagnostic as output: its words in both languages (JSON writes the
/// rendered one), severity after `--deny/--warn/--allow`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagnosticOut {
    pub code: crate::diag::Code,
    pub severity: Severity,
    pub location: String,
    pub raw: Option<String>,
    pub indicator: Option<String>,
    #[serde(serialize_with = "crate::locale::words")]
    pub message: crate::catalogue::said::Message,
    #[serde(serialize_with = "crate::locale::words")]
    pub hint: crate::catalogue::said::Message,
}

/// One entity's assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub file: String,
    pub sha256: String,
    pub name: String,
    /// 行政区划代码, as given in 基本信息 (empty when not given).
    pub division_code: String,
    pub level: Option<Level>,
    pub standard: StandardInfo,
    /// The total, 0–100, two decimals.
    pub score: f64,
    pub stars: u8,
    /// "four stars" / "四星级", or the rule's own name.
    #[serde(serialize_with = "crate::locale::words")]
    pub stars_label: Text,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub tier: Option<Text>,
    /// False when any indicator is missing or invalid, or an error diagnostic
    /// stands: the rating then stands on incomplete data.
    pub complete: bool,
    pub missing: usize,
    #[serde(serialize_with = "crate::locale::words_list")]
    pub notes: Vec<said::Note>,
    pub breakdown: Breakdown,
    pub dimensions: Vec<DimensionResult>,
    pub indicators: Vec<IndicatorResult>,
    pub diagnostics: Vec<DiagnosticOut>,
    pub rating: Rating,
    pub next_star: Plan,
    pub stability: Option<Stability>,
    /// Gaps to benchmarks: empty until benchmarks are given.
    pub gaps: Vec<crate::benchmark::GapAnalysis>,
    /// Evidence files found in the submission folder (size, SHA-256, kind);
    /// filled by the caller that read them (`submission::read_path_with_evidence`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<crate::submission::evidence::EvidenceFile>,
    /// The assessor's review, when one was applied (`review::apply`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<review::Reviewed>>,
    /// The year the data are for (基本信息), for the reports.
    #[serde(skip)]
    pub year: Option<i32>,
    /// How the standard scores, for the reports' method section.
    #[serde(skip)]
    pub scoring: Option<crate::standard::Scoring>,
    /// 所属地市, as given in 基本信息 (left out when not given).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub parent: String,
    /// Against the entity's own previous round (`--baseline`); left out without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<crate::rounds::Progress>,
}

impl Assessment {
    /// Diagnostics at each severity (after re-levelling): (error, warning, info).
    pub fn diagnostic_counts(&self) -> (usize, usize, usize) {
        let n = |s| self.diagnostics.iter().filter(|d| d.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    }
}

/// ★★★★☆ for a star count out of five.
pub fn star_glyphs(stars: u8) -> String {
    let s = stars.min(5) as usize;
    format!("{}{}", "★".repeat(s), "☆".repeat(5 - s))
}

/// "four stars" / "四星级", or the rule's own name where the standard gives
/// one, in both languages (each falls back on its own).
pub fn stars_label(standard: &Standard, stars: u8) -> Text {
    let own = |lang: Lang| {
        standard
            .rule(stars)
            .map(|r| lang.pick(&r.name_zh, &r.name_en))
            .filter(|n| !n.is_empty())
            .map_or_else(|| generic_stars_label(stars, lang), str::to_string)
    };
    Text {
        zh: own(Lang::Zh),
        en: own(Lang::En),
    }
}

/// "four stars" / "四星级", whatever the standard calls its levels.
pub fn generic_stars_label(stars: u8, lang: Lang) -> String {
    use crate::catalogue::common as m;
    const LABELS: [crate::catalogue::Msg; 6] = [
        m::NO_STAR,
        m::ONE_STAR,
        m::TWO_STARS,
        m::THREE_STARS,
        m::FOUR_STARS,
        m::FIVE_STARS,
    ];
    LABELS[stars.min(5) as usize].get(lang).to_string()
}

/// Round half away from zero on the cent, after rounding to six decimals
/// (`standard::round_cents`): 82.265, stored as 82.26499…, gives 82.27 as it
/// does by hand.
pub fn round2(x: f64) -> f64 {
    crate::standard::round_cents(x)
}

/// Assess one submission against one standard.
pub fn assess(standard: &Standard, submission: &Submission, options: &Options) -> Assessment {
    let model = score::Model::new(standard);
    let inputs = score::compute_values(standard, submission);
    let values: Vec<Option<f64>> = inputs.iter().map(|c| c.value).collect();
    let scored = model.score(&values, &model.weights);
    let rating = rating::rate(&model, &scored);

    let mut missing = 0;
    let indicators: Vec<IndicatorResult> = standard
        .indicator
        .iter()
        .zip(inputs)
        .enumerate()
        .map(|(i, (ind, c))| {
            if c.status != Status::Ok {
                missing += 1;
            }
            let stars = scored.stars[i];
            IndicatorResult {
                code: ind.code.clone(),
                name_zh: ind.name_zh.clone(),
                name_en: ind.name_en.clone(),
                dimension: ind.dimension.clone(),
                role: ind.role,
                kind: ind.kind.key(),
                provisional: ind.provisional,
                status: c.status,
                value: c.value,
                unit: ind.unit.clone(),
                computation: c.computation,
                inputs: c.inputs,
                stars,
                next: score::next_requirement(ind, &model.ladders()[i], stars),
                score: scored.scores[i].map(round2),
                weight: ind.weight,
                points: ind.points,
                contribution: round2(scored.contribution[i]),
            }
        })
        .collect();

    let dimensions = standard
        .dimension
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let of: Vec<usize> = (0..standard.indicator.len())
                .filter(|&i| model.dim_of[i] == d)
                .collect();
            let covered = of
                .iter()
                .filter(|&&i| indicators[i].status == Status::Ok)
                .count();
            let points = (dim.role == crate::standard::DimensionRole::Bonus)
                .then(|| round2(of.iter().map(|&i| scored.contribution[i]).sum()));
            DimensionResult {
                code: dim.code.clone(),
                name: Text::new(dim.name(Lang::Zh), dim.name(Lang::En)),
                role: dim.role,
                weight: dim.weight,
                score: scored.dim_scores[d].map(round2),
                points,
                covered,
                indicators: of.len(),
                coverage: if of.is_empty() {
                    1.0
                } else {
                    round2(covered as f64 / of.len() as f64 * 100.0) / 100.0
                },
            }
        })
        .collect();

    let diagnostics: Vec<DiagnosticOut> = submission
        .diagnostics
        .iter()
        // `--allow CODE` drops a diagnostic, as `check` does.
        .filter_map(|d| Some((d, options.levels.severity(d.code, d.severity)?)))
        .map(|(d, severity)| DiagnosticOut {
            code: d.code,
            severity,
            location: d.location.clone(),
            raw: d.raw.clone(),
            indicator: d.indicator.clone(),
            message: d.message.clone(),
            hint: d.hint.clone(),
        })
        .collect();
    // The catalogue's severities: re-levelling decides the gate, not whether
    // the data are complete.
    let errors = submission
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);

    let mut notes = options.notes.clone();
    let provisional = standard.provisional_count();
    if provisional > 0 {
        notes.push(said::Note::Provisional {
            entries: provisional,
            of: standard.entry_count(),
        });
    }
    let complete = missing == 0 && !errors;
    if !complete {
        notes.push(said::Note::Incomplete { missing });
    }

    let frozen = plan::frozen(standard, submission);
    let mut next_star = plan::plan_frozen(&model, &values, &scored, rating.stars, options, &frozen);
    plan::realise(&mut next_star, &model, &values, submission);
    let stability = (options.draws > 0)
        .then(|| stability::stability(&model, &values, rating.stars, options.seed, options.draws));

    Assessment {
        file: submission.file.clone(),
        sha256: submission.sha256.clone(),
        name: submission.entity.name.clone(),
        division_code: submission.entity.division_code.clone(),
        level: submission.entity.level,
        standard: StandardInfo {
            id: standard.id().to_string(),
            code: standard.standard.code.clone(),
            edition: standard.standard.edition.clone(),
            edition_en: standard.standard.edition(Lang::En).to_string(),
            sha256: options.standard_sha256.clone(),
            provisional_entries: provisional,
            entries: standard.entry_count(),
        },
        score: scored.total,
        stars: rating.stars,
        stars_label: stars_label(standard, rating.stars),
        tier: rating.tier.clone(),
        complete,
        missing,
        notes,
        breakdown: Breakdown {
            weighted: round2(scored.weighted),
            bonus: round2(scored.bonus),
            deduction: round2(scored.deduction),
            bonus_cap: standard.scoring.bonus_cap,
            deduction_cap: standard.scoring.deduction_cap,
        },
        dimensions,
        indicators,
        diagnostics,
        rating,
        next_star,
        stability,
        gaps: Vec::new(),
        evidence: Vec::new(),
        review: None,
        year: submission.entity.year,
        scoring: Some(standard.scoring.clone()),
        parent: submission.entity.parent.clone(),
        progress: None,
    }
}
