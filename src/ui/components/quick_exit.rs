//! Quick exit: one button on every page, or Escape pressed three times.
//! It wipes the answers, any draft and the offline copy, then replaces the page with a neutral
//! site so that the widget is not what shows on screen. The button is a
//! link to that site, so that it works on the pre-rendered pages before
//! (or without) the wasm too.

use leptos::prelude::*;

use crate::ui::platform::offline::forget_offline;
use crate::ui::platform::storage::clear_draft;
use crate::ui::state::{AppState, tr, use_state};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::Answers;

/// Where quick exit goes unless the host says otherwise.
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

/// Presses of Escape within this many milliseconds count as one gesture.
const ESCAPE_WINDOW_MS: f64 = 2000.0;

/// Where quick exit goes: the host's address, or the neutral site.
fn exit_address(state: AppState) -> String {
    state
        .config
        .with_untracked(|c| c.quick_exit_url.clone())
        .unwrap_or_else(|| NEUTRAL_SITE.to_owned())
}

pub fn leave(state: AppState) {
    state.answers.set(Answers::default());
    clear_draft();
    forget_offline();
    let target = exit_address(state);
    let (embedded, top) = state.link.with_value(|l| (l.embedded, l.quick_exit_top));
    if embedded && top {
        // The host opted in: leave its whole page, not just our frame.
        if let Ok(Some(top)) = window().top() {
            let _ = top.location().replace(&target);
            return;
        }
    }
    // Inside someone else's page without their opt-in, only our frame goes
    // blank. replace() rather than assign(): the widget's page is not kept in
    // the history, so Back does not return to it.
    let target = if embedded {
        "about:blank".to_owned()
    } else {
        target
    };
    let _ = window().location().replace(&target);
}

/// Escape pressed three times leaves as the button does. Called by the
/// widget's root, since it listens on the window (which a pre-rendered page
/// has none of).
pub fn leave_on_escapes(state: AppState) {
    let presses = StoredValue::new(Vec::<f64>::new());
    let escapes = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        let now = js_sys::Date::now();
        presses.update_value(|p| {
            p.retain(|&t| now - t < ESCAPE_WINDOW_MS);
            p.push(now);
        });
        if presses.with_value(Vec::len) >= 3 {
            leave(state);
        }
    });
    on_cleanup(move || escapes.remove());
}

#[component]
pub fn QuickExit() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="quick-exit">
            <a class="button button--warning quick-exit__button" href=exit_address(state)
                rel="noreferrer" aria-describedby="quick-exit-hint"
                on:click=move |ev| {
                    ev.prevent_default();
                    leave(state);
                }>
                {tr(Msg::QuickExit)}
            </a>
            <span id="quick-exit-hint" class="quick-exit__hint">{tr(Msg::QuickExitHint)}</span>
        </div>
    }
}
