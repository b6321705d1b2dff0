//! Hostile input must neither take the widget down nor run: corrupted and
//! crafted drafts in localStorage, and markup, script addresses, direction
//! overrides and huge text in every free-text field and the check-code box.
//! (Hostile links and host configurations are in host.rs.)

use e2e::Browser;
use fantoccini::Locator;
use serde_json::{Value, json};

const DRAFT_KEY: &str = "stolen-phone-draft";
const IMG: &str = "<img src=x onerror=window.__xss=1>";
const SCRIPT: &str = "<script>window.__xss=1</script>";
const JS_URL: &str = "javascript:window.__xss=1";
/// Right-to-left override: shows "exe.gnp" reversed, as "png.exe".
const RTL: &str = "photo\u{202E}gnp.exe\u{202C} here";

fn huge() -> String {
    format!("{IMG}{}", "A".repeat(100_000))
}

/// The browser's clock, so that drafts are fresh and dates are not in the future.
async fn now_seconds(b: &Browser) -> u64 {
    b.js("return Math.floor(Date.now() / 1000);")
        .await
        .as_u64()
        .expect("a number of seconds")
}

async fn today(b: &Browser) -> [String; 3] {
    let today = b
        .js("const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()].map(String);")
        .await;
    let part = |i: usize| today[i].as_str().unwrap_or_default().to_owned();
    [part(0), part(1), part(2)]
}

fn draft(saved_at: u64, answers: Value) -> String {
    json!({"version": 1, "saved_at": saved_at, "answers": answers}).to_string()
}

/// Stores `text` as the saved draft, then loads the widget afresh at `hash`.
/// The draft is written by a script that runs before any of the page's own,
/// so that no running widget can write its own draft over it.
async fn reload_with_draft(b: &Browser, text: &str, hash: &str) {
    let write = format!(
        "localStorage.setItem({}, {});",
        json!(DRAFT_KEY),
        json!(text)
    );
    let added = b
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": write }),
        )
        .await;
    // Set the address without telling the running widget (it would route
    // the new hash with its own answers), then reload.
    b.client
        .execute(
            "history.replaceState(null, '', arguments[0]); return true;",
            vec![json!(format!("/{hash}"))],
        )
        .await
        .expect("set the address");
    b.client.refresh().await.expect("reload");
    b.cdp(
        "Page.removeScriptToEvaluateOnNewDocument",
        json!({ "identifier": added["identifier"] }),
    )
    .await;
    b.wait_for("main h1").await;
}

/// The notices above the page: saved, restored, and what was dropped.
async fn notices(b: &Browser) -> String {
    b.js("return [...document.querySelectorAll('.notice')].map(n => n.textContent).join(' | ');")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A whole, valid draft whose typed answers are hostile text.
fn hostile_answers(today: &[String; 3]) -> Value {
    json!({
        "whose-device": "mine",
        "incident": "robbery",
        "date-day": today[0], "date-month": today[1], "date-year": today[2],
        "place": format!("{IMG} {RTL}"),
        "make": "samsung",
        "model": SCRIPT,
        "colour": JS_URL,
        "features": format!("{IMG}\n{SCRIPT}"),
        "phone-number": "07700 900982",
        "network": {"id": "ee"},
        "dual-sim": "no",
        "imei-1": "352099001761481",
        "provider-reference": JS_URL,
        "police-force": "metropolitan",
        "how-reported": "101",
        "crime-reference": "01/1234567/26",
        "insured": true,
        "insurer": IMG,
        "policy-number": SCRIPT,
        "claim-reference": RTL,
    })
}

#[tokio::test]
async fn drafts_that_cannot_be_read_are_cleared_and_the_widget_starts_afresh() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let now = now_seconds(&b).await;
    let whole = draft(now, json!({"whose-device": "mine", "incident": "theft"}));
    let cut_short = &whole[..whole.len() / 2];
    let old_version =
        json!({"version": 0, "saved_at": now, "answers": {"whose-device": "mine"}}).to_string();
    let expired = draft(now - 40 * 24 * 60 * 60, json!({"whose-device": "mine"}));
    let future = draft(now + 9 * 24 * 60 * 60, json!({"whose-device": "mine"}));
    let not_an_object = json!(["whose-device", "mine"]).to_string();
    let wrong_shape = json!({"version": 1, "saved_at": "yesterday", "answers": []}).to_string();
    for (name, text) in [
        ("old-version", old_version.as_str()),
        ("cut-short", cut_short),
        ("expired", expired.as_str()),
        ("from-the-future", future.as_str()),
        ("not-an-object", not_an_object.as_str()),
        ("wrong-shape", wrong_shape.as_str()),
        ("not-json", "\u{0}\u{FFFF}<script>window.__xss=1</script>"),
    ] {
        reload_with_draft(&b, text, "#/check-answers").await;
        // Nothing is answered, so the first question shows.
        b.wait_for_heading(e2e::WHOSE_DEVICE).await;
        let said = notices(&b).await;
        assert!(
            !said.contains("brought back"),
            "{name}: nothing was restored"
        );
        assert!(
            said.contains("could not be used, so we cleared them"),
            "{name}: the victim is told the saved answers were cleared: {said}"
        );
        assert_eq!(
            b.local_storage(DRAFT_KEY).await,
            None,
            "{name}: an unusable draft is deleted"
        );
        b.assert_nothing_ran(name).await;
    }
    b.check_page("hostile-draft-unreadable").await;
    // The widget still works: the journey goes on.
    b.answer_whose_device("My own").await;
    b.wait_for_heading("What happened?").await;
    b.assert_nothing_ran("after an unreadable draft").await;
    b.finish().await;
}

