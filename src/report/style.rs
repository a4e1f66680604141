//! Formats, page setup and CJK-aware column widths shared by the report
//! workbooks.

use crate::Lang;
use crate::xlsx::column_width;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthStr;

/// Paper size code of A4 in the OOXML page setup.
const A4: u8 = 9;

/// The words of a report in its language.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// Every cell format the reports use. Numbers are always written as numbers
/// with one of these number formats, never as text.
pub struct Formats {
    pub title: Format,
    pub heading: Format,
    pub header: Format,
    pub label: Format,
    pub text: Format,
    pub wrap: Format,
    pub note: Format,
    /// Running text outside tables.
    pub plain: Format,
    /// `General`: values as the submission gave them (87.4, 1, 1234).
    pub general: Format,
    /// Two decimals: scores, totals, contributions, points.
    pub num2: Format,
    pub int: Format,
    pub pct: Format,
    /// `4★`
    pub stars: Format,
    pub datetime: Format,
    /// A benchmark figure published as "more than" / "less than".
    pub above: Format,
    pub below: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let cell = || {
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
                .set_align(FormatAlign::VerticalCenter)
        };
        let num = |f: &str| cell().set_num_format(f);
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            heading: Format::new().set_bold().set_font_size(12),
            header: cell()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            // Text in a table wraps at its column's width rather than being cut.
            label: cell()
                .set_bold()
                .set_background_color(Color::RGB(0xF2F2F2))
                .set_text_wrap(),
            text: cell().set_text_wrap(),
            wrap: cell().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            plain: Format::new(),
            general: cell(),
            num2: num("0.00"),
            int: num("0"),
            pct: num("0.0%"),
            stars: num("0\"★\""),
            datetime: num("yyyy-mm-dd hh:mm:ss").set_align(FormatAlign::Left),
            above: num("\"> \"General"),
            below: num("\"< \"General"),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// Print setup of every report sheet: A4 landscape, fitted to one page wide,
/// the header rows repeated on every page, page numbers in the footer.
pub fn page_setup(ws: &mut Worksheet, repeat: Option<(u32, u32)>) -> Result<(), XlsxError> {
    ws.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3)
        .set_footer("&C&P / &N");
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// Every printed page of a sheet titled: what the report is about on the
/// left, the sheet's name on the right (`&` doubled, as the header codes need).
pub fn page_title(ws: &mut Worksheet, about: &str, sheet: &str) {
    let amp = |s: &str| s.replace('&', "&&");
    ws.set_header(format!("&L{}&R{}", amp(about), amp(sheet)));
}

/// A worksheet being written, remembering the widest text of each column so
/// the widths can be set for CJK text at the end.
pub struct Grid<'a> {
    pub ws: &'a mut Worksheet,
    /// The widest line written in each column.
    widest: BTreeMap<u16, String>,
    /// Every table cell's text width, by (row, column): rows whose text wraps
    /// get the height of their lines (LibreOffice does not work it out).
    cells: Vec<(u32, u16, usize)>,
}

