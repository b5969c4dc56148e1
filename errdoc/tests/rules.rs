//! The rules' documentation and coverage: `RULES.md` at the repository root is the table of
//! [`errdoc::RULES`] (so every ID is documented and no stale one is), and every rule ID
//! shows in at least one expectation of `tests/data/err`, so every rule is tested on a
//! page. `ERRDOC_BLESS=1 cargo test -p errdoc --test rules` rewrites the table in
//! `RULES.md`; the text around it is written by hand.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use errdoc::{RULES, RuleInfo, Severity};

/// `RULES.md`, relative to the crate folder.
const RULES_MD: &str = "../RULES.md";

/// The lines between which `RULES.md` holds the generated table.
const BEGIN: &str = "<!-- The table is generated from errdoc::RULES: ERRDOC_BLESS=1 cargo test -p errdoc --test rules -->";
const END: &str = "<!-- End of the generated table. -->";

/// Rules that no page in `tests/data/err` shows, because the command line raises them
/// (across language versions of a page, and for suppressions), not `errdoc::check`; their
/// tests are the command line's.
const TESTED_ELSEWHERE: &[&str] = &[
    "translation-missing-code",
    "translation-service-mismatch",
    "unused-suppression",
];

#[test]
fn rules_md_is_the_table_of_every_rule() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(RULES_MD);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("{} has no `{BEGIN}` … `{END}` lines", path.display());
    };
    let table = format!("{BEGIN}\n\n{}\n", table());
    let expected = format!("{}{table}{}", &text[..begin], &text[end..]);
    let failures: Vec<String> = support::expect("rules", &path, &expected)
        .err()
        .into_iter()
        .collect();
    support::assert_no_failures(&failures);
}

#[test]
fn rule_ids_are_kebab_case_unique_and_documented() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        let kebab = rule.id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
        assert!(kebab, "`{}` is not kebab-case", rule.id);
        assert!(seen.insert(rule.id), "`{}` is listed twice", rule.id);
        for (what, text) in [
            ("summary", rule.summary),
            ("example", rule.example),
            ("fix", rule.fix),
        ] {
            assert!(!text.trim().is_empty(), "`{}` has no {what}", rule.id);
            assert!(
                !text.contains('\n'),
                "`{}`'s {what} is not one line",
                rule.id
            );
        }
        assert_eq!(RuleInfo::get(rule.id), Some(rule));
    }
    assert_eq!(RuleInfo::get("no-such-rule"), None);
}

#[test]
fn every_rule_shows_in_a_fixture_expectation() {
    let mut shown = String::new();
    for path in expectations(&Path::new(env!("CARGO_MANIFEST_DIR")).join(support::ERR)) {
        shown.push_str(&fs::read_to_string(&path).unwrap_or_default());
    }
    let mut failures = Vec::new();
    for rule in RULES {
        let tested = ["error", "warning"].iter().any(|severity| {
            shown.contains(&format!("\n{severity}[{}]: ", rule.id))
                || shown.starts_with(&format!("{severity}[{}]: ", rule.id))
        });
        let elsewhere = TESTED_ELSEWHERE.contains(&rule.id);
        match (tested, elsewhere) {
            (false, false) => failures.push(format!(
                "rule `{}` shows in no expectation under {}: add a case",
                rule.id,
                support::ERR
            )),
            (true, true) => failures.push(format!(
                "rule `{}` is tested by a case now: take it out of TESTED_ELSEWHERE",
                rule.id
            )),
            _ => {}
        }
    }
    for id in TESTED_ELSEWHERE {
        if RuleInfo::get(id).is_none() {
            failures.push(format!("TESTED_ELSEWHERE names `{id}`, which is no rule"));
        }
    }
    support::assert_no_failures(&failures);
}

/// The `.stderr` expectations under `folder`, at any depth.
fn expectations(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(folder) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(expectations(&path));
        } else if path.extension().is_some_and(|ext| ext == "stderr") {
            found.push(path);
        }
    }
    found
}

/// The markdown table of every rule, in the order of [`RULES`].
fn table() -> String {
    let mut out =
        String::from("| ID | default | what it means | example | fix |\n|---|---|---|---|---|\n");
    for rule in RULES {
        let severity = match rule.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "other",
        };
        out.push_str(&format!(
            "| `{}` | {severity} | {} | {} | {} |\n",
            rule.id,
            cell(rule.summary),
            cell(rule.example),
            cell(rule.fix)
        ));
    }
    out
}

/// A text as a GFM table cell: a `|` escaped, also inside code spans, where GFM needs it too.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
