//! Baselines: today's findings recorded, so that a repository with known problems can turn
//! the check on now and fail only on new ones.
//!
//! A finding is matched by its rule, its file and its subject: the code or key it is about
//! when it names one, otherwise the text of the line it points at. Never by line number,
//! so editing elsewhere in the page keeps the baseline valid. Each recorded finding
//! absorbs one finding, so a second copy of a known problem is new.

use std::collections::BTreeMap;

use errdoc::{Diagnostic, DiagnosticKind};
use serde_json::{Value, json};

use crate::output::{Lines, Texts};

/// What a finding is matched by.
type Key = (String, String, String);

/// The findings of a baseline file, each with how many times it was recorded.
#[derive(Debug, Default)]
pub(crate) struct Baseline {
    findings: BTreeMap<Key, usize>,
}

impl Baseline {
    /// The baseline of `diagnostics`.
    pub(crate) fn of(diagnostics: &[Diagnostic], texts: &Texts) -> Baseline {
        let lines = Lines::of(texts, diagnostics);
        let mut findings = BTreeMap::new();
        for diagnostic in diagnostics {
            *findings.entry(key(diagnostic, &lines)).or_insert(0) += 1;
        }
        Baseline { findings }
    }

    /// The baseline file's text: JSON, one entry per finding, sorted, so that it diffs well.
    pub(crate) fn to_json(&self) -> String {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .flat_map(|((rule, file, subject), &count)| {
                let entry = json!({ "rule": rule, "file": file, "subject": subject });
                std::iter::repeat_n(entry, count)
            })
            .collect();
        let value = json!({ "version": 1, "findings": findings });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a baseline file's text.
    ///
    /// # Errors
    ///
    /// Says what is wrong when the text is not a baseline that `to_json` writes.
    pub(crate) fn from_json(text: &str) -> Result<Baseline, String> {
        let value: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        if value["version"] != json!(1) {
            return Err("not an errdoc baseline of version 1".to_owned());
        }
        let entries = value["findings"].as_array().ok_or("no `findings` array")?;
        let mut findings = BTreeMap::new();
        for entry in entries {
            let field = |name: &str| {
                entry[name]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("a finding without a `{name}` string: {entry}"))
            };
            let key = (field("rule")?, field("file")?, field("subject")?);
            *findings.entry(key).or_insert(0) += 1;
        }
        Ok(Baseline { findings })
    }

    /// The diagnostics that the baseline does not know: each recorded finding absorbs one
    /// diagnostic with its rule, file and subject.
    pub(crate) fn new_findings(
        &self,
        diagnostics: Vec<Diagnostic>,
        texts: &Texts,
    ) -> Vec<Diagnostic> {
        let lines = Lines::of(texts, &diagnostics);
        let keys: Vec<Key> = diagnostics.iter().map(|d| key(d, &lines)).collect();
        let mut left = self.findings.clone();
        diagnostics
            .into_iter()
            .zip(keys)
            .filter(|(_, key)| match left.get_mut(key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            })
            .map(|(diagnostic, _)| diagnostic)
            .collect()
    }
}

/// A diagnostic's rule, file and subject.
fn key(diagnostic: &Diagnostic, lines: &Lines<'_>) -> Key {
    let file = diagnostic.span.file.to_string();
    let subject =
        subject(&diagnostic.kind).unwrap_or_else(|| match lines.get(&diagnostic.span).trim() {
            "" => diagnostic.kind.to_string(),
            line => line.to_owned(),
        });
    (diagnostic.kind.rule().to_owned(), file, subject)
}

/// The code or key a diagnostic is about, when its kind names one.
fn subject(kind: &DiagnosticKind) -> Option<String> {
    let subject = match kind {
        DiagnosticKind::CodeConflict { code, .. }
        | DiagnosticKind::RepeatedRow(code)
        | DiagnosticKind::TranslationMissingCode { code, .. } => format!("code {code}"),
        DiagnosticKind::KeyConflict { key, .. } => format!("key {key}"),
        DiagnosticKind::VariantCollision { variant, .. } => format!("variant {variant}"),
        DiagnosticKind::InvalidCode { text, .. } => format!("code {text}"),
        DiagnosticKind::InvalidKey(text) => format!("key {text}"),
        DiagnosticKind::UnusedSuppression { rule } => format!("rule {rule}"),
        _ => return None,
    };
    Some(subject)
}
