//! The handover conformance vectors, handover/vectors.json, are made here
//! from core's encoder and the outcomes HANDOVER.md prescribes, written
//! out by hand for each. This test fails when the committed file differs
//! from what it makes; `UPDATE_VECTORS=1 cargo test -p report-code --test
//! vectors` rewrites it. core/tests/handover_vectors.rs checks core's
//! decoder against the file, handover/reference.py checks the Python
//! reference, and this test checks the command's own output.
//!
//! Everything in them is invented: the IMEIs are test IMEIs or made up
//! with a right check digit, and the phone numbers are in Ofcom's drama
//! range (07700 900xxx).

use std::path::PathBuf;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use report_code::check::{self, event_value, recipient_value};
use report_code::output::Outcome;
use stolen_phone_core::device::imei::{self, Imei};
use stolen_phone_core::i18n::{Catalog, CompiledEnglish};
use stolen_phone_core::report::code::{
    self, DecodeError, Key, MAX_CODE_BYTES, Reason, Recipient, ValueError,
};
use stolen_phone_core::report::reason::{
    character_name, error_words, problem_name, reason_key, reason_name,
};
use stolen_phone_core::report::{
    Address, ClaimReference, Imeis, Insurance, InsurerName, MakerName, Model, PersonName,
    PoliceForce, PolicyNumber, Reference, Report, TextError, Victim, WhatHappened,
};
use stolen_phone_core::values::date::When;
use stolen_phone_core::values::phone::PhoneNumber;

const IMEI_A: &str = "352099001761481";
const IMEI_B: &str = "490154203237518";

/// The file as committed.
#[derive(Serialize)]
struct File {
    about: &'static str,
    format: &'static str,
    vectors: Vec<Vector>,
}

#[derive(Serialize)]
struct Vector {
    name: &'static str,
    /// The rule it shows.
    about: &'static str,
    code: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    imeis: Option<Vec<ImeiExpected>>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ordered_fields"
    )]
    fields: Option<Vec<(&'static str, String)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorExpected>,
}

#[derive(Serialize)]
struct ImeiExpected {
    imei: String,
    check_digit_ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected_check_digit: Option<u8>,
}

#[derive(Serialize)]
struct ErrorExpected {
    line: usize,
    reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    character: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    words: String,
}