#[tokio::test]
async fn a_draft_with_bad_fields_keeps_the_good_ones_and_says_what_was_dropped() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    let now = now_seconds(&b).await;
    let day = today(&b).await;

    // Wrong types and values that are none of the options.
    let wrong_types = draft(
        now,
        json!({
            "whose-device": "mine", "incident": "robbery",
            "date-day": day[0], "date-month": day[1], "date-year": day[2],
            "place": "Brixton Road", "make": "nokia", "model": 15, "colour": "Red",
            "features": {"scratches": true}, "insured": "yes", "imei-not-found": 1,
            "network": {"id": "<script>"}, "dual-sim": null,
        }),
    );
    reload_with_draft(&b, &wrong_types, "#/phone").await;
    b.wait_for_heading("About your phone").await;
    let said = notices(&b).await;
    assert!(
        said.contains("We have brought back the answers")
            && said.contains("6 answers could not be brought back"),
        "{said}"
    );
    assert_eq!(b.value("colour").await, "Red");
    assert_eq!(b.value("model").await, "");
    assert_eq!(
        b.js("return document.querySelectorAll('input[name=make]:checked').length;")
            .await,
        json!(0)
    );
    b.assert_nothing_ran("wrong-types").await;
    b.check_page("hostile-draft-wrong-types").await;
    // The notice follows the language picker, like every other word.
    b.press_button("Cymraeg").await;
    b.wait_for_text(".notice", "Rydyn ni wedi dod â’r atebion")
        .await;
    b.press_button("English").await;
    b.wait_for_text(".notice", "We have brought back the answers")
        .await;

    // A 1 MB answer is dropped, not cut, and not written back.
    let one_mb = draft(
        now,
        json!({
            "whose-device": "mine", "incident": "theft",
            "date-day": day[0], "date-month": day[1], "date-year": day[2],
            "place": "9".repeat(1 << 20), "model": "Pixel 8",
        }),
    );
    reload_with_draft(&b, &one_mb, "#/where").await;
    b.wait_for_heading("Where did it happen?").await;
    assert!(
        notices(&b)
            .await
            .contains("1 answer could not be brought back"),
        "{}",
        notices(&b).await
    );
    assert_eq!(b.value("place").await, "");
    let stored = b.local_storage(DRAFT_KEY).await.unwrap_or_default();
    assert!(
        stored.len() < 2000 && stored.contains("Pixel 8"),
        "the draft is written back without the huge answer: {} bytes",
        stored.len()
    );
    b.assert_nothing_ran("one-mb").await;

    // Keys this version does not know are left out and counted as one.
    let unknown = json!({
        "version": 1, "saved_at": now, "written-by": "a newer version",
        "answers": {"whose-device": "mine", "incident": "lost", "shoe-size": 9,
                    "__proto__": {"polluted": 1}, "constructor": "x"},
    })
    .to_string();
    reload_with_draft(&b, &unknown, "#/what-happened").await;
    b.wait_for_heading("What happened?").await;
    assert!(
        notices(&b)
            .await
            .contains("1 answer could not be brought back"),
        "{}",
        notices(&b).await
    );
    assert_eq!(
        b.js("return [document.querySelector('input[name=incident]:checked').value, ({}).polluted === undefined];")
            .await,
        json!(["lost", true])
    );
    b.assert_nothing_ran("unknown-keys").await;

    // A whole journey whose typed answers are markup, with one bad field:
    // everything else comes back, shown as text.
    let mut answers = hostile_answers(&day);
    answers["claim-reference"] = json!(42);
    reload_with_draft(&b, &draft(now, answers), "#/check-answers").await;
    b.wait_for_heading("Check your answers").await;
    assert!(
        notices(&b)
            .await
            .contains("1 answer could not be brought back"),
        "{}",
        notices(&b).await
    );
    let shown = b.text(".summary-list").await.unwrap_or_default();
    for typed in [IMG, SCRIPT, JS_URL, "07700 900982", "352099001761481"] {
        assert!(shown.contains(typed), "{typed} missing from: {shown}");
    }
    b.assert_nothing_ran("hostile-draft-check-answers").await;
    b.check_page("hostile-draft-check-answers").await;
    b.submit().await;
    b.wait_for_heading("Your report").await;
    b.assert_nothing_ran("hostile-draft-report").await;
    b.check_page("hostile-draft-report").await;
    b.finish().await;
}

