//! `--format json`: the shape documented in docs/json.md.

use super::Renderer;
use crate::Lang;
use crate::assess::Assessment;
use crate::assess::batch::{Report, Summary};
use serde::Serialize;

/// Bumped when a field changes meaning or goes away (adding fields does not).
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

/// The top-level JSON document.
#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub version: u32,
    pub tool: Tool,
    pub lang: &'static str,
    pub entities: &'a [Assessment],
    pub summary: &'a Summary,
}

pub fn document(report: &Report, lang: Lang) -> Document<'_> {
    Document {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        lang: lang.pick("zh", "en"),
        entities: &report.entities,
        summary: &report.summary,
    }
}

pub struct Json;

/// `text` (pretty JSON) with every line after the first indented by `by` spaces,
/// so a value written on its own nests exactly as in the whole document.
fn nest(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.lines()
        .enumerate()
        .map(|(k, l)| {
            if k == 0 {
                l.to_string()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pretty<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The document is written in pieces (entities stream out as they are
/// assessed), byte for byte what `serde_json::to_string_pretty` gives for the
/// whole [`Document`] — a test holds it to that.
impl Renderer for Json {
    fn begin(&self, lang: Lang) -> String {
        let tool = Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        };
        format!(
            "{{\n  \"version\": {VERSION},\n  \"tool\": {},\n  \"lang\": \"{}\",\n  \"entities\": [",
            nest(&pretty(&tool), 2),
            lang.pick("zh", "en")
        )
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn entity(&self, a: &Assessment, _lang: Lang) -> String {
        format!("\n    {}", nest(&pretty(a), 4))
    }

    fn end(&self, summary: &Summary, _lang: Lang) -> String {
        format!(
            "{},\n  \"summary\": {}\n}}\n",
            if summary.assessed == 0 { "]" } else { "\n  ]" },
            nest(&pretty(summary), 2)
        )
    }
}
