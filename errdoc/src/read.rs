//! The read stage: paths in, [`Source`]s out. The only stage that touches the file system.
//!
//! A path is a file, read whatever its name, or a folder, walked recursively in sorted path
//! order for files named `*.md`, `*.markdown` or `*.txt` (any case), skipping names that
//! start with `.`. I/O problems are [`ReadError`]s, kept apart from document diagnostics.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::escape::Escaped;
use crate::parse::Source;

/// What was read: the documents, and every folder walked (for `rerun-if-changed`).
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// The documents, in sorted path order.
    pub documents: Vec<Source>,
    /// The folders walked, in the order walked.
    pub folders: Vec<PathBuf>,
}

/// Reads every document under `paths`.
///
/// # Errors
///
/// Returns the first I/O problem: a path that does not exist, a file or folder that cannot
/// be read, a symbolic-link loop, a document that is not a regular file, or a folder with
/// no documents.
pub fn read(paths: &[impl AsRef<Path>]) -> Result<Sources, ReadError> {
    let mut sources = Sources::default();
    for path in paths {
        let path = path.as_ref();
        let metadata = fs::metadata(path).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound(path.to_owned()),
            _ => ReadError::Io(path.to_owned(), error),
        })?;
        if metadata.is_dir() {
            let before = sources.documents.len();
            walk(path, &mut BTreeSet::new(), &mut sources)?;
            if sources.documents.len() == before {
                return Err(ReadError::NoDocuments(path.to_owned()));
            }
        } else {
            sources.documents.push(read_file(path, &metadata)?);
        }
    }
    Ok(sources)
}

/// Walks one folder; `ancestors` holds the canonical folders above it, to catch link loops.
fn walk(
    folder: &Path,
    ancestors: &mut BTreeSet<PathBuf>,
    sources: &mut Sources,
) -> Result<(), ReadError> {
    let canonical = fs::canonicalize(folder).map_err(|error| ReadError::io(folder, error))?;
    if !ancestors.insert(canonical.clone()) {
        return Err(ReadError::LinkLoop(folder.to_owned()));
    }
    sources.folders.push(folder.to_owned());
    let mut entries = fs::read_dir(folder)
        .and_then(|entries| {
            entries
                .map(|entry| entry.map(|entry| entry.path()))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|error| ReadError::io(folder, error))?;
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let metadata = fs::metadata(&path).map_err(|error| ReadError::io(&path, error))?;
        if metadata.is_dir() {
            walk(&path, ancestors, sources)?;
        } else if is_document_name(&name) {
            sources.documents.push(read_file(&path, &metadata)?);
        }
    }
    ancestors.remove(&canonical);
    Ok(())
}

/// Reads a regular file; anything else (a FIFO, a socket, a device) is an error, because
/// reading it could block forever or never end.
fn read_file(path: &Path, metadata: &fs::Metadata) -> Result<Source, ReadError> {
    if !metadata.is_file() {
        return Err(ReadError::NotAFile(path.to_owned()));
    }
    let bytes = fs::read(path).map_err(|error| ReadError::io(path, error))?;
    Ok(Source::new(path.to_string_lossy().as_ref(), bytes))
}

/// Whether a file name is a document's: `.md`, `.markdown` or `.txt`, any case.
fn is_document_name(name: &str) -> bool {
    let Some((_, extension)) = name.rsplit_once('.') else {
        return false;
    };
    ["md", "markdown", "txt"]
        .iter()
        .any(|known| extension.eq_ignore_ascii_case(known))
}

/// A problem reading the documents, as opposed to a problem in one.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// A path given to [`read`] that does not exist (a usage error, unlike a dangling link
    /// inside a folder, which is [`ReadError::Io`]).
    NotFound(PathBuf),
    /// A file or folder that could not be read.
    Io(PathBuf, io::Error),
    /// A folder that holds itself through a symbolic link.
    LinkLoop(PathBuf),
    /// A document name that is not a regular file: a FIFO, a socket or a device.
    NotAFile(PathBuf),
    /// A folder with no documents in it.
    NoDocuments(PathBuf),
}

impl ReadError {
    fn io(path: &Path, error: io::Error) -> ReadError {
        ReadError::Io(path.to_owned(), error)
    }

    /// The path the problem is about.
    fn path(&self) -> &Path {
        match self {
            ReadError::NotFound(path)
            | ReadError::Io(path, _)
            | ReadError::LinkLoop(path)
            | ReadError::NotAFile(path)
            | ReadError::NoDocuments(path) => path,
        }
    }
}

impl fmt::Display for ReadError {
    /// One line, with the path escaped: a file or folder name can hold control characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().to_string_lossy();
        let path = Escaped(&path);
        match self {
            ReadError::NotFound(_) => write!(f, "error: `{path}` does not exist"),
            ReadError::Io(_, error) => write!(f, "error: cannot read `{path}`: {error}"),
            ReadError::LinkLoop(_) => write!(f, "error: `{path}` is a symbolic-link loop"),
            ReadError::NotAFile(_) => write!(f, "error: `{path}` is not a regular file"),
            ReadError::NoDocuments(_) => write!(
                f,
                "error: `{path}` holds no documents (`*.md`, `*.markdown` or `*.txt`)"
            ),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(_, error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_names_are_recognised_by_extension() {
        assert!(is_document_name("error-code.md"));
        assert!(is_document_name("A.MARKDOWN"));
        assert!(is_document_name("001_b9a19ff3b2e84705.txt"));
        assert!(is_document_name("x.Txt"));
        assert!(!is_document_name("README"));
        assert!(!is_document_name("page.html"));
        assert!(!is_document_name("md"));
    }
}
