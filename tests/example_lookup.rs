//! The `lookup` example, run as a user runs it: `cargo test` builds the examples beside the
//! tests, so the binary is found next to this one.

use std::path::PathBuf;
use std::process::{Command, Output};

fn lookup(args: &[&str]) -> Output {
    // target/<profile>/deps/<this test> → target/<profile>/examples/lookup
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let example: PathBuf = profile_dir
        .join("examples")
        .join(format!("lookup{}", std::env::consts::EXE_SUFFIX));
    Command::new(&example)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{}: {error}", example.display()))
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

#[test]
fn a_listed_code_prints_its_key_and_message() {
    let output = lookup(&["document_ocr", "4000101"]);
    assert!(output.status.success());
    assert_eq!(
        text(&output.stdout),
        "INVALID_BUSINESS_REGISTRATION_FORMAT (4000101): Invalid business registration format.\n"
    );
}

#[test]
fn a_key_works_too_and_the_service_decides_the_meaning() {
    let output = lookup(&["pose_estimation", "5003001"]);
    assert_eq!(
        text(&output.stdout),
        "POSE_ESTIMATION_API_FAIL (5003001): Pose Estimation Api fail.\n"
    );
    let output = lookup(&["document_ocr", "INVALID_UUID"]);
    assert_eq!(
        text(&output.stdout),
        "INVALID_UUID (4010002): Invalid uuid.\n"
    );
}

#[test]
fn an_unlisted_code_and_an_unknown_service_are_said_clearly() {
    let output = lookup(&["document_ocr", "4999999"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        text(&output.stderr).starts_with("`4999999` is not listed for Document OCR (49 codes are;"),
        "{}",
        text(&output.stderr)
    );
    let output = lookup(&["text_to_speech", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "unknown service `text_to_speech`; the services are: document_ocr, general_ocr, pose_estimation\n"
    );
    let output = lookup(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("usage: lookup"));
}
