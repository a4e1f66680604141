//! `--deny CODE|warnings`, `--warn CODE`, `--allow CODE`: re-levelling
//! diagnostics for the gate. (Kept here until the shared re-levelling in
//! `diag` lands; the semantics are the same.)

use crate::diag::Severity;

/// Which diagnostic codes are re-levelled, and whether warnings are denied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relevel {
    /// Codes raised to error.
    pub deny: Vec<String>,
    /// Codes set to warning.
    pub warn: Vec<String>,
    /// Codes lowered to info (never fail the gate).
    pub allow: Vec<String>,
    /// `--deny warnings`: every warning (after the per-code settings) becomes an error.
    pub deny_warnings: bool,
}

impl Relevel {
    /// Build from the command line's values; `warnings` in `deny` denies all warnings.
    pub fn new(deny: &[String], warn: &[String], allow: &[String]) -> Self {
        Relevel {
            deny: deny.iter().filter(|c| *c != "warnings").cloned().collect(),
            warn: warn.to_vec(),
            allow: allow.to_vec(),
            deny_warnings: deny.iter().any(|c| c == "warnings"),
        }
    }

    /// The severity a diagnostic has for this run. A code named more than once
    /// takes the strictest setting (deny over warn over allow).
    pub fn apply(&self, code: &str, severity: Severity) -> Severity {
        let named = |list: &[String]| list.iter().any(|c| c == code);
        let s = if named(&self.deny) {
            Severity::Error
        } else if named(&self.warn) {
            Severity::Warning
        } else if named(&self.allow) {
            Severity::Info
        } else {
            severity
        };
        if self.deny_warnings && s == Severity::Warning {
            Severity::Error
        } else {
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevels_by_code_and_denies_warnings() {
        let r = Relevel::new(
            &["warnings".into(), "a".into()],
            &["b".into()],
            &["c".into()],
        );
        assert_eq!(r.apply("a", Severity::Info), Severity::Error);
        assert_eq!(r.apply("b", Severity::Error), Severity::Error); // warn, then warnings denied
        assert_eq!(r.apply("c", Severity::Error), Severity::Info);
        assert_eq!(r.apply("d", Severity::Warning), Severity::Error);
        let plain = Relevel::default();
        assert_eq!(plain.apply("d", Severity::Warning), Severity::Warning);
    }
}
