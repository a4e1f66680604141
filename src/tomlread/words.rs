//! The words of the problems found in standard, benchmark and target files
//! and in an imported standard workbook, in every language citystar speaks.
//! A [`Message`] holds a catalogue entry and its arguments, never a sentence:
//! the sentence is made in the reader's language when it is shown
//! ([`Words`]), so `standards lint`, the load errors of `assess` and the
//! JSON say the same problem in zh or en.
//!
//! Keys, codes, ids and values quoted from the file are arguments and stay as
//! written; the words around them are the entry's.

pub(crate) use crate::catalogue::said::said;
pub use crate::catalogue::said::{Arg, Message};

/// A TOML value's type as the reader calls it (`toml_span`'s `type_str`).
pub fn type_name(t: &str) -> Arg {
    let zh = match t {
        "string" => "文字",
        "integer" => "整数",
        "float" => "小数",
        "boolean" => "布尔值",
        "array" => "数组",
        "table" => "表",
        "inline table" => "内联表",
        "inf or nan" => "inf 或 nan",
        other => other,
    };
    Arg::each(zh, t)
}

/// A token of the TOML parser's messages (`expected a value, found an equals`).
fn token_zh(t: &str) -> &str {
    match t {
        "a value" => "值",
        "a table key" => "表的键",
        "newline" | "a newline" => "换行",
        "eof" => "文件结尾",
        "an identifier" => "键名",
        "an equals" => "等号",
        "a period" => "句点",
        "a comment" => "注释",
        "whitespace" => "空白",
        "a comma" => "逗号",
        "a right brace" => "右花括号",
        "a left brace" => "左花括号",
        "a right bracket" => "右方括号",
        "a left bracket" => "左方括号",
        "a multiline string" => "多行字符串",
        "a string" => "字符串",
        "a colon" => "冒号",
        "a plus" => "加号",
        other => other,
    }
}

/// Why the TOML parser stopped, in each language: its own English words, and
/// Chinese for every error it can give while parsing.
pub fn syntax_error(e: &toml_span::Error) -> Arg {
    use toml_span::ErrorKind as K;
    let esc = |c: char| -> String {
        if c.is_whitespace() {
            c.escape_default().to_string()
        } else {
            c.to_string()
        }
    };
    let zh = match &e.kind {
        K::UnexpectedEof => "文件意外结束".to_string(),
        K::ExceededDepthLimit => "嵌套层数超过上限".to_string(),
        K::InvalidCharInString(c) => format!("字符串中有不允许的字符 `{}`", esc(*c)),
        K::InvalidEscape(c) => format!("字符串中的转义字符 `{}` 不合法", esc(*c)),
        K::InvalidHexEscape(c) => format!("字符串中的十六进制转义字符 `{}` 不合法", esc(*c)),
        K::InvalidEscapeValue(c) => format!("转义值 `{c}` 不合法"),
        K::Unexpected(c) => format!("出现了意外的字符 `{}`", esc(*c)),
        K::UnterminatedString => "字符串没有结束引号".to_string(),
        K::Wanted { expected, found } => {
            format!("这里应为{}，实际是{}", token_zh(expected), token_zh(found))
        }
        K::InvalidNumber => "数字不合法".to_string(),
        K::OutOfRange(t) => format!("超出 '{t}' 的范围"),
        K::DuplicateTable { name, .. } => format!("表 `{name}` 定义了两次"),
        K::DuplicateKey { key, .. } => format!("键 `{key}` 写了两次"),
        K::RedefineAsArray => "表被重新定义为数组".to_string(),
        K::MultilineStringKey => "键不能是多行字符串".to_string(),
        K::DottedKeyInvalidType { .. } => "带点的键试图扩展一个不是表的值".to_string(),
        K::UnquotedString => "值不合法；文字需要加引号".to_string(),
        _ => e.to_string(),
    };
    Arg::each(zh, e.to_string())
}

