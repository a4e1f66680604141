//! What citystar reads of an xlsx package itself, beside calamine: which part
//! holds a sheet (through the package's relationships), and in that part the
//! hidden rows and the cells whose content contradicts their type (`t="n"`
//! holding `abc`), which calamine reports only as an error for the whole
//! sheet. Used only when a sheet needs it, so the common path stays calamine's.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// Largest part read here (the zip check has already bounded every part).
const MAX_PART: u64 = 200 * 1024 * 1024;

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    part_within(zip, name, MAX_PART)
}

/// A part inflated, or `None` when it is missing, damaged or beyond `max` bytes.
fn part_within(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str, max: u64) -> Option<Vec<u8>> {
    let f = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    f.take(max + 1).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= max).then_some(out)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.to_string())
}

/// Resolve a relationship target against the folder of the part that has it.
fn join(base_dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = base_dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Id → target of a relationships part.
fn relationships(xml: &[u8], base_dir: &str) -> Vec<(String, String, String)> {
    relationships_checked(xml, base_dir).0
}

/// [`relationships`], and whether the part read cleanly to its end with
/// every target a plain relative path (no `/` at the start, no `.`, `..`,
/// empty segment or `\\`: where producers and readers may join differently).
fn relationships_checked(xml: &[u8], base_dir: &str) -> (Vec<(String, String, String)>, bool) {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut plain = true;
    let clean = loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    plain &= is_plain(&t);
                    out.push((id, attr(&e, "Type").unwrap_or_default(), join(base_dir, &t)));
                }
            }
            Ok(Event::Eof) => break true,
            Err(_) => break false,
            _ => {}
        }
        buf.clear();
    };
    (out, clean && plain)
}

/// A relative path of plain segments.
fn is_plain(target: &str) -> bool {
    !target.contains('\\')
        && target
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// Where a package's `_rels/.rels` puts the workbook part (the
/// officeDocument relationship).
pub fn office_document(rels: &[u8]) -> Option<String> {
    relationships(rels, "")
        .into_iter()
        .find(|(_, t, _)| t.ends_with("/officeDocument"))
        .map(|(_, _, p)| p)
}

/// The part holding each worksheet, by sheet name.
pub fn sheet_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    resolve(&mut zip, MAX_PART).0
}

/// A workbook part's relationships part.
fn rels_part(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    }
}

/// Each `<sheet>` of a workbook part: its name (unescaped; by local name),
/// its relationship Id, and whether its name attribute is a plain `name`.
/// Whether the part read cleanly to its end.
fn each_sheet(xml: &[u8], visit: &mut dyn FnMut(Option<String>, &str, bool)) -> bool {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let id = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "id")
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                let exact = e.attributes().flatten().any(|a| a.key.as_ref() == "name");
                let name = attr(&e, "name")
                    .map(|n| quick_xml::escape::unescape(&n).map_or(n.clone(), |u| u.into_owned()));
                visit(name, &id, exact);
            }
            Ok(Event::Eof) => return true,
            Err(_) => return false,
            _ => {}
        }
        buf.clear();
    }
}

/// [`sheet_parts`] of an open package, reading no part beyond `max` bytes,
/// for deciding which parts need not be inflated at all: `None` whenever the
/// package leaves any doubt about which part calamine would take for a sheet
/// (see [`resolve`]): then every part is kept.
pub fn sheet_parts_within(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    max: u64,
) -> Option<Vec<(String, String)>> {
    let (parts, certain) = resolve(zip, max);
    certain.then_some(parts)
}

/// Each worksheet's part by sheet name, reading no part beyond `max` bytes
/// (the first officeDocument relationship, the last of an Id given twice, as
/// calamine takes them), and whether the package left no doubt: none of
/// those parts missing, beyond `max` or not reading cleanly, one
/// officeDocument relationship at most, no Id given twice, every target a
/// plain relative path, every sheet with a plain `name` and a relationship.
fn resolve(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, max: u64) -> (Vec<(String, String)>, bool) {
    let mut certain = true;
    let book = match part_within(zip, "_rels/.rels", max) {
        Some(xml) => {
            let (rels, clean) = relationships_checked(&xml, "");
            let mut books = rels
                .iter()
                .filter(|(_, t, _)| t.ends_with("/officeDocument"));
            let first = books.next().map(|b| b.2.clone());
            certain &= clean && books.next().is_none();
            first
        }
        // Missing, the workbook is where it usually is; there but unread, a doubt.
        None => {
            certain &= zip.by_name("_rels/.rels").is_err();
            None
        }
    }
    .unwrap_or_else(|| "xl/workbook.xml".to_string());
    let (dir, file) = book.rsplit_once('/').unwrap_or(("", book.as_str()));
    let (rels, clean) = part_within(zip, &rels_part(dir, file), max)
        .map_or((Vec::new(), false), |xml| relationships_checked(&xml, dir));
    certain &= clean;
    let mut by_id = std::collections::HashMap::with_capacity(rels.len());
    for (id, _, target) in &rels {
        certain &= by_id.insert(id.as_str(), target.as_str()).is_none();
    }
    let Some(xml) = part_within(zip, &book, max) else {
        return (Vec::new(), false);
    };
    let mut out = Vec::new();
    let clean = each_sheet(&xml, &mut |name, id, exact| match (name, by_id.get(id)) {
        (Some(name), Some(&p)) => {
            certain &= exact;
            out.push((name, p.to_string()));
        }
        _ => certain = false,
    });
    (out, certain && clean)
}

