//! The words of results: every sentence an assessment's data turn into, in
//! each language. The types say what (`assess::said`, `assess::rating`); this
//! is the one place that says how, for every renderer and the JSON alike.

use crate::Lang;
use crate::assess::rating::{Condition, Decided};
use crate::assess::said::{
    Computation, Input, Note, Obstacle, Part, PlanReason, Requirement, Shown, Value,
};
use crate::assess::score::{fmt_num, fmt2, unit_suffix, yes_no_word};
use crate::locale::Words;
use std::fmt::Write;

fn join<T: Words>(items: &[T], lang: Lang, sep_zh: &str, sep_en: &str, out: &mut String) {
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(lang.pick(sep_zh, sep_en));
        }
        x.write(lang, out);
    }
}

fn number(x: f64, unit: &str, lang: Lang, out: &mut String) {
    out.push_str(&fmt_num(x));
    out.push_str(&unit_suffix(unit, lang));
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
            Requirement::AllOf(parts) => join(parts, lang, "；", "; ", out),
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
                let _ = write!(
                    out,
                    "{} / {} × 100 = ",
                    fmt_num(*numerator),
                    fmt_num(*denominator)
                );
                number(*value, unit, lang, out);
            }
            Computation::ZeroDenominator { numerator } => {
                let n = fmt_num(*numerator);
                let _ = match lang {
                    Lang::Zh => write!(out, "{n} / 0：分母为零，无法计算"),
                    Lang::En => write!(out, "{n} / 0: the denominator is zero"),
                };
            }
            Computation::PerPopulation {
                count,
                population,
                per,
                value,
                unit,
            } => {
                let _ = write!(
                    out,
                    "{} / {} × {} = ",
                    fmt_num(*count),
                    fmt_num(*population),
                    fmt_num(*per)
                );
                number(*value, unit, lang, out);
            }
            Computation::NoPopulation { count } => {
                let c = fmt_num(*count);
                let _ = match lang {
                    Lang::Zh => write!(out, "{c}：缺少常住人口，无法计算"),
                    Lang::En => write!(out, "{c}: no resident population given"),
                };
            }
            Computation::Given(v) => v.write(lang, out),
            Computation::AllOf { parts, least } => {
                // Each sub-condition as given, without its requirement's sign.
                for (k, (p, stars)) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push_str(lang.pick("；", "; "));
                    }
                    out.push_str(p.name.get(lang));
                    out.push(' ');
                    number(p.value, &p.unit, lang, out);
                    let _ = write!(out, " → {stars}★");
                }
                out.push_str(lang.pick("；取最低：", "; the lowest: "));
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
            Shown::Missing => out.push_str(lang.pick("（缺失）", "(missing)")),
            Shown::Value(v) => v.write(lang, out),
            Shown::Answered(v) => {
                v.write(lang, out);
                out.push_str(lang.pick("（填报后不再计为缺失）", " (answered, no longer missing)"));
            }
        }
    }
}

