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

    // ── the report's rating and review boxes ──
    /// {0}: weighted, {1}: bonus, {2}: deductions.
    TOTAL_PARTS: "加权得分 {0} + 加分 {1} − 扣分 {2}", "weighted {0} + bonus {1} − deductions {2}";
    SELF_REPORTED: "自评", "Self-reported";
    /// The value an assessor verified.
    VERIFIED_VALUE: "核定", "Verified";
    CHANGE: "变化", "Change";
    /// {0}: where the verified values come from.
    REVIEW_BASIS:
        "以下结论依据核定值（{0}）；自评值与核定值的差异见“核查结果”一节。",
        "The conclusion below stands on the verified values ({0}); the differences from the self-reported ones are in the section “Review”.";

    // ── conditions of a star rule ──
    COND_KIND_MIN_TOTAL: "总分下限", "minimum total";
    COND_KIND_MIN_DIMENSION: "维度下限", "area floor";
    COND_KIND_MANDATORY_MIN_STARS: "必选指标星级", "mandatory indicator's stars";
    COND_KIND_MIN_STARS: "指标星级", "indicator's stars";
    COND_KIND_VETO: "一票否决", "veto";
    COND_KIND_MAX_MISSING: "缺失上限", "most missing";
    COND_KIND_OTHER: "条件", "condition";
    /// {0}: required, {1}: actual, {2}: short by.
    COND_MIN_TOTAL: "总分需达到 {0} 分，现为 {1}（差 {2}）", "the total must reach {0}; it is {1} ({2} short)";
    /// {0}: the area, {1}: required, {2}: actual.
    COND_MIN_DIMENSION: "“{0}”得分需达到 {1} 分，现为 {2}", "“{0}” must score at least {1}; it scores {2}";
    /// {0}: the code, {1}: the indicator, {2}: required stars, {3}: actual stars.
    COND_MANDATORY_MIN_STARS:
        "必选指标 {0}“{1}”需达到 {2}★，现为 {3}★",
        "mandatory indicator {0} “{1}” must reach {2}★; it is at {3}★";
    /// {0}: the code, {1}: the indicator, {2}: required stars, {3}: actual stars.
    COND_MIN_STARS:
        "指标 {0}“{1}”需达到 {2}★，现为 {3}★",
        "indicator {0} “{1}” must reach {2}★; it is at {3}★";
    /// {0}: the code, {1}: the indicator.
    COND_VETO: "一票否决指标 {0}“{1}”不得为 0★", "the veto indicator {0} “{1}” must not be at 0★";
    /// {0}: at most, {1}: missing now.
    COND_MAX_MISSING:
        "缺失的计分和必选指标最多 {0} 项，现有 {1} 项",
        "at most {0} scored or mandatory indicators may be missing; {1} are";

    // ── the conclusion: why this rating ──
    /// {0}: required, {1}: actual.
    HOLDS_MIN_TOTAL: "总分至少 {0} 分（实得 {1}）", "a total of at least {0} (it has {1})";
    /// {0}: the floor every area shares.
    HOLDS_AREAS_SAME: "各计分维度至少 {0} 分", "every scored area at least {0}";
    HOLDS_AREAS_OWN: "各计分维度达到各自下限", "every scored area at its floor";
    /// {0}: the stars every mandatory indicator reaches.
    HOLDS_MANDATORY: "必选指标均不低于 {0}★", "every mandatory indicator at {0}★ or better";
    HOLDS_NO_VETO: "无一票否决", "no veto failed";
    /// {0}: the most missing allowed.
    HOLDS_MAX_MISSING: "缺失的计分和必选指标不超过 {0} 项", "at most {0} scored or mandatory indicators missing";
    /// {0}: the entity, {1}: its rating, {2}: the rule in words.
    RATED_BY_RULE: "{0}评为{1}：{2}。", "{0} is rated {1}: {2}.";
    /// {0}: the entity, {1}: its rating, {2}: the total, {3}: the stars, {4}: the conditions met.
    RATED_MEETS_ALL:
        "{0}评为{1}，总分 {2}。{3}★ 的评定规则全部满足：{4}。",
        "{0} is rated {1}, with a total of {2}. It meets every condition of the {3}★ rule: {4}.";

    // ── the conclusion: the next star ──
    HIGHEST_LEVEL: "这已是本标准的最高星级。", "This is the highest level of the standard.";
    /// {0}: how many, {1}: the stars needed, {2}: their codes.
    N_MANDATORY_BELOW: "必选 {0} 项指标低于 {1}★（{2}）", "{0} mandatory indicators are below {1}★ ({2})";
    /// {0}: how many, {1}: the stars needed, {2}: their codes.
    N_NAMED_BELOW: "规则点名的 {0} 项指标低于 {1}★（{2}）", "{0} named indicators are below {1}★ ({2})";
    /// {0}: the next star, {1}: its name, {2}: how many conditions fail, {3}: them.
    NEXT_NOT_MET:
        "距 {0}★（{1}）还差 {2} 项条件：{3}。",
        "For {0}★ ({1}), {2} condition(s) are not yet met: {3}.";
    /// {0}: the plan's steps, {1}: the total afterwards.
    NEXT_BY_PLAN:
        "按下文的晋星计划改进 {0} 项指标后，总分可达 {1}。",
        " The plan below improves {0} indicator(s) and brings the total to {1}.";
    /// {0}: why.
    NEXT_IMPOSSIBLE:
        "无法仅靠改进现有指标达到：{0}。",
        " It cannot be reached by improving the indicators alone: {0}.";
    /// {0}: the score every area has.
    AREAS_SAME: "各计分维度得分相同（{0}）。", "Every scored area scores the same ({0}).";
    /// {0}: the strongest area, {1}: its score, {2}: the weakest, {3}: its score.
    STRONGEST_WEAKEST:
        "最强的维度是“{0}”（{1} 分），最弱的是“{2}”（{3} 分）。",
        "The strongest area is “{0}” ({1}), the weakest “{2}” ({3}).";

    // ── the conclusion: benchmarks ──
    /// {0}: the least coverage, a percentage.
    COVERAGE_THRESHOLD:
        "对标数据至少覆盖该维度 {0}% 的计权指标",
        "benchmark figures for at least {0}% of the area's weighted indicators";
    /// {0}: the benchmark, {1}: the area, {2}: shared, {3}: weighted, {4}: own score, {5}: the benchmark's, {6}: the gap, {7}: the coverage threshold.
    LARGEST_AREA_GAP:
        "与{0}相比，差距最大的是“{1}”：在双方都有数据的 {2}/{3} 项指标上，本地 {4} 分，{0} {5} 分（差 {6}）。只比较{7}的维度。",
        "Against {0}, the largest gap is in “{1}”: over the {2} of {3} indicators both have figures for, {4} here against {5} ({6} behind). Areas are compared only with {7}.";
    /// {0}: the coverage threshold, {1}: the benchmarks.
    NOT_BEHIND:
        "在对标数据足够的维度（{0}）上，不落后于{1}。",
        "Where the figures cover enough of an area ({0}), it is not behind {1}.";
    /// {0}: the benchmarks, {1}: the coverage threshold.
    TOO_FEW_FIGURES:
        "{0}的公开数据覆盖面不足（每个维度都达不到{1}），不宜按维度比较；逐项差距见“对标差距”一节。",
        "The published figures of {0} cover too little of any area to compare areas (none has {1}); the indicator gaps are listed under “Gaps to benchmarks”.";

    // ── the conclusion: the data ──
    DATA_COMPLETE_NO_PROBLEM:
        "填报数据完整，未发现影响评级的数据问题。",
        "The data are complete; no data problem affects the rating.";
    /// {0}: warnings.
    DATA_COMPLETE_WARNINGS:
        "数据完整；填报表中有 {0} 处需要核实的警告，不影响评级计算。",
        "The data are complete; the workbook has {0} warning(s) to check, which do not change the scoring.";
    /// {0}: missing or invalid indicators, {1}: errors, {2}: warnings.
    DATA_INCOMPLETE:
        "评级基于不完整的数据：{0} 项指标缺失或无效，填报表中有 {1} 处错误、{2} 处警告。补齐数据可能改变评级，详见“数据问题”一节。",
        "The rating stands on incomplete data: {0} indicator(s) are missing or invalid, and the workbook has {1} error(s) and {2} warning(s). Completing the data may change the rating; see “Data problems”.";
    ROLE_DEDUCTION_ITEM: "扣分项", "deduction";

    // ── the area chart ──
    /// {0}: the benchmark's score, {1}: own score, {2}: shared, {3}: weighted.
    BENCHMARK_CELL: "{0}（本地 {1}，{2}/{3} 项）", "{0} (own {1}, {2} of {3})";
    /// {0}: shared, {1}: weighted.
    BENCHMARK_CELL_TOO_FEW: "数据不足（{0}/{1} 项）", "too few figures ({0} of {1})";
    /// {0}: the coverage threshold.
    CHART_NOTE_BENCHMARK:
        "对标得分只计双方都有数据的计权指标（权重在其中重新归一），括号内为本地在同一组指标上的得分和覆盖的指标数。只有{0}时才显示和绘制（本工具的暂定选择）。",
        "A benchmark's area score counts only the weighted indicators both sides have figures for (weights renormalised over them); in brackets, the own score over the same indicators and how many they are. It is shown and drawn only with {0} (our provisional choice).";
    /// The floor column's header; {0}: the next star.
    FLOOR_HEAD: "{0}★ 下限", "{0}★ floor";

    // ── the plan and the gaps ──
    PLAN_NOTE_VERIFIED:
        "计划已按改进后的数值重新评定核实。完成顺序不限；每项的“增分”是单独完成该项时总分的增加。",
        "The plan was checked by rating the improved values again. The tasks can be done in any order; each task's points are what it adds to the total on its own.";
    PLAN_NOTE_CAPPED:
        "搜索达到上限，这一计划可达下一星级，但不一定是最少的改进。",
        "The search reached its limit: this plan reaches the next star but may not be the smallest.";
    NO_COMPARABLE_FIGURE: "没有可比的对标数据。", "No comparable benchmark figure.";

    // ── the entity report's header and sections ──
    REPORT_TITLE_LONG: "新型智慧城市星级评估报告", "Smart-city star assessment report";
    FOOTER:
        "由 citystar 生成。用浏览器的“打印 → 另存为 PDF”即得 PDF 版本（A4 纵向）。",
        "Made by citystar. A browser's “Print → Save as PDF” gives the PDF (A4 portrait).";
    ENTITY_ASSESSED: "评估对象", "Entity";
    STANDARD_ASSESSED: "评估标准", "Standard";
    DATA_YEAR: "数据年度", "Data year";
    DATE_OF_ASSESSMENT: "评估日期", "Date of assessment";
    CITY: "所属地市", "City";
    DIVISION_CODE: "行政区划代码", "Division code";
    NO_DATA_PROBLEMS_FOUND: "没有发现数据问题。", "No data problems were found.";
    /// {0}: errors, {1}: warnings, {2}: notes.
    PROBLEM_COUNTS:
        "错误 {0} 处、警告 {1} 处、提示 {2} 处，每条注明所在单元格。",
        "{0} error(s), {1} warning(s), {2} note(s), each at its cell.";
    /// {0}: the standard's code, {1}: its edition, {2}: provisional entries, {3}: all entries.
    PROVISIONAL_NOTICE:
        "本报告所用的是 {0}（{1}）。DB37/T 3890 正式发布的指标表、权重和评定规则尚未取得，其中 {2} 项（共 {3} 项）阈值或权重为依据公开资料拟定的暂定值，评级仅供自查参考，以正式标准为准。",
        "This report uses {0} ({1}). The published DB37/T 3890 indicator tables, weights and rating rules are not available to us: {2} of its {3} entries are provisional values rebuilt from public sources. The rating is a self-check, not the official result.";

    // ── how the rating is computed ──
    METHOD_STARS_ZERO:
        "指标星级：取数值满足的最高一级星级要求（按指标方向），缺失为 0★；指标得分 = 星级 ÷ 5 × 100，缺失记 0 分。",
        "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction; 0★ when missing. Indicator score = stars ÷ 5 × 100; a missing one scores 0.";
    METHOD_STARS_EXCLUDE:
        "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分 = 星级 ÷ 5 × 100；缺失的指标不计入，维度内权重在其余指标间重新归一。",
        "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = stars ÷ 5 × 100; a missing one is left out and the area's weights renormalised over the rest.";
    METHOD_GOALPOSTS_ZERO:
        "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分为数值在下限与 5★ 要求之间的线性位置（0–100），缺失记 0 分。",
        "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = the value's linear position between its floor and the 5★ requirement (0–100); a missing one scores 0.";
    METHOD_GOALPOSTS_EXCLUDE:
        "指标星级：取数值满足的最高一级星级要求（按指标方向）；指标得分为数值在下限与 5★ 要求之间的线性位置（0–100）；缺失的指标不计入，维度内权重在其余指标间重新归一。",
        "Indicator stars: the highest star whose requirement the value meets, in the indicator's direction. Indicator score = the value's linear position between its floor and the 5★ requirement (0–100); a missing one is left out and the area's weights renormalised over the rest.";
    /// {0}: the bonus cap, {1}: the deduction cap.
    METHOD_TOTAL:
        "维度得分为其指标得分的加权平均；总分 = 各维度加权得分之和 + 加分（上限 {0}）− 扣分（上限 {1}），限于 0–100，保留两位小数。",
        "An area's score is the weighted mean of its indicators' scores; total = the weighted area scores + bonus (at most {0}) − deductions (at most {1}), within 0–100, two decimals.";
    METHOD_RATING:
        "星级为其评定规则成立的最高一级；晋星计划是使下一星级规则成立的最少改进，并经重新评定核实。",
        "The rating is the highest level whose rule holds; the next-star plan is the fewest improvements that make the next level's rule hold, checked by rating again.";

    // ── the entity report's provenance ──
    PROGRAM: "程序版本", "Program";
    STANDARD_FILE_SHA256: "标准文件 SHA-256", "Standard file SHA-256";
    SUBMISSION_FILE: "填报文件", "Submission file";
    SUBMISSION_SHA256: "填报文件 SHA-256", "Submission SHA-256";
    WRITTEN: "生成时间", "Written";
    /// Beside the time a report was written, when no SOURCE_DATE_EPOCH was set.
    WRITTEN_NOW: "生成时刻", "time of writing";
    BENCHMARK_DATA: "对标数据", "Benchmark";
    REVIEW_WORKBOOK: "核查工作簿", "Review workbook";
    REVIEW_WORKBOOK_SHA256: "核查工作簿 SHA-256", "Review workbook SHA-256";
    /// {0}: draws, {1}: the share that keeps the stars, {2}: the stars, {3}: total at 5%, {4}: at 95%, {5}: the seed, {6}: the method (STABILITY_METHOD).
    STABILITY_SENTENCE:
        "{0} 次权重扰动中 {1} 保持 {2}★；总分 5%–95% 区间 {3}–{4}；随机种子 {5}。{6}",
        "{1} of {0} weight perturbations keep {2}★; total 5–95%: {3}–{4}; seed {5}. {6}";
    /// {0}, {1}: the bounds of the factor each weight is multiplied by.
    STABILITY_METHOD:
        "方法：每个权重乘以 U({0}, {1}) 均匀分布的随机因子，再在其上级内重新归一（SplitMix64 随机数）。",
        "Method: weights × U({0}, {1}), renormalised within their parent; SplitMix64.";
    NOT_COMPUTED: "未计算", "not computed";

    // ── the summary report ──
    PROVISIONAL_STANDARD_NOTICE:
        "所用标准为依据公开资料重建的工作版，其阈值和权重为暂定值；评级仅供自查参考，以正式标准为准。",
        "The standard used is a working edition rebuilt from public sources; its thresholds and weights are provisional. The ratings are a self-check, not the official result.";
    SUMMARY_TITLE: "星级评估汇总", "Star assessment summary";
    ENTITIES: "评估对象", "Entities";
    /// {0}: entities assessed, {1}: files read.
    N_OF_FILES: "{0} 个（共 {1} 个文件）", "{0} of {1} files";

    // ── the HTML reports ──
    /// The chart's label for screen readers.
    AREA_SCORES_CHART: "维度得分图", "Area scores";
    /// The chart legend's entry of the own scores.
    SCORE_LEGEND: "得分", "score";
    REVIEW_RESULT: "核查结果", "Review";
    REVIEW_CHANGES:
        "改动（每项改动及其对总分和星级的影响）",
        "Changes (each with its effect on the total and the stars)";
    REVIEW_CHANGED_NOTHING: "核查未改动任何指标。", "The review changed no indicator.";
    CONCLUSION: "结论", "Conclusion";
    AREAS_AGAINST_NEXT_STAR: "各维度得分与下一星级要求", "Areas against the next star";
    AREA: "维度", "Area";
    WITH_DATA: "有数据", "With data";
    NEXT_STAR_PLAN_HTML: "晋星计划", "Next-star plan";
    NOW_WORDS: "现状", "Now";
    TARGET_WORDS: "目标", "Target";
    GAPS_TO_BENCHMARKS: "对标差距", "Gaps to benchmarks";
    OWN_HTML: "本地", "Own";
    YEAR_AND_SOURCE: "年份与来源", "Year and source";
    VALUE_HTML: "数值", "Value";
    DATA_PROBLEMS: "数据问题", "Data problems";
    CELL: "单元格", "Cell";
    CELL_TEXT: "原文", "Cell text";
    PROBLEM: "问题", "Problem";
    WHAT_TO_DO: "怎么改", "What to do";
    ABOUT_THE_STANDARD: "关于所用标准", "About the standard used";
    APPENDIX: "附录：方法与来源", "Appendix: method and provenance";
    METHOD: "计分方法", "Method";
    EVIDENCE_FILES: "佐证文件", "Evidence files";
    FILE: "文件", "File";
    KIND: "类型", "Kind";
    SIZE: "大小", "Size";
    STAR_DISTRIBUTION: "星级分布", "Star distribution";
    RANK: "名次", "Rank";
    NAME: "名称", "Name";
    RANKING: "排名", "Ranking";
    BY_CITY: "按所属地市", "By city";

    // ── progress sheet (with a baseline) ──
    SHEET_PROGRESS: "进展", "Progress";
    TOTAL_AND_STARS: "总分与星级", "Total and stars";
    THEN: "上一轮", "Then";
    /// This round's value, beside last round's ("Then").
    NOW_ROUND: "本轮", "Now";
    INDICATORS_STARS_CHANGED: "星级变化的指标", "Indicators whose stars changed";
    STARS_THEN: "上一轮星级", "Stars then";
    STARS_NOW: "本轮星级", "Stars now";
    FELL_BACK: "退步", "Fell back";
    /// {0}: the plan's target star, {1}: its steps, {2}: the steps that hold.
    LAST_ROUND_PLAN:
        "上一轮的升 {0}★ 方案：{1} 步中 {2} 步已落实",
        "Last round's plan for {0}★: {2} of {1} steps hold";
    PLAN_STEP: "方案步骤", "Plan step";
    WANTED: "要求", "Wanted";
    STARS_WANTED: "要求星级", "Stars wanted";
    HOLDS: "落实", "Holds";

    // ── province sheet (summary.xlsx, with a baseline or targets) ──
    SHEET_PROVINCE: "全省视图", "Province";
    PROVINCE_VIEW: "全省视图", "Province view";
    PARENT_CITY: "所属地市", "Parent city";
    N_ENTITIES: "数量", "Entities";
    SHARE_3_STARS: "三星及以上占比", "Share ≥3★";
    SHARE_4_STARS: "四星及以上占比", "Share ≥4★";
    ALL_OF_THEM: "合计", "All";
    NOT_GIVEN: "（未填）", "(not given)";
    /// {0}: the file, {1}: the workbook's field (行政区划代码, the same in both languages).
    COUNTED_ONCE: "{0} 与排在前面的文件{1}相同，只计一次", "{0} gives the {1} of an earlier file: counted once";
    THIS_ROUND: "本轮", "This round";
    BASELINE: "上一轮", "Baseline";
    STARS_NOW_AND_BASELINE: "星级分布：本轮与上一轮", "Stars: now and baseline";
    ENTITIES_PER_STAR: "各星级主体数：本轮与上一轮", "Entities per star: now and baseline";
    IN_SCOPE: "范围内主体", "In scope";
    AT_OR_ABOVE: "达到", "At or above";
    REQUIRED_COUNT: "需要", "Required";
    SHORT: "还差", "Short";
    STANDING: "现状", "Standing";
    PROGRESS_TO_TARGETS: "目标进度", "Progress to targets";

    // ── review sheet ──
    SHEET_REVIEW: "核查", "Review";
    RATING: "评级", "Rating";
    EVIDENCE_FILE: "佐证文件", "Evidence file";

    // ── batch summary (summary.xlsx) ──
    SHEET_STARS: "星级分布", "Stars";
    SHEET_COHORT: "同批对标", "Cohort";
    /// The rank within a standard's group.
    RANK_IN_GROUP: "排名", "Rank";
    /// The rank in the whole batch.
    OVERALL_RANK: "总排名", "Overall";
    /// {0}: files, {1}: assessed, {2}: unreadable.
    RANKING_NOTE: "{0} 个文件，评估 {1} 个，无法读取 {2} 个；按所用标准分组（各层级维度不同）", "{0} file(s), {1} assessed, {2} unreadable; grouped by the standard used (dimensions differ by level)";
    /// {0}: provisional entries, {1}: entries of the standard.
    N_OF_M_PROVISIONAL: "标准 {0}/{1} 项暂定", "{0}/{1} entries provisional";
    /// The workbook's document title.
    SUMMARY_DOC_TITLE: "智慧城市星级评估汇总", "smart-city star assessment summary";
    SUMMARY_ABOUT: "智慧城市星级评估汇总", "Smart-city star assessment summary";
    RANKING_TITLE: "智慧城市星级评估 · 排名", "Smart-city star assessment · ranking";
    ERRORS: "错误", "Errors";
    WARNINGS: "警告", "Warnings";
    INFO: "提示", "Info";
    MISSING: "缺失", "Missing";
    NOTES: "说明", "Notes";
    INCOMPLETE_DATA: "数据不完整；", "incomplete data; ";
    NO_ENTITY_WAS_ASSESSED: "没有评估任何主体。", "No entity was assessed.";
    FILES_THAT_COULD_NOT_BE_READ: "无法读取的文件", "Files that could not be read";
    ENTITY_COUNT: "主体数", "Entities";
    ENTITIES_PER_STAR_LEVEL: "各星级主体数", "Entities per star level";
    DIAGNOSTICS_IN_ALL: "诊断合计", "Diagnostics in all";
    GATE: "门禁", "Gate";
    MINIMUM_STARS: "最低星级", "Minimum stars";
    BELOW_MINIMUM: "低于最低星级", "Below minimum";
    EXIT_CODE: "退出码", "Exit code";
    COHORT_FIGURES: "同批对标数值", "Cohort figures";
    COHORT_NOTE: "同批主体在各指标上的统计值（--benchmark cohort），按所用标准分组。", "Statistics of the batch per indicator (--benchmark cohort), by the standard used.";
    INPUTS_AND_STANDARDS: "输入与标准", "Inputs and standards";
}
