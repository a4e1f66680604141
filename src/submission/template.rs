//! The blank submission workbook, written from the standard (`citystar template`).
//!
//! Sheets: 说明 (instructions), 基本信息 (who submits), 指标填报 (one row per
//! input item), 填报说明 (the printable definitions) and the hidden 下拉选项
//! (the drop-down options, one per cell). Only the label cells are locked;
//! yes/no and graded items get drop-downs from a list range, every item an
//! input message with its data requirement, and percent cells a percent
//! format (the cell holds a fraction).
//! The same standard and language always give the same bytes.

use super::Entity;
use super::layout::{
    Column, Field, INFO_HEADERS, SHEET_DATA, SHEET_GUIDE, SHEET_INFO, SHEET_LISTS, SHEET_README,
    item_code,
};
use crate::Lang;
use crate::catalogue::Msg;
use crate::catalogue::template as m;
use crate::standard::{InputItem, Kind, Standard};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula,
    ProtectionOptions, Worksheet, XlsxError,
};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// A value to place in a value cell, exactly as the cell should store it
/// (a percent item's 85% is `Number(0.85)`).
#[derive(Debug, Clone, PartialEq)]
pub enum FillValue {
    Number(f64),
    Text(String),
}

/// Values to pre-fill: used by the tests and the sample generator to produce
/// filled workbooks through the very code that writes the blank one.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    pub entity: Entity,
    /// Workbook code (`A01.N`, `A02`) → value cell content.
    pub values: HashMap<String, FillValue>,
    /// Indicator code → 佐证材料 text (written on the indicator's first row).
    pub evidence: HashMap<String, String>,
}

/// The blank template as xlsx bytes.
pub fn blank(standard: &Standard, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    write(standard, lang, None)
}

/// The smallest type the printed template uses (points): the page footer.
/// Every cell is in `CELL_POINTS` type, and no sheet is scaled down to fit.
pub const MIN_PRINT_POINTS: u8 = 10;
/// Type size of every cell the template writes (the title: 14).
pub const CELL_POINTS: u8 = 11;

/// The template, optionally filled, as xlsx bytes.
pub fn write(standard: &Standard, lang: Lang, fill: Option<&Fill>) -> Result<Vec<u8>, XlsxError> {
    let mut wb = crate::xlsx::new_workbook(&format!(
        "{} {}",
        standard.standard.code,
        m::SUBMISSION_WORKBOOK.get(lang)
    ));

    let styles = Styles::new();
    let lists = Lists::new(standard, lang);
    readme(wb.add_worksheet(), standard, lang)?;
    info_sheet(wb.add_worksheet(), standard, lang, fill, &styles, &lists)?;
    data_sheet(wb.add_worksheet(), standard, lang, fill, &styles, &lists)?;
    guide_sheet(wb.add_worksheet(), standard, lang, &styles)?;
    lists.sheet(wb.add_worksheet())?;
    wb.save_to_buffer()
}

/// Print setup of a sheet the office prints: A4 landscape at 100% (never
/// shrunk to fit), narrow margins, the first `header_rows` rows repeated.
fn print_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_scale(100);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_footer(format!("&C&{MIN_PRINT_POINTS}&P / &N"));
    if header_rows > 0 {
        ws.set_repeat_rows(0, header_rows - 1)?;
    }
    Ok(())
}

/// What an office may do on a protected input sheet: everything the reader
/// tolerates (extra columns, inserted note rows, formats, widths and heights,
/// sorting and filters on open cells). Only the written label cells are locked.
pub fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_cells: true,
        format_columns: true,
        format_rows: true,
        insert_columns: true,
        insert_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    }
}

/// The drop-down options, one per cell, on the hidden sheet `下拉选项`: a
/// column per list (the level list, yes/no, each graded indicator), its key
/// in row 1. A list validation refers to its column's range, so an option may
/// hold any text (commas, 、) and a list may be longer than Excel's 255
/// characters for an inline list.
pub struct Lists {
    columns: Vec<(String, Vec<String>)>,
}

/// Key of the level list and of the yes/no list on the lists sheet.
const LEVEL_LIST: &str = "级别";
pub(crate) const YES_NO_LIST: &str = "是/否";

