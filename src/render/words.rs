//! The words of results: every sentence an assessment's data turn into, in
//! each language. The types say what (`assess::said`, `assess::rating`); this
//! is the one place that says how, for every renderer and the JSON alike.

use crate::Lang;
use crate::assess::rating::{Condition, Decided};
use crate::assess::said::{
    Computation, Input, Note, Obstacle, Part, PlanReason, Requirement, Shown, Value,
};
use crate::assess::score::{fmt_num, fmt2, push_num, push_unit_suffix, yes_no_word};
use crate::catalogue::{Msg, common as m};
use crate::locale::Words;
use crate::submission::layout::SHEET_INFO;
use std::fmt::Write;

fn join<T: Words>(items: &[T], lang: Lang, sep: Msg, out: &mut String) {
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(sep.get(lang));
        }
        x.write(lang, out);
    }
}

fn number(x: f64, unit: &str, lang: Lang, out: &mut String) {
    push_num(x, out);
    push_unit_suffix(unit, lang, out);
}

impl Words for Value {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Value::Number { value, unit } => number(*value, unit, lang, out),
            Value::YesNo(b) => out.push_str(yes_no_word(*b, lang)),
            Value::Option(t) => out.push_str(t.get(lang)),
            Value::Stars(s) => {
                let _ = write!(out, "{s}★");
            }
        }
    }
}

impl Words for Part {
    /// "出图率 ≥ 80%".
    fn write(&self, lang: Lang, out: &mut String) {
        let _ = write!(out, "{} {} ", self.name.get(lang), self.op.sign());
        number(self.value, &self.unit, lang, out);
    }
}

impl Words for Requirement {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Requirement::Bound(op, v) => {
                out.push_str(op.sign());
                out.push(' ');
                v.write(lang, out);
            }
            Requirement::Answer(v) => v.write(lang, out),
            Requirement::AllOf(parts) => join(parts, lang, m::LIST_SEPARATOR, out),
        }
    }
}

impl Words for Computation {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Computation::Ratio {
                numerator,
                denominator,
                value,
                unit,
            } => {
                push_num(*numerator, out);
                out.push_str(" / ");
                push_num(*denominator, out);
                out.push_str(" × 100 = ");
                number(*value, unit, lang, out);
            }
            Computation::ZeroDenominator { numerator } => {
                let n = fmt_num(*numerator);
                m::ZERO_DENOMINATOR.fill_into(lang, &[&n], out);
            }
            Computation::PerPopulation {
                count,
                population,
                per,
                value,
                unit,
            } => {
                push_num(*count, out);
                out.push_str(" / ");
                push_num(*population, out);
                out.push_str(" × ");
                push_num(*per, out);
                out.push_str(" = ");
                number(*value, unit, lang, out);
            }
            Computation::NoPopulation { count } => {
                let c = fmt_num(*count);
                m::NO_POPULATION.fill_into(lang, &[&c], out);
            }
            Computation::Given(v) => v.write(lang, out),
            Computation::AllOf { parts, least } => {
                // Each sub-condition as given, without its requirement's sign.
                for (k, (p, stars)) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push_str(m::LIST_SEPARATOR.get(lang));
                    }
                    out.push_str(p.name.get(lang));
                    out.push(' ');
                    number(p.value, &p.unit, lang, out);
                    let _ = write!(out, " → {stars}★");
                }
                out.push_str(m::THE_LOWEST.get(lang));
                let _ = write!(out, "{least}★");
            }
            Computation::Grade { option, stars } => {
                let _ = write!(out, "{} → {stars}★", option.get(lang));
            }
        }
    }
}

impl Words for Shown {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Shown::Missing => out.push_str(m::SHOWN_MISSING.get(lang)),
            Shown::Value(v) => v.write(lang, out),
            Shown::Answered(v) => {
                v.write(lang, out);
                out.push_str(m::NO_LONGER_MISSING.get(lang));
            }
        }
    }
}

impl Words for Input {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Input::Numerator {
                op,
                to,
                denominator,
            } => m::INPUT_NUMERATOR.fill_into(
                lang,
                &[&op.sign(), &fmt_num(*to), &fmt_num(*denominator)],
                out,
            ),
            Input::NumeratorShare { op, percent } => {
                m::INPUT_NUMERATOR_SHARE.fill_into(lang, &[&op.sign(), &fmt_num(*percent)], out)
            }
            Input::Count { op, to, population } => m::INPUT_COUNT.fill_into(
                lang,
                &[&op.sign(), &fmt_num(*to), &fmt_num(*population)],
                out,
            ),
            Input::CountPer {
                op,
                requirement,
                per,
                whole,
            } => {
                let rounded = if *whole {
                    m::ROUNDED_WHOLE
                } else {
                    m::ROUNDED_TWO_DECIMALS
                }
                .get(lang);
                m::INPUT_COUNT_PER.fill_into(
                    lang,
                    &[
                        &op.sign(),
                        &fmt_num(*requirement),
                        &fmt_num(*per),
                        &rounded,
                        &SHEET_INFO,
                    ],
                    out,
                );
            }
            Input::Part(p) => p.write(lang, out),
        }
    }
}

