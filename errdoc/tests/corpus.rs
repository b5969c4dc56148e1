//! errdoc against the real documentation: every page of the shared corpus, checked alone
//! and with its other language versions, with nothing lost on the way.
//!
//! The fixtures under `tests/data` are small and each shows one rule; this file holds
//! errdoc to the pages it exists for, copied from the docs repositories with every oddity
//! they have (Korean and Japanese titles, anchors in headings, missing spaces before
//! pipes, CR LF line ends, snapshots that disagree, pages that are not error-code pages at
//! all). Each page is also read here without errdoc, by a few lines that split table rows
//! on `|`, so that a row errdoc drops or misreads shows up as a difference.
//!
//! The corpus is not part of this repository. It is the folder `$ERRDOC_CORPUS` (a
//! relative path is taken from the workspace root), by default `../shared/corpus` beside
//! the workspace; its `MANIFEST.tsv` lists every page with its shape. When the corpus is
//! absent each test says so and passes, unless `ERRDOC_REQUIRE_CORPUS=1` (as in CI) makes
//! that a failure.
//!
//! What errdoc says about the pages is pinned in `tests/data/corpus/`, one file per test:
//! a summary line per page or set, then each diagnostic as `errdoc check` prints it, with
//! paths relative to the corpus. `ERRDOC_BLESS=1 cargo test -p errdoc --test corpus`
//! rewrites them; review the diff before committing it.

mod support;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use errdoc::{Checked, DiagnosticKind, Source};

/// The folder of the expectations, relative to the crate folder.
const GOLDEN: &str = "tests/data/corpus";

/// The MANIFEST shape of an error-code page with `resultCode`, `resultKey` and
/// `resultMessage` columns.
const RESULT_TRIPLE: &str = "result-triple";

