//! Property tests: what the fixtures under `tests/data` show for a handful of cases, held
//! over generated catalogs and hostile text.
//!
//! - `pages_round_trip`: a catalog written as markdown pages and as plain-text pages reads
//!   back, without a diagnostic, as the same services, codes, keys and messages, from either
//!   format and from both merged.
//! - `nothing_lost_in_any_layout`: a page written in any layout (`layout/mod.rs`: GFM
//!   tables with or without pipes, in block quotes or list items, tab-separated tables
//!   pasted into markdown, plain-text copies; LF, CR, CRLF or mixed line endings; front
//!   matter; noise lines between rows) loses no row: each is read or named at its line,
//!   and a page without noise reads back exactly.
//!
//! The properties of the generated code over hand-built catalogs (`literals_round_trip`,
//! `docs_stay_plain`) are errdoc's unit tests (`src/properties.rs`): only errdoc can build
//! a catalog that no page could give.
//!
//! Case counts are kept small so that the file runs in seconds in a debug build; set
//! `PROPTEST_CASES` to run more.

mod layout;
mod support;

use std::collections::BTreeSet;

use errdoc::Source;
use proptest::collection::vec;
use proptest::prelude::*;
use support::text::{config, hostile_text};

/// How many catalogs the round trip through pages tries.
const PAGE_CASES: u32 = 256;

// 1. Pages round trip.

/// One service of a generated catalog, as a page would list it.
#[derive(Clone, Debug)]
struct PageService {
    name: String,
    /// Code, key and message, in no particular order.
    rows: Vec<(i32, String, String)>,
}

/// A message that both page formats can carry.
///
/// Two restrictions, both from the formats rather than from errdoc's choices:
/// - White space is collapsed: the parsers read a cell as a reader sees it, trimmed and
///   with runs of white space as one space, and a line break inside a markdown table cell
///   or a plain-text row would end the row. So the message is collapsed before writing.
/// - No NUL: CommonMark replaces U+0000 with U+FFFD, so a markdown page cannot carry it.
///
/// Everything else is written: `|` as `\|` in markdown (the GFM escape for a pipe in a
/// cell), and every other ASCII punctuation character backslash-escaped too, so that no
/// message opens markup.
fn page_message() -> impl Strategy<Value = String> {
    hostile_text()
        .prop_map(|text| support::text::collapse(&text.replace('\0', "")))
        .prop_filter("a message is not empty", |message| !message.is_empty())
}

/// A service name that is a distinct module: capitalized ASCII words, as the docs have.
fn service_name() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{1,6}( [A-Z][a-z0-9]{0,5}){0,2}"
}

/// One service with 1 to 6 rows of distinct codes, keys and variants. Rows that would
/// collide are dropped rather than rejected, so that no case is wasted.
///
/// Two keys are taken to collide when [`name_class`] says they might: errdoc's names are
/// private to it, and a coarser test only drops a few more rows.
fn page_service() -> impl Strategy<Value = PageService> {
    let row = (any::<i32>(), "[A-Z][A-Z0-9_]{0,15}", page_message());
    (service_name(), vec(row, 1..7)).prop_map(|(name, rows)| {
        let (mut codes, mut keys, mut variants) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        let rows = rows
            .into_iter()
            .filter(|(code, key, _)| {
                let variant = name_class(key);
                let fresh =
                    !codes.contains(code) && !keys.contains(key) && !variants.contains(&variant);
                if fresh {
                    codes.insert(*code);
                    keys.insert(key.clone());
                    variants.insert(variant);
                }
                fresh
            })
            .collect();
        PageService { name, rows }
    })
}

/// One to three services whose modules and `Service` variants are distinct (their
/// [`name_class`]es are), and none of whose names is an error-code title (which the
/// breadcrumb reader would drop).
fn page_catalog() -> impl Strategy<Value = Vec<PageService>> {
    vec(page_service(), 1..4).prop_filter("services have distinct names", |services| {
        let mut seen = BTreeSet::new();
        services.iter().all(|service| {
            let class = name_class(&service.name);
            !class.contains("code") && seen.insert(class)
        })
    })
}

