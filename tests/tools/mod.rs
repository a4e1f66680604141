//! External programs some tests need. `.ci/run` installs them and sets
//! `CITYSTAR_REQUIRE_SOFFICE=1`, so in CI a missing program fails the test;
//! elsewhere the test says loudly that it did not run.

use std::path::PathBuf;

/// LibreOffice's `soffice`, or `None` after a loud SKIPPED line.
pub fn soffice(test: &str) -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|n| {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(n))
                .find(|f| f.is_file())
        })
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CITYSTAR_REQUIRE_SOFFICE").is_none(),
            "{test}: LibreOffice (soffice) is required here but not installed"
        );
        eprintln!("SKIPPED {test}: LibreOffice (soffice) is not installed; this test did not run");
    }
    found
}

/// A program on `PATH` by any of `names`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    names.iter().find_map(|n| {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(n))
                .find(|f| f.is_file())
        })
    })
}

/// Debian's `chromium` (headless) with poppler's `pdftotext` and `pdfinfo`,
/// or `None` after a loud SKIPPED line. `.ci/run` installs them and sets
/// `CITYSTAR_REQUIRE_CHROMIUM=1`, so there a missing one fails the test.
pub fn chromium(test: &str) -> Option<PathBuf> {
    let found = on_path(&["chromium", "chromium-browser"]);
    let poppler = on_path(&["pdftotext"]).and(on_path(&["pdfinfo"]));
    let missing = match (&found, &poppler) {
        (None, _) => "Chromium (chromium)",
        (_, None) => "poppler-utils (pdftotext, pdfinfo)",
        _ => return found,
    };
    assert!(
        std::env::var_os("CITYSTAR_REQUIRE_CHROMIUM").is_none(),
        "{test}: {missing} is required here but not installed"
    );
    eprintln!("SKIPPED {test}: {missing} is not installed; this test did not run");
    None
}
