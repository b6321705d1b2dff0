//! The pre-rendered start and Act now pages. With scripts off they are
//! whole pages in every language that link to each other; once the wasm
//! takes over they read word for word as before, and what the victim did on
//! the copy meanwhile is still done.

use e2e::Browser;
use serde_json::{Value, json};
use stolen_phone_core::i18n::Locale;
use stolen_phone_core::journey::Page;

/// The widget's text as a person reads it, without the note that only
/// shows when scripts are off.
const READ_TEXT: &str = "
    const app = document.getElementById('app');
    app.querySelectorAll('noscript').forEach((n) => n.remove());
    return app.innerText.split(/\\s+/).filter(Boolean).join(' ');";

/// Opens `path` with page scripts off, then lets the test's own scripts
/// run again (the page's were skipped while it loaded, so it stays as the
/// server sent it).
async fn open_without_scripts(b: &Browser, path: &str) {
    b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    )
    .await;
    b.open_address(path).await;
    b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    )
    .await;
}

/// Without scripts the strict CSP can only be broken by the markup itself:
/// an inline style or script, or a file from another origin.
async fn assert_plain_and_own(b: &Browser, name: &str) {
    let inline = b
        .js("return document.querySelectorAll('[style], style, script:not([src])').length;")
        .await;
    assert_eq!(inline, json!(0), "{name}: inline style or script");
    let foreign = b.foreign_requests().await;
    assert!(
        foreign.is_empty(),
        "{name}: requests to other origins: {foreign:?}"
    );
    let violations = b.axe_violations().await;
    assert!(
        violations.is_empty(),
        "axe found problems on {name}:\n{}",
        violations.join("\n")
    );
}

#[tokio::test]
async fn the_copies_read_as_the_widget_does_in_every_language_with_scripts_on_and_off() {
    let off = Browser::start(1024, 900).await;
    let on = Browser::start(1024, 900).await;
    for locale in Locale::ALL {
        for page in Page::PRE_RENDERED {
            let path = page.pre_rendered_path(locale).expect("a pre-rendered page");
            let name = format!(
                "pre-rendered-{}",
                path.trim_end_matches('/').replace('/', "-")
            );

            open_without_scripts(&off, &path).await;
            let live = off
                .js("return document.getElementById('app').hasAttribute('data-live');")
                .await;
            assert_eq!(live, json!(false), "{path}: the wasm ran with scripts off");
            let lang = off.js("return document.documentElement.lang;").await;
            assert_eq!(lang, json!(locale.tag()), "{path}");
            off.screenshot(&format!("{name}-no-scripts")).await;
            assert_plain_and_own(&off, &path).await;
            let copy = off.js(READ_TEXT).await;

            on.open_address(&path).await;
            on.wait_for_widget().await;
            let widget = on.js(READ_TEXT).await;
            assert_eq!(
                copy, widget,
                "{path}: the copy and the widget read differently"
            );
            on.check_page(&name).await;
        }
    }
    off.finish().await;
    on.finish().await;
}

#[tokio::test]
async fn without_scripts_start_now_and_back_are_links_between_the_copies() {
    let b = Browser::start(1024, 900).await;
    open_without_scripts(&b, "cy/").await;
    b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    )
    .await;
    b.click("a.button--start").await;
    b.wait_for_text("main h1", "Gwnewch y pethau hyn yn gyntaf")
        .await;
    assert!(
        b.js("return location.pathname;")
            .await
            .as_str()
            .unwrap_or_default()
            .ends_with("/cy/act-now/")
    );
    // 999 and the providers' lines are on the page with no script at all.
    let text = b.text("main").await.unwrap_or_default();
    assert!(text.contains("999"), "{text}");
    b.click("a.back-link").await;
    b.wait_for_text("main h1", "Mae eich ffôn wedi cael ei ddwyn neu ei golli")
        .await;
    // Another language's copy of the same page, and quick exit, are plain links.
    b.click("a[hreflang=pl]").await;
    b.wait_for_text("main h1", "Twój telefon został skradziony lub zgubiony")
        .await;
    let exit = b
        .js("return document.querySelector('.quick-exit a').getAttribute('href');")
        .await;
    assert_eq!(exit, json!("https://www.bbc.co.uk/weather"));
    b.finish().await;
}

#[tokio::test]
async fn the_widget_takes_over_without_losing_an_open_section_the_focus_or_the_scroll() {
    let b = Browser::start(1024, 700).await;
    // Slow enough that the victim acts on the copy before the wasm is in.
    b.throttle(150.0, 25_000, 25_000).await;
    b.open_address("en-gb/act-now/").await;
    b.click("details summary").await;
    b.js("window.scrollTo(0, 120);").await;
    let before: Value = b
        .js("return [window.scrollY, document.activeElement.innerText.trim(), document.getElementById('app').hasAttribute('data-live')];")
        .await;
    assert_eq!(
        before[2],
        json!(false),
        "the wasm came before the test could act on the copy"
    );
    assert_eq!(before[1], json!("iPhone"), "the summary took focus");
    b.wait_for_widget().await;
    let after: Value = b
        .js("return [window.scrollY, document.activeElement.innerText.trim(), document.querySelector('details').open];")
        .await;
    assert_eq!(after[0], before[0], "the page did not scroll");
    assert_eq!(after[1], before[1], "focus stays on the section's summary");
    assert_eq!(after[2], json!(true), "the section stays open");
    b.set_offline(false).await;
    b.submit().await;
    b.wait_for_heading(e2e::WHOSE_DEVICE).await;
    assert!(
        b.js("return location.hash;").await == json!("#/whose-device"),
        "the widget moved on without loading a page"
    );
    b.finish().await;
}
