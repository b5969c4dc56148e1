//! The `errdoc` command line, run as a user runs it: what it prints to stdout and to stderr,
//! and how it exits (0 clean, 1 a document error or an unreadable input, 2 a usage error or
//! a path that does not exist).
//!
//! Paths are relative to the crate folder, as in `tests/data.rs`, so that what errdoc
//! prints is the same on every machine. The cases of `tests/data` are run here too, to
//! prove that their expectations are what the command line prints; `ERRDOC_BLESS=1`
//! rewrites them here as well, so that blessing does not depend on which test runs first.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The seed documents, which must check clean.
const SEEDS: &str = "../seeds";

/// The golden `errdoc dump --format json ../seeds`, rewritten by `ERRDOC_BLESS=1`.
const SEEDS_JSON: &str = "tests/data/seeds.json";

/// The err case with nothing but a warning.
const REPEATED_ROW: &str = "tests/data/err/repeated_row.md";

#[test]
fn check_prints_a_summary_of_the_seeds() {
    for args in [&["check", SEEDS][..], &["check", "--deny-warnings", SEEDS]] {
        let run = errdoc(args);
        assert_eq!(run.stderr, "", "{args:?}");
        assert_eq!(
            run.stdout, "3 services, 104 codes from 4 documents\n",
            "{args:?}"
        );
        assert_eq!(run.code, 0, "{args:?}");
    }
}

#[test]
fn dump_prints_every_seed_row_as_json_sorted() {
    let run = errdoc(&["dump", "--format", "json", SEEDS]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let dump: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    let array = |value: &Value, field: &str| value[field].as_array().unwrap().clone();
    let text = |value: &Value, field: &str| value[field].as_str().unwrap().to_owned();
    let int = |value: &Value, field: &str| value[field].as_i64().unwrap();

    let services = array(&dump, "services");
    let modules: Vec<String> = services.iter().map(|s| text(s, "module")).collect();
    assert!(
        modules.windows(2).all(|w| w[0] < w[1]),
        "services are not sorted by module: {modules:?}"
    );
    let mut dumped = Vec::new();
    for service in &services {
        let entries = array(service, "entries");
        let codes: Vec<i64> = entries.iter().map(|e| int(e, "code")).collect();
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "entries of `{}` are not sorted by code: {codes:?}",
            text(service, "module")
        );
        for entry in &entries {
            let sources: Vec<(String, i64)> = array(entry, "sources")
                .iter()
                .map(|s| (text(s, "file"), int(s, "line")))
                .collect();
            assert!(
                !sources.is_empty() && sources.windows(2).all(|w| w[0] < w[1]),
                "sources of code {} are empty or not sorted: {sources:?}",
                int(entry, "code")
            );
            assert!(!text(entry, "variant").is_empty());
            for (file, line) in sources {
                dumped.push(Row {
                    file,
                    line,
                    code: int(entry, "code"),
                    key: text(entry, "key"),
                    message: text(entry, "message"),
                });
            }
        }
    }
    let entries: usize = services.iter().map(|s| array(s, "entries").len()).sum();
    assert_eq!(entries, 104);
    dumped.sort();
    let seeds = seed_rows();
    assert_eq!(
        seeds.len(),
        dumped.len(),
        "rows in the seeds, rows in the dump"
    );
    for (seed, dumped) in seeds.iter().zip(&dumped) {
        assert_eq!(seed, dumped);
    }

    let golden = support::expect("seeds", Path::new(SEEDS_JSON), &run.stdout);
    support::assert_no_failures(&golden.err().into_iter().collect::<Vec<_>>());
}

#[test]
fn every_ok_case_prints_its_warnings_and_summary() {
    let mut failures = Vec::new();
    for case in support::ok_cases() {
        if case.known_bug().is_some() {
            continue; // `tests/data.rs` runs it.
        }
        let input = case.input.to_string_lossy();
        let run = errdoc(&["check", &input]);
        if run.code != 0 {
            failures.push(format!("case `{}` exits {}", case.name, run.code));
        }
        let out = format!("{}{}", run.stderr, run.stdout);
        failures.extend(support::expect(&case.name, &case.input.join("expected.out"), &out).err());
    }
    support::assert_no_failures(&failures);
}

