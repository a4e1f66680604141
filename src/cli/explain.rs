//! `citystar explain CODE`: what a diagnostic code means and how to fix it.

use super::Outcome;
use crate::Lang;
use crate::diag::{CATALOGUE, READ_FAILURES, REVIEW_CODES, any_entry};
use clap::Args;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A diagnostic code, e.g. numerator-exceeds-denominator.
    #[arg(required_unless_present = "list")]
    pub code: Option<String>,
    /// List every code with its default severity and title.
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: ExplainArgs, lang: Lang) -> anyhow::Result<Outcome> {
    if args.list {
        for e in CATALOGUE.iter().chain(REVIEW_CODES).chain(READ_FAILURES) {
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
    let Some(e) = any_entry(code.trim()) else {
        let near: Vec<&str> = CATALOGUE
            .iter()
            .chain(REVIEW_CODES)
            .chain(READ_FAILURES)
            .map(|e| e.code)
            .filter(|c| code.split('-').any(|w| w.len() > 2 && c.contains(w)))
            .collect();
        let mut msg = format!("no diagnostic code `{code}`");
        if !near.is_empty() {
            msg.push_str(&format!("; did you mean {}?", near.join(", ")));
        }
        msg.push_str(" (`citystar explain --list` lists them all)");
        anyhow::bail!(msg);
    };
    let (sev, title, what, fix) = match lang {
        Lang::Zh => (e.severity.name_zh(), e.title_zh, e.explain_zh, e.fix_zh),
        Lang::En => ("", e.title_en, e.explain_en, e.fix_en),
    };
    let sev = if sev.is_empty() {
        e.severity.to_string()
    } else {
        sev.to_string()
    };
    super::sayln!("{} — {title}", e.code);
    super::sayln!("{}: {sev}", lang.pick("默认级别", "default severity"));
    super::sayln!();
    super::sayln!("{what}");
    super::sayln!();
    super::sayln!("{}: {fix}", lang.pick("如何修正", "how to fix"));
    Ok(Outcome::Done)
}
