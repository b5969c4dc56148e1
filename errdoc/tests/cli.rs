//! The `errdoc` command line, run as a user runs it: what it prints to stdout and to stderr,
//! and how it exits (0 clean, 1 a document error or an unreadable input, 2 a usage error or
//! a path that does not exist).
//!
//! Paths are relative to the crate folder, as in `tests/data.rs`, so that what errdoc
//! prints is the same on every machine. The cases of `tests/data` are run here too, to
//! prove that their expectations are what the command line prints; `ERRDOC_BLESS=1`
//! rewrites them here as well, so that blessing does not depend on which test runs first.
//!
//! `errdoc diff` is held to `tests/data/diff`: made-up versions of a few pages with every
//! kind of change (`old/` and `new/`), and, under `corpus/`, real versions of pages from the
//! shared docs corpus (see `tests/corpus.rs`), one file per command: its first line is the
//! command, run from the corpus folder so that paths print corpus-relative, and the rest is
//! what it prints and how it exits. Adding a case is adding a file with a command line;
//! `ERRDOC_BLESS=1` fills in the rest. Without the corpus those cases are skipped, unless
//! `ERRDOC_REQUIRE_CORPUS=1`.
//!
//! `errdoc generate` is held to `errdoc::Builder::compile`: the same documents and options
//! give the same bytes.

mod support;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The seed documents, which must check clean.
const SEEDS: &str = "../seeds";

/// The golden `errdoc dump --format json ../seeds`, rewritten by `ERRDOC_BLESS=1`.
const SEEDS_JSON: &str = "tests/data/seeds.json";

/// The err case with nothing but a warning.
const REPEATED_ROW: &str = "tests/data/err/repeated_row.md";

/// The made-up old and new versions of a few pages, with every kind of change between them.
const DIFF_OLD: &str = "tests/data/diff/old";
const DIFF_NEW: &str = "tests/data/diff/new";

/// The expected `errdoc diff` of [`DIFF_OLD`] and [`DIFF_NEW`], as text and as JSON.
const DIFF_TEXT: &str = "tests/data/diff/every-change.txt";
const DIFF_JSON: &str = "tests/data/diff/every-change.json";

/// The `errdoc diff` cases over the corpus: one file per command.
const DIFF_CORPUS: &str = "tests/data/diff/corpus";

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
            // The seeds' tables have no description column and stand under their
            // breadcrumbs alone.
            assert_eq!(entry["descriptions"], Value::Array(Vec::new()));
            assert!(
                array(entry, "sources")
                    .iter()
                    .all(|s| s["section"].is_null())
            );
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
            if args[0] == "check" {
                // `check` prints by place, the library (and the expectation) in the order
                // found: the same paragraphs.
                if paragraphs(&run.stderr) != paragraphs(&expected) {
                    failures.push(failure(&format!("prints\n{}", run.stderr)));
                }
                continue;
            }
            failures.extend(support::expect(&case.name, &case.beside("stderr"), &run.stderr).err());
        }
    }
    support::assert_no_failures(&failures);
}

/// The paragraphs of a text (diagnostics, separated by blank lines), sorted.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    paragraphs.sort_unstable();
    paragraphs
}

