//! Writes a synthetic document set, or the code errdoc generates for one, for the scripts
//! that time build scripts and compilers.
//!
//! ```text
//! synth docs DIR DOCUMENTS ROWS [SEED]   # DOCUMENTS pages of ROWS rows into DIR
//! synth code FILE DOCUMENTS ROWS [SEED]  # errdoc's code for that set into FILE
//! ```

use std::path::Path;
use std::process::ExitCode;

use errdoc_benches::synth;

const USAGE: &str = "usage: synth docs DIR DOCUMENTS ROWS [SEED]\n       \
                     synth code FILE DOCUMENTS ROWS [SEED]";

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
                .map_err(|e| format!("errdoc emitted invalid Rust: {e}"))?;
            std::fs::write(path, code).map_err(|e| format!("{}: {e}", path.display()))
        }
        _ => Err(USAGE.to_owned()),
    }
}
