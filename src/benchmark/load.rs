//! Loading a benchmark file in two phases, as the standard loader does:
//! parse keeping spans, then read and validate while collecting every problem
//! (each at its line and column) instead of stopping at the first.

use super::{BenchmarkFile, Bound, Catalog, Figure, PlaceKind};
use crate::diag::LintCode;
use crate::tomlread::words::{self, Arg, said};
use crate::tomlread::{Cx, Fields, FileKind, as_bool, as_num, as_str, enum_value};
use toml_span::value::{Value, ValueInner};

pub use crate::tomlread::LoadError;

/// The format version this build reads.
pub const FORMAT: u32 = 1;

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
            cx.push_span(
                LintCode::TomlSyntax,
                e.span,
                said!(words::NOT_TOML, words::syntax_error(&e)),
            );
            None
        }
    };
    cx.into_result(file, FileKind::Benchmark, origin)
}

/// A string that must not be blank.
fn as_text(cx: &mut Cx, v: Value<'_>, key: &str) -> Option<String> {
    let span = v.span;
    let s = as_str(cx, v, key)?;
    if s.trim().is_empty() {
        cx.push_span(LintCode::EmptyValue, span, said!(words::EMPTY, key));
        return None;
    }
    Some(s)
}

fn as_year(cx: &mut Cx, mut v: Value<'_>, key: &str) -> Option<i32> {
    let span = v.span;
    match v.take() {
        ValueInner::Integer(i) if (1990..=2100).contains(&i) => Some(i as i32),
        other => {
            cx.push_span(
                LintCode::BadValue,
                span,
                said!(
                    words::YEAR,
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
            cx.push_span(
                LintCode::WrongType,
                span,
                said!(words::TEXTS, key, words::type_name(other.type_str())),
            );
            return None;
        }
    };
    if out.is_empty() || out.iter().any(|s| s.trim().is_empty()) {
        cx.push_span(LintCode::EmptyValue, span, said!(words::EMPTY, key));
        return None;
    }
    Some(out)
}

fn as_kind(cx: &mut Cx, v: Value<'_>, key: &str) -> Option<PlaceKind> {
    enum_value(
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
    enum_value(
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
    let mut top = Fields::new(cx, root, said!(words::WHAT_FILE))?;
    let format = top.req(cx, "format", as_num);
    if let Some(f) = format
        && f != f64::from(FORMAT)
    {
        cx.push_span(
            LintCode::BadValue,
            top.span,
            said!(words::BENCHMARK_FORMAT, f, FORMAT),
        );
    }
    let head = top.req(cx, "benchmark", |cx, mut v, _| read_head(cx, &mut v));
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
                    cx.push_span(
                        LintCode::WrongType,
                        span,
                        said!(words::FIGURES, words::type_name(other.type_str())),
                    );
                    figures = None;
                }
            }
        }
        None => top.missing(cx, "figure"),
    }
    top.finish(cx);
    let (name, kind, name_zh, name_en, (note, note_zh)) = head?;
    Some(BenchmarkFile {
        name,
        kind,
        name_zh,
        name_en,
        note,
        note_zh,
        origin: origin.to_string(),
        figures: figures?,
    })
}

type Head = (String, PlaceKind, String, String, (String, String));

fn read_head(cx: &mut Cx, v: &mut Value<'_>) -> Option<Head> {
    let mut f = Fields::new(cx, v, "[benchmark]")?;
    let name_span = f.table.get("name").map(|v| v.span);
    let name = f.req(cx, "name", as_text);
    if let (Some(n), Some(sp)) = (&name, name_span)
        && !n
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        cx.push_span(
            LintCode::BadValue,
            sp,
            said!(words::LOWERCASE_NAME, "name", n),
        );
    }
    let kind = f.req(cx, "kind", as_kind);
    let name_zh = f.req(cx, "name_zh", as_text);
    let name_en = f.req(cx, "name_en", as_text);
    let note = f.opt(cx, "note", as_str).unwrap_or_default();
    let note_zh = f.opt(cx, "note_zh", as_str).unwrap_or_default();
    f.finish(cx);
    Some((name?, kind?, name_zh?, name_en?, (note, note_zh)))
}

