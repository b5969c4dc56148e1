//! `errdoc check` as a CI linter prints it: each output format (`human`, `concise`, `json`,
//! `github`, `sarif`, the last validated by a crate that models SARIF 2.1.0), colour, inline
//! suppressions and `unused-suppression`, baselines that survive edits elsewhere in a page,
//! and a docs repository set up from real corpus pages, checked in every format as a CI
//! job would.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A page with a conflict (`4000001` has two messages) and a detached row.
const PAGE: &str = "## AI Service > Demo > Error Code\n\n\
                    | resultCode | resultKey | resultMessage |\n|---|---|---|\n\
                    | 0 | SUCCESS | Success. |\n\
                    | 4000001 | INVALID_PARAMETER | Invalid parameter. |\n\
                    | 4000001 | INVALID_PARAMETER | Invalid parameters. |\n\n\
                    | 4000002 | DETACHED | Cut off by the blank line. |\n";

/// What one run did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `errdoc` in `folder` with `args` and environment `env`.
fn errdoc(folder: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errdoc"));
    command
        .args(args)
        .current_dir(folder)
        .env_remove("NO_COLOR");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("errdoc runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8");
    Run {
        code: output.status.code().expect("an exit code"),
        stdout: text(output.stdout),
        stderr: text(output.stderr),
    }
}

/// A fresh folder under the tests' temporary one, with `files` written into it.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("formats")
        .join(name);
    let _ = fs::remove_dir_all(&root);
    for (path, text) in files {
        let file = root.join(path);
        fs::create_dir_all(file.parent().expect("a folder")).expect("the folder is made");
        fs::write(file, text).expect("the file is written");
    }
    root
}

#[test]
fn the_human_format_shows_the_line_and_a_caret_under_the_column() {
    let root = folder("human", &[("page.md", PAGE)]);
    let run = errdoc(&root, &["check", "page.md"], &[]);
    assert_eq!(run.code, 1);
    let expected = "\
error[conflicting-message]: code `4000001` is listed twice with different messages: `Invalid parameters.` and `Invalid parameter.`
 --> page.md:7:33
  |
7 | | 4000001 | INVALID_PARAMETER | Invalid parameters. |
  |                                 ^ listed again here
  |
 ::: page.md:6:33
  |
6 | | 4000001 | INVALID_PARAMETER | Invalid parameter. |
  |                                 - listed here first
";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(run.stderr.contains("error[detached-row]"), "{}", run.stderr);
    assert!(run.stderr.ends_with("error: 2 errors in the documents\n"));
    assert!(!run.stderr.contains('\u{1b}'), "not a terminal: no colour");
    // Colour when asked, and never with `never` or `NO_COLOR`.
    let always = errdoc(&root, &["check", "--color", "always", "page.md"], &[]);
    assert!(always.stderr.contains("\u{1b}["), "{}", always.stderr);
    let never = errdoc(&root, &["check", "--color=never", "page.md"], &[]);
    assert_eq!(never.stderr, run.stderr);
    let no_color = errdoc(&root, &["check", "page.md"], &[("NO_COLOR", "1")]);
    assert_eq!(no_color.stderr, run.stderr);
}