#[test]
fn an_error_exits_1_pointing_at_file_line_and_column() {
    let run = errdoc(&["check", "tests/data/err/invalid_key.md"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("error[invalid-key]: `invalid_key` is not a key")
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
    let warning = "warning[repeated-row]: row for code `4000001` repeats an earlier row of the \
                   same table; merged\n --> tests/data/err/repeated_row.md:7:1 (repeated here)\n \
                   --> tests/data/err/repeated_row.md:6:1 (listed here before)\n\n";
    assert_eq!(run.stderr, warning);
    assert_eq!(run.stdout, "1 service, 2 codes from 1 document\n");
    assert_eq!(run.code, 0);

    let run = errdoc(&["check", "--deny-warnings", REPEATED_ROW]);
    let error = warning.replacen("warning[", "error[", 1);
    assert_eq!(
        run.stderr,
        format!("{error}error: 1 error in the documents\n")
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 1);
}

#[test]
fn a_missing_path_exits_2() {
    let args = ["dump", "--format", "json", SEEDS, "tests/data/missing.md"];
    let run = errdoc(&args);
    assert_eq!(
        run.stderr,
        "error: `tests/data/missing.md` does not exist\n"
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 2, "{args:?}");
}

#[test]
fn check_goes_on_past_a_missing_path_then_exits_2() {
    let run = errdoc(&["check", "tests/data/missing.md", SEEDS, "tests/data/gone/"]);
    assert_eq!(
        run.stderr,
        "error: `tests/data/missing.md` does not exist\n\
         error: `tests/data/gone/` does not exist\n"
    );
    assert_eq!(run.stdout, "3 services, 104 codes from 4 documents\n");
    assert_eq!(run.code, 2);

    // A document error among them still prints, and the missing path still decides.
    let run = errdoc(&["check", "tests/data/err/invalid_key.md", "missing.md"]);
    assert!(
        run.stderr
            .starts_with("error[invalid-key]: `invalid_key` is not a key")
    );
    assert!(run.stderr.ends_with("error: `missing.md` does not exist\n"));
    assert_eq!((run.stdout.as_str(), run.code), ("", 2));
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
    assert_eq!(run.stdout, "0 services, 0 codes from 0 documents\n");
    assert_eq!(run.code, 1);
}

#[test]
fn diff_prints_every_kind_of_change_grouped_by_service_then_a_verdict() {
    let run = errdoc(&["diff", DIFF_OLD, DIFF_NEW]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let verdict = "breaking: 1 service removed, 1 code removed, 2 keys renamed, \
                   1 key moved to another code; \
                   minor: 1 service added, 1 code added; \
                   patch: 2 messages changed, 1 service path changed\n";
    assert!(run.stdout.ends_with(verdict), "{}", run.stdout);
    for line in [
        "document_ocr (AI Service > OCR > Document OCR)\n",
        "  renamed  4000002 MAX_UPLOAD_SIZE_EXCEEDED → INVALID_FILE\n",
        "  message  4000002 INVALID_FILE: \"Max upload file size exceeded.\" → \"Invalid file.\"\n",
        "  removed  4000003 INVALID_IMAGE_FORMAT: \"Invalid image format.\"\n",
        "  moved    MAX_UPLOAD_SIZE_EXCEEDED 4000002 → 4131000: the same name now means another code\n",
        "  path     AI Service > Pose Estimation → AI Service > Pose estimation\n",
        "speech_to_text (AI Service > Speech to Text): service removed, with 2 codes\n",
    ] {
        assert!(run.stdout.contains(line), "no {line:?} in:\n{}", run.stdout);
    }
    let golden = support::expect("diff/every-change", Path::new(DIFF_TEXT), &run.stdout);
    support::assert_no_failures(&golden.err().into_iter().collect::<Vec<_>>());
}

#[test]
fn diff_prints_json_with_the_class_counts_and_changes() {
    let run = errdoc(&["diff", "--format", "json", DIFF_OLD, DIFF_NEW]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let diff: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    assert_eq!(diff["class"], "breaking");
    assert_eq!(diff["counts"]["codes_removed"], 1);
    assert_eq!(diff["counts"]["keys_renamed"], 2);
    let services = diff["services"].as_array().expect("a list of services");
    let changes: Vec<(&str, &str, &str)> = services
        .iter()
        .map(|s| {
            let text = |field: &str| s[field].as_str().expect("a string");
            (text("module"), text("change"), text("class"))
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("document_ocr", "changed", "breaking"),
            ("pose_estimation", "changed", "patch"),
            ("speech_to_text", "removed", "breaking"),
            ("text_to_speech", "added", "minor"),
        ]
    );
    let renamed = &services[0]["codes"][1];
    assert_eq!(renamed["code"], 4_000_002);
    assert_eq!(renamed["old"]["key"], "MAX_UPLOAD_SIZE_EXCEEDED");
    assert_eq!(renamed["new"]["variant"], "InvalidFile");
    assert_eq!(renamed["new"]["descriptions"], Value::Array(Vec::new()));
    for count in ["keys_added", "keys_removed", "descriptions_changed"] {
        assert_eq!(diff["counts"][count], 0, "{count}");
    }
    // The same documents print the same bytes.
    assert_eq!(
        errdoc(&["diff", "--format", "json", DIFF_OLD, DIFF_NEW]).stdout,
        run.stdout
    );
    let golden = support::expect("diff/every-change.json", Path::new(DIFF_JSON), &run.stdout);
    support::assert_no_failures(&golden.err().into_iter().collect::<Vec<_>>());
}

#[test]
fn diff_fails_on_a_change_of_the_given_class_or_above() {
    let pose = |side: &str| format!("tests/data/diff/{side}/pose.md");
    // Pairs whose change is none, patch, minor and breaking.
    let pairs = [
        ("none", pose("old"), pose("old")),
        ("patch", pose("old"), pose("new")),
        ("minor", pose("old"), DIFF_NEW.to_owned()),
        ("breaking", DIFF_OLD.to_owned(), DIFF_NEW.to_owned()),
    ];
    let classes = ["none", "patch", "minor", "breaking"];
    for (rank, (class, old, new)) in pairs.iter().enumerate() {
        let run = errdoc(&["diff", old, new]);
        assert_eq!(run.code, 0, "{old} {new}: {}", run.stderr);
        assert!(
            run.stdout
                .lines()
                .last()
                .unwrap_or_default()
                .starts_with(class),
            "{old} {new}: the verdict is not {class}:\n{}",
            run.stdout
        );
        for (at, fail_on) in classes.iter().enumerate().skip(1) {
            let run = errdoc(&["diff", "--fail-on", fail_on, old, new]);
            let expected = i32::from(rank >= at);
            assert_eq!(run.code, expected, "{class} change, --fail-on {fail_on}");
            assert_eq!(run.stderr, "", "{class} change, --fail-on {fail_on}");
            assert!(run.stdout.ends_with('\n') && run.stdout.len() > 1);
        }
    }
}

#[test]
fn diff_of_documents_with_errors_compares_what_parses_and_exits_1() {
    let bad = "tests/data/err/invalid_key.md";
    let check = errdoc(&["check", bad]);
    let incomplete =
        "incomplete: 5 errors in the old version, 0 in the new; what parses is compared\n";
    for args in [
        &["diff", bad, SEEDS][..],
        &["diff", "--fail-on", "breaking", bad, SEEDS],
    ] {
        let run = errdoc(args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stderr, check.stderr, "{args:?}");
        // The page's valid rows are its service's; the seeds' services are added.
        assert!(
            run.stdout
                .contains("pose_estimation (AI Service > Pose Estimation): service added")
                && run.stdout.ends_with(&format!(
                    "breaking: 1 service removed; minor: 3 services added\n{incomplete}"
                )),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let run = errdoc(&["diff", SEEDS, bad]);
    assert_eq!((run.code, run.stderr.as_str()), (1, check.stderr.as_str()));
    assert!(
        run.stdout.ends_with(
            "incomplete: 0 errors in the old version, 5 in the new; what parses is compared\n"
        ),
        "{}",
        run.stdout
    );

    // The JSON holds the diagnostics of each version, and its count of errors.
    let run = errdoc(&["diff", "--format", "json", SEEDS, bad]);
    assert_eq!((run.code, run.stderr.as_str()), (1, check.stderr.as_str()));
    let diff: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    assert_eq!(diff["errors"], serde_json::json!({"old": 0, "new": 5}));
    let diagnostics = diff["diagnostics"]
        .as_array()
        .expect("a list of diagnostics");
    assert_eq!(diagnostics.len(), 5);
    assert_eq!(
        diagnostics[0],
        serde_json::json!({
            "version": "new",
            "rule": "invalid-key",
            "severity": "error",
            "message": "`invalid_key` is not a key (upper-case letters, digits and `_`, starting with a letter)",
            "file": bad,
            "line": 5,
            "column": 7,
            "related": [],
        })
    );
    assert_eq!(diff["class"], "breaking");

    // Both versions' diagnostics, in one report with one count.
    let run = errdoc(&["diff", bad, bad]);
    let once = check
        .stderr
        .strip_suffix("error: 5 errors in the documents\n")
        .expect("five errors in the document");
    assert_eq!(
        run.stderr,
        format!("{once}{once}error: 10 errors in the documents\n")
    );
    assert_eq!(
        run.stdout,
        "none: no changes\n\
         incomplete: 5 errors in the old version, 5 in the new; what parses is compared\n"
    );
    assert_eq!(run.code, 1);

    // A warning is printed, and the diff passes.
    let run = errdoc(&["diff", REPEATED_ROW, REPEATED_ROW]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr.matches("warning[repeated-row]: ").count(),
        2,
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "none: no changes\n");
}

#[test]
fn diff_of_two_folders_lists_the_pages_only_one_has() {
    let run = errdoc(&["diff", DIFF_OLD, DIFF_NEW]);
    assert!(
        run.stdout
            .starts_with("pages\n  added    tts.md\n  removed  speech.md\n\n"),
        "{}",
        run.stdout
    );
    let run = errdoc(&["diff", "--format", "json", DIFF_OLD, DIFF_NEW]);
    let diff: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        diff["pages"],
        serde_json::json!({"added": ["tts.md"], "removed": ["speech.md"]})
    );
    // A page that moved is one removed and one added, though its codes did not change.
    let folder = temp_folder("errdoc-cli-diff-pages");
    for (side, name) in [("old", "pose.md"), ("new", "en/pose-estimation.md")] {
        let path = folder.join(side).join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::copy(format!("{DIFF_OLD}/pose.md"), path).expect("a page");
    }
    let run = errdoc_in(&folder, &["diff", "--fail-on", "patch", "old", "new"]);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (
            0,
            "",
            "pages\n  added    en/pose-estimation.md\n  removed  pose.md\n\nnone: no changes\n"
        )
    );
    // Two documents named directly are one page in two versions, whatever their names.
    let run = errdoc_in(
        &folder,
        &["diff", "old/pose.md", "new/en/pose-estimation.md"],
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, "none: no changes\n"));
}

#[test]
fn diff_of_missing_paths_or_bad_arguments_exits_2() {
    let run = errdoc(&["diff", SEEDS, "tests/data/missing.md"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (2, "", "error: `tests/data/missing.md` does not exist\n")
    );
    for args in [
        &["diff"][..],
        &["diff", SEEDS],
        &["diff", SEEDS, SEEDS, SEEDS],
        &["diff", "--fail-on", "none", SEEDS, SEEDS],
        &["diff", "--format", "yaml", SEEDS, SEEDS],
    ] {
        let run = errdoc(args);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn diff_of_the_seeds_with_themselves_is_no_change() {
    let run = errdoc(&["diff", "--fail-on", "patch", SEEDS, SEEDS]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "none: no changes\n", "")
    );
}

/// A page of one service, `code | KEY | message` a row.
fn page(breadcrumb: &str, rows: &[&str]) -> String {
    let mut text = format!(
        "## {breadcrumb} > Error Code\n\n| resultCode | resultKey | resultMessage |\n|---|---|---|\n"
    );
    for row in rows {
        text.push_str(&format!("| {row} |\n"));
    }
    text
}

/// Runs git in `folder`, as a user without any configuration of their own would.
fn git(folder: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=errdoc",
            "-c",
            "user.email=errdoc@example.com",
        ])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(folder)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A docs repository with history: at tag `v1` an OCR page, a Pose Estimation page, a page
/// with an error, a hidden draft and a file that is not a document; at `HEAD` (`main`) the
/// page with an error gone and a pose message reworded; here, the OCR page deleted and a
/// Text to Speech page added, uncommitted.
fn docs_repository(name: &str) -> PathBuf {
    let folder = temp_folder(name);
    let write = |path: &str, text: &str| {
        let path = folder.join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, text).expect("a page");
    };
    let ocr = page(
        "AI Service > OCR > Document OCR",
        &["1 | INVALID_UUID | Invalid uuid."],
    );
    let pose = |message: &str| {
        page(
            "AI Service > Pose Estimation",
            &[
                "1 | POSE_FAIL | Failed.",
                &format!("2 | POSE_TIMEOUT | {message}"),
            ],
        )
    };
    write("docs/ocr.md", &ocr);
    write("docs/en/pose.md", &pose("Timeout."));
    write(
        "docs/bad.md",
        &page("AI Service > Bad", &["1 | bad_key | Bad."]),
    );
    write(
        "docs/.draft.md",
        &page("AI Service > Draft", &["1 | DRAFT | Draft."]),
    );
    write("docs/notes.html", "<p>not a document</p>\n");
    git(&folder, &["init", "-q"]);
    git(&folder, &["add", "."]);
    git(&folder, &["commit", "-q", "-m", "v1"]);
    git(&folder, &["tag", "v1"]);
    fs::remove_file(folder.join("docs/bad.md")).expect("a page");
    write("docs/en/pose.md", &pose("Timed out."));
    git(&folder, &["commit", "-q", "-a", "-m", "v2"]);
    fs::remove_file(folder.join("docs/ocr.md")).expect("a page");
    write(
        "docs/tts.md",
        &page("AI Service > Text to Speech", &["1 | TTS_FAIL | Failed."]),
    );
    folder
}

#[test]
fn diff_against_a_git_revision_compares_with_the_committed_pages() {
    let repository = docs_repository("errdoc-cli-diff-against");
    let pages = "pages\n  added    docs/tts.md\n  removed  docs/ocr.md\n\n";
    let services = "document_ocr (AI Service > OCR > Document OCR): service removed, with 1 code\n\n\
                    text_to_speech (AI Service > Text to Speech): service added, with 1 code\n\n";
    let run = errdoc_in(&repository, &["diff", "--against", "HEAD", "docs"]);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (
            0,
            "",
            format!("{pages}{services}breaking: 1 service removed; minor: 1 service added\n")
                .as_str()
        )
    );
    let run = errdoc_in(
        &repository,
        &["diff", "--fail-on", "breaking", "--against", "HEAD", "docs"],
    );
    assert_eq!(run.code, 1);

    // Paths are the repository's, from the root or from a folder in it, and the current
    // folder is the default.
    let at_root = errdoc_in(&repository, &["diff", "--against", "HEAD"]);
    let in_docs = errdoc_in(&repository.join("docs"), &["diff", "--against", "HEAD"]);
    let in_en = errdoc_in(
        &repository.join("docs/en"),
        &["diff", "--against", "HEAD", ".."],
    );
    for run in [&at_root, &in_docs, &in_en] {
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (
                0,
                format!("{pages}{services}breaking: 1 service removed; minor: 1 service added\n")
                    .as_str()
            )
        );
    }

    // Against a tag: the message reworded since, and the page with an error, whose errors
    // name the version (`v1:docs/bad.md`) and make the diff of what parses exit 1.
    let run = errdoc_in(&repository, &["diff", "--against", "v1", "docs/en/pose.md"]);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (
            0,
            "",
            "pose_estimation (AI Service > Pose Estimation)\n  \
             message  2 POSE_TIMEOUT: \"Timeout.\" → \"Timed out.\"\n\n\
             patch: 1 message changed\n"
        )
    );
    let run = errdoc_in(&repository, &["diff", "--against", "v1", "docs"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error[invalid-key]: `bad_key` is not a key")
            && run.stderr.contains("\n --> v1:docs/bad.md:5:7\n")
            && run.stderr.ends_with("error: 1 error in the documents\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.starts_with(
            "pages\n  added    docs/tts.md\n  removed  docs/bad.md\n  removed  docs/ocr.md\n\n"
        ) && run.stdout.contains("  message  2 POSE_TIMEOUT")
            && run.stdout.ends_with(
                "incomplete: 1 error in the old version, 0 in the new; what parses is compared\n"
            ),
        "{}",
        run.stdout
    );
    let run = errdoc_in(
        &repository,
        &["diff", "--format", "json", "--against", "v1", "docs"],
    );
    let diff: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        diff["pages"],
        serde_json::json!({"added": ["docs/tts.md"], "removed": ["docs/bad.md", "docs/ocr.md"]})
    );
    assert_eq!(diff["errors"], serde_json::json!({"old": 1, "new": 0}));
    assert_eq!(diff["diagnostics"][0]["file"], "v1:docs/bad.md");

    // A page deleted here is removed, one that is not committed yet added.
    let run = errdoc_in(
        &repository,
        &["diff", "--against", "HEAD", "docs/ocr.md", "docs/tts.md"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        format!("{pages}{services}breaking: 1 service removed; minor: 1 service added\n")
    );
}

#[test]
fn diff_against_an_unknown_revision_or_outside_a_repository_exits_2() {
    let repository = docs_repository("errdoc-cli-diff-against-errors");
    for (args, error) in [
        (
            &["diff", "--against", "v9", "docs"][..],
            "error: cannot read the documents at `v9`: it is not a revision of this repository\n",
        ),
        (
            // Not an option of git's.
            &["diff", "--against=--output=x"],
            "error: cannot read the documents at `--output=x`: it is not a revision of this repository\n",
        ),
        (
            &["diff", "--against", "HEAD", "docs/missing.md"],
            "error: `docs/missing.md` does not exist, here or at `HEAD`\n",
        ),
        (
            &["diff", "--against", "HEAD", "/"],
            "error: cannot read the documents at `HEAD`: `/` is outside the repository\n",
        ),
    ] {
        let run = errdoc_in(&repository, args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", error),
            "{args:?}"
        );
    }

    // Git stops looking for a repository above the folder, which is then in none.
    let folder = temp_folder("errdoc-cli-diff-no-repository");
    fs::copy(format!("{DIFF_OLD}/pose.md"), folder.join("pose.md")).expect("a page");
    let output = Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .args(["diff", "--against", "main"])
        .current_dir(&folder)
        .env(
            "GIT_CEILING_DIRECTORIES",
            folder.parent().expect("a parent"),
        )
        .output()
        .expect("errdoc runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: cannot read the documents at `main`: `git rev-parse` failed: not a git repository"
        ),
        "{stderr}"
    );
}

