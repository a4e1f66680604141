//! Formats, page setup and CJK-aware column widths shared by the report
//! workbooks.

use crate::xlsx::column_width;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthStr;

/// Paper size code of A4 in the OOXML page setup.
const A4: u8 = 9;

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
///
/// A grid keeps every cell's text width until [`Grid::finish`], which sets
/// the rows' heights then. A sheet too large for that ([`streamed`]: the
/// batch summary, one row per entity) is drawn twice instead: a
/// [`Grid::measuring`] pass that writes nothing and learns the widths, then a
/// [`Grid::streaming`] pass into a low-memory worksheet that sets each row's
/// height as soon as the row is done, so rows can be written out one by one.
pub struct Grid<'a> {
    pub ws: &'a mut Worksheet,
    /// The widest line written in each column.
    widest: BTreeMap<u16, String>,
    /// Every table cell's text width, by (row, column): rows whose text wraps
    /// get the height of their lines (LibreOffice does not work it out).
    cells: Vec<(u32, u16, usize)>,
    pass: Pass,
}

/// How a grid writes: see [`Grid`].
enum Pass {
    /// Cells written, heights set at the end.
    Whole,
    /// Nothing written; the widths are learnt ([`Grid::widths`]).
    Measuring(Option<Widths>),
    /// Cells written in row order with the widths known; `row` is the row
    /// being written and `lines` its lines per column.
    Streaming {
        widths: Widths,
        row: Option<u32>,
        lines: BTreeMap<u16, f64>,
    },
}

/// The column widths a measuring pass found, and the widest a column may be.
#[derive(Clone, Debug, Default)]
pub struct Widths {
    cols: BTreeMap<u16, f64>,
    max: f64,
}

