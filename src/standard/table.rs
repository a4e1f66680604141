//! The standard as a workbook an office can review and edit:
//! `standards export` writes it, `standards import` reads it back.
//!
//! Each sheet has one header row of field names (the TOML keys of
//! docs/standard-format.md) and one row per entry. Import finds columns by
//! those names, so columns may be reordered and extra columns are ignored.

use super::load::fmt_num;
use super::*;
use crate::locale::Words;
use crate::tomlread::Message;
use crate::tomlread::words::{self, said};
use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::Path;

const SHEET_STANDARD: &str = "标准 Standard";
const SHEET_DIMENSIONS: &str = "维度 Dimensions";
const SHEET_INDICATORS: &str = "指标 Indicators";
const SHEET_OPTIONS: &str = "选项 Options";
const SHEET_CONDITIONS: &str = "条件 Conditions";
const SHEET_RATING: &str = "评级 Rating";
const SHEET_TIERS: &str = "子档 Tiers";

const DIM_COLS: &[&str] = &[
    "code",
    "name_zh",
    "name_en",
    "role",
    "weight",
    "provisional",
    "basis",
];
const IND_COLS: &[&str] = &[
    "code",
    "dimension",
    "name_zh",
    "name_en",
    "kind",
    "unit",
    "direction",
    "role",
    "weight",
    "points",
    "star1",
    "star2",
    "star3",
    "star4",
    "star5",
    "floor",
    "numerator_zh",
    "numerator_en",
    "numerator_unit",
    "denominator_zh",
    "denominator_en",
    "denominator_unit",
    "count_zh",
    "count_en",
    "count_unit",
    "per",
    "input_zh",
    "input_en",
    "input_unit",
    "yes_stars",
    "no_stars",
    "requirement_zh",
    "requirement_en",
    "evidence_zh",
    "evidence_en",
    "evidence_required",
    "source",
    "provisional",
    "basis",
];
const OPT_COLS: &[&str] = &["indicator", "zh", "en", "stars"];
const COND_COLS: &[&str] = &[
    "indicator",
    "zh",
    "en",
    "unit",
    "star1",
    "star2",
    "star3",
    "star4",
    "star5",
];
const RULE_COLS: &[&str] = &[
    "stars",
    "name_zh",
    "name_en",
    "min_total",
    "min_dimension",
    "min_dimension_for",
    "mandatory_min_stars",
    "min_stars",
    "veto",
    "max_missing",
    "provisional",
    "basis",
];
const TIER_COLS: &[&str] = &["stars", "name_zh", "name_en", "min_total", "min_dimension"];

/// A cell to write.
enum Cell {
    S(String),
    N(f64),
    B(bool),
    Blank,
}

fn s(x: &str) -> Cell {
    Cell::S(x.to_string())
}

fn n(x: Option<f64>) -> Cell {
    x.map_or(Cell::Blank, Cell::N)
}

fn label_cells(l: Option<&InputLabel>) -> [Cell; 3] {
    match l {
        Some(l) => [s(&l.zh), s(&l.en), s(&l.unit)],
        None => [Cell::Blank, Cell::Blank, Cell::Blank],
    }
}

fn pairs<T: ToString>(m: &IndexMap<String, T>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k}={}", v.to_string()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_sheet(
    ws: &mut Worksheet,
    name: &str,
    cols: &[&str],
    rows: Vec<Vec<Cell>>,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let bold = Format::new().set_bold().set_background_color("#DDEBF7");
    for (c, key) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *key, &bold)?;
    }
    let mut widths: Vec<Vec<String>> = cols.iter().map(|k| vec![k.to_string()]).collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r32, c16) = (r as u32 + 1, c as u16);
            match cell {
                Cell::S(t) if !t.is_empty() => {
                    ws.write_string(r32, c16, t)?;
                    widths[c].push(t.clone());
                }
                Cell::N(x) => {
                    ws.write_number(r32, c16, *x)?;
                    widths[c].push(fmt_num(*x));
                }
                Cell::B(b) => {
                    ws.write_boolean(r32, c16, *b)?;
                }
                _ => {}
            }
        }
    }
    for (c, texts) in widths.iter().enumerate() {
        let w = crate::xlsx::column_width(texts.iter().map(String::as_str), 6.0, 60.0);
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !rows.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, cols.len() as u16 - 1)?;
    }
    Ok(())
}

