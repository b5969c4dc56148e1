//! The JSON form of a catalog, as `errdoc dump --format json` prints it.

use errdoc::Catalog;
use serde_json::{Value, json};

/// The catalog as pretty-printed JSON, services sorted by module and entries by code.
pub fn catalog(catalog: &Catalog) -> String {
    let services: Vec<Value> = catalog
        .services
        .iter()
        .map(|service| {
            let entries: Vec<Value> = service
                .entries
                .iter()
                .map(|entry| {
                    let sources: Vec<Value> = entry
                        .sources
                        .iter()
                        .map(|source| json!({"file": &*source.file, "line": source.line}))
                        .collect();
                    json!({
                        "code": entry.code,
                        "key": entry.key,
                        "variant": entry.variant,
                        "message": entry.message,
                        "sources": sources,
                    })
                })
                .collect();
            json!({
                "name": service.name,
                "path": service.path,
                "module": service.module,
                "entries": entries,
            })
        })
        .collect();
    // The alternate form of `Value`'s `Display` is pretty-printed.
    format!("{:#}\n", json!({ "services": services }))
}
