//! The template as an office fills, prints and returns it, read back from the
//! saved file: its drop-downs, its protection, its prompts and its appendix.

use super::{ALL_KINDS, citystar, fixture_standard, json_check, standards_under_test};
use citystar::Lang;
use citystar::diag::Code;
use citystar::standard::{InputItem, Kind, Standard};
use citystar::submission::layout::{SHEET_DATA, SHEET_GUIDE, SHEET_INFO, SHEET_LISTS};
use citystar::submission::template::{Fill, FillValue};
use citystar::submission::{Datum, Loader, read_bytes};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// One part of an xlsx package, as text.
fn part(xlsx: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut f = zip.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

fn unescape(s: &str) -> String {
    s.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in the start tag `tag`.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(unescape(&tag[i..j]))
}

/// Every element `<name …>` (start tag through its end, or the empty tag) in `xml`.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let tail = &rest[i..];
        let gt = tail.find('>').unwrap();
        let end = if tail[..gt].ends_with('/') {
            gt + 1
        } else {
            tail.find(&close).map_or(gt + 1, |e| e + close.len())
        };
        out.push(&tail[..end]);
        rest = &tail[end..];
    }
    out
}

/// The worksheet part of the sheet named `sheet`, through workbook.xml and its rels.
fn sheet_xml(xlsx: &[u8], sheet: &str) -> String {
    let wb = part(xlsx, "xl/workbook.xml").unwrap();
    let rels = part(xlsx, "xl/_rels/workbook.xml.rels").unwrap();
    let tag = elements(&wb, "sheet")
        .into_iter()
        .find(|t| attr(t, "name").as_deref() == Some(sheet))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let id = attr(tag, "r:id").unwrap();
    let rel = elements(&rels, "Relationship")
        .into_iter()
        .find(|t| attr(t, "Id").as_deref() == Some(id.as_str()))
        .unwrap();
    let target = attr(rel, "Target").unwrap();
    let path = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    part(xlsx, &path).unwrap()
}

/// Whether workbook.xml marks the sheet hidden.
fn sheet_hidden(xlsx: &[u8], sheet: &str) -> bool {
    let wb = part(xlsx, "xl/workbook.xml").unwrap();
    elements(&wb, "sheet")
        .into_iter()
        .find(|t| attr(t, "name").as_deref() == Some(sheet))
        .and_then(|t| attr(t, "state"))
        .is_some_and(|s| s == "hidden" || s == "veryHidden")
}

/// The cells of a sheet as calamine reads them: (row, col) → text.
fn cells(xlsx: &[u8], sheet: &str) -> HashMap<(u32, u32), String> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut out = HashMap::new();
    for (r, row) in range.rows().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let t = v.to_string();
            if !t.is_empty() {
                out.insert((r0 + r as u32, c0 + c as u32), t);
            }
        }
    }
    out
}

/// `C7` → (6, 2), zero-based.
fn parse_ref(r: &str) -> (u32, u32) {
    let r = r.replace('$', "");
    let split = r.find(|c: char| c.is_ascii_digit()).unwrap();
    let col = r[..split]
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    (r[split..].parse::<u32>().unwrap() - 1, col)
}

/// The options each list validation of `sheet` offers, by the value cell it
/// covers: the formula's range resolved on the lists sheet (or an inline list).
fn list_options(xlsx: &[u8], sheet: &str) -> HashMap<(u32, u32), Vec<String>> {
    let xml = sheet_xml(xlsx, sheet);
    let mut sheets: HashMap<String, HashMap<(u32, u32), String>> = HashMap::new();
    let mut out = HashMap::new();
    for dv in elements(&xml, "dataValidation") {
        if attr(dv, "type").as_deref() != Some("list") {
            continue;
        }
        let f = dv
            .split("<formula1>")
            .nth(1)
            .and_then(|t| t.split("</formula1>").next())
            .map(unescape)
            .unwrap();
        let options: Vec<String> = if let Some(inline) = f.strip_prefix('"') {
            inline
                .trim_end_matches('"')
                .split(',')
                .map(str::to_string)
                .collect()
        } else {
            let (name, range) = f.trim_start_matches('=').rsplit_once('!').unwrap();
            let name = name.trim_matches('\'').to_string();
            let (a, b) = range.split_once(':').unwrap_or((range, range));
            let ((r1, c1), (r2, _)) = (parse_ref(a), parse_ref(b));
            let grid = sheets
                .entry(name.clone())
                .or_insert_with(|| cells(xlsx, &name));
            (r1..=r2)
                .filter_map(|r| grid.get(&(r, c1)).cloned())
                .collect()
        };
        for r in attr(dv, "sqref").unwrap().split_whitespace() {
            let (a, b) = r.split_once(':').unwrap_or((r, r));
            let ((r1, c1), (r2, c2)) = (parse_ref(a), parse_ref(b));
            for row in r1..=r2 {
                for col in c1..=c2 {
                    out.insert((row, col), options.clone());
                }
            }
        }
    }
    out
}

