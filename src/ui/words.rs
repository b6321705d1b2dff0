//! The words for `core`'s enums: problems, answers and choices. Every word
//! comes from the catalogue of the chosen language.

use stolen_phone_core::device::imei::ImeiError;
use stolen_phone_core::device::make::Make;
use stolen_phone_core::directory::Directories;
use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::journey::imei_help::{Arg, Words};
use stolen_phone_core::journey::{
    DualSim, Field, HowReported, Network, Problem, Value, WhoseDevice,
};
use stolen_phone_core::report::WhatHappened;

/// The error text for a problem with a field, in plain words.
pub fn problem_text(c: &Catalog, field: Field, problem: &Problem) -> String {
    let ch = |m: Msg, ch: char| c.fill(m, &[("char", &visible_char(ch))]);
    match problem {
        Problem::ChooseWhoseDevice => c.get(Msg::ProblemChooseWhoseDevice).to_owned(),
        Problem::ChooseWhatHappened => c.get(Msg::ProblemChooseWhatHappened).to_owned(),
        Problem::DateMissing => c.get(Msg::ProblemDateMissing).to_owned(),
        Problem::DateMissingDay => c.get(Msg::ProblemDateMissingDay).to_owned(),
        Problem::DateMissingMonth => c.get(Msg::ProblemDateMissingMonth).to_owned(),
        Problem::DateMissingYear => c.get(Msg::ProblemDateMissingYear).to_owned(),
        Problem::DateYearNotFourDigits => c.get(Msg::ProblemDateYearNotFourDigits).to_owned(),
        Problem::DateNotReal => c.get(Msg::ProblemDateNotReal).to_owned(),
        Problem::DateInTheFuture => c.get(Msg::ProblemDateInTheFuture).to_owned(),
        Problem::DateOverAYearAgo => c.get(Msg::ProblemDateOverAYearAgo).to_owned(),
        Problem::TimeNotReal => c.get(Msg::ProblemTimeNotReal).to_owned(),
        Problem::PlaceMissing => c.get(Msg::ProblemPlaceMissing).to_owned(),
        Problem::PostcodeNotValid => c.get(Msg::ProblemPostcodeNotValid).to_owned(),
        Problem::ChooseMake => c.get(Msg::ProblemChooseMake).to_owned(),
        Problem::PhoneNumberMissing => c.get(Msg::ProblemPhoneNumberMissing).to_owned(),
        Problem::PhoneNumberCharacter(x) => ch(Msg::ProblemPhoneNumberCharacter, *x),
        Problem::PhoneNumberTooFewDigits => c.get(Msg::ProblemPhoneNumberTooFewDigits).to_owned(),
        Problem::PhoneNumberTooManyDigits => c.get(Msg::ProblemPhoneNumberTooManyDigits).to_owned(),
        Problem::ChooseNetwork => c.get(Msg::ProblemChooseNetwork).to_owned(),
        Problem::ChooseDualSim => c.get(Msg::ProblemChooseDualSim).to_owned(),
        Problem::ImeiMissing => c.get(Msg::ProblemImeiMissing).to_owned(),
        Problem::ImeiNotValid(e) | Problem::SecondImeiNotValid(e) => imei_error_text(c, e),
        Problem::SecondImeiSameAsFirst => c.get(Msg::ProblemSecondImeiSameAsFirst).to_owned(),
        Problem::ChoosePoliceForce => c.get(Msg::ProblemChoosePoliceForce).to_owned(),
        Problem::ChooseHowReported => c.get(Msg::ProblemChooseHowReported).to_owned(),
        Problem::CrimeReferenceMissing => c.get(Msg::ProblemCrimeReferenceMissing).to_owned(),
        Problem::LostPropertyReferenceMissing => {
            c.get(Msg::ProblemLostPropertyReferenceMissing).to_owned()
        }
        Problem::ReferenceCharacter(x) => ch(Msg::ProblemReferenceCharacter, *x),
        Problem::ChooseInsured => c.get(Msg::ProblemChooseInsured).to_owned(),
        Problem::InsurerMissing => c.get(Msg::ProblemInsurerMissing).to_owned(),
        Problem::TooLong { max } => c.fill(
            Msg::CharactersTooMany,
            &[
                ("label", c.get(field_label(field))),
                ("max", &max.to_string()),
            ],
        ),
    }
}

