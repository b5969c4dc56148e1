//! The emit stage: a [`Catalog`] in, Rust tokens out.
//!
//! Built with `quote!` only. Text from a document reaches the output solely as a string
//! literal token or a `#[doc]` literal whose markdown is escaped, so no document can inject
//! code or break rustdoc. The output is self-contained (it is `include!`d, or committed by
//! SDKs that avoid build scripts), uses only `core`, and has no inner attributes.
//!
//! Per service it writes a module with an `ErrorCode` enum whose variants are in code order,
//! so a variant's discriminant indexes the parallel `CODES`, `KEYS` and `MESSAGES` tables:
//! `code()`, `key()` and `message()` are a table read, and `from_code` a binary search.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

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

/// Emits the whole generated file: the crate-level items, then one module per service.
pub fn emit(catalog: &Catalog, _options: &Options) -> TokenStream {
    let root = emit_root(catalog);
    let modules = catalog.services.iter().map(emit_service);
    quote! {
        #root
        #(#modules)*
    }
}

/// The crate-level `Service` enum, `Entry`, and the errors of the conversions.
fn emit_root(catalog: &Catalog) -> TokenStream {
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

            /// Every code of the service, in code order.
            pub fn entries(self) -> impl ::core::iter::Iterator<Item = Entry> {
                let entries: &'static [Entry] = match self {
                    #(Service::#variants => &#modules::ENTRIES,)*
                };
                entries.iter().copied()
            }

            /// The code `code` of this service, if its documents list it.
            pub fn entry(self, code: i32) -> ::core::option::Option<Entry> {
                match self {
                    #(Service::#variants => #modules::ErrorCode::from_code(code).map(|e| e.entry()),)*
                }
            }

            /// The code of this service whose key is `key`, if its documents list it.
            pub fn entry_by_key(self, key: &str) -> ::core::option::Option<Entry> {
                match self {
                    #(Service::#variants => #modules::ErrorCode::from_key(key).map(|e| e.entry()),)*
                }
            }
        }

        impl ::core::fmt::Display for Service {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        /// One result code of one service, for code that handles every service alike.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Entry {
            /// The service that defines the code.
            pub service: Service,
            /// The numeric code.
            pub code: i32,
            /// The code's key (`INVALID_UUID`).
            pub key: &'static str,
            /// The code's message, as documented.
            pub message: &'static str,
        }

        /// The error of converting a number that a service's documents do not list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct UnknownCode(pub i32);

        impl ::core::fmt::Display for UnknownCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "unknown result code `{}`", self.0)
            }
        }

        impl ::core::error::Error for UnknownCode {}

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

        /// Compares two keys byte by byte, as `str`'s `Ord` does, but in a `const fn`.
        const fn compare_keys(a: &str, b: &str) -> ::core::cmp::Ordering {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let mut i = 0;
            while i < a.len() && i < b.len() {
                if a[i] != b[i] {
                    return if a[i] < b[i] {
                        ::core::cmp::Ordering::Less
                    } else {
                        ::core::cmp::Ordering::Greater
                    };
                }
                i += 1;
            }
            if a.len() < b.len() {
                ::core::cmp::Ordering::Less
            } else if a.len() > b.len() {
                ::core::cmp::Ordering::Greater
            } else {
                ::core::cmp::Ordering::Equal
            }
        }
    }
}

