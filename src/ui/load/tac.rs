//! The TAC table (model lookup), fetched once from the widget's own origin
//! (or where the host configuration says) when a page that uses it is first
//! shown, and shared through context. A site without the table still checks
//! IMEIs; it only cannot name the model.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::load::host;
use crate::ui::platform::arrival::Arrival;
use crate::ui::platform::fetch::Fetched;
use crate::ui::state::{AppState, use_state};

use stolen_phone_core::device::imei::{Imei, Tac};
use stolen_phone_core::device::tac::TacTable;

/// Relative, so it follows wherever the widget is served from.
pub const TABLE_URL: &str = "data/tac.bin";

/// The model lookup, once its download is done.
#[derive(Clone, Debug)]
pub enum TacLookup {
    Ready(Arc<TacTable>),
    /// No table on this site, or one we cannot read.
    NotInstalled,
}

/// The model lookup as a signal, provided by the root component. The
/// table is about 90 KB: a victim who never reaches the IMEI pages never
/// downloads it, and on the first visit it does not compete with the
/// journey's code.
#[derive(Clone, Copy)]
pub struct Tacs {
    /// `None` while the table is loading.
    table: Arrival<TacLookup>,
}

/// A maker and model, owned so that views can keep them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelName {
    pub maker: String,
    pub model: String,
}

impl Tacs {
    /// Whether the table names this TAC. Reactive.
    pub fn knows(&self, tac: Tac) -> bool {
        self.table.with(|t| match t {
            Some(TacLookup::Ready(table)) => table.contains(tac),
            _ => false,
        })
    }

    /// The model an IMEI's TAC names, if the table is loaded and has it.
    pub fn model(&self, imei: &Imei) -> Option<ModelName> {
        self.table.with(|t| match t {
            Some(TacLookup::Ready(table)) => table.lookup(imei.tac()).map(|m| ModelName {
                maker: m.maker.to_owned(),
                model: m.model.to_owned(),
            }),
            _ => None,
        })
    }

    /// The maker a TAC names, if the table is loaded and has it.
    pub fn maker(&self, tac: Tac) -> Option<String> {
        self.table.with(|t| match t {
            Some(TacLookup::Ready(table)) => table.lookup(tac).map(|m| m.maker.to_owned()),
            _ => None,
        })
    }

    pub fn is_ready(&self) -> bool {
        self.table.with(|t| matches!(t, Some(TacLookup::Ready(_))))
    }

    pub fn is_not_installed(&self) -> bool {
        self.table
            .with(|t| matches!(t, Some(TacLookup::NotInstalled)))
    }

    /// The source's credit line, when a table is loaded.
    pub fn attribution(&self) -> Option<String> {
        self.table.with(|t| match t {
            Some(TacLookup::Ready(table)) => Some(table.attribution().to_owned()),
            _ => None,
        })
    }
}

/// Provides the lookup, still loading; nothing is fetched until a page
/// calls `use_tacs`.
pub fn provide_tac_table() {
    provide_context(Tacs {
        table: Arrival::new(),
    });
}

/// The lookup, for a page that shows models; the first page to ask starts
/// the download, on the next frame so that the page is shown first. Only
/// pages call this, so the download code stays out of the first page's
/// module. "Loading" if a component is mounted without the root.
pub fn use_tacs() -> Tacs {
    let Some(tacs) = use_context::<Tacs>() else {
        return Tacs {
            table: Arrival::new(),
        };
    };
    if !tacs.table.is_started() {
        let state = use_state();
        request_animation_frame(move || {
            // Every page part that asks shares the one download, started by
            // the first of them, so views update once.
            if !tacs.table.is_started() {
                tacs.table.start(load_table(state));
            }
        });
    }
    tacs
}

/// The table from where the host configuration says, or the default place.
async fn load_table(state: AppState) -> TacLookup {
    host::config(state).await;
    let url = state
        .config
        .with_untracked(|c| c.tac_table_url.clone())
        .unwrap_or_else(|| TABLE_URL.to_owned());
    load(&url).await
}

async fn load(url: &str) -> TacLookup {
    match fetch_table(url).await {
        // The build writes an empty table when the site has no TAC export.
        Ok(table) if table.is_empty() => TacLookup::NotInstalled,
        Ok(table) => TacLookup::Ready(Arc::new(table)),
        Err(reason) => {
            web_sys::console::info_1(&format!("Model lookup is off: {reason}").into());
            TacLookup::NotInstalled
        }
    }
}

async fn fetch_table(url: &str) -> Result<TacTable, String> {
    match crate::ui::platform::fetch::bytes(url).await? {
        Fetched::Ok(bytes) => TacTable::from_bytes(&bytes).map_err(|e| e.to_string()),
        Fetched::Status(status) => Err(format!("HTTP {status}")),
    }
}
