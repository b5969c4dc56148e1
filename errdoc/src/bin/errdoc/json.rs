//! The JSON forms of a catalog, as `errdoc dump --format json` prints it, and of a diff, as
//! `errdoc diff --format json` prints it.
//!
//! Objects keep their keys in the order written here (serde_json's `preserve_order`), and
//! lists are in catalog order, so the same input always prints the same bytes.

use errdoc::{Catalog, CodeChange, Diagnostic, Diff, Entry, Pages, ServiceDiff};
use serde_json::{Value, json};

/// The catalog as pretty-printed JSON, services sorted by module and entries by code.
pub fn catalog(catalog: &Catalog) -> String {
    let services: Vec<Value> = catalog
        .services()
        .iter()
        .map(|service| {
            let entries: Vec<Value> = service
                .entries()
                .iter()
                .map(|entry| {
                    // The key is `sources`, as the format has always had it: each is where
                    // a row listed the code.
                    let locations: Vec<Value> = entry
                        .locations()
                        .iter()
                        .map(|at| {
                            json!({"file": at.file(), "line": at.line(), "section": at.section()})
                        })
                        .collect();
                    json!({
                        "code": entry.code(),
                        "key": entry.key(),
                        "variant": entry.variant(),
                        "message": entry.message(),
                        "descriptions": descriptions(entry),
                        "sources": locations,
                    })
                })
                .collect();
            json!({
                "name": service.name(),
                "path": service.path(),
                "module": service.module(),
                "entries": entries,
            })
        })
        .collect();
    // The alternate form of `Value`'s `Display` is pretty-printed.
    format!("{:#}\n", json!({ "services": services }))
}

/// The diff as pretty-printed JSON: its class, its counts, the pages only one version has,
/// each service that changed, sorted by module, with its changes in code order, then the
/// diagnostics of each version and its count of errors (a version with errors is compared
/// for what parses).
///
/// ```json
/// {"class": "breaking", "counts": {…},
///  "pages": {"added": ["tts.md"], "removed": ["speech.md"]}, "services": [
///   {"module": "image", "change": "removed", "class": "breaking", "path": […], "codes": […]},
///   {"module": "general_ocr", "change": "changed", "class": "minor",
///    "old_path": […], "new_path": […], "codes": [
///      {"code": 4000004, "change": "added", "class": "minor", "key": …, "variant": …,
///       "message": …, "descriptions": [{"section": …, "text": …}]},
///      {"code": 4000001, "change": "changed", "class": "patch", "old": {…}, "new": {…}}]}],
///  "errors": {"old": 0, "new": 1}, "diagnostics": [{"version": "new",
///    "severity": "error", "message": …, "file": …, "line": 5, "column": 7, "related": []}]}
/// ```
pub fn diff(
    diff: &Diff,
    pages: &Pages,
    old_diagnostics: &[Diagnostic],
    new_diagnostics: &[Diagnostic],
) -> String {
    let services: Vec<Value> = diff
        .services
        .iter()
        .map(|service| {
            let mut value = json!({
                "module": service.module(),
                "change": service.change(),
                "class": service.class().to_string(),
            });
            match service {
                ServiceDiff::Added(whole) | ServiceDiff::Removed(whole) => {
                    value["path"] = json!(whole.path());
                    value["codes"] = whole.entries().iter().map(entry).collect();
                }
                ServiceDiff::Changed(changes) => {
                    value["old_path"] = json!(changes.old_path);
                    value["new_path"] = json!(changes.new_path);
                    value["codes"] = changes.codes.iter().map(code_change).collect();
                    value["moved_keys"] = changes
                        .moved
                        .iter()
                        .map(|moved| {
                            json!({
                                "key": moved.key,
                                "old_code": moved.old_code,
                                "new_code": moved.new_code,
                            })
                        })
                        .collect();
                }
            }
            value
        })
        .collect();
    let diagnostics: Vec<Value> = [("old", old_diagnostics), ("new", new_diagnostics)]
        .into_iter()
        .flat_map(|(version, diagnostics)| diagnostics.iter().map(move |d| diagnostic(version, d)))
        .collect();
    let counts = diff.counts();
    let value = json!({
        "class": diff.class().to_string(),
        "counts": {
            "services_added": counts.services_added,
            "services_removed": counts.services_removed,
            "service_paths_changed": counts.paths_changed,
            "codes_added": counts.codes_added,
            "codes_removed": counts.codes_removed,
            "keys_renamed": counts.keys_renamed,
            "keys_moved": counts.keys_moved,
            "keys_removed": counts.keys_removed,
            "keys_added": counts.keys_added,
            "messages_changed": counts.messages_changed,
            "descriptions_changed": counts.descriptions_changed,
        },
        "pages": {"added": pages.added, "removed": pages.removed},
        "services": services,
        "errors": {
            "old": old_diagnostics.iter().filter(|d| d.is_error()).count(),
            "new": new_diagnostics.iter().filter(|d| d.is_error()).count(),
        },
        "diagnostics": diagnostics,
    });
    format!("{value:#}\n")
}

/// One diagnostic of a version: what it says, where, and the other place it names.
fn diagnostic(version: &str, diagnostic: &Diagnostic) -> Value {
    let related = |related: &errdoc::Related| {
        let span = &related.span;
        json!({"file": &*span.file, "line": span.line, "column": span.column, "label": related.label})
    };
    json!({
        "version": version,
        "rule": diagnostic.rule(),
        "severity": if diagnostic.is_error() { "error" } else { "warning" },
        "message": diagnostic.kind.to_string(),
        "file": &*diagnostic.span.file,
        "line": diagnostic.span.line,
        "column": diagnostic.span.column,
        "related": diagnostic.related.iter().map(related).collect::<Vec<_>>(),
    })
}

/// One code's change: what it is and its class, then the entry, or its two versions.
fn code_change(change: &CodeChange) -> Value {
    let mut value = json!({
        "code": change.code(),
        "change": match change {
            CodeChange::Added(_) => "added",
            CodeChange::Removed(_) => "removed",
            CodeChange::Changed { .. } => "changed",
        },
        "class": change.class().to_string(),
    });
    match change {
        CodeChange::Added(entry) | CodeChange::Removed(entry) => {
            for (field, text) in text_fields(entry) {
                value[field] = text;
            }
        }
        CodeChange::Changed { old, new } => {
            value["old"] = text_fields(old).into_iter().collect();
            value["new"] = text_fields(new).into_iter().collect();
        }
    }
    value
}

/// An entry without the places it was read from: code, key, variant, message and
/// descriptions.
fn entry(entry: &Entry) -> Value {
    let mut value = json!({ "code": entry.code() });
    for (field, text) in text_fields(entry) {
        value[field] = text;
    }
    value
}

/// The fields of an entry that a diff compares or that the API derives from them: key,
/// variant and message (each a string or `null`), and descriptions.
fn text_fields(entry: &Entry) -> [(&'static str, Value); 4] {
    [
        ("key", json!(entry.key())),
        ("variant", json!(entry.variant())),
        ("message", json!(entry.message())),
        ("descriptions", descriptions(entry)),
    ]
}

/// An entry's descriptions: `[{"section": string or null, "text": string}]`, in the order
/// read.
fn descriptions(entry: &Entry) -> Value {
    entry
        .descriptions()
        .iter()
        .map(|description| json!({"section": description.section(), "text": description.text()}))
        .collect()
}
