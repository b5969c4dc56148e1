//! The tables behind a service's lookups, and the runtime that reads them.
//!
//! A catalog may hold 100,000 codes, so the generated code must not grow by an expression
//! per code beyond the one named constant each needs. Every table of a service is therefore
//! a single literal:
//!
//! - `codes`: the codes in code order, four little-endian bytes each, in one byte string;
//! - `keys` and `messages`: every key (message) one after another in one string, with
//!   `key_ends` (`message_ends`) giving where each ends, four bytes each;
//! - `code_slots` and `key_slots`: open-addressing hash tables of row numbers (`u32::MAX`
//!   for an empty slot), a power of two in size and at most half full, probed linearly
//!   from the slot that a multiplicative hash with the table's seed picks.
//!
//! The seed is the one of a few fixed candidates with the shortest probes for this catalog,
//! so `from_code` and `from_key` cost one hash and, almost always, one comparison, hit or
//! miss. The hash functions here and in the generated runtime ([`runtime`]) must agree;
//! the tests of both crates look up every code and key of real catalogs.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::lower::Entry;

/// An empty slot.
const UNLISTED: u32 = u32::MAX;

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

/// One service's tables, ready to emit.
pub(super) struct Tables {
    codes: Vec<u8>,
    keys: String,
    key_ends: Vec<u8>,
    messages: String,
    message_ends: Vec<u8>,
    code_index: HashIndex,
    key_index: HashIndex,
}

impl Tables {
    /// Lays out the tables of `entries`, which are in code order.
    pub(super) fn new(entries: &[Entry]) -> Tables {
        let mut tables = Tables {
            codes: Vec::with_capacity(entries.len() * 4),
            keys: String::new(),
            key_ends: Vec::with_capacity(entries.len() * 4),
            messages: String::new(),
            message_ends: Vec::with_capacity(entries.len() * 4),
            code_index: HashIndex::default(),
            key_index: HashIndex::default(),
        };
        for entry in entries {
            tables.codes.extend(entry.code.to_le_bytes());
            tables.keys.push_str(&entry.key);
            tables.key_ends.extend(offset(tables.keys.len()));
            tables.messages.push_str(&entry.message);
            tables.message_ends.extend(offset(tables.messages.len()));
        }
        let code_hashes: Vec<u64> = entries.iter().map(|e| hash_code(e.code)).collect();
        let key_hashes: Vec<u64> = entries.iter().map(|e| hash_key(e.key.as_bytes())).collect();
        tables.code_index = HashIndex::new(&code_hashes);
        tables.key_index = HashIndex::new(&key_hashes);
        tables
    }

    /// The `Table` expression.
    pub(super) fn emit(&self) -> TokenStream {
        let codes = Literal::byte_string(&self.codes);
        let keys = Literal::string(&self.keys);
        let key_ends = Literal::byte_string(&self.key_ends);
        let messages = Literal::string(&self.messages);
        let message_ends = Literal::byte_string(&self.message_ends);
        let code_slots = Literal::byte_string(&self.code_index.slots);
        let code_seed = Literal::u64_suffixed(self.code_index.seed);
        let key_slots = Literal::byte_string(&self.key_index.slots);
        let key_seed = Literal::u64_suffixed(self.key_index.seed);
        quote! {
            super::__errdoc::Table {
                codes: #codes,
                keys: #keys,
                key_ends: #key_ends,
                messages: #messages,
                message_ends: #message_ends,
                code_slots: #code_slots,
                code_seed: #code_seed,
                key_slots: #key_slots,
                key_seed: #key_seed,
            }
        }
    }
}

/// A text offset as four little-endian bytes. Documents that fit in memory have no service
/// whose keys or messages add up to 4 GiB; saturating keeps this total.
fn offset(len: usize) -> [u8; 4] {
    u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes()
}

/// An open-addressing hash table of row numbers, as bytes, and its seed.
#[derive(Default)]
struct HashIndex {
    slots: Vec<u8>,
    seed: u64,
}

impl HashIndex {
    /// Places each row by its hash, trying every seed and keeping the one whose probes are
    /// shortest in total (the first, on a tie).
    fn new(hashes: &[u64]) -> HashIndex {
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
        HashIndex {
            slots: slots.iter().flat_map(|row| row.to_le_bytes()).collect(),
            seed,
        }
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

/// The hash of a key, before the seed: the generated runtime's `hash_key`.
fn hash_key(key: &[u8]) -> u64 {
    let mut hash = key.len() as u64;
    let mut words = key.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(KEY_MULTIPLIER);
    }
    let mut last = 0;
    for (at, byte) in words.remainder().iter().enumerate() {
        last |= u64::from(*byte) << (8 * at);
    }
    (hash.rotate_left(5) ^ last).wrapping_mul(KEY_MULTIPLIER)
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
                pub(super) keys: &'static str,
                pub(super) key_ends: &'static [u8],
                pub(super) messages: &'static str,
                pub(super) message_ends: &'static [u8],
                pub(super) code_slots: &'static [u8],
                pub(super) code_seed: u64,
                pub(super) key_slots: &'static [u8],
                pub(super) key_seed: u64,
            }

            impl Table {
                /// The number of codes.
                pub(super) const fn len(&self) -> usize {
                    self.codes.len() / 4
                }

