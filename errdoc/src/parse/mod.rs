//! The parse stage: one source file in, one [`Document`] of raw tables out.
//!
//! A document is markdown when pulldown-cmark finds an error-code table in it, otherwise
//! plain text when it has a plain-text header line (`resultCode resultKey resultMessage`),
//! and otherwise it has no error-code table, which is an error. Parsing never fails: it
//! returns what it could read together with every problem it found. Cells stay text here;
//! the lower stage decides whether they are valid codes and keys.

mod markdown;
mod plain;

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Kind, Span, integer_lookalikes};

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
    /// The rows, in order.
    pub rows: Vec<RawRow>,
}

/// One row of an error-code table: code, key and message, still text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    /// Where the row starts.
    pub span: Span,
    /// The code cell.
    pub code: Cell,
    /// The key cell.
    pub key: Cell,
    /// The message cell.
    pub message: Cell,
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
            return (None, vec![Diagnostic::error(Kind::NotUtf8, span)]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return (None, vec![Diagnostic::error(Kind::Empty, Span::file(file))]);
    }
    let lines = LineIndex::new(text);
    let parsed = markdown::parse(file, text, &lines).or_else(|| plain::parse(file, text));
    let Some(Parsed {
        breadcrumb,
        tables,
        mut diagnostics,
    }) = parsed
    else {
        return (
            None,
            vec![Diagnostic::error(Kind::NoTable, Span::file(file))],
        );
    };
    let Some((title, span)) = breadcrumb else {
        diagnostics.push(Diagnostic::error(Kind::NoBreadcrumb, Span::file(file)));
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
    breadcrumb: Option<(String, Span)>,
    tables: Vec<RawTable>,
    diagnostics: Vec<Diagnostic>,
}

/// Splits a breadcrumb on `>` and drops a trailing error-code title
/// (`AI Service > OCR > Document OCR > 오류 코드` → `[AI Service, OCR, Document OCR]`).
fn service_path(breadcrumb: &str) -> Vec<String> {
    let mut segments: Vec<String> = breadcrumb.split('>').map(collapse_whitespace).collect();
    if segments.len() > 1
        && segments
            .last()
            .is_some_and(|last| is_error_code_title(last))
    {
        segments.pop();
    }
    segments
}

/// Whether a breadcrumb's last segment is an error-code page title, in the docs' languages,
/// compared case-insensitively and ignoring spaces.
pub(crate) fn is_error_code_title(segment: &str) -> bool {
    const TITLES: &[&str] = &[
        "errorcode",
        "errorcodes",
        "errorcodeguide",
        "resultcode",
        "resultcodes",
        "resultcode(s)",
        "errorcode(s)",
        "오류코드",
        "오류코드가이드",
        "에러코드",
        "결과코드",
        "エラーコード",
        "結果コード",
        "错误代码",
        "錯誤代碼",
    ];
    let folded: String = segment
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    TITLES.contains(&folded.as_str())
}

/// The role of a table column, from its header text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Code,
    Key,
    /// A message column, and how well it fits: 0 unqualified, 1 English, 2 another language.
    Message(u8),
}

/// Classifies a header cell: `resultCode`, `code`, `errorCode` are codes, and likewise keys
/// and messages, compared case-insensitively ignoring spaces and `_`. A message header may
/// carry a qualifier (`resultMessage (English)`), which ranks it.
pub(crate) fn classify(header: &str) -> Option<Column> {
    let folded: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    let strip = |bases: [&str; 3]| bases.into_iter().find_map(|base| folded.strip_prefix(base));
    if ["resultcode", "code", "errorcode"].contains(&folded.as_str()) {
        return Some(Column::Code);
    }
    if ["resultkey", "key", "errorkey"].contains(&folded.as_str()) {
        return Some(Column::Key);
    }
    let qualifier = strip(["resultmessage", "errormessage", "message"])?;
    if qualifier.is_empty() {
        return Some(Column::Message(0));
    }
    let qualifier = qualifier
        .strip_prefix('(')
        .and_then(|q| q.strip_suffix(')'))?;
    let english = ["english", "en", "영어", "英語", "英语", "英文"];
    Some(Column::Message(if english.contains(&qualifier) {
        1
    } else {
        2
    }))
}

/// The positions of the code, key and message columns among a table's headers, or `None`
/// when the table is not an error-code table.
pub(crate) fn error_code_columns<'a>(
    headers: impl IntoIterator<Item = &'a str>,
) -> Option<[usize; 3]> {
    let (mut code, mut key, mut message) = (None, None, None::<(u8, usize)>);
    for (index, header) in headers.into_iter().enumerate() {
        match classify(header) {
            Some(Column::Code) => code = code.or(Some(index)),
            Some(Column::Key) => key = key.or(Some(index)),
            Some(Column::Message(rank)) if message.is_none_or(|(best, _)| rank < best) => {
                message = Some((rank, index));
            }
            Some(Column::Message(_)) => {}
            None => {}
        }
    }
    Some([code?, key?, message?.1])
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

/// Maps byte offsets of one text to 1-based lines and character columns.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The span of byte `offset` in `file`.
    pub(crate) fn span(&self, file: &Arc<str>, offset: usize) -> Span {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        Span {
            file: Arc::clone(file),
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
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
            service_path("A > Error Code Table"),
            ["A", "Error Code Table"]
        );
    }

    #[test]
    fn headers_are_classified_loosely() {
        assert_eq!(classify("resultCode"), Some(Column::Code));
        assert_eq!(classify("Result_Code"), Some(Column::Code));
        assert_eq!(classify(" error code "), Some(Column::Code));
        assert_eq!(classify("KEY"), Some(Column::Key));
        assert_eq!(classify("resultMessage"), Some(Column::Message(0)));
        assert_eq!(classify("resultMessage(English)"), Some(Column::Message(1)));
        assert_eq!(classify("resultMessage (Korean)"), Some(Column::Message(2)));
        assert_eq!(classify("Description"), None);
        assert_eq!(classify("resultMessages"), None);
        assert_eq!(classify("codes"), None);
    }

    #[test]
    fn the_unqualified_or_english_message_wins() {
        let columns = |headers: &[&str]| error_code_columns(headers.iter().copied());
        assert_eq!(
            columns(&["resultCode", "resultKey", "resultMessage"]),
            Some([0, 1, 2])
        );
        assert_eq!(
            columns(&[
                "message (Korean)",
                "key",
                "note",
                "message (English)",
                "code"
            ]),
            Some([4, 1, 3])
        );
        assert_eq!(
            columns(&["code", "message(ko)", "key", "message"]),
            Some([0, 2, 3])
        );
        assert_eq!(columns(&["code", "key", "description"]), None);
        assert_eq!(columns(&["Name", "Type", "Description"]), None);
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
        assert_eq!(at(1000), (3, 1));
    }
}
