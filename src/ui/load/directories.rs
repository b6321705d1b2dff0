//! The police, provider and support directories the pages read: the shipped
//! ones with the host's own entries added. They are worked out once, in the
//! journey's module and after the host configuration is in, so that the
//! first page carries neither the directories nor their checks.

use std::cell::RefCell;
use std::sync::Arc;

use futures::future::FutureExt;
use leptos::prelude::*;

use crate::ui::load::host::{self, config_path};
use crate::ui::platform::once::{Once, once};
use crate::ui::platform::split::split_off;
use crate::ui::state::AppState;
use stolen_phone_core::host::config;

/// The problems found in the host's directory entries, in words.
type Notes = Arc<[String]>;

thread_local! {
    /// The one merge, shared by the background preload, the pages and the
    /// `?debug` notice. Forgotten when it fails, so that "Try again" asks
    /// again.
    static MERGE: Once<Notes> = const { RefCell::new(None) };
}

/// Resolves once `state.directories` holds the merged directories, with the
/// problems found in the host's entries. Fetches the journey's module if it
/// is not here yet.
pub async fn directories_ready(state: AppState) -> Result<Notes, String> {
    once(&MERGE, || merge(state).boxed_local()).await
}

async fn merge(state: AppState) -> Result<Notes, String> {
    host::config(state).await;
    merge_directories(state)
        .await
        .map_err(|_| "the journey's code could not be loaded".to_owned())
}

split_off! {
    /// Merges the host's entries into the shipped directories, logs what was
    /// dropped, and fills in the police force the link or the host names.
    journey, fn merge_directories(state: AppState) -> Notes {
        let config = state.config.get_untracked();
        let path = state.link.with_value(config_path);
        let (merged, problems) = config::directories_for(&config);
        let mut notes: Vec<String> = problems
            .iter()
            .map(|p| format!("Host configuration {path}: {p}"))
            .collect();
        let link_force = state.link.with_value(|l| l.force.clone());
        if let Some(force) = link_force.as_deref().filter(|id| merged.force(id).is_none()) {
            notes.push(format!(
                "Link parameter \"force\" ignored: \"{force}\" names no force in the directory."
            ));
        }
        if let Some(force) = config.default_force.as_deref().filter(|id| merged.force(id).is_none()) {
            notes.push(format!(
                "Host configuration default_force \"{force}\" names no force in the directory."
            ));
        }
        for note in &notes {
            web_sys::console::warn_1(&note.as_str().into());
        }
        // The link's force wins over the host's; neither over the victim's.
        let known = |id: &Option<String>| id.clone().filter(|id| merged.force(id).is_some());
        if let Some(force) = known(&link_force).or_else(|| known(&config.default_force)) {
            state.answers.update(|a| {
                if a.police_force.is_none() {
                    a.police_force = Some(force);
                }
            });
        }
        state.directories.set(Arc::new(merged));
        notes.into()
    }
}
