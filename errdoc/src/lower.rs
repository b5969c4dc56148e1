//! The lower stage: parsed documents in, one validated [`Catalog`] out.
//!
//! Documents that name the same service (paths equal ignoring case and runs of spaces) are
//! merged; codes, keys and messages are validated; modules and variants are named. Every
//! conflict is reported with both places. The catalog is sorted (services by module, entries
//! by code), so everything built from it is deterministic.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Field, Span};
use crate::ident;
use crate::parse::{Cell, Document, RawRow, collapse_whitespace, invalid_code};

/// Every service that the documents describe, merged and validated.
///
/// Only [`check`](crate::check) builds a catalog, so every catalog holds what the checks
/// let through: modules and variants that are Rust identifiers, each code and key once in
/// its service, services sorted by module and codes by code. [`generate`](crate::generate)
/// relies on that. The default catalog is empty, which is valid too.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The services, sorted by module name.
    pub(crate) services: Vec<Service>,
    /// The path of every document the catalog was built from, in the order read.
    pub(crate) files: Vec<Arc<str>>,
}

impl Catalog {
    /// The services, sorted by module name.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The path of every document the catalog was built from, in the order read.
    pub fn files(&self) -> &[Arc<str>] {
        &self.files
    }

    /// The number of codes over all services.
    pub fn code_count(&self) -> usize {
        self.services
            .iter()
            .map(|service| service.entries.len())
            .sum()
    }
}

/// One service and its result codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// The service's name: the last segment of its path (`Document OCR`).
    pub(crate) name: String,
    /// The breadcrumb path without the error-code title (`["AI Service", "OCR", "Document OCR"]`).
    pub(crate) path: Vec<String>,
    /// The Rust module (`document_ocr`).
    pub(crate) module: String,
    /// The variant of the crate-level `Service` enum (`DocumentOcr`).
    pub(crate) variant: String,
    /// The path of every document that describes this service, in the order read.
    pub(crate) files: Vec<Arc<str>>,
    /// The codes, sorted by code.
    pub(crate) entries: Vec<Entry>,
}

impl Service {
    /// The service's name: the last segment of its path (`Document OCR`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The breadcrumb path without the error-code title (`["AI Service", "OCR", "Document OCR"]`).
    pub fn path(&self) -> &[String] {
        &self.path
    }

    /// The Rust module (`document_ocr`).
    pub fn module(&self) -> &str {
        &self.module
    }

    /// The variant of the crate-level `Service` enum (`DocumentOcr`).
    pub fn variant(&self) -> &str {
        &self.variant
    }

    /// The path of every document that describes this service, in the order read.
    pub fn files(&self) -> &[Arc<str>] {
        &self.files
    }

    /// The codes, sorted by code.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// One result code of a service.
///
/// A code listed with a key (a key column, or a message column of identifiers) has a key
/// and a variant, and becomes a named constant; a code listed without one is keyless: it
/// is looked up by code and has its text, but no name. Every entry has a message, a
/// description or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The numeric code (`4000101`).
    pub(crate) code: i32,
    /// The key (`INVALID_BUSINESS_REGISTRATION_FORMAT`), if the documents give one.
    pub(crate) key: Option<String>,
    /// The `ErrorCode` constant's name (`InvalidBusinessRegistrationFormat`), for a keyed code.
    pub(crate) variant: Option<String>,
    /// The message the server sends, as a reader sees it, if the documents give one.
    pub(crate) message: Option<String>,
    /// Every distinct description, in the order read, each with its section.
    pub(crate) descriptions: Vec<Description>,
    /// Every row that lists this code, in the order read.
    pub(crate) locations: Vec<Location>,
}

impl Entry {
    /// The numeric code (`4000101`).
    pub fn code(&self) -> i32 {
        self.code
    }

    /// The key (`INVALID_BUSINESS_REGISTRATION_FORMAT`), or `None` for a keyless code.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The `ErrorCode` constant's name in upper camel case
    /// (`InvalidBusinessRegistrationFormat`), or `None` for a keyless code.
    pub fn variant(&self) -> Option<&str> {
        self.variant.as_deref()
    }

    /// The message, as a reader sees it, if the documents give one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Every distinct description of the code, in the order read: documentation, which may
    /// say different things in different sections (one per API of a guide).
    pub fn descriptions(&self) -> &[Description] {
        &self.descriptions
    }

