#![no_main]
//! Any bytes, as text, through the IMEI parser and `examine`: they must
//! never panic, and every IMEI they offer must be correct.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::device::imei::{self, Found, Reading};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = imei::parse(&text);
    let examined = imei::examine(&text, |tac| tac.code() % 10 == 0);
    assert_eq!(examined.input, text);
    let readings: Vec<&Reading> = match &examined.found {
        Found::One(a) => vec![a],
        Found::Two(a, b) => vec![a, b],
        Found::Nothing | Found::TooMany { .. } => vec![],
    };
    for reading in readings {
        if let Some(offered) = reading.offered_imei() {
            assert!(imei::parse(&offered.to_string()).is_ok());
        }
        if let Reading::WrongCheckDigit { corrections, .. } = reading {
            assert!(corrections.len() <= 3);
            for c in corrections {
                assert!(imei::parse(&c.imei.to_string()).is_ok());
            }
        }
    }
});
