//! The help texts (see [`super`]): the Chinese of every subcommand's and
//! argument's help, whose English is the doc comment on its definition in
//! `cli` (clap reads it), and the words of the help layout and of the usage
//! errors. `cli::help_zh` puts them into clap's command tree; its test checks
//! that every subcommand and argument has both languages.
//!
//! Another language: a table like [`HELP_ZH`] and its words in the entries
//! below.

/// (key, Chinese) where key is `path` for a subcommand's about text
/// (`assess`, `standards list`; the root is `citystar`) and `path:id` for an
/// argument's help.
pub const HELP_ZH: &[(&str, &str)] = &[
    ("citystar", "按 DB37/T 3890 为智慧城市、县和社区评定 1–5 星"),
    (
        "*:lang",
        "输出语言；默认取自 LC_ALL / LANG（zh* 为中文），否则为英文",
    ),
    (
        "*:ascii",
        "用 ASCII 字符画表格边框（适合日志和不能显示制表符的终端）",
    ),
    ("*:verbose", "读取出错时附上底层读取库的原始说明"),
    ("*:help", "显示帮助"),
    ("*:version", "显示版本"),
    ("*:format", "输出格式：table 表格、json、markdown"),
    ("*:force", "替换已存在的输出文件"),
    (
        "*:deny",
        "把某个诊断代码视为错误（`warnings`：所有警告）。可重复，可用逗号分隔",
    ),
    ("*:warn", "把某个诊断代码视为警告。可重复，可用逗号分隔"),
    ("*:allow", "不报告某个诊断代码。可重复，可用逗号分隔"),
    (
        "assess",
        "为填报表打分、评定 0–5 星、说明评级依据、给出升星方案；也是 CI 的门槛",
    ),
    (
        "assess:paths",
        "工作簿（xlsx、xlsm、xlsb、xls、ods）或文件夹（递归查找）",
    ),
    (
        "assess:standard",
        "内置标准的编号或标准文件；默认按“基本信息”中的级别选择",
    ),
    ("assess:min_stars", "有评估对象低于该星级时失败（退出码 1）"),
    ("assess:seed", "评级稳定性抽样的随机种子"),
    (
        "assess:draws",
        "评级稳定性抽样次数（0 表示不做；最多 100,000）",
    ),
    (
        "assess:benchmark",
        "对标：内置对标名称（`citystar benchmarks list`）、对标 TOML 文件、另一份填报表，或 `cohort`（本批的中位数和前四分之一）。可重复",
    ),
    ("assess:force", "替换不是 citystar 写出的已有报告文件"),
    (
        "assess:report",
        "把（单个）评估对象的报告写到该文件：文件名以 .html 或 .htm 结尾时为 HTML 报告，否则为 Excel 工作簿",
    ),
    (
        "assess:report_dir",
        "把每个评估对象的报告和汇总（summary.html、summary.xlsx）写到该文件夹",
    ),
    ("assess:report_format", "--report-dir 写出的格式"),
    ("check", "读取并检查工作簿：每个问题定位到单元格，不打分"),
    (
        "check:files",
        "工作簿（xlsx、xlsm、xlsb、xls、ods）或要在其中查找工作簿的文件夹",
    ),
    (
        "check:standard",
        "按该标准（内置编号或文件）检查，而不是按工作簿的级别选择",
    ),
    ("template", "写出某一级别的空白填报表"),
    (
        "serve",
        "在浏览器中自评：在本机开一个网页，下载空白填报表、评估填报表",
    ),
    ("serve:port", "监听端口（0：任选空闲端口；启动时打印地址）"),
    ("serve:no_open", "不自动用默认浏览器打开网页"),
    ("serve:bind", "监听地址；非本机地址须用启动时打印的令牌"),
    ("review", "核查：生成核查工作簿，逐项核定填报值和佐证材料"),
    (
        "review init",
        "写出一份填报表的核查工作簿（找到几份填报表就写几份）",
    ),
    (
        "review init:path",
        "填报表：一个工作簿，或存放工作簿及其佐证文件的文件夹",
    ),
    (
        "review init:output",
        "要写出的核查工作簿；提交文件夹中有多份填报表时为文件夹（每份一个 名称.review.xlsx）",
    ),
    (
        "review init:standard",
        "内置标准的编号或标准文件；默认按“基本信息”中的级别选择",
    ),
    ("review init:force", "替换已有的核查工作簿"),
    (
        "assess:review",
        "同时按该核查工作簿（`citystar review init`）的核定值评定，用于它所核查的填报表。可重复",
    ),
    (
        "assess:review_dir",
        "把该文件夹中的每份核查工作簿用于它所核查的填报表",
    ),
    (
        "template:level",
        "填报表的级别：city 市级、county 县级、community 智慧社区",
    ),
    (
        "template:standard",
        "内置标准的编号或标准文件（默认为该级别的内置标准）",
    ),
    (
        "template:output",
        "写到哪里（默认为当前文件夹中的 citystar-template-级别.xlsx）",
    ),
    ("template:force", "覆盖已存在的文件"),
    ("explain", "说明某个诊断代码或检查代码的含义和修正方法"),
    (
        "explain:code",
        "诊断代码或检查代码，例如 numerator-exceeds-denominator",
    ),
    ("explain:list", "列出所有代码及其默认级别和标题"),
    (
        "standards",
        "标准：列出、查看、检查、导出为 xlsx、从 xlsx 导入",
    ),
    ("standards list", "内置标准及其指标数和暂定条目数"),
    (
        "standards show",
        "一个标准的结构：维度、指标、权重、1★–5★ 要求、评级规则",
    ),
    (
        "standards show:standard",
        "内置编号（见 `standards list`）或标准文件的路径",
    ),
    (
        "standards lint",
        "检查标准文件；每个问题定位到行和列。无问题退出码 0，否则为 2",
    ),
    ("standards lint:files", "标准文件（TOML）"),
    (
        "standards export",
        "把标准的指标表写成工作簿，以便审阅和修改",
    ),
    ("standards export:standard", "内置编号或标准文件的路径"),
    ("standards export:output", "要写出的工作簿（.xlsx）"),
    (
        "standards import",
        "把导出（并修改过）的工作簿读回为标准文件",
    ),
    (
        "standards import:workbook",
        "由 `standards export` 写出的工作簿",
    ),
    ("standards import:output", "要写出的标准文件（.toml）"),
    ("benchmarks", "其他省份的对标数据：列出、查看"),
    (
        "benchmarks list",
        "内置对标：类型、年份、数据条数、参与比较的指标",
    ),
    (
        "benchmarks show",
        "一个对标的全部数据及其年份、单位、口径、来源和是否参与比较。文件有问题时退出码为 2",
    ),
    (
        "benchmarks show:benchmark",
        "内置对标名称（见 `benchmarks list`）或对标文件的路径",
    ),
    (
        "benchmarks show:standard",
        "按该标准（编号或路径）核对指标代码和单位",
    ),
    (
        "assess:baseline",
        "上一轮的填报表（文件或文件夹），以同样方式评估：每个评估对象与它自己的上一轮比较。可重复",
    ),
    (
        "assess:targets",
        "对照的政策目标：内置名称（`citystar targets list`）或目标 TOML 文件。可重复",
    ),
    (
        "targets",
        "按星级的政策目标（鲁政办字〔2020〕136号等）：列出、查看、检查",
    ),
    (
        "targets list",
        "内置目标文件：文号、发文机关、目标数、是否有出处",
    ),
    (
        "targets show",
        "一个目标文件的全部目标：年份、级别、星级、比例或数量、范围、出处",
    ),
    (
        "targets show:name",
        "内置名称（见 `targets list`）或目标文件的路径",
    ),
    (
        "targets lint",
        "检查目标文件；每个问题定位到行和列。无问题退出码 0，否则为 2",
    ),
    ("targets lint:files", "目标文件（TOML）"),
    ("help", "显示本帮助或指定子命令的帮助"),
    ("*:subcommand", "子命令"),
];

