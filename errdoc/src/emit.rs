//! The emit stage: a [`Catalog`] in, Rust tokens out.
//!
//! Built with `quote!` only. Text from a document reaches the output solely as a string
//! literal token or a `#[doc]` literal whose markdown is escaped, so no document can inject
//! code or break rustdoc. The output is self-contained (it is `include!`d, or committed by
//! SDKs that avoid build scripts), uses only `core`, has no inner attributes and no `unsafe`.
//!
//! Per service it writes a module with an `ErrorCode`: an open newtype over the raw code,
//! with one associated constant per listed code, usable in `match` patterns. Its size in
//! tokens grows by one constant per code and nothing else: the tables behind the lookups
//! are a few literals per service (see `emit/tables.rs`), so a catalog of 100,000 codes compiles
//! in seconds, and `code()`, `key()`, `message()`, `from_code` and `from_key` are a table
//! read or one hash probe. They are `#[inline]`: SDKs call them from another crate, and a
//! call that cannot be inlined costs as much as the probe.

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

/// Emits the whole generated file: the crate-level items, then one module per service.
pub fn emit(catalog: &Catalog, options: &Options) -> TokenStream {
    let root = emit_root(catalog);
    let runtime = tables::runtime();
    let modules = catalog
        .services
        .iter()
        .map(|service| emit_service(service, options));
    quote! {
        #root
        #runtime
        #(#modules)*
    }
}