/// What a sheet's part says that calamine does not pass on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetScan {
    /// Zero-based rows marked hidden.
    pub hidden_rows: Vec<u32>,
    /// (row, col, the stored text, the type it claims) of cells whose content contradicts their type.
    pub bad_cells: Vec<(u32, u32, String, String)>,
}

/// `A1` → zero-based (row, col).
fn position(r: &str) -> Option<(u32, u32)> {
    let letters = r.chars().take_while(char::is_ascii_alphabetic).count();
    let (col, row) = r.split_at(letters);
    let col = col.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(26)?
            .checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1)
    })?;
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

fn contradicts(t: &str, v: &str) -> bool {
    let v = v.trim();
    match t {
        "" | "n" => !v.is_empty() && v.parse::<f64>().is_err(),
        "b" => !["0", "1", "true", "false", ""].contains(&v.to_ascii_lowercase().as_str()),
        "e" => !v.starts_with('#'),
        "s" => v.parse::<usize>().is_err(),
        "str" | "inlineStr" | "d" => false,
        _ => true,
    }
}

/// Hidden rows and contradicting cells of the sheet in `part_name`.
pub fn scan_sheet(bytes: &[u8], part_name: &str) -> SheetScan {
    let mut scan = SheetScan::default();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return scan;
    };
    let Some(xml) = part(&mut zip, part_name) else {
        return scan;
    };
    let mut r = Reader::from_reader(&xml[..]);
    let mut buf = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    // Inside a cell: its position, type, and whether we are in its <v>.
    let mut cell: Option<((u32, u32), String)> = None;
    let mut in_v = false;
    let mut value = String::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "row" => {
                if let Some(n) = attr(&e, "r").and_then(|n| n.parse::<u32>().ok()) {
                    row = n.saturating_sub(1);
                }
                col = 0;
                if attr(&e, "hidden").is_some_and(|h| h == "1" || h == "true") {
                    scan.hidden_rows.push(row);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "row" => row = row.saturating_add(1),
            Ok(Event::Start(e)) if e.local_name().as_ref() == "c" => {
                let pos = attr(&e, "r")
                    .and_then(|a| position(&a))
                    .unwrap_or((row, col));
                col = pos.1.saturating_add(1);
                cell = Some((pos, attr(&e, "t").unwrap_or_default()));
                value.clear();
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "c" => {
                let pos = attr(&e, "r")
                    .and_then(|a| position(&a))
                    .unwrap_or((row, col));
                col = pos.1.saturating_add(1);
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "v" => in_v = cell.is_some(),
            Ok(Event::End(e)) if e.local_name().as_ref() == "v" => in_v = false,
            Ok(Event::Text(t)) if in_v && value.len() < 1024 => {
                value.push_str(t.as_ref());
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "c" => {
                if let Some(((r0, c0), t)) = cell.take()
                    && contradicts(&t, &value)
                    && scan.bad_cells.len() < 1000
                {
                    scan.bad_cells.push((r0, c0, value.clone(), t));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_targets() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("F12"), Some((11, 5)));
        assert_eq!(position("AA3"), Some((2, 26)));
        assert_eq!(position("1"), None);
        assert_eq!(
            join("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(join("", "/workbook.xml"), "workbook.xml");
        assert_eq!(join("xl/sub", "../worksheets/s.xml"), "xl/worksheets/s.xml");
        assert!(contradicts("n", "abc"));
        assert!(!contradicts("n", "1.5e3"));
        assert!(contradicts("b", "maybe"));
        assert!(contradicts("zz", "1"));
    }
}
