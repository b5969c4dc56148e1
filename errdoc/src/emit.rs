//! The emit stage: a [`Catalog`] in, Rust tokens out.
//!
//! Built with `quote!` only, one function per emitted item group. Text from a document
//! reaches the output solely as a string literal token or a `#[doc]` literal whose
//! markdown is escaped, so no document can inject code or break rustdoc. The output is
//! self-contained (it is `include!`d, or committed by SDKs that avoid build scripts), uses
//! only `core`, has no inner attributes at its top level and no `unsafe`.
//!
//! Per service it writes a module with an `ErrorCode`: an open newtype over the raw code,
//! with one associated constant per listed code that has a key, usable in `match`
//! patterns; a keyless code has no name, but is in `ALL` and every lookup by code. Its
//! size in tokens grows by one constant per keyed code and nothing else: the tables
//! behind the lookups are a few literals per service (`tables.rs` lays them out; a column
//! that no code of the service has, such as descriptions in most documents, is one
//! token), and every method is a one-line call into the runtime (`runtime.rs`), which the
//! file carries once. So a large catalog compiles in seconds (BENCHMARKS.md, "The
//! generated code"), and `code()`, `key()`, `message()`, `description()`, `from_code` and
//! `from_key` are a table read or one hash probe. They are `#[inline]`:
//! SDKs call them from another crate, and a call that cannot be inlined costs as much as
//! the probe; and an `#[inline]` function is compiled only where it is used, so a service
//! that an SDK does not call costs no code generation.

mod runtime;
mod tables;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::escape::is_invisible_or_control;
use crate::lower::{Catalog, Entry, Service};

/// Choices about the generated code that the documents do not make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The cargo feature of the including crate that turns on `serde` support: when set,
    /// each `ErrorCode` implements `Serialize` and `Deserialize` under
    /// `#[cfg(feature = "…")]`; when `None`, the generated code does not mention serde.
    pub serde_feature: Option<String>,
}

/// The runtime's source, which every generated file carries as its `__errdoc` module.
const RUNTIME: &str = include_str!("emit/runtime.rs");

/// Emits the generated items: the crate-level items, then one module per service. The
/// runtime they call is [`runtime_module`], which the render stage appends as text.
pub(crate) fn emit(catalog: &Catalog, options: &Options) -> TokenStream {
    let service_enum = emit_service_enum(catalog);
    let entry = emit_entry();
    let unknown_key = emit_unknown_key();
    let listed = catalog.code_count() <= tables::LISTED_LIMIT;
    let modules = catalog
        .services
        .iter()
        .map(|service| emit_service(service, listed, options));
    quote! {
        #service_enum
        #entry
        #unknown_key
        #(#modules)*
    }
}

