//! Every row of every seed document is reachable through the generated API with exactly the
//! document's code, key and message.
//!
//! The seeds are read here independently of `errdoc`, with the simplest reading that fits
//! them: a markdown row is split on `|`, a plain-text row into two words and the rest.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use ai_service_errors::{Entry, Service, document_ocr, general_ocr, pose_estimation};

/// One row as a document gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    module: &'static str,
    code: i32,
    key: String,
    message: String,
    file: String,
}

/// The module a seed's breadcrumb names, by its service segment.
fn module_of(breadcrumb: &str) -> &'static str {
    [
        ("Pose Estimation", "pose_estimation"),
        ("Document OCR", "document_ocr"),
        ("General OCR", "general_ocr"),
    ]
    .into_iter()
    .find(|(service, _)| breadcrumb.contains(&format!("> {service} >")))
    .map(|(_, module)| module)
    .unwrap_or_else(|| panic!("unexpected breadcrumb {breadcrumb:?}"))
}

fn seed_rows() -> Vec<Row> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = fs::read_dir(&seeds)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "the four seed documents");
    let mut rows = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut lines = text.lines();
        let module = module_of(lines.next().unwrap());
        for line in lines {
            let (code, key, message) = if let Some(row) = line.strip_prefix('|') {
                let cells: Vec<&str> = row.split('|').map(str::trim).collect();
                (
                    cells[0].to_owned(),
                    cells[1].to_owned(),
                    cells[2].to_owned(),
                )
            } else {
                let mut words = line.split_whitespace();
                let (Some(code), Some(key)) = (words.next(), words.next()) else {
                    continue;
                };
                let message = words.collect::<Vec<_>>().join(" ");
                (code.to_owned(), key.to_owned(), message)
            };
            let Ok(code) = code.parse() else {
                continue; // The header, the delimiter row, the `TOP` footer.
            };
            rows.push(Row {
                module,
                code,
                key,
                message,
                file: file.clone(),
            });
        }
    }
    rows
}

#[test]
fn every_seed_row_is_reachable_with_its_exact_code_key_and_message() {
    let rows = seed_rows();
    assert!(rows.len() > 140, "{} rows read", rows.len());
    for row in &rows {
        let service = Service::from_module(row.module).unwrap();
        let entry = service
            .entry(row.code)
            .unwrap_or_else(|| panic!("{row:?} is missing"));
        assert_eq!(
            (entry.key, entry.message, entry.description),
            (Some(&*row.key), Some(&*row.message), None),
            "{row:?}"
        );
        assert_eq!(service.entry_by_key(&row.key), Some(entry), "{row:?}");
    }
}

#[test]
fn the_catalog_holds_exactly_the_seed_rows() {
    let mut expected: BTreeMap<(&str, i32), (String, String)> = BTreeMap::new();
    for row in seed_rows() {
        expected.insert((row.module, row.code), (row.key, row.message));
    }
    let mut generated = BTreeMap::new();
    for service in Service::ALL {
        for entry in service.entries() {
            let text = |text: Option<&str>| text.map(str::to_owned).unwrap_or_default();
            let value = (text(entry.key), text(entry.message));
            generated.insert((service.module(), entry.code), value);
        }
    }
    assert_eq!(generated, expected);
    assert_eq!(generated.len(), 104);
}

#[test]
fn both_document_ocr_documents_are_merged() {
    let only_plain_text = seed_rows()
        .into_iter()
        .filter(|row| row.code == 5000503)
        .collect::<Vec<_>>();
    assert_eq!(only_plain_text.len(), 1);
    assert_eq!(only_plain_text[0].file, "003_501fba3f81dbb857.txt");
    let code = document_ocr::ErrorCode::ApiTemporarilyUnavailable;
    assert_eq!(document_ocr::ErrorCode::from_code(5000503), code);
    assert_eq!(code.key(), Some("API_TEMPORARILY_UNAVAILABLE"));
    assert_eq!(document_ocr::ErrorCode::ALL.len(), 49);
}

#[test]
fn one_number_means_different_things_in_different_services() {
    let pose = pose_estimation::ErrorCode::from_code(5003001);
    let ocr = document_ocr::ErrorCode::from_code(5003001);
    assert_eq!(pose, pose_estimation::ErrorCode::PoseEstimationApiFail);
    assert_eq!(ocr, document_ocr::ErrorCode::OcrDocumentBusinessApiFail);
    assert_eq!(general_ocr::ErrorCode::from_code(5003001).key(), None);
    assert_eq!(
        general_ocr::ErrorCode::from_code(5005001).key(),
        Some("OCR_GENERAL_API_FAIL")
    );
}

#[test]
fn the_issue_example_holds() {
    use document_ocr::ErrorCode;
    let e = ErrorCode::from_code(4000101);
    assert_eq!(e, ErrorCode::InvalidBusinessRegistrationFormat);
    assert_eq!(e.key(), Some("INVALID_BUSINESS_REGISTRATION_FORMAT"));
    assert_eq!(e.message(), Some("Invalid business registration format."));
    assert_eq!(e.code(), 4000101);
    assert_eq!(
        ErrorCode::from_key("INVALID_UUID"),
        Some(ErrorCode::InvalidUuid)
    );
    assert!(matches!(e, ErrorCode::InvalidBusinessRegistrationFormat));
}

