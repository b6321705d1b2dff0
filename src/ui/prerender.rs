//! The urgent pages as HTML, rendered without a browser from the same
//! components the wasm mounts (Leptos's server-side rendering), so that the
//! release build can write them out ahead of time and they read exactly as
//! the widget does.

use leptos::prelude::*;

use crate::ui::app::Frame;
use crate::ui::components::contact::{CallLink, Hours, WebLink};
use crate::ui::load::host::theme_properties;
use crate::ui::pages::{ActNowPage, StartPage};
use crate::ui::state::{AppState, tr, use_state};
use stolen_phone_core::directory::{Directories, SupportService};
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
    /// The document's description, for search results and shared links.
    pub description: String,
    /// The page's own message for when the widget stops, which `boot.js`
    /// shows in place of the widget.
    pub crash: String,
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
    let description = catalog.get(Msg::DocumentDescription).to_owned();
    let owner = Owner::new();
    let (app, crash) = owner.with(|| {
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
        let app = view! { <Frame notices=notices.into_any()>{page}</Frame> }.to_html();
        (app, view! { <Crash/> }.to_html())
    });
    Rendered {
        app,
        title,
        description,
        crash,
        lang: locale.tag(),
        dir: match locale.dir() {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        },
    }
}

/// What to do when the widget has stopped: reload, 999, and the victim
/// support services of every nation (from the directories), as plain HTML
/// that needs none of the widget's code.
#[component]
fn Crash() -> impl IntoView {
    let state = use_state();
    let services: Vec<SupportService> = state
        .directories
        .with_untracked(|d| d.victim_support_for(None).into_iter().cloned().collect());
    let services = services
        .into_iter()
        .map(|s| {
            let call = (!s.phone.is_empty()).then(|| {
                view! { ": "{tr(Msg::SupportCall)}" "<CallLink number=s.phone.clone()/><Hours hours=s.hours.clone()/> }
            });
            let site = (!s.website.is_empty())
                .then(|| view! { " "<WebLink href=s.website.clone() text=Msg::SupportWebsite/> });
            view! { <li><bdi>{s.name.clone()}</bdi>{call}{site}</li> }
        })
        .collect_view();
    view! {
        <h1>{tr(Msg::CrashTitle)}</h1>
        <p>{tr(Msg::CrashReload)}</p>
        <p>{tr(Msg::StartDanger)}</p>
        <p>{tr(Msg::CrashHelp)}</p>
        <ul>{services}</ul>
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