fn ordered_fields<S: serde::Serializer>(
    fields: &Option<Vec<(&'static str, String)>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let fields = fields.as_deref().unwrap_or_default();
    let mut map = s.serialize_map(Some(fields.len()))?;
    for (key, value) in fields {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

// ---------------------------------------------------------------------------
// Building blocks

fn imei(digits: &str) -> Imei {
    imei::parse(digits).unwrap()
}

/// Fourteen digits and their Luhn check digit.
fn completed(body: &str) -> String {
    let digits: Vec<u8> = body.bytes().map(|b| b - b'0').collect();
    let check = imei::luhn_check_digit(&digits.try_into().unwrap());
    format!("{body}{check}")
}

fn when(text: &str) -> When {
    When::parse_iso(text).unwrap()
}

fn phone(typed: &str) -> Option<PhoneNumber> {
    Some(PhoneNumber::parse(typed).unwrap())
}

/// A robbery with every field, as in HANDOVER.md's first two vectors.
fn robbery() -> Report {
    Report {
        imeis: Imeis::Two(imei(IMEI_A), imei(IMEI_B)),
        phone: phone("07700 900123"),
        make: Some(MakerName::new("Apple").unwrap()),
        model: Some(Model::new("iPhone 15 Pro").unwrap()),
        what_happened: WhatHappened::Robbery,
        when: when("2026-11-24T21:30+00:00"),
        reference: Some(Reference::new("01/123456/26").unwrap()),
        police_force: Some(PoliceForce::new("Metropolitan Police Service").unwrap()),
        insurance: Insurance {
            insurer: Some(InsurerName::new("Acme Insurance").unwrap()),
            policy_number: Some(PolicyNumber::new("POL-778899").unwrap()),
            claim_reference: Some(ClaimReference::new("CLM 2026/0042").unwrap()),
        },
        victim: Victim {
            name: Some(PersonName::new("Zoë O'Brien").unwrap()),
            address: Some(Address::new("Flat 2, 10 High St\nLondon E1 6AN").unwrap()),
        },
    }
}

/// HANDOVER.md's third vector: no IMEI found, no reference yet, date only.
fn lost() -> Report {
    Report {
        imeis: Imeis::NotFound,
        phone: phone("+33 6 12 34 56 78"),
        make: Some(MakerName::new("Samsung").unwrap()),
        model: None,
        what_happened: WhatHappened::Lost,
        when: when("2026-03-01"),
        reference: None,
        police_force: None,
        insurance: Insurance::default(),
        victim: Victim::default(),
    }
}

/// Only what every code must hold.
fn bare(what: WhatHappened, on: &str) -> Report {
    Report {
        imeis: Imeis::NotFound,
        phone: None,
        make: None,
        model: None,
        what_happened: what,
        when: when(on),
        reference: None,
        police_force: None,
        insurance: Insurance::default(),
        victim: Victim::default(),
    }
}

/// `bytes` of free text in 4-byte characters, then 2-byte, then 1-byte.
fn fill(bytes: usize) -> String {
    "😀".repeat(bytes / 4) + &"é".repeat(bytes % 4 / 2) + &"x".repeat(bytes % 2)
}

/// Every field at its limit: the largest code the format allows.
fn largest() -> Report {
    Report {
        imeis: Imeis::Two(imei(IMEI_A), imei(IMEI_B)),
        phone: phone("1-2-3-4-5-6-7-8-9-01"),
        make: Some(MakerName::new(&fill(MakerName::MAX)).unwrap()),
        model: Some(Model::new(&fill(Model::MAX)).unwrap()),
        what_happened: WhatHappened::Burglary,
        when: when("2026-11-24T21:30-05:30"),
        reference: Some(Reference::new(&"ab/".repeat(10)).unwrap()),
        police_force: Some(PoliceForce::new(&fill(PoliceForce::MAX)).unwrap()),
        insurance: Insurance {
            insurer: Some(InsurerName::new(&fill(InsurerName::MAX)).unwrap()),
            policy_number: Some(PolicyNumber::new(&"cd-".repeat(10)).unwrap()),
            claim_reference: Some(ClaimReference::new(&"ef.".repeat(10)).unwrap()),
        },
        victim: Victim {
            name: Some(PersonName::new(&fill(PersonName::MAX)).unwrap()),
            address: Some(Address::new(&fill(Address::MAX)).unwrap()),
        },
    }
}

/// Lines with a right checksum line added.
fn signed(lines: &[&str]) -> String {
    let body: String = lines.iter().map(|line| format!("{line}\n")).collect();
    format!("{body}CRC32: {:08X}", code::crc32(body.as_bytes()))
}

/// A code for the network provider with `middle` between its `FOR` line
/// and its `EVENT: theft` and `WHEN` lines, signed: wrong only in `middle`.
fn theft_with(middle: &[&str]) -> String {
    let mut lines = vec!["PHONE-THEFT-REPORT/1", "FOR: network provider"];
    lines.extend_from_slice(middle);
    lines.extend_from_slice(&["EVENT: theft", "WHEN: 2026-11-24"]);
    signed(&lines)
}

/// Like `theft_with`, with `tail` after the `WHEN` line.
fn theft_then(tail: &[&str]) -> String {
    let mut lines = vec![
        "PHONE-THEFT-REPORT/1",
        "FOR: network provider",
        "EVENT: theft",
        "WHEN: 2026-11-24",
    ];
    lines.extend_from_slice(tail);
    signed(&lines)
}

/// An insurer's code with `tail` after its `WHEN` line.
fn insurer_then(tail: &[&str]) -> String {
    let mut lines = vec![
        "PHONE-THEFT-REPORT/1",
        "FOR: insurer",
        "EVENT: burglary",
        "WHEN: 2026-11-24",
    ];
    lines.extend_from_slice(tail);
    signed(&lines)
}

fn with_when(value: &str) -> String {
    signed(&[
        "PHONE-THEFT-REPORT/1",
        "FOR: network provider",
        "EVENT: theft",
        &format!("WHEN: {value}"),
    ])
}

// ---------------------------------------------------------------------------
// The vectors

fn english() -> Catalog {
    Catalog::compiled_english(CompiledEnglish::Whole)
}

fn as_expected(report: &Report, wrong_check_digits: &[(usize, u8)]) -> Vec<ImeiExpected> {
    report
        .imeis
        .iter()
        .enumerate()
        .map(|(i, imei)| {
            let wrong = wrong_check_digits.iter().find(|(at, _)| *at == i);
            ImeiExpected {
                imei: imei.to_string(),
                check_digit_ok: wrong.is_none(),
                expected_check_digit: wrong.map(|(_, d)| *d),
            }
        })
        .collect()
}

/// A code the encoder writes for `report`, with what reading it must give.
fn encoded(
    name: &'static str,
    about: &'static str,
    report: &Report,
    recipient: Recipient,
) -> Vector {
    let shown = code::minimised(report, recipient);
    accepted(
        name,
        about,
        code::encode(report, recipient),
        recipient,
        as_expected(&shown, &[]),
        check::fields(&shown),
    )
}

fn accepted(
    name: &'static str,
    about: &'static str,
    code: String,
    recipient: Recipient,
    imeis: Vec<ImeiExpected>,
    fields: Vec<(&'static str, String)>,
) -> Vector {
    Vector {
        name,
        about,
        code,
        valid: true,
        recipient: Some(recipient_value(recipient)),
        imeis: Some(imeis),
        fields: Some(fields),
        error: None,
    }
}

fn refused(
    name: &'static str,
    about: &'static str,
    code: impl Into<String>,
    line: usize,
    reason: Reason,
) -> Vector {
    let words = error_words(
        &english(),
        &DecodeError {
            line,
            reason: reason.clone(),
        },
    );
    Vector {
        name,
        about,
        code: code.into(),
        valid: false,
        recipient: None,
        imeis: None,
        fields: None,
        error: Some(ErrorExpected {
            line,
            reason: reason_name(&reason),
            key: reason_key(&reason).map(Key::as_str),
            problem: match &reason {
                Reason::BadValue(_, problem) => Some(problem_name(problem)),
                _ => None,
            },
            character: match reason {
                Reason::ForbiddenCharacter(ch) => Some(character_name(ch)),
                _ => None,
            },
            version: match reason {
                Reason::UnsupportedVersion(v) => Some(v),
                _ => None,
            },
            words,
        }),
    }
}

fn valid_vectors() -> Vec<Vector> {
    use Recipient::{Insurer, NetworkProvider};
    let robbery_code = code::encode(&robbery(), NetworkProvider);
    let lost_code = code::encode(&lost(), NetworkProvider);
    let robbery_fields = check::fields(&code::minimised(&robbery(), NetworkProvider));
    let robbery_imeis = || as_expected(&robbery(), &[]);
    let lost_fields = check::fields(&lost());
    let lost_with_reference = Report {
        reference: Some(Reference::new("LP-2026-000417").unwrap()),
        insurance: Insurance {
            insurer: Some(InsurerName::new("Example Mutual").unwrap()),
            policy_number: Some(PolicyNumber::new("EM/55/0193").unwrap()),
            claim_reference: None,
        },
        ..lost()
    };
    let theft_one_imei = Report {
        imeis: Imeis::One(imei(&completed("35123456789012"))),
        phone: phone("07700 900456"),
        ..bare(WhatHappened::Theft, "2026-05-17T08:05+01:00")
    };
    let escapes = Report {
        victim: Victim {
            name: Some(PersonName::new("Sam \\ Example").unwrap()),
            address: Some(Address::new("1 Example Road\nAnytown\\nowhere\nZZ99 9ZZ").unwrap()),
        },
        ..bare(WhatHappened::Burglary, "2026-01-02")
    };
    let markup = Report {
        make: Some(MakerName::new("<b>Phone</b>").unwrap()),
        victim: Victim {
            name: Some(PersonName::new("<script>alert(1)</script>").unwrap()),
            address: None,
        },
        ..bare(WhatHappened::Theft, "2026-01-02")
    };
    let ascii_limits = Report {
        make: Some(MakerName::new(&"M".repeat(20)).unwrap()),
        model: Some(Model::new(&"m".repeat(40)).unwrap()),
        reference: Some(
            Reference::new(r##"!"#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"##[..30].trim()).unwrap(),
        ),
        police_force: Some(PoliceForce::new(&"P".repeat(40)).unwrap()),
        insurance: Insurance {
            insurer: Some(InsurerName::new(&"I".repeat(40)).unwrap()),
            policy_number: Some(PolicyNumber::new(&"9".repeat(30)).unwrap()),
            claim_reference: Some(ClaimReference::new("C L A I M").unwrap()),
        },
        victim: Victim {
            name: Some(PersonName::new(&"N".repeat(50)).unwrap()),
            // 118 letters and one line break, written as 2 bytes: 120.
            address: Some(
                Address::new(&format!("{}\n{}", "a".repeat(59), "b".repeat(59))).unwrap(),
            ),
        },
        ..bare(WhatHappened::Robbery, "2026-12-31T23:59+00:00")
    };
    let line_break_in_model = Report {
        model: Some(Model::new("Galaxy\nA55").unwrap()),
        ..bare(WhatHappened::Theft, "2026-01-02")
    };
    let kept_as_typed = Report {
        phone: phone("7700 900123"),
        ..bare(WhatHappened::Theft, "2026-01-02")
    };
    let inner_space = Report {
        victim: Victim {
            name: Some(PersonName::new("Zoë\u{00A0}Example").unwrap()),
            address: None,
        },
        ..bare(WhatHappened::Theft, "2026-01-02")
    };

    let wrong_one = format!("{}2", &IMEI_A[..14]);
    let wrong_imei = signed(&[
        "PHONE-THEFT-REPORT/1",
        "FOR: network provider",
        &format!("IMEI: {wrong_one}"),
        "EVENT: theft",
        "WHEN: 2026-11-24",
    ]);
    let wrong_second = format!("{}0", &IMEI_B[..14]);
    let one_of_two_wrong = signed(&[
        "PHONE-THEFT-REPORT/1",
        "FOR: insurer",
        &format!("IMEI: {IMEI_A}"),
        &format!("IMEI: {wrong_second}"),
        "EVENT: robbery",
        "WHEN: 2026-11-24T21:30+00:00",
    ]);
    let theft_fields = |when: &str| vec![("EVENT", "theft".to_owned()), ("WHEN", when.to_owned())];

    vec![
        encoded(
            "handover-robbery-for-network-provider",
            "HANDOVER.md's first test vector: a robbery with two IMEIs, for the network provider",
            &robbery(),
            NetworkProvider,
        ),
        encoded(
            "handover-robbery-for-insurer",
            "HANDOVER.md's second test vector: the same robbery for the insurer, with a non-ASCII name and an address on two lines",
            &robbery(),
            Insurer,
        ),
        encoded(
            "handover-lost-for-network-provider",
            "HANDOVER.md's third test vector: a lost phone, no IMEI, no reference, a date without a time",
            &lost(),
            NetworkProvider,
        ),
        encoded(
            "lost-with-lost-property-reference-for-insurer",
            "a lost phone's reference is LOST-REF; an insurer's code holds INSURER and POLICY",
            &lost_with_reference,
            Insurer,
        ),
        encoded(
            "lost-with-lost-property-reference-for-network-provider",
            "the same lost phone for the network provider: the insurer's lines are left out",
            &lost_with_reference,
            NetworkProvider,
        ),
        encoded(
            "theft-with-one-imei",
            "one IMEI, a UK number written in E.164, a time with a summer offset",
            &theft_one_imei,
            NetworkProvider,
        ),
        encoded(
            "only-the-required-lines",
            "FOR, EVENT and WHEN are all a code needs",
            &bare(WhatHappened::Burglary, "2026-01-02"),
            Insurer,
        ),
        encoded(
            "offset-west-limit",
            "offsets run from -12:00",
            &bare(WhatHappened::Theft, "2026-06-30T23:59-12:00"),
            NetworkProvider,
        ),
        encoded(
            "offset-east-limit",
            "offsets run to +14:00",
            &bare(WhatHappened::Theft, "2026-06-30T00:00+14:00"),
            NetworkProvider,
        ),
        encoded(
            "offset-with-minutes",
            "an offset may have minutes",
            &bare(WhatHappened::Robbery, "2026-06-30T12:00+05:45"),
            NetworkProvider,
        ),
        encoded(
            "leap-day",
            "29 February exists in leap years",
            &bare(WhatHappened::Theft, "2028-02-29"),
            NetworkProvider,
        ),
        encoded(
            "leap-day-of-a-400th-year",
            "2000 was a leap year",
            &bare(WhatHappened::Theft, "2000-02-29"),
            NetworkProvider,
        ),
        encoded(
            "escaped-backslash-and-line-breaks",
            "a backslash is written \\\\ and a line break \\n; a backslash before an n stays a backslash",
            &escapes,
            Insurer,
        ),
        encoded(
            "markup-is-ordinary-text",
            "markup is text like any other, to be shown as text",
            &markup,
            Insurer,
        ),
        encoded(
            "free-text-and-references-at-their-limits",
            "every free text at its limit in bytes (the line break in ADDRESS counts 2), references at 30 characters of printable ASCII",
            &ascii_limits,
            Insurer,
        ),
        encoded(
            "largest-code-for-insurer",
            "every field at its limit in 4-byte characters: 646 bytes, the largest code",
            &largest(),
            Insurer,
        ),
        encoded(
            "largest-code-for-network-provider",
            "the largest code for the network provider: 341 bytes",
            &largest(),
            NetworkProvider,
        ),
        encoded(
            "line-break-in-other-free-text",
            "any free text may hold an escaped line break, not only ADDRESS",
            &line_break_in_model,
            NetworkProvider,
        ),
        encoded(
            "phone-kept-as-typed",
            "a number whose country cannot be told is kept as typed",
            &kept_as_typed,
            NetworkProvider,
        ),
        encoded(
            "space-inside-free-text",
            "only the ends of free text are trimmed; a no-break space inside stays",
            &inner_space,
            Insurer,
        ),
        accepted(
            "imei-with-wrong-check-digit",
            "an IMEI whose check digit is wrong is shown, flagged, and the code is still valid",
            wrong_imei,
            NetworkProvider,
            vec![ImeiExpected {
                imei: wrong_one,
                check_digit_ok: false,
                expected_check_digit: Some(1),
            }],
            theft_fields("2026-11-24"),
        ),
        accepted(
            "second-imei-with-wrong-check-digit",
            "each IMEI is flagged on its own",
            one_of_two_wrong,
            Insurer,
            vec![
                ImeiExpected {
                    imei: IMEI_A.to_owned(),
                    check_digit_ok: true,
                    expected_check_digit: None,
                },
                ImeiExpected {
                    imei: wrong_second,
                    check_digit_ok: false,
                    expected_check_digit: Some(8),
                },
            ],
            vec![
                ("EVENT", "robbery".to_owned()),
                ("WHEN", "2026-11-24T21:30+00:00".to_owned()),
            ],
        ),
        accepted(
            "crlf-line-endings",
            "a reader accepts CRLF line endings, and computes the checksum over the LF form",
            robbery_code.replace('\n', "\r\n"),
            NetworkProvider,
            robbery_imeis(),
            robbery_fields.clone(),
        ),
        accepted(
            "crlf-and-a-final-line-break",
            "a reader accepts line breaks after the last line",
            format!("{}\r\n", robbery_code.replace('\n', "\r\n")),
            NetworkProvider,
            robbery_imeis(),
            robbery_fields.clone(),
        ),
        accepted(
            "trailing-line-breaks",
            "any number of line breaks may follow the last line",
            format!("{lost_code}\n\n\r\n"),
            NetworkProvider,
            vec![],
            lost_fields.clone(),
        ),
        accepted(
            "byte-order-mark",
            "a byte-order mark may come before the first line",
            format!("\u{FEFF}{lost_code}"),
            NetworkProvider,
            vec![],
            lost_fields.clone(),
        ),
        accepted(
            "byte-order-mark-crlf-and-final-line-break",
            "all three together, as a Windows camera app may write them",
            format!("\u{FEFF}{}\r\n", lost_code.replace('\n', "\r\n")),
            NetworkProvider,
            vec![],
            lost_fields,
        ),
    ]
}

fn refused_vectors() -> Vec<Vector> {
    use Reason::*;
    use ValueError::*;
    let bad = BadValue;
    let robbery_code = code::encode(&robbery(), Recipient::NetworkProvider);
    let robbery_lines: Vec<&str> = robbery_code.lines().collect();
    let cut = |keep: usize| robbery_lines[..keep].join("\n");
    let text_error = |max, length| Text(TextError::TooLong { max, length });

    // A code just over the size limit, and one at it, differ in one byte.
    let head = "PHONE-THEFT-REPORT/1\nFOR: insurer\nEVENT: theft\nWHEN: 2026-11-24\nADDRESS: ";
    let address_at_limit = MAX_CODE_BYTES - head.len() - "\nCRC32: 00000000".len();
    let sized = |total: usize| {
        let address = "x".repeat(address_at_limit + total - MAX_CODE_BYTES);
        let body = format!("{head}{address}\n");
        format!("{body}CRC32: {:08X}", code::crc32(body.as_bytes()))
    };
    let at_limit = sized(MAX_CODE_BYTES);
    assert_eq!(at_limit.len(), MAX_CODE_BYTES);
    let over_limit = sized(MAX_CODE_BYTES + 1);
    let with_bom = format!("\u{FEFF}{}", sized(MAX_CODE_BYTES - 2));

    let changed_imei = robbery_code.replace("IMEI: 352099001761481", "IMEI: 352099001716481");
    let changed_case = robbery_code.replace("MAKE: Apple", "MAKE: apple");
    let changed_checksum = robbery_code.replace("CRC32: 47099B1D", "CRC32: 47099B1E");
    let line_removed = robbery_code.replace("MODEL: iPhone 15 Pro\n", "");
    let changed_crlf = robbery_code
        .replace('\n', "\r\n")
        .replace("01/123456/26", "01/123457/26");
    let bad_line_and_checksum = robbery_code.replace("MAKE: Apple", "MAKE:  Apple");
    let two_codes = format!("{robbery_code}\n{robbery_code}");

    vec![
        // Size and emptiness.
        refused("empty", "an empty text is no code", "", 1, Empty),
        refused(
            "only-line-breaks",
            "line breaks alone are removed first, leaving nothing",
            "\r\n\n",
            1,
            Empty,
        ),
        refused(
            "only-a-byte-order-mark",
            "a byte-order mark alone is removed first, leaving nothing",
            "\u{FEFF}",
            1,
            Empty,
        ),
        refused(
            "longer-than-4096-bytes",
            "a code longer than 4096 bytes is refused before anything else",
            over_limit,
            1,
            TooLong,
        ),
        refused(
            "4096-bytes-is-not-too-long",
            "a text of exactly 4096 bytes is read, and refused here only for its address",
            at_limit,
            5,
            bad(Key::Address, text_error(120, address_at_limit)),
        ),
        refused(
            "size-counts-bytes-as-received",
            "the limit counts the bytes received, a byte-order mark included",
            with_bom,
            1,
            TooLong,
        ),
        // Line 1.
        refused(
            "not-a-report-code",
            "some other QR code",
            "https://example.org/report\nCRC32: 00000000",
            1,
            NotAReportCode,
        ),
        refused(
            "first-line-in-lower-case",
            "the first line is exact",
            robbery_code.replacen("PHONE-THEFT-REPORT/1", "phone-theft-report/1", 1),
            1,
            NotAReportCode,
        ),
        refused(
            "first-line-with-trailing-space",
            "the first line is exact",
            robbery_code.replacen("PHONE-THEFT-REPORT/1", "PHONE-THEFT-REPORT/1 ", 1),
            1,
            NotAReportCode,
        ),
        refused(
            "version-with-leading-zero",
            "a version is a number without leading zeros",
            robbery_code.replacen("PHONE-THEFT-REPORT/1", "PHONE-THEFT-REPORT/01", 1),
            1,
            NotAReportCode,
        ),
        refused(
            "version-2",
            "PHONE-THEFT-REPORT/ with another number is a later version",
            robbery_code.replacen("PHONE-THEFT-REPORT/1", "PHONE-THEFT-REPORT/2", 1),
            1,
            UnsupportedVersion(2),
        ),
        refused(
            "version-10",
            "versions are compared as numbers",
            "PHONE-THEFT-REPORT/10\nFOR: insurer",
            1,
            UnsupportedVersion(10),
        ),
        // The last line.
        refused(
            "cut-before-the-checksum",
            "a code cut short: its last line is not the checksum",
            cut(11),
            11,
            MissingChecksum,
        ),
        refused(
            "cut-inside-a-value",
            "a code cut short in the middle of a line",
            format!("{}\nPOLICE: Metrop", cut(10)),
            11,
            MissingChecksum,
        ),
        refused(
            "cut-inside-the-checksum",
            "a checksum is 8 hexadecimal digits",
            robbery_code.replace("CRC32: 47099B1D", "CRC32: 4709"),
            12,
            bad(Key::Crc32, NotAChecksum),
        ),
        refused(
            "checksum-without-its-space",
            "the last line starts exactly `CRC32: `",
            robbery_code.replace("CRC32: 47099B1D", "CRC32:47099B1D"),
            12,
            MissingChecksum,
        ),
        refused(
            "line-after-the-checksum",
            "nothing follows the checksum line; the line after it is named",
            format!("{robbery_code}\nIMEI: {IMEI_B}"),
            13,
            TextAfterChecksum,
        ),
        refused(
            "two-codes-run-together",
            "only the last line may be a checksum, so the first code's checksum is out of place",
            two_codes,
            12,
            OutOfOrder(Key::Crc32),
        ),
        refused(
            "checksum-in-lower-case",
            "the checksum's letters are capitals",
            robbery_code.replace("CRC32: 47099B1D", "CRC32: 47099b1d"),
            12,
            bad(Key::Crc32, NotAChecksum),
        ),
        refused(
            "checksum-with-nine-digits",
            "a checksum is exactly 8 digits",
            robbery_code.replace("CRC32: 47099B1D", "CRC32: 047099B1D"),
            12,
            bad(Key::Crc32, NotAChecksum),
        ),
        // Checksum failures.
        refused(
            "checksum-fails-for-a-changed-digit",
            "two IMEI digits swapped",
            changed_imei,
            12,
            ChecksumMismatch,
        ),
        refused(
            "checksum-fails-for-a-changed-letter",
            "a capital made small",
            changed_case,
            12,
            ChecksumMismatch,
        ),
        refused(
            "checksum-fails-for-a-changed-checksum",
            "the checksum itself changed",
            changed_checksum,
            12,
            ChecksumMismatch,
        ),
        refused(
            "checksum-fails-for-a-removed-line",
            "a whole line taken out",
            line_removed,
            11,
            ChecksumMismatch,
        ),
        refused(
            "checksum-fails-with-crlf",
            "a changed reference in a code with CRLF line endings",
            changed_crlf,
            12,
            ChecksumMismatch,
        ),
        refused(
            "a-wrong-line-is-named-before-the-checksum",
            "lines are checked before the checksum, so the first wrong line is named",
            bad_line_and_checksum,
            6,
            bad(Key::Make, NotNormalised),
        ),
        // Characters.
        refused(
            "bidi-control",
            "no bidirectional controls",
            theft_with(&["MAKE: Apple\u{202E}"]),
            3,
            ForbiddenCharacter('\u{202E}'),
        ),
        refused(
            "bidi-isolate",
            "no bidirectional isolates",
            theft_with(&["MODEL: a\u{2066}b"]),
            3,
            ForbiddenCharacter('\u{2066}'),
        ),
        refused(
            "arabic-letter-mark",
            "U+061C is a bidirectional control too",
            theft_with(&["MAKE: a\u{061C}b"]),
            3,
            ForbiddenCharacter('\u{061C}'),
        ),
        refused(
            "bidi-control-in-a-key",
            "the whole line is checked, key and all",
            theft_with(&["MA\u{200F}KE: Apple"]),
            3,
            ForbiddenCharacter('\u{200F}'),
        ),
        refused(
            "raw-carriage-return",
            "a CR inside a line is a control character",
            theft_with(&["MAKE: A\rB"]),
            3,
            ForbiddenCharacter('\r'),
        ),
        refused(
            "raw-tab",
            "tabs are control characters",
            theft_with(&["MAKE: A\tB"]),
            3,
            ForbiddenCharacter('\t'),
        ),
        refused(
            "raw-nul",
            "NUL is a control character",
            theft_with(&["MAKE: A\0B"]),
            3,
            ForbiddenCharacter('\0'),
        ),
        refused(
            "raw-next-line",
            "U+0085 is a control character",
            theft_with(&["MAKE: A\u{85}B"]),
            3,
            ForbiddenCharacter('\u{85}'),
        ),
        refused(
            "raw-line-separator",
            "no raw U+2028",
            theft_with(&["ADDRESS: A\u{2028}B"]),
            3,
            ForbiddenCharacter('\u{2028}'),
        ),
        refused(
            "raw-paragraph-separator",
            "no raw U+2029",
            theft_with(&["MAKE: A\u{2029}B"]),
            3,
            ForbiddenCharacter('\u{2029}'),
        ),
        // Line shape and keys.
        refused(
            "no-colon",
            "a line is KEY, colon, space, value",
            theft_with(&["MAKE Apple"]),
            3,
            NotKeyValue,
        ),
        refused(
            "no-space-after-colon",
            "one space follows the colon",
            theft_with(&["MAKE:Apple"]),
            3,
            NotKeyValue,
        ),
        refused(
            "blank-line-inside",
            "no line of a code is blank",
            theft_with(&[""]),
            3,
            NotKeyValue,
        ),
        refused(
            "unknown-key",
            "a reader refuses keys it does not know",
            theft_with(&["COLOUR: red"]),
            3,
            UnknownKey,
        ),
        refused(
            "key-in-lower-case",
            "keys are case-sensitive",
            theft_with(&["make: Apple"]),
            3,
            UnknownKey,
        ),
        refused(
            "space-before-colon",
            "the key ends at the colon",
            theft_with(&["MAKE : Apple"]),
            3,
            UnknownKey,
        ),
        // Order.
        refused(
            "out-of-order",
            "keys come in the table's order",
            theft_with(&["MAKE: Apple", "PHONE: +447700900123"]),
            4,
            OutOfOrder(Key::Phone),
        ),
        refused(
            "imei-after-phone",
            "IMEI lines come before PHONE",
            theft_with(&["PHONE: +447700900123", &format!("IMEI: {IMEI_A}")]),
            4,
            OutOfOrder(Key::Imei),
        ),
        refused(
            "repeated",
            "no key appears twice but IMEI",
            theft_with(&["MAKE: Apple", "MAKE: Apple"]),
            4,
            Repeated(Key::Make),
        ),
        refused(
            "both-reference-keys",
            "CRIME-REF and LOST-REF share one row: a code with both repeats it",
            theft_then(&["CRIME-REF: 01/123456/26", "LOST-REF: LP-1"]),
            6,
            Repeated(Key::LostRef),
        ),
        refused(
            "three-imeis",
            "IMEI appears at most twice",
            theft_with(&[
                &format!("IMEI: {IMEI_A}"),
                &format!("IMEI: {IMEI_B}"),
                &format!("IMEI: {IMEI_A}"),
            ]),
            5,
            TooManyImeis,
        ),
        refused(
            "missing-for",
            "FOR is required; the first line after where it belongs is named",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                &format!("IMEI: {IMEI_A}"),
                "EVENT: theft",
                "WHEN: 2026-11-24",
            ]),
            2,
            MissingKey(Key::For),
        ),
        refused(
            "missing-event",
            "EVENT is required",
            signed(&["PHONE-THEFT-REPORT/1", "FOR: insurer", "WHEN: 2026-11-24"]),
            3,
            MissingKey(Key::Event),
        ),
        refused(
            "missing-when-before-a-later-line",
            "WHEN is required",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                "FOR: insurer",
                "EVENT: theft",
                "POLICE: Example Police",
            ]),
            4,
            MissingKey(Key::When),
        ),
        refused(
            "missing-when-at-the-end",
            "a required line missing at the end is named on the checksum line",
            signed(&["PHONE-THEFT-REPORT/1", "FOR: insurer", "EVENT: theft"]),
            4,
            MissingKey(Key::When),
        ),
        refused(
            "nothing-but-the-first-and-last-lines",
            "FOR is the first line a code misses",
            signed(&["PHONE-THEFT-REPORT/1"]),
            2,
            MissingKey(Key::For),
        ),
        refused(
            "insurer-line-for-network-provider",
            "a network provider's code holds no insurer's field",
            theft_then(&["INSURER: Acme Insurance"]),
            5,
            NotForRecipient(Key::Insurer),
        ),
        refused(
            "address-for-network-provider",
            "nor the victim's name or address",
            theft_then(&["ADDRESS: 1 Example Road"]),
            5,
            NotForRecipient(Key::Address),
        ),
        refused(
            "lost-ref-for-a-crime",
            "a crime's reference is CRIME-REF",
            theft_then(&["LOST-REF: LP-1"]),
            5,
            WrongReferenceKind(Key::LostRef),
        ),
        refused(
            "crime-ref-for-a-lost-phone",
            "a lost phone's reference is LOST-REF",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                "FOR: insurer",
                "EVENT: lost",
                "WHEN: 2026-11-24",
                "CRIME-REF: 01/123456/26",
            ]),
            5,
            WrongReferenceKind(Key::CrimeRef),
        ),
        // Escapes.
        refused(
            "unknown-escape",
            "only \\\\ and \\n are escapes",
            theft_with(&["MAKE: Apple\\t"]),
            3,
            BadEscape,
        ),
        refused(
            "capital-n-escape",
            "escapes are case-sensitive",
            theft_with(&["MAKE: Apple\\N"]),
            3,
            BadEscape,
        ),
        refused(
            "backslash-at-end-of-line",
            "a backslash cannot end a line",
            theft_with(&["MAKE: Apple\\"]),
            3,
            BadEscape,
        ),
        // Values: FOR, EVENT, WHEN.
        refused(
            "unknown-recipient",
            "FOR is network provider or insurer",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                "FOR: someone",
                "EVENT: theft",
                "WHEN: 2026-11-24",
            ]),
            2,
            bad(Key::For, UnknownRecipient),
        ),
        refused(
            "recipient-in-capitals",
            "values are exact",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                "FOR: Insurer",
                "EVENT: theft",
                "WHEN: 2026-11-24",
            ]),
            2,
            bad(Key::For, UnknownRecipient),
        ),
        refused(
            "unknown-event",
            "EVENT is one of four words",
            signed(&[
                "PHONE-THEFT-REPORT/1",
                "FOR: insurer",
                "EVENT: mugging",
                "WHEN: 2026-11-24",
            ]),
            3,
            bad(Key::Event, UnknownEvent),
        ),
        refused(
            "no-such-date",
            "a date must exist",
            with_when("2026-02-30"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NoSuchDate),
            ),
        ),
        refused(
            "no-leap-day-in-2100",
            "2100 is not a leap year",
            with_when("2100-02-29"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NoSuchDate),
            ),
        ),
        refused(
            "date-in-another-form",
            "dates are ISO 8601",
            with_when("24/11/2026"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NotIso8601),
            ),
        ),
        refused(
            "time-with-seconds",
            "no seconds",
            with_when("2026-11-24T21:30:00+00:00"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NotIso8601),
            ),
        ),
        refused(
            "time-in-zulu",
            "no Z: a zero offset is +00:00",
            with_when("2026-11-24T21:30Z"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NotIso8601),
            ),
        ),
        refused(
            "negative-zero-offset",
            "never -00:00",
            with_when("2026-11-24T21:30-00:00"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NotIso8601),
            ),
        ),
        refused(
            "time-without-offset",
            "a time always has its offset",
            with_when("2026-11-24T21:30"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NotIso8601),
            ),
        ),
        refused(
            "offset-beyond-east-limit",
            "no offset beyond +14:00",
            with_when("2026-11-24T21:30+14:30"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::OffsetOutOfRange),
            ),
        ),
        refused(
            "offset-beyond-west-limit",
            "no offset beyond -12:00",
            with_when("2026-11-24T21:30-12:30"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::OffsetOutOfRange),
            ),
        ),
        refused(
            "hour-24",
            "hours run from 00 to 23",
            with_when("2026-11-24T24:00+00:00"),
            4,
            bad(
                Key::When,
                Date(stolen_phone_core::values::date::DateError::NoSuchTime),
            ),
        ),
        // Values: IMEI and PHONE.
        refused(
            "imei-of-14-digits",
            "an IMEI is 15 digits",
            theft_with(&["IMEI: 35209900176148"]),
            3,
            bad(Key::Imei, Imei(imei::ImeiError::TooShort { digits: 14 })),
        ),
        refused(
            "imei-of-16-digits",
            "an IMEI is 15 digits",
            theft_with(&["IMEI: 3520990017614810"]),
            3,
            bad(Key::Imei, Imei(imei::ImeiError::TooLong { digits: 16 })),
        ),
        refused(
            "imei-with-spaces",
            "nothing but the digits",
            theft_with(&["IMEI: 35 209900 176148 1"]),
            3,
            bad(Key::Imei, NotNormalised),
        ),
        refused(
            "imei-with-spaces-and-wrong-check-digit",
            "a wrong check digit is shown only in an IMEI written plainly",
            theft_with(&["IMEI: 35 209900 176148 2"]),
            3,
            bad(Key::Imei, NotNormalised),
        ),
        refused(
            "imei-in-arabic-indic-digits",
            "digits are ASCII 0 to 9",
            theft_with(&["IMEI: ٣٥٢٠٩٩٠٠١٧٦١٤٨١"]),
            3,
            bad(Key::Imei, NotNormalised),
        ),
        refused(
            "imei-with-a-letter",
            "digits only",
            theft_with(&["IMEI: 35209900176148O"]),
            3,
            bad(Key::Imei, Imei(imei::ImeiError::NotADigit('O'))),
        ),
        refused(
            "phone-with-letters",
            "digits, spaces and + - ( ) . / only",
            theft_with(&["PHONE: call me"]),
            3,
            bad(
                Key::Phone,
                Phone(stolen_phone_core::values::phone::PhoneError::Unsupported(
                    'c',
                )),
            ),
        ),
        refused(
            "uk-phone-not-in-e164",
            "a UK number is written in E.164",
            theft_with(&["PHONE: 07700 900123"]),
            3,
            bad(Key::Phone, NotNormalised),
        ),
        refused(
            "e164-with-spaces",
            "E.164 has no spaces",
            theft_with(&["PHONE: +44 7700 900123"]),
            3,
            bad(Key::Phone, NotNormalised),
        ),
        refused(
            "international-with-00",
            "00 numbers are written with +",
            theft_with(&["PHONE: 00447700900123"]),
            3,
            bad(Key::Phone, NotNormalised),
        ),
        refused(
            "trunk-zero-after-country-code",
            "the trunk zero never follows +44",
            theft_with(&["PHONE: +4407700900123"]),
            3,
            bad(Key::Phone, NotNormalised),
        ),
        refused(
            "phone-kept-as-typed-too-long",
            "a number kept as typed is at most 20 characters",
            theft_with(&["PHONE: 1-2-3-4-5-6-7-8-9-0-1"]),
            3,
            bad(
                Key::Phone,
                Phone(stolen_phone_core::values::phone::PhoneError::TooLong {
                    max: 20,
                    length: 21,
                }),
            ),
        ),
        refused(
            "phone-without-digits",
            "a number has digits",
            theft_with(&["PHONE: ( )"]),
            3,
            bad(
                Key::Phone,
                Phone(stolen_phone_core::values::phone::PhoneError::NoDigits),
            ),
        ),
        // Values: free text.
        refused(
            "empty-value",
            "a value is never empty",
            theft_with(&["MAKE: "]),
            3,
            bad(Key::Make, Text(TextError::Empty)),
        ),
        refused(
            "untrimmed-start",
            "free text is trimmed",
            theft_with(&["MAKE:  Apple"]),
            3,
            bad(Key::Make, NotNormalised),
        ),
        refused(
            "untrimmed-end",
            "free text is trimmed",
            theft_with(&["MODEL: iPhone "]),
            3,
            bad(Key::Model, NotNormalised),
        ),
        refused(
            "untrimmed-no-break-space",
            "trimming removes every Unicode White_Space character",
            insurer_then(&["NAME: Zoë\u{00A0}"]),
            5,
            bad(Key::Name, NotNormalised),
        ),
        refused(
            "escaped-line-break-at-an-end",
            "an escaped line break is trimmed like a space",
            insurer_then(&["ADDRESS: \\n1 Example Road"]),
            5,
            bad(Key::Address, NotNormalised),
        ),
        refused(
            "make-over-20-bytes",
            "MAKE is at most 20 bytes",
            theft_with(&[&format!("MAKE: {}", "x".repeat(21))]),
            3,
            bad(Key::Make, text_error(20, 21)),
        ),
        refused(
            "make-over-20-bytes-in-accented-letters",
            "the limit counts UTF-8 bytes: 11 letters é are 22 bytes",
            theft_with(&[&format!("MAKE: {}", "é".repeat(11))]),
            3,
            bad(Key::Make, text_error(20, 22)),
        ),
        refused(
            "model-over-40-bytes",
            "MODEL is at most 40 bytes",
            theft_with(&[&format!("MODEL: {}", "m".repeat(41))]),
            3,
            bad(Key::Model, text_error(40, 41)),
        ),
        refused(
            "police-over-40-bytes",
            "POLICE is at most 40 bytes",
            theft_then(&[&format!("POLICE: {}", "p".repeat(41))]),
            5,
            bad(Key::Police, text_error(40, 41)),
        ),
        refused(
            "insurer-over-40-bytes",
            "INSURER is at most 40 bytes",
            insurer_then(&[&format!("INSURER: {}", "i".repeat(41))]),
            5,
            bad(Key::Insurer, text_error(40, 41)),
        ),
        refused(
            "name-over-50-bytes",
            "NAME is at most 50 bytes",
            insurer_then(&[&format!("NAME: {}", "n".repeat(51))]),
            5,
            bad(Key::Name, text_error(50, 51)),
        ),
        refused(
            "address-over-120-bytes-with-escapes",
            "an escape counts as written: 118 letters and one \\n are 120 bytes, one more letter is 121",
            insurer_then(&[&format!("ADDRESS: {}\\n{}", "a".repeat(60), "b".repeat(59))]),
            5,
            bad(Key::Address, text_error(120, 121)),
        ),
        // Values: reference text.
        refused(
            "reference-over-30-characters",
            "a reference is at most 30 characters",
            theft_then(&[&format!("CRIME-REF: {}", "1".repeat(31))]),
            5,
            bad(Key::CrimeRef, text_error(30, 31)),
        ),
        refused(
            "reference-with-a-dash-that-is-not-ascii",
            "references are printable ASCII",
            theft_then(&["CRIME-REF: 01–123"]),
            5,
            bad(Key::CrimeRef, Text(TextError::Unsupported('–'))),
        ),
        refused(
            "reference-with-a-line-break",
            "a reference holds no line break, escaped or not",
            theft_then(&["CRIME-REF: 01\\n123"]),
            5,
            bad(Key::CrimeRef, Text(TextError::Unsupported('\n'))),
        ),
        refused(
            "reference-with-a-backslash",
            "a reference holds no backslash",
            insurer_then(&["POLICY: AB\\\\12"]),
            5,
            bad(Key::Policy, Text(TextError::Unsupported('\\'))),
        ),
        refused(
            "reference-untrimmed",
            "references are trimmed",
            insurer_then(&["CLAIM: CLM-1 "]),
            5,
            bad(Key::Claim, NotNormalised),
        ),
        refused(
            "reference-empty",
            "a value is never empty",
            insurer_then(&["POLICY: "]),
            5,
            bad(Key::Policy, Text(TextError::Empty)),
        ),
    ]
}

