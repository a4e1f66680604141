//! The assessor's review workbook (`citystar review init`): per input item the
//! value reported, locked, beside open cells for the verified value (核定值),
//! the finding (核查意见), whether the evidence is accepted (佐证采信) and the
//! reviewer (核查人); a header with the submission's identity (name,
//! 行政区划代码, SHA-256, standard) so a review is never applied to another or
//! a changed submission. Reading it back gives [`Review`], each problem a
//! diagnostic at its cell of the 核查 sheet. docs/review.md has the workflow.

use super::evidence::EvidenceFile;
use super::layout::{item_code, normalize};
use super::open::Grid;
use super::template::{
    Lists, YES_NO_LIST, number_format, protection, unit_shown, wrapped_height, yes_no_options,
};
use super::{Datum, Failure, Submission};
use crate::Lang;
use crate::catalogue::Msg;
use crate::catalogue::said::{Message, say};
use crate::catalogue::template as m;
use crate::catalogue::workbook as w;
use crate::diag::{Code, Diagnostic};
use crate::standard::{InputItem, Kind, Standard};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, XlsxError};
use serde::Serialize;

/// The review sheet; its name is what marks a review workbook.
pub const SHEET_REVIEW: &str = "核查";

/// The custom document property that marks a review workbook (folder scans
/// skip files that end in `.review.xlsx`; this mark says what wrote it).
pub const REVIEW_MARK: &str = "citystar-review";

/// Labels of the identity block, in order (read back in every language).
const IDENTITY: [Msg; 5] = [
    m::REVIEW_NAME,
    m::REVIEW_DIVISION_CODE,
    m::REVIEW_SUBMISSION_FILE,
    m::REVIEW_SUBMISSION_SHA256,
    m::REVIEW_STANDARD,
];

/// Columns of the review table: (header, width); headers are read back in every language.
const COLUMNS: [(Msg, f64); 11] = [
    (m::REVIEW_CODE, 21.0),
    (m::REVIEW_INDICATOR, 18.0),
    (m::REVIEW_ITEM, 18.0),
    (m::REVIEW_UNIT, 7.0),
    (m::REVIEW_REPORTED, 12.0),
    (m::REVIEW_CELL, 11.0),
    (m::EVIDENCE_COLUMN, 30.0),
    (m::REVIEW_VERIFIED, 12.0),
    (m::REVIEW_FINDING, 28.0),
    (m::REVIEW_EVIDENCE_ACCEPTED, 10.0),
    (m::REVIEW_REVIEWER, 10.0),
];

/// Whether `label` (normalised) is `msg` in one of the languages.
fn names(msg: &Msg, label: &str) -> bool {
    label == normalize(msg.zh) || label == normalize(msg.en)
}
const COL_CODE: usize = 0;
const COL_VERIFIED: usize = 7;
const COL_FINDING: usize = 8;
const COL_ACCEPTED: usize = 9;
const COL_REVIEWER: usize = 10;

/// Row (zero-based) of the table header.
const HEADER_ROW: u32 = 8;

