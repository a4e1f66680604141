//! From an opened workbook to a `Submission`: 基本信息 first (the level picks
//! the standard), then 指标填报 row by row against the standard, every problem
//! a diagnostic addressed to its cell.

use super::layout::{
    Column, DATA_SHEET_NAMES, Field, INFO_SHEET_NAMES, NO, SHEET_DATA, SHEET_INFO,
    TEMPLATE_HIDDEN_SHEETS, YES, cell_ref, item_code, normalize,
};
use super::open::{Cell, Grid, Loaded, is_blank, raw_text};
use super::values::{NumberError, parse_number, parse_option, parse_yes_no, unit_agrees};
use super::{Datum, Entity, IndicatorData, ItemValue};
use crate::catalogue::said::{Arg, Message, say};
use crate::catalogue::workbook as w;
use crate::diag::{Code, Diagnostic};
use crate::standard::{Indicator, InputItem, InputLabel, Kind, Level, Standard};
use calamine::Data;
use indexmap::IndexMap;
use std::collections::HashMap;

/// The sheets named by any of the accepted names (case- and width-insensitive), in workbook order.
fn find_sheets(book: &Loaded, names: &[&str]) -> Vec<String> {
    let wanted: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    book.sheets
        .iter()
        .filter(|(n, _)| wanted.contains(&normalize(n)))
        .map(|(n, _)| n.clone())
        .collect()
}

/// Hidden sheets, from the sheet list alone (their content is never parsed):
/// one finding each, up to a few, then one for the rest. The template's own
/// hidden lists sheet (`下拉选项`, by its exact name) is no finding.
pub fn hidden_sheets(book: &Loaded, ours: &[&str], diags: &mut Vec<Diagnostic>) {
    const SHOWN: usize = 5;
    let hidden: Vec<&String> = book
        .sheets
        .iter()
        .filter(|(n, h)| *h && !TEMPLATE_HIDDEN_SHEETS.contains(&n.as_str()))
        .map(|(n, _)| n)
        .collect();
    for name in hidden.iter().take(SHOWN) {
        let read = ours.contains(&name.as_str());
        let name = clip(name);
        diags.push(Diagnostic::new(
            Code::HiddenSheet,
            name.clone(),
            if read {
                say!(w::SHEET_HIDDEN_DATA_READ, &name)
            } else {
                say!(w::SHEET_HIDDEN_READ, &name)
            },
            say!(w::UNHIDE_SHEET_CHECK_DELETE),
        ));
    }
    if hidden.len() > SHOWN {
        let more = hidden.len() - SHOWN;
        diags.push(Diagnostic::new(
            Code::HiddenSheet,
            String::new(),
            say!(w::MORE_HIDDEN_SHEETS_WERE_READ, &more),
            say!(w::DELETE_HIDDEN_SHEETS_THAT_NEEDED),
        ));
    }
}

/// A name or text as a message shows it: at most 80 characters.
/// What an item in a count `unit` counts, in each language (`户`,
/// households; a unit without an English name counts items).
fn count_of(unit: &str) -> Arg {
    let en = crate::standard::unit_name(unit, crate::Lang::En);
    Arg::each(unit, if en.is_empty() { "items" } else { en })
}

/// A unit as each language names it (`个/万人`, per 10,000 residents); a
/// unit English has no word for is shown as it is written.
fn unit_of(unit: &str) -> Arg {
    let en = match crate::standard::unit_name(unit, crate::Lang::En) {
        "" if unit == "个" => "items",
        "" if unit == "年" => "years",
        "" => unit,
        en => en,
    };
    Arg::each(unit, en)
}

pub fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

/// What the file says of a sheet's cells and rows that calamine does not:
/// cells whose content contradicts their type, and hidden rows holding data.
fn sheet_findings(grid: &Grid, diags: &mut Vec<Diagnostic>) {
    const SHOWN: usize = 20;
    for (row, col, text) in grid.bad_cells.iter().take(SHOWN) {
        let text = clip(text);
        diags.push(
            Diagnostic::new(
                Code::BadCell,
                cell_ref(&grid.name, *row, *col),
                say!(w::FILE_MARKS_CELL_NUMBER_SIMILAR, &text),
                say!(w::TYPE_CELL_AGAIN_EXCEL_WPS),
            )
            .raw(text.clone()),
        );
    }
    let with_data: Vec<u32> = grid
        .hidden_rows
        .iter()
        .copied()
        .filter(|r| {
            grid.cells
                .row(*r)
                .any(|(_, c)| !is_blank(&c.value) || c.formula.is_some())
        })
        .collect();
    for r in with_data.iter().take(SHOWN) {
        diags.push(Diagnostic::new(
            Code::HiddenRow,
            format!("{}!{n}:{n}", grid.name, n = r + 1),
            say!(w::ROW_HIDDEN_DATA_READ, r + 1),
            say!(w::UNHIDE_ROW_CHECK),
        ));
    }
}

/// The first of several candidate sheets is read; each other one is a finding.
fn pick_sheet(found: Vec<String>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let first = found.first()?.clone();
    for other in &found[1..] {
        diags.push(Diagnostic::new(
            Code::DuplicateSheet,
            clip(other),
            say!(w::SHEETS_BOTH_LOOK_LIKE_SAME, clip(other), clip(&first)),
            say!(w::DELETE_RENAME_EXTRA_SHEET_SO),
        ));
    }
    Some(first)
}

