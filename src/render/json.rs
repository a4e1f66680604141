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

/// serde_json's pretty layout (two spaces per level) started `depth` levels
/// deep, so a value written on its own nests exactly as in the whole document.
/// One pass straight into the output buffer: nothing is re-indented afterwards.
struct Nested {
    indent: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            indent: depth,
            has_value: false,
        }
    }

    fn pad<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut n = self.indent * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }
}

impl Nested {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.indent += 1;
        self.has_value = false;
        w.write_all(b)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.indent -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.pad(w)?;
        }
        w.write_all(b)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.pad(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `v` as pretty JSON nested `depth` levels deep, appended to `out`.
fn pretty_into<T: Serialize>(out: &mut Vec<u8>, v: &T, depth: usize) {
    let mark = out.len();
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Nested::at(depth));
    if let Err(e) = v.serialize(&mut ser) {
        out.truncate(mark);
        out.extend_from_slice(format!("{{\"error\": \"{e}\"}}").as_bytes());
    }
}

fn into_string(out: Vec<u8>) -> String {
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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
        let mut out = format!("{{\n  \"version\": {VERSION},\n  \"tool\": ").into_bytes();
        pretty_into(&mut out, &tool, 1);
        out.extend_from_slice(
            format!(
                ",\n  \"lang\": \"{}\",\n  \"entities\": [",
                lang.pick("zh", "en")
            )
            .as_bytes(),
        );
        into_string(out)
    }

    fn separator(&self) -> &'static str {
        ","
    }

    fn entity(&self, a: &Assessment, lang: Lang) -> String {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(b"\n    ");
        pretty_into(&mut out, &Localized(lang, a), 2);
        into_string(out)
    }

    fn end(&self, summary: &Summary, lang: Lang) -> String {
        let mut out = Vec::with_capacity(4096);
        out.extend_from_slice(if summary.assessed == 0 {
            b"]"
        } else {
            b"\n  ]"
        });
        out.extend_from_slice(b",\n  \"summary\": ");
        pretty_into(&mut out, &Localized(lang, summary), 1);
        out.extend_from_slice(b"\n}\n");
        into_string(out)
    }
}
