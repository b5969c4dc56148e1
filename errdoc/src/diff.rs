//! What changed between two catalogs, and what that means for the generated API's version.
//!
//! `errdoc diff OLD NEW` compares two versions of the documents, and gives each change
//! the semver bump it asks of a crate that generates its API from them ([`diff`] says how
//! services and codes are matched and what each [`Class`] means).
//!
//! Like the other stages this is pure: catalogs in, a [`Diff`] out; the command line
//! renders its JSON form.

use std::collections::BTreeMap;
use std::fmt;

use crate::escape::Escaped;
use crate::lower::{Catalog, Description, Entry, Service};

/// Compares two catalogs: every service and code that was added, removed or changed.
///
/// Services are matched by module and codes by number; the result is in module order, and
/// each service's changes in code order. Each change has a [`Class`], the semver bump it
/// asks of a crate that generates its API from the documents:
///
/// - **breaking**: a service or a code is removed, or a code's key is renamed or removed;
///   code that names the service's module or the code's item no longer compiles, and code
///   that matches the key no longer matches;
/// - **minor**: a service or a code is added, or a keyless code gets a key; only new items
///   appear (a key is a new constant), and code that handles unknown codes (which it must)
///   keeps working;
/// - **patch**: a message, a code's descriptions or a service's breadcrumb path changed;
///   only text changes.
///
/// The [`Diff`]'s `Display` is the text `errdoc diff` prints, with document text escaped
/// as in diagnostics (messages in Rust's `Debug` form, which escapes the same characters).
///
/// ```
/// use errdoc::Class;
///
/// let page = |rows: &str| {
///     let text = format!(
///         "## AI Service > OCR > Document OCR > Error Code\n\n\
///          | resultCode | resultKey | resultMessage |\n|---|---|---|\n{rows}"
///     );
///     errdoc::check(&[errdoc::Source::new("ocr.md", text)]).catalog
/// };
/// let old = page("| 1 | INVALID_UUID | Invalid uuid. |\n");
/// let new = page("| 1 | INVALID_UUID | Invalid UUID. |\n| 2 | EXPIRED | Expired. |\n");
/// let diff = errdoc::diff(&old, &new);
/// assert_eq!(diff.class(), Class::Minor);
/// assert_eq!(
///     diff.to_string(),
///     "document_ocr (AI Service > OCR > Document OCR)\n  \
///      message  1 INVALID_UUID: \"Invalid uuid.\" → \"Invalid UUID.\"\n  \
///      added    2 EXPIRED: \"Expired.\"\n\n\
///      minor: 1 code added; patch: 1 message changed\n"
/// );
/// ```
pub fn diff(old: &Catalog, new: &Catalog) -> Diff {
    let services = pair_up(&old.services, &new.services, |service| &service.module)
        .filter_map(|pair| match pair {
            (Some(old), None) => Some(ServiceDiff::Removed(old.clone())),
            (None, Some(new)) => Some(ServiceDiff::Added(new.clone())),
            (Some(old), Some(new)) => {
                let changes = compare(old, new);
                // A moved key changes two codes, so `codes` is not empty then either.
                let changed = changes.old_path != changes.new_path || !changes.codes.is_empty();
                changed.then_some(ServiceDiff::Changed(changes))
            }
            (None, None) => None,
        })
        .collect();
    Diff { services }
}

/// Every code of one service that differs between its two versions, in code order.
fn compare(old: &Service, new: &Service) -> ServiceChanges {
    let codes = pair_up(&old.entries, &new.entries, |entry| entry.code)
        .filter_map(|pair| match pair {
            (Some(old), None) => Some(CodeChange::Removed(old.clone())),
            (None, Some(new)) => Some(CodeChange::Added(new.clone())),
            (Some(old), Some(new))
                if old.key != new.key
                    || old.message != new.message
                    || old.descriptions != new.descriptions =>
            {
                Some(CodeChange::Changed {
                    old: old.clone(),
                    new: new.clone(),
                })
            }
            _ => None,
        })
        .collect();
    // Only a keyed code has a constant whose meaning can move.
    let old_codes: BTreeMap<&str, i32> = old
        .entries
        .iter()
        .filter_map(|entry| Some((entry.key()?, entry.code)))
        .collect();
    let moved = new
        .entries
        .iter()
        .filter_map(|entry| {
            let key = entry.key()?;
            let old_code = *old_codes.get(key)?;
            (old_code != entry.code).then(|| MovedKey {
                key: key.to_owned(),
                old_code,
                new_code: entry.code,
            })
        })
        .collect();
    ServiceChanges {
        module: new.module.clone(),
        old_path: old.path.clone(),
        new_path: new.path.clone(),
        codes,
        moved,
    }
}

