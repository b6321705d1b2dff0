//! The start page: what this does, how long it takes and what helps. It asks
//! nothing: Start now leads straight to the urgent steps.

use leptos::prelude::*;

use crate::ui::state::{go, tr, use_state};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Mode, Page};

#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <h1 class="heading-xl" tabindex="-1">{tr(Msg::StartTitle)}</h1>
        <div class="warning" role="note">
            <span class="warning__icon" aria-hidden="true">"!"</span>
            <strong class="warning__text">
                <span class="visually-hidden">{tr(Msg::WarningPrefix)}" "</span>
                {tr(Msg::StartDanger)}
            </strong>
        </div>
        <p class="body-l">{tr(Msg::StartHelpsYou)}</p>
        <ul class="list list--bullet">
            <li>{tr(Msg::StartStepLock)}</li>
            <li>{tr(Msg::StartStepImei)}</li>
            <li>{tr(Msg::StartStepBlock)}</li>
            <li>{tr(Msg::StartStepPolice)}</li>
            <li>{tr(Msg::StartStepCode)}</li>
        </ul>
        <p>{tr(Msg::StartTime)}</p>
        <h2 class="heading-m">{tr(Msg::StartWhatHelps)}</h2>
        <ul class="list list--bullet">
            <li>{tr(Msg::StartHelpsBox)}</li>
            <li>{tr(Msg::StartHelpsAccount)}</li>
            <li>{tr(Msg::StartHelpsInsurance)}</li>
        </ul>
        <StartNow/>
    }
}

/// Start now: a link to Act now's plain HTML copy, which works before (and
/// without) the wasm; the running widget follows it in place.
#[component]
fn StartNow() -> impl IntoView {
    let state = use_state();
    let href = move || {
        state
            .place
            .with_value(|p| p.href(Page::ActNow, state.locale()))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        go(Page::ActNow, Mode::Journey);
    };
    view! {
        <a class="button button--start" href=href draggable="false" on:click=on_click>{tr(Msg::StartNow)}</a>
    }
}
