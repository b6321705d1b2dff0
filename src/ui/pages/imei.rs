//! The IMEI pages: where to find it, entering it (with a live check as the
//! victim types), and the checked result. Everything runs on the device.

use leptos::prelude::*;

use crate::ui::components::contact::MakerLink;
use crate::ui::components::form::{
    Details, Heading, QuestionPage, TextField, field_id, focus_by_id,
};
use crate::ui::load::tac::{ModelName, Tacs, use_tacs};
use crate::ui::state::{AppState, go, tr, use_state};
use crate::ui::words;
use stolen_phone_core::device::imei::{
    self, Change, Found, Imei, PairCheck, Reading, check_pair, examine,
};
use stolen_phone_core::device::make::Make;
use stolen_phone_core::device::make::makes_disagree;
use stolen_phone_core::i18n::{Catalog, Msg};
use stolen_phone_core::journey::{Field, Page, next};

// ---------------------------------------------------------------------------
// Find your IMEI

/// A place where the IMEI may be written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Box,
    Receipt,
    Network,
    AppleAccount,
    Backup,
    Google,
    Samsung,
    Insurance,
}

/// The places worth looking, for the make the victim gave. With no make,
/// or "I don't know", every place is shown.
fn sources_for(make: Option<Make>) -> Vec<Source> {
    let apple = matches!(make, Some(Make::Apple | Make::DontKnow) | None);
    let android = !matches!(make, Some(Make::Apple));
    let samsung = matches!(make, Some(Make::Samsung | Make::DontKnow) | None);
    let mut sources = vec![Source::Box, Source::Receipt, Source::Network];
    if apple {
        sources.extend([Source::AppleAccount, Source::Backup]);
    }
    if samsung {
        sources.push(Source::Samsung);
    }
    if android {
        sources.push(Source::Google);
    }
    sources.push(Source::Insurance);
    sources
}

fn box_text(make: Option<Make>) -> Msg {
    match make {
        Some(Make::Apple) => Msg::FindImeiBoxApple,
        Some(Make::Samsung) => Msg::FindImeiBoxSamsung,
        _ => Msg::FindImeiBoxOther,
    }
}

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
    let (title, text) = match source {
        Source::Box => (Msg::FindImeiBoxTitle, box_text(make)),
        Source::Receipt => (Msg::FindImeiReceiptTitle, Msg::FindImeiReceiptText),
        Source::Network => (Msg::FindImeiNetworkTitle, Msg::FindImeiNetworkText),
        Source::AppleAccount => (
            Msg::FindImeiAppleAccountTitle,
            Msg::FindImeiAppleAccountText,
        ),
        Source::Backup => (Msg::FindImeiBackupTitle, Msg::FindImeiBackupText),
        Source::Google => (Msg::FindImeiGoogleTitle, Msg::FindImeiGoogleText),
        Source::Samsung => (Msg::FindImeiSamsungTitle, Msg::FindImeiSamsungText),
        Source::Insurance => (Msg::FindImeiInsuranceTitle, Msg::FindImeiInsuranceText),
    };
    // The makers' own pages, from the directories.
    let links: Vec<(&'static str, Msg)> = match source {
        Source::AppleAccount => vec![
            ("apple-account-devices", Msg::FindImeiAppleAccountLink),
            ("apple-imei-help", Msg::FindImeiAppleHelpLink),
        ],
        Source::Google => vec![("google-find-hub", Msg::FindImeiGoogleLink)],
        Source::Samsung => vec![("samsung-smartthings-find", Msg::FindImeiSamsungLink)],
        _ => Vec::new(),
    };
    view! {
        <Details title=title>
            <p>{tr(text)}</p>
            {links.into_iter().map(|(id, label)| view! { <MakerLink id=id text=label/> }).collect_view()}
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

/// One thing the live check says or offers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    Say(String),
    Warn(String),
    Offer { label: String, action: Action },
}

/// What an offer button does. It is the only way the check changes a field.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Action {
    Fill(Field, String),
    Split(String, String),
}

/// What the live check knows besides the typed text.
struct Context<'a> {
    catalog: &'a Catalog,
    field: Field,
    tacs: Tacs,
    make: Option<Make>,
    asks_second: bool,
    /// IMEI 1, when the field being checked is IMEI 2 and IMEI 1 is correct.
    first: Option<Imei>,
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
        state.catalog.with(|catalog| {
            let cx = Context {
                catalog,
                field,
                tacs,
                make,
                asks_second,
                first,
            };
            lines_for(&cx, &text, found)
        })
    };
    view! {
        <div id=id class="imei-check" aria-live="polite">
            {move || lines().into_iter().map(|line| line_view(state, line)).collect_view()}
        </div>
    }
}

