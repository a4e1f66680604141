//! The help texts in Chinese: `citystar --help` and every subcommand's help
//! follow the output language (`--lang zh`, or a zh* locale). The English
//! texts are the doc comments on the argument definitions; their Chinese, the
//! help layout's words and the usage errors' sentences are the catalogue's
//! (`catalogue::help`); this module puts them into clap's command tree, and a
//! test checks that every argument and subcommand has its words in both.

use crate::Lang::Zh;
use crate::catalogue::help::{self as h, HELP_ZH};
use clap::Command;

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
                        .value_name(h::COMMAND_VALUE.get(Zh))
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
            ContextValue::Strings(v) => {
                Some(v.join(crate::catalogue::common::NAME_SEPARATOR.get(Zh)))
            }
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
        ErrorKind::UnknownArgument => h::UNKNOWN_ARGUMENT.fill(Zh, &[&arg]),
        ErrorKind::InvalidSubcommand => h::UNKNOWN_SUBCOMMAND.fill(
            Zh,
            &[&ctx(ContextKind::InvalidSubcommand).unwrap_or_default()],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            h::NEEDS_VALUE.fill(Zh, &[&arg])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            h::INVALID_VALUE.fill(Zh, &[&arg, &value])
        }
        ErrorKind::MissingRequiredArgument => h::MISSING_ARGUMENT.fill(Zh, &[&arg]),
        ErrorKind::MissingSubcommand => h::MISSING_SUBCOMMAND.get(Zh).to_string(),
        ErrorKind::ArgumentConflict => {
            h::CONFLICT.fill(Zh, &[&arg, &ctx(ContextKind::PriorArg).unwrap_or_default()])
        }
        ErrorKind::NoEquals => h::NO_EQUALS.fill(Zh, &[&arg]),
        ErrorKind::TooManyValues => h::TOO_MANY_VALUES.fill(Zh, &[&arg, &value]),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => h::WRONG_NUMBER.fill(
            Zh,
            &[
                &arg,
                &ctx(ContextKind::ExpectedNumValues)
                    .or_else(|| ctx(ContextKind::MinValues))
                    .unwrap_or_default(),
                &ctx(ContextKind::ActualNumValues).unwrap_or_default(),
            ],
        ),
        _ => h::BAD_ARGUMENTS.get(Zh).to_string(),
    };
    if let Some(valid) = ctx(ContextKind::ValidValue).or_else(|| ctx(ContextKind::ValidSubcommand))
    {
        h::POSSIBLE_VALUES.fill_into(Zh, &[&valid], &mut msg);
    }
    if let Some(s) = ctx(ContextKind::SuggestedArg)
        .or_else(|| ctx(ContextKind::SuggestedSubcommand))
        .or_else(|| ctx(ContextKind::SuggestedValue))
    {
        h::DID_YOU_MEAN.fill_into(Zh, &[&s], &mut msg);
    }
    let mut out = h::ERROR_LINE.fill(Zh, &[&msg]);
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        h::USAGE_LINE.fill_into(Zh, &[&usage], &mut out);
    }
    out.push_str(h::SEE_HELP.get(Zh));
    Some(out)
}

fn walk(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = lookup(path) {
        cmd = cmd
            .about(about)
            .long_about(clap::builder::Resettable::Reset);
    }
    cmd = cmd
        .help_template(h::TEMPLATE.get(Zh))
        .subcommand_help_heading(h::COMMANDS.get(Zh))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(h::SHOW_HELP.get(Zh))
                .help_heading(h::OPTIONS.get(Zh)),
        );
    if path == "citystar" {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(h::SHOW_VERSION.get(Zh))
                .help_heading(h::OPTIONS.get(Zh)),
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
                    h::ARGUMENTS.get(Zh)
                } else {
                    h::OPTIONS.get(Zh)
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
                    let list = values.join(crate::catalogue::common::NAME_SEPARATOR.get(Zh));
                    h::POSSIBLE_VALUES.fill_into(Zh, &[&list], &mut text);
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() && a.get_action().takes_values() {
                    let list = defaults.join(crate::catalogue::common::NAME_SEPARATOR.get(Zh));
                    h::DEFAULT_VALUE.fill_into(Zh, &[&list], &mut text);
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

    /// The English half of the help: the doc comment of every subcommand and
    /// argument (clap's generated `help` and `--help`/`--version` aside).
    #[test]
    fn every_argument_and_subcommand_has_english_help() {
        fn go(cmd: &Command, path: &str, out: &mut Vec<String>) {
            if cmd
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                out.push(path.to_string());
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if ["help", "version"].contains(&id) {
                    continue;
                }
                if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    out.push(key(path, Some(id)));
                }
            }
            for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let p = if path == "citystar" {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                go(s, &p, out);
            }
        }
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        go(&cmd, "citystar", &mut missing);
        assert!(
            missing.is_empty(),
            "no English help for:\n{}",
            missing.join("\n")
        );
    }
}
