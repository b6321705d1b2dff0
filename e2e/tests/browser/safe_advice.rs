//! What the widget tells a victim to do, in the release build: the urgent
//! steps before any question about the phone, each force's own numbers,
//! support for the right nation, no police reference promised for a lost
//! phone, and a force the host adds named in the report code.

use e2e::{Browser, Journey, serve_file};
use serde_json::json;
use stolen_phone_core::report::code::decode;

const SOMEONE_ELSES: &str = "Someone else’s, or a shared one";

fn robbery(police_force: &'static str) -> Journey<'static> {
    robbery_with(police_force, "I don’t know")
}

fn robbery_with(police_force: &'static str, network: &'static str) -> Journey<'static> {
    Journey {
        whose_device: SOMEONE_ELSES,
        incident: "Someone took it by force, or threatened me",
        date: ["24", "11", "2026"],
        time: "9.30pm",
        place: "On the train from Glasgow to London",
        make: "Apple iPhone",
        model: "iPhone 15 Pro",
        phone_number: "07700 900123",
        network,
        dual_sim: "No",
        imeis: &["352099001761481"],
        provider_reference: "",
        police_force,
        how_reported: "Not yet",
        crime_reference: None,
        insurance: None,
    }
}

/// Where each link matching `css` goes, in page order.
async fn link_targets(b: &Browser, css: &str) -> serde_json::Value {
    b.js(&format!(
        "return [...document.querySelectorAll('{css}')].map(a => a.getAttribute('href'));"
    ))
    .await
}

/// Goes to a page of the journey already answered, as "Change" would.
async fn show(b: &Browser, hash: &str, heading: &str) -> String {
    b.js(&format!("location.hash = '{hash}'; return 0;")).await;
    b.wait_for_heading(heading).await;
    b.text("main").await.unwrap_or_default()
}

#[tokio::test]
async fn act_now_puts_the_harm_limiting_steps_before_any_question() {
    let b = Browser::start(390, 844).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.submit().await;
    // The second page, before "What happened?", whose device this is or
    // anything about the phone.
    b.wait_for_heading("Do these things first").await;
    b.wait_for("#act-now-providers").await;
    let page = b.text("main").await.unwrap_or_default();
    let order = [
        "call 999",
        "1. Mark the phone as lost",
        "without the code from your stolen phone",
        "icloud.com/find",
        "android.com/lock",
        "2. Stop your SIM working",
        "bar the SIM",
        "new SIM or eSIM with the same number",
        "3. Change your passwords, email first",
        "4. Tell your bank",
        "Call your bank on the number on the back of a bank card",
        "5. Do not trust “we found your phone” messages",
        "6. Stay safe and keep evidence",
    ];
    let mut from = 0;
    for words in order {
        match page[from..].find(words) {
            Some(at) => from += at + words.len(),
            None => panic!("Act now should say {words:?} after what came before:\n{page}"),
        }
    }
    // Each make's steps open to the routes that need no code.
    b.js("document.querySelectorAll('main details').forEach(d => d.open = true); return 0;")
        .await;
    let opened = b.text("main").await.unwrap_or_default();
    for words in [
        "This page does not need a code from your stolen phone",
        "Go to android.com/lock and enter the phone’s number",
    ] {
        assert!(opened.contains(words), "should say {words:?}: {opened}");
    }
    // 159's only sources are secondary, so it is not given as a number to call.
    assert!(!page.contains("159"), "{page}");
    // iPhones are never to be signed out or removed.
    assert!(
        !page.contains("Sign the stolen phone out"),
        "no sign-out advice: {page}"
    );
    let apple = b.text("main details").await.unwrap_or_default();
    assert!(
        apple.contains("Do not choose “Remove This Device”"),
        "{apple}"
    );
    // The providers' numbers come from the directory, each in its own
    // left-to-right span, and EE's is its lost or stolen line.
    let providers = b.text("#act-now-providers").await.unwrap_or_default();
    assert!(
        providers.contains("EE: 07953 966 150 Open 24 hours a day, 7 days a week."),
        "{providers}"
    );
    assert!(!providers.contains("07953 966 250"), "{providers}");
    assert_eq!(
        b.js("return document.querySelector('#act-now-providers a[href=\"tel:+447953966150\"] bdi').dir;")
            .await,
        json!("ltr")
    );
    b.check_page("safe-01-act-now").await;
    b.finish().await;
}

#[tokio::test]
async fn a_railway_robbery_gives_british_transport_polices_numbers_and_both_nations_support() {
    let b = Browser::start(1280, 900).await;
    b.walk_journey(&robbery("btp")).await;
    let report = b.text("main").await.unwrap_or_default();
    assert!(
        report.contains("Victim Support (England and Wales)")
            && report.contains("Victim Support Scotland"),
        "BTP covers England, Wales and Scotland: {report}"
    );
    assert!(report.contains("Report Fraud"), "{report}");
    assert!(!report.contains("Action Fraud"), "{report}");

    let police = show(&b, "#/police", "Report it to the police").await;
    let how = b.text("#police-how").await.unwrap_or_default();
    assert!(how.contains("0800 40 50 40"), "{how}");
    assert!(how.contains("text 61016"), "{how}");
    let numbers: Vec<&str> = police
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    assert!(!numbers.contains(&"101"), "never 101 for BTP: {police}");
    let links = link_targets(&b, "#police-how a").await;
    assert_eq!(
        links,
        json!(["https://www.btp.police.uk", "tel:+44800405040", "sms:61016"])
    );
    let answers = b
        .js("return [...document.querySelectorAll('.radios__label')].map(l => l.textContent.trim());")
        .await;
    assert!(
        answers
            .as_array()
            .is_some_and(|a| a.contains(&json!("Yes, by phone"))),
        "{answers}"
    );
    b.check_page("safe-02-btp-police").await;
    b.finish().await;
}