/// Write the standard as a workbook (bytes, reproducible).
pub fn export(st: &Standard) -> Result<Vec<u8>, XlsxError> {
    let mut wb =
        crate::xlsx::new_workbook(&format!("{} {}", st.standard.code, st.standard.title_zh));
    let id = &st.standard;
    let sc = &st.scoring;
    let kv: Vec<(&str, Cell)> = vec![
        ("format", Cell::N(f64::from(st.format))),
        ("id", s(&id.id)),
        ("code", s(&id.code)),
        ("edition", s(&id.edition)),
        ("edition_en", s(&id.edition_en)),
        ("level", s(id.level.key())),
        ("title_zh", s(&id.title_zh)),
        ("title_en", s(&id.title_en)),
        ("issuer", s(&id.issuer)),
        ("source", s(&id.source)),
        ("note", s(&id.note)),
        ("note_en", s(&id.note_en)),
        (
            "scoring.method",
            s(match sc.method {
                ScoringMethod::Stars => "stars",
                ScoringMethod::Goalposts => "goalposts",
            }),
        ),
        (
            "scoring.missing",
            s(match sc.missing {
                MissingPolicy::Zero => "zero",
                MissingPolicy::Exclude => "exclude",
            }),
        ),
        ("scoring.bonus_cap", Cell::N(sc.bonus_cap)),
        ("scoring.deduction_cap", Cell::N(sc.deduction_cap)),
        ("scoring.provisional", Cell::B(sc.provisional)),
        ("scoring.basis", s(&sc.basis)),
    ];
    let kv_rows = kv.into_iter().map(|(k, v)| vec![s(k), v]).collect();
    write_sheet(
        wb.add_worksheet(),
        SHEET_STANDARD,
        &["key", "value"],
        kv_rows,
    )?;

    let dims = st
        .dimension
        .iter()
        .map(|d| {
            vec![
                s(&d.code),
                s(&d.name_zh),
                s(&d.name_en),
                s(match d.role {
                    DimensionRole::Scored => "scored",
                    DimensionRole::Bonus => "bonus",
                }),
                n(d.weight),
                Cell::B(d.provisional),
                s(&d.basis),
            ]
        })
        .collect();
    write_sheet(wb.add_worksheet(), SHEET_DIMENSIONS, DIM_COLS, dims)?;

    let mut options = Vec::new();
    let mut conditions = Vec::new();
    let inds = st
        .indicator
        .iter()
        .map(|i| {
            let (num, den, cnt, per, input, yes, no) = match &i.kind {
                Kind::Ratio {
                    numerator,
                    denominator,
                } => (
                    Some(numerator),
                    Some(denominator),
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
                Kind::PerPopulation { count, per } => {
                    (None, None, Some(count), Some(*per), None, None, None)
                }
                Kind::Percent { input } | Kind::Number { input } | Kind::Survey { input } => {
                    (None, None, None, None, Some(input), None, None)
                }
                Kind::YesNo {
                    yes_stars,
                    no_stars,
                } => (
                    None,
                    None,
                    None,
                    None,
                    None,
                    Some(f64::from(*yes_stars)),
                    Some(f64::from(*no_stars)),
                ),
                Kind::Grade { options: opts } => {
                    for o in opts {
                        options.push(vec![
                            s(&i.code),
                            s(&o.zh),
                            s(&o.en),
                            Cell::N(f64::from(o.stars)),
                        ]);
                    }
                    (None, None, None, None, None, None, None)
                }
                Kind::AllOf { conditions: conds } => {
                    for c in conds {
                        let mut row = vec![s(&i.code), s(&c.zh), s(&c.en), s(&c.unit)];
                        row.extend(c.stars.iter().map(|&x| Cell::N(x)));
                        conditions.push(row);
                    }
                    (None, None, None, None, None, None, None)
                }
            };
            let star = |k: usize| n(i.stars.map(|st| st[k]));
            let mut row = vec![
                s(&i.code),
                s(&i.dimension),
                s(&i.name_zh),
                s(&i.name_en),
                s(i.kind.key()),
                s(&i.unit),
                s(match i.direction {
                    Direction::Higher => "higher",
                    Direction::Lower => "lower",
                }),
                s(role_key(i.role)),
                n(i.weight),
                n(i.points),
                star(0),
                star(1),
                star(2),
                star(3),
                star(4),
                n(i.floor),
            ];
            row.extend(label_cells(num));
            row.extend(label_cells(den));
            row.extend(label_cells(cnt));
            row.push(n(per));
            row.extend(label_cells(input));
            row.extend([n(yes), n(no)]);
            row.extend([
                s(&i.requirement_zh),
                s(&i.requirement_en),
                s(&i.evidence_zh),
                s(&i.evidence_en),
                Cell::B(i.evidence_required),
                s(&i.source),
                Cell::B(i.provisional),
                s(&i.basis),
            ]);
            row
        })
        .collect();
    write_sheet(wb.add_worksheet(), SHEET_INDICATORS, IND_COLS, inds)?;
    write_sheet(wb.add_worksheet(), SHEET_OPTIONS, OPT_COLS, options)?;
    if !conditions.is_empty() {
        write_sheet(wb.add_worksheet(), SHEET_CONDITIONS, COND_COLS, conditions)?;
    }

    let mut tiers = Vec::new();
    let rules = st
        .rating
        .iter()
        .map(|r| {
            for t in &r.tier {
                tiers.push(vec![
                    Cell::N(f64::from(r.stars)),
                    s(&t.name_zh),
                    s(&t.name_en),
                    Cell::N(t.min_total),
                    n(t.min_dimension),
                ]);
            }
            vec![
                Cell::N(f64::from(r.stars)),
                s(&r.name_zh),
                s(&r.name_en),
                Cell::N(r.min_total),
                n(r.min_dimension),
                s(&pairs(
                    &r.min_dimension_for
                        .iter()
                        .map(|(k, v)| (k.clone(), fmt_num(*v)))
                        .collect(),
                )),
                n(r.mandatory_min_stars.map(f64::from)),
                s(&pairs(&r.min_stars)),
                s(&r.veto.join("; ")),
                n(r.max_missing.map(f64::from)),
                Cell::B(r.provisional),
                s(&r.basis),
            ]
        })
        .collect();
    write_sheet(wb.add_worksheet(), SHEET_RATING, RULE_COLS, rules)?;
    write_sheet(wb.add_worksheet(), SHEET_TIERS, TIER_COLS, tiers)?;
    wb.save_to_buffer()
}

fn role_key(r: Role) -> &'static str {
    match r {
        Role::Scored => "scored",
        Role::Mandatory => "mandatory",
        Role::Bonus => "bonus",
        Role::Deduction => "deduction",
    }
}

