//! The lookups of errdoc's generated code against their baselines, at 50 and 10,000 codes,
//! and on the real keys of `seeds/`.
//!
//! For each size, the build script generates one synthetic service with errdoc, and the
//! same rows as `phf` maps and `match` functions, into this package's library
//! (`errdoc_benches::fixtures`), so that the lookups are called from another crate, as an
//! SDK calls them. This file builds the run-time baselines from the same rows:
//! `std::collections::HashMap` (SipHash, the default), a sorted array searched by
//! bisection, and a dense array indexed directly, the floor that no lookup can beat.
//!
//! Synthetic keys are drawn from a few shapes, and a batch is all hits or all misses. The
//! `seeds` group measures what an SDK meets instead: the crate generated from `seeds/`
//! (`ai_service_errors`, a dependency of this package), Document OCR's real keys, and
//! three hits to one miss in one shuffled batch, so that neither the key lengths nor the
//! outcome can be predicted from one lookup to the next.
//!
//! | group | compared |
//! |---|---|
//! | `from_code/{size}/{hit,miss}` | `ErrorCode::from_code` vs `HashMap<i32, u32>`, `phf`, `match`, binary search, dense index |
//! | `from_key/{size}/{hit,miss}` | `ErrorCode::from_key` vs `HashMap<&str, u32>`, `phf`, `match` (50 keys only) |
//! | `from_key/seeds/mixed` | `document_ocr::ErrorCode::from_key` vs `HashMap<&str, u32>`, on Document OCR's real keys, 3 hits to 1 miss |
//! | `{code,key,message}/{size}` | `ErrorCode::code()`, `key()`, `message()` vs a dense array of entries |
//!
//! Every measurement runs over [`BATCH`] inputs, shuffled, each passed through
//! `black_box` and its result too, and reports the time of **one** lookup (the batch's
//! time divided by its length). Misses are codes and keys that a client could meet:
//! neighbours of listed codes, keys of the same shapes, listed keys with a letter changed;
//! on the real keys, the other seed services' keys too, and listed keys with a suffix.
//! The dense index of a miss reads an empty element (the dense array is half empty, as a
//! dense table of sparse codes would be mostly empty). Before timing, every
//! implementation is checked to give the same row for every input.
//!
//! ```text
//! cargo bench -p errdoc-benches --bench lookups
//! scripts/criterion-table target/criterion     # one table, with ratios to the baselines
//! ```

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hint::black_box;
use std::time::{Duration, Instant};

use ai_service_errors::{document_ocr, general_ocr, pose_estimation};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use errdoc_benches::fixtures::{size_50, size_10000};
use errdoc_benches::synth::{self, Rng};

/// The inputs of one measurement.
const BATCH: usize = 4096;

/// The seed of the shuffles and of the misses.
const INPUT_SEED: u64 = 0x1005_0b5e;

/// One service's rows and the run-time baselines over them.
struct Rows {
    service: synth::Service,
    by_code: HashMap<i32, u32>,
    by_key: HashMap<&'static str, u32>,
    sorted_codes: Vec<i32>,
    /// Listed rows, then as many empty elements.
    dense_rows: Vec<u32>,
    dense_entries: Vec<DenseEntry>,
}

/// One entry of the dense array: what `code()`, `key()` and `message()` return.
struct DenseEntry {
    code: i32,
    key: &'static str,
    message: &'static str,
}

impl Rows {
    /// The rows of the service the build script generated for `size`.
    fn new(size: usize) -> Rows {
        let service = synth::service(0, size, synth::DEFAULT_SEED);
        // The baselines own nothing: like the generated tables, they point at static text.
        let leak = |text: &str| -> &'static str { Box::leak(text.to_owned().into_boxed_str()) };
        let entries: Vec<DenseEntry> = service
            .rows
            .iter()
            .map(|row| DenseEntry {
                code: row.code,
                key: leak(&row.key),
                message: leak(&row.message),
            })
            .collect();
        Rows {
            by_code: (0..).zip(&entries).map(|(row, e)| (e.code, row)).collect(),
            by_key: (0..).zip(&entries).map(|(row, e)| (e.key, row)).collect(),
            sorted_codes: entries.iter().map(|e| e.code).collect(),
            dense_rows: (0..size as u32)
                .chain((0..size).map(|_| u32::MAX))
                .collect(),
            dense_entries: entries,
            service,
        }
    }

