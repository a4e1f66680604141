//! The benchmark's floor: open every workbook under DIR with calamine and read
//! every cell of every sheet, nothing else (scripts/bench-assess.sh).
//!
//! Usage: cargo run --release --example read_only -- DIR

use calamine::{Data, Reader, open_workbook_auto};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: read_only DIR")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let (mut cells, mut text) = (0usize, 0usize);
    for f in &files {
        let mut wb = open_workbook_auto(f)?;
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name)?;
            for (_, _, c) in range.used_cells() {
                cells += 1;
                if let Data::String(s) = c {
                    text += s.len();
                }
            }
        }
    }
    println!("{} files, {cells} cells, {text} bytes of text", files.len());
    Ok(())
}
