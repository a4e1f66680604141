//! The words of rounds and targets, built once for every layout: an entity's
//! progress since the baseline and the batch's province view, as blocks
//! (lines and tables) that the terminal and Markdown renderers lay out and
//! the summary workbook writes into cells.

use crate::Lang;
use crate::assess::score::fmt2;
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

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
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
    match (level, lang) {
        (Some(l), Lang::Zh) => l.name_zh().to_string(),
        (Some(Level::City), Lang::En) => "cities".into(),
        (Some(Level::County), Lang::En) => "counties".into(),
        (Some(Level::Community), Lang::En) => "communities".into(),
        (None, Lang::Zh) => "未注明级别".into(),
        (None, Lang::En) => "level not given".into(),
    }
}

/// The entities of a level as a policy text names them: 设区市, 县（市、区）.
fn policy_level(level: Level, lang: Lang) -> String {
    match (level, lang) {
        (Level::City, Lang::Zh) => "设区市".into(),
        (Level::County, Lang::Zh) => "县（市、区）".into(),
        (l, _) => level_word(Some(l), lang),
    }
}

/// "2025: 60% of counties at ★★★★ or above".
pub fn requirement_text(t: &Target, lang: Lang) -> String {
    let level = policy_level(t.level, lang);
    let scope = match (&t.city, lang) {
        (Some(c), Lang::Zh) => format!("{c}的"),
        (Some(c), Lang::En) => format!(" of {c}"),
        (None, _) => String::new(),
    };
    let stars = "★".repeat(t.stars as usize);
    let req = match (t.requirement, lang) {
        (Requirement::Percent(p), Lang::Zh) => {
            format!(
                "{scope}{level}中 {}% 达到 {stars} 及以上",
                crate::format_number(p)
            )
        }
        (Requirement::Percent(p), Lang::En) => {
            format!(
                "{}% of {level}{scope} at {stars} or above",
                crate::format_number(p)
            )
        }
        (Requirement::Count(c), Lang::Zh) => format!("{scope}{level}至少 {c} 个达到 {stars}"),
        (Requirement::Count(c), Lang::En) => format!("at least {c} {level}{scope} at {stars}"),
        (Requirement::More(m), Lang::Zh) => {
            format!("{scope}{level}达到 {stars} 的比上一轮多 {m} 个")
        }
        (Requirement::More(m), Lang::En) => {
            format!("{m} more {level}{scope} at {stars} than last round")
        }
    };
    let strive = if t.strive {
        pick(lang, "（争创）", " (strive for)")
    } else {
        String::new()
    };
    match lang {
        Lang::Zh => format!("{}年：{req}{strive}", t.year),
        Lang::En => format!("{}: {req}{strive}", t.year),
    }
}

pub fn sourced_word(sourced: bool, lang: Lang) -> &'static str {
    match (sourced, lang) {
        (true, Lang::Zh) => "有出处",
        (true, Lang::En) => "sourced",
        (false, Lang::Zh) => "自定（暂定）",
        (false, Lang::En) => "own (provisional)",
    }
}

