//! The parse stage: one source file in, one [`Document`] of raw tables out.
//!
//! A document is markdown when pulldown-cmark finds an error-code table in it, otherwise
//! plain text when it has a plain-text header line (`resultCode resultKey resultMessage`),
//! and otherwise it has no error-code table, which is an error. Which tables are
//! error-code tables, and which column is which, the roles of their columns decide
//! (`roles.rs`). Parsing never fails: it returns what it could read together with every
//! problem it found. Cells stay text here; the lower stage decides whether they are valid
//! codes and keys.

pub(crate) mod lookalike;
mod markdown;
mod plain;
mod roles;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
pub use lookalike::Lookalike;
use lookalike::integer_lookalikes;
pub(crate) use lookalike::invalid_code;
pub(crate) use roles::fold_header;
use roles::{is_error_code_title, is_guide_title};

/// One input file: its path as found, and its raw bytes (checked for UTF-8 here, not when
/// read, so that an encoding problem is a diagnostic like any other).
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as it was found (relative when given relative).
    pub path: Arc<str>,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

impl Source {
    /// A source from a path and its contents.
    pub fn new(path: impl Into<Arc<str>>, bytes: impl Into<Vec<u8>>) -> Source {
        Source {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// A parsed document: the service it names and the rows of its error-code tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The document's path, as found.
    pub path: Arc<str>,
    /// The service path from the breadcrumb, error-code title dropped
    /// (`["AI Service", "OCR", "Document OCR"]`).
    pub service: Vec<String>,
    /// Where the breadcrumb is.
    pub breadcrumb: Span,
    /// The error-code tables, in document order.
    pub tables: Vec<RawTable>,
}

/// One error-code table, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawTable {
    /// Where the header is.
    pub span: Span,
    /// The section the table stands in: the nearest heading above it, or, when that is an
    /// error-code title, the nearest heading of higher rank above that; never the
    /// breadcrumb. `None` when there is none.
    pub section: Option<Arc<str>>,
    /// Whether the keys are the cells of a message column of identifiers
    /// (`ServiceQuotaExceededException`), not of a key column, which holds upper-case keys.
    pub message_keys: bool,
    /// The rows, in order.
    pub rows: Vec<RawRow>,
}

/// One row of an error-code table: its code and whichever of key, message and description
/// its table has, still text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    /// Where the row starts.
    pub span: Span,
    /// The code cell.
    pub code: Cell,
    /// The key cell; `None` when the table has no key column (nor a message column of
    /// identifiers, which is its key column too).
    pub key: Option<Cell>,
    /// The message cell; `None` when the table has no message column.
    pub message: Option<Cell>,
    /// The description cell; `None` when the table has no description column.
    pub description: Option<Cell>,
}

/// A cell's text as a reader sees it (markup removed, white space collapsed), and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text, trimmed, with runs of white space collapsed to one space.
    pub text: String,
    /// Where the cell's text starts.
    pub span: Span,
}

