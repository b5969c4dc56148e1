//! The `errdoc` command line: checks error-code documents, exports their catalog, compares
//! two versions of them, and generates the code a build script would.
//!
//! - `errdoc check [PATH…]` prints a summary; `errdoc dump --format json PATH…` the catalog.
//!   `check` is configured by `errdoc.toml` (`config.rs`) and walks its paths as ripgrep
//!   does (`walk.rs`), each page with its language versions.
//! - `errdoc diff OLD NEW` prints what changed between two versions of the documents and
//!   the semver class of the change (`--format json` for tools, `--fail-on CLASS` for CI);
//!   `errdoc diff --against REV [PATH…]` compares them with their versions at a git
//!   revision.
//! - `errdoc generate --out FILE PATH…` writes exactly what `errdoc::Builder::compile`
//!   writes for the same documents; with `--check` it writes nothing and fails when `FILE`
//!   is stale.
//!
//! Exit codes: 0 when there is no error, 1 when a document has an error (or a warning with
//! `--deny-warnings`) or cannot be read, when `diff` finds a change of the `--fail-on`
//! class or above (or compares a version with an error, for what parses), or when
//! `generate --check` finds the file stale; 2 on a usage error, a path that does not exist,
//! or a revision that git cannot read. Diagnostics go to stderr, results to stdout.

mod baseline;
mod changes;
mod compare;
mod config;
mod git;
mod json;
mod output;
mod walk;

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand, ValueEnum};
use errdoc::{
    Builder, CheckOptions, Checked, Class, Error, Generated, Inputs, ReadError, Report, Severity,
    Summary,
};

use crate::baseline::Baseline;
use crate::config::Config;
use crate::output::{ColorChoice, OutputFormat, Texts, Totals};

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
    ///
    /// With an `errdoc.toml` in the current folder or a parent (or `--config`), its
    /// `[check]` globs choose the documents, `[languages]` the folders that name a page's
    /// language, `[rules]` each rule's level and `[[ignore]]` the rules ignored in some
    /// files; without a path, it checks what the configuration includes. Each document's
    /// language versions are read for the cross-language rules, but only the documents
    /// given are reported on.
    Check(CheckArgs),
    /// Prints the merged catalog of the documents.
    Dump {
        /// The output format.
        #[arg(long, value_enum)]
        format: Format,
        #[command(flatten)]
        input: Input,
    },
    /// Prints what changed between two versions of the documents, and how big a change it is.
    ///
    /// Services are matched by module, codes by number. For the generated API, a removed
    /// service or code, or a renamed key, is breaking; an added service or code is minor (new
    /// items only); a changed message or breadcrumb path is a patch. Pages (documents) that
    /// only one version has are listed by their paths from each version's root. A version
    /// with errors is compared for what parses, its errors printed, and the exit code is 1.
    #[command(override_usage = "errdoc diff [OPTIONS] OLD NEW\n       \
                                errdoc diff [OPTIONS] --against REV [PATH]...")]
    Diff {
        /// How to print the diff and the versions' diagnostics: for people (`text` is
        /// another name for `human`), JSON, GitHub workflow commands (which annotate a pull
        /// request) or SARIF 2.1.0 (code scanning).
        #[arg(long, value_enum, default_value = "human")]
        format: DiffFormat,
        /// Whether the human format's diagnostics are coloured: `auto` on a terminal,
        /// unless `NO_COLOR` is set.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Exit with 1 when the change is of this class or above.
        #[arg(long, value_enum, value_name = "CLASS")]
        fail_on: Option<FailOn>,
        /// Compare the documents under the PATHs with their versions at this git revision
        /// (a branch, a tag, a commit) of the repository that holds the current folder.
        #[arg(long, value_name = "REV")]
        against: Option<String>,
        /// OLD and NEW, each a document or a folder walked for documents; with `--against`,
        /// the documents or folders to compare (default: the current folder).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Writes the code that `errdoc::Builder::compile` writes, or checks that a file holds it.
    ///
    /// The same documents and options give the same bytes as the build script, so a crate
    /// can commit the generated file and check it in CI with `--check`.
    Generate {
        /// The file to write, or to check.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Implement serde's traits for every `ErrorCode` under this cargo feature of the
        /// including crate (`Builder::serde_feature`).
        #[arg(long, value_name = "NAME")]
        serde_feature: Option<String>,
        /// Write nothing; exit with 1 when FILE is missing or differs from the code.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        input: Input,
    },
}

