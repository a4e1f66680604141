//! Terminal tables that fit the terminal: its width when stdout is one,
//! `COLUMNS` when set, else 100 columns for pipes and logs; prose columns
//! wrap, and the columns named as keys (codes, ids, cells, numbers) are never
//! broken across lines.

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{ColumnConstraint, ContentArrangement, Table};
use std::io::IsTerminal;

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
        && let Some(w) = Table::new().width()
    {
        return w.max(MIN_WIDTH);
    }
    PIPE_WIDTH
}

/// A table for the terminal, laid out to `width()`.
pub fn new(ascii: bool) -> Table {
    let mut t = Table::new();
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
