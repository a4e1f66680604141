//! Policy targets as data (`standards/targets/*.toml`, format in
//! docs/targets.md): each target a level, a star, and the share or count of
//! entities at that star or above that it requires, for the province or one
//! city's entities; and where a batch stands against it.

use super::{Baseline, Row};
use crate::diag::LintCode;
use crate::standard::Level;
use crate::tomlread::words::{self, said};
use crate::tomlread::{Cx, Fields, FileKind, LoadError, array, as_str};
use serde::Serialize;

/// The shipped target files: (name, text).
pub const FILES: [(&str, &str); 2] = [
    (
        "shandong-2020-136",
        include_str!("../../standards/targets/shandong-2020-136.toml"),
    ),
    (
        "jining-2023-23",
        include_str!("../../standards/targets/jining-2023-23.toml"),
    ),
];

/// What a target requires of the entities in its scope at its star or above.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum Requirement {
    /// At least this percent of them.
    Percent(f64),
    /// At least this many.
    Count(usize),
    /// This many more than in the baseline round.
    More(usize),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub id: String,
    pub year: i32,
    pub level: Level,
    pub stars: u8,
    pub requirement: Requirement,
    /// The city whose entities it is about (by 所属地市); `None`: the province.
    pub city: Option<String>,
    /// The source asks to strive for it (争创) rather than to reach it.
    pub strive: bool,
    pub text_zh: String,
    pub text_en: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetFile {
    pub name: String,
    pub title_zh: String,
    pub title_en: String,
    /// The document number (文号).
    pub document: String,
    pub issuer_zh: String,
    pub issuer_en: String,
    /// True when every target is the source's; false for targets of one's own.
    pub sourced: bool,
    pub sources: Vec<String>,
    /// `embedded:NAME` or the path it was read from.
    pub origin: String,
    pub targets: Vec<Target>,
}

fn strings(cx: &mut Cx, v: toml_span::Value<'_>, key: &str) -> Option<Vec<String>> {
    let items = array(cx, v, key);
    let out: Vec<String> = items
        .into_iter()
        .filter_map(|x| as_str(cx, x, key))
        .collect();
    Some(out)
}

const LEVELS: [(&str, Level); 3] = [
    ("city", Level::City),
    ("county", Level::County),
    ("community", Level::Community),
];

fn read_target(cx: &mut Cx, v: &mut toml_span::Value<'_>, k: usize) -> Option<Target> {
    let mut f = Fields::new(cx, v, said!(words::WHAT_TARGET, k + 1))?;
    let span = f.span;
    let id = f.req_str(cx, "id");
    let year = f.req_num(cx, "year");
    let level = f.req_enum(cx, "level", &LEVELS);
    let stars = f.req(cx, "stars", crate::tomlread::as_star);
    let percent = f.opt_num(cx, "percent");
    let count = f.opt_num(cx, "count");
    let more = f.opt_num(cx, "more");
    let city = f.opt_str(cx, "city");
    let strive = f.opt_bool(cx, "strive").unwrap_or(false);
    let text_zh = f.req_str(cx, "text_zh");
    let text_en = f.req_str(cx, "text_en");
    let sources = f.opt(cx, "sources", strings).unwrap_or_default();
    f.finish(cx);
    let whole = |cx: &mut Cx, x: f64, key: &str| -> Option<usize> {
        if x >= 1.0 && x.fract() == 0.0 && x <= 1e6 {
            Some(x as usize)
        } else {
            cx.push_span(LintCode::BadValue, span, said!(words::WHOLE_ENTITIES, key));
            None
        }
    };
    let requirement = match (percent, count, more) {
        (Some(p), None, None) if p > 0.0 && p <= 100.0 => Some(Requirement::Percent(p)),
        (Some(_), None, None) => {
            cx.push_span(LintCode::BadValue, span, said!(words::TARGET_PERCENT));
            None
        }
        (None, Some(c), None) => whole(cx, c, "count").map(Requirement::Count),
        (None, None, Some(m)) => whole(cx, m, "more").map(Requirement::More),
        _ => {
            cx.push_span(
                LintCode::BadValue,
                span,
                said!(words::ONE_REQUIREMENT, k + 1),
            );
            None
        }
    };
    let year = match year {
        Some(y) if (1990.0..=2100.0).contains(&y) && y.fract() == 0.0 => Some(y as i32),
        Some(_) => {
            cx.push_span(LintCode::BadValue, span, said!(words::TARGET_YEAR));
            None
        }
        None => None,
    };
    if stars == Some(0) {
        cx.push_span(LintCode::BadValue, span, said!(words::TARGET_STARS));
        return None;
    }
    Some(Target {
        id: id?,
        year: year?,
        level: level?,
        stars: stars?,
        requirement: requirement?,
        city: city.filter(|c| !c.trim().is_empty()),
        strive,
        text_zh: text_zh?,
        text_en: text_en?,
        sources,
    })
}

