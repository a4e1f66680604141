//! `citystar standards list | show | lint | export | import`.

use super::{Format, Outcome, resolve_standard};
use crate::Lang;
use crate::catalogue::cli as m;
use crate::catalogue::common;
use crate::render::table::Table;
use crate::standard::load::fmt_num;
use crate::standard::{Kind, Role, Standard, embedded, table};
use anyhow::Context;
use clap::Subcommand;
use comfy_table::presets;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum Action {
    /// The embedded standards with their counts and provisional entries.
    List {
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One standard's tree: dimensions, indicators, weights, 1★–5★ requirements, rules.
    Show {
        /// An embedded id (see `standards list`) or a path to a standard file.
        standard: String,
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check standard files; every problem at its line and column. Exit 0 clean, 2 otherwise.
    Lint {
        /// Standard files (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a standard's indicator table as a workbook to review and edit.
    Export {
        /// An embedded id or a path to a standard file.
        standard: String,
        /// The workbook to write (.xlsx).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Read an exported (and edited) workbook back into a standard file.
    Import {
        /// The workbook written by `standards export`.
        workbook: PathBuf,
        /// The standard file to write (.toml).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(action: Action, lang: Lang) -> anyhow::Result<Outcome> {
    match action {
        Action::List { format } => list(format, lang),
        Action::Show { standard, format } => show(&resolve_standard(&standard)?, format, lang),
        Action::Lint { files } => lint(&files, lang),
        Action::Export {
            standard,
            output,
            force,
        } => {
            let st = resolve_standard(&standard)?;
            let bytes = table::export(&st).context("could not build the workbook")?;
            write_new(&output, &bytes, force)?;
            eprintln!(
                "{}",
                m::WROTE_STANDARD_WORKBOOK.fill(lang, &[&output.display(), &st.indicator.len()])
            );
            Ok(Outcome::Done)
        }
        Action::Import {
            workbook,
            output,
            force,
        } => {
            let st = table::import(&workbook).map_err(|e| {
                let shown = workbook.display();
                super::said_each(crate::catalogue::common::LABELLED, |lang| {
                    vec![shown.to_string(), e.render(lang)]
                })
            })?;
            write_new(&output, st.to_toml().as_bytes(), force)?;
            eprintln!(
                "{}",
                m::WROTE_STANDARD_FILE
                    .fill(lang, &[&output.display(), &st.id(), &st.indicator.len()])
            );
            Ok(Outcome::Done)
        }
    }
}

/// Write a file, refusing to replace one unless told to.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.file_type().is_symlink() {
            return Err(super::said_msg(m::IS_LINK, &[&path.display()]));
        }
        if !force {
            return Err(super::said_msg(m::FILE_EXISTS, &[&path.display()]));
        }
    }
    super::safe_write::replace(path, bytes)
}

pub(crate) fn new_table(format: Format, lang: Lang) -> Table {
    match format {
        Format::Markdown => {
            let mut t = Table::plain(lang);
            t.load_style(presets::ASCII_MARKDOWN);
            t
        }
        _ => crate::render::table::new(super::ascii(), lang),
    }
}

fn role_counts(st: &Standard) -> (usize, usize, usize, usize) {
    let c = |r: Role| st.indicator.iter().filter(|i| i.role == r).count();
    (
        c(Role::Scored),
        c(Role::Mandatory),
        c(Role::Bonus),
        c(Role::Deduction),
    )
}

fn list(format: Format, lang: Lang) -> anyhow::Result<Outcome> {
    let all = embedded::all()?;
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = all
            .iter()
            .map(|s| {
                let (scored, mandatory, bonus, deduction) = role_counts(s);
                serde_json::json!({
                    "id": s.id(),
                    "code": s.standard.code,
                    "level": s.level(),
                    "edition": s.standard.edition,
                    "title_zh": s.standard.title_zh,
                    "title_en": s.standard.title_en,
                    "dimensions": s.dimension.len(),
                    "indicators": s.indicator.len(),
                    "scored": scored,
                    "mandatory": mandatory,
                    "bonus": bonus,
                    "deduction": deduction,
                    "provisional_entries": s.provisional_count(),
                    "entries": s.entry_count(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(Outcome::Done);
    }
    let mut t = new_table(format, lang);
    t.set_header(vec![
        m::ID.get(lang),
        m::STANDARD_CODE.get(lang),
        m::LEVEL.get(lang),
        m::INDICATORS.get(lang),
        m::PROVISIONAL.get(lang),
    ]);
    for s in &all {
        let (a, b, c, d) = role_counts(s);
        t.add_row(vec![
            s.id().to_string(),
            s.standard.code.clone(),
            lang.pick(s.level().name_zh(), s.level().key()).to_string(),
            crate::render::bracketed(lang, &s.indicator.len(), &format!("{a}/{b}/{c}/{d}")),
            format!("{} / {}", s.provisional_count(), s.entry_count()),
        ]);
    }
    if format != Format::Markdown {
        crate::render::table::keep_whole(&mut t, &[0, 2, 3, 4]);
    }
    super::sayln!("{t}");
    let editions: Vec<&str> = {
        let mut e: Vec<&str> = all.iter().map(|s| s.standard.edition(lang)).collect();
        e.dedup();
        e
    };
    super::sayln!(
        "{}{}",
        m::EDITIONS.get(lang),
        editions.join(common::LIST_SEPARATOR.get(lang))
    );
    super::sayln!("{}", m::INDICATOR_COUNTS_NOTE.get(lang));
    super::sayln!("{}", m::PROVISIONAL_NOTE.get(lang));
    Ok(Outcome::Done)
}

/// What an indicator asks for at each star, as text.
pub fn star_requirements(ind: &crate::standard::Indicator, lang: Lang) -> Vec<String> {
    match (&ind.kind, ind.stars) {
        (
            Kind::YesNo {
                yes_stars,
                no_stars,
            },
            _,
        ) => (1..=5u8)
            .map(|s| {
                if *yes_stars >= s && *no_stars < s {
                    m::YES.get(lang).to_string()
                } else if *no_stars >= s {
                    m::EITHER.get(lang).to_string()
                } else {
                    "—".to_string()
                }
            })
            .collect(),
        (Kind::Grade { options }, _) => (1..=5u8)
            .map(|s| {
                options
                    .iter()
                    .filter(|o| o.stars >= s)
                    .min_by_key(|o| o.stars)
                    .map_or("—".to_string(), |o| lang.pick(&o.zh, &o.en).to_string())
            })
            .collect(),
        (_, Some(req)) => {
            let op = match ind.direction {
                crate::standard::Direction::Higher => "≥",
                crate::standard::Direction::Lower => "≤",
            };
            req.iter().map(|r| format!("{op}{}", fmt_num(*r))).collect()
        }
        _ => vec!["—".to_string(); 5],
    }
}

/// An indicator kind as a reader of `lang` calls it.
pub(crate) fn kind_name(kind: &crate::standard::Kind, lang: Lang) -> &'static str {
    use crate::standard::Kind;
    match kind {
        Kind::Ratio { .. } => m::KIND_RATIO,
        Kind::PerPopulation { .. } => m::KIND_PER_POPULATION,
        Kind::Percent { .. } => m::KIND_PERCENT,
        Kind::Number { .. } => m::KIND_NUMBER,
        Kind::YesNo { .. } => m::KIND_YES_NO,
        Kind::Grade { .. } => m::KIND_GRADE,
        Kind::Survey { .. } => m::KIND_SURVEY,
        Kind::AllOf { .. } => m::KIND_ALL_OF,
    }
    .get(lang)
}

/// An indicator's role as a reader of `lang` calls it.
pub(crate) fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Scored => m::ROLE_SCORED,
        Role::Mandatory => m::ROLE_MANDATORY,
        Role::Bonus => m::ROLE_BONUS,
        Role::Deduction => m::ROLE_DEDUCTION,
    }
    .get(lang)
}

fn show(st: &Standard, format: Format, lang: Lang) -> anyhow::Result<Outcome> {
    if format == Format::Json {
        let mut v = serde_json::to_value(st)?;
        v["provisional_entries"] = st.provisional_count().into();
        v["entries"] = st.entry_count().into();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(Outcome::Done);
    }
    let md = format == Format::Markdown;
    let id = &st.standard;
    let h = |text: String| if md { format!("## {text}") } else { text };
    super::sayln!(
        "{}",
        h(format!(
            "{} {}",
            id.code,
            lang.pick(&id.title_zh, &id.title_en)
        ))
    );
    super::sayln!();
    let kv = [
        (m::ID.get(lang), id.id.clone()),
        (m::EDITION.get(lang), id.edition(lang).to_string()),
        (
            m::LEVEL.get(lang),
            lang.pick(id.level.name_zh(), id.level.key()).to_string(),
        ),
        (m::ISSUER.get(lang), id.issuer.clone()),
        (m::SOURCE.get(lang), id.source.clone()),
        (m::SCORING.get(lang), {
            use crate::standard::{MissingPolicy, ScoringMethod};
            let method = match st.scoring.method {
                ScoringMethod::Stars => m::SCORING_BY_STARS,
                ScoringMethod::Goalposts => m::SCORING_LINEAR,
            }
            .get(lang);
            let missing = match st.scoring.missing {
                MissingPolicy::Zero => m::MISSING_SCORES_ZERO,
                MissingPolicy::Exclude => m::MISSING_LEFT_OUT,
            }
            .get(lang);
            let (b, d) = (
                fmt_num(st.scoring.bonus_cap),
                fmt_num(st.scoring.deduction_cap),
            );
            m::SCORING_LINE.fill(lang, &[&method, &missing, &b, &d])
        }),
        (
            m::PROVISIONAL.get(lang),
            format!("{} / {}", st.provisional_count(), st.entry_count()),
        ),
    ];
    for (k, v) in kv {
        if md {
            super::sayln!("- **{k}**: {v}");
        } else {
            let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(k));
            super::sayln!("{}{k}  {v}", " ".repeat(pad));
        }
    }
    if !id.note(lang).is_empty() {
        super::sayln!();
        super::sayln!("{}", id.note(lang));
    }
    for d in &st.dimension {
        super::sayln!();
        let weight = d
            .weight
            .map_or(common::WEIGHT_BONUS.get(lang).to_string(), |w| {
                format!("{}%", fmt_num(w))
            });
        super::sayln!(
            "{}",
            h(format!(
                "{} {} ({weight}){}",
                d.code,
                d.name(lang),
                if d.provisional { " *" } else { "" }
            ))
        );
        // Twelve columns need a wide terminal (160); a narrower one gets three lines an indicator.
        if !md && crate::render::table::width() < 160 {
            let mut out = String::new();
            for ind in st.indicators_of(&d.code) {
                let weight = ind.weight.or(ind.points).map(fmt_num).unwrap_or_default();
                let stars: Vec<String> = star_requirements(ind, lang)
                    .into_iter()
                    .enumerate()
                    .map(|(k, r)| format!("{}★ {r}", k + 1))
                    .collect();
                out.push_str(&format!(
                    "  {} {}{}\n    {} · {} · {} · {} {weight}\n    {}\n",
                    ind.code,
                    ind.name(lang),
                    if ind.provisional { " *" } else { "" },
                    kind_name(&ind.kind, lang),
                    match crate::assess::score::unit_name(&ind.unit, lang) {
                        "" => "—",
                        u => u,
                    },
                    role_name(ind.role, lang),
                    m::WEIGHT_OR_POINTS.get(lang),
                    stars.join("  ")
                ));
            }
            super::sayln!("{}", out.trim_end());
            continue;
        }
        let mut t = new_table(format, lang);
        t.set_header(vec![
            m::CODE.get(lang),
            m::INDICATOR.get(lang),
            m::KIND.get(lang),
            m::UNIT.get(lang),
            m::ROLE.get(lang),
            m::WEIGHT_OR_POINTS.get(lang),
            "1★",
            "2★",
            "3★",
            "4★",
            "5★",
            m::PROVISIONAL_SHORT.get(lang),
        ]);
        for ind in st.indicators_of(&d.code) {
            let mut row = vec![
                ind.code.clone(),
                ind.name(lang).to_string(),
                kind_name(&ind.kind, lang).to_string(),
                ind.unit.clone(),
                role_name(ind.role, lang).to_string(),
                ind.weight.or(ind.points).map(fmt_num).unwrap_or_default(),
            ];
            row.extend(star_requirements(ind, lang));
            row.push(if ind.provisional {
                "*".into()
            } else {
                String::new()
            });
            t.add_row(row);
        }
        super::sayln!("{t}");
    }
    super::sayln!();
    super::sayln!("{}", h(m::RATING_RULES.get(lang).to_string()));
    let mut t = new_table(format, lang);
    t.set_header(vec![
        m::STARS.get(lang),
        m::NAME.get(lang),
        m::TOTAL_AT_LEAST.get(lang),
        m::EACH_DIMENSION_AT_LEAST.get(lang),
        m::MANDATORY_AT_LEAST.get(lang),
        m::MAX_MISSING.get(lang),
        m::OTHER_CONDITIONS.get(lang),
        m::TIERS.get(lang),
    ]);
    let mut rules: Vec<_> = st.rating.iter().collect();
    rules.sort_by_key(|r| r.stars);
    for r in rules {
        let mut other = Vec::new();
        for (d, x) in &r.min_dimension_for {
            other.push(format!("{d} ≥ {}", fmt_num(*x)));
        }
        for (c, s) in &r.min_stars {
            other.push(format!("{c} ≥ {s}★"));
        }
        if !r.veto.is_empty() {
            other.push(
                crate::catalogue::common::LABELLED.fill(
                    lang,
                    &[
                        &m::VETO.get(lang),
                        &r.veto
                            .join(crate::catalogue::common::NAME_SEPARATOR.get(lang)),
                    ],
                ),
            );
        }
        let tiers: Vec<String> = r
            .tier
            .iter()
            .map(|t| {
                format!(
                    "{} ≥ {}",
                    lang.pick(&t.name_zh, &t.name_en),
                    fmt_num(t.min_total)
                )
            })
            .collect();
        t.add_row(vec![
            "★".repeat(r.stars as usize),
            lang.pick(&r.name_zh, &r.name_en).to_string(),
            fmt_num(r.min_total),
            r.min_dimension.map(fmt_num).unwrap_or_default(),
            r.mandatory_min_stars
                .map(|s| format!("{s}★"))
                .unwrap_or_default(),
            r.max_missing.map(|m| m.to_string()).unwrap_or_default(),
            other.join(crate::catalogue::common::LIST_SEPARATOR.get(lang)),
            tiers.join(crate::catalogue::common::LIST_SEPARATOR.get(lang)),
        ]);
    }
    super::sayln!("{t}");
    super::sayln!();
    super::sayln!("{}", m::PROVISIONAL_MARK_NOTE.get(lang));
    Ok(Outcome::Done)
}

fn lint(files: &[PathBuf], lang: Lang) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::Done;
    for path in files {
        let shown = path.display().to_string();
        let text = match super::read_text_file(path, crate::tomlread::FileKind::Standard) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}", super::error_words(&e, lang));
                outcome = Outcome::Failed;
                continue;
            }
        };
        match crate::standard::load_str(&text, &shown) {
            Ok(s) => {
                let (id, code) = (s.id(), &s.standard.code);
                let (d, i, r) = (s.dimension.len(), s.indicator.len(), s.rating.len());
                let (p, n) = (s.provisional_count(), s.entry_count());
                super::sayln!(
                    "{}",
                    m::STANDARD_LINT_OK.fill(lang, &[&shown, &id, code, &d, &i, &r, &n, &p])
                );
            }
            Err(e) => {
                print!("{}", e.render(lang));
                outcome = Outcome::Failed;
            }
        }
    }
    Ok(outcome)
}
