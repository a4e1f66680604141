//! The catalogue's words of the template surface (see [`super`]): the
//! workbooks citystar writes to be filled in — the blank submission (its
//! sheets, prompts and printed guide) and the assessor's review workbook.

super::messages! {
    // ── the workbook ──
    /// What the blank workbook is, in its document properties.
    SUBMISSION_WORKBOOK: "填报表", "submission workbook";
    YES: "是", "yes";
    NO: "否", "no";
    /// Instruction 5, the one place the protection is stated: the sheets 基本信息 and 指标填报 (their names in every language).
    PROTECTION: "5. 工作表保护（没有密码）：“{0}”只锁定项目名称和说明列，“{1}”只锁定指标代码、一级指标、二级指标、填报项和单位。可以：填写填报值、佐证材料和备注；在表格右侧增加列；插入行写说明；调整行高、列宽和单元格格式；对未锁定的单元格排序和筛选。不要修改表名、表头和指标代码，不要合并单元格。需要调整列的顺序时，先在“审阅”中撤销工作表保护（无需密码）再移动整列，citystar 按表头文字识别各列。", "5. Sheet protection (no password): on {0} only the field names and notes are locked, on {1} only the code, dimension, indicator, item and unit. You may fill in values, evidence and notes; add columns to the right of the table; insert rows for notes; change row heights, column widths and cell formats; sort and filter the open cells. Keep sheet names, headers and codes, and do not merge cells. To reorder columns, first unprotect the sheet (Review → Unprotect Sheet, no password) and move whole columns: citystar finds columns by their header text.";

    // ── 基本信息 ──
    /// The unit of the population field.
    PERSONS: "人", "persons";
    LEVEL_NOTE: "市级 / 县级 / 智慧社区", "city / county / community";
    DIVISION_CODE_NOTE: "6 位或 12 位代码", "6 or 12 digits";
    YEAR_NOTE: "数据所属年度，如 2025", "year the data describe, e.g. 2025";
    /// The unit not to use, 万人 (the word a reader may have in mind, in every language).
    POPULATION_NOTE: "年末常住人口，单位：人（不是{0}），如 5234000", "year-end resident population in persons (not {0}), e.g. 5234000";
    DATE_NOTE: "如 2026-03-15", "e.g. 2026-03-15";
    PICK_FROM_LIST: "从下拉列表中选择", "Pick from the list";

    // ── 指标填报 ──
    /// The item of a graded indicator, in the Item column.
    CHOICE: "选择", "Choice";
    /// The unit column of a yes/no indicator.
    UNIT_YES_NO: "是/否", "yes/no";
    /// The unit column of a graded indicator.
    UNIT_OPTION: "选项", "option";
    PICK_YES_NO: "从下拉列表中选择“是”或“否”", "Pick yes or no from the list";
    PICK_ONE_OPTION: "从下拉列表中选择一项", "Pick one option from the list";
    TYPE_PERCENTAGE: "输入百分比，如 85%", "Type a percentage, e.g. 85%";
    ENTER_NUMBER: "填写数值", "Enter a number";
    /// The unit's word.
    ENTER_NUMBER_IN: "填写数值，单位：{0}", "Enter a number in {0}";
    /// The unit's word (counts of things in English: ENTER_WHOLE_NUMBER).
    ENTER_WHOLE_NUMBER_IN: "填写整数，单位：{0}", "Enter a whole number of {0}";
    ENTER_WHOLE_NUMBER: "填写整数", "Enter a whole number";
    /// Before the evidence asked for.
    EVIDENCE_PREFIX: "佐证：", "Evidence: ";

    // ── 填报说明 ──
    MARK_MANDATORY: "必选", "mandatory";
    MARK_BONUS: "加分", "bonus";
    MARK_DEDUCTION: "扣分", "deduction";
    MARK_VETO: "否决", "veto";
    /// The item of a graded indicator, in a list of items.
    CHOICE_ITEM: "选择", "choice";
    FORMULA_RATIO: "分子 ÷ 分母 × 100%", "numerator ÷ denominator × 100%";
    FORMULA_PER_POPULATION: "计数 ÷ 常住人口（人）", "count ÷ resident population (persons)";
    FORMULA_PERCENT: "填报的百分比", "the percentage entered";
    FORMULA_NUMBER: "填报的数值", "the number entered";
    FORMULA_OPTION: "所选选项", "the option chosen";
    FORMULA_SURVEY: "调查得分（0–100）", "survey score (0–100)";
    FORMULA_ALL_OF: "各分项同时达到该星级的要求", "every part meets the star's requirement";
    /// After evidence that must be attached.
    EVIDENCE_REQUIRED: "（必须附）", " (required)";
    EVIDENCE: "佐证材料", "evidence";

    // ── 说明 (the readme sheet) ──
    /// The level, the standard's id, its edition.
    README_STANDARD: "级别：{0}；标准：{1}（{2}）", "Level: {0}; standard: {1} ({2})";
    /// The sheet 基本信息, the unit not to use (万人).
    README_INFO: "1. 在“{0}”表中填写名称、级别、行政区划代码、年度和常住人口（单位：人，不是{1}）；日期写成 2026-03-15 的形式。", "1. On {0}, fill in the name, level, division code, year and resident population (in persons, not {1}); write dates as 2026-03-15.";
    /// The sheet 指标填报.
    README_VALUES: "2. 在“{0}”表的“填报值”列逐行填写；代码带 .N 的是分子、.D 是分母、.C 是计数。每一行的单位见“单位”列，人口和人数一律以“人”计。", "2. On {0}, fill the Value column row by row; codes ending .N are numerators, .D denominators, .C counts. Each row's unit is in the Unit column; populations and head counts are always in persons.";
    README_PERCENT: "3. 百分比单元格直接输入带 % 的数值（如 85%）；“是/否”与分级指标从下拉列表中选择。", "3. Type percentages with their sign (85%); pick yes/no and graded answers from the drop-down list.";
    /// An evidence folder's example name, 佐证 in every language.
    README_EVIDENCE: "4. 需要佐证材料的指标，在“佐证材料”列写明材料名称或附件编号；佐证文件放在本工作簿所在的文件夹（可建子文件夹），在“佐证材料”列写文件相对于该文件夹的路径，如 {0}/A-01 合同.pdf，多个文件用分号（；或 ;）或换行分隔；说明文字写在“备注”列。", "4. Where evidence is required, name the document or annex in the Evidence column; put evidence files in this workbook's folder (subfolders allowed) and give each file's path relative to that folder, e.g. {0}/A-01 contract.pdf, several separated by semicolons (； or ;) or line breaks; explanations go in Note.";
    /// The sheets 指标填报 and 填报说明.
    README_PRINTING: "6. 打印：“{0}”每个一级指标从新的一页开始，表头在每页重复；“{1}”表列出每项指标的定义、单位、计算方法、分级选项及星级、必选和否决标记、佐证材料，可打印后交给提供数据的部门。", "6. Printing: on {0} each dimension starts a new page and the header repeats; the {1} sheet lists every indicator with its definition, unit, formula, graded options and their stars, mandatory and veto marks and the evidence to attach, for the departments that hold the data.";
    README_CHECK: "7. 填好后运行 `citystar check 文件名` 检查，所有问题会指向具体单元格。", "7. Then run `citystar check FILE`; every problem is addressed to its cell.";

    // ── 填报说明's columns and cells ──
    GUIDE_CODE: "指标代码", "Code";
    GUIDE_DIMENSION: "一级指标", "Dimension";
    GUIDE_INDICATOR: "二级指标", "Indicator";
    GUIDE_MARKS: "标记", "Marks";
    GUIDE_ITEMS: "填报项及单位", "Items and units";
    GUIDE_FORMULA: "计算方法", "Formula";
    GUIDE_DEFINITION: "数据定义", "Definition";
    GUIDE_STARS: "星级要求 / 选项", "Stars / options";
    /// The evidence column of 填报说明 and of the review workbook.
    EVIDENCE_COLUMN: "佐证材料", "Evidence";
    /// An item: its code, its name, its unit.
    ITEM_WITH_UNIT: "{0} {1}（{2}）", "{0} {1} ({2})";

    // ── the review workbook (the assessor fills it in) ──
    REVIEW_WORKBOOK: "核查工作簿", "review workbook";
    REVIEW_NAME: "名称", "Name";
    REVIEW_DIVISION_CODE: "行政区划代码", "Division code";
    REVIEW_SUBMISSION_FILE: "填报表文件", "Submission file";
    REVIEW_SUBMISSION_SHA256: "填报表 SHA-256", "Submission SHA-256";
    REVIEW_STANDARD: "标准", "Standard";
    REVIEW_CODE: "代码", "Code";
    REVIEW_INDICATOR: "指标", "Indicator";
    REVIEW_ITEM: "填报项", "Item";
    REVIEW_UNIT: "单位", "Unit";
    REVIEW_REPORTED: "填报值", "Reported value";
    REVIEW_CELL: "来源单元格", "Cell";
    REVIEW_VERIFIED: "核定值", "Verified value";
    REVIEW_FINDING: "核查意见", "Finding";
    REVIEW_EVIDENCE_ACCEPTED: "佐证采信", "Evidence accepted";
    REVIEW_REVIEWER: "核查人", "Reviewer";
    REVIEW_NOTE: "核定值留空表示认可填报值；填写核定值时写明核查意见。“佐证采信”选“否”时，该指标按标准的缺失规则计。填报表被修改后本核查不再适用，需重新生成。", "Leave Verified value blank to accept the reported value; give a Finding with every verified value. Evidence accepted = no counts the indicator as the standard's missing policy says. Once the submission changes, this review no longer applies: make it again.";
    /// An evidence file named but not read.
    REVIEW_EVIDENCE_NOT_READ: "（未读取，见诊断）", "(not read: see the findings)";
}