/// Why an exported workbook could not be turned back into a standard.
#[derive(Debug)]
pub struct ImportError {
    pub problems: Vec<Message>,
}

impl ImportError {
    /// How many problems, then each on its own line, in `lang`.
    pub fn render(&self, lang: crate::Lang) -> String {
        let mut out = said!(words::IMPORT_PROBLEMS, self.problems.len()).words(lang);
        out.push('\n');
        for p in &self.problems {
            out.push_str("  ");
            p.write(lang, &mut out);
            out.push('\n');
        }
        out
    }
}

/// In English, as `render(Lang::En)`.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// One sheet's rows, cells found by header name.
struct Rows {
    sheet: String,
    header: HashMap<String, usize>,
    rows: Vec<(u32, Vec<Data>)>,
}

struct RowRef<'a> {
    t: &'a Rows,
    row: u32,
    cells: &'a [Data],
}

impl RowRef<'_> {
    fn at(&self, key: &str) -> String {
        let c = self.t.header.get(key).copied().unwrap_or(0);
        format!(
            "{}!{}{}",
            self.t.sheet,
            crate::xlsx::col_letters(c as u32),
            self.row + 1
        )
    }

    fn get(&self, key: &str) -> Option<&Data> {
        let c = *self.t.header.get(key)?;
        match self.cells.get(c) {
            None | Some(Data::Empty) => None,
            Some(Data::String(s)) if s.trim().is_empty() => None,
            Some(d) => Some(d),
        }
    }

    fn text(&self, key: &str) -> String {
        match self.get(key) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => fmt_num(*f),
            Some(Data::Int(i)) => i.to_string(),
            Some(Data::Bool(b)) => b.to_string(),
            Some(d) => d.to_string(),
            None => String::new(),
        }
    }

    fn num(&self, key: &str, errs: &mut Vec<Message>) -> Option<f64> {
        match self.get(key)? {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            Data::String(s) => match s.trim().parse::<f64>() {
                Ok(x) => Some(x),
                Err(_) => {
                    errs.push(said!(words::CELL_NUMBER_TEXT, self.at(key), key, s));
                    None
                }
            },
            d => {
                errs.push(said!(words::CELL_NUMBER, self.at(key), key, d.to_string()));
                None
            }
        }
    }

    fn star(&self, key: &str, errs: &mut Vec<Message>) -> Option<u8> {
        let x = self.num(key, errs)?;
        if (0.0..=5.0).contains(&x) && x.fract() == 0.0 {
            Some(x as u8)
        } else {
            errs.push(said!(words::CELL_STARS, self.at(key), key, x));
            None
        }
    }

    fn flag(&self, key: &str, errs: &mut Vec<Message>) -> bool {
        match self.get(key) {
            None => false,
            Some(Data::Bool(b)) => *b,
            Some(Data::String(s)) => match s.trim().to_lowercase().as_str() {
                "true" | "yes" | "是" | "1" => true,
                "false" | "no" | "否" | "0" => false,
                _ => {
                    errs.push(said!(words::CELL_FLAG_TEXT, self.at(key), key, s));
                    false
                }
            },
            Some(Data::Int(i)) => *i != 0,
            Some(Data::Float(f)) => *f != 0.0,
            Some(d) => {
                errs.push(said!(words::CELL_FLAG, self.at(key), key, d.to_string()));
                false
            }
        }
    }

    fn label(&self, prefix: &str) -> InputLabel {
        InputLabel {
            zh: self.text(&format!("{prefix}_zh")),
            en: self.text(&format!("{prefix}_en")),
            unit: self.text(&format!("{prefix}_unit")),
        }
    }

    fn map<T>(
        &self,
        key: &str,
        errs: &mut Vec<Message>,
        conv: impl Fn(&str) -> Option<T>,
    ) -> IndexMap<String, T> {
        let mut out = IndexMap::new();
        for part in self
            .text(key)
            .split([';', '；'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match part
                .split_once('=')
                .and_then(|(k, v)| Some((k.trim().to_string(), conv(v.trim())?)))
            {
                Some((k, v)) => {
                    out.insert(k, v);
                }
                None => errs.push(said!(words::CELL_MAP, self.at(key), key, part)),
            }
        }
        out
    }
}

