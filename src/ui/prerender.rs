//! The urgent pages as HTML, rendered without a browser from the same
//! components the wasm mounts (Leptos's server-side rendering), so that the
//! release build can write them out ahead of time and they read exactly as
//! the widget does.

use leptos::prelude::*;

use crate::ui::app::Frame;
use crate::ui::load::host::theme_properties;
use crate::ui::pages::{ActNowPage, StartPage};
use crate::ui::state::{AppState, tr};
use stolen_phone_core::directory::Directories;
use stolen_phone_core::host::config::HostConfig;
use stolen_phone_core::i18n::{Catalog, Dir, Msg};
use stolen_phone_core::journey::{Page, Place};
use stolen_phone_core::values::date::Date;

/// A pre-rendered page: what goes in its mount element, and in its head.
pub struct Rendered {
    /// The widget's markup, the frame and the page, as the wasm shows it
    /// before anything is answered, with a note that shows only without
    /// scripts.
    pub app: String,
    /// The document's title.
    pub title: String,
    pub lang: &'static str,
    pub dir: &'static str,
}

/// Renders `place`'s page in `catalog`'s language, with `directories` (the
/// shipped ones with the host's entries, `config::directories_for`) and
/// `config`, which gives the organisation, the quick exit address and the
/// languages offered.
pub fn render(
    place: &Place,
    catalog: Catalog,
    directories: &Directories,
    config: &HostConfig,
    today: Date,
) -> Rendered {
    let locale = catalog.locale;
    let service = catalog.get(Msg::DocumentTitle).to_owned();
    let title = match place.page {
        Page::ActNow => format!("{} – {service}", catalog.get(Msg::ActNowTitle)),
        _ => service,
    };
    let owner = Owner::new();
    let app = owner.with(|| {
        let state = AppState::without_browser(
            place.clone(),
            catalog,
            directories.clone(),
            config.clone(),
            today,
        );
        provide_context(state);
        let page = match place.page {
            Page::ActNow => view! { <ActNowPage/> }.into_any(),
            _ => view! { <StartPage/> }.into_any(),
        };
        let notices = view! {
            <noscript><p class="notice">{tr(Msg::NoScriptNote)}</p></noscript>
        };
        view! { <Frame notices=notices.into_any()>{page}</Frame> }.to_html()
    });
    Rendered {
        app,
        title,
        lang: locale.tag(),
        dir: match locale.dir() {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        },
    }
}

/// The host's colours and font as a style sheet for the widget's root, for
/// the pre-rendered pages (the wasm sets the same properties itself), or
/// `None` when the host sets none.
pub fn theme_css(config: &HostConfig) -> Option<String> {
    let props = theme_properties(&config.theme);
    if props.is_empty() {
        return None;
    }
    let body: String = props
        .iter()
        .map(|(name, value)| format!("  {name}: {value};\n"))
        .collect();
    Some(format!(".widget {{\n{body}}}\n"))
}
