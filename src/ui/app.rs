//! The widget's root: holds the answers, follows the URL hash and shows the
//! page it names.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::imei;
use crate::core::route::{Step, route};
use crate::ui::pages::{EnterImeiPage, ImeiCheckedPage, StartPage};

/// The widget. It follows `location.hash`, so the browser's back and forward
/// buttons move between pages.
#[component]
pub fn App() -> impl IntoView {
    let step = RwSignal::new(route(&current_hash()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        step.set(route(&current_hash()));
    });

    // What the victim typed, kept exactly as typed across pages.
    let imei_text = RwSignal::new(String::new());
    let checked_imei = Memo::new(move |_| imei::parse(&imei_text.get()).ok());

    let root = NodeRef::<leptos::html::Div>::new();
    focus_heading_on_page_change(step, root);

    let page = move || {
        // A page reached by URL without the answers it needs falls back.
        let shown = match (step.get(), checked_imei.get()) {
            (Step::ImeiChecked, None) => Step::EnterImei,
            (other, _) => other,
        };
        match shown {
            Step::Start => view! { <StartPage/> }.into_any(),
            Step::EnterImei => view! {
                <EnterImeiPage text=imei_text on_valid=move || go_to(Step::ImeiChecked)/>
            }
            .into_any(),
            Step::ImeiChecked => match checked_imei.get() {
                Some(found) => view! { <ImeiCheckedPage imei=found/> }.into_any(),
                None => ().into_any(),
            },
        }
    };

    view! {
        <div class="widget" lang="en-GB" dir="ltr" node_ref=root>
            <main class="page">{page}</main>
        </div>
    }
}

/// Moves to a step by changing the hash, which adds a history entry.
pub fn go_to(step: Step) {
    let _ = window().location().set_hash(step.hash());
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// After a page change, focus the new page's heading so that a screen reader
/// announces it. The first page keeps the browser's own focus.
fn focus_heading_on_page_change(step: RwSignal<Step>, root: NodeRef<leptos::html::Div>) {
    Effect::new(move |previous: Option<Step>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            request_animation_frame(move || {
                let heading = root
                    .get_untracked()
                    .and_then(|r| r.query_selector("h1").ok().flatten())
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(h) = heading {
                    let _ = h.focus();
                }
            });
        }
        now
    });
}
