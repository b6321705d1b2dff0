//! The rows of the check-answers page and what the report still lacks.

use super::Page;
use super::answers::{Answers, DualSim, Field, HowReported, Network, WhoseDevice};
use super::flow::path;
use crate::device::imei::{self, Imei};
use crate::device::make::Make;
use crate::report::WhatHappened;
use crate::values::date::{Date, TimeOfDay, parse_date, parse_time};
use crate::values::postcode::normalise_postcode;

/// One answer on the check-answers page, with the page its "Change" link
/// opens and the field to label it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    pub page: Page,
    pub field: Field,
    pub value: Value,
}

/// An answer ready to show: choices stay enums for the UI to word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Typed text, trimmed.
    Text(String),
    /// An optional question left blank.
    NotGiven,
    /// "I'll add it later".
    AddLater,
    WhoseDevice(WhoseDevice),
    Incident(WhatHappened),
    Date(Date),
    Time(TimeOfDay),
    Make(Make),
    Network(Network),
    DualSim(DualSim),
    Imei(Imei),
    ImeiNotFound,
    /// A police force id, for the UI to name from the directory.
    PoliceForce(String),
    HowReported(HowReported),
    YesNo(bool),
}

/// Every answer on the journey these answers take, in journey order.
pub fn summary(answers: &Answers) -> Vec<SummaryRow> {
    let mut rows = Vec::new();
    for page in path(answers) {
        let mut row = |field, value| rows.push(SummaryRow { page, field, value });
        match page {
            Page::WhoseDevice => {
                if let Some(whose) = answers.whose_device {
                    row(Field::WhoseDevice, Value::WhoseDevice(whose));
                }
            }
            Page::WhatHappened => {
                if let Some(incident) = answers.incident {
                    row(Field::Incident, Value::Incident(incident));
                }
            }
            Page::When => {
                let date = parse_date(&answers.date_day, &answers.date_month, &answers.date_year);
                let typed = [&answers.date_day, &answers.date_month, &answers.date_year]
                    .map(|part| part.trim())
                    .join("/");
                row(Field::DateDay, date.map_or(Value::Text(typed), Value::Date));
                let time =
                    parse_time(&answers.time).map_or_else(|| text(&answers.time), Value::Time);
                row(Field::Time, time);
            }
            Page::Where => {
                row(Field::Place, text(&answers.place));
                let postcode = normalise_postcode(&answers.postcode)
                    .map_or_else(|| text(&answers.postcode), Value::Text);
                row(Field::Postcode, postcode);
            }
            Page::Phone => {
                if let Some(make) = answers.make {
                    row(Field::Make, Value::Make(make));
                }
                row(Field::Model, text(&answers.model));
                row(Field::Colour, text(&answers.colour));
                row(Field::Features, text(&answers.features));
            }
            Page::PhoneNumber => row(Field::PhoneNumber, text(&answers.phone_number)),
            Page::Network => {
                if let Some(network) = &answers.network {
                    row(Field::Network, Value::Network(network.clone()));
                }
            }
            Page::DualSim => {
                if let Some(dual_sim) = answers.dual_sim {
                    row(Field::DualSim, Value::DualSim(dual_sim));
                }
            }
            Page::EnterImei if answers.imei_not_found => row(Field::Imei1, Value::ImeiNotFound),
            Page::EnterImei => {
                row(Field::Imei1, imei_value(&answers.imei_1));
                if answers.asks_second_imei() {
                    row(Field::Imei2, imei_value(&answers.imei_2));
                }
            }
            Page::BlockIt => row(Field::ProviderReference, text(&answers.provider_reference)),
            Page::Police => {
                if let Some(force) = &answers.police_force {
                    row(Field::PoliceForce, Value::PoliceForce(force.clone()));
                }
                if let Some(how) = answers.how_reported {
                    row(Field::HowReported, Value::HowReported(how));
                }
            }
            Page::Reference if answers.is_lost() => row(
                Field::LostPropertyReference,
                reference_value(
                    &answers.lost_property_reference,
                    answers.lost_property_reference_later,
                ),
            ),
            Page::Reference => row(
                Field::CrimeReference,
                reference_value(&answers.crime_reference, answers.crime_reference_later),
            ),
            Page::Insurance => {
                if let Some(insured) = answers.insured {
                    row(Field::Insured, Value::YesNo(insured));
                }
            }
            Page::InsuranceDetails => {
                row(Field::Insurer, text(&answers.insurer));
                row(Field::PolicyNumber, text(&answers.policy_number));
                row(Field::ClaimReference, text(&answers.claim_reference));
            }
            Page::Start
            | Page::ActNow
            | Page::FindImei
            | Page::ImeiChecked
            | Page::CheckAnswers
            | Page::Report
            | Page::CheckCode
            | Page::About
            | Page::Signpost => {}
        }
    }
    rows
}

