//! A direct printer of Rust tokens, one item or statement a line: the prototype behind
//! `BENCHMARKS.md`'s proposal to render without `syn` and prettyplease.
//!
//! errdoc's render stage parses the tokens that emit built into a `syn::File` and prints
//! it with prettyplease; at a build script's opt-level 0 that is most of the build script.
//! This prints the tokens as they are, with a line break after `;`, around the contents of
//! a brace group and after an outer attribute, indented by brace depth, and a space between
//! tokens except where the tokens join (`::`, `'a`, `->`) or hug (`f(x)`, `a, b`, `x.y`).
//! It measures what such a printer costs (`synth stages`); the generated code it prints
//! is the same Rust, less prettily wrapped.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// Prints `tokens` as Rust source.
pub fn print(tokens: TokenStream) -> String {
    let mut printer = Printer {
        out: String::with_capacity(64 * 1024),
        depth: 0,
        line_start: true,
        previous: Previous::Nothing,
        after_brace: false,
        angles: 0,
    };
    printer.stream(tokens);
    printer.newline();
    printer.out
}

/// What the last token printed asks of the next, as far as spacing goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// Nothing yet on this line.
    Nothing,
    /// An identifier, keyword or literal: a space before the next word, and a `::`, `(`,
    /// `[` or generic `<` hugs it.
    Ident,
    /// Punctuation: a space before the next word.
    Spaced,
    /// A closing `)`, `]` or `}`: a space before the next word, and a `-` after it is binary.
    Close,
    /// A keyword: a space before and after, even before `(` or `::`.
    Keyword,
    /// A token that the next hugs: an opening `(`, `[` or generic `<`, the `::` of a path,
    /// and `#`, `.`, `&`, `!` and a unary `-`.
    Hug,
    /// A punctuation character that forms one token with the next (`-` of `->`, `'` of
    /// `'a`), which must not be separated from it.
    Joint,
}

/// The keywords after which a path's leading `::` or a parenthesis keeps its space.
const KEYWORDS: &[&str] = &[
    "as", "const", "dyn", "else", "for", "if", "impl", "in", "let", "match", "mut", "pub",
    "return", "static", "where", "while",
];

struct Printer {
    out: String,
    depth: usize,
    line_start: bool,
    previous: Previous,
    /// A `}` was printed: the next token starts a line unless it continues the expression.
    after_brace: bool,
    /// Generic `<` not yet closed.
    angles: usize,
}

impl Printer {
    fn stream(&mut self, tokens: TokenStream) {
        for token in tokens {
            if self.after_brace {
                self.after_brace = false;
                let continues = matches!(&token, TokenTree::Punct(p) if matches!(p.as_char(), ';' | ',' | '.' | '?'));
                if !continues {
                    self.newline();
                }
            }
            match token {
                TokenTree::Group(group) => match group.delimiter() {
                    Delimiter::Brace => {
                        self.text("{", false);
                        self.previous = Previous::Spaced;
                        self.depth += 1;
                        self.newline();
                        self.stream(group.stream());
                        self.depth -= 1;
                        self.newline();
                        self.text("}", false);
                        self.previous = Previous::Close;
                        self.after_brace = true;
                    }
                    Delimiter::Parenthesis | Delimiter::Bracket => {
                        let bracket = group.delimiter() == Delimiter::Bracket;
                        let attribute = bracket && self.out.ends_with('#');
                        // A call, an index or an attribute hugs what it follows.
                        let hug = matches!(
                            self.previous,
                            Previous::Ident | Previous::Hug | Previous::Joint
                        );
                        self.text(if bracket { "[" } else { "(" }, hug);
                        self.previous = Previous::Hug;
                        let angles = std::mem::take(&mut self.angles);
                        self.stream(group.stream());
                        self.angles = angles;
                        self.text(if bracket { "]" } else { ")" }, true);
                        self.previous = Previous::Close;
                        if attribute {
                            self.newline();
                        }
                    }
                    Delimiter::None => self.stream(group.stream()),
                },
                TokenTree::Punct(punct) => self.punct(punct.as_char(), punct.spacing()),
                TokenTree::Ident(ident) => {
                    let hug = matches!(self.previous, Previous::Hug | Previous::Joint);
                    let word = ident.to_string();
                    self.start(hug).push_str(&word);
                    self.previous = if KEYWORDS.contains(&word.as_str()) {
                        Previous::Keyword
                    } else {
                        Previous::Ident
                    };
                }
                TokenTree::Literal(literal) => {
                    let hug = matches!(self.previous, Previous::Hug | Previous::Joint);
                    let _ = write!(self.start(hug), "{literal}");
                    self.previous = Previous::Ident;
                }
            }
        }
    }

