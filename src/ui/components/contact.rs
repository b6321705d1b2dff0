//! Ways to reach an organisation: a number to call, a number to text and a
//! web page, each as a link. Numbers sit in a left-to-right span so that
//! their groups keep their order in a right-to-left language.

use leptos::prelude::*;

use crate::ui::state::{tr, use_state};
use stolen_phone_core::directory::ALWAYS_OPEN;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::values::phone::tel_uri;

/// A number to call, as a `tel:` link; as plain text if it cannot be dialled.
#[component]
pub fn CallLink(#[prop(into)] number: String) -> impl IntoView {
    let number_text = view! { <bdi dir="ltr">{number.clone()}</bdi> };
    match tel_uri(&number) {
        Some(href) => view! { <a class="phone" href=href>{number_text}</a> }.into_any(),
        None => number_text.into_any(),
    }
}

/// " Open 24 hours a day, 7 days a week." after a number whose line the
/// directory says is always open; nothing otherwise.
#[component]
pub fn Hours(#[prop(into)] hours: String) -> impl IntoView {
    (hours == ALWAYS_OPEN).then(|| view! { " " <span class="hours">{tr(Msg::OpenAlways)}</span> })
}

/// A number to text, as an `sms:` link.
#[component]
pub fn TextLink(#[prop(into)] number: String) -> impl IntoView {
    let href = tel_uri(&number).map(|tel| tel.replacen("tel:", "sms:", 1));
    let number_text = view! { <bdi dir="ltr">{number.clone()}</bdi> };
    match href {
        Some(href) => view! { <a class="phone" href=href>{number_text}</a> }.into_any(),
        None => number_text.into_any(),
    }
}

/// An organisation's page, opened in a new tab so the answers stay here. The
/// link's words are the organisation's name, or a message.
#[component]
pub fn WebLink(
    #[prop(into)] href: String,
    #[prop(optional, into)] name: Option<String>,
    #[prop(optional)] text: Option<Msg>,
) -> impl IntoView {
    let words = match (name, text) {
        (Some(name), _) => view! { <bdi>{name}</bdi> }.into_any(),
        (None, Some(msg)) => tr(msg).into_any(),
        (None, None) => view! { <bdi dir="ltr">{href.clone()}</bdi> }.into_any(),
    };
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {words}<span class="visually-hidden">" "{tr(Msg::NewWindowSuffix)}</span>
        </a>
    }
}

/// A phone maker's page from the directories (`apple-find-devices` and the
/// like), in a paragraph of its own; nothing when the directory lacks it.
#[component]
pub fn MakerLink(id: &'static str, text: Msg) -> impl IntoView {
    let href = use_state().directories.with_untracked(|d| d.maker_page(id));
    href.map(|href| view! { <p><WebLink href=href text=text/></p> })
}
