//! The tables behind a service's lookups, and the runtime that reads them.
//!
//! A catalog may hold 100,000 codes, so the generated code must not grow by an expression
//! per code beyond the one named constant each needs. Every table of a service is therefore
//! a single literal:
//!
//! - `codes`: the codes in code order, four little-endian bytes each, in one byte string;
//! - `keys` and `messages`: in a service of up to [`LISTED_LIMIT`] codes, an array of
//!   string literals, so that reading one is an array read; in a larger one, every key
//!   (message) one after another in one string, with offsets giving where each starts and,
//!   after the last, where the last ends, four bytes each: one eight-byte read gives a
//!   key's start and end, and the service costs one literal whatever its size;
//! - `code_slots` and `key_slots`: open-addressing hash tables, a power of two in size and
//!   at most half full, probed linearly from the slot that a multiplicative hash with the
//!   table's seed picks. A slot is eight bytes: the row (`u32::MAX` for an empty slot) and a
//!   tag, both little-endian: for a code slot the code itself, so that `from_code` reads
//!   one slot and no other table; for a key slot the high half of the key's hash, so that a
//!   probe compares text only when the tags agree.
//!
//! The seed is the one of a few fixed candidates with the shortest probes for this catalog,
//! so `from_code` and `from_key` cost one hash, almost always one slot, and for a key one
//! comparison, hit or miss. The hash functions here and in the generated runtime
//! ([`runtime`]) must agree; the tests of both crates look up every code and key of real
//! catalogs. Every runtime function is `#[inline]`, so that a lookup compiles to the probe
//! itself, its table's address and size constants.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::lower::Entry;

/// The row of an empty slot.
const UNLISTED: u32 = u32::MAX;

/// The most codes a service may have for its keys and messages to be listed one literal
/// each. Beyond it they are joined into one string: a literal per code costs compile time
/// (about 0.8 s against 0.45 s per 10,000 codes, and rustc's memory), and a relocation per
/// key and message in every position-independent binary.
const LISTED_LIMIT: usize = 16_384;

/// The multiplier of the key hash (FxHash's).
const KEY_MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// The seeds tried, in order: odd 64-bit constants with well-mixed bits.
const SEEDS: [u64; 8] = [
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
    0x94d0_49bb_1331_11eb,
    0xd6e8_feb8_6659_fd93,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5894_9e5b_2fe9_8c0d,
];

/// The `Table` expression of one service's `entries`, which are in code order.
pub(super) fn table(entries: &[Entry]) -> TokenStream {
    let codes: Vec<u8> = entries.iter().flat_map(|e| e.code.to_le_bytes()).collect();
    let codes = Literal::byte_string(&codes);
    let keys = texts(entries, |entry| &entry.key);
    let messages = texts(entries, |entry| &entry.message);
    let code_hashes: Vec<u64> = entries.iter().map(|e| hash_code(e.code)).collect();
    let key_hashes: Vec<u64> = entries.iter().map(|e| hash_key(e.key.as_bytes())).collect();
    let code_index = HashIndex::new(&code_hashes, |row| entries[row].code.cast_unsigned());
    let key_index = HashIndex::new(&key_hashes, |row| key_tag(key_hashes[row]));
    let code_slots = Literal::byte_string(&code_index.slots);
    let code_seed = Literal::u64_suffixed(code_index.seed);
    let key_slots = Literal::byte_string(&key_index.slots);
    let key_seed = Literal::u64_suffixed(key_index.seed);
    quote! {
        super::__errdoc::Table {
            codes: #codes,
            keys: #keys,
            messages: #messages,
            code_slots: #code_slots,
            code_seed: #code_seed,
            key_slots: #key_slots,
            key_seed: #key_seed,
        }
    }
}

