//! Diagnostics are data: a catalogue of stable kebab-case codes, each with a
//! default severity and a plain-words explanation in zh and en
//! (`citystar explain CODE`, docs/diagnostics.md). The standard-, benchmark-
//! and target-file lint codes are a namespace of their own ([`LintCode`]).

mod lint;
pub use lint::LintCode;

use crate::catalogue::said::Message;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The word a reader of `lang` sees.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.name_zh(),
            crate::Lang::En => match self {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Text in both output languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// One finding about a submitted workbook, addressed to its cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code, serialised in kebab-case, e.g. `numerator-exceeds-denominator`.
    pub code: Code,
    pub severity: Severity,
    /// `Sheet!C7`, a sheet name, or empty for the whole file.
    pub location: String,
    /// The raw cell text, where there is a cell.
    pub raw: Option<String>,
    /// The indicator the finding concerns, where there is one.
    pub indicator: Option<String>,
    /// What was found and what to do: catalogue entries and their
    /// arguments, put into words when shown (`{"zh", "en"}` in JSON).
    pub message: Message,
    pub hint: Message,
}

impl Diagnostic {
    /// A finding of a code at its default severity.
    pub fn new(code: Code, location: impl Into<String>, message: Message, hint: Message) -> Self {
        let severity = code.severity();
        Diagnostic {
            code,
            severity,
            location: location.into(),
            raw: None,
            indicator: None,
            message,
            hint,
        }
    }

    pub fn raw(mut self, raw: impl Into<String>) -> Self {
        let raw = raw.into();
        self.raw = if raw.is_empty() { None } else { Some(raw) };
        self
    }

    pub fn indicator(mut self, code: impl Into<String>) -> Self {
        self.indicator = Some(code.into());
        self
    }
}

/// One catalogued diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub code: &'static str,
    pub severity: Severity,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub explain_zh: &'static str,
    pub explain_en: &'static str,
    pub fix_zh: &'static str,
    pub fix_en: &'static str,
}

/// What a code is about: its namespace in `explain` and docs/diagnostics.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// A finding of the reader about a submitted workbook.
    Workbook,
    /// A finding about a review workbook (`assess --review`).
    Review,
    /// A file that could not be read at all (exit 2; never re-levelled).
    ReadFailure,
}

macro_rules! codes {
    ($( $(#[$gm:meta])* $group:ident $list:ident {
        $( $(#[$m:meta])* $var:ident = $code:literal, $sev:ident,
            [$tz:literal, $te:literal],
            [$ez:literal, $ee:literal],
            [$fz:literal, $fe:literal]; )*
    } )*) => {
        /// Every code a run can report about a workbook, a review or an
        /// unreadable file, named in kebab-case on output (`as_str`, serde).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Code {
            $($( $(#[$m])* $var, )*)*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$($(Code::$var,)*)*];

            /// The stable kebab-case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($(Code::$var => $code,)*)*
                }
            }

            pub const fn group(self) -> Group {
                match self {
                    $($(Code::$var => Group::$group,)*)*
                }
            }

            /// Its catalogue entry: default severity, title, explanation, fix.
            pub const fn entry(self) -> &'static Entry {
                match self {
                    $($(Code::$var => &Entry {
                        code: $code,
                        severity: Severity::$sev,
                        title_zh: $tz,
                        title_en: $te,
                        explain_zh: $ez,
                        explain_en: $ee,
                        fix_zh: $fz,
                        fix_en: $fe,
                    },)*)*
                }
            }
        }

        impl std::str::FromStr for Code {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($($code => Ok(Code::$var),)*)*
                    _ => Err(UnknownCode::new(s)),
                }
            }
        }

        $( $(#[$gm])* pub const $list: &[Entry] = &[$(*Code::$var.entry(),)*]; )*
    };
}