/// The items of two lists paired by `key`, in key order: `(old, new)`, either `None` when
/// only the other list has the key.
///
/// A map rather than a merge walk, so that the order of the lists does not matter.
fn pair_up<'a, T, K: Ord>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> impl Iterator<Item = (Option<&'a T>, Option<&'a T>)> {
    let mut pairs: BTreeMap<K, (Option<&'a T>, Option<&'a T>)> = BTreeMap::new();
    for item in old {
        pairs.entry(key(item)).or_default().0 = Some(item);
    }
    for item in new {
        pairs.entry(key(item)).or_default().1 = Some(item);
    }
    pairs.into_values()
}

/// The semver bump a change asks of the generated API, from none to breaking.
///
/// Classes are ordered, so the class of several changes is the greatest of theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Nothing changed.
    None,
    /// Only text changed: a message, a code's descriptions, or a service's breadcrumb path.
    Patch,
    /// Something was added: a service, a code, or a key to a keyless code.
    Minor,
    /// Something was removed or renamed: a service, a code or a key.
    Breaking,
}

impl fmt::Display for Class {
    /// `none`, `patch`, `minor` or `breaking`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::None => "none",
            Class::Patch => "patch",
            Class::Minor => "minor",
            Class::Breaking => "breaking",
        })
    }
}

/// What changed between two catalogs: [`diff`]'s result.
///
/// Its `Display` is the report `errdoc diff` prints: each changed service with one line per
/// change, then a verdict line that counts the changes by [`Class`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diff {
    /// Every service that was added, removed or changed, sorted by module; a service that
    /// did not change is not listed.
    pub services: Vec<ServiceDiff>,
}

impl Diff {
    /// The class of the whole diff: the greatest class of its changes, or [`Class::None`].
    pub fn class(&self) -> Class {
        self.counts().class()
    }

    /// How many changes of each kind the diff holds.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for service in &self.services {
            match service {
                ServiceDiff::Added(_) => counts.services_added += 1,
                ServiceDiff::Removed(_) => counts.services_removed += 1,
                ServiceDiff::Changed(changes) => {
                    if changes.old_path != changes.new_path {
                        counts.paths_changed += 1;
                    }
                    counts.keys_moved += changes.moved.len();
                    for code in &changes.codes {
                        match code {
                            CodeChange::Added(_) => counts.codes_added += 1,
                            CodeChange::Removed(_) => counts.codes_removed += 1,
                            CodeChange::Changed { old, new } => {
                                match (&old.key, &new.key) {
                                    (Some(_), None) => counts.keys_removed += 1,
                                    (None, Some(_)) => counts.keys_added += 1,
                                    (old, new) if old != new => counts.keys_renamed += 1,
                                    _ => {}
                                }
                                if old.message != new.message {
                                    counts.messages_changed += 1;
                                }
                                if old.descriptions != new.descriptions {
                                    counts.descriptions_changed += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        counts
    }

    /// Whether the two catalogs define the same services, paths, codes, keys, messages and
    /// descriptions.
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }
}

impl fmt::Display for Diff {
    /// One paragraph per service, then the verdict:
    ///
    /// ```text
    /// general_ocr (AI Service > OCR > General OCR)
    ///   removed  4000002 MAX_UPLOAD_SIZE_EXCEEDED: "Max upload size exceeded."
    ///   added    4131000 MAX_UPLOAD_SIZE_EXCEEDED: "Max upload size exceeded."
    ///   added    4131001: "Keyless code."
    ///   keyed    4131002 none → IMAGE_TOO_SMALL
    ///   renamed  5005001 OCR_API_FAIL → OCR_GENERAL_API_FAIL
    ///   message  5005001 OCR_GENERAL_API_FAIL: "API failed." → "OCR API failed."
    ///   docs     5005002 OCR_TIMEOUT: none → Recognize: "The image took too long."
    ///
    /// breaking: 1 code removed, 1 key renamed; minor: 2 codes added, 1 key added; patch: …
    /// ```
    ///
    /// A keyless code is shown without a key, and an added or removed code without a
    /// message by its first description. `none` stands for a key, message or descriptions
    /// that a code does not have (keys are upper case, so no key reads `none`); `keyed` is
    /// a key given to a keyless code, `unkeyed` a key taken away, and `docs` a change of
    /// descriptions, each with its section.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for service in &self.services {
            match service {
                ServiceDiff::Added(whole) | ServiceDiff::Removed(whole) => {
                    writeln!(
                        f,
                        "{} ({}): service {}, with {}",
                        whole.module,
                        Escaped(&whole.path.join(" > ")),
                        service.change(),
                        plural(whole.entries.len(), "code")
                    )?;
                }
                ServiceDiff::Changed(changes) => {
                    let path = changes.new_path.join(" > ");
                    let path = Escaped(&path);
                    writeln!(f, "{} ({path})", changes.module)?;
                    if changes.old_path != changes.new_path {
                        let old = changes.old_path.join(" > ");
                        writeln!(f, "  path     {} → {path}", Escaped(&old))?;
                    }
                    for code in &changes.codes {
                        write!(f, "{code}")?;
                    }
                    for moved in &changes.moved {
                        writeln!(
                            f,
                            "  moved    {} {} → {}: the same name now means another code",
                            Escaped(&moved.key),
                            moved.old_code,
                            moved.new_code
                        )?;
                    }
                }
            }
            writeln!(f)?;
        }
        writeln!(f, "{}", self.counts())
    }
}

/// How one service differs between the two catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServiceDiff {
    /// The service is only in the new catalog (a minor change).
    Added(Service),
    /// The service is only in the old catalog (a breaking change).
    Removed(Service),
    /// The service is in both, with a different path or different codes.
    Changed(ServiceChanges),
}

impl ServiceDiff {
    /// The module of the service.
    pub fn module(&self) -> &str {
        match self {
            ServiceDiff::Added(service) | ServiceDiff::Removed(service) => &service.module,
            ServiceDiff::Changed(changes) => &changes.module,
        }
    }