/// The `errdoc-check` hook of `.pre-commit-hooks.yaml`, as a docs repository runs it:
/// `pre-commit try-repo` on this checkout, in a new git repository with a good page and a
/// bad one. Skipped when `pre-commit` is not on the PATH; slow, since pre-commit builds
/// errdoc in release from its own clone (about three minutes on two cores, then seconds,
/// since both runs share one target folder).
#[test]
#[ignore = "slow: pre-commit builds errdoc in release"]
fn the_pre_commit_hook_passes_good_pages_and_fails_bad_ones() {
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `pre-commit` is not on the PATH");
        return;
    }
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let folder = temp_folder("errdoc-cli-pre-commit");
    let repository = folder.join("docs");
    fs::create_dir_all(&repository).expect("a folder");
    fs::copy(format!("{DIFF_OLD}/pose.md"), repository.join("good.md")).expect("a page");
    fs::copy("tests/data/err/invalid_key.md", repository.join("bad.md")).expect("a page");
    git(&repository, &["init", "-q"]);
    git(&repository, &["add", "."]);
    let hook = |files: &[&str]| {
        let output = Command::new("pre-commit")
            .arg("try-repo")
            .arg(&checkout)
            .args(["errdoc-check", "--files"])
            .args(files)
            .current_dir(&repository)
            .env("PRE_COMMIT_HOME", folder.join("pre-commit"))
            .env("CARGO_TARGET_DIR", folder.join("target"))
            .output()
            .expect("pre-commit runs");
        let printed = String::from_utf8_lossy(&output.stdout).into_owned();
        (output.status.success(), printed)
    };
    let (passed, printed) = hook(&["good.md"]);
    assert!(passed, "{printed}");
    let (passed, printed) = hook(&["good.md", "bad.md"]);
    assert!(!passed, "{printed}");
    assert!(
        printed.contains("error[invalid-key]: `invalid_key` is not a key")
            && printed.contains(" --> bad.md:5:7"),
        "{printed}"
    );
}

