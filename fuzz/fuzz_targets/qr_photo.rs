#![no_main]
//! Any bytes as a grey photo (the first byte picks the width) through the
//! QR worker's reading, then each code's text through the check page's
//! decoder. The widget runs this reader in a Web Worker, so a crash found
//! here costs one photo, not the widget; it is still a crash to report.
use libfuzzer_sys::fuzz_target;
use qr_reader::{Grey, read};
use stolen_phone_core::report::code::decode;
use stolen_phone_fuzz::grey_photo;

fuzz_target!(|data: &[u8]| {
    let Some((width, height, pixels)) = grey_photo(data) else {
        return;
    };
    let Some(grey) = Grey::new(width, height, pixels) else {
        return;
    };
    for text in read(grey).into_iter().flatten() {
        let _ = decode(&text);
    }
});
