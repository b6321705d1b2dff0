//! Insurance: whether the phone is insured, then the insurer's details.

use leptos::prelude::*;

use crate::ui::components::form::{QuestionPage, RadioOption, Radios, TextField};
use crate::ui::state::tr;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Field, Page};

#[component]
pub fn InsurancePage() -> impl IntoView {
    let options = vec![
        RadioOption {
            key: "yes".into(),
            label: Signal::derive(tr(Msg::Yes)),
            hint: None,
        },
        RadioOption {
            key: "no".into(),
            label: Signal::derive(tr(Msg::No)),
            hint: None,
        },
    ];
    view! {
        <QuestionPage page=Page::Insurance>
            <Radios field=Field::Insured legend=Msg::InsuranceQuestion hint=Msg::InsuranceHint options=options
                get=|a| a.insured.map(|yes| if yes { "yes" } else { "no" }.to_owned())
                set=|a, key| a.insured = Some(key == "yes")/>
            <div class="inset">{tr(Msg::InsuranceDeadline)}</div>
        </QuestionPage>
    }
}

#[component]
pub fn InsuranceDetailsPage() -> impl IntoView {
    view! {
        <QuestionPage page=Page::InsuranceDetails>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::InsuranceQuestion)}</h1>
            <TextField field=Field::Insurer label=Msg::InsurerLabel class="input input--width-20"/>
            <TextField field=Field::PolicyNumber label=Msg::PolicyNumberLabel class="input input--width-20"/>
            <TextField field=Field::ClaimReference label=Msg::ClaimReferenceLabel hint=Msg::ClaimReferenceHint class="input input--width-20"/>
        </QuestionPage>
    }
}
