//! The row model of the leader's report: every section of one entity's
//! report, and of the batch summary, built once from the assessment, in the
//! reader's language. The HTML renderer only lays these rows out; it computes
//! no number of its own (positions of bars from the values, nothing more).

use crate::Lang;
use crate::assess::batch::{RankRow, Summary, SummaryRow, SummaryRows};
use crate::assess::score::fmt2;
use crate::assess::{Assessment, Condition, PlanStatus, Status, star_glyphs};
use crate::benchmark::{GapAnalysis, ValueOrigin};
use crate::catalogue::report as m;
use crate::locale::Words;
use crate::standard::{DimensionRole, Role};
use crate::{Lang::En, Lang::Zh, format_number};

/// A benchmark's area score is shown (and drawn) only where the figures
/// cover at least this share of the area's weighted indicators: below it, one
/// or two figures would stand for a whole area. Our choice (provisional),
/// stated in the report.
pub const MIN_BENCHMARK_COVERAGE: f64 = 0.5;

/// A label and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

fn fact(label: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: label.to_string(),
        value: value.into(),
    }
}

/// When a report was written: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else the time of writing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    /// Seconds since 1970-01-01 UTC.
    pub timestamp: i64,
    pub from_env: bool,
}

impl Written {
    pub fn now() -> Written {
        let (timestamp, from_env) = crate::xlsx::written_at();
        Written {
            timestamp,
            from_env,
        }
    }

    /// (year, month, day, hour, minute, second) in UTC.
    fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.timestamp.div_euclid(86_400);
        let secs = self.timestamp.rem_euclid(86_400);
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (
            y,
            m,
            d,
            (secs / 3600) as u32,
            (secs % 3600 / 60) as u32,
            (secs % 60) as u32,
        )
    }

    /// 2026-12-02
    pub fn date(self) -> String {
        let (y, m, d, ..) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// 2026-12-02 00:05:13 UTC
    pub fn time(self) -> String {
        let (y, m, d, h, mi, s) = self.civil();
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02} UTC")
    }
}

/// One scored area in the chart and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub weight: String,
    pub score: Option<f64>,
    pub score_text: String,
    /// "23/23"
    pub coverage: String,
    /// The next star's floor for this area, where the next rule has one.
    pub floor: Option<f64>,
    pub floor_text: String,
    /// One per benchmark, in the order of `Chart::benchmarks`.
    pub benchmarks: Vec<BenchmarkCell>,
}

/// A benchmark's score for one area.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkCell {
    /// Drawn only where the coverage reaches [`MIN_BENCHMARK_COVERAGE`].
    pub drawn: Option<f64>,
    /// "80.00 vs own 80.00 over 2 of 3 indicators", or why it is not shown.
    pub text: String,
}

/// The dimension chart against the next star's floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub rows: Vec<AreaRow>,
    /// "5★ floor" (or the next star's minimum total, where it has no area floor).
    pub floor_label: Option<String>,
    /// The floor column's short header: "5★ 下限".
    pub floor_head: Option<String>,
    pub benchmarks: Vec<String>,
    /// Bonus areas: "TS 地方特色 +3.00".
    pub bonus: Vec<String>,
    /// How the table is to be read (coverage threshold, what the benchmark scores count).
    pub notes: Vec<String>,
}

/// One task of the next-star plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub code: String,
    pub name: String,
    pub from: String,
    pub to: String,
    pub stars: String,
    pub points: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanModel {
    pub headline: String,
    pub tasks: Vec<Task>,
    pub note: Option<String>,
}

/// One indicator compared with a benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub indicator: String,
    pub own: String,
    pub benchmark: String,
    pub gap: String,
    pub points: String,
    /// Year (or date), place, and "derived" where it is.
    pub origin: String,
    /// The address it was published at, as text (never a link).
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GapTable {
    pub title: String,
    pub rows: Vec<GapRow>,
    pub notes: Vec<String>,
}

/// One indicator of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub code: String,
    pub name: String,
    pub role: String,
    pub value: String,
    pub stars: String,
    pub next: String,
    pub score: String,
    pub contribution: String,
    pub missing: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorGroup {
    pub title: String,
    pub rows: Vec<IndicatorRow>,
}

/// A data problem at its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: String,
    /// `error`, `warning`, `info` (a class name, not shown).
    pub class: &'static str,
    pub location: String,
    /// The indicator the finding is about, or empty.
    pub indicator: String,
    pub raw: String,
    pub message: String,
    pub hint: String,
    pub code: String,
}

/// Everything one entity's report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityReport {
    pub lang: Lang,
    pub name: String,
    pub title: String,
    pub facts: Vec<Fact>,
    pub stars: u8,
    pub glyphs: String,
    pub stars_label: String,
    pub tier: Option<String>,
    pub total: String,
    pub total_parts: String,
    pub conclusion: Vec<String>,
    pub chart: Chart,
    pub plan: PlanModel,
    pub gaps: Vec<GapTable>,
    pub indicators: Vec<IndicatorGroup>,
    pub problems: Vec<Problem>,
    pub problem_summary: String,
    /// The provisional-standard notice and the run's notes.
    pub notices: Vec<String>,
    pub method: Vec<String>,
    pub provenance: Vec<Fact>,
    pub footer: String,
    /// The assessor's review, when one was applied: the verified rating
    /// beside the self-reported one above, and every change.
    pub review: Option<ReviewModel>,
    /// The evidence files the submission names, for the provenance.
    pub evidence: Vec<EvidenceRow>,
    /// Progress since the baseline (`--baseline`), in the words every
    /// layout shares (`render::rounds`).
    pub progress: Option<crate::render::rounds::Section>,
}