/// The options the standard gives an item, in the template's language.
fn standard_options(kind: &Kind, lang: Lang) -> Option<Vec<String>> {
    match kind {
        Kind::YesNo { .. } => Some(vec![
            lang.pick("是", "yes").into(),
            lang.pick("否", "no").into(),
        ]),
        Kind::Grade { options } => Some(
            options
                .iter()
                .map(|o| lang.pick(&o.zh, &o.en).to_string())
                .collect(),
        ),
        _ => None,
    }
}

/// Checks every value cell of 指标填报 in `xlsx`: a graded or yes/no item has
/// exactly the standard's options, in order; any other item has no list.
/// Returns the number of options checked.
pub(super) fn assert_lists_are_the_standards(
    label: &str,
    s: &Standard,
    lang: Lang,
    xlsx: &[u8],
) -> usize {
    let lists = list_options(xlsx, SHEET_DATA);
    let grid = cells(xlsx, SHEET_DATA);
    let mut row_of = HashMap::new();
    for ((r, c), t) in &grid {
        if *c == 0 {
            row_of.insert(t.clone(), *r);
        }
    }
    let mut checked = 0;
    for ind in &s.indicator {
        for (item, _) in ind.inputs() {
            let code = format!("{}{}", ind.code, item.suffix());
            let row = row_of[&code];
            let got = lists.get(&(row, 5));
            match standard_options(&ind.kind, lang) {
                Some(want) => {
                    assert_eq!(got, Some(&want), "{label} {code}: the drop-down's options");
                    checked += want.len();
                }
                None => assert!(got.is_none(), "{label} {code} has a list: {got:?}"),
            }
        }
    }
    checked
}

#[test]
fn every_list_validation_offers_exactly_the_standards_options() {
    let mut total = 0;
    for s in citystar::standard::embedded::all().unwrap() {
        for lang in [Lang::Zh, Lang::En] {
            let xlsx = citystar::submission::template::blank(&s, lang).unwrap();
            total +=
                assert_lists_are_the_standards(&format!("{} {lang:?}", s.id()), &s, lang, &xlsx);
            // The level drop-down offers the levels in both languages.
            let info = list_options(&xlsx, SHEET_INFO);
            assert_eq!(
                info.get(&(2, 1)).map(Vec::len),
                Some(6),
                "{}: the level list",
                s.id()
            );
            // No inline list: every option lives in a cell of the lists sheet.
            let xml = sheet_xml(&xlsx, SHEET_DATA);
            assert!(!xml.contains("<formula1>\""), "{}", s.id());
            assert!(sheet_hidden(&xlsx, SHEET_LISTS), "{}", s.id());
        }
    }
    // Options with a comma or 、 are whole (e.g. HM-15's six options are six).
    let city = citystar::standard::embedded::for_level(citystar::standard::Level::City).unwrap();
    let hm15 = city.indicator("HM-15").unwrap();
    let Kind::Grade { options } = &hm15.kind else {
        panic!("HM-15 is graded")
    };
    assert!(
        options
            .iter()
            .any(|o| o.zh.contains('，') || o.zh.contains(',') || o.zh.contains('、'))
    );
    assert!(total > 300, "{total} options checked");
}