    fn len(&self) -> usize {
        self.service.rows.len()
    }

    /// [`BATCH`] listed rows, shuffled: every row once before any twice.
    fn hit_rows(&self) -> Vec<usize> {
        rounds(self.len(), BATCH, &mut Rng::new(INPUT_SEED))
    }

    /// Inputs for a lookup by code: the codes, and for the dense index, the rows.
    fn code_inputs(&self) -> [(&'static str, Vec<i32>, Vec<usize>); 2] {
        let hits = self.hit_rows();
        let hit_codes = hits
            .iter()
            .map(|&row| self.service.rows[row].code)
            .collect();
        let misses = self.service.unlisted_codes(BATCH, INPUT_SEED);
        // A miss of the dense index is an empty element.
        let mut rng = Rng::new(INPUT_SEED);
        let miss_rows = (0..BATCH)
            .map(|_| self.len() + rng.below(self.len()))
            .collect();
        [("hit", hit_codes, hits), ("miss", misses, miss_rows)]
    }

    /// Inputs for a lookup by key.
    fn key_inputs(&self) -> [(&'static str, Vec<String>); 2] {
        let hits = self.hit_rows();
        let hit_keys = hits
            .iter()
            .map(|&row| self.service.rows[row].key.clone())
            .collect();
        [
            ("hit", hit_keys),
            ("miss", self.service.unlisted_keys(BATCH, INPUT_SEED)),
        ]
    }

    /// The row of `code`, the answer every implementation must give.
    fn row_of_code(&self, code: i32) -> Option<u32> {
        self.by_code.get(&code).copied()
    }
}

/// `count` rows of `0..len`, shuffled round by round, so that every row comes once before
/// any comes twice.
fn rounds(len: usize, count: usize, rng: &mut Rng) -> Vec<usize> {
    let mut rows = Vec::with_capacity(count);
    while rows.len() < count {
        let mut round: Vec<usize> = (0..len).collect();
        rng.shuffle(&mut round);
        rows.extend(round.into_iter().take(count - rows.len()));
    }
    rows
}

/// Times `lookup` over `inputs`, reporting the time of one lookup.
fn bench<I: Copy, O>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    inputs: &[I],
    lookup: impl Fn(I) -> O,
) {
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            let start = Instant::now();
            for _ in 0..iterations {
                for &input in inputs {
                    black_box(lookup(black_box(input)));
                }
            }
            start.elapsed() / inputs.len() as u32
        })
    });
}

