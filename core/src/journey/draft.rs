//! The draft saved on the victim's own device, so that they can come back to
//! it. It is read field by field: whatever is stored may be old, cut short or
//! written by someone else, so each answer is kept only if it is valid, and
//! what is dropped is reported.
//!
//! ```json
//! {"version": 1, "saved_at": 1741500000,
//!  "answers": {"whose-device": "mine", "incident": "theft", "imei-1": "35 209900 176148 1"}}
//! ```
//!
//! Keys in `answers` are `Field::key`; choices are `Choice::key`; the network
//! is `"other"`, `"dont-know"` or `{"id": "<directory id>"}`; checkboxes and
//! `insured` are booleans. Empty answers are left out.

use crate::json::fields::{Fields, Kind, Wrong};
use crate::json::{self, Value};

use super::answers::{
    Answers, Choice, DualSim, Field, HowReported, Network, WhoseDevice, is_plausible_id,
};
use crate::device::make::Make;

pub const DRAFT_VERSION: u64 = 1;
/// A draft older than this is not offered back.
pub const DRAFT_LIFETIME_SECONDS: u64 = 30 * 24 * 60 * 60;
/// No answer is longer than this; a longer stored string is not an answer.
pub const DRAFT_MAX_CHARS: usize = 500;
/// Clocks drift and get changed; beyond this, a draft "from the future" is
/// refused so that it cannot outlive its lifetime.
const CLOCK_SKEW_SECONDS: u64 = 24 * 60 * 60;

/// What reading a stored draft gave. On a rejection nothing is kept, and the
/// UI should delete the stored draft.
pub type DraftLoad = Result<RestoredDraft, Rejection>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoredDraft {
    pub answers: Answers,
    pub saved_at_unix_seconds: u64,
    /// What was left out, to tell the victim that some answers are gone.
    pub dropped: Vec<Dropped>,
}

/// Why a whole draft is not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// Not JSON (cut short, say), or not shaped like a draft.
    Unreadable,
    /// Missing version, or one this version of the widget does not know.
    UnsupportedVersion,
    Expired,
    SavedInTheFuture,
    /// Drafts are only ever saved on the victim's own device.
    NotOwnDevice,
}

/// For the console: why the saved answers were cleared.
impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Rejection::Unreadable => "they were not readable",
            Rejection::UnsupportedVersion => "they came from a version this widget does not know",
            Rejection::Expired => "they were more than 30 days old",
            Rejection::SavedInTheFuture => "they were dated in the future",
            Rejection::NotOwnDevice => "they were saved for someone else's device",
        })
    }
}

/// Part of a draft that was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// An answer that is the wrong kind of value, too long, or none of the
    /// options.
    Answer { field: Field, wrong: Wrong },
    /// Keys this version does not know, counted rather than listed.
    UnknownKeys { count: usize },
}

/// The draft to store, or `None` on someone else's device, where nothing may
/// be stored.
pub fn draft_to_json(answers: &Answers, saved_at_unix_seconds: u64) -> Option<String> {
    if answers.whose_device != Some(WhoseDevice::Mine) {
        return None;
    }
    let mut stored = Vec::new();
    let mut put = |field: Field, value: Value| {
        stored.push((field.key().to_owned(), value));
    };
    let text = |text: &str| Value::String(text.to_owned());
    put(Field::WhoseDevice, text(WhoseDevice::Mine.key()));
    if let Some(incident) = answers.incident {
        put(Field::Incident, text(incident.key()));
    }
    if let Some(make) = answers.make {
        put(Field::Make, text(make.key()));
    }
    if let Some(network) = &answers.network {
        let value = match network {
            Network::Listed(id) => Value::Object(vec![("id".to_owned(), text(id))]),
            Network::Other => text("other"),
            Network::DontKnow => text("dont-know"),
        };
        put(Field::Network, value);
    }
    if let Some(dual_sim) = answers.dual_sim {
        put(Field::DualSim, text(dual_sim.key()));
    }
    if let Some(force) = &answers.police_force {
        put(Field::PoliceForce, text(force));
    }
    if let Some(how) = answers.how_reported {
        put(Field::HowReported, text(how.key()));
    }
    if let Some(insured) = answers.insured {
        put(Field::Insured, Value::Bool(insured));
    }
    for field in Field::ALL {
        if let Some(typed) = answers.text(field).filter(|t| !t.is_empty()) {
            put(field, text(typed));
        }
    }
    for field in Field::ALL {
        if answers.flag(field) == Some(true) {
            put(field, Value::Bool(true));
        }
    }
    let draft = Value::Object(vec![
        ("version".to_owned(), Value::from_u64(DRAFT_VERSION)),
        (
            "saved_at".to_owned(),
            Value::from_u64(saved_at_unix_seconds),
        ),
        ("answers".to_owned(), Value::Object(stored)),
    ]);
    Some(draft.to_json())
}

