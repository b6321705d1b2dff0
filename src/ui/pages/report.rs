//! The report page: a QR code for the network provider and one for the
//! insurer, the same words as text, ways to copy, save, print and email
//! them, what is still missing, next steps and support.

use leptos::prelude::*;

use crate::ui::components::contact::{CallLink, Hours, WebLink};
use crate::ui::components::qr::{QrSvg, png_data_url, svg_file};
use crate::ui::components::quick_exit::leave;
use crate::ui::platform::copy::CopyButton;
use crate::ui::platform::download::{mailto, text_data_url};
use crate::ui::state::{hash_for, rich, tr, use_state};
use crate::ui::words::field_label;
use stolen_phone_core::directory::{ServiceKind, SupportService};
use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::journey::{
    Answers, BuiltReport, Missing, Mode, Page, build_report, has_insurer_code, missing,
};
use stolen_phone_core::report::code::{Recipient, encode};
use stolen_phone_core::report::qr;
use stolen_phone_core::values::date::{parse_date, parse_time};

/// One code of the report: who it is for and its text.
#[derive(Clone)]
struct Code {
    recipient: Recipient,
    text: String,
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_state();
    // Built once: the answers do not change on this page.
    let (built, insured, still_missing) = state.answers.with_untracked(|a| {
        (
            state
                .directories
                .with_untracked(|d| build_report(a, d, utc_offset_at_theft(a))),
            has_insurer_code(a),
            missing(a),
        )
    });
    let heading = view! { <h1 class="heading-l" tabindex="-1">{tr(Msg::ReportTitle)}</h1> };
    let Ok(built) = built else {
        return view! {
            {heading}
            <p>{tr(Msg::ReportNotReady)}</p>
            <p><a href=hash_for(Page::CheckAnswers, Mode::Journey)>{tr(Msg::ReportNotReadyLink)}</a></p>
        }
        .into_any();
    };
    let codes: Vec<Code> = Recipient::ALL
        .into_iter()
        .filter(|&r| r == Recipient::NetworkProvider || insured)
        .map(|recipient| Code {
            recipient,
            text: encode(&built.report, recipient),
        })
        .collect();
    view! {
        {heading}
        <p>{tr(Msg::ReportIntro)}</p>
        <p class="report-screen-only">{tr(Msg::ReportHowToUse)}</p>
        <LeftOut built=built.clone()/>
        <div class="report-codes">
            {codes.iter().cloned().map(|code| view! { <CodeCard code=code/> }).collect_view()}
        </div>
        <StillToDo missing=still_missing.clone()/>
        <SaveAndSend codes=codes missing=still_missing/>
        <Checklist/>
        <Support/>
        <ComesBack/>
        <Finish/>
    }
    .into_any()
}

/// The victim's offset from UTC, in minutes east, on the day and at the
/// time of the theft (so a summer theft reported in winter says +01:00).
fn utc_offset_at_theft(answers: &Answers) -> i16 {
    let date = parse_date(&answers.date_day, &answers.date_month, &answers.date_year);
    let (Ok(date), Some(time)) = (date, parse_time(&answers.time)) else {
        return 0;
    };
    let local = js_sys::Date::new_with_year_month_day_hr_min(
        u32::from(date.year()),
        i32::from(date.month()) - 1,
        i32::from(date.day()),
        i32::from(time.hour()),
        i32::from(time.minute()),
    );
    // getTimezoneOffset counts minutes west of UTC; NaN becomes 0.
    -(local.get_timezone_offset() as i16)
}

fn code_id(recipient: Recipient) -> &'static str {
    match recipient {
        Recipient::NetworkProvider => "code-network-provider",
        Recipient::Insurer => "code-insurer",
    }
}

fn code_title(recipient: Recipient) -> Msg {
    match recipient {
        Recipient::NetworkProvider => Msg::ReportProviderTitle,
        Recipient::Insurer => Msg::ReportInsurerTitle,
    }
}

/// Answers that could not go into the codes, named so the victim knows.
#[component]
fn LeftOut(built: BuiltReport) -> impl IntoView {
    let state = use_state();
    if built.left_out.is_empty() {
        return None;
    }
    let count = built.left_out.len() as u64;
    let intro = move || state.catalog.with(|c| c.plural(Msg::ReportLeftOut, count));
    let items = built
        .left_out
        .iter()
        .map(|&field| view! { <li>{tr(field_label(field))}</li> })
        .collect_view();
    Some(view! {
        <div class="warning report-left-out" role="note">
            <p>{intro}</p>
            <ul class="list">{items}</ul>
            <p>
                {tr(Msg::ReportLeftOutFix)}" "
                <a href=hash_for(Page::CheckAnswers, Mode::Journey)>{tr(Msg::ReportChangeAnswers)}</a>
            </p>
        </div>
    })
}

