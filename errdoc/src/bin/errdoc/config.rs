//! `errdoc.toml`: what `errdoc check` reads, in which languages, and how strict it is with
//! each rule. Found in the current folder or the nearest parent (or named by `--config`);
//! the paths and globs in it are relative to its folder.
//!
//! ```toml
//! [check]
//! include = ["*/*/*error-code*.md"]   # globs; default: every document under the given paths
//! exclude = ["**/*@*/**"]
//! [languages]
//! segments = ["ko", "en", "ja", "zh"] # a path segment that names a page's language
//! [rules]
//! translation-missing-code = "error"  # allow | warn | error, per rule
//! [[ignore]]
//! path = "legacy/**/*.txt"
//! rules = ["detached-row"]
//! ```
//!
//! Globs are globset's, with `*` and `?` stopping at `/` and `**` crossing folders, as in
//! `.gitignore`. Any unknown key, bad value, bad glob or unknown rule is an error naming the
//! line and column in the file.
//!
//! A rule of an `[[ignore]]` entry that drops no finding is itself a warning
//! (`unused-suppression`, at the rule's line and column in `errdoc.toml`, its level set by
//! `[rules]` like any other), so that stale entries do not pile up. It is reported only
//! when `errdoc check` is run without paths, on the whole configured tree: a run on a
//! subset of the files (a pre-commit hook, a job over the changed files) naturally leaves
//! most entries with nothing to drop.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

use errdoc::Severity;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

/// The name of the configuration file that `errdoc check` looks for.
pub const FILE_NAME: &str = "errdoc.toml";

/// A configuration, read and validated, its globs compiled.
#[derive(Debug)]
pub struct Config {
    /// Its folder, as a path that reaches it from the current folder (`.`, `../..`, or as
    /// given with `--config`).
    pub folder: PathBuf,
    /// Its folder, absolute and without `.` or `..`, for matching paths against the globs.
    absolute: PathBuf,
    /// The documents to check; `None` for every document.
    include: Option<GlobSet>,
    /// The documents not to check, even when included.
    exclude: GlobSet,
    /// The language segments, or `None` for errdoc's default.
    pub languages: Option<Vec<String>>,
    /// The level of each rule the file names.
    rules: BTreeMap<String, Level>,
    /// The rules ignored in the files that match a glob.
    ignores: Vec<Ignore>,
    /// The file, as a path from the current folder, and its text, for the diagnostics
    /// about it (an unused `[[ignore]]`).
    pub file: PathBuf,
    pub text: String,
}

/// An `[[ignore]]` entry: the files it matches, and its rules, each with its line and
/// column in the file.
#[derive(Debug)]
struct Ignore {
    glob: GlobSet,
    rules: Vec<(String, (usize, usize))>,
}

/// What a rule's findings become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Dropped.
    Allow,
    /// A warning, which fails only with `--deny-warnings`.
    Warn,
    /// An error.
    Error,
}