/// Read 基本信息 into an entity; the level cell's location is returned for
/// a wrong-level finding.
pub fn read_info(grid: &Grid, diags: &mut Vec<Diagnostic>) -> (Entity, String) {
    let sheet = grid.name.as_str();
    let mut entity = Entity::default();
    let mut level_loc = sheet.to_string();
    // A header cell 内容/Value names the value column; else the cell right of the label.
    let value_header = grid.cells.iter().find(|(_, c)| {
        let t = normalize(&raw_text(c));
        ["内容", "填报内容", "value", "值"].contains(&t.as_str())
    });
    let value_col = value_header.map(|((_, c), _)| *c);
    let mut found: HashMap<Field, (u32, u32)> = HashMap::new();
    for (&(r, c), cell) in &grid.cells {
        let Data::String(s) = &cell.value else {
            continue;
        };
        if let Some(f) = Field::find(s)
            && !found.contains_key(&f)
        {
            let vc = value_col.filter(|v| *v > c).unwrap_or(c + 1);
            found.insert(f, (r, vc));
        }
    }
    for field in Field::ALL {
        let Some(&(r, c)) = found.get(&field) else {
            if field.wanted() || field == Field::Level {
                diags.push(missing_info(field, sheet.to_string(), ""));
            }
            continue;
        };
        let loc = cell_ref(sheet, r, c);
        let cell = grid.get(r, c);
        let raw = cell.map(raw_text).unwrap_or_default();
        let blank = cell.is_none_or(|c| is_blank(&c.value));
        if blank {
            if field == Field::Level {
                level_loc = loc.clone();
                diags.push(missing_info(field, loc.clone(), ""));
            }
            if field.wanted() && field != Field::Level {
                diags.push(missing_info(field, loc, ""));
            }
            continue;
        }
        let value = &cell.expect("not blank").value;
        match field {
            Field::Level => {
                level_loc = loc.clone();
                entity.level = Level::parse(&raw);
                if entity.level.is_none() {
                    let raw = clip(&raw);
                    diags.push(
                        Diagnostic::new(
                            Code::UnknownLevel,
                            loc,
                            say!(
                                w::LEVEL_NOT_RATED,
                                &raw,
                                Level::City.name_zh(),
                                Level::County.name_zh(),
                                Level::Community.name_zh()
                            ),
                            say!(
                                w::WRITE_CITY_COUNTY_COMMUNITY,
                                Level::City.name_zh(),
                                Level::County.name_zh(),
                                Level::Community.name_zh()
                            ),
                        )
                        .raw(raw),
                    );
                }
            }
            Field::Population => {
                entity.population_location = loc.clone();
                match cell_number(value) {
                    Some((x, unit)) if unit.as_deref().is_none_or(|u| unit_agrees(u, "人")) => {
                        if let Some((code, message, hint)) = implausible(x, &raw)
                            .or_else(|| population_in_wan(x, &raw, entity.level, None))
                            .or_else(|| implausible_population(x, &raw))
                        {
                            diags.push(Diagnostic::new(code, loc, message, hint).raw(raw));
                        } else if x <= 0.0 {
                            diags.push(
                                Diagnostic::new(
                                    Code::OutOfRange,
                                    loc,
                                    say!(w::RESIDENT_POPULATION_POSITIVE, &raw),
                                    say!(w::ENTER_YEAR_END_RESIDENT_POPULATION),
                                )
                                .raw(raw),
                            );
                        } else {
                            entity.population = Some(x);
                        }
                    }
                    Some(_) => diags.push(
                        Diagnostic::new(
                            Code::UnitMismatch,
                            loc,
                            say!(w::RESIDENT_POPULATION_PERSONS, &raw),
                            say!(w::CONVERT_PERSONS_ENTER_ONLY_NUMBER),
                        )
                        .raw(raw),
                    ),
                    None => diags.push(not_a_number(loc, &raw, None, "人")),
                }
            }
            Field::Year => match cell_number(value) {
                Some((y, None)) if y.fract() == 0.0 && plausible_year(y) => {
                    entity.year = Some(y as i32)
                }
                Some((y, None)) if y.is_finite() && y.fract() == 0.0 => diags.push(
                    Diagnostic::new(
                        Code::OutOfRange,
                        loc,
                        say!(w::REPORTING_YEAR_BETWEEN_NEXT_YEAR, &raw, FIRST_YEAR),
                        say!(w::ENTER_YEAR_DATA_FOR_E),
                    )
                    .raw(raw),
                ),
                _ => diags.push(not_a_number(loc, &raw, None, "年")),
            },
            Field::DivisionCode => {
                entity.division_code = match value {
                    Data::Float(x) if x.fract() == 0.0 => format!("{x:.0}"),
                    _ => raw.trim().to_string(),
                }
            }
            Field::Name => entity.name = text_field(field, &loc, &raw, diags),
            Field::Parent => entity.parent = text_field(field, &loc, &raw, diags),
            Field::FilingUnit => entity.filing_unit = text_field(field, &loc, &raw, diags),
            Field::Contact => entity.contact = text_field(field, &loc, &raw, diags),
            Field::Date => entity.date = iso_date(value).unwrap_or_else(|| raw.trim().to_string()),
        }
    }
    (entity, level_loc)
}

