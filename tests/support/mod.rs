//! What the end-to-end tests share: Cargo run on this crate, or on a program of its own
//! that depends on it, built against a folder of documents named by
//! `AI_SERVICE_ERRORS_DOCS`, as an SDK builds it.

// Each test crate compiles this module and uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Writes a crate named `name` into `dir` whose `src/main.rs` is `main` and that depends on
/// this one, with this workspace's lock file so that it builds offline with the same
/// versions. Returns its manifest.
pub fn dependent_crate(dir: &Path, name: &str, main: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\nai-service-errors = {{ path = {:?} }}\n\n\
         [workspace]\n",
        root.display().to_string()
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::write(dir.join("src/main.rs"), main).unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir.join("Cargo.toml")
}

/// The target directory, under the tests' temporary one, shared by the tests that build
/// other programs against this crate, so that they reuse its dependencies.
pub const GOLDENS: &str = "goldens";

/// The manifest of this crate.
pub fn manifest() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")
}

/// Runs `cargo <command> --offline --manifest-path <manifest> -- <tool_args>` with the
/// documents in `docs`, in the target directory `target_dir` under the tests' temporary
/// one (a test that shares one with another would see the other's builds).
pub fn cargo(
    command: &[&str],
    tool_args: &[&str],
    manifest: &Path,
    target_dir: &str,
    docs: &Path,
) -> Output {
    Command::new(env!("CARGO"))
        .args(command)
        .arg("--offline")
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--")
        .args(tool_args)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(target_dir),
        )
        .env("AI_SERVICE_ERRORS_DOCS", docs)
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .output()
        .expect("cargo runs")
}
