//! Property tests: what the fixtures under `tests/data` show for a handful of cases, held
//! over generated catalogs and hostile text.
//!
//! - `pages_round_trip`: a catalog written as a markdown page and as a plain-text page reads
//!   back, without a diagnostic, as the same services, codes, keys and messages.
//! - `literals_round_trip`, `names_and_paths_round_trip`: any text in a catalog comes back
//!   from the generated file as exactly the same string literal, and never changes the
//!   file's shape (no injection).
//! - `docs_stay_plain`: the rustdoc comments made from document text are plain paragraphs
//!   that show the text, with no code block, link, HTML, heading or emphasis.
//!
//! Case counts are kept small so that the file runs in seconds in a debug build; set
//! `PROPTEST_CASES` to run more.

use std::collections::BTreeSet;
use std::sync::Arc;

use errdoc::{Catalog, Entry, Location, Service, Source};
use proc_macro2::{TokenStream, TokenTree};
use proptest::collection::vec;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use quote::ToTokens;

/// How many catalogs the round trip through pages tries.
const PAGE_CASES: u32 = 256;
/// How many texts the generated-code properties try; each one renders a whole file.
const CODE_CASES: u32 = 256;

/// The runner's settings: `cases` cases (unless `PROPTEST_CASES` says otherwise), and no
/// file of failures written into the source tree; a failure prints its minimal input.
fn config(cases: u32) -> ProptestConfig {
    let from_env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok());
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(from_env.unwrap_or(cases))
    }
}

// The text that messages, names and paths are made of.

/// Fragments chosen to break a naive writer of Rust, markdown or comments: quotes and
/// backslashes, comment and attribute openers, braces, brackets and link syntax, code spans
/// and fences, HTML, entities, table pipes, block markers, smart punctuation, control
/// characters, Unicode white space and format characters, Korean and emoji.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    // Rust: string and raw-string delimiters, escapes, comments, attributes, braces.
    "\"", "'", "\\", "\\\\", "\\n", "r#\"", "\"#", "*/", "/*", "//", "#[", "#![doc = \"x\"]",
    "{", "}", "{}",
    // Markdown: links, images, footnotes, code spans and fences, HTML, entities, pipes,
    // emphasis, strikethrough, block markers, smart punctuation.
    "[", "]", "[]()", "[a](b)", "![i](u)", "[^1]", "[x]: /u", "`", "``", "```", "~~~",
    "<script>", "</script>", "<!--", "-->", "<br>", "<https://example.com>",
    "https://example.com", "&amp;", "&#124;", "&lt;", "|", "||", "\\|", "*", "**", "_", "__",
    "~~", ":", "# ", "## ", "- ", "+ ", "1. ", "> ", "---", "===", "--", "...", "$", "%", "^",
    "=", "!", "?", "@",
    // Control characters, Unicode white space, and invisible formatting characters.
    "\0", "\u{7}", "\t", "\n", "\r", "\r\n", "\u{1b}[31m", "\u{7f}", "\u{85}", "\u{a0}",
    "\u{200b}", "\u{200e}", "\u{202e}", "\u{2028}", "\u{2066}", "\u{3000}", "\u{feff}",
    // The languages of the docs, and emoji, with modifiers and joiners.
    "오류 코드", "잘못된 요청입니다.", "エラー", "😀", "👍🏽", "🏳️‍🌈",
];

/// Text made of hostile fragments, plain words and arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        2 => "[A-Za-z0-9 ,.]{1,6}",
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, 1..10).prop_map(|pieces| pieces.concat())
}

/// proptest's arbitrary strings (printable characters of every script), or hostile text
/// (which brings the control and format characters that those leave out).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_text()]
}

/// Trims text and collapses each run of white space to one space, as errdoc reads cells:
/// the same `char::is_whitespace` as the parsers.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
        .prop_map(|text| collapse(&text.replace('\0', "")))
        .prop_filter("a message is not empty", |message| !message.is_empty())
}

/// A service name that is a distinct module: capitalized ASCII words, as the docs have.
fn service_name() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{1,6}( [A-Z][a-z0-9]{0,5}){0,2}"
}

