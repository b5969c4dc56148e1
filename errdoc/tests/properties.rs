//! Property tests: what the fixtures under `tests/data` show for a handful of cases, held
//! over generated catalogs and hostile text.
//!
//! - `pages_round_trip`: a catalog written as markdown pages and as plain-text pages reads
//!   back, without a diagnostic, as the same services, codes, keys and messages, from either
//!   format and from both merged.
//! - `literals_round_trip`: any message, service name, path or document path comes back
//!   from the generated file exactly, inside its string literal, and never changes the
//!   file's shape (no injection).
//! - `docs_stay_plain`: the rustdoc comments made from document text are plain paragraphs
//!   that show the text, with no code block, link, HTML, heading or emphasis.
//!
//! - `nothing_lost_in_any_layout`: a page written in any layout (`layout/mod.rs`: GFM
//!   tables with or without pipes, in block quotes or list items, tab-separated tables
//!   pasted into markdown, plain-text copies; LF, CR, CRLF or mixed line endings; front
//!   matter; noise lines between rows) loses no row: each is read or named at its line,
//!   and a page without noise reads back exactly.
//!
//! Case counts are kept small so that the file runs in seconds in a debug build; set
//! `PROPTEST_CASES` to run more.

mod layout;
mod support;

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use errdoc::{Catalog, Entry, Location, Service, Source};
use proc_macro2::{TokenStream, TokenTree};
use proptest::collection::vec;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, TagEnd};
use quote::ToTokens;

/// How many catalogs the round trip through pages tries.
const PAGE_CASES: u32 = 256;
/// How many texts the generated-code properties try; each one renders one or two files.
const CODE_CASES: u32 = 128;

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
        .prop_map(|text| support::collapse(&text.replace('\0', "")))
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

// 2. and 3. The generated code.
//
// These properties do not look for particular items: the generator may lay its tables out
// as it likes (today each service's messages are one literal, cut by a table of ends).
// Instead each hostile file is held against two references generated from harmless text:
// one with a marker in place of each input, which says where each input must come back,
// and one with filler of the same widths, which must have the very same token shape.

/// The texts of one document that reach the generated code.
#[derive(Clone, Copy, Debug)]
struct Inputs<'a> {
    message: &'a str,
    name: &'a str,
    path: &'a str,
    document: &'a str,
}

/// The markers of the first reference: plain words that escaping leaves alone and that the
/// generator never writes itself.
const MARKERS: Inputs<'static> = Inputs {
    message: "ZZmessageZZ",
    name: "ZZnameZZ",
    path: "ZZpathZZ",
    document: "ZZdocumentZZ",
};

impl Inputs<'_> {
    /// The inputs with each replaced by `f` of it.
    fn map(&self, f: impl Fn(&str) -> String) -> [String; 4] {
        [self.message, self.name, self.path, self.document].map(f)
    }

    /// `template`, generated from [`MARKERS`], with each marker replaced by `show` of the
    /// input it stands for, in one pass, so that an input that happens to contain a marker
    /// is never replaced again.
    fn fill(&self, template: &str, show: impl Fn(&str) -> String) -> String {
        let markers = MARKERS.map(str::to_owned);
        let values = self.map(show);
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while !rest.is_empty() {
            match markers
                .iter()
                .position(|marker| rest.starts_with(marker.as_str()))
            {
                Some(at) => {
                    out.push_str(&values[at]);
                    rest = &rest[markers[at].len()..];
                }
                None => {
                    let c = rest.chars().next().unwrap_or_default();
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }
}

/// A one-service catalog built directly, so that any text can be tried, even text that no
/// page can carry: the generator must not assume what the parsers guarantee.
///
/// The first code carries the message; the second is plain, so that the order of the
/// tables is checked too. The service is named `name`, under `path`, listed in `document`.
fn catalog(inputs: Inputs<'_>) -> Catalog {
    let document: Arc<str> = inputs.document.into();
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
            name: inputs.name.into(),
            path: vec!["AI Service".into(), inputs.path.into(), inputs.name.into()],
            module: "widget".into(),
            variant: "Widget".into(),
            documents: vec![Arc::clone(&document)],
            entries: vec![
                entry(1, "ONE", "One", inputs.message),
                entry(2, "TWO", "Two", "Plain."),
            ],
        }],
        documents: vec![document],
    }
}

