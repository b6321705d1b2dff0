//! The widget's QR worker: the page hands it a photo's grey pixels and gets
//! back each code found, in reading order, as a plain object: `{ text }`
//! for a code that read, `{ unread }` (an `Unread`'s name) for one that
//! did not. `qr-worker.js` is the worker's script.

use wasm_bindgen::prelude::*;

use crate::{Grey, read};

/// Every code in the `width` × `height` grey pixels; none if the pixels do
/// not fill that size.
#[wasm_bindgen(js_name = readCodes)]
pub fn read_codes(width: u32, height: u32, pixels: &[u8]) -> js_sys::Array {
    let found = Grey::new(width as usize, height as usize, pixels)
        .map(read)
        .unwrap_or_default();
    found
        .into_iter()
        .map(|code| {
            let object = js_sys::Object::new();
            let (key, value) = match code {
                Ok(text) => ("text", text),
                Err(why) => ("unread", why.name().to_owned()),
            };
            // Setting a property on a new plain object cannot fail.
            let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
            JsValue::from(object)
        })
        .collect()
}