/// Parses one source into a document, with the problems found on the way.
///
/// Returns `None` for the document when nothing usable could be read (not UTF-8, empty, no
/// table, no breadcrumb); the diagnostics then say why.
pub fn parse(source: &Source) -> (Option<Document>, Vec<Diagnostic>) {
    let file = &source.path;
    let text = match std::str::from_utf8(&source.bytes) {
        Ok(text) => text,
        Err(error) => {
            // Point at the first byte that is not UTF-8, counting lines and characters
            // over the valid text before it.
            let valid = &source.bytes[..error.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let span = LineIndex::new(valid).span(file, valid.len());
            return (None, vec![Diagnostic::error(DiagnosticKind::NotUtf8, span)]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return (
            None,
            vec![Diagnostic::error(DiagnosticKind::Empty, Span::file(file))],
        );
    }
    let text = normalize(text);
    let lines = LineIndex::new(&text);
    let parsed = markdown::parse(file, &text, &lines).or_else(|| plain::parse(file, &lines));
    let Some(Parsed {
        breadcrumb,
        tables,
        mut diagnostics,
    }) = parsed
    else {
        return (
            None,
            vec![Diagnostic::error(DiagnosticKind::NoTable, Span::file(file))],
        );
    };
    // A page whose only tables have broken headers (`parse::markdown`) has nothing to name.
    if tables.is_empty() {
        return (None, diagnostics);
    }
    let Some((title, span)) = breadcrumb else {
        diagnostics.push(Diagnostic::error(
            DiagnosticKind::NoBreadcrumb,
            Span::file(file),
        ));
        return (None, diagnostics);
    };
    let document = Document {
        path: Arc::clone(file),
        service: service_path(&title),
        breadcrumb: span,
        tables,
    };
    (Some(document), diagnostics)
}

/// What a format's parser found: the breadcrumb text and where it is, and the tables.
struct Parsed {
    /// The breadcrumb's text, and where it starts.
    breadcrumb: Option<(String, Span)>,
    tables: Vec<RawTable>,
    diagnostics: Vec<Diagnostic>,
}

/// Splits a breadcrumb on `>` and drops a trailing error-code or API guide title
/// (`AI Service > OCR > Document OCR > 오류 코드` → `[AI Service, OCR, Document OCR]`,
/// `AI Service > Face Recognition > API v2.0 Guide` → `[AI Service, Face Recognition]`).
fn service_path(breadcrumb: &str) -> Vec<String> {
    let mut segments: Vec<String> = breadcrumb.split('>').map(collapse_whitespace).collect();
    if segments.len() > 1
        && segments
            .last()
            .is_some_and(|last| is_error_code_title(last) || is_guide_title(last))
    {
        segments.pop();
    }
    segments
}

/// Whether a breadcrumb ends in an error-code title, so that every table of its page
/// stands under one.
pub(crate) fn is_titled(breadcrumb: &str) -> bool {
    breadcrumb
        .rsplit('>')
        .next()
        .is_some_and(|last| breadcrumb.contains('>') && is_error_code_title(last))
}

/// Makes a keyless table's message column its key column too when every row's message is
/// an identifier (`InvalidParam`, `LEADERBOARD_SUCCESS`): such a column names the codes
/// the way a key column does. One message that is not (a sentence) leaves the table keyless.
/// Returns whether the messages became keys.
pub(crate) fn identifier_keys(rows: &mut [RawRow]) -> bool {
    let identifiers = !rows.is_empty()
        && rows.iter().all(|row| {
            row.key.is_none()
                && row
                    .message
                    .as_ref()
                    .is_some_and(|message| crate::ident::is_key(&message.text))
        });
    if identifiers {
        for row in rows {
            row.key = row.message.clone();
        }
    }
    identifiers
}

/// Whether a word is a decimal integer with an optional sign (whether it fits is checked
/// later): what both formats take for a row's code.
pub(crate) fn is_integer(word: &str) -> bool {
    let digits = word.strip_prefix(['-', '+']).unwrap_or(word);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a reader takes a word for an integer: it is one, or would be but for characters
/// that look like an ASCII sign or digit (`–1`). Such a word is a row's code to report, not
/// text to pass over.
pub(crate) fn reads_as_integer(word: &str) -> bool {
    is_integer(word) || !integer_lookalikes(word).is_empty()
}

/// Trims text and collapses each run of white space to one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text both formats read: front matter blanked out (it is the site generator's, not
/// the page's, see [`front_matter_end`]) and each lone CR made an LF (pulldown-cmark's
/// heading-attribute scan reads a CR-only page as one heading). Both keep every byte where
/// it was, so offsets, lines and columns are those of the file.
fn normalize(text: &str) -> Cow<'_, str> {
    let front_matter = front_matter_end(text).unwrap_or(0);
    if front_matter == 0 && !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let normal: Vec<u8> = (0..bytes.len())
        .map(|at| match bytes[at] {
            b'\r' if bytes.get(at + 1) != Some(&b'\n') => b'\n',
            b @ (b'\r' | b'\n') => b,
            _ if at < front_matter => b' ',
            b => b,
        })
        .collect();
    // Whole characters became spaces and CRs became LFs, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(normal).unwrap_or_else(|_| text.to_owned()))
}

/// Where a front matter block ends (`---` … `---` or `...`, or `+++` … `+++`, as Jekyll,
/// Hugo, Docusaurus and MkDocs write it, from the first line): the end of its closing line.
pub(crate) fn front_matter_end(text: &str) -> Option<usize> {
    let mut lines = line_ranges(text);
    let closers: &[&str] = match text[lines.next()?].trim_end() {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    // Between the fences, every line reads as YAML or TOML: a key and value, a list item,
    // an indented continuation, a comment. A page that merely starts with a thematic break
    // has a table or text there, and is left alone.
    for range in lines {
        let line = text[range.clone()].trim_end();
        if closers.contains(&line) {
            return Some(range.end);
        }
        let meta = line.is_empty()
            || line.starts_with([' ', '\t', '-', '#', '['])
            || line.contains([':', '=']);
        if !meta {
            return None;
        }
    }
    None
}

/// The byte range of each line of `text`, without its line ending. A line ends at LF, CR or
/// CRLF, as in CommonMark, so that an old Mac file or a stray CR numbers its lines as an
/// editor does. A text that ends with a line ending has no empty line after it.
pub(crate) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let line_start = start;
        let end = bytes[start..]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'\r'))
            .map_or(bytes.len(), |at| start + at);
        start = match &bytes[end..] {
            [b'\r', b'\n', ..] => end + 2,
            [] => end,
            _ => end + 1,
        };
        Some(line_start..end)
    })
}

