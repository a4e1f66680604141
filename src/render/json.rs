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

impl Renderer for Json {
    fn render(&self, report: &Report, lang: Lang) -> String {
        let mut s = serde_json::to_string_pretty(&document(report, lang))
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
