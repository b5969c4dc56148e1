//! This crate built against real pages of other shapes than the seeds': the Face
//! Recognition API guide (one error table per API, identifier messages, a description per
//! section) and the CDN error-code page (a message column that mixes `SUCCESS` with
//! sentences, so its codes are keyless), taken from the shared corpus, through
//! `AI_SERVICE_ERRORS_DOCS` as an SDK builds it. A program that depends on the crate then
//! uses both services.
//!
//! The corpus is the folder `$ERRDOC_CORPUS` (relative to the workspace root), by default
//! `../shared/corpus`; without it the test says so and passes, unless
//! `ERRDOC_REQUIRE_CORPUS=1` (as in CI).

mod support;

use std::fs;
use std::path::{Path, PathBuf};

/// The pages, by their path in the corpus.
const PAGES: [&str; 2] = [
    "Face-Recognition/en/api-guide-v2.0.md",
    "CDN/en/error-code.md",
];

/// Uses a keyed constant of the guide and a keyless code of the CDN page, and prints what
/// the lookups give.
const PROGRAM: &str = r#"
use ai_service_errors::{cdn, face_recognition, Service};

fn main() {
    let quota = face_recognition::ErrorCode::ServiceQuotaExceededException;
    assert_eq!(quota.code(), -40070);
    assert_eq!(face_recognition::ErrorCode::from_code(-40070), quota);
    assert_eq!(quota.key(), Some("ServiceQuotaExceededException"));
    println!("{:?}", quota.description());

    // Keyless: listed, looked up by code, with its texts, but without a name.
    let domain = cdn::ErrorCode::from_code(10000);
    assert!(cdn::ErrorCode::ALL.contains(&domain));
    assert_eq!(domain.key(), None);
    println!("{:?} {:?}", domain.message(), domain.description());
    let entry = Service::Cdn.entry(10000).expect("listed");
    assert_eq!((entry.key, entry.message), (None, domain.message()));
    // `SUCCESS` among sentences is a message too, not a key.
    let success = cdn::ErrorCode::from_code(0);
    assert_eq!((success.key(), success.message()), (None, Some("SUCCESS")));
}
"#;

#[test]
#[ignore = "end to end, slow: runs cargo on this crate; `cargo test -- --ignored` runs it, as CI does"]
fn a_guide_and_a_keyless_page_build_into_the_crate() {
    let Some(corpus) = corpus() else {
        return;
    };
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-pages");
    let docs = root.join("docs");
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&docs).unwrap();
    for page in PAGES {
        let name = page.replace('/', "-");
        fs::copy(corpus.join(page), docs.join(name)).unwrap();
    }

    let program = support::dependent_crate(&root.join("program"), "real-pages", PROGRAM);
    let run = support::cargo(&["run", "-q"], &[], &program, support::GOLDENS, &docs);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8(run.stdout).unwrap(),
        "Some(\"Exceeding the maximum number of groups you can create\")\n\
         Some(\"Domain does not exist.\") Some(\"Service does not exist.\")\n"
    );

    // The constant's rustdoc gives the description of every section that lists the code.
    let generated = generated_with("pub mod face_recognition");
    let docs = constant_docs(&generated, "ServiceQuotaExceededException");
    for text in [
        "Create Groups",
        "Exceeding the maximum number of groups you can create",
        "Register face",
        "Exceeds the max number of faces which can be registered for a single group",
    ] {
        assert!(docs.contains(text), "`{text}` is not in the docs:\n{docs}");
    }
}

/// The corpus folder, or `None` after saying why when it is absent and not required.
fn corpus() -> Option<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = std::env::var_os("ERRDOC_CORPUS").map_or_else(
        || workspace.join("../shared/corpus"),
        |path| workspace.join(path),
    );
    if folder.join("MANIFEST.tsv").is_file() {
        return Some(folder);
    }
    let required = std::env::var("ERRDOC_REQUIRE_CORPUS").is_ok_and(|value| value == "1");
    assert!(!required, "the corpus is required but absent");
    eprintln!("no corpus, so nothing to build: set ERRDOC_CORPUS to its folder");
    None
}

/// The generated file, among the builds in the shared target directory, that holds `item`.
fn generated_with(item: &str) -> String {
    let build = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(support::GOLDENS)
        .join("debug")
        .join("build");
    let files = fs::read_dir(build).into_iter().flatten().flatten();
    files
        .filter_map(|entry| fs::read_to_string(entry.path().join("out/ai_service_errors.rs")).ok())
        .find(|text| text.contains(item))
        .expect("a build generated the services")
}

/// The `///` lines right above the constant `name`.
fn constant_docs(generated: &str, name: &str) -> String {
    let lines: Vec<&str> = generated.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.contains(&format!("pub const {name}:")))
        .expect("the constant is generated");
    let docs = lines[..at]
        .iter()
        .rev()
        .take_while(|line| line.trim_start().starts_with("///"));
    let mut docs: Vec<&str> = docs.copied().collect();
    docs.reverse();
    docs.join("\n")
}
