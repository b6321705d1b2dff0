//! Offline use in the release build: after one visit the whole journey works
//! with the network off, and a new version waits for the victim to choose it.

use e2e::{Browser, replace_served_file, serve_file, site_dir};
use serde_json::json;
use stolen_phone::core::i18n::{Locale, locale_file};

#[tokio::test]
async fn after_one_visit_the_whole_journey_works_offline() {
    serve_file("e2e/never-cached.txt", "on the server, never cached");
    let b = Browser::start(390, 844).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.wait_for_service_worker().await;
    assert_eq!(b.fetch_result("e2e/never-cached.txt").await, "status 200");

    b.set_offline(true).await;
    // A file the worker never cached fails: the network really is off.
    assert_eq!(b.fetch_result("e2e/never-cached.txt").await, "failed");

    b.client.refresh().await.expect("reload the page");
    b.wait_for("main h1").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.check_page("offline-01-start").await;
    // Another language's words come from the cache too.
    let welsh = locale_file(Locale::Cy);
    assert_eq!(b.fetch_result(&welsh).await, "status 200");
    // Host configuration is fetched from the network first, then the cache.
    let config = b.fetch_result("config.json").await;
    assert!(
        config == "status 404" || config == "status 200",
        "config.json offline: {config}"
    );

    b.walk_to_report_lost().await;
    b.check_page("offline-02-report").await;
    b.set_offline(false).await;
    b.finish().await;
}

#[tokio::test]
async fn a_new_version_waits_until_the_victim_chooses_it() {
    let b = Browser::start(1280, 900).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.wait_for_service_worker().await;
    let before = b.cache_names().await;
    assert_eq!(before.len(), 1, "one version cached: {before:?}");
    b.choose("Someone else’s, or a shared one").await;
    // Marks this page, to tell whether it reloads.
    b.js("window.__firstLoad = true;").await;

    // A new release: the same files under a new version.
    let worker = std::fs::read_to_string(site_dir().join("sw.js")).expect("read sw.js");
    // The file is minified, so look for the name and then its quoted value.
    let at = worker.find("VERSION").expect("sw.js names its version");
    let start = at + worker[at..].find('"').expect("the version is quoted") + 1;
    let end = start + worker[start..].find('"').expect("the version ends");
    let new_version = "e2e-new-version";
    let updated = format!("{}{new_version}{}", &worker[..start], &worker[end..]);
    replace_served_file("sw.js", &updated);
    let checked = b
        .js_async("navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => done('ok'), e => done(String(e)));")
        .await;
    assert_eq!(checked, json!("ok"));

    let notice = b
        .wait_for_text(".notice--update", "A new version of this tool is ready")
        .await;
    assert!(
        notice.contains("Reloading clears the answers"),
        "on someone else's device the notice warns about answers: {notice}"
    );
    b.check_page("offline-03-update-ready").await;
    // Nothing reloads by itself, and the page still runs its first version.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        b.js("return window.__firstLoad === true;").await,
        json!(true)
    );
    assert_eq!(b.cache_names().await.len(), 2, "old and new versions kept");

    b.press_button("Reload now").await;
    for _ in 0..200 {
        if b.js("return window.__firstLoad !== true;").await == json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        b.js("return window.__firstLoad !== true;").await,
        json!(true),
        "pressing the button reloads the page"
    );
    b.wait_for("main h1").await;
    b.wait_for_service_worker().await;
    let after = b.cache_names().await;
    assert!(
        after.len() == 1 && after[0].ends_with(new_version),
        "only the new version is cached: {after:?}"
    );
    assert!(
        b.text(".notice--update").await.is_none(),
        "the notice is gone"
    );
    b.check_page("offline-04-updated").await;
    b.finish().await;
}
