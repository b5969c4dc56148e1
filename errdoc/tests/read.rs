//! The read stage against real folders: which files are documents, in which order, and
//! which problems are I/O errors rather than document diagnostics.

use std::fs;
use std::path::{Path, PathBuf};

use errdoc::read::{ReadError, read};

/// A fresh folder under the test's temporary directory.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("read")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn touch(dir: &Path, relative: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, relative).unwrap();
}

fn names(dir: &Path, paths: &[PathBuf]) -> Vec<String> {
    let sources = read(paths).unwrap();
    let prefix = format!("{}/", dir.display());
    let documents = sources.documents.iter();
    documents
        .map(|s| s.path.strip_prefix(&prefix).unwrap().to_owned())
        .collect()
}

#[test]
fn folders_are_walked_recursively_in_sorted_path_order() {
    let dir = folder("walk");
    for file in [
        "b.md",
        "a/z.TXT",
        "a/b/c.markdown",
        "A.Md",
        "c.txt",
        "notes.html",
        "README",
        ".hidden.md",
        ".git/x.md",
        "x.md.bak",
    ] {
        touch(&dir, file);
    }
    let found = names(&dir, std::slice::from_ref(&dir));
    assert_eq!(
        found,
        ["A.Md", "a/b/c.markdown", "a/z.TXT", "b.md", "c.txt"]
    );
}

#[test]
fn a_file_named_directly_is_read_whatever_its_name() {
    let dir = folder("direct");
    touch(&dir, "README");
    touch(&dir, "b.md");
    let found = names(&dir, &[dir.join("README"), dir.join("b.md")]);
    assert_eq!(found, ["README", "b.md"]);
    let sources = read(&[dir.join("README")]).unwrap();
    assert_eq!(sources.documents[0].bytes, b"README");
}

#[test]
fn paths_are_shown_as_given() {
    let sources = read(&["../seeds"]).unwrap();
    assert_eq!(
        &*sources.documents[0].path,
        "../seeds/000_4aa363f0d71e0603.txt"
    );
    assert_eq!(sources.folders, [PathBuf::from("../seeds")]);
}

#[test]
fn a_missing_path_is_not_found() {
    let error = read(&["no/such/folder"]).unwrap_err();
    assert!(matches!(error, ReadError::NotFound(_)), "{error:?}");
    assert_eq!(error.to_string(), "error: `no/such/folder` does not exist");
}

#[test]
fn a_folder_without_documents_is_an_error() {
    let dir = folder("empty");
    touch(&dir, "notes.html");
    let error = read(std::slice::from_ref(&dir)).unwrap_err();
    assert!(matches!(error, ReadError::NoDocuments(_)), "{error:?}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_an_error_not_a_hang() {
    let dir = folder("loop");
    touch(&dir, "a.md");
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    let error = read(std::slice::from_ref(&dir)).unwrap_err();
    assert!(matches!(error, ReadError::LinkLoop(_)), "{error:?}");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_an_io_error_naming_it() {
    let dir = folder("dangling");
    touch(&dir, "a.md");
    std::os::unix::fs::symlink(dir.join("gone.md"), dir.join("link.md")).unwrap();
    let error = read(std::slice::from_ref(&dir)).unwrap_err();
    assert!(matches!(error, ReadError::Io(..)), "{error:?}");
    assert!(error.to_string().contains("link.md"), "{error}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_an_error_not_a_hang() {
    let dir = folder("fifo");
    touch(&dir, "a.md");
    let fifo = dir.join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|status| status.success()), "mkfifo");
    let error = read(std::slice::from_ref(&dir)).unwrap_err();
    assert!(matches!(error, ReadError::NotAFile(_)), "{error:?}");
    assert!(error.to_string().contains("pipe.md"), "{error}");
    // Named directly, too.
    let error = read(&[fifo]).unwrap_err();
    assert!(matches!(error, ReadError::NotAFile(_)), "{error:?}");
}

/// `/proc/self/mem` is a regular file that not even root can read from its start, so this
/// test does not depend on who runs it (permission bits do not stop root).
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_an_io_error_naming_it() {
    let dir = folder("unreadable");
    touch(&dir, "a.md");
    std::os::unix::fs::symlink("/proc/self/mem", dir.join("mem.md")).unwrap();
    let error = read(std::slice::from_ref(&dir)).unwrap_err();
    assert!(matches!(error, ReadError::Io(..)), "{error:?}");
    assert!(error.to_string().contains("mem.md"), "{error}");
}
