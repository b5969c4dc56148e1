//! How `errdoc check` and `errdoc diff` print their findings: for people (`human`, the
//! source line and a caret under the column, as rustc shows it, through annotate-snippets),
//! for tools (`json`), for GitHub's pull-request annotations (`github`, workflow commands)
//! and for code scanning (`sarif`, SARIF 2.1.0 with every rule and its help).
//!
//! Every format prints the same findings in the same order, from one [`Finding`] per
//! diagnostic, so that a format never says more or less than another.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use errdoc::{Diagnostic, RULES, Severity, Span};
use serde_json::{Value, json};

/// An output format of `check` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// For people: each finding with its source line and a caret under the column.
    Human,
    /// For people and logs, one place a line: `error[rule]: message`, then ` --> file:line:col`
    /// for each place, as `errdoc::Report` prints diagnostics (and a failed build does).
    Concise,
    /// One JSON object: a `diagnostics` array and a `summary`.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), which annotate the
    /// pull request.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Whether `human` output is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, writing to a stream that is a terminal or not.
    pub(crate) fn colored(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
        }
    }
}

/// The documents' texts by path, for the source lines that `human` output shows.
pub(crate) type Texts = BTreeMap<String, String>;

/// What a run found, besides the findings: printed at the end, or as JSON's `summary`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Totals {
    /// The documents checked.
    pub(crate) documents: usize,
    /// The services and codes of their catalog.
    pub(crate) services: usize,
    pub(crate) codes: usize,
}

/// Prints `diagnostics` in `format`; `texts` gives the source lines for `human`.
pub(crate) fn render(
    format: OutputFormat,
    diagnostics: &[Diagnostic],
    totals: &Totals,
    texts: &Texts,
    color: bool,
) -> String {
    match format {
        OutputFormat::Human => human(diagnostics, texts, color),
        OutputFormat::Concise => errdoc::Report(diagnostics).to_string(),
        OutputFormat::Json => json(diagnostics, totals),
        OutputFormat::Github => github(diagnostics),
        OutputFormat::Sarif => sarif(diagnostics),
    }
}

/// The counts of errors and of warnings.
pub(crate) fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// The name of a severity in every format: `error` or `warning`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        _ => "warning",
    }
}

/// The human output: each finding with its lines, then a count line.
fn human(diagnostics: &[Diagnostic], texts: &Texts, color: bool) -> String {
    let lines = Lines::of(texts, diagnostics);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{}\n", renderer.render(&[group(diagnostic, &lines)]));
    }
    let (errors, warnings) = counts(diagnostics);
    let plural = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    match (errors, warnings) {
        (0, 0) => {}
        (0, w) => {
            let _ = writeln!(out, "warning: {}", plural(w, "warning"));
        }
        (e, 0) => {
            let _ = writeln!(out, "error: {} in the documents", plural(e, "error"));
        }
        (e, w) => {
            let _ = writeln!(
                out,
                "error: {} and {} in the documents",
                plural(e, "error"),
                plural(w, "warning")
            );
        }
    }
    out
}

/// One finding as annotate-snippets draws it: the title with the rule, the primary line
/// with a caret at the column, and each related line with its label.
fn group<'a>(diagnostic: &'a Diagnostic, lines: &'a Lines<'a>) -> Group<'a> {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        _ => Level::WARNING,
    };
    let title = level
        .primary_title(diagnostic.kind.to_string())
        .id(diagnostic.kind.rule());
    let label = diagnostic.label.unwrap_or_default();
    let primary = snippet(&diagnostic.span, label, AnnotationKind::Primary, lines);
    let related = diagnostic
        .related
        .iter()
        .map(|related| snippet(&related.span, related.label, AnnotationKind::Context, lines));
    title.element(primary).elements(related)
}

/// The line of `span` with an annotation at its column, or the place alone when the text
/// is not at hand (a file that could not be read as text).
fn snippet<'a>(
    span: &'a Span,
    label: &'a str,
    kind: AnnotationKind,
    lines: &'a Lines<'a>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let line = lines.get(span);
    // The column counts characters; the annotation takes bytes.
    let start = line
        .char_indices()
        .nth(span.column.saturating_sub(1) as usize)
        .map_or(line.len(), |(at, _)| at);
    let end = line[start..]
        .char_indices()
        .nth(1)
        .map_or(line.len(), |(at, _)| start + at)
        .max(start);
    Snippet::source(line)
        .line_start(span.line as usize)
        .path(&*span.file)
        .annotation(kind.span(start..end).label(label))
}

/// The lines of the documents that findings point into, split once per document as errdoc
/// numbers them (LF, CR or CRLF ends a line), so that n findings in a page of m lines cost
/// n + m, not n × m.
pub(crate) struct Lines<'a> {
    by_file: BTreeMap<&'a str, Vec<&'a str>>,
}

impl<'a> Lines<'a> {
    /// The lines of every document of `texts` that a diagnostic points into.
    pub(crate) fn of(texts: &'a Texts, diagnostics: &[Diagnostic]) -> Lines<'a> {
        let mut by_file = BTreeMap::new();
        let files = diagnostics.iter().flat_map(|diagnostic| {
            let related = diagnostic.related.iter().map(|related| &related.span);
            std::iter::once(&diagnostic.span).chain(related)
        });
        for span in files {
            if let Some((file, text)) = texts.get_key_value(&*span.file) {
                by_file
                    .entry(file.as_str())
                    .or_insert_with(|| split_lines(text));
            }
        }
        Lines { by_file }
    }

    /// The text of the line `span` is on, or `""` when the document is not at hand.
    pub(crate) fn get(&self, span: &Span) -> &'a str {
        let index = span.line.saturating_sub(1) as usize;
        let lines = self.by_file.get(&*span.file);
        lines
            .and_then(|lines| lines.get(index))
            .copied()
            .unwrap_or("")
    }
}

