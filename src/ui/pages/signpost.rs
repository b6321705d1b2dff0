//! For police and support staff: a signposting link that opens the widget set
//! to a force and a language, its QR code, and an A4 poster in that language.
//! Nothing about any victim is in the link.

use leptos::prelude::*;

use crate::ui::components::qr::QrSvg;
use crate::ui::load::language::{fetch_catalog, whole_english};
use crate::ui::platform::copy::CopyButton;
use crate::ui::state::{tr, use_state};
use stolen_phone_core::host::link::signpost_link;
use stolen_phone_core::i18n::{Catalog, Dir, Locale, Msg};
use stolen_phone_core::report::qr;

#[component]
pub fn SignpostPage() -> impl IntoView {
    let state = use_state();
    let force = RwSignal::new(String::new());
    let lang = RwSignal::new(state.locale());
    let source = RwSignal::new(String::new());
    let (poster_words, poster_failed) = poster_catalog(lang, state.catalog.get_untracked());

    let forces: Vec<(String, String)> = state.directories.with_untracked(|d| {
        d.forces_by_name()
            .into_iter()
            .map(|f| (f.id.clone(), f.name.clone()))
            .collect()
    });
    let base = {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            state
                .place
                .with_value(|p| p.widget_folder(&path).to_owned())
        )
    };
    let link = Memo::new(move |_| {
        let force = force.get();
        let source = source.get();
        signpost_link(
            &base,
            (!force.is_empty()).then_some(force.as_str()),
            Some(lang.get()),
            (!source.trim().is_empty()).then_some(source.trim()),
        )
    });
    let poster = move |msg: Msg| move || poster_words.with(|c| c.get(msg).to_owned());
    let poster_ready = move || poster_words.with(|c| c.locale) == lang.get();
    let poster_dir = move || match lang.get().dir() {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    };

    view! {
        <div class="signpost-screen">
            <h1 class="heading-l" tabindex="-1">{tr(Msg::SignpostTitle)}</h1>
            <p>{tr(Msg::SignpostIntro)}</p>
            <div class="form-group">
                <label class="label label--m" for="signpost-force">{tr(Msg::SignpostForce)}</label>
                <select class="select" id="signpost-force" on:change=move |ev| force.set(event_target_value(&ev))>
                    <option value="">{tr(Msg::SignpostForceAny)}</option>
                    {forces.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label label--m" for="signpost-language">{tr(Msg::SignpostLanguage)}</label>
                <select class="select" id="signpost-language"
                    on:change=move |ev| {
                        if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                            lang.set(locale);
                        }
                    }>
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() lang=l.tag() selected=move || lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label label--m" for="signpost-source">{tr(Msg::SignpostSource)}</label>
                <div id="signpost-source-hint" class="hint">{tr(Msg::SignpostSourceHint)}</div>
                <input class="input input--width-20" id="signpost-source" type="text" autocomplete="off"
                    spellcheck="false" aria-describedby="signpost-source-hint"
                    prop:value=move || source.get() on:input=move |ev| source.set(event_target_value(&ev))/>
            </div>
            <h2 class="heading-m">{tr(Msg::SignpostLinkTitle)}</h2>
            <p class="copy-block" id="signpost-link"><bdi dir="ltr">{move || link.get()}</bdi></p>
            <CopyButton text=Signal::derive(move || link.get()) label=Msg::CopyText/>
            <p>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>
                    {tr(Msg::SignpostPrint)}
                </button>
            </p>
            <h2 class="heading-m">{tr(Msg::SignpostPosterPreview)}</h2>
        </div>
        // The poster only in its own language's words, never half in another.
        <p class="loading" role="status" hidden=move || poster_ready() && !poster_failed.get()>
            {move || if poster_failed.get() { tr(Msg::PageLoadFailedTitle)() } else { tr(Msg::PageLoading)() }}
        </p>
        <div class="poster" hidden=move || !poster_ready() lang=move || lang.get().tag() dir=poster_dir>
            <p class="poster__title">{poster(Msg::PosterTitle)}</p>
            <p class="poster__body">{poster(Msg::PosterBody)}</p>
            {move || qr::render(&link.get()).ok().map(|matrix| view! {
                <QrSvg matrix=matrix label=Signal::derive(tr(Msg::SignpostQrLabel))/>
            })}
            <p class="poster__link"><bdi dir="ltr">{move || link.get()}</bdi></p>
            <p class="poster__steps">{poster(Msg::PosterSteps)}</p>
            <p class="poster__danger">{poster(Msg::PosterDanger)}</p>
        </div>
    }
}

/// The words for the poster, in the poster's language (which may differ from
/// the page's), starting with the page's own; and whether the last language
/// chosen could not be loaded.
fn poster_catalog(
    lang: RwSignal<Locale>,
    page_words: Catalog,
) -> (RwSignal<Catalog>, RwSignal<bool>) {
    let words = RwSignal::new(page_words);
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        let locale = lang.get();
        failed.set(false);
        if words.with_untracked(|c| c.locale) == locale {
            return;
        }
        leptos::task::spawn_local(async move {
            let catalog = if locale == Locale::EnGb {
                whole_english().await
            } else {
                fetch_catalog(locale).await
            };
            // A later choice wins over this one.
            if lang.get_untracked() != locale {
                return;
            }
            match catalog {
                Ok(catalog) => words.set(catalog),
                Err(reason) => {
                    web_sys::console::warn_1(
                        &format!(
                            "The poster's {} words could not be loaded ({reason}).",
                            locale.tag()
                        )
                        .into(),
                    );
                    failed.set(true);
                }
            }
        });
    });
    (words, failed)
}
