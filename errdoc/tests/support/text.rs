//! The text that property tests are made of, shared by `tests/properties.rs` and errdoc's
//! own generated-code properties (`src/properties.rs`, which includes this file by path):
//! the runner's settings, hostile text, and the collapse of white space that cells get.

use proptest::collection::vec;
use proptest::prelude::*;

/// Trims text and collapses each run of white space to one space, as errdoc reads cells
/// (the same `char::is_whitespace` as the parsers), for the tests' own readings of pages.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The runner's settings: `cases` cases (unless `PROPTEST_CASES` says otherwise), and no
/// file of failures written into the source tree; a failure prints its minimal input.
pub fn config(cases: u32) -> ProptestConfig {
    let from_env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok());
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(from_env.unwrap_or(cases))
    }
}

/// Fragments chosen to break a naive writer of Rust, markdown or comments: quotes and
/// backslashes, comment and attribute openers, braces, brackets and link syntax, code spans
/// and fences, HTML, entities, table pipes, block markers, smart punctuation, control
/// characters, Unicode white space and format characters, Korean and emoji.
#[rustfmt::skip]
pub const HOSTILE: &[&str] = &[
    // Rust: string and raw-string delimiters, escapes, comments, attributes, braces.
    "\"", "'", "\\", "\\\\", "\\n", "r#\"", "\"#", "*/", "/*", "//", "#[", "#![doc = \"x\"]",
    "{", "}", "{}",
    // Markdown: links, images, footnotes, code spans and fences, HTML, entities, pipes,
    // emphasis, strikethrough, block markers, smart punctuation.
    "[", "]", "[]()", "[a](b)", "![i](u)", "[^1]", "[x]: /u", "`", "``", "```", "~~~",
    "<script>", "</script>", "<!--", "-->", "<br>", "<https://example.com>",
    "https://example.com", "&amp;", "&#124;", "&lt;", "|", "||", "\\|", "*", "**", "_", "__",
    "~~", ":", "# ", "## ", "- ", "+ ", "1. ", "> ", "---", "===", "--", "...", "$", "%", "^",
    "=", "!", "?", "@",
    // Control characters, Unicode white space, and invisible formatting characters.
    "\0", "\u{7}", "\t", "\n", "\r", "\r\n", "\u{1b}[31m", "\u{7f}", "\u{85}", "\u{a0}",
    "\u{200b}", "\u{200e}", "\u{202e}", "\u{2028}", "\u{2066}", "\u{3000}", "\u{feff}",
    // The languages of the docs, and emoji, with modifiers and joiners.
    "오류 코드", "잘못된 요청입니다.", "エラー", "😀", "👍🏽", "🏳️‍🌈",
];

/// Text made of hostile fragments, plain words and arbitrary characters.
pub fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        2 => "[A-Za-z0-9 ,.]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, 1..10).prop_map(|pieces| pieces.concat())
}

/// proptest's arbitrary strings (printable characters of every script), or hostile text
/// (which brings the control and format characters that those leave out).
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_text()]
}
