//! The benchmark's floor: open every workbook under DIR with calamine and read
//! every cell of every sheet, nothing else (scripts/bench-assess.sh).
//!
//! Files are read in parallel on rayon's pool, as `citystar assess` reads them
//! (`assess::batch::run`), so the two are compared with the same parallelism;
//! `RAYON_NUM_THREADS=1` makes both serial.
//!
//! Usage: cargo run --release --example read_only -- DIR

use calamine::{Data, Reader, open_workbook_auto};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: read_only DIR")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let per_file = files
        .par_iter()
        .map(|f| -> Result<(usize, usize), String> {
            let (mut cells, mut text) = (0usize, 0usize);
            let mut wb = open_workbook_auto(f).map_err(|e| format!("{}: {e}", f.display()))?;
            for name in wb.sheet_names() {
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| format!("{}: {e}", f.display()))?;
                for (_, _, c) in range.used_cells() {
                    cells += 1;
                    if let Data::String(s) = c {
                        text += s.len();
                    }
                }
            }
            Ok((cells, text))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let cells: usize = per_file.iter().map(|p| p.0).sum();
    let text: usize = per_file.iter().map(|p| p.1).sum();
    println!("{} files, {cells} cells, {text} bytes of text", files.len());
    Ok(())
}
