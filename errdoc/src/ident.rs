//! Every name the generated code uses: service modules, service variants and code variants.
//!
//! All case conversion and keyword escaping lives here, so that the rules a document
//! maintainer reads in the README are the rules in one small file, each with a unit case.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// The Rust module for a service name: its snake case as `heck` spells it, over ASCII
/// letters and digits (`Document OCR` → `document_ocr`, `DataFlow` → `data_flow`).
///
/// Any other character separates words. Returns `None` when nothing usable is left, or
/// when the result would start with a digit.
pub fn module_name(service: &str) -> Option<String> {
    let ascii: String = service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let snake = ascii.to_snake_case();
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(escape_keyword(snake))
}

/// The variant of the crate-level `Service` enum for a module name (`document_ocr` →
/// `DocumentOcr`).
pub fn service_variant(module: &str) -> String {
    escape_associated(escape_keyword(
        module.trim_end_matches('_').to_upper_camel_case(),
    ))
}

/// The `ErrorCode` variant for a result key. An upper-case key is split on `_`, the first
/// letter of each part upper case and the rest lower (`INVALID_APPKEY_SECRETKEY` →
/// `InvalidAppkeySecretkey`, `R2D2_ERROR` → `R2d2Error`); a key with lower-case letters is
/// an identifier as the docs write it (`InvalidGroupID`, `invalid_param`), and takes its
/// upper camel case as `heck` spells it (`InvalidGroupId`, `InvalidParam`). A keyword gets
/// a trailing `_` (`SELF` → `Self_`).
///
/// A variant that would share its name with an associated item of the generated enum
/// (`A_L_L` → `ALL`) gets a trailing `_` too.
///
/// `key` must already be valid (see [`is_key`]), so the result is never empty.
pub fn code_variant(key: &str) -> String {
    if key.bytes().any(|b| b.is_ascii_lowercase()) {
        return escape_associated(escape_keyword(key.to_upper_camel_case()));
    }
    let mut variant = String::with_capacity(key.len());
    for part in key.split('_') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            variant.push(first.to_ascii_uppercase());
            variant.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    escape_associated(escape_keyword(variant))
}