/// What `errdoc check` reads, and how.
#[derive(clap::Args)]
struct CheckArgs {
    /// Treat warnings (a repeated row, a code missing in a language) as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The configuration file, instead of the `errdoc.toml` found in the current folder or
    /// its nearest parent.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The name (and so the language) of the document read from standard input (`-`).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// How to print the findings: for people, JSON, GitHub workflow commands (which
    /// annotate a pull request) or SARIF 2.1.0 (code scanning).
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Whether the human format is coloured: `auto` on a terminal, unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Report only the findings that this baseline file (from `--write-baseline`) does not
    /// hold, matched by rule, file and the row's code or key, not by line.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record today's findings in FILE, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Documents, folders walked for `*.md`, `*.markdown` and `*.txt` (respecting
    /// `.gitignore`), or `-` for standard input. Default: the configuration's folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
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

/// An output format of `errdoc diff`: `errdoc check`'s, each with the diff added.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// One paragraph per changed service, one line per change, then a verdict line; the
    /// versions' diagnostics on stderr with their source lines, as `check` draws them.
    #[value(alias = "text")]
    Human,
    /// The same diff, with the diagnostics one place a line.
    Concise,
    /// JSON: the class, the counts, and the changes of each service in code order.
    Json,
    /// The diagnostics as `check --format github` prints them, then a `::warning` (breaking)
    /// or `::notice` per change at the new version's row, then the verdict.
    Github,
    /// SARIF 2.1.0: the diagnostics as `check --format sarif` gives them, and a result per
    /// change (`breaking-change`, `minor-change`, `patch-change`, `page-change`).
    Sarif,
}

/// The least class of change that fails `errdoc diff`.
#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// A removed service or code, or a renamed key.
    Breaking,
    /// A breaking change, or an added service or code.
    Minor,
    /// Any change at all, a changed message included.
    Patch,
}

