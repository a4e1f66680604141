//! A seeded mutation harness for the workbook reader, on stable Rust: what
//! the hostile-input test runs a bounded pass of, and what
//! `examples/fuzz_reader.rs` runs at length (docs/fuzzing.md).
//!
//! Mutants are made from real workbooks: half by changing the bytes of the
//! file (flips, cuts, inserted runs, boundary integers over a field, which is
//! how the record-based xls and the zip headers break), half, for zip
//! packages, by changing one part's inflated XML and packing it again (a
//! count or index made huge or negative, an element repeated, a span cut), which
//! is how a reader gets past the zip layer to the parsers behind it.

use crate::submission::Failure;
use crate::submission::open::Loaded;
use std::io::{Cursor, Read, Write};

/// The stability draws' SplitMix64, seeded: the same mutants on every platform.
#[derive(Debug, Clone)]
pub struct Rng(crate::assess::stability::SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(crate::assess::stability::SplitMix64::new(seed))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Values that break readers: zero, the edges of each width, and absurd counts.
const INTERESTING: [u64; 10] = [
    0,
    1,
    0x7F,
    0xFF,
    0xFFFF,
    0x7FFF_FFFF,
    0xFFFF_FFFF,
    0x1_0000_0000,
    u64::MAX,
    1_000_000_000,
];

/// Numbers written into attributes and text of XML parts.
const XML_NUMBERS: [&str; 9] = [
    "4294967295",
    "18446744073709551615",
    "-1",
    "1000000000",
    "0",
    "1e308",
    "NaN",
    "99999999999999999999999",
    "1048576",
];

fn byte_mutation(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.push(0);
        return;
    }
    match rng.below(6) {
        0 => {
            // Flip a few bits.
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        1 => {
            let at = rng.below(bytes.len());
            bytes.truncate(at);
        }
        2 => {
            // A boundary integer over 1, 2, 4 or 8 bytes, little-endian.
            let width = [1, 2, 4, 8][rng.below(4)];
            let v = INTERESTING[rng.below(INTERESTING.len())].to_le_bytes();
            let at = rng.below(bytes.len());
            for (k, b) in v.iter().take(width).enumerate() {
                if let Some(x) = bytes.get_mut(at + k) {
                    *x = *b;
                }
            }
        }
        3 => {
            // Repeat a slice.
            let a = rng.below(bytes.len());
            let n = (1 + rng.below(64)).min(bytes.len() - a);
            let piece = bytes[a..a + n].to_vec();
            let at = rng.below(bytes.len());
            for _ in 0..1 + rng.below(4) {
                bytes.splice(at..at, piece.iter().copied());
            }
        }
        4 => {
            let a = rng.below(bytes.len());
            let n = (1 + rng.below(256)).min(bytes.len() - a);
            bytes.drain(a..a + n);
        }
        _ => {
            let a = rng.below(bytes.len());
            let n = (1 + rng.below(32)).min(bytes.len() - a);
            for b in &mut bytes[a..a + n] {
                *b = rng.next_u64() as u8;
            }
        }
    }
}

fn xml_mutation(rng: &mut Rng, xml: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(xml).into_owned();
    // Positions of quoted attribute values and of numbers in text.
    let quotes: Vec<usize> = text.match_indices("=\"").map(|(i, _)| i + 2).collect();
    match rng.below(4) {
        0 | 1 if !quotes.is_empty() => {
            let at = quotes[rng.below(quotes.len())];
            let end = text[at..].find('"').map_or(at, |e| at + e);
            let v = XML_NUMBERS[rng.below(XML_NUMBERS.len())];
            *xml = format!("{}{}{}", &text[..at], v, &text[end..]).into_bytes();
        }
        2 => {
            // Repeat an element-sized span many times.
            let starts: Vec<usize> = text.match_indices('<').map(|(i, _)| i).collect();
            if starts.len() > 2 {
                let k = rng.below(starts.len() - 1);
                let (a, b) = (
                    starts[k],
                    starts[k + 1 + rng.below((starts.len() - k - 1).min(4))],
                );
                let piece = &text[a..b];
                let times = [2, 10, 1000][rng.below(3)];
                *xml = format!("{}{}{}", &text[..a], piece.repeat(times), &text[a..]).into_bytes();
            }
        }
        _ => byte_mutation(rng, xml),
    }
}

/// The parts of a zip package, or `None` when the bytes are not one.
fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut parts = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let mut body = Vec::new();
        (&mut f).take(64 << 20).read_to_end(&mut body).ok()?;
        let name = f.name().ok()?.into_owned();
        parts.push((name, body));
    }
    Some(parts)
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        if w.start_file(name.as_str(), opts).is_err() || w.write_all(body).is_err() {
            break;
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// One mutant of `seed`.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    if rng.below(2) == 0
        && let Some(mut parts) = unzip(seed)
        && !parts.is_empty()
    {
        // Prefer the parts the reader parses: sheets, shared strings, workbook, content.
        let wanted: Vec<usize> = (0..parts.len())
            .filter(|&i| {
                let n = &parts[i].0;
                n.ends_with(".xml") || n.ends_with(".rels") || n.ends_with(".bin")
            })
            .collect();
        let i = if wanted.is_empty() {
            rng.below(parts.len())
        } else {
            wanted[rng.below(wanted.len())]
        };
        for _ in 0..1 + rng.below(3) {
            xml_mutation(rng, &mut parts[i].1);
        }
        return rezip(&parts);
    }
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(3) {
        byte_mutation(rng, &mut bytes);
    }
    bytes
}

