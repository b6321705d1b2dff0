//! Whatever the bytes, the reader gives codes or a plain error, one JSON
//! line each, and never panics; and codes set among other words are all
//! found, each at its own line.

use proptest::prelude::*;
use report_code::output::Outcome;
use report_code::picture::PictureLimits;
use report_code::{text, verify_bytes};
use stolen_phone_core::i18n::{Catalog, CompiledEnglish};

/// Small, so that a fuzzed picture header cannot make a case slow.
const LIMITS: PictureLimits = PictureLimits {
    max_side: 512,
    max_decoded_bytes: 1 << 20,
};

const CODES: [&str; 2] = [
    "PHONE-THEFT-REPORT/1\nFOR: network provider\nPHONE: +33612345678\nMAKE: Samsung\nEVENT: lost\nWHEN: 2026-03-01\nCRC32: A89FDAAF",
    "PHONE-THEFT-REPORT/1\nFOR: network provider\nIMEI: 352099001761481\nIMEI: 490154203237518\nPHONE: +447700900123\nMAKE: Apple\nMODEL: iPhone 15 Pro\nEVENT: robbery\nWHEN: 2026-11-24T21:30+00:00\nCRIME-REF: 01/123456/26\nPOLICE: Metropolitan Police Service\nCRC32: 47099B1D",
];

/// Bytes that often look like the start of something real.
fn input() -> impl Strategy<Value = Vec<u8>> {
    let start = prop_oneof![
        Just(Vec::new()),
        Just(b"\x89PNG\r\n\x1a\n".to_vec()),
        Just(vec![0xFF, 0xD8, 0xFF]),
        Just("\u{FEFF}PHONE-THEFT-REPORT/1\r\n".as_bytes().to_vec()),
        Just(CODES[1].as_bytes().to_vec()),
    ];
    (start, prop::collection::vec(any::<u8>(), 0..400)).prop_map(|(mut start, rest)| {
        start.extend(rest);
        start
    })
}

/// Lines between codes: words, blank lines and lines of spaces, none
/// starting a code.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(String::new()),
            Just("  ".to_owned()),
            "[a-z :/-]{1,30}"
        ],
        0..4,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .filter(|l| !l.starts_with("PHONE-THEFT-REPORT/"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

const BOM: char = '\u{FEFF}';

fn english() -> Catalog {
    Catalog::compiled_english(CompiledEnglish::Whole)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_records_and_never_panic(bytes in input()) {
        let records = verify_bytes("input", &bytes, &LIMITS, &english());
        prop_assert!(!records.is_empty());
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        for record in records {
            let json = record.to_json_line();
            prop_assert!(!json.contains('\n'));
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back["file"], "input");
            if let Some(line) = record.line {
                prop_assert!((1..=lines).contains(&line), "line {} of {}", line, lines);
            }
            match &record.outcome {
                Outcome::Unread { error } => prop_assert!(!error.words.is_empty()),
                Outcome::Refused { error, .. } => prop_assert!(error.words.starts_with("Line ")),
                Outcome::Valid { .. } => prop_assert!(record.valid),
            }
        }
    }

    #[test]
    fn every_code_among_other_words_is_found_at_its_line(
        pieces in prop::collection::vec((prose(), 0..CODES.len(), any::<bool>()), 1..6),
        end in prose(),
    ) {
        let mut text = String::new();
        let mut expected = Vec::new();
        for (before, which, crlf) in pieces {
            text.push_str(&before);
            text.push_str("\n\n");
            expected.push((text.matches('\n').count() + 1, which));
            let code = if crlf { CODES[which].replace('\n', "\r\n") } else { CODES[which].to_owned() };
            text.push_str(&code);
            text.push_str("\n\n");
        }
        text.push_str(&end);
        let found: Vec<(usize, usize)> = text::codes(&text)
            .iter()
            .map(|code| {
                let which = CODES.iter().position(|c| *c == code.text.replace('\r', ""));
                (code.line, which.unwrap_or(usize::MAX))
            })
            .collect();
        prop_assert_eq!(&found, &expected);
        let records = verify_bytes("codes.txt", text.as_bytes(), &LIMITS, &english());
        prop_assert!(records.iter().all(|r| r.valid));
        prop_assert_eq!(records.len(), expected.len());
    }

    #[test]
    fn any_text_splits_into_pieces_of_it(text in "(PHONE-THEFT-REPORT/1|\r|\n| |x|: |\u{FEFF}){0,60}") {
        let lines = text.split('\n').count();
        for code in text::codes(&text) {
            prop_assert!(text.contains(code.text));
            let first_line = code.text.trim_start_matches(BOM);
            prop_assert!(first_line.starts_with("PHONE-THEFT-REPORT/"), "{:?}", code.text);
            prop_assert!((1..=lines).contains(&code.line));
        }
    }
}