/// The `__errdoc` module, from the runtime's own text: its module docs explain the layout
/// to whoever reads the generated file, and its comments stay. It is errdoc's source, never
/// a document's text, so nothing can be injected through it.
///
/// Private to the including module: its name starts with `__`, which no service module's
/// can (module names are snake case from letters and digits).
pub(crate) fn runtime_module() -> String {
    let mut out = String::with_capacity(RUNTIME.len() + RUNTIME.len() / 8);
    out.push_str("mod __errdoc {\n");
    for line in RUNTIME.lines() {
        if !line.is_empty() {
            out.push_str("    ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str("}\n");
    out
}

/// The crate-level `Service` enum: every service, its names, and its entries by code or key.
fn emit_service_enum(catalog: &Catalog) -> TokenStream {
    let services = &catalog.services;
    let variants: Vec<Ident> = services.iter().map(|s| ident(&s.variant)).collect();
    let modules: Vec<Ident> = services.iter().map(|s| ident(&s.module)).collect();
    let module_names = services.iter().map(|s| &s.module);
    let names = services.iter().map(|s| &s.name);
    let paths = services.iter().map(|s| {
        let segments = &s.path;
        quote!(&[#(#segments),*])
    });
    let docs = services.iter().map(|s| {
        doc(&format!(
            "{}: the codes in [`{}::ErrorCode`].",
            markdown_escape(&s.path.join(" > ")),
            s.module
        ))
    });
    quote! {
        /// A service whose result codes this crate knows, for going from a service and a raw
        /// code to its key and message without naming the service's module.
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Service {
            #(#docs #variants,)*
        }

        impl Service {
            /// Every service, sorted by module name.
            pub const ALL: &'static [Service] = &[#(Service::#variants),*];

            /// The service's name, the last segment of its breadcrumb (`Document OCR`).
            pub const fn name(self) -> &'static str {
                match self { #(Service::#variants => #names,)* }
            }

            /// The service's breadcrumb path, without the error-code title.
            pub const fn path(self) -> &'static [&'static str] {
                match self { #(Service::#variants => #paths,)* }
            }

            /// The name of the service's module (`document_ocr`).
            pub const fn module(self) -> &'static str {
                match self { #(Service::#variants => #module_names,)* }
            }

            /// The service whose module is named `module`.
            pub fn from_module(module: &str) -> ::core::option::Option<Service> {
                Service::ALL.iter().copied().find(|service| service.module() == module)
            }

            /// Every code the service's documents list, in code order, with a key or
            /// without.
            pub fn entries(self) -> impl ::core::iter::Iterator<Item = Entry> {
                (0..self.table().len()).filter_map(move |row| self.entry_at(row as u32))
            }

            /// The listed code `code` of this service, or `None` if its documents do not list it.
            #[inline]
            pub const fn entry(self, code: i32) -> ::core::option::Option<Entry> {
                self.entry_at(self.table().row_of_code(code))
            }

            /// The listed code of this service whose key is `key`, if its documents list it.
            #[inline]
            pub const fn entry_by_key(self, key: &str) -> ::core::option::Option<Entry> {
                match self.table().row_of_key(key) {
                    ::core::option::Option::Some(row) => self.entry_at(row),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// The entry at `row` of the service's table, or `None` for an unlisted code.
            #[inline]
            const fn entry_at(self, row: u32) -> ::core::option::Option<Entry> {
                if row == __errdoc::UNLISTED {
                    return ::core::option::Option::None;
                }
                let table = self.table();
                ::core::option::Option::Some(Entry {
                    service: self,
                    code: table.code(row),
                    key: table.key(row),
                    message: table.message(row),
                    description: table.description(row),
                })
            }

            /// The tables of the service's codes.
            const fn table(self) -> &'static __errdoc::Table {
                match self { #(Service::#variants => &#modules::TABLE,)* }
            }
        }

        impl ::core::fmt::Display for Service {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

/// The crate-level `Entry`: one listed code of any service, and its `Display`.
fn emit_entry() -> TokenStream {
    quote! {
        /// One listed result code of one service, for code that handles every service alike.
        ///
        /// A listed code has a message, a description or both; a code without a key has no
        /// constant in its service's `ErrorCode`, and is found by its number only.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Entry {
            /// The service that defines the code.
            pub service: Service,
            /// The numeric code.
            pub code: i32,
            /// The code's key (`INVALID_UUID`), if the documents give one.
            pub key: ::core::option::Option<&'static str>,
            /// The code's message, as documented, if the documents give one.
            pub message: ::core::option::Option<&'static str>,
            /// The code's first description, documentation beside its message, if the
            /// documents give one.
            pub description: ::core::option::Option<&'static str>,
        }

        impl ::core::fmt::Display for Entry {
            /// Writes the service, the code and its key (`Document OCR 4010002
            /// INVALID_UUID`), then after a colon the message (`: Invalid uuid.`) and the
            /// description after a dash (` — Exceeding the maximum number of groups`), or
            /// whichever of the two the code has; a keyless code goes without the key.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{} {}", self.service, self.code)?;
                if let ::core::option::Option::Some(key) = self.key {
                    ::core::write!(f, " {key}")?;
                }
                match (self.message, self.description) {
                    (::core::option::Option::Some(message), ::core::option::Option::Some(description)) => {
                        ::core::write!(f, ": {message} — {description}")
                    }
                    (::core::option::Option::Some(text), ::core::option::Option::None)
                    | (::core::option::Option::None, ::core::option::Option::Some(text)) => {
                        ::core::write!(f, ": {text}")
                    }
                    (::core::option::Option::None, ::core::option::Option::None) => {
                        ::core::result::Result::Ok(())
                    }
                }
            }
        }
    }
}

/// The crate-level error of parsing a key that a service does not list.
fn emit_unknown_key() -> TokenStream {
    quote! {
        /// The error of parsing a key that a service's documents do not list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct UnknownKey;

        impl ::core::fmt::Display for UnknownKey {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("unknown result key")
            }
        }

        impl ::core::error::Error for UnknownKey {}
    }
}

/// One service's module: its `ErrorCode` with its constants, methods and trait impls,
/// then the table they read. Everything but the constants and the table is the same few
/// one-line items in every service, each a call into the runtime, so that a service costs
/// the compiler little beyond its codes.
fn emit_service(service: &Service, listed: bool, options: &Options) -> TokenStream {
    let module = ident(&service.module);
    let path = markdown_escape(&service.path.join(" > "));
    let files: Vec<String> = service
        .files
        .iter()
        .map(|file| markdown_escape(file))
        .collect();
    let module_doc = doc(&format!(
        "Result codes of {path}.\n\nGenerated from {}.",
        files.join(", ")
    ));
    let error_code = emit_error_code(service);
    let constants = emit_constants(service);
    let methods = emit_methods(service);
    let traits = emit_traits();
    let serde = options.serde_feature.as_deref().map(emit_serde);
    let table = emit_table(service, listed);
    quote! {
        #module_doc
        pub mod #module {
            #error_code
            #constants
            #methods
            #traits
            #serde
            #table
        }
    }
}

/// The `ErrorCode` type of a service.
fn emit_error_code(service: &Service) -> TokenStream {
    let name = markdown_escape(&service.name);
    let type_doc = doc(&format!(
        "A result code of {name}: one its documentation lists, or any other number\n\
         the server sends, kept whole.\n\n\
         Match listed codes by name and every other code with `_`, reading its number\n\
         with [`code`](Self::code). A code that the documents do not list yet falls into\n\
         `_`, and stays there when a later version of them lists it: updating this crate\n\
         never changes which arm of a `match` a code takes."
    ));
    quote! {
        #type_doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct ErrorCode {
            /// The raw code, as the server sent it.
            code: i32,
            /// The code's row in [`TABLE`], or the runtime's `UNLISTED`.
            row: u32,
        }
    }
}

/// One associated constant per listed code with a key, usable in `match` patterns; a
/// keyless code has no name to give one. A constant's row is its code's row in the table,
/// which holds every listed code.
fn emit_constants(service: &Service) -> TokenStream {
    let constants = (0u32..).zip(&service.entries).filter_map(|(row, entry)| {
        let name = ident(entry.variant()?);
        let doc = entry_doc(entry);
        let code = code_literal(entry.code);
        let row = Literal::u32_unsuffixed(row);
        Some(quote! {
            #doc
            pub const #name: ErrorCode = ErrorCode { code: #code, row: #row };
        })
    });
    quote! {
        #[allow(non_upper_case_globals)]
        impl ErrorCode {
            #(#constants)*
        }
    }
}

/// The lookups of `ErrorCode`, each a call into the service's table.
fn emit_methods(service: &Service) -> TokenStream {
    let service_variant = ident(&service.variant);
    quote! {
        impl ErrorCode {
            /// Every code the documents list, in code order, with a key or without.
            pub const ALL: &'static [ErrorCode] = &{
                let mut all = [ErrorCode { code: 0, row: 0 }; TABLE.len()];
                let mut row = 0;
                while row < all.len() {
                    all[row] = ErrorCode { code: TABLE.code(row as u32), row: row as u32 };
                    row += 1;
                }
                all
            };

            /// The service that defines these codes.
            pub const SERVICE: super::Service = super::Service::#service_variant;

            /// The code for a number, listed or not: a number the documents do not list
            /// is kept whole, and matches only `_`.
            #[inline]
            pub const fn from_code(code: i32) -> ErrorCode {
                ErrorCode { code, row: TABLE.row_of_code(code) }
            }

            /// The listed code whose key is `key` (`INVALID_UUID`), or `None`.
            #[inline]
            pub const fn from_key(key: &str) -> ::core::option::Option<ErrorCode> {
                match TABLE.row_of_key(key) {
                    ::core::option::Option::Some(row) => {
                        ::core::option::Option::Some(ErrorCode { code: TABLE.code(row), row })
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// The numeric code, as the API returns it in `resultCode`.
            #[inline]
            pub const fn code(self) -> i32 {
                self.code
            }

            /// The key, as the API returns it in `resultKey`, if the documents list the code
            /// with one.
            #[inline]
            pub const fn key(self) -> ::core::option::Option<&'static str> {
                TABLE.key(self.row)
            }

            /// The message, as the documentation gives it, if the documents list the code
            /// with one.
            #[inline]
            pub const fn message(self) -> ::core::option::Option<&'static str> {
                TABLE.message(self.row)
            }

            /// The first description, documentation beside the message, if the documents
            /// list the code with one.
            #[inline]
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                TABLE.description(self.row)
            }

            /// The code as a crate-level entry, if the documents list it.
            #[inline]
            pub const fn entry(self) -> ::core::option::Option<super::Entry> {
                ErrorCode::SERVICE.entry_at(self.row)
            }
        }
    }
}

/// The trait impls of `ErrorCode`: the same one-line bodies in every service.
fn emit_traits() -> TokenStream {
    quote! {
        impl ::core::fmt::Debug for ErrorCode {
            /// `INVALID_UUID(4010002)` for a listed code with a key, `ErrorCode(4999999)`
            /// for another.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                TABLE.debug(self.code, self.row, f)
            }
        }

        impl ::core::fmt::Display for ErrorCode {
            /// Writes the key, the code and the message (`INVALID_UUID (4010002): Invalid
            /// uuid.`), or the description for a code without a message; a code without a
            /// key goes without it (`4000005: …`), and a code the documents do not list is
            /// its number.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                TABLE.display(self.code, self.row, f)
            }
        }

        impl ::core::error::Error for ErrorCode {}

        impl ::core::convert::From<i32> for ErrorCode {
            #[inline]
            fn from(code: i32) -> ErrorCode {
                ErrorCode::from_code(code)
            }
        }

        impl ::core::convert::From<ErrorCode> for i32 {
            #[inline]
            fn from(code: ErrorCode) -> i32 {
                code.code
            }
        }

        impl ::core::str::FromStr for ErrorCode {
            type Err = super::UnknownKey;

            /// Parses a key (`INVALID_UUID`), not a number.
            #[inline]
            fn from_str(key: &str) -> ::core::result::Result<ErrorCode, super::UnknownKey> {
                match ErrorCode::from_key(key) {
                    ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                    ::core::option::Option::None => ::core::result::Result::Err(super::UnknownKey),
                }
            }
        }
    }
}

/// The service's table, after everything that reads it.
fn emit_table(service: &Service, listed: bool) -> TokenStream {
    let table = tables::Columns::new(&service.entries, listed).to_tokens();
    quote! {
        /// The tables behind the lookups; the runtime's module docs give their layout.
        pub(super) const TABLE: super::__errdoc::Table = #table;
    }
}

/// `serde` support under the including crate's feature: an `ErrorCode` is its number on
/// the wire, and any number deserializes, listed or not.
fn emit_serde(feature: &str) -> TokenStream {
    quote! {
        #[cfg(feature = #feature)]
        impl ::serde::Serialize for ErrorCode {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.code)
            }
        }

        #[cfg(feature = #feature)]
        impl<'de> ::serde::Deserialize<'de> for ErrorCode {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<ErrorCode, D::Error> {
                let code = <i32 as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                ::core::result::Result::Ok(ErrorCode::from_code(code))
            }
        }
    }
}