/// Every benchmark of one size, over the generated module `$module`.
macro_rules! bench_size {
    ($name:ident, $module:ident, $size:literal, match_key: $match_key:expr) => {
        fn $name(c: &mut Criterion) {
            use $module::baselines;
            use $module::generated::lookup::ErrorCode;
            /// The dense index's answer: the element, unless it is empty.
            fn dense_index(rows: &[u32], row: usize) -> Option<u32> {
                rows.get(row).copied().filter(|&row| row != u32::MAX)
            }

            let rows = Rows::new($size);
            assert_eq!(ErrorCode::ALL.len(), $size);

            for (outcome, codes, dense) in rows.code_inputs() {
                for &code in &codes {
                    let row = rows.row_of_code(code);
                    let key = row.map(|row| rows.dense_entries[row as usize].key);
                    assert_eq!(ErrorCode::from_code(code).key(), key, "{code}");
                    assert_eq!(baselines::PHF_BY_CODE.get(&code).copied(), row);
                    assert_eq!(baselines::match_code(code), row);
                    assert_eq!(
                        rows.sorted_codes.binary_search(&code).ok(),
                        row.map(|r| r as usize)
                    );
                }
                let mut group = c.benchmark_group(format!("from_code/{}/{outcome}", $size));
                bench(&mut group, "errdoc", &codes, ErrorCode::from_code);
                bench(&mut group, "HashMap", &codes, |code| {
                    rows.by_code.get(&code).copied()
                });
                bench(&mut group, "phf", &codes, |code| {
                    baselines::PHF_BY_CODE.get(&code).copied()
                });
                bench(&mut group, "match", &codes, baselines::match_code);
                bench(&mut group, "binary_search", &codes, |code| {
                    rows.sorted_codes.binary_search(&code).ok()
                });
                for (&code, &row) in codes.iter().zip(&dense) {
                    assert_eq!(dense_index(&rows.dense_rows, row), rows.row_of_code(code));
                }
                bench(&mut group, "dense_index", &dense, |row| {
                    dense_index(&rows.dense_rows, row)
                });
                group.finish();
            }

            for (outcome, keys) in rows.key_inputs() {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                let match_key: Option<fn(&str) -> Option<u32>> = $match_key;
                for &key in &keys {
                    let row = rows.by_key.get(key).copied();
                    let code = row.map(|row| rows.dense_entries[row as usize].code);
                    assert_eq!(ErrorCode::from_key(key).map(ErrorCode::code), code, "{key}");
                    assert_eq!(baselines::PHF_BY_KEY.get(key).copied(), row);
                    assert!(match_key.is_none_or(|f| f(key) == row));
                }
                let mut group = c.benchmark_group(format!("from_key/{}/{outcome}", $size));
                bench(&mut group, "errdoc", &keys, ErrorCode::from_key);
                bench(&mut group, "HashMap", &keys, |key| {
                    rows.by_key.get(key).copied()
                });
                bench(&mut group, "phf", &keys, |key| {
                    baselines::PHF_BY_KEY.get(key).copied()
                });
                if let Some(match_key) = match_key {
                    bench(&mut group, "match", &keys, match_key);
                }
                group.finish();
            }

            let hits = rows.hit_rows();
            let codes: Vec<ErrorCode> = hits.iter().map(|&row| ErrorCode::ALL[row]).collect();
            let entries = &rows.dense_entries;
            for (row, code) in hits.iter().zip(&codes) {
                let entry = &entries[*row];
                let expected = (entry.code, Some(entry.key), Some(entry.message));
                assert_eq!((code.code(), code.key(), code.message()), expected);
            }
            let mut group = c.benchmark_group(format!("code/{}", $size));
            bench(&mut group, "errdoc", &codes, ErrorCode::code);
            bench(&mut group, "dense_index", &hits, |row| {
                entries.get(row).map(|e| e.code)
            });
            group.finish();
            let mut group = c.benchmark_group(format!("key/{}", $size));
            bench(&mut group, "errdoc", &codes, ErrorCode::key);
            bench(&mut group, "dense_index", &hits, |row| {
                entries.get(row).map(|e| e.key)
            });
            group.finish();
            let mut group = c.benchmark_group(format!("message/{}", $size));
            bench(&mut group, "errdoc", &codes, ErrorCode::message);
            bench(&mut group, "dense_index", &hits, |row| {
                entries.get(row).map(|e| e.message)
            });
            group.finish();
        }
    };
}

bench_size!(lookups_50, size_50, 50, match_key: Some(size_50::baselines::match_key));
bench_size!(lookups_10000, size_10000, 10000, match_key: None);

/// Suffixes a client could find on a listed key: a plural, a newer version, a longer name.
const KEY_SUFFIXES: [&str; 4] = ["S", "_V2", "_ERROR", "_TIMEOUT"];

