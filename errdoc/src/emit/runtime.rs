//! The lookups that every service's `ErrorCode` shares, and the layout of the tables they
//! read.
//!
//! Each service module holds one `TABLE`, a [`Table`] of a few literals whatever the
//! number of its codes, laid out when the code was generated:
//!
//! - `codes`: the codes in code order, four little-endian bytes each; a code's index in
//!   it is its *row*, which indexes every other column too;
//! - `keys`, `messages` and `descriptions`: a [`Texts`] column, either one string literal
//!   a row, or (in a large catalog) every text one after another in one string, cut by
//!   `offsets`: the start of each text and, after the last, where the last ends, four
//!   bytes each; or, when no row of the service has such a text, `Empty`, one token. A
//!   row without a text (a keyless code's key, a code without a message or description)
//!   holds the empty string, which no listed text is, and reads as `None`;
//! - `code_slots` and `key_slots`: open-addressing hash tables of eight-byte [`Slot`]s,
//!   a power of two of them, probed linearly from the slot that [`first_slot`] picks with
//!   the table's seed. A slot holds a row ([`EMPTY`] for none) and a tag: for a code slot
//!   the code itself, so that `from_code` reads one slot and no other column; for a key
//!   slot [`key_tag`] of the key's hash, so that a probe compares text only when the tags
//!   agree. Every listed code has a code slot; only a code with a key has a key slot. The
//!   code table is at most half full and the key table (of keyed codes) at most a
//!   quarter, so a probe almost always ends at its first or second slot, hit or miss.
//!
//! An `ErrorCode` is a code and its row ([`UNLISTED`] for a code the documents do not
//! list), so that `key()`, `message()` and `description()` are one read and no probe.
//!
//! This is ordinary Rust that errdoc compiles, tests and hashes with when it lays the
//! tables out; every generated file carries a copy of its text. It uses only `core`, and
//! every lookup is `#[inline]` and `const` where it can be, so that a lookup in an SDK
//! compiles to the probe itself.

// A catalog need not use every item: `Texts::Joined` is built only for large catalogs,
// `Texts::Empty` only for a column without texts, and a catalog without services calls no
// lookup at all.
#![allow(dead_code)]

use ::core::fmt;

/// The row of an empty slot.
pub(super) const EMPTY: u32 = u32::MAX;

/// The row of a code that the documents do not list.
pub(super) const UNLISTED: u32 = u32::MAX;

/// The multiplier of the key hash (FxHash's).
pub(super) const KEY_MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// One service's tables.
pub(super) struct Table {
    /// The codes in code order, four little-endian bytes each.
    pub(super) codes: &'static [u8],
    /// The key of each row, empty for a keyless code.
    pub(super) keys: Texts,
    /// The message of each row, empty for a code without one.
    pub(super) messages: Texts,
    /// The first description of each row, empty for a code without one.
    pub(super) descriptions: Texts,
    /// The hash table of codes: each slot holds a row and its code.
    pub(super) code_slots: &'static [u8],
    /// The seed of the code hash.
    pub(super) code_seed: u64,
    /// The hash table of keys: each slot holds a row and its key's tag.
    pub(super) key_slots: &'static [u8],
    /// The seed of the key hash.
    pub(super) key_seed: u64,
}

impl Table {
    /// The number of rows.
    #[inline]
    pub(super) const fn len(&self) -> usize {
        self.codes.len() / 4
    }

    /// The code of `row`, a listed row.
    #[inline]
    pub(super) const fn code(&self, row: u32) -> i32 {
        read4(self.codes, 4 * row as usize) as i32
    }

