//! The workbook's layout as both sides know it: sheet names, header texts and
//! 基本信息 field labels, each with the synonyms the reader accepts (zh and en).
//! The template writes the first name of each list; the reader accepts any.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The instructions sheet (never read back).
pub const SHEET_README: &str = "说明";
pub const SHEET_INFO: &str = "基本信息";
/// The answers of a yes/no item's drop-down.
pub const YES: &str = "是";
pub const NO: &str = "否";
pub const SHEET_DATA: &str = "指标填报";
/// The printable appendix: every indicator with its definition (never read back).
pub const SHEET_GUIDE: &str = "填报说明";
/// The hidden, protected sheet holding the drop-down options, one per cell,
/// that every list validation refers to (never read back).
pub const SHEET_LISTS: &str = "下拉选项";

/// Sheets the template itself writes hidden: the reader reports no
/// `hidden-sheet` for them (by this exact name only).
pub const TEMPLATE_HIDDEN_SHEETS: &[&str] = &[SHEET_LISTS];

pub const INFO_SHEET_NAMES: &[&str] = &[
    "基本信息",
    "基本情况",
    "basic information",
    "basic info",
    "entity",
];
pub const DATA_SHEET_NAMES: &[&str] = &[
    "指标填报",
    "指标数据",
    "填报数据",
    "indicator data",
    "indicators",
    "data",
];

/// A column of 指标填报.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Code,
    Dimension,
    Indicator,
    Item,
    Unit,
    Value,
    Evidence,
    Note,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Code,
        Column::Dimension,
        Column::Indicator,
        Column::Item,
        Column::Unit,
        Column::Value,
        Column::Evidence,
        Column::Note,
    ];

    /// (zh header, en header, other accepted texts).
    pub fn headers(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            Column::Code => (
                "指标代码",
                "Code",
                &[
                    "代码",
                    "编码",
                    "指标编码",
                    "填报项代码",
                    "indicator code",
                    "item code",
                ],
            ),
            Column::Dimension => ("一级指标", "Dimension", &["维度", "领域"]),
            Column::Indicator => (
                "二级指标",
                "Indicator",
                &["指标", "指标名称", "indicator name"],
            ),
            Column::Item => (
                "填报项",
                "Item",
                &["数据项", "填报内容", "input", "input item"],
            ),
            Column::Unit => ("单位", "Unit", &["计量单位"]),
            Column::Value => (
                "填报值",
                "Value",
                &["值", "数值", "数据", "填报数据", "填报数值"],
            ),
            Column::Evidence => (
                "佐证材料",
                "Evidence",
                &["证明材料", "佐证", "supporting evidence"],
            ),
            Column::Note => ("备注", "Note", &["说明", "notes", "remark", "remarks"]),
        }
    }

    pub fn header(self, lang: crate::Lang) -> &'static str {
        let (zh, en, _) = self.headers();
        lang.pick(zh, en)
    }

    pub fn matches(self, header: &str) -> bool {
        self.matches_parts(&header_parts(header))
    }

    /// The first column (in `ALL` order) a header names: the same answer as
    /// trying `matches` on each, with the header split and normalised once.
    pub fn find(header: &str) -> Option<Column> {
        static FIRST: OnceLock<HashMap<String, usize>> = OnceLock::new();
        let first = FIRST.get_or_init(|| {
            first_naming(Column::ALL.iter().map(|k| {
                let (zh, en, more) = k.headers();
                normalized_labels(zh, en, more)
            }))
        });
        first_of(header, first).map(|k| Column::ALL[k])
    }

    fn matches_parts(self, parts: &[String]) -> bool {
        static NORMALIZED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
        let all = NORMALIZED.get_or_init(|| {
            Column::ALL
                .iter()
                .map(|k| {
                    let (zh, en, more) = k.headers();
                    normalized_labels(zh, en, more)
                })
                .collect()
        });
        let k = Column::ALL.iter().position(|k| *k == self).unwrap_or(0);
        parts.iter().any(|p| all[k].contains(p))
    }
}

