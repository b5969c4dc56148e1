include!(concat!(env!("OUT_DIR"), "/ai_service_errors.rs"));