    /// What happened to the service: `added`, `removed` or `changed`.
    pub fn change(&self) -> &'static str {
        match self {
            ServiceDiff::Added(_) => "added",
            ServiceDiff::Removed(_) => "removed",
            ServiceDiff::Changed(_) => "changed",
        }
    }

    /// The class of this service's changes: breaking for a removed service, minor for an
    /// added one, and the greatest class of its changes for a changed one.
    pub fn class(&self) -> Class {
        match self {
            ServiceDiff::Added(_) => Class::Minor,
            ServiceDiff::Removed(_) => Class::Breaking,
            ServiceDiff::Changed(changes) => {
                let path = if changes.old_path == changes.new_path {
                    Class::None
                } else {
                    Class::Patch
                };
                let codes = changes.codes.iter().map(CodeChange::class);
                codes.chain([path]).max().unwrap_or(Class::None)
            }
        }
    }
}

/// What changed in a service that is in both catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServiceChanges {
    /// The service's module, the same in both catalogs.
    pub module: String,
    /// The service's breadcrumb path in the old catalog.
    pub old_path: Vec<String>,
    /// The service's breadcrumb path in the new catalog; a path that differs from the old
    /// one is a patch change.
    pub new_path: Vec<String>,
    /// Every code that was added, removed or changed, in code order.
    pub codes: Vec<CodeChange>,
    /// Every key that names another code than before, in the new codes' order: the
    /// worst of breaking changes, since code that matched the key's constant compiles
    /// still and now matches another number. Each also shows in `codes`, as the changes
    /// of the two codes.
    pub moved: Vec<MovedKey>,
}

/// A key that names another code in the new catalog than in the old one.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MovedKey {
    /// The key (`MAX_UPLOAD_SIZE_EXCEEDED`).
    pub key: String,
    /// Its code in the old catalog.
    pub old_code: i32,
    /// Its code in the new catalog.
    pub new_code: i32,
}

/// How one code of a service differs between the two catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeChange {
    /// The code is only in the new catalog (a minor change).
    Added(Entry),
    /// The code is only in the old catalog (a breaking change).
    Removed(Entry),
    /// The code is in both, with a different key (a breaking change when it is renamed
    /// or removed, a minor one when a keyless code gets one), a different message or
    /// different descriptions (a patch change), or several of these.
    Changed {
        /// The code's entry in the old catalog.
        old: Entry,
        /// The code's entry in the new catalog.
        new: Entry,
    },
}

