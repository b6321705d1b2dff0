//! Why a report code was refused, in words and as a stable name. The
//! widget's "Check a report code" page, the command-line verifier and the
//! handover test vectors all read these, so staff, scripts and the vectors
//! see one wording and one name for each problem.

use crate::i18n::{Catalog, Msg};
use crate::report::code::{DecodeError, Key, Reason, ValueError};
use crate::report::{TextError, is_forbidden};

/// Why a code was refused, in plain words. Keys stay as written in the code.
pub fn reason_words(c: &Catalog, reason: &Reason) -> String {
    let key = |msg: Msg, key: &Key| c.fill(msg, &[("key", key.as_str())]);
    match reason {
        Reason::Empty => c.get(Msg::ReasonEmpty).to_owned(),
        Reason::TooLong => c.get(Msg::ReasonTooLong).to_owned(),
        Reason::NotAReportCode => c.get(Msg::ReasonNotAReportCode).to_owned(),
        Reason::UnsupportedVersion(v) => c.fill(
            Msg::ReasonUnsupportedVersion,
            &[("version", &v.to_string())],
        ),
        Reason::ForbiddenCharacter(ch) => {
            c.fill(Msg::ReasonForbiddenCharacter, &[("char", &code_point(*ch))])
        }
        Reason::NotKeyValue => c.get(Msg::ReasonNotKeyValue).to_owned(),
        Reason::UnknownKey => c.get(Msg::ReasonUnknownKey).to_owned(),
        Reason::OutOfOrder(k) => key(Msg::ReasonOutOfOrder, k),
        Reason::Repeated(k) => key(Msg::ReasonRepeated, k),
        Reason::TooManyImeis => c.get(Msg::ReasonTooManyImeis).to_owned(),
        Reason::MissingKey(k) => key(Msg::ReasonMissingKey, k),
        Reason::NotForRecipient(k) => key(Msg::ReasonNotForRecipient, k),
        Reason::WrongReferenceKind(k) => key(Msg::ReasonWrongReferenceKind, k),
        Reason::BadEscape => c.get(Msg::ReasonBadEscape).to_owned(),
        Reason::BadValue(k, problem) => c.fill(
            Msg::ReasonBadValue,
            &[
                ("key", k.as_str()),
                ("problem", &value_error_words(c, problem)),
            ],
        ),
        Reason::MissingChecksum => c.get(Msg::ReasonMissingChecksum).to_owned(),
        Reason::ChecksumMismatch => c.get(Msg::ReasonChecksumMismatch).to_owned(),
        Reason::TextAfterChecksum => c.get(Msg::ReasonTextAfterChecksum).to_owned(),
    }
}

/// "Line 12: …", as the page shows a refused code.
pub fn error_words(c: &Catalog, error: &DecodeError) -> String {
    c.fill(
        Msg::CheckCodeLine,
        &[
            ("line", &error.line.to_string()),
            ("reason", &reason_words(c, &error.reason)),
        ],
    )
}

fn value_error_words(c: &Catalog, error: &ValueError) -> String {
    match error {
        ValueError::Text(TextError::Empty) => c.get(Msg::ValueEmpty).to_owned(),
        ValueError::Text(TextError::TooLong { max, length }) => c.fill(
            Msg::ValueTooLong,
            &[("max", &max.to_string()), ("length", &length.to_string())],
        ),
        ValueError::Text(TextError::Unsupported(ch)) => {
            c.fill(Msg::ValueCharacter, &[("char", &code_point(*ch))])
        }
        ValueError::Phone(_) => c.get(Msg::ValuePhone).to_owned(),
        ValueError::Imei(_) => c.get(Msg::ValueImei).to_owned(),
        ValueError::Date(_) => c.get(Msg::ValueDate).to_owned(),
        ValueError::UnknownRecipient => c.get(Msg::ValueRecipient).to_owned(),
        ValueError::UnknownEvent => c.get(Msg::ValueEvent).to_owned(),
        ValueError::NotNormalised => c.get(Msg::ValueNotNormalised).to_owned(),
        ValueError::NotAChecksum => c.get(Msg::ValueChecksum).to_owned(),
    }
}

/// A character staff can look up: printable ones as themselves, with
/// their code point, since many are invisible or look like others.
fn code_point(ch: char) -> String {
    if ch.is_control() || is_forbidden(ch) || ch.is_whitespace() {
        format!("U+{:04X}", u32::from(ch))
    } else {
        format!("“{ch}”, U+{:04X}", u32::from(ch))
    }
}

