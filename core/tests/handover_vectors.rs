//! Every conformance vector in handover/vectors.json, decoded by core: a
//! valid one must give its recipient, IMEIs and fields, a refused one its
//! line, reason, key and words. The vectors are made by the verifier's
//! tests; this keeps them true to the decoder the widget runs.

use serde_json::Value;
use stolen_phone_core::i18n::{Catalog, CompiledEnglish};
use stolen_phone_core::report::code::{Decoded, ImeiLine, Reason, Recipient, decode};
use stolen_phone_core::report::reason::{
    character_name, error_words, problem_name, reason_key, reason_name,
};
use stolen_phone_core::report::{Report, WhatHappened};

const VECTORS: &str = include_str!("../../handover/vectors.json");

fn vectors() -> Vec<Value> {
    let file: Value = serde_json::from_str(VECTORS).expect("vectors.json is JSON");
    file["vectors"]
        .as_array()
        .expect("a list of vectors")
        .clone()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// The fields as the vectors write them: every line but `FOR`, `IMEI` and
/// `CRC32`, keyed as in a code, in its order, unescaped.
fn fields(report: &Report<ImeiLine>) -> Vec<(String, String)> {
    let event = match report.what_happened {
        WhatHappened::Robbery => "robbery",
        WhatHappened::Theft => "theft",
        WhatHappened::Burglary => "burglary",
        WhatHappened::Lost => "lost",
    };
    let reference_key = if report.what_happened.is_crime() {
        "CRIME-REF"
    } else {
        "LOST-REF"
    };
    let insurance = &report.insurance;
    let victim = &report.victim;
    let lines: [(&str, Option<String>); 12] = [
        ("PHONE", report.phone.as_ref().map(|v| v.to_string())),
        ("MAKE", report.make.as_ref().map(|v| v.to_string())),
        ("MODEL", report.model.as_ref().map(|v| v.to_string())),
        ("EVENT", Some(event.to_owned())),
        ("WHEN", Some(report.when.to_string())),
        (
            reference_key,
            report.reference.as_ref().map(|v| v.to_string()),
        ),
        (
            "POLICE",
            report.police_force.as_ref().map(|v| v.to_string()),
        ),
        ("INSURER", insurance.insurer.as_ref().map(|v| v.to_string())),
        (
            "POLICY",
            insurance.policy_number.as_ref().map(|v| v.to_string()),
        ),
        (
            "CLAIM",
            insurance.claim_reference.as_ref().map(|v| v.to_string()),
        ),
        ("NAME", victim.name.as_ref().map(|v| v.to_string())),
        ("ADDRESS", victim.address.as_ref().map(|v| v.to_string())),
    ];
    lines
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_owned(), value?)))
        .collect()
}

fn check_valid(name: &str, vector: &Value, decoded: &Decoded) {
    let recipient = match decoded.recipient {
        Recipient::NetworkProvider => "network provider",
        Recipient::Insurer => "insurer",
    };
    assert_eq!(recipient, text(&vector["recipient"]), "{name}: recipient");
    let imeis: Vec<(String, bool, Option<u64>)> = decoded
        .report
        .imeis
        .iter()
        .map(|line| match line {
            ImeiLine::Valid(imei) => (imei.to_string(), true, None),
            ImeiLine::WrongCheckDigit { digits, expected } => {
                (digits.clone(), false, Some(u64::from(*expected)))
            }
        })
        .collect();
    let expected: Vec<(String, bool, Option<u64>)> = vector["imeis"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|imei| {
                    (
                        text(&imei["imei"]).to_owned(),
                        imei["check_digit_ok"].as_bool().unwrap_or(false),
                        imei["expected_check_digit"].as_u64(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(imeis, expected, "{name}: IMEIs");
    let expected: Vec<(String, String)> = vector["fields"]
        .as_object()
        .map(|map| {
            map.iter()
                .map(|(k, v)| (k.clone(), text(v).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    // serde_json's map sorts its keys; the order is checked by the
    // refused vectors, so compare as sets here.
    let mut got = fields(&decoded.report);
    got.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(got, expected, "{name}: fields");
}

#[test]
fn core_reads_every_vector_as_the_vector_says() {
    let english = Catalog::compiled_english(CompiledEnglish::Whole);
    let vectors = vectors();
    assert!(vectors.len() > 100, "only {} vectors", vectors.len());
    for vector in &vectors {
        let name = text(&vector["name"]);
        let outcome = decode(text(&vector["code"]));
        match (vector["valid"].as_bool(), outcome) {
            (Some(true), Ok(decoded)) => check_valid(name, vector, &decoded),
            (Some(false), Err(error)) => {
                let want = &vector["error"];
                let reason = &error.reason;
                assert_eq!(
                    Some(error.line as u64),
                    want["line"].as_u64(),
                    "{name}: line"
                );
                assert_eq!(reason_name(reason), text(&want["reason"]), "{name}: reason");
                assert_eq!(
                    reason_key(reason).map(|k| k.as_str()),
                    want["key"].as_str(),
                    "{name}: key"
                );
                let problem = match reason {
                    Reason::BadValue(_, problem) => Some(problem_name(problem)),
                    _ => None,
                };
                assert_eq!(problem, want["problem"].as_str(), "{name}: problem");
                let character = match reason {
                    Reason::ForbiddenCharacter(ch) => Some(character_name(*ch)),
                    _ => None,
                };
                assert_eq!(
                    character.as_deref(),
                    want["character"].as_str(),
                    "{name}: character"
                );
                let version = match reason {
                    Reason::UnsupportedVersion(v) => Some(u64::from(*v)),
                    _ => None,
                };
                assert_eq!(version, want["version"].as_u64(), "{name}: version");
                assert_eq!(
                    error_words(&english, &error),
                    text(&want["words"]),
                    "{name}: words"
                );
            }
            (valid, outcome) => {
                panic!("{name}: the vector says valid {valid:?}, core gives {outcome:?}")
            }
        }
    }
}

#[test]
fn the_vectors_cover_every_reason_and_every_bad_value() {
    let vectors = vectors();
    let named = |field: &str| -> Vec<String> {
        vectors
            .iter()
            .filter_map(|v| v["error"][field].as_str().map(str::to_owned))
            .collect()
    };
    let reasons = named("reason");
    for reason in [
        "empty",
        "too-long",
        "not-a-report-code",
        "unsupported-version",
        "forbidden-character",
        "not-key-value",
        "unknown-key",
        "out-of-order",
        "repeated",
        "too-many-imeis",
        "missing-key",
        "not-for-recipient",
        "wrong-reference-kind",
        "bad-escape",
        "bad-value",
        "missing-checksum",
        "checksum-mismatch",
        "text-after-checksum",
    ] {
        assert!(
            reasons.iter().any(|r| r == reason),
            "no vector for {reason}"
        );
    }
    let problems = named("problem");
    for problem in [
        "empty",
        "too-long",
        "character",
        "phone",
        "imei",
        "date",
        "recipient",
        "event",
        "not-normalised",
        "not-a-checksum",
    ] {
        assert!(
            problems.iter().any(|p| p == problem),
            "no vector for {problem}"
        );
    }
    let valid = |recipient: &str| {
        vectors
            .iter()
            .any(|v| v["valid"] == true && v["recipient"] == recipient)
    };
    assert!(valid("network provider") && valid("insurer"));
    let flagged = vectors
        .iter()
        .flat_map(|v| v["imeis"].as_array().cloned().unwrap_or_default())
        .any(|imei| imei["check_digit_ok"] == false);
    assert!(flagged, "no valid code with a wrong IMEI check digit");
}
