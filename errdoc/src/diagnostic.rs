//! Problems found in documents, and where they are.
//!
//! Every stage returns its result together with the diagnostics it collected, so one run
//! reports every problem instead of stopping at the first. A diagnostic is a typed [`DiagnosticKind`],
//! the [`Span`] it is about with a label and, for a duplicate or a conflict, the other
//! places, each labeled (like regex-syntax's auxiliary span). Every kind has a stable rule
//! ID ([`DiagnosticKind::rule`]), documented in [`RULES`] with its default severity, an
//! example and its fix. Its `Display` is in the style of rustc, the arrows in the order of
//! the places:
//!
//! ```text
//! error[duplicate-code]: code `4000101` is listed twice with different keys: `B` and `A`
//!  --> seeds/ocr.md:12:3 (listed again here)
//!  --> seeds/ocr.md:9:3 (listed here first)
//! ```
//!
//! Document text in a message, and the file name, are shown escaped (the crate's `escape`
//! module), so that no document can write a terminal control sequence or a bidirectional
//! override into a log.

use std::fmt;
use std::ops::RangeInclusive;
use std::sync::Arc;

use crate::escape::{Escaped, invisible_name};
use crate::parse::Lookalike;

mod rules;

pub use rules::{RULES, RuleInfo};

/// A place in a document: the file as it was found, and a 1-based line and column.
///
/// Columns count characters, not bytes, so they match what an editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The document's path, as it was found (relative when given relative).
    pub file: Arc<str>,
    /// The line, counting from 1.
    pub line: u32,
    /// The column in characters, counting from 1.
    pub column: u32,
}

impl Span {
    /// The span for a problem with a whole file: its first line and column.
    pub(crate) fn file(file: &Arc<str>) -> Span {
        Span {
            file: Arc::clone(file),
            line: 1,
            column: 1,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", Escaped(&self.file), self.line, self.column)
    }
}

/// Whether a diagnostic stops the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// The documents cannot be turned into code.
    Error,
    /// Something was repaired (a repeated row merged); the code is still right.
    Warning,
}

/// Which field of a row a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The numeric result code.
    Code,
    /// The upper-case result key.
    Key,
    /// The human-readable result message, as the server sends it.
    Message,
    /// The documentation's description of the code.
    Description,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Code => "code",
            Field::Key => "key",
            Field::Message => "message",
            Field::Description => "description",
        })
    }
}

/// Why a markdown line that reads as a row is not part of the error-code table beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Detached {
    /// The row comes after the table, and what ends a GFM table came between: a blank line
    /// (or the start of another block), so the row is a paragraph.
    AfterBlankLine,
    /// The row comes after the table and a heading, which ends the table; under a heading,
    /// rows need a header row and a delimiter row of their own.
    AfterHeading,
    /// The row comes before the table's header, and a GFM table starts at its header.
    BeforeHeader,
}

