//! errdoc against the real documentation: every page of the shared corpus, checked alone
//! and with its other language versions, with nothing lost on the way.
//!
//! The fixtures under `tests/data` are small and each shows one rule; this file holds
//! errdoc to the pages it exists for, copied from the docs repositories with every oddity
//! they have (Korean and Japanese titles, anchors in headings, missing spaces before
//! pipes, CR LF line ends, snapshots that disagree, pages that are not error-code pages at
//! all). Each page is also read here without errdoc, by a few functions that find the
//! columns of a header by their roles and split table rows on `|`, so that a row errdoc
//! drops or misreads shows up as a difference.
//!
//! The reading here finds error-code tables on 211 of the 228 pages, with 10,266 rows that
//! start with an integer code (a cell that lists several codes, `2111, 2112`, counts once).
//! The seventeen others have none under the rules: an empty page, three pages with a
//! heading only, four whose codes are only in JSON examples and one with a bullet list of
//! codes; tables whose columns have no role (`연산자 | 의미`, `RESULT | CODE | DESC`, whose
//! `CODE` stands beside no key, message or description); a page whose breadcrumb is a bare
//! line, so that its `Error Code | Description` table stands under no error-code title;
//! and five pages whose code columns hold names, not numbers (`SERVICE_INITIALIZING`, keys
//! in a `resultCode` column, enum names in a `ResultCode` column beside a `Value` column),
//! which are another kind of table.
//!
//! The manifest counted by hand every table with integer-coded rows, whatever its header,
//! and every row whose first cells look like codes. On the pages of the simplest shape
//! (`resultCode | resultKey | resultMessage`) the counts here must be the manifest's; on
//! the others they differ, for these reasons only:
//!
//! - API guides: their request and response field tables have integer rows too, and only
//!   the error tables are error-code tables (an HTTP status table under `HttpStatusCode`,
//!   or `response code | 설명`, is not);
//! - value tables without a code role: HTML tables (`코드값 | 의미`), `DLR status code |
//!   Description`;
//! - code cells that are not integers, which the manifest counted as rows and a reader
//!   does not take for codes: ranges (`50001 ~ 50501`), letters (`E900`), a message in the
//!   code column.
//!
//! The corpus is not part of this repository. It is the folder `$ERRDOC_CORPUS` (a
//! relative path is taken from the workspace root), by default `../shared/corpus` beside
//! the workspace; its `MANIFEST.tsv` lists every page with its shape. When the corpus is
//! absent each test says so and passes, unless `ERRDOC_REQUIRE_CORPUS=1` (as in CI) makes
//! that a failure.
//!
//! What errdoc says is pinned in `tests/data/corpus/`, `pages.txt` for the pages alone
//! and `language-sets.txt` for the sets: a summary line per page or set (its codes, how
//! many of them keyless, its service), then each diagnostic as `errdoc check` prints it,
//! with paths relative to the corpus. `ERRDOC_BLESS=1 cargo test -p errdoc --test corpus`
//! rewrites them; review the diff before committing it.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use errdoc::{Checked, DiagnosticKind, Source};

/// The folder of the expectations, relative to the crate folder.
const GOLDEN: &str = "tests/data/corpus";

/// The MANIFEST shape of an error-code page with `resultCode`, `resultKey` and
/// `resultMessage` columns, whose tables and rows the reading here must count as the
/// manifest does.
const RESULT_TRIPLE: &str = "result-triple";

/// How many pages of the corpus errdoc must read as error-code pages, at the least.
const ERROR_CODE_PAGES: usize = 185;

/// What the reading here finds in the corpus, as this file's documentation explains it:
/// the pages with an error-code table, and the rows that start with an integer code.
const READ_HERE: (usize, usize) = (211, 10_266);

/// Every page alone: a page with an error-code table as read here is one to errdoc too,
/// whose catalog is every row as read here when errdoc finds no error; a page without one
/// is reported as such and nothing else. What errdoc says is pinned.
#[test]
fn every_page_alone_is_read_as_here_or_reported_without_a_table() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut report = String::new();
    for page in &pages {
        let reading = read(page.text());
        // On the pages of the simplest shape, the reading here must agree with the
        // manifest, which counted the rows by hand.
        let found = (reading.tables.len(), reading.coded_rows().count());
        if page.shape == RESULT_TRIPLE && found != (page.tables, page.rows) {
            failures.push(format!(
                "{}: read here as {} table(s) of {} row(s), the manifest says {} of {}",
                page.name(),
                found.0,
                found.1,
                page.tables,
                page.rows
            ));
        }
        let checked = match check(&[&page.source]) {
            Ok(checked) => checked,
            Err(failure) => {
                failures.push(failure);
                continue;
            }
        };
        if reading.tables.is_empty() {
            failures.extend(only_no_table(page, &checked));
        } else {
            if let Some(diagnostic) = no_table(&checked) {
                failures.push(format!(
                    "{}: an error-code table is read here, but errdoc says:\n{diagnostic}",
                    page.name()
                ));
            }
            failures.extend(compare(page.name(), &checked, &[(page, &reading)]));
        }
        report.push_str(&outcome(page.name(), &checked));
    }
    failures.extend(pin("pages.txt", &report));
    support::assert_no_failures(&failures);
}

