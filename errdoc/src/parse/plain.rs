//! Plain-text tables: a copy of the rendered page, as a browser's "select all" gives it, or
//! a table pasted into a markdown page.
//!
//! The breadcrumb is the first non-blank line when it contains `>` (heading markers and bold
//! stars around it are dropped). A table starts at a header line whose columns make an
//! error-code table (see `roles.rs`). Its cells are separated by tabs when the header's
//! are: a row's cells are then the fields at the header's positions, and an empty field is
//! a missing value (a row without a tab was typed, and is read by words). Otherwise every
//! column is named in one word but the last: a row is read in the header's order as a
//! word per column and the rest of the line as the last, unless it has tabs: then it was
//! copied, and its tabs separate its cells (one tab between two columns, two or more
//! between three or more).
//!
//! Nothing between the header and the table's end is passed over in silence. A table ends
//! at the end of the text, at a page footer (`TOP`), at a new breadcrumb or at a new header.
//! Until then, a line whose code is an integer is a row, and a line that looks like a row
//! (its code word has a digit, reads as an integer or is a placeholder such as `N/A`, or its
//! key word is a key with `_`) is a broken row, an error. Any other line is text: an error
//! when a row comes after it (a wrapped message, a group label, a merge-conflict marker
//! between rows), and text after the table when none does.

use std::ops::Range;
use std::sync::Arc;

use super::roles::{Role, Roles, classify};
use super::{
    Cell, LineIndex, Parsed, RawRow, RawTable, collapse_whitespace, fold_header, identifier_keys,
    invalid_code, is_integer, is_titled, reads_as_integer,
};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Field, Span};
use crate::ident::is_upper_key;

/// Parses a whole text as plain text. Returns `None` when it has no header line.
pub(super) fn parse(file: &Arc<str>, lines: &LineIndex<'_>) -> Option<Parsed> {
    let text = lines.text();
    let mut parsed = Parsed {
        breadcrumb: None,
        tables: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut table: Option<Table> = None;
    let mut seen_text = false;
    // Whether the breadcrumb ends in an error-code title: a plain-text copy has no other
    // headings to tell.
    let mut titled = false;
    for range in lines.lines() {
        let line = &text[range.clone()];
        if line.trim().is_empty() {
            continue;
        }
        if !std::mem::replace(&mut seen_text, true) {
            parsed.breadcrumb = breadcrumb(line).map(|(at, crumb)| {
                let span = lines.span(file, range.start + at);
                (crumb, span)
            });
            titled = parsed
                .breadcrumb
                .as_ref()
                .is_some_and(|(crumb, _)| is_titled(crumb));
        }
        let at = Place {
            file,
            lines,
            range: range.clone(),
        };
        let step = table
            .as_mut()
            .map(|open| open.line(&at, &mut parsed.diagnostics));
        if step == Some(Step::Read) {
            continue;
        }
        if let Some(ended) = table.take() {
            ended.close(&mut parsed);
        }
        if let Some(columns) = header(line, titled) {
            let indent = line.len() - line.trim_start().len();
            table = Some(Table::new(at.span(indent), columns, None));
        }
    }
    if let Some(table) = table {
        table.close(&mut parsed);
    }
    (!parsed.tables.is_empty()).then_some(parsed)
}

/// A line of the text being read: which one, and how to point into it.
pub(super) struct Place<'a> {
    pub(super) file: &'a Arc<str>,
    pub(super) lines: &'a LineIndex<'a>,
    /// The line's byte range in the text, without its line ending.
    pub(super) range: Range<usize>,
}

impl Place<'_> {
    /// The line's text.
    fn text(&self) -> &str {
        &self.lines.text()[self.range.clone()]
    }

    /// The span of byte `at` of the line.
    fn span(&self, at: usize) -> Span {
        self.lines.span(self.file, self.range.start + at)
    }
}

/// What a table made of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// The line belongs to the table: a row, a broken row, or text to hold until the next.
    Read,
    /// The table ended before this line, which is the reader's to look at again.
    End,
}

/// How a plain-text table's cells are separated, and which role each column has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Columns {
    /// By white space: one word per column, in this order, except the last column, which
    /// takes the rest of the line (the only column that may hold spaces).
    Words(Vec<Role>),
    /// By tabs: the fields of the role columns, among this many header fields; the last
    /// field runs to the end of the line.
    Tabs(Roles, usize),
}

