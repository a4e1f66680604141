//! The help texts in Chinese: `citystar --help` and every subcommand's help
//! follow the output language (`--lang zh`, or a zh* locale). The English
//! texts are the doc comments on the argument definitions; this table holds
//! their Chinese, keyed by the subcommand path and the argument's id, and a
//! test checks that every argument and subcommand has one.

use clap::Command;

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

fn key(path: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{path}:{id}"),
        None => path.to_string(),
    }
}

fn lookup(k: &str) -> Option<&'static str> {
    let find = |k: &str| HELP_ZH.iter().find(|(x, _)| *x == k).map(|(_, v)| *v);
    find(k)
        // Arguments every command shares, and the generated `help` subcommands.
        .or_else(|| {
            k.split_once(':')
                .and_then(|(_, id)| find(&format!("*:{id}")))
        })
        .or_else(|| {
            (k == "help" || k.starts_with("help ") || k.ends_with(" help") || k.contains(" help "))
                .then(|| find("help"))
                .flatten()
        })
}

/// The help layout with its headings in Chinese.
const TEMPLATE_ZH: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command with its help in Chinese, where the table has it.
pub fn localize(cmd: Command) -> Command {
    let mut cmd = walk(cmd, "citystar");
    // The `help` subcommands clap generates exist only once the tree is built.
    cmd.build();
    generated_help(cmd)
}

/// The generated `help` subcommand of each command, said in Chinese.
fn generated_help(mut cmd: Command) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.as_str(), |s| {
            if s.get_name() != "help" {
                return generated_help(s);
            }
            let s = s.about(lookup("help").unwrap_or_default());
            if s.get_arguments().any(|a| a.get_id() == "subcommand") {
                s.mut_arg("subcommand", |a| {
                    a.help(lookup("*:subcommand").unwrap_or_default())
                        .value_name("命令")
                })
            } else {
                s
            }
        });
    }
    cmd
}

/// Help text rewrapped to `width`: clap breaks lines only at spaces, which
/// Chinese sentences have none of. A line too wide is broken between Chinese
/// characters (never inside a code or a word), its continuation lines aligned
/// under its help text (after the option's name and its two-space gap).
pub fn wrap_help(text: &str, width: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width);
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if line.width() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let col = line[lead..]
            .find("  ")
            .map(|k| {
                let after = &line[lead + k..];
                lead + k + (after.len() - after.trim_start().len())
            })
            .filter(|c| line[..*c].width() + 20 <= width)
            .unwrap_or(lead);
        let (head, body) = line.split_at(col);
        let indent = " ".repeat(head.width());
        let opts = textwrap::Options::new(width - head.width())
            .word_separator(textwrap::WordSeparator::Custom(crate::render::table::words))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for (k, l) in textwrap::wrap(body, &opts).iter().enumerate() {
            out.push_str(if k == 0 { head } else { &indent });
            out.push_str(l.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A usage error (an unknown option or subcommand, a missing or bad value)
/// in Chinese: what was wrong, what would do, the usage line and where to
/// read more. `None` for what is not an error (help, version).
pub fn usage_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| -> Option<String> {
        match e.get(k)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join("、")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::Number(n) => Some(n.to_string()),
            ContextValue::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => format!("没有选项 {arg}"),
        ErrorKind::InvalidSubcommand => format!(
            "没有子命令 {}",
            ctx(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            format!("{arg} 需要一个值")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("{arg} 的值“{value}”无效")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{arg} 不能与 {} 同时使用",
            ctx(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals => format!("{arg} 的值须用 = 连写（{arg}=值）"),
        ErrorKind::TooManyValues => format!("{arg} 给了多余的值“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "{arg} 需要 {} 个值，给了 {} 个",
            ctx(ContextKind::ExpectedNumValues)
                .or_else(|| ctx(ContextKind::MinValues))
                .unwrap_or_default(),
            ctx(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        _ => "命令行参数有误".to_string(),
    };
    if let Some(valid) = ctx(ContextKind::ValidValue).or_else(|| ctx(ContextKind::ValidSubcommand))
    {
        msg.push_str(&format!("（可选：{valid}）"));
    }
    if let Some(s) = ctx(ContextKind::SuggestedArg)
        .or_else(|| ctx(ContextKind::SuggestedSubcommand))
        .or_else(|| ctx(ContextKind::SuggestedValue))
    {
        msg.push_str(&format!("；是不是 {s}？"));
    }
    let mut out = format!("错误：{msg}\n");
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\n用法：{usage}\n"));
    }
    out.push_str("\n详见 --help。\n");
    Some(out)
}

fn walk(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = lookup(path) {
        cmd = cmd
            .about(about)
            .long_about(clap::builder::Resettable::Reset);
    }
    cmd = cmd
        .help_template(TEMPLATE_ZH)
        .subcommand_help_heading("命令")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        );
    if path == "citystar" {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        if let Some(h) = lookup(&key(path, Some(&id))) {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let heading = if a.is_positional() {
                    "参数"
                } else {
                    "选项"
                };
                // The choices and the default, said in Chinese instead of clap's brackets.
                let mut text = h.to_string();
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() && a.get_action().takes_values() {
                    text.push_str(&format!("（可选：{}）", values.join("、")));
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() && a.get_action().takes_values() {
                    text.push_str(&format!("（默认：{}）", defaults.join("、")));
                }
                let takes = a.get_action().takes_values();
                a.help(text)
                    .long_help(clap::builder::Resettable::Reset)
                    .help_heading(heading)
                    .hide_possible_values(takes)
                    .hide_default_value(takes)
            });
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path == "citystar" {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| walk(s, &sub_path));
    }
    cmd
}

/// Every key the command tree needs: its subcommands and arguments.
#[cfg(test)]
pub fn keys(cmd: &Command) -> Vec<String> {
    fn go(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for a in cmd.get_arguments() {
            out.push(key(path, Some(a.get_id().as_str())));
        }
        for s in cmd.get_subcommands() {
            let p = if path == "citystar" {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            go(s, &p, out);
        }
    }
    let mut out = Vec::new();
    go(cmd, "citystar", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_argument_and_subcommand_has_chinese_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let missing: Vec<String> = keys(&cmd)
            .into_iter()
            .filter(|k| lookup(k).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "no Chinese help for:\n{}",
            missing.join("\n")
        );
    }
}
