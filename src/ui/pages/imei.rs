//! The IMEI pages: where to find it, entering it (with a live check as the
//! victim types), and the checked result. Everything runs on the device.

use leptos::prelude::*;

use crate::ui::components::contact::MakerLink;
use crate::ui::components::form::{
    Details, Heading, QuestionPage, TextField, field_id, focus_by_id,
};
use crate::ui::load::tac::use_tacs;
use crate::ui::pages::label_photo::LabelPhoto;
use crate::ui::state::{AppState, go, tr, use_state};
use crate::ui::words;
use stolen_phone_core::device::imei::{self, Imei, Tac, examine};
use stolen_phone_core::device::make::Make;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::imei_help::{
    Action, CheckContext, Line, Source, SourceWords, Words, check_lines, source_words, sources_for,
};
use stolen_phone_core::journey::{Field, Page, next};

// ---------------------------------------------------------------------------
// Find your IMEI

#[component]
pub fn FindImeiPage() -> impl IntoView {
    let state = use_state();
    // Starts the model table's download, so that it is in by the time the
    // IMEI is typed on the next page.
    let _ = use_tacs();
    let make = move || state.answers.with(|a| a.make);
    let cant_find = move |_| {
        state.answers.update(|a| a.imei_not_found = true);
        let to = state
            .answers
            .with_untracked(|a| next(Page::EnterImei, a, state.mode.get_untracked()));
        go(to, state.mode.get_untracked());
    };
    view! {
        <QuestionPage page=Page::FindImei submit=Msg::FindImeiFound>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::FindImeiTitle)}</h1>
            <p>{tr(Msg::FindImeiIntro)}</p>
            <h2 class="heading-m">{tr(Msg::FindImeiWhereTitle)}</h2>
            <p class="hint">{tr(Msg::FindImeiWhereHint)}</p>
            {move || {
                let make = make();
                sources_for(make)
                    .into_iter()
                    .map(|source| view! { <SourceDetails source=source make=make/> })
                    .collect_view()
            }}
        </QuestionPage>
        <h2 class="heading-m">{tr(Msg::FindImeiCantFind)}</h2>
        <p>{tr(Msg::FindImeiCantFindHint)}</p>
        <button type="button" class="button button--secondary" on:click=cant_find>{tr(Msg::FindImeiCantFind)}</button>
    }
}

/// One place to look, as a GOV.UK details section.
#[component]
fn SourceDetails(source: Source, make: Option<Make>) -> impl IntoView {
    let SourceWords { title, text, links } = source_words(source, make);
    view! {
        <Details title=title>
            <p>{tr(text)}</p>
            {links.iter().map(|&(id, label)| view! { <MakerLink id=id text=label/> }).collect_view()}
        </Details>
    }
}

// ---------------------------------------------------------------------------
// Enter the IMEI

#[component]
pub fn EnterImeiPage() -> impl IntoView {
    let state = use_state();
    // Reaching this page means the victim means to type it.
    state.answers.update_untracked(|a| a.imei_not_found = false);
    let second = move || state.answers.with(|a| a.asks_second_imei());
    view! {
        <QuestionPage page=Page::EnterImei>
            <TextField field=Field::Imei1 label=Msg::EnterImeiQuestion hint=Msg::EnterImeiHint
                heading=Heading::Page input_mode="numeric" class="input input--width-20"/>
            <ImeiCheck field=Field::Imei1/>
            {move || second().then(|| view! {
                <TextField field=Field::Imei2 label=Msg::EnterImeiSecondLabel hint=Msg::EnterImeiSecondHint
                    input_mode="numeric" class="input input--width-20"/>
                <ImeiCheck field=Field::Imei2/>
            })}
            <LabelPhoto/>
            <LookupOff/>
        </QuestionPage>
    }
}

/// Small print when this site has no model lookup.
#[component]
fn LookupOff() -> impl IntoView {
    let tacs = use_tacs();
    move || {
        tacs.is_not_installed()
            .then(|| view! { <p class="hint imei-lookup-off">{tr(Msg::ImeiLookupOff)}</p> })
    }
}