/// A character to name in a "take it out" message. One that shows nothing,
/// or that turns the text around it (U+202E), is named by its code point:
/// put in the message as it is, it would be invisible or reorder the words.
pub fn visible_char(ch: char) -> String {
    let invisible = stolen_phone_core::report::is_forbidden(ch)
        || ch.is_whitespace()
        || matches!(
            ch,
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
        );
    if invisible {
        format!("U+{:04X}", u32::from(ch))
    } else {
        ch.to_string()
    }
}

/// `core`'s words for the IMEI check, filled from the catalogue.
pub fn fill(c: &Catalog, words: &Words) -> String {
    if let Some(count) = words.count {
        return c.plural(words.msg, count);
    }
    let values: Vec<(&str, String)> = words
        .args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(text) => text.clone(),
                Arg::Char(ch) => visible_char(*ch),
                Arg::Make(m) => c.get(make(*m)).to_owned(),
                Arg::Words(inner) => fill(c, inner),
            };
            (*name, value)
        })
        .collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    c.fill(words.msg, &pairs)
}

/// Why typed text is not an IMEI, and how to put it right.
pub fn imei_error_text(c: &Catalog, error: &ImeiError) -> String {
    match error {
        ImeiError::Empty => c.get(Msg::ProblemImeiMissing).to_owned(),
        ImeiError::NotADigit(x) => {
            c.fill(Msg::ProblemImeiNotADigit, &[("char", &visible_char(*x))])
        }
        ImeiError::TooShort { digits } => c.plural(Msg::ProblemImeiTooShort, *digits as u64),
        ImeiError::TooLong { digits } => {
            c.fill(Msg::ProblemImeiTooLong, &[("count", &digits.to_string())])
        }
        ImeiError::WrongCheckDigit { .. } => c.get(Msg::ProblemImeiWrongCheckDigit).to_owned(),
    }
}

/// Fields whose answers are identifiers (numbers, references, postcodes):
/// shown left to right, isolated, even inside right-to-left text.
pub fn is_identifier(field: Field) -> bool {
    matches!(
        field,
        Field::PhoneNumber
            | Field::Imei1
            | Field::Imei2
            | Field::Postcode
            | Field::ProviderReference
            | Field::CrimeReference
            | Field::LostPropertyReference
            | Field::PolicyNumber
            | Field::ClaimReference
    )
}

/// The short label of a field, as on the check-answers page.
pub fn field_label(field: Field) -> Msg {
    match field {
        Field::WhoseDevice => Msg::FieldWhoseDevice,
        Field::Incident => Msg::FieldIncident,
        Field::DateDay | Field::DateMonth | Field::DateYear => Msg::FieldDate,
        Field::Time => Msg::FieldTime,
        Field::Place => Msg::FieldPlace,
        Field::Postcode => Msg::FieldPostcode,
        Field::Make => Msg::FieldMake,
        Field::Model => Msg::FieldModel,
        Field::Colour => Msg::FieldColour,
        Field::Features => Msg::FieldFeatures,
        Field::PhoneNumber => Msg::FieldPhoneNumber,
        Field::Network => Msg::FieldNetwork,
        Field::DualSim => Msg::FieldDualSim,
        Field::Imei1 | Field::ImeiNotFound => Msg::FieldImei1,
        Field::Imei2 => Msg::FieldImei2,
        Field::ProviderReference => Msg::FieldProviderReference,
        Field::PoliceForce => Msg::FieldPoliceForce,
        Field::HowReported => Msg::FieldHowReported,
        Field::CrimeReference | Field::CrimeReferenceLater => Msg::FieldCrimeReference,
        Field::LostPropertyReference | Field::LostPropertyReferenceLater => {
            Msg::FieldLostPropertyReference
        }
        Field::Insured => Msg::FieldInsured,
        Field::Insurer => Msg::FieldInsurer,
        Field::PolicyNumber => Msg::FieldPolicyNumber,
        Field::ClaimReference => Msg::FieldClaimReference,
    }
}