codes! {
    /// Every diagnostic code the reader can emit, in documentation order.
    Workbook CATALOGUE {
        MissingSheet = "missing-sheet", Error,
        ["缺少工作表", "Missing sheet"],
        ["工作簿中找不到“基本信息”或“指标填报”工作表（按表名识别，中英文均可）。缺少“指标填报”时无法读取任何指标。",
         "The workbook has no 基本信息 (Basic information) or 指标填报 (Indicator data) sheet, recognised by name in Chinese or English. Without 指标填报 no indicator can be read."],
        ["从 `citystar template` 生成的模板开始填报，或把工作表改回模板中的名称。",
         "Start from the workbook `citystar template` writes, or rename the sheet back to the template's name."];

        MissingColumn = "missing-column", Error,
        ["缺少列", "Missing column"],
        ["“指标填报”表头中找不到必需的列（指标代码、填报值）。列按表头文字识别，顺序可以调整，但表头不能删除或改名。",
         "The header of 指标填报 lacks a required column (code, value). Columns are found by their header text, so they may be reordered, but not removed or renamed."],
        ["恢复模板中的表头行：指标代码 / Code、填报值 / Value。",
         "Restore the template's header row: 指标代码 / Code and 填报值 / Value."];

        MissingLevel = "missing-level", Warning,
        ["未填写级别", "Level not given"],
        ["“基本信息”中的级别为空或无法识别，已按默认级别（或 --standard 指定的标准）检查。",
         "The level in 基本信息 is empty or not recognised; the workbook was checked against the default level (or the --standard given)."],
        ["在“基本信息”的级别一栏填写 市级、县级 或 智慧社区。",
         "Fill the level in 基本信息 with 市级 (city), 县级 (county) or 智慧社区 (community)."];

        MissingBasicInfo = "missing-basic-info", Warning,
        ["基本信息不完整", "Basic information incomplete"],
        ["“基本信息”中名称、行政区划代码、年度、填报单位等项目为空。评价不依赖它们，但报告需要。",
         "An entry of 基本信息 such as the name, division code, year or filing unit is empty. Scoring does not need it, reports do."],
        ["补全“基本信息”中的该项。", "Fill in that entry of 基本信息."];

        WrongLevel = "wrong-level", Error,
        ["级别不符", "Wrong level"],
        ["工作簿在“基本信息”中声明的级别与用来检查它的标准的级别不同，例如县级填报表按市级标准检查。",
         "The level the workbook states in 基本信息 differs from the level of the standard it is checked against, e.g. a county workbook checked against the city standard."],
        ["去掉 --standard 让工具按声明的级别选择标准，或改正“基本信息”中的级别，或用对应级别的模板重新填报。",
         "Drop --standard so the level stated picks the standard, correct the level in 基本信息, or refill the template of the right level."];

        MissingItem = "missing-item", Warning,
        ["缺少填报行", "Input row missing"],
        ["标准要求的某个填报项在“指标填报”中没有对应的行（按指标代码查找）。该指标按缺失处理。",
         "An input item the standard asks for has no row in 指标填报 (looked up by code). The indicator counts as missing."],
        ["从模板中复制该行（含指标代码）并填写数值。", "Copy the row, with its code, from the template and fill in the value."];

        MissingValue = "missing-value", Warning,
        ["未填写数值", "Missing value"],
        ["填报值单元格为空。该指标按缺失处理，按标准的缺失规则计分。",
         "The value cell is empty. The indicator counts as missing and is scored by the standard's rule for missing data."],
        ["填写数值；确实没有数据时在备注中说明原因。", "Enter the value; if there truly is no data, say why in the note column."];

        NotANumber = "not-a-number", Error,
        ["不是数值", "Not a number"],
        ["该单元格应为数值，但内容无法读成数字（例如“约三千”“见附件”或日期）。数值可以带千分位、全角数字、末尾的单位或 %。",
         "The cell should hold a number but its content cannot be read as one (e.g. 'about 3000', 'see annex', or a date). Numbers may carry thousands separators, full-width digits, a trailing unit or %."],
        ["只填写数字，例如 1234 或 1,234；说明文字写在备注列。", "Enter just the number, such as 1234 or 1,234; put explanations in the note column."];

        NotYesNo = "not-yes-no", Error,
        ["不是“是/否”", "Not a yes/no answer"],
        ["该指标只接受“是/否”类回答：是/否、有/无、已建成/未建成、Y/N、TRUE/FALSE。",
         "This indicator takes a yes/no answer only: 是/否, 有/无, 已建成/未建成, Y/N, TRUE/FALSE."],
        ["从下拉列表中选择“是”或“否”。", "Pick 是 (yes) or 否 (no) from the drop-down list."];

        UnknownOption = "unknown-option", Error,
        ["选项不在列表中", "Unknown option"],
        ["分级指标的填报值必须是标准列出的选项之一（中文或英文名称），该值不在其中。",
         "A graded indicator's value must be one of the options the standard lists (by its Chinese or English label); this value is not one of them."],
        ["从下拉列表中选择一个选项；`citystar standards show` 列出每个选项。", "Pick an option from the drop-down list; `citystar standards show` lists them."];

        OutOfRange = "out-of-range", Error,
        ["超出合理范围", "Out of range"],
        ["数值超出该填报项可能的范围：数量与人口不能为负数，调查得分在 0–100 之间（百分比超过 100% 是 share-over-100）。",
         "The number is outside what the item can be: counts and population cannot be negative, a survey score lies within 0–100 (a percentage over 100% is share-over-100)."],
        ["核对数值与单位后重新填写。", "Check the number and its unit and enter it again."];

        AmbiguousPercent = "ambiguous-percent", Error,
        ["百分比读法不明确", "Ambiguous percentage"],
        ["百分比单元格保存的是小数（85% 保存为 0.85）。单元格中的 85 会显示为 8500%；以文本输入、不带 % 的 0.85 可能指 85% 也可能指 0.85%。工具不猜测。",
         "A percent cell stores a fraction (85% is stored as 0.85). A plain 85 in it shows as 8500%; 0.85 typed as text without % could mean 85% or 0.85%. The tool does not guess."],
        ["输入时带上百分号，例如 85%。", "Type the value with its percent sign, e.g. 85%."];

        UnitMismatch = "unit-mismatch", Error,
        ["单位不符", "Unit mismatch"],
        ["数值后面带的单位与该填报项的单位不同（例如要求“个”却写了“万个”），无法确定换算。",
         "The unit written after the number differs from the item's unit (e.g. 万个 where 个 is asked), so the conversion is unclear."],
        ["换算成单位列中的单位后只填写数字。", "Convert to the unit in the unit column and enter only the number."];

        NumberAsText = "number-as-text", Info,
        ["以文本读取的数值", "Number read from text"],
        ["单元格是文本，但内容是带全角数字、千分位、单位或 % 的数值，已按数值读取。提示读法，便于核对。",
         "The cell is text holding a number with full-width digits, thousands separators, a unit or %; it was read as that number. Shown so the reading can be checked."],
        ["无需处理；若想消除提示，把单元格改为数值格式。", "Nothing to do; to silence it, make the cell a number cell."];

        UnknownIndicatorCode = "unknown-indicator-code", Warning,
        ["未知的指标代码", "Unknown indicator code"],
        ["“指标填报”中某行的指标代码不在所用标准中（或后缀不是该指标的填报项），该行被忽略。",
         "A row of 指标填报 carries a code that is not in the standard used (or a suffix the indicator does not take); the row is ignored."],
        ["核对代码拼写，或使用对应标准的模板。", "Check the code's spelling, or use the template of the standard in use."];

        DuplicateCode = "duplicate-code", Error,
        ["重复的指标代码", "Duplicate code"],
        ["同一个填报项（指标代码）出现在多行中，只读取第一行。",
         "The same input item (code) appears on more than one row; only the first is read."],
        ["删除多余的行，每个代码只保留一行。", "Delete the extra rows so each code appears once."];

        FormulaNoCachedValue = "formula-no-cached-value", Error,
        ["公式没有计算结果", "Formula without a cached value"],
        ["单元格是公式，但文件中没有保存计算结果（程序生成、未经 Excel/LibreOffice 打开保存的文件常见），工具不计算公式。",
         "The cell holds a formula but the file stores no computed result (common in files written by programs and never opened and saved in Excel or LibreOffice); the tool does not evaluate formulas."],
        ["用 Excel、WPS 或 LibreOffice 打开并保存一次，或直接填写数值。", "Open and save the file once in Excel, WPS or LibreOffice, or type the value itself."];

        ErrorCell = "error-cell", Error,
        ["错误值单元格", "Error cell"],
        ["单元格的值是错误值，例如 #DIV/0!、#N/A、#REF!、#VALUE!。",
         "The cell's value is an error such as #DIV/0!, #N/A, #REF!, #VALUE!."],
        ["修正公式或直接填写数值。", "Fix the formula, or type the value itself."];

        MergedCell = "merged-cell", Error,
        ["合并单元格", "Merged cell"],
        ["填报值单元格处在合并区域中（且不是左上角），合并后只有左上角单元格保留数值，该值无法读取。",
         "The value cell lies inside a merged region and is not its top-left cell; a merged region keeps only its top-left value, so this value cannot be read."],
        ["取消合并，每个填报项填在自己的单元格中。", "Unmerge the cells and give each input item its own value cell."];

        HiddenSheet = "hidden-sheet", Warning,
        ["隐藏的工作表", "Hidden sheet"],
        ["工作簿中有隐藏的工作表。若它是“基本信息”或“指标填报”，其内容已读取；否则不读取（也不解析）。审核人看不到隐藏表中的内容。超过 5 张时其余的合并为一条。模板自带的隐藏工作表“下拉选项”（存放下拉列表的选项）不报告。",
         "The workbook has a hidden sheet. If it is 基本信息 or 指标填报 it was read; otherwise it was not read (not even parsed). Reviewers do not see what is on hidden sheets. Beyond five, the rest are reported in one finding. The template's own hidden sheet 下拉选项 (the drop-down options) is not reported."],
        ["取消隐藏并核对内容，或删除不需要的工作表。", "Unhide the sheet and check it, or delete it if it is not needed."];

        ZeroDenominator = "zero-denominator", Error,
        ["分母为零", "Zero denominator"],
        ["比率指标的分母为 0，无法计算比率。", "A ratio indicator's denominator is 0, so the ratio cannot be computed."],
        ["填写实际的分母；确实为 0 时在备注中说明。", "Enter the actual denominator; if it truly is 0, say so in the note column."];

        NumeratorExceedsDenominator = "numerator-exceeds-denominator", Error,
        ["分子大于分母", "Numerator above denominator"],
        ["比率指标的分子大于分母，比率会超过 100%。常见原因是两者统计口径或年份不同，或填反了。",
         "A ratio indicator's numerator exceeds its denominator, giving more than 100%. Usually the two are counted differently, for different years, or swapped."],
        ["核对分子与分母的口径和年份，确认没有填反。", "Check that numerator and denominator share a definition and year, and are not swapped."];

        PopulationMissing = "population-missing", Error,
        ["缺少常住人口", "Population missing"],
        ["按人口计算的指标（如每万人拥有量）需要“基本信息”中的常住人口，但常住人口为空或不可用。",
         "A per-population indicator (such as per 10,000 residents) needs the resident population from 基本信息, which is empty or unusable."],
        ["在“基本信息”中填写常住人口（单位：人）。", "Fill in the resident population (persons) in 基本信息."];

        EvidenceMissing = "evidence-missing", Warning,
        ["缺少佐证材料", "Evidence missing"],
        ["标准要求该指标提供佐证材料，但“佐证材料”列为空。", "The standard requires evidence for this indicator, but the evidence column is empty."],
        ["在“佐证材料”列写明材料名称或附件编号。", "Name the document or annex number in the evidence column."];

        EvidenceFileMissing = "evidence-file-missing", Warning,
        ["找不到佐证文件", "Evidence file not found"],
        ["“佐证材料”列写了一个文件（带扩展名或路径的文字），但填报表所在文件夹中该路径下没有这个文件。路径相对于填报表所在的文件夹（提交文件夹），多个文件用分号或换行分隔。",
         "The evidence column names a file (text with an extension or a folder in it), but there is no such file at that path under the workbook's folder (the submission folder). Paths are relative to that folder; several files are separated by semicolons or line breaks."],
        ["把文件放到该路径下，或改正“佐证材料”列中的文件名。", "Put the file at that path, or correct the name in the evidence column."];

        EvidenceEmpty = "evidence-empty", Warning,
        ["佐证文件为空", "Empty evidence file"],
        ["“佐证材料”列指向的文件长度为 0 字节，不能证明任何内容。多半是复制或下载没有完成。",
         "A file named in the evidence column has no bytes, so it proves nothing. Usually a copy or download that did not finish."],
        ["放入完整的文件。", "Put the whole file there."];

        EvidenceUnreadable = "evidence-unreadable", Warning,
        ["无法读取佐证文件", "Evidence file cannot be read"],
        ["“佐证材料”列指向的路径是文件夹、设备或管道，或操作系统拒绝读取（权限不足、磁盘错误）。citystar 只读取普通文件。",
         "The path named in the evidence column is a folder, a device or a pipe, or the system refused to read it (permissions, a disk error). citystar reads only regular files."],
        ["检查该路径和文件权限。", "Check the path and the file's permissions."];

        EvidenceWrongType = "evidence-wrong-type", Warning,
        ["佐证文件类型与扩展名不符", "Evidence content does not match its extension"],
        ["按文件开头的字节判断，佐证文件的实际格式与扩展名不符，例如名为 .pdf 的文件其实是 PNG 图片或文本，名为 .docx 的文件不是 Office 文档。可能放错了文件，或文件已损坏。可识别的格式：PDF、JPEG、PNG、GIF、TIFF、BMP、WebP、Office Open XML（docx、xlsx、pptx）、OLE（doc、xls、ppt、wps）、OpenDocument（odt、ods、odp）、OFD、zip、rar、7z、文本。",
         "Judged by its first bytes, the file's real format is not what its extension says: a .pdf that is really a PNG image or text, a .docx that is no Office document. The wrong file may have been put there, or it is damaged. Formats recognised: PDF, JPEG, PNG, GIF, TIFF, BMP, WebP, Office Open XML (docx, xlsx, pptx), OLE (doc, xls, ppt, wps), OpenDocument (odt, ods, odp), OFD, zip, rar, 7z, text."],
        ["确认文件是否放对；是同一份材料时按实际格式改正扩展名。", "Check that it is the right file; if it is, give it the extension of its real format."];

        EvidenceDuplicate = "evidence-duplicate", Info,
        ["同一份佐证材料用于多项指标", "One evidence file for several indicators"],
        ["两项不同指标的佐证文件内容完全相同（SHA-256 相同，文件名可以不同）。一份材料可能确实证明两项指标，也可能是复制时放错了。",
         "Two different indicators name evidence files with identical content (the same SHA-256, whatever their names). One document may support both, or a copy went to the wrong place."],
        ["确认这份材料能证明两项指标；否则为每项指标放入各自的材料。", "Check that the document supports both indicators; otherwise attach each its own."];

        EvidenceOutside = "evidence-outside", Warning,
        ["佐证路径指向提交文件夹之外", "Evidence path leads out of the submission folder"],
        ["佐证路径是绝对路径（/… 或 C:\\…）、含有“..”，或是指向填报表所在文件夹之外的符号链接。citystar 拒绝读取这样的路径，不会跟随它去读其他文件。",
         "The evidence path is absolute (/… or C:\\…), contains `..`, or is a symbolic link leading out of the workbook's folder. citystar refuses such a path and never follows it to read another file."],
        ["把佐证文件本身放进填报表所在的文件夹，写相对路径，如 佐证/合同.pdf。", "Put the evidence file itself in the workbook's folder and give its relative path, e.g. 佐证/合同.pdf."];

        UnknownLevel = "unknown-level", Error,
        ["无法识别的级别", "Level not recognised"],
        ["“基本信息”中的级别不是 DB37/T 3890 评定的级别（市级、县级、智慧社区），例如“省级”。工作簿仍按市级标准（或 --standard 指定的标准）检查，但评定结果不能当真。",
         "The level in 基本信息 is not one DB37/T 3890 rates (市级 city, 县级 county, 智慧社区 community), for example 省级 (province). The workbook is still checked against the city standard (or the --standard given), but its rating cannot be relied on."],
        ["在级别一栏填写 市级、县级 或 智慧社区。", "Write 市级, 县级 or 智慧社区 in the level cell."];

        ImplausibleValue = "implausible-value", Error,
        ["数值不合常理", "Implausible value"],
        ["数值的数量级不可能是实际值：任何指标输入超过 10¹²，或常住人口超过 1 亿人。通常是多打了零、单位弄错或粘贴了错误的单元格。该值不参与评价。",
         "The value's magnitude cannot be real: an indicator input over 10¹², or a resident population over 100 million. Usually extra zeros, a wrong unit or a wrong cell pasted. The value is not used."],
        ["核对数值与单位后重新填写。", "Check the number and its unit and enter it again."];

        BadCell = "bad-cell", Warning,
        ["单元格内容与类型不符", "Cell content contradicts its type"],
        ["单元格在文件中被标为数值（或布尔值、错误值），保存的内容却不是，例如标为数值的单元格中保存着“abc”。这通常是生成文件的程序出错。该单元格按文字读取（文字不是数值时另有诊断），其余单元格照常读取。",
         "The file marks the cell as a number (or a boolean or an error) but stores something else in it, for example `abc` in a number cell. Usually the program that wrote the file made a mistake. The cell is read as text (with its own finding when the text is not a number), and the rest of the sheet is read as usual."],
        ["在 Excel 或 WPS 中重新输入该单元格并保存。", "Type the cell again in Excel or WPS and save."];

        HiddenRow = "hidden-row", Warning,
        ["隐藏的行中有数据", "Data on a hidden row"],
        ["“指标填报”或“基本信息”中有隐藏的行，其中的数据已读取。审核人打印或查看时看不到这些行。",
         "A hidden row of 指标填报 or 基本信息 holds data, which was read. Reviewers do not see hidden rows on screen or on paper."],
        ["取消隐藏并核对这些行。", "Unhide the rows and check them."];

        DuplicateSheet = "duplicate-sheet", Error,
        ["重复的工作表", "Duplicate sheet"],
        ["有两张工作表的名称都像“基本信息”或都像“指标填报”（例如“指标填报”和“Indicator data”）。只读取第一张，另一张被忽略，可能读错了数据。",
         "Two sheets are both named like 基本信息, or both like 指标填报 (for example 指标填报 and Indicator data). Only the first is read; the other is ignored, and the wrong one may have been read."],
        ["删除或改名多余的工作表，只保留一张。", "Delete or rename the extra sheet so that only one remains."];

        DuplicateColumn = "duplicate-column", Error,
        ["重复的列", "Duplicate column"],
        ["“指标填报”的表头中同一列（例如“填报值”）出现两次。只读取第一列，另一列被忽略。",
         "The header of 指标填报 names the same column (for example 填报值 / Value) twice. Only the first is read; the other is ignored."],
        ["删除多余的一列，或给它另起一个表头。", "Delete the extra column, or give it another header."];

        CodeWithSpaces = "code-with-spaces", Warning,
        ["代码中有空格", "Spaces in a code"],
        ["指标代码中有多余的空格（例如“A-01 .N”），去掉空格后是标准中的代码，已按该代码读取。",
         "An indicator code has stray spaces (for example `A-01 .N`); without them it is a code of the standard, and was read as that code."],
        ["删除代码中的空格。", "Remove the spaces from the code."];

        TextTooLong = "text-too-long", Warning,
        ["文字过长", "Text too long"],
        ["“基本信息”中的名称、上级、填报单位或联系人超过 200 个字符，只保留前 200 个。",
         "A name, parent, filing unit or contact in 基本信息 is over 200 characters; the first 200 were kept."],
        ["填写简短的名称。", "Enter a short name."];

        PopulationInWan = "population-in-wan", Error,
        ["人口像是以“万人”填写", "Population given in ten thousands"],
        ["以“人”计的人口（“基本信息”的常住人口，或“常住人口”等填报项）小得不像该级别的人口，而乘以 10000 后正合适（或接近“基本信息”中的常住人口），多半是按“万人”填写的。例如市级填 523.4 而不是 5234000。该值不参与评价。",
         "A population in persons (基本信息's resident population, or an item such as 常住人口) is too small for an entity of the level while ten thousand times it fits (or is near 基本信息's resident population): most likely it was given in 万人 (ten thousands), e.g. 523.4 for a city instead of 5234000. The value is not used."],
        ["按“人”填写：把万人数乘以 10000，如 523.4 万人填 5234000。", "Enter persons: multiply the 万人 figure by 10,000, e.g. 523.4 万人 is 5234000."];

        FractionalCount = "fractional-count", Error,
        ["个数不是整数", "Fractional count"],
        ["以项、个、户、人、人次等计的个数填了小数，例如 0.45 户。多半是填了比例、以万为单位的数，或输入有误。该值不参与评价。",
         "A count of items, households, persons, visits and the like holds a fraction, e.g. 0.45 households: most likely a share, a figure in ten thousands, or a typing error. The value is not used."],
        ["填写整数个数；比例或以万计的数先换算成个数。", "Enter a whole count; convert a share or a figure in ten thousands to a count first."];

        #[serde(rename = "share-over-100")]
        ShareOver100 = "share-over-100", Error,
        ["比例超过 100%", "Share over 100%"],
        ["百分比项（或百分比分项）的值超过 100%，例如输入了 8500% 或在百分比单元格中输入了 185。比例不可能超过 100%。该值不参与评价。",
         "A percent item (or a percent part of an all-of indicator) is above 100%, e.g. 8500% typed, or 185 in a percent cell. A share cannot exceed 100%. The value is not used."],
        ["输入带百分号的比例，如 85%；由分子、分母算得的，核对二者。", "Type the share with its percent sign, e.g. 85%; if it comes from a numerator and denominator, check both."];

        ImplausibleMagnitude = "implausible-magnitude", Warning,
        ["数量级与单位不符", "Order of magnitude does not fit the unit"],
        ["按“基本信息”中的常住人口，该值的数量级不合理：以万人、万户或人、户计的数超过常住人口的 10 倍，以人次或万人次计的超过每人 10000 次，或按人口计算的计数超过每人 10 个；以亿元计的金额超过 200000 亿元（全省生产总值的两倍）。多半是把人次填进了“万人次”单元格，或多打了零。该值仍参与评价，请核对。",
         "Given 基本信息's resident population the value's order of magnitude is implausible: persons or households (or 万 of them) more than ten times the residents, visits (人次 or 万人次) more than 10,000 per resident, or a per-resident count over ten per resident; an amount in 亿元 over 200,000 亿元 (twice the province's GDP), most likely typed in 万元 or yuan. Most likely a plain count typed in a 万人次 cell, or extra zeros. The value is still used; check it."],
        ["核对数值与单位：以“万”计的单元格填的是除以 10000 后的数。", "Check the number and its unit: a cell in 万 (ten thousands) holds the figure divided by 10,000."];
    }

    /// Findings about a review workbook (`assess --review`), addressed to
    /// its 核查 sheet; re-levelled like the reader's codes.
    Review REVIEW_CODES {
        ReviewNotAReview = "review-not-a-review", Error,
        ["不是核查工作簿", "Not a review workbook"],
        ["给出的核查文件无法读取，或其中没有 `citystar review init` 写出的“核查”工作表及其表头。该核查未被采用，主体只按自评值评定。",
         "The review file cannot be read, or it lacks the 核查 sheet and header that `citystar review init` writes. The review is not used; the entity is rated on its reported values only."],
        ["用 `citystar review init` 重新生成核查工作簿。", "Make the review workbook again with `citystar review init`."];

        ReviewWrongSubmission = "review-wrong-submission", Error,
        ["核查工作簿属于另一份填报表", "The review is of another submission"],
        ["核查工作簿表头记录的填报表 SHA-256（或名称、行政区划代码）与正在评估的填报表不符：填报表在生成核查工作簿之后被修改过，或核查的是另一个主体。该核查未被采用，主体只按自评值评定。",
         "The submission SHA-256 (or name, or 行政区划代码) in the review's header does not match the workbook being assessed: the submission changed after the review was made, or the review is of another entity. The review is not used; the entity is rated on its reported values only."],
        ["对当前的填报表重新运行 `citystar review init`，把核查意见转录过去；或核对文件是否配对。", "Run `citystar review init` on the current submission and carry the findings over; or check that the files belong together."];

        ReviewWrongStandard = "review-wrong-standard", Error,
        ["核查工作簿所用标准不同", "The review is against another standard"],
        ["核查工作簿表头记录的标准与本次评估所用的标准不同。核定值只对生成核查时的标准有意义，该核查未被采用。",
         "The standard in the review's header is not the standard of this assessment. Verified values are meaningful only against the standard the review was made for; the review is not used."],
        ["用同一标准评估（--standard），或按本标准重新生成核查工作簿。", "Assess with the same standard (--standard), or make the review again against this one."];

        ReviewUnknownCode = "review-unknown-code", Warning,
        ["核查中有未知代码", "Unknown code in the review"],
        ["核查工作簿中某行的代码不是本标准的填报项代码，该行被忽略。", "A row of the review carries a code that is no input item of the standard; the row is ignored."],
        ["删除该行，或改回生成时的代码。", "Delete the row, or restore the code it was made with."];

        ReviewBadDecision = "review-bad-decision", Warning,
        ["“佐证采信”不是“是/否”", "Evidence decision is not yes/no"],
        ["“佐证采信”一栏只能填“是”或“否”（或留空，视为采信）。无法识别的内容按留空处理。", "The evidence-accepted cell takes 是 (yes) or 否 (no), or blank (accepted). Anything else is treated as blank."],
        ["从下拉列表中选择“是”或“否”。", "Pick 是 or 否 from the drop-down list."];

        ReviewNoFinding = "review-no-finding", Warning,
        ["改动没有核查意见", "A change without a finding"],
        ["填写了与填报值不同的核定值，或不采信佐证材料，却没有写“核查意见”。改动仍然生效，但报告中缺少理由。", "A verified value differs from the reported one, or the evidence is not accepted, but the finding (核查意见) is blank. The change still applies, but the report gives no reason."],
        ["在“核查意见”列写明理由。", "Write the reason in the finding column."];
    }

    /// Why a file could not be read at all: codes of a run's unreadable
    /// files (exit 2); they cannot be re-levelled.
    ReadFailure READ_FAILURES {
        FileNotFound = "file-not-found", Error, ["找不到文件", "File not found"],
        ["命令行给出的文件或文件夹不存在。", "A file or folder named on the command line does not exist."],
        ["核对路径。", "Check the path."];

        NoWorkbooks = "no-workbooks", Error, ["文件夹中没有工作簿", "No workbooks in the folder"],
        ["给出的文件夹（含子文件夹）中没有 xlsx、xlsm、xlsb、xls 或 ods 文件。", "The folder given (and its subfolders) holds no xlsx, xlsm, xlsb, xls or ods file."],
        ["核对文件夹，或直接给出文件。", "Check the folder, or name the files."];

        NotARegularFile = "not-a-regular-file", Error, ["不是普通文件", "Not a regular file"],
        ["给出的路径是设备、命名管道、套接字或文件夹。citystar 只读取普通文件，不会等待管道或读取设备。", "The path is a device, a named pipe, a socket or a folder. citystar reads only regular files; it never waits on a pipe or reads a device."],
        ["给出工作簿文件的路径。", "Name the workbook file."];

        CannotReadFile = "cannot-read-file", Error, ["无法读取文件", "Cannot read the file"],
        ["操作系统拒绝读取该文件或文件夹（权限不足或磁盘错误）。", "The system refused to read the file or folder (permissions, or a disk error)."],
        ["检查文件权限。", "Check the file's permissions."];

        EmptyFile = "empty-file", Error, ["空文件", "Empty file"],
        ["文件长度为 0。", "The file has no bytes."],
        ["重新保存或重新下载该工作簿。", "Save or download the workbook again."];

        FileTooLarge = "file-too-large", Error, ["文件过大", "File too large"],
        ["文件超过 50 MB。填报表通常只有几十 KB；这么大的文件多半夹带了图片或数据。", "The file is over 50 MB. A submission is usually tens of kilobytes; a file this large carries pictures or data it should not."],
        ["删除图片和多余的工作表后另存。", "Remove pictures and extra sheets and save again."];

        NotAWorkbook = "not-a-workbook", Error, ["不是工作簿", "Not a workbook"],
        ["文件既不是 Office 工作簿（xlsx、xlsm、xlsb、xls），也不是 OpenDocument 表格（ods），或是一个不含工作簿的 zip 压缩包。", "The file is neither an Office workbook (xlsx, xlsm, xlsb, xls) nor an OpenDocument spreadsheet (ods), or it is a zip file holding no workbook."],
        ["用 Excel、WPS 或 LibreOffice 打开后另存为 xlsx。", "Open it in Excel, WPS or LibreOffice and save it as xlsx."];

        PasswordProtected = "password-protected", Error, ["工作簿已加密", "Password-protected workbook"],
        ["工作簿设有打开密码（已加密），无法读取其内容。", "The workbook has an opening password (it is encrypted), so its content cannot be read."],
        ["另存一份不设密码的副本。", "Save a copy without a password."];

        ZipBomb = "zip-bomb", Error, ["压缩内容过大", "Inflates too far"],
        ["工作簿是 zip 包，其中某个部件解压后超过 200 MB、全部部件超过 400 MB，或部件超过 10,000 个。真实的填报表远小于此；这样的文件会耗尽内存。", "The workbook is a zip package and one part inflates beyond 200 MB, all parts beyond 400 MB, or it has more than 10,000 parts. Real submissions are far smaller; such a file would exhaust memory."],
        ["用 Excel 或 WPS 打开后另存；如果打不开，请向报送单位索取原件。", "Open and save it again in Excel or WPS; if it does not open, ask the sender for the original."];

        DamagedWorkbook = "damaged-workbook", Error, ["工作簿已损坏", "Damaged workbook"],
        ["文件无法按其格式读取：被截断、损坏，或其中声明的数量与实际大小不符（例如共享字符串表声明了 40 亿项却只有几 KB）。加 --verbose 可看到底层读取库的原始说明。", "The file cannot be read as its format: it is truncated, damaged, or declares counts its size cannot hold (for example a shared-string table declaring four billion entries in a few kilobytes). --verbose shows the underlying library's own words."],
        ["在 Excel 或 WPS 中打开并另存；打不开时向报送单位索取原件。", "Open and save it again in Excel or WPS; if it does not open, ask the sender for the original."];

        SheetTooLarge = "sheet-too-large", Error, ["工作表过大", "Sheet too large"],
        ["需要读取的工作表超过 20,000 行或 200 列。", "A sheet the reader needs spans more than 20,000 rows or 200 columns."],
        ["删除多余的行和列后另存。", "Delete the extra rows and columns and save again."];

        TooMuchText = "too-much-text", Error, ["文字过多", "Too much text"],
        ["需要读取的工作表中的文字合计超过 16 MB（例如同一段超长文字被复制到上千个单元格）。填报表只有几 KB 文字。", "The sheets the reader needs hold more than 16 MB of text in all (for example one very long text copied into thousands of cells). A submission holds a few kilobytes."],
        ["删除多余的文字后另存。", "Remove the extra text and save again."];

        ReaderOutOfMemory = "reader-out-of-memory", Error, ["读取时内存超限", "Reading exhausted its memory"],
        ["每个文件都在单独的读取进程中读取，内存上限 1 GB（CITYSTAR_READER_MEMORY_MB 可调）。这个文件超出了上限，读取被停止，其余文件不受影响。真实的填报表只需几 MB。", "Each file is read in a separate reader process limited to 1 GB of memory (CITYSTAR_READER_MEMORY_MB changes it). This file went beyond it and was stopped; the other files are not affected. A real submission needs a few megabytes."],
        ["在 Excel 或 WPS 中打开并另存；打不开时向报送单位索取原件。", "Open and save it again in Excel or WPS; if it does not open, ask the sender for the original."];

        ReaderTimedOut = "reader-timed-out", Error, ["读取超时", "Reading took too long"],
        ["读取一个文件超过 30 秒（CITYSTAR_READER_SECONDS 可调），读取被停止，其余文件不受影响。真实的填报表不到一秒即可读完。", "Reading one file took more than 30 seconds (CITYSTAR_READER_SECONDS changes it) and was stopped; the other files are not affected. A real submission is read in well under a second."],
        ["在 Excel 或 WPS 中打开并另存。", "Open and save it again in Excel or WPS."];

        ReaderCrashed = "reader-crashed", Error, ["读取进程意外停止", "The reader stopped"],
        ["读取进程没有给出结果就停止了。其余文件不受影响。", "The reader process stopped without an answer. The other files are not affected."],
        ["在 Excel 或 WPS 中打开并另存；若反复出现，请报告此问题。", "Open and save it again in Excel or WPS; if it recurs, report it."];

        CitystarReport = "citystar-report", Error, ["citystar 写出的报告", "A report citystar wrote"],
        ["文件带有 citystar 报告的标记（文档属性 citystar-report），是评估报告而不是填报表，因此被跳过，不计为无法读取。", "The file carries citystar's report mark (the document property citystar-report): it is an assessment report, not a submission, so it is skipped and not counted as unreadable."],
        ["无需处理；报告最好放在填报表文件夹之外。", "Nothing to do; keep reports outside the folders of submissions."];
    }
}

