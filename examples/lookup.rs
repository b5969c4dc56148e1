//! Looks up a result code, or a key, of one service.
//!
//! ```text
//! $ cargo run --example lookup -- document_ocr 4000101
//! INVALID_BUSINESS_REGISTRATION_FORMAT (4000101): Invalid business registration format.
//! $ cargo run --example lookup -- pose_estimation INVALID_UUID
//! ```
//!
//! An unknown service lists the known ones; a code the service's documents do not list is
//! said to be unlisted, not an error of the program. Either exits with status 1.

use std::process::ExitCode;

use ai_service_errors::Service;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [module, code_or_key] = args.as_slice() else {
        eprintln!("usage: lookup SERVICE CODE_OR_KEY   (for example: lookup document_ocr 4000101)");
        return ExitCode::from(2);
    };
    let Some(service) = Service::from_module(module) else {
        let known: Vec<&str> = Service::ALL.iter().map(|s| s.module()).collect();
        eprintln!(
            "unknown service `{module}`; the services are: {}",
            known.join(", ")
        );
        return ExitCode::FAILURE;
    };
    let found = match code_or_key.parse::<i32>() {
        Ok(code) => service.entry(code),
        Err(_) => service.entry_by_key(code_or_key),
    };
    match found {
        Some(entry) => {
            // As an `ErrorCode` displays: every listed code has a message or a description.
            let text = entry.message.or(entry.description).unwrap_or_default();
            match entry.key {
                Some(key) => println!("{key} ({}): {text}", entry.code),
                None => println!("{}: {text}", entry.code),
            }
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "`{code_or_key}` is not listed for {service} ({} codes are; the server may be newer than these documents)",
                service.entries().count()
            );
            ExitCode::FAILURE
        }
    }
}
