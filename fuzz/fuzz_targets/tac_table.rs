#![no_main]
//! Any bytes as a TAC table, and any text as an Osmocom export: they must
//! give a table or an error, never a panic; an export that reads must
//! encode to a table that decodes.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::device::tac::TacTable;
use xtask::tac::{encode, read_osmocom_csv};

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = TacTable::from_bytes(data) {
        let _ = table.lookup_str("35209900");
        let _ = table.attribution();
    }
    let text = String::from_utf8_lossy(data);
    if let Ok(export) = read_osmocom_csv(&text) {
        let bytes = encode(&export.rows, &export.licence);
        let table = TacTable::from_bytes(&bytes).expect("an encoded table decodes");
        assert_eq!(table.len(), export.rows.len());
    }
});