impl Code {
    pub fn severity(self) -> Severity {
        self.entry().severity
    }

    /// Whether `--deny/--warn/--allow` may name it (read failures may not).
    pub fn relevelable(self) -> bool {
        self.group() != Group::ReadFailure
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The catalogue entry of a diagnostic code (a reader's or a review's).
pub fn entry(code: &str) -> Option<&'static Entry> {
    code.parse::<Code>()
        .ok()
        .filter(|c| c.relevelable())
        .map(Code::entry)
}

/// The entry of a diagnostic or a read-failure code, for `explain`.
pub fn any_entry(code: &str) -> Option<&'static Entry> {
    code.parse::<Code>().ok().map(Code::entry)
}

/// Severity re-levelling from `--deny`, `--warn`, `--allow` (`--deny warnings`
/// turns every warning into an error). A code named explicitly beats
/// `warnings`; a code named in several lists resolves allow, then deny, then warn,
/// whatever the order on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    pub deny: Vec<Code>,
    pub warn: Vec<Code>,
    pub allow: Vec<Code>,
    pub deny_warnings: bool,
}

/// A code that names nothing in its catalogue, or one that cannot be used
/// where it was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.text().words(crate::Lang::En))]
pub struct UnknownCode {
    pub code: String,
    /// What the code is, when it is a code of another kind.
    pub known_as: Option<KnownAs>,
}

