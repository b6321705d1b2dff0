//! Choosing the language: the `lang` link parameter, else the browser's
//! languages, else English. Other languages load from `locales/<tag>.json`
//! on the widget's own origin when first needed.

use leptos::prelude::*;

use crate::ui::fetch::Fetched;

use crate::core::i18n::{Catalog, Locale, negotiate};
use crate::ui::state::{AppState, use_state};

/// The locale to start in: the link's `lang` (already checked) wins, then
/// the browser's languages.
pub fn initial_locale(from_link: Option<Locale>) -> Locale {
    if let Some(locale) = from_link {
        return locale;
    }
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    negotiate(tags.iter().map(String::as_str))
}

/// Switches to `locale`, fetching its words if they are not English.
pub fn switch_to(state: AppState, locale: Locale) {
    if locale == Locale::EnGb {
        state.catalog.set(Catalog::english());
        return;
    }
    leptos::task::spawn_local(async move {
        match fetch_catalog(locale).await {
            Ok(catalog) => state.catalog.set(catalog),
            Err(reason) => web_sys::console::warn_1(
                &format!(
                    "The {} words could not be loaded ({reason}); showing English.",
                    locale.tag()
                )
                .into(),
            ),
        }
    });
}

pub async fn fetch_catalog(locale: Locale) -> Result<Catalog, String> {
    let url = format!("locales/{}.json", locale.tag());
    let text = match crate::ui::fetch::text(&url).await? {
        Fetched::Ok(text) => text,
        Fetched::Status(status) => return Err(format!("HTTP {status}")),
    };
    Catalog::parse(locale, &text).map_err(|e| e.to_string())
}

/// The language picker: each language named in itself.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let state = use_state();
    let label = crate::ui::state::tr(crate::core::i18n::Msg::LanguageLabel);
    view! {
        <nav class="language-picker" aria-label=label>
            <ul class="language-picker__list">
                {move || {
                    // The host may offer fewer languages; the current one always shows.
                    let enabled = state.config.with(|c| c.languages.clone());
                    let shown = move |l: &Locale| enabled.is_empty() || enabled.contains(l) || *l == state.locale();
                    Locale::ALL.into_iter().filter(shown).map(|locale| {
                    let current = move || state.locale() == locale;
                    view! {
                        <li class="language-picker__item">
                            <button type="button" class="link-button" lang=locale.tag()
                                aria-current=move || current().then_some("true")
                                on:click=move |_| switch_to(state, locale)>
                                {locale.native_name()}
                            </button>
                        </li>
                    }
                }).collect_view()}}
            </ul>
        </nav>
    }
}
