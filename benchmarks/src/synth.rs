//! Synthetic error-code documents, shaped like the published pages and as many as wanted.
//!
//! A set is `N` documents of `M` rows, each document one service's page. The rows look
//! like the real ones: a few small shared codes (`0 SUCCESS`, `-1 FAIL`, `400 BAD_REQUEST`)
//! and then sparse seven-digit codes grouped by category (`4000001`, `4000002`, `4000101`,
//! `4010002`, `5003001`), with SCREAMING_SNAKE keys of varied length that share prefixes
//! (`INVALID_…`, `MISSING_…`, `…_NOT_FOUND`) and messages in English, now and then in
//! Korean. Three pages in four are markdown tables, the fourth a plain-text copy of the
//! rendered page, as in `seeds/`.
//!
//! Everything is drawn from a seeded generator, so a set is the same on every machine and
//! every run. The build script of this package includes this file too (`#[path]`), so it
//! uses nothing but `std`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The seed the benchmarks and scripts use unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x00e7_7d0c_5eed;

/// One document of a set: where it goes, relative to the set's folder, and its text.
#[derive(Clone, Debug)]
pub struct Document {
    /// A relative path such as `0007-face-compare-0007.md`.
    pub path: String,
    /// The page.
    pub text: String,
}

/// One listed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The result code.
    pub code: i32,
    /// The result key, `[A-Z][A-Z0-9_]*`, unique in its service.
    pub key: String,
    /// The message, never empty, never holding markdown markup or `|`.
    pub message: String,
}

/// One synthetic service: its breadcrumb and its rows in code order.
#[derive(Clone, Debug)]
pub struct Service {
    /// The breadcrumb's category segment (`OCR`).
    pub category: &'static str,
    /// The service's name, the breadcrumb's last segment, unique in a set
    /// (`Face Compare 0007`).
    pub name: String,
    /// The rows, sorted by code, codes and keys unique.
    pub rows: Vec<Row>,
}

/// `documents` pages of `rows` rows each, one service per page.
pub fn documents(documents: usize, rows: usize, seed: u64) -> Vec<Document> {
    (0..documents)
        .map(|index| {
            let service = service(index, rows, seed);
            let slug = service.name.to_lowercase().replace(' ', "-");
            // One page in four is a plain-text copy of the rendered page.
            if index % 4 == 3 {
                Document {
                    path: format!("{index:04}-{slug}.txt"),
                    text: service.plain_text(),
                }
            } else {
                Document {
                    path: format!("{index:04}-{slug}.md"),
                    text: service.markdown(),
                }
            }
        })
        .collect()
}

/// Service number `index` of a set drawn from `seed`, with `rows` rows.
pub fn service(index: usize, rows: usize, seed: u64) -> Service {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let category = CATEGORIES[index % CATEGORIES.len()];
    let name = format!("{} {index:04}", rng.pick(SERVICE_NAMES));
    let prefix = service_key_prefix(&name);

    let mut codes = BTreeSet::new();
    let mut keys = BTreeSet::new();
    let mut listed = Vec::with_capacity(rows);
    // The shared small codes come first on every page, a few of them on small pages.
    for &(code, key, message) in COMMON.iter().take((rows / 6).min(COMMON.len())) {
        codes.insert(code);
        keys.insert(key.to_owned());
        listed.push(Row {
            code,
            key: key.to_owned(),
            message: message.to_owned(),
        });
    }
    let mut cursors: Vec<i32> = CODE_GROUPS.iter().map(|group| group.first).collect();
    // Failures of the service itself sit in a block of their own, as 5003001 does.
    cursors[SERVICE_GROUP] = 1 + 1000 * (1 + (index % 9) as i32);
    while listed.len() < rows {
        let group = rng.weighted(CODE_GROUPS);
        let code = next_code(
            &mut cursors[group],
            CODE_GROUPS[group].prefix,
            &codes,
            &mut rng,
        );
        codes.insert(code);
        let (key, message) = if group == SERVICE_GROUP {
            service_failure(&prefix, &keys, &mut rng)
        } else {
            client_error(&keys, &mut rng)
        };
        keys.insert(key.clone());
        listed.push(Row { code, key, message });
    }
    listed.sort_by_key(|row| row.code);
    Service {
        category,
        name,
        rows: listed,
    }
}

