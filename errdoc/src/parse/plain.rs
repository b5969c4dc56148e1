//! Plain-text documents: a copy of the rendered page, as a browser's "select all" gives it.
//!
//! The breadcrumb is the first non-blank line when it contains `>`. A table starts at a
//! header line whose words are a code and a key column, in either order, then a message
//! column. Each following line is read in the header's order: two words, code and key, and
//! the rest of the line as the message; it is a row when its code word is an integer. Any
//! other line ends the table (the page footer `TOP`, prose), unless it looks like a broken
//! row, which is an error rather than a silent end.

use std::sync::Arc;

use super::{
    Cell, Column, Parsed, RawRow, RawTable, classify, collapse_whitespace, is_integer,
    reads_as_integer, to_u32,
};
use crate::diagnostic::{Diagnostic, Field, Kind, Span};
use crate::ident::is_key;

/// Parses `text` as plain text. Returns `None` when it has no header line.
pub(super) fn parse(file: &Arc<str>, text: &str) -> Option<Parsed> {
    let mut parsed = Parsed {
        breadcrumb: None,
        tables: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut table: Option<RawTable> = None;
    // The open table's column order.
    let mut order = Order::CodeFirst;
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
        if let Some(header_order) = header(line) {
            close(&mut parsed, table.take(), has_rows);
            let rows = Vec::new();
            table = Some(RawTable {
                span: at(first_at),
                rows,
            });
            order = header_order;
            has_rows = false;
            continue;
        }
        let Some(current) = table.as_mut() else {
            continue;
        };
        let second = words.next();
        let (code, key) = match order {
            Order::CodeFirst => (Some((first_at, first)), second),
            Order::KeyFirst => (second, Some((first_at, first))),
        };
        // A cell that is not there is empty, just past the end of the line.
        let end = line.chars().count();
        let cell = |word: Option<(usize, &str)>| {
            let (column, text) = word.unwrap_or((end, ""));
            Cell {
                text: collapse_whitespace(text),
                span: at(column),
            }
        };
        let (code_text, key_text) = (code.map(|(_, c)| c), key.map(|(_, k)| k));
        if code_text.is_some_and(is_integer) {
            has_rows = true;
            current.rows.push(RawRow {
                span: at(first_at),
                code: cell(code),
                key: cell(key),
                message: cell(words.rest()),
            });
        } else if reads_as_integer(first) || looks_like_row(code_text, key_text) {
            // A line that starts with an integer is a row even when the header puts the key
            // first: it is written in the other order.
            has_rows = true;
            let code = cell(code);
            let kind = if code.text.is_empty() {
                Kind::Missing(Field::Code)
            } else {
                Kind::InvalidCode(code.text)
            };
            parsed.diagnostics.push(Diagnostic::error(kind, code.span));
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

/// The order of a plain-text table's code and key columns, as its header gives them. The
/// message is always the rest of the line: it is the only column that may hold spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// `resultCode resultKey resultMessage`, as the rendered pages have it.
    CodeFirst,
    /// `resultKey resultCode resultMessage`.
    KeyFirst,
}

/// The column order of a table header: a code and a key column in either order, then the
/// rest of the line a message column (`resultMessage`, or `resultMessage (English)`).
/// `None` when the line is not a header.
fn header(line: &str) -> Option<Order> {
    let mut words = Words::new(line);
    let (Some((_, first)), Some((_, second))) = (words.next(), words.next()) else {
        return None;
    };
    let message = words.rest().map(|(_, rest)| classify(rest.trim_end()));
    let Some(Some(Column::Message(_))) = message else {
        return None;
    };
    match (classify(first), classify(second)) {
        (Some(Column::Code), Some(Column::Key)) => Some(Order::CodeFirst),
        (Some(Column::Key), Some(Column::Code)) => Some(Order::KeyFirst),
        _ => None,
    }
}

/// Whether a line whose code word is not an integer is still a row, broken: its code word
/// has a digit (`40000O1`) or reads as an integer (`－１`, in fullwidth forms), or its key
/// word is a key with an underscore (`N/A INVALID_X`).
fn looks_like_row(code: Option<&str>, key: Option<&str>) -> bool {
    let code_like = |code: &str| code.bytes().any(|b| b.is_ascii_digit()) || reads_as_integer(code);
    code.is_some_and(code_like) || key.is_some_and(|key| is_key(key) && key.contains('_'))
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
        let code_first = Some(Order::CodeFirst);
        assert_eq!(header("resultCode resultKey resultMessage"), code_first);
        assert_eq!(
            header("  resultCode\tresultKey\tresultMessage "),
            code_first
        );
        assert_eq!(header("code key message"), code_first);
        assert_eq!(
            header("resultKey resultCode resultMessage"),
            Some(Order::KeyFirst)
        );
        assert_eq!(header("resultCode resultMessage resultKey"), None);
        assert_eq!(header("resultMessage resultCode resultKey"), None);
        assert_eq!(header("resultCode resultCode resultMessage"), None);
        assert_eq!(header("resultCode resultKey"), None);
        assert_eq!(header("resultCode resultKey resultMessage Note"), None);
        assert_eq!(
            header("resultCode resultKey resultMessage (English)"),
            code_first
        );
    }

    #[test]
    fn rows_are_read_in_the_order_of_the_header() {
        let text = "A > B\nresultKey resultCode resultMessage\nSUCCESS 0 Success\n\
                    INVALID_PARAMETER\t-4000001\tInvalid   parameter.\nNO_MESSAGE 7\n\
                    BROKEN 40000O1 x\nFAIL  -1x  Broken code.\n0 SUCCESS Code first.\n\
                    MISSING_CODE\nTOP\n8 AFTER the footer\n";
        let parsed = parse(&Arc::from("t.txt"), text).unwrap();
        let rows: Vec<_> = parsed.tables[0]
            .rows
            .iter()
            .map(|r| {
                let cell = |c: &Cell| (c.text.clone(), c.span.line, c.span.column);
                (cell(&r.code), cell(&r.key), cell(&r.message))
            })
            .collect();
        let cell = |text: &str, line, column| (text.to_owned(), line, column);
        assert_eq!(
            rows,
            [
                (
                    cell("0", 3, 9),
                    cell("SUCCESS", 3, 1),
                    cell("Success", 3, 11)
                ),
                (
                    cell("-4000001", 4, 19),
                    cell("INVALID_PARAMETER", 4, 1),
                    cell("Invalid parameter.", 4, 28)
                ),
                (cell("7", 5, 12), cell("NO_MESSAGE", 5, 1), cell("", 5, 13)),
            ]
        );
        let kinds: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (&d.kind, d.span.line, d.span.column))
            .collect();
        assert_eq!(
            kinds,
            [
                (&Kind::InvalidCode("40000O1".into()), 6, 8),
                (&Kind::InvalidCode("-1x".into()), 7, 7),
                (&Kind::InvalidCode("SUCCESS".into()), 8, 3),
                (&Kind::Missing(Field::Code), 9, 13),
            ]
        );
    }

    #[test]
    fn broken_rows_are_told_from_footers() {
        assert!(looks_like_row(Some("40000O1"), Some("INVALID_PARAMETER")));
        assert!(looks_like_row(Some("N/A"), Some("INVALID_PARAMETER")));
        assert!(looks_like_row(Some("v2"), None));
        assert!(looks_like_row(Some("\u{ff0d}\u{ff11}"), Some("FAIL")));
        assert!(looks_like_row(None, Some("INVALID_PARAMETER")));
        assert!(!looks_like_row(Some("TOP"), None));
        assert!(!looks_like_row(None, Some("TOP")));
        assert!(!looks_like_row(Some("TOP"), Some("OF")));
        assert!(!looks_like_row(Some("See"), Some("API_GUIDE.")));
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
