//! The blank submission workbook, written from the standard (`citystar template`).
//!
//! Three sheets: 说明 (instructions), 基本信息 (who submits), 指标填报 (one row
//! per input item). Label columns are locked, value columns open; yes/no and
//! graded items get drop-downs, every item an input message with its data
//! requirement, and percent cells a percent format (the cell holds a fraction).
//! The same standard and language always give the same bytes.

use super::Entity;
use super::layout::{Column, Field, INFO_HEADERS, SHEET_DATA, SHEET_INFO, SHEET_README, item_code};
use crate::Lang;
use crate::standard::{InputItem, Kind, Standard};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
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

/// The template, optionally filled, as xlsx bytes.
pub fn write(standard: &Standard, lang: Lang, fill: Option<&Fill>) -> Result<Vec<u8>, XlsxError> {
    let mut wb = crate::xlsx::new_workbook(&format!(
        "{} {}",
        standard.standard.code,
        lang.pick("填报表", "submission workbook")
    ));

    let styles = Styles::new();
    readme(wb.add_worksheet(), standard, lang)?;
    info_sheet(wb.add_worksheet(), standard, lang, fill, &styles)?;
    data_sheet(wb.add_worksheet(), standard, lang, fill, &styles)?;
    for ws in wb.worksheets_mut() {
        crate::xlsx::print_setup(ws, 1)?;
    }
    wb.save_to_buffer()
}

/// The cell formats of the input sheets: header row, locked labels, open input cells.
struct Styles {
    header: Format,
    label: Format,
    open: Format,
}

impl Styles {
    fn new() -> Self {
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color("#DDEBF7")
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            label: Format::new()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            open: Format::new()
                .set_unlocked()
                .set_border(FormatBorder::Thin)
                .set_background_color("#FFF9E5"),
        }
    }
}

fn readme(ws: &mut Worksheet, standard: &Standard, lang: Lang) -> Result<(), XlsxError> {
    ws.set_name(SHEET_README)?;
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
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
    let lines: Vec<String> = match lang {
        Lang::Zh => vec![
            format!("级别：{}；标准：{}（{}）", standard.level().name_zh(), standard.id(), standard.standard.edition),
            "1. 在“基本信息”表中填写名称、级别、行政区划代码、年度和常住人口（单位：人）。".into(),
            "2. 在“指标填报”表的“填报值”列逐行填写；代码带 .N 的是分子、.D 是分母、.C 是计数。".into(),
            "3. 百分比单元格直接输入带 % 的数值（如 85%）；“是/否”与分级指标从下拉列表中选择。".into(),
            "4. 需要佐证材料的指标，在“佐证材料”列写明材料名称或附件编号；说明文字写在“备注”列。".into(),
            "5. 不要修改表名、表头和指标代码；可以调整列顺序、增加列，但不要合并单元格。".into(),
            "6. 填好后运行 `citystar check 文件名` 检查，所有问题会指向具体单元格。".into(),
        ],
        Lang::En => vec![
            format!("Level: {}; standard: {} ({})", standard.level().key(), standard.id(), standard.standard.edition),
            "1. On 基本信息, fill in the name, level, division code, year and resident population (persons).".into(),
            "2. On 指标填报, fill the Value column row by row; codes ending .N are numerators, .D denominators, .C counts.".into(),
            "3. Type percentages with their sign (85%); pick yes/no and graded answers from the drop-down list.".into(),
            "4. Where evidence is required, name the document or annex in the Evidence column; explanations go in Note.".into(),
            "5. Keep sheet names, headers and codes; columns may be reordered or added, but do not merge cells.".into(),
            "6. Then run `citystar check FILE`; every problem is addressed to its cell.".into(),
        ],
    };
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32 + 2, 0, line, &wrap)?;
    }
    ws.set_column_width(0, 110)?;
    Ok(())
}

fn info_sheet(
    ws: &mut Worksheet,
    standard: &Standard,
    lang: Lang,
    fill: Option<&Fill>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let Styles {
        header,
        label,
        open,
    } = styles;
    ws.set_name(SHEET_INFO)?;
    for (c, (zh, en)) in INFO_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.pick(zh, en), header)?;
    }
    let entity = fill.map(|f| &f.entity);
    let mut widths = [10usize, 24, 30];
    for (i, field) in Field::ALL.iter().enumerate() {
        let row = i as u32 + 1;
        let text = match field {
            Field::Population => format!("{}（{}）", field.label(lang), lang.pick("人", "persons")),
            _ => field.label(lang).to_string(),
        };
        widths[0] = widths[0].max(text.width());
        ws.write_string_with_format(row, 0, &text, label)?;
        let note = match field {
            Field::Level => lang.pick("市级 / 县级 / 智慧社区", "city / county / community"),
            Field::DivisionCode => lang.pick("6 位或 12 位代码", "6 or 12 digits"),
            Field::Year => lang.pick("数据所属年度，如 2025", "year the data describe, e.g. 2025"),
            Field::Population => lang.pick(
                "年末常住人口，单位：人",
                "year-end resident population, persons",
            ),
            _ => "",
        };
        widths[2] = widths[2].max(note.width());
        ws.write_string_with_format(row, 2, note, label)?;
        let value_fmt = match field {
            Field::Population => open.clone().set_num_format("#,##0"),
            Field::DivisionCode => open.clone().set_num_format("@"),
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
                let dv = DataValidation::new()
                    .allow_list_strings(&[
                        "市级",
                        "县级",
                        "智慧社区",
                        "city",
                        "county",
                        "community",
                    ])?
                    .set_input_title(field.label(lang))?
                    .set_input_message(lang.pick("从列表中选择", "Pick from the list"))?;
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
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, excel_width(*w))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.protect();
    Ok(())
}

