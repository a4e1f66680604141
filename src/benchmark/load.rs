//! Loading a benchmark file in two phases, as the standard loader does:
//! parse keeping spans, then read and validate while collecting every problem
//! (each at its line and column) instead of stopping at the first.

use super::{BenchmarkFile, Bound, Catalog, Figure, PlaceKind};
use crate::standard::Problem;
use std::fmt;
use toml_span::Span;
use toml_span::value::{Value, ValueInner};

/// The format version this build reads.
pub const FORMAT: u32 = 1;

/// Why a benchmark file could not be loaded: every problem found.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} problem(s) in the benchmark file",
            self.origin,
            self.problems.len()
        )?;
        for p in &self.problems {
            writeln!(
                f,
                "{}:{}:{}: [{}] {}",
                self.origin, p.line, p.column, p.code, p.message
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Load and validate a benchmark file from TOML text. `origin` names it in
/// messages. With a `catalog`, every `indicator` code must be one of its codes
/// and the figure's unit must be that indicator's unit.
pub fn load_str(
    text: &str,
    origin: &str,
    catalog: Option<&Catalog>,
) -> Result<BenchmarkFile, LoadError> {
    let mut cx = Cx::new(text);
    let file = match toml_span::parse(text) {
        Ok(mut root) => read_file(&mut cx, &mut root, origin, catalog),
        Err(e) => {
            cx.push("toml-syntax", e.span, format!("not valid TOML: {e}"));
            None
        }
    };
    match file {
        Some(f) if cx.problems.is_empty() => Ok(f),
        _ => {
            let mut problems = cx.problems;
            if problems.is_empty() {
                // Defensive: a read that failed always reports why.
                problems.push(Problem {
                    code: "unreadable",
                    line: 1,
                    column: 1,
                    message: "the benchmark file could not be read".into(),
                });
            }
            problems.sort_by_key(|p| (p.line, p.column));
            Err(LoadError {
                origin: origin.to_string(),
                problems,
            })
        }
    }
}

/// Collects problems and turns byte offsets into line:column.
struct Cx<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    problems: Vec<Problem>,
}

impl<'t> Cx<'t> {
    fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Cx {
            text,
            line_starts,
            problems: Vec::new(),
        }
    }

    fn push(&mut self, code: &'static str, span: Span, message: String) {
        let line = self
            .line_starts
            .partition_point(|&s| s <= span.start)
            .max(1);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..span.start.min(self.text.len()))
            .map_or(1, |s| s.chars().count() + 1);
        self.problems.push(Problem {
            code,
            line,
            column,
            message,
        });
    }
}

/// A table being read: keys are taken one by one; what is left is unknown.
struct Fields<'de> {
    table: toml_span::value::Table<'de>,
    span: Span,
    what: String,
    known: Vec<&'static str>,
}

impl<'de> Fields<'de> {
    fn new(cx: &mut Cx, value: &mut Value<'de>, what: String) -> Option<Self> {
        let span = value.span;
        match value.take() {
            ValueInner::Table(table) => Some(Fields {
                table,
                span,
                what,
                known: Vec::new(),
            }),
            other => {
                cx.push(
                    "wrong-type",
                    span,
                    format!("{what} must be a table, found {}", other.type_str()),
                );
                None
            }
        }
    }