/// The doc comment of one code: code, key and message, then each description with its
/// section, then where they come from.
fn entry_doc(entry: &Entry) -> TokenStream {
    let mut text = format!("`{}`", entry.code);
    if let Some(key) = entry.key() {
        // A key is an identifier: it holds no backtick.
        text.push_str(&format!(" `{key}`"));
    }
    if let Some(message) = entry.message() {
        text.push_str(&format!(": {}", markdown_escape(message)));
    }
    // Each description is a paragraph of its own, which its section or its text starts.
    for description in entry.descriptions() {
        let paragraph = match description.section() {
            Some(section) => format!(
                "{}: {}",
                paragraph_escape(section),
                markdown_escape(description.text())
            ),
            None => paragraph_escape(description.text()),
        };
        text.push_str(&format!("\n\n{paragraph}"));
    }
    let locations: Vec<String> = entry
        .locations
        .iter()
        .map(|s| format!("{}:{}", markdown_escape(&s.file), s.line))
        .collect();
    text.push_str(&format!("\n\nFrom {}.", locations.join(", ")));
    doc(&text)
}

/// `#[doc = " line"]` attributes, one per line, so prettyplease prints `/// line` comments.
fn doc(text: &str) -> TokenStream {
    let lines = text.split('\n').map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

/// Escapes text for the middle of a rustdoc line: each character that could open inline
/// markup (emphasis, code, links, HTML, entities, strikethrough, URLs) gets a backslash, and
/// control and invisible formatting characters are shown as `U+XXXX`: the same set the
/// command line escapes, among them the bidirectional controls that rustc denies in comments
/// (`text_direction_codepoint_in_comment`) because they can make code read differently from
/// how it compiles. String literals escape them themselves.
///
/// Every doc line the generator writes starts with its own words, so block markup (fences,
/// headings, lists) cannot start inside a message; and the text is one line, since cells
/// have their white space collapsed.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | ':' => {
                out.push('\\');
                out.push(c);
            }
            c if is_invisible_or_control(c) => {
                out.push_str(&format!("U+{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text that starts a rustdoc paragraph: [`markdown_escape`], without leading
/// spaces (four would open a code block; a reader sees none), and a backslash before a
/// first character that would open a block there (`#` a heading; `-`, `+` a list or a
/// thematic break; `1.` or `1)` an ordered list). The other block markers (`>`, `*`, `|`,
/// `<`, `` ` ``, `~`, `[`) are escaped wherever they stand.
fn paragraph_escape(text: &str) -> String {
    let mut out = markdown_escape(text.trim_start_matches(' '));
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if matches!(out.as_bytes().first(), Some(b'#' | b'-' | b'+')) {
        out.insert(0, '\\');
    } else if (1..=9).contains(&digits) && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    }
    out
}

/// A code as an unsuffixed literal (`-1`, not `-1i32`), its type given by the field.
fn code_literal(code: i32) -> TokenStream {
    let magnitude = Literal::u32_unsuffixed(code.unsigned_abs());
    if code < 0 {
        quote!(-#magnitude)
    } else {
        quote!(#magnitude)
    }
}

/// An identifier the lower stage has already made valid.
fn ident(name: &str) -> Ident {
    format_ident!("{}", name, span = Span::call_site())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::lower::{Description, Location};

    /// An entry of code 4000005 read from `a.md`, line 7, with `key`, `message` and
    /// `descriptions`, each `(section, text)`.
    fn entry(
        key: Option<&str>,
        message: Option<&str>,
        descriptions: &[(Option<&str>, &str)],
    ) -> Entry {
        Entry {
            code: 4_000_005,
            key: key.map(str::to_owned),
            variant: key.map(crate::ident::code_variant),
            message: message.map(str::to_owned),
            descriptions: descriptions
                .iter()
                .map(|&(section, text)| Description {
                    section: section.map(Arc::from),
                    text: text.to_owned(),
                })
                .collect(),
            locations: vec![Location {
                file: Arc::from("a.md"),
                line: 7,
                section: None,
            }],
        }
    }

    /// The lines of a doc comment, as `///` comments show them.
    fn doc_lines(tokens: &TokenStream) -> Vec<String> {
        let item: syn::ItemConst =
            syn::parse2(quote!(#tokens const X: () = ();)).expect("doc attributes on an item");
        item.attrs
            .iter()
            .map(|attr| match &attr.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(text),
                            ..
                        }),
                    ..
                }) => text.value(),
                other => panic!("not a doc line: {}", quote!(#other)),
            })
            .collect()
    }

    #[test]
    fn a_constant_shows_its_message_then_each_description_with_its_section() {
        let entry = entry(
            Some("TOO_MANY_GROUPS"),
            Some("Too many groups."),
            &[
                (
                    Some("Create group"),
                    "Exceeding the maximum number of groups",
                ),
                (None, "Deleting: not_a_group"),
            ],
        );
        assert_eq!(
            doc_lines(&entry_doc(&entry)),
            [
                " `4000005` `TOO_MANY_GROUPS`: Too many groups.",
                "",
                " Create group: Exceeding the maximum number of groups",
                "",
                " Deleting\\: not\\_a\\_group",
                "",
                " From a.md:7.",
            ]
        );
    }

    #[test]
    fn a_code_without_a_message_or_a_key_shows_what_it_has() {
        let described = entry(Some("FULL"), None, &[(None, "The disk is full.")]);
        assert_eq!(
            doc_lines(&entry_doc(&described)),
            [
                " `4000005` `FULL`",
                "",
                " The disk is full.",
                "",
                " From a.md:7."
            ]
        );
        let keyless = entry(None, Some("Full."), &[]);
        assert_eq!(
            doc_lines(&entry_doc(&keyless)),
            [" `4000005`: Full.", "", " From a.md:7."]
        );
    }

    #[test]
    fn a_paragraph_cannot_open_a_block() {
        let cases = [
            ("# Heading", "\\# Heading"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("---", "\\---"),
            ("1. item", "1\\. item"),
            ("123456789) item", "123456789\\) item"),
            // Ten digits do not make a list item.
            ("1234567890. item", "1234567890. item"),
            ("2024 release", "2024 release"),
            ("> quote", "\\> quote"),
            ("`code`", "\\`code\\`"),
            ("Plain text.", "Plain text."),
            ("     # indented", "\\# indented"),
            ("", ""),
        ];
        for (text, escaped) in cases {
            assert_eq!(paragraph_escape(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn only_keyed_codes_get_a_constant_and_every_code_a_row() {
        let mut service_entries = vec![
            entry(Some("ONE"), Some("One."), &[]),
            entry(None, Some("Two."), &[]),
            entry(Some("THREE"), None, &[(None, "Three.")]),
        ];
        for (code, entry) in (1..).zip(&mut service_entries) {
            entry.code = code;
        }
        let service = Service {
            name: "Widget".to_owned(),
            path: vec!["Cloud".to_owned(), "Widget".to_owned()],
            module: "widget".to_owned(),
            variant: "Widget".to_owned(),
            files: vec![Arc::from("a.md")],
            entries: service_entries,
        };
        let constants = emit_constants(&service).to_string();
        assert!(constants.contains("pub const One : ErrorCode = ErrorCode { code : 1 , row : 0 }"));
        assert!(
            constants.contains("pub const Three : ErrorCode = ErrorCode { code : 3 , row : 2 }")
        );
        assert_eq!(constants.matches("pub const").count(), 2, "{constants}");
    }

    /// The generated file's `__errdoc` module is the runtime's own source, item for item:
    /// the copy is indented text, so it must parse as one module whose items are exactly
    /// those of `runtime.rs`, with its module docs.
    #[test]
    fn the_runtime_module_is_the_runtime_source() {
        let copy = syn::parse_file(&runtime_module()).expect("the runtime module parses");
        let source = syn::parse_file(RUNTIME).expect("runtime.rs parses");
        let [syn::Item::Mod(module)] = copy.items.as_slice() else {
            panic!("one module, not {} items", copy.items.len());
        };
        assert_eq!(module.ident, "__errdoc");
        assert!(matches!(module.vis, syn::Visibility::Inherited), "private");
        let (_, items) = module.content.as_ref().expect("an inline module");
        let tokens = |items: &[syn::Item]| quote!(#(#items)*).to_string();
        assert_eq!(tokens(items), tokens(&source.items));
        let attrs = |attrs: &[syn::Attribute]| quote!(#(#attrs)*).to_string();
        assert_eq!(
            attrs(&module.attrs),
            attrs(&source.attrs),
            "the module docs and lint attributes"
        );
    }
}
