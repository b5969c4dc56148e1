//! Markdown documents, read with pulldown-cmark (GFM tables on).
//!
//! The breadcrumb is the first heading, or paragraph that is a single bold span, whose text
//! contains `>`. Error-code tables are the GFM tables whose header's roles make one (see
//! `roles.rs`: a code and a key or a message, or a code and a description under an
//! error-code title), and plain-text tables pasted into the page (a header line outside
//! any table, and the lines after it, read as plain text up to the next heading, table or
//! code block). Each table stands in the section of the headings above it. pulldown-cmark silently drops cells beyond the
//! header's count, so rows are also split by hand to catch an unescaped `|`.
//!
//! GFM also drops whole rows without a word: a blank line or a heading ends a table, and
//! the `| 4000002 | KEY | message |` lines after it are a paragraph. So every line outside
//! tables, fenced code and HTML comments is looked at once, whatever container holds it
//! (block quotes at any depth, list items tight or loose): one that reads as a row (see
//! `row_line`) is an error when an error-code table is beside it: after the table, with no
//! other table between, or after a heading and before the table's header. Such lines
//! elsewhere, away from error-code tables, are left alone. A table whose rows start with
//! integers but whose header is not an error-code table's is named too, on a page that has
//! one (see `Reader::finish`).

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::plain::{self, Place, Step};
use super::roles::{Role, Roles, Tie, is_error_code_title, misspelled};
use super::{
    Cell, LineIndex, Parsed, RawRow, RawTable, collapse_whitespace, identifier_keys, is_titled,
    reads_as_integer,
};
use crate::diagnostic::{Detached, Diagnostic, DiagnosticKind, Field, Span};

/// Parses `text` as markdown. Returns `None` when it has no error-code table, or only
/// pasted plain-text tables and no markdown breadcrumb, so that the caller can try plain
/// text.
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
        pasted: None,
        found_pasted: false,
        next_line: 0,
        strays: Strays::default(),
        unread: Vec::new(),
        section: 0,
        sections: Vec::new(),
        headings: Vec::new(),
    };
    let mut events = Parser::new_ext(text, options).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                // A heading ends a pasted table before its own line is read. Its text may be a
                // row that a `---` line turned into a setext heading.
                reader.scan_to(range.start);
                reader.end_pasted();
                reader.scan_to(range.end);
                reader.heading_starts();
                reader.heading(&mut events, level as usize);
            }
            Event::Start(Tag::Paragraph) => reader.paragraph(&mut events),
            // Fenced code shows examples, and an HTML comment hides what the writer meant to
            // hide; any other HTML block shows its lines as text, so they are looked at.
            Event::Start(Tag::HtmlBlock)
                if !text[range.start..].trim_start().starts_with("<!--") => {}
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)) | Tag::HtmlBlock) => {
                reader.scan_to(range.start);
                reader.end_pasted();
                reader.skip_to(range.end);
            }
            Event::Start(Tag::Table(_)) => {
                reader.scan_to(range.start);
                reader.end_pasted();
                reader.table(&mut events, range.clone());
                reader.skip_to(range.end);
            }
            _ => {}
        }
    }
    reader.scan_to(text.len());
    reader.end_pasted();
    reader.report_strays(None);
    reader.finish()
}

/// The state of one markdown read.
struct Reader<'a> {
    file: &'a Arc<str>,
    text: &'a str,
    lines: &'a LineIndex<'a>,
    parsed: Parsed,
    /// Whether a GFM error-code table was found.
    found_table: bool,
    /// The pasted plain-text table being read, if any.
    pasted: Option<plain::Table>,
    /// Whether a pasted plain-text table was found.
    found_pasted: bool,
    /// The first line not yet looked at for rows outside tables.
    next_line: usize,
    strays: Strays,
    /// The tables that are not error-code tables but whose rows start with integers.
    unread: Vec<Unread>,
    /// The section being read: the number of headings so far.
    section: usize,
    /// The sections that hold an error-code table, GFM or pasted.
    sections: Vec<usize>,
    /// The headings that the next table stands under: the last one read, and each heading
    /// of higher rank before it, outermost first.
    headings: Vec<Heading>,
}

/// A heading that tables may stand under.
struct Heading {
    /// 1 for `#`, up to 6.
    level: usize,
    /// Its text, as a reader sees it.
    text: Arc<str>,
    /// Whether it is the page's breadcrumb, which is never a section.
    breadcrumb: bool,
}

