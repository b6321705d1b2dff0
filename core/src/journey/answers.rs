//! Every answer of the journey, kept exactly as the victim typed it, so that
//! nothing is lost on a validation error or on going back.

use crate::device::make::Make;
use crate::report::WhatHappened;

/// A closed set of options, shown as radios. `key` is a stable name for the
/// saved draft and for the radios' values; the UI words each option.
pub trait Choice: Copy + Eq + 'static {
    const ALL: &'static [Self];

    fn key(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Whose device the widget is running on. On someone else's, nothing is
/// stored and everything is wiped at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WhoseDevice {
    Mine,
    SomeoneElses,
}

impl Choice for WhoseDevice {
    const ALL: &'static [Self] = &[WhoseDevice::Mine, WhoseDevice::SomeoneElses];

    fn key(self) -> &'static str {
        match self {
            WhoseDevice::Mine => "mine",
            WhoseDevice::SomeoneElses => "someone-elses",
        }
    }
}

/// The journey names each of what can happen by these keys.
impl Choice for WhatHappened {
    const ALL: &'static [Self] = &WhatHappened::ALL;

    fn key(self) -> &'static str {
        match self {
            WhatHappened::Robbery => "robbery",
            WhatHappened::Theft => "theft",
            WhatHappened::Burglary => "burglary",
            WhatHappened::Lost => "lost",
        }
    }
}

impl Choice for Make {
    const ALL: &'static [Self] = &Make::ALL;

    fn key(self) -> &'static str {
        match self {
            Make::Apple => "apple",
            Make::Samsung => "samsung",
            Make::Google => "google",
            Make::Other => "other",
            Make::DontKnow => "dont-know",
        }
    }
}

/// The network provider: one from the directory, by its id, or none of them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Network {
    Listed(String),
    Other,
    DontKnow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DualSim {
    Yes,
    No,
    DontKnow,
}

impl Choice for DualSim {
    const ALL: &'static [Self] = &[DualSim::Yes, DualSim::No, DualSim::DontKnow];

    fn key(self) -> &'static str {
        match self {
            DualSim::Yes => "yes",
            DualSim::No => "no",
            DualSim::DontKnow => "dont-know",
        }
    }
}

/// How the victim reported it to the police.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HowReported {
    Online,
    /// By phone (the force's own number). Saved as "101", the key drafts
    /// already hold.
    Phone,
    InPerson,
    NotYet,
}

impl Choice for HowReported {
    const ALL: &'static [Self] = &[
        HowReported::Online,
        HowReported::Phone,
        HowReported::InPerson,
        HowReported::NotYet,
    ];

    fn key(self) -> &'static str {
        match self {
            HowReported::Online => "online",
            HowReported::Phone => "101",
            HowReported::InPerson => "in-person",
            HowReported::NotYet => "not-yet",
        }
    }
}

/// Every answer. Text is kept exactly as typed; choices not yet made are
/// `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub whose_device: Option<WhoseDevice>,
    pub incident: Option<WhatHappened>,
    pub date_day: String,
    pub date_month: String,
    pub date_year: String,
    /// Optional and approximate: "21:30", "9.30pm", "9pm".
    pub time: String,
    pub place: String,
    pub postcode: String,
    pub make: Option<Make>,
    pub model: String,
    pub colour: String,
    pub features: String,
    pub phone_number: String,
    pub network: Option<Network>,
    pub dual_sim: Option<DualSim>,
    pub imei_1: String,
    /// Only asked when the phone has (or may have) two SIMs.
    pub imei_2: String,
    /// "I can't find it": a valid path, the IMEI is left out.
    pub imei_not_found: bool,
    pub provider_reference: String,
    /// A police force id from the directory or the host config.
    pub police_force: Option<String>,
    pub how_reported: Option<HowReported>,
    pub crime_reference: String,
    /// "I'll add it later".
    pub crime_reference_later: bool,
    pub lost_property_reference: String,
    pub lost_property_reference_later: bool,
    pub insured: Option<bool>,
    pub insurer: String,
    pub policy_number: String,
    pub claim_reference: String,
}

