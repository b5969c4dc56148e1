//! Generates the error-code modules from the documents in `seeds/`, or in the folder named
//! by `AI_SERVICE_ERRORS_DOCS`, into `OUT_DIR/ai_service_errors.rs`.

fn main() {
    const DOCS_VAR: &str = "AI_SERVICE_ERRORS_DOCS";
    println!("cargo::rerun-if-env-changed={DOCS_VAR}");
    let docs = std::env::var_os(DOCS_VAR).unwrap_or_else(|| "seeds".into());
    let builder = errdoc::Builder::new()
        .docs(docs)
        .out_file("ai_service_errors.rs")
        .serde_feature("serde");
    if let Err(error) = builder.compile() {
        // The report labels each line itself (`error: `, `warning: `).
        eprint!("{}", error.report());
        std::process::exit(1);
    }
}