/// An entry of 基本信息.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Level,
    DivisionCode,
    Parent,
    Year,
    Population,
    FilingUnit,
    Contact,
    Date,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::Level,
        Field::DivisionCode,
        Field::Parent,
        Field::Year,
        Field::Population,
        Field::FilingUnit,
        Field::Contact,
        Field::Date,
    ];

    /// (zh label, en label, other accepted texts).
    pub fn labels(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            Field::Name => (
                "名称",
                "Name",
                &[
                    "城市名称",
                    "单位名称",
                    "地区名称",
                    "社区名称",
                    "评价对象",
                    "entity",
                    "entity name",
                ],
            ),
            Field::Level => ("级别", "Level", &["评价级别", "层级", "类别"]),
            Field::DivisionCode => (
                "行政区划代码",
                "Division code",
                &["区划代码", "administrative division code"],
            ),
            Field::Parent => (
                "所属地市",
                "Parent city",
                &["所属城市", "所属市", "上级", "parent"],
            ),
            Field::Year => ("数据年度", "Year", &["年度", "年份", "data year"]),
            Field::Population => (
                "常住人口",
                "Resident population",
                &["人口", "常住人口数", "population"],
            ),
            Field::FilingUnit => ("填报单位", "Filing unit", &["报送单位", "filed by"]),
            Field::Contact => (
                "联系人及电话",
                "Contact",
                &["联系人", "联系方式", "联系电话", "contact person"],
            ),
            Field::Date => ("填报日期", "Date", &["日期", "报送日期", "filing date"]),
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        let (zh, en, _) = self.labels();
        lang.pick(zh, en)
    }

    pub fn matches(self, text: &str) -> bool {
        self.matches_parts(&header_parts(text))
    }

    /// The first field (in `ALL` order) a label names: the same answer as
    /// trying `matches` on each, with the label split and normalised once.
    pub fn find(text: &str) -> Option<Field> {
        static FIRST: OnceLock<HashMap<String, usize>> = OnceLock::new();
        let first = FIRST.get_or_init(|| {
            first_naming(Field::ALL.iter().map(|f| {
                let (zh, en, more) = f.labels();
                normalized_labels(zh, en, more)
            }))
        });
        first_of(text, first).map(|k| Field::ALL[k])
    }

    fn matches_parts(self, parts: &[String]) -> bool {
        static NORMALIZED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
        let all = NORMALIZED.get_or_init(|| {
            Field::ALL
                .iter()
                .map(|f| {
                    let (zh, en, more) = f.labels();
                    normalized_labels(zh, en, more)
                })
                .collect()
        });
        let k = Field::ALL.iter().position(|f| *f == self).unwrap_or(0);
        parts.iter().any(|p| all[k].contains(p))
    }

    /// Scoring needs none of these but the level and population; the rest are
    /// for reports, and their absence is a warning.
    pub fn wanted(self) -> bool {
        !matches!(self, Field::Contact | Field::Date | Field::Parent)
    }
}

/// Header of the 基本信息 label column and value column.
pub const INFO_HEADERS: [(&str, &str); 3] =
    [("项目", "Field"), ("内容", "Value"), ("说明", "Notes")];

/// Each normalised label → the first entry (in `ALL` order) that accepts it.
fn first_naming(lists: impl Iterator<Item = Vec<String>>) -> HashMap<String, usize> {
    let mut first = HashMap::new();
    for (k, labels) in lists.enumerate() {
        for label in labels {
            first.entry(label).or_insert(k);
        }
    }
    first
}

/// The first entry any part names: the same answer as trying each entry in
/// `ALL` order against every part, with one look-up per part.
/// `header_parts` looked up without keeping the parts: one buffer for all.
fn first_of(header: &str, first: &HashMap<String, usize>) -> Option<usize> {
    let folded: String = header.chars().map(fold_width).collect();
    let mut part = String::new();
    let mut best: Option<usize> = None;
    for p in folded.split(['/', '\n', '|']) {
        normalize_into(&mut part, header_part(p));
        if part.is_empty() {
            continue;
        }
        if let Some(&k) = first.get(part.as_str()) {
            best = Some(best.map_or(k, |b| b.min(k)));
        }
    }
    best
}

fn normalized_labels(zh: &str, en: &str, more: &[&str]) -> Vec<String> {
    [zh, en]
        .into_iter()
        .chain(more.iter().copied())
        .map(normalize)
        .collect()
}

/// Lowercase, no whitespace, full-width ASCII folded to half width, a leading
/// `*` (required marker) and a trailing colon dropped.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(&mut out, s);
    out
}

