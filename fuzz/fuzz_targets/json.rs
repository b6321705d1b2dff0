#![no_main]
//! Any bytes, as text, through the JSON reader: it must never panic, and
//! whatever it reads must write back to text that reads as the same value.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = json::parse(text) else {
        return;
    };
    let written = value.to_json();
    assert_eq!(json::parse(&written).as_ref(), Ok(&value), "{written}");
});
