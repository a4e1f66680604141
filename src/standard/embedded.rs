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

/// Every embedded standard. They are linted by the test suite, so a failure
/// here is a build defect; it is still reported, never a panic.
pub fn all() -> Result<Vec<Standard>, super::LoadError> {
    FILES
        .iter()
        .map(|(name, text)| load_str(text, &format!("embedded:{name}")))
        .collect()
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
                code: "missing-key",
                line: 0,
                column: 0,
                message: format!("no embedded standard for level {}", level.key()),
            }],
        })
}