/// One recipient's code: the QR code, its words, copy and save.
#[component]
fn CodeCard(code: Code) -> impl IntoView {
    let id = code_id(code.recipient);
    let (hint, qr_label) = match code.recipient {
        Recipient::NetworkProvider => (Msg::ReportProviderHint, Msg::ReportProviderQrLabel),
        Recipient::Insurer => (Msg::ReportInsurerHint, Msg::ReportInsurerQrLabel),
    };
    let picture = match qr::render(&code.text) {
        Ok(matrix) => {
            let svg_href = text_data_url("image/svg+xml", &svg_file(&matrix));
            let png = png_data_url(&matrix).map(|href| {
                view! {
                    <a class="button button--secondary" href=href download=format!("{id}.png")>
                        {tr(Msg::ReportDownloadPng)}
                    </a>
                }
            });
            view! {
                <QrSvg matrix=matrix label=Signal::derive(tr(qr_label))/>
                <p class="report-code__downloads">
                    {png}
                    <a class="button button--secondary" href=svg_href download=format!("{id}.svg")>
                        {tr(Msg::ReportDownloadSvg)}
                    </a>
                </p>
            }
            .into_any()
        }
        Err(_) => view! { <p class="warning">{tr(Msg::ReportQrTooLong)}</p> }.into_any(),
    };
    let text = code.text.clone();
    view! {
        <section class="report-code" id=id aria-labelledby=format!("{id}-title")>
            <h2 class="heading-m" id=format!("{id}-title")>{tr(code_title(code.recipient))}</h2>
            <p class="report-screen-only">{tr(hint)}</p>
            {picture}
            <h3 class="report-code__words-title">{tr(Msg::ReportCodeWords)}</h3>
            <pre class="copy-block report-code__text" id=format!("{id}-text")>{code.text}</pre>
            <div class="report-screen-only">
                <CopyButton text=Signal::stored(text) label=Msg::ReportCopyCode/>
            </div>
        </section>
    }
}

fn missing_msg(what: Missing) -> Msg {
    match what {
        Missing::Imei => Msg::MissingImei,
        Missing::SecondImei => Msg::MissingSecondImei,
        Missing::NetworkProvider => Msg::MissingNetworkProvider,
        Missing::ProviderReference => Msg::MissingProviderReference,
        Missing::PoliceReport => Msg::MissingPoliceReport,
        Missing::CrimeReference => Msg::MissingCrimeReference,
        Missing::LostPropertyReference => Msg::MissingLostPropertyReference,
        Missing::PolicyNumber => Msg::MissingPolicyNumber,
        Missing::ClaimReference => Msg::MissingClaimReference,
    }
}

#[component]
fn StillToDo(missing: Vec<Missing>) -> impl IntoView {
    (!missing.is_empty()).then(|| {
        let items = missing
            .into_iter()
            .map(|what| view! { <li>{tr(missing_msg(what))}</li> })
            .collect_view();
        view! {
            <section class="report-missing" aria-labelledby="report-missing-title">
                <h2 class="heading-m" id="report-missing-title">{tr(Msg::ReportMissingTitle)}</h2>
                <p>{tr(Msg::ReportMissingIntro)}</p>
                <ul class="list list--bullet">{items}</ul>
            </section>
        }
    })
}

/// The report as plain text: for the text file and the email.
fn report_text(c: &Catalog, codes: &[Code], still_missing: &[Missing]) -> String {
    let mut text = format!("{}\n", c.get(Msg::ReportTextTitle));
    for code in codes {
        text.push_str(&format!(
            "\n{}\n\n{}\n",
            c.get(code_title(code.recipient)),
            code.text
        ));
    }
    if !still_missing.is_empty() {
        text.push_str(&format!("\n{}\n", c.get(Msg::ReportMissingTitle)));
        for &what in still_missing {
            text.push_str(&format!("- {}\n", c.get(missing_msg(what))));
        }
    }
    text
}

#[component]
fn SaveAndSend(codes: Vec<Code>, missing: Vec<Missing>) -> impl IntoView {
    let state = use_state();
    let text = {
        let codes = codes.clone();
        let missing = missing.clone();
        move || state.catalog.with(|c| report_text(c, &codes, &missing))
    };
    let text_for_file = text.clone();
    let file_href = move || text_data_url("text/plain", &text_for_file());
    let email_href = move || {
        let body = text();
        state
            .catalog
            .with(|c| mailto(c.get(Msg::ReportEmailSubject), &body))
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="report-screen-only" aria-labelledby="report-save-title">
            <h2 class="heading-m" id="report-save-title">{tr(Msg::ReportSaveTitle)}</h2>
            <p>
                <button type="button" class="button" on:click=print>{tr(Msg::ReportPrint)}</button>
                " "<span class="hint">{tr(Msg::ReportPrintHint)}</span>
            </p>
            <p>
                <a class="button button--secondary" href=file_href download="phone-report.txt">
                    {tr(Msg::ReportDownloadText)}
                </a>
            </p>
            <p><a href=email_href>{tr(Msg::ReportEmail)}</a></p>
            <p class="hint">{tr(Msg::ReportEmailHint)}</p>
        </section>
    }
}