impl Lists {
    pub fn new(standard: &Standard, lang: Lang) -> Self {
        let mut columns = vec![
            (
                LEVEL_LIST.to_string(),
                ["市级", "县级", "智慧社区", "city", "county", "community"]
                    .map(String::from)
                    .to_vec(),
            ),
            (YES_NO_LIST.to_string(), yes_no_options(lang)),
        ];
        for ind in &standard.indicator {
            if let Kind::Grade { options } = &ind.kind {
                columns.push((
                    ind.code.clone(),
                    options
                        .iter()
                        .map(|o| lang.pick(&o.zh, &o.en).to_string())
                        .collect(),
                ));
            }
        }
        Lists { columns }
    }

    /// `'下拉选项'!$C$2:$C$7` for the list named `key`.
    fn range(&self, key: &str) -> Option<String> {
        let (c, (_, options)) = self
            .columns
            .iter()
            .enumerate()
            .find(|(_, (k, _))| k == key)?;
        let col = crate::xlsx::col_letters(c as u32);
        Some(format!(
            "'{SHEET_LISTS}'!${col}$2:${col}${}",
            options.len().max(1) + 1
        ))
    }

    pub(crate) fn validation(&self, key: &str) -> Option<DataValidation> {
        self.range(key)
            .map(|r| DataValidation::new().allow_list_formula(Formula::new(format!("={r}"))))
    }

    pub(crate) fn sheet(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_name(SHEET_LISTS)?;
        let text = Format::new().set_num_format("@");
        for (c, (key, options)) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, key, &text)?;
            for (r, o) in options.iter().enumerate() {
                ws.write_string_with_format(r as u32 + 1, c as u16, o, &text)?;
            }
            ws.set_column_width(c as u16, 24)?;
        }
        ws.set_hidden(true);
        ws.protect();
        Ok(())
    }
}

/// The answers a yes/no drop-down offers, in the template's language.
pub fn yes_no_options(lang: Lang) -> Vec<String> {
    vec![m::YES.get(lang).into(), m::NO.get(lang).into()]
}

/// The cell formats of the input sheets: header row, locked labels, open input cells.
struct Styles {
    header: Format,
    label: Format,
    open: Format,
    open_wrap: Format,
    unlocked: Format,
}

impl Styles {
    fn new() -> Self {
        Styles {
            header: Format::new()
                .set_bold()
                .set_font_size(CELL_POINTS)
                .set_background_color("#DDEBF7")
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            label: Format::new()
                .set_font_size(CELL_POINTS)
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            open: Format::new()
                .set_unlocked()
                .set_font_size(CELL_POINTS)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#FFF9E5"),
            open_wrap: Format::new()
                .set_unlocked()
                .set_font_size(CELL_POINTS)
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#FFF9E5"),
            unlocked: Format::new().set_unlocked(),
        }
    }
}

/// The one place the protection is stated (instruction 5 of 说明).
pub fn protection_statement(lang: Lang) -> String {
    m::PROTECTION.fill(lang, &[&SHEET_INFO, &SHEET_DATA])
}

/// The unit a population is not given in (ten thousand persons): the word
/// a reader may have in mind, in every language.
const NOT_THE_UNIT: &str = "万人";

/// The example evidence folder of the instructions, in every language.
const EVIDENCE_FOLDER: &str = "佐证";

fn readme(ws: &mut Worksheet, standard: &Standard, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(SHEET_README)?;
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new()
        .set_font_size(CELL_POINTS)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} — {}",
            lang.pick(&standard.standard.title_zh, &standard.standard.title_en),
            standard.standard.code
        ),
        &title,
    )?;
    let level = lang.pick(standard.level().name_zh(), standard.level().key());
    let lines: Vec<String> = vec![
        m::README_STANDARD.fill(lang, &[&level, &standard.id(), &standard.standard.edition]),
        m::README_INFO.fill(lang, &[&SHEET_INFO, &NOT_THE_UNIT]),
        m::README_VALUES.fill(lang, &[&SHEET_DATA]),
        m::README_PERCENT.get(lang).into(),
        m::README_EVIDENCE.fill(lang, &[&EVIDENCE_FOLDER]),
        protection_statement(lang),
        m::README_PRINTING.fill(lang, &[&SHEET_DATA, &SHEET_GUIDE]),
        m::README_CHECK.get(lang).into(),
    ];
    const WIDTH: f64 = 100.0;
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32 + 2, 0, line, &wrap)?;
        ws.set_row_height(i as u32 + 2, wrapped_height([(line.as_str(), WIDTH)]))?;
    }
    ws.set_column_width(0, WIDTH)?;
    print_setup(ws, 0)?;
    Ok(())
}

