//! The command line: argument definitions and dispatch, one file per command.

/// Print a line of terminal prose wrapped to the terminal's width (table
/// lines pass through unchanged).
macro_rules! sayln {
    () => { println!() };
    ($($arg:tt)*) => {
        print!(
            "{}",
            crate::render::table::wrap_prose(
                &format!("{}\n", format!($($arg)*)),
                crate::render::table::width()
            )
        )
    };
}
pub(crate) use sayln;

mod assess;
pub(crate) mod benchmarks;
pub mod check;
mod explain;
mod help_zh;
mod review;
mod safe_write;
mod serve;
mod standards;
pub(crate) mod targets;
mod template;

use crate::Lang;
use crate::catalogue::cli as m;
use crate::catalogue::common;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The outcome of a command, as the process exit status (design §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, every gate passed.
    Done = 0,
    /// Done, but a gate failed (below --min-stars, or a denied diagnostic).
    GateFailed = 1,
    /// Could not do it: usage, unreadable file, invalid standard.
    Failed = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "citystar",
    version,
    about = "Rate smart cities, counties and communities against DB37/T 3890 (1–5 stars)",
    long_about = None
)]
pub struct Cli {
    /// Output language; default from LC_ALL / LANG (zh* gives Chinese), else English.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangChoice>,
    /// ASCII table borders (for logs and terminals without box-drawing glyphs).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Show the underlying library's words after a read error.
    #[arg(long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`, as given (or not).
#[derive(Debug, Clone, Copy)]
pub struct LangArg {
    pub lang: Option<LangChoice>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangChoice {
    Zh,
    En,
}

impl LangArg {
    pub fn resolve(self) -> Lang {
        Lang::detect(self.lang.map(|l| match l {
            LangChoice::Zh => Lang::Zh,
            LangChoice::En => Lang::En,
        }))
    }
}

/// The output format lives with the renderers; the CLI only names it.
pub use crate::render::Format;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Score workbooks, rate them 0–5★, explain the rating, plan the next star; the CI gate.
    Assess(assess::AssessArgs),
    /// The standards: list, show, lint, export to xlsx, import from xlsx.
    Standards {
        #[command(subcommand)]
        action: standards::Action,
    },
    /// Benchmark figures of other provinces: list, show.
    Benchmarks {
        #[command(subcommand)]
        action: benchmarks::Action,
    },
    /// Policy targets by star (the province's 2020 guidance and others): list, show, lint.
    Targets {
        #[command(subcommand)]
        action: targets::Action,
    },
    /// Write the blank submission workbook for a level.
    Template {
        #[command(flatten)]
        args: template::TemplateArgs,
    },
    /// Read and validate workbooks: every problem at its cell, no score.
    Check {
        #[command(flatten)]
        args: check::CheckArgs,
    },
    /// What a diagnostic or lint code means and how to fix it.
    Explain {
        #[command(flatten)]
        args: explain::ExplainArgs,
    },
    /// The assessor's review: a workbook to verify a submission's values and evidence.
    Review {
        #[command(subcommand)]
        action: review::Action,
    },
    /// The self-check in a browser: a page on this computer to download templates and assess workbooks.
    Serve(serve::ServeArgs),
}

/// A usage or input error said in both languages; `main` prints the reader's.
#[derive(Debug)]
pub struct Said(pub crate::diag::Text);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for Said {}

/// An error's words in `lang`: ours in the reader's language, a file's
/// problems each in it, anything else as its chain says it.
pub fn error_words(e: &anyhow::Error, lang: Lang) -> String {
    match e.downcast_ref::<Said>() {
        Some(s) => s.0.get(lang).to_string(),
        None => match e.downcast_ref::<crate::tomlread::LoadError>() {
            Some(l) if e.chain().count() == 1 => l.render(lang),
            _ => format!("{e:#}"),
        },
    }
}

/// An error made of a catalogue message and its arguments, in every language.
pub fn said_message(m: &crate::catalogue::said::Message) -> anyhow::Error {
    said(m.words(Lang::Zh), m.words(Lang::En))
}

/// An error in both languages.
pub fn said(zh: impl Into<String>, en: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Said(crate::diag::Text::new(zh, en)))
}

/// An error in every language: a catalogue message and its arguments.
pub fn said_msg(msg: crate::catalogue::Msg, args: &[&dyn std::fmt::Display]) -> anyhow::Error {
    said(msg.fill(Lang::Zh, args), msg.fill(Lang::En, args))
}

