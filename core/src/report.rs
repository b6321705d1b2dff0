//! What the victim has told us that goes into the report codes. Each field's
//! rules live in its type, so a `Report` that exists can always be encoded
//! into a code of bounded size.

use std::fmt;

use crate::imei::Imei;
use crate::phone::PhoneNumber;

/// A report as the victim gave it. `I` is the IMEI type: `Imei` (check digit
/// right) when the victim builds it, `ImeiLine` when it is read back from a
/// code, where a wrong check digit is shown to staff rather than refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report<I = Imei> {
    pub imeis: Imeis<I>,
    pub phone: Option<PhoneNumber>,
    pub make: Option<Make>,
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
pub type Make = Text<20>;
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

/// When it happened, as local time with its offset from UTC. The time is
/// optional; the date is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct When {
    pub date: Date,
    pub time: Option<LocalTime>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LocalTime {
    pub time: TimeOfDay,
    pub offset: UtcOffset,
}

/// Why a date, time or offset cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM+HH:MM`.
    NotIso8601,
    NoSuchDate,
    NoSuchTime,
    /// Offsets run from -12:00 to +14:00.
    OffsetOutOfRange,
}

/// A calendar date (proleptic Gregorian), years 0000 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(DateError::NoSuchDate),
        };
        if year > 9999 || day == 0 || day > days {
            return Err(DateError::NoSuchDate);
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    pub fn new(hour: u8, minute: u8) -> Result<Self, DateError> {
        if hour > 23 || minute > 59 {
            return Err(DateError::NoSuchTime);
        }
        Ok(TimeOfDay { hour, minute })
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }
}

/// Minutes east of UTC, e.g. 60 for British Summer Time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcOffset(i16);

impl UtcOffset {
    pub const UTC: UtcOffset = UtcOffset(0);

    pub fn from_minutes(minutes: i16) -> Result<Self, DateError> {
        if (-12 * 60..=14 * 60).contains(&minutes) {
            Ok(UtcOffset(minutes))
        } else {
            Err(DateError::OffsetOutOfRange)
        }
    }

    pub fn minutes(self) -> i16 {
        self.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let minutes = self.0.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// ISO 8601: `2026-11-24T21:30+00:00`, or `2026-11-24` without a time.
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(LocalTime { time, offset }) = self.time {
            write!(f, "T{:02}:{:02}{offset}", time.hour, time.minute)?;
        }
        Ok(())
    }
}

impl When {
    /// Reads exactly the form `Display` writes, nothing looser.
    pub fn parse_iso(text: &str) -> Result<When, DateError> {
        let (date_part, time_part) = match text.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (text, None),
        };
        let date = parse_date(date_part)?;
        let time = time_part.map(parse_local_time).transpose()?;
        Ok(When { date, time })
    }
}

fn parse_date(text: &str) -> Result<Date, DateError> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return Err(DateError::NotIso8601);
    }
    let year = number(text.get(0..4))?;
    let month = number(text.get(5..7))?;
    let day = number(text.get(8..10))?;
    Date::new(year, month as u8, day as u8)
}

fn parse_local_time(text: &str) -> Result<LocalTime, DateError> {
    // HH:MM then ±HH:MM
    let bytes = text.as_bytes();
    if bytes.len() != 11 || bytes.get(2) != Some(&b':') || bytes.get(8) != Some(&b':') {
        return Err(DateError::NotIso8601);
    }
    let hour = number(text.get(0..2))?;
    let minute = number(text.get(3..5))?;
    let time = TimeOfDay::new(hour as u8, minute as u8)?;
    let sign: i16 = match bytes.get(5) {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(DateError::NotIso8601),
    };
    let offset_hours = number(text.get(6..8))?;
    let offset_minutes = number(text.get(9..11))?;
    if offset_minutes > 59 {
        return Err(DateError::OffsetOutOfRange);
    }
    let minutes = sign * (offset_hours as i16 * 60 + offset_minutes as i16);
    // "-00:00" means "offset unknown" in RFC 3339; the format writes "+00:00".
    if sign < 0 && minutes == 0 {
        return Err(DateError::NotIso8601);
    }
    let offset = UtcOffset::from_minutes(minutes)?;
    Ok(LocalTime { time, offset })
}

/// Fixed-width ASCII digits (so never more than 4, never overflowing).
fn number(digits: Option<&str>) -> Result<u16, DateError> {
    let digits = digits.ok_or(DateError::NotIso8601)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::NotIso8601);
    }
    digits.parse().map_err(|_| DateError::NotIso8601)
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
        assert!(Make::new(&"a".repeat(20)).is_ok());
        assert_eq!(
            Make::new(&"é".repeat(11)),
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

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(Date::new(2024, 2, 29).is_ok());
        assert_eq!(Date::new(2026, 2, 29), Err(DateError::NoSuchDate));
        assert_eq!(Date::new(2026, 13, 1), Err(DateError::NoSuchDate));
        assert_eq!(TimeOfDay::new(24, 0), Err(DateError::NoSuchTime));
        assert_eq!(
            UtcOffset::from_minutes(15 * 60),
            Err(DateError::OffsetOutOfRange)
        );
    }

    #[test]
    fn when_is_written_and_read_as_iso_8601() {
        let when = When {
            date: Date::new(2026, 11, 24).unwrap(),
            time: Some(LocalTime {
                time: TimeOfDay::new(21, 30).unwrap(),
                offset: UtcOffset::from_minutes(-330).unwrap(),
            }),
        };
        assert_eq!(when.to_string(), "2026-11-24T21:30-05:30");
        assert_eq!(When::parse_iso("2026-11-24T21:30-05:30"), Ok(when));
        let date_only = When::parse_iso("2026-11-24").unwrap();
        assert_eq!(date_only.to_string(), "2026-11-24");
        for loose in [
            "2026-11-24T21:30Z",
            "2026-11-24T21:30",
            "2026-11-24T21:30-00:00",
            "26-11-24",
            "2026-11-24T21:30:00+00:00",
            "+026-11-24",
            "2026-11-24T",
        ] {
            assert_eq!(
                When::parse_iso(loose),
                Err(DateError::NotIso8601),
                "{loose}"
            );
        }
    }
}
