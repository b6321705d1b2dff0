//! The whole journey in the release build: by keyboard alone, back and
//! forward through every step, reloads in each device mode, and quick exit.

use e2e::{Browser, Key, WHOSE_DEVICE};
use serde_json::json;

/// Chooses the `index`th radio of a group by keyboard: Tab into the group,
/// then the arrow keys (which also select).
async fn key_choose(b: &Browser, name: &str, index: usize) {
    b.tab_to(&format!("input[name='{name}']")).await;
    if index == 0 {
        b.press(Key::Space).await;
    }
    for _ in 0..index {
        b.press(Key::Down).await;
    }
}

async fn key_fill(b: &Browser, id: &str, text: &str) {
    b.tab_to(&format!("#{id}")).await;
    b.keys(text).await;
}

async fn key_continue(b: &Browser, next_heading: &str) {
    b.tab_to("main form button[type=submit], main a.button--start")
        .await;
    b.press(Key::Enter).await;
    b.wait_for_heading(next_heading).await;
    // The new page moves focus to its heading on the next frame; a keyboard
    // user starts from there, so the test waits for it too.
    for _ in 0..200 {
        if b.js("return document.activeElement.tagName;").await == json!("H1") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("focus never moved to the heading of {next_heading:?}");
}

/// The index of the radio labelled `label` in the group `name`.
async fn option_index(b: &Browser, name: &str, label: &str) -> usize {
    let script = format!(
        "return [...document.querySelectorAll(\"input[name='{name}']\")].findIndex(i => i.labels[0].textContent.trim() === {});",
        serde_json::to_string(label).unwrap()
    );
    b.js(&script)
        .await
        .as_u64()
        .unwrap_or_else(|| panic!("no option {label:?}")) as usize
}

/// The pages of a robbery on the victim's own device, each heading in order.
const ROBBERY_HEADINGS: [&str; 19] = [
    "Your phone has been stolen or lost",
    "Do these things first",
    WHOSE_DEVICE,
    "What happened?",
    "When did it happen?",
    "Where did it happen?",
    "About your phone",
    "What is the phone’s number?",
    "Which network provider is the phone with?",
    "Does the phone have 2 SIMs, or an eSIM?",
    "Find your phone’s IMEI number",
    "What is your phone’s IMEI number?",
    "This IMEI number is correct",
    "Block the phone with your network provider",
    "Report it to the police",
    "What is your crime reference number?",
    "Is the phone insured?",
    "Check your answers",
    "Your report",
];

#[tokio::test]
async fn a_robbery_by_keyboard_alone_then_back_and_forward_through_every_step() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let h = ROBBERY_HEADINGS;

    key_continue(&b, h[1]).await;
    b.check_page("journey-01-act-now").await;
    key_continue(&b, h[2]).await;
    key_choose(&b, "whose-device", 0).await;
    key_continue(&b, h[3]).await;
    key_choose(&b, "incident", 0).await;
    key_continue(&b, h[4]).await;
    key_fill(&b, "date-day", "23").await;
    key_fill(&b, "date-month", "11").await;
    key_fill(&b, "date-year", "2026").await;
    key_fill(&b, "time", "9:30pm").await;
    b.check_page("journey-02-when").await;
    key_continue(&b, h[5]).await;
    key_fill(&b, "place", "Outside Brixton station").await;
    key_fill(&b, "postcode", "sw9 8he").await;
    key_continue(&b, h[6]).await;
    key_choose(&b, "make", 1).await;
    key_fill(&b, "model", "Galaxy A54").await;
    key_fill(&b, "colour", "Black").await;
    b.check_page("journey-03-phone").await;
    key_continue(&b, h[7]).await;
    key_fill(&b, "phone-number", "07700 900982").await;
    key_continue(&b, h[8]).await;
    let ee = option_index(&b, "network", "EE").await;
    key_choose(&b, "network", ee).await;
    b.check_page("journey-04-network").await;
    key_continue(&b, h[9]).await;
    key_choose(&b, "dual-sim", 1).await;
    key_continue(&b, h[10]).await;
    b.check_page("journey-05-find-imei").await;
    key_continue(&b, h[11]).await;
    key_fill(&b, "imei-1", "352099001761481").await;
    key_continue(&b, h[12]).await;
    key_continue(&b, h[13]).await;
    let block = b.text("main").await.unwrap_or_default();
    assert!(
        block.contains("EE"),
        "the block page names the provider: {block}"
    );
    assert!(
        block.contains("bar my SIM and block the phone’s IMEI"),
        "{block}"
    );
    b.check_page("journey-06-block").await;
    key_fill(&b, "provider-reference", "EE-55512").await;
    key_continue(&b, h[14]).await;
    b.tab_to("#police-force").await;
    b.keys("Metropolitan").await;
    key_choose(&b, "how-reported", 0).await;
    let facts = b.text("#police-facts").await.unwrap_or_default();
    assert!(
        facts.contains("352099001761481") && facts.contains("Outside Brixton station"),
        "{facts}"
    );
    b.check_page("journey-07-police").await;
    key_continue(&b, h[15]).await;
    key_fill(&b, "crime-reference", "01/1234567/26").await;
    key_continue(&b, h[16]).await;
    key_choose(&b, "insured", 1).await;
    key_continue(&b, h[17]).await;
    let answers = b.text(".summary-list").await.unwrap_or_default();
    for expected in [
        "Samsung",
        "Galaxy A54",
        "07700 900982",
        "EE",
        "352099001761481",
        "Metropolitan Police Service",
        "01/1234567/26",
    ] {
        assert!(
            answers.contains(expected),
            "check answers should show {expected}: {answers}"
        );
    }
    b.check_page("journey-08-check-answers").await;
    key_continue(&b, h[18]).await;
    b.check_page("journey-09-report").await;

    // Back through every step: each page shows again with its answer intact.
    for heading in h[..18].iter().rev() {
        b.client.back().await.unwrap();
        b.wait_for_heading(heading).await;
        if *heading == WHOSE_DEVICE {
            assert_eq!(
                b.js("return document.querySelector('input[name=whose-device]:checked').value")
                    .await,
                json!("mine")
            );
        }
    }
    // And forward again to the report.
    for heading in &h[1..] {
        b.client.forward().await.unwrap();
        b.wait_for_heading(heading).await;
    }
    b.client.back().await.unwrap();
    b.wait_for_heading(h[17]).await;

    // A "Change" link returns to check answers after Continue.
    let change = b
        .client
        .find(fantoccini::Locator::Css("a[href='#/where?change']"))
        .await
        .unwrap();
    change.click().await.unwrap();
    b.wait_for_heading(h[5]).await;
    let place = b
        .client
        .find(fantoccini::Locator::Id("place"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(place.as_deref(), Some("Outside Brixton station"));
    b.fill("place", "Brixton Road").await;
    b.submit().await;
    b.wait_for_heading(h[17]).await;
    assert!(
        b.text(".summary-list")
            .await
            .unwrap_or_default()
            .contains("Brixton Road")
    );
    b.finish().await;
}

#[tokio::test]
async fn a_lost_phone_at_320_pixels_asks_for_a_lost_property_reference() {
    let b = Browser::start(320, 800).await;
    b.open("").await;
    b.check_page("lost-320-01-start").await;
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    b.check_page("lost-320-02-act-now").await;
    b.submit().await;
    b.answer_whose_device("Someone else’s, or a shared one")
        .await;
    b.wait_for_heading("What happened?").await;
    b.choose("I lost it").await;
    b.check_page("lost-320-03-what-happened").await;
    b.submit().await;
    b.wait_for_heading("When did it happen?").await;
    b.fill("date-day", "1").await;
    b.fill("date-month", "11").await;
    b.fill("date-year", "2026").await;
    b.submit().await;
    b.wait_for_heading("Where did it happen?").await;
    b.fill("place", "On a train to Cardiff").await;
    b.submit().await;
    b.wait_for_heading("About your phone").await;
    b.choose("I don’t know").await;
    b.check_page("lost-320-04-phone").await;
    b.submit().await;
    b.wait_for_heading("What is the phone’s number?").await;
    b.fill("phone-number", "+44 7700 900123").await;
    b.submit().await;
    b.wait_for_heading("Which network provider is the phone with?")
        .await;
    b.choose("Another provider").await;
    b.submit().await;
    b.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
        .await;
    b.choose("I don’t know").await;
    b.submit().await;
    b.wait_for_heading("Find your phone’s IMEI number").await;
    b.check_page("lost-320-05-find-imei").await;
    // "I can't find it" skips the IMEI pages.
    let cant = b
        .client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space(.)='I can’t find it']",
        ))
        .await;
    cant.expect("an \"I can't find it\" button")
        .click()
        .await
        .unwrap();
    b.wait_for_heading("Block the phone with your network provider")
        .await;
    let block = b.text("main").await.unwrap_or_default();
    assert!(block.contains("I have lost my phone"), "{block}");
    b.check_page("lost-320-06-block").await;
    b.submit().await;
    // Lost is not a crime: no police page, a lost property reference instead.
    b.wait_for_heading("What is your lost property reference?")
        .await;
    b.check_page("lost-320-07-reference").await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    b.choose("I’ll add it later").await;
    b.submit().await;
    b.wait_for_heading("Is the phone insured?").await;
    b.choose("No").await;
    b.submit().await;
    b.wait_for_heading("Check your answers").await;
    let answers = b.text(".summary-list").await.unwrap_or_default();
    assert!(
        answers.contains("Not found yet") && answers.contains("To add later"),
        "{answers}"
    );
    b.check_page("lost-320-08-check-answers").await;
    b.submit().await;
    b.wait_for_heading("Your report").await;
    b.check_page("lost-320-09-report").await;
    assert_eq!(
        b.stored().await["local"],
        json!([]),
        "nothing stored on someone else's device"
    );
    b.finish().await;
}

