//! Loading a standard file in two phases, as cargo-deny loads its config:
//! `parse` turns TOML into raw values keeping every span, then the typed
//! reading and `validate` collect every problem instead of stopping at the first.

use super::*;
use crate::diag::LintCode;
use crate::tomlread::words::{self, Arg, said};
use crate::tomlread::{Cx, Fields, FileKind, array, as_num, as_star, as_str};
use std::borrow::Cow;
use std::collections::HashSet;
use toml_span::Span;
use toml_span::value::{Value, ValueInner};

pub use crate::tomlread::{LoadError, Message, Problem};

/// The format version this build reads and writes.
pub const FORMAT: u32 = 1;

/// Load and validate a standard from TOML text. `origin` names it in messages.
pub fn load_str(text: &str, origin: &str) -> Result<Standard, LoadError> {
    let mut cx = Cx::new(text);
    let standard = match toml_span::parse(text) {
        Ok(mut root) => read_standard(&mut cx, &mut root),
        Err(e) => {
            cx.push_span(
                LintCode::TomlSyntax,
                e.span,
                said!(words::NOT_TOML, words::syntax_error(&e)),
            );
            None
        }
    };
    if let Some(s) = &standard {
        validate(&mut cx, s);
    }
    cx.into_result(standard, FileKind::Standard, origin)
}

fn read_standard(cx: &mut Cx, root: &mut Value<'_>) -> Option<Standard> {
    let mut top = Fields::new(cx, root, said!(words::WHAT_FILE))?;
    let format = top.req_num(cx, "format");
    if let Some(f) = format
        && f != FORMAT as f64
    {
        cx.push_span(
            LintCode::BadValue,
            top.span,
            said!(words::FORMAT_VERSION, f, FORMAT),
        );
    }
    let identity = top.req(cx, "standard", |cx, mut v, _| read_identity(cx, &mut v));
    let scoring = top.req(cx, "scoring", |cx, mut v, _| read_scoring(cx, &mut v));
    let dimensions = read_list(cx, &mut top, "dimension", read_dimension);
    let indicators = read_list(cx, &mut top, "indicator", read_indicator);
    let rating = read_list(cx, &mut top, "rating", read_rule);
    top.finish(cx);
    Some(Standard {
        format: FORMAT,
        standard: identity?,
        scoring: scoring?,
        dimension: dimensions?,
        indicator: indicators?,
        rating: rating?,
    })
}

