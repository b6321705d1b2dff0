//! Phone numbers: the victim's own, as they type it, written as E.164
//! (`+447700900123`) when the country can be told so that a provider's
//! system can match it; and the numbers the widget shows a victim to dial,
//! which must work when dialled exactly as shown.
//!
//! One rule holds for both: the trunk zero is never dialled after +44. A
//! victim who types "+44 07700 …" is read without it; a shown number written
//! that way is refused, because a victim would dial it as shown.

use std::fmt;

/// A phone number in E.164 when derivable, otherwise as typed (trimmed).
/// Only digits, spaces and `+ - ( ) . /` are allowed, so it is plain ASCII.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

/// Longest number kept, in characters (E.164 needs at most 16).
pub const MAX_LENGTH: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    TooLong {
        max: usize,
        length: usize,
    },
    /// A letter or symbol that has no place in a phone number.
    Unsupported(char),
    /// Separators only, no digits.
    NoDigits,
}

impl PhoneNumber {
    pub fn parse(typed: &str) -> Result<Self, PhoneError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err(PhoneError::Empty);
        }
        if let Some(c) = typed.chars().find(|&c| !is_allowed(c)) {
            return Err(PhoneError::Unsupported(c));
        }
        if !typed.bytes().any(|b| b.is_ascii_digit()) {
            return Err(PhoneError::NoDigits);
        }
        let number = to_e164(typed).unwrap_or_else(|| typed.to_owned());
        if number.len() > MAX_LENGTH {
            return Err(PhoneError::TooLong {
                max: MAX_LENGTH,
                length: number.len(),
            });
        }
        Ok(PhoneNumber(number))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many digits it has, whatever separates them.
    pub fn digit_count(&self) -> usize {
        self.0.bytes().filter(u8::is_ascii_digit).count()
    }

    pub fn is_e164(&self) -> bool {
        self.0.starts_with('+') && self.0.bytes().skip(1).all(|b| b.is_ascii_digit())
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/')
}

