//! The read stage: paths in, [`Inputs`] (a [`Source`] per document file) out. The only
//! stage that touches the file system; [`read`] says how it walks folders, and why each
//! folder and file is visited once.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs::{self, DirEntry, FileType};
use std::io;
use std::path::{Path, PathBuf};

use crate::escape::Escaped;
use crate::parse::Source;

/// What [`read`] read: a source per document file, and every folder walked (for
/// `rerun-if-changed`).
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Inputs {
    /// The document files, path and bytes, in sorted path order, each file once.
    pub sources: Vec<Source>,
    /// The folders walked, in the order walked, each folder once, by the first path that
    /// reached it.
    pub folders: Vec<PathBuf>,
}

/// Reads every document under `paths`.
///
/// A path is a file, read whatever its name, or a folder, walked recursively in sorted path
/// order for documents: files named `*.md`, `*.markdown` or `*.txt` (any case). Names that
/// start with `.` are skipped. Each entry is judged by its own type, without following it:
///
/// - A folder is walked.
/// - A document name is read. A symbolic link with a document name is followed, because
///   it claims to be a document: if it dangles or cannot be read, that is an error naming
///   it, and if it leads to a folder, the folder is walked.
/// - Any other name is never opened as a file, so a stray image, FIFO or dangling link
///   beside the documents cannot stop the read. A symbolic link with such a name is
///   followed only to see whether it leads to a folder, which is then walked; a link that
///   dangles, cannot be followed, or leads to anything else is skipped.
/// - A document name that is not a regular file (a FIFO, a socket, a device) is an error,
///   because reading it could block forever or never end.
///
/// Symbolic links can lead to one folder by many paths: a walk that followed every path
/// would visit a tree whose every level links twice to the next exponentially often, though
/// it holds no loop. So however many paths lead to a folder or a file, through symbolic
/// links or because `paths` overlap, the folder is walked and the file read once, by
/// canonical path, under the first path in walk order that reached it; a folder reached
/// again from inside itself is a link loop, an error. I/O problems are [`ReadError`]s, kept
/// apart from document diagnostics.
///
/// # Errors
///
/// Returns the first I/O problem: a path that does not exist, a file or folder that cannot
/// be read (a dangling link with a document name among them), a symbolic-link loop, a
/// document that is not a regular file, or a folder with no documents.
pub fn read(paths: &[impl AsRef<Path>]) -> Result<Inputs, ReadError> {
    let mut walk = Walk::default();
    for path in paths {
        let path = path.as_ref();
        let metadata = fs::metadata(path).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound(path.to_owned()),
            _ => ReadError::io(path, error),
        })?;
        let canonical = fs::canonicalize(path).map_err(|error| ReadError::io(path, error))?;
        if metadata.is_dir() {
            if !walk.folder(path, canonical)? {
                return Err(ReadError::NoDocuments(path.to_owned()));
            }
        } else {
            walk.file(path, canonical, metadata.file_type())?;
        }
    }
    Ok(walk.inputs)
}

/// One reading of the documents: what has been found, and which canonical folders and
/// files have been reached, so that none is walked or read twice.
#[derive(Default)]
struct Walk {
    inputs: Inputs,
    /// Every canonical folder reached, with whether it holds a document; `None` while the
    /// folder is still being walked, so that reaching it then is known to be a loop.
    folders: BTreeMap<PathBuf, Option<bool>>,
    /// Every canonical file read.
    files: BTreeSet<PathBuf>,
}

impl Walk {
    /// Walks a folder whose canonical path is `canonical`, unless it was walked before, and
    /// tells whether it holds a document, read now or through an earlier path.
    fn folder(&mut self, folder: &Path, canonical: PathBuf) -> Result<bool, ReadError> {
        match self.folders.get(&canonical) {
            Some(Some(holds_document)) => return Ok(*holds_document),
            Some(None) => return Err(ReadError::LinkLoop(folder.to_owned())),
            None => {}
        }
        self.folders.insert(canonical.clone(), None);
        self.inputs.folders.push(folder.to_owned());
        let mut entries = fs::read_dir(folder)
            .and_then(|entries| entries.collect::<Result<Vec<_>, _>>())
            .map_err(|error| ReadError::io(folder, error))?;
        entries.sort_by_cached_key(DirEntry::file_name);
        let mut holds_document = false;
        for entry in &entries {
            holds_document |= self.entry(entry, &canonical)?;
        }
        self.folders.insert(canonical, Some(holds_document));
        Ok(holds_document)
    }