/// [`BATCH`] keys for Document OCR, shuffled: three hits to one miss. The hits are its
/// listed keys, every key once before any twice. A miss is, about a third each, a key that
/// another seed service lists and Document OCR does not (the realistic miss: a response
/// checked against the wrong service), a listed key with one letter changed (the same
/// length, so a lookup must compare it whole), or a listed key with a suffix (the same
/// start, so a hash that read only the first bytes would collide). Every miss is checked
/// not to be listed. The keys are owned copies, as a client's are after it parses a
/// response: none shares its address with the table's text.
fn seed_key_inputs(listed: &[&'static str]) -> Vec<String> {
    let is_listed: HashSet<&str> = listed.iter().copied().collect();
    // In order, once each: the inputs are the same from run to run.
    let others: BTreeSet<&'static str> = general_ocr::ErrorCode::ALL
        .iter()
        .filter_map(|code| code.key())
        .chain(
            pose_estimation::ErrorCode::ALL
                .iter()
                .filter_map(|code| code.key()),
        )
        .filter(|key| !is_listed.contains(key))
        .collect();
    let others: Vec<&'static str> = others.into_iter().collect();
    assert!(
        !others.is_empty(),
        "the other seed services list keys of their own"
    );

    let mut rng = Rng::new(INPUT_SEED);
    let mut keys: Vec<String> = rounds(listed.len(), BATCH / 4 * 3, &mut rng)
        .into_iter()
        .map(|row| listed[row].to_owned())
        .collect();
    while keys.len() < BATCH {
        let miss = match rng.below(3) {
            0 => rng.pick(&others).to_owned(),
            1 => {
                let mut key = rng.pick(listed).as_bytes().to_vec();
                let letters: Vec<usize> = (0..key.len())
                    .filter(|&at| key[at].is_ascii_uppercase())
                    .collect();
                let at = rng.pick(&letters);
                // Another letter: 1 to 25 places further round the alphabet.
                let shift = 1 + rng.below(25) as u8;
                key[at] = b'A' + (key[at] - b'A' + shift) % 26;
                String::from_utf8(key).expect("an ASCII letter for an ASCII letter")
            }
            _ => format!("{}{}", rng.pick(listed), rng.pick(&KEY_SUFFIXES)),
        };
        if !is_listed.contains(miss.as_str()) {
            keys.push(miss);
        }
    }
    rng.shuffle(&mut keys);
    keys
}

/// `from_key` on the real keys of the crate generated from `seeds/`, against a `HashMap`
/// of the same keys.
fn lookups_seeds(c: &mut Criterion) {
    use document_ocr::ErrorCode;

    let listed: Vec<&'static str> = ErrorCode::ALL
        .iter()
        .map(|code| code.key().expect("a listed code has a key"))
        .collect();
    let by_key: HashMap<&'static str, u32> =
        (0..).zip(&listed).map(|(row, &key)| (key, row)).collect();
    assert_eq!(by_key.len(), listed.len(), "the keys are distinct");

    let keys = seed_key_inputs(&listed);
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let hits = keys.iter().filter(|key| by_key.contains_key(*key)).count();
    assert_eq!(hits, BATCH / 4 * 3, "three hits to one miss");
    for &key in &keys {
        let row = by_key.get(key).copied();
        let expected = row.map(|row| ErrorCode::ALL[row as usize]);
        assert_eq!(ErrorCode::from_key(key), expected, "{key}");
    }

    let mut group = c.benchmark_group("from_key/seeds/mixed");
    bench(&mut group, "errdoc", &keys, ErrorCode::from_key);
    bench(&mut group, "HashMap", &keys, |key| by_key.get(key).copied());
    group.finish();
}

/// Short runs: the machine is shared, and what counts is the ratio within one run.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}

criterion_group! {
    name = lookups;
    config = config();
    targets = lookups_50, lookups_10000, lookups_seeds
}
criterion_main!(lookups);
