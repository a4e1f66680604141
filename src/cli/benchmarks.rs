//! `citystar benchmarks list | show`.

use super::{Format, Outcome};
use crate::Lang;
use crate::benchmark::{BenchmarkFile, Catalog, Figure, LoadError, embedded};
use crate::catalogue::cli as m;
use crate::catalogue::common;
use clap::Subcommand;
use serde::Serialize;
use std::path::Path;

#[derive(Subcommand, Debug)]
pub enum Action {
    /// The embedded benchmarks: kind, years covered, figures, indicators compared.
    List {
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every figure of one benchmark with its year, unit, definition, source and
    /// whether it is compared. Exit 2 if the file has problems.
    Show {
        /// An embedded name (see `benchmarks list`) or a path to a benchmark file.
        benchmark: String,
        /// Check indicator codes and units against this standard (id or path).
        #[arg(long)]
        standard: Option<String>,
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub fn run(action: Action, lang: Lang) -> anyhow::Result<Outcome> {
    match action {
        Action::List { format } => list(format, lang),
        Action::Show {
            benchmark,
            standard,
            format,
        } => {
            let catalog = match standard {
                Some(s) => Some(Catalog::of(&super::resolve_standard(&s)?)),
                None => None,
            };
            match resolve(&benchmark, catalog.as_ref())? {
                Ok(file) => {
                    show(&file, format, lang)?;
                    Ok(Outcome::Done)
                }
                Err(e) => {
                    eprint!("{}", e.render(lang));
                    Ok(Outcome::Failed)
                }
            }
        }
    }
}

/// An embedded name, or a path to a benchmark file. The outer error is for a
/// name that is neither; the inner one for a file with problems.
pub fn resolve(
    spec: &str,
    catalog: Option<&Catalog>,
) -> anyhow::Result<Result<BenchmarkFile, LoadError>> {
    if let Some(found) = embedded::find(spec, catalog) {
        return Ok(found);
    }
    let path = Path::new(spec);
    if !path.exists() {
        return Err(super::said_each(m::NO_SUCH_BENCHMARK, |lang| {
            let names = embedded::names().join(common::NAME_SEPARATOR.get(lang));
            vec![spec.to_string(), names]
        }));
    }
    let text = super::read_text_file(path, crate::tomlread::FileKind::Benchmark)?;
    Ok(crate::benchmark::load_str(
        &text,
        &path.display().to_string(),
        catalog,
    ))
}

#[derive(Serialize)]
struct ListEntry<'a> {
    name: &'a str,
    kind: &'static str,
    name_zh: &'a str,
    name_en: &'a str,
    first_year: Option<i32>,
    last_year: Option<i32>,
    figures: usize,
    comparable_figures: usize,
    indicators: Vec<&'a str>,
}

fn list(format: Format, lang: Lang) -> anyhow::Result<Outcome> {
    let files = embedded::all(None)?;
    let entries: Vec<ListEntry> = files
        .iter()
        .map(|f| {
            let years = f.years();
            ListEntry {
                name: &f.name,
                kind: f.kind.key(),
                name_zh: &f.name_zh,
                name_en: &f.name_en,
                first_year: years.map(|y| y.0),
                last_year: years.map(|y| y.1),
                figures: f.figures.len(),
                comparable_figures: f.figures.iter().filter(|g| g.comparable).count(),
                indicators: f.comparable_codes(),
            }
        })
        .collect();
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(Outcome::Done);
    }
    let header = [
        m::ID.get(lang),
        m::NAME.get(lang),
        m::KIND.get(lang),
        m::YEARS.get(lang),
        m::FIGURES.get(lang),
        m::INDICATORS_COMPARED.get(lang),
    ];
    let rows: Vec<Vec<String>> = files
        .iter()
        .zip(&entries)
        .map(|(f, e)| {
            vec![
                e.name.to_string(),
                f.display_name(lang).to_string(),
                lang.pick(f.kind.name_zh(), f.kind.key()).to_string(),
                match f.years() {
                    Some((a, b)) if a == b => a.to_string(),
                    Some((a, b)) => format!("{a}–{b}"),
                    None => "—".into(),
                },
                format!(
                    "{} ({} {})",
                    e.figures,
                    e.comparable_figures,
                    m::COMPARABLE.get(lang)
                ),
                if e.indicators.is_empty() {
                    "—".into()
                } else {
                    e.indicators.join(", ")
                },
            ]
        })
        .collect();
    print!("{}", render(&header, &rows, format, lang));
    Ok(Outcome::Done)
}

fn show(file: &BenchmarkFile, format: Format, lang: Lang) -> anyhow::Result<()> {
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(file)?);
        return Ok(());
    }
    let years = match file.years() {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => "—".into(),
    };
    let title = format!(
        "{} — {} ({}), {} {}, {years}",
        file.name,
        file.display_name(lang),
        lang.pick(file.kind.name_zh(), file.kind.key()),
        file.figures.len(),
        m::FIGURES_COUNT.get(lang),
    );
    if format == Format::Markdown {
        super::sayln!("## {title}");
    } else {
        super::sayln!("{title}");
    }
    if !file.note.is_empty() {
        super::sayln!("{}", file.note(lang));
    }
    if format == Format::Markdown {
        super::sayln!();
    }
    let header = [
        "#",
        m::INDICATOR.get(lang),
        m::MEASURE_AS_PUBLISHED.get(lang),
        m::VALUE.get(lang),
        m::UNIT.get(lang),
        m::DATE.get(lang),
        m::ENTITY.get(lang),
        m::COMPARED.get(lang),
        m::DEFINITION.get(lang),
        m::SOURCE.get(lang),
    ];
    let rows: Vec<Vec<String>> = file
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| figure_row(i, f, file, lang))
        .collect();
    if format == Format::Markdown {
        print!("{}", render(&header, &rows, format, lang));
        return Ok(());
    }
    // A terminal reads figures better as blocks than as a ten-column table.
    for row in &rows {
        super::sayln!();
        super::sayln!("{:>2}. {}  {}", row[0], row[1], row[2]);
        super::sayln!(
            "    {}: {} {}  ({}, {})",
            header[3],
            row[3],
            row[4],
            row[5],
            row[6]
        );
        super::sayln!("    {}: {}", header[7], row[7]);
        super::sayln!("    {}: {}", header[8], row[8]);
        super::sayln!("    {}: {}", header[9], row[9]);
    }
    Ok(())
}

