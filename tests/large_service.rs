//! A service too large for its keys and messages to be listed one literal each (errdoc joins
//! them into one string past 16,384 codes): a real build of this crate against one page of
//! 17,000 rows, then a program that looks every code up by number and by key.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const ROWS: i32 = 17_000;

/// Checks every entry of every service against `entry` and `entry_by_key`, then prints the
/// count and three entries.
const PROGRAM: &str = r#"
use ai_service_errors::Service;

fn main() {
    let mut count = 0;
    for service in Service::ALL {
        for entry in service.entries() {
            assert_eq!(service.entry(entry.code), Some(entry));
            assert_eq!(service.entry_by_key(entry.key.unwrap()), Some(entry));
            count += 1;
        }
        assert_eq!(service.entry(-5), None);
        assert_eq!(service.entry_by_key("NOT_LISTED"), None);
    }
    println!("{count}");
    for code in [1_000_000, 1_008_500, 1_016_999] {
        let entry = Service::ALL[0].entry(code).unwrap();
        println!("{} {} {}", entry.code, entry.key.unwrap(), entry.message.unwrap());
    }
}
"#;

#[test]
#[ignore = "end to end, slow: runs cargo on this crate; `cargo test -- --ignored` runs it, as CI does"]
fn a_service_of_17_000_codes_is_found_by_code_and_by_key() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("large-service");
    let docs = root.join("docs");
    let program = root.join("program");
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&docs).unwrap();

    let mut page = String::from(
        "## Cloud > Large > Error Code\n\n| resultCode | resultKey | resultMessage |\n|---|---|---|\n",
    );
    for row in 0..ROWS {
        let code = 1_000_000 + row;
        writeln!(
            page,
            "| {code} | KEY_{code}_X | Message {code} – ünïcode ✓. |"
        )
        .unwrap();
    }
    fs::write(docs.join("large.md"), page).unwrap();

    let program = support::dependent_crate(&program, "large-service", PROGRAM);
    let run = support::cargo(&["run", "-q"], &[], &program, support::GOLDENS, &docs);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8(run.stdout).unwrap(),
        "17000\n\
         1000000 KEY_1000000_X Message 1000000 – ünïcode ✓.\n\
         1008500 KEY_1008500_X Message 1008500 – ünïcode ✓.\n\
         1016999 KEY_1016999_X Message 1016999 – ünïcode ✓.\n"
    );
}