/// An input of the journey. `key` names it in the saved draft and can serve
/// as the element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    WhoseDevice,
    Incident,
    DateDay,
    DateMonth,
    DateYear,
    Time,
    Place,
    Postcode,
    Make,
    Model,
    Colour,
    Features,
    PhoneNumber,
    Network,
    DualSim,
    Imei1,
    Imei2,
    ImeiNotFound,
    ProviderReference,
    PoliceForce,
    HowReported,
    CrimeReference,
    CrimeReferenceLater,
    LostPropertyReference,
    LostPropertyReferenceLater,
    Insured,
    Insurer,
    PolicyNumber,
    ClaimReference,
}

impl Field {
    pub const ALL: [Field; 29] = [
        Field::WhoseDevice,
        Field::Incident,
        Field::DateDay,
        Field::DateMonth,
        Field::DateYear,
        Field::Time,
        Field::Place,
        Field::Postcode,
        Field::Make,
        Field::Model,
        Field::Colour,
        Field::Features,
        Field::PhoneNumber,
        Field::Network,
        Field::DualSim,
        Field::Imei1,
        Field::Imei2,
        Field::ImeiNotFound,
        Field::ProviderReference,
        Field::PoliceForce,
        Field::HowReported,
        Field::CrimeReference,
        Field::CrimeReferenceLater,
        Field::LostPropertyReference,
        Field::LostPropertyReferenceLater,
        Field::Insured,
        Field::Insurer,
        Field::PolicyNumber,
        Field::ClaimReference,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Field::WhoseDevice => "whose-device",
            Field::Incident => "incident",
            Field::DateDay => "date-day",
            Field::DateMonth => "date-month",
            Field::DateYear => "date-year",
            Field::Time => "time",
            Field::Place => "place",
            Field::Postcode => "postcode",
            Field::Make => "make",
            Field::Model => "model",
            Field::Colour => "colour",
            Field::Features => "features",
            Field::PhoneNumber => "phone-number",
            Field::Network => "network",
            Field::DualSim => "dual-sim",
            Field::Imei1 => "imei-1",
            Field::Imei2 => "imei-2",
            Field::ImeiNotFound => "imei-not-found",
            Field::ProviderReference => "provider-reference",
            Field::PoliceForce => "police-force",
            Field::HowReported => "how-reported",
            Field::CrimeReference => "crime-reference",
            Field::CrimeReferenceLater => "crime-reference-later",
            Field::LostPropertyReference => "lost-property-reference",
            Field::LostPropertyReferenceLater => "lost-property-reference-later",
            Field::Insured => "insured",
            Field::Insurer => "insurer",
            Field::PolicyNumber => "policy-number",
            Field::ClaimReference => "claim-reference",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The most characters a free-text field takes. Fields with a format
    /// (dates, IMEIs, postcode...) are limited by their format instead.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            Field::Place | Field::Features => Some(500),
            Field::CrimeReference | Field::LostPropertyReference => Some(40),
            Field::Model
            | Field::Colour
            | Field::ProviderReference
            | Field::Insurer
            | Field::PolicyNumber
            | Field::ClaimReference => Some(100),
            Field::DateDay
            | Field::DateMonth
            | Field::DateYear
            | Field::Time
            | Field::Postcode
            | Field::PhoneNumber
            | Field::Imei1
            | Field::Imei2
            | Field::WhoseDevice
            | Field::Incident
            | Field::Make
            | Field::Network
            | Field::DualSim
            | Field::ImeiNotFound
            | Field::PoliceForce
            | Field::HowReported
            | Field::CrimeReferenceLater
            | Field::LostPropertyReferenceLater
            | Field::Insured => None,
        }
    }
}

impl Answers {
    /// The text typed in a text field; `None` for a field that is a choice.
    pub fn text(&self, field: Field) -> Option<&str> {
        self.text_ref(field).map(String::as_str)
    }