impl<'a> Grid<'a> {
    pub fn new(ws: &'a mut Worksheet) -> Grid<'a> {
        Grid {
            ws,
            widest: BTreeMap::new(),
            cells: Vec::new(),
            pass: Pass::Whole,
        }
    }

    /// A pass that writes no cell: `ws` receives only what a sheet sets
    /// beside its cells (page setup, charts, panes), and is thrown away.
    pub fn measuring(ws: &'a mut Worksheet) -> Grid<'a> {
        Grid {
            pass: Pass::Measuring(None),
            ..Grid::new(ws)
        }
    }

    /// A pass that writes the cells row by row into `ws` (a low-memory
    /// worksheet) with the widths a measuring pass found.
    pub fn streaming(ws: &'a mut Worksheet, widths: Widths) -> Grid<'a> {
        Grid {
            pass: Pass::Streaming {
                widths,
                row: None,
                lines: BTreeMap::new(),
            },
            ..Grid::new(ws)
        }
    }

    /// What a measuring pass found, once it is finished.
    pub fn widths(self) -> Option<Widths> {
        match self.pass {
            Pass::Measuring(w) => w,
            _ => None,
        }
    }

    /// Record `line_width` wide text at (row, col) for the row heights.
    fn line(&mut self, row: u32, col: u16, line_width: usize) -> Result<(), XlsxError> {
        if let Pass::Whole = self.pass {
            self.cells.push((row, col, line_width));
            return Ok(());
        }
        self.move_to_row(row)?;
        if let Pass::Streaming { widths, lines, .. } = &mut self.pass {
            *lines.entry(col).or_default() += widths.lines(col, line_width);
        }
        Ok(())
    }

    /// Whether cells are written (not in a measuring pass); in a streaming
    /// pass, moves to `row` first, ending the row before.
    fn writes(&mut self, row: u32) -> Result<bool, XlsxError> {
        match self.pass {
            Pass::Whole => Ok(true),
            Pass::Measuring(_) => Ok(false),
            Pass::Streaming { .. } => {
                self.move_to_row(row)?;
                Ok(true)
            }
        }
    }

    /// Streaming: end the current row (its height) when `row` is a later one.
    /// A row already written cannot be written again: that is a mistake in
    /// the sheet's drawing, said as an error rather than lost.
    fn move_to_row(&mut self, row: u32) -> Result<(), XlsxError> {
        let Pass::Streaming {
            row: current,
            lines,
            ..
        } = &mut self.pass
        else {
            return Ok(());
        };
        match *current {
            Some(c) if row == c => Ok(()),
            Some(c) if row < c => Err(XlsxError::ParameterError(format!(
                "row {row} written after row {c} in a streamed sheet"
            ))),
            Some(c) => {
                let n = lines.values().fold(1.0f64, |a, &b| a.max(b));
                lines.clear();
                *current = Some(row);
                if n > 1.0 {
                    self.ws.set_row_height(c, 15.0 * n)?;
                }
                Ok(())
            }
            None => {
                *current = Some(row);
                Ok(())
            }
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
        self.wrapping(row, col, s, f)
    }

    /// Text that wraps at its column's width without widening it; its row
    /// gets the height of its lines.
    pub fn wrapping(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        for line in s.lines() {
            self.line(row, col, line.width())?;
        }
        self.loose(row, col, s, f)
    }

    /// Text that does not widen its column (titles, notes spanning columns).
    pub fn loose(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        if self.writes(row)? {
            self.ws.write_string_with_format(row, col, s, f)?;
        }
        Ok(())
    }

    pub fn num(&mut self, row: u32, col: u16, x: f64, f: &Format) -> Result<(), XlsxError> {
        // Wide enough for two decimals and a sign or a ★.
        self.measure(col, &format!("{x:.2}+"));
        if self.writes(row)? {
            self.ws.write_number_with_format(row, col, x, f)?;
        }
        Ok(())
    }

    /// A number, or an empty (formatted) cell when there is none.
    pub fn opt(&mut self, row: u32, col: u16, x: Option<f64>, f: &Format) -> Result<(), XlsxError> {
        match x {
            Some(x) => self.num(row, col, x, f),
            None => {
                if self.writes(row)? {
                    self.ws.write_blank(row, col, f)?;
                }
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
    /// (long messages wrap instead). Then every row's height from its lines
    /// (a streaming pass has set all but the last already; a measuring pass
    /// keeps the widths for [`Grid::widths`]).
    pub fn finish(&mut self, min: f64, max: f64, caps: &[(u16, f64)]) -> Result<(), XlsxError> {
        let mut widths = Widths {
            cols: BTreeMap::new(),
            max,
        };
        for (&col, widest) in &self.widest {
            let cap = caps
                .iter()
                .find(|(c, _)| *c == col)
                .map_or(max, |(_, m)| *m);
            widths
                .cols
                .insert(col, column_width([widest.as_str()], min, cap.max(min)));
        }
        match &mut self.pass {
            Pass::Measuring(found) => {
                *found = Some(widths);
                return Ok(());
            }
            Pass::Streaming { row, lines, .. } => {
                if let Some(last) = *row {
                    let tall = lines.values().any(|&n| n > 1.0);
                    // The last row's height.
                    self.move_to_row(last + 1)?;
                    // rust_xlsxwriter 0.102 writes the last row of a
                    // constant-memory sheet a second time (empty) when it has
                    // a height of its own, which Excel then repairs; an empty
                    // cell below it makes it an ordinary row.
                    if tall {
                        self.ws.write_blank(last + 1, 0, &Format::new())?;
                    }
                }
            }
            Pass::Whole => {}
        }
        for (&col, &width) in &widths.cols {
            self.ws.set_column_width(col, width)?;
        }
        // Lines per row: a cell's lines, each wrapped at its column's width.
        let mut lines: BTreeMap<u32, BTreeMap<u16, f64>> = BTreeMap::new();
        for &(row, col, w) in &self.cells {
            *lines.entry(row).or_default().entry(col).or_default() += widths.lines(col, w);
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

impl Widths {
    /// The lines a `w` wide line of text takes in column `col`.
    fn lines(&self, col: u16, w: usize) -> f64 {
        let width = self.cols.get(&col).copied().unwrap_or(self.max);
        // A line holds about one width unit per column unit (measured in LibreOffice).
        (w as f64 / width.max(1.0)).ceil().max(1.0)
    }
}

/// Draw a sheet of `wb` in two passes (see [`Grid`]): measured on a scratch
/// worksheet, then written row by row into a constant-memory worksheet named
/// `name` (its strings written in the sheet, not kept in the workbook's
/// shared table, so nothing of it stays in memory). `draw` must write its rows
/// in order and end with `finish`.
pub fn streamed(
    wb: &mut rust_xlsxwriter::Workbook,
    name: &str,
    mut draw: impl FnMut(&mut Grid) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    let mut scratch = Worksheet::new();
    scratch.set_name(name)?;
    let mut measure = Grid::measuring(&mut scratch);
    draw(&mut measure)?;
    let widths = measure.widths().unwrap_or_default();
    let ws = wb.add_worksheet_with_constant_memory()?.set_name(name)?;
    let mut g = Grid::streaming(ws, widths);
    draw(&mut g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::Workbook;
    use std::io::Read;

    /// A table whose rows wrap here and there, the last one too.
    fn draw(g: &mut Grid) -> Result<(), XlsxError> {
        let f = Formats::new();
        g.loose(0, 0, "智慧城市星级评估 · 排名", &f.title)?;
        g.header(2, 0, &["序号", "名称", "说明"], &f.header)?;
        g.ws.set_row_height(2, 45)?;
        for k in 0..40u32 {
            g.num(3 + k, 0, f64::from(k), &f.int)?;
            g.text(3 + k, 1, &format!("测试社区{k:04}"), &f.text)?;
            let note = if k % 7 == 0 || k == 39 {
                "数据不完整；标准 34/38 项暂定，".repeat(3)
            } else {
                String::new()
            };
            g.text(3 + k, 2, &note, &f.text)?;
        }
        g.finish(6.0, 36.0, &[(2, 20.0)])
    }

    fn sheet_xml(wb: &mut Workbook) -> String {
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    /// `<row …>` and `<col …>` openings, the attributes that differ by mode
    /// (`spans`, which a streamed sheet cannot know) left out.
    fn layout(xml: &str) -> Vec<String> {
        xml.split('<')
            .filter(|t| t.starts_with("row ") || t.starts_with("col "))
            .map(|t| {
                let t = t.trim_end_matches(['/', '>']).trim_end_matches('/');
                t.split(' ')
                    .filter(|a| !a.starts_with("spans="))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .trim_end_matches(['/', '>'])
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn a_streamed_sheet_has_the_widths_and_heights_of_a_whole_one() {
        let mut whole = Workbook::new();
        draw(&mut Grid::new(whole.add_worksheet())).unwrap();
        let mut stream = Workbook::new();
        streamed(&mut stream, "Sheet1", draw).unwrap();
        let (a, b) = (
            layout(&sheet_xml(&mut whole)),
            layout(&sheet_xml(&mut stream)),
        );
        // The streamed sheet ends with one empty cell below its last row
        // (see `finish`): the row is there, with no height of its own.
        assert_eq!(b.last().map(String::as_str), Some("row r=\"44\""), "{b:#?}");
        assert_eq!(a[..], b[..b.len() - 1]);
        assert!(a.iter().any(|r| r.contains("ht=\"45\"")), "{a:#?}");
        assert!(
            a.iter().filter(|r| r.contains("ht=\"")).count() > 3,
            "{a:#?}"
        );
        // Every row once.
        let rows: Vec<&String> = b.iter().filter(|r| r.starts_with("row ")).collect();
        let mut unique = rows.clone();
        unique.dedup();
        assert_eq!(rows, unique);
    }

    #[test]
    fn a_streamed_sheet_refuses_to_go_back_a_row() {
        let mut wb = Workbook::new();
        let f = Formats::new();
        let err = streamed(&mut wb, "Sheet1", |g| {
            g.text(5, 0, "a", &f.text)?;
            g.text(4, 0, "b", &f.text)?;
            g.finish(6.0, 30.0, &[])
        })
        .unwrap_err();
        assert!(err.to_string().contains("row 4"), "{err}");
    }
}