/// errdoc reads at least [`ERROR_CODE_PAGES`] pages as error-code pages: into a catalog,
/// or into diagnostics about their rows, but not as pages without an error-code table.
#[test]
fn most_pages_are_error_code_pages() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut read_here = 0;
    let mut by_errdoc = 0;
    for page in &pages {
        read_here += usize::from(!read(page.text()).tables.is_empty());
        match check(&[&page.source]) {
            Ok(checked) => by_errdoc += usize::from(no_table(&checked).is_none()),
            Err(failure) => failures.push(failure),
        }
    }
    if by_errdoc < ERROR_CODE_PAGES {
        failures.push(format!(
            "errdoc reads {by_errdoc} of the {} pages as error-code pages, fewer than \
             {ERROR_CODE_PAGES}; the reading here finds {read_here}",
            pages.len()
        ));
    }
    support::assert_no_failures(&failures);
}

/// The reading here finds what this file's documentation says it does, so that a change
/// to it that reads other pages or rows is explained there (the manifest's own counts are
/// held on the pages of the simplest shape, in the test of every page alone).
#[test]
fn the_reading_here_finds_the_pages_and_rows_it_documents() {
    let Some(pages) = corpus() else {
        return;
    };
    let readings: Vec<Reading> = pages.iter().map(|page| read(page.text())).collect();
    let found = (
        readings.iter().filter(|r| !r.tables.is_empty()).count(),
        readings.iter().map(|r| r.coded_rows().count()).sum(),
    );
    assert_eq!(
        found, READ_HERE,
        "the reading here finds (pages, coded rows) = {found:?}; explain the change in the \
         documentation at the top of this file and update READ_HERE"
    );
}

/// The language versions of each error-code page together, as `errdoc check` merges
/// them: the same service, and every disagreement pinned.
#[test]
fn language_versions_of_a_page_agree_or_their_conflicts_are_pinned() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut report = String::new();
    for (set, members) in language_sets(&pages) {
        let readings: Vec<Reading> = members.iter().map(|page| read(page.text())).collect();
        let together: Vec<(&Page, &Reading)> = members.iter().copied().zip(&readings).collect();
        let sources: Vec<&Source> = members.iter().map(|page| &page.source).collect();
        let checked = match check(&sources) {
            Ok(checked) => checked,
            Err(failure) => {
                failures.push(failure);
                continue;
            }
        };
        let labels: Vec<&str> = members.iter().map(|page| page.label()).collect();
        let name = format!("{set} ({})", labels.join(", "));
        failures.extend(compare(&name, &checked, &together));
        failures.extend(lost(&checked, &together));
        report.push_str(&outcome(&name, &checked));
    }
    failures.extend(pin("language-sets.txt", &report));
    support::assert_no_failures(&failures);
}

/// Nothing lost: in every page, every row of an error-code table that starts with a code
/// is in the catalog or named by a diagnostic.
#[test]
fn every_coded_row_of_every_page_is_in_the_catalog_or_named() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut rows = 0;
    for page in &pages {
        let reading = read(page.text());
        rows += reading.coded_rows().count();
        match check(&[&page.source]) {
            Ok(checked) => failures.extend(lost(&checked, &[(page, &reading)])),
            Err(failure) => failures.push(failure),
        }
    }
    assert!(
        rows > 0,
        "no page of the corpus has a row that starts with a code"
    );
    support::assert_no_failures(&failures);
}

// The corpus: its pages as the manifest lists them, and how they group into sets.

/// One page of the corpus, with its manifest line.
struct Page {
    /// The repository folder (`OCR`, `OCR@alpha`, `gitbook-en`).
    repo: String,
    /// The page's path inside the repository folder (`ko/general-ocr-error-code.md`).
    path: String,
    /// The manifest's shape of its tables (`result-triple`, or their headers).
    shape: String,
    /// The number of error-code tables, by the manifest (for result-triple pages).
    tables: usize,
    /// The number of rows with a code, by the manifest (for result-triple pages).
    rows: usize,
    /// The page, named by its path relative to the corpus so that no machine path shows.
    source: Source,
    /// Its text, for the reading here: a byte-order mark dropped, bad bytes replaced.
    text: String,
}

impl Page {
    /// The page's path relative to the corpus: `<repo>/<path>`.
    fn name(&self) -> &str {
        &self.source.path
    }

    /// The page's text as a reader sees it.
    fn text(&self) -> &str {
        &self.text
    }

    /// What tells this page from its other language versions: its language folder, or its
    /// repository folder for the gitbook mirrors, which have one folder per language.
    fn label(&self) -> &str {
        if self.repo.starts_with("gitbook-") {
            &self.repo
        } else {
            self.path.split('/').next().unwrap_or_default()
        }
    }