#[test]
fn the_concise_format_is_one_place_a_line() {
    let root = folder("concise", &[("page.md", PAGE)]);
    let run = errdoc(&root, &["check", "--format", "concise", "page.md"], &[]);
    assert!(
        run.stderr.starts_with(
            "error[conflicting-message]: code `4000001` is listed twice with different messages: \
             `Invalid parameters.` and `Invalid parameter.`\n --> page.md:7:33 (listed again here)\n \
             --> page.md:6:33 (listed here first)\n\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_json_format_is_one_object_of_diagnostics_and_a_summary() {
    let root = folder("json", &[("page.md", PAGE)]);
    let run = errdoc(&root, &["check", "--format", "json", "page.md"], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        value["summary"],
        serde_json::json!({"documents": 1, "services": 1, "codes": 2, "errors": 2, "warnings": 0})
    );
    let first = &value["diagnostics"][0];
    assert_eq!(
        *first,
        serde_json::json!({
            "rule": "conflicting-message",
            "severity": "error",
            "message": "code `4000001` is listed twice with different messages: `Invalid parameters.` and `Invalid parameter.`",
            "file": "page.md",
            "line": 7,
            "column": 33,
            "related": [{"file": "page.md", "line": 6, "column": 33, "label": "listed here first"}],
        })
    );
    assert_eq!(value["diagnostics"][1]["rule"], "detached-row");
}

#[test]
fn the_github_format_annotates_the_pull_request() {
    let root = folder("github", &[("docs/page.md", PAGE)]);
    let run = errdoc(&root, &["check", "--format", "github", "docs"], &[]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=docs/page.md,line=7,col=33,title=errdoc (conflicting-message)::code \
         `4000001` is listed twice with different messages: `Invalid parameters.` and `Invalid \
         parameter.`%0Alisted here first: docs/page.md:6:33"
    );
    assert!(
        lines[1]
            .starts_with("::error file=docs/page.md,line=9,col=1,title=errdoc (detached-row)::")
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn the_sarif_format_is_valid_sarif_2_1_0_with_every_rule() {
    let root = folder("sarif", &[("page.md", PAGE)]);
    let run = errdoc(&root, &["check", "--format", "sarif", "page.md"], &[]);
    assert_eq!(run.code, 1);
    // The typed model of SARIF 2.1.0 (generated from its schema) reads it back.
    let sarif: serde_sarif::sarif::Sarif =
        serde_json::from_str(&run.stdout).expect("SARIF that the SARIF model reads");
    assert_eq!(sarif.runs.len(), 1);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["version"], "2.1.0");
    let run0 = &value["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), errdoc::RULES.len());
    for (rule, info) in rules.iter().zip(errdoc::RULES) {
        assert_eq!(rule["id"], info.id);
        assert!(
            rule["help"]["text"]
                .as_str()
                .is_some_and(|help| help.contains(info.fix))
        );
    }
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["ruleId"], "conflicting-message");
    let index = results[0]["ruleIndex"].as_u64().expect("an index") as usize;
    assert_eq!(errdoc::RULES[index].id, "conflicting-message");
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(7), Some(33))
    );
    assert_eq!(
        results[0]["relatedLocations"][0]["message"]["text"],
        "listed here first"
    );
}

#[test]
fn comments_suppress_rules_and_an_unused_one_is_a_warning() {
    let page = format!(
        "<!-- errdoc-disable conflicting-message -->\n{PAGE}\
         <!-- errdoc-disable-next-line detached-row, duplicate-key -->\n\
         | 4000003 | ALSO_DETACHED | x |\n"
    );
    let root = folder("suppress", &[("page.md", &page)]);
    let run = errdoc(&root, &["check", "--format", "json", "page.md"], &[]);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let found: Vec<(String, u64)> = value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let found_as = |rule: &str, line| (rule.to_owned(), line);
    assert_eq!(
        found,
        [
            found_as("detached-row", 10),
            found_as("unused-suppression", 11)
        ],
        "{}",
        run.stdout
    );
    // The configuration sets the level of `unused-suppression` like any rule's.
    let config = "[rules]\nunused-suppression = \"allow\"\n";
    let root = folder(
        "suppress-config",
        &[("page.md", &page), ("errdoc.toml", config)],
    );
    let run = errdoc(&root, &["check", "--format", "json", "page.md"], &[]);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_baseline_holds_todays_findings_by_rule_file_and_code_not_line() {
    let root = folder("baseline", &[("page.md", PAGE)]);
    let write = errdoc(
        &root,
        &["check", "--write-baseline", "baseline.json", "page.md"],
        &[],
    );
    assert_eq!(
        (write.code, write.stdout.as_str()),
        (0, ""),
        "{}",
        write.stderr
    );
    let baseline: Value =
        serde_json::from_str(&fs::read_to_string(root.join("baseline.json")).expect("written"))
            .expect("JSON");
    assert_eq!(baseline["findings"][0]["rule"], "conflicting-message");
    assert_eq!(baseline["findings"][0]["subject"], "code 4000001");

    // Lines added above shift every finding; the baseline still holds them.
    let shifted = PAGE.replace(
        "## AI Service > Demo > Error Code\n",
        "## AI Service > Demo > Error Code\n\nSome new text.\n\nMore.\n",
    );
    fs::write(root.join("page.md"), &shifted).expect("edited");
    let run = errdoc(
        &root,
        &["check", "--baseline", "baseline.json", "page.md"],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "1 service, 2 codes from 1 document\n");

    // A new problem is reported, and only it.
    let more =
        format!("{shifted}| 4000002 | DETACHED | Cut off by the blank line. |\n| 1 | A | a |\n");
    fs::write(
        root.join("page.md"),
        more.replace(
            "| 0 | SUCCESS | Success. |",
            "| 0 | SUCCESS | Success. |\n| 0 | SUCCESS | Done. |",
        ),
    )
    .expect("edited");
    let run = errdoc(
        &root,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "page.md",
        ],
        &[],
    );
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rules: Vec<&str> = value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["conflicting-message"], "{}", run.stdout);
    assert_eq!(
        value["diagnostics"][0]["message"]
            .as_str()
            .map(|m| m.contains("`Done.`")),
        Some(true)
    );
    assert_eq!(run.code, 1);

    let broken = errdoc(&root, &["check", "--baseline", "page.md", "page.md"], &[]);
    assert_eq!(broken.code, 2);
    assert!(
        broken
            .stderr
            .starts_with("error: cannot read the baseline `page.md`")
    );
}

