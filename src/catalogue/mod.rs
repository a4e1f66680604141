//! The message catalogue: every word citystar says to its reader that is not
//! data — labels, headers, units, severities, messages — in each language it
//! speaks. Data (the standard's names, a benchmark's entity, a workbook's
//! values) carry their own words; [`crate::render::words`] turns results into
//! sentences; the rest is here.
//!
//! One entry per message: a key, the Chinese and the English words. A message
//! with arguments marks them `{0}`, `{1}` …, so each language places them
//! where its grammar wants them ([`Msg::fill`]).
//!
//! The catalogue is split by the surface that says it ([`report`] for the
//! report workbooks and HTML, [`terminal`] for the terminal and Markdown
//! renderers, [`cli`] for the commands' own lines, [`template`] for the
//! blank workbook); the tests below read all parts as one.
//!
//! Adding a language: a field in [`Msg`] and a `Lang` variant, its words in
//! every entry (the compiler names each entry that lacks them), the data's
//! names (the standard and benchmark files), and the help texts
//! ([`help`]: a table like `HELP_ZH`).

use crate::Lang;
use std::fmt::{Display, Write};

pub mod cli;
pub mod common;
pub mod help;
pub mod report;
pub mod said;
pub mod template;
pub mod terminal;
pub mod workbook;

/// One message of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    /// `report::TOTAL_AND_STARS`: where the message is defined.
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Msg {
    /// The words in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The words in `lang` with `{0}`, `{1}` … replaced by `args`.
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        let mut out = String::new();
        self.fill_into(lang, args, &mut out);
        out
    }

    /// [`Msg::fill`] appending to `out`.
    pub fn fill_into(self, lang: Lang, args: &[&dyn Display], out: &mut String) {
        let mut rest = self.get(lang);
        while let Some(open) = rest.find('{') {
            let (before, from) = rest.split_at(open);
            out.push_str(before);
            match placeholder(from) {
                Some((k, len)) => {
                    if let Some(arg) = args.get(k) {
                        let _ = write!(out, "{arg}");
                    }
                    rest = &from[len..];
                }
                None => {
                    out.push('{');
                    rest = &from[1..];
                }
            }
        }
        out.push_str(rest);
    }
}

/// `{3}` at the start of `s`: the argument's index and the placeholder's length.
pub(crate) fn placeholder(s: &str) -> Option<(usize, usize)> {
    let close = s.find('}')?;
    let digits = &s[1..close];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, close + 1))
}

/// Defines a part of the catalogue: `NAME: "中文", "English";` entries, and
/// `ALL`, every entry of the part.
macro_rules! messages {
    ($( $(#[$meta:meta])* $name:ident: $zh:literal, $en:literal; )*) => {
        $(
            $(#[$meta])*
            pub const $name: $crate::catalogue::Msg = $crate::catalogue::Msg {
                key: concat!(module_path!(), "::", stringify!($name)),
                zh: $zh,
                en: $en,
            };
        )*
        /// Every message of this part of the catalogue.
        #[allow(dead_code)]
        pub const ALL: &[$crate::catalogue::Msg] = &[$($name),*];
    };
}
pub(crate) use messages;

/// Every message of the catalogue, all parts.
pub fn all() -> impl Iterator<Item = Msg> {
    [
        cli::ALL,
        common::ALL,
        help::ALL,
        report::ALL,
        template::ALL,
        terminal::ALL,
        workbook::ALL,
        crate::tomlread::words::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn has_han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Chinese punctuation (`；`, `、`, `（）`, `：`): a message that is only
    /// punctuation around its arguments is Chinese by these.
    fn has_chinese_punctuation(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
    }

    fn placeholders(s: &str) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            rest = &rest[open..];
            match placeholder(rest) {
                Some((k, len)) => {
                    out.insert(k);
                    rest = &rest[len..];
                }
                None => rest = &rest[1..],
            }
        }
        out
    }

    #[test]
    fn every_message_has_every_language() {
        let mut problems = Vec::new();
        for m in all() {
            if m.zh.trim().is_empty() || m.en.trim().is_empty() {
                problems.push(format!("{}: empty words", m.key));
            }
            if has_han(m.en) {
                problems.push(format!(
                    "{}: Chinese in the English words {:?}",
                    m.key, m.en
                ));
            }
            // Chinese words are Chinese (characters or punctuation), or the
            // same symbols in both languages.
            if !has_han(m.zh) && !has_chinese_punctuation(m.zh) && m.zh != m.en {
                problems.push(format!("{}: {:?} has no Chinese", m.key, m.zh));
            }
            if placeholders(m.zh) != placeholders(m.en) {
                problems.push(format!("{}: the languages fill different arguments", m.key));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Within a part, the same words are one entry (a surface that says
    /// them in two places says the same thing).
    #[test]
    fn one_entry_per_message() {
        let mut seen: BTreeMap<(&str, &str, &str), &str> = BTreeMap::new();
        let mut keys = BTreeSet::new();
        let mut twice = Vec::new();
        for m in all() {
            assert!(keys.insert(m.key), "{} defined twice", m.key);
            let part = m.key.rsplit_once("::").map_or("", |(p, _)| p);
            if let Some(first) = seen.insert((part, m.zh, m.en), m.key) {
                twice.push(format!("{first} and {} say the same", m.key));
            }
        }
        assert!(twice.is_empty(), "{}", twice.join("\n"));
    }

    #[test]
    fn fill_places_arguments_where_each_language_wants_them() {
        let m = Msg {
            key: "test",
            zh: "{1} 的 {0} 项",
            en: "{0} items of {1}",
        };
        assert_eq!(m.fill(Lang::Zh, &[&3, &"示例市"]), "示例市 的 3 项");
        assert_eq!(m.fill(Lang::En, &[&3, &"City A"]), "3 items of City A");
        let braces = Msg {
            key: "test",
            zh: "{x} {0",
            en: "{}",
        };
        assert_eq!(braces.fill(Lang::Zh, &[&1]), "{x} {0");
        assert_eq!(braces.fill(Lang::En, &[&1]), "{}");
    }
}
