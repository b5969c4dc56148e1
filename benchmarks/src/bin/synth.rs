//! Writes a synthetic document set, or the code errdoc generates for one, for the scripts
//! that time build scripts and compilers.
//!
//! ```text
//! synth docs DIR DOCUMENTS ROWS [SEED]   # DOCUMENTS pages of ROWS rows into DIR
//! synth code FILE DOCUMENTS ROWS [SEED]  # errdoc's code for that set into FILE
//! synth stages [RUNS] PATH…             # the median time of each step on documents
//! ```
//!
//! `stages` runs the pipeline as a build script does, in the steps errdoc's public API
//! offers (`read`, `check`, `generate`); built in the dev
//! profile (`cargo run -p errdoc-benches --bin synth`), errdoc is unoptimized, as in a
//! build script.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use errdoc_benches::synth;

const USAGE: &str = "usage: synth docs DIR DOCUMENTS ROWS [SEED]\n       \
                     synth code FILE DOCUMENTS ROWS [SEED]\n       \
                     synth stages [RUNS] PATH...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    if let [command, rest @ ..] = args
        && command == "stages"
    {
        return stages(rest);
    }
    let [command, path, documents, rows, rest @ ..] = args else {
        return Err(USAGE.to_owned());
    };
    let number = |text: &str| text.parse::<u64>().map_err(|_| USAGE.to_owned());
    let documents = number(documents)? as usize;
    let rows = number(rows)? as usize;
    let seed = match rest {
        [] => synth::DEFAULT_SEED,
        [seed] => number(seed)?,
        _ => return Err(USAGE.to_owned()),
    };
    let set = synth::documents(documents, rows, seed);
    let path = Path::new(path);
    match command.as_str() {
        "docs" => {
            std::fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))?;
            for document in &set {
                let file = path.join(&document.path);
                std::fs::write(&file, &document.text)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
            }
            Ok(())
        }
        "code" => {
            let sources: Vec<errdoc::Source> = set
                .into_iter()
                .map(|document| errdoc::Source::new(document.path, document.text))
                .collect();
            let checked = errdoc::check(&sources);
            if checked.has_errors() {
                return Err(errdoc::Report(&checked.diagnostics).to_string());
            }
            let code = errdoc::generate(&checked.catalog, &errdoc::Options::default())
                .map_err(|e| format!("error: {e}"))?;
            std::fs::write(path, code).map_err(|e| format!("{}: {e}", path.display()))
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// Prints the median time of each stage over `RUNS` runs (default 10) on the documents
/// under the paths.
fn stages(args: &[String]) -> Result<(), String> {
    let (runs, paths) = match args {
        [runs, paths @ ..] if runs.parse::<usize>().is_ok() => {
            (runs.parse::<usize>().unwrap_or(10), paths)
        }
        paths => (10, paths),
    };
    if paths.is_empty() || runs == 0 {
        return Err(USAGE.to_owned());
    }
    // The stages are what errdoc's public API offers: `read`, `check` (parse and lower) and
    // `generate` (emit and render); errdoc's inner stages are private. To see what
    // formatting costs inside `generate`, the generated file is read back as tokens (the
    // tokens that emit made, less the header's comments) and given to syn's parse and
    // prettyplease's printing apart, and `to_string` is what printing the tokens unformatted
    // costs, for comparison: none of these is part of the total.
    let names = [
        "read",
        "check",
        "generate",
        "total",
        "format: syn::parse2",
        "format: prettyplease",
        "TokenStream::to_string",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); names.len()];
    let mut size = (0, 0, 0);
    for _ in 0..runs {
        let sources = timed(&mut times[0], || errdoc::read(paths))
            .map_err(|e| format!("error: {e}"))?
            .sources;
        let checked = timed(&mut times[1], || errdoc::check(&sources));
        let options = errdoc::Options::default();
        let code = timed(&mut times[2], || {
            errdoc::generate(&checked.catalog, &options)
        })
        .map_err(|e| format!("error: {e}"))?;
        let tokens: proc_macro2::TokenStream = code.parse().map_err(|e| format!("{e:?}"))?;
        let copy = tokens.clone();
        let file: syn::File =
            timed(&mut times[4], || syn::parse2(copy)).map_err(|e| e.to_string())?;
        timed(&mut times[5], || prettyplease::unparse(&file));
        timed(&mut times[6], || tokens.to_string());
        size = (sources.len(), checked.catalog.code_count(), code.len());
    }
    for run in 0..runs {
        let total = (0..3).map(|stage| times[stage][run]).sum();
        times[3].push(total);
    }
    println!(
        "{} documents, {} codes, {} bytes of code; median of {runs} runs:",
        size.0, size.1, size.2
    );
    for (name, mut laps) in names.iter().zip(times) {
        laps.sort();
        let median = laps[laps.len() / 2];
        println!("{name:>24} {:9.1} ms", median.as_secs_f64() * 1000.0);
    }
    Ok(())
}

/// Runs `f`, adding the time it took to `laps`.
fn timed<T>(laps: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = std::hint::black_box(f());
    laps.push(start.elapsed());
    value
}
