//! Plain-text documents: a copy of the rendered page, as a browser's "select all" gives it.
//!
//! The breadcrumb is the first non-blank line when it contains `>`. A table starts at a
//! header line whose words are a code, a key and a message column (the message last); each
//! following line whose first word is an integer is a row, split into code, key and the rest
//! of the line as the message. Any other line ends the table (the page footer `TOP`, prose),
//! unless it looks like a broken row, which is an error rather than a silent end.

use std::sync::Arc;

use super::{
    Cell, Column, Parsed, RawRow, RawTable, classify, collapse_whitespace, is_integer, to_u32,
};
use crate::diagnostic::{Diagnostic, Kind, Span};
use crate::ident::is_key;

/// Parses `text` as plain text. Returns `None` when it has no header line.
pub(super) fn parse(file: &Arc<str>, text: &str) -> Option<Parsed> {
    let mut parsed = Parsed {
        breadcrumb: None,
        tables: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut table: Option<RawTable> = None;
    // Whether the open table has had a line that is a row, valid or broken.
    let mut has_rows = false;
    let lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let mut seen_text = false;
    for (index, line) in lines.enumerate() {
        let at = |column: usize| Span {
            file: Arc::clone(file),
            line: to_u32(index + 1),
            column: to_u32(column + 1),
        };
        let mut words = Words::new(line);
        let Some((first_at, first)) = words.next() else {
            continue; // A blank line.
        };
        if !std::mem::replace(&mut seen_text, true) && line.contains('>') {
            parsed.breadcrumb = Some((collapse_whitespace(line), at(first_at)));
        }
        if is_header(line) {
            close(&mut parsed, table.take(), has_rows);
            let rows = Vec::new();
            table = Some(RawTable {
                span: at(first_at),
                rows,
            });
            has_rows = false;
            continue;
        }
        let Some(current) = table.as_mut() else {
            continue;
        };
        let key = words.next();
        if is_integer(first) {
            has_rows = true;
            let cell = |word: Option<(usize, &str)>| {
                let (column, text) = word.unwrap_or((line.chars().count(), ""));
                Cell {
                    text: collapse_whitespace(text),
                    span: at(column),
                }
            };
            current.rows.push(RawRow {
                span: at(first_at),
                code: cell(Some((first_at, first))),
                key: cell(key),
                message: cell(words.rest()),
            });
        } else if looks_like_row(first, key.map(|(_, key)| key)) {
            has_rows = true;
            let kind = Kind::InvalidCode(first.to_owned());
            parsed
                .diagnostics
                .push(Diagnostic::error(kind, at(first_at)));
        } else {
            close(&mut parsed, table.take(), has_rows);
        }
    }
    close(&mut parsed, table, has_rows);
    (!parsed.tables.is_empty()).then_some(parsed)
}

/// Ends a table, reporting it when no line after its header was a row, valid or broken.
fn close(parsed: &mut Parsed, table: Option<RawTable>, has_rows: bool) {
    let Some(table) = table else {
        return;
    };
    if !has_rows {
        let empty = Diagnostic::error(Kind::EmptyTable, table.span.clone());
        parsed.diagnostics.push(empty);
    }
    parsed.tables.push(table);
}

/// Whether a line is a table header: a code and a key column in either order, then the rest
/// of the line a message column (`resultMessage`, or `resultMessage (English)`).
fn is_header(line: &str) -> bool {
    let mut words = Words::new(line);
    let (Some((_, first)), Some((_, second))) = (words.next(), words.next()) else {
        return false;
    };
    let message = words.rest().map(|(_, rest)| classify(rest.trim_end()));
    matches!(
        (classify(first), classify(second), message),
        (
            Some(Column::Code),
            Some(Column::Key),
            Some(Some(Column::Message(_)))
        ) | (
            Some(Column::Key),
            Some(Column::Code),
            Some(Some(Column::Message(_)))
        )
    )
}

/// Whether a line that does not start with an integer is still a row, broken: its first word
/// has a digit (`40000O1`) or its second word is a key with an underscore (`N/A INVALID_X`).
fn looks_like_row(first: &str, second: Option<&str>) -> bool {
    first.bytes().any(|b| b.is_ascii_digit())
        || second.is_some_and(|key| is_key(key) && key.contains('_'))
}

/// The white-space separated words of a line, with their character columns (0-based).
#[derive(Clone)]
struct Words<'a> {
    line: &'a str,
    /// Byte offset of the next unread character.
    at: usize,
    /// Character column of `at`.
    column: usize,
}

