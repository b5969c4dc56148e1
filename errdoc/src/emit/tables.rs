//! The table builder: one service's entries laid out as the [`runtime`](super::runtime)
//! reads them, with the runtime's own hash functions, so that the two cannot disagree.
//!
//! A catalog may hold 100,000 codes, so the generated code must not grow by an expression
//! per code beyond the one named constant each needs: every column of a service is a
//! single literal (the runtime's module docs give the layout). The seed of each hash table
//! is the one of a few fixed candidates with the shortest probes for this service.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::runtime::{EMPTY, Slot, first_slot, hash_code, hash_key, key_tag};
use crate::lower::Entry;

/// The most codes a catalog may have for its texts (keys, messages, descriptions) to be
/// listed one literal each; beyond it every service joins them into one string a column. A literal per code
/// costs compile time and a relocation per text in every position-independent binary (see
/// BENCHMARKS.md, "Decisions").
pub(super) const LISTED_LIMIT: usize = 16_384;

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

/// How many slots a code table has per code at least: half full at most.
const CODE_SLOTS_PER_ROW: usize = 2;

/// How many slots a key table has per key at least: a quarter full at most, so that a
/// miss, which must reach an empty slot, almost always stops at the first (BENCHMARKS.md,
/// "Decisions").
const KEY_SLOTS_PER_ROW: usize = 4;

/// One service's columns, laid out; listed texts are borrowed from the entries.
pub(super) struct Columns<'a> {
    /// The codes in code order, four little-endian bytes each.
    pub(super) codes: Vec<u8>,
    /// The keys, empty for a keyless code.
    pub(super) keys: TextColumn<'a>,
    /// The messages, empty for a code without one.
    pub(super) messages: TextColumn<'a>,
    /// The first description of each code, empty for a code without one.
    pub(super) descriptions: TextColumn<'a>,
    /// The hash table of codes: every row.
    pub(super) code_index: HashIndex,
    /// The hash table of keys: the rows of keyed codes only, so that `from_key` never
    /// finds a keyless code.
    pub(super) key_index: HashIndex,
}

/// A column of texts, as the runtime's `Texts` holds it.
pub(super) enum TextColumn<'a> {
    /// No row has a text.
    Empty,
    /// One text a row, empty for a row without one.
    Listed(Vec<&'a str>),
    /// The texts joined, and the offsets that cut them.
    Joined {
        /// Every text, one after another.
        all: String,
        /// Where each text starts, and where the last ends, four little-endian bytes each.
        offsets: Vec<u8>,
    },
}

/// An open-addressing hash table, as bytes, and its seed.
pub(super) struct HashIndex {
    /// The slots, eight bytes each.
    pub(super) slots: Vec<u8>,
    /// The seed that [`first_slot`] multiplies the hash by.
    pub(super) seed: u64,
}

/// A row to place in a hash table: the row, its hash, and the tag its slot holds.
struct Hashed {
    row: u32,
    hash: u64,
    tag: u32,
}

