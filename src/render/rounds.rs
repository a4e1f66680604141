//! The words of rounds and targets, built once for every layout: an entity's
//! progress since the baseline and the batch's province view, as blocks
//! (lines and tables) that the terminal and Markdown renderers lay out and
//! the summary workbook writes into cells.

use crate::Lang;
use crate::assess::score::fmt2;
use crate::catalogue::common;
use crate::catalogue::terminal as m;
use crate::locale::Words;
use crate::rounds::targets::{Requirement, Standing, Target};
use crate::rounds::{LevelView, Progress, ProgressNote, Province, StarCounts};
use crate::standard::Level;

/// A piece of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Line(String),
    /// Header, rows, and which columns are numbers (right-aligned).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: Vec<bool>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// "3★ 基础型".
fn stars_tier(stars: u8, tier: &Option<crate::diag::Text>, lang: Lang) -> String {
    match tier.as_ref().map(|t| t.get(lang)) {
        Some(t) if !t.is_empty() => format!("{stars}★ {t}"),
        _ => format!("{stars}★"),
    }
}

/// "+7.20", "−1.50", "0.00".
pub fn signed(x: f64) -> String {
    let s = fmt2(x.abs());
    if x > 0.0 && s != "0.00" {
        format!("+{s}")
    } else if x < 0.0 && s != "0.00" {
        format!("−{s}")
    } else {
        s
    }
}

fn value(x: Option<f64>) -> String {
    x.map_or("—".into(), crate::format_number)
}

/// At most a dozen codes, then "…".
fn codes(list: &[String], sep: &str) -> String {
    let mut s = list.iter().take(12).cloned().collect::<Vec<_>>().join(sep);
    if list.len() > 12 {
        s.push_str(sep);
        s.push('…');
    }
    s
}

/// Indicators listed per entity whose stars changed (all are counted).
const SHOWN_INDICATORS: usize = 10;

/// The unit that follows a number in a table cell: `%` alone (the standard's
/// other units are Chinese words, and the indicator's name says what it counts).
fn short_unit(unit: &str) -> &str {
    if unit == "%" { unit } else { "" }
}

fn with_unit(x: Option<f64>, unit: &str) -> String {
    match x {
        Some(v) => format!("{}{unit}", crate::format_number(v)),
        None => "—".into(),
    }
}

/// "cities" / "市级".
pub fn level_word(level: Option<Level>, lang: Lang) -> String {
    match level {
        Some(Level::City) => m::LEVEL_CITIES,
        Some(Level::County) => m::LEVEL_COUNTIES,
        Some(Level::Community) => m::LEVEL_COMMUNITIES,
        None => m::LEVEL_NOT_GIVEN,
    }
    .get(lang)
    .to_string()
}

/// The entities of a level as a policy text names them: 设区市, 县（市、区）.
fn policy_level(level: Level, lang: Lang) -> String {
    match level {
        Level::City => m::POLICY_CITIES.get(lang).to_string(),
        Level::County => m::POLICY_COUNTIES.get(lang).to_string(),
        l => level_word(Some(l), lang),
    }
}

/// "2025: 60% of counties at ★★★★ or above".
pub fn requirement_text(t: &Target, lang: Lang) -> String {
    let level = policy_level(t.level, lang);
    let scope = scope_text(t, lang);
    let stars = "★".repeat(t.stars as usize);
    let req = match t.requirement {
        Requirement::Percent(p) => {
            m::TARGET_PERCENT.fill(lang, &[&scope, &level, &crate::format_number(p), &stars])
        }
        Requirement::Count(c) => m::TARGET_COUNT.fill(lang, &[&scope, &level, &c, &stars]),
        Requirement::More(more) => m::TARGET_MORE.fill(lang, &[&scope, &level, &more, &stars]),
    };
    let strive = if t.strive {
        m::STRIVE_FOR.get(lang).to_string()
    } else {
        String::new()
    };
    m::TARGET_OF_YEAR.fill(lang, &[&t.year, &req, &strive])
}