fn info_sheet(
    ws: &mut Worksheet,
    standard: &Standard,
    lang: Lang,
    fill: Option<&Fill>,
    styles: &Styles,
    lists: &Lists,
) -> Result<(), XlsxError> {
    let Styles {
        header,
        label,
        open,
        unlocked,
        ..
    } = styles;
    ws.set_name(SHEET_INFO)?;
    // Every cell open but the labels written below (so added columns and rows can be typed in).
    ws.set_column_range_format(0, OPEN_COLUMNS, unlocked)?;
    for (c, (zh, en)) in INFO_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.pick(zh, en), header)?;
    }
    let entity = fill.map(|f| &f.entity);
    for (i, field) in Field::ALL.iter().enumerate() {
        let row = i as u32 + 1;
        let text = match field {
            Field::Population => format!("{}（{}）", field.label(lang), m::PERSONS.get(lang)),
            _ => field.label(lang).to_string(),
        };
        ws.write_string_with_format(row, 0, &text, label)?;
        let note = match field {
            Field::Level => m::LEVEL_NOTE.get(lang).to_string(),
            Field::DivisionCode => m::DIVISION_CODE_NOTE.get(lang).to_string(),
            Field::Year => m::YEAR_NOTE.get(lang).to_string(),
            Field::Population => m::POPULATION_NOTE.fill(lang, &[&NOT_THE_UNIT]),
            Field::Date => m::DATE_NOTE.get(lang).to_string(),
            _ => String::new(),
        };
        ws.write_string_with_format(row, 2, &note, label)?;
        ws.set_row_height(
            row,
            wrapped_height([
                (text.as_str(), INFO_WIDTHS[0]),
                (note.as_str(), INFO_WIDTHS[2]),
            ]),
        )?;
        let value_fmt = match field {
            Field::Population => open.clone().set_num_format("#,##0"),
            Field::DivisionCode => open.clone().set_num_format("@"),
            Field::Date => open.clone().set_num_format("yyyy-mm-dd"),
            _ => open.clone(),
        };
        let level_text = || match lang {
            Lang::Zh => standard.level().name_zh().to_string(),
            Lang::En => standard.level().key().to_string(),
        };
        match (field, entity) {
            (Field::Level, e) => {
                let text = e
                    .and_then(|e| e.level)
                    .map(|l| lang.pick(l.name_zh(), l.key()).to_string())
                    .unwrap_or_else(level_text);
                ws.write_string_with_format(row, 1, text, &value_fmt)?;
                let dv = lists
                    .validation(LEVEL_LIST)
                    .unwrap_or_else(DataValidation::new)
                    .set_input_title(field.label(lang))?
                    .set_input_message(m::PICK_FROM_LIST.get(lang))?;
                ws.add_data_validation(row, 1, row, 1, &dv)?;
            }
            (Field::Population, Some(e)) if e.population.is_some() => {
                ws.write_number_with_format(row, 1, e.population.unwrap_or_default(), &value_fmt)?;
            }
            (Field::Year, Some(e)) if e.year.is_some() => {
                ws.write_number_with_format(
                    row,
                    1,
                    f64::from(e.year.unwrap_or_default()),
                    &value_fmt,
                )?;
            }
            // An ISO date is written as a date cell, as an office's Excel stores it.
            (Field::Date, Some(e)) if ExcelDateTime::parse_from_str(&e.date).is_ok() => {
                let date = ExcelDateTime::parse_from_str(&e.date)?;
                ws.write_datetime_with_format(row, 1, &date, &value_fmt)?;
            }
            (f, Some(e)) => {
                let text = match f {
                    Field::Name => &e.name,
                    Field::DivisionCode => &e.division_code,
                    Field::Parent => &e.parent,
                    Field::FilingUnit => &e.filing_unit,
                    Field::Contact => &e.contact,
                    Field::Date => &e.date,
                    _ => "",
                };
                if text.is_empty() {
                    ws.write_blank(row, 1, &value_fmt)?;
                } else {
                    ws.write_string_with_format(row, 1, text, &value_fmt)?;
                }
            }
            (_, None) => {
                ws.write_blank(row, 1, &value_fmt)?;
            }
        }
        if matches!(field, Field::Year) {
            let dv = DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(2000, 2100))
                .set_input_title(field.label(lang))?
                .set_input_message(note)?;
            ws.add_data_validation(row, 1, row, 1, &dv)?;
        }
    }
    for (c, w) in INFO_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    print_setup(ws, 1)?;
    ws.protect_with_options(&protection());
    Ok(())
}