#[test]
fn all_is_in_code_order_and_round_trips() {
    for service in Service::ALL {
        let codes: Vec<i32> = service.entries().map(|entry| entry.code).collect();
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]), "{service}");
    }
    for &code in document_ocr::ErrorCode::ALL {
        let key = code.key().unwrap();
        assert_eq!(document_ocr::ErrorCode::from_code(code.code()), code);
        assert_eq!(document_ocr::ErrorCode::from_key(key), Some(code));
        assert_eq!(key.parse::<document_ocr::ErrorCode>(), Ok(code));
        assert_eq!(document_ocr::ErrorCode::from(code.code()), code);
        assert_eq!(i32::from(code), code.code());
        assert_eq!(code.entry().unwrap().service, Service::DocumentOcr);
    }
    let ordered = document_ocr::ErrorCode::Fail < document_ocr::ErrorCode::Success;
    assert!(ordered, "codes are ordered by number: -1 before 0");
}

/// A code no document lists is kept whole, is equal only to itself, and matches no named
/// code: it goes to `_`.
#[test]
fn unlisted_codes_round_trip_whole_and_unknown_keys_are_errors() {
    use document_ocr::ErrorCode;
    for raw in [i32::MIN, -2, 1, 402, 4000002, 4999999, i32::MAX] {
        let code = ErrorCode::from_code(raw);
        assert_eq!(code.code(), raw);
        assert_eq!(i32::from(code), raw);
        assert_eq!(
            (code.key(), code.message(), code.description(), code.entry()),
            (None, None, None, None)
        );
        assert_eq!(code, ErrorCode::from(raw));
        assert_ne!(code, ErrorCode::from_code(raw.wrapping_add(1)));
        assert!(!ErrorCode::ALL.contains(&code));
        assert_eq!(code.to_string(), format!("unlisted result code {raw}"));
        assert_eq!(format!("{code:?}"), format!("ErrorCode({raw})"));
        let named = matches!(code, ErrorCode::Success | ErrorCode::InvalidUuid);
        assert!(!named);
    }
    for key in ["", "invalid_uuid", "INVALID_UUID ", "NOT_A_KEY"] {
        assert_eq!(ErrorCode::from_key(key), None, "{key:?}");
        let error = key.parse::<ErrorCode>().unwrap_err();
        assert_eq!(error.to_string(), "unknown result key");
    }
}

#[test]
fn display_and_debug_name_key_code_and_message() {
    let code = document_ocr::ErrorCode::InvalidUuid;
    assert_eq!(code.to_string(), "INVALID_UUID (4010002): Invalid uuid.");
    assert_eq!(format!("{code:?}"), "INVALID_UUID(4010002)");
    assert_eq!(code.description(), None, "the seeds have no descriptions");
    let entry = code.entry().unwrap();
    assert_eq!(
        entry.to_string(),
        "Document OCR 4010002 INVALID_UUID: Invalid uuid."
    );
    let error: &dyn std::error::Error = &code;
    assert!(error.source().is_none());
}

#[test]
fn services_know_their_names_and_paths() {
    let names: Vec<&str> = Service::ALL.iter().map(|s| s.name()).collect();
    assert_eq!(names, ["Document OCR", "General OCR", "Pose Estimation"]);
    assert_eq!(
        Service::GeneralOcr.path(),
        ["AI Service", "OCR", "General OCR"]
    );
    assert_eq!(
        Service::PoseEstimation.path(),
        ["AI Service", "Pose Estimation"]
    );
    assert_eq!(Service::from_module("text_to_speech"), None);
    assert_eq!(document_ocr::ErrorCode::SERVICE.module(), "document_ocr");
}

#[test]
fn lookups_work_in_const_contexts() {
    use document_ocr::ErrorCode;
    const BY_CODE: ErrorCode = ErrorCode::from_code(4010002);
    const BY_KEY: Option<ErrorCode> = ErrorCode::from_key("INVALID_UUID");
    const MISSING: Option<ErrorCode> = ErrorCode::from_key("INVALID_UUIDS");
    const PREFIX: Option<ErrorCode> = ErrorCode::from_key("INVALID_UUI");
    const KEY: Option<&str> = ErrorCode::InvalidUuid.key();
    const ENTRY: Option<Entry> = Service::DocumentOcr.entry(4010002);
    assert_eq!(BY_CODE, ErrorCode::InvalidUuid);
    assert_eq!(BY_KEY, Some(ErrorCode::InvalidUuid));
    assert_eq!((MISSING, PREFIX), (None, None));
    assert_eq!(KEY, Some("INVALID_UUID"));
    assert_eq!(ENTRY.and_then(|entry| entry.message), Some("Invalid uuid."));
}

#[test]
fn every_key_of_every_service_is_found_and_near_misses_are_not() {
    for service in Service::ALL {
        for entry in service.entries() {
            let key = entry.key.unwrap();
            assert_eq!(service.entry_by_key(key), Some(entry));
            let longer = format!("{key}_");
            let shorter = &key[..key.len() - 1];
            let lower = key.to_lowercase();
            for miss in [longer.as_str(), shorter, lower.as_str()] {
                let found = service.entry_by_key(miss);
                assert!(found.is_none_or(|found| found.key == Some(miss)), "{miss}");
            }
        }
    }
}
