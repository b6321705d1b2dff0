//! The crime reference number, or a lost-property reference when the phone
//! was lost. "I'll add it later" is allowed.

use leptos::prelude::*;

use crate::ui::components::contact::WebLink;
use crate::ui::components::form::{Checkbox, Heading, QuestionPage, TextField};
use crate::ui::state::{rich, tr, use_state};
use stolen_phone_core::directory::ServiceKind;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Field, Page};

#[component]
pub fn ReferencePage() -> impl IntoView {
    let state = use_state();
    let lost = move || state.answers.with(|a| a.is_lost());
    view! {
        <QuestionPage page=Page::Reference>
            {move || if lost() {
                view! {
                    <TextField field=Field::LostPropertyReference label=Msg::LostReferenceQuestion
                        hint=Msg::LostReferenceHint heading=Heading::Page class="input input--width-20"/>
                    <p class="or">{tr(Msg::Or)}</p>
                    <Checkbox field=Field::LostPropertyReferenceLater label=Msg::ReferenceLater/>
                    <WhereToReportALoss/>
                }.into_any()
            } else {
                view! {
                    <TextField field=Field::CrimeReference label=Msg::ReferenceQuestion
                        hint=Msg::ReferenceHint heading=Heading::Page class="input input--width-20"/>
                    <p class="or">{tr(Msg::Or)}</p>
                    <Checkbox field=Field::CrimeReferenceLater label=Msg::ReferenceLater/>
                }.into_any()
            }}
        </QuestionPage>
    }
}

/// A lost phone has no police report: the transport operator's lost
/// property office, and the register police check when a phone is found.
#[component]
fn WhereToReportALoss() -> impl IntoView {
    let state = use_state();
    let line = |kind: ServiceKind, msg: Msg| {
        state.directories.with_untracked(|d| {
            d.service_of(kind)
                .filter(|s| !s.website.is_empty())
                .cloned()
                .map(|s| {
                    view! {
                        <li>{rich(msg, move |_| view! {
                            <WebLink href=s.website.clone() name=s.name.clone()/>
                        }.into_any())}</li>
                    }
                })
        })
    };
    view! {
        <div class="inset">
            <ul class="list list--bullet" id="lost-where">
                {line(ServiceKind::LostProperty, Msg::LostTfl)}
                {line(ServiceKind::PropertyRegister, Msg::LostRegister)}
            </ul>
        </div>
    }
}
