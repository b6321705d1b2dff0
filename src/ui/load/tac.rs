//! The TAC table (model lookup), fetched once from the widget's own origin
//! when a page that uses it is first shown, and shared through context. A
//! site without the table still checks IMEIs; it only cannot name the model.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::platform::fetch::Fetched;

use stolen_phone_core::device::imei::Imei;
use stolen_phone_core::device::tac::TacTable;

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
pub struct Tacs {
    table: RwSignal<TacLookup>,
    /// Where the table is: known once the host configuration, which may
    /// name another place, has been read.
    url: RwSignal<Option<String>>,
    /// Whether a page has started the download. The table is about 90 KB:
    /// a victim who never reaches the IMEI pages never downloads it, and on
    /// the first visit it does not compete with the journey's code.
    started: StoredValue<bool>,
}

/// A maker and model, owned so that views can keep them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelName {
    pub maker: String,
    pub model: String,
}

impl Tacs {
    /// Whether the table names this TAC. Reactive.
    pub fn knows(&self, tac: &str) -> bool {
        self.table.with(|t| match t {
            TacLookup::Ready(table) => table.contains(tac),
            _ => false,
        })
    }

    /// The model an IMEI's TAC names, if the table is loaded and has it.
    pub fn model(&self, imei: &Imei) -> Option<ModelName> {
        self.table.with(|t| match t {
            TacLookup::Ready(table) => table.lookup(imei.tac()).map(|m| ModelName {
                maker: m.maker.to_owned(),
                model: m.model.to_owned(),
            }),
            _ => None,
        })
    }

    /// The maker a TAC names, if the table is loaded and has it.
    pub fn maker(&self, tac: &str) -> Option<String> {
        self.table.with(|t| match t {
            TacLookup::Ready(table) => table.lookup_str(tac).map(|m| m.maker.to_owned()),
            _ => None,
        })
    }

    pub fn is_ready(&self) -> bool {
        self.table.with(|t| matches!(t, TacLookup::Ready(_)))
    }

    pub fn is_not_installed(&self) -> bool {
        self.table.with(|t| matches!(t, TacLookup::NotInstalled))
    }

    /// The source's credit line, when a table is loaded.
    pub fn attribution(&self) -> Option<String> {
        self.table.with(|t| match t {
            TacLookup::Ready(table) => Some(table.attribution().to_owned()),
            _ => None,
        })
    }
}

/// Provides the lookup, still loading; nothing is fetched until a page
/// calls `use_tacs` and `set_table_url` has said where the table is.
pub fn provide_tac_table() -> Tacs {
    let tacs = Tacs {
        table: RwSignal::new(TacLookup::Loading),
        url: RwSignal::new(None),
        started: StoredValue::new(false),
    };
    provide_context(tacs);
    tacs
}

/// Where the table is, once the host configuration has been read.
pub fn set_table_url(tacs: Tacs, url: String) {
    tacs.url.set(Some(url));
}

/// The lookup, for a page that shows models; the first page to ask starts
/// the download, as soon as the table's place is known. Only pages call
/// this, so the download code stays out of the first page's module.
/// "Loading" if a component is mounted without the root.
pub fn use_tacs() -> Tacs {
    let Some(tacs) = use_context::<Tacs>() else {
        return Tacs {
            table: RwSignal::new(TacLookup::Loading),
            url: RwSignal::new(None),
            started: StoredValue::new(true),
        };
    };
    if !tacs.started.get_value() {
        Effect::new(move |_| {
            if let Some(url) = tacs.url.get()
                && !tacs.started.get_value()
            {
                start_loading(tacs, url);
            }
        });
    }
    tacs
}

/// Fetches the table on the next frame, so that the page asking for it is
/// shown first.
fn start_loading(tacs: Tacs, url: String) {
    tacs.started.set_value(true);
    request_animation_frame(move || {
        leptos::task::spawn_local(async move {
            tacs.table.set(load(&url).await);
        });
    });
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
