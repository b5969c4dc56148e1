//! The builder a build script calls: the thin shell around the pure pipeline.
//!
//! [`Builder::compile`] is the only place besides the command line that reads files, reads
//! the environment (`OUT_DIR`) and prints, here as Cargo directives. It is
//! [`Builder::generate`], which the command line's `errdoc generate` calls too, followed by
//! writing the file, so that both write the same bytes.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Report};
use crate::emit::Options;
use crate::escape::Escaped;
use crate::parse::Source;
use crate::read::{self, ReadError};
use crate::render::GenerateError;

/// Generates a crate's error-code modules from a build script.
///
/// In `build.rs`:
///
/// ```no_run
/// if let Err(error) = errdoc::Builder::new().docs("seeds").compile() {
///     eprint!("{}", error.report());
///     std::process::exit(1);
/// }
/// ```
///
/// and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/errdoc.rs"));`
#[derive(Clone, Debug)]
pub struct Builder {
    docs: Vec<PathBuf>,
    out_file: PathBuf,
    options: Options,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// A builder with no documents yet, writing `errdoc.rs` into `OUT_DIR`.
    pub fn new() -> Builder {
        Builder {
            docs: Vec::new(),
            out_file: PathBuf::from("errdoc.rs"),
            options: Options::default(),
        }
    }

    /// Implements `serde::Serialize` and `serde::Deserialize` for every `ErrorCode`
    /// (as its integer code) when the including crate's cargo feature `feature` is on.
    pub fn serde_feature(mut self, feature: impl Into<String>) -> Builder {
        self.options.serde_feature = Some(feature.into());
        self
    }

    /// Adds a document, or a folder of documents walked recursively.
    pub fn docs(mut self, path: impl Into<PathBuf>) -> Builder {
        self.docs.push(path.into());
        self
    }

    /// Sets the output file (`errdoc.rs` by default). A relative path is taken from
    /// `OUT_DIR`; an absolute one is written where it says, so that it needs no `OUT_DIR`.
    pub fn out_file(mut self, path: impl Into<PathBuf>) -> Builder {
        self.out_file = path.into();
        self
    }

    /// Reads the documents, checks them and writes the generated code, telling Cargo to
    /// rerun when a document, a folder or the set of documents changes.
    ///
    /// This is [`Builder::generate`] followed by writing its code, so the file holds exactly
    /// what `errdoc generate` prints for the same documents and options. Warnings are
    /// passed to Cargo as `cargo::warning`. The output file is written only when its
    /// content changed, and never when there is an error.
    ///
    /// # Errors
    ///
    /// Returns [`Error::NoOutDir`] when the output file is relative and `OUT_DIR` is not
    /// set (`compile` is meant to run from a build script), before reading anything;
    /// [`Error::Read`] when the documents cannot be read, [`Error::Documents`] with every
    /// diagnostic when any document has an error, [`Error::Generate`] when errdoc emits
    /// code that does not parse (a bug), and [`Error::Write`] when the output cannot be
    /// written.
    pub fn compile(&self) -> Result<Summary, Error> {
        let out = out_path(&self.out_file, std::env::var_os("OUT_DIR"))?;
        let inputs = read::read(&self.docs).map_err(|error| {
            // Rerun once the missing or unreadable input is fixed.
            for path in &self.docs {
                rerun_if_changed(&path.to_string_lossy());
            }
            Error::Read(error)
        })?;
        for folder in &inputs.folders {
            rerun_if_changed(&folder.to_string_lossy());
        }
        for source in &inputs.sources {
            rerun_if_changed(&source.path);
        }
        let warn = |diagnostics: &[Diagnostic]| {
            for warning in diagnostics.iter().filter(|d| !d.is_error()) {
                println!("cargo::warning={} ({})", warning.kind, warning.span);
            }
        };
        let generated = self.generate_from(&inputs.sources).inspect_err(|error| {
            if let Error::Documents(diagnostics) = error {
                warn(diagnostics);
            }
        })?;
        warn(&generated.warnings);
        write_if_changed(&out, &generated.code).map_err(|error| Error::Write(out, error))?;
        Ok(generated.summary)
    }