crate::catalogue::messages! {
    // How a load error begins (`LoadError::render`).
    FILE_PROBLEMS: "{0}：{2}中有{1}个问题", "{0}: {1} problem(s) in the {2}";
    FIRST_SHOWN: "{0}：以下是前{1}个问题；改正后再次检查可看到其余问题",
        "{0}: the first {1} problems follow; fix them and lint again for the rest";
    STANDARD_FILE: "标准文件", "standard file";
    BENCHMARK_FILE: "对标文件", "benchmark file";
    TARGET_FILE: "目标文件", "target file";
    COULD_NOT_READ: "{0}无法读取", "the {0} could not be read";
    NOT_TOML: "不是合法的 TOML：{0}", "not valid TOML: {0}";

    // What a table is called inside a sentence.
    WHAT_FILE: "文件", "the file";
    WHAT_NTH: "第{1}个{0}", "{0} #{1}";
    WHAT_DIMENSION: "维度 `{0}`", "dimension `{0}`";
    WHAT_INDICATOR: "指标 `{0}`", "indicator `{0}`";
    WHAT_OPTION: "`options` 的第{0}项", "option #{0}";
    WHAT_CONDITION: "`conditions` 的第{0}项", "condition #{0}";
    WHAT_RULE: "{0}★ 评级规则", "the {0}★ rating rule";
    WHAT_TIER: "`tier` 的第{0}项", "tier #{0}";
    WHAT_TARGET: "第{0}个目标", "target {0}";

    // Reading values (`tomlread`).
    MUST_BE_TABLE: "{0}必须是表，实际是{1}", "{0} must be a table, found {1}";
    NEEDS_KEY: "{0}缺少 `{1}`", "{0} needs `{1}`";
    UNKNOWN_KEY: "{1}中有未知的键 `{0}`；可用的键：{2}", "unknown key `{0}` in {1}; expected one of: {2}";
    BAD_CHOICE: "`{0}` 是 \"{1}\"；应为{2}之一", "`{0}` is \"{1}\"; use one of {2}";
    MUST_BE_STRING: "`{0}` 必须是文字，实际是{1}", "`{0}` must be a string, found {1}";
    MUST_BE_NUMBER: "`{0}` 必须是有限的数字，实际是{1}", "`{0}` must be a finite number, found {1}";
    MUST_BE_BOOL: "`{0}` 必须是 `true` 或 `false`，实际是{1}", "`{0}` must be true or false, found {1}";
    MUST_BE_STARS: "`{0}` 必须是 0 到 5 的整数星级，实际是{1}",
        "`{0}` must be a whole number of stars from 0 to 5, found {1}";
    MUST_BE_ARRAY: "`{0}` 必须是数组，实际是{1}", "`{0}` must be an array, found {1}";

    // Standard files (`standard::load`).
    FORMAT_VERSION: "`format = {0}`：本版 citystar 读取的格式为{1}", "`format = {0}`: this citystar reads format {1}";
    UNKNOWN_KIND: "{1}的 `kind = \"{0}\"` 不可用；应为{2}之一", "`kind = \"{0}\"` in {1}; use one of {2}";
    PASS_AND_STARS: "{0}同时给出了 `pass` 和 `stars`；只保留一个", "{0} gives both `pass` and `stars`; keep one";
    FIVE_STARS: "`stars` 需要正好 5 个要求（1★ 到 5★），实际有{0}个",
        "`stars` needs exactly five requirements (1★ to 5★), found {0}";
    CODE_MAP: "`{0}` 必须是“代码 = 值”的表，实际是{1}", "`{0}` must be a table of code = value, found {1}";
    MAX_MISSING: "`max_missing` 必须是 ≥ 0 的整数，实际是{0}", "`max_missing` must be a whole number ≥ 0, found {0}";
    LOWERCASE_NAME: "`{0} = \"{1}\"`：只能用小写 ASCII 字母、数字和 '-'（它要在命令行中输入）",
        "`{0} = \"{1}\"`: use lowercase ASCII letters, digits and '-' (it is typed on command lines)";
    CAP_BELOW_ZERO: "`{0} = {1}` 小于 0；上限是这些条目最多能使总分变动的分数，应为 0 或以上",
        "`{0} = {1}` is below 0; a cap is the most points the items can move the total, 0 or more";
    CAP_UNSET: "标准中有{1}，但 `{0}` 为 0 或未设置，这些条目永远不会计入；请在 [scoring] 中设置 `{0}`",
        "the standard has {1} items but `{0}` is 0 or absent, so they could never count; set `{0}` in [scoring]";
    BONUS_ITEMS: "加分项", "bonus";
    DEDUCTION_ITEMS: "扣分项", "deduction";
    DIMENSION_TWICE: "维度代码 `{0}` 用了两次；每个维度要有自己的代码",
        "dimension code `{0}` is used twice; give each dimension its own code";
    DIMENSION_NEEDS_WEIGHT: "计分维度 `{0}` 需要大于 0 的 `weight`", "scored dimension `{0}` needs a `weight` above 0";
    BONUS_DIMENSION_WEIGHT: "加分维度 `{0}` 没有权重，其中的条目以 `points` 加分；请删除 `weight`",
        "bonus dimension `{0}` carries no weight; its items add `points` instead. Remove `weight`";
    NO_DIMENSION: "标准中没有 [[dimension]]", "the standard has no [[dimension]]";
    DIMENSION_WEIGHTS: "计分维度的权重之和为{0}，而不是 100；请调整使其和为 100",
        "the weights of the scored dimensions add up to {0} instead of 100; change them so they do";
    CODE_TWICE: "代码 `{0}` 用了两次；指标和维度的代码必须唯一",
        "code `{0}` is used twice; indicator and dimension codes must be unique";
    INDICATOR_CODE: "指标代码 `{0}`：只能用 ASCII 字母、数字、'-' 和 '_'（填报表会在其后加 .N/.D/.C）",
        "indicator code `{0}`: use ASCII letters, digits, '-' and '_' only (workbooks add .N/.D/.C to it)";
    UNDECLARED_DIMENSION: "指标 `{0}` 所属的维度 `{1}` 在文件中没有声明",
        "indicator `{0}` names dimension `{1}`, which the file does not declare";
    IN_BONUS_DIMENSION: "指标 `{0}` 位于加分维度 `{1}` 中：请给它 `role = \"bonus\"`",
        "indicator `{0}` sits in bonus dimension `{1}`: give it `role = \"bonus\"`";
    BONUS_OUTSIDE: "加分指标 `{0}` 必须位于 `role = \"bonus\"` 的维度中",
        "bonus indicator `{0}` must sit in a dimension with `role = \"bonus\"`";
    NEEDS_WEIGHT: "{1}指标 `{0}` 需要大于 0 的 `weight`", "indicator `{0}` ({1}) needs a `weight` above 0";
    ROLE_SCORED: "计分", "scored";
    ROLE_MANDATORY: "必选", "mandatory";
    WEIGHTED_POINTS: "指标 `{0}` 按权重计分；`points` 只用于加分项和扣分项",
        "indicator `{0}` is weighted; `points` is for bonus and deduction items only";
    NEEDS_POINTS: "加分或扣分指标 `{0}` 需要大于 0 的 `points`", "bonus/deduction indicator `{0}` needs `points` above 0";
    POINTS_NOT_WEIGHT: "加分或扣分指标 `{0}` 用 `points`，不用 `weight`",
        "bonus/deduction indicator `{0}` takes `points`, not `weight`";
    NEEDS_STARS: "指标 `{0}`（`{1}`）需要 `stars = [1★, 2★, 3★, 4★, 5★]`",
        "indicator `{0}` ({1}) needs `stars = [1★, 2★, 3★, 4★, 5★]`";
    NOT_MONOTONE: "指标 `{0}` 的值{1}，因此每一星级的要求必须严格{2}于前一级；实际为{3}",
        "indicator `{0}` is {1}-is-better, so each star must ask for a strictly {2} value than the one before; found {3}";
    HIGHER_IS_BETTER: "越高越好", "higher";
    LOWER_IS_BETTER: "越低越好", "lower";
    HIGHER: "高", "higher";
    LOWER: "低", "lower";
    PERCENT_RANGE: "指标 `{0}` 是百分比或 0–100 的分数；其要求必须在 0–100 之内",
        "indicator `{0}` is a percentage or a 0–100 score; its requirements must lie within 0–100";
    STARS_FROM_ANSWERS: "指标 `{0}` 的类型是 `{1}`：其星级由填报的答案决定，请删除 `stars`",
        "indicator `{0}` is {1}: its stars come from its answers, remove `stars`";
    CONDITION_COUNT: "`all-of` 指标 `{0}` 需要 1 到{1}个条件，实际有{2}个",
        "all-of indicator `{0}` needs 1 to {1} conditions, found {2}";
    CONDITION_MONOTONE: "`{1}` 的第{0}个条件（{2}）：每一星级的要求必须严格{3}于前一级（或只给一个 `pass` 值）；实际为{4}",
        "condition {0} of `{1}` ({2}): each star must ask for a strictly {3} value than the one before (or give one `pass` value); found {4}";
    CONDITION_PERCENT: "`{1}` 的第{0}个条件是百分比；其要求必须在 0–100 之内",
        "condition {0} of `{1}` is a percentage; its requirements must lie within 0–100";
    GRADE_OPTIONS: "分级指标 `{0}` 至少需要两个选项", "graded indicator `{0}` needs at least two options";
    GRADE_TWICE: "分级指标 `{0}` 把选项 \"{1}\" 列了两次", "graded indicator `{0}` lists option \"{1}\" twice";
    PER_ABOVE_ZERO: "指标 `{0}`：`per` 必须大于 0", "indicator `{0}`: `per` must be above 0";
    INDICATOR_BASIS: "指标 `{0}` 是暂定的：请在 `basis` 中说明其数字的来源",
        "indicator `{0}` is provisional: say in `basis` where its numbers come from";
    INDICATOR_SOURCE: "指标 `{0}` 需要 `source`：该指标出自何处",
        "indicator `{0}` needs a `source`: where the indicator comes from";
    DIMENSION_EMPTY: "维度 `{0}` 中没有指标", "dimension `{0}` has no indicators";
    INDICATOR_WEIGHTS: "维度 `{0}` 中各指标的权重之和为{1}，而不是 100；请调整使其和为 100",
        "the weights of the indicators in dimension `{0}` add up to {1} instead of 100; change them so they do";
    DIMENSION_BASIS: "维度 `{0}` 是暂定的：请在 `basis` 中说明其权重的来源",
        "dimension `{0}` is provisional: say in `basis` where its weight comes from";
    RULE_TWICE: "{0}★ 的规则不止一条，或有 0★ 的规则；1–5 每个星级只保留一条规则",
        "there is more than one rule for {0}★, or a rule for 0★; keep one rule per star level 1–5";
    RULE_DIMENSION: "{0}★ 规则引用的维度 `{1}` 在文件中没有声明",
        "the {0}★ rule names dimension `{1}`, which the file does not declare";
    RULE_INDICATOR: "{0}★ 规则在 `{2}` 中引用的指标 `{1}` 在文件中没有声明",
        "the {0}★ rule names indicator `{1}` in `{2}`, which the file does not declare";
    TIERS_ORDER: "{0}★ 规则的子档必须从低到高列出", "the tiers of the {0}★ rule must be listed lowest first";
    RULE_BASIS: "{0}★ 规则是暂定的：请在 `basis` 中说明其来源",
        "the {0}★ rule is provisional: say in `basis` where it comes from";
    RULE_TOTAL: "{0}★ 规则要求的总分（{1}）低于{2}★ 规则（{3}）；请提高",
        "the {0}★ rule asks for a lower total ({1}) than the {2}★ rule ({3}); raise it";
    NO_RULES: "标准中没有 [[rating]] 规则", "the standard has no [[rating]] rules";
    NO_EMBEDDED: "没有{0}的内置标准", "no embedded standard for level {0}";

    // Benchmark files (`benchmark::load`).
    EMPTY: "`{0}` 为空", "`{0}` is empty";
    YEAR: "`{0}` 必须是年份（例如 2023），实际是{1}", "`{0}` must be a year such as 2023, found {1}";
    TEXTS: "`{0}` 必须是文字或文字数组，实际是{1}", "`{0}` must be a string or an array of strings, found {1}";
    BENCHMARK_FORMAT: "`format = {0}`：本版 citystar 读取的对标格式为{1}",
        "`format = {0}`: this citystar reads benchmark format {1}";
    FIGURES: "`figure` 必须是表的数组（[[figure]]），实际是{0}",
        "`figure` must be an array of tables ([[figure]]), found {0}";
    DERIVED_INPUTS: "推算值要列出 `inputs`（推算所用的有来源的数字）",
        "a derived figure lists its `inputs` (the sourced numbers it is computed from)";
    INPUTS_DERIVED: "`inputs` 只属于推算值；请加上 `derived = true`，或删除 `inputs`",
        "`inputs` belong to a derived figure; add `derived = true` or remove them";
    INPUTS_ZH: "`inputs_zh` 逐条翻译 `inputs`：它列了{0}条，而 `inputs` 列了{1}条",
        "`inputs_zh` translates `inputs` one for one: it lists {0} where `inputs` lists {1}";
    FIGURE_COMPARABLE: "第{0}个 [[figure]] 指明了指标，因此需要 `comparable = true`，或 `comparable = false` 并给出 `why`",
        "[[figure]] #{0} names an indicator, so it needs `comparable = true` or `comparable = false` with `why`";
    COMPARABLE_INDICATOR: "`comparable = true` 需要用 `indicator` 指明与哪个指标比较",
        "`comparable = true` needs the `indicator` the figure is compared with";
    COMPARABLE_WHY: "`comparable = false` 的对标数据要在 `why` 中说明口径有何不同",
        "a figure with `comparable = false` says `why` (how its definition differs)";
    WHY_ENGLISH: "`why_zh` 是 `why` 的中文；请同时给出英文的 `why`",
        "`why_zh` translates `why`; give the English `why` too";
    NO_SUCH_INDICATOR: "{1}中没有指标 `{0}`；已知的代码：{2}", "no indicator `{0}` in {1}; known codes: {2}";
    CATALOG_STANDARD: "标准 {0}", "standard {0}";
    CATALOG_REFERENCE: "参照指标清单", "the reference indicator list";
    UNIT_DIFFERS: "单位 \"{0}\" 与{1}的单位 \"{2}\" 不同", "unit \"{0}\" differs from {1}'s unit \"{2}\"";

    // Target files (`rounds::targets`).
    WHOLE_ENTITIES: "`{0}` 必须是评估对象的个数，即 1 或以上的整数",
        "`{0}` must be a whole number of entities, 1 or more";
    TARGET_PERCENT: "`percent` 必须大于 0 且不超过 100", "`percent` must be above 0 and at most 100";
    ONE_REQUIREMENT: "第{0}个目标需要 `percent`、`count`、`more` 三者中的正好一个",
        "target {0} needs exactly one of `percent`, `count` or `more`";
    TARGET_YEAR: "`year` 必须是 1990–2100 之间的年份", "`year` must be a year, 1990–2100";
    TARGET_STARS: "`stars` 必须是 1–5", "`stars` must be 1–5";
    NO_TARGETS: "文件中没有 [[target]]", "the file has no [[target]]";
    TARGET_TWICE: "两个目标的 `id` 都是 `{0}`", "two targets have the id `{0}`";
    TARGET_SOURCES: "目标 `{0}`：标为有出处（`sourced`）的文件要为每个目标给出 `sources`（或为整个文件给出）",
        "target `{0}`: a sourced file gives each target's `sources` (or the file's)";

    // Standard workbooks (`standards import`, `standard::table`).
    IMPORT_PROBLEMS: "工作簿中有{0}个问题：", "{0} problem(s) in the workbook:";
    NOT_A_WORKBOOK: "{0}：不是可读取的工作簿：{1}", "{0}: not a readable workbook: {1}";
    CELL_NUMBER_TEXT: "{0}：`{1}` 必须是数字，实际是 \"{2}\"", "{0}: `{1}` must be a number, found \"{2}\"";
    CELL_NUMBER: "{0}：`{1}` 必须是数字，实际是{2}", "{0}: `{1}` must be a number, found {2}";
    CELL_STARS: "{0}：`{1}` 必须是 0–5 的整数星级，实际是{2}", "{0}: `{1}` must be a whole number of stars 0–5, found {2}";
    CELL_FLAG_TEXT: "{0}：`{1}` 必须是 TRUE 或 FALSE，实际是 \"{2}\"", "{0}: `{1}` must be TRUE or FALSE, found \"{2}\"";
    CELL_FLAG: "{0}：`{1}` 必须是 TRUE 或 FALSE，实际是{2}", "{0}: `{1}` must be TRUE or FALSE, found {2}";
    CELL_MAP: "{0}：`{1}` 的各项应写成“代码=值”，以 ';' 分隔，实际是 \"{2}\"",
        "{0}: `{1}` entries are CODE=value separated by ';', found \"{2}\"";
    SHEET_MISSING: "缺少工作表 \"{0}\"；导出一个标准即可看到其格式", "sheet \"{0}\" is missing; export a standard to see the layout";
    NO_COLUMN: "工作表 \"{0}\" 的第一行中没有 \"{1}\" 列", "sheet \"{0}\" has no column \"{1}\" in its first row";
    SHEET_COUNT: "内部错误：工作表数目不对", "internal: sheet count";
    CELL_LEVEL: "{0}：`level` 必须是 `city`、`county` 或 `community`，实际是 \"{1}\"",
        "{0}: `level` must be city, county or community, found \"{1}\"";
    CELL_METHOD: "{0}：`scoring.method` 必须是 `stars` 或 `goalposts`，实际是 \"{1}\"",
        "{0}: `scoring.method` must be stars or goalposts, found \"{1}\"";
    CELL_MISSING: "{0}：`scoring.missing` 必须是 `zero` 或 `exclude`，实际是 \"{1}\"",
        "{0}: `scoring.missing` must be zero or exclude, found \"{1}\"";
    CELL_KIND: "{0}：未知的指标类型 \"{1}\"", "{0}: unknown kind \"{1}\"";
    CELL_ALL_STARS: "{0}：star1 到 star5 要么五个都填，要么都不填", "{0}: give all five of star1..star5, or none";
    CELL_ROLE: "{0}：未知的角色 \"{1}\"", "{0}: unknown role \"{1}\"";
    CONDITIONS_NOT_ALL_OF: "{0}：有 `{1}` 的条件，但它在{2}中不是 `all-of` 指标",
        "{0}: conditions for `{1}`, which is not an all-of indicator in {2}";
    OPTIONS_NOT_GRADE: "{0}：有 `{1}` 的选项，但它在{2}中不是分级指标",
        "{0}: options for `{1}`, which is not a graded indicator in {2}";
    TIERS_WITHOUT_RULE: "{0}：有{1}★ 的子档，但{2}中没有该星级的行", "{0}: tiers for {1}★, which has no row in {2}";
    AS_LINTED: "[{0}] {1}", "[{0}] {1}";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn a_problem_serialises_its_words_in_the_documents_language() {
        let p = crate::tomlread::Problem {
            code: crate::diag::LintCode::MissingKey,
            line: 37,
            column: 1,
            message: said!(NEEDS_KEY, said!(WHAT_INDICATOR, "A01"), "source"),
        };
        let zh = serde_json::to_value(crate::locale::Localized(Lang::Zh, &p)).unwrap();
        let en = serde_json::to_value(crate::locale::Localized(Lang::En, &p)).unwrap();
        assert_eq!(zh["message"], "指标 `A01` 缺少 `source`");
        assert_eq!(en["message"], "indicator `A01` needs `source`");
        assert_eq!(
            (&zh["code"], &zh["line"]),
            (&"missing-key".into(), &37.into())
        );
    }

    /// The parser's reasons in Chinese; English as `toml_span` says them.
    #[test]
    fn toml_syntax_errors_are_said_in_each_language() {
        for (text, zh) in [
            ("a = \n", "这里应为值，实际是换行"),
            ("a = \"x\n", "字符串中有不允许的字符 `\\n`"),
            ("a = \"x", "字符串没有结束引号"),
            ("[t]\n[t]\n", "表 `t` 定义了两次"),
            ("a = 1\na = 2\n", "键 `a` 写了两次"),
            ("a = tru\n", "值不合法；文字需要加引号"),
        ] {
            let e = toml_span::parse(text).unwrap_err();
            let m = said!(NOT_TOML, syntax_error(&e));
            assert_eq!(
                m.words(Lang::Zh),
                format!("不是合法的 TOML：{zh}"),
                "{text:?}"
            );
            assert_eq!(m.words(Lang::En), format!("not valid TOML: {e}"));
        }
    }

    #[test]
    fn chinese_spaces_latin_words_and_numbers_from_han_only() {
        let m = said!(NEEDS_KEY, said!(WHAT_INDICATOR, "A01"), "source");
        assert_eq!(m.words(Lang::Zh), "指标 `A01` 缺少 `source`");
        assert_eq!(m.words(Lang::En), "indicator `A01` needs `source`");
        let m = said!(NEEDS_KEY, said!(WHAT_FILE), "format");
        assert_eq!(m.words(Lang::Zh), "文件缺少 `format`");
        let m = said!(FILE_PROBLEMS, "a.toml", 3, said!(STANDARD_FILE));
        assert_eq!(m.words(Lang::Zh), "a.toml：标准文件中有 3 个问题");
        assert_eq!(
            m.words(Lang::En),
            "a.toml: 3 problem(s) in the standard file"
        );
        let m = said!(MUST_BE_NUMBER, "min_total", type_name("string"));
        assert_eq!(
            m.words(Lang::Zh),
            "`min_total` 必须是有限的数字，实际是文字"
        );
        let m = said!(WHAT_NTH, "[[dimension]]", 2);
        assert_eq!(m.words(Lang::Zh), "第 2 个 [[dimension]]");
        assert_eq!(m.words(Lang::En), "[[dimension]] #2");
        // The entry's own quotes wrap the argument without a space.
        let m = said!(GRADE_TWICE, "A02", "在建");
        assert_eq!(m.words(Lang::Zh), "分级指标 `A02` 把选项 \"在建\" 列了两次");
        let m = said!(UNKNOWN_KEY, "x", "[benchmark]", "name");
        assert_eq!(
            m.words(Lang::Zh),
            "[benchmark] 中有未知的键 `x`；可用的键：name"
        );
    }
}