/// A date cell as an ISO date (`2026-03-15`), whatever the format stored it
/// as: an Excel serial number formatted as a date (xlsx, xls), an ISO date
/// time (ods), a bare serial number in the date's range, or text written
/// `2026-3-15`, `2026/03/15`, `2026.3.15` or `2026年3月15日`.
pub fn iso_date(value: &Data) -> Option<String> {
    let ymd = |y: i64, m: i64, d: i64| {
        ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let serial = |x: f64| {
        let dt = calamine::ExcelDateTime::new(x, calamine::ExcelDateTimeType::DateTime, false);
        let (y, m, d, ..) = dt.to_ymd_hms_milli();
        ymd(i64::from(y), i64::from(m), i64::from(d))
    };
    match value {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            ymd(i64::from(y), i64::from(m), i64::from(d))
        }
        // 1954-10-03 to 2119-01-08: a serial number no one types as a date otherwise.
        Data::Float(x) if (20_000.0..80_000.0).contains(x) && x.fract() == 0.0 => serial(*x),
        Data::Int(i) if (20_000..80_000).contains(i) => serial(*i as f64),
        Data::DateTimeIso(s) | Data::String(s) => {
            let t: String = s.trim().chars().map(super::layout::fold_width).collect();
            let t = t.split(['T', ' ']).next().unwrap_or("");
            let parts: Vec<&str> = t
                .split(['-', '/', '.', '年', '月', '日'])
                .filter(|p| !p.is_empty())
                .collect();
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 => ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Longest name or contact kept (characters); longer text is cut, with a warning.
pub const MAX_TEXT_CHARS: usize = 200;

fn text_field(field: Field, loc: &str, raw: &str, diags: &mut Vec<Diagnostic>) -> String {
    let t = raw.trim();
    let n = t.chars().count();
    if n <= MAX_TEXT_CHARS {
        return t.to_string();
    }
    let (zh, en, _) = field.labels();
    diags.push(
        Diagnostic::new(
            Code::TextTooLong,
            loc.to_string(),
            say!(
                w::CHARACTERS_LONG_FIRST_WERE_KEPT,
                Arg::each(zh, en),
                &n,
                MAX_TEXT_CHARS
            ),
            say!(w::ENTER_SHORT_NAME),
        )
        .raw(clip(t)),
    );
    t.chars().take(MAX_TEXT_CHARS).collect()
}

fn missing_info(field: Field, loc: String, raw: &str) -> Diagnostic {
    let (zh, en, _) = field.labels();
    let code = if field == Field::Level {
        Code::MissingLevel
    } else {
        Code::MissingBasicInfo
    };
    Diagnostic::new(
        code,
        loc,
        say!(
            w::BASIC_INFO_LACKS,
            Arg::each(zh, en.to_lowercase()),
            SHEET_INFO
        ),
        say!(w::FILL_IN, Arg::each(zh, en.to_lowercase())),
    )
    .raw(raw)
}

/// A cell as a number: numeric cells as they are, text through `parse_number`.
fn cell_number(v: &Data) -> Option<(f64, Option<String>)> {
    match v {
        Data::Int(i) => Some((*i as f64, None)),
        Data::Float(x) => Some((*x, None)),
        Data::String(s) => parse_number(s)
            .ok()
            .filter(|n| !n.percent)
            .map(|n| (n.value, n.unit)),
        _ => None,
    }
}

fn not_a_number(loc: String, raw: &str, indicator: Option<&str>, unit: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::NotANumber,
        loc,
        say!(w::NOT_A_NUMBER, &raw),
        say!(w::ENTER_ONLY_NUMBER_UNIT_EXPLANATIONS, unit_of(unit)),
    )
    .raw(raw);
    d.indicator = indicator.map(str::to_string);
    d
}

/// The columns found in the header row of 指标填报.
pub(crate) struct Header {
    pub(crate) row: u32,
    pub(crate) cols: HashMap<Column, u32>,
    /// A column named twice: (column, the one read, the other).
    twice: Vec<(Column, u32, u32)>,
}

pub(crate) fn find_header(grid: &Grid) -> Option<Header> {
    // The first row (of the first 50) that names a code column.
    for row in grid.rows().take(50) {
        let mut cols = HashMap::new();
        let mut twice = Vec::new();
        for (&(_, c), cell) in grid.cells.row(row) {
            let Data::String(s) = &cell.value else {
                continue;
            };
            if let Some(col) = Column::find(s) {
                let first = *cols.entry(col).or_insert(c);
                if first != c {
                    twice.push((col, first, c));
                }
            }
        }
        if cols.contains_key(&Column::Code) {
            return Some(Header { row, cols, twice });
        }
    }
    None
}

/// Whether a code cell's text is already what folding full-width forms,
/// trimming and upper-casing make of it: printable ASCII, no lower-case letter.
fn is_plain_code(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_lowercase())
}

/// Every workbook code the standard expects (`ZF-01.N`, upper-cased), in the
/// standard's order: each indicator's `inputs()` in turn.
struct ItemCodes {
    /// Each indicator's `inputs()`, made once per read.
    inputs: Vec<Vec<(InputItem, InputLabel)>>,
    /// The indicator index of each item.
    indicator: Vec<usize>,
    /// Code → the last item with it (codes that differ only in case share one).
    index: HashMap<String, usize>,
    /// When two items share a code: the item each one reads (else empty).
    same: Vec<usize>,
}

/// The item codes of the standards read against in this run, with the
/// indicators they were made from (a batch reads every workbook of a level
/// against one standard: the codes are made once, not once per workbook).
static ITEM_CODES: std::sync::Mutex<Vec<(Vec<Indicator>, std::sync::Arc<ItemCodes>)>> =
    std::sync::Mutex::new(Vec::new());

impl ItemCodes {
    /// The codes of this standard's indicators, made on first use: found by
    /// the indicators themselves (equal to the last field), so a standard
    /// changed or made anew never gets another's codes.
    fn shared(standard: &Standard) -> std::sync::Arc<ItemCodes> {
        let mut cache = ITEM_CODES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, codes)) = cache.iter().find(|(inds, _)| *inds == standard.indicator) {
            return codes.clone();
        }
        let codes = std::sync::Arc::new(ItemCodes::new(standard));
        // A few standards per run: the oldest goes past eight.
        if cache.len() >= 8 {
            cache.remove(0);
        }
        cache.push((standard.indicator.clone(), codes.clone()));
        codes
    }

    fn new(standard: &Standard) -> Self {
        let inputs: Vec<_> = standard.indicator.iter().map(Indicator::inputs).collect();
        let codes = || {
            standard
                .indicator
                .iter()
                .zip(&inputs)
                .flat_map(|(ind, items)| items.iter().map(|(item, _)| item_code(&ind.code, *item)))
                .map(|code| {
                    // Standard codes are ASCII: upper-cased in place where they are.
                    if code.is_ascii() {
                        let mut code = code;
                        code.make_ascii_uppercase();
                        code
                    } else {
                        code.to_uppercase()
                    }
                })
        };
        let indicator: Vec<usize> = inputs
            .iter()
            .enumerate()
            .flat_map(|(i, items)| std::iter::repeat_n(i, items.len()))
            .collect();
        let mut index = HashMap::with_capacity(indicator.len());
        let mut shared = false;
        for (k, code) in codes().enumerate() {
            shared |= index.insert(code, k).is_some();
        }
        let same = if shared {
            codes().map(|code| index[&code]).collect()
        } else {
            Vec::new()
        };
        ItemCodes {
            inputs,
            indicator,
            index,
            same,
        }
    }

    fn len(&self) -> usize {
        self.indicator.len()
    }

    fn find(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// The item whose row item `k` reads (itself, unless its code is shared).
    fn same_as(&self, k: usize) -> usize {
        self.same.get(k).copied().unwrap_or(k)
    }

    fn indicator(&self, k: usize) -> usize {
        self.indicator[k]
    }
}