/// One evidence file: as named in the workbook, by which indicator, its
/// kind by content, size and SHA-256.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    pub path: String,
    pub indicator: String,
    pub kind: String,
    pub size: String,
    pub sha256: String,
}

/// One rating as the first page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingBox {
    /// 自评 / 核定.
    pub caption: String,
    pub stars: u8,
    pub glyphs: String,
    pub stars_label: String,
    pub tier: Option<String>,
    pub total: String,
    pub total_parts: String,
}

/// The review's section: both ratings, the changes, the verified plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewModel {
    /// The self-reported rating (the figures of the report's other sections).
    pub reported: RatingBox,
    pub verified: RatingBox,
    /// "自评 ★★★ 71.60（三星级）→ 核定 ★★ 60.40（二星级），3 处改动".
    pub headline: String,
    /// The review workbook and who reviewed.
    pub source: String,
    /// What the first page's conclusion stands on.
    pub basis: String,
    /// Self-reported, verified and change of the total, the stars and each area.
    pub compare_header: Vec<String>,
    pub compare: Vec<Vec<String>>,
    pub header: Vec<String>,
    pub changes: Vec<Vec<String>>,
    pub effects_note: String,
    pub plan_line: Option<String>,
    pub plan_header: Vec<String>,
    pub plan: Vec<Vec<String>>,
}

fn rating_box(a: &Assessment, caption: &str, lang: Lang) -> RatingBox {
    RatingBox {
        caption: caption.to_string(),
        stars: a.stars,
        glyphs: star_glyphs(a.stars),
        stars_label: a.stars_label.get(lang).to_string(),
        tier: a.tier.as_ref().map(|t| t.get(lang).to_string()),
        total: fmt2(a.score),
        total_parts: total_parts(a, lang),
    }
}

fn total_parts(a: &Assessment, lang: Lang) -> String {
    m::TOTAL_PARTS.fill(
        lang,
        &[
            &fmt2(a.breakdown.weighted),
            &fmt2(a.breakdown.bonus),
            &fmt2(a.breakdown.deduction),
        ],
    )
}

fn review_model(a: &Assessment, lang: Lang) -> Option<ReviewModel> {
    let r = a.review.as_ref()?;
    let sec = crate::render::review::section(a, lang)?;
    let v = &r.verified;
    let signed = crate::render::rounds::signed;
    let mut compare = vec![
        vec![
            m::TOTAL.get(lang).to_string(),
            fmt2(a.score),
            fmt2(v.score),
            signed(r.score_change),
        ],
        vec![
            m::STARS.get(lang).to_string(),
            format!("{}★", a.stars),
            format!("{}★", v.stars),
            format!("{:+}", i16::from(v.stars) - i16::from(a.stars)).replace('-', "−"),
        ],
    ];
    for (d, vd) in a.dimensions.iter().zip(&v.dimensions) {
        let score = |x: &crate::assess::DimensionResult| x.score.or(x.points);
        compare.push(vec![
            format!("{} {}", d.code, d.name.get(lang)),
            score(d).map_or("—".into(), fmt2),
            score(vd).map_or("—".into(), fmt2),
            match (score(d), score(vd)) {
                (Some(x), Some(y)) => signed(crate::assess::round2(y - x)),
                _ => "—".into(),
            },
        ]);
    }
    Some(ReviewModel {
        reported: rating_box(a, m::SELF_REPORTED.get(lang), lang),
        verified: rating_box(v, m::VERIFIED_VALUE.get(lang), lang),
        headline: sec.headline,
        basis: m::REVIEW_BASIS.fill(lang, &[&sec.source]),
        source: sec.source,
        compare_header: vec![
            String::new(),
            m::SELF_REPORTED.get(lang).to_string(),
            m::VERIFIED_VALUE.get(lang).to_string(),
            m::CHANGE.get(lang).to_string(),
        ],
        compare,
        header: sec.header.iter().map(|h| h.to_string()).collect(),
        changes: sec.changes.into_iter().map(Vec::from).collect(),
        effects_note: crate::render::review::effects_note(lang).to_string(),
        plan_line: sec.plan_line,
        plan_header: sec.plan_header.iter().map(|h| h.to_string()).collect(),
        plan: sec.plan.into_iter().map(Vec::from).collect(),
    })
}

fn level_name(lang: Lang, a: &Assessment) -> String {
    capitalised(&super::entity::level_name(lang, a.level))
}

fn area_name<'a>(a: &'a Assessment, code: &'a str, lang: Lang) -> &'a str {
    a.dimensions
        .iter()
        .find(|d| d.code == code)
        .map_or(code, |d| d.name.get(lang))
}