    /// The key of `row`, or `None` for [`UNLISTED`] and a keyless code.
    #[inline]
    pub(super) const fn key(&self, row: u32) -> Option<&'static str> {
        self.keys.text(row)
    }

    /// The message of `row`, or `None` for [`UNLISTED`] and a code without one.
    #[inline]
    pub(super) const fn message(&self, row: u32) -> Option<&'static str> {
        self.messages.text(row)
    }

    /// The first description of `row`, or `None` for [`UNLISTED`] and a code without one.
    #[inline]
    pub(super) const fn description(&self, row: u32) -> Option<&'static str> {
        self.descriptions.text(row)
    }

    /// The row of `code`, or [`UNLISTED`]: the slots hold each code beside its row.
    #[inline]
    pub(super) const fn row_of_code(&self, code: i32) -> u32 {
        let slots = self.code_slots;
        let mask = slots.len() / 8 - 1;
        let mut index = first_slot(hash_code(code), self.code_seed, slots.len() / 8);
        loop {
            let slot = Slot::read(slots, index);
            if slot.row == EMPTY {
                return UNLISTED;
            }
            if slot.tag == code as u32 {
                return slot.row;
            }
            index = (index + 1) & mask;
        }
    }

    /// The row of `key`, if listed: its text is compared only where a slot's tag is the
    /// key's.
    #[inline]
    pub(super) const fn row_of_key(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        let hash = hash_key(key);
        let tag = key_tag(hash);
        let slots = self.key_slots;
        let mask = slots.len() / 8 - 1;
        let mut index = first_slot(hash, self.key_seed, slots.len() / 8);
        loop {
            let slot = Slot::read(slots, index);
            if slot.row == EMPTY {
                return None;
            }
            if slot.tag == tag && same(self.keys.bytes(slot.row as usize), key) {
                return Some(slot.row);
            }
            index = (index + 1) & mask;
        }
    }

    /// Writes `INVALID_UUID(4010002)` for a listed code with a key, `ErrorCode(4000005)`
    /// for a keyless one and for a code the documents do not list: an `ErrorCode`'s
    /// `Debug`.
    pub(super) fn debug(&self, code: i32, row: u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple(self.key(row).unwrap_or("ErrorCode"))
            .field(&code)
            .finish()
    }

    /// Writes `INVALID_UUID (4010002): Invalid uuid.` for a listed code with a key,
    /// `4000005: Invalid group.` for a keyless one, and `unlisted result code 4999999` for
    /// a code the documents do not list: an `ErrorCode`'s `Display`. The text is the
    /// message, or the description for a code without a message.
    pub(super) fn display(&self, code: i32, row: u32, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self.message(row) {
            Some(message) => Some(message),
            None => self.description(row),
        };
        match (self.key(row), text) {
            (Some(key), Some(text)) => ::core::write!(f, "{key} ({code}): {text}"),
            (Some(key), None) => ::core::write!(f, "{key} ({code})"),
            (None, Some(text)) => ::core::write!(f, "{code}: {text}"),
            (None, None) => ::core::write!(f, "unlisted result code {code}"),
        }
    }
}

/// A column of texts, one a row; a row without a text holds the empty string.
pub(super) enum Texts {
    /// No row has a text: a column that the service's documents do not give (its
    /// descriptions, most often) costs one token, not an empty literal a row.
    Empty,
    /// One literal a row: reading one is an array read.
    Listed(&'static [&'static str]),
    /// Every row's text one after another in `all`: text `row` starts at offset `row` and
    /// ends at offset `row + 1`, four little-endian bytes each, so that one eight-byte read
    /// gives both. A catalog of many codes costs one literal a column this way.
    Joined {
        /// The texts, joined.
        all: &'static str,
        /// Where each text starts, and where the last ends.
        offsets: &'static [u8],
    },
}

impl Texts {
    /// The text of `row`, or `None` for [`UNLISTED`] and a row without one.
    #[inline]
    pub(super) const fn text(&self, row: u32) -> Option<&'static str> {
        if row == UNLISTED {
            return None;
        }
        let text = self.get(row as usize);
        if text.is_empty() { None } else { Some(text) }
    }

    /// The text of `row`, a listed row: empty for a row without one.
    #[inline]
    pub(super) const fn get(&self, row: usize) -> &'static str {
        match *self {
            Texts::Empty => "",
            Texts::Listed(list) => list[row],
            Texts::Joined { all, offsets } => {
                let span = TextSpan::read(offsets, row);
                all.split_at(span.end).0.split_at(span.start).1
            }
        }
    }

    /// The bytes of the text of `row`: a key to compare needs no check that it starts
    /// and ends on a character boundary.
    #[inline]
    pub(super) const fn bytes(&self, row: usize) -> &'static [u8] {
        match *self {
            Texts::Empty => b"",
            Texts::Listed(list) => list[row].as_bytes(),
            Texts::Joined { all, offsets } => {
                let span = TextSpan::read(offsets, row);
                all.as_bytes().split_at(span.end).0.split_at(span.start).1
            }
        }
    }
}

/// Where one text of a joined column starts and ends.
struct TextSpan {
    start: usize,
    end: usize,
}