/// The city a target is limited to, placed for the words around it:
/// "济南市的" before them, " of Jinan" after.
fn scope_text(t: &Target, lang: Lang) -> String {
    t.city
        .as_ref()
        .map(|c| m::TARGET_SCOPE.fill(lang, &[c]))
        .unwrap_or_default()
}

pub fn sourced_word(sourced: bool, lang: Lang) -> &'static str {
    if sourced {
        m::TARGETS_SOURCED.get(lang)
    } else {
        m::TARGETS_OWN.get(lang)
    }
}

fn note_text(n: &ProgressNote, lang: Lang) -> String {
    match n {
        ProgressNote::MatchedByName {
            code_then,
            code_now,
        } => m::MATCHED_BY_NAME.fill(lang, &[code_then, code_now, &super::REGION_CODE_FIELD]),
        ProgressNote::DifferentStandard {
            then,
            now,
            indicators_compared,
            indicators_then,
            indicators_now,
        } => m::DIFFERENT_STANDARD.fill(
            lang,
            &[
                then,
                now,
                indicators_compared,
                indicators_then,
                indicators_now,
            ],
        ),
        ProgressNote::DifferentLevel => m::DIFFERENT_LEVEL.get(lang).to_string(),
    }
}

/// An entity against its previous round.
pub fn progress_section(p: &Progress, lang: Lang) -> Section {
    progress_section_listing(p, lang, SHOWN_INDICATORS)
}

