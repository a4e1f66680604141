//! The catalogue's words that several surfaces say alike (see [`super`]).

super::messages! {
    /// Words given in each language, not made from the catalogue.
    AS_GIVEN: "{0}", "{0}";
    /// {0}: a label; what follows it is the value.
    LABEL_COLON: "{0}：", "{0}: ";
    /// {0}: a label (a file); {1}: what it says.
    LABELLED: "{0}：{1}", "{0}: {1}";
    /// {0} and, in brackets, what qualifies it (a year, a code, a count).
    IN_BRACKETS: "{0}（{1}）", "{0} ({1})";
    // ── words of several surfaces ──
    /// A benchmark value computed from published figures.
    DERIVED: "推算", "derived";
    /// The weight of the bonus area, which has no weight.
    WEIGHT_BONUS: "加分项", "bonus";
    /// Between the items of a list in a line.
    LIST_SEPARATOR: "；", "; ";
    /// Between names in a line.
    NAME_SEPARATOR: "、", ", ";

    // ── a star level's name when the standard gives none ──
    NO_STAR: "无星级", "no star";
    ONE_STAR: "一星级", "one star";
    TWO_STARS: "二星级", "two stars";
    THREE_STARS: "三星级", "three stars";
    FOUR_STARS: "四星级", "four stars";
    FIVE_STARS: "五星级", "five stars";

    // ── the words of results (render::words) ──
    /// The numerator.
    ZERO_DENOMINATOR: "{0} / 0：分母为零，无法计算", "{0} / 0: the denominator is zero";
    /// The count.
    NO_POPULATION: "{0}：缺少常住人口，无法计算", "{0}: no resident population given";
    /// Before the lowest stars of an all-of indicator's parts.
    THE_LOWEST: "；取最低：", "; the lowest: ";
    SHOWN_MISSING: "（缺失）", "(missing)";
    /// After a value a plan asks for where none was given.
    NO_LONGER_MISSING: "（填报后不再计为缺失）", " (answered, no longer missing)";
    /// The sign, the numerator asked for, the denominator.
    INPUT_NUMERATOR: "分子 {0} {1}（分母 {2}）", "numerator {0} {1} of {2}";
    /// The sign, the percent of the denominator.
    INPUT_NUMERATOR_SHARE: "分子 {0} 分母 × {1}%（先填写分母）", "numerator {0} {1}% of the denominator (fill in the denominator first)";
    /// The sign, the count asked for, the population.
    INPUT_COUNT: "数量 {0} {1}（常住人口 {2}）", "count {0} {1} for a population of {2}";
    ROUNDED_WHOLE: "向上取整", "up to a whole number";
    ROUNDED_TWO_DECIMALS: "保留两位小数向上取", "up to two decimals";
    /// The sign, the requirement, per how many, ROUNDED_WHOLE or ROUNDED_TWO_DECIMALS, the sheet 基本信息.
    INPUT_COUNT_PER: "先在“{4}”中填写常住人口，再使数量 {0} 常住人口 × {1} ÷ {2}（{3}）", "fill in the resident population in {4} first; then a count {0} population × {1} ÷ {2}, rounded {3}";
    /// The indicator, its best stars, the stars the rule needs.
    CANNOT_REACH: "{0} 最高只能达到 {1}★，规则要求 {2}★", "{0} can reach at most {1}★; the rule needs {2}★";
    /// The indicator, the sheet 基本信息.
    PER_RESIDENT: "{0} 按常住人口计算：先在“{1}”中填写常住人口，再重新评估", "{0} is per resident: fill in the resident population in {1} first, then assess again";
    EVEN_AT_BEST: "即使每项指标都达到最高星级：", "even with every indicator at its best: ";
    PLAN_AT_TOP: "已是该标准的最高星级", "already at the standard's highest level";
    /// The search's cap.
    CAP_NO_PLAN: "搜索达到上限（{0} 个组合），未找到方案", "the search reached its cap ({0} sets) without a plan";
    CAP_FOUND: "搜索达到上限（{0} 个组合），采用已找到的最好方案；方案可能不是最小的", "the search reached its cap ({0} sets) and returned the best plan found; the plan may not be minimal";
    /// Provisional entries, all entries.
    NOTE_PROVISIONAL: "所用标准中有 {0} 项（共 {1} 项）为暂定值，并非正式发布的文本", "{0} of {1} entries of the standard are provisional, not the published text";
    /// Indicators missing or invalid.
    NOTE_INCOMPLETE: "评级基于不完整的数据：{0} 项指标缺失或无效（含加分项、扣分项；评级规则只计计分和必选指标）", "the rating stands on incomplete data: {0} indicator(s) missing or invalid (bonus and deduction items included; the rating rules count scored and mandatory ones only)";
    /// The city standard used, the sheet 基本信息.
    NOTE_NO_LEVEL: "{1}未注明层级，按市级标准 {0} 评估", "{1} names no level; assessed against the city standard {0}";
    NOTE_NO_REVIEW: "没有该主体的核查工作簿，只有自评结果", "no review of this entity: self-reported rating only";
    /// The benchmark workbook, its standard, the entity's standard.
    NOTE_OTHER_STANDARD: "对标工作簿 {0} 按 {1} 评估，与本主体的标准 {2} 不同，未比较", "benchmark workbook {0} was assessed against {1}, not {2}; not compared";
    /// A rating condition's subject.
    TOTAL_WORD: "总分", "total";
    DIMENSION_WORD: "维度", "dimension";
    /// Before a mandatory indicator's code.
    MANDATORY_LABEL: "必选指标 ", "mandatory ";
    /// MANDATORY_LABEL or nothing, the indicator, its stars, the sign, the stars needed.
    INDICATOR_AT_STARS: "{0}{1} 为 {2}★ {3} {4}★", "{0}{1} at {2}★ {3} {4}★";
    /// The veto indicator, its stars.
    VETO_HOLDS: "一票否决指标 {0} 为 {1}★，未否决", "veto {0} at {1}★, not failed";
    VETO_FAILS: "一票否决指标 {0} 为 0★", "veto {0} at 0★";
    /// Missing, the sign, allowed.
    MAX_MISSING: "缺失的计分和必选指标 {0} 个 {1} 允许 {2} 个", "{0} scored or mandatory indicator(s) missing {1} {2} allowed";
    NO_RULE_HOLDS: "没有任何星级规则成立", "no star rule holds";
    /// The rule's name, its stars.
    RULE_HOLDS: "{0}（{1}★）的规则成立：", "the {1}★ rule ({0}) holds: ";
}
