//! Write N filled city workbooks for the assessment benchmark
//! (scripts/bench-assess.sh). Layout: 基本信息 (label / value rows) and
//! 指标填报 with the header columns 指标代码 / 填报值, one row per input item
//! of the embedded city standard. The exact layout follows the template at merge.
//!
//! Usage: cargo run --release --example gen_workbooks -- DIR [N]

use citystar::standard::{InputItem, Kind, Level, embedded};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: gen_workbooks DIR [N]")?);
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    std::fs::create_dir_all(&dir)?;
    let std = embedded::for_level(Level::City)?;
    // A fixed linear congruential sequence: the same files on every run.
    let mut x: u64 = 42;
    let mut next = move || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as f64 / (1u64 << 31) as f64
    };
    for k in 0..n {
        let mut wb = Workbook::new();
        let info = wb.add_worksheet();
        info.set_name("基本信息")?;
        let rows = [
            ("名称", format!("测试市{k:04}")),
            ("层级", "市级".to_string()),
            ("行政区划代码", format!("37{k:04}")),
            ("年度", "2025".to_string()),
        ];
        for (r, (label, value)) in rows.iter().enumerate() {
            info.write_string(r as u32, 0, *label)?;
            info.write_string(r as u32, 1, value)?;
        }
        info.write_string(4, 0, "常住人口")?;
        info.write_number(4, 1, 1_000_000.0 + (next() * 9_000_000.0).round())?;

        let sheet = wb.add_worksheet();
        sheet.set_name("指标填报")?;
        sheet.write_string(0, 0, "指标代码")?;
        sheet.write_string(0, 1, "指标名称")?;
        sheet.write_string(0, 2, "填报值")?;
        let mut row = 1;
        for ind in &std.indicator {
            for (item, label) in ind.inputs() {
                sheet.write_string(row, 0, format!("{}{}", ind.code, item.suffix()))?;
                sheet.write_string(row, 1, &label.zh)?;
                match (&ind.kind, item) {
                    (Kind::YesNo { .. }, _) => {
                        sheet.write_string(row, 2, if next() < 0.7 { "是" } else { "否" })?;
                    }
                    (Kind::Grade { options }, _) => {
                        let o = &options[(next() * options.len() as f64) as usize % options.len()];
                        sheet.write_string(row, 2, &o.zh)?;
                    }
                    (_, InputItem::Denominator) => {
                        sheet.write_number(row, 2, 1000.0)?;
                    }
                    (_, InputItem::Numerator) => {
                        sheet.write_number(row, 2, (next() * 1000.0).round())?;
                    }
                    _ => {
                        let top = ind.stars.map_or(100.0, |s| s[4].max(s[0]) * 1.2);
                        sheet.write_number(row, 2, (next() * top * 100.0).round() / 100.0)?;
                    }
                }
                row += 1;
            }
        }
        wb.save(dir.join(format!("city-{k:04}.xlsx")))?;
    }
    eprintln!("wrote {n} workbooks to {}", dir.display());
    Ok(())
}