/// Read 指标填报 against the standard.
pub fn read_data(
    grid: &Grid,
    standard: &Standard,
    population: Option<f64>,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<String, IndicatorData> {
    let sheet = grid.name.as_str();
    let mut data: IndexMap<String, IndicatorData> = IndexMap::new();
    let missing_all = |data: &mut IndexMap<String, IndicatorData>| {
        for ind in &standard.indicator {
            data.insert(
                ind.code.clone(),
                IndicatorData {
                    items: ind
                        .inputs()
                        .into_iter()
                        .map(|(item, _)| ItemValue {
                            item,
                            datum: None,
                            location: String::new(),
                            raw: String::new(),
                        })
                        .collect(),
                    ..IndicatorData::default()
                },
            );
        }
    };
    let header = find_header(grid);
    let missing_col = |col: Column, loc: String| {
        let (zh, en, _) = col.headers();
        Diagnostic::new(
            Code::MissingColumn,
            loc,
            say!(w::SHEET_HAS_NO_COLUMN, &sheet, Arg::each(zh, en)),
            say!(w::RESTORE_HEADER, Arg::each(zh, format!("{zh}` / `{en}"))),
        )
    };
    let Some(header) = header else {
        diags.push(missing_col(Column::Code, sheet.to_string()));
        missing_all(&mut data);
        return data;
    };
    let Some(&value_col) = header.cols.get(&Column::Value) else {
        diags.push(missing_col(
            Column::Value,
            format!("{sheet}!{r}:{r}", r = header.row + 1),
        ));
        missing_all(&mut data);
        return data;
    };
    for &(col, first, other) in &header.twice {
        let (zh, en, _) = col.headers();
        let (a, b) = (
            crate::xlsx::col_letters(first),
            crate::xlsx::col_letters(other),
        );
        diags.push(Diagnostic::new(
            Code::DuplicateColumn,
            format!("{sheet}!{b}{}", header.row + 1),
            say!(
                w::COLUMN_APPEARS_TWICE_COLUMNS_ONLY,
                Arg::each(zh, en),
                &a,
                &b
            ),
            say!(w::DELETE_EXTRA_COLUMN_GIVE_ANOTHER),
        ));
    }
    let code_col = header.cols[&Column::Code];

    let codes = ItemCodes::shared(standard);
    // The row each expected code was found on, by its index in `codes`.
    let mut rows: Vec<Option<u32>> = vec![None; codes.len()];
    for row in grid.rows() {
        if row <= header.row {
            continue;
        }
        let raw = grid.text_ref(row, code_col);
        let code: std::borrow::Cow<'_, str> = if is_plain_code(&raw) {
            // Folding, trimming and upper-casing would give the same text back.
            std::borrow::Cow::Borrowed(&*raw)
        } else {
            std::borrow::Cow::Owned(
                raw.chars()
                    .map(super::layout::fold_width)
                    .collect::<String>()
                    .trim()
                    .to_uppercase(),
            )
        };
        // A known code typed with stray spaces (`A-01 .N`) is read, with a warning.
        let code = if code.contains(char::is_whitespace) {
            let squeezed: String = code.split_whitespace().collect();
            if squeezed != *code && codes.find(&squeezed).is_some() {
                diags.push(
                    Diagnostic::new(
                        Code::CodeWithSpaces,
                        cell_ref(sheet, row, code_col),
                        say!(w::CODE_CONTAINS_SPACES_READ, &raw, &squeezed),
                        say!(w::REMOVE_SPACES_FROM_CODE),
                    )
                    .raw(raw.to_string()),
                );
                std::borrow::Cow::Owned(squeezed)
            } else {
                code
            }
        } else {
            code
        };
        // Blank rows and note rows (text that cannot be a code) are passed over.
        if code.is_empty()
            || !code.is_ascii()
            || code.contains(char::is_whitespace)
            || code.len() > 24
        {
            continue;
        }
        let Some(k) = codes.find(&code) else {
            diags.push(
                Diagnostic::new(
                    Code::UnknownIndicatorCode,
                    cell_ref(sheet, row, code_col),
                    say!(w::CODE_STANDARD_ROW_IGNORED, &raw, standard.id()),
                    say!(w::CHECK_CODE_USE_THIS_STANDARD),
                )
                .raw(raw.to_string()),
            );
            continue;
        };
        if let Some(first) = rows[k] {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateCode,
                    cell_ref(sheet, row, code_col),
                    say!(w::CODE_APPEARS_AGAIN_ROW_READ, &raw, first + 1),
                    say!(w::DELETE_EXTRA_ROW),
                )
                .raw(raw.to_string())
                .indicator(standard.indicator[codes.indicator(k)].code.clone()),
            );
            continue;
        }
        rows[k] = Some(row);
    }

    let evidence_col = header.cols.get(&Column::Evidence).copied();
    let note_col = header.cols.get(&Column::Note).copied();
    let mut next = 0;
    for (i, ind) in standard.indicator.iter().enumerate() {
        let mut entry = IndicatorData::default();
        let mut first_row = None;
        let inputs = &codes.inputs[i];
        for &(item, ref label) in inputs {
            // `codes` lists the items in this same order.
            let k = next;
            next += 1;
            let Some(row) = rows[codes.same_as(k)] else {
                let code = item_code(&ind.code, item);
                diags.push(
                    Diagnostic::new(
                        Code::MissingItem,
                        sheet.to_string(),
                        say!(w::NO_ROW_FOR_ITEM, code, Arg::each(&label.zh, &label.en)),
                        say!(w::COPY_ROW_FROM_TEMPLATE_FILL),
                    )
                    .indicator(ind.code.clone()),
                );
                entry.items.push(ItemValue {
                    item,
                    datum: None,
                    location: String::new(),
                    raw: String::new(),
                });
                continue;
            };
            first_row.get_or_insert(row);
            let loc = cell_ref(sheet, row, value_col);
            let (datum, raw) = read_value(grid, row, value_col, ind, item, label, &loc, diags);
            entry.items.push(ItemValue {
                item,
                datum,
                location: loc,
                raw,
            });
            let text = |col: Option<u32>| {
                col.map(|c| grid.text_ref(row, c))
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| t.trim().to_string())
            };
            if entry.evidence.is_none() {
                entry.evidence = text(evidence_col);
            }
            if entry.note.is_none() {
                entry.note = text(note_col);
            }
        }
        plausibility_of(ind, inputs, &mut entry, population, standard.level(), diags);
        cross_checks(ind, &entry, population, diags);
        // An item left blank has its own finding; evidence is asked for values given.
        let answered = entry.items.iter().any(|i| !i.raw.trim().is_empty());
        if ind.evidence_required && entry.evidence.is_none() && first_row.is_some() && answered {
            let loc = match (evidence_col, first_row) {
                (Some(c), Some(r)) => cell_ref(sheet, r, c),
                _ => sheet.to_string(),
            };
            let what = if ind.evidence_zh.is_empty() {
                "佐证材料".to_string()
            } else {
                ind.evidence_zh.clone()
            };
            let what_en = if ind.evidence_en.is_empty() {
                "evidence".to_string()
            } else {
                ind.evidence_en.clone()
            };
            diags.push(
                Diagnostic::new(
                    Code::EvidenceMissing,
                    loc,
                    say!(
                        w::NEEDS_EVIDENCE,
                        &ind.code,
                        Arg::each(&ind.name_zh, &ind.name_en),
                        Arg::each(what, what_en)
                    ),
                    say!(w::NAME_DOCUMENT_ANNEX_EVIDENCE_COLUMN),
                )
                .indicator(ind.code.clone()),
            );
        }
        data.insert(ind.code.clone(), entry);
    }
    data
}

