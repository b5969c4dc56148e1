//! Markdown documents, read with pulldown-cmark (GFM tables on).
//!
//! The breadcrumb is the first heading, or paragraph that is a single bold span, whose text
//! contains `>`. Error-code tables are the GFM tables whose header has a code, a key and a
//! message column; every other table is ignored. pulldown-cmark silently drops cells beyond
//! the header's count, so rows are also split by hand to catch an unescaped `|`.
//!
//! GFM also drops whole rows without a word: a blank line or a heading ends a table, and
//! the `| 4000002 | KEY | message |` lines after it are a paragraph. So a line outside every
//! table that reads as a row (see `row_line`) is an error when an error-code table is
//! beside it: after the table, with no other table between, or after a heading and before
//! the table's header. Such lines elsewhere, away from error-code tables, are left alone.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::{
    Cell, LineIndex, Parsed, RawRow, RawTable, collapse_whitespace, error_code_columns,
    reads_as_integer,
};
use crate::diagnostic::{Detached, Diagnostic, Kind, Span};

/// Parses `text` as markdown. Returns `None` when it has no error-code table, so that the
/// caller can try plain text.
pub(super) fn parse(file: &Arc<str>, text: &str, lines: &LineIndex<'_>) -> Option<Parsed> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut reader = Reader {
        file,
        text,
        lines,
        parsed: Parsed {
            breadcrumb: None,
            tables: Vec::new(),
            diagnostics: Vec::new(),
        },
        found_table: false,
        strays: Strays::default(),
    };
    let mut events = Parser::new_ext(text, options).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                // A setext heading's text may be a row that a `---` line turned into a heading.
                reader.find_strays(&range);
                reader.heading_starts();
                reader.heading(&mut events);
            }
            Event::Start(Tag::Paragraph) => {
                reader.find_strays(&range);
                reader.paragraph(&mut events);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => reader.find_strays(&range),
            Event::Start(Tag::Table(_)) => reader.table(&mut events, range),
            _ => {}
        }
    }
    reader.report_strays(None);
    reader.found_table.then_some(reader.parsed)
}

/// The state of one markdown read.
struct Reader<'a> {
    file: &'a Arc<str>,
    text: &'a str,
    lines: &'a LineIndex<'a>,
    parsed: Parsed,
    found_table: bool,
    strays: Strays,
}

/// Lines outside every table that read as rows, and the error-code table they may belong to.
#[derive(Default)]
struct Strays {
    /// The header of the last error-code table when no other table came after it, and
    /// whether a heading came after it.
    above: Option<(Span, bool)>,
    /// Where the row lines are that came since the last heading or table: reported once it
    /// is known which table they are beside, if any.
    pending: Vec<Span>,
}

/// Inline text and where it starts: the text a heading, paragraph or cell shows a reader.
#[derive(Default)]
struct Inline {
    text: String,
    start: Option<usize>,
}

impl Inline {
    /// Adds the text of an inline event: text and code spans as written, `<br>` and line
    /// breaks as a space, other HTML (tags, comments, anchors) as nothing.
    fn push(&mut self, event: &Event<'_>, range: &Range<usize>) {
        let text: &str = match event {
            Event::Text(text) | Event::Code(text) => text,
            Event::SoftBreak | Event::HardBreak => " ",
            Event::InlineHtml(html) | Event::Html(html) if is_line_break(html) => " ",
            _ => return,
        };
        if self.start.is_none() && !text.trim().is_empty() {
            self.start = Some(range.start);
        }
        self.text.push_str(text);
    }
}

