//! Language versions: pages whose paths differ only in a segment that names a language
//! (`STT/ko/error-code.md`, `STT/zh/error-code.md`) are one page in several languages.
//!
//! Across the versions of a page, the codes and the service must be the same: a code that
//! one version lacks is a `TranslationMissingCode` warning at that version, and a
//! breadcrumb that names another service than the others' is a
//! `TranslationServiceMismatch` error, after which the page's rows are merged into the
//! others' service (so that its keys and messages are still compared with theirs, by
//! `lower`, instead of silently making a service of their own). Descriptions may differ:
//! they are translated. This stage runs between `parse` and `lower`, on data only.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::lower::{codes, fold_path};
use crate::parse::Document;

/// The paths of a page's other language versions: `path` with its language segment
/// replaced by each other language of `languages`, in that order. Empty when no folder of
/// the path is a language segment.
///
/// The language segment is the last folder (not the file name) that is one of
/// `languages`; both `/` and `\` separate segments, and the separators are kept as
/// written. Nothing is read: the paths may not exist.
///
/// ```
/// let languages = ["ko", "en", "zh"].map(String::from);
/// assert_eq!(
///     errdoc::language_versions("docs/STT/ko/error-code.md", &languages),
///     ["docs/STT/en/error-code.md", "docs/STT/zh/error-code.md"]
/// );
/// assert!(errdoc::language_versions("docs/STT/error-code.md", &languages).is_empty());
/// ```
pub fn language_versions(path: &str, languages: &[String]) -> Vec<String> {
    let Some(version) = Version::of(path, languages) else {
        return Vec::new();
    };
    languages
        .iter()
        .filter(|language| **language != languages[version.language])
        .map(|language| version.with(path, language))
        .collect()
}

/// Where a path names its language.
struct Version {
    /// The byte range of the language segment in the path.
    start: usize,
    end: usize,
    /// The language's index in the list of languages.
    language: usize,
}

impl Version {
    /// The last folder segment of `path` that is a language, if any.
    fn of(path: &str, languages: &[String]) -> Option<Version> {
        let mut found = None;
        let mut start = 0;
        // Only folders: the text after the last separator is the file name.
        for (end, _) in path.match_indices(['/', '\\']) {
            let segment = &path[start..end];
            if let Some(language) = languages.iter().position(|known| known == segment) {
                found = Some(Version {
                    start,
                    end,
                    language,
                });
            }
            start = end + 1;
        }
        found
    }

    /// The path with its language segment replaced by `language`.
    fn with(&self, path: &str, language: &str) -> String {
        format!("{}{language}{}", &path[..self.start], &path[self.end..])
    }

    /// What the versions of one page share: the path with its language segment blanked.
    fn page(&self, path: &str) -> String {
        self.with(path, "\0")
    }
}

/// Checks the language versions among `documents` against each other, and moves a version
/// whose breadcrumb names another service than its siblings into theirs.
pub(crate) fn check(documents: &mut [Document], languages: &[String]) -> Vec<Diagnostic> {
    // Each page's versions: (the language's index, the document's), in language order.
    let mut pages: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (index, document) in documents.iter().enumerate() {
        if let Some(version) = Version::of(&document.path, languages) {
            let page = pages.entry(version.page(&document.path)).or_default();
            page.push((version.language, index));
        }
    }
    let mut diagnostics = Vec::new();
    for mut versions in pages.into_values() {
        if versions.len() < 2 {
            continue;
        }
        versions.sort_unstable();
        let versions: Vec<usize> = versions.into_iter().map(|(_, index)| index).collect();
        diagnostics.extend(same_service(documents, &versions));
        diagnostics.extend(same_codes(documents, &versions));
    }
    diagnostics
}