    /// The first description, if any: what `ErrorCode::description()` returns.
    pub fn description(&self) -> Option<&str> {
        self.descriptions.first().map(Description::text)
    }

    /// Every row that lists this code, in the order read.
    pub fn locations(&self) -> &[Location] {
        &self.locations
    }
}

/// What a description cell says about a code, and the section it stands in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Description {
    /// The section of the first row that gives it (see [`Location::section`]).
    pub(crate) section: Option<Arc<str>>,
    /// The text, as a reader sees it.
    pub(crate) text: String,
}

impl Description {
    /// The section of the first row that gives this description, if the table has one.
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }

    /// The text, as a reader sees it.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Where a row is: its document's path, its 1-based line, and its table's section.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The document's path, as found.
    pub(crate) file: Arc<str>,
    /// The row's line, counting from 1.
    pub(crate) line: u32,
    /// The section of the row's table: the heading it stands under (see ARCHITECTURE.md).
    pub(crate) section: Option<Arc<str>>,
}

impl Location {
    /// The document's path, as found.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The row's line, counting from 1.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The section of the row's table: the nearest heading above it, or above its
    /// error-code title heading; `None` when the table stands under the breadcrumb alone.
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }
}

/// Merges, validates and names the documents' services.
///
/// Returns the catalog of everything that is valid, and a diagnostic for everything that is
/// not; a row that is not in the catalog is named by an error. The documents are consumed:
/// their text moves into the catalog, so that it is never held twice.
pub fn lower(documents: Vec<Document>) -> (Catalog, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let paths: Vec<Arc<str>> = documents
        .iter()
        .map(|document| Arc::clone(&document.path))
        .collect();
    let mut groups: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    let mut order = Vec::new();
    for document in documents {
        let folded = fold_path(&document.service);
        let group = groups.entry(folded.clone()).or_default();
        if group.is_empty() {
            order.push(folded);
        }
        group.push(document);
    }

    let mut services: BTreeMap<String, Service> = BTreeMap::new();
    // The first document of each service, by the names it takes.
    let mut owners: BTreeMap<String, Owner> = BTreeMap::new();
    for folded in &order {
        let Some(group) = groups.remove(folded) else {
            continue;
        };
        let first = Owner {
            service: group[0].service.clone(),
            breadcrumb: group[0].breadcrumb.clone(),
        };
        let files = group
            .iter()
            .map(|document| Arc::clone(&document.path))
            .collect();
        // Rows are checked even when the service cannot be named, so every problem shows.
        let entries = merge(group, &mut diagnostics);
        let name = first.service.last().cloned().unwrap_or_default();
        let Some(module) = ident::module_name(&name) else {
            let kind = DiagnosticKind::NoIdentifier(name);
            diagnostics.push(Diagnostic::error(kind, first.breadcrumb.clone()));
            continue;
        };
        let variant = ident::service_variant(&module);
        // Two modules may differ only where their variants do not (`a_1` and `a1`).
        let taken = [module.clone(), format!("Service::{variant}")]
            .into_iter()
            .find_map(|name| owners.get(&name).map(|owner| (name, owner)));
        if let Some((name, owner)) = taken {
            let kind = DiagnosticKind::ModuleCollision {
                name,
                first: owner.service.join(" > "),
                second: first.service.join(" > "),
            };
            let diagnostic = Diagnostic::error(kind, first.breadcrumb.clone());
            diagnostics.push(diagnostic.with_related(owner.breadcrumb.clone(), "named here first"));
            continue;
        }
        let service = Service {
            name,
            path: first.service.clone(),
            module: module.clone(),
            variant: variant.clone(),
            files,
            entries,
        };
        owners.insert(format!("Service::{variant}"), first.clone());
        owners.insert(module.clone(), first);
        services.insert(module, service);
    }

    let catalog = Catalog {
        services: services.into_values().collect(),
        files: paths,
    };
    (catalog, diagnostics)
}

/// The first document of a service, for the other place of a name collision.
#[derive(Clone)]
struct Owner {
    service: Vec<String>,
    breadcrumb: Span,
}

/// The key two service paths are compared by: segments lower-cased, runs of spaces folded.
pub(crate) fn fold_path(path: &[String]) -> String {
    let segments: Vec<String> = path
        .iter()
        .map(|segment| collapse_whitespace(segment).to_lowercase())
        .collect();
    segments.join(" > ")
}

