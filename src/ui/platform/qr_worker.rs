//! The QR worker: a photo's grey pixels go to a Web Worker of their own
//! (`qr-worker.js`, the `qr-reader` crate), which sends back each QR code
//! it found. A trap in the reader ends only that worker, so each photo gets
//! a new one, ended when the photo is read. The worker is same-origin and
//! runs under the page's CSP; the pixels go nowhere else.

use js_sys::{Array, Reflect, Uint8Array};
use stolen_phone_core::report::photo::{Found, Unread};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

use crate::ui::platform::picture::Grey;

/// The worker's script, beside the widget's own code.
const SCRIPT: &str = "qr-worker.js";

/// A worker, for one photo.
pub struct QrWorker {
    worker: web_sys::Worker,
    /// Keeps an error in the worker from being reported to the page as
    /// its own, which it is not.
    _contain: Closure<dyn FnMut(web_sys::Event)>,
}

/// The worker could not be started, or stopped before it answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkerFailed;

impl QrWorker {
    pub fn start() -> Result<QrWorker, WorkerFailed> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker =
            web_sys::Worker::new_with_options(&script_url(), &options).map_err(|_| WorkerFailed)?;
        // At once, while the event is being dispatched: later would be too
        // late to stop it reaching the page.
        let contain = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
        });
        worker
            .add_event_listener_with_callback("error", contain.as_ref().unchecked_ref())
            .map_err(|_| WorkerFailed)?;
        Ok(QrWorker {
            worker,
            _contain: contain,
        })
    }

    /// Each QR code in `grey`, in reading order.
    pub async fn read(&self, grey: &Grey) -> Result<Vec<Found>, WorkerFailed> {
        let pixels = Uint8Array::from(grey.pixels.as_slice());
        let message = js_sys::Object::new();
        for (key, value) in [
            ("width", JsValue::from(grey.width as u32)),
            ("height", JsValue::from(grey.height as u32)),
            ("pixels", pixels.clone().into()),
        ] {
            Reflect::set(&message, &key.into(), &value).map_err(|_| WorkerFailed)?;
        }
        let worker = &self.worker;
        // The answer, or the worker's failure to load, settles the promise.
        let answer = js_sys::Promise::new(&mut |resolve, reject| {
            worker.set_onmessage(Some(&resolve));
            worker.set_onerror(Some(&reject));
            worker.set_onmessageerror(Some(&reject));
        });
        // The page's copy of the pixels moves to the worker, not copied again.
        worker
            .post_message_with_transfer(&message, &Array::of1(&pixels.buffer()))
            .map_err(|_| WorkerFailed)?;
        let event = JsFuture::from(answer).await.map_err(|_| WorkerFailed)?;
        let data = event
            .dyn_into::<web_sys::MessageEvent>()
            .map_err(|_| WorkerFailed)?
            .data();
        let codes = Reflect::get(&data, &"codes".into()).map_err(|_| WorkerFailed)?;
        if !Array::is_array(&codes) {
            return Err(WorkerFailed);
        }
        Ok(Array::from(&codes)
            .iter()
            .map(|code| found(&code))
            .collect())
    }
}

impl Drop for QrWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// One code as the worker sends it: `{ text }` or `{ unread }`.
fn found(code: &JsValue) -> Found {
    let field = |name: &str| Reflect::get(code, &name.into()).ok()?.as_string();
    match field("text") {
        Some(text) => Ok(text),
        None => Err(Unread::from_name(&field("unread").unwrap_or_default())),
    }
}

/// The script's address: beside the widget's code, wherever the page is
/// (a pre-rendered page lives in a folder of its own), as `boot.js` names
/// the code; beside the page when there is no such tag.
fn script_url() -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let base = document.as_ref().and_then(|d| d.base_uri().ok().flatten());
    let code = document
        .and_then(|d| d.query_selector("script[data-js]").ok().flatten())
        .and_then(|tag| tag.get_attribute("data-js"));
    let beside = |url: &str, base: &str| {
        web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href())
    };
    base.as_deref()
        .and_then(|base| beside(code.as_deref()?, base))
        .and_then(|code| beside(SCRIPT, &code))
        .unwrap_or_else(|| SCRIPT.to_owned())
}