/// What is wrong. Each kind has its own fixture under `errdoc/tests/data/err`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The file is not UTF-8.
    NotUtf8,
    /// The file holds nothing but white space.
    Empty,
    /// The document has an error-code table but no breadcrumb to name its service.
    NoBreadcrumb,
    /// The document has no error-code table, in markdown or in plain text.
    NoTable,
    /// An error-code table has a header and no rows.
    EmptyTable,
    /// Markdown lines outside every table read as rows of the error-code table beside them
    /// (each starts with `|` and a cell that is an integer), but markdown shows them as
    /// text, so their rows would be lost. One diagnostic covers a run of such lines, one
    /// after the other; the span is the first, the related span that table's header.
    DetachedRow {
        /// Why the lines are not part of the table.
        how: Detached,
        /// The lines of the run, first to last.
        lines: RangeInclusive<u32>,
    },
    /// Lines between two rows of a plain-text table are not rows: a message wrapped onto
    /// a second line, a group label, a merge-conflict marker. Rows go on after them, so
    /// they are not text after the table. One diagnostic covers a run of such lines, one
    /// after the other; the span is the first, the related span the table's header.
    NotARow {
        /// The lines of the run, first to last.
        lines: RangeInclusive<u32>,
    },
    /// A line right under the last row of a plain-text table, with no blank line between,
    /// is not a row: it may be the rest of the row's message, wrapped by a browser's copy,
    /// so the message read may be cut short. A warning; the related span is the row.
    TextAfterRows,
    /// A table whose header names an error-code column and whose rows start with integers
    /// is not read, on a page with an error-code table, because its header lacks these
    /// columns. An error when it lacks one (the header is misspelled), a warning when it
    /// lacks two (it may be another kind of table).
    UnreadTable {
        /// The columns the header does not name.
        missing: Vec<Field>,
    },
    /// Two columns of a table's header claim one role with the same rank (two `Code`
    /// columns, `설명` twice), so which one to read is not known. The related span is the
    /// first; the first is read.
    TiedColumns {
        /// The role both claim.
        field: Field,
        /// The first column's header.
        first: String,
        /// The second column's header.
        second: String,
    },
    /// A column of an error-code table's header names no role, but is one or two letters
    /// off a role's name (`resultMesage`), so its text would be dropped in silence.
    MisspelledColumn {
        /// The header as written.
        header: String,
        /// The role name it is near, folded (`resultmessage`).
        name: &'static str,
    },
    /// A markdown row has more cells than its header, so text would be dropped.
    ExtraCells {
        /// Cells in the header.
        header: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A row has no value for a field.
    Missing(Field),
    /// A code is not a decimal integer that fits `i32`.
    InvalidCode {
        /// The code cell's text.
        text: String,
        /// When the text would be a decimal integer but for characters that look like an
        /// ASCII sign or digit (`–1` with an en dash), each of them once, in order, and the
        /// message names them; otherwise empty.
        lookalikes: Vec<Lookalike>,
    },
    /// A key of a key column does not match `[A-Z][A-Z0-9_]*`. When the text holds characters a reader
    /// cannot see or tell from a space (`INVALID\u{200b}_UUID`), the message names each.
    InvalidKey(String),
    /// A row repeats an earlier row of the same table exactly; it is merged.
    RepeatedRow(i32),
    /// One code is listed with two different keys or messages.
    CodeConflict {
        /// The code.
        code: i32,
        /// Which field differs.
        field: Field,
        /// The value at the earlier place.
        first: String,
        /// The value here.
        second: String,
    },
    /// One key is listed with two different codes.
    KeyConflict {
        /// The key.
        key: String,
        /// The code at the earlier place.
        first: i32,
        /// The code here.
        second: i32,
    },
    /// Two keys of one service give the same Rust variant.
    VariantCollision {
        /// The shared variant name.
        variant: String,
        /// The key at the earlier place.
        first: String,
        /// The key here.
        second: String,
    },
    /// A service name gives no Rust identifier.
    NoIdentifier(String),
    /// Two different services give the same Rust module, or the same `Service` variant.
    ModuleCollision {
        /// The name both would take: a module (`data_flow`) or a variant (`Service::A1`).
        name: String,
        /// The earlier service path.
        first: String,
        /// The service path here.
        second: String,
    },
    /// A page lists a code that another language version of it does not (the pages' paths
    /// differ only in a language segment, `STT/ko/…` and `STT/zh/…`). The span is the page
    /// without the code, the related span the row of the page that has it.
    TranslationMissingCode {
        /// The code the page lacks.
        code: i32,
        /// The path of the language version that lists it.
        sibling: String,
    },
    /// Language versions of one page name different services in their breadcrumbs, so the
    /// page would split into two services. The span is this page's breadcrumb, the
    /// related span the other version's.
    TranslationServiceMismatch {
        /// The service this page names (`AI Service > STT`).
        service: String,
        /// The service its other language versions name.
        expected: String,
    },
    /// A suppression comment or a configured ignore names a rule that it suppresses
    /// nothing of, so it can go (as ruff's `RUF100`).
    UnusedSuppression {
        /// The rule ID the suppression names.
        rule: String,
    },
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiagnosticKind::NotUtf8 => f.write_str("document is not valid UTF-8"),
            DiagnosticKind::Empty => f.write_str("document is empty"),
            DiagnosticKind::NoBreadcrumb => f.write_str(
                "no breadcrumb names the service (a heading like `## Product > Service > Error Code`)",
            ),
            DiagnosticKind::NoTable => f.write_str(
                "no error-code table (a table with a code column and a key or message column, `resultCode | resultMessage`, or a code and a description column under an error-code title)",
            ),
            DiagnosticKind::EmptyTable => f.write_str("error-code table has no rows"),
            DiagnosticKind::DetachedRow { how, lines } => {
                let why = match how {
                    Detached::AfterBlankLine => {
                        "above: a markdown table ends at a blank line or where another block starts"
                    }
                    Detached::AfterHeading => "above: a heading ends a markdown table",
                    Detached::BeforeHeader => {
                        "below: a markdown table starts at its header row"
                    }
                };
                match Run(lines) {
                    Run(lines) if lines.start() == lines.end() => f.write_str("row is")?,
                    run => write!(f, "rows {run} are")?,
                }
                write!(f, " not part of the table {why}")
            }
            DiagnosticKind::NotARow { lines } => {
                match Run(lines) {
                    Run(lines) if lines.start() == lines.end() => {
                        f.write_str("line between rows is not a row")?
                    }
                    run => write!(f, "lines {run} between rows are not rows")?,
                }
                f.write_str(": write each row on one line, with a code, a key and a message")
            }
            DiagnosticKind::TextAfterRows => f.write_str(
                "line right under the last row is not a row: if it continues the row's message, join the two lines",
            ),
            DiagnosticKind::UnreadTable { missing } => {
                f.write_str("table with integer codes is not read: its header has no ")?;
                for (index, field) in missing.iter().enumerate() {
                    let separator = match index {
                        0 => "",
                        _ if index + 1 == missing.len() => " or ",
                        _ => ", ",
                    };
                    let name = match field {
                        Field::Code => "resultCode",
                        Field::Key => "resultKey",
                        Field::Message => "resultMessage",
                        Field::Description => "Description",
                    };
                    write!(f, "{separator}`{name}`")?;
                }
                f.write_str(" column")
            }
            DiagnosticKind::TiedColumns {
                field,
                first,
                second,
            } => write!(
                f,
                "columns `{}` and `{}` both name the table's {field}: keep one, or qualify one with its language (`(English)`)",
                Escaped(first),
                Escaped(second)
            ),
            DiagnosticKind::MisspelledColumn { header, name } => write!(
                f,
                "column `{}` is not read: it names no column errdoc knows; did you mean `{name}`?",
                Escaped(header)
            ),
            DiagnosticKind::ExtraCells { header, found } => write!(
                f,
                "row has {found} cells but the header has {header}; write a `|` inside a cell as `\\|`"
            ),
            DiagnosticKind::Missing(field) => write!(f, "row has no {field}"),
            DiagnosticKind::InvalidCode { text, lookalikes } => {
                write!(
                    f,
                    "`{}` is not a code (a decimal integer that fits in 32 bits)",
                    Escaped(text)
                )?;
                for (index, lookalike) in lookalikes.iter().enumerate() {
                    let separator = if index == 0 { ": " } else { "; " };
                    write!(f, "{separator}{lookalike}")?;
                }
                write_invisibles(f, text)
            }
            DiagnosticKind::InvalidKey(text) => {
                write!(
                    f,
                    "`{}` is not a key (upper-case letters, digits and `_`, starting with a letter)",
                    Escaped(text)
                )?;
                write_invisibles(f, text)
            }
            DiagnosticKind::RepeatedRow(code) => write!(
                f,
                "row for code `{code}` repeats an earlier row of the same table; merged"
            ),
            DiagnosticKind::CodeConflict {
                code,
                field,
                first,
                second,
            } => write!(
                f,
                "code `{code}` is listed twice with different {field}s: `{}` and `{}`",
                // In the order of the places printed: this row's, then the other's.
                Escaped(second),
                Escaped(first)
            ),
            DiagnosticKind::KeyConflict { key, first, second } => write!(
                f,
                "key `{}` is listed with two codes: `{second}` and `{first}`",
                Escaped(key)
            ),
            DiagnosticKind::VariantCollision {
                variant,
                first,
                second,
            } => write!(
                f,
                "keys `{}` and `{}` both become the variant `{variant}`",
                Escaped(second),
                Escaped(first)
            ),
            DiagnosticKind::NoIdentifier(name) => {
                write!(f, "service name `{}` gives no Rust identifier", Escaped(name))
            }
            DiagnosticKind::ModuleCollision {
                name,
                first,
                second,
            } => write!(
                f,
                "services `{}` and `{}` both become `{name}`",
                Escaped(second),
                Escaped(first)
            ),
            DiagnosticKind::TranslationMissingCode { code, sibling } => write!(
                f,
                "code `{code}` is not listed here, but its language version `{}` lists it",
                Escaped(sibling)
            ),
            DiagnosticKind::TranslationServiceMismatch { service, expected } => write!(
                f,
                "breadcrumb names the service `{}`, but the page's other language versions name `{}`",
                Escaped(service),
                Escaped(expected)
            ),
            DiagnosticKind::UnusedSuppression { rule } => write!(
                f,
                "suppression of `{}` suppresses nothing; remove it",
                Escaped(rule)
            ),
        }
    }
}

