//! GOV.UK-style question page parts shared by every page: back link, error
//! summary, inline error and the Continue button.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::route::Step;

/// A problem with one field: the field's id and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field_id: &'static str,
    pub message: String,
}

#[component]
pub fn BackLink(to: Step) -> impl IntoView {
    view! { <a class="back-link" href=to.hash()>"Back"</a> }
}

/// The "There is a problem" box at the top of a page. It takes focus when it
/// appears, and each entry moves focus to its field.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>, attempt: Signal<u32>) -> impl IntoView {
    let summary = NodeRef::<Div>::new();
    // Focus on every failed Continue, not only the first, so a screen reader
    // hears the problem again.
    Effect::new(move |_| {
        attempt.track();
        if !errors.with(Vec::is_empty) {
            request_animation_frame(move || {
                if let Some(s) = summary.get_untracked() {
                    let _ = s.focus();
                }
            });
        }
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" node_ref=summary tabindex="-1"
                     aria-labelledby="error-summary-title" role="alert">
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <ul class="error-summary__list">
                        {list.into_iter().map(|e| {
                            let href = format!("#{}", e.field_id);
                            let field_id = e.field_id;
                            view! {
                                <li><a href=href on:click=move |ev| {
                                    // The hash names pages, so focus the field
                                    // directly instead of following the link.
                                    ev.prevent_default();
                                    focus_by_id(field_id);
                                }>{e.message}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The red message above a field in error.
#[component]
pub fn InlineError(id: &'static str, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <p id=id class="error-message">
                    <span class="visually-hidden">"Error: "</span>{m}
                </p>
            }
        })
    }
}

#[component]
pub fn ContinueButton() -> impl IntoView {
    view! { <button type="submit" class="button">"Continue"</button> }
}

fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        let _ = e.focus();
    }
}
