//! What a table's columns are: each header names a role (code, key, message, description)
//! or none, in the docs' four languages, and the roles decide whether a table is an
//! error-code table at all.
//!
//! Headers are compared folded (see [`fold_header`]): NFKC, lower case, without white
//! space, `_`, `-` or invisible characters, so `Result_Code`, `result code`, `ｒｅｓｕｌｔＣｏｄｅ`
//! and `결과 코드` each read as one spelling. A header is a role's name, optionally followed
//! by a qualifier that is a language (`resultMessage (English)`, `message-ko`) or, in
//! brackets, the role's name in another language (`결과 코드(resultCode)`); any other
//! qualifier (`Result Code(Hex)`) makes the column not a role column, as does any other text
//! (`결과 코드 메시지`, `Code name`).
//!
//! When two columns claim one role, the better-ranked wins: a specific name over a bare
//! one (`resultCode` over `Code`, `설명` over `의미`), and for a message or a description the
//! unqualified or English one over another language. Two columns of equal rank are an
//! error that names both.

use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::Field;
use crate::escape::is_invisible_or_control;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Role {
    /// The numeric result code.
    Code,
    /// The result key, an identifier.
    Key,
    /// The message the server sends.
    Message,
    /// The documentation's description of the code.
    Description,
}

impl Role {
    /// The field of a row that the role's column holds, as diagnostics name it.
    pub(crate) fn field(self) -> Field {
        match self {
            Role::Code => Field::Code,
            Role::Key => Field::Key,
            Role::Message => Field::Message,
            Role::Description => Field::Description,
        }
    }

    /// Every role, in the order of [`Roles`]'s fields.
    pub(crate) const ALL: [Role; 4] = [Role::Code, Role::Key, Role::Message, Role::Description];

    /// The role's names, folded: the specific ones first, then the bare ones.
    fn names(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Role::Code => (
                &[
                    "resultcode",
                    "errorcode",
                    "결과코드",
                    "오류코드",
                    "에러코드",
                    "응답코드",
                    "エラーコード",
                    "結果コード",
                    "错误代码",
                    "错误码",
                    "錯誤代碼",
                    "结果代码",
                ],
                &["code", "코드", "コード", "代码"],
            ),
            Role::Key => (
                &["resultkey", "errorkey", "결과키", "오류키"],
                &["key", "키", "キー"],
            ),
            Role::Message => (
                &[
                    "resultmessage",
                    "errormessage",
                    "apiresponsemessage",
                    "결과메시지",
                    "오류메시지",
                    "에러메시지",
                    "api응답메시지",
                    "エラーメッセージ",
                    "結果メッセージ",
                    "apiレスポンスメッセージ",
                    "错误信息",
                    "错误消息",
                    "结果信息",
                ],
                &["message", "메시지", "メッセージ", "消息", "信息"],
            ),
            Role::Description => (
                &["description", "설명", "説明", "说明", "描述", "說明"],
                &["meaning", "의미", "意味", "含义", "desc"],
            ),
        }
    }
}

/// How a header names its column, best first: a bare name yields to a specific one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Naming {
    /// `resultCode`, `errorMessage`, `결과 코드`, `Description`.
    Specific,
    /// `code`, `message`, `코드`, `의미`.
    Bare,
}

/// The language a header's qualifier names, best first: the unqualified column wins, then
/// English, then any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Language {
    /// No qualifier (`resultMessage`), or the role's name again (`결과 코드(resultCode)`).
    Unqualified,
    /// English (`resultMessage (English)`, `message-en`, `resultMessage（en-US）`).
    English,
    /// Another language (`resultMessage (Korean)`, `message-ko`).
    Other,
}

/// A column's role and how well its header names it: the lower, the better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) role: Role,
    pub(crate) rank: (Language, Naming),
}