impl TextSpan {
    /// The span of text `row`, from its offset and the next.
    #[inline]
    const fn read(offsets: &[u8], row: usize) -> TextSpan {
        let both = read8(offsets, 4 * row);
        TextSpan {
            start: both as u32 as usize,
            end: (both >> 32) as usize,
        }
    }
}

/// One slot of a hash table: eight bytes, the row and the tag, little-endian.
pub(super) struct Slot {
    /// The row, or [`EMPTY`].
    pub(super) row: u32,
    /// The code, or the key's [`key_tag`].
    pub(super) tag: u32,
}

impl Slot {
    /// Slot `index` of `slots`.
    #[inline]
    pub(super) const fn read(slots: &[u8], index: usize) -> Slot {
        let both = read8(slots, 8 * index);
        Slot {
            row: both as u32,
            tag: (both >> 32) as u32,
        }
    }

    /// The slot's eight bytes.
    #[inline]
    pub(super) const fn to_bytes(&self) -> [u8; 8] {
        ((self.tag as u64) << 32 | self.row as u64).to_le_bytes()
    }
}

/// The first slot to probe for `hash` in a table of `slot_count` slots, a power of two
/// and at least two: the high bits of the seeded product, which a multiplication mixes
/// best.
#[inline]
pub(super) const fn first_slot(hash: u64, seed: u64, slot_count: usize) -> usize {
    let shift = 64 - slot_count.trailing_zeros();
    (hash.wrapping_mul(seed) >> shift) as usize
}

/// The hash of a code, before the seed: the code's bits.
#[inline]
pub(super) const fn hash_code(code: i32) -> u64 {
    code as u32 as u64
}

/// The tag of a key slot: the high half of the key's hash, which [`first_slot`] does not
/// see in small tables.
#[inline]
pub(super) const fn key_tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The hash of a key, before the seed. The key's whole eight-byte words before the last
/// are folded by a rotation and an exclusive or, and its last eight bytes (which may
/// overlap the word before) mixed in by one FxHash step, so that no loop reads single
/// bytes and one multiplication stands between the key and its hash; a key shorter than
/// eight bytes is read as two four-byte halves, or byte by byte below four.
#[inline]
pub(super) const fn hash_key(key: &[u8]) -> u64 {
    let len = key.len();
    let mut hash = len as u64;
    if len >= 8 {
        let mut at = 0;
        while at + 8 < len {
            hash = hash.rotate_left(5) ^ read8(key, at);
            at += 8;
        }
        mix(hash, read8(key, len - 8))
    } else if len >= 4 {
        mix(
            hash,
            read4(key, 0) as u64 | (read4(key, len - 4) as u64) << 32,
        )
    } else {
        let mut word = 0;
        let mut at = 0;
        while at < len {
            word |= (key[at] as u64) << (8 * at);
            at += 1;
        }
        mix(hash, word)
    }
}

/// One FxHash step.
#[inline]
const fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(KEY_MULTIPLIER)
}

/// Whether two byte strings are equal, read a word at a time as [`hash_key`] reads them.
#[inline]
pub(super) const fn same(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len >= 8 {
        let mut at = 0;
        while at + 8 < len {
            if read8(a, at) != read8(b, at) {
                return false;
            }
            at += 8;
        }
        read8(a, len - 8) == read8(b, len - 8)
    } else if len >= 4 {
        read4(a, 0) == read4(b, 0) && read4(a, len - 4) == read4(b, len - 4)
    } else {
        let mut at = 0;
        while at < len {
            if a[at] != b[at] {
                return false;
            }
            at += 1;
        }
        true
    }
}

/// The eight bytes of `bytes` at `at`, little-endian.
#[inline]
pub(super) const fn read8(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(chunk(bytes, at))
}

/// The four bytes of `bytes` at `at`, little-endian.
#[inline]
pub(super) const fn read4(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(chunk(bytes, at))
}

/// The `N` bytes of `bytes` at `at`, or zeros if fewer are left. Callers stay in bounds:
/// a slot index is masked to its table, a row is below the table's length; `split_at`'s
/// own bounds check is the cheapest guard (BENCHMARKS.md, "Decisions").
#[inline]
const fn chunk<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    match bytes.split_at(at).1.first_chunk::<N>() {
        Some(word) => *word,
        None => [0; N],
    }
}
