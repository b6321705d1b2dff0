//! Block the phone with the network provider: who to call, what to say, and
//! where to note their reference.

use leptos::prelude::*;

use crate::ui::components::contact::{CallLink, Hours, WebLink};
use crate::ui::components::form::{QuestionPage, TextField};
use crate::ui::state::{tr, use_state};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Field, Network, Page};

#[component]
pub fn BlockItPage() -> impl IntoView {
    let state = use_state();
    let provider = move || {
        state.answers.with(|a| match &a.network {
            Some(Network::Listed(id)) => state.directories.with(|d| d.provider(id).cloned()),
            _ => None,
        })
    };
    let contact = move || {
        let Some(p) = provider() else {
            return view! { <p class="inset">{tr(Msg::BlockNoNumber)}</p> }.into_any();
        };
        let uk = (!p.lost_stolen_uk.is_empty()).then(|| {
            view! {
                <p>{tr(Msg::BlockCallUk)}" "<CallLink number=p.lost_stolen_uk.clone()/><Hours hours=p.hours.clone()/></p>
            }
        });
        let abroad = (!p.lost_stolen_abroad.is_empty()).then(|| {
            view! { <p>{tr(Msg::BlockCallAbroad)}" "<CallLink number=p.lost_stolen_abroad.clone()/></p> }
        });
        let web = (!p.web_page.is_empty())
            .then(|| view! { <p><WebLink href=p.web_page.clone() text=Msg::BlockWebsite/></p> });
        let nothing = uk.is_none() && abroad.is_none();
        view! {
            <h2 class="heading-m">{p.name.clone()}</h2>
            {uk}
            {abroad}
            {nothing.then(|| view! { <p class="inset">{tr(Msg::BlockNoNumber)}</p> })}
            {web}
        }
        .into_any()
    };
    let script = move || {
        if state.answers.with(|a| a.is_lost()) {
            tr(Msg::BlockScriptLost)()
        } else {
            tr(Msg::BlockScript)()
        }
    };
    view! {
        <QuestionPage page=Page::BlockIt>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::BlockTitle)}</h1>
            <p>{tr(Msg::BlockIntro)}</p>
            {contact}
            <h2 class="heading-m">{tr(Msg::BlockWhatToSay)}</h2>
            <blockquote class="script">{script}</blockquote>
            <p>{tr(Msg::BlockLiability)}</p>
            <TextField field=Field::ProviderReference label=Msg::ProviderReferenceLabel hint=Msg::ProviderReferenceHint class="input input--width-20"/>
        </QuestionPage>
    }
}
