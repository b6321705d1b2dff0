//! Properties over any answers and any stored text (proptest is a
//! native-only dev-dependency).

use proptest::prelude::*;

use super::*;
use crate::device::make::Make;
use crate::report::WhatHappened;
use crate::values::date::Date;

fn reachable(page: Page, answers: &Answers, today: Date) -> Page {
    Checked::new(answers, today).reachable(page)
}

fn today() -> Date {
    Date::new(2025, 3, 9).unwrap_or_else(|_| unreachable!())
}

/// Text that is often a valid answer and sometimes anything at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("352099001761481".to_owned()),
        Just("490154203237518".to_owned()),
        Just("9".to_owned()),
        Just("3".to_owned()),
        Just("2025".to_owned()),
        Just("9.30pm".to_owned()),
        Just("SW1A 1AA".to_owned()),
        Just("07700 900123".to_owned()),
        Just("CR/2025/1".to_owned()),
        ".{0,30}",
    ]
}

fn choice<C: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<C>> {
    prop::option::of(prop::sample::select(C::ALL))
}

fn network() -> impl Strategy<Value = Option<Network>> {
    prop_oneof![
        Just(None),
        Just(Some(Network::Other)),
        Just(Some(Network::DontKnow)),
        "[a-z<>-]{0,6}".prop_map(|id| Some(Network::Listed(id))),
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    let choices = (
        choice::<WhoseDevice>(),
        choice::<WhatHappened>(),
        choice::<Make>(),
        network(),
        choice::<DualSim>(),
        prop::option::of("[a-z<>-]{0,8}"),
        choice::<HowReported>(),
        prop::option::of(any::<bool>()),
    );
    let texts = prop::collection::vec(typed(), Field::ALL.len());
    let flags = prop::collection::vec(any::<bool>(), Field::ALL.len());
    (choices, texts, flags).prop_map(|(choices, texts, flags)| {
        let (whose, incident, make, network, dual_sim, force, how, insured) = choices;
        let mut answers = Answers {
            whose_device: whose,
            incident,
            make,
            network,
            dual_sim,
            police_force: force,
            how_reported: how,
            insured,
            ..Answers::default()
        };
        for ((field, text), flag) in Field::ALL.into_iter().zip(texts).zip(flags) {
            if let Some(slot) = answers.text_mut(field) {
                *slot = text;
            }
            if let Some(slot) = answers.flag_mut(field) {
                *slot = flag;
            }
        }
        answers
    })
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Journey), Just(Mode::Changing)]
}

proptest! {
    #[test]
    fn any_text_is_a_page_or_a_draft_load_and_never_a_panic(text in any::<String>()) {
        let _ = route(&text);
        let _ = draft_from_json(&text, 1_741_500_000);
    }

    #[test]
    fn any_json_shaped_text_never_panics_the_draft_reader(
        key in prop::sample::select(Field::ALL.map(Field::key).to_vec()),
        value in prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("-1".to_owned()),
            Just("1e999".to_owned()),
            Just("[[[]]]".to_owned()),
            Just("{\"id\":{}}".to_owned()),
            "\"[^\"\\\\]{0,40}\"",
        ],
        saved_at in any::<u64>(),
        now in any::<u64>(),
    ) {
        let text = format!(
            "{{\"version\":1,\"saved_at\":{saved_at},\"answers\":{{\"whose-device\":\"mine\",\"{key}\":{value}}}}}"
        );
        let _ = draft_from_json(&text, now);
    }

    #[test]
    fn continue_always_moves_to_another_page(answers in answers(), mode in mode()) {
        for page in Page::ALL {
            prop_assert_ne!(next(page, &answers, mode), page);
        }
    }

    #[test]
    fn the_journey_always_reaches_the_report(answers in answers()) {
        let mut page = Page::Start;
        for _ in 0..Page::ALL.len() {
            if page == Page::Report {
                break;
            }
            page = next(page, &answers, Mode::Journey);
        }
        prop_assert_eq!(page, Page::Report);
    }

    #[test]
    fn a_change_always_comes_back_to_check_answers(answers in answers()) {
        for start in path(&answers).into_iter().filter(|&p| p < Page::CheckAnswers) {
            let mut page = start;
            for _ in 0..Page::ALL.len() {
                if page == Page::CheckAnswers {
                    break;
                }
                page = next(page, &answers, Mode::Changing);
            }
            prop_assert_eq!(page, Page::CheckAnswers);
        }
    }

    #[test]
    fn back_undoes_continue(answers in answers()) {
        for page in path(&answers).into_iter().filter(|&p| p != Page::Report) {
            prop_assert_eq!(previous(next(page, &answers, Mode::Journey), &answers, Mode::Journey), page);
        }
    }

    #[test]
    fn a_reachable_page_has_every_earlier_question_answered(answers in answers(), asked in prop::sample::select(Page::ALL.to_vec())) {
        let shown = reachable(asked, &answers, today());
        prop_assert_eq!(reachable(shown, &answers, today()), shown);
        if Page::PRE_RENDERED.contains(&asked) {
            prop_assert_eq!(shown, asked);
        } else if shown.is_in_journey() && !Page::PRE_RENDERED.contains(&shown) {
            prop_assert!(path(&answers).contains(&shown));
            for earlier in path(&answers).into_iter().filter(|&p| p < shown) {
                prop_assert!(validate(earlier, &answers, today()).is_empty());
            }
            // It stops short of the page asked for only at a question that
            // needs an answer.
            let asked_on_path = path(&answers).contains(&asked);
            if asked_on_path && shown != asked {
                prop_assert!(shown < asked);
                prop_assert!(!validate(shown, &answers, today()).is_empty());
            }
        }
    }

    #[test]
    fn a_saved_draft_restores_every_valid_answer(answers in answers()) {
        let mine = Answers { whose_device: Some(WhoseDevice::Mine), ..answers };
        let text = draft_to_json(&mine, 1_741_500_000);
        let loaded = text.map(|t| draft_from_json(&t, 1_741_500_000));
        let mut expected = mine;
        if expected.police_force.as_deref().is_some_and(|id| !is_plausible_id(id)) {
            expected.police_force = None;
        }
        if matches!(&expected.network, Some(Network::Listed(id)) if !is_plausible_id(id)) {
            expected.network = None;
        }
        prop_assert_eq!(loaded.and_then(Result::ok).map(|d| d.answers), Some(expected));
    }
}