impl Columns {
    /// The roles the table's columns have.
    fn roles(&self) -> Roles {
        match self {
            Columns::Tabs(roles, _) => *roles,
            Columns::Words(order) => {
                let mut roles = Roles::default();
                for (index, &role) in order.iter().enumerate() {
                    roles.set(role, index);
                }
                roles
            }
        }
    }

    /// The roles in the order of their columns.
    fn order(&self) -> Vec<Role> {
        match self {
            Columns::Words(order) => order.clone(),
            Columns::Tabs(roles, _) => {
                let mut order: Vec<(usize, Role)> = Role::ALL
                    .into_iter()
                    .filter_map(|role| Some((roles.get(role)?, role)))
                    .collect();
                order.sort_unstable();
                order.into_iter().map(|(_, role)| role).collect()
            }
        }
    }
}

/// A plain-text table being read, from its header line to its end.
pub(super) struct Table {
    raw: RawTable,
    columns: Columns,
    /// The roles its columns have.
    roles: Roles,
    /// Whether a line after the header was a row, valid or broken.
    has_rows: bool,
    /// The lines since the last row that are not rows: errors if a row follows them, text
    /// after the table if none does.
    held: Vec<Span>,
    /// Where the last row is, valid or broken.
    last_row: Option<Span>,
}

impl Table {
    /// A table whose header is at `span`, in `section`.
    pub(super) fn new(span: Span, columns: Columns, section: Option<Arc<str>>) -> Table {
        Table {
            raw: RawTable {
                span,
                section,
                message_keys: false,
                rows: Vec::new(),
            },
            roles: columns.roles(),
            columns,
            has_rows: false,
            held: Vec::new(),
            last_row: None,
        }
    }

    /// Where the table's header is.
    pub(super) fn header(&self) -> &Span {
        &self.raw.span
    }

    /// Reads one non-blank line after the header.
    pub(super) fn line(&mut self, at: &Place<'_>, diagnostics: &mut Vec<Diagnostic>) -> Step {
        let line = at.text();
        if header(line, true).is_some() {
            return Step::End;
        }
        let fields = self.cells(line);
        let field = |role: Role| fields[role as usize];
        let cell = |role: Role| {
            // A cell that is not there is empty, just past the end of the line.
            let (offset, text) = field(role).unwrap_or((line.trim_end().len(), ""));
            Cell {
                text: collapse_whitespace(text),
                span: at.span(offset),
            }
        };
        let roles = self.roles;
        let has = |role: Role| roles.get(role).is_some();
        let first = Words::new(line).next().map_or("", |(_, word)| word);
        let code_text = field(Role::Code).map(|(_, c)| c.trim());
        let key_text = field(Role::Key).map(|(_, k)| k.trim());
        let row_span = at.span(line.len() - line.trim_start().len());
        if code_text.is_some_and(is_integer) {
            self.row_found(&row_span, diagnostics);
            let row = RawRow {
                span: row_span,
                code: cell(Role::Code),
                key: has(Role::Key).then(|| cell(Role::Key)),
                message: has(Role::Message).then(|| cell(Role::Message)),
                description: has(Role::Description).then(|| cell(Role::Description)),
            };
            self.raw.rows.push(row);
        } else if reads_as_integer(first) || looks_like_row(code_text, key_text) {
            // A line that starts with an integer is a row even when the header puts the key
            // first: it is written in the other order.
            self.row_found(&row_span, diagnostics);
            let code = cell(Role::Code);
            let kind = if code.text.is_empty() {
                DiagnosticKind::Missing(Field::Code)
            } else {
                invalid_code(code.text)
            };
            diagnostics.push(Diagnostic::error(kind, code.span));
        } else if is_footer(line) || breadcrumb(line).is_some() {
            return Step::End;
        } else {
            self.held.push(row_span);
        }
        Step::Read
    }

    /// A row came, at `span`: the text held since the last one was between rows.
    fn row_found(&mut self, span: &Span, diagnostics: &mut Vec<Diagnostic>) {
        self.has_rows = true;
        self.last_row = Some(span.clone());
        let header = &self.raw.span;
        // Held lines one right after the other are one run, and one diagnostic.
        let mut held = self.held.drain(..).peekable();
        while let Some(first) = held.next() {
            let mut last = first.line;
            while let Some(next) = held.next_if(|span| span.line == last + 1) {
                last = next.line;
            }
            let kind = DiagnosticKind::NotARow {
                lines: first.line..=last,
            };
            let diagnostic = Diagnostic::error(kind, first);
            diagnostics.push(diagnostic.with_related(header.clone(), "the table's header"));
        }
    }

