//! What the barcodes read from a photo of a phone's box label hold: which
//! of them are the phone's IMEIs, in label order, and what the others are
//! (serial number, EID, SIM number, the product's own barcode), so that
//! only a checked IMEI is ever offered for an IMEI field.

use super::imei::{Imei, Reading, examine};

/// What one barcode on the label is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Code {
    /// A correct IMEI, or the IMEI an IMEISV holds.
    Imei(Imei),
    /// The eSIM's EID: it names the eSIM, not the phone.
    Eid,
    /// A SIM card number (ICCID).
    Iccid,
    /// Letters and digits: the phone's serial number.
    SerialNumber,
    /// The product's own barcode (EAN-13, UPC-A or EAN-8), the same on
    /// every phone of the model.
    ProductCode,
    /// Digits that are nearly an IMEI (a wrong or missing check digit, a
    /// test number): never offered, since a photo gives no one to ask.
    NotAnImei,
    /// Anything else (a part number, a web address).
    Other,
}

/// Every barcode on the label, and the IMEIs among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Each barcode's text as the decoder gave it, with what it is, in the
    /// order given (the label's reading order).
    pub codes: Vec<(String, Code)>,
    /// The distinct IMEIs, in label order: an IMEI and an IMEISV of the
    /// same phone count once.
    pub imeis: Vec<Imei>,
}

impl Label {
    /// The IMEIs to offer for IMEI 1 and IMEI 2: none if the label holds
    /// more than two, since then which two belong to the phone is a guess.
    pub fn offered(&self) -> Option<(Imei, Option<Imei>)> {
        match self.imeis.as_slice() {
            [one] => Some((*one, None)),
            [one, two] => Some((*one, Some(*two))),
            _ => None,
        }
    }
}

/// What the victim is told after a photo of the label has been read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// IMEI 1 and maybe IMEI 2 to offer; `others` when the label's other
    /// barcodes (serial number, EID, ...) were read and left out.
    Found {
        first: Imei,
        second: Option<Imei>,
        others: bool,
    },
    /// More than two IMEIs: which two are this phone's is a guess.
    TooMany(usize),
    /// Barcodes were read and none is an IMEI; `nearly` when one looked
    /// like an IMEI but its check digit is wrong or missing.
    NoImei { nearly: bool },
    /// A barcode is in the photo but none could be read: blurred, too far
    /// away or cut off.
    Unreadable,
    /// No barcode was found at all.
    NoBarcode,
}

impl Label {
    /// The verdict on this label; `unread` when the photo held barcodes
    /// that could not be read.
    pub fn verdict(&self, unread: bool) -> Verdict {
        if let Some((first, second)) = self.offered() {
            let others = self.codes.iter().any(|(_, c)| !matches!(c, Code::Imei(_)));
            return Verdict::Found {
                first,
                second,
                others,
            };
        }
        if self.imeis.len() > 2 {
            return Verdict::TooMany(self.imeis.len());
        }
        if !self.codes.is_empty() {
            let nearly = self.codes.iter().any(|(_, c)| *c == Code::NotAnImei);
            return Verdict::NoImei { nearly };
        }
        if unread {
            Verdict::Unreadable
        } else {
            Verdict::NoBarcode
        }
    }
}

/// Reads the barcodes decoded from a label, in reading order.
pub fn read(texts: &[String]) -> Label {
    let codes: Vec<(String, Code)> = texts
        .iter()
        .map(|text| (text.clone(), what_it_is(text)))
        .collect();
    let mut imeis: Vec<Imei> = Vec::new();
    for (_, code) in &codes {
        if let Code::Imei(imei) = code
            && !imeis.contains(imei)
        {
            imeis.push(*imei);
        }
    }
    Label { codes, imeis }
}

fn what_it_is(text: &str) -> Code {
    if is_product_code(text) {
        return Code::ProductCode;
    }
    // A barcode holds one number: several in one code are not an IMEI's.
    let reading = match examine(text, |_| false).found {
        super::imei::Found::One(reading) => reading,
        super::imei::Found::Nothing => return Code::Other,
        _ => return Code::NotAnImei,
    };
    match reading {
        Reading::Imei(imei) | Reading::Imeisv { imei, .. } => Code::Imei(imei),
        Reading::Eid { .. } => Code::Eid,
        Reading::Iccid { .. } => Code::Iccid,
        Reading::SerialNumber { .. } => Code::SerialNumber,
        Reading::MissingCheckDigit { .. }
        | Reading::WrongCheckDigit { .. }
        | Reading::Placeholder { .. }
        | Reading::Meid { .. } => Code::NotAnImei,
        Reading::TooShort { .. }
        | Reading::TooLong { .. }
        | Reading::NotADigit { .. }
        | Reading::PhoneNumber { .. }
        | Reading::ShowImeiCode => Code::Other,
    }
}