    /// The name its language versions share: the label replaced by `*`.
    fn set(&self) -> String {
        if self.repo.starts_with("gitbook-") {
            return format!("gitbook-*/{}", self.path);
        }
        match self.path.split_once('/') {
            Some((_, rest)) => format!("{}/*/{rest}", self.repo),
            None => self.name().to_owned(),
        }
    }
}

/// The corpus's pages, in manifest order; `None`, after saying why, when it is absent and
/// not required.
///
/// # Panics
///
/// Panics when the corpus is absent and `ERRDOC_REQUIRE_CORPUS` is `1`, or when it is present but
/// broken: a malformed manifest, or a page it lists that cannot be read.
fn corpus() -> Option<Vec<Page>> {
    let root = support::corpus_folder()?;
    let manifest = root.join("MANIFEST.tsv");
    let text =
        fs::read_to_string(&manifest).unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    assert_eq!(
        header,
        "repo\tpath\tcommit\tlanguage\tshape\ttables\trows\toddities",
        "{} has other columns than expected",
        manifest.display()
    );
    let pages: Vec<Page> = lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let [repo, path, _commit, _language, shape, tables, rows, ..] = columns[..] else {
                panic!(
                    "{}: a line with too few columns: {line}",
                    manifest.display()
                );
            };
            let count = |text: &str| {
                text.parse::<usize>()
                    .unwrap_or_else(|_| panic!("{}: `{text}` is not a count", manifest.display()))
            };
            let file = root.join(repo).join(path);
            let bytes = fs::read(&file)
                .unwrap_or_else(|e| panic!("the manifest lists {}: {e}", file.display()));
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
            Page {
                repo: repo.to_owned(),
                path: path.to_owned(),
                shape: shape.to_owned(),
                tables: count(tables),
                rows: count(rows),
                source: Source::new(format!("{repo}/{path}"), bytes),
                text,
            }
        })
        .collect();
    assert!(!pages.is_empty(), "{} lists no page", manifest.display());
    Some(pages)
}

/// The sets of language versions of a page with more than one version, one of them an
/// error-code page as read here, each sorted by path as `errdoc check` reads a folder.
fn language_sets(pages: &[Page]) -> BTreeMap<String, Vec<&Page>> {
    let mut sets: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
    for page in pages {
        sets.entry(page.set()).or_default().push(page);
    }
    sets.retain(|_, members| {
        members.len() > 1
            && members
                .iter()
                .any(|page| !read(page.text()).tables.is_empty())
    });
    for members in sets.values_mut() {
        members.sort_by(|a, b| a.name().cmp(b.name()));
    }
    sets
}

/// Holds a test's report against its expectation file `name` under [`GOLDEN`], or
/// rewrites the file when blessing; a failure says how they differ.
fn pin(name: &str, report: &str) -> Option<String> {
    let path = Path::new(GOLDEN).join(name);
    support::expect(&format!("corpus/{name}"), &path, report).err()
}

// errdoc's side: running it, printing what it says, and holding it against the reading.

/// Runs `errdoc::check`, turning a panic into a failure that names the pages.
fn check(sources: &[&Source]) -> Result<Checked, String> {
    let owned: Vec<Source> = sources.iter().map(|&source| source.clone()).collect();
    panic::catch_unwind(AssertUnwindSafe(|| errdoc::check(&owned))).map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("a panic without a message");
        let names: Vec<&str> = sources.iter().map(|source| &*source.path).collect();
        format!("errdoc panicked on {}: {message}", names.join(", "))
    })
}

/// What errdoc says about a page or a set: a summary line, then every diagnostic as
/// `errdoc check` prints it.
fn outcome(name: &str, checked: &Checked) -> String {
    let mut parts: Vec<String> = checked
        .catalog
        .services()
        .iter()
        .map(|service| {
            let entries = service.entries();
            let keyless = entries.iter().filter(|entry| entry.key().is_none()).count();
            let keyless = match keyless {
                0 => String::new(),
                n => format!(" ({n} keyless)"),
            };
            format!(
                "{} codes{keyless} in `{}` ({})",
                entries.len(),
                service.module(),
                service.path().join(" > ")
            )
        })
        .collect();
    if parts.is_empty() {
        parts.push("no service".to_owned());
    }
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = checked.diagnostics.len() - errors;
    for (count, what) in [(errors, "error"), (warnings, "warning")] {
        match count {
            0 => {}
            1 => parts.push(format!("1 {what}")),
            n => parts.push(format!("{n} {what}s")),
        }
    }
    let mut out = format!("{name}: {}\n", parts.join(", "));
    for diagnostic in &checked.diagnostics {
        let _ = write!(out, "{diagnostic}\n\n");
    }
    out
}

/// errdoc's diagnostic that a page has no error-code table (or no text at all), if any.
fn no_table(checked: &Checked) -> Option<&errdoc::Diagnostic> {
    let kinds = [DiagnosticKind::NoTable, DiagnosticKind::Empty];
    checked.diagnostics.iter().find(|d| kinds.contains(&d.kind))
}