impl Service {
    /// The breadcrumb, with a title that the generator drops.
    fn breadcrumb(&self) -> String {
        let title = TITLES[self.name.len() % TITLES.len()];
        format!("AI Service > {} > {} > {title}", self.category, self.name)
    }

    /// The page as markdown, with a padded table as the docs site writes it.
    pub fn markdown(&self) -> String {
        let key_width = self.rows.iter().map(|r| r.key.len()).max().unwrap_or(0);
        let mut page = format!("## {}\n\n", self.breadcrumb());
        let _ = writeln!(
            page,
            "| resultCode | {:key_width$} | resultMessage |",
            "resultKey"
        );
        let _ = writeln!(page, "|------------|-{:-<key_width$}-|---------------|", "");
        for row in &self.rows {
            let _ = writeln!(
                page,
                "| {:<10} | {:key_width$} | {} |",
                row.code, row.key, row.message
            );
        }
        page
    }

    /// The page as a plain-text copy of the rendered page.
    pub fn plain_text(&self) -> String {
        let mut page = format!(
            "{}\n\nresultCode resultKey resultMessage\n",
            self.breadcrumb()
        );
        for row in &self.rows {
            let _ = writeln!(page, "{} {} {}", row.code, row.key, row.message);
        }
        page
    }

    /// `count` codes this service does not list, drawn as a client would meet them: mostly
    /// neighbours of listed codes and codes of the same categories, some small numbers and
    /// some arbitrary ones.
    pub fn unlisted_codes(&self, count: usize, seed: u64) -> Vec<i32> {
        let listed: BTreeSet<i32> = self.rows.iter().map(|row| row.code).collect();
        let mut rng = Rng::new(seed);
        let mut unlisted = Vec::with_capacity(count);
        while unlisted.len() < count {
            let near = self.rows[rng.below(self.rows.len())].code;
            let code = match rng.below(10) {
                0..=5 => near.wrapping_add(rng.below(200) as i32 - 100),
                6 | 7 => {
                    CODE_GROUPS[rng.below(CODE_GROUPS.len())].prefix * 10_000
                        + rng.below(10_000) as i32
                }
                8 => rng.below(1000) as i32 - 100,
                _ => rng.next_u64() as i32,
            };
            if !listed.contains(&code) {
                unlisted.push(code);
            }
        }
        unlisted
    }

    /// `count` keys this service does not list: keys of the same shapes, and listed keys
    /// with one letter changed (the same length, so a lookup must compare them whole).
    pub fn unlisted_keys(&self, count: usize, seed: u64) -> Vec<String> {
        let listed: BTreeSet<&str> = self.rows.iter().map(|row| row.key.as_str()).collect();
        let mut rng = Rng::new(seed);
        let none = BTreeSet::new();
        let mut unlisted = Vec::with_capacity(count);
        while unlisted.len() < count {
            let key = if rng.below(2) == 0 {
                client_error(&none, &mut rng).0
            } else {
                let mut key = self.rows[rng.below(self.rows.len())]
                    .key
                    .clone()
                    .into_bytes();
                let at = rng.below(key.len());
                key[at] = if key[at] == b'X' { b'Q' } else { b'X' };
                String::from_utf8(key).unwrap_or_default()
            };
            if !listed.contains(key.as_str()) {
                unlisted.push(key);
            }
        }
        unlisted
    }
}