/// A GTIN of 8, 12 or 13 digits whose GS1 check digit is right.
fn is_product_code(text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != text.len() || ![8, 12, 13].contains(&digits.len()) {
        return false;
    }
    let Some((&check, body)) = digits.split_last() else {
        return false;
    };
    // From the right, the body's digits weigh 3, 1, 3, ...
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    (10 - sum % 10) % 10 == check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::imei::parse;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a decoder gives, an offered IMEI is one of the codes,
        /// read as a correct IMEI (or an IMEISV's first 14 digits).
        #[test]
        fn only_a_code_that_is_a_correct_imei_is_offered(
            codes in prop::collection::vec("[0-9A-Z:/ ]{0,40}|[0-9]{14,16}", 0..6)
        ) {
            let label = read(&codes);
            prop_assert_eq!(label.codes.len(), codes.len());
            if let Some((one, two)) = label.offered() {
                for imei in std::iter::once(one).chain(two) {
                    let digits = imei.to_string();
                    let from_a_code = codes.iter().any(|c| {
                        let bare: String = c.chars().filter(char::is_ascii_digit).collect();
                        bare == digits || (bare.len() == 16 && bare[..14] == digits[..14])
                    });
                    prop_assert!(from_a_code, "{} from {:?}", digits, codes);
                }
            }
        }
    }

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    const IMEI_1: &str = "352099001761481";
    const IMEI_2: &str = "490154203237518";

    #[test]
    fn a_dual_sim_label_offers_both_imeis_in_label_order_and_nothing_else() {
        let label = read(&texts(&[
            "F2LZK0QJN72J",
            IMEI_1,
            IMEI_2,
            "89049032005008882600015678901234",
            "0190199099722",
        ]));
        let kinds: Vec<&Code> = label.codes.iter().map(|(_, c)| c).collect();
        assert_eq!(
            kinds,
            [
                &Code::SerialNumber,
                &Code::Imei(parse(IMEI_1).unwrap()),
                &Code::Imei(parse(IMEI_2).unwrap()),
                &Code::Eid,
                &Code::ProductCode,
            ]
        );
        assert_eq!(
            label.offered(),
            Some((parse(IMEI_1).unwrap(), Some(parse(IMEI_2).unwrap())))
        );
    }

    #[test]
    fn an_imeisv_gives_its_imei_and_counts_once_beside_that_imei() {
        let label = read(&texts(&["3520990017614823", IMEI_1]));
        assert_eq!(label.imeis, [parse(IMEI_1).unwrap()]);
        assert_eq!(label.offered(), Some((parse(IMEI_1).unwrap(), None)));
    }

    #[test]
    fn nearly_an_imei_is_never_offered() {
        for text in [
            "352099001761482", // wrong check digit
            "35209900176148",  // no check digit
            "000000000000000", // a placeholder
            "8944110012345678901",
        ] {
            assert_eq!(read(&texts(&[text])).offered(), None, "{text}");
        }
        assert_eq!(
            read(&texts(&["35209900176148"])).codes[0].1,
            Code::NotAnImei
        );
        assert_eq!(
            read(&texts(&["8944110012345678901"])).codes[0].1,
            Code::Iccid
        );
    }

    #[test]
    fn more_than_two_imeis_are_listed_but_not_offered() {
        let third = "356938035643809";
        let label = read(&texts(&[IMEI_1, IMEI_2, third]));
        assert_eq!(label.imeis.len(), 3);
        assert_eq!(label.offered(), None);
    }

    #[test]
    fn the_verdict_says_what_the_photo_gave() {
        let imei = |t: &str| parse(t).unwrap();
        let verdict = |list: &[&str], unread| read(&texts(list)).verdict(unread);
        assert_eq!(
            verdict(&[IMEI_1, "F2LZK0QJN72J"], false),
            Verdict::Found {
                first: imei(IMEI_1),
                second: None,
                others: true
            }
        );
        assert_eq!(
            verdict(&[IMEI_1, IMEI_2], true),
            Verdict::Found {
                first: imei(IMEI_1),
                second: Some(imei(IMEI_2)),
                others: false
            }
        );
        assert_eq!(
            verdict(&[IMEI_1, IMEI_2, "356938035643809"], false),
            Verdict::TooMany(3)
        );
        assert_eq!(
            verdict(&["352099001761482", "F2LZK0QJN72J"], true),
            Verdict::NoImei { nearly: true }
        );
        assert_eq!(
            verdict(&["F2LZK0QJN72J"], false),
            Verdict::NoImei { nearly: false }
        );
        assert_eq!(verdict(&[], true), Verdict::Unreadable);
        assert_eq!(verdict(&[], false), Verdict::NoBarcode);
    }

    #[test]
    fn product_codes_need_their_check_digit() {
        assert!(is_product_code("0190199099722"));
        assert!(is_product_code("96385074"));
        assert!(!is_product_code("0190199099725"));
        assert!(!is_product_code("01901990997a2"));
        assert_eq!(read(&texts(&[""])).codes[0].1, Code::Other);
    }
}
