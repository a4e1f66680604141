//! A message made into words when it is shown: a catalogue entry and the
//! arguments that fill its `{0}`, `{1}` …, never a sentence. Results and
//! findings hold a [`Message`]; a renderer says it in the reader's language
//! ([`Words`]), and JSON that carries both languages writes both.
//!
//! Two ways of filling: [`said!`] (the standard-, benchmark- and target-file
//! problems) writes its entries without spaces around the placeholders and
//! lets the filling put a space where an argument meets Han characters;
//! [`say!`] (the workbook diagnostics) fills exactly as the entry is written.

use crate::Lang;
use crate::catalogue::{Msg, placeholder};
use crate::diag::Text;
use crate::locale::Words;
use serde::{Serialize, Serializer};
use std::fmt::{self, Display};

/// A message's words: a catalogue entry and what fills its `{0}`, `{1}` ….
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    msg: Msg,
    args: Vec<Arg>,
    /// Filled with a space where an argument meets Han characters ([`said!`]).
    spaced: bool,
}

/// What fills a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// The same in every language: a key, a code, a number, a quoted value.
    Same(String),
    /// Words of their own in each language.
    Each(Text),
    /// A message of its own (a table's description inside a sentence).
    Said(Box<Message>),
}

impl Message {
    /// Filled with spaces where arguments meet Han characters ([`said!`]).
    pub fn new(msg: Msg, args: Vec<Arg>) -> Self {
        Message {
            msg,
            args,
            spaced: true,
        }
    }

    /// Filled exactly as the entry is written ([`say!`]).
    pub fn plain(msg: Msg, args: Vec<Arg>) -> Self {
        Message {
            msg,
            args,
            spaced: false,
        }
    }

    /// The words in `lang` (as [`Words::words`], without importing it).
    pub fn words(&self, lang: Lang) -> String {
        Words::words(self, lang)
    }

    /// The catalogue entry.
    pub fn msg(&self) -> Msg {
        self.msg
    }
}

/// Words given in each language, not made from the catalogue: a library's
/// own words, or a finding built by a test.
impl From<Text> for Message {
    fn from(t: Text) -> Self {
        Message::plain(super::common::AS_GIVEN, vec![Arg::Each(t)])
    }
}

impl Arg {
    /// A list of names, joined as each language writes a list.
    pub fn list<I, S>(items: I) -> Arg
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_string()).collect();
        Arg::Each(Text::new(items.join("、"), items.join(", ")))
    }

    /// Words of their own in each language.
    pub fn each(zh: impl Into<String>, en: impl Into<String>) -> Arg {
        Arg::Each(Text::new(zh, en))
    }

    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Same(s) => out.push_str(s),
            Arg::Each(t) => out.push_str(t.get(lang)),
            Arg::Said(m) => m.write(lang, out),
        }
    }
}

impl From<&std::borrow::Cow<'_, str>> for Arg {
    fn from(s: &std::borrow::Cow<'_, str>) -> Self {
        Arg::Same(s.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Said(Box::new(m))
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Each(t)
    }
}

macro_rules! same_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(x: $t) -> Self {
                Arg::Same(x.to_string())
            }
        }
    )*};
}
same_from!(
    &str, &&str, String, &String, &&String, usize, u8, u16, u32, u64, i32, i64, f64, char, &usize,
    &u8, &u16, &u32, &u64, &i32, &i64, &f64
);

/// `said!(words::NEEDS_KEY, what, key)`: a [`Message`] of an entry and its
/// arguments (anything that converts [`Into`] an [`Arg`]).
macro_rules! said {
    ($msg:expr $(, $arg:expr)* $(,)?) => {
        $crate::catalogue::said::Message::new(
            $msg,
            vec![$($crate::catalogue::said::Arg::from($arg)),*],
        )
    };
}
pub(crate) use said;

/// `say!(workbook::NOT_A_NUMBER, raw)`: a [`Message`] filled exactly as its
/// entry is written (the entry places its own spaces).
macro_rules! say {
    ($msg:expr $(, $arg:expr)* $(,)?) => {
        $crate::catalogue::said::Message::plain(
            $msg,
            vec![$($crate::catalogue::said::Arg::from($arg)),*],
        )
    };
}
pub(crate) use say;

impl Words for Message {
    fn write(&self, lang: Lang, out: &mut String) {
        fill(self.msg.get(lang), lang, &self.args, self.spaced, out);
    }
}

/// Both languages, as `{"zh": …, "en": …}` (the `check` JSON's findings).
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Text::new(self.words(Lang::Zh), self.words(Lang::En)).serialize(s)
    }
}

/// English: what every message said before it was in the catalogue.
impl Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// What sits beside Chinese with a space between: Latin letters, digits, the
/// quotes and brackets of keys and values, and the star.
fn is_latinish(c: char) -> bool {
    (c.is_ascii_graphic() && !"!,.:;?".contains(c)) || c == '★'
}

/// Chinese puts a space between Han characters and Latin words or numbers
/// (`指标 A01`, `有 3 个`), nowhere else; an argument's edges are where it is
/// decided, so entries are written without spaces around their placeholders.
/// `word` is the entry's character beside the argument's `arg`: a quote of the
/// entry's own wraps the argument and takes no space (`"在建"`).
fn spaced(word: Option<char>, arg: Option<char>) -> bool {
    match (word, arg) {
        (Some(w), Some(a)) => {
            (is_han(w) && is_latinish(a)) || (is_latinish(w) && !"\"'`".contains(w) && is_han(a))
        }
        _ => false,
    }
}

/// The entry's words with `{0}`, `{1}` … filled; in Chinese and `spaced_zh`,
/// a space where an argument meets Han characters from a Latin word or a
/// number.
fn fill(words: &str, lang: Lang, args: &[Arg], spaced_zh: bool, out: &mut String) {
    let mut rest = words;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        match placeholder(from) {
            Some((k, len)) => {
                let mut arg = String::new();
                if let Some(a) = args.get(k) {
                    a.write(lang, &mut arg);
                }
                rest = &from[len..];
                if lang == Lang::Zh && spaced_zh {
                    if spaced(out.chars().last(), arg.chars().next()) {
                        out.push(' ');
                    }
                    out.push_str(&arg);
                    // Beside another placeholder, that one's edge decides.
                    if !rest.starts_with('{') && spaced(rest.chars().next(), arg.chars().last()) {
                        out.push(' ');
                    }
                } else {
                    out.push_str(&arg);
                }
            }
            None => {
                out.push('{');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
}
