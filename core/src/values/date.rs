//! Dates and times: the one set of types for what the victim types, what
//! the journey checks and what the report code carries. They read either
//! as people type them (three date boxes, a time on either clock) or as
//! the report code's ISO 8601, and write ISO 8601.

use std::fmt;

/// A real calendar date (proleptic Gregorian), years 0000 to 9999. Only
/// `Date::new` makes one, so it is always real.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `NoSuchDate` unless the day exists in that month and year.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        let real = year <= 9999
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if real {
            Ok(Date { year, month, day })
        } else {
            Err(DateError::NoSuchDate)
        }
    }

    /// Exactly `YYYY-MM-DD`, nothing looser.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(DateError::NotIso8601);
        }
        let year = number(text.get(0..4))?;
        let month = number(text.get(5..7))?;
        let day = number(text.get(8..10))?;
        Date::new(year, month as u8, day as u8)
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

    /// Days since 1970-01-01 (H. Hinnant's algorithm), to count days
    /// between dates.
    pub fn days_since_1970(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whether this date is more than a year before `today`.
    pub fn is_over_a_year_before(self, today: Date) -> bool {
        let a_year_before = (today.year.saturating_sub(1), today.month, today.day);
        (self.year, self.month, self.day) < a_year_before
    }
}

/// ISO 8601, e.g. `2025-03-09`: unambiguous for the police and insurers.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// A time of day, on the 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    pub fn new(hour: u8, minute: u8) -> Result<TimeOfDay, DateError> {
        if hour < 24 && minute < 60 {
            Ok(TimeOfDay { hour, minute })
        } else {
            Err(DateError::NoSuchTime)
        }
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }
}

/// `21:30`.
impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// Why a date, time or offset cannot be used. The first missing part of a
/// typed date is named so that the error can point at its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Missing,
    MissingDay,
    MissingMonth,
    MissingYear,
    /// The year is not 4 digits.
    YearNotFourDigits,
    /// A day that does not exist, such as 31 April, or typed parts that are
    /// not numbers (or a month name).
    NoSuchDate,
    NoSuchTime,
    /// Not written as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM+HH:MM`.
    NotIso8601,
    /// Offsets run from -12:00 to +14:00.
    OffsetOutOfRange,
}

/// Reads the three boxes of a date. The month may be a number or an English
/// month name or its first three letters, as on GOV.UK.
pub fn parse_date(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    match (day.is_empty(), month.is_empty(), year.is_empty()) {
        (true, true, true) => return Err(DateError::Missing),
        (true, _, _) => return Err(DateError::MissingDay),
        (_, true, _) => return Err(DateError::MissingMonth),
        (_, _, true) => return Err(DateError::MissingYear),
        _ => {}
    }
    let day = small_number(day, 2).ok_or(DateError::NoSuchDate)?;
    let month = small_number(month, 2)
        .or_else(|| month_from_name(month))
        .ok_or(DateError::NoSuchDate)?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::YearNotFourDigits);
    }
    let year = year.parse::<u16>().map_err(|_| DateError::NoSuchDate)?;
    Date::new(year, month, day)
}

/// Up to `max_digits` ASCII digits, as a number.
fn small_number(text: &str, max_digits: usize) -> Option<u8> {
    let digits_only = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || text.len() > max_digits {
        return None;
    }
    text.parse().ok()
}

fn month_from_name(text: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.to_ascii_lowercase();
    let found = MONTHS
        .iter()
        .position(|&name| name == text || (text.chars().count() == 3 && name.starts_with(&text)))?;
    u8::try_from(found + 1).ok()
}