    /// Reads the documents, checks them and generates the code, without writing or
    /// printing anything: what [`Builder::compile`] writes, and `errdoc generate` too.
    ///
    /// # Errors
    ///
    /// Returns [`Error::Read`] when the documents cannot be read, [`Error::Documents`]
    /// with every diagnostic when any document has an error, and [`Error::Generate`] when
    /// errdoc emits code that does not parse (a bug).
    pub fn generate(&self) -> Result<Generated, Error> {
        let inputs = read::read(&self.docs).map_err(Error::Read)?;
        self.generate_from(&inputs.sources)
    }

    /// Checks the documents read and generates the code: the one path from documents to
    /// code that [`Builder::compile`] and [`Builder::generate`] share.
    fn generate_from(&self, sources: &[Source]) -> Result<Generated, Error> {
        let checked = crate::check(sources);
        if checked.has_errors() {
            return Err(Error::Documents(checked.diagnostics));
        }
        let code = crate::generate(&checked.catalog, &self.options).map_err(Error::Generate)?;
        Ok(Generated {
            code,
            summary: Summary::new(&checked.catalog, sources.len()),
            warnings: checked.diagnostics,
        })
    }
}

/// What [`Builder::generate`] produced from documents without errors.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Generated {
    /// The Rust code, formatted, behind its `@generated` header: the output file's content.
    pub code: String,
    /// The counts of services, codes and documents.
    pub summary: Summary,
    /// The warnings about the documents (a repeated row, merged), in the order found.
    pub warnings: Vec<Diagnostic>,
}

/// Where [`Builder::compile`] writes `out_file`: under `out_dir` (the value of `OUT_DIR`)
/// when it is relative, as it is when absolute.
///
/// # Errors
///
/// Returns [`Error::NoOutDir`] for a relative `out_file` without an `out_dir`: writing it
/// into the current directory instead would leave a stray file wherever the program ran.
fn out_path(out_file: &Path, out_dir: Option<OsString>) -> Result<PathBuf, Error> {
    if out_file.is_absolute() {
        return Ok(out_file.to_owned());
    }
    match out_dir {
        Some(dir) => Ok(Path::new(&dir).join(out_file)),
        None => Err(Error::NoOutDir),
    }
}

/// Asks Cargo to rerun the build script when `path` changes (see [`rerun_instruction`]).
fn rerun_if_changed(path: &str) {
    if let Some(instruction) = rerun_instruction(path) {
        println!("{instruction}");
    }
}

/// The instruction that makes Cargo rerun the build script when `path` changes, or `None`
/// for a path with a line break: Cargo reads instructions line by line, so the rest of the
/// name would be an instruction of its own (a document named `x\ncargo::rustc-link-arg=…`).
/// The folder that holds such a file is still watched.
fn rerun_instruction(path: &str) -> Option<String> {
    (!path.contains(['\n', '\r'])).then(|| format!("cargo::rerun-if-changed={path}"))
}

/// Writes `contents` to `path` unless the file already holds exactly that, so that an
/// unchanged output does not make Cargo recompile the crate.
///
/// # Errors
///
/// Returns the I/O error of writing the file.
pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(());
    }
    fs::write(path, contents)
}

/// What a successful run produced: counts for a one-line summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Services in the catalog.
    pub services: usize,
    /// Codes over all services.
    pub codes: usize,
    /// Documents read.
    pub documents: usize,
}

impl Summary {
    /// The counts of a catalog built from `documents` documents.
    pub fn new(catalog: &crate::Catalog, documents: usize) -> Summary {
        Summary {
            services: catalog.services.len(),
            codes: catalog.code_count(),
            documents,
        }
    }
}

impl fmt::Display for Summary {
    /// `3 services, 104 codes from 4 documents`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}, {} from {}",
            plural(self.services, "service"),
            plural(self.codes, "code"),
            plural(self.documents, "document")
        )
    }
}

