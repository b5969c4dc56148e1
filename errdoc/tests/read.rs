//! The read stage against real folders: which files are documents, in which order, and
//! which problems are I/O errors rather than document diagnostics.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use errdoc::{ReadError, read};

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
    let inputs = read(paths).unwrap();
    let prefix = format!("{}/", dir.display());
    let sources = inputs.sources.iter();
    sources
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
    let inputs = read(&[dir.join("README")]).unwrap();
    assert_eq!(inputs.sources[0].bytes, b"README");
}

#[test]
fn paths_are_shown_as_given() {
    let inputs = read(&["../seeds"]).unwrap();
    assert_eq!(
        &*inputs.sources[0].path,
        "../seeds/000_4aa363f0d71e0603.txt"
    );
    assert_eq!(inputs.folders, [PathBuf::from("../seeds")]);
}

#[test]
fn a_missing_path_is_not_found() {
    let error = read(&["no/such/folder"]).unwrap_err();
    assert!(matches!(error, ReadError::NotFound(_)), "{error:?}");
    assert_eq!(error.to_string(), "`no/such/folder` does not exist");
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
    mkfifo(&fifo);
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

/// Makes a FIFO, which blocks whoever opens it for reading until a writer comes.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|status| status.success()), "mkfifo");
}

/// Nothing here is a document, so none of it may stop the read or block it: a test that
/// opened the FIFO would hang instead of failing.
#[cfg(unix)]
#[test]
fn entries_that_are_not_documents_are_never_opened() {
    use std::os::unix::fs::symlink;
    let dir = folder("not-documents");
    touch(&dir, "a.md");
    touch(&dir, "README");
    fs::create_dir(dir.join("images")).unwrap();
    symlink(dir.join("images/gone.png"), dir.join("images/flow.png")).unwrap();
    symlink(dir.join("a.md"), dir.join("notes")).unwrap();
    mkfifo(&dir.join("pipe"));
    symlink(dir.join("pipe"), dir.join("queue")).unwrap();
    symlink(dir.join("self"), dir.join("self")).unwrap();
    assert_eq!(names(&dir, std::slice::from_ref(&dir)), ["a.md"]);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_is_walked_whatever_its_name() {
    let dir = folder("linked-folder");
    let docs = dir.join("docs");
    touch(&docs, "a.md");
    touch(&dir, "shared/page.md");
    std::os::unix::fs::symlink("../shared", docs.join("shared")).unwrap();
    let inputs = read(std::slice::from_ref(&docs)).unwrap();
    assert_eq!(
        names(&docs, std::slice::from_ref(&docs)),
        ["a.md", "shared/page.md"]
    );
    assert_eq!(inputs.folders, [docs.clone(), docs.join("shared")]);
}

/// Every level links twice to the next, so there are 2^18 paths to the one page but no
/// loop: a walk that followed every path would read the page 262,144 times.
#[cfg(unix)]
#[test]
fn a_link_graph_is_walked_once_per_folder_not_once_per_path() {
    const LEVELS: usize = 18;
    let dir = folder("link-graph");
    for level in 0..LEVELS {
        let here = dir.join(format!("level_{level}"));
        fs::create_dir(&here).unwrap();
        for link in ["a", "b"] {
            let next = format!("../level_{}", level + 1);
            std::os::unix::fs::symlink(next, here.join(link)).unwrap();
        }
    }
    touch(&dir, &format!("level_{LEVELS}/page.md"));
    let inputs = read(std::slice::from_ref(&dir)).unwrap();
    assert_eq!(inputs.sources.len(), 1);
    // The first path in sorted order wins: down the `a` links from the first level.
    let first = format!("level_0/{}page.md", "a/".repeat(LEVELS));
    assert_eq!(names(&dir, std::slice::from_ref(&dir)), [first]);
    let folders: BTreeSet<PathBuf> = inputs
        .folders
        .iter()
        .map(|folder| fs::canonicalize(folder).unwrap())
        .collect();
    assert_eq!(inputs.folders.len(), LEVELS + 2, "{:#?}", inputs.folders);
    assert_eq!(folders.len(), inputs.folders.len(), "{:#?}", inputs.folders);
}

#[cfg(unix)]
#[test]
fn a_file_reached_by_two_names_is_read_once() {
    let dir = folder("two-names");
    touch(&dir, "page.md");
    std::os::unix::fs::symlink("page.md", dir.join("alias.md")).unwrap();
    // The first name in sorted order is kept, even though it is the link.
    assert_eq!(names(&dir, std::slice::from_ref(&dir)), ["alias.md"]);
    assert_eq!(
        names(&dir, &[dir.join("page.md"), dir.clone()]),
        ["page.md"]
    );
}

#[test]
fn a_folder_named_twice_is_walked_once() {
    let dir = folder("named-twice");
    touch(&dir, "a.md");
    touch(&dir, "sub/b.md");
    fs::create_dir(dir.join("empty")).unwrap();
    let paths = [dir.join("sub"), dir.clone(), dir.clone()];
    assert_eq!(names(&dir, &paths), ["sub/b.md", "a.md"]);
    let inputs = read(&paths).unwrap();
    assert_eq!(
        inputs.folders,
        [dir.join("sub"), dir.clone(), dir.join("empty")]
    );
    // A folder walked before still holds no documents when named again.
    let error = read(&[dir.clone(), dir.join("empty")]).unwrap_err();
    assert!(matches!(error, ReadError::NoDocuments(_)), "{error:?}");
}