fn line_view(state: AppState, line: Line) -> AnyView {
    match line {
        Line::Say(text) => view! { <p class="imei-check__text">{text}</p> }.into_any(),
        Line::Warn(text) => view! {
            <div class="warning">
                <span class="warning__icon" aria-hidden="true">"!"</span>
                <strong class="warning__text">
                    <span class="visually-hidden">{tr(Msg::WarningPrefix)}" "</span>{text}
                </strong>
            </div>
        }
        .into_any(),
        Line::Offer { label, action } => view! {
            <p>
                <button type="button" class="button button--secondary imei-check__offer"
                    on:click=move |_| apply(state, &action)>{label}</button>
            </p>
        }
        .into_any(),
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

fn lines_for(cx: &Context<'_>, text: &str, found: Found) -> Vec<Line> {
    match found {
        Found::Nothing => Vec::new(),
        Found::One(reading) => reading_lines(cx, text, reading),
        Found::Two(a, b) => two_lines(cx, a, b),
        Found::TooMany { count } => vec![Line::Say(
            cx.catalog.plural(Msg::ImeiCheckTooMany, count as u64),
        )],
    }
}

fn reading_lines(cx: &Context<'_>, text: &str, reading: Reading) -> Vec<Line> {
    let c = cx.catalog;
    let say = |msg: Msg| Line::Say(c.get(msg).to_owned());
    let with_imei = |msg: Msg, imei: &Imei| Line::Say(c.fill(msg, &[("imei", &imei.to_string())]));
    match reading {
        Reading::Imei(imei) => {
            let mut lines = vec![say(Msg::ImeiCheckValid)];
            // Digits from another script, or a label pasted with the number:
            // say what we read, in 0 to 9, so the victim can compare it with
            // where they found it (the form accepts either).
            let plain = text
                .chars()
                .all(|c| c.is_ascii_digit() || " -./\t\r\n".contains(c));
            if !plain {
                lines.push(with_imei(Msg::ImeiCheckReadAs, &imei));
                lines.push(use_offer(cx, &imei));
            }
            lines.extend(model_lines(cx, &imei));
            lines.extend(pair_lines(cx, &imei));
            lines
        }
        Reading::MissingCheckDigit { imei, .. } => {
            vec![
                with_imei(Msg::ImeiCheckMissingDigit, &imei),
                use_offer(cx, &imei),
            ]
        }
        Reading::Imeisv {
            imei,
            software_version,
        } => vec![
            Line::Say(c.fill(
                Msg::ImeiCheckImeisv,
                &[
                    ("imei", &imei.to_string()),
                    ("version", &format!("{software_version:02}")),
                ],
            )),
            use_offer(cx, &imei),
        ],
        Reading::WrongCheckDigit { corrections, .. } => {
            let mut lines = vec![say(Msg::ImeiCheckWrongDigit)];
            if !corrections.is_empty() {
                lines.push(say(Msg::ImeiCheckCorrectionsIntro));
            }
            for correction in corrections {
                let imei = correction.imei.to_string();
                let change = change_text(c, correction.change);
                lines.push(Line::Offer {
                    label: c.fill(
                        Msg::ImeiCheckUseCorrection,
                        &[("imei", &imei), ("change", &change)],
                    ),
                    action: Action::Fill(cx.field, imei),
                });
            }
            lines
        }
        // Still typing: no error until there are 15 digits.
        Reading::TooShort { .. } => Vec::new(),
        Reading::TooLong { digits } => vec![Line::Say(
            c.fill(Msg::ImeiCheckTooLong, &[("count", &digits.to_string())]),
        )],
        Reading::NotADigit { found, looks_like } => {
            let found = words::visible_char(found);
            vec![Line::Say(match looks_like {
                Some(digit) => c.fill(
                    Msg::ImeiCheckLetter,
                    &[("char", &found), ("digit", &digit.to_string())],
                ),
                None => c.fill(Msg::ImeiCheckNotADigit, &[("char", &found)]),
            })]
        }
        Reading::Meid { imei, .. } => {
            let mut lines = vec![say(Msg::ImeiCheckMeid)];
            if let Some(imei) = imei {
                lines.push(with_imei(Msg::ImeiCheckMeidOffer, &imei));
                lines.push(use_offer(cx, &imei));
            }
            lines
        }
        Reading::Eid { .. } => vec![say(Msg::ImeiCheckEid)],
        Reading::Iccid { .. } => vec![say(Msg::ImeiCheckIccid)],
        Reading::PhoneNumber { .. } => vec![say(Msg::ImeiCheckPhoneNumber)],
        Reading::SerialNumber { .. } => vec![say(Msg::ImeiCheckSerial)],
        Reading::Placeholder { .. } => vec![say(Msg::ImeiCheckPlaceholder)],
        Reading::ShowImeiCode => vec![say(Msg::ImeiCheckShowCode)],
    }
}

/// A button that writes this IMEI, as plain digits, into the field.
fn use_offer(cx: &Context<'_>, imei: &Imei) -> Line {
    let digits = imei.to_string();
    Line::Offer {
        label: cx
            .catalog
            .fill(Msg::ImeiCheckUseDigits, &[("imei", &digits)]),
        action: Action::Fill(cx.field, digits),
    }
}

fn change_text(c: &Catalog, change: Change) -> String {
    match change {
        Change::Digit { position, from, to } => c.fill(
            Msg::ImeiCheckChangeDigit,
            &[
                ("position", &position.to_string()),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
            ],
        ),
        Change::Swap { position } => c.fill(
            Msg::ImeiCheckChangeSwap,
            &[
                ("position", &position.to_string()),
                ("next", &(position + 1).to_string()),
            ],
        ),
    }
}

/// The model, when the table is loaded; and a warning when it is not the
/// make the victim gave.
fn model_lines(cx: &Context<'_>, imei: &Imei) -> Vec<Line> {
    let c = cx.catalog;
    match cx.tacs.model(imei) {
        Some(ModelName { maker, model }) => {
            let mut lines = vec![Line::Say(
                c.fill(Msg::ImeiCheckModel, &[("maker", &maker), ("model", &model)]),
            )];
            let said = cx.make.filter(|m| {
                m.name()
                    .is_some_and(|stated| makes_disagree(stated, &maker))
            });
            if let Some(said) = said {
                lines.push(Line::Warn(c.fill(
                    Msg::ImeiCheckMakeDisagrees,
                    &[
                        ("make", c.get(words::make(said))),
                        ("maker", &maker),
                        ("model", &model),
                    ],
                )));
            }
            lines
        }
        None if cx.tacs.is_ready() => vec![Line::Say(c.get(Msg::ImeiCheckModelUnknown).to_owned())],
        None => Vec::new(),
    }
}

/// IMEI 2 against IMEI 1: the same number, or numbers from different makers.
fn pair_lines(cx: &Context<'_>, second: &Imei) -> Vec<Line> {
    let Some(first) = cx.first else {
        return Vec::new();
    };
    let maker_of = |tac: &str| cx.tacs.maker(tac);
    match check_pair(&first, second, maker_of) {
        PairCheck::Fine => Vec::new(),
        PairCheck::Same => vec![Line::Warn(
            cx.catalog.get(Msg::ImeiCheckSameAsFirst).to_owned(),
        )],
        PairCheck::DifferentMakers { first, second } => vec![Line::Warn(cx.catalog.fill(
            Msg::ImeiCheckDifferentMakers,
            &[("first", &first), ("second", &second)],
        ))],
    }
}

/// Two numbers in one box: offer to split them when both are IMEIs.
fn two_lines(cx: &Context<'_>, a: Reading, b: Reading) -> Vec<Line> {
    let c = cx.catalog;
    let mut lines = vec![Line::Say(c.get(Msg::ImeiCheckTwo).to_owned())];
    let (Some(a), Some(b)) = (a.offered_imei(), b.offered_imei()) else {
        return lines;
    };
    if cx.asks_second {
        lines.push(Line::Offer {
            label: c.get(Msg::ImeiCheckSplit).to_owned(),
            action: Action::Split(a.to_string(), b.to_string()),
        });
    } else {
        lines.push(Line::Say(c.get(Msg::ImeiCheckTwoPickOne).to_owned()));
        lines.push(use_offer(cx, &a));
        lines.push(use_offer(cx, &b));
    }
    lines
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