/// Fewest residents an entity of a level has: a smaller population in 人 is
/// most likely given in 万人.
fn min_population(level: Option<Level>) -> f64 {
    match level {
        Some(Level::City) => 100_000.0,
        Some(Level::County) => 10_000.0,
        _ => 100.0,
    }
}

/// Largest amount in 亿元 an entity can report: twice Shandong's GDP
/// (about 92,000 亿元 in 2023).
const MAX_YI_YUAN: f64 = 200_000.0;

/// A number as a message shows it: no trailing zeros, no exponent.
use crate::format_number as fmt_number;

/// A population in 人 that reads as 万人: below the level's fewest residents
/// while ten thousand times it is a population of the level (or, with the
/// resident population known, near it).
fn population_in_wan(
    x: f64,
    raw: &str,
    level: Option<Level>,
    residents: Option<f64>,
) -> Option<(Code, Message, Message)> {
    let min = min_population(level);
    let as_persons = x * 10_000.0;
    let near = residents.is_some_and(|p| p > 0.0 && (0.5..=2.0).contains(&(as_persons / p)));
    let small = x > 0.0 && x < min && as_persons >= min && as_persons <= MAX_POPULATION;
    (near || small).then(|| {
        let persons = fmt_number(as_persons);
        (
            Code::PopulationInWan,
            say!(w::POPULATION_PERSONS_TOO_SMALL_LOOKS, &raw, &persons),
            say!(w::CELL_PERSONS_IF_TEN_THOUSAND, &raw, &persons),
        )
    })
}

/// Findings on values read well that a person most likely got wrong: a
/// fractional count, a population in 万 where 人 is asked, an amount whose
/// order of magnitude does not fit its unit and the resident population.
/// Errors drop the value (it is not scored); warnings keep it.
pub(crate) fn plausibility(
    ind: &Indicator,
    entry: &mut IndicatorData,
    population: Option<f64>,
    level: Level,
    diags: &mut Vec<Diagnostic>,
) {
    plausibility_of(ind, &ind.inputs(), entry, population, level, diags);
}

