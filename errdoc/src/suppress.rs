//! Inline suppressions: comments in a markdown page that silence rules, as linters' are.
//!
//! `<!-- errdoc-disable RULE[, RULE] -->` silences the rules for the rest of the page, from
//! its own line on; `<!-- errdoc-disable-next-line RULE[, RULE] -->` for the next line only.
//! A comment inside fenced code is an example, not a suppression. A suppression that
//! silences nothing is itself a warning (`unused-suppression`, as ruff's `RUF100`), so that
//! stale ones do not pile up; it cannot be silenced, except by the configuration.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::parse::{LineIndex, Source, line_ranges};

/// Drops the diagnostics that a page's suppression comments silence, and adds a warning for
/// each rule of a suppression that silenced nothing.
pub fn suppress(sources: &[Source], diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut suppressions: Vec<Suppression> = sources.iter().flat_map(scan).collect();
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|diagnostic| {
            let rule = diagnostic.kind.rule();
            let file = &diagnostic.span.file;
            let line = diagnostic.span.line;
            let mut silenced = false;
            for suppression in &mut suppressions {
                if suppression.span.file == *file && suppression.covers(line) {
                    if let Some(used) = suppression.rule_mut(rule) {
                        *used = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        })
        .collect();
    for suppression in suppressions {
        for (rule, used) in suppression.rules {
            if !used {
                let kind = DiagnosticKind::UnusedSuppression { rule };
                kept.push(Diagnostic::warning(kind, suppression.span.clone()));
            }
        }
    }
    kept
}

/// One suppression comment: where it is, what it covers, and its rules with whether each
/// silenced something.
struct Suppression {
    span: Span,
    scope: Scope,
    rules: Vec<(String, bool)>,
}

/// The lines a suppression covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// From this line to the end of the page.
    From(u32),
    /// This line alone.
    Line(u32),
}

impl Suppression {
    /// Whether the suppression covers line `line`.
    fn covers(&self, line: u32) -> bool {
        match self.scope {
            Scope::From(first) => line >= first,
            Scope::Line(only) => line == only,
        }
    }

    /// Whether the rule `rule` is one of the suppression's, and its use mark.
    fn rule_mut(&mut self, rule: &str) -> Option<&mut bool> {
        let found = self.rules.iter_mut().find(|(name, _)| name == rule);
        found.map(|(_, used)| used)
    }
}

/// The suppression comments of a page, outside fenced code.
fn scan(source: &Source) -> Vec<Suppression> {
    let Ok(text) = std::str::from_utf8(&source.bytes) else {
        return Vec::new();
    };
    // Nothing to find in a page without the word: most pages cost one search.
    if !text.contains("errdoc-disable") {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for (index, range) in line_ranges(text).enumerate() {
        let line = &text[range.clone()];
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fence = Some(marker);
            continue;
        }
        let Some((at, directive, rules)) = comment(line) else {
            continue;
        };
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let scope = match directive {
            Directive::Disable => Scope::From(number),
            Directive::DisableNextLine => Scope::Line(number.saturating_add(1)),
        };
        found.push(Suppression {
            span: lines.span(&Arc::clone(&source.path), range.start + at),
            scope,
            rules: rules.into_iter().map(|rule| (rule, false)).collect(),
        });
    }
    found
}

/// What a suppression comment says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Directive {
    Disable,
    DisableNextLine,
}

/// The suppression comment in a line, if any: its byte offset, directive and rules.
fn comment(line: &str) -> Option<(usize, Directive, Vec<String>)> {
    let at = line.find("<!--")?;
    let inner = line[at + 4..].split_once("-->")?.0.trim();
    let (directive, rest) = if let Some(rest) = inner.strip_prefix("errdoc-disable-next-line") {
        (Directive::DisableNextLine, rest)
    } else {
        (Directive::Disable, inner.strip_prefix("errdoc-disable")?)
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rules: Vec<String> = rest
        .split([',', ' ', '\t'])
        .filter(|rule| !rule.is_empty())
        .map(str::to_owned)
        .collect();
    (!rules.is_empty()).then_some((at, directive, rules))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;

    /// The rules and lines of what `errdoc check` reports for a page, suppressions applied.
    fn findings(page: &str) -> Vec<(String, u32)> {
        let sources = [Source::new("page.md", page)];
        let diagnostics = suppress(&sources, check(&sources).diagnostics);
        let found = diagnostics.iter();
        found
            .map(|d| (d.kind.rule().to_owned(), d.span.line))
            .collect()
    }

    const HEAD: &str = "## A > B > Error Code\n\n| code | key | message |\n|---|---|---|\n";

    #[test]
    fn a_comment_silences_its_rules_for_the_rest_of_the_page_or_the_next_line() {
        let rows = "| 1 | ONE | One. |\n| 1 | ONE | One. |\n\n| 2 | TWO | Two. |\n";
        let page = format!("{HEAD}{rows}");
        let found = |rule: &str, line| (rule.to_owned(), line);
        assert_eq!(
            findings(&page),
            [found("detached-row", 8), found("repeated-row", 6)]
        );
        // The next line only (an HTML comment ends a table, so it stands before a table's
        // header or outside tables, or inside a row's last cell).
        let next = format!(
            "{HEAD}| 1 | ONE | One. |\n| 1 | ONE | One. <!-- errdoc-disable-next-line x --> |\n\n\
             <!-- errdoc-disable-next-line detached-row -->\n| 2 | TWO | Two. |\n\n| 3 | THREE | Three. |\n"
        );
        assert_eq!(
            findings(&next),
            [
                found("detached-row", 11),
                found("repeated-row", 6),
                found("unused-suppression", 6)
            ]
        );
        let rest = format!("<!-- errdoc-disable repeated-row, detached-row -->\n{page}");
        assert_eq!(findings(&rest), []);
        // Before the comment, the rules still hold.
        let after = format!(
            "{HEAD}| 1 | ONE | One. |\n| 1 | ONE | One. |\n\n\
                             <!-- errdoc-disable detached-row -->\n| 2 | TWO | Two. |\n"
        );
        assert_eq!(findings(&after), [found("repeated-row", 6)]);
    }

    #[test]
    fn a_suppression_that_silences_nothing_is_a_warning() {
        let page = format!(
            "<!-- errdoc-disable duplicate-code -->\n{HEAD}| 1 | ONE | One. |\n\
             | 2 | TWO | Two. |\n<!-- errdoc-disable-next-line repeated-row, no-such-rule -->\n\
             | 3 | THREE | Three. |\n"
        );
        let found = |rule: &str, line| (rule.to_owned(), line);
        assert_eq!(
            findings(&page),
            [
                found("detached-row", 9),
                found("unused-suppression", 1),
                found("unused-suppression", 8),
                found("unused-suppression", 8),
            ]
        );
    }

    #[test]
    fn comments_in_fenced_code_are_examples() {
        let page = format!(
            "{HEAD}| 1 | ONE | One. |\n| 1 | ONE | One. |\n\n```\n<!-- errdoc-disable repeated-row -->\n```\n"
        );
        assert_eq!(findings(&page), [("repeated-row".into(), 6)]);
    }

    #[test]
    fn only_the_two_directives_are_comments_errdoc_reads() {
        assert_eq!(comment("<!-- errdoc-disabled x -->"), None);
        assert_eq!(comment("<!-- errdoc-disable -->"), None);
        assert_eq!(comment("<!-- other -->"), None);
        assert_eq!(
            comment("  <!--errdoc-disable-next-line a,b -->"),
            Some((2, Directive::DisableNextLine, vec!["a".into(), "b".into()]))
        );
    }
}
