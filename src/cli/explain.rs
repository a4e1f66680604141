//! `citystar explain CODE`: what a code means and how to fix it. Two
//! namespaces: the codes of a run (workbooks, reviews, unreadable files,
//! `diag::Code`) and the lint codes of standard, benchmark and target files
//! (`diag::LintCode`). A name in both (`duplicate-code`, `unit-mismatch`)
//! shows both entries, each labelled.

use super::Outcome;
use crate::Lang;
use crate::catalogue::cli as m;
use crate::diag::{Code, Entry, Group, LintCode};
use clap::Args;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A diagnostic or lint code, e.g. numerator-exceeds-denominator.
    #[arg(required_unless_present = "list")]
    pub code: Option<String>,
    /// List every code with its default severity and title.
    #[arg(long)]
    pub list: bool,
}

/// Which namespace an entry belongs to, as `explain` labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    Run(Group),
    Lint,
}

impl Namespace {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Namespace::Run(Group::Workbook) => m::WORKBOOK.get(lang),
            Namespace::Run(Group::Review) => m::REVIEW_WORKBOOK.get(lang),
            Namespace::Run(Group::ReadFailure) => m::UNREADABLE_FILE.get(lang),
            Namespace::Lint => m::LINTED_FILE.get(lang),
        }
    }
}

/// Every entry, both namespaces, in documentation order.
pub fn all_entries() -> impl Iterator<Item = (Namespace, &'static Entry)> {
    let run = Code::ALL
        .iter()
        .map(|&c| (Namespace::Run(c.group()), c.entry()));
    let lint = LintCode::ALL.iter().map(|&c| (Namespace::Lint, c.entry()));
    run.chain(lint)
}

/// The entries a name has: one, two (a name in both namespaces) or none.
pub fn lookup(code: &str) -> Vec<(Namespace, &'static Entry)> {
    let run = code
        .parse::<Code>()
        .ok()
        .map(|c| (Namespace::Run(c.group()), c.entry()));
    let lint = code
        .parse::<LintCode>()
        .ok()
        .map(|c| (Namespace::Lint, c.entry()));
    run.into_iter().chain(lint).collect()
}

pub fn run(args: ExplainArgs, lang: Lang) -> anyhow::Result<Outcome> {
    if args.list {
        let mut last = None;
        for (ns, e) in all_entries() {
            if last != Some(ns) {
                if last.is_some() {
                    super::sayln!();
                }
                super::sayln!("{}", heading(ns, lang));
                last = Some(ns);
            }
            super::sayln!(
                "{:<32} {:<8} {}",
                e.code,
                e.severity.name(lang),
                lang.pick(e.title_zh, e.title_en)
            );
        }
        return Ok(Outcome::Done);
    }
    let code = args.code.unwrap_or_default();
    let code = code.trim();
    let found = lookup(code);
    if found.is_empty() {
        let near: Vec<&str> = all_entries()
            .map(|(_, e)| e.code)
            .filter(|c| code.split('-').any(|w| w.len() > 2 && c.contains(w)))
            .fold(Vec::new(), |mut v, c| {
                if !v.contains(&c) {
                    v.push(c);
                }
                v
            });
        return Err(super::said_each(m::NO_SUCH_CODE, |lang| {
            let guess = if near.is_empty() {
                String::new()
            } else {
                let names = near.join(crate::catalogue::common::NAME_SEPARATOR.get(lang));
                m::DID_YOU_MEAN.fill(lang, &[&names])
            };
            vec![code.to_string(), guess]
        }));
    }
    let both = found.len() > 1;
    for (i, (ns, e)) in found.into_iter().enumerate() {
        if i > 0 {
            super::sayln!();
        }
        let (title, what, fix) = match lang {
            Lang::Zh => (e.title_zh, e.explain_zh, e.fix_zh),
            Lang::En => (e.title_en, e.explain_en, e.fix_en),
        };
        if both {
            super::sayln!("{} ({}) — {title}", e.code, ns.label(lang));
        } else {
            super::sayln!("{} — {title}", e.code);
        }
        super::sayln!(
            "{}: {}",
            m::DEFAULT_SEVERITY.get(lang),
            e.severity.name(lang)
        );
        super::sayln!();
        super::sayln!("{what}");
        super::sayln!();
        super::sayln!("{}: {fix}", m::HOW_TO_FIX.get(lang));
    }
    Ok(Outcome::Done)
}

/// The line above each namespace in `--list`.
fn heading(ns: Namespace, lang: Lang) -> String {
    match ns {
        Namespace::Run(Group::Workbook) => m::HEADING_WORKBOOK_CODES.get(lang).into(),
        Namespace::Run(Group::Review) => m::HEADING_REVIEW_CODES.get(lang).into(),
        Namespace::Run(Group::ReadFailure) => m::HEADING_READ_FAILURES.get(lang).into(),
        Namespace::Lint => m::HEADING_LINT_CODES.get(lang).into(),
    }
}
