//! Scale and resources: a very large page and a folder of very many pages are processed in
//! time linear in their size, and in memory proportional to the catalog they hold rather
//! than a copy of it per stage. Heap use is measured by a counting global allocator.
//!
//! In a debug build the 50 MB page takes about 15 s, the 10,000 pages about 4 s, and the
//! shapes that were once quadratic about 6 s together.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use errdoc::{Catalog, Source, check};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Measurements share the one allocator, so they run one at a time.
static MEASURING: Mutex<()> = Mutex::new(());

/// A page of one service with `rows` rows, about 110 bytes each.
fn page(service: &str, first: i64, rows: usize) -> String {
    let mut page = format!("## AI Service > Scale > {service} > Error Code\n\n");
    page.push_str("| resultCode | resultKey | resultMessage |\n|---|---|---|\n");
    for row in 0..rows {
        let code = first + row as i64;
        writeln!(
            page,
            "| {code} | SCALE_KEY_{code}_OF_THE_TEST | Message {code}, which says what went wrong. |"
        )
        .unwrap();
    }
    page
}

/// What one `check` cost: its time and the heap it used at its peak, above what was in use
/// before it (the sources).
struct Cost {
    time: Duration,
    peak: usize,
    catalog: Catalog,
}

fn measure(sources: &[Source]) -> Cost {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let checked = check(sources);
    let time = start.elapsed();
    assert!(!checked.has_errors(), "{:?}", &checked.diagnostics[..1]);
    Cost {
        time,
        peak: PEAK.load(Ordering::Relaxed) - before,
        catalog: checked.catalog,
    }
}

/// The heap a catalog holds: its strings, entries and locations, by their lengths (the
/// catalog shows its text as `&str`, so spare capacity is not counted).
fn catalog_bytes(catalog: &Catalog) -> usize {
    let entry = size_of::<errdoc::Entry>();
    let services = catalog.services().iter();
    let entries = services.flat_map(|service| service.entries());
    entries
        .map(|e| {
            entry
                + e.key().map_or(0, str::len)
                + e.variant().map_or(0, str::len)
                + e.message().map_or(0, str::len)
                + size_of_val(e.locations())
        })
        .sum()
}

fn total_len(sources: &[Source]) -> usize {
    sources.iter().map(|source| source.bytes.len()).sum()
}

/// Checks a small and a ten-times larger input: time grows about linearly, and the peak
/// heap stays within a small multiple of the catalog's size.
/// The inputs are made under the lock too: another test's allocations would count.
fn assert_scales(small: impl FnOnce() -> Vec<Source>, large: impl FnOnce() -> Vec<Source>) {
    let _one_at_a_time = MEASURING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let small = small();
    let small_cost = measure(&small);
    let large = large();
    let large_cost = measure(&large);
    let (small_len, large_len) = (total_len(&small), total_len(&large));
    let size_ratio = large_len as f64 / small_len as f64;
    let time_ratio = large_cost.time.as_secs_f64() / small_cost.time.as_secs_f64();
    for (name, len, cost) in [
        ("small", small_len, &small_cost),
        ("large", large_len, &large_cost),
    ] {
        let catalog = catalog_bytes(&cost.catalog);
        eprintln!(
            "{name}: {len} bytes in, {} codes, {:?}, peak heap {} bytes ({:.2}x the input, {:.2}x the catalog's {catalog})",
            cost.catalog.code_count(),
            cost.time,
            cost.peak,
            cost.peak as f64 / len as f64,
            cost.peak as f64 / catalog as f64,
        );
    }
    eprintln!("input {size_ratio:.1}x larger, time {time_ratio:.1}x");
    // Linear, with room for noise and for the sorted maps' logarithm.
    assert!(
        time_ratio < size_ratio * 2.0,
        "time grew {time_ratio:.1}x for {size_ratio:.1}x the input"
    );
    // Memory: a constant multiple of the catalog at both sizes, small enough that no stage
    // holds a copy of the catalog beside the last's. A single page costs the most: the
    // markdown parser holds its tree of the whole page while the rows are read.
    let ratio = |cost: &Cost| cost.peak as f64 / catalog_bytes(&cost.catalog) as f64;
    let (small_ratio, large_ratio) = (ratio(&small_cost), ratio(&large_cost));
    assert!(large_ratio < 5.0, "peak heap {large_ratio:.2}x the catalog");
    assert!(
        large_ratio < small_ratio * 1.2,
        "peak heap grew faster than the catalog: {small_ratio:.2}x, then {large_ratio:.2}x"
    );
}

fn one_page(rows: usize) -> Vec<Source> {
    vec![Source::new("big.md", page("Big", 1_000_000, rows))]
}