/// Maps byte offsets of one text to 1-based lines and character columns. Lines end at LF,
/// CR or CRLF (see [`line_ranges`]).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// The byte range of each line, without its line ending; after a final line ending, an
    /// empty line where a place at the very end is.
    lines: Vec<Range<usize>>,
    /// The last place asked for. Cells are asked for left to right, so counting on from it
    /// counts each character of a long line once, not once per cell.
    last: std::cell::Cell<Place>,
    /// How many characters all spans have counted, so that tests can show the work linear.
    counted: std::cell::Cell<usize>,
}

/// A place that a [`LineIndex`] found, counting from 0.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    /// The byte offset in the text.
    offset: usize,
    /// The line's index.
    line: usize,
    /// The column, in characters from the line's start.
    column: usize,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut lines: Vec<Range<usize>> = line_ranges(text).collect();
        if text.is_empty() || text.ends_with(['\n', '\r']) {
            lines.push(text.len()..text.len());
        }
        LineIndex {
            text,
            lines,
            last: std::cell::Cell::new(Place::default()),
            counted: std::cell::Cell::new(0),
        }
    }

    /// The text the index is of.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The byte range of every line, without its line ending, in order.
    pub(crate) fn lines(&self) -> &[Range<usize>] {
        &self.lines
    }

    /// The index of the line that holds byte `offset` (a line ending belongs to its line).
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.start <= offset)
            .saturating_sub(1)
    }

    /// The span of byte `offset` in `file`.
    pub(crate) fn span(&self, file: &Arc<str>, offset: usize) -> Span {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let start = self.lines[line].start;
        let Place {
            offset: last_offset,
            line: last_line,
            column: last_column,
        } = self.last.get();
        let (from, base) = if last_line == line && (start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (start, 0)
        };
        let column = match self.text.get(from..offset) {
            Some(between) => {
                let count = between.chars().count();
                self.counted.set(self.counted.get() + count);
                self.last.set(Place {
                    offset,
                    line,
                    column: base + count,
                });
                base + count
            }
            None => offset - start,
        };
        Span {
            file: Arc::clone(file),
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }

    /// How many characters all spans so far have counted.
    #[cfg(test)]
    pub(crate) fn counted(&self) -> usize {
        self.counted.get()
    }
}