/// A docs repository as a team has it: real pages of the corpus in their language folders,
/// an `errdoc.toml`, a `.gitignore` that leaves drafts out; checked as a CI job would, in
/// every format.
#[test]
fn a_docs_repository_is_checked_as_a_ci_job_checks_it() {
    let Some(corpus) = support::corpus_folder() else {
        return;
    };
    let page = |path: &str| fs::read_to_string(corpus.join(path)).expect("a corpus page");
    let stt = ["ko", "en", "zh"].map(|language| {
        let path = format!("STT/{language}/error-code.md");
        (path.clone(), page(&path))
    });
    let gateway = (
        "API-Gateway/en/error-code.md".to_owned(),
        page("API-Gateway/en/error-code.md"),
    );
    let draft = (
        "drafts/STT/ko/error-code.md".to_owned(),
        "not a page".to_owned(),
    );
    let config = "[check]\ninclude = [\"*/*/error-code.md\"]\n\n[rules]\ntranslation-missing-code = \"error\"\n";
    let mut files: Vec<(&str, &str)> = stt.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    files.extend([
        (gateway.0.as_str(), gateway.1.as_str()),
        (draft.0.as_str(), draft.1.as_str()),
        ("errdoc.toml", config),
        (".gitignore", "drafts/\n"),
    ]);
    let root = folder("repository", &files);

    let run = errdoc(&root, &["check", "--format", "json"], &[]);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["summary"]["documents"], 4, "the draft is ignored");
    let rules: Vec<(&str, &str)> = value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default(),
                d["file"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("conflicting-message", "API-Gateway/en/error-code.md"),
            ("translation-missing-code", "STT/zh/error-code.md"),
            ("translation-missing-code", "STT/zh/error-code.md"),
        ],
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);

    let github = errdoc(&root, &["check", "--format", "github"], &[]);
    assert_eq!(github.stdout.lines().count(), 3);
    assert!(github.stdout.contains(
        "::error file=STT/zh/error-code.md,line=5,col=1,title=errdoc (translation-missing-code)::"
    ));
    let sarif = errdoc(&root, &["check", "--format", "sarif"], &[]);
    serde_json::from_str::<serde_sarif::sarif::Sarif>(&sarif.stdout).expect("SARIF");
    let human = errdoc(&root, &["check"], &[]);
    assert!(human.stderr.contains("4012001"), "{}", human.stderr);
    assert!(
        human.stderr.ends_with("error: 3 errors in the documents\n"),
        "{}",
        human.stderr
    );

    // Known today: the baseline turns the check on, and a subset run (a changed file)
    // reads its language versions and reports on it alone.
    let write = errdoc(
        &root,
        &["check", "--write-baseline", "errdoc-baseline.json"],
        &[],
    );
    assert_eq!(write.code, 0);
    let clean = errdoc(&root, &["check", "--baseline", "errdoc-baseline.json"], &[]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    let subset = errdoc(
        &root,
        &["check", "--format", "json", "STT/zh/error-code.md"],
        &[],
    );
    let value: Value = serde_json::from_str(&subset.stdout).expect("JSON");
    assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(2));
    assert_eq!(value["summary"]["documents"], 1);
}