/// The same, listing up to `shown` indicators whose stars changed (the
/// printed report lists them all).
pub fn progress_section_listing(p: &Progress, lang: Lang, shown: usize) -> Section {
    let mut blocks = Vec::new();
    blocks.push(Block::Line(m::PROGRESS_LINE.fill(
        lang,
        &[
            &stars_tier(p.stars_then, &p.tier_then, lang),
            &stars_tier(p.stars_now, &p.tier_now, lang),
            &fmt2(p.score_then),
            &fmt2(p.score_now),
            &signed(p.score_change),
        ],
    )));
    for n in &p.notes {
        blocks.push(Block::Line(note_text(n, lang)));
    }
    if !p.dimensions.is_empty() {
        blocks.push(Block::Table {
            header: vec![
                m::DIMENSION.get(lang).to_string(),
                m::THEN.get(lang).to_string(),
                m::NOW.get(lang).to_string(),
                m::CHANGE.get(lang).to_string(),
            ],
            rows: p
                .dimensions
                .iter()
                .filter(|d| d.score_then.is_some() || d.score_now.is_some())
                .map(|d| {
                    vec![
                        d.name.get(lang).to_string(),
                        d.score_then.map_or("—".into(), fmt2),
                        d.score_now.map_or("—".into(), fmt2),
                        d.change.map_or("—".into(), signed),
                    ]
                })
                .collect(),
            numeric: vec![false, true, true, true],
        });
    }
    // Stars that changed are counted and the largest changes listed, those
    // that fell back first; values that changed within a star are counted.
    let mut changed: Vec<_> = p
        .indicators
        .iter()
        .filter(|i| i.stars_then != i.stars_now)
        .collect();
    changed.sort_by_key(|i| {
        (
            !i.fell_back,
            std::cmp::Reverse((i16::from(i.stars_now) - i16::from(i.stars_then)).abs()),
        )
    });
    let value_only = p
        .indicators
        .iter()
        .filter(|i| i.stars_then == i.stars_now && i.value_then != i.value_now)
        .count();
    if !changed.is_empty() {
        blocks.push(Block::Table {
            header: vec![
                m::INDICATOR.get(lang).to_string(),
                m::THEN.get(lang).to_string(),
                m::NOW.get(lang).to_string(),
                m::CHANGE.get(lang).to_string(),
                m::STARS_SHORT.get(lang).to_string(),
            ],
            rows: changed
                .iter()
                .take(shown)
                .map(|i| {
                    let mark = if i.fell_back {
                        m::FELL_BACK.get(lang).to_string()
                    } else {
                        String::new()
                    };
                    let unit = short_unit(&i.unit);
                    vec![
                        format!("{} {}", i.code, i.name.get(lang)),
                        with_unit(i.value_then, unit),
                        with_unit(i.value_now, unit),
                        i.change.map_or("—".into(), |c| {
                            let s = crate::format_number(c.abs());
                            if s == "0" {
                                s
                            } else if c > 0.0 {
                                format!("+{s}")
                            } else {
                                format!("−{s}")
                            }
                        }),
                        format!("{}→{}{mark}", i.stars_then, i.stars_now),
                    ]
                })
                .collect(),
            numeric: vec![false, true, true, true, false],
        });
    }
    if changed.len() > shown {
        blocks.push(Block::Line(
            m::N_MORE_CHANGED_STARS.fill(lang, &[&(changed.len() - shown)]),
        ));
    }
    let same = p.indicators.len() - changed.len() - value_only;
    let fell_back = if p.fell_back.is_empty() {
        String::new()
    } else {
        let list = codes(&p.fell_back, common::NAME_SEPARATOR.get(lang));
        m::FELL_BACK_LIST.fill(lang, &[&list])
    };
    blocks.push(Block::Line(m::CHANGED_COUNTS.fill(
        lang,
        &[
            &changed.len(),
            &value_only,
            &same,
            &p.fell_back.len(),
            &fell_back,
        ],
    )));
    match &p.plan {
        Some(plan) => {
            let reached = if plan.reached {
                m::STARS_REACHED
            } else {
                m::STARS_NOT_REACHED
            }
            .fill(lang, &[&plan.target_stars]);
            blocks.push(Block::Line(m::LAST_ROUND_PLAN.fill(
                lang,
                &[
                    &plan.target_stars,
                    &plan.steps.len(),
                    &plan.carried_out,
                    &reached,
                ],
            )));
            blocks.push(Block::Table {
                header: vec![
                    m::PLAN_STEP.get(lang).to_string(),
                    m::ASKED.get(lang).to_string(),
                    m::NOW.get(lang).to_string(),
                    m::HOLDS.get(lang).to_string(),
                ],
                rows: plan
                    .steps
                    .iter()
                    .map(|s| {
                        vec![
                            format!("{} {}", s.code, s.name.get(lang)),
                            crate::render::bracketed(
                                lang,
                                &s.wanted.words(lang),
                                &format!("{}★", s.stars_wanted),
                            ),
                            crate::render::bracketed(
                                lang,
                                &value(s.value_now),
                                &format!("{}★", s.stars_now),
                            ),
                            if s.holds { "✓" } else { "✗" }.to_string(),
                        ]
                    })
                    .collect(),
                numeric: vec![false, false, false, false],
            });
        }
        None => blocks.push(Block::Line(m::NO_PLAN_LAST_ROUND.get(lang).to_string())),
    }
    Section {
        title: m::SINCE_BASELINE_FILE.fill(lang, &[&p.baseline_file]),
        blocks,
    }
}

/// "12 / 40 = 30.0%".
fn of_share(k: usize, n: usize) -> String {
    if n == 0 {
        "0 / 0".into()
    } else {
        format!("{k} / {n} = {}", super::pct(k as f64 / n as f64))
    }
}

fn counts_row(name: String, c: &StarCounts) -> Vec<String> {
    let mut row = vec![name, c.entities.to_string()];
    for s in (0..=5).rev() {
        row.push(c.at[s].to_string());
    }
    row.push(super::pct(c.share_at_or_above(3)));
    row.push(super::pct(c.share_at_or_above(4)));
    row
}

