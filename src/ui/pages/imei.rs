//! The IMEI pages: where to find it, entering it, and the checked result.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::imei::{self, Imei};
use crate::core::journey::{Field, Page, next};
use crate::ui::form::{Heading, QuestionPage, TextField};
use crate::ui::state::{go, tr, use_state};

#[component]
pub fn FindImeiPage() -> impl IntoView {
    let state = use_state();
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
        </QuestionPage>
        <h2 class="heading-m">{tr(Msg::FindImeiCantFind)}</h2>
        <p>{tr(Msg::FindImeiCantFindHint)}</p>
        <button type="button" class="button button--secondary" on:click=cant_find>{tr(Msg::FindImeiCantFind)}</button>
    }
}

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
            {move || second().then(|| view! {
                <TextField field=Field::Imei2 label=Msg::EnterImeiSecondLabel hint=Msg::EnterImeiSecondHint
                    input_mode="numeric" class="input input--width-20"/>
            })}
        </QuestionPage>
    }
}

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
            {move || imeis().into_iter().map(|i| view! { <ImeiParts imei=i/> }).collect_view()}
        </QuestionPage>
    }
}

#[component]
fn ImeiParts(imei: Imei) -> impl IntoView {
    let row = |label: Msg, value: String| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr(label)}</dt>
                <dd class="summary-list__value"><bdi class="code">{value}</bdi></dd>
            </div>
        }
    };
    view! {
        <dl class="summary-list">
            {row(Msg::ImeiPartImei, imei.to_string())}
            {row(Msg::ImeiPartTac, imei.tac())}
            {row(Msg::ImeiPartSerial, imei.serial())}
            {row(Msg::ImeiPartCheckDigit, imei.check_digit().to_string())}
        </dl>
    }
}
