//! `citystar review init SUBMISSION -o FILE.review.xlsx`: the assessor's
//! review workbook of a submission (a workbook, or a folder holding it and
//! its evidence). The submission is only read.

use super::Outcome;
use crate::Lang;
use crate::catalogue::cli as m;
use crate::standard::{Level, Standard};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum Action {
    /// Write the review workbook of a submission (one per workbook found).
    Init(InitArgs),
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The submission: a workbook, or a folder with it and its evidence files.
    #[arg(value_name = "FILE|DIR")]
    pub path: PathBuf,
    /// The review workbook to write; a folder when the submission folder holds
    /// several workbooks (one NAME.review.xlsx each).
    #[arg(short, long, value_name = "FILE.review.xlsx|DIR")]
    pub output: PathBuf,
    /// An embedded standard id or a standard file; default: by the level in 基本信息.
    #[arg(long, value_name = "ID|PATH")]
    pub standard: Option<String>,
    /// Replace an existing review workbook.
    #[arg(long)]
    pub force: bool,
}

pub fn run(action: Action, lang: Lang) -> anyhow::Result<Outcome> {
    match action {
        Action::Init(args) => init(args, lang),
    }
}

fn init(args: InitArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let forced = match &args.standard {
        Some(spec) => Some(super::resolve_standard(spec)?),
        None => None,
    };
    let shipped = crate::standard::embedded::all()?;
    let choose = |level: Option<Level>| -> &Standard {
        if let Some(s) = &forced {
            return s;
        }
        let want = level.unwrap_or(Level::City);
        shipped
            .iter()
            .find(|s| s.level() == want)
            .unwrap_or(&shipped[0])
    };
    let (mut files, unreadable) =
        crate::assess::batch::collect_files(std::slice::from_ref(&args.path));
    let evidence_books =
        super::drop_evidence_workbooks(std::slice::from_ref(&args.path), &mut files, &choose);
    if evidence_books > 0 {
        eprintln!(
            "{}",
            crate::render::escape::terminal(
                &m::EVIDENCE_NOT_ASSESSED.fill(lang, &[&evidence_books])
            )
        );
    }
    if let Some(u) = unreadable.first() {
        return Err(super::said_msg(
            m::NOTHING_TO_REVIEW,
            &[&u.file, &u.message.words(lang), &u.code.as_str()],
        ));
    }
    // Where each review goes: the file named, or NAME.review.xlsx in the folder named.
    let many = files.len() > 1;
    let mut targets = Vec::new();
    let mut used = std::collections::HashSet::new();
    for f in &files {
        let target = if many {
            let stem = f
                .file_stem()
                .map_or("submission".into(), |s| s.to_string_lossy().into_owned());
            let mut name = format!("{stem}.review.xlsx");
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{stem}-{n}.review.xlsx");
                n += 1;
            }
            args.output.join(name)
        } else {
            args.output.clone()
        };
        targets.push(target);
    }
    if !many && args.output.is_dir() {
        return Err(super::said_msg(
            m::REVIEW_OUTPUT_IS_FOLDER,
            &[&args.output.display()],
        ));
    }
    // The submission is never written: no target inside the submission folder
    // nor onto a file read; an existing review is replaced only with --force.
    use super::safe_write::{Target, check_target, resolved};
    let inputs: std::collections::HashSet<Target> =
        files.iter().filter_map(|f| Target::identity(f)).collect();
    let mut scanned: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent())
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| resolved(p)))
        .collect();
    if args.path.is_dir() {
        scanned.push(std::fs::canonicalize(&args.path).unwrap_or_else(|_| resolved(&args.path)));
    }
    for t in &targets {
        if std::fs::symlink_metadata(t).is_ok() && !args.force {
            return Err(super::said_msg(m::REVIEW_EXISTS, &[&t.display()]));
        }
        check_target(
            t,
            &inputs,
            &scanned,
            true,
            super::safe_write::Written::Review,
        )?;
    }
    let mut wrote = 0;
    for (f, t) in files.iter().zip(&targets) {
        let (sub, standard, evidence) =
            crate::submission::read_path_with_evidence(super::loader(), f, &choose).map_err(
                |e| {
                    let t = e.failure.text();
                    super::said_each(m::CANNOT_READ_FILE, |lang| {
                        vec![e.file.clone(), t.words(lang)]
                    })
                },
            )?;
        let bytes = crate::submission::review::workbook(&sub, standard, &evidence, lang)
            .map_err(|e| anyhow::anyhow!("cannot build the review workbook: {e}"))?;
        if let Some(parent) = t.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        super::safe_write::replace(t, &bytes)?;
        let rows: usize = standard.indicator.iter().map(|i| i.inputs().len()).sum();
        eprintln!(
            "{}",
            m::WROTE_REVIEW.fill(
                lang,
                &[
                    &t.display(),
                    &sub.entity.name,
                    &rows,
                    &evidence.len(),
                    &sub.diagnostics.len(),
                ],
            )
        );
        wrote += 1;
    }
    let _ = wrote;
    Ok(Outcome::Done)
}