impl CodeChange {
    /// The code that changed.
    pub fn code(&self) -> i32 {
        match self {
            CodeChange::Added(entry) | CodeChange::Removed(entry) => entry.code,
            CodeChange::Changed { new, .. } => new.code,
        }
    }

    /// The class of this change: breaking for a removed code or a renamed or removed key,
    /// minor for an added code or a key given to a keyless one, patch for a changed
    /// message or changed descriptions.
    pub fn class(&self) -> Class {
        match self {
            CodeChange::Added(_) => Class::Minor,
            CodeChange::Removed(_) => Class::Breaking,
            CodeChange::Changed { old, new } => match (&old.key, &new.key) {
                (None, Some(_)) => Class::Minor,
                (old, new) if old != new => Class::Breaking,
                // Only text changed: the message, the descriptions or both.
                _ => Class::Patch,
            },
        }
    }
}

impl fmt::Display for CodeChange {
    /// One indented line per change, each ending in a newline; a code with both a new key
    /// and a new message gets a line for each.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeChange::Added(entry) | CodeChange::Removed(entry) => {
                let change = if matches!(self, CodeChange::Added(_)) {
                    "added  "
                } else {
                    "removed"
                };
                write!(f, "  {change}  {}", Label(entry))?;
                match entry.message().or(entry.description()) {
                    Some(text) => writeln!(f, ": {text:?}"),
                    None => writeln!(f),
                }
            }
            CodeChange::Changed { old, new } => {
                let change = match (old.key(), new.key()) {
                    (None, Some(_)) => Some("keyed  "),
                    (Some(_), None) => Some("unkeyed"),
                    (old, new) if old != new => Some("renamed"),
                    _ => None,
                };
                if let Some(change) = change {
                    writeln!(
                        f,
                        "  {change}  {} {} → {}",
                        new.code,
                        Escaped(old.key().unwrap_or("none")),
                        Escaped(new.key().unwrap_or("none"))
                    )?;
                }
                if old.message != new.message {
                    writeln!(
                        f,
                        "  message  {}: {} → {}",
                        Label(new),
                        Quoted(old.message()),
                        Quoted(new.message())
                    )?;
                }
                if old.descriptions != new.descriptions {
                    writeln!(
                        f,
                        "  docs     {}: {} → {}",
                        Label(new),
                        Descriptions(&old.descriptions),
                        Descriptions(&new.descriptions)
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// A code in a line of the diff: its number, then its key if it has one (`4000002
/// MAX_UPLOAD_SIZE_EXCEEDED`).
struct Label<'a>(&'a Entry);

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.code)?;
        match self.0.key() {
            Some(key) => write!(f, " {}", Escaped(key)),
            None => Ok(()),
        }
    }
}

/// A text that may be absent: in Rust's `Debug` form, which escapes it, or `none`.
struct Quoted<'a>(Option<&'a str>);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(text) => write!(f, "{text:?}"),
            None => f.write_str("none"),
        }
    }
}

/// A code's descriptions, each quoted after its section (`Create group: "Exceeding the
/// maximum number of groups"`), separated by commas; `none` for none.
struct Descriptions<'a>(&'a [Description]);

impl fmt::Display for Descriptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        for (index, description) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            if let Some(section) = description.section() {
                write!(f, "{}: ", Escaped(section))?;
            }
            write!(f, "{:?}", description.text())?;
        }
        Ok(())
    }
}

/// How many changes of each kind a [`Diff`] holds.
///
/// Its `Display` is the verdict line of `errdoc diff`:
/// `breaking: 2 codes removed, 1 key renamed; minor: 3 codes added; patch: 1 message changed`,
/// or `none: no changes`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Counts {
    /// Services only in the new catalog.
    pub services_added: usize,
    /// Services only in the old catalog.
    pub services_removed: usize,
    /// Services in both whose breadcrumb path changed.
    pub paths_changed: usize,
    /// Codes only in the new catalog, in services of both.
    pub codes_added: usize,
    /// Codes only in the old catalog, in services of both.
    pub codes_removed: usize,
    /// Codes in both whose key changed to another.
    pub keys_renamed: usize,
    /// Keys in both that name another code.
    pub keys_moved: usize,
    /// Codes in both that had a key and have none.
    pub keys_removed: usize,
    /// Codes in both that had no key and have one.
    pub keys_added: usize,
    /// Codes in both whose message changed.
    pub messages_changed: usize,
    /// Codes in both whose descriptions changed.
    pub descriptions_changed: usize,
}

