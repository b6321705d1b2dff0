//! "Check a report code", for staff: paste a code and see it decoded and
//! verified.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::state::tr;

#[component]
pub fn CheckCodePage() -> impl IntoView {
    view! {
        <h1 class="heading-l" tabindex="-1">{tr(Msg::CheckCodeTitle)}</h1>
    }
}
