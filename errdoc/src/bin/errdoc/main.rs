//! The `errdoc` command line: checks error-code documents and exports their catalog.
//!
//! Exit codes: 0 when there is no error, 1 when a document has an error (or a warning with
//! `--deny-warnings`) or cannot be read, 2 on a usage error or a path that does not exist.

mod json;

use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use errdoc::read::{self, ReadError};
use errdoc::{Checked, Report, Severity, Summary};

/// Turns published error-code pages into typed Rust code, and checks them.
#[derive(Parser)]
#[command(name = "errdoc", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks that documents parse and agree with each other, and prints a summary.
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// Prints the merged catalog of the documents.
    Dump {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        input: Input,
    },
}

/// The documents to read, and how strict to be with them.
#[derive(clap::Args)]
struct Input {
    /// Treat warnings (a repeated row) as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Documents, or folders walked for `*.md`, `*.markdown` and `*.txt`.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// JSON: services sorted by module, entries by code.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { input } => run(&input, |_, summary| format!("{summary}\n")),
        Command::Dump {
            format: Format::Json,
            input,
        } => run(&input, |checked, _| json::catalog(&checked.catalog)),
    }
}

/// Reads and checks the input, prints the diagnostics to stderr, and, when there is no
/// error, prints what `output` makes of the result to stdout.
fn run(input: &Input, output: impl FnOnce(&Checked, Summary) -> String) -> ExitCode {
    let sources = match read::read(&input.paths) {
        Ok(sources) => sources,
        Err(error) => {
            eprintln!("{error}");
            return match error {
                ReadError::NotFound(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            };
        }
    };
    let mut checked = errdoc::check(&sources.documents);
    if input.deny_warnings {
        for diagnostic in &mut checked.diagnostics {
            diagnostic.severity = Severity::Error;
        }
    }
    let report = Report(&checked.diagnostics);
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "{report}");
    if report.errors() > 0 {
        return ExitCode::FAILURE;
    }
    let summary = Summary::new(&checked.catalog, sources.documents.len());
    match io::stdout()
        .lock()
        .write_all(output(&checked, summary).as_bytes())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(stderr, "error: cannot write the output: {error}");
            ExitCode::FAILURE
        }
    }
}