#[test]
fn every_err_case_prints_its_diagnostics_on_stderr_only() {
    let mut failures = Vec::new();
    for case in support::err_cases() {
        if case.known_bug().is_some() {
            continue; // `tests/data.rs` runs it.
        }
        let input = case.input.to_string_lossy();
        let expected = fs::read_to_string(case.beside("stderr")).unwrap_or_default();
        let has_error = expected.lines().any(|line| line.starts_with("error: "));
        for args in [
            &["check", &input][..],
            &["dump", "--format", "json", &input],
        ] {
            let run = errdoc(args);
            let failure =
                |what: &str| format!("case `{}`, `errdoc {}`: {what}", case.name, args.join(" "));
            if run.code != i32::from(has_error) {
                failures.push(failure(&format!("exits {}", run.code)));
            }
            if has_error && !run.stdout.is_empty() {
                failures.push(failure(&format!("prints on stdout:\n{}", run.stdout)));
            }
            failures.extend(support::expect(&case.name, &case.beside("stderr"), &run.stderr).err());
        }
    }
    support::assert_no_failures(&failures);
}

#[test]
fn an_error_exits_1_pointing_at_file_line_and_column() {
    let run = errdoc(&["check", "tests/data/err/invalid_key.md"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: `invalid_key` is not a key")
            && run
                .stderr
                .contains("\n --> tests/data/err/invalid_key.md:5:7\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_warning_passes_unless_warnings_are_denied() {
    let run = errdoc(&["check", REPEATED_ROW]);
    let warning = "warning: row for code `4000001` repeats an earlier row of the same table; \
                   merged\n --> tests/data/err/repeated_row.md:7:1\n --> \
                   tests/data/err/repeated_row.md:6:1\n\n";
    assert_eq!(run.stderr, warning);
    assert_eq!(run.stdout, "1 service, 2 codes from 1 document\n");
    assert_eq!(run.code, 0);

    let run = errdoc(&["check", "--deny-warnings", REPEATED_ROW]);
    let error = warning.replacen("warning:", "error:", 1);
    assert_eq!(
        run.stderr,
        format!("{error}error: 1 error in the documents\n")
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 1);
}

#[test]
fn a_missing_path_exits_2() {
    for command in [&["check"][..], &["dump", "--format", "json"]] {
        let args = [command, &[SEEDS, "tests/data/missing.md"]].concat();
        let run = errdoc(&args);
        assert_eq!(
            run.stderr,
            "error: `tests/data/missing.md` does not exist\n"
        );
        assert_eq!(run.stdout, "");
        assert_eq!(run.code, 2, "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["check"],
        &["check", "--deny-warnings"],
        &["dump", "--format", "json"],
        &["dump", SEEDS],
        &["dump", "--format", "yaml", SEEDS],
        &["lint", SEEDS],
    ] {
        let run = errdoc(args);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
        assert_eq!(run.code, 2, "{args:?}");
    }
}

#[test]
fn a_folder_without_documents_exits_1() {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("errdoc-cli-no-documents");
    fs::create_dir_all(&folder).expect("a temporary folder");
    fs::write(folder.join("page.html"), "<p>not a document</p>\n").expect("a file");
    let run = errdoc(&["check", &folder.to_string_lossy()]);
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains("holds no documents"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 1);
}

/// What one run of the command line did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the `errdoc` binary that Cargo built for these tests, from the crate folder.
fn errdoc(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("errdoc runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("errdoc prints UTF-8");
    Run {
        code: output
            .status
            .code()
            .expect("errdoc exits rather than being killed"),
        stdout: text(output.stdout),
        stderr: text(output.stderr),
    }
}

/// A row of a document: where it is and what it says.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    file: String,
    line: i64,
    code: i64,
    key: String,
    message: String,
}

/// Every row of the seed documents, read naively: a line whose first cell or word is an
/// integer. This is enough for the seeds, and independent of errdoc's parser.
fn seed_rows() -> Vec<Row> {
    let mut files: Vec<_> = fs::read_dir(SEEDS)
        .expect("the seeds")
        .map(|entry| entry.expect("a seed").path())
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).expect("a seed is UTF-8");
        for (index, line) in text.lines().enumerate() {
            let cells: Vec<String> = match line.trim().strip_prefix('|') {
                Some(cells) => cells
                    .trim_end_matches('|')
                    .split('|')
                    .map(collapse)
                    .collect(),
                None => {
                    let mut words = line.split_whitespace();
                    let (code, key) = (words.next(), words.next());
                    let message = words.collect::<Vec<_>>().join(" ");
                    [code, key]
                        .into_iter()
                        .flatten()
                        .map(str::to_owned)
                        .chain([message])
                        .collect()
                }
            };
            let [code, key, message] = cells.as_slice() else {
                continue;
            };
            let Ok(code) = code.parse() else {
                continue;
            };
            rows.push(Row {
                file: path.to_string_lossy().into_owned(),
                line: i64::try_from(index + 1).expect("a line number"),
                code,
                key: key.clone(),
                message: message.clone(),
            });
        }
    }
    rows.sort();
    rows
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
