//! The pages of the widget, one module each (simple questions share one).

mod about;
mod act_now;
mod block_it;
mod check_answers;
mod check_code;
mod code_photo;
mod imei;
mod insurance;
mod label_photo;
mod police;
mod questions;
mod reference;
mod report;
mod signpost;
mod start;

pub use about::AboutPage;
pub use act_now::ActNowPage;
pub use block_it::BlockItPage;
pub use check_answers::CheckAnswersPage;
pub use check_code::CheckCodePage;
pub use imei::{EnterImeiPage, FindImeiPage, ImeiCheckedPage};
pub use insurance::{InsuranceDetailsPage, InsurancePage};
pub use police::PolicePage;
pub use questions::{
    DualSimPage, NetworkPage, PhoneNumberPage, PhonePage, WhatHappenedPage, WhenPage, WherePage,
    WhoseDevicePage,
};
pub use reference::ReferencePage;
pub use report::ReportPage;
pub use signpost::SignpostPage;
pub use start::StartPage;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::ui::focus::HeadingFocus;
use crate::ui::load::directories::directories_ready;
use crate::ui::load::language::all_words;
use crate::ui::platform::arrival::Arrival;
use crate::ui::platform::split::{now_or_never, split_off};
use crate::ui::state::{AppState, hash_for, tr, use_state};
use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::journey::{Checked, Page};

/// The page's view. The start page is in the main module, so the first
/// visit downloads only what it needs; every other page's code is split off
/// and fetched when first shown, or earlier by [`preload_journey_pages`].
pub fn page_view(page: Page) -> AnyView {
    match page {
        Page::Start => view! { <StartPage/> }.into_any(),
        Page::CheckCode | Page::About | Page::Signpost => {
            split_page(page, more_page, preload_more).into_any()
        }
        _ => split_page(page, journey_page, preload_journey).into_any(),
    }
}

/// Fetches the journey's module, merges the directories with its code, then
/// fetches the rest of the English words, in the background, so that
/// Continue does not wait on the network. A failure shows again, with a way
/// to try again, when a journey page is opened.
pub async fn preload_journey_pages(state: AppState) {
    let _ = preload_journey().await;
    let _ = directories_ready(state).await;
    let _ = all_words(state).await;
}

type Loaded = Result<AnyView, SplitLoaderError>;

/// A page whose code is split off: "Loading…" while its code, its words
/// and the directories come, and a way to try again if the connection
/// fails. The view is built only once all are in, so it is built like any
/// other page, in the page's own scope.
fn split_page<V, P>(page: Page, view: fn(Page) -> V, fetch: fn() -> P) -> impl IntoView
where
    V: Future<Output = Loaded> + 'static,
    P: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let state = use_state();
    let arrival = Arrival::new();
    let wait = move || {
        arrival.start(async move {
            fetch().await.is_ok()
                && directories_ready(state).await.is_ok()
                && all_words(state).await.is_ok()
        })
    };
    wait();
    // The words go back to the first page's when the victim switches to
    // English before the rest of it has come: wait for them again.
    Effect::new(move |_| {
        if arrival.get() == Some(true) && !state.catalog.with(Catalog::is_complete) {
            wait();
        }
    });
    move || match arrival.get() {
        None => view! { <p class="loading" role="status">{tr(Msg::PageLoading)}</p> }.into_any(),
        Some(false) => view! {
            <LoadFailed retry=wait/>
            <FocusWhenShown/>
        }
        .into_any(),
        // Loaded, so the call finishes at once.
        Some(true) => match now_or_never(view(page)) {
            Some(Ok(shown)) => view! { {shown} <FocusWhenShown/> }.into_any(),
            _ => ().into_any(),
        },
    }
}

/// Gives the page's heading focus once it is on screen, if the page change
/// that asked for it happened while the code was loading.
#[component]
fn FocusWhenShown() -> impl IntoView {
    Effect::new(|_| {
        if let Some(focus) = use_context::<HeadingFocus>() {
            focus.try_focus();
        }
    });
}

/// Said when a page's code could not be fetched.
#[component]
fn LoadFailed(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div role="alert">
            <h1 class="heading-l" tabindex="-1">{tr(Msg::PageLoadFailedTitle)}</h1>
            <p>{tr(Msg::PageLoadFailed)}</p>
            <button type="button" class="button" on:click=move |_| retry()>{tr(Msg::TryAgain)}</button>
        </div>
    }
}

split_off! {
    /// The journey after the start page, in one module fetched together.
    journey, preload preload_journey, fn journey_page(page: Page) -> AnyView {
        guarded(page, move || match page {
            Page::ActNow => view! { <ActNowPage/> }.into_any(),
            Page::WhoseDevice => view! { <WhoseDevicePage/> }.into_any(),
            Page::WhatHappened => view! { <WhatHappenedPage/> }.into_any(),
            Page::When => view! { <WhenPage/> }.into_any(),
            Page::Where => view! { <WherePage/> }.into_any(),
            Page::Phone => view! { <PhonePage/> }.into_any(),
            Page::PhoneNumber => view! { <PhoneNumberPage/> }.into_any(),
            Page::Network => view! { <NetworkPage/> }.into_any(),
            Page::DualSim => view! { <DualSimPage/> }.into_any(),
            Page::FindImei => view! { <FindImeiPage/> }.into_any(),
            Page::EnterImei => view! { <EnterImeiPage/> }.into_any(),
            Page::ImeiChecked => view! { <ImeiCheckedPage/> }.into_any(),
            Page::BlockIt => view! { <BlockItPage/> }.into_any(),
            Page::Police => view! { <PolicePage/> }.into_any(),
            Page::Reference => view! { <ReferencePage/> }.into_any(),
            Page::Insurance => view! { <InsurancePage/> }.into_any(),
            Page::InsuranceDetails => view! { <InsuranceDetailsPage/> }.into_any(),
            Page::CheckAnswers => view! { <CheckAnswersPage/> }.into_any(),
            Page::Report => view! { <ReportPage/> }.into_any(),
            Page::Start | Page::CheckCode | Page::About | Page::Signpost => ().into_any(),
        })
        .into_any()
    }
}

/// A journey page, shown only if the answers let it show; otherwise the
/// victim is sent to the first question still needing an answer, so that a
/// deep link or the back and forward buttons never show a page that cannot
/// work. The answers are checked here once per change, in the journey's
/// module, and shared with the page (its back link reads them too).
fn guarded(page: Page, shown: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let today = state.today.get_value();
    let checked = Memo::new(move |_| state.answers.with(|a| Checked::new(a, today)));
    provide_context(checked);
    let to = Memo::new(move |_| checked.with(|c| c.reachable(page)));
    Effect::new(move |_| {
        let to = to.get();
        // A page the victim is already leaving (Clear everything goes to the
        // start) sends no one anywhere.
        if to != page && state.page.get_untracked() == page {
            // Keep the address bar honest without adding a history entry.
            let hash = hash_for(to, state.mode.get_untracked());
            let _ = window().history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
            });
            state.page.set(to);
        }
    });
    move || (to.get() == page).then(&shown)
}

split_off! {
    /// The pages for staff and the about page, which a victim rarely opens.
    more, preload preload_more, fn more_page(page: Page) -> AnyView {
        match page {
            Page::CheckCode => view! { <CheckCodePage/> }.into_any(),
            Page::About => view! { <AboutPage/> }.into_any(),
            Page::Signpost => view! { <SignpostPage/> }.into_any(),
            _ => ().into_any(),
        }
    }
}
