//! Generates what the lookup benchmarks compare, for one synthetic service of each size
//! in [`SIZES`], into `OUT_DIR`:
//!
//! - `generated_{size}.rs`: errdoc's code for the service, exactly as a build script
//!   writes it (module `lookup`);
//! - `baselines_{size}.rs`: the same rows as `phf` maps (by code and by key) and as
//!   `match` functions (by code; by key only up to [`KEY_MATCH_LIMIT`] rows, since a
//!   10,000-arm `match` on `&str` takes minutes to compile).
//!
//! Each file maps a code or key to its row number in code order, so the benchmarks can
//! check that every implementation agrees before timing any of them.

#[path = "src/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::fmt::Write as _;
use std::path::Path;

/// The service sizes benchmarked (rows per service). The lookup benchmark names them too.
const SIZES: [usize; 2] = [50, 10_000];

/// The largest service that also gets a `match` on `&str`.
const KEY_MATCH_LIMIT: usize = 50;

fn main() {
    println!("cargo::rerun-if-changed=src/synth.rs");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out);
    for size in SIZES {
        let mut service = synth::service(0, size, synth::DEFAULT_SEED);
        // A fixed name, so the module is `lookup` whatever name the seed drew.
        service.name = "Lookup".to_owned();
        write(
            &out.join(format!("generated_{size}.rs")),
            &generated(&service),
        );
        write(
            &out.join(format!("baselines_{size}.rs")),
            &baselines(&service),
        );
    }
}

/// errdoc's code for `service`, through the library's `check` and `generate`: what
/// `errdoc::Builder` writes, without a round trip through files.
fn generated(service: &synth::Service) -> String {
    let page = errdoc::Source::new("lookup.md", service.markdown());
    let checked = errdoc::check(&[page]);
    assert!(
        !checked.has_errors(),
        "the synthetic page has errors: {}",
        errdoc::Report(&checked.diagnostics)
    );
    errdoc::generate(&checked.catalog, &errdoc::Options::default())
        .expect("errdoc emits code that parses")
}

/// The baselines for `service`: `phf` maps and `match` functions from code or key to row.
fn baselines(service: &synth::Service) -> String {
    let rows = &service.rows;
    let mut by_code = phf_codegen::Map::new();
    let mut by_key = phf_codegen::Map::new();
    for (row, entry) in rows.iter().enumerate() {
        by_code.entry(entry.code, row.to_string());
        by_key.entry(entry.key.as_str(), row.to_string());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Row by code, as a `phf` map.\n\
         pub static PHF_BY_CODE: phf::Map<i32, u32> = {};\n",
        by_code.build()
    );
    let _ = writeln!(
        out,
        "/// Row by key, as a `phf` map.\n\
         pub static PHF_BY_KEY: phf::Map<&'static str, u32> = {};\n",
        by_key.build()
    );
    out.push_str(
        "/// Row by code, as a `match`.\n\
         pub fn match_code(code: i32) -> Option<u32> {\n    match code {\n",
    );
    for (row, entry) in rows.iter().enumerate() {
        let _ = writeln!(out, "        {} => Some({row}),", entry.code);
    }
    out.push_str("        _ => None,\n    }\n}\n");
    if rows.len() <= KEY_MATCH_LIMIT {
        out.push_str(
            "\n/// Row by key, as a `match`.\n\
             pub fn match_key(key: &str) -> Option<u32> {\n    match key {\n",
        );
        for (row, entry) in rows.iter().enumerate() {
            let _ = writeln!(out, "        {:?} => Some({row}),", entry.key);
        }
        out.push_str("        _ => None,\n    }\n}\n");
    }
    out
}

/// Writes `contents` unless the file already holds it, so that an unchanged file does not
/// make Cargo recompile the benchmarks.
fn write(path: &Path, contents: &str) {
    if std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return;
    }
    std::fs::write(path, contents)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}
