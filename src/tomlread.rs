//! Reading a TOML file keeping spans and collecting every problem, shared by
//! the standard and benchmark loaders: `toml_span` parses keeping the place of
//! every value, then the typed reading takes keys one by one through [`Fields`]
//! and reports each problem at its line and column through [`Cx`] instead of
//! stopping at the first.

use crate::Lang;
use crate::diag::LintCode;
use crate::locale::Words;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use toml_span::Span;
use toml_span::value::{Table, Value, ValueInner};

pub mod words;
use words::said;
pub use words::{Arg, Message};

/// One problem in a file, at its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Stable code, serialised in kebab-case (docs/diagnostics.md, `citystar explain`).
    pub code: LintCode,
    pub line: usize,
    pub column: usize,
    /// Written as its words in the document's language.
    #[serde(serialize_with = "crate::locale::words")]
    pub message: Message,
}

/// What kind of file a [`LoadError`] is about, as its message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Standard,
    Benchmark,
    Targets,
}

impl FileKind {
    /// What the file is called in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        self.msg().get(lang)
    }

    fn msg(self) -> crate::catalogue::Msg {
        match self {
            FileKind::Standard => words::STANDARD_FILE,
            FileKind::Benchmark => words::BENCHMARK_FILE,
            FileKind::Targets => words::TARGET_FILE,
        }
    }
}

/// Why a file could not be loaded: every problem found.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub kind: FileKind,
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// Every line the reader sees, in `lang`: how many problems, then each at
    /// its `file:line:column` (the place stays in the form editors jump to).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let head = said!(
            words::FILE_PROBLEMS,
            self.origin.as_str(),
            self.problems.len(),
            said!(self.kind.msg())
        );
        head.write(lang, &mut out);
        out.push('\n');
        // A person fixes a file from its first problems; thousands of lines help nobody.
        const SHOWN: usize = 50;
        if self.problems.len() > SHOWN {
            said!(words::FIRST_SHOWN, self.origin.as_str(), SHOWN).write(lang, &mut out);
            out.push('\n');
        }
        for p in self.problems.iter().take(SHOWN) {
            out.push_str(&format!(
                "{}:{}:{}: [{}] ",
                self.origin, p.line, p.column, p.code
            ));
            p.message.write(lang, &mut out);
            out.push('\n');
        }
        out
    }
}

/// In English, as `render(Lang::En)`.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Collects problems and turns byte offsets into line:column.
pub(crate) struct Cx<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    pub problems: Vec<Problem>,
    /// Where named entries and keys were declared, for a loader's later
    /// validation messages (the standard loader's phase two).
    pub spans: HashMap<String, Span>,
}

impl<'t> Cx<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Cx {
            text,
            line_starts,
            problems: Vec::new(),
            spans: HashMap::new(),
        }
    }

    /// 1-based line and column (counting chars) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    pub fn push_span(&mut self, code: LintCode, span: Span, message: Message) {
        let (line, column) = self.line_col(span.start);
        self.problems.push(Problem {
            code,
            line,
            column,
            message,
        });
    }

    /// The loaded value if it was read and no problem was found; else every
    /// problem, in file order.
    pub fn into_result<T>(
        self,
        value: Option<T>,
        kind: FileKind,
        origin: &str,
    ) -> Result<T, LoadError> {
        match value {
            Some(v) if self.problems.is_empty() => Ok(v),
            _ => {
                let mut problems = self.problems;
                if problems.is_empty() {
                    // Defensive: a read that failed always reports why.
                    problems.push(Problem {
                        code: LintCode::Unreadable,
                        line: 1,
                        column: 1,
                        message: said!(words::COULD_NOT_READ, said!(kind.msg())),
                    });
                }
                problems.sort_by_key(|p| (p.line, p.column));
                Err(LoadError {
                    kind,
                    origin: origin.to_string(),
                    problems,
                })
            }
        }
    }
}

/// A table being read: keys are taken one by one; what is left is unknown.
pub(crate) struct Fields<'de> {
    pub table: Table<'de>,
    pub span: Span,
    pub what: Arg,
    /// Every key taken so far, for the unknown-key message.
    pub known: Vec<&'static str>,
    /// Where each taken key's value stood.
    pub at: Vec<(&'static str, Span)>,
}

impl<'de> Fields<'de> {
    pub fn new(cx: &mut Cx, value: &mut Value<'de>, what: impl Into<Arg>) -> Option<Self> {
        let what = what.into();
        let span = value.span;
        match value.take() {
            ValueInner::Table(table) => Some(Fields {
                table,
                span,
                what,
                known: Vec::new(),
                at: Vec::new(),
            }),
            other => {
                cx.push_span(
                    LintCode::WrongType,
                    span,
                    said!(
                        words::MUST_BE_TABLE,
                        what,
                        words::type_name(other.type_str())
                    ),
                );
                None
            }
        }
    }