/// Holds errdoc to a page without an error-code table as read here: its only diagnostic
/// is the whole-file error that says so (`Empty` for a blank page), or, when its tables
/// with integer rows have headers that name a code or a key column but not a whole
/// error-code table's, an unread-table error at each such header; and there is no service.
fn only_no_table(page: &Page, checked: &Checked) -> Option<String> {
    let expected = if page.text().trim().is_empty() {
        DiagnosticKind::Empty
    } else {
        DiagnosticKind::NoTable
    };
    let broken_header = |diagnostic: &errdoc::Diagnostic| {
        matches!(diagnostic.kind, DiagnosticKind::UnreadTable { .. })
            && diagnostic.is_error()
            && diagnostic.related.is_empty()
    };
    let whole_file = match checked.diagnostics.as_slice() {
        [only] if only.kind == expected => only.is_error() && at_start(only),
        [] => false,
        all => all.iter().all(broken_header),
    };
    (!whole_file || !checked.catalog.services().is_empty()).then(|| {
        format!(
            "{}: no error-code table is read here, so errdoc should report only \
             `{expected}`, but it says:\n{}",
            page.name(),
            outcome(page.name(), checked)
        )
    })
}

/// Whether a diagnostic is about its whole file: at its first line and column, alone.
fn at_start(diagnostic: &errdoc::Diagnostic) -> bool {
    (diagnostic.span.line, diagnostic.span.column) == (1, 1) && diagnostic.related.is_empty()
}

/// Holds errdoc's catalog against the reading here of the same pages. Every entry must
/// have a valid row as read here at every line it claims, with its code and no other key,
/// message or description (nothing misread); when errdoc found no error, the catalog must
/// be the valid rows merged by code, with their lines (nothing dropped), and there must be
/// no invalid row or conflict that errdoc missed.
fn compare(name: &str, checked: &Checked, pages: &[(&Page, &Reading)]) -> Vec<String> {
    let mut failures = Vec::new();
    let rows: BTreeMap<(&str, u32), &Row> = pages
        .iter()
        .flat_map(|(page, reading)| reading.rows().map(|row| ((page.name(), row.line), row)))
        .collect();
    let entries = checked.catalog.services().iter().flat_map(|s| s.entries());
    for entry in entries.clone() {
        for location in entry.locations() {
            let read = rows.get(&(location.file(), location.line()));
            if !read.is_some_and(|row| row.lists(entry)) {
                failures.push(format!(
                    "{}:{}: errdoc reads {:?} {:?}, but the row here reads {}",
                    location.file(),
                    location.line(),
                    entry_of(entry),
                    descriptions_of(entry),
                    read.map_or_else(|| "nothing".to_owned(), |row| format!("{row:?}"))
                ));
            }
        }
    }
    if checked.has_errors() {
        return failures;
    }
    // No error: the catalog must be exactly the rows, merged by code: a key or a message
    // is taken from the first row that gives it, and another one is a conflict.
    let mut expected = ByCode::new();
    let listed = rows.iter().flat_map(|((file, line), row)| {
        let entries = row.entries();
        if entries.is_none() && row.has_code() {
            failures.push(format!(
                "{file}:{line}: the row {row:?} is not valid, but errdoc reports no error"
            ));
        }
        let entries = entries.unwrap_or_default().into_iter();
        entries.map(move |entry| (file, line, row, entry))
    });
    let listed: Vec<_> = listed.collect();
    for (file, line, row, entry) in listed {
        let merged = expected.entry(entry.0).or_insert_with(|| Merged {
            entry: (entry.0, None, None),
            descriptions: BTreeSet::new(),
            lines: Vec::new(),
        });
        let known = &mut merged.entry;
        for (known, new) in [(&mut known.1, entry.1), (&mut known.2, entry.2)] {
            match (&*known, new) {
                (Some(first), Some(second)) if *first != second => failures.push(format!(
                    "{file}:{line}: code `{}` is listed with `{first}` and `{second}`, but \
                     errdoc reports no error",
                    entry.0
                )),
                (None, new) => *known = new,
                _ => {}
            }
        }
        merged
            .descriptions
            .extend(row.description().map(str::to_owned));
        merged.lines.push((Arc::from(*file), *line));
    }
    let mut found = ByCode::new();
    for entry in entries {
        let mut lines: Vec<_> = entry
            .locations()
            .iter()
            .map(|at| (Arc::from(at.file()), at.line()))
            .collect();
        lines.sort();
        let merged = Merged {
            entry: entry_of(entry),
            descriptions: descriptions_of(entry),
            lines,
        };
        found.insert(entry.code(), merged);
    }
    for (code, merged) in &expected {
        match found.get(code) {
            Some(got) if got == merged => {}
            Some(got) => failures.push(format!(
                "{name}: code `{code}` is read here as {merged:?}, but errdoc has {got:?}"
            )),
            None => failures.push(format!(
                "{name}: code `{code}` ({merged:?}) is missing from errdoc's catalog"
            )),
        }
    }
    for (code, merged) in &found {
        if !expected.contains_key(code) {
            failures.push(format!(
                "{name}: code `{code}`: errdoc has {merged:?}, which is not read here"
            ));
        }
    }
    failures
}

