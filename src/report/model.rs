//! The row model of the leader's report: every section of one entity's
//! report, and of the batch summary, built once from the assessment, in the
//! reader's language. The HTML renderer only lays these rows out; it computes
//! no number of its own (positions of bars from the values, nothing more).

use crate::Lang;
use crate::assess::batch::{Summary, SummaryRow, SummaryRows};
use crate::assess::score::fmt2;
use crate::assess::{Assessment, Condition, PlanStatus, Status, star_glyphs};
use crate::benchmark::{GapAnalysis, ValueOrigin};
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

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
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
    match lang {
        Zh => format!(
            "加权得分 {} + 加分 {} − 扣分 {}",
            fmt2(a.breakdown.weighted),
            fmt2(a.breakdown.bonus),
            fmt2(a.breakdown.deduction)
        ),
        En => format!(
            "weighted {} + bonus {} − deductions {}",
            fmt2(a.breakdown.weighted),
            fmt2(a.breakdown.bonus),
            fmt2(a.breakdown.deduction)
        ),
    }
}

fn review_model(a: &Assessment, lang: Lang) -> Option<ReviewModel> {
    let r = a.review.as_ref()?;
    let sec = crate::render::review::section(a, lang)?;
    let v = &r.verified;
    let signed = crate::render::rounds::signed;
    let mut compare = vec![
        vec![
            t(lang, "总分", "Total").to_string(),
            fmt2(a.score),
            fmt2(v.score),
            signed(r.score_change),
        ],
        vec![
            t(lang, "星级", "Stars").to_string(),
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
        reported: rating_box(a, t(lang, "自评", "Self-reported"), lang),
        verified: rating_box(v, t(lang, "核定", "Verified"), lang),
        headline: sec.headline,
        basis: match lang {
            Zh => format!(
                "以下结论依据核定值（{}）；自评值与核定值的差异见“核查结果”一节。",
                sec.source
            ),
            En => format!(
                "The conclusion below stands on the verified values ({}); the differences from the self-reported ones are in the section “Review”.",
                sec.source
            ),
        },
        source: sec.source,
        compare_header: vec![
            String::new(),
            t(lang, "自评", "Self-reported").to_string(),
            t(lang, "核定", "Verified").to_string(),
            t(lang, "变化", "Change").to_string(),
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
        "min-total" => t(lang, "总分下限", "minimum total"),
        "min-dimension" => t(lang, "维度下限", "area floor"),
        "mandatory-min-stars" => t(lang, "必选指标星级", "mandatory indicator's stars"),
        "min-stars" => t(lang, "指标星级", "indicator's stars"),
        "veto" => t(lang, "一票否决", "veto"),
        "max-missing" => t(lang, "缺失上限", "most missing"),
        _ => t(lang, "条件", "condition"),
    }
}

/// A condition of a star rule in a plain sentence.
pub fn condition_sentence(a: &Assessment, c: &Condition, lang: Lang) -> String {
    let subject = c.subject.as_deref().unwrap_or("");
    let req = format_number(c.required);
    match (c.kind, lang) {
        ("min-total", Zh) => format!(
            "总分需达到 {req} 分，现为 {}（差 {}）",
            fmt2(c.actual),
            fmt2(c.required - c.actual)
        ),
        ("min-total", En) => format!(
            "the total must reach {req}; it is {} ({} short)",
            fmt2(c.actual),
            fmt2(c.required - c.actual)
        ),
        ("min-dimension", Zh) => format!(
            "“{}”得分需达到 {req} 分，现为 {}",
            area_name(a, subject, lang),
            fmt2(c.actual)
        ),
        ("min-dimension", En) => format!(
            "“{}” must score at least {req}; it scores {}",
            area_name(a, subject, lang),
            fmt2(c.actual)
        ),
        ("mandatory-min-stars" | "min-stars", Zh) => format!(
            "{}{subject}“{}”需达到 {req}★，现为 {}★",
            if c.kind == "mandatory-min-stars" {
                "必选指标 "
            } else {
                "指标 "
            },
            indicator_name(a, subject, lang),
            format_number(c.actual)
        ),
        ("mandatory-min-stars" | "min-stars", En) => format!(
            "{}{subject} “{}” must reach {req}★; it is at {}★",
            if c.kind == "mandatory-min-stars" {
                "mandatory indicator "
            } else {
                "indicator "
            },
            indicator_name(a, subject, lang),
            format_number(c.actual)
        ),
        ("veto", Zh) => format!(
            "一票否决指标 {subject}“{}”不得为 0★",
            indicator_name(a, subject, lang)
        ),
        ("veto", En) => format!(
            "the veto indicator {subject} “{}” must not be at 0★",
            indicator_name(a, subject, lang)
        ),
        ("max-missing", Zh) => format!(
            "缺失的计分和必选指标最多 {req} 项，现有 {} 项",
            format_number(c.actual)
        ),
        ("max-missing", En) => format!(
            "at most {req} scored or mandatory indicators may be missing; {} are",
            format_number(c.actual)
        ),
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

fn list(items: &[String], lang: Lang) -> String {
    match lang {
        Zh => items.join("；"),
        En => items.join("; "),
    }
}

/// The rule that decided the rating, in one sentence.
fn decided_sentence(a: &Assessment, lang: Lang) -> String {
    let d = &a.rating.decided_by;
    let label = match a.tier.as_ref().map(|t| t.get(lang)) {
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
        parts.push(match lang {
            Zh => format!(
                "总分至少 {} 分（实得 {}）",
                format_number(c.required),
                fmt2(c.actual)
            ),
            En => format!(
                "a total of at least {} (it has {})",
                format_number(c.required),
                fmt2(c.actual)
            ),
        });
    }
    if let Some(low) = areas
        .iter()
        .min_by(|x, y| x.required.total_cmp(&y.required))
    {
        let same = areas.iter().all(|c| c.required == low.required);
        parts.push(match (lang, same) {
            (Zh, true) => format!("各计分维度至少 {} 分", format_number(low.required)),
            (Zh, false) => "各计分维度达到各自下限".to_string(),
            (En, true) => format!("every scored area at least {}", format_number(low.required)),
            (En, false) => "every scored area at its floor".to_string(),
        });
    }
    if let Some(m) = mandatory {
        parts.push(match lang {
            Zh => format!("必选指标均不低于 {}★", format_number(m)),
            En => format!(
                "every mandatory indicator at {}★ or better",
                format_number(m)
            ),
        });
    }
    if d.conditions.iter().any(|c| c.kind == "veto") {
        parts.push(t(lang, "无一票否决", "no veto failed").to_string());
    }
    if let Some(c) = d.conditions.iter().find(|c| c.kind == "max-missing") {
        parts.push(match lang {
            Zh => format!(
                "缺失的计分和必选指标不超过 {} 项",
                format_number(c.required)
            ),
            En => format!(
                "at most {} scored or mandatory indicators missing",
                format_number(c.required)
            ),
        });
    }
    if parts.is_empty() {
        return match lang {
            Zh => format!("{}评为{label}：{}。", a.name, d.words(lang)),
            En => format!("{} is rated {label}: {}.", a.name, d.words(lang)),
        };
    }
    match lang {
        Zh => format!(
            "{}评为{label}，总分 {}。{}★ 的评定规则全部满足：{}。",
            a.name,
            fmt2(a.score),
            d.stars,
            list(&parts, lang)
        ),
        En => format!(
            "{} is rated {label}, with a total of {}. It meets every condition of the {}★ rule: {}.",
            a.name,
            fmt2(a.score),
            d.stars,
            list(&parts, lang)
        ),
    }
}

/// What stands between the rating and the next star.
fn next_sentence(a: &Assessment, lang: Lang) -> String {
    let Some(next) = &a.rating.next else {
        return t(
            lang,
            "这已是本标准的最高星级。",
            "This is the highest level of the standard.",
        )
        .to_string();
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
            failing.push(match lang {
                Zh => format!(
                    "{} {} 项指标低于 {need}★（{}）",
                    if mandatory {
                        "必选"
                    } else {
                        "规则点名的"
                    },
                    of.len(),
                    codes.join("、")
                ),
                En => format!(
                    "{} {} indicators are below {need}★ ({})",
                    of.len(),
                    if mandatory { "mandatory" } else { "named" },
                    codes.join(", ")
                ),
            });
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
    let mut s = match lang {
        Zh => format!(
            "距 {}★（{}）还差 {} 项条件：{}。",
            next.stars,
            next.name.get(lang),
            next.failing.len(),
            list(&failing, lang)
        ),
        En => format!(
            "For {}★ ({}), {} condition(s) are not yet met: {}.",
            next.stars,
            next.name.get(lang),
            next.failing.len(),
            list(&failing, lang)
        ),
    };
    let p = &a.next_star;
    if matches!(p.status, PlanStatus::Found | PlanStatus::FoundCapped) {
        s.push_str(&match lang {
            Zh => format!(
                "按下文的晋星计划改进 {} 项指标后，总分可达 {}。",
                p.steps.len(),
                p.total_after.map(fmt2).unwrap_or_default()
            ),
            En => format!(
                " The plan below improves {} indicator(s) and brings the total to {}.",
                p.steps.len(),
                p.total_after.map(fmt2).unwrap_or_default()
            ),
        });
    } else if p.status == PlanStatus::Impossible {
        s.push_str(&match lang {
            Zh => format!(
                "无法仅靠改进现有指标达到：{}。",
                p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
            ),
            En => format!(
                " It cannot be reached by improving the indicators alone: {}.",
                p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
            ),
        });
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
        return Some(match lang {
            Zh => format!("各计分维度得分相同（{}）。", fmt2(hi.1)),
            En => format!("Every scored area scores the same ({}).", fmt2(hi.1)),
        });
    }
    Some(match lang {
        Zh => format!(
            "最强的维度是“{}”（{} 分），最弱的是“{}”（{} 分）。",
            hi.0.name.get(lang),
            fmt2(hi.1),
            lo.0.name.get(lang),
            fmt2(lo.1)
        ),
        En => format!(
            "The strongest area is “{}” ({}), the weakest “{}” ({}).",
            hi.0.name.get(lang),
            fmt2(hi.1),
            lo.0.name.get(lang),
            fmt2(lo.1)
        ),
    })
}

fn threshold_text(lang: Lang) -> String {
    let pct = format_number(MIN_BENCHMARK_COVERAGE * 100.0);
    match lang {
        Zh => format!("对标数据至少覆盖该维度 {pct}% 的计权指标"),
        En => format!("benchmark figures for at least {pct}% of the area's weighted indicators"),
    }
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
        Some((g, d, gap)) if gap > 0.0 => match lang {
            Zh => format!(
                "与{}相比，差距最大的是“{}”：在双方都有数据的 {}/{} 项指标上，本地 {} 分，{} {} 分（差 {}）。只比较{}的维度。",
                g.display_name(lang),
                lang.pick(&d.name_zh, &d.name_en),
                d.shared,
                d.weighted,
                d.own_score.map(fmt2).unwrap_or_default(),
                g.display_name(lang),
                d.benchmark_score.map(fmt2).unwrap_or_default(),
                fmt2(gap),
                threshold_text(lang)
            ),
            En => format!(
                "Against {}, the largest gap is in “{}”: over the {} of {} indicators both have figures for, {} here against {} ({} behind). Areas are compared only with {}.",
                g.display_name(lang),
                lang.pick(&d.name_zh, &d.name_en),
                d.shared,
                d.weighted,
                d.own_score.map(fmt2).unwrap_or_default(),
                d.benchmark_score.map(fmt2).unwrap_or_default(),
                fmt2(gap),
                threshold_text(lang)
            ),
        },
        Some(_) => match lang {
            Zh => format!(
                "在对标数据足够的维度（{}）上，不落后于{}。",
                threshold_text(lang),
                names.join("、")
            ),
            En => format!(
                "Where the figures cover enough of an area ({}), it is not behind {}.",
                threshold_text(lang),
                names.join(", ")
            ),
        },
        None => match lang {
            Zh => format!(
                "{}的公开数据覆盖面不足（每个维度都达不到{}），不宜按维度比较；逐项差距见“对标差距”一节。",
                names.join("、"),
                threshold_text(lang)
            ),
            En => format!(
                "The published figures of {} cover too little of any area to compare areas (none has {}); the indicator gaps are listed under “Gaps to benchmarks”.",
                names.join(", "),
                threshold_text(lang)
            ),
        },
    })
}

fn data_sentence(a: &Assessment, lang: Lang) -> String {
    let (e, w, _) = a.diagnostic_counts();
    if a.complete && e == 0 && w == 0 {
        return t(
            lang,
            "填报数据完整，未发现影响评级的数据问题。",
            "The data are complete; no data problem affects the rating.",
        )
        .to_string();
    }
    if a.complete {
        return match lang {
            Zh => format!("数据完整；填报表中有 {w} 处需要核实的警告，不影响评级计算。"),
            En => format!(
                "The data are complete; the workbook has {w} warning(s) to check, which do not change the scoring."
            ),
        };
    }
    match lang {
        Zh => format!(
            "评级基于不完整的数据：{} 项指标缺失或无效，填报表中有 {e} 处错误、{w} 处警告。补齐数据可能改变评级，详见“数据问题”一节。",
            a.missing
        ),
        En => format!(
            "The rating stands on incomplete data: {} indicator(s) are missing or invalid, and the workbook has {e} error(s) and {w} warning(s). Completing the data may change the rating; see “Data problems”.",
            a.missing
        ),
    }
}

fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Scored => t(lang, "计分", "scored"),
        Role::Mandatory => t(lang, "必选", "mandatory"),
        Role::Bonus => t(lang, "加分项", "bonus"),
        Role::Deduction => t(lang, "扣分项", "deduction"),
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
                                text: match lang {
                                    Zh => format!(
                                        "{}（本地 {}，{}/{} 项）",
                                        fmt2(b),
                                        x.own_score.map(fmt2).unwrap_or_default(),
                                        x.shared,
                                        x.weighted
                                    ),
                                    En => format!(
                                        "{} (own {}, {} of {})",
                                        fmt2(b),
                                        x.own_score.map(fmt2).unwrap_or_default(),
                                        x.shared,
                                        x.weighted
                                    ),
                                },
                            },
                            _ => BenchmarkCell {
                                drawn: None,
                                text: match lang {
                                    Zh => format!("数据不足（{}/{} 项）", x.shared, x.weighted),
                                    En => {
                                        format!("too few figures ({} of {})", x.shared, x.weighted)
                                    }
                                },
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
        notes.push(match lang {
            Zh => format!(
                "对标得分只计双方都有数据的计权指标（权重在其中重新归一），括号内为本地在同一组指标上的得分和覆盖的指标数。只有{}时才显示和绘制（本工具的暂定选择）。",
                threshold_text(lang)
            ),
            En => format!(
                "A benchmark's area score counts only the weighted indicators both sides have figures for (weights renormalised over them); in brackets, the own score over the same indicators and how many they are. It is shown and drawn only with {} (our provisional choice).",
                threshold_text(lang)
            ),
        });
    }
    let floor_head = floors
        .as_ref()
        .and(a.rating.next.as_ref())
        .map(|n| match lang {
            Zh => format!("{}★ 下限", n.stars),
            En => format!("{}★ floor", n.stars),
        });
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
        PlanStatus::Found if p.verified => Some(
            t(
                lang,
                "计划已按改进后的数值重新评定核实。完成顺序不限；每项的“增分”是单独完成该项时总分的增加。",
                "The plan was checked by rating the improved values again. The tasks can be done in any order; each task's points are what it adds to the total on its own.",
            )
            .to_string(),
        ),
        PlanStatus::FoundCapped => Some(
            t(
                lang,
                "搜索达到上限，这一计划可达下一星级，但不一定是最少的改进。",
                "The search reached its limit: this plan reaches the next star but may not be the smallest.",
            )
            .to_string(),
        ),
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
                notes.insert(
                    0,
                    t(
                        lang,
                        "没有可比的对标数据。",
                        "No comparable benchmark figure.",
                    )
                    .to_string(),
                );
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
                        (Status::Missing, ..) => t(lang, "缺失", "missing").to_string(),
                        (Status::Invalid, ..) => t(lang, "无效", "invalid").to_string(),
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

fn problems(a: &Assessment, lang: Lang) -> Vec<Problem> {
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
            raw: d.raw.clone().unwrap_or_default(),
            message: d.message.get(lang).to_string(),
            hint: d.hint.get(lang).to_string(),
            code: d.code.to_string(),
        })
        .collect()
}

