//! The check page's QR worker failing, in the release build: a trap in the
//! reader ends that worker, not the widget. The page says the photo could
//! not be read, the crash message stays hidden, and the page goes on
//! working. (A test program of its own: it replaces the served worker.)

use e2e::{Browser, replace_served_file};
use test_photos::{Variant, page_photo, report_codes};

#[tokio::test]
async fn a_trap_in_the_qr_reader_costs_one_photo_not_the_widget() {
    let b = Browser::start(1280, 1000).await;
    // The worker as it would be if rqrr failed an assertion: in the release
    // a panic is a trap, a WebAssembly.RuntimeError.
    replace_served_file(
        "qr-worker.js",
        "self.onmessage = () => { throw new WebAssembly.RuntimeError(\"unreachable\"); };\n",
    );
    b.open("#/check-code").await;
    b.wait_for_text("main", "Or read the code from a photo")
        .await;

    let codes = report_codes();
    let photo = page_photo(&[&codes[0], &codes[1]], Variant::Sharp, 800, 600).unwrap();
    let dir = xtask::repo_root().join("target/e2e/photos");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("trap.png");
    std::fs::write(&path, photo.png()).unwrap();
    b.choose_file("code-photo-file", &path).await;
    b.wait_for_text(
        ".code-photo__result",
        "The photo could not be read on this device.",
    )
    .await;
    let crashed = b
        .js("return !document.getElementById('crash').hidden;")
        .await;
    assert_eq!(crashed, serde_json::json!(false), "the crash message shows");

    // The widget still checks a pasted code.
    b.paste("report-code", &codes[0]).await;
    b.press_button("Check").await;
    b.wait_for_text(
        ".check-result--valid",
        "This code is for: a network provider",
    )
    .await;
    b.finish().await;
}
