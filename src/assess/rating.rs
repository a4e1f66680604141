//! The rating: the highest star level whose rule holds, the rule that decided
//! it, and every condition of the next level that fails, in plain words.

use super::score::{Model, Scored};
use crate::diag::Text;
use crate::standard::{DimensionRole, Role, StarRule};
use serde::Serialize;

/// One condition of a star rule, checked; `render::words` says it
/// ("total 78.40 < 80", "mandatory A01 at 2★ < 3★"), and so does its JSON `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// `min-total`, `min-dimension`, `mandatory-min-stars`, `min-stars`, `veto`, `max-missing`.
    pub kind: &'static str,
    /// The dimension or indicator code, where the condition is about one.
    pub subject: Option<String>,
    /// The dimension's name (min-dimension).
    pub name: Option<Text>,
    pub actual: f64,
    pub required: f64,
    pub holds: bool,
}

impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            kind: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            subject: &'a Option<String>,
            actual: f64,
            required: f64,
            holds: bool,
            text: String,
        }
        View {
            kind: self.kind,
            subject: &self.subject,
            actual: self.actual,
            required: self.required,
            holds: self.holds,
            text: crate::locale::Words::words(self, crate::locale::current()),
        }
        .serialize(s)
    }
}

/// The rule that decided the rating; its JSON `text` says so in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    pub stars: u8,
    pub name: Text,
    /// A rule holds (else no star rule holds, and there are no conditions).
    pub rule: bool,
    pub conditions: Vec<Condition>,
}

impl Serialize for Decided {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            stars: u8,
            name: &'a str,
            text: String,
            conditions: &'a [Condition],
        }
        let lang = crate::locale::current();
        View {
            stars: self.stars,
            name: self.name.get(lang),
            text: crate::locale::Words::words(self, lang),
            conditions: &self.conditions,
        }
        .serialize(s)
    }
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
pub fn check(model: &Model, rule: &StarRule, s: &Scored) -> Vec<Condition> {
    let std = model.standard;
    let mut out = Vec::new();
    let holds = s.total >= rule.min_total;
    out.push(Condition {
        kind: "min-total",
        subject: None,
        name: None,
        actual: s.total,
        required: rule.min_total,
        holds,
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
            name: Some(Text::new(&dim.name_zh, &dim.name_en)),
            actual: ds,
            required: min,
            holds,
        });
    }
    let star_cond = |kind: &'static str, i: usize, need: u8| {
        let code = &std.indicator[i].code;
        let have = s.stars[i];
        let holds = have >= need;
        Condition {
            kind,
            subject: Some(code.clone()),
            name: None,
            actual: f64::from(have),
            required: f64::from(need),
            holds,
        }
    };
    if let Some(need) = rule.mandatory_min_stars {
        for (i, ind) in std.indicator.iter().enumerate() {
            if ind.role == Role::Mandatory {
                out.push(star_cond("mandatory-min-stars", i, need));
            }
        }
    }
    for (code, &need) in &rule.min_stars {
        if let Some(i) = std.indicator.iter().position(|x| &x.code == code) {
            out.push(star_cond("min-stars", i, need));
        }
    }
    for code in &rule.veto {
        if let Some(i) = std.indicator.iter().position(|x| &x.code == code) {
            let have = s.stars[i];
            let holds = have > 0;
            out.push(Condition {
                kind: "veto",
                subject: Some(code.clone()),
                name: None,
                actual: f64::from(have),
                required: 1.0,
                holds,
            });
        }
    }
    if let Some(max) = rule.max_missing {
        let have = s.missing_weighted;
        let holds = have <= max;
        out.push(Condition {
            kind: "max-missing",
            subject: None,
            name: None,
            actual: f64::from(have),
            required: f64::from(max),
            holds,
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
pub fn rate(model: &Model, s: &Scored) -> Rating {
    let std = model.standard;
    let stars = stars_of(model, s);
    let name = super::stars_label(std, stars);
    let (tier, decided_by) = match std.rule(stars) {
        Some(rule) => {
            let conditions = check(model, rule, s);
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
            (
                tier,
                Decided {
                    stars,
                    name,
                    rule: true,
                    conditions,
                },
            )
        }
        None => (
            None,
            Decided {
                stars: 0,
                name,
                rule: false,
                conditions: Vec::new(),
            },
        ),
    };
    let next = next_rule(model, stars).map(|r| Next {
        stars: r.stars,
        name: super::stars_label(std, r.stars),
        failing: check(model, r, s)
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