/// A template for `s` in `lang` with option `j` (modulo each list's length)
/// picked in every graded and yes/no item.
fn picking(
    s: &Standard,
    lang: Lang,
    j: usize,
    typed: impl Fn(&str) -> String,
) -> (Vec<u8>, HashMap<String, Datum>) {
    let mut fill = Fill::default();
    fill.entity.name = "示例市".into();
    fill.entity.level = Some(s.level());
    fill.entity.population = Some(1_234_567.0);
    let mut want = HashMap::new();
    for ind in &s.indicator {
        let Some(options) = standard_options(&ind.kind, lang) else {
            continue;
        };
        let k = j % options.len();
        let code = format!("{}{}", ind.code, InputItem::Choice.suffix());
        fill.values
            .insert(code.clone(), FillValue::Text(typed(&options[k])));
        want.insert(
            code,
            match ind.kind {
                Kind::YesNo { .. } => Datum::YesNo(k == 0),
                _ => Datum::Option(k),
            },
        );
    }
    (
        citystar::submission::template::write(s, lang, Some(&fill)).unwrap(),
        want,
    )
}

#[test]
fn every_option_of_every_graded_item_reads_back() {
    for s in standards_under_test() {
        let most = s
            .indicator
            .iter()
            .filter_map(|i| match &i.kind {
                Kind::Grade { options } => Some(options.len()),
                _ => None,
            })
            .max()
            .unwrap_or(2);
        for lang in [Lang::Zh, Lang::En] {
            // As picked, and as typed with stray spaces and full-width letters.
            let variants: [fn(&str) -> String; 2] = [
                |o| o.to_string(),
                |o| {
                    format!(
                        " {} ",
                        o.chars()
                            .map(|c| match c {
                                ',' => '，',
                                'a'..='z' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                                c => c,
                            })
                            .collect::<String>()
                    )
                },
            ];
            for (v, typed) in variants.iter().enumerate() {
                for j in 0..most {
                    let (bytes, want) = picking(&s, lang, j, typed);
                    let choose = |_| &s;
                    let (sub, _) =
                        read_bytes(&Loader::InProcess, "mem.xlsx", bytes, &choose).unwrap();
                    let bad: Vec<_> = sub
                        .diagnostics
                        .iter()
                        .filter(|d| d.code == Code::UnknownOption || d.code == Code::NotYesNo)
                        .collect();
                    assert!(
                        bad.is_empty(),
                        "{} {lang:?} variant {v} option {j}: {bad:#?}",
                        s.id()
                    );
                    for (code, datum) in &want {
                        let got = sub.data[code.as_str()]
                            .get(InputItem::Choice)
                            .and_then(|i| i.datum);
                        assert_eq!(got, Some(*datum), "{} {lang:?} {code} option {j}", s.id());
                    }
                }
            }
        }
    }
}

#[test]
fn a_fragment_of_an_option_is_refused_with_the_options_numbered() {
    let s = citystar::standard::embedded::for_level(citystar::standard::Level::City).unwrap();
    let hm15 = s.indicator("HM-15").unwrap();
    let Kind::Grade { options } = &hm15.kind else {
        panic!()
    };
    let whole = options
        .iter()
        .find(|o| o.zh.contains('，') || o.zh.contains(','))
        .map(|o| o.zh.clone())
        .unwrap();
    let fragment = whole.split(['，', ',']).next().unwrap().to_string();
    let mut fill = Fill::default();
    fill.entity.level = Some(s.level());
    fill.values
        .insert("HM-15".into(), FillValue::Text(fragment.clone()));
    let bytes = citystar::submission::template::write(&s, Lang::Zh, Some(&fill)).unwrap();
    let choose = |_| &s;
    let (sub, _) = read_bytes(&Loader::InProcess, "mem.xlsx", bytes, &choose).unwrap();
    let d = sub
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownOption)
        .unwrap_or_else(|| panic!("`{fragment}` must not match `{whole}`"));
    for (k, o) in options.iter().enumerate() {
        assert!(
            d.hint
                .words(Lang::Zh)
                .contains(&format!("[{}] {}", k + 1, o.zh)),
            "{}",
            d.hint.words(Lang::Zh)
        );
        assert!(
            d.hint
                .words(Lang::En)
                .contains(&format!("[{}] {}", k + 1, o.en)),
            "{}",
            d.hint.words(Lang::En)
        );
    }
    assert!(
        !d.hint.words(Lang::Zh).contains(
            &options
                .iter()
                .map(|o| o.zh.as_str())
                .collect::<Vec<_>>()
                .join("、")
        )
    );
}