/// A run of lines as a message shows it: `8–9`.
struct Run<'a>(&'a RangeInclusive<u32>);

impl fmt::Display for Run<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{2013}{}", self.0.start(), self.0.end())
    }
}

/// Names the characters of `text` that a reader cannot see or tell from a space, after the
/// rest of a message: `: it contains U+200B ZERO WIDTH SPACE, …`.
fn write_invisibles(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for (index, (c, name)) in invisibles(text).into_iter().enumerate() {
        let separator = if index == 0 { ": it contains " } else { ", " };
        write!(f, "{separator}U+{:04X} {name}", u32::from(c))?;
    }
    Ok(())
}

/// The characters of `text` that a reader cannot see or tell from a space, each once and in
/// order, with their Unicode names.
fn invisibles(text: &str) -> Vec<(char, &'static str)> {
    let mut found: Vec<(char, &'static str)> = Vec::new();
    for c in text.chars() {
        if let Some(name) = invisible_name(c) {
            if !found.iter().any(|&(known, _)| known == c) {
                found.push((c, name));
            }
        }
    }
    found
}

/// One problem, with the place it is about and, for a duplicate or conflict, the other
/// places, each with a label that says what it is.
///
/// errdoc's stages make diagnostics; a command line that adds its own (an unused
/// suppression) builds one with [`Diagnostic::new`]. The fields are public to read, and a
/// command line may change a severity, as `--deny-warnings` and per-rule settings do.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Whether this stops the build.
    pub severity: Severity,
    /// What is wrong.
    pub kind: DiagnosticKind,
    /// Where it is wrong: the first line of a run of lines ([`Diagnostic::lines`]).
    pub span: Span,
    /// What the span shows (`listed again here`), if a label says more than the message.
    pub label: Option<&'static str>,
    /// The other places involved, in the order printed: the first occurrence of a
    /// duplicate or a conflict, the table a detached row belongs to.
    pub related: Vec<Related>,
}