/// Reads a stored draft. Never panics, whatever the text.
pub fn draft_from_json(text: &str, now_unix_seconds: u64) -> DraftLoad {
    let now = now_unix_seconds;
    let draft = json::parse(text).map_err(|_| Rejection::Unreadable)?;
    // Only the answers' problems are reported; any other is a rejection.
    let mut shape = Vec::new();
    let mut top = Fields::open(&draft, "", &mut shape).ok_or(Rejection::Unreadable)?;
    if top.get("version").and_then(Value::as_u64) != Some(DRAFT_VERSION) {
        return Err(Rejection::UnsupportedVersion);
    }
    let saved_at = top
        .required_whole_number("saved_at")
        .ok_or(Rejection::Unreadable)?;
    if saved_at > now.saturating_add(CLOCK_SKEW_SECONDS) {
        return Err(Rejection::SavedInTheFuture);
    }
    if now.saturating_sub(saved_at) > DRAFT_LIFETIME_SECONDS {
        return Err(Rejection::Expired);
    }
    let mut unknown = top
        .members()
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "version" | "saved_at" | "answers"))
        .count();
    let stored_answers = top.get("answers").ok_or(Rejection::Unreadable)?;
    let mut wrong_answers = Vec::new();
    let mut stored =
        Fields::open(stored_answers, "", &mut wrong_answers).ok_or(Rejection::Unreadable)?;
    if stored.get(Field::WhoseDevice.key()).and_then(Value::as_str) != Some(WhoseDevice::Mine.key())
    {
        return Err(Rejection::NotOwnDevice);
    }

    let mut answers = Answers {
        whose_device: Some(WhoseDevice::Mine),
        ..Answers::default()
    };
    for (key, value) in stored.members() {
        match Field::from_key(key) {
            None => unknown += 1,
            Some(field) => {
                if let Err(wrong) = restore(&mut answers, field, value) {
                    stored.problem(key, wrong);
                }
            }
        }
    }
    let mut dropped: Vec<Dropped> = wrong_answers
        .into_iter()
        .filter_map(|problem| {
            Field::from_key(&problem.path).map(|field| Dropped::Answer {
                field,
                wrong: problem.wrong,
            })
        })
        .collect();
    if unknown > 0 {
        dropped.push(Dropped::UnknownKeys { count: unknown });
    }
    Ok(RestoredDraft {
        answers,
        saved_at_unix_seconds: saved_at,
        dropped,
    })
}

/// Puts one stored answer in place, if it is valid. `null` counts as not
/// answered.
fn restore(answers: &mut Answers, field: Field, value: &Value) -> Result<(), Wrong> {
    if value.is_null() {
        return Ok(());
    }
    if let Some(text) = answers.text_mut(field) {
        *text = bounded_text(value)?.to_owned();
        return Ok(());
    }
    if let Some(flag) = answers.flag_mut(field) {
        *flag = as_flag(value)?;
        return Ok(());
    }
    match field {
        // Checked as a whole before any answer is read.
        Field::WhoseDevice => {}
        Field::Incident => answers.incident = Some(choice(value)?),
        Field::Make => answers.make = Some(choice::<Make>(value)?),
        Field::DualSim => answers.dual_sim = Some(choice::<DualSim>(value)?),
        Field::HowReported => answers.how_reported = Some(choice::<HowReported>(value)?),
        Field::Network => answers.network = Some(network(value)?),
        Field::PoliceForce => answers.police_force = Some(directory_id(value)?),
        Field::Insured => answers.insured = Some(as_flag(value)?),
        _ => return Err(Wrong::NotAnOption),
    }
    Ok(())
}