/// One service with 1 to 6 rows of distinct codes, keys and variants. Rows that would
/// collide are dropped rather than rejected, so that no case is wasted.
fn page_service() -> impl Strategy<Value = PageService> {
    let row = (any::<i32>(), "[A-Z][A-Z0-9_]{0,15}", page_message());
    (service_name(), vec(row, 1..7)).prop_map(|(name, rows)| {
        let (mut codes, mut keys, mut variants) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        let rows = rows
            .into_iter()
            .filter(|(code, key, _)| {
                let variant = errdoc::ident::code_variant(key);
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

/// One to three services whose modules and `Service` variants are distinct, and none of
/// whose names is an error-code title (which the breadcrumb reader would drop).
fn page_catalog() -> impl Strategy<Value = Vec<PageService>> {
    vec(page_service(), 1..4).prop_filter("services have distinct names", |services| {
        let mut seen = BTreeSet::new();
        services.iter().all(|service| {
            let Some(module) = errdoc::ident::module_name(&service.name) else {
                return false;
            };
            let variant = errdoc::ident::service_variant(&module);
            !module.contains("code") && seen.insert(module) && seen.insert(variant)
        })
    })
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
    prop_assert_eq!(catalog.services.len(), services.len());
    for service in services {
        let module = errdoc::ident::module_name(&service.name).unwrap();
        let found = catalog.services.iter().find(|s| s.module == module);
        let found = found.ok_or_else(|| TestCaseError::fail(format!("no module {module}")))?;
        prop_assert_eq!(&found.name, &service.name);
        prop_assert_eq!(&found.path, &["AI Service", "Test", &service.name]);
        let mut expected = service.rows.clone();
        expected.sort();
        let entries: Vec<(i32, String, String)> = found
            .entries
            .iter()
            .map(|e| (e.code, e.key.clone(), e.message.clone()))
            .collect();
        prop_assert_eq!(entries, expected);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(PAGE_CASES))]

    /// Every catalog written as pages reads back unchanged, from markdown and from plain
    /// text alike.
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
    }
}

// 2. and 3. The generated code.

/// A one-service catalog built directly, so that any text can be tried, even text that no
/// page can carry: the generator must not assume what the parsers guarantee.
///
/// The first code carries `message`; the second is plain, so that the order of the tables
/// is checked too. `name`, `path` and `document` go into the service and its sources.
fn catalog(message: &str, name: &str, path: &str, document: &str) -> Catalog {
    let document: Arc<str> = document.into();
    let entry = |code, key: &str, variant: &str, message: &str| Entry {
        code,
        key: key.into(),
        variant: variant.into(),
        message: message.into(),
        sources: vec![Location {
            file: Arc::clone(&document),
            line: 5,
        }],
    };
    Catalog {
        services: vec![Service {
            name: name.into(),
            path: vec!["AI Service".into(), path.into(), name.into()],
            module: "widget".into(),
            variant: "Widget".into(),
            documents: vec![Arc::clone(&document)],
            entries: vec![
                entry(1, "ONE", "One", message),
                entry(2, "TWO", "Two", "Plain."),
            ],
        }],
        documents: vec![document],
    }
}

/// Generates and parses the file for a catalog; it must always parse.
fn generated(catalog: &Catalog) -> Result<syn::File, TestCaseError> {
    let code = errdoc::generate(catalog, &errdoc::Options::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    syn::parse_file(&code).map_err(|e| TestCaseError::fail(format!("{e}\n{code}")))
}

/// The shape of a token stream: every token as written, except literals, which are only
/// counted. Two files of one shape differ in nothing but the contents of their literals.
fn shape(tokens: TokenStream, out: &mut Vec<String>) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                out.push(format!("{:?}", group.delimiter()));
                shape(group.stream(), out);
                out.push("end".into());
            }
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Punct(punct) => out.push(punct.as_char().into()),
            TokenTree::Literal(_) => out.push("literal".into()),
        }
    }
}

/// Checks that two files have one shape, reporting the first difference in context.
fn assert_same_shape(file: &syn::File, plain: &syn::File) -> Result<(), TestCaseError> {
    let shape_of = |file: &syn::File| {
        let mut out = Vec::new();
        shape(file.to_token_stream(), &mut out);
        out
    };
    let (found, expected) = (shape_of(file), shape_of(plain));
    let differ = found
        .iter()
        .zip(&expected)
        .position(|(a, b)| a != b)
        .unwrap_or(found.len().min(expected.len()));
    let context = |tokens: &[String]| {
        let from = differ.saturating_sub(12);
        tokens[from..]
            .iter()
            .take(24)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    };
    prop_assert!(
        found == expected,
        "the file's shape changed at token {differ}:\n  found:    {}\n  expected: {}",
        context(&found),
        context(&expected)
    );
    Ok(())
}

