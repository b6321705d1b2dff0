#![no_main]
//! Any bytes, as text, through the draft reader and the router: a stored
//! draft or a link may be corrupt or hostile, and must never panic.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::journey::{draft_from_json, route};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = route(text);
        // The same text read at the epoch, now, and at the end of time, so
        // that the expiry arithmetic sees its edges.
        for now in [0, 1_741_500_000, u64::MAX] {
            let _ = draft_from_json(text, now);
        }
    }
});
