//! Fuzz target: each input byte picks a token (ideograph, CJK punctuation,
//! terminator, line space, furniture marker, Latin, emoji, …; see
//! `cjk_reflow_fuzz::tokens_to_text`), so libFuzzer explores newspaper-like
//! text instead of mostly-ASCII bytes. Same invariants as `reflow`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = cjk_reflow_fuzz::tokens_to_text(data);
    cjk_reflow_fuzz::check(text.as_bytes());
});