impl Words for Input {
    fn write(&self, lang: Lang, out: &mut String) {
        let _ = match (self, lang) {
            (
                Input::Numerator {
                    op,
                    to,
                    denominator,
                },
                Lang::Zh,
            ) => write!(
                out,
                "分子 {} {}（分母 {}）",
                op.sign(),
                fmt_num(*to),
                fmt_num(*denominator)
            ),
            (
                Input::Numerator {
                    op,
                    to,
                    denominator,
                },
                Lang::En,
            ) => write!(
                out,
                "numerator {} {} of {}",
                op.sign(),
                fmt_num(*to),
                fmt_num(*denominator)
            ),
            (Input::NumeratorShare { op, percent }, Lang::Zh) => write!(
                out,
                "分子 {} 分母 × {}%（先填写分母）",
                op.sign(),
                fmt_num(*percent)
            ),
            (Input::NumeratorShare { op, percent }, Lang::En) => write!(
                out,
                "numerator {} {}% of the denominator (fill in the denominator first)",
                op.sign(),
                fmt_num(*percent)
            ),
            (Input::Count { op, to, population }, Lang::Zh) => write!(
                out,
                "数量 {} {}（常住人口 {}）",
                op.sign(),
                fmt_num(*to),
                fmt_num(*population)
            ),
            (Input::Count { op, to, population }, Lang::En) => write!(
                out,
                "count {} {} for a population of {}",
                op.sign(),
                fmt_num(*to),
                fmt_num(*population)
            ),
            (
                Input::CountPer {
                    op,
                    requirement,
                    per,
                    whole,
                },
                Lang::Zh,
            ) => write!(
                out,
                "先在“基本信息”中填写常住人口，再使数量 {} 常住人口 × {} ÷ {}（{}）",
                op.sign(),
                fmt_num(*requirement),
                fmt_num(*per),
                if *whole {
                    "向上取整"
                } else {
                    "保留两位小数向上取"
                }
            ),
            (
                Input::CountPer {
                    op,
                    requirement,
                    per,
                    whole,
                },
                Lang::En,
            ) => write!(
                out,
                "fill in the resident population in 基本信息 first; then a count {} population × {} ÷ {}, rounded {}",
                op.sign(),
                fmt_num(*requirement),
                fmt_num(*per),
                if *whole {
                    "up to a whole number"
                } else {
                    "up to two decimals"
                }
            ),
            (Input::Part(p), _) => {
                p.write(lang, out);
                Ok(())
            }
        };
    }
}

impl Words for Obstacle {
    fn write(&self, lang: Lang, out: &mut String) {
        let _ = match (self, lang) {
            (Obstacle::CannotReach { code, best, need }, Lang::Zh) => {
                write!(out, "{code} 最高只能达到 {best}★，规则要求 {need}★")
            }
            (Obstacle::CannotReach { code, best, need }, Lang::En) => {
                write!(
                    out,
                    "{code} can reach at most {best}★; the rule needs {need}★"
                )
            }
            (Obstacle::PerResident { code }, Lang::Zh) => write!(
                out,
                "{code} 按常住人口计算：先在“基本信息”中填写常住人口，再重新评估"
            ),
            (Obstacle::PerResident { code }, Lang::En) => write!(
                out,
                "{code} is per resident: fill in the resident population in 基本信息 first, then assess again"
            ),
            (Obstacle::EvenAtBest(failing), _) => {
                out.push_str(lang.pick(
                    "即使每项指标都达到最高星级：",
                    "even with every indicator at its best: ",
                ));
                join(failing, lang, "；", "; ", out);
                Ok(())
            }
        };
    }
}

impl Words for PlanReason {
    fn write(&self, lang: Lang, out: &mut String) {
        let _ = match (self, lang) {
            (PlanReason::Top, _) => {
                out.push_str(lang.pick(
                    "已是该标准的最高星级",
                    "already at the standard's highest level",
                ));
                Ok(())
            }
            (PlanReason::CapNoPlan { cap }, Lang::Zh) => {
                write!(out, "搜索达到上限（{cap} 个组合），未找到方案")
            }
            (PlanReason::CapNoPlan { cap }, Lang::En) => {
                write!(
                    out,
                    "the search reached its cap ({cap} sets) without a plan"
                )
            }
            (PlanReason::CapFound { cap }, Lang::Zh) => write!(
                out,
                "搜索达到上限（{cap} 个组合），采用已找到的最好方案；方案可能不是最小的"
            ),
            (PlanReason::CapFound { cap }, Lang::En) => write!(
                out,
                "the search reached its cap ({cap} sets) and returned the best plan found; the plan may not be minimal"
            ),
            (PlanReason::Impossible(obstacles), _) => {
                join(obstacles, lang, "；", "; ", out);
                Ok(())
            }
        };
    }
}