/// A table of one service's documents: which document, in the order read, and which
/// table of it, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TableId {
    document: usize,
    table: usize,
}

/// An entry being merged, with every row that listed it.
struct Merging {
    entry: Entry,
    /// The table of the last row that listed it: rows come table by table, so an earlier
    /// row of the same table, if any, is this one. Keeping only it keeps a code listed in
    /// n tables at n steps, not n² / 2.
    last_table: TableId,
    /// Where that last row is.
    last_row: Span,
    /// The texts of the entry's descriptions, so that a code described in n tables is
    /// merged in n steps.
    described: HashSet<String>,
}

/// One row's entry, as validated: a row whose code cell lists several codes gives one
/// entry for each.
struct Listed {
    entry: Entry,
    table: TableId,
    /// The row's index among the service's valid rows.
    row: usize,
}

/// Where a row's cells are, once its texts have moved into its entry: what merging and
/// its diagnostics point at.
struct RowSpans {
    row: Span,
    key: Option<Span>,
    message: Option<Span>,
}

impl RowSpans {
    /// The spans of `row`.
    fn of(row: &RawRow) -> RowSpans {
        let span = |cell: &Option<Cell>| cell.as_ref().map(|cell| cell.span.clone());
        RowSpans {
            row: row.span.clone(),
            key: span(&row.key),
            message: span(&row.message),
        }
    }

    /// Where the row gives `field` (the key or the message), or the row when it does not.
    fn cell(&self, field: Field) -> Span {
        let cell = match field {
            Field::Key => &self.key,
            _ => &self.message,
        };
        cell.as_ref().unwrap_or(&self.row).clone()
    }
}

/// How many rows of one code give one value to a key or a message, and the first of them.
#[derive(Clone, Copy)]
struct Tally {
    count: usize,
    /// The index, among the listed entries, of the first row that gives it.
    first: usize,
}

impl Tally {
    /// The order in which values win: the most rows, then the first row.
    fn rank(self) -> (usize, std::cmp::Reverse<usize>) {
        (self.count, std::cmp::Reverse(self.first))
    }
}

/// A row whose key or message is not the one most rows of its code give (on a tie, the
/// value whose first row comes first): it is blamed, and not merged.
struct Blame {
    field: Field,
    /// The value most rows give.
    reference: String,
    /// How those rows count.
    tally: Tally,
}

/// The blame of each listed entry, in order: values counted per code and field in one
/// pass, so a code listed n times takes n steps whatever its values. Only a blamed row
/// copies a text, its reference's.
fn blame(listed: &[Listed]) -> Vec<Option<Blame>> {
    fn fields(entry: &Entry) -> [(Field, Option<&str>); 2] {
        let (key, message) = (entry.key.as_deref(), entry.message.as_deref());
        [(Field::Key, key), (Field::Message, message)]
    }
    // Most codes are listed once, and a code listed once has no other value: only the
    // codes listed more than once have their texts counted.
    let mut listings: HashMap<i32, usize> = HashMap::new();
    for listed in listed {
        *listings.entry(listed.entry.code).or_default() += 1;
    }
    let repeated = |entry: &Entry| listings.get(&entry.code).is_some_and(|&n| n > 1);
    let mut tallies: HashMap<(i32, Field, &str), Tally> = HashMap::new();
    for (index, listed) in listed.iter().enumerate() {
        if !repeated(&listed.entry) {
            continue;
        }
        for (field, text) in fields(&listed.entry) {
            if let Some(text) = text {
                let tally = tallies.entry((listed.entry.code, field, text));
                tally
                    .or_insert(Tally {
                        count: 0,
                        first: index,
                    })
                    .count += 1;
            }
        }
    }
    // The order of the map does not matter: the rank decides.
    let mut best: HashMap<(i32, Field), (&str, Tally)> = HashMap::new();
    for (&(code, field, text), &tally) in &tallies {
        let slot = best.entry((code, field)).or_insert((text, tally));
        if tally.rank() > slot.1.rank() {
            *slot = (text, tally);
        }
    }
    drop(tallies);
    listed
        .iter()
        .map(|listed| {
            if !repeated(&listed.entry) {
                return None;
            }
            fields(&listed.entry).into_iter().find_map(|(field, text)| {
                let (reference, tally) = best.get(&(listed.entry.code, field))?;
                (text? != *reference).then(|| Blame {
                    field,
                    reference: (*reference).to_owned(),
                    tally: *tally,
                })
            })
        })
        .collect()
}

