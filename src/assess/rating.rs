//! The rating: the highest star level whose rule holds, the rule that decided
//! it, and every condition of the next level that fails, in plain words.

use super::score::{Model, Scored, fmt_num, fmt2};
use crate::Lang;
use crate::diag::Text;
use crate::standard::{DimensionRole, Role, StarRule};
use serde::Serialize;

/// One condition of a star rule, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    /// `min-total`, `min-dimension`, `mandatory-min-stars`, `min-stars`, `veto`, `max-missing`.
    pub kind: &'static str,
    /// The dimension or indicator code, where the condition is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub actual: f64,
    pub required: f64,
    pub holds: bool,
    /// "total 78.40 < 80", "mandatory A01 at 2★ < 3★".
    pub text: String,
}

/// The rule that decided the rating.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decided {
    pub stars: u8,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    pub text: String,
    pub conditions: Vec<Condition>,
}

/// The next level up and what stands in its way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Next {
    pub stars: u8,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: Text,
    pub failing: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    pub stars: u8,
    #[serde(serialize_with = "crate::locale::words_opt")]
    pub tier: Option<Text>,
    pub decided_by: Decided,
    /// `None` at the standard's highest level.
    pub next: Option<Next>,
}

/// Check every condition of `rule` against a scored set of values.
pub fn check(model: &Model, rule: &StarRule, s: &Scored, lang: Lang) -> Vec<Condition> {
    let std = model.standard;
    let mut out = Vec::new();
    let cmp = |holds: bool, ge: bool| match (holds, ge) {
        (true, true) => "≥",
        (false, true) => "<",
        (true, false) => "≤",
        (false, false) => ">",
    };
    let holds = s.total >= rule.min_total;
    out.push(Condition {
        kind: "min-total",
        subject: None,
        actual: s.total,
        required: rule.min_total,
        holds,
        text: format!(
            "{} {} {} {}",
            lang.pick("总分", "total"),
            fmt2(s.total),
            cmp(holds, true),
            fmt_num(rule.min_total)
        ),
    });
    for (k, dim) in std.dimension.iter().enumerate() {
        if dim.role != DimensionRole::Scored {
            continue;
        }
        let Some(min) = rule
            .min_dimension_for
            .get(&dim.code)
            .copied()
            .or(rule.min_dimension)
        else {
            continue;
        };
        let ds = super::round2(s.dim_scores[k].unwrap_or(0.0));
        let holds = ds >= min;
        out.push(Condition {
            kind: "min-dimension",
            subject: Some(dim.code.clone()),
            actual: ds,
            required: min,
            holds,
            text: format!(
                "{} {} {} {} {} {}",
                lang.pick("维度", "dimension"),
                dim.code,
                dim.name(lang),
                fmt2(ds),
                cmp(holds, true),
                fmt_num(min)
            ),
        });
    }
    let star_cond = |kind: &'static str, i: usize, need: u8, label: &str| {
        let code = &std.indicator[i].code;
        let have = s.stars[i];
        let holds = have >= need;
        Condition {
            kind,
            subject: Some(code.clone()),
            actual: f64::from(have),
            required: f64::from(need),
            holds,
            text: match lang {
                Lang::Zh => format!(
                    "{label}{code} 为 {have}★ {} {need}★",
                    if holds { "≥" } else { "<" }
                ),
                Lang::En => format!(
                    "{label}{code} at {have}★ {} {need}★",
                    if holds { "≥" } else { "<" }
                ),
            },
        }
    };
    if let Some(need) = rule.mandatory_min_stars {
        for (i, ind) in std.indicator.iter().enumerate() {
            if ind.role == Role::Mandatory {
                out.push(star_cond(
                    "mandatory-min-stars",
                    i,
                    need,
                    lang.pick("必选指标 ", "mandatory "),
                ));
            }
        }
    }
    for (code, &need) in &rule.min_stars {
        if let Some(i) = std.indicator.iter().position(|x| &x.code == code) {
            out.push(star_cond("min-stars", i, need, ""));
        }
    }
    for code in &rule.veto {
        if let Some(i) = std.indicator.iter().position(|x| &x.code == code) {
            let have = s.stars[i];
            let holds = have > 0;
            out.push(Condition {
                kind: "veto",
                subject: Some(code.clone()),
                actual: f64::from(have),
                required: 1.0,
                holds,
                text: match (lang, holds) {
                    (Lang::Zh, true) => format!("一票否决指标 {code} 为 {have}★，未否决"),
                    (Lang::Zh, false) => format!("一票否决指标 {code} 为 0★"),
                    (Lang::En, true) => format!("veto {code} at {have}★, not failed"),
                    (Lang::En, false) => format!("veto {code} at 0★"),
                },
            });
        }
    }
    if let Some(max) = rule.max_missing {
        let have = s.missing_weighted;
        let holds = have <= max;
        out.push(Condition {
            kind: "max-missing",
            subject: None,
            actual: f64::from(have),
            required: f64::from(max),
            holds,
            text: match lang {
                Lang::Zh => format!(
                    "缺失的计分和必选指标 {have} 个 {} 允许 {max} 个",
                    cmp(holds, false)
                ),
                Lang::En => format!(
                    "{have} scored or mandatory indicator(s) missing {} {max} allowed",
                    cmp(holds, false)
                ),
            },
        });
    }
    out
}

