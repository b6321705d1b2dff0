//! GET requests to the widget's own origin, through the browser's `fetch`.
//!
//! Three small reads (host config, TAC table, a language) do not need an HTTP
//! client library; this keeps that code out of the wasm.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// What came back: the status, and the body when the status is 200.
pub enum Fetched<T> {
    Ok(T),
    Status(u16),
}

/// The body of `url` as text.
pub async fn text(url: &str) -> Result<Fetched<String>, String> {
    let response = match get(url).await? {
        Fetched::Ok(response) => response,
        Fetched::Status(status) => return Ok(Fetched::Status(status)),
    };
    let body = response.text().map_err(describe)?;
    let body = JsFuture::from(body).await.map_err(describe)?;
    Ok(Fetched::Ok(body.as_string().unwrap_or_default()))
}

/// The body of `url` as bytes.
pub async fn bytes(url: &str) -> Result<Fetched<Vec<u8>>, String> {
    let response = match get(url).await? {
        Fetched::Ok(response) => response,
        Fetched::Status(status) => return Ok(Fetched::Status(status)),
    };
    let body = response.array_buffer().map_err(describe)?;
    let body = JsFuture::from(body).await.map_err(describe)?;
    Ok(Fetched::Ok(js_sys::Uint8Array::new(&body).to_vec()))
}

async fn get(url: &str) -> Result<Fetched<Response>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&in_widget_folder(url)))
        .await
        .map_err(describe)?;
    let response: Response = response.dyn_into().map_err(describe)?;
    match response.status() {
        200 => Ok(Fetched::Ok(response)),
        status => Ok(Fetched::Status(status)),
    }
}

/// `path` from the widget's own folder, as it is named from this document:
/// a pre-rendered page sits in a folder below it (`cy/act-now/`). An
/// absolute address stays as it is.
pub fn in_widget_folder(path: &str) -> String {
    if path.starts_with('/') || path.contains("://") {
        return path.to_owned();
    }
    let up = crate::ui::state::place_here().depth;
    format!("{}{path}", "../".repeat(up))
}

/// A JavaScript error in words, for the console.
fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the request failed".to_owned())
}