/// The first row of a key, or of a variant: its code, and where its key cell is.
struct Claim {
    code: i32,
    key: Span,
}

/// The claims of one service's keys and variants: each names one code.
#[derive(Default)]
struct Claims {
    by_key: BTreeMap<String, Claim>,
    /// A variant's code: its key is the entry's.
    by_variant: BTreeMap<String, Claim>,
}

impl Claims {
    /// Claims `entry`'s key and variant for its code, or reports the code that holds
    /// either already. A keyless entry claims nothing.
    fn claim(
        &mut self,
        entry: &Entry,
        span: &Span,
        by_code: &BTreeMap<i32, Merging>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let (Some(key), Some(variant)) = (&entry.key, &entry.variant) else {
            return true;
        };
        if let Some(claim) = self.by_key.get(key) {
            let kind = DiagnosticKind::KeyConflict {
                key: key.clone(),
                first: claim.code,
                second: entry.code,
            };
            let diagnostic = Diagnostic::error(kind, span.clone());
            diagnostics.push(diagnostic.with_related(claim.key.clone(), "listed here first"));
            return false;
        }
        if let Some(claim) = self.by_variant.get(variant) {
            let first = by_code
                .get(&claim.code)
                .and_then(|merging| merging.entry.key.clone())
                .unwrap_or_default();
            let kind = DiagnosticKind::VariantCollision {
                variant: variant.clone(),
                first,
                second: key.clone(),
            };
            let diagnostic = Diagnostic::error(kind, span.clone());
            diagnostics.push(diagnostic.with_related(claim.key.clone(), "listed here first"));
            return false;
        }
        let claim = || Claim {
            code: entry.code,
            key: span.clone(),
        };
        self.by_key.insert(key.clone(), claim());
        self.by_variant.insert(variant.clone(), claim());
        true
    }
}

/// Merges the rows of one service's documents into its entries, sorted by code.
///
/// Rows are validated first, then each code's key and message are counted, so that of
/// rows that disagree, those with the value fewer rows give are blamed (one language
/// version edited among three), and then the rows are merged in the order read.
fn merge(documents: Vec<Document>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let tables = documents.into_iter().enumerate().flat_map(|(d, document)| {
        let path = document.path;
        let tables = document.tables.into_iter().enumerate();
        tables.map(move |(t, table)| {
            let id = TableId {
                document: d,
                table: t,
            };
            (id, Arc::clone(&path), table)
        })
    });
    let mut rows = Vec::new();
    let mut listed = Vec::new();
    for (table_id, path, table) in tables {
        for mut row in table.rows {
            let place = Place {
                file: &path,
                section: table.section.as_ref(),
                message_keys: table.message_keys,
            };
            let Some((entry, more)) = validate(&mut row, &place, diagnostics) else {
                continue;
            };
            // A cell that lists several codes gives each the row's texts.
            let copies: Vec<Entry> = more
                .into_iter()
                .map(|code| Entry {
                    code,
                    ..entry.clone()
                })
                .collect();
            for entry in std::iter::once(entry).chain(copies) {
                listed.push(Listed {
                    entry,
                    table: table_id,
                    row: rows.len(),
                });
            }
            rows.push(RowSpans::of(&row));
        }
    }
    let blames = blame(&listed);
    // The row of each listed entry, for the first row of a value that a blame points at.
    let row_of: Vec<usize> = listed.iter().map(|listed| listed.row).collect();
    let mut merger = Merger {
        by_code: BTreeMap::new(),
        claims: Claims::default(),
        diagnostics,
    };
    for (index, (listed, blame)) in listed.into_iter().zip(blames).enumerate() {
        let row = &rows[listed.row];
        match blame {
            Some(blame) => {
                let first = &rows[row_of[blame.tally.first]];
                merger.blame(&listed.entry, blame, index, row, first);
            }
            None => merger.add(listed.entry, listed.table, row),
        }
    }
    let entries = merger.by_code.into_values();
    entries.map(|merging| merging.entry).collect()
}