/// `plausibility` with the indicator's `inputs()` already at hand.
fn plausibility_of(
    ind: &Indicator,
    labels: &[(InputItem, InputLabel)],
    entry: &mut IndicatorData,
    population: Option<f64>,
    level: Level,
    diags: &mut Vec<Diagnostic>,
) {
    for (k, value) in entry.items.iter_mut().enumerate() {
        let Some(Datum::Number(v)) = value.datum else {
            continue;
        };
        let Some((_, label)) = labels.get(k) else {
            continue;
        };
        let unit = label.unit.as_str();
        let raw = value.raw.clone();
        let diag = |code: Code, msg: Message, hint: Message| {
            Diagnostic::new(code, value.location.clone(), msg, hint)
                .raw(raw.clone())
                .indicator(ind.code.clone())
        };
        let is_population = unit == "人" && label.zh.contains("人口");
        if is_population
            && let Some((code, msg, hint)) = population_in_wan(v, &raw, Some(level), population)
        {
            diags.push(diag(code, msg, hint));
            value.datum = None;
            continue;
        }
        if crate::standard::is_count_unit(unit) && v.fract() != 0.0 {
            diags.push(diag(
                Code::FractionalCount,
                say!(w::NOT_A_WHOLE_COUNT, &raw, count_of(unit)),
                say!(w::ENTER_A_WHOLE_COUNT, count_of(unit)),
            ));
            value.datum = None;
            continue;
        }
        // 亿元 (hundred millions of yuan): beyond 200,000 亿元 (twice the
        // province's GDP) the figure was typed in 元 or 万元.
        if unit == "亿元" && v > MAX_YI_YUAN {
            diags.push(diag(
                Code::ImplausibleMagnitude,
                say!(w::MILLION_YUAN_MORE_THAN_TWICE, &raw),
                say!(w::ITEM_MILLION_YUAN_IF_FIGURE, fmt_number(v / 10_000.0)),
            ));
            continue;
        }
        let Some(p) = population.filter(|p| *p > 0.0) else {
            continue;
        };
        // Persons or households a value stands for, and the most the resident
        // population makes plausible: ten per resident for a stock, ten
        // thousand per resident a year for visits (人次).
        let (persons, per_resident) = match (unit, &ind.kind) {
            (_, Kind::PerPopulation { .. }) => (v, 10.0),
            ("万人" | "万户", _) => (v * 10_000.0, 10.0),
            ("万人次", _) => (v * 10_000.0, 10_000.0),
            ("人" | "户", _) if !is_population => (v, 10.0),
            ("人次", _) => (v, 10_000.0),
            _ => continue,
        };
        if persons > p * per_resident {
            let wan = unit.starts_with('万');
            let hint = if wan {
                say!(
                    w::IN_TEN_THOUSANDS,
                    Arg::each(format!("以“{unit}”计"), "in ten thousands"),
                    Arg::each(&unit['万'.len_utf8()..], "a plain count"),
                    fmt_number(v / 10_000.0)
                )
            } else {
                say!(w::CHECK_NUMBER_UNIT_EXTRA_ZEROS)
            };
            diags.push(diag(
                Code::ImplausibleMagnitude,
                say!(
                    w::MORE_THAN_THE_POPULATION,
                    &raw,
                    // The unit where English has a name for it.
                    Arg::each(
                        format!("（{unit}）"),
                        match crate::standard::unit_name(unit, crate::Lang::En) {
                            "" => String::new(),
                            u if u.chars().all(|c| c.is_ascii() || c == '×') => format!(" ({u})"),
                            _ => String::new(),
                        }
                    ),
                    fmt_number(p),
                    fmt_number(per_resident)
                ),
                hint,
            ));
        }
    }
}

/// Zero denominators, numerators above denominators, per-population counts without a population.
pub(crate) fn cross_checks(
    ind: &Indicator,
    entry: &IndicatorData,
    population: Option<f64>,
    diags: &mut Vec<Diagnostic>,
) {
    match &ind.kind {
        Kind::Ratio { .. } => {
            let (Some(n), Some(d)) = (
                entry.get(InputItem::Numerator),
                entry.get(InputItem::Denominator),
            ) else {
                return;
            };
            let (Some(Datum::Number(nv)), Some(Datum::Number(dv))) = (n.datum, d.datum) else {
                return;
            };
            if dv == 0.0 {
                diags.push(
                    Diagnostic::new(
                        Code::ZeroDenominator,
                        d.location.clone(),
                        say!(w::ZERO_DENOMINATOR_OF, &ind.code),
                        say!(w::ENTER_ACTUAL_DENOMINATOR),
                    )
                    .raw(d.raw.clone())
                    .indicator(ind.code.clone()),
                );
            } else if nv > dv * (1.0 + 1e-9) {
                diags.push(
                    Diagnostic::new(
                        Code::NumeratorExceedsDenominator,
                        n.location.clone(),
                        say!(
                            w::NUMERATOR_EXCEEDS_DENOMINATOR,
                            &ind.code,
                            &nv,
                            &dv,
                            &d.location
                        ),
                        say!(w::CHECK_BOTH_SHARE_DEFINITION_YEAR),
                    )
                    .raw(n.raw.clone())
                    .indicator(ind.code.clone()),
                );
            }
        }
        Kind::PerPopulation { .. } => {
            if population.is_none()
                && let Some(c) = entry.get(InputItem::Count)
                && c.datum.is_some()
            {
                diags.push(
                    Diagnostic::new(
                        Code::PopulationMissing,
                        c.location.clone(),
                        say!(w::PER_RESIDENT_BUT_GIVES_NO, &ind.code, SHEET_INFO),
                        say!(w::FILL_RESIDENT_POPULATION_PERSONS, SHEET_INFO),
                    )
                    .raw(c.raw.clone())
                    .indicator(ind.code.clone()),
                );
            }
        }
        _ => {}
    }
}