/// Widths of 基本信息's label, value and note columns: within an A4
/// landscape page at 100%, the notes wrapping.
const INFO_WIDTHS: [f64; 3] = [24.0, 28.0, 40.0];

/// Columns (A to AN) whose cells are open unless a label is written in them:
/// room for added columns, within the 200 columns the reader reads.
const OPEN_COLUMNS: u16 = 39;

/// Widths of 指标填报's columns (Excel character units): the eight columns
/// fit an A4 landscape page at 100% even where the default font falls back
/// to a wide one (LibreOffice without Calibri); the label columns wrap.
const DATA_WIDTHS: [f64; 8] = [8.0, 10.0, 16.0, 21.0, 6.0, 12.0, 16.0, 11.0];

fn data_sheet(
    ws: &mut Worksheet,
    standard: &Standard,
    lang: Lang,
    fill: Option<&Fill>,
    styles: &Styles,
    lists: &Lists,
) -> Result<(), XlsxError> {
    let Styles {
        header,
        label,
        open,
        open_wrap,
        unlocked,
    } = styles;
    ws.set_name(SHEET_DATA)?;
    ws.set_column_range_format(0, OPEN_COLUMNS, unlocked)?;
    for (c, col) in Column::ALL.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, col.header(lang), header)?;
    }
    ws.set_row_height(
        0,
        wrapped_height(Column::ALL.iter().map(|c| c.header(lang)).zip(DATA_WIDTHS)),
    )?;
    let value_col = 5u16;
    let mut row = 1u32;
    let mut breaks = Vec::new();
    let mut last_dim: Option<&str> = None;
    for ind in &standard.indicator {
        if last_dim.is_some_and(|d| d != ind.dimension) {
            breaks.push(row);
        }
        last_dim = Some(&ind.dimension);
        let dim = standard
            .dimension(&ind.dimension)
            .map(|d| d.name(lang).to_string())
            .unwrap_or_else(|| ind.dimension.clone());
        for (n, (item, input)) in ind.inputs().into_iter().enumerate() {
            let code = item_code(&ind.code, item);
            let item_label = match item {
                InputItem::Choice => m::CHOICE.get(lang).to_string(),
                _ => lang.pick(&input.zh, &input.en).to_string(),
            };
            let shown = unit_shown(ind, &input.unit, lang);
            let cells = [code.as_str(), &dim, ind.name(lang), &item_label, &shown];
            for (c, text) in cells.iter().enumerate() {
                ws.write_string_with_format(row, c as u16, *text, label)?;
            }
            ws.set_row_height(row, wrapped_height(cells.iter().copied().zip(DATA_WIDTHS)))?;
            let unit = match &ind.kind {
                Kind::YesNo { .. } | Kind::Grade { .. } => "",
                _ => input.unit.as_str(),
            };
            let percent = matches!(ind.kind, Kind::Percent { .. }) || unit == "%";
            let vfmt = open.clone().set_num_format(number_format(unit, percent));
            match fill.and_then(|f| f.values.get(&code)) {
                Some(FillValue::Number(x)) => {
                    ws.write_number_with_format(row, value_col, *x, &vfmt)?;
                }
                Some(FillValue::Text(t)) => {
                    ws.write_string_with_format(row, value_col, t, &vfmt)?;
                }
                None => {
                    ws.write_blank(row, value_col, &vfmt)?;
                }
            }
            let evidence = fill
                .filter(|_| n == 0)
                .and_then(|f| f.evidence.get(&ind.code));
            match evidence {
                Some(t) => ws.write_string_with_format(row, 6, t, open_wrap)?,
                None => ws.write_blank(row, 6, open_wrap)?,
            };
            ws.write_blank(row, 7, open_wrap)?;
            let (title, message) = prompt(ind, &input.unit, lang);
            let dv = match &ind.kind {
                Kind::YesNo { .. } => lists.validation(YES_NO_LIST),
                Kind::Grade { .. } => lists.validation(&ind.code),
                _ => None,
            }
            .unwrap_or_else(|| DataValidation::new().allow_any_value());
            let dv = dv
                .set_input_title(title)?
                .set_input_message(truncate_utf16(&message, 250))?;
            ws.add_data_validation(row, value_col, row, value_col, &dv)?;
            row += 1;
        }
    }
    for (c, w) in DATA_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_page_breaks(&breaks)?;
    print_setup(ws, 1)?;
    ws.protect_with_options(&protection());
    Ok(())
}