/// The `<sheetProtection>` of a sheet: whether it is on, and each allowance
/// (an attribute `="0"` in OOXML means the action is not protected).
fn protection(xlsx: &[u8], sheet: &str) -> Option<HashMap<String, bool>> {
    let xml = sheet_xml(xlsx, sheet);
    let i = xml.find("<sheetProtection")?;
    let tag = &xml[i..i + xml[i..].find('>').unwrap()];
    let allowed = |name: &str, default_protected: bool| {
        attr(tag, name).map_or(!default_protected, |v| v == "0" || v == "false")
    };
    let mut m = HashMap::new();
    m.insert(
        "sheet".into(),
        attr(tag, "sheet").is_some_and(|v| v == "1" || v == "true"),
    );
    for a in [
        "formatCells",
        "formatColumns",
        "formatRows",
        "insertColumns",
        "insertRows",
        "deleteColumns",
        "deleteRows",
        "sort",
        "autoFilter",
    ] {
        m.insert(a.into(), allowed(a, true));
    }
    Some(m)
}

/// Whether the cell's style locks it (styles.xml cellXfs; locked unless `locked="0"`).
fn locked(xlsx: &[u8], sheet: &str, cell: &str) -> bool {
    let styles = part(xlsx, "xl/styles.xml").unwrap();
    let xfs_part = styles.split("<cellXfs").nth(1).unwrap();
    let xfs_part = xfs_part.split("</cellXfs>").next().unwrap();
    let xfs = elements(xfs_part, "xf");
    let xml = sheet_xml(xlsx, sheet);
    let c = elements(&xml, "c")
        .into_iter()
        .find(|t| attr(t, "r").as_deref() == Some(cell))
        .unwrap_or_else(|| panic!("{sheet}!{cell} not written"));
    let s: usize = attr(c, "s").map_or(0, |s| s.parse().unwrap());
    !(xfs[s].contains("locked=\"0\"") || xfs[s].contains("locked=\"false\""))
}

/// The protection an office relies on, as the file holds it.
pub(super) fn assert_protection_as_promised(label: &str, xlsx: &[u8]) {
    for sheet in [SHEET_INFO, SHEET_DATA, SHEET_GUIDE] {
        let p = protection(xlsx, sheet).unwrap_or_else(|| panic!("{label}: {sheet} unprotected"));
        assert!(p["sheet"], "{label} {sheet}");
        for allowed in [
            "formatCells",
            "formatColumns",
            "formatRows",
            "insertColumns",
            "insertRows",
            "sort",
            "autoFilter",
        ] {
            assert!(p[allowed], "{label} {sheet}: {allowed} must be allowed");
        }
        for locked in ["deleteColumns", "deleteRows"] {
            assert!(!p[locked], "{label} {sheet}: {locked} must stay protected");
        }
    }
    assert!(
        protection(xlsx, SHEET_LISTS).is_some_and(|p| p["sheet"]),
        "{label}: lists sheet"
    );
    // Codes and labels locked; values, evidence and notes open.
    for cell in ["A2", "B2", "C2", "D2", "E2"] {
        assert!(locked(xlsx, SHEET_DATA, cell), "{label}: 指标填报!{cell}");
    }
    for cell in ["F2", "G2", "H2"] {
        assert!(!locked(xlsx, SHEET_DATA, cell), "{label}: 指标填报!{cell}");
    }
    assert!(locked(xlsx, SHEET_INFO, "A2"), "{label}: 基本信息!A2");
    assert!(!locked(xlsx, SHEET_INFO, "B2"), "{label}: 基本信息!B2");
}

