//! `errdoc diff` for CI: the diff as GitHub workflow commands (`--format github`) and as
//! SARIF 2.1.0 results (`--format sarif`), after the versions' diagnostics, which are
//! printed exactly as `errdoc check` prints them (`output.rs`).
//!
//! Both formats read one list of [`Change`]s: one per changed code, per moved key, per
//! service added, removed or moved to another breadcrumb path, and per page added or
//! removed, each at the row of the new version that it is about, when there is one. A
//! service added or removed is one change, not one per code, so that a page split in two
//! does not bury the review under a warning per row.

use std::fmt::Write as _;
use std::sync::Arc;

use errdoc::{Class, CodeChange, Diagnostic, Diff, Entry, Pages, ServiceDiff, Span};
use serde_json::{Value, json};

use crate::output;

/// One change of the diff, as the CI formats report it.
pub(crate) struct Change {
    /// `breaking`, `minor`, `patch`, or `page` for a page added or removed (pages say where
    /// the documents changed, not what the API does, so they have no class).
    pub(crate) kind: &'static str,
    /// What changed, one line (`general_ocr: renamed 4000002 A → B`).
    pub(crate) message: String,
    /// The new version's row (or page) that the change is about; none for a removal.
    pub(crate) place: Option<Span>,
}

/// The changes of `diff` and `pages`, pages first, then services in module order with
/// their codes in code order. `new_file` names the new version's document of a page.
pub(crate) fn changes(
    diff: &Diff,
    pages: &Pages,
    new_file: impl Fn(&str) -> Option<Arc<str>>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for name in &pages.added {
        changes.push(Change {
            kind: "page",
            message: format!("page `{name}` added"),
            place: new_file(name).map(|file| Span {
                file,
                line: 1,
                column: 1,
            }),
        });
    }
    for name in &pages.removed {
        changes.push(Change {
            kind: "page",
            message: format!("page `{name}` removed"),
            place: None,
        });
    }
    for service in &diff.services {
        let module = service.module();
        match service {
            ServiceDiff::Added(whole) | ServiceDiff::Removed(whole) => {
                let count = whole.entries().len();
                changes.push(Change {
                    kind: class_name(service.class()),
                    message: format!(
                        "service `{module}` ({}) {}, with {count} code{}",
                        whole.path().join(" > "),
                        service.change(),
                        if count == 1 { "" } else { "s" }
                    ),
                    place: match service {
                        ServiceDiff::Added(_) => whole.entries().first().and_then(place),
                        _ => None,
                    },
                });
            }
            ServiceDiff::Changed(service) => {
                if service.old_path != service.new_path {
                    changes.push(Change {
                        kind: class_name(Class::Patch),
                        message: format!(
                            "{module}: path {} → {}",
                            service.old_path.join(" > "),
                            service.new_path.join(" > ")
                        ),
                        place: None,
                    });
                }
                for code in &service.codes {
                    let lines: Vec<String> = code.to_string().lines().map(tidy).collect();
                    changes.push(Change {
                        kind: class_name(code.class()),
                        message: format!("{module}: {}", lines.join("; ")),
                        place: new_entry(code).and_then(place),
                    });
                }
                for moved in &service.moved {
                    let code = service.codes.iter().find(|c| c.code() == moved.new_code);
                    changes.push(Change {
                        kind: class_name(Class::Breaking),
                        message: format!(
                            "{module}: moved {} {} → {}: the same name now means another code",
                            moved.key, moved.old_code, moved.new_code
                        ),
                        place: code.and_then(new_entry).and_then(place),
                    });
                }
            }
        }
    }
    changes
}