impl Reader<'_> {
    /// Notes the lines of the block at `range` that read as rows.
    fn find_strays(&mut self, range: &Range<usize>) {
        // Whole lines, so that a line in a block quote or list item starts with its marker.
        let start = self.text[..range.start].rfind('\n').map_or(0, |at| at + 1);
        let mut offset = start;
        for line in self.text[start..range.end].split_inclusive('\n') {
            if let Some(at) = row_line(line) {
                let span = self.lines.span(self.file, offset + at);
                self.strays.pending.push(span);
            }
            offset += line.len();
        }
    }

    /// A heading ends the section: the rows before it are reported against the table above.
    fn heading_starts(&mut self) {
        self.report_strays(None);
        if let Some((_, after_heading)) = &mut self.strays.above {
            *after_heading = true;
        }
    }

    /// A table starts with the header at `header`; `error_code` tells whether it is an
    /// error-code table. The rows before it go to the table above when only a blank line
    /// separates them from it, otherwise to this table when it is an error-code table.
    fn table_starts(&mut self, header: &Span, error_code: bool) {
        match self.strays.above {
            Some((_, false)) => self.report_strays(None),
            _ if error_code => self.report_strays(Some(header)),
            _ => self.strays.pending.clear(),
        }
        self.strays.above = None;
    }

    /// Reports the pending row lines: against the table `below` when given, otherwise
    /// against the error-code table above, if any. Row lines beside no error-code table
    /// are not rows of one, and are dropped.
    fn report_strays(&mut self, below: Option<&Span>) {
        let (table, how) = match (below, &self.strays.above) {
            (Some(below), _) => (below, Detached::BeforeHeader),
            (None, Some((above, false))) => (above, Detached::AfterBlankLine),
            (None, Some((above, true))) => (above, Detached::AfterHeading),
            (None, None) => {
                self.strays.pending.clear();
                return;
            }
        };
        for span in self.strays.pending.drain(..) {
            let diagnostic = Diagnostic::error(Kind::DetachedRow(how), span);
            self.parsed
                .diagnostics
                .push(diagnostic.with_related(table.clone()));
        }
    }

    /// Takes a heading as the breadcrumb if none is known yet and its text contains `>`.
    fn heading<'e>(&mut self, events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>) {
        let mut inline = Inline::default();
        for (event, range) in events.by_ref() {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                break;
            }
            inline.push(&event, &range);
        }
        self.offer_breadcrumb(inline);
    }

    /// Takes a paragraph that is a single bold span as the breadcrumb, like a heading.
    fn paragraph<'e>(&mut self, events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>) {
        let mut inline = Inline::default();
        let (mut depth, mut spans, mut other) = (0_usize, 0_usize, false);
        for (event, range) in events.by_ref() {
            match &event {
                Event::End(TagEnd::Paragraph) if depth == 0 => break,
                Event::Start(Tag::Strong) if depth == 0 => {
                    spans += 1;
                    depth += 1;
                }
                Event::Start(_) => {
                    other |= depth == 0;
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::InlineHtml(_) | Event::SoftBreak if depth == 0 => {}
                Event::Text(text) if depth == 0 && text.trim().is_empty() => {}
                _ if depth == 0 => other = true,
                _ => inline.push(&event, &range),
            }
        }
        if spans == 1 && !other {
            self.offer_breadcrumb(inline);
        }
    }

    /// Keeps `inline` as the breadcrumb if it is the first text offered that contains `>`.
    fn offer_breadcrumb(&mut self, inline: Inline) {
        if self.parsed.breadcrumb.is_none() && inline.text.contains('>') {
            let span = self.lines.span(self.file, inline.start.unwrap_or_default());
            self.parsed.breadcrumb = Some((inline.text, span));
        }
    }

    /// Reads a table through its end, keeping it when it is an error-code table.
    fn table<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>,
        range: Range<usize>,
    ) {
        let mut header: Vec<String> = Vec::new();
        let mut columns = None;
        let mut rows = Vec::new();
        let mut written_rows = 0;
        let mut row: Vec<Cell> = Vec::new();
        let mut cell = Inline::default();
        let span = self.lines.span(self.file, range.start);
        for (event, range) in events.by_ref() {
            match event {
                Event::End(TagEnd::Table) => break,
                Event::Start(Tag::TableCell) => cell = Inline::default(),
                Event::End(TagEnd::TableCell) => {
                    let start = cell.start.unwrap_or(range.start);
                    row.push(Cell {
                        text: collapse_whitespace(&cell.text),
                        span: self.lines.span(self.file, start),
                    });
                }
                Event::End(TagEnd::TableHead) => {
                    header = row.drain(..).map(|cell| cell.text).collect();
                    columns = error_code_columns(header.iter().map(String::as_str));
                    self.table_starts(&span, columns.is_some());
                    if columns.is_none() {
                        // Not an error-code table: skip it whole.
                        events
                            .by_ref()
                            .find(|(e, _)| matches!(e, Event::End(TagEnd::Table)));
                        return;
                    }
                }
                Event::Start(Tag::TableRow) => row.clear(),
                Event::End(TagEnd::TableRow) => {
                    written_rows += 1;
                    if let Some(columns) = columns {
                        let cells = std::mem::take(&mut row);
                        rows.extend(self.row(cells, columns, header.len(), range));
                    }
                }
                event => cell.push(&event, &range),
            }
        }
        self.found_table = true;
        if written_rows == 0 {
            let empty = Diagnostic::error(Kind::EmptyTable, span.clone());
            self.parsed.diagnostics.push(empty);
        }
        self.strays.above = Some((span.clone(), false));
        self.parsed.tables.push(RawTable { span, rows });
    }

    /// Builds a row from its cells, or reports it when it has more cells than the header.
    fn row(
        &mut self,
        cells: Vec<Cell>,
        [code, key, message]: [usize; 3],
        header: usize,
        range: Range<usize>,
    ) -> Option<RawRow> {
        let span = self.lines.span(self.file, range.start);
        let found = count_cells(&self.text[range.clone()]);
        if found > header {
            let kind = Kind::ExtraCells { header, found };
            self.parsed.diagnostics.push(Diagnostic::error(kind, span));
            return None;
        }
        // pulldown-cmark pads a short row with empty cells, placed after the row's newline;
        // they are placed just past its last character instead, and reported empty by lower.
        let row = &self.text[range.clone()];
        let line = row.lines().next().unwrap_or_default().trim_end();
        let end = self.lines.span(self.file, range.start + line.len());
        let take = |index: usize| match cells.get(index) {
            Some(cell) if index < found => cell.clone(),
            _ => Cell {
                text: String::new(),
                span: end.clone(),
            },
        };
        Some(RawRow {
            span,
            code: take(code),
            key: take(key),
            message: take(message),
        })
    }
}

