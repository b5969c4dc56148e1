//! The data-driven tests: every case under `tests/data` runs through the library, and its
//! output is compared with the expectation beside it. Adding a case means adding files.
//!
//! - `ok/<case>/`: documents that check clean, warnings allowed. `expected.rs` holds the
//!   generated code of the case's services ([`golden`] says what it leaves out);
//!   `expected.out` holds what `errdoc check` prints: each warning, then the summary line.
//!   The `errdoc-goldens` crate (`tests/goldens`) compiles every case's whole generated
//!   file, so CI's clippy and rustdoc runs lint them all. (Expectations are named so that the reader never takes them for
//!   documents, which end in `.md`, `.markdown` or `.txt`.)
//! - `err/<case>.md`, `err/<case>.txt` or `err/<case>/`: documents with problems;
//!   `<case>.stderr` holds exactly what `errdoc check` prints on stderr.
//! - `<case>.bug` beside a case marks a known bug in errdoc: the case's expectation holds
//!   what errdoc should print, the note says what it prints instead. Such cases run in
//!   `known_bugs` rather than `ok` or `err`, and blessing leaves them alone.
//!
//! `ERRDOC_BLESS=1 cargo test -p errdoc --test data` rewrites every other expectation;
//! review the diff before committing it.

mod support;

use std::path::Path;

use errdoc::{Diagnostic, Report, Summary};
use support::Case;

/// How a case's output is held against an expectation file: [`support::expect`], which
/// blesses, or [`support::compare`], which never does.
type Check = fn(&str, &Path, &str) -> Result<(), String>;

#[test]
fn ok() {
    let cases = support::ok_cases();
    assert!(!cases.is_empty(), "no cases under {}", support::OK);
    let failures: Vec<String> = cases
        .iter()
        .filter(|case| case.known_bug().is_none())
        .flat_map(|case| run_ok(case, support::expect))
        .collect();
    support::assert_no_failures(&failures);
}

#[test]
fn err() {
    let cases = support::err_cases();
    assert!(!cases.is_empty(), "no cases under {}", support::ERR);
    let mut failures: Vec<String> = cases
        .iter()
        .filter(|case| case.known_bug().is_none())
        .flat_map(|case| run_err(case, support::expect))
        .collect();
    failures.extend(
        support::orphans()
            .iter()
            .map(|path| format!("{} belongs to no case; delete it", path.display())),
    );
    support::assert_no_failures(&failures);
}

/// The cases marked with a `.bug` note. This test fails while any is left: while the bug is
/// there, with the note and the difference; once it is fixed, asking to delete the note.
#[test]
fn known_bugs() {
    let ok = support::ok_cases().into_iter().map(|case| (case, true));
    let err = support::err_cases().into_iter().map(|case| (case, false));
    let mut failures = Vec::new();
    for (case, is_ok) in ok.chain(err) {
        let Some(note) = case.known_bug() else {
            continue;
        };
        let note_path = case.beside("bug");
        let found = if is_ok {
            run_ok(&case, support::compare)
        } else {
            run_err(&case, support::compare)
        };
        if found.is_empty() {
            failures.push(format!(
                "case `{}` now passes: the bug is fixed, delete {}",
                case.name,
                note_path.display()
            ));
        } else {
            failures.push(format!(
                "KNOWN BUG in errdoc, case `{}` ({}):\n{}\n{}",
                case.name,
                note_path.display(),
                note.trim_end(),
                found.join("\n")
            ));
        }
    }
    support::assert_no_failures(&failures);
}

/// Runs one ok case, returning a report for each expectation it does not meet.
fn run_ok(case: &Case, check: Check) -> Vec<String> {
    let name = &case.name;
    let inputs = match errdoc::read(&[&case.input]) {
        Ok(inputs) => inputs,
        Err(error) => return vec![format!("case `{name}` cannot be read: {error}")],
    };
    let checked = errdoc::check(&inputs.sources);
    if checked.has_errors() {
        let stderr = stderr(&checked.diagnostics);
        return vec![format!("case `{name}` has errors:\n{stderr}")];
    }
    let summary = Summary::new(&checked.catalog, inputs.sources.len());
    let out = format!("{}{summary}\n", stderr(&checked.diagnostics));
    let code = match errdoc::generate(&checked.catalog, &errdoc::Options::default()) {
        Ok(code) => code,
        Err(error) => return vec![format!("case `{name}`: generated invalid Rust: {error}")],
    };
    [
        check(name, &case.input.join("expected.out"), &out),
        check(name, &case.input.join("expected.rs"), &golden(name, &code)),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect()
}

/// The case whose golden file keeps the crate-level items (`Service`, `Entry`,
/// `UnknownKey`): two services, so that every `match` over services shows two arms.
const CRATE_ITEMS_CASE: &str = "sorting";

/// The part of a generated file that a case's golden holds: everything but the runtime
/// module, which is errdoc's own source with its own tests, and, in every case but
/// [`CRATE_ITEMS_CASE`], the crate-level items, which differ between cases only by the
/// services' names. So an edit of the runtime or of the crate-level items changes one
/// golden, and each golden shows what its documents change. Each left-out part is
/// replaced by a comment line that says where to find it.
fn golden(case: &str, code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let runtime = lines
        .iter()
        .position(|line| *line == "mod __errdoc {")
        .unwrap_or(lines.len());
    // The crate-level items end where the first service module's docs begin.
    let first_module = lines[..runtime]
        .iter()
        .position(|line| line.starts_with("pub mod "))
        .map_or(runtime, |module| {
            let docs = lines[..module]
                .iter()
                .rev()
                .take_while(|line| line.starts_with("///") || line.starts_with("#["))
                .count();
            module - docs
        });
    // The header ends at its first blank line.
    let header = lines.iter().position(|line| line.is_empty()).unwrap_or(0);
    let mut out: Vec<&str> = lines[..=header.min(lines.len().saturating_sub(1))].to_vec();
    let see_golden = format!("// `tests/data/ok/{CRATE_ITEMS_CASE}`.");
    if case == CRATE_ITEMS_CASE {
        out.extend(&lines[header + 1..first_module]);
    } else {
        out.push("// The crate-level items (`Service`, `Entry`, `UnknownKey`): see the golden of");
        out.push(&see_golden);
        out.push("");
    }
    out.extend(&lines[first_module..runtime]);
    out.push("// mod __errdoc { … }: errdoc/src/emit/runtime.rs");
    let mut golden = out.join("\n");
    golden.push('\n');
    golden
}

/// Runs one err case, returning a report if it does not meet its expectation.
fn run_err(case: &Case, check: Check) -> Vec<String> {
    let name = &case.name;
    let inputs = match errdoc::read(&[&case.input]) {
        Ok(inputs) => inputs,
        Err(error) => return vec![format!("case `{name}` cannot be read: {error}")],
    };
    let checked = errdoc::check(&inputs.sources);
    if checked.diagnostics.is_empty() {
        return vec![format!(
            "case `{name}` has no diagnostic; move it to {} if that is right",
            support::OK
        )];
    }
    let stderr = stderr(&checked.diagnostics);
    check(name, &case.beside("stderr"), &stderr)
        .err()
        .into_iter()
        .collect()
}

/// What `errdoc check` prints on stderr for these diagnostics.
fn stderr(diagnostics: &[Diagnostic]) -> String {
    Report(diagnostics).to_string()
}