/// A table that was not read although its rows start with integers: its header, and the
/// error-code columns its header lacks.
struct Unread {
    header: Span,
    missing: Vec<Field>,
    /// Whether it is meant to be an error-code table: it has a key column but its code
    /// column's header is misspelled. Its rows are lost, so that is an error; a table that
    /// may be another kind is a warning.
    meant: bool,
    /// Whether it is named only in the section of an error-code table: elsewhere it may be
    /// another kind of table.
    beside_only: bool,
    /// The section it is in (see `Reader::section`).
    section: usize,
}

/// Lines outside every table that read as rows, and the error-code table they may belong to.
#[derive(Default)]
struct Strays {
    /// The last error-code table, when no other table came after it.
    above: Option<Above>,
    /// Where the row lines are that came since the last heading or table: reported once it
    /// is known which table they are beside, if any.
    pending: Vec<Span>,
}

/// The last error-code table of a page while no other table has come after it: the table
/// that row lines after it are detached from.
struct Above {
    /// The table's header.
    header: Span,
    /// Whether a heading came after the table, which ends it before a blank line would.
    after_heading: bool,
}

impl Above {
    /// The table whose header is `header`, with nothing after it yet.
    fn table(header: Span) -> Above {
        Above {
            header,
            after_heading: false,
        }
    }
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
    /// Looks at every line not yet looked at that ends by `offset`: a line of a pasted
    /// plain-text table, the header of one, or a line that reads as a row outside any table.
    fn scan_to(&mut self, offset: usize) {
        let lines = self.lines.lines();
        while let Some(range) = lines.get(self.next_line).filter(|line| line.end <= offset) {
            self.next_line += 1;
            let line = &self.text[range.clone()];
            if line.trim().is_empty() {
                continue;
            }
            let place = Place {
                file: self.file,
                lines: self.lines,
                range: range.clone(),
            };
            if let Some(table) = &mut self.pasted {
                match table.line(&place, &mut self.parsed.diagnostics) {
                    Step::Read => continue,
                    Step::End => self.end_pasted(),
                }
            }
            let (section, titled) = self.placement();
            if let Some(columns) = plain::header(line, titled) {
                let span = self.lines.span(self.file, range.start);
                self.table_starts(&span, true);
                self.pasted = Some(plain::Table::new(span, columns, section));
                self.found_pasted = true;
                self.sections.push(self.section);
            } else if let Some(at) = row_line(line) {
                let span = self.lines.span(self.file, range.start + at);
                self.strays.pending.push(span);
            }
        }
    }

    /// Passes over the lines that start before `offset`: they belong to a table, a fenced
    /// code block or an HTML block.
    fn skip_to(&mut self, offset: usize) {
        let lines = self.lines.lines();
        while lines
            .get(self.next_line)
            .is_some_and(|line| line.start < offset)
        {
            self.next_line += 1;
        }
    }

    /// Ends the pasted plain-text table being read, if any: rows after it are detached from
    /// it, as from a GFM table.
    fn end_pasted(&mut self) {
        if let Some(table) = self.pasted.take() {
            self.strays.above = Some(Above::table(table.header().clone()));
            table.close(&mut self.parsed);
        }
    }

    /// A heading ends the section: the rows before it are reported against the table above.
    fn heading_starts(&mut self) {
        self.section += 1;
        self.end_pasted();
        self.report_strays(None);
        if let Some(above) = &mut self.strays.above {
            above.after_heading = true;
        }
    }

    /// The page read: what it holds, or `None` when it holds no error-code table that makes
    /// it markdown. Unread tables with integer rows are named when the page has an
    /// error-code table: an error when their header names two of the three columns (it is
    /// meant to be one), a warning when it names one, and a warning when it names none but
    /// stands in the section of an error-code table.
    ///
    /// A page without an error-code table whose only tables with integer rows are unread
    /// for a header that names a code or a key column (`| Code | Mesage |`) is markdown
    /// too, and each such table is an error at its header: the page has nothing else, so
    /// the header is what to fix. Its parse has no tables.
    fn finish(mut self) -> Option<Parsed> {
        let markdown = self.found_table || (self.found_pasted && self.parsed.breadcrumb.is_some());
        if !markdown {
            let broken: Vec<Diagnostic> = self
                .unread
                .into_iter()
                .filter(|unread| !unread.beside_only)
                .map(|unread| {
                    let kind = DiagnosticKind::UnreadTable {
                        missing: unread.missing,
                    };
                    Diagnostic::error(kind, unread.header)
                })
                .collect();
            // A pasted table without a breadcrumb may still make the page plain text.
            if broken.is_empty() || self.found_pasted || !self.parsed.tables.is_empty() {
                return None;
            }
            self.parsed.diagnostics = broken;
            return Some(self.parsed);
        }
        for Unread {
            header,
            missing,
            meant,
            beside_only,
            section,
        } in self.unread
        {
            // A table that names none of the columns, or only a code and a description away
            // from an error-code title, is named only beside an error-code table, in its
            // section: elsewhere it is another kind of table (request fields, a list of a
            // field's values), whatever its first column holds.
            // Sections are numbered in page order, so the list is sorted.
            if beside_only && self.sections.binary_search(&section).is_err() {
                continue;
            }
            let kind = DiagnosticKind::UnreadTable { missing };
            self.parsed.diagnostics.push(if meant {
                Diagnostic::error(kind, header)
            } else {
                Diagnostic::warning(kind, header)
            });
        }
        Some(self.parsed)
    }