impl Counts {
    /// The greatest class among the counted changes, or [`Class::None`].
    pub fn class(&self) -> Class {
        let breaking = self.services_removed
            + self.codes_removed
            + self.keys_renamed
            + self.keys_moved
            + self.keys_removed;
        if breaking > 0 {
            Class::Breaking
        } else if self.services_added + self.codes_added + self.keys_added > 0 {
            Class::Minor
        } else if self.messages_changed + self.descriptions_changed + self.paths_changed > 0 {
            Class::Patch
        } else {
            Class::None
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let breaking = [
            (self.services_removed, "service", "removed"),
            (self.codes_removed, "code", "removed"),
            (self.keys_renamed, "key", "renamed"),
            (self.keys_moved, "key", "moved to another code"),
            (self.keys_removed, "key", "removed"),
        ];
        let minor = [
            (self.services_added, "service", "added"),
            (self.codes_added, "code", "added"),
            (self.keys_added, "key", "added"),
        ];
        let patch = [
            (self.messages_changed, "message", "changed"),
            (self.descriptions_changed, "description", "changed"),
            (self.paths_changed, "service path", "changed"),
        ];
        let groups: Vec<String> = [
            (Class::Breaking, &breaking[..]),
            (Class::Minor, &minor[..]),
            (Class::Patch, &patch[..]),
        ]
        .into_iter()
        .filter_map(|(class, counts)| {
            let parts: Vec<String> = counts
                .iter()
                .filter(|(count, _, _)| *count > 0)
                .map(|&(count, noun, verb)| format!("{} {verb}", plural(count, noun)))
                .collect();
            (!parts.is_empty()).then(|| format!("{class}: {}", parts.join(", ")))
        })
        .collect();
        if groups.is_empty() {
            f.write_str("none: no changes")
        } else {
            f.write_str(&groups.join("; "))
        }
    }
}

/// Compares the documents of two versions by name: the pages that only one of them has.
///
/// A name is a document's path relative to its version's root (`en/error-code.md`), so
/// that the same page in two folders, or at two git revisions, has one name. Pages say
/// where the documents changed, not what the API does: a page moved to another name is
/// a page removed and one added, while its codes, found in the same service, have not
/// changed; so pages have no [`Class`].
///
/// ```
/// let pages = errdoc::pages(["en/a.md", "en/b.md"], ["en/b.md", "ko/b.md"]);
/// assert_eq!(pages.added, ["ko/b.md"]);
/// assert_eq!(pages.removed, ["en/a.md"]);
/// assert_eq!(pages.to_string(), "pages\n  added    ko/b.md\n  removed  en/a.md\n\n");
/// ```
pub fn pages<'a>(
    old: impl IntoIterator<Item = &'a str>,
    new: impl IntoIterator<Item = &'a str>,
) -> Pages {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.into_iter().collect(), new.into_iter().collect());
    let mut pages = Pages::default();
    for pair in pair_up(&old, &new, |name| *name) {
        match pair {
            (Some(old), None) => pages.removed.push((*old).to_owned()),
            (None, Some(new)) => pages.added.push((*new).to_owned()),
            _ => {}
        }
    }
    pages
}

/// The documents that only one of two versions has: [`pages`]' result.
///
/// Its `Display` is the paragraph `errdoc diff` prints before the services, or nothing
/// when both versions have the same pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Pages {
    /// The names only the new version has, sorted.
    pub added: Vec<String>,
    /// The names only the old version has, sorted.
    pub removed: Vec<String>,
}

impl Pages {
    /// Whether both versions have the same pages.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

impl fmt::Display for Pages {
    /// `pages`, then one line per page added, then per page removed, with names escaped
    /// as in diagnostics (a file name can hold control characters), then a blank line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return Ok(());
        }
        writeln!(f, "pages")?;
        for name in &self.added {
            writeln!(f, "  added    {}", Escaped(name))?;
        }
        for name in &self.removed {
            writeln!(f, "  removed  {}", Escaped(name))?;
        }
        writeln!(f)
    }
}

