//! `--format json`: the shape documented in docs/json.md.

use super::Renderer;
use crate::Lang;
use crate::assess::Assessment;
use crate::assess::batch::{Report, Summary};
use crate::locale::Localized;
use serde::Serialize;

/// Bumped when a field changes meaning or goes away (adding fields does not).
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

/// The top-level JSON document; its results serialise their words in `lang`.
#[derive(Debug)]
pub struct Document<'a> {
    pub version: u32,
    pub tool: Tool,
    pub lang: &'static str,
    pub entities: &'a [Assessment],
    pub summary: &'a Summary,
}

impl Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            version: u32,
            tool: &'a Tool,
            lang: &'static str,
            entities: &'a [Assessment],
            summary: &'a Summary,
        }
        let lang = if self.lang == "zh" {
            Lang::Zh
        } else {
            Lang::En
        };
        let view = View {
            version: self.version,
            tool: &self.tool,
            lang: self.lang,
            entities: self.entities,
            summary: self.summary,
        };
        Localized(lang, &view).serialize(s)
    }
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

/// `v` as pretty JSON nested `depth` levels deep, appended to `out`: the
/// layout serde_json's pretty printer gives it inside a whole document.
fn pretty_into<T: Serialize>(out: &mut String, v: &T, depth: usize) {
    let mark = out.len();
    if let Err(e) = v.serialize(&mut super::pretty::Pretty::new(&mut *out, depth)) {
        out.truncate(mark);
        out.push_str(&format!("{{\"error\": \"{e}\"}}"));
    }
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
        let mut out = format!("{{\n  \"version\": {VERSION},\n  \"tool\": ");
        pretty_into(&mut out, &tool, 1);
        out.push_str(&format!(
            ",\n  \"lang\": \"{}\",\n  \"entities\": [",
            lang.pick("zh", "en")
        ));
        out
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn entity(&self, a: &Assessment, lang: Lang) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("\n    ");
        pretty_into(&mut out, &Localized(lang, a), 2);
        out
    }

    fn end(&self, summary: &Summary, lang: Lang) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str(if summary.assessed == 0 { "]" } else { "\n  ]" });
        out.push_str(",\n  \"summary\": ");
        pretty_into(&mut out, &Localized(lang, summary), 1);
        out.push_str("\n}\n");
        out
    }

    fn end_into(
        &self,
        summary: &Summary,
        lang: Lang,
        write: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut out = String::with_capacity(80 * 1024);
        out.push_str(if summary.assessed == 0 { "]" } else { "\n  ]" });
        out.push_str(",\n  \"summary\": ");
        let mark = out.len();
        let sent = std::cell::Cell::new(0);
        let mut pass = |t: &str| {
            sent.set(sent.get() + t.len());
            write(t)
        };
        let mut pretty = super::pretty::Pretty::spilling(&mut out, 1, &mut pass);
        let made = Localized(lang, summary).serialize(&mut pretty);
        if let Some(e) = pretty.spill_error() {
            return Err(e);
        }
        drop(pretty);
        if let Err(e) = made {
            // As `end` says it (a summary JSON cannot hold), where nothing
            // has gone out yet.
            if sent.get() == 0 {
                out.truncate(mark);
            }
            out.push_str(&format!("{{\"error\": \"{e}\"}}"));
        }
        out.push_str("\n}\n");
        pass(&out)
    }
}