/// The reason's name for programs, as HANDOVER.md lists them. Names never
/// change once published: scripts match on them.
pub fn reason_name(reason: &Reason) -> &'static str {
    match reason {
        Reason::Empty => "empty",
        Reason::TooLong => "too-long",
        Reason::NotAReportCode => "not-a-report-code",
        Reason::UnsupportedVersion(_) => "unsupported-version",
        Reason::ForbiddenCharacter(_) => "forbidden-character",
        Reason::NotKeyValue => "not-key-value",
        Reason::UnknownKey => "unknown-key",
        Reason::OutOfOrder(_) => "out-of-order",
        Reason::Repeated(_) => "repeated",
        Reason::TooManyImeis => "too-many-imeis",
        Reason::MissingKey(_) => "missing-key",
        Reason::NotForRecipient(_) => "not-for-recipient",
        Reason::WrongReferenceKind(_) => "wrong-reference-kind",
        Reason::BadEscape => "bad-escape",
        Reason::BadValue(..) => "bad-value",
        Reason::MissingChecksum => "missing-checksum",
        Reason::ChecksumMismatch => "checksum-mismatch",
        Reason::TextAfterChecksum => "text-after-checksum",
    }
}

/// The key a reason is about, for the reasons that name one.
pub fn reason_key(reason: &Reason) -> Option<Key> {
    match reason {
        Reason::OutOfOrder(k)
        | Reason::Repeated(k)
        | Reason::MissingKey(k)
        | Reason::NotForRecipient(k)
        | Reason::WrongReferenceKind(k)
        | Reason::BadValue(k, _) => Some(*k),
        _ => None,
    }
}

/// What is wrong with a value, for `bad-value`; finer than HANDOVER.md
/// requires a reader to tell, so other readers need not agree on it.
pub fn problem_name(error: &ValueError) -> &'static str {
    match error {
        ValueError::Text(TextError::Empty) => "empty",
        ValueError::Text(TextError::TooLong { .. }) => "too-long",
        ValueError::Text(TextError::Unsupported(_)) => "character",
        ValueError::Phone(_) => "phone",
        ValueError::Imei(_) => "imei",
        ValueError::Date(_) => "date",
        ValueError::UnknownRecipient => "recipient",
        ValueError::UnknownEvent => "event",
        ValueError::NotNormalised => "not-normalised",
        ValueError::NotAChecksum => "not-a-checksum",
    }
}

/// `U+202E`: the character a `forbidden-character` reason is about.
pub fn character_name(ch: char) -> String {
    format!("U+{:04X}", u32::from(ch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::CompiledEnglish;

    #[test]
    fn words_fill_every_placeholder() {
        let c = Catalog::compiled_english(CompiledEnglish::Whole);
        let cases = [
            (
                Reason::UnsupportedVersion(2),
                "This is version 2 of the report code. This page can only read version 1.",
            ),
            (
                Reason::ForbiddenCharacter('\u{202E}'),
                "This line has a hidden character (U+202E) that a report code must not have.",
            ),
            (
                Reason::BadValue(Key::Make, ValueError::Text(TextError::Unsupported('é'))),
                "The MAKE line is not right: it has a character that is not allowed (“é”, U+00E9).",
            ),
            (
                Reason::BadValue(
                    Key::Name,
                    ValueError::Text(TextError::TooLong {
                        max: 50,
                        length: 51,
                    }),
                ),
                "The NAME line is not right: it is too long. It has 51 and can have at most 50.",
            ),
            (
                Reason::OutOfOrder(Key::Phone),
                "The PHONE line is in the wrong place.",
            ),
        ];
        for (reason, words) in cases {
            assert_eq!(reason_words(&c, &reason), words);
        }
        let error = DecodeError {
            line: 12,
            reason: Reason::ChecksumMismatch,
        };
        assert_eq!(
            error_words(&c, &error),
            "Line 12: The CRC32 check does not match. Something in the code was changed or misread."
        );
    }

    #[test]
    fn names_are_lower_case_words_joined_by_hyphens() {
        let reasons = [
            Reason::Empty,
            Reason::UnsupportedVersion(3),
            Reason::BadValue(Key::When, ValueError::NotNormalised),
            Reason::TextAfterChecksum,
        ];
        for reason in &reasons {
            let name = reason_name(reason);
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
        }
        assert_eq!(
            reason_key(&Reason::BadValue(Key::When, ValueError::NotNormalised)),
            Some(Key::When)
        );
        assert_eq!(reason_key(&Reason::ChecksumMismatch), None);
        assert_eq!(character_name('\t'), "U+0009");
    }
}
