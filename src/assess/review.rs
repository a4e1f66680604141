//! Assessing with the assessor's review: the verified values (核定值) replace
//! the reported ones, evidence not accepted makes its indicator missing (the
//! standard's missing policy then decides), everything else stays as
//! reported. The verified rating is [`super::assess`] itself run on the
//! submission so changed; the scoring is never touched. docs/review.md.

use super::{Assessment, DiagnosticOut, Options};
use crate::catalogue::said::say;
use crate::catalogue::workbook as w;
use crate::diag::{Code, Diagnostic};
use crate::standard::Standard;
use crate::submission::review::{Review, Row};
use crate::submission::{ItemValue, Submission};
use serde::Serialize;

/// One input item whose value the review changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// `A-01.N`.
    pub code: String,
    /// The reported cell text and where it was (`指标填报!F12`).
    pub reported: String,
    pub reported_location: String,
    /// The verified cell text and where it is (`核查!H12`); empty when the
    /// evidence was not accepted and the item counts as missing.
    pub verified: String,
    pub verified_location: String,
}

/// One indicator the review changed, and what that did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub indicator: String,
    #[serde(serialize_with = "crate::locale::words")]
    pub name: crate::diag::Text,
    pub items: Vec<ItemChange>,
    /// The evidence was marked not accepted (佐证采信 = 否).
    pub evidence_rejected: bool,
    /// 核查意见, and 核查人 where given (several rows' texts joined by "；").
    pub finding: String,
    pub reviewer: String,
    pub value_reported: Option<f64>,
    pub value_verified: Option<f64>,
    pub unit: String,
    pub stars_reported: u8,
    pub stars_verified: u8,
    /// Points this indicator adds to the total, reported and verified.
    pub contribution_reported: f64,
    pub contribution_verified: f64,
    /// The total and the rating had this change been the only one (the
    /// changes' effects need not add up: weights renormalise, caps bind).
    pub score_alone: f64,
    pub stars_alone: u8,
    /// `score_alone` − the self-reported total.
    pub effect: f64,
}

/// The review applied to one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reviewed {
    /// The review workbook, as given, and its SHA-256.
    pub file: String,
    pub sha256: String,
    pub reviewers: Vec<String>,
    /// Every indicator the review changed, in the standard's order.
    pub changes: Vec<Change>,
    /// Verified total − self-reported total.
    pub score_change: f64,
    /// The rating on the verified values: the same assessment, with its own
    /// dimensions, rating, reasons and next-star plan.
    pub verified: Assessment,
}

/// A diagnostic as output, re-levelled like the reader's (`None` when allowed).
pub fn out(d: &Diagnostic, options: &Options) -> Option<DiagnosticOut> {
    let severity = options.levels.severity(d.code, d.severity)?;
    Some(DiagnosticOut {
        code: d.code,
        severity,
        location: d.location.clone(),
        raw: d.raw.clone(),
        indicator: d.indicator.clone(),
        message: d.message.clone(),
        hint: d.hint.clone(),
    })
}

/// What the review changes in one indicator: the item values replaced and
/// whether its evidence is rejected.
struct Edit<'r> {
    rows: Vec<&'r Row>,
    rejected: bool,
}

/// `submission` with the review's edits of the indicators in `only` (all
/// when `None`), and the reader's checks of the edited values. The reader's
/// findings at a replaced cell are superseded by the verified value; the
/// plausibility and cross checks (a numerator above its denominator …) run
/// again on the edited indicator, their findings returned as well as kept in
/// the edited submission (an error makes the indicator invalid there).
fn edited(
    standard: &Standard,
    submission: &Submission,
    edits: &[(String, Edit)],
    only: Option<&str>,
) -> (Submission, Vec<Diagnostic>) {
    use crate::submission::reader::{cross_checks, plausibility};
    let mut s = submission.clone();
    let mut found = Vec::new();
    for (code, e) in edits {
        if only.is_some_and(|o| o != code) {
            continue;
        }
        let Some(ind) = standard.indicator.iter().find(|i| &i.code == code) else {
            continue;
        };
        let Some(data) = s.data.get_mut(code) else {
            continue;
        };
        let mut replaced = Vec::new();
        for item in &mut data.items {
            if e.rejected {
                item.datum = None;
                continue;
            }
            if let Some((d, raw, loc)) = e
                .rows
                .iter()
                .find(|r| r.item == item.item)
                .and_then(|r| r.verified.as_ref())
            {
                replaced.push(item.location.clone());
                *item = ItemValue {
                    item: item.item,
                    datum: Some(*d),
                    location: loc.clone(),
                    raw: raw.clone(),
                };
            }
        }
        if replaced.is_empty() {
            continue;
        }
        s.diagnostics.retain(|d| {
            !(d.indicator.as_deref() == Some(code.as_str()) && replaced.contains(&d.location))
        });
        let mut diags = Vec::new();
        plausibility(
            ind,
            data,
            submission.entity.population,
            standard.level(),
            &mut diags,
        );
        cross_checks(ind, data, submission.entity.population, &mut diags);
        // Findings on cells the review did not change were made on reading already.
        diags.retain(|d| !s.diagnostics.contains(d));
        s.diagnostics.extend(diags.iter().cloned());
        found.extend(diags);
    }
    (s, found)
}

