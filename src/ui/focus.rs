//! Focus after a page change: the new page's heading, so that a screen
//! reader announces it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use stolen_phone_core::journey::Page;

/// After a page change, focus the new page's heading so that a screen reader
/// announces it. The first page keeps the browser's own focus.
pub fn focus_heading_on_page_change(shown: RwSignal<Page>, root: NodeRef<leptos::html::Div>) {
    let focus = HeadingFocus {
        pending: StoredValue::new(false),
        root,
    };
    provide_context(focus);
    Effect::new(move |previous: Option<Page>| {
        let now = shown.get();
        if previous.is_some_and(|p| p != now) {
            focus.pending.set_value(true);
            request_animation_frame(|| window().scroll_to_with_x_and_y(0.0, 0.0));
            focus.try_focus();
        }
        now
    });
}

/// Focus for the heading of a page just changed to. A page whose code is
/// still loading has no heading yet; it calls `try_focus` when it arrives.
#[derive(Clone, Copy)]
pub struct HeadingFocus {
    pending: StoredValue<bool>,
    root: NodeRef<leptos::html::Div>,
}

impl HeadingFocus {
    /// On the next frame, focuses the page's heading if a page change is
    /// still waiting for it.
    pub fn try_focus(self) {
        request_animation_frame(move || {
            if !self.pending.get_value() {
                return;
            }
            let heading = self
                .root
                .get_untracked()
                .and_then(|r| r.query_selector("main h1").ok().flatten())
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(h) = heading {
                self.pending.set_value(false);
                let _ = h.focus();
            }
        });
    }
}