/// Load and validate a target file, collecting every problem.
pub fn load_str(text: &str, origin: &str) -> Result<TargetFile, LoadError> {
    let mut cx = Cx::new(text);
    let file = match toml_span::parse(text) {
        Ok(mut root) => read_file(&mut cx, &mut root, origin),
        Err(e) => {
            cx.push_span(
                LintCode::TomlSyntax,
                e.span,
                said!(words::NOT_TOML, words::syntax_error(&e)),
            );
            None
        }
    };
    cx.into_result(file, FileKind::Targets, origin)
}

fn read_file(cx: &mut Cx, root: &mut toml_span::Value<'_>, origin: &str) -> Option<TargetFile> {
    let mut top = Fields::new(cx, root, said!(words::WHAT_FILE))?;
    let span = top.span;
    let name = top.req_str(cx, "name");
    let title_zh = top.req_str(cx, "title_zh");
    let title_en = top.req_str(cx, "title_en");
    let document = top.str_or_empty(cx, "document");
    let issuer_zh = top.str_or_empty(cx, "issuer_zh");
    let issuer_en = top.str_or_empty(cx, "issuer_en");
    let sourced = top.opt_bool(cx, "sourced").unwrap_or(false);
    let sources = top.opt(cx, "sources", strings).unwrap_or_default();
    let mut targets = Some(Vec::new());
    match top.take("target") {
        Some(v) => {
            for (k, mut item) in array(cx, v, "target").into_iter().enumerate() {
                match read_target(cx, &mut item, k) {
                    Some(t) => {
                        if let Some(all) = targets.as_mut() {
                            all.push(t)
                        }
                    }
                    None => targets = None,
                }
            }
        }
        None => top.missing(cx, "target"),
    }
    top.finish(cx);
    let targets: Vec<Target> = targets?;
    if targets.is_empty() {
        cx.push_span(LintCode::MissingKey, span, said!(words::NO_TARGETS));
    }
    let mut seen = std::collections::HashSet::new();
    for t in &targets {
        if !seen.insert(t.id.clone()) {
            cx.push_span(
                LintCode::DuplicateCode,
                span,
                said!(words::TARGET_TWICE, &t.id),
            );
        }
        // A sourced target says where it is written.
        if sourced && t.sources.is_empty() && sources.is_empty() {
            cx.push_span(
                LintCode::MissingKey,
                span,
                said!(words::TARGET_SOURCES, &t.id),
            );
        }
    }
    Some(TargetFile {
        name: name?,
        title_zh: title_zh?,
        title_en: title_en?,
        document,
        issuer_zh,
        issuer_en,
        sourced,
        sources,
        origin: origin.to_string(),
        targets,
    })
}

/// Every shipped target file (they are checked by a test, so this does not fail).
pub fn embedded() -> Vec<TargetFile> {
    FILES
        .iter()
        .filter_map(|(n, text)| load_str(text, &format!("embedded:{n}")).ok())
        .collect()
}

/// A city name without its 市, so 济宁 and 济宁市 are one city.
pub fn city_key(s: &str) -> String {
    let t: String = s.split_whitespace().collect();
    t.strip_suffix('市').unwrap_or(&t).to_string()
}