/// The rows of the pages that start with a code but are neither an entry's location nor
/// named by a diagnostic (a line of its span's run of lines, or a related span): rows
/// lost without a word.
fn lost(checked: &Checked, pages: &[(&Page, &Reading)]) -> Vec<String> {
    let mut accounted: Vec<(&str, u32)> = Vec::new();
    for service in checked.catalog.services() {
        for entry in service.entries() {
            let locations = entry.locations().iter();
            accounted.extend(locations.map(|at| (at.file(), at.line())));
        }
    }
    for diagnostic in &checked.diagnostics {
        // A run of lines (detached rows) names each line of it.
        let file = &*diagnostic.span.file;
        accounted.extend(diagnostic.lines().map(|line| (file, line)));
        let related = diagnostic.related.iter().map(|related| &related.span);
        accounted.extend(related.map(|span| (&*span.file, span.line)));
    }
    let mut failures = Vec::new();
    for (page, reading) in pages {
        for row in reading.coded_rows() {
            if !accounted.contains(&(page.name(), row.line)) {
                failures.push(format!(
                    "{}:{}: the row {row:?} is neither in the catalog nor named by a diagnostic",
                    page.name(),
                    row.line
                ));
            }
        }
    }
    failures
}

/// An entry as compared here: code, key and message, either of the last two absent.
type Entry = (i32, Option<String>, Option<String>);

/// A code's entry with every description its rows give (compared as a set: errdoc keeps
/// each text once, with the section of its first row) and the rows (file and line) that
/// list it.
#[derive(Debug, PartialEq, Eq)]
struct Merged {
    entry: Entry,
    descriptions: BTreeSet<String>,
    lines: Vec<(Arc<str>, u32)>,
}

/// Each code's merged entry.
type ByCode = BTreeMap<i32, Merged>;

fn entry_of(entry: &errdoc::Entry) -> Entry {
    (
        entry.code(),
        entry.key().map(str::to_owned),
        entry.message().map(str::to_owned),
    )
}

fn descriptions_of(entry: &errdoc::Entry) -> BTreeSet<String> {
    let texts = entry.descriptions().iter().map(|d| d.text().to_owned());
    texts.collect()
}

// The reading here, without errdoc: a few lines per format, by the rules of column roles
// (ARCHITECTURE.md, "Headers"), simpler than errdoc's and written apart from it.

/// The error-code tables of a page as read here.
struct Reading {
    tables: Vec<Table>,
}

impl Reading {
    /// Every row of every table.
    fn rows(&self) -> impl Iterator<Item = &Row> {
        self.tables.iter().flat_map(|table| &table.rows)
    }

    /// The rows whose code cell is an integer, possibly negative: the rows a reader takes
    /// for codes, and that must never vanish.
    fn coded_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows().filter(|row| row.has_code())
    }
}

/// An error-code table: its rows, after the header (and the delimiter row in markdown).
struct Table {
    rows: Vec<Row>,
}

/// A row as a reader sees it: its line, its code cell, and the cells of the other roles
/// its table has (`None` for a role the table has no column of).
#[derive(Debug)]
struct Row {
    line: u32,
    code: String,
    key: Option<String>,
    message: Option<String>,
    description: Option<String>,
    /// Whether the key is the message, from a message column of identifiers: any
    /// identifier is a key there, where a key column holds upper-case keys.
    message_key: bool,
}

impl Row {
    /// Whether the code cell starts with an integer: digits after an optional sign, where
    /// the sign may be any dash a writer might type, so that a typographic minus is not
    /// overlooked.
    fn has_code(&self) -> bool {
        let first = self.code.split(CODE_SEPARATORS).next().unwrap_or_default();
        let digits = first
            .strip_prefix(['-', '+', '–', '—', '−'])
            .unwrap_or(first);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    }

    /// The codes of the code cell: one integer that fits `i32`, or several separated by
    /// commas, slashes or spaces (`2111, 2112`), which share the row.
    fn codes(&self) -> Option<Vec<i32>> {
        self.code
            .split(CODE_SEPARATORS)
            .filter(|part| !part.is_empty())
            .map(|part| part.parse().ok())
            .collect::<Option<Vec<i32>>>()
            .filter(|codes| !codes.is_empty())
    }

    /// The entries the row defines, one per code, when it is valid: its codes fit `i32`,
    /// its key (if its table has a key column) is an upper-case key, or any identifier
    /// when it is the message, and it has a text: a message, or where the message is
    /// empty, a description.
    fn entries(&self) -> Option<Vec<Entry>> {
        let codes = self.codes()?;
        let key_ok = self.key.as_deref().is_none_or(|key| {
            let upper = key.bytes().all(|b| !b.is_ascii_lowercase());
            is_identifier(key) && (self.message_key || upper)
        });
        let message = self.message.clone().filter(|m| !m.is_empty());
        let text_ok = if self.message.is_some() {
            message.is_some() || self.description().is_some()
        } else {
            self.description.is_none() || self.description().is_some()
        };
        (key_ok && text_ok).then(|| {
            let entry = |code| (code, self.key.clone(), message.clone());
            codes.into_iter().map(entry).collect()
        })
    }

