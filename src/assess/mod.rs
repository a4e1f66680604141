//! The assessment: a submission scored against a standard. One pure function,
//! [`assess`], computes every value the renderers show: indicator values and
//! stars, dimension scores, the total, the rating with its reasons, the
//! next-star plan and the rating's stability. Semantics: `docs/scoring.md`.

pub mod batch;
pub mod gaps;
pub mod plan;
pub mod rating;
pub mod review;
pub mod score;
pub mod stability;

use crate::Lang;
use crate::diag::Severity;
use crate::standard::{Level, Standard};
use crate::submission::Submission;
use serde::Serialize;

pub use plan::{Plan, PlanStatus, Step};
pub use rating::{Condition, Rating};
pub use stability::Stability;

/// Everything that shapes an assessment besides the standard and the submission.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
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
    pub notes: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::En,
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
    /// The value (or answer) that earns it, in words: "≥ 95%", "是", "建成运行".
    pub requirement: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub code: String,
    pub name: String,
    pub name_zh: String,
    pub name_en: String,
    pub dimension: String,
    pub role: crate::standard::Role,
    pub kind: &'static str,
    pub provisional: bool,
    pub status: Status,
    pub value: Option<f64>,
    pub unit: String,
    /// How the value was computed, e.g. "1,234 / 1,500 × 100 = 82.27%".
    pub computation: Option<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    pub code: String,
    pub name: String,
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

/// A diagnostic as output: text in the output language, severity after `--deny/--warn/--allow`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagnosticOut {
    pub code: crate::diag::Code,
    pub severity: Severity,
    pub location: String,
    pub raw: Option<String>,
    pub indicator: Option<String>,
    pub message: String,
    pub hint: String,
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
    pub stars_label: String,
    pub tier: Option<String>,
    /// False when any indicator is missing or invalid, or an error diagnostic
    /// stands: the rating then stands on incomplete data.
    pub complete: bool,
    pub missing: usize,
    pub notes: Vec<String>,
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

/// "four stars" / "四星级", or the rule's own name where the standard gives one.
pub fn stars_label(standard: &Standard, stars: u8, lang: Lang) -> String {
    if let Some(r) = standard.rule(stars) {
        let name = lang.pick(&r.name_zh, &r.name_en);
        if !name.is_empty() {
            return name.to_string();
        }
    }
    generic_stars_label(stars, lang)
}

/// "four stars" / "四星级", whatever the standard calls its levels.
pub fn generic_stars_label(stars: u8, lang: Lang) -> String {
    const EN: [&str; 6] = [
        "no star",
        "one star",
        "two stars",
        "three stars",
        "four stars",
        "five stars",
    ];
    const ZH: [&str; 6] = ["无星级", "一星级", "二星级", "三星级", "四星级", "五星级"];
    let i = stars.min(5) as usize;
    lang.pick(ZH[i], EN[i]).to_string()
}

/// Round half away from zero on the cent, after rounding to six decimals
/// (`standard::round_cents`): 82.265, stored as 82.26499…, gives 82.27 as it
/// does by hand.
pub fn round2(x: f64) -> f64 {
    crate::standard::round_cents(x)
}

/// Assess one submission against one standard.
pub fn assess(standard: &Standard, submission: &Submission, options: &Options) -> Assessment {
    let lang = options.lang;
    let model = score::Model::new(standard);
    let inputs = score::compute_values(standard, submission, lang);
    let values: Vec<Option<f64>> = inputs.iter().map(|c| c.value).collect();
    let scored = model.score(&values, &model.weights);
    let rating = rating::rate(&model, &scored, lang);

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
                name: ind.name(lang).to_string(),
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
                next: score::next_requirement(ind, stars, lang),
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
                name: dim.name(lang).to_string(),
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
            message: d.message.get(lang).to_string(),
            hint: d.hint.get(lang).to_string(),
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
        notes.push(match lang {
            Lang::Zh => format!(
                "所用标准中有 {provisional} 项（共 {} 项）为暂定值，并非正式发布的文本",
                standard.entry_count()
            ),
            Lang::En => format!(
                "{provisional} of {} entries of the standard are provisional, not the published text",
                standard.entry_count()
            ),
        });
    }
    let complete = missing == 0 && !errors;
    if !complete {
        notes.push(match lang {
            Lang::Zh => format!(
                "评级基于不完整的数据：{missing} 项指标缺失或无效（含加分项、扣分项；评级规则只计计分和必选指标）"
            ),
            Lang::En => format!(
                "the rating stands on incomplete data: {missing} indicator(s) missing or invalid (bonus and deduction items included; the rating rules count scored and mandatory ones only)"
            ),
        });
    }

    let frozen = plan::frozen(standard, submission);
    let mut next_star = plan::plan_frozen(&model, &values, &scored, rating.stars, options, &frozen);
    plan::realise(&mut next_star, &model, &values, submission, lang);
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
        stars_label: stars_label(standard, rating.stars, lang),
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