/// Whether `rule` holds (the fast path used by the plan search and stability).
/// Kept in step with [`check`] (a test compares them), without building any text.
pub fn holds(model: &Model, rule: &StarRule, s: &Scored) -> bool {
    let std = model.standard;
    if s.total < rule.min_total {
        return false;
    }
    for (k, dim) in std.dimension.iter().enumerate() {
        if dim.role != DimensionRole::Scored {
            continue;
        }
        if let Some(min) = rule
            .min_dimension_for
            .get(&dim.code)
            .copied()
            .or(rule.min_dimension)
            && super::round2(s.dim_scores[k].unwrap_or(0.0)) < min
        {
            return false;
        }
    }
    if let Some(need) = rule.mandatory_min_stars
        && std
            .indicator
            .iter()
            .zip(&s.stars)
            .any(|(i, &st)| i.role == Role::Mandatory && st < need)
    {
        return false;
    }
    let star = |code: &str| {
        std.indicator
            .iter()
            .position(|x| x.code == code)
            .map(|i| s.stars[i])
    };
    if rule
        .min_stars
        .iter()
        .any(|(c, &need)| star(c).is_some_and(|st| st < need))
    {
        return false;
    }
    if rule.veto.iter().any(|c| star(c) == Some(0)) {
        return false;
    }
    rule.max_missing.is_none_or(|m| s.missing_weighted <= m)
}

/// The highest star level whose rule holds; 0 if none.
pub fn stars_of(model: &Model, s: &Scored) -> u8 {
    model
        .standard
        .rules_desc()
        .find(|r| holds(model, r, s))
        .map_or(0, |r| r.stars)
}

/// The lowest rule above `stars`, if any.
pub fn next_rule<'a>(model: &Model<'a>, stars: u8) -> Option<&'a StarRule> {
    model
        .standard
        .rating
        .iter()
        .filter(|r| r.stars > stars)
        .min_by_key(|r| r.stars)
}

/// Rate a scored set of values, with reasons.
pub fn rate(model: &Model, s: &Scored, lang: Lang) -> Rating {
    let std = model.standard;
    let stars = stars_of(model, s);
    let name = super::stars_label(std, stars);
    let (tier, decided_by) = match std.rule(stars) {
        Some(rule) => {
            let conditions = check(model, rule, s, lang);
            let tier = rule
                .tier
                .iter()
                .rev()
                .find(|t| {
                    s.total >= t.min_total
                        && t.min_dimension.is_none_or(|m| {
                            s.dim_scores
                                .iter()
                                .flatten()
                                .all(|&d| super::round2(d) >= m)
                        })
                })
                .map(|t| Text::new(&t.name_zh, &t.name_en));
            let text = match lang {
                Lang::Zh => format!(
                    "{}（{}★）的规则成立：{}",
                    name.zh,
                    stars,
                    conditions
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("；")
                ),
                Lang::En => format!(
                    "the {}★ rule ({}) holds: {}",
                    stars,
                    name.en,
                    conditions
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            (
                tier,
                Decided {
                    stars,
                    name: name.clone(),
                    text,
                    conditions,
                },
            )
        }
        None => (
            None,
            Decided {
                stars: 0,
                name: name.clone(),
                text: lang
                    .pick("没有任何星级规则成立", "no star rule holds")
                    .to_string(),
                conditions: Vec::new(),
            },
        ),
    };
    let next = next_rule(model, stars).map(|r| Next {
        stars: r.stars,
        name: super::stars_label(std, r.stars),
        failing: check(model, r, s, lang)
            .into_iter()
            .filter(|c| !c.holds)
            .collect(),
    });
    Rating {
        stars,
        tier,
        decided_by,
        next,
    }
}
