//! `citystar assess FILE|DIR...`: score, rate, plan; the CI gate.

use super::{Format, Outcome};
use crate::Lang;
use crate::assess::batch::{self, Unreadable};
use crate::assess::{self as core, Options};
use crate::catalogue::cli as m;
use crate::diag::Code;
use crate::standard::{Level, Standard};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AssessArgs {
    /// Workbooks (xlsx, xlsm, xlsb, xls, ods) or folders searched recursively.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// An embedded standard id or a standard file; default: by the level in 基本信息.
    #[arg(long, value_name = "ID|PATH")]
    pub standard: Option<String>,
    /// Output format: a table for the terminal, JSON or Markdown.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Fail (exit 1) when any entity is rated below this star.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=5))]
    pub min_stars: Option<u8>,
    #[command(flatten)]
    pub gate: super::check::GateArgs,
    /// Seed of the rating-stability draws.
    #[arg(long, default_value_t = core::stability::DEFAULT_SEED)]
    pub seed: u64,
    /// Number of rating-stability draws (0 leaves stability out; at most 100,000).
    #[arg(long, default_value_t = core::stability::DEFAULT_DRAWS,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=100_000))]
    pub draws: usize,
    /// Compare with a benchmark: an embedded name (`citystar benchmarks list`), a
    /// benchmark TOML file, another submission workbook, or `cohort` (the batch's
    /// median and top quartile). Repeatable.
    #[arg(long, value_name = "NAME|PATH|cohort")]
    pub benchmark: Vec<String>,
    /// Replace an existing report target that citystar did not write.
    #[arg(long)]
    pub force: bool,
    /// Write the report of the (single) entity to this file: HTML for a name
    /// ending in .html or .htm, else an Excel workbook.
    #[arg(
        long,
        value_name = "FILE.html|FILE.xlsx",
        conflicts_with = "report_dir"
    )]
    pub report: Option<PathBuf>,
    /// Write one report per entity and a summary (summary.html, summary.xlsx) into this folder.
    #[arg(long, value_name = "DIR")]
    pub report_dir: Option<PathBuf>,
    /// Rate also on the verified values of this review workbook (`citystar
    /// review init`), applied to the submission it names. Repeatable.
    #[arg(long, value_name = "FILE.review.xlsx")]
    pub review: Vec<PathBuf>,
    /// Apply every review workbook in this folder to the submission it names.
    #[arg(long, value_name = "DIR")]
    pub review_dir: Option<PathBuf>,
    /// The formats --report-dir writes.
    #[arg(
        long,
        value_enum,
        default_value_t,
        requires = "report_dir",
        value_name = "FORMAT"
    )]
    pub report_format: ReportFormat,
    /// The previous round's workbooks (files or folders), assessed the same way:
    /// each entity is compared with its own previous round. Repeatable.
    #[arg(long, value_name = "DIR|FILE")]
    pub baseline: Vec<PathBuf>,
    /// Policy targets to stand the batch against: an embedded name
    /// (`citystar targets list`) or a target TOML file. Repeatable.
    #[arg(long, value_name = "NAME|FILE.toml")]
    pub targets: Vec<String>,
}

/// Report formats for `--report-dir`. Both by default: the HTML report is
/// what a leader reads and prints, the workbook what an assessor filters and
/// sorts, and a round's folder serves both.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// The leader's report: HTML, print-ready, one self-contained file.
    Html,
    /// The Excel workbook.
    Xlsx,
    /// Both, side by side.
    #[default]
    Both,
}

impl ReportFormat {
    fn html(self) -> bool {
        matches!(self, ReportFormat::Html | ReportFormat::Both)
    }

    fn xlsx(self) -> bool {
        matches!(self, ReportFormat::Xlsx | ReportFormat::Both)
    }
}