fn read_rows(
    wb: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>,
    sheet: &str,
    cols: &[&str],
    errs: &mut Vec<Message>,
) -> Option<Rows> {
    let range = match wb.worksheet_range(sheet) {
        Ok(r) => r,
        Err(_) => {
            errs.push(said!(words::SHEET_MISSING, sheet));
            return None;
        }
    };
    let (r0, _) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows();
    let header_row: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(|d| d.to_string().trim().to_string()).collect())
        .unwrap_or_default();
    let header: HashMap<String, usize> = header_row
        .iter()
        .enumerate()
        .map(|(i, h)| (h.clone(), i))
        .collect();
    for c in cols {
        if !header.contains_key(*c) {
            errs.push(said!(words::NO_COLUMN, sheet, *c));
        }
    }
    let data = rows
        .enumerate()
        .filter(|(_, r)| {
            r.iter()
                .any(|d| !matches!(d, Data::Empty) && !d.to_string().trim().is_empty())
        })
        .map(|(i, r)| (r0 + 1 + i as u32, r.to_vec()))
        .collect();
    Some(Rows {
        sheet: sheet.to_string(),
        header,
        rows: data,
    })
}

fn each(t: &Rows) -> impl Iterator<Item = RowRef<'_>> {
    t.rows.iter().map(move |(row, cells)| RowRef {
        t,
        row: *row,
        cells,
    })
}