fn as_text(value: &Value) -> Result<&str, Wrong> {
    value.as_str().ok_or(Wrong::NotA(Kind::Text))
}

fn as_flag(value: &Value) -> Result<bool, Wrong> {
    value.as_bool().ok_or(Wrong::NotA(Kind::Flag))
}

fn bounded_text(value: &Value) -> Result<&str, Wrong> {
    let text = as_text(value)?;
    // A byte count bounds the character count, and is cheaper on huge text.
    if text.len() > DRAFT_MAX_CHARS && text.chars().count() > DRAFT_MAX_CHARS {
        return Err(Wrong::TooLong(DRAFT_MAX_CHARS));
    }
    Ok(text)
}

fn choice<C: Choice>(value: &Value) -> Result<C, Wrong> {
    C::from_key(as_text(value)?).ok_or(Wrong::NotAnOption)
}

fn network(value: &Value) -> Result<Network, Wrong> {
    match value {
        Value::String(key) if key == "other" => Ok(Network::Other),
        Value::String(key) if key == "dont-know" => Ok(Network::DontKnow),
        Value::String(_) => Err(Wrong::NotAnOption),
        Value::Object(_) => value
            .get("id")
            .ok_or(Wrong::Missing)
            .and_then(directory_id)
            .map(Network::Listed),
        _ => Err(Wrong::NotA(Kind::Object)),
    }
}

