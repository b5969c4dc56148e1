//! What `errdoc check` reads: the documents under the paths given (or under the
//! configuration's folder), walked as ripgrep walks, and each one's language versions.
//!
//! Unlike `errdoc::read`, which build scripts use and which stops at the first problem,
//! this walk goes on past a path that is missing or unreadable, so that CI still checks
//! and summarises the rest, and says at the end how bad the worst problem was.
//!
//! - Folders are walked with the `ignore` crate: `.gitignore`, `.ignore` and
//!   `.git/info/exclude` files are respected, in the folder walked and its parents, in a
//!   git repository or not (`require_git(false)`, so a docs folder copied out of its
//!   repository, or one not yet committed, reads the same); the user's global gitignore is
//!   not, so that a check gives the same result on every machine. Names starting with `.`
//!   are skipped, symbolic links are followed, entries are taken in name order.
//! - A file named on the command line is read whatever its name and whatever the ignore
//!   files say (as ripgrep does); the configuration's `include` and `exclude` apply to it.
//! - Each file is read once, by canonical path, under the first path that reached it.
//! - The language versions of each document (its path with the language segment
//!   replaced, `errdoc::language_versions`) are read when they exist and are not among the
//!   documents already, as context: the cross-language rules see them, but only the
//!   documents given are reported on and counted.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use errdoc::{ReadError, Source};
use ignore::WalkBuilder;

use crate::config::{Config, is_document_name};

/// The path that names standard input.
pub const STDIN: &str = "-";

/// The documents read, and the problems met on the way.
#[derive(Default)]
pub struct Walked {
    /// Every document read: the ones given first, in walk order, then their language
    /// versions.
    pub sources: Vec<Source>,
    /// How many of `sources` are the documents given, which are reported on.
    pub given: usize,
    /// What could not be read, each with its exit code: 2 for a path that does not exist,
    /// 1 otherwise.
    pub problems: Vec<(String, u8)>,
}

/// One walk: what has been found, and the canonical paths already read.
struct Walk<'a> {
    config: Option<&'a Config>,
    cwd: &'a Path,
    walked: Walked,
    seen: BTreeSet<PathBuf>,
}

/// Reads the documents under `paths` (with [`STDIN`] for standard input, named
/// `stdin_name`), filtered by the configuration, then their language versions.
pub fn walk(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    config: Option<&Config>,
    languages: &[String],
    cwd: &Path,
) -> Walked {
    let mut walk = Walk {
        config,
        cwd,
        walked: Walked::default(),
        seen: BTreeSet::new(),
    };
    for path in paths {
        walk.path(path, stdin_name);
    }
    walk.walked.given = walk.walked.sources.len();
    let given: Vec<Arc<str>> = walk
        .walked
        .sources
        .iter()
        .map(|source| Arc::clone(&source.path))
        .collect();
    for path in given {
        for sibling in errdoc::language_versions(&path, languages) {
            let sibling = PathBuf::from(sibling);
            let included = config.is_none_or(|config| config.includes(&sibling, cwd));
            if included && sibling.is_file() {
                walk.file(&sibling, false);
            }
        }
    }
    walk.walked
}

impl Walk<'_> {
    /// Reads one path given on the command line.
    fn path(&mut self, path: &Path, stdin_name: Option<&str>) {
        if path == Path::new(STDIN) {
            return self.stdin(stdin_name.unwrap_or(STDIN));
        }
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return self.problem(&ReadError::NotFound(path.to_owned()), 2);
            }
            Err(error) => return self.problem(&ReadError::Io(path.to_owned(), error), 1),
        };
        if !metadata.is_dir() {
            if self.includes(path) {
                self.file(path, true);
            }
            return;
        }
        let mut documents = 0;
        let walker = WalkBuilder::new(path)
            .require_git(false)
            .git_global(false)
            .follow_links(true)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    self.walked.problems.push((error.to_string(), 1));
                    continue;
                }
            };
            let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
            let file = shown(entry.path());
            if entry.depth() == 0 || !is_file || !is_document_name(&file) {
                continue;
            }
            documents += 1;
            if self.includes(&file) {
                self.file(&file, true);
            }
        }
        // Without a configuration, a folder without documents is a wrong path; with one,
        // what it filters out is what the user asked for.
        if documents == 0 && self.config.is_none() {
            self.problem(&ReadError::NoDocuments(path.to_owned()), 1);
        }
    }

    /// Whether the configuration, if any, checks the document at `path`.
    fn includes(&self, path: &Path) -> bool {
        self.config
            .is_none_or(|config| config.includes(path, self.cwd))
    }

    /// Reads a file unless it was read before, through this path or another; a problem
    /// reading it is one of the walk's problems when it was `given`.
    fn file(&mut self, path: &Path, given: bool) {
        let canonical = match fs::canonicalize(path) {
            Ok(canonical) => canonical,
            Err(error) => {
                if given {
                    self.problem(&ReadError::Io(path.to_owned(), error), 1);
                }
                return;
            }
        };
        if !self.seen.insert(canonical) {
            return;
        }
        match fs::read(path) {
            Ok(bytes) => {
                let name = path.to_string_lossy();
                self.walked.sources.push(Source::new(name.as_ref(), bytes));
            }
            Err(error) if given => self.problem(&ReadError::Io(path.to_owned(), error), 1),
            Err(_) => {}
        }
    }

    /// Reads standard input as the document named `name`. A file of that name is then
    /// not read again, as a duplicate or as a language version: standard input is its
    /// newer text.
    fn stdin(&mut self, name: &str) {
        let mut bytes = Vec::new();
        if let Err(error) = io::stdin().lock().read_to_end(&mut bytes) {
            return self.problem(&ReadError::Io(PathBuf::from(STDIN), error), 1);
        }
        if let Ok(canonical) = fs::canonicalize(name) {
            self.seen.insert(canonical);
        }
        self.walked.sources.push(Source::new(name, bytes));
    }

    fn problem(&mut self, error: &ReadError, code: u8) {
        self.walked.problems.push((error.to_string(), code));
    }
}

/// A walked path as it is shown: without the `./` that walking `.` puts before it.
fn shown(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_owned()
}