/// One service's module.
fn emit_service(service: &Service) -> TokenStream {
    let module = ident(&service.module);
    let service_variant = ident(&service.variant);
    let entries = &service.entries;
    let count = Literal::usize_unsuffixed(entries.len());
    let variants: Vec<Ident> = entries.iter().map(|e| ident(&e.variant)).collect();
    let codes = entries.iter().map(|e| code_literal(e.code));
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    let messages = entries.iter().map(|e| e.message.as_str());
    let variant_docs = entries.iter().map(variant_doc);
    let mut by_key: Vec<(&str, &Ident)> = keys.iter().copied().zip(&variants).collect();
    by_key.sort_unstable_by_key(|(key, _)| *key);
    let (sorted_keys, sorted_variants): (Vec<_>, Vec<_>) = by_key.into_iter().unzip();
    let indices = (0..entries.len()).map(Literal::usize_unsuffixed);

    let path = markdown_escape(&service.path.join(" > "));
    let sources = service.documents.iter().map(|d| markdown_escape(d));
    let module_doc = doc(&format!(
        "Result codes of {path}.\n\nGenerated from {}.",
        sources.collect::<Vec<_>>().join(", ")
    ));
    let enum_doc = doc(&format!(
        "A result code of {}, as its documentation lists it.",
        markdown_escape(&service.name)
    ));

    quote! {
        #module_doc
        pub mod #module {
            #enum_doc
            #[non_exhaustive]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum ErrorCode {
                #(#variant_docs #variants,)*
            }

            /// The codes, in variant order, which is code order.
            const CODES: [i32; #count] = [#(#codes),*];
            /// The keys, in variant order.
            const KEYS: [&str; #count] = [#(#keys),*];
            /// The messages, in variant order.
            const MESSAGES: [&str; #count] = [#(#messages),*];
            /// The variants sorted by key, for `from_key`.
            const BY_KEY: [(&str, ErrorCode); #count] = [#((#sorted_keys, ErrorCode::#sorted_variants)),*];
            /// Every code as a crate-level entry, in code order.
            pub(super) const ENTRIES: [super::Entry; #count] = [#(ErrorCode::ALL[#indices].entry()),*];

            impl ErrorCode {
                /// Every code of the service, in code order.
                pub const ALL: &'static [ErrorCode] = &[#(ErrorCode::#variants),*];

                /// The service that defines these codes.
                pub const SERVICE: super::Service = super::Service::#service_variant;

                /// The numeric code, as the API returns it in `resultCode`.
                pub const fn code(self) -> i32 {
                    CODES[self as usize]
                }

                /// The key, as the API returns it in `resultKey`.
                pub const fn key(self) -> &'static str {
                    KEYS[self as usize]
                }

                /// The message, as the documentation gives it.
                pub const fn message(self) -> &'static str {
                    MESSAGES[self as usize]
                }

                /// The code as a crate-level entry.
                pub const fn entry(self) -> super::Entry {
                    super::Entry {
                        service: ErrorCode::SERVICE,
                        code: self.code(),
                        key: self.key(),
                        message: self.message(),
                    }
                }

                /// The variant for a numeric code, or `None` if the documents do not list it.
                pub const fn from_code(code: i32) -> ::core::option::Option<ErrorCode> {
                    let (mut low, mut high) = (0, CODES.len());
                    while low < high {
                        let mid = low + (high - low) / 2;
                        if CODES[mid] == code {
                            return ::core::option::Option::Some(ErrorCode::ALL[mid]);
                        } else if CODES[mid] < code {
                            low = mid + 1;
                        } else {
                            high = mid;
                        }
                    }
                    ::core::option::Option::None
                }

                /// The variant for a key (`INVALID_UUID`), or `None` if the documents do not list it.
                pub const fn from_key(key: &str) -> ::core::option::Option<ErrorCode> {
                    let (mut low, mut high) = (0, BY_KEY.len());
                    while low < high {
                        let mid = low + (high - low) / 2;
                        match super::compare_keys(BY_KEY[mid].0, key) {
                            ::core::cmp::Ordering::Less => low = mid + 1,
                            ::core::cmp::Ordering::Greater => high = mid,
                            ::core::cmp::Ordering::Equal => {
                                return ::core::option::Option::Some(BY_KEY[mid].1);
                            }
                        }
                    }
                    ::core::option::Option::None
                }
            }

            impl ::core::fmt::Display for ErrorCode {
                /// Writes the key, the code and the message: `INVALID_UUID (4010002): Invalid uuid.`
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::write!(f, "{} ({}): {}", self.key(), self.code(), self.message())
                }
            }

            impl ::core::error::Error for ErrorCode {}

            impl ::core::convert::TryFrom<i32> for ErrorCode {
                type Error = super::UnknownCode;

                fn try_from(code: i32) -> ::core::result::Result<ErrorCode, super::UnknownCode> {
                    ErrorCode::from_code(code).ok_or(super::UnknownCode(code))
                }
            }

            impl ::core::str::FromStr for ErrorCode {
                type Err = super::UnknownKey;

                /// Parses a key (`INVALID_UUID`), not a number.
                fn from_str(key: &str) -> ::core::result::Result<ErrorCode, super::UnknownKey> {
                    ErrorCode::from_key(key).ok_or(super::UnknownKey)
                }
            }

            impl ::core::convert::From<ErrorCode> for i32 {
                fn from(code: ErrorCode) -> i32 {
                    code.code()
                }
            }
        }
    }
}

/// The doc comment of one variant: code, key, message and where they come from.
fn variant_doc(entry: &Entry) -> TokenStream {
    let sources: Vec<String> = entry
        .sources
        .iter()
        .map(|s| format!("{}:{}", markdown_escape(&s.file), s.line))
        .collect();
    doc(&format!(
        "`{}` `{}`: {}\n\nFrom {}.",
        entry.code,
        entry.key,
        markdown_escape(&entry.message),
        sources.join(", ")
    ))
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
/// control and invisible formatting characters are shown as `U+XXXX`.
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
            c if c.is_control() || is_invisible_format(c) => {
                out.push_str(&format!("U+{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` is an invisible formatting character: a bidirectional control (which rustc
/// denies in comments, `text_direction_codepoint_in_comment`, because it can make code read
/// differently from how it compiles), a zero-width character or a byte-order mark. Doc
/// comments show them as `U+XXXX`; string literals escape them.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A code as an unsuffixed literal (`-1`, not `-1i32`), its type given by the array.
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