impl<'a> Grid<'a> {
    pub fn new(ws: &'a mut Worksheet) -> Grid<'a> {
        Grid {
            ws,
            widest: BTreeMap::new(),
            cells: Vec::new(),
        }
    }

    /// Make a column wide enough for `text` without writing it.
    pub fn widen(&mut self, col: u16, text: &str) {
        self.measure(col, text);
    }

    fn measure(&mut self, col: u16, text: &str) {
        let Some(line) = text.lines().max_by_key(|l| l.width()) else {
            return;
        };
        let e = self.widest.entry(col).or_default();
        if line.width() > e.width() {
            *e = line.to_string();
        }
    }

    pub fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.measure(col, s);
        for line in s.lines() {
            self.cells.push((row, col, line.width()));
        }
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// Text that wraps at its column's width without widening it; its row
    /// gets the height of its lines.
    pub fn wrapping(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        for line in s.lines() {
            self.cells.push((row, col, line.width()));
        }
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// Text that does not widen its column (titles, notes spanning columns).
    pub fn loose(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    pub fn num(&mut self, row: u32, col: u16, x: f64, f: &Format) -> Result<(), XlsxError> {
        // Wide enough for two decimals and a sign or a ★.
        self.measure(col, &format!("{x:.2}+"));
        self.ws.write_number_with_format(row, col, x, f)?;
        Ok(())
    }

    /// A number, or an empty (formatted) cell when there is none.
    pub fn opt(&mut self, row: u32, col: u16, x: Option<f64>, f: &Format) -> Result<(), XlsxError> {
        match x {
            Some(x) => self.num(row, col, x, f),
            None => {
                self.ws.write_blank(row, col, f)?;
                Ok(())
            }
        }
    }

    /// A header row.
    pub fn header<S: AsRef<str>>(
        &mut self,
        row: u32,
        col: u16,
        names: &[S],
        f: &Format,
    ) -> Result<(), XlsxError> {
        for (k, n) in names.iter().enumerate() {
            self.text(row, col + k as u16, n.as_ref(), f)?;
        }
        Ok(())
    }

    /// A heading after the blank row `row`; returns the row below it.
    pub fn heading(&mut self, row: u32, title: &str, f: &Formats) -> Result<u32, XlsxError> {
        self.loose(row + 1, 0, title, &f.heading)?;
        Ok(row + 2)
    }

    /// A table's start after the blank row `row`: its heading, then its
    /// header row. Returns the row of the table's first line.
    pub fn section<S: AsRef<str>>(
        &mut self,
        row: u32,
        title: &str,
        headers: &[S],
        f: &Formats,
    ) -> Result<u32, XlsxError> {
        let row = self.heading(row, title, f)?;
        self.header(row, 0, headers, &f.header)?;
        Ok(row + 1)
    }

    /// A label in column A of `row`, moving `row` on; returns the labelled row.
    pub fn label(&mut self, row: &mut u32, label: &str, f: &Formats) -> Result<u32, XlsxError> {
        self.text(*row, 0, label, &f.label)?;
        *row += 1;
        Ok(*row - 1)
    }

    /// A seed as a number, or as text beyond 2^53 (where a spreadsheet
    /// number would lose it).
    pub fn seed(&mut self, row: u32, col: u16, seed: u64, f: &Formats) -> Result<(), XlsxError> {
        if seed < (1 << 53) {
            self.num(row, col, seed as f64, &f.int)
        } else {
            self.text(row, col, &seed.to_string(), &f.text)
        }
    }

    /// Set every written column's width from its widest text (CJK counted
    /// double), within `min`..`max`; `caps` narrows particular columns
    /// (long messages wrap instead).
    pub fn finish(self, min: f64, max: f64, caps: &[(u16, f64)]) -> Result<(), XlsxError> {
        let mut widths = BTreeMap::new();
        for (&col, widest) in &self.widest {
            let cap = caps
                .iter()
                .find(|(c, _)| *c == col)
                .map_or(max, |(_, m)| *m);
            let width = column_width([widest.as_str()], min, cap.max(min));
            self.ws.set_column_width(col, width)?;
            widths.insert(col, width);
        }
        // Lines per row: a cell's lines, each wrapped at its column's width.
        let mut lines: BTreeMap<u32, BTreeMap<u16, f64>> = BTreeMap::new();
        for &(row, col, w) in &self.cells {
            let width = widths.get(&col).copied().unwrap_or(max);
            // A line holds about one width unit per column unit (measured in LibreOffice).
            let n = (w as f64 / width.max(1.0)).ceil().max(1.0);
            *lines.entry(row).or_default().entry(col).or_default() += n;
        }
        for (row, cols) in lines {
            let n = cols.values().fold(1.0f64, |a, &b| a.max(b));
            if n > 1.0 {
                self.ws.set_row_height(row, 15.0 * n)?;
            }
        }
        Ok(())
    }
}