    /// The description, when the row has one that is not empty.
    fn description(&self) -> Option<&str> {
        self.description.as_deref().filter(|text| !text.is_empty())
    }

    /// Whether the row is one that errdoc may count as a location of `entry`: a valid row
    /// with its code, whose key, message and description are the entry's (the entry may
    /// have more, from other rows of its code).
    fn lists(&self, entry: &errdoc::Entry) -> bool {
        let entries = self.entries().unwrap_or_default();
        let Some((code, key, message)) = entries.into_iter().find(|e| e.0 == entry.code()) else {
            return false;
        };
        code == entry.code()
            && key.is_none_or(|key| entry.key() == Some(&*key))
            && message.is_none_or(|message| entry.message() == Some(&*message))
            && self
                .description()
                .is_none_or(|text| entry.descriptions().iter().any(|d| d.text() == text))
    }
}

/// What separates the codes of a cell that lists several.
const CODE_SEPARATORS: [char; 4] = [',', '/', '、', ' '];

/// Whether a cell is an identifier, `[A-Za-z][A-Za-z0-9_]*`: what a key is, and what
/// makes a message column a key column too.
fn is_identifier(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Reads a page's error-code tables: markdown tables when it has any, otherwise plain-text
/// tables, as the rules say.
fn read(text: &str) -> Reading {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let tables = read_markdown(&lines);
    let tables = if tables.is_empty() {
        read_plain(&lines)
    } else {
        tables
    };
    Reading { tables }
}

/// Markdown tables: a header line with `|`, then a delimiter row. An error-code table goes
/// on over blank lines and `|` lines up to the next heading, table or other text. That is
/// wider than GFM, which ends a table at a blank line: a row cut off by one is still a row
/// to a reader, and errdoc must not drop it silently.
///
/// The breadcrumb is the first heading or bold line with a `>`; a table's title is the
/// nearest heading above it. A table with a code and a description column only is an
/// error-code table when either is an error-code title.
fn read_markdown(lines: &[&str]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut fence: Option<&str> = None;
    let mut crumb_titled: Option<bool> = None;
    let mut heading_titled = false;
    let mut index = 0;
    while index + 1 < lines.len() {
        let line = lines[index];
        let start = line.trim_start();
        index += 1;
        // A table in a fenced code block is code, not a table.
        if let Some(marker) = fence {
            if start.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|m| start.starts_with(m)) {
            fence = Some(marker);
            continue;
        }
        let title = heading(line);
        if let Some(text) = title.clone().or_else(|| bold(line)) {
            if crumb_titled.is_none() && text.contains('>') {
                crumb_titled = text.rsplit('>').next().map(is_title);
            }
        }
        if let Some(text) = title {
            heading_titled = is_title(&text);
            continue;
        }
        if !line.contains('|') || !is_delimiter(lines[index]) {
            continue;
        }
        let titled = heading_titled || crumb_titled == Some(true);
        let Some(columns) = columns(&cells(line), titled) else {
            continue;
        };
        index += 1;
        let mut rows = Vec::new();
        while let Some(&line) = lines.get(index) {
            let next_is_delimiter = lines.get(index + 1).is_some_and(|next| is_delimiter(next));
            if line.trim().is_empty() {
                index += 1;
                continue;
            }
            if !line.contains('|') || heading(line).is_some() || next_is_delimiter {
                break;
            }
            rows.push(columns.row(line_number(index), &cells(line)));
            index += 1;
        }
        tables.extend(columns.table(rows));
    }
    tables
}

/// The text of a heading line (`#` to `######`), without its markers, anchor (`{#id}`)
/// and inline HTML (`<a id>`).
fn heading(line: &str) -> Option<String> {
    let line = line.trim();
    let rest = line.strip_prefix('#')?.trim_start_matches('#');
    if !(rest.is_empty() || rest.starts_with(' ')) || line.len() - rest.len() > 6 {
        return None;
    }
    let text = rest.trim_end_matches('#');
    let text = match text.rfind('{') {
        Some(at) if text.trim_end().ends_with('}') && text[at + 1..].trim().starts_with('#') => {
            &text[..at]
        }
        _ => text,
    };
    Some(clean(text))
}

/// The text of a line that is one bold span, which may be a breadcrumb.
fn bold(line: &str) -> Option<String> {
    let text = line.trim().strip_prefix("**")?.strip_suffix("**")?;
    (!text.contains("**")).then(|| clean(text))
}

/// Whether a title (a breadcrumb's last segment, a heading) names an error-code section:
/// `Error Code(s)`, `Result Code(s)`, `ResultCode`, `오류 코드`, `エラーコード`… folded,
/// after a section number or `API`, before `Guide` or `List`.
fn is_title(text: &str) -> bool {
    const TITLES: &[&str] = &[
        "errorcode",
        "errorcodes",
        "errorcode(s)",
        "resultcode",
        "resultcodes",
        "resultcode(s)",
        "responsecode",
        "responsecodes",
        "오류코드",
        "에러코드",
        "결과코드",
        "응답코드",
        "エラーコード",
        "結果コード",
        "错误代码",
        "错误码",
        "錯誤代碼",
        "结果代码",
    ];
    const AFTER: &[&str] = &[
        "",
        "guide",
        "list",
        "table",
        "가이드",
        "목록",
        "一覧",
        "列表",
    ];
    let folded = fold(text);
    let folded = folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let folded = folded.strip_prefix("api").unwrap_or(folded);
    TITLES.iter().any(|title| {
        folded
            .strip_prefix(title)
            .is_some_and(|rest| AFTER.contains(&rest))
    })
}

/// Whether a line is a table's delimiter row: cells of dashes, with optional colons.
fn is_delimiter(line: &str) -> bool {
    let cells = cells(line);
    line.contains('-')
        && !cells.is_empty()
        && cells.iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

/// The cells of a table line: split on `|` (not `\|`), outer pipes dropped, each cell's
/// text as a reader sees it ([`clean`]).
fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push('\\');
                cell.extend(chars.next());
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    // What follows a closing `|` is not a cell.
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells.iter().map(|cell| clean(cell)).collect()
}

/// A cell's or a heading's text as a reader sees it: `<br>` a space, other HTML tags,
/// code-span backticks and bold stars removed, a link its text, entities and backslash
/// escapes resolved, white space collapsed.
fn clean(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        let tag = (c == '<')
            .then(|| after.find('>'))
            .flatten()
            .filter(|_| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'));
        if let Some(end) = tag {
            if after[..end].to_ascii_lowercase().starts_with("br") {
                out.push(' ');
            }
            rest = &after[end + 1..];
        } else if let Some(tail) = rest.strip_prefix("**") {
            rest = tail;
        } else if let Some(end) = (c == '`').then(|| after.find('`')).flatten() {
            // A code span shows its text as written; a lone backtick is text.
            out.push_str(&after[..end]);
            rest = &after[end + 1..];
        } else if let Some((label, tail)) = link(rest) {
            out.push_str(label);
            rest = tail;
        } else if let Some((entity, tail)) = entity(rest) {
            out.push(entity);
            rest = tail;
        } else if c == '\\' && after.starts_with(|c: char| c.is_ascii_punctuation()) {
            out.extend(after.chars().next());
            rest = &after[1..];
        } else {
            out.push(c);
            rest = after;
        }
    }
    support::text::collapse(&out)
}

/// A markdown link at the start of `text`, `[label](target)`: its label and what follows.
fn link(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.strip_prefix('[')?.split_once("](")?;
    let (target, tail) = rest.split_once(')')?;
    // A target with a space is not one (CommonMark): the brackets are text.
    (!label.contains(']') && !target.contains(' ')).then_some((label, tail))
}

/// An HTML entity at the start of `text`: the character and what follows.
fn entity(text: &str) -> Option<(char, &str)> {
    let (name, tail) = text.strip_prefix('&')?.split_once(';')?;
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "nbsp" => ' ',
        _ => char::from_u32(name.strip_prefix('#')?.parse().ok()?)?,
    };
    Some((c, tail))
}

