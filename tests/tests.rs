//! One integration-test binary (so CI links once), a module per area.

mod assess;