/// Why a known code cannot be re-levelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownAs {
    ReadFailure,
    Lint,
}

impl UnknownCode {
    pub fn new(code: &str) -> Self {
        UnknownCode {
            code: code.to_string(),
            known_as: None,
        }
    }

    /// What to tell the user, in every language.
    pub fn text(&self) -> Message {
        use crate::catalogue::cli as m;
        use crate::catalogue::said::say;
        let c = &self.code;
        match self.known_as {
            None => say!(m::UNKNOWN_CODE, c),
            Some(KnownAs::ReadFailure) => say!(m::READ_FAILURE_CODE, c),
            Some(KnownAs::Lint) => say!(m::LINT_CODE, c),
        }
    }
}

impl Levels {
    /// Build from the command line's lists, checking every code.
    pub fn new(deny: &[String], warn: &[String], allow: &[String]) -> Result<Self, UnknownCode> {
        let mut levels = Levels::default();
        for (i, list) in [deny, warn, allow].into_iter().enumerate() {
            for name in list {
                if name == "warnings" && i == 0 {
                    levels.deny_warnings = true;
                    continue;
                }
                let code = match name.parse::<Code>() {
                    Ok(c) if c.relevelable() => c,
                    Ok(_) => {
                        return Err(UnknownCode {
                            known_as: Some(KnownAs::ReadFailure),
                            ..UnknownCode::new(name)
                        });
                    }
                    Err(mut e) => {
                        if name.parse::<LintCode>().is_ok() {
                            e.known_as = Some(KnownAs::Lint);
                        }
                        return Err(e);
                    }
                };
                [&mut levels.deny, &mut levels.warn, &mut levels.allow][i].push(code);
            }
        }
        Ok(levels)
    }

