//! What is wrong with the answers on a page, GOV.UK style: one problem per
//! field, in the order the fields appear. The UI words each problem in the
//! victim's language.

use super::Page;
use super::answers::{Answers, Field, is_plausible_id};
use crate::device::imei::{self, ImeiError};
use crate::values::date::{Date, DateError, parse_date, parse_time};
use crate::values::phone::{PhoneError, PhoneNumber};
use crate::values::postcode::normalise_postcode;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// A problem with one field. Each has its own wording in the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    ChooseWhoseDevice,
    ChooseWhatHappened,
    DateMissing,
    DateMissingDay,
    DateMissingMonth,
    DateMissingYear,
    DateYearNotFourDigits,
    DateNotReal,
    DateInTheFuture,
    /// A warning only, from `warnings`: the Continue button still works.
    DateOverAYearAgo,
    TimeNotReal,
    PlaceMissing,
    PostcodeNotValid,
    ChooseMake,
    PhoneNumberMissing,
    /// Only digits, spaces, `+`, brackets and hyphens are allowed.
    PhoneNumberCharacter(char),
    PhoneNumberTooFewDigits,
    PhoneNumberTooManyDigits,
    ChooseNetwork,
    ChooseDualSim,
    ImeiMissing,
    ImeiNotValid(ImeiError),
    SecondImeiNotValid(ImeiError),
    SecondImeiSameAsFirst,
    ChoosePoliceForce,
    ChooseHowReported,
    CrimeReferenceMissing,
    LostPropertyReferenceMissing,
    /// Only letters, digits, `/`, `-` and spaces are allowed in a reference.
    ReferenceCharacter(char),
    ChooseInsured,
    InsurerMissing,
    /// Worded with the field's label: "... must be {max} characters or less".
    TooLong {
        max: usize,
    },
}

/// What stops Continue on `page`. `today` is the victim's local date.
pub fn validate(page: Page, answers: &Answers, today: Date) -> Vec<FieldError> {
    problems(page, answers, Some(today))
}

/// Advice that does not stop Continue, such as a date over a year ago.
pub fn warnings(page: Page, answers: &Answers, today: Date) -> Vec<FieldError> {
    let date = parse_date(&answers.date_day, &answers.date_month, &answers.date_year);
    match (page, date) {
        (Page::When, Ok(date)) if date <= today && date.is_over_a_year_before(today) => {
            vec![error(Field::DateDay, Problem::DateOverAYearAgo)]
        }
        _ => Vec::new(),
    }
}

/// Whether the page's questions are answered, leaving out the checks that
/// need today's date.
pub(super) fn is_answered(page: Page, answers: &Answers) -> bool {
    problems(page, answers, None).is_empty()
}

fn problems(page: Page, answers: &Answers, today: Option<Date>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut add = |field, problem| errors.push(error(field, problem));
    match page {
        Page::WhoseDevice => {
            if answers.whose_device.is_none() {
                add(Field::WhoseDevice, Problem::ChooseWhoseDevice);
            }
        }
        Page::WhatHappened => {
            if answers.incident.is_none() {
                add(Field::Incident, Problem::ChooseWhatHappened);
            }
        }
        Page::When => {
            if let Some((field, problem)) = date_problem(answers, today) {
                add(field, problem);
            }
            if !is_blank(&answers.time) && parse_time(&answers.time).is_none() {
                add(Field::Time, Problem::TimeNotReal);
            }
        }
        Page::Where => {
            if is_blank(&answers.place) {
                add(Field::Place, Problem::PlaceMissing);
            }
            if let Some(too_long) = length_problem(answers, Field::Place) {
                add(Field::Place, too_long);
            }
            if !is_blank(&answers.postcode) && normalise_postcode(&answers.postcode).is_none() {
                add(Field::Postcode, Problem::PostcodeNotValid);
            }
        }
        Page::Phone => {
            if answers.make.is_none() {
                add(Field::Make, Problem::ChooseMake);
            }
            for field in [Field::Model, Field::Colour, Field::Features] {
                if let Some(too_long) = length_problem(answers, field) {
                    add(field, too_long);
                }
            }
        }
        Page::PhoneNumber => {
            if let Some(problem) = phone_number_problem(&answers.phone_number) {
                add(Field::PhoneNumber, problem);
            }
        }
        Page::Network => {
            let chosen = match &answers.network {
                Some(super::Network::Listed(id)) => is_plausible_id(id),
                Some(_) => true,
                None => false,
            };
            if !chosen {
                add(Field::Network, Problem::ChooseNetwork);
            }
        }
        Page::DualSim => {
            if answers.dual_sim.is_none() {
                add(Field::DualSim, Problem::ChooseDualSim);
            }
        }
        Page::EnterImei if !answers.imei_not_found => {
            for (field, problem) in imei_problems(answers) {
                add(field, problem);
            }
        }
        Page::BlockIt => {
            if let Some(too_long) = length_problem(answers, Field::ProviderReference) {
                add(Field::ProviderReference, too_long);
            }
        }
        Page::Police => {
            if !answers.police_force.as_deref().is_some_and(is_plausible_id) {
                add(Field::PoliceForce, Problem::ChoosePoliceForce);
            }
            if answers.how_reported.is_none() {
                add(Field::HowReported, Problem::ChooseHowReported);
            }
        }
        Page::Reference => {
            let (field, later, missing) = if answers.is_lost() {
                (
                    Field::LostPropertyReference,
                    answers.lost_property_reference_later,
                    Problem::LostPropertyReferenceMissing,
                )
            } else {
                (
                    Field::CrimeReference,
                    answers.crime_reference_later,
                    Problem::CrimeReferenceMissing,
                )
            };
            if !later {
                let text = answers.text(field).unwrap_or_default();
                if let Some(problem) = reference_problem(text, field, missing) {
                    add(field, problem);
                }
            }
        }
        Page::Insurance => {
            if answers.insured.is_none() {
                add(Field::Insured, Problem::ChooseInsured);
            }
        }
        Page::InsuranceDetails => {
            if is_blank(&answers.insurer) {
                add(Field::Insurer, Problem::InsurerMissing);
            }
            for field in [Field::Insurer, Field::PolicyNumber, Field::ClaimReference] {
                if let Some(too_long) = length_problem(answers, field) {
                    add(field, too_long);
                }
            }
        }
        Page::Start
        | Page::ActNow
        | Page::FindImei
        | Page::EnterImei
        | Page::ImeiChecked
        | Page::CheckAnswers
        | Page::Report
        | Page::CheckCode
        | Page::About
        | Page::Signpost => {}
    }
    errors
}

