//! The review section, built once for the terminal and Markdown layouts (the
//! xlsx report builds its sheet from the same rows): both ratings in one
//! line, every change with its effect, and the plan on the verified values.

use crate::Lang;
use crate::assess::score::fmt2;
use crate::assess::{Assessment, PlanStatus, star_glyphs};
use crate::catalogue::common;
use crate::catalogue::terminal as m;
use crate::locale::Words;

/// The rows of the review section of one entity.
pub struct Section {
    /// The review workbook and who reviewed.
    pub source: String,
    /// "自评 … → 核定 …".
    pub headline: String,
    pub header: [&'static str; 5],
    pub changes: Vec<[String; 5]>,
    /// "核定值下的升星方案 → 4★：2 项改进，总分 76.00", when there is a plan.
    pub plan_line: Option<String>,
    pub plan_header: [&'static str; 5],
    pub plan: Vec<[String; 5]>,
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{}", fmt2(x))
    } else if x < 0.0 {
        format!("−{}", fmt2(-x))
    } else {
        fmt2(0.0)
    }
}

/// The verified rating as one line, for beside the self-reported one.
pub fn verified_line(a: &Assessment, lang: Lang, ascii: bool) -> Option<String> {
    let r = a.review.as_ref()?;
    let v = &r.verified;
    let glyphs = if ascii {
        format!("{}/5", v.stars)
    } else {
        star_glyphs(v.stars)
    };
    let tier = v
        .tier
        .as_ref()
        .map(|t| t.get(lang))
        .map(|x| format!(" · {x}"))
        .unwrap_or_default();
    Some(format!(
        "{}  {} {}{}   {} {} / 100 ({})",
        m::VERIFIED.get(lang),
        glyphs,
        v.stars_label.get(lang),
        tier,
        m::TOTAL.get(lang),
        fmt2(v.score),
        signed(r.score_change)
    ))
}

pub fn section(a: &Assessment, lang: Lang) -> Option<Section> {
    let r = a.review.as_ref()?;
    let v = &r.verified;
    let headline = side_by_side(a, lang).unwrap_or_default();
    let source = if r.reviewers.is_empty() {
        m::REVIEW_SOURCE.fill(lang, &[&r.file])
    } else {
        let reviewers = r.reviewers.join(common::NAME_SEPARATOR.get(lang));
        m::REVIEW_SOURCE_BY.fill(lang, &[&r.file, &reviewers])
    };
    let changes = r
        .changes
        .iter()
        .map(|c| {
            let what = if c.evidence_rejected {
                m::EVIDENCE_REJECTED.get(lang).to_string()
            } else {
                c.items
                    .iter()
                    .map(|i| format!("{} {} → {}", i.code, i.reported, i.verified))
                    .collect::<Vec<_>>()
                    .join(crate::catalogue::common::LIST_SEPARATOR.get(lang))
            };
            let alone = m::EFFECT_ALONE.fill(lang, &[&signed(c.effect), &c.stars_alone]);
            [
                format!("{} {}", c.indicator, c.name.get(lang)),
                what,
                format!("{}★→{}★", c.stars_reported, c.stars_verified),
                alone,
                if c.finding.is_empty() {
                    "—".into()
                } else {
                    c.finding.clone()
                },
            ]
        })
        .collect();
    let p = &v.next_star;
    let (plan_line, plan) = match p.status {
        PlanStatus::Top => (None, Vec::new()),
        PlanStatus::Impossible => (
            Some(format!(
                "{}{}",
                crate::render::colon(lang, m::PLAN_ON_VERIFIED),
                p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
            )),
            Vec::new(),
        ),
        PlanStatus::Found | PlanStatus::FoundCapped => (
            Some(m::PLAN_ON_VERIFIED_LINE.fill(
                lang,
                &[
                    &p.target_stars.unwrap_or(0),
                    &super::n_changes(p.steps.len(), lang),
                    &p.total_after.map(fmt2).unwrap_or_default(),
                ],
            )),
            p.steps
                .iter()
                .map(|s| {
                    [
                        format!("{} {}", s.code, s.name.get(lang)),
                        s.from_text.words(lang),
                        s.target_text(lang),
                        format!("{}★→{}★", s.stars_from, s.stars_to),
                        format!("+{}", fmt2(s.points_gained)),
                    ]
                })
                .collect(),
        ),
    };
    Some(Section {
        source,
        headline,
        header: [
            m::INDICATOR.get(lang),
            m::REPORTED_TO_VERIFIED.get(lang),
            m::STARS.get(lang),
            m::ON_THE_TOTAL.get(lang),
            m::FINDING.get(lang),
        ],
        changes,
        plan_line,
        plan_header: [
            m::INDICATOR.get(lang),
            m::FROM.get(lang),
            m::TO.get(lang),
            m::STARS.get(lang),
            m::POINTS_GAINED.get(lang),
        ],
        plan,
    })
}

/// The note on effects, said once under the changes.
pub fn effects_note(lang: Lang) -> &'static str {
    m::EFFECTS_NOTE.get(lang)
}

/// The batch summary's word on reviews: the ranking uses verified ratings
/// where a review was applied; the entities without one are named.
pub fn summary_lines(s: &crate::assess::batch::Summary, lang: Lang) -> Vec<String> {
    let Some(r) = &s.review else {
        return Vec::new();
    };
    let mut out = vec![m::RANKED_ON_VERIFIED.fill(lang, &[&r.reviewed.len(), &r.unreviewed.len()])];
    if !r.unreviewed.is_empty() {
        out.push(format!(
            "{}{}",
            crate::render::colon(lang, m::NOT_REVIEWED),
            r.unreviewed
                .join(crate::catalogue::common::NAME_SEPARATOR.get(lang))
        ));
    }
    out
}

/// "自评 3★ 62.40 → 核定 2★ 55.10" in `lang`: the two ratings in one line.
pub fn side_by_side(a: &Assessment, lang: Lang) -> Option<String> {
    let r = a.review.as_ref()?;
    let v = &r.verified;
    Some(m::SIDE_BY_SIDE.fill(
        lang,
        &[
            &star_glyphs(a.stars),
            &fmt2(a.score),
            &a.stars_label.get(lang),
            &star_glyphs(v.stars),
            &fmt2(v.score),
            &v.stars_label.get(lang),
            &r.changes.len(),
        ],
    ))
}
