//! A "Copy" button: writes text to the clipboard and says so.

use leptos::prelude::*;

use crate::ui::state::tr;
use stolen_phone_core::i18n::Msg;

#[component]
pub fn CopyButton(text: Signal<String>, label: Msg) -> impl IntoView {
    let copied = RwSignal::new(false);
    let on_click = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text.get_untracked());
        copied.set(true);
    };
    view! {
        <button type="button" class="button button--secondary" on:click=on_click>{tr(label)}</button>
        <span class="copy-status" role="status">{move || copied.get().then(tr(Msg::Copied))}</span>
    }
}