/// Read a workbook written by `export` (and edited) back into a validated standard.
pub fn import(path: &Path) -> Result<Standard, ImportError> {
    let fail = |p: Message| ImportError { problems: vec![p] };
    let mut wb = open_workbook_auto(path).map_err(|e| {
        fail(said!(
            words::NOT_A_WORKBOOK,
            path.display().to_string(),
            e.to_string()
        ))
    })?;
    let mut errs = Vec::new();
    let sheets = [
        (SHEET_STANDARD, &["key", "value"][..]),
        (SHEET_DIMENSIONS, DIM_COLS),
        (SHEET_INDICATORS, IND_COLS),
        (SHEET_OPTIONS, OPT_COLS),
        (SHEET_RATING, RULE_COLS),
        (SHEET_TIERS, TIER_COLS),
    ];
    let tables: Vec<Option<Rows>> = sheets
        .iter()
        .map(|(name, cols)| read_rows(&mut wb, name, cols, &mut errs))
        .collect();
    // Older exports (and standards without `all-of` indicators) have no conditions sheet.
    let conds = if wb.sheet_names().iter().any(|n| n == SHEET_CONDITIONS) {
        read_rows(&mut wb, SHEET_CONDITIONS, COND_COLS, &mut errs)
    } else {
        None
    };
    if !errs.is_empty() {
        return Err(ImportError { problems: errs });
    }
    let [
        Some(kv),
        Some(dims),
        Some(inds),
        Some(opts),
        Some(rules),
        Some(tiers),
    ] = <[Option<Rows>; 6]>::try_from(tables).map_err(|_| fail(said!(words::SHEET_COUNT)))?
    else {
        return Err(ImportError { problems: errs });
    };

    let mut k: HashMap<String, RowRef> = HashMap::new();
    for r in each(&kv) {
        k.insert(r.text("key"), r);
    }
    let text = |key: &str| k.get(key).map(|r| r.text("value")).unwrap_or_default();
    let mut errs2 = Vec::new();
    let num = |key: &str, errs: &mut Vec<Message>| k.get(key).and_then(|r| r.num("value", errs));
    let flag =
        |key: &str, errs: &mut Vec<Message>| k.get(key).is_some_and(|r| r.flag("value", errs));
    let level = Level::parse(&text("level")).unwrap_or_else(|| {
        errs2.push(said!(words::CELL_LEVEL, SHEET_STANDARD, text("level")));
        Level::City
    });
    let method = match text("scoring.method").as_str() {
        "goalposts" => ScoringMethod::Goalposts,
        "stars" => ScoringMethod::Stars,
        other => {
            errs2.push(said!(words::CELL_METHOD, SHEET_STANDARD, other));
            ScoringMethod::Stars
        }
    };
    let missing = match text("scoring.missing").as_str() {
        "exclude" => MissingPolicy::Exclude,
        "zero" => MissingPolicy::Zero,
        other => {
            errs2.push(said!(words::CELL_MISSING, SHEET_STANDARD, other));
            MissingPolicy::Zero
        }
    };
    let standard = Identity {
        id: text("id"),
        code: text("code"),
        edition: text("edition"),
        edition_en: text("edition_en"),
        level,
        title_zh: text("title_zh"),
        title_en: text("title_en"),
        issuer: text("issuer"),
        source: text("source"),
        note: text("note"),
        note_en: text("note_en"),
    };
    let scoring = Scoring {
        method,
        missing,
        bonus_cap: num("scoring.bonus_cap", &mut errs2).unwrap_or(0.0),
        deduction_cap: num("scoring.deduction_cap", &mut errs2).unwrap_or(0.0),
        provisional: flag("scoring.provisional", &mut errs2),
        basis: text("scoring.basis"),
    };
    let e = &mut errs2;

    let dimension = each(&dims)
        .map(|r| Dimension {
            code: r.text("code"),
            name_zh: r.text("name_zh"),
            name_en: r.text("name_en"),
            role: if r.text("role") == "bonus" {
                DimensionRole::Bonus
            } else {
                DimensionRole::Scored
            },
            weight: r.num("weight", e),
            provisional: r.flag("provisional", e),
            basis: r.text("basis"),
        })
        .collect();

    let mut grade_options: IndexMap<String, Vec<GradeOption>> = IndexMap::new();
    for r in each(&opts) {
        let stars = r.star("stars", e).unwrap_or(0);
        grade_options
            .entry(r.text("indicator"))
            .or_default()
            .push(GradeOption {
                zh: r.text("zh"),
                en: r.text("en"),
                stars,
            });
    }

    let mut all_of: IndexMap<String, Vec<SubCondition>> = IndexMap::new();
    if let Some(conds) = &conds {
        for r in each(conds) {
            let stars: Vec<f64> = (1..=5)
                .map(|k| r.num(&format!("star{k}"), e).unwrap_or(f64::NAN))
                .collect();
            all_of
                .entry(r.text("indicator"))
                .or_default()
                .push(SubCondition {
                    zh: r.text("zh"),
                    en: r.text("en"),
                    unit: r.text("unit"),
                    stars: [stars[0], stars[1], stars[2], stars[3], stars[4]],
                });
        }
    }

    let mut indicator = Vec::new();
    for r in each(&inds) {
        let code = r.text("code");
        let kind = match r.text("kind").as_str() {
            "ratio" => Kind::Ratio {
                numerator: r.label("numerator"),
                denominator: r.label("denominator"),
            },
            "per-population" => Kind::PerPopulation {
                count: r.label("count"),
                per: r.num("per", e).unwrap_or(10_000.0),
            },
            "percent" => Kind::Percent {
                input: r.label("input"),
            },
            "number" => Kind::Number {
                input: r.label("input"),
            },
            "survey" => Kind::Survey {
                input: r.label("input"),
            },
            "yes-no" => Kind::YesNo {
                yes_stars: r.star("yes_stars", e).unwrap_or(5),
                no_stars: r.star("no_stars", e).unwrap_or(0),
            },
            "grade" => Kind::Grade {
                options: grade_options.shift_remove(&code).unwrap_or_default(),
            },
            "all-of" => Kind::AllOf {
                conditions: all_of.shift_remove(&code).unwrap_or_default(),
            },
            other => {
                e.push(said!(words::CELL_KIND, r.at("kind"), other));
                continue;
            }
        };
        let stars: Vec<Option<f64>> = (1..=5).map(|i| r.num(&format!("star{i}"), e)).collect();
        let stars = if stars.iter().all(Option::is_none) {
            None
        } else if let [Some(a), Some(b), Some(c), Some(d), Some(f)] = stars[..] {
            Some([a, b, c, d, f])
        } else {
            e.push(said!(words::CELL_ALL_STARS, r.at("star1")));
            None
        };
        let role = match r.text("role").as_str() {
            "mandatory" => Role::Mandatory,
            "bonus" => Role::Bonus,
            "deduction" => Role::Deduction,
            "scored" | "" => Role::Scored,
            other => {
                e.push(said!(words::CELL_ROLE, r.at("role"), other));
                Role::Scored
            }
        };
        indicator.push(Indicator {
            code,
            dimension: r.text("dimension"),
            name_zh: r.text("name_zh"),
            name_en: r.text("name_en"),
            kind,
            unit: r.text("unit"),
            direction: if r.text("direction") == "lower" {
                Direction::Lower
            } else {
                Direction::Higher
            },
            role,
            weight: r.num("weight", e),
            points: r.num("points", e),
            stars,
            floor: r.num("floor", e),
            requirement_zh: r.text("requirement_zh"),
            requirement_en: r.text("requirement_en"),
            evidence_zh: r.text("evidence_zh"),
            evidence_en: r.text("evidence_en"),
            evidence_required: r.flag("evidence_required", e),
            source: r.text("source"),
            provisional: r.flag("provisional", e),
            basis: r.text("basis"),
        });
    }
    for code in all_of.keys() {
        e.push(said!(
            words::CONDITIONS_NOT_ALL_OF,
            SHEET_CONDITIONS,
            code,
            SHEET_INDICATORS
        ));
    }
    for code in grade_options.keys() {
        e.push(said!(
            words::OPTIONS_NOT_GRADE,
            SHEET_OPTIONS,
            code,
            SHEET_INDICATORS
        ));
    }

    let mut tier_map: IndexMap<u8, Vec<Tier>> = IndexMap::new();
    for r in each(&tiers) {
        let stars = r.star("stars", e).unwrap_or(0);
        tier_map.entry(stars).or_default().push(Tier {
            name_zh: r.text("name_zh"),
            name_en: r.text("name_en"),
            min_total: r.num("min_total", e).unwrap_or(0.0),
            min_dimension: r.num("min_dimension", e),
        });
    }
    let rating = each(&rules)
        .map(|r| {
            let stars = r.star("stars", e).unwrap_or(0);
            StarRule {
                stars,
                name_zh: r.text("name_zh"),
                name_en: r.text("name_en"),
                min_total: r.num("min_total", e).unwrap_or(0.0),
                min_dimension: r.num("min_dimension", e),
                min_dimension_for: r.map("min_dimension_for", e, |v| v.parse().ok()),
                mandatory_min_stars: r.star("mandatory_min_stars", e),
                min_stars: r.map("min_stars", e, |v| v.parse().ok().filter(|s: &u8| *s <= 5)),
                veto: r
                    .text("veto")
                    .split([';', '；'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                max_missing: r.num("max_missing", e).map(|x| x.max(0.0) as u32),
                tier: tier_map.shift_remove(&stars).unwrap_or_default(),
                provisional: r.flag("provisional", e),
                basis: r.text("basis"),
            }
        })
        .collect();
    for stars in tier_map.keys() {
        e.push(said!(
            words::TIERS_WITHOUT_RULE,
            SHEET_TIERS,
            *stars,
            SHEET_RATING
        ));
    }
    if !errs2.is_empty() {
        return Err(ImportError { problems: errs2 });
    }
    let st = Standard {
        format: load::FORMAT,
        standard,
        scoring,
        dimension,
        indicator,
        rating,
    };
    // Validate exactly as a TOML file would be: the same checks, the same messages.
    let toml = st.to_toml();
    load_str(&toml, &path.display().to_string()).map_err(|le| ImportError {
        problems: le
            .problems
            .into_iter()
            .map(|p| said!(words::AS_LINTED, p.code.as_str(), p.message))
            .collect(),
    })
}