/// The same, for arguments that are words themselves: `args` gives them in
/// a language (a list joined its way, a reason said in it).
pub fn said_each(msg: crate::catalogue::Msg, args: impl Fn(Lang) -> Vec<String>) -> anyhow::Error {
    let fill = |lang| {
        let words = args(lang);
        let refs: Vec<&dyn std::fmt::Display> = words.iter().map(|w| w as _).collect();
        msg.fill(lang, &refs)
    };
    said(fill(Lang::Zh), fill(Lang::En))
}

static LOADER: std::sync::OnceLock<crate::submission::Loader> = std::sync::OnceLock::new();
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--verbose` was given.
pub(crate) fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}
static ASCII: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--ascii`: ASCII table borders.
pub(crate) fn ascii() -> bool {
    ASCII.load(std::sync::atomic::Ordering::Relaxed)
}

/// How this run reads workbooks: in reader processes of this executable
/// (memory and time limited, see `submission::isolate`), unless
/// `CITYSTAR_READER=in-process` asks for reading in this process.
pub fn loader() -> &'static crate::submission::Loader {
    use crate::submission::{Loader, isolate};
    LOADER.get_or_init(|| {
        let in_process = std::env::var("CITYSTAR_READER").is_ok_and(|v| v == "in-process");
        match std::env::current_exe() {
            Ok(exe) if !in_process => {
                Loader::Isolated(isolate::ReaderPool::new(exe, isolate::Limits::from_env()))
            }
            _ => Loader::InProcess,
        }
    })
}

/// A read failure as one sentence in the reader's language; with `--verbose`,
/// the underlying library's words follow.
pub fn failure_message(f: &crate::submission::Failure) -> crate::catalogue::said::Message {
    use crate::catalogue::said::say;
    match f.detail() {
        Some(d) if VERBOSE.load(std::sync::atomic::Ordering::Relaxed) => {
            say!(m::WITH_DETAIL, f.text(), d)
        }
        _ => f.text(),
    }
}

/// The language asked for before the arguments are parsed (for the help
/// texts): `--lang X` / `--lang=X` anywhere on the command line, else the locale.
fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args.iter().enumerate().find_map(|(k, a)| {
        let v = a.strip_prefix("--lang=").or_else(|| {
            (a == "--lang")
                .then(|| args.get(k + 1).map(String::as_str))
                .flatten()
        })?;
        match v {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    });
    Lang::detect(given)
}

