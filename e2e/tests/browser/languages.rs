//! The journey in Welsh and in Arabic (right to left): every step checked
//! and screenshotted, whatever the words.

use e2e::Browser;
use fantoccini::Locator;
use serde_json::json;

/// Waits until the page's hash is `hash`.
async fn wait_for_hash(b: &Browser, hash: &str) {
    for _ in 0..200 {
        if b.js("return location.hash;").await == json!(hash) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let now = b.js("return location.hash;").await;
    panic!("the page never became {hash}; it is {now}");
}

async fn click(b: &Browser, css: &str) {
    // Wait for it: the page is drawn just after the hash changes.
    b.wait_for(css).await.click().await.unwrap();
}

/// The lost-phone journey by element ids and values only, so it works in
/// any language; `check_page` on every step.
async fn walk_lost_journey(b: &Browser, lang: &str) {
    let shot = |step: &str| format!("{lang}-{step}");
    b.check_page(&shot("01-start")).await;
    b.submit().await;
    wait_for_hash(b, "#/act-now").await;
    b.check_page(&shot("02-act-now")).await;
    b.submit().await;
    wait_for_hash(b, "#/whose-device").await;
    click(b, "input[name=whose-device][value=someone-elses]").await;
    b.submit().await;
    wait_for_hash(b, "#/what-happened").await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    b.check_page(&shot("03-what-happened-error")).await;
    click(b, "input[name=incident][value=lost]").await;
    b.submit().await;
    wait_for_hash(b, "#/when").await;
    b.fill("date-day", "1").await;
    b.fill("date-month", "11").await;
    b.fill("date-year", "2026").await;
    b.check_page(&shot("04-when")).await;
    b.submit().await;
    wait_for_hash(b, "#/where").await;
    b.fill("place", "Cardiff Central").await;
    b.check_page(&shot("05-where")).await;
    b.submit().await;
    wait_for_hash(b, "#/phone").await;
    click(b, "input[name=make][value=apple]").await;
    b.check_page(&shot("06-phone")).await;
    b.submit().await;
    wait_for_hash(b, "#/phone-number").await;
    b.fill("phone-number", "07700 900123").await;
    b.check_page(&shot("07-phone-number")).await;
    b.submit().await;
    wait_for_hash(b, "#/network").await;
    click(b, "input[name=network][value=dont-know]").await;
    b.check_page(&shot("08-network")).await;
    b.submit().await;
    wait_for_hash(b, "#/dual-sim").await;
    click(b, "input[name=dual-sim][value=no]").await;
    b.check_page(&shot("09-dual-sim")).await;
    b.submit().await;
    wait_for_hash(b, "#/find-imei").await;
    b.check_page(&shot("10-find-imei")).await;
    b.submit().await;
    wait_for_hash(b, "#/imei").await;
    b.fill("imei-1", "352099001761481").await;
    b.check_page(&shot("11-imei")).await;
    b.submit().await;
    wait_for_hash(b, "#/imei/checked").await;
    b.check_page(&shot("12-imei-checked")).await;
    b.submit().await;
    wait_for_hash(b, "#/block").await;
    b.check_page(&shot("13-block")).await;
    b.submit().await;
    wait_for_hash(b, "#/reference").await;
    click(b, "#lost-property-reference-later").await;
    b.check_page(&shot("14-reference")).await;
    b.submit().await;
    wait_for_hash(b, "#/insurance").await;
    click(b, "input[name=insured][value=no]").await;
    b.check_page(&shot("15-insurance")).await;
    b.submit().await;
    wait_for_hash(b, "#/check-answers").await;
    b.check_page(&shot("16-check-answers")).await;
    // Identifiers stay left to right, isolated, inside right-to-left text.
    let identifiers = b
        .js("return [...document.querySelectorAll('.summary-list bdi[dir=ltr]')].map(e => e.textContent);")
        .await;
    assert_eq!(
        identifiers,
        json!(["07700 900123", "352099001761481"]),
        "{lang}"
    );
    b.submit().await;
    wait_for_hash(b, "#/report").await;
    b.check_page(&shot("17-report")).await;
}

/// The widget's root language and direction, and the page's own.
async fn directions(b: &Browser) -> serde_json::Value {
    b.js("const w = document.querySelector('.widget'); return [w.lang, w.dir, document.documentElement.lang, document.documentElement.dir];")
        .await
}

#[tokio::test]
async fn the_journey_in_welsh() {
    let b = Browser::start(1280, 900).await;
    b.open("?lang=cy").await;
    b.wait_for_heading("Mae eich ffôn wedi cael ei ddwyn neu ei golli")
        .await;
    assert_eq!(directions(&b).await, json!(["cy", "ltr", "en-GB", "ltr"]));
    walk_lost_journey(&b, "cy").await;
    b.finish().await;
}

#[tokio::test]
async fn the_journey_in_arabic_mirrors_right_to_left() {
    let b = Browser::start(1280, 900).await;
    b.open("?lang=ar").await;
    for _ in 0..100 {
        if directions(&b).await[1] == json!("rtl") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    // The widget mirrors; the page's own lang and dir (English, as built) are untouched.
    assert_eq!(directions(&b).await, json!(["ar", "rtl", "en-GB", "ltr"]));
    walk_lost_journey(&b, "ar").await;
    b.finish().await;
}

#[tokio::test]
async fn the_language_picker_switches_language_and_keeps_answers() {
    let b = Browser::start(1280, 900).await;
    b.open("#/whose-device").await;
    b.wait_for_heading(e2e::WHOSE_DEVICE).await;
    b.choose("Someone else’s, or a shared one").await;
    let picker = "//nav[contains(@class,'language-picker')]//a[normalize-space(.)='Polski']";
    b.client
        .find(Locator::XPath(picker))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for _ in 0..100 {
        if directions(&b).await[0] == json!("pl") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(directions(&b).await[0], json!("pl"));
    let chosen = b
        .js("return document.querySelector('input[name=whose-device]:checked').value;")
        .await;
    assert_eq!(
        chosen,
        json!("someone-elses"),
        "switching language keeps what was chosen"
    );
    b.check_page("pl-whose-device").await;
    b.finish().await;
}
