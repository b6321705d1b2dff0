//! Living inside another site's page (through embed.js): tell the host page
//! our height, and nothing else.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The message type embed.js listens for.
const HEIGHT_MESSAGE: &str = "stolen-phone:height";

/// Sends the document's height to the embedding page whenever it changes.
/// Messages go only to `host_origin` and carry only the height.
pub fn report_height(host_origin: String) {
    let Some(body) = document().body() else {
        return;
    };
    let send = move || {
        let height = document()
            .document_element()
            .map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window().parent() {
            let _ = parent.post_message(&message, &host_origin);
        }
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}