fn level_table(v: &LevelView, lang: Lang) -> Block {
    let mut header = vec![
        m::PARENT_CITY.get(lang).to_string(),
        m::COUNT.get(lang).to_string(),
    ];
    header.extend((0..=5).rev().map(|s| format!("{s}★")));
    header.push("≥3★".into());
    header.push("≥4★".into());
    let mut rows: Vec<Vec<String>> = v
        .by_parent
        .iter()
        .map(|c| {
            let name = if c.parent.is_empty() {
                m::PARENT_CITY_NOT_GIVEN.get(lang).to_string()
            } else {
                c.parent.clone()
            };
            counts_row(name, &c.counts)
        })
        .collect();
    rows.push(counts_row(m::ALL_ROWS.get(lang).to_string(), &v.counts));
    let mut numeric = vec![false];
    numeric.extend([true; 9]);
    Block::Table {
        header,
        rows,
        numeric,
    }
}

/// One target's standing in words: "counties at ★★★★ or above: 12 / 40 = 30.0%;
/// 2025 target 60%: 12 more needed".
pub fn standing_line(s: &Standing, lang: Lang) -> String {
    let t = &s.target;
    let level = policy_level(t.level, lang);
    let scope = scope_text(t, lang);
    let stars = "★".repeat(t.stars as usize);
    let above = if t.stars >= 5 {
        ""
    } else {
        m::OR_ABOVE.get(lang)
    };
    let share = of_share(s.at_or_above, s.entities);
    let now = m::STANDING_NOW.fill(lang, &[&scope, &level, &stars, &above, &share]);
    let aim = match t.requirement {
        Requirement::Percent(p) => m::AIM_PERCENT.fill(lang, &[&t.year, &crate::format_number(p)]),
        Requirement::Count(c) => m::AIM_COUNT.fill(lang, &[&t.year, &c]),
        Requirement::More(more) => match s.baseline_at_or_above {
            Some(b) => m::AIM_MORE_THAN.fill(lang, &[&t.year, &more, &b]),
            None => m::AIM_MORE.fill(lang, &[&t.year, &more]),
        },
    };
    let verdict = match (s.short, s.required) {
        (Some(0), Some(r)) => m::VERDICT_MET.fill(lang, &[&r]),
        (Some(k), Some(r)) => m::VERDICT_SHORT.fill(lang, &[&r, &k]),
        _ if s.entities > 0 && matches!(t.requirement, Requirement::More(_)) => {
            m::VERDICT_NEEDS_BASELINE.get(lang).to_string()
        }
        _ => m::VERDICT_NONE_IN_SCOPE.get(lang).to_string(),
    };
    m::STANDING_LINE.fill(lang, &[&now, &aim, &verdict])
}

fn closest_text(s: &Standing, lang: Lang) -> Option<String> {
    if s.short.unwrap_or(1) == 0 || s.closest.is_empty() {
        return None;
    }
    let shown = s.short.unwrap_or(3).clamp(1, 5);
    let items: Vec<String> = s
        .closest
        .iter()
        .take(shown)
        .map(|c| {
            let plan = match c.plan_star_steps {
                Some(k) => m::CLOSEST_PLAN.fill(lang, &[&c.plan_steps, &k]),
                None => m::CLOSEST_NO_PLAN.get(lang).to_string(),
            };
            m::CLOSEST_ITEM.fill(lang, &[&c.name, &c.stars, &plan])
        })
        .collect();
    let list = items.join(common::LIST_SEPARATOR.get(lang));
    Some(m::CLOSEST.fill(lang, &[&list]))
}

