//! Pages after the start page come in a second download, with the rest of
//! the English words: Continue must work while they are still on their way,
//! and a failed download can be tried again.

use e2e::Browser;
use serde_json::json;

/// A slow phone network: the later pages arrive well after the start page.
async fn slow_network(b: &Browser) {
    b.cdp("Network.enable", json!({})).await;
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 20_000 }),
    )
    .await;
}

#[tokio::test]
async fn continue_on_the_start_page_waits_for_the_next_page_to_arrive() {
    let b = Browser::start(390, 844).await;
    slow_network(&b).await;
    b.open("").await;
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    assert_eq!(
        b.focused().await,
        "h1",
        "the new page's heading takes focus"
    );
    b.check_page("later-01-act-now").await;
    b.finish().await;
}

#[tokio::test]
async fn a_staff_page_opened_directly_loads_beside_the_journey() {
    // Both modules are on their way at once, and they share code.
    let b = Browser::start(1280, 900).await;
    b.client
        .goto(&format!("{}/#/check-code", e2e::origin()))
        .await
        .expect("navigate");
    b.wait_for_heading("Check a report code").await;
    b.client
        .goto(&format!("{}/#/", e2e::origin()))
        .await
        .expect("navigate");
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    b.finish().await;
}

#[tokio::test]
async fn a_page_that_could_not_be_downloaded_can_be_tried_again() {
    let b = Browser::start(390, 844).await;
    b.open("").await;
    // Past the service worker, which may already hold every file.
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await;
    b.set_offline(true).await;
    b.client
        .goto(&format!("{}/#/check-code", e2e::origin()))
        .await
        .expect("navigate");
    b.wait_for_heading("This page could not be loaded").await;
    b.check_page("later-02-could-not-load").await;
    b.set_offline(false).await;
    b.press_button("Try again").await;
    b.wait_for_heading("Check a report code").await;
    b.finish().await;
}

/// Every element that shows words, with none: a message still missing.
const WORDLESS: &str = "return [...document.querySelectorAll('.widget :is(h1, h2, p, li, a, button, label, legend)')].filter(e => !e.textContent.trim()).map(e => e.outerHTML);";

/// All the words the widget shows, as read.
const WIDGET_TEXT: &str = "return document.querySelector('.widget').innerText;";

/// Stops (or lets through again) the download of the whole English file.
async fn block_english(b: &Browser, block: bool) {
    b.cdp("Network.enable", json!({})).await;
    let urls: &[&str] = if block {
        &["*/locales/en-GB-*.json"]
    } else {
        &[]
    };
    b.cdp("Network.setBlockedURLs", json!({ "urls": urls }))
        .await;
}

#[tokio::test]
async fn the_start_page_has_all_its_words_before_the_rest_of_the_english_arrives() {
    let b = Browser::start(390, 844).await;
    block_english(&b, true).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    assert_eq!(b.js(WORDLESS).await, json!([]), "the start page's words");
    let first_words = b.js(WIDGET_TEXT).await;
    b.submit().await;
    // The journey's code arrives, its words cannot.
    b.wait_for_heading("This page could not be loaded").await;
    b.check_page("later-03-words-could-not-load").await;
    block_english(&b, false).await;
    b.press_button("Try again").await;
    b.wait_for_heading("Do these things first").await;
    assert_eq!(b.js(WORDLESS).await, json!([]), "the next page's words");
    // With the whole of English here, the start page reads word for word as
    // it did with the first page's alone: none of its messages was missing,
    // not even one inside a sentence.
    b.client.back().await.expect("go back");
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    assert_eq!(b.js(WIDGET_TEXT).await, first_words);
    b.finish().await;
}

#[tokio::test]
async fn switching_back_to_english_on_a_later_page_waits_for_its_words() {
    let b = Browser::start(1280, 900).await;
    block_english(&b, true).await;
    b.open("").await;
    // In Welsh the journey needs no English file.
    b.press_button("Cymraeg").await;
    b.wait_for_heading("Mae eich ffôn wedi cael ei ddwyn neu ei golli")
        .await;
    b.submit().await;
    b.wait_for_heading("Gwnewch y pethau hyn yn gyntaf").await;
    // Back to English at once, on a page whose English has not come.
    b.press_button("English").await;
    b.wait_for_heading("This page could not be loaded").await;
    assert_eq!(b.js(WORDLESS).await, json!([]), "no page without words");
    block_english(&b, false).await;
    b.press_button("Try again").await;
    b.wait_for_heading("Do these things first").await;
    assert_eq!(b.js(WORDLESS).await, json!([]), "the page's English");
    b.finish().await;
}
