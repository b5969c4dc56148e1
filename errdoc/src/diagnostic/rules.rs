//! The rules a document can break: each diagnostic kind's stable ID, and the table that
//! documents them all ([`RULES`]), from which `RULES.md` and SARIF's rule help are made.
//!
//! An ID never changes once published: configurations, suppressions and baselines name
//! rules by it.

use super::{DiagnosticKind, Field, Severity};

/// One rule: its stable ID, its default severity, and its documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RuleInfo {
    /// The stable, kebab-case ID (`duplicate-code`), as diagnostics print it.
    pub id: &'static str,
    /// The severity a diagnostic of this rule has unless configured otherwise.
    pub severity: Severity,
    /// What the rule means, in one line.
    pub summary: &'static str,
    /// A short snippet of a page that breaks the rule, markdown unless it says otherwise.
    pub example: &'static str,
    /// How to fix the page.
    pub fix: &'static str,
}

impl RuleInfo {
    /// The rule with this ID, if there is one.
    pub fn get(id: &str) -> Option<&'static RuleInfo> {
        RULES.iter().find(|rule| rule.id == id)
    }
}

impl DiagnosticKind {
    /// The stable ID of the rule a diagnostic of this kind breaks (`duplicate-code`); every
    /// ID is in [`RULES`].
    pub fn rule(&self) -> &'static str {
        match self {
            DiagnosticKind::NotUtf8 => "not-utf8",
            DiagnosticKind::Empty => "empty-document",
            DiagnosticKind::NoBreadcrumb => "no-breadcrumb",
            DiagnosticKind::NoTable => "no-error-code-table",
            DiagnosticKind::EmptyTable => "empty-table",
            DiagnosticKind::DetachedRow { .. } => "detached-row",
            DiagnosticKind::NotARow { .. } => "not-a-row",
            DiagnosticKind::TextAfterRows => "text-after-rows",
            DiagnosticKind::UnreadTable { .. } => "unread-table",
            DiagnosticKind::TiedColumns { .. } => "tied-columns",
            DiagnosticKind::MisspelledColumn { .. } => "misspelled-column",
            DiagnosticKind::ExtraCells { .. } => "extra-cells",
            DiagnosticKind::Missing(Field::Code) => "missing-code",
            DiagnosticKind::Missing(Field::Key) => "missing-key",
            DiagnosticKind::Missing(Field::Message) => "missing-message",
            DiagnosticKind::Missing(Field::Description) => "missing-description",
            DiagnosticKind::InvalidCode { .. } => "invalid-code",
            DiagnosticKind::InvalidKey(_) => "invalid-key",
            DiagnosticKind::RepeatedRow(_) => "repeated-row",
            // A code is what a key or a message hangs on, so two keys for it are a duplicate
            // code; a code and a description are never in conflict (descriptions may differ).
            DiagnosticKind::CodeConflict {
                field: Field::Key | Field::Code,
                ..
            } => "duplicate-code",
            DiagnosticKind::CodeConflict { .. } => "conflicting-message",
            DiagnosticKind::KeyConflict { .. } => "duplicate-key",
            DiagnosticKind::VariantCollision { .. } => "variant-collision",
            DiagnosticKind::NoIdentifier(_) => "no-identifier",
            DiagnosticKind::ModuleCollision { .. } => "module-collision",
            DiagnosticKind::TranslationMissingCode { .. } => "translation-missing-code",
            DiagnosticKind::TranslationServiceMismatch { .. } => "translation-service-mismatch",
            DiagnosticKind::UnusedSuppression { .. } => "unused-suppression",
        }
    }

    /// What a diagnostic's own span shows, when a label says more than the message.
    pub(super) fn label(&self) -> Option<&'static str> {
        match self {
            DiagnosticKind::NotUtf8 => Some("the first byte that is not UTF-8"),
            DiagnosticKind::EmptyTable => Some("a header without rows"),
            DiagnosticKind::DetachedRow { lines, .. } | DiagnosticKind::NotARow { lines }
                if lines.start() != lines.end() =>
            {
                Some("the first of them")
            }
            DiagnosticKind::DetachedRow { .. } => Some("this row"),
            DiagnosticKind::NotARow { .. } | DiagnosticKind::TextAfterRows => Some("this line"),
            DiagnosticKind::UnreadTable { .. } => Some("this header"),
            DiagnosticKind::TiedColumns { .. } => Some("not read"),
            DiagnosticKind::RepeatedRow(_) => Some("repeated here"),
            DiagnosticKind::CodeConflict { .. }
            | DiagnosticKind::KeyConflict { .. }
            | DiagnosticKind::VariantCollision { .. } => Some("listed again here"),
            DiagnosticKind::ModuleCollision { .. } => Some("named again here"),
            _ => None,
        }
    }
}

