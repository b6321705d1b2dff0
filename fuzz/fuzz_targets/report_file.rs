#![no_main]
//! Any bytes as a file given to `report-code verify`: text, a picture or
//! neither. The reader must never panic, and must give at least one
//! record, each one line of JSON naming the file.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use report_code::picture::PictureLimits;
use stolen_phone_core::i18n::{Catalog, CompiledEnglish};

/// Small, so that a picture header asking for a huge image is refused at
/// once and each run stays fast.
const LIMITS: PictureLimits = PictureLimits {
    max_side: 1024,
    max_decoded_bytes: 4 << 20,
};

/// Read once: parsing the English catalogue each run would be most of the
/// work.
static ENGLISH: OnceLock<Catalog> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let catalog = ENGLISH.get_or_init(|| Catalog::compiled_english(CompiledEnglish::Whole));
    let records = report_code::verify_bytes("fuzzed", data, &LIMITS, catalog);
    assert!(!records.is_empty());
    for record in records {
        let line = record.to_json_line();
        assert!(!line.contains('\n'), "{line}");
        let value: serde_json::Value = serde_json::from_str(&line).expect("each record is JSON");
        assert_eq!(value["file"], "fuzzed");
        assert_eq!(value["valid"].as_bool(), Some(record.valid));
    }
});