    /// The fields of a line by role (in [`Role::ALL`]'s order), each with its byte offset
    /// in the line; `None` for a field that is not there.
    fn cells<'l>(&self, line: &'l str) -> [Option<(usize, &'l str)>; 4] {
        let tabs = line.matches('\t').count();
        match &self.columns {
            // A line without a tab was typed, not copied: it is read by words.
            Columns::Tabs(roles, fields) if tabs > 0 => tab_cells(line, roles, *fields),
            // A row of tab-separated cells was copied, under a header that was typed: its
            // tabs separate its cells, and an empty one is missing, as in a copied table.
            Columns::Words(order) if tabs >= 2 || (tabs > 0 && order.len() == 2) => {
                tab_cells(line, &self.roles, order.len())
            }
            _ => words_cells(line, &self.columns.order()),
        }
    }

    /// Ends the table, reporting it when no line after its header was a row.
    ///
    /// Text right under the last row, with no blank line between, may be the rest of its
    /// message, wrapped by a browser's copy: that is a warning, since the message read may
    /// be cut short. Text after a blank line is the page's.
    pub(super) fn close(mut self, parsed: &mut Parsed) {
        self.raw.message_keys = identifier_keys(&mut self.raw.rows);
        if !self.has_rows {
            let empty = Diagnostic::error(DiagnosticKind::EmptyTable, self.raw.span.clone());
            parsed.diagnostics.push(empty);
        }
        if let (Some(row), Some(text)) = (self.last_row, self.held.first()) {
            if text.line == row.line + 1 {
                let warning = Diagnostic::warning(DiagnosticKind::TextAfterRows, text.clone());
                parsed
                    .diagnostics
                    .push(warning.with_related(row, "the last row"));
            }
        }
        parsed.tables.push(self.raw);
    }
}

/// The role fields of a tab-separated line: the fields at the role columns' positions.
/// The last of the header's `fields` runs to the end of the line: a tab in it is text.
fn tab_cells<'l>(line: &'l str, roles: &Roles, fields: usize) -> [Option<(usize, &'l str)>; 4] {
    let found = self::fields(line);
    Role::ALL.map(|role| {
        let index = roles.get(role)?;
        let &(at, field) = found.get(index)?;
        let end = if index + 1 == fields {
            line.len()
        } else {
            at + field.len()
        };
        trimmed(line, at..end)
    })
}

/// The role fields of a white-space separated line, in the header's order: a word each,
/// and the rest of the line for the last.
fn words_cells<'l>(line: &'l str, order: &[Role]) -> [Option<(usize, &'l str)>; 4] {
    let mut cells = [None; 4];
    let mut words = Words::new(line);
    for (index, &role) in order.iter().enumerate() {
        cells[role as usize] = if index + 1 == order.len() {
            words.rest()
        } else {
            words.next()
        };
    }
    cells
}

/// The text of `line[range]` without white space around it, with its offset.
fn trimmed(line: &str, range: Range<usize>) -> Option<(usize, &str)> {
    let field = &line[range.clone()];
    let start = field.len() - field.trim_start().len();
    Some((range.start + start, field.trim()))
}

/// A line's tab-separated fields, each with its byte offset.
fn fields(line: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    line.split('\t')
        .map(|field| {
            let start = at;
            at += field.len() + 1;
            (start, field)
        })
        .collect()
}

/// The columns of a header line, or `None` when the line is not a header: its columns
/// make an error-code table (see [`Roles::is_error_code_table`]; `titled` says whether the
/// page's title is an error-code title). Separated by tabs, any fields may be role columns,
/// and the others are ignored; by white space, every column is a role column named in one
/// word, but for the last, which is the rest of the line (`resultMessage (English)`).
pub(super) fn header(line: &str, titled: bool) -> Option<Columns> {
    if line.trim().contains('\t') {
        let fields = fields(line);
        let (roles, _) = Roles::of(fields.iter().map(|(_, field)| *field));
        return roles
            .is_error_code_table(titled)
            .then_some(Columns::Tabs(roles, fields.len()));
    }
    // The leading words that name roles: a role appears once, so at most four do.
    let words: Vec<(usize, &str)> = Words::new(line).take(Role::ALL.len() + 1).collect();
    let mut order = Vec::new();
    for &(_, word) in &words {
        match classify(word) {
            Some(column) if order.len() < Role::ALL.len() => order.push(column.role),
            _ => break,
        }
    }
    // The longest run of one-word columns after which the rest of the line names one too.
    for named in (1..=order.len().min(words.len().saturating_sub(1))).rev() {
        let rest = line[words[named].0..].trim_end();
        let Some(last) = classify(rest) else {
            continue;
        };
        let mut columns = order[..named].to_vec();
        columns.push(last.role);
        let mut unique = columns.clone();
        unique.sort_unstable();
        unique.dedup();
        let columns = Columns::Words(columns);
        let error_code = unique.len() == named + 1 && columns.roles().is_error_code_table(titled);
        return error_code.then_some(columns);
    }
    None
}

/// The breadcrumb a line holds, and the byte offset of its text: the line with heading
/// markers (`## `, a closing `##`), heading attributes and bold stars dropped, when it has
/// `>` between segments of text. `>>>>>>> branch`, a merge-conflict marker, is not one.
pub(super) fn breadcrumb(line: &str) -> Option<(usize, String)> {
    let mut text = line.trim();
    let unmarked = text.trim_start_matches('#');
    if unmarked.len() < text.len() && unmarked.starts_with([' ', '\t']) {
        text = unmarked.trim_end_matches('#').trim();
    }
    // Heading attributes (`{#error-code}`), as a markdown heading may carry them.
    if let Some((before, attributes)) = text.rsplit_once(" {") {
        if attributes.ends_with('}') && attributes.starts_with(['#', '.']) {
            text = before.trim_end();
        }
    }
    if let Some(bold) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        text = bold.trim();
    }
    let segments = text.split('>');
    if text.contains('>')
        && segments
            .into_iter()
            .all(|segment| !segment.trim().is_empty())
    {
        // `text` is a slice of `line`: its offset is the distance between their starts.
        let at = text.as_ptr() as usize - line.as_ptr() as usize;
        Some((at, collapse_whitespace(text)))
    } else {
        None
    }
}

