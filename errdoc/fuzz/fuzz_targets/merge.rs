//! Feeds several documents at once through parse and lower, so that merging, conflicts
//! between documents and module collisions are fuzzed too, and generates code whenever
//! they find no error; `invariants.rs` says what must hold.
//!
//! The input is split on the byte 0xFF, which never occurs in UTF-8, into at most four
//! documents, named `0.md`, `1.txt`, `2.md`, `3.txt` (the format is decided by content, so
//! the names only reach diagnostics and the generated header). A document that is not
//! UTF-8 is covered by the `parse_lower` target.

#![no_main]

mod invariants;

use libfuzzer_sys::fuzz_target;

/// The file names, one per document; the input is cut into at most this many.
const NAMES: [&str; 4] = ["0.md", "1.txt", "2.md", "3.txt"];

fuzz_target!(|data: &[u8]| {
    let sources: Vec<errdoc::Source> = data
        .splitn(NAMES.len(), |&byte| byte == 0xFF)
        .zip(NAMES)
        .map(|(bytes, name)| errdoc::Source::new(name, bytes))
        .collect();
    invariants::hold(&sources, &errdoc::Options::default());
});