/// An entity below the target's star, and how cheaply it could rise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub file: String,
    pub name: String,
    pub parent: String,
    pub stars: u8,
    pub score: f64,
    /// Its next-star plan: star steps, Σ relative change, steps (`None`: no plan).
    pub plan_star_steps: Option<u32>,
    pub plan_relative_change: Option<f64>,
    pub plan_steps: usize,
    /// Its next star is the target's: carrying out its plan counts toward it.
    pub plan_closes: bool,
}

/// Where the batch stands against one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// The target file's name.
    pub file: String,
    pub document: String,
    pub sourced: bool,
    pub target: Target,
    /// Entities of the batch in the target's scope (its level, its city).
    pub entities: usize,
    /// Of those, at the target's star or above.
    pub at_or_above: usize,
    /// For `more`: the same count in the baseline (`None` without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_at_or_above: Option<usize>,
    /// How many at the star or above the target requires of this batch
    /// (`None`: no entity of the batch in scope, or a `more` target without a baseline).
    pub required: Option<usize>,
    /// How many more are needed (0 when met).
    pub short: Option<usize>,
    pub met: Option<bool>,
    /// Below the star, closest first: highest star, then the cheapest plan.
    pub closest: Vec<Candidate>,
}

/// The most candidates a standing lists.
pub const CLOSEST: usize = 10;

/// The entities of `rows` a target is about.
fn in_scope(t: &Target, level: Option<Level>, parent: &str) -> bool {
    level == Some(t.level)
        && t.city
            .as_ref()
            .is_none_or(|c| city_key(c) == city_key(parent))
}

/// Where `rows` stand against `t`.
pub fn standing(
    file: &TargetFile,
    t: &Target,
    rows: &[Row],
    baseline: Option<&Baseline>,
) -> Standing {
    let scope: Vec<&Row> = rows
        .iter()
        .filter(|r| in_scope(t, r.level, &r.parent))
        .collect();
    let entities = scope.len();
    let at_or_above = scope.iter().filter(|r| r.stars >= t.stars).count();
    let baseline_at_or_above = match t.requirement {
        Requirement::More(_) => baseline.map(|b| {
            b.entities
                .iter()
                .filter(|a| in_scope(t, a.level, &a.parent) && a.stars >= t.stars)
                .count()
        }),
        _ => None,
    };
    // Nothing in scope: nothing to judge (the batch holds none of its entities).
    let required = match t.requirement {
        _ if entities == 0 => None,
        // ceil(p × n / 100), with the product's rounding noise taken off.
        Requirement::Percent(p) => {
            Some(((p * entities as f64 / 100.0) - 1e-9).ceil().max(0.0) as usize)
        }
        Requirement::Count(c) => Some(c),
        Requirement::More(m) => baseline_at_or_above.map(|b| b + m),
    };
    let short = required.map(|r| r.saturating_sub(at_or_above));
    let mut closest: Vec<Candidate> = scope
        .iter()
        .filter(|r| r.stars < t.stars)
        .map(|r| Candidate {
            file: r.file.clone(),
            name: r.name.clone(),
            parent: r.parent.clone(),
            stars: r.stars,
            score: r.score,
            plan_star_steps: r.plan_star_steps,
            plan_relative_change: r.plan_relative_change,
            plan_steps: r.plan_steps,
            plan_closes: r.plan_star_steps.is_some() && r.stars + 1 == t.stars,
        })
        .collect();
    closest.sort_by(|a, b| {
        b.stars
            .cmp(&a.stars)
            .then(
                a.plan_star_steps
                    .is_none()
                    .cmp(&b.plan_star_steps.is_none()),
            )
            .then(a.plan_star_steps.cmp(&b.plan_star_steps))
            .then(
                a.plan_relative_change
                    .unwrap_or(f64::MAX)
                    .total_cmp(&b.plan_relative_change.unwrap_or(f64::MAX)),
            )
            .then(b.score.total_cmp(&a.score))
            .then(a.file.cmp(&b.file))
    });
    closest.truncate(CLOSEST);
    Standing {
        file: file.name.clone(),
        document: file.document.clone(),
        sourced: file.sourced,
        target: t.clone(),
        entities,
        at_or_above,
        baseline_at_or_above,
        required,
        short,
        met: short.map(|s| s == 0),
        closest,
    }
}