/// What an input's report in `--report-dir` is named after: its file name
/// without the extension (`entity` for an input that has none).
fn report_stem(input: &str) -> String {
    std::path::Path::new(input)
        .file_stem()
        .map_or("entity".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Whether `--report FILE` names an HTML report.
fn is_html(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// `path` with `.ext` added (a stem may hold dots of its own).
fn with_ext(path: &std::path::Path, ext: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// A file name as a relative link: every byte but unreserved ones percent-encoded.
fn href(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

use crate::sha256_hex;

/// A standard with the SHA-256 of the text it was loaded from.
struct Loaded {
    standard: Standard,
    sha256: String,
}

/// The embedded standards a run without `--standard` chooses from, each
/// parsed when a workbook first needs it (a batch of city workbooks never
/// parses the county and community standards). The first is parsed at the
/// start: it is the default, and a defect in it stops the run before anything
/// is read.
struct Shipped {
    first: &'static Embedded,
    /// False when `--standard` chose the standard: then none is offered.
    offered: bool,
    /// The first embedded standard that failed to parse when it was needed
    /// (a build defect: the test suite lints them); the run ends with it.
    failed: std::sync::Mutex<Option<crate::standard::LoadError>>,
}

use crate::standard::embedded::Embedded;

impl Shipped {
    fn new(offered: bool) -> anyhow::Result<Self> {
        let first = crate::standard::embedded::one(0)
            .transpose()?
            .ok_or_else(|| anyhow::anyhow!("no embedded standard"))?;
        Ok(Shipped {
            first,
            offered,
            failed: std::sync::Mutex::new(None),
        })
    }

    /// Every embedded standard offered, in order, parsed as the iteration
    /// reaches it; one that fails to parse is noted and passed over.
    fn iter(&self) -> impl Iterator<Item = &'static Embedded> + '_ {
        let n = if self.offered {
            crate::standard::embedded::FILES.len()
        } else {
            0
        };
        (0..n).filter_map(|i| match crate::standard::embedded::one(i)? {
            Ok(e) => Some(e),
            Err(e) => {
                if let Ok(mut failed) = self.failed.lock() {
                    failed.get_or_insert(e);
                }
                None
            }
        })
    }

    /// The standard for a workbook's level (city when it names none): the
    /// first embedded one of that level, else the first of all.
    fn for_level(&self, level: Option<Level>) -> &'static Standard {
        let want = level.unwrap_or(Level::City);
        &self
            .iter()
            .find(|e| e.standard.level() == want)
            .unwrap_or(self.first)
            .standard
    }

    /// The error of an embedded standard that could not be parsed, if any.
    fn failure(&self) -> anyhow::Result<()> {
        match self.failed.lock().ok().and_then(|mut f| f.take()) {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }
}

fn explicit(spec: &str) -> anyhow::Result<Loaded> {
    let standard = super::resolve_standard(spec)?;
    let sha256 = match crate::standard::embedded::parsed()?
        .iter()
        .find(|e| e.standard.id() == spec)
    {
        Some(e) => e.sha256.clone(),
        None => sha256_hex(
            super::read_text_file(
                std::path::Path::new(spec),
                crate::tomlread::FileKind::Standard,
            )?
            .as_bytes(),
        ),
    };
    Ok(Loaded { standard, sha256 })
}

pub fn run(args: AssessArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let chosen = match &args.standard {
        Some(spec) => Some(explicit(spec)?),
        None => None,
    };
    let shipped = Shipped::new(chosen.is_none())?;
    let options = Options {
        seed: args.seed,
        draws: args.draws,
        levels: args.gate.levels()?,
        ..Options::default()
    };

    let (mut files, mut unreadable) = batch::collect_files(&args.paths);
    let evidence_books = {
        let choose = |level: Option<Level>| -> &Standard {
            match &chosen {
                Some(c) => &c.standard,
                None => shipped.for_level(level),
            }
        };
        super::drop_evidence_workbooks(&args.paths, &mut files, &choose)
    };
    if evidence_books > 0 {
        eprintln!(
            "{}",
            crate::render::escape::terminal(
                &m::EVIDENCE_NOT_ASSESSED.fill(lang, &[&evidence_books])
            )
        );
    }
    let reviews = load_reviews(&args, &mut unreadable)?;
    // Earlier reports in a scanned folder are not submissions.
    if let Some(dir) = args
        .report_dir
        .as_ref()
        .and_then(|d| std::fs::canonicalize(d).ok())
    {
        let named: Vec<PathBuf> = args
            .paths
            .iter()
            .filter(|p| p.is_file())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        files.retain(|f| {
            std::fs::canonicalize(f).map_or(true, |c| !c.starts_with(&dir) || named.contains(&c))
        });
    }
    for u in &unreadable {
        eprint_unreadable(u, lang);
    }
    let progress = (files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let p =
            ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed}") {
            p.set_style(style);
        }
        p
    });

    let ctx = Standards {
        chosen: chosen.as_ref(),
        shipped: &shipped,
        options: &options,
        lang,
        reviews: &reviews,
        used: std::sync::Mutex::new(vec![false; reviews.len()]),
        pair_single: !args.review.is_empty() && reviews.len() == 1 && files.len() == 1,
    };
    // Benchmarks are resolved before the batch: a bad name or file stops here (exit 2).
    let benchmarks = resolve_benchmarks(&args.benchmark, &ctx)?;
    // So are the targets and the baseline round, assessed with the same engine.
    let target_files = args
        .targets
        .iter()
        .map(|t| super::targets::resolve(t))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let baseline = if args.baseline.is_empty() {
        None
    } else {
        Some(assess_baseline(&args.baseline, &ctx, lang)?)
    };
    if args.report.is_some() && files.len() + unreadable.len() != 1 {
        let n = files.len() + unreadable.len();
        return Err(super::said_msg(m::REPORT_ONE_ENTITY, &[&n]));
    }
    let renderer = crate::render::for_format(args.format, super::ascii());
    // Report targets are checked before anything is printed.
    let mut reports = Reports::new(&args, &files, lang)?;
    let mut out = Out::new(reports.wants_any());
    out.write(&renderer.begin(lang))?;
    let n_early = unreadable.len();
    let mut failed = unreadable;
    let wants_cohort = benchmarks
        .iter()
        .any(|b| matches!(b, BenchmarkSpec::Cohort));
    // A cohort is known only once the whole batch is in: then the batch is held.
    let (cohorts, held) = if wants_cohort {
        let results = batch::run(&files, progress.as_ref().map(bar), |path| {
            ctx.assess_path(path)
        });
        let entities: Vec<core::Assessment> = results
            .into_iter()
            .filter_map(|r| r.map_err(|u| failed.push(u)).ok())
            .collect();
        (Cohorts::of(&entities, &ctx), Some(entities))
    } else {
        (Cohorts::new(), None)
    };
    reports.cx.benchmarks = sources(&benchmarks, &cohorts);
    let keep_for_summary = reports.wants_summary();
    let report_cx = reports.wants_any().then(|| reports.cx.clone());
    // Everything per entity that can run on the worker threads: gaps, the
    // rendered text, the report workbook's bytes.
    let (want_xlsx, want_html) = (reports.xlsx, reports.html);
    let prepare = |mut a: core::Assessment| -> anyhow::Result<Prepared> {
        add_gaps(&mut a, &benchmarks, &cohorts, &ctx);
        if let Some(b) = &baseline {
            a.progress = b.progress(&a);
        }
        let workbook = match &report_cx {
            Some(cx) if want_xlsx => Some(crate::report::entity_workbook(&a, cx)?),
            _ => None,
        };
        let html = match &report_cx {
            Some(cx) if want_html => Some(crate::report::entity_html(&a, cx)),
            _ => None,
        };
        let text = renderer.entity(&a, lang);
        Ok(Prepared {
            text,
            workbook,
            html,
            a,
        })
    };
    let mut emit = Emitter {
        tally: {
            let mut t = batch::Tally::new(args.min_stars);
            t.reviews = (!reviews.is_empty()).then(batch::ReviewTally::default);
            // Exactly one row per file at most: no doubling as the batch grows.
            t.reserve(files.len());
            if keep_for_summary {
                t.keep_rows(files.len(), !cohorts.is_empty());
            }
            t
        },
        rows: Vec::new(),
        province: baseline.is_some() || !target_files.is_empty(),
        first: true,
        held: renderer
            .summary_first()
            .then(|| crate::render::markdown::Held::new(files.len() > 1, 0, lang)),
    };
    match held {
        Some(entities) => {
            // The batch is held (the cohort needed all of it); its reports
            // are still made and written a chunk at a time.
            use rayon::prelude::*;
            let chunk = rayon::current_num_threads().max(1) * 8;
            let mut entities = entities.into_iter();
            loop {
                let part: Vec<core::Assessment> = entities.by_ref().take(chunk).collect();
                if part.is_empty() {
                    break;
                }
                let prepared: Vec<anyhow::Result<Prepared>> =
                    part.into_par_iter().map(prepare).collect();
                for p in prepared {
                    emit.commit(p?, renderer.as_ref(), &mut reports, &mut out)?;
                }
            }
        }
        None => {
            // Entities stream out chunk by chunk, in path order, and only a
            // compact row of each is kept: memory stays flat in the batch size.
            let chunk = rayon::current_num_threads().max(1) * 8;
            for part in files.chunks(chunk) {
                let results = batch::run(part, progress.as_ref().map(bar), |path| {
                    ctx.assess_path(path).map(&prepare)
                });
                for r in results {
                    match r {
                        Ok(p) => emit.commit(p?, renderer.as_ref(), &mut reports, &mut out)?,
                        Err(u) => failed.push(u),
                    }
                }
            }
        }
    }
    shipped.failure()?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    // A report citystar wrote, found in a scanned folder, is not a submission.
    let (skipped, failed): (Vec<Unreadable>, Vec<Unreadable>) = failed
        .into_iter()
        .partition(|u| u.code == Code::CitystarReport);
    for u in skipped.iter().chain(&failed[n_early.min(failed.len())..]) {
        eprint_unreadable(u, lang);
    }
    if let Ok(used) = ctx.used.lock() {
        for (r, _) in reviews.iter().zip(used.iter()).filter(|(_, u)| !**u) {
            eprintln!(
                "{}",
                crate::render::escape::terminal(&m::REVIEW_NOT_USED.fill(
                    lang,
                    &[&r.file, &r.identity.name, &r.identity.division_code]
                ))
            );
        }
    }
    if emit.tally.is_empty() && failed.is_empty() {
        eprintln!("{}", m::NOTHING_TO_ASSESS.get(lang));
    }
    let (mut summary, kept) = emit.tally.finish_with_rows(failed);
    if emit.province {
        summary.province = Some(crate::rounds::province(
            &emit.rows,
            baseline.as_ref(),
            &target_files,
        ));
    }
    match emit.held.take() {
        Some(mut held) => {
            let end = renderer.end(&summary, lang);
            out.write(&end)?;
            held.set_summary_len(renderer.begin(lang).len() + end.len());
            out.write(&held.finish(lang))?;
        }
        // Written as it is made: at country scale the summary's ranking is
        // the largest text of the run.
        None => {
            let mut failed = None;
            let made = renderer.end_into(&summary, lang, &mut |t| {
                out.write(t).map_err(|e| {
                    let said = std::io::Error::other(e.to_string());
                    failed = Some(e);
                    said
                })
            });
            if let Some(e) = failed {
                return Err(e);
            }
            made?;
        }
    }
    let exit = summary.gate.exit_code;
    reports.finish(&kept, &summary)?;
    Ok(match exit {
        0 => Outcome::Done,
        1 => Outcome::GateFailed,
        _ => Outcome::Failed,
    })
}

/// Standard output. When reports are being written, a reader that goes away
/// (`| head`) stops the printing but not the run: the reports still get written.
struct Out {
    stdout: std::io::Stdout,
    closed: bool,
    keep_going: bool,
}

impl Out {
    fn new(keep_going: bool) -> Self {
        // SIGPIPE is ignored (Rust's runtime leaves it so): a closed pipe is
        // a `BrokenPipe` error here, not the end of the process.
        Out {
            stdout: std::io::stdout(),
            closed: false,
            keep_going,
        }
    }

    fn write(&mut self, text: &str) -> anyhow::Result<()> {
        if self.closed || text.is_empty() {
            return Ok(());
        }
        let mut lock = self.stdout.lock();
        match lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
            Err(e) if self.keep_going && e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => Ok(r?),
        }
    }
}

/// One entity, ready to go out.
struct Prepared {
    text: String,
    workbook: Option<Vec<u8>>,
    html: Option<String>,
    a: core::Assessment,
}

/// Writes prepared entities out in order and keeps what the summary needs.
struct Emitter {
    /// The ranking and, when the summaries are written, what they read of
    /// each entity (`Tally::keep_rows`).
    tally: batch::Tally,
    /// One row per entity for the province view, when there is one
    /// (`--baseline`, `--targets`).
    rows: Vec<crate::rounds::Row>,
    province: bool,
    first: bool,
    /// The entities' texts, when the summary goes first (Markdown).
    held: Option<crate::render::markdown::Held>,
}

impl Emitter {
    fn commit(
        &mut self,
        p: Prepared,
        renderer: &dyn crate::render::Renderer,
        reports: &mut Reports,
        out: &mut Out,
    ) -> anyhow::Result<()> {
        if let Some(bytes) = p.workbook {
            reports.commit(&p.a.file, "xlsx", bytes)?;
        }
        if let Some(text) = p.html {
            reports.commit(&p.a.file, "html", text.into_bytes())?;
        }
        if let Some(held) = &mut self.held {
            held.push(&p.a, &p.text);
        } else {
            if !self.first {
                out.write(renderer.separator())?;
            }
            out.write(&p.text)?;
        }
        self.first = false;
        // Only compact rows outlive the entity, made here on one thread:
        // a batch of any size keeps a few hundred bytes per entity.
        self.tally.add(&p.a);
        if self.province {
            self.rows.push(crate::rounds::Row::of(&p.a));
        }
        Ok(())
    }
}

/// The previous round: its workbooks assessed against the same standards
/// (without the stability draws, which progress does not compare). Files
/// that cannot be read are said on stderr and listed in the summary.
fn assess_baseline(
    paths: &[PathBuf],
    ctx: &Standards,
    lang: Lang,
) -> anyhow::Result<crate::rounds::Baseline> {
    let (files, mut unreadable) = batch::collect_files(paths);
    let mut options = ctx.options.clone();
    options.draws = 0;
    // The baseline is the previous round as rated then: this round's reviews are not applied to it.
    let quiet = Standards {
        chosen: ctx.chosen,
        shipped: ctx.shipped,
        options: &options,
        lang,
        reviews: &[],
        used: std::sync::Mutex::new(Vec::new()),
        pair_single: false,
    };
    let mut entities = Vec::new();
    // Only what progress compares is kept of each (`rounds::Snapshot`).
    let snapshot = |p: &std::path::Path| {
        quiet
            .assess_path(p)
            .map(|a| crate::rounds::Snapshot::of(&a))
    };
    for r in batch::run(&files, None, snapshot) {
        match r {
            Ok(a) => entities.push(a),
            // Reports citystar wrote, kept next to last round's workbooks, are not submissions.
            Err(u) if u.code == Code::CitystarReport => {}
            Err(u) => unreadable.push(u),
        }
    }
    for u in &unreadable {
        eprint!(
            "{}",
            crate::render::table::wrap_prose(
                &crate::render::escape::terminal(&format!(
                    "{} {}: {}\n",
                    m::BASELINE.get(lang),
                    u.file,
                    u.message.words(lang)
                )),
                crate::render::table::width()
            )
        );
    }
    if entities.is_empty() {
        let given: Vec<String> = paths.iter().map(|p| crate::path_text(p)).collect();
        return Err(super::said_msg(m::BASELINE_NOTHING, &[&given.join(" ")]));
    }
    Ok(crate::rounds::Baseline::of_snapshots(
        paths.iter().map(|p| crate::path_text(p)).collect(),
        entities,
        unreadable,
    ))
}

/// 基本信息 names no level: the city standard is used.
pub(super) fn no_level_note(standard: &Standard) -> core::said::Note {
    core::said::Note::NoLevel {
        standard: standard.id().to_string(),
    }
}

/// `--report FILE` / `--report-dir DIR`: written as entities come, to
/// targets worked out and checked before anything is assessed. Reports never
/// replace a file the run reads (workbooks, benchmark files, the standard).
struct Reports {
    file: Option<PathBuf>,
    dir: Option<PathBuf>,
    /// Input files (as given) whose report in `--report-dir` is not named
    /// after the input's stem (`-2`, `-3` … where stems repeat): the others
    /// are named from the input itself, so a country-sized batch keeps no
    /// name per entity.
    renamed: std::collections::HashMap<String, String>,
    cx: crate::report::Context,
    xlsx: bool,
    html: bool,
    /// Entity reports written into `--report-dir` (said once at the end, not one line each).
    written: usize,
}

impl Reports {
    fn new(args: &AssessArgs, files: &[PathBuf], lang: Lang) -> anyhow::Result<Self> {
        use super::safe_write::{Target, resolved};
        use anyhow::Context as _;
        // What the run reads, by identity (a hard link is the same file).
        let inputs: std::collections::HashSet<Target> = files
            .iter()
            .cloned()
            .chain(args.benchmark.iter().map(PathBuf::from))
            .chain(args.standard.iter().map(PathBuf::from))
            .chain(args.review.iter().cloned())
            .chain(args.baseline.iter().cloned())
            .chain(args.targets.iter().map(PathBuf::from))
            .filter_map(|f| Target::identity(&f))
            .collect();
        // A review folder is read too: no report goes into it.
        let scanned: Vec<PathBuf> = args
            .paths
            .iter()
            .chain(args.review_dir.iter())
            .chain(&args.baseline)
            .filter(|p| p.is_dir())
            .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| resolved(p)))
            .collect();
        let check = |path: &std::path::Path| -> anyhow::Result<()> {
            super::safe_write::check_target(
                path,
                &inputs,
                &scanned,
                args.force,
                super::safe_write::Written::Report,
            )
        };
        if let Some(path) = &args.report {
            check(path)?;
        }
        let mut renamed = std::collections::HashMap::new();
        let (xlsx, html) = match &args.report {
            Some(path) => (!is_html(path), is_html(path)),
            None => (args.report_format.xlsx(), args.report_format.html()),
        };
        let exts: Vec<&str> = [(xlsx, "xlsx"), (html, "html")]
            .into_iter()
            .filter_map(|(on, e)| on.then_some(e))
            .collect();
        if let Some(dir) = &args.report_dir {
            let at = std::fs::canonicalize(dir).unwrap_or_else(|_| resolved(dir));
            if let Some(s) = scanned.iter().find(|s| at.starts_with(s)) {
                return Err(super::said_msg(
                    m::REPORT_DIR_INSIDE_INPUT,
                    &[&dir.display(), &s.display()],
                ));
            }
            // Named after the inputs, in path order; `-2`, `-3` … where stems repeat.
            let mut used = std::collections::HashSet::new();
            for f in files {
                let input = crate::path_text(f);
                let stem = report_stem(&input);
                let mut name = stem.clone();
                let mut n = 2;
                while name == "summary" || !used.insert(name.clone()) {
                    name = format!("{stem}-{n}");
                    n += 1;
                }
                let path = dir.join(&name);
                for ext in &exts {
                    check(&with_ext(&path, ext))?;
                }
                if name != stem {
                    renamed.insert(input, name);
                }
            }
            for ext in &exts {
                check(&with_ext(&dir.join("summary"), ext))?;
            }
        }
        // Folders are made only once every target is known to be safe.
        if let Some(parent) = args
            .report
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        if let Some(dir) = &args.report_dir {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        Ok(Reports {
            file: args.report.clone(),
            dir: args.report_dir.clone(),
            renamed,
            cx: crate::report::Context {
                lang,
                benchmarks: Vec::new(),
                seed: args.seed,
                draws: args.draws,
            },
            xlsx,
            html,
            written: 0,
        })
    }

    /// An input's report in `--report-dir`, without the extension.
    fn report_path(&self, input: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(match self.renamed.get(input) {
            Some(name) => dir.join(name),
            None => dir.join(report_stem(input)),
        })
    }

    fn wants_summary(&self) -> bool {
        self.dir.is_some()
    }

    fn wants_any(&self) -> bool {
        self.file.is_some() || self.dir.is_some()
    }

    fn write(&self, path: &std::path::Path, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.write_with(path, |w| Ok(w.write_all(&bytes)?))
    }

    fn write_with(
        &self,
        path: &std::path::Path,
        write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        super::safe_write::replace_with(path, write)?;
        eprintln!("{} {}", m::WROTE.get(self.cx.lang), path.display());
        Ok(())
    }

    /// Write an entity's report (`ext` is its format): to `--report`, or its
    /// name in `--report-dir`.
    fn commit(&mut self, input: &str, ext: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        if let Some(path) = &self.file {
            return self.write(path, bytes);
        }
        match self.report_path(input) {
            Some(path) => {
                let path = with_ext(&path, ext);
                if super::verbose() {
                    return self.write(&path, bytes);
                }
                // A folder of reports is said in one line at the end.
                super::safe_write::replace(&path, &bytes)?;
                self.written += 1;
                Ok(())
            }
            None => Ok(()),
        }
    }

    fn finish(&self, rows: &batch::SummaryRows, summary: &batch::Summary) -> anyhow::Result<()> {
        if let Some(dir) = &self.dir {
            if self.written > 0 {
                let count = self.written;
                eprintln!(
                    "{}",
                    m::WROTE_REPORTS.fill(self.cx.lang, &[&count, &dir.display()])
                );
            }
            // The summaries are written as they are made, not held whole.
            if self.xlsx {
                self.write_with(&dir.join("summary.xlsx"), |w| {
                    Ok(crate::report::write_summary_workbook_of(
                        rows, summary, &self.cx, w,
                    )?)
                })?;
            }
            if self.html {
                let link = |file: &str| {
                    self.report_path(file).and_then(|p| {
                        with_ext(&p, "html")
                            .file_name()
                            .map(|n| href(&n.to_string_lossy()))
                    })
                };
                self.write_with(&dir.join("summary.html"), |w| {
                    Ok(crate::report::write_summary_html_of(
                        rows, summary, &self.cx, &link, w,
                    )?)
                })?;
            }
        }
        Ok(())
    }
}