/// An ods re-save: the value cells' validations still name the lists sheet's
/// cell ranges, the lists sheet is hidden, the input sheets protected.
pub(super) fn assert_ods_keeps_lists_and_protection(label: &str, ods: &[u8]) {
    let content = part(ods, "content.xml").unwrap();
    let validations = elements(&content, "table:content-validation");
    let lists = validations
        .iter()
        .filter(|v| {
            attr(v, "table:condition")
                .is_some_and(|c| c.contains("cell-content-is-in-list") && c.contains(SHEET_LISTS))
        })
        .count();
    assert!(lists > 0, "{label}: no list validation over {SHEET_LISTS}");
    for t in elements(&content, "table:table") {
        let tag = &t[..t.find('>').unwrap()];
        let name = attr(tag, "table:name").unwrap_or_default();
        if [SHEET_INFO, SHEET_DATA, SHEET_GUIDE, SHEET_LISTS].contains(&name.as_str()) {
            assert_eq!(
                attr(tag, "table:protected").as_deref(),
                Some("true"),
                "{label}: {name}"
            );
        }
    }
}

#[test]
fn protection_read_back_from_the_file_is_what_the_instructions_promise() {
    for s in standards_under_test() {
        for lang in [Lang::Zh, Lang::En] {
            let xlsx = citystar::submission::template::blank(&s, lang).unwrap();
            assert_protection_as_promised(&format!("{} {lang:?}", s.id()), &xlsx);
            // The promise is stated once, in 说明.
            let readme = cells(&xlsx, "说明");
            let statement = citystar::submission::template::protection_statement(lang);
            assert_eq!(
                readme.values().filter(|t| t.as_str() == statement).count(),
                1
            );
            let mentions = readme
                .values()
                .filter(|t| t.contains(lang.pick("保护", "protect")))
                .count();
            assert_eq!(
                mentions,
                1,
                "{}: protection is described in one place",
                s.id()
            );
        }
    }
}

/// Separators a prompt must not begin with or double.
const SEPARATORS: &[char] = &[',', '.', ';', ':', '，', '。', '；', '：', '、'];