fn directory_id(value: &Value) -> Result<String, Wrong> {
    let id = as_text(value)?;
    if is_plausible_id(id) {
        Ok(id.to_owned())
    } else {
        Err(Wrong::NotAnOption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::WhatHappened;

    const SAVED_AT: u64 = 1_741_500_000;
    const DAY: u64 = 24 * 60 * 60;

    fn everything() -> Answers {
        Answers {
            whose_device: Some(WhoseDevice::Mine),
            incident: Some(WhatHappened::Robbery),
            date_day: "9".into(),
            date_month: "March".into(),
            date_year: "2025".into(),
            time: "about 9pm".into(),
            place: "Outside the station, \"Platform 2\" \u{1F4F1}".into(),
            postcode: "m1 1ae".into(),
            make: Some(Make::Samsung),
            model: "Galaxy S24".into(),
            colour: "Black".into(),
            features: "Cracked corner\nBlue case".into(),
            phone_number: "07700 900123".into(),
            network: Some(Network::Listed("three".into())),
            dual_sim: Some(DualSim::Yes),
            imei_1: "35 209900 176148 1".into(),
            imei_2: "4901542032375 18".into(),
            imei_not_found: false,
            provider_reference: "T-1".into(),
            police_force: Some("greater-manchester".into()),
            how_reported: Some(HowReported::Phone),
            crime_reference: "GMP/1".into(),
            crime_reference_later: true,
            lost_property_reference: "kept as typed".into(),
            lost_property_reference_later: true,
            insured: Some(true),
            insurer: "Example".into(),
            policy_number: "P-1".into(),
            claim_reference: String::new(),
        }
    }

    fn restored(text: &str) -> (Answers, Vec<Dropped>) {
        let draft = draft_from_json(text, SAVED_AT + DAY).unwrap();
        (draft.answers, draft.dropped)
    }

    fn with_answers(answers: &str) -> String {
        format!(r#"{{"version": 1, "saved_at": {SAVED_AT}, "answers": {answers}}}"#)
    }

    #[test]
    fn every_answer_survives_a_round_trip() {
        let text = draft_to_json(&everything(), SAVED_AT).unwrap();
        assert_eq!(
            draft_from_json(&text, SAVED_AT + DAY),
            Ok(RestoredDraft {
                answers: everything(),
                saved_at_unix_seconds: SAVED_AT,
                dropped: Vec::new(),
            })
        );
    }

    #[test]
    fn nothing_is_saved_on_someone_elses_device() {
        let shared = Answers {
            whose_device: Some(WhoseDevice::SomeoneElses),
            ..everything()
        };
        assert_eq!(draft_to_json(&shared, SAVED_AT), None);
        assert_eq!(draft_to_json(&Answers::default(), SAVED_AT), None);
    }

    #[test]
    fn a_draft_expires_after_30_days() {
        let text = draft_to_json(&everything(), SAVED_AT).unwrap();
        let last_moment = SAVED_AT + DRAFT_LIFETIME_SECONDS;
        assert!(draft_from_json(&text, last_moment).is_ok());
        assert_eq!(
            draft_from_json(&text, last_moment + 1),
            Err(Rejection::Expired)
        );
    }

    #[test]
    fn a_draft_from_the_future_is_refused() {
        let text = draft_to_json(&everything(), SAVED_AT + 2 * DAY).unwrap();
        assert_eq!(
            draft_from_json(&text, SAVED_AT),
            Err(Rejection::SavedInTheFuture)
        );
    }

    #[test]
    fn other_versions_are_refused() {
        for version in ["0", "2", "\"1\"", "null"] {
            let text =
                format!(r#"{{"version": {version}, "saved_at": {SAVED_AT}, "answers": {{}}}}"#);
            assert_eq!(
                draft_from_json(&text, SAVED_AT),
                Err(Rejection::UnsupportedVersion)
            );
        }
    }

    #[test]
    fn a_draft_cut_short_or_misshapen_is_unreadable() {
        let text = draft_to_json(&everything(), SAVED_AT).unwrap();
        let cut = text.get(..text.len() / 2).unwrap();
        for broken in [
            cut,
            "",
            "[]",
            "{\"version\":1}",
            "{\"version\":1,\"saved_at\":\"x\"}",
        ] {
            assert_eq!(
                draft_from_json(broken, SAVED_AT),
                Err(Rejection::Unreadable),
                "{broken}"
            );
        }
    }

    #[test]
    fn a_draft_not_marked_as_from_this_device_is_refused() {
        let text = with_answers(r#"{"whose-device": "someone-elses", "model": "x"}"#);
        assert_eq!(
            draft_from_json(&text, SAVED_AT),
            Err(Rejection::NotOwnDevice)
        );
    }

    #[test]
    fn wrong_types_are_dropped_and_the_rest_kept() {
        let text = with_answers(
            r#"{
                "whose-device": "mine",
                "model": 15,
                "colour": "Red",
                "imei-not-found": "yes",
                "incident": "abduction",
                "network": {"id": "<script>"},
                "insured": true,
                "police-force": ["kent"],
                "time": null
            }"#,
        );
        let (answers, dropped) = restored(&text);
        assert_eq!(
            answers,
            Answers {
                whose_device: Some(WhoseDevice::Mine),
                colour: "Red".into(),
                insured: Some(true),
                ..Answers::default()
            }
        );
        let mut reasons: Vec<_> = dropped
            .into_iter()
            .filter_map(|d| match d {
                Dropped::Answer { field, wrong } => Some((field.key(), wrong)),
                Dropped::UnknownKeys { .. } => None,
            })
            .collect();
        reasons.sort_by_key(|&(key, _)| key);
        assert_eq!(
            reasons,
            [
                ("imei-not-found", Wrong::NotA(Kind::Flag)),
                ("incident", Wrong::NotAnOption),
                ("model", Wrong::NotA(Kind::Text)),
                ("network", Wrong::NotAnOption),
                ("police-force", Wrong::NotA(Kind::Text)),
            ]
        );
    }

    #[test]
    fn a_huge_string_is_dropped_not_cut() {
        let huge = "9".repeat(1 << 20);
        let text = with_answers(&format!(
            r#"{{"whose-device": "mine", "place": "{huge}", "model": "Pixel"}}"#
        ));
        let (answers, dropped) = restored(&text);
        assert_eq!(answers.place, "");
        assert_eq!(answers.model, "Pixel");
        assert_eq!(
            dropped,
            [Dropped::Answer {
                field: Field::Place,
                wrong: Wrong::TooLong(DRAFT_MAX_CHARS)
            }]
        );
    }

    #[test]
    fn unknown_keys_are_counted_and_ignored() {
        let text = format!(
            r#"{{"version": 1, "saved_at": {SAVED_AT}, "extra": {{"a": 1}},
                "answers": {{"whose-device": "mine", "shoe-size": 9, "__proto__": {{}}, "colour": "Gold"}}}}"#
        );
        let (answers, dropped) = restored(&text);
        assert_eq!(answers.colour, "Gold");
        assert_eq!(dropped, [Dropped::UnknownKeys { count: 3 }]);
    }
}