/// Another place a diagnostic is about, and what it is there.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Related {
    /// Where it is.
    pub span: Span,
    /// What it is (`listed here first`, `the table it belongs to`).
    pub label: &'static str,
}

impl Related {
    /// A related place and its label.
    pub fn new(span: Span, label: &'static str) -> Related {
        Related { span, label }
    }
}

impl Diagnostic {
    /// A diagnostic of `kind` at `span`, with its rule's default severity and its kind's
    /// label, and no related place.
    pub fn new(kind: DiagnosticKind, span: Span) -> Diagnostic {
        let severity = RuleInfo::get(kind.rule()).map_or(Severity::Error, |rule| rule.severity);
        let label = kind.label();
        Diagnostic {
            severity,
            kind,
            span,
            label,
            related: Vec::new(),
        }
    }

    /// An error at `span`.
    pub(crate) fn error(kind: DiagnosticKind, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            ..Diagnostic::new(kind, span)
        }
    }

    /// A warning at `span`.
    pub(crate) fn warning(kind: DiagnosticKind, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(kind, span)
        }
    }

    /// The same diagnostic, also pointing at `span`, labeled `label`, after the places it
    /// points at already.
    #[must_use]
    pub fn with_related(mut self, span: Span, label: &'static str) -> Diagnostic {
        self.related.push(Related { span, label });
        self
    }

    /// The same diagnostic, its span labeled `label` instead of its kind's label.
    #[must_use]
    pub fn with_label(self, label: &'static str) -> Diagnostic {
        Diagnostic {
            label: Some(label),
            ..self
        }
    }

    /// The stable ID of the rule this diagnostic breaks (`duplicate-code`): see [`RULES`].
    pub fn rule(&self) -> &'static str {
        self.kind.rule()
    }

    /// The lines the diagnostic is about, first to last: the span's line alone, or a run
    /// of lines (detached rows, lines between rows) that starts at the span.
    pub fn lines(&self) -> RangeInclusive<u32> {
        match &self.kind {
            DiagnosticKind::DetachedRow { lines, .. } | DiagnosticKind::NotARow { lines } => {
                lines.clone()
            }
            _ => self.span.line..=self.span.line,
        }
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: {}", self.rule(), self.kind)?;
        let places = std::iter::once((&self.span, self.label))
            .chain(self.related.iter().map(|r| (&r.span, Some(r.label))));
        for (span, label) in places {
            write!(f, "\n --> {span}")?;
            if let Some(label) = label {
                write!(f, " ({label})")?;
            }
        }
        Ok(())
    }
}

