//! What the deployer and the link set: the signposting link's parameters and
//! the host configuration (`config.json` beside the widget, or the path the
//! embed snippet names). Problems go to the console, naming the field and the
//! reason, and onto the page with `?debug`.

use std::cell::RefCell;
use std::sync::Arc;

use futures::future::FutureExt;
use leptos::prelude::*;

use crate::ui::platform::fetch::Fetched;
use crate::ui::platform::once::{Once, once};

use crate::ui::state::AppState;
use stolen_phone_core::host::config::{self, Theme};
use stolen_phone_core::host::link::{LinkParams, parse_params};
use stolen_phone_core::journey::Answers;

/// Where the host configuration is looked for when the link names none.
const DEFAULT_CONFIG_PATH: &str = "config.json";

/// Reads the link's parameters, logging any that were ignored.
pub fn read_link() -> LinkParams {
    let search = window().location().search().unwrap_or_default();
    let (params, problems) = parse_params(&search);
    for p in &problems {
        web_sys::console::warn_1(
            &format!("Link parameter \"{}\" ignored: it {}.", p.name, p.reason).into(),
        );
    }
    params
}

/// Fills answers the victim has not given yet from the link: a crime
/// reference from an officer, and the date of the incident. The link's
/// force waits for the directories (see `load::directories`).
pub fn apply_link(params: &LinkParams, state: AppState) {
    state.answers.update(|a| prefill(a, params));
}

fn prefill(a: &mut Answers, params: &LinkParams) {
    if let Some(crn) = &params.crn
        && a.crime_reference.is_empty()
    {
        a.crime_reference = crn.clone();
    }
    if let Some(date) = params.incident
        && a.date_day.is_empty()
        && a.date_month.is_empty()
        && a.date_year.is_empty()
    {
        a.date_day = date.day().to_string();
        a.date_month = date.month().to_string();
        a.date_year = date.year().to_string();
    }
}

/// Where the host configuration is read from.
pub fn config_path(params: &LinkParams) -> String {
    params
        .config
        .clone()
        .unwrap_or_else(|| DEFAULT_CONFIG_PATH.to_owned())
}

thread_local! {
    /// The one read of the host configuration, with what was wrong with it
    /// in words.
    static CONFIG: Once<Arc<[String]>> = const { RefCell::new(None) };
}

/// The host configuration, applied to `state.config` (or found missing or
/// bad), with its problems in words. Read once: start-up asks first, and
/// whoever asks later waits for the same read. A missing file is normal; a
/// bad one leaves the defaults in place and says what was wrong.
pub async fn config(state: AppState) -> Arc<[String]> {
    let read = once(&CONFIG, || read_config(state).map(Ok).boxed_local());
    read.await.unwrap_or_default()
}

async fn read_config(state: AppState) -> Arc<[String]> {
    let path = state.link.with_value(config_path);
    let mut notes: Vec<String> = Vec::new();
    match fetch_text(&path).await {
        Ok(Some(text)) => {
            let (config, problems) = config::parse(&text);
            for p in &problems {
                let line = format!("Host configuration {path}: {p}");
                web_sys::console::warn_1(&line.clone().into());
                notes.push(line);
            }
            state.config.set(Arc::new(config));
        }
        Ok(None) => {}
        Err(reason) => {
            let line = format!("Host configuration {path} could not be read: {reason}");
            web_sys::console::warn_1(&line.clone().into());
            notes.push(line);
        }
    }
    Arc::from(notes)
}

/// The file's text, `None` when there is no such file.
async fn fetch_text(path: &str) -> Result<Option<String>, String> {
    match crate::ui::platform::fetch::text(path).await? {
        Fetched::Ok(text) => Ok(Some(text)),
        Fetched::Status(404) => Ok(None),
        Fetched::Status(other) => Err(format!("HTTP {other}")),
    }
}

/// The config's theme with the embed snippet's settings on top. Snippet
/// settings pass the same checks; refused ones are logged.
pub fn effective_theme(config_theme: &Theme, state: AppState) -> Theme {
    let pairs = state.link.with_value(|l| l.theme.clone());
    if pairs.is_empty() {
        return config_theme.clone();
    }
    let (snippet, problems) = config::theme_from_pairs(&pairs);
    for p in problems {
        web_sys::console::warn_1(&format!("Embed setting {p}").into());
    }
    config::overlay_theme(config_theme, &snippet)
}

/// The host's colours and font as CSS custom properties on the widget root.
/// Set through the CSS object model, which the strict CSP allows.
pub fn theme_properties(theme: &Theme) -> Vec<(&'static str, String)> {
    let mut props = Vec::new();
    let colours = [
        ("--colour-text", theme.text),
        ("--colour-background", theme.background),
        ("--colour-link", theme.link),
        ("--colour-button", theme.button),
        ("--colour-button-text", theme.button_text),
    ];
    for (name, colour) in colours {
        if let Some(c) = colour {
            props.push((name, c.css()));
        }
    }
    if let Some(font) = &theme.font {
        props.push(("--font-family", font.clone()));
    }
    props
}
