//! The catalogue's words of the cli surface (see [`super`]): the commands'
//! own lines, tables and errors.

super::messages! {
    // ── assess ──
    /// Workbooks a submission names as its evidence.
    EVIDENCE_NOT_ASSESSED: "{0} 个工作簿是填报表在“佐证材料”列中列出的佐证文件，不作为填报表评估", "{0} workbook(s) that a submission names as its evidence are taken as evidence, not assessed";
    /// A review workbook, the name and 行政区划代码 it reviews.
    REVIEW_NOT_USED: "{0}：本次评估中没有它所核查的填报表（{1}，{2}），未采用", "{0}: no submission of this run is the one it reviews ({1}, {2}); not used";
    NOTHING_TO_ASSESS: "没有可评估的填报表（已跳过 citystar 写出的报告）", "nothing to assess (reports citystar wrote were skipped)";
    BASELINE: "基线", "baseline";
    /// The file, the entity, the rows, evidence files, findings.
    WROTE_REVIEW: "已写出 {0}（{1}，{2} 行，{3} 个佐证文件，{4} 项问题）", "wrote {0} ({1}, {2} rows, {3} evidence files, {4} findings)";
    /// The reports written, the folder.
    WROTE_REPORTS: "已写出 {0} 份报告到 {1}", "wrote {0} reports into {1}";
    /// The workbook, its indicators.
    WROTE_STANDARD_WORKBOOK: "已写出 {0}：{1} 个指标", "wrote {0}: {1} indicators";
    /// The standard file, its id, its indicators.
    WROTE_STANDARD_FILE: "已写出 {0}：{1}，{2} 个指标，检查通过", "wrote {0}: {1}, {2} indicators, lints clean";
    /// The file, the standard, the rows to fill.
    WROTE_TEMPLATE: "已写出 {0}（{1}，{2} 行待填）", "wrote {0} ({1}, {2} input rows)";
    /// Before the path of a file written.
    WROTE: "已写出", "wrote";
    /// Before the path of a review workbook.
    REVIEW_PREFIX: "核查工作簿：", "review: ";
    /// Why a review workbook is not used.
    REVIEW_UNUSABLE: "核查工作簿：{0}", "review: {0}";
    /// A read failure and the reading library's own words (`--verbose`).
    WITH_DETAIL: "{0} [{1}]", "{0} [{1}]";
    /// A workbook given as --benchmark that cannot be read.
    BENCHMARK_WORKBOOK_UNREADABLE: "对标工作簿 {0}：{1}", "benchmark workbook {0}: {1}";

    // ── benchmarks list and show ──
    ID: "标识", "id";
    NAME: "名称", "name";
    KIND: "类型", "kind";
    YEARS: "年份", "years";
    FIGURES: "数据项", "figures";
    INDICATORS_COMPARED: "可比指标", "indicators compared";
    /// A figure compared with an indicator of ours.
    COMPARABLE: "可比", "comparable";
    /// After a count of a benchmark's figures.
    FIGURES_COUNT: "项数据", "figures";
    INDICATOR: "指标", "indicator";
    MEASURE_AS_PUBLISHED: "口径（按发布）", "measure (as published)";
    VALUE: "数值", "value";
    UNIT: "单位", "unit";
    DATE: "时间", "date";
    ENTITY: "主体", "entity";
    /// The column: whether a figure is compared.
    COMPARED: "可比", "compared";
    DEFINITION: "说明", "definition";
    SOURCE: "来源", "source";
    INPUTS: "依据", "inputs";
    /// Compared with an indicator: the code follows.
    YES_WITH: "是，对比", "yes, with";
    /// Not compared: why follows.
    NO_BECAUSE: "否：", "no: ";
    NO_INDICATOR_OF_OURS: "否：无对应指标（仅供参考）", "no: no indicator of ours (context only)";

    // ── which files a run reads ──
    /// The extensions searched for.
    NO_WORKBOOKS_IN_FOLDER: "此文件夹中没有填报表（{0}）", "no workbooks ({0}) in this folder";
    /// Why.
    CANNOT_READ_FOLDER: "无法读取此文件夹：{0}", "cannot read the folder: {0}";
    NO_SUCH_PATH: "没有这个文件或文件夹", "no such file or folder";

    // ── check ──
    ERROR: "错误", "error";
    NO_PROBLEMS: "没有发现问题", "no problems found";
    /// A cell's raw value.
    RAW: "原值", "raw";
    FIX: "建议：", "fix: ";
    CANNOT_READ: "无法读取", "Cannot read";
    WORKBOOK_CHECK: "填报表检查", "Workbook check";
    NO_PROBLEMS_FOUND: "没有发现问题。", "No problems found.";
    /// Workbooks a submission names as its evidence.
    EVIDENCE_NOT_CHECKED: "{0} 个工作簿是填报表在“佐证材料”列中列出的佐证文件，不作为填报表检查", "{0} workbook(s) that a submission names as its evidence are taken as evidence, not checked";
    /// Files, unreadable; errors, warnings, infos.
    CHECK_SUMMARY: "共 {0} 个文件（{1} 个无法读取）：{2} 个错误，{3} 个警告，{4} 个提示", "{0} file(s) ({1} unreadable): {2} error(s), {3} warning(s), {4} info";
    SEVERITY: "严重程度", "severity";
    /// The severity column of the Markdown table.
    SEVERITY_SHORT: "级别", "severity";
    CODE: "代码", "code";
    LOCATION: "位置", "location";
    MESSAGE: "说明", "message";
    HINT: "建议", "hint";

    // ── explain ──
    WORKBOOK: "填报表", "workbook";
    REVIEW_WORKBOOK: "核查工作簿", "review workbook";
    UNREADABLE_FILE: "无法读取的文件", "unreadable file";
    LINTED_FILE: "标准、对标或目标文件", "standard, benchmark or target file";
    DEFAULT_SEVERITY: "默认级别", "default severity";
    HOW_TO_FIX: "如何修正", "how to fix";
    HEADING_WORKBOOK_CODES: "# 填报表的诊断", "# Workbook diagnostics";
    HEADING_REVIEW_CODES: "# 核查工作簿的诊断", "# Review workbook diagnostics";
    HEADING_READ_FAILURES: "# 无法读取的文件", "# Files that cannot be read";
    HEADING_LINT_CODES: "# 标准文件、对标文件和目标文件的检查", "# Standard, benchmark and target file lint";

    // ── errors and serve ──
    /// Before an error's message.
    ERROR_PREFIX: "错误：", "error: ";
    /// {0}: the kind of file (standard file …); {1}: its path.
    TEXT_FILE_TOO_BIG: "{0} {1} 有 {2} MB，citystar 最多读取 {3} MB",
        "{0} {1} is {2} MB; citystar reads {0}s of at most {3} MB";
    CANNOT_READ_TEXT_FILE: "无法读取{0} {1}：{2}", "cannot read {0} {1}: {2}";
    NOT_UTF8: "{0} {1} 不是 UTF-8 文本", "{0} {1} is not UTF-8 text";
    SERVE_NOT_LOOPBACK: "警告：服务监听在非本机地址上，提交的工作簿会经网络传输；只有带上述 token 的请求才会被接受。", "warning: listening on a non-loopback address: submissions will cross the network; only requests carrying the token above are accepted.";
    SERVE_OPEN: "在浏览器中打开上面的地址；按 Ctrl+C 停止。工作簿只在内存中评估，不写入磁盘。", "Open the address above in a browser; Ctrl+C stops. Workbooks are assessed in memory, never written to disk.";

    // ── standards list and show ──
    EDITIONS: "版本：", "edition: ";
    INDICATOR_COUNTS_NOTE: "指标：总数（计分/必选/加分项/扣分项）。", "indicators: all (scored/mandatory/bonus/deduction).";
    PROVISIONAL_NOTE: "注：暂定条目是本工具依据公开资料拟定的阈值、权重和规则，不是标准正文的数值（标准正文的指标表未公开）。", "Provisional entries are thresholds, weights and rules citystar chose from public sources, not the published text's values (the published indicator tables are not available).";
    /// A mandatory indicator.
    YES: "是", "yes";
    /// An indicator mandatory or not, as the level decides.
    EITHER: "是/否", "either";
    EDITION: "版本", "edition";
    /// The standards list's column of the standard's number (DB37/T 3890).
    STANDARD_CODE: "标准号", "code";
    /// The count of indicators.
    INDICATORS: "指标", "indicators";
    ROLE: "角色", "role";
    /// The indicators table's column: whether an entry is provisional.
    PROVISIONAL_SHORT: "暂定", "prov.";
    STARS: "星级", "stars";
    TOTAL_AT_LEAST: "总分≥", "total ≥";
    EACH_DIMENSION_AT_LEAST: "各维度≥", "each dim ≥";
    MANDATORY_AT_LEAST: "必选≥", "mandatory ≥";
    MAX_MISSING: "最多缺失", "max missing";
    OTHER_CONDITIONS: "其他条件", "other";
    TIERS: "子档", "tiers";
    KIND_RATIO: "比率", "ratio";
    KIND_PER_POPULATION: "人均", "per population";
    KIND_PERCENT: "百分比", "percent";
    KIND_NUMBER: "数值", "number";
    KIND_YES_NO: "是否", "yes/no";
    KIND_GRADE: "分级", "graded";
    KIND_SURVEY: "调查", "survey";
    KIND_ALL_OF: "多条件", "all of";
    ROLE_SCORED: "计分", "scored";
    ROLE_MANDATORY: "必选", "mandatory";
    ROLE_BONUS: "加分项", "bonus item";
    ROLE_DEDUCTION: "扣分项", "deduction item";
    SCORING_BY_STARS: "按星级计分（星数 ÷ 5 × 100）", "by stars (stars ÷ 5 × 100)";
    SCORING_LINEAR: "线性计分（下限到 5★ 要求之间）", "linear (floor to the 5★ requirement)";
    MISSING_SCORES_ZERO: "缺失计 0 分", "missing scores 0";
    MISSING_LEFT_OUT: "缺失不计入（权重重新归一）", "missing left out (weights renormalised)";
    /// Scoring method, missing policy, bonus cap, deduction cap.
    SCORING_LINE: "{0}；{1}；加分上限 {2} 分；扣分上限 {3} 分", "{0}; {1}; bonus up to {2} points; deductions up to {3} points";
    /// File, id, standard number; dimensions, indicators, rating rules; entries, provisional ones.
    STANDARD_LINT_OK: "{0}：无问题 — {1}（{2}），{3} 个维度、{4} 项指标、{5} 条评级规则；{6} 个条目中 {7} 个为暂定", "{0}: ok — {1} ({2}), {3} dimensions, {4} indicators, {5} rating rules; {7} of {6} entries provisional";
    LEVEL: "层级", "level";
    ISSUER: "发布", "issuer";
    SCORING: "计分", "scoring";
    PROVISIONAL: "暂定条目", "provisional";
    WEIGHT_OR_POINTS: "权重/分值", "weight/points";
    RATING_RULES: "评级规则", "Rating rules";
    VETO: "否决项", "veto";
    PROVISIONAL_MARK_NOTE: "* 暂定：阈值、权重或规则由本工具依据公开资料拟定，依据见各条目的 basis 字段（standards show --format json）。", "* provisional: the threshold, weight or rule is citystar's, chosen from public sources; each entry's `basis` says why (standards show --format json).";

    // ── targets list and show ──
    DOCUMENT: "文号", "document";
    TARGETS: "目标数", "targets";
    /// Whether a target file cites its sources.
    SOURCED: "来源", "sourced";
    REQUIRES: "要求", "requires";
    IN_WORDS: "说明", "in words";
    SOURCE_PREFIX: "出处：", "source: ";
    FILE_SOURCES: "文件出处：", "The file's sources: ";
    /// File, name, document number, targets, sourced or own.
    TARGETS_LINT_OK: "{0}：无问题 — {1}（{2}），{3} 项目标，{4}", "{0}: ok — {1} ({2}), {3} targets, {4}";

    // ── serve: the page (`{{key}}` in page.html) ──
    PAGE_TITLE: "智慧城市星级自评", "Smart city star self-check";
    PAGE_INTRO: "下载空白填报表，填写后拖到下方，即可看到与命令行 citystar assess 相同的报告：诊断（含单元格和修改提示）、星级及理由、升星计划、与对标地区的差距。工作簿只在本机内存中评估，不写入磁盘，也不发往别处。", "Download the blank workbook, fill it in and drop it below to see the same report as citystar assess on the command line: diagnostics with their cells and hints, the star rating with its reasons, the plan to the next star and the gaps to a benchmark. Workbooks are assessed in this computer's memory, never written to disk or sent elsewhere.";
    PAGE_TEMPLATE_HEADING: "1. 空白填报表", "1. Blank workbook";
    PAGE_CITY: "市级", "City";
    PAGE_COUNTY: "县级", "County";
    PAGE_COMMUNITY: "社区", "Community";
    PAGE_DOWNLOAD: "下载", "Download";
    PAGE_UPLOAD_HEADING: "2. 评估填报表", "2. Assess workbooks";
    PAGE_BENCHMARK: "对标", "Benchmark";
    PAGE_NO_BENCHMARK: "不对标", "none";
    PAGE_DROP: "把工作簿拖到这里，或点击选择（可多选）", "Drop workbooks here, or click to choose (several at once)";
    PAGE_RESULTS_HEADING: "3. 结果", "3. Results";
    PAGE_STARS: "星级", "Stars";
    PAGE_TOTAL: "总分", "Total";
    PAGE_DOWNLOAD_HTML: "下载 HTML 报告", "Download HTML report";
    PAGE_DOWNLOAD_XLSX: "下载 Excel 报告", "Download Excel report";
    PAGE_WORKING: "评估中…", "Assessing…";
    PAGE_FAILED: "无法评估", "Not assessed";
    /// Answers to a request the page cannot serve.
    SERVE_GIVE_LEVEL: "请给出 level=city|county|community", "give level=city|county|community";
    SERVE_NO_STANDARD: "没有该层级的标准", "no standard for that level";
    SERVE_BAD_FORMAT: "format 只能是 json、html 或 xlsx", "format is json, html or xlsx";
    SERVE_NO_WORKBOOK: "请求中没有工作簿", "the request carries no workbook";
    SERVE_BUSY: "服务繁忙，请稍后再试", "busy: try again in a moment";
    SERVE_FAILED: "评估时出错", "the assessment failed";

    // ── errors said in every language ──
    /// The files given.
    REPORT_ONE_ENTITY: "--report 只写一个评估对象的报告，但给出了 {0} 个文件；请改用 --report-dir 文件夹", "--report writes one entity's workbook, but {0} files were given; use --report-dir DIR";
    /// The baseline paths.
    BASELINE_NOTHING: "--baseline {0} 中没有可评估的填报表，无法与上一轮比较", "--baseline {0}: nothing to assess, so there is no previous round to compare with";
    /// The report folder, the folder assessed.
    REPORT_DIR_INSIDE_INPUT: "--report-dir {0} 位于正在评估的文件夹 {1} 中，请把报告写到别处", "--report-dir {0} is inside {1}, a folder being assessed; write the reports elsewhere";
    /// The folder, why.
    CANNOT_READ_REVIEW_FOLDER: "无法读取核查文件夹 {0}：{1}", "cannot read the review folder {0}: {1}";
    /// The folder given (twice).
    REVIEW_OUTPUT_IS_FOLDER: "{0} 是文件夹；请给出核查工作簿的文件名，如 {0}/名称.review.xlsx", "{0} is a folder; name the review workbook, e.g. {0}/NAME.review.xlsx";
    /// The review workbook.
    REVIEW_EXISTS: "{0} 已存在（已有核查工作簿）；确需重新生成时加 --force，原有核查意见将被替换", "{0} already exists (a review is under way); pass --force to make it again, replacing the findings in it";
    /// The path to be written.
    IS_LINK: "{0} 是符号链接，citystar 不经链接写文件", "{0} is a symbolic link; citystar does not write through links";
    /// The report's path.
    REPORT_IS_FOLDER: "{0} 是文件夹，请为报告指定一个文件名", "{0} is a folder; name a file for the report";
    /// The report's path.
    REPORT_IS_INPUT: "{0} 是本次运行读取的文件，请把报告写到别处", "{0} is an input of this run; write the report elsewhere";
    /// The report's path.
    REPORT_NOT_REGULAR: "{0} 不是普通文件，请把报告写到别处", "{0} is not a regular file; write the report elsewhere";
    /// The report's path.
    REPORT_EXISTS_NOT_OURS: "{0} 已存在，且不是 citystar 写出的报告；确需替换时加 --force", "{0} exists and is not a report citystar wrote; pass --force to replace it";
    /// The report's path, the folder assessed.
    REPORT_INSIDE_INPUT: "{0} 位于正在评估的文件夹 {1} 中，请把报告写到别处", "{0} is inside {1}, a folder being assessed; write the report elsewhere";
    // ── codes given to --deny/--warn/--allow ──
    UNKNOWN_CODE: "没有诊断代码 `{0}`（`citystar explain --list` 列出全部代码）",
        "unknown diagnostic code `{0}` (see `citystar explain --list`)";
    READ_FAILURE_CODE: "`{0}` 是无法读取文件的代码，不能用 --deny/--warn/--allow 调整（`citystar explain --list` 列出可调整的诊断代码）",
        "`{0}` is the code of a file that cannot be read; --deny/--warn/--allow cannot re-level it (see `citystar explain --list` for the diagnostic codes)";
    LINT_CODE: "`{0}` 是标准、对标或目标文件检查（lint）的代码，不是填报表的诊断代码，不能用 --deny/--warn/--allow 调整（`citystar explain --list` 列出全部代码）",
        "`{0}` is a lint code of standard, benchmark and target files, not a workbook diagnostic code; --deny/--warn/--allow cannot re-level it (see `citystar explain --list`)";
    /// The file, why it cannot be read, its code.
    NOTHING_TO_REVIEW: "{0}：{1}；没有可核查的填报表（{2}）", "{0}: {1}; nothing to review ({2})";
    /// The address, why (the kind of error in Chinese, the system's words in English).
    CANNOT_LISTEN: "无法在 {0} 上监听（{1}）", "cannot listen on {0}: {1}";
    /// The code asked for; {1}: DID_YOU_MEAN or nothing.
    NO_SUCH_CODE: "没有代码 `{0}`{1}（`citystar explain --list` 列出全部代码）",
        "no diagnostic or lint code `{0}`{1} (`citystar explain --list` lists them all)";
    /// Codes near the one asked for.
    DID_YOU_MEAN: "；是否要找 {0}？", "; did you mean {0}?";
    /// The review workbook's path.
    REVIEW_IS_FOLDER: "{0} 是文件夹，请为核查工作簿指定一个文件名", "{0} is a folder; name a file for the review";
    /// The review workbook's path.
    REVIEW_IS_INPUT: "{0} 是本次运行读取的文件，请把核查工作簿写到别处", "{0} is an input of this run; write the review elsewhere";
    /// The review workbook's path.
    REVIEW_NOT_REGULAR: "{0} 不是普通文件，请把核查工作簿写到别处", "{0} is not a regular file; write the review elsewhere";
    /// The review workbook's path.
    REVIEW_EXISTS_NOT_OURS: "{0} 已存在，且不是 citystar 写出的核查工作簿；确需替换时加 --force", "{0} exists and is not a review workbook citystar wrote; pass --force to replace it";
    /// The review workbook's path, the submission folder.
    REVIEW_INSIDE_INPUT: "{0} 位于提交文件夹 {1} 中，请把核查工作簿写到别处", "{0} is inside {1}, the submission folder; write the review elsewhere";
    /// The port.
    PORT_IN_USE: "端口 {0} 已被占用；用 --port 换一个，或 --port 0 任选空闲端口", "port {0} is in use; choose another with --port (0: any free port)";
    /// The name asked for.
    NO_EMBEDDED_BENCHMARK: "没有内置对标“{0}”", "no embedded benchmark `{0}`";
    /// The file.
    FILE_EXISTS: "{0} 已存在；确需替换时加 --force", "{0} exists; pass --force to replace it";
    /// The workbook.
    TEMPLATE_EXISTS: "{0} 已存在；加 --force 替换它", "{0} already exists; pass --force to overwrite it";
    /// Why.
    CANNOT_BUILD_WORKBOOK: "无法生成工作簿：{0}", "cannot build the workbook: {0}";

    /// The id asked for, the embedded ids.
    NO_SUCH_STANDARD: "没有标准“{0}”：既不是内置标准（{1}），也不是已有的文件", "no standard `{0}`: not an embedded id ({1}) and no such file";
    /// The name asked for, the embedded names.
    NO_SUCH_BENCHMARK: "没有对标“{0}”：既不是内置对标（{1}），也不是已有的文件", "no benchmark `{0}`: not an embedded name ({1}) and no such file";
    /// The name asked for, the embedded names.
    NO_SUCH_TARGETS: "没有目标“{0}”：既不是内置目标（{1}），也不是已有的文件", "no targets `{0}`: not an embedded name ({1}) and no such file";
    /// The file, why.
    CANNOT_READ_FILE: "无法读取 {0}：{1}", "cannot read {0}: {1}";
}