fn indicator_name<'a>(a: &'a Assessment, code: &str, lang: Lang) -> &'a str {
    a.indicators
        .iter()
        .find(|i| i.code == code)
        .map_or("", |i| i.name(lang))
}

/// What kind of condition of a star rule, in words.
pub fn condition_kind(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "min-total" => m::COND_KIND_MIN_TOTAL.get(lang),
        "min-dimension" => m::COND_KIND_MIN_DIMENSION.get(lang),
        "mandatory-min-stars" => m::COND_KIND_MANDATORY_MIN_STARS.get(lang),
        "min-stars" => m::COND_KIND_MIN_STARS.get(lang),
        "veto" => m::COND_KIND_VETO.get(lang),
        "max-missing" => m::COND_KIND_MAX_MISSING.get(lang),
        _ => m::COND_KIND_OTHER.get(lang),
    }
}

/// A condition of a star rule in a plain sentence.
pub fn condition_sentence(a: &Assessment, c: &Condition, lang: Lang) -> String {
    let subject = c.subject.as_deref().unwrap_or("");
    let req = format_number(c.required);
    match c.kind {
        "min-total" => {
            m::COND_MIN_TOTAL.fill(lang, &[&req, &fmt2(c.actual), &fmt2(c.required - c.actual)])
        }
        "min-dimension" => {
            m::COND_MIN_DIMENSION.fill(lang, &[&area_name(a, subject, lang), &req, &fmt2(c.actual)])
        }
        "mandatory-min-stars" | "min-stars" => {
            let said = if c.kind == "mandatory-min-stars" {
                m::COND_MANDATORY_MIN_STARS
            } else {
                m::COND_MIN_STARS
            };
            said.fill(
                lang,
                &[
                    &subject,
                    &indicator_name(a, subject, lang),
                    &req,
                    &format_number(c.actual),
                ],
            )
        }
        "veto" => m::COND_VETO.fill(lang, &[&subject, &indicator_name(a, subject, lang)]),
        "max-missing" => m::COND_MAX_MISSING.fill(lang, &[&req, &format_number(c.actual)]),
        _ => c.words(lang),
    }
}

/// A note as a sentence: its first letter upper-case.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// Punctuation, not words: the catalogue holds words (its tests ask the
// Chinese words to have Chinese in them), so the separators stay here.

/// Clauses one after another.
fn list(items: &[String], lang: Lang) -> String {
    items.join(match lang {
        Zh => "；",
        En => "; ",
    })
}

/// Names or codes one after another.
fn enumeration(lang: Lang) -> &'static str {
    match lang {
        Zh => "、",
        En => ", ",
    }
}

/// The rule that decided the rating, in one sentence.
fn decided_sentence(a: &Assessment, lang: Lang) -> String {
    let d = &a.rating.decided_by;
    let label = match a.tier.as_ref().map(|t| t.get(lang)) {
        // Brackets are punctuation (see `list`).
        Some(tier) => match lang {
            Zh => format!("{}（{tier}）", a.stars_label.get(lang)),
            En => format!("{} ({tier})", a.stars_label.get(lang)),
        },
        None => a.stars_label.get(lang).to_string(),
    };
    let total = d.conditions.iter().find(|c| c.kind == "min-total");
    let areas: Vec<&Condition> = d
        .conditions
        .iter()
        .filter(|c| c.kind == "min-dimension")
        .collect();
    let mandatory = d
        .conditions
        .iter()
        .find(|c| c.kind == "mandatory-min-stars")
        .map(|c| c.required);
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = total {
        parts.push(m::HOLDS_MIN_TOTAL.fill(lang, &[&format_number(c.required), &fmt2(c.actual)]));
    }
    if let Some(low) = areas
        .iter()
        .min_by(|x, y| x.required.total_cmp(&y.required))
    {
        let same = areas.iter().all(|c| c.required == low.required);
        parts.push(if same {
            m::HOLDS_AREAS_SAME.fill(lang, &[&format_number(low.required)])
        } else {
            m::HOLDS_AREAS_OWN.get(lang).to_string()
        });
    }
    if let Some(least) = mandatory {
        parts.push(m::HOLDS_MANDATORY.fill(lang, &[&format_number(least)]));
    }
    if d.conditions.iter().any(|c| c.kind == "veto") {
        parts.push(m::HOLDS_NO_VETO.get(lang).to_string());
    }
    if let Some(c) = d.conditions.iter().find(|c| c.kind == "max-missing") {
        parts.push(m::HOLDS_MAX_MISSING.fill(lang, &[&format_number(c.required)]));
    }
    if parts.is_empty() {
        return m::RATED_BY_RULE.fill(lang, &[&a.name, &label, &d.words(lang)]);
    }
    m::RATED_MEETS_ALL.fill(
        lang,
        &[
            &a.name,
            &label,
            &fmt2(a.score),
            &d.stars,
            &list(&parts, lang),
        ],
    )
}