/// The service of most versions (ties go to the version first in language order); every
/// other version is reported at its breadcrumb and given that service.
fn same_service(documents: &mut [Document], versions: &[usize]) -> Vec<Diagnostic> {
    let folded: Vec<String> = versions
        .iter()
        .map(|&index| fold_path(&documents[index].service))
        .collect();
    let count = |service: &String| folded.iter().filter(|other| *other == service).count();
    // `max_by_key` keeps the last of equal counts, so go from the last language back.
    let Some(reference) = (0..versions.len()).rev().max_by_key(|&i| count(&folded[i])) else {
        return Vec::new();
    };
    let expected = documents[versions[reference]].service.clone();
    let related = documents[versions[reference]].breadcrumb.clone();
    let mut diagnostics = Vec::new();
    for (position, &index) in versions.iter().enumerate() {
        if folded[position] == folded[reference] {
            continue;
        }
        let document = &mut documents[index];
        let kind = DiagnosticKind::TranslationServiceMismatch {
            service: document.service.join(" > "),
            expected: expected.join(" > "),
        };
        let diagnostic = Diagnostic::error(kind, document.breadcrumb.clone());
        diagnostics.push(
            diagnostic.with_related(related.clone(), "as its other language versions name it"),
        );
        document.service.clone_from(&expected);
    }
    diagnostics
}