    fn punct(&mut self, c: char, spacing: Spacing) {
        let joint = spacing == Spacing::Joint;
        let after_ident = self.previous == Previous::Ident;
        let generic = c == '<' && matches!(self.previous, Previous::Ident | Previous::Keyword);
        let path = c == ':' && self.previous == Previous::Joint;
        let hug_before = self.previous == Previous::Joint
            || match c {
                ',' | ';' | '.' | '?' => true,
                // `x: T` and `a::b`; ` ::core` after a keyword or an operator stays apart.
                ':' => !joint || after_ident || self.previous == Previous::Hug,
                '<' => generic,
                '>' => self.angles > 0 && self.previous != Previous::Hug,
                _ => self.previous == Previous::Hug,
            };
        self.text(c.encode_utf8(&mut [0; 4]), hug_before);
        if generic {
            self.angles += 1;
        } else if c == '>' && hug_before && self.angles > 0 {
            self.angles -= 1;
        }
        let unary_minus = c == '-' && !matches!(self.previous, Previous::Ident | Previous::Close);
        self.previous = if joint {
            Previous::Joint
        } else if path || generic || matches!(c, '#' | '.' | '&' | '!') || unary_minus {
            Previous::Hug
        } else {
            Previous::Spaced
        };
        if c == ';' {
            self.newline();
        }
    }

    /// Prints `text`, after a space unless `hug`.
    fn text(&mut self, text: &str, hug: bool) {
        self.start(hug).push_str(text);
    }

    /// The output, after the indentation or the space that comes before a token.
    fn start(&mut self, hug: bool) -> &mut String {
        if self.line_start {
            for _ in 0..self.depth {
                self.out.push_str("    ");
            }
            self.line_start = false;
        } else if !hug && self.previous != Previous::Nothing {
            self.out.push(' ');
        }
        &mut self.out
    }

    /// Ends the line, unless it is empty.
    fn newline(&mut self) {
        if !self.line_start {
            self.out.push('\n');
            self.line_start = true;
            self.previous = Previous::Nothing;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::print;

    /// The printed text reads back as the same tokens.
    fn round_trip(source: &str) -> String {
        let tokens: proc_macro2::TokenStream = source.parse().unwrap();
        let printed = print(tokens.clone());
        let again: proc_macro2::TokenStream = printed.parse().unwrap();
        assert_eq!(again.to_string(), tokens.to_string(), "{printed}");
        printed
    }

    #[test]
    fn items_take_a_line_each_and_tokens_keep_their_meaning() {
        let printed = round_trip(
            "#[doc = \" A code.\"] pub const A: E = E { code: -1, index: 0 }; \
             impl<'a> X<'a> for ::core::option::Option<&'a str> { fn f(&self) -> u32 { g(1, 2)?.h[0] } }",
        );
        assert_eq!(
            printed,
            "#[doc = \" A code.\"]\npub const A: E = E {\n    code: -1, index: 0\n};\n\
             impl<'a> X<'a> for ::core::option::Option<&'a str> {\n    \
             fn f(&self) -> u32 {\n        g(1, 2)?.h[0]\n    }\n}\n"
        );
    }

    #[test]
    fn the_generated_code_of_a_synthetic_set_round_trips() {
        let sources: Vec<errdoc::Source> =
            crate::synth::documents(3, 40, crate::synth::DEFAULT_SEED)
                .into_iter()
                .map(|document| errdoc::Source::new(document.path, document.text))
                .collect();
        let checked = errdoc::check(&sources);
        // errdoc's tokens are private; the generated file read back as tokens is the same
        // stream, less the header's comments, which tokens do not hold.
        let code = errdoc::generate(&checked.catalog, &errdoc::Options::default())
            .expect("errdoc emits code that parses");
        let tokens: proc_macro2::TokenStream = code.parse().expect("the generated code lexes");
        let printed = print(tokens.clone());
        let file = syn::parse_file(&printed).expect("the printed code parses");
        let reparsed: proc_macro2::TokenStream = quote::ToTokens::to_token_stream(&file);
        assert_eq!(reparsed.to_string(), tokens.to_string());
    }
}
