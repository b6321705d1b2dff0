#![no_main]
//! Any bytes, as text, through the handover decoder: it must never panic,
//! and whatever it accepts must encode back to a code it accepts again.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::report::code::{self, ImeiLine};
use stolen_phone_core::report::{Imeis, Report};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(decoded) = code::decode(text) else {
        return;
    };
    // Only codes whose IMEIs are right can be re-encoded.
    let imeis = match decoded.report.imeis.clone() {
        Imeis::NotFound => Imeis::NotFound,
        Imeis::One(ImeiLine::Valid(a)) => Imeis::One(a),
        Imeis::Two(ImeiLine::Valid(a), ImeiLine::Valid(b)) => Imeis::Two(a, b),
        _ => return,
    };
    let report = Report {
        imeis,
        phone: decoded.report.phone.clone(),
        make: decoded.report.make.clone(),
        model: decoded.report.model.clone(),
        what_happened: decoded.report.what_happened,
        when: decoded.report.when,
        reference: decoded.report.reference.clone(),
        police_force: decoded.report.police_force.clone(),
        insurance: decoded.report.insurance.clone(),
        victim: decoded.report.victim.clone(),
    };
    let again = code::encode(&report, decoded.recipient);
    assert_eq!(code::decode(&again), Ok(decoded));
});