/// Plain text as wide as `text` is when written as a string literal, to build the file a
/// harmless document would give: prettyplease breaks lines by width, so only a reference
/// of the same widths has the very same shape.
fn filler(text: &str) -> String {
    let width = proc_macro2::Literal::string(text).to_string().len() - 2;
    "x".repeat(width)
}

/// The items of the module `widget`.
fn widget(file: &syn::File) -> Result<&[syn::Item], TestCaseError> {
    file.items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(module) if module.ident == "widget" => {
                module.content.as_ref().map(|(_, items)| items.as_slice())
            }
            _ => None,
        })
        .ok_or_else(|| TestCaseError::fail("no module `widget`"))
}

/// The string literals of the array `name` (`MESSAGES`, `KEYS`) in module `widget`.
fn string_table(file: &syn::File, name: &str) -> Result<Vec<String>, TestCaseError> {
    let table = widget(file)?.iter().find_map(|item| match item {
        syn::Item::Const(constant) if constant.ident == name => Some(&*constant.expr),
        _ => None,
    });
    let Some(syn::Expr::Array(array)) = table else {
        return Err(TestCaseError::fail(format!("no array `{name}`")));
    };
    array
        .elems
        .iter()
        .map(|element| match element {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(literal),
                ..
            }) => Ok(literal.value()),
            other => Err(TestCaseError::fail(format!(
                "not a string literal: {}",
                other.to_token_stream()
            ))),
        })
        .collect()
}

/// The string literals returned by the crate-level `Service::{function}`.
fn service_strings(file: &syn::File, function: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        for item in &block.items {
            match item {
                syn::ImplItem::Fn(method) if method.sig.ident == function => {
                    collect_strings(method.block.to_token_stream(), &mut out);
                }
                _ => {}
            }
        }
    }
    out
}

/// Every string literal in a token stream, in order.
fn collect_strings(tokens: TokenStream, out: &mut Vec<String>) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => collect_strings(group.stream(), out),
            TokenTree::Literal(literal) => {
                if let Ok(syn::Lit::Str(string)) = syn::parse2(literal.into_token_stream()) {
                    out.push(string.value());
                }
            }
            _ => {}
        }
    }
}

/// The documentation of an item, as rustdoc joins its `#[doc]` attributes.
fn doc_of(attrs: &[syn::Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(meta) if meta.path.is_ident("doc") => match &meta.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(literal),
                    ..
                }) => Some(literal.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines.join("\n")
}

/// The docs of the module `widget`, its enum `ErrorCode`, and the enum's first variant.
fn widget_docs(file: &syn::File) -> Result<[String; 3], TestCaseError> {
    let module = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(module) if module.ident == "widget" => Some(doc_of(&module.attrs)),
        _ => None,
    });
    let error_code = widget(file)?.iter().find_map(|item| match item {
        syn::Item::Enum(e) if e.ident == "ErrorCode" => Some(e),
        _ => None,
    });
    let (Some(module), Some(error_code)) = (module, error_code) else {
        return Err(TestCaseError::fail("no module or enum docs"));
    };
    let variant = doc_of(&error_code.variants[0].attrs);
    Ok([module, doc_of(&error_code.attrs), variant])
}

