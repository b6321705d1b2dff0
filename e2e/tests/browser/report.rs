//! The report page and "check a report code", in the release build: a whole
//! insured journey, both QR codes read back from a screenshot, the provider's
//! code checked on the staff page (and refused once a digit is changed), and
//! the A4 printout on one page.

use base64::Engine;
use e2e::{Browser, Journey};
use fantoccini::Locator;
use stolen_phone_core::report::WhatHappened;
use stolen_phone_core::report::code::{Decoded, Recipient, decode};

const IMEI_1: &str = "352099001761481";
const IMEI_2: &str = "490154203237518";

fn journey() -> Journey<'static> {
    Journey {
        whose_device: "Someone else’s, or a shared one",
        incident: "Someone took it by force, or threatened me",
        date: ["24", "11", "2026"],
        time: "9.30pm",
        place: "Number 73 bus, Oxford Street",
        make: "Apple iPhone",
        model: "iPhone 15 Pro",
        phone_number: "07700 900123",
        network: "I don’t know",
        dual_sim: "Yes",
        imeis: &["35 209900 176148 1", IMEI_2],
        provider_reference: "",
        police_force: "metropolitan",
        how_reported: "Yes, online",
        crime_reference: Some("01/123456/26"),
        insurance: Some(["Acme Insurance", "POL-778899", "CLM 2026/0042"]),
    }
}

#[tokio::test]
async fn the_report_codes_scan_check_out_and_print_on_one_page() {
    let b = Browser::start(1280, 900).await;
    b.walk_journey(&journey()).await;
    b.wait_for("svg.qr").await;
    b.js("document.getElementById('code-network-provider').scrollIntoView(); return 0;")
        .await;
    b.check_page("20-report").await;

    // Both codes, read from a screenshot of the whole page as a camera would.
    let shot = b
        .cdp(
            "Page.captureScreenshot",
            serde_json::json!({ "format": "png", "captureBeyondViewport": true }),
        )
        .await;
    let png = base64::engine::general_purpose::STANDARD
        .decode(
            shot["data"]
                .as_str()
                .expect("captureScreenshot returns data"),
        )
        .expect("base64 PNG");
    std::fs::write(
        xtask::repo_root().join("target/e2e/20-report-full-page.png"),
        &png,
    )
    .unwrap();
    let mut found = read_qr_codes(&png);
    assert_eq!(found.len(), 2, "expected 2 QR codes, read {found:?}");
    found.sort_by_key(|text| text.contains("FOR: insurer"));
    let provider = decode(&found[0]).expect("the provider's code decodes");
    let insurer = decode(&found[1]).expect("the insurer's code decodes");
    assert_eq!(provider.recipient, Recipient::NetworkProvider);
    assert_eq!(insurer.recipient, Recipient::Insurer);
    for decoded in [&provider, &insurer] {
        assert_shared_fields(decoded);
    }
    assert_eq!(provider.report.insurance, Default::default());
    let insurance = &insurer.report.insurance;
    assert_eq!(
        insurance.insurer.as_ref().unwrap().as_str(),
        "Acme Insurance"
    );
    assert_eq!(
        insurance.policy_number.as_ref().unwrap().as_str(),
        "POL-778899"
    );
    assert_eq!(
        insurance.claim_reference.as_ref().unwrap().as_str(),
        "CLM 2026/0042"
    );

    // The words under each code are the code.
    let provider_text = b
        .js("return document.getElementById('code-network-provider-text').textContent;")
        .await;
    let provider_text = provider_text.as_str().unwrap_or_default().to_owned();
    assert_eq!(provider_text, found[0]);
    let page = b.text("main").await.unwrap_or_default();
    for words in ["08 08 16 89 111", "If your phone comes back", "Still to do"] {
        assert!(page.contains(words), "the report page should say {words:?}");
    }

    // One page of A4.
    assert_eq!(
        b.print_pages("report-print").await,
        1,
        "the printout should fit one A4 page"
    );

    // Staff paste the provider's code on the check page.
    b.client
        .find(Locator::LinkText("Check a report code (for staff)"))
        .await
        .expect("the footer link")
        .click()
        .await
        .unwrap();
    b.wait_for_heading("Check a report code").await;
    b.fill("report-code", &provider_text).await;
    b.submit().await;
    let verified = b.wait_for(".check-result--valid").await;
    let shown = verified.text().await.unwrap_or_default();
    for words in [
        "This code is complete and has not been changed.",
        IMEI_1,
        IMEI_2,
        "Check digit is right",
        "01/123456/26",
        "Metropolitan Police Service",
        "Robbery",
    ] {
        assert!(
            shown.contains(words),
            "the check should show {words:?}: {shown}"
        );
    }
    b.check_page("21-check-code-valid").await;

    // One digit changed: the checksum catches it.
    let changed = provider_text.replacen(IMEI_1, "352099001761491", 1);
    assert_ne!(changed, provider_text);
    b.fill("report-code", &changed).await;
    b.submit().await;
    let refused = b.wait_for(".check-result--invalid").await;
    let shown = refused.text().await.unwrap_or_default();
    assert!(
        shown.contains("Line 12") && shown.contains("CRC32 check does not match"),
        "{shown}"
    );
    b.check_page("22-check-code-refused").await;
    b.finish().await;
}

fn assert_shared_fields(decoded: &Decoded) {
    let report = &decoded.report;
    let imeis: Vec<String> = report.imeis.iter().map(|i| i.digits()).collect();
    assert_eq!(imeis, [IMEI_1, IMEI_2]);
    assert!(report.imeis.iter().all(|i| i.check_digit_ok()));
    assert_eq!(report.phone.as_ref().unwrap().as_str(), "+447700900123");
    assert_eq!(report.make.as_ref().unwrap().as_str(), "Apple");
    assert_eq!(report.model.as_ref().unwrap().as_str(), "iPhone 15 Pro");
    assert_eq!(report.what_happened, WhatHappened::Robbery);
    assert!(report.when.to_string().starts_with("2026-11-24T21:30"));
    assert_eq!(report.reference.as_ref().unwrap().as_str(), "01/123456/26");
    assert_eq!(
        report.police_force.as_ref().unwrap().as_str(),
        "Metropolitan Police Service"
    );
}

/// Every QR code rqrr finds in a PNG screenshot, as text.
fn read_qr_codes(png_bytes: &[u8]) -> Vec<String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG screenshot");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a sane PNG size")];
    let frame = reader.next_frame(&mut pixels).expect("PNG pixels");
    let (width, height) = (frame.width as usize, frame.height as usize);
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        _ => 4,
    };
    let stride = frame.line_size;
    let luma = |x: usize, y: usize| {
        let at = y * stride + x * channels;
        if channels < 3 {
            pixels[at]
        } else {
            let [r, g, b] = [pixels[at], pixels[at + 1], pixels[at + 2]].map(u32::from);
            ((r * 299 + g * 587 + b * 114) / 1000) as u8
        }
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}
