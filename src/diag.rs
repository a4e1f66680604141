//! Diagnostics are data: a catalogue of stable kebab-case codes, each with a
//! default severity and a plain-words explanation in zh and en
//! (`citystar explain CODE`, docs/diagnostics.md).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
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
    /// Stable kebab-case code, e.g. `numerator-exceeds-denominator`.
    pub code: &'static str,
    pub severity: Severity,
    /// `Sheet!C7`, a sheet name, or empty for the whole file.
    pub location: String,
    /// The raw cell text, where there is a cell.
    pub raw: Option<String>,
    /// The indicator the finding concerns, where there is one.
    pub indicator: Option<String>,
    pub message: Text,
    pub hint: Text,
}