/// The versions' diagnostics as `errdoc check --format github` prints them, then one
/// workflow command per change (`::warning` for a breaking one, `::notice` otherwise),
/// then a `::notice::` with the verdict.
pub(crate) fn github(diagnostics: &[Diagnostic], changes: &[Change], verdict: &str) -> String {
    let mut out = output::github(diagnostics);
    for change in changes {
        let command = if change.kind == "breaking" {
            "warning"
        } else {
            "notice"
        };
        let mut properties = String::new();
        if let Some(span) = &change.place {
            let _ = write!(
                properties,
                "file={},line={},",
                output::property(&span.file),
                span.line
            );
        }
        let title = output::property(&format!("errdoc diff ({})", change.kind));
        let _ = writeln!(
            out,
            "::{command} {properties}title={title}::{}",
            output::data(&change.message)
        );
    }
    let _ = writeln!(out, "::notice::{}", output::data(verdict));
    out
}

/// The rules of the diff's SARIF results: one per kind of change, with its help.
const RULES: [(&str, &str, &str); 4] = [
    (
        "breaking-change",
        "A service or code was removed, or a key renamed, removed or moved to another code",
        "Code that uses the generated API may no longer compile, or may match another code: \
         release it as a new major version, or restore the row.",
    ),
    (
        "minor-change",
        "A service or code was added, or a keyless code was given a key",
        "New items only: release it as a new minor version.",
    ),
    (
        "patch-change",
        "A message, a description or a service's breadcrumb path changed",
        "Only text changed: release it as a patch.",
    ),
    (
        "page-change",
        "A page (document) was added or removed",
        "Pages say where the documents changed, not what the API does: check that the codes \
         of a removed page are listed elsewhere, or are meant to go.",
    ),
];

/// The versions' diagnostics as `errdoc check --format sarif` prints them, with the diff's
/// rules added to the driver and one result per change (level `warning` for a breaking
/// change, `note` for the others).
pub(crate) fn sarif(diagnostics: &[Diagnostic], changes: &[Change]) -> String {
    let mut log = output::sarif_log(diagnostics);
    let run = &mut log["runs"][0];
    let first = run["tool"]["driver"]["rules"]
        .as_array()
        .map_or(0, Vec::len);
    if let Some(rules) = run["tool"]["driver"]["rules"].as_array_mut() {
        rules.extend(RULES.iter().map(|(id, summary, help)| {
            json!({
                "id": id,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": summary },
                "help": { "text": format!("{summary}.\n\n{help}") },
                "defaultConfiguration": {
                    "level": if *id == "breaking-change" { "warning" } else { "note" },
                },
            })
        }));
    }
    if let Some(results) = run["results"].as_array_mut() {
        for change in changes {
            let id = format!("{}-change", change.kind);
            let index = RULES.iter().position(|(rule, ..)| *rule == id);
            let mut result = json!({
                "ruleId": id,
                "level": if change.kind == "breaking" { "warning" } else { "note" },
                "message": { "text": change.message },
            });
            if let Some(index) = index {
                result["ruleIndex"] = json!(first + index);
            }
            if let Some(span) = &change.place {
                result["locations"] = Value::Array(vec![output::sarif_location(span)]);
            }
            results.push(result);
        }
    }
    output::sarif_text(&log)
}

/// A class as a change's kind.
fn class_name(class: Class) -> &'static str {
    match class {
        Class::Breaking => "breaking",
        Class::Minor => "minor",
        _ => "patch",
    }
}

/// The entry of the new version that a code change is about, if the code is still there.
fn new_entry(change: &CodeChange) -> Option<&Entry> {
    match change {
        CodeChange::Added(entry) | CodeChange::Changed { new: entry, .. } => Some(entry),
        CodeChange::Removed(_) => None,
    }
}

/// The first row that listed an entry.
fn place(entry: &Entry) -> Option<Span> {
    entry.locations().first().map(|at| Span {
        file: Arc::from(at.file()),
        line: at.line(),
        column: 1,
    })
}

/// A line of the text diff without its indent and its column padding: `renamed 4000002 …`.
fn tidy(line: &str) -> String {
    match line.trim().split_once(' ') {
        Some((verb, rest)) => format!("{verb} {}", rest.trim_start()),
        None => line.trim().to_owned(),
    }
}