/// Every error-code page alone: either errdoc reads every row as it is written, or it
/// rejects the page, and the diagnostics are pinned.
#[test]
fn result_triple_pages_read_whole_or_are_rejected() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut report = String::new();
    for page in pages.iter().filter(|page| page.shape == RESULT_TRIPLE) {
        let reading = read(page.text());
        // The reading here must agree with the manifest, which counted the rows by hand.
        let found = (reading.tables.len(), reading.coded_rows().count());
        if found != (page.tables, page.rows) {
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
        failures.extend(compare(page.name(), &checked, &[(page, &reading)]));
        report.push_str(&outcome(page.name(), &checked));
    }
    failures.extend(pin("result-triple.txt", &report));
    support::assert_no_failures(&failures);
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

/// Every other page (tables without a key column, HTML tables, API guides, an empty
/// file): errdoc does not panic, reports a page without an error-code table as such, and
/// reads a page with one by the rules.
#[test]
fn other_pages_are_read_by_the_rules_or_reported_without_a_table() {
    let Some(pages) = corpus() else {
        return;
    };
    let mut failures = Vec::new();
    let mut report = String::new();
    for page in pages.iter().filter(|page| page.shape != RESULT_TRIPLE) {
        let reading = read(page.text());
        let checked = match check(&[&page.source]) {
            Ok(checked) => checked,
            Err(failure) => {
                failures.push(failure);
                continue;
            }
        };
        if reading.tables.is_empty() {
            // A page with no error-code table is one whole-file error and nothing else.
            let expected = if page.text().trim().is_empty() {
                DiagnosticKind::Empty
            } else {
                DiagnosticKind::NoTable
            };
            let whole_file = match checked.diagnostics.as_slice() {
                [only] => only.is_error() && only.kind == expected && at_start(only),
                _ => false,
            };
            if !whole_file || !checked.catalog.services().is_empty() {
                failures.push(format!(
                    "{}: no error-code table is read here, so errdoc should report only \
                     `{expected}`, but it says:\n{}",
                    page.name(),
                    outcome(page.name(), &checked)
                ));
            }
        } else {
            if let Some(diagnostic) = checked
                .diagnostics
                .iter()
                .find(|d| d.kind == DiagnosticKind::NoTable)
            {
                failures.push(format!(
                    "{}: an error-code table is read here, but errdoc says:\n{diagnostic}",
                    page.name()
                ));
            }
            failures.extend(compare(page.name(), &checked, &[(page, &reading)]));
        }
        report.push_str(&outcome(page.name(), &checked));
    }
    failures.extend(pin("other-pages.txt", &report));
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

/// The sets of language versions of an error-code page, with more than one version, each
/// sorted by path as `errdoc check` reads a folder.
fn language_sets(pages: &[Page]) -> BTreeMap<String, Vec<&Page>> {
    let mut sets: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
    for page in pages {
        sets.entry(page.set()).or_default().push(page);
    }
    sets.retain(|_, members| {
        members.len() > 1 && members.iter().any(|page| page.shape == RESULT_TRIPLE)
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
            format!(
                "{} codes in `{}` ({})",
                service.entries().len(),
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

/// Whether a diagnostic is about its whole file: at its first line and column, alone.
fn at_start(diagnostic: &errdoc::Diagnostic) -> bool {
    (diagnostic.span.line, diagnostic.span.column) == (1, 1) && diagnostic.related.is_none()
}

/// Holds errdoc's catalog against the reading here of the same pages. Every entry must be
/// a row as read here, at every line it claims (nothing misread); when errdoc found no
/// error, every valid row must be an entry (nothing dropped) and there must be no invalid
/// row or conflict that errdoc missed.
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
            let same = read.is_some_and(|row| row.entry() == Some(entry_of(entry)));
            if !same {
                failures.push(format!(
                    "{}:{}: errdoc reads `{}` {:?} {:?}, but the row here reads {}",
                    location.file(),
                    location.line(),
                    entry.code(),
                    entry.key(),
                    entry.message(),
                    read.map_or_else(|| "nothing".to_owned(), |row| format!("{row:?}"))
                ));
            }
        }
    }
    if checked.has_errors() {
        return failures;
    }
    // No error: the catalog must be exactly the rows, merged by code.
    let mut expected = ByCode::new();
    for ((file, line), row) in &rows {
        let Some(entry) = row.entry() else {
            if row.has_code() {
                failures.push(format!(
                    "{file}:{line}: the row {row:?} is not valid, but errdoc reports no error"
                ));
            }
            continue;
        };
        let (known, lines) = expected
            .entry(entry.0)
            .or_insert_with(|| (entry.clone(), Vec::new()));
        if *known != entry {
            failures.push(format!(
                "{file}:{line}: code `{}` is listed as {known:?} and as {entry:?}, but errdoc \
                 reports no error",
                entry.0
            ));
        }
        lines.push((Arc::from(*file), *line));
    }
    let mut found = ByCode::new();
    for entry in entries {
        let mut lines: Vec<_> = entry
            .locations()
            .iter()
            .map(|at| (Arc::from(at.file()), at.line()))
            .collect();
        lines.sort();
        found.insert(entry.code(), (entry_of(entry), lines));
    }
    for (code, (entry, lines)) in &expected {
        match found.get(code) {
            Some(got) if got.0 == *entry && got.1 == *lines => {}
            Some(got) => failures.push(format!(
                "{name}: code `{code}` is read here as {entry:?} at {lines:?}, but errdoc has \
                 {:?} at {:?}",
                got.0, got.1
            )),
            None => failures.push(format!(
                "{name}: code `{code}` ({entry:?} at {lines:?}) is missing from errdoc's catalog"
            )),
        }
    }
    for (code, (entry, lines)) in &found {
        if !expected.contains_key(code) {
            failures.push(format!(
                "{name}: code `{code}`: errdoc has {entry:?} at {lines:?}, which is not read here"
            ));
        }
    }
    failures
}

/// The rows of the pages that start with a code but are neither an entry's location nor
/// named by a diagnostic (its span or its related span): rows lost without a word.
fn lost(checked: &Checked, pages: &[(&Page, &Reading)]) -> Vec<String> {
    let mut accounted: Vec<(&str, u32)> = Vec::new();
    for service in checked.catalog.services() {
        for entry in service.entries() {
            let locations = entry.locations().iter();
            accounted.extend(locations.map(|at| (at.file(), at.line())));
        }
    }
    for diagnostic in &checked.diagnostics {
        let spans = std::iter::once(&diagnostic.span).chain(&diagnostic.related);
        accounted.extend(spans.map(|span| (&*span.file, span.line)));
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

/// An entry as compared here: code, key and message.
type Entry = (i32, String, String);

/// Each code's entry, and the rows (file and line) that list it.
type ByCode = BTreeMap<i32, (Entry, Vec<(Arc<str>, u32)>)>;

fn entry_of(entry: &errdoc::Entry) -> Entry {
    (
        entry.code(),
        entry.key().unwrap_or_default().to_owned(),
        entry.message().unwrap_or_default().to_owned(),
    )
}

// The reading here, without errdoc: a few lines per format, by the rules in ARCHITECTURE.md.

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

/// A row as a reader sees it: its line, and its code, key and message cells.
#[derive(Debug)]
struct Row {
    line: u32,
    code: String,
    key: String,
    message: String,
}

impl Row {
    /// Whether the code cell is an integer: digits after an optional sign, where the sign
    /// may be any dash a writer might type, so that a typographic minus is not overlooked.
    fn has_code(&self) -> bool {
        let code = self.code.as_str();
        let digits = code.strip_prefix(['-', '+', '–', '—', '−']).unwrap_or(code);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    }

    /// The entry the row defines, when its code fits `i32`, its key is upper case and its
    /// message is not empty.
    fn entry(&self) -> Option<Entry> {
        let code = self.code.parse::<i32>().ok()?;
        let mut key = self.key.chars();
        let key_ok = key.next().is_some_and(|c| c.is_ascii_uppercase())
            && key.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        (key_ok && !self.message.is_empty()).then(|| (code, self.key.clone(), self.message.clone()))
    }
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
fn read_markdown(lines: &[&str]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut fence: Option<&str> = None;
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
        if !line.contains('|') || !is_delimiter(lines[index]) {
            continue;
        }
        let Some([code, key, message]) = columns(&cells(line)) else {
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
            if !line.contains('|') || line.trim_start().starts_with('#') || next_is_delimiter {
                break;
            }
            let cells = cells(line);
            let cell = |at: usize| cells.get(at).cloned().unwrap_or_default();
            rows.push(Row {
                line: line_number(index),
                code: cell(code),
                key: cell(key),
                message: cell(message),
            });
            index += 1;
        }
        tables.push(Table { rows });
    }
    tables
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

/// The cells of a table line: split on `|` (not `\|`), outer pipes dropped, backslash
/// escapes resolved, white space collapsed.
fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped) if escaped.is_ascii_punctuation() => cell.push(escaped),
                Some(other) => {
                    cell.push('\\');
                    cell.push(other);
                }
                None => cell.push('\\'),
            },
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    // What follows a closing `|` is not a cell.
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells
        .iter()
        .map(|cell| support::text::collapse(cell))
        .collect()
}

/// Plain-text tables: a line whose words are a code and a key column (either order) and a
/// message column; then every line whose code word is an integer is a row, blank lines are
/// skipped, and any other line ends the table.
fn read_plain(lines: &[&str]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let words: Vec<&str> = lines[index].split_whitespace().collect();
        index += 1;
        let Some([code, key, _]) = (words.len() >= 3)
            .then(|| {
                let message = words[2..].join(" ");
                columns(&[words[0].to_owned(), words[1].to_owned(), message])
            })
            .flatten()
        else {
            continue;
        };
        let mut rows = Vec::new();
        while let Some(line) = lines.get(index) {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.is_empty() {
                index += 1;
                continue;
            }
            let row = Row {
                line: line_number(index),
                code: words.get(code).copied().unwrap_or_default().to_owned(),
                key: words.get(key).copied().unwrap_or_default().to_owned(),
                message: support::text::collapse(&words.get(2..).unwrap_or_default().join(" ")),
            };
            if !row.has_code() {
                break;
            }
            rows.push(row);
            index += 1;
        }
        tables.push(Table { rows });
    }
    tables
}

/// The code, key and message columns of a header, when it is an error-code table's: the
/// names compared ignoring case, spaces and `_`; of several message columns, the
/// unqualified one, else the English one, else the first.
fn columns(header: &[String]) -> Option<[usize; 3]> {
    let folded: Vec<String> = header
        .iter()
        .map(|name| {
            let kept = name.chars().filter(|c| !c.is_whitespace() && *c != '_');
            kept.flat_map(char::to_lowercase).collect()
        })
        .collect();
    let find = |names: [&str; 3]| folded.iter().position(|f| names.contains(&f.as_str()));
    let code = find(["resultcode", "code", "errorcode"])?;
    let key = find(["resultkey", "key", "errorkey"])?;
    let rank = |name: &str| {
        let qualifier = ["resultmessage", "errormessage", "message"]
            .into_iter()
            .find_map(|base| name.strip_prefix(base))?;
        match qualifier {
            "" => Some(0),
            "(english)" | "(en)" => Some(1),
            q if q.starts_with('(') && q.ends_with(')') => Some(2),
            _ => None,
        }
    };
    let message = (0..folded.len())
        .filter_map(|at| rank(&folded[at]).map(|rank| (rank, at)))
        .min()?
        .1;
    Some([code, key, message])
}

/// The 1-based line number of a 0-based line index.
fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).expect("a page has fewer than four billion lines")
}
