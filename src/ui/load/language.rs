//! Choosing the language: the `lang` link parameter, else the browser's
//! languages, else English. Other languages load from `locales/<tag>-<hash>.json`
//! on the widget's own origin when first needed.

use std::cell::{Cell, RefCell};

use futures::future::FutureExt;
use leptos::prelude::*;

use crate::ui::platform::fetch::Fetched;
use crate::ui::platform::once::{Once, once};

use crate::ui::state::{AppState, compiled_english, use_state};
use stolen_phone_core::i18n::{Catalog, Locale, locale_file, negotiate};

/// The locale to start in: the link's `lang` (already checked) wins, then
/// the language the page's address names, then the browser's languages.
pub fn initial_locale(from_link: Option<Locale>, from_address: Option<Locale>) -> Locale {
    if let Some(locale) = from_link.or(from_address) {
        return locale;
    }
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    negotiate(tags.iter().map(String::as_str))
}

/// Switches to `locale`. English is at once: the whole of it if it is here,
/// else the first page's words while the rest is fetched (a later page waits
/// for it). Other languages are fetched, and the current words stay until
/// they are in. The last choice wins over any still on its way.
pub fn switch_to(state: AppState, locale: Locale) {
    CHOSEN.set(Some(locale));
    if state.catalog.with_untracked(|c| c.locale) == locale {
        return;
    }
    if locale == Locale::EnGb {
        state
            .catalog
            .set(english_if_here().unwrap_or_else(compiled_english));
        leptos::task::spawn_local(async move {
            let _ = all_words(state).await;
        });
        return;
    }
    leptos::task::spawn_local(async move {
        match fetch_catalog(locale).await {
            Ok(catalog) if CHOSEN.get() == Some(locale) => state.catalog.set(catalog),
            Ok(_) => {}
            Err(reason) => web_sys::console::warn_1(
                &format!(
                    "The {} words could not be loaded ({reason}); the language stays as it was.",
                    locale.tag()
                )
                .into(),
            ),
        }
    });
}

thread_local! {
    /// The language the victim chose last, if they chose one.
    static CHOSEN: Cell<Option<Locale>> = const { Cell::new(None) };
    /// The one request for the whole English catalogue, shared by the
    /// background preload, the pages and the poster. Forgotten when it
    /// fails, so that "Try again" asks again.
    static ENGLISH: Once<Catalog> = const { RefCell::new(None) };
}

/// Every English message. A release build compiles in only the first
/// page's (see `state::compiled_english`) and fetches the rest once.
pub async fn whole_english() -> Result<Catalog, String> {
    if !cfg!(split_pages) {
        return Ok(compiled_english());
    }
    once(&ENGLISH, || fetch_catalog(Locale::EnGb).boxed_local()).await
}

/// The whole English catalogue, if this build has it or it has come.
fn english_if_here() -> Option<Catalog> {
    if !cfg!(split_pages) {
        return Some(compiled_english());
    }
    ENGLISH.with_borrow(|request| {
        let english = request.as_ref()?.peek()?;
        english.as_ref().ok().cloned()
    })
}

/// Resolves once the words on screen are complete, which only English may
/// not be: it starts with the first page's words.
pub async fn all_words(state: AppState) -> Result<(), String> {
    if state.catalog.with_untracked(Catalog::is_complete) {
        return Ok(());
    }
    let english = whole_english().await;
    // Another language, chosen meanwhile, is complete: keep it.
    if state.catalog.with_untracked(Catalog::is_complete) {
        return Ok(());
    }
    state.catalog.set(english?);
    Ok(())
}

pub async fn fetch_catalog(locale: Locale) -> Result<Catalog, String> {
    let text = match crate::ui::platform::fetch::text(&locale_file(locale)).await? {
        Fetched::Ok(text) => text,
        Fetched::Status(status) => return Err(format!("HTTP {status}")),
    };
    match Catalog::from_release(locale, &text) {
        Ok(catalog) if catalog.is_complete() => Ok(catalog),
        Ok(_) => Err("some messages are missing".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

/// The language picker: each language named in itself, a link to the
/// page's own copy in that language (or its start page), which the widget
/// follows without leaving the page, so that nothing typed is lost.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let state = use_state();
    let label = crate::ui::state::tr(stolen_phone_core::i18n::Msg::LanguageLabel);
    view! {
        <nav class="language-picker" aria-label=label>
            <ul class="language-picker__list">
                {move || {
                    // The host may offer fewer languages; the current one always shows.
                    let enabled = state.config.with(|c| c.languages.clone());
                    let shown = move |l: &Locale| enabled.is_empty() || enabled.contains(l) || *l == state.locale();
                    Locale::ALL.into_iter().filter(shown).map(|locale| {
                    let current = move || state.locale() == locale;
                    let href = move || state.place.with_value(|p| p.href(state.page.get(), locale));
                    let choose = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        switch_to(state, locale);
                    };
                    view! {
                        <li class="language-picker__item">
                            <a class="language-picker__link" href=href lang=locale.tag() hreflang=locale.tag()
                                aria-current=move || current().then_some("true")
                                on:click=choose>
                                {locale.native_name()}
                            </a>
                        </li>
                    }
                }).collect_view()}}
            </ul>
        </nav>
    }
}

/// The language the victim or the link chose last, which the words on
/// screen are, or are about to be, in.
#[cfg(target_arch = "wasm32")]
pub fn chosen() -> Option<Locale> {
    CHOSEN.get()
}