fn file() -> File {
    let mut vectors = valid_vectors();
    vectors.extend(refused_vectors());
    File {
        about: "Conformance vectors for the handover format PHONE-THEFT-REPORT/1 (HANDOVER.md). Each vector is a code's text and what a strict reader must make of it: for a valid code, its recipient, its IMEIs with whether each check digit is right, and every other field but CRC32, unescaped; for a refused one, the line named (from 1) and the reason's name, with the key, character or version it concerns. `problem` (what is wrong with a bad value) and `words` (what the widget says) are this project's own and need not be matched. Everything in them is invented.",
        format: code::HEADER,
        vectors,
    }
}

/// Pretty JSON in which invisible and direction-changing characters are
/// escaped, so that the file reads the same in any editor.
fn to_json(file: &File) -> String {
    struct Visible(PrettyFormatter<'static>);
    impl Formatter for Visible {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            for c in fragment.chars() {
                let invisible = stolen_phone_core::report::is_forbidden(c)
                    || c == '\u{FEFF}'
                    || (c.is_whitespace() && c != ' ');
                if invisible {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        write!(writer, "\\u{unit:04x}")?;
                    }
                } else {
                    write!(writer, "{c}")?;
                }
            }
            Ok(())
        }
        fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            self.0.begin_array(w)
        }
        fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            self.0.end_array(w)
        }
        fn begin_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            self.0.begin_array_value(w, first)
        }
        fn end_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
        ) -> std::io::Result<()> {
            self.0.end_array_value(w)
        }
        fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            self.0.begin_object(w)
        }
        fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            self.0.end_object(w)
        }
        fn begin_object_key<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            self.0.begin_object_key(w, first)
        }
        fn begin_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
        ) -> std::io::Result<()> {
            self.0.begin_object_value(w)
        }
        fn end_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
        ) -> std::io::Result<()> {
            self.0.end_object_value(w)
        }
    }
    let mut out = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut out, Visible(PrettyFormatter::new()));
    file.serialize(&mut serializer).unwrap();
    String::from_utf8(out).unwrap() + "\n"
}

