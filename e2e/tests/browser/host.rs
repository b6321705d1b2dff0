//! Host configuration and signposting links: a good config applied, a bad
//! one survived, and hostile link parameters ignored without running.

use e2e::{Browser, serve_file};
use serde_json::json;

const GOOD_CONFIG: &str = r##"{
  "version": 1,
  "organisation": {"name": "Safe Haven Trust", "support_phone": "0808 111 2222", "support_url": "https://safehaven.example.org/help"},
  "default_force": "kent",
  "languages": ["en-GB", "pl"],
  "theme": {"button": "#4c2c92", "link": "#4c2c92", "font": "Georgia, serif"},
  "quick_exit_url": "https://www.example.org/",
  "directory": {"services": [
    {"id": "safe-haven", "name": "Safe Haven Trust", "phone": "0808 111 2222",
     "source": {"phone": "https://safehaven.example.org/contact"}, "checked": "2026-11-01"}
  ]}
}"##;

#[tokio::test]
async fn a_good_config_and_a_signposting_link_are_applied() {
    serve_file("e2e/good.json", GOOD_CONFIG);
    let b = Browser::start(1280, 900).await;
    b.open("?config=e2e/good.json&force=metropolitan&crn=01%2F2345%2F26&incident=2026-11-20&source=poster-brixton").await;
    b.wait_for(".footer__support").await;
    let footer = b.text(".widget__footer").await.unwrap_or_default();
    assert!(
        footer.contains("Help from Safe Haven Trust") && footer.contains("0808 111 2222"),
        "{footer}"
    );
    let button = b
        .js("return getComputedStyle(document.querySelector('main .button')).backgroundColor;")
        .await;
    assert_eq!(
        button,
        json!("rgb(76, 44, 146)"),
        "the host's button colour"
    );
    let languages = b.text(".language-picker").await.unwrap_or_default();
    assert!(
        languages.contains("Polski") && !languages.contains("Cymraeg"),
        "{languages}"
    );
    b.check_page("host-good-config").await;

    // The link's force and crime reference reach the answers (the link's force
    // wins over the host's default), and the link's date fills the date.
    b.answer_up_to_when(
        "Someone else’s, or a shared one",
        "Someone took it by force, or threatened me",
    )
    .await;
    let day = b.js("return [document.getElementById('date-day').value, document.getElementById('date-year').value];").await;
    assert_eq!(day, json!(["20", "2026"]));
    b.finish().await;
}

#[tokio::test]
async fn a_malformed_config_and_hostile_parameters_change_nothing() {
    serve_file(
        "e2e/bad.json",
        r##"{"version": 1, "theme": {"button": "#ffff00", "font": "x; background: url(//evil.example)"}, "quick_exit_url": "javascript:alert(1)", "organisation": {"name": "<img src=x onerror=window.__xss=1>"}, "directory": {"services": [{"id": "bad", "name": "Bad", "phone": "0909 999", "source": {"phone": "https://help.example.org/contact"}, "checked": "2026-11-01"}]}}"##,
    );
    serve_file("e2e/broken.json", "{ this is not json");
    let b = Browser::start(1280, 900).await;

    b.open("?config=e2e/bad.json&debug").await;
    b.wait_for(".notice--debug").await;
    let notes = b.text(".notice--debug").await.unwrap_or_default();
    for field in ["theme.button", "theme.font", "quick_exit_url"] {
        assert!(
            notes.contains(field),
            "the debug notice should name {field}: {notes}"
        );
    }
    // Each problem says what is wrong, in words.
    assert!(
        notes.contains("directory.services[0].phone: is not a UK phone number"),
        "{notes}"
    );
    // The organisation's name is shown as text, never as markup.
    let footer = b.text(".widget__footer").await.unwrap_or_default();
    assert!(
        footer.contains("<img src=x onerror=window.__xss=1>"),
        "{footer}"
    );
    let button = b
        .js("return getComputedStyle(document.querySelector('main .button')).backgroundColor;")
        .await;
    assert_eq!(
        button,
        json!("rgb(0, 112, 60)"),
        "a refused colour keeps the default"
    );
    b.check_page("host-bad-config").await;

    b.open("?config=e2e/broken.json&debug").await;
    b.wait_for(".notice--debug").await;
    assert!(
        b.text(".notice--debug")
            .await
            .unwrap_or_default()
            .contains("not valid JSON")
    );
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;

    let long = "A".repeat(100_000);
    let hostile = format!(
        "?force=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E&crn=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E&lang=javascript:alert(1)&incident=%E2%80%AE2026&source={long}&config=https://evil.example/c.json"
    );
    b.open(&hostile).await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    assert_eq!(
        b.js("return window.__xss === undefined;").await,
        json!(true),
        "a hostile string ran"
    );
    b.check_page("host-hostile-link").await;
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    assert_eq!(
        b.js("return window.__xss === undefined;").await,
        json!(true)
    );
    b.finish().await;
}

#[tokio::test]
async fn staff_make_a_signposting_link_and_a_one_page_poster() {
    let b = Browser::start(1280, 900).await;
    b.open("#/signpost").await;
    b.wait_for_heading("Make a signposting link").await;
    b.tab_to("#signpost-force").await;
    b.keys("Kent").await;
    b.tab_to("#signpost-language").await;
    b.keys("Polski").await;
    b.fill("signpost-source", "bus-stops-2026").await;
    let link = b.text("#signpost-link").await.unwrap_or_default();
    assert!(
        link.ends_with("/pl/?force=kent&source=bus-stops-2026"),
        "{link}"
    );
    for _ in 0..100 {
        if b.text(".poster__title").await.as_deref() == Some("Skradziono telefon?") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    assert_eq!(
        b.text(".poster__title").await.as_deref(),
        Some("Skradziono telefon?"),
        "the poster speaks Polish"
    );
    b.check_page("signpost").await;
    assert_eq!(
        b.print_pages("signpost-poster").await,
        1,
        "the poster fits one A4 page"
    );

    // The link opens the widget in Polish.
    b.client.goto(&link).await.unwrap();
    for _ in 0..100 {
        if b.js("return document.querySelector('.widget')?.lang;")
            .await
            == json!("pl")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    assert_eq!(
        b.js("return document.querySelector('.widget').lang;").await,
        json!("pl")
    );
    b.finish().await;
}
