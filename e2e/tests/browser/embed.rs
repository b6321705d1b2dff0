//! The widget embedded in a charity's page on another origin, under that
//! page's own strict CSP, through embed.js.

use std::time::Duration;

use e2e::{Browser, origin};
use serde_json::{Value, json};

/// A demo host page on a second loopback origin, with its own strict CSP
/// that allows only the widget's script and frame.
fn host_page() -> String {
    let widget = origin();
    let dir = xtask::repo_root().join(format!("target/e2e-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        format!(
            r##"<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Safe Haven Trust: help after a phone theft</title><link rel="stylesheet" href="host.css"></head>
<body>
<header class="site">Safe Haven Trust</header>
<main><h1>Had your phone stolen?</h1><p>Our helper below walks you through what to do.</p>
<div id="stolen-phone-widget"></div>
<script src="{widget}/embed.js" async data-target="stolen-phone-widget"
  data-theme-button="#4c2c92" data-theme-link="#4c2c92" data-title="Phone theft helper"></script>
</main>
</body></html>"##
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("host.css"),
        "body{margin:0;font-family:Georgia,serif;background:#f4f1fa}.site{background:#4c2c92;color:#fff;padding:1rem 2rem;font-size:1.5rem}main{max-width:50rem;margin:0 auto;padding:1rem}",
    )
    .unwrap();
    let policy = format!(
        "default-src 'none'; script-src 'self' {widget}; frame-src {widget}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
    );
    xtask::server::spawn_with_policy(dir, 0, policy)
        .unwrap()
        .origin()
}

async fn frame_height(b: &Browser) -> f64 {
    b.js("return document.querySelector('iframe').getBoundingClientRect().height;")
        .await
        .as_f64()
        .unwrap()
}

#[tokio::test]
async fn the_embedded_widget_is_themed_sized_to_fit_and_sealed_from_the_host() {
    let host = host_page();
    let b = Browser::start(1280, 900).await;
    b.client.goto(&format!("{host}/")).await.unwrap();
    b.wait_for("iframe").await;

    let frame = b.js("const f = document.querySelector('iframe'); return [f.title, f.getAttribute('sandbox'), f.getAttribute('allow')];").await;
    assert_eq!(frame[0], json!("Phone theft helper"));
    let sandbox = frame[1].as_str().unwrap();
    assert!(
        !sandbox.contains("allow-top-navigation"),
        "no top navigation without the host's opt-in: {sandbox}"
    );

    // The host's script cannot read the widget's document.
    let reach = b
        .js("try { return String(document.querySelector('iframe').contentWindow.document.body); } catch (e) { return e.name; }")
        .await;
    assert_eq!(reach, json!("SecurityError"));

    b.client.enter_frame(0).await.unwrap();
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    // The embed's colours apply once the widget has taken over.
    b.wait_for_widget().await;
    let button = b
        .js("return getComputedStyle(document.querySelector('main .button')).backgroundColor;")
        .await;
    assert_eq!(
        button,
        json!("rgb(76, 44, 146)"),
        "the host's colour from data-theme-button"
    );
    b.check_page("embed-01-start-in-frame").await;
    b.client.enter_parent_frame().await.unwrap();
    wait_for_fitted_height(&b).await;
    b.screenshot("embed-02-host-page").await;

    b.client.enter_frame(0).await.unwrap();
    b.walk_to_report_lost("Someone else’s, or a shared one")
        .await;
    b.check_page("embed-03-report-in-frame").await;
    b.client.enter_parent_frame().await.unwrap();
    wait_for_fitted_height(&b).await;
    assert_eq!(
        b.js("return window.__cspViolations;").await,
        json!([]),
        "CSP violations on the host page"
    );
    b.screenshot("embed-04-host-report").await;
    b.finish().await;
}

/// Waits until the frame is as tall as the widget's content says it is.
async fn wait_for_fitted_height(b: &Browser) {
    let mut last = (0.0, Value::Null);
    for _ in 0..100 {
        b.client.enter_frame(0).await.unwrap();
        let content = b.js("return document.documentElement.scrollHeight;").await;
        b.client.enter_parent_frame().await.unwrap();
        let frame = frame_height(b).await;
        if content.as_f64().is_some_and(|c| (c - frame).abs() <= 1.0) {
            return;
        }
        last = (frame, content);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the frame never fitted its content: frame {}, content {}",
        last.0, last.1
    );
}
