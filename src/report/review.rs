//! The report's review sheet (核查 / Review), when a review was applied:
//! both ratings side by side, every change with its finding and effect, and
//! the plan on the verified values; and the evidence files of the provenance.

use super::Context;
use super::style::{Formats, Grid, page_setup};
use crate::Lang;
use crate::assess::Assessment;
use crate::catalogue::report as m;
use rust_xlsxwriter::{Workbook, XlsxError};

/// Add the review sheet to `wb` when `a` carries a review.
pub fn sheet(
    wb: &mut Workbook,
    a: &Assessment,
    cx: &Context,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = cx.lang;
    let (Some(r), Some(sec)) = (a.review.as_ref(), crate::render::review::section(a, lang)) else {
        return Ok(());
    };
    let v = &r.verified;
    let ws = wb.add_worksheet().set_name(m::SHEET_REVIEW.get(lang))?;
    page_setup(ws, None)?;
    let mut g = Grid::new(ws);
    g.loose(0, 0, m::REVIEW_RESULT.get(lang), &f.title)?;
    g.loose(1, 0, &sec.source, &f.note)?;
    let mut row = 3;
    g.header(
        row,
        0,
        &[
            "",
            m::SELF_REPORTED.get(lang),
            m::VERIFIED_VALUE.get(lang),
            m::CHANGE.get(lang),
        ],
        &f.header,
    )?;
    row += 1;
    g.text(row, 0, m::TOTAL.get(lang), &f.label)?;
    g.num(row, 1, a.score, &f.num2)?;
    g.num(row, 2, v.score, &f.num2)?;
    g.num(row, 3, r.score_change, &f.num2)?;
    row += 1;
    g.text(row, 0, m::STARS.get(lang), &f.label)?;
    g.num(row, 1, a.stars as f64, &f.int)?;
    g.num(row, 2, v.stars as f64, &f.int)?;
    g.num(row, 3, v.stars as f64 - a.stars as f64, &f.int)?;
    row += 1;
    g.text(row, 0, m::RATING.get(lang), &f.label)?;
    let label = |x: &Assessment| match x.tier.as_ref().map(|t| t.get(lang)) {
        Some(tier) => format!("{} · {tier}", x.stars_label.get(lang)),
        None => x.stars_label.get(lang).to_string(),
    };
    g.text(row, 1, &label(a), &f.text)?;
    g.text(row, 2, &label(v), &f.text)?;
    row += 1;
    for (d, vd) in a.dimensions.iter().zip(&v.dimensions) {
        g.text(
            row,
            0,
            &format!("{} {}", d.code, d.name.get(lang)),
            &f.label,
        )?;
        let score = |x: &crate::assess::DimensionResult| x.score.or(x.points);
        g.opt(row, 1, score(d), &f.num2)?;
        g.opt(row, 2, score(vd), &f.num2)?;
        if let (Some(x), Some(y)) = (score(d), score(vd)) {
            g.num(row, 3, crate::assess::round2(y - x), &f.num2)?;
        }
        row += 1;
    }
    row = g.section(row, m::REVIEW_CHANGES.get(lang), &sec.header, f)?;
    for c in &sec.changes {
        for (k, text) in c.iter().enumerate() {
            g.text(row, k as u16, text, &f.wrap)?;
        }
        row += 1;
    }
    g.loose(
        row + 1,
        0,
        crate::render::review::effects_note(lang),
        &f.note,
    )?;
    row += 2;
    if let Some(line) = &sec.plan_line {
        row = g.section(row, line, &sec.plan_header, f)?;
        for p in &sec.plan {
            for (k, text) in p.iter().enumerate() {
                g.text(row, k as u16, text, &f.text)?;
            }
            row += 1;
        }
    }
    let _ = row;
    g.finish(10.0, 48.0, &[(4, 48.0)])
}

/// The provenance rows of the evidence files and the review workbook.
pub fn provenance_rows(
    g: &mut Grid,
    row: &mut u32,
    a: &Assessment,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    for e in &a.evidence {
        g.text(*row, 0, m::EVIDENCE_FILE.get(lang), &f.label)?;
        g.text(
            *row,
            1,
            &crate::render::bracketed(lang, &e.path, &e.indicator),
            &f.text,
        )?;
        g.text(
            *row,
            2,
            &format!("{} B, {}", e.bytes, e.kind.key()),
            &f.text,
        )?;
        g.text(*row, 3, &e.sha256, &f.text)?;
        *row += 1;
    }
    if let Some(r) = &a.review {
        g.text(*row, 0, m::REVIEW_WORKBOOK.get(lang), &f.label)?;
        g.text(*row, 1, &r.file, &f.text)?;
        g.text(
            *row,
            2,
            &r.reviewers
                .join(crate::catalogue::common::NAME_SEPARATOR.get(lang)),
            &f.text,
        )?;
        g.text(*row, 3, &r.sha256, &f.text)?;
        *row += 1;
    }
    Ok(())
}