/// Apply `review` (already matched to the submission) and assess again.
/// Problems in the review are added to `diags`.
pub fn apply(
    standard: &Standard,
    submission: &Submission,
    reported: &Assessment,
    review: &Review,
    options: &Options,
    diags: &mut Vec<Diagnostic>,
) -> Reviewed {
    let rows = review.rows(standard, diags);
    // Per indicator: the rows that change something.
    let mut edits: Vec<(String, Edit)> = Vec::new();
    for ind in &standard.indicator {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.indicator == ind.code).collect();
        let rejected = mine.iter().any(|r| r.accepted == Some(false));
        let data = submission.data.get(&ind.code);
        let changed: Vec<&Row> = mine
            .iter()
            .copied()
            .filter(|r| {
                r.verified.as_ref().is_some_and(|(d, _, _)| {
                    data.and_then(|x| x.get(r.item)).and_then(|v| v.datum) != Some(*d)
                })
            })
            .collect();
        if !rejected && changed.is_empty() {
            continue;
        }
        let finding_given = mine.iter().any(|r| !r.finding.is_empty());
        if !finding_given {
            diags.push(
                Diagnostic::new(
                    Code::ReviewNoFinding,
                    mine.first().map(|r| r.location.clone()).unwrap_or_default(),
                    say!(w::CHANGED_VERIFIED_VALUE_EVIDENCE_DECISION, &ind.code),
                    say!(w::WRITE_REASON_FINDING_COLUMN),
                )
                .indicator(ind.code.clone()),
            );
        }
        edits.push((
            ind.code.clone(),
            Edit {
                rows: if rejected { mine } else { changed },
                rejected,
            },
        ));
    }

    let (verified_sub, found) = edited(standard, submission, &edits, None);
    diags.extend(found);
    let mut verified = super::assess(standard, &verified_sub, options);
    // The verified assessment lists the reader's findings once, on the reported side.
    verified.diagnostics = Vec::new();
    verified.evidence = Vec::new();

    let model = super::score::Model::new(standard);
    let changes = edits
        .iter()
        .filter_map(|(code, e)| {
            let i = standard.indicator.iter().position(|x| &x.code == code)?;
            let (alone, _) = edited(standard, submission, &edits, Some(code));
            let values: Vec<Option<f64>> = super::score::compute_values(standard, &alone)
                .iter()
                .map(|c| c.value)
                .collect();
            let scored = model.score(&values, &model.weights);
            let stars_alone = super::rating::rate(&model, &scored).stars;
            let (r, v) = (&reported.indicators[i], &verified.indicators[i]);
            let data = submission.data.get(code);
            let items = data
                .map(|d| {
                    d.items
                        .iter()
                        .filter_map(|it| {
                            let row = e.rows.iter().find(|r| r.item == it.item);
                            let ver = row.and_then(|r| r.verified.as_ref());
                            if !e.rejected && ver.is_none() {
                                return None;
                            }
                            Some(ItemChange {
                                code: crate::submission::layout::item_code(code, it.item),
                                reported: it.raw.clone(),
                                reported_location: it.location.clone(),
                                verified: if e.rejected {
                                    String::new()
                                } else {
                                    ver.map(|x| x.1.clone()).unwrap_or_default()
                                },
                                verified_location: ver.map(|x| x.2.clone()).unwrap_or_default(),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            let join = |f: fn(&Row) -> &str| {
                let mut v: Vec<&str> = e
                    .rows
                    .iter()
                    .map(|r| f(r))
                    .filter(|t| !t.is_empty())
                    .collect();
                v.dedup();
                v.join("；")
            };
            Some(Change {
                indicator: code.clone(),
                name: crate::diag::Text::new(&r.name_zh, &r.name_en),
                items,
                evidence_rejected: e.rejected,
                finding: join(|r| r.finding.as_str()),
                reviewer: join(|r| r.reviewer.as_str()),
                value_reported: r.value,
                value_verified: v.value,
                unit: r.unit.clone(),
                stars_reported: r.stars,
                stars_verified: v.stars,
                contribution_reported: r.contribution,
                contribution_verified: v.contribution,
                score_alone: scored.total,
                stars_alone,
                effect: super::round2(scored.total - reported.score),
            })
        })
        .collect();
    let mut reviewers: Vec<String> = rows
        .iter()
        .map(|r| r.reviewer.clone())
        .filter(|r| !r.is_empty())
        .collect();
    reviewers.sort();
    reviewers.dedup();
    Reviewed {
        file: review.file.clone(),
        sha256: review.sha256.clone(),
        reviewers,
        changes,
        score_change: super::round2(verified.score - reported.score),
        verified,
    }
}