/// The file, as serde reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: CheckTable,
    #[serde(default)]
    languages: LanguagesTable,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    ignore: Vec<IgnoreTable>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckTable {
    include: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesTable {
    segments: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreTable {
    path: Spanned<String>,
    rules: Vec<Spanned<String>>,
}

/// Why a configuration file cannot be used: one line, without the `error: ` label.
#[derive(Debug)]
pub enum ConfigError {
    /// The file cannot be read.
    Io(PathBuf, std::io::Error),
    /// Something in the file is wrong, at a line and column.
    At {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io(file, error) => write!(f, "cannot read `{}`: {error}", file.display()),
            ConfigError::At {
                file,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", file.display()),
        }
    }
}

impl Config {
    /// The configuration that applies in `cwd`: the `errdoc.toml` there or in the nearest
    /// parent folder, if any.
    ///
    /// # Errors
    ///
    /// Returns a [`ConfigError`] when the file found cannot be read or is wrong.
    pub fn discover(cwd: &Path) -> Result<Option<Config>, ConfigError> {
        let mut up = PathBuf::from(".");
        for folder in cwd.ancestors() {
            let file = folder.join(FILE_NAME);
            if file.is_file() {
                let shown = if up == Path::new(".") {
                    PathBuf::from(FILE_NAME)
                } else {
                    up.join(FILE_NAME)
                };
                return Config::load(&shown, cwd).map(Some);
            }
            up = if up == Path::new(".") {
                PathBuf::from("..")
            } else {
                up.join("..")
            };
        }
        Ok(None)
    }

    /// Reads the configuration file `file` (relative to `cwd`, or absolute).
    ///
    /// # Errors
    ///
    /// Returns a [`ConfigError`] when the file cannot be read or is wrong.
    pub fn load(file: &Path, cwd: &Path) -> Result<Config, ConfigError> {
        let text =
            fs::read_to_string(file).map_err(|error| ConfigError::Io(file.to_owned(), error))?;
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_column(&text, span.start);
            ConfigError::At {
                file: file.to_owned(),
                line,
                column,
                message,
            }
        };
        let parsed: File = toml::from_str(&text).map_err(|error| {
            let message = error.message().trim_end().to_owned();
            at(error.span().unwrap_or(0..0), message)
        })?;
        let globs = |patterns: &[Spanned<String>]| {
            let mut set = GlobSetBuilder::new();
            for pattern in patterns {
                set.add(glob(pattern.get_ref()).map_err(|error| {
                    at(
                        pattern.span(),
                        format!("bad glob `{}`: {error}", pattern.get_ref()),
                    )
                })?);
            }
            set.build()
                .map_err(|error| at(0..0, format!("bad globs: {error}")))
        };
        let rule = |name: &Spanned<String>| {
            if known_rule(name.get_ref()) {
                Ok(name.get_ref().clone())
            } else {
                Err(at(
                    name.span(),
                    format!("unknown rule `{}`", name.get_ref()),
                ))
            }
        };
        let include = match &parsed.check.include {
            Some(patterns) => Some(globs(patterns)?),
            None => None,
        };
        let exclude = globs(&parsed.check.exclude)?;
        let mut rules = BTreeMap::new();
        for (name, level) in &parsed.rules {
            rules.insert(rule(name)?, *level);
        }
        let mut ignores = Vec::new();
        for entry in &parsed.ignore {
            let mut rules = Vec::new();
            for name in &entry.rules {
                rules.push((rule(name)?, line_column(&text, name.span().start)));
            }
            let glob = globs(std::slice::from_ref(&entry.path))?;
            ignores.push(Ignore { glob, rules });
        }
        let folder = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        Ok(Config {
            absolute: normalize(&cwd.join(&folder)),
            folder,
            include,
            exclude,
            languages: parsed.languages.segments,
            rules,
            ignores,
            file: file.to_owned(),
            text,
        })
    }

    /// Whether the configuration checks the document at `path` (relative to `cwd`, or
    /// absolute): it is included (by default, when its name is a document's) and not
    /// excluded.
    pub fn includes(&self, path: &Path, cwd: &Path) -> bool {
        let relative = self.relative(path, cwd);
        let included = match &self.include {
            Some(include) => include.is_match(&relative),
            None => is_document_name(path),
        };
        included && !self.exclude.is_match(&relative)
    }

    /// Applies `[rules]` and `[[ignore]]` to the diagnostics: drops those of the allowed
    /// rules and of the rules ignored in their file, and sets the severity of the others
    /// whose rule has a level. When the run checked the whole configured tree (`whole`),
    /// each rule of an `[[ignore]]` entry that dropped nothing adds an `unused-suppression`
    /// at its place in the file.
    pub fn apply(&self, diagnostics: &mut Vec<errdoc::Diagnostic>, cwd: &Path, whole: bool) {
        let mut used: Vec<Vec<bool>> = self
            .ignores
            .iter()
            .map(|ignore| vec![false; ignore.rules.len()])
            .collect();
        diagnostics.retain_mut(|diagnostic| {
            let rule = diagnostic.kind.rule();
            let file = self.relative(Path::new(&*diagnostic.span.file), cwd);
            let mut ignored = false;
            for (ignore, used) in self.ignores.iter().zip(&mut used) {
                let at = ignore.rules.iter().position(|(name, _)| name == rule);
                if let Some(at) = at.filter(|_| ignore.glob.is_match(&file)) {
                    used[at] = true;
                    ignored = true;
                }
            }
            !ignored && self.level(diagnostic)
        });
        if !whole {
            return;
        }
        let file: std::sync::Arc<str> = self.file.to_string_lossy().into();
        for (ignore, used) in self.ignores.iter().zip(used) {
            for ((rule, (line, column)), used) in ignore.rules.iter().zip(used) {
                if used {
                    continue;
                }
                let kind = errdoc::DiagnosticKind::UnusedSuppression { rule: rule.clone() };
                let span = errdoc::Span {
                    file: file.clone(),
                    line: u32::try_from(*line).unwrap_or(u32::MAX),
                    column: u32::try_from(*column).unwrap_or(u32::MAX),
                };
                let mut diagnostic = errdoc::Diagnostic::new(kind, span);
                if self.level(&mut diagnostic) {
                    diagnostics.push(diagnostic);
                }
            }
        }
    }

    /// Sets the diagnostic's severity to its rule's level, if `[rules]` gives one, and
    /// returns whether it is kept (its rule is not allowed).
    fn level(&self, diagnostic: &mut errdoc::Diagnostic) -> bool {
        match self.rules.get(diagnostic.kind.rule()) {
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                diagnostic.severity = Severity::Warning;
                true
            }
            Some(Level::Error) => {
                diagnostic.severity = Severity::Error;
                true
            }
            None => true,
        }
    }

    /// `path` relative to the configuration's folder, or, when outside it, absolute.
    fn relative(&self, path: &Path, cwd: &Path) -> PathBuf {
        let absolute = normalize(&cwd.join(path));
        match absolute.strip_prefix(&self.absolute) {
            Ok(relative) => relative.to_owned(),
            Err(_) => absolute,
        }
    }
}

