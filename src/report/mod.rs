//! Reports: one per assessed entity and a batch summary, as Excel workbooks
//! (rust_xlsxwriter) and as self-contained HTML (the leader's document).
//! Built from the same `Report` every renderer reads; the HTML reads the row
//! model in [`model`].

mod entity;
pub mod html;
pub mod model;
mod progress;
pub mod province;
mod review;
mod style;
mod summary;

pub use entity::{indicator_headers, sheet_names};
pub use summary::{ranking_headers, summary_sheet_names};

use crate::Lang;
use crate::assess::Assessment;
use crate::assess::batch::{Report, Summary, SummaryRows};
use rust_xlsxwriter::XlsxError;

/// Where a benchmark used in the run came from, for the provenance sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkSource {
    /// The name gaps are reported under (`zhejiang`, `cohort (median)`, …).
    pub name: String,
    /// `embedded:zhejiang.toml`, a path, or `cohort of N entities`.
    pub origin: String,
    /// SHA-256 of the benchmark file's bytes; `None` for a cohort.
    pub sha256: Option<String>,
}

/// Everything a report states besides the assessment itself.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    pub benchmarks: Vec<BenchmarkSource>,
    pub seed: u64,
    pub draws: usize,
}

/// The per-entity workbook, as bytes (the same inputs give the same bytes).
pub fn entity_workbook(a: &Assessment, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    entity::build(a, cx)
}

/// The batch summary workbook (summary.xlsx).
pub fn summary_workbook(r: &Report, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    summary::build(&SummaryRows::of(&r.entities), &r.summary, cx)
}

/// The batch summary workbook from the batch's compact rows (what a
/// `--report-dir` run keeps of each entity).
pub fn summary_workbook_of(
    rows: &SummaryRows,
    s: &Summary,
    cx: &Context,
) -> Result<Vec<u8>, XlsxError> {
    summary::build(rows, s, cx)
}

/// [`summary_workbook_of`], written to `w` as it is saved (the same bytes;
/// a country-sized batch's summary is not held whole).
pub fn write_summary_workbook_of(
    rows: &SummaryRows,
    s: &Summary,
    cx: &Context,
    w: &mut (dyn std::io::Write + Send),
) -> Result<(), XlsxError> {
    summary::write(rows, s, cx, w)
}

/// The per-entity HTML report (the same inputs and `SOURCE_DATE_EPOCH` give the same bytes).
pub fn entity_html(a: &Assessment, cx: &Context) -> String {
    html::entity(&model::entity(a, cx, model::Written::now()))
}

/// The batch summary as HTML (summary.html); `link` gives each entity's report
/// file name relative to it, by input file.
pub fn summary_html(r: &Report, cx: &Context, link: &dyn Fn(&str) -> Option<String>) -> String {
    summary_html_of(&SummaryRows::of(&r.entities), &r.summary, cx, link)
}

/// summary.html from the batch's compact rows.
pub fn summary_html_of(
    rows: &SummaryRows,
    s: &Summary,
    cx: &Context,
    link: &dyn Fn(&str) -> Option<String>,
) -> String {
    html::summary(&model::summary(rows, s, cx, model::Written::now(), link))
}

/// [`summary_html_of`], written to `w` as it is made (the same bytes).
pub fn write_summary_html_of(
    rows: &SummaryRows,
    s: &Summary,
    cx: &Context,
    link: &dyn Fn(&str) -> Option<String>,
    w: &mut (dyn std::io::Write + Send),
) -> std::io::Result<()> {
    html::write_summary(&model::summary(rows, s, cx, model::Written::now(), link), w)
}