/// E.164 for an international number (`+…` or `00…`) or a UK national one
/// (`0` and ten digits); `None` when the country cannot be told.
pub fn to_e164(typed: &str) -> Option<String> {
    let compact: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/'))
        .collect();
    let international = compact.starts_with('+') || compact.starts_with("00");
    // "+44 (0)7700 …": the bracketed trunk zero is dialled only at home.
    let compact = if international {
        compact.replacen("(0)", "", 1)
    } else {
        compact
    };
    let compact: String = compact
        .chars()
        .filter(|c| !matches!(c, '(' | ')'))
        .collect();

    let digits = if let Some(rest) = compact.strip_prefix('+') {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix("00") {
        rest.to_owned()
    } else if compact.len() == 11 && compact.starts_with('0') && !compact.starts_with("00") {
        format!("44{}", compact.get(1..)?)
    } else {
        return None;
    };
    // "+44 07700 …" also appears; the trunk zero never follows a country code.
    let digits = match digits.strip_prefix("440") {
        Some(rest) => format!("44{rest}"),
        None => digits,
    };
    // Nor does a second zero: "+44 0 0…" is no UK number, and reading it
    // as "+440…" would change it again when read back.
    let valid = (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
        && !digits.starts_with("440");
    valid.then(|| format!("+{digits}"))
}

// ---------------------------------------------------------------------------
// Numbers the widget shows

/// A number a UK caller can dial or text: a 3-digit short code (101, 159), a 5-digit one (the
/// text number 61016, the relay prefix 18000), a national number starting 01, 02, 03, 07, 0800
/// or 0808 of the right length, or the same in +44 form. Spaces are allowed.
pub fn is_valid_uk_phone_number(number: &str) -> bool {
    national_digits(number).is_some()
}

/// A `tel:` link in international form, or `None` for a number that is not valid.
/// Short codes stay as they are: they only work when dialled from a UK phone.
pub fn tel_uri(number: &str) -> Option<String> {
    let digits = national_digits(number)?;
    match digits.strip_prefix('0') {
        Some(rest) => Some(format!("tel:+44{rest}")),
        None => Some(format!("tel:{digits}")),
    }
}

/// The number as national digits ("0808...", "101"), or `None` when it is not dialable.
fn national_digits(number: &str) -> Option<String> {
    let compact: String = number.chars().filter(|c| *c != ' ').collect();
    let (international, digits) = match compact.strip_prefix("+44") {
        Some(rest) => (true, rest.to_string()),
        None => (false, compact),
    };
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    if international {
        // "+44 0..." is a common typing slip that does not connect.
        if digits.starts_with('0') {
            return None;
        }
        let national = format!("0{digits}");
        return is_national_number(&national).then_some(national);
    }
    if matches!(digits.len(), 3 | 5) && !digits.starts_with('0') {
        return Some(digits);
    }
    is_national_number(&digits).then_some(digits)
}

fn is_national_number(digits: &str) -> bool {
    let length = digits.len();
    // 070 (personal numbers) and 076 (pagers) look like mobiles but are charged at high rates
    // and are a known route for scams, so they are never shown.
    if digits.starts_with("070") || digits.starts_with("076") {
        return false;
    }
    if digits.starts_with("0800") {
        return length == 10 || length == 11;
    }
    if digits.starts_with("0808") {
        return length == 11;
    }
    if digits.starts_with("01") {
        return length == 10 || length == 11;
    }
    ["02", "03", "07"]
        .iter()
        .any(|prefix| digits.starts_with(prefix))
        && length == 11
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_in_the_forms_victims_see() {
        for good in [
            "101",
            "159",
            "61016",
            "18000",
            "0808 16 89 111",
            "0800 40 50 40",
            "0300 123 2040",
            "0344 809 0202",
            "020 7946 0000",
            "+44 7836 191191",
            "+44 300 123 2040",
        ] {
            assert!(is_valid_uk_phone_number(good), "{good} should be valid");
        }
        for bad in [
            "",
            "10",
            "1010",
            "01016",
            "610160",
            "0300 123 204",
            "0909 123 4567",
            "0700 123 4567",
            "+44 0300 123 2040",
            "0300-123-2040",
            "call 101",
        ] {
            assert!(!is_valid_uk_phone_number(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn tel_links_use_the_international_form() {
        assert_eq!(
            tel_uri("0808 16 89 111").as_deref(),
            Some("tel:+448081689111")
        );
        assert_eq!(
            tel_uri("+44 7836 191191").as_deref(),
            Some("tel:+447836191191")
        );
        assert_eq!(tel_uri("101").as_deref(), Some("tel:101"));
        assert_eq!(tel_uri("not a number"), None);
    }

    #[test]
    fn uk_numbers_become_e164_however_they_are_typed() {
        for typed in [
            "07700 900123",
            "07700-900-123",
            "+44 7700 900123",
            "+44 (0)7700 900123",
            "+44 (0) 7700 900 123",
            "0044 7700 900123",
            "+4407700900123",
            "(07700) 900123",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed).unwrap().as_str(),
                "+447700900123",
                "{typed}"
            );
        }
    }

    #[test]
    fn other_international_numbers_keep_their_country() {
        assert_eq!(
            PhoneNumber::parse("+33 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
        assert_eq!(
            PhoneNumber::parse("0033 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
    }

    #[test]
    fn numbers_whose_country_cannot_be_told_are_kept_as_typed() {
        let number = PhoneNumber::parse(" 06 12 34 56 78 ").unwrap();
        assert_eq!(number.as_str(), "06 12 34 56 78");
        assert!(!number.is_e164());
        assert_eq!(PhoneNumber::parse("+12").unwrap().as_str(), "+12");
    }

    #[test]
    fn refuses_what_is_not_a_phone_number() {
        assert_eq!(PhoneNumber::parse("  "), Err(PhoneError::Empty));
        assert_eq!(
            PhoneNumber::parse("call me"),
            Err(PhoneError::Unsupported('c'))
        );
        assert_eq!(PhoneNumber::parse("+()"), Err(PhoneError::NoDigits));
        assert_eq!(
            PhoneNumber::parse(&"1 ".repeat(20)),
            Err(PhoneError::TooLong {
                max: 20,
                length: 39
            })
        );
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for typed in [
            "07700 900123",
            "06 12 34 56 78",
            "+12",
            "123",
            "+440 0000000",
            "0044 0 07700 900123",
        ] {
            let once = PhoneNumber::parse(typed).unwrap();
            assert_eq!(PhoneNumber::parse(once.as_str()).unwrap(), once);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The report code checks that a number reads back as written.
        #[test]
        fn normalising_twice_changes_nothing(typed in "[0-9 +()./-]{1,20}") {
            if let Ok(once) = PhoneNumber::parse(&typed) {
                prop_assert_eq!(PhoneNumber::parse(once.as_str()), Ok(once));
            }
        }
    }
}
