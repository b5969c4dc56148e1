//! What the fuzz targets hold errdoc to, once they have built their documents.
//!
//! The architecture's invariants, as far as a fuzzer can see them: nothing panics on input
//! (parsing, lowering, or printing the diagnostics); every place a diagnostic or a catalog
//! entry names is inside its document, so that a reader can find it; and a catalog without
//! errors always generates a Rust file (a failure there is a bug in errdoc, never a
//! problem with a document).

// Each target uses the part of this file it needs.
#![allow(dead_code)]

use errdoc::{Checked, Options, Report, Source, Span};

/// Checks `sources` and everything `errdoc::check` says about them, then generates code
/// with `options` when there is no error.
pub fn hold(sources: &[Source], options: &Options) {
    let checked = errdoc::check(sources);
    hold_places(sources, &checked);
    if checked.has_errors() {
        return;
    }
    if let Err(error) = errdoc::generate(&checked.catalog, options) {
        panic!("a catalog without errors failed to generate: {error}");
    }
}

/// Checks that every place `checked` names, in its diagnostics and its catalog, is inside
/// its document, and that printing the diagnostics does not panic.
pub fn hold_places(sources: &[Source], checked: &Checked) {
    for diagnostic in &checked.diagnostics {
        assert_inside(sources, &diagnostic.span);
        for related in &diagnostic.related {
            assert_inside(sources, &related.span);
        }
    }
    // Printing is part of what `errdoc check` and a failed build do with them.
    let _ = Report(&checked.diagnostics).to_string();
    for service in checked.catalog.services() {
        for location in service.entries().iter().flat_map(|entry| entry.locations()) {
            let span = Span {
                file: location.file().into(),
                line: location.line(),
                column: 1,
            };
            assert_inside(sources, &span);
        }
    }
}

/// Asserts that `span` is a line of its document (lines end at LF, CR or CRLF), and a
/// column of that line or just past its end (where a missing cell is reported).
fn assert_inside(sources: &[Source], span: &Span) {
    let source = sources
        .iter()
        .find(|source| source.path == span.file)
        .unwrap_or_else(|| panic!("{span} names no document"));
    let text = String::from_utf8_lossy(&source.bytes);
    let line = usize::try_from(span.line).unwrap();
    let column = usize::try_from(span.column).unwrap();
    let Some(content) = line
        .checked_sub(1)
        .and_then(|index| lines(&text).nth(index))
    else {
        panic!("{span} is not a line of the document");
    };
    let width = content.chars().count();
    assert!(
        (1..=width + 1).contains(&column),
        "{span} is past the end of its line, {width} characters long"
    );
}

/// The lines of `text` as errdoc counts them: LF, CR and CRLF each end a line.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(end) => {
                let next = if text[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&text[next..]);
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}