fn error(field: Field, problem: Problem) -> FieldError {
    FieldError { field, problem }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn length_problem(answers: &Answers, field: Field) -> Option<Problem> {
    let max = field.max_chars()?;
    let text = answers.text(field)?;
    (text.trim().chars().count() > max).then_some(Problem::TooLong { max })
}

/// GOV.UK points a problem with the whole date at its first box.
fn date_problem(answers: &Answers, today: Option<Date>) -> Option<(Field, Problem)> {
    let date = parse_date(&answers.date_day, &answers.date_month, &answers.date_year);
    let (field, problem) = match date {
        Ok(date) if today.is_some_and(|today| date > today) => {
            (Field::DateDay, Problem::DateInTheFuture)
        }
        Ok(_) => return None,
        Err(DateError::Missing) => (Field::DateDay, Problem::DateMissing),
        Err(DateError::MissingDay) => (Field::DateDay, Problem::DateMissingDay),
        Err(DateError::MissingMonth) => (Field::DateMonth, Problem::DateMissingMonth),
        Err(DateError::MissingYear) => (Field::DateYear, Problem::DateMissingYear),
        Err(DateError::YearNotFourDigits) => (Field::DateYear, Problem::DateYearNotFourDigits),
        // Three boxes give no time or offset, so any other error is a day
        // that does not exist.
        Err(_) => (Field::DateDay, Problem::DateNotReal),
    };
    Some((field, problem))
}

/// A number the report code can carry (`PhoneNumber`'s rules) that a
/// provider can call back: 7 to 16 digits.
fn phone_number_problem(text: &str) -> Option<Problem> {
    let digits = match PhoneNumber::parse(text) {
        Ok(number) => number.digit_count(),
        Err(PhoneError::Empty) => return Some(Problem::PhoneNumberMissing),
        Err(PhoneError::Unsupported(c)) => return Some(Problem::PhoneNumberCharacter(c)),
        Err(PhoneError::NoDigits) => return Some(Problem::PhoneNumberTooFewDigits),
        Err(PhoneError::TooLong { .. }) => return Some(Problem::PhoneNumberTooManyDigits),
    };
    match digits {
        ..7 => Some(Problem::PhoneNumberTooFewDigits),
        17.. => Some(Problem::PhoneNumberTooManyDigits),
        _ => None,
    }
}

fn imei_problems(answers: &Answers) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    let first = imei::parse(&answers.imei_1);
    match &first {
        Ok(_) => {}
        Err(ImeiError::Empty) => problems.push((Field::Imei1, Problem::ImeiMissing)),
        Err(e) => problems.push((Field::Imei1, Problem::ImeiNotValid(e.clone()))),
    }
    // The second IMEI is optional: a box label may show only one.
    if answers.asks_second_imei() && !is_blank(&answers.imei_2) {
        match imei::parse(&answers.imei_2) {
            Ok(second) if first.as_ref().is_ok_and(|first| *first == second) => {
                problems.push((Field::Imei2, Problem::SecondImeiSameAsFirst));
            }
            Ok(_) => {}
            Err(e) => problems.push((Field::Imei2, Problem::SecondImeiNotValid(e))),
        }
    }
    problems
}