fn assert_clean(label: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{label}: empty");
    let first = text.trim_start().chars().next().unwrap();
    assert!(
        !SEPARATORS.contains(&first),
        "{label} begins with `{first}`: {text}"
    );
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(2) {
        assert!(
            !(SEPARATORS.contains(&w[0]) && SEPARATORS.contains(&w[1])),
            "{label} doubles `{}{}`: {text}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn every_prompt_string_is_clean() {
    for s in citystar::standard::embedded::all().unwrap() {
        for lang in [Lang::Zh, Lang::En] {
            for ind in &s.indicator {
                let label = format!("{} {lang:?} {}", s.id(), ind.code);
                // The standard itself: a definition for every indicator.
                assert_clean(
                    &format!("{label} definition"),
                    lang.pick(&ind.requirement_zh, &ind.requirement_en),
                );
                for (_, input) in ind.inputs() {
                    let (title, message) =
                        citystar::submission::template::prompt(ind, &input.unit, lang);
                    assert_clean(&format!("{label} title"), &title);
                    assert!(title.chars().count() <= 32, "{label}: {title}");
                    for line in message.lines() {
                        assert_clean(&format!("{label} prompt"), line);
                    }
                }
                let dim = s.dimension(&ind.dimension).unwrap().name(lang).to_string();
                let row = citystar::submission::template::guide_row(&s, ind, &dim, lang);
                // Code, dimension, indicator, items, formula, definition, stars: never empty.
                for (k, text) in row.iter().enumerate().filter(|(k, _)| ![3, 8].contains(k)) {
                    for line in text.lines() {
                        assert_clean(&format!("{label} 填报说明 column {k}"), line);
                    }
                }
            }
            // And as the file holds them: every input message of 指标填报.
            let xlsx = citystar::submission::template::blank(&s, lang).unwrap();
            let xml = sheet_xml(&xlsx, SHEET_DATA);
            let dvs = elements(&xml, "dataValidation");
            assert!(!dvs.is_empty());
            for dv in dvs {
                let prompt = attr(dv, "prompt").unwrap();
                for line in prompt.lines() {
                    assert_clean(
                        &format!("{} {lang:?} {:?}", s.id(), attr(dv, "sqref")),
                        line,
                    );
                }
            }
        }
    }
}

#[test]
fn the_appendix_prints_every_indicator_with_its_definition_stars_and_marks() {
    for s in citystar::standard::embedded::all().unwrap() {
        let xlsx = citystar::submission::template::blank(&s, Lang::Zh).unwrap();
        let guide = cells(&xlsx, SHEET_GUIDE);
        let text = |r: u32, c: u32| guide.get(&(r, c)).cloned().unwrap_or_default();
        for (k, ind) in s.indicator.iter().enumerate() {
            let r = k as u32 + 1;
            assert_eq!(text(r, 0), ind.code, "{}", s.id());
            assert!(
                !text(r, 6).is_empty(),
                "{} {}: definition",
                s.id(),
                ind.code
            );
            for (item, _) in ind.inputs() {
                assert!(text(r, 4).contains(&format!("{}{}", ind.code, item.suffix())));
            }
            match &ind.kind {
                Kind::Grade { options } => {
                    for o in options {
                        assert!(
                            text(r, 7).contains(&format!("{} → {}★", o.zh, o.stars)),
                            "{}",
                            ind.code
                        );
                    }
                }
                Kind::YesNo { yes_stars, .. } => {
                    assert!(text(r, 7).contains(&format!("是 → {yes_stars}★")))
                }
                _ if ind.stars.is_some() => assert!(text(r, 7).contains("5★"), "{}", ind.code),
                _ => {}
            }
            let mandatory = matches!(ind.role, citystar::standard::Role::Mandatory);
            assert_eq!(text(r, 3).contains("必选"), mandatory, "{}", ind.code);
            let veto = s.rating.iter().any(|rule| rule.veto.contains(&ind.code));
            assert_eq!(text(r, 3).contains("否决"), veto, "{}", ind.code);
            if ind.evidence_required {
                assert!(text(r, 8).contains("必须附"), "{}", ind.code);
            }
        }
        // Each dimension starts a page; the header row repeats.
        let xml = sheet_xml(&xlsx, SHEET_DATA);
        let breaks = elements(&xml, "brk").len();
        assert_eq!(breaks, s.dimension.len() - 1, "{}", s.id());
        let wb = part(&xlsx, "xl/workbook.xml").unwrap();
        assert!(wb.contains("_xlnm.Print_Titles"), "{}", s.id());
        assert!(
            !xml.contains("fitToPage"),
            "{}: never shrunk to fit",
            s.id()
        );
        // No type below the readable minimum: cells at 11 points, the footer at 10.
        let styles = part(&xlsx, "xl/styles.xml").unwrap();
        for sz in elements(&styles, "sz") {
            let pt: f64 = attr(sz, "val").unwrap().parse().unwrap();
            assert!(
                pt >= f64::from(citystar::submission::template::CELL_POINTS),
                "{pt}"
            );
        }
        let footer = format!(
            "&amp;{}&amp;P",
            citystar::submission::template::MIN_PRINT_POINTS
        );
        for sheet in [SHEET_INFO, SHEET_DATA, SHEET_GUIDE] {
            let xml = sheet_xml(&xlsx, sheet);
            assert!(xml.contains(&footer), "{sheet}: footer type");
            assert!(!xml.contains("fitToPage"), "{sheet}: never shrunk to fit");
            assert!(xml.contains("orientation=\"landscape\""), "{sheet}");
        }
    }
}

#[test]
fn the_lists_sheet_is_no_finding_and_never_taken_for_an_input_sheet() {
    use citystar::submission::open::is_wanted_sheet;
    assert!(!is_wanted_sheet(SHEET_LISTS));
    assert!(!is_wanted_sheet(SHEET_GUIDE));
    let s = fixture_standard();
    let (fill, _) = super::values_for(&s);
    let bytes = citystar::submission::template::write(&s, Lang::Zh, Some(&fill)).unwrap();
    let choose = |_| &s;
    let (sub, _) = read_bytes(&Loader::InProcess, "mem.xlsx", bytes, &choose).unwrap();
    let codes: Vec<&str> = sub.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"hidden-sheet"), "{codes:?}");
    assert!(!codes.contains(&"duplicate-sheet"), "{codes:?}");
}

