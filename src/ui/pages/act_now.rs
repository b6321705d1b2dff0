//! "Do these things first", before any question about the phone: mark it
//! lost (with the routes that need no code from it), stop the SIM, change
//! passwords, tell the bank, distrust "we found your phone" messages, stay
//! safe. One heading a step, details behind them; the victim's make, if
//! known, opens first.

use leptos::prelude::*;

use crate::ui::components::contact::{CallLink, Hours, MakerLink, WebLink};
use crate::ui::components::form::{Details, QuestionPage};
use crate::ui::state::{rich, tr, use_state};
use stolen_phone_core::device::make::Make;
use stolen_phone_core::directory::{NetworkProvider, ServiceKind};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Network, Page};

#[component]
pub fn ActNowPage() -> impl IntoView {
    let state = use_state();
    let make = move || state.answers.with(|a| a.make);
    let open = move |m: Make| move || make() == Some(m);
    view! {
        <QuestionPage page=Page::ActNow>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::ActNowTitle)}</h1>
            <p>{tr(Msg::ActNowIntro)}</p>
            <Danger/>
            <h2 class="heading-m">{tr(Msg::ActNowLockTitle)}</h2>
            <div class="inset">{tr(Msg::ActNowLockWhy)}</div>
            <p>{tr(Msg::ActNowLockNoCode)}</p>
            <Details open=Signal::derive(open(Make::Apple)) title=Msg::ActNowApple>
                <p>{tr(Msg::ActNowAppleText)}</p>
                <p class="warning-text">{tr(Msg::ActNowAppleDont)}</p>
                <MakerLink id="apple-find-devices" text=Msg::ActNowAppleLink/>
            </Details>
            <Details open=Signal::derive(move || matches!(make(), Some(Make::Google | Make::Other))) title=Msg::ActNowGoogle>
                <p>{tr(Msg::ActNowGoogleText)}</p>
                <MakerLink id="google-find-hub" text=Msg::ActNowGoogleLink/>
                <p>{tr(Msg::ActNowGoogleNoCode)}</p>
                <MakerLink id="google-remote-lock" text=Msg::ActNowGoogleLockLink/>
                <p>{tr(Msg::ActNowGoogleSignOut)}</p>
            </Details>
            <Details open=Signal::derive(open(Make::Samsung)) title=Msg::ActNowSamsung>
                <p>{tr(Msg::ActNowSamsungText)}</p>
                <MakerLink id="samsung-smartthings-find" text=Msg::ActNowSamsungLink/>
            </Details>
            <BarTheSim/>
            <h2 class="heading-m">{tr(Msg::ActNowPasswordsTitle)}</h2>
            <p>{tr(Msg::ActNowPasswordsText)}</p>
            <p>{tr(Msg::ActNowPasswordsKeep)}</p>
            <Details title=Msg::ActNowPasswordsNoCode>
                <ul class="list list--bullet">
                    <li>{tr(Msg::ActNowPasswordsNoCodeSim)}</li>
                    <li>{tr(Msg::ActNowPasswordsNoCodeGoogle)}</li>
                    <li>{tr(Msg::ActNowPasswordsNoCodeApple)}</li>
                    <li>{tr(Msg::ActNowPasswordsNoCodeLock)}</li>
                </ul>
            </Details>
            <TellTheBank/>
            <h2 class="heading-m">{tr(Msg::ActNowScamTitle)}</h2>
            <p>{tr(Msg::ActNowScamText)}</p>
            <p>{tr(Msg::ActNowScamApple)}</p>
            <h2 class="heading-m">{tr(Msg::ActNowSafetyTitle)}</h2>
            <ul class="list list--bullet">
                <li>{tr(Msg::ActNowSafetyDontGo)}</li>
                <li>{tr(Msg::ActNowSafetyScreenshot)}</li>
                <li>{tr(Msg::ActNowSafetyNoErase)}</li>
            </ul>
        </QuestionPage>
    }
}

/// 999 first, and the text relay number for those who cannot speak.
#[component]
fn Danger() -> impl IntoView {
    let state = use_state();
    let relay = state
        .directories
        .with_untracked(|d| d.service_phone(ServiceKind::EmergencyRelay));
    view! {
        <div class="warning-text" role="note">
            <p><strong>{tr(Msg::ActNowDanger)}</strong></p>
            {relay.map(|number| view! {
                <p>{rich(Msg::ActNowDangerRelay, move |_| view! { <CallLink number=number.clone()/> }.into_any())}</p>
            })}
        </div>
    }
}

/// Call the provider now, with the main providers' lost or stolen contacts
/// behind a summary: the victim's own provider first, if already chosen.
#[component]
fn BarTheSim() -> impl IntoView {
    let state = use_state();
    let providers = state.directories.with_untracked(|d| {
        let own = state.answers.with_untracked(|a| match &a.network {
            Some(Network::Listed(id)) => Some(id.clone()),
            _ => None,
        });
        let mut providers: Vec<NetworkProvider> = d.providers.clone();
        providers.sort_by_key(|p| Some(&p.id) != own.as_ref());
        providers
    });
    let rows = providers
        .into_iter()
        .map(|p| {
            let call = (!p.lost_stolen_uk.is_empty()).then(|| {
                view! { " " <CallLink number=p.lost_stolen_uk.clone()/><Hours hours=p.hours.clone()/> }
            });
            let page = (!p.web_page.is_empty()).then(|| {
                view! { " " <WebLink href=p.web_page.clone() text=Msg::BlockWebsite/> }
            });
            let neither = (p.lost_stolen_uk.is_empty() && p.web_page.is_empty())
                .then(|| view! { " " {tr(Msg::ActNowSimNoNumber)} });
            view! { <li><strong><bdi>{p.name.clone()}</bdi></strong>":"{call}{page}{neither}</li> }
        })
        .collect_view();
    let own_open = state
        .answers
        .with_untracked(|a| matches!(a.network, Some(Network::Listed(_))));
    view! {
        <h2 class="heading-m">{tr(Msg::ActNowSimTitle)}</h2>
        <p>{tr(Msg::ActNowSimText)}</p>
        <ul class="list list--bullet">
            <li>{tr(Msg::ActNowSimBar)}</li>
            <li>{tr(Msg::ActNowSimReplace)}</li>
            <li>{tr(Msg::ActNowSimPassword)}</li>
        </ul>
        <Details open=Signal::derive(move || own_open) title=Msg::ActNowSimNumbers>
            <ul class="list" id="act-now-providers">{rows}</ul>
        </Details>
        <p>{tr(Msg::ActNowSimCap)}</p>
    }
}

/// The bank: the 159 line if the directory has it from a first-hand source,
/// and the routes for when it does not connect (or is not shown).
#[component]
fn TellTheBank() -> impl IntoView {
    let state = use_state();
    let line = state
        .directories
        .with_untracked(|d| d.service_phone(ServiceKind::Bank));
    // Without a line whose number the directory confirms, the card's number
    // and the bank's own app or website come first.
    let routes = match line {
        Some(number) => view! {
            <p>{rich(Msg::ActNowBankText, move |_| view! { <CallLink number=number.clone()/> }.into_any())}</p>
            <p>{tr(Msg::ActNowBankOther)}</p>
        }
        .into_any(),
        None => view! { <p>{tr(Msg::ActNowBankCard)}</p> }.into_any(),
    };
    view! {
        <h2 class="heading-m">{tr(Msg::ActNowBankTitle)}</h2>
        {routes}
        <p>{tr(Msg::ActNowBankAsk)}</p>
    }
}