impl<'a> Columns<'a> {
    /// Lays out `entries`, which are in code order; `listed` says whether texts are listed
    /// one literal each or joined.
    pub(super) fn new(entries: &'a [Entry], listed: bool) -> Columns<'a> {
        let codes = entries.iter().flat_map(|e| e.code.to_le_bytes()).collect();
        let rows = || (0u32..).zip(entries);
        let by_code: Vec<Hashed> = rows()
            .map(|(row, entry)| Hashed {
                row,
                hash: hash_code(entry.code),
                tag: entry.code.cast_unsigned(),
            })
            .collect();
        let by_key: Vec<Hashed> = rows()
            .filter_map(|(row, entry)| {
                let hash = hash_key(entry.key()?.as_bytes());
                let tag = key_tag(hash);
                Some(Hashed { row, hash, tag })
            })
            .collect();
        Columns {
            codes,
            keys: TextColumn::new(entries, listed, Entry::key),
            messages: TextColumn::new(entries, listed, Entry::message),
            descriptions: TextColumn::new(entries, listed, Entry::description),
            code_index: HashIndex::new(&by_code, CODE_SLOTS_PER_ROW),
            key_index: HashIndex::new(&by_key, KEY_SLOTS_PER_ROW),
        }
    }

    /// The `Table` expression that the generated module names `TABLE`.
    pub(super) fn to_tokens(&self) -> TokenStream {
        let codes = Literal::byte_string(&self.codes);
        let keys = self.keys.to_tokens();
        let messages = self.messages.to_tokens();
        let descriptions = self.descriptions.to_tokens();
        let code_slots = Literal::byte_string(&self.code_index.slots);
        let code_seed = hex(self.code_index.seed);
        let key_slots = Literal::byte_string(&self.key_index.slots);
        let key_seed = hex(self.key_index.seed);
        quote! {
            super::__errdoc::Table {
                codes: #codes,
                keys: #keys,
                messages: #messages,
                descriptions: #descriptions,
                code_slots: #code_slots,
                code_seed: #code_seed,
                key_slots: #key_slots,
                key_seed: #key_seed,
            }
        }
    }
}

impl<'a> TextColumn<'a> {
    /// The column of `text` over `entries`: `Empty` when no entry has one.
    fn new(
        entries: &'a [Entry],
        listed: bool,
        text: impl Fn(&'a Entry) -> Option<&'a str>,
    ) -> TextColumn<'a> {
        if entries.iter().all(|entry| text(entry).is_none()) {
            return TextColumn::Empty;
        }
        let text = |entry| text(entry).unwrap_or("");
        if listed {
            return TextColumn::Listed(entries.iter().map(text).collect());
        }
        let mut all = String::new();
        let mut offsets = Vec::with_capacity(entries.len() * 4 + 4);
        offsets.extend(offset(0));
        for entry in entries {
            all.push_str(text(entry));
            offsets.extend(offset(all.len()));
        }
        TextColumn::Joined { all, offsets }
    }