/// Reads `[[key]]`; `None` if any element failed to read.
fn read_list<'de, T>(
    cx: &mut Cx,
    top: &mut Fields<'de>,
    key: &'static str,
    read: fn(&mut Cx, &mut Value<'de>, usize) -> Option<T>,
) -> Option<Vec<T>> {
    let Some(v) = top.take(key) else {
        top.missing(cx, key);
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (i, mut item) in array(cx, v, key).into_iter().enumerate() {
        match read(cx, &mut item, i) {
            Some(t) => out.push(t),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_identity(cx: &mut Cx, v: &mut Value<'_>) -> Option<Identity> {
    let mut f = Fields::new(cx, v, "[standard]")?;
    let id = f.req_str(cx, "id");
    let code = f.req_str(cx, "code");
    let edition = f.req_str(cx, "edition");
    let edition_en = f.str_or_empty(cx, "edition_en");
    let level = f.req_enum(
        cx,
        "level",
        &[
            ("city", Level::City),
            ("county", Level::County),
            ("community", Level::Community),
        ],
    );
    let title_zh = f.req_str(cx, "title_zh");
    let title_en = f.req_str(cx, "title_en");
    let issuer = f.str_or_empty(cx, "issuer");
    let source = f.req_str(cx, "source");
    let note = f.str_or_empty(cx, "note");
    let note_en = f.str_or_empty(cx, "note_en");
    f.finish(cx);
    Some(Identity {
        id: id?,
        code: code?,
        edition: edition?,
        edition_en,
        level: level?,
        title_zh: title_zh?,
        title_en: title_en?,
        issuer,
        source: source?,
        note,
        note_en,
    })
}

fn read_scoring(cx: &mut Cx, v: &mut Value<'_>) -> Option<Scoring> {
    let mut f = Fields::new(cx, v, "[scoring]")?;
    let method = f.req_enum(
        cx,
        "method",
        &[
            ("stars", ScoringMethod::Stars),
            ("goalposts", ScoringMethod::Goalposts),
        ],
    );
    let missing = f.req_enum(
        cx,
        "missing",
        &[
            ("zero", MissingPolicy::Zero),
            ("exclude", MissingPolicy::Exclude),
        ],
    );
    let bonus_cap = f.opt_num(cx, "bonus_cap").unwrap_or(0.0);
    let deduction_cap = f.opt_num(cx, "deduction_cap").unwrap_or(0.0);
    let provisional = f.opt_bool(cx, "provisional").unwrap_or(false);
    let basis = f.str_or_empty(cx, "basis");
    cx.spans.insert("scoring".into(), f.span);
    f.register(cx, "scoring");
    f.finish(cx);
    Some(Scoring {
        method: method?,
        missing: missing?,
        bonus_cap,
        deduction_cap,
        provisional,
        basis,
    })
}

fn read_dimension(cx: &mut Cx, v: &mut Value<'_>, i: usize) -> Option<Dimension> {
    let span = v.span;
    let mut f = Fields::new(cx, v, said!(words::WHAT_NTH, "[[dimension]]", i + 1))?;
    let code = f.req_str(cx, "code");
    if let Some(c) = &code {
        f.what = said!(words::WHAT_DIMENSION, c).into();
        cx.spans.entry(format!("dimension#{i}")).or_insert(span);
    }
    let name_zh = f.req_str(cx, "name_zh");
    let name_en = f.req_str(cx, "name_en");
    let role = f
        .opt_enum(
            cx,
            "role",
            &[
                ("scored", DimensionRole::Scored),
                ("bonus", DimensionRole::Bonus),
            ],
        )
        .unwrap_or(DimensionRole::Scored);
    let weight = f.opt_num(cx, "weight");
    let provisional = f.opt_bool(cx, "provisional").unwrap_or(false);
    let basis = f.str_or_empty(cx, "basis");
    if code.is_some() {
        f.register(cx, &format!("dimension#{i}"));
    }
    f.finish(cx);
    Some(Dimension {
        code: code?,
        name_zh: name_zh?,
        name_en: name_en?,
        role,
        weight,
        provisional,
        basis,
    })
}

fn read_label(cx: &mut Cx, f: &mut Fields<'_>, key: &'static str) -> Option<InputLabel> {
    let Some(mut v) = f.take(key) else {
        f.missing(cx, key);
        return None;
    };
    let mut t = Fields::new(cx, &mut v, format!("`{key}`"))?;
    let zh = t.req_str(cx, "zh");
    let en = t.req_str(cx, "en");
    let unit = t.str_or_empty(cx, "unit");
    t.finish(cx);
    Some(InputLabel {
        zh: zh?,
        en: en?,
        unit,
    })
}

fn read_kind(cx: &mut Cx, f: &mut Fields<'_>, name: (&str, &str), unit: &str) -> Option<Kind> {
    let kind = f.req_str(cx, "kind")?;
    let default_input = |f: &mut Fields<'_>, cx: &mut Cx| -> Option<InputLabel> {
        if f.table.contains_key("input") {
            read_label(cx, f, "input")
        } else {
            f.known.push("input");
            Some(InputLabel {
                zh: name.0.to_string(),
                en: name.1.to_string(),
                unit: unit.to_string(),
            })
        }
    };
    Some(match kind.as_str() {
        "ratio" => {
            let numerator = read_label(cx, f, "numerator");
            let denominator = read_label(cx, f, "denominator");
            Kind::Ratio {
                numerator: numerator?,
                denominator: denominator?,
            }
        }
        "per-population" => {
            let count = read_label(cx, f, "count");
            let per = f.opt_num(cx, "per").unwrap_or(10_000.0);
            Kind::PerPopulation { count: count?, per }
        }
        "percent" => Kind::Percent {
            input: default_input(f, cx)?,
        },
        "number" => Kind::Number {
            input: default_input(f, cx)?,
        },
        "survey" => Kind::Survey {
            input: default_input(f, cx)?,
        },
        "yes-no" => {
            let yes = f.opt_star(cx, "yes_stars");
            let no = f.opt_star(cx, "no_stars");
            Kind::YesNo {
                yes_stars: yes.unwrap_or(5),
                no_stars: no.unwrap_or(0),
            }
        }
        "grade" => {
            let Some(v) = f.take("options") else {
                f.missing(cx, "options");
                return None;
            };
            let mut options = Vec::new();
            let mut ok = true;
            for (i, mut o) in array(cx, v, "options").into_iter().enumerate() {
                let Some(mut t) = Fields::new(cx, &mut o, said!(words::WHAT_OPTION, i + 1)) else {
                    ok = false;
                    continue;
                };
                let zh = t.req_str(cx, "zh");
                let en = t.req_str(cx, "en");
                let stars = match t.take("stars") {
                    Some(v) => as_star(cx, v, "stars"),
                    None => {
                        t.missing(cx, "stars");
                        None
                    }
                };
                t.finish(cx);
                match (zh, en, stars) {
                    (Some(zh), Some(en), Some(stars)) => {
                        options.push(GradeOption { zh, en, stars })
                    }
                    _ => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Kind::Grade { options }
        }
        "all-of" => {
            let Some(v) = f.take("conditions") else {
                f.missing(cx, "conditions");
                return None;
            };
            let mut conditions = Vec::new();
            let mut ok = true;
            for (i, mut c) in array(cx, v, "conditions").into_iter().enumerate() {
                let Some(mut t) = Fields::new(cx, &mut c, said!(words::WHAT_CONDITION, i + 1))
                else {
                    ok = false;
                    continue;
                };
                let zh = t.req_str(cx, "zh");
                let en = t.req_str(cx, "en");
                let unit = t.str_or_empty(cx, "unit");
                let stars = read_ladder(cx, &mut t);
                t.finish(cx);
                match (zh, en, stars) {
                    (Some(zh), Some(en), Some(stars)) => conditions.push(SubCondition {
                        zh,
                        en,
                        unit,
                        stars,
                    }),
                    _ => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Kind::AllOf { conditions }
        }
        other => {
            // The kind's own keys are not "unknown": the kind is.
            for key in [
                "numerator",
                "denominator",
                "count",
                "per",
                "input",
                "yes_stars",
                "no_stars",
                "options",
                "conditions",
            ] {
                f.take(key);
            }
            let span =
                f.at.iter()
                    .find(|(k, _)| *k == "kind")
                    .map_or(f.span, |(_, s)| *s);
            cx.push_span(
                LintCode::BadValue,
                span,
                said!(
                    words::UNKNOWN_KIND,
                    other,
                    f.what.clone(),
                    Arg::list(
                        [
                            "ratio",
                            "per-population",
                            "percent",
                            "number",
                            "yes-no",
                            "grade",
                            "survey",
                            "all-of"
                        ]
                        .map(|k| format!("\"{k}\""))
                    )
                ),
            );
            return None;
        }
    })
}

fn read_indicator(cx: &mut Cx, v: &mut Value<'_>, i: usize) -> Option<Indicator> {
    let span = v.span;
    let mut f = Fields::new(cx, v, said!(words::WHAT_NTH, "[[indicator]]", i + 1))?;
    let code = f.req_str(cx, "code");
    if let Some(c) = &code {
        f.what = said!(words::WHAT_INDICATOR, c).into();
        cx.spans.entry(format!("indicator#{i}")).or_insert(span);
    }
    let dimension = f.req_str(cx, "dimension");
    let name_zh = f.req_str(cx, "name_zh");
    let name_en = f.req_str(cx, "name_en");
    let unit = f.str_or_empty(cx, "unit");
    let kind = match (&name_zh, &name_en) {
        (Some(zh), Some(en)) => read_kind(cx, &mut f, (zh, en), &unit),
        _ => None,
    };
    let direction = f
        .opt_enum(
            cx,
            "direction",
            &[("higher", Direction::Higher), ("lower", Direction::Lower)],
        )
        .unwrap_or(Direction::Higher);
    let role = f
        .opt_enum(
            cx,
            "role",
            &[
                ("scored", Role::Scored),
                ("mandatory", Role::Mandatory),
                ("bonus", Role::Bonus),
                ("deduction", Role::Deduction),
            ],
        )
        .unwrap_or(Role::Scored);
    let weight = f.opt_num(cx, "weight");
    let points = f.opt_num(cx, "points");
    let stars = if f.table.contains_key("pass") || f.table.contains_key("stars") {
        read_ladder(cx, &mut f)
    } else {
        None
    };
    let floor = f.opt_num(cx, "floor");
    let requirement_zh = f.str_or_empty(cx, "requirement_zh");
    let requirement_en = f.str_or_empty(cx, "requirement_en");
    let evidence_zh = f.str_or_empty(cx, "evidence_zh");
    let evidence_en = f.str_or_empty(cx, "evidence_en");
    let evidence_required = f.opt_bool(cx, "evidence_required").unwrap_or(false);
    let source = f.req_str(cx, "source");
    let provisional = f.opt_bool(cx, "provisional").unwrap_or(false);
    let basis = f.str_or_empty(cx, "basis");
    if code.is_some() {
        f.register(cx, &format!("indicator#{i}"));
    }
    f.finish(cx);
    Some(Indicator {
        code: code?,
        dimension: dimension?,
        name_zh: name_zh?,
        name_en: name_en?,
        kind: kind?,
        unit,
        direction,
        role,
        weight,
        points,
        stars,
        floor,
        requirement_zh,
        requirement_en,
        evidence_zh,
        evidence_en,
        evidence_required,
        source: source?,
        provisional,
        basis,
    })
}

/// `stars = [1★ … 5★]`, or `pass = v` (a pass/fail line: met → 5★, all five
/// requirements equal). Both given is a `bad-value`.
fn read_ladder(cx: &mut Cx, f: &mut Fields<'_>) -> Option<[f64; 5]> {
    let pass = f.take("pass");
    let stars = f.take("stars");
    match (pass, stars) {
        (Some(p), Some(_)) => {
            cx.push_span(
                LintCode::BadValue,
                p.span,
                said!(words::PASS_AND_STARS, f.what.clone()),
            );
            None
        }
        (Some(v), None) => as_num(cx, v, "pass").map(|x| [x; 5]),
        (None, Some(v)) => {
            let sp = v.span;
            let nums: Vec<Option<f64>> = array(cx, v, "stars")
                .into_iter()
                .map(|x| as_num(cx, x, "stars"))
                .collect();
            if nums.len() != 5 {
                cx.push_span(LintCode::BadValue, sp, said!(words::FIVE_STARS, nums.len()));
                return None;
            }
            let nums: Option<Vec<f64>> = nums.into_iter().collect();
            nums.map(|n| [n[0], n[1], n[2], n[3], n[4]])
        }
        (None, None) => {
            f.missing(cx, "stars");
            None
        }
    }
}

fn read_code_map<T>(
    cx: &mut Cx,
    f: &mut Fields<'_>,
    key: &'static str,
    conv: fn(&mut Cx, Value<'_>, &str) -> Option<T>,
) -> IndexMap<String, T> {
    let mut out = IndexMap::new();
    let Some(mut v) = f.take(key) else {
        return out;
    };
    let span = v.span;
    match v.take() {
        ValueInner::Table(t) => {
            // Keep the file's order: the table is sorted by name, spans give order.
            let mut entries: Vec<_> = t.into_iter().collect();
            entries.sort_by_key(|(k, _)| k.span.start);
            for (k, val) in entries {
                cx.spans
                    .entry(format!("ref:{key}:{}", k.name))
                    .or_insert(k.span);
                if let Some(x) = conv(cx, val, key) {
                    out.insert(k.name.into_owned(), x);
                }
            }
        }
        other => cx.push_span(
            LintCode::WrongType,
            span,
            said!(words::CODE_MAP, key, words::type_name(other.type_str())),
        ),
    }
    out
}

fn read_rule(cx: &mut Cx, v: &mut Value<'_>, i: usize) -> Option<StarRule> {
    let span = v.span;
    let mut f = Fields::new(cx, v, said!(words::WHAT_NTH, "[[rating]]", i + 1))?;
    let stars = match f.take("stars") {
        Some(v) => as_star(cx, v, "stars"),
        None => {
            f.missing(cx, "stars");
            None
        }
    };
    if let Some(s) = stars {
        f.what = said!(words::WHAT_RULE, s).into();
        cx.spans.entry(format!("rule:{s}")).or_insert(span);
    }
    let name_zh = f.req_str(cx, "name_zh");
    let name_en = f.req_str(cx, "name_en");
    let min_total = f.req_num(cx, "min_total");
    let min_dimension = f.opt_num(cx, "min_dimension");
    let min_dimension_for = read_code_map(cx, &mut f, "min_dimension_for", as_num);
    let mandatory_min_stars = f.opt_star(cx, "mandatory_min_stars");
    let min_stars = read_code_map(cx, &mut f, "min_stars", as_star);
    let veto = f
        .take("veto")
        .map(|v| {
            array(cx, v, "veto")
                .into_iter()
                .filter_map(|x| {
                    let sp = x.span;
                    let s = as_str(cx, x, "veto")?;
                    cx.spans.entry(format!("ref:veto:{s}")).or_insert(sp);
                    Some(s)
                })
                .collect()
        })
        .unwrap_or_default();
    let max_missing = f.take("max_missing").and_then(|v| {
        let sp = v.span;
        let n = as_num(cx, v, "max_missing")?;
        if n < 0.0 || n.fract() != 0.0 {
            cx.push_span(LintCode::BadValue, sp, said!(words::MAX_MISSING, n));
            return None;
        }
        Some(n as u32)
    });
    let tier = f
        .take("tier")
        .map(|v| {
            array(cx, v, "tier")
                .into_iter()
                .enumerate()
                .filter_map(|(j, mut t)| {
                    let mut tf = Fields::new(cx, &mut t, said!(words::WHAT_TIER, j + 1))?;
                    let name_zh = tf.req_str(cx, "name_zh");
                    let name_en = tf.req_str(cx, "name_en");
                    let min_total = tf.req_num(cx, "min_total");
                    let min_dimension = tf.opt_num(cx, "min_dimension");
                    tf.finish(cx);
                    Some(Tier {
                        name_zh: name_zh?,
                        name_en: name_en?,
                        min_total: min_total?,
                        min_dimension,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let provisional = f.opt_bool(cx, "provisional").unwrap_or(false);
    let basis = f.str_or_empty(cx, "basis");
    if let Some(s) = stars {
        f.register(cx, &format!("rule:{s}"));
    }
    f.finish(cx);
    Some(StarRule {
        stars: stars?,
        name_zh: name_zh?,
        name_en: name_en?,
        min_total: min_total?,
        min_dimension,
        min_dimension_for,
        mandatory_min_stars,
        min_stars,
        veto,
        max_missing,
        tier,
        provisional,
        basis,
    })
}

/// Phase two: the meaning of the whole file.
fn validate(cx: &mut Cx, s: &Standard) {
    // `at(cx, "indicator:A01.stars")` falls back to the entry's own span.
    let at = |cx: &Cx, key: &str| {
        cx.spans
            .get(key)
            .or_else(|| {
                key.split_once('.')
                    .and_then(|(entry, _)| cx.spans.get(entry))
            })
            .copied()
            .unwrap_or_default()
    };
    const W_EPS: f64 = 1e-6;

    // Identity.
    if !s
        .standard
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || s.standard.id.is_empty()
    {
        cx.push_span(
            LintCode::BadValue,
            Span::default(),
            said!(words::LOWERCASE_NAME, "id", &s.standard.id),
        );
    }

    // The caps on bonus and deduction points.
    for (key, cap, role) in [
        ("bonus_cap", s.scoring.bonus_cap, Role::Bonus),
        ("deduction_cap", s.scoring.deduction_cap, Role::Deduction),
    ] {
        let sp = at(cx, &format!("scoring.{key}"));
        if cap < 0.0 {
            cx.push_span(
                LintCode::BadValue,
                sp,
                said!(words::CAP_BELOW_ZERO, key, fmt_num(cap)),
            );
        } else if cap == 0.0 && s.indicator.iter().any(|i| i.role == role) {
            cx.push_span(
                LintCode::MissingKey,
                sp,
                said!(
                    words::CAP_UNSET,
                    key,
                    said!(if role == Role::Bonus {
                        words::BONUS_ITEMS
                    } else {
                        words::DEDUCTION_ITEMS
                    })
                ),
            );
        }
    }

    // Dimensions: unique codes, weights on scored ones adding up to 100.
    let mut seen = HashSet::new();
    let mut dim_total = 0.0;
    for (di, d) in s.dimension.iter().enumerate() {
        let sp = at(cx, &format!("dimension#{di}"));
        let sp_weight = at(cx, &format!("dimension#{di}.weight"));
        if !seen.insert(d.code.as_str()) {
            cx.push_span(
                LintCode::DuplicateCode,
                at(cx, &format!("dimension#{di}.code")),
                said!(words::DIMENSION_TWICE, &d.code),
            );
        }
        match (d.role, d.weight) {
            (DimensionRole::Scored, Some(w)) if w > 0.0 => dim_total += w,
            (DimensionRole::Scored, _) => cx.push_span(
                LintCode::BadWeight,
                sp_weight,
                said!(words::DIMENSION_NEEDS_WEIGHT, &d.code),
            ),
            (DimensionRole::Bonus, Some(_)) => cx.push_span(
                LintCode::BadWeight,
                sp,
                said!(words::BONUS_DIMENSION_WEIGHT, &d.code),
            ),
            (DimensionRole::Bonus, None) => {}
        }
    }
    if s.dimension.is_empty() {
        cx.push_span(
            LintCode::MissingKey,
            Span::default(),
            said!(words::NO_DIMENSION),
        );
    } else if (dim_total - 100.0).abs() > W_EPS {
        let first = s.dimension.first().map(|_| at(cx, "dimension#0.weight"));
        cx.push_span(
            LintCode::WeightsDoNotAddUp,
            first.unwrap_or_default(),
            said!(words::DIMENSION_WEIGHTS, fmt_num(dim_total)),
        );
    }

    // Indicators.
    let mut codes = HashSet::new();
    let mut per_dim: IndexMap<&str, f64> = IndexMap::new();
    for (ii, ind) in s.indicator.iter().enumerate() {
        let sp = at(cx, &format!("indicator#{ii}"));
        let key = |cx: &Cx, k: &str| at(cx, &format!("indicator#{ii}.{k}"));
        let (sp_code, sp_dim, sp_stars) = (key(cx, "code"), key(cx, "dimension"), key(cx, "stars"));
        let sp_weight = if ind.role.is_weighted() {
            key(cx, "weight")
        } else {
            key(cx, "points")
        };
        if !codes.insert(ind.code.as_str()) || seen.contains(ind.code.as_str()) {
            cx.push_span(
                LintCode::DuplicateCode,
                sp_code,
                said!(words::CODE_TWICE, &ind.code),
            );
        }
        if ind.code.is_empty()
            || !ind
                .code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            cx.push_span(
                LintCode::BadValue,
                sp,
                said!(words::INDICATOR_CODE, &ind.code),
            );
        }
        let dim = s.dimension(&ind.dimension);
        match dim {
            None => cx.push_span(
                LintCode::UnknownDimension,
                sp_dim,
                said!(words::UNDECLARED_DIMENSION, &ind.code, &ind.dimension),
            ),
            Some(d) => {
                let bonus_dim = d.role == DimensionRole::Bonus;
                if bonus_dim && ind.role != Role::Bonus {
                    cx.push_span(
                        LintCode::BadRole,
                        sp,
                        said!(words::IN_BONUS_DIMENSION, &ind.code, &d.code),
                    );
                }
                if !bonus_dim && ind.role == Role::Bonus {
                    cx.push_span(
                        LintCode::BadRole,
                        sp,
                        said!(words::BONUS_OUTSIDE, &ind.code),
                    );
                }
            }
        }
        // Weight or points, by role.
        if ind.role.is_weighted() {
            match ind.weight {
                Some(w) if w > 0.0 => *per_dim.entry(ind.dimension.as_str()).or_default() += w,
                _ => cx.push_span(
                    LintCode::BadWeight,
                    sp_weight,
                    // English has always said this sentence in lower case,
                    // the code too; Chinese keeps the code as written.
                    said!(
                        words::NEEDS_WEIGHT,
                        Arg::each(&ind.code, ind.code.to_lowercase()),
                        said!(if ind.role == Role::Mandatory {
                            words::ROLE_MANDATORY
                        } else {
                            words::ROLE_SCORED
                        })
                    ),
                ),
            }
            if ind.points.is_some() {
                cx.push_span(
                    LintCode::BadWeight,
                    sp_weight,
                    said!(words::WEIGHTED_POINTS, &ind.code),
                );
            }
        } else {
            if !matches!(ind.points, Some(p) if p > 0.0) {
                cx.push_span(
                    LintCode::BadWeight,
                    sp_weight,
                    said!(words::NEEDS_POINTS, &ind.code),
                );
            }
            if ind.weight.is_some() {
                cx.push_span(
                    LintCode::BadWeight,
                    sp_weight,
                    said!(words::POINTS_NOT_WEIGHT, &ind.code),
                );
            }
        }
        // Thresholds.
        if ind.kind.has_thresholds() {
            match &ind.stars {
                None => cx.push_span(
                    LintCode::MissingKey,
                    sp,
                    said!(words::NEEDS_STARS, &ind.code, ind.kind.key()),
                ),
                Some(req) => {
                    let ok = monotone(req, ind.direction);
                    if !ok {
                        cx.push_span(
                            LintCode::ThresholdsNotMonotone,
                            sp_stars,
                            said!(
                                words::NOT_MONOTONE,
                                &ind.code,
                                said!(if ind.direction == Direction::Higher {
                                    words::HIGHER_IS_BETTER
                                } else {
                                    words::LOWER_IS_BETTER
                                }),
                                stricter(ind.direction),
                                format!("{req:?}")
                            ),
                        );
                    }
                    let pct = matches!(
                        ind.kind,
                        Kind::Ratio { .. } | Kind::Percent { .. } | Kind::Survey { .. }
                    );
                    if pct && req.iter().any(|&x| !(0.0..=100.0).contains(&x)) {
                        cx.push_span(
                            LintCode::BadValue,
                            sp,
                            said!(words::PERCENT_RANGE, &ind.code),
                        );
                    }
                }
            }
        } else if ind.stars.is_some() {
            cx.push_span(
                LintCode::BadValue,
                sp,
                said!(words::STARS_FROM_ANSWERS, &ind.code, ind.kind.key()),
            );
        }
        if let Kind::AllOf { conditions } = &ind.kind {
            if conditions.is_empty() || conditions.len() > MAX_CONDITIONS {
                cx.push_span(
                    LintCode::BadValue,
                    sp,
                    said!(
                        words::CONDITION_COUNT,
                        &ind.code,
                        MAX_CONDITIONS,
                        conditions.len()
                    ),
                );
            }
            for (k, c) in conditions.iter().enumerate() {
                if !monotone(&c.stars, ind.direction) {
                    cx.push_span(
                        LintCode::ThresholdsNotMonotone,
                        sp,
                        said!(
                            words::CONDITION_MONOTONE,
                            k + 1,
                            &ind.code,
                            &c.zh,
                            stricter(ind.direction),
                            format!("{:?}", c.stars)
                        ),
                    );
                }
                if c.unit == "%" && c.stars.iter().any(|&x| !(0.0..=100.0).contains(&x)) {
                    cx.push_span(
                        LintCode::BadValue,
                        sp,
                        said!(words::CONDITION_PERCENT, k + 1, &ind.code),
                    );
                }
            }
        }
        if let Kind::Grade { options } = &ind.kind {
            if options.len() < 2 {
                cx.push_span(
                    LintCode::BadValue,
                    sp,
                    said!(words::GRADE_OPTIONS, &ind.code),
                );
            }
            let mut labels = HashSet::new();
            for o in options {
                if !labels.insert(o.zh.as_str()) || !labels.insert(o.en.as_str()) {
                    cx.push_span(
                        LintCode::DuplicateCode,
                        sp,
                        said!(words::GRADE_TWICE, &ind.code, &o.zh),
                    );
                }
            }
        }
        if let Kind::PerPopulation { per, .. } = &ind.kind
            && *per <= 0.0
        {
            cx.push_span(
                LintCode::BadValue,
                sp,
                said!(words::PER_ABOVE_ZERO, &ind.code),
            );
        }
        if ind.provisional && ind.basis.trim().is_empty() {
            cx.push_span(
                LintCode::MissingBasis,
                sp,
                said!(words::INDICATOR_BASIS, &ind.code),
            );
        }
        if ind.source.trim().is_empty() {
            cx.push_span(
                LintCode::MissingKey,
                sp,
                said!(words::INDICATOR_SOURCE, &ind.code),
            );
        }
    }
    for (di, d) in s.dimension.iter().enumerate() {
        let sp = at(cx, &format!("dimension#{di}"));
        let has_any = s.indicator.iter().any(|i| i.dimension == d.code);
        if !has_any {
            cx.push_span(
                LintCode::EmptyDimension,
                sp,
                said!(words::DIMENSION_EMPTY, &d.code),
            );
            continue;
        }
        if d.role == DimensionRole::Scored {
            let total = per_dim.get(d.code.as_str()).copied().unwrap_or(0.0);
            if (total - 100.0).abs() > W_EPS {
                cx.push_span(
                    LintCode::WeightsDoNotAddUp,
                    sp,
                    said!(words::INDICATOR_WEIGHTS, &d.code, fmt_num(total)),
                );
            }
        }
        if d.provisional && d.basis.trim().is_empty() {
            cx.push_span(
                LintCode::MissingBasis,
                sp,
                said!(words::DIMENSION_BASIS, &d.code),
            );
        }
    }

    // Rating rules.
    let mut stars_seen = HashSet::new();
    for r in &s.rating {
        let sp = at(cx, &format!("rule:{}", r.stars));
        if r.stars == 0 || !stars_seen.insert(r.stars) {
            cx.push_span(
                LintCode::DuplicateCode,
                sp,
                said!(words::RULE_TWICE, r.stars),
            );
        }
        for (code, _) in &r.min_dimension_for {
            if s.dimension(code).is_none() {
                let sp = at(cx, &format!("ref:min_dimension_for:{code}"));
                cx.push_span(
                    LintCode::UnknownDimension,
                    sp,
                    said!(words::RULE_DIMENSION, r.stars, code),
                );
            }
        }
        let refs = r
            .min_stars
            .keys()
            .map(|c| (c, "min_stars"))
            .chain(r.veto.iter().map(|c| (c, "veto")));
        for (code, key) in refs {
            if s.indicator(code).is_none() {
                let sp = at(cx, &format!("ref:{key}:{code}"));
                cx.push_span(
                    LintCode::UnknownIndicator,
                    sp,
                    said!(words::RULE_INDICATOR, r.stars, code, key),
                );
            }
        }
        let mut last = f64::NEG_INFINITY;
        for t in &r.tier {
            if t.min_total < last {
                cx.push_span(
                    LintCode::ThresholdsNotMonotone,
                    sp,
                    said!(words::TIERS_ORDER, r.stars),
                );
            }
            last = t.min_total;
        }
        if r.provisional && r.basis.trim().is_empty() {
            cx.push_span(
                LintCode::MissingBasis,
                sp,
                said!(words::RULE_BASIS, r.stars),
            );
        }
    }
    // Higher stars must not be easier on the total.
    let mut rules: Vec<&StarRule> = s.rating.iter().collect();
    rules.sort_by_key(|r| r.stars);
    for w in rules.windows(2) {
        if w[1].min_total < w[0].min_total {
            let sp = at(cx, &format!("rule:{}", w[1].stars));
            cx.push_span(
                LintCode::ThresholdsNotMonotone,
                sp,
                said!(
                    words::RULE_TOTAL,
                    w[1].stars,
                    fmt_num(w[1].min_total),
                    w[0].stars,
                    fmt_num(w[0].min_total)
                ),
            );
        }
    }
    if s.rating.is_empty() {
        cx.push_span(
            LintCode::MissingKey,
            Span::default(),
            said!(words::NO_RULES),
        );
    }
}

/// "higher" or "lower": what each star's requirement must be, by direction.
fn stricter(direction: Direction) -> Message {
    let msg = match direction {
        Direction::Higher => words::HIGHER,
        Direction::Lower => words::LOWER,
    };
    said!(msg)
}

/// A number as a person writes it: no trailing `.0`.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Write a standard back as TOML in the file format (used by `standards import`).
/// Requirements rising strictly in the direction, or all five equal (a pass line).
fn monotone(req: &[f64; 5], direction: Direction) -> bool {
    req.iter().all(|&x| x == req[0])
        || req.windows(2).all(|w| match direction {
            Direction::Higher => w[1] > w[0],
            Direction::Lower => w[1] < w[0],
        })
}

pub fn to_toml(s: &Standard) -> String {
    // The serde shape of `Standard` is the file format; see docs/standard-format.md.
    let body = toml::to_string(s).unwrap_or_else(|e| format!("# could not write: {e}\n"));
    let _ = Cow::Borrowed("");
    body
}
