//! Typed result codes of NHN Cloud's AI Services, generated at build time from their
//! published error-code pages.
//!
//! Each service has a module with an `ErrorCode`: match on names, not magic numbers.
//!
//! ```
//! use ai_service_errors::document_ocr::ErrorCode;
//!
//! let code = ErrorCode::from_code(4000101);
//! assert_eq!(code, ErrorCode::InvalidBusinessRegistrationFormat);
//! assert_eq!(code.key(), Some("INVALID_BUSINESS_REGISTRATION_FORMAT"));
//! assert_eq!(code.message(), Some("Invalid business registration format."));
//! assert_eq!(code.code(), 4000101);
//! assert_eq!(ErrorCode::from_key("INVALID_UUID"), Some(ErrorCode::InvalidUuid));
//! ```
//!
//! # Codes the documents do not list yet
//!
//! The server is often newer than this crate, so an `ErrorCode` is not a closed enum: it is
//! the raw number, kept whole, with a named constant for every code the documents list.
//! The constants work in `match` patterns, and every other code goes to `_`, where
//! its `code()` reads the number:
//!
//! ```
//! use ai_service_errors::document_ocr::ErrorCode;
//!
//! fn advice(code: ErrorCode) -> String {
//!     match code {
//!         ErrorCode::Success => "done".to_owned(),
//!         ErrorCode::InvalidBusinessRegistrationFormat => "check the number".to_owned(),
//!         ErrorCode::ApiCallLimitExceeded => "retry later".to_owned(),
//!         other => format!("result code {}", other.code()),
//!     }
//! }
//!
//! assert_eq!(advice(ErrorCode::from_code(4000101)), "check the number");
//! // A code no document lists yet: nothing is lost, and it takes the `_` arm.
//! let unlisted = ErrorCode::from_code(4999999);
//! assert_eq!(advice(unlisted), "result code 4999999");
//! assert_eq!((unlisted.code(), unlisted.key()), (4999999, None));
//! assert_eq!(i32::from(unlisted), 4999999);
//! ```
//!
//! This is `http::StatusCode`'s design, chosen over the alternatives for one property: a
//! `match` never changes meaning when the crate is updated. With a closed enum and an
//! `Unknown(i32)` variant, a program that matched `Unknown(4999999)` would silently stop
//! matching once a later document lists 4999999 (the reason AWS's smithy-rs hides its
//! `Unknown` variant); with an `Option` of a known code (or a closed enum that loses the
//! number, as `tonic::Code` does), the raw code is lost. Here there is no way to name a
//! code except by a documented constant or its number, so a code that takes the `_` arm
//! today takes it tomorrow, and `other.code()` still reads the same number.
//!
//! # One number, many meanings
//!
//! The same number means different things in different services, so lookups are always
//! per service. [`Service`] reaches every service at run time:
//!
//! ```
//! use ai_service_errors::Service;
//!
//! let service = Service::from_module("pose_estimation").unwrap();
//! let entry = service.entry(5003001).unwrap();
//! assert_eq!(entry.key, Some("POSE_ESTIMATION_API_FAIL"));
//! let other = Service::DocumentOcr.entry(5003001).unwrap();
//! assert_eq!(other.key, Some("OCR_DOCUMENT_BUSINESS_API_FAIL"));
//! assert_eq!(
//!     other.to_string(),
//!     "Document OCR 5003001 OCR_DOCUMENT_BUSINESS_API_FAIL: Document(business) OCR Api fail."
//! );
//! ```
//!
//! A page may list a code without a key, or give it a description (documentation beside,
//! or instead of, its message): such a code has no constant, but its number finds it,
//! and `key()`, `message()` and `description()` say what the documents give.
//!
//! # Response headers
//!
//! Every API answers with a `header` object. [`ResponseHeader`] is a typed view of it (with
//! the `serde` feature, it deserializes), and
//! [`into_result`](ResponseHeader::into_result) turns it into `Ok(())` or an [`ApiError`]
//! with the service's typed code, the raw code and the server's own message:
//!
#![cfg_attr(feature = "serde", doc = "```")]
#![cfg_attr(not(feature = "serde"), doc = "```ignore")]
//! use ai_service_errors::{Response, document_ocr::ErrorCode};
//!
//! let body = r#"{"header": {"isSuccessful": false, "resultCode": 4000101,
//!                "resultMessage": "Invalid business registration format."}, "result": null}"#;
//! let response: Response<String> = serde_json::from_str(body).unwrap();
//! let error = response.header.into_result::<ErrorCode>().unwrap_err();
//! assert_eq!(error.code(), ErrorCode::InvalidBusinessRegistrationFormat);
//! assert_eq!(error.raw_code(), 4000101);
//! assert_eq!(error.message(), "Invalid business registration format.");
//! ```
//!
//! # Features
//!
//! - `std` (on by default) links the standard library. Nothing here needs it: the crate
//!   and its generated code use only `core`, so `default-features = false` builds for
//!   `no_std` targets. Every error type implements `core::error::Error`, the trait that
//!   `std::error::Error` re-exports.
//! - `serde` implements `Serialize` and `Deserialize` for every `ErrorCode`, as its number
//!   (any number deserializes, listed or not), and for [`Response`] and [`ResponseHeader`].
//!
//! # Where the code comes from
//!
//! The modules are generated by [`errdoc`](https://docs.rs/errdoc) from the documents in
//! `seeds/`, or from the folder named by the `AI_SERVICE_ERRORS_DOCS` environment variable
//! at build time.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

mod response;

pub use response::{ApiError, Response, ResponseHeader};

include!(concat!(env!("OUT_DIR"), "/ai_service_errors.rs"));
