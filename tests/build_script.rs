//! The build script end to end: a real `cargo build` of this crate against folders of
//! documents named by `AI_SERVICE_ERRORS_DOCS`, in a target directory of its own.
//!
//! These are the promises made to doc maintainers: a broken page fails the build with the
//! same diagnostics as `errdoc check` and leaves the generated file as it was; an edited
//! page regenerates the code; and nothing reruns when nothing changed.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const GOOD: &str = "## Demo > Widget > Error Code\n\n\
    | resultCode | resultKey | resultMessage |\n\
    |---|---|---|\n\
    | 0 | SUCCESS | Success |\n\
    | 4000001 | INVALID_PARAMETER | Invalid parameter. |\n";

/// This test's own target directory, under the tests' temporary one.
const TARGET: &str = "build-script";

/// Builds the crate against `docs`, verbosely so that Cargo says what it ran.
fn cargo_build(docs: &Path) -> Output {
    let command = ["build", "-v", "-p", "ai-service-errors"];
    support::cargo(&command, &[], &support::manifest(), TARGET, docs)
}

fn target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(TARGET)
}

/// A fresh folder of documents.
fn docs(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docs")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        fs::write(dir.join(file), text).unwrap();
    }
    dir
}

/// The generated files of every build of this crate in the test's target directory.
fn generated() -> Vec<(PathBuf, String)> {
    let build = target().join("debug").join("build");
    let mut files = Vec::new();
    for entry in fs::read_dir(build).into_iter().flatten().flatten() {
        let out = entry.path().join("out").join("ai_service_errors.rs");
        if let Ok(text) = fs::read_to_string(&out) {
            files.push((out, text));
        }
    }
    files
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ran_build_script(output: &Output) -> bool {
    stderr(output)
        .lines()
        .any(|line| line.contains("Running") && line.contains("build-script-build"))
}

/// One test, because the steps share a target directory and must run in order.
#[test]
#[ignore = "end to end, slow: runs cargo on this crate; `cargo test -- --ignored` runs it, as CI does"]
fn build_script_regenerates_fails_precisely_and_stays_quiet() {
    let dir = docs("widget", &[("widget.md", GOOD)]);

    let first = cargo_build(&dir);
    assert!(first.status.success(), "{}", stderr(&first));
    let code = generated();
    assert_eq!(code.len(), 1, "one generated file");
    assert!(code[0].1.contains("pub mod widget"), "{}", code[0].1);
    assert!(code[0].1.contains("InvalidParameter"));

    let second = cargo_build(&dir);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        !ran_build_script(&second),
        "nothing changed, yet:\n{}",
        stderr(&second)
    );

    // An added document regenerates the code.
    let more = GOOD.replace("Widget", "Gadget");
    fs::write(dir.join("gadget.md"), &more).unwrap();
    let third = cargo_build(&dir);
    assert!(third.status.success(), "{}", stderr(&third));
    assert!(
        ran_build_script(&third),
        "a new document must rerun the build script"
    );
    let with_gadget = generated().remove(0).1;
    assert!(with_gadget.contains("pub mod gadget"));

    // A broken edit fails with errdoc's diagnostics and leaves the generated file alone.
    let broken = GOOD.replace("| 4000001 |", "| 40000O1 |");
    fs::write(dir.join("gadget.md"), broken).unwrap();
    let fourth = cargo_build(&dir);
    assert!(!fourth.status.success());
    // Cargo indents what the build script printed by two spaces.
    let printed: Vec<String> = stderr(&fourth)
        .lines()
        .map(|line| line.trim().to_owned())
        .collect();
    let expected = [
        "error[invalid-code]: `40000O1` is not a code (a decimal integer that fits in 32 bits)"
            .to_owned(),
        format!("--> {}:6:3", dir.join("gadget.md").display()),
    ];
    let found = printed.windows(2).any(|pair| pair == expected);
    assert!(found, "{}", stderr(&fourth));
    assert_eq!(generated().remove(0).1, with_gadget, "no partial output");
}