fn vectors_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../handover/vectors.json")
}

#[test]
fn the_committed_vectors_are_what_this_makes() {
    let made = to_json(&file());
    let path = vectors_path();
    if std::env::var_os("UPDATE_VECTORS").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == made,
        "{} is out of date: run UPDATE_VECTORS=1 cargo test -p report-code --test vectors",
        path.display()
    );
}

#[test]
fn names_are_unique() {
    let file = file();
    let mut names: Vec<&str> = file.vectors.iter().map(|v| v.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before);
}

/// The command reports every vector as the vector says.
#[test]
fn the_verifier_reads_every_vector_as_expected() {
    let c = english();
    for vector in file().vectors {
        let outcome = check::check(&vector.code, None, &c);
        match (&outcome, vector.error) {
            (
                Outcome::Valid {
                    recipient,
                    imeis,
                    fields,
                    ..
                },
                None,
            ) => {
                assert_eq!(Some(*recipient), vector.recipient, "{}", vector.name);
                let imeis: Vec<(String, bool, Option<u8>)> = imeis
                    .iter()
                    .map(|i| (i.imei.clone(), i.check_digit_ok, i.expected_check_digit))
                    .collect();
                let expected: Vec<(String, bool, Option<u8>)> = vector
                    .imeis
                    .unwrap_or_default()
                    .into_iter()
                    .map(|i| (i.imei, i.check_digit_ok, i.expected_check_digit))
                    .collect();
                assert_eq!(imeis, expected, "{}", vector.name);
                assert_eq!(Some(fields.clone()), vector.fields, "{}", vector.name);
            }
            (Outcome::Refused { error, .. }, Some(expected)) => {
                let got = (
                    error.line,
                    error.reason,
                    error.key,
                    error.problem,
                    &error.words,
                );
                let want = (
                    expected.line,
                    expected.reason,
                    expected.key,
                    expected.problem,
                    &expected.words,
                );
                assert_eq!(got, want, "{}", vector.name);
            }
            (outcome, _) => panic!("{}: unexpected {outcome:?}", vector.name),
        }
    }
}

#[test]
fn events_and_recipients_are_written_as_the_encoder_writes_them() {
    for what in WhatHappened::ALL {
        let code = code::encode(&bare(what, "2026-01-02"), Recipient::Insurer);
        assert!(code.contains(&format!("\nEVENT: {}\n", event_value(what))));
    }
    for recipient in Recipient::ALL {
        let code = code::encode(&bare(WhatHappened::Theft, "2026-01-02"), recipient);
        assert!(code.contains(&format!("\nFOR: {}\n", recipient_value(recipient))));
    }
}
