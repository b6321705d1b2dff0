#![no_main]
//! Any pixels, as one row of a photo, through the Code 128 reader and the
//! box label's reading: a photo may hold anything, and must give barcodes
//! whose IMEIs check out, or none, never a panic.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::device::{code128, label};

fuzz_target!(|data: &[u8]| {
    let codes: Vec<String> = code128::read_row(data)
        .barcodes
        .into_iter()
        .map(|b| b.text)
        .collect();
    let read = label::read(&codes);
    assert_eq!(read.codes.len(), codes.len());
});