fn data_sheet(
    ws: &mut Worksheet,
    standard: &Standard,
    lang: Lang,
    fill: Option<&Fill>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let Styles {
        header,
        label,
        open,
    } = styles;
    ws.set_name(SHEET_DATA)?;
    let mut widths = [0usize; 8];
    for (c, col) in Column::ALL.iter().enumerate() {
        let h = col.header(lang);
        widths[c] = h.width();
        ws.write_string_with_format(0, c as u16, h, header)?;
    }
    let value_col = 5u16;
    let mut row = 1u32;
    for ind in &standard.indicator {
        let dim = standard
            .dimension(&ind.dimension)
            .map(|d| d.name(lang).to_string())
            .unwrap_or_else(|| ind.dimension.clone());
        for (n, (item, input)) in ind.inputs().into_iter().enumerate() {
            let code = item_code(&ind.code, item);
            let item_label = match item {
                InputItem::Choice => lang.pick("选择", "Choice").to_string(),
                _ => lang.pick(&input.zh, &input.en).to_string(),
            };
            let unit = match (&ind.kind, item) {
                (Kind::YesNo { .. }, _) => lang.pick("是/否", "yes/no").to_string(),
                (Kind::Grade { .. }, _) => lang.pick("选项", "option").to_string(),
                _ => input.unit.clone(),
            };
            let cells = [code.as_str(), &dim, ind.name(lang), &item_label, &unit];
            for (c, text) in cells.iter().enumerate() {
                widths[c] = widths[c].max(text.width());
                ws.write_string_with_format(row, c as u16, *text, label)?;
            }
            let percent = matches!(ind.kind, Kind::Percent { .. }) || unit == "%";
            let vfmt = open.clone().set_num_format(number_format(&unit, percent));
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
                Some(t) => ws.write_string_with_format(row, 6, t, open)?,
                None => ws.write_blank(row, 6, open)?,
            };
            ws.write_blank(row, 7, open)?;
            ws.add_data_validation(
                row,
                value_col,
                row,
                value_col,
                &validation(ind, &unit, lang)?,
            )?;
            row += 1;
        }
    }
    let fixed = [(5usize, 14usize), (6, 30), (7, 24)];
    for (c, w) in widths.iter().enumerate() {
        let w = fixed.iter().find(|(i, _)| *i == c).map_or(*w, |(_, f)| *f);
        ws.set_column_width(c as u16, excel_width(w))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.protect();
    Ok(())
}

/// The value cell's rule: a drop-down for yes/no and graded items, a number
/// otherwise; each with the item's data requirement as its input message.
fn validation(
    ind: &crate::standard::Indicator,
    unit: &str,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let mut message = lang
        .pick(&ind.requirement_zh, &ind.requirement_en)
        .to_string();
    let evidence = lang.pick(&ind.evidence_zh, &ind.evidence_en);
    if !evidence.is_empty() {
        if !message.is_empty() {
            message.push('\n');
        }
        message.push_str(lang.pick("佐证：", "Evidence: "));
        message.push_str(evidence);
    }
    if message.is_empty() {
        message = match &ind.kind {
            Kind::YesNo { .. } | Kind::Grade { .. } => {
                lang.pick("从下拉列表中选择", "Pick from the list").into()
            }
            Kind::Percent { .. } => lang
                .pick("输入百分比，如 85%", "Type a percentage, e.g. 85%")
                .into(),
            _ => format!("{}{unit}", lang.pick("单位：", "Unit: ")),
        };
    }
    let dv = match &ind.kind {
        Kind::YesNo { .. } => DataValidation::new()
            .allow_list_strings(&[lang.pick("是", "yes"), lang.pick("否", "no")])?,
        Kind::Grade { options } => {
            let labels: Vec<&str> = options.iter().map(|o| lang.pick(&o.zh, &o.en)).collect();
            match DataValidation::new().allow_list_strings(&labels) {
                Ok(dv) => dv,
                // A list longer than Excel's 255 characters gets no drop-down;
                // the input message still names the options.
                Err(_) => DataValidation::new().allow_any_value(),
            }
        }
        _ => DataValidation::new().allow_any_value(),
    };
    let title: String = ind.code.chars().take(32).collect();
    dv.set_input_title(title)?
        .set_input_message(truncate_utf16(&message, 250))
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
fn number_format(unit: &str, percent: bool) -> &'static str {
    // The decimals a plan step shows are these (`standard::input_decimals`).
    match crate::standard::input_decimals(unit, percent) {
        _ if percent => "0.0%",
        0 => "#,##0",
        1 => "0.0",
        _ => "General",
    }
}

/// Column width in Excel's character units for a text of `display` columns
/// (CJK characters count 2, as unicode-width measures them).
fn excel_width(display: usize) -> f64 {
    crate::xlsx::column_width([" ".repeat(display).as_str()], 6.0, 60.0)
}