/// The review workbook of one submission, in `lang` (the sheet name and the
/// codes are the same in both languages). The same inputs give the same bytes.
pub fn workbook(
    submission: &Submission,
    standard: &Standard,
    evidence: &[EvidenceFile],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let title = format!(
        "{} {}",
        submission.entity.name,
        m::REVIEW_WORKBOOK.get(lang)
    );
    let mut props = rust_xlsxwriter::DocProperties::new()
        .set_title(&title)
        .set_author("citystar")
        .set_custom_property(REVIEW_MARK, env!("CARGO_PKG_VERSION"));
    if let Ok(t) = rust_xlsxwriter::ExcelDateTime::from_timestamp(crate::xlsx::creation_timestamp())
    {
        props = props.set_creation_datetime(&t);
    }
    wb.set_properties(&props);
    let lists = Lists::new(standard, lang);

    let header = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let label = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let open = Format::new()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#FFF9E5");
    let bold = Format::new().set_bold().set_font_size(14);

    let ws = wb.add_worksheet();
    ws.set_name(SHEET_REVIEW)?;
    ws.write_string_with_format(0, 0, &title, &bold)?;
    let identity = [
        submission.entity.name.clone(),
        submission.entity.division_code.clone(),
        std::path::Path::new(&submission.file)
            .file_name()
            .map_or(submission.file.clone(), |n| {
                n.to_string_lossy().into_owned()
            }),
        submission.sha256.clone(),
        standard.id().to_string(),
    ];
    for (k, (title, value)) in IDENTITY.iter().zip(&identity).enumerate() {
        let r = 1 + k as u32;
        ws.write_string_with_format(r, 0, title.get(lang), &header)?;
        ws.merge_range(r, 1, r, 6, value, &label)?;
    }
    let note = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.merge_range(
        6,
        0,
        6,
        (COLUMNS.len() - 1) as u16,
        m::REVIEW_NOTE.get(lang),
        &note,
    )?;
    ws.set_row_height(6, 36)?;
    for (c, (title, w)) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, title.get(lang), &header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_row_height(HEADER_ROW, 32)?;
    let yes_no = lists
        .validation(YES_NO_LIST)
        .unwrap_or_else(|| DataValidation::new().allow_any_value());

    let mut row = HEADER_ROW + 1;
    for ind in &standard.indicator {
        let data = submission.data.get(&ind.code);
        // Each file the evidence column names, as found (kind, size) or not read.
        let text = data.and_then(|d| d.evidence.as_deref()).unwrap_or_default();
        let refs = super::evidence::file_references(text);
        let evidence_text = if refs.is_empty() {
            text.to_string()
        } else {
            refs.iter()
                .map(|r| {
                    match evidence
                        .iter()
                        .find(|f| f.indicator == ind.code && &f.path == r)
                    {
                        Some(f) => format!("{r} ({}, {})", f.kind.key(), human_bytes(f.bytes)),
                        None => format!("{r} {}", m::REVIEW_EVIDENCE_NOT_READ.get(lang)),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        for (n, (item, input)) in ind.inputs().into_iter().enumerate() {
            let code = item_code(&ind.code, item);
            let item_label = match item {
                InputItem::Choice => m::CHOICE.get(lang).to_string(),
                _ => lang.pick(&input.zh, &input.en).to_string(),
            };
            let unit = match &ind.kind {
                Kind::YesNo { .. } | Kind::Grade { .. } => "",
                _ => input.unit.as_str(),
            };
            let percent = matches!(ind.kind, Kind::Percent { .. }) || unit == "%";
            let vfmt = label.clone().set_num_format(number_format(unit, percent));
            let ofmt = open.clone().set_num_format(number_format(unit, percent));
            let shown_evidence = if n == 0 { evidence_text.as_str() } else { "" };
            ws.set_row_height(
                row,
                wrapped_height([
                    (ind.name(lang), COLUMNS[1].1),
                    (item_label.as_str(), COLUMNS[2].1),
                    (shown_evidence, COLUMNS[6].1),
                ]),
            )?;
            ws.write_string_with_format(row, 0, &code, &label)?;
            ws.write_string_with_format(row, 1, ind.name(lang), &label)?;
            ws.write_string_with_format(row, 2, &item_label, &label)?;
            ws.write_string_with_format(row, 3, unit_shown(ind, &input.unit, lang), &label)?;
            let value = data.and_then(|d| d.get(item));
            match value.and_then(|v| v.datum) {
                Some(Datum::Number(x)) => {
                    let x = if percent { x / 100.0 } else { x };
                    ws.write_number_with_format(row, 4, x, &vfmt)?;
                }
                Some(Datum::YesNo(b)) => {
                    let o = yes_no_options(lang);
                    ws.write_string_with_format(row, 4, &o[usize::from(!b)], &label)?;
                }
                Some(Datum::Option(i)) => {
                    let text = match &ind.kind {
                        Kind::Grade { options } => options
                            .get(i)
                            .map(|o| lang.pick(&o.zh, &o.en).to_string())
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    ws.write_string_with_format(row, 4, &text, &label)?;
                }
                // Unreadable or blank: the cell's text as the file holds it.
                None => {
                    let raw = value.map(|v| v.raw.as_str()).unwrap_or_default();
                    ws.write_string_with_format(row, 4, raw, &label)?;
                }
            }
            let loc = value.map(|v| v.location.as_str()).unwrap_or_default();
            ws.write_string_with_format(row, 5, loc, &label)?;
            ws.write_string_with_format(row, 6, shown_evidence, &label)?;
            ws.write_blank(row, COL_VERIFIED as u16, &ofmt)?;
            let dv = match &ind.kind {
                Kind::YesNo { .. } => Some(yes_no.clone()),
                Kind::Grade { .. } => lists.validation(&ind.code),
                _ => None,
            };
            if let Some(dv) = dv {
                ws.add_data_validation(row, COL_VERIFIED as u16, row, COL_VERIFIED as u16, &dv)?;
            }
            ws.write_blank(row, COL_FINDING as u16, &open)?;
            // One evidence decision per indicator, on its first row.
            if n == 0 {
                ws.write_blank(row, COL_ACCEPTED as u16, &open)?;
                ws.add_data_validation(
                    row,
                    COL_ACCEPTED as u16,
                    row,
                    COL_ACCEPTED as u16,
                    &yes_no,
                )?;
            } else {
                ws.write_blank(row, COL_ACCEPTED as u16, &label)?;
            }
            ws.write_blank(row, COL_REVIEWER as u16, &open)?;
            row += 1;
        }
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    ws.autofilter(
        HEADER_ROW,
        0,
        row.saturating_sub(1),
        (COLUMNS.len() - 1) as u16,
    )?;
    crate::xlsx::print_setup(ws, HEADER_ROW + 1)?;
    ws.protect_with_options(&protection());
    lists.sheet(wb.add_worksheet())?;
    wb.save_to_buffer()
}

fn human_bytes(n: u64) -> String {
    if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.0} KB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MB", n as f64 / 1_048_576.0)
    }
}

/// Who the review says it is of (its header block).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Identity {
    pub name: String,
    pub division_code: String,
    pub submission_file: String,
    pub submission_sha256: String,
    pub standard: String,
}

/// A review workbook, read: its identity and its sheet, not yet bound to a
/// standard (the rows are read against the standard in [`Review::rows`]).
#[derive(Debug, Clone)]
pub struct Review {
    /// The path as given.
    pub file: String,
    pub sha256: String,
    pub identity: Identity,
    grid: Grid,
    header_row: u32,
    cols: [Option<u32>; 11],
}

/// One item row of a review, read against the standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub indicator: String,
    pub item: InputItem,
    /// The verified value given, with its cell text and cell (`核查!H12`).
    pub verified: Option<(Datum, String, String)>,
    pub finding: String,
    /// `Some(false)` when the evidence is marked not accepted (否).
    pub accepted: Option<bool>,
    pub reviewer: String,
    /// The row's finding cell (`核查!I12`).
    pub location: String,
}

/// Why a file given as a review cannot be used at all.
#[derive(Debug, Clone, PartialEq)]
pub enum NotUsable {
    /// It cannot be read (the reader's failure).
    Unreadable(Failure),
    /// It reads, but has no 核查 sheet with the identity and the header.
    NotAReview,
}

impl NotUsable {
    pub fn text(&self) -> Message {
        match self {
            NotUsable::Unreadable(f) => f.text(),
            NotUsable::NotAReview => say!(w::REVIEW_WORKBOOK_WRITTEN_BY_CITYSTAR, SHEET_REVIEW),
        }
    }
}

impl From<Failure> for NotUsable {
    fn from(f: Failure) -> Self {
        NotUsable::Unreadable(f)
    }
}

/// Read a review workbook: any format the reader opens (the assessor may save
/// it from LibreOffice or WPS). Read in this process, bounded as submissions are.
pub fn read(path: &std::path::Path) -> Result<Review, NotUsable> {
    let bytes = super::read_file_bytes(path, super::open::MAX_FILE_BYTES)?;
    let sha256 = crate::sha256_hex(&bytes);
    let mut book = super::open::open(bytes, &|n| normalize(n) == normalize(SHEET_REVIEW))?;
    let name = book
        .sheets
        .iter()
        .find(|(n, _)| normalize(n) == normalize(SHEET_REVIEW))
        .map(|(n, _)| n.clone())
        .ok_or(NotUsable::NotAReview)?;
    let mut budget = super::open::MAX_TEXT_BYTES;
    let grid = book.read(&name, &mut budget)?;
    let mut identity = Identity::default();
    let mut header_row = None;
    for r in grid.rows().take(60) {
        let a = normalize(&grid.text(r, 0));
        if let Some(k) = IDENTITY.iter().position(|msg| names(msg, &a)) {
            let v = grid.text(r, 1).trim().to_string();
            match k {
                0 => identity.name = v,
                1 => identity.division_code = v,
                2 => identity.submission_file = v,
                3 => identity.submission_sha256 = v.to_lowercase(),
                _ => identity.standard = v,
            }
        } else if names(&COLUMNS[0].0, &a) {
            header_row = Some(r);
            break;
        }
    }
    let header_row = header_row.ok_or(NotUsable::NotAReview)?;
    let mut cols = [None; 11];
    for (&(_, c), cell) in grid.cells.row(header_row) {
        let t = normalize(&super::open::raw_text(cell));
        if let Some(k) = COLUMNS.iter().position(|(msg, _)| names(msg, &t)) {
            cols[k].get_or_insert(c);
        }
    }
    if cols[COL_CODE].is_none()
        || cols[COL_VERIFIED].is_none()
        || identity.submission_sha256.is_empty()
    {
        return Err(NotUsable::NotAReview);
    }
    Ok(Review {
        file: crate::path_text(path),
        sha256,
        identity,
        grid,
        header_row,
        cols,
    })
}

impl Review {
    /// The item rows against `standard`: verified values read by the
    /// reader's own rules (a bad one is the reader's diagnostic at its cell
    /// of 核查), unknown codes and unreadable decisions reported.
    pub fn rows(&self, standard: &Standard, diags: &mut Vec<Diagnostic>) -> Vec<Row> {
        let grid = &self.grid;
        let sheet = grid.name.clone();
        let col = |k: usize| self.cols[k];
        let text = |r: u32, k: usize| {
            col(k)
                .map(|c| grid.text(r, c).trim().to_string())
                .unwrap_or_default()
        };
        let mut items = std::collections::HashMap::new();
        for ind in &standard.indicator {
            for (item, label) in ind.inputs() {
                items.insert(
                    normalize(&item_code(&ind.code, item)).to_uppercase(),
                    (ind, item, label),
                );
            }
        }
        let mut out = Vec::new();
        for r in grid.rows().filter(|&r| r > self.header_row) {
            let raw_code = text(r, COL_CODE);
            if raw_code.is_empty() {
                continue;
            }
            let code_loc = super::layout::cell_ref(&sheet, r, col(COL_CODE).unwrap_or(0));
            let Some((ind, item, label)) = items.get(&normalize(&raw_code).to_uppercase()) else {
                diags.push(
                    Diagnostic::new(
                        Code::ReviewUnknownCode,
                        code_loc,
                        say!(w::REVIEW_CODE_NO_INPUT_ITEM, &raw_code, standard.id()),
                        say!(w::DELETE_ROW_RESTORE_CODE_MADE),
                    )
                    .raw(raw_code.clone()),
                );
                continue;
            };
            let verified = col(COL_VERIFIED).and_then(|c| {
                let blank = grid.get(r, c).is_none_or(|cell| {
                    super::open::is_blank(&cell.value) && cell.formula.is_none()
                });
                if blank {
                    return None;
                }
                let loc = super::layout::cell_ref(&sheet, r, c);
                let (datum, raw) =
                    super::reader::read_value(grid, r, c, ind, *item, label, &loc, diags);
                datum.map(|d| (d, raw, loc))
            });
            let decision = text(r, COL_ACCEPTED);
            let accepted = if decision.is_empty() {
                None
            } else {
                let b = super::values::parse_yes_no(&decision);
                if b.is_none() {
                    diags.push(
                        Diagnostic::new(
                            Code::ReviewBadDecision,
                            super::layout::cell_ref(&sheet, r, col(COL_ACCEPTED).unwrap_or(0)),
                            say!(w::YES_NO_READ_BLANK_ACCEPTED, &decision),
                            say!(w::PICK_FROM_LIST, super::layout::YES, super::layout::NO),
                        )
                        .raw(decision.clone())
                        .indicator(ind.code.clone()),
                    );
                }
                b
            };
            out.push(Row {
                indicator: ind.code.clone(),
                item: *item,
                verified,
                finding: text(r, COL_FINDING),
                accepted,
                reviewer: text(r, COL_REVIEWER),
                location: super::layout::cell_ref(&sheet, r, col(COL_FINDING).unwrap_or(0)),
            });
        }
        out
    }

    /// Why this review does not belong to `submission` assessed against
    /// `standard`, as a diagnostic; `None` when it does.
    pub fn mismatch(&self, submission: &Submission, standard: &Standard) -> Option<Diagnostic> {
        let id = &self.identity;
        let head = |k: usize| super::layout::cell_ref(SHEET_REVIEW, 1 + k as u32, 1);
        if id.submission_sha256 != submission.sha256 {
            let short = |s: &str| s.chars().take(12).collect::<String>();
            return Some(
                Diagnostic::new(
                    Code::ReviewWrongSubmission,
                    head(3),
                    say!(
                        w::REVIEW_MADE_FOR_SUBMISSION_WITH,
                        &self.file,
                        short(&id.submission_sha256),
                        &submission.file,
                        short(&submission.sha256)
                    ),
                    say!(w::RUN_CITYSTAR_REVIEW_INIT_ON),
                )
                .raw(id.submission_sha256.clone()),
            );
        }
        if id.standard != standard.id() {
            return Some(
                Diagnostic::new(
                    Code::ReviewWrongStandard,
                    head(4),
                    say!(
                        w::REVIEW_MADE_AGAINST_THIS_ASSESSMENT,
                        &id.standard,
                        standard.id()
                    ),
                    say!(w::PASS_STANDARD_MAKE_REVIEW_AGAIN, &id.standard),
                )
                .raw(id.standard.clone()),
            );
        }
        None
    }
}