/// The next free code of a group: usually the next number, sometimes a few further, and
/// now and then the first of the next hundred (`4000003` → `4000101`).
fn next_code(cursor: &mut i32, prefix: i32, taken: &BTreeSet<i32>, rng: &mut Rng) -> i32 {
    loop {
        *cursor += match rng.below(10) {
            0..=6 => 1,
            7 | 8 => 2 + rng.below(3) as i32,
            _ => 101 - *cursor % 100,
        };
        let code = prefix * 10_000 + *cursor;
        if !taken.contains(&code) {
            return code;
        }
    }
}

/// A key and message for a client error (`INVALID_FILE_TYPE`, "Invalid file type."), not
/// in `taken`. Simple nouns first; richer ones, then a numbered suffix, when those are
/// used up.
fn client_error(taken: &BTreeSet<String>, rng: &mut Rng) -> (String, String) {
    for attempt in 0.. {
        let template = rng.pick(TEMPLATES);
        let mut noun = rng.pick(NOUNS).to_owned();
        if attempt >= 2 {
            noun = format!("{}_{noun}", rng.pick(QUALIFIERS));
        }
        if attempt >= 4 {
            noun = format!("{noun}_{}", rng.pick(NOUNS));
        }
        let mut key = template.key.replace('#', &noun);
        if attempt >= 8 {
            let _ = write!(key, "_{attempt}");
        }
        if !taken.contains(&key) {
            let words = noun.to_lowercase().replace('_', " ");
            let message = template.message.replace('#', &words);
            return (key, decorate(message, rng));
        }
    }
    unreachable!("the numbered suffix makes every key new")
}

/// A key and message for a failure of the service itself (`FACE_COMPARE_API_FAIL`).
fn service_failure(prefix: &str, taken: &BTreeSet<String>, rng: &mut Rng) -> (String, String) {
    let subject = prefix.to_lowercase().replace('_', " ");
    for attempt in 0.. {
        let (suffix, message) = rng.pick(FAILURES);
        let mut key = format!("{prefix}_{suffix}");
        if attempt >= 4 {
            key = format!("{prefix}_{}_{suffix}", rng.pick(NOUNS));
        }
        if attempt >= 8 {
            let _ = write!(key, "_{attempt}");
        }
        if !taken.contains(&key) {
            return (key, decorate(message.replace('#', &subject), rng));
        }
    }
    unreachable!("the numbered suffix makes every key new")
}

/// Capitalizes a message and, now and then, adds a second sentence or swaps it for Korean.
fn decorate(message: String, rng: &mut Rng) -> String {
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .collect();
    out.extend(chars);
    match rng.below(20) {
        0..=3 => {
            out.push(' ');
            out.push_str(rng.pick(ADVICE));
        }
        4 => return rng.pick(KOREAN).to_owned(),
        _ => {}
    }
    out
}