/// A column of texts, one an entry: listed one literal each up to [`LISTED_LIMIT`]
/// entries, beyond that joined into one string with the offsets that cut it.
fn texts(entries: &[Entry], text: impl Fn(&Entry) -> &str) -> TokenStream {
    if entries.len() <= LISTED_LIMIT {
        let list = entries.iter().map(text);
        return quote!(super::__errdoc::Texts::Listed(&[#(#list),*]));
    }
    let mut all = String::new();
    let mut offsets = Vec::with_capacity(entries.len() * 4 + 4);
    offsets.extend(offset(0));
    for entry in entries {
        all.push_str(text(entry));
        offsets.extend(offset(all.len()));
    }
    let all = Literal::string(&all);
    let offsets = Literal::byte_string(&offsets);
    quote!(super::__errdoc::Texts::Joined { all: #all, offsets: #offsets })
}

/// A text offset as four little-endian bytes. Documents that fit in memory have no service
/// whose keys or messages add up to 4 GiB; saturating keeps this total.
fn offset(len: usize) -> [u8; 4] {
    u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes()
}

/// An open-addressing hash table of eight-byte slots (row, tag), as bytes, and its seed.
struct HashIndex {
    slots: Vec<u8>,
    seed: u64,
}

impl HashIndex {
    /// Places each row by its hash, trying every seed and keeping the one whose probes are
    /// shortest in total (the first, on a tie); `tag` gives the tag stored beside a row.
    fn new(hashes: &[u64], tag: impl Fn(usize) -> u32) -> HashIndex {
        // At most half full, and at least two slots, so that the shift stays below 64.
        let len = (hashes.len() * 2).next_power_of_two().max(2);
        let mut best: Option<(usize, u64, Vec<u32>)> = None;
        for seed in SEEDS {
            let mut slots = vec![UNLISTED; len];
            let mut probes = 0;
            for (row, &hash) in hashes.iter().enumerate() {
                let mut slot = slot_of(hash, seed, len);
                while slots[slot] != UNLISTED {
                    slot = (slot + 1) & (len - 1);
                    probes += 1;
                }
                slots[slot] = u32::try_from(row).unwrap_or(UNLISTED);
            }
            if best.as_ref().is_none_or(|(fewest, _, _)| probes < *fewest) {
                best = Some((probes, seed, slots));
            }
        }
        let (_, seed, slots) = best.unwrap_or_default();
        let mut bytes = Vec::with_capacity(slots.len() * 8);
        for row in slots {
            bytes.extend(row.to_le_bytes());
            let tag = if row == UNLISTED {
                0
            } else {
                tag(row as usize)
            };
            bytes.extend(tag.to_le_bytes());
        }
        HashIndex { slots: bytes, seed }
    }
}

/// The first slot to probe for `hash` in a table of `len` slots, a power of two.
fn slot_of(hash: u64, seed: u64, len: usize) -> usize {
    let shift = 64 - len.trailing_zeros();
    (hash.wrapping_mul(seed) >> shift) as usize
}

/// The hash of a code, before the seed: the generated runtime's `hash_code`.
fn hash_code(code: i32) -> u64 {
    u64::from(code.cast_unsigned())
}

/// The tag of a key slot: the high half of the key's hash, as the runtime's `find_key`
/// computes it.
fn key_tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The hash of a key, before the seed: the generated runtime's `hash_key`. The key's whole
/// eight-byte words are folded by rotation and exclusive or, and its last eight bytes
/// (which may overlap the words before) mixed in by one FxHash step, so that no loop reads
/// single bytes and only one multiplication stands between the key and its hash (one per
/// word made hits 20 % slower); a key shorter than eight bytes is read as two four-byte
/// halves, or byte by byte below four.
fn hash_key(key: &[u8]) -> u64 {
    let len = key.len();
    let mut hash = len as u64;
    if len >= 8 {
        let mut at = 0;
        while at + 8 < len {
            hash = fold(hash, read8(key, at));
            at += 8;
        }
        mix(hash, read8(key, len - 8))
    } else if len >= 4 {
        mix(hash, read4(key, 0) | (read4(key, len - 4) << 32))
    } else {
        let mut word = 0;
        for (at, byte) in key.iter().enumerate() {
            word |= u64::from(*byte) << (8 * at);
        }
        mix(hash, word)
    }
}

/// One step over a word before the last: a rotation and an exclusive or, which keep the
/// words' order in the hash without a multiplication's latency per word.
fn fold(hash: u64, word: u64) -> u64 {
    hash.rotate_left(5) ^ word
}

/// One FxHash step.
fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(KEY_MULTIPLIER)
}

/// The eight bytes of `bytes` at `at`, little-endian.
fn read8(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The four bytes of `bytes` at `at`, little-endian.
fn read4(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(word))
}

/// The module every service's tables are read through, emitted once per file.
///
/// Private to the including module: its name starts with `__`, which no service module's
/// can (module names are snake case from letters and digits).
pub(super) fn runtime() -> TokenStream {
    // In hexadecimal, as written here, for whoever reads the generated file.
    let multiplier: Literal = format!("{KEY_MULTIPLIER:#x}")
        .parse()
        .unwrap_or_else(|_| Literal::u64_suffixed(KEY_MULTIPLIER));
    quote! {
        /// The lookups that every service's `ErrorCode` shares, over the tables that errdoc
        /// laid out for it.
        mod __errdoc {
            /// The row number of a code that the documents do not list.
            pub(super) const UNLISTED: u32 = u32::MAX;

            /// One service's tables: see errdoc's `emit::tables` for their layout.
            pub(super) struct Table {
                pub(super) codes: &'static [u8],
                pub(super) keys: Texts,
                pub(super) messages: Texts,
                pub(super) code_slots: &'static [u8],
                pub(super) code_seed: u64,
                pub(super) key_slots: &'static [u8],
                pub(super) key_seed: u64,
            }

            impl Table {
                /// The number of codes.
                #[inline]
                pub(super) const fn len(&self) -> usize {
                    self.codes.len() / 4
                }

                /// The code of row `row`.
                #[inline]
                pub(super) const fn code(&self, row: usize) -> i32 {
                    read4(self.codes, 4 * row) as i32
                }

                /// The key of row `row`.
                #[inline]
                pub(super) const fn key(&self, row: usize) -> &'static str {
                    self.keys.get(row)
                }

                /// The message of row `row`.
                #[inline]
                pub(super) const fn message(&self, row: usize) -> &'static str {
                    self.messages.get(row)
                }

                /// Row `row` as a crate-level entry of `service`.
                #[inline]
                pub(super) const fn entry(&self, service: super::Service, row: usize) -> super::Entry {
                    super::Entry {
                        service,
                        code: self.code(row),
                        key: self.key(row),
                        message: self.message(row),
                    }
                }

                /// The row of `code`, if listed: the slots hold each code beside its row.
                #[inline]
                pub(super) const fn find_code(&self, code: i32) -> ::core::option::Option<usize> {
                    let slots = self.code_slots;
                    let mut slot = first_slot(hash_code(code), self.code_seed, slots);
                    loop {
                        let (row, tag) = read_slot(slots, slot);
                        if row == UNLISTED {
                            return ::core::option::Option::None;
                        }
                        if tag == code as u32 {
                            return ::core::option::Option::Some(row as usize);
                        }
                        slot = (slot + 1) & (slots.len() / 8 - 1);
                    }
                }

                /// The row of `key`, if listed: its text is compared only where the slot's
                /// tag is the high half of its hash.
                #[inline]
                pub(super) const fn find_key(&self, key: &str) -> ::core::option::Option<usize> {
                    let key = key.as_bytes();
                    let hash = hash_key(key);
                    let slots = self.key_slots;
                    let mut slot = first_slot(hash, self.key_seed, slots);
                    loop {
                        let (row, tag) = read_slot(slots, slot);
                        if row == UNLISTED {
                            return ::core::option::Option::None;
                        }
                        if tag == (hash >> 32) as u32
                            && same(self.keys.bytes(row as usize), key)
                        {
                            return ::core::option::Option::Some(row as usize);
                        }
                        slot = (slot + 1) & (slots.len() / 8 - 1);
                    }
                }
            }

            /// A column of texts, one a row: listed one literal each, or joined in one string
            /// that `offsets` cuts. A catalog whose services are all small or all large
            /// constructs only one of the two.
            #[allow(dead_code)]
            pub(super) enum Texts {
                Listed(&'static [&'static str]),
                Joined {
                    all: &'static str,
                    offsets: &'static [u8],
                },
            }

            impl Texts {
                /// Text `row`.
                #[inline]
                const fn get(&self, row: usize) -> &'static str {
                    match *self {
                        Texts::Listed(list) => list[row],
                        Texts::Joined { all, offsets } => text(all, offsets, row),
                    }
                }

                /// The bytes of text `row`.
                #[inline]
                const fn bytes(&self, row: usize) -> &'static [u8] {
                    match *self {
                        Texts::Listed(list) => list[row].as_bytes(),
                        Texts::Joined { all, offsets } => text_bytes(all, offsets, row),
                    }
                }
            }

            /// Text `row` of `all`, which starts and ends where `offsets` says.
            #[inline]
            const fn text(all: &'static str, offsets: &[u8], row: usize) -> &'static str {
                let span = read8(offsets, 4 * row);
                let (start, end) = (span as u32 as usize, (span >> 32) as usize);
                all.split_at(end).0.split_at(start).1
            }

            /// Whether two byte strings are equal, a word at a time, as `hash_key` reads them.
            #[inline]
            const fn same(a: &[u8], b: &[u8]) -> bool {
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

            /// The bytes of text `row` of `all`, which starts and ends where `offsets` says:
            /// a key to compare needs no check that it starts and ends on a character.
            #[inline]
            const fn text_bytes(all: &'static str, offsets: &[u8], row: usize) -> &'static [u8] {
                let span = read8(offsets, 4 * row);
                let (start, end) = (span as u32 as usize, (span >> 32) as usize);
                all.as_bytes().split_at(end).0.split_at(start).1
            }

            /// Slot `index` of a hash table: its row and its tag.
            #[inline]
            const fn read_slot(slots: &[u8], index: usize) -> (u32, u32) {
                let slot = read8(slots, 8 * index);
                (slot as u32, (slot >> 32) as u32)
            }

            /// The eight bytes of `bytes` at `at`, little-endian; callers stay in bounds.
            #[inline]
            const fn read8(bytes: &[u8], at: usize) -> u64 {
                match bytes.split_at(at).1.first_chunk::<8>() {
                    ::core::option::Option::Some(word) => u64::from_le_bytes(*word),
                    ::core::option::Option::None => 0,
                }
            }

            /// The four bytes of `bytes` at `at`, little-endian; callers stay in bounds.
            #[inline]
            const fn read4(bytes: &[u8], at: usize) -> u32 {
                match bytes.split_at(at).1.first_chunk::<4>() {
                    ::core::option::Option::Some(word) => u32::from_le_bytes(*word),
                    ::core::option::Option::None => 0,
                }
            }

            /// The first slot to probe for `hash` in `slots`, a power of two of eight-byte slots.
            #[inline]
            const fn first_slot(hash: u64, seed: u64, slots: &[u8]) -> usize {
                let shift = 64 - (slots.len() / 8).trailing_zeros();
                (hash.wrapping_mul(seed) >> shift) as usize
            }

            /// The hash of a code, before the seed.
            #[inline]
            const fn hash_code(code: i32) -> u64 {
                code as u32 as u64
            }

            /// The hash of a key, before the seed: its whole eight-byte words folded, then
            /// its last eight bytes mixed in by one FxHash step; a shorter key as two
            /// four-byte halves, or bytes.
            #[inline]
            const fn hash_key(key: &[u8]) -> u64 {
                let len = key.len();
                let hash = len as u64;
                if len >= 8 {
                    let mut hash = hash;
                    let mut at = 0;
                    while at + 8 < len {
                        hash = hash.rotate_left(5) ^ read8(key, at);
                        at += 8;
                    }
                    mix(hash, read8(key, len - 8))
                } else if len >= 4 {
                    mix(hash, read4(key, 0) as u64 | (read4(key, len - 4) as u64) << 32)
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
                (hash.rotate_left(5) ^ word).wrapping_mul(#multiplier)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_hash_reads_every_byte() {
        let a = hash_key(b"INVALID_FILE_TYPE_OF_THE_TEST");
        let b = hash_key(b"INVALID_FILE_SIZE_OF_THE_TEST");
        let c = hash_key(b"INVALID_FILE_TYPE_OF_THE_TESU");
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_ne!(hash_key(b""), hash_key(b"\0"));
        // Every length class: bytes, two halves, words and an overlapping last word.
        let key = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for len in 0..key.len() {
            let mut changed = key[..len].to_vec();
            for at in 0..len {
                changed[at] ^= 1;
                assert_ne!(hash_key(&key[..len]), hash_key(&changed), "{len} {at}");
                changed[at] ^= 1;
            }
        }
    }

    #[test]
    fn every_row_is_in_its_slot_chain_with_its_tag_and_half_the_slots_stay_empty() {
        let codes: Vec<i32> = (0..1000).map(|n| 4_000_000 + n * 7).collect();
        let hashes: Vec<u64> = codes.iter().map(|&code| hash_code(code)).collect();
        let index = HashIndex::new(&hashes, |row| codes[row].cast_unsigned());
        let slots: Vec<(u32, u32)> = index
            .slots
            .chunks_exact(8)
            .map(|w| (read4(w, 0) as u32, read4(w, 4) as u32))
            .collect();
        assert_eq!(slots.len(), 2048);
        assert_eq!(slots.iter().filter(|s| s.0 == UNLISTED).count(), 1048);
        for (row, &hash) in hashes.iter().enumerate() {
            let mut slot = slot_of(hash, index.seed, slots.len());
            while slots[slot].0 != row as u32 {
                assert_ne!(slots[slot].0, UNLISTED, "row {row} not found");
                slot = (slot + 1) % slots.len();
            }
            assert_eq!(slots[slot].1, codes[row].cast_unsigned());
        }
    }
}
