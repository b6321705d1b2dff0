//! Reading photos in the release build: a box label's photo chosen on the
//! IMEI page offers the label's IMEIs and fills the fields only when Use is
//! pressed; photos that give no IMEI say why in plain words. The reader's
//! module is fetched only once a photo button is pressed. On the check
//! page, a photo of a printed report lists each of its QR codes, checked,
//! in every browser (the widget's own QR worker reads them).

use std::path::PathBuf;

use e2e::Browser;
use test_photos::{Grey, LabelSpec, Variant, label_photo, page_photo, report_codes};

const RESULT: &str = ".label-photo__result";

/// Writes `photo` as a PNG file for the browser to choose.
fn saved(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = xtask::repo_root().join("target/e2e/photos");
    std::fs::create_dir_all(&dir).expect("create target/e2e/photos");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("save the photo");
    path
}

fn label(spec: &LabelSpec, variant: Variant) -> Vec<u8> {
    label_photo(spec, variant, 1600, 1200).png()
}

/// How many of the page's requests were for the label reader's module.
async fn reader_fetched(b: &Browser) -> u64 {
    let count = b
        .js("return performance.getEntriesByType('resource').filter(e => e.name.includes('split-label-reader')).length;")
        .await;
    count.as_u64().unwrap_or_default()
}

#[tokio::test]
async fn a_label_photo_offers_its_imeis_and_fills_them_only_when_used() {
    let b = Browser::start(1280, 1000).await;
    b.walk_to_enter_imei("Apple iPhone", "No").await;
    b.wait_for_text("main", "Take a photo of the box label")
        .await;
    b.wait_for_text("main", "It is not sent anywhere and it is not kept.")
        .await;
    assert_eq!(reader_fetched(&b).await, 0, "fetched before any press");
    b.fill("imei-1", "35 2099").await;

    let two = saved(
        "two-imeis.png",
        &label(&LabelSpec::two_imeis(), Variant::Rotated(10.0)),
    );
    b.choose_file("label-photo-file", &two).await;
    let said = b
        .wait_for_text(RESULT, "We found these numbers on the label.")
        .await;
    for shown in [
        "IMEI 1",
        "352099001761481",
        "IMEI 2",
        "356938035643809",
        "such as the serial number, are not IMEIs",
        "This replaces the IMEI you have typed.",
    ] {
        assert!(said.contains(shown), "{shown:?} not in {said:?}");
    }
    assert!(
        !said.contains("F2LZK0QJN72J"),
        "the serial number is not offered: {said}"
    );
    // Nothing is filled until Use is pressed.
    assert_eq!(b.value("imei-1").await, "35 2099");
    assert_eq!(reader_fetched(&b).await, 1);
    b.check_page("photo-01-found").await;

    b.press_button("Use these IMEIs").await;
    b.wait_for_text("#imei-1-check", "This is a correct IMEI number.")
        .await;
    assert_eq!(b.value("imei-1").await, "352099001761481");
    // Two IMEIs on the label: the second field shows, filled.
    assert_eq!(b.value("imei-2").await, "356938035643809");
    assert_eq!(b.focused().await, "imei-1");
    assert_eq!(b.text(RESULT).await.as_deref(), Some(""));
    b.finish().await;
}

#[tokio::test]
async fn a_label_far_off_in_a_large_photo_is_read_closer_the_second_time() {
    let b = Browser::start(1280, 1000).await;
    b.walk_to_enter_imei("Samsung", "Yes").await;
    // At 1600 pixels wide its modules are a pixel and a quarter, too small
    // to read; the part holding the label, at the photo's own 2.5, reads.
    let photo = label_photo(&LabelSpec::two_imeis(), Variant::Distant, 3200, 2400);
    let path = saved("distant.png", &photo.png());
    b.choose_file("label-photo-file", &path).await;
    let said = b
        .wait_for_text(RESULT, "We found these numbers on the label.")
        .await;
    assert!(
        said.contains("352099001761481") && said.contains("356938035643809"),
        "{said}"
    );
    b.finish().await;
}

