//! From the journey's answers to the report that the codes carry. Answers
//! are kept as typed; a report holds only values the handover format
//! accepts. Anything that does not fit is left out and named, so the report
//! page can say so rather than fail.

use super::answers::{Answers, Field};
use crate::device::imei::{self, Imei};
use crate::device::make::Make;
use crate::directory::Directories;
use crate::report::{
    self, ClaimReference, Imeis, Insurance, InsurerName, Model, PoliceForce, PolicyNumber,
    Reference, Report, Victim, WhatHappened,
};
use crate::values::date::{LocalTime, UtcOffset, When, parse_date, parse_time};
use crate::values::phone::PhoneNumber;

/// A report made from the answers, and the answers it could not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltReport {
    pub report: Report,
    /// Fields that had something typed in them but were left out of the
    /// codes: too long, a character the format cannot hold, or not valid.
    pub left_out: Vec<Field>,
}

/// Why no report can be made yet: a required answer is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    WhatHappened,
    Date,
}

/// Builds the report. `directories` are the ones the victim chose from (the
/// shipped ones with the host's entries merged in), so the force is named as
/// the Police page showed it. `utc_offset_minutes` is the victim's offset
/// from UTC (east positive) at the time of the theft; the UI asks the
/// browser for it.
pub fn build_report(
    answers: &Answers,
    directories: &Directories,
    utc_offset_minutes: i16,
) -> Result<BuiltReport, NotReady> {
    let incident = answers.incident.ok_or(NotReady::WhatHappened)?;
    let date = parse_date(&answers.date_day, &answers.date_month, &answers.date_year)
        .map_err(|_| NotReady::Date)?;
    let mut left_out = Vec::new();
    let mut keep = |field: Field, typed: &str, ok: bool| {
        if !ok && !typed.trim().is_empty() {
            left_out.push(field);
        }
    };

    let time = local_time(&answers.time, utc_offset_minutes);
    keep(Field::Time, &answers.time, time.is_some());

    let imeis = if answers.imei_not_found {
        Imeis::NotFound
    } else {
        let first = imei::parse(&answers.imei_1).ok();
        keep(Field::Imei1, &answers.imei_1, first.is_some());
        let second = if answers.asks_second_imei() {
            let second = imei::parse(&answers.imei_2).ok();
            keep(Field::Imei2, &answers.imei_2, second.is_some());
            second
        } else {
            None
        };
        imeis_from(first, second)
    };

    let phone = optional(&answers.phone_number, |t| PhoneNumber::parse(t).ok());
    keep(Field::PhoneNumber, &answers.phone_number, phone.is_some());
    let model = optional(&answers.model, |t| Model::new(t).ok());
    keep(Field::Model, &answers.model, model.is_some());

    let (reference_typed, later, reference_field) = if incident == WhatHappened::Lost {
        (
            &answers.lost_property_reference,
            answers.lost_property_reference_later,
            Field::LostPropertyReference,
        )
    } else {
        (
            &answers.crime_reference,
            answers.crime_reference_later,
            Field::CrimeReference,
        )
    };
    let reference = if later {
        None
    } else {
        let reference = optional(reference_typed, |t| Reference::new(t).ok());
        keep(reference_field, reference_typed, reference.is_some());
        reference
    };

    // The police page is not on a lost phone's journey.
    let police_force = match (&answers.police_force, incident) {
        (Some(id), WhatHappened::Robbery | WhatHappened::Theft | WhatHappened::Burglary) => {
            let name = directories
                .force(id)
                .and_then(|f| PoliceForce::new(&f.name).ok());
            keep(Field::PoliceForce, id, name.is_some());
            name
        }
        _ => None,
    };

    let insurance = if answers.insured == Some(true) {
        let insurer = optional(&answers.insurer, |t| InsurerName::new(t).ok());
        keep(Field::Insurer, &answers.insurer, insurer.is_some());
        let policy_number = optional(&answers.policy_number, |t| PolicyNumber::new(t).ok());
        keep(
            Field::PolicyNumber,
            &answers.policy_number,
            policy_number.is_some(),
        );
        let claim_reference = optional(&answers.claim_reference, |t| ClaimReference::new(t).ok());
        keep(
            Field::ClaimReference,
            &answers.claim_reference,
            claim_reference.is_some(),
        );
        Insurance {
            insurer,
            policy_number,
            claim_reference,
        }
    } else {
        Insurance::default()
    };

    let report = Report {
        imeis,
        phone,
        make: answers
            .make
            .and_then(Make::name)
            .and_then(|m| report::MakerName::new(m).ok()),
        model,
        what_happened: incident,
        when: When { date, time },
        reference,
        police_force,
        insurance,
        victim: Victim::default(),
    };
    Ok(BuiltReport { report, left_out })
}

