//! About this tool: what it does with data, and credits.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::state::tr;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <h1 class="heading-l" tabindex="-1">{tr(Msg::AboutTitle)}</h1>
    }
}