#[test]
fn plausibility_findings_at_their_cells_with_their_fix() {
    let cases = [
        ("population-in-wan", "基本信息!B7", "1234567"),
        ("fractional-count", "指标填报!F8", "whole count"),
        ("share-over-100", "指标填报!F5", "85%"),
        ("implausible-magnitude", "指标填报!F8", "unit"),
    ];
    for (code, loc, hint) in cases {
        let path = format!("tests/fixtures/codes/{code}.xlsx");
        let (v, _) = json_check(&["--standard", ALL_KINDS, &path]);
        let diags = v["files"][0]["diagnostics"].as_array().unwrap();
        let d = diags
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code}: {diags:#?}"));
        assert_eq!(d["location"], loc, "{code}");
        let h = d["hint"]["en"].as_str().unwrap();
        assert!(h.contains(hint), "{code}: {h}");
    }
}

/// The city standard read from a template filled with `values` (and a population).
fn city_read(values: &[(&str, FillValue)]) -> citystar::submission::Submission {
    let s = citystar::standard::embedded::for_level(citystar::standard::Level::City).unwrap();
    let mut fill = Fill::default();
    fill.entity.level = Some(s.level());
    fill.entity.population = Some(5_234_000.0);
    for (k, v) in values {
        fill.values.insert(k.to_string(), v.clone());
    }
    let bytes = citystar::submission::template::write(&s, Lang::Zh, Some(&fill)).unwrap();
    let choose = |_| &s;
    read_bytes(&Loader::InProcess, "mem.xlsx", bytes, &choose)
        .unwrap()
        .0
}

fn cell_of(s: &Standard, code: &str) -> String {
    let mut row = 1;
    for ind in &s.indicator {
        for (item, _) in ind.inputs() {
            row += 1;
            if format!("{}{}", ind.code, item.suffix()) == code {
                return format!("指标填报!F{row}");
            }
        }
    }
    panic!("{code}")
}

#[test]
fn populations_are_asked_in_persons_and_one_given_in_wan_is_refused() {
    let s = citystar::standard::embedded::for_level(citystar::standard::Level::City).unwrap();
    // HM-18 asks the population in 人, as 基本信息 does.
    let hm18 = s.indicator("HM-18").unwrap();
    let units: Vec<String> = hm18.inputs().into_iter().map(|(_, l)| l.unit).collect();
    assert_eq!(units, ["人", "人"]);
    let sub = city_read(&[
        ("HM-18.N", FillValue::Number(4_800_000.0)),
        ("HM-18.D", FillValue::Number(523.4)),
    ]);
    let d = sub
        .diagnostics
        .iter()
        .find(|d| d.code == Code::PopulationInWan)
        .unwrap();
    assert_eq!(d.location, cell_of(&s, "HM-18.D"));
    assert!(
        d.hint.words(Lang::Zh).contains("5234000"),
        "{}",
        d.hint.words(Lang::Zh)
    );
    assert_eq!(
        sub.data["HM-18"].get(InputItem::Denominator).unwrap().datum,
        None
    );
    // Visits in 万人次 typed as plain visits.
    let sub = city_read(&[
        ("HM-04.N", FillValue::Number(300_000_000_000.0)),
        ("HM-04.D", FillValue::Number(400_000_000_000.0)),
    ]);
    let d = sub
        .diagnostics
        .iter()
        .find(|d| d.code == Code::ImplausibleMagnitude)
        .unwrap();
    assert_eq!(d.location, cell_of(&s, "HM-04.N"));
    assert!(
        d.hint.words(Lang::En).contains("divided by 10,000"),
        "{}",
        d.hint.words(Lang::En)
    );
    // GDP in 万元 where 亿元 is asked.
    let sub = city_read(&[
        ("JJ-01.N", FillValue::Number(800.0)),
        ("JJ-01.D", FillValue::Number(80_000_000.0)),
    ]);
    let d = sub
        .diagnostics
        .iter()
        .find(|d| d.code == Code::ImplausibleMagnitude)
        .unwrap();
    assert_eq!(d.location, cell_of(&s, "JJ-01.D"));
    assert!(
        d.hint.words(Lang::Zh).contains("8000"),
        "{}",
        d.hint.words(Lang::Zh)
    );
    // A fractional count of 项 is refused.
    let sub = city_read(&[("ZF-09", FillValue::Number(0.45))]);
    let d = sub
        .diagnostics
        .iter()
        .find(|d| d.code == Code::FractionalCount)
        .unwrap();
    assert_eq!(d.location, cell_of(&s, "ZF-09"));
}

