//! `citystar check FILE|DIR...`: read and validate workbooks; every problem
//! addressed to its cell, no score. Exit 0 clean, 1 when a diagnostic is at
//! error severity, 2 when a file cannot be read at all (the run goes on).

use super::{Format, Outcome};
use crate::Lang;
use crate::catalogue::cli as m;
use crate::diag::{Diagnostic, Levels, Severity};
use crate::standard::{Level, Standard};
use crate::submission::{Entity, ReadError, read_path_with_evidence};
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// `--deny`, `--warn`, `--allow`: shared by every command that reads workbooks.
#[derive(Args, Debug, Clone, Default)]
pub struct GateArgs {
    /// Treat a diagnostic code as an error (`warnings`: every warning). Repeatable, comma-separated.
    #[arg(long, value_name = "CODE|warnings", value_delimiter = ',')]
    pub deny: Vec<String>,
    /// Treat a diagnostic code as a warning. Repeatable, comma-separated.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub warn: Vec<String>,
    /// Silence a diagnostic code. Repeatable, comma-separated.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub allow: Vec<String>,
}

impl GateArgs {
    /// The re-levelling asked for; an unknown code is said in both languages.
    pub fn levels(&self) -> anyhow::Result<Levels> {
        Levels::new(&self.deny, &self.warn, &self.allow).map_err(|e| super::said_message(&e.text()))
    }
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Workbooks (xlsx, xlsm, xlsb, xls, ods) or folders to search for them.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,
    /// Check against this standard (embedded id or file) instead of the one for the workbook's level.
    #[arg(long, value_name = "ID|PATH")]
    pub standard: Option<String>,
    /// Output format: a table for the terminal, JSON or Markdown.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub gate: GateArgs,
}

/// One file's result, as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: String,
    /// `read`; `unreadable` with `error` saying why; or `skipped` (a report
    /// citystar wrote, not a submission).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
    pub counts: Counts,
    pub diagnostics: Vec<Diagnostic>,
    /// Evidence files the workbook names, found in its folder (size, SHA-256, kind).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<crate::submission::evidence::EvidenceFile>,
}

#[derive(Debug, Default, Serialize, Clone, Copy)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    fn of(diags: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub files: usize,
    pub unreadable: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Read and check every file (in parallel, results in the given order).
pub fn check_files(
    files: &[PathBuf],
    standards: &[Standard],
    forced: Option<&Standard>,
    levels: &Levels,
    lang: Lang,
) -> CheckReport {
    let choose = |level: Option<Level>| -> &Standard {
        if let Some(s) = forced {
            return s;
        }
        let level = level.unwrap_or(Level::City);
        standards
            .iter()
            .find(|s| s.level() == level)
            .unwrap_or(&standards[0])
    };
    let files: Vec<FileReport> = files
        .par_iter()
        .map(
            |path| match read_path_with_evidence(super::loader(), path, &choose) {
                Ok((sub, std, evidence)) => {
                    let diagnostics = levels.apply(sub.diagnostics);
                    FileReport {
                        file: sub.file,
                        status: "read",
                        error: None,
                        sha256: Some(sub.sha256),
                        standard: Some(std.id().to_string()),
                        entity: Some(sub.entity),
                        counts: Counts::of(&diagnostics),
                        diagnostics,
                        evidence,
                    }
                }
                Err(ReadError { file, failure }) => FileReport {
                    file,
                    status: if failure == crate::submission::Failure::OwnReport {
                        "skipped"
                    } else {
                        "unreadable"
                    },
                    error: Some(super::failure_message(&failure).words(lang)),
                    sha256: None,
                    standard: None,
                    entity: None,
                    counts: Counts::default(),
                    diagnostics: Vec::new(),
                    evidence: Vec::new(),
                },
            },
        )
        .collect();
    let summary = Summary {
        files: files.len(),
        unreadable: files.iter().filter(|f| f.status == "unreadable").count(),
        error: files.iter().map(|f| f.counts.error).sum(),
        warning: files.iter().map(|f| f.counts.warning).sum(),
        info: files.iter().map(|f| f.counts.info).sum(),
    };
    CheckReport { files, summary }
}

impl CheckReport {
    /// Paths that named no readable workbook (missing, an empty folder …),
    /// reported like files that could not be read, in path order.
    pub fn add_unreadable(&mut self, unreadable: Vec<crate::folder::Unreadable>, lang: Lang) {
        for u in unreadable {
            self.files.push(FileReport {
                file: u.file,
                status: "unreadable",
                error: Some(u.message.words(lang)),
                sha256: None,
                standard: None,
                entity: None,
                counts: Counts::default(),
                diagnostics: Vec::new(),
                evidence: Vec::new(),
            });
            self.summary.files += 1;
            self.summary.unreadable += 1;
        }
        self.files.sort_by(|a, b| a.file.cmp(&b.file));
    }
}