/// The province view of a batch: per level and 所属地市, the rounds, the targets.
pub fn province_sections(p: &Province, lang: Lang) -> Vec<Section> {
    let mut out = Vec::new();
    let mut blocks = Vec::new();
    for v in &p.levels {
        blocks.push(Block::Line(format!(
            "{} ({})",
            level_word(v.level, lang),
            v.counts.entities
        )));
        blocks.push(level_table(v, lang));
    }
    for f in &p.not_counted {
        blocks.push(Block::Line(
            m::COUNTED_ONCE.fill(lang, &[f, &super::REGION_CODE_FIELD]),
        ));
    }
    out.push(Section {
        title: m::PROVINCE_VIEW.get(lang).to_string(),
        blocks,
    });
    if let Some(r) = &p.rounds {
        let mut blocks = vec![Block::Line(m::BASELINE_MATCHED.fill(
            lang,
            &[
                &r.baseline.join(" "),
                &r.baseline_entities,
                &r.matched,
                &r.matched_by_name.len(),
                &r.new.len(),
                &r.gone.len(),
            ],
        ))];
        blocks.push(Block::Line(
            m::UP_DOWN_SAME.fill(lang, &[&r.up.len(), &r.down.len(), &r.same]),
        ));
        if !r.up.is_empty() || !r.down.is_empty() {
            blocks.push(Block::Table {
                header: vec![
                    m::NAME.get(lang).to_string(),
                    m::PARENT_CITY.get(lang).to_string(),
                    m::STARS.get(lang).to_string(),
                    m::TOTAL.get(lang).to_string(),
                ],
                rows: r
                    .up
                    .iter()
                    .chain(&r.down)
                    .map(|m| {
                        vec![
                            m.name.clone(),
                            m.parent.clone(),
                            format!("{}★ → {}★", m.stars_then, m.stars_now),
                            format!(
                                "{} → {} ({})",
                                fmt2(m.score_then),
                                fmt2(m.score_now),
                                signed(m.score_now - m.score_then)
                            ),
                        ]
                    })
                    .collect(),
                numeric: vec![false, false, false, false],
            });
        }
        if !r.different_standard.is_empty() {
            blocks.push(Block::Line(
                m::N_DIFFERENT_STANDARD.fill(
                    lang,
                    &[
                        &r.different_standard.len(),
                        &r.different_standard
                            .join(crate::catalogue::common::NAME_SEPARATOR.get(lang)),
                    ],
                ),
            ));
        }
        for n in &r.new {
            blocks.push(Block::Line(
                m::ENTITY_NEW.fill(lang, &[&n.name, &n.stars, &n.file]),
            ));
        }
        for g in &r.gone {
            blocks.push(Block::Line(
                m::ENTITY_GONE.fill(lang, &[&g.name, &g.stars, &g.file]),
            ));
        }
        for d in &r.duplicates_baseline {
            blocks.push(Block::Line(m::DUPLICATES_BASELINE.fill(
                lang,
                &[
                    &d.len(),
                    &d.join(crate::catalogue::common::NAME_SEPARATOR.get(lang)),
                ],
            )));
        }
        for d in &r.duplicates_now {
            blocks.push(Block::Line(m::DUPLICATES_NOW.fill(
                lang,
                &[
                    &d.len(),
                    &d.join(crate::catalogue::common::NAME_SEPARATOR.get(lang)),
                ],
            )));
        }
        for u in &r.baseline_unreadable {
            blocks.push(Block::Line(
                m::BASELINE_UNREADABLE.fill(lang, &[&u.file, &u.message.words(lang)]),
            ));
        }
        out.push(Section {
            title: m::SINCE_BASELINE.get(lang).to_string(),
            blocks,
        });
    }
    if !p.targets.is_empty() {
        let mut blocks = Vec::new();
        let mut last = String::new();
        for s in &p.targets {
            if s.file != last {
                blocks.push(Block::Line(format!(
                    "{} {} ({})",
                    s.file,
                    s.document,
                    sourced_word(s.sourced, lang)
                )));
                last = s.file.clone();
            }
            let mark = match s.met {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "?",
            };
            blocks.push(Block::Line(format!("{mark} {}", standing_line(s, lang))));
            if let Some(c) = closest_text(s, lang) {
                blocks.push(Block::Line(c));
            }
            if !s.target.sources.is_empty() {
                let src = s.target.sources.join(" ");
                blocks.push(Block::Line(m::TARGET_SOURCES.fill(lang, &[&src])));
            }
        }
        blocks.push(Block::Line(m::SHARES_OF_BATCH.get(lang).to_string()));
        out.push(Section {
            title: m::POLICY_TARGETS.get(lang).to_string(),
            blocks,
        });
    }
    out
}