/// The standards a run can use, and how to assess one file with them.
struct Standards<'a> {
    /// `--standard`, when given.
    chosen: Option<&'a Loaded>,
    /// The embedded standards, otherwise.
    shipped: &'a Shipped,
    options: &'a Options,
    lang: Lang,
    /// Review workbooks given (`--review`, `--review-dir`), and which were applied.
    reviews: &'a [crate::submission::review::Review],
    used: std::sync::Mutex<Vec<bool>>,
    /// One `--review` and one submission: the review is meant for it, so a
    /// mismatch is reported rather than the review left unused.
    pair_single: bool,
}

impl Standards<'_> {
    /// The standard an assessment was made against.
    fn by_id(&self, id: &str) -> Option<&Standard> {
        self.chosen
            .map(|l| &l.standard)
            .into_iter()
            .chain(self.shipped.iter().map(|e| &e.standard))
            .find(|s| s.id() == id)
    }

    fn assess_path(&self, path: &std::path::Path) -> Result<core::Assessment, Unreadable> {
        let file = crate::path_text(path);
        // Which standard the workbook's level picked, and whether it named none.
        let named_none = std::cell::Cell::new(false);
        let choose = |level: Option<Level>| -> &Standard {
            if let Some(c) = self.chosen {
                return &c.standard;
            }
            named_none.set(level.is_none());
            self.shipped.for_level(level)
        };
        let (submission, standard, evidence) =
            crate::submission::read_path_with_evidence(super::loader(), path, &choose).map_err(
                |e| Unreadable {
                    file: file.clone(),
                    code: e.failure.code(),
                    message: super::failure_message(&e.failure),
                },
            )?;
        let mut opts = self.options.clone();
        opts.standard_sha256 = self.chosen.map(|c| c.sha256.clone()).or_else(|| {
            self.shipped
                .iter()
                .find(|e| e.standard.id() == standard.id())
                .map(|e| e.sha256.clone())
        });
        if named_none.get() {
            opts.notes.push(no_level_note(standard));
        }
        let mut a = core::assess(standard, &submission, &opts);
        a.evidence = evidence;
        if !self.reviews.is_empty() {
            self.apply_review(&mut a, standard, &submission, &opts);
        }
        Ok(a)
    }

    /// The review of this submission, when one was given: by the submission's
    /// SHA-256, else by its name and 行政区划代码 (then it is of another
    /// version, and refused at its cell).
    fn apply_review(
        &self,
        a: &mut core::Assessment,
        standard: &Standard,
        submission: &crate::submission::Submission,
        opts: &Options,
    ) {
        let code = submission.entity.division_code.trim();
        let k = self
            .reviews
            .iter()
            .position(|r| r.identity.submission_sha256 == submission.sha256)
            .or_else(|| {
                self.reviews.iter().position(|r| {
                    !code.is_empty()
                        && r.identity.division_code == code
                        && r.identity.name == submission.entity.name.trim()
                })
            })
            .or_else(|| self.pair_single.then_some(0));
        let Some(k) = k else {
            a.notes.push(core::said::Note::NoReview);
            return;
        };
        if let Ok(mut used) = self.used.lock() {
            used[k] = true;
        }
        let review = &self.reviews[k];
        if let Some(d) = review.mismatch(submission, standard) {
            eprintln!(
                "{}",
                crate::render::escape::terminal(&format!(
                    "{}: {}",
                    submission.file,
                    d.message.words(self.lang)
                ))
            );
            a.diagnostics.extend(core::review::out(&d, opts));
            return;
        }
        let mut diags = Vec::new();
        let reviewed = core::review::apply(standard, submission, a, review, opts, &mut diags);
        a.diagnostics
            .extend(diags.iter().filter_map(|d| core::review::out(d, opts)));
        a.review = Some(Box::new(reviewed));
    }
}