    /// A table starts with the header at `header`; `error_code` tells whether it is an
    /// error-code table. The rows before it go to the table above when only a blank line
    /// separates them from it, otherwise to this table when it is an error-code table.
    fn table_starts(&mut self, header: &Span, error_code: bool) {
        match self.strays.above {
            Some(Above {
                after_heading: false,
                ..
            }) => self.report_strays(None),
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
            (None, Some(above)) if above.after_heading => (&above.header, Detached::AfterHeading),
            (None, Some(above)) => (&above.header, Detached::AfterBlankLine),
            (None, None) => {
                self.strays.pending.clear();
                return;
            }
        };
        // Row lines one right after the other are one run, and one diagnostic.
        let mut pending = self.strays.pending.drain(..).peekable();
        while let Some(first) = pending.next() {
            let mut last = first.line;
            while let Some(next) = pending.next_if(|span| span.line == last + 1) {
                last = next.line;
            }
            let lines = first.line..=last;
            let label = if first.line == last {
                "the table it belongs to"
            } else {
                "the table they belong to"
            };
            let kind = DiagnosticKind::DetachedRow { how, lines };
            let diagnostic = Diagnostic::error(kind, first).with_related(table.clone(), label);
            self.parsed.diagnostics.push(diagnostic);
        }
    }

