//! The lint codes of standard, benchmark and target files (`citystar
//! standards lint`, `targets lint`, `benchmarks show FILE`, and every command
//! that loads such a file): a namespace of their own beside the workbook codes.
//! Every lint problem stops the file from loading, so each is an error.
//! `duplicate-code` and `unit-mismatch` name a workbook code too; each
//! namespace keeps its own entry and `explain` shows both.

use super::{Entry, Severity, UnknownCode};
use serde::Serialize;
use std::fmt;

macro_rules! lint_codes {
    ($( $var:ident = $code:literal,
        [$tz:literal, $te:literal],
        [$ez:literal, $ee:literal],
        [$fz:literal, $fe:literal]; )*) => {
        /// A problem in a standard, benchmark or target file, named in
        /// kebab-case on output (`as_str`, serde).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum LintCode {
            $( $var, )*
        }

        impl LintCode {
            /// Every lint code, in documentation order.
            pub const ALL: &'static [LintCode] = &[$(LintCode::$var,)*];

            /// The stable kebab-case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(LintCode::$var => $code,)*
                }
            }

            /// Its catalogue entry (always an error: the file does not load).
            pub const fn entry(self) -> &'static Entry {
                match self {
                    $(LintCode::$var => &Entry {
                        code: $code,
                        severity: Severity::Error,
                        title_zh: $tz,
                        title_en: $te,
                        explain_zh: $ez,
                        explain_en: $ee,
                        fix_zh: $fz,
                        fix_en: $fe,
                    },)*
                }
            }
        }

        impl std::str::FromStr for LintCode {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok(LintCode::$var),)*
                    _ => Err(UnknownCode::new(s)),
                }
            }
        }
    };
}

impl fmt::Display for LintCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

