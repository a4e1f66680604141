//! The catalogue's words of the report surface (see [`super`]): the entity
//! and summary workbooks, the HTML reports and their row model.

super::messages! {
    // ── workbook and sheets ──
    SHEET_SUMMARY: "总览", "Summary";
    SHEET_INDICATORS: "指标明细", "Indicators";
    SHEET_GAPS: "差距分析", "Gaps";
    SHEET_PLAN: "晋星路径", "Plan";
    SHEET_DIAGNOSTICS: "数据问题", "Diagnostics";
    SHEET_PROVENANCE: "来源", "Provenance";
    /// The workbook's title property, after the entity's name.
    WORKBOOK_TITLE: "智慧城市星级评估", "smart-city star assessment";

    // ── words shared by the tables ──
    CODE: "代码", "Code";
    DIMENSION: "维度", "Dimension";
    INDICATOR: "指标", "Indicator";
    ROLE: "类别", "Role";
    VALUE: "值", "Value";
    UNIT: "单位", "Unit";
    STARS: "星级", "Stars";
    NEXT_STAR_NEEDS: "下一星要求", "Next star needs";
    SCORE: "得分", "Score";
    WEIGHT: "权重", "Weight";
    POINTS: "分值", "Points";
    CONTRIBUTION: "贡献", "Contribution";
    COVERAGE: "覆盖", "Coverage";
    BENCHMARK: "对标", "Benchmark";
    BENCHMARKS: "对标", "Benchmarks";
    OWN: "本地值", "Own";
    /// The benchmark's value, in a table whose column of own values is "Own".
    BENCHMARK_VALUE_SHORT: "对标值", "Benchmark";
    BENCHMARK_VALUE: "对标值", "Benchmark value";
    GAP: "差距", "Gap";
    POINTS_AT_STAKE: "可得分", "Points at stake";
    FROM: "现值", "From";
    TO: "目标", "To";
    POINTS_GAINED: "增分", "Points gained";
    STATUS: "状态", "Status";
    PROVISIONAL: "暂定", "Provisional";
    COMPUTATION: "计算", "Computation";
    SOURCE: "来源", "Source";
    YES: "是", "yes";
    NO: "否", "no";
    NONE: "无", "none";

    // ── roles and statuses of an indicator ──
    ROLE_SCORED: "计分", "scored";
    ROLE_MANDATORY: "必选", "mandatory";
    ROLE_BONUS: "加分项", "bonus";
    ROLE_DEDUCTION: "扣分", "deduction";
    STATUS_OK: "有效", "ok";
    STATUS_MISSING: "缺失", "missing";
    STATUS_INVALID: "无效", "invalid";

    // ── where a benchmark value comes from ──
    /// Appended to a figure's metric when the figure was derived from others.
    ORIGIN_DERIVED: " · 推算", " · derived";
    /// {0}: the entity's name.
    ORIGIN_ENTITY: "主体 {0}", "entity {0}";
    COHORT_MEDIAN: "中位数", "median";
    COHORT_TOP_QUARTILE: "前四分位", "top quartile";
    /// {0}: the number of entities, {1}: the statistic (median, top quartile).
    COHORT_STATISTIC: "同批 {0} 个主体的{1}", "{1} of a cohort of {0}";

    // ── the next star's floors ──
    /// {0}: the next star.
    DIMENSION_FLOOR: "{0}★ 维度下限", "{0}★ dimension floor";
    /// {0}: the next star, {1}: its minimum total.
    MIN_TOTAL_NO_FLOOR: "{0}★ 总分下限 {1}（无维度下限）", "{0}★ minimum total {1} (no dimension floor)";

    // ── summary sheet ──
    REPORT_TITLE: "智慧城市星级评估", "Smart-city star assessment";
    ENTITY: "主体", "Entity";
    LEVEL: "层级", "Level";
    STANDARD: "标准", "Standard";
    EDITION: "版本", "Edition";
    PROVISIONAL_ENTRIES: "暂定条目", "Provisional entries";
    /// An Excel number format: "of 214" after the count of provisional entries.
    NUM_FORMAT_OF_N: "\"共 \"0\" 项\"", "\"of \"0";
    SUB_TIER: "子档", "Sub-tier";
    TOTAL: "总分", "Total";
    WEIGHTED: "加权得分", "Weighted";
    /// An Excel number format: "cap 10" beside the bonus and the deductions.
    NUM_FORMAT_CAP: "\"上限 \"0.##", "\"cap \"0.##";
    BONUS: "加分", "Bonus";
    DEDUCTIONS: "扣分", "Deductions";
    MISSING_OR_INVALID: "缺失或无效指标", "Missing or invalid";
    DATA_COMPLETE: "数据完整", "data complete";
    RATING_ON_INCOMPLETE_DATA: "评级基于不完整数据", "rating on incomplete data";
    DIAGNOSTICS_BY_SEVERITY: "诊断 错误/警告/提示", "Diagnostics error/warning/info";
    RATING_STABILITY: "评级稳定性", "Rating stability";
    /// {0}: draws, {1}: the stars, {2}: the seed.
    DRAWS_KEEP_STARS: "{0} 次权重扰动保持 {1}★（种子 {2}）", "of {0} weight draws keep {1}★ (seed {2})";
    /// A benchmark's coverage column; {0}: the benchmark.
    BENCHMARK_COVERAGE: "{0} 覆盖", "{0} coverage";
    DIMENSION_SCORES: "维度得分", "Dimension scores";
    RADAR_TITLE: "维度得分与下一星级", "Dimension scores vs next star";
    BONUS_DIMENSION: "加分维度", "Bonus dimension";
    NOTE_BENCHMARK_SCORES_SHARED:
        "对标得分只计双方都有数据的计权指标（权重在其中重新归一）。",
        "Benchmark scores count only the weighted indicators both sides have.";
    NOTE_BENCHMARK_SCORES_HALF:
        "只在对标数据覆盖该维度至少一半计权指标时给出（暂定）。",
        "They are given only where the figures cover half of the area (provisional).";
    NOTE_COVERAGE:
        "覆盖 = 双方都有的指标数 / 该维度计权指标数。",
        "Coverage = indicators both have / the area's weighted indicators.";
    WHY_THIS_RATING: "评级依据", "Why this rating";
    /// {0}: the stars, {1}: the rule's name.
    RULE_HOLDS: "{0}★（{1}）规则成立：", "The {0}★ rule ({1}) holds:";
    /// {0}: the next star, {1}: its rule's name.
    NOT_YET: "距 {0}★（{1}）尚缺：", "Not yet {0}★ ({1}):";
    TOP_GAPS: "主要差距", "Top gaps";
    NEXT_STAR_PLAN: "晋星路径", "Next-star plan";
    /// {0}: the number of steps (always more than ten).
    N_STEPS_SEE_PLAN: "共 {0} 步，见“晋星路径”表", "{0} steps in all: see the Plan sheet";

    // ── the plan's headline ──
    PLAN_AT_TOP: "已是本标准最高星级。", "Already at the standard's highest level.";
    /// {0}: why.
    PLAN_IMPOSSIBLE: "无法达到下一星级： {0}", "The next star cannot be reached: {0}";
    /// {0}: the target star, {1}: its name, {2}: the number of changes, {3}: the total afterwards.
    PLAN_FOUND:
        "升至 {0}★（{1}）：{2} 项改进，改进后总分 {3}",
        "To {0}★ ({1}): {2} change(s), total afterwards {3}";

    // ── indicators sheet ──
    /// A benchmark's value column; {0}: the benchmark.
    BENCHMARK_VALUE_OF: "{0} 对标值", "{0} value";
    /// A benchmark's gap column; {0}: the benchmark.
    BENCHMARK_GAP_OF: "{0} 差距", "{0} gap";

    // ── gaps sheet ──
    GAPS_TITLE: "与对标的差距", "Gaps to the benchmarks";
    NO_BENCHMARK: "本次评估未与其他地区对标。", "This assessment was not compared with a benchmark.";
    RELATIVE_GAP: "相对差距", "Relative gap";
    OWN_STARS: "本地星级", "Own stars";
    BENCHMARK_STARS: "对标星级", "Benchmark stars";
    /// {0}: the benchmark.
    LARGEST_GAPS_TO: "与 {0} 的最大差距（可得分）", "Largest gaps to {0} (points at stake)";
    NO_GAP_CARRIES_POINTS:
        "没有可得分的差距：各项均不低于对标。",
        "No gap carries points: every value is level with or ahead of the benchmark.";
    DIMENSION_GAPS: "维度差距", "Dimension gaps";
    OWN_SCORE: "本地得分", "Own score";
    BENCHMARK_SCORE: "对标得分", "Benchmark score";
    SHARED: "共有指标", "Shared";
    WEIGHTED_INDICATORS: "计权指标", "Weighted";
    FIGURES_NOT_COMPARED: "未比较的对标数据", "Benchmark figures not compared";
    METRIC: "口径", "Metric";
    YEAR: "年份", "Year";
    WHY: "原因", "Why";

    // ── plan sheet ──
    PLAN_FOUND_FEWEST: "已找到（最少步数）", "found (fewest steps)";
    PLAN_FOUND_CAPPED: "已找到（可能非最少）", "found (may not be minimal)";
    PLAN_STATUS_IMPOSSIBLE: "无法达到", "impossible";
    PLAN_STATUS_TOP: "已是最高星级", "at the top";
    NOW: "当前", "Now";
    TARGET: "目标星级", "Target";
    AFTERWARDS: "改进后", "Afterwards";
    VERIFIED: "已复核", "Verified";
    STAR_STEPS: "星级步数", "Star steps";
    /// {0}: the next star.
    CONDITIONS_THAT_FAIL: "{0}★ 规则中尚未满足的条件", "Conditions of the {0}★ rule that fail";
    CONDITION: "条件", "Condition";
    SUBJECT: "对象", "Subject";
    ACTUAL: "实际", "Actual";
    REQUIRED: "要求", "Required";
    /// A condition's sentence.
    CONDITION_TEXT: "说明", "Text";
    STEPS: "步骤", "Steps";
    TARGET_VALUE: "目标值", "To";
    FROM_WORDS: "现状", "From (words)";
    TO_WORDS: "目标", "To (words)";
    STARS_FROM: "现星级", "Stars from";
    STARS_TO: "目标星级", "Stars to";
    RELATIVE_CHANGE: "相对变化", "Relative change";

    // ── diagnostics sheet ──
    SEVERITY: "严重程度", "Severity";
    LOCATION: "位置", "Location";
    RAW_TEXT: "原文", "Raw text";
    MESSAGE: "说明", "Message";
    HINT: "建议", "Hint";
    NO_DATA_PROBLEMS: "没有数据问题。", "No data problems.";

    // ── provenance sheet ──
    TIME_FROM_ENV: "取自 SOURCE_DATE_EPOCH", "from SOURCE_DATE_EPOCH";
    TIME_OF_WRITING: "生成时刻", "the time of writing";
    TIME: "时间", "Time";
    COMPUTED_FROM_BATCH: "（同批计算）", "(computed from the batch)";
    PROVENANCE_TITLE: "来源与可复现性", "Provenance";
    STANDARD_ID: "标准 id", "Standard id";
    STANDARD_SHA256: "标准 SHA-256", "Standard SHA-256";
    INPUT_FILE: "输入文件", "Input file";
    INPUT_SHA256: "输入 SHA-256", "Input SHA-256";
    LANGUAGE: "语言", "Language";
    DRAWS_SEED: "扰动次数 / 种子", "Draws / seed";
    TOTAL_P5_P95: "总分 5% / 95%", "Total 5% / 95%";
    STABILITY_NOT_COMPUTED: "未计算（扰动次数为 0）", "not computed (no draws)";
    PLAN_SETS_TRIED: "晋星计划搜索的组合 / 上限", "Plan: sets tried / limit";
    BYTE_IDENTICAL_WORKBOOK:
        "同一输入、同一 SOURCE_DATE_EPOCH 生成的工作簿逐字节相同。",
        "The same inputs and SOURCE_DATE_EPOCH give a byte-identical workbook.";
}
