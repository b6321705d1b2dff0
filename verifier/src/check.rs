//! One code's text, checked by core's strict decoder and put into the
//! words the widget's "Check a report code" page uses.

use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::report::code::{self, Decoded, ImeiLine, Key, Reason, Recipient};
use stolen_phone_core::report::reason::{
    character_name, error_words, problem_name, reason_key, reason_name,
};
use stolen_phone_core::report::{Report, WhatHappened};

use crate::output::{CodeError, ImeiField, Outcome};

/// What the code says, or the line that is wrong and why. `first_line`
/// is where the code starts in its file, for codes read from text.
pub fn check(text: &str, first_line: Option<usize>, c: &Catalog) -> Outcome {
    match code::decode(text) {
        Ok(decoded) => valid(&decoded, c),
        Err(error) => Outcome::Refused {
            checksum_ok: checksum_holds(text),
            error: CodeError {
                line: error.line,
                file_line: first_line.map(|first| first + error.line - 1),
                reason: reason_name(&error.reason),
                key: reason_key(&error.reason).map(Key::as_str),
                problem: match &error.reason {
                    Reason::BadValue(_, problem) => Some(problem_name(problem)),
                    _ => None,
                },
                character: match error.reason {
                    Reason::ForbiddenCharacter(ch) => Some(character_name(ch)),
                    _ => None,
                },
                version: match error.reason {
                    Reason::UnsupportedVersion(v) => Some(v),
                    _ => None,
                },
                words: error_words(c, &error),
            },
        },
    }
}

fn valid(decoded: &Decoded, c: &Catalog) -> Outcome {
    let imeis = decoded
        .report
        .imeis
        .iter()
        .map(|line| match line {
            ImeiLine::Valid(imei) => ImeiField {
                imei: imei.to_string(),
                check_digit_ok: true,
                expected_check_digit: None,
                words: c.get(Msg::CheckCodeImeiRight).to_owned(),
            },
            ImeiLine::WrongCheckDigit { digits, expected } => ImeiField {
                imei: digits.clone(),
                check_digit_ok: false,
                expected_check_digit: Some(*expected),
                words: c.fill(
                    Msg::CheckCodeImeiWrong,
                    &[("expected", &expected.to_string())],
                ),
            },
        })
        .collect();
    Outcome::Valid {
        recipient: recipient_value(decoded.recipient),
        checksum_ok: true,
        imeis,
        fields: fields(&decoded.report),
        words: c.get(Msg::CheckCodeValid).to_owned(),
    }
}

/// The lines between `IMEI` and `CRC32`, in the code's order, unescaped.
pub fn fields<I>(report: &Report<I>) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    let mut add = |key: Key, value: Option<&str>| {
        if let Some(value) = value {
            fields.push((key.as_str(), value.to_owned()));
        }
    };
    add(Key::Phone, report.phone.as_ref().map(|p| p.as_str()));
    add(Key::Make, report.make.as_ref().map(|t| t.as_str()));
    add(Key::Model, report.model.as_ref().map(|t| t.as_str()));
    add(Key::Event, Some(event_value(report.what_happened)));
    add(Key::When, Some(&report.when.to_string()));
    let reference_key = if report.what_happened.is_crime() {
        Key::CrimeRef
    } else {
        Key::LostRef
    };
    add(reference_key, report.reference.as_ref().map(|r| r.as_str()));
    add(
        Key::Police,
        report.police_force.as_ref().map(|t| t.as_str()),
    );
    let insurance = &report.insurance;
    add(Key::Insurer, insurance.insurer.as_ref().map(|t| t.as_str()));
    add(
        Key::Policy,
        insurance.policy_number.as_ref().map(|t| t.as_str()),
    );
    add(
        Key::Claim,
        insurance.claim_reference.as_ref().map(|t| t.as_str()),
    );
    add(Key::Name, report.victim.name.as_ref().map(|t| t.as_str()));
    add(
        Key::Address,
        report.victim.address.as_ref().map(|t| t.as_str()),
    );
    fields
}

