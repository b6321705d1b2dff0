//! Everything the widget starts when it mounts, in the order it starts it.
//! Nothing else starts work on its own: a module that fetches waits to be
//! asked, and what it fetches is fetched once (`platform::once`).

use leptos::prelude::*;

use crate::ui::load::directories::directories_ready;
use crate::ui::load::host;
use crate::ui::load::language::{initial_locale, switch_to};
use crate::ui::pages::preload_journey_pages;
use crate::ui::platform::arrival::Arrival;
use crate::ui::platform::offline::{page_loaded, provide_offline};
use crate::ui::platform::storage::{DraftOnStart, load_draft, sync_draft};
use crate::ui::state::AppState;

/// What happened to a draft saved on this device, for the start-up notice.
#[derive(Clone, Copy)]
pub enum DraftNotice {
    Restored { dropped: usize },
    Cleared,
}

/// Starts the widget's work, top to bottom:
///
/// 1. The answers saved on the victim's own device, and the link's
///    (a crime reference, the date).
/// 2. The words, in the language the link or the browser asks for.
/// 3. The host configuration, which may restyle the page and say where the
///    TAC table is.
/// 4. Once the first page has loaded: the journey's code, the directories'
///    merge and the rest of the English, so that Continue does not wait.
/// 5. After those, on the victim's own device only: the service worker.
/// 6. With `?debug`: the configuration's and the directories' problems.
///
/// Later, and only when asked: the TAC table, when a page that shows models
/// is first shown (`load::tac`); another language, when chosen.
pub fn start_up(state: AppState) -> Option<DraftNotice> {
    let draft = match load_draft() {
        DraftOnStart::Restored(restored) => {
            let dropped = restored.dropped.len();
            state.answers.set(restored.answers);
            Some(DraftNotice::Restored { dropped })
        }
        DraftOnStart::Cleared => Some(DraftNotice::Cleared),
        DraftOnStart::Nothing => None,
    };
    sync_draft(state.answers);
    let link = host::read_link();
    host::apply_link(&link, state);
    state.link.set_value(link.clone());

    let from_address = state.place.with_value(|p| p.locale);
    switch_to(state, initial_locale(link.lang, from_address));

    leptos::task::spawn_local(async move {
        host::config(state).await;
    });

    let journey_here = Arrival::new();
    journey_here.start(async move {
        // Nothing in the background until the first page is in, so that on
        // a weak connection it comes first.
        page_loaded().await;
        preload_journey_pages(state).await;
    });
    provide_offline(link.embedded, journey_here);

    if link.debug {
        leptos::task::spawn_local(async move {
            let mut notes = host::config(state).await.to_vec();
            // The directories' problems too, which means the journey's code now.
            match directories_ready(state).await {
                Ok(more) => notes.extend(more.iter().cloned()),
                Err(reason) => notes.push(format!("The directories were not checked: {reason}.")),
            }
            state.debug_notes.set(Some(notes));
        });
    }
    draft
}