    /// Reads a heading of `level`: the breadcrumb if none is known yet and its text
    /// contains `>`, and the heading that the tables after it stand under.
    fn heading<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>,
        level: usize,
    ) {
        let mut inline = Inline::default();
        for (event, range) in events.by_ref() {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                break;
            }
            inline.push(&event, &range);
        }
        let text: Arc<str> = collapse_whitespace(&inline.text).into();
        let breadcrumb = self.offer_breadcrumb(inline);
        while self.headings.last().is_some_and(|h| h.level >= level) {
            self.headings.pop();
        }
        self.headings.push(Heading {
            level,
            text,
            breadcrumb,
        });
    }

    /// Where a table starting now stands: its section, and whether it is under an
    /// error-code title (the breadcrumb's, or the nearest heading's). A section is the
    /// nearest heading, or when that is an error-code title, the nearest heading of higher
    /// rank above it; the breadcrumb is never one.
    fn placement(&self) -> (Option<Arc<str>>, bool) {
        let page = self
            .parsed
            .breadcrumb
            .as_ref()
            .is_some_and(|(crumb, _)| is_titled(crumb));
        let mut headings = self.headings.iter().rev();
        let Some(nearest) = headings.next() else {
            return (None, page);
        };
        let section = |heading: &Heading| (!heading.breadcrumb).then(|| Arc::clone(&heading.text));
        if nearest.breadcrumb {
            (None, page)
        } else if is_error_code_title(&nearest.text) {
            // The stack holds headings of rising rank, so the next is of higher rank.
            (headings.next().and_then(section), true)
        } else {
            (section(nearest), page)
        }
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

    /// Keeps `inline` as the breadcrumb if it is the first text offered that contains `>`;
    /// returns whether it did.
    fn offer_breadcrumb(&mut self, inline: Inline) -> bool {
        let taken = self.parsed.breadcrumb.is_none() && inline.text.contains('>');
        if taken {
            let span = self.lines.span(self.file, inline.start.unwrap_or_default());
            self.parsed.breadcrumb = Some((inline.text, span));
        }
        taken
    }

    /// Reads a table through its end, keeping it when it is an error-code table.
    fn table<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>,
        range: Range<usize>,
    ) {
        let mut header: Vec<Cell> = Vec::new();
        let mut columns = None;
        let mut rows = Vec::new();
        let mut written_rows = 0;
        let mut row: Vec<Cell> = Vec::new();
        let mut cell = Inline::default();
        let span = self.lines.span(self.file, range.start);
        let (section, titled) = self.placement();
        let mut diagnostics_before = 0;
        let mut numeric = false;
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
                    header = std::mem::take(&mut row);
                    let (roles, tie) = Roles::of(header.iter().map(|cell| cell.text.as_str()));
                    let error_code = roles.is_error_code_table(titled);
                    self.table_starts(&span, error_code);
                    if !error_code {
                        self.unread_table(events, span, &roles, titled);
                        return;
                    }
                    if let Some(tie) = tie {
                        self.tie(&header, tie);
                    }
                    self.misspellings(&header);
                    diagnostics_before = self.parsed.diagnostics.len();
                    columns = Some(roles);
                }
                Event::Start(Tag::TableRow) => row.clear(),
                Event::End(TagEnd::TableRow) => {
                    written_rows += 1;
                    if let Some(columns) = &columns {
                        let cells = std::mem::take(&mut row);
                        let code = columns.code.and_then(|code| cells.get(code));
                        numeric |= code.is_some_and(|code| reads_as_integer(&code.text));
                        rows.extend(self.row(cells, columns, header.len(), range));
                    }
                }
                event => cell.push(&event, &range),
            }
        }
        // Codes that are names (`SERVICE_INITIALIZING | Description`) are another kind of
        // table: errdoc's codes are numbers. One number among them makes the others errors.
        if written_rows > 0 && !numeric {
            self.parsed.diagnostics.truncate(diagnostics_before);
            return;
        }
        self.found_table = true;
        self.sections.push(self.section);
        if written_rows == 0 {
            let empty = Diagnostic::error(DiagnosticKind::EmptyTable, span.clone());
            self.parsed.diagnostics.push(empty);
        }
        let message_keys = identifier_keys(&mut rows);
        self.strays.above = Some(Above::table(span.clone()));
        self.parsed.tables.push(RawTable {
            span,
            section,
            message_keys,
            rows,
        });
    }

    /// Reports the header cells of an error-code table that misspell a role's name: their
    /// column would be dropped in silence.
    fn misspellings(&mut self, header: &[Cell]) {
        for cell in header {
            if let Some(name) = misspelled(&cell.text) {
                let kind = DiagnosticKind::MisspelledColumn {
                    header: cell.text.clone(),
                    name,
                };
                let diagnostic = Diagnostic::error(kind, cell.span.clone());
                self.parsed.diagnostics.push(diagnostic);
            }
        }
    }

    /// Reports two header cells that claim one role with equal rank.
    fn tie(&mut self, header: &[Cell], tie: Tie) {
        let (Some(first), Some(second)) = (header.get(tie.first), header.get(tie.second)) else {
            return;
        };
        let kind = DiagnosticKind::TiedColumns {
            field: tie.role.field(),
            first: first.text.clone(),
            second: second.text.clone(),
        };
        let diagnostic = Diagnostic::error(kind, second.span.clone());
        self.parsed
            .diagnostics
            .push(diagnostic.with_related(first.span.clone(), "read"));
    }

    /// Reads the body of a table that is not an error-code table, keeping it as unread when
    /// a row's cell in the code column (or the first) reads as an integer.
    fn unread_table<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, Range<usize>)>,
        header: Span,
        roles: &Roles,
        titled: bool,
    ) {
        let code = roles.code.unwrap_or(0);
        let (mut column, mut cell, mut integers) = (0, Inline::default(), false);
        for (event, range) in events.by_ref() {
            match event {
                Event::End(TagEnd::Table) => break,
                Event::Start(Tag::TableRow) => column = 0,
                Event::Start(Tag::TableCell) => cell = Inline::default(),
                Event::End(TagEnd::TableCell) => {
                    integers |= column == code && reads_as_integer(cell.text.trim());
                    column += 1;
                }
                event => cell.push(&event, &range),
            }
        }
        if !integers {
            return;
        }
        let texts = roles.key.is_some() || roles.message.is_some();
        let mut missing = Vec::new();
        if roles.code.is_none() {
            missing.push(Field::Code);
        }
        if !texts {
            missing.extend([Field::Key, Field::Message]);
        }
        // A code and a description away from an error-code title list a field's values.
        let values = roles.code.is_some() && roles.description.is_some() && !titled;
        let section = self.section;
        self.unread.push(Unread {
            header,
            meant: roles.code.is_none() && roles.key.is_some(),
            beside_only: missing.len() == 3 || values,
            missing,
            section,
        });
    }

    /// Builds a row from its cells, or reports it when it has more cells than the header.
    fn row(
        &mut self,
        cells: Vec<Cell>,
        columns: &Roles,
        header: usize,
        range: Range<usize>,
    ) -> Option<RawRow> {
        let span = self.lines.span(self.file, range.start);
        let found = count_cells(&self.text[range.clone()]);
        if found > header {
            let kind = DiagnosticKind::ExtraCells { header, found };
            self.parsed.diagnostics.push(Diagnostic::error(kind, span));
            return None;
        }
        // pulldown-cmark pads a short row with empty cells, placed after the row's newline;
        // they are placed just past its last character instead, and reported empty by lower.
        let line = first_line(&self.text[range.clone()]).trim_end();
        let end = self.lines.span(self.file, range.start + line.len());
        let take = |role: Role| {
            let index = columns.get(role)?;
            Some(match cells.get(index) {
                Some(cell) if index < found => cell.clone(),
                _ => Cell {
                    text: String::new(),
                    span: end.clone(),
                },
            })
        };
        Some(RawRow {
            span,
            code: take(Role::Code)?,
            key: take(Role::Key),
            message: take(Role::Message),
            description: take(Role::Description),
        })
    }
}