/// What happened to the mutants of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcomes {
    pub mutants: usize,
    /// Read, then checked and assessed without a panic.
    pub read: usize,
    /// Refused with one of citystar's read failures: code → count.
    pub refused: std::collections::BTreeMap<&'static str, usize>,
    /// What must never happen: a panic in citystar's own code after reading, a
    /// reader that ended without an answer for a reason other than its limits.
    pub defects: Vec<String>,
    /// The slowest mutants: (seconds, label), slowest first, at most five.
    pub slowest: Vec<(f64, String)>,
}

impl Outcomes {
    /// Record the result of reading one mutant; `then` checks and assesses
    /// what was read (and returns an error text when that panicked).
    pub fn record(
        &mut self,
        label: &str,
        result: Result<Loaded, Failure>,
        then: impl FnOnce(&Loaded) -> Option<String>,
    ) {
        self.mutants += 1;
        match result {
            Ok(loaded) => match then(&loaded) {
                None => self.read += 1,
                Some(e) => self.defects.push(format!("{label}: {e}")),
            },
            Err(Failure::ReaderCrashed { detail }) => self
                .defects
                .push(format!("{label}: reader crashed: {detail}")),
            Err(f) => *self.refused.entry(f.code().as_str()).or_default() += 1,
        }
    }
}

/// Read `mutants` mutants of the seed files through `loader`, and check and
/// assess each one read against the standard its level picks (quietly: a
/// panic is caught, recorded as a defect, and printed by nobody).
pub fn run(
    seeds: &[(String, Vec<u8>)],
    mutants: usize,
    seed: u64,
    loader: &crate::submission::Loader,
    standards: &[crate::standard::Standard],
) -> Outcomes {
    use crate::standard::Level;
    let mut rng = Rng::new(seed);
    let mut out = Outcomes::default();
    if seeds.is_empty() || standards.is_empty() {
        return out;
    }
    let choose = |level: Option<Level>| -> &crate::standard::Standard {
        let want = level.unwrap_or(Level::City);
        standards
            .iter()
            .find(|s| s.level() == want)
            .unwrap_or(&standards[0])
    };
    // The reader is what is fuzzed: a short plan search and few stability
    // draws keep a mangled submission's assessment from dominating the run.
    let options = crate::assess::Options {
        draws: 10,
        plan_cap: 200,
        ..crate::assess::Options::default()
    };
    for k in 0..mutants {
        let (name, bytes) = &seeds[rng.below(seeds.len())];
        let mutant = mutate(&mut rng, bytes);
        let label = format!("mutant {k} of {name}");
        let start = std::time::Instant::now();
        let result = loader.load(mutant);
        out.slowest
            .push((start.elapsed().as_secs_f64(), label.clone()));
        out.slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        out.slowest.truncate(5);
        out.record(&label, result, |loaded| {
            crate::submission::open::quietly(|| {
                let (entity, standard, data, diagnostics) =
                    crate::submission::reader::read_book(loaded, &choose);
                let sub = crate::submission::Submission {
                    file: name.clone(),
                    sha256: String::new(),
                    entity,
                    data,
                    diagnostics,
                };
                let _ = crate::assess::assess(standard, &sub, &options);
            })
            .err()
        });
    }
    out
}

/// The seed corpus under a checkout: the samples, the producer fixtures (our
/// template, LibreOffice's xlsx/ods/xls, openpyxl) and the blank template.
pub fn seed_files(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["sample-submissions", "tests/fixtures/producers"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<std::path::PathBuf> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or_default();
            if ["xlsx", "xls", "ods", "xlsb", "xlsm"].contains(&ext)
                && let Ok(b) = std::fs::read(&f)
            {
                out.push((f.display().to_string(), b));
            }
        }
    }
    out
}
