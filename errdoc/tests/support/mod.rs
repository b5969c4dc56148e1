//! What the data-driven tests share: finding the cases under `tests/data`, comparing
//! output with the expectation beside a case, or rewriting it when `ERRDOC_BLESS=1`, and
//! finding the shared docs corpus.
//!
//! Paths are relative to the crate folder, the working directory Cargo gives integration
//! tests, so that the paths printed in diagnostics and generated code are the same on every
//! machine.

// Each test crate compiles this module and uses a part of it.
#![allow(dead_code)]

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

pub mod text;

/// The environment variable naming the docs corpus folder, relative to the workspace root.
pub const CORPUS: &str = "ERRDOC_CORPUS";

/// The environment variable that, set to `1`, makes a missing corpus a failure (as in CI).
pub const REQUIRE_CORPUS: &str = "ERRDOC_REQUIRE_CORPUS";

/// The corpus's place when [`CORPUS`] is not set, relative to the workspace root.
pub const DEFAULT_CORPUS: &str = "../shared/corpus";

/// The shared docs corpus folder (the one holding `MANIFEST.tsv`): [`CORPUS`] taken from
/// the workspace root, or [`DEFAULT_CORPUS`]. `None`, after saying so, when it is absent.
///
/// # Panics
///
/// Panics when the corpus is absent and [`REQUIRE_CORPUS`] is `1`.
pub fn corpus_folder() -> Option<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("errdoc is a member of the workspace");
    let root = match env::var_os(CORPUS) {
        Some(folder) if !folder.is_empty() => workspace.join(folder),
        _ => workspace.join(DEFAULT_CORPUS),
    };
    if root.join("MANIFEST.tsv").is_file() {
        return Some(root);
    }
    let message = format!(
        "corpus not found at {} (no MANIFEST.tsv there); set {CORPUS} to the corpus \
         folder (default: {DEFAULT_CORPUS} beside the workspace)",
        root.display()
    );
    let required = env::var_os(REQUIRE_CORPUS).is_some_and(|value| value == "1");
    assert!(
        !required,
        "{message}; {REQUIRE_CORPUS}=1 makes this a failure"
    );
    eprintln!("{message}; skipping");
    None
}

/// The environment variable that rewrites every expectation instead of checking it.
pub const BLESS: &str = "ERRDOC_BLESS";

/// The folder of cases that check clean, one subfolder per case.
pub const OK: &str = "tests/data/ok";

/// The folder of cases with diagnostics: a document, or a folder of documents, per case.
pub const ERR: &str = "tests/data/err";

/// One case: its name and the path given to the reader.
pub struct Case {
    /// The case's name: its folder's name, or its document's name without the extension.
    pub name: String,
    /// The document or folder to read.
    pub input: PathBuf,
}

impl Case {
    /// The file beside the case's input named `<name>.<extension>`: an err case's
    /// expectation (`.stderr`), or any case's known-bug note (`.bug`).
    pub fn beside(&self, extension: &str) -> PathBuf {
        self.input
            .with_file_name(format!("{}.{extension}", self.name))
    }

    /// The note of a case marked as a known bug: its expectation holds what errdoc should
    /// print but does not yet. Blessing never rewrites such a case.
    pub fn known_bug(&self) -> Option<String> {
        fs::read_to_string(self.beside("bug")).ok()
    }
}

/// The ok cases: every folder under [`OK`], sorted by name.
pub fn ok_cases() -> Vec<Case> {
    entries(OK)
        .into_iter()
        .filter(|path| path.is_dir())
        .map(|input| Case {
            name: file_name(&input),
            input,
        })
        .collect()
}

/// The err cases: every document and every folder under [`ERR`], sorted by name.
pub fn err_cases() -> Vec<Case> {
    entries(ERR)
        .into_iter()
        .filter(|path| path.is_dir() || is_document(path))
        .map(|input| {
            let name = if input.is_dir() {
                file_name(&input)
            } else {
                stem(&input)
            };
            Case { name, input }
        })
        .collect()
}

/// The `.stderr` and `.bug` files that belong to no case, so that a renamed or deleted
/// case cannot leave a stale file behind.
pub fn orphans() -> Vec<PathBuf> {
    let mut orphans = Vec::new();
    for (folder, cases) in [(OK, ok_cases()), (ERR, err_cases())] {
        let names: Vec<String> = cases.into_iter().map(|case| case.name).collect();
        orphans.extend(entries(folder).into_iter().filter(|path| {
            let extension = path.extension().and_then(|e| e.to_str());
            matches!(extension, Some("stderr" | "bug")) && !names.contains(&stem(path))
        }));
    }
    orphans
}

/// Checks `actual` against the expectation at `path`, or writes it there when blessing.
///
/// # Errors
///
/// Returns a readable report naming the case and the file, with the lines that differ.
pub fn expect(case: &str, path: &Path, actual: &str) -> Result<(), String> {
    if !blessing() {
        return compare(case, path, actual).map_err(|report| {
            format!("{report}{BLESS}=1 rewrites the expectation; review the diff then.\n")
        });
    }
    if fs::read_to_string(path).is_ok_and(|old| old == actual) {
        return Ok(());
    }
    fs::write(path, actual).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Checks `actual` against the expectation at `path`, even when blessing.
///
/// # Errors
///
/// Returns a readable report naming the case and the file, with the lines that differ.
pub fn compare(case: &str, path: &Path, actual: &str) -> Result<(), String> {
    let Ok(expected) = fs::read_to_string(path) else {
        return Err(format!(
            "case `{case}`: {} is missing; the output is:\n{actual}",
            path.display()
        ));
    };
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "case `{case}`: the output differs from {}\n{}",
        path.display(),
        diff(&expected, actual)
    ))
}

/// Fails with every report at once, so that one run shows every broken case.
pub fn assert_no_failures(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Whether this run rewrites the expectations.
fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|value| value == "1")
}

/// The lines that differ between two texts, `-` expected and `+` actual, with two lines
/// of context: the common start and end are cut, which is enough for golden files whose
/// changes are usually a few lines together.
fn diff(expected: &str, actual: &str) -> String {
    const CONTEXT: usize = 2;
    const MAX: usize = 40;
    let old: Vec<&str> = expected.split_inclusive('\n').collect();
    let new: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(CONTEXT);
    let mut out = format!("@@ line {} @@\n", prefix + 1);
    let mut push = |sign: char, lines: &[&str]| {
        for line in lines.iter().take(MAX) {
            let line = line
                .strip_suffix('\n')
                .map_or_else(|| format!("{line}⏎ (no newline at the end)"), str::to_owned);
            out.push_str(&format!("{sign} {line}\n"));
        }
        if lines.len() > MAX {
            out.push_str(&format!("{sign} … {} more lines\n", lines.len() - MAX));
        }
    };
    push(' ', &old[start..prefix]);
    push('-', &old[prefix..old.len() - suffix]);
    push('+', &new[prefix..new.len() - suffix]);
    let end = (old.len() - suffix + CONTEXT).min(old.len());
    push(' ', &old[old.len() - suffix..end]);
    out
}

/// The entries of a folder, sorted, skipping names that start with `.`.
fn entries(folder: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("cannot list {folder}: {e}"))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| !file_name(path).starts_with('.'))
        .collect();
    paths.sort();
    paths
}

/// Whether the reader takes a file for a document, by its extension.
fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["md", "markdown", "txt"].contains(&e.to_ascii_lowercase().as_str()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}
