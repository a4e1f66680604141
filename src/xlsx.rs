//! Small helpers shared by every workbook citystar writes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// Column width (in Excel character units) that fits `texts`: East Asian wide
/// characters count double, which rust_xlsxwriter's autofit does not do.
pub fn column_width<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let widest = texts
        .into_iter()
        .flat_map(|t| t.lines())
        .map(|l| l.width())
        .max()
        .unwrap_or(0);
    (widest as f64 * 1.1 + 2.0).clamp(min, max)
}

/// The creation time written into a workbook: `SOURCE_DATE_EPOCH` when set,
/// else a fixed date, so the same inputs give byte-identical files.
pub fn creation_timestamp() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or(1_767_225_600) // 2026-01-01T00:00:00Z
}

/// When a report is written: `SOURCE_DATE_EPOCH` when set (then the same
/// inputs give the same bytes), else the time of writing, taken once per run
/// so every report of a batch states the same time; and whether it came from
/// the variable.
pub fn written_at() -> (i64, bool) {
    static RUN: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    match std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
    {
        Some(t) => (t, true),
        None => (
            *RUN.get_or_init(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            }),
            false,
        ),
    }
}

/// The custom document property that marks a workbook as a report citystar
/// wrote: such a file may be replaced by a later report, and is never read as
/// a submission.
pub const REPORT_MARK: &str = "citystar-report";

/// A new report workbook: reproducible properties and the report mark.
pub fn new_report_workbook(title: &str) -> Workbook {
    let mut wb = Workbook::new();
    let mut props = properties(title).set_custom_property(REPORT_MARK, env!("CARGO_PKG_VERSION"));
    if let Ok(t) = ExcelDateTime::from_timestamp(written_at().0) {
        props = props.set_creation_datetime(&t);
    }
    wb.set_properties(&props);
    wb
}

/// A new workbook whose document properties are reproducible.
pub fn new_workbook(title: &str) -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(&properties(title));
    wb
}

fn properties(title: &str) -> DocProperties {
    let mut props = DocProperties::new()
        .set_title(title)
        .set_author("citystar")
        .set_comment(concat!("Written by citystar ", env!("CARGO_PKG_VERSION")));
    if let Ok(t) = ExcelDateTime::from_timestamp(creation_timestamp()) {
        props = props.set_creation_datetime(&t);
    }
    props
}

/// Print setup for a sheet people print: A4 landscape, one page wide, and
/// the first `header_rows` rows repeated on every page.
pub fn print_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if header_rows > 0 {
        ws.set_repeat_rows(0, header_rows - 1)?;
    }
    Ok(())
}

/// `A1`-style column letters for a zero-based column index.
pub fn col_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}