impl From<FailOn> for Class {
    fn from(fail_on: FailOn) -> Class {
        match fail_on {
            FailOn::Breaking => Class::Breaking,
            FailOn::Minor => Class::Minor,
            FailOn::Patch => Class::Patch,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Dump {
            format: Format::Json,
            input,
        } => run(&input, |checked, _| json::catalog(&checked.catalog)),
        Command::Diff {
            format,
            color,
            fail_on,
            against,
            paths,
        } => {
            let versions = match (against, <[PathBuf; 2]>::try_from(paths)) {
                (Some(revision), Ok(paths)) => compare::Versions::Against {
                    revision,
                    paths: paths.into(),
                },
                (Some(revision), Err(paths)) => compare::Versions::Against { revision, paths },
                (None, Ok([old, new])) => compare::Versions::Paths { old, new },
                (None, Err(_)) => usage_error(
                    "diff",
                    "`errdoc diff` compares OLD and NEW, or the PATHs with `--against REV`",
                ),
            };
            compare::run(&versions, format, color, fail_on.map(Class::from))
        }
        Command::Generate {
            out,
            serde_feature,
            check,
            input,
        } => generate(&out, serde_feature.as_deref(), check, &input),
    }
}

/// Reads and checks the input, prints the diagnostics to stderr, and, when there is no
/// error, prints what `output` makes of the result to stdout.
fn run(input: &Input, output: impl FnOnce(&Checked, Summary) -> String) -> ExitCode {
    let inputs = match load(&input.paths) {
        Ok(inputs) => inputs,
        Err(code) => return code,
    };
    let mut checked = errdoc::check(&inputs.sources);
    if input.deny_warnings {
        deny(&mut checked.diagnostics);
    }
    if report(&checked.diagnostics) > 0 {
        return ExitCode::FAILURE;
    }
    let summary = Summary::new(&checked.catalog, inputs.sources.len());
    print(&output(&checked, summary))
}

/// Checks the documents as `errdoc check` does: reads the configuration, walks the paths,
/// checks the documents with their language versions, applies the configuration's rule
/// levels, then prints the diagnostics of the documents given and, when none is an error,
/// the summary. A path that cannot be read does not stop the others: it is reported, and
/// the exit code is the worst of its (2 for a path that does not exist) and the check's.
fn check(args: &CheckArgs) -> ExitCode {
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(error) => {
            eprintln!("error: cannot find the current folder: {error}");
            return ExitCode::from(2);
        }
    };
    let config = match &args.config {
        Some(file) => Config::load(file, &cwd).map(Some),
        None => Config::discover(&cwd),
    };
    let config = match config {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let paths = match (&config, args.paths.is_empty()) {
        (Some(config), true) => vec![config.folder.clone()],
        (None, true) => {
            eprintln!(
                "error: no path given, and no `{}` in the current folder or above

                 Usage: errdoc check [OPTIONS] [PATH]...",
                config::FILE_NAME
            );
            return ExitCode::from(2);
        }
        (_, false) => args.paths.clone(),
    };
    let mut options = CheckOptions::default();
    if let Some(languages) = config.as_ref().and_then(|config| config.languages.clone()) {
        options.languages = languages;
    }
    let walked = walk::walk(
        &paths,
        args.stdin_filename.as_deref(),
        config.as_ref(),
        &options.languages,
        &cwd,
    );
    let mut checked = errdoc::check_with(&walked.sources, &options);
    checked.diagnostics = errdoc::suppress(&walked.sources, checked.diagnostics);
    // Only the documents given are reported on; their language versions were read for
    // the rules that compare them.
    let given: BTreeSet<&str> = walked.sources[..walked.given]
        .iter()
        .map(|source| &*source.path)
        .collect();
    checked
        .diagnostics
        .retain(|diagnostic| given.contains(&*diagnostic.span.file));
    if let Some(config) = &config {
        // An `[[ignore]]` that drops nothing is reported only on a run over the whole
        // configured tree: a run on some files leaves most of them nothing to drop.
        config.apply(&mut checked.diagnostics, &cwd, args.paths.is_empty());
    }
    if args.deny_warnings {
        deny(&mut checked.diagnostics);
    }
    // The source lines are shown by the human format and name a baseline's findings; the
    // other formats give places only, and need no copy of the texts.
    let lines_needed = matches!(args.format, OutputFormat::Human)
        || args.baseline.is_some()
        || args.write_baseline.is_some();
    let given = if lines_needed { walked.given } else { 0 };
    let mut texts: Texts = walked.sources[..given]
        .iter()
        .map(|source| {
            let text = String::from_utf8_lossy(&source.bytes).into_owned();
            (source.path.to_string(), text)
        })
        .collect();
    // The configuration's own lines, for the findings about it (an unused ignore).
    if let Some(config) = &config {
        texts
            .entry(config.file.to_string_lossy().into_owned())
            .or_insert_with(|| config.text.clone());
    }
    if let Some(file) = &args.write_baseline {
        let baseline = Baseline::of(&checked.diagnostics, &texts);
        if let Err(error) = fs::write(file, baseline.to_json()) {
            eprintln!("error: cannot write `{}`: {error}", file.display());
            return ExitCode::FAILURE;
        }
        eprintln!(
            "wrote `{}`: {} findings",
            file.display(),
            checked.diagnostics.len()
        );
        return ExitCode::SUCCESS;
    }
    if let Some(file) = &args.baseline {
        let baseline = fs::read_to_string(file)
            .map_err(|error| error.to_string())
            .and_then(|text| Baseline::from_json(&text));
        match baseline {
            Ok(baseline) => {
                checked.diagnostics = baseline.new_findings(checked.diagnostics, &texts);
            }
            Err(error) => {
                eprintln!(
                    "error: cannot read the baseline `{}`: {error}",
                    file.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    // By place, as linters print: file, then line and column.
    checked.diagnostics.sort_by(|a, b| a.span.cmp(&b.span));
    let summary = Summary::new(&checked.catalog, walked.given);
    let totals = Totals {
        documents: walked.given,
        services: checked.catalog.services().len(),
        codes: checked.catalog.code_count(),
    };
    let (errors, _) = output::counts(&checked.diagnostics);
    // The worst exit code of the paths that could not be read, which are reported after
    // the findings but do not stop them.
    let code = walked
        .problems
        .iter()
        .map(|&(_, exit)| exit)
        .max()
        .unwrap_or(0);
    let report_problems = || {
        for (problem, _) in &walked.problems {
            eprintln!("error: {problem}");
        }
    };
    let printed = match args.format {
        OutputFormat::Human | OutputFormat::Concise => {
            let color = args.color.colored(io::stderr().is_terminal());
            let text = output::render(args.format, &checked.diagnostics, &totals, &texts, color);
            let _ = io::stderr().lock().write_all(text.as_bytes());
            report_problems();
            if errors > 0 {
                return ExitCode::from(code.max(1));
            }
            print(&format!("{summary}\n"))
        }
        format => {
            report_problems();
            let text = output::render(format, &checked.diagnostics, &totals, &texts, false);
            print(&text)
        }
    };
    match printed {
        printed if code == 0 && errors == 0 => printed,
        _ => ExitCode::from(code.max(u8::from(errors > 0))),
    }
}

/// Prints a usage error of `subcommand` as clap prints its own, and exits with 2.
fn usage_error(subcommand: &str, message: &str) -> ! {
    let mut command = Cli::command();
    let command = command
        .find_subcommand_mut(subcommand)
        .expect("a subcommand of errdoc");
    command
        .error(clap::error::ErrorKind::WrongNumberOfValues, message)
        .exit()
}

/// Generates the code for the documents as `Builder::compile` does, then writes it to
/// `out`, or with `check` only compares it with `out`'s content.
fn generate(out: &Path, serde_feature: Option<&str>, check: bool, input: &Input) -> ExitCode {
    let mut builder = Builder::new();
    for path in &input.paths {
        builder = builder.docs(path);
    }
    if let Some(feature) = serde_feature {
        builder = builder.serde_feature(feature);
    }
    let Generated {
        code,
        summary,
        mut warnings,
        ..
    } = match builder.generate() {
        Ok(generated) => generated,
        Err(Error::Read(error)) => return read_failed(&error),
        Err(Error::Documents(diagnostics)) => {
            report(&diagnostics);
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprint!("{}", error.report());
            return ExitCode::FAILURE;
        }
    };
    if input.deny_warnings {
        deny(&mut warnings);
    }
    if report(&warnings) > 0 {
        return ExitCode::FAILURE;
    }
    let file = out.display();
    let current = fs::read(out);
    if current.as_ref().is_ok_and(|bytes| bytes == code.as_bytes()) {
        return print(&format!("`{file}` is up to date: {summary}\n"));
    }
    if check {
        let why = match current {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                eprintln!("error: cannot read `{file}`: {error}");
                return ExitCode::FAILURE;
            }
            Err(_) => "it does not exist",
            Ok(_) => "it differs from the code the documents generate",
        };
        eprintln!(
            "error: `{file}` is stale: {why}\nhelp: regenerate it with `{}`",
            regenerate(out, serde_feature, input)
        );
        return ExitCode::FAILURE;
    }
    match fs::write(out, &code) {
        Ok(()) => print(&format!("wrote `{file}`: {summary}\n")),
        Err(error) => {
            eprint!("{}", Error::Write(out.to_owned(), error).report());
            ExitCode::FAILURE
        }
    }
}

/// The command that regenerates `out`: the `errdoc generate` command run, without `--check`.
fn regenerate(out: &Path, serde_feature: Option<&str>, input: &Input) -> String {
    let mut words: Vec<String> = ["errdoc", "generate", "--out"].map(str::to_owned).into();
    words.push(shell_word(&out.to_string_lossy()));
    if let Some(feature) = serde_feature {
        words.extend(["--serde-feature".to_owned(), shell_word(feature)]);
    }
    if input.deny_warnings {
        words.push("--deny-warnings".to_owned());
    }
    words.extend(
        input
            .paths
            .iter()
            .map(|path| shell_word(&path.to_string_lossy())),
    );
    words.join(" ")
}

/// A word as a POSIX shell reads it back: as it is when it needs no quoting, otherwise in
/// single quotes.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./@%+=:,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Reads the documents under `paths`, or prints why they cannot be read and returns the
/// exit code for that.
fn load(paths: &[impl AsRef<Path>]) -> Result<Inputs, ExitCode> {
    errdoc::read(paths).map_err(|error| read_failed(&error))
}

/// Prints a read error; the exit code is 2 for a path that does not exist, otherwise 1.
fn read_failed(error: &ReadError) -> ExitCode {
    eprintln!("error: {error}");
    match error {
        ReadError::NotFound(_) => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
}

/// Makes every warning an error, for `--deny-warnings`.
fn deny(diagnostics: &mut [errdoc::Diagnostic]) {
    for diagnostic in diagnostics {
        diagnostic.severity = Severity::Error;
    }
}

/// Prints the diagnostics to stderr as `errdoc check` does, and returns how many are errors.
fn report(diagnostics: &[errdoc::Diagnostic]) -> usize {
    let report = Report(diagnostics);
    let _ = write!(io::stderr().lock(), "{report}");
    report.errors()
}

/// Prints `text` to stdout; a failure to write (a closed pipe) is an error.
fn print(text: &str) -> ExitCode {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::FAILURE
        }
    }
}