/// `FOR` as written in a code.
pub fn recipient_value(recipient: Recipient) -> &'static str {
    match recipient {
        Recipient::NetworkProvider => "network provider",
        Recipient::Insurer => "insurer",
    }
}

/// `EVENT` as written in a code.
pub fn event_value(what: WhatHappened) -> &'static str {
    match what {
        WhatHappened::Robbery => "robbery",
        WhatHappened::Theft => "theft",
        WhatHappened::Burglary => "burglary",
        WhatHappened::Lost => "lost",
    }
}

/// Whether the last line is a well-formed checksum that matches the lines
/// above it, as HANDOVER.md's "Checksum" computes it; `None` when there is
/// no such line. The decoder stops at the first wrong line, so this tells
/// staff whether a refused code was damaged on its way (the checksum fails)
/// or was written wrongly to begin with (it holds).
pub fn checksum_holds(text: &str) -> Option<bool> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.trim_end_matches(['\r', '\n']);
    let (covered, last) = match text.rsplit_once('\n') {
        Some((covered, last)) => (covered, last),
        None => return None,
    };
    let written = last.strip_suffix('\r').unwrap_or(last);
    let hex = written.strip_prefix("CRC32: ")?;
    let canonical = hex.len() == 8
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    let written = u32::from_str_radix(hex, 16).ok().filter(|_| canonical)?;
    let mut bytes = Vec::with_capacity(covered.len() + 1);
    for line in covered.split('\n') {
        bytes.extend_from_slice(line.strip_suffix('\r').unwrap_or(line).as_bytes());
        bytes.push(b'\n');
    }
    Some(code::crc32(&bytes) == written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stolen_phone_core::i18n::CompiledEnglish;

    const LOST: &str = "PHONE-THEFT-REPORT/1
FOR: network provider
PHONE: +33612345678
MAKE: Samsung
EVENT: lost
WHEN: 2026-03-01
CRC32: A89FDAAF";

    fn english() -> Catalog {
        Catalog::compiled_english(CompiledEnglish::Whole)
    }

    #[test]
    fn a_valid_code_gives_its_fields_in_order() {
        let Outcome::Valid {
            recipient, fields, ..
        } = check(LOST, Some(1), &english())
        else {
            panic!("refused")
        };
        assert_eq!(recipient, "network provider");
        let expected = [
            ("PHONE", "+33612345678"),
            ("MAKE", "Samsung"),
            ("EVENT", "lost"),
            ("WHEN", "2026-03-01"),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(fields, expected);
    }

    #[test]
    fn a_refused_code_names_its_line_in_the_code_and_in_the_file() {
        let changed = LOST.replace("Samsung", "Samsang");
        let Outcome::Refused { checksum_ok, error } = check(&changed, Some(40), &english()) else {
            panic!("accepted")
        };
        assert_eq!(checksum_ok, Some(false));
        assert_eq!((error.line, error.file_line), (7, Some(46)));
        assert_eq!(error.reason, "checksum-mismatch");
        assert_eq!(
            error.words,
            "Line 7: The CRC32 check does not match. Something in the code was changed or misread."
        );
    }

    #[test]
    fn the_checksum_is_judged_apart_from_the_lines() {
        let cases = [
            (LOST.to_owned(), Some(true)),
            (
                format!("\u{FEFF}{}\r\n", LOST.replace('\n', "\r\n")),
                Some(true),
            ),
            (LOST.replace("MAKE", "MAKER"), Some(false)),
            (LOST.replace("A89FDAAF", "a89fdaaf"), None),
            (LOST.replace("\nCRC32: A89FDAAF", ""), None),
            ("CRC32: A89FDAAF".to_owned(), None),
        ];
        for (text, expected) in cases {
            assert_eq!(checksum_holds(&text), expected, "{text:?}");
        }
    }
}
