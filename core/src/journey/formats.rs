//! Dates, times and UK postcodes read the way people type them.

use std::fmt;

/// A real calendar date. Only `Date::new` makes one, so it is always real.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `None` unless the day exists in that month and year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let real = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        real.then_some(Date { year, month, day })
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

/// Why a typed date is not a date. The first missing part is named so that
/// the error can point at its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Missing,
    MissingDay,
    MissingMonth,
    MissingYear,
    /// The year is not 4 digits.
    YearNotFourDigits,
    /// Parts that are not numbers (or a month name), or a day that does not
    /// exist, such as 31 April.
    NotReal,
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
    let day = small_number(day, 2).ok_or(DateError::NotReal)?;
    let month = small_number(month, 2)
        .or_else(|| month_from_name(month))
        .ok_or(DateError::NotReal)?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::YearNotFourDigits);
    }
    let year = year.parse::<u16>().map_err(|_| DateError::NotReal)?;
    Date::new(year, month, day).ok_or(DateError::NotReal)
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

/// A time of day, on the 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    pub fn new(hour: u8, minute: u8) -> Option<TimeOfDay> {
        (hour < 24 && minute < 60).then_some(TimeOfDay { hour, minute })
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

/// Reads a time as people type it: `21:30`, `21.30`, `2130`, `9.30pm`,
/// `9:30 p.m.`, `9pm`, `12am` (midnight), `noon`, `midnight`.
pub fn parse_time(text: &str) -> Option<TimeOfDay> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match compact.as_str() {
        "noon" | "midday" => return TimeOfDay::new(12, 0),
        "midnight" => return TimeOfDay::new(0, 0),
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
    TimeOfDay::new(hour, minute)
}

fn strip_suffixes<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| text.strip_suffix(s))
}

/// A UK postcode in its usual form (`SW1A 1AA`), if the text looks like one:
/// an outward code (`A9`, `A99`, `AA9`, `AA99`, `A9A` or `AA9A`), then an
/// inward code (`9AA`). Spaces and case do not matter.
pub fn normalise_postcode(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !compact.is_ascii() || !(5..=7).contains(&compact.len()) {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let shape = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'A'..='Z' => 'A',
                '0'..='9' => '9',
                _ => '?',
            })
            .collect()
    };
    let outward_ok = matches!(
        shape(outward).as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    ) || outward == "GIR";
    (outward_ok && shape(inward) == "9AA").then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_date_with_a_month_number_or_name() {
        let expected = Date::new(2025, 3, 9);
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
        assert_eq!(parse_date("31", "4", "2025"), Err(DateError::NotReal));
        assert_eq!(parse_date("29", "2", "2025"), Err(DateError::NotReal));
        assert!(parse_date("29", "2", "2024").is_ok());
        assert_eq!(parse_date("x", "2", "2025"), Err(DateError::NotReal));
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
        let half_nine_pm = TimeOfDay::new(21, 30);
        for text in ["21:30", "21.30", "2130", "9.30pm", "9:30 PM", "9.30 p.m."] {
            assert_eq!(parse_time(text), half_nine_pm, "{text}");
        }
        assert_eq!(parse_time("9pm"), TimeOfDay::new(21, 0));
        assert_eq!(parse_time("12am"), TimeOfDay::new(0, 0));
        assert_eq!(parse_time("12pm"), TimeOfDay::new(12, 0));
        assert_eq!(parse_time("noon"), TimeOfDay::new(12, 0));
    }

    #[test]
    fn refuses_times_that_do_not_exist() {
        for text in ["25:00", "9:60", "13pm", "0am", "9", "9:3", "half nine", ""] {
            assert_eq!(parse_time(text), None, "{text}");
        }
    }

    #[test]
    fn normalises_postcodes_of_every_shape() {
        for (typed, expected) in [
            ("sw1a1aa", "SW1A 1AA"),
            ("M1 1AE", "M1 1AE"),
            ("b33 8th", "B33 8TH"),
            ("cr2 6xh", "CR2 6XH"),
            ("DN55 1PT", "DN55 1PT"),
            ("W1A 0AX", "W1A 0AX"),
        ] {
            assert_eq!(normalise_postcode(typed).as_deref(), Some(expected));
        }
    }

    #[test]
    fn refuses_text_that_is_not_a_postcode() {
        for text in ["", "London", "12345", "SW1A 1A", "SW1A-1AA", "ÄB1 1AA"] {
            assert_eq!(normalise_postcode(text), None, "{text}");
        }
    }
}