/// Next steps to tick off. Not saved: the ticks are only for now.
#[component]
fn Checklist() -> impl IntoView {
    let items = [
        ("check-blocked", Msg::ChecklistBlocked),
        ("check-reported", Msg::ChecklistReported),
        ("check-insurer", Msg::ChecklistInsurer),
        ("check-bank", Msg::ChecklistBank),
        ("check-passwords", Msg::ChecklistPasswords),
    ]
    .into_iter()
    .map(|(id, label)| {
        view! {
            <div class="checkboxes__item">
                <input class="checkboxes__input" id=id type="checkbox"/>
                <label class="label checkboxes__label" for=id>{tr(label)}</label>
            </div>
        }
    })
    .collect_view();
    view! {
        <section class="report-screen-only" aria-labelledby="report-checklist-title">
            <h2 class="heading-m" id="report-checklist-title">{tr(Msg::ChecklistTitle)}</h2>
            <p class="hint">{tr(Msg::ChecklistHint)}</p>
            {items}
        </section>
    }
}

/// Victim support for where it happened (by the force's nations, or every
/// nation's when no force was chosen), and where to report fraud that
/// follows. From the merged directories, so a host's own entries show.
#[component]
fn Support() -> impl IntoView {
    let state = use_state();
    let (services, fraud) = state.directories.with_untracked(|d| {
        let force = state
            .answers
            .with_untracked(|a| a.police_force.clone())
            .and_then(|id| d.force(&id).cloned());
        let services: Vec<SupportService> = d
            .victim_support_for(force.as_ref())
            .into_iter()
            .cloned()
            .collect();
        (services, d.service_of(ServiceKind::Fraud).cloned())
    });
    let services = services
        .into_iter()
        .map(|s| {
            let call = (!s.phone.is_empty()).then(|| {
                view! { <p>{tr(Msg::SupportCall)}" "<CallLink number=s.phone.clone()/><Hours hours=s.hours.clone()/></p> }
            });
            let site = (!s.website.is_empty()).then(|| {
                view! { <p><WebLink href=s.website.clone() text=Msg::SupportWebsite/></p> }
            });
            view! {
                <h3 class="heading-s"><bdi>{s.name.clone()}</bdi></h3>
                <p>{tr(Msg::SupportVictimSupport)}</p>
                {call}
                {site}
            }
        })
        .collect_view();
    let fraud = fraud.filter(|f| !f.phone.is_empty()).map(|f| {
        let slot = move |name: &str| match name {
            "number" => view! { <CallLink number=f.phone.clone()/> }.into_any(),
            _ => view! { <WebLink href=f.website.clone() name=f.name.clone()/> }.into_any(),
        };
        view! {
            <p id="report-fraud">{rich(Msg::SupportFraud, slot)}</p>
            <p>{tr(Msg::SupportFraudScotland)}</p>
        }
    });
    view! {
        <section class="report-support" aria-labelledby="report-support-title">
            <h2 class="heading-m" id="report-support-title">{tr(Msg::SupportTitle)}</h2>
            {services}
            {fraud}
        </section>
    }
}

#[component]
fn ComesBack() -> impl IntoView {
    view! {
        <section class="report-screen-only" aria-labelledby="report-comes-back-title">
            <h2 class="heading-m" id="report-comes-back-title">{tr(Msg::ComesBackTitle)}</h2>
            <ul class="list list--bullet">
                <li>{tr(Msg::ComesBackProvider)}</li>
                <li>{tr(Msg::ComesBackPolice)}</li>
                <li>{tr(Msg::ComesBackInsurer)}</li>
            </ul>
        </section>
    }
}

#[component]
fn Finish() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="report-screen-only" aria-labelledby="report-finish-title">
            <h2 class="heading-m" id="report-finish-title">{tr(Msg::ReportFinishTitle)}</h2>
            <p>{tr(Msg::ReportFinishHint)}</p>
            <button type="button" class="button button--warning" on:click=move |_| leave(state)>
                {tr(Msg::ClearEverythingAndLeave)}
            </button>
        </section>
    }
}
