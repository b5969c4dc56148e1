//! `errdoc diff`: two versions of the documents, read, checked and compared.
//!
//! The versions are two paths (`errdoc diff OLD NEW`), or the documents under some paths
//! and their versions at a git revision (`errdoc diff --against REV [PATH…]`, through
//! [`git`](crate::git)). Each is checked as `errdoc check` would, and a version with errors
//! is still compared for what parses: its diagnostics are printed, and the diff is of the
//! codes that reached its catalog, so a review sees both what is wrong and what changes.
//! Such a diff is incomplete (a row that does not parse shows as a code removed or not
//! added), so it exits 1, as `errdoc check` does on the same documents.
//!
//! Pages, the documents that only one version has, are compared by their paths from each
//! version's root: the folder given for each side, or the repository's root against a
//! revision. Two documents given directly are one page in two versions, whatever their
//! names.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use errdoc::{Class, Inputs, Pages, Report, Source};

use crate::git::{GitError, Revision};
use crate::output::{self, ColorChoice, OutputFormat, Texts, Totals};
use crate::{DiffFormat, changes, json, load, print};

/// The two versions `errdoc diff` compares.
pub enum Versions {
    /// `errdoc diff OLD NEW`: each a document or a folder walked for documents.
    Paths {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
    },
    /// `errdoc diff --against REV [PATH…]`: the documents under the paths, here and at a
    /// git revision.
    Against {
        /// The old version's revision (`origin/main`, `v1.2.0`, a commit).
        revision: String,
        /// The documents, or folders walked for them; the current folder when empty.
        paths: Vec<PathBuf>,
    },
}

/// Reads, checks and compares the two versions, and prints the diagnostics and the diff
/// in `format`: for people, the diagnostics on stderr (drawn as `errdoc check` draws them,
/// coloured by `color`, or one place a line) and the diff on stdout; for tools, both on
/// stdout (JSON keeps the one-line diagnostics on stderr too, as it always has).
///
/// Exits 2 when a version cannot be named (a missing path, an unknown revision, no
/// repository), 1 when one cannot be read or has an error (after the diff of what parses)
/// or when the change is of the `fail_on` class or above, and 0 otherwise.
pub fn run(
    versions: &Versions,
    format: DiffFormat,
    color: ColorChoice,
    fail_on: Option<Class>,
) -> ExitCode {
    let (old, new) = match read(versions) {
        Ok(versions) => versions,
        Err(code) => return code,
    };
    let old = Checked::new(old);
    let new = Checked::new(new);
    // One report for both versions, so that one count line ends it.
    let diagnostics = [old.checked.diagnostics.as_slice(), &new.checked.diagnostics].concat();
    let errors = Report(&diagnostics).errors();
    match format {
        DiffFormat::Human => {
            let texts: Texts = old.texts.iter().chain(&new.texts).cloned().collect();
            let color = color.colored(io::stderr().is_terminal());
            let text = output::render(
                OutputFormat::Human,
                &diagnostics,
                &Totals::default(),
                &texts,
                color,
            );
            let _ = io::stderr().lock().write_all(text.as_bytes());
        }
        DiffFormat::Concise | DiffFormat::Json => {
            super::report(&diagnostics);
        }
        DiffFormat::Github | DiffFormat::Sarif => {}
    }
    let diff = errdoc::diff(&old.checked.catalog, &new.checked.catalog);
    let pages = match (&old.pages, &new.pages) {
        (Some(old), Some(new)) => errdoc::pages(
            old.iter().map(String::as_str),
            new.iter().map(String::as_str),
        ),
        _ => Pages::default(),
    };
    let incomplete = (errors > 0).then(|| {
        format!(
            "incomplete: {} in the old version, {} in the new; what parses is compared",
            plural(old.errors(), "error"),
            new.errors()
        )
    });
    let text = match format {
        DiffFormat::Human | DiffFormat::Concise => {
            let mut text = format!("{pages}{diff}");
            if let Some(incomplete) = &incomplete {
                text.push_str(incomplete);
                text.push('\n');
            }
            text
        }
        DiffFormat::Json => json::diff(
            &diff,
            &pages,
            &old.checked.diagnostics,
            &new.checked.diagnostics,
        ),
        DiffFormat::Github | DiffFormat::Sarif => {
            let changes = changes::changes(&diff, &pages, |name| new.file_of(name));
            if format == DiffFormat::Sarif {
                changes::sarif(&diagnostics, &changes)
            } else {
                let mut verdict = diff.counts().to_string();
                if let Some(incomplete) = &incomplete {
                    verdict.push('\n');
                    verdict.push_str(incomplete);
                }
                changes::github(&diagnostics, &changes, &verdict)
            }
        }
    };
    let printed = print(&text);
    let failed = errors > 0 || fail_on.is_some_and(|class| diff.class() >= class);
    if failed { ExitCode::FAILURE } else { printed }
}

