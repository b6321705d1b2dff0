#![no_main]
//! Any bytes, as text, through the reader of a release build's language
//! file: it must never panic, and whatever it reads must write back to the
//! same messages. The text is tried as a whole file, and as the value of
//! every message of a list of the right length.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::i18n::{Catalog, Locale, Msg};

fn round_trip(text: &str) {
    if let Ok(catalog) = Catalog::from_release(Locale::Pl, text) {
        let written = catalog.to_release_json();
        assert_eq!(Catalog::from_release(Locale::Pl, &written), Ok(catalog), "{written}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip(text);
    let every = vec![text; Msg::ALL.len()].join(",");
    round_trip(&format!("[{every}]"));
});
