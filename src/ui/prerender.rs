//! The urgent pages as HTML, rendered without a browser from the same
//! components the wasm mounts (Leptos's server-side rendering), so that a
//! build can write them out ahead of time and they read exactly as the
//! widget does.

use leptos::prelude::*;

use crate::ui::pages::{ActNowPage, StartPage};
use crate::ui::state::AppState;
use stolen_phone_core::directory::Directories;
use stolen_phone_core::i18n::Catalog;
use stolen_phone_core::values::date::Date;

/// The start page and the Act now page, each as the markup of the page's
/// own part of the frame (what the widget puts in `<main>`).
pub struct UrgentPages {
    pub start: String,
    pub act_now: String,
}

/// Renders both pages in `catalog`'s language, with `directories`' numbers,
/// as a victim sees them before answering anything.
pub fn urgent_pages(catalog: Catalog, directories: Directories, today: Date) -> UrgentPages {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::without_browser(catalog, directories, today));
        UrgentPages {
            start: view! { <StartPage/> }.to_html(),
            act_now: view! { <ActNowPage/> }.to_html(),
        }
    })
}