/// Generates the file for a catalog; it must always generate, and parse.
fn generated(inputs: Inputs<'_>) -> Result<(String, syn::File), TestCaseError> {
    let code = errdoc::generate(&catalog(inputs), &errdoc::Options::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let file = syn::parse_file(&code).map_err(|e| TestCaseError::fail(format!("{e}\n{code}")))?;
    Ok((code, file))
}

/// Plain text as wide as `text` is when written as a string literal: prettyplease breaks
/// lines by width, so only a reference of the same widths has the very same shape.
fn filler(text: &str) -> String {
    let width = proc_macro2::Literal::string(text).to_string().len() - 2;
    "x".repeat(width)
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
fn assert_same_shape(file: &syn::File, reference: &syn::File) -> Result<(), TestCaseError> {
    let shape_of = |file: &syn::File| {
        let mut out = Vec::new();
        shape(file.to_token_stream(), &mut out);
        out
    };
    let (found, expected) = (shape_of(file), shape_of(reference));
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

/// What a file says in text: its string literals, and the docs of its items (each the
/// item's `#[doc]` attributes joined by line breaks, as rustdoc reads them), in order.
#[derive(Debug, Default)]
struct Texts {
    strings: Vec<String>,
    docs: Vec<String>,
}

impl Texts {
    fn of(file: &syn::File) -> Texts {
        let mut texts = Texts::default();
        let mut doc = Vec::new();
        texts.walk(file.to_token_stream(), &mut doc);
        texts.flush(&mut doc);
        texts
    }

    fn walk(&mut self, tokens: TokenStream, doc: &mut Vec<String>) {
        let mut trees = tokens.into_iter().peekable();
        while let Some(tree) = trees.next() {
            match tree {
                TokenTree::Punct(punct) if punct.as_char() == '#' => {
                    let line = match trees.peek() {
                        Some(TokenTree::Group(group)) => doc_line(group.stream()),
                        _ => None,
                    };
                    if let Some(line) = line {
                        trees.next();
                        doc.push(line);
                        continue;
                    }
                }
                TokenTree::Group(group) => {
                    self.flush(doc);
                    self.walk(group.stream(), doc);
                }
                TokenTree::Literal(literal) => {
                    if let Ok(syn::Lit::Str(string)) = syn::parse2(literal.into_token_stream()) {
                        self.strings.push(string.value());
                    }
                }
                _ => {}
            }
            self.flush(doc);
        }
    }

    /// Ends the doc being collected, if any.
    fn flush(&mut self, doc: &mut Vec<String>) {
        if !doc.is_empty() {
            self.docs.push(std::mem::take(doc).join("\n"));
        }
    }
}

/// The text of a `doc = "…"` attribute's inside, or `None` for any other attribute.
fn doc_line(tokens: TokenStream) -> Option<String> {
    let meta: syn::MetaNameValue = syn::parse2(tokens).ok()?;
    match meta.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(string),
            ..
        }) if meta.path.is_ident("doc") => Some(string.value()),
        _ => None,
    }
}

/// What rustdoc shows for text escaped by errdoc: control characters, and the invisible
/// formatting characters that rustc denies in comments or that hide text (bidirectional
/// controls, zero-width characters, the soft hyphen, the line and paragraph separators,
/// the byte-order mark), as `U+XXXX`.
fn shown(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
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

/// rustdoc's markdown options, but smart punctuation, which only changes the glyphs of
/// quotes, dashes and ellipses, never the structure.
const RUSTDOC: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// The markdown structure of a doc as rustdoc reads it (smart punctuation on): every
/// event but text, whose content only is left out, and runs of text counted as one.
fn structure(doc: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in Parser::new_ext(doc, RUSTDOC | Options::ENABLE_SMART_PUNCTUATION) {
        let item = match event {
            Event::Text(_) => "text".to_owned(),
            other => format!("{other:?}"),
        };
        if item != "text" || out.last().is_none_or(|last| last != "text") {
            out.push(item);
        }
    }
    out
}

/// The text a reader sees in each block of a doc (smart punctuation off), white space
/// collapsed as a browser shows it.
fn blocks(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(doc, RUSTDOC) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                out.push(support::collapse(&std::mem::take(&mut text)));
            }
            _ => {}
        }
    }
    out
}

/// Checks that a doc made from `inputs` has the markdown structure of `template`, the same
/// doc made from the markers (no code block, link, HTML, heading, emphasis or break that
/// the template does not have), and shows each input where the template has its marker.
fn assert_doc_like(doc: &str, template: &str, inputs: Inputs<'_>) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        structure(doc),
        structure(template),
        "the doc {:?} is not shaped like {:?}",
        doc,
        template
    );
    let expected: Vec<String> = blocks(template)
        .iter()
        .map(|block| support::collapse(&inputs.fill(block, shown)))
        .collect();
    prop_assert_eq!(blocks(doc), expected, "the doc {:?}", doc);
    Ok(())
}