/// [`normalize`] into a buffer (reused by callers that normalise many parts).
fn normalize_into(out: &mut String, s: &str) {
    out.clear();
    out.extend(
        s.chars()
            .map(fold_width)
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase),
    );
    // The two trims touch different characters, so their order does not matter.
    let end = out.trim_end_matches([':', '：']).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches('*').len();
    out.drain(..start);
}

/// Full-width ASCII (！ to ～) and the ideographic space to their ASCII forms.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A header like `指标代码 / Code` or `常住人口（人）\nResident population`
/// split into its normalised parts, each without a trailing parenthesis.
fn header_parts(header: &str) -> Vec<String> {
    let folded: String = header.chars().map(fold_width).collect();
    folded
        .split(['/', '\n', '|'])
        .map(|p| normalize(header_part(p)))
        .filter(|p| !p.is_empty())
        .collect()
}

/// One part of a header, trimmed, without a trailing parenthesis.
fn header_part(p: &str) -> &str {
    let p = p.trim();
    match p.find('(') {
        Some(i) if i > 0 => &p[..i],
        _ => p,
    }
}

/// `Sheet!C7` for a zero-based (row, col): the letters of `col_letters` and
/// the row's digits written straight into one string (one allocation; this
/// runs for every input cell of every workbook).
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    // u32 columns need at most 7 letters, u32 rows at most 10 digits.
    let mut letters = [0u8; 8];
    let mut n = letters.len();
    let mut c = col;
    loop {
        n -= 1;
        letters[n] = b'A' + (c % 26) as u8;
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    let mut digits = [0u8; 10];
    let mut d = digits.len();
    let mut r = u64::from(row) + 1;
    loop {
        d -= 1;
        digits[d] = b'0' + (r % 10) as u8;
        r /= 10;
        if r == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(sheet.len() + 1 + (letters.len() - n) + (digits.len() - d));
    out.push_str(sheet);
    out.push('!');
    // Both buffers hold ASCII only.
    out.extend(letters[n..].iter().map(|&b| char::from(b)));
    out.extend(digits[d..].iter().map(|&b| char::from(b)));
    out
}

/// The workbook code of an input item: `ZF-01`, `ZF-01.N`, `ZF-01.D`, `JC-01.C`.
pub fn item_code(indicator: &str, item: crate::standard::InputItem) -> String {
    format!("{indicator}{}", item.suffix())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xlsx::col_letters;

    #[test]
    fn headers_match_in_both_languages() {
        assert!(Column::Code.matches("指标代码"));
        assert!(Column::Code.matches("Code"));
        assert!(Column::Code.matches("指标代码 / Code"));
        assert!(Column::Value.matches("填报值（Value）"));
        assert!(!Column::Indicator.matches("指标代码"));
        assert!(Field::Population.matches("常住人口（人）"));
        assert!(Field::Population.matches("*Resident population:"));
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(cell_ref("指标填报", 11, 5), "指标填报!F12");
        // `find` is the first entry that `matches`, for every accepted text
        // and a few combined or foreign headers.
        let mut texts: Vec<String> = ["指标代码 / Code", "值 / 说明", "Notes|联系人", "x", ""]
            .map(String::from)
            .to_vec();
        for k in Column::ALL {
            let (zh, en, more) = k.headers();
            texts.extend([zh, en].iter().chain(more).map(|t| format!("*{t}：")));
        }
        for f in Field::ALL {
            let (zh, en, more) = f.labels();
            texts.extend([zh, en].iter().chain(more).map(|t| format!("{t}（人）\nX")));
        }
        for t in &texts {
            assert_eq!(
                Column::find(t),
                Column::ALL.into_iter().find(|k| k.matches(t)),
                "{t}"
            );
            assert_eq!(
                Field::find(t),
                Field::ALL.into_iter().find(|f| f.matches(t)),
                "{t}"
            );
        }
        // The same text as the letters and the row number formatted.
        for (row, col) in [
            (0, 0),
            (9, 25),
            (99, 26),
            (19_999, 701),
            (u32::MAX, u32::MAX),
        ] {
            assert_eq!(
                cell_ref("S", row, col),
                format!("S!{}{}", col_letters(col), u64::from(row) + 1)
            );
        }
    }
}