fn note_text(n: &ProgressNote, lang: Lang) -> String {
    match (n, lang) {
        (
            ProgressNote::MatchedByName {
                code_then,
                code_now,
            },
            Lang::Zh,
        ) => format!(
            "! 按名称和级别匹配，而非行政区划代码（上一轮“{code_then}”，本轮“{code_now}”）：请核对是否为同一主体"
        ),
        (
            ProgressNote::MatchedByName {
                code_then,
                code_now,
            },
            Lang::En,
        ) => format!(
            "! matched by name and level, not by 行政区划代码 (then “{code_then}”, now “{code_now}”): check it is the same entity"
        ),
        (
            ProgressNote::DifferentStandard {
                then,
                now,
                indicators_compared,
                indicators_then,
                indicators_now,
            },
            Lang::Zh,
        ) => format!(
            "! 两轮按不同标准或版本评定（上一轮 {then}，本轮 {now}）：只比较两者都有的 {indicators_compared} 项指标（上一轮 {indicators_then} 项，本轮 {indicators_now} 项）；星级和总分各按本轮标准"
        ),
        (
            ProgressNote::DifferentStandard {
                then,
                now,
                indicators_compared,
                indicators_then,
                indicators_now,
            },
            Lang::En,
        ) => format!(
            "! the rounds were rated under different standards or editions (then {then}, now {now}): only the {indicators_compared} indicators both have are compared (then {indicators_then}, now {indicators_now}); stars and totals are each round's own"
        ),
        (ProgressNote::DifferentLevel, Lang::Zh) => "! 两轮填报的级别不同".to_string(),
        (ProgressNote::DifferentLevel, Lang::En) => {
            "! the two rounds give different levels".to_string()
        }
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
    blocks.push(Block::Line(match lang {
        Lang::Zh => format!(
            "星级 {} → {}；总分 {} → {}（{}）",
            stars_tier(p.stars_then, &p.tier_then, lang),
            stars_tier(p.stars_now, &p.tier_now, lang),
            fmt2(p.score_then),
            fmt2(p.score_now),
            signed(p.score_change)
        ),
        Lang::En => format!(
            "Stars {} → {}; total {} → {} ({})",
            stars_tier(p.stars_then, &p.tier_then, lang),
            stars_tier(p.stars_now, &p.tier_now, lang),
            fmt2(p.score_then),
            fmt2(p.score_now),
            signed(p.score_change)
        ),
    }));
    for n in &p.notes {
        blocks.push(Block::Line(note_text(n, lang)));
    }
    if !p.dimensions.is_empty() {
        blocks.push(Block::Table {
            header: vec![
                pick(lang, "维度", "Dimension"),
                pick(lang, "上一轮", "Then"),
                pick(lang, "本轮", "Now"),
                pick(lang, "变化", "Change"),
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
                pick(lang, "指标", "Indicator"),
                pick(lang, "上一轮", "Then"),
                pick(lang, "本轮", "Now"),
                pick(lang, "变化", "Change"),
                pick(lang, "星", "Stars"),
            ],
            rows: changed
                .iter()
                .take(shown)
                .map(|i| {
                    let mark = if i.fell_back {
                        pick(lang, " 退步", " fell back")
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
        blocks.push(Block::Line(match lang {
            Lang::Zh => format!(
                "……另有 {} 项指标星级变化（JSON 输出列出全部）",
                changed.len() - shown
            ),
            Lang::En => format!(
                "… and {} more indicators changed stars (the JSON output lists all)",
                changed.len() - shown
            ),
        }));
    }
    let same = p.indicators.len() - changed.len() - value_only;
    blocks.push(Block::Line(match lang {
        Lang::Zh => format!(
            "{} 项指标星级变化，{value_only} 项只有数值变化，{same} 项未变；{} 项星级退步{}",
            changed.len(),
            p.fell_back.len(),
            if p.fell_back.is_empty() {
                String::new()
            } else {
                format!("：{}", codes(&p.fell_back, "、"))
            }
        ),
        Lang::En => format!(
            "{} indicators changed stars, {value_only} changed value only, {same} unchanged; {} fell back{}",
            changed.len(),
            p.fell_back.len(),
            if p.fell_back.is_empty() {
                String::new()
            } else {
                format!(": {}", codes(&p.fell_back, ", "))
            }
        ),
    }));
    match &p.plan {
        Some(plan) => {
            blocks.push(Block::Line(match lang {
                Lang::Zh => format!(
                    "上一轮的升 {}★ 方案：{} 步中 {} 步已落实；{}",
                    plan.target_stars,
                    plan.steps.len(),
                    plan.carried_out,
                    if plan.reached {
                        format!("已达到 {}★", plan.target_stars)
                    } else {
                        format!("尚未达到 {}★", plan.target_stars)
                    }
                ),
                Lang::En => format!(
                    "Last round's plan for {}★: {} of {} steps now hold; {}",
                    plan.target_stars,
                    plan.carried_out,
                    plan.steps.len(),
                    if plan.reached {
                        format!("{}★ reached", plan.target_stars)
                    } else {
                        format!("{}★ not reached", plan.target_stars)
                    }
                ),
            }));
            blocks.push(Block::Table {
                header: vec![
                    pick(lang, "方案步骤", "Plan step"),
                    pick(lang, "要求", "Asked"),
                    pick(lang, "本轮", "Now"),
                    pick(lang, "落实", "Holds"),
                ],
                rows: plan
                    .steps
                    .iter()
                    .map(|s| {
                        vec![
                            format!("{} {}", s.code, s.name.get(lang)),
                            format!("{} ({}★)", s.wanted.words(lang), s.stars_wanted),
                            format!("{} ({}★)", value(s.value_now), s.stars_now),
                            if s.holds { "✓" } else { "✗" }.to_string(),
                        ]
                    })
                    .collect(),
                numeric: vec![false, false, false, false],
            });
        }
        None => blocks.push(Block::Line(pick(
            lang,
            "上一轮没有升星方案（已是最高星级，或无法升星）",
            "Last round had no next-star plan (at the top, or none possible)",
        ))),
    }
    Section {
        title: match lang {
            Lang::Zh => format!("与上一轮比较（{}）", p.baseline_file),
            Lang::En => format!("Since the baseline ({})", p.baseline_file),
        },
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
        pick(lang, "所属地市", "Parent city"),
        pick(lang, "数量", "N"),
    ];
    header.extend((0..=5).rev().map(|s| format!("{s}★")));
    header.push("≥3★".into());
    header.push("≥4★".into());
    let mut rows: Vec<Vec<String>> = v
        .by_parent
        .iter()
        .map(|c| {
            let name = if c.parent.is_empty() {
                pick(lang, "（未填）", "(not given)")
            } else {
                c.parent.clone()
            };
            counts_row(name, &c.counts)
        })
        .collect();
    rows.push(counts_row(pick(lang, "合计", "All"), &v.counts));
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
    let scope = match (&t.city, lang) {
        (Some(c), Lang::Zh) => format!("{c}的"),
        (Some(c), Lang::En) => format!(" of {c}"),
        (None, _) => String::new(),
    };
    let stars = "★".repeat(t.stars as usize);
    let above = match (t.stars >= 5, lang) {
        (true, _) => "",
        (false, Lang::Zh) => " 及以上",
        (false, Lang::En) => " or above",
    };
    let now = match lang {
        Lang::Zh => format!(
            "{scope}{level}达到 {stars}{above}：{}",
            of_share(s.at_or_above, s.entities)
        ),
        Lang::En => format!(
            "{level}{scope} at {stars}{above}: {}",
            of_share(s.at_or_above, s.entities)
        ),
    };
    let aim = match (t.requirement, lang) {
        (Requirement::Percent(p), Lang::Zh) => {
            format!("{}年目标 {}%", t.year, crate::format_number(p))
        }
        (Requirement::Percent(p), Lang::En) => {
            format!("{} target {}%", t.year, crate::format_number(p))
        }
        (Requirement::Count(c), Lang::Zh) => format!("{}年目标 {c} 个", t.year),
        (Requirement::Count(c), Lang::En) => format!("{} target {c}", t.year),
        (Requirement::More(m), Lang::Zh) => match s.baseline_at_or_above {
            Some(b) => format!("{}年目标比上一轮（{b} 个）多 {m} 个", t.year),
            None => format!("{}年目标比上一轮多 {m} 个", t.year),
        },
        (Requirement::More(m), Lang::En) => match s.baseline_at_or_above {
            Some(b) => format!("{} target {m} more than last round ({b})", t.year),
            None => format!("{} target {m} more than last round", t.year),
        },
    };
    let verdict = match (s.short, s.required, lang) {
        (Some(0), Some(r), Lang::Zh) => format!("需 {r} 个，已达到"),
        (Some(0), Some(r), Lang::En) => format!("{r} required, met"),
        (Some(k), Some(r), Lang::Zh) => format!("需 {r} 个，还差 {k} 个"),
        (Some(k), Some(r), Lang::En) => format!("{r} required: {k} more needed"),
        (_, _, Lang::Zh) if s.entities > 0 && matches!(t.requirement, Requirement::More(_)) => {
            "需用 --baseline 给出上一轮才能判断".into()
        }
        (_, _, Lang::En) if s.entities > 0 && matches!(t.requirement, Requirement::More(_)) => {
            "needs --baseline (last round) to judge".into()
        }
        (_, _, Lang::Zh) => "本批中没有该范围的评估对象".into(),
        (_, _, Lang::En) => "no entity of this scope in the batch".into(),
    };
    match lang {
        Lang::Zh => format!("{now}；{aim}：{verdict}"),
        Lang::En => format!("{now}; {aim}: {verdict}"),
    }
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
            let plan = match (c.plan_star_steps, lang) {
                (Some(k), Lang::Zh) => format!("升星方案 {} 步、{k} 个星级步", c.plan_steps),
                (Some(k), Lang::En) => format!("plan of {} steps, {k} star steps", c.plan_steps),
                (None, Lang::Zh) => "无升星方案".into(),
                (None, Lang::En) => "no plan".into(),
            };
            match lang {
                Lang::Zh => format!("{} {}★（{plan}）", c.name, c.stars),
                Lang::En => format!("{} {}★ ({plan})", c.name, c.stars),
            }
        })
        .collect();
    Some(match lang {
        Lang::Zh => format!("  最接近的：{}", items.join("；")),
        Lang::En => format!("  closest: {}", items.join("; ")),
    })
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
        blocks.push(Block::Line(match lang {
            Lang::Zh => format!("! {f} 与排在前面的文件行政区划代码相同，只计一次"),
            Lang::En => format!("! {f} gives the 行政区划代码 of an earlier file: counted once"),
        }));
    }
    out.push(Section {
        title: pick(
            lang,
            "全省视图：按级别和所属地市",
            "Province view: by level and parent city",
        ),
        blocks,
    });
    if let Some(r) = &p.rounds {
        let mut blocks = vec![Block::Line(match lang {
            Lang::Zh => format!(
                "基线 {}：{} 个评估对象；本轮匹配 {} 个（其中 {} 个按名称），新增 {} 个，上一轮有而本轮无 {} 个",
                r.baseline.join(" "),
                r.baseline_entities,
                r.matched,
                r.matched_by_name.len(),
                r.new.len(),
                r.gone.len()
            ),
            Lang::En => format!(
                "Baseline {}: {} entities; {} matched ({} by name), {} new, {} gone",
                r.baseline.join(" "),
                r.baseline_entities,
                r.matched,
                r.matched_by_name.len(),
                r.new.len(),
                r.gone.len()
            ),
        })];
        blocks.push(Block::Line(match lang {
            Lang::Zh => format!(
                "升星 {} 个，降星 {} 个，持平 {} 个",
                r.up.len(),
                r.down.len(),
                r.same
            ),
            Lang::En => format!("{} up, {} down, {} same", r.up.len(), r.down.len(), r.same),
        }));
        if !r.up.is_empty() || !r.down.is_empty() {
            blocks.push(Block::Table {
                header: vec![
                    pick(lang, "名称", "Name"),
                    pick(lang, "所属地市", "Parent city"),
                    pick(lang, "星级", "Stars"),
                    pick(lang, "总分", "Total"),
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
            blocks.push(Block::Line(match lang {
                Lang::Zh => format!(
                    "! {} 个评估对象上一轮按另一标准或版本评定，只比较两者都有的指标：{}",
                    r.different_standard.len(),
                    r.different_standard.join(", ")
                ),
                Lang::En => format!(
                    "! {} rated under another standard or edition last round; only what both have is compared: {}",
                    r.different_standard.len(),
                    r.different_standard.join(", ")
                ),
            }));
        }
        for n in &r.new {
            blocks.push(Block::Line(format!(
                "+ {} {} ({}★, {})",
                pick(lang, "新增", "new"),
                n.name,
                n.stars,
                n.file
            )));
        }
        for g in &r.gone {
            blocks.push(Block::Line(format!(
                "− {} {} ({}★, {})",
                pick(lang, "本轮缺少", "gone"),
                g.name,
                g.stars,
                g.file
            )));
        }
        for d in &r.duplicates_baseline {
            blocks.push(Block::Line(match lang {
                Lang::Zh => format!(
                    "! 基线中同一主体有 {} 份填报，未用于比较：{}",
                    d.len(),
                    d.join(", ")
                ),
                Lang::En => format!(
                    "! the baseline gives one entity {} times, not compared: {}",
                    d.len(),
                    d.join(", ")
                ),
            }));
        }
        for d in &r.duplicates_now {
            blocks.push(Block::Line(match lang {
                Lang::Zh => format!(
                    "! 本轮同一主体有 {} 份填报，都与同一上一轮比较、都已排名：{}",
                    d.len(),
                    d.join(", ")
                ),
                Lang::En => format!(
                    "! this round gives one entity {} times, each compared with the same baseline and ranked: {}",
                    d.len(),
                    d.join(", ")
                ),
            }));
        }
        for u in &r.baseline_unreadable {
            blocks.push(Block::Line(format!(
                "✗ {} {}: {}",
                pick(lang, "基线", "baseline"),
                u.file,
                u.message
            )));
        }
        out.push(Section {
            title: pick(lang, "与上一轮比较", "Since the baseline"),
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
                blocks.push(Block::Line(match lang {
                    Lang::Zh => format!("  出处：{src}"),
                    Lang::En => format!("  source: {src}"),
                }));
            }
        }
        blocks.push(Block::Line(pick(
            lang,
            "比例按本批中的评估对象计算，不是全省的全部县市",
            "shares are of the entities in this batch, not of every county in the province",
        )));
        out.push(Section {
            title: pick(lang, "政策目标", "Policy targets"),
            blocks,
        });
    }
    out
}