/// Where the `|` of a line that reads as a table row is: a line that starts with `|` (after
/// indentation) and whose first cell reads as an integer (`–1` too), in code or emphasis
/// markup or not.
/// Prose does not start that way, and the rows of other tables are inside tables.
fn row_line(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let cells = trimmed.strip_prefix('|')?;
    let first = cells.split('|').next().unwrap_or_default();
    let first = first.trim().trim_matches(['`', '*', '_']).trim();
    reads_as_integer(first).then_some(line.len() - trimmed.len())
}

/// Counts the cells of a GFM table row as written: its first line, split on `|`, without
/// the optional outer pipes. As in cmark-gfm, a `|` right after a `\` never splits, even
/// after `\\`: the table is split before backslash escapes are read.
fn count_cells(row: &str) -> usize {
    let line = row.lines().next().unwrap_or_default().trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut previous = None;
    let mut pipes = 0;
    for byte in line.bytes() {
        if byte == b'|' && previous != Some(b'\\') {
            pipes += 1;
        }
        previous = Some(byte);
    }
    // A trailing `|` closes the last cell rather than opening another.
    let closed = line.ends_with('|') && !line.ends_with("\\|");
    if closed { pipes } else { pipes + 1 }
}

/// Whether an HTML fragment is a line break tag: `<br>`, `<br/>` or `<br />`, any case.
fn is_line_break(html: &str) -> bool {
    let inner = html.trim().trim_start_matches('<').trim_end_matches('>');
    let inner = inner.trim_end_matches('/').trim();
    inner.eq_ignore_ascii_case("br")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Parsed> {
        parse(&Arc::from("t.md"), text, &LineIndex::new(text))
    }

    fn breadcrumb(text: &str) -> Option<(String, u32, u32)> {
        let (crumb, span) = read(text)?.breadcrumb?;
        Some((crumb, span.line, span.column))
    }

    const TABLE: &str = "\n| code | key | message |\n|---|---|---|\n| 1 | A | a |\n";

    #[test]
    fn the_breadcrumb_is_the_first_heading_or_bold_paragraph_with_a_separator() {
        let crumb = |head: &str| breadcrumb(&format!("{head}\n{TABLE}")).map(|c| c.0);
        assert_eq!(
            crumb("## A > B > Error Code").as_deref(),
            Some("A > B > Error Code")
        );
        assert_eq!(crumb("# Intro\n\n## A > B").as_deref(), Some("A > B"));
        assert_eq!(crumb("A > B\n=====").as_deref(), Some("A > B"));
        assert_eq!(crumb("**A > B**").as_deref(), Some("A > B"));
        assert_eq!(
            crumb("<a id=\"x\"></a>\n**A > B**").as_deref(),
            Some("A > B")
        );
        assert_eq!(
            crumb("## <!-- c --> A > *B* { #id }").as_deref(),
            Some(" A > B")
        );
        assert_eq!(crumb("## A &gt; B").as_deref(), Some("A > B"));
        // A paragraph that is more than one bold span is prose, not a breadcrumb.
        assert_eq!(crumb("**A > B** and more"), None);
        assert_eq!(crumb("**A** > **B**"), None);
        assert_eq!(crumb("A > B"), None);
        assert_eq!(crumb("## Intro"), None);
    }

    #[test]
    fn the_breadcrumb_span_is_where_its_text_starts() {
        assert_eq!(
            breadcrumb(&format!("\n\n## A > B{TABLE}")).map(|c| (c.1, c.2)),
            Some((3, 4))
        );
    }

    #[test]
    fn cells_read_as_a_reader_sees_them() {
        let text = "| code | key | message |\n|---|---|---|\n\
                    | `1` | INPUT\\_QUERY | *a*  [l](u) `c` **b**<br>x &amp; y \\| z &#124; w |\n";
        let parsed = read(text).unwrap();
        assert!(parsed.diagnostics.is_empty());
        let row = &parsed.tables[0].rows[0];
        assert_eq!(row.code.text, "1");
        assert_eq!(row.key.text, "INPUT_QUERY");
        assert_eq!(row.message.text, "a l c b x & y | z | w");
        // The span is the first character a reader sees, inside the emphasis.
        assert_eq!((row.message.span.line, row.message.span.column), (3, 25));
    }

    #[test]
    fn a_pipe_in_a_code_span_still_splits_the_row() {
        let text = "| code | key | message |\n|---|---|---|\n| 1 | A | `c|d` |\n";
        let parsed = read(text).unwrap();
        assert!(parsed.tables[0].rows.is_empty());
        let kind = &parsed.diagnostics[0].kind;
        assert_eq!(
            *kind,
            Kind::ExtraCells {
                header: 3,
                found: 4
            }
        );
    }

    #[test]
    fn tables_without_the_three_columns_are_ignored() {
        assert!(read("| Name | Type |\n|---|---|\n| a | b |\n").is_none());
        let text = format!("| Name | Type |\n|---|---|\n| a | b |\n{TABLE}");
        assert_eq!(read(&text).unwrap().tables.len(), 1);
    }

    /// The detached rows of a page: their kind, line and column, and the related line.
    fn detached(text: &str) -> Vec<(Detached, u32, u32, u32)> {
        let parsed = read(text).expect("the page has an error-code table");
        parsed
            .diagnostics
            .iter()
            .filter_map(|d| match d.kind {
                Kind::DetachedRow(how) => {
                    let related = d.related.as_ref().map_or(0, |span| span.line);
                    Some((how, d.span.line, d.span.column, related))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn rows_after_a_blank_line_are_detached_from_the_table_above() {
        let text = "| code | key | message |\n|---|---|---|\n| 1 | A | a |\n\n\
                    | 2 | B | b |\n  |-3|C|c|\n|`4`| D | d |\n\n    | 5 | E | e |\n";
        assert_eq!(
            detached(text),
            [
                (Detached::AfterBlankLine, 5, 1, 1),
                (Detached::AfterBlankLine, 6, 3, 1),
                (Detached::AfterBlankLine, 7, 1, 1),
                (Detached::AfterBlankLine, 9, 5, 1),
            ]
        );
        assert_eq!(read(text).unwrap().tables[0].rows.len(), 1);
    }

    #[test]
    fn rows_under_a_heading_or_above_a_header_are_detached() {
        let text = "| code | key | message |\n|---|---|---|\n| 1 | A | a |\n\n\
                    | 2 | B | b |\n---\n## More\n| 3 | C | c |\n\n\
                    ## Even more\nThese come first:\n| 4 | D | d |\n\
                    | code | key | message |\n|---|---|---|\n| 5 | E | e |\n";
        assert_eq!(
            detached(text),
            [
                (Detached::AfterBlankLine, 5, 1, 1),
                (Detached::AfterHeading, 8, 1, 1),
                (Detached::BeforeHeader, 12, 1, 13),
            ]
        );
    }

    #[test]
    fn prose_and_rows_beside_no_error_code_table_are_left_alone() {
        // After the error-code table: prose with pipes and numbers, code, a block quote.
        let text = "## Intro\n| 0 | before any table |\n\n## A > B\n\
                    | code | key | message |\n|---|---|---|\n| 1 | A | a |\n\n\
                    Codes | like 5 | and 4000001 are numbers.\n| a | 6 |\n|  | 7 |\n\
                    2 | B | b\n\n```\n| 3 | C | c |\n```\n\n> | 4 | D | d |\n\n\
                    | n | what |\n|---|---|\n| 1 | one |\n\n| 2 | two |\n";
        assert_eq!(detached(text), []);
    }

    #[test]
    fn a_row_line_starts_with_a_pipe_and_an_integer() {
        assert_eq!(row_line("| 4000002 | KEY | msg |\n"), Some(0));
        assert_eq!(row_line("   |-1|FAIL|x|"), Some(3));
        assert_eq!(row_line("| **+400** | BAD |"), Some(0));
        assert_eq!(row_line("| 7"), Some(0));
        assert_eq!(row_line("| \u{2013}1 | FAIL |"), Some(0));
        assert_eq!(row_line("4000002 | KEY | msg"), None);
        assert_eq!(row_line("| code | key |"), None);
        assert_eq!(row_line("| | KEY |"), None);
        assert_eq!(row_line("| 1.5 | KEY |"), None);
        assert_eq!(row_line("> | 1 | KEY |"), None);
    }

    #[test]
    fn cells_are_counted_as_gfm_splits_them() {
        assert_eq!(count_cells("| a | b | c |\n"), 3);
        assert_eq!(count_cells("a | b | c"), 3);
        assert_eq!(count_cells("| a | b |"), 2);
        assert_eq!(count_cells("| a | b \\| c |"), 2);
        assert_eq!(count_cells("| a | b \\\\| c |"), 2);
        assert_eq!(count_cells("| a | b | c | d |"), 4);
        assert_eq!(count_cells("| a | `b|c` |"), 3);
        assert_eq!(count_cells("| a | b \\|"), 2);
        assert_eq!(count_cells("|"), 1);
    }

    #[test]
    fn line_breaks_are_recognised_in_any_spelling() {
        for html in ["<br>", "<BR>", "<br/>", "<br />", " <br > "] {
            assert!(is_line_break(html), "{html}");
        }
        for html in ["<b>", "<a id=\"x\"></a>", "<!-- br -->", "<brx>"] {
            assert!(!is_line_break(html), "{html}");
        }
    }
}