/// Every code that a version lacks and another lists, reported at the version that lacks
/// it, with the first version (in language order) that lists it.
fn same_codes(documents: &[Document], versions: &[usize]) -> Vec<Diagnostic> {
    let listed: Vec<BTreeMap<i32, &Span>> = versions
        .iter()
        .map(|&index| {
            let mut codes_here = BTreeMap::new();
            let rows = documents[index].tables.iter().flat_map(|t| &t.rows);
            for row in rows {
                for code in codes(&row.code.text).unwrap_or_default() {
                    codes_here.entry(code).or_insert(&row.span);
                }
            }
            codes_here
        })
        .collect();
    let every: BTreeSet<i32> = listed
        .iter()
        .flat_map(|codes| codes.keys().copied())
        .collect();
    let mut diagnostics = Vec::new();
    for (position, &index) in versions.iter().enumerate() {
        let document = &documents[index];
        let here = document
            .tables
            .first()
            .map_or(&document.breadcrumb, |table| &table.span);
        for &code in &every {
            if listed[position].contains_key(&code) {
                continue;
            }
            let Some((sibling, row)) = versions
                .iter()
                .zip(&listed)
                .find_map(|(&other, codes)| Some((other, *codes.get(&code)?)))
            else {
                continue;
            };
            let kind = DiagnosticKind::TranslationMissingCode {
                code,
                sibling: documents[sibling].path.to_string(),
            };
            let diagnostic = Diagnostic::warning(kind, here.clone());
            diagnostics.push(diagnostic.with_related(row.clone(), "listed here"));
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use crate::{CheckOptions, DiagnosticKind, Severity, Source, check_with, language_versions};

    /// A page of rows `code KEY message`, under a breadcrumb naming `service`.
    fn page(service: &str, codes: &[i32]) -> String {
        let mut text = format!("## AI Service > {service} > Error Code\n\n");
        text.push_str("| resultCode | resultKey | resultMessage |\n|---|---|---|\n");
        for code in codes {
            text.push_str(&format!("| {code} | KEY_{code} | Message {code}. |\n"));
        }
        text
    }

    fn languages() -> Vec<String> {
        CheckOptions::default().languages
    }

    #[test]
    fn other_versions_replace_the_last_language_folder() {
        let languages = languages();
        assert_eq!(
            language_versions("STT/zh/error-code.md", &languages),
            [
                "STT/ko/error-code.md",
                "STT/en/error-code.md",
                "STT/ja/error-code.md"
            ]
        );
        assert_eq!(
            language_versions("ko/STT/en/x.md", &languages)[0],
            "ko/STT/ko/x.md"
        );
        assert_eq!(
            language_versions(r"docs\ja\x.md", &languages)[0],
            r"docs\ko\x.md"
        );
        assert!(language_versions("docs/ko.md", &languages).is_empty());
        assert!(language_versions("docs/korean/x.md", &languages).is_empty());
        assert!(language_versions("x.md", &[]).is_empty());
    }

    #[test]
    fn a_code_missing_in_one_language_is_a_warning_there() {
        let sources = [
            Source::new("STT/ko/error-code.md", page("STT", &[1, 2, 3])),
            Source::new("STT/en/error-code.md", page("STT", &[1, 2, 3])),
            Source::new("STT/zh/error-code.md", page("STT", &[1, 3])),
        ];
        let checked = check_with(&sources, &CheckOptions::default());
        let [diagnostic] = checked.diagnostics.as_slice() else {
            panic!("{:#?}", checked.diagnostics);
        };
        assert_eq!(
            diagnostic.kind,
            DiagnosticKind::TranslationMissingCode {
                code: 2,
                sibling: "STT/ko/error-code.md".to_owned()
            }
        );
        assert_eq!(diagnostic.severity, Severity::Warning);
        assert_eq!(diagnostic.span.to_string(), "STT/zh/error-code.md:3:1");
        let related = diagnostic.related.first().map(|r| r.span.to_string());
        assert_eq!(related.as_deref(), Some("STT/ko/error-code.md:6:1"));
        assert_eq!(checked.catalog.services()[0].entries().len(), 3);
    }

    #[test]
    fn pages_are_compared_only_with_their_own_versions() {
        let sources = [
            Source::new("A/ko/error-code.md", page("A", &[1, 2])),
            Source::new("B/en/error-code.md", page("B", &[1])),
            Source::new("A/en/error-code.md", page("A", &[2, 1])),
            Source::new("A/error-code.md", page("A", &[1])),
            Source::new("A/fr/error-code.md", page("A", &[1])),
        ];
        let checked = check_with(&sources, &CheckOptions::default());
        assert_eq!(
            checked.diagnostics,
            [],
            "no language segment, or another one"
        );
        let mut none = CheckOptions::default();
        none.languages.clear();
        let sources = [
            Source::new("A/ko/error-code.md", page("A", &[1, 2])),
            Source::new("A/en/error-code.md", page("A", &[1])),
        ];
        assert_eq!(check_with(&sources, &none).diagnostics, []);
        assert_eq!(crate::check(&sources).diagnostics.len(), 1);
    }

    #[test]
    fn a_version_naming_another_service_is_an_error_and_joins_the_others() {
        let sources = [
            Source::new("STT/ko/error-code.md", page("STT", &[1, 2])),
            Source::new("STT/en/error-code.md", page("Speech", &[1, 2])),
            Source::new("STT/zh/error-code.md", page("stt", &[1, 2])),
        ];
        let checked = check_with(&sources, &CheckOptions::default());
        let [diagnostic] = checked.diagnostics.as_slice() else {
            panic!("{:#?}", checked.diagnostics);
        };
        assert_eq!(
            diagnostic.kind,
            DiagnosticKind::TranslationServiceMismatch {
                service: "AI Service > Speech".to_owned(),
                expected: "AI Service > STT".to_owned(),
            }
        );
        assert_eq!(diagnostic.span.to_string(), "STT/en/error-code.md:1:4");
        let related = diagnostic.related.first().map(|r| r.span.to_string());
        assert_eq!(related.as_deref(), Some("STT/ko/error-code.md:1:4"));
        let services = checked.catalog.services();
        assert_eq!(services.len(), 1, "not split into two services");
        assert_eq!(services[0].files().len(), 3);
    }

    #[test]
    fn a_tie_goes_to_the_first_language() {
        let sources = [
            Source::new("X/en/error-code.md", page("Other", &[1])),
            Source::new("X/ko/error-code.md", page("Mine", &[1])),
        ];
        let checked = check_with(&sources, &CheckOptions::default());
        let spans: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| d.span.to_string())
            .collect();
        assert_eq!(spans, ["X/en/error-code.md:1:4"]);
    }
}