    /// The severity a code gets after re-levelling; `None` when allowed (dropped).
    pub fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        let has = |l: &[Code]| l.contains(&code);
        if has(&self.allow) {
            None
        } else if has(&self.deny) {
            Some(Severity::Error)
        } else if has(&self.warn) {
            Some(Severity::Warning)
        } else if self.deny_warnings && default == Severity::Warning {
            Some(Severity::Error)
        } else {
            Some(default)
        }
    }

    /// Re-level a list of diagnostics, dropping the allowed ones.
    pub fn apply(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.severity(d.code, d.severity)?;
                Some(d)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for e in CATALOGUE.iter().chain(REVIEW_CODES).chain(READ_FAILURES) {
            assert!(seen.insert(e.code), "duplicate code {}", e.code);
            well_formed(
                e.code,
                [
                    e.title_zh,
                    e.title_en,
                    e.explain_zh,
                    e.explain_en,
                    e.fix_zh,
                    e.fix_en,
                ],
            );
        }
    }

    /// A code in kebab-case with every text of its entry given.
    fn well_formed(code: &str, texts: [&str; 6]) {
        assert!(
            !code.is_empty()
                && !code.starts_with('-')
                && !code.ends_with('-')
                && !code.contains("--")
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "not kebab-case: {code}"
        );
        for t in texts {
            assert!(!t.trim().is_empty(), "{code} has an empty text");
        }
    }

    #[test]
    fn every_code_round_trips_and_serialises_as_its_name() {
        for &c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>(), Ok(c));
            assert_eq!(c.entry().code, c.as_str());
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        let lists = CATALOGUE.len() + REVIEW_CODES.len() + READ_FAILURES.len();
        assert_eq!(Code::ALL.len(), lists);
        for (list, group) in [
            (CATALOGUE, Group::Workbook),
            (REVIEW_CODES, Group::Review),
            (READ_FAILURES, Group::ReadFailure),
        ] {
            for e in list {
                assert_eq!(e.code.parse::<Code>().unwrap().group(), group);
            }
        }
    }

    #[test]
    fn lint_codes_are_kebab_case_and_share_only_two_names() {
        let mut seen = std::collections::HashSet::new();
        let mut shared = Vec::new();
        for &c in LintCode::ALL {
            let e = c.entry();
            assert!(seen.insert(e.code), "duplicate lint code {}", e.code);
            well_formed(
                e.code,
                [
                    e.title_zh,
                    e.title_en,
                    e.explain_zh,
                    e.explain_en,
                    e.fix_zh,
                    e.fix_en,
                ],
            );
            if e.code.parse::<Code>().is_ok() {
                shared.push(e.code);
            }
        }
        // docs/diagnostics.md explains the two; a third needs the same care.
        assert_eq!(shared, ["duplicate-code", "unit-mismatch"]);
        let e = Levels::new(&["toml-syntax".into()], &[], &[]).unwrap_err();
        assert_eq!(e.known_as, Some(KnownAs::Lint));
        let e = Levels::new(&[], &[], &["zip-bomb".into()]).unwrap_err();
        assert_eq!(e.known_as, Some(KnownAs::ReadFailure));
    }

    #[test]
    fn levels_relevel_and_drop() {
        let l = Levels::new(
            &["warnings".into(), "number-as-text".into()],
            &["duplicate-code".into()],
            &["missing-value".into()],
        )
        .unwrap();
        assert_eq!(
            l.severity(Code::MissingItem, Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            l.severity(Code::NumberAsText, Severity::Info),
            Some(Severity::Error)
        );
        assert_eq!(
            l.severity(Code::DuplicateCode, Severity::Error),
            Some(Severity::Warning)
        );
        assert_eq!(l.severity(Code::MissingValue, Severity::Warning), None);
        assert!(Levels::new(&["no-such-code".into()], &[], &[]).is_err());
        assert!(Levels::new(&[], &["warnings".into()], &[]).is_err());
    }
}
