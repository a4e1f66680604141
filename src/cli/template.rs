//! `citystar template --level city|county|community [-o FILE]`: the blank workbook.

use super::{LangArg, Outcome};
use crate::catalogue::cli as m;
use crate::standard::Level;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelArg {
    City,
    County,
    Community,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::City => Level::City,
            LevelArg::County => Level::County,
            LevelArg::Community => Level::Community,
        }
    }
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("for").required(true).args(["level", "standard"])))]
pub struct TemplateArgs {
    /// The level the workbook is for (required, unless --standard gives the standard).
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// An embedded standard id or a standard file (default: the embedded one for the level).
    #[arg(long, value_name = "ID|PATH")]
    pub standard: Option<String>,
    /// Where to write (default: citystar-template-LEVEL.xlsx in the current folder).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// The template's labels follow the output language, as `--help` says:
/// `--lang`, else LC_ALL / LANG (zh* gives Chinese), else English. Sheet
/// names and codes are the same in both.
pub fn run(args: TemplateArgs, lang: LangArg) -> anyhow::Result<Outcome> {
    let lang = lang.resolve();
    let standard = match (&args.standard, args.level) {
        (Some(spec), level) => {
            let s = super::resolve_standard(spec)?;
            if let Some(l) = level
                && Level::from(l) != s.level()
            {
                anyhow::bail!(
                    "standard {} is for the {} level, not {}",
                    s.id(),
                    s.level().key(),
                    Level::from(l).key()
                );
            }
            s
        }
        (None, Some(level)) => crate::standard::embedded::for_level(level.into())?,
        (None, None) => anyhow::bail!("give --level city|county|community (or --standard ID|PATH)"),
    };
    let out = args.output.unwrap_or_else(|| {
        PathBuf::from(format!("citystar-template-{}.xlsx", standard.level().key()))
    });
    if std::fs::symlink_metadata(&out).is_ok() && !args.force {
        return Err(super::said_msg(m::TEMPLATE_EXISTS, &[&out.display()]));
    }
    let bytes = crate::submission::template::blank(&standard, lang)
        .map_err(|e| super::said_msg(m::CANNOT_BUILD_WORKBOOK, &[&e]))?;
    super::standards::write_new(&out, &bytes, args.force)?;
    let rows: usize = standard.indicator.iter().map(|i| i.inputs().len()).sum();
    let (shown, id) = (out.display(), standard.id());
    eprintln!(
        "{}",
        crate::catalogue::cli::WROTE_TEMPLATE.fill(lang, &[&shown, &id, &rows])
    );
    Ok(Outcome::Done)
}
