//! One integration-test binary (so CI links once), a module per area.

mod assess;
mod benchmarks;
mod gaps;
mod samples;
mod standards;
mod workbook;