#[tokio::test]
async fn a_scottish_force_shows_victim_support_scotland() {
    let b = Browser::start(1280, 900).await;
    b.walk_journey(&robbery("police-scotland")).await;
    let support = b.text(".report-support").await.unwrap_or_default();
    assert!(support.contains("Victim Support Scotland"), "{support}");
    assert!(
        !support.contains("08 08 16 89 111"),
        "the England and Wales line is not Scotland's: {support}"
    );
    b.check_page("safe-03-scotland-support").await;
    b.finish().await;
}

#[tokio::test]
async fn a_lost_phone_in_london_is_sent_to_tfl_and_immobilise_not_the_police() {
    let b = Browser::start(390, 844).await;
    b.open("").await;
    b.walk_to_report_lost(SOMEONE_ELSES).await;
    let what = show(&b, "#/what-happened", "What happened?").await;
    assert!(
        what.contains("the police will not give you a crime reference"),
        "{what}"
    );
    assert!(
        !what.contains("You will get a lost property reference"),
        "{what}"
    );
    let reference = show(&b, "#/reference", "What is your lost property reference?").await;
    for words in [
        "In England and Wales, the police do not take reports of lost property.",
        "TfL Lost Property",
        "IMEI or the SIM card number",
        "Immobilise",
    ] {
        assert!(
            reference.contains(words),
            "should say {words:?}: {reference}"
        );
    }
    let links = link_targets(&b, "#lost-where a").await;
    assert_eq!(
        links,
        json!([
            "https://tfl.gov.uk/help-and-contact/lost-property",
            "https://www.immobilise.com"
        ])
    );
    b.check_page("safe-04-lost-reference").await;
    b.finish().await;
}

const HARBOUR_CONFIG: &str = r#"{
  "version": 1,
  "directory": {"forces": [
    {"id": "harbour", "name": "Harbour Police", "non_emergency": "0300 123 4567", "nations": ["england"],
     "source": {"non_emergency": "https://harbour.example.org/contact"}, "checked": "2026-11-30"}
  ]}
}"#;

#[tokio::test]
async fn a_force_the_host_adds_is_named_in_the_report_code() {
    serve_file("e2e/harbour.json", HARBOUR_CONFIG);
    let b = Browser::start(1280, 900).await;
    b.walk_journey_from("?config=e2e/harbour.json", &robbery("harbour"))
        .await;
    b.wait_for("svg.qr").await;
    let code = b
        .js("return document.getElementById('code-network-provider-text').textContent;")
        .await;
    let code = code.as_str().unwrap_or_default();
    assert!(code.contains("\nPOLICE: Harbour Police\n"), "{code}");
    let decoded = decode(code).expect("the code decodes");
    assert_eq!(
        decoded.report.police_force.map(|f| f.as_str().to_owned()),
        Some("Harbour Police".to_owned())
    );
    let police = show(&b, "#/police", "Report it to the police").await;
    assert!(police.contains("0300 123 4567"), "{police}");
    b.finish().await;
}

#[tokio::test]
async fn the_police_page_shows_each_forces_own_way_to_report_and_the_block_page_a_providers_app() {
    let b = Browser::start(1280, 900).await;
    // The Met: no confirmed online form, so its website, and its 101.
    b.walk_journey(&robbery_with("metropolitan", "Sky Mobile"))
        .await;
    show(&b, "#/police", "Report it to the police").await;
    let how = b.text("#police-how").await.unwrap_or_default();
    assert!(
        how.contains("Find how to report it on the force’s website")
            && how.contains("(Metropolitan Police Service)"),
        "{how}"
    );
    assert!(how.contains("Call 101"), "{how}");
    assert!(!how.contains("Report it online"), "{how}");
    let links = link_targets(&b, "#police-how a").await;
    assert_eq!(links, json!(["https://www.met.police.uk", "tel:101"]));
    b.check_page("safe-05-met-police").await;

    // West Yorkshire: its own online form, and no website line.
    b.js("document.getElementById('police-force').value = 'west-yorkshire'; document.getElementById('police-force').dispatchEvent(new Event('change')); return 0;")
        .await;
    let how = b.wait_for_text("#police-how", "Report it online").await;
    assert!(!how.contains("force’s website"), "{how}");
    let links = link_targets(&b, "#police-how a").await;
    assert_eq!(
        links,
        json!(["https://www.westyorkshire.police.uk/reportcrime", "tel:101"])
    );

    // Sky Mobile has no lost or stolen line from its own pages.
    let block = show(&b, "#/block", "Block the phone with your network provider").await;
    assert!(
        block.contains("use their app or sign in to your account on their website"),
        "{block}"
    );
    b.check_page("safe-06-block-no-number").await;
    b.finish().await;
}
