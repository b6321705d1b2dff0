//! Component tests in headless Chromium: mount, type, click, read the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use stolen_phone::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), App).forget();
    root
}

fn find(root: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {css}"))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, css: &str) -> String {
    find(root, css).text_content().unwrap_or_default()
}

async fn settle() {
    leptos::task::tick().await;
}

fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn imei_page_reports_a_wrong_check_digit_and_keeps_the_input() {
    window().location().set_hash("#/imei").unwrap();
    let root = mount_app();
    settle().await;
    assert_eq!(text(&root, "h1"), "What is your phone’s IMEI number?");

    let input: web_sys::HtmlInputElement = find(&root, "#imei").unchecked_into();
    type_into(&input, "352099001761482");
    find(&root, "button[type=submit]").click();
    settle().await;

    assert!(text(&root, ".error-summary").contains("There is a problem"));
    assert!(text(&root, "#imei-error").contains("not right"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("imei-hint imei-error")
    );
    assert_eq!(input.value(), "352099001761482");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_valid_imei_moves_on_to_its_parts() {
    window().location().set_hash("#/imei").unwrap();
    let root = mount_app();
    settle().await;
    let input: web_sys::HtmlInputElement = find(&root, "#imei").unchecked_into();
    type_into(&input, "35-209900-176148-1");
    find(&root, "button[type=submit]").click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), "#/imei/checked");
    // The hashchange event arrives as a task, after the click handler.
    sleep_ms(50).await;
    assert_eq!(text(&root, "h1"), "This IMEI number is correct");
    assert!(text(&root, ".summary-list").contains("35209900"));
    root.remove();
}

/// Waits for the browser's event loop to run pending tasks.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