/// Read one value cell into a datum, or a diagnostic saying why not.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_value(
    grid: &Grid,
    row: u32,
    col: u32,
    ind: &Indicator,
    item: InputItem,
    label: &InputLabel,
    loc: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Datum>, String) {
    let empty = Cell {
        value: Data::Empty,
        formula: None,
    };
    let cell = grid.get(row, col).unwrap_or(&empty);
    let raw = raw_text(cell);
    let mut push = |code_: Code, msg: Message, hint: Message| {
        diags.push(
            Diagnostic::new(code_, loc, msg, hint)
                .raw(raw.clone())
                .indicator(ind.code.clone()),
        );
    };
    if let Some(m) = grid.covered_by_merge(row, col) {
        let top = cell_ref(&grid.name, m.start.0, m.start.1);
        push(
            Code::MergedCell,
            say!(w::VALUE_CELL_INSIDE_MERGED_REGION, &top),
            say!(w::UNMERGE_CELLS_GIVE_EACH_ITEM),
        );
        return (None, raw);
    }
    if cell.formula.is_some() && is_blank(&cell.value) {
        push(
            Code::FormulaNoCachedValue,
            say!(w::FORMULA_HAS_NO_CACHED_VALUE, &raw),
            say!(w::OPEN_SAVE_FILE_ONCE_EXCEL),
        );
        return (None, raw);
    }
    if let Data::Error(e) = &cell.value {
        push(
            Code::ErrorCell,
            say!(w::CELL_HOLDS_ERROR, e.to_string()),
            say!(w::FIX_FORMULA_TYPE_VALUE),
        );
        return (None, raw);
    }
    if is_blank(&cell.value) {
        // The item's own label is named only where it is not the indicator's name.
        let (what_zh, what_en) = if label.zh == ind.name_zh {
            (ind.name_zh.clone(), ind.name_en.clone())
        } else {
            (
                format!("{}（{}）", ind.name_zh, label.zh),
                format!("{} ({})", ind.name_en, label.en),
            )
        };
        let hint = match &ind.kind {
            Kind::YesNo { .. } => say!(w::ANSWER_YES_NO_PICK_FROM, YES, NO),
            Kind::Grade { .. } => {
                say!(w::CHOOSE_ONE_OPTION_FROM_LIST)
            }
            _ => {
                let en = crate::standard::unit_name(&label.unit, crate::Lang::En);
                // A unit without a name in a language is not named in it.
                let unit_in = |lang: crate::Lang, unit: &str| {
                    if unit.is_empty() {
                        String::new()
                    } else {
                        w::UNIT_IN_BRACKETS.fill(lang, &[&unit])
                    }
                };
                say!(
                    w::ENTER_A_NUMBER,
                    Arg::each(
                        unit_in(crate::Lang::Zh, &label.unit),
                        unit_in(crate::Lang::En, en)
                    )
                )
            }
        };
        push(
            Code::MissingValue,
            say!(w::IS_EMPTY, &ind.code, Arg::each(what_zh, what_en)),
            hint,
        );
        return (None, raw);
    }
    let unit = label.unit.as_str();
    match &ind.kind {
        Kind::YesNo { .. } => {
            let b = match &cell.value {
                Data::Bool(b) => Some(*b),
                Data::String(s) => parse_yes_no(s),
                _ => None,
            };
            if b.is_none() {
                push(
                    Code::NotYesNo,
                    say!(w::NOT_YES_NO, &raw),
                    say!(w::PICK_YES_NO_FROM_LIST, YES, NO),
                );
            }
            (b.map(Datum::YesNo), raw)
        }
        Kind::Grade { options } => {
            let i = match &cell.value {
                Data::String(s) => parse_option(s, options),
                _ => None,
            };
            if i.is_none() {
                // Numbered: the options themselves may hold 、 and commas.
                let numbered = |pick: fn(&crate::standard::GradeOption) -> &str| {
                    options
                        .iter()
                        .enumerate()
                        .map(|(k, o)| format!("[{}] {}", k + 1, pick(o)))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                push(
                    Code::UnknownOption,
                    say!(w::NOT_AN_OPTION, &raw, &ind.code),
                    say!(
                        w::PICK_ONE_OF,
                        Arg::each(numbered(|o| &o.zh), numbered(|o| &o.en))
                    ),
                );
            }
            (i.map(Datum::Option), raw)
        }
        _ => {
            let percent = matches!(ind.kind, Kind::Percent { .. }) || unit == "%";
            let value = match &cell.value {
                Data::Int(i) => number_cell(*i as f64, percent, &mut push),
                Data::Float(x) => number_cell(*x, percent, &mut push),
                Data::String(s) => text_cell(s, &raw, percent, unit, &mut push),
                _ => {
                    push(
                        Code::NotANumber,
                        say!(w::NOT_A_NUMBER, &raw),
                        say!(w::ENTER_ONLY_NUMBER_UNIT, unit_of(unit)),
                    );
                    None
                }
            };
            let Some(v) = value else { return (None, raw) };
            if let Some(d) = implausible(v, &raw) {
                push(d.0, d.1, d.2);
                return (None, raw);
            }
            // Everything read here is a count, an amount, a share or a score:
            // never negative (a `number` too: docs/diagnostics.md#out-of-range).
            let max = if percent || matches!(ind.kind, Kind::Survey { .. }) {
                Some(100.0)
            } else {
                None
            };
            if percent && v > 100.0 + 1e-9 {
                push(
                    Code::ShareOver100,
                    say!(w::READS_SHARE_CANNOT_EXCEED, &raw, fmt_number(v)),
                    say!(w::TYPE_SHARE_WITH_PERCENT_SIGN),
                );
                return (None, raw);
            }
            if v < 0.0 || max.is_some_and(|m| v > m + 1e-9) {
                let range = match max {
                    Some(m) => format!("0–{m}"),
                    None => "≥ 0".into(),
                };
                push(
                    Code::OutOfRange,
                    say!(
                        w::OUT_OF_RANGE,
                        &raw,
                        &range,
                        if percent { "%" } else { "" }
                    ),
                    say!(w::CHECK_NUMBER_UNIT),
                );
                return (None, raw);
            }
            let _ = item;
            (Some(Datum::Number(v)), raw)
        }
    }
}

/// The earliest year a submission can report on: the national smart-city
/// evaluation began in 2016; DB37/T 3890 followed in 2020.
const FIRST_YEAR: i32 = 2015;

/// A reporting year from `FIRST_YEAR` to next year (the system clock's).
fn plausible_year(y: f64) -> bool {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(2026, |d| 1970 + (d.as_secs() / 31_556_952) as i32);
    (f64::from(FIRST_YEAR)..=f64::from(now + 1)).contains(&y)
}

/// Most residents any entity the standard rates has (the whole province
/// has about 101 million).
const MAX_POPULATION: f64 = 1e8;

/// A population that is not a whole positive number of persons, or more
/// than any city has.
fn implausible_population(x: f64, raw: &str) -> Option<(Code, Message, Message)> {
    if x > MAX_POPULATION {
        return Some((
            Code::ImplausibleValue,
            say!(w::RESIDENT_POPULATION_OVER_MILLION_MORE, &raw),
            say!(w::ENTER_YEAR_END_RESIDENT_POPULATION_2),
        ));
    }
    if x > 0.0 && x.fract() != 0.0 {
        return Some((
            Code::OutOfRange,
            say!(w::RESIDENT_POPULATION_WHOLE_NUMBER_PERSONS, &raw),
            say!(w::ENTER_PERSONS_TENS_THOUSANDS, "人", "万人"),
        ));
    }
    None
}

/// Largest magnitude any indicator input really has (a count of things, an
/// amount in 万元, a population): beyond it a value is a typing or export error.
pub const MAX_MAGNITUDE: f64 = 1e12;

/// A number no indicator can hold: not finite, or beyond `MAX_MAGNITUDE`.
fn implausible(v: f64, raw: &str) -> Option<(Code, Message, Message)> {
    if !v.is_finite() {
        return Some((
            Code::NotANumber,
            say!(w::NOT_FINITE, &raw),
            say!(w::ENTER_ACTUAL_NUMBER),
        ));
    }
    if v.abs() >= MAX_MAGNITUDE {
        return Some((
            Code::ImplausibleValue,
            say!(w::LARGER_THAN_ANY_REAL_INDICATOR, &raw),
            say!(w::CHECK_NUMBER_UNIT_EXTRA_ZEROS_2),
        ));
    }
    None
}

fn number_cell(
    x: f64,
    percent: bool,
    push: &mut impl FnMut(Code, Message, Message),
) -> Option<f64> {
    if !percent {
        return Some(x);
    }
    if x > 1.0 + 1e-9 && x <= 100.0 {
        push(
            Code::AmbiguousPercent,
            say!(w::PERCENT_CELL_HOLDS_WHICH_SHOWS, &x, x * 100.0),
            say!(w::TYPE_WITH_PERCENT_SIGN, &x),
        );
        return None;
    }
    Some(x * 100.0)
}

fn text_cell(
    s: &str,
    raw: &str,
    percent: bool,
    unit: &str,
    push: &mut impl FnMut(Code, Message, Message),
) -> Option<f64> {
    let n = match parse_number(s) {
        Ok(n) => n,
        Err(NumberError::AmbiguousComma) => {
            push(
                Code::NotANumber,
                say!(w::COMMA_THOUSANDS_SEPARATOR_DECIMAL_SEPARATOR, &raw),
                say!(w::USE_DECIMAL_POINT_E_G),
            );
            return None;
        }
        Err(NumberError::NotANumber) => {
            push(
                Code::NotANumber,
                say!(w::NOT_A_NUMBER, &raw),
                say!(w::ENTER_ONLY_NUMBER_UNIT_EXPLANATIONS, unit_of(unit)),
            );
            return None;
        }
    };
    if let Some(u) = &n.unit
        && !unit_agrees(u, unit)
    {
        push(
            Code::UnitMismatch,
            say!(w::ITEM_ASKS_FOR, &raw, &u, &unit),
            say!(w::CONVERT_ENTER_ONLY_NUMBER, &unit),
        );
        return None;
    }
    if n.percent && !percent {
        push(
            Code::UnitMismatch,
            say!(w::PERCENTAGE_ITEM_S_UNIT, &raw, &unit),
            say!(w::ENTER_NUMBER, &unit),
        );
        return None;
    }
    // 0 is 0% under either reading; 0 < x ≤ 1 could be x or x × 100 percent.
    if percent && !n.percent && n.value != 0.0 && n.value.abs() <= 1.0 {
        push(
            Code::AmbiguousPercent,
            say!(
                w::TYPED_TEXT_PERCENT_ITEM_COULD,
                &raw,
                n.value * 100.0,
                &n.value
            ),
            say!(w::TYPE_VALUE_WITH_PERCENT_SIGN),
        );
        return None;
    }
    push(
        Code::NumberAsText,
        say!(
            w::TEXT_READ_AS_NUMBER,
            &raw,
            &n.value,
            if percent { "%" } else { "" }
        ),
        say!(w::NOTHING_DO_MAKE_NUMBER_CELL),
    );
    Some(n.value)
}

/// What `read_book` finds: the entity, the standard chosen, the data, the diagnostics.
pub type BookRead<'s> = (
    Entity,
    &'s Standard,
    IndexMap<String, IndicatorData>,
    Vec<Diagnostic>,
);