/// One version read: its documents, and their page names when it has pages to compare.
struct Version {
    sources: Vec<Source>,
    /// Each document's path from the version's root, or `None` for a document given
    /// directly, which is a page whatever its name.
    pages: Option<Vec<String>>,
}

/// One version checked, with its documents' names and texts for the output.
struct Checked {
    checked: errdoc::Checked,
    pages: Option<Vec<String>>,
    /// Each document's path and text, in the order of `pages`.
    texts: Vec<(String, String)>,
}

impl Checked {
    fn new(version: Version) -> Checked {
        let texts = version
            .sources
            .iter()
            .map(|source| {
                let text = String::from_utf8_lossy(&source.bytes).into_owned();
                (source.path.to_string(), text)
            })
            .collect();
        Checked {
            checked: errdoc::check(&version.sources),
            pages: version.pages,
            texts,
        }
    }

    /// The path of the document that is the page `name`.
    fn file_of(&self, name: &str) -> Option<Arc<str>> {
        let index = self.pages.as_ref()?.iter().position(|page| page == name)?;
        self.texts
            .get(index)
            .map(|(path, _)| Arc::from(path.as_str()))
    }

    fn errors(&self) -> usize {
        self.checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count()
    }
}

/// Reads both versions, or prints why one cannot be read and returns the exit code.
fn read(versions: &Versions) -> Result<(Version, Version), ExitCode> {
    match versions {
        Versions::Paths { old, new } => Ok((read_path(old)?, read_path(new)?)),
        Versions::Against { revision, paths } => {
            let here = [PathBuf::from(".")];
            let paths = if paths.is_empty() { &here[..] } else { paths };
            read_against(revision, paths).map_err(|error| {
                eprintln!("error: {error}");
                ExitCode::from(2)
            })?
        }
    }
}

/// A version given as a path: a folder's documents are pages named from the folder.
fn read_path(path: &Path) -> Result<Version, ExitCode> {
    let Inputs { sources, .. } = load(&[path])?;
    let pages = path.is_dir().then(|| {
        sources
            .iter()
            .map(|source| relative(Path::new(source.path.as_ref()), path))
            .collect()
    });
    Ok(Version { sources, pages })
}

/// The documents under `paths` at `revision` and here, each named as a page by its path
/// from the repository's root. A path may be missing on one side (a page added or
/// removed), not on both.
///
/// The outer error is a problem with git or the paths (exit 2); the inner one an exit code
/// for a version that cannot be read here, already printed.
fn read_against(
    revision: &str,
    paths: &[PathBuf],
) -> Result<Result<(Version, Version), ExitCode>, GitError> {
    let revision = Revision::open(revision)?;
    let mut old = BTreeMap::new();
    let mut here = Vec::new();
    for path in paths {
        let in_repository = revision.path_in_repository(path)?;
        let documents = revision.documents(&in_repository)?;
        let exists = path.exists();
        match documents {
            Some(documents) => old.extend(documents.into_iter().map(|d| (d.path, d.source))),
            None if !exists => {
                return Err(revision.missing(path));
            }
            None => {}
        }
        if exists {
            here.push(path.as_path());
        }
    }
    let (old_pages, old_sources) = old.into_iter().unzip();
    let old = Version {
        sources: old_sources,
        pages: Some(old_pages),
    };
    let sources = if here.is_empty() {
        Vec::new()
    } else {
        match load(&here) {
            Ok(inputs) => inputs.sources,
            Err(code) => return Ok(Err(code)),
        }
    };
    let pages = sources
        .iter()
        .map(|source| revision.path_in_repository(Path::new(source.path.as_ref())))
        .collect::<Result<_, _>>()?;
    let new = Version {
        sources,
        pages: Some(pages),
    };
    Ok(Ok((old, new)))
}

/// `path` from `root`, with `/` between names.
fn relative(path: &Path, root: &Path) -> String {
    let path = path.strip_prefix(root).unwrap_or(path);
    let names: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    names.join("/")
}

/// `1 error`, `2 errors`.
fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}