/// Plain-text tables: a header line naming the roles, its cells separated by tabs or
/// single words (a line with `|` is a markdown table's, never a plain header); then every line whose code is an integer is a row (split on tabs when
/// it has any, otherwise into words, the last column taking the rest of the line), blank
/// lines are skipped, and any other line ends the table. The breadcrumb is the first
/// non-blank line, when it has a `>`.
fn read_plain(lines: &[&str]) -> Vec<Table> {
    let split = |line: &str, width: usize| -> Vec<String> {
        if line.contains('\t') {
            return line.split('\t').map(support::text::collapse).collect();
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let last = width.saturating_sub(1).min(words.len());
        let mut cells: Vec<String> = words[..last].iter().map(|&w| w.to_owned()).collect();
        cells.push(words[last..].join(" "));
        cells
    };
    let crumb = lines.iter().find(|line| !line.trim().is_empty());
    let titled = crumb
        .is_some_and(|line| line.contains('>') && line.rsplit('>').next().is_some_and(is_title));
    let mut tables = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        index += 1;
        if line.contains('|') {
            continue;
        }
        let header = split(line, usize::MAX);
        let Some(columns) = columns(&header, titled) else {
            continue;
        };
        let mut rows = Vec::new();
        while let Some(line) = lines.get(index) {
            if line.trim().is_empty() {
                index += 1;
                continue;
            }
            let row = columns.row(line_number(index), &split(line, header.len()));
            if !row.has_code() {
                break;
            }
            rows.push(row);
            index += 1;
        }
        tables.extend(columns.table(rows));
    }
    tables
}

/// What a header's column says its cells are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Code,
    Key,
    Message,
    Description,
}