fn figure_row(i: usize, f: &Figure, file: &BenchmarkFile, lang: Lang) -> Vec<String> {
    let mut definition = f.definition(lang).to_string();
    if f.derived {
        definition = format!(
            "[{}] {definition} {}: {}",
            common::DERIVED.get(lang),
            m::INPUTS.get(lang),
            f.inputs(lang).join(common::LIST_SEPARATOR.get(lang))
        );
    }
    let compared = match (&f.indicator, f.comparable) {
        (Some(code), true) => format!("{} {code}", m::YES_WITH.get(lang)),
        (Some(_), false) => format!(
            "{}{}",
            m::NO_BECAUSE.get(lang),
            f.why(lang).unwrap_or_default()
        ),
        (None, _) => m::NO_INDICATOR_OF_OURS.get(lang).to_string(),
    };
    vec![
        (i + 1).to_string(),
        f.indicator.clone().unwrap_or_else(|| "—".into()),
        lang.pick(&f.metric_zh, &f.metric_en).to_string(),
        f.shown_value(),
        crate::assess::score::unit_name(&f.unit, lang).to_string(),
        f.when_in(lang),
        f.entity
            .clone()
            .unwrap_or_else(|| file.display_name(lang).to_string()),
        compared,
        definition,
        f.source.join(" ; "),
    ]
}

/// A table for the terminal, or a Markdown pipe table.
pub(crate) fn render(header: &[&str], rows: &[Vec<String>], format: Format, lang: Lang) -> String {
    if format == Format::Markdown {
        let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut out = format!("| {} |\n", header.join(" | "));
        out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for r in rows {
            let cells: Vec<String> = r.iter().map(|c| esc(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        return out;
    }
    let mut t = crate::render::table::new(super::ascii(), lang);
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r.clone());
    }
    format!("{}\n", t.trim_fmt())
}
