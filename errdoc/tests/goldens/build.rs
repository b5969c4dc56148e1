//! Generates, into `OUT_DIR`, the whole file that errdoc writes for each golden case under
//! `errdoc/tests/data/ok`, and `cases.rs`, which includes each as a module of its own and
//! tests its lookups. The code is generated with serde support under this crate's `serde`
//! feature, so that a build with every feature compiles the serde impls of every case. A case that does not generate fails the build with errdoc's
//! diagnostics: the golden tests (`errdoc/tests/data.rs`) say why in more detail.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let ok = Path::new("../data/ok");
    println!("cargo::rerun-if-changed={}", ok.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut cases: Vec<PathBuf> = fs::read_dir(ok)
        .expect("the golden cases are readable")
        .map(|entry| entry.expect("the golden cases are readable").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no golden cases under {}", ok.display());

    let mut modules = String::new();
    let mut tests = String::new();
    for case in &cases {
        println!("cargo::rerun-if-changed={}", case.display());
        let name: String = case
            .file_name()
            .expect("a case folder has a name")
            .to_string_lossy()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let generated = errdoc::Builder::new()
            .docs(case)
            .serde_feature("serde")
            .generate()
            .unwrap_or_else(|error| panic!("case `{name}` does not generate:\n{}", error.report()));
        let file = format!("{name}.rs");
        fs::write(out.join(&file), generated.code).expect("OUT_DIR is writable");
        let _ = writeln!(
            modules,
            "/// The code generated for the case `{name}`.\n\
             pub mod {name} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{file}\"));\n}}\n"
        );
        let _ = writeln!(
            tests,
            "    #[test]\n    fn {name}() {{\n        \
             for &service in crate::{name}::Service::ALL {{\n            \
             crate::support::check(service.entries(), |code| service.entry(code), |key| service.entry_by_key(key), |e| e.code, |e| e.key);\n        \
             }}\n    }}\n"
        );
    }
    let cases_rs = format!("{modules}\n#[cfg(test)]\nmod tests {{\n{tests}}}\n");
    fs::write(out.join("cases.rs"), cases_rs).expect("OUT_DIR is writable");
}