/// Converts a line or column to `u32`, saturating: no document has four billion lines, and
/// a wrong number in a diagnostic beats a panic if one ever does.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumb_titles_in_every_language_are_dropped() {
        for title in [
            "Error Code",
            "error codes",
            "Error Code Guide",
            "Result Code",
            "Result Codes",
            "Result Code(s)",
            "오류 코드",
            "오류 코드 가이드",
            "에러 코드",
            "결과 코드",
            "エラーコード",
            "結果コード",
            "错误代码",
            "錯誤代碼",
            "ErrorCode",
        ] {
            assert_eq!(
                service_path(&format!("AI Service > OCR > {title}")),
                ["AI Service", "OCR"],
                "{title}"
            );
        }
    }

    #[test]
    fn other_last_segments_are_kept() {
        assert_eq!(
            service_path("AI Service >  Pose   Estimation "),
            ["AI Service", "Pose Estimation"]
        );
        assert_eq!(service_path("Error Code"), ["Error Code"]);
        assert_eq!(
            service_path("A > Error Code Table of Contents"),
            ["A", "Error Code Table of Contents"]
        );
        assert_eq!(
            service_path("AI Service > Face Recognition > API v2.0 Guide"),
            ["AI Service", "Face Recognition"]
        );
        assert_eq!(service_path("API Guide"), ["API Guide"]);
    }

    #[test]
    fn integers_may_be_signed() {
        assert!(is_integer("0"));
        assert!(is_integer("-1"));
        assert!(is_integer("+400"));
        assert!(is_integer("99999999999"));
        assert!(!is_integer("-"));
        assert!(!is_integer("+-1"));
        assert!(!is_integer("40000O1"));
        assert!(!is_integer("TOP"));
    }

    #[test]
    fn lookalike_signs_and_digits_read_as_integers() {
        assert!(reads_as_integer("-1"));
        assert!(reads_as_integer("\u{2013}1"));
        assert!(reads_as_integer("\u{2212}4000001"));
        assert!(reads_as_integer("\u{ff14}\u{ff10}\u{ff10}"));
        assert!(!reads_as_integer("40000O1"));
        assert!(!reads_as_integer("I"));
        assert!(!reads_as_integer("\u{2013}"));
        assert!(!reads_as_integer("TOP"));
    }

    #[test]
    fn white_space_is_collapsed() {
        assert_eq!(collapse_whitespace("  a \t b\n\nc  "), "a b c");
        assert_eq!(collapse_whitespace("   "), "");
    }

    #[test]
    fn spans_count_lines_and_characters() {
        let file: Arc<str> = "f.md".into();
        let index = LineIndex::new("ab\n오류 x\n");
        let at = |offset| {
            let span = index.span(&file, offset);
            (span.line, span.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(2), (1, 3));
        assert_eq!(at(3), (2, 1));
        assert_eq!(at("ab\n오류 ".len()), (2, 4));
        assert_eq!(at(1), (1, 2), "back along a line");
        assert_eq!(at(1000), (3, 1));
    }

    #[test]
    fn cr_lf_and_crlf_all_end_lines() {
        let file: Arc<str> = "f.txt".into();
        for text in [
            "a\nbb\nc\n",
            "a\rbb\rc\r",
            "a\r\nbb\r\nc\r\n",
            "a\rbb\r\nc\n",
        ] {
            let index = LineIndex::new(text);
            let lines: Vec<&str> = line_ranges(text).map(|line| &text[line]).collect();
            assert_eq!(lines, ["a", "bb", "c"], "{text:?}");
            let c = text.find('c').unwrap();
            let span = index.span(&file, c);
            assert_eq!((span.line, span.column), (3, 1), "{text:?}");
            let end = index.span(&file, text.len());
            assert_eq!((end.line, end.column), (4, 1), "{text:?}");
        }
        let lines: Vec<_> = line_ranges("a\n\n\rb").collect();
        assert_eq!(lines, [0..1, 2..2, 3..3, 4..5]);
    }

    #[test]
    fn spans_along_a_long_line_count_each_character_once() {
        let file: Arc<str> = "f.md".into();
        let line = "| 칸 ".repeat(20_000);
        let index = LineIndex::new(&line);
        for (at, _) in line.match_indices('|') {
            index.span(&file, at);
        }
        let last = index.span(&file, line.len());
        assert_eq!(last.column, 80_001);
        assert!(
            index.counted() <= 2 * line.chars().count(),
            "counted {} characters for a line of {}",
            index.counted(),
            line.chars().count()
        );
    }

    #[test]
    fn front_matter_reads_as_blank_lines() {
        let page = "---\ntitle: A > B\nlang: en\n---\n## C > D\n";
        let blank = normalize(page);
        assert_eq!(blank, "   \n            \n        \n   \n## C > D\n");
        assert_eq!(blank.len(), page.len());
        let toml = "+++\r\ntitle = \"x\"\r\n+++\r\nrest";
        assert_eq!(normalize(toml), "   \r\n           \r\n   \r\nrest");
        assert_eq!(normalize("---\na: b\n...\nx"), "   \n    \n   \nx");
        // Each byte of a wide character becomes a space, so offsets stay where they were.
        let korean = format!("   \n{}\n   \nx", " ".repeat("제목: 가".len()));
        assert_eq!(normalize("---\r제목: 가\r---\rx"), korean);
        // Not front matter: not first, or never closed, or a thematic break of another length,
        // or lines that are not YAML or TOML.
        for text in [
            "\n---\na\n---\n",
            "---\na: b\n",
            "----\na\n----\n",
            "x\n---\n",
            "---\n| 1 | A | a |\n---\n",
            "---\nSome text.\n---\n",
        ] {
            assert_eq!(front_matter_end(text), None, "{text:?}");
            assert_eq!(normalize(text), text);
        }
    }

    /// A page's document and diagnostics.
    fn read(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
        parse(&Source::new("page", text))
    }

    #[test]
    fn cr_only_and_mixed_line_endings_read_like_lf() {
        let markdown = "## A > B\n\n| code | key | message |\n|---|---|---|\n| 1 | A | a |\n\
                        | 2 | B | `b|c` |\n\n| 3 | C | c |\n> | 4 | D | d |\n";
        let plain = "A > B\nresultCode resultKey resultMessage\n1 A a\nstray\n2 B b\n\
                     4000001\t\tmissing key\nTOP\n";
        for lf in [markdown, plain] {
            let (document, diagnostics) = read(lf);
            assert!(
                document.is_some() && !diagnostics.is_empty(),
                "{diagnostics:?}"
            );
            let cr = lf.replace('\n', "\r");
            assert_eq!(read(&cr), (document.clone(), diagnostics.clone()), "{cr:?}");
            let crlf = lf.replace('\n', "\r\n");
            assert_eq!(
                read(&crlf),
                (document.clone(), diagnostics.clone()),
                "{crlf:?}"
            );
            let mixed: String = lf
                .split_inclusive('\n')
                .enumerate()
                .map(|(index, line)| match index % 3 {
                    0 => line.replace('\n', "\r"),
                    1 => line.replace('\n', "\r\n"),
                    _ => line.to_owned(),
                })
                .collect();
            assert_eq!(read(&mixed), (document, diagnostics), "{mixed:?}");
        }
    }

    #[test]
    fn front_matter_names_no_service() {
        let page = "---\ntitle: AI Service > Psi Scan\nlang: en\n---\n\n\
                    ## AI Service > Psi Scan > Error Code\n\n\
                    | resultCode | resultKey | resultMessage |\n|---|---|---|\n| 1 | ONE | One. |\n";
        let (document, diagnostics) = read(page);
        let document = document.unwrap();
        assert_eq!(diagnostics, []);
        assert_eq!(document.service, ["AI Service", "Psi Scan"]);
        assert_eq!(document.breadcrumb.line, 6);
        assert_eq!(document.tables[0].rows[0].span.line, 10);
        // A plain-text copy with front matter takes its breadcrumb from the first line after.
        let plain = "---\ntitle: x > y\n---\nAI Service > Psi Scan\nresultCode resultKey resultMessage\n1 ONE One.\n";
        let (document, diagnostics) = read(plain);
        assert_eq!(diagnostics, []);
        assert_eq!(document.unwrap().service, ["AI Service", "Psi Scan"]);
    }
}