/// Classifies a header cell: its role and rank, or `None` when it names no role.
pub(crate) fn classify(header: &str) -> Option<Column> {
    let folded = fold_header(header);
    Role::ALL.into_iter().find_map(|role| {
        let (specific, bare) = role.names();
        let named = |names: &[&str], naming| {
            names.iter().find_map(|name| {
                let qualifier = folded.strip_prefix(name)?;
                Some((naming, qualifier))
            })
        };
        // A longer name is tried first where one is a prefix of another (`코드` of nothing,
        // `결과코드` before `code`): the specific names never start with a bare one's text
        // followed by a language, so the first match is the right one.
        let (naming, qualifier) =
            named(specific, Naming::Specific).or_else(|| named(bare, Naming::Bare))?;
        let language = qualifier_language(role, qualifier)?;
        Some(Column {
            role,
            rank: (language, naming),
        })
    })
}

/// The language of a folded qualifier after a role's name, or `None` when the qualifier
/// makes the header name no role. In brackets it may be a language or the role's name
/// (`(resultCode)`); without, only a language, so that `resultMessages` or `codevalue` is
/// no column at all.
fn qualifier_language(role: Role, qualifier: &str) -> Option<Language> {
    if qualifier.is_empty() {
        return Some(Language::Unqualified);
    }
    let (inner, bracketed) = match unbracket(qualifier) {
        Some(inner) => (inner, true),
        None => (qualifier, false),
    };
    if is_english(inner) {
        return Some(Language::English);
    }
    if is_language(inner) {
        return Some(Language::Other);
    }
    let (specific, bare) = role.names();
    let same_role = specific.contains(&inner) || bare.contains(&inner);
    (bracketed && same_role).then_some(Language::Unqualified)
}

/// The columns of a table's header that have a role, each the best-ranked of its role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    pub(crate) code: Option<usize>,
    pub(crate) key: Option<usize>,
    pub(crate) message: Option<usize>,
    pub(crate) description: Option<usize>,
}

/// Two columns of one header claim one role with equal rank: their indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tie {
    pub(crate) role: Role,
    pub(crate) first: usize,
    pub(crate) second: usize,
}

impl Roles {
    /// The role columns among `headers`: for each role the best-ranked column; a tie
    /// between two columns of the best rank is returned beside, the first column kept.
    pub(crate) fn of<'a>(headers: impl IntoIterator<Item = &'a str>) -> (Roles, Option<Tie>) {
        let mut best: [Option<((Language, Naming), usize)>; 4] = [None; 4];
        let mut ties: [Option<Tie>; 4] = [None; 4];
        for (index, header) in headers.into_iter().enumerate() {
            let Some(Column { role, rank }) = classify(header) else {
                continue;
            };
            let slot = role as usize;
            match best[slot] {
                Some((known, _)) if rank > known => {}
                Some((known, first)) if rank == known => {
                    ties[slot].get_or_insert(Tie {
                        role,
                        first,
                        second: index,
                    });
                }
                _ => {
                    best[slot] = Some((rank, index));
                    ties[slot] = None;
                }
            }
        }
        let [code, key, message, description] = best.map(|best| best.map(|(_, index)| index));
        let roles = Roles {
            code,
            key,
            message,
            description,
        };
        (roles, ties.into_iter().flatten().next())
    }

    /// Gives `role` the column `index`.
    pub(crate) fn set(&mut self, role: Role, index: usize) {
        let slot = match role {
            Role::Code => &mut self.code,
            Role::Key => &mut self.key,
            Role::Message => &mut self.message,
            Role::Description => &mut self.description,
        };
        *slot = Some(index);
    }

    /// The column of `role`, if the header has one.
    pub(crate) fn get(&self, role: Role) -> Option<usize> {
        match role {
            Role::Code => self.code,
            Role::Key => self.key,
            Role::Message => self.message,
            Role::Description => self.description,
        }
    }

    /// Whether a table with these columns is an error-code table: it has a code column and
    /// a key or a message column, or a code and a description column and it stands under
    /// an error-code title (`titled`). A code with only a description elsewhere lists
    /// values of a field (`Code value | Description` under a status heading), not errors.
    pub(crate) fn is_error_code_table(&self, titled: bool) -> bool {
        self.code.is_some()
            && (self.key.is_some()
                || self.message.is_some()
                || (titled && self.description.is_some()))
    }
}