    /// Walks or reads one entry of the folder whose canonical path is `parent`, as the
    /// documentation of [`read`] describes, and tells whether it is or holds a document.
    fn entry(&mut self, entry: &DirEntry, parent: &Path) -> Result<bool, ReadError> {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        if text.starts_with('.') {
            return Ok(false);
        }
        let path = entry.path();
        let document = is_document_name(&text);
        // The entry's own type does not follow a link, so nothing is opened or followed
        // before its name says whether it should be.
        let kind = entry
            .file_type()
            .map_err(|error| ReadError::io(&path, error))?;
        if kind.is_symlink() {
            return self.link(&path, document);
        }
        // Neither a real folder nor a real file is a link, so its canonical path is its
        // name under its folder's, without asking the file system again.
        if kind.is_dir() {
            self.folder(&path, parent.join(&name))
        } else if document {
            self.file(&path, parent.join(&name), kind)?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Follows a symbolic link found in a folder, and tells whether it is or holds a
    /// document. `document` tells whether its name is a document's.
    fn link(&mut self, path: &Path, document: bool) -> Result<bool, ReadError> {
        let target = match fs::metadata(path) {
            Ok(target) => target,
            Err(error) if document => return Err(ReadError::io(path, error)),
            // A link not named as a document matters only if it leads to a folder, so one
            // that cannot be followed is not a document lost.
            Err(_) => return Ok(false),
        };
        if !target.is_dir() && !document {
            return Ok(false);
        }
        let canonical = fs::canonicalize(path).map_err(|error| ReadError::io(path, error))?;
        if target.is_dir() {
            self.folder(path, canonical)
        } else {
            self.file(path, canonical, target.file_type())?;
            Ok(true)
        }
    }

    /// Reads a regular file whose canonical path is `canonical`, unless it was read before
    /// through another path; anything else (a FIFO, a socket, a device) is an error,
    /// because reading it could block forever or never end.
    fn file(&mut self, path: &Path, canonical: PathBuf, kind: FileType) -> Result<(), ReadError> {
        if !kind.is_file() {
            return Err(ReadError::NotAFile(path.to_owned()));
        }
        if self.files.insert(canonical) {
            let bytes = fs::read(path).map_err(|error| ReadError::io(path, error))?;
            let source = Source::new(path.to_string_lossy().as_ref(), bytes);
            self.inputs.sources.push(source);
        }
        Ok(())
    }
}

/// Whether a file name is a document's, as [`read`] decides in a folder: it ends in `.md`,
/// `.markdown` or `.txt`, any case, after a stem (`.md` alone has no extension, as
/// `Path::extension` says). The one rule for every walk of documents: the command line's
/// and its reading of a git revision call it too.
pub fn is_document_name(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    ["md", "markdown", "txt"]
        .iter()
        .any(|known| extension.eq_ignore_ascii_case(known))
}

/// A problem reading the documents, as opposed to a problem in one.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// A path given to [`read`] that does not exist (a usage error, unlike a dangling link
    /// with a document name inside a folder, which is [`ReadError::Io`]).
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
    /// One line, with the path escaped (a file or folder name can hold control
    /// characters), and without an `error: ` label, which is the printer's to add.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().to_string_lossy();
        let path = Escaped(&path);
        match self {
            ReadError::NotFound(_) => write!(f, "`{path}` does not exist"),
            ReadError::Io(_, error) => write!(f, "cannot read `{path}`: {error}"),
            ReadError::LinkLoop(_) => write!(f, "`{path}` is a symbolic-link loop"),
            ReadError::NotAFile(_) => write!(f, "`{path}` is not a regular file"),
            ReadError::NoDocuments(_) => write!(
                f,
                "`{path}` holds no documents (`*.md`, `*.markdown` or `*.txt`)"
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
        assert!(
            !is_document_name(".md"),
            "a name that is all extension has none"
        );
    }
}
