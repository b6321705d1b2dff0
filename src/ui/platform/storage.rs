//! The saved draft in localStorage, used only when the victim says the
//! device is their own. One Effect keeps it in step with the answers.

use leptos::prelude::*;

use stolen_phone_core::journey::{self, Answers, Dropped, WhoseDevice};

/// The one key the widget writes, and only on the victim's own device.
const DRAFT_KEY: &str = "stolen-phone-draft";

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// A draft restored at start-up: the answers, and what had to be dropped.
pub struct Restored {
    pub answers: Answers,
    pub dropped: Vec<Dropped>,
}

/// What start-up found in storage.
pub enum DraftOnStart {
    Nothing,
    Restored(Box<Restored>),
    /// There was a draft, but it could not be used, so it was deleted.
    Cleared,
}

/// Reads the saved draft, if there is one. An unusable draft (expired,
/// unreadable, from an unknown version) is deleted, and the victim is told.
pub fn load_draft() -> DraftOnStart {
    let Some(storage) = local_storage() else {
        return DraftOnStart::Nothing;
    };
    let Some(text) = storage.get_item(DRAFT_KEY).ok().flatten() else {
        return DraftOnStart::Nothing;
    };
    match journey::draft_from_json(&text, now_seconds()) {
        Ok(draft) => DraftOnStart::Restored(Box::new(Restored {
            answers: draft.answers,
            dropped: draft.dropped,
        })),
        Err(reason) => {
            web_sys::console::warn_1(
                &format!("The saved answers could not be used because {reason}, and were cleared.")
                    .into(),
            );
            clear_draft();
            DraftOnStart::Cleared
        }
    }
}

/// Deletes the draft. Safe to call when there is none.
pub fn clear_draft() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
}

/// Keeps the draft in step with the answers: written on "my own device",
/// deleted (never written) on anyone else's.
pub fn sync_draft(answers: RwSignal<Answers>) {
    Effect::new(move |_| {
        let own = answers.with(|a| a.whose_device == Some(WhoseDevice::Mine));
        match answers.with(|a| journey::draft_to_json(a, now_seconds())) {
            Some(json) if own => {
                if let Some(storage) = local_storage() {
                    let _ = storage.set_item(DRAFT_KEY, &json);
                }
            }
            _ => clear_draft(),
        }
    });
}