/// Whether a line is a page footer that ends the rendered table: the "back to top" link.
fn is_footer(line: &str) -> bool {
    const FOOTERS: &[&str] = &[
        "top",
        "backtotop",
        "↑top",
        "↑",
        "맨위로",
        "위로",
        "トップ",
        "ページトップ",
        "返回顶部",
        "顶部",
    ];
    FOOTERS.contains(&fold_header(line).as_str())
}

/// Whether a line whose code is not an integer is still a row, broken: its code word has a
/// digit (`40000O1`), reads as an integer (`－１`, in fullwidth forms) or is a placeholder
/// (`N/A`, `TBD`, `-`), or its key word is a key with an underscore (`PENDING_X`) or after
/// a code of dashes, dots, stars, question marks or x's (`??? PENDING`).
fn looks_like_row(code: Option<&str>, key: Option<&str>) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "-", "–", "—", "?", "n/a", "na", "tbd", "tba", "todo", "none", "null", "x", "xxx", "...",
        "…",
    ];
    let code_like = |code: &str| {
        code.bytes().any(|b| b.is_ascii_digit())
            || reads_as_integer(code)
            || PLACEHOLDERS.contains(&code.to_lowercase().as_str())
    };
    // Dashes, dots, stars, question marks or x's stand for a code not known yet (`???`,
    // `----`, `xxxx`) when a key follows; alone, such a word is a rule or a mark.
    let unknown = |code: &str| code.chars().all(|c| "-–—?.…*xX".contains(c));
    code.is_some_and(code_like)
        || key.is_some_and(|key| {
            is_upper_key(key) && (key.contains('_') || code.is_some_and(unknown))
        })
}

/// The white-space separated words of a line, with their byte offsets.
#[derive(Clone)]
struct Words<'a> {
    line: &'a str,
    /// Byte offset of the next unread character.
    at: usize,
}

impl<'a> Words<'a> {
    fn new(line: &'a str) -> Self {
        Words { line, at: 0 }
    }

    /// Skips white space, and returns the offset and text of what is left of the line.
    fn rest(&mut self) -> Option<(usize, &'a str)> {
        self.skip(char::is_whitespace);
        let rest = &self.line[self.at..];
        (!rest.is_empty()).then_some((self.at, rest))
    }