/// `FACE_COMPARE` for `Face Compare 0007`: the service's words, without its number.
fn service_key_prefix(name: &str) -> String {
    name.split(' ')
        .filter(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
        .map(str::to_uppercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// A small deterministic generator (SplitMix64): enough for shuffling and picking, and
/// the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound`, which is not zero.
    pub fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// One of `items`, which is not empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// The index of one of `groups`, drawn by weight.
    fn weighted(&mut self, groups: &[CodeGroup]) -> usize {
        let total: u32 = groups.iter().map(|g| g.weight).sum();
        let mut draw = self.below(total as usize) as u32;
        for (index, group) in groups.iter().enumerate() {
            if draw < group.weight {
                return index;
            }
            draw -= group.weight;
        }
        groups.len() - 1
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for end in (1..items.len()).rev() {
            items.swap(end, self.below(end + 1));
        }
    }
}

/// A block of codes: `prefix` followed by four digits, starting after `first`.
struct CodeGroup {
    prefix: i32,
    first: i32,
    weight: u32,
}

/// The code groups, by how often the pages use them. `5000000`-block service failures are
/// group [`SERVICE_GROUP`].
const CODE_GROUPS: &[CodeGroup] = &[
    CodeGroup {
        prefix: 400,
        first: 0,
        weight: 40,
    },
    CodeGroup {
        prefix: 401,
        first: 0,
        weight: 10,
    },
    CodeGroup {
        prefix: 403,
        first: 0,
        weight: 5,
    },
    CodeGroup {
        prefix: 404,
        first: 0,
        weight: 8,
    },
    CodeGroup {
        prefix: 409,
        first: 0,
        weight: 4,
    },
    CodeGroup {
        prefix: 413,
        first: 0,
        weight: 2,
    },
    CodeGroup {
        prefix: 429,
        first: 0,
        weight: 4,
    },
    CodeGroup {
        prefix: 500,
        first: 0,
        weight: 10,
    },
    CodeGroup {
        prefix: 500,
        first: 1000,
        weight: 12,
    },
    CodeGroup {
        prefix: 503,
        first: 0,
        weight: 5,
    },
];

/// The index in [`CODE_GROUPS`] of the service's own failures.
const SERVICE_GROUP: usize = 8;

/// The small codes most pages start with.
const COMMON: &[(i32, &str, &str)] = &[
    (0, "SUCCESS", "Success"),
    (-1, "FAIL", "Unknown error."),
    (400, "BAD_REQUEST", "Bad Request"),
    (401, "UNAUTHORIZED", "Unauthorized"),
    (403, "FORBIDDEN", "Forbidden"),
    (404, "NOT_FOUND", "Not Found"),
    (405, "METHOD_NOT_ALLOWED", "Method Not Allowed"),
    (415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"),
    (-2, "TIMEOUT", "Request timed out."),
    (429, "TOO_MANY_REQUESTS", "Too Many Requests"),
    (500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
    (503, "SERVICE_UNAVAILABLE", "Service Unavailable"),
];

/// A key shape and its message; `#` stands for the noun.
#[derive(Clone, Copy)]
struct Template {
    key: &'static str,
    message: &'static str,
}

const TEMPLATES: &[Template] = &[
    Template {
        key: "INVALID_#",
        message: "invalid #.",
    },
    Template {
        key: "INVALID_#",
        message: "invalid #.",
    },
    Template {
        key: "INVALID_#_FORMAT",
        message: "invalid # format.",
    },
    Template {
        key: "MISSING_#",
        message: "required # is missing.",
    },
    Template {
        key: "#_NOT_FOUND",
        message: "# not found.",
    },
    Template {
        key: "NOT_EXIST_#",
        message: "# that does not exist.",
    },
    Template {
        key: "UNSUPPORTED_#",
        message: "unsupported #.",
    },
    Template {
        key: "#_LIMIT_EXCEEDED",
        message: "# limit exceeded, If you need to adjust the limit, please contact customer service.",
    },
    Template {
        key: "MAX_#_EXCEEDED",
        message: "max # exceeded.",
    },
    Template {
        key: "#_ALREADY_EXISTS",
        message: "# already exists.",
    },
    Template {
        key: "#_IS_EMPTY",
        message: "# is empty.",
    },
    Template {
        key: "#_TOO_LARGE",
        message: "# is too large.",
    },
    Template {
        key: "#_EXPIRED",
        message: "# has expired.",
    },
    Template {
        key: "#_MISMATCH",
        message: "# does not match.",
    },
    Template {
        key: "NOT_ALLOWED_#",
        message: "not allowed #.",
    },
    Template {
        key: "#_READ_FAIL",
        message: "# read fail.",
    },
    Template {
        key: "#_UPLOAD_FAIL",
        message: "# upload fail.",
    },
    Template {
        key: "#_DELETE_FAIL",
        message: "all or some # delete fail.",
    },
    Template {
        key: "#_PARSING_FAIL",
        message: "# parsing fail.",
    },
];

const NOUNS: &[&str] = &[
    "PARAMETER",
    "FILE",
    "FILE_TYPE",
    "FILE_SIZE",
    "UUID",
    "APPKEY",
    "SECRETKEY",
    "PROJECT",
    "IMAGE",
    "IMAGE_SIZE",
    "IMAGE_FORMAT",
    "REQUEST_BODY",
    "HEADER",
    "TOKEN",
    "ACCESS_TOKEN",
    "USER",
    "ROLE",
    "BUSINESS_REGISTRATION",
    "BUSINESS_NUMBER",
    "CREDIT_CARD_INFO",
    "ID_CARD_INFO",
    "DOCUMENT",
    "PAGE",
    "LANGUAGE",
    "MODEL",
    "MODEL_VERSION",
    "ENDPOINT",
    "QUOTA",
    "BATCH",
    "JOB",
    "CALLBACK_URL",
    "REGION",
    "BUCKET",
    "OBJECT",
    "FACE",
    "LANDMARK",
    "TEXT",
    "AUDIO",
    "SAMPLE_RATE",
    "VIDEO",
    "FRAME",
    "RESULT",
    "SESSION",
    "SIGNATURE",
    "TIMESTAMP",
    "CONTENT_TYPE",
    "ENCODING",
    "RESOLUTION",
    "THRESHOLD",
    "LABEL",
    "DATASET",
    "TEMPLATE",
    "WEBHOOK",
    "API_CALL",
    "UPLOAD",
    "DOWNLOAD",
    "ORIENTATION",
    "BOUNDING_BOX",
    "CONFIDENCE",
    "PERSON",
    "KEYPOINT",
    "ALBUM",
    "GROUP",
    "MEMBER",
    "DEVICE",
    "CERTIFICATE",
];

const QUALIFIERS: &[&str] = &[
    "UPLOADED",
    "REQUESTED",
    "SOURCE",
    "TARGET",
    "DEFAULT",
    "PRIMARY",
    "SECONDARY",
    "CUSTOM",
    "TEMPORARY",
    "ENCRYPTED",
];

/// Failures of the service itself: the key's suffix and the message, `#` the service.
const FAILURES: &[(&str, &str)] = &[
    ("API_FAIL", "# api fail."),
    ("API_RETURN_EMPTY", "# api returned empty body."),
    ("RECOGNITION_FAIL", "# failed to recognize the image."),
    ("TIMEOUT", "# did not answer in time."),
    ("ENGINE_FAIL", "# engine fail."),
    ("QUEUE_FULL", "# queue is full. Retry later."),
    ("MODEL_LOAD_FAIL", "# could not load its model."),
    ("STORAGE_FAIL", "# storage error."),
    ("DATABASE_FAIL", "database server error."),
    ("INTERNAL_API_FAIL", "internal api fail."),
];

const ADVICE: &[&str] = &[
    "Check the request and try again.",
    "See the API guide for the supported values.",
    "Please contact customer service.",
    "The request was rejected.",
    "Retry after a while (up to 30 seconds).",
];

const KOREAN: &[&str] = &[
    "요청 형식이 올바르지 않습니다.",
    "필수 파라미터가 누락되었습니다.",
    "지원하지 않는 파일 형식입니다.",
    "서버 내부 오류가 발생했습니다.",
    "인증 정보가 유효하지 않습니다.",
];

const CATEGORIES: &[&str] = &[
    "OCR",
    "Vision",
    "Speech",
    "Translation",
    "Face Recognition",
    "Document",
    "Search",
    "Recommendation",
    "Anomaly Detection",
    "Pose Estimation",
];

const SERVICE_NAMES: &[&str] = &[
    "Document OCR",
    "General OCR",
    "Face Compare",
    "Face Detect",
    "Image Tagging",
    "Speech To Text",
    "Text To Speech",
    "Papago",
    "Easy Search",
    "Pose Estimation",
    "Vehicle Plate",
    "Credit Card",
    "Id Card",
    "Product Search",
    "Fashion Style",
];

/// The error-code titles that end a breadcrumb, in the languages of the docs site.
const TITLES: &[&str] = &[
    "Error Code",
    "오류 코드",
    "Error Codes",
    "エラーコード",
    "Result Code",
];
