//! Turns published error-code pages into typed Rust code.
//!
//! Cloud APIs document their result codes as tables on web pages. `errdoc` reads those
//! pages, as markdown or as a plain-text copy of the rendered page, and generates one
//! module per service with a typed `ErrorCode` (the raw code kept whole, with a named
//! constant per keyed code), its keys, messages and descriptions, and lookup tables. A build script
//! calls [`Builder`]; the `errdoc` command line checks documents in CI (`errdoc check`),
//! says what a new version of them changes and how much that weighs in semver
//! (`errdoc diff`, over [`diff`]), writes the code for SDKs that commit it
//! (`errdoc generate [--check]`) and exports the catalog (`errdoc dump --format json`).
//!
//! The pipeline, each stage a module with its own types:
//!
//! ```text
//! read ──▶ parse ──▶ lower ──▶ emit ──▶ render
//! paths    Document   Catalog   tokens   String
//! ```
//!
//! Only [`read`] and [`Builder::compile`] touch the file system; everything between takes
//! data and returns data. Stages never stop at the first problem: they return what they
//! could build together with every [`Diagnostic`] they found.
//!
//! ```
//! let page = "## AI Service > OCR > Document OCR > Error Code\n\n\
//!             | resultCode | resultKey | resultMessage |\n\
//!             |---|---|---|\n\
//!             | 4010002 | INVALID_UUID | Invalid uuid. |\n";
//! let checked = errdoc::check(&[errdoc::Source::new("ocr.md", page)]);
//! assert!(!checked.has_errors());
//! let service = &checked.catalog.services()[0];
//! assert_eq!(service.module(), "document_ocr");
//! assert_eq!(service.entries()[0].variant(), Some("InvalidUuid"));
//!
//! let code = errdoc::generate(&checked.catalog, &errdoc::Options::default()).unwrap();
//! assert!(code.contains("pub mod document_ocr"));
//! ```

#![deny(missing_docs)]

mod config;
mod diagnostic;
mod diff;
mod emit;
mod escape;
mod ident;
mod lower;
mod parse;
#[cfg(test)]
mod properties;
mod read;
mod render;
mod suppress;
mod translations;

pub use config::{Builder, Error, Generated, Summary};
pub use diagnostic::{
    Detached, Diagnostic, DiagnosticKind, Field, RULES, Related, Report, RuleInfo, Severity, Span,
};
pub use diff::{
    Class, CodeChange, Counts, Diff, MovedKey, Pages, ServiceChanges, ServiceDiff, diff, pages,
};
pub use emit::Options;
// For the command line, which prints file names and git's words as errdoc prints document
// text; not an API to keep.
#[doc(hidden)]
pub use escape::Escaped;
pub use lower::{Catalog, Description, Entry, Location, Service};
pub use parse::{Lookalike, Source};
pub use read::{Inputs, ReadError, is_document_name, read};
pub use render::GenerateError;
pub use suppress::suppress;
pub use translations::language_versions;

/// Parses and lowers documents: the catalog of everything valid, and every diagnostic.
///
/// This is everything `errdoc check` does after reading the files, with the default
/// [`CheckOptions`] (language versions in folders `ko`, `en`, `ja` and `zh`).
pub fn check(sources: &[Source]) -> Checked {
    check_with(sources, &CheckOptions::default())
}

/// Parses documents, checks their language versions against each other, and lowers them.
///
/// Pages whose paths differ only in a folder named by one of `options.languages` are one
/// page in several languages: they must list the same codes (a code missing from one is a
/// warning there) under the same service (a breadcrumb that names another is an error, and
/// its rows join the others' service). Their keys and messages must agree as any two pages
/// of one service must; their descriptions may differ.
pub fn check_with(sources: &[Source], options: &CheckOptions) -> Checked {
    let mut diagnostics = Vec::new();
    let mut documents = Vec::with_capacity(sources.len());
    for source in sources {
        let (document, found) = parse::parse(source);
        diagnostics.extend(found);
        documents.extend(document);
    }
    diagnostics.extend(translations::check(&mut documents, &options.languages));
    let (catalog, found) = lower::lower(documents);
    diagnostics.extend(found);
    Checked {
        catalog,
        diagnostics,
    }
}

/// How [`check_with`] reads the documents.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// The path segments that name a page's language (folder names, compared exactly),
    /// first the language that others are translated from: a tie between two services
    /// named by a page's versions goes to the version first in this order. By default
    /// `ko`, `en`, `ja`, `zh`; empty, language versions are not compared.
    pub languages: Vec<String>,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            languages: ["ko", "en", "ja", "zh"].map(String::from).into(),
        }
    }
}

/// Emits and renders the Rust code for a catalog: exactly what a build script writes.
///
/// # Errors
///
/// Returns a [`GenerateError`] if the emitted code does not parse, which is a bug in errdoc,
/// never a problem with the documents.
pub fn generate(catalog: &Catalog, options: &Options) -> Result<String, GenerateError> {
    let runtime = emit::runtime_module();
    render::render(emit::emit(catalog, options), &catalog.files, &runtime)
}

/// The result of [`check`].
#[derive(Clone, Debug)]
pub struct Checked {
    /// Every service and code that is valid.
    pub catalog: Catalog,
    /// Every problem found, errors and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error, so that no code may be generated.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