/// The unit an item's row shows: 是/否 and 选项 for the drop-down items.
pub(crate) fn unit_shown(ind: &crate::standard::Indicator, unit: &str, lang: Lang) -> String {
    match &ind.kind {
        Kind::YesNo { .. } => m::UNIT_YES_NO.get(lang).to_string(),
        Kind::Grade { .. } => m::UNIT_OPTION.get(lang).to_string(),
        _ => unit_word(unit, lang).to_string(),
    }
}

/// A unit in the template's language: the standard writes the Chinese; an
/// English template names the units it can (`items`, `persons`) and keeps
/// the others as the standard writes them.
fn unit_word(unit: &str, lang: Lang) -> &str {
    match (lang, crate::standard::unit_name(unit, lang)) {
        (Lang::En, "") if unit == "个" => "count",
        (Lang::En, "") if unit == "年" => "year",
        (_, name) => name,
    }
}

/// A unit as written after a number: `%` closes up, an English word follows a space.
fn unit_after(unit: &str, lang: Lang) -> String {
    let word = crate::standard::unit_name(unit, lang);
    match lang {
        Lang::En if !word.is_empty() && word != "%" && word != "★" => format!(" {word}"),
        _ => word.to_string(),
    }
}

/// Separators a prompt may neither begin with nor double.
const SEPARATORS: &[char] = &[',', '.', ';', ':', '，', '。', '；', '：', '、'];