/// Whether the insurer gets a code: only when the victim said the phone is
/// insured.
pub fn has_insurer_code(answers: &Answers) -> bool {
    answers.insured == Some(true)
}

/// `None` for blank text; otherwise what `read` makes of it.
fn optional<T>(typed: &str, read: impl Fn(&str) -> Option<T>) -> Option<T> {
    if typed.trim().is_empty() {
        None
    } else {
        read(typed)
    }
}

fn local_time(typed: &str, utc_offset_minutes: i16) -> Option<LocalTime> {
    Some(LocalTime {
        time: parse_time(typed)?,
        // An offset the format cannot hold is not the victim's fault:
        // keep the time and say it is UTC rather than lose it.
        offset: UtcOffset::from_minutes(utc_offset_minutes).unwrap_or(UtcOffset::UTC),
    })
}

fn imeis_from(first: Option<Imei>, second: Option<Imei>) -> Imeis {
    match (first, second) {
        (Some(a), Some(b)) if a != b => Imeis::Two(a, b),
        (Some(a), _) | (None, Some(a)) => Imeis::One(a),
        (None, None) => Imeis::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::shipped;
    use crate::journey::{DualSim, HowReported, Network, WhoseDevice};
    use crate::report::code::{Recipient, decode, encode};

    fn robbery() -> Answers {
        Answers {
            whose_device: Some(WhoseDevice::SomeoneElses),
            incident: Some(WhatHappened::Robbery),
            date_day: "24".into(),
            date_month: "11".into(),
            date_year: "2026".into(),
            time: "9.30pm".into(),
            place: "High Street".into(),
            make: Some(Make::Apple),
            model: "iPhone 15 Pro".into(),
            phone_number: "07700 900123".into(),
            network: Some(Network::DontKnow),
            dual_sim: Some(DualSim::Yes),
            imei_1: "35 209900 176148 1".into(),
            imei_2: "490154203237518".into(),
            police_force: Some("metropolitan".into()),
            how_reported: Some(HowReported::Online),
            crime_reference: "01/123456/26".into(),
            insured: Some(true),
            insurer: "Acme Insurance".into(),
            policy_number: "POL-778899".into(),
            claim_reference: "CLM 2026/0042".into(),
            ..Answers::default()
        }
    }

    #[test]
    fn a_full_journey_gives_the_first_test_vector() {
        let built = build_report(&robbery(), &shipped(), 0).unwrap();
        assert_eq!(built.left_out, []);
        let code = encode(&built.report, Recipient::NetworkProvider);
        assert_eq!(
            code,
            "PHONE-THEFT-REPORT/1\nFOR: network provider\nIMEI: 352099001761481\n\
             IMEI: 490154203237518\nPHONE: +447700900123\nMAKE: Apple\n\
             MODEL: iPhone 15 Pro\nEVENT: robbery\nWHEN: 2026-11-24T21:30+00:00\n\
             CRIME-REF: 01/123456/26\nPOLICE: Metropolitan Police Service\nCRC32: 47099B1D"
        );
        let insurer = decode(&encode(&built.report, Recipient::Insurer)).unwrap();
        let insurance = &insurer.report.insurance;
        assert_eq!(
            insurance.insurer.as_ref().map(|i| i.as_str()),
            Some("Acme Insurance")
        );
        assert_eq!(
            insurance.claim_reference.as_ref().map(|c| c.as_str()),
            Some("CLM 2026/0042")
        );
    }

    #[test]
    fn the_offset_is_the_one_passed_in_and_a_date_alone_has_none() {
        let built = build_report(&robbery(), &shipped(), 60).unwrap();
        assert_eq!(built.report.when.to_string(), "2026-11-24T21:30+01:00");
        let no_time = Answers {
            time: String::new(),
            ..robbery()
        };
        let built = build_report(&no_time, &shipped(), 60).unwrap();
        assert_eq!(built.report.when.to_string(), "2026-11-24");
    }

    #[test]
    fn not_found_and_add_later_leave_lines_out_without_complaint() {
        let answers = Answers {
            imei_not_found: true,
            crime_reference: String::new(),
            crime_reference_later: true,
            insured: Some(false),
            ..robbery()
        };
        let built = build_report(&answers, &shipped(), 0).unwrap();
        assert_eq!(built.left_out, []);
        assert_eq!(built.report.imeis, Imeis::NotFound);
        assert_eq!(built.report.reference, None);
        assert_eq!(built.report.insurance, Insurance::default());
    }

    #[test]
    fn a_lost_phone_uses_the_lost_property_reference_and_no_police() {
        let answers = Answers {
            incident: Some(WhatHappened::Lost),
            lost_property_reference: "LP-77".into(),
            ..robbery()
        };
        let built = build_report(&answers, &shipped(), 0).unwrap();
        assert_eq!(built.report.what_happened, WhatHappened::Lost);
        assert_eq!(
            built.report.reference.as_ref().map(|r| r.as_str()),
            Some("LP-77")
        );
        assert_eq!(built.report.police_force, None);
        assert!(encode(&built.report, Recipient::NetworkProvider).contains("\nLOST-REF: LP-77\n"));
    }

    #[test]
    fn text_the_format_cannot_hold_is_left_out_and_named() {
        let answers = Answers {
            model: "x".repeat(41),
            crime_reference: "CR–1 with an en dash".into(),
            insurer: "Acme\u{202E}Evil".into(),
            policy_number: "P".repeat(31),
            claim_reference: "C\\1".into(),
            phone_number: "call me".into(),
            imei_2: "490154203237519".into(),
            police_force: Some("no-such-force".into()),
            time: "teatime".into(),
            ..robbery()
        };
        let built = build_report(&answers, &shipped(), 0).unwrap();
        assert_eq!(
            built.left_out,
            [
                Field::Time,
                Field::Imei2,
                Field::PhoneNumber,
                Field::Model,
                Field::CrimeReference,
                Field::PoliceForce,
                Field::Insurer,
                Field::PolicyNumber,
                Field::ClaimReference,
            ]
        );
        let report = &built.report;
        assert_eq!(report.imeis.len(), 1);
        assert_eq!(report.model, None);
        for recipient in Recipient::ALL {
            assert!(decode(&encode(report, recipient)).is_ok());
        }
    }

    #[test]
    fn a_second_imei_equal_to_the_first_is_written_once() {
        let answers = Answers {
            imei_2: "352099001761481".into(),
            ..robbery()
        };
        assert_eq!(
            build_report(&answers, &shipped(), 0)
                .unwrap()
                .report
                .imeis
                .len(),
            1
        );
    }

    #[test]
    fn an_offset_out_of_range_falls_back_to_utc() {
        let built = build_report(&robbery(), &shipped(), 900).unwrap();
        assert_eq!(built.report.when.to_string(), "2026-11-24T21:30+00:00");
    }

    #[test]
    fn without_what_happened_or_a_date_there_is_no_report_yet() {
        let no_incident = Answers {
            incident: None,
            ..robbery()
        };
        assert_eq!(
            build_report(&no_incident, &shipped(), 0),
            Err(NotReady::WhatHappened)
        );
        let no_date = Answers {
            date_day: "31".into(),
            date_month: "2".into(),
            ..robbery()
        };
        assert_eq!(build_report(&no_date, &shipped(), 0), Err(NotReady::Date));
    }

    #[test]
    fn every_answers_value_builds_a_report_that_encodes_and_renders() {
        let huge = "é".repeat(600);
        let answers = Answers {
            model: huge.clone(),
            insurer: huge.clone(),
            crime_reference: huge.clone(),
            phone_number: huge,
            ..robbery()
        };
        let built = build_report(&answers, &shipped(), 0).unwrap();
        for recipient in Recipient::ALL {
            let code = encode(&built.report, recipient);
            assert!(crate::report::qr::render(&code).is_ok());
        }
    }

    #[test]
    fn the_force_is_named_as_the_directories_given_name_it() {
        let mut directories = shipped();
        let mut added = directories.forces[0].clone();
        added.id = "harbour".into();
        added.name = "Harbour Police".into();
        directories.forces.push(added);
        directories
            .forces
            .iter_mut()
            .filter(|f| f.id == "metropolitan")
            .for_each(|f| f.name = "The Met".into());
        let force = |id: &str| {
            let answers = Answers {
                police_force: Some(id.into()),
                ..robbery()
            };
            build_report(&answers, &directories, 0)
                .unwrap()
                .report
                .police_force
                .map(|f| f.as_str().to_owned())
        };
        assert_eq!(force("harbour").as_deref(), Some("Harbour Police"));
        assert_eq!(force("metropolitan").as_deref(), Some("The Met"));
        assert_eq!(force("nowhere"), None);
    }
}
