//! The words of the findings about a submitted workbook, its evidence, a
//! review workbook and a file that cannot be read (`check`, `assess`;
//! [`crate::diag`] holds their codes). A finding holds one of these entries
//! and its arguments ([`super::said::say!`]); it is put into words when shown.
//! Each entry is written with its own spaces: arguments fill it as they are.

super::messages! {
    // ── the submission workbook (submission::reader) ──
    /// {1}: the unit in brackets; {2}: the population; {3}: the multiple.
    MORE_THAN_THE_POPULATION: "{0}{1}相当于常住人口 {2} 人的 {3} 倍以上，数量级不合理",
        "{0}{1} is more than {3} times the resident population of {2}: an implausible order of magnitude";
    RESTORE_HEADER: "恢复模板中的表头“{0}”", "restore the template's header `{0}`";
    NO_ROW_FOR_ITEM: "缺少填报项 {0}（{1}）的行", "no row for input item {0} ({1})";
    NEEDS_EVIDENCE: "{0} {1} 需要佐证材料：{2}", "{0} {1} needs evidence: {2}";
    /// {1}: what the item counts.
    NOT_A_WHOLE_COUNT: "{0} 不是整数，但该项是以“{1}”计的个数",
        "{0} is not a whole number, but the item counts {1}";
    ENTER_A_WHOLE_COUNT: "填写整数个数（{0}）；若填的是比例或以万为单位，换算成个数",
        "enter a whole count of {0}; if this is a share or in ten thousands, convert it to a count";
    /// {0}: how the item is counted; {1}: the unit without its 万.
    IN_TEN_THOUSANDS: "该项{0}：若填的是{1}，除以 10000 后填写 {2}",
        "the item is {0}: if the figure is {1}, enter {2} (divided by 10,000)";
    /// {0}: the unit in brackets, or nothing.
    ENTER_A_NUMBER: "填写数值{0}；确实没有数据时在备注中说明",
        "enter a number{0}; if there is no data, say why in the note";
    UNIT_IN_BRACKETS: "（单位：{0}）", " (unit: {0})";
    /// {1}: the item.
    IS_EMPTY: "{0} {1}未填写", "{0} {1} is empty";
    PICK_ONE_OF: "从下拉列表中选择其中之一：{0}", "pick one from the list: {0}";
    NO_SUCH_SHEET: "工作簿中没有{0}工作表", "the workbook has no {0} sheet";
    CHECKED_AGAINST_OTHER_LEVEL: "工作簿是{0}填报表，但按{1}标准 {2} 检查",
        "the workbook is for a {0}, but is checked against the {1} standard {2}";
    SHEET_HIDDEN_DATA_READ: "工作表“{0}”是隐藏的，其中的数据已读取", "sheet `{0}` is hidden; its data was read";
    SHEET_HIDDEN_READ: "工作表“{0}”是隐藏的，未读取", "sheet `{0}` is hidden and was not read";
    UNHIDE_SHEET_CHECK_DELETE: "取消隐藏并核对内容，或删除不需要的工作表",
        "unhide the sheet and check it, or delete it";
    MORE_HIDDEN_SHEETS_WERE_READ: "另有 {0} 张隐藏的工作表，未读取", "{0} more hidden sheets were not read";
    DELETE_HIDDEN_SHEETS_THAT_NEEDED: "删除不需要的隐藏工作表", "delete the hidden sheets that are not needed";
    FILE_MARKS_CELL_NUMBER_SIMILAR: "文件把该单元格标为数值等类型，保存的却是“{0}”，已按文字读取",
        "the file marks the cell as a number (or similar) but it holds `{0}`; read as text";
    TYPE_CELL_AGAIN_EXCEL_WPS: "在 Excel 或 WPS 中重新输入该单元格", "type the cell again in Excel or WPS";
    ROW_HIDDEN_DATA_READ: "第 {0} 行是隐藏的，其中的数据已读取", "row {0} is hidden; its data was read";
    UNHIDE_ROW_CHECK: "取消隐藏并核对该行", "unhide the row and check it";
    SHEETS_BOTH_LOOK_LIKE_SAME: "工作表“{0}”与“{1}”都像同一张填报表，只读取了“{1}”",
        "sheets `{0}` and `{1}` both look like the same sheet; only `{1}` was read";
    DELETE_RENAME_EXTRA_SHEET_SO: "删除或改名多余的工作表，只保留一张",
        "delete or rename the extra sheet so that only one remains";
    LEVEL_NOT_RATED: "级别“{0}”不是 DB37/T 3890 评定的级别（{1}、{2}、{3}），已按市级标准检查",
        "level `{0}` is not one DB37/T 3890 rates ({1} city, {2} county, {3} community); checked against the city standard";
    WRITE_CITY_COUNTY_COMMUNITY: "填写 {0}、{1} 或 {2}",
        "write {0} (city), {1} (county) or {2} (community)";
    RESIDENT_POPULATION_POSITIVE: "常住人口 {0} 不是正数", "resident population {0} is not positive";
    ENTER_YEAR_END_RESIDENT_POPULATION: "填写年末常住人口（人）",
        "enter the year-end resident population in persons";
    RESIDENT_POPULATION_PERSONS: "常住人口“{0}”的单位不是“人”", "resident population `{0}` is not in persons";
    CONVERT_PERSONS_ENTER_ONLY_NUMBER: "换算成人数后只填写数字，如 1234000",
        "convert to persons and enter only the number, e.g. 1234000";
    REPORTING_YEAR_BETWEEN_NEXT_YEAR: "填报年度 {0} 不在 {1} 年至明年之间",
        "reporting year {0} is not between {1} and next year";
    ENTER_YEAR_DATA_FOR_E: "填写数据所属的年度，如 2025", "enter the year the data is for, e.g. 2025";
    CHARACTERS_LONG_FIRST_WERE_KEPT: "{0}有 {1} 个字符，只保留前 {2} 个",
        "{0} is {1} characters long; the first {2} were kept";
    ENTER_SHORT_NAME: "填写简短的名称", "enter a short name";
    BASIC_INFO_LACKS: "“{1}”中缺少{0}", "{1} lacks the {0}";
    FILL_IN: "填写{0}", "fill in the {0}";
    NOT_A_NUMBER: "“{0}”不是数值", "`{0}` is not a number";
    ENTER_ONLY_NUMBER_UNIT_EXPLANATIONS: "只填写数字（单位：{0}），说明写在备注列",
        "enter only the number (unit: {0}); explanations go in the note column";
    SHEET_HAS_NO_COLUMN: "“{0}”中找不到“{1}”列", "sheet `{0}` has no `{1}` column";
    COLUMN_APPEARS_TWICE_COLUMNS_ONLY: "“{0}”列出现两次（{1} 列和 {2} 列），只读取了 {1} 列",
        "the {0} column appears twice (columns {1} and {2}); only column {1} was read";
    DELETE_EXTRA_COLUMN_GIVE_ANOTHER: "删除或改名多余的一列",
        "delete the extra column or give it another header";
    CODE_CONTAINS_SPACES_READ: "代码“{0}”中有空格，已按“{1}”读取", "code `{0}` contains spaces; read as `{1}`";
    REMOVE_SPACES_FROM_CODE: "删除代码中的空格", "remove the spaces from the code";
    CODE_STANDARD_ROW_IGNORED: "代码“{0}”不在标准 {1} 中，该行被忽略",
        "code `{0}` is not in standard {1}; the row is ignored";
    CHECK_CODE_USE_THIS_STANDARD: "核对代码拼写，或使用该标准的模板",
        "check the code, or use this standard's template";
    CODE_APPEARS_AGAIN_ROW_READ: "代码“{0}”重复出现，已按第 {1} 行读取",
        "code `{0}` appears again; row {1} was read";
    DELETE_EXTRA_ROW: "删除多余的行", "delete the extra row";
    COPY_ROW_FROM_TEMPLATE_FILL: "从模板中复制该行并填写", "copy the row from the template and fill it in";
    NAME_DOCUMENT_ANNEX_EVIDENCE_COLUMN: "在“佐证材料”列写明材料名称或附件编号",
        "name the document or annex in the evidence column";
    POPULATION_PERSONS_TOO_SMALL_LOOKS: "人口 {0} 以“人”计太小，像是以“万人”填写的（{0} 万人 = {1} 人）",
        "a population of {0} persons is too small; it looks like ten thousands of persons: {0} × 10,000 = {1} persons";
    CELL_PERSONS_IF_TEN_THOUSAND: "该单元格以“人”计：若指 {0} 万人，填写 {1}",
        "the cell is in persons: if {0} ten-thousand persons is meant, enter {1}";
    MILLION_YUAN_MORE_THAN_TWICE: "{0} 亿元超过全省生产总值的两倍，数量级不合理",
        "{0} × 100 million yuan is more than twice the province's GDP: an implausible order of magnitude";
    ITEM_MILLION_YUAN_IF_FIGURE: "该项以“亿元”计：若填的是万元，除以 10000 后填写 {0}；若是元，除以 1 亿",
        "the item is in 100 million yuan: if the figure is in 10,000 yuan, enter {0} (divided by 10,000); if in yuan, divide by 10⁸";
    CHECK_NUMBER_UNIT_EXTRA_ZEROS: "核对数值与单位：是否多打了零，或填了其他口径的数",
        "check the number and its unit: extra zeros, or a figure of another definition?";
    ZERO_DENOMINATOR_OF: "{0} 的分母为 0", "the denominator of {0} is 0";
    ENTER_ACTUAL_DENOMINATOR: "填写实际的分母", "enter the actual denominator";
    NUMERATOR_EXCEEDS_DENOMINATOR: "{0} 的分子 {1} 大于分母 {2}（{3}）",
        "the numerator of {0} ({1}) exceeds its denominator ({2}, {3})";
    CHECK_BOTH_SHARE_DEFINITION_YEAR: "核对分子与分母的口径和年份，确认没有填反",
        "check both share a definition and year and are not swapped";
    PER_RESIDENT_BUT_GIVES_NO: "{0} 按常住人口计算，但“{1}”中没有可用的常住人口",
        "{0} is per resident, but {1} gives no usable resident population";
    FILL_RESIDENT_POPULATION_PERSONS: "在“{0}”中填写常住人口（人）",
        "fill in the resident population (persons) in {0}";
    VALUE_CELL_INSIDE_MERGED_REGION: "填报值单元格被合并进 {0} 起的合并区域，无法读取",
        "the value cell is inside the merged region starting at {0} and cannot be read";
    UNMERGE_CELLS_GIVE_EACH_ITEM: "取消合并，每个填报项填在自己的单元格中",
        "unmerge the cells and give each item its own value";
    FORMULA_HAS_NO_CACHED_VALUE: "公式 {0} 没有保存计算结果", "formula {0} has no cached value";
    OPEN_SAVE_FILE_ONCE_EXCEL: "用 Excel、WPS 或 LibreOffice 打开并保存一次，或直接填写数值",
        "open and save the file once in Excel, WPS or LibreOffice, or type the value";
    CELL_HOLDS_ERROR: "单元格是错误值 {0}", "the cell holds the error {0}";
    FIX_FORMULA_TYPE_VALUE: "修正公式或直接填写数值", "fix the formula or type the value";
    ANSWER_YES_NO_PICK_FROM: "从下拉列表中选择“{0}”或“{1}”", "answer yes or no: pick {0} or {1} from the list";
    CHOOSE_ONE_OPTION_FROM_LIST: "从下拉列表中选择一项", "choose one option from the list";
    NOT_YES_NO: "“{0}”不是“是/否”", "`{0}` is not a yes/no answer";
    PICK_YES_NO_FROM_LIST: "从下拉列表中选择“{0}”或“{1}”", "pick {0} (yes) or {1} (no) from the list";
    NOT_AN_OPTION: "“{0}”不是 {1} 的选项", "`{0}` is not an option of {1}";
    ENTER_ONLY_NUMBER_UNIT: "只填写数字（单位：{0}）", "enter only the number (unit: {0})";
    READS_SHARE_CANNOT_EXCEED: "{0} 读作 {1}%，比例不能超过 100%",
        "{0} reads as {1}%; a share cannot exceed 100%";
    TYPE_SHARE_WITH_PERCENT_SIGN: "输入带百分号的比例，如 85%（不是 8500%）；若由分子、分母算得，核对二者",
        "type the share with its percent sign, e.g. 85% (not 8500%); if it comes from a numerator and denominator, check both";
    OUT_OF_RANGE: "{0} 超出合理范围（{1}{2}）", "{0} is outside {1}{2}";
    CHECK_NUMBER_UNIT: "核对数值与单位", "check the number and its unit";
    RESIDENT_POPULATION_OVER_MILLION_MORE: "常住人口 {0} 超过 1 亿人，不可能是一个市、县或社区的人口",
        "resident population {0} is over 100 million, more than any city, county or community";
    ENTER_YEAR_END_RESIDENT_POPULATION_2: "填写年末常住人口（人），只填数字",
        "enter the year-end resident population in persons, the number only";
    RESIDENT_POPULATION_WHOLE_NUMBER_PERSONS: "常住人口 {0} 不是整数人数",
        "resident population {0} is not a whole number of persons";
    ENTER_PERSONS_TENS_THOUSANDS: "填写人数（{0}），不要填“{1}”",
        "enter persons ({0}), not tens of thousands ({1})";
    NOT_FINITE: "“{0}”不是有限的数值", "`{0}` is not a finite number";
    ENTER_ACTUAL_NUMBER: "填写实际数值", "enter the actual number";
    LARGER_THAN_ANY_REAL_INDICATOR: "{0} 的数量级不可能是任何指标的实际值（超过 10¹²）",
        "{0} is larger than any real indicator value (over 10¹²)";
    CHECK_NUMBER_UNIT_EXTRA_ZEROS_2: "核对数值与单位，是否多打了零或粘贴了错误的单元格",
        "check the number and its unit: extra zeros, or a wrong cell pasted?";
    PERCENT_CELL_HOLDS_WHICH_SHOWS: "百分比单元格中是 {0}，显示为 {1}%；若指 {0}%，应输入 {0}%",
        "the percent cell holds {0}, which shows as {1}%; if {0}% is meant, type {0}%";
    TYPE_WITH_PERCENT_SIGN: "输入 {0}%（带百分号）", "type {0}% with the percent sign";
    COMMA_THOUSANDS_SEPARATOR_DECIMAL_SEPARATOR: "“{0}”中的逗号不是千分位，无法确定是小数点还是分隔符",
        "the comma in `{0}` is not a thousands separator; decimal or separator is unclear";
    USE_DECIMAL_POINT_E_G: "小数点用“.”，例如 0.85", "use `.` as the decimal point, e.g. 0.85";
    ITEM_ASKS_FOR: "“{0}”的单位“{1}”与要求的“{2}”不同", "`{0}` is in `{1}`, the item asks for `{2}`";
    CONVERT_ENTER_ONLY_NUMBER: "换算成“{0}”后只填写数字", "convert to `{0}` and enter only the number";
    PERCENTAGE_ITEM_S_UNIT: "“{0}”是百分比，但该项的单位是“{1}”",
        "`{0}` is a percentage, the item's unit is `{1}`";
    ENTER_NUMBER: "填写以“{0}”计的数字", "enter the number in `{0}`";
    TYPED_TEXT_PERCENT_ITEM_COULD: "百分比项中以文本填写了“{0}”，可能指 {1}% 也可能指 {2}%",
        "`{0}` typed as text in a percent item could mean {1}% or {2}%";
    TYPE_VALUE_WITH_PERCENT_SIGN: "输入时带上百分号，例如 85%",
        "type the value with its percent sign, e.g. 85%";
    TEXT_READ_AS_NUMBER: "文本“{0}”按数值 {1}{2} 读取", "text `{0}` was read as {1}{2}";
    NOTHING_DO_MAKE_NUMBER_CELL: "无需处理；可把单元格改为数值格式",
        "nothing to do; make it a number cell to silence this";
    START_FROM_CITYSTAR_TEMPLATE_RENAME: "从 `citystar template` 生成的模板开始填报，或把工作表改回原名",
        "start from `citystar template`, or rename the sheet back";
    DROP_STANDARD_CORRECT_LEVEL: "去掉 --standard，或改正“{0}”中的级别",
        "drop --standard, or correct the level in {0}";
    // ── evidence files (submission::evidence) ──
    /// {1}: why (a message of its own).
    EVIDENCE_REFUSED: "佐证文件“{0}”{1}，已拒绝读取", "evidence file `{0}` {1}; it was not read";
    EVIDENCE_UNREADABLE: "无法读取佐证文件“{0}”：{1}", "cannot read evidence file `{0}`: {1}";
    IS_ABSOLUTE_PATH: "是绝对路径", "is an absolute path";
    CONTAINS_WHICH_LEADS_OUT_FOLDER: "含有“..”，指向上级文件夹",
        "contains `..`, which leads out of the folder";
    PUT_EVIDENCE_WORKBOOK_S_FOLDER: "把佐证文件放进填报表所在的文件夹，写相对路径",
        "put the evidence in the workbook's folder and give its relative path";
    EVIDENCE_FILE_THERE: "找不到佐证文件“{0}”", "evidence file `{0}` is not there";
    PUT_FILE_AT_THAT_PATH: "把文件放到填报表所在文件夹中该路径下，或改正文件名",
        "put the file at that path under the workbook's folder, or correct the name";
    EVIDENCE_FILE_LINK_THAT_LEADS: "佐证文件“{0}”是指向提交文件夹之外的链接，已拒绝读取",
        "evidence file `{0}` is a link that leads out of the submission folder; it was not read";
    PUT_FILE_ITSELF_LINK_WORKBOOK: "把文件本身（不是链接）放进填报表所在的文件夹",
        "put the file itself, not a link, in the workbook's folder";
    CHECK_FILE_S_PERMISSIONS_PUT: "检查文件权限，或重新放入该文件",
        "check the file's permissions, or put the file there again";
    EVIDENCE_FILE_EMPTY_BYTES: "佐证文件“{0}”是空文件（0 字节）", "evidence file `{0}` is empty (0 bytes)";
    PUT_WHOLE_FILE_THERE_COPY: "放入完整的文件；复制或下载可能没有完成",
        "put the whole file there; a copy or download may not have finished";
    EVIDENCE_FILE_NAMED_BUT_CONTENT: "佐证文件“{0}”的扩展名是 .{1}，内容却是 {2}",
        "evidence file `{0}` is named .{1} but its content is {2}";
    CHECK_THAT_RIGHT_FILE_IF: "确认是否放错了文件；是同一份材料时按实际格式改正扩展名",
        "check that it is the right file; if it is, give it the extension of its real format";
    EVIDENCE_FILE_HAS_SAME_CONTENT: "佐证文件“{0}”与 {1} 的佐证文件“{2}”内容相同",
        "evidence file `{0}` has the same content as `{2}`, the evidence of {1}";
    CHECK_THAT_ONE_DOCUMENT_REALLY: "确认同一份材料确实能证明两项指标；否则放入各自的材料",
        "check that one document really supports both indicators; otherwise attach each its own";
    // ── the review workbook (submission::review) ──
    REVIEW_WORKBOOK_WRITTEN_BY_CITYSTAR: "不是 citystar review init 写出的核查工作簿（没有带表头的“{0}”工作表）",
        "not a review workbook written by citystar review init (no {0} sheet with its header)";
    REVIEW_CODE_NO_INPUT_ITEM: "核查中的代码“{0}”不是标准 {1} 的填报项，该行已忽略",
        "review code `{0}` is no input item of standard {1}; the row is ignored";
    DELETE_ROW_RESTORE_CODE_MADE: "删除该行，或改回生成时的代码",
        "delete the row, or restore the code it was made with";
    YES_NO_READ_BLANK_ACCEPTED: "“{0}”不是“是/否”，按留空（采信）处理",
        "`{0}` is not yes/no; read as blank (accepted)";
    PICK_FROM_LIST: "从下拉列表中选择“{0}”或“{1}”", "pick {0} or {1} from the list";
    REVIEW_MADE_FOR_SUBMISSION_WITH: "核查工作簿 {0} 是对 SHA-256 {1}… 的填报表做的，而 {2} 的 SHA-256 是 {3}…：填报表已修改或不是同一份，核查未采用",
        "review {0} was made for a submission with SHA-256 {1}…, but {2} has {3}…: the submission changed or is another one; the review is not used";
    RUN_CITYSTAR_REVIEW_INIT_ON: "对当前填报表重新运行 citystar review init，转录核查意见",
        "run citystar review init on the current submission and carry the findings over";
    REVIEW_MADE_AGAINST_THIS_ASSESSMENT: "核查工作簿按标准 {0} 生成，本次按 {1} 评估，核查未采用",
        "the review was made against {0}, this assessment uses {1}; the review is not used";
    PASS_STANDARD_MAKE_REVIEW_AGAIN: "加 --standard {0}，或按本标准重新生成核查工作簿",
        "pass --standard {0}, or make the review again against this standard";
    // ── files that cannot be read (submission::failure) ──
    NOT_A_REGULAR_FILE: "不是普通文件（{0}），citystar 只读取工作簿文件",
        "not a regular file ({0}); citystar reads only workbook files";
    NO_SUCH_FILE_FOLDER: "找不到该文件或文件夹", "no such file or folder";
    CANNOT_READ_FILE_PERMISSION_DISK: "无法读取该文件（权限不足或磁盘错误），请检查文件权限",
        "cannot read the file (permission or disk error); check its permissions";
    FILE_IS_EMPTY: "文件是空的", "the file is empty";
    FILE_MB_CITYSTAR_READS_WORKBOOKS: "文件大小为 {0} MB，citystar 最多读取 {1} MB 的工作簿",
        "the file is {0} MB; citystar reads workbooks of at most {1} MB";
    SPREADSHEET_CITYSTAR_READS_XLSX_XLSM: "不是电子表格：citystar 读取 xlsx、xlsm、xlsb、xls 和 ods 工作簿",
        "not a spreadsheet: citystar reads xlsx, xlsm, xlsb, xls and ods workbooks";
    ZIP_FILE_BUT_WORKBOOK_HOLDS: "是 zip 压缩包，但不是工作簿（其中没有工作簿部件）",
        "a zip file, but not a workbook (it holds no workbook part)";
    WORKBOOK_PASSWORD_PROTECTED_ENCRYPTED_SAVE: "工作簿设有密码（已加密）；请另存一份不加密的副本再检查",
        "the workbook is password-protected (encrypted); save an unprotected copy and check that";
    PART_INFLATES_MORE_THAN_MB: "部件“{0}”解压后超过 {1} MB，已拒绝读取（疑似 zip 炸弹）",
        "part `{0}` inflates to more than {1} MB; citystar refuses it (a zip bomb?)";
    WORKBOOK_HAS_PARTS_CITYSTAR_READS: "工作簿包含 {0} 个部件，最多读取 {1} 个（疑似 zip 炸弹）",
        "the workbook has {0} parts; citystar reads at most {1} (a zip bomb?)";
    CANNOT_READ_FILE_MAY_TRUNCATED: "无法按 {0} 格式读取：文件可能被截断或已损坏；请用 Excel 或 WPS 打开后重新保存",
        "cannot read it as {0}: the file may be truncated or damaged; open it in Excel or WPS and save it again";
    PART_DECLARES_ENTRIES_BYTES_FILE: "部件“{0}”声明了 {1} 项，但只有 {2} 字节，文件已损坏；请重新保存",
        "part `{0}` declares {1} entries in {2} bytes: the file is damaged; save it again";
    SHEET_SPANS_ROWS_COLUMNS_CITYSTAR: "工作表“{0}”有 {1} 行 × {2} 列，每张表最多读取 {3} 行 × {4} 列；请删除多余的行列",
        "sheet `{0}` spans {1} rows × {2} columns; citystar reads at most {3} rows × {4} columns per sheet";
    SHEET_HOLDS_MORE_THAN_MB: "工作表“{0}”中的文字超过 {1} MB，远超任何填报表；文件已损坏或被篡改",
        "sheet `{0}` holds more than {1} MB of text, far more than any submission; the file is damaged or crafted";
    READING_FILE_NEEDED_MORE_THAN: "读取该文件需要超过 {0} MB 内存，已停止；文件已损坏或被篡改",
        "reading the file needed more than {0} MB of memory and was stopped; the file is damaged or crafted";
    READING_FILE_TOOK_MORE_THAN: "读取该文件超过 {0} 秒，已停止；文件已损坏或被篡改",
        "reading the file took more than {0} s and was stopped; the file is damaged or crafted";
    READER_STOPPED_UNEXPECTEDLY_ON_THIS: "读取该文件时读取进程意外停止；文件可能已损坏",
        "the reader stopped unexpectedly on this file; it may be damaged";
    REPORT_CITYSTAR_WROTE_SUBMISSION_SKIPPED: "这是 citystar 写出的评估报告，不是填报表，已跳过",
        "a report citystar wrote, not a submission; skipped";
    // ── a review against its submission (assess::review) ──
    CHANGED_VERIFIED_VALUE_EVIDENCE_DECISION: "{0} 的核定值或佐证采信有改动，但没有核查意见",
        "{0} is changed (a verified value or the evidence decision) without a finding";
    WRITE_REASON_FINDING_COLUMN: "在“核查意见”列写明理由", "write the reason in the finding column";
}