    /// Advances over characters while `pred` holds.
    fn skip(&mut self, pred: impl Fn(char) -> bool) {
        let rest = &self.line[self.at..];
        self.at += rest.find(|c| !pred(c)).unwrap_or(rest.len());
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip(char::is_whitespace);
        let start = self.at;
        self.skip(|c| !c.is_whitespace());
        (self.at > start).then(|| (start, &self.line[start..self.at]))
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Parsed> {
        parse(&Arc::from("t.txt"), &LineIndex::new(text))
    }

    /// Each row's code, key and message text.
    fn rows(parsed: &Parsed) -> Vec<(String, String, String)> {
        let rows = parsed.tables.iter().flat_map(|table| &table.rows);
        rows.map(|r| {
            (
                r.code.text.clone(),
                r.key.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                r.message
                    .as_ref()
                    .map(|c| c.text.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
    }

    /// Each diagnostic's kind, line and column.
    fn problems(parsed: &Parsed) -> Vec<(DiagnosticKind, u32, u32)> {
        let diagnostics = parsed.diagnostics.iter();
        diagnostics
            .map(|d| (d.kind.clone(), d.span.line, d.span.column))
            .collect()
    }

    fn row(code: &str, key: &str, message: &str) -> (String, String, String) {
        (code.to_owned(), key.to_owned(), message.to_owned())
    }

    #[test]
    fn a_rendered_page_reads_as_rows_until_its_footer() {
        let text = "\n  AI Service > OCR > 오류 코드\n\nresultCode\tresultKey\tresultMessage\n\
                    0\tSUCCESS\tSUCCESS\n\n-1  FAIL   Unknown   error.\r\n4000001\tINVALID_PARAMETER\n\
                    TOP\n5 NOT_A_ROW After the footer.\n";
        let parsed = read(text).unwrap();
        let (crumb, span) = parsed.breadcrumb.clone().unwrap();
        assert_eq!(
            (crumb.as_str(), span.line, span.column),
            ("AI Service > OCR > 오류 코드", 2, 3)
        );
        assert_eq!(
            rows(&parsed),
            [
                row("0", "SUCCESS", "SUCCESS"),
                row("-1", "FAIL", "Unknown error."),
                row("4000001", "INVALID_PARAMETER", ""),
            ]
        );
        let missing = &parsed.tables[0].rows[2].message.as_ref().unwrap().span;
        assert_eq!((missing.line, missing.column), (8, 26), "just past the row");
        assert_eq!(problems(&parsed), []);
    }

    #[test]
    fn the_breadcrumb_is_only_ever_the_first_line() {
        let parsed = read("Intro\nA > B\nresultCode resultKey resultMessage\n1 A a\n").unwrap();
        assert_eq!(parsed.breadcrumb, None);
    }

    #[test]
    fn heading_markers_and_bold_stars_are_not_part_of_the_breadcrumb() {
        for (line, column) in [
            ("## AI Service > Eta Lens > 오류 코드", 4),
            ("# AI Service > Eta Lens > 오류 코드 ##", 3),
            ("  **AI Service > Eta Lens > 오류 코드**", 5),
            ("### **AI Service > Eta Lens > 오류 코드** ###", 7),
            ("## AI Service > Eta Lens > 오류 코드 {#error-code}", 4),
        ] {
            let text = format!("{line}\nresultCode\tresultKey\tresultMessage\n1\tA\ta\n");
            let (crumb, span) = read(&text).unwrap().breadcrumb.unwrap();
            assert_eq!(crumb, "AI Service > Eta Lens > 오류 코드", "{line}");
            assert_eq!(span.column, column, "{line}");
        }
        assert_eq!(breadcrumb(">>>>>>> feature"), None);
        assert_eq!(breadcrumb("#hashtag > x"), Some((0, "#hashtag > x".into())));
        assert_eq!(breadcrumb("A >"), None);
    }

    #[test]
    fn a_header_with_no_rows_is_an_empty_table_but_a_broken_row_is_not() {
        let text = "A > B\nresultCode resultKey resultMessage\nTOP\n\
                    resultCode resultKey resultMessage\n40000O1 INVALID_PARAMETER x\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            problems(&parsed),
            [
                (DiagnosticKind::EmptyTable, 2, 1),
                (invalid_code("40000O1".into()), 5, 1)
            ]
        );
    }

    #[test]
    fn header_lines_name_roles() {
        use Role::{Code, Description, Key, Message};
        let words = |roles: &[Role]| Some(Columns::Words(roles.to_vec()));
        let triple = words(&[Code, Key, Message]);
        let header = |line| header(line, false);
        assert_eq!(header("resultCode resultKey resultMessage"), triple);
        assert_eq!(header("code key message"), triple);
        assert_eq!(
            header("resultCode resultKey resultMessage (English)"),
            triple
        );
        assert_eq!(
            header("resultCode resultKey resultMessage（en-US）"),
            triple
        );
        assert_eq!(
            header("resultKey resultCode resultMessage"),
            words(&[Key, Code, Message])
        );
        // Any roles in one word each, the last taking the rest of the line.
        assert_eq!(
            header("resultCode resultMessage resultKey"),
            words(&[Code, Message, Key])
        );
        assert_eq!(
            header("resultCode resultMessage Description"),
            words(&[Code, Message, Description])
        );
        assert_eq!(header("resultCode resultKey"), words(&[Code, Key]));
        assert_eq!(header("resultCode Description (English)"), None);
        assert_eq!(
            super::header("resultCode Description (English)", true),
            words(&[Code, Description])
        );
        // Each role once, every column a role, a code and a text.
        assert_eq!(header("resultCode resultCode resultMessage"), None);
        assert_eq!(header("resultCode resultKey resultMessage Note"), None);
        assert_eq!(header("resultKey resultMessage"), None);
        assert_eq!(header("Error Code Error Message Description"), None);
        assert_eq!(header("code"), None);
        // Separated by tabs, the columns may come in any order, with others among them, and
        // an empty field is a column.
        let tabs = |[code, key, message, description]: [Option<usize>; 4], fields| {
            let roles = Roles {
                code,
                key,
                message,
                description,
            };
            Some(Columns::Tabs(roles, fields))
        };
        assert_eq!(
            header("  resultCode\tresultKey\tresultMessage "),
            tabs([Some(0), Some(1), Some(2), None], 3)
        );
        assert_eq!(
            header("resultMessage\tresultCode\tresultKey"),
            tabs([Some(1), Some(2), Some(0), None], 3)
        );
        assert_eq!(
            header("result code\t\tresult key\t\tresult message"),
            tabs([Some(0), Some(2), Some(4), None], 5)
        );
        assert_eq!(
            header("Error Code\tError Message\tDescription"),
            tabs([Some(0), None, Some(1), Some(2)], 3)
        );
        assert_eq!(
            header("isSuccessful\tresultCode\tresultKey\tresultMessage\tNote"),
            tabs([Some(1), Some(2), Some(3), None], 5)
        );
        assert_eq!(header("resultCode\tNote"), None);
        assert_eq!(header("Error Code\tDescription"), None);
    }

    #[test]
    fn any_roles_are_read_from_words_or_tabs() {
        let text = "AI Service > Psi Scan > Error Code\nresultCode resultMessage Description\n\
                    0 SUCCESS Success, in words.\n-1 FAILED The request failed.\n\n\
                    Error Code\tError Message\tDescription\n4000001\tInvalid parameter.\tWrong.\n\
                    4000002\t\tLeft empty.\nTOP\n";
        let parsed = read(text).unwrap();
        assert_eq!(parsed.diagnostics, []);
        let cells: Vec<_> = parsed
            .tables
            .iter()
            .flat_map(|table| &table.rows)
            .map(|r| {
                let text = |cell: &Option<Cell>| cell.as_ref().map(|c| c.text.clone());
                (
                    r.code.text.clone(),
                    text(&r.key),
                    text(&r.message),
                    text(&r.description),
                )
            })
            .collect();
        let some = |text: &str| Some(text.to_owned());
        assert_eq!(
            cells,
            [
                (
                    "0".into(),
                    some("SUCCESS"),
                    some("SUCCESS"),
                    some("Success, in words.")
                ),
                (
                    "-1".into(),
                    some("FAILED"),
                    some("FAILED"),
                    some("The request failed.")
                ),
                (
                    "4000001".into(),
                    None,
                    some("Invalid parameter."),
                    some("Wrong.")
                ),
                ("4000002".into(), None, some(""), some("Left empty.")),
            ]
        );
        assert!(parsed.tables[0].message_keys);
        // A code and a description make a table only under an error-code title.
        let guide = "AI Service > Psi Scan > API Guide\nError Code\tDescription\n1\tOne.\n";
        assert!(read(guide).is_none());
        let page = "AI Service > Psi Scan > 오류 코드\nError Code\tDescription\n1\tOne.\n";
        assert_eq!(read(page).unwrap().tables[0].rows.len(), 1);
    }

    #[test]
    fn rows_are_read_in_the_order_of_the_header() {
        let text = "A > B\nresultKey resultCode resultMessage\nSUCCESS 0 Success\n\
                    INVALID_PARAMETER\t-4000001\tInvalid   parameter.\nNO_MESSAGE 7\n\
                    BROKEN 40000O1 x\nFAIL  -1x  Broken code.\n0 SUCCESS Code first.\n\
                    MISSING_CODE\nTOP\n8 AFTER the footer\n";
        let parsed = read(text).unwrap();
        let cells: Vec<_> = parsed.tables[0]
            .rows
            .iter()
            .map(|r| {
                let cell = |c: &Cell| (c.text.clone(), c.span.line, c.span.column);
                (
                    cell(&r.code),
                    cell(r.key.as_ref().unwrap()),
                    cell(r.message.as_ref().unwrap()),
                )
            })
            .collect();
        let cell = |text: &str, line, column| (text.to_owned(), line, column);
        assert_eq!(
            cells,
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
        assert_eq!(
            problems(&parsed),
            [
                (invalid_code("40000O1".into()), 6, 8),
                (invalid_code("-1x".into()), 7, 7),
                (invalid_code("SUCCESS".into()), 8, 3),
                (DiagnosticKind::Missing(Field::Code), 9, 13),
            ]
        );
    }

    #[test]
    fn a_line_between_rows_is_an_error_and_the_rows_after_it_are_read() {
        let text = "A > B\nresultCode resultKey resultMessage\n\
                    4000101 INVALID_FORMAT Invalid business\nregistration format.\n\
                    OCR errors\n<<<<<<< HEAD\n5000001 OCR_FAIL OCR failed.\n=======\n\
                    5000001 OCR_FAIL OCR failed!\n>>>>>>> feature\nN/A PENDING Not yet.\n\
                    5000002 DONE Done.\nSee the guide for more.\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            rows(&parsed),
            [
                row("4000101", "INVALID_FORMAT", "Invalid business"),
                row("5000001", "OCR_FAIL", "OCR failed."),
                row("5000001", "OCR_FAIL", "OCR failed!"),
                row("5000002", "DONE", "Done."),
            ]
        );
        assert_eq!(
            problems(&parsed),
            [
                (DiagnosticKind::NotARow { lines: 4..=6 }, 4, 1),
                (DiagnosticKind::NotARow { lines: 8..=8 }, 8, 1),
                (DiagnosticKind::NotARow { lines: 10..=10 }, 10, 1),
                (invalid_code("N/A".into()), 11, 1),
                (DiagnosticKind::TextAfterRows, 13, 1),
            ]
        );
        let related = &parsed.diagnostics[0].related[0];
        assert_eq!(related.span.line, 2, "the header");
    }

    #[test]
    fn text_right_under_the_last_row_may_be_its_wrapped_message() {
        let text = "A > B\nresultCode resultKey resultMessage\n1 ONE One, and\nthe rest of it.\n";
        let parsed = read(text).unwrap();
        assert_eq!(problems(&parsed), [(DiagnosticKind::TextAfterRows, 4, 1)]);
        assert_eq!(parsed.diagnostics[0].severity, crate::Severity::Warning);
        assert_eq!(parsed.diagnostics[0].related[0].span.line, 3);
        // After a blank line, or after a footer, text is the page's.
        for text in [
            "A > B\nresultCode resultKey resultMessage\n1 ONE One.\n\nMore text.\n",
            "A > B\nresultCode resultKey resultMessage\n1 ONE One.\nTOP\nMore text.\n",
        ] {
            assert_eq!(problems(&read(text).unwrap()), []);
        }
    }

    #[test]
    fn rows_after_text_are_still_rows_until_the_table_ends() {
        // Text after the last row is not an error; a row after it makes it one.
        let text = "A > B\nresultCode resultKey resultMessage\n1 ONE One.\nA note.\n\n\
                    2 TWO Two.\nTOP\n3 THREE After the footer.\n\
                    resultCode resultKey resultMessage\n4 FOUR Four.\nC > D\n5 FIVE After a breadcrumb.\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            rows(&parsed),
            [
                row("1", "ONE", "One."),
                row("2", "TWO", "Two."),
                row("4", "FOUR", "Four.")
            ]
        );
        assert_eq!(
            problems(&parsed),
            [(DiagnosticKind::NotARow { lines: 4..=4 }, 4, 1)]
        );
    }

    #[test]
    fn tabs_separate_the_cells_of_a_tab_separated_table() {
        let text = "A > B\nresultCode\tresultKey\tresultMessage\n\
                    4010002\t\tUUID is invalid.\n4010003\tBAD_UUID\t\n\
                    4010004\tTAB_IN\tmessage\twith a tab\t\n4010005 TYPED_ROW Typed by hand.\n\
                    \tNO_CODE\tNo code.\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            rows(&parsed),
            [
                row("4010002", "", "UUID is invalid."),
                row("4010003", "BAD_UUID", ""),
                row("4010004", "TAB_IN", "message with a tab"),
                row("4010005", "TYPED_ROW", "Typed by hand."),
            ]
        );
        let first = &parsed.tables[0].rows[0];
        let (key, message) = (first.key.as_ref().unwrap(), first.message.as_ref().unwrap());
        assert_eq!((key.span.line, key.span.column), (3, 9));
        assert_eq!((message.span.line, message.span.column), (3, 10));
        assert_eq!(
            problems(&parsed),
            [(DiagnosticKind::Missing(Field::Code), 7, 1)]
        );
    }

    #[test]
    fn copied_rows_under_a_typed_header_split_on_tabs() {
        let text = "A > B\nresultCode resultKey resultMessage\n4010002\t\tUUID is invalid.\n\
                    4010003\tBAD_UUID\tBad uuid.\n4010004 TYPED Typed\tby hand.\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            rows(&parsed),
            [
                row("4010002", "", "UUID is invalid."),
                row("4010003", "BAD_UUID", "Bad uuid."),
                row("4010004", "TYPED", "Typed by hand."),
            ]
        );
        let key_first = "A > B\nresultKey resultCode resultMessage\n\t1\tNo key.\n";
        assert_eq!(rows(&read(key_first).unwrap()), [row("1", "", "No key.")]);
    }

    #[test]
    fn tab_separated_columns_are_taken_where_the_header_puts_them() {
        let text = "A > B\nresultMessage\tresultCode\tresultKey\nOne.\t1\tONE\n\t2\tTWO\n";
        let parsed = read(text).unwrap();
        assert_eq!(
            rows(&parsed),
            [row("1", "ONE", "One."), row("2", "TWO", "")]
        );
    }

    #[test]
    fn a_cr_only_text_reads_like_its_lf_twin() {
        let lf = "A > B\nresultCode resultKey resultMessage\n1 ONE One.\n\nstray\n2 TWO Two.\n";
        let cr = lf.replace('\n', "\r");
        let (lf, cr) = (read(lf).unwrap(), read(&cr).unwrap());
        assert_eq!(rows(&cr), rows(&lf));
        assert_eq!(problems(&cr), problems(&lf));
        assert_eq!(
            problems(&cr),
            [(DiagnosticKind::NotARow { lines: 5..=5 }, 5, 1)]
        );
    }

    #[test]
    fn broken_rows_are_told_from_footers() {
        assert!(looks_like_row(Some("40000O1"), Some("INVALID_PARAMETER")));
        assert!(looks_like_row(Some("N/A"), Some("INVALID_PARAMETER")));
        assert!(looks_like_row(Some("N/A"), Some("PENDING")));
        assert!(looks_like_row(Some("TBD"), Some("Later")));
        assert!(looks_like_row(Some("???"), Some("NEWKEY")));
        assert!(looks_like_row(Some("xxxxxxx"), Some("NEWKEY")));
        assert!(looks_like_row(Some("—"), None));
        assert!(!looks_like_row(Some("-------"), None));
        assert!(!looks_like_row(Some("<<<<<<<"), Some("HEAD")));
        assert!(!looks_like_row(Some("##"), Some("Next")));
        assert!(looks_like_row(Some("v2"), None));
        assert!(looks_like_row(Some("\u{ff0d}\u{ff11}"), Some("FAIL")));
        assert!(looks_like_row(None, Some("INVALID_PARAMETER")));
        assert!(!looks_like_row(Some("TOP"), None));
        assert!(!looks_like_row(None, Some("TOP")));
        assert!(!looks_like_row(Some("TOP"), Some("OF")));
        assert!(!looks_like_row(Some("See"), Some("API_GUIDE.")));
        for footer in [
            "TOP",
            " top ",
            "맨 위로",
            "トップ",
            "返回顶部",
            "Back to top",
        ] {
            assert!(is_footer(footer), "{footer}");
        }
        assert!(!is_footer("Topics"));
    }

    #[test]
    fn words_know_their_offsets() {
        let mut words = Words::new(" 400\tBAD_REQUEST  Bad   Request ");
        assert_eq!(words.next(), Some((1, "400")));
        assert_eq!(words.next(), Some((5, "BAD_REQUEST")));
        assert_eq!(words.rest(), Some((18, "Bad   Request ")));
        assert_eq!(Words::new("오류 코드").nth(1), Some((7, "코드")));
    }
}