/// The live check under an IMEI field: says politely what the text is, and
/// offers fixes as buttons. It never changes the field by itself.
#[component]
fn ImeiCheck(field: Field) -> impl IntoView {
    let state = use_state();
    let tacs = use_tacs();
    let id = format!("{}-check", field_id(field));
    let lines = move || {
        let (text, make, asks_second, first) = state.answers.with(|a| {
            let first = (field == Field::Imei2)
                .then(|| imei::parse(&a.imei_1).ok())
                .flatten();
            (
                a.text(field).unwrap_or_default().to_owned(),
                a.make,
                a.asks_second_imei(),
                first,
            )
        });
        let found = examine(&text, |tac| tacs.knows(tac)).found;
        let model = |imei: &Imei| tacs.model(imei).map(|m| (m.maker, m.model));
        let maker = |tac: Tac| tacs.maker(tac);
        let cx = CheckContext {
            field,
            make,
            asks_second,
            first,
            table_ready: tacs.is_ready(),
            model: &model,
            maker: &maker,
        };
        check_lines(&cx, &text, found)
    };
    view! {
        <div id=id class="imei-check" aria-live="polite">
            {move || lines().into_iter().map(|line| line_view(state, line)).collect_view()}
        </div>
    }
}

fn line_view(state: AppState, line: Line) -> AnyView {
    let words = move |w: &Words| state.catalog.with(|c| words::fill(c, w));
    match line {
        Line::Say(w) => {
            let text = words(&w);
            view! { <p class="imei-check__text">{text}</p> }.into_any()
        }
        Line::Warn(w) => {
            let text = words(&w);
            view! {
            <div class="warning">
                <span class="warning__icon" aria-hidden="true">"!"</span>
                <strong class="warning__text">
                    <span class="visually-hidden">{tr(Msg::WarningPrefix)}" "</span>{text}
                </strong>
            </div>
            }
            .into_any()
        }
        Line::Offer { label, action } => {
            let label = words(&label);
            view! {
            <p>
                <button type="button" class="button button--secondary imei-check__offer"
                    on:click=move |_| apply(state, &action)>{label}</button>
            </p>
            }
            .into_any()
        }
    }
}

/// Does what an offer button says, then puts the cursor back in the field.
fn apply(state: AppState, action: &Action) {
    let focus = match action {
        Action::Fill(field, value) => {
            state.answers.update(|a| {
                if let Some(slot) = a.text_mut(*field) {
                    *slot = value.clone();
                }
            });
            *field
        }
        Action::Split(first, second) => {
            state.answers.update(|a| {
                a.imei_1 = first.clone();
                a.imei_2 = second.clone();
            });
            Field::Imei2
        }
    };
    focus_by_id(field_id(focus));
}

// ---------------------------------------------------------------------------
// IMEI checked

#[component]
pub fn ImeiCheckedPage() -> impl IntoView {
    let state = use_state();
    let imeis = move || {
        state.answers.with(|a| {
            [&a.imei_1, &a.imei_2]
                .into_iter()
                .filter_map(|t| imei::parse(t).ok())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <QuestionPage page=Page::ImeiChecked>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::ImeiCorrectTitle)}</h1>
            <p>{tr(Msg::ImeiCorrectText)}</p>
            {move || {
                let all = imeis();
                let two = all.len() > 1;
                all.into_iter()
                    .enumerate()
                    .map(|(i, imei)| {
                        let heading = if i == 0 { Msg::ImeiFirstHeading } else { Msg::ImeiSecondHeading };
                        view! {
                            {two.then(|| view! { <h2 class="heading-m">{tr(heading)}</h2> })}
                            <ImeiParts imei=imei/>
                        }
                    })
                    .collect_view()
            }}
            <LookupOff/>
        </QuestionPage>
    }
}

#[component]
fn ImeiParts(imei: Imei) -> impl IntoView {
    let state = use_state();
    let tacs = use_tacs();
    let row = |label: Msg, value: String| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr(label)}</dt>
                <dd class="summary-list__value"><bdi class="code">{value}</bdi></dd>
            </div>
        }
    };
    // Reporting bodies are proper names, shown as the standard writes them.
    let body = move || match imei.reporting_body() {
        Some(body) => body.name.to_owned(),
        None => tr(Msg::ImeiReportingBodyUnknown)(),
    };
    let model = move || {
        tacs.is_ready().then(|| {
            let text = match tacs.model(&imei) {
                Some(m) => format!("{} {}", m.maker, m.model),
                None => state
                    .catalog
                    .with(|c| c.get(Msg::ImeiModelUnknown).to_owned()),
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{tr(Msg::ImeiPartModel)}</dt>
                    <dd class="summary-list__value">{text}</dd>
                </div>
            }
        })
    };
    view! {
        <dl class="summary-list">
            {row(Msg::ImeiPartImei, imei.to_string())}
            {row(Msg::ImeiPartTac, imei.tac().to_string())}
            {row(Msg::ImeiPartSerial, imei.serial())}
            {row(Msg::ImeiPartCheckDigit, imei.check_digit().to_string())}
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr(Msg::ImeiPartReportingBody)}</dt>
                <dd class="summary-list__value">{body}</dd>
            </div>
            {model}
        </dl>
    }
}