/// Diagnostics as `errdoc check` prints them, and a failed build script too: each followed
/// by a blank line then, when any is an error, a last line that counts the errors.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a>(pub &'a [Diagnostic]);

impl Report<'_> {
    /// The number of errors among the diagnostics.
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in self.0 {
            write!(f, "{diagnostic}\n\n")?;
        }
        match self.errors() {
            0 => Ok(()),
            1 => writeln!(f, "error: 1 error in the documents"),
            n => writeln!(f, "error: {n} errors in the documents"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message for a rejected code, with the look-alikes the parser finds in it.
    fn invalid(text: &str) -> String {
        crate::parse::invalid_code(text.to_owned()).to_string()
    }

    #[test]
    fn a_code_with_a_lookalike_names_the_character() {
        assert_eq!(
            invalid("\u{2013}1"),
            "`\u{2013}1` is not a code (a decimal integer that fits in 32 bits): \
             `\u{2013}` is U+2013 EN DASH, not `-`"
        );
        assert_eq!(
            invalid("\u{2212}4000001"),
            "`\u{2212}4000001` is not a code (a decimal integer that fits in 32 bits): \
             `\u{2212}` is U+2212 MINUS SIGN, not `-`"
        );
        assert_eq!(
            invalid("\u{2014}\u{ff14}0\u{ff14}\u{2014}"),
            "`\u{2014}\u{ff14}0\u{ff14}\u{2014}` is not a code (a decimal integer that fits in 32 bits)",
            "two signs do not make an integer"
        );
        assert_eq!(
            invalid("\u{2014}\u{ff14}0\u{ff14}"),
            "`\u{2014}\u{ff14}0\u{ff14}` is not a code (a decimal integer that fits in 32 bits): \
             `\u{2014}` is U+2014 EM DASH, not `-`; `\u{ff14}` is U+FF14 FULLWIDTH DIGIT FOUR, not `4`"
        );
    }

    #[test]
    fn a_code_with_invisible_characters_names_them() {
        assert_eq!(
            invalid("4000001\u{200b}"),
            "`4000001\\u{200b}` is not a code (a decimal integer that fits in 32 bits): \
             it contains U+200B ZERO WIDTH SPACE"
        );
        assert_eq!(
            invalid("\u{2013}1\u{a0}"),
            "`\u{2013}1\u{a0}` is not a code (a decimal integer that fits in 32 bits): \
             it contains U+00A0 NO-BREAK SPACE"
        );
    }

    #[test]
    fn a_key_with_invisible_characters_names_them() {
        let invalid = |text: &str| DiagnosticKind::InvalidKey(text.to_owned()).to_string();
        let rule = "is not a key (upper-case letters, digits and `_`, starting with a letter)";
        assert_eq!(
            invalid("INVALID\u{200b}_UUID"),
            format!("`INVALID\\u{{200b}}_UUID` {rule}: it contains U+200B ZERO WIDTH SPACE")
        );
        assert_eq!(
            invalid("SOFT\u{ad}HYPHEN\u{200b}AND\u{200b}ZWSP\u{ad}"),
            format!(
                "`SOFT\\u{{ad}}HYPHEN\\u{{200b}}AND\\u{{200b}}ZWSP\\u{{ad}}` {rule}: \
                 it contains U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE"
            ),
            "each character once, in order"
        );
        assert_eq!(
            invalid("NO\u{a0}BREAK\u{3000}"),
            format!(
                "`NO\u{a0}BREAK\u{3000}` {rule}: \
                 it contains U+00A0 NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE"
            ),
            "spaces are shown as they are, and named"
        );
        assert_eq!(
            invalid("BAD\u{1b}[2K\u{202e}"),
            format!(
                "`BAD\\u{{1b}}[2K\\u{{202e}}` {rule}: \
                 it contains U+001B ESCAPE, U+202E RIGHT-TO-LEFT OVERRIDE"
            )
        );
        assert_eq!(invalid("invalid_key"), format!("`invalid_key` {rule}"));
        assert_eq!(invalid("한글 키"), format!("`한글 키` {rule}"));
    }

    #[test]
    fn document_text_in_a_message_is_escaped() {
        let conflict = DiagnosticKind::CodeConflict {
            code: 1,
            field: Field::Message,
            first: "one\u{1b}]8;;http://evil\u{1b}\\ link".to_owned(),
            second: "two\u{202e}owt\u{9b}2K".to_owned(),
        };
        assert_eq!(
            conflict.to_string(),
            "code `1` is listed twice with different messages: \
             `two\\u{202e}owt\\u{9b}2K` and `one\\u{1b}]8;;http://evil\\u{1b}\\ link`"
        );
        let span = Span::file(&Arc::from("evil\u{1b}[2K\r.md"));
        assert_eq!(span.to_string(), "evil\\u{1b}[2K\\r.md:1:1");
        assert_eq!(
            DiagnosticKind::NoIdentifier("\u{200f}".to_owned()).to_string(),
            "service name `\\u{200f}` gives no Rust identifier"
        );
    }

    #[test]
    fn other_invalid_codes_are_not_explained() {
        for text in crate::parse::lookalike::tests::NOT_LOOKALIKES {
            assert_eq!(
                invalid(text),
                format!(
                    "`{}` is not a code (a decimal integer that fits in 32 bits)",
                    Escaped(text)
                ),
                "{text}"
            );
        }
        assert_eq!(
            invalid("9999999999"),
            "`9999999999` is not a code (a decimal integer that fits in 32 bits)"
        );
    }
}
