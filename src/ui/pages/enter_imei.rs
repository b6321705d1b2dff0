//! The question page that asks for the IMEI and checks it on the device.

use leptos::prelude::*;

use crate::core::imei::{self, ImeiError};
use crate::core::route::Step;
use crate::ui::form::{BackLink, ContinueButton, ErrorSummary, FieldError, InlineError};

const FIELD_ID: &str = "imei";
const HINT_ID: &str = "imei-hint";
const ERROR_ID: &str = "imei-error";

/// `text` is what the victim typed, kept as typed; `on_valid` runs when
/// Continue finds a correct IMEI.
#[component]
pub fn EnterImeiPage(text: RwSignal<String>, on_valid: impl Fn() + 'static) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let attempt = RwSignal::new(0u32);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match imei::parse(&text.get_untracked()) {
            Ok(_) => {
                error.set(None);
                on_valid();
            }
            Err(problem) => {
                error.set(Some(error_message(&problem)));
                attempt.update(|n| *n += 1);
            }
        }
    };

    let errors = Signal::derive(move || {
        error
            .get()
            .map(|message| {
                vec![FieldError {
                    field_id: FIELD_ID,
                    message,
                }]
            })
            .unwrap_or_default()
    });
    let described_by = move || match error.get() {
        Some(_) => format!("{HINT_ID} {ERROR_ID}"),
        None => HINT_ID.to_owned(),
    };

    view! {
        <BackLink to=Step::Start/>
        <ErrorSummary errors=errors attempt=attempt.into()/>
        <form novalidate on:submit=on_submit>
            <div class="form-group" class:form-group--error=move || error.get().is_some()>
                <h1 class="label-wrapper" tabindex="-1">
                    <label class="label label--l" for=FIELD_ID>"What is your phone’s IMEI number?"</label>
                </h1>
                <div id=HINT_ID class="hint">
                    "It is 15 digits long. It is on the phone’s box, the receipt, or your network provider account. For example, 35 209900 176148 1."
                </div>
                <InlineError id=ERROR_ID message=error.into()/>
                <input class="input input--width-20" id=FIELD_ID name="imei" type="text"
                    inputmode="numeric" autocomplete="off" spellcheck="false"
                    aria-describedby=described_by
                    aria-invalid=move || error.get().is_some().to_string()
                    class:input--error=move || error.get().is_some()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))/>
            </div>
            <ContinueButton/>
        </form>
    }
}

/// Plain words that say what is wrong and how to put it right.
fn error_message(problem: &ImeiError) -> String {
    match problem {
        ImeiError::Empty => "Enter your phone’s IMEI number".to_owned(),
        ImeiError::NotADigit(c) => {
            format!("An IMEI number only has the numbers 0 to 9. Take out “{c}”")
        }
        ImeiError::TooShort { digits } => format!(
            "An IMEI number is 15 digits long. You have typed {digits}. Check for a missing digit"
        ),
        ImeiError::TooLong { digits } => format!(
            "An IMEI number is 15 digits long. You have typed {digits}. Check for an extra digit"
        ),
        ImeiError::WrongCheckDigit { .. } => "This IMEI number is not right. A digit may be mistyped: check each one against where you found it".to_owned(),
    }
}
