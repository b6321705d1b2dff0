//! Component tests in headless Chromium: mount, type, click, read the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use stolen_phone::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the widget; it is unmounted when the second value is dropped, at
/// the end of the test, so that no test's widget answers the next one's
/// hash changes.
fn mount_app() -> (web_sys::HtmlElement, impl Sized) {
    let document = document();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let app = leptos::mount::mount_to(root.clone(), App);
    (root, app)
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

/// Lets Leptos and the browser run what is pending (effects, hashchange).
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn start_now_shows_the_urgent_steps_before_asking_whose_device() {
    window().location().set_hash("#/").unwrap();
    let (root, _app) = mount_app();
    settle().await;
    assert_eq!(text(&root, "main h1"), "Your phone has been stolen or lost");

    find(&root, "main a.button--start").click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), "#/act-now");
    assert_eq!(text(&root, "main h1"), "Do these things first");

    find(&root, "main button[type=submit]").click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), "#/whose-device");
    find(&root, "main button[type=submit]").click();
    settle().await;
    assert!(text(&root, ".error-summary").contains("Choose whose phone or computer you are using"));
    assert!(text(&root, "#whose-device-error").contains("Choose whose phone"));
    assert_eq!(window().location().hash().unwrap(), "#/whose-device");

    find(&root, "#whose-device-2").click();
    find(&root, "main button[type=submit]").click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), "#/what-happened");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_deep_link_past_unanswered_questions_shows_the_first_unanswered() {
    window().location().set_hash("#/imei").unwrap();
    let (root, _app) = mount_app();
    settle().await;
    assert_eq!(
        text(&root, "main h1"),
        "Whose phone or computer are you using now?"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_widget_sets_lang_and_dir_on_its_own_root_only() {
    window().location().set_hash("#/").unwrap();
    let before = document().document_element().unwrap().get_attribute("lang");
    let (root, _app) = mount_app();
    settle().await;
    let widget = find(&root, ".widget");
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en-GB"));
    assert_eq!(widget.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        document().document_element().unwrap().get_attribute("lang"),
        before
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_about_page_credits_the_data_and_says_what_stays_on_the_device() {
    window().location().set_hash("#/about").unwrap();
    let (root, _app) = mount_app();
    settle().await;
    assert_eq!(text(&root, "main h1"), "About this tool");
    let page = text(&root, "main");
    for credit in [
        "Osmocom TAC database, CC-BY-SA 3.0, (c) Harald Welte 2016",
        "GSMA TS.06",
        "Open Government Licence",
        "MIT OR Apache-2.0",
        "no cookies and no analytics",
    ] {
        assert!(page.contains(credit), "about lacks {credit:?}: {page}");
    }
    root.remove();
}
