//! Characters that look like an ASCII sign or digit and are not: lexing knowledge, which
//! the parsers use to take `–1` (with an en dash) or `４００` for a row's code, and which a
//! rejected code carries to its diagnostic, so that the message names each character.

use std::borrow::Cow;
use std::fmt;

use crate::diagnostic::DiagnosticKind;

/// The diagnostic kind for a code cell that is not a decimal `i32`, with the look-alikes
/// that explain it, if any.
pub(crate) fn invalid_code(text: String) -> DiagnosticKind {
    let lookalikes = integer_lookalikes(&text);
    DiagnosticKind::InvalidCode { text, lookalikes }
}

/// A character that a reader takes for an ASCII sign or digit, and is not one.
///
/// Its `Display` is what a diagnostic says of it: `` `–` is U+2013 EN DASH, not `-` ``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookalike {
    /// The character as written.
    found: char,
    /// Its Unicode name.
    name: Cow<'static, str>,
    /// The ASCII character it looks like.
    ascii: char,
}

impl Lookalike {
    /// The character as written (`–`).
    pub fn found(&self) -> char {
        self.found
    }

    /// Its Unicode name (`EN DASH`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ASCII character it looks like (`-`).
    pub fn ascii(&self) -> char {
        self.ascii
    }
}

impl fmt::Display for Lookalike {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (found, code) = (self.found, u32::from(self.found));
        write!(
            f,
            "`{found}` is U+{code:04X} {}, not `{}`",
            self.name, self.ascii
        )
    }
}

/// The characters of `text` that look like an ASCII sign or digit, each once and in order,
/// when reading them so makes `text` a decimal integer with an optional sign (`–1`, `４００`);
/// otherwise none. Letters are not lookalikes (`40000O1` shows its letter plainly enough),
/// so that a word (`I`, `OK`) is never taken for a number.
pub(crate) fn integer_lookalikes(text: &str) -> Vec<Lookalike> {
    let mut read = String::with_capacity(text.len());
    let mut found: Vec<Lookalike> = Vec::new();
    for c in text.chars() {
        match lookalike(c) {
            Some(lookalike) => {
                read.push(lookalike.ascii);
                if !found.iter().any(|known| known.found == c) {
                    found.push(lookalike);
                }
            }
            None => read.push(c),
        }
    }
    let digits = read.strip_prefix(['-', '+']).unwrap_or(&read);
    let integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if integer { found } else { Vec::new() }
}

/// The dash, plus or digit form that looks like an ASCII sign or digit, if `c` is one.
fn lookalike(c: char) -> Option<Lookalike> {
    const SIGNS: &[(char, &str, char)] = &[
        ('\u{2010}', "HYPHEN", '-'),
        ('\u{2011}', "NON-BREAKING HYPHEN", '-'),
        ('\u{2012}', "FIGURE DASH", '-'),
        ('\u{2013}', "EN DASH", '-'),
        ('\u{2014}', "EM DASH", '-'),
        ('\u{2015}', "HORIZONTAL BAR", '-'),
        ('\u{2212}', "MINUS SIGN", '-'),
        ('\u{fe58}', "SMALL EM DASH", '-'),
        ('\u{fe63}', "SMALL HYPHEN-MINUS", '-'),
        ('\u{ff0d}', "FULLWIDTH HYPHEN-MINUS", '-'),
        ('\u{fe62}', "SMALL PLUS SIGN", '+'),
        ('\u{ff0b}', "FULLWIDTH PLUS SIGN", '+'),
    ];
    // Blocks of ten digits, zero to nine, in code point order.
    const DIGITS: &[(u32, &str)] = &[
        (0xff10, "FULLWIDTH DIGIT"),
        (0x2080, "SUBSCRIPT"),
        (0x1d7ce, "MATHEMATICAL BOLD DIGIT"),
        (0x1d7d8, "MATHEMATICAL DOUBLE-STRUCK DIGIT"),
        (0x1d7e2, "MATHEMATICAL SANS-SERIF DIGIT"),
        (0x1d7ec, "MATHEMATICAL SANS-SERIF BOLD DIGIT"),
        (0x1d7f6, "MATHEMATICAL MONOSPACE DIGIT"),
    ];
    // The superscripts one to three are in Latin-1, the others in their own block.
    const SUPERSCRIPTS: [char; 10] = [
        '\u{2070}', '\u{b9}', '\u{b2}', '\u{b3}', '\u{2074}', '\u{2075}', '\u{2076}', '\u{2077}',
        '\u{2078}', '\u{2079}',
    ];
    const NAMES: [&str; 10] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
    ];
    let digit = |value: usize, block: &str| Lookalike {
        found: c,
        name: Cow::Owned(format!("{block} {}", NAMES[value])),
        ascii: char::from(b"0123456789"[value]),
    };
    if let Some(&(_, name, ascii)) = SIGNS.iter().find(|(sign, ..)| *sign == c) {
        return Some(Lookalike {
            found: c,
            name: Cow::Borrowed(name),
            ascii,
        });
    }
    if let Some(value) = SUPERSCRIPTS.iter().position(|&s| s == c) {
        return Some(digit(value, "SUPERSCRIPT"));
    }
    DIGITS.iter().find_map(|&(zero, block)| {
        let value = usize::try_from(u32::from(c).checked_sub(zero)?).ok()?;
        (value < 10).then(|| digit(value, block))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn digit_forms_are_named_by_their_block() {
        let names = |text: &str| -> Vec<String> {
            integer_lookalikes(text)
                .into_iter()
                .map(|l| format!("{} {}", l.name, l.ascii))
                .collect()
        };
        assert_eq!(
            names("\u{ff10}\u{ff19}"),
            ["FULLWIDTH DIGIT ZERO 0", "FULLWIDTH DIGIT NINE 9"]
        );
        assert_eq!(
            names("\u{b9}\u{2070}\u{2079}"),
            [
                "SUPERSCRIPT ONE 1",
                "SUPERSCRIPT ZERO 0",
                "SUPERSCRIPT NINE 9"
            ]
        );
        assert_eq!(names("\u{2085}"), ["SUBSCRIPT FIVE 5"]);
        assert_eq!(
            names("\u{1d7ce}\u{1d7ff}"),
            [
                "MATHEMATICAL BOLD DIGIT ZERO 0",
                "MATHEMATICAL MONOSPACE DIGIT NINE 9"
            ]
        );
        assert_eq!(names("\u{ff0b}1"), ["FULLWIDTH PLUS SIGN +"]);
    }

    #[test]
    fn letters_are_not_lookalikes() {
        for word in ["40000O1", "4000l", "I", "O", "OK", "N/A", "TOP"] {
            assert_eq!(integer_lookalikes(word), [], "{word}");
        }
    }

    /// Invalid codes that hold no look-alike of a code: a decimal point, too many digits,
    /// two signs, a dash in the wrong place, a letter. The diagnostics' tests print them.
    pub(crate) const NOT_LOOKALIKES: [&str; 7] = [
        "4.5",
        "9999999999",
        "+-1",
        "1\u{2013}",
        "\u{2013}",
        "\u{2013} 1",
        "1O.5",
    ];

    #[test]
    fn other_invalid_codes_are_not_explained() {
        for text in NOT_LOOKALIKES {
            assert_eq!(integer_lookalikes(text), [], "{text}");
        }
    }
}