/// A glob as `.gitignore` reads one: `*` and `?` do not cross `/`, `**` does.
fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// `path` without `.` segments and with each `..` taking away the segment before it,
/// without asking the file system (a link is not resolved).
pub fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    normal.push("..");
                }
            }
            other => normal.push(other),
        }
    }
    normal
}

/// Whether the last component of `path` is a document's name, as `errdoc::read` decides.
pub fn is_document_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| errdoc::is_document_name(&name.to_string_lossy()))
}

/// Whether `id` names a rule of the library's (`errdoc::RULES`).
pub fn known_rule(id: &str) -> bool {
    errdoc::RuleInfo::get(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_lines_and_columns() {
        let text = "[check]\nfoo = 1\né = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 8), (2, 1));
        assert_eq!(line_column(text, 14), (2, 7));
        assert_eq!(line_column(text, 19), (3, 3), "columns count characters");
        assert_eq!(line_column(text, 99), (4, 1));
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        assert_eq!(normalize(Path::new("a/../a/./x.md")), Path::new("a/x.md"));
        assert_eq!(normalize(Path::new("../x")), Path::new("../x"));
    }

    #[test]
    fn globs_stop_at_folders_unless_doubled() {
        let matches =
            |pattern: &str, path: &str| glob(pattern).unwrap().compile_matcher().is_match(path);
        assert!(matches("*/*/*error-code*.md", "STT/ko/error-code.md"));
        assert!(!matches("*/*/*error-code*.md", "a/STT/ko/error-code.md"));
        assert!(matches("**/*@*/**", "STT@8e5a069/ko/error-code.md"));
        assert!(!matches("**/*@*/**", "STT/ko/error-code.md"));
    }
}
