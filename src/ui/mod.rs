//! The browser front end: Leptos components, the URL hash, storage, focus
//! and the panic fallback. Every decision is made in `core`.

mod app;
mod components;
mod focus;
mod load;
mod pages;
mod platform;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod start_up;
mod state;
#[cfg(target_arch = "wasm32")]
mod takeover;
mod words;

pub use app::App;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
use state::MOUNT_ID;
/// The static "something went wrong" message in index.html.
#[cfg(target_arch = "wasm32")]
const CRASH_ID: &str = "crash";

/// Installs the panic hook and mounts the widget into `#app`, in place of
/// the pre-rendered page there once the widget's own page is ready.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(on_panic));
    let document = leptos::prelude::document();
    let Some(mount) = document.get_element_by_id(MOUNT_ID) else {
        web_sys::console::error_1(
            &"The page has no element with id \"app\" to show the widget in.".into(),
        );
        return;
    };
    takeover::take_over(mount.unchecked_into());
}

#[cfg(target_arch = "wasm32")]
/// A panic in wasm stops the widget for good, so say so in the console and
/// show the static message that tells the victim what to do next.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&format!("The widget stopped: {info}").into());
    let document = leptos::prelude::document();
    if let Some(crash) = document.get_element_by_id(CRASH_ID) {
        let _ = crash.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id(MOUNT_ID) {
        let _ = app.set_attribute("hidden", "");
    }
}