fn read_figure(
    cx: &mut Cx,
    v: &mut Value<'_>,
    i: usize,
    catalog: Option<&Catalog>,
) -> Option<Figure> {
    let mut f = Fields::new(cx, v, said!(words::WHAT_NTH, "[[figure]]", i + 1))?;
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
    let definition_zh = f.opt(cx, "definition_zh", as_text);
    let source = f.req(cx, "source", as_texts);
    let derived_span = span_of(&f, "derived");
    let derived = f.opt(cx, "derived", as_bool).unwrap_or(false);
    let inputs_span = span_of(&f, "inputs");
    let inputs = f.opt(cx, "inputs", as_texts);
    let inputs_zh_span = span_of(&f, "inputs_zh");
    let inputs_zh = f.opt(cx, "inputs_zh", as_texts);
    let comparable_span = span_of(&f, "comparable");
    let comparable = f.opt(cx, "comparable", as_bool);
    let why = f.opt(cx, "why", as_text);
    let why_zh_span = span_of(&f, "why_zh");
    let why_zh = f.opt(cx, "why_zh", as_text);
    f.finish(cx);

    // Cross-field rules.
    if derived && inputs.is_none() {
        cx.push_span(
            LintCode::DerivedWithoutInputs,
            derived_span,
            said!(words::DERIVED_INPUTS),
        );
    }
    if !derived && inputs.is_some() {
        cx.push_span(
            LintCode::InputsWithoutDerived,
            inputs_span,
            said!(words::INPUTS_DERIVED),
        );
    }
    if let Some(zh) = &inputs_zh
        && inputs.as_ref().map(Vec::len) != Some(zh.len())
    {
        cx.push_span(
            LintCode::BadValue,
            inputs_zh_span,
            said!(
                words::INPUTS_ZH,
                zh.len(),
                inputs.as_ref().map_or(0, Vec::len)
            ),
        );
    }
    let comparable = match (&indicator, comparable) {
        (Some(_), None) => {
            cx.push_span(
                LintCode::MissingKey,
                at,
                said!(words::FIGURE_COMPARABLE, i + 1),
            );
            false
        }
        (None, Some(true)) => {
            cx.push_span(
                LintCode::ComparableWithoutIndicator,
                comparable_span,
                said!(words::COMPARABLE_INDICATOR),
            );
            false
        }
        (_, c) => c.unwrap_or(false),
    };
    if indicator.is_some() && !comparable && why.is_none() {
        cx.push_span(
            LintCode::MissingWhy,
            comparable_span,
            said!(words::COMPARABLE_WHY),
        );
    }
    if why_zh.is_some() && why.is_none() {
        cx.push_span(LintCode::MissingWhy, why_zh_span, said!(words::WHY_ENGLISH));
    }
    if let (Some(cat), Some(code)) = (catalog, &indicator) {
        match cat.unit(code) {
            None => cx.push_span(
                LintCode::UnknownIndicator,
                indicator_span,
                said!(
                    words::NO_SUCH_INDICATOR,
                    code,
                    cat.origin.clone(),
                    Arg::list(cat.codes())
                ),
            ),
            Some(u) => {
                if let Some(unit) = &unit
                    && unit != u
                {
                    cx.push_span(
                        LintCode::UnitMismatch,
                        unit_span,
                        said!(words::UNIT_DIFFERS, unit, code, u),
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
        definition_zh,
        source: source?,
        derived,
        inputs: inputs.unwrap_or_default(),
        inputs_zh: inputs_zh.unwrap_or_default(),
        comparable,
        why,
        why_zh,
    })
}