/// A standard's text as a prompt shows it: trimmed, without a leading
/// separator, and a doubled separator (`.;`, `，。`) kept as its last one.
pub fn tidy(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(|c: char| SEPARATORS.contains(&c) || c.is_whitespace());
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if SEPARATORS.contains(&c)
            && let Some(prev) = out.chars().last()
            && SEPARATORS.contains(&prev)
        {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// The input message of an item's value cell: (title, message). The message
/// gives the data definition, what to enter (with the unit) and the evidence.
pub fn prompt(ind: &crate::standard::Indicator, unit: &str, lang: Lang) -> (String, String) {
    let mut parts = Vec::new();
    let definition = tidy(lang.pick(&ind.requirement_zh, &ind.requirement_en));
    if !definition.is_empty() {
        parts.push(definition);
    }
    parts.push(match &ind.kind {
        Kind::YesNo { .. } => m::PICK_YES_NO.get(lang).to_string(),
        Kind::Grade { .. } => m::PICK_ONE_OPTION.get(lang).to_string(),
        _ if unit == "%" || matches!(ind.kind, Kind::Percent { .. }) => {
            m::TYPE_PERCENTAGE.get(lang).to_string()
        }
        _ if unit.is_empty() => m::ENTER_NUMBER.get(lang).to_string(),
        _ if crate::standard::is_count_unit(unit) => match unit_word(unit, lang) {
            // "count" names the English unit of things counted: no word to enter.
            "count" => m::ENTER_WHOLE_NUMBER.get(lang).to_string(),
            word => m::ENTER_WHOLE_NUMBER_IN.fill(lang, &[&word]),
        },
        _ => m::ENTER_NUMBER_IN.fill(lang, &[&unit_word(unit, lang)]),
    });
    let evidence = tidy(lang.pick(&ind.evidence_zh, &ind.evidence_en));
    if !evidence.is_empty() {
        parts.push(format!("{}{evidence}", m::EVIDENCE_PREFIX.get(lang)));
    }
    let title: String = format!("{} {}", ind.code, ind.name(lang))
        .chars()
        .take(32)
        .collect();
    (title.trim_end().to_string(), parts.join("\n"))
}

/// Columns of 填报说明 (zh, en, width): together they fill an A4 landscape page at 100%.
const GUIDE_COLUMNS: [(Msg, f64); 9] = [
    (m::GUIDE_CODE, 6.0),
    (m::GUIDE_DIMENSION, 9.0),
    (m::GUIDE_INDICATOR, 11.0),
    (m::GUIDE_MARKS, 5.0),
    (m::GUIDE_ITEMS, 18.0),
    (m::GUIDE_FORMULA, 9.0),
    (m::GUIDE_DEFINITION, 17.0),
    (m::GUIDE_STARS, 15.0),
    (m::EVIDENCE_COLUMN, 10.0),
];

/// 填报说明: every indicator with its definition, unit, formula, the options
/// of a graded item with their stars, the mandatory and veto marks and the
/// evidence to attach; printed for the departments that hold the data.
fn guide_sheet(
    ws: &mut Worksheet,
    standard: &Standard,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_GUIDE)?;
    for (c, (title, w)) in GUIDE_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, title.get(lang), &styles.header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    // Bold titles run wider than body text: room for two lines at least.
    let titles = GUIDE_COLUMNS.iter().map(|(title, w)| (title.get(lang), *w));
    ws.set_row_height(0, wrapped_height(titles).max(2.0 * LINE_POINTS + 3.0))?;
    let mut breaks = Vec::new();
    let mut last_dim: Option<&str> = None;
    for (row, ind) in (1u32..).zip(&standard.indicator) {
        if last_dim.is_some_and(|d| d != ind.dimension) {
            breaks.push(row);
        }
        last_dim = Some(&ind.dimension);
        let dim = standard
            .dimension(&ind.dimension)
            .map(|d| d.name(lang).to_string())
            .unwrap_or_else(|| ind.dimension.clone());
        let cells = guide_row(standard, ind, &dim, lang);
        for (c, text) in cells.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, text, &styles.label)?;
        }
        ws.set_row_height(
            row,
            wrapped_height(
                cells
                    .iter()
                    .map(String::as_str)
                    .zip(GUIDE_COLUMNS.iter().map(|c| c.1)),
            ),
        )?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_page_breaks(&breaks)?;
    print_setup(ws, 1)?;
    ws.protect_with_options(&protection());
    Ok(())
}