impl Words for Note {
    fn write(&self, lang: Lang, out: &mut String) {
        let _ = match (self, lang) {
            (Note::Provisional { entries, of }, Lang::Zh) => write!(
                out,
                "所用标准中有 {entries} 项（共 {of} 项）为暂定值，并非正式发布的文本"
            ),
            (Note::Provisional { entries, of }, Lang::En) => write!(
                out,
                "{entries} of {of} entries of the standard are provisional, not the published text"
            ),
            (Note::Incomplete { missing }, Lang::Zh) => write!(
                out,
                "评级基于不完整的数据：{missing} 项指标缺失或无效（含加分项、扣分项；评级规则只计计分和必选指标）"
            ),
            (Note::Incomplete { missing }, Lang::En) => write!(
                out,
                "the rating stands on incomplete data: {missing} indicator(s) missing or invalid (bonus and deduction items included; the rating rules count scored and mandatory ones only)"
            ),
            (Note::NoLevel { standard }, Lang::Zh) => {
                write!(out, "基本信息未注明层级，按市级标准 {standard} 评估")
            }
            (Note::NoLevel { standard }, Lang::En) => write!(
                out,
                "基本信息 names no level; assessed against the city standard {standard}"
            ),
            (Note::NoReview, _) => {
                out.push_str(lang.pick(
                    "没有该主体的核查工作簿，只有自评结果",
                    "no review of this entity: self-reported rating only",
                ));
                Ok(())
            }
            (
                Note::OtherStandard {
                    benchmark,
                    assessed_against,
                    standard,
                },
                Lang::Zh,
            ) => write!(
                out,
                "对标工作簿 {benchmark} 按 {assessed_against} 评估，与本主体的标准 {standard} 不同，未比较"
            ),
            (
                Note::OtherStandard {
                    benchmark,
                    assessed_against,
                    standard,
                },
                Lang::En,
            ) => write!(
                out,
                "benchmark workbook {benchmark} was assessed against {assessed_against}, not {standard}; not compared"
            ),
        };
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
        let _ = match (self.kind, lang) {
            ("min-total", _) => write!(
                out,
                "{} {} {} {}",
                lang.pick("总分", "total"),
                fmt2(self.actual),
                cmp(self.holds, true),
                fmt_num(self.required)
            ),
            ("min-dimension", _) => write!(
                out,
                "{} {} {} {} {} {}",
                lang.pick("维度", "dimension"),
                code,
                self.name.as_ref().map_or("", |n| n.get(lang)),
                fmt2(self.actual),
                cmp(self.holds, true),
                fmt_num(self.required)
            ),
            ("mandatory-min-stars" | "min-stars", _) => {
                let label = if self.kind == "mandatory-min-stars" {
                    lang.pick("必选指标 ", "mandatory ")
                } else {
                    ""
                };
                let sign = if self.holds { "≥" } else { "<" };
                match lang {
                    Lang::Zh => write!(out, "{label}{code} 为 {have}★ {sign} {need}★"),
                    Lang::En => write!(out, "{label}{code} at {have}★ {sign} {need}★"),
                }
            }
            ("veto", Lang::Zh) if self.holds => {
                write!(out, "一票否决指标 {code} 为 {have}★，未否决")
            }
            ("veto", Lang::Zh) => write!(out, "一票否决指标 {code} 为 0★"),
            ("veto", Lang::En) if self.holds => write!(out, "veto {code} at {have}★, not failed"),
            ("veto", Lang::En) => write!(out, "veto {code} at 0★"),
            ("max-missing", Lang::Zh) => write!(
                out,
                "缺失的计分和必选指标 {have} 个 {} 允许 {need} 个",
                cmp(self.holds, false)
            ),
            ("max-missing", Lang::En) => write!(
                out,
                "{have} scored or mandatory indicator(s) missing {} {need} allowed",
                cmp(self.holds, false)
            ),
            (kind, _) => write!(out, "{kind}"),
        };
    }
}

impl Words for Decided {
    /// "the 3★ rule (three stars) holds: total 81.14 ≥ 80; …".
    fn write(&self, lang: Lang, out: &mut String) {
        if !self.rule {
            out.push_str(lang.pick("没有任何星级规则成立", "no star rule holds"));
            return;
        }
        let _ = match lang {
            Lang::Zh => write!(
                out,
                "{}（{}★）的规则成立：",
                self.name.get(lang),
                self.stars
            ),
            Lang::En => write!(
                out,
                "the {}★ rule ({}) holds: ",
                self.stars,
                self.name.get(lang)
            ),
        };
        join(&self.conditions, lang, "；", "; ", out);
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
