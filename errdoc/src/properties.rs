//! Property tests of the generated code, over catalogs built by hand.
//!
//! They live inside the crate because a [`Catalog`] can be built only by [`check`](crate::check)
//! from outside it, and these catalogs must hold text that no page can carry (any service
//! name under a fixed module, any path segment, control characters in a message): the
//! generator must not rely on what the parsers guarantee for its escaping.
//!
//! - `literals_round_trip`: any message, description, service name, path or document path
//!   comes back from the generated file exactly, inside its string literal, and never
//!   changes the file's shape (no injection).
//! - `docs_stay_plain`: the rustdoc comments made from document text are plain paragraphs
//!   that show the text, with no code block, link, HTML, heading or emphasis.
//!
//! Case counts are kept small so that they run in seconds in a debug build; set
//! `PROPTEST_CASES` to run more.

// The hostile text is shared with the integration tests' properties.
#[path = "../tests/support/text.rs"]
mod text;

use std::sync::{Arc, OnceLock};

use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, TagEnd};
use quote::ToTokens;

use crate::{Catalog, Description, Entry, Location, Service};
use text::{any_text, collapse, config};

/// How many texts the generated-code properties try; each one renders one or two files.
const CODE_CASES: u32 = 128;

// These properties do not look for particular items: the generator may lay its tables out
// as it likes (today each service's messages are one literal, cut by a table of ends).
// Instead each hostile file is held against two references generated from harmless text:
// one with a marker in place of each input, which says where each input must come back,
// and one with filler of the same widths, which must have the very same token shape.

/// The texts of one document that reach the generated code.
#[derive(Clone, Copy, Debug)]
struct Inputs<'a> {
    message: &'a str,
    /// A description without a section, which starts its doc paragraph.
    description: &'a str,
    /// The section of another description, which starts its doc paragraph.
    section: &'a str,
    name: &'a str,
    path: &'a str,
    document: &'a str,
}

/// The markers of the first reference: plain words that escaping leaves alone and that the
/// generator never writes itself.
const MARKERS: Inputs<'static> = Inputs {
    message: "ZZmessageZZ",
    description: "ZZdescriptionZZ",
    section: "ZZsectionZZ",
    name: "ZZnameZZ",
    path: "ZZpathZZ",
    document: "ZZdocumentZZ",
};

impl Inputs<'_> {
    /// The inputs with each replaced by `f` of it.
    fn map(&self, f: impl Fn(&str) -> String) -> [String; 6] {
        [
            self.message,
            self.description,
            self.section,
            self.name,
            self.path,
            self.document,
        ]
        .map(f)
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
/// The first code carries the message and the descriptions (the one without a section
/// first, so that it is the code's `description()`); the second is plain and keyless, so
/// that the order of the tables is checked too, and a row without a key or a description.
/// The service is named `name`, under `path`, listed in `document`.
fn catalog(inputs: Inputs<'_>) -> Catalog {
    let document: Arc<str> = inputs.document.into();
    let entry = |code, key: Option<&str>, message: &str| Entry {
        code,
        key: key.map(Into::into),
        variant: key.map(crate::ident::code_variant),
        message: Some(message.into()),
        descriptions: Vec::new(),
        locations: vec![Location {
            file: Arc::clone(&document),
            line: 5,
            section: None,
        }],
    };
    let mut first = entry(1, Some("ONE"), inputs.message);
    first.descriptions = vec![
        Description {
            section: None,
            text: inputs.description.into(),
        },
        Description {
            section: Some(inputs.section.into()),
            text: "Plain description.".into(),
        },
    ];
    Catalog {
        services: vec![Service {
            name: inputs.name.into(),
            path: vec!["AI Service".into(), inputs.path.into(), inputs.name.into()],
            module: "widget".into(),
            variant: "Widget".into(),
            files: vec![Arc::clone(&document)],
            entries: vec![first, entry(2, None, "Plain.")],
        }],
        files: vec![document],
    }
}

/// Generates the file for a catalog; it must always generate, and parse.
fn generated(inputs: Inputs<'_>) -> Result<(String, syn::File), TestCaseError> {
    let code = crate::generate(&catalog(inputs), &crate::Options::default())
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
                out.push(collapse(&std::mem::take(&mut text)));
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
        .map(|block| collapse(&inputs.fill(block, shown)))
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
    let [message, description, section, name, path, document] =
        fillers.each_ref().map(String::as_str);
    let wide = Inputs {
        message,
        description,
        section,
        name,
        path,
        document,
    };
    Ok([generated(inputs)?, generated(wide)?])
}

/// Hostile text for every input, or for the message alone with the rest plain. A
/// description is never blank, as in every catalog: a blank one would be an empty
/// paragraph, which rustdoc drops.
fn inputs() -> impl Strategy<Value = [String; 6]> {
    let description = any_text().prop_filter("a description has text", |text| {
        !text.trim_matches(' ').is_empty()
    });
    let plain = ["Described.", "Section", "Widget", "Tools", "widget.md"].map(String::from);
    prop_oneof![
        (
            (any_text(), description, any_text()),
            (any_text(), any_text(), any_text())
        )
            .prop_map(|((m, d, s), (n, p, f))| [m, d, s, n, p, f]),
        any_text().prop_map(move |m| {
            let [d, s, n, p, f] = plain.clone();
            [m, d, s, n, p, f]
        }),
    ]
}

fn as_inputs(texts: &[String; 6]) -> Inputs<'_> {
    Inputs {
        message: &texts[0],
        description: &texts[1],
        section: &texts[2],
        name: &texts[3],
        path: &texts[4],
        document: &texts[5],
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