/// Real history: versions of pages from the docs repositories' past commits against their
/// current versions, each diff pinned in `tests/data/diff/corpus`.
#[test]
fn diff_of_real_page_versions_from_the_corpus() {
    let Some(corpus) = support::corpus_folder() else {
        return;
    };
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut files: Vec<PathBuf> = fs::read_dir(DIFF_CORPUS)
        .expect("the corpus diff cases")
        .map(|entry| entry.expect("a case").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file).expect("a case is UTF-8");
        let command = text.lines().next().unwrap_or_default();
        let Some(args) = command.strip_prefix("$ errdoc ") else {
            failures.push(format!(
                "{}: the first line is not `$ errdoc …`",
                file.display()
            ));
            continue;
        };
        // The corpus's paths have no spaces, so words are arguments.
        let args: Vec<&str> = args.split_whitespace().collect();
        let run = errdoc_in(&corpus, &args);
        let mut out = format!("{command}\n{}", run.stdout);
        if !run.stderr.is_empty() {
            out.push_str(&format!("--- stderr\n{}", run.stderr));
        }
        out.push_str(&format!("--- exit {}\n", run.code));
        let name = file.file_stem().unwrap_or_default().to_string_lossy();
        failures.extend(support::expect(&format!("diff/corpus/{name}"), &file, &out).err());
        cases += 1;
    }
    assert!(cases > 0, "no case in {DIFF_CORPUS}");
    support::assert_no_failures(&failures);
}

// What a hostile page can hold in its breadcrumb, keys, messages and file name.

/// Escape sequences that erase the line and move the cursor up, over the line before.
const ERASE: &str = "\u{1b}[2K\u{1b}[1A";
/// The start of an OSC 8 hyperlink, whose text shows while the link goes elsewhere.
const LINK: &str = "\u{1b}]8;;http://evil.example\u{1b}\\";
/// The right-to-left override, which shows the rest of the line reversed.
const RTL: &str = "\u{202e}";

#[test]
fn document_text_cannot_forge_terminal_output() {
    let folder = temp_folder("errdoc-cli-control-characters");
    let page = |breadcrumb: &str, rows: &[String]| {
        let mut text = format!(
            "## {breadcrumb} > Error Code\n\n| resultCode | resultKey | resultMessage |\n|---|---|---|\n"
        );
        for row in rows {
            text.push_str(&format!("| {row} |\n"));
        }
        text
    };
    let write = |path: &str, text: &str| {
        let path = folder.join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, text).expect("a page");
    };
    // Two services that become one module, an invalid key, and a code listed twice.
    write(
        &format!("bad/evil{ERASE}{RTL}.md"),
        &page(
            &format!("AI Service > Evil{ERASE} Docs"),
            &[
                format!("1 | BAD{ERASE} | Erases the line above."),
                format!("2 | LINK | {LINK} Click here. "),
                format!("2 | LINK | Reversed {RTL}exe.elif"),
                "3 | C1 | \u{9b}2K Erased.".to_owned(),
                "3 | C1 | Plain.".to_owned(),
            ],
        ),
    );
    write(
        "bad/plain.md",
        &page(
            "AI Service > Evil 2K 1A Docs",
            &["1 | ONE | One.".to_owned()],
        ),
    );
    // Two versions of a page whose breadcrumb and messages changed.
    for (side, message, key) in [
        ("old", format!("Old {LINK} link."), "OLD_KEY"),
        ("new", format!("New {RTL} text."), "NEW_KEY"),
    ] {
        write(
            &format!("{side}/page{ERASE}{RTL}.md"),
            &page(
                &format!("AI Service{ERASE} {side} > Evil Docs"),
                &[
                    format!("1 | LINK | {message}"),
                    format!("2 | {key} | {side}{RTL}"),
                ],
            ),
        );
    }
    fs::create_dir_all(folder.join(format!("empty{ERASE}"))).expect("a folder");

    // The characters that act on a terminal or hide, but the line feeds that end lines: the
    // test's own list, independent of errdoc's.
    let forged = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
            })
            .collect()
    };
    let out = folder.join("out.rs").to_string_lossy().into_owned();
    let empty = format!("empty{ERASE}");
    let runs = [
        (&["check", "bad"][..], 1),
        (&["dump", "--format", "json", "bad"], 1),
        (&["generate", "--out", &out, "bad"], 1),
        (&["diff", "bad", "new"], 1),
        (&["diff", "old", "new"], 0),
        (&["check", &empty], 1),
    ];
    for (args, code) in runs {
        let run = errdoc_in(&folder, args);
        assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert_eq!(forged(text), [], "{args:?} {stream}:\n{text}");
        }
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert!(printed.contains("\\u{1b}"), "{args:?}:\n{printed}");
    }

    let check = errdoc_in(&folder, &["check", "bad"]);
    for expected in [
        "error[invalid-key]: `BAD\\u{1b}[2K\\u{1b}[1A` is not a key (upper-case letters, digits and `_`, \
         starting with a letter): it contains U+001B ESCAPE\n --> bad/evil\\u{1b}[2K\\u{1b}[1A\\u{202e}.md:5:7\n",
        "different messages: `Reversed \\u{202e}exe.elif` and \
         `\\u{1b}]8;;http://evil.example\\u{1b}\\ Click here.`\n",
        "different messages: `Plain.` and `\\u{9b}2K Erased.`\n",
        "error[module-collision]: services `AI Service > Evil 2K 1A Docs` and \
         `AI Service > Evil\\u{1b}[2K\\u{1b}[1A Docs` both become `evil_2k_1a_docs`\n",
    ] {
        assert!(
            check.stderr.contains(expected),
            "no {expected:?} in:\n{}",
            check.stderr
        );
    }
    assert_eq!(
        errdoc_in(&folder, &["check", &empty]).stderr,
        "error: `empty\\u{1b}[2K\\u{1b}[1A` holds no documents (`*.md`, `*.markdown` or `*.txt`)\n"
    );

    let diff = errdoc_in(&folder, &["diff", "old", "new"]);
    assert_eq!(
        diff.stdout,
        "evil_docs (AI Service\\u{1b}[2K\\u{1b}[1A new > Evil Docs)\n  \
         path     AI Service\\u{1b}[2K\\u{1b}[1A old > Evil Docs → \
         AI Service\\u{1b}[2K\\u{1b}[1A new > Evil Docs\n  \
         message  1 LINK: \"Old \\u{1b}]8;;http://evil.example\\u{1b}\\\\ link.\" → \
         \"New \\u{202e} text.\"\n  \
         renamed  2 OLD_KEY → NEW_KEY\n  \
         message  2 NEW_KEY: \"old\\u{202e}\" → \"new\\u{202e}\"\n\n\
         breaking: 1 key renamed; patch: 2 messages changed, 1 service path changed\n"
    );

    // JSON escapes what JSON must, and keeps every value exact.
    let json = |args: &[&str]| -> Value {
        let run = errdoc_in(&folder, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
    };
    let dump = json(&["dump", "--format", "json", "new"]);
    let service = &dump["services"][0];
    assert_eq!(service["path"][0], format!("AI Service{ERASE} new"));
    assert_eq!(service["entries"][0]["message"], format!("New {RTL} text."));
    assert_eq!(
        service["entries"][0]["sources"][0]["file"],
        format!("new/page{ERASE}{RTL}.md")
    );
    let diff = json(&["diff", "--format", "json", "old", "new"]);
    let change = &diff["services"][0]["codes"][0];
    assert_eq!(change["old"]["message"], format!("Old {LINK} link."));
    assert_eq!(change["new"]["message"], format!("New {RTL} text."));
}

