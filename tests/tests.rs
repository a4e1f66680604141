//! One integration-test binary (so CI links once), a module per area.

mod assess;
mod batch;
mod benchmarks;
mod cli;
mod gaps;
mod hostile;
mod html;
mod lint;
mod review;
mod rounds;
mod samples;
mod serve;
mod standards;
mod tools;
mod workbook;