/// The role name that a header which names no role is a misspelling of: one letter off
/// (`resultMesage`, `errorKye`), or two for a name of eight letters or more, compared
/// folded with the ASCII names. Its column would be dropped in silence otherwise.
pub(crate) fn misspelled(header: &str) -> Option<&'static str> {
    if classify(header).is_some() {
        return None;
    }
    let folded = fold_header(header);
    if !folded.is_ascii() {
        return None;
    }
    Role::ALL.into_iter().find_map(|role| {
        let (specific, bare) = role.names();
        specific.iter().chain(bare).copied().find(|name| {
            let allowed = match name.len() {
                0..=5 => 0,
                6..=7 => 1,
                _ => 2,
            };
            name.is_ascii() && (1..=allowed).contains(&distance(&folded, name, allowed))
        })
    })
}

/// The edit distance of two ASCII strings (insertions, deletions, substitutions), or
/// `limit + 1` when it is more than `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(x != y);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()].min(limit + 1)
}

/// Whether text is an error-code page's or section's title, in the docs' languages,
/// compared folded as headers are: `Error Code(s)`, `Result Codes`, `ResultCode`, `오류 코드`,
/// `エラーコード`, `错误代码`, with an `API` before it or `Guide`/`List` after it, and a
/// section number before (`3. Error Codes`).
pub(crate) fn is_error_code_title(text: &str) -> bool {
    const TITLES: &[&str] = &[
        "errorcode",
        "errorcodes",
        "errorcode(s)",
        "resultcode",
        "resultcodes",
        "resultcode(s)",
        "responsecode",
        "responsecodes",
        "오류코드",
        "에러코드",
        "결과코드",
        "응답코드",
        "エラーコード",
        "結果コード",
        "错误代码",
        "错误码",
        "錯誤代碼",
        "结果代码",
    ];
    const AFTER: &[&str] = &[
        "",
        "guide",
        "list",
        "table",
        "가이드",
        "목록",
        "一覧",
        "列表",
    ];
    let folded = fold_header(text);
    let folded = folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let folded = folded.strip_prefix("api").unwrap_or(folded);
    TITLES.iter().any(|title| {
        folded
            .strip_prefix(title)
            .is_some_and(|rest| AFTER.contains(&rest))
    })
}

