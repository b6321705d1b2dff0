//! About this tool: what it does, what happens to what the victim types,
//! and where its facts come from, with their licences.

use leptos::prelude::*;

use crate::ui::components::form::ExternalLink;
use crate::ui::load::tac::use_tacs;
use crate::ui::state::{tr, use_state};
use stolen_phone_core::i18n::Msg;

/// The Osmocom TAC database's site, where its exports are published.
/// Source: the database's own credit line and the export address that
/// projects using it cite (tacdb.osmocom.org/export/tacdb.csv).
const OSMOCOM_TACDB: &str = "http://tacdb.osmocom.org/";

#[component]
pub fn AboutPage() -> impl IntoView {
    let state = use_state();
    let tacs = use_tacs();
    // The credit line shipped with the table, when this site has one.
    let table_credit = move || {
        tacs.attribution()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let text = state
                    .catalog
                    .with(|c| c.fill(Msg::AboutCreditOsmocomLine, &[("line", &line)]));
                view! { <p class="hint">{text}</p> }
            })
    };
    view! {
        <h1 class="heading-l" tabindex="-1">{tr(Msg::AboutTitle)}</h1>
        <p>{tr(Msg::AboutWhat)}</p>
        <h2 class="heading-m">{tr(Msg::AboutPrivacyTitle)}</h2>
        <p>{tr(Msg::AboutPrivacyStays)}</p>
        <p>{tr(Msg::AboutPrivacyChecks)}</p>
        <p>{tr(Msg::AboutPrivacyNoTracking)}</p>
        <h2 class="heading-m">{tr(Msg::AboutCreditsTitle)}</h2>
        <ul class="list">
            <li>
                <p>{tr(Msg::AboutCreditOsmocom)}</p>
                {table_credit}
                <p><ExternalLink href=OSMOCOM_TACDB text=Msg::AboutCreditOsmocomLink/></p>
            </li>
            <li><p>{tr(Msg::AboutCreditGsma)}</p></li>
            <li><p>{tr(Msg::AboutCreditPolice)}</p></li>
        </ul>
        <h2 class="heading-m">{tr(Msg::AboutLicenceTitle)}</h2>
        <p>{tr(Msg::AboutLicence)}</p>
    }
}