#[tokio::test]
async fn a_reload_restores_answers_on_my_device_and_keeps_nothing_on_someone_elses() {
    let b = Browser::start(1280, 900).await;

    // My own device: a reload mid-journey brings the answers back.
    b.open("").await;
    b.answer_up_to_when("My own", "Someone took it by force, or threatened me")
        .await;
    b.fill("date-day", "20").await;
    b.client.refresh().await.unwrap();
    b.wait_for_heading("When did it happen?").await;
    let day = b
        .client
        .find(fantoccini::Locator::Id("date-day"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(day.as_deref(), Some("20"));
    let notices = b.text(".widget").await.unwrap_or_default();
    assert!(
        notices.contains("Your answers are saved on this device"),
        "{notices}"
    );
    assert_eq!(b.stored().await["local"], json!(["stolen-phone-draft"]));
    b.check_page("reload-mine").await;

    // "Clear everything" wipes the draft.
    let clear = b
        .client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space(.)='Clear everything']",
        ))
        .await;
    clear.unwrap().click().await.unwrap();
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    assert_eq!(b.stored().await["local"], json!([]));

    // Someone else's device: nothing is stored, so a reload starts afresh.
    b.start_as("Someone else’s, or a shared one").await;
    b.choose("I lost it").await;
    let stored = b.stored().await;
    assert_eq!(
        stored,
        json!({"local": [], "session": [], "cookies": "", "indexedDb": []})
    );
    b.client.refresh().await.unwrap();
    b.wait_for_heading(WHOSE_DEVICE).await;
    assert_eq!(b.stored().await, stored);
    b.finish().await;
}