/// The nine cells of an indicator's row on 填报说明.
pub fn guide_row(
    standard: &Standard,
    ind: &crate::standard::Indicator,
    dim: &str,
    lang: Lang,
) -> [String; 9] {
    use crate::standard::{Direction, Role};
    let mut marks = Vec::new();
    match ind.role {
        Role::Mandatory => marks.push(m::MARK_MANDATORY.get(lang)),
        Role::Bonus => marks.push(m::MARK_BONUS.get(lang)),
        Role::Deduction => marks.push(m::MARK_DEDUCTION.get(lang)),
        Role::Scored => {}
    }
    if standard.rating.iter().any(|r| r.veto.contains(&ind.code)) {
        marks.push(m::MARK_VETO.get(lang));
    }
    let items: Vec<String> = ind
        .inputs()
        .into_iter()
        .map(|(item, input)| {
            let name = match item {
                InputItem::Choice => m::CHOICE_ITEM.get(lang).to_string(),
                _ => lang.pick(&input.zh, &input.en).to_string(),
            };
            let unit = unit_shown(ind, &input.unit, lang);
            m::ITEM_WITH_UNIT.fill(lang, &[&item_code(&ind.code, item), &name, &unit])
        })
        .collect();
    let formula = match &ind.kind {
        Kind::Ratio { .. } => m::FORMULA_RATIO.get(lang).to_string(),
        Kind::PerPopulation { per, .. } => {
            format!("{} × {per}", m::FORMULA_PER_POPULATION.get(lang))
        }
        Kind::Percent { .. } => m::FORMULA_PERCENT.get(lang).into(),
        Kind::Number { .. } => m::FORMULA_NUMBER.get(lang).into(),
        Kind::YesNo { .. } => m::UNIT_YES_NO.get(lang).into(),
        Kind::Grade { .. } => m::FORMULA_OPTION.get(lang).into(),
        Kind::Survey { .. } => m::FORMULA_SURVEY.get(lang).into(),
        Kind::AllOf { .. } => m::FORMULA_ALL_OF.get(lang).into(),
    };
    let cmp = match ind.direction {
        Direction::Higher => "≥",
        Direction::Lower => "≤",
    };
    let thresholds = |req: &[f64; 5], unit: &str| {
        if req.iter().all(|r| *r == req[0]) {
            // A pass line: met gives 5★.
            return format!("{cmp} {}{} → 5★", req[0], unit_after(unit, lang));
        }
        (0..5)
            .map(|i| format!("{}★ {cmp} {}{}", i + 1, req[i], unit_after(unit, lang)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let stars = match &ind.kind {
        Kind::YesNo {
            yes_stars,
            no_stars,
        } => format!(
            "{} → {yes_stars}★\n{} → {no_stars}★",
            m::YES.get(lang),
            m::NO.get(lang)
        ),
        Kind::Grade { options } => options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}. {} → {}★", i + 1, lang.pick(&o.zh, &o.en), o.stars))
            .collect::<Vec<_>>()
            .join("\n"),
        Kind::AllOf { conditions } => conditions
            .iter()
            .map(|c| {
                format!(
                    "{}：{}",
                    lang.pick(&c.zh, &c.en),
                    thresholds(&c.stars, &c.unit).replace('\n', "；")
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => ind
            .stars
            .map(|req| thresholds(&req, &ind.unit))
            .unwrap_or_default(),
    };
    let mut evidence = tidy(lang.pick(&ind.evidence_zh, &ind.evidence_en));
    if ind.evidence_required {
        let must = m::EVIDENCE_REQUIRED.get(lang);
        if evidence.is_empty() {
            evidence = m::EVIDENCE.get(lang).to_string();
        }
        evidence.push_str(must);
    }
    [
        ind.code.clone(),
        dim.to_string(),
        ind.name(lang).to_string(),
        marks.join(" "),
        items.join("\n"),
        formula,
        tidy(lang.pick(&ind.requirement_zh, &ind.requirement_en)),
        stars,
        evidence,
    ]
}

fn truncate_utf16(s: &str, max: usize) -> String {
    let mut n = 0;
    let mut out = String::new();
    for c in s.chars() {
        n += c.len_utf16();
        if n > max {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// Number format by unit: percent cells show a percentage of the stored
/// fraction; counts show whole numbers with separators.
pub(crate) fn number_format(unit: &str, percent: bool) -> &'static str {
    // The decimals a plan step shows are these (`standard::input_decimals`).
    match crate::standard::input_decimals(unit, percent) {
        _ if percent => "0.0%",
        0 => "#,##0",
        1 => "0.0",
        _ => "General",
    }
}

/// Height (points) of a row whose cells wrap: the most lines any of its
/// texts needs in its column, at 11-point type. Row heights are written,
/// since not every program grows a wrapped row by itself when it prints.
pub(crate) fn wrapped_height<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .into_iter()
        .map(|(text, width)| {
            text.lines()
                .map(|l| {
                    // In Excel's character units (the width of `0` at 11 points):
                    // a CJK character takes about 2.1, a Latin letter about 0.8;
                    // wrapping at spaces leaves lines about 15% short.
                    let units: f64 = l
                        .chars()
                        .map(|c| if c.to_string().width() > 1 { 2.1 } else { 0.8 })
                        .sum();
                    let per_line =
                        (width - 0.5).max(1.0) * if l.contains(' ') { 0.85 } else { 1.0 };
                    (units / per_line).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    lines * LINE_POINTS + 3.0
}

/// Height of one line of 11-point text, CJK included.
const LINE_POINTS: f64 = 15.0;
