//! The catalogue's words of the terminal surface (see [`super`]): the
//! terminal and Markdown renderers, and the row models they share with the
//! summary workbook (`render::gaps`, `render::review`, `render::rounds`).

super::messages! {
    // ── an entity's header ──
    STANDARD: "标准", "Standard";
    RATING: "评级", "Rating";
    TOTAL: "总分", "Total";

    // ── tables: dimensions, indicators, the plan ──
    DIMENSION: "维度", "Dimension";
    SCORE: "得分", "Score";
    WEIGHT: "权重", "Weight";
    COVERAGE: "覆盖", "Coverage";
    INDICATOR: "指标", "Indicator";
    INDICATORS: "指标明细", "Indicators";
    VALUE: "值", "Value";
    STARS: "星级", "Stars";
    CONTRIBUTION: "贡献", "Contribution";
    NEXT_STAR: "下一星", "Next star";
    FROM: "现值", "From";
    TO: "目标", "To";
    POINTS_GAINED: "增分", "Points gained";
    SOURCE: "来源", "Source";

    // ── diagnostics ──
    SEVERITY: "严重程度", "Severity";
    LOCATION: "位置", "Location";
    CODE: "代码", "Code";
    MESSAGE: "说明", "Message";
    /// The summary's counts: `诊断（错误/警告/提示）: 1 / 2 / 0`.
    DIAGNOSTIC_COUNTS: "诊断（错误/警告/提示）", "diagnostics (error/warning/info)";
    /// The Markdown summary's heading of the same counts.
    DIAGNOSTIC_COUNTS_HEADING: "诊断（错误/警告/提示）", "Diagnostics (error/warning/info)";

    // ── the rating and the plan ──
    WHY: "评级依据", "Why";
    NOT_YET: "距下一星级", "Not yet";
    PLAN: "升星方案", "Plan";
    STABILITY: "稳定性", "Stability";

    // ── the review ──
    REVIEW: "核查", "Review";
    VERIFIED: "核定", "Verified";
    EVIDENCE_REJECTED: "佐证未采信，按缺失计", "evidence not accepted: missing";
    PLAN_ON_VERIFIED: "核定值下的升星方案", "Plan on the verified values";
    REPORTED_TO_VERIFIED: "自评 → 核定", "Reported → verified";
    ON_THE_TOTAL: "对总分", "On the total";
    FINDING: "核查意见", "Finding";
    EFFECTS_NOTE: "“仅此项”是只做这一项改动时的总分变化和星级；各项之和可能不等于总变化（权重重新归一、加分封顶）。", "\"alone\" is the change of the total, and the stars, had this been the only change; they need not add up to the whole change (weights renormalise, caps bind).";
    NOT_REVIEWED: "未核查", "not reviewed";

    // ── gaps to a benchmark ──
    OWN: "本地", "Own";
    BENCHMARK: "对标", "Benchmark";
    GAP: "差距", "Gap";
    NEXT_STAR_NEEDS: "下一星要求", "Next star needs";
    POINTS_AT_STAKE: "可得分", "Points at stake";
    MISSING: "缺失", "missing";
    /// After the size of a gap: `3.5 behind`.
    BEHIND: "落后", "behind";
    AHEAD: "领先", "ahead";
    LEVEL_WITH: "持平", "level";
    /// A dimension: its code, the entity's score, the benchmark's, the
    /// indicators both have of those the benchmark weighs.
    DIMENSION_VERSUS: "{0} {1} 对 {2}（{3}/{4}）", "{0} {1} vs {2} ({3}/{4})";
    DIMENSION_SCORES_SHARED: "维度得分（仅计双方都有的指标，括号内为覆盖）", "dimension scores over the indicators both have (coverage)";
    DEFINED_DIFFERENTLY: "口径不同，未比较", "defined differently, not compared";
    /// The cohort's size.
    COHORT_MEDIAN: "{0} 个主体的中位数", "median of {0}";
    COHORT_TOP_QUARTILE: "{0} 个主体的前四分之一", "top quartile of {0}";
    N_LEVEL_OR_AHEAD: "另有 {0} 项持平或领先", "{0} more level with or ahead of the benchmark";
    /// A figure not compared: the indicator, the figure's measure, why.
    NOT_COMPARED_ITEM: "{0} {1}（{2}）", "{0} {1} ({2})";
    /// The benchmark, comparable indicators, those behind.
    GAPS_TITLE: "对标 {0}：{1} 项可比指标，{2} 项落后，按可得分排序", "Gaps to {0}: {1} comparable indicators, {2} behind, by points at stake";

    // ── rounds and targets ──
    /// After a target: the province strives for it rather than requires it.
    STRIVE_FOR: "（争创）", " (strive for)";
    THEN: "上一轮", "Then";
    NOW: "本轮", "Now";
    CHANGE: "变化", "Change";
    /// The rounds' star column.
    STARS_SHORT: "星", "Stars";
    /// After an indicator's stars when they dropped.
    FELL_BACK: " 退步", " fell back";
    PLAN_STEP: "方案步骤", "Plan step";
    ASKED: "要求", "Asked";
    HOLDS: "落实", "Holds";
    NO_PLAN_LAST_ROUND: "上一轮没有升星方案（已是最高星级，或无法升星）", "Last round had no next-star plan (at the top, or none possible)";
    PARENT_CITY: "所属地市", "Parent city";
    /// The count column.
    COUNT: "数量", "N";
    PARENT_CITY_NOT_GIVEN: "（未填）", "(not given)";
    /// The row of all parent cities.
    ALL_ROWS: "合计", "All";
    PROVINCE_VIEW: "全省视图：按级别和所属地市", "Province view: by level and parent city";
    SINCE_BASELINE: "与上一轮比较", "Since the baseline";
    SHARES_OF_BATCH: "比例按本批中的评估对象计算，不是全省的全部县市", "shares are of the entities in this batch, not of every county in the province";
    POLICY_TARGETS: "政策目标", "Policy targets";

    // ── the batch summary ──
    SUMMARY: "汇总", "Summary";
    NAME: "名称", "Name";
    FILE: "文件", "File";
    N_OF_M_ASSESSED: "{0} / {1} 个文件已评估", "{0} / {1} files assessed";
    /// Files that look like one submission: their count, the files.
    DUPLICATE_BYTES: "! 内容完全相同的 {0} 个文件，都已排名：{1}", "! {0} files with identical bytes, all ranked: {1}";
    /// Their count, the code they share, the files, the field's name (行政区划代码 in every language: the workbook's word).
    DUPLICATE_REGION_CODE: "! {0} 个文件的{3}都是 {1}，都已排名：{2}", "! {0} files give the same {3} {1}, all ranked: {2}";

    // ── the gate ──
    GATE_PASSED: "门槛：通过", "Gate: passed";
    /// The exit code.
    GATE_FAILED: "门槛：未通过（退出码 {0}）", "Gate: failed (exit code {0})";
    /// The minimum stars.
    GATE_ALL_AT_MIN_STARS: "  --min-stars {0}：全部达到 {0}★", "  --min-stars {0}: every entity at {0}★ or above";
    /// The minimum stars, how many are below, which.
    GATE_BELOW_MIN_STARS: "  --min-stars {0}：{1} 个低于 {0}★：{2}", "  --min-stars {0}: {1} below {0}★: {2}";
    GATE_DENIED_DIAGNOSTICS: "  {0} 条诊断为错误级别（--deny/--warn/--allow 可调整）", "  {0} diagnostics at error severity (re-level with --deny/--warn/--allow)";
    GATE_UNREADABLE: "  {0} 个文件无法读取", "  {0} files could not be read";
    GATE_NOTHING_ASSESSED: "  没有可评估的填报表", "  nothing was assessed";

    // ── stability ──
    /// Draws, the share keeping the stars, the stars, the 5% and 95% totals, the seed.
    STABILITY_LINE: "权重扰动 {0} 次中 {1} 保持 {2}★；总分 5%–95% 区间 {3}–{4}（种子 {5}）", "{1} of {0} weight draws keep {2}★; total 5–95%: {3}–{4} (seed {5})";

    // ── lines of an entity ──
    /// Weighted, bonus, deductions, total.
    BREAKDOWN_LINE: "加权 {0} + 加分 {1} − 扣分 {2} = {3}", "weighted {0} + bonus {1} − deductions {2} = {3}";
    /// Errors, warnings, infos.
    DIAGNOSTICS_LINE: "诊断：{0} 个错误，{1} 个警告，{2} 个提示", "Diagnostics: {0} error(s), {1} warning(s), {2} info";
    /// The target stars, the changes (N_CHANGES), the total after.
    PLAN_TO_LINE: "升星方案 {0}★：{1} → 总分 {2}", "Plan to {0}★: {1} → total {2}";
    /// The target stars, the total after.
    PLAN_TO_HEADING: "升星方案 {0}★ → 总分 {1}", "Plan to {0}★ → total {1}";
    /// The target stars, the changes (N_CHANGES), the total after.
    PLAN_ON_VERIFIED_LINE: "核定值下的升星方案 → {0}★：{1} → 总分 {2}", "Plan on the verified values → {0}★: {1} → total {2}";
    /// Gap rows not listed.
    N_MORE_IN_JSON: "… {0} 项更多（--format json 查看全部）", "… {0} more (all in --format json)";
    /// English: `1 change` in the singular (N_CHANGES_ONE), `2 changes` otherwise.
    N_CHANGES_ONE: "{0} 项改进", "{0} change";
    N_CHANGES: "{0} 项改进", "{0} changes";

    // ── a Markdown job summary ──
    /// Entities whose details do not fit.
    DETAILS_LEFT_OUT: "另有 {0} 个评估对象的明细未列出（作业摘要上限 1 MiB）；完整结果见 --format json 或 --report-dir 的报告。", "The details of {0} more entities are left out (a job summary holds at most 1 MiB); the full results are in --format json or the --report-dir reports.";
    /// Rows listed, rows in all.
    RANKING_CUT: "只列出前 {0} 名（共 {1} 个）；完整排名见 --format json 或 summary.xlsx。", "The first {0} of {1} are listed; the full ranking is in --format json or summary.xlsx.";

    // ── the review's lines ──
    /// Reviewed, not reviewed.
    RANKED_ON_VERIFIED: "排名按核定结果：{0} 个主体已核查，{1} 个没有核查工作簿（按自评结果）", "ranked on verified ratings: {0} entities reviewed, {1} without a review (ranked on self-reported ones)";
    /// Self-reported stars, total, label; verified stars, total, label; changes.
    SIDE_BY_SIDE: "自评 {0} {1}（{2}）→ 核定 {3} {4}（{5}），{6} 处改动", "self-reported {0} {1} ({2}) → verified {3} {4} ({5}), {6} change(s)";
    /// The review workbook.
    REVIEW_SOURCE: "核查工作簿 {0}", "review {0}";
    /// The review workbook, its reviewers.
    REVIEW_SOURCE_BY: "核查工作簿 {0}，核查人 {1}", "review {0}, by {1}";
    /// A change's effect on the total, the stars had it been the only change.
    EFFECT_ALONE: "{0}（仅此项：{1}★）", "{0} (alone: {1}★)";

    // ── rounds: levels and targets ──
    /// The entities of a level, in a count: `counties (12)`.
    LEVEL_CITIES: "市级", "cities";
    LEVEL_COUNTIES: "县级", "counties";
    LEVEL_COMMUNITIES: "智慧社区", "communities";
    LEVEL_NOT_GIVEN: "未注明级别", "level not given";
    /// The entities of a level as a policy text names them.
    POLICY_CITIES: "设区市", "cities";
    POLICY_COUNTIES: "县（市、区）", "counties";
    /// A target's city, placed for the words of the target (Chinese before, English after).
    TARGET_SCOPE: "{0}的", " of {0}";
    /// Scope (TARGET_SCOPE), level, the percent, the stars.
    TARGET_PERCENT: "{0}{1}中 {2}% 达到 {3} 及以上", "{2}% of {1}{0} at {3} or above";
    /// Scope (TARGET_SCOPE), level, the count, the stars.
    TARGET_COUNT: "{0}{1}至少 {2} 个达到 {3}", "at least {2} {1}{0} at {3}";
    /// Scope (TARGET_SCOPE), level, how many more than last round, the stars.
    TARGET_MORE: "{0}{1}达到 {3} 的比上一轮多 {2} 个", "{2} more {1}{0} at {3} than last round";
    /// The year, the requirement, STRIVE_FOR or nothing.
    TARGET_OF_YEAR: "{0}年：{1}{2}", "{0}: {1}{2}";
    /// A target file whose targets cite their sources.
    TARGETS_SOURCED: "有出处", "sourced";
    TARGETS_OWN: "自定（暂定）", "own (provisional)";

    // ── rounds: an entity's progress ──
    /// The codes then and now, the field's name (行政区划代码 in every language).
    MATCHED_BY_NAME: "! 按名称和级别匹配，而非{2}（上一轮“{0}”，本轮“{1}”）：请核对是否为同一主体", "! matched by name and level, not by {2} (then “{0}”, now “{1}”): check it is the same entity";
    /// Standard then, now; indicators compared, then, now.
    DIFFERENT_STANDARD: "! 两轮按不同标准或版本评定（上一轮 {0}，本轮 {1}）：只比较两者都有的 {2} 项指标（上一轮 {3} 项，本轮 {4} 项）；星级和总分各按本轮标准", "! the rounds were rated under different standards or editions (then {0}, now {1}): only the {2} indicators both have are compared (then {3}, now {4}); stars and totals are each round's own";
    DIFFERENT_LEVEL: "! 两轮填报的级别不同", "! the two rounds give different levels";
    /// Stars then, now; total then, now, the change.
    PROGRESS_LINE: "星级 {0} → {1}；总分 {2} → {3}（{4}）", "Stars {0} → {1}; total {2} → {3} ({4})";
    N_MORE_CHANGED_STARS: "……另有 {0} 项指标星级变化（JSON 输出列出全部）", "… and {0} more indicators changed stars (the JSON output lists all)";
    /// The indicators that fell back, after CHANGED_COUNTS.
    FELL_BACK_LIST: "：{0}", ": {0}";
    /// Changed stars, changed value only, unchanged, fell back, FELL_BACK_LIST or nothing.
    CHANGED_COUNTS: "{0} 项指标星级变化，{1} 项只有数值变化，{2} 项未变；{3} 项星级退步{4}", "{0} indicators changed stars, {1} changed value only, {2} unchanged; {3} fell back{4}";
    STARS_REACHED: "已达到 {0}★", "{0}★ reached";
    STARS_NOT_REACHED: "尚未达到 {0}★", "{0}★ not reached";
    /// Target stars, steps, steps that hold, STARS_REACHED or STARS_NOT_REACHED.
    LAST_ROUND_PLAN: "上一轮的升 {0}★ 方案：{1} 步中 {2} 步已落实；{3}", "Last round's plan for {0}★: {2} of {1} steps now hold; {3}";
    /// The baseline's file.
    SINCE_BASELINE_FILE: "与上一轮比较（{0}）", "Since the baseline ({0})";

    // ── rounds: targets' standing ──
    OR_ABOVE: " 及以上", " or above";
    /// Scope (TARGET_SCOPE), level, stars, OR_ABOVE or nothing, the share.
    STANDING_NOW: "{0}{1}达到 {2}{3}：{4}", "{1}{0} at {2}{3}: {4}";
    /// Year, percent.
    AIM_PERCENT: "{0}年目标 {1}%", "{0} target {1}%";
    /// Year, count.
    AIM_COUNT: "{0}年目标 {1} 个", "{0} target {1}";
    /// Year, how many more, the baseline's count.
    AIM_MORE_THAN: "{0}年目标比上一轮（{2} 个）多 {1} 个", "{0} target {1} more than last round ({2})";
    AIM_MORE: "{0}年目标比上一轮多 {1} 个", "{0} target {1} more than last round";
    /// Required.
    VERDICT_MET: "需 {0} 个，已达到", "{0} required, met";
    /// Required, how many short.
    VERDICT_SHORT: "需 {0} 个，还差 {1} 个", "{0} required: {1} more needed";
    VERDICT_NEEDS_BASELINE: "需用 --baseline 给出上一轮才能判断", "needs --baseline (last round) to judge";
    VERDICT_NONE_IN_SCOPE: "本批中没有该范围的评估对象", "no entity of this scope in the batch";
    /// Where they stand now, the aim, the verdict.
    STANDING_LINE: "{0}；{1}：{2}", "{0}; {1}: {2}";
    /// Plan steps, star steps.
    CLOSEST_PLAN: "升星方案 {0} 步、{1} 个星级步", "plan of {0} steps, {1} star steps";
    CLOSEST_NO_PLAN: "无升星方案", "no plan";
    /// Name, stars, CLOSEST_PLAN or CLOSEST_NO_PLAN.
    CLOSEST_ITEM: "{0} {1}★（{2}）", "{0} {1}★ ({2})";
    CLOSEST: "  最接近的：{0}", "  closest: {0}";
    /// Sources of a target.
    TARGET_SOURCES: "  出处：{0}", "  source: {0}";

    // ── rounds: the province ──
    /// The file, the field's name (行政区划代码 in every language).
    COUNTED_ONCE: "! {0} 与排在前面的文件{1}相同，只计一次", "! {0} gives the {1} of an earlier file: counted once";
    /// Baseline files, their entities; matched, by name, new, gone.
    BASELINE_MATCHED: "基线 {0}：{1} 个评估对象；本轮匹配 {2} 个（其中 {3} 个按名称），新增 {4} 个，上一轮有而本轮无 {5} 个", "Baseline {0}: {1} entities; {2} matched ({3} by name), {4} new, {5} gone";
    UP_DOWN_SAME: "升星 {0} 个，降星 {1} 个，持平 {2} 个", "{0} up, {1} down, {2} same";
    N_DIFFERENT_STANDARD: "! {0} 个评估对象上一轮按另一标准或版本评定，只比较两者都有的指标：{1}", "! {0} rated under another standard or edition last round; only what both have is compared: {1}";
    DUPLICATES_BASELINE: "! 基线中同一主体有 {0} 份填报，未用于比较：{1}", "! the baseline gives one entity {0} times, not compared: {1}";
    DUPLICATES_NOW: "! 本轮同一主体有 {0} 份填报，都与同一上一轮比较、都已排名：{1}", "! this round gives one entity {0} times, each compared with the same baseline and ranked: {1}";
    /// An entity in this round only: name, stars, file.
    ENTITY_NEW: "+ 新增 {0}（{1}★，{2}）", "+ new {0} ({1}★, {2})";
    /// An entity of the baseline missing from this round: name, stars, file.
    ENTITY_GONE: "− 本轮缺少 {0}（{1}★，{2}）", "− gone {0} ({1}★, {2})";
    /// A baseline file that cannot be read, why.
    BASELINE_UNREADABLE: "✗ 基线 {0}：{1}", "✗ baseline {0}: {1}";
}