impl Words for Obstacle {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Obstacle::CannotReach { code, best, need } => {
                m::CANNOT_REACH.fill_into(lang, &[code, best, need], out)
            }
            Obstacle::PerResident { code } => {
                m::PER_RESIDENT.fill_into(lang, &[code, &SHEET_INFO], out)
            }
            Obstacle::EvenAtBest(failing) => {
                out.push_str(m::EVEN_AT_BEST.get(lang));
                join(failing, lang, m::LIST_SEPARATOR, out);
            }
        }
    }
}

impl Words for PlanReason {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            PlanReason::Top => out.push_str(m::PLAN_AT_TOP.get(lang)),
            PlanReason::CapNoPlan { cap } => m::CAP_NO_PLAN.fill_into(lang, &[cap], out),
            PlanReason::CapFound { cap } => m::CAP_FOUND.fill_into(lang, &[cap], out),
            PlanReason::Impossible(obstacles) => {
                join(obstacles, lang, m::LIST_SEPARATOR, out);
            }
        }
    }
}

impl Words for Note {
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Note::Provisional { entries, of } => {
                m::NOTE_PROVISIONAL.fill_into(lang, &[entries, of], out)
            }
            Note::Incomplete { missing } => m::NOTE_INCOMPLETE.fill_into(lang, &[missing], out),
            Note::NoLevel { standard } => {
                m::NOTE_NO_LEVEL.fill_into(lang, &[standard, &SHEET_INFO], out)
            }
            Note::NoReview => out.push_str(m::NOTE_NO_REVIEW.get(lang)),
            Note::OtherStandard {
                benchmark,
                assessed_against,
                standard,
            } => m::NOTE_OTHER_STANDARD.fill_into(
                lang,
                &[benchmark, assessed_against, standard],
                out,
            ),
        }
    }
}

/// "≥" / "<" for a lower bound that holds or fails, "≤" / ">" for an upper one.
fn cmp(holds: bool, lower_bound: bool) -> &'static str {
    match (holds, lower_bound) {
        (true, true) => "≥",
        (false, true) => "<",
        (true, false) => "≤",
        (false, false) => ">",
    }
}

impl Words for Condition {
    /// "total 78.40 < 80", "mandatory A01 at 2★ < 3★".
    fn write(&self, lang: Lang, out: &mut String) {
        let code = self.subject.as_deref().unwrap_or("");
        let have = self.actual as u64;
        let need = self.required as u64;
        let _ = match self.kind {
            "min-total" => write!(
                out,
                "{} {} {} {}",
                m::TOTAL_WORD.get(lang),
                fmt2(self.actual),
                cmp(self.holds, true),
                fmt_num(self.required)
            ),
            "min-dimension" => write!(
                out,
                "{} {} {} {} {} {}",
                m::DIMENSION_WORD.get(lang),
                code,
                self.name.as_ref().map_or("", |n| n.get(lang)),
                fmt2(self.actual),
                cmp(self.holds, true),
                fmt_num(self.required)
            ),
            "mandatory-min-stars" | "min-stars" => {
                let label = if self.kind == "mandatory-min-stars" {
                    m::MANDATORY_LABEL.get(lang)
                } else {
                    ""
                };
                let sign = if self.holds { "≥" } else { "<" };
                m::INDICATOR_AT_STARS.fill_into(lang, &[&label, &code, &have, &sign, &need], out);
                Ok(())
            }
            "veto" if self.holds => {
                m::VETO_HOLDS.fill_into(lang, &[&code, &have], out);
                Ok(())
            }
            "veto" => {
                m::VETO_FAILS.fill_into(lang, &[&code], out);
                Ok(())
            }
            "max-missing" => {
                m::MAX_MISSING.fill_into(lang, &[&have, &cmp(self.holds, false), &need], out);
                Ok(())
            }
            kind => write!(out, "{kind}"),
        };
    }
}

impl Words for Decided {
    /// "the 3★ rule (three stars) holds: total 81.14 ≥ 80; …".
    fn write(&self, lang: Lang, out: &mut String) {
        if !self.rule {
            out.push_str(m::NO_RULE_HOLDS.get(lang));
            return;
        }
        m::RULE_HOLDS.fill_into(lang, &[&self.name.get(lang), &self.stars], out);
        join(&self.conditions, lang, m::LIST_SEPARATOR, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::said::Op;

    #[test]
    fn a_requirement_reads_as_before() {
        let r = Requirement::Bound(
            Op::AtLeast,
            Value::Number {
                value: 95.0,
                unit: "%".into(),
            },
        );
        assert_eq!(r.words(Lang::En), "≥ 95%");
        assert_eq!(r.words(Lang::Zh), "≥ 95%");
        assert_eq!(Shown::Missing.words(Lang::Zh), "（缺失）");
    }
}
