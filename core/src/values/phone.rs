//! Phone numbers as victims type them, written as E.164 (`+447700900123`)
//! when the country can be told, so a provider's system can match them.

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

#[cfg(test)]
mod tests {
    use super::*;

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
