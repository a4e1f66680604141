//! The review section, built once for the terminal and Markdown layouts (the
//! xlsx report builds its sheet from the same rows): both ratings in one
//! line, every change with its effect, and the plan on the verified values.

use super::t;
use crate::Lang;
use crate::assess::score::fmt2;
use crate::assess::{Assessment, PlanStatus, star_glyphs};
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
        t(lang, "核定", "Verified"),
        glyphs,
        v.stars_label.get(lang),
        tier,
        t(lang, "总分", "Total"),
        fmt2(v.score),
        signed(r.score_change)
    ))
}

pub fn section(a: &Assessment, lang: Lang) -> Option<Section> {
    let r = a.review.as_ref()?;
    let v = &r.verified;
    let headline = side_by_side(a, lang).unwrap_or_default();
    let source = match (lang, r.reviewers.is_empty()) {
        (Lang::Zh, true) => format!("核查工作簿 {}", r.file),
        (Lang::Zh, false) => format!("核查工作簿 {}，核查人 {}", r.file, r.reviewers.join("、")),
        (Lang::En, true) => format!("review {}", r.file),
        (Lang::En, false) => format!("review {}, by {}", r.file, r.reviewers.join(", ")),
    };
    let changes = r
        .changes
        .iter()
        .map(|c| {
            let what = if c.evidence_rejected {
                t(
                    lang,
                    "佐证未采信，按缺失计",
                    "evidence not accepted: missing",
                )
                .to_string()
            } else {
                c.items
                    .iter()
                    .map(|i| format!("{} {} → {}", i.code, i.reported, i.verified))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let alone = match lang {
                Lang::Zh => format!("{}（仅此项：{}★）", signed(c.effect), c.stars_alone),
                Lang::En => format!("{} (alone: {}★)", signed(c.effect), c.stars_alone),
            };
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
                "{}: {}",
                t(lang, "核定值下的升星方案", "Plan on the verified values"),
                p.reason.as_ref().map(|r| r.words(lang)).unwrap_or_default()
            )),
            Vec::new(),
        ),
        PlanStatus::Found | PlanStatus::FoundCapped => (
            Some(format!(
                "{} → {}★: {} → {} {}",
                t(lang, "核定值下的升星方案", "Plan on the verified values"),
                p.target_stars.unwrap_or(0),
                match lang {
                    Lang::Zh => format!("{} 项改进", p.steps.len()),
                    Lang::En => super::plural(p.steps.len(), "change", "changes"),
                },
                t(lang, "总分", "total"),
                p.total_after.map(fmt2).unwrap_or_default()
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
            t(lang, "指标", "Indicator"),
            t(lang, "自评 → 核定", "Reported → verified"),
            t(lang, "星级", "Stars"),
            t(lang, "对总分", "On the total"),
            t(lang, "核查意见", "Finding"),
        ],
        changes,
        plan_line,
        plan_header: [
            t(lang, "指标", "Indicator"),
            t(lang, "现值", "From"),
            t(lang, "目标", "To"),
            t(lang, "星级", "Stars"),
            t(lang, "增分", "Points gained"),
        ],
        plan,
    })
}

/// The note on effects, said once under the changes.
pub fn effects_note(lang: Lang) -> &'static str {
    t(
        lang,
        "“仅此项”是只做这一项改动时的总分变化和星级；各项之和可能不等于总变化（权重重新归一、加分封顶）。",
        "\"alone\" is the change of the total, and the stars, had this been the only change; they need not add up to the whole change (weights renormalise, caps bind).",
    )
}

/// The batch summary's word on reviews: the ranking uses verified ratings
/// where a review was applied; the entities without one are named.
pub fn summary_lines(s: &crate::assess::batch::Summary, lang: Lang) -> Vec<String> {
    let Some(r) = &s.review else {
        return Vec::new();
    };
    let mut out = vec![match lang {
        Lang::Zh => format!(
            "排名按核定结果：{} 个主体已核查，{} 个没有核查工作簿（按自评结果）",
            r.reviewed.len(),
            r.unreviewed.len()
        ),
        Lang::En => format!(
            "ranked on verified ratings: {} entities reviewed, {} without a review (ranked on self-reported ones)",
            r.reviewed.len(),
            r.unreviewed.len()
        ),
    }];
    if !r.unreviewed.is_empty() {
        out.push(format!(
            "{}: {}",
            t(lang, "未核查", "not reviewed"),
            r.unreviewed.join(", ")
        ));
    }
    out
}

/// "自评 3★ 62.40 → 核定 2★ 55.10" in `lang`: the two ratings in one line.
pub fn side_by_side(a: &Assessment, lang: Lang) -> Option<String> {
    let r = a.review.as_ref()?;
    let v = &r.verified;
    Some(match lang {
        Lang::Zh => format!(
            "自评 {} {}（{}）→ 核定 {} {}（{}），{} 处改动",
            star_glyphs(a.stars),
            fmt2(a.score),
            a.stars_label.zh,
            star_glyphs(v.stars),
            fmt2(v.score),
            v.stars_label.zh,
            r.changes.len()
        ),
        Lang::En => format!(
            "self-reported {} {} ({}) → verified {} {} ({}), {} change(s)",
            star_glyphs(a.stars),
            fmt2(a.score),
            a.stars_label.en,
            star_glyphs(v.stars),
            fmt2(v.score),
            v.stars_label.en,
            r.changes.len()
        ),
    })
}