    /// The `Texts` expression of the column.
    fn to_tokens(&self) -> TokenStream {
        match self {
            TextColumn::Empty => quote!(super::__errdoc::Texts::Empty),
            TextColumn::Listed(list) => quote!(super::__errdoc::Texts::Listed(&[#(#list),*])),
            TextColumn::Joined { all, offsets } => {
                let offsets = Literal::byte_string(offsets);
                quote!(super::__errdoc::Texts::Joined { all: #all, offsets: #offsets })
            }
        }
    }
}

/// A text offset as four little-endian bytes. Documents that fit in memory have no service
/// whose keys or messages add up to 4 GiB; saturating keeps this total.
fn offset(len: usize) -> [u8; 4] {
    u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes()
}

/// A `u64` literal in hexadecimal, as a reader of the generated file compares seeds.
fn hex(value: u64) -> Literal {
    format!("{value:#018x}u64")
        .parse()
        .unwrap_or_else(|_| Literal::u64_suffixed(value))
}

impl HashIndex {
    /// Places each row by its hash in a table of at least `per_row` slots a row, trying
    /// every seed and keeping the one whose probes are shortest in total (the first, on a
    /// tie); each slot holds its row's tag beside the row.
    fn new(hashed: &[Hashed], per_row: usize) -> HashIndex {
        // At least two slots, so that `first_slot`'s shift stays below 64.
        let slot_count = (hashed.len() * per_row).next_power_of_two().max(2);
        let mask = slot_count - 1;
        // The layout with the fewest probes so far.
        let mut best: Option<Placed> = None;
        for seed in SEEDS {
            // The index into `hashed` of the row in each slot, or `EMPTY`.
            let mut slots = vec![EMPTY; slot_count];
            let mut probes = 0;
            for (at, item) in (0u32..).zip(hashed) {
                let mut index = first_slot(item.hash, seed, slot_count);
                while slots[index] != EMPTY {
                    index = (index + 1) & mask;
                    probes += 1;
                }
                slots[index] = at;
            }
            if best.as_ref().is_none_or(|best| probes < best.probes) {
                best = Some(Placed {
                    probes,
                    seed,
                    slots,
                });
            }
        }
        let Placed { seed, slots, .. } = best.unwrap_or_default();
        let slots = slots
            .into_iter()
            .flat_map(|at| {
                // `EMPTY` is past the end of any service's rows.
                let slot = match hashed.get(at as usize) {
                    Some(item) => Slot {
                        row: item.row,
                        tag: item.tag,
                    },
                    None => Slot { row: EMPTY, tag: 0 },
                };
                slot.to_bytes()
            })
            .collect();
        HashIndex { slots, seed }
    }
}

/// The rows placed with one seed: which of them is in each slot, and the probes it took.
#[derive(Default)]
struct Placed {
    /// Slots passed over, over all rows.
    probes: usize,
    /// The seed.
    seed: u64,
    /// The index into the hashed rows of the one in each slot, or [`EMPTY`].
    slots: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::runtime::{self, Table, Texts, UNLISTED};
    use super::*;
    use crate::lower::{Description, Location};

    /// Entries of `codes`, with keys of every length class and Korean messages.
    fn entries(codes: &[i32]) -> Vec<Entry> {
        let mut codes = codes.to_vec();
        codes.sort_unstable();
        codes
            .iter()
            .enumerate()
            .map(|(row, &code)| {
                // A unique name in capital letters, then up to 39 underscores, so that
                // keys under four bytes, under eight, of exactly a word and of many
                // words, with an overlapping last word, all occur.
                let mut key = String::new();
                let mut n = row;
                loop {
                    key.insert(0, char::from(b'A' + (n % 26) as u8));
                    n /= 26;
                    if n == 0 {
                        break;
                    }
                }
                key.push_str(&"_".repeat(row % 40));
                Entry {
                    code,
                    key: Some(key),
                    variant: None,
                    message: Some(format!("메시지 {code}")),
                    descriptions: Vec::new(),
                    locations: vec![Location {
                        file: Arc::from("test.md"),
                        line: 1,
                        section: None,
                    }],
                }
            })
            .collect()
    }

    /// [`entries`] of every role a table's columns may give: by row, keyed with a message,
    /// keyless with a message, keyed with descriptions and no message, keyless with a
    /// description, and keyed with a message and a description.
    fn mixed_entries(codes: &[i32]) -> Vec<Entry> {
        let mut entries = entries(codes);
        for (row, entry) in entries.iter_mut().enumerate() {
            let code = entry.code;
            let describe = |n: usize| Description {
                section: n
                    .is_multiple_of(2)
                    .then(|| Arc::from(format!("Section {n}"))),
                text: format!("설명 {code} {n}"),
            };
            match row % 5 {
                0 => {}
                1 => entry.key = None,
                2 => {
                    entry.message = None;
                    entry.descriptions = vec![describe(0), describe(1)];
                }
                3 => {
                    entry.key = None;
                    entry.message = None;
                    entry.descriptions = vec![describe(1)];
                }
                _ => entry.descriptions = vec![describe(2)],
            }
            entry.variant = entry.key.as_deref().map(crate::ident::code_variant);
        }
        entries
    }

    /// The runtime's view of laid-out columns: the statics that a generated file holds.
    fn table(columns: Columns<'_>) -> Table {
        fn leak_bytes(bytes: Vec<u8>) -> &'static [u8] {
            Box::leak(bytes.into_boxed_slice())
        }
        fn texts(column: TextColumn<'_>) -> Texts {
            match column {
                TextColumn::Empty => Texts::Empty,
                TextColumn::Listed(list) => {
                    let list: Vec<&'static str> = list
                        .into_iter()
                        .map(|text| &*Box::leak(text.to_owned().into_boxed_str()))
                        .collect();
                    Texts::Listed(Box::leak(list.into_boxed_slice()))
                }
                TextColumn::Joined { all, offsets } => Texts::Joined {
                    all: Box::leak(all.into_boxed_str()),
                    offsets: leak_bytes(offsets),
                },
            }
        }
        Table {
            codes: leak_bytes(columns.codes),
            keys: texts(columns.keys),
            messages: texts(columns.messages),
            descriptions: texts(columns.descriptions),
            code_slots: leak_bytes(columns.code_index.slots),
            code_seed: columns.code_index.seed,
            key_slots: leak_bytes(columns.key_index.slots),
            key_seed: columns.key_index.seed,
        }
    }

    /// Every code and key of `entries` is found at its row through the runtime, with its
    /// texts; codes and keys that are not listed are not, and neither is a keyless code
    /// by any key; in both text layouts.
    fn round_trip(entries: &[Entry]) {
        for listed in [true, false] {
            let table = table(Columns::new(entries, listed));
            assert_eq!(table.len(), entries.len());
            for (row, entry) in (0..).zip(entries) {
                assert_eq!(table.code(row), entry.code);
                assert_eq!(table.row_of_code(entry.code), row, "code {}", entry.code);
                if let Some(key) = entry.key() {
                    assert_eq!(table.row_of_key(key), Some(row), "key {key}");
                }
                assert_eq!(table.key(row), entry.key());
                assert_eq!(table.message(row), entry.message());
                assert_eq!(table.description(row), entry.description());
            }
            for entry in entries {
                for near in [entry.code.wrapping_add(1), entry.code.wrapping_sub(1)] {
                    if !entries.iter().any(|e| e.code == near) {
                        assert_eq!(table.row_of_code(near), UNLISTED, "{near}");
                    }
                }
                let key = entry.key().unwrap_or("NO_KEY");
                let changed = format!("{key}X");
                assert_eq!(table.row_of_key(&changed), None, "{changed}");
                assert_eq!(table.row_of_key(&key.to_lowercase()), None);
            }
            // An empty key is what a keyless row holds: it must not find the row.
            assert_eq!(table.row_of_key(""), None);
            assert_eq!(table.key(UNLISTED), None);
            assert_eq!(table.message(UNLISTED), None);
            assert_eq!(table.description(UNLISTED), None);
        }
    }

    /// Codes of every size class: none, a few, and many.
    fn sizes() -> impl Iterator<Item = Vec<i32>> {
        let series = [0, 1, 2, 3, 50, 1000].map(|size| (0..size).map(|n| 4_000_000 + n * 7));
        let series = series.into_iter().map(Iterator::collect);
        series.chain([vec![i32::MIN, -1, 0, 1, i32::MAX]])
    }

    #[test]
    fn every_code_and_key_of_every_size_is_found_through_the_runtime() {
        for codes in sizes() {
            round_trip(&entries(&codes));
        }
    }

    #[test]
    fn keyless_codes_and_descriptions_are_found_by_code_and_never_by_key() {
        for codes in sizes() {
            round_trip(&mixed_entries(&codes));
        }
    }

    #[test]
    fn a_column_without_texts_is_one_token() {
        let mut entries = mixed_entries(&[1, 2, 3, 4]);
        let columns = Columns::new(&entries, true);
        assert!(matches!(columns.keys, TextColumn::Listed(_)));
        assert!(matches!(columns.descriptions, TextColumn::Listed(_)));
        for entry in &mut entries {
            entry.key = None;
            entry.variant = None;
            entry.message.get_or_insert_with(|| "Message.".to_owned());
            entry.descriptions.clear();
        }
        for listed in [true, false] {
            let columns = Columns::new(&entries, listed);
            assert!(matches!(columns.keys, TextColumn::Empty));
            assert!(matches!(columns.descriptions, TextColumn::Empty));
            // No key slot holds a row.
            assert_eq!(columns.key_index.slots.len(), 16);
            let tokens = columns.to_tokens().to_string();
            assert!(
                tokens.contains("keys : super :: __errdoc :: Texts :: Empty"),
                "{tokens}"
            );
            let table = table(columns);
            assert_eq!(table.key(0), None);
            assert_eq!(table.description(0), None);
            assert_eq!(table.message(0), Some("메시지 1"));
            assert_eq!(table.message(2), Some("Message."));
            assert_eq!(table.row_of_key("A"), None);
        }
    }

    #[test]
    fn debug_and_display_name_listed_codes_by_key_and_others_by_number() {
        struct Shown<'a>(&'a Table, i32, u32, bool);
        impl std::fmt::Display for Shown<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                if self.3 {
                    self.0.debug(self.1, self.2, f)
                } else {
                    self.0.display(self.1, self.2, f)
                }
            }
        }
        let entries = mixed_entries(&[4_010_002, 4_010_003, 4_010_004, 4_010_005]);
        let table = table(Columns::new(&entries, true));
        let key = |row: usize| entries[row].key().unwrap_or_default();
        let shown = |code, row, debug| Shown(&table, code, row, debug).to_string();
        assert_eq!(shown(4_010_002, 0, true), format!("{}(4010002)", key(0)));
        assert_eq!(
            shown(4_010_002, 0, false),
            format!("{} (4010002): 메시지 4010002", key(0))
        );
        // Keyless, with a message.
        assert_eq!(shown(4_010_003, 1, true), "ErrorCode(4010003)");
        assert_eq!(shown(4_010_003, 1, false), "4010003: 메시지 4010003");
        // Keyed, with descriptions and no message: the first description.
        assert_eq!(
            shown(4_010_004, 2, false),
            format!("{} (4010004): 설명 4010004 0", key(2))
        );
        // Keyless, with a description alone.
        assert_eq!(shown(4_010_005, 3, true), "ErrorCode(4010005)");
        assert_eq!(shown(4_010_005, 3, false), "4010005: 설명 4010005 1");
        assert_eq!(shown(-7, UNLISTED, true), "ErrorCode(-7)");
        assert_eq!(shown(-7, UNLISTED, false), "unlisted result code -7");
    }

    #[test]
    fn key_tables_hold_only_keyed_codes() {
        let entries = mixed_entries(&(0..100).collect::<Vec<_>>());
        let columns = Columns::new(&entries, true);
        let keyed = entries.iter().filter(|entry| entry.key.is_some()).count();
        let rows: Vec<u32> = (0..columns.key_index.slots.len() / 8)
            .map(|i| runtime::Slot::read(&columns.key_index.slots, i).row)
            .filter(|&row| row != EMPTY)
            .collect();
        assert_eq!(rows.len(), keyed);
        assert!(rows.iter().all(|&row| entries[row as usize].key.is_some()));
        assert_eq!(
            columns.key_index.slots.len() / 8,
            (keyed * 4).next_power_of_two()
        );
    }

    #[test]
    fn code_tables_are_at_most_half_full_and_key_tables_a_quarter() {
        let entries = entries(&(0..1000).map(|n| n * 3).collect::<Vec<_>>());
        let columns = Columns::new(&entries, true);
        let empty = |index: &HashIndex| {
            (0..index.slots.len() / 8)
                .filter(|&i| runtime::Slot::read(&index.slots, i).row == EMPTY)
                .count()
        };
        assert_eq!(columns.code_index.slots.len() / 8, 2048);
        assert_eq!(empty(&columns.code_index), 1048);
        assert_eq!(columns.key_index.slots.len() / 8, 4096);
        assert_eq!(empty(&columns.key_index), 3096);
    }

    #[test]
    fn keys_compare_equal_only_when_every_byte_is() {
        let key: Vec<u8> = (b'A'..=b'Z').chain(b'a'..=b'z').collect();
        for len in 0..=key.len() {
            let key = &key[..len];
            assert!(runtime::same(key, key));
            if len > 0 {
                assert!(!runtime::same(key, &key[..len - 1]));
            }
            let mut changed = key.to_vec();
            for at in 0..len {
                changed[at] ^= 1;
                assert!(!runtime::same(key, &changed), "{len} {at}");
                changed[at] ^= 1;
            }
        }
    }

    #[test]
    fn the_key_hash_reads_every_byte() {
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
    fn seeds_print_in_hexadecimal() {
        assert_eq!(
            hex(0x9e37_79b9_7f4a_7c15).to_string(),
            "0x9e3779b97f4a7c15u64"
        );
        assert_eq!(hex(1).to_string(), "0x0000000000000001u64");
    }
}