/// Reads a time as people type it: `21:30`, `21.30`, `2130`, `9.30pm`,
/// `9:30 p.m.`, `9pm`, `12am` (midnight), `noon`, `midnight`.
pub fn parse_time(text: &str) -> Option<TimeOfDay> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match compact.as_str() {
        "noon" | "midday" => return TimeOfDay::new(12, 0).ok(),
        "midnight" => return TimeOfDay::new(0, 0).ok(),
        _ => {}
    }
    let unmarked = compact.replace('.', ":");
    let (clock, afternoon) = if let Some(rest) = strip_suffixes(&unmarked, &["pm", "p:m:", "p:m"]) {
        (rest, Some(true))
    } else if let Some(rest) = strip_suffixes(&unmarked, &["am", "a:m:", "a:m"]) {
        (rest, Some(false))
    } else {
        (unmarked.as_str(), None)
    };
    let (hour, minute) = match clock.split_once(':') {
        Some((hour, minute)) if minute.len() == 2 => {
            (small_number(hour, 2)?, small_number(minute, 2)?)
        }
        Some(_) => return None,
        // `2130` on the 24-hour clock, or a bare hour before am/pm.
        None if afternoon.is_none() && clock.len() == 4 => (
            small_number(clock.get(..2)?, 2)?,
            small_number(clock.get(2..)?, 2)?,
        ),
        None if afternoon.is_some() => (small_number(clock, 2)?, 0),
        None => return None,
    };
    let hour = match afternoon {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(true) if hour == 12 => 12,
        Some(true) => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(false) => hour,
    };
    TimeOfDay::new(hour, minute).ok()
}

fn strip_suffixes<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| text.strip_suffix(s))
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
        let date = Date::parse_iso(date_part)?;
        let time = time_part.map(parse_local_time).transpose()?;
        Ok(When { date, time })
    }
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
    fn reads_a_date_with_a_month_number_or_name() {
        let expected = Date::new(2025, 3, 9).ok();
        assert_eq!(parse_date(" 9 ", "3", "2025").ok(), expected);
        assert_eq!(parse_date("09", "March", "2025").ok(), expected);
        assert_eq!(parse_date("9", "mar", "2025").ok(), expected);
    }

    #[test]
    fn names_the_first_missing_part_of_a_date() {
        assert_eq!(parse_date("", " ", ""), Err(DateError::Missing));
        assert_eq!(parse_date("", "3", "2025"), Err(DateError::MissingDay));
        assert_eq!(parse_date("9", "", "2025"), Err(DateError::MissingMonth));
        assert_eq!(parse_date("9", "3", ""), Err(DateError::MissingYear));
    }

    #[test]
    fn refuses_a_day_that_does_not_exist_or_a_short_year() {
        assert_eq!(parse_date("31", "4", "2025"), Err(DateError::NoSuchDate));
        assert_eq!(parse_date("29", "2", "2025"), Err(DateError::NoSuchDate));
        assert!(parse_date("29", "2", "2024").is_ok());
        assert_eq!(parse_date("x", "2", "2025"), Err(DateError::NoSuchDate));
        assert_eq!(
            parse_date("1", "2", "25"),
            Err(DateError::YearNotFourDigits)
        );
    }

    #[test]
    fn a_year_ago_is_counted_by_the_calendar() {
        let today = Date::new(2025, 3, 9).unwrap();
        assert!(!Date::new(2024, 3, 9).unwrap().is_over_a_year_before(today));
        assert!(Date::new(2024, 3, 8).unwrap().is_over_a_year_before(today));
    }

    #[test]
    fn reads_times_on_either_clock() {
        let half_nine_pm = TimeOfDay::new(21, 30).ok();
        for text in ["21:30", "21.30", "2130", "9.30pm", "9:30 PM", "9.30 p.m."] {
            assert_eq!(parse_time(text), half_nine_pm, "{text}");
        }
        assert_eq!(parse_time("9pm"), TimeOfDay::new(21, 0).ok());
        assert_eq!(parse_time("12am"), TimeOfDay::new(0, 0).ok());
        assert_eq!(parse_time("12pm"), TimeOfDay::new(12, 0).ok());
        assert_eq!(parse_time("noon"), TimeOfDay::new(12, 0).ok());
    }

    #[test]
    fn refuses_times_that_do_not_exist() {
        for text in ["25:00", "9:60", "13pm", "0am", "9", "9:3", "half nine", ""] {
            assert_eq!(parse_time(text), None, "{text}");
        }
    }

    #[test]
    fn days_are_counted_from_1970() {
        let days = |y, m, d| Date::new(y, m, d).unwrap().days_since_1970();
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2000, 3, 1), 11_017);
        assert_eq!(days(2024, 3, 1) - days(2024, 2, 28), 2);
        assert_eq!(days(1969, 12, 31), -1);
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
