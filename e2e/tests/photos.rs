//! Reading photos in the release build: a box label's photo chosen on the
//! IMEI page offers the label's IMEIs and fills the fields only when Use is
//! pressed; photos that give no IMEI say why in plain words. The reader's
//! module is fetched only once a photo button is pressed.

use std::path::PathBuf;

use e2e::Browser;
use test_photos::{Grey, LabelSpec, Variant, label_photo};

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
