//! The batch summary workbook (summary.xlsx).

use super::Context;
use crate::Lang;
use crate::assess::batch::Report;
use rust_xlsxwriter::XlsxError;

pub fn summary_sheet_names(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["排名", "星级分布", "来源"],
        Lang::En => ["Ranking", "Stars", "Provenance"],
    }
}

pub fn build(r: &Report, cx: &Context) -> Result<Vec<u8>, XlsxError> {
    let _ = (r, cx);
    Err(XlsxError::ParameterError("not yet".into()))
}
