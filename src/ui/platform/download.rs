//! Files the victim can save: built on the device as `data:` URLs (allowed
//! by the CSP) for an `<a download>` link, so nothing goes through a server.

/// A `data:` URL holding `text` as UTF-8 of the given type.
pub fn text_data_url(mime: &str, text: &str) -> String {
    let encoded = String::from(js_sys::encode_uri_component(text));
    format!("data:{mime};charset=utf-8,{encoded}")
}

/// A `mailto:` link that opens the victim's own email app with this
/// subject and body, addressed to no one: they choose whom to send it to.
pub fn mailto(subject: &str, body: &str) -> String {
    let subject = String::from(js_sys::encode_uri_component(subject));
    // Email wants CRLF line ends in a mailto body.
    let body = String::from(js_sys::encode_uri_component(&body.replace('\n', "\r\n")));
    format!("mailto:?subject={subject}&body={body}")
}