/// The arguments, with help and usage errors in the output language.
fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let mut cmd = Cli::command();
    let zh = early_lang() == Lang::Zh;
    let width = crate::render::table::width();
    // In Chinese clap lays the help out unwrapped and `wrap_help` wraps it (clap
    // breaks only at spaces, and would split `table 表格` from its sentence).
    // Set before `localize`, which builds the tree (subcommands copy it then).
    cmd = cmd.term_width(if zh { 0 } else { usize::from(width) });
    if zh {
        cmd = help_zh::localize(cmd);
    }
    let fail = |e: clap::Error| -> ! {
        use clap::error::ErrorKind;
        if !zh {
            e.exit()
        }
        let text = match help_zh::usage_error(&e) {
            Some(text) => text,
            None if e.kind() == ErrorKind::DisplayVersion => e.exit(),
            None => help_zh::wrap_help(&e.render().to_string(), width),
        };
        if e.use_stderr() {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
        std::process::exit(e.exit_code())
    };
    let matches = cmd.try_get_matches().unwrap_or_else(|e| fail(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| fail(e))
}

/// Parse the process arguments and run; returns the exit status.
pub fn main() -> i32 {
    // An unattended run may cap its own address space (its readers inherit
    // the cap and keep their own, lower one).
    if let Some(mb) = std::env::var("CITYSTAR_MEMORY_LIMIT_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|mb| *mb > 0)
    {
        let bytes = mb.saturating_mul(1024 * 1024);
        let _ = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes);
    }
    let cli = parse();
    // A worker thread waits while its reader process reads; with two workers
    // per CPU one assesses while the other waits (docs/performance.md).
    if std::env::var_os("RAYON_NUM_THREADS").is_none()
        && matches!(loader(), crate::submission::Loader::Isolated(_))
    {
        let cpus = std::thread::available_parallelism().map_or(1, usize::from);
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(cpus * 2)
            .build_global();
    }
    VERBOSE.store(cli.verbose, std::sync::atomic::Ordering::Relaxed);
    ASCII.store(cli.ascii, std::sync::atomic::Ordering::Relaxed);
    let given = LangArg { lang: cli.lang };
    let lang = given.resolve();
    let outcome = match cli.command {
        Command::Standards { action } => standards::run(action, lang),
        Command::Benchmarks { action } => benchmarks::run(action, lang),
        Command::Targets { action } => targets::run(action, lang),
        Command::Template { args } => template::run(args, given),
        Command::Check { args } => check::run(args, lang),
        Command::Explain { args } => explain::run(args, lang),
        Command::Assess(args) => assess::run(args, lang),
        Command::Review { action } => review::run(action, lang),
        Command::Serve(args) => serve::run(args, lang),
    };
    match outcome {
        Ok(o) => o as i32,
        // The reader of stdout went away: stop quietly.
        Err(e) if is_broken_pipe(&e) => Outcome::Done as i32,
        Err(e) => {
            eprintln!(
                "{}{}",
                m::ERROR_PREFIX.get(lang),
                crate::render::escape::terminal(&error_words(&e, lang))
            );
            Outcome::Failed as i32
        }
    }
}

/// Whether an error is, at its root, a write to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Whether a panic is `print!`'s on a closed stdout (`failed printing to
/// stdout: Broken pipe`): the binary's panic hook ends such a run quietly.
pub fn is_broken_pipe_panic(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let payload = info.payload();
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    // The OS says `Broken pipe (os error 32)`; the kind says `broken pipe`.
    text.starts_with("failed printing to stdout") && text.to_lowercase().contains("broken pipe")
}

/// Drop from `files` the workbooks a folder scan found that a submission
/// above them names as its evidence (docs/review.md); returns how many. Only
/// nested layouts cost anything: the submissions holding such candidates are
/// read once more for their evidence column.
pub(crate) fn drop_evidence_workbooks<'s>(
    paths: &[PathBuf],
    files: &mut Vec<PathBuf>,
    choose: &(dyn Fn(Option<crate::standard::Level>) -> &'s crate::standard::Standard + Sync),
) -> usize {
    use rayon::prelude::*;
    let candidates = crate::folder::evidence_candidates(paths, files);
    if candidates.is_empty() {
        return 0;
    }
    let mut holders: Vec<PathBuf> = candidates.iter().flat_map(|(_, h)| h.clone()).collect();
    holders.sort();
    holders.dedup();
    let named: std::collections::HashSet<PathBuf> = holders
        .par_iter()
        .filter_map(|h| {
            crate::submission::read_path(loader(), h, choose)
                .ok()
                .map(|(s, _)| crate::submission::evidence::named_files(&s, h))
        })
        .flatten()
        .collect();
    let evidence: std::collections::HashSet<PathBuf> = candidates
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| std::fs::canonicalize(c).is_ok_and(|c| named.contains(&c)))
        .collect();
    files.retain(|f| !evidence.contains(f));
    evidence.len()
}

/// Largest standard or benchmark file read: the shipped ones are tens of kilobytes.
pub const MAX_TEXT_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A standard or benchmark file's text: a regular file of at most
/// `MAX_TEXT_FILE_BYTES`, in UTF-8.
pub fn read_text_file(
    path: &std::path::Path,
    what: crate::tomlread::FileKind,
) -> anyhow::Result<String> {
    use crate::catalogue::said::{Arg, say};
    let what = || Arg::each(what.name(Lang::Zh), what.name(Lang::En));
    let shown = path.display().to_string();
    let bytes = crate::submission::read_file_bytes(path, MAX_TEXT_FILE_BYTES).map_err(|f| {
        said_message(&match f {
            crate::submission::Failure::TooBig { bytes, .. } => say!(
                m::TEXT_FILE_TOO_BIG,
                what(),
                &shown,
                format!("{:.1}", bytes as f64 / 1_048_576.0),
                MAX_TEXT_FILE_BYTES / 1_048_576
            ),
            f => say!(m::CANNOT_READ_TEXT_FILE, what(), &shown, f.text()),
        })
    })?;
    String::from_utf8(bytes).map_err(|_| said_message(&say!(m::NOT_UTF8, what(), &shown)))
}

/// `--standard ID|PATH`: an embedded id, or a path to a standard file.
pub fn resolve_standard(spec: &str) -> anyhow::Result<crate::standard::Standard> {
    let all = crate::standard::embedded::all()?;
    if let Some(s) = all.iter().find(|s| s.id() == spec) {
        return Ok(s.clone());
    }
    let path = PathBuf::from(spec);
    if !path.exists() {
        let ids: Vec<&str> = all.iter().map(|s| s.id()).collect();
        return Err(said_each(m::NO_SUCH_STANDARD, |lang| {
            vec![spec.to_string(), ids.join(common::NAME_SEPARATOR.get(lang))]
        }));
    }
    let text = read_text_file(&path, crate::tomlread::FileKind::Standard)?;
    Ok(crate::standard::load_str(
        &text,
        &path.display().to_string(),
    )?)
}
