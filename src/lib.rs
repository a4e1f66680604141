//! citystar rates smart cities, counties and communities against a graded
//! indicator standard (Shandong's DB37/T 3890 by default).
//!
//! The modules follow the pipeline of `docs/` and the design:
//! standard → submission → assessment → benchmarks and gaps → renderers.

pub mod assess;
pub mod benchmark;
pub mod catalogue;
pub mod cli;
pub mod diag;
pub mod folder;
pub mod fuzz;
pub mod locale;
pub mod render;
pub mod report;
pub mod rounds;
pub mod standard;
pub mod submission;
pub mod tomlread;
pub mod xlsx;

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// `--lang` if given, else `LC_ALL`, `LC_MESSAGES`, `LANG` (zh* gives Chinese), else English.
    pub fn detect(flag: Option<Lang>) -> Lang {
        if let Some(l) = flag {
            return l;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.to_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A path as text for people and reports, one text per path: as it is when
/// it is UTF-8 without a backslash; else each byte that is not part of valid
/// UTF-8 as `\xNN` and each backslash as `\\`, so that two names that differ
/// only there stay apart (a lossy `�` made them one, and one's report
/// replaced the other's; a name holding a literal `\xFF` stays apart too).
pub fn path_text(path: &std::path::Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    if let Ok(s) = std::str::from_utf8(bytes)
        && !s.contains('\\')
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

/// SHA-256 of bytes as lowercase hex: how reports identify inputs, standards and benchmarks.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

/// A number as a person writes it: at most four decimals, no trailing zeros,
/// never `-0` (used by the reader's messages and the benchmark texts alike).
pub fn format_number(x: f64) -> String {
    let s = format!("{:.4}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod path_text_tests {
    use super::path_text;
    use std::os::unix::ffi::OsStrExt;

    /// One text per path: plain names as they are, and none of the names
    /// that need escaping shown like another.
    #[test]
    fn every_path_has_its_own_text() {
        let p = |b: &[u8]| path_text(std::path::Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(p("市/示例.xlsx".as_bytes()), "市/示例.xlsx");
        assert_eq!(p(b"a\xFF.xlsx"), r"a\xFF.xlsx");
        assert_eq!(p(br"a\xFF.xlsx"), r"a\\xFF.xlsx");
        assert_eq!(p(br"a\b"), r"a\\b");
        let names: [&[u8]; 8] = [
            b"a\xFF",
            br"a\xFF",
            br"a\\xFF",
            b"a\\\xFF",
            b"a\xFE",
            b"a",
            br"a\",
            b"\xE5\xB8",
        ];
        let texts: std::collections::HashSet<String> = names.iter().map(|n| p(n)).collect();
        assert_eq!(texts.len(), names.len(), "{texts:?}");
    }
}