    /// The text of a text field, to bind an input to.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::DateDay => &mut self.date_day,
            Field::DateMonth => &mut self.date_month,
            Field::DateYear => &mut self.date_year,
            Field::Time => &mut self.time,
            Field::Place => &mut self.place,
            Field::Postcode => &mut self.postcode,
            Field::Model => &mut self.model,
            Field::Colour => &mut self.colour,
            Field::Features => &mut self.features,
            Field::PhoneNumber => &mut self.phone_number,
            Field::Imei1 => &mut self.imei_1,
            Field::Imei2 => &mut self.imei_2,
            Field::ProviderReference => &mut self.provider_reference,
            Field::CrimeReference => &mut self.crime_reference,
            Field::LostPropertyReference => &mut self.lost_property_reference,
            Field::Insurer => &mut self.insurer,
            Field::PolicyNumber => &mut self.policy_number,
            Field::ClaimReference => &mut self.claim_reference,
            _ => return None,
        })
    }

    fn text_ref(&self, field: Field) -> Option<&String> {
        Some(match field {
            Field::DateDay => &self.date_day,
            Field::DateMonth => &self.date_month,
            Field::DateYear => &self.date_year,
            Field::Time => &self.time,
            Field::Place => &self.place,
            Field::Postcode => &self.postcode,
            Field::Model => &self.model,
            Field::Colour => &self.colour,
            Field::Features => &self.features,
            Field::PhoneNumber => &self.phone_number,
            Field::Imei1 => &self.imei_1,
            Field::Imei2 => &self.imei_2,
            Field::ProviderReference => &self.provider_reference,
            Field::CrimeReference => &self.crime_reference,
            Field::LostPropertyReference => &self.lost_property_reference,
            Field::Insurer => &self.insurer,
            Field::PolicyNumber => &self.policy_number,
            Field::ClaimReference => &self.claim_reference,
            _ => return None,
        })
    }

    /// The value of a checkbox field; `None` for any other field.
    pub fn flag(&self, field: Field) -> Option<bool> {
        match field {
            Field::ImeiNotFound => Some(self.imei_not_found),
            Field::CrimeReferenceLater => Some(self.crime_reference_later),
            Field::LostPropertyReferenceLater => Some(self.lost_property_reference_later),
            _ => None,
        }
    }

    pub fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
        match field {
            Field::ImeiNotFound => Some(&mut self.imei_not_found),
            Field::CrimeReferenceLater => Some(&mut self.crime_reference_later),
            Field::LostPropertyReferenceLater => Some(&mut self.lost_property_reference_later),
            _ => None,
        }
    }

    /// Whether nothing is answered but whose device this is, so that the
    /// page can be replaced (by a newer release) without losing anything.
    pub fn nothing_typed(&self) -> bool {
        *self
            == Answers {
                whose_device: self.whose_device,
                ..Answers::default()
            }
    }

    pub fn is_lost(&self) -> bool {
        self.incident == Some(WhatHappened::Lost)
    }

    /// Whether the IMEI page asks for a second IMEI.
    pub fn asks_second_imei(&self) -> bool {
        !self.imei_not_found && matches!(self.dual_sim, Some(DualSim::Yes | DualSim::DontKnow))
    }
}

/// A directory id (a network provider, a police force) as the directories
/// write them: short, lowercase letters, digits and hyphens.
pub fn is_plausible_id(id: &str) -> bool {
    (1..=60).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_typed_until_something_besides_whose_device_is() {
        let mut answers = Answers::default();
        assert!(answers.nothing_typed());
        answers.whose_device = Some(WhoseDevice::Mine);
        assert!(answers.nothing_typed());
        answers.place = " ".into();
        assert!(!answers.nothing_typed());
        let chose = Answers {
            incident: Some(WhatHappened::Lost),
            ..Answers::default()
        };
        assert!(!chose.nothing_typed());
    }

    #[test]
    fn every_field_key_is_unique_and_round_trips() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
    }

    #[test]
    fn only_text_fields_have_text_and_a_length_limit_implies_text() {
        let mut answers = Answers::default();
        for field in Field::ALL {
            let is_text = answers.text(field).is_some();
            assert_eq!(is_text, answers.text_mut(field).is_some());
            assert!(is_text || field.max_chars().is_none(), "{field:?}");
            assert!(!(is_text && answers.flag(field).is_some()));
            assert_eq!(
                answers.flag(field).is_some(),
                answers.flag_mut(field).is_some()
            );
        }
    }

    #[test]
    fn every_choice_key_round_trips() {
        fn check<C: Choice + std::fmt::Debug>() {
            for &c in C::ALL {
                assert_eq!(C::from_key(c.key()), Some(c));
            }
        }
        check::<WhoseDevice>();
        check::<WhatHappened>();
        check::<Make>();
        check::<DualSim>();
        check::<HowReported>();
    }
}
