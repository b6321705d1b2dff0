//! The crime reference number, or a lost-property reference when the phone
//! was lost. "I'll add it later" is allowed.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::journey::{Field, Page};
use crate::ui::form::{Checkbox, Heading, QuestionPage, TextField};
use crate::ui::state::{tr, use_state};

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