/// Where a line that reads as a table row starts, after the markers of the block quotes
/// and list items that hold it: a line whose first cell reads as an integer (`–1` too), in
/// code or emphasis markup or not, and that has a `|` before it (`| 4000001 | …`) or a `|`
/// or a tab after it (`4000001 | …`, a table without outer pipes; `4000001<TAB>…`, a row of
/// a pasted table). Prose does not start that way, and the rows of other tables are inside
/// tables.
fn row_line(line: &str) -> Option<usize> {
    let body = strip_containers(line);
    let first = match body.strip_prefix('|') {
        Some(cells) => cells.split('|').next().unwrap_or_default(),
        None => body.split_once(['|', '\t'])?.0,
    };
    let first = first.trim().trim_matches(['`', '*', '_']).trim();
    reads_as_integer(first).then_some(line.len() - body.len())
}

/// A line without the markers of the containers that hold it: indentation, block-quote
/// `>`s and list-item bullets or numbers (`- `, `* `, `+ `, `1. `, `1) `), at any depth.
fn strip_containers(line: &str) -> &str {
    let mut rest = line.trim_start();
    loop {
        let marker = if let Some(quoted) = rest.strip_prefix('>') {
            quoted
        } else if let Some(item) = rest.strip_prefix(['-', '*', '+']) {
            item
        } else {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match rest[digits..].strip_prefix(['.', ')']) {
                Some(item) if (1..=9).contains(&digits) => item,
                _ => return rest,
            }
        };
        // A bullet or number needs white space after it; a `>` does not.
        let spaced = marker.starts_with([' ', '\t']) || marker.is_empty();
        if !spaced && !rest.starts_with('>') {
            return rest;
        }
        rest = marker.trim_start();
    }
}

/// The first line of `text`: up to its first LF or CR.
fn first_line(text: &str) -> &str {
    text.split(['\n', '\r']).next().unwrap_or_default()
}

