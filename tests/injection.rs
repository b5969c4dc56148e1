//! No document can inject code: a real build of this crate against documents written to
//! break out of string literals, comments and doc comments, then a program that depends on
//! the crate prints every name, path and message back, and they must match byte for byte.
//! `cargo rustdoc -D warnings` on the same build must be clean, so no message can open a
//! code block, a link or an HTML tag in the generated documentation either.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Messages that try to end a string literal, a comment or a doc comment, or that a
/// formatter, a terminal or rustdoc would read as something else. The plain-text page
/// carries them as they are: only runs of white space are collapsed, so none are used.
const PLAIN: &[(i32, &str, &str)] = &[
    (-1, "QUOTE", r#""); panic!("injected"); ("#),
    (0, "RAW_STRING", r###"r#" "# "## \""###),
    (1, "BACKSLASH_AT_END", r"C:\path\"),
    (2, "ESCAPES_LITERALLY", r"\n \t \0 \u{41} \x41 \\"),
    (3, "COMMENT", "*/ fn injected() {} /* // //! /**"),
    (4, "ATTRIBUTE", "#[cfg(any())] #![no_std] $crate"),
    (5, "BRACES", "} } }; mod injected { {0} {:?} {{"),
    (
        6,
        "BRACKETS",
        "[link](javascript:alert(1)) ![img](x) [x]: y [`ErrorCode`]",
    ),
    (7, "BACKTICKS", "``` rust ` `` ```"),
    (8, "HTML", "<script>alert(1)</script> <!-- &amp; &lt;"),
    (
        9,
        "CONTROL",
        "bell\u{7} escape\u{1b}[31m nul\u{0} del\u{7f} rtl\u{202e}txt zw\u{200b}j",
    ),
    (10, "UNICODE", "한국어 メッセージ 中文 🦀👩‍👩‍👧 e\u{301}"),
    (
        11,
        "MARKDOWN",
        "# heading * item > quote --- | cell | *em* __strong__ ~~del~~",
    ),
    (2147483647, "MAX", "'\\'' '\"' b'x'"),
];

/// Markdown cells as written, and the message a reader sees once the escapes are read.
const MARKDOWN: &[(i32, &str, &str, &str)] = &[
    (1, "ESCAPED_PIPE", r"a \| b", "a | b"),
    (
        2,
        "ESCAPED_MARKUP",
        r"\*/ \#\[x\] \`\`\` \<b\>",
        "*/ #[x] ``` <b>",
    ),
    (3, "QUOTES", r#"" \" \\" '"#, r#"" " \" '"#),
    (4, "LINK_TEXT", r"[text](javascript:x)", "text"),
    (5, "CODE_SPAN", r"`*/ #[x]`", "*/ #[x]"),
];

/// The program that depends on the crate: it prints every service and code, with each
/// text as hex so that nothing in it can be mistaken for the format.
const PROGRAM: &str = r#"
fn hex(text: &str) -> String {
    text.bytes().map(|byte| format!("{byte:02x}")).collect()
}

fn main() {
    for service in ai_service_errors::Service::ALL {
        let path: Vec<String> = service.path().iter().map(|segment| hex(segment)).collect();
        println!("service {} {} {}", service.module(), hex(service.name()), path.join(","));
        for entry in service.entries() {
            println!("{} {} {} {}", service.module(), entry.code, entry.key.unwrap(), hex(entry.message.unwrap()));
        }
    }
}
"#;

const PLAIN_PATH: [&str; 3] = ["Evil \"*/ {} #[x]", "r#\" \\", "Plain Injection"];
/// A breadcrumb segment cannot hold `>`: it separates the segments.
const MARKDOWN_PATH: [&str; 2] = ["Hostile <b `md` &", "Markdown Injection"];

fn hex(text: &str) -> String {
    text.bytes().fold(String::new(), |mut out, byte| {
        write!(out, "{byte:02x}").unwrap();
        out
    })
}

/// The documents: one plain-text page and one markdown page.
fn write_documents(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    let mut plain = format!("{} > Error Code\n\nresultCode resultKey resultMessage\n", {
        PLAIN_PATH.join(" > ")
    });
    for (code, key, message) in PLAIN {
        writeln!(plain, "{code} {key} {message}").unwrap();
    }
    plain.push_str("TOP\n");
    fs::write(dir.join("plain.txt"), plain).unwrap();

    let mut markdown = "## Hostile &lt;b \\`md\\` &amp; > Markdown Injection > Error Code\n\n\
        | resultCode | resultKey | resultMessage |\n|---|---|---|\n"
        .to_owned();
    for (code, key, cell, _) in MARKDOWN {
        writeln!(markdown, "| {code} | {key} | {cell} |").unwrap();
    }
    fs::write(dir.join("markdown.md"), markdown).unwrap();
}

/// What the program must print: the services in module order, each code in code order.
fn expected() -> String {
    let mut out = String::new();
    let plain_path: Vec<String> = PLAIN_PATH.iter().map(|s| hex(s)).collect();
    let markdown_path: Vec<String> = MARKDOWN_PATH.iter().map(|s| hex(s)).collect();
    let markdown_name = hex("Markdown Injection");
    writeln!(out, "service markdown_injection {markdown_name} {}", {
        markdown_path.join(",")
    })
    .unwrap();
    for (code, key, _, message) in MARKDOWN {
        writeln!(out, "markdown_injection {code} {key} {}", hex(message)).unwrap();
    }
    let plain_name = hex("Plain Injection");
    writeln!(out, "service plain_injection {plain_name} {}", {
        plain_path.join(",")
    })
    .unwrap();
    for (code, key, message) in PLAIN {
        writeln!(out, "plain_injection {code} {key} {}", hex(message)).unwrap();
    }
    out
}

fn temporary(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("injection")
        .join(name)
}

#[test]
#[ignore = "end to end, slow: runs cargo on this crate; `cargo test -- --ignored` runs it, as CI does"]
fn hostile_documents_come_back_byte_for_byte_and_document_clean() {
    let docs = temporary("docs");
    let program = temporary("program");
    write_documents(&docs);
    let program = support::dependent_crate(&program, "injection", PROGRAM);

    let run = support::cargo(&["run", "-q"], &[], &program, support::GOLDENS, &docs);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let printed = String::from_utf8(run.stdout).unwrap();
    let expected = expected();
    for (line, (printed, expected)) in printed.lines().zip(expected.lines()).enumerate() {
        assert_eq!(printed, expected, "line {}", line + 1);
    }
    assert_eq!(printed.lines().count(), expected.lines().count());

    let rustdoc = ["rustdoc", "-p", "ai-service-errors", "--lib"];
    let (manifest, goldens) = (support::manifest(), support::GOLDENS);
    let doc = support::cargo(&rustdoc, &["-D", "warnings"], &manifest, goldens, &docs);
    assert!(
        doc.status.success(),
        "{}",
        String::from_utf8_lossy(&doc.stderr)
    );
}
