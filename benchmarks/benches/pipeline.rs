//! errdoc's pipeline, in the steps its public API offers: `read`, `check` (parse and lower),
//! `generate` (emit and render), and all of them together as a build script runs them
//! (`Builder::generate`), on three document sets. The inner stages are private to errdoc,
//! so parse is timed with lower and emit with render:
//!
//! - `seeds`: the repository's `seeds/` (4 pages, 104 codes);
//! - `4x26`: a synthetic set of the same size;
//! - `1000x100`: 1,000 synthetic pages of 100 rows, a cloud's worth of services;
//! - `corpus`: the 228 real pages of the shared corpus (`$ERRDOC_CORPUS`, by default
//!   `../shared/corpus` beside the workspace), `check` alone, each page as `errdoc check`
//!   reads a tree: every shape and defect the docs have, errors included. Skipped when the
//!   corpus is absent.
//!
//! Each step gets the previous step's output, made once before timing. The synthetic
//! sets are written to a temporary folder, so that `read` reads files, and removed after.
//!
//! These run in the bench profile (optimized). A build script runs errdoc unoptimized
//! (`opt-level = 0`, unless the user's profile says otherwise): `scripts/build-script-time`
//! measures that.
//!
//! ```text
//! cargo bench -p errdoc-benches --bench pipeline
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use errdoc::{Builder, Options};
use errdoc_benches::synth;

/// Benchmarks every step on the documents under `folder`.
fn stages(c: &mut Criterion, name: &str, folder: &Path) {
    let sources = errdoc::read(&[folder]).expect("the set reads").sources;
    let checked = errdoc::check(&sources);
    assert!(!checked.has_errors(), "the set is clean");
    assert_eq!(
        checked.catalog.files().len(),
        sources.len(),
        "every page has a table"
    );
    let catalog = checked.catalog;
    let options = Options::default();

    let mut group = c.benchmark_group(format!("pipeline/{name}"));
    if catalog.code_count() > 10_000 {
        // Each of these takes from tens of milliseconds to seconds: ten samples suffice.
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
    }
    group.bench_function("read", |b| b.iter(|| errdoc::read(&[folder])));
    group.bench_function("check", |b| b.iter(|| errdoc::check(&sources)));
    group.bench_function("generate", |b| {
        b.iter(|| errdoc::generate(&catalog, &options))
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            Builder::new()
                .docs(folder)
                .generate()
                .expect("the set generates")
        })
    });
    group.finish();
}

/// A synthetic set in a temporary folder, removed when dropped.
struct SyntheticSet(PathBuf);

impl SyntheticSet {
    fn new(documents: usize, rows: usize) -> SyntheticSet {
        let folder = std::env::temp_dir().join(format!(
            "errdoc-bench-{documents}x{rows}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&folder).expect("a temporary folder");
        for document in synth::documents(documents, rows, synth::DEFAULT_SEED) {
            std::fs::write(folder.join(document.path), document.text).expect("a page");
        }
        SyntheticSet(folder)
    }
}

impl Drop for SyntheticSet {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `check` over the real pages, when the corpus is there: all of them at once, as a docs
/// team's CI checks its tree.
fn corpus(c: &mut Criterion) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let folder = std::env::var_os("ERRDOC_CORPUS").map_or_else(
        || workspace.join("../shared/corpus"),
        |path| workspace.join(path),
    );
    if !folder.join("MANIFEST.tsv").is_file() {
        eprintln!(
            "pipeline/corpus: no corpus at {}, skipped",
            folder.display()
        );
        return;
    }
    let sources = errdoc::read(&[&folder]).expect("the corpus reads").sources;
    let mut group = c.benchmark_group("pipeline/corpus");
    group.bench_function("check", |b| b.iter(|| errdoc::check(&sources)));
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    stages(c, "seeds", &seeds);
    for (documents, rows) in [(4, 26), (1000, 100)] {
        let set = SyntheticSet::new(documents, rows);
        stages(c, &format!("{documents}x{rows}"), &set.0);
    }
    corpus(c);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = pipeline
}
criterion_main!(benches);
