//! Report it to the police: which force, how to report, the facts they will
//! ask for (ready to copy), and whether the victim has reported it.

use leptos::prelude::*;

use crate::ui::components::contact::{CallLink, TextLink, WebLink};
use crate::ui::components::form::{
    Heading, InlineError, QuestionPage, RadioOption, Radios, field_error,
};
use crate::ui::state::{rich, tr, use_state};
use crate::ui::words;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Choice, Field, HowReported, Page, Value, summary};

#[component]
pub fn PolicePage() -> impl IntoView {
    let state = use_state();
    let force = move || {
        state.answers.with(|a| {
            a.police_force
                .as_deref()
                .and_then(|id| state.directories.with(|d| d.force(id).cloned()))
        })
    };
    let how = move || {
        force().map(|f| {
            let online = (!f.report_online_url.is_empty()).then(|| {
                view! {
                    <li><WebLink href=f.report_online_url.clone() text=Msg::PoliceOnline/>" ("<bdi>{f.name.clone()}</bdi>")"</li>
                }
            });
            // Without an online form, the force's website.
            let website = (f.report_online_url.is_empty() && !f.website.is_empty()).then(|| {
                view! {
                    <li><WebLink href=f.website.clone() text=Msg::PoliceWebsite/>" ("<bdi>{f.name.clone()}</bdi>")"</li>
                }
            });
            // The force's own number; 101 only when the directory has none.
            let call = if f.non_emergency.is_empty() {
                view! { <li>{tr(Msg::Police101)}</li> }.into_any()
            } else {
                let number = f.non_emergency.clone();
                view! {
                    <li>{rich(Msg::PoliceCall, move |_| view! { <CallLink number=number.clone()/> }.into_any())}</li>
                }
                .into_any()
            };
            let text = (!f.non_emergency_text.is_empty()).then(|| {
                let number = f.non_emergency_text.clone();
                view! {
                    <li>{rich(Msg::PoliceText, move |_| view! { <TextLink number=number.clone()/> }.into_any())}</li>
                }
            });
            view! {
                <h2 class="heading-m">{tr(Msg::PoliceHowTitle)}</h2>
                <ul class="list list--bullet" id="police-how">
                    {online}
                    {website}
                    {call}
                    {text}
                    <li>{tr(Msg::PoliceInPerson)}</li>
                </ul>
            }
        })
    };
    let options = HowReported::ALL
        .iter()
        .map(|&h| RadioOption::of(h, words::how_reported(h), None))
        .collect();
    view! {
        <QuestionPage page=Page::Police>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::PoliceTitle)}</h1>
            <ForceSelect/>
            {how}
            <FactsToCopy/>
            <Radios field=Field::HowReported legend=Msg::HowReportedQuestion heading=Heading::Field options=options
                get=|a| a.how_reported.map(|h| h.key().to_owned())
                set=|a, key| a.how_reported = HowReported::from_key(key)/>
        </QuestionPage>
    }
}

/// The police force, from the directory. A component of its own so that its
/// error comes from the page's form.
#[component]
fn ForceSelect() -> impl IntoView {
    let state = use_state();
    let forces: Vec<_> = state
        .directories
        .with_untracked(|d| d.forces_by_name().into_iter().cloned().collect());
    let error = field_error(Field::PoliceForce);
    let force = move || state.answers.with(|a| a.police_force.clone());
    view! {
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <label class="label label--m" for="police-force">{tr(Msg::PoliceForceLabel)}</label>
                <div id="police-force-hint" class="hint">{tr(Msg::PoliceForceHint)}</div>
                <InlineError field=Field::PoliceForce error=error/>
                <select class="select" id="police-force" name="police-force" aria-describedby="police-force-hint"
                    class:input--error=move || error.with(Option::is_some)
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        state.answers.update(|a| a.police_force = (!id.is_empty()).then_some(id));
                    }>
                    <option value="" selected=move || force().is_none()>{tr(Msg::PoliceChooseForce)}</option>
                    {forces.into_iter().map(|f| {
                        let id = f.id.clone();
                        let selected = move || state.answers.with(|a| a.police_force.as_deref() == Some(id.as_str()));
                        view! { <option value=f.id.clone() selected=selected>{f.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
    }
}

/// What the police will ask, from the answers so far, with a Copy button.
#[component]
fn FactsToCopy() -> impl IntoView {
    let state = use_state();
    let facts = move || {
        let rows = state.answers.with(summary);
        state.catalog.with(|c| {
            rows.iter()
                .filter(|r| r.value != Value::NotGiven)
                .filter(|r| {
                    matches!(
                        r.field,
                        Field::Incident
                            | Field::DateDay
                            | Field::Time
                            | Field::Place
                            | Field::Postcode
                            | Field::Make
                            | Field::Model
                            | Field::Colour
                            | Field::Features
                            | Field::PhoneNumber
                            | Field::Imei1
                            | Field::Imei2
                    )
                })
                .map(|r| {
                    format!(
                        "{}: {}",
                        c.get(words::field_label(r.field)),
                        state
                            .directories
                            .with(|d| words::value_text(c, d, &r.value))
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    view! {
        <h2 class="heading-m">{tr(Msg::PoliceTheyWillAsk)}</h2>
        <pre class="copy-block" id="police-facts">{facts}</pre>
        <crate::ui::platform::copy::CopyButton text=Signal::derive(facts) label=Msg::CopyText/>
    }
}
