//! Fuzz target: arbitrary bytes through every public entry point of
//! cjk-reflow, with the invariants checked inside the target (see
//! `cjk_reflow_fuzz::check`). Run with `cargo fuzz run reflow` from the crate
//! root; see fuzz/README.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cjk_reflow_fuzz::check(data);
});
