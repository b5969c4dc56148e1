//! The whole file that errdoc generates for each golden case under `errdoc/tests/data/ok`,
//! one module a case, with the runtime and the crate-level items that the golden files
//! leave out. Compiling this crate is the compile check of the goldens: CI's
//! `cargo clippy --workspace -- -D warnings` and `cargo doc --workspace` with
//! `-D warnings` lint every case's code, and the tests look up every listed code of
//! every case by number and by key.

#[cfg(test)]
mod support {
    /// Checks that every entry of a service is found again by its code and, if it has
    /// one, by its key, and that a neighbouring code that is not listed is not.
    pub(crate) fn check<E: PartialEq + std::fmt::Debug + Copy>(
        entries: impl Iterator<Item = E>,
        by_code: impl Fn(i32) -> Option<E>,
        by_key: impl Fn(&str) -> Option<E>,
        code: impl Fn(E) -> i32,
        key: impl Fn(E) -> Option<&'static str>,
    ) {
        let entries: Vec<E> = entries.collect();
        assert!(!entries.is_empty(), "a service lists codes");
        for &entry in &entries {
            assert_eq!(by_code(code(entry)), Some(entry));
            if let Some(key) = key(entry) {
                assert_eq!(by_key(key), Some(entry));
            }
            let next = code(entry).wrapping_add(1);
            if !entries.iter().any(|&e| code(e) == next) {
                assert_eq!(by_code(next), None, "{next} is not listed");
            }
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
