//! The journey's simple question pages: one question each, bound to one
//! answer.

use leptos::prelude::*;

use crate::ui::components::form::{
    Heading, PageWarnings, QuestionPage, RadioOption, Radios, TextField,
};
use crate::ui::state::{tr, tr_numbers, use_state};
use crate::ui::words;
use stolen_phone_core::device::make::Make;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Choice, DualSim, Field, Network, Page, WhoseDevice};
use stolen_phone_core::report::WhatHappened;

/// Whose device this is: on the victim's own, progress may be saved; on
/// anyone else's, nothing is stored.
#[component]
pub fn WhoseDevicePage() -> impl IntoView {
    let options = vec![
        RadioOption::of(
            WhoseDevice::Mine,
            Msg::WhoseDeviceMine,
            Some(Msg::WhoseDeviceMineHint),
        ),
        RadioOption::of(
            WhoseDevice::SomeoneElses,
            Msg::WhoseDeviceSomeoneElses,
            Some(Msg::WhoseDeviceSomeoneElsesHint),
        ),
    ];
    view! {
        <QuestionPage page=Page::WhoseDevice>
            <Radios field=Field::WhoseDevice legend=Msg::WhoseDeviceQuestion options=options
                get=|a| a.whose_device.map(|w| w.key().to_owned())
                set=|a, key| a.whose_device = WhoseDevice::from_key(key)/>
        </QuestionPage>
    }
}

#[component]
pub fn WhatHappenedPage() -> impl IntoView {
    let hints = [
        Msg::IncidentRobberyHint,
        Msg::IncidentTheftHint,
        Msg::IncidentBurglaryHint,
        Msg::IncidentLostHint,
    ];
    let options = WhatHappened::ALL
        .iter()
        .zip(hints)
        .map(|(&i, hint)| RadioOption::of(i, words::incident(i), Some(hint)))
        .collect();
    view! {
        <QuestionPage page=Page::WhatHappened>
            <Radios field=Field::Incident legend=Msg::WhatHappenedQuestion options=options
                get=|a| a.incident.map(|i| i.key().to_owned())
                set=|a, key| a.incident = WhatHappened::from_key(key)/>
        </QuestionPage>
    }
}

#[component]
pub fn WhenPage() -> impl IntoView {
    view! {
        <QuestionPage page=Page::When>
            <DateField/>
            <PageWarnings page=Page::When/>
            <TextField field=Field::Time label=Msg::TimeLabel hint=Msg::TimeHint class="input input--width-10"/>
        </QuestionPage>
    }
}

/// Day, month and year boxes, GOV.UK style, under one h1 legend.
#[component]
fn DateField() -> impl IntoView {
    use crate::ui::components::form::{InlineError, field_error};
    let state = use_state();
    // A date problem is reported against whichever part is wrong; show the
    // first of them once, above the three boxes.
    let parts = [Field::DateDay, Field::DateMonth, Field::DateYear];
    let errors = parts.map(field_error);
    let error = Signal::derive(move || errors.iter().find_map(|e| e.get()));
    let part = move |field: Field, label: Msg, width: &'static str| {
        let value = move || {
            state
                .answers
                .with(|a| a.text(field).unwrap_or_default().to_owned())
        };
        let id = field.key();
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=id>{tr(label)}</label>
                <input class=format!("input date-input__input {width}") class:input--error=move || error.with(Option::is_some)
                    id=id name=id type="text" inputmode="numeric" autocomplete="off"
                    prop:value=value
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.answers.update(|a| if let Some(slot) = a.text_mut(field) { *slot = text });
                    }/>
            </div>
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" role="group" aria-describedby="date-hint">
                <legend class="fieldset__legend fieldset__legend--l">
                    <h1 class="fieldset__heading" tabindex="-1">{tr(Msg::WhenQuestion)}</h1>
                </legend>
                <div id="date-hint" class="hint">{tr_numbers(Msg::WhenHint)}</div>
                <InlineError field=Field::DateDay error=error/>
                <div class="date-input">
                    {part(Field::DateDay, Msg::DateDay, "input--width-2")}
                    {part(Field::DateMonth, Msg::DateMonth, "input--width-2")}
                    {part(Field::DateYear, Msg::DateYear, "input--width-4")}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