impl<'a> Words<'a> {
    fn new(line: &'a str) -> Self {
        Words {
            line,
            at: 0,
            column: 0,
        }
    }

    /// Skips white space, and returns the column and text of what is left of the line.
    fn rest(&mut self) -> Option<(usize, &'a str)> {
        self.skip(char::is_whitespace);
        let rest = &self.line[self.at..];
        (!rest.is_empty()).then_some((self.column, rest))
    }

    /// Advances over characters while `pred` holds.
    fn skip(&mut self, pred: impl Fn(char) -> bool) {
        for c in self.line[self.at..].chars() {
            if !pred(c) {
                break;
            }
            self.at += c.len_utf8();
            self.column += 1;
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip(char::is_whitespace);
        let (start, column) = (self.at, self.column);
        self.skip(|c| !c.is_whitespace());
        (self.at > start).then(|| (column, &self.line[start..self.at]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_page_reads_as_rows_until_its_footer() {
        let text = "\n  AI Service > OCR > 오류 코드\n\nresultCode\tresultKey\tresultMessage\n\
                    0\tSUCCESS\tSUCCESS\n\n-1  FAIL   Unknown   error.\r\n4000001 INVALID_PARAMETER\n\
                    TOP\n5 NOT_A_ROW After the footer.\n";
        let parsed = parse(&Arc::from("t.txt"), text).unwrap();
        let (crumb, span) = parsed.breadcrumb.unwrap();
        assert_eq!(
            (crumb.as_str(), span.line, span.column),
            ("AI Service > OCR > 오류 코드", 2, 3)
        );
        let rows = &parsed.tables[0].rows;
        let texts: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.code.text.as_str(),
                    r.key.text.as_str(),
                    r.message.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("0", "SUCCESS", "SUCCESS"),
                ("-1", "FAIL", "Unknown error."),
                ("4000001", "INVALID_PARAMETER", ""),
            ]
        );
        let missing = &rows[2].message.span;
        assert_eq!((missing.line, missing.column), (8, 26), "just past the row");
        assert!(parsed.diagnostics.is_empty());
    }

    #[test]
    fn the_breadcrumb_is_only_ever_the_first_line() {
        let text = "Intro\nA > B\nresultCode resultKey resultMessage\n1 A a\n";
        let parsed = parse(&Arc::from("t.txt"), text).unwrap();
        assert_eq!(parsed.breadcrumb, None);
    }

    #[test]
    fn a_header_with_no_rows_is_an_empty_table_but_a_broken_row_is_not() {
        let text = "A > B\nresultCode resultKey resultMessage\nTOP\n\
                    resultCode resultKey resultMessage\n40000O1 INVALID_PARAMETER x\n";
        let parsed = parse(&Arc::from("t.txt"), text).unwrap();
        let kinds: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (&d.kind, d.span.line))
            .collect();
        assert_eq!(
            kinds,
            [
                (&Kind::EmptyTable, 2),
                (&Kind::InvalidCode("40000O1".into()), 5)
            ]
        );
    }

    #[test]
    fn headers_need_the_three_columns_message_last() {
        assert!(is_header("resultCode resultKey resultMessage"));
        assert!(is_header("  resultCode\tresultKey\tresultMessage "));
        assert!(is_header("resultKey resultCode resultMessage"));
        assert!(!is_header("resultCode resultMessage resultKey"));
        assert!(!is_header("resultCode resultKey"));
        assert!(!is_header("resultCode resultKey resultMessage Note"));
        assert!(is_header("resultCode resultKey resultMessage (English)"));
    }

    #[test]
    fn broken_rows_are_told_from_footers() {
        assert!(looks_like_row("40000O1", Some("INVALID_PARAMETER")));
        assert!(looks_like_row("N/A", Some("INVALID_PARAMETER")));
        assert!(looks_like_row("v2", None));
        assert!(!looks_like_row("TOP", None));
        assert!(!looks_like_row("TOP", Some("OF")));
        assert!(!looks_like_row("See", Some("API_GUIDE.")));
    }

    #[test]
    fn words_know_their_columns() {
        let mut words = Words::new(" 400\tBAD_REQUEST  Bad   Request ");
        assert_eq!(words.next(), Some((1, "400")));
        assert_eq!(words.next(), Some((5, "BAD_REQUEST")));
        assert_eq!(words.rest(), Some((18, "Bad   Request ")));
        assert_eq!(Words::new("오류 코드").nth(1), Some((3, "코드")));
    }
}