/// The whole read: sheets, 基本信息, the standard, 指标填报.
pub fn read_book<'s>(
    book: &Loaded,
    choose: &dyn Fn(Option<Level>) -> &'s Standard,
) -> BookRead<'s> {
    let mut diags = Vec::new();
    let info_name = pick_sheet(find_sheets(book, INFO_SHEET_NAMES), &mut diags);
    let data_name = pick_sheet(find_sheets(book, DATA_SHEET_NAMES), &mut diags);
    let ours: Vec<&str> = [info_name.as_deref(), data_name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    hidden_sheets(book, &ours, &mut diags);
    let missing_sheet = |name: &str, en: &str| {
        Diagnostic::new(
            Code::MissingSheet,
            name.to_string(),
            say!(
                w::NO_SUCH_SHEET,
                Arg::each(format!("“{name}”"), format!("`{name}` ({en})"))
            ),
            say!(w::START_FROM_CITYSTAR_TEMPLATE_RENAME),
        )
    };
    for grid in [&info_name, &data_name]
        .into_iter()
        .flatten()
        .filter_map(|n| book.grid(n))
    {
        sheet_findings(grid, &mut diags);
    }
    let (entity, level_loc) = match info_name.as_deref().and_then(|n| book.grid(n)) {
        Some(grid) => read_info(grid, &mut diags),
        None => {
            diags.push(missing_sheet(SHEET_INFO, "Basic information"));
            (Entity::default(), SHEET_INFO.to_string())
        }
    };
    let standard = choose(entity.level);
    if let Some(level) = entity.level
        && level != standard.level()
    {
        diags.push(Diagnostic::new(
            Code::WrongLevel,
            level_loc,
            say!(
                w::CHECKED_AGAINST_OTHER_LEVEL,
                Arg::each(level.name_zh(), level.key()),
                Arg::each(standard.level().name_zh(), standard.level().key()),
                standard.id()
            ),
            say!(w::DROP_STANDARD_CORRECT_LEVEL, SHEET_INFO),
        ));
    }
    let data = match data_name.as_deref().and_then(|n| book.grid(n)) {
        Some(grid) => read_data(grid, standard, entity.population, &mut diags),
        None => {
            diags.push(missing_sheet(SHEET_DATA, "Indicator data"));
            let mut sink = Vec::new();
            let empty = Grid {
                name: SHEET_DATA.into(),
                ..Grid::default()
            };
            read_data(&empty, standard, entity.population, &mut sink)
        }
    };
    (entity, standard, data, diags)
}