/// The texts of the marked reference, which is the same for every case, so made once.
fn marked() -> &'static Texts {
    static MARKED: OnceLock<Texts> = OnceLock::new();
    MARKED.get_or_init(|| {
        let (_, file) = generated(MARKERS).expect("the marked reference generates");
        Texts::of(&file)
    })
}

/// The two files of one case: the hostile one and the one with filler of the same widths.
fn files(inputs: Inputs<'_>) -> Result<[(String, syn::File); 2], TestCaseError> {
    let fillers = inputs.map(filler);
    let [message, name, path, document] = fillers.each_ref().map(String::as_str);
    let wide = Inputs {
        message,
        name,
        path,
        document,
    };
    Ok([generated(inputs)?, generated(wide)?])
}

/// Hostile text for every input, or for the message alone with the rest plain.
fn inputs() -> impl Strategy<Value = [String; 4]> {
    prop_oneof![
        (any_text(), any_text(), any_text(), any_text()).prop_map(|(m, n, p, d)| [m, n, p, d]),
        any_text().prop_map(|m| [m, "Widget".into(), "Tools".into(), "widget.md".into()]),
    ]
}

fn as_inputs(texts: &[String; 4]) -> Inputs<'_> {
    Inputs {
        message: &texts[0],
        name: &texts[1],
        path: &texts[2],
        document: &texts[3],
    }
}

proptest! {
    #![proptest_config(config(CODE_CASES))]

    /// Any message, service name, path and document path comes back from the generated
    /// file exactly, inside the string literals where the marked reference has its marker;
    /// the file has the shape of the filler one (nothing injected); and the header names
    /// the one document on one comment line.
    #[test]
    fn literals_round_trip(texts in inputs()) {
        let inputs = as_inputs(&texts);
        let [(code, file), (_, wide)] = files(inputs)?;
        assert_same_shape(&file, &wide)?;
        let expected: Vec<String> = marked()
            .strings
            .iter()
            .map(|string| inputs.fill(string, str::to_owned))
            .collect();
        prop_assert_eq!(Texts::of(&file).strings, expected);
        let header: Vec<&str> = code.lines().take_while(|line| !line.is_empty()).collect();
        prop_assert_eq!(header.len(), 4, "three lines of header and one document: {:?}", header);
        prop_assert!(header.iter().all(|line| line.starts_with("//")), "{:?}", header);
    }

    /// Every rustdoc comment made from the inputs is shaped like the marked reference's
    /// and shows the inputs as text: no code block, link, HTML, heading or emphasis opens,
    /// and nothing is swallowed.
    #[test]
    fn docs_stay_plain(texts in inputs()) {
        let inputs = as_inputs(&texts);
        let (_, file) = generated(inputs)?;
        let (docs, templates) = (Texts::of(&file).docs, &marked().docs);
        for marker in MARKERS.map(str::to_owned) {
            let used = templates.iter().any(|template| template.contains(&marker));
            prop_assert!(used, "no doc shows {}, so none is checked", marker);
        }
        prop_assert_eq!(docs.len(), templates.len());
        for (doc, template) in docs.iter().zip(templates) {
            assert_doc_like(doc, template, inputs)?;
        }
    }
}

/// The doc checker itself: it must reject the markup it is there to rule out, or the
/// property above would pass vacuously.
#[test]
fn the_doc_checker_sees_markup() {
    let template = " `1` `ONE`: ZZmessageZZ\n\n From ZZdocumentZZ:5.";
    let inputs = Inputs {
        message: "a b",
        ..MARKERS
    };
    let check = |doc: &str| assert_doc_like(doc, template, inputs);
    assert!(check(" `1` `ONE`: a b\n\n From ZZdocumentZZ:5.").is_ok());
    for doc in [
        " `1` `ONE`: [a](b) b\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: *a* b\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: <a>b\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a b\n```\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a b\n# h\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a b[^1]\n\n[^1]: x\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a ~~b~~\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a c\n\n From ZZdocumentZZ:5.",
        " `1` `ONE`: a b",
    ] {
        assert!(check(doc).is_err(), "{doc:?}");
    }
}

// 4. Nothing lost, in any layout.

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
            .map(|(code, key, message)| (code, key, support::collapse(&message)))
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
