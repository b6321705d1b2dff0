//! The report page: the codes for the network provider and the insurer.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::ui::state::tr;

#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <h1 class="heading-l" tabindex="-1">{tr(Msg::ReportTitle)}</h1>
        <p>{tr(Msg::ReportIntro)}</p>
    }
}