/// Tries each of `attempts` in the field on this page: Continue must show an
/// error and stay, with nothing run. Then `keep` goes in and Continue moves on.
async fn refused_then(b: &Browser, id: &str, attempts: &[&str], keep: &str, heading: &str) {
    let here = b.text("main h1").await.unwrap_or_default();
    for attempt in attempts {
        b.paste(id, attempt).await;
        b.submit().await;
        b.wait_for(".error-summary").await;
        assert_eq!(b.text("main h1").await.unwrap_or_default(), here);
        // The field keeps what was typed, however hostile.
        assert_eq!(b.value(id).await, *attempt, "#{id} lost its text");
        b.assert_nothing_ran(&format!("#{id} refused")).await;
    }
    b.paste(id, keep).await;
    if !heading.is_empty() {
        b.submit().await;
        b.wait_for_heading(heading).await;
    }
}

#[tokio::test]
async fn hostile_text_in_every_field_is_kept_as_text_and_never_runs() {
    let b = Browser::start(1280, 900).await;
    let big = huge();
    b.open("").await;
    b.answer_up_to_when("My own", "Someone took it by force, or threatened me")
        .await;
    let day = today(&b).await;
    b.fill("date-day", &day[0]).await;
    b.fill("date-month", &day[1]).await;
    b.fill("date-year", &day[2]).await;
    refused_then(&b, "time", &[IMG], "", "").await;
    b.submit().await;
    b.wait_for_heading("Where did it happen?").await;

    let place = format!("{IMG} {RTL}");
    refused_then(&b, "place", &[&big], &place, "About your phone").await;
    b.check_page("hostile-text-where").await;

    b.choose("Samsung").await;
    b.paste("model", SCRIPT).await;
    b.paste("colour", JS_URL).await;
    let features = format!("{IMG}\n{SCRIPT}\n{JS_URL}\n{RTL}");
    refused_then(
        &b,
        "features",
        &[&big],
        &features,
        "What is the phone’s number?",
    )
    .await;

    let rtl_number = "\u{202E}07700 900982";
    // An invisible character is named by its code point, not put in the words.
    b.paste("phone-number", rtl_number).await;
    b.submit().await;
    let said = b.wait_for_text(".error-summary", "U+202E").await;
    assert!(!said.contains('\u{202E}'), "{said}");
    refused_then(
        &b,
        "phone-number",
        &[IMG, JS_URL, rtl_number, &big],
        "07700 900982",
        "Which network provider is the phone with?",
    )
    .await;
    b.choose("EE").await;
    b.submit().await;
    b.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
        .await;
    b.choose("No").await;
    b.submit().await;
    b.wait_for_heading("Find your phone’s IMEI number").await;
    b.submit().await;
    b.wait_for_heading("What is your phone’s IMEI number?")
        .await;
    // The live check under the field reads whatever is pasted.
    refused_then(
        &b,
        "imei-1",
        &[SCRIPT, RTL, &big],
        "352099001761481",
        "This IMEI number is correct",
    )
    .await;
    b.submit().await;
    b.wait_for_heading("Block the phone with your network provider")
        .await;
    let provider_reference = format!("{JS_URL}{RTL}");
    b.paste("provider-reference", &big).await;
    b.submit().await;
    b.wait_for(".error-summary").await;
    refused_then(
        &b,
        "provider-reference",
        &[],
        &provider_reference,
        "Report it to the police",
    )
    .await;
    b.client
        .find(Locator::Id("police-force"))
        .await
        .expect("the police force list")
        .select_by_value("metropolitan")
        .await
        .expect("choose the police force");
    b.choose("Yes, by phone").await;
    b.submit().await;
    b.wait_for_heading("What is your crime reference number?")
        .await;
    refused_then(
        &b,
        "crime-reference",
        &[IMG, JS_URL, "01/1234\u{202E}567/26", &big],
        "01/1234567/26",
        "Is the phone insured?",
    )
    .await;
    b.choose("Yes").await;
    b.submit().await;
    b.wait_for("#insurer").await;
    b.paste("policy-number", SCRIPT).await;
    b.paste("claim-reference", &format!("{RTL}{JS_URL}")).await;
    refused_then(&b, "insurer", &[&big], IMG, "Check your answers").await;

    // Every answer is shown exactly as typed, as text.
    let shown = b.text(".summary-list").await.unwrap_or_default();
    for typed in [
        IMG,
        SCRIPT,
        JS_URL,
        "gnp.exe",
        "07700 900982",
        "01/1234567/26",
    ] {
        assert!(shown.contains(typed), "{typed} missing from: {shown}");
    }
    b.assert_nothing_ran("check answers").await;
    b.check_page("hostile-text-check-answers").await;

    // A reload on this device brings every hostile answer back unchanged.
    b.client.refresh().await.expect("reload");
    b.wait_for_heading("Check your answers").await;
    assert_eq!(b.text(".summary-list").await.unwrap_or_default(), shown);
    b.assert_nothing_ran("check answers after a reload").await;

    // Change links still move between pages and come back.
    b.click("a[href='#/phone?change']").await;
    b.wait_for_heading("About your phone").await;
    assert_eq!(b.value("model").await, SCRIPT);
    assert_eq!(b.value("features").await, features);
    b.fill("model", "Galaxy A54").await;
    b.submit().await;
    b.wait_for_heading("Check your answers").await;
    assert!(
        b.text(".summary-list")
            .await
            .unwrap_or_default()
            .contains("Galaxy A54")
    );
    b.click("a[href='#/where?change']").await;
    b.wait_for_heading("Where did it happen?").await;
    assert_eq!(b.value("place").await, place);
    b.submit().await;
    b.wait_for_heading("Check your answers").await;

    b.submit().await;
    b.wait_for_heading("Your report").await;
    b.wait_for("pre.report-code__text").await;
    b.assert_nothing_ran("report").await;
    b.check_page("hostile-text-report").await;
    let code = b
        .text("pre.report-code__text")
        .await
        .expect("a report code");

    // The check page shows a real code's hostile values as text, and refuses
    // hostile pastes and a tampered code with plain words.
    b.open("#/check-code").await;
    b.wait_for_heading("Check a report code").await;
    b.paste("report-code", &code).await;
    b.submit().await;
    b.wait_for(".check-result--valid").await;
    b.assert_nothing_ran("check code: the real code").await;
    b.check_page("hostile-text-check-code-valid").await;
    assert!(code.contains("352099001761481"), "{code}");
    let tampered = code.replacen("352099001761481", IMG, 1);
    for (name, pasted) in [
        ("tampered", tampered.as_str()),
        ("img", IMG),
        ("script", SCRIPT),
        ("javascript", JS_URL),
        ("rtl", RTL),
        ("huge", &big),
        ("code-then-markup", &format!("{code}\n{SCRIPT}")),
    ] {
        b.paste("report-code", pasted).await;
        b.submit().await;
        b.wait_for(".check-result--invalid").await;
        b.assert_nothing_ran(&format!("check code: {name}")).await;
    }
    b.check_page("hostile-text-check-code-refused").await;
    // And a good code still checks after all that.
    b.paste("report-code", &code).await;
    b.submit().await;
    b.wait_for(".check-result--valid").await;
    b.assert_nothing_ran("check code: the real code again")
        .await;
    b.finish().await;
}

