//! GOV.UK-style question page parts: the page frame with its back link,
//! error summary and Continue button, and the fields that bind to answers.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::platform::split::split_off;
use crate::ui::state::{go, hash_for, tr, tr_numbers, use_state};
use crate::ui::words::problem_text;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{
    Answers, Checked, Choice, Field, FieldError, Page, next, validate, warnings,
};
use stolen_phone_core::values::date::Date;

/// The errors of the page on screen, for its fields to show.
#[derive(Clone, Copy)]
pub struct PageErrors(pub RwSignal<Vec<FieldError>>);

/// The id of a field's element; radios and checkboxes number the rest.
pub fn field_id(field: Field) -> &'static str {
    field.key()
}

/// A question page: back link, error summary, the fields, Continue. On
/// Continue the page's answers are checked in `core`; with no problems it
/// moves to the next page, otherwise the summary takes focus.
#[component]
pub fn QuestionPage(
    page: Page,
    children: Children,
    #[prop(default = Msg::Continue)] submit: Msg,
) -> impl IntoView {
    let state = use_state();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let attempt = RwSignal::new(0u32);
    provide_context(PageErrors(errors));

    let try_continue = move || {
        let today = state.today.get_value();
        let mode = state.mode.get_untracked();
        let answers = state.answers.get_untracked();
        let settle = move |outcome: Outcome| match outcome {
            Ok(to) => {
                errors.set(Vec::new());
                go(
                    to,
                    if to == Page::CheckAnswers {
                        Mode::Journey
                    } else {
                        mode
                    },
                );
            }
            Err(found) => {
                errors.set(found);
                attempt.update(|n| *n += 1);
            }
        };
        // Every question page is in the journey's module, so this finishes
        // at once: its code is here.
        leptos::task::spawn_local(async move {
            if let Ok(outcome) = journey_continue(page, answers, today, mode).await {
                settle(outcome);
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        try_continue();
    };
    view! {
        <BackLink page=page/>
        <ErrorSummary errors=errors attempt=attempt/>
        <form novalidate on:submit=on_submit>
            {children()}
            <button type="submit" class="button">{tr(submit)}</button>
        </form>
    }
}

use stolen_phone_core::journey::Mode;

/// Where Continue goes, or what stops it.
type Outcome = Result<Page, Vec<FieldError>>;

split_off! {
    /// Continue on a question page: its checks and where it goes, kept in
    /// the journey's module with the pages that use them.
    journey, fn journey_continue(page: Page, answers: Answers, today: Date, mode: Mode) -> Outcome {
        let found = validate(page, &answers, today);
        if found.is_empty() {
            Ok(next(page, &answers, mode))
        } else {
            Err(found)
        }
    }
}

/// "Back" to the page before this one on the victim's journey.
#[component]
pub fn BackLink(page: Page) -> impl IntoView {
    let state = use_state();
    // A journey page shares the answers its guard checked; the start page
    // and the pages outside the journey go back to the start.
    let checked = use_context::<Memo<Checked>>();
    let target = move || {
        let mode = state.mode.get();
        let to = checked.map_or(Page::Start, |checked| {
            checked.with(|c| c.previous(page, mode))
        });
        let mode = if to == Page::CheckAnswers {
            Mode::Journey
        } else {
            mode
        };
        (to != page).then_some((to, mode))
    };
    // A page with a plain HTML copy is linked by its address, so that Back
    // works on the copies without the wasm; the widget stays on its page.
    let href = move |(to, mode): (Page, Mode)| {
        if Page::PRE_RENDERED.contains(&to) {
            state.place.with_value(|p| p.href(to, state.locale()))
        } else {
            hash_for(to, mode)
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((to, mode)) = target()
            && Page::PRE_RENDERED.contains(&to)
        {
            ev.prevent_default();
            go(to, mode);
        }
    };
    // The first page has nowhere to go back to.
    move || {
        target().map(
            |to| view! { <a class="back-link" href=href(to) on:click=on_click>{tr(Msg::Back)}</a> },
        )
    }
}

/// The "There is a problem" box. It takes focus on every failed Continue,
/// and each entry moves focus to its field.
#[component]
fn ErrorSummary(errors: RwSignal<Vec<FieldError>>, attempt: RwSignal<u32>) -> impl IntoView {
    let state = use_state();
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if attempt.get() > 0 && !errors.with_untracked(Vec::is_empty) {
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
            let items = list
                .into_iter()
                .map(|e| {
                    let text = state.catalog.with(|c| problem_text(c, e.field, &e.problem));
                    let id = field_id(e.field);
                    view! {
                        <li><a href=format!("#{id}") on:click=move |ev| {
                            // The hash names pages, so focus the field
                            // rather than follow the link.
                            ev.prevent_default();
                            focus_by_id(id);
                        }>{text}</a></li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" node_ref=summary tabindex="-1" role="alert"
                     aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{tr(Msg::ErrorSummaryTitle)}</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// The error text for `field` on this page, if it has one.
pub fn field_error(field: Field) -> Signal<Option<String>> {
    let state = use_state();
    let PageErrors(errors) = expect_context::<PageErrors>();
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| e.field == field)
                .map(|e| state.catalog.with(|c| problem_text(c, e.field, &e.problem)))
        })
    })
}

/// The red message above a field in error.
#[component]
pub fn InlineError(field: Field, error: Signal<Option<String>>) -> impl IntoView {
    let id = format!("{}-error", field_id(field));
    move || {
        error.get().map(|m| {
            view! {
                <p id=id.clone() class="error-message">
                    <span class="visually-hidden">{tr(Msg::ErrorPrefix)}" "</span>{m}
                </p>
            }
        })
    }
}

/// A warning that does not stop Continue, such as a date long ago.
#[component]
pub fn PageWarnings(page: Page) -> impl IntoView {
    let state = use_state();
    move || {
        let found = state
            .answers
            .with(|a| warnings(page, a, state.today.get_value()));
        found
            .into_iter()
            .map(|w| {
                let text = state.catalog.with(|c| problem_text(c, w.field, &w.problem));
                view! {
                    <div class="warning" role="status">
                        <span class="warning__icon" aria-hidden="true">"!"</span>
                        <strong class="warning__text">
                            <span class="visually-hidden">{tr(Msg::WarningPrefix)}" "</span>{text}
                        </strong>
                    </div>
                }
            })
            .collect_view()
    }
}

/// The `aria-describedby` of a field: its hint, and its error while it has
/// one, so a screen reader reads both with the field.
fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// How the label of a field is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// The field is the page's only question: its label is the h1.
    Page,
    /// One of several fields on the page.
    Field,
}

/// A text input bound to a text answer, kept exactly as typed.
#[component]
pub fn TextField(
    field: Field,
    label: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(default = Heading::Field)] heading: Heading,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] input_mode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = "input")] class: &'static str,
    #[prop(default = false)] multiline: bool,
) -> impl IntoView {
    let state = use_state();
    let id = field_id(field);
    let hint_id = format!("{id}-hint");
    let error = field_error(field);
    let described_by = described_by(id, hint.is_some(), error);
    let value = move || {
        state
            .answers
            .with(|a| a.text(field).unwrap_or_default().to_owned())
    };
    let set = move |text: String| {
        state.answers.update(|a| {
            if let Some(slot) = a.text_mut(field) {
                *slot = text;
            }
        })
    };
    let label_view = view! { <label class="label" class:label--l=heading == Heading::Page for=id>{tr(label)}</label> };
    let label_view = match heading {
        Heading::Page => {
            view! { <h1 class="label-wrapper" tabindex="-1">{label_view}</h1> }.into_any()
        }
        Heading::Field => label_view.into_any(),
    };
    let control = if multiline {
        view! {
            <textarea class="textarea" class:input--error=move || error.with(Option::is_some)
                id=id name=id rows="3" aria-describedby=described_by.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class=class class:input--error=move || error.with(Option::is_some)
                id=id name=id type=input_type inputmode=input_mode autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false" aria-describedby=described_by
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            {label_view}
            {hint.map(|h| view! { <div id=hint_id class="hint">{tr_numbers(h)}</div> })}
            <InlineError field=field error=error/>
            {control}
        </div>
    }
}

/// One option of a radio group: its value's key, label and optional hint.
pub struct RadioOption {
    pub key: String,
    pub label: Signal<String>,
    pub hint: Option<Msg>,
}

impl RadioOption {
    pub fn of<C: Choice>(choice: C, label: Msg, hint: Option<Msg>) -> RadioOption {
        RadioOption {
            key: choice.key().to_owned(),
            label: Signal::derive(tr(label)),
            hint,
        }
    }
}

/// Radios for one answer. `get` reads the chosen key; `set` stores a key.
#[component]
pub fn Radios(
    field: Field,
    legend: Msg,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(default = Heading::Page)] heading: Heading,
    options: Vec<RadioOption>,
    get: fn(&Answers) -> Option<String>,
    set: fn(&mut Answers, &str),
) -> impl IntoView {
    let state = use_state();
    let id = field_id(field);
    let hint_id = format!("{id}-hint");
    let error = field_error(field);
    let described_by = described_by(id, hint.is_some(), error);
    let legend_view = match heading {
        Heading::Page => view! {
            <legend class="fieldset__legend fieldset__legend--l">
                <h1 class="fieldset__heading" tabindex="-1">{tr(legend)}</h1>
            </legend>
        }
        .into_any(),
        Heading::Field => {
            view! { <legend class="fieldset__legend fieldset__legend--m">{tr(legend)}</legend> }
                .into_any()
        }
    };
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            // The first radio carries the field's id, so the error summary can focus it.
            let input_id = if i == 0 { id.to_owned() } else { format!("{id}-{}", i + 1) };
            let item_hint_id = format!("{input_id}-hint");
            let key = option.key.clone();
            let checked = {
                let key = key.clone();
                move || state.answers.with(|a| get(a).as_deref() == Some(key.as_str()))
            };
            view! {
                <div class="radios__item">
                    <input class="radios__input" id=input_id.clone() name=id type="radio" value=key.clone()
                        aria-describedby=option.hint.map(|_| item_hint_id.clone())
                        prop:checked=checked
                        on:change=move |_| state.answers.update(|a| set(a, &key))/>
                    <label class="label radios__label" for=input_id>{option.label}</label>
                    {option.hint.map(|h| view! { <div id=item_hint_id class="hint radios__hint">{tr_numbers(h)}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby=described_by>
                {legend_view}
                {hint.map(|h| view! { <div id=hint_id class="hint">{tr_numbers(h)}</div> })}
                <InlineError field=field error=error/>
                <div class="radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// A checkbox bound to a yes/no answer, such as "I'll add it later".
#[component]
pub fn Checkbox(field: Field, label: Msg) -> impl IntoView {
    let state = use_state();
    let id = field_id(field);
    view! {
        <div class="checkboxes__item">
            <input class="checkboxes__input" id=id name=id type="checkbox"
                prop:checked=move || state.answers.with(|a| a.flag(field).unwrap_or(false))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.answers.update(|a| {
                        if let Some(flag) = a.flag_mut(field) {
                            *flag = on;
                        }
                    })
                }/>
            <label class="label checkboxes__label" for=id>{tr(label)}</label>
        </div>
    }
}

/// A GOV.UK details element: a summary that opens to show more; open at
/// first while `open` says so.
#[component]
pub fn Details(
    #[prop(optional, into)] open: Signal<bool>,
    title: Msg,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="details" prop:open=open>
            <summary class="details__summary"><span class="details__summary-text">{tr(title)}</span></summary>
            <div class="details__text">{children()}</div>
        </details>
    }
}

/// A link to an official page outside the widget, opened in a new tab so the
/// victim's answers stay where they are.
#[component]
pub fn ExternalLink(href: &'static str, text: Msg) -> impl IntoView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {tr(text)}<span class="visually-hidden">" "{tr(Msg::NewWindowSuffix)}</span>
        </a>
    }
}

pub fn focus_by_id(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        let _ = e.focus();
    }
}