/// A text's lines, without their endings: LF, CR and CRLF each end a line.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        lines.push(&rest[..end]);
        rest = &rest[end..];
        rest = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix(['\n', '\r']))
            .unwrap_or(rest);
    }
    lines
}

/// One diagnostic as JSON: its rule, severity, message, place and related places.
fn diagnostic_json(diagnostic: &Diagnostic) -> Value {
    let related: Vec<Value> = diagnostic
        .related
        .iter()
        .map(|related| {
            json!({
                "file": &*related.span.file,
                "line": related.span.line,
                "column": related.span.column,
                "label": related.label,
            })
        })
        .collect();
    let mut value = json!({
        "rule": diagnostic.kind.rule(),
        "severity": level(diagnostic.severity),
        "message": diagnostic.kind.to_string(),
        "file": &*diagnostic.span.file,
        "line": diagnostic.span.line,
        "column": diagnostic.span.column,
        "related": related,
    });
    // A run of rows is one finding over its lines.
    let lines = diagnostic.lines();
    if lines.end() > lines.start() {
        value["end_line"] = json!(lines.end());
    }
    value
}

/// The JSON output: `{"diagnostics": [...], "summary": {...}}`.
fn json(diagnostics: &[Diagnostic], totals: &Totals) -> String {
    let (errors, warnings) = counts(diagnostics);
    let value = json!({
        "diagnostics": diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
        "summary": {
            "documents": totals.documents,
            "services": totals.services,
            "codes": totals.codes,
            "errors": errors,
            "warnings": warnings,
        },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// GitHub workflow commands, one line a finding:
/// `::error file=F,line=L,col=C,title=errdoc (rule)::message`.
pub(crate) fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let span = &diagnostic.span;
        let mut message = diagnostic.kind.to_string();
        for related in &diagnostic.related {
            let _ = write!(
                message,
                "\n{}: {}:{}:{}",
                related.label, related.span.file, related.span.line, related.span.column
            );
        }
        let lines = diagnostic.lines();
        let end = if lines.end() > lines.start() {
            format!(",endLine={}", lines.end())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "::{} file={},line={}{end},col={},title={}::{}",
            level(diagnostic.severity),
            property(&span.file),
            span.line,
            span.column,
            property(&format!("errdoc ({})", diagnostic.kind.rule())),
            data(&message)
        );
    }
    out
}

/// A workflow command's message, escaped as the runner reads it back.
pub(crate) fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped: its message's escapes, and `:` and `,`.
pub(crate) fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// SARIF 2.1.0: one run of the tool `errdoc`, every rule with its help, and each finding
/// with its rule, level, place and related places.
fn sarif(diagnostics: &[Diagnostic]) -> String {
    sarif_text(&sarif_log(diagnostics))
}

/// A SARIF log as its file holds it: pretty-printed, ending in a newline.
pub(crate) fn sarif_text(log: &Value) -> String {
    let mut text = serde_json::to_string_pretty(log).unwrap_or_default();
    text.push('\n');
    text
}

/// A SARIF log of the diagnostics, as a value that `errdoc diff` adds its own rules and
/// results to (`runs[0].tool.driver.rules`, `runs[0].results`).
pub(crate) fn sarif_log(diagnostics: &[Diagnostic]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": {
                    "text": format!("{}\n\nExample:\n{}\n\nFix: {}", rule.summary, rule.example, rule.fix),
                    "markdown": format!("{}\n\nExample:\n\n```markdown\n{}\n```\n\nFix: {}", rule.summary, rule.example, rule.fix),
                },
                "helpUri": format!("{}#{}", RULES_URI, rule.id),
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let index = |id: &str| RULES.iter().position(|rule| rule.id == id);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|diagnostic| {
            let rule = diagnostic.kind.rule();
            let related: Vec<Value> = (0..)
                .zip(&diagnostic.related)
                .map(|(id, related)| {
                    let mut value = sarif_location(&related.span);
                    value["id"] = json!(id);
                    value["message"] = json!({ "text": related.label });
                    value
                })
                .collect();
            let mut primary = sarif_location(&diagnostic.span);
            let lines = diagnostic.lines();
            if lines.end() > lines.start() {
                primary["physicalLocation"]["region"]["endLine"] = json!(lines.end());
            }
            let mut result = json!({
                "ruleId": rule,
                "level": level(diagnostic.severity),
                "message": { "text": diagnostic.kind.to_string() },
                "locations": [primary],
                "relatedLocations": related,
            });
            if let Some(index) = index(rule) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "errdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "results": results,
        }],
    })
}

/// A place as a SARIF location: the file's URI, the line and the column.
pub(crate) fn sarif_location(span: &Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&span.file) },
            "region": { "startLine": span.line, "startColumn": span.column },
        }
    })
}

/// Where the rules are documented, for SARIF's `helpUri`.
const RULES_URI: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/RULES.md");

/// A path as a SARIF artifact URI: relative, with `/` separators and percent-escapes for
/// the characters a URI reference cannot hold.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