/// Whether `text` is a result key: an identifier, `[A-Za-z][A-Za-z0-9_]*`
/// (`INVALID_UUID`, `InvalidGroupID`).
pub fn is_key(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `text` is an upper-case key, `[A-Z][A-Z0-9_]*`, as the key column of a
/// rendered page has them: what tells a broken plain-text row from prose.
pub fn is_upper_key(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase())
        && bytes.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Appends `_` to a variant named like an associated item of the generated enums
/// (`ErrorCode::ALL`, `ErrorCode::SERVICE`, `Service::ALL`), which Rust would find ambiguous.
fn escape_associated(mut variant: String) -> String {
    if ["ALL", "SERVICE"].contains(&variant.as_str()) {
        variant.push('_');
    }
    variant
}

/// Appends `_` to a word that Rust reserves, strict or edition-reserved, so that every name
/// is a plain identifier (raw identifiers cannot spell `self`, `Self`, `super` or `crate`).
fn escape_keyword(mut ident: String) -> String {
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// The strict and reserved keywords of Rust 2024, and `_`-free words with special meaning.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names_follow_heck_over_ascii() {
        assert_eq!(module_name("Document OCR").as_deref(), Some("document_ocr"));
        assert_eq!(module_name("General OCR").as_deref(), Some("general_ocr"));
        assert_eq!(
            module_name("Pose Estimation").as_deref(),
            Some("pose_estimation")
        );
        assert_eq!(
            module_name("Text to Speech").as_deref(),
            Some("text_to_speech")
        );
        assert_eq!(
            module_name("Text To Speech").as_deref(),
            Some("text_to_speech")
        );
        assert_eq!(module_name("DataFlow").as_deref(), Some("data_flow"));
        assert_eq!(
            module_name("AI-EasyMaker").as_deref(),
            Some("ai_easy_maker")
        );
        assert_eq!(
            module_name("Face Recognition (v2)").as_deref(),
            Some("face_recognition_v2")
        );
        assert_eq!(module_name("OCR 문서").as_deref(), Some("ocr"));
    }

    #[test]
    fn module_names_that_are_keywords_get_an_underscore() {
        assert_eq!(module_name("Type").as_deref(), Some("type_"));
        assert_eq!(module_name("Self").as_deref(), Some("self_"));
        assert_eq!(module_name("Crate").as_deref(), Some("crate_"));
    }

    #[test]
    fn names_without_an_identifier_are_none() {
        assert_eq!(module_name("문서 인식"), None);
        assert_eq!(module_name("  - "), None);
        assert_eq!(module_name(""), None);
        assert_eq!(module_name("3D Viewer"), None);
    }

    #[test]
    fn service_variants_are_upper_camel_modules() {
        assert_eq!(service_variant("document_ocr"), "DocumentOcr");
        assert_eq!(service_variant("data_flow"), "DataFlow");
        assert_eq!(service_variant("type_"), "Type");
        assert_eq!(service_variant("self_"), "Self_");
    }

    #[test]
    fn code_variants_capitalize_each_part() {
        assert_eq!(
            code_variant("INVALID_APPKEY_SECRETKEY"),
            "InvalidAppkeySecretkey"
        );
        assert_eq!(code_variant("R2D2_ERROR"), "R2d2Error");
        assert_eq!(code_variant("SUCCESS"), "Success");
        assert_eq!(code_variant("A"), "A");
        assert_eq!(code_variant("FOO__BAR_"), "FooBar");
    }

    #[test]
    fn code_variants_that_are_keywords_get_an_underscore() {
        assert_eq!(code_variant("SELF"), "Self_");
        // Only `Self` is an upper-camel keyword; `TYPE` is an ordinary variant.
        assert_eq!(code_variant("TYPE"), "Type");
    }

    #[test]
    fn variants_named_like_associated_items_get_an_underscore() {
        assert_eq!(code_variant("A_L_L"), "ALL_");
        assert_eq!(code_variant("S_E_R_V_I_C_E"), "SERVICE_");
        assert_eq!(code_variant("ALL"), "All");
        assert_eq!(service_variant("a_l_l"), "ALL_");
    }

    #[test]
    fn keys_are_identifiers() {
        assert!(is_key("INVALID_UUID"));
        assert!(is_key("R2D2_ERROR"));
        assert!(is_key("A"));
        assert!(is_key("Invalid_Uuid"));
        assert!(is_key("ServiceQuotaExceededException"));
        assert!(is_key("invalidParam"));
        assert!(!is_key(""));
        assert!(!is_key("_LEADING"));
        assert!(!is_key("2FA_FAIL"));
        assert!(!is_key("INVALID-UUID"));
        assert!(!is_key("INVALID UUID"));
        assert!(!is_key("Ünicode"));
        assert!(is_upper_key("INVALID_UUID"));
        assert!(!is_upper_key("Invalid_Uuid"));
    }

    #[test]
    fn identifier_keys_take_their_upper_camel_case() {
        assert_eq!(code_variant("InvalidGroupID"), "InvalidGroupId");
        assert_eq!(
            code_variant("ServiceQuotaExceededException"),
            "ServiceQuotaExceededException"
        );
        assert_eq!(code_variant("invalid_param"), "InvalidParam");
        assert_eq!(code_variant("invalidParam"), "InvalidParam");
        assert_eq!(code_variant("LEADERBOARD_SUCCESS"), "LeaderboardSuccess");
        assert_eq!(code_variant("self"), "Self_");
        assert_eq!(code_variant("All"), "All");
    }

    #[test]
    fn every_keyword_is_escaped() {
        for keyword in KEYWORDS {
            let escaped = escape_keyword(keyword.to_string());
            assert_eq!(escaped, format!("{keyword}_"));
            assert!(syn::parse_str::<syn::Ident>(&escaped).is_ok(), "{escaped}");
        }
    }
}
