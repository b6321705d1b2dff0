//! IMEI parsing and the Luhn check digit (3GPP TS 23.003: TAC 8 digits,
//! serial 6 digits, then a check digit over the first 14).

use std::fmt;

/// A 15-digit IMEI whose check digit is right. Only `parse` makes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Imei([u8; 15]);

impl Imei {
    /// Type Allocation Code: the first 8 digits, which name the model.
    pub fn tac(&self) -> String {
        digits_to_string(&self.0[..8])
    }

    /// The 6-digit serial number within the TAC.
    pub fn serial(&self) -> String {
        digits_to_string(&self.0[8..14])
    }

    pub fn check_digit(&self) -> u8 {
        self.0[14]
    }
}

impl fmt::Display for Imei {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&digits_to_string(&self.0))
    }
}

/// Why some text is not an IMEI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImeiError {
    Empty,
    /// A character that is neither a digit nor a separator.
    NotADigit(char),
    TooShort {
        digits: usize,
    },
    TooLong {
        digits: usize,
    },
    /// 15 digits, but the last does not match the other 14.
    WrongCheckDigit {
        expected: u8,
    },
}

/// Reads an IMEI as people type it: spaces, hyphens, dots and slashes are
/// ignored.
pub fn parse(input: &str) -> Result<Imei, ImeiError> {
    let mut digits = Vec::with_capacity(15);
    for c in input.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '-' | '.' | '/' | '\t' | '\n' | '\r' => {}
            other => return Err(ImeiError::NotADigit(other)),
        }
    }
    match digits.len() {
        0 => Err(ImeiError::Empty),
        n if n < 15 => Err(ImeiError::TooShort { digits: n }),
        n if n > 15 => Err(ImeiError::TooLong { digits: n }),
        _ => {
            let mut all = [0u8; 15];
            all.copy_from_slice(&digits);
            let expected = luhn_check_digit(all[..14].try_into().expect("14 digits"));
            if all[14] == expected {
                Ok(Imei(all))
            } else {
                Err(ImeiError::WrongCheckDigit { expected })
            }
        }
    }
}

/// The Luhn check digit for 14 digits: double every second digit from the
/// left (the 2nd, 4th, ...), add the digits of the results, and take what
/// brings the sum to a multiple of ten.
pub fn luhn_check_digit(digits: &[u8; 14]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                doubled / 10 + doubled % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_valid_imei_typed_with_spaces() {
        let imei = parse("35-209900 176148 1").unwrap();
        assert_eq!(imei.to_string(), "352099001761481");
        assert_eq!(imei.tac(), "35209900");
        assert_eq!(imei.serial(), "176148");
        assert_eq!(imei.check_digit(), 1);
    }

    #[test]
    fn names_the_right_check_digit_when_one_is_wrong() {
        assert_eq!(
            parse("352099001761482"),
            Err(ImeiError::WrongCheckDigit { expected: 1 })
        );
    }

    #[test]
    fn counts_the_digits_when_too_few_or_too_many() {
        assert_eq!(parse(""), Err(ImeiError::Empty));
        assert_eq!(parse("  "), Err(ImeiError::Empty));
        assert_eq!(
            parse("3520990017614"),
            Err(ImeiError::TooShort { digits: 13 })
        );
        assert_eq!(
            parse("35209900176148112"),
            Err(ImeiError::TooLong { digits: 17 })
        );
    }

    #[test]
    fn names_the_first_character_that_is_not_a_digit() {
        assert_eq!(parse("35209900176148O"), Err(ImeiError::NotADigit('O')));
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_computed_check_digit_always_validates(body in prop::array::uniform14(0u8..10)) {
            let check = luhn_check_digit(&body);
            let text: String = body.iter().chain([&check]).map(|&d| char::from(b'0' + d)).collect();
            prop_assert!(parse(&text).is_ok());
        }

        #[test]
        fn any_text_gives_a_result_and_never_panics(text in any::<String>()) {
            let _ = parse(&text);
        }
    }
}
