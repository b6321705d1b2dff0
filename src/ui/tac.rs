//! The TAC table (model lookup), fetched once from the widget's own origin
//! after the first page is up, and shared through context. A site without
//! the table still checks IMEIs; it only cannot name the model.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::fetch::Fetched;

use crate::core::imei::Imei;
use crate::core::tac::TacTable;

/// Relative, so it follows wherever the widget is served from.
pub const TABLE_URL: &str = "data/tac.bin";

/// Where the model lookup stands.
#[derive(Clone, Debug)]
pub enum TacLookup {
    Loading,
    Ready(Arc<TacTable>),
    /// No table on this site, or one we cannot read.
    NotInstalled,
}

/// The model lookup as a signal, provided by the root component.
#[derive(Clone, Copy)]
pub struct Tacs(pub RwSignal<TacLookup>);

/// A maker and model, owned so that views can keep them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelName {
    pub maker: String,
    pub model: String,
}

impl Tacs {
    /// Whether the table names this TAC. Reactive.
    pub fn knows(&self, tac: &str) -> bool {
        self.0.with(|t| match t {
            TacLookup::Ready(table) => table.contains(tac),
            _ => false,
        })
    }

    /// The model an IMEI's TAC names, if the table is loaded and has it.
    pub fn model(&self, imei: &Imei) -> Option<ModelName> {
        self.0.with(|t| match t {
            TacLookup::Ready(table) => table.lookup_str(&imei.tac()).map(|m| ModelName {
                maker: m.maker.to_owned(),
                model: m.model.to_owned(),
            }),
            _ => None,
        })
    }

    /// The maker a TAC names, if the table is loaded and has it.
    pub fn maker(&self, tac: &str) -> Option<String> {
        self.0.with(|t| match t {
            TacLookup::Ready(table) => table.lookup_str(tac).map(|m| m.maker.to_owned()),
            _ => None,
        })
    }

    pub fn is_ready(&self) -> bool {
        self.0.with(|t| matches!(t, TacLookup::Ready(_)))
    }

    pub fn is_not_installed(&self) -> bool {
        self.0.with(|t| matches!(t, TacLookup::NotInstalled))
    }

    /// The source's credit line, when a table is loaded.
    pub fn attribution(&self) -> Option<String> {
        self.0.with(|t| match t {
            TacLookup::Ready(table) => Some(table.attribution().to_owned()),
            _ => None,
        })
    }
}

/// Provides the lookup, still loading; `start_loading` fetches the table.
pub fn provide_tac_table() -> Tacs {
    let tacs = Tacs(RwSignal::new(TacLookup::Loading));
    provide_context(tacs);
    tacs
}

/// Fetches the table from `url` (the host configuration may name one) on
/// the next frame, so the first page is shown and usable before any of it
/// arrives.
pub fn start_loading(tacs: Tacs, url: String) {
    request_animation_frame(move || {
        leptos::task::spawn_local(async move {
            tacs.0.set(load(&url).await);
        });
    });
}

/// The lookup provided by the root; "loading" if a component is mounted
/// without it.
pub fn use_tacs() -> Tacs {
    use_context::<Tacs>().unwrap_or_else(|| Tacs(RwSignal::new(TacLookup::Loading)))
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
    match crate::ui::fetch::bytes(url).await? {
        Fetched::Ok(bytes) => TacTable::from_bytes(&bytes).map_err(|e| e.to_string()),
        Fetched::Status(status) => Err(format!("HTTP {status}")),
    }
}
