//! What SDKs build on besides the lookups: the response header, turned into a `Result`,
//! and with the `serde` feature, codes and headers on the wire.

use ai_service_errors::{ApiError, ResponseHeader, document_ocr::ErrorCode};

fn header(is_successful: bool, result_code: i32, message: &str) -> ResponseHeader<String> {
    ResponseHeader {
        is_successful,
        result_code,
        result_message: message.to_owned(),
    }
}

#[test]
fn a_successful_header_is_ok_whatever_its_code() {
    assert_eq!(
        header(true, 0, "SUCCESS").into_result::<ErrorCode>(),
        Ok(())
    );
    assert_eq!(header(true, 7, "odd").into_result::<ErrorCode>(), Ok(()));
}

#[test]
fn a_failed_header_carries_the_typed_code_the_raw_code_and_the_server_message() {
    let error: ApiError<ErrorCode, String> = header(false, 4000101, "Bad number 123-45")
        .into_result()
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidBusinessRegistrationFormat);
    assert_eq!(error.raw_code(), 4000101);
    assert_eq!(error.message(), "Bad number 123-45");
    assert_eq!(error.to_string(), "result code 4000101: Bad number 123-45");
    let as_error: &dyn std::error::Error = &error;
    assert!(as_error.source().is_none());
    assert_eq!(error.into_message(), "Bad number 123-45");
}

#[test]
fn a_failed_header_with_an_unlisted_code_keeps_it_whole() {
    let error = header(false, 4999999, "New failure")
        .into_result::<ErrorCode>()
        .unwrap_err();
    assert_eq!(error.code().code(), 4999999);
    assert_eq!(error.code().key(), None);
    assert_eq!(error.raw_code(), 4999999);
}

#[cfg(feature = "serde")]
mod serde {
    use ai_service_errors::{Response, ResponseHeader, document_ocr, pose_estimation};
    use serde_json::json;

    #[test]
    fn a_code_is_its_number_on_the_wire() {
        let code = document_ocr::ErrorCode::InvalidUuid;
        assert_eq!(serde_json::to_value(code).unwrap(), json!(4010002));
        let unlisted = document_ocr::ErrorCode::from_code(-42);
        assert_eq!(serde_json::to_string(&unlisted).unwrap(), "-42");
    }

    #[test]
    fn any_integer_deserializes_listed_or_not() {
        let listed: document_ocr::ErrorCode = serde_json::from_str("4010002").unwrap();
        assert_eq!(listed, document_ocr::ErrorCode::InvalidUuid);
        for raw in [i32::MIN, -1, 4999999, i32::MAX] {
            let code: document_ocr::ErrorCode = serde_json::from_value(json!(raw)).unwrap();
            assert_eq!(code.code(), raw);
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                json!(raw),
                "round trip"
            );
        }
        // The same number is a different code in another service.
        let pose: pose_estimation::ErrorCode = serde_json::from_str("5003001").unwrap();
        assert_eq!(pose, pose_estimation::ErrorCode::PoseEstimationApiFail);
    }

    #[test]
    fn what_is_not_an_i32_is_an_error_not_a_wrong_code() {
        for text in ["4294967296", "\"4010002\"", "1.5", "null"] {
            let parsed = serde_json::from_str::<document_ocr::ErrorCode>(text);
            assert!(parsed.is_err(), "{text}");
        }
    }

    #[test]
    fn a_response_is_read_through_its_header() {
        let body = r#"{
            "header": {
                "isSuccessful": false,
                "resultCode": 4000006,
                "resultMessage": "Api call limit exceeded."
            },
            "result": {"anything": [1, 2, 3]}
        }"#;
        let response: Response<String> = serde_json::from_str(body).unwrap();
        let error = response
            .header
            .clone()
            .into_result::<document_ocr::ErrorCode>()
            .unwrap_err();
        assert_eq!(error.code(), document_ocr::ErrorCode::ApiCallLimitExceeded);
        assert_eq!(error.message(), "Api call limit exceeded.");
        let back = serde_json::to_value(&response.header).unwrap();
        let expected = json!({
            "isSuccessful": false,
            "resultCode": 4000006,
            "resultMessage": "Api call limit exceeded."
        });
        assert_eq!(back, expected);
    }

    #[test]
    fn a_header_can_borrow_its_message() {
        let text = r#"{"isSuccessful": true, "resultCode": 0, "resultMessage": "SUCCESS"}"#;
        let header: ResponseHeader<&str> = serde_json::from_str(text).unwrap();
        assert_eq!(header.result_message, "SUCCESS");
        assert_eq!(header.into_result::<document_ocr::ErrorCode>(), Ok(()));
    }

    #[test]
    fn a_header_missing_a_field_is_an_error() {
        let text = r#"{"header": {"isSuccessful": false, "resultMessage": "x"}}"#;
        assert!(serde_json::from_str::<Response<String>>(text).is_err());
    }
}
