//! The standards shipped inside the binary.

use super::{Level, Standard, load_str};

/// (file name, text) of each embedded standard.
pub const FILES: &[(&str, &str)] = &[
    (
        "db37-3890-city.toml",
        include_str!("../../standards/db37-3890-city.toml"),
    ),
    (
        "db37-3890-county.toml",
        include_str!("../../standards/db37-3890-county.toml"),
    ),
    (
        "db37-3890-community.toml",
        include_str!("../../standards/db37-3890-community.toml"),
    ),
];

/// An embedded standard, parsed, with the SHA-256 of its text.
#[derive(Debug, Clone)]
pub struct Embedded {
    pub standard: Standard,
    pub sha256: String,
}

/// Each embedded standard, parsed on first use and kept for the process: a
/// batch of city workbooks parses only the city standard.
static EACH: [std::sync::OnceLock<Result<Embedded, super::LoadError>>; FILES.len()] =
    [const { std::sync::OnceLock::new() }; FILES.len()];

/// The embedded standard `i` (in the order of [`FILES`]), parsed on first use
/// (they are linted by the test suite, so an error here is a build defect;
/// it is still reported, never a panic). `None` past the last.
pub fn one(i: usize) -> Option<Result<&'static Embedded, super::LoadError>> {
    let (name, text) = FILES.get(i)?;
    let parsed = EACH[i].get_or_init(|| {
        Ok(Embedded {
            standard: load_str(text, &format!("embedded:{name}"))?,
            sha256: crate::sha256_hex(text.as_bytes()),
        })
    });
    Some(parsed.as_ref().map_err(Clone::clone))
}

/// The embedded standards, all parsed (the first error, in the order of
/// [`FILES`], if any fails).
pub fn parsed() -> Result<&'static [Embedded], super::LoadError> {
    static PARSED: std::sync::OnceLock<Result<Vec<Embedded>, super::LoadError>> =
        std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            (0..FILES.len())
                .filter_map(one)
                .map(|e| e.cloned())
                .collect()
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// Every embedded standard.
pub fn all() -> Result<Vec<Standard>, super::LoadError> {
    Ok(parsed()?.iter().map(|e| e.standard.clone()).collect())
}

/// The embedded standard for a level (one per level; a test checks it).
pub fn for_level(level: Level) -> Result<Standard, super::LoadError> {
    all()?
        .into_iter()
        .find(|s| s.level() == level)
        .ok_or_else(|| super::LoadError {
            kind: crate::tomlread::FileKind::Standard,
            origin: "embedded standards".into(),
            problems: vec![super::Problem {
                code: crate::diag::LintCode::MissingKey,
                line: 0,
                column: 0,
                message: crate::tomlread::words::said!(
                    crate::tomlread::words::NO_EMBEDDED,
                    crate::tomlread::Arg::each(level.name_zh(), level.key())
                ),
            }],
        })
}