/// A module of one function whose body is `unreachable`: calling it throws
/// the same `WebAssembly.RuntimeError` that a panic in the release build does.
const TRAP: &str = "const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,5,1,3,0,0,11]))).exports.f;";

/// The release build turns a panic into a trap. Whether the trap comes out
/// of an event handler or a promise, the widget gives way to the page's own
/// message with the number to call.
#[tokio::test]
async fn a_trap_in_the_wasm_shows_the_crash_message() {
    let b = Browser::start(1280, 900).await;
    for (how, raise) in [
        ("from a callback", "setTimeout(trap); return true;"),
        (
            "from a promise",
            "Promise.resolve().then(trap); return true;",
        ),
    ] {
        b.open("").await;
        b.wait_for_heading("Your phone has been stolen or lost")
            .await;
        b.js(&format!("{TRAP} {raise}")).await;
        b.wait_for("#crash:not([hidden])").await;
        let shown = b
            .js("return [document.getElementById('app').hidden, document.getElementById('crash').innerText];")
            .await;
        assert_eq!(shown[0], json!(true), "{how}: the widget is hidden");
        let message = shown[1].as_str().unwrap_or_default();
        assert!(
            message.contains("Sorry, something went wrong") && message.contains("08 08 16 89 111"),
            "{how}: the message says what to do: {message}"
        );
        assert_eq!(b.axe_violations().await, Vec::<String>::new(), "{how}");
    }
    b.screenshot("crash-message").await;
    b.finish().await;
}
