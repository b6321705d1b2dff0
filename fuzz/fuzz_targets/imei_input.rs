#![no_main]
//! Any bytes, as text, through the IMEI parser: it must never panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stolen_phone::core::imei::parse(text);
    }
});