#[test]
fn generate_writes_exactly_what_builder_compile_writes() {
    let folder = temp_folder("errdoc-cli-generate-same-bytes");
    for serde in [None, Some("serde")] {
        let name = serde.unwrap_or("plain");
        let compiled = folder.join(format!("{name}-compiled.rs"));
        let generated = folder.join(format!("{name}-generated.rs"));
        let mut builder = errdoc::Builder::new().docs(SEEDS).out_file(&compiled);
        if let Some(feature) = serde {
            builder = builder.serde_feature(feature);
        }
        let summary = builder.compile().expect("the seeds compile");
        assert_eq!(
            summary.to_string(),
            "3 services, 104 codes from 4 documents"
        );

        let out = generated.to_string_lossy().into_owned();
        let mut args = vec!["generate", "--out", &out];
        if let Some(feature) = serde {
            args.extend(["--serde-feature", feature]);
        }
        args.push(SEEDS);
        let run = errdoc(&args);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
        assert_eq!(
            run.stdout,
            format!("wrote `{out}`: 3 services, 104 codes from 4 documents\n")
        );
        let (compiled, generated) = (read(&compiled), read(&generated));
        assert!(compiled.starts_with(b"// @generated"), "{name}");
        assert!(
            compiled == generated,
            "{name}: errdoc generate differs from compile"
        );
        // The flag reaches the builder's option: serde's code is there only when asked for.
        let serde_cfg = String::from_utf8_lossy(&generated).contains(r#"feature = "serde""#);
        assert_eq!(serde_cfg, serde.is_some(), "{name}");

        // A second run finds the file up to date and leaves it alone.
        let run = errdoc(&args);
        assert_eq!(run.code, 0);
        assert_eq!(
            run.stdout,
            format!("`{out}` is up to date: 3 services, 104 codes from 4 documents\n")
        );
    }
}

#[test]
fn generate_check_passes_a_fresh_file_and_fails_a_stale_or_missing_one() {
    let folder = temp_folder("errdoc-cli-generate-check");
    let file = folder.join("errdoc.rs");
    let out = file.to_string_lossy().into_owned();
    let _ = fs::remove_file(&file);
    let check = [
        "generate",
        "--check",
        "--out",
        &out,
        "--serde-feature",
        "serde",
        SEEDS,
    ];
    let regenerate = format!(
        "help: regenerate it with `errdoc generate --out {out} --serde-feature serde {SEEDS}`\n"
    );

    let run = errdoc(&check);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!("error: `{out}` is stale: it does not exist\n{regenerate}")
    );
    assert!(!file.exists(), "--check wrote the file");

    let generate = ["generate", "--out", &out, "--serde-feature", "serde", SEEDS];
    assert_eq!(errdoc(&generate).code, 0);
    let fresh = read(&file);
    let run = errdoc(&check);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        format!("`{out}` is up to date: 3 services, 104 codes from 4 documents\n")
    );

    let stale = format!("{}// edited by hand\n", String::from_utf8_lossy(&fresh));
    fs::write(&file, &stale).expect("a stale file");
    let run = errdoc(&check);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: `{out}` is stale: it differs from the code the documents generate\n\
             {regenerate}"
        )
    );
    assert_eq!(read(&file), stale.as_bytes(), "--check wrote the file");

    assert_eq!(errdoc(&generate).code, 0);
    assert_eq!(read(&file), fresh, "generate did not restore the file");
}

#[test]
fn generate_writes_nothing_from_documents_with_errors() {
    let folder = temp_folder("errdoc-cli-generate-errors");
    let file = folder.join("errdoc.rs");
    let out = file.to_string_lossy().into_owned();
    let _ = fs::remove_file(&file);
    let bad = "tests/data/err/invalid_key.md";
    for check in [false, true] {
        let mut args = vec!["generate", "--out", &out, bad];
        if check {
            args.insert(1, "--check");
        }
        let run = errdoc(&args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr, errdoc(&["check", bad]).stderr, "{args:?}");
        assert!(!file.exists(), "{args:?} wrote the file");
    }

    // A warning is printed and the file written, unless warnings are denied.
    let run = errdoc(&["generate", "--deny-warnings", "--out", &out, REPEATED_ROW]);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert!(
        run.stderr
            .starts_with("error[repeated-row]: row for code `4000001` repeats")
    );
    assert!(!file.exists(), "--deny-warnings wrote the file");
    let run = errdoc(&["generate", "--out", &out, REPEATED_ROW]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("warning[repeated-row]: row for code `4000001` repeats")
    );
    assert_eq!(
        run.stdout,
        format!("wrote `{out}`: 1 service, 2 codes from 1 document\n")
    );
    assert!(file.exists());
}

