//! Pages written in every layout the docs are found in, with each row's line known, so that
//! a test or a fuzz target can hold errdoc to "nothing lost": every row that a page writes
//! is read into the catalog or named by a diagnostic at its line.
//!
//! A layout is a format (a GFM table with or without outer pipes, a tab-separated table
//! pasted into a markdown page, a plain-text copy separated by tabs or by spaces), a
//! container for the markdown table (block quotes, a list item, tight or loose), a line
//! ending (LF, CR, CRLF or a mix), front matter or not, and lines of noise between the rows:
//! blank lines, text, group labels, merge-conflict markers and headings. The property
//! tests draw layouts with proptest, the `nothing_lost` fuzz target from its bytes; both
//! share this file, so it uses nothing but the standard library and errdoc.

#![allow(dead_code)]

use errdoc::{Checked, DiagnosticKind};

/// How a page's table is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A GFM table with outer pipes.
    Piped,
    /// A GFM table without outer pipes.
    Pipeless,
    /// A tab-separated table pasted under a markdown heading.
    PastedTabs,
    /// A plain-text copy of the rendered page, cells separated by tabs.
    PlainTabs,
    /// A plain-text copy, cells separated by spaces.
    PlainWords,
    /// A plain-text page whose header was typed with spaces and whose rows were copied
    /// with tabs.
    PlainMixed,
}

/// What holds a markdown table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// Nothing: the table is at the top level.
    None,
    /// Block quotes, this many deep (1 or more).
    Quote(u8),
    /// A list item whose table starts on its bullet line.
    TightItem,
    /// A list item whose table follows a blank line.
    LooseItem,
}

/// How lines end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Lf,
    Cr,
    CrLf,
    /// CR, CRLF and LF in turn.
    Mixed,
}

/// A line between two rows that is not a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Noise {
    Blank,
    /// Text; it is written after `note ` without `>` or line breaks, so that it is neither
    /// a footer nor a breadcrumb, which end a plain-text table by rule.
    Text(String),
    /// A group label, as some tables have between groups of rows.
    Label,
    /// A merge-conflict marker: `<<<<<<<`, `=======` or `>>>>>>>`, by the number given.
    Marker(u8),
    /// A markdown heading.
    Heading,
}

/// A page's layout.
#[derive(Clone, Debug)]
pub struct Layout {
    pub format: Format,
    pub container: Container,
    pub ending: Ending,
    pub front_matter: bool,
    /// Noise lines, each written after the row of its index (modulo the row count).
    pub noise: Vec<(usize, Noise)>,
}

/// A written page: its file name, its bytes, and the line of each row.
pub struct Page {
    pub name: &'static str,
    pub text: String,
    pub row_lines: Vec<u32>,
}

