//! Terminal tables that fit the terminal: its width when stdout is one,
//! `COLUMNS` when set, else 100 columns for pipes and logs; prose columns
//! wrap, and the columns named as keys (codes, ids, cells, numbers) are never
//! broken across lines.

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, ColumnConstraint, ContentArrangement};
use std::io::IsTerminal;

/// Where comfy-table may break a cell that holds East Asian text: it breaks
/// only at its delimiter (a space by default), and a sentence without spaces
/// longer than its column would be cut anywhere, through a code, a number or a
/// file name. Such cells get a zero-width space at every place [`words`]
/// allows a break, as their delimiter; the drawn table drops them again.
const BREAK: char = '\u{200B}';

/// A comfy-table that breaks East Asian text only where [`words`] allows:
/// rows and headers are given as text, and the table is drawn with
/// `Display` (or [`Table::trim_fmt`]). Everything else is comfy-table's
/// (`Deref`).
pub struct Table {
    inner: comfy_table::Table,
    /// Chinese output: its cells break where [`words`] allows.
    east_asian: bool,
}

impl Table {
    /// An empty table with comfy-table's defaults, for output in `lang`.
    pub fn plain(lang: crate::Lang) -> Self {
        Table {
            inner: comfy_table::Table::new(),
            east_asian: lang == crate::Lang::Zh,
        }
    }

    pub fn set_header<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Self {
        let row = self.cells(cells);
        self.inner.set_header(row);
        self
    }

    pub fn add_row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Self {
        let row = self.cells(cells);
        self.inner.add_row(row);
        self
    }

    fn cells<S: Into<String>>(&self, cells: impl IntoIterator<Item = S>) -> Vec<Cell> {
        cells
            .into_iter()
            .map(|c| cell(c, self.east_asian))
            .collect()
    }

    /// Drawn without trailing spaces on its lines.
    pub fn trim_fmt(&self) -> String {
        self.inner.trim_fmt().replace(BREAK, "")
    }
}

impl std::ops::Deref for Table {
    type Target = comfy_table::Table;
    fn deref(&self) -> &comfy_table::Table {
        &self.inner
    }
}

impl std::ops::DerefMut for Table {
    fn deref_mut(&mut self) -> &mut comfy_table::Table {
        &mut self.inner
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.inner.to_string().replace(BREAK, ""))
    }
}

