//! The IMEI pages in the release build: where to find it, the live check as
//! people paste what they found, and the checked result. The model lookup is
//! there only when the build imported a TAC export, so model names are
//! checked only then.

use e2e::Browser;

const VALID: &str = "352099001761481";
const SECOND: &str = "352099001761499";
const CHECK: &str = "#imei-1-check";

/// Whether this build has a model lookup (`TACDB_CSV` or `data/tacdb.csv`).
fn table_installed() -> bool {
    // Without an export the build writes an empty table.
    xtask::tac::find_export().is_some()
}

#[tokio::test]
async fn the_live_check_reads_what_people_paste() {
    let b = Browser::start(1280, 1000).await;
    b.walk_to_find_imei("Apple iPhone", "Yes").await;

    // An iPhone: the Apple places to look, and no Samsung one.
    let page = b.text("main").await.unwrap_or_default();
    for place in ["The phone’s box", "Your Apple Account", "Insurance papers"] {
        assert!(page.contains(place), "find page lacks {place:?}: {page}");
    }
    assert!(!page.contains("Your Samsung account"), "{page}");
    assert!(page.contains("I can’t find it"), "{page}");
    b.check_page("imei-01-find").await;
    b.submit().await;

    b.wait_for_heading("What is your phone’s IMEI number?")
        .await;
    assert!(b.value("imei-2").await.is_empty());

    // Still typing: nothing to say yet.
    b.fill("imei-1", "35 2099").await;
    assert_eq!(b.text(CHECK).await.as_deref(), Some(""));

    // A correct IMEI, with its model when this site can look it up.
    b.fill("imei-1", "35 209900 176148 1").await;
    let said = b
        .wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    if table_installed() {
        let said = b.wait_for_text(CHECK, "Model:").await;
        // The export names this TAC as an Alcatel, not the iPhone chosen.
        assert!(said.contains("Alcatel"), "{said}");
        assert!(
            said.contains("You said the phone is Apple iPhone"),
            "{said}"
        );
    } else {
        b.wait_for_text("main", "Model lookup is not installed on this site")
            .await;
        assert!(!said.contains("not right"), "{said}");
    }
    b.check_page("imei-02-valid").await;

    // 14 digits: offer the whole IMEI, and keep what was typed until pressed.
    b.fill("imei-1", "35209900176148").await;
    b.wait_for_text(CHECK, "You have typed 14 digits").await;
    assert_eq!(b.value("imei-1").await, "35209900176148");
    b.check_page("imei-03-fourteen-digits").await;
    b.press_button(&format!("Use {VALID}")).await;
    b.wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, VALID);

    // An IMEISV: the IMEI and the software version.
    b.fill("imei-1", "IMEISV: 35 209900 176148 23").await;
    let said = b.wait_for_text(CHECK, "IMEISV").await;
    assert!(said.contains("(23)") && said.contains(VALID), "{said}");
    b.check_page("imei-04-imeisv").await;
    b.press_button(&format!("Use {VALID}")).await;
    b.wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, VALID);

    // Two digits swapped: suggested fixes, one press puts it right.
    b.fill("imei-1", "352099007161481").await;
    let said = b.wait_for_text(CHECK, "This IMEI is not right.").await;
    let fix = format!("Use {VALID} (digits 9 and 10 swapped)");
    assert!(said.contains(&fix), "{said}");
    assert_eq!(b.value("imei-1").await, "352099007161481");
    b.check_page("imei-05-typo").await;
    b.press_button(&fix).await;
    b.wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, VALID);

    // Numbers that are not the phone's IMEI.
    b.fill("imei-1", "8904 9032 0000 0000 0000 0000 0000 0123")
        .await;
    b.wait_for_text(CHECK, "This is an EID.").await;
    b.check_page("imei-06-eid").await;
    b.fill("imei-1", "8944110068256270054").await;
    b.wait_for_text(CHECK, "This is a SIM card number (ICCID).")
        .await;
    b.check_page("imei-07-iccid").await;

    // Arabic-Indic digits: read, kept as typed, and offered in 0 to 9.
    let arabic = "٣٥٢٠٩٩٠٠١٧٦١٤٨١";
    b.fill("imei-1", arabic).await;
    let said = b
        .wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert!(said.contains(&format!("We read it as {VALID}.")), "{said}");
    assert_eq!(b.value("imei-1").await, arabic);
    b.check_page("imei-08-arabic-indic").await;
    b.press_button(&format!("Use {VALID}")).await;
    b.wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, VALID);

    // Both IMEIs pasted into the first box: split them.
    b.fill("imei-1", &format!("IMEI1: {VALID} IMEI2: {SECOND}"))
        .await;
    b.wait_for_text(CHECK, "You have pasted 2 numbers.").await;
    b.check_page("imei-09-two-in-one").await;
    b.press_button("Put them in IMEI 1 and IMEI 2").await;
    b.wait_for_text(CHECK, "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, VALID);
    assert_eq!(b.value("imei-2").await, SECOND);

    // The second IMEI the same as the first: said as they type.
    b.fill("imei-2", VALID).await;
    b.wait_for_text("#imei-2-check", "This is the same as IMEI 1.")
        .await;
    b.fill("imei-2", SECOND).await;
    b.wait_for_text("#imei-2-check", "This is a correct IMEI number.")
        .await;

    b.submit().await;
    b.wait_for_heading("This IMEI number is correct").await;
    let result = b.text("main").await.unwrap_or_default();
    for part in [
        VALID,
        SECOND,
        "35209900",
        "176148",
        "TÜV SÜD (BABT), United Kingdom",
    ] {
        assert!(result.contains(part), "the result lacks {part:?}: {result}");
    }
    if table_installed() {
        assert!(result.contains("Alcatel"), "{result}");
    }
    b.check_page("imei-10-checked").await;
    b.finish().await;
}

#[tokio::test]
async fn find_page_by_make_and_the_about_page() {
    let b = Browser::start(800, 1000).await;
    b.walk_to_find_imei("Samsung", "No").await;
    let page = b.text("main").await.unwrap_or_default();
    for place in ["Your Samsung account", "Your Google Account (Find Hub)"] {
        assert!(page.contains(place), "find page lacks {place:?}: {page}");
    }
    assert!(!page.contains("Your Apple Account"), "{page}");
    b.check_page("imei-11-find-samsung").await;

    // "I can't find it" goes on without an IMEI.
    b.press_button("I can’t find it").await;
    for _ in 0..100 {
        if b.text("h1").await.as_deref() != Some("Find your phone’s IMEI number") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let heading = b.text("h1").await.unwrap_or_default();
    assert!(
        !heading.contains("IMEI"),
        "still on an IMEI page: {heading}"
    );

    b.open("#/about").await;
    b.wait_for_heading("About this tool").await;
    let about = b.text("main").await.unwrap_or_default();
    for credit in [
        "Osmocom TAC database",
        "CC-BY-SA 3.0",
        "Harald Welte 2016",
        "GSMA TS.06",
        "Open Government Licence",
        "MIT OR Apache-2.0",
        "no cookies",
    ] {
        assert!(about.contains(credit), "about lacks {credit:?}: {about}");
    }
    if table_installed() {
        b.wait_for_text("main", "The model list on this site says:")
            .await;
    }
    b.check_page("imei-12-about").await;
    b.finish().await;
}