#[test]
fn generate_usage_errors_exit_2() {
    for args in [
        &["generate", SEEDS][..],
        &["generate", "--out", "x.rs"],
        &["generate", "--check", SEEDS],
        &["generate", "--out", "x.rs", "--serde-feature", SEEDS],
    ] {
        let run = errdoc(args);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
    assert!(!Path::new("x.rs").exists());
    let run = errdoc(&["generate", "--out", "x.rs", "tests/data/missing.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `tests/data/missing.md` does not exist\n"
    );
    assert!(!Path::new("x.rs").exists());
}

// `errdoc check` as a CI job runs it: configured by `errdoc.toml`, over a docs repository.

/// A page of the service `service` listing `codes`, each with a key and a message.
fn coded_page(service: &str, codes: &[i32]) -> String {
    let mut text = format!("## AI Service > {service} > Error Code\n\n");
    text.push_str("| resultCode | resultKey | resultMessage |\n|---|---|---|\n");
    for code in codes {
        text.push_str(&format!("| {code} | KEY_{code} | Message {code}. |\n"));
    }
    text
}

/// A fresh docs repository under the temporary folder, holding `files` (path, text).
fn repository(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = temp_folder(name);
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, text).expect("a file");
    }
    root
}

/// What `STT/zh/error-code.md` says about a code that `STT/ko/error-code.md` lists at
/// `line`, `zh` being at `prefix`.
fn missing(code: i32, prefix: &str, line: u32) -> String {
    format!(
        "warning[translation-missing-code]: code `{code}` is not listed here, but its \
         language version `{prefix}A/ko/error-code.md` lists it\n --> \
         {prefix}A/zh/error-code.md:3:1\n --> {prefix}A/ko/error-code.md:{line}:1 (listed \
         here)\n\n"
    )
}

const INCLUDE_PAGES: &str =
    "[check]\ninclude = [\"*/*/error-code.md\"]\nexclude = [\"**/*@*/**\"]\n";

