//! What the victim has told us that goes into the report codes. Each field's
//! rules live in its type, so a `Report` that exists can always be encoded
//! into a code of bounded size.

pub mod code;
pub mod photo;
pub mod qr;
pub mod reason;

use std::fmt;

use crate::device::imei::Imei;
use crate::values::date::When;
use crate::values::phone::PhoneNumber;

/// A report as the victim gave it. `I` is the IMEI type: `Imei` (check digit
/// right) when the victim builds it, `ImeiLine` when it is read back from a
/// code, where a wrong check digit is shown to staff rather than refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report<I = Imei> {
    pub imeis: Imeis<I>,
    pub phone: Option<PhoneNumber>,
    pub make: Option<MakerName>,
    pub model: Option<Model>,
    pub what_happened: WhatHappened,
    pub when: When,
    /// A crime reference, or a lost-property reference when the phone was
    /// lost. `None`: "I'll add it later".
    pub reference: Option<Reference>,
    pub police_force: Option<PoliceForce>,
    pub insurance: Insurance,
    /// Only what the victim chose to add.
    pub victim: Victim,
}

/// Up to two IMEIs (dual SIM). `NotFound` is the "I can't find it" answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imeis<I = Imei> {
    NotFound,
    One(I),
    Two(I, I),
}

impl<I> Imeis<I> {
    pub fn iter(&self) -> impl Iterator<Item = &I> {
        let (first, second) = match self {
            Imeis::NotFound => (None, None),
            Imeis::One(a) => (Some(a), None),
            Imeis::Two(a, b) => (Some(a), Some(b)),
        };
        first.into_iter().chain(second)
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Imeis::NotFound)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WhatHappened {
    /// Taken by force or threat.
    Robbery,
    /// Pickpocketed or snatched.
    Theft,
    Burglary,
    /// Not a crime: the reference is a lost-property one.
    Lost,
}

impl WhatHappened {
    pub const ALL: [WhatHappened; 4] = [
        WhatHappened::Robbery,
        WhatHappened::Theft,
        WhatHappened::Burglary,
        WhatHappened::Lost,
    ];

    pub fn is_crime(self) -> bool {
        !matches!(self, WhatHappened::Lost)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Insurance {
    pub insurer: Option<InsurerName>,
    pub policy_number: Option<PolicyNumber>,
    pub claim_reference: Option<ClaimReference>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Victim {
    pub name: Option<PersonName>,
    pub address: Option<Address>,
}

// Length limits are in UTF-8 bytes as written in a code (a line break or a
// backslash counts 2), so the largest report still fits a QR code that scans
// easily. For unaccented Latin letters a byte is a character.
pub type MakerName = Text<20>;
pub type Model = Text<40>;
pub type PoliceForce = Text<40>;
pub type InsurerName = Text<40>;
pub type PersonName = Text<50>;
/// May hold line breaks.
pub type Address = Text<120>;
pub type Reference = Code<30>;
pub type PolicyNumber = Code<30>;
pub type ClaimReference = Code<30>;

/// Why some typed text cannot go into a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    Empty,
    /// `length` and `max` are in bytes of UTF-8 as written in a code.
    TooLong {
        max: usize,
        length: usize,
    },
    /// A control or text-direction character, or (in a reference) anything
    /// outside printable ASCII.
    Unsupported(char),
}

/// Free text in any script, at most `MAX` bytes as written in a code.
/// Line breaks of every kind become `\n`, tabs become spaces, the ends are
/// trimmed. Control characters and bidi controls are refused, so nothing
/// can display one way and mean another.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Text<MAX> {
    pub const MAX: usize = MAX;

    pub fn new(input: &str) -> Result<Self, TextError> {
        let unified: String = input
            .replace("\r\n", "\n")
            .chars()
            .map(|c| match c {
                '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
                '\t' => ' ',
                other => other,
            })
            .collect();
        let text = unified.trim();
        if text.is_empty() {
            return Err(TextError::Empty);
        }
        let length = encoded_length(text);
        if length > MAX {
            return Err(TextError::TooLong { max: MAX, length });
        }
        if let Some(c) = text.chars().find(|&c| c != '\n' && is_forbidden(c)) {
            return Err(TextError::Unsupported(c));
        }
        Ok(Text(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reference or policy number: printable ASCII without backslash, at most
/// `MAX` characters, ends trimmed. Such numbers are ASCII, and keeping them so
/// means no look-alike letters and no escaping in a code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Code<const MAX: usize>(String);

impl<const MAX: usize> Code<MAX> {
    pub const MAX: usize = MAX;

    pub fn new(input: &str) -> Result<Self, TextError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(TextError::Empty);
        }
        if text.len() > MAX {
            return Err(TextError::TooLong {
                max: MAX,
                length: text.len(),
            });
        }
        if let Some(c) = text
            .chars()
            .find(|&c| !(c == ' ' || c.is_ascii_graphic()) || c == '\\')
        {
            return Err(TextError::Unsupported(c));
        }
        Ok(Code(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Display for Code<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Characters that must never appear in a value: controls (a line break is
/// allowed in `Text` and escaped in a code) and bidi controls, which could
/// make a code read differently from what it holds.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Bytes of `text` as written in a code, where `\n` and `\\` are escapes.
pub fn encoded_length(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\n' | '\\' => 2,
            other => other.len_utf8(),
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_unifies_line_breaks_and_trims() {
        let address = Address::new("  1 High St\r\nLondon\u{2028}E1 1AA\t").unwrap();
        assert_eq!(address.as_str(), "1 High St\nLondon\nE1 1AA");
    }

    #[test]
    fn text_refuses_bidi_controls_and_other_controls() {
        assert_eq!(
            PersonName::new("Bob\u{202E}evil"),
            Err(TextError::Unsupported('\u{202E}'))
        );
        assert_eq!(
            PersonName::new("a\u{2066}b"),
            Err(TextError::Unsupported('\u{2066}'))
        );
        assert_eq!(
            PersonName::new("a\u{0}b"),
            Err(TextError::Unsupported('\u{0}'))
        );
        assert_eq!(PersonName::new(" \n "), Err(TextError::Empty));
    }

    #[test]
    fn text_length_counts_bytes_as_written_in_a_code() {
        assert!(MakerName::new(&"a".repeat(20)).is_ok());
        assert_eq!(
            MakerName::new(&"é".repeat(11)),
            Err(TextError::TooLong {
                max: 20,
                length: 22
            })
        );
        let huge = "x".repeat(10_000);
        assert_eq!(
            Address::new(&huge),
            Err(TextError::TooLong {
                max: 120,
                length: 10_000
            })
        );
    }

    #[test]
    fn markup_is_just_text() {
        let name = PersonName::new("<script>alert(1)</script>").unwrap();
        assert_eq!(name.as_str(), "<script>alert(1)</script>");
    }

    #[test]
    fn codes_are_printable_ascii_without_backslash() {
        assert_eq!(
            Reference::new(" 01/123456/26 ").unwrap().as_str(),
            "01/123456/26"
        );
        assert_eq!(Reference::new("12\\34"), Err(TextError::Unsupported('\\')));
        assert_eq!(Reference::new("12–34"), Err(TextError::Unsupported('–')));
        assert_eq!(Reference::new("12\n34"), Err(TextError::Unsupported('\n')));
    }
}