#[tokio::test]
async fn photos_that_give_no_imei_say_why() {
    let b = Browser::start(1280, 1000).await;
    b.walk_to_enter_imei("Samsung", "Yes").await;
    b.fill("imei-1", "35 2099").await;

    let cases = [
        (
            "very-blurred.png",
            label(&LabelSpec::one_imei(), Variant::VeryBlurred),
            "We can see a barcode in this photo but cannot read it.",
        ),
        (
            "cut-off.png",
            label(&LabelSpec::one_imei(), Variant::CutOff),
            "none of them is an IMEI",
        ),
        (
            "plain.png",
            Grey::new(800, 600, 190).png(),
            "We could not find a barcode in this photo.",
        ),
        (
            "not-a-photo.png",
            b"These words are not a picture.".to_vec(),
            "This file could not be opened as a photo.",
        ),
    ];
    for (name, bytes, why) in cases {
        let path = saved(name, &bytes);
        b.choose_file("label-photo-file", &path).await;
        let said = b.wait_for_text(RESULT, why).await;
        let tips = said.contains("hold the phone about 15 cm from the label");
        assert_eq!(
            tips,
            !name.starts_with("cut") && !name.starts_with("not"),
            "{name}: {said}"
        );
        assert_eq!(b.value("imei-1").await, "35 2099", "{name}");
        assert!(!said.contains("Use this IMEI"), "{name}: {said}");
    }
    b.check_page("photo-02-unreadable").await;
    b.finish().await;
}

const CODES: &str = ".code-photo__result";

/// A photo of the printed report, both codes on it.
fn printed_report(variant: Variant, width: usize, height: usize) -> Vec<u8> {
    let codes = report_codes();
    page_photo(&[&codes[0], &codes[1]], variant, width, height)
        .expect("the codes fit a QR code")
        .png()
}

#[tokio::test]
async fn a_photo_of_the_printed_report_checks_both_its_codes() {
    let b = Browser::start(1280, 1000).await;
    b.open("#/check-code").await;
    b.wait_for_text("main", "Or read the code from a photo")
        .await;
    b.wait_for_text("main", "It is not sent anywhere and it is not kept.")
        .await;
    b.fill("report-code", "PHONE-THEFT").await;

    let photo = saved(
        "report-page.png",
        &printed_report(Variant::Rotated(10.0), 1600, 1200),
    );
    b.choose_file("code-photo-file", &photo).await;
    let said = b
        .wait_for_text(CODES, "We found 2 QR codes in the photo.")
        .await;
    let at = |shown: &str| {
        said.find(shown)
            .unwrap_or_else(|| panic!("{shown:?} not in {said:?}"))
    };
    // Left to right as printed: the network provider's code, then the
    // insurer's, each checked and its fields shown.
    assert!(at("QR code 1 of 2") < at("This code is for: a network provider"));
    assert!(at("This code is for: a network provider") < at("QR code 2 of 2"));
    assert!(at("QR code 2 of 2") < at("This code is for: an insurer"));
    at("Acme Insurance");
    at("352099001761481");
    let valid = b
        .js("return document.querySelectorAll('.code-photo__result .check-result--valid').length;")
        .await;
    assert_eq!(valid, 2);
    // The typed box is left as it was.
    assert_eq!(b.value("report-code").await, "PHONE-THEFT");
    b.js("document.querySelector('.code-photo').scrollIntoView(); return true;")
        .await;
    b.check_page("photo-03-report-codes").await;
    b.finish().await;
}

#[tokio::test]
async fn report_photos_that_do_not_read_say_why() {
    let b = Browser::start(1280, 1000).await;
    b.open("#/check-code").await;
    b.wait_for_text("main", "Or read the code from a photo")
        .await;

    // Glare over the insurer's code: the network provider's still checks.
    let glare = saved(
        "report-glare.png",
        &printed_report(Variant::Glare, 1600, 1200),
    );
    b.choose_file("code-photo-file", &glare).await;
    let said = b
        .wait_for_text(CODES, "This QR code could not be read")
        .await;
    assert!(said.contains("We found 2 QR codes in the photo."), "{said}");
    assert!(
        said.contains("This code is for: a network provider"),
        "{said}"
    );
    assert!(
        said.contains("Too much of it is blurred, dirty or covered."),
        "{said}"
    );
    b.js("document.querySelector('.code-photo').scrollIntoView(); return true;")
        .await;
    b.check_page("photo-04-report-glare").await;

    let cases = [
        (
            "report-plain.png",
            Grey::new(800, 600, 190).png(),
            "We could not find a QR code in that picture.",
        ),
        (
            "report-not-a-photo.png",
            b"These words are not a picture.".to_vec(),
            "This file could not be opened as a photo.",
        ),
    ];
    for (name, bytes, why) in cases {
        b.choose_file("code-photo-file", &saved(name, &bytes)).await;
        let said = b.wait_for_text(CODES, why).await;
        assert!(!said.contains("This code is for"), "{name}: {said}");
    }
    b.check_page("photo-05-report-none").await;
    b.finish().await;
}