super::messages! {
    /// clap's help layout; `{usage}` and the others are clap's own placeholders.
    TEMPLATE: "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}",
        "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}";
    COMMANDS: "命令", "Commands";
    OPTIONS: "选项", "Options";
    ARGUMENTS: "参数", "Arguments";
    /// The value of `help SUBCOMMAND`.
    COMMAND_VALUE: "命令", "COMMAND";
    SHOW_HELP: "显示帮助", "Print help";
    SHOW_VERSION: "显示版本", "Print version";
    /// After an argument's help: its choices, its default.
    POSSIBLE_VALUES: "（可选：{0}）", " [possible values: {0}]";
    DEFAULT_VALUE: "（默认：{0}）", " [default: {0}]";

    // ── usage errors (English: clap's own words) ──
    UNKNOWN_ARGUMENT: "没有选项 {0}", "unexpected argument '{0}' found";
    UNKNOWN_SUBCOMMAND: "没有子命令 {0}", "unrecognized subcommand '{0}'";
    NEEDS_VALUE: "{0} 需要一个值", "a value is required for '{0}' but none was supplied";
    INVALID_VALUE: "{0} 的值“{1}”无效", "invalid value '{1}' for '{0}'";
    MISSING_ARGUMENT: "缺少必需的参数：{0}", "the following required arguments were not provided: {0}";
    MISSING_SUBCOMMAND: "缺少子命令", "a subcommand is required";
    CONFLICT: "{0} 不能与 {1} 同时使用", "the argument '{0}' cannot be used with '{1}'";
    NO_EQUALS: "{0} 的值须用 = 连写（{0}=值）", "equal sign is needed when assigning values to '{0}'";
    TOO_MANY_VALUES: "{0} 给了多余的值“{1}”", "unexpected value '{1}' for '{0}' found; no more were expected";
    WRONG_NUMBER: "{0} 需要 {1} 个值，给了 {2} 个", "{1} values required by '{0}'; only {2} were provided";
    BAD_ARGUMENTS: "命令行参数有误", "the command line is not valid";
    DID_YOU_MEAN: "；是不是 {0}？", "; did you mean '{0}'?";
    ERROR_LINE: "错误：{0}\n", "error: {0}\n";
    USAGE_LINE: "\n用法：{0}\n", "\nUsage: {0}\n";
    SEE_HELP: "\n详见 --help。\n", "\nFor more information, try '--help'.\n";
}