/// The report's title line: "智慧城市星级评估报告".
pub fn report_title(lang: Lang) -> &'static str {
    t(
        lang,
        "新型智慧城市星级评估报告",
        "Smart-city star assessment report",
    )
}

/// The footer every page carries.
pub fn footer(lang: Lang) -> String {
    t(
        lang,
        "由 citystar 生成。用浏览器的“打印 → 另存为 PDF”即得 PDF 版本（A4 纵向）。",
        "Made by citystar. A browser's “Print → Save as PDF” gives the PDF (A4 portrait).",
    )
    .to_string()
}

/// Build the model of one entity's report.
pub fn entity(a: &Assessment, cx: &super::Context, written: Written) -> EntityReport {
    let lang = cx.lang;
    let mut facts = vec![
        fact(t(lang, "评估对象", "Entity"), a.name.clone()),
        fact(t(lang, "层级", "Level"), level_name(lang, a)),
        fact(
            t(lang, "评估标准", "Standard"),
            format!("{} {}", a.standard.code, a.standard.edition(lang)),
        ),
        fact(
            t(lang, "数据年度", "Data year"),
            a.year.map_or("—".into(), |y| y.to_string()),
        ),
        fact(t(lang, "评估日期", "Date of assessment"), written.date()),
    ];
    if !a.parent.is_empty() {
        facts.insert(2, fact(t(lang, "所属地市", "City"), a.parent.clone()));
    }
    if !a.division_code.is_empty() {
        facts.insert(
            2,
            fact(
                t(lang, "行政区划代码", "Division code"),
                a.division_code.clone(),
            ),
        );
    }
    // Where a review was applied, the conclusion is on the verified rating.
    let rated = a.review.as_ref().map_or(a, |r| &r.verified);
    let mut conclusion = vec![decided_sentence(rated, lang), next_sentence(rated, lang)];
    conclusion.extend(strongest_weakest(rated, lang));
    conclusion.extend(benchmark_sentence(rated, lang));
    conclusion.push(data_sentence(a, lang));

    let (e, w, i) = a.diagnostic_counts();
    let problem_summary = if a.diagnostics.is_empty() {
        t(lang, "没有发现数据问题。", "No data problems were found.").to_string()
    } else {
        match lang {
            Zh => format!("错误 {e} 处、警告 {w} 处、提示 {i} 处，每条注明所在单元格。"),
            En => format!("{e} error(s), {w} warning(s), {i} note(s), each at its cell."),
        }
    };

    let mut notices = Vec::new();
    if a.standard.provisional_entries > 0 {
        notices.push(match lang {
            Zh => format!(
                "本报告所用的是 {}（{}）。DB37/T 3890 正式发布的指标表、权重和评定规则尚未取得，其中 {} 项（共 {} 项）阈值或权重为依据公开资料拟定的暂定值，评级仅供自查参考，以正式标准为准。",
                a.standard.code,
                a.standard.edition(lang),
                a.standard.provisional_entries,
                a.standard.entries
            ),
            En => format!(
                "This report uses {} ({}). The published DB37/T 3890 indicator tables, weights and rating rules are not available to us: {} of its {} entries are provisional values rebuilt from public sources. The rating is a self-check, not the official result.",
                a.standard.code,
                a.standard.edition(lang),
                a.standard.provisional_entries,
                a.standard.entries
            ),
        });
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
            (false, false) => t(
                lang,
                "指标星级：取数值满足的最高一级星级要求（按指标方向），缺失为 0★；指标得分 = 星级 ÷ 5 × 100，缺失记 0 分。",
                "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction; 0★ when missing. Indicator score = stars ÷ 5 × 100; a missing one scores 0.",
            ),
            (false, true) => t(
                lang,
                "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分 = 星级 ÷ 5 × 100；缺失的指标不计入，维度内权重在其余指标间重新归一。",
                "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = stars ÷ 5 × 100; a missing one is left out and the area's weights renormalised over the rest.",
            ),
            (true, false) => t(
                lang,
                "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分为数值在下限与 5★ 要求之间的线性位置（0–100），缺失记 0 分。",
                "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = the value's linear position between its floor and the 5★ requirement (0–100); a missing one scores 0.",
            ),
            (true, true) => t(
                lang,
                "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分为数值在下限与 5★ 要求之间的线性位置（0–100）；缺失的指标不计入，维度内权重在其余指标间重新归一。",
                "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = the value's linear position between its floor and the 5★ requirement (0–100); a missing one is left out and the area's weights renormalised over the rest.",
            ),
        }
        .to_string(),
        match lang {
            Zh => format!(
                "维度得分为其指标得分的加权平均；总分 = 各维度加权得分之和 + 加分（上限 {}）− 扣分（上限 {}），限于 0–100，保留两位小数。",
                format_number(a.breakdown.bonus_cap),
                format_number(a.breakdown.deduction_cap)
            ),
            En => format!(
                "An area's score is the weighted mean of its indicators' scores; total = the weighted area scores + bonus (at most {}) − deductions (at most {}), within 0–100, two decimals.",
                format_number(a.breakdown.bonus_cap),
                format_number(a.breakdown.deduction_cap)
            ),
        },
        t(
            lang,
            "星级为其评定规则成立的最高一级；晋星计划是使下一星级规则成立的最少改进，并经重新评定核实。",
            "The rating is the highest level whose rule holds; the next-star plan is the fewest improvements that make the next level's rule hold, checked by rating again.",
        )
        .to_string(),
    ];
    let mut provenance = vec![
        fact(
            t(lang, "程序版本", "Program"),
            concat!("citystar ", env!("CARGO_PKG_VERSION")),
        ),
        fact(
            t(lang, "标准", "Standard"),
            format!(
                "{} · {} · {}",
                a.standard.code,
                a.standard.id,
                a.standard.edition(lang)
            ),
        ),
        fact(
            t(lang, "标准文件 SHA-256", "Standard file SHA-256"),
            a.standard.sha256.clone().unwrap_or_else(|| "—".into()),
        ),
        fact(t(lang, "填报文件", "Submission file"), a.file.clone()),
        fact(
            t(lang, "填报文件 SHA-256", "Submission SHA-256"),
            a.sha256.clone(),
        ),
        fact(
            t(lang, "生成时间", "Written"),
            format!(
                "{} ({})",
                written.time(),
                if written.from_env {
                    t(lang, "取自 SOURCE_DATE_EPOCH", "from SOURCE_DATE_EPOCH")
                } else {
                    t(lang, "生成时刻", "time of writing")
                }
            ),
        ),
    ];
    for b in &cx.benchmarks {
        provenance.push(fact(
            t(lang, "对标数据", "Benchmark"),
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
            t(lang, "核查工作簿", "Review workbook"),
            if r.reviewers.is_empty() {
                r.file.clone()
            } else {
                format!("{} · {}", r.file, r.reviewers.join(", "))
            },
        ));
        provenance.push(fact(
            t(lang, "核查工作簿 SHA-256", "Review workbook SHA-256"),
            r.sha256.clone(),
        ));
    }
    provenance.push(fact(
        t(lang, "评级稳定性", "Rating stability"),
        match &a.stability {
            Some(s) => match lang {
                Zh => format!(
                    "{} 次权重扰动中 {} 保持 {}★；总分 5%–95% 区间 {}–{}；随机种子 {}。{}",
                    s.draws,
                    crate::render::pct(s.same_stars),
                    a.stars,
                    fmt2(s.total_p5),
                    fmt2(s.total_p95),
                    s.seed,
                    format_args!(
                        "方法：每个权重乘以 U({}, {}) 均匀分布的随机因子，再在其上级内重新归一（SplitMix64 随机数）。",
                        format_number(1.0 - crate::assess::stability::SPREAD),
                        format_number(1.0 + crate::assess::stability::SPREAD)
                    )
                ),
                En => format!(
                    "{} of {} weight perturbations keep {}★; total 5–95%: {}–{}; seed {}. Method: {}.",
                    crate::render::pct(s.same_stars),
                    s.draws,
                    a.stars,
                    fmt2(s.total_p5),
                    fmt2(s.total_p95),
                    s.seed,
                    s.method
                ),
            },
            None => t(lang, "未计算", "not computed").to_string(),
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

/// One entity in the batch summary.
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

#[derive(Debug, Clone, PartialEq)]
pub struct RankingTable {
    pub title: String,
    pub rows: Vec<RankEntry>,
}

/// Entities of one 所属地市.
#[derive(Debug, Clone, PartialEq)]
pub struct CityGroup {
    pub city: String,
    pub rows: Vec<RankEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryReport {
    pub lang: Lang,
    pub title: String,
    pub facts: Vec<Fact>,
    pub rankings: Vec<RankingTable>,
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
pub fn summary(
    r: &SummaryRows,
    s: &Summary,
    cx: &super::Context,
    written: Written,
    link: &dyn Fn(&str) -> Option<String>,
) -> SummaryReport {
    let lang = cx.lang;
    let level_name = |lang, a: &SummaryRow| capitalised(&super::entity::level_name(lang, a.level));
    // By file, so a country-sized batch is not searched once per row.
    let index: std::collections::HashMap<&str, &SummaryRow> =
        r.rows.iter().map(|a| (a.file.as_str(), a)).collect();
    let by_file = |file: &str| index.get(file).copied();
    let entry = |row: &crate::assess::batch::RankRow| {
        let a = by_file(&row.file);
        RankEntry {
            rank: row.rank.to_string(),
            name: row.name.clone(),
            level: a.map_or("—".into(), |a| level_name(lang, a)),
            parent: a.map(|a| a.parent.clone()).unwrap_or_default(),
            total: fmt2(row.score),
            glyphs: star_glyphs(row.stars),
            stars: row.stars,
            link: link(&row.file),
        }
    };
    let mut rankings: Vec<(String, RankingTable)> = crate::render::ranking_groups(s)
        .into_iter()
        .map(|(id, rows)| {
            let first = rows.first().and_then(|row| by_file(&row.file));
            let code = first.map_or(id.to_string(), |a| a.standard.code.clone());
            let title = first
                .map(|a| {
                    format!(
                        "{} · {} {}",
                        level_name(lang, a),
                        a.standard.code,
                        a.standard.edition(lang)
                    )
                })
                .unwrap_or_else(|| id.to_string());
            (
                code,
                RankingTable {
                    title,
                    rows: rows.into_iter().map(entry).collect(),
                },
            )
        })
        .collect();
    // In the standard's order: part 1 (cities), 2 (counties), 3 (communities).
    rankings.sort_by(|x, y| x.0.cmp(&y.0));
    let rankings = rankings.into_iter().map(|(_, r)| r).collect();
    let mut cities: Vec<CityGroup> = Vec::new();
    for row in &s.ranking {
        let e = entry(row);
        if e.parent.is_empty() {
            continue;
        }
        match cities.iter_mut().find(|c| c.city == e.parent) {
            Some(c) => c.rows.push(e),
            None => cities.push(CityGroup {
                city: e.parent.clone(),
                rows: vec![e],
            }),
        }
    }
    cities.sort_by(|x, y| x.city.cmp(&y.city));
    let mut notes: Vec<String> = crate::render::duplicate_lines(s, lang)
        .into_iter()
        .map(|l| l.trim_start_matches("! ").to_string())
        .collect();
    for u in &s.unreadable {
        notes.push(format!("{}: {}", u.file, u.message));
    }
    notes.extend(crate::render::review::summary_lines(s, lang));
    if let Some(a) = r.rows.first()
        && a.standard.provisional_entries > 0
    {
        notes.push(
            t(
                lang,
                "所用标准为依据公开资料重建的工作版，其阈值和权重为暂定值；评级仅供自查参考，以正式标准为准。",
                "The standard used is a working edition rebuilt from public sources; its thresholds and weights are provisional. The ratings are a self-check, not the official result.",
            )
            .to_string(),
        );
    }
    SummaryReport {
        lang,
        title: t(lang, "星级评估汇总", "Star assessment summary").to_string(),
        facts: vec![
            fact(
                t(lang, "评估对象", "Entities"),
                match lang {
                    Zh => format!("{} 个（共 {} 个文件）", s.assessed, s.files),
                    En => format!("{} of {} files", s.assessed, s.files),
                },
            ),
            fact(t(lang, "评估日期", "Date of assessment"), written.date()),
            fact(
                t(lang, "程序版本", "Program"),
                concat!("citystar ", env!("CARGO_PKG_VERSION")),
            ),
        ],
        rankings,
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