#[test]
fn missing_values_are_hinted_by_their_input_and_name_the_item_once() {
    let s = fixture_standard();
    let mut fill = Fill::default();
    fill.entity.level = Some(s.level());
    fill.entity.population = Some(1_234_567.0);
    let bytes = citystar::submission::template::write(&s, Lang::Zh, Some(&fill)).unwrap();
    let choose = |_| &s;
    let (sub, _) = read_bytes(&Loader::InProcess, "mem.xlsx", bytes, &choose).unwrap();
    let hint = |code: &str| {
        let d = sub
            .diagnostics
            .iter()
            .find(|d| d.code == Code::MissingValue && d.indicator.as_deref() == Some(code))
            .unwrap_or_else(|| panic!("{code}"));
        (
            d.message.words(Lang::Zh).clone(),
            d.hint.words(Lang::Zh).clone(),
            d.hint.words(Lang::En).clone(),
        )
    };
    let (msg, zh, _) = hint("A-02");
    assert_eq!(msg, "A-02 城市大脑未填写");
    assert!(zh.contains("从下拉列表中选择"), "{zh}");
    let (_, zh, en) = hint("A-05");
    assert!(
        zh.contains("“是”或“否”") && en.contains("yes or no"),
        "{zh} / {en}"
    );
    let (msg, zh, _) = hint("B-02");
    assert!(zh.contains("填写数值") && zh.contains("PFlops"), "{zh}");
    assert!(!msg.contains("（数据中心算力）"), "{msg}");
    let (msg, _, _) = hint("A-01");
    assert!(msg.contains("（可用电子证照办理的事项数）"), "{msg}");
    // A blank item is no evidence-missing finding (A-01 requires evidence).
    assert!(
        !sub.diagnostics
            .iter()
            .any(|d| d.code == Code::EvidenceMissing)
    );
}

#[test]
fn dates_read_as_iso_from_date_cells_serials_and_text() {
    use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
    use citystar::submission::reader::iso_date;
    let serial = Data::DateTime(ExcelDateTime::new(
        46096.0,
        ExcelDateTimeType::DateTime,
        false,
    ));
    assert_eq!(iso_date(&serial).as_deref(), Some("2026-03-15"));
    assert_eq!(
        iso_date(&Data::Float(46096.0)).as_deref(),
        Some("2026-03-15")
    );
    assert_eq!(
        iso_date(&Data::DateTimeIso("2026-03-15T00:00:00".into())).as_deref(),
        Some("2026-03-15")
    );
    for t in [
        "2026-03-15",
        "2026/3/15",
        "2026.03.15",
        "2026年3月15日",
        "２０２６-０３-１５",
    ] {
        assert_eq!(
            iso_date(&Data::String(t.into())).as_deref(),
            Some("2026-03-15"),
            "{t}"
        );
    }
    assert_eq!(iso_date(&Data::String("三月".into())), None);
}

#[test]
fn template_help_tells_the_truth_about_language_and_level() {
    let out = citystar().args(["template", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let usage = help.lines().find(|l| l.starts_with("Usage:")).unwrap();
    assert!(
        usage.contains("<--level <LEVEL>|--standard <ID|PATH>>"),
        "{usage}"
    );
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("else English"), "{help}");
    // Under LANG=C (no --lang) the labels are English, as the help says.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.xlsx");
    citystar()
        .args(["template", "--level", "community", "-o"])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(cells(&bytes, SHEET_DATA)[&(0, 0)], "Code");
    citystar()
        .env("LANG", "zh_CN.UTF-8")
        .args(["template", "--level", "community", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(cells(&bytes, SHEET_DATA)[&(0, 0)], "指标代码");
    citystar().arg("template").assert().code(2);
}