/// A cell of `text`: in Chinese output, text with East Asian characters
/// breakable only where [`words`] allows. English keeps comfy-table's breaking
/// at spaces (a Chinese name in it is not broken between its characters).
fn cell(text: impl Into<String>, east_asian: bool) -> Cell {
    use unicode_width::UnicodeWidthChar;
    let text = text.into();
    if !east_asian || !text.chars().any(|c| c.width() == Some(2)) {
        return Cell::new(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        for (j, w) in words(line).enumerate() {
            if j > 0 {
                out.push(BREAK);
            }
            out.push_str(w.word);
            out.push_str(w.whitespace);
        }
    }
    Cell::new(out).set_delimiter(BREAK)
}

/// Width for output that goes to a pipe or a file.
pub const PIPE_WIDTH: u16 = 100;
/// Narrowest width tables are laid out for.
pub const MIN_WIDTH: u16 = 40;

/// The width tables are laid out for.
pub fn width() -> u16 {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
    {
        return w.max(MIN_WIDTH);
    }
    if std::io::stdout().is_terminal()
        && let Some(w) = comfy_table::Table::new().width()
    {
        return w.max(MIN_WIDTH);
    }
    PIPE_WIDTH
}

/// A table for the terminal, laid out to `width()`.
pub fn new(ascii: bool, lang: crate::Lang) -> Table {
    let mut t = Table::plain(lang);
    t.load_style(if ascii {
        ASCII_FULL_CONDENSED
    } else {
        UTF8_FULL_CONDENSED
    });
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(width());
    t
}

/// Keep these columns whole: they hold codes, ids, cell addresses or numbers.
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &k in columns {
        if let Some(c) = t.column_mut(k) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Where a line may break: at spaces, and between East Asian characters;
/// never inside a run of other characters, so codes (`HM-01`, `db37-3890-city`),
/// cells (`指标填报!F12` keeps its `!F12` with the sheet), numbers and words stay whole.
pub(crate) fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: char| c.width() == Some(2);
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        // A word ends after a space run, and on either side of a wide character
        // (but closing punctuation stays with what it follows, and opening
        // punctuation with what follows it: `〔2020〕136号)` is not broken at `〔`,
        // `〕` or `)`).
        let closing = |c: char| {
            matches!(
                c,
                '，' | '。'
                    | '；'
                    | '：'
                    | '）'
                    | '」'
                    | '、'
                    | '”'
                    | '〕'
                    | '》'
                    | '】'
                    | '！'
                    | '？'
                    | ')'
                    | ']'
                    | ','
                    | '.'
                    | ';'
                    | ':'
                    | '!'
                    | '?'
            )
        };
        let opening = |c: char| matches!(c, '（' | '“' | '〔' | '《' | '【' | '「' | '(' | '[');
        let boundary = match prev {
            None => false,
            Some(p) => {
                (p == ' ' && c != ' ')
                    || (wide(c) && !closing(c) && !opening(p))
                    || (wide(p) && !wide(c) && c != ' ' && !opening(p) && !closing(c))
            }
        };
        if boundary && i > start {
            out.push(textwrap::core::Word::from(&line[start..i]));
            start = i;
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(out.into_iter())
}

/// Wrap the prose lines of terminal output to `width`: table lines are left
/// as they are; a wrapped line keeps its indent, and its continuation lines
/// are indented two more. Breaks fall where Unicode allows a line break (between
/// CJK characters, at spaces), never inside a code, a number or a word.
pub fn wrap_prose(text: &str, width: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width);
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let is_table = body
            .trim_start()
            .starts_with(['┌', '│', '╞', '├', '└', '+', '|', '╭', '╰', '─', '═']);
        if is_table || body.width() <= width {
            out.push_str(line);
            continue;
        }
        let indent: String = body.chars().take_while(|c| *c == ' ').collect();
        let more = format!("{indent}  ");
        let opts = textwrap::Options::new(width)
            .initial_indent(&indent)
            .subsequent_indent(&more)
            .word_separator(textwrap::WordSeparator::Custom(words))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for (k, l) in textwrap::wrap(body.trim_start(), &opts).iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(l);
        }
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Rows of a long table drawn at a time: comfy-table keeps every cell of a
/// table, several times over, until it is drawn (≈1.4 KB a row), which a
/// ranking of 100,000 entities cannot afford.
const CHUNK: usize = 512;

/// A table of many rows, drawn as `make()` would draw it whole, holding only
/// a chunk of its rows at a time. When every cell fits its column (nothing
/// wraps), the column widths are those of the widest cells, so a table of the
/// header, the widest cells and a chunk of rows draws each of those rows as
/// the whole table would; the rows are cut from such tables. When something
/// wraps, comfy-table's widths depend on how every cell splits, and the table
/// is drawn whole.
pub fn long_table<R>(
    make: &dyn Fn() -> Table,
    header: &[String],
    rows: &[R],
    cells: &dyn Fn(&R) -> Vec<String>,
) -> String {
    use unicode_width::UnicodeWidthStr;
    let whole = || {
        let mut t = make();
        t.set_header(header.to_vec());
        for r in rows {
            t.add_row(cells(r));
        }
        t.to_string()
    };
    if rows.len() <= CHUNK {
        return whole();
    }
    let width = |s: &str| s.lines().map(|l| l.width()).max().unwrap_or(0);
    // The widest cell of each column.
    let mut widest: Vec<String> = header.iter().map(|_| String::new()).collect();
    for r in rows {
        for (k, c) in cells(r).into_iter().enumerate() {
            match widest.get_mut(k) {
                Some(w) if width(&c) > width(w) => *w = c,
                Some(_) => {}
                None => widest.push(c),
            }
        }
    }
    let with = |chunk: &[R]| {
        let mut t = make();
        t.set_header(header.to_vec());
        t.add_row(widest.clone());
        for r in chunk {
            t.add_row(cells(r));
        }
        t.to_string()
    };
    let probe = with(&[]);
    let lines: Vec<&str> = probe.lines().collect();
    // Top border, header, separator, the widest cells, bottom border: one
    // line each, or something wrapped.
    if lines.len() != 5 {
        return whole();
    }
    let mut out = String::new();
    for l in &lines[..3] {
        out.push_str(l);
        out.push('\n');
    }
    for chunk in rows.chunks(CHUNK) {
        let drawn = with(chunk);
        let body: Vec<&str> = drawn.lines().collect();
        for l in &body[4..body.len() - 1] {
            out.push_str(l);
            out.push('\n');
        }
    }
    out.push_str(lines[4]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize, long: bool) -> Vec<(usize, String, String)> {
        (0..n)
            .map(|k| {
                let name = if long && k == n / 3 {
                    "一个名称很长很长很长很长很长很长很长很长很长很长的测试社区".to_string()
                } else {
                    format!("测试社区{k:04}")
                };
                (k + 1, name, format!("c10k/community-{k:04}.xlsx"))
            })
            .collect()
    }

    fn draw(rows: &[(usize, String, String)], width: u16) -> (String, String) {
        let make = || {
            let mut t = Table::plain(crate::Lang::Zh);
            t.load_style(UTF8_FULL_CONDENSED);
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(width);
            t
        };
        let header = ["#".to_string(), "名称".to_string(), "文件".to_string()];
        let cells = |r: &(usize, String, String)| vec![r.0.to_string(), r.1.clone(), r.2.clone()];
        let long = long_table(&make, &header, rows, &cells);
        let mut t = make();
        t.set_header(header.to_vec());
        for r in rows {
            t.add_row(cells(r));
        }
        (long, t.to_string())
    }

    #[test]
    fn a_long_table_drawn_in_chunks_is_the_table_drawn_whole() {
        for (n, long, width) in [
            (5, false, 100),
            (CHUNK, false, 100),
            (CHUNK + 1, false, 100),
            (3 * CHUNK + 17, false, 100),
            (3 * CHUNK + 17, false, 60),
            // Something wraps: drawn whole.
            (2 * CHUNK + 3, true, 60),
            (2 * CHUNK + 3, false, 40),
        ] {
            let (chunked, whole) = draw(&rows(n, long), width);
            assert_eq!(chunked, whole, "{n} rows, width {width}");
            assert_eq!(
                whole.lines().count() > n + 4,
                long || width < 50,
                "{n} rows, width {width}"
            );
        }
    }
}