/// One service's entries while its rows are merged, with the keys they claim.
struct Merger<'d> {
    by_code: BTreeMap<i32, Merging>,
    claims: Claims,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Merger<'_> {
    /// Adds an entry read from `row`: a new code, or one more row of a known code.
    fn add(&mut self, entry: Entry, table_id: TableId, row: &RowSpans) {
        if self.by_code.contains_key(&entry.code) {
            self.repeat(entry, table_id, row);
            return;
        }
        let key_span = row.key.clone();
        if let Some(span) = &key_span {
            if !self
                .claims
                .claim(&entry, span, &self.by_code, self.diagnostics)
            {
                return;
            }
        }
        let described = entry.descriptions.iter().map(|d| d.text.clone()).collect();
        let merging = Merging {
            entry,
            last_table: table_id,
            last_row: row.row.clone(),
            described,
        };
        self.by_code.insert(merging.entry.code, merging);
    }

    /// Reports the entry at `index` in the order read, from `row`, whose value is not the
    /// one most rows of its code give, which `first` is the first row to give.
    fn blame(
        &mut self,
        entry: &Entry,
        blame: Blame,
        index: usize,
        row: &RowSpans,
        first: &RowSpans,
    ) {
        let kind = DiagnosticKind::CodeConflict {
            code: entry.code,
            field: blame.field,
            first: blame.reference,
            second: match blame.field {
                Field::Key => entry.key.clone(),
                _ => entry.message.clone(),
            }
            .unwrap_or_default(),
        };
        let diagnostic = Diagnostic::error(kind, row.cell(blame.field));
        let reference = first.cell(blame.field);
        // Of two rows, the second is blamed; of more, those that differ from the most.
        let diagnostic = if blame.tally.count == 1 && blame.tally.first < index {
            diagnostic.with_related(reference, "listed here first")
        } else {
            diagnostic
                .with_label("differs from most rows")
                .with_related(reference, "as most rows list it")
        };
        self.diagnostics.push(diagnostic);
    }

    /// Handles a row whose code is already known, and whose key and message, if it has
    /// them, are the code's references. A key or a message the code did not have yet is
    /// taken. A description not known yet is kept, with its section. An identical row in
    /// the same table is merged with a warning.
    fn repeat(&mut self, entry: Entry, table_id: TableId, row: &RowSpans) {
        let Some(merging) = self.by_code.get(&entry.code) else {
            return;
        };
        let known = &merging.entry;
        // A key that a keyless code gets here must be free in its service.
        let new_key = known.key.is_none() && entry.key.is_some();
        let key_span = row.key.clone();
        if new_key {
            if let Some(span) = &key_span {
                if !self
                    .claims
                    .claim(&entry, span, &self.by_code, self.diagnostics)
                {
                    return;
                }
            }
        }
        let Some(merging) = self.by_code.get_mut(&entry.code) else {
            return;
        };
        let known = &mut merging.entry;
        let same = (entry.key.is_none() || known.key == entry.key)
            && (entry.message.is_none() || known.message == entry.message)
            && entry
                .descriptions
                .iter()
                .all(|description| merging.described.contains(&description.text));
        if same && merging.last_table == table_id {
            let kind = DiagnosticKind::RepeatedRow(entry.code);
            let diagnostic = Diagnostic::warning(kind, row.row.clone());
            self.diagnostics
                .push(diagnostic.with_related(merging.last_row.clone(), "listed here before"));
        }
        if new_key {
            known.key = entry.key;
            known.variant = entry.variant;
        }
        if known.message.is_none() && entry.message.is_some() {
            known.message = entry.message;
        }
        for description in entry.descriptions {
            if merging.described.insert(description.text.clone()) {
                known.descriptions.push(description);
            }
        }
        known.locations.extend(entry.locations);
        merging.last_table = table_id;
        merging.last_row = row.row.clone();
    }
}

/// Where a row's table is, and how it gives keys.
struct Place<'a> {
    file: &'a Arc<str>,
    section: Option<&'a Arc<str>>,
    /// Whether the keys are a message column's identifiers.
    message_keys: bool,
}

impl Place<'_> {
    /// Whether `text` is a key of this table: upper case in a key column, as the rendered
    /// pages write keys (`invalid_key` there is a typo); any identifier in a message column
    /// that names codes (`InvalidGroupID`).
    fn is_key(&self, text: &str) -> bool {
        if self.message_keys {
            ident::is_key(text)
        } else {
            ident::is_upper_key(text)
        }
    }
}