/// What stands between the rating and the next star.
fn next_sentence(a: &Assessment, lang: Lang) -> String {
    let Some(next) = &a.rating.next else {
        return m::HIGHEST_LEVEL.get(lang).to_string();
    };
    // Star conditions on indicators, when there are more than two of a kind,
    // in one clause (the plan lists each).
    let mut failing: Vec<String> = Vec::new();
    for kind in [
        "min-total",
        "min-dimension",
        "mandatory-min-stars",
        "min-stars",
        "veto",
        "max-missing",
    ] {
        let of: Vec<&Condition> = next.failing.iter().filter(|c| c.kind == kind).collect();
        let star_kind = kind == "mandatory-min-stars" || kind == "min-stars";
        if star_kind && of.len() > 2 {
            let codes: Vec<&str> = of.iter().filter_map(|c| c.subject.as_deref()).collect();
            let need = format_number(of[0].required);
            let mandatory = kind == "mandatory-min-stars";
            let said = if mandatory {
                m::N_MANDATORY_BELOW
            } else {
                m::N_NAMED_BELOW
            };
            failing.push(said.fill(lang, &[&of.len(), &need, &codes.join(enumeration(lang))]));
        } else {
            failing.extend(of.iter().map(|c| condition_sentence(a, c, lang)));
        }
    }
    failing.extend(
        next.failing
            .iter()
            .filter(|c| {
                ![
                    "min-total",
                    "min-dimension",
                    "mandatory-min-stars",
                    "min-stars",
                    "veto",
                    "max-missing",
                ]
                .contains(&c.kind)
            })
            .map(|c| condition_sentence(a, c, lang)),
    );
    let mut s = m::NEXT_NOT_MET.fill(
        lang,
        &[
            &next.stars,
            &next.name.get(lang),
            &next.failing.len(),
            &list(&failing, lang),
        ],
    );
    let p = &a.next_star;
    if matches!(p.status, PlanStatus::Found | PlanStatus::FoundCapped) {
        m::NEXT_BY_PLAN.fill_into(
            lang,
            &[&p.steps.len(), &p.total_after.map(fmt2).unwrap_or_default()],
            &mut s,
        );
    } else if p.status == PlanStatus::Impossible {
        m::NEXT_IMPOSSIBLE.fill_into(
            lang,
            &[&p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()],
            &mut s,
        );
    }
    s
}

fn strongest_weakest(a: &Assessment, lang: Lang) -> Option<String> {
    let scored: Vec<_> = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Scored)
        .filter_map(|d| d.score.map(|s| (d, s)))
        .collect();
    if scored.len() < 2 {
        return None;
    }
    let hi = scored.iter().max_by(|x, y| x.1.total_cmp(&y.1))?;
    let lo = scored.iter().min_by(|x, y| x.1.total_cmp(&y.1))?;
    if hi.1 == lo.1 {
        return Some(m::AREAS_SAME.fill(lang, &[&fmt2(hi.1)]));
    }
    Some(m::STRONGEST_WEAKEST.fill(
        lang,
        &[
            &hi.0.name.get(lang),
            &fmt2(hi.1),
            &lo.0.name.get(lang),
            &fmt2(lo.1),
        ],
    ))
}

fn threshold_text(lang: Lang) -> String {
    let pct = format_number(MIN_BENCHMARK_COVERAGE * 100.0);
    m::COVERAGE_THRESHOLD.fill(lang, &[&pct])
}

pub(crate) fn covered_enough(shared: usize, weighted: usize) -> bool {
    weighted > 0 && shared as f64 / weighted as f64 >= MIN_BENCHMARK_COVERAGE
}

/// The largest area gap to a benchmark, where the figures cover enough.
fn benchmark_sentence(a: &Assessment, lang: Lang) -> Option<String> {
    if a.gaps.is_empty() {
        return None;
    }
    let mut best: Option<(&GapAnalysis, &crate::benchmark::DimensionGap, f64)> = None;
    for g in &a.gaps {
        for d in &g.dimensions {
            if let Some(gap) = d.gap.filter(|_| covered_enough(d.shared, d.weighted))
                && best.is_none_or(|b| gap > b.2)
            {
                best = Some((g, d, gap));
            }
        }
    }
    let names: Vec<&str> = a.gaps.iter().map(|g| g.display_name(lang)).collect();
    Some(match best {
        Some((g, d, gap)) if gap > 0.0 => m::LARGEST_AREA_GAP.fill(
            lang,
            &[
                &g.display_name(lang),
                &lang.pick(&d.name_zh, &d.name_en),
                &d.shared,
                &d.weighted,
                &d.own_score.map(fmt2).unwrap_or_default(),
                &d.benchmark_score.map(fmt2).unwrap_or_default(),
                &fmt2(gap),
                &threshold_text(lang),
            ],
        ),
        Some(_) => m::NOT_BEHIND.fill(
            lang,
            &[&threshold_text(lang), &names.join(enumeration(lang))],
        ),
        None => m::TOO_FEW_FIGURES.fill(
            lang,
            &[&names.join(enumeration(lang)), &threshold_text(lang)],
        ),
    })
}

fn data_sentence(a: &Assessment, lang: Lang) -> String {
    let (e, w, _) = a.diagnostic_counts();
    if a.complete && e == 0 && w == 0 {
        return m::DATA_COMPLETE_NO_PROBLEM.get(lang).to_string();
    }
    if a.complete {
        return m::DATA_COMPLETE_WARNINGS.fill(lang, &[&w]);
    }
    m::DATA_INCOMPLETE.fill(lang, &[&a.missing, &e, &w])
}

fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Scored => m::ROLE_SCORED.get(lang),
        Role::Mandatory => m::ROLE_MANDATORY.get(lang),
        Role::Bonus => m::ROLE_BONUS.get(lang),
        Role::Deduction => m::ROLE_DEDUCTION_ITEM.get(lang),
    }
}

fn chart(a: &Assessment, lang: Lang) -> Chart {
    let floors = super::entity::next_floors(a, lang);
    let scored: Vec<_> = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Scored)
        .collect();
    let rows = scored
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let floor = floors
                .as_ref()
                .and_then(|f| f.values.get(k).copied().flatten());
            AreaRow {
                code: d.code.clone(),
                name: d.name.get(lang).to_string(),
                weight: d.weight.map(format_number).unwrap_or_default(),
                score: d.score,
                score_text: d.score.map_or("—".into(), fmt2),
                coverage: format!("{}/{}", d.covered, d.indicators),
                floor,
                floor_text: floor.map_or("—".into(), format_number),
                benchmarks: a
                    .gaps
                    .iter()
                    .map(|g| {
                        let Some(x) = g.dimensions.iter().find(|x| x.code == d.code) else {
                            return BenchmarkCell {
                                drawn: None,
                                text: "—".into(),
                            };
                        };
                        let enough = covered_enough(x.shared, x.weighted);
                        match (x.benchmark_score, enough) {
                            (Some(b), true) => BenchmarkCell {
                                drawn: Some(b),
                                text: m::BENCHMARK_CELL.fill(
                                    lang,
                                    &[
                                        &fmt2(b),
                                        &x.own_score.map(fmt2).unwrap_or_default(),
                                        &x.shared,
                                        &x.weighted,
                                    ],
                                ),
                            },
                            _ => BenchmarkCell {
                                drawn: None,
                                text: m::BENCHMARK_CELL_TOO_FEW
                                    .fill(lang, &[&x.shared, &x.weighted]),
                            },
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let bonus = a
        .dimensions
        .iter()
        .filter(|d| d.role == DimensionRole::Bonus)
        .map(|d| {
            format!(
                "{} {} +{}",
                d.code,
                d.name.get(lang),
                d.points.map(fmt2).unwrap_or_else(|| "0.00".into())
            )
        })
        .collect();
    let mut notes = Vec::new();
    if !a.gaps.is_empty() {
        notes.push(m::CHART_NOTE_BENCHMARK.fill(lang, &[&threshold_text(lang)]));
    }
    let floor_head = floors
        .as_ref()
        .and(a.rating.next.as_ref())
        .map(|n| m::FLOOR_HEAD.fill(lang, &[&n.stars]));
    Chart {
        rows,
        floor_label: floors.map(|f| f.label),
        floor_head,
        benchmarks: a
            .gaps
            .iter()
            .map(|g| g.display_name(lang).to_string())
            .collect(),
        bonus,
        notes,
    }
}

fn plan(a: &Assessment, lang: Lang) -> PlanModel {
    let p = &a.next_star;
    let tasks = p
        .steps
        .iter()
        .map(|s| Task {
            code: s.code.clone(),
            name: s.name.get(lang).to_string(),
            from: s.from_text.words(lang),
            to: s.target_text(lang),
            stars: format!("{}★ → {}★", s.stars_from, s.stars_to),
            points: format!("+{}", fmt2(s.points_gained)),
        })
        .collect();
    let note = match p.status {
        PlanStatus::Found if p.verified => Some(m::PLAN_NOTE_VERIFIED.get(lang).to_string()),
        PlanStatus::FoundCapped => Some(m::PLAN_NOTE_CAPPED.get(lang).to_string()),
        _ => None,
    };
    PlanModel {
        headline: super::entity::plan_headline(lang, a),
        tasks,
        note,
    }
}

fn gap_tables(a: &Assessment, lang: Lang) -> Vec<GapTable> {
    a.gaps
        .iter()
        .map(|g| {
            let rows = g
                .indicators
                .iter()
                .map(|i| {
                    let r = crate::render::gaps::row(i, lang);
                    let origin = crate::render::gaps::origin_text(&i.origin, lang);
                    let source = match &i.origin {
                        ValueOrigin::Figure { source, .. } => source.join(" "),
                        _ => String::new(),
                    };
                    GapRow {
                        indicator: r[0].clone(),
                        own: r[1].clone(),
                        benchmark: format!(
                            "{}{}{}",
                            i.bound.map(|b| b.sign()).unwrap_or(""),
                            format_number(i.benchmark),
                            crate::assess::score::unit_suffix(&i.unit, lang)
                        ),
                        gap: r[3].clone(),
                        points: r[6].clone(),
                        origin,
                        source,
                    }
                })
                .collect();
            let mut notes = Vec::new();
            notes.extend(crate::render::gaps::not_compared_line(g, lang));
            if g.indicators.is_empty() {
                notes.insert(0, m::NO_COMPARABLE_FIGURE.get(lang).to_string());
            }
            GapTable {
                title: crate::render::gaps::title(g, lang),
                rows,
                notes,
            }
        })
        .collect()
}

fn indicators(a: &Assessment, lang: Lang) -> Vec<IndicatorGroup> {
    a.dimensions
        .iter()
        .map(|d| IndicatorGroup {
            title: format!("{} {}", d.code, d.name.get(lang)),
            rows: a
                .indicators
                .iter()
                .filter(|i| i.dimension == d.code)
                .map(|i| IndicatorRow {
                    code: i.code.clone(),
                    name: i.name(lang).to_string(),
                    role: role_name(lang, i.role).to_string(),
                    value: match (i.status, &i.computation, i.value) {
                        (Status::Missing, ..) => m::STATUS_MISSING.get(lang).to_string(),
                        (Status::Invalid, ..) => m::STATUS_INVALID.get(lang).to_string(),
                        (_, Some(c), _) => c.words(lang),
                        (_, None, Some(v)) => format!(
                            "{}{}",
                            format_number(v),
                            crate::assess::score::unit_suffix(&i.unit, lang)
                        ),
                        _ => "—".into(),
                    },
                    stars: format!("{}★", i.stars),
                    next: i
                        .next
                        .as_ref()
                        .map(|n| format!("{}★ {}", n.stars, n.requirement.words(lang)))
                        .unwrap_or_else(|| "—".into()),
                    score: i.score.map_or("—".into(), fmt2),
                    contribution: fmt2(i.contribution),
                    missing: i.status != Status::Ok,
                })
                .collect(),
        })
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// The data problems, one row each: the HTML report's and the Excel
/// report's problem tables.
pub fn problems(a: &Assessment, lang: Lang) -> Vec<Problem> {
    a.diagnostics
        .iter()
        .map(|d| Problem {
            severity: match lang {
                Zh => d.severity.name_zh().to_string(),
                En => d.severity.to_string(),
            },
            class: match d.severity {
                crate::diag::Severity::Error => "error",
                crate::diag::Severity::Warning => "warning",
                crate::diag::Severity::Info => "info",
            },
            location: d.location.clone(),
            indicator: d.indicator.clone().unwrap_or_default(),
            raw: d.raw.clone().unwrap_or_default(),
            message: d.message.words(lang),
            hint: d.hint.words(lang),
            code: d.code.to_string(),
        })
        .collect()
}

/// The report's title line: "智慧城市星级评估报告".
pub fn report_title(lang: Lang) -> &'static str {
    m::REPORT_TITLE_LONG.get(lang)
}

/// The footer every page carries.
pub fn footer(lang: Lang) -> String {
    m::FOOTER.get(lang).to_string()
}

/// Build the model of one entity's report.
pub fn entity(a: &Assessment, cx: &super::Context, written: Written) -> EntityReport {
    let lang = cx.lang;
    let mut facts = vec![
        fact(m::ENTITY_ASSESSED.get(lang), a.name.clone()),
        fact(m::LEVEL.get(lang), level_name(lang, a)),
        fact(
            m::STANDARD_ASSESSED.get(lang),
            format!("{} {}", a.standard.code, a.standard.edition(lang)),
        ),
        fact(
            m::DATA_YEAR.get(lang),
            a.year.map_or("—".into(), |y| y.to_string()),
        ),
        fact(m::DATE_OF_ASSESSMENT.get(lang), written.date()),
    ];
    if !a.parent.is_empty() {
        facts.insert(2, fact(m::CITY.get(lang), a.parent.clone()));
    }
    if !a.division_code.is_empty() {
        facts.insert(2, fact(m::DIVISION_CODE.get(lang), a.division_code.clone()));
    }
    // Where a review was applied, the conclusion is on the verified rating.
    let rated = a.review.as_ref().map_or(a, |r| &r.verified);
    let mut conclusion = vec![decided_sentence(rated, lang), next_sentence(rated, lang)];
    conclusion.extend(strongest_weakest(rated, lang));
    conclusion.extend(benchmark_sentence(rated, lang));
    conclusion.push(data_sentence(a, lang));

    let (e, w, i) = a.diagnostic_counts();
    let problem_summary = if a.diagnostics.is_empty() {
        m::NO_DATA_PROBLEMS_FOUND.get(lang).to_string()
    } else {
        m::PROBLEM_COUNTS.fill(lang, &[&e, &w, &i])
    };

    let mut notices = Vec::new();
    if a.standard.provisional_entries > 0 {
        notices.push(m::PROVISIONAL_NOTICE.fill(
            lang,
            &[
                &a.standard.code,
                &a.standard.edition(lang),
                &a.standard.provisional_entries,
                &a.standard.entries,
            ],
        ));
    }
    notices.extend(
        a.notes
            .iter()
            // The provisional note is the notice above, in full.
            .filter(|n| {
                a.standard.provisional_entries == 0
                    || !matches!(n, crate::assess::said::Note::Provisional { .. })
            })
            .map(|n| capitalised(&n.words(lang))),
    );

    use crate::standard::{MissingPolicy, ScoringMethod};
    let (goalposts, exclude) = a.scoring.as_ref().map_or((false, false), |s| {
        (
            s.method == ScoringMethod::Goalposts,
            s.missing == MissingPolicy::Exclude,
        )
    });
    let method = vec![
        match (goalposts, exclude) {
            (false, false) => m::METHOD_STARS_ZERO.get(lang),
            (false, true) => m::METHOD_STARS_EXCLUDE.get(lang),
            (true, false) => m::METHOD_GOALPOSTS_ZERO.get(lang),
            (true, true) => m::METHOD_GOALPOSTS_EXCLUDE.get(lang),
        }
        .to_string(),
        m::METHOD_TOTAL.fill(
            lang,
            &[
                &format_number(a.breakdown.bonus_cap),
                &format_number(a.breakdown.deduction_cap),
            ],
        ),
        m::METHOD_RATING.get(lang).to_string(),
    ];
    let mut provenance = vec![
        fact(
            m::PROGRAM.get(lang),
            concat!("citystar ", env!("CARGO_PKG_VERSION")),
        ),
        fact(
            m::STANDARD.get(lang),
            format!(
                "{} · {} · {}",
                a.standard.code,
                a.standard.id,
                a.standard.edition(lang)
            ),
        ),
        fact(
            m::STANDARD_FILE_SHA256.get(lang),
            a.standard.sha256.clone().unwrap_or_else(|| "—".into()),
        ),
        fact(m::SUBMISSION_FILE.get(lang), a.file.clone()),
        fact(m::SUBMISSION_SHA256.get(lang), a.sha256.clone()),
        fact(
            m::WRITTEN.get(lang),
            format!(
                "{} ({})",
                written.time(),
                if written.from_env {
                    m::TIME_FROM_ENV.get(lang)
                } else {
                    m::WRITTEN_NOW.get(lang)
                }
            ),
        ),
    ];
    for b in &cx.benchmarks {
        provenance.push(fact(
            m::BENCHMARK_DATA.get(lang),
            format!(
                "{} · {}{}",
                b.name,
                b.origin,
                b.sha256
                    .as_ref()
                    .map(|h| format!(" · SHA-256 {h}"))
                    .unwrap_or_default()
            ),
        ));
    }
    if let Some(r) = &a.review {
        provenance.push(fact(
            m::REVIEW_WORKBOOK.get(lang),
            if r.reviewers.is_empty() {
                r.file.clone()
            } else {
                format!(
                    "{} · {}",
                    r.file,
                    r.reviewers
                        .join(crate::catalogue::common::NAME_SEPARATOR.get(lang))
                )
            },
        ));
        provenance.push(fact(m::REVIEW_WORKBOOK_SHA256.get(lang), r.sha256.clone()));
    }
    provenance.push(fact(
        m::RATING_STABILITY.get(lang),
        match &a.stability {
            Some(s) => {
                let method = m::STABILITY_METHOD.fill(
                    lang,
                    &[
                        &format_number(1.0 - crate::assess::stability::SPREAD),
                        &format_number(1.0 + crate::assess::stability::SPREAD),
                    ],
                );
                m::STABILITY_SENTENCE.fill(
                    lang,
                    &[
                        &s.draws,
                        &crate::render::pct(s.same_stars),
                        &a.stars,
                        &fmt2(s.total_p5),
                        &fmt2(s.total_p95),
                        &s.seed,
                        &method,
                    ],
                )
            }
            None => m::NOT_COMPUTED.get(lang).to_string(),
        },
    ));

    EntityReport {
        lang,
        name: a.name.clone(),
        title: report_title(lang).to_string(),
        facts,
        stars: a.stars,
        glyphs: star_glyphs(a.stars),
        stars_label: a.stars_label.get(lang).to_string(),
        tier: a.tier.as_ref().map(|t| t.get(lang).to_string()),
        total: fmt2(a.score),
        total_parts: total_parts(a, lang),
        conclusion,
        chart: chart(a, lang),
        plan: plan(a, lang),
        gaps: gap_tables(a, lang),
        indicators: indicators(a, lang),
        problems: problems(a, lang),
        problem_summary,
        notices,
        method,
        provenance,
        footer: footer(lang),
        review: review_model(a, lang),
        evidence: a
            .evidence
            .iter()
            .map(|e| EvidenceRow {
                path: e.path.clone(),
                indicator: e.indicator.clone(),
                kind: e.kind.key().to_string(),
                size: format!("{} B", e.bytes),
                sha256: e.sha256.clone(),
            })
            .collect(),
        progress: a
            .progress
            .as_ref()
            .map(|p| crate::render::rounds::progress_section_listing(p, lang, usize::MAX)),
    }
}

/// One entity in the batch summary, made as it is drawn: a batch may be a
/// country's worth, so the summary holds its ranking rows, not their entries
/// (docs/performance.md).
#[derive(Debug, Clone, PartialEq)]
pub struct RankEntry {
    pub rank: String,
    pub name: String,
    /// 县级, 智慧社区 …
    pub level: String,
    pub parent: String,
    pub total: String,
    pub glyphs: String,
    pub stars: u8,
    /// The entity's report, relative to summary.html, where one was written.
    pub link: Option<String>,
}

pub struct RankingTable {
    pub title: String,
    /// Where its rows are in [`SummaryReport::ranking`].
    pub rows: std::ops::Range<usize>,
}

/// Entities of one 所属地市.
pub struct CityGroup {
    pub city: String,
    /// Its rows' places in [`SummaryReport::ranking`], in ranking order.
    pub rows: Vec<u32>,
}

pub struct SummaryReport<'a> {
    pub lang: Lang,
    pub title: String,
    pub facts: Vec<Fact>,
    /// The batch's ranking, which the tables below point into.
    pub ranking: &'a crate::assess::batch::Ranking,
    pub rankings: Vec<RankingTable>,
    /// A ranking row's entry, made as the row is drawn.
    pub entry: Box<dyn Fn(&RankRow) -> RankEntry + 'a>,
    /// (label "3★", count), 0★ to 5★.
    pub distribution: Vec<(String, usize)>,
    pub cities: Vec<CityGroup>,
    pub notes: Vec<String>,
    pub footer: String,
    /// The province view (`--baseline`, `--targets`): per level and 所属地市,
    /// movers, targets, in the words every layout shares (`render::rounds`).
    pub province: Vec<crate::render::rounds::Section>,
}

/// Build the batch summary's model. `link` gives an entity's report file
/// name (relative to the summary), by input file.
pub fn summary<'a>(
    r: &'a SummaryRows,
    s: &'a Summary,
    cx: &super::Context,
    written: Written,
    link: &'a dyn Fn(&str) -> Option<String>,
) -> SummaryReport<'a> {
    let lang = cx.lang;
    let level_name =
        |lang, a: &SummaryRow<'_>| capitalised(&super::entity::level_name(lang, a.level));
    // By file, so a country-sized batch is not searched once per row.
    let index: std::collections::HashMap<&str, usize> =
        (0..r.len()).map(|k| (r.file(k), k)).collect();
    let by_file = |file: &str| index.get(file).map(|&k| r.get(k));
    let mut rankings: Vec<(String, RankingTable)> = crate::render::ranking_groups(s)
        .into_iter()
        .map(|(id, rows)| {
            let first = s.ranking.get(rows.start).and_then(|row| by_file(row.file));
            let code = first.map_or(id.to_string(), |a| a.standard.code.clone());
            let title = first
                .map(|a| {
                    format!(
                        "{} · {} {}",
                        level_name(lang, &a),
                        a.standard.code,
                        a.standard.edition(lang)
                    )
                })
                .unwrap_or_else(|| id.to_string());
            (code, RankingTable { title, rows })
        })
        .collect();
    // In the standard's order: part 1 (cities), 2 (counties), 3 (communities).
    rankings.sort_by(|x, y| x.0.cmp(&y.0));
    let rankings = rankings.into_iter().map(|(_, r)| r).collect();
    let mut cities: Vec<CityGroup> = Vec::new();
    for (k, row) in s.ranking.iter().enumerate() {
        let parent = by_file(row.file).map_or("", |a| a.parent);
        if parent.is_empty() {
            continue;
        }
        let k = u32::try_from(k).unwrap_or(u32::MAX);
        match cities.iter_mut().find(|c| c.city == parent) {
            Some(c) => c.rows.push(k),
            None => cities.push(CityGroup {
                city: parent.to_string(),
                rows: vec![k],
            }),
        }
    }
    cities.sort_by(|x, y| x.city.cmp(&y.city));
    let entry = move |row: &RankRow| {
        let a = index.get(row.file).map(|&k| r.get(k));
        RankEntry {
            rank: row.rank.to_string(),
            name: row.name.to_string(),
            level: a.map_or("—".into(), |a| level_name(lang, &a)),
            parent: a.map(|a| a.parent.to_string()).unwrap_or_default(),
            total: fmt2(row.score),
            glyphs: star_glyphs(row.stars),
            stars: row.stars,
            link: link(row.file),
        }
    };
    let mut notes: Vec<String> = crate::render::duplicate_lines(s, lang)
        .into_iter()
        .map(|l| l.trim_start_matches("! ").to_string())
        .collect();
    for u in &s.unreadable {
        notes.push(format!("{}: {}", u.file, u.message.words(lang)));
    }
    notes.extend(crate::render::review::summary_lines(s, lang));
    if let Some(a) = r.first()
        && a.standard.provisional_entries > 0
    {
        notes.push(m::PROVISIONAL_STANDARD_NOTICE.get(lang).to_string());
    }
    SummaryReport {
        lang,
        title: m::SUMMARY_TITLE.get(lang).to_string(),
        facts: vec![
            fact(
                m::ENTITIES.get(lang),
                m::N_OF_FILES.fill(lang, &[&s.assessed, &s.files]),
            ),
            fact(m::DATE_OF_ASSESSMENT.get(lang), written.date()),
            fact(
                m::PROGRAM.get(lang),
                concat!("citystar ", env!("CARGO_PKG_VERSION")),
            ),
        ],
        ranking: &s.ranking,
        rankings,
        entry: Box::new(entry),
        distribution: (0..=5)
            .map(|k| (format!("{k}★"), s.star_distribution[k]))
            .collect(),
        cities,
        notes,
        footer: footer(lang),
        province: s
            .province
            .as_ref()
            .map(|p| crate::render::rounds::province_sections(p, lang))
            .unwrap_or_default(),
    }
}