pub fn whose_device(w: WhoseDevice) -> Msg {
    match w {
        WhoseDevice::Mine => Msg::WhoseDeviceMine,
        WhoseDevice::SomeoneElses => Msg::WhoseDeviceSomeoneElses,
    }
}

pub fn incident(i: WhatHappened) -> Msg {
    match i {
        WhatHappened::Robbery => Msg::IncidentRobbery,
        WhatHappened::Theft => Msg::IncidentTheft,
        WhatHappened::Burglary => Msg::IncidentBurglary,
        WhatHappened::Lost => Msg::IncidentLost,
    }
}

pub fn make(m: Make) -> Msg {
    match m {
        Make::Apple => Msg::MakeApple,
        Make::Samsung => Msg::MakeSamsung,
        Make::Google => Msg::MakeGoogle,
        Make::Other => Msg::MakeOther,
        Make::DontKnow => Msg::DontKnow,
    }
}

pub fn dual_sim(d: DualSim) -> Msg {
    match d {
        DualSim::Yes => Msg::Yes,
        DualSim::No => Msg::No,
        DualSim::DontKnow => Msg::DontKnow,
    }
}

pub fn how_reported(h: HowReported) -> Msg {
    match h {
        HowReported::Online => Msg::HowReportedOnline,
        HowReported::Phone => Msg::HowReportedPhone,
        HowReported::InPerson => Msg::HowReportedInPerson,
        HowReported::NotYet => Msg::HowReportedNotYet,
    }
}

/// An answer as shown on the check-answers page. Names of forces and
/// providers come from the directory; typed text is shown as typed.
pub fn value_text(c: &Catalog, dirs: &Directories, value: &Value) -> String {
    match value {
        Value::Text(text) => text.clone(),
        Value::NotGiven => c.get(Msg::AnswerNotGiven).to_owned(),
        Value::AddLater => c.get(Msg::AnswerAddLater).to_owned(),
        Value::WhoseDevice(w) => c.get(whose_device(*w)).to_owned(),
        Value::Incident(i) => c.get(incident(*i)).to_owned(),
        Value::Date(d) => format_date(c, *d),
        Value::Time(t) => format!("{:02}:{:02}", t.hour(), t.minute()),
        Value::Make(m) => c.get(make(*m)).to_owned(),
        Value::Network(Network::Listed(id)) => dirs
            .provider(id)
            .map_or_else(|| id.clone(), |p| p.name.clone()),
        Value::Network(Network::Other) => c.get(Msg::NetworkOther).to_owned(),
        Value::Network(Network::DontKnow) => c.get(Msg::DontKnow).to_owned(),
        Value::DualSim(d) => c.get(dual_sim(*d)).to_owned(),
        Value::Imei(imei) => imei.to_string(),
        Value::ImeiNotFound => c.get(Msg::AnswerImeiNotFound).to_owned(),
        Value::PoliceForce(id) => dirs
            .force(id)
            .map_or_else(|| id.clone(), |f| f.name.clone()),
        Value::HowReported(h) => c.get(how_reported(*h)).to_owned(),
        Value::YesNo(true) => c.get(Msg::Yes).to_owned(),
        Value::YesNo(false) => c.get(Msg::No).to_owned(),
    }
}

/// A date in the locale's own format, through the browser's Intl support.
pub fn format_date(c: &Catalog, date: stolen_phone_core::values::date::Date) -> String {
    let js_date = js_sys::Date::new_with_year_month_day(
        u32::from(date.year()),
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    date_format(c)
        .format()
        .call1(&wasm_bindgen::JsValue::NULL, &js_date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}

fn date_format(c: &Catalog) -> js_sys::Intl::DateTimeFormat {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let locales = js_sys::Array::of1(&c.locale.tag().into());
    js_sys::Intl::DateTimeFormat::new(&locales, &options)
}

/// Has the browser load its date data for the language now, while nothing
/// waits for it: the first date format a page makes takes 76 ms at 4x CPU
/// slowdown, and later ones, in any language, 1 to 3 ms.
pub fn load_date_format(c: &Catalog) {
    date_format(c);
}
