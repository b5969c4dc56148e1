//! The documents at a git revision, read through the `git` command, for `errdoc diff
//! --against REV`.
//!
//! Git is run as a user would run it, from the root of the repository that holds the
//! current folder, with paths relative to that root: `git ls-tree` lists a revision's
//! files, and one `git cat-file --batch` reads all their contents (one process for the
//! whole tree rather than a `git show` per page). The documents are chosen as `errdoc::read`
//! chooses them in a folder: files named `*.md`, `*.markdown` or `*.txt` (any case), names
//! starting with `.` skipped, and a path named directly read whatever its name. A symbolic
//! link or a submodule in the tree is not a document: git stores a link's target, not a
//! page.

use std::fmt;
use std::io::{self, BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;

use errdoc::{Escaped, Source};

/// A revision of the repository that holds the current folder.
pub struct Revision {
    /// The revision as the user named it (`origin/main`), which names its documents.
    name: String,
    /// The tree the revision resolves to, so that every command reads the same tree even
    /// if the name moves meanwhile.
    tree: String,
    /// The repository's root, where git runs.
    root: PathBuf,
    /// The current folder, which relative paths start from.
    current: PathBuf,
}

/// A document at a revision: its path from the repository's root, and the source read.
pub struct Document {
    /// The path from the repository's root, with `/` between names (`docs/en/a.md`).
    pub path: String,
    /// The document, named `REV:path` as git names it (`origin/main:docs/en/a.md`), so
    /// that its diagnostics say which version they are about.
    pub source: Source,
}

impl Revision {
    /// The revision `name` of the repository that holds the current folder.
    ///
    /// # Errors
    ///
    /// Returns a [`GitError`] when git cannot run, when the current folder is not in a git
    /// repository, or when `name` is not a revision of it.
    pub fn open(name: &str) -> Result<Revision, GitError> {
        let current = std::env::current_dir()
            .and_then(|folder| folder.canonicalize())
            .map_err(|error| GitError::new(name, format!("no current folder: {error}")))?;
        let toplevel = git(name, &current, &["rev-parse", "--show-toplevel"])?;
        let root = PathBuf::from(text(&toplevel.stdout).trim_end_matches('\n'));
        let root = root.canonicalize().unwrap_or(root);
        // A name starting with `-` would be read as an option.
        let tree = if name.starts_with('-') {
            None
        } else {
            let spec = format!("{name}^{{tree}}");
            let found = run(&root, &["rev-parse", "--verify", "--quiet", &spec])
                .map_err(|error| GitError::cannot_run(name, &error))?;
            found
                .status
                .success()
                .then(|| text(&found.stdout).trim().to_owned())
        };
        let Some(tree) = tree.filter(|tree| !tree.is_empty()) else {
            return Err(GitError::new(
                name,
                "it is not a revision of this repository".to_owned(),
            ));
        };
        Ok(Revision {
            name: name.to_owned(),
            tree,
            root,
            current,
        })
    }

    /// The path from the repository's root of `path`, given relative to the current folder
    /// or absolute: `.` and `..` are resolved by name, since the path need not exist here.
    ///
    /// # Errors
    ///
    /// Returns a [`GitError`] when the path is outside the repository.
    pub fn path_in_repository(&self, path: &Path) -> Result<String, GitError> {
        let mut full = PathBuf::new();
        for component in self.current.join(path).components() {
            match component {
                Component::CurDir => {}
                Component::ParentDir => {
                    full.pop();
                }
                other => full.push(other),
            }
        }
        let outside = || {
            GitError::new(
                &self.name,
                format!(
                    "`{}` is outside the repository",
                    Escaped(&path.to_string_lossy())
                ),
            )
        };
        let inside = full.strip_prefix(&self.root).map_err(|_| outside())?;
        let names: Vec<String> = inside
            .components()
            .map(|component| component.as_os_str().to_string_lossy().into_owned())
            .collect();
        Ok(names.join("/"))
    }

    /// Every document under `path` (from the repository's root; empty for the whole tree)
    /// at this revision, or `None` when the revision has nothing at `path`.
    ///
    /// # Errors
    ///
    /// Returns a [`GitError`] when git fails.
    pub fn documents(&self, path: &str) -> Result<Option<Vec<Document>>, GitError> {
        // `-t` lists the folders too, so that a folder without documents is told from a
        // path that does not exist; literal pathspecs, so that `*` in a name is a `*`.
        let mut args = vec![
            "--literal-pathspecs",
            "ls-tree",
            "-r",
            "-t",
            "-z",
            &self.tree,
        ];
        if !path.is_empty() {
            args.extend(["--", path]);
        }
        let listed = self.git(&args)?;
        let mut exists = path.is_empty();
        let mut blobs = Vec::new();
        for line in listed.stdout.split(|&byte| byte == 0) {
            // `<mode> <type> <object>\t<path>`
            let line = text(line);
            let Some((meta, name)) = line.split_once('\t') else {
                continue;
            };
            let below = if path.is_empty() {
                Some(name)
            } else if name == path {
                Some("")
            } else {
                name.strip_prefix(path)
                    .and_then(|rest| rest.strip_prefix('/'))
            };
            let Some(below) = below else {
                continue;
            };
            exists = true;
            let mut fields = meta.split(' ');
            let (mode, kind, object) = (fields.next(), fields.next(), fields.next());
            let (Some(mode), Some("blob"), Some(object)) = (mode, kind, object) else {
                continue;
            };
            let hidden = below.split('/').any(|part| part.starts_with('.'));
            let named = below.is_empty();
            let document = named || (!hidden && is_document_name(name));
            if mode != "120000" && document {
                blobs.push((name.to_owned(), object.to_owned()));
            }
        }
        if !exists {
            return Ok(None);
        }
        let contents = self.contents(blobs.iter().map(|(_, object)| object.as_str()))?;
        let documents = blobs
            .into_iter()
            .zip(contents)
            .map(|((path, _), bytes)| Document {
                source: Source::new(format!("{}:{path}", self.name), bytes),
                path,
            })
            .collect();
        Ok(Some(documents))
    }

    /// The contents of the given blobs, in order, from one `git cat-file --batch`.
    fn contents<'a>(
        &self,
        objects: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Vec<u8>>, GitError> {
        let request: String = objects.map(|object| format!("{object}\n")).collect();
        if request.is_empty() {
            return Ok(Vec::new());
        }
        let failed = |error: io::Error| GitError::cannot_run(&self.name, &error);
        let mut child = command(&self.root, &["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(failed)?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(GitError::new(&self.name, "git has no pipes".to_owned()));
        };
        // Git answers while it reads, so the questions are written from another thread:
        // written first, a long list would fill the answer's pipe and stall both sides.
        let read = thread::scope(|scope| {
            scope.spawn(move || stdin.write_all(request.as_bytes()));
            let mut stdout = BufReader::new(stdout);
            let mut contents = Vec::new();
            let mut header = String::new();
            loop {
                header.clear();
                if stdout.read_line(&mut header)? == 0 {
                    return Ok(contents);
                }
                // `<object> <type> <size>`, or `<object> missing`.
                let size = header
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .and_then(|size| size.parse::<usize>().ok())
                    .ok_or_else(|| io::Error::other(format!("git answers `{}`", header.trim())))?;
                let mut bytes = vec![0; size + 1];
                stdout.read_exact(&mut bytes)?;
                bytes.pop();
                contents.push(bytes);
            }
        });
        let status = child.wait_with_output().map_err(failed)?;
        match read {
            Ok(contents) if status.status.success() => Ok(contents),
            Ok(_) => Err(GitError::failed(&self.name, "cat-file", &status.stderr)),
            Err(error) => Err(failed(error)),
        }
    }

    /// The error for a path that is neither here nor at this revision.
    pub fn missing(&self, path: &Path) -> GitError {
        GitError(format!(
            "`{}` does not exist, here or at `{}`",
            Escaped(&path.to_string_lossy()),
            Escaped(&self.name)
        ))
    }

    /// Runs git in the repository's root; a failure is an error.
    fn git(&self, args: &[&str]) -> Result<Output, GitError> {
        git(&self.name, &self.root, args)
    }
}

/// Why the documents at a revision cannot be read: one line that names the revision.
#[derive(Debug)]
pub struct GitError(String);

impl GitError {
    /// The revision's documents cannot be read, for the reason `why`.
    fn new(revision: &str, why: String) -> GitError {
        GitError(format!(
            "cannot read the documents at `{}`: {why}",
            Escaped(revision)
        ))
    }

    fn cannot_run(revision: &str, error: &io::Error) -> GitError {
        GitError::new(revision, format!("cannot run `git`: {error}"))
    }

    /// Git's own words, first line, for a command that failed.
    fn failed(revision: &str, command: &str, stderr: &[u8]) -> GitError {
        let said = text(stderr);
        let said = said.lines().next().unwrap_or("no message").trim();
        let said = said.strip_prefix("fatal: ").unwrap_or(said);
        GitError::new(
            revision,
            format!("`git {command}` failed: {}", Escaped(said)),
        )
    }
}

impl fmt::Display for GitError {
    /// The line, without an `error: ` label, which is the printer's to add.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Runs git in `folder`; a failure is an error naming the revision and git's words.
fn git(revision: &str, folder: &Path, args: &[&str]) -> Result<Output, GitError> {
    let output = run(folder, args).map_err(|error| GitError::cannot_run(revision, &error))?;
    if output.status.success() {
        Ok(output)
    } else {
        let name = args.iter().find(|arg| !arg.starts_with('-')).unwrap_or(&"");
        Err(GitError::failed(revision, name, &output.stderr))
    }
}

/// Runs git in `folder` and collects what it prints.
fn run(folder: &Path, args: &[&str]) -> io::Result<Output> {
    command(folder, args).stdin(Stdio::null()).output()
}

/// Git in `folder`, with the environment that could make it read another repository or
/// print in another language than the one parsed here left out.
fn command(folder: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command
        .args(args)
        .current_dir(folder)
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    command
}

/// Bytes from git as text; names are UTF-8 on every system errdoc reads.
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Whether the last component of a path in the tree is a document's name, as
/// `errdoc::read` decides in a folder.
fn is_document_name(path: &str) -> bool {
    errdoc::is_document_name(path.rsplit('/').next().unwrap_or(path))
}
