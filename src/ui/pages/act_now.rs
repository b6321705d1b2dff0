//! "Do these things first": mark the phone lost and lock it, change the
//! email password, tell the bank. The victim's make, if known, opens first.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::journey::{Make, Page};
use crate::ui::form::{ExternalLink, QuestionPage};
use crate::ui::state::{tr, use_state};

/// The official pages for marking a phone as lost, by maker.
const APPLE_FIND: &str = "https://www.icloud.com/find";
const GOOGLE_FIND: &str = "https://www.google.com/android/find";
const SAMSUNG_FIND: &str = "https://smartthingsfind.samsung.com/";

#[component]
pub fn ActNowPage() -> impl IntoView {
    let state = use_state();
    let make = move || state.answers.with(|a| a.make);
    let open = move |m: Make| move || make() == Some(m);
    view! {
        <QuestionPage page=Page::ActNow>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::ActNowTitle)}</h1>
            <p>{tr(Msg::ActNowIntro)}</p>
            <h2 class="heading-m">{tr(Msg::ActNowLockTitle)}</h2>
            <div class="inset">{tr(Msg::ActNowLockWhy)}</div>
            <LockDetails open=Signal::derive(open(Make::Apple)) title=Msg::ActNowApple text=Msg::ActNowAppleText link=Msg::ActNowAppleLink href=APPLE_FIND/>
            <LockDetails open=Signal::derive(move || matches!(make(), Some(Make::Google | Make::Other))) title=Msg::ActNowGoogle text=Msg::ActNowGoogleText link=Msg::ActNowGoogleLink href=GOOGLE_FIND/>
            <LockDetails open=Signal::derive(open(Make::Samsung)) title=Msg::ActNowSamsung text=Msg::ActNowSamsungText link=Msg::ActNowSamsungLink href=SAMSUNG_FIND/>
            <h2 class="heading-m">{tr(Msg::ActNowEmailTitle)}</h2>
            <p>{tr(Msg::ActNowEmailText)}</p>
            <h2 class="heading-m">{tr(Msg::ActNowBankTitle)}</h2>
            <p>{tr(Msg::ActNowBankText)}</p>
        </QuestionPage>
    }
}

#[component]
fn LockDetails(
    open: Signal<bool>,
    title: Msg,
    text: Msg,
    link: Msg,
    href: &'static str,
) -> impl IntoView {
    view! {
        <details class="details" prop:open=open>
            <summary class="details__summary"><span class="details__summary-text">{tr(title)}</span></summary>
            <div class="details__text">
                <p>{tr(text)}</p>
                <p><ExternalLink href=href text=link/></p>
            </div>
        </details>
    }
}