/// Every rule, in the order of the pipeline (reading, parsing, then merging), then the
/// rules of the command line's checks across language versions and of suppressions.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "not-utf8",
        severity: Severity::Error,
        summary: "The file is not valid UTF-8.",
        example: "a page saved as EUC-KR or Shift JIS",
        fix: "Save the file as UTF-8.",
    },
    RuleInfo {
        id: "empty-document",
        severity: Severity::Error,
        summary: "The file holds nothing but white space.",
        example: "an empty `error-code.md`",
        fix: "Write the page, or delete the file.",
    },
    RuleInfo {
        id: "no-breadcrumb",
        severity: Severity::Error,
        summary: "The page has an error-code table but no breadcrumb to name its service.",
        example: "`| resultCode | resultMessage |` with no `>` heading above",
        fix: "Start the page with a breadcrumb heading: `## AI Service > OCR > Error Code`.",
    },
    RuleInfo {
        id: "no-error-code-table",
        severity: Severity::Error,
        summary: "The page has no error-code table, in markdown or in plain text.",
        example: "a page of prose, or a table without a code column",
        fix: "Give the table a code column and a key or message column (`resultCode | resultMessage`), or a description column under an error-code title; or do not check the page.",
    },
    RuleInfo {
        id: "empty-table",
        severity: Severity::Error,
        summary: "An error-code table has a header and no rows.",
        example: "`| resultCode | resultMessage |` and `|---|---|`, then nothing",
        fix: "Add the rows, or remove the header.",
    },
    RuleInfo {
        id: "detached-row",
        severity: Severity::Error,
        summary: "Rows outside a markdown table read as its rows, but markdown shows them as text; one diagnostic per run of lines.",
        example: "a blank line between a table's last row and `| 4000002 | INVALID_KEY | Invalid key. |`",
        fix: "Remove the blank line or heading between the rows and their table, or give them a header row and a delimiter row of their own.",
    },
    RuleInfo {
        id: "not-a-row",
        severity: Severity::Error,
        summary: "Lines between the rows of a plain-text table are not rows (a wrapped message, a group label, a merge-conflict marker); one diagnostic per run of lines.",
        example: "a tab-separated row `4000001 INVALID Invalid`, then `parameter.` on the next line, then more rows",
        fix: "Write each row on one line, with a code, a key and a message; remove labels and markers.",
    },
    RuleInfo {
        id: "text-after-rows",
        severity: Severity::Warning,
        summary: "A line right under a plain-text table's last row is not a row, and may be the rest of its message.",
        example: "a plain-text table's last row `5000001 SERVER_ERROR The server`, then `failed.` right under it",
        fix: "Join the line to the row if it continues the message, or put a blank line between.",
    },
    RuleInfo {
        id: "unread-table",
        severity: Severity::Error,
        summary: "A table whose rows start with integer codes is not read because its header lacks a role's column: an error when the header is meant as an error-code table's, a warning when it may be another kind of table.",
        example: "`| Code | Mesage |` over rows `| 4000001 | Invalid parameter. |`",
        fix: "Name the missing column as errdoc knows it (`resultMessage`, `resultKey`, `resultCode`).",
    },
    RuleInfo {
        id: "tied-columns",
        severity: Severity::Error,
        summary: "Two columns claim one role with the same rank, so which to read is not known; the first is read.",
        example: "`| resultCode | errorCode | resultMessage |`",
        fix: "Keep one of the columns, or qualify one with its language (`resultMessage (English)`).",
    },
    RuleInfo {
        id: "misspelled-column",
        severity: Severity::Error,
        summary: "A column of an error-code table is one or two letters off a role's name, so its text would be dropped.",
        example: "`| resultCode | resultKey | resultMesage |`",
        fix: "Spell the header as errdoc knows it (`resultMessage`).",
    },
    RuleInfo {
        id: "extra-cells",
        severity: Severity::Error,
        summary: "A markdown row has more cells than its header, so text would be dropped.",
        example: "`| 4000001 | INVALID | a | b |` under a three-column header",
        fix: "Write a `|` inside a cell as `\\|`, or remove the extra cell.",
    },
    RuleInfo {
        id: "missing-code",
        severity: Severity::Error,
        summary: "A row has no code.",
        example: "`|  | INVALID_PARAMETER | Invalid parameter. |`",
        fix: "Write the row's code.",
    },
    RuleInfo {
        id: "missing-key",
        severity: Severity::Error,
        summary: "A row of a table with a key column has no key.",
        example: "`| 4000001 |  | Invalid parameter. |`",
        fix: "Write the row's key.",
    },
    RuleInfo {
        id: "missing-message",
        severity: Severity::Error,
        summary: "A row has neither a message nor, where the message is left empty, a description.",
        example: "`| 4000001 | INVALID_PARAMETER |  |`",
        fix: "Write the message the server sends, or a description of a code that sends none.",
    },
    RuleInfo {
        id: "missing-description",
        severity: Severity::Error,
        summary: "A row of a table whose only text column is a description has no description.",
        example: "`| 4000001 |  |` under `| resultCode | Description |`",
        fix: "Describe the code.",
    },
    RuleInfo {
        id: "invalid-code",
        severity: Severity::Error,
        summary: "A code is not a decimal integer that fits in 32 bits (a look-alike such as `–1` with an en dash, fullwidth digits, a range, a letter `O`).",
        example: "`| 40000O1 | INVALID_PARAMETER | Invalid parameter. |`",
        fix: "Write the code in ASCII digits, with `-` for a minus sign; list several codes apart (`2111, 2112`).",
    },
    RuleInfo {
        id: "invalid-key",
        severity: Severity::Error,
        summary: "A key of a key column is not upper-case letters, digits and `_`, starting with a letter (an invisible character is named).",
        example: "`| 4000001 | invalid_key | Invalid parameter. |`",
        fix: "Write the key in upper case (`INVALID_KEY`), without spaces or invisible characters.",
    },
    RuleInfo {
        id: "repeated-row",
        severity: Severity::Warning,
        summary: "A row repeats an earlier row of the same table exactly; it is merged.",
        example: "`| 4000001 | INVALID | Invalid. |` twice in one table",
        fix: "Delete the repeated row.",
    },
    RuleInfo {
        id: "duplicate-code",
        severity: Severity::Error,
        summary: "One code is listed with two different keys; the rows that differ from most rows of the code are blamed.",
        example: "`| 4000001 | INVALID_PARAM | … |` in one page, `| 4000001 | INVALID_PARAMETER | … |` in another",
        fix: "Give the code one key everywhere, or give one of the rows another code.",
    },
    RuleInfo {
        id: "conflicting-message",
        severity: Severity::Error,
        summary: "One code is listed with two different messages (what the server sends, one per code); the rows that differ from most rows of the code are blamed.",
        example: "`| 4000001 | INVALID | Invalid parameter. |` and `| 4000001 | INVALID | Invalid parameters. |`",
        fix: "Write the message the server sends in every row of the code.",
    },
    RuleInfo {
        id: "duplicate-key",
        severity: Severity::Error,
        summary: "One key is listed with two different codes in one service.",
        example: "`| 4000001 | INVALID | … |` and `| 4000002 | INVALID | … |`",
        fix: "Give each code its own key.",
    },
    RuleInfo {
        id: "variant-collision",
        severity: Severity::Error,
        summary: "Two keys of one service give the same Rust constant.",
        example: "`FOO_BAR` and `FOO__BAR`, both `FooBar`",
        fix: "Rename one of the keys.",
    },
    RuleInfo {
        id: "no-identifier",
        severity: Severity::Error,
        summary: "A service name gives no Rust identifier (it has no ASCII letter or digit).",
        example: "`## AI Service > 문서 인식 > 오류 코드`",
        fix: "Name the service in the breadcrumb with ASCII letters: `AI Service > Document OCR > 오류 코드`.",
    },
    RuleInfo {
        id: "module-collision",
        severity: Severity::Error,
        summary: "Two different services give the same Rust module or `Service` variant.",
        example: "`AI Service > Data Flow` and `AI Service > DataFlow`, both `data_flow`",
        fix: "Name the services apart, or write one name the same way in both breadcrumbs.",
    },
    RuleInfo {
        id: "translation-missing-code",
        severity: Severity::Warning,
        summary: "A page lacks a code that another language version of it lists.",
        example: "`STT/ko/error-code.md` lists `4010007`, `STT/zh/error-code.md` does not",
        fix: "Add the code's row to the language version that lacks it.",
    },
    RuleInfo {
        id: "translation-service-mismatch",
        severity: Severity::Error,
        summary: "Language versions of one page name different services in their breadcrumbs, which would split the service.",
        example: "`## AI Service > STT > Error Code` in `en`, `## AI Service > CSR > 오류 코드` in `ko`",
        fix: "Name the same service in every language version's breadcrumb.",
    },
    RuleInfo {
        id: "unused-suppression",
        severity: Severity::Warning,
        summary: "A suppression (an `errdoc-disable` comment or a configured ignore) suppresses nothing.",
        example: "`<!-- errdoc-disable-next-line duplicate-code -->` over a row without a problem",
        fix: "Remove the suppression, or the rule from it.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule is some kind's, and every kind's rule is in [`RULES`].
    #[test]
    fn every_kind_has_a_documented_rule_and_every_rule_a_kind() {
        let text = String::new;
        let kinds = [
            DiagnosticKind::NotUtf8,
            DiagnosticKind::Empty,
            DiagnosticKind::NoBreadcrumb,
            DiagnosticKind::NoTable,
            DiagnosticKind::EmptyTable,
            DiagnosticKind::DetachedRow {
                how: super::super::Detached::AfterBlankLine,
                lines: 1..=1,
            },
            DiagnosticKind::NotARow { lines: 1..=2 },
            DiagnosticKind::TextAfterRows,
            DiagnosticKind::UnreadTable { missing: vec![] },
            DiagnosticKind::TiedColumns {
                field: Field::Code,
                first: text(),
                second: text(),
            },
            DiagnosticKind::MisspelledColumn {
                header: text(),
                name: "resultmessage",
            },
            DiagnosticKind::ExtraCells {
                header: 3,
                found: 4,
            },
            DiagnosticKind::Missing(Field::Code),
            DiagnosticKind::Missing(Field::Key),
            DiagnosticKind::Missing(Field::Message),
            DiagnosticKind::Missing(Field::Description),
            DiagnosticKind::InvalidCode {
                text: text(),
                lookalikes: vec![],
            },
            DiagnosticKind::InvalidKey(text()),
            DiagnosticKind::RepeatedRow(1),
            DiagnosticKind::CodeConflict {
                code: 1,
                field: Field::Key,
                first: text(),
                second: text(),
            },
            DiagnosticKind::CodeConflict {
                code: 1,
                field: Field::Message,
                first: text(),
                second: text(),
            },
            DiagnosticKind::KeyConflict {
                key: text(),
                first: 1,
                second: 2,
            },
            DiagnosticKind::VariantCollision {
                variant: text(),
                first: text(),
                second: text(),
            },
            DiagnosticKind::NoIdentifier(text()),
            DiagnosticKind::ModuleCollision {
                name: text(),
                first: text(),
                second: text(),
            },
            DiagnosticKind::TranslationMissingCode {
                code: 1,
                sibling: text(),
            },
            DiagnosticKind::TranslationServiceMismatch {
                service: text(),
                expected: text(),
            },
            DiagnosticKind::UnusedSuppression { rule: text() },
        ];
        let ids: Vec<&str> = kinds.iter().map(DiagnosticKind::rule).collect();
        let documented: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        assert_eq!(ids, documented, "one kind per rule, in the order of RULES");
    }

    #[test]
    fn a_new_diagnostic_has_its_rules_severity() {
        let span = crate::Span::file(&"a.md".into());
        let unused = DiagnosticKind::UnusedSuppression {
            rule: "duplicate-code".into(),
        };
        let diagnostic = crate::Diagnostic::new(unused, span);
        assert_eq!(diagnostic.severity, Severity::Warning);
        assert_eq!(
            diagnostic.to_string(),
            "warning[unused-suppression]: suppression of `duplicate-code` suppresses nothing; \
             remove it\n --> a.md:1:1"
        );
    }
}