/// Why [`Builder::compile`] or [`Builder::generate`] failed.
///
/// Its `Display` is one line without an `error: ` label, which is the printer's to add;
/// [`Error::report`] is what a build script prints, the diagnostics included.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// `OUT_DIR` is not set and the output file is relative: [`Builder::compile`] is meant
    /// to run from a build script, where Cargo sets `OUT_DIR`.
    NoOutDir,
    /// The documents could not be read.
    Read(ReadError),
    /// Documents have errors; every diagnostic, warnings included, in order.
    Documents(Vec<Diagnostic>),
    /// The emitted code did not parse: a bug in errdoc, not in a document.
    Generate(GenerateError),
    /// The output file could not be written.
    Write(PathBuf, io::Error),
}

impl Error {
    /// The error as a failed build script prints it: for [`Error::Documents`], every
    /// diagnostic then the count of errors, as `errdoc check` prints them; otherwise the
    /// message behind an `error: ` label. Each line ends in a newline.
    pub fn report(&self) -> impl fmt::Display + '_ {
        ErrorReport(self)
    }
}

/// What [`Error::report`] shows.
struct ErrorReport<'a>(&'a Error);

impl fmt::Display for ErrorReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Error::Documents(diagnostics) => Report(diagnostics).fmt(f),
            error => writeln!(f, "error: {error}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoOutDir => f.write_str(
                "`OUT_DIR` is not set: `compile` is meant to run from a build script \
                 (or give `out_file` an absolute path)",
            ),
            Error::Read(error) => error.fmt(f),
            Error::Documents(diagnostics) => match Report(diagnostics).errors() {
                1 => f.write_str("1 error in the documents"),
                n => write!(f, "{n} errors in the documents"),
            },
            Error::Generate(error) => error.fmt(f),
            Error::Write(path, error) => {
                let path = path.to_string_lossy();
                write!(f, "cannot write `{}`: {error}", Escaped(&path))
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read(error) => Some(error),
            Error::Generate(error) => Some(error),
            Error::Write(_, error) => Some(error),
            Error::Documents(_) | Error::NoOutDir => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_out_file_needs_out_dir() {
        let error = out_path(Path::new("errdoc.rs"), None).unwrap_err();
        assert!(matches!(error, Error::NoOutDir), "{error:?}");
        assert_eq!(
            error.report().to_string(),
            "error: `OUT_DIR` is not set: `compile` is meant to run from a build script \
             (or give `out_file` an absolute path)\n"
        );
        let out = out_path(Path::new("x/errdoc.rs"), Some("/out".into())).unwrap();
        assert_eq!(out, Path::new("/out/x/errdoc.rs"));
    }

    #[test]
    fn an_absolute_out_file_needs_no_out_dir() {
        let absolute = std::env::temp_dir().join("errdoc.rs");
        assert_eq!(out_path(&absolute, None).unwrap(), absolute);
        assert_eq!(out_path(&absolute, Some("/out".into())).unwrap(), absolute);
    }

    #[test]
    fn compile_without_out_dir_fails_before_reading() {
        // Cargo sets `OUT_DIR` only for packages with a build script, and errdoc has none,
        // so its tests run without it.
        if std::env::var_os("OUT_DIR").is_some() {
            return;
        }
        let error = Builder::new().docs("no such folder").compile().unwrap_err();
        assert!(matches!(error, Error::NoOutDir), "{error:?}");
    }

    #[test]
    fn errors_print_without_a_label_and_report_with_one() {
        let error = Error::Write("out.rs".into(), io::Error::other("disk full"));
        assert_eq!(error.to_string(), "cannot write `out.rs`: disk full");
        assert_eq!(
            error.report().to_string(),
            "error: cannot write `out.rs`: disk full\n"
        );
    }

    #[test]
    fn a_path_with_a_line_break_is_no_instruction() {
        assert_eq!(
            rerun_instruction("seeds/a b.md").as_deref(),
            Some("cargo::rerun-if-changed=seeds/a b.md")
        );
        for path in ["seeds/x\ncargo::rustc-link-arg=-evil", "a\rb.md"] {
            assert_eq!(rerun_instruction(path), None, "{path:?}");
        }
    }
}