    pub fn take(&mut self, key: &'static str) -> Option<Value<'de>> {
        self.known.push(key);
        let v = self.table.remove(key)?;
        self.at.push((key, v.span));
        Some(v)
    }

    /// Remember where this entry's keys stood, as `prefix.key`, for phase two.
    pub fn register(&self, cx: &mut Cx, prefix: &str) {
        for (key, span) in &self.at {
            cx.spans.entry(format!("{prefix}.{key}")).or_insert(*span);
        }
    }

    pub fn missing(&self, cx: &mut Cx, key: &str) {
        cx.push_span(
            LintCode::MissingKey,
            self.span,
            said!(words::NEEDS_KEY, self.what.clone(), key),
        );
    }

    /// A required key read with `conv`; reported if missing.
    pub fn req<T>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        conv: impl FnOnce(&mut Cx, Value<'de>, &str) -> Option<T>,
    ) -> Option<T> {
        match self.take(key) {
            Some(v) => conv(cx, v, key),
            None => {
                self.missing(cx, key);
                None
            }
        }
    }

    /// An optional key read with `conv`.
    pub fn opt<T>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        conv: impl FnOnce(&mut Cx, Value<'de>, &str) -> Option<T>,
    ) -> Option<T> {
        self.take(key).and_then(|v| conv(cx, v, key))
    }

    pub fn req_str(&mut self, cx: &mut Cx, key: &'static str) -> Option<String> {
        self.req(cx, key, as_str)
    }

    pub fn opt_str(&mut self, cx: &mut Cx, key: &'static str) -> Option<String> {
        self.opt(cx, key, as_str)
    }

    pub fn str_or_empty(&mut self, cx: &mut Cx, key: &'static str) -> String {
        self.opt_str(cx, key).unwrap_or_default()
    }

    pub fn req_num(&mut self, cx: &mut Cx, key: &'static str) -> Option<f64> {
        self.req(cx, key, as_num)
    }

    pub fn opt_num(&mut self, cx: &mut Cx, key: &'static str) -> Option<f64> {
        self.opt(cx, key, as_num)
    }

    pub fn opt_bool(&mut self, cx: &mut Cx, key: &'static str) -> Option<bool> {
        self.opt(cx, key, as_bool)
    }

    pub fn opt_star(&mut self, cx: &mut Cx, key: &'static str) -> Option<u8> {
        self.opt(cx, key, as_star)
    }

    /// `key = "a" | "b" | …`, mapped through `choices`.
    pub fn req_enum<T: Copy>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        self.req(cx, key, |cx, v, key| enum_value(cx, v, key, choices))
    }

    pub fn opt_enum<T: Copy>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        self.opt(cx, key, |cx, v, key| enum_value(cx, v, key, choices))
    }

    /// Reports every key that was not taken.
    pub fn finish(self, cx: &mut Cx) {
        for (key, _) in self.table {
            cx.push_span(
                LintCode::UnknownKey,
                key.span,
                said!(
                    words::UNKNOWN_KEY,
                    key.name.as_ref(),
                    self.what.clone(),
                    // The keys quoted in Chinese, where they stand among Han words.
                    Arg::each(
                        self.known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join("、"),
                        self.known.join(", ")
                    )
                ),
            );
        }
    }
}

/// A string that is one of `choices`, mapped to its value.
pub(crate) fn enum_value<T: Copy>(
    cx: &mut Cx,
    v: Value<'_>,
    key: &str,
    choices: &[(&str, T)],
) -> Option<T> {
    let span = v.span;
    let s = as_str(cx, v, key)?;
    match choices.iter().find(|(name, _)| *name == s) {
        Some((_, t)) => Some(*t),
        None => {
            let names = choices.iter().map(|(n, _)| format!("\"{n}\""));
            cx.push_span(
                LintCode::BadValue,
                span,
                said!(words::BAD_CHOICE, key, s, Arg::list(names)),
            );
            None
        }
    }
}

pub(crate) fn as_str(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<String> {
    let span = v.span;
    match v.take() {
        ValueInner::String(s) => Some(s.into_owned()),
        other => {
            cx.push_span(
                LintCode::WrongType,
                span,
                said!(
                    words::MUST_BE_STRING,
                    key,
                    words::type_name(other.type_str())
                ),
            );
            None
        }
    }
}

pub(crate) fn as_num(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<f64> {
    let span = v.span;
    match v.take() {
        ValueInner::Float(f) if f.is_finite() => Some(f),
        ValueInner::Integer(i) => Some(i as f64),
        other => {
            cx.push_span(
                LintCode::WrongType,
                span,
                said!(
                    words::MUST_BE_NUMBER,
                    key,
                    words::type_name(match other {
                        ValueInner::Float(_) => "inf or nan",
                        o => o.type_str(),
                    })
                ),
            );
            None
        }
    }
}

pub(crate) fn as_bool(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<bool> {
    let span = v.span;
    match v.take() {
        ValueInner::Boolean(b) => Some(b),
        other => {
            cx.push_span(
                LintCode::WrongType,
                span,
                said!(words::MUST_BE_BOOL, key, words::type_name(other.type_str())),
            );
            None
        }
    }
}

pub(crate) fn as_star(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<u8> {
    let span = v.span;
    match v.take() {
        ValueInner::Integer(i) if (0..=5).contains(&i) => Some(i as u8),
        other => {
            cx.push_span(
                LintCode::BadValue,
                span,
                said!(
                    words::MUST_BE_STARS,
                    key,
                    match other {
                        ValueInner::Integer(i) => Arg::from(i),
                        o => words::type_name(o.type_str()),
                    }
                ),
            );
            None
        }
    }
}

pub(crate) fn array<'de>(cx: &mut Cx, mut v: Value<'de>, key: &str) -> Vec<Value<'de>> {
    let span = v.span;
    match v.take() {
        ValueInner::Array(a) => a,
        other => {
            cx.push_span(
                LintCode::WrongType,
                span,
                said!(
                    words::MUST_BE_ARRAY,
                    key,
                    words::type_name(other.type_str())
                ),
            );
            Vec::new()
        }
    }
}
