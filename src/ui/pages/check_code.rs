//! "Check a report code", for staff: paste a code (or choose a photo of its
//! QR codes, `code_photo`) and see every field decoded, whether the
//! checksum holds and whether each IMEI's check digit is right; or the line
//! that is wrong and why, in plain words.

use leptos::prelude::*;

use crate::ui::pages::code_photo::CodePhoto;
use crate::ui::state::{tr, use_state};
use crate::ui::words::format_date;
use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::report::WhatHappened;
use stolen_phone_core::report::code::{DecodeError, Decoded, ImeiLine, Recipient, decode};
use stolen_phone_core::report::reason::error_words;
use stolen_phone_core::values::date::When;

const INPUT_ID: &str = "report-code";

#[component]
pub fn CheckCodePage() -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<Decoded, DecodeError>>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        result.set(Some(decode(&typed.get_untracked())));
    };
    view! {
        <h1 class="heading-l" tabindex="-1">{tr(Msg::CheckCodeTitle)}</h1>
        <p>{tr(Msg::CheckCodeIntro)}</p>
        <form class="check-code" novalidate on:submit=on_submit>
            <div class="form-group">
                <label class="label label--m" for=INPUT_ID>{tr(Msg::CheckCodeLabel)}</label>
                <div id="report-code-hint" class="hint">{tr(Msg::CheckCodeHint)}</div>
                <textarea class="textarea check-code__input" id=INPUT_ID name=INPUT_ID rows="14"
                    spellcheck="false" autocomplete="off" aria-describedby="report-code-hint"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="button">{tr(Msg::CheckCodeButton)}</button>
        </form>
        <div class="check-result-region" role="status">
            {move || result.get().map(|r| match r {
                Ok(decoded) => view! { <Verified decoded=decoded/> }.into_any(),
                Err(error) => view! { <Refused error=error/> }.into_any(),
            })}
        </div>
        <CodePhoto/>
    }
}

/// A code that passed every check: its fields in plain words. `nested`
/// when it is one of a photo's codes, under that part's heading.
#[component]
pub fn Verified(decoded: Decoded, #[prop(optional)] nested: bool) -> impl IntoView {
    let state = use_state();
    let recipient = decoded.recipient;
    let for_whom = move || {
        state.catalog.with(|c| {
            c.fill(
                Msg::CheckCodeValidFor,
                &[("recipient", c.get(recipient_msg(recipient)))],
            )
        })
    };
    let rows = move || state.catalog.with(|c| rows(c, &decoded));
    view! {
        <div class="check-result check-result--valid">
            {heading(nested, Msg::CheckCodeValid)}
            <p>{for_whom}</p>
            <dl class="summary-list">
                {move || rows().into_iter().map(|(label, value, flag)| view! {
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{label}</dt>
                        <dd class="summary-list__value">
                            <span class="code">{value}</span>
                            {flag.map(|(ok, text)| view! {
                                <span class=if ok { "check-result__ok" } else { "check-result__wrong" }>{text}</span>
                            })}
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        </div>
    }
}

/// A row: label, value, and for an IMEI whether its check digit is right.
type Row = (String, String, Option<(bool, String)>);

fn rows(c: &Catalog, decoded: &Decoded) -> Vec<Row> {
    let report = &decoded.report;
    let mut rows: Vec<Row> = Vec::new();
    let mut add = |label: Msg, value: Option<String>| {
        if let Some(value) = value {
            rows.push((c.get(label).to_owned(), value, None));
        }
    };
    add(
        Msg::FieldPhoneNumber,
        report.phone.as_ref().map(|p| p.to_string()),
    );
    add(Msg::FieldMake, report.make.as_ref().map(|m| m.to_string()));
    add(
        Msg::FieldModel,
        report.model.as_ref().map(|m| m.to_string()),
    );
    add(
        Msg::FieldIncident,
        Some(c.get(event_msg(report.what_happened)).to_owned()),
    );
    add(Msg::CodeFieldWhen, Some(when_text(c, report.when)));
    let reference_label = if report.what_happened == WhatHappened::Lost {
        Msg::FieldLostPropertyReference
    } else {
        Msg::FieldCrimeReference
    };
    add(
        reference_label,
        report.reference.as_ref().map(|r| r.to_string()),
    );
    add(
        Msg::FieldPoliceForce,
        report.police_force.as_ref().map(|p| p.to_string()),
    );
    let insurance = &report.insurance;
    add(
        Msg::FieldInsurer,
        insurance.insurer.as_ref().map(|i| i.to_string()),
    );
    add(
        Msg::FieldPolicyNumber,
        insurance.policy_number.as_ref().map(|p| p.to_string()),
    );
    add(
        Msg::FieldClaimReference,
        insurance.claim_reference.as_ref().map(|r| r.to_string()),
    );
    add(
        Msg::CodeFieldName,
        report.victim.name.as_ref().map(|n| n.to_string()),
    );
    add(
        Msg::CodeFieldAddress,
        report.victim.address.as_ref().map(|a| a.to_string()),
    );

    let imei_rows: Vec<Row> = if report.imeis.is_empty() {
        vec![(
            c.get(Msg::FieldImei1).to_owned(),
            c.get(Msg::CheckCodeNoImei).to_owned(),
            None,
        )]
    } else {
        report
            .imeis
            .iter()
            .map(|line| {
                let flag = match line {
                    ImeiLine::Valid(_) => (true, c.get(Msg::CheckCodeImeiRight).to_owned()),
                    ImeiLine::WrongCheckDigit { expected, .. } => (
                        false,
                        c.fill(
                            Msg::CheckCodeImeiWrong,
                            &[("expected", &expected.to_string())],
                        ),
                    ),
                };
                (c.get(Msg::FieldImei1).to_owned(), line.digits(), Some(flag))
            })
            .collect()
    };
    imei_rows.into_iter().chain(rows).collect()
}

/// "24 November 2026 at 21:30 (UTC+00:00)", or the date alone.
fn when_text(c: &Catalog, when: When) -> String {
    let date = format_date(c, when.date);
    match when.time {
        Some(local) => c.fill(
            Msg::CodeWhenTime,
            &[
                ("date", &date),
                ("time", &local.time.to_string()),
                ("offset", &local.offset.to_string()),
            ],
        ),
        None => date,
    }
}

/// A refused code: the line and the reason, in plain words.
#[component]
pub fn Refused(error: DecodeError, #[prop(optional)] nested: bool) -> impl IntoView {
    let state = use_state();
    let text = move || state.catalog.with(|c| error_words(c, &error));
    view! {
        <div class="check-result check-result--invalid">
            {heading(nested, Msg::CheckCodeInvalid)}
            <p>{text}</p>
        </div>
    }
}

/// A result's heading: one level below the photo part's when `nested`.
fn heading(nested: bool, msg: Msg) -> AnyView {
    if nested {
        view! { <h3 class="heading-m">{tr(msg)}</h3> }.into_any()
    } else {
        view! { <h2 class="heading-m">{tr(msg)}</h2> }.into_any()
    }
}

fn recipient_msg(recipient: Recipient) -> Msg {
    match recipient {
        Recipient::NetworkProvider => Msg::RecipientNetworkProvider,
        Recipient::Insurer => Msg::RecipientInsurer,
    }
}

fn event_msg(event: WhatHappened) -> Msg {
    match event {
        WhatHappened::Robbery => Msg::EventRobbery,
        WhatHappened::Theft => Msg::EventTheft,
        WhatHappened::Burglary => Msg::EventBurglary,
        WhatHappened::Lost => Msg::EventLost,
    }
}