/// What every Rust name that errdoc makes of `text` comes down to once case and `_` are
/// ignored: its ASCII letters and digits, lower case. Module names, `Service` variants and
/// code variants are built of those alone, in order, with `_` between words and after a
/// keyword, so two texts of different classes never give one name.
fn name_class(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Escapes text for a markdown table cell: a backslash before every ASCII punctuation
/// character, which CommonMark reads as that character, and `\|`, which GFM tables read as
/// a pipe inside the cell.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A markdown page for one service: breadcrumb heading, then a GFM table.
fn markdown_page(service: &PageService) -> String {
    let mut page = format!(
        "## AI Service > Test > {} > Error Code\n\n\
         | resultCode | resultKey | resultMessage |\n|---|---|---|\n",
        service.name
    );
    for (code, key, message) in &service.rows {
        page.push_str(&format!(
            "| {code} | {key} | {} |\n",
            markdown_cell(message)
        ));
    }
    page
}

/// A plain-text copy of the rendered page, as `seeds/003_*.txt`: breadcrumb line, header
/// line, one row per line with tabs between the columns, and the page footer.
fn plain_page(service: &PageService) -> String {
    let mut page = format!(
        "AI Service > Test > {} > 오류 코드\n\nresultCode\tresultKey\tresultMessage\n",
        service.name
    );
    for (code, key, message) in &service.rows {
        page.push_str(&format!("{code}\t{key}\t{message}\n"));
    }
    page.push_str("TOP\n");
    page
}

/// Checks pages and compares what they define with the services they were written from.
fn assert_reads_back(services: &[PageService], sources: &[Source]) -> Result<(), TestCaseError> {
    let checked = errdoc::check(sources);
    prop_assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let catalog = &checked.catalog;
    prop_assert_eq!(catalog.services().len(), services.len());
    for service in services {
        let found = catalog.services().iter().find(|s| s.name() == service.name);
        let found =
            found.ok_or_else(|| TestCaseError::fail(format!("no service {}", service.name)))?;
        prop_assert_eq!(found.path(), &["AI Service", "Test", &service.name]);
        let mut expected = service.rows.clone();
        expected.sort();
        let entries: Vec<(i32, String, String)> = found
            .entries()
            .iter()
            .map(|e| {
                let text = |t: Option<&str>| t.unwrap_or_default().to_owned();
                (e.code(), text(e.key()), text(e.message()))
            })
            .collect();
        prop_assert_eq!(entries, expected);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(PAGE_CASES))]

    /// Every catalog written as pages reads back unchanged, from markdown, from plain text,
    /// and from both together.
    #[test]
    fn pages_round_trip(services in page_catalog()) {
        let markdown: Vec<Source> = services
            .iter()
            .enumerate()
            .map(|(i, service)| Source::new(format!("{i}.md"), markdown_page(service)))
            .collect();
        assert_reads_back(&services, &markdown)?;
        let plain: Vec<Source> = services
            .iter()
            .enumerate()
            .map(|(i, service)| Source::new(format!("{i}.txt"), plain_page(service)))
            .collect();
        assert_reads_back(&services, &plain)?;
        // Both copies of each page at once: the same rows read from either format merge
        // quietly, which they only do if both formats read every message alike.
        let both: Vec<Source> = markdown.into_iter().chain(plain).collect();
        assert_reads_back(&services, &both)?;
    }
}

// 2. Nothing lost, in any layout.

/// A layout of every kind, with up to four noise lines.
fn any_layout() -> impl Strategy<Value = layout::Layout> {
    use layout::{Container, Ending, Format, Noise};
    let format = prop::sample::select(vec![
        Format::Piped,
        Format::Pipeless,
        Format::PastedTabs,
        Format::PlainTabs,
        Format::PlainWords,
        Format::PlainMixed,
    ]);
    let container = prop_oneof![
        Just(Container::None),
        (1_u8..4).prop_map(Container::Quote),
        Just(Container::TightItem),
        Just(Container::LooseItem),
    ];
    let ending = prop::sample::select(vec![Ending::Lf, Ending::Cr, Ending::CrLf, Ending::Mixed]);
    let noise = prop_oneof![
        Just(Noise::Blank),
        hostile_text().prop_map(Noise::Text),
        Just(Noise::Label),
        any::<u8>().prop_map(Noise::Marker),
        Just(Noise::Heading),
    ];
    (
        format,
        container,
        ending,
        any::<bool>(),
        vec((0_usize..8, noise), 0..4),
    )
        .prop_map(
            |(format, container, ending, front_matter, noise)| layout::Layout {
                format,
                container,
                ending,
                front_matter,
                noise,
            },
        )
}

/// One to eight rows of distinct codes and keys, with messages of words.
fn layout_rows() -> impl Strategy<Value = Vec<(i32, String, String)>> {
    let row = (
        any::<i32>(),
        "[A-Z][A-Z0-9]{0,4}(_[A-Z0-9]{1,5}){0,2}",
        "[A-Za-z0-9][A-Za-z0-9 ,.()'/-]{0,30}[A-Za-z0-9.]",
    );
    vec(row, 1..8).prop_map(|rows| {
        let (mut codes, mut keys) = (BTreeSet::new(), BTreeSet::new());
        rows.into_iter()
            .filter(|(code, key, _)| codes.insert(*code) && keys.insert(key.replace('_', "")))
            .map(|(code, key, message)| (code, key, support::text::collapse(&message)))
            .collect()
    })
}

proptest! {
    #![proptest_config(config(PAGE_CASES))]

    #[test]
    fn nothing_lost_in_any_layout(rows in layout_rows(), layout in any_layout()) {
        let page = layout::write("AI Service > Layout > Error Code", &rows, &layout);
        let checked = errdoc::check(&[Source::new(page.name, page.text.as_str())]);
        if let Err(failure) = layout::verify(&page, &rows, &layout, &checked) {
            return Err(TestCaseError::fail(failure));
        }
    }
}