                /// The code of row `row`.
                pub(super) const fn code(&self, row: usize) -> i32 {
                    i32::from_le_bytes(word(self.codes, row))
                }

                /// The key of row `row`.
                pub(super) const fn key(&self, row: usize) -> &'static str {
                    text(self.keys, self.key_ends, row)
                }

                /// The message of row `row`.
                pub(super) const fn message(&self, row: usize) -> &'static str {
                    text(self.messages, self.message_ends, row)
                }

                /// Row `row` as a crate-level entry of `service`.
                pub(super) const fn entry(&self, service: super::Service, row: usize) -> super::Entry {
                    super::Entry {
                        service,
                        code: self.code(row),
                        key: self.key(row),
                        message: self.message(row),
                    }
                }

                /// The row of `code`, if listed.
                pub(super) const fn find_code(&self, code: i32) -> ::core::option::Option<usize> {
                    let slots = self.code_slots;
                    let mut slot = first_slot(hash_code(code), self.code_seed, slots);
                    loop {
                        let row = u32::from_le_bytes(word(slots, slot));
                        if row == UNLISTED {
                            return ::core::option::Option::None;
                        }
                        if self.code(row as usize) == code {
                            return ::core::option::Option::Some(row as usize);
                        }
                        slot = (slot + 1) & (slots.len() / 4 - 1);
                    }
                }

                /// The row of `key`, if listed.
                pub(super) const fn find_key(&self, key: &str) -> ::core::option::Option<usize> {
                    let slots = self.key_slots;
                    let mut slot = first_slot(hash_key(key.as_bytes()), self.key_seed, slots);
                    loop {
                        let row = u32::from_le_bytes(word(slots, slot));
                        if row == UNLISTED {
                            return ::core::option::Option::None;
                        }
                        if same(self.key(row as usize).as_bytes(), key.as_bytes()) {
                            return ::core::option::Option::Some(row as usize);
                        }
                        slot = (slot + 1) & (slots.len() / 4 - 1);
                    }
                }
            }

            /// Whether two byte strings are equal, eight bytes at a time, in a `const fn`.
            const fn same(a: &[u8], b: &[u8]) -> bool {
                if a.len() != b.len() {
                    return false;
                }
                let (mut a, mut b) = (a, b);
                while let (
                    ::core::option::Option::Some((x, a_rest)),
                    ::core::option::Option::Some((y, b_rest)),
                ) = (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
                {
                    if u64::from_le_bytes(*x) != u64::from_le_bytes(*y) {
                        return false;
                    }
                    (a, b) = (a_rest, b_rest);
                }
                let mut at = 0;
                while at < a.len() {
                    if a[at] != b[at] {
                        return false;
                    }
                    at += 1;
                }
                true
            }

            /// The four bytes of entry `index` of a table of four-byte entries.
            const fn word(bytes: &[u8], index: usize) -> [u8; 4] {
                let at = 4 * index;
                [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]
            }

            /// Text `index` of `all`, which ends where `ends` says.
            const fn text(all: &'static str, ends: &[u8], index: usize) -> &'static str {
                let end = u32::from_le_bytes(word(ends, index)) as usize;
                let start = if index == 0 {
                    0
                } else {
                    u32::from_le_bytes(word(ends, index - 1)) as usize
                };
                all.split_at(end).0.split_at(start).1
            }

            /// The first slot to probe for `hash` in `slots`, a power of two of four-byte slots.
            const fn first_slot(hash: u64, seed: u64, slots: &[u8]) -> usize {
                let shift = 64 - (slots.len() / 4).trailing_zeros();
                (hash.wrapping_mul(seed) >> shift) as usize
            }

            /// The hash of a code, before the seed.
            const fn hash_code(code: i32) -> u64 {
                code as u32 as u64
            }

            /// The hash of a key, before the seed: FxHash over its eight-byte words.
            const fn hash_key(key: &[u8]) -> u64 {
                let mut hash = key.len() as u64;
                let mut rest = key;
                while let ::core::option::Option::Some((word, tail)) = rest.split_first_chunk::<8>() {
                    hash = (hash.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(#multiplier);
                    rest = tail;
                }
                let mut last = 0;
                let mut at = 0;
                while at < rest.len() {
                    last |= (rest[at] as u64) << (8 * at);
                    at += 1;
                }
                (hash.rotate_left(5) ^ last).wrapping_mul(#multiplier)
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
    }

    #[test]
    fn every_row_is_in_its_slot_chain_and_half_the_slots_stay_empty() {
        let hashes: Vec<u64> = (0..1000).map(|n| hash_code(4_000_000 + n * 7)).collect();
        let index = HashIndex::new(&hashes);
        let slots: Vec<u32> = index
            .slots
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
            .collect();
        assert_eq!(slots.len(), 2048);
        assert_eq!(slots.iter().filter(|&&s| s == UNLISTED).count(), 1048);
        for (row, &hash) in hashes.iter().enumerate() {
            let mut slot = slot_of(hash, index.seed, slots.len());
            while slots[slot] != row as u32 {
                assert_ne!(slots[slot], UNLISTED, "row {row} not found");
                slot = (slot + 1) % slots.len();
            }
        }
    }
}