/// Writes `rows` (code, key, message; messages of words and punctuation without `|`) as a
/// page of the service `crumb` in `layout`.
pub fn write(crumb: &str, rows: &[(i32, String, String)], layout: &Layout) -> Page {
    let markdown = !matches!(
        layout.format,
        Format::PlainTabs | Format::PlainWords | Format::PlainMixed
    );
    let mut lines: Vec<String> = Vec::new();
    if layout.front_matter {
        lines.extend(["---", "title: front > matter", "---"].map(str::to_owned));
    }
    lines.push(if markdown {
        format!("## {crumb}")
    } else {
        crumb.to_owned()
    });
    lines.push(String::new());
    let (prefix, first) = match (layout.format, layout.container) {
        (Format::Piped | Format::Pipeless, Container::Quote(depth)) => {
            ("> ".repeat(depth.into()), None)
        }
        (Format::Piped | Format::Pipeless, Container::TightItem) => {
            ("  ".to_owned(), Some("- Codes:"))
        }
        (Format::Piped | Format::Pipeless, Container::LooseItem) => {
            ("  ".to_owned(), Some("- Codes:\n"))
        }
        _ => (String::new(), None),
    };
    if let Some(first) = first {
        lines.extend(first.split('\n').map(str::to_owned));
    }
    let cells = |code: &str, key: &str, message: &str| match layout.format {
        Format::Piped => format!("| {code} | {key} | {message} |"),
        Format::Pipeless => format!("{code} | {key} | {message}"),
        Format::PastedTabs | Format::PlainTabs | Format::PlainMixed => {
            format!("{code}\t{key}\t{message}")
        }
        Format::PlainWords => format!("{code} {key} {message}"),
    };
    // A tight item's table starts on its bullet line: a table without outer pipes cannot
    // follow a line of text.
    let gfm = matches!(layout.format, Format::Piped | Format::Pipeless);
    let bullet = if gfm && layout.container == Container::TightItem {
        "- "
    } else {
        &prefix
    };
    let header = match layout.format {
        Format::PlainMixed => "resultCode resultKey resultMessage".to_owned(),
        _ => cells("resultCode", "resultKey", "resultMessage"),
    };
    lines.push(bullet.to_owned() + &header);
    if matches!(layout.format, Format::Piped | Format::Pipeless) {
        lines.push(prefix.clone() + &cells("---", "---", "---"));
    }
    let mut row_lines = Vec::with_capacity(rows.len());
    for (index, (code, key, message)) in rows.iter().enumerate() {
        lines.push(prefix.clone() + &cells(&code.to_string(), key, message));
        row_lines.push(lines.len());
        for (_, noise) in layout
            .noise
            .iter()
            .filter(|(at, _)| at % rows.len().max(1) == index)
        {
            let line = match noise {
                Noise::Blank => String::new(),
                Noise::Text(text) => {
                    let text: String = text
                        .chars()
                        .map(|c| {
                            if matches!(c, '>' | '\n' | '\r') {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    format!("note {text}")
                }
                Noise::Label => "Recognition errors".to_owned(),
                Noise::Marker(n) => {
                    ["<<<<<<< HEAD", "=======", ">>>>>>> docs"][usize::from(n % 3)].to_owned()
                }
                Noise::Heading => "### More errors".to_owned(),
            };
            // A blank line in a block quote keeps its `>`s; a list item's is empty.
            lines.push(if line.is_empty() {
                prefix.trim_end().to_owned()
            } else {
                prefix.clone() + &line
            });
        }
    }
    if !markdown {
        lines.push("TOP".to_owned());
    }
    let endings = match layout.ending {
        Ending::Lf => &["\n"][..],
        Ending::Cr => &["\r"][..],
        Ending::CrLf => &["\r\n"][..],
        Ending::Mixed => &["\r", "\r\n", "\n"][..],
    };
    let text = lines
        .iter()
        .enumerate()
        .map(|(index, line)| line.clone() + endings[index % endings.len()])
        .collect();
    Page {
        name: if markdown { "page.md" } else { "page.txt" },
        text,
        row_lines: row_lines
            .into_iter()
            .map(|line| u32::try_from(line).unwrap())
            .collect(),
    }
}

/// The rows of `page` that errdoc neither read nor named: each row line must be a source of
/// an entry, or the line of a diagnostic, unless the whole page is rejected (no table that
/// markdown or plain text reads, as when a list item's first line swallows a table without
/// pipes).
pub fn lost(page: &Page, checked: &Checked) -> Vec<u32> {
    if checked
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::NoTable)
    {
        return Vec::new();
    }
    let read = checked
        .catalog
        .services()
        .iter()
        .flat_map(|service| service.entries())
        .flat_map(|entry| entry.locations())
        .map(|location| location.line());
    // A diagnostic names every line of its run (detached rows one after the other).
    let named = checked
        .diagnostics
        .iter()
        .flat_map(errdoc::Diagnostic::lines);
    let accounted: std::collections::BTreeSet<u32> = read.chain(named).collect();
    page.row_lines
        .iter()
        .copied()
        .filter(|line| !accounted.contains(line))
        .collect()
}

/// Holds errdoc's reading of `page`, written from `rows` in `layout`, to "nothing lost":
/// every row read or named at its line, and, when the layout adds no noise, the rows read
/// back exactly and without an error. The error says what failed, with the page and the
/// diagnostics.
pub fn verify(
    page: &Page,
    rows: &[(i32, String, String)],
    layout: &Layout,
    checked: &Checked,
) -> Result<(), String> {
    let report = || format!("{:?}\n{}", page.text, errdoc::Report(&checked.diagnostics));
    let lost = lost(page, checked);
    if !lost.is_empty() {
        return Err(format!(
            "rows at lines {lost:?} are neither read nor named in {}",
            report()
        ));
    }
    if !layout.noise.is_empty() {
        return Ok(());
    }
    if checked.has_errors() {
        return Err(format!("a page without noise has errors: {}", report()));
    }
    let read: Vec<_> = checked
        .catalog
        .services()
        .iter()
        .flat_map(|service| service.entries())
        .map(|entry| {
            (
                entry.code(),
                entry.key().unwrap_or_default().to_owned(),
                entry.message().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut written = rows.to_vec();
    written.sort();
    if read != written {
        return Err(format!(
            "read {read:?}, not the rows written, from {}",
            report()
        ));
    }
    Ok(())
}