lint_codes! {
    TomlSyntax = "toml-syntax",
    ["TOML 语法错误", "Not valid TOML"],
    ["文件的文字不是合法的 TOML：引号或括号不配对、同一个键写了两次、值的写法不对等。语法错误之后的内容无法读取，因此只报告这一条。",
     "The file's text is not valid TOML: an unclosed quote or bracket, a key given twice, a value written wrongly. Nothing after a syntax error can be read, so this is the only problem reported."],
    ["按报告的行和列改正写法；docs/standard-format.md 中有完整的示例。", "Correct the text at the line and column reported; docs/standard-format.md has a full example."];

    UnknownKey = "unknown-key",
    ["未知的键", "Unknown key"],
    ["表中有一个该文件格式没有的键，通常是拼写错误。消息中列出该表可以使用的键。",
     "A table holds a key this file format does not have, usually a typo. The message lists the keys the table takes."],
    ["改成消息列出的键之一，或删除该键。", "Change it to one of the keys listed, or delete it."];

    MissingKey = "missing-key",
    ["缺少必需的键", "Required key missing"],
    ["缺少一个必需的键，例如指标没有 `source`、分档类型没有 `stars`、对标数据没有 `year`，或文件中一个条目也没有。",
     "A required key is absent, such as an indicator without `source`, a threshold kind without `stars`, a benchmark figure without `year`, or a file with no entries at all."],
    ["补上消息中指出的键。", "Add the key the message names."];

    WrongType = "wrong-type",
    ["值的类型不对", "Value of the wrong type"],
    ["值的类型不对：需要数字的地方写了文字，需要表的地方写了数组，或数字是 inf、nan。",
     "A value has the wrong type: a string where a number belongs, an array where a table belongs, or a number that is inf or nan."],
    ["按消息中说明的类型改写该值（文字加引号，数字不加）。", "Write the value as the type the message asks for (strings in quotes, numbers without)."];

    BadValue = "bad-value",
    ["值不在允许范围内", "Value not allowed"],
    ["值不在允许的集合或范围内，例如 `kind = \"ratios\"`、百分比门槛超过 100、星级不在 0–5 之间、年份不在 1990–2100 之间。",
     "A value lies outside its allowed set or range, such as `kind = \"ratios\"`, a percentage threshold above 100, stars outside 0–5, or a year outside 1990–2100."],
    ["改成消息列出的值之一，或允许范围内的值。", "Use one of the values the message lists, or a value within the range."];

    EmptyValue = "empty-value",
    ["值为空", "Empty value"],
    ["对标文件中需要文字的键（名称、单位、来源等）写了空字符串或只有空格。",
     "A key of a benchmark file that needs text (a name, a unit, a source) holds an empty or blank string."],
    ["填写该值，或在可选时删除该键。", "Fill in the value, or delete the key where it is optional."];

    BadWeight = "bad-weight",
    ["权重或分值不对", "Wrong weight or points"],
    ["计分的维度或指标没有大于 0 的 `weight`，加分项或扣分项没有大于 0 的 `points`，或用错了两者中的一个。",
     "A scored dimension or indicator has no `weight` above 0, a bonus or deduction item has no `points` above 0, or the entry uses the wrong one of the two."],
    ["计分条目用 `weight`，加分和扣分条目用 `points`，且都大于 0。", "Give scored entries a `weight` and bonus or deduction items `points`, each above 0."];

    BadRole = "bad-role",
    ["角色与维度不符", "Role does not fit its dimension"],
    ["加分项指标放在了非加分维度中，或非加分指标放在了 `role = \"bonus\"` 的维度中。",
     "A bonus indicator sits outside a bonus dimension, or a non-bonus indicator sits in a dimension with `role = \"bonus\"`."],
    ["改正指标的 `role` 或它所属的 `dimension`。", "Correct the indicator's `role` or the `dimension` it names."];

    WeightsDoNotAddUp = "weights-do-not-add-up",
    ["权重之和不是 100", "Weights do not add up to 100"],
    ["计分维度的权重之和，或同一维度内各指标的权重之和，不等于 100。",
     "The weights of the scored dimensions, or of the indicators within one dimension, do not add up to 100."],
    ["调整权重使其和为 100；消息中给出现在的和。", "Change the weights so they add up to 100; the message gives the present sum."];

    DuplicateCode = "duplicate-code",
    ["代码重复", "Code used twice"],
    ["两个维度或指标使用了同一个代码，同一星级有两条规则（或有 0★ 的规则），分级指标的同一选项列了两次，或目标文件中两个目标的 id 相同。",
     "Two dimensions or indicators share a code, one star level has two rules (or there is a rule for 0★), a graded indicator lists an option twice, or two targets of a target file share an id."],
    ["给每个条目一个唯一的代码或 id，每个星级只保留一条规则。", "Give each entry its own code or id, and keep one rule per star level."];

    ThresholdsNotMonotone = "thresholds-not-monotone",
    ["门槛没有逐级提高", "Thresholds do not rise"],
    ["1★ 到 5★ 的要求没有按指标的方向严格逐级提高；较高的星级要求的总分更低；或子档没有从低到高列出。",
     "The 1★…5★ requirements do not rise strictly in the indicator's direction, a higher star asks for a lower total, or the tiers are not listed lowest first."],
    ["按标准原文核对各星级的门槛，使每一级都比前一级严格。", "Check each star's threshold against the standard's text so every level is stricter than the one before."];

    UnknownDimension = "unknown-dimension",
    ["未声明的维度", "Undeclared dimension"],
    ["指标或星级规则引用了文件中没有声明的维度代码。",
     "An indicator or a star rule names a dimension code the file does not declare."],
    ["改正代码的拼写，或添加该 [[dimension]]。", "Correct the code's spelling, or add that [[dimension]]."];

    UnknownIndicator = "unknown-indicator",
    ["未声明的指标", "Undeclared indicator"],
    ["星级规则引用了文件中没有声明的指标代码，或对标数据的 `indicator` 不是所对应标准中的指标（消息列出已知的代码）。",
     "A star rule names an indicator code the file does not declare, or a benchmark figure's `indicator` is no indicator of the standard it is compared with (the message lists the known codes)."],
    ["改正代码的拼写，或添加该指标。", "Correct the code's spelling, or add that indicator."];

    EmptyDimension = "empty-dimension",
    ["维度中没有指标", "Dimension without indicators"],
    ["声明了一个维度，但没有任何指标属于它。",
     "A dimension is declared but no indicator belongs to it."],
    ["为该维度添加指标，或删除该维度。", "Add indicators to the dimension, or delete it."];

    MissingBasis = "missing-basis",
    ["暂定条目缺少依据", "Provisional entry without a basis"],
    ["标记为 `provisional`（暂定）的指标、维度或规则没有在 `basis` 中说明其数字的来源。",
     "An indicator, dimension or rule marked `provisional` does not say in `basis` where its numbers come from."],
    ["在 `basis` 中写明依据，例如所参照的文件和条款。", "Say in `basis` what it rests on, such as the document and clause followed."];

    MissingWhy = "missing-why",
    ["缺少不可比的原因", "Reason for not comparable missing"],
    ["对标数据标记为 `comparable = false`，却没有在 `why` 中说明口径有何不同；或只给了中文的 `why_zh` 而没有英文的 `why`。",
     "A benchmark figure marked `comparable = false` does not say in `why` how its definition differs, or it gives the Chinese `why_zh` without the English `why`."],
    ["在 `why` 中写明口径差异（`why_zh` 为其中文）。", "Say in `why` how the definitions differ (`why_zh` is its Chinese)."];

    ComparableWithoutIndicator = "comparable-without-indicator",
    ["可比却没有对应指标", "Comparable without an indicator"],
    ["对标数据标记为 `comparable = true`，却没有用 `indicator` 指明与哪个指标比较。",
     "A benchmark figure is marked `comparable = true` but names no `indicator` to be compared with."],
    ["补上 `indicator`，或去掉 `comparable`。", "Add the `indicator`, or remove `comparable`."];

    DerivedWithoutInputs = "derived-without-inputs",
    ["推算值缺少来源数据", "Derived figure without inputs"],
    ["对标数据标记为 `derived = true`（由其他数字推算），却没有在 `inputs` 中列出推算所用的有来源的数字。",
     "A benchmark figure is marked `derived = true` (computed from other numbers) but lists no `inputs`, the sourced numbers it is computed from."],
    ["在 `inputs` 中列出推算所用的数字及其来源。", "List in `inputs` the numbers it is computed from, with their sources."];

    InputsWithoutDerived = "inputs-without-derived",
    ["有来源数据却不是推算值", "Inputs on a figure that is not derived"],
    ["对标数据列出了 `inputs`，但没有标记 `derived = true`；`inputs` 只属于推算值。",
     "A benchmark figure lists `inputs` but is not marked `derived = true`; `inputs` belong to derived figures only."],
    ["加上 `derived = true`，或删除 `inputs`。", "Add `derived = true`, or remove the `inputs`."];

    UnitMismatch = "unit-mismatch",
    ["单位与指标不符", "Unit differs from the indicator's"],
    ["对标数据的 `unit` 与它所对应指标在标准中的单位不同，两者无法直接比较。",
     "A benchmark figure's `unit` differs from the unit its indicator has in the standard, so the two cannot be compared as they are."],
    ["换算成指标的单位，或标记 `comparable = false` 并在 `why` 中说明。", "Convert the figure to the indicator's unit, or mark it `comparable = false` and say why."];

    Unreadable = "unreadable",
    ["无法读取", "Could not be read"],
    ["文件没有读出结果，也没有报告其他问题。正常情况下不会出现；出现时说明读取程序本身有缺陷。",
     "The file gave no result and no other problem was reported. It should not happen; when it does, the loader itself is at fault."],
    ["请报告此问题，并附上该文件。", "Report it, with the file."];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_code_round_trips() {
        for &c in LintCode::ALL {
            assert_eq!(c.as_str().parse::<LintCode>(), Ok(c));
            assert_eq!(c.entry().code, c.as_str());
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
    }
}