/// The crate-level `Service` enum, `Entry`, and the error of parsing a key.
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

            /// The tables of the service's codes.
            const fn table(self) -> &'static __errdoc::Table {
                match self { #(Service::#variants => &#modules::TABLE,)* }
            }

            /// Every code the service's documents list, in code order.
            pub fn entries(self) -> impl ::core::iter::Iterator<Item = Entry> {
                let table = self.table();
                (0..table.len()).map(move |index| table.entry(self, index))
            }

            /// The listed code `code` of this service, or `None` if its documents do not list it.
            #[inline]
            pub const fn entry(self, code: i32) -> ::core::option::Option<Entry> {
                let table = self.table();
                match table.find_code(code) {
                    ::core::option::Option::Some(index) => {
                        ::core::option::Option::Some(table.entry(self, index))
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// The listed code of this service whose key is `key`, if its documents list it.
            #[inline]
            pub const fn entry_by_key(self, key: &str) -> ::core::option::Option<Entry> {
                let table = self.table();
                match table.find_key(key) {
                    ::core::option::Option::Some(index) => {
                        ::core::option::Option::Some(table.entry(self, index))
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for Service {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        /// One listed result code of one service, for code that handles every service alike.
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

/// One service's module.
fn emit_service(service: &Service, options: &Options) -> TokenStream {
    let module = ident(&service.module);
    let service_variant = ident(&service.variant);
    let entries = &service.entries;
    let count = Literal::usize_unsuffixed(entries.len());
    let constants = entries.iter().enumerate().map(|(index, entry)| {
        let doc = entry_doc(entry);
        let name = ident(&entry.variant);
        let code = code_literal(entry.code);
        let index = Literal::u32_unsuffixed(u32::try_from(index).unwrap_or(u32::MAX));
        quote! {
            #doc
            pub const #name: ErrorCode = ErrorCode { code: #code, index: #index };
        }
    });
    let table = tables::table(entries);
    let serde = options.serde_feature.as_deref().map(emit_serde);

    let path = markdown_escape(&service.path.join(" > "));
    let sources = service.files.iter().map(|d| markdown_escape(d));
    let module_doc = doc(&format!(
        "Result codes of {path}.\n\nGenerated from {}.",
        sources.collect::<Vec<_>>().join(", ")
    ));
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
        #module_doc
        pub mod #module {
            #type_doc
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct ErrorCode {
                /// The raw code, as the server sent it.
                code: i32,
                /// The code's row in the tables, or `UNLISTED`.
                index: u32,
            }

            /// The number of listed codes.
            const COUNT: usize = #count;

            /// The tables behind the lookups.
            pub(super) const TABLE: super::__errdoc::Table = #table;

            #[allow(non_upper_case_globals)]
            impl ErrorCode {
                #(#constants)*
            }

            impl ErrorCode {
                /// Every code the documents list, in code order.
                pub const ALL: &'static [ErrorCode] = &{
                    let mut all = [ErrorCode { code: 0, index: 0 }; COUNT];
                    let mut index = 0;
                    while index < COUNT {
                        all[index] = ErrorCode {
                            code: TABLE.code(index),
                            index: index as u32,
                        };
                        index += 1;
                    }
                    all
                };

                /// The service that defines these codes.
                pub const SERVICE: super::Service = super::Service::#service_variant;

                /// The code for a number, listed or not: a number the documents do not list
                /// is kept whole, and matches only `_`.
                #[inline]
                pub const fn from_code(code: i32) -> ErrorCode {
                    let index = match TABLE.find_code(code) {
                        ::core::option::Option::Some(index) => index as u32,
                        ::core::option::Option::None => super::__errdoc::UNLISTED,
                    };
                    ErrorCode { code, index }
                }

                /// The listed code whose key is `key` (`INVALID_UUID`), or `None`.
                #[inline]
                pub const fn from_key(key: &str) -> ::core::option::Option<ErrorCode> {
                    match TABLE.find_key(key) {
                        ::core::option::Option::Some(index) => ::core::option::Option::Some(ErrorCode {
                            code: TABLE.code(index),
                            index: index as u32,
                        }),
                        ::core::option::Option::None => ::core::option::Option::None,
                    }
                }

                /// The numeric code, as the API returns it in `resultCode`.
                #[inline]
                pub const fn code(self) -> i32 {
                    self.code
                }

                /// The key, as the API returns it in `resultKey`, if the documents list the code.
                #[inline]
                pub const fn key(self) -> ::core::option::Option<&'static str> {
                    if self.index == super::__errdoc::UNLISTED {
                        return ::core::option::Option::None;
                    }
                    ::core::option::Option::Some(TABLE.key(self.index as usize))
                }

                /// The message, as the documentation gives it, if the documents list the code.
                #[inline]
                pub const fn message(self) -> ::core::option::Option<&'static str> {
                    if self.index == super::__errdoc::UNLISTED {
                        return ::core::option::Option::None;
                    }
                    ::core::option::Option::Some(TABLE.message(self.index as usize))
                }

                /// The code as a crate-level entry, if the documents list it.
                #[inline]
                pub const fn entry(self) -> ::core::option::Option<super::Entry> {
                    if self.index == super::__errdoc::UNLISTED {
                        return ::core::option::Option::None;
                    }
                    ::core::option::Option::Some(TABLE.entry(ErrorCode::SERVICE, self.index as usize))
                }
            }

            impl ::core::fmt::Debug for ErrorCode {
                /// `INVALID_UUID(4010002)` for a listed code, `ErrorCode(4999999)` for another.
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    let name = self.key().unwrap_or("ErrorCode");
                    f.debug_tuple(name).field(&self.code).finish()
                }
            }

            impl ::core::fmt::Display for ErrorCode {
                /// Writes the key, the code and the message (`INVALID_UUID (4010002): Invalid
                /// uuid.`), or for a code the documents do not list, the number.
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match (self.key(), self.message()) {
                        (::core::option::Option::Some(key), ::core::option::Option::Some(message)) => {
                            ::core::write!(f, "{} ({}): {}", key, self.code, message)
                        }
                        _ => ::core::write!(f, "unlisted result code {}", self.code),
                    }
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
                fn from_str(key: &str) -> ::core::result::Result<ErrorCode, super::UnknownKey> {
                    ErrorCode::from_key(key).ok_or(super::UnknownKey)
                }
            }

            #serde
        }
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

/// The doc comment of one code: code, key, message and where they come from.
fn entry_doc(entry: &Entry) -> TokenStream {
    let sources: Vec<String> = entry
        .locations
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