/// Police and lost-property references differ by force, so only the
/// characters and the length are checked.
fn reference_problem(text: &str, field: Field, missing: Problem) -> Option<Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Some(missing);
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | ' ');
    if let Some(c) = text.chars().find(|&c| !allowed(c)) {
        return Some(Problem::ReferenceCharacter(c));
    }
    let max = field.max_chars()?;
    (text.chars().count() > max).then_some(Problem::TooLong { max })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{DualSim, Network, WhoseDevice};
    use crate::report::WhatHappened;

    const VALID_IMEI: &str = "352099001761481";
    const OTHER_VALID_IMEI: &str = "490154203237518";

    fn today() -> Date {
        Date::new(2025, 3, 9).unwrap()
    }

    fn problems_on(page: Page, answers: &Answers) -> Vec<Problem> {
        validate(page, answers, today())
            .into_iter()
            .map(|e| e.problem)
            .collect()
    }

    fn dated(day: &str, month: &str, year: &str) -> Answers {
        Answers {
            date_day: day.into(),
            date_month: month.into(),
            date_year: year.into(),
            ..Answers::default()
        }
    }

    #[test]
    fn required_choices_must_be_chosen() {
        let none = Answers::default();
        for (page, problem) in [
            (Page::WhoseDevice, Problem::ChooseWhoseDevice),
            (Page::WhatHappened, Problem::ChooseWhatHappened),
            (Page::Phone, Problem::ChooseMake),
            (Page::Network, Problem::ChooseNetwork),
            (Page::DualSim, Problem::ChooseDualSim),
            (Page::Insurance, Problem::ChooseInsured),
        ] {
            assert_eq!(problems_on(page, &none), [problem], "{page:?}");
        }
        let chosen = Answers {
            whose_device: Some(WhoseDevice::Mine),
            ..Answers::default()
        };
        assert!(validate(Page::WhoseDevice, &chosen, today()).is_empty());
        assert!(validate(Page::Start, &none, today()).is_empty());
    }

    #[test]
    fn a_network_id_must_look_like_a_directory_id() {
        let odd = Answers {
            network: Some(Network::Listed("<b>".into())),
            ..Answers::default()
        };
        assert_eq!(problems_on(Page::Network, &odd), [Problem::ChooseNetwork]);
    }

    #[test]
    fn the_police_page_needs_a_force_and_how_it_was_reported() {
        let errors = validate(Page::Police, &Answers::default(), today());
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::PoliceForce, Field::HowReported]);
    }

    #[test]
    fn a_date_must_be_complete() {
        assert_eq!(
            problems_on(Page::When, &dated("", "", "")),
            [Problem::DateMissing]
        );
        let errors = validate(Page::When, &dated("9", "", "2025"), today());
        assert_eq!(errors, [error(Field::DateMonth, Problem::DateMissingMonth)]);
    }

    #[test]
    fn a_date_must_be_real() {
        assert_eq!(
            problems_on(Page::When, &dated("30", "2", "2024")),
            [Problem::DateNotReal]
        );
    }

    #[test]
    fn a_date_must_not_be_in_the_future() {
        assert_eq!(
            problems_on(Page::When, &dated("10", "3", "2025")),
            [Problem::DateInTheFuture]
        );
        assert!(problems_on(Page::When, &dated("9", "3", "2025")).is_empty());
    }

    #[test]
    fn a_date_over_a_year_ago_is_a_warning_not_an_error() {
        let old = dated("8", "3", "2024");
        assert!(validate(Page::When, &old, today()).is_empty());
        assert_eq!(
            warnings(Page::When, &old, today()),
            [error(Field::DateDay, Problem::DateOverAYearAgo)]
        );
    }

    #[test]
    fn a_time_is_optional_but_must_be_real() {
        let mut answers = dated("9", "3", "2025");
        answers.time = "9.30pm".into();
        assert!(problems_on(Page::When, &answers).is_empty());
        answers.time = "25:00".into();
        assert_eq!(problems_on(Page::When, &answers), [Problem::TimeNotReal]);
    }

    #[test]
    fn the_place_is_needed_and_the_postcode_must_look_like_one() {
        let mut answers = Answers {
            postcode: "SW1A 1AA".into(),
            ..Answers::default()
        };
        assert_eq!(problems_on(Page::Where, &answers), [Problem::PlaceMissing]);
        answers.place = "Oxford Street".into();
        answers.postcode = "W1".into();
        assert_eq!(
            problems_on(Page::Where, &answers),
            [Problem::PostcodeNotValid]
        );
    }

    #[test]
    fn free_text_has_a_length_limit() {
        let answers = Answers {
            make: Some(crate::device::make::Make::Apple),
            colour: "x".repeat(101),
            ..Answers::default()
        };
        assert_eq!(
            validate(Page::Phone, &answers, today()),
            [error(Field::Colour, Problem::TooLong { max: 100 })]
        );
    }

    #[test]
    fn a_phone_number_has_7_to_16_digits_and_usual_punctuation() {
        for (typed, expected) in [
            ("", Some(Problem::PhoneNumberMissing)),
            ("07700 900123", None),
            ("+44 (0)7700-900123", None),
            ("07700.900.123", None),
            ("07700 9OO123", Some(Problem::PhoneNumberCharacter('O'))),
            ("123456", Some(Problem::PhoneNumberTooFewDigits)),
            ("12345678901234567", Some(Problem::PhoneNumberTooManyDigits)),
        ] {
            let answers = Answers {
                phone_number: typed.into(),
                ..Answers::default()
            };
            let found = problems_on(Page::PhoneNumber, &answers);
            assert_eq!(found, Vec::from_iter(expected), "{typed}");
        }
    }

    #[test]
    fn the_first_imei_is_needed_and_must_check_out() {
        let mut answers = Answers::default();
        assert_eq!(
            problems_on(Page::EnterImei, &answers),
            [Problem::ImeiMissing]
        );
        answers.imei_1 = "352099001761482".into();
        assert_eq!(
            problems_on(Page::EnterImei, &answers),
            [Problem::ImeiNotValid(ImeiError::WrongCheckDigit {
                expected: 1
            })]
        );
    }

    #[test]
    fn i_cannot_find_it_needs_no_imei() {
        let answers = Answers {
            imei_not_found: true,
            ..Answers::default()
        };
        assert!(problems_on(Page::EnterImei, &answers).is_empty());
    }

    #[test]
    fn the_second_imei_is_optional_but_must_check_out_and_differ() {
        let mut answers = Answers {
            dual_sim: Some(DualSim::Yes),
            imei_1: VALID_IMEI.into(),
            ..Answers::default()
        };
        assert!(problems_on(Page::EnterImei, &answers).is_empty());
        answers.imei_2 = "35 209900 176148 1".into();
        let errors = validate(Page::EnterImei, &answers, today());
        assert_eq!(
            errors,
            [error(Field::Imei2, Problem::SecondImeiSameAsFirst)]
        );
        answers.imei_2 = "12".into();
        assert_eq!(
            problems_on(Page::EnterImei, &answers),
            [Problem::SecondImeiNotValid(ImeiError::TooShort {
                digits: 2
            })]
        );
        answers.imei_2 = OTHER_VALID_IMEI.into();
        assert!(problems_on(Page::EnterImei, &answers).is_empty());
    }

    #[test]
    fn a_second_imei_is_ignored_on_a_single_sim_phone() {
        let answers = Answers {
            dual_sim: Some(DualSim::No),
            imei_1: VALID_IMEI.into(),
            imei_2: "rubbish".into(),
            ..Answers::default()
        };
        assert!(problems_on(Page::EnterImei, &answers).is_empty());
    }

    #[test]
    fn a_crime_reference_is_needed_unless_added_later() {
        let mut answers = Answers::default();
        assert_eq!(
            problems_on(Page::Reference, &answers),
            [Problem::CrimeReferenceMissing]
        );
        answers.crime_reference_later = true;
        assert!(problems_on(Page::Reference, &answers).is_empty());
    }

    #[test]
    fn a_lost_phone_needs_a_lost_property_reference_instead() {
        let answers = Answers {
            incident: Some(WhatHappened::Lost),
            crime_reference: "CR/123".into(),
            ..Answers::default()
        };
        let errors = validate(Page::Reference, &answers, today());
        assert_eq!(
            errors,
            [error(
                Field::LostPropertyReference,
                Problem::LostPropertyReferenceMissing
            )]
        );
    }

    #[test]
    fn a_reference_has_letters_digits_slashes_hyphens_and_spaces_up_to_40() {
        for (typed, expected) in [
            ("MPS/2025/0012345-A 1", None),
            ("CR#123", Some(Problem::ReferenceCharacter('#'))),
            (&"1".repeat(41)[..], Some(Problem::TooLong { max: 40 })),
        ] {
            let answers = Answers {
                crime_reference: typed.into(),
                ..Answers::default()
            };
            let found = problems_on(Page::Reference, &answers);
            assert_eq!(found, Vec::from_iter(expected), "{typed}");
        }
    }

    #[test]
    fn insurance_details_need_the_insurer() {
        assert_eq!(
            problems_on(Page::InsuranceDetails, &Answers::default()),
            [Problem::InsurerMissing]
        );
    }
}