    fn take(&mut self, key: &'static str) -> Option<Value<'de>> {
        self.known.push(key);
        self.table.remove(key)
    }

    fn missing(&self, cx: &mut Cx, key: &str) {
        cx.push(
            "missing-key",
            self.span,
            format!("{} needs `{key}`", self.what),
        );
    }

    fn req<T>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        conv: fn(&mut Cx, Value<'_>, &str) -> Option<T>,
    ) -> Option<T> {
        match self.take(key) {
            Some(v) => conv(cx, v, key),
            None => {
                self.missing(cx, key);
                None
            }
        }
    }

    fn opt<T>(
        &mut self,
        cx: &mut Cx,
        key: &'static str,
        conv: fn(&mut Cx, Value<'_>, &str) -> Option<T>,
    ) -> Option<T> {
        self.take(key).and_then(|v| conv(cx, v, key))
    }

    /// Reports every key that was not taken.
    fn finish(self, cx: &mut Cx) {
        for (key, _) in self.table {
            cx.push(
                "unknown-key",
                key.span,
                format!(
                    "unknown key `{}` in {}; expected one of: {}",
                    key.name,
                    self.what,
                    self.known.join(", ")
                ),
            );
        }
    }
}

fn as_str(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<String> {
    let span = v.span;
    match v.take() {
        ValueInner::String(s) => Some(s.into_owned()),
        other => {
            cx.push(
                "wrong-type",
                span,
                format!("`{key}` must be a string, found {}", other.type_str()),
            );
            None
        }
    }
}

/// A string that must not be blank.
fn as_text(cx: &mut Cx, v: Value<'_>, key: &str) -> Option<String> {
    let span = v.span;
    let s = as_str(cx, v, key)?;
    if s.trim().is_empty() {
        cx.push("empty-value", span, format!("`{key}` is empty"));
        return None;
    }
    Some(s)
}

fn as_num(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<f64> {
    let span = v.span;
    match v.take() {
        ValueInner::Float(f) if f.is_finite() => Some(f),
        ValueInner::Integer(i) => Some(i as f64),
        other => {
            cx.push(
                "wrong-type",
                span,
                format!(
                    "`{key}` must be a finite number, found {}",
                    match other {
                        ValueInner::Float(_) => "inf or nan",
                        o => o.type_str(),
                    }
                ),
            );
            None
        }
    }
}

fn as_bool(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<bool> {
    let span = v.span;
    match v.take() {
        ValueInner::Boolean(b) => Some(b),
        other => {
            cx.push(
                "wrong-type",
                span,
                format!("`{key}` must be true or false, found {}", other.type_str()),
            );
            None
        }
    }
}

fn as_year(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<i32> {
    let span = v.span;
    match v.take() {
        ValueInner::Integer(i) if (1990..=2100).contains(&i) => Some(i as i32),
        other => {
            cx.push(
                "bad-value",
                span,
                format!(
                    "`{key}` must be a year such as 2023, found {}",
                    match other {
                        ValueInner::Integer(i) => i.to_string(),
                        o => o.type_str().to_string(),
                    }
                ),
            );
            None
        }
    }
}

/// A string, or an array of strings (each non-blank); at least one.
fn as_texts(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<Vec<String>> {
    let span = v.span;
    let out: Vec<String> = match v.take() {
        ValueInner::String(s) => vec![s.into_owned()],
        ValueInner::Array(items) => {
            let n = items.len();
            let out: Vec<String> = items
                .into_iter()
                .filter_map(|i| as_text(cx, i, key))
                .collect();
            if out.len() != n {
                return None;
            }
            out
        }
        other => {
            cx.push(
                "wrong-type",
                span,
                format!(
                    "`{key}` must be a string or an array of strings, found {}",
                    other.type_str()
                ),
            );
            return None;
        }
    };
    if out.is_empty() || out.iter().any(|s| s.trim().is_empty()) {
        cx.push("empty-value", span, format!("`{key}` is empty"));
        return None;
    }
    Some(out)
}

fn as_enum<T: Copy>(
    cx: &mut Cx,
    v: Value<'_>,
    key: &str,
    choices: &[(&'static str, T)],
) -> Option<T> {
    let span = v.span;
    let s = as_str(cx, v, key)?;
    match choices.iter().find(|(name, _)| *name == s) {
        Some((_, t)) => Some(*t),
        None => {
            let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            cx.push(
                "bad-value",
                span,
                format!("`{key}` is \"{s}\"; use one of {}", names.join(", ")),
            );
            None
        }
    }
}

fn as_kind(cx: &mut Cx, v: Value<'_>, key: &str) -> Option<PlaceKind> {
    as_enum(
        cx,
        v,
        key,
        &[
            ("province", PlaceKind::Province),
            ("municipality", PlaceKind::Municipality),
            ("city", PlaceKind::City),
            ("county", PlaceKind::County),
            ("community", PlaceKind::Community),
        ],
    )
}

fn as_bound(cx: &mut Cx, v: Value<'_>, key: &str) -> Option<Bound> {
    as_enum(
        cx,
        v,
        key,
        &[("above", Bound::Above), ("below", Bound::Below)],
    )
}

fn read_file(
    cx: &mut Cx,
    root: &mut Value<'_>,
    origin: &str,
    catalog: Option<&Catalog>,
) -> Option<BenchmarkFile> {
    let mut top = Fields::new(cx, root, "the file".into())?;
    let format = top.req(cx, "format", as_num);
    if let Some(f) = format
        && f != f64::from(FORMAT)
    {
        cx.push(
            "bad-value",
            top.span,
            format!("`format = {f}`: this citystar reads benchmark format {FORMAT}"),
        );
    }
    let head = match top.take("benchmark") {
        Some(mut v) => read_head(cx, &mut v),
        None => {
            top.missing(cx, "benchmark");
            None
        }
    };
    let mut figures = Some(Vec::new());
    match top.take("figure") {
        Some(mut v) => {
            let span = v.span;
            match v.take() {
                ValueInner::Array(items) => {
                    for (i, mut item) in items.into_iter().enumerate() {
                        match read_figure(cx, &mut item, i, catalog) {
                            Some(f) => {
                                if let Some(all) = figures.as_mut() {
                                    all.push(f);
                                }
                            }
                            None => figures = None,
                        }
                    }
                }
                other => {
                    cx.push(
                        "wrong-type",
                        span,
                        format!(
                            "`figure` must be an array of tables ([[figure]]), found {}",
                            other.type_str()
                        ),
                    );
                    figures = None;
                }
            }
        }
        None => top.missing(cx, "figure"),
    }
    top.finish(cx);
    let (name, kind, name_zh, name_en, note) = head?;
    Some(BenchmarkFile {
        name,
        kind,
        name_zh,
        name_en,
        note,
        origin: origin.to_string(),
        figures: figures?,
    })
}

type Head = (String, PlaceKind, String, String, String);

fn read_head(cx: &mut Cx, v: &mut Value<'_>) -> Option<Head> {
    let mut f = Fields::new(cx, v, "[benchmark]".into())?;
    let name_span = f.table.get("name").map(|v| v.span);
    let name = f.req(cx, "name", as_text);
    if let (Some(n), Some(sp)) = (&name, name_span)
        && !n
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        cx.push(
            "bad-value",
            sp,
            format!(
                "`name = \"{n}\"`: use lowercase ASCII letters, digits and '-' (it is typed on command lines)"
            ),
        );
    }
    let kind = f.req(cx, "kind", as_kind);
    let name_zh = f.req(cx, "name_zh", as_text);
    let name_en = f.req(cx, "name_en", as_text);
    let note = f.opt(cx, "note", as_str).unwrap_or_default();
    f.finish(cx);
    Some((name?, kind?, name_zh?, name_en?, note))
}

fn read_figure(
    cx: &mut Cx,
    v: &mut Value<'_>,
    i: usize,
    catalog: Option<&Catalog>,
) -> Option<Figure> {
    let mut f = Fields::new(cx, v, format!("[[figure]] #{}", i + 1))?;
    let at = f.span;
    let span_of = |f: &Fields<'_>, key: &str| f.table.get(key).map_or(at, |v| v.span);

    let indicator_span = span_of(&f, "indicator");
    let indicator = f.opt(cx, "indicator", as_text);
    let metric_zh = f.req(cx, "metric_zh", as_text);
    let metric_en = f.req(cx, "metric_en", as_text);
    let value = f.req(cx, "value", as_num);
    let bound = f.opt(cx, "bound", as_bound);
    let unit_span = span_of(&f, "unit");
    let unit = f.req(cx, "unit", as_text);
    let year = f.req(cx, "year", as_year);
    let date = f.opt(cx, "date", as_text);
    let entity = f.opt(cx, "entity", as_text);
    let definition = f.req(cx, "definition", as_text);
    let source = f.req(cx, "source", as_texts);
    let derived_span = span_of(&f, "derived");
    let derived = f.opt(cx, "derived", as_bool).unwrap_or(false);
    let inputs_span = span_of(&f, "inputs");
    let inputs = f.opt(cx, "inputs", as_texts);
    let comparable_span = span_of(&f, "comparable");
    let comparable = f.opt(cx, "comparable", as_bool);
    let why = f.opt(cx, "why", as_text);
    f.finish(cx);

    // Cross-field rules.
    if derived && inputs.is_none() {
        cx.push(
            "derived-without-inputs",
            derived_span,
            "a derived figure lists its `inputs` (the sourced numbers it is computed from)".into(),
        );
    }
    if !derived && inputs.is_some() {
        cx.push(
            "inputs-without-derived",
            inputs_span,
            "`inputs` belong to a derived figure; add `derived = true` or remove them".into(),
        );
    }
    let comparable = match (&indicator, comparable) {
        (Some(_), None) => {
            cx.push(
                "missing-key",
                at,
                format!(
                    "[[figure]] #{} names an indicator, so it needs `comparable = true` or `comparable = false` with `why`",
                    i + 1
                ),
            );
            false
        }
        (None, Some(true)) => {
            cx.push(
                "comparable-without-indicator",
                comparable_span,
                "`comparable = true` needs the `indicator` the figure is compared with".into(),
            );
            false
        }
        (_, c) => c.unwrap_or(false),
    };
    if indicator.is_some() && !comparable && why.is_none() {
        cx.push(
            "missing-why",
            comparable_span,
            "a figure with `comparable = false` says `why` (how its definition differs)".into(),
        );
    }
    if let (Some(cat), Some(code)) = (catalog, &indicator) {
        match cat.unit(code) {
            None => cx.push(
                "unknown-indicator",
                indicator_span,
                format!(
                    "no indicator `{code}` in {}; known codes: {}",
                    cat.origin,
                    cat.codes().collect::<Vec<_>>().join(", ")
                ),
            ),
            Some(u) => {
                if let Some(unit) = &unit
                    && unit != u
                {
                    cx.push(
                        "unit-mismatch",
                        unit_span,
                        format!("unit \"{unit}\" differs from {code}'s unit \"{u}\""),
                    );
                }
            }
        }
    }

    Some(Figure {
        indicator,
        metric_zh: metric_zh?,
        metric_en: metric_en?,
        value: value?,
        bound,
        unit: unit?,
        year: year?,
        date,
        entity,
        definition: definition?,
        source: source?,
        derived,
        inputs: inputs.unwrap_or_default(),
        comparable,
        why,
    })
}