/// Counts the cells of a GFM table row as written: its first line, split on `|`, without
/// the optional outer pipes. As in cmark-gfm, a `|` right after a `\` never splits, even
/// after `\\`: the table is split before backslash escapes are read.
fn count_cells(row: &str) -> usize {
    let line = first_line(row).trim();
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
    use crate::Severity;

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
        let (key, message) = (row.key.as_ref().unwrap(), row.message.as_ref().unwrap());
        assert_eq!(key.text, "INPUT_QUERY");
        assert_eq!(message.text, "a l c b x & y | z | w");
        // The span is the first character a reader sees, inside the emphasis.
        assert_eq!((message.span.line, message.span.column), (3, 25));
    }

    #[test]
    fn a_pipe_in_a_code_span_still_splits_the_row() {
        let text = "| code | key | message |\n|---|---|---|\n| 1 | A | `c|d` |\n";
        let parsed = read(text).unwrap();
        assert!(parsed.tables[0].rows.is_empty());
        let kind = &parsed.diagnostics[0].kind;
        assert_eq!(
            *kind,
            DiagnosticKind::ExtraCells {
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
                DiagnosticKind::DetachedRow { how, .. } => {
                    let related = d.related.first().map_or(0, |r| r.span.line);
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
                (Detached::AfterBlankLine, 9, 5, 1),
            ]
        );
        // Rows one right after the other are one run: one diagnostic with their lines.
        let parsed = read(text).unwrap();
        let lines: Vec<_> = parsed.diagnostics.iter().map(Diagnostic::lines).collect();
        assert_eq!(lines, [5..=7, 9..=9]);
        assert_eq!(
            parsed.diagnostics[0].to_string(),
            "error[detached-row]: rows 5\u{2013}7 are not part of the table above: a markdown \
             table ends at a blank line or where another block starts\n \
             --> t.md:5:1 (the first of them)\n --> t.md:1:1 (the table they belong to)"
        );
        assert_eq!(parsed.tables[0].rows.len(), 1);
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
        // After the error-code table: prose with pipes and numbers, fenced code, HTML.
        let text = "## Intro\n| 0 | before any table |\n\n## A > B\n\
                    | code | key | message |\n|---|---|---|\n| 1 | A | a |\n\n\
                    Codes | like 5 | and 4000001 are numbers.\n| a | 6 |\n|  | 7 |\n\
                    \n```\n| 3 | C | c |\n```\n\n<!--\n| 4 | D | d |\n-->\n\n\
                    | n | what |\n|---|---|\n| one | 1 |\n\n| 2 | two |\n";
        assert_eq!(detached(text), []);
    }

    #[test]
    fn rows_in_any_container_are_detached_from_the_table_above() {
        let quoted = "> | code | key | message |\n> |---|---|---|\n> | 1 | A | a |\n>\n\
                      > | 4000001 | B | b |\n> > | 4000002 | C | c |\n";
        assert_eq!(detached(quoted), [(Detached::AfterBlankLine, 5, 3, 1)]);
        let listed = "- Codes:\n\n  | code | key | message |\n  |---|---|---|\n  | 1 | A | a |\n\
                      - | 2 | B | b |\n  * 3. | 3 | C | c |\n\n  | 4 | D | d |\n";
        assert_eq!(
            detached(listed),
            [
                (Detached::AfterBlankLine, 6, 3, 3),
                (Detached::AfterBlankLine, 9, 3, 3)
            ]
        );
        let html = "| code | key | message |\n|---|---|---|\n| 1 | A | a |\n\n<div>\n| 2 | B | b |\n</div>\n";
        assert_eq!(detached(html), [(Detached::AfterBlankLine, 6, 1, 1)]);
        let pipeless = "code | key | message\n---|---|---\n1 | A | a\n\n2 | B | b\n`-3` | C | c\n";
        assert_eq!(detached(pipeless), [(Detached::AfterBlankLine, 5, 1, 1)]);
        assert_eq!(read(pipeless).unwrap().tables[0].rows.len(), 1);
    }

    #[test]
    fn a_pasted_tab_separated_table_is_read_as_plain_text() {
        let text = "# Guide\n\n## AI Service > Eta Lens > Error Code\n\n\
                    resultCode\tresultKey\tresultMessage\n0\tSUCCESS\tSuccess.\n\
                    4010002\t\tUUID is invalid.\n\n5000001\tFAIL\tFailed.\n## Next\n\n\
                    4 is a number.\n";
        let parsed = read(text).expect("a markdown page");
        assert_eq!(
            parsed.breadcrumb.unwrap().0,
            "AI Service > Eta Lens > Error Code"
        );
        let rows: Vec<_> = parsed.tables[0]
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.text.as_str(),
                    r.key.as_ref().unwrap().text.as_str(),
                    r.span.line,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("0", "SUCCESS", 6),
                ("4010002", "", 7),
                ("5000001", "FAIL", 9)
            ]
        );
        assert_eq!(parsed.diagnostics, []);
        // Without a markdown breadcrumb, the page is left to the plain-text reader.
        assert!(read("A > B\n\nresultCode\tresultKey\tresultMessage\n1\tA\ta\n").is_none());
    }

    #[test]
    fn tables_with_integer_rows_are_never_skipped_in_silence() {
        let table =
            |header: &str| format!("{header}\n|---|---|---|\n| 4000001 | KEY | Message. |\n");
        let page = |other: &str| {
            format!(
                "## A > B\n\n{}\n{other}\n",
                table("| code | key | message |")
            )
        };
        let unread = |other: &str| {
            let parsed = read(&page(other)).unwrap();
            let found: Vec<_> = parsed
                .diagnostics
                .iter()
                .map(|d| (d.kind.clone(), d.severity, d.span.line))
                .collect();
            (found, parsed.tables.len())
        };
        // Invisible characters and fullwidth forms do not hide a header.
        let zwsp = table("| resultCode | resultKey | result\u{200b}Message |");
        assert_eq!(unread(&zwsp), (vec![], 2));
        let nbsp = table("| result\u{a0}Code | ｒｅｓｕｌｔＫｅｙ | resultMessage |");
        assert_eq!(unread(&nbsp), (vec![], 2));
        // A misspelled column is an error, and the rest of its table is read.
        let misspelled = table("| resultCode | resultKey | resultMesage |");
        let kind = DiagnosticKind::MisspelledColumn {
            header: "resultMesage".into(),
            name: "resultmessage",
        };
        assert_eq!(unread(&misspelled), (vec![(kind, Severity::Error, 7)], 2));
        // A code without a key or a message column is a warning; without a code, a table
        // with a key is meant to be one, and is an error.
        let keyless = table("| Code | Description | Note |");
        let missing = vec![Field::Key, Field::Message];
        assert_eq!(
            unread(&keyless),
            (
                vec![(
                    DiagnosticKind::UnreadTable { missing },
                    Severity::Warning,
                    7
                )],
                1
            )
        );
        let codeless = table("| Kode | resultKey | resultMessage |");
        let missing = vec![Field::Code];
        assert_eq!(
            unread(&codeless),
            (
                vec![(DiagnosticKind::UnreadTable { missing }, Severity::Error, 7)],
                1
            )
        );
        // A table that names none of the columns is named only in an error-code table's
        // section; under another heading it is another kind of table.
        let korean = table("| 번호 | 이름 | 내용 |");
        let missing = vec![Field::Code, Field::Key, Field::Message];
        assert_eq!(
            unread(&korean),
            (
                vec![(
                    DiagnosticKind::UnreadTable { missing },
                    Severity::Warning,
                    7
                )],
                1
            )
        );
        let status = format!("## Status\n\n{}", table("| Status | Name | Meaning |"));
        assert_eq!(unread(&status), (vec![], 1));
        // Tables whose rows do not start with integers are not error-code tables.
        let words = "| Name | Type | Description |\n|---|---|---|\n| a | b | c |\n";
        assert_eq!(unread(words), (vec![], 1));
    }

    /// Each table's section, and its rows' codes.
    fn sections(text: &str) -> Vec<(Option<String>, Vec<String>)> {
        let parsed = read(text).expect("a page with an error-code table");
        let tables = parsed.tables.iter();
        tables
            .map(|table| {
                let codes = table.rows.iter().map(|row| row.code.text.clone()).collect();
                (table.section.as_deref().map(str::to_owned), codes)
            })
            .collect()
    }

    const ERRORS: &str = "\n| resultCode | resultMessage | Description |\n|---|---|---|\n";

    #[test]
    fn a_table_stands_in_the_section_of_the_heading_above_it() {
        let page = format!(
            "## AI Service > Face > API v2.0 Guide{ERRORS}| 1 | A | a |\n\n\
             ## API\n### 그룹 생성\n#### 요청\n#### 응답\n#### Error Codes{ERRORS}| 2 | B | b |\n\n\
             ### Register face{ERRORS}| 3 | C | c |\n\n\
             #### 오류 코드{ERRORS}| 4 | D | d |\n\n\
             ## Error Codes{ERRORS}| 5 | E | e |\n"
        );
        let section = |name: &str, code: &str| (Some(name.to_owned()), vec![code.to_owned()]);
        assert_eq!(
            sections(&page),
            [
                // Under the breadcrumb alone: no section.
                (None, vec!["1".to_owned()]),
                // Under an error-code title: the heading of higher rank above it.
                section("그룹 생성", "2"),
                section("Register face", "3"),
                section("Register face", "4"),
                // An error-code title of the breadcrumb's rank: none above it.
                (None, vec!["5".to_owned()]),
            ]
        );
        // A page without headings has no sections; a page whose breadcrumb is bold text
        // takes its headings as they are.
        let bold = format!("**A > B > Error Code**\n\n## Common{ERRORS}| 1 | A | a |\n");
        assert_eq!(sections(&bold), [section("Common", "1")]);
        let bare = format!("{ERRORS}| 1 | A | a |\n");
        assert_eq!(sections(&bare), [(None, vec!["1".to_owned()])]);
    }

    #[test]
    fn a_code_and_a_description_make_a_table_only_under_an_error_code_title() {
        let table = "\n| Code | Description |\n|---|---|\n| 00 | Normal |\n";
        let guide = format!("## A > B > API Guide\n\n### Status{table}\n#### Error Codes{table}");
        let parsed = read(&guide).unwrap();
        assert_eq!(parsed.tables.len(), 1);
        assert_eq!(parsed.tables[0].span.line, 9);
        assert_eq!(parsed.tables[0].section.as_deref(), Some("Status"));
        // On an error-code page, every such table is one.
        let page = format!("## A > B > 오류 코드\n\n### Status{table}");
        assert_eq!(read(&page).unwrap().tables.len(), 1);
        assert!(read(&format!("## A > B > Guide\n{table}")).is_none());
    }

    #[test]
    fn a_message_column_of_identifiers_is_the_key_column() {
        let keys = |rows: &str| {
            let page = format!("## A > B{ERRORS}{rows}");
            let parsed = read(&page).unwrap();
            let table = &parsed.tables[0];
            let keys: Vec<Option<String>> = table
                .rows
                .iter()
                .map(|row| row.key.as_ref().map(|key| key.text.clone()))
                .collect();
            (table.message_keys, keys)
        };
        let some = |key: &str| Some(key.to_owned());
        assert_eq!(
            keys("| -40010 | InvalidGroupID | x |\n| 0 | LEADERBOARD_SUCCESS | y |\n"),
            (
                true,
                vec![some("InvalidGroupID"), some("LEADERBOARD_SUCCESS")]
            )
        );
        assert_eq!(
            keys("| 0 | SUCCESS | x |\n| 1 | The domain is invalid. | y |\n"),
            (false, vec![None, None])
        );
        assert_eq!(
            keys("| 0 | SUCCESS | x |\n| 1 | | y |\n"),
            (false, vec![None, None])
        );
        // A key column is the key column, whatever the messages are.
        let page = "## A > B\n\n| code | key | message |\n|---|---|---|\n| 1 | ONE | One |\n";
        assert!(!read(page).unwrap().tables[0].message_keys);
    }

    #[test]
    fn tied_columns_are_named_and_the_first_is_read() {
        let page = "## A > B\n\n| Code | Code | message |\n|---|---|---|\n| 1 | 2 | One |\n";
        let parsed = read(page).unwrap();
        let [tie] = parsed.diagnostics.as_slice() else {
            panic!("{:?}", parsed.diagnostics);
        };
        assert_eq!(
            tie.kind,
            DiagnosticKind::TiedColumns {
                field: Field::Code,
                first: "Code".into(),
                second: "Code".into()
            }
        );
        assert_eq!(
            (tie.span.column, tie.related.first().map(|r| r.span.column)),
            (10, Some(3))
        );
        assert_eq!(parsed.tables[0].rows[0].code.text, "1");
    }

    #[test]
    fn a_table_of_named_codes_is_another_kind_of_table() {
        let page = format!(
            "## A > B > Error Code\n\n| Error Code | Description |\n|---|---|\n\
             | FLOW_CYCLE | A cycle. |\n{ERRORS}| 1 | A | a |\n"
        );
        let parsed = read(&page).unwrap();
        assert_eq!(parsed.diagnostics, []);
        assert_eq!(parsed.tables.len(), 1);
        // One number among the names makes it an error-code table, and the names errors.
        let mixed = "## A > B > Error Code\n\n| Error Code | Description |\n|---|---|\n\
                     | FLOW_CYCLE | A cycle. |\n| 1 | One. |\n";
        let parsed = read(mixed).unwrap();
        assert_eq!(parsed.tables[0].rows.len(), 2);
    }

    #[test]
    fn the_work_of_placing_cells_is_linear_in_the_page() {
        for columns in [1_000, 4_000] {
            let header = "| h ".repeat(columns) + "|\n";
            let delimiter = "|---".repeat(columns) + "|\n";
            let page = format!(
                "## A > B\n\n{header}{delimiter}{}\n{TABLE}",
                "| 1 ".repeat(columns)
            );
            let lines = LineIndex::new(&page);
            parse(&Arc::from("t.md"), &page, &lines).unwrap();
            assert!(
                lines.counted() <= 2 * page.len(),
                "{columns} columns: {} characters counted for a page of {}",
                lines.counted(),
                page.len()
            );
        }
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
