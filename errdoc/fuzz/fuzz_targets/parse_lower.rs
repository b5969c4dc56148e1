//! Feeds arbitrary bytes through the parse and lower stages, and through emit and render
//! whenever they find no error; `invariants.rs` says what must hold.
//!
//! The first byte picks the file name (odd: `fuzz.md`, even: `fuzz.txt`; the seed script
//! writes `m` and `t`) and, with its second bit, whether the generated code has serde
//! support; the rest is the document. errdoc decides the format by content, so the name
//! only reaches the diagnostics and the generated header, but both are tried.

#![no_main]

mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = if selector & 1 == 1 {
        "fuzz.md"
    } else {
        "fuzz.txt"
    };
    let mut options = errdoc::Options::default();
    options.serde_feature = (selector & 2 == 2).then(|| "serde".to_owned());
    invariants::hold(&[errdoc::Source::new(name, bytes)], &options);
});
