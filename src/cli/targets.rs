//! `citystar targets list | show NAME | lint PATH`: the policy targets.

use super::{Format, Outcome};
use crate::Lang;
use crate::catalogue::cli as m;
use crate::catalogue::common;
use crate::render::rounds::{requirement_text, sourced_word};
use crate::rounds::targets::{self, TargetFile};
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum Action {
    /// The shipped target files: document, issuer, number of targets, whether sourced.
    List {
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every target of one file: year, level, star, share or count, scope, source.
    Show {
        /// An embedded name (see `targets list`) or a path to a target file.
        name: String,
        /// Output format: a table for the terminal, JSON or Markdown.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check target files; every problem at its line and column. Exit 0 when
    /// none has a problem, else 2.
    Lint {
        /// Target files (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(action: Action, lang: Lang) -> anyhow::Result<Outcome> {
    match action {
        Action::List { format } => list(format, lang),
        Action::Show { name, format } => {
            let file = resolve(&name)?;
            show(&file, format, lang)?;
            Ok(Outcome::Done)
        }
        Action::Lint { files } => lint(&files, lang),
    }
}

/// `--targets NAME|FILE.toml`: an embedded name, or a target file. A file
/// with problems stops the run with every problem listed.
pub fn resolve(spec: &str) -> anyhow::Result<TargetFile> {
    if let Some((name, text)) = targets::FILES.iter().find(|(n, _)| *n == spec) {
        return Ok(targets::load_str(text, &format!("embedded:{name}"))?);
    }
    let path = Path::new(spec);
    if !path.exists() {
        let names: Vec<&str> = targets::FILES.iter().map(|(n, _)| *n).collect();
        return Err(super::said_each(m::NO_SUCH_TARGETS, |lang| {
            vec![
                spec.to_string(),
                names.join(common::NAME_SEPARATOR.get(lang)),
            ]
        }));
    }
    let text = super::read_text_file(path, crate::tomlread::FileKind::Targets)?;
    Ok(targets::load_str(&text, &path.display().to_string())?)
}

fn list(format: Format, lang: Lang) -> anyhow::Result<Outcome> {
    let files = targets::embedded();
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&files)?);
        return Ok(Outcome::Done);
    }
    let header = [
        m::NAME.get(lang),
        m::DOCUMENT.get(lang),
        m::TARGETS.get(lang),
        m::SOURCED.get(lang),
    ];
    let rows: Vec<Vec<String>> = files
        .iter()
        .map(|f| {
            vec![
                f.name.clone(),
                f.document.clone(),
                f.targets.len().to_string(),
                sourced_word(f.sourced, lang).to_string(),
            ]
        })
        .collect();
    if format == Format::Markdown {
        print!(
            "{}",
            super::benchmarks::render(&header, &rows, format, lang)
        );
        return Ok(Outcome::Done);
    }
    let mut t = crate::render::table::new(super::ascii(), lang);
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r);
    }
    // Names and document numbers are never cut.
    crate::render::table::keep_whole(&mut t, &[0, 1]);
    println!("{}", t.trim_fmt());
    for f in &files {
        super::sayln!(
            "{}: {} — {}",
            f.name,
            lang.pick(&f.issuer_zh, &f.issuer_en),
            lang.pick(&f.title_zh, &f.title_en)
        );
    }
    Ok(Outcome::Done)
}

fn show(file: &TargetFile, format: Format, lang: Lang) -> anyhow::Result<()> {
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(file)?);
        return Ok(());
    }
    let title = lang.pick(&file.title_zh, &file.title_en);
    let title = if file.document.is_empty() || title.contains(&file.document) {
        format!(
            "{} — {title} ({})",
            file.name,
            sourced_word(file.sourced, lang)
        )
    } else {
        format!(
            "{} — {} {title} ({})",
            file.name,
            file.document,
            sourced_word(file.sourced, lang)
        )
    };
    let sources_of = |t: &crate::rounds::targets::Target| {
        if t.sources.is_empty() {
            file.sources.join(" ")
        } else {
            t.sources.join(" ")
        }
    };
    if format == Format::Markdown {
        super::sayln!("## {title}");
        super::sayln!();
        let header = [
            "id",
            m::REQUIRES.get(lang),
            m::IN_WORDS.get(lang),
            m::SOURCE.get(lang),
        ];
        let rows: Vec<Vec<String>> = file
            .targets
            .iter()
            .map(|t| {
                vec![
                    t.id.clone(),
                    requirement_text(t, lang),
                    lang.pick(&t.text_zh, &t.text_en).to_string(),
                    sources_of(t),
                ]
            })
            .collect();
        print!(
            "{}",
            super::benchmarks::render(&header, &rows, format, lang)
        );
    } else {
        super::sayln!("{title}");
        for t in &file.targets {
            super::sayln!();
            super::sayln!("{}  {}", t.id, requirement_text(t, lang));
            super::sayln!("  {}", lang.pick(&t.text_zh, &t.text_en));
            super::sayln!("  {}{}", m::SOURCE_PREFIX.get(lang), sources_of(t));
        }
    }
    if !file.sources.is_empty() {
        super::sayln!();
        super::sayln!("{}{}", m::FILE_SOURCES.get(lang), file.sources.join(" "));
    }
    Ok(())
}

fn lint(files: &[PathBuf], lang: Lang) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::Done;
    for path in files {
        let shown = path.display().to_string();
        let text = match super::read_text_file(path, crate::tomlread::FileKind::Targets) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}", super::error_words(&e, lang));
                outcome = Outcome::Failed;
                continue;
            }
        };
        match targets::load_str(&text, &shown) {
            Ok(f) => {
                let (name, doc, n) = (&f.name, &f.document, f.targets.len());
                let sourced = sourced_word(f.sourced, lang);
                super::sayln!(
                    "{}",
                    m::TARGETS_LINT_OK.fill(lang, &[&shown, name, doc, &n, &sourced])
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