pub fn run(args: CheckArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let levels = args.gate.levels()?;
    let standards = crate::standard::embedded::all()?;
    let forced = args
        .standard
        .as_deref()
        .map(super::resolve_standard)
        .transpose()?;
    let (mut files, unreadable) = crate::folder::collect_files(&args.files);
    let evidence_books = {
        let choose = |level: Option<Level>| -> &Standard {
            if let Some(s) = &forced {
                return s;
            }
            let level = level.unwrap_or(Level::City);
            standards
                .iter()
                .find(|s| s.level() == level)
                .unwrap_or(&standards[0])
        };
        super::drop_evidence_workbooks(&args.files, &mut files, &choose)
    };
    if evidence_books > 0 {
        eprintln!(
            "{}",
            crate::render::escape::terminal(
                &m::EVIDENCE_NOT_CHECKED.fill(lang, &[&evidence_books])
            )
        );
    }
    let mut report = check_files(&files, &standards, forced.as_ref(), &levels, lang);
    report.add_unreadable(unreadable, lang);
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Markdown => print!("{}", markdown(&report, lang)),
        Format::Table => print_table(&report, lang),
    }
    // Nothing read is never a pass.
    Ok(
        if report.summary.unreadable > 0 || report.files.iter().all(|f| f.status != "read") {
            Outcome::Failed
        } else if report.summary.error > 0 {
            Outcome::GateFailed
        } else {
            Outcome::Done
        },
    )
}

fn sev_text(s: Severity, lang: Lang) -> String {
    match lang {
        Lang::Zh => s.name_zh().to_string(),
        Lang::En => s.to_string(),
    }
}

fn title(f: &FileReport, lang: Lang) -> String {
    let who = f
        .entity
        .as_ref()
        .map(|e| {
            let level = e
                .level
                .map(|l| lang.pick(l.name_zh(), l.key()).to_string())
                .unwrap_or_default();
            format!("{} {}", e.name, level).trim().to_string()
        })
        .unwrap_or_default();
    let std = f.standard.as_deref().unwrap_or("");
    let mut t = f.file.clone();
    if !who.is_empty() {
        t.push_str(&format!(" — {who}"));
    }
    if !std.is_empty() {
        t.push_str(&format!(" [{std}]"));
    }
    t
}

fn summary_line(s: &Summary, lang: Lang) -> String {
    m::CHECK_SUMMARY.fill(
        lang,
        &[&s.files, &s.unreadable, &s.error, &s.warning, &s.info],
    )
}

fn print_table(report: &CheckReport, lang: Lang) {
    for f in &report.files {
        let file = esc(&f.file);
        if let Some(e) = &f.error {
            let e = esc(e);
            if f.status == "skipped" {
                eprint!("{}", prose(&format!("{file}: {e}\n")));
            } else {
                eprint!(
                    "{}",
                    prose(&format!("{}: {file}: {e}\n", m::ERROR.get(lang)))
                );
            }
            continue;
        }
        print!("{}", prose(&format!("{}\n", esc(&title(f, lang)))));
        if f.diagnostics.is_empty() {
            println!("  {}", m::NO_PROBLEMS.get(lang));
            println!();
            continue;
        }
        // Six columns need a wide terminal; a narrow one gets each finding as
        // a short block of lines instead.
        if crate::render::table::width() < WIDE {
            let mut out = String::new();
            for d in &f.diagnostics {
                let raw = d
                    .raw
                    .as_deref()
                    .map(|r| format!("  {} {}", m::RAW.get(lang), esc(r)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "  {} {} {}{raw}\n    {}\n    {}{}\n",
                    sev_text(d.severity, lang),
                    d.code,
                    esc(&d.location),
                    esc(&d.message.words(lang)),
                    m::FIX.get(lang),
                    esc(&d.hint.words(lang))
                ));
            }
            println!("{}", prose(&out));
            continue;
        }
        let mut t = crate::render::table::new(super::ascii(), lang);
        t.set_header(vec![
            m::SEVERITY.get(lang),
            m::CODE.get(lang),
            m::LOCATION.get(lang),
            m::RAW.get(lang),
            m::MESSAGE.get(lang),
            m::HINT.get(lang),
        ]);
        for d in &f.diagnostics {
            t.add_row(vec![
                sev_text(d.severity, lang),
                d.code.to_string(),
                esc(&d.location),
                esc(d.raw.as_deref().unwrap_or_default()),
                esc(&d.message.words(lang)),
                esc(&d.hint.words(lang)),
            ]);
        }
        // Codes and cell addresses are never broken across lines.
        crate::render::table::keep_whole(&mut t, &[0, 1, 2]);
        println!("{t}");
        println!();
    }
    println!("{}", summary_line(&report.summary, lang));
}

/// Columns from which `check` lays its findings out as a table.
const WIDE: u16 = 120;

fn prose(s: &str) -> String {
    crate::render::table::wrap_prose(s, crate::render::table::width())
}

fn esc(s: &str) -> String {
    crate::render::escape::terminal(s).into_owned()
}

fn md_escape(s: &str) -> String {
    crate::render::escape::markdown(s)
}

pub fn markdown(report: &CheckReport, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", m::WORKBOOK_CHECK.get(lang)));
    for f in &report.files {
        out.push_str(&format!("## {}\n\n", md_escape(&title(f, lang))));
        if let Some(e) = &f.error {
            out.push_str(&format!(
                "{}: {}\n\n",
                m::CANNOT_READ.get(lang),
                md_escape(e)
            ));
            continue;
        }
        if f.diagnostics.is_empty() {
            out.push_str(&format!("{}\n\n", m::NO_PROBLEMS_FOUND.get(lang)));
            continue;
        }
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
            m::SEVERITY_SHORT.get(lang),
            m::CODE.get(lang),
            m::LOCATION.get(lang),
            m::RAW.get(lang),
            m::MESSAGE.get(lang),
            m::HINT.get(lang),
        ));
        for d in &f.diagnostics {
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} | {} |\n",
                sev_text(d.severity, lang),
                d.code,
                md_escape(&d.location),
                md_escape(d.raw.as_deref().unwrap_or("")),
                md_escape(&d.message.words(lang)),
                md_escape(&d.hint.words(lang)),
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(&report.summary, lang));
    out.push('\n');
    out
}