/// The header names of each role, folded ([`fold`]): the specific ones, then the bare
/// ones, which yield to a specific one (`resultCode` over `Code`, `설명` over `의미`). Any
/// other column (type, classification, HTTP status, `response code`, notes,
/// `isSuccessful`, `코드명`) has none.
const ROLES: &[(Role, &[&str], &[&str])] = &[
    (
        Role::Code,
        &[
            "resultcode",
            "errorcode",
            "결과코드",
            "오류코드",
            "에러코드",
            "응답코드",
            "エラーコード",
            "結果コード",
            "错误代码",
            "错误码",
            "錯誤代碼",
            "结果代码",
        ],
        &["code", "코드", "コード", "代码"],
    ),
    (
        Role::Key,
        &["resultkey", "errorkey", "결과키", "오류키"],
        &["key", "키", "キー"],
    ),
    (
        Role::Message,
        &[
            "resultmessage",
            "errormessage",
            "apiresponsemessage",
            "결과메시지",
            "오류메시지",
            "에러메시지",
            "api응답메시지",
            "エラーメッセージ",
            "結果メッセージ",
            "apiレスポンスメッセージ",
            "错误信息",
            "错误消息",
            "结果信息",
        ],
        &["message", "메시지", "メッセージ", "消息", "信息"],
    ),
    (
        Role::Description,
        &["description", "설명", "説明", "说明", "描述", "說明"],
        &["meaning", "의미", "意味", "含义", "desc"],
    ),
];

/// The role of a header name, with its rank among columns of that role, lower first: by
/// its qualifier (none, then English, then another language), then specific before bare.
/// A qualifier in parentheses that is neither a language nor the role's own name in
/// another language (`결과 코드(resultCode)`) takes the role away (`Result Code(Hex)`).
fn role(name: &str) -> Option<(Role, (u8, u8))> {
    let name = fold(name);
    let of = |name: &str| {
        ROLES.iter().find_map(|&(role, specific, bare)| {
            let naming = if specific.contains(&name) {
                0
            } else if bare.contains(&name) {
                1
            } else {
                return None;
            };
            Some((role, naming))
        })
    };
    let Some(open) = name.strip_suffix(')').and_then(|name| name.find('(')) else {
        let (role, naming) = of(&name)?;
        return Some((role, (0, naming)));
    };
    let (role, naming) = of(&name[..open])?;
    let qualifier = &name[open + 1..name.len() - 1];
    let language = match qualifier {
        "english" | "en" | "eng" | "영어" | "英語" | "英文" | "英语" => 1,
        "korean" | "ko" | "한국어" | "한글" | "japanese" | "ja" | "日本語" | "chinese" | "zh"
        | "中文" => 2,
        q if of(q).is_some_and(|(other, _)| other == role) => 0,
        _ => return None,
    };
    Some((role, (language, naming)))
}

/// A header name as it is compared: fullwidth forms as ASCII (what NFKC does to them),
/// lower case, without white space, `_` or `-`.
fn fold(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .filter(|&c| !c.is_whitespace() && c != '_' && c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where the roles of an error-code table are: the column of each role its header has.
struct Columns {
    code: usize,
    key: Option<usize>,
    message: Option<usize>,
    description: Option<usize>,
}

/// The columns of a header, when it is an error-code table's: a code column and a key or
/// message column, or a code column and a description column under an error-code title
/// (`titled`). Of several columns of one role, the unqualified one, else the English one,
/// else the first.
fn columns(header: &[String], titled: bool) -> Option<Columns> {
    let find = |wanted: Role| {
        let ranked = header.iter().enumerate().filter_map(|(at, name)| {
            let (role, rank) = role(name)?;
            (role == wanted).then_some((rank, at))
        });
        ranked.min().map(|(_, at)| at)
    };
    let columns = Columns {
        code: find(Role::Code)?,
        key: find(Role::Key),
        message: find(Role::Message),
        description: find(Role::Description),
    };
    let named = columns.key.is_some() || columns.message.is_some();
    (named || (titled && columns.description.is_some())).then_some(columns)
}

impl Columns {
    /// A row of the table from its cells; a missing cell is empty.
    fn row(&self, line: u32, cells: &[String]) -> Row {
        let cell = |at: usize| cells.get(at).cloned().unwrap_or_default();
        Row {
            line,
            code: cell(self.code),
            key: self.key.map(cell),
            message: self.message.map(cell),
            description: self.description.map(cell),
            message_key: false,
        }
    }

    /// The table of these rows, or `None` when no code cell holds a number (a table of
    /// named codes, another kind). Without a key column, a message column whose every cell
    /// is an identifier is the key column too; one other cell leaves the table keyless.
    fn table(&self, mut rows: Vec<Row>) -> Option<Table> {
        if !rows.is_empty() && !rows.iter().any(Row::has_code) {
            return None;
        }
        let identifiers = !rows.is_empty()
            && rows
                .iter()
                .all(|row| row.message.as_deref().is_some_and(is_identifier));
        if self.key.is_none() && identifiers {
            for row in &mut rows {
                row.key.clone_from(&row.message);
                row.message_key = true;
            }
        }
        Some(Table { rows })
    }
}

/// The 1-based line number of a 0-based line index.
fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).expect("a page has fewer than four billion lines")
}