/// Whether a breadcrumb's last segment is an API guide's title: `API Guide`,
/// `API v2.0 Guide`, `API v1.0 가이드`, `API v1.1 ガイド`, `API指南`, which names the
/// guide, not the service.
pub(crate) fn is_guide_title(segment: &str) -> bool {
    const GUIDES: &[&str] = &["guide", "가이드", "ガイド", "指南"];
    let folded = fold_header(segment);
    let Some(rest) = folded.strip_prefix("api") else {
        return false;
    };
    let Some(version) = GUIDES.iter().find_map(|guide| rest.strip_suffix(guide)) else {
        return false;
    };
    let version = version.strip_prefix('v').unwrap_or(version);
    version.is_empty()
        || (version.starts_with(|c: char| c.is_ascii_digit())
            && version.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// A header's text as [`classify`] compares it, and titles and footers too: NFKC (fullwidth
/// forms read as ASCII, `（` as `(`, halfwidth katakana as katakana), lower case, without
/// white space, `_`, `-` or invisible characters (the zero-width space or soft hyphen that a
/// copy from a browser or a word processor leaves in a header).
pub(crate) fn fold_header(header: &str) -> String {
    let kept = |c: &char| !c.is_whitespace() && *c != '_' && *c != '-';
    // NFKC leaves ASCII as it is, and nearly every word a reader asks about is ASCII.
    if header.is_ascii() {
        let chars = header
            .chars()
            .filter(kept)
            .filter(|&c| !is_invisible_or_control(c));
        return chars.map(|c| c.to_ascii_lowercase()).collect();
    }
    header
        .nfkc()
        .filter(|c| kept(c) && !is_invisible_or_control(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text inside a folded qualifier's brackets (`(en)`, `[en]`, `【en】`), or `None` when it
/// is not bracketed.
fn unbracket(qualifier: &str) -> Option<&str> {
    [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')]
        .into_iter()
        .find_map(|(open, close)| qualifier.strip_prefix(open)?.strip_suffix(close))
}

/// Whether a folded qualifier names one of the docs' other languages: Korean, Japanese or
/// Chinese, by name, abbreviation or locale tag (`ko`, `ko-KR`, `ja_JP`, `zh-CN`).
fn is_language(qualifier: &str) -> bool {
    const NAMES: &[&str] = &[
        "korean",
        "kor",
        "ko",
        "kr",
        "한국어",
        "한글",
        "국문",
        "韓国語",
        "韩语",
        "japanese",
        "jpn",
        "ja",
        "jp",
        "일본어",
        "日本語",
        "日语",
        "chinese",
        "chn",
        "zh",
        "cn",
        "중국어",
        "中国語",
        "中文",
        "汉语",
    ];
    let tag = ["ko", "ja", "zh"]
        .into_iter()
        .any(|language| is_locale_tag(qualifier, language));
    NAMES.contains(&qualifier) || tag
}

/// Whether a folded qualifier names English: the word in the docs' languages, its
/// abbreviations, or a locale tag for it in BCP 47 or POSIX form (`en`, `en-US`, `en_GB`,
/// which fold to `en`, `enus`, `engb`).
fn is_english(qualifier: &str) -> bool {
    const NAMES: &[&str] = &[
        "en",
        "eng",
        "english",
        "영어",
        "영문",
        "英語",
        "英语",
        "英文",
        "英語版",
        "英文版",
    ];
    NAMES.contains(&qualifier) || qualifier.starts_with("english") || is_locale_tag(qualifier, "en")
}

/// Whether a folded qualifier is a locale tag of `language` with a region, in BCP 47 or
/// POSIX form (`ko-KR`, `en_US`), which fold to the language and two letters (`kokr`).
fn is_locale_tag(qualifier: &str, language: &str) -> bool {
    qualifier
        .strip_prefix(language)
        .is_some_and(|rest| rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::Language::{English, Other, Unqualified};
    use super::Naming::{Bare, Specific};
    use super::*;

    fn role(header: &str) -> Option<(Role, Language, Naming)> {
        classify(header).map(|c| (c.role, c.rank.0, c.rank.1))
    }

    #[test]
    fn every_role_is_named_in_four_languages() {
        let cases: &[(Role, &[&str])] = &[
            (
                Role::Code,
                &[
                    "resultCode",
                    "result code",
                    "Result_Code",
                    "errorCode",
                    "Error Code",
                    "error-code",
                    "결과 코드",
                    "오류 코드",
                    "에러 코드",
                    "응답코드",
                    "エラーコード",
                    "結果コード",
                    "错误代码",
                    "错误码",
                    "결과 코드(resultCode)",
                    "ｒｅｓｕｌｔＣｏｄｅ",
                ],
            ),
            (Role::Key, &["resultKey", "errorKey", "result_key"]),
            (
                Role::Message,
                &[
                    "resultMessage",
                    "errorMessage",
                    "Error Message",
                    "Result Message",
                    "API Response Message",
                    "오류 메시지",
                    "결과 메시지",
                    "API 응답 메시지",
                    "エラーメッセージ",
                    "結果メッセージ",
                    "APIレスポンスメッセージ",
                    "错误信息",
                    "결과 메시지(resultMessage)",
                ],
            ),
            (
                Role::Description,
                &["Description", "설명", "説明", "说明", "描述"],
            ),
        ];
        for (expected, headers) in cases {
            for header in *headers {
                assert_eq!(
                    role(header),
                    Some((*expected, Unqualified, Specific)),
                    "{header}"
                );
            }
        }
        for (header, expected) in [
            ("code", Role::Code),
            ("코드", Role::Code),
            ("コード", Role::Code),
            ("KEY", Role::Key),
            ("message", Role::Message),
            ("메시지", Role::Message),
            ("メッセージ", Role::Message),
            ("의미", Role::Description),
            ("意味", Role::Description),
        ] {
            assert_eq!(
                role(header),
                Some((expected, Unqualified, Bare)),
                "{header}"
            );
        }
    }

    #[test]
    fn other_columns_have_no_role() {
        for header in [
            "isSuccessful",
            "response code",
            "Result Code(Hex)",
            "resultMessage (Note)",
            "결과 코드 메시지",
            "코드명",
            "Code name",
            "Code value",
            "codes",
            "resultMessages",
            "Type",
            "구분",
            "Note",
            "비고",
            "HTTP Status",
            "resultMessage Note",
            "성공 여부(isSuccessful)",
        ] {
            assert_eq!(role(header), None, "{header}");
        }
    }

    #[test]
    fn invisible_and_fullwidth_characters_in_headers_do_not_matter() {
        for header in [
            "result\u{200b}Message",
            "result\u{a0}Message",
            "result\u{ad}Message",
            "\u{feff}resultMessage\u{200d}",
            "result\u{3000}Message",
            "ｒｅｓｕｌｔＭｅｓｓａｇｅ",
            "result\u{2060}Mes\u{200c}sage",
        ] {
            assert_eq!(
                role(header),
                Some((Role::Message, Unqualified, Specific)),
                "{header:?}"
            );
        }
        assert_eq!(role("ｴﾗｰｺｰﾄﾞ"), Some((Role::Code, Unqualified, Specific)));
    }

    #[test]
    fn language_qualifiers_are_recognised_in_every_spelling() {
        for header in [
            "resultMessage (English)",
            "resultMessage (en)",
            "resultMessage (EN)",
            "resultMessage (en-US)",
            "resultMessage (en_US)",
            "resultMessage (en-gb)",
            "resultMessage (Eng)",
            "resultMessage（English）",
            "resultMessage（ｅｎ）",
            "resultMessage [English]",
            "resultMessage【英語】",
            "resultMessage (영어)",
            "resultMessage (英文)",
            "message (english)",
            "resultMessage (English, US)",
            "resultMessage English",
            "Description (English)",
        ] {
            let rank = classify(header).map(|c| c.rank.0);
            assert_eq!(rank, Some(English), "{header}");
        }
        for header in [
            "resultMessage (Korean)",
            "resultMessage (ko-KR)",
            "resultMessage (한국어)",
            "resultMessage（日本語）",
            "resultMessage (ja_JP)",
            "message-ko",
            "설명(한국어)",
        ] {
            let rank = classify(header).map(|c| c.rank.0);
            assert_eq!(rank, Some(Other), "{header}");
        }
    }

    fn of(headers: &[&str]) -> (Roles, Option<Tie>) {
        Roles::of(headers.iter().copied())
    }

    fn columns(headers: &[&str]) -> [Option<usize>; 4] {
        let (roles, tie) = of(headers);
        assert_eq!(tie, None, "{headers:?}");
        Role::ALL.map(|role| roles.get(role))
    }

    #[test]
    fn the_better_ranked_column_takes_the_role() {
        assert_eq!(
            columns(&["resultCode", "resultKey", "resultMessage"]),
            [Some(0), Some(1), Some(2), None]
        );
        assert_eq!(
            columns(&[
                "message (Korean)",
                "key",
                "note",
                "message (English)",
                "code"
            ]),
            [Some(4), Some(1), Some(3), None]
        );
        assert_eq!(
            columns(&["Code", "resultCode", "resultKey", "resultMessage"]),
            [Some(1), Some(2), Some(3), None]
        );
        assert_eq!(
            columns(&["errorCode", "code", "key", "errorKey", "message"]),
            [Some(0), Some(3), Some(4), None]
        );
        assert_eq!(
            columns(&["DLR 에러 코드", "의미", "설명"]),
            [None, None, None, Some(2)]
        );
        assert_eq!(
            columns(&["Result Code", "Result Code(Hex)", "Result Message", "설명"]),
            [Some(0), None, Some(2), Some(3)]
        );
        assert_eq!(
            columns(&[
                "카테고리",
                "성공 여부",
                "결과 코드",
                "결과 코드 메시지",
                "API 응답 메시지"
            ]),
            [Some(2), None, Some(4), None]
        );
        assert_eq!(
            columns(&["Name", "Type", "Description"]),
            [None, None, None, Some(2)]
        );
    }

    #[test]
    fn two_columns_of_equal_rank_are_a_tie() {
        let (roles, tie) = of(&["code", "message", "Code", "note"]);
        assert_eq!(roles.code, Some(0), "the first is kept");
        assert_eq!(
            tie,
            Some(Tie {
                role: Role::Code,
                first: 0,
                second: 2
            })
        );
        let (_, tie) = of(&["resultCode", "설명", "Description"]);
        assert_eq!(
            tie.map(|t| (t.role, t.first, t.second)),
            Some((Role::Description, 1, 2))
        );
        // A better column after a tie settles it.
        let (roles, tie) = of(&["code", "Code", "resultCode", "message"]);
        assert_eq!((roles.code, tie), (Some(2), None));
    }

    #[test]
    fn a_table_counts_with_a_code_and_a_text_column() {
        let table = |headers: &[&str], titled| of(headers).0.is_error_code_table(titled);
        assert!(table(&["resultCode", "resultMessage"], false));
        assert!(table(&["code", "key"], false));
        assert!(table(&["Error Code", "Description"], true));
        assert!(!table(&["Error Code", "Description"], false));
        assert!(!table(&["Code value", "Description"], true));
        assert!(!table(&["resultMessage", "Description"], true));
        assert!(!table(&["isSuccessful", "resultKey"], true));
    }

    #[test]
    fn near_misses_of_role_names_are_misspellings() {
        assert_eq!(misspelled("resultMesage"), Some("resultmessage"));
        assert_eq!(misspelled("result Mesage"), Some("resultmessage"));
        assert_eq!(misspelled("resultKye"), Some("resultkey"));
        assert_eq!(misspelled("Descripton"), Some("description"));
        assert_eq!(misspelled("mesage"), Some("message"));
        for header in [
            "resultMessage",
            "Note",
            "Type",
            "isSuccessful",
            "Remarks",
            "Category",
            "Result Code(Hex)",
            "코드명",
            "mess",
            "codes",
        ] {
            assert_eq!(misspelled(header), None, "{header}");
        }
        assert_eq!(distance("kitten", "sitting", 5), 3);
        assert_eq!(distance("a", "abcdef", 2), 3);
    }

    #[test]
    fn error_code_titles_in_every_language() {
        for title in [
            "Error Code",
            "error codes",
            "Error Code Guide",
            "Result Code",
            "Result Codes",
            "Result Code(s)",
            "ResultCode",
            "오류 코드",
            "오류 코드 가이드",
            "에러 코드",
            "결과 코드",
            "응답 코드",
            "エラーコード",
            "結果コード",
            "错误代码",
            "錯誤代碼",
            "API 오류 코드",
            "3. Error Codes",
            "Error Code List",
        ] {
            assert!(is_error_code_title(title), "{title}");
        }
        for title in [
            "Error Code Table of Contents",
            "Errors",
            "Create group",
            "Status codes",
        ] {
            assert!(!is_error_code_title(title), "{title}");
        }
    }

    #[test]
    fn api_guide_titles_in_every_language() {
        for title in [
            "API Guide",
            "API v2.0 Guide",
            "API v1.1 Guide",
            "API v1.0 가이드",
            "API v2.0 가이드",
            "API 가이드",
            "API v1.0ガイド",
            "API v1.1 ガイド",
            "APIガイド",
            "API v2.1 Guide",
            "API指南",
        ] {
            assert!(is_guide_title(title), "{title}");
        }
        for title in [
            "Console Guide",
            "API",
            "Lucene 쿼리 가이드",
            "API vX Guide",
            "Open API 개요",
        ] {
            assert!(!is_guide_title(title), "{title}");
        }
    }
}