#[tokio::test]
async fn quick_exit_by_escape_three_times_wipes_the_draft_and_leaves() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    b.start_as("My own").await;
    assert_eq!(b.stored().await["local"], json!(["stolen-phone-draft"]));
    for _ in 0..3 {
        b.press(Key::Escape).await;
    }
    let mut url = String::new();
    for _ in 0..100 {
        url = b.client.current_url().await.unwrap().to_string();
        if !url.starts_with(e2e::origin()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        url.starts_with("https://www.bbc.co.uk/weather"),
        "quick exit went to {url}"
    );
    b.open("").await;
    assert_eq!(
        b.stored().await["local"],
        json!([]),
        "the draft survived quick exit"
    );
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.finish().await;
}

/// The guard's code comes with the journey's module, after the first page:
/// a link into the middle of the journey still lands on the first question
/// left unanswered, and the address bar says where the victim is.
#[tokio::test]
async fn a_deep_link_past_unanswered_questions_shows_the_first_unanswered() {
    let b = Browser::start(390, 844).await;
    b.open("#/police").await;
    b.wait_for_heading(WHOSE_DEVICE).await;
    assert_eq!(b.js("return location.hash;").await, json!("#/whose-device"));
    b.answer_whose_device("Someone else’s, or a shared one")
        .await;
    b.wait_for_heading("What happened?").await;
    b.js("location.hash = '#/police';").await;
    b.wait_for_heading("What happened?").await;
    assert_eq!(
        b.js("return location.hash;").await,
        json!("#/what-happened")
    );
    b.check_page("journey-deep-link").await;
    b.finish().await;
}