pub fn WherePage() -> impl IntoView {
    view! {
        <QuestionPage page=Page::Where>
            <TextField field=Field::Place label=Msg::WhereQuestion hint=Msg::WhereHint heading=Heading::Page multiline=true/>
            <TextField field=Field::Postcode label=Msg::PostcodeLabel autocomplete="postal-code" class="input input--width-10"/>
        </QuestionPage>
    }
}

#[component]
pub fn PhonePage() -> impl IntoView {
    let options = Make::ALL
        .iter()
        .map(|&m| RadioOption::of(m, words::make(m), None))
        .collect();
    view! {
        <QuestionPage page=Page::Phone>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::PhoneTitle)}</h1>
            <Radios field=Field::Make legend=Msg::MakeQuestion heading=Heading::Field options=options
                get=|a| a.make.map(|m| m.key().to_owned())
                set=|a, key| a.make = Make::from_key(key)/>
            <TextField field=Field::Model label=Msg::ModelLabel hint=Msg::ModelHint/>
            <TextField field=Field::Colour label=Msg::ColourLabel class="input input--width-20"/>
            <TextField field=Field::Features label=Msg::FeaturesLabel hint=Msg::FeaturesHint multiline=true/>
        </QuestionPage>
    }
}

#[component]
pub fn PhoneNumberPage() -> impl IntoView {
    view! {
        <QuestionPage page=Page::PhoneNumber>
            <TextField field=Field::PhoneNumber label=Msg::PhoneNumberQuestion hint=Msg::PhoneNumberHint
                heading=Heading::Page input_type="tel" autocomplete="tel" class="input input--width-20"/>
        </QuestionPage>
    }
}

#[component]
pub fn NetworkPage() -> impl IntoView {
    let providers: Vec<_> = use_state()
        .directories
        .with_untracked(|d| d.providers_by_name().into_iter().cloned().collect());
    let mut options: Vec<RadioOption> = providers
        .into_iter()
        .map(|p| {
            let name = p.name.clone();
            RadioOption {
                key: p.id.clone(),
                label: Signal::derive(move || name.clone()),
                hint: None,
            }
        })
        .collect();
    options.push(RadioOption {
        key: "other".into(),
        label: Signal::derive(tr(Msg::NetworkOther)),
        hint: None,
    });
    options.push(RadioOption {
        key: "dont-know".into(),
        label: Signal::derive(tr(Msg::DontKnow)),
        hint: None,
    });
    view! {
        <QuestionPage page=Page::Network>
            <Radios field=Field::Network legend=Msg::NetworkQuestion hint=Msg::NetworkHint options=options
                get=|a| a.network.as_ref().map(|n| match n {
                    Network::Listed(id) => id.clone(),
                    Network::Other => "other".to_owned(),
                    Network::DontKnow => "dont-know".to_owned(),
                })
                set=|a, key| a.network = Some(match key {
                    "other" => Network::Other,
                    "dont-know" => Network::DontKnow,
                    id => Network::Listed(id.to_owned()),
                })/>
        </QuestionPage>
    }
}

#[component]
pub fn DualSimPage() -> impl IntoView {
    let options = DualSim::ALL
        .iter()
        .map(|&d| RadioOption::of(d, words::dual_sim(d), None))
        .collect();
    view! {
        <QuestionPage page=Page::DualSim>
            <Radios field=Field::DualSim legend=Msg::DualSimQuestion hint=Msg::DualSimHint options=options
                get=|a| a.dual_sim.map(|d| d.key().to_owned())
                set=|a, key| a.dual_sim = DualSim::from_key(key)/>
        </QuestionPage>
    }
}
