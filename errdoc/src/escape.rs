//! Document text shown to people: which characters would act on a terminal or hide from a
//! reader, what they are called, and the escaped form that shows them.
//!
//! A document is input, and so is every name in it: a key, a message, a breadcrumb or a
//! file name can hold an escape sequence that erases a line of a CI log (`ESC [2K`), a
//! hyperlink that points elsewhere than it reads (OSC 8), or a bidirectional override that
//! reorders a line (U+202E). So every piece of document text in a diagnostic, a summary or
//! a diff goes through [`Escaped`], which writes those characters as Rust's `escape_debug`
//! does (`\u{1b}`, `\t`), and leaves all other text alone. `emit` shows the same set as
//! `U+XXXX` in doc comments: [`is_invisible_or_control`] defines it once for both.

use std::fmt;

/// Document text as the command line and a failed build print it: every character for
/// which `is_invisible_or_control` holds is written as Rust escapes it (`\u{1b}`,
/// `\u{202e}`, `\t`, `\n`, `\r`, `\0`), and every other character as it is, so Korean,
/// emoji, quotes and backslashes read the same.
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some((index, c)) = rest
            .char_indices()
            .find(|&(_, c)| is_invisible_or_control(c))
        {
            f.write_str(&rest[..index])?;
            match c {
                '\0' => f.write_str("\\0")?,
                '\t' => f.write_str("\\t")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[index + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Whether `c` acts on a terminal or hides from a reader, and is escaped wherever document
/// text is shown: a C0 control (tab, line feed and carriage return included), DEL, a C1
/// control, or one of the invisible format characters in [`FORMAT`] (the bidirectional
/// controls that rustc denies in comments, zero-width characters, the soft hyphen, the
/// line and paragraph separators and the byte-order mark).
pub(crate) fn is_invisible_or_control(c: char) -> bool {
    // Below the soft hyphen only the controls qualify; most text ends here.
    if c < '\u{ad}' {
        return c.is_control();
    }
    FORMAT
        .binary_search_by_key(&c, |&(format, _)| format)
        .is_ok()
}

/// The Unicode name of `c` when it is a character a reader cannot see or tell from a plain
/// space: every character [`is_invisible_or_control`] escapes (a control by its name
/// alias, as `ESCAPE`), and the non-ASCII spaces in [`SPACES`]. `None` for any other.
pub(crate) fn invisible_name(c: char) -> Option<&'static str> {
    let code = usize::try_from(u32::from(c)).ok()?;
    match c {
        '\0'..='\u{1f}' => C0.get(code).copied(),
        '\u{7f}' => Some("DELETE"),
        '\u{80}'..='\u{9f}' => C1.get(code - 0x80).copied(),
        _ => [FORMAT, SPACES]
            .into_iter()
            .find_map(|table| table.iter().find(|&&(known, _)| known == c))
            .map(|&(_, name)| name),
    }
}

/// The invisible format characters, sorted by code point for the binary search, with
/// their Unicode names. U+2065 is unassigned; it sits among the invisible operators and
/// isolates, is default-ignorable, and is shown like them, under its code point label.
const FORMAT: &[(char, &str)] = &[
    ('\u{ad}', "SOFT HYPHEN"),
    ('\u{61c}', "ARABIC LETTER MARK"),
    ('\u{180e}', "MONGOLIAN VOWEL SEPARATOR"),
    ('\u{200b}', "ZERO WIDTH SPACE"),
    ('\u{200c}', "ZERO WIDTH NON-JOINER"),
    ('\u{200d}', "ZERO WIDTH JOINER"),
    ('\u{200e}', "LEFT-TO-RIGHT MARK"),
    ('\u{200f}', "RIGHT-TO-LEFT MARK"),
    ('\u{2028}', "LINE SEPARATOR"),
    ('\u{2029}', "PARAGRAPH SEPARATOR"),
    ('\u{202a}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202b}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202c}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202d}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202e}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2061}', "FUNCTION APPLICATION"),
    ('\u{2062}', "INVISIBLE TIMES"),
    ('\u{2063}', "INVISIBLE SEPARATOR"),
    ('\u{2064}', "INVISIBLE PLUS"),
    ('\u{2065}', "<reserved-2065>"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{feff}', "ZERO WIDTH NO-BREAK SPACE"),
];

/// The spaces that read as an ASCII space and are not one. They are shown as they are
/// (a space is harmless on a terminal), and named where they make text invalid.
const SPACES: &[(char, &str)] = &[
    ('\u{a0}', "NO-BREAK SPACE"),
    ('\u{2000}', "EN QUAD"),
    ('\u{2001}', "EM QUAD"),
    ('\u{2002}', "EN SPACE"),
    ('\u{2003}', "EM SPACE"),
    ('\u{2004}', "THREE-PER-EM SPACE"),
    ('\u{2005}', "FOUR-PER-EM SPACE"),
    ('\u{2006}', "SIX-PER-EM SPACE"),
    ('\u{2007}', "FIGURE SPACE"),
    ('\u{2008}', "PUNCTUATION SPACE"),
    ('\u{2009}', "THIN SPACE"),
    ('\u{200a}', "HAIR SPACE"),
    ('\u{202f}', "NARROW NO-BREAK SPACE"),
    ('\u{205f}', "MEDIUM MATHEMATICAL SPACE"),
    ('\u{3000}', "IDEOGRAPHIC SPACE"),
];

/// The C0 controls' names (their Unicode name aliases: controls have no name of their own).
const C0: [&str; 32] = [
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
];

/// The C1 controls' names, as their Unicode name aliases.
const C1: [&str; 32] = [
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        Escaped(text).to_string()
    }

    #[test]
    fn terminal_sequences_are_escaped() {
        assert_eq!(
            escaped("BAD\u{1b}[2K\u{1b}[1A"),
            "BAD\\u{1b}[2K\\u{1b}[1A",
            "erase line, cursor up"
        );
        assert_eq!(
            escaped("\u{1b}]8;;http://evil\u{1b}\\docs\u{1b}]8;;\u{1b}\\"),
            "\\u{1b}]8;;http://evil\\u{1b}\\docs\\u{1b}]8;;\\u{1b}\\",
            "an OSC 8 hyperlink"
        );
        assert_eq!(escaped("a\rb"), "a\\rb", "carriage return");
        assert_eq!(escaped("a\tb\nc\0"), "a\\tb\\nc\\0", "tab, line feed, NUL");
        assert_eq!(escaped("del\u{7f}"), "del\\u{7f}", "DEL");
        assert_eq!(
            escaped("\u{9b}31m"),
            "\\u{9b}31m",
            "C1 control sequence introducer"
        );
        assert_eq!(escaped("\u{85}"), "\\u{85}", "C1 next line");
    }

    #[test]
    fn invisible_format_characters_are_escaped() {
        assert_eq!(
            escaped("abc\u{202e}fed"),
            "abc\\u{202e}fed",
            "right-to-left override"
        );
        assert_eq!(escaped("INVALID\u{200b}_UUID"), "INVALID\\u{200b}_UUID");
        assert_eq!(escaped("\u{feff}BOM"), "\\u{feff}BOM");
        assert_eq!(escaped("soft\u{ad}hyphen"), "soft\\u{ad}hyphen");
        assert_eq!(escaped("line\u{2028}break"), "line\\u{2028}break");
        assert_eq!(
            escaped("\u{2066}isolate\u{2069}"),
            "\\u{2066}isolate\\u{2069}"
        );
        assert_eq!(escaped("\u{61c}\u{180e}"), "\\u{61c}\\u{180e}");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "",
            "Invalid uuid.",
            "잘못된 요청입니다.",
            "エラーコード",
            "错误代码",
            "😀 👍🏽",
            "AI Service > OCR > Error Code",
            "\"quoted\" 'single' `code` \\ back\\slash \\u{1b}",
            "no\u{a0}break and\u{3000}ideographic spaces",
            "e\u{301} combining",
        ] {
            assert_eq!(escaped(text), text);
        }
    }

    #[test]
    fn every_escape_is_rusts() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if is_invisible_or_control(c) {
                assert_eq!(
                    escaped(&c.to_string()),
                    c.escape_debug().to_string(),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn the_set_is_the_controls_and_the_format_table() {
        assert!(
            FORMAT.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "sorted"
        );
        let escaped: Vec<u32> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_invisible_or_control(c))
            .map(u32::from)
            .collect();
        let expected: Vec<u32> = (0..0x20)
            .chain(0x7f..0xa0)
            .chain([0xad, 0x61c, 0x180e])
            .chain(0x200b..=0x200f)
            .chain(0x2028..=0x202e)
            .chain(0x2060..=0x2069)
            .chain([0xfeff])
            .collect();
        assert_eq!(escaped, expected);
    }

    #[test]
    fn invisible_characters_and_odd_spaces_have_names() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(
                invisible_name(c).is_some(),
                is_invisible_or_control(c) || SPACES.iter().any(|&(space, _)| space == c),
                "U+{:04X}",
                u32::from(c)
            );
        }
        let names = |text: &str| text.chars().map(invisible_name).collect::<Vec<_>>();
        assert_eq!(
            names("\0\t\u{1b}\u{7f}\u{80}\u{9b}\u{9f}"),
            [
                Some("NULL"),
                Some("CHARACTER TABULATION"),
                Some("ESCAPE"),
                Some("DELETE"),
                Some("PADDING CHARACTER"),
                Some("CONTROL SEQUENCE INTRODUCER"),
                Some("APPLICATION PROGRAM COMMAND"),
            ]
        );
        assert_eq!(
            names("\u{200b}\u{202e}\u{a0}\u{3000}A가"),
            [
                Some("ZERO WIDTH SPACE"),
                Some("RIGHT-TO-LEFT OVERRIDE"),
                Some("NO-BREAK SPACE"),
                Some("IDEOGRAPHIC SPACE"),
                None,
                None,
            ]
        );
    }
}