/// `--review FILE` and `--review-dir DIR`: a file that is no review (or
/// cannot be read) is reported like an unreadable submission: the run goes
/// on without it and exits 2.
fn load_reviews(
    args: &AssessArgs,
    unreadable: &mut Vec<Unreadable>,
) -> anyhow::Result<Vec<crate::submission::review::Review>> {
    use crate::submission::review;
    let mut paths: Vec<PathBuf> = args.review.clone();
    if let Some(dir) = &args.review_dir {
        let rd = std::fs::read_dir(dir)
            .map_err(|e| super::said_msg(m::CANNOT_READ_REVIEW_FOLDER, &[&dir.display(), &e]))?;
        let mut found: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_workbook(&p.display().to_string()))
            .filter(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !n.starts_with("~$") && !n.starts_with(".~lock")
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    let mut out = Vec::new();
    for p in paths {
        match review::read(&p) {
            Ok(r) => out.push(r),
            Err(e) => unreadable.push(Unreadable {
                file: crate::path_text(&p),
                code: Code::ReviewNotAReview,
                message: crate::catalogue::said::say!(m::REVIEW_UNUSABLE, e.text()),
            }),
        }
    }
    Ok(out)
}

/// A `--benchmark` value, resolved.
enum BenchmarkSpec {
    /// A benchmark file (embedded or a path), as comparable values.
    File(crate::benchmark::Benchmark, crate::report::BenchmarkSource),
    /// Another submission: its values, for entities assessed against the same standard.
    Entity {
        benchmark: crate::benchmark::Benchmark,
        standard_id: String,
        source: crate::report::BenchmarkSource,
    },
    /// The batch's own median and top quartile, per standard.
    Cohort,
}

fn is_workbook(spec: &str) -> bool {
    let lower = spec.to_lowercase();
    batch::EXTENSIONS
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

fn resolve_benchmarks(specs: &[String], ctx: &Standards) -> anyhow::Result<Vec<BenchmarkSpec>> {
    use crate::benchmark::{Benchmark, Catalog};
    let mut out = Vec::new();
    for spec in specs {
        if spec == "cohort" {
            out.push(BenchmarkSpec::Cohort);
        } else if is_workbook(spec) {
            let path = std::path::Path::new(spec);
            let peer = ctx.assess_path(path).map_err(|u| {
                super::said_message(&crate::catalogue::said::say!(
                    m::BENCHMARK_WORKBOOK_UNREADABLE,
                    &u.file,
                    u.message
                ))
            })?;
            let standard = ctx
                .by_id(&peer.standard.id)
                .ok_or_else(|| anyhow::anyhow!("benchmark workbook {spec}: standard not found"))?;
            let name = if peer.name.trim().is_empty() {
                spec.clone()
            } else {
                peer.name.clone()
            };
            out.push(BenchmarkSpec::Entity {
                benchmark: Benchmark::entity(&name, standard, &core::gaps::own_values(&peer)),
                standard_id: peer.standard.id.clone(),
                source: crate::report::BenchmarkSource {
                    name,
                    origin: spec.clone(),
                    sha256: Some(peer.sha256.clone()),
                },
            });
        } else {
            // Figures are checked against the standard in use when one is named.
            let catalog = ctx.chosen.map(|c| Catalog::of(&c.standard));
            let file = super::benchmarks::resolve(spec, catalog.as_ref())??;
            let bytes = match crate::benchmark::embedded::FILES
                .iter()
                .find(|(n, _)| file.origin == format!("embedded:{n}"))
            {
                Some((_, text)) => text.as_bytes().to_vec(),
                None => super::read_text_file(
                    std::path::Path::new(spec),
                    crate::tomlread::FileKind::Benchmark,
                )?
                .into_bytes(),
            };
            out.push(BenchmarkSpec::File(
                Benchmark::from_file(&file),
                crate::report::BenchmarkSource {
                    name: file.name.clone(),
                    origin: file.origin.clone(),
                    sha256: Some(sha256_hex(&bytes)),
                },
            ));
        }
    }
    Ok(out)
}

/// The batch's cohorts, per standard: (median, top quartile, entities).
struct Cohorts(
    indexmap::IndexMap<
        String,
        (
            crate::benchmark::Benchmark,
            crate::benchmark::Benchmark,
            usize,
        ),
    >,
);

impl Cohorts {
    fn new() -> Self {
        Cohorts(indexmap::IndexMap::new())
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entities are only compared with their own kind: one cohort per standard.
    fn of(entities: &[core::Assessment], ctx: &Standards) -> Self {
        let mut by_standard: indexmap::IndexMap<String, Vec<_>> = indexmap::IndexMap::new();
        for a in entities {
            by_standard
                .entry(a.standard.id.clone())
                .or_default()
                .push(core::gaps::own_values(a));
        }
        let mut out = Cohorts::new();
        for (id, values) in by_standard {
            if let Some(st) = ctx.by_id(&id) {
                let c = crate::benchmark::Benchmark::cohort("cohort", st, &values);
                out.0.insert(id, (c.median, c.top_quartile, values.len()));
            }
        }
        out
    }
}

/// Where the run's benchmarks came from, for the reports' provenance.
fn sources(specs: &[BenchmarkSpec], cohorts: &Cohorts) -> Vec<crate::report::BenchmarkSource> {
    let mut out = Vec::new();
    for spec in specs {
        match spec {
            BenchmarkSpec::File(_, src) | BenchmarkSpec::Entity { source: src, .. } => {
                out.push(src.clone())
            }
            BenchmarkSpec::Cohort => {
                for (id, (median, top, n)) in &cohorts.0 {
                    for b in [median, top] {
                        out.push(crate::report::BenchmarkSource {
                            name: b.name.clone(),
                            origin: format!("cohort of {n} entities assessed against {id}"),
                            sha256: None,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Gaps of one entity against every benchmark, in the order given.
fn add_gaps(a: &mut core::Assessment, specs: &[BenchmarkSpec], cohorts: &Cohorts, ctx: &Standards) {
    let Some(standard) = ctx.by_id(&a.standard.id) else {
        return;
    };
    let mut list = Vec::new();
    for spec in specs {
        match spec {
            BenchmarkSpec::File(b, _) => list.push(b.clone()),
            BenchmarkSpec::Entity {
                benchmark,
                standard_id,
                ..
            } => {
                if *standard_id == a.standard.id {
                    list.push(benchmark.clone());
                } else {
                    a.notes.push(core::said::Note::OtherStandard {
                        benchmark: benchmark.name.clone(),
                        assessed_against: standard_id.clone(),
                        standard: a.standard.id.clone(),
                    });
                }
            }
            BenchmarkSpec::Cohort => {
                if let Some((median, top, _)) = cohorts.0.get(&a.standard.id) {
                    list.push(median.clone());
                    list.push(top.clone());
                }
            }
        }
    }
    core::gaps::add_gaps(standard, a, &list);
}

/// The progress bar as what `batch::run` tells.
fn bar(p: &ProgressBar) -> &dyn batch::Progress {
    p
}

/// The terminal's progress bar is how the command line follows a batch.
impl batch::Progress for ProgressBar {
    fn advance(&self, n: u64) {
        self.inc(n);
    }
}

/// A file that could not be read, on stderr: its path and why, wrapped.
fn eprint_unreadable(u: &Unreadable, lang: Lang) {
    eprint!(
        "{}",
        crate::render::table::wrap_prose(
            &crate::render::escape::terminal(&format!("{}: {}\n", u.file, u.message.words(lang))),
            crate::render::table::width()
        )
    );
}