/// `1 code`, `2 codes`.
fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    /// The catalog of one markdown page per service: `(breadcrumb, rows)`, each row
    /// `code | KEY | message`.
    fn catalog(pages: &[(&str, &[&str])]) -> Catalog {
        let sources: Vec<Source> = pages
            .iter()
            .enumerate()
            .map(|(index, (breadcrumb, rows))| {
                let mut text = format!(
                    "## {breadcrumb} > Error Code\n\n| resultCode | resultKey | resultMessage |\n\
                     |---|---|---|\n"
                );
                for row in *rows {
                    text.push_str(&format!("| {row} |\n"));
                }
                Source::new(format!("page{index}.md"), text)
            })
            .collect();
        let checked = crate::check(&sources);
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        checked.catalog
    }

    const OCR: &str = "AI Service > OCR";

    #[test]
    fn the_same_catalog_has_no_changes() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let diff = diff(&old, &old.clone());
        assert!(diff.is_empty());
        assert_eq!(diff.class(), Class::None);
        assert_eq!(diff.counts(), Counts::default());
        assert_eq!(diff.to_string(), "none: no changes\n");
    }

    #[test]
    fn rows_moved_between_pages_or_merged_are_no_change() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let new = catalog(&[
            (OCR, &["2 | B | Two."]),
            (OCR, &["1 | A | One.", "2 | B | Two."]),
        ]);
        assert!(diff(&old, &new).is_empty());
    }

    #[test]
    fn a_changed_message_is_a_patch() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let new = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two!"])]);
        let diff = diff(&old, &new);
        assert_eq!(diff.class(), Class::Patch);
        assert_eq!(
            diff.to_string(),
            "ocr (AI Service > OCR)\n  message  2 B: \"Two.\" → \"Two!\"\n\n\
             patch: 1 message changed\n"
        );
    }

    #[test]
    fn an_added_code_is_minor() {
        let old = catalog(&[(OCR, &["1 | A | One."])]);
        let new = catalog(&[(OCR, &["0 | Z | Zero.", "1 | A | One.", "3 | C | Three."])]);
        let diff = diff(&old, &new);
        assert_eq!(diff.class(), Class::Minor);
        let codes: Vec<(i32, Class)> = match &diff.services[..] {
            [ServiceDiff::Changed(changes)] => changes
                .codes
                .iter()
                .map(|change| (change.code(), change.class()))
                .collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(codes, [(0, Class::Minor), (3, Class::Minor)]);
        assert_eq!(diff.counts().to_string(), "minor: 2 codes added");
    }

    #[test]
    fn a_removed_code_or_a_renamed_key_is_breaking() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let removed = catalog(&[(OCR, &["2 | B | Two."])]);
        assert_eq!(diff(&old, &removed).class(), Class::Breaking);
        assert_eq!(
            diff(&old, &removed).to_string(),
            "ocr (AI Service > OCR)\n  removed  1 A: \"One.\"\n\nbreaking: 1 code removed\n"
        );
        let renamed = catalog(&[(OCR, &["1 | A | One.", "2 | BEE | Two."])]);
        assert_eq!(diff(&old, &renamed).class(), Class::Breaking);
        assert_eq!(
            diff(&old, &renamed).to_string(),
            "ocr (AI Service > OCR)\n  renamed  2 B → BEE\n\nbreaking: 1 key renamed\n"
        );
    }

    #[test]
    fn a_new_key_and_message_are_two_lines_and_two_counts() {
        let old = catalog(&[(OCR, &["1 | A | One."])]);
        let new = catalog(&[(OCR, &["1 | AA | Uno."])]);
        let diff = diff(&old, &new);
        assert_eq!(diff.class(), Class::Breaking);
        assert_eq!(
            diff.to_string(),
            "ocr (AI Service > OCR)\n  renamed  1 A → AA\n  message  1 AA: \"One.\" → \"Uno.\"\n\n\
             breaking: 1 key renamed; patch: 1 message changed\n"
        );
    }

    #[test]
    fn a_key_moved_to_another_code_is_said_beside_the_removal_and_the_addition() {
        let old = catalog(&[(OCR, &["1 | A | One."])]);
        let new = catalog(&[(OCR, &["2 | A | One."])]);
        let diff = diff(&old, &new);
        assert_eq!(
            diff.to_string(),
            "ocr (AI Service > OCR)\n  removed  1 A: \"One.\"\n  added    2 A: \"One.\"\n  \
             moved    A 1 → 2: the same name now means another code\n\n\
             breaking: 1 code removed, 1 key moved to another code; minor: 1 code added\n"
        );
        assert_eq!(diff.counts().keys_moved, 1);
    }

    #[test]
    fn a_moved_key_alone_is_breaking() {
        // The key moves from 1 to 2 while 1 takes another key: no code is removed.
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let new = catalog(&[(OCR, &["1 | B | Two.", "2 | A | One."])]);
        let counts = diff(&old, &new).counts();
        assert_eq!((counts.codes_removed, counts.keys_moved), (0, 2));
        assert_eq!(counts.class(), Class::Breaking);
    }

    #[test]
    fn services_are_matched_by_module_and_listed_in_module_order() {
        let old = catalog(&[
            ("AI Service > Beta", &["1 | A | One."]),
            ("AI Service > Delta", &["1 | A | One."]),
        ]);
        let new = catalog(&[
            ("AI Service > Alpha", &["1 | A | One.", "2 | B | Two."]),
            ("AI Service > Gamma", &["1 | A | One."]),
            ("Other > DELTA", &["1 | A | One."]),
        ]);
        let diff = diff(&old, &new);
        let modules: Vec<&str> = diff.services.iter().map(ServiceDiff::module).collect();
        assert_eq!(modules, ["alpha", "beta", "delta", "gamma"]);
        let classes: Vec<Class> = diff.services.iter().map(ServiceDiff::class).collect();
        let (minor, breaking, patch) = (Class::Minor, Class::Breaking, Class::Patch);
        assert_eq!(classes, [minor, breaking, patch, minor]);
        assert_eq!(diff.class(), Class::Breaking);
        assert_eq!(
            diff.to_string(),
            "alpha (AI Service > Alpha): service added, with 2 codes\n\n\
             beta (AI Service > Beta): service removed, with 1 code\n\n\
             delta (Other > DELTA)\n  path     AI Service > Delta → Other > DELTA\n\n\
             gamma (AI Service > Gamma): service added, with 1 code\n\n\
             breaking: 1 service removed; minor: 2 services added; patch: 1 service path changed\n"
        );
    }

    #[test]
    fn the_verdict_lists_every_class_from_breaking_to_patch() {
        let counts = Counts {
            services_added: 1,
            services_removed: 2,
            paths_changed: 1,
            codes_added: 3,
            codes_removed: 2,
            keys_renamed: 1,
            keys_moved: 2,
            keys_removed: 1,
            keys_added: 2,
            messages_changed: 1,
            descriptions_changed: 3,
        };
        assert_eq!(
            counts.to_string(),
            "breaking: 2 services removed, 2 codes removed, 1 key renamed, \
             2 keys moved to another code, 1 key removed; \
             minor: 1 service added, 3 codes added, 2 keys added; \
             patch: 1 message changed, 3 descriptions changed, 1 service path changed"
        );
        assert_eq!(counts.class(), Class::Breaking);
        let patch = Counts {
            paths_changed: 1,
            ..Counts::default()
        };
        assert_eq!(patch.class(), Class::Patch);
    }

    #[test]
    fn classes_are_ordered_by_the_bump_they_ask() {
        assert!(Class::None < Class::Patch);
        assert!(Class::Patch < Class::Minor);
        assert!(Class::Minor < Class::Breaking);
        let names: Vec<String> = [Class::None, Class::Patch, Class::Minor, Class::Breaking]
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(names, ["none", "patch", "minor", "breaking"]);
    }

    /// `entry` without its key, as a table without a key column lists it.
    fn keyless(entry: &mut Entry) {
        entry.key = None;
        entry.variant = None;
    }

    /// `entry` with descriptions, each `(section, text)`.
    fn describe(entry: &mut Entry, descriptions: &[(Option<&str>, &str)]) {
        entry.descriptions = descriptions
            .iter()
            .map(|&(section, text)| Description {
                section: section.map(Into::into),
                text: text.to_owned(),
            })
            .collect();
    }

    /// The entries of the first service of `catalog`, to change in place: a catalog with
    /// keyless codes or descriptions cannot be written as a markdown page here, whose
    /// tables have a key and a message column.
    fn entries(catalog: &mut Catalog) -> &mut [Entry] {
        &mut catalog.services[0].entries
    }

    #[test]
    fn changed_descriptions_are_a_patch() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two.", "3 | C | Three."])]);
        let mut new = old.clone();
        describe(&mut entries(&mut new)[0], &[(Some("Create"), "Too many.")]);
        let mut changed = old.clone();
        describe(&mut entries(&mut changed)[1], &[(None, "Before.")]);
        describe(&mut entries(&mut changed)[2], &[(None, "Gone.")]);
        describe(
            &mut entries(&mut new)[1],
            &[(None, "After."), (Some("Delete"), "Also.")],
        );
        let diff = diff(&changed, &new);
        assert_eq!(diff.class(), Class::Patch);
        assert_eq!(diff.counts().descriptions_changed, 3);
        assert_eq!(
            diff.to_string(),
            "ocr (AI Service > OCR)\n  \
             docs     1 A: none → Create: \"Too many.\"\n  \
             docs     2 B: \"Before.\" → \"After.\", Delete: \"Also.\"\n  \
             docs     3 C: \"Gone.\" → none\n\n\
             patch: 3 descriptions changed\n"
        );
        // A description that moves to another section changes what the docs say.
        let mut moved = new.clone();
        describe(
            &mut entries(&mut moved)[0],
            &[(Some("Update"), "Too many.")],
        );
        assert_eq!(super::diff(&new, &moved).counts().descriptions_changed, 1);
    }

    #[test]
    fn a_key_given_to_a_keyless_code_is_minor_and_one_taken_away_breaking() {
        let keyed = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let mut unkeyed = keyed.clone();
        keyless(&mut entries(&mut unkeyed)[1]);
        let given = diff(&unkeyed, &keyed);
        assert_eq!(given.class(), Class::Minor);
        assert_eq!(
            given.to_string(),
            "ocr (AI Service > OCR)\n  keyed    2 none → B\n\nminor: 1 key added\n"
        );
        let taken = diff(&keyed, &unkeyed);
        assert_eq!(taken.class(), Class::Breaking);
        assert_eq!(
            taken.to_string(),
            "ocr (AI Service > OCR)\n  unkeyed  2 B → none\n\nbreaking: 1 key removed\n"
        );
        // A keyless code whose message changes is shown by its number alone.
        let mut reworded = unkeyed.clone();
        entries(&mut reworded)[1].message = Some("Deux.".to_owned());
        assert_eq!(
            diff(&unkeyed, &reworded).to_string(),
            "ocr (AI Service > OCR)\n  message  2: \"Two.\" → \"Deux.\"\n\n\
             patch: 1 message changed\n"
        );
    }

    #[test]
    fn keyless_codes_are_added_and_removed_without_a_key() {
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let mut new = catalog(&[(OCR, &["1 | A | One.", "3 | C | Three."])]);
        keyless(&mut entries(&mut new)[1]);
        // A code without a message shows its first description.
        entries(&mut new)[1].message = None;
        describe(&mut entries(&mut new)[1], &[(Some("Create"), "Third.")]);
        let mut old_keyless = old.clone();
        keyless(&mut entries(&mut old_keyless)[1]);
        let diff = diff(&old_keyless, &new);
        assert_eq!(
            diff.to_string(),
            "ocr (AI Service > OCR)\n  removed  2: \"Two.\"\n  added    3: \"Third.\"\n\n\
             breaking: 1 code removed; minor: 1 code added\n"
        );
    }

    #[test]
    fn only_keyed_codes_move_keys() {
        // Code 1 loses its key A, and code 2, keyless before, takes it.
        let old = catalog(&[(OCR, &["1 | A | One.", "2 | B | Two."])]);
        let mut new = catalog(&[(OCR, &["1 | Z | One.", "2 | A | Two."])]);
        let mut old_keyless = old.clone();
        keyless(&mut entries(&mut old_keyless)[1]);
        keyless(&mut entries(&mut new)[0]);
        let diff = diff(&old_keyless, &new);
        let changes = match &diff.services[..] {
            [ServiceDiff::Changed(changes)] => changes,
            other => panic!("{other:?}"),
        };
        let moved: Vec<_> = changes
            .moved
            .iter()
            .map(|m| (&*m.key, m.old_code, m.new_code))
            .collect();
        assert_eq!(moved, [("A", 1, 2)]);
        let counts = diff.counts();
        assert_eq!(
            (counts.keys_removed, counts.keys_added, counts.keys_moved),
            (1, 1, 1)
        );
        assert_eq!(diff.class(), Class::Breaking);
    }

    #[test]
    fn messages_are_quoted_with_escapes() {
        let old = catalog(&[(OCR, &["1 | A | Say \"hi\"."])]);
        let new = catalog(&[(OCR, &["1 | A | 안녕하세요."])]);
        assert_eq!(
            diff(&old, &new).to_string(),
            "ocr (AI Service > OCR)\n  message  1 A: \"Say \\\"hi\\\".\" → \"안녕하세요.\"\n\n\
             patch: 1 message changed\n"
        );
    }
}
