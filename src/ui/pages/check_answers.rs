//! Check your answers: every answer with a "Change" link that comes back here.

use leptos::prelude::*;

use crate::ui::components::form::QuestionPage;
use crate::ui::state::{hash_for, tr, use_state};
use crate::ui::words;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Mode, Page, Value, summary};

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let state = use_state();
    let rows = move || {
        let rows = state.answers.with(summary);
        state.catalog.with(|c| {
            rows.into_iter()
                .map(|row| {
                    let label = c.get(words::field_label(row.field)).to_owned();
                    let value = state
                        .directories
                        .with(|d| words::value_text(c, d, &row.value));
                    let change = c.get(Msg::Change).to_owned();
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{label.clone()}</dt>
                            <dd class="summary-list__value">
                                {if words::is_identifier(row.field) && matches!(row.value, Value::Text(_) | Value::Imei(_)) {
                                    view! { <bdi dir="ltr" class="code">{value}</bdi> }.into_any()
                                } else {
                                    value.into_any()
                                }}
                            </dd>
                            <dd class="summary-list__actions">
                                <a href=hash_for(row.page, Mode::Changing)>
                                    {change}<span class="visually-hidden">" "{label}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <QuestionPage page=Page::CheckAnswers submit=Msg::CheckAnswersContinue>
            <h1 class="heading-l" tabindex="-1">{tr(Msg::CheckAnswersTitle)}</h1>
            <p>{tr(Msg::CheckAnswersIntro)}</p>
            <dl class="summary-list">{rows}</dl>
        </QuestionPage>
    }
}