/// What rustdoc shows for text escaped by errdoc: control characters, and the invisible
/// formatting characters that rustc denies in comments or that hide text (bidirectional
/// controls, zero-width characters, the byte-order mark), as `U+XXXX`.
fn shown(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    text.chars()
        .map(|c| {
            if c.is_control() || invisible(c) {
                format!("U+{:04X}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Checks that `doc` is nothing but paragraphs of text and code spans as rustdoc reads it
/// (its own markdown options), and that, without smart punctuation (which only changes the
/// glyphs of quotes, dashes and ellipses), each paragraph's text is the expected one, white
/// space collapsed as a browser shows it.
fn assert_plain_doc(doc: &str, expected: &[String]) -> Result<(), TestCaseError> {
    let structure = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(doc, structure | Options::ENABLE_SMART_PUNCTUATION) {
        let plain = matches!(
            event,
            Event::Start(Tag::Paragraph)
                | Event::End(TagEnd::Paragraph)
                | Event::Text(_)
                | Event::Code(_)
        );
        prop_assert!(plain, "{event:?} in the doc {doc:?}");
    }
    let mut paragraphs = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(doc, structure) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Paragraph) => paragraphs.push(collapse(&std::mem::take(&mut text))),
            _ => {}
        }
    }
    let expected: Vec<String> = expected.iter().map(|p| collapse(p)).collect();
    prop_assert_eq!(paragraphs, expected, "the doc {:?}", doc);
    Ok(())
}

proptest! {
    #![proptest_config(config(CODE_CASES))]

    /// Any message comes back from the generated file as exactly the same string literal,
    /// and the file has the same shape as for a plain message.
    #[test]
    fn literals_round_trip(message in any_text()) {
        let plain = generated(&catalog(&filler(&message), "Widget", "Tools", "widget.md"))?;
        let file = generated(&catalog(&message, "Widget", "Tools", "widget.md"))?;
        prop_assert_eq!(string_table(&file, "MESSAGES")?, [message.as_str(), "Plain."]);
        prop_assert_eq!(string_table(&file, "KEYS")?, ["ONE", "TWO"]);
        assert_same_shape(&file, &plain)?;
    }

    /// A service's name and path and a document's path, which reach literals, comments
    /// and the `// from:` header, cannot change the file's shape either.
    #[test]
    fn names_and_paths_round_trip(name in any_text(), path in any_text(), document in any_text()) {
        let plain = generated(&catalog("Plain.", &filler(&name), &filler(&path), &filler(&document)))?;
        let file = generated(&catalog("Plain.", &name, &path, &document))?;
        prop_assert_eq!(service_strings(&file, "name"), [name.as_str()]);
        prop_assert_eq!(service_strings(&file, "path"), ["AI Service", &path, &name]);
        assert_same_shape(&file, &plain)?;
        let code = errdoc::generate(&catalog("Plain.", &name, &path, &document), &errdoc::Options::default()).unwrap();
        let header: Vec<&str> = code.lines().take_while(|line| !line.is_empty()).collect();
        prop_assert_eq!(header.len(), 4, "three lines of header and one document: {:?}", header);
        prop_assert!(header.iter().all(|line| line.starts_with("//")), "{:?}", header);
    }

    /// The docs made from a message, a service name, a path and a document path are plain
    /// paragraphs that show the text.
    #[test]
    fn docs_stay_plain(
        message in any_text(),
        name in any_text(),
        path in any_text(),
        document in any_text(),
    ) {
        let file = generated(&catalog(&message, &name, &path, &document))?;
        let [module, error_code, variant] = widget_docs(&file)?;
        let (name, path, document) = (shown(&name), shown(&path), shown(&document));
        assert_plain_doc(&module, &[
            format!("Result codes of AI Service > {path} > {name}."),
            format!("Generated from {document}."),
        ])?;
        assert_plain_doc(&error_code, &[
            format!("A result code of {name}, as its documentation lists it."),
        ])?;
        assert_plain_doc(&variant, &[
            format!("1 ONE: {}", shown(&message)),
            format!("From {document}:5."),
        ])?;
    }
}

/// The doc checker itself: it must reject the markup it is there to rule out, or the
/// property above would pass vacuously.
#[test]
fn the_doc_checker_sees_markup() {
    let expected = ["1 ONE: a b".to_owned()];
    assert!(assert_plain_doc(" `1` `ONE`: a b", &expected).is_ok());
    for doc in [
        " `1` `ONE`: [a](b) b",
        " `1` `ONE`: *a* b",
        " `1` `ONE`: <a>b",
        " `1` `ONE`: a b\n```",
        " `1` `ONE`: a b\n# h",
        " `1` `ONE`: a b[^1]\n\n[^1]: x",
        " `1` `ONE`: a ~~b~~",
        " `1` `ONE`: a c",
    ] {
        assert!(assert_plain_doc(doc, &expected).is_err(), "{doc:?}");
    }
}