fn many_pages(pages: usize, rows: usize) -> Vec<Source> {
    (0..pages)
        .map(|n| {
            let service = format!("Service {n}");
            Source::new(format!("{n}.md").as_str(), page(&service, 1_000_000, rows))
        })
        .collect()
}

/// A page of 50 MB: about 560,000 rows.
#[test]
#[ignore = "slow in a debug build: a 50 MB page; `cargo test -p errdoc --test scale -- --ignored` runs it, as CI does"]
fn a_50_mb_page_scales_linearly() {
    let large = || {
        let large = one_page(560_000);
        assert!(total_len(&large) >= 50_000_000, "{}", total_len(&large));
        large
    };
    assert_scales(|| one_page(56_000), large);
}

/// 10,000 pages of 10 rows each.
#[test]
#[ignore = "slow in a debug build: 10,000 pages; `cargo test -p errdoc --test scale -- --ignored` runs it, as CI does"]
fn ten_thousand_pages_scale_linearly() {
    assert_scales(|| many_pages(1_000, 10), || many_pages(10_000, 10));
}

/// A page of a shape, made at a size.
type Page = dyn Fn(usize) -> String;

/// The shapes of input whose work once grew with the square of their size: each is checked
/// at n and 4n, and its time must grow about 4x (a square would grow 16x).
#[test]
#[ignore = "slow in a debug build: pages of up to 160,000 rows or columns; `cargo test -p errdoc --test scale -- --ignored` runs it, as CI does"]
fn shapes_that_were_quadratic_scale_linearly() {
    const HEAD: &str = "## AI Service > Scale > Shapes > Error Code\n\n";
    const TABLE: &str = "| resultCode | resultKey | resultMessage |\n|---|---|---|\n";
    // The row merge once looked through every earlier row of a code.
    let repeated = |n: usize| HEAD.to_owned() + &format!("{TABLE}| 1 | ONE | One. |\n\n").repeat(n);
    // Each cell's column was counted from the start of its line.
    let wide = |n: usize| {
        let row = |cell: &str| format!("{}|\n", format!("| {cell} ").repeat(n));
        format!(
            "{HEAD}{}{}{}\n{TABLE}| 1 | ONE | One. |\n",
            row("h"),
            row("---"),
            row("x")
        )
    };
    // A CR-only page was one line, so every column was counted from the start of the page.
    let cr_rows = |n: usize| {
        let rows: String = (0..n)
            .map(|i| format!("| {i} | KEY_{i} | Message {i}. |\r"))
            .collect();
        format!("{HEAD}{TABLE}{rows}").replace('\n', "\r")
    };
    // Each paragraph after the table searched back for the start of its line.
    let cr_paragraphs = |n: usize| {
        let text = "Text after the table.\r\r".repeat(n);
        format!("{HEAD}{TABLE}| 1 | ONE | One. |\n\n").replace('\n', "\r") + &text
    };
    // Lines held between the rows of a plain-text table.
    let held = |n: usize| {
        let rows: String = (0..n)
            .map(|i| format!("{i}\tKEY_{i}\tMessage {i}.\nOCR errors\n"))
            .collect();
        format!("AI Service > Scale\nresultCode\tresultKey\tresultMessage\n{rows}")
    };
    // One code described differently in each of n sections of a guide, and n headings.
    let described = |n: usize| {
        let sections: String = (0..n)
            .map(|i| {
                format!(
                    "### API {i}\n#### Error Codes\n\n| resultCode | resultMessage | Description |\n\
                     |---|---|---|\n| -40000 | InvalidParam | Invalid in API {i}. |\n\n"
                )
            })
            .collect();
        format!("## AI Service > Scale > API Guide\n\n{sections}")
    };
    let shapes: [(&str, &Page, usize); 6] = [
        ("one row in n tables", &repeated, 10_000),
        ("one code described in n sections", &described, 5_000),
        ("a header of n columns", &wide, 20_000),
        ("a CR-only page of n rows", &cr_rows, 10_000),
        ("a CR-only page of n paragraphs", &cr_paragraphs, 40_000),
        ("n plain-text rows with text between", &held, 10_000),
    ];
    let _one_at_a_time = MEASURING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for (shape, page, n) in shapes {
        let time = |n: usize| {
            let path = if shape.starts_with("n plain") {
                "page.txt"
            } else {
                "page.md"
            };
            let sources = [Source::new(path, page(n))];
            let start = Instant::now();
            let checked = check(&sources);
            let time = start.elapsed();
            assert!(
                checked.catalog.code_count() >= 1,
                "{shape}: {:?}",
                &checked.diagnostics[..1]
            );
            time
        };
        let (small, large) = (time(n), time(4 * n));
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        eprintln!("{shape}: n = {n} {small:?}, 4n {large:?}, {ratio:.1}x");
        assert!(
            ratio < 8.0,
            "{shape}: time grew {ratio:.1}x for 4x the input"
        );
    }
}
