//! The start page and the IMEI question page, in the release build.

use e2e::{Browser, WHOSE_DEVICE, origin};
use fantoccini::Locator;
use serde_json::json;

const VALID_IMEI: &str = "35 209900 176148 1";

#[tokio::test]
async fn start_page_to_the_imei_question_with_errors_and_back_button() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    let page = b.text("main").await.unwrap_or_default();
    assert!(
        page.contains("If you are in danger now, call 999."),
        "start page says: {page}"
    );
    b.check_page("01-start").await;
    // The model table (about 90 KB) waits for the IMEI pages.
    let fetched_table = "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/data/tac.bin'));";
    assert_eq!(
        b.js(fetched_table).await,
        json!(false),
        "no TAC table on the start page"
    );
    // The wasm is downloaded once, by boot.js after the first paint.
    let wasm_downloads = "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).map(e => e.initiatorType);";
    assert_eq!(
        b.js(wasm_downloads).await,
        json!(["fetch"]),
        "one download of the wasm, by boot.js"
    );

    // Start now asks nothing: the urgent steps come first.
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    wait_until_focused(&b, "FOCUS-H1").await;
    b.check_page("02-act-now").await;
    b.submit().await;

    // Continue without saying whose device: the error summary takes focus.
    b.wait_for_heading(WHOSE_DEVICE).await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    wait_until_focused(&b, "error-summary").await;
    b.check_page("03-whose-device-error").await;
    b.choose("Someone else’s, or a shared one").await;
    b.submit().await;

    b.wait_for_heading("What happened?").await;
    b.check_page("04-what-happened").await;
    b.choose("Someone took it without me noticing, or snatched it")
        .await;
    b.submit().await;

    b.wait_for_heading("When did it happen?").await;
    b.fill("date-day", "24").await;
    b.fill("date-month", "11").await;
    b.fill("date-year", "2099").await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    let message = b.text("#date-day-error").await.unwrap_or_default();
    assert!(
        message.ends_with("The date must be today or in the past"),
        "{message}"
    );
    b.check_page("05-when-error").await;
    b.fill("date-year", "2026").await;
    b.submit().await;

    b.wait_for_heading("Where did it happen?").await;
    b.fill("place", "Number 73 bus, Oxford Street").await;
    b.submit().await;

    b.wait_for_heading("About your phone").await;
    b.choose("Apple iPhone").await;
    b.submit().await;

    b.wait_for_heading("What is the phone’s number?").await;
    b.fill("phone-number", "07700 900982").await;
    b.submit().await;

    b.wait_for_heading("Which network provider is the phone with?")
        .await;
    b.choose("I don’t know").await;
    b.submit().await;

    b.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
        .await;
    b.choose("No").await;
    b.submit().await;

    b.wait_for_heading("Find your phone’s IMEI number").await;
    for _ in 0..100 {
        if b.js(fetched_table).await == json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        b.js(fetched_table).await,
        json!(true),
        "the IMEI pages fetch the TAC table"
    );
    b.submit().await;

    b.wait_for_heading("What is your phone’s IMEI number?")
        .await;
    b.check_page("06-imei").await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    assert_eq!(
        b.text(".error-summary a").await.as_deref(),
        Some("Enter your phone’s IMEI number")
    );
    b.click(".error-summary a").await;
    assert_eq!(b.focused().await, "imei-1");

    // One digit wrong: the check digit catches it, and what was typed stays.
    b.fill("imei-1", "35 209900 176148 2").await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    let message = b.text("#imei-1-error").await.unwrap_or_default();
    assert!(
        message.contains("not right"),
        "wrong check digit message: {message}"
    );
    let input = b.client.find(Locator::Id("imei-1")).await.unwrap();
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("35 209900 176148 2")
    );
    b.check_page("07-imei-wrong-digit").await;

    b.fill("imei-1", VALID_IMEI).await;
    b.submit().await;
    b.wait_for_heading("This IMEI number is correct").await;
    let summary = b.text(".summary-list").await.unwrap_or_default();
    for part in ["352099001761481", "35209900", "176148"] {
        assert!(
            summary.contains(part),
            "the result should show {part}: {summary}"
        );
    }
    b.check_page("08-imei-checked").await;

    // The browser's back button returns to the question with the answer intact.
    b.client.back().await.unwrap();
    b.wait_for_heading("What is your phone’s IMEI number?")
        .await;
    let value = b
        .client
        .find(Locator::Id("imei-1"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some(VALID_IMEI));
    b.finish().await;
}

/// The error summary is focused after a frame; wait for that.
async fn wait_until_focused(b: &Browser, class: &str) {
    for _ in 0..100 {
        // "FOCUS-H1" asks for the page's heading, which has no class.
        let focused = b
            .js("const a = document.activeElement; return a.tagName === 'H1' ? 'FOCUS-H1' : a.className;")
            .await;
        if focused.as_str().is_some_and(|c| c.contains(class)) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("focus never moved to .{class}");
}

#[tokio::test]
async fn the_page_has_no_inline_script_or_style_and_sends_the_csp() {
    let html = std::fs::read_to_string(xtask::dist_dir().join("index.html")).unwrap();
    for tag in html.split("<script").skip(1) {
        let open = &tag[..tag.find('>').unwrap()];
        assert!(
            open.contains(" src="),
            "inline <script{open}> in dist/index.html"
        );
        assert!(
            tag[open.len() + 1..].trim_start().starts_with("</script>"),
            "script with a body"
        );
    }
    assert!(
        !html.contains("style="),
        "a style attribute in dist/index.html"
    );
    assert!(
        !html.contains("<style"),
        "a <style> element in dist/index.html"
    );
    let meta = format!("content=\"{}\"", xtask::CSP);
    assert!(
        html.contains(&meta),
        "the meta CSP differs from the server's header"
    );

    let response = raw_get(origin(), "/");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let header = format!("content-security-policy: {}", xtask::CSP).to_lowercase();
    assert!(
        response.to_lowercase().contains(&header),
        "no CSP header in:\n{response}"
    );
}

fn raw_get(origin: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let address = origin.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

/// The page checks must be able to fail: plant an image without a text
/// alternative and a request to another origin, and see both caught.
#[tokio::test]
async fn the_page_checks_catch_planted_problems() {
    let b = Browser::start(800, 600).await;
    b.open("").await;
    b.js("const i = document.createElement('img'); i.src = 'data:,'; document.body.append(i); return 0;")
        .await;
    let axe = b.axe_violations().await;
    assert!(
        axe.iter().any(|v| v.starts_with("image-alt")),
        "axe missed a planted image: {axe:?}"
    );
    b.js("fetch('http://localhost:9/planted').catch(() => {}); return 0;")
        .await;
    let mut csp = serde_json::Value::Null;
    for _ in 0..50 {
        csp = b.js("return window.__cspViolations;").await;
        if csp.as_array().is_some_and(|v| !v.is_empty()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let seen = csp.to_string();
    assert!(
        seen.contains("connect-src"),
        "the CSP watcher missed a planted request: {seen}"
    );
    b.finish().await;
}