/// Checks a row's cells, reporting each problem; `None` if any is invalid. Otherwise the
/// entry of the row's first code, and the other codes its code cell lists. A row has a
/// code, a key if its table has a key column, and a message or a description.
///
/// The texts move out of the row into the entry.
fn validate(
    row: &mut RawRow,
    place: &Place<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Entry, Vec<i32>)> {
    let section = place.section;
    let before = diagnostics.len();
    let mut report = |kind, span: &Span| diagnostics.push(Diagnostic::error(kind, span.clone()));
    // `i32::from_str` takes exactly a decimal integer with at most one sign.
    let codes = codes(&row.code.text);
    match row.code.text.as_str() {
        "" => report(DiagnosticKind::Missing(Field::Code), &row.code.span),
        text if codes.is_none() => report(invalid_code(text.to_owned()), &row.code.span),
        _ => {}
    }
    if let Some(key) = &row.key {
        match key.text.as_str() {
            "" => report(DiagnosticKind::Missing(Field::Key), &key.span),
            text if !place.is_key(text) => {
                report(DiagnosticKind::InvalidKey(text.to_owned()), &key.span)
            }
            _ => {}
        }
    }
    // A row needs a text: its message, or where the message is left empty (a code that
    // sends none), its description.
    let described = row
        .description
        .as_ref()
        .is_some_and(|cell| !cell.text.is_empty());
    if let Some(cell) = &row.message {
        if cell.text.is_empty() && !described {
            report(DiagnosticKind::Missing(Field::Message), &cell.span);
        }
    }
    if let Some(cell) = &row.description {
        if !described && row.message.is_none() {
            report(DiagnosticKind::Missing(Field::Description), &cell.span);
        }
    }
    if diagnostics.len() > before {
        return None;
    }
    let take = |cell: &mut Option<Cell>| {
        cell.as_mut()
            .map(|cell| std::mem::take(&mut cell.text))
            .filter(|text| !text.is_empty())
    };
    let key = take(&mut row.key);
    let descriptions = take(&mut row.description)
        .map(|text| Description {
            section: section.cloned(),
            text,
        })
        .into_iter()
        .collect();
    let (code, more) = codes?
        .split_first()
        .map(|(first, more)| (*first, more.to_vec()))?;
    let entry = Entry {
        code,
        variant: key.as_deref().map(ident::code_variant),
        key,
        message: take(&mut row.message),
        descriptions,
        locations: vec![Location {
            file: Arc::clone(place.file),
            line: row.span.line,
            section: section.cloned(),
        }],
    };
    Some((entry, more))
}