#[test]
fn check_finds_its_config_in_the_folder_a_parent_or_from_config() {
    let ko = coded_page("A", &[1, 2]);
    let zh = coded_page("A", &[1]);
    let root = repository(
        "errdoc-cli-config-discovery",
        &[
            ("errdoc.toml", INCLUDE_PAGES),
            ("A/ko/error-code.md", &ko),
            ("A/zh/error-code.md", &zh),
            ("A@123/ko/error-code.md", "excluded, not a page"),
            ("notes/todo.md", "not included, not a page"),
        ],
    );
    let run = errdoc_in(&root, &["check"]);
    assert_eq!(run.stderr, missing(2, "", 6));
    assert_eq!(run.stdout, "1 service, 2 codes from 2 documents\n");
    assert_eq!(run.code, 0);

    let run = errdoc_in(&root.join("A/zh"), &["check"]);
    assert_eq!(
        run.stderr,
        missing(2, "../../", 6),
        "paths from where it runs"
    );
    assert_eq!(run.stdout, "1 service, 2 codes from 2 documents\n");

    let outside = temp_folder("errdoc-cli-config-outside");
    let config = root.join("errdoc.toml");
    let run = errdoc_in(&outside, &["check", "--config", &config.to_string_lossy()]);
    assert_eq!(run.stdout, "1 service, 2 codes from 2 documents\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Without a configuration, every document under the path is read.
    let run = errdoc_in(&outside, &["check", &root.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("todo.md:1:1"), "{}", run.stderr);
}

#[test]
fn a_wrong_config_is_an_error_at_its_line_and_column() {
    let ko = coded_page("A", &[1]);
    for (config, expected) in [
        (
            "[check]\ninclude = [\"*.md\"]\nincluded = []\n",
            "error: errdoc.toml:3:1: unknown field `included`",
        ),
        ("[chek]\n", "error: errdoc.toml:1:2: unknown field `chek`"),
        (
            "[rules]\ndetached-row = \"fatal\"\n",
            "error: errdoc.toml:2:16: unknown variant `fatal`, expected one of `allow`, `warn`, `error`",
        ),
        (
            "[rules]\n\"repeated-row\" = \"warn\"\nno-such-rule = \"warn\"\n",
            "error: errdoc.toml:3:1: unknown rule `no-such-rule`",
        ),
        (
            "[[ignore]]\npath = \"legacy/**\"\nrules = [\"detached-row\", \"detached-rows\"]\n",
            "error: errdoc.toml:3:26: unknown rule `detached-rows`",
        ),
        (
            "[check]\nexclude = [\"a/[b\"]\n",
            "error: errdoc.toml:2:12: bad glob `a/[b`",
        ),
        (
            "[languages]\nsegments = \"ko\"\n",
            "error: errdoc.toml:2:12: invalid type: string \"ko\", expected a sequence",
        ),
    ] {
        let root = repository(
            "errdoc-cli-config-errors",
            &[("errdoc.toml", config), ("A/ko/error-code.md", &ko)],
        );
        let run = errdoc_in(&root, &["check"]);
        assert!(
            run.stderr.starts_with(expected),
            "{config}:\n{}",
            run.stderr
        );
        assert_eq!((run.stdout.as_str(), run.code), ("", 2), "{config}");
    }
}

#[test]
fn check_respects_gitignore_outside_a_git_repository_too() {
    let ko = coded_page("A", &[1]);
    let root = repository(
        "errdoc-cli-gitignore",
        &[
            (".gitignore", "drafts/\n*.tmp.md\n"),
            ("A/ko/error-code.md", &ko),
            ("A/ko/error-code.tmp.md", "ignored, not a page"),
            ("drafts/B/ko/error-code.md", "ignored, not a page"),
        ],
    );
    for args in [&["check", "."][..], &["check", "A", "."]] {
        let run = errdoc_in(&root, args);
        assert_eq!(run.stderr, "", "{args:?}");
        assert_eq!(
            run.stdout, "1 service, 1 code from 1 document\n",
            "{args:?}"
        );
    }
    // A path named on the command line is read whatever .gitignore says, as ripgrep
    // reads it.
    for path in ["drafts/B/ko/error-code.md", "drafts"] {
        let run = errdoc_in(&root, &["check", path]);
        assert!(
            run.stderr.contains("drafts/B/ko/error-code.md:1:1"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn rules_set_each_rules_level_and_ignore_drops_rules_in_some_files() {
    let repeated = format!("{}| 1 | KEY_1 | Message 1. |\n", coded_page("A", &[1]));
    let detached = format!("{}\n| 2 | KEY_2 | Message 2. |\n", coded_page("B", &[1]));
    let files = |config: &str| {
        let ko = coded_page("C", &[1, 2]);
        let zh = coded_page("C", &[1]);
        let files = [
            ("errdoc.toml", config),
            ("repeated.md", repeated.as_str()),
            ("legacy/old/detached.md", detached.as_str()),
            ("C/ko/error-code.md", ko.as_str()),
            ("C/zh/error-code.md", zh.as_str()),
        ];
        repository("errdoc-cli-rules", &files)
    };
    let count =
        |run: &Run, label: &str| run.stderr.lines().filter(|l| l.starts_with(label)).count();

    let run = errdoc_in(&files(""), &["check"]);
    assert_eq!(
        (count(&run, "warning["), count(&run, "error[")),
        (2, 1),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);

    let config = "[rules]\nrepeated-row = \"error\"\ntranslation-missing-code = \"allow\"\n\
                  detached-row = \"warn\"\n";
    let run = errdoc_in(&files(config), &["check"]);
    assert!(
        run.stderr
            .contains("error[repeated-row]: row for code `1` repeats"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning[detached-row]: row is not part of the table above")
    );
    assert!(!run.stderr.contains("is not listed here"));
    assert_eq!(
        (count(&run, "warning["), count(&run, "error[")),
        (1, 1),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);

    let config = "[rules]\nrepeated-row = \"allow\"\ntranslation-missing-code = \"error\"\n\n\
                  [[ignore]]\npath = \"legacy/**/*.md\"\nrules = [\"detached-row\"]\n";
    let run = errdoc_in(&files(config), &["check"]);
    assert!(
        run.stderr
            .starts_with("error[translation-missing-code]: code `2` is not listed here"),
        "{}",
        run.stderr
    );
    assert_eq!(
        (count(&run, "warning["), count(&run, "error[")),
        (0, 1),
        "{}",
        run.stderr
    );

    let config = "[rules]\nrepeated-row = \"allow\"\ntranslation-missing-code = \"warn\"\n\n\
                  [[ignore]]\npath = \"legacy/**\"\nrules = [\"detached-row\"]\n";
    let run = errdoc_in(&files(config), &["check", "--deny-warnings"]);
    assert_eq!(
        count(&run, "error["),
        1,
        "warn, then denied: {}",
        run.stderr
    );
    let run = errdoc_in(&files(config), &["check"]);
    assert_eq!(
        (run.code, count(&run, "warning[")),
        (0, 1),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "3 services, 4 codes from 4 documents\n");
}

#[test]
fn check_reads_standard_input_under_its_stdin_filename() {
    let ko = coded_page("A", &[1, 2]);
    let root = repository(
        "errdoc-cli-stdin",
        &[
            ("A/ko/error-code.md", &ko),
            ("A/zh/error-code.md", "the old text on disk, not a page"),
        ],
    );
    let zh = coded_page("A", &[1]);
    let run = errdoc_with_stdin(
        &root,
        &["check", "--stdin-filename", "A/zh/error-code.md", "-"],
        &zh,
    );
    assert_eq!(run.stderr, missing(2, "", 6));
    assert_eq!(run.stdout, "1 service, 2 codes from 1 document\n");
    assert_eq!(run.code, 0);

    let run = errdoc_with_stdin(&root, &["check", "-"], "not a page");
    assert!(
        run.stderr
            .starts_with("error[no-error-code-table]: no error-code table"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" --> -:1:1\n"), "{}", run.stderr);
    assert_eq!(run.code, 1);
}

#[test]
fn a_file_reached_twice_is_read_once() {
    let ko = coded_page("A", &[1]);
    let root = repository("errdoc-cli-duplicates", &[("A/ko/error-code.md", &ko)]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("ko", root.join("A/link")).expect("a link");
    let run = errdoc_in(
        &root,
        &[
            "check",
            "A/ko/error-code.md",
            "A/../A/ko/error-code.md",
            "A",
            ".",
        ],
    );
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, "1 service, 1 code from 1 document\n");
}

#[test]
fn paths_the_config_filters_out_are_0_documents() {
    let root = repository(
        "errdoc-cli-zero-documents",
        &[
            ("errdoc.toml", INCLUDE_PAGES),
            ("notes/todo.md", "not included, not a page"),
            ("A@1/ko/error-code.md", "excluded, not a page"),
        ],
    );
    for args in [
        &["check", "notes/todo.md", "A@1/ko/error-code.md"][..],
        &["check", "notes"],
        &["check"],
    ] {
        let run = errdoc_in(&root, args);
        assert_eq!(run.stderr, "", "{args:?}");
        assert_eq!(
            run.stdout, "0 services, 0 codes from 0 documents\n",
            "{args:?}"
        );
        assert_eq!(run.code, 0, "{args:?}");
    }
}

#[test]
fn a_subset_is_checked_with_its_language_versions_and_reported_alone() {
    let ko = coded_page("A", &[1, 2]);
    let en = coded_page("A", &[1, 2]).replace("KEY_2", "bad key");
    let zh = coded_page("A", &[1]);
    let root = repository(
        "errdoc-cli-subset",
        &[
            ("A/ko/error-code.md", &ko),
            ("A/en/error-code.md", &en),
            ("A/zh/error-code.md", &zh),
        ],
    );
    let run = errdoc_in(&root, &["check", "A/zh/error-code.md"]);
    assert_eq!(run.stderr, missing(2, "", 6), "not en's error");
    assert_eq!(run.stdout, "1 service, 2 codes from 1 document\n");
    let run = errdoc_in(&root, &["check", "A/ko/error-code.md"]);
    assert_eq!((run.stderr.as_str(), run.code), ("", 0));
    let run = errdoc_in(&root, &["check", "A/ko"]);
    assert_eq!((run.stderr.as_str(), run.code), ("", 0));
    let run = errdoc_in(&root, &["check", "A/en/error-code.md"]);
    assert!(
        run.stderr
            .starts_with("error[invalid-key]: `bad key` is not a key"),
        "{}",
        run.stderr
    );
}

#[test]
fn stt_in_chinese_lacks_two_codes_of_the_other_languages() {
    let Some(corpus) = support::corpus_folder() else {
        return;
    };
    let expected = |code: i32, line: u32| {
        format!(
            "warning[translation-missing-code]: code `{code}` is not listed here, but its \
             language version `STT/ko/error-code.md` lists it\n --> STT/zh/error-code.md:5:1\n \
             --> STT/ko/error-code.md:{line}:1 (listed here)\n\n"
        )
    };
    let both = expected(4_010_007, 29) + &expected(4_010_008, 30);
    for args in [
        &["check", "STT/zh/error-code.md"][..],
        &[
            "check",
            "STT/ko/error-code.md",
            "STT/en/error-code.md",
            "STT/zh/error-code.md",
        ],
    ] {
        let run = errdoc_in(&corpus, args);
        assert_eq!(run.stderr, both, "{args:?}");
        assert_eq!(run.code, 0, "{args:?}");
    }
    let run = errdoc_in(&corpus, &["check", "STT/ko/error-code.md"]);
    assert_eq!((run.stderr.as_str(), run.code), ("", 0), "ko lacks nothing");
}

/// What one run of the command line did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the `errdoc` binary that Cargo built for these tests, from the crate folder.
fn errdoc(args: &[&str]) -> Run {
    errdoc_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// The arguments a test gives, with `check` and `diff` in their concise format unless the
/// test asks for another: the tests of what is found compare the places, one a line; the
/// human format's drawings are tested on their own (`the_human_format_shows_the_line_and_a_caret`).
fn concise<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut args = args.to_vec();
    let command = args.first().copied();
    if matches!(command, Some("check" | "diff"))
        && !args.iter().any(|arg| arg.starts_with("--format"))
    {
        args.insert(1, "--format=concise");
    }
    args
}

/// Runs the `errdoc` binary from `folder`.
fn errdoc_in(folder: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .args(concise(args))
        .current_dir(folder)
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

/// Runs the `errdoc` binary from `folder`, with `input` on its standard input.
fn errdoc_with_stdin(folder: &Path, args: &[&str], input: &str) -> Run {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_errdoc"))
        .args(concise(args))
        .current_dir(folder)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("errdoc runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    stdin.write_all(input.as_bytes()).expect("errdoc reads");
    drop(stdin);
    let output = child.wait_with_output().expect("errdoc runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("errdoc prints UTF-8");
    Run {
        code: output.status.code().expect("errdoc exits"),
        stdout: text(output.stdout),
        stderr: text(output.stderr),
    }
}

/// A file's bytes, which the test needs.
fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A fresh folder of this test's own under Cargo's temporary folder for tests.
fn temp_folder(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).expect("a temporary folder");
    folder
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
                    .map(support::text::collapse)
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

#[test]
fn an_ignore_that_drops_nothing_is_a_warning_on_a_run_over_the_whole_tree() {
    // `A`'s Korean page lacks code 2, which the English one lists.
    let files = |config: &str| {
        repository(
            "errdoc-cli-unused-ignore",
            &[
                ("errdoc.toml", config),
                ("A/ko/error-code.md", &coded_page("A", &[1])),
                ("A/en/error-code.md", &coded_page("A", &[1, 2])),
            ],
        )
    };
    let config = "[[ignore]]\npath = \"A/ko/*.md\"\n\
                  rules = [\"translation-missing-code\", \"detached-row\"]\n\n\
                  [[ignore]]\npath = \"legacy/**\"\nrules = [\"repeated-row\"]\n";
    let run = errdoc_in(&files(config), &["check"]);
    assert_eq!(
        run.stderr,
        "warning[unused-suppression]: suppression of `detached-row` suppresses nothing; remove it\n \
         --> errdoc.toml:3:38\n\n\
         warning[unused-suppression]: suppression of `repeated-row` suppresses nothing; remove it\n \
         --> errdoc.toml:7:10\n\n"
    );
    assert_eq!(run.code, 0);
    // The human format shows the configuration's line.
    let run = errdoc_in(&files(config), &["check", "--format", "human"]);
    assert!(
        run.stderr.contains("7 | rules = [\"repeated-row\"]"),
        "{}",
        run.stderr
    );

    // A run on some files leaves most ignores nothing to drop: they are not reported.
    let run = errdoc_in(&files(config), &["check", "A/ko/error-code.md"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));

    // The level follows `[rules]`.
    let denied = format!("{config}\n[rules]\nunused-suppression = \"error\"\n");
    let run = errdoc_in(&files(&denied), &["check"]);
    assert_eq!(
        (
            run.code,
            run.stderr.matches("error[unused-suppression]").count()
        ),
        (1, 2),
        "{}",
        run.stderr
    );
    let allowed = format!("{config}\n[rules]\nunused-suppression = \"allow\"\n");
    let run = errdoc_in(&files(&allowed), &["check"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn diff_prints_github_workflow_commands_and_sarif() {
    let run = errdoc(&["diff", "--format", "github", DIFF_OLD, DIFF_NEW]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    for line in [
        "::notice file=tests/data/diff/new/tts.md,line=1,title=errdoc diff (page)::page `tts.md` added\n",
        "::warning file=tests/data/diff/new/ocr.md,line=9,title=errdoc diff (breaking)::\
         document_ocr: renamed 5003001 OCR_API_FAIL → OCR_DOCUMENT_API_FAIL\n",
        "::warning title=errdoc diff (breaking)::document_ocr: removed 4000003 \
         INVALID_IMAGE_FORMAT: \"Invalid image format.\"\n",
        "::notice file=tests/data/diff/new/ocr.md,line=8,title=errdoc diff (minor)::\
         document_ocr: added 4131000 MAX_UPLOAD_SIZE_EXCEEDED: \
         \"Request size is larger than permissible limit.\"\n",
    ] {
        assert!(run.stdout.contains(line), "no {line:?} in:\n{}", run.stdout);
    }
    assert!(
        run.stdout.ends_with(
            "::notice::breaking: 1 service removed, 1 code removed, \
             2 keys renamed, 1 key moved to another code; minor: 1 service added, 1 code added; \
             patch: 2 messages changed, 1 service path changed\n"
        ),
        "{}",
        run.stdout
    );

    // A version's diagnostics come first, as `check --format github` prints them.
    let bad = "tests/data/err/invalid_key.md";
    let check = errdoc(&["check", "--format", "github", bad]);
    let run = errdoc(&["diff", "--format", "github", SEEDS, bad]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(&check.stdout), "{}", run.stdout);
    assert!(
        run.stdout.ends_with(
            "%0Aincomplete: 0 errors in the old version, 5 in the new; what parses is compared\n"
        ),
        "{}",
        run.stdout
    );

    // SARIF: the diagnostics as `check` gives them, and a result per change.
    let run = errdoc(&["diff", "--format", "sarif", SEEDS, bad]);
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    serde_json::from_str::<serde_sarif::sarif::Sarif>(&run.stdout).expect("SARIF 2.1.0");
    let sarif: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run0["results"].as_array().expect("results");
    for id in [
        "breaking-change",
        "minor-change",
        "patch-change",
        "page-change",
    ] {
        let index = rules.iter().position(|rule| rule["id"] == id).expect(id);
        assert!(rules[index]["help"]["text"].as_str().is_some(), "{id}");
        for result in results.iter().filter(|result| result["ruleId"] == id) {
            assert_eq!(result["ruleIndex"], index, "{id}");
            let level = if id == "breaking-change" {
                "warning"
            } else {
                "note"
            };
            assert_eq!(result["level"], level, "{id}");
        }
    }
    let count = |id: &str| results.iter().filter(|r| r["ruleId"] == id).count();
    assert_eq!(count("invalid-key"), 5);
    assert!(count("breaking-change") > 0 && count("minor-change") > 0);

    let run = errdoc(&["diff", "--format", "sarif", DIFF_OLD, DIFF_NEW]);
    assert_eq!(run.code, 0);
    serde_json::from_str::<serde_sarif::sarif::Sarif>(&run.stdout).expect("SARIF 2.1.0");
    let sarif: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(
        results
            .iter()
            .any(|result| result["ruleId"] == "patch-change"
                && result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5)
    );
}

#[test]
fn diff_human_draws_the_diagnostics_and_text_is_its_other_name() {
    let bad = "tests/data/err/invalid_key.md";
    let check = errdoc(&["check", "--format", "human", "--color", "never", bad]);
    for format in ["human", "text"] {
        let run = errdoc(&["diff", "--format", format, "--color", "never", SEEDS, bad]);
        assert_eq!(run.code, 1, "{format}");
        assert_eq!(run.stderr, check.stderr, "{format}");
        assert!(
            run.stderr.contains("5 | | 1 | invalid_key | Lower case. |"),
            "{}",
            run.stderr
        );
        assert!(
            run.stdout.ends_with("what parses is compared\n"),
            "{}",
            run.stdout
        );
    }
    let coloured = errdoc(&["diff", "--format", "human", "--color", "always", SEEDS, bad]);
    assert!(coloured.stderr.contains('\u{1b}'), "{}", coloured.stderr);
}
