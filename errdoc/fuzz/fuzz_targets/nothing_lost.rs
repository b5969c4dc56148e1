//! Writes rows in a layout drawn from the fuzzer's bytes (`tests/layout/mod.rs`: GFM tables
//! with or without pipes in any container, pasted and plain tab-separated tables, plain
//! words, every line ending, front matter, and noise lines of arbitrary text between the
//! rows), then holds errdoc to "nothing lost": every row is read or named at its line, a
//! page without noise reads back exactly, and the invariants of `invariants.rs` hold.

#![no_main]

mod invariants;
#[path = "../../tests/layout/mod.rs"]
mod layout;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

use layout::{Container, Ending, Format, Layout, Noise};

fuzz_target!(|data: &[u8]| {
    let mut input = Unstructured::new(data);
    let Ok((rows, layout)) = draw(&mut input) else {
        return;
    };
    let page = layout::write("AI Service > Fuzz > Error Code", &rows, &layout);
    let source = errdoc::Source::new(page.name, page.text.as_str());
    let checked = errdoc::check(std::slice::from_ref(&source));
    if let Err(failure) = layout::verify(&page, &rows, &layout, &checked) {
        panic!("{failure}");
    }
    invariants::hold_places(std::slice::from_ref(&source), &checked);
});

/// Rows of distinct codes and keys with messages of words, and a layout.
fn draw(input: &mut Unstructured<'_>) -> Result<(Vec<(i32, String, String)>, Layout)> {
    let format = *input.choose(&[
        Format::Piped,
        Format::Pipeless,
        Format::PastedTabs,
        Format::PlainTabs,
        Format::PlainWords,
        Format::PlainMixed,
    ])?;
    let container = match input.int_in_range(0..=3)? {
        0 => Container::None,
        1 => Container::Quote(input.int_in_range(1..=3)?),
        2 => Container::TightItem,
        _ => Container::LooseItem,
    };
    let ending = *input.choose(&[Ending::Lf, Ending::Cr, Ending::CrLf, Ending::Mixed])?;
    let front_matter = input.arbitrary()?;
    let mut rows: Vec<(i32, String, String)> = Vec::new();
    for index in 0..input.int_in_range(1..=8)? {
        let code: i32 = input.arbitrary()?;
        if rows.iter().any(|(known, ..)| *known == code) {
            continue;
        }
        let key = format!("KEY_{index}_{}", input.int_in_range(0..=9_u8)?);
        let words: Vec<&str> = (0..input.int_in_range(1..=5)?)
            .map(|_| {
                input
                    .choose(&[
                        "Invalid",
                        "file.",
                        "OCR",
                        "fail",
                        "(id card)",
                        "Api",
                        "returned",
                        "empty",
                        "body.",
                    ])
                    .copied()
            })
            .collect::<Result<_>>()?;
        rows.push((code, key, words.join(" ")));
    }
    let mut noise = Vec::new();
    for _ in 0..input.int_in_range(0..=4)? {
        let at = input.int_in_range(0..=7)?;
        let line = match input.int_in_range(0..=4)? {
            0 => Noise::Blank,
            1 => Noise::Text(input.arbitrary()?),
            2 => Noise::Label,
            3 => Noise::Marker(input.arbitrary()?),
            _ => Noise::Heading,
        };
        noise.push((at, line));
    }
    let layout = Layout {
        format,
        container,
        ending,
        front_matter,
        noise,
    };
    Ok((rows, layout))
}
