//! The benchmark files shipped inside the binary.

use super::{BenchmarkFile, Catalog, LoadError, load_str};

/// (file name, text) of each embedded benchmark file, Zhejiang first.
pub const FILES: &[(&str, &str)] = &[
    (
        "zhejiang.toml",
        include_str!("../../standards/benchmarks/zhejiang.toml"),
    ),
    (
        "shanghai.toml",
        include_str!("../../standards/benchmarks/shanghai.toml"),
    ),
    (
        "beijing.toml",
        include_str!("../../standards/benchmarks/beijing.toml"),
    ),
    (
        "guangdong.toml",
        include_str!("../../standards/benchmarks/guangdong.toml"),
    ),
    (
        "jiangsu.toml",
        include_str!("../../standards/benchmarks/jiangsu.toml"),
    ),
    (
        "shandong.toml",
        include_str!("../../standards/benchmarks/shandong.toml"),
    ),
];

/// Every embedded benchmark file, checked against `catalog` when given. They
/// are checked by the test suite, so a failure here is a build defect; it is
/// still reported, never a panic.
pub fn all(catalog: Option<&Catalog>) -> Result<Vec<BenchmarkFile>, LoadError> {
    FILES
        .iter()
        .map(|(name, text)| load_str(text, &format!("embedded:{name}"), catalog))
        .collect()
}

/// The embedded benchmark named `name` (`zhejiang`), if there is one.
pub fn find(name: &str, catalog: Option<&Catalog>) -> Option<Result<BenchmarkFile, LoadError>> {
    let file = format!("{name}.toml");
    FILES
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(n, text)| load_str(text, &format!("embedded:{n}"), catalog))
}

/// Names of the embedded benchmarks.
pub fn names() -> Vec<&'static str> {
    FILES
        .iter()
        .map(|(n, _)| n.trim_end_matches(".toml"))
        .collect()
}