fn text(typed: &str) -> Value {
    match typed.trim() {
        "" => Value::NotGiven,
        trimmed => Value::Text(trimmed.to_owned()),
    }
}

fn imei_value(typed: &str) -> Value {
    imei::parse(typed).map_or_else(|_| text(typed), Value::Imei)
}

fn reference_value(typed: &str, later: bool) -> Value {
    if later { Value::AddLater } else { text(typed) }
}

/// Something the report does not have yet, for the next-steps checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Missing {
    /// "I can't find it": the network provider and police need the IMEI.
    Imei,
    /// A dual-SIM phone with only one IMEI given.
    SecondImei,
    /// The network provider is not known.
    NetworkProvider,
    /// The phone is not blocked yet, or the provider's reference was not noted.
    ProviderReference,
    /// Not reported to the police yet.
    PoliceReport,
    CrimeReference,
    LostPropertyReference,
    PolicyNumber,
    ClaimReference,
}

/// What is still missing from the report, most urgent first.
pub fn missing(answers: &Answers) -> Vec<Missing> {
    let blank = |text: &str| text.trim().is_empty();
    let insured = answers.insured == Some(true);
    let lost = answers.is_lost();
    [
        (answers.imei_not_found, Missing::Imei),
        (
            answers.dual_sim == Some(DualSim::Yes)
                && !answers.imei_not_found
                && blank(&answers.imei_2),
            Missing::SecondImei,
        ),
        (
            answers.network == Some(Network::DontKnow),
            Missing::NetworkProvider,
        ),
        (
            blank(&answers.provider_reference),
            Missing::ProviderReference,
        ),
        (
            !lost && answers.how_reported == Some(HowReported::NotYet),
            Missing::PoliceReport,
        ),
        (
            !lost && (answers.crime_reference_later || blank(&answers.crime_reference)),
            Missing::CrimeReference,
        ),
        (
            lost && (answers.lost_property_reference_later
                || blank(&answers.lost_property_reference)),
            Missing::LostPropertyReference,
        ),
        (
            insured && blank(&answers.policy_number),
            Missing::PolicyNumber,
        ),
        (
            insured && blank(&answers.claim_reference),
            Missing::ClaimReference,
        ),
    ]
    .into_iter()
    .filter_map(|(is_missing, what)| is_missing.then_some(what))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theft() -> Answers {
        Answers {
            whose_device: Some(WhoseDevice::SomeoneElses),
            incident: Some(WhatHappened::Theft),
            dual_sim: Some(DualSim::Yes),
            imei_1: "35 209900 176148 1".into(),
            provider_reference: "VF-1".into(),
            crime_reference: "CR/1".into(),
            insured: Some(false),
            ..Answers::default()
        }
    }

    #[test]
    fn rows_come_in_journey_order_and_link_to_pages_on_the_path() {
        let rows = summary(&theft());
        let on_path = path(&theft());
        assert!(rows.iter().all(|r| on_path.contains(&r.page)));
        assert!(rows.windows(2).all(|w| match w {
            [a, b] => a.page <= b.page,
            _ => true,
        }));
    }

    #[test]
    fn a_checked_imei_is_shown_as_an_imei_and_a_blank_second_as_not_given() {
        let rows = summary(&theft());
        let imei_rows: Vec<_> = rows.iter().filter(|r| r.page == Page::EnterImei).collect();
        assert_eq!(imei_rows.len(), 2);
        assert!(matches!(
            imei_rows.first().map(|r| &r.value),
            Some(Value::Imei(_))
        ));
        assert_eq!(imei_rows.get(1).map(|r| &r.value), Some(&Value::NotGiven));
    }

    #[test]
    fn rows_follow_the_answers_path() {
        let lost = Answers {
            incident: Some(WhatHappened::Lost),
            lost_property_reference_later: true,
            insured: Some(true),
            ..theft()
        };
        let fields: Vec<_> = summary(&lost).into_iter().map(|r| r.field).collect();
        assert!(!fields.contains(&Field::PoliceForce));
        assert!(!fields.contains(&Field::CrimeReference));
        assert!(fields.contains(&Field::LostPropertyReference));
        assert!(fields.contains(&Field::Insurer));
    }

    #[test]
    fn lists_what_the_report_still_lacks() {
        let answers = Answers {
            imei_1: String::new(),
            imei_not_found: true,
            network: Some(Network::DontKnow),
            provider_reference: String::new(),
            how_reported: Some(HowReported::NotYet),
            crime_reference_later: true,
            insured: Some(true),
            ..theft()
        };
        assert_eq!(
            missing(&answers),
            [
                Missing::Imei,
                Missing::NetworkProvider,
                Missing::ProviderReference,
                Missing::PoliceReport,
                Missing::CrimeReference,
                Missing::PolicyNumber,
                Missing::ClaimReference,
            ]
        );
        assert_eq!(missing(&theft()), [Missing::SecondImei]);
    }
}