/// The codes a code cell gives: one integer that fits `i32` (`i32::from_str` takes exactly
/// a decimal integer with at most one sign), or several, separated by commas, slashes or
/// spaces (`2111, 2112`, `-4000001 -4000006`), which share the row's texts.
pub(crate) fn codes(text: &str) -> Option<Vec<i32>> {
    if let Ok(code) = text.parse::<i32>() {
        return Some(vec![code]);
    }
    let parts: Vec<&str> = text
        .split([',', '/', '、', ' '])
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts.into_iter().map(|part| part.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use crate::{Catalog, Options, Severity, Source, check};

    #[test]
    fn the_default_catalog_is_the_empty_one_that_check_builds() {
        // `Catalog: Default` is the only way to a catalog besides `check`, so it must be
        // one that `check` could build, and that `generate` takes.
        assert_eq!(Catalog::default(), check(&[]).catalog);
        let code = crate::generate(&Catalog::default(), &Options::default());
        assert!(code.is_ok(), "{code:?}");
    }

    const HEAD: &str = "| code | key | message |\n|---|---|---|\n";

    fn page(service: &str, rows: &[&str]) -> String {
        format!(
            "## Cloud > {service} > Error Code\n\n{HEAD}{}\n",
            rows.join("\n")
        )
    }

    /// One entry of a checked catalog, as text: code, key, message, descriptions with
    /// their sections, and the sections of its rows.
    fn entries(checked: &crate::Checked) -> Vec<String> {
        let service = &checked.catalog.services[0];
        service
            .entries
            .iter()
            .map(|e| {
                let descriptions: Vec<String> = e
                    .descriptions()
                    .iter()
                    .map(|d| format!("{}: {}", d.section().unwrap_or("-"), d.text()))
                    .collect();
                let sections: Vec<&str> = e
                    .locations()
                    .iter()
                    .map(|l| l.section().unwrap_or("-"))
                    .collect();
                format!(
                    "{} {:?} {:?} {:?} at {:?}",
                    e.code(),
                    e.key(),
                    e.message(),
                    descriptions,
                    sections
                )
            })
            .collect()
    }

    #[test]
    fn descriptions_are_kept_per_section_and_identical_ones_merge() {
        let head = "\n| resultCode | resultMessage | Description |\n|---|---|---|\n";
        let page = format!(
            "## AI Service > Face > API v2.0 Guide\n### Create group\n#### Error Codes{head}\
             | -40070 | ServiceQuotaExceededException | Too many groups. |\n\
             | -40000 | InvalidParam | Invalid. |\n\n\
             ### Register face\n#### Error Codes{head}\
             | -40070 | ServiceQuotaExceededException | Too many faces. |\n\
             | -40000 | InvalidParam | Invalid. |\n"
        );
        let checked = check(&[Source::new("guide.md", page)]);
        assert_eq!(checked.diagnostics, []);
        assert_eq!(checked.catalog.services[0].module, "face");
        assert_eq!(
            entries(&checked),
            [
                "-40070 Some(\"ServiceQuotaExceededException\") Some(\"ServiceQuotaExceededException\") \
                 [\"Create group: Too many groups.\", \"Register face: Too many faces.\"] \
                 at [\"Create group\", \"Register face\"]",
                "-40000 Some(\"InvalidParam\") Some(\"InvalidParam\") [\"Create group: Invalid.\"] \
                 at [\"Create group\", \"Register face\"]",
            ]
        );
        let entry = &checked.catalog.services[0].entries[0];
        assert_eq!(entry.variant(), Some("ServiceQuotaExceededException"));
        assert_eq!(entry.description(), Some("Too many groups."));
    }

    #[test]
    fn keyless_rows_merge_with_keyed_ones_and_messages_still_conflict() {
        let keyed = page("Widget", &["| 1 | ONE | One. |"]);
        let keyless = "## Cloud > Widget > Error Code\n\n| code | message | Description |\n\
                       |---|---|---|\n| 1 | One. | The first. |\n| 2 | Two. | |\n\
                       | 3, 4 | Three or four. | |\n| 2 | Deux. | |\n";
        let checked = check(&[Source::new("a.md", keyed), Source::new("b.md", keyless)]);
        let [conflict] = checked.diagnostics.as_slice() else {
            panic!("{:?}", checked.diagnostics);
        };
        assert_eq!(
            conflict.kind,
            crate::DiagnosticKind::CodeConflict {
                code: 2,
                field: crate::Field::Message,
                first: "Two.".into(),
                second: "Deux.".into()
            }
        );
        assert_eq!(
            entries(&checked),
            [
                "1 Some(\"ONE\") Some(\"One.\") [\"-: The first.\"] at [\"-\", \"-\"]",
                "2 None Some(\"Two.\") [] at [\"-\"]",
                "3 None Some(\"Three or four.\") [] at [\"-\"]",
                "4 None Some(\"Three or four.\") [] at [\"-\"]",
            ]
        );
    }

    #[test]
    fn the_row_that_differs_from_most_rows_is_blamed_once() {
        let good = page("Widget", &["| 1 | ONE | One. |", "| 2 | TWO | Two. |"]);
        let edited = page("Widget", &["| 1 | ONE | Uno. |", "| 2 | TWO | Two. |"]);
        // Read in path order: the edited `en` version comes first, `ja` and `ko` after it.
        let sources = [
            Source::new("en/a.md", edited),
            Source::new("ja/a.md", good.clone()),
            Source::new("ko/a.md", good),
        ];
        let checked = check(&sources);
        let [conflict] = checked.diagnostics.as_slice() else {
            panic!("{:?}", checked.diagnostics);
        };
        assert_eq!(
            conflict.kind,
            crate::DiagnosticKind::CodeConflict {
                code: 1,
                field: crate::Field::Message,
                first: "One.".into(),
                second: "Uno.".into()
            }
        );
        assert_eq!(&*conflict.span.file, "en/a.md", "the edited page");
        let related: Vec<_> = conflict
            .related
            .iter()
            .map(|r| (&*r.span.file, r.label))
            .collect();
        assert_eq!(related, [("ja/a.md", "as most rows list it")]);
        assert_eq!(conflict.label, Some("differs from most rows"));
        assert_eq!(
            entries(&checked)[0],
            "1 Some(\"ONE\") Some(\"One.\") [] at [\"-\", \"-\"]",
            "the rows that agree are merged"
        );

        // Of two rows that differ, the second is blamed, against the first.
        let checked = check(&sources[..2]);
        let [conflict] = checked.diagnostics.as_slice() else {
            panic!("{:?}", checked.diagnostics);
        };
        assert_eq!(&*conflict.span.file, "ja/a.md");
        assert_eq!(conflict.label, Some("listed again here"));
        assert_eq!(conflict.related[0].label, "listed here first");
    }

    #[test]
    fn a_row_needs_a_message_or_a_description() {
        let page = "## Cloud > Widget > Error Code\n\n| code | message | Description |\n\
                    |---|---|---|\n| 1 | | Sends no message. |\n| 2 | | |\n\n\
                    | Error Code | Description |\n|---|---|\n| 3 | |\n";
        let checked = check(&[Source::new("a.md", page)]);
        let found: Vec<_> = checked
            .diagnostics
            .iter()
            .map(|d| (d.kind.clone(), d.span.line))
            .collect();
        use crate::{DiagnosticKind::Missing, Field};
        assert_eq!(
            found,
            [
                (Missing(Field::Message), 6),
                (Missing(Field::Description), 10)
            ]
        );
        assert_eq!(
            entries(&checked),
            ["1 None None [\"-: Sends no message.\"] at [\"-\"]"]
        );
    }

    #[test]
    fn identical_rows_merge_quietly_across_tables_and_documents() {
        let row = "| 1 | ONE | One. |";
        let two_tables = format!("{}\n{HEAD}{row}\n", page("Widget", &[row]));
        let checked = check(&[
            Source::new("a.md", two_tables),
            Source::new("b.md", page("widget", &[row, "| 2 | TWO | Two. |"])),
        ]);
        assert_eq!(checked.diagnostics, []);
        let service = &checked.catalog.services[0];
        assert_eq!(service.files.len(), 2);
        let lines: Vec<_> = service.entries[0]
            .locations
            .iter()
            .map(|s| (&*s.file, s.line))
            .collect();
        assert_eq!(lines, [("a.md", 5), ("a.md", 9), ("b.md", 5)]);
        assert_eq!(service.entries[1].locations.len(), 1);
    }

    #[test]
    fn a_row_repeated_in_one_table_merges_with_a_warning() {
        let row = "| 1 | ONE | One. |";
        let checked = check(&[Source::new("a.md", page("Widget", &[row, row]))]);
        assert_eq!(checked.diagnostics.len(), 1);
        assert_eq!(checked.diagnostics[0].severity, Severity::Warning);
        assert_eq!(checked.catalog.services[0].entries[0].locations.len(), 2);
    }

    #[test]
    fn services_are_matched_ignoring_case_and_runs_of_spaces() {
        let checked = check(&[
            Source::new("a.md", page("Text To Speech", &["| 1 | A | a |"])),
            Source::new("b.md", page("text  to speech", &["| 2 | B | b |"])),
        ]);
        assert_eq!(checked.diagnostics, []);
        let services = &checked.catalog.services;
        assert_eq!(services.len(), 1);
        assert_eq!(
            services[0].name, "Text To Speech",
            "the first document names it"
        );
        assert_eq!(services[0].module, "text_to_speech");
        assert_eq!(services[0].entries.len(), 2);
    }

    #[test]
    fn the_catalog_is_sorted_by_module_then_code() {
        let checked = check(&[
            Source::new(
                "z.md",
                page("Alpha", &["| 9 | NINE | n |", "| -3 | MINUS | m |"]),
            ),
            Source::new("a.md", page("Zeta", &["| 1 | ONE | o |"])),
        ]);
        let modules: Vec<_> = checked
            .catalog
            .services
            .iter()
            .map(|s| &*s.module)
            .collect();
        assert_eq!(modules, ["alpha", "zeta"]);
        let codes: Vec<_> = checked.catalog.services[0]
            .entries
            .iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, [-3, 9]);
        assert_eq!(checked.catalog.files.len(), 2);
        assert_eq!(checked.catalog.code_count(), 3);
    }
}
